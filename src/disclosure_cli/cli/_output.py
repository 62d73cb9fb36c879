"""Lines for people: light colour on a terminal, plain text everywhere else.

Plain output (pipes, logs, NO_COLOR) is written directly and does not import rich, which keeps
``disclosure check`` in scripts fast; on a colour terminal rich renders the styles."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

Part = "str | tuple[str, str]"  # plain text, or (text, rich style)

LEVEL_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def use_color(stream=None) -> bool:
    """NO_COLOR / FORCE_COLOR honoured, otherwise colour only on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    color = use_color(stream)
    return Console(
        file=stream,
        no_color=not color,
        color_system="auto" if color else None,
        force_terminal=True if color and os.environ.get("FORCE_COLOR") else None,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


# Control characters from a report (an org name with ESC…) are shown as ``\x1b``, never sent to the
# terminal, where they could move the cursor, recolour or rewrite what the reviewer reads.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F) if chr(c) not in "\n\t"}


def visible(text: str) -> str:
    return text.translate(_CONTROLS)


class Out:
    def __init__(self, stderr: bool = False):
        self.stream = sys.stderr if stderr else sys.stdout
        self.color = use_color(self.stream)
        self._console = console(stderr=stderr) if self.color else None

    def line(self, *parts: Part) -> None:
        parts = tuple(visible(p) if isinstance(p, str) else (visible(p[0]), p[1]) for p in parts)
        if self._console is None:
            self.stream.write("".join(p if isinstance(p, str) else p[0] for p in parts) + "\n")
            return
        from rich.markup import escape

        markup = "".join(
            escape(p) if isinstance(p, str) else (f"[{p[1]}]{escape(p[0])}[/]" if p[1] else escape(p[0]))
            for p in parts
        )
        self._console.print(markup)


def summary_style(errors: int, warnings: int) -> str:
    return "bold red" if errors else ("yellow" if warnings else "green")


def print_findings(out: Out, findings: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Findings as (heading, level, code, where, message), grouped under their headings."""
    from ..checks.present import level_name

    group = None
    for heading, level, code, where, message in findings:
        if heading != group:
            out.line("  ", (heading, "bold"))
            group = heading
        out.line("    ", (level_name(level), LEVEL_STYLES.get(level, "")), " ", (code, "dim"), f"  {where}" if where else "")
        out.line(f"      {message}")


def print_accepted(out: Out, rows: Iterable[tuple]) -> None:
    """Accepted findings (``checks.present.accepted_rows``), after the open ones: 已确认, the level,
    the code, where, the message and the reviewer's reason."""
    from ..checks.present import level_name

    rows = list(rows)
    if not rows:
        return
    out.line("  ", ("已确认（审核人员已说明理由，不计入退出码）", "bold"))
    for level, code, where, message, reason, by, at in rows:
        out.line("    ", ("已确认", "green"), f" {level_name(level)} ", (code, "dim"), f"  {where}" if where else "")
        out.line(f"      {message}")
        who = "，".join(str(x) for x in (by, str(at or "")[:10]) if x)
        out.line("      ", ("理由：", "dim"), reason, f"（{who}）" if who else "")
