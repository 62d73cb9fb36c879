"""``disclosure build`` and ``disclosure merge-runs``: the Typer commands. ``building`` does a
build's work and prints it (shared with the fast path); ``build.run.run`` builds."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from . import building
from ._common import app, handle_errors
from ._output import console


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
        code = building.run(
            files, outdir=outdir, to=to, draft=draft, fragment=fragment, force=force, previous=previous, jobs=jobs,
            report=report, quiet=quiet, decisions=decisions, shard=shard,
        )
    raise typer.Exit(code)


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
