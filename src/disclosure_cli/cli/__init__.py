"""The command line: thin Typer layer over the library. No logic lives here.

Each command is its own module; errors are turned into exit codes in one place
(``_common.handle_errors``)."""

from __future__ import annotations

import sys

from ._common import app

# Register the commands (each module adds itself to ``app``).
from . import new as _new  # noqa: F401,E402
from . import export as _export  # noqa: F401,E402

try:  # commands that are being developed in parallel register when present
    from . import check as _check  # noqa: F401
except ImportError:  # pragma: no cover
    pass
try:
    from . import rules as _rules  # noqa: F401
except ImportError:  # pragma: no cover
    pass
try:
    from . import build as _build  # noqa: F401
except ImportError:  # pragma: no cover
    pass


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
