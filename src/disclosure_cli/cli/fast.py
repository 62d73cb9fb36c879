"""``disclosure check FILE...`` and ``disclosure build FILE...`` without Typer: the commands a
scheduled task or a reviewer's script runs thousands of times, started in the time of their own
work (a nightly ``build`` of unchanged folders is mostly start-up).

Typer (with Click, ``inspect``, ``subprocess``…) costs about as much to import as checking a
workbook. ``parse_command`` reads the plain forms of such a command line — files, and the command's
options written out (``--format json``, ``--format=json``, ``-q``, ``-p 上年.xlsx``, ``-j 2``…),
with ``--debug`` before the command — and gives up (``None``) on anything else: help, usage
mistakes, short options run together, ``--``, an option value that looks like an option or is
not of its type, ``DISCLOSURE_DEBUG`` set. Then Typer runs the command as always, so every
message about usage stays Typer's.

``OPTIONS`` and ``BUILD_OPTIONS`` must say what the Typer commands declare (``cli/check.py``,
``cli/build.py``); a test compares them.
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
BUILD_OPTIONS: dict[str, tuple[str, bool]] = {
    "--outdir": ("outdir", True),
    "-o": ("outdir", True),
    "--to": ("to", True),
    "--draft": ("draft", False),
    "--fragment": ("fragment", False),
    "--force": ("force", False),
    "--previous": ("previous", True),
    "-p": ("previous", True),
    "--jobs": ("jobs", True),
    "-j": ("jobs", True),
    "--report": ("report", True),
    "--quiet": ("quiet", False),
    "-q": ("quiet", False),
    "--decisions": ("decisions", True),
    "--shard": ("shard", True),
}
COMMANDS = {"check": OPTIONS, "build": BUILD_OPTIONS}
PATHS = ("previous", "decisions", "outdir", "report")


def _value(param: str, value: str):
    """An option's value as the Typer command would pass it, or None when Typer must judge it."""
    if param == "fmt":
        return value if value in FORMATS else None
    if param == "jobs":
        return int(value) if value.isascii() and value.isdigit() and int(value) >= 1 else None
    return Path(value) if param in PATHS else value


def parse_command(argv: Sequence[str]) -> tuple[str, bool, list[str], dict] | None:
    """``(command, debug, files, options)`` for a plain ``check`` or ``build`` command line, else ``None``."""
    args = list(argv)
    debug = False
    if args[:1] == ["--debug"]:
        debug = True
        args.pop(0)
    if not args or args[0] not in COMMANDS or "DISCLOSURE_DEBUG" in os.environ:
        return None
    command = args[0]
    known = COMMANDS[command]
    files: list[str] = []
    options: dict = {}
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            files.append(arg)  # a file, a folder or an http(s):// address, as Typer passes it
            continue
        name, eq, value = arg.partition("=")
        if name not in known:
            return None  # help, --, unknown or clustered options: Typer says what is wrong
        param, takes_value = known[name]
        if param in options:
            return None
        if takes_value:
            if not eq:
                value = next(rest, None)
                if value is None or value.startswith("-"):
                    return None
            if not value:
                return None
            options[param] = _value(param, value)
            if options[param] is None:
                return None
        elif eq:
            return None
        else:
            options[param] = True
    if not files:
        return None
    return command, debug, files, options


def run(argv: Sequence[str]) -> int | None:
    """Run a plain ``check`` or ``build`` command line and return its exit code; ``None`` when Typer must."""
    parsed = parse_command(argv)
    if parsed is None:
        return None
    command, debug, files, options = parsed
    from ._run import Exit, handle_errors, state

    if command == "check":
        from .checking import run as work
    else:
        from .building import run as work

    state.debug = debug
    try:
        with handle_errors():
            return work(files, **options)
    except Exit as e:
        return e.code if isinstance(e.code, int) else 1
