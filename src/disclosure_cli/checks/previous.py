"""Across two consecutive reports of the same unit (``--previous``)."""

from __future__ import annotations

import re

from .. import formats as F
from ..formats import Role as R
from . import labels as L
from .context import Context

_COPY_SHARE = 0.5  # evaluators penalise more than half of the sentences repeated
_MIN_SENTENCE = 12  # shorter sentences (headings, “无。”) do not count
# A table copied from last year has figures of its own in it; with one or two (a unit with an
# application or two) two years agree by chance.
_COPY_MIN_FIGURES = 3
_YEARS = re.compile(r"\d+(?:\.\d+)?")  # numbers and years: a copied sentence with new figures is still copied


def check(ctx: Context) -> None:
    r, p = ctx.report, ctx.previous
    assert p is not None
    if r.org.strip() and p.org.strip():
        a, b = F.normalize_label(r.org), F.normalize_label(p.org)
        if a not in b and b not in a:
            ctx.emit(
                "prev-org-mismatch",
                f"本报告机关为“{r.org}”，上一年度报告为“{p.org}”，请确认是同一机关",
                [ctx.field_ref("org", r.org), ctx.field_ref("org", p.org, previous=True)],
            )
    if r.year is None or p.year is None:
        return
    if p.year != r.year - 1:
        ctx.emit(
            "prev-year-not-consecutive",
            f"上一年度报告的年度为 {p.year}，本报告为 {r.year}，应为 {r.year - 1}；未做结转核对",
            [ctx.field_ref("year", r.year), ctx.field_ref("year", p.year, previous=True)],
            year=r.year,
            previous_year=p.year,
        )
        return
    last = Context(p)  # values of last year's report, read by the same rules
    _carry_over(ctx, last)
    _in_force(ctx, last)
    _copied_tables(ctx)
    _copied_text(ctx)
    _changes(ctx, last)


def _carry_over(ctx: Context, last_ctx: Context) -> None:
    """This year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    fmt, p = ctx.fmt, ctx.previous
    for col in fmt.columns_of(R.CARRIED_OVER):
        if not p.format.has(R.CARRIED_FORWARD, col.role):
            continue
        this = fmt.key(R.CARRIED_OVER, col.role)
        last = p.format.key(R.CARRIED_FORWARD, col.role)
        a, b = ctx.value(this), last_ctx.value(last)
        if a is None or b is None or a == b:
            continue
        ctx.emit(
            "prev-carry-over",
            f"{col.label}列：本年{L.row_short(fmt, this.table, this.row)} {L.number_text(a)}，"
            f"但上一年度（{p.year}）报告{L.row_short(p.format, last.table, last.row)} {L.number_text(b)}，"
            f"相差 {L.number_text(abs(a - b))}",
            [ctx.cell_ref(this), ctx.cell_ref(last, previous=True)],
            column=col.id,
            this_year=a,
            previous=b,
        )


def _in_force(ctx: Context, last_ctx: Context) -> None:
    """现行有效件数 = last year's + 本年制发 − 本年废止, for 规章 and 行政规范性文件."""
    fmt, p = ctx.fmt, ctx.previous
    for row in fmt.rows_of((R.RULES, R.NORMATIVE)):
        if not all(fmt.has(row.role, c) for c in (R.ISSUED, R.REPEALED, R.IN_FORCE)):
            continue
        if not p.format.has(row.role, R.IN_FORCE):
            continue
        issued, repealed, now = (fmt.key(row.role, c) for c in (R.ISSUED, R.REPEALED, R.IN_FORCE))
        last = p.format.key(row.role, R.IN_FORCE)
        vals = [ctx.value(issued), ctx.value(repealed), ctx.value(now), last_ctx.value(last)]
        if any(v is None for v in vals):
            continue
        i, rep, n, before = vals
        expected = before + i - rep
        if expected == n:
            continue
        lab = lambda k: L.column_label(fmt, k)  # noqa: E731
        ctx.emit(
            "prev-in-force",
            f"{row.label}：上年{lab(now)} {L.number_text(before)} + {lab(issued)} {L.number_text(i)}"
            f" − {lab(repealed)} {L.number_text(rep)} = {L.number_text(expected)}，"
            f"但本年{lab(now)}为 {L.number_text(n)}，相差 {L.number_text(abs(expected - n))}"
            "（文件修订、自然失效会造成差异，请核对）",
            [ctx.cell_ref(now), ctx.cell_ref(last, previous=True), ctx.cell_ref(issued), ctx.cell_ref(repealed)],
            expected=expected,
            found=n,
        )


def _copied_tables(ctx: Context) -> None:
    r, p = ctx.report, ctx.previous
    if r.format.id != p.format.id:
        return
    totals = {rel.defines for rel in ctx.fmt.relations if rel.defines is not None}
    for table in ctx.fmt.tables:
        keys = list(table.cells())
        this = [r.cells[k].raw if k in r.cells else None for k in keys]
        last = [p.cells[k].raw if k in p.cells else None for k in keys]
        if this != last:
            continue
        # figures of their own: not totals (they follow from the parts), not 现行有效 (it stays
        # the same in a year with nothing issued or repealed), not blank or 0
        own = [
            v for k, v in zip(keys, this)
            if k not in totals and ctx.fmt.column(k).role != R.IN_FORCE and v not in (None, 0, "0")
        ]
        if len(own) >= _COPY_MIN_FIGURES:
            ctx.emit(
                "prev-copied-table",
                f"{L.table_name(table)}的全部 {len(keys)} 个单元格与上一年度（{p.year}）报告完全相同，请确认不是沿用了上年的表格",
                [ctx.cell_ref(k) for k in keys],
                table=table.id,
            )


def _norm_sentence(text: str) -> str:
    return _YEARS.sub("", F.normalize_label(text))


def _copied_text(ctx: Context) -> None:
    r, p = ctx.report, ctx.previous
    text_sections = [s.id for s in ctx.fmt.sections if s.table is None]
    last = {
        _norm_sentence(s)
        for sid in text_sections
        for _, s in ctx.sentences(sid, p)
        if len(F.normalize_label(s)) >= _MIN_SENTENCE
    }
    this = [
        (sid, n, s)
        for sid in text_sections
        for n, s in ctx.sentences(sid, r)
        if len(F.normalize_label(s)) >= _MIN_SENTENCE
    ]
    if not this or not last:
        return
    same = [(sid, n, s) for sid, n, s in this if _norm_sentence(s) in last]
    share = len(same) / len(this)
    if share > _COPY_SHARE:
        ctx.emit(
            "prev-copied-text",
            f"正文 {len(this)} 句中有 {len(same)} 句（{share:.0%}）与上一年度（{p.year}）报告相同（年份不计），"
            f"超过 {_COPY_SHARE:.0%}",
            [ctx.text_ref(sid, n, s) for sid, n, s in same],
            share=round(share, 4),
            same=len(same),
            sentences=len(this),
        )


_FACTOR = 5  # evaluators ask about a quantity that changed this much
_LARGE = 10  # below this, changes are ordinary


def _change_roles(fmt: F.Format) -> list[tuple[R, R]]:
    """The quantities compared with last year, as (row role, column role): 表三 新收, the result
    categories, 结转下年度 (总计 column), and the decisions of 表二 行政许可/处罚/强制."""
    out = [(role, R.TOTAL) for role in (R.NEW, *F.RESULT_CATEGORIES, R.CARRIED_FORWARD)]
    out += [(role, R.DECISIONS) for role in (R.LICENSE, R.PENALTY, R.ENFORCEMENT)]
    return [(row, col) for row, col in out if fmt.has(row, col)]


def _sum(ctx: Context, keys) -> int | float | None:
    vals = [ctx.value(k) for k in keys]
    return None if any(v is None for v in vals) else sum(vals)


def _changes(ctx: Context, last_ctx: Context) -> None:
    """A category that changed by ×5 or ÷5 (both ≥ 10): info; one that fell to 0 from ≥ 10:
    warning. A category stands for its sub-rows (不予公开 → its eight reasons)."""
    fmt, p = ctx.fmt, ctx.previous
    for row_role, col_role in _change_roles(fmt):
        if not p.format.has(row_role, col_role):
            continue
        keys, last_keys = fmt.leaf_keys(row_role, col_role), p.format.leaf_keys(row_role, col_role)
        a, b = _sum(ctx, keys), _sum(last_ctx, last_keys)
        if a is None or b is None:
            continue
        row = fmt.row_of(row_role)
        name = row.short or L.strip_label(row.label)
        refs = [ctx.cell_ref(k) for k in keys] + [ctx.cell_ref(k, previous=True) for k in last_keys]
        if a == 0 and b >= _LARGE:
            ctx.emit(
                "prev-zero",
                f"{name}：本年为 0，上一年度（{p.year}）为 {L.number_text(b)}，请确认不是漏填",
                refs,
                this_year=a,
                previous=b,
            )
        elif a >= _LARGE and b >= _LARGE and (a >= _FACTOR * b or b >= _FACTOR * a):
            ctx.emit(
                "prev-factor",
                f"{name}：本年 {L.number_text(a)}，上一年度（{p.year}）{L.number_text(b)}，"
                f"相差 {max(a, b) / min(a, b):.1f} 倍，请核对",
                refs,
                this_year=a,
                previous=b,
            )
