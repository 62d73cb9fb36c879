"""A prefilled workbook (``new --data``, the roll-up) saves each total's formula with its result,
as a spreadsheet program does (``xlsx_writer.with_results``): viewers that do not calculate show
the totals, and ``check`` has nothing to recompute."""

from __future__ import annotations

import zipfile

import pytest

from conftest import SAMPLES
from disclosure_cli import xlsx_writer as X
from disclosure_cli.checks import check_report
from disclosure_cli.reader import load
from disclosure_cli.xlsx_reader import source


@pytest.mark.parametrize("name", ["huaian-2024", "zhujie-2020"])
def test_every_total_formula_carries_its_result(tmp_path, name):
    data = load(SAMPLES / f"{name}.json")
    out = tmp_path / "r.xlsx"
    X.write_workbook(data, out)
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")]
    formulas = sum(x.count(b"</f>") for x in sheets)
    assert formulas > 0 and sum(x.count(b"</f><v></v>") for x in sheets) == 0
    for reader in ("calamine", "openpyxl"):
        src = source.open_source(out, reader)
        try:
            for title in src.sheet_names():
                assert set(src.formulas(title)) <= set(src.values(title)), (reader, title)  # a result for each
        finally:
            src.close()
    report = load(out)
    for key, cell in report.cells.items():
        assert cell.value == data.cells[key].value, key
    assert "formula-not-cached" not in [f.code for f in check_report(report).findings]


def test_a_blank_template_keeps_its_formulas_without_results(tmp_path):
    """Nothing is filled in: the results are the spreadsheet program's to compute."""
    data = load(SAMPLES / "huaian-2024.json")
    out = tmp_path / "blank.xlsx"
    X.write_workbook(data, out, prefilled=False)
    with zipfile.ZipFile(out) as z:
        assert any(b"</f><v></v>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_result_text_is_what_excel_writes():
    from decimal import Decimal

    assert X._result_text(12) == b"12"
    assert X._result_text(18651.06) == b"18651.06"
    assert X._result_text(Decimal("75394432.52")) == b"75394432.52"
