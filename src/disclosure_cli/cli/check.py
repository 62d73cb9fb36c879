from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ._common import Exit, app, handle_errors


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("check")
def check(
    files: List[str] = typer.Argument(
        ...,
        help="要检查的报告，可以给多个：工作簿（.xlsx）、JSON 数据文件、已发布的网页（.html/.mhtml）、Word（.docx）、PDF，"
        "或已发布报告的网址（http:// 或 https://）；给文件夹时检查其中（含子文件夹）所有报告。",
    ),
    previous: Optional[Path] = typer.Option(
        None, "--previous", "-p", help="上一年度的报告（工作簿或 JSON），用于核对上年结转、现行有效件数等。"
    ),
    fmt: OutputFormat = typer.Option(
        OutputFormat.text, "--format", help="输出格式：text（默认，便于阅读）或 json（供其他程序使用）。"
    ),
    strict: bool = typer.Option(False, "--strict", help="有警告时也以退出码 1 结束。"),
    select: Optional[str] = typer.Option(
        None, "--select", help="只报告这些规则（代码，逗号分隔，可用 value-* 这样的前缀）。"
    ),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="不报告这些规则（代码，逗号分隔）。"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只显示每个文件的汇总行（不显示各个问题，包括已确认的）。"),
    decisions: Optional[Path] = typer.Option(
        None,
        "--decisions",
        help="审核记录文件（disclosure accept 写出的）。默认使用报告所在文件夹中的“审核记录.json”（如有）。",
    ),
) -> None:
    """检查报告：表内勾稽关系、单元格取值、格式版本、正文与表格是否一致、公开时限。

    审核人员用 disclosure accept 确认过的问题显示为“已确认”及理由，不计入退出码（--strict 也不计）；确认后问题涉及的数值有变化的，确认自动失效，问题重新显示。

    规则代码见 disclosure rules。退出码：0 没有未确认的错误（--strict 时也没有未确认的警告）；1 有上述问题；2 有文件无法读取或用法错误。"""
    from .checking import run

    with handle_errors():
        code = run(files, previous, fmt=fmt.value, strict=strict, select=select, ignore=ignore, quiet=quiet, decisions=decisions)
    raise Exit(code)
