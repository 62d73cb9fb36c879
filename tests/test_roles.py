"""The roles of rows and columns (formats.Role): where each one is, in each format version, by
the official label it stands for; and the checks that name cells by role still catch their
mutations."""

from __future__ import annotations

import copy
import random
import re

import pytest

from disclosure_cli import formats as F
from disclosure_cli.checks import check_report
from disclosure_cli.formats import Role as R

from _check_data import add, consistent, get, key, put, ref_keys, report, row_of

V19, V21 = F.V2019, F.V2021
BOTH = {"2019": V19, "2021": V21}

# Row role → (table, label) per version; a version missing from the dict has no such row.
ROWS: dict[R, dict[str, tuple[str, str]]] = {
    R.NEW: {v: ("t3", "一、本年新收政府信息公开申请数量") for v in BOTH},
    R.CARRIED_OVER: {v: ("t3", "二、上年结转政府信息公开申请数量") for v in BOTH},
    R.RESULTS: {v: ("t3", "三、本年度办理结果") for v in BOTH},
    R.DISCLOSED: {v: ("t3", "（一）予以公开") for v in BOTH},
    R.PARTLY_DISCLOSED: {v: ("t3", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）") for v in BOTH},
    R.WITHHELD: {v: ("t3", "（三）不予公开") for v in BOTH},
    R.UNAVAILABLE: {v: ("t3", "（四）无法提供") for v in BOTH},
    R.NOT_PROCESSED: {v: ("t3", "（五）不予处理") for v in BOTH},
    R.OTHER_HANDLING: {v: ("t3", "（六）其他处理") for v in BOTH},
    R.RESULTS_TOTAL: {v: ("t3", "（七）总计") for v in BOTH},
    R.CARRIED_FORWARD: {v: ("t3", "四、结转下年度继续办理") for v in BOTH},
    R.REVIEW: {v: ("t4", "行政复议") for v in BOTH},
    R.LITIGATION_DIRECT: {v: ("t4", "未经复议直接起诉") for v in BOTH},
    R.LITIGATION_AFTER_REVIEW: {v: ("t4", "复议后起诉") for v in BOTH},
    R.RULES: {v: ("t2", "规章") for v in BOTH},
    R.NORMATIVE: {"2019": ("t2", "规范性文件"), "2021": ("t2", "行政规范性文件")},
    R.LICENSE: {v: ("t2", "行政许可") for v in BOTH},
    R.OTHER_SERVICES: {"2019": ("t2", "其他对外管理服务事项")},
    R.PENALTY: {v: ("t2", "行政处罚") for v in BOTH},
    R.ENFORCEMENT: {v: ("t2", "行政强制") for v in BOTH},
    R.FEES: {v: ("t2", "行政事业性收费") for v in BOTH},
    R.PROCUREMENT: {"2019": ("t2", "政府集中采购")},
}

# (row role, column role) → column label per version.
_T3 = {
    R.NATURAL_PERSON: "自然人",
    R.COMMERCIAL: "商业企业",
    R.RESEARCH: "科研机构",
    R.NONPROFIT: "社会公益组织",
    R.LEGAL_SERVICE: "法律服务机构",
    R.OTHER_ORG: "其他",
    R.TOTAL: "总计",
}
_T4 = {R.UPHELD: "结果维持", R.CORRECTED: "结果纠正", R.OTHER_RESULT: "其他结果", R.PENDING: "尚未审结", R.TOTAL: "总计"}
CELLS: dict[tuple[R, R], dict[str, str]] = {
    **{(R.NEW, c): {v: label for v in BOTH} for c, label in _T3.items()},
    **{(g, c): {v: label for v in BOTH} for g in (R.REVIEW, *F.LITIGATION) for c, label in _T4.items()},
    (R.RULES, R.ISSUED): {"2019": "本年新制作数量", "2021": "本年制发件数"},
    (R.RULES, R.REPEALED): {"2021": "本年废止件数"},
    (R.RULES, R.IN_FORCE): {"2021": "现行有效件数"},
    (R.RULES, R.NEW_PUBLISHED): {"2019": "本年新公开数量"},
    (R.RULES, R.PUBLISHED_TOTAL): {"2019": "对外公开总数量"},
    (R.LICENSE, R.DECISIONS): {"2019": "处理决定数量", "2021": "本年处理决定数量"},
    (R.LICENSE, R.LAST_YEAR_ITEMS): {"2019": "上一年项目数量"},
    (R.LICENSE, R.CHANGE): {"2019": "本年增/减"},
    (R.FEES, R.AMOUNT): {"2021": "本年收费金额（单位：万元）"},
    (R.FEES, R.LAST_YEAR_ITEMS): {"2019": "上一年项目数量"},
    (R.PROCUREMENT, R.PROJECTS): {"2019": "采购项目数量"},
    (R.PROCUREMENT, R.AMOUNT): {"2019": "采购总金额"},
}


@pytest.mark.parametrize("fid", sorted(BOTH))
def test_every_row_role_once_at_its_label(fid):
    fmt = BOTH[fid]
    rows = [(t.id, row) for t in fmt.tables for b in t.blocks for row in b.rows]
    for role in R:
        found = [(t, row.label) for t, row in rows if row.role == role]
        assert found == ([ROWS[role][fid]] if role in ROWS and fid in ROWS[role] else []), role
    for role, where in ROWS.items():
        assert fmt.has(role) == (fid in where)
        if fid in where:
            assert (fmt.table_of(role).id, fmt.row_of(role).label) == where[fid]


@pytest.mark.parametrize("fid", sorted(BOTH))
def test_every_column_role_once_per_block_at_its_label(fid):
    fmt = BOTH[fid]
    for t in fmt.tables:
        for block in t.blocks:
            roles = [c.role for c in block.columns]
            assert None not in roles and len(set(roles)) == len(roles), block.id
    for (row, column), labels in CELLS.items():
        assert fmt.has(row, column) == (fid in labels), (row, column)
        if fid in labels:
            assert fmt.column(fmt.key(row, column)).label == labels[fid]


@pytest.mark.parametrize("fid", sorted(BOTH))
def test_only_the_sub_rows_of_a_category_have_no_role(fid):
    """Every row has a role but the numbered reasons under a category (1.属于国家秘密 …), which
    a category stands for as a whole (``table.leaves``)."""
    fmt = BOTH[fid]
    t3 = fmt.table_of(R.NEW)
    categories = {r.id for r in fmt.categories}
    for t in fmt.tables:
        for b in t.blocks:
            for row in b.rows:
                assert (row.role is None) == (t is t3 and row.parent in categories), row.label
    assert sum(len(t3.leaves(r.id)) for r in fmt.categories) == (19 if fid == "2019" else 21)  # data rows but 一、二、（七）、四


def test_lookups_give_the_cell_keys():
    assert V21.key(R.NEW, R.TOTAL) == F.CellKey("t3", "1", "total")
    assert V21.key(R.RESULTS_TOTAL, R.NATURAL_PERSON) == F.CellKey("t3", "3.7", "natural")
    assert V21.key(R.CARRIED_FORWARD, R.OTHER_ORG) == F.CellKey("t3", "4", "other")
    assert V21.key(R.LITIGATION_AFTER_REVIEW, R.PENDING) == F.CellKey("t4", "litigation_after_review", "pending")
    assert V21.key(R.NORMATIVE, R.IN_FORCE) == F.CellKey("t2", "normative", "in_force")
    assert V19.key(R.NORMATIVE, R.ISSUED) == F.CellKey("t2", "normative", "new_made")
    with pytest.raises(KeyError):
        V19.key(R.NORMATIVE, R.IN_FORCE)
    with pytest.raises(KeyError):
        V21.row_of(R.PROCUREMENT)
    assert [c.role for c in V21.columns_of(R.REVIEW)] == list(_T4)


def test_leaf_keys():
    assert V21.leaf_keys(R.DISCLOSED, R.TOTAL) == (F.CellKey("t3", "3.1", "total"),)
    assert V21.leaf_keys(R.OTHER_HANDLING, R.NATURAL_PERSON) == tuple(
        F.CellKey("t3", f"3.6.{i}", "natural") for i in (1, 2, 3)
    )
    assert V19.leaf_keys(R.OTHER_HANDLING, R.NATURAL_PERSON) == (F.CellKey("t3", "3.6", "natural"),)
    assert [V21.row(k).label for k in V21.leaf_keys(R.UNAVAILABLE, R.TOTAL)] == [
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    ]
    for fmt in BOTH.values():  # the categories' cells are exactly the parts of （七）总计
        results = {rel.right: rel.left for rel in fmt.relations if rel.kind == F.RESULTS_TOTAL}
        for column in fmt.columns_of(R.NEW):
            parts = tuple(k for cat in F.RESULT_CATEGORIES for k in fmt.leaf_keys(cat, column.role))
            assert results[(fmt.key(R.RESULTS_TOTAL, column.role),)] == parts


def test_role_groups():
    for fmt in BOTH.values():
        results = fmt.row_of(R.RESULTS)
        direct = [r for r in fmt.table_of(R.RESULTS).blocks[0].rows if r.parent == results.id]
        assert [r.role for r in direct] == [*F.RESULT_CATEGORIES, R.RESULTS_TOTAL]
        assert [r.role for r in fmt.categories] == list(F.RESULT_CATEGORIES)
        legal = [c.role for c in fmt.columns_of(R.NEW) if c.parent == "法人或其他组织"]
        assert legal == list(F.LEGAL_PERSON)
        litigation = [r.role for t in fmt.tables for b in t.blocks for r in b.rows if r.parent_label == "行政诉讼"]
        assert litigation == list(F.LITIGATION)
        assert [r.role for r in fmt.rows_of((R.REVIEW, *F.LITIGATION))] == [R.REVIEW, *F.LITIGATION]


def test_short_names_of_the_categories_are_their_labels_without_numbering():
    """The name a reader of published reports meets (予以公开 …) and the messages use."""
    shorts = {r.role: r.short for r in V21.categories}
    assert shorts == {
        R.DISCLOSED: "予以公开",
        R.PARTLY_DISCLOSED: "部分公开",
        R.WITHHELD: "不予公开",
        R.UNAVAILABLE: "无法提供",
        R.NOT_PROCESSED: "不予处理",
        R.OTHER_HANDLING: "其他处理",
    }
    for fmt in BOTH.values():
        for row in fmt.categories:
            assert re.sub(r"^（[一二三四五六七]）", "", row.label).startswith(row.short)
        for role, short in ((R.NEW, "新收"), (R.CARRIED_OVER, "上年结转"), (R.RESULTS_TOTAL, "办理结果总计"), (R.CARRIED_FORWARD, "结转下年度")):
            assert fmt.row_of(role).short == short


def test_total_flags_are_the_total_roles():
    for fmt in BOTH.values():
        for t in fmt.tables:
            for b in t.blocks:
                assert [c.total for c in b.columns] == [c.role == R.TOTAL for c in b.columns]
                assert [r.total for r in b.rows] == [r.role == R.RESULTS_TOTAL for r in b.rows]


def test_relations_are_acyclic():
    """A total's parts never lead back to it: the one recursion of ``Report.computed`` ends."""
    for fmt in BOTH.values():
        defs = fmt.definitions

        def depth(k, seen=()):
            assert k not in seen
            rel = defs.get(k)
            return 0 if rel is None else 1 + max(depth(p, (*seen, k)) for p in rel.left)

        assert max(depth(k) for k in defs) == 2  # 表三 （七）总计 / 总计


# --- checks that name cells by role still catch their mutations ------------------------------------


def _pair(this_fid: str, last_fid: str, seed: int = 11):
    """A report and last year's, consistent with each other (carry-over and in-force)."""
    data = consistent(this_fid, random.Random(seed), text=False)
    last = consistent(last_fid, random.Random(seed + 1), text=False)
    data["year"] = 2021 if this_fid == "2021" and last_fid == "2019" else data["year"]
    data["meta"]["published"] = f"{data['year'] + 1}-01-20"
    last["year"] = data["year"] - 1
    last["meta"]["published"] = f"{data['year']}-01-20"
    last["sections"] = {"1": ["上一年度的总体情况，写法与今年完全不同。"], "6": ["上一年度同样没有收取信息处理费。"]}
    row_of(last, R.CARRIED_FORWARD).update(row_of(data, R.CARRIED_OVER))
    fmt = F.get(data["format"])
    for row in fmt.rows_of((R.RULES, R.NORMATIVE)):
        if fmt.has(row.role, R.IN_FORCE) and F.get(last["format"]).has(row.role, R.IN_FORCE):
            before = get(data, row.role, R.IN_FORCE) - get(data, row.role, R.ISSUED) + get(data, row.role, R.REPEALED)
            put(last, row.role, R.IN_FORCE, before)
    return data, last


def _codes(data, last=None):
    return check_report(report(data), report(last) if last is not None else None).findings


@pytest.mark.parametrize("fids", [("2021", "2021"), ("2019", "2019"), ("2021", "2019")])
def test_carry_over_mutation_caught_in_every_column(fids):
    data, last = _pair(*fids)
    assert not [f for f in _codes(data, last) if f.code.startswith("prev-") and f.code not in ("prev-factor", "prev-zero")]
    for col in F.get(data["format"]).columns_of(R.CARRIED_FORWARD):
        for delta in (1, -1, 9):
            mutated = add(copy.deepcopy(last), R.CARRIED_FORWARD, col.role, delta)
            got = [f for f in _codes(data, mutated) if f.code == "prev-carry-over"]
            assert len(got) == 1 and ref_keys(got[0].refs) == [
                key(data, R.CARRIED_OVER, col.role),
                key(last, R.CARRIED_FORWARD, col.role),
            ]


@pytest.mark.parametrize("row", [R.RULES, R.NORMATIVE])
@pytest.mark.parametrize("column", [R.ISSUED, R.REPEALED, R.IN_FORCE])
def test_in_force_mutation_caught(row, column):
    data, last = _pair("2021", "2021")
    got = [f for f in _codes(add(copy.deepcopy(data), row, column, 3), last) if f.code == "prev-in-force"]
    assert len(got) == 1 and key(data, row, column) in ref_keys(got[0].refs)
    # 2020 (format 2019) has no 现行有效件数: nothing to compare across the change of format
    data, last = _pair("2021", "2019")
    assert not [f for f in _codes(add(data, row, column, 3), last) if f.code == "prev-in-force"]


@pytest.mark.parametrize("fid", sorted(BOTH))
@pytest.mark.parametrize("category", F.RESULT_CATEGORIES)
def test_every_category_named_in_the_text_is_compared(fid, category):
    """“予以公开N件” … for each category, by its short name: the number of its rows."""
    data = consistent(fid, random.Random(2), text=False)
    fmt = F.get(fid)
    row = fmt.row_of(category)
    total = sum(data[k.table][k.row][k.column] for k in fmt.leaf_keys(category, R.TOTAL))
    data["sections"]["1"] = [f"其中{row.short}{total}件。"]
    assert [f.code for f in _codes(data)] == []
    data["sections"]["1"] = [f"其中{row.short}{total + 1}件。"]
    (f,) = _codes(data)
    assert f.code == "text-number-mismatch" and row.short in f.message
