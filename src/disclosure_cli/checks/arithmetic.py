"""Arithmetic of tables 三 and 四: every relation of the format description, nothing retyped."""

from __future__ import annotations

from .. import formats as F
from .. import values as V
from . import labels as L
from .catalogue import relation_code
from .context import Context

_LONG = 8  # above this many terms, zero terms are summarised


def _close(a, b) -> bool:
    return abs(a - b) < 1e-6


def _axis(ctx: Context, rel: F.Relation) -> tuple[str, bool]:
    """(what the relation is about, whether its terms are rows of one column)."""
    keys = rel.left + rel.right
    fmt = ctx.fmt
    if len({k.column for k in keys}) == 1 and len({k.row for k in keys}) > 1:
        return f"{L.column_label(fmt, keys[0])}列", True
    short = L.row_short(fmt, keys[0].table, keys[0].row)
    group = fmt.table(keys[0].table).shape == F.SHAPE_COLUMN_GROUPS  # 表四: a group, not a row
    return (short if group else f"{short}行"), False


def _term(ctx: Context, key: F.CellKey, by_row: bool) -> tuple[str, str, bool]:
    """(name, value as shown — a number or a note for blanks and marks —, plain zero?)."""
    fmt = ctx.fmt
    name = L.row_short(fmt, key.table, key.row) if by_row else L.column_label(fmt, key)
    cell = ctx.cell(key)
    value = ctx.value(key)
    if cell is None or (cell.state == V.BLANK and not ctx.uncached_formula(cell)):
        return name, "（空白，按 0 计）", False
    if cell.state == V.NA:
        return name, f"（“{cell.raw}”，按 0 计）", False
    return name, f" {L.number_text(value)}", value == 0


def _side(ctx: Context, keys, by_row: bool) -> str:
    terms = [_term(ctx, k, by_row) for k in keys]
    if len(terms) > _LONG:
        shown = [n + v for n, v, zero in terms if not zero]
        hidden = len(terms) - len(shown)
        if not shown:
            return f"{len(terms)} 项均为 0"
        text = " + ".join(shown)
        return f"{text}（其余 {hidden} 项为 0）" if hidden else text
    return " + ".join(n + v for n, v, _ in terms)


def _wrong_totals(ctx: Context) -> dict[F.CellKey, tuple[int | float, F.Relation]]:
    """Totals a relation adding up their parts says are wrong: what the parts add up to, and
    that relation (the first one, when two say so)."""
    out: dict[F.CellKey, tuple[int | float, F.Relation]] = {}
    for rel in ctx.fmt.relations:
        target = rel.defines
        if target is None or not ctx.fmt.is_total(target) or target in out:
            continue
        cell = ctx.cell(target)
        if cell is not None and ctx.uncached_formula(cell) and ctx.fmt.definitions.get(target) is rel:
            continue
        parts = [ctx.value(k) for k in rel.left]
        value = ctx.value(target)
        if value is None or any(v is None for v in parts):
            continue
        if not _close(value, sum(parts)):
            out[target] = (sum(parts), rel)
    return out


def check(ctx: Context) -> None:
    """Every relation. A relation that fails only because one of its cells is a total already
    reported wrong (blank or mistyped: its own relation fails) and that holds with that total
    replaced by its parts is a consequence, not another problem: it is not reported."""
    definitions = ctx.fmt.definitions
    wrong = _wrong_totals(ctx)
    for rel in ctx.fmt.relations:
        keys = rel.left + rel.right
        values = [ctx.value(k) for k in keys]
        if any(v is None for v in values):
            continue  # a cell holds text: reported by value-text, the sum cannot be checked
        target = rel.defines
        target_cell = ctx.cell(target) if target is not None else None
        defining = target is not None and definitions.get(target) is rel
        if defining and ctx.uncached_formula(target_cell):
            continue  # recomputed from this very relation
        left = sum(ctx.value(k) for k in rel.left)
        right = sum(ctx.value(k) for k in rel.right)
        if _close(left, right):
            continue
        if ctx.old_rows and _close(sum(map(ctx.with_old_rows, rel.left)), sum(map(ctx.with_old_rows, rel.right))):
            continue  # holds counting the old-version row: format-mixed-version's consequence
        others = [k for k in keys if k in wrong and wrong[k][1] is not rel]
        if others:
            fixed = lambda k: wrong[k][0] if k in others else ctx.value(k)  # noqa: E731
            if _close(sum(map(fixed, rel.left)), sum(map(fixed, rel.right))):
                continue  # a consequence of the wrong total(s), reported by their own relation
        axis, by_row = _axis(ctx, rel)
        diff = abs(left - right)
        lhs = _side(ctx, rel.left, by_row)
        if len(rel.right) == 1:
            name, shown, _ = _term(ctx, target, by_row)
            rhs = f"但{name}{'为' if shown.startswith(' ') else ''}{shown}"
            refs_keys = rel.right + rel.left
        else:
            rhs = f"但{_side(ctx, rel.right, by_row)} = {L.number_text(right)}"
            refs_keys = keys
        args = {
            "axis": axis,
            "left": {str(k): ctx.value(k) for k in rel.left},
            "right": {str(k): ctx.value(k) for k in rel.right},
            "left_sum": left,
            "right_sum": right,
            "difference": diff,
        }
        refs = [ctx.cell_ref(k) for k in refs_keys]
        if defining and target_cell is not None and target_cell.formula is not None:
            ctx.emit(
                "formula-cached-mismatch",
                f"{axis}：公式单元格保存的结果为 {L.number_text(right)}，"
                f"按格式重新计算 {lhs} = {L.number_text(left)}，相差 {L.number_text(diff)}"
                f"（公式：{target_cell.formula}）",
                refs,
                formula=target_cell.formula,
                **args,
            )
            continue
        ctx.emit(
            relation_code(rel.kind),
            f"{axis}：{lhs} = {L.number_text(left)}，{rhs}，相差 {L.number_text(diff)}",
            refs,
            **args,
        )


def check_formulas(ctx: Context) -> None:
    """One info for all formula cells that had no cached value (recomputed, not an error)."""
    keys = [k for k, c in ctx.report.cells.items() if ctx.uncached_formula(c)]
    if keys:
        ctx.emit(
            "formula-not-cached",
            f"{len(keys)} 个公式单元格没有保存计算结果（文件保存前未重新计算），已按格式重新计算后核对",
            [ctx.cell_ref(k) for k in keys],
            count=len(keys),
        )
