"""The rules on how the report is written (checks/writing.py), heading drift, and the
year-over-year rules on quantities (issue 9: rules real reviewers apply)."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_cli.checks import check_report
from disclosure_cli.formats import Role as R
from disclosure_cli.model import Problem

from _check_data import get, put, report, sample
from test_check_rules import _previous_of  # last year's report, different enough to compare with


def _clean():
    data = sample("huaian-2024")
    data["meta"]["published"] = "2025-02-10"
    return data


def findings(data, previous=None, problems=()):
    rep = report(data)
    rep.problems.extend(problems)
    return check_report(rep, report(previous) if previous is not None else None).findings


def only(data, code, **kw):
    got = findings(data, **kw)
    assert [f.code for f in got] == [code], [(f.code, f.message) for f in got]
    return got[0]


def _with(section, *texts, data=None):
    data = data or _clean()
    data["sections"][section] = list(data["sections"].get(section, [])) + list(texts)
    return data


# --- numbering -----------------------------------------------------------------------------------


def test_numbering_restarting_or_skipping():
    data = _clean()
    data["sections"]["1"] = ["（一）主动公开情况", "正文。", "（二）依申请公开情况", "正文。", "（二）政府信息管理", "正文。"]
    f = only(data, "text-numbering")
    assert f.level == "warning" and "在（二）之后是（二）" in f.message and f.refs[0]["paragraph"] == 5
    data["sections"]["1"] = ["（一）主动公开", "（二）依申请公开", "（一）平台建设"]
    assert "重新从（一）开始" in only(data, "text-numbering").message
    data["sections"]["1"] = ["（一）主动公开", "（二）依申请公开", "（三）平台建设", "（十）x"]
    assert "在（三）之后是（十）" in only(data, "text-numbering").message


def test_sub_topics_numbered_at_the_level_of_the_parts():
    data = _clean()
    data["sections"]["1"] = ["一、主动公开情况。本年度主动公开信息100条。", "二、依申请公开情况。"]
    f = only(data, "text-numbering")
    assert "应写成“（一）”" in f.message
    data["sections"]["1"] = ["（一）主动公开情况。", "（二）依申请公开情况。", "三、政府信息管理。"]
    assert "用了“三、”" in (f := only(data, "text-numbering")).message and "应写成“（三）”" in f.message


def test_a_part_split_in_two_gets_no_number_it_does_not_have():
    """平潭 君山片区管理局 2025 (tests/corpus/pt-jsp-2025): 五 split into “五、当前存在的突出问题”
    and “六、下一步改进举措”; “（六）” would be no better."""
    data = _clean()
    data["sections"]["5"] = ["信息更新不够及时。", "六、下一步改进举措 针对上述问题，我局将采取以下改进措施。"]
    f = only(data, "text-numbering")
    assert "用了“六、”" in f.message and "按（一）（二）……编号" in f.message and "（六）" not in f.message


def test_numbering_in_order_is_fine():
    data = _clean()
    data["sections"]["1"] = [f"（{n}）小标题" for n in "一二三四五六七八九十"] + ["（十一）小标题"]
    assert findings(data) == []


# --- doubled words, punctuation ----------------------------------------------------------------


def test_doubled_word_real_sentences():
    """平潭 财政金融局 2025 and 平潭 管委会 2021 (tests/corpus/)."""
    data = _with("1", "深入学习贯彻党的二十大及二十届历次全会精神精神，落实部署要求。", "二是规范审核审核发布机制。")
    f = only(data, "text-doubled-word")
    assert f.level == "warning" and "2 处" in f.message and "“精神精神”、“审核审核”" in f.message
    assert [r["quote"] for r in f.refs] == ["深入学习贯彻党的二十大及二十届历次全会精神精神，落实部署要求。", "二是规范审核审核发布机制。"]


@pytest.mark.parametrize("text", ["认认真真做好工作。", "逐一核对，一一答复。", "常常更新。", "研究研究再定。"])
def test_reduplication_is_not_a_doubled_word(text):
    assert findings(_with("1", text)) == []


def test_doubled_de_real_sentence():
    """平潭 2022 年 本级 (tests/corpus/pt-gov-2022): “打造整体统一的的网站界面”."""
    f = only(_with("1", "打造整体统一的的网站界面，并持续优化栏目。"), "text-doubled-word")
    assert f.level == "warning" and "“的的”" in f.message
    assert [r["quote"] for r in f.refs] == ["打造整体统一的的网站界面，并持续优化栏目。"]


@pytest.mark.parametrize(
    "text",
    ["公开工作的的确确有了进步。", "有的的确需要改进。", "实现公开目的的同时保护隐私。", "合同标的的金额已公开。", "说的确实如此。"],
)
def test_de_de_that_is_correct_chinese(text):
    assert findings(_with("1", text)) == []


def test_unpaired_brackets_real_sentence():
    """平潭 交通与建设局 2021–2025 and seven other reports (tests/corpus): the same sentence, its
    文号 without its opening bracket."""
    text = "按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。"
    f = only(_with("6", text), "text-unpaired-bracket")
    assert f.level == "warning" and "1 处" in f.message and "109号）规定" in f.message
    assert [r["quote"] for r in f.refs] == [text]
    f = only(_with("1", "主动公开情况（含政策解读。", "印发《条例实施办法的通知。"), "text-unpaired-bracket")
    assert "2 处" in f.message and len(f.refs) == 2  # openings never closed


@pytest.mark.parametrize(
    "text",
    [
        "工作措施：1）加强培训；2）完善制度；a) 强化监督。",  # items numbered with a closing bracket
        "按照《条例》（国务院令第711号）和（国办发〔2019〕1号）要求（见附件(一)）。",  # nested, mixed widths
        "详见附件(一)所列事项（共3项）。",
    ],
)
def test_paired_brackets_and_list_marks_are_fine(text):
    assert findings(_with("1", text)) == []


def test_half_width_punctuation_is_one_counted_info():
    data = _with("1", "主要做法:一是加强领导,二是完善制度;三是强化监督。", "另一段,也有。")
    f = only(data, "text-halfwidth-punctuation")
    assert f.level == "info" and "4 处" in f.message and "共 2 段" in f.message
    assert findings(_with("1", "共收到申请12,345件。Excel: ok。")) == []  # numbers, Latin text


def test_straight_double_quotes_next_to_chinese():
    """平潭 交通与建设局 2024 (tests/corpus/pt-jtj-2024): 通过"线上+线下"结合."""
    f = only(_with("1", '通过"线上+线下"结合的方式开展培训。', '"政务公开日"活动。'), "text-halfwidth-punctuation")
    assert "4 处" in f.message and "共 2 段" in f.message and "引号用“”" in f.message
    assert findings(_with("1", '标注 "OK" 字样，配置 key="value"。')) == []  # not next to 汉字


# --- sections 五 and 六 ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["无。", "暂无", "无问题。"])
def test_section_five_only_none(text):
    data = _clean()
    data["sections"]["5"] = [text]
    f = only(data, "section-thin")
    assert f.level == "warning" and text in f.message


def test_section_six_repeating_the_signature():
    data = _clean()
    data["sections"]["6"] = ["本年度未收取信息处理费。", "淮安市人民政府", "2025年1月20日"]
    f = only(data, "section-signature")
    assert f.level == "info" and "淮安市人民政府 2025年1月20日" in f.message
    data["sections"]["6"] = ["本年度未收取信息处理费。", "2025年1月20日"]
    only(data, "section-signature")


# --- signature date ------------------------------------------------------------------------------


def test_signature_date_real_case_and_late():
    """平潭 苏平片区 2019: 落款“2019年1月3日” under a 2019 report."""
    data = _clean()
    data["meta"]["signed"] = "2024-01-03"
    f = only(data, "signed-early")
    assert f.level == "warning" and "2024年1月3日" in f.message
    data["meta"].update(signed="2025-04-02", kind="county_gov")
    f = only(data, "signed-late")
    assert f.level == "info" and "2025年3月31日" in f.message
    data["meta"]["signed"] = "2025-01-20"
    assert findings(data) == []


# --- heading drift ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "found",
    ["五、存在的主要问题和改进情况", "五、存在主要问题及改进情况", "四、行政复议、行政诉讼情况", "四、政府信息公开工作行政复议、行政诉讼情况"],
)
def test_heading_drift_is_a_warning(found):
    label = "五、存在的主要问题及改进情况" if found.startswith("五") else "四、政府信息公开行政复议、行政诉讼情况"
    p = Problem("label-altered", f"部分标题“{found}”与格式不一致", label=label, found=found)
    f = only(_clean(), "label-drift", problems=[p])
    assert f.level == "warning" and label in f.message


def test_other_heading_changes_stay_label_altered():
    p = Problem("label-altered", "标题不一致", label="五、存在的主要问题及改进情况", found="五、存在的主要问题及改进措施")
    assert only(_clean(), "label-altered", problems=[p]).level == "error"


# --- year over year ----------------------------------------------------------------------------------


def test_large_change_and_zero_against_last_year():
    data = _clean()
    prev = _previous_of(data)
    put(prev, R.PENALTY, R.DECISIONS, get(data, R.PENALTY, R.DECISIONS) * 6)
    f = only(data, "prev-factor", previous=prev)
    assert f.level == "info" and "行政处罚" in f.message and "6.0 倍" in f.message
    prev = _previous_of(data)
    put(data, R.LICENSE, R.DECISIONS, 0)
    f = only(data, "prev-zero", previous=prev)
    assert f.level == "warning" and "行政许可：本年为 0" in f.message


def test_small_numbers_change_freely():
    data = _clean()
    prev = _previous_of(data)
    put(data, R.ENFORCEMENT, R.DECISIONS, 9)
    put(prev, R.ENFORCEMENT, R.DECISIONS, 1)
    assert findings(data, previous=prev) == []


def test_copied_text_with_new_numbers_is_still_copied():
    data = _clean()
    prev = _previous_of(data)
    prev["sections"] = copy.deepcopy(data["sections"])
    for sid, paras in prev["sections"].items():
        prev["sections"][sid] = [p.replace("3", "4") for p in paras]
    assert "prev-copied-text" in [f.code for f in findings(data, previous=prev)]


# The two writing rules test 汉字 in Python instead of with a [\u4e00-\u9fff] class (which costs
# every `check` 1.5 ms a pattern to compile): the same places as the class-based expressions.
_OLD_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_OLD_HALF = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!](?=[\u4e00-\u9fff])")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("资金研究公开申请,;:?!。 a1A年年") + ["\u4dff", "\ua000"]), max_size=40))
def test_han_tests_find_what_the_character_class_found(text):
    from disclosure_cli.checks import writing as W

    half = [m.start() for m in W._HALF_MARK.finditer(text) if 0 < m.start() < len(text) - 1 and W._han(text[m.start() - 1]) and W._han(text[m.start() + 1])]
    assert half == [m.start() for m in _OLD_HALF.finditer(text)]
    doubled = [m.group() for m in W._DOUBLED.finditer(text) if all(map(W._han, m.group(1)))]
    assert doubled == [m.group() for m in _OLD_DOUBLED.finditer(text)]
