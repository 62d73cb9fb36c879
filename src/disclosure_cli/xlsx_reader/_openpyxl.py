"""openpyxl's read-only reader, adapted: imported only when ``OpenpyxlSource`` is used (openpyxl's
import alone costs about 0.1 s)."""

from __future__ import annotations

from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from .source import count_strings


class _UnsizedSheet(ReadOnlyWorksheet):
    """A read-only sheet that does not read its XML when created: openpyxl reads it up to the
    ``<dimension>`` tag, i.e. to its end when the tag is missing (as in files written by
    openpyxl's write-only mode). The size is never used: ``OpenpyxlSource`` resets it."""

    def _get_size(self) -> None:
        pass


class Reader(ExcelReader):
    """``openpyxl.load_workbook(read_only=True)``, with ``_UnsizedSheet`` worksheets and the
    shared strings counted before they are parsed."""

    def read_strings(self) -> None:
        ct = self.package.find(SHARED_STRINGS)
        if ct is not None:  # the part openpyxl reads (named in [Content_Types].xml): sizes bounded by xlsx_safety
            count_strings(self.archive.read(ct.PartName[1:]))
        super().read_strings()

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
