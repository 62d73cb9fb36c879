"""The worksheets the reader looks at, and finding an official label among their cells."""

from __future__ import annotations

import datetime as _dt
import functools

from .. import formats as F
from .. import workbook as W
from ..model import MAX_CELLS, Source, too_many_cells
from .problems import Problems

if False:  # for type checkers only (typing.TYPE_CHECKING would import typing): the sheets only need the protocol of a cell source
    from .source import CellSource, Pos

# The sheets of the template (workbook.py, and each table's sheet in formats.py). When a
# workbook has all of them, the reader reads only these; other sheets are never parsed.
TEMPLATE_SHEETS = frozenset(
    {W.META_SHEET, W.TEXT_SHEET} | {t.sheet for fmt in F.FORMATS.values() for t in fmt.tables}
)


# No official label is longer than this once normalised (``formats.normalize_label``; a test
# checks every label of the formats, the template and the model).
LABEL_MAX = 60
# The most characters NFKC composes into one (the longest canonical decomposition, ᾂ = α ̓ ̀ ͅ;
# a test checks it for the running Python's Unicode data).
COMPOSE_MAX = 4


# Labels and the template's texts recur in every workbook: normalised once per process.
normalize = functools.lru_cache(maxsize=8192)(F.normalize_label)


def _longer_than_any_label(text: str) -> bool:
    """Whether ``text`` normalised is surely longer than ``LABEL_MAX``, known without
    normalising it: NFKC maps every character that is not whitespace to at least one that is
    not, and composes at most ``COMPOSE_MAX`` characters into one."""
    return len("".join(text.split())) > LABEL_MAX * COMPOSE_MAX


class Sheet:
    """The non-empty cells of one worksheet, with an index of their normalised text.

    ``values``: cells that are not formulas; ``formulas``: the formula text of formula cells;
    ``cached``: the result the file saved for a formula cell (absent when none was saved)."""

    def __init__(self, title: str, values: dict[Pos, object], formulas: dict[Pos, str]):
        self.title = title
        self.formulas = formulas
        self.values: dict[Pos, object] = {p: v for p, v in values.items() if p not in formulas} if formulas else values
        self.cached: dict[Pos, object] = {p: values[p] for p in formulas if values.get(p) is not None}
        self.index: dict[str, list[Pos]] = {}
        self.has_text = False
        self._normalized: dict[Pos, str] = {}
        for pos, value in self.values.items():
            if isinstance(value, str):
                self.has_text = True
                if len(value) > LABEL_MAX * COMPOSE_MAX and _longer_than_any_label(value):
                    continue  # a paragraph of the narrative: normalising it would cost more than reading it
                self.index.setdefault(normalize(value), []).append(pos)

    def normalized(self, pos: Pos, value: str) -> str:
        """A text cell's value normalised (``formats.normalize_label``), worked out once."""
        try:
            return self._normalized[pos]
        except KeyError:
            norm = self._normalized[pos] = F.normalize_label(value)
            return norm

    def find(self, label: str) -> list[Pos]:
        return sorted(self.index.get(normalize(label), []))

    def text(self, pos: Pos) -> str | None:
        v = self.values.get(pos)
        return v if isinstance(v, str) else None

    def source(self, r: int, c: int) -> Source:
        return _source(self.title, r, c)

    def text_cell(self, pos: Pos, problems: Problems, what: str):
        """A cell of text (unit details, narrative): its value; for a formula, the result the
        file saved — or, when it saved none, ``None`` and a problem naming the cell (the reader
        never evaluates a formula)."""
        if pos not in self.formulas:
            return self.values.get(pos)
        if pos in self.cached:
            return self.cached[pos]
        src = self.source(*pos)
        formula = self.formulas[pos]
        if len(formula) > 80:
            formula = formula[:79] + "…"
        problems.add(
            "formula-text-not-cached",
            f"{src.sheet}!{src.cell}（{what}）是公式“{formula}”，文件中没有保存它的计算结果，"
            "按空白读取。请在 Excel/WPS 中打开并保存，或直接填写文字",
            label=what,
            source=src,
        )
        return None


class Sheets:
    """The sheets read from one workbook, in workbook order."""

    def __init__(self, sheets: list[Sheet]):
        self.all = sheets
        self.by_title = {s.title: s for s in sheets}

    @classmethod
    def read(cls, source: CellSource) -> Sheets:
        """Only the template's sheets when the workbook has them all (an unrelated sheet of any
        size costs nothing); every sheet otherwise (a workbook not made from the template, whose
        tables may be anywhere)."""
        names = source.sheet_names()
        if TEMPLATE_SHEETS <= set(names):
            names = [n for n in names if n in TEMPLATE_SHEETS or n == W.STAMP_SHEET]
        sheets, cells = [], 0
        for n in names:
            values, formulas = source.values(n), source.formulas(n)
            cells += len(values) + len(formulas.keys() - values.keys())
            if cells > MAX_CELLS:
                raise too_many_cells()
            sheets.append(Sheet(n, values, formulas))
        return cls(sheets)

    def get(self, title: str) -> Sheet | None:
        return self.by_title.get(title)

    def ordered(self, preferred: str | None) -> list[Sheet]:
        """The preferred sheet first, then the others (never the hidden stamp)."""
        first = [self.by_title[preferred]] if preferred in self.by_title else []
        return first + [s for s in self.all if s.title != preferred and s.title != W.STAMP_SHEET]

    def find_any(self, label: str, preferred: str | None) -> tuple[Sheet, int, int] | None:
        """The first cell holding ``label``, looking in the preferred sheet first."""
        for s in self.ordered(preferred):
            hits = s.find(label)
            if hits:
                r, c = hits[0]
                return s, r, c
        return None

    def find_label(self, label: str, preferred: str) -> tuple[Sheet, int, int] | None:
        """Like ``find_any``; a label with a note in brackets is also found without the note."""
        hit = self.find_any(label, preferred)
        if hit is None and "（" in label:
            hit = self.find_any(label.split("（")[0], preferred)
        return hit

    def has_label(self, normalised: str) -> bool:
        return any(normalised in s.index for s in self.all)

    def count_labels(self, normalised: set[str]) -> int:
        """How many (sheet, label) pairs of ``normalised`` labels occur."""
        return sum(1 for s in self.all for lab in normalised if lab in s.index)

    def empty(self) -> bool:
        return not any(s.has_text for s in self.all)


def column_letter(c: int) -> str:
    """A column number as its letters (1 → A, 27 → AA): openpyxl's ``get_column_letter``
    without importing openpyxl (the importers of published reports use these sheets too)."""
    out = ""
    while c > 0:
        c, rem = divmod(c - 1, 26)
        out = chr(65 + rem) + out
    return out


@functools.lru_cache(maxsize=16384)
def _source(sheet: str, r: int, c: int) -> Source:
    """A cell's source (immutable): made once per process for the template's positions."""
    return Source(sheet=sheet, cell=f"{column_letter(c)}{r}")


def text_value(raw) -> str:
    """A cell of text as text: dates as ISO dates, 12.0 as 12."""
    if raw is None:
        return ""
    if isinstance(raw, _dt.datetime):
        return raw.date().isoformat() if raw.time() == _dt.time() else raw.isoformat()
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)
