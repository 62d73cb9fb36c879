"""What every Typer command shares: the app and the global options (``--version``, ``--debug``).
The one place where errors become a Chinese line and an exit code (``handle_errors``) is in
``_run``, which does not need Typer."""

from __future__ import annotations

import typer

from .. import __version__
from . import _i18n
from ._run import EXIT_PIPE, Exit, _silence_stdout, error_line, handle_errors, state

_i18n.install()

app = typer.Typer(
    name="disclosure",
    help=(
        "政府信息公开工作年度报告编制工具：生成 Excel 填报模板，读取并校验填好的工作簿，"
        "输出公文格式的 Word 文档和网页。\n\n"
        "退出码：0 正常；1 有错误级别的问题；2 输入文件无法使用或用法错误；3 程序内部错误。"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"disclosure {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="显示版本并退出。"
    ),
    debug: bool = typer.Option(
        False, "--debug", help="出错时显示完整的 Python 调用栈（供开发人员排查）。", envvar="DISCLOSURE_DEBUG"
    ),
) -> None:
    state.debug = debug


__all__ = ["app", "state", "handle_errors", "error_line", "Exit", "EXIT_PIPE", "_silence_stdout"]
