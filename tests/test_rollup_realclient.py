"""Real client: LibreOffice opens the roll-up, recalculates its formulas and gets the same
totals as the independent sums of the units; the 来源 and 单位清单 sheets survive."""

from __future__ import annotations

from decimal import Decimal

from conftest import soffice_convert
from disclosure_cli import formats as F
from disclosure_cli.reader import load
from test_rollup import district, independent_sum, run, write


def test_libreoffice_recalculates_the_rollup_to_the_same_totals(tmp_path):
    datas = district(6)
    write(tmp_path / "in", datas)
    out = tmp_path / "汇总.xlsx"
    assert run("rollup", tmp_path / "in", "-o", out, "--org", "某某区人民政府").exit_code == 0
    (tmp_path / "lo").mkdir()
    converted = soffice_convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    theirs = load(converted)
    assert not theirs.problems
    fmt = F.for_year(2024)
    formulas = 0
    for key in fmt.cells():
        cell = theirs.cells[key]
        if cell.formula:
            formulas += 1
            assert cell.cached is True, key
        assert Decimal(str(cell.value)) == independent_sum(datas, key)[0], key
    assert formulas == len(fmt.definitions)  # every total a live formula
    from openpyxl import load_workbook

    wb = load_workbook(converted, read_only=True)
    assert {"来源", "单位清单"} <= set(wb.sheetnames)
    wb.close()
