"""What every command does around its work, without Typer: the global state (``--debug``) and
the one place where errors become a Chinese line and an exit code (``handle_errors``).

Kept free of Typer so that ``disclosure check`` can run without importing it (``fast``)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from collections.abc import Iterator

from ..errors import EXIT_INTERNAL, DisclosureError
from ._output import Out

EXIT_PIPE = 141  # 128 + SIGPIPE, as shells report it


class Exit(SystemExit):
    """End the command with this exit code (Typer and the fast path both let it through)."""


class State:
    debug = False


state = State()


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
    except DisclosureError as e:
        if state.debug:
            import traceback  # only with --debug

            traceback.print_exc()
        error_line(str(e))
        raise Exit(e.exit_code) from None
    except BrokenPipeError:  # the reader of our output went away (`disclosure check … | head`)
        _silence_stdout()
        raise Exit(EXIT_PIPE) from None
    except KeyboardInterrupt:
        error_line("已中断，没有写出不完整的文件。")
        raise Exit(130) from None
    except Exception as e:  # a bug: say so, keep the traceback for --debug
        typer = sys.modules.get("typer")  # a Typer command ending itself (only when Typer runs it)
        if typer is not None and isinstance(e, typer.Exit):
            raise
        if state.debug:
            import traceback  # only with --debug

            traceback.print_exc()
        error_line(
            f"程序内部错误（{type(e).__name__}: {e}）。请加 --debug 重新运行，并把输出报告给开发人员。"
        )
        raise Exit(EXIT_INTERNAL) from None


__all__ = ["Exit", "EXIT_PIPE", "state", "handle_errors", "error_line"]
