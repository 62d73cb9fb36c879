from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ._common import app, handle_errors


@app.command("export")
def export(
    file: Path = typer.Argument(..., help="填好的工作簿（.xlsx）或 JSON 数据文件。"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入的 JSON 文件；不给则输出到屏幕。"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件。"),
) -> None:
    """把报告导出为 JSON 数据格式（schema 1）。"""
    from ..jsonform import dumps, to_data
    from ..outputs import write_text
    from ..reader import load

    with handle_errors():
        text = dumps(to_data(load(file)))
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(output, text, force=force)
