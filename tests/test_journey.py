"""A clerk's year, end to end: blank template → filled in a spreadsheet program → check → build,
and next year's template started from it."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from conftest import SAMPLES
from disclosure_cli import load
from disclosure_cli.formats import Role
from disclosure_cli.jsonform import to_data


def _fill_like_a_clerk(template, data: dict, out) -> None:
    """Type the sample's numbers and text into the blank template's yellow cells, found through
    the reader's own addresses (as a clerk finds them by their labels)."""
    blank = load(template)
    wb = load_workbook(template)
    for key, cell in blank.cells.items():
        if cell.formula is None:  # inputs only; totals stay the template's formulas
            value = data[key.table][key.row][key.column]
            wb[cell.source.sheet][cell.source.cell].value = value
    meta = wb["单位信息"]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "发布日期":
            row[1].value = "2025-03-20"
    text = wb["正文"]
    for row in text.iter_rows(min_row=2):
        heading = row[0].value
        if heading:
            sid = heading[0]
            sections = {"一": "1", "五": "5", "六": "6"}
            if sid in sections and data["sections"][sections[sid]]:
                row[2].value = "\n".join(data["sections"][sections[sid]])
    wb.save(out)


def test_a_clerks_year(cli, tmp_path):
    data = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    template = tmp_path / "模板.xlsx"
    res = cli("new", "-o", template, "--org", data["org"], "--year", "2024")
    assert res.exit_code == 0, res.stderr
    filled = tmp_path / "淮安市2024.xlsx"
    _fill_like_a_clerk(template, data, filled)

    res = cli("check", filled, "--format", "json")
    assert res.exit_code == 0, res.stdout
    result = json.loads(res.stdout)["files"][0]
    assert result["errors"] == 0 and result["warnings"] == 0, result["findings"]

    report = load(filled)
    got = to_data(report)
    for t in ("t2", "t3", "t4"):
        assert got[t] == data[t]  # totals recomputed from the clerk's numbers equal the published ones

    out = tmp_path / "out"
    res = cli("build", filled, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["淮安市2024.docx", "淮安市2024.html"]
    html = (out / "淮安市2024.html").read_text("utf-8")
    assert "3119" in html and data["org"] in html

    next_year = tmp_path / "淮安市2025.xlsx"
    res = cli("new", "-o", next_year, "--from", filled)
    assert res.exit_code == 0, res.stderr
    nxt = load(next_year)
    assert nxt.year == 2025 and nxt.number(*nxt.format.key(Role.CARRIED_OVER, Role.TOTAL)) == 103
