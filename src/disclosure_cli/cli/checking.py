"""The work of ``disclosure check``, without Typer: shared by the Typer command (``check``) and
the fast path (``fast``), so both check, print and choose the exit code the same way."""

from __future__ import annotations

import sys
from pathlib import Path
from collections.abc import Sequence

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE


def run(
    files: Sequence[str | Path],
    previous: Path | None = None,
    *,
    fmt: str = "text",
    strict: bool = False,
    select: str | None = None,
    ignore: str | None = None,
    quiet: bool = False,
    decisions: Path | None = None,
) -> int:
    """Check ``files`` (file and folder names, or ``http(s)://`` addresses), print the findings
    (``fmt``: text or json), return the exit code."""
    from ..checks import SCHEMA, file_json, iter_checks
    from ..reader import is_url

    files = [f if is_url(f) else Path(f) for f in files]
    unusable = findings = False
    entries: list[dict] = []  # JSON: the small per-file entries, never the reports
    printer = _Printer(quiet) if fmt != "json" else None
    for path, item in iter_checks(files, previous, select=select, ignore=ignore, decisions=decisions):
        if not hasattr(item, "findings"):
            unusable = True
        elif not item.ok(strict):
            findings = True
        if printer is None:
            entries.append(file_json(path, item))
        else:
            printer.item(path, item)  # as soon as it is checked: one report in memory at a time
    if printer is None:
        import json

        sys.stdout.write(json.dumps({"schema": SCHEMA, "files": entries}, ensure_ascii=False, indent=2) + "\n")
    if unusable:
        return EXIT_UNUSABLE
    if findings:
        return EXIT_FINDINGS
    return EXIT_OK


class _Printer:
    """The text output, one report at a time."""

    def __init__(self, quiet: bool):
        from ._output import Out

        self.out = Out()
        self.quiet = quiet
        self.n = 0

    def item(self, path: str, item) -> None:
        from ..checks.present import accepted_rows, decisions_note, grouped, summary, where
        from ..reader import displayed
        from ._output import print_accepted, print_findings, summary_style

        path = displayed(path)  # a name in GBK bytes: “�” for them (the message spells it)
        out = self.out
        if self.n:
            out.line()
        self.n += 1
        if not hasattr(item, "findings"):
            out.line((f"{path}：无法读取", "bold red"), f"——{item.message}（{item.code}）")
            return
        out.line((summary(item, path) + decisions_note(item), summary_style(item.errors, item.warnings)))
        if self.quiet:
            return
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
