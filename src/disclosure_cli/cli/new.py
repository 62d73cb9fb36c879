from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._common import app, handle_errors


@app.command("new")
def new(
    output: Path = typer.Option(..., "-o", "--output", help="要生成的模板文件（.xlsx）。", dir_okay=False),
    org: Optional[str] = typer.Option(None, "--org", help="机关名称（全称）。"),
    year: Optional[int] = typer.Option(None, "--year", help="报告年度，例如 2024。默认为正在编制的年度。"),
    format_id: Optional[str] = typer.Option(
        None, "--format", help="格式版本：2019（2019—2020 年度）或 2021（2021 年度起）。默认按年度选择。"
    ),
    data: Optional[str] = typer.Option(
        None, "--data", help="用已有数据预填（JSON 数据文件、已填写的工作簿，或已发布的报告：网页、Word、PDF 或其网址）。"
    ),
    previous: Optional[str] = typer.Option(
        None,
        "--from",
        help="从上一年度的报告开始（工作簿、JSON，或已发布的网页、Word、PDF 或其网址）：预填单位信息，"
        "并把上年“结转下年度继续办理”填入本年“上年结转”。",
    ),
    sentences: bool = typer.Option(
        False, "--sentences", help="与 --data 同用：按表三数据预写依申请公开情况的标准句子（正文第一、三部分），数字与表格一致。"
    ),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件。"),
    units: bool = typer.Option(
        False, "--units", help="改为生成空白的单位清单（单位代码、单位名称、其他名称、单位类型、上级），供 disclosure rollup --units 使用。"
    ),
) -> None:
    """生成 Excel 填报模板（可用 --data 预填）；--units 生成单位清单模板。"""
    from ..starting import new_template

    with handle_errors():
        if units:
            from ..errors import UsageError

            if any(v is not None for v in (org, year, format_id, data, previous)):
                raise UsageError("--units 不能与 --org、--year、--format、--data、--from 同用", code="usage-conflict")
            from ..units import write_template
            from ._output import Out

            write_template(output, force=force)
            Out(stderr=True).line(f"已生成单位清单模板：{output}")
            return
        report = new_template(
            output, org=org, year=year, format_id=format_id, data=data, previous=previous, force=force,
            sentences=sentences,
        )
        from ._output import Out

        Out(stderr=True).line(
            f"已生成模板：{output}（{report.org or '未填机关名称'}，{report.year} 年度，"
            f"{report.format.id} 版格式 {report.format.document}）"
            + ("；已从上年报告预填单位信息和上年结转" if previous else "")
            + (_sentences_note(report) if sentences else "")
        )


def _sentences_note(report) -> str:
    from ..sentences import application_sentences

    if application_sentences(report):
        return "；已按表格数据预写依申请公开情况的句子"
    return "；表三有空白或非数字的单元格，未预写依申请公开情况的句子"
