"""``disclosure build``: the finished report as a Word document and a web page."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ._common import app, console, handle_errors

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@app.command("build")
def build(
    files: List[Path] = typer.Argument(..., help="填好的工作簿（.xlsx）或 JSON 数据文件，可以给多个。"),
    outdir: Optional[Path] = typer.Option(
        None, "--outdir", "-o", help="输出文件夹（默认为输入文件所在的文件夹）。"
    ),
    to: str = typer.Option("docx,html", "--to", help="输出格式，逗号分隔：docx（Word 文档）、html（网页）。"),
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
    force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件（即使它不是本程序由同一输入生成的）。"),
    previous: Optional[Path] = typer.Option(
        None, "--previous", "-p", help="上一年度的报告（工作簿或 JSON），校验时核对上年结转等数据。"
    ),
) -> None:
    """生成报告：先完整校验，再输出公文格式的 Word 文档和网页。

    有错误级别的问题时不生成任何文件（加 --draft 则生成草稿）。输出文件名取自输入文件名，
    例如 report.xlsx → report.docx、report.html；已存在的输出文件只在加 --force、或它正是
    先前由同一输入生成且未被修改过时才会被替换。输入文件不会被改动。

    退出码：0 已生成；1 数据有错误（未生成，或按 --draft 生成了草稿）；2 文件无法读取、
    输出文件已存在或用法错误。"""
    with handle_errors():
        from ..build import build as run

        outcome = run(files, outdir=outdir, to=to, draft=draft, fragment=fragment, force=force, previous=previous)
        _print(outcome)
        raise typer.Exit(outcome.exit_code)


def _print(outcome) -> None:
    from rich.markup import escape

    from ..checks.present import grouped, level_name, location, summary

    out = console()
    err = console(stderr=True)
    for item in outcome.items:
        result = item.result
        shown = [(h, [f for f in fs if f.level != "info"]) for h, fs in grouped(result)]
        shown = [(h, fs) for h, fs in shown if fs]
        stream = err if result.errors else out
        style = "bold red" if result.errors else ("yellow" if result.warnings else "green")
        stream.print(f"[{style}]{escape(summary(result, str(item.path)))}[/]")
        fmt = result.report.format
        for heading, findings in shown:
            stream.print(f"  [bold]{escape(heading)}[/]")
            for f in findings:
                where = location(fmt, f.refs[0]) if f.refs else ""
                stream.print(
                    f"    [{_STYLE.get(f.level, '')}]{level_name(f.level)}[/] [dim]{f.code}[/]"
                    + (f"  {escape(where)}" if where else "")
                )
                stream.print(f"      {escape(f.message)}")
    if outcome.blocked:
        err.print(
            "[bold red]数据有错误，未生成任何文件。[/]请按上面的提示修改后重新运行；"
            "如需先看排版效果，可加 --draft 生成草稿。"
        )
        return
    for item in outcome.items:
        for path in item.written:
            if item.errors:
                out.print(f"[yellow]已生成草稿[/]（数据未通过校验）：{escape(str(path))}")
            else:
                out.print(f"[green]已生成[/]：{escape(str(path))}")
