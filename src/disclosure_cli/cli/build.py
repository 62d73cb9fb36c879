"""``disclosure build``: the finished report as a Word document and a web page, for one file
or for folders of them (``build.run.run`` does the work; this module parses and prints)."""

from __future__ import annotations

import datetime as dt

from pathlib import Path
from typing import List, Optional

import typer

from ._common import app, handle_errors, state
from ._output import console, visible

_STATUS_STYLE = {"built": "green", "draft": "yellow", "blocked": "bold red", "failed": "bold red", "unchanged": "dim", "same": "dim"}


@app.command("build")
def build(
    files: List[Path] = typer.Argument(
        ..., help="填好的工作簿（.xlsx）或 JSON 数据文件，或存放它们的文件夹（含子文件夹），可以给多个。"
    ),
    outdir: Optional[Path] = typer.Option(
        None, "--outdir", "-o", help="输出文件夹（默认为输入文件所在的文件夹）；给的是文件夹时按原有子文件夹分别存放。"
    ),
    to: str = typer.Option("docx,html", "--to", help="输出格式，逗号分隔：docx（Word 文档）、html（网页）、pdf（由 LibreOffice 把 Word 文档转换而成，需先安装 LibreOffice）。"),
    draft: bool = typer.Option(
        False,
        "--draft",
        help="数据有错误时也生成，并在文档上标注“草稿（数据未通过校验）”；退出码仍为 1。",
    ),
    fragment: bool = typer.Option(
        False,
        "--fragment",
        help="网页只输出报告正文片段（文件名 *.fragment.html），便于粘贴到网站内容管理系统的编辑器。",
    ),
    force: bool = typer.Option(
        False, "--force", help="全部重新生成，并覆盖已存在的输出文件（即使它不是本程序由同一输入生成的）。"
    ),
    previous: Optional[Path] = typer.Option(
        None, "--previous", "-p", help="上一年度的报告（工作簿或 JSON），校验时核对上年结转等数据。"
    ),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", min=1, help="同时处理的进程数（默认为 CPU 核数；1 表示不另开进程）。"
    ),
    report: Optional[Path] = typer.Option(
        None,
        "--report",
        help="把本次运行的结果另存为 JSON 文件（每个输入的状态、问题数、截止日期、输出文件及其 SHA-256）。"
        "只替换先前的运行记录；其他已存在的文件须加 --force，本次的输入和输出文件则一律不覆盖。",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度和逐个文件的问题，只列出需要处理的报告和汇总。"),
    decisions: Optional[Path] = typer.Option(
        None,
        "--decisions",
        help="审核记录文件（disclosure accept 写出的）。默认使用每个报告所在文件夹中的“审核记录.json”（如有）。",
    ),
    shard: Optional[str] = typer.Option(
        None,
        "--shard",
        metavar="K/N",
        help="只处理全部报告分成 N 份后的第 K 份（供作业调度系统的作业数组并行运行，各份用 --report 分别记录，"
        "再用 disclosure merge-runs 合并）。",
    ),
) -> None:
    """生成报告：先完整校验，再输出公文格式的 Word 文档和网页。

    可以给文件，也可以给文件夹（自动查找其中的 .xlsx 和报告 .json，跳过临时文件、锁文件、隐藏文件和输出文件）。
    同一文件夹中同名的工作簿和 JSON 数据文件（如 samples/ 中的示例）数据相同时视为同一报告，按工作簿生成；数据不同时两者都不生成。
    每个报告单独处理：有错误级别的问题时不生成它的文件（加 --draft 则生成草稿），一个文件出问题不影响其他文件。
    审核人员用 disclosure accept 确认过的问题显示为“已确认”及理由，不影响生成：错误已全部确认的报告正式生成（不是草稿），运行记录中注明；审核记录文件无法读取的报告不生成（退出码 2）。
    输入、审核记录和选项都没有变化、输出也未被改动的报告直接跳过（“未变化”），加 --force 全部重新生成。
    已存在的输出文件只在加 --force、或它正是先前由同一输入生成且未被修改过时才会被替换。输入文件不会被改动。

    退出码（取所有报告中最严重的）：0 全部已生成；1 有报告数据有错误（未生成，或生成了草稿）；
    2 有文件无法读取、输出文件已存在或无法写入、或用法错误；3 程序内部错误。"""
    with handle_errors():
        from ..build import shards
        from ..build.run import run

        progress = _Progress(quiet)
        try:
            outcome = run(
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
        single = len(outcome.outcomes) == 1 and all(Path(f).is_file() for f in files)
        _print(outcome, quiet=quiet, single=single)
        raise typer.Exit(outcome.exit_code)


@app.command("merge-runs")
def merge_runs(
    parts: List[Path] = typer.Argument(..., help="各部分的运行记录（disclosure build --shard K/N --report 写出的 JSON 文件）。"),
    output: Path = typer.Option(..., "--output", "-o", help="合并后的运行记录文件。"),
    force: bool = typer.Option(False, "--force", help="覆盖已存在的、不是运行记录的文件。"),
) -> None:
    """合并运行记录：把作业数组各任务（build --shard K/N --report 第K份.json）的运行记录合成一份。

    合并后的记录与一次完整运行的记录格式相同（各报告依次列出，状态计数重新统计，退出码取最严重的）。
    各部分的运行选项不同、同一报告出现在两份记录中，不予合并（退出码 2）；--shard K/N 的各份缺了某一份时照样合并，
    在记录的 missing_shards 中列出，并以退出码 2 结束，以免某个任务没有运行而无人发现。

    退出码：与合并后的记录相同（0 全部已生成；1 有报告数据有错误；2 有文件无法使用或缺少某一份）；3 程序内部错误。"""
    with handle_errors():
        from ..build.one import STATUS_NAMES
        from ..build.run import check_run_report_path, write_run_report
        from ..build.shards import merge

        merged = merge(parts)
        check_run_report_path(output, force=force, taken=parts)
        write_run_report(merged, output, force=force)
        c = merged["counts"]
        counts = "，".join(f"{STATUS_NAMES[s]} {c[s]}" for s in STATUS_NAMES if c.get(s))
        out = console()
        out.print(f"合并 {len(parts)} 份运行记录：共 {len(merged['inputs'])} 个报告" + (f"：{counts}" if counts else "") + f"；退出码 {merged['exit_code']}")
        if merged["missing_shards"]:
            out.print(f"[bold red]缺少第 {'、'.join(merged['missing_shards'])} 份的运行记录[/]（相应的作业任务可能没有运行或没有完成）")
        raise typer.Exit(merged["exit_code"])


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
