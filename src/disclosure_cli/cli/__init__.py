"""The command line: thin Typer layer over the library. No logic lives here.

Each command is its own module; errors are turned into exit codes in one place
(``_common.handle_errors``)."""

from __future__ import annotations

import sys

from ._common import app

# Register the commands (each module adds itself to ``app``).
from . import new, export, importcmd, check, accept, decisions, rules, build, rollup, review  # noqa: F401,E402  (in the order help lists them)


def main() -> None:
    try:
        app(prog_name="disclosure")
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            from ._common import _silence_stdout

            _silence_stdout()


__all__ = ["app", "main"]
