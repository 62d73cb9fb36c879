"""Cell values: what may be typed into each cell, by its value kind in the format."""

from __future__ import annotations

from .. import formats as F
from .. import values as V
from . import labels as L
from .context import Context

_NOTE_NAMES = {
    V.FULLWIDTH: "全角数字",
    V.SPACES: "前后有空格",
    V.NUMERIC_TEXT: "以文本形式保存",
    V.FLOAT_INTEGRAL: "写成小数形式（如 12.0）",
    V.THOUSANDS: "带千位分隔符",
}

_KIND_NAMES = {F.COUNT: "件数（非负整数）", F.SIGNED: "整数", F.DECIMAL: "非负数"}


def check(ctx: Context) -> None:
    fmt = ctx.fmt
    for key in fmt.cells():
        cell = ctx.cell(key)
        if cell is None and ctx.old_leaf(key):
            continue
        if cell is None or ctx.uncached_formula(cell):
            continue
        kind = fmt.column(key).kind
        where = L.cell_short(fmt, key)
        raw = V.display(cell.raw)
        ref = [ctx.cell_ref(key)]
        read = ctx.report.with_unit(key)
        if read is not None:
            number, unit = read
            ctx.emit(
                "value-typing",
                f"{where}：“{raw}”带单位“{unit}”，已按 {L.number_text(number)} 读取；请只填数字",
                ref,
                raw=raw,
                notes=["unit"],
            )
        elif cell.state == V.TEXT:
            ctx.emit(
                "value-text",
                f"{where}：填的是“{raw}”，这里只能填{_KIND_NAMES[kind]}；请只填数字，说明写在正文中",
                ref,
                raw=raw,
            )
        elif cell.state == V.NA:
            ctx.emit(
                "value-na",
                f"{where}：填的是“{raw}”，格式要求填数字（没有请填 0），计算时按 0 计",
                ref,
                raw=raw,
            )
        elif cell.state == V.BLANK and ctx.old_leaf(key):
            continue  # its number was typed on the old row: format-mixed-version says so
        elif cell.state == V.BLANK:
            ctx.emit("value-blank", f"{where}：空白，计算时按 0 计；没有请填 0", ref)
        elif cell.state == V.NUMBER:
            value = cell.value
            if kind != F.DECIMAL and isinstance(value, float) and not value.is_integer():
                ctx.emit("value-decimal", f"{where}：填的是 {raw}，件数应为整数", ref, raw=raw)
            if kind != F.SIGNED and value is not None and value < 0:
                ctx.emit("value-negative", f"{where}：填的是 {raw}，不能为负数", ref, raw=raw)
            notes = [
                n
                for n in cell.notes
                if not (n == V.FLOAT_INTEGRAL and kind == F.DECIMAL and isinstance(cell.raw, float))
            ]
            if notes:
                described = "、".join(_NOTE_NAMES.get(n, n) for n in notes)
                ctx.emit(
                    "value-typing",
                    f"{where}：“{raw}”{described}，已按 {L.number_text(value)} 读取",
                    ref,
                    raw=raw,
                    notes=notes,
                )
