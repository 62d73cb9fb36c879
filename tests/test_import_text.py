"""How the text of a published report is read: which paragraphs open its six parts
(``importers.report.section_heads`` — the official headings, drifted wording, a report's own titles
found by wording, topic or place, and no guess where it would be unsure), titles as units publish
them, the PDF's typesetting spaces, characters no reader sees."""

from __future__ import annotations

import pytest

from disclosure_cli import formats as F
from disclosure_cli.importers.document import Para
from disclosure_cli.importers.report import section_heads

FMT = F.get("2021")
OFFICIAL = [s.heading for s in FMT.sections]


def heads(*texts: str) -> dict[str, tuple[str, bool]]:
    """heading text → (part, worded as the format has it)."""
    paras = [Para(t, i + 1) for i, t in enumerate(texts)]
    return {paras[i].text: hit for i, hit in section_heads(paras, FMT).items()}


def test_the_official_headings_are_exact():
    assert heads("标题", "引言。", *OFFICIAL) == {h: (str(i + 1), True) for i, h in enumerate(OFFICIAL)}


def test_own_titles_found_by_place_wording_and_topic():
    """君山片区管理局 2025 and 金井片区管理局 2020/2025 (tests/corpus)."""
    got = heads(
        "引言。", "一、年度工作核心成效", "（一）主动公开多点发力", "正文。", *OFFICIAL[1:4],
        "五、当前存在的突出问题", "问题。", "六、下一步改进举措", "举措。", "七、其他需说明事项", "无。",
    )
    assert got == {
        "一、年度工作核心成效": ("1", False), **{h: (str(i + 2), True) for i, h in enumerate(OFFICIAL[1:4])},
        "五、当前存在的突出问题": ("5", False), "七、其他需说明事项": ("6", False),
    }  # 六、下一步改进举措 stays in 五: neither worded like 六 nor its only candidate once 七 is
    assert heads("一总体情况", *OFFICIAL[1:])["一总体情况"] == ("1", False)
    swapped = heads(*OFFICIAL[:4], "五、信息处理费收取情况", "收取0元。", "六、存在的主要问题及改进措施", "问题。")
    assert swapped["五、信息处理费收取情况"] == ("6", False)
    assert swapped["六、存在的主要问题及改进措施"] == ("5", False)


@pytest.mark.parametrize(
    "texts, missing",
    [
        # two paragraphs numbered 一、 before 二: which one opens 一 is a guess — none is taken
        (("一、工作成效", "内容。", "一、另一个小标题", *OFFICIAL[1:]), "1"),
        # a numbered sub-heading after 六's place but the part's number is not 六
        ((*OFFICIAL[:5], "五、补充说明"), "6"),
        # a long numbered paragraph is text, not a heading
        ((*OFFICIAL[:5], "六、" + "我单位严格执行信息处理费管理办法，全年未收取任何信息处理费用，也未发生相关投诉。"), "6"),
    ],
)
def test_an_unsure_guess_is_not_made(texts, missing):
    assert missing not in {sid for sid, _ in heads(*texts).values()}


def test_a_sub_heading_numbered_like_a_part_does_not_take_its_place():
    """总体情况 with its topics numbered 一、二、 (the wrong level, text-numbering's finding): 二、's
    own heading further down is still 二."""
    got = heads(OFFICIAL[0], "一、主动公开", "内容。", "二、依申请公开", "内容。", *OFFICIAL[1:])
    assert got[OFFICIAL[1]] == ("2", True)
    assert "二、依申请公开" not in got


@pytest.mark.parametrize(
    "title, org, year",
    [
        ("平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函", "平潭综合实验区苏平片区管理局", 2020),
        ("平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告", "平潭综合实验区海坛片区管理局", 2021),
        ("某某局2020年 度政府信息公开工作年度报告", "某某局", 2020),  # set over two lines, broken inside 年度
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
    ],
)
def test_titles_as_units_publish_them(title, org, year):
    """Titles of real reports (tests/corpus, tests/fixtures/published/real): the unit and year."""
    from disclosure_cli.importers.report import title_match

    m = title_match(title)
    assert (m.group("org").strip(), int(m.group("year"))) == (org, year)


def test_an_opening_paragraph_naming_a_report_is_not_a_title():
    """平潭 财政金融局 2019: its opening paragraph cites the 通知 on “2019年政府信息公开工作年度报告”
    and is still the opening paragraph, not a second title."""
    from disclosure_cli.importers.report import _title_like

    intro = ("根据《中华人民共和国政府信息公开条例》、《平潭综合实验区管委会办公室关于做好2019年政府信息公开工作年度报告"
             "编制公布工作的通知》要求，结合我局工作实际，现编制完成了本报告。")
    assert not _title_like(intro)
    assert _title_like("平潭综合实验区财政金融局2019年度政府信息公开工作年度报告")


def test_pdf_spaces_of_typesetting_are_dropped():
    """The text layer of a PDF spaces Chinese apart from digits, letters and half-width
    punctuation (平潭 财政金融局 2023: “邮编350400; 电话 :0591-23163551”); a reader sees none."""
    from disclosure_cli.importers.pdf import unspace

    assert unspace("邮编350400; 电话 :0591-23163551; 传真 :0591") == "邮编350400;电话:0591-23163551;传真:0591"
    assert unspace("门户网站 (https://www.pingtan.gov.cn) 公布") == "门户网站(https://www.pingtan.gov.cn)公布"
    assert unspace("2024 年 共 12 件") == "2024年共12件"
    assert unspace("Excel and Word") == "Excel and Word"  # between Latin words: a real space


def test_invisible_characters_copied_from_web_pages_are_not_text():
    """A zero-width space, joiner, soft hyphen or stray byte-order mark in a published page or
    document: a reader sees “申请12件” and a cell of 12."""
    from disclosure_cli.importers.document import collapse
    from disclosure_cli.importers.report import cell_value

    assert collapse("共收到申请\u200b12\u00ad件\ufeff。") == "共收到申请12件。"
    assert cell_value("1\u200b2") == 12 and cell_value("\u200b") is None
