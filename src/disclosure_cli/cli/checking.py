"""The work of ``disclosure check``, without Typer: shared by the Typer command (``check``) and
the fast path (``fast``), so both check, print and choose the exit code the same way."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE


def run(
    files: Sequence[str | Path],
    previous: Optional[Path] = None,
    *,
    fmt: str = "text",
    strict: bool = False,
    select: Optional[str] = None,
    ignore: Optional[str] = None,
    quiet: bool = False,
    decisions: Optional[Path] = None,
) -> int:
    """Check ``files`` (file and folder names, or ``http(s)://`` addresses), print the findings
    (``fmt``: text or json), return the exit code."""
    from ..checks import check_paths, files_json
    from ..reader import is_url

    files = [f if is_url(f) else Path(f) for f in files]
    items = check_paths(files, previous, select=select, ignore=ignore, decisions=decisions)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(files_json(items), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(items, quiet)
    if any(not hasattr(item, "findings") for _, item in items):
        return EXIT_UNUSABLE
    if any(not item.ok(strict) for _, item in items):
        return EXIT_FINDINGS
    return EXIT_OK


def _print_text(items, quiet: bool) -> None:
    from ..checks.present import accepted_rows, decisions_note, grouped, summary, where
    from ._output import Out, print_accepted, print_findings, summary_style

    out = Out()
    for n, (path, item) in enumerate(items):
        if n:
            out.line()
        if not hasattr(item, "findings"):
            out.line((f"{path}：无法读取", "bold red"), f"——{item.message}（{item.code}）")
            continue
        out.line((summary(item, path) + decisions_note(item), summary_style(item.errors, item.warnings)))
        if quiet:
            continue
        fmt = item.report.format
        print_findings(
            out,
            (
                (heading, f.level, f.code, where(fmt, f), f.message)
                for heading, findings in grouped(item)
                for f in findings
                if not f.accepted
            ),
        )
        print_accepted(out, accepted_rows(item))
