"""Chinese for the strings that Click and Typer print themselves (usage errors, help panels).

Click marks its messages with ``gettext``; we give it a small catalogue instead of shipping
.mo files. Anything not in the catalogue stays in English (and still works)."""

from __future__ import annotations

CATALOGUE = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Try {command!r} for help.": "请运行 {command!r} 查看帮助。",
    "Try '{command} {option}' for help.": "请运行 '{command} {option}' 查看帮助。",
    "Error": "错误",
    "Missing argument {param_hint}.": "缺少参数 {param_hint}。",
    "Missing option {param_hint}.": "缺少选项 {param_hint}。",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "No such option: {name}": "没有这个选项：{name}",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "No such command '{name}'.": "没有这个命令：'{name}'。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option '{name}' requires an argument.": "选项 '{name}' 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Did you mean {possibility}?": "您是否想输入 {possibility}？",
    "(Possible options: {possibilities})": "（可能的选项：{possibilities}）",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not a valid integer.": "{value!r} 不是有效的整数。",
    "integer": "整数",
    "{len_type} {filename!r} does not exist.": "{len_type} {filename!r} 不存在。",
    "File": "文件",
    "Directory": "文件夹",
    "Path": "路径",
    "Aborted!": "已中止。",
    "default": "默认",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
}


def _gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return CATALOGUE.get(singular if n == 1 else plural, singular if n == 1 else plural)


def install() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types
    import typer.rich_utils as ru

    for mod in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(mod, "_"):
            mod._ = _gettext
        if hasattr(mod, "ngettext"):
            mod.ngettext = _ngettext
    ru.OPTIONS_PANEL_TITLE = "选项"
    ru.COMMANDS_PANEL_TITLE = "命令"
    ru.ARGUMENTS_PANEL_TITLE = "参数"
    ru.ERRORS_PANEL_TITLE = "错误"
    ru.ABORTED_TEXT = "已中止。"
    ru.DEFAULT_STRING = "[默认：{}]"
    ru.REQUIRED_SHORT_STRING = "*"
    ru.REQUIRED_LONG_STRING = "[必填]"
    ru.ENVVAR_STRING = "[环境变量：{}]"
    ru.RICH_HELP = "请运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
    ru.DEPRECATED_STRING = "（已弃用）"
    if hasattr(ru, "_"):
        ru._ = _gettext
