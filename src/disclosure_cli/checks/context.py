"""The state one check run shares: the report, the values used in sums, and ``emit``."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .. import formats as F
from .. import values as V
from ..model import Cell, Paragraph, Report, uncached_formula
from . import labels as L
from .catalogue import CATALOGUE
from .finding import Finding

_SENTENCE_END = re.compile(r"(?<=[。；！？;!?])")

# Fields of the report that are not cells or sentences, in display order.
FIELDS = ("org", "year", "meta.title", "meta.intro", "meta.kind", "meta.published", "meta.deadline")


class Context:
    def __init__(self, report: Report, previous: Report | None = None):
        self.report = report
        self.fmt: F.Format = report.format
        self.previous = previous
        self.findings: list[Finding] = []
        self._values: dict[F.CellKey, int | float | None] = {}
        self._parts: dict[F.CellKey, int | float | None] = {}
        self._cell_paragraphs: dict[tuple[bool, str], dict[tuple, list[int]]] = {}
        # Data typed on a row of the other format version where this one has a group of sub-rows
        # (2019's one-row （六）其他处理 in a 2021 report): (table, group row id) → {column: value}.
        # Set by structure.check_problems; the sub-rows' blanks and the sums they break are
        # consequences of that one finding.
        self.old_rows: dict[tuple[str, str], dict[str, int | float]] = {}

    def old_leaf(self, key: F.CellKey) -> bool:
        """A data cell under a group row whose numbers were typed on the old row instead."""
        table = self.fmt.table(key.table)
        for (t, row_id), _ in self.old_rows.items():
            if t == key.table and any(r.id == key.row for r in table.leaves(row_id)):
                return True
        return False

    def with_old_rows(self, key: F.CellKey) -> int | float | None:
        """The value of a cell counting what was typed on the old row: the first sub-row of the
        group holds the old row's number, the others 0."""
        value = self.value(key)
        table = self.fmt.table(key.table)
        for (t, row_id), values in self.old_rows.items():
            if t != key.table:
                continue
            leaves = table.leaves(row_id)
            if leaves and leaves[0].id == key.row:
                return (value or 0) + values.get(key.column, 0)
        return value

    # --- values -----------------------------------------------------------------------------

    def cell(self, key: F.CellKey, report: Report | None = None) -> Cell | None:
        return (report or self.report).cells.get(key)

    uncached_formula = staticmethod(uncached_formula)

    def value(self, key: F.CellKey) -> int | float | None:
        """The value used in sums: the number as typed (blank and not-applicable → 0; “2笔” in
        a count column → 2, ``Report.with_unit``); a formula without a cached value is
        recomputed from the relation defining its cell; ``None`` for a cell whose text cannot be
        read as a number (``Report.computed``)."""
        if key not in self._values:
            self._values[key] = self.report.computed(key, uncached_only=True, text=None)
        return self._values[key]

    def parts(self, key: F.CellKey) -> int | float | None:
        """What a cell's parts add up to, all the way down (``Report.computed`` with text that is
        not a number unknown), worked out once: the text's rules ask it of the same totals for
        every number in every paragraph."""
        if key not in self._parts:
            self._parts[key] = self.report.computed(key, text=None)
        return self._parts[key]

    def amount(self, key: F.CellKey) -> int | float | None:
        """What a total stands for when text is compared with it: the larger of the cell and the
        sum of its parts (a blank or wrong total must not hide the applications behind it)."""
        value = self.value(key)
        if key not in self.fmt.definitions:
            return value
        parts = self.parts(key)
        if value is None or parts is None:
            return value if parts is None else parts
        return max(value, parts)

    # --- refs ---------------------------------------------------------------------------------

    def cell_ref(self, key: F.CellKey, *, previous: bool = False) -> dict:
        report = self.previous if previous else self.report
        fmt = report.format
        cell = report.cells.get(key)
        if cell is None:
            value = None
        elif self.uncached_formula(cell) and not previous:
            value = self.value(key)  # recomputed
        elif cell.formula is not None and cell.state == V.NUMBER:
            value = cell.value  # the cached result
        else:
            value = cell.raw
        ref = {"table": key.table, "row": key.row, "column": key.column, "value": value}
        if cell is not None and cell.source.sheet:
            ref["sheet"] = cell.source.sheet
            ref["cell"] = cell.source.cell
        ref["label"] = L.cell_label(fmt, key)
        if previous:
            ref["previous"] = True
        return ref

    def text_ref(self, section: str, paragraph: int, quote: str, *, previous: bool = False) -> dict:
        """``paragraph`` counts from 1 (第 N 段, as the clerk counts); 0 means the whole section."""
        report = self.previous if previous else self.report
        ref: dict = {"section": section, "paragraph": paragraph, "quote": quote}
        paras = report.sections.get(section, [])
        if 0 < paragraph <= len(paras) and paras[paragraph - 1].source.sheet:
            src = paras[paragraph - 1].source
            ref["sheet"] = src.sheet
            ref["cell"] = src.cell
            same = self._paragraphs_of_cells(previous, section, paras)[(src.sheet, src.cell)]
            if len(same) > 1:  # a cell holding several paragraphs (Alt+Enter): which one
                ref["paragraph_in_cell"] = 1 + bisect.bisect_left(same, paragraph)
        if previous:
            ref["previous"] = True
        return ref

    def _paragraphs_of_cells(self, previous: bool, section: str, paras: list[Paragraph]) -> dict[tuple, list[int]]:
        """The numbers (from 1) of a section's paragraphs by the cell holding them, made once per
        section: a finding names its paragraph's place in its cell without going through every
        paragraph again (5,000 paragraphs with numbers made 15,000 findings × 5,000)."""
        key = (previous, section)
        if key not in self._cell_paragraphs:
            cells: dict[tuple, list[int]] = {}
            for i, p in enumerate(paras, start=1):
                cells.setdefault((p.source.sheet, p.source.cell), []).append(i)
            self._cell_paragraphs[key] = cells
        return self._cell_paragraphs[key]

    def field_ref(self, name: str, value=None, *, previous: bool = False) -> dict:
        report = self.previous if previous else self.report
        ref: dict = {"field": name, "value": value}
        src = report.sources.get(name)
        if src is not None and src.sheet:
            ref["sheet"] = src.sheet
            ref["cell"] = src.cell
        if previous:
            ref["previous"] = True
        return ref

    # --- text -----------------------------------------------------------------------------------

    def sentences(self, section: str, report: Report | None = None):
        """(paragraph number from 1, sentence) for every sentence of a section."""
        report = report or self.report
        paras: list[Paragraph] = report.sections.get(section, [])
        for i, p in enumerate(paras, start=1):
            for s in _SENTENCE_END.split(p.text):
                s = s.strip()
                if s:
                    yield i, s

    # --- emitting -------------------------------------------------------------------------------

    @cached_property
    def _cell_order(self) -> dict[F.CellKey, int]:
        return {k: i for i, k in enumerate(self.fmt.cells())}

    @cached_property
    def _section_order(self) -> dict[str, int]:
        return {s.id: i + 1 for i, s in enumerate(self.fmt.sections)}

    def _ref_order(self, ref: dict) -> tuple:
        prev = 1 if ref.get("previous") else 0
        if "table" in ref:
            section = next((t.section for t in self.fmt.tables if t.id == ref["table"]), None)
            key = F.CellKey(ref["table"], str(ref.get("row")), str(ref.get("column")))
            return (self._section_order.get(section, 99), 0, self._cell_order.get(key, 10_000), prev)
        if "section" in ref:
            return (self._section_order.get(ref["section"], 99), 1, ref.get("paragraph") or 0, prev)
        if "field" in ref:
            name = ref["field"]
            return (0, 0, FIELDS.index(name) if name in FIELDS else len(FIELDS), prev)
        return (0, 0, 0, prev)

    def emit(self, code: str, message: str, refs=(), **args) -> Finding:
        rule = CATALOGUE[code]  # KeyError: a code missing from the catalogue is a bug
        refs = list(refs)
        order = (self._ref_order(refs[0]) if refs else (0, 0, -1, 0), list(CATALOGUE).index(code))
        f = Finding(code, rule.level, message, args, refs, order)
        self.findings.append(f)
        return f
