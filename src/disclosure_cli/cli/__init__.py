"""The command line: thin Typer layer over the library. No logic lives here.

Each command is its own module; errors are turned into exit codes in one place
(``_run.handle_errors``). A plain ``disclosure check FILE...`` runs without importing Typer
(``fast``); ``app`` (the Typer application with every command) is imported when first used."""

from __future__ import annotations

import sys


def __getattr__(name: str):
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(name)


def main() -> None:
    try:
        from .fast import run

        code = run(sys.argv[1:])
        if code is None:
            from ._app import app

            app(prog_name="disclosure")
        else:
            sys.exit(code)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            from ._run import _silence_stdout

            _silence_stdout()


__all__ = ["app", "main"]
