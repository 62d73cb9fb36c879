"""What every importer gives: a published document as a person reads it — paragraphs and tables
in reading order, each with its place in the document. ``report.py`` turns it into a ``Report``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Source
from .grid import Grid

_SPACES = re.compile(r"[\s\u3000\xa0]+")
# Characters no reader sees (zero-width space and joiners, a byte-order mark inside the text, the
# soft hyphen), carried over by copying from web pages: “申请\u200b12件” is “申请12件”.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\xad]")
MAX_SHOWN = 30  # characters of a cell's raw text shown in a place


def collapse(text: str) -> str:
    """Runs of spaces, ``&nbsp;`` and line breaks as one space; none at the ends; no invisible
    characters (``_INVISIBLE``)."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def shown(raw: str) -> str:
    """A cell's raw text as a reviewer recognises it in the page source: ``&nbsp;`` spelled
    out, line breaks as spaces, at most ``MAX_SHOWN`` characters."""
    t = raw.replace("\xa0", "&nbsp;").replace("\u3000", "　")
    t = re.sub(r"[\r\n\t ]+", " ", t).strip(" ")
    return t if len(t) <= MAX_SHOWN else t[: MAX_SHOWN - 1] + "…"


@dataclass
class Para:
    """A paragraph of the document body, where it was found."""

    text: str  # collapsed
    number: int  # 第 N 段 of the document body (from 1)
    align: str | None = None  # "right" / "center" when the document says so
    page: int | None = None  # PDF page
    role: str | None = None  # "title" / "signature" when the markup says so

    def source(self, where: str) -> Source:
        if self.page is not None:
            return Source(sheet=f"PDF 第 {self.page} 页", cell=f"第 {self.number} 个段落", page=self.page, raw=self.text[:MAX_SHOWN])
        return Source(sheet=where, cell=f"第 {self.number} 个段落", raw=self.text[:MAX_SHOWN])


@dataclass
class Table:
    """A table of the document body, expanded into a grid."""

    number: int  # 第 N 个表格 of the document body (from 1)
    grid: Grid
    page: int | None = None

    @property
    def name(self) -> str:
        return f"第 {self.page} 页第 {self.number} 个表格" if self.page else f"第 {self.number} 个表格"

    def source(self, r: int, c: int) -> Source:
        p = self.grid.places.get((r, c))
        if p is None:
            return Source(sheet=self.name, cell=f"第 {r} 行 第 {c} 列（无此单元格）", table=self.number, row=r, col=c, page=self.page, raw="")
        if p.covered:
            return Source(
                sheet=self.name, cell=f"第 {r} 行 第 {c} 列（被第 {p.origin[0]} 行 第 {p.origin[1]} 列的合并单元格覆盖）",
                table=self.number, row=r, col=c, page=self.page, raw=None,
            )
        return Source(sheet=self.name, cell=f"第 {r} 行 第 {c} 列「{shown(p.text)}」", table=self.number, row=r, col=c, page=self.page, raw=p.text)


@dataclass
class Document:
    """A published document as read: its body's paragraphs and tables in reading order, and
    what it says about itself outside the body."""

    kind: str  # html | docx | pdf
    blocks: list[Para | Table] = field(default_factory=list)
    title: str | None = None  # the title the document declares outside its body (<title>, <h1>, properties)
    published: str | None = None  # a publication date the document declares (web page metadata)
    where: str = "正文"  # how paragraphs' places are named: 网页正文 / Word 正文

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paras(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]
