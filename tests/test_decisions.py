"""Reviewer decisions (``decisions``): the fingerprint a decision hangs on, lapsing, the file.

Property tests: for random reports and random accepted findings, changing a value a finding is
about lapses exactly the decisions on it, changing any other value keeps them, and moving the
tables in the workbook (rows and columns inserted above and before them, as a clerk does in a
spreadsheet program) keeps every decision."""

from __future__ import annotations

import copy
import io
import json
import random
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from disclosure_cli import decisions as D
from disclosure_cli import formats as F
from disclosure_cli import load
from disclosure_cli.checks import check_report
from disclosure_cli.checks.finding import Finding
from disclosure_cli.errors import DisclosureError
from disclosure_cli.jsonform import from_data
from disclosure_cli.xlsx_writer import write_workbook

import test_roundtrip as RT
from _check_data import consistent, sample

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _check(data):
    return check_report(from_data(copy.deepcopy(data)))


def _decide(result, findings):
    return [D.make(result, f, reason="已核实", by="审核人", at="2025-01-20T10:00:00+08:00") for f in findings]


def _cells_of(finding: Finding) -> set[F.CellKey]:
    return {F.CellKey(r["table"], str(r["row"]), str(r["column"])) for r in finding.refs if "table" in r and "row" in r and "column" in r and not r.get("previous")}


def _other_value(old):
    if isinstance(old, bool) or not isinstance(old, (int, float)):
        return 7 if old != 7 else 8
    return old + 1


# --- the fingerprint ------------------------------------------------------------------------


def _f(*refs, code="value-blank"):
    return Finding(code, "warning", "m", {}, list(refs))


def test_fingerprint_ignores_where_in_the_file():
    a = _f({"table": "t3", "row": "1", "column": "natural", "value": 3, "sheet": "表三", "cell": "D7", "label": "x"})
    b = _f({"table": "t3", "row": "1", "column": "natural", "value": 3, "sheet": "表三", "cell": "F10", "label": "y"})
    assert a.fingerprint == b.fingerprint
    p = _f({"section": "1", "paragraph": 3, "quote": "收到申请5件。", "sheet": "正文", "cell": "A4"}, code="text-year-other")
    q = _f({"section": "1", "paragraph": 4, "quote": "收到申请5件。", "sheet": "正文", "cell": "A5"}, code="text-year-other")
    assert p.fingerprint == q.fingerprint


def test_fingerprint_follows_values():
    base = {"table": "t3", "row": "1", "column": "natural"}
    assert _f({**base, "value": 3}).fingerprint != _f({**base, "value": 4}).fingerprint
    assert _f({**base, "value": None}).fingerprint != _f({**base, "value": 0}).fingerprint
    assert _f({**base, "value": 3}).fingerprint == _f({**base, "value": 3.0}).fingerprint  # one reader's float
    assert _f({**base, "value": 3}).fingerprint != _f({**base, "value": 3}, code="value-text").fingerprint
    t = {"section": "1", "paragraph": 2}
    assert _f({**t, "quote": "收到申请5件。"}).fingerprint != _f({**t, "quote": "收到申请6件。"}).fingerprint
    other = {"table": "t3", "row": "1", "column": "legal", "value": 3}
    assert _f({**base, "value": 3}).fingerprint != _f(other).fingerprint


# --- property: values ---------------------------------------------------------------------------


@settings(max_examples=60, **SETTINGS)
@given(data=RT.report_data(), pick=st.data())
def test_changing_a_value_lapses_exactly_the_decisions_on_it(data, pick):
    result = _check(data)
    cell_findings = [f for f in result.findings if _cells_of(f)]
    assume(cell_findings)
    accepted = pick.draw(st.lists(st.sampled_from(result.findings), min_size=1, max_size=6, unique_by=id))
    decisions = _decide(result, accepted)
    fmt = result.report.format
    keys = sorted(fmt.cells(), key=str)
    on = pick.draw(st.booleans())
    if on:  # a cell one accepted finding refers to
        candidates = sorted({k for f in accepted for k in _cells_of(f)}, key=str)
        assume(candidates)
    else:  # a cell no accepted finding refers to
        candidates = [k for k in keys if not any(k in _cells_of(f) for f in accepted)]
    key = pick.draw(st.sampled_from(candidates))
    changed = copy.deepcopy(data)
    changed[key.table][key.row][key.column] = _other_value(changed[key.table][key.row][key.column])

    after = D.apply(_check(changed), decisions)
    stale = {d["fingerprint"] for d in after.stale}
    for d, f in zip(decisions, accepted):
        if key in _cells_of(f):
            assert d["fingerprint"] in stale, f"{f.code} refers to {key} and must lapse"
        else:
            assert d["fingerprint"] not in stale, f"{f.code} does not refer to {key} and must stay accepted"
    # an accepted finding is exactly one with a decision's fingerprint (never something else)
    prints = {d["fingerprint"] for d in decisions}
    assert all(bool(f.accepted) == (f.fingerprint in prints) for f in after.findings)


@settings(max_examples=40, **SETTINGS)
@given(seed=st.integers(0, 10**6), pick=st.data())
def test_changing_a_sentence_lapses_the_decisions_quoting_it(seed, pick):
    data = consistent("2021", random.Random(seed))
    data["sections"]["1"].append("2023年本机关另收到申请3件。")  # text-year-other and friends
    result = _check(data)
    quoting = [f for f in result.findings if any("quote" in r for r in f.refs)]
    assume(quoting)
    accepted = pick.draw(st.lists(st.sampled_from(result.findings), min_size=1, unique_by=id))
    decisions = _decide(result, accepted)
    changed = copy.deepcopy(data)
    changed["sections"]["1"][-1] = "2022年本机关另收到申请3件。"
    changed["sections"]["1"].insert(0, "（新插入的一段。）")  # paragraph numbers move
    after = D.apply(_check(changed), decisions)
    stale = {d["fingerprint"] for d in after.stale}
    for d, f in zip(decisions, accepted):
        quotes_it = any("2023年本机关" in (r.get("quote") or "") for r in f.refs)
        assert (d["fingerprint"] in stale) == quotes_it


# --- property: moving tables in the workbook -----------------------------------------------


_A1 = re.compile(r"(\$?[A-Z]{1,3}\$?)(\d+)")


def _formulas(ws):
    return [c for row in ws.iter_rows() for c in row if c.data_type == "f" and isinstance(c.value, str)]


def _insert_rows(ws, at: int, n: int) -> None:
    """``n`` blank rows before row ``at``, formulas adjusted as a spreadsheet program does (a
    reference at or below ``at`` moves down; a SUM over a range that spans ``at`` grows)."""
    cells = _formulas(ws)
    texts = {(c.row, c.column): c.value for c in cells}
    ws.insert_rows(at, n)
    for (row, col), text in texts.items():
        moved = _A1.sub(lambda m: m[1] + str(int(m[2]) + n if int(m[2]) >= at else int(m[2])), text)
        ws.cell(row + n if row >= at else row, col).value = moved


def _move_tables(xlsx: bytes, fmt: F.Format, rows: int, cols: int, inside: int = 0) -> bytes:
    """As a clerk does in a spreadsheet program: insert ``rows`` rows above and ``cols`` columns
    before every table sheet's content, ``inside`` blank rows in the middle of the first table,
    and move the table sheets to the front of the workbook (formulas follow the cells)."""
    from openpyxl import load_workbook
    from openpyxl.formula.translate import Translator
    from openpyxl.utils import get_column_letter

    wb = load_workbook(io.BytesIO(xlsx))
    for n, table in enumerate(fmt.tables):
        ws = wb[table.sheet]
        for rng in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(rng))
        if inside and n == 0:
            _insert_rows(ws, max(2, ws.max_row // 2), inside)
        ws.insert_rows(1, rows)
        if cols:
            ws.insert_cols(1, cols)
        target = f"{get_column_letter(1 + cols)}{1 + rows}"
        for c in _formulas(ws):  # formulas only, not text such as "=1+1"
            c.value = Translator(c.value, origin="A1").translate_formula(target)
        wb.move_sheet(ws, offset=-wb.index(ws))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@settings(max_examples=12, **SETTINGS)
@given(data=RT.report_data(), rows=st.integers(1, 4), cols=st.integers(0, 2), inside=st.integers(0, 2), pick=st.data())
def test_moving_tables_in_the_workbook_keeps_every_decision(tmp_path_factory, data, rows, cols, inside, pick):
    folder = tmp_path_factory.mktemp("move")
    first = folder / "first.xlsx"
    write_workbook(from_data(copy.deepcopy(data)), first)
    result = check_report(load(first))
    assume(result.findings)
    accepted = pick.draw(st.lists(st.sampled_from(result.findings), min_size=1, unique_by=id))
    decisions = _decide(result, accepted)
    moved = folder / "moved.xlsx"
    moved.write_bytes(_move_tables(first.read_bytes(), result.report.format, rows, cols, inside))
    after = D.apply(check_report(load(moved)), decisions)
    assert after.stale == []
    assert sum(1 for f in after.findings if f.accepted) >= len({d["fingerprint"] for d in decisions})


def test_moved_table_fixture_keeps_the_fingerprints():
    """The reader's fixture: rows inserted inside 表三, the table moved right, 表四 moved down."""
    from conftest import FIXTURES, SAMPLES

    def prints(path):  # (the fixture's formulas carry no saved results; the sample's do)
        return {f.fingerprint for f in check_report(load(path)).findings if f.code != "formula-not-cached"}

    assert prints(FIXTURES / "read" / "moved-table.xlsx") == prints(SAMPLES / "huaian-2024.xlsx")


# --- the file -------------------------------------------------------------------------------


def test_file_round_trip_is_sorted_and_readable(tmp_path):
    data = sample("zhujie-2020")
    result = _check(data)
    decisions = _decide(result, reversed(result.findings))
    path = tmp_path / D.DEFAULT_NAME
    D.write(path, decisions)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "kind": "disclosure-decisions",\n  "schema": 1,')
    assert "曲靖市麒麟区珠街街道" in text  # UTF-8, not \\u escapes
    back = D.read(path)
    assert back == sorted(decisions, key=D._sort_key)
    D.write(path, back)
    assert path.read_text(encoding="utf-8") == text  # stable: rewriting changes nothing


@pytest.mark.parametrize(
    "text,words",
    [
        ('{\n  "kind": "disclosure-decisions",\n  "schema": 1,\n  "decisions": [\n    {,\n  ]\n}\n', "第 5 行"),
        ("[1, 2]", "不是审核记录文件"),
        ('{"kind": "disclosure-decisions", "schema": 9, "decisions": []}', "更新版本"),
        ('{"kind": "disclosure-decisions", "schema": 1, "decisions": [{"org": "x"}]}', "第 1 条记录"),
    ],
)
def test_unusable_file_is_an_error_naming_the_place(tmp_path, text, words):
    path = tmp_path / D.DEFAULT_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DisclosureError) as e:
        D.read(path)
    assert words in e.value.message and str(path) in e.value.message
    assert e.value.exit_code == 2


def test_decision_about_another_report_is_not_applied():
    data = sample("zhujie-2020")
    result = _check(data)
    decisions = _decide(result, result.findings)
    other = copy.deepcopy(data)
    other["org"] = "另一个街道"
    after = D.apply(_check(other), decisions)
    assert not any(f.accepted for f in after.findings) and after.stale == []


def test_level_must_match():
    data = sample("zhujie-2020")
    result = _check(data)
    decisions = _decide(result, result.findings[:1])
    decisions[0]["level"] = "error"  # a rule that became an error is not accepted by a warning's decision
    after = D.apply(_check(data), decisions)
    assert not any(f.accepted for f in after.findings)


def test_remaining_and_errors_all_accepted():
    data = sample("huaian-2024")
    data["t3"]["1"]["natural"] = 3000
    result = _check(data)
    assert result.errors > 0 and not D.errors_all_accepted(result)
    errors = [f for f in result.findings if f.level == "error"]
    after = D.apply(_check(data), _decide(result, errors))
    assert after.ok() and D.errors_all_accepted(after)
    assert D.remaining(after) == {
        "errors": 0,
        "warnings": result.warnings,
        "accepted_errors": len(errors),
        "accepted_warnings": 0,
        "stale": 0,
    }


def test_discovery_skips_the_decisions_file(tmp_path):
    from disclosure_cli.discovery import discover
    from conftest import SAMPLES

    (tmp_path / "r.json").write_bytes((SAMPLES / "zhujie-2020.json").read_bytes())
    D.write(tmp_path / D.DEFAULT_NAME, _decide(_check(sample("zhujie-2020")), []))
    with D.locked(tmp_path / D.DEFAULT_NAME):
        found, _ = discover([tmp_path])
    assert [f.rel.name for f in found] == ["r.json"]
    assert json.loads((tmp_path / D.DEFAULT_NAME).read_text(encoding="utf-8"))["decisions"] == []


@pytest.mark.realclient
@pytest.mark.parametrize("seed", [1, 2])
def test_resaved_by_libreoffice_keeps_every_decision(tmp_path, seed):
    """A clerk opens the workbook in a real spreadsheet program and saves it again."""
    from conftest import soffice_convert

    data = sample("zhujie-2020")
    fmt = F.FORMATS[data["format"]]
    rnd = random.Random(seed)
    for key in rnd.sample([k for k in fmt.cells() if not fmt.is_total(k)], 6):
        data[key.table][key.row][key.column] = rnd.choice([None, rnd.randint(0, 500), "/"])
    src = tmp_path / "r.xlsx"
    write_workbook(from_data(data), src)
    result = check_report(load(src))
    # (formula-not-cached goes away by itself once a spreadsheet program has calculated)
    accepted = [f for f in result.findings if f.code != "formula-not-cached"]
    assert accepted
    decisions = _decide(result, accepted)
    out = tmp_path / "lo"
    out.mkdir()
    resaved = soffice_convert(src, "xlsx:Calc MS Excel 2007 XML", out)
    after = D.apply(check_report(load(resaved)), decisions)
    assert after.stale == []
    assert {f.fingerprint for f in after.findings if f.accepted} == {d["fingerprint"] for d in decisions}
