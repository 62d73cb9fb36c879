"""Display names for messages, derived from the format description.

Official labels are long (``一、本年新收政府信息公开申请数量``); messages use the short form a
reviewer says aloud: the row's ``short`` name in the format description (新收, 予以公开 …), else
the label without its numbering and bracketed note."""

from __future__ import annotations

import re

from .. import formats as F
from ..values import number_text  # noqa: F401  (messages print numbers as the documents do)

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def strip_label(label: str) -> str:
    """``（二）部分公开（区分处理的，只计这一情形，不计其他情形）`` → ``部分公开``."""
    s = _NUMBERING.sub("", label.strip())
    s = _TRAILING_NOTE.sub("", s) or s
    return s


def table_name(table: F.Table) -> str:
    """``表三``: the name the clerk sees (the sheet of the template)."""
    return table.sheet


def section_name(fmt: F.Format, section_id: str) -> str:
    for s in fmt.sections:
        if s.id == section_id:
            return s.heading
    return f"第{section_id}部分"


def row_label(fmt: F.Format, table_id: str, row_id: str) -> str:
    table = fmt.table(table_id)
    row = table.row(row_id)
    if row.parent_label:
        return f"{row.parent_label}（{row.label}）"
    return row.label


def row_short(fmt: F.Format, table_id: str, row_id: str) -> str:
    row = fmt.table(table_id).row(row_id)
    if row.short:
        return row.short
    if row.parent_label:
        return f"{row.parent_label}（{row.label}）"
    return strip_label(row.label)


def column_label(fmt: F.Format, key: F.CellKey) -> str:
    return fmt.column(key).label


def cell_label(fmt: F.Format, key: F.CellKey) -> str:
    """``表三 一、本年新收政府信息公开申请数量 / 自然人``."""
    table = fmt.table(key.table)
    return f"{table_name(table)} {row_label(fmt, key.table, key.row)} / {column_label(fmt, key)}"


def cell_short(fmt: F.Format, key: F.CellKey) -> str:
    """``新收 / 自然人``: row and column for a message about one cell."""
    return f"{row_short(fmt, key.table, key.row)}·{column_label(fmt, key)}"
