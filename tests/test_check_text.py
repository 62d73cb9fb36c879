"""Precision of the text rules on sentences of real published reports (tests/corpus/, issue 9):
each class of false finding seen there is pinned here with the real sentence, next to the true
problem of the same shape that must still be found."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_cli import formats as F
from disclosure_cli.checks import check_report
from disclosure_cli.formats import Role as R

from _check_data import consistent, put, put_key, report

TEXT_CODES = ("text-", "fee-", "section-")


def _zero(fmt_id: str = "2021") -> dict:
    """A report with every number 0 and plain text: the sentences under test are added to it."""
    data = consistent(fmt_id, random.Random(0), high=0, text=False)
    data["sections"] = {"1": [], "5": ["个别栏目更新不及时。"], "6": ["本年度未收取信息处理费。"]}
    return data


def _set(data: dict, row: R, n: int, column: R = R.NATURAL_PERSON) -> dict:
    """``n`` in a category (its first data row) for one applicant column and in 总计."""
    fmt = F.get(data["format"])
    for col in (column, R.TOTAL):
        (first, *_) = fmt.leaf_keys(row, col)
        put_key(data, first, n)
    return data


def _t4(data: dict, group: R, column: R, n: int) -> dict:
    put(data, group, column, n)
    put(data, group, R.TOTAL, n)
    return data


def text_findings(data, *sentences, section="1"):
    data["sections"][section] = list(data["sections"].get(section, [])) + list(sentences)
    return [f for f in check_report(report(data)).findings if f.code.startswith(TEXT_CODES)]


def codes(data, *sentences, section="1"):
    return [f.code for f in text_findings(data, *sentences, section=section)]


# --- 1. a list of outcomes: each number belongs to its own category ----------------------------


def _czj_2024():
    """平潭 财政金融局 2024: 收到 2, 予以公开 1, 无法提供（不掌握）1."""
    data = _zero()
    for row in (R.NEW, R.RESULTS_TOTAL):
        _set(data, row, 2)
    _set(data, R.DISCLOSED, 1)
    _set(data, R.UNAVAILABLE, 1)
    return data


CZJ_2024 = "2024年我局共收到政府网站上政府信息公开申请件2件，办结依申请2件，其中公开答复1件，无法提供1件 。"


def test_real_list_of_outcomes_each_to_its_category():
    assert codes(_czj_2024(), CZJ_2024) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "其中同意公开1件，不予公开答复0件，无法提供1件。",
        "其中予以公开1件，无法提供1件。",
        "办结2件，其中公开答复1件、无法提供1件。",
        "依申请公开答复1件。",  # may be 予以公开 (1) or every answer (2): both fit
        "依申请公开答复2件。",
    ],
)
def test_synonyms_of_categories(sentence):
    assert codes(_czj_2024(), sentence) == []


def test_a_wrong_category_number_is_still_an_error():
    (f,) = text_findings(_czj_2024(), "其中公开答复2件，无法提供1件。")
    assert f.code == "text-number-mismatch" and "予以公开" in f.message
    (f,) = text_findings(_czj_2024(), "其中同意公开1件，不予公开答复3件。")
    assert f.code == "text-number-mismatch" and "不予公开" in f.message


def test_a_loose_synonym_that_fits_nothing_is_a_warning():
    assert codes(_czj_2024(), "依申请公开答复5件。") == ["text-number-unsure"]


# --- 2. a blank or wrong total: the parts decide ------------------------------------------------


def test_real_review_quoted_against_a_zeroed_total():
    """平潭 行政审批局 2024: 表四 行政复议 结果维持 1, 总计 0; the text says 1."""
    data = _zero()
    put(data, R.REVIEW, R.UPHELD, 1)
    assert codes(data, "因依申请公开引发行政复议1起，结果为维持我局作出的《政府信息公开申请答复书》的行政行为。") == []
    (f,) = text_findings(_zero(), "因依申请公开引发行政复议1起。")  # neither the total nor the parts
    assert f.code == "text-number-mismatch"


def test_blank_total_with_right_parts():
    data = _zero()
    _set(data, R.WITHHELD, 12)
    put_key(data, F.V2021.leaf_keys(R.WITHHELD, R.TOTAL)[0], None)  # 总计 left blank
    assert codes(data, "不予公开12件。") == []
    assert codes(data, "不予公开13件。") == ["text-number-mismatch"]


def test_a_blank_total_is_shown_as_blank_with_what_its_parts_add_up_to():
    """上海市人民政府办公厅 2019 (tests/fixtures/published/real/sh-gov-2019.html): 总计 blank on
    every row; the message names the blank and the parts' sum, not a 0 the table does not hold."""
    data = _zero()
    _set(data, R.DISCLOSED, 272)
    _set(data, R.PARTLY_DISCLOSED, 3)
    for role in (R.DISCLOSED, R.PARTLY_DISCLOSED):
        put_key(data, F.V2021.key(role, R.TOTAL), None)
    (f,) = text_findings(data, "予以公开及部分公开258件。")
    assert f.code == "text-number-mismatch"
    assert "予以公开·总计 空白（各项相加为 272） + 部分公开·总计 空白（各项相加为 3） = 275" in f.message


# --- 3. other years that belong there -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # 平潭 财政金融局 2019–2025 (here in a 2024 report)
        "一是主动公开财政预算、决算，在中国平潭政府门户网站预决算公开统一平台公开了2024年政府预算、2023年政府决算。",
        "公开2023年度部门决算。",
        "结转至2025年3件。",
        "编制《规划》确定2021-2035年发展目标。",
        "落实2021—2025年“十四五”规划。",
        "根据2023年12月5日印发的通知开展工作。",
    ],
)
def test_other_years_that_belong_there(sentence):
    assert codes(_zero(), sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # 平潭 财政金融局 2024 and 2025: the year of the report's own period written wrong
        "(二)主动公开政府信息的主要类别2023年，在主动公开的61条政府信息中，全文电子化的主动公开信息数共61条。",
        "2023年制作、获取政府信息总数467条。",
        "2023年，我局共收到政府信息公开申请0件。",
        "公开2021年政府决算。",  # not last year's 决算
    ],
)
def test_own_period_written_with_another_year(sentence):
    assert "text-year-other" in codes(_zero(), sentence)


# --- 4. the fee in other words ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年度我局无收取信息公开处理费。",
        "本年度未发生收费情况。",
        "没有收取任何费用。",
        "收费0元。",
        "未收取信息处理费。",
    ],
)
def test_fee_reported_in_other_words(sentence):
    data = _zero()
    data["sections"]["6"] = [sentence]
    assert codes(data, "总体情况。") == []


def test_section_six_silent_on_fees():
    data = _zero()
    data["sections"]["6"] = ["无其他需要报告的事项。"]
    assert codes(data, "总体情况。") == ["fee-not-reported"]


# --- 5. statements, robust to wording ----------------------------------------------------------


def test_real_not_received_the_correction_is_not_no_application():
    """平潭 公安局 2021: one application, waiting for the applicant's correction."""
    data = _zero()
    data["year"] = 2021
    _set(data, R.NEW, 1)
    _set(data, R.CARRIED_FORWARD, 1)
    sentence = ("2021年，我局收到政府信息公开申请1件，已按照相关法规，逐级审查，作出补正告知，"
                "目前未收到该申请人提交的补正，结转下年度办理。")
    assert codes(data, sentence) == []
    assert codes(data, "全年没有应公开而不予公开的情况，没有因政府信息公开针对市公安局申请行政复议或行政诉讼的事项。") == []
    assert codes(data, "本年度，未发生因依申请公开引发的行政复议和行政诉讼。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度没有收到政府信息公开申请。",
        "本年度未收到依申请公开。",
        "全年无政府信息公开申请。",
        "本年度没有收到任何申请。",
    ],
)
def test_no_application_while_new_is_not_zero(sentence):
    data = _set(_zero(), R.NEW, 3)
    assert codes(data, sentence) == ["text-contradicts-table"]
    assert codes(_zero(), sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["所有申请均已办结。", "受理的申请均已按时办理完成。", "申请全部在法定期限内办理完毕。", "均已在法定时限内答复完毕。"],
)
def test_all_done_while_carried_forward(sentence):
    data = _set(_zero(), R.CARRIED_FORWARD, 2)
    assert codes(data, sentence) == ["text-contradicts-table"]
    assert codes(_zero(), sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["行政复议案件均获维持。", "发生行政复议2件，结果均为维持。", "行政复议2件。经复议，全部被维持。"],
)
def test_all_upheld_while_corrected_or_pending(sentence):
    for column in (R.CORRECTED, R.PENDING):
        data = _t4(_zero(), R.REVIEW, column, 2)
        assert "text-contradicts-table" in codes(data, sentence)
    data = _t4(_zero(), R.REVIEW, R.UPHELD, 2)
    assert codes(data, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["本年度未发生政府信息公开行政复议。", "没有因政府信息公开申请行政复议的情况。", "无复议案件。"],
)
def test_no_review_while_table_four_has_some(sentence):
    data = _t4(_zero(), R.REVIEW, R.UPHELD, 1)
    assert codes(data, sentence) == ["text-contradicts-table"]
    assert codes(_zero(), sentence) == []


def _three_received() -> dict:
    data = _zero()
    for row in (R.NEW, R.RESULTS_TOTAL):
        _set(data, row, 3)
    return _set(data, R.DISCLOSED, 3)


def test_applications_counted_with_tiao():
    """平潭 经济发展局 2022–2024 write “共收到政府信息公开申请3条”: 条 counts applications there.
    Lists of information (“依申请公开341条、不予公开41条”) are not outcomes and stay unread."""
    assert codes(_three_received(), "2024年，共收到政府信息公开申请3条。") == []
    assert codes(_three_received(), "2024年，共收到政府信息公开申请0条。") == ["text-number-mismatch"]
    assert codes(_three_received(), "主动公开政府信息125条、依申请公开176条、不予公开77条。", "依申请公开信息数161条。") == []


# --- documents of 表二 counted in the text -------------------------------------------------------


def _documents(issued=15, repealed=6, in_force=21, fmt_id="2021") -> dict:
    """平潭 行政审批局 2024: 行政规范性文件 制发 15, 废止 6, 现行有效 21."""
    data = _zero(fmt_id)
    put(data, R.NORMATIVE, R.ISSUED, issued)
    if fmt_id == "2021":
        put(data, R.NORMATIVE, R.REPEALED, repealed)
        put(data, R.NORMATIVE, R.IN_FORCE, in_force)
    return data


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年，我局废止规范性文件6件，制定规范性文件15件，已公开在“行政规范性文件”栏目下，同步完成图文解读。",  # 平潭 行政审批局 2024
        "动态更新发布本年度制发行政规范性文件15件，并同步做好全真版上传等工作。",  # 平潭 2024 (its own numbers)
        "全面梳理了我局现行有效的规范性文件21件，在“行政规范性文件”栏目下公开。",  # 平潭 行政审批局 2023
        "制发行政规范性文件15件，按程序确认失效或废止文件6件，现行有效行政规范性文件共21件。",  # 平潭 管委会办公室 2025
        "2024年发布规范性文件15份。",
        "本年度制发规范性文件15件，现行有效件数21件。",
    ],
)
def test_documents_quoted_as_in_table_two(sentence):
    assert codes(_documents(), sentence) == []


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("2024年，我局废止规范性文件6件，制定规范性文件16件。", "text-number-mismatch"),
        ("本年度废止行政规范性文件5件。", "text-number-mismatch"),
        ("2024年发布规范性文件16份。", "text-number-unsure"),  # 发布: maybe put online, not issued
        ("全面梳理了我局现行有效的规范性文件16件。", "text-number-unsure"),  # maybe the whole 文件库
        ("全区各部门制发规范性文件40件。", "text-number-unsure"),  # another scope
    ],
)
def test_documents_that_differ_from_table_two(sentence, code):
    (f,) = text_findings(_documents(), sentence)
    assert f.code == code
    assert [r for r in f.refs if r.get("table") == "t2" and r.get("row") == "normative"]


def test_real_in_force_count_of_a_document_library_is_a_warning():
    """平潭 管委会办公室 2022: 表二 制发 34, 现行有效 89 (= 2021's 55 + 34); the text's 424 is
    most likely the library's — the scope cannot be told, so: a warning quoting the table."""
    (f,) = text_findings(
        _documents(34, 0, 89), "八是建成规范性文件库，本年度制发规范性文件34件，现行有效件数424件。"
    )
    assert (f.code, f.level) == ("text-number-unsure", "warning")
    assert "现行有效件数 89" in f.message and "424" in f.message


@pytest.mark.parametrize(
    "sentence",
    [
        "二是做好规范性文件清理发布，梳理历年区管委会和区管委会办公室印发的行政规范性文件228份。",  # 平潭 管委会办公室 2023
        "共发布规范性文件500余份，同时要求各公开单位做好格式清理。",  # ibid.: an approximate count
        "较2023年制发规范性文件10件有所增加。",  # another year's
        "累计制发规范性文件100件。",
        "完成规范性文件解读5件。",  # not a count of documents issued
    ],
)
def test_documents_not_compared(sentence):
    assert codes(_documents(), sentence) == []


def test_documents_in_the_2019_format():
    """The 2019 table has 本年新制作数量 (issued) only: 废止 and 现行有效 are not compared there."""
    data = _documents(fmt_id="2019")
    assert codes(data, "本年度制发规范性文件15件，废止规范性文件3件，现行有效的规范性文件99件。") == []
    assert codes(data, "本年度制发规范性文件14件。") == ["text-number-mismatch"]


# --- cells holding a number with its unit ------------------------------------------------------


@pytest.mark.parametrize("raw,read", [("832995元", 832995), ("152.2万元", 152.2), ("0元", 0), ("75394432.52元", 75394432.52)])
def test_money_with_its_unit_is_read(raw, read):
    data = consistent("2019", random.Random(3))
    put(data, R.PROCUREMENT, R.AMOUNT, raw)
    got = [f for f in check_report(report(data)).findings]
    assert [(f.code, f.level) for f in got] == [("value-typing", "info")]
    assert f"已按 {read} 读取" in got[0].message


def test_count_with_its_word_is_read_and_added_up():
    data = consistent("2019", random.Random(3))
    put(data, R.PROCUREMENT, R.PROJECTS, "2笔")
    assert [f.code for f in check_report(report(data)).findings] == ["value-typing"]
    data = consistent("2021", random.Random(3))
    n = data["t3"]["1"]["natural"]
    data["t3"]["1"]["natural"] = f"{n}件"
    assert [f.code for f in check_report(report(data)).findings] == ["value-typing"]  # sums still hold
    data["t3"]["1"]["natural"] = f"{n + 1}件"
    assert "sum-balance" in [f.code for f in check_report(report(data)).findings]


@pytest.mark.parametrize("raw", ["5000元", "2.5件"])
def test_a_unit_that_does_not_fit_stays_text(raw):
    data = consistent("2021", random.Random(3))
    row = R.FEES if raw.endswith("元") else R.LICENSE
    put(data, row, R.AMOUNT if row is R.FEES else R.DECISIONS, raw)
    assert [f.code for f in check_report(report(data)).findings] == ["value-text"]


# --- no false positive on generated text --------------------------------------------------------


from _check_data import get, row_of  # noqa: E402

_NEW = ["{y}年共收到政府信息公开申请{n}件", "全年新收政府信息公开申请{n}件", "本年度受理公民、法人和其他组织提出的申请{n}件",
        "共接收依申请公开申请{n}件"]
_PREV = ["上年结转{n}件", "上一年度结转申请{n}件"]
_DONE = ["办结{n}件", "已答复{n}件", "办理完毕{n}件"]
_NEXT = ["结转下年度继续办理{n}件", "{n}件结转至下一年度办理", "结转到下年度{n}件"]
_CAT = {
    R.DISCLOSED: ["予以公开{n}件", "同意公开{n}件", "公开答复{n}件"],
    R.PARTLY_DISCLOSED: ["部分公开{n}件", "部分公开答复{n}件"],
    R.WITHHELD: ["不予公开{n}件", "不予公开答复{n}件"],
    R.UNAVAILABLE: ["无法提供{n}件"],
    R.NOT_PROCESSED: ["不予处理{n}件"],
    R.OTHER_HANDLING: ["其他处理{n}件"],
}
_FEES = ["本年度未收取信息处理费。", "未发生收费情况。", "没有收取任何费用。", "收费0元。"]
_YEARS = ["公开了{y}年政府预算、{p}年政府决算。", "落实2021-2035年发展规划。", "根据{p}年12月印发的通知开展工作。",
          "申请数量较{p}年有所增长。"]


def _sentences(data: dict, pick) -> dict:
    y = data["year"]
    n = {role: get(data, role, R.TOTAL) for role in (R.NEW, R.CARRIED_OVER, R.RESULTS_TOTAL, R.CARRIED_FORWARD)}
    fmt = F.get(data["format"])
    cats = {role: sum(data[k.table][k.row][k.column] for k in fmt.leaf_keys(role, R.TOTAL)) for role in _CAT}
    rv = {c.role: row_of(data, R.REVIEW)[c.id] for c in fmt.columns_of(R.REVIEW)}
    s1 = [
        "，".join([pick(_NEW).format(y=y, n=n[R.NEW]), pick(_PREV).format(n=n[R.CARRIED_OVER]),
                  pick(_DONE).format(n=n[R.RESULTS_TOTAL])])
        + "，其中" + "，".join(pick(_CAT[role]).format(n=cats[role]) for role in pick.subset(list(_CAT))) + "。",
        pick(_NEXT).format(n=n[R.CARRIED_FORWARD]) + "。",
        f"政府信息公开行政复议{rv[R.TOTAL]}件，其中结果维持{rv[R.UPHELD]}件。",
        pick(_YEARS).format(y=y, p=y - 1),
    ]
    docs = fmt.row_of(R.NORMATIVE).label
    s1.append(pick(["本年度制发{d}{n}件。", "制定{d}{n}件。", "印发{d}共{n}份。"]).format(d=docs, n=get(data, R.NORMATIVE, R.ISSUED)))
    if fmt.has(R.NORMATIVE, R.IN_FORCE):
        s1.append(f"废止{docs}{get(data, R.NORMATIVE, R.REPEALED)}件，现行有效的{docs}{get(data, R.NORMATIVE, R.IN_FORCE)}件。")
    if n[R.NEW] == 0:
        s1.append(pick(["本年度没有收到政府信息公开申请。", "全年无政府信息公开申请。"]))
    if n[R.CARRIED_FORWARD] == 0:
        s1.append(pick(["所有申请均已办结。", "受理的申请均已按时办理完成。"]))
    if rv[R.TOTAL] == 0:
        s1.append(pick(["本年度未发生政府信息公开行政复议。", "没有因政府信息公开申请行政复议的情况。"]))
    elif rv[R.CORRECTED] == 0 and rv[R.PENDING] == 0:
        s1.append("行政复议案件均获维持。")
    return {"1": s1, "5": ["个别栏目更新不及时，将加强栏目管理。"], "6": [pick(_FEES)]}


class _Pick:
    def __init__(self, draw):
        self.draw = draw

    def __call__(self, options):
        return self.draw(st.sampled_from(options))

    def subset(self, options):
        return self.draw(st.lists(st.sampled_from(options), min_size=1, max_size=len(options), unique=True))


@settings(max_examples=80, deadline=None)
@given(
    fmt_id=st.sampled_from(sorted(F.FORMATS)),
    seed=st.integers(0, 1_000_000),
    high=st.sampled_from([0, 1, 3, 30]),
    data=st.data(),
)
def test_sentences_from_its_own_data_give_no_finding(fmt_id, seed, high, data):
    """A consistent report, its text written from its own numbers in many wordings (each
    category by its synonyms, statements of zero, the fee, years that belong there): nothing."""
    report_data = consistent(fmt_id, random.Random(seed), high=high, text=False)
    report_data["sections"] = _sentences(report_data, _Pick(data.draw))
    result = check_report(report(report_data))
    assert [(f.code, f.message) for f in result.findings] == []


def test_quotes_are_trimmed_to_the_sentence():
    data = _zero()
    data["sections"]["6"] = ["无其他需要报告的事项。本单位将继续做好政务公开工作。"]
    (f,) = text_findings(data, "总体情况。")
    assert f.code == "fee-not-reported"
    assert f.refs[0]["quote"] == "无其他需要报告的事项。"
    data = _zero()
    data["meta"]["intro"] = "本报告根据条例编制。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    data["sections"]["1"] = ["总体情况。"]
    (f,) = [f for f in check_report(report(data)).findings if f.code == "text-year-other"]
    assert f.refs[0]["quote"] == "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    data["meta"]["intro"] = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    assert [f for f in check_report(report(data)).findings if f.code == "text-year-other"] == []


# --- parts listed under “其中” adding up to more than their total -------------------------------


def test_parts_that_add_up_to_more_than_their_total():
    """平潭综合实验区 2020 (tests/corpus/pt-gov-2020): eleven kinds of information adding up to 2603,
    written as 2602; a bracketed list of a part's own parts is checked against that part."""
    text = (
        "全年共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，规划计划类信息21条，"
        "行政许可类信息40条，重大建设项目信息390条，为民办实事类信息69条，民政扶贫救灾社会保障就业类信息143条，"
        "国土资源城乡建设环保能源类信息208条，科教文体卫生类信息246条，安全生产、应急管理类信息271条，"
        "其他应主动公开政府信息1053条)，主要通过政府门户网站发布。"
    )
    (f,) = text_findings(_zero(), text, "共制发政府信息437条，其中主动公开55条（涵盖政策类6条、其他50条）、依申请公开341条。")
    assert f.code == "text-parts-exceed-total" and f.level == "warning" and "2 处" in f.message
    assert "各项相加为 2603 条，多于总数 2602 条" in f.message and "各项相加为 56 条，多于总数 55 条" in f.message
    assert [r["section"] for r in f.refs] == ["1", "1"] and f.refs[0]["quote"] == text
    assert f.args["lists"][0] == {"total": 2602, "unit": "条", "sum": 2603}


@pytest.mark.parametrize(
    "text",
    [
        # the same lists adding up (tests/corpus/pt-jjf-2019, pt-gov-2019)
        "共制发政府信息437条，其中，主动公开政府信息55条（涵盖政策类6条、其他49条）、依申请公开341条、不予公开41条。",
        "共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。",
        # a clause that is not a part (tests/corpus/pt-jtj-2021)
        "在省网发布的事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%。",
        "发布政策解读约10条，其中图文解读6条、视频解读5条。",  # an approximate total
        "发布政策解读10余条，其中图文解读6条、视频解读5条。",
        "发布信息10条，其中图片5个、视频8个。",  # parts in another unit
        "发布信息10条，其中网站6条；另有微信8条、微博9条。",  # the list ended with its sentence
        "发布政策解读10条，其中图文解读6条。视频解读5条、问答9条。",
    ],
)
def test_lists_that_are_not_parts_over_their_total(text):
    assert text_findings(_zero(), text) == []


def test_a_list_the_tables_judge_is_left_to_them():
    """办结 and its outcomes are 表三's: a part written wrong is ``text-number-mismatch`` (an
    error naming the cell), not also a sum over its total."""
    data = _set(_set(_set(_zero(), R.NEW, 5), R.RESULTS_TOTAL, 5), R.DISCLOSED, 5)
    assert codes(data, "本年度办结5件，其中予以公开5件、不予公开2件。") == ["text-number-mismatch"]


@settings(max_examples=150, deadline=None)
@given(
    total=st.integers(0, 5000),
    parts=st.lists(st.integers(0, 3000), min_size=2, max_size=8),
    unit=st.sampled_from(["条", "件", "篇", "万元"]),
    sep=st.sampled_from(["、", "，"]),
    bracketed=st.booleans(),
)
def test_a_list_is_reported_exactly_when_its_parts_add_up_to_more(total, parts, unit, sep, bracketed):
    labels = ["机构职能类信息", "政策、规范性文件类信息", "规划计划类", "行政许可类信息", "其他应主动公开的政府信息",
              "财政预决算", "重大项目", "民生类"]
    listed = sep.join(f"{labels[i]}{n}{unit}" for i, n in enumerate(parts))
    text = f"全年共发布信息{total}{unit}" + (f"（其中{listed}），主要通过网站发布。" if bracketed else f"，其中{listed}。")
    found = text_findings(_zero(), text)
    if sum(parts) > total:
        (f,) = found
        assert f.code == "text-parts-exceed-total" and f.args["lists"] == [{"total": total, "unit": unit, "sum": sum(parts)}]
    else:
        assert found == []
