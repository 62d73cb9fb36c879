"""The one model in the middle: a ``Report`` read from a workbook or a JSON data form.

Readers produce it, the checker and the renderers consume it. It keeps every value as typed,
its reading (state), and where it came from, so that every finding can point at the cell or
sentence the clerk has to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import formats as F
from . import values as V
from .errors import InputError
from .formats import CellKey, Format

# A number followed by its unit in a cell (``Report.with_unit``).
_COUNT_WORDS = ("件", "笔", "个", "项", "条", "次", "宗", "起")
_MONEY = ("元", "万元")
_WITH_UNIT = re.compile(r"(\d{1,15}(?:\.\d{1,6})?)\s*(万元|元|件|笔|个|项|条|次|宗|起)")

META_FIELDS = (
    "title",
    "published",
    "website",
    "address",
    "postcode",
    "phone",
    "fax",
    "email",
    "kind",
    "deadline",
    "intro",
)

# How each field is labelled in the template's 单位信息 sheet and in messages.
META_LABELS = {
    "title": "报告标题（可不填，默认为“机关名称+年度+年政府信息公开工作年度报告”）",
    "published": "发布日期",
    "website": "发布网站",
    "address": "地址",
    "postcode": "邮政编码",
    "phone": "联系电话",
    "fax": "传真",
    "email": "电子邮箱",
    "kind": "单位类型",
    "deadline": "本地规定的发布截止日期（可不填）",
    "intro": "报告开头段落（可不填，不填则自动生成）",
}
ORG_LABEL = "机关名称"
YEAR_LABEL = "报告年度"

# --------------------------------------------------------------------------------------------
# Limits: what a report may hold, whichever file it comes from. Past them the file is refused
# (exit 2) before anything is checked or built, so that time and memory stay bounded. A real
# report has a few dozen paragraphs of a few hundred characters.
# --------------------------------------------------------------------------------------------

MAX_JSON_BYTES = 20 * 1024 * 1024  # size of a JSON data file, checked before it is parsed
MAX_JSON_DEPTH = 32  # nesting of objects and arrays in a JSON data file (the form uses 3)
MAX_NUMBER_DIGITS = V.MAX_NUMBER_DIGITS  # digits of one integer (JSON: refused; a text cell: text)
MAX_PARAGRAPHS = 5_000  # paragraphs of all six sections together
MAX_TEXT_LENGTH = 20_000  # characters of one paragraph, field (机关名称, 发布日期…) or cell
MAX_JSON_VALUES = 50_000  # objects, arrays, texts and numbers of a JSON data file (a report: a few thousand)
MAX_CELLS = 30_000  # non-empty cells of the sheets read from a workbook together (the template's: a few hundred)
# shared strings of a workbook: parsed whole on opening, the sheets not read included (an unrelated
# sheet saved by Excel puts its texts there), so more than the cells read
MAX_SHARED_STRINGS = 200_000

# Characters that XML, and so Word and HTML, cannot hold: C0 controls other than tab and line
# breaks (a vertical tab or form feed is read as a line break), lone surrogates, U+FFFE/U+FFFF.
INVALID_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Kinds of unit (条例第四十九条 deadlines; see ``deadlines``).
KIND_DEPARTMENT = "department"  # 县级以上人民政府部门: 1月31日
KIND_COUNTY_GOV = "county_gov"  # 县级以上地方人民政府: 3月31日
KIND_OTHER = "other"
KINDS = {
    KIND_DEPARTMENT: "县级以上人民政府部门",
    KIND_COUNTY_GOV: "县级以上地方人民政府",
    KIND_OTHER: "其他（乡镇、街道等）",
}


@dataclass(frozen=True)
class Source:
    """Where a value came from: a workbook cell, a path in a JSON data form, or a place in a
    published document (``importers``): ``sheet`` then names the place (``第 2 个表格``,
    ``第 3 页``, ``正文``) and ``cell`` the position in it (``第 5 行 第 3 列「&nbsp;」``,
    ``第 12 段``); ``table``/``row``/``col`` (1-based, in the document's expanded grid),
    ``page`` (PDF) and ``raw`` (the text as published) keep the same place as data."""

    sheet: str | None = None
    cell: str | None = None
    path: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    raw: str | None = None

    @property
    def published(self) -> bool:
        """A place in a published document (web page, Word, PDF), not in a workbook."""
        return self.table is not None or self.page is not None or self.raw is not None

    def __str__(self) -> str:
        if self.sheet:
            if not self.cell:
                return self.sheet
            return f"{self.sheet} {self.cell}" if self.published else f"{self.sheet}!{self.cell}"
        return self.path or ""

    def to_json(self) -> dict:
        if self.sheet:
            out: dict = {"sheet": self.sheet, "cell": self.cell}
            for k in ("table", "row", "col", "page", "raw"):
                v = getattr(self, k)
                if v is not None:
                    out[k] = v
            return out
        return {"path": self.path} if self.path else {}


@dataclass
class Cell:
    """One cell of a report's tables: the raw content, how it reads (state, value) and where it came from."""

    key: CellKey
    raw: object  # exactly as typed: number, None, or a string
    state: str  # values.NUMBER / BLANK / NA / TEXT
    value: int | float | None  # the number, when state is NUMBER
    notes: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    formula: str | None = None  # the formula text, when the cell held one
    cached: bool | None = None  # for a formula: whether the file had a calculated value

    @classmethod
    def read(cls, key: CellKey, raw: object, source: Source, **kw) -> "Cell":
        r = V.read_value(raw)
        return cls(key, raw, r.state, r.value, r.notes, source, **kw)

    @property
    def number(self) -> int | float:
        """The value used in sums: blanks and not-applicable marks count as 0."""
        return self.value if self.state == V.NUMBER and self.value is not None else 0


def uncached_formula(cell: Cell | None) -> bool:
    """A formula cell whose file held no calculated result (saved without recalculation)."""
    return cell is not None and cell.formula is not None and cell.cached is False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a section's text and where it came from."""

    text: str
    source: Source = field(default_factory=Source)

    @property
    def heading_level(self) -> int:
        return heading_level(self.text)


@dataclass(frozen=True)
class Problem:
    """Something about the structure found while reading (a missing or altered label, a row
    of the old format...). Not fatal: the checker reports it as a finding."""

    code: str
    message: str
    label: str | None = None  # the official label concerned
    found: str | None = None  # what the workbook has instead
    source: Source | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None


@dataclass
class Report:
    """The one model in the middle: meta, sections' paragraphs, cells, problems, provenance."""

    format: Format
    org: str
    year: int | None
    meta: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[Paragraph]] = field(default_factory=dict)
    cells: dict[CellKey, Cell] = field(default_factory=dict)
    path: str | None = None
    origin: str = "json"  # json | xlsx | html | docx | pdf
    # a published document read by ``importers``: {"file", "sha256", "importer"}
    imported: dict | None = None
    stamp: dict[str, str] | None = None  # the template's hidden stamp, when present
    format_source: str = "declared"  # declared | stamp | labels | year
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)  # org, year, meta.* sources
    raw_year: object = None  # the year as typed when it is not a clean number

    def cell(self, table: str, row: str, column: str) -> Cell:
        return self.cells[CellKey(table, row, column)]

    def number(self, table: str, row: str, column: str) -> int | float:
        c = self.cells.get(CellKey(table, row, column))
        return c.number if c else 0

    def computed(self, key: CellKey, *, uncached_only: bool = False, text: int | None = 0) -> int | float | None:
        """The value of a cell with its total computed from its parts by the relation of the
        format that defines it, recursively — the one recomputation of totals in the project.

        By default every total is computed from the inputs: what the template's formulas show.
        With ``uncached_only`` only a total held as a formula without a cached result is
        computed (what ``check`` does: it never trusts a missing result, and checks the others);
        every other cell counts as read. A blank or not-applicable cell counts 0; a cell holding
        text counts ``text``: 0 as a spreadsheet's SUM does, or ``None`` — then the total is
        unknown (``None``) too, unless the text is a number with a unit that fits the column
        (“7件”, ``with_unit``): with ``text=None`` it counts as that number, as the checker and
        the roll-up read it."""
        cell = self.cells.get(key)
        rel = self.format.definitions.get(key)
        if rel is not None and (not uncached_only or uncached_formula(cell)):
            parts = [self.computed(k, uncached_only=uncached_only, text=text) for k in rel.left]
            return None if any(p is None for p in parts) else sum(parts)
        if cell is None:
            return 0
        if cell.state == V.TEXT:
            if text is None and (read := self.with_unit(key)) is not None:
                return read[0]
            return text
        return cell.number

    def with_unit(self, key: CellKey) -> tuple[int | float, str] | None:
        """(number, unit) of a cell holding a number followed by its unit — “2笔”, “832995元”,
        “152.2万元” — when the unit fits the column: a count word (件、笔、个、项、条、次、宗、起)
        in a count column, the column's own unit (万元) in a money column, any money unit where
        the format names none (2019 采购总金额). Such a cell counts as that number wherever a
        number is needed (the checker says so in a value-typing info, the roll-up in a
        warning); a unit that does not fit (“251000元” for a number of documents, 元 where the
        format asks 万元) leaves it text."""
        cell = self.cells.get(key)
        if cell is None or cell.state != V.TEXT or cell.formula is not None:
            return None
        m = _WITH_UNIT.fullmatch(unicodedata.normalize("NFKC", str(cell.raw)).strip())
        if m is None:
            return None
        number, unit = m.group(1), m.group(2)
        column = self.format.column(key)
        block_unit = self.format.table(key.table).block_of_row(key.row).unit
        if column.kind == F.DECIMAL:
            fits = unit == block_unit if block_unit else unit in _MONEY
        else:
            fits = unit in _COUNT_WORDS and "." not in number
        if not fits:
            return None
        v = float(number)
        return (int(v) if v.is_integer() else v), unit

    @property
    def title(self) -> str:
        return self.meta.get("title") or default_title(self.org, self.year)

    def text(self, section: str) -> str:
        return "\n".join(p.text for p in self.sections.get(section, []))


def default_title(org: str, year: int | None) -> str:
    return f"{org}{year if year is not None else ''}年政府信息公开工作年度报告"


_CN_NUM = "一二三四五六七八九十"
_H2 = re.compile(rf"^[（(][{_CN_NUM}]+[）)]")
_H3 = re.compile(r"^\d{1,2}[.．、]")


def heading_level(text: str) -> int:
    """2 for a standalone sub-heading such as ``（一）主动公开情况``, 3 for ``1.依申请公开情况。``,
    0 for a body paragraph (including one with a run-in heading followed by its text)."""
    t = text.strip()
    if len(t) > 40 or "。" in t.rstrip("。") or "，" in t or "," in t:
        return 0
    if _H2.match(t):
        return 2
    if _H3.match(t):
        return 3
    return 0


# --------------------------------------------------------------------------------------------
# Every text of a report, and the limits on them
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One text a report holds, and where: ``field`` (``org``, ``meta.title``…), or ``section``
    with ``paragraph`` (from 1), or ``cell``."""

    text: str
    label: str  # how the clerk names the place: 机关名称, 第一部分第 2 段, 表三 …
    source: Source | None = None
    field: str | None = None
    section: str | None = None
    paragraph: int = 0
    cell: CellKey | None = None


def texts(report: Report) -> Iterator[Text]:
    """Every text of the report: fields, paragraphs and cells typed as text, in reading order."""
    labels = {"title": "报告标题", "intro": "报告开头段落"}
    yield Text(report.org, ORG_LABEL, report.sources.get("org"), field="org")
    for key, value in report.meta.items():
        label = labels.get(key) or META_LABELS.get(key, f"meta.{key}").split("（")[0]
        yield Text(value, label, report.sources.get(f"meta.{key}"), field=f"meta.{key}")
    for section in report.format.sections:
        for i, p in enumerate(report.sections.get(section.id, []), start=1):
            label = f"第{section.heading.split('、')[0]}部分第 {i} 段"
            yield Text(p.text, label, p.source, section=section.id, paragraph=i)
    for key, cell in report.cells.items():
        if isinstance(cell.raw, str):
            yield Text(cell.raw, f"{key.table}[{key.row}][{key.column}]", cell.source, cell=key)


def too_many_cells(path: str | None = None, *, strings: bool = False) -> InputError:
    """The refusal of a workbook whose sheets read hold more than ``MAX_CELLS`` non-empty cells
    (told as soon as they do: a sheet is not read to its end), or of more than
    ``MAX_SHARED_STRINGS`` shared strings (counted before they are parsed)."""
    what = "中的文字（共享字符串）超过" if strings else "中要读取的工作表共有超过"
    unit = "条" if strings else "个非空单元格"
    limit = MAX_SHARED_STRINGS if strings else MAX_CELLS
    return InputError(
        f"工作簿{what} {limit} {unit}，超过上限（模板只有几百{unit[0]}）。"
        "请在 disclosure new 生成的模板中填写报告，不要在其中加入大量其他数据",
        code="xlsx-too-large",
        path=path,
    )


def check_limits(report: Report) -> None:
    """Refuse (``InputError``, exit 2) a report past the documented limits: too many
    paragraphs, or a paragraph, field or cell too long. Applied by ``reader.load`` to what
    either reader returns."""
    count = sum(len(p) for p in report.sections.values())
    if count > MAX_PARAGRAPHS:
        raise InputError(
            f"正文共 {count} 段，超过上限 {MAX_PARAGRAPHS} 段（真实报告通常不过百段）",
            code="data-too-many-paragraphs",
            path=report.path,
        )
    for t in texts(report):
        if len(t.text) > MAX_TEXT_LENGTH:
            where = f"（{t.source}）" if t.source and str(t.source) else ""
            raise InputError(
                f"{t.label}{where}有 {len(t.text)} 个字符，超过上限 {MAX_TEXT_LENGTH} 个字符",
                code="data-text-too-long",
                path=report.path,
            )
