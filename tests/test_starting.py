"""`disclosure new`: the workbook a clerk fills in."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from conftest import SAMPLES
from disclosure_cli import formats as F
from disclosure_cli import load
from disclosure_cli.starting import choose_format, default_year
from disclosure_cli.workbook import GUIDE_SHEET, META_SHEET, STAMP_SHEET, TEXT_SHEET


def _new(cli, tmp_path, *args):
    out = tmp_path / "t.xlsx"
    res = cli("new", "-o", out, *args)
    return res, out


@pytest.mark.parametrize("year,fid", [(2020, "2019"), (2024, "2021")])
def test_blank_template_layout(cli, tmp_path, year, fid):
    res, out = _new(cli, tmp_path, "--org", "某某街道办事处", "--year", str(year))
    assert res.exit_code == 0, res.stderr
    fmt = F.FORMATS[fid]
    wb = load_workbook(out)
    assert wb.sheetnames == [GUIDE_SHEET, META_SHEET, TEXT_SHEET, "表二", "表三", "表四", STAMP_SHEET]
    stamp = wb[STAMP_SHEET]
    assert stamp.sheet_state == "veryHidden"
    assert (stamp["A1"].value, stamp["B1"].value) == ("format", fid)
    assert (stamp["A2"].value, stamp["B2"].value) == ("template", F.TEMPLATE_VERSION)
    # every official label of every table is on its sheet
    for table in fmt.tables:
        ws = wb[table.sheet]
        texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        for label in table.labels():
            assert label in texts, (table.id, label)
        assert ws.protection.sheet and not ws.protection.password
        assert ws.merged_cells.ranges, "official layout has merged header cells"
    # totals are live formulas, inputs are unlocked and validated
    t3 = wb["表三"]
    formulas = [c for row in t3.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert len(formulas) == len(fmt.table("t3").blocks[0].data_rows) + 6  # total column + （七）总计 row
    unlocked = [c for row in t3.iter_rows() for c in row if c.protection.locked is False]
    assert len(unlocked) == (len(fmt.table("t3").blocks[0].data_rows) - 1) * 6
    kinds = {dv.type for dv in t3.data_validations.dataValidation}
    assert kinds == {"whole"}
    t2_types = {(dv.type, dv.operator) for dv in wb["表二"].data_validations.dataValidation if dv.sqref}
    assert ("decimal", "greaterThanOrEqual") in t2_types
    if fid == "2019":
        assert ("whole", "between") in t2_types  # 本年增/减 may be negative
    meta = wb[META_SHEET]
    assert meta["A2"].value == "机关名称" and meta["B2"].value == "某某街道办事处"
    assert meta["A3"].value == "报告年度" and meta["B3"].value == year


def test_format_from_year_and_refused_mismatch(cli, tmp_path):
    res, out = _new(cli, tmp_path, "--year", "2024", "--format", "2019")
    assert res.exit_code == 2
    assert "2024 年度的报告应使用 2021 版格式" in res.stderr
    assert not out.exists()
    with pytest.raises(Exception):
        choose_format(2020, "2021")
    assert choose_format(2020, None).id == "2019"


def test_default_year():
    assert default_year(dt.date(2026, 11, 27)) == 2026
    assert default_year(dt.date(2027, 1, 5)) == 2026


def test_never_overwrites_without_force(cli, tmp_path):
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"clerk's work")
    res = cli("new", "-o", out, "--year", "2024")
    assert res.exit_code == 2 and "已存在" in res.stderr
    assert out.read_bytes() == b"clerk's work"
    res = cli("new", "-o", out, "--year", "2024", "--force")
    assert res.exit_code == 0
    assert load(out).year == 2024


def test_output_suffix_and_no_temp_left(cli, tmp_path):
    res = cli("new", "-o", tmp_path / "t.xls", "--year", "2024")
    assert res.exit_code == 2 and ".xlsx" in res.stderr
    res, out = _new(cli, tmp_path, "--year", "2024")
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


def test_prefilled_from_data_keeps_published_blanks(cli, tmp_path):
    res, out = _new(cli, tmp_path, "--data", SAMPLES / "zhujie-2020.json")
    assert res.exit_code == 0, res.stderr
    r = load(out)
    c = r.cells[F.CellKey("t3", "3.3.1", "total")]  # 1.属于国家秘密 / 总计, blank in the sample
    assert c.state == "blank" and c.formula is None  # published blank, not replaced by a formula
    assert r.cells[r.format.key(F.Role.NEW, F.Role.TOTAL)].formula  # consistent totals stay live formulas


def test_data_and_format_conflict(cli, tmp_path):
    res, _ = _new(cli, tmp_path, "--data", SAMPLES / "zhujie-2020.json", "--format", "2021")
    assert res.exit_code == 2


def test_export_writes_json(cli, tmp_path):
    out = tmp_path / "r.json"
    res = cli("export", SAMPLES / "huaian-2024.xlsx", "-o", out)
    assert res.exit_code == 0, res.stderr
    assert json.loads(out.read_text("utf-8")) == json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    res = cli("export", SAMPLES / "huaian-2024.xlsx", "-o", out)
    assert res.exit_code == 2  # exists


@pytest.mark.parametrize("sample,year,fid", [("huaian-2024.xlsx", 2025, "2021"), ("zhujie-2020.json", 2021, "2021")])
def test_new_year_from_last_years_report(cli, tmp_path, sample, year, fid):
    """--from: the unit's details and 上年结转 = last year's 结转下年度继续办理 (all columns),
    crossing from the 2019 to the 2021 format where the years do."""
    from disclosure_cli.checks import check_report

    last = load(SAMPLES / sample)
    res, out = _new(cli, tmp_path, "--from", SAMPLES / sample)
    assert res.exit_code == 0, res.stderr
    new = load(out)
    assert (new.year, new.format.id, new.org) == (year, fid, last.org)
    assert new.meta.get("phone", "") == last.meta.get("phone", "")
    assert not new.meta.get("published") and not any(new.sections.values())
    for col in new.format.columns_of(F.Role.CARRIED_OVER):
        this, before = new.format.key(F.Role.CARRIED_OVER, col.role), last.format.key(F.Role.CARRIED_FORWARD, col.role)
        assert new.number(*this) == last.number(*before)
    assert len(new.format.columns_of(F.Role.CARRIED_OVER)) == 7
    assert new.cells[new.format.key(F.Role.CARRIED_OVER, F.Role.TOTAL)].formula  # totals stay live formulas
    codes = {f.code for f in check_report(new, last).findings}
    assert "prev-carry-over" not in codes and "prev-year-not-consecutive" not in codes


def test_from_and_data_are_exclusive(cli, tmp_path):
    res, _ = _new(cli, tmp_path, "--from", SAMPLES / "huaian-2024.json", "--data", SAMPLES / "huaian-2024.json")
    assert res.exit_code == 2 and "--from" in res.stderr


def test_new_data_with_sentences_prewrites_them_from_the_tables(cli, tmp_path):
    """`new --data --sentences`: the standard application sentences are written from 表三, agree
    with the tables (check finds nothing in them), and are not written twice."""
    from conftest import SAMPLES
    from disclosure_cli import load
    from disclosure_cli.checks import check_report
    from disclosure_cli.sentences import is_generated

    out = tmp_path / "s.xlsx"
    res = cli("new", "--data", SAMPLES / "huaian-2024.json", "--sentences", "-o", out)
    assert res.exit_code == 0, res.stderr
    assert "已按表格数据预写依申请公开情况的句子" in res.stderr
    report = load(out)
    generated = [p.text for ps in report.sections.values() for p in ps if is_generated(report, p.text)]
    assert len(generated) == 2 and "共新收政府信息公开申请3119件" in generated[0]
    result = check_report(report)
    assert (result.errors, result.warnings) == (0, 0), [f.message for f in result.findings]
    again = tmp_path / "again.xlsx"
    assert cli("new", "--data", out, "--sentences", "-o", again).exit_code == 0
    report2 = load(again)
    assert sum(is_generated(report2, p.text) for ps in report2.sections.values() for p in ps) == 2


def test_sentences_need_data(cli, tmp_path):
    res = cli("new", "--sentences", "-o", tmp_path / "x.xlsx")
    assert res.exit_code == 2 and "--sentences 要与 --data 同用" in res.stderr
