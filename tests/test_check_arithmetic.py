"""Arithmetic of tables 三 and 四: mutation property, no false positive, messages, formulas."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_cli import formats as F
from disclosure_cli.checks import check_report
from disclosure_cli.checks.catalogue import CATALOGUE, relation_code
from disclosure_cli.formats import Role as R
from disclosure_cli.model import Cell, Source

from _check_data import consistent, put, ref_keys, report, sample
from _check_data import key as role_key

VERSIONS = sorted(F.FORMATS)
DELTAS = (1, -1, 7, -1000, 1_000_000)


def _cells(fmt_id: str):
    """Every cell of 表三 and 表四 (the tables whose totals are defined by relations)."""
    fmt = F.FORMATS[fmt_id]
    return [k for t in (fmt.table_of(R.NEW), fmt.table_of(R.REVIEW)) for k in t.cells()]


def _errors_touching(result, key: F.CellKey):
    return [
        f
        for f in result.findings
        if f.level == "error"
        and any(r.get("table") == key.table and r.get("row") == key.row and r.get("column") == key.column for r in f.refs)
    ]


@pytest.mark.parametrize("fmt_id", VERSIONS)
def test_consistent_report_has_no_finding(fmt_id):
    result = check_report(report(consistent(fmt_id, random.Random(1))))
    assert result.findings == []


@pytest.mark.parametrize("fmt_id", VERSIONS)
def test_mutating_any_cell_is_caught(fmt_id):
    """Every input or total cell of 表三/表四, changed by a non-zero amount → an error citing it."""
    base = consistent(fmt_id, random.Random(7), text=False)
    keys = _cells(fmt_id)
    assert len(keys) == (23 if fmt_id == "2019" else 25) * 7 + 15
    missed = []
    for key in keys:
        for delta in DELTAS:
            data = report(base)
            cell = data.cells[key]
            data.cells[key] = Cell.read(key, cell.value + delta, cell.source)
            if not _errors_touching(check_report(data), key):
                missed.append((str(key), delta))
    assert missed == []


@settings(max_examples=60, deadline=None)
@given(
    fmt_id=st.sampled_from(VERSIONS),
    seed=st.integers(0, 10_000),
    index=st.integers(0, 10_000),
    delta=st.integers(-10_000, 10_000).filter(bool),
)
def test_mutation_property_random(fmt_id, seed, index, delta):
    rep = report(consistent(fmt_id, random.Random(seed)))
    keys = _cells(fmt_id)
    key = keys[index % len(keys)]
    rep.cells[key] = Cell.read(key, rep.cells[key].value + delta, rep.cells[key].source)
    assert _errors_touching(check_report(rep), key)


@settings(max_examples=80, deadline=None)
@given(fmt_id=st.sampled_from(VERSIONS), seed=st.integers(0, 1_000_000), high=st.sampled_from([0, 1, 5, 50, 5000]))
def test_no_false_positive_on_consistent_reports(fmt_id, seed, high):
    result = check_report(report(consistent(fmt_id, random.Random(seed), high=high)))
    assert result.errors == 0, [f.message for f in result.findings]
    assert result.warnings == 0, [f.message for f in result.findings]


def test_every_relation_kind_has_a_rule():
    kinds = {rel.kind for fmt in F.FORMATS.values() for rel in fmt.relations}
    assert {relation_code(k) for k in kinds} <= set(CATALOGUE)


def test_balance_message_spells_out_the_arithmetic():
    data = sample("huaian-2024")
    put(data, R.NEW, R.NATURAL_PERSON, 3002)  # one more new application of 自然人…
    put(data, R.NEW, R.TOTAL, 3120)  # …added to the row's total: only the balance fails
    result = check_report(report(data))
    (bal,) = [f for f in result.findings if f.code == "sum-balance" and f.args["axis"] == "自然人列"]
    assert bal.message == (
        "自然人列：新收 3002 + 上年结转 34 = 3036，但办理结果总计 2932 + 结转下年度 103 = 3035，相差 1"
    )
    assert ref_keys(bal.refs) == [
        role_key(data, row, R.NATURAL_PERSON) for row in (R.NEW, R.CARRIED_OVER, R.RESULTS_TOTAL, R.CARRIED_FORWARD)
    ]


def test_a_wrong_total_is_one_finding_not_its_consequences():
    """（七）总计 of 自然人 typed 2931 where its results add to 2932: the results-total relation
    says so; the balance, which holds with the parts, is not reported again (issue 9)."""
    data = sample("huaian-2024")
    put(data, R.RESULTS_TOTAL, R.NATURAL_PERSON, 2931)  # results of 自然人 now add to 2932
    put(data, R.RESULTS_TOTAL, R.TOTAL, 3049)
    result = check_report(report(data))
    assert [f.code for f in result.findings if f.level == "error"] == ["sum-results-total", "sum-results-total"]
    (res,) = [f for f in result.findings if f.code == "sum-results-total" and f.args["axis"] == "自然人列"]
    assert res.message.endswith("= 2932，但办理结果总计为 2931，相差 1")
    # every cell of the column takes part: the total first, then the 21 result rows
    assert len(res.refs) == 1 + 21


def test_row_total_message_and_blank_cells_counted_as_zero():
    data = sample("huaian-2024")
    put(data, R.NEW, R.RESEARCH, None)
    put(data, R.NEW, R.TOTAL, 3120)
    result = check_report(report(data))
    (f,) = [f for f in result.findings if f.code == "sum-row-total"]
    assert f.message == (
        "新收行：自然人 3001 + 商业企业 53 + 科研机构（空白，按 0 计） + 社会公益组织 0 + 法律服务机构 61"
        " + 其他 4 = 3119，但总计为 3120，相差 1"
    )
    columns = (R.TOTAL, R.NATURAL_PERSON, *F.LEGAL_PERSON)
    assert ref_keys(f.refs) == [role_key(data, R.NEW, c) for c in columns]
    assert "value-blank" in [x.code for x in result.findings]


def test_t4_totals_of_zero_although_items_add_up():
    """Real case: 表四 totals of 0 although the items add to 11 and 5."""
    data = sample("huaian-2024")
    for group, values in ((R.REVIEW, (5, 3, 2, 1, 0)), (R.LITIGATION_DIRECT, (2, 1, 1, 1, 0))):
        for column, v in zip((R.UPHELD, R.CORRECTED, R.OTHER_RESULT, R.PENDING, R.TOTAL), values):
            put(data, group, column, v)
    data["sections"] = {"1": ["总体情况。"], "5": ["问题。"], "6": ["未收取信息处理费。"]}
    result = check_report(report(data))
    msgs = [f.message for f in result.findings if f.code == "sum-t4-total"]
    assert msgs == [
        "行政复议：结果维持 5 + 结果纠正 3 + 其他结果 2 + 尚未审结 1 = 11，但总计为 0，相差 11",
        "行政诉讼（未经复议直接起诉）：结果维持 2 + 结果纠正 1 + 其他结果 1 + 尚未审结 1 = 5，但总计为 0，相差 5",
    ]


def test_blank_total_column_real_case():
    """Real case: one 总计 cell of row 4 left blank. The row's total is wrong (one error); the
    balance of the total column, which holds with the row's parts, is its consequence and is not
    reported again (issue 9)."""
    data = sample("huaian-2024")
    put(data, R.CARRIED_FORWARD, R.TOTAL, None)
    result = check_report(report(data))
    assert [f.code for f in result.findings if f.level != "info"] == ["sum-row-total", "value-blank"]
    (row,) = [f for f in result.findings if f.code == "sum-row-total"]
    assert row.message.endswith("= 103，但总计（空白，按 0 计），相差 103")
    data = put(data, R.CARRIED_FORWARD, R.NATURAL_PERSON, 0)  # now the parts break the balance too
    assert "sum-balance" in [f.code for f in check_report(report(data)).findings]


def _formula(rep, key, *, cached: bool, value=None):
    cell = Cell.read(key, value, Source(sheet="表三", cell="J7"), formula="=SUM(C7:I7)", cached=cached)
    rep.cells[key] = cell


def test_formula_without_cached_value_is_recomputed():
    rep = report(sample("huaian-2024"))
    for key in rep.format.definitions:
        _formula(rep, key, cached=False)
    result = check_report(rep)
    assert result.errors == 0
    (info,) = [f for f in result.findings if f.code == "formula-not-cached"]
    assert len(info.refs) == len(rep.format.definitions)
    assert not [f for f in result.findings if f.code == "value-blank"]


def test_uncached_formulas_still_catch_a_wrong_input():
    rep = report(sample("huaian-2024"))
    for key in rep.format.definitions:
        _formula(rep, key, cached=False)
    k = rep.format.key(R.NEW, R.NATURAL_PERSON)
    rep.cells[k] = Cell.read(k, 3002, Source())
    result = check_report(rep)
    assert [f.code for f in result.findings if f.level == "error"] == ["sum-balance", "sum-balance"]


def test_cached_value_disagreeing_with_recomputed_sum():
    rep = report(sample("huaian-2024"))
    _formula(rep, rep.format.key(R.NEW, R.TOTAL), cached=True, value=3100)
    result = check_report(rep)
    codes = [f.code for f in result.findings if f.level == "error"]
    assert "formula-cached-mismatch" in codes and "sum-row-total" not in codes
    (f,) = [f for f in result.findings if f.code == "formula-cached-mismatch"]
    assert "3100" in f.message and "3119" in f.message and "=SUM(C7:I7)" in f.message
    assert f.refs[0]["sheet"] == "表三" and f.refs[0]["cell"] == "J7"


def test_cached_formula_agreeing_is_fine():
    rep = report(sample("huaian-2024"))
    _formula(rep, rep.format.key(R.NEW, R.TOTAL), cached=True, value=3119)
    assert check_report(rep).errors == 0


def test_text_in_a_cell_skips_its_sums_but_is_an_error():
    data = sample("huaian-2024")
    # (“1288件” is read as 1288 since issue 9: a count with its word is a number)
    put(data, R.DISCLOSED, R.NATURAL_PERSON, "1288（含转办）")
    result = check_report(report(data))
    assert [f.code for f in result.findings if f.level == "error"] == ["value-text"]


# --- the one recomputation of totals (Report.computed) -------------------------------------------


@pytest.mark.parametrize("fmt_id", VERSIONS)
def test_totals_recomputed_from_the_inputs_alone(fmt_id):
    """Every total blanked: ``computed`` gives back the consistent report's totals."""
    data = consistent(fmt_id, random.Random(5))
    rep = report(data)
    want = {k: rep.cells[k].value for k in rep.format.definitions}
    for k in rep.format.definitions:
        rep.cells[k] = Cell.read(k, None, Source())
    assert {k: rep.computed(k) for k in want} == want
    # only uncached formulas are recomputed on request; a blank total stays 0
    assert {rep.computed(k, uncached_only=True) for k in want} == {0}


def test_text_in_a_part_makes_the_total_unknown_or_zero():
    rep = report(sample("huaian-2024"))
    k = rep.format.key(R.DISCLOSED, R.NATURAL_PERSON)
    rep.cells[k] = Cell.read(k, "约1288", Source())
    whole = rep.format.key(R.RESULTS_TOTAL, R.TOTAL)
    assert rep.computed(whole, text=None) is None
    assert rep.computed(whole) == 3050 - 1288  # as a spreadsheet's SUM: text counts 0
    assert rep.computed(k) == 0 and rep.computed(k, text=None) is None


def test_a_number_with_a_fitting_unit_counts_as_the_checker_reads_it():
    """“1288件” in a count column is 1288 wherever a value is asked for (``text=None``: the
    checker's sums, the text rules, the roll-up); a spreadsheet's SUM still counts it 0; a unit
    that does not fit (元 in a count column) leaves the total unknown."""
    rep = report(sample("huaian-2024"))
    k = rep.format.key(R.DISCLOSED, R.NATURAL_PERSON)
    whole = rep.format.key(R.RESULTS_TOTAL, R.TOTAL)
    rep.cells[k] = Cell.read(k, "1288件", Source())
    assert rep.computed(k, text=None) == 1288 and rep.computed(whole, text=None) == 3050
    assert rep.computed(whole) == 3050 - 1288
    rep.cells[k] = Cell.read(k, "1288元", Source())
    assert rep.computed(k, text=None) is None and rep.computed(whole, text=None) is None


def test_check_values_are_the_models_recomputation():
    """``check`` reads every value through ``Report.computed`` (uncached formulas only)."""
    from disclosure_cli.checks.context import Context

    rep = report(sample("huaian-2024"))
    for k in rep.format.definitions:
        _formula(rep, k, cached=False)
    ctx = Context(rep)
    for k in rep.format.cells():
        assert ctx.value(k) == rep.computed(k, uncached_only=True, text=None) == rep.computed(k)
    assert ctx.value(rep.format.key(R.NEW, R.TOTAL)) == 3119
