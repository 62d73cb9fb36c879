"""Which sheets the reader reads: only the template's, so an unrelated sheet of any size in the
same workbook costs nothing; every sheet when the workbook lacks one of the template's.

Benchmark (2 shared cores): the 淮安 sample with an added unrelated 10,000 × 200 sheet took 72 s
to read when every sheet was read (openpyxl also scanned it once on opening, for its size); it
now takes 0.06 s, the time of the sample alone.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from conftest import FIXTURES, SAMPLES
from disclosure_cli import load
from disclosure_cli.jsonform import from_data, to_data
from disclosure_cli.xlsx_reader.sheets import TEMPLATE_SHEETS

SAMPLE = SAMPLES / "huaian-2024.xlsx"
BIG = "数据"  # the unrelated sheet


def _expected() -> dict:
    import json

    return to_data(from_data(json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))))


def _big_sheet_xml(rows: int, cols: int) -> bytes:
    """One sheet of ``rows`` × ``cols`` numbers and words, written by openpyxl's write-only mode."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(BIG)
    for r in range(rows):
        # numbers, and now and then a word that is an official label (it must not be taken)
        ws.append(["（七）总计" if c == 0 and r % 500 == 0 else r * cols + c for c in range(cols)])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        (name,) = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        return z.read(name)


def add_sheet(src: Path, out: Path, title: str, sheet_xml: bytes) -> None:
    """``src`` with one more worksheet (last in the workbook), the other parts untouched."""
    part = "xl/worksheets/sheet_extra.xml"
    rel = (
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="/{part}" Id="rIdExtra"/>'
    )
    sheet = (
        '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'name="{title}" sheetId="99" state="visible" r:id="rIdExtra"/>'
    )
    override = (
        f'<Override PartName="/{part}" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    )
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename).decode("utf-8")
            if info.filename == "xl/workbook.xml":
                data = data.replace("</sheets>", sheet + "</sheets>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", rel + "</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", override + "</Types>")
            zout.writestr(info.filename, data)
        zout.writestr(part, sheet_xml)


class Reads:
    def __init__(self) -> None:
        self.rows: Counter = Counter()  # rows parsed, by sheet title
        self.opened: set[str] = set()  # sheets whose XML was opened at all


@pytest.fixture(params=["calamine", "openpyxl"])
def reads(request, monkeypatch) -> Reads:
    """What each reader parses (``DISCLOSURE_READER`` chooses it): every read of a sheet's XML by
    openpyxl (for its rows, or for its size as openpyxl does when it opens a workbook) goes
    through ``_get_source``; python-calamine's through ``CalamineSource._fast``."""
    from disclosure_cli.xlsx_reader.source import READER_ENV, CalamineSource

    monkeypatch.setenv(READER_ENV, request.param)
    seen = Reads()
    rows, source = ReadOnlyWorksheet._cells_by_row, ReadOnlyWorksheet._get_source
    fast = CalamineSource._fast

    def counting_rows(self, *args, **kw):
        for row in rows(self, *args, **kw):
            seen.rows[self.title] += 1
            yield row

    def recording_source(self):
        seen.opened.add(self.title)
        return source(self)

    def recording_fast(self, title):
        seen.opened.add(title)
        values, formulas = fast(self, title)
        seen.rows[title] += len({r for r, _ in (*values, *formulas)})
        return values, formulas

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting_rows)
    monkeypatch.setattr(ReadOnlyWorksheet, "_get_source", recording_source)
    monkeypatch.setattr(CalamineSource, "_fast", recording_fast)
    return seen


def test_an_unrelated_big_sheet_is_never_read(tmp_path, reads):
    path = tmp_path / "with-big-sheet.xlsx"
    add_sheet(SAMPLE, path, BIG, _big_sheet_xml(3000, 40))
    before = path.read_bytes()
    start = time.perf_counter()
    report = load(path)
    elapsed = time.perf_counter() - start
    assert to_data(report) == _expected()
    assert not report.problems
    assert reads.rows[BIG] == 0 and BIG not in reads.opened
    assert reads.opened <= TEMPLATE_SHEETS | {"_disclosure"}
    assert "填报说明" not in reads.opened  # the guide is not needed either
    assert elapsed < 5  # reading the 120,000 cells took seconds; skipping them takes nothing
    assert path.read_bytes() == before


def test_every_sheet_is_read_when_a_template_sheet_is_missing(tmp_path, reads):
    """A workbook not laid out like the template (表四 renamed): its tables may be anywhere."""
    from openpyxl import load_workbook

    wb = load_workbook(SAMPLE)
    wb["表四"].title = "行政复议诉讼"
    path = tmp_path / "renamed.xlsx"
    wb.save(path)
    report = load(path)
    assert to_data(report) == _expected()
    assert reads.rows["行政复议诉讼"] > 0 and reads.rows["填报说明"] > 0
    assert str(report.cell("t4", "review", "upheld").source).startswith("行政复议诉讼!")


@pytest.mark.parametrize("dimension", ["A1:XFD1048576", "A1", "B2:A1"])
def test_absurd_dimensions_do_not_matter(tmp_path, dimension, reads):
    """Every sheet claims a wrong size (WPS writes A1; a damaged file anything)."""
    path = tmp_path / "dims.xlsx"
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), data)
            zout.writestr(info, data)
    start = time.perf_counter()
    assert to_data(load(path)) == _expected()
    assert time.perf_counter() - start < 10
    assert sum(reads.rows.values()) < 1000  # rows that exist, not the million the tag claims


def test_wps_dimension_fixture_still_reads():
    assert to_data(load(FIXTURES / "read" / "wps-dimension.xlsx")) == _expected()


class DictSource:
    """Cells served from dictionaries — standing in for another value reader (python-calamine):
    the reader interprets whatever answers ``sheet_names``, ``values`` and ``formulas``."""

    def __init__(self, names, values, formulas):
        self.names, self._values, self._formulas = names, values, formulas

    def sheet_names(self):
        return list(self.names)

    def values(self, title):
        return self._values[title]

    def formulas(self, title):
        return self._formulas[title]

    def close(self):
        pass


@pytest.mark.parametrize("path", [SAMPLE, FIXTURES / "read" / "odd-values.xlsx", FIXTURES / "read" / "text-formulas.xlsx"])
def test_the_interpretation_needs_only_the_cell_source(path):
    from disclosure_cli.xlsx_reader import read_report
    from disclosure_cli.xlsx_reader.sheets import Sheets
    from disclosure_cli.xlsx_reader.source import OpenpyxlSource

    with open(path, "rb") as fh:
        src = OpenpyxlSource(fh)
        names = src.sheet_names()
        copy = DictSource(names, {n: src.values(n) for n in names}, {n: src.formulas(n) for n in names})
        src.close()
    got, want = read_report(path, Sheets.read(copy)), load(path)
    assert to_data(got) == to_data(want) and got.problems == want.problems
