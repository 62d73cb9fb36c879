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
    import gettext
    import sys

    import typer.core  # noqa: F401  (loads typer's vendored click)

    for name, mod in list(sys.modules.items()):
        if not (name == "click" or name.startswith(("click.", "typer"))) or mod is None:
            continue
        if getattr(mod, "_", None) is gettext.gettext:
            mod._ = _gettext
        if getattr(mod, "ngettext", None) is gettext.ngettext:
            mod.ngettext = _ngettext
    _patch_help_option()
    _patch_errors()
    # typer.rich_utils pulls in rich.markdown, markdown-it and pygments (~0.06–0.09 s): only help
    # and usage errors need it, so its panel titles are translated when it is first imported.
    if "typer.rich_utils" in sys.modules:
        _patch_rich_utils(sys.modules["typer.rich_utils"])
    elif not any(isinstance(f, _RichUtilsHook) for f in sys.meta_path):
        sys.meta_path.insert(0, _RichUtilsHook())


def _patch_rich_utils(ru) -> None:
    import gettext

    if getattr(ru, "_", None) is gettext.gettext:
        ru._ = _gettext
    ru.OPTIONS_PANEL_TITLE = "选项"
    ru.COMMANDS_PANEL_TITLE = "命令"
    ru.ARGUMENTS_PANEL_TITLE = "参数"
    ru.ERRORS_PANEL_TITLE = "错误"
    ru.ABORTED_TEXT = "已中止。"
    ru.DEFAULT_STRING = "[默认：{}]"
    ru.REQUIRED_LONG_STRING = "[必填]"
    ru.ENVVAR_STRING = "[环境变量：{}]"
    ru.RICH_HELP = "请运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"
    ru.DEPRECATED_STRING = "（已弃用）"


class _RichUtilsHook:
    """A meta-path finder that lets the normal import of ``typer.rich_utils`` happen, then
    translates its constants."""

    def find_spec(self, name, path=None, target=None):
        if name != "typer.rich_utils":
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module, _original=original):
            _original(module)
            _patch_rich_utils(module)

        loader.exec_module = exec_module
        return spec


def _patch_help_option() -> None:
    """The help option's own text is a literal in Click/Typer; translate it where it is made."""
    import sys

    for name in ("typer._click.core", "click.core"):
        mod = sys.modules.get(name)
        cls = getattr(mod, "Command", None) if mod else None
        if cls is None or getattr(cls.get_help_option, "_zh", False):
            continue
        original = cls.get_help_option

        def get_help_option(self, ctx, _original=original):
            opt = _original(self, ctx)
            if opt is not None and opt.help:
                opt.help = _gettext(opt.help)
            return opt

        get_help_option._zh = True
        cls.get_help_option = get_help_option


_ERROR_PATTERNS = [
    (r"^No such option: (.+?) \(Possible options: (.+)\)$", r"没有这个选项：\1（可能的选项：\2）"),
    (r"^No such option: (.+?)(?: Did you mean (.+)\?)?$", r"没有这个选项：\1"),
    (r"^Missing option (.+)\.$", r"缺少选项 \1。"),
    (r"^Missing argument (.+)\.$", r"缺少参数 \1。"),
    (r"^Missing parameter: (.+)$", r"缺少参数：\1"),
    (r"^Invalid value for (.+?): (.+)$", r"\1 的值无效：\2"),
    (r"^Invalid value: (.+)$", r"值无效：\1"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"多余的参数（\1）"),
    (r"^Option (.+) requires an argument\.$", r"选项 \1 需要一个值。"),
    (r"^Option (.+) does not take a value\.$", r"选项 \1 不需要值。"),
    (r"Input should be a valid integer, unable to parse string as an integer", "应为整数"),
    (r"Input should be a valid integer", "应为整数"),
    (r"Input should be a valid number", "应为数字"),
    (r"^(.+) is not one of (.+)\.$", r"\1 不是可选值之一：\2。"),
    (r"^(.+) is not a valid integer\.$", r"\1 不是有效的整数。"),
    (r"^(File|Path|Directory) (.+) does not exist\.$", r"\2 不存在。"),
    (r"^(File|Path|Directory) (.+) is a directory\.$", r"\2 是一个文件夹。"),
]


def translate_error(message: str) -> str:
    import re

    out = message
    for pattern, repl in _ERROR_PATTERNS:
        out = re.sub(pattern, repl, out)
    return out


def _patch_errors() -> None:
    """Typer's vendored Click builds its error messages with f-strings; translate them where
    they are formatted, and the usage line's prefix where it is written."""
    import sys

    for name in ("typer._click.exceptions", "click.exceptions"):
        mod = sys.modules.get(name)
        if mod is None:
            continue
        for cls_name in ("BadParameter", "MissingParameter", "NoSuchOption", "UsageError", "ClickException"):
            cls = getattr(mod, cls_name, None)
            if cls is None or "format_message" not in cls.__dict__ or getattr(cls.format_message, "_zh", False):
                continue
            original = cls.format_message

            def format_message(self, _original=original):
                return translate_error(_original(self))

            format_message._zh = True
            cls.format_message = format_message
    for name in ("typer._click.formatting", "click.formatting"):
        mod = sys.modules.get(name)
        cls = getattr(mod, "HelpFormatter", None) if mod else None
        if cls is None or getattr(cls.write_usage, "_zh", False):
            continue
        original_usage = cls.write_usage

        def write_usage(self, prog, args="", prefix=None, _original=original_usage):
            return _original(self, prog, args, "用法：" if prefix is None else prefix)

        write_usage._zh = True
        cls.write_usage = write_usage
