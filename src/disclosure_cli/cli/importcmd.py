from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ._common import app, error_line, handle_errors


@app.command("import")
def import_(
    inputs: List[str] = typer.Argument(
        ...,
        help="已发布的报告：网页（.html/.htm，或网页存档 .mhtml/.mht）、Word（.docx；.doc/.wps 需安装 LibreOffice）、"
        "PDF（有文字层），或它的网址（http:// 或 https://）。",
    ),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入的 JSON 文件（只有一个输入时）；不给则输出到屏幕。"),
    outdir: Optional[Path] = typer.Option(None, "-d", "--outdir", help="输出文件夹：每个输入写一个同名的 .json。"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的文件。"),
) -> None:
    """把已发布的报告（网页、Word、PDF）导入为 JSON 数据格式（schema 1）。

    表格按标签识别，合并单元格展开；空白保持空白，不当作 0。每个单元格和段落都记下它在原文中的位置
    （第几个表格第几行第几列、PDF 第几页），JSON 的 source 记录原文件名、SHA-256 和导入程序版本。
    不是报告的文件（列表页、只有附件链接的页面、脚本加载的空壳页面、图片表格、扫描版 PDF）给出一句说明，
    退出码 2，不写任何文件；多个输入中有一个不能导入时，一个文件也不写。"""
    from ..errors import DisclosureError, UsageError
    from ..jsonform import dumps, to_data
    from ..outputs import write_together
    from ..reader import is_url, load

    with handle_errors():
        if output is not None and outdir is not None:
            raise UsageError("-o 和 -d 只能给一个", code="usage-conflict")
        if output is not None and len(inputs) > 1:
            raise UsageError("有多个输入时请用 -d 指定输出文件夹", code="usage-conflict")
        texts: list[tuple[str, Path, str]] = []
        failed = 0
        for path in (p if is_url(p) else Path(p) for p in inputs):
            try:
                report = load(path)
            except DisclosureError as e:
                error_line(str(e))
                failed = max(failed, e.exit_code)
                continue
            data = to_data(report)
            if report.imported:
                data["source"] = report.imported
            stem = _url_stem(path) if is_url(path) else path.stem
            target = output if output is not None else (outdir / (stem + ".json") if outdir is not None else None)
            texts.append((path, target, dumps(data)))
        if failed:
            raise typer.Exit(failed)
        if output is None and outdir is None:
            for _, _, text in texts:
                sys.stdout.write(text)
            return
        write_together([(t, (lambda p, text=text: p.write_text(text, encoding="utf-8"))) for _, t, text in texts], force=force)
        from ._output import Out

        for src, target, _ in texts:
            Out(stderr=True).line(f"已导入：{src} → {target}")


def _url_stem(url: str) -> str:
    """The name a download is saved under: the last part of the address's path, without its
    suffix (``t20250120_96806.htm`` → ``t20250120_96806``)."""
    from urllib.parse import unquote, urlsplit

    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem = Path(name).stem if name else ""
    return stem or urlsplit(url).hostname or "网页"
