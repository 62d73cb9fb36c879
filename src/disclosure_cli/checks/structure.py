"""Format version, structure problems found while reading, unit name and year."""

from __future__ import annotations

import datetime as dt
import functools
import re

from .. import formats as F
from ..model import Problem
from . import labels as L
from .context import Context

_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


def check_identity(ctx: Context) -> None:
    r = ctx.report
    fmt = ctx.fmt
    if not r.org.strip():
        ctx.emit("org-missing", "没有填写机关名称", [ctx.field_ref("org", r.org)])
    if r.year is None:
        typed = "" if r.raw_year in (None, "") else f"（填的是“{r.raw_year}”）"
        ctx.emit("year-missing", f"没有填写报告年度或无法识别{typed}，应为四位数年份，如 2024", [ctx.field_ref("year", r.raw_year)])
    elif r.year > dt.date.today().year:
        ctx.emit(
            "year-future",
            f"报告年度为 {r.year} 年，晚于今年（{dt.date.today().year} 年），请核对",
            [ctx.field_ref("year", r.year)],
            year=r.year,
        )
    if r.year is not None and not fmt.covers(r.year):
        right = next((f for f in F.FORMATS.values() if f.covers(r.year)), None)
        if right is None:
            expected = "没有对应的统一格式（2019 年及以后才有）"
        else:
            expected = f"应使用 {right.id} 版（{right.document}）"
        ctx.emit(
            "format-year-mismatch",
            f"报告年度为 {r.year} 年，使用的是 {fmt.id} 版格式（{fmt.document}），{expected}",
            [ctx.field_ref("year", r.year)],
            year=r.year,
            format=fmt.id,
            expected=right.id if right else None,
        )
    title = r.meta.get("title", "").strip()
    if title and r.year is not None:
        years = sorted({int(y) for y in _YEAR_IN_TEXT.findall(title)} - {r.year})
        if years:
            ctx.emit(
                "title-year-mismatch",
                f"标题“{title}”中的年份 {'、'.join(map(str, years))} 与报告年度 {r.year} 不符",
                [ctx.field_ref("meta.title", title)],
                years=years,
            )


def _other_formats(fmt: F.Format):
    return [f for f in F.FORMATS.values() if f.id != fmt.id]


def _problem_ref(p: Problem) -> dict:
    ref: dict = {}
    if p.table:
        ref["table"] = p.table
        if p.row:
            ref["row"] = p.row
        col = p.column
        if col:
            ref["column"] = col
        ref["value"] = p.found
    elif p.found is not None:
        ref["field"] = "structure"
        ref["value"] = p.found
    if p.label:
        ref["label"] = p.label
    if p.source is not None and p.source.sheet:
        ref["sheet"] = p.source.sheet
        ref["cell"] = p.source.cell
    return ref


def _is_other_version(fmt: F.Format, p: Problem) -> F.Format | None:
    """The other format version that this problem is a sign of, if any: an altered label or
    an unknown cell that the other version has is reported as ``format-mixed-version``."""
    if p.code == "format-mixed-version":
        return next(iter(_other_formats(fmt)), None)
    if p.code == "unknown-cell" and p.table:
        col = p.column
        for other in _other_formats(fmt):
            try:
                table = other.table(p.table)
            except KeyError:
                continue
            if col is not None and table.has(p.row, col):
                return other
            if col is None and any(r.id == p.row for b in table.blocks for r in b.rows):
                return other
    if p.code == "label-altered" and p.found:
        found = F.normalize_label(p.found)
        for other in _other_formats(fmt):
            if found not in _normalized_labels(fmt.id) and found in _normalized_labels(other.id):
                return other
    return None


@functools.cache
def _normalized_labels(fmt_id: str) -> frozenset[str]:
    """The official labels of a format version, normalised: made once, not once per altered
    label (20,000 altered 正文 headings normalised 400 labels each: 8 s)."""
    return frozenset(F.normalize_label(x) for x in F.FORMATS[fmt_id].labels())


def check_problems(ctx: Context) -> None:
    """The structure problems the readers recorded, under their own catalogue codes. Cell-level
    problems of one row are one finding (a row of the old format is one sign)."""
    fmt = ctx.fmt
    groups: dict[tuple, list[Problem]] = {}
    for p in ctx.report.problems:
        other = _is_other_version(fmt, p)
        code = "format-mixed-version" if other is not None else p.code
        if code == "label-altered" and _drift(fmt, p):
            code = "label-drift"
        if p.code == "unknown-cell" and p.table:
            gkey = (code, p.table, p.row, other.id if other else None)
        else:
            gkey = (code, id(p), None, other.id if other else None)
        groups.setdefault(gkey, []).append(p)
    for (code, *_rest, other_id), problems in groups.items():
        first = problems[0]
        refs = [_problem_ref(p) for p in problems]
        if first.code == "unknown-cell" and first.table:
            cols = [c for c in (p.column for p in problems) if c]
            table_name = L.table_name(fmt.table(first.table)) if first.table in {t.id for t in fmt.tables} else first.table
            if other_id is not None:
                other = F.FORMATS[other_id]
                where = _describe_other(other, first.table, first.row, cols)
                _remember_old_row(ctx, first.table, first.row, problems)
                message = (
                    f"{table_name}中填写了 {other.id} 版格式才有的{where}，本报告使用 {fmt.id} 版格式"
                    + _hint(fmt, first.table, first.row)
                )
            else:
                message = f"{table_name}中有本格式（{fmt.id} 版）没有的行或列：{first.row}（{'、'.join(cols)}）"
            ctx.emit(code, message, refs, columns=cols)
            continue
        message = first.message
        if code == "label-drift":
            ctx.emit(
                "label-drift",
                f"{message}（只差“和/及”、“的”或“政府信息公开工作”等字样，意思相同；请改为格式规定的“{first.label}”）",
                refs,
                label=first.label,
                found=first.found,
            )
            continue
        if code == "format-mixed-version" and other_id and "版" not in message:
            message = f"{message}（{other_id} 版格式的写法，本报告使用 {fmt.id} 版）"
        ctx.emit(code, message, refs, label=first.label, found=first.found)


def _describe_other(other: F.Format, table_id: str, row_id: str | None, cols: list[str]) -> str:
    table = other.table(table_id)
    try:
        row = table.row(row_id)
        row_text = f"行“{row.label}”"
    except KeyError:
        row_text = ""
    col_labels = []
    for c in cols:
        if row_id is not None and table.has(row_id, c):
            col_labels.append(table.locate(row_id, c)[2].label)
    if col_labels and table_id == "t2":
        return f"{row_text}的列“{'”“'.join(col_labels)}”"
    return row_text or "行列"


def _hint(fmt: F.Format, table_id: str, row_id: str | None) -> str:
    """For a row that is a group in this format: name its sub-rows."""
    try:
        table = fmt.table(table_id)
        row = table.row(row_id)
    except KeyError:
        return ""
    if row.group:
        children = [r for r in table.block_of_row(row_id).rows if r.parent == row.id]
        if children:
            return f"，应分别填入“{'”“'.join(c.label for c in children)}”{len(children)} 个子行"
    return ""


# What a heading may lose or change and still be the same heading (label-drift, not altered).
_DRIFT_WORDS = re.compile(r"和|及|与|以及|的|政府信息公开工作|政府信息公开|工作")


def _drift(fmt: F.Format, p: Problem) -> bool:
    """A section heading that differs from the official one only by 和/及/与, 的, or a dropped
    or added 政府信息公开工作 prefix."""
    if not p.label or not p.found or p.table:
        return False
    if p.label not in {s.heading for s in fmt.sections}:
        return False
    strip = lambda t: _DRIFT_WORDS.sub("", F.normalize_label(t))  # noqa: E731
    return strip(p.label) == strip(p.found)


def _remember_old_row(ctx: Context, table_id: str, row_id: str | None, problems: list[Problem]) -> None:
    """A row of the other version that is a group here: keep its numbers (Context.old_rows)."""
    try:
        row = ctx.fmt.table(table_id).row(row_id)
    except KeyError:
        return
    if not row.group:
        return
    values = {}
    for p in problems:
        try:
            v = float(str(p.found))
        except (TypeError, ValueError):
            continue
        if p.column:
            values[p.column] = int(v) if v.is_integer() else v
    ctx.old_rows[(table_id, row.id)] = values
