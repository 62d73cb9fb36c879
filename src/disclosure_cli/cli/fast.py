"""``disclosure check FILE...`` without Typer: the command a scheduled task or a reviewer's script
runs thousands of times, started in the time of its own work.

Typer (with Click, ``inspect``, ``subprocess``…) costs about as much to import as checking a
workbook. ``parse`` reads the plain forms of a ``check`` command line — files, and the options of
``check`` written out (``--format json``, ``--format=json``, ``-q``, ``-p 上年.xlsx``…), with
``--debug`` before ``check`` — and gives up (``None``) on anything else: help, usage mistakes,
short options run together, ``--``, an option value that looks like an option, ``DISCLOSURE_DEBUG``
set. Then Typer runs the command as always, so every message about usage stays Typer's.

``OPTIONS`` must say what the Typer command declares (``cli/check.py``); a test compares them.
"""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Sequence

# option string → (parameter of ``checking.run``, whether it takes a value)
OPTIONS: dict[str, tuple[str, bool]] = {
    "--previous": ("previous", True),
    "-p": ("previous", True),
    "--format": ("fmt", True),
    "--strict": ("strict", False),
    "--select": ("select", True),
    "--ignore": ("ignore", True),
    "--quiet": ("quiet", False),
    "-q": ("quiet", False),
    "--decisions": ("decisions", True),
}
FORMATS = ("text", "json")
PATHS = ("previous", "decisions")


def parse(argv: Sequence[str]) -> tuple[bool, list[str], dict] | None:
    """``(debug, files, options)`` for a plain ``check`` command line, else ``None``."""
    args = list(argv)
    debug = False
    if args[:1] == ["--debug"]:
        debug = True
        args.pop(0)
    if args[:1] != ["check"] or "DISCLOSURE_DEBUG" in os.environ:
        return None
    files: list[str] = []
    options: dict = {}
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            files.append(arg)  # a file, a folder or an http(s):// address, as Typer passes it
            continue
        name, eq, value = arg.partition("=")
        if name not in OPTIONS:
            return None  # help, --, unknown or clustered options: Typer says what is wrong
        param, takes_value = OPTIONS[name]
        if param in options:
            return None
        if takes_value:
            if not eq:
                value = next(rest, None)
                if value is None or value.startswith("-"):
                    return None
            if not value:
                return None
            if param == "fmt" and value not in FORMATS:
                return None
            options[param] = Path(value) if param in PATHS else value
        elif eq:
            return None
        else:
            options[param] = True
    if not files:
        return None
    return debug, files, options


def run(argv: Sequence[str]) -> int | None:
    """Run a plain ``check`` command line and return its exit code; ``None`` when Typer must."""
    parsed = parse(argv)
    if parsed is None:
        return None
    debug, files, options = parsed
    from ._run import Exit, handle_errors, state
    from .checking import run as check

    state.debug = debug
    try:
        with handle_errors():
            return check(files, **options)
    except Exit as e:
        return e.code if isinstance(e.code, int) else 1
