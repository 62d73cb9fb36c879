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


# Arguments without a ``metavar`` of their own are named in the usage line and the help by these.
ARGUMENT_NAMES = {
    "files": "报告文件或文件夹",
    "file": "报告文件",
    "inputs": "已发布的报告或网址",  # import
    "targets": "问题代码或fingerprint",  # accept
    "target": "报告文件或文件夹",  # decisions
    "parts": "运行记录",  # merge-runs
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
    _patch_arguments()
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


def _classes(module_names: tuple[str, ...], class_names: tuple[str, ...]):
    """The named classes of Typer's vendored Click and of Click itself, where loaded."""
    import sys

    for name in module_names:
        mod = sys.modules.get(name)
        for cls_name in class_names:
            cls = getattr(mod, cls_name, None) if mod else None
            if cls is not None:
                yield cls


def _wrap(cls, method: str, wrapper) -> None:
    """Replace ``cls.method`` (defined on ``cls`` itself) by ``wrapper(original)``, once."""
    original = cls.__dict__.get(method)
    if original is None or getattr(original, "_zh", False):
        return
    new = wrapper(original)
    new._zh = True
    setattr(cls, method, new)


def _patch_help_option() -> None:
    """The help option's own text is a literal in Click/Typer; translate it where it is made."""

    def wrapper(original):
        def get_help_option(self, ctx):
            opt = original(self, ctx)
            if opt is not None and opt.help:
                opt.help = _gettext(opt.help)
            return opt

        return get_help_option

    for cls in _classes(("typer._click.core", "click.core"), ("Command",)):
        _wrap(cls, "get_help_option", wrapper)


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

    def messages(original):
        def format_message(self):
            return translate_error(original(self))

        return format_message

    def usage(original):
        def write_usage(self, prog, args="", prefix=None):
            return original(self, prog, args, "用法：" if prefix is None else prefix)

        return write_usage

    exceptions = ("BadParameter", "MissingParameter", "NoSuchOption", "UsageError", "ClickException")
    for cls in _classes(("typer._click.exceptions", "click.exceptions"), exceptions):
        _wrap(cls, "format_message", messages)
    for cls in _classes(("typer._click.formatting", "click.formatting"), ("HelpFormatter",)):
        _wrap(cls, "write_usage", usage)


def _patch_arguments() -> None:
    """Typer writes a required argument as ``{files}...`` in the usage line. Name it in Chinese
    (its ``metavar``, else ``ARGUMENT_NAMES``), without the braces: ``报告文件或文件夹...``; and
    ``[OPTIONS]`` as ``[选项]``, ``COMMAND [ARGS]...`` as ``命令 [参数]...``."""

    def init(original):
        def __init__(self, *args, **kw):
            original(self, *args, **kw)
            if self.metavar is None and self.name in ARGUMENT_NAMES:
                self.metavar = ARGUMENT_NAMES[self.name]

        return __init__

    def metavar(original):
        def make_metavar(self, ctx, *args, **kw):
            if self.metavar is None or self.metavar.startswith("["):
                return original(self, ctx, *args, **kw)
            var = self.metavar + ("..." if self.nargs != 1 else "")
            return var if self.required or not kw.get("usage") else f"[{var}]"

        return make_metavar

    for cls in _classes(("typer.core",), ("TyperArgument",)):
        _wrap(cls, "__init__", init)
        _wrap(cls, "make_metavar", metavar)

    def pieces(original):
        def collect_usage_pieces(self, ctx):
            names = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
            return [names.get(p, p) for p in original(self, ctx)]

        return collect_usage_pieces

    for cls in _classes(("typer._click.core", "click.core", "typer.core"), ("Command", "Group", "TyperGroup")):
        _wrap(cls, "collect_usage_pieces", pieces)
