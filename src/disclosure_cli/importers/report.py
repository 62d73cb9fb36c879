"""A published document (``document.Document``) → ``Report``, with the workbook reader's own
label matching: each report table of the document becomes a sheet of cells at their grid
positions (``GridSheet``), and the reader's ``TableFinder`` finds 表二/表三/表四 among them by
their labels — never by position — exactly as it does in a workbook. Altered and missing labels,
an old format's rows, a mismatch of version and year: the same problems under the same codes.

The narrative is read like a person reads it: the six headings (一、…六、, drifted wording
tolerated and reported), the paragraphs under each, the title (unit and year) and the opening
paragraph above them, the signature and date below them."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections import Counter
from pathlib import Path

from .. import formats as F
from ..errors import InputError
from ..model import Paragraph, Problem, Report, Source, default_title
from ..xlsx_reader.cells import read_cells
from ..xlsx_reader.narrative import FUZZY, section_problems
from ..xlsx_reader.problems import Problems
from ..xlsx_reader.sheets import Sheet, Sheets
from ..xlsx_reader.tables import TableFinder
from ..xlsx_reader.version import detect_format
from .document import Document, Para, Table, collapse
from .grid import Grid

_INT = re.compile(r"\d{1,15}")
_DEC = re.compile(r"\d{1,15}\.\d{1,6}")
# (a title set over two lines may break inside 年度; a covering letter's title says 关于报送)
TITLE_RE = re.compile(
    r"^(?P<org>.*?)\s*(?:关于(?:报送|印发|公布|发布)?)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?报告"
)
# the year first: 2019年上海市人民政府办公厅政府信息公开工作年度报告
TITLE_YEAR_FIRST_RE = re.compile(
    r"^(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?P<org>.*?)\s*(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?报告"
)
_NUMERALS = "一二三四五六"
_HEAD_RE = re.compile(rf"^\s*([{_NUMERALS}])\s*[、.．,，]")
# Any numbered paragraph, the mark after the numeral optional (“一总体情况”, “七、其他需说明事项”):
# the numeral and the wording after it.
_ANY_HEAD_RE = re.compile(r"^\s*([一二三四五六七八九十]{1,2})\s*[、.．,，]?\s*(\S.*)$")
_DATE_RE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_BLANK_DATE_RE = re.compile(r"^年\s*月\s*日$")  # the date line printed for a report without a date
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_PAGE_INFO = re.compile(r"^(发布(时间|日期|机构)|来源|索引号|字号|浏览次数|分享|打印|【)")
MAX_HEADING = 40  # characters of a section heading (longer: a paragraph that starts with 一、)
MAX_TITLE = 80  # characters of a title (longer: an opening paragraph that names a report, e.g. the
# 通知 it was written under: “…关于做好2019年政府信息公开工作年度报告编制公布工作的通知…”)

ALL_LABELS = frozenset(F.normalize_label(x) for fmt in F.FORMATS.values() for x in fmt.labels())


def cell_value(text: str):
    """A cell's value with the project's semantics: blank stays blank (``None``), a plain
    number is a number, everything else — ``/``, ``22（其中修订16件）``, ``251000元`` — is kept
    as text for ``values.read_value`` to classify."""
    t = collapse(text)
    if not t:
        return None
    if _INT.fullmatch(t):
        return int(t)
    if _DEC.fullmatch(t):
        return float(t)
    return t


def realigned(grid: Grid) -> dict[tuple[int, int], int]:
    """The column each value of a row belongs to, where the row's merged cells do not line up
    with the label row above it (Word pastes: under ``上一年项目数量 | 本年增/减(2 列) |
    处理决定数量`` a row drawn ``0(2 列) | 0 | 0``). A reader pairs the cells in order; so does
    this, only when both rows start at the first column, have as many drawn cells, and every
    value cell overlaps the label cell it is paired with. ``{(row, drawn column): column}``."""
    ends: dict[tuple[int, int], int] = {}
    for (r, c), p in grid.places.items():
        if p.origin[0] == r:
            ends[p.origin] = max(ends.get(p.origin, c), c)
    rows: dict[int, list] = {}
    for p in grid.origins():
        rows.setdefault(p.row, []).append(p)
    moves: dict[tuple[int, int], int] = {}
    labels: list[tuple[int, int]] | None = None  # the spans of the nearest label row above
    for r in sorted(rows):
        cells = sorted(rows[r], key=lambda p: p.col)
        spans = [(p.col, ends[(r, p.col)]) for p in cells]
        values = [cell_value(p.text) for p in cells]
        if len(cells) >= 2 and all(isinstance(v, str) for v in values):
            labels = spans
            continue
        if (
            labels is None or spans == labels or len(spans) != len(labels) or spans[0][0] != 1 or labels[0][0] != 1
            or not any(isinstance(v, (int, float)) for v in values[1:])
        ):
            continue
        if all(a0 <= b1 and b0 <= a1 for (a0, a1), (b0, b1) in zip(spans, labels)):
            for p, (col, _) in zip(cells, labels):
                if col != p.col:
                    moves[(r, p.col)] = col
    return moves


class GridSheet(Sheet):
    """One table of a published document as a sheet: its drawn cells at their grid positions
    (covered positions hold nothing, as a merged area in a workbook) — or, in a row whose merged
    cells do not line up with its label row, at the label's column (``realigned``); a cell's
    place is always where the document draws it."""

    def __init__(self, table: Table):
        values = {}
        self.drawn: dict[tuple[int, int], tuple[int, int]] = {}
        moves = realigned(table.grid)
        for p in table.grid.origins():
            v = cell_value(p.text)
            col = moves.get((p.row, p.col), p.col)
            if col != p.col:
                self.drawn[(p.row, col)] = (p.row, p.col)
            if v is not None:
                values[(p.row, col)] = v
        super().__init__(table.name, values, {})
        self.table = table

    def source(self, r: int, c: int) -> Source:
        return self.table.source(*self.drawn.get((r, c), (r, c)))


def label_count(table: Table) -> int:
    """How many official labels (of either version) the table holds."""
    return sum(1 for p in table.grid.origins() if F.normalize_label(p.text) in ALL_LABELS)


def is_report_table(table: Table) -> bool:
    return label_count(table) >= 2


def section_of(text: str, fmt: F.Format) -> tuple[str, bool] | None:
    """The section a heading paragraph opens, and whether it is worded as the format has it;
    None for any other paragraph, and for a drifted heading that no longer resembles the
    official one."""
    hit = _numbered(text, fmt.sections)
    return hit if hit is not None and _plausible(text, hit[0], fmt) else None


def _numbered(text: str, fmt_sections) -> tuple[str, bool] | None:
    """The section a paragraph starting 一、…六、 names, by its wording or by its numeral."""
    t = collapse(text)
    if len(t) > MAX_HEADING:
        return None
    norm = F.normalize_label(t)
    if norm[:1] not in _NUMERALS and t[:1] not in _NUMERALS:  # every heading starts 一、…六、
        return None
    for s in fmt_sections:
        if norm == F.normalize_label(s.heading):
            return s.id, True
    m = _HEAD_RE.match(t)
    if not m:
        return None
    return str(_NUMERALS.index(m.group(1)) + 1), False


def headings_in(doc: Document) -> int:
    fmt = F.FORMATS[max(F.FORMATS)]
    return len({s[0] for p in doc.paras if (s := section_of(p.text, fmt))})


def _plausible(text: str, sid: str, fmt: F.Format) -> bool:
    """A drifted heading still resembles the official one (``五、存在的主要问题及整改措施``)."""
    return _similar(F.normalize_label(text), F.normalize_label(fmt.sections[int(sid) - 1].heading), FUZZY * 0.75)


def _similar(a: str, b: str, at_least: float = FUZZY) -> bool:
    import difflib

    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= at_least


def _title_like(text: str) -> re.Match | None:
    """``title_match`` of a paragraph short enough to be a title (``MAX_TITLE``)."""
    return title_match(text) if len(text) <= MAX_TITLE else None


def title_match(text: str) -> re.Match | None:
    """The title's unit and year, whichever comes first (``某某局2024年…`` or ``2024年某某局…``)."""
    return TITLE_RE.match(text) or TITLE_YEAR_FIRST_RE.match(text)


def title_of(doc: Document) -> tuple[str | None, str, int | None]:
    """The report's title, unit and year: the first title-like paragraph of the body, else the
    title the document declares."""
    for p in doc.paras[:15]:
        if p.role == "title":
            m = title_match(p.text)
            if m:
                return p.text, m.group("org").strip(), int(m.group("year"))
    paras = doc.paras[:15]
    for i, p in enumerate(paras):
        if m := _title_like(p.text):
            return p.text, m.group("org").strip(), int(m.group("year"))
        # a title set over two lines (Word, PDF): 某某局2024年 / 政府信息公开工作年度报告
        if i + 1 < len(paras) and len(p.text) <= 40 and len(paras[i + 1].text) <= 40:
            joined = p.text + paras[i + 1].text
            m = title_match(joined)
            if m and m.end() >= len(joined) - 2:
                p.role = "title"
                paras[i + 1].role = "title"
                return joined, m.group("org").strip(), int(m.group("year"))
    if doc.title:
        t = collapse(doc.title)
        m = title_match(t)
        if m:
            return m.group(0), m.group("org").strip(), int(m.group("year"))
    return None, "", None


def iso_date(text: str | None) -> str | None:
    if not text:
        return None
    m = _ISO_DATE.search(text)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def to_report(doc: Document, path: Path, origin: str) -> Report:
    problems = Problems()
    tables = [t for t in doc.tables if is_report_table(t)]
    sheets = Sheets([GridSheet(t) for t in tables])
    title, org, year = title_of(doc)
    if tables:
        fmt, how = detect_format(sheets, None, year, path)
    elif year is not None:
        fmt, how = F.for_year(year), "year"
    else:
        raise InputError("无法判断报告格式版本：文档中没有统计表，也找不到报告年度", code="import-not-report", path=str(path))
    report = Report(format=fmt, org=org, year=year, path=str(path), origin=origin, format_source=how)
    _narrative(doc, report, problems, title)
    finder = TableFinder(sheets, problems)
    for table in fmt.tables:
        read_cells(report, table, finder.locate(table))
    placed = {t.id: _place_missing(report, t, tables) for t in fmt.tables}
    report.problems = [_placed(_drift(p, fmt), placed) for p in problems.items]
    return report


def _place_missing(report: Report, table: F.Table, tables: list[Table]) -> Source | None:
    """The cells of 表N the document does not have (a row left out of the published table) are
    placed at the document's table that holds the rest of 表N — so that a finding on them
    points into the document, not at a workbook sheet. Returns that table's place."""
    numbers = Counter(c.source.table for k in table.cells() if (c := report.cells.get(k)) and c.source.table)
    if not numbers:
        return None
    number = numbers.most_common(1)[0][0]
    doc_table = next(t for t in tables if t.number == number)
    for key in table.cells():
        cell = report.cells.get(key)
        if cell is None or cell.source.table is not None:
            continue
        _, row, column = table.locate(key.row, key.column)
        cell.source = Source(
            sheet=doc_table.name, cell=f"（表中没有“{row.label} / {column.label}”）", table=number, page=doc_table.page, raw="",
        )
    return Source(sheet=doc_table.name, table=number, page=doc_table.page, raw="")


def _placed(p: Problem, placed: dict[str, Source | None]) -> Problem:
    """A table problem without a place (a label not found) is placed at the document's table."""
    if p.source is None and p.table and placed.get(p.table) is not None:
        return dataclasses.replace(p, source=placed[p.table])
    return p


def _drift(p: Problem, fmt: F.Format) -> Problem:
    """An altered table label of a published report: a warning of its own (the data is read),
    unless it is the other version's label (then the checker reports the mixed format)."""
    if p.code != "label-altered" or p.found is None:
        return p
    found = F.normalize_label(p.found)
    for other in F.FORMATS.values():
        if other is not fmt and found in {F.normalize_label(x) for x in other.labels()}:
            return p
    return Problem(
        "published-label-drift", p.message, label=p.label, found=p.found, source=p.source,
        table=p.table, row=p.row, column=p.column,
    )


def section_heads(paras: list[Para], fmt: F.Format) -> dict[int, tuple[str, bool]]:
    """The paragraphs that open the format's six parts, as a person finds them: paragraph index
    → (section id, worded as the format has it). In turn, each step only for the parts still
    unfound:

    1. a heading ``section_of`` takes (its numeral, and wording that resembles the official one);
       the first of each part;
    2. the one numbered paragraph worded like a part — or naming what only that part holds
       (``Section.topics``) — whatever its numeral: ``六、存在的主要问题及改进措施`` where a report
       swapped 五 and 六, ``七、其他需说明事项`` after a part of its own, ``一总体情况``;
    3. the one short paragraph numbered as the part, between the parts found before and after it:
       ``一、年度工作核心成效`` where ``一、总体情况`` belongs.

    Anything less certain leaves the part unfound (``section-missing``)."""
    heads: dict[int, tuple[str, bool]] = {}

    def found() -> set[str]:
        return {sid for sid, _ in heads.values()}

    for i, p in enumerate(paras):
        hit = section_of(p.text, fmt)
        if hit is not None and hit[0] not in found():
            heads[i] = hit
    numbered = {}
    for i, p in enumerate(paras):
        t = collapse(p.text)
        if i not in heads and len(t) <= MAX_HEADING and (m := _ANY_HEAD_RE.match(t)):
            numbered[i] = (m.group(1), F.normalize_label(m.group(2)))

    def unique(found: list[int]) -> int | None:
        return found[0] if len(found) == 1 else None

    for s in fmt.sections:
        if s.id in found():
            continue
        words = F.normalize_label(_ANY_HEAD_RE.match(s.heading).group(2))
        i = unique([
            i for i, (_, w) in numbered.items()
            if i not in heads and (_similar(w, words) or any(t in w for t in s.topics))
        ])
        if i is not None:
            heads[i] = (s.id, False)
    for s in fmt.sections:
        if s.id in found():
            continue
        before = [i for i, (sid, _) in heads.items() if int(sid) < int(s.id)]
        after = [i for i, (sid, _) in heads.items() if int(sid) > int(s.id)]
        lo, hi = max(before, default=-1), min(after, default=len(paras))
        numeral = s.heading[0]
        i = unique([i for i, (n, _) in numbered.items() if i not in heads and lo < i < hi and n == numeral])
        if i is not None:
            heads[i] = (s.id, False)
    return heads


def _narrative(doc: Document, report: Report, problems: Problems, title: str | None) -> None:
    fmt = report.format
    sections: dict[str, list[Paragraph]] = {s.id: [] for s in fmt.sections}
    seen: list[str] = []
    current: str | None = None
    before: list[Para] = []
    heads = section_heads(doc.paras, fmt)
    for i, p in enumerate(doc.paras):
        hit = heads.get(i)
        if hit is not None:
            sid, exact = hit
            if not exact:
                official = fmt.sections[int(sid) - 1].heading
                problems.items.append(Problem(
                    "published-heading-drift",
                    f"正文部分标题“{p.text}”与统一格式“{official}”不一致",
                    label=official, found=p.text, source=p.source(doc.where),
                ))
            current = sid
            seen.append(sid)
            continue
        if current is None:
            before.append(p)
        else:
            sections[current].append(Paragraph(p.text, p.source(doc.where)))
    # above the first heading: the title, then the opening paragraph(s)
    if before and before[0].role == "title" and not title:
        title = before[0].text
    if title:
        title = collapse(title)
    intro = [
        p for p in before
        if p.text != title and p.role != "title" and not _title_like(p.text) and not _PAGE_INFO.match(p.text)
    ]
    if intro:
        report.meta["intro"] = "\n".join(p.text for p in intro)
        report.sources["meta.intro"] = intro[0].source(doc.where)
    if title and F.normalize_label(title) != F.normalize_label(default_title(report.org, report.year)):
        report.meta["title"] = title
    # below the last section of the document (六, or 五 where a report put it last): the signature
    # and its date
    last = sections[seen[-1] if seen else fmt.sections[-1].id]
    while last and len(last[-1].text) <= 40 and "。" not in last[-1].text:
        text = last[-1].text
        m = _DATE_RE.match(text.replace(" ", ""))
        if m:
            report.meta["signed"] = iso_date(text) or text
            report.sources["meta.signed"] = last[-1].source
        elif _BLANK_DATE_RE.match(text.replace(" ", "").replace("\u3000", "")):
            pass  # "　　年　月　日": a date line left to be filled in
        elif report.org and F.normalize_label(text) == F.normalize_label(report.org):
            pass
        elif not report.org and text.endswith(("局", "政府", "办公室", "委员会", "管理局", "中心", "街道办事处")):
            report.org = text
        else:
            break
        last.pop()
    published = iso_date(doc.published) or report.meta.get("signed")
    if published:
        report.meta["published"] = published
    if report.meta.get("signed") == published:
        report.meta.pop("signed", None)
    report.sections = sections
    section_problems(fmt, seen, problems)
    if not all(exact for _, exact in heads.values()):
        # the order rests on headings found by their wording or place, not read as written
        for k, p in enumerate(problems.items):
            if p.code == "section-order":
                problems.items[k] = Problem("published-section-order", p.message)
