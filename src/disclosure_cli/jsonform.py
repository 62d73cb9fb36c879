"""The JSON data form of one report (``shared/spec/report-json.md``), both ways."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from . import formats as F
from .errors import InputError
from .model import META_FIELDS, Cell, Paragraph, Problem, Report, Source

SCHEMA = 1
_YEAR_RE = re.compile(r"\s*(\d{4})\s*年?\s*")


def parse_year(raw: object) -> int | None:
    """A report year as typed: ``2024``, ``2024.0``, ``"2024"``, ``"2024年"``."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int):
        return raw if 1900 < raw < 3000 else None
    if isinstance(raw, float) and raw.is_integer():
        return parse_year(int(raw))
    if isinstance(raw, str):
        import unicodedata

        m = _YEAR_RE.fullmatch(unicodedata.normalize("NFKC", raw))
        return int(m.group(1)) if m else None
    return None


def _path(*parts: str) -> str:
    out = "$"
    for p in parts:
        out += f".{p}" if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) else f'["{p}"]'
    return out


def from_data(data: Any, path: str | None = None) -> Report:
    """Build a ``Report`` from a parsed JSON data form."""
    where = path
    if not isinstance(data, dict):
        raise InputError("不是报告数据：JSON 顶层应为一个对象", code="json-not-report", path=where)
    if "t3" not in data and "sections" not in data:
        raise InputError(
            "不是报告数据：缺少 t3 / sections 等字段（是否为其他程序的 JSON？）",
            code="json-not-report",
            path=where,
        )
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise InputError(
            f"数据格式版本 schema={schema!r} 不受支持（本程序读取 schema={SCHEMA}）",
            code="json-schema",
            path=where,
        )
    raw_year = data.get("year")
    year = parse_year(raw_year)
    fmt_id = data.get("format")
    format_source = "declared"
    if fmt_id is None:
        if year is None:
            raise InputError("数据既没有 format 也没有 year，无法确定报告格式", code="json-format", path=where)
        fmt = F.for_year(year)
        format_source = "year"
    else:
        if str(fmt_id) not in F.FORMATS:
            raise InputError(
                f"未知的格式版本 format={fmt_id!r}（可用：{'、'.join(F.FORMATS)}）",
                code="json-format",
                path=where,
            )
        fmt = F.FORMATS[str(fmt_id)]
    org = data.get("org")
    report = Report(
        format=fmt,
        org=str(org).strip() if org is not None else "",
        year=year,
        path=path,
        origin="json",
        format_source=format_source,
        raw_year=raw_year if year is None else None,
    )
    report.sources["org"] = Source(path=_path("org"))
    report.sources["year"] = Source(path=_path("year"))
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError("meta 应为一个对象", code="json-not-report", path=where)
    for key, value in meta.items():
        report.meta[str(key)] = "" if value is None else str(value)
        report.sources[f"meta.{key}"] = Source(path=_path("meta", str(key)))
    sections = data.get("sections") or {}
    if not isinstance(sections, dict):
        raise InputError("sections 应为一个对象", code="json-not-report", path=where)
    for s in fmt.sections:
        paras = sections.get(s.id) or []
        if isinstance(paras, str):
            paras = [paras]
        report.sections[s.id] = [
            Paragraph(str(p), Source(path=_path("sections", s.id) + f"[{i}]"))
            for i, p in enumerate(paras)
            if p is not None and str(p).strip()
        ]
    for table in fmt.tables:
        tdata = data.get(table.id) or {}
        if not isinstance(tdata, dict):
            raise InputError(f"{table.id} 应为一个对象", code="json-not-report", path=where)
        for key in table.cells():
            row = tdata.get(key.row) or {}
            raw = row.get(key.column) if isinstance(row, dict) else None
            report.cells[key] = Cell.read(key, raw, Source(path=_path(table.id, key.row, key.column)))
        _unknown_ids(report, table, tdata)
    return report


def _unknown_ids(report: Report, table: F.Table, tdata: dict) -> None:
    """Rows or columns the format does not have: signs of another format version."""
    for row_id, row in tdata.items():
        if not isinstance(row, dict):
            continue
        for col_id, raw in row.items():
            if table.has(row_id, col_id):
                continue
            if raw is None:
                continue
            report.problems.append(
                Problem(
                    code="unknown-cell",
                    message=f"数据中有本格式（{report.format.id}版）没有的单元格 {table.id}[{row_id}][{col_id}]",
                    found=str(raw),
                    source=Source(path=_path(table.id, row_id, col_id)),
                    table=table.id,
                    row=row_id,
                    column=col_id,
                )
            )


def load_json(path: Path) -> Report:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("JSON 文件不是 UTF-8 编码", code="json-encoding", path=str(path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"JSON 格式错误（第 {e.lineno} 行第 {e.colno} 列）：{e.msg}",
            code="json-invalid",
            path=str(path),
        ) from None
    return from_data(data, path=str(path))


def to_data(report: Report) -> dict:
    """The JSON data form of a report: every field and every cell written out."""
    fmt = report.format
    meta = {k: report.meta.get(k, "") for k in META_FIELDS}
    for k, v in report.meta.items():
        if k not in meta:
            meta[k] = v
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "format": fmt.id,
        "org": report.org,
        "year": report.year if report.year is not None else report.raw_year,
        "meta": meta,
        "sections": {s.id: [p.text for p in report.sections.get(s.id, [])] for s in fmt.sections},
    }
    for table in fmt.tables:
        tout: dict[str, dict] = {}
        for key in table.cells():
            cell = report.cells.get(key)
            tout.setdefault(key.row, {})[key.column] = _json_value(cell)
        out[table.id] = tout
    return out


def _json_value(cell: Cell | None):
    if cell is None:
        return None
    if cell.formula is not None:
        # A formula: what the spreadsheet shows (its cached value), else the recomputed sum.
        return cell.value if cell.state == "number" else cell.raw
    return cell.raw


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
