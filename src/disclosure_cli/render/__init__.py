"""Rendering a ``Report`` as a finished document (Word, HTML).

This module holds what both renderers share: the document's content in reading order
(``document``), derived only from the report's data and the official format, and how a value
is shown. ``disclosure_cli.tablegrid`` turns each official table into a grid of merged cells. Jinja2 is
imported lazily by ``html`` so that ``disclosure --help`` stays fast (``docx`` writes its XML as text).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .. import values as V
from ..formats import CellKey
from ..model import INVALID_CHARACTERS, Report
from .tables import Grid, table_grid

DRAFT_MARK = "草稿（数据未通过校验）"
DRAFT_SHORT = "草稿"
DATE_PLACEHOLDER = "　　年　月　日"  # printed when the report has no 发布日期

# A run-in sub-heading at the start of a paragraph: “（一）主动公开情况。” followed by its text.
RUN_IN = re.compile(r"^(（[一二三四五六七八九十]+）[^。\n]{1,40}?。)(?=\S)")


def run_in_heading(text: str) -> tuple[str, str]:
    """``("（一）主动公开情况。", "rest of the paragraph")``, or ``("", text)`` without one."""
    m = RUN_IN.match(text)
    return (m.group(1), text[m.end():]) if m else ("", text)

LAW = "《中华人民共和国政府信息公开条例》"

# Kinds of content blocks.
TITLE = "title"
INTRO = "intro"
HEADING = "heading"  # level 1: section heading; 2: （一）…; 3: 1.…
PARA = "para"
TABLE = "table"
SIGNATURE = "signature"  # the unit name at the end
DATE = "date"  # the date under it


@dataclass(frozen=True)
class Piece:
    """One piece of the finished document: a title, a paragraph, a heading, a table…"""

    kind: str
    text: str = ""
    level: int = 0
    grid: Grid | None = None
    section: str | None = None


@dataclass
class Document:
    """The report's content in reading order: what every renderer prints."""

    report: Report
    title: str
    title_lines: tuple[str, ...]
    pieces: list[Piece] = field(default_factory=list)
    draft: bool = False

    def value(self, key: CellKey) -> str:
        return value_text(self.report, key)


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------

# A vertical tab or form feed (pasted from Word) is a line break; other characters XML cannot
# hold (``model.INVALID_CHARACTERS``) are dropped.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def clean(text: str) -> str:
    """Text as it can be printed: characters that no document can hold are dropped."""
    return INVALID_CHARACTERS.sub("", str(text).translate(_BREAKS))


def value_text(report: Report, key: CellKey) -> str:
    """A cell as it is printed: a number as a number (0 as 0), a blank as blank, anything
    else exactly as the clerk typed it."""
    cell = report.cells.get(key)
    if cell is None:
        return ""
    if cell.formula is not None:
        return V.number_text(cell.value) if cell.state == V.NUMBER and cell.value is not None else ""
    raw = cell.raw
    if raw is None:
        return ""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return V.number_text(raw)
    return clean(str(raw)).strip()


# --------------------------------------------------------------------------------------------
# Title, opening paragraph, date
# --------------------------------------------------------------------------------------------

def format_date(text: str | None) -> str:
    """``2021-02-16`` → ``2021年2月16日``; anything else is printed as given."""
    from ..deadlines import cn_date, parse_date

    if not text:
        return ""
    if isinstance(text, (_dt.date, _dt.datetime)):
        return cn_date(text)
    s = str(text).strip()
    d = parse_date(s)
    return cn_date(d) if d else s


def title_lines(report: Report, per_line: float = 20) -> tuple[str, ...]:
    """The title broken the way a 公文 title is set: one line when it fits, otherwise two
    lines split at a word boundary (after the unit name or after the year), as even as
    possible. A title given by the clerk is split only at those same points when present."""
    title = report.title
    if V.display_width(title) <= per_line:
        return (title,)
    points = set()
    if report.org and title.startswith(report.org):
        points.add(len(report.org))
    if report.year is not None:
        mark = f"{report.year}年度" if f"{report.year}年度" in title else f"{report.year}年"  # not 年 | 度
        at = title.find(mark)
        if at > 0:
            points.add(at + len(mark))
    best = None
    for p in sorted(points):
        a, b = title[:p], title[p:]
        wa, wb = V.display_width(a), V.display_width(b)
        if not b or wa > per_line or wb > per_line:
            continue
        score = abs(wa - wb)
        if best is None or score < best[0]:
            best = (score, (a, b))
    return best[1] if best else (title,)


_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
_CN = "零一二三四五六七八九十"


def _cn_count(n: int) -> str:
    return _CN[n] if 0 <= n <= 10 else str(n)


def intro_text(report: Report) -> str:
    """The customary opening paragraph. The clerk's own (``meta.intro``) when given; otherwise
    built from the data only: legal basis, the parts of the report, the statistics period,
    where it is published and whom to contact — each sentence only when its facts are known."""
    own = (report.meta.get("intro") or "").strip()
    if own:
        return own
    fmt = report.format
    org = report.org
    parts = "，".join(_NUMBERING.sub("", s.heading) for s in fmt.sections)
    who = f"由{org}" if org else ""
    out = [
        f"本报告{who}根据{LAW}（以下简称《条例》）和《{fmt.title}》（{fmt.document}）编制，"
        f"全文包括{parts}共{_cn_count(len(fmt.sections))}个部分。"
    ]
    if report.year is not None:
        out.append(f"本报告所列数据的统计期限自{report.year}年1月1日至{report.year}年12月31日。")
    website = (report.meta.get("website") or "").strip()
    if website:
        out.append(f"本报告电子版可在{website}查阅或下载。")
    contact = [
        (label, (report.meta.get(k) or "").strip())
        for k, label in (
            ("address", "地址"),
            ("postcode", "邮编"),
            ("phone", "电话"),
            ("fax", "传真"),
            ("email", "电子邮箱"),
        )
    ]
    contact = [f"{label}：{v}" for label, v in contact if v]
    if contact and org:
        out.append(f"如对本报告有疑问，请与{org}联系（{'，'.join(contact)}）。")
    elif contact:
        out.append(f"如对本报告有疑问，请联系（{'，'.join(contact)}）。")
    return "".join(out)


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


def document(report: Report, *, draft: bool = False) -> Document:
    """The report's content in reading order, for every renderer."""
    fmt = report.format
    title = clean(report.title)
    doc = Document(report, title, tuple(clean(t) for t in title_lines(report)), draft=draft)
    add = doc.pieces.append
    add(Piece(TITLE, title))
    add(Piece(INTRO, clean(intro_text(report))))
    tables = {t.id: t for t in fmt.tables}
    for section in fmt.sections:
        add(Piece(HEADING, section.heading, level=1, section=section.id))
        for p in report.sections.get(section.id, []):
            text = clean(p.text).strip()
            if not text:
                continue
            level = p.heading_level
            if level:
                add(Piece(HEADING, text, level=level, section=section.id))
            else:
                add(Piece(PARA, text, section=section.id))
        if section.table and section.table in tables:
            add(Piece(TABLE, tables[section.table].title, grid=table_grid(tables[section.table]), section=section.id))
    if report.org:
        add(Piece(SIGNATURE, clean(report.org)))
    # The date line is always printed: without a 发布日期 (a finding of the checks) a blank date
    # for the office to fill in by hand shows what is missing.
    date = format_date(report.meta.get("published"))
    add(Piece(DATE, clean(date) if date else DATE_PLACEHOLDER))
    return doc


__all__ = [
    "DRAFT_MARK",
    "DATE_PLACEHOLDER",
    "run_in_heading",
    "Piece",
    "Document",
    "document",
    "value_text",
    "format_date",
    "title_lines",
    "intro_text",
    "table_grid",
]
