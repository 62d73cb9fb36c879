"""The Typer application with every command registered (in the order help lists them)."""

from __future__ import annotations

from ._common import app

# Register the commands (each module adds itself to ``app``).
from . import new, export, importcmd, check, accept, decisions, rules, build, rollup, review  # noqa: F401,E402

__all__ = ["app"]
