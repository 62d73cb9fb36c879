"""What every document must be able to hold: no control character in any text, a title that a
Word document property can keep. The renderers never fail on either (they drop the characters
and cut the property); these rules tell the clerk before the document is printed."""

from __future__ import annotations

from ..model import INVALID_CHARACTERS, Text, texts
from .context import Context

# A Word core property holds at most 255 characters (render/docx.PROPERTY_MAX).
TITLE_MAX = 255


def _codes(text: str) -> str:
    found = dict.fromkeys(f"U+{ord(ch):04X}" for ch in INVALID_CHARACTERS.findall(text))
    return "、".join(list(found)[:5]) + ("等" if len(found) > 5 else "")


def _ref(ctx: Context, t: Text) -> dict:
    if t.cell is not None:
        return ctx.cell_ref(t.cell)
    if t.section is not None:
        return ctx.text_ref(t.section, t.paragraph, INVALID_CHARACTERS.sub("", t.text)[:40])
    return ctx.field_ref(t.field, INVALID_CHARACTERS.sub("", t.text)[:40])


def check(ctx: Context) -> None:
    for t in texts(ctx.report):
        if INVALID_CHARACTERS.search(t.text):
            where = f"（{t.source}）" if t.source and str(t.source) else ""
            ctx.emit(
                "text-invalid-character",
                f"{t.label}{where}含有文档不能容纳的控制字符 {_codes(t.text)}，请删除",
                [_ref(ctx, t)],
                characters=_codes(t.text),
            )
    r = ctx.report
    for name, label, value in (("org", "机关名称", r.org), ("meta.title", "报告标题", r.title)):
        if name == "meta.title" and not r.meta.get("title") and len(r.org) > TITLE_MAX:
            continue  # the default title is long because the unit name is: one finding
        if len(value) > TITLE_MAX:
            ctx.emit(
                "title-too-long",
                f"{label}有 {len(value)} 个字符，超过 {TITLE_MAX} 个字符（Word 文档属性中将被截短），请核对",
                [ctx.field_ref(name, value[:40] + "…")],
                length=len(value),
            )
