"""The template in a real spreadsheet program: LibreOffice opens it, recalculates it, and its
formula totals equal the totals this project computes itself."""

from __future__ import annotations

import json
import random

import pytest

from conftest import SAMPLES, soffice_convert
from disclosure_cli import formats as F
from disclosure_cli import load
from disclosure_cli.jsonform import from_data
from disclosure_cli.xlsx_writer import blank_report, write_workbook

pytestmark = pytest.mark.realclient


def _random_inputs(data: dict, fmt: F.Format, seed: int) -> dict:
    rnd = random.Random(seed)
    for key in fmt.cells():
        if not fmt.is_total(key):
            data[key.table][key.row][key.column] = rnd.choice([None, rnd.randint(0, 500), rnd.randint(0, 9)])
    return data


def _consistent(data: dict, fmt: F.Format) -> dict:
    report = from_data(data)
    for key in fmt.definitions:
        data[key.table][key.row][key.column] = report.computed(key)
    return data


def _check_recalculated(src, tmp_path):
    out_dir = tmp_path / "lo"
    out_dir.mkdir()
    converted = soffice_convert(src, "xlsx:Calc MS Excel 2007 XML", out_dir)
    ours = load(src)
    theirs = load(converted)
    assert theirs.format.id == ours.format.id and theirs.format_source == "stamp"
    assert not theirs.problems
    formulas = [c for c in ours.cells.values() if c.formula]
    assert formulas, "the template has live totals"
    for cell in formulas:
        lo = theirs.cells[cell.key]
        assert lo.cached is True, f"LibreOffice left {cell.key} uncalculated"
        assert lo.value == cell.value, f"{cell.key}: LibreOffice {lo.value} ≠ ours {cell.value}"
    for key, cell in ours.cells.items():  # the inputs survive a save by another program
        if not cell.formula:
            assert theirs.cells[key].raw == cell.raw, key
    # LibreOffice understood the template's protection and validation (and kept them)
    from openpyxl import load_workbook

    wb = load_workbook(converted)
    for name in ("表二", "表三", "表四"):
        ws = wb[name]
        assert ws.protection.sheet, name
        assert ws.data_validations.dataValidation, name
        unlocked = [c for row in ws.iter_rows() for c in row if c.protection.locked is False]
        assert unlocked, name


@pytest.mark.parametrize("sample", ["huaian-2024.json", "zhujie-2020.json"])
def test_samples_recalculate_in_libreoffice(tmp_path, sample):
    src = tmp_path / "s.xlsx"
    write_workbook(from_data(json.loads((SAMPLES / sample).read_text("utf-8"))), src)
    _check_recalculated(src, tmp_path)


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_random_filled_template_recalculates(tmp_path, fid):
    fmt = F.FORMATS[fid]
    from disclosure_cli.jsonform import to_data

    data = to_data(blank_report(fmt, "测试单位", fmt.years[0]))
    data = _consistent(_random_inputs(data, fmt, seed=int(fid)), fmt)
    src = tmp_path / "r.xlsx"
    write_workbook(from_data(data), src)
    _check_recalculated(src, tmp_path)


def test_blank_template_opens_in_libreoffice(tmp_path):
    src = tmp_path / "blank.xlsx"
    write_workbook(blank_report(F.V2021, "测试单位", 2024), src, prefilled=False)
    _check_recalculated(src, tmp_path)
