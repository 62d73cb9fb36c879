"""Reading the cells of a located table, and giving formula cells their value: the result the
file saved, or — when it saved none — the total recomputed from its parts (openpyxl never
calculates, and the reader never evaluates a formula)."""

from __future__ import annotations

import datetime as _dt

from .. import formats as F
from .. import values as V
from ..model import Cell, Report, Source
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
    """Totals that are formulas without a saved result: recompute from the parts."""
    fmt = report.format
    done: set[F.CellKey] = set()

    def value(key: F.CellKey):
        cell = report.cells[key]
        if cell.formula is None or cell.cached or key in done:
            return cell.number
        done.add(key)
        rel = fmt.definitions.get(key)
        if rel is None:
            return 0  # a formula in an input cell without a result: read as blank
        total = sum(value(k) for k in rel.left)
        if isinstance(total, float) and total.is_integer():
            total = int(total)
        cell.raw, cell.state, cell.value = total, V.NUMBER, total
        return total

    for key, cell in report.cells.items():
        if cell.formula is not None and not cell.cached:
            value(key)
