"""One planted problem per rule, on the correct 淮安 2024 report (or a 2019 variant): each gives
exactly the finding of its rule. Together they trigger every code of the catalogue."""

from __future__ import annotations

import copy
import random

import pytest

from disclosure_cli import formats as F
from disclosure_cli.checks import CATALOGUE, check_report
from disclosure_cli.formats import Role as R
from disclosure_cli.model import Problem, Source

from _check_data import add, consistent, get, key, put, put_key, ref_keys, report, row_of, sample

H = sample("huaian-2024")
TRIGGERED: set[str] = set()


def _clean():
    data = copy.deepcopy(H)
    data["meta"]["published"] = "2025-02-10"
    return data


def _2019():
    return consistent("2019", random.Random(3))


def findings(data, previous=None, problems=()):
    rep = report(data)
    rep.problems.extend(problems)
    prev = report(previous) if previous is not None else None
    result = check_report(rep, prev)
    TRIGGERED.update(f.code for f in result.findings)
    return result.findings


def only(data, code, **kw):
    got = findings(data, **kw)
    assert [f.code for f in got] == [code], [(f.code, f.message) for f in got]
    return got[0]


# --- cell values -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["22（其中修订16件）", "251000元", "十二"])
def test_value_text_shows_raw(raw):
    f = only(put(_clean(), R.NORMATIVE, R.ISSUED, raw), "value-text")
    assert raw in f.message and f.refs[0]["value"] == raw and f.level == "error"


def test_value_decimal_and_negative():
    only(put(_clean(), R.LICENSE, R.DECISIONS, 2.5), "value-decimal")
    only(put(_clean(), R.PENALTY, R.DECISIONS, -3), "value-negative")


def test_decimals_allowed_in_money_and_negative_in_2019_change():
    assert findings(put(_clean(), R.FEES, R.AMOUNT, 12.75)) == []
    assert findings(put(_2019(), R.LICENSE, R.CHANGE, -4)) == []


@pytest.mark.parametrize("mark", ["/", "-", "—", "不适用"])
def test_value_na_is_a_warning(mark):
    f = only(put(_clean(), R.ENFORCEMENT, R.DECISIONS, mark), "value-na")
    assert f.level == "warning" and mark in f.message


@pytest.mark.parametrize("raw", ["１２", " 12 ", "12", "12.0", 12.0])
def test_value_typing_is_info(raw):
    data = put(_clean(), R.LICENSE, R.DECISIONS, raw)
    f = only(data, "value-typing")
    assert f.level == "info" and "12" in f.message


def test_value_blank_is_a_warning():
    f = only(put(_clean(), R.RULES, R.REPEALED, None), "value-blank")
    assert "按 0 计" in f.message


# --- format and structure -------------------------------------------------------------------------


def test_format_year_mismatch():
    data = _clean()
    data["year"] = 2020
    data["meta"]["published"] = "2021-02-01"
    got = findings(data)
    assert "format-year-mismatch" in [f.code for f in got]
    (f,) = [f for f in got if f.code == "format-year-mismatch"]
    assert "2019 版" in f.message


def test_old_row_36_in_a_2021_report():
    data = _clean()
    other = F.V2021.row_of(R.OTHER_HANDLING)  # a group of three rows in 2021, one row in 2019
    first = F.V2021.table_of(R.OTHER_HANDLING).leaves(other.id)[0]
    data["t3"][other.id] = dict(data["t3"][first.id])
    got = [f for f in findings(data) if f.code == "format-mixed-version"]
    assert len(got) == 1
    assert {r["column"] for r in got[0].refs} == set(data["t3"][first.id])
    assert "（六）其他处理" in got[0].message and "1.申请人无正当理由" in got[0].message


def test_2019_columns_in_table_two_of_a_2021_report():
    data = put_key(_clean(), F.V2019.key(R.NORMATIVE, R.ISSUED), 3)  # 本年新制作数量
    f = only(data, "format-mixed-version")
    assert "本年新制作数量" in f.message


def test_unknown_cell():
    only(put_key(_clean(), F.CellKey("t3", "9.9", "natural"), 1), "unknown-cell")


@pytest.mark.parametrize(
    "code,problem",
    [
        ("label-missing", Problem("label-missing", "表三中找不到“2.重复申请”", label="2.重复申请", table="t3")),
        (
            "label-altered",
            Problem("label-altered", "标签被改动", label="2.其他法律行政法规禁止公开", found="2.其他法律行政止公开",
                    source=Source(sheet="表三", cell="B11"), table="t3", row="3.3.2"),
        ),
        ("format-mixed-version", Problem("label-altered", "标签与格式不一致", label="行政规范性文件", found="规范性文件", table="t2", row=F.V2021.row_of(R.NORMATIVE).id)),
        ("format-mixed-version", Problem("format-mixed-version", "（六）其他处理只有一行", table="t3", row=F.V2021.row_of(R.OTHER_HANDLING).id)),
        ("section-missing", Problem("section-missing", "正文中缺少部分“六、其他需要报告的事项”", label="六、其他需要报告的事项")),
        ("label-altered", Problem("label-altered", "标题不一致", label="一、总体情况", found="一、总体状况")),
        ("section-order", Problem("section-order", "顺序不一致")),
        ("table-missing", Problem("table-missing", "找不到表格", label="四、政府信息公开行政复议、行政诉讼情况", table="t4")),
        ("structure-other", Problem("structure-other", "正文中有无法识别的部分标题“七、附件”", found="七、附件")),
        ("formula-text-not-cached", Problem("formula-text-not-cached", "单位信息!B2（机关名称）是公式“=A1”", label="机关名称")),
    ],
)
def test_reader_problems_become_findings(code, problem):
    f = only(_clean(), code, problems=[problem])
    assert problem.message in f.message
    if problem.source is not None:
        assert f.refs[0]["sheet"] == "表三" and f.refs[0]["cell"] == "B11"


def test_org_year_title():
    data = _clean()
    data["org"] = ""
    only(data, "org-missing")
    data = _clean()
    data["year"] = "二〇二四"
    assert "year-missing" in [f.code for f in findings(data)]
    data = _clean()
    data["meta"]["title"] = "淮安市人民政府2023年政府信息公开工作年度报告"
    only(data, "title-year-mismatch")


def test_year_in_the_future():
    import datetime as dt

    data = _clean()
    data["year"] = dt.date.today().year + 1
    data["meta"]["published"] = ""  # (its own finding, not this one's concern)
    codes = [f.code for f in findings(data)]
    assert "year-future" in codes
    data["year"] = dt.date.today().year  # this year's report, drafted before the year ends
    assert "year-future" not in [f.code for f in findings(data)]


# --- text ------------------------------------------------------------------------------------------


def _with(section, text, data=None):
    data = data or _clean()
    data["sections"][section] = list(data["sections"].get(section, [])) + [text]
    return data


def test_section_empty_and_fee():
    data = _clean()
    data["sections"]["5"] = []
    only(data, "section-empty")
    data = _clean()
    data["sections"]["6"] = ["无其他需要报告的事项。"]
    f = only(data, "fee-not-reported")
    assert f.refs[0]["quote"] == "无其他需要报告的事项。"
    data = _2019()
    data["sections"]["6"] = ["无。"]
    assert findings(data) == []  # the 2019 format does not ask for the fee


def test_other_year_quoted_but_comparisons_and_plans_allowed():
    f = only(_with("1", "2023年制定了政务公开工作要点。"), "text-year-other")
    assert f.refs[0]["quote"] == "2023年制定了政务公开工作要点。"
    assert findings(_with("1", "申请数量较2023年增长10%。")) == []
    assert findings(_with("1", "截至2025年1月，共有政务新媒体95个。")) == []
    assert findings(_with("5", "2025年将继续加强政策解读。")) == []
    assert findings(_with("1", "认真落实《2023年政务公开工作要点》。")) == []


def test_quoted_numbers_against_tables():
    """Real cases: text says 17 applications, table 3119 (here); 258 予以公开及部分公开, table 275."""
    f = only(_with("1", "全年收到政府信息公开申请17件。"), "text-number-mismatch")
    assert "17" in f.message and "3119" in f.message
    assert f.refs[0]["quote"] == "全年收到政府信息公开申请17件。"
    assert ref_keys(f.refs) == [F.V2021.key(R.NEW, R.TOTAL), F.V2021.key(R.CARRIED_OVER, R.TOTAL)]
    f = only(_with("1", "其中予以公开及部分公开1800件。"), "text-number-mismatch")
    assert "1362" in f.message and "454" in f.message
    assert findings(_with("1", "其中予以公开及部分公开1816件。")) == []
    only(_with("1", "办结政府信息公开申请3000件。"), "text-number-mismatch")
    only(_with("1", "结转下年度继续办理10件。"), "text-number-mismatch")
    only(_with("1", "全市各部门共收到政府信息公开申请5000件。"), "text-number-unsure")
    only(_with("1", "予以公开的占比为60%。"), "text-number-unsure")
    assert findings(_with("1", "予以公开的占44.7%。")) == []  # 1362 / 3050
    assert findings(_with("1", "“12345”热线共受理并办结群众诉求1000件。")) == []


@pytest.mark.parametrize(
    "text,row,column",
    [
        ("本年度未收到政府信息公开申请。", R.NEW, R.TOTAL),
        ("受理的申请均已办结。", R.CARRIED_FORWARD, R.TOTAL),
        ("行政复议案件均获维持。", R.REVIEW, R.CORRECTED),
        ("本年度未发布行政规范性文件。", R.NORMATIVE, R.ISSUED),
        ("本年度没有发生政府信息公开行政复议案件。", R.REVIEW, R.TOTAL),
        ("没有不予公开的情况。", R.WITHHELD, R.TOTAL),
    ],
)
def test_statements_contradicting_tables(text, row, column):
    f = only(_with("1", text), "text-contradicts-table")
    assert f.refs[0]["quote"] == text
    assert set(F.V2021.leaf_keys(row, column)) <= set(ref_keys(f.refs))  # a category: its sub-rows


def test_blank_total_does_not_hide_the_parts_behind_it():
    """“均已办结” against a 结转下年度 row whose 总计 was left blank: the columns still say 103."""
    data = put(_with("1", "受理的申请均已办结。"), R.CARRIED_FORWARD, R.TOTAL, None)
    (f,) = [f for f in findings(data) if f.code == "text-contradicts-table"]
    assert "103（按各项之和计）" in f.message


def test_statements_agreeing_with_zero_tables():
    data = _2019()
    for t, rows in data["t3"].items():
        for c in rows:
            rows[c] = 0
    data["sections"]["1"] = [
        "2020年，没有收到依法申请公开政府信息，没有不予公开的政府信息情况。",
        "没有因政府信息公开申请行政复议、诉讼和申诉的情况发生。",
    ]
    for g in data["t4"].values():
        for c in g:
            g[c] = 0
    assert findings(data) == []


# --- across years ------------------------------------------------------------------------------------


def _previous_of(data):
    prev = copy.deepcopy(data)
    prev["year"] = data["year"] - 1
    prev["meta"]["published"] = f"{data['year']}-02-01"
    row_of(prev, R.CARRIED_FORWARD).update(row_of(data, R.CARRIED_OVER))
    for row in (R.RULES, R.NORMATIVE):
        before = get(data, row, R.IN_FORCE) - get(data, row, R.ISSUED) + get(data, row, R.REPEALED)
        put(prev, row, R.IN_FORCE, before)
    _differ(prev)
    add(prev, R.LICENSE, R.DECISIONS, 1)
    add(prev, R.REVIEW, R.UPHELD, 1)
    add(prev, R.REVIEW, R.TOTAL, 1)
    prev["sections"] = {"1": ["上一年的总体情况写法完全不同，共有若干段落。"], "5": ["上年存在的问题与今年不同。"], "6": ["上年未收取信息处理费，特此说明。"]}
    return prev


def _differ(prev):
    """Keep last year's 表三 different from this year's (one more 予以公开 by a 自然人)."""
    for row in (R.NEW, R.DISCLOSED, R.RESULTS_TOTAL):
        for column in (R.NATURAL_PERSON, R.TOTAL):
            add(prev, row, column, 1)


def test_matching_pair_has_no_finding():
    data = _clean()
    assert findings(data, previous=_previous_of(data)) == []


def test_carry_over_every_column():
    data = _clean()
    prev = _previous_of(data)
    put(prev, R.CARRIED_FORWARD, R.NATURAL_PERSON, 30)
    put(prev, R.CARRIED_FORWARD, R.TOTAL, 30)
    got = [f for f in findings(data, previous=prev) if f.code == "prev-carry-over"]
    assert [f.args["column"] for f in got] == [key(data, R.NEW, c).column for c in (R.NATURAL_PERSON, R.TOTAL)]
    assert got[0].message == "自然人列：本年上年结转 34，但上一年度（2023）报告结转下年度 30，相差 4"
    assert got[0].refs[1]["previous"] is True
    assert ref_keys(got[0].refs) == [key(data, R.CARRIED_OVER, R.NATURAL_PERSON), key(prev, R.CARRIED_FORWARD, R.NATURAL_PERSON)]


def test_in_force_and_copied_and_identity():
    data = _clean()
    prev = _previous_of(data)
    put(prev, R.NORMATIVE, R.IN_FORCE, 80)
    f = only(data, "prev-in-force", previous=prev)
    assert "80" in f.message and "66" in f.message
    prev = _previous_of(data)
    prev["org"] = "宿迁市人民政府"
    only(data, "prev-org-mismatch", previous=prev)
    prev = _previous_of(data)
    prev["year"] = 2022
    only(data, "prev-year-not-consecutive", previous=prev)
    prev = _previous_of(data)
    prev["sections"] = copy.deepcopy(data["sections"])
    f = only(data, "prev-copied-text", previous=prev)
    assert f.args["share"] == 1.0
    prev = _previous_of(data)
    prev["t4"] = copy.deepcopy(data["t4"])
    f = only(data, "prev-copied-table", previous=prev)
    assert f.args["table"] == "t4"


def test_identical_zero_tables_are_not_copies():
    data = _2019()
    for g in data["t4"].values():
        for c in g:
            g[c] = 0
    data["sections"] = {"1": ["总体情况良好，各项工作稳步推进。"], "5": ["栏目更新不及时。"], "6": ["无。"]}
    prev = copy.deepcopy(data)
    prev["year"] = 2019
    prev["sections"] = {"1": ["完全不同的一段文字，用于比较。"]}
    add(prev, R.RULES, R.ISSUED, 1)
    row_of(prev, R.CARRIED_FORWARD).update(row_of(data, R.CARRIED_OVER))
    _differ(prev)
    # (last year's 结转下年度 is made from this year's random 上年结转: its change is no concern here)
    assert [f for f in findings(data, previous=prev) if f.code not in ("prev-factor", "prev-zero")] == []


@pytest.mark.parametrize(
    "this, last, table",
    [
        # 金井片区管理局: 表二 the same both years — blanks, zeros and a 现行有效 of 1 carried over
        ("pt-jjp-2025", "pt-jjp-2024", "t2"),
        # 苏平片区管理局: one application from a person, partly disclosed, both years
        ("pt-spp-2022", "pt-spp-2021", "t3"),
    ],
)
def test_a_table_with_a_figure_or_two_the_same_as_last_year_is_not_a_copy(this, last, table):
    """Real reports (tests/corpus): identical tables with fewer than three figures of their own
    (not totals, not 现行有效, not 0) agree by chance; prev-copied-table waits for more."""
    from pathlib import Path

    from disclosure_cli.reader import load

    reports = Path(__file__).parent / "corpus" / "reports"
    a, b = load(reports / f"{this}.json"), load(reports / f"{last}.json")
    assert [a.cells[k].raw for k in a.format.table(table).cells()] == [b.cells[k].raw for k in b.format.table(table).cells()]
    assert "prev-copied-table" not in {f.code for f in check_report(a, b).findings}


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind,published,deadline,code",
    [
        ("department", "2025-02-01", "", "published-late"),
        ("department", "2025-01-31", "", None),
        ("county_gov", "2025-03-31", "", None),
        ("county_gov", "2025-04-01", "", "published-late"),
        ("other", "2025-06-01", "", None),
        ("other", "2025-02-01", "2025-01-15", "published-late"),
        ("department", "2024-12-20", "", "published-early"),
        ("department", "", "", "published-missing"),
        ("other", "", "", None),
        ("department", "明年一月", "", "meta-invalid"),
        ("ministry", "2025-01-10", "", "meta-invalid"),
        ("other", "2025-01-10", "1月底", "meta-invalid"),
    ],
)
def test_publication_dates(kind, published, deadline, code):
    data = _clean()
    data["meta"].update(kind=kind, published=published, deadline=deadline)
    got = [f.code for f in findings(data)]
    assert got == ([code] if code else [])


def test_late_message():
    data = _clean()
    data["meta"].update(kind="department", published="2025-02-03")
    f = only(data, "published-late")
    assert f.message == "发布日期 2025年2月3日 晚于 2025年1月31日（条例第四十九条（县级以上人民政府部门）），逾期 3 天"


# --- fields every document must hold ----------------------------------------------------------


@pytest.mark.parametrize(
    "where, ref",
    [
        (("org",), {"field": "org"}),
        (("meta", "address"), {"field": "meta.address"}),
        (("sections", "5"), {"section": "5", "paragraph": 1}),
        (("t3", "1", "natural"), {"table": "t3", "row": "1", "column": "natural"}),
    ],
)
def test_invalid_character_located(where, ref):
    data = _clean()
    if where[0] == "sections":
        data["sections"]["5"] = ["改进\x08工作"] + data["sections"]["5"][1:]
    elif len(where) == 1:
        data["org"] = data["org"] + "\x00"
    else:
        node = data
        for k in where[:-1]:
            node = node.setdefault(k, {})
        node[where[-1]] = "十\x1f二" if where[0] == "t3" else "某路\x0e1号"
    got = [f for f in findings(data) if f.code == "text-invalid-character"]
    assert len(got) == 1 and got[0].level == "error"
    assert "含有文档不能容纳的控制字符 U+00" in got[0].message
    assert ref.items() <= got[0].refs[0].items()


def test_vertical_tab_is_a_line_break_not_an_error():
    data = _clean()
    data["sections"]["5"] = ["改进\x0b工作\x0c。"] + data["sections"]["5"][1:]
    assert "text-invalid-character" not in [f.code for f in findings(data)]


def test_title_too_long():
    data = _clean()
    data["meta"]["title"] = "淮安市人民政府2024年" + "很长的标题" * 60 + "政府信息公开工作年度报告"
    f = only(data, "title-too-long")
    assert f.level == "warning" and "报告标题有 324 个字符" in f.message
    data = _clean()
    data["meta"]["title"] = "淮安市人民政府2024年" + "标" * 231 + "政府信息公开工作年度报告"
    assert len(data["meta"]["title"]) == 255
    assert findings(data) == []


@pytest.mark.parametrize(
    "title,part",
    [
        ("淮安市人民政府2024年政府信息公开年度报告", "少了“工作”二字"),
        ("淮安市人民政府政府信息公开工作年度报告", "没有写报告年度"),
        ("宿迁市人民政府2024年政府信息公开工作年度报告", "没有写机关名称"),
        ("淮安市人民政府2024年度工作总结", "结尾"),
    ],
)
def test_title_form(title, part):
    data = _clean()
    data["meta"]["title"] = title
    f = only(data, "title-form")
    assert f.level == "warning" and part in f.message
    data["meta"]["title"] = "淮安市人民政府2024年度政府信息公开工作年度报告"
    assert findings(data) == []


# Run last in this module (pytest keeps file order): everything of the catalogue was triggered
# here, except the codes whose own tests live elsewhere.
ELSEWHERE = {
    "sum-balance", "sum-results-total", "sum-row-total", "sum-t4-total",  # test_check_arithmetic
    "formula-cached-mismatch", "formula-not-cached",
    "published-label-drift", "published-heading-drift", "published-section-order",  # test_import_html (published reports)
    "published-changed", "published-reformatted",  # test_published_changed (decisions)
    "text-generated-outdated",  # test_generated_sentences
    # test_check_writing
    "label-drift", "text-numbering", "text-doubled-word", "text-unpaired-bracket", "text-parts-exceed-total", "text-halfwidth-punctuation", "section-thin",
    "section-signature", "signed-early", "signed-late", "prev-factor", "prev-zero",
}


def test_zz_every_catalogue_code_is_triggered_by_a_test():
    if len(TRIGGERED) < 10:
        pytest.skip("run the whole module")
    assert set(CATALOGUE) - ELSEWHERE - TRIGGERED == set()
