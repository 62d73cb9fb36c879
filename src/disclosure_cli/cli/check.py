from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE
from ._common import app, handle_errors


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("check")
def check(
    files: List[Path] = typer.Argument(..., help="要检查的工作簿（.xlsx）或 JSON 数据文件，可以给多个；给文件夹时检查其中（含子文件夹）所有报告。"),
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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只显示每个文件的汇总行。"),
) -> None:
    """检查报告：表内勾稽关系、单元格取值、格式版本、正文与表格是否一致、公开时限。

    规则代码见 disclosure rules。退出码：0 没有错误（--strict 时也没有警告）；1 有上述问题；
    2 有文件无法读取或用法错误。"""
    from ..checks import check_paths, files_json

    with handle_errors():
        items = check_paths(files, previous, select=select, ignore=ignore)
        if fmt is OutputFormat.json:
            sys.stdout.write(json.dumps(files_json(items), ensure_ascii=False, indent=2) + "\n")
        else:
            _print_text(items, quiet)
        code = EXIT_OK
        if any(not hasattr(item, "findings") for _, item in items):
            code = EXIT_UNUSABLE
        elif any(not item.ok(strict) for _, item in items):
            code = EXIT_FINDINGS
        raise typer.Exit(code)


def _print_text(items, quiet: bool) -> None:
    from ..checks.present import grouped, location, summary
    from ._output import Out, print_findings, summary_style

    out = Out()
    for n, (path, item) in enumerate(items):
        if n:
            out.line()
        if not hasattr(item, "findings"):
            out.line((f"{path}：无法读取", "bold red"), f"——{item.message}（{item.code}）")
            continue
        out.line((summary(item, path), summary_style(item.errors, item.warnings)))
        if quiet:
            continue
        fmt = item.report.format
        print_findings(
            out,
            (
                (heading, f.level, f.code, location(fmt, f.refs[0]) if f.refs else "", f.message)
                for heading, findings in grouped(item)
                for f in findings
            ),
        )