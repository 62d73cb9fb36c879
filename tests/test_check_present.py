"""Findings a person can read (issue 9): same-kind findings on the cells of one table shown as
one line (every finding kept in JSON), locations that are cells and sheets, never internal keys."""

from __future__ import annotations

import json

from disclosure_cli import formats as F
from disclosure_cli.checks import check_files, check_report
from disclosure_cli.checks.present import grouped, location, merged, merged_counts, summary, where
from disclosure_cli.formats import Role as R

from _check_data import report, sample
from conftest import SAMPLES

LEGAL = ("commercial", "research", "nonprofit", "legal", "other")


def _blank_legal_columns():
    """The five 法人或其他组织 columns left blank on every result row (a real report's shape)."""
    data = sample("huaian-2024")
    data["meta"]["published"] = "2025-02-10"
    for row_id, row in data["t3"].items():
        if row_id.startswith("3."):
            for c in LEGAL:
                row[c] = 0 if row_id == "3.7" else None
    for c in LEGAL:  # keep the balance: nothing new for them
        for r in ("1", "2", "4"):
            data["t3"][r][c] = 0
    for r in data["t3"].values():
        r["total"] = r["natural"]
    return data


def test_blank_cells_of_a_table_are_one_line():
    result = check_report(report(_blank_legal_columns()))
    blanks = [f for f in result.findings if f.code == "value-blank"]
    assert len(blanks) == 5 * 21  # JSON and the result keep every one
    shown = [f for f in merged(result) if f.code == "value-blank"]
    assert len(shown) == 1
    (line,) = shown
    assert line.message == "表三 商业企业…其他 5 列 21 行空白（105 个单元格），计算时按 0 计；没有请填 0"
    assert len(line.refs) == 105 and line.args["merged"] == 105
    assert merged_counts(result) == (105, 1)
    assert "（105 个同类问题合并为 1 行显示）" in summary(result)
    assert sum(len(fs) for _, fs in grouped(result)) == len(result.findings) - 104


def test_a_few_blank_cells_stay_one_by_one():
    data = sample("huaian-2024")
    data["t2"]["rules"]["repealed"] = None
    data["t2"]["normative"]["repealed"] = None
    result = check_report(report(data))
    assert [f.code for f in merged(result)].count("value-blank") == 2
    assert merged_counts(result) == (0, 0)
    assert "合并" not in summary(result)


def test_cli_prints_the_merged_line_and_json_keeps_every_finding(cli, tmp_path):
    path = tmp_path / "blank.json"
    path.write_text(json.dumps(_blank_legal_columns(), ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    r = cli("check", path, env={"NO_COLOR": "1"})
    assert r.stdout.count("value-blank") == 1
    assert "5 列 21 行空白（105 个单元格）" in r.stdout and "合并为 1 行显示" in r.stdout
    r = cli("check", "--format", "json", path)
    (entry,) = json.loads(r.stdout)["files"]
    assert [f["code"] for f in entry["findings"]].count("value-blank") == 105
    assert path.read_bytes() == before


def test_workbook_locations_name_the_cell_of_the_paragraph():
    (entry,) = check_files([SAMPLES / "zhujie-2020.xlsx"])["files"]
    result = check_report(__import__("disclosure_cli").load(SAMPLES / "zhujie-2020.xlsx"))
    fmt = result.report.format
    (year,) = [f for f in result.findings if f.code == "text-year-other"]
    assert where(fmt, year) == "正文!C12"  # the cell holding the paragraph, not “第 25 段”
    (blank,) = [f for f in merged(result) if f.code == "value-blank"]
    assert where(fmt, blank) == "表三!G10…J10"
    assert blank.message.startswith("表三 属于国家秘密行 3 列空白（3 个单元格）")


def test_location_never_shows_an_internal_key():
    k = F.V2019.key(R.OTHER_HANDLING, R.NATURAL_PERSON)  # a data row in 2019, a group in 2021
    assert location(F.V2019, {"table": k.table, "row": k.row, "column": k.column}) == "表三 （六）其他处理 / 自然人"
    fmt = F.V2021
    assert location(fmt, {"table": k.table, "row": k.row, "column": k.column}) == "表三 （六）其他处理"
    assert "[" not in location(fmt, {"table": "t3", "row": "9.9", "column": "natural"})
    assert location(fmt, {"section": "1", "paragraph": 3, "quote": "x"}) == "第 3 段"
    assert location(fmt, {"section": "1", "paragraph": 3, "sheet": "正文", "cell": "C4", "paragraph_in_cell": 2}) == "正文!C4 格内第 2 段"


def test_a_row_of_the_old_version_is_one_finding():
    """A 2021 report with 2019's one-row （六）其他处理 (its three sub-rows absent): one
    format-mixed-version, not 21 blank cells and four sum errors besides; a wrong number on the
    old row still breaks the sums."""
    data = sample("huaian-2024")
    data["meta"]["published"] = "2025-02-10"
    fmt = F.V2021
    group = fmt.row_of(R.OTHER_HANDLING)
    leaves = fmt.table_of(R.OTHER_HANDLING).leaves(group.id)
    data["t3"][group.id] = {c: sum(data["t3"][r.id][c] for r in leaves) for c in data["t3"][leaves[0].id]}
    for r in leaves:
        del data["t3"][r.id]
    assert [f.code for f in check_report(report(data)).findings] == ["format-mixed-version"]
    data["t3"][group.id]["natural"] += 1
    codes = [f.code for f in check_report(report(data)).findings]
    assert "sum-results-total" in codes and "value-blank" not in codes


def test_a_structure_problem_is_placed_without_an_internal_name():
    """A heading drift on a published page points at the paragraph; the internal field id
    ("structure") is never shown to a reviewer."""
    from disclosure_cli.checks.present import location

    ref = {"field": "structure", "value": "五、存在的主要问题及整改措施", "sheet": "网页正文", "cell": "第 13 个段落"}
    assert location(F.V2021, ref) == "网页正文 第 13 个段落"
