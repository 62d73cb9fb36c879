"""Reading the cells of a located table, and giving formula cells their value: the result the
file saved, or — when it saved none — the total recomputed from its parts (openpyxl never
calculates, and the reader never evaluates a formula)."""

from __future__ import annotations

import datetime as _dt

from .. import formats as F
from .. import values as V
from ..model import Cell, Report, Source, uncached_formula
from .tables import Places, table_keys


def read_cells(report: Report, table: F.Table, places: Places) -> None:
    cells = report.cells
    for key in table_keys(table):
        place = places.get(key)
        if place is None:
            cells[key] = _cell(key, None, Source(sheet=table.sheet))
            continue
        sheet, r, c = place
        pos = (r, c)
        src = sheet.source(r, c)
        formula = sheet.formulas.get(pos)
        if formula is not None:
            cached = sheet.cached.get(pos)
            cell = _cell(key, cached, src, formula, cached is not None)
        else:
            raw = sheet.values.get(pos)
            if isinstance(raw, (_dt.datetime, _dt.date, _dt.time)):
                raw = raw.isoformat()
            cell = _cell(key, raw, src)
        cells[key] = cell


_READINGS: dict[tuple[type, object], V.Reading] = {}


def _cell(key, raw, src: Source, formula: str | None = None, cached: bool | None = None) -> Cell:
    """``Cell.read``, with the reading of each distinct value (``values.read_value``, a pure
    function of it and its type) worked out once per process: the same few numbers and marks
    recur in every table."""
    k = (raw.__class__, raw)
    try:
        reading = _READINGS[k]
    except KeyError:
        reading = V.read_value(raw)
        if len(_READINGS) < 8192 and not (isinstance(raw, str) and len(raw) > 64):  # memory stays small
            _READINGS[k] = reading
    except TypeError:  # not hashable
        reading = V.read_value(raw)
    return Cell(key, raw, reading.state, reading.value, reading.notes, src, formula=formula, cached=cached)


def compute_uncached(report: Report) -> None:
    """Totals that are formulas without a saved result: recomputed from the parts (by
    ``Report.computed``, the one recomputation of totals). A formula typed into an input cell
    has no relation to compute it by and stays blank."""
    fmt = report.format
    memo = _Memo(report)
    totals = {
        key: memo.computed(key, uncached_only=True)
        for key, cell in report.cells.items()
        if uncached_formula(cell) and key in fmt.definitions
    }
    for key, total in totals.items():
        if isinstance(total, float) and total.is_integer():
            total = int(total)
        cell = report.cells[key]
        cell.raw, cell.state, cell.value = total, V.NUMBER, total


class _Memo:
    """``Report.computed`` remembering each total it computed: nested totals (表三's 总计 of
    columns of totals) are computed once, not once per total above them. The values assigned
    by ``compute_uncached`` do not change them: in ``uncached_only`` mode a formula without a
    result is always computed from its parts, never read."""

    def __init__(self, report: Report):
        self.cells, self.format = report.cells, report.format
        self._done: dict = {}

    def computed(self, key, *, uncached_only: bool = True, text: int | None = 0):
        if not uncached_only or text != 0:  # not what compute_uncached asks: nothing remembered
            return Report.computed(self, key, uncached_only=uncached_only, text=text)  # type: ignore[arg-type]
        try:
            return self._done[key]
        except KeyError:
            total = self._done[key] = Report.computed(self, key, uncached_only=True)  # type: ignore[arg-type]
            return total
