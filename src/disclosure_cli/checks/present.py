"""How findings are shown to a clerk: groups by table/section, locations as seen in the file."""

from __future__ import annotations

from .. import formats as F
from ..model import META_LABELS, ORG_LABEL, YEAR_LABEL
from . import labels as L
from .catalogue import LEVEL_NAMES
from .finding import CheckResult, Finding

_FIELD_NAMES = {"org": ORG_LABEL, "year": YEAR_LABEL, **{f"meta.{k}": v.split("（")[0] for k, v in META_LABELS.items()}}
GENERAL = "基本信息"


def group_of(fmt: F.Format, finding: Finding) -> str:
    """The heading a finding is listed under: its section (tables are printed in sections)."""
    if finding.refs:
        ref = finding.refs[0]
        section = None
        if "table" in ref:
            section = next((t.section for t in fmt.tables if t.id == ref["table"]), None)
        elif "section" in ref:
            section = ref["section"]
        if section is not None:
            return L.section_name(fmt, section)
    return GENERAL


def _cell_name(fmt: F.Format, ref: dict) -> str:
    """The official name of a cell, row or table a ref is about — never an internal key."""
    table_id, row, column = ref.get("table"), ref.get("row"), ref.get("column")
    try:
        table = fmt.table(table_id)
    except KeyError:
        return ref.get("label") or "表格中格式没有的位置"
    if row is not None and column is not None and table.has(str(row), str(column)):
        return L.cell_label(fmt, F.CellKey(table_id, str(row), str(column)))
    if row is not None:
        try:
            return f"{L.table_name(table)} {L.row_label(fmt, table_id, str(row))}"
        except KeyError:
            pass
    return ref.get("label") or L.table_name(table)


def _address(ref: dict) -> str:
    """A workbook cell (``表三!J7``) or a place in a published document (``第 2 个表格 第 5 行
    第 3 列「&nbsp;」``); "" when the ref has none."""
    if not (ref.get("sheet") and ref.get("cell")):
        return ""
    sep = " " if str(ref["cell"]).startswith(("第", "（")) else "!"  # （…）: a cell the document lacks
    return f"{ref['sheet']}{sep}{ref['cell']}"


def location(fmt: F.Format, ref: dict) -> str:
    """``表三!J7 一、本年新收政府信息公开申请数量 / 自然人``, ``第 3 段``, ``正文!C12``
    (the cell holding the paragraph), ``单位信息!B2 机关名称``."""
    prefix = "上一年度 " if ref.get("previous") else ""
    addr = _address(ref)
    if "table" in ref:
        label = ref.get("label") or _cell_name(fmt, ref)
        if addr and label.startswith(ref["sheet"] + " "):
            label = label[len(ref["sheet"]) + 1 :]
        return prefix + " ".join(x for x in (addr, label) if x)
    if "section" in ref:
        n = ref.get("paragraph") or 0
        if addr:  # the cell is the place to look; a paragraph number counts the whole section
            k = ref.get("paragraph_in_cell")
            return prefix + addr + (f" 格内第 {k} 段" if k else "")
        where = f"第 {n} 段" if n else "整个部分"
        return prefix + where
    if "field" in ref:
        return prefix + " ".join(x for x in (addr, _FIELD_NAMES.get(ref["field"], "")) if x)
    return prefix + addr


def where(fmt: F.Format, finding: Finding) -> str:
    """The location shown for a finding: its first ref (a merged finding: first…last cell)."""
    if not finding.refs:
        return ""
    first, last = finding.refs[0], finding.refs[-1]
    if "merged" in finding.args and _address(first) and last.get("cell"):
        return f"{_address(first)}…{last['cell']}"
    return location(fmt, first)


def summary(result: CheckResult, path: str | None = None) -> str:
    r = result.report
    who = r.org or "（未填机关名称）"
    year = f"{r.year} 年度" if r.year is not None else "（年度未知）"
    merged = merged_counts(result)
    note = f"（{merged[0]} 个同类问题合并为 {merged[1]} 行显示）" if merged[0] else ""
    return (
        f"{path or r.path or ''}：{who} {year}，{r.format.id} 版格式 —— "
        f"错误 {result.errors}，警告 {result.warnings}，提示 {result.infos}{note}"
    )


def decisions_note(result: CheckResult) -> str:
    """What the reviewer's decisions did, for the summary line: ``；已确认 2；1 条审核记录已失效…``
    ("" when no decisions file applied)."""
    if result.decisions_path is None:
        return ""
    n = len(result.accepted_findings)
    note = f"；已确认 {n}" if n else ""
    if result.stale:
        note += f"；{len(result.stale)} 条审核记录已失效（数值有变化，见 disclosure decisions --stale）"
    return note


def accepted_rows(result: CheckResult) -> list[tuple[str, str, str, str, str, str | None, str | None]]:
    """The accepted findings as (level, code, where, message, reason, by, at): small, picklable
    (``build`` sends them back from its workers) and what ``cli._output.print_accepted`` shows."""
    fmt = result.report.format
    return [
        (
            f.level, f.code, location(fmt, f.refs[0]) if f.refs else "", f.message,
            f.accepted["reason"], f.accepted.get("by"), f.accepted.get("at"),
        )
        for f in result.accepted_findings
    ]


# Findings about single cells that say the same thing: shown as one line per table.
_MERGED = {
    "value-blank": "空白，计算时按 0 计；没有请填 0",
    "value-na": "填了“/”“-”“不适用”等标记，计算时按 0 计；请改为数字（没有填 0）",
    "value-typing": "数字的填写方式不规范（全角、空格、文本格式、带单位等），已按数字读取",
}
_MERGE_MIN = 3  # fewer than this are listed one by one


def _mergeable(f: Finding) -> tuple | None:
    if f.code not in _MERGED or len(f.refs) != 1 or "table" not in f.refs[0]:
        return None
    return (f.code, f.level, f.refs[0]["table"], bool(f.accepted), bool(f.refs[0].get("previous")))


def _merge(fmt: F.Format, findings: list[Finding]) -> Finding:
    """One finding standing for ``findings`` (same code, one table): “表三 商业企业…其他 5 列
    25 行空白（125 个单元格）”; every ref is kept."""
    first = findings[0]
    refs = [f.refs[0] for f in findings]
    table = fmt.table(refs[0]["table"])
    keys = [F.CellKey(r["table"], str(r["row"]), str(r["column"])) for r in refs]
    order = {k: i for i, k in enumerate(table.cells())}
    col_order = {c.id: i for b in table.blocks for i, c in enumerate(b.columns)}
    rows = sorted({k.row for k in keys}, key=lambda r: min(order.get(k, 0) for k in keys if k.row == r))
    cols = sorted({k.column for k in keys}, key=lambda c: col_order.get(c, 0))
    col_names = [L.column_label(fmt, next(k for k in keys if k.column == c)) for c in cols]
    n = len(keys)
    what = _MERGED[first.code]
    if len(rows) * len(cols) == n and len(cols) > 1 and len(rows) > 1:
        cols_text = f"{col_names[0]}…{col_names[-1]} {len(cols)} 列" if len(cols) > 2 else "、".join(col_names) + " 列"
        where = f"{cols_text} {len(rows)} 行"
    elif len(cols) == 1:
        where = f"{col_names[0]}列 {len(rows)} 行"
    elif len(rows) == 1:
        where = f"{L.row_short(fmt, table.id, rows[0])}行 {len(cols)} 列"
    else:
        shown = "、".join(L.cell_short(fmt, k) for k in keys[:4])
        where = f"{shown}{'等' if n > 4 else ''}"
    message = f"{L.table_name(table)} {where}{what.split('，')[0]}（{n} 个单元格）{'，' + what.split('，', 1)[1] if '，' in what else ''}"
    args = {"merged": n, "cells": [str(k) for k in keys]}
    return Finding(first.code, first.level, message, args, refs, first.order, first.accepted)


def merged(result: CheckResult, findings: list[Finding] | None = None) -> list[Finding]:
    """The findings as shown to a person: those of ``_MERGED`` about at least ``_MERGE_MIN``
    cells of one table become one finding at the place of the first (all refs kept); the
    others as they are. JSON output keeps every finding."""
    findings = result.findings if findings is None else findings
    fmt = result.report.format
    runs: dict[tuple, list[Finding]] = {}
    for f in findings:
        k = _mergeable(f)
        if k is not None:
            runs.setdefault(k, []).append(f)
    out: list[Finding] = []
    for f in findings:
        k = _mergeable(f)
        if k is None or len(runs[k]) < _MERGE_MIN:
            out.append(f)
        elif runs[k][0] is f:
            out.append(_merge(fmt, runs[k]))
    return out


def merged_counts(result: CheckResult) -> tuple[int, int]:
    """(findings shown merged, lines they are shown as)."""
    lines = [f for f in merged(result) if "merged" in f.args]
    return sum(f.args["merged"] for f in lines), len(lines)


def grouped(result: CheckResult) -> list[tuple[str, list[Finding]]]:
    """The findings as shown to a person (``merged``), under the heading of their section."""
    out: dict[str, list[Finding]] = {}
    for f in merged(result):
        out.setdefault(group_of(result.report.format, f), []).append(f)
    return list(out.items())


def level_name(level: str) -> str:
    return LEVEL_NAMES.get(level, level)
