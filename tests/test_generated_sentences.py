"""``check`` and the sentence generator (issue 12): a sentence that is exactly the generator's
output for the current data is left alone; one with the generator's words whose numbers no
longer fit the tables (changed after ``new --data --sentences``) is one error naming every
number, telling to regenerate — and ``new --data --sentences`` rewrites it in place."""

from __future__ import annotations

import copy
import re

import pytest

from disclosure_cli import sentences as S
from disclosure_cli.checks import check_report
from disclosure_cli.formats import Role as R
from disclosure_cli.jsonform import from_data

from _check_data import add, get, key, sample


def _with_sentences(name="huaian-2024", scope="本机关"):
    """The sample with the generated sentences, as data: (data, [application, applicants])."""
    data = sample(name)
    report = from_data(copy.deepcopy(data))
    made = S.application_sentences(report, scope)
    assert len(made) == 2
    data["sections"]["1"] = list(data["sections"].get("1", [])) + [made[0]]
    data["sections"]["3"] = list(data["sections"].get("3", [])) + [made[1]]
    return data, made


def _move(data, n=2):
    """The clerk moves ``n`` applications from 予以公开 to 部分公开 (自然人): every sum still holds."""
    for row, d in ((R.DISCLOSED, -n), (R.PARTLY_DISCLOSED, n)):
        add(data, row, R.NATURAL_PERSON, d)
        add(data, row, R.TOTAL, d)
    return data


def _text_findings(data):
    result = check_report(from_data(copy.deepcopy(data)))
    return [f for f in result.findings if f.code.startswith("text-")]


@pytest.mark.parametrize("name", ["huaian-2024", "zhujie-2020"])
def test_generated_sentences_for_the_current_data_give_no_finding(name):
    data, _ = _with_sentences(name)
    assert not [f for f in _text_findings(data) if f.code in ("text-number-mismatch", "text-number-unsure", "text-generated-outdated", "text-contradicts-table")]


def test_the_area_scope_of_a_roll_up_is_recognised_too():
    data, made = _with_sentences(scope="全市各级行政机关")  # 淮安市人民政府: the roll-up's scope
    assert made[0].startswith("全市各级行政机关共新收")
    assert not _text_findings(data)
    _move(data)
    (f,) = [f for f in _text_findings(data) if f.level in ("error", "warning")]
    assert f.code == "text-generated-outdated" and f.level == "error"


def test_tables_changed_after_generation_is_one_error_naming_every_number():
    data, made = _with_sentences()
    _move(data)
    found = [f for f in _text_findings(data) if f.level in ("error", "warning")]
    assert [f.code for f in found] == ["text-generated-outdated"]  # not also text-number-mismatch ×2
    (f,) = found
    assert f.level == "error"
    assert "予以公开 写的是 1362，表格为 1360" in f.message and "部分公开 写的是 454，表格为 456" in f.message
    assert "重新生成" in f.message and "--sentences" in f.message
    assert f.refs[0]["section"] == "1" and f.refs[0]["quote"] == made[0]
    cells = {(r["table"], r["row"], r["column"]) for r in f.refs if "table" in r}
    assert tuple(key(data, R.DISCLOSED, R.TOTAL)) in cells and tuple(key(data, R.PARTLY_DISCLOSED, R.TOTAL)) in cells
    assert f.args["written"] == {"予以公开": 1362, "部分公开": 454} and f.args["table"] == {"予以公开": 1360, "部分公开": 456}


@pytest.mark.parametrize("which", range(12))
def test_each_number_of_the_generated_sentences_is_checked(which):
    """Change one number of the two sentences: exactly one finding, naming that figure."""
    data, made = _with_sentences()
    report = from_data(copy.deepcopy(data))
    spots = [(0, m) for m in re.finditer(r"\d+", made[0])] + [(1, m) for m in re.finditer(r"\d+", made[1])]
    assert len(spots) == 12
    i, m = spots[which]
    changed = made[i][: m.start()] + str(int(m.group()) + 1) + made[i][m.end() :]
    section = "1" if i == 0 else "3"
    data["sections"][section][-1] = changed
    found = [f for f in _text_findings(data) if f.level in ("error", "warning")]
    assert [f.code for f in found] == ["text-generated-outdated"]
    figure = [f for t in S.templates(report.format) for f in t.figures][which]
    assert found[0].args["written"] == {figure.what: int(m.group()) + 1}


def test_another_area_is_left_to_the_number_rules():
    data, made = _with_sentences(scope="全省各级行政机关")  # not this report's area
    _move(data)
    found = [f for f in _text_findings(data) if f.level in ("error", "warning")]
    assert found and "text-generated-outdated" not in {f.code for f in found}
    assert {f.code for f in found} <= {"text-number-mismatch", "text-number-unsure"}


def test_a_sentence_in_other_words_is_still_checked_by_the_number_rules():
    data = sample("huaian-2024")
    data["sections"]["1"].append("本机关共收到政府信息公开申请3120件。")
    assert [f.code for f in _text_findings(data) if f.level == "error"] == ["text-number-mismatch"]


def test_an_unknown_figure_is_not_judged():
    data, _ = _with_sentences()
    _move(data)
    k = key(data, R.DISCLOSED, R.TOTAL)
    data[k.table][k.row][k.column] = "见附件"
    found = [f for f in _text_findings(data) if f.level in ("error", "warning")]
    assert [f.code for f in found] == ["text-generated-outdated"]
    assert found[0].args["written"] == {"部分公开": 454}  # 予以公开's total holds text: not judged


def test_prefill_rewrites_an_outdated_sentence_in_place():
    data, made = _with_sentences()
    _move(data)
    report = from_data(copy.deepcopy(data))
    n1, n3 = len(report.sections["1"]), len(report.sections["3"])
    assert S.prefill(report)
    assert len(report.sections["1"]) == n1 and len(report.sections["3"]) == n3
    assert S.is_generated(report, report.sections["1"][-1].text)
    assert "予以公开1360件、部分公开456件" in report.sections["1"][-1].text
    assert not S.prefill(report)
    assert not [f for f in check_report(report).findings if f.code.startswith("text-generated")]


def test_new_data_sentences_regenerates_after_the_tables_changed(cli, tmp_path):
    import json

    data, _ = _with_sentences()
    _move(data)
    src = tmp_path / "改过表格.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = src.read_bytes()
    r = cli("check", src)
    assert r.exit_code == 1 and "text-generated-outdated" in r.stdout and "重新生成" in r.stdout
    out = tmp_path / "新.xlsx"
    r = cli("new", "--data", src, "--sentences", "-o", out)
    assert r.exit_code == 0, r.stderr
    r = cli("check", out)
    assert "text-generated-outdated" not in r.stdout and "text-number-mismatch" not in r.stdout
    assert src.read_bytes() == before


def test_templates_render_what_application_sentences_write():
    report = from_data(sample("zhujie-2020"))
    made = S.application_sentences(report)
    written = [w for t in made for w in S.find_written(report, t)]
    assert [w.text for w in written] == made
    assert written[0].scope == "本机关" and written[1].scope == ""
    assert get(sample("zhujie-2020"), R.NEW, R.TOTAL) in (0, None)
