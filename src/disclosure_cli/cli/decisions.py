from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import EXIT_OK
from ._common import app, handle_errors


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("decisions")
def decisions(
    target: Path = typer.Argument(Path("."), help="报告文件或文件夹（默认为当前文件夹）。"),
    stale: bool = typer.Option(False, "--stale", help="只列出已失效的确认（数值已变化或问题已不存在，或找不到报告）。"),
    decisions_file: Optional[Path] = typer.Option(None, "--decisions", help="审核记录文件（默认为文件夹中的“审核记录.json”）。"),
    previous: Optional[Path] = typer.Option(None, "--previous", "-p", help="上一年度的报告（核对跨年度问题的确认时需要）。"),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="输出格式：text 或 json。"),
) -> None:
    """列出审核记录：每条确认的报告、问题、理由、审核人和时间，以及是否仍然有效。

    “已失效”表示问题涉及的数值或文字已改变（或问题已改正），确认不再适用：可用 disclosure accept 重新确认，或用 accept --undo 删除。

    退出码：0 正常；2 审核记录文件或报告无法读取。"""
    from .. import decisions as D
    from ._output import Out

    with handle_errors():
        path, rows = D.survey(target, decisions_file, previous)
        if stale:
            rows = [(d, s) for d, s in rows if s in (D.STALE, D.NO_REPORT)]
        copies = [] if stale else D.read_all(path)[1]
        if target.is_file():
            copies = [c for c in copies if c.get("file") == target.name]
        copies = [{k: c.get(k) for k in ("org", "year", "file", "sha256", "importer", "by", "at")} for c in copies]
        if fmt is OutputFormat.json:
            doc = {"schema": D.SCHEMA, "path": str(path), "decisions": [{**d, "status": s} for d, s in rows], "reviewed": copies}
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")
            raise typer.Exit(EXIT_OK)
        out = Out()
        if not path.exists():
            out.line(f"{path}：没有审核记录")
            raise typer.Exit(EXIT_OK)
        counts = {s: sum(1 for _, x in rows if x == s) for s in D.STATUS_NAMES}
        detail = "，".join(f"{D.STATUS_NAMES[s]} {n}" for s, n in counts.items() if n)
        out.line((f"{path}：{'已失效的' if stale else ''}确认 {len(rows)} 条" + (f"（{detail}）" if detail else ""), "bold"))
        group = None
        for d, s in rows:
            head = f"{d['org'] or '（未填机关名称）'} {d.get('year') or '？'} 年度（{d.get('file') or ''}）"
            if head != group:
                out.line("  ", (head, "bold"))
                group = head
            style = "green" if s == D.APPLIES else "yellow"
            where = d["values"][0]["where"] if d.get("values") else ""
            out.line("    ", (D.STATUS_NAMES[s], style), f"  {d['code']}  {d['fingerprint']}", f"  {where}" if where else "")
            out.line(f"      {d.get('message') or ''}")
            who = "，".join(str(x) for x in (d.get("by"), str(d.get("at") or "")[:10]) if x)
            out.line(f"      理由：{d['reason']}" + (f"（{who}）" if who else ""))
        if copies:
            out.line((f"审核过的已发布版本 {len(copies)} 个（之后文件一旦改动，check 提示“发布后内容有变化”）：", "bold"))
            for c in copies:
                who = "，".join(str(x) for x in (c.get("by"), str(c.get("at") or "")[:10]) if x)
                out.line(f"  {c['org'] or '（未填机关名称）'} {c.get('year') or '？'} 年度  {c.get('file') or ''}  SHA-256 {str(c.get('sha256'))[:12]}…" + (f"（{who}）" if who else ""))
        raise typer.Exit(EXIT_OK)
