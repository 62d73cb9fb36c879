from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK
from ._common import app, handle_errors


@app.command("rollup")
def rollup(
    files: List[Path] = typer.Argument(..., help="各单位的报告（工作簿或 JSON），可以给多个；给文件夹时汇总其中（含子文件夹）所有报告。"),
    output: Path = typer.Option(..., "-o", "--output", help="汇总结果工作簿（.xlsx），与填报模板格式相同。", dir_okay=False),
    units: Optional[Path] = typer.Option(
        None, "--units", help="单位清单（.xlsx 或 .csv，disclosure new --units 生成模板），用于核对缺报、多报和重复。"
    ),
    org: Optional[str] = typer.Option(None, "--org", help="汇总报告的机关名称（默认为单位清单中的“本机关”）。"),
    year: Optional[int] = typer.Option(None, "--year", help="报告年度（默认为各报告的年度，必须一致）。"),
    previous: Optional[Path] = typer.Option(
        None, "--previous", "-p", help="上一年度的汇总工作簿，用于核对上年结转和上年有、今年缺的单位。"
    ),
    report: Optional[Path] = typer.Option(None, "--report", help="把汇总说明（各单位状态、问题、每个单元格的合计）另写成 JSON。", dir_okay=False),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件。"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只显示汇总行和问题，不列出各单位。"),
) -> None:
    """汇总多个单位的报告：逐个单元格相加（金额按十进制精确计算），注明每个数字的来源。

    输出的工作簿与填报模板格式相同（可以直接 check、build，下一年 new --from），另有“来源”表（每个单位在每个单元格填的数）、“单位清单”表（每个单位的状态）和隐藏的输入文件 SHA-256 记录；输入不变时重新运行得到完全相同的文件。正文“一、总体情况”中关于依申请公开的句子由表格数据自动生成。

    退出码：0 没有错误；1 有单位无法读取、重复、有错误，或汇总结果未通过校验（仍生成文件）；2 无法汇总（没有输入、格式版本或年度不一致、单位清单有误）或用法错误。"""
    from .. import rollup as RU
    from ..errors import UsageError
    from ._output import Out

    with handle_errors():
        if output.suffix.lower() != ".xlsx":
            raise UsageError(f"输出文件应以 .xlsx 结尾：{output}", code="usage-suffix")
        from ..outputs import check_writable

        check_writable(output, force=force)
        if report is not None:
            check_writable(report, force=force)
        unit_list = None
        if units is not None:
            from ..units import read_units

            unit_list = read_units(units)
        prev = prev_units = None
        if previous is not None:
            from ..reader import load

            prev = load(previous)
            prev_units = RU.previous_units(previous)
        result = RU.rollup(
            files, units=unit_list, org=org, year=year, previous=prev, previous_units=prev_units,
            exclude=[p for p in (output, report, previous) if p is not None],
        )
        RU.write_rollup(result, output, report_path=report, force=force)
        result.issues += RU.verify_written(output, result)  # what was written, read back: Σ units = each cell
        out = Out()
        counts: dict[str, int] = {}
        for e in result.entries:
            counts[e.status] = counts.get(e.status, 0) + 1
        summed = sum(counts.get(s, 0) for s in (RU.INCLUDED, RU.HAS_ERRORS, RU.UNKNOWN))
        agg = result.report
        out.line(
            (f"已汇总 {summed} 个单位", "bold"),
            f"（{agg.year} 年度，{agg.format.id} 版格式）→ {output}"
            + "；" + "，".join(f"{RU.STATUS_NAMES[s]} {n}" for s, n in counts.items()),
        )
        if not quiet:
            for e in result.entries:
                if e.status != RU.INCLUDED:
                    out.line(f"  {RU.STATUS_NAMES[e.status]}：{e.name}" + (f"（{e.path}）" if e.path else ""))
        for issue in result.issues:
            out.line(("  错误 " if issue.level == RU.ERROR else "  警告 ", "red" if issue.level == RU.ERROR else "yellow"), (issue.code, "dim"), f"  {issue.message}")
        if result.check is not None:
            for f in result.check.findings:
                if f.level in ("error", "warning"):
                    # The roll-up's own 机关名称 comes from --org or the unit list, not from a unit.
                    hint = "（用 --org 写明汇总报告的机关名称，或在单位清单中列出类型为“本机关”的单位）" if f.code == "org-missing" else ""
                    out.line(("  汇总结果" + ("错误 " if f.level == "error" else "警告 "), "red" if f.level == "error" else "yellow"), (f.code, "dim"), f"  {f.message}{hint}")
        raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_OK)
