"""The work of ``disclosure build``, without Typer: shared by the Typer command (``build``) and
the fast path (``fast``), so both build, print and choose the exit code the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ._output import console, visible
from ._run import state

_STATUS_STYLE = {"built": "green", "draft": "yellow", "blocked": "bold red", "failed": "bold red", "unchanged": "dim", "same": "dim"}


def run(
    files: Sequence[Path],
    *,
    outdir: Path | None = None,
    to: str = "docx,html",
    draft: bool = False,
    fragment: bool = False,
    force: bool = False,
    previous: Path | None = None,
    jobs: int | None = None,
    report: Path | None = None,
    quiet: bool = False,
    decisions: Path | None = None,
    shard: str | None = None,
) -> int:
    """Build ``files`` (``build.run.run``), show progress and results, return the exit code."""
    from ..build import shards
    from ..build.run import run as build

    files = [Path(f) for f in files]
    progress = _Progress(quiet)
    try:
        outcome = build(
            files,
            outdir=outdir,
            to=to,
            draft=draft,
            fragment=fragment,
            force=force,
            previous=previous,
            jobs=jobs,
            run_report=report,
            decisions=decisions,
            shard=shards.parse(shard),
            on_start=progress.start,
            on_result=progress.advance,
        )
    finally:
        progress.stop()
    single = len(outcome.outcomes) == 1 and all(f.is_file() for f in files)
    _print(outcome, quiet=quiet, single=single)
    return outcome.exit_code


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal (never in logs) and not -q."""

    def __init__(self, quiet: bool):
        import sys

        self.bar = None
        self.enabled = not quiet and sys.stderr.isatty()

    def start(self, total: int) -> None:
        if not self.enabled or total < 2:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("生成报告"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("剩余"),
            TimeRemainingColumn(),
            console=console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("build", total=total)

    def advance(self, _outcome) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _print(run, *, quiet: bool, single: bool) -> None:
    from ._output import Out, print_accepted, print_findings, summary_style

    out, err = Out(), Out(stderr=True)
    shown: set[str] = set()  # error messages already printed (a clash names all its inputs once)
    for o in run.outcomes:
        if o.traceback and state.debug:
            err.line(o.traceback.rstrip())
        if o.status == "unchanged" or (quiet and not single):
            continue
        if o.status == "same":
            out.line(("同一报告", "dim"), f"：{o.display} 与 {o.same_as} 数据相同，已按 {o.same_as} 生成")
            continue
        if o.status == "failed":
            if o.error["message"] not in shown:
                shown.add(o.error["message"])
                err.line(("错误：", "bold red"), f"{o.error.get('path') or o.display}：{o.error['message']}")
            continue
        stream = err if o.errors else out
        stream.line((o.summary, summary_style(o.errors, o.warnings)))
        if not quiet:
            print_findings(stream, o.findings)
            print_accepted(stream, o.accepted_findings)
        if o.status == "blocked":
            if single:
                err.line(
                    ("数据有错误，未生成任何文件。", "bold red"),
                    "请按上面的提示修改后重新运行；如需先看排版效果，可加 --draft 生成草稿。",
                )
            else:
                err.line(("数据有错误，未生成该报告的文件。", "bold red"))
        for _, path, _ in o.outputs if o.status in ("built", "draft") else ():
            if o.status == "draft":
                out.line(("已生成草稿", "yellow"), f"（数据未通过校验）：{path}")
            else:
                out.line(("已生成", "green"), f"：{path}")
        if o.final_by_decision:
            out.line(("错误已全部确认", "green"), f"：{o.errors_accepted} 个错误经审核人员确认，已正式生成（不是草稿）")
    if single:
        o = run.outcomes[0]
        if o.status == "unchanged":
            out.line(("未变化", "dim"), f"：{o.display} 的输入和选项与上次相同，输出文件未被改动，已跳过（加 --force 重新生成）")
        line = _deadline_line(run, o)
        if line:
            out.line(line)
        return
    _table(run, quiet)


def _days(run, o) -> str:
    """Days to the deadline; for a report that gives its 发布日期, whether that was on time; past
    the deadline without a date, that the date is missing (not “逾期 609 天” for a report that
    may well have been published on time)."""
    left = run.days_left(o)
    if left is None:
        return ""
    if o.published:
        late = (dt.date.fromisoformat(o.published) - dt.date.fromisoformat(o.deadline)).days
        return f"发布日期 {o.published}，" + (f"晚于截止日期 {late} 天" if late > 0 else "按时")
    if left < 0:
        return f"已过截止日期 {-left} 天，未填发布日期"
    return "今天截止" if left == 0 else f"{left} 天"


def _deadline_line(run, o):
    if not o.deadline:
        return ""
    text = f"发布截止日期：{o.deadline}（{o.deadline_basis or ''}），{_days(run, o)}"
    if run.overdue(o):
        return (f"{text}，已逾期且尚未定稿", "bold red")
    return text


def _note(run, o, shown: dict[str, str], quiet: bool) -> str:
    """The table's last column. An error message was printed above the table (unless -q), and
    one naming several inputs (a clash) is given in full only once."""
    notes = []
    if o.status == "failed" and o.error:
        message = o.error["message"]
        if message in shown:
            notes.append(f"见 {shown[message]}")
        else:
            shown[message] = o.display
            notes.append(message if quiet else "见上方错误信息")
    if o.status == "same":
        notes.append(f"与 {o.same_as} 数据相同，已按它生成")
    if o.status == "unchanged" and o.was == "draft":
        notes.append("上次生成的是草稿")
    if o.final_by_decision:
        notes.append("错误已全部确认")
    if o.status == "blocked":
        notes.append("加 --draft 可生成草稿")
    if run.overdue(o):
        notes.append("已逾期，尚未定稿")
    return "；".join(notes)


def _table(run, quiet: bool) -> None:
    from ..build.one import STATUS_NAMES

    rows = run.outcomes
    if quiet:  # only what needs attention
        rows = [o for o in rows if o.exit_code != 0 or run.overdue(o)]
    c = run.counts()
    parts = [f"{STATUS_NAMES[s]} {c[s]}" for s in STATUS_NAMES if c[s]]
    total = f"共 {len(run.outcomes)} 个报告：" + "，".join(parts) + f"（用时 {run.elapsed:.1f} 秒）"
    if not rows:  # nothing to tabulate (a quiet nightly run with nothing to do): no rich to import
        from ._output import Out

        Out().line(total)
        return
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    out = console()
    if not out.is_terminal:
        out.width = 200  # logs and mail: do not squeeze the table into 80 columns
    shown: dict[str, str] = {}
    if rows:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name, just in (
            ("文件", "left"), ("单位", "left"), ("年度", "right"), ("状态", "left"), ("错误", "right"),
            ("警告", "right"), ("截止日期", "left"), ("剩余", "right"), ("说明", "left"),
        ):
            table.add_column(name, justify=just, overflow="fold")
        for o in rows:
            status = STATUS_NAMES[o.status]
            style = _STATUS_STYLE.get(o.status, "")
            failed = o.status in ("failed", "same")  # no counts of their own
            table.add_row(
                escape(visible(o.display)),
                escape(visible(o.org or "")),
                "" if o.year is None else str(o.year),
                f"[{style}]{status}[/]",
                "" if failed else str(o.errors),
                "" if failed else str(o.warnings),
                o.deadline or "",
                f"[bold red]{_days(run, o)}[/]" if run.overdue(o) else _days(run, o),
                escape(visible(_note(run, o, shown, quiet))),
            )
        out.print(table)
    out.print(escape(total))
