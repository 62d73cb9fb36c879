"""Reading the cells of a located table, and giving formula cells their value: the result the
file saved, or — when it saved none — the total recomputed from its parts (openpyxl never
calculates, and the reader never evaluates a formula)."""

from __future__ import annotations

import datetime as _dt

from .. import formats as F
from .. import values as V
from ..model import Cell, Report, Source, uncached_formula
from .tables import Places


def read_cells(report: Report, table: F.Table, places: Places) -> None:
    for key in table.cells():
        place = places.get(key)
        if place is None:
            report.cells[key] = Cell.read(key, None, Source(sheet=table.sheet))
            continue
        sheet, r, c = place
        src = sheet.source(r, c)
        if (r, c) in sheet.formulas:
            cached = sheet.cached.get((r, c))
            cell = Cell.read(key, cached, src, formula=sheet.formulas[(r, c)], cached=cached is not None)
        else:
            raw = sheet.values.get((r, c))
            if isinstance(raw, (_dt.datetime, _dt.date, _dt.time)):
                raw = raw.isoformat()
            cell = Cell.read(key, raw, src)
        report.cells[key] = cell


def compute_uncached(report: Report) -> None:
    """Totals that are formulas without a saved result: recomputed from the parts (by
    ``Report.computed``, the one recomputation of totals). A formula typed into an input cell
    has no relation to compute it by and stays blank."""
    fmt = report.format
    for key, cell in report.cells.items():
        if uncached_formula(cell) and key in fmt.definitions:
            total = report.computed(key, uncached_only=True)
            if isinstance(total, float) and total.is_integer():
                total = int(total)
            cell.raw, cell.state, cell.value = total, V.NUMBER, total
