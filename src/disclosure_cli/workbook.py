"""The template's sheet names and fixed labels — what the template adds around the official
format's tables (which ``formats.py`` describes): the names of its sheets, the headers of the
unit details (单位信息) and narrative (正文) sheets, and the keys of the hidden stamp that
records the format and template version. Shared by the writer (``xlsx_writer.py``) and the
reader (``xlsx_reader/``)."""

from __future__ import annotations

from .formats import TEMPLATE_VERSION  # noqa: F401  (re-exported for writer and reader)

GUIDE_SHEET = "填报说明"
META_SHEET = "单位信息"
TEXT_SHEET = "正文"
STAMP_SHEET = "_disclosure"

META_HEADERS = ("项目", "内容", "说明")
TEXT_HEADERS = ("部分", "小标题", "正文（段与段之间按 Alt+Enter 换行，也可以一段占一行）")

STAMP_FORMAT = "format"
STAMP_TEMPLATE = "template"
STAMP_GENERATOR = "generator"

# First row of each table on its sheet (row 1 holds the section heading, row 2 a note).
TABLE_TOP = 3

# Excel's limit is 32,767 characters a cell; stay below it and continue on the next row.
CELL_TEXT_LIMIT = 30000
