"""``disclosure rollup``: a generated district added up, every cell against an independent sum,
provenance, unit list matching and each failure case with its exact message."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_cli import formats as F
from disclosure_cli.cli import app
from disclosure_cli.jsonform import dumps, from_data
from disclosure_cli.reader import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import synthetic  # noqa: E402

runner = CliRunner()
R = F.Role


def district(n: int, year: int = 2024, seed: int = 7) -> list[dict]:
    """``n`` consistent units of one year (benchmarks/generate.py), 机关名称 区属单位01…"""
    rnd = random.Random(seed)
    out = []
    i = 0
    while len(out) < n:
        d = synthetic(rnd, i)
        i += 1
        if d["year"] != year:
            continue
        d["org"] = f"某某区第{len(out) + 1:02d}单位"
        out.append(d)
    return out


def write(folder: Path, datas: list[dict], names: list[str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, d in enumerate(datas):
        p = folder / f"{(names or [])[i] if names else f'u{i:02d}'}.json"
        p.write_text(dumps(d), encoding="utf-8")
        paths.append(p)
    return paths


def digests(folder: Path) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def flat(text: str) -> str:
    """Output without whitespace (the terminal width may wrap a long message)."""
    return "".join(text.split())


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def independent_sum(datas: list[dict], key: F.CellKey):
    total, numbers = Decimal(0), 0
    for d in datas:
        v = d[key.table][key.row][key.column]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            total += Decimal(str(v))
            numbers += 1
    return total, numbers


def test_every_cell_is_the_independent_sum_and_rerun_is_byte_identical(tmp_path):
    datas = district(12)
    # 万元 amounts that drift in binary floating point
    fmt = F.for_year(2024)
    amount = fmt.key(R.FEES, R.AMOUNT)
    for d, v in zip(datas, (0.1, 0.2, 0.7, 1.1, 2.2, 3.3)):
        d[amount.table][amount.row][amount.column] = v
    write(tmp_path / "in", datas)
    before = digests(tmp_path / "in")
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府", "--report", tmp_path / "汇总.json")
    assert r.exit_code == 0, r.output
    assert "已汇总 12 个单位" in r.output
    agg = load(tmp_path / "汇总.xlsx")
    for key in fmt.cells():
        total, numbers = independent_sum(datas, key)
        cell = agg.cells[key]
        value = agg.computed(key) if cell.formula else cell.value
        assert Decimal(str(value)) == total, key
    assert agg.cells[amount].value == pytest.approx(float(Decimal("0.1") + Decimal("0.2") + Decimal("0.7") + Decimal("1.1") + Decimal("2.2") + Decimal("3.3") + sum(Decimal(str(d[amount.table][amount.row][amount.column])) for d in datas[6:])))
    assert repr(agg.cells[amount].value) == repr(float(independent_sum(datas, amount)[0]))
    first = (tmp_path / "汇总.xlsx").read_bytes()
    first_json = (tmp_path / "汇总.json").read_bytes()
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府", "--report", tmp_path / "汇总.json", "--force")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "汇总.xlsx").read_bytes() == first
    assert (tmp_path / "汇总.json").read_bytes() == first_json
    assert digests(tmp_path / "in") == before
    # the JSON twin
    data = json.loads(first_json)
    assert data["kind"] == "disclosure-rollup" and len(data["inputs"]) == 12
    assert all(len(i["sha256"]) == 64 for i in data["inputs"])


def test_provenance_sheet_holds_every_units_value(tmp_path):
    from openpyxl import load_workbook

    datas = district(5)
    write(tmp_path / "in", datas)
    assert run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府").exit_code == 0
    wb = load_workbook(tmp_path / "汇总.xlsx")
    ws = wb["来源"]
    rows = list(ws.iter_rows(values_only=True))
    keys = rows[4][4:]
    fmt = F.for_year(2024)
    assert list(keys) == [str(k) for k in fmt.cells()]
    units = rows[5:]
    assert [u[1] for u in units] == [d["org"] for d in datas]
    for d, u in zip(datas, units):
        for key, v in zip(fmt.cells(), u[4:]):
            assert v == d[key.table][key.row][key.column], (d["org"], key)
    stamp = wb["_disclosure_rollup"]
    assert stamp.sheet_state == "veryHidden"
    recorded = {r[0]: r[1] for r in stamp.iter_rows(min_row=2, values_only=True)}
    assert recorded == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((tmp_path / "in").iterdir())}


def test_rollup_passes_check_builds_and_starts_next_year(tmp_path):
    write(tmp_path / "in", district(4))
    out = tmp_path / "汇总.xlsx"
    assert run("rollup", tmp_path / "in", "-o", out, "--org", "某某区人民政府").exit_code == 0
    r = run("check", out)
    assert r.exit_code == 0, r.output
    r = run("build", out, "-o", tmp_path / "site")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "site" / "汇总.docx").is_file()
    r = run("new", "-o", tmp_path / "2025.xlsx", "--from", out)
    assert r.exit_code == 0, r.output


def test_generated_sentence_in_text_agrees_with_tables(tmp_path):
    from disclosure_cli import sentences

    datas = district(3)
    write(tmp_path / "in", datas)
    assert run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某市某某区人民政府").exit_code == 0
    agg = load(tmp_path / "汇总.xlsx")
    text = agg.sections["1"][0].text
    fmt = agg.format
    new = sum(d["t3"]["1"]["total"] for d in datas)
    assert text.startswith(f"全区各级行政机关共新收政府信息公开申请{new}件，")
    assert sentences.is_generated(agg, text)
    changed = text.replace(f"{new}件", f"{new + 1}件", 1)
    assert not sentences.is_generated(agg, changed)
    assert fmt.sections[0].id == "1"


UNITS_CSV = """单位代码,单位名称,其他名称,单位类型,上级
001,某某区人民政府,某某区政府办公室,本机关,
002,某某区第01单位,,部门,某某区人民政府
003,某某区第02单位,区第二单位、二单位,部门,某某区人民政府
004,某某区第99单位,,乡镇街道,某某区人民政府
"""


def test_unit_list_missing_unknown_duplicate_and_normalised_names(tmp_path):
    datas = district(4)
    datas[1]["org"] = "某某区第０２单位 "  # full-width digits, a space
    datas[2]["org"] = "二单位"  # an alias: the same unit again
    # datas[3] 某某区第04单位: not listed
    write(tmp_path / "in", datas)
    (tmp_path / "units.csv").write_text(UNITS_CSV, encoding="utf-8")
    before = digests(tmp_path)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--units", tmp_path / "units.csv", "--report", tmp_path / "r.json")
    assert r.exit_code == 1, r.output
    out = flat(r.output)
    assert flat("1 份报告与另一份是同一单位，只汇总了第一份：某某区第02单位（u02.json，与 u01.json 是同一单位）") in out
    assert flat("单位清单中有 2 个单位没有报告：某某区人民政府、某某区第99单位") in out
    assert flat("1 份报告的单位不在单位清单中（已计入合计）：某某区第04单位（u03.json）") in out
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    status = {(u["name"], u["path"]): u["status"] for u in report["units"]}
    assert status == {
        ("某某区第01单位", "u00.json"): "included",
        ("某某区第02单位", "u01.json"): "included",
        ("某某区第02单位", "u02.json"): "duplicate",
        ("某某区第04单位", "u03.json"): "unknown",
        ("某某区人民政府", None): "missing",
        ("某某区第99单位", None): "missing",
    }
    agg = load(tmp_path / "汇总.xlsx")
    assert agg.org == "某某区人民政府"  # the list's 本机关
    summed = [datas[0], datas[1], datas[3]]
    key = F.for_year(2024).key(R.NEW, R.NATURAL_PERSON)
    assert agg.cells[key].value == independent_sum(summed, key)[0]
    assert {p: h for p, h in digests(tmp_path).items() if "汇总" not in p.name and p.name != "r.json"} == before


def test_identical_data_under_two_names_is_a_warning(tmp_path):
    datas = district(3)
    twin = copy.deepcopy(datas[0])
    twin["org"] = "某某区第09单位"
    write(tmp_path / "in", datas + [twin])
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府")
    assert r.exit_code == 0, r.output
    assert flat("2 个单位的表格数据完全相同，可能是同一份报告：某某区第01单位、某某区第09单位") in flat(r.output)


def test_blank_and_text_cells_make_a_partial_sum_naming_the_units(tmp_path):
    datas = district(3)
    fmt = F.for_year(2024)
    key = fmt.key(R.LICENSE, R.DECISIONS)
    datas[0][key.table][key.row][key.column] = None
    datas[2][key.table][key.row][key.column] = "/"
    write(tmp_path / "in", datas)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府", "--report", tmp_path / "r.json")
    assert r.exit_code == 0, r.output
    assert flat(f"合计不完整（有单位填的不是数字：空白、“/”或文字）：{key}；涉及单位：某某区第01单位、某某区第03单位") in flat(r.output)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "汇总.xlsx", read_only=True)["来源"].iter_rows(values_only=True))
    assert rows[3][rows[4].index(str(key))] == "某某区第01单位、某某区第03单位"
    assert rows[3][0] == "合计不完整（填的不是数字的单位）"
    assert report["cells"][str(key)] == {"value": datas[1][key.table][key.row][key.column], "partial": ["某某区第01单位", "某某区第03单位"]}


def test_a_number_with_its_unit_is_summed_as_the_checker_reads_it(tmp_path):
    """“7件” in a count cell and “152.2万元” in the 万元 column count as 7 and 152.2 — as the
    checker reads them (value-typing info) — with a warning naming the units; “251000元” in a
    count cell does not fit and stays text: a partial sum. The result's own arithmetic holds."""
    datas = district(3)
    fmt = F.for_year(2024)
    count, amount, odd = fmt.key(R.LICENSE, R.DECISIONS), fmt.key(R.FEES, R.AMOUNT), fmt.key(R.PENALTY, R.DECISIONS)
    datas[0][count.table][count.row][count.column] = "7件"
    datas[1][amount.table][amount.row][amount.column] = "152.2万元"
    datas[2][odd.table][odd.row][odd.column] = "251000元"
    write(tmp_path / "in", datas)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府", "--report", tmp_path / "r.json")
    assert r.exit_code == 1, r.output  # 第03单位's “251000元” in a count cell is an error of its report
    assert "1 个单位的报告有错误，已计入合计，请核实：某某区第03单位" in r.output
    agg = load(tmp_path / "汇总.xlsx")
    expected_count = 7 + sum(d[count.table][count.row][count.column] for d in datas[1:])
    expected_amount = Decimal("152.2") + sum(Decimal(str(d[amount.table][amount.row][amount.column])) for d in (datas[0], datas[2]))
    assert agg.cells[count].value == expected_count
    assert Decimal(str(agg.cells[amount].value)) == expected_amount
    out = flat(r.output)
    assert flat(f"已按其中的数字计入合计，请核实：{count}；涉及单位：某某区第01单位") in out
    assert flat(f"已按其中的数字计入合计，请核实：{amount}；涉及单位：某某区第02单位") in out
    assert flat(f"合计不完整（有单位填的不是数字：空白、“/”或文字）：{odd}；涉及单位：某某区第03单位") in out
    assert "汇总结果错误" not in r.output  # the totals agree with the parts counted


def test_mixed_format_versions_are_refused_with_the_units_of_each(tmp_path):
    datas = district(2)
    old = district(1, year=2020)[0]
    old["org"] = "某某区老单位"
    write(tmp_path / "in", datas + [old])
    before = digests(tmp_path / "in")
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx")
    assert r.exit_code == 2, r.output
    assert flat(
        "各单位的报告使用了不同的格式版本，不能相加：2019 版（国办公开办函〔2019〕60号）：某某区老单位共 1 个；"
        "2021 版（国办公开办函〔2021〕30号）：某某区第01单位、某某区第02单位共 2 个"
    ) in flat(r.output)
    assert not (tmp_path / "汇总.xlsx").exists()
    assert digests(tmp_path / "in") == before


def test_mixed_years_are_refused(tmp_path):
    a = district(1, year=2024)
    b = district(1, year=2023)
    b[0]["org"] = "某某区去年单位"
    write(tmp_path / "in", a + b)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx")
    assert r.exit_code == 2
    assert flat("各单位报告的年度不一致，不能相加：2023：某某区去年单位共 1 个；2024：某某区第01单位共 1 个") in flat(r.output)


def test_one_units_reports_of_two_years_are_mixed_years_not_a_duplicate(tmp_path):
    """A reviewer's folder holding last year's report of a unit beside this year's: the wrong
    year is the problem, not a second copy of the unit."""
    a = district(2, year=2024)
    b = district(1, year=2023)
    b[0]["org"] = a[0]["org"]
    write(tmp_path / "in", a + b)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府")
    assert r.exit_code == 2, r.output
    assert flat("各单位报告的年度不一致，不能相加：2023：某某区第01单位共 1 个；2024：某某区第01单位、某某区第02单位共 2 个") in flat(r.output)
    assert not (tmp_path / "汇总.xlsx").exists()
    b[0]["year"] = 2024  # the same year again: a second copy of the unit
    write(tmp_path / "in", a + b)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府")
    assert r.exit_code == 1 and flat("1 份报告与另一份是同一单位") in flat(r.output), r.output


def test_rollup_without_an_org_says_how_to_give_one(tmp_path):
    write(tmp_path / "in", district(2))
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx")
    assert r.exit_code == 1, r.output
    assert flat("汇总结果错误org-missing没有填写机关名称（用--org写明汇总报告的机关名称") in flat(r.output)


def test_unit_with_errors_is_summed_but_listed(tmp_path):
    datas = district(3)
    datas[1]["t3"]["1"]["total"] += 5  # a wrong 总计
    write(tmp_path / "in", datas)
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府")
    assert r.exit_code == 1, r.output
    assert flat("1 个单位的报告有错误，已计入合计，请核实：某某区第02单位") in flat(r.output)
    assert (tmp_path / "汇总.xlsx").is_file()


def test_unreadable_input_is_listed_not_summed(tmp_path):
    write(tmp_path / "in", district(2))
    (tmp_path / "in" / "坏.xlsx").write_bytes(b"not a workbook")
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--org", "某某区人民政府")
    assert r.exit_code == 1, r.output
    assert flat("1 个文件无法读取，未汇总：坏.xlsx") in flat(r.output)


def test_no_overwrite_without_force_and_no_inputs(tmp_path):
    write(tmp_path / "in", district(1))
    (tmp_path / "汇总.xlsx").write_bytes(b"keep")
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx")
    assert r.exit_code == 2 and (tmp_path / "汇总.xlsx").read_bytes() == b"keep"
    (tmp_path / "empty").mkdir()
    r = run("rollup", tmp_path / "empty", "-o", tmp_path / "x.xlsx")
    assert r.exit_code == 2
    assert "没有找到要汇总的报告" in r.output


def test_output_inside_the_input_folder_is_not_summed_again(tmp_path):
    write(tmp_path / "in", district(2))
    out = tmp_path / "in" / "汇总.xlsx"
    assert run("rollup", tmp_path / "in", "-o", out, "--org", "某某区人民政府").exit_code == 0
    first = out.read_bytes()
    r = run("rollup", tmp_path / "in", "-o", out, "--org", "某某区人民政府", "--force")
    assert r.exit_code == 0 and "已汇总 2 个单位" in r.output
    assert out.read_bytes() == first


def test_previous_rollup_carry_over_and_units_gone(tmp_path):
    last = district(3, year=2023, seed=3)
    write(tmp_path / "2023", last)
    assert run("rollup", tmp_path / "2023", "-o", tmp_path / "2023汇总.xlsx", "--org", "某某区人民政府").exit_code == 0
    now = district(2, year=2024)
    write(tmp_path / "2024", now)
    r = run("rollup", tmp_path / "2024", "-o", tmp_path / "2024汇总.xlsx", "--org", "某某区人民政府", "--previous", tmp_path / "2023汇总.xlsx")
    out = flat(r.output)
    assert flat("上年汇总中有 1 个单位今年没有报告：某某区第03单位") in out
    assert "prev-carry-over" in out  # last year's roll-up 结转下年度 against this year's 上年结转
    assert r.exit_code == 1


def test_unit_list_template_and_errors(tmp_path):
    from disclosure_cli.units import normalize_name, read_units

    r = run("new", "--units", "-o", tmp_path / "单位清单.xlsx")
    assert r.exit_code == 0, r.output
    r = run("rollup", tmp_path, "-o", tmp_path / "x.xlsx", "--units", tmp_path / "单位清单.xlsx")
    assert r.exit_code == 2 and "单位清单中没有单位" in r.output
    # filled in with openpyxl, read back
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "单位清单.xlsx")
    ws = wb.active
    ws.append(["A1", "某某区人民政府", "区政府", "本机关", None])
    ws.append(["A2", "某某街道办事处", None, "乡镇街道", "某某区人民政府"])
    wb.save(tmp_path / "filled.xlsx")
    units = read_units(tmp_path / "filled.xlsx")
    assert [u.name for u in units.units] == ["某某区人民政府", "某某街道办事处"]
    assert units.match("某某区 政府").code == "A1"
    assert units.match("区人民政府").code == "A1"
    assert normalize_name("（某某）街道　办事处") == "(某某)街道办事处"
    (tmp_path / "bad.csv").write_text("单位名称,单位类型\n甲,部门\n甲 ,乡镇\n", encoding="utf-8")
    r = run("rollup", tmp_path, "-o", tmp_path / "y.xlsx", "--units", tmp_path / "bad.csv")
    assert r.exit_code == 2
    assert "单位清单中单位类型应为部门、乡镇街道、下级政府、本机关之一：第 3 行“乡镇”" in r.output
    (tmp_path / "dup.csv").write_text("单位名称,其他名称\n甲局,\n乙局,甲局\n", encoding="gbk")
    r = run("rollup", tmp_path, "-o", tmp_path / "y.xlsx", "--units", tmp_path / "dup.csv")
    assert r.exit_code == 2
    assert "单位清单中有名称重复" in r.output and "“甲局”（第 3 行）与“甲局”（第 2 行）" in r.output


def test_sources_check_catches_a_hand_edited_rollup(tmp_path):
    from openpyxl import load_workbook

    from disclosure_cli.rollup import check_sources

    datas = district(3)
    write(tmp_path / "in", datas)
    out = tmp_path / "汇总.xlsx"
    assert run("rollup", tmp_path / "in", "-o", out, "--org", "某某区人民政府").exit_code == 0
    assert check_sources(out) == []
    fmt = F.for_year(2024)
    key = fmt.key(R.CARRIED_FORWARD, R.NATURAL_PERSON)
    wb = load_workbook(out)
    ws = wb["来源"]
    col = [c.value for c in ws[5]].index(str(key)) + 1
    ws.cell(row=6, column=col, value=ws.cell(row=6, column=col).value + 2)
    wb.save(tmp_path / "edited.xlsx")
    total = independent_sum(datas, key)[0]
    (issue,) = check_sources(tmp_path / "edited.xlsx")
    assert issue.message == f"{key}：汇总表中为 {total}，但“来源”表中各单位结转下年度之和为 {total + 2}，相差 -2"


def test_prefill_adds_the_sentences_once():
    from disclosure_cli import sentences

    report = from_data(district(1)[0])
    before = {k: list(v) for k, v in report.sections.items()}
    assert sentences.prefill(report)
    assert not sentences.prefill(report)
    added = [p.text for k, v in report.sections.items() for p in v if p not in before.get(k, [])]
    assert len(added) == 2 and all(sentences.is_generated(report, t) for t in added)
    assert added[0].startswith("本机关共新收政府信息公开申请")


def test_new_units_refuses_report_options_and_overwrite(tmp_path):
    r = run("new", "--units", "-o", tmp_path / "u.xlsx", "--year", "2024")
    assert r.exit_code == 2 and "--units 不能与 --org、--year、--format、--data、--from 同用" in r.output
    assert not (tmp_path / "u.xlsx").exists()
    assert run("new", "--units", "-o", tmp_path / "u.xlsx").exit_code == 0
    before = (tmp_path / "u.xlsx").read_bytes()
    r = run("new", "--units", "-o", tmp_path / "u.xlsx")
    assert r.exit_code == 2 and (tmp_path / "u.xlsx").read_bytes() == before


def test_rollup_and_review_refuse_wrong_suffixes(tmp_path):
    write(tmp_path / "in", district(1))
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.csv")
    assert r.exit_code == 2 and "输出文件应以 .xlsx 结尾" in r.output
    r = run("review", tmp_path / "in", "-o", tmp_path / "审核.pdf")
    assert r.exit_code == 2 and "输出文件应以 .html 结尾" in r.output
    r = run("rollup", tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--units", tmp_path / "无.csv")
    assert r.exit_code == 2 and "单位清单文件不存在" in r.output
