"""Where the raw cells come from: the one module of the reader that talks to openpyxl.

A cell source answers three questions and interprets nothing:

* ``sheet_names()`` — the worksheets, in workbook order;
* ``values(title)`` — every non-empty cell of a sheet, ``(row, column) → value`` (1-based, in
  the order of the file); a formula cell gives the result the file saved for it, and is absent
  when the file saved none;
* ``formulas(title)`` — the formula text of every formula cell of a sheet.

A sheet is only parsed when one of these is asked about it, so sheets nobody asks about cost
nothing (openpyxl itself would scan every sheet on opening, looking for its size: see
``_Reader``). ``OpenpyxlSource`` answers all three from openpyxl's read-only mode. A faster reader of
values (python-calamine) can later answer ``values`` alone, with ``OpenpyxlSource`` kept for
``formulas``; nothing above this module changes.
"""

from __future__ import annotations

from typing import BinaryIO, Protocol

from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

Pos = tuple[int, int]


class CellSource(Protocol):
    def sheet_names(self) -> list[str]: ...

    def values(self, title: str) -> dict[Pos, object]: ...

    def formulas(self, title: str) -> dict[Pos, str]: ...

    def close(self) -> None: ...


class OpenpyxlSource:
    """openpyxl in read-only mode, never evaluating anything, never following external links.

    One pass over a sheet's XML gives its plain values and its formulas; a second pass (with
    openpyxl's ``data_only``) gives the saved results, only for sheets that have formulas."""

    def __init__(self, fh: BinaryIO):
        reader = _Reader(fh, read_only=True, keep_vba=False, data_only=False, keep_links=False)
        reader.read()
        self._wb = reader.wb
        self._plain: dict[str, dict[Pos, object]] = {}
        self._formulas: dict[str, dict[Pos, str]] = {}

    def sheet_names(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def formulas(self, title: str) -> dict[Pos, str]:
        self._scan(title)
        return self._formulas[title]

    def values(self, title: str) -> dict[Pos, object]:
        self._scan(title)
        formulas = self._formulas[title]
        out = dict(self._plain[title])
        if formulas:
            out.update(self._results(title, formulas))
        return out

    def close(self) -> None:
        self._wb.close()

    def _rows(self, title: str):
        ws = self._wb[title]
        ws.reset_dimensions()  # WPS writes wrong <dimension> tags; absurd ones must not matter
        return ws.iter_rows()

    def _scan(self, title: str) -> None:
        if title in self._plain:
            return
        plain: dict[Pos, object] = {}
        formulas: dict[Pos, str] = {}
        for row in self._rows(title):
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                pos = (cell.row, cell.column)
                if getattr(cell, "data_type", None) == "f" or _is_formula_object(value):
                    formulas[pos] = value if isinstance(value, str) else str(getattr(value, "text", value))
                else:
                    plain[pos] = value
        self._plain[title] = plain
        self._formulas[title] = formulas

    def _results(self, title: str, formulas: dict[Pos, str]) -> dict[Pos, object]:
        """The results saved for the formula cells (openpyxl re-parses the sheet for them)."""
        out: dict[Pos, object] = {}
        self._wb._data_only = True  # read-only sheets consult it each time they are iterated
        try:
            for row in self._rows(title):
                for cell in row:
                    pos = (getattr(cell, "row", None), getattr(cell, "column", None))
                    if pos in formulas and cell.value is not None:
                        out[pos] = cell.value
        finally:
            self._wb._data_only = False
        return out


class _UnsizedSheet(ReadOnlyWorksheet):
    """A read-only sheet that does not read its XML when created: openpyxl reads it up to the
    ``<dimension>`` tag, i.e. to its end when the tag is missing (as in files written by
    openpyxl's write-only mode). The size is never used: ``_rows`` resets it."""

    def _get_size(self) -> None:
        pass


class _Reader(ExcelReader):
    """``openpyxl.load_workbook(read_only=True)``, with ``_UnsizedSheet`` worksheets."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            ws = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def _is_formula_object(value) -> bool:
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")
