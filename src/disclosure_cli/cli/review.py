from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE
from ._common import app, handle_errors


@app.command("review")
def review(
    files: List[Path] = typer.Argument(..., help="各单位的报告或文件夹（含子文件夹），与 check 相同。"),
    output: Path = typer.Option(..., "-o", "--output", help="审核网页（.html），一个独立文件，不需要网络。", dir_okay=False),
    previous: Optional[List[Path]] = typer.Option(
        None, "--previous", "-p", help="上一年度的报告文件夹，用于显示各单位指标与上年相比的变化。"
    ),
    units: Optional[Path] = typer.Option(None, "--units", help="单位清单（.xlsx 或 .csv），列出“未提交”的单位。"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件。"),
) -> None:
    """生成整个文件夹的审核网页（一个独立的 HTML 文件，不需要网络，可打印）。

    网页列出各单位的状态、按规则分的问题数、距截止日期天数，可排序的指标（实质公开率等）和小图表，以及每个有问题单位的三张表（有问题的单元格标出，问题列在旁边）。

    退出码：0 没有错误；1 有单位的报告有错误（仍生成网页）；2 有文件无法读取（仍生成网页）或用法错误。"""
    from ..errors import UsageError
    from ..outputs import check_writable, write_text
    from ..render.review import FAILED, UNREADABLE, review_page
    from ._output import Out

    with handle_errors():
        if output.suffix.lower() not in (".html", ".htm"):
            raise UsageError(f"输出文件应以 .html 结尾：{output}", code="usage-suffix")
        check_writable(output, force=force)
        unit_list = None
        if units is not None:
            from ..units import read_units

            unit_list = read_units(units)
        page, rows = review_page(files, previous=previous or (), units=unit_list)
        write_text(output, page, force=force)
        statuses = [r.status for r in rows]
        Out(stderr=True).line(f"已生成审核网页：{output}（{len(rows)} 个单位，有错误 {statuses.count(FAILED)}，无法读取 {statuses.count(UNREADABLE)}）")
        raise typer.Exit(EXIT_UNUSABLE if UNREADABLE in statuses else EXIT_FINDINGS if FAILED in statuses else EXIT_OK)
