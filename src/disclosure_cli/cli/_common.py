"""What every command shares: the app, global options (``--debug``), and the one place where
errors become a Chinese line and an exit code (``handle_errors``)."""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import contextmanager
from typing import Iterator

import typer

from .. import __version__
from ..errors import EXIT_INTERNAL, DisclosureError
from . import _i18n
from ._output import Out

_i18n.install()

EXIT_PIPE = 141  # 128 + SIGPIPE, as shells report it

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


class State:
    debug = False


state = State()


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


def error_line(message: str) -> None:
    Out(stderr=True).line(("错误：", "bold red"), message)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn the library's errors into one Chinese line and a documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except DisclosureError as e:
        if state.debug:
            traceback.print_exc()
        error_line(str(e))
        raise typer.Exit(e.exit_code) from None
    except BrokenPipeError:  # the reader of our output went away (`disclosure check … | head`)
        _silence_stdout()
        raise typer.Exit(EXIT_PIPE) from None
    except KeyboardInterrupt:
        error_line("已中断，没有写出不完整的文件。")
        raise typer.Exit(130) from None
    except Exception as e:  # a bug: say so, keep the traceback for --debug
        if state.debug:
            traceback.print_exc()
        error_line(
            f"程序内部错误（{type(e).__name__}: {e}）。请加 --debug 重新运行，并把输出报告给开发人员。"
        )
        raise typer.Exit(EXIT_INTERNAL) from None


__all__ = ["app", "state", "handle_errors", "error_line"]
