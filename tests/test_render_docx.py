"""The Word document: GB/T 9704 page and type from the reference document, the official tables
with their merged cells, the content built from the data only."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from _render_support import docx_chunks, docx_xml
from conftest import ROOT, SAMPLES
from disclosure_cli.formats import CellKey
from disclosure_cli.reader import load
from disclosure_cli.render import DRAFT_MARK, document, intro_text, title_lines
from disclosure_cli.render.docx import render_docx, signature_indents, table_fit
from disclosure_cli.render.tables import VALUE, table_grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 1440 / 25.4


def _docx(name: str, **kw) -> bytes:
    return render_docx(document(load(SAMPLES / name), **kw))


@pytest.fixture(scope="module")
def zhujie() -> bytes:
    return _docx("zhujie-2020.json")


@pytest.fixture(scope="module")
def huaian() -> bytes:
    return _docx("huaian-2024.json")


def _open(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def test_reference_docx_is_what_the_script_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("mkref", ROOT / "templates" / "make_reference_docx.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with zipfile.ZipFile(ROOT / "templates" / "reference.docx") as z:
        stored = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    assert stored == mod.parts(), "run: python templates/make_reference_docx.py"


def test_no_theme_fonts_anywhere(zhujie):
    with zipfile.ZipFile(io.BytesIO(zhujie)) as z:
        names = z.namelist()
        assert not [n for n in names if "theme" in n]
        for n in names:
            if n.endswith(".xml"):
                text = z.read(n).decode("utf-8")
                assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)Theme=", text), n


def test_page_is_a4_with_gbt9704_margins(zhujie):
    s = _open(zhujie).sections[0]
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
    assert (round(s.top_margin.mm), round(s.bottom_margin.mm)) == (37, 35)
    assert (round(s.left_margin.mm), round(s.right_margin.mm)) == (28, 26)


def _style(d, name):
    st = d.styles[name]
    rpr = st.element.find(f"{W}rPr")
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    size = rpr.find(f"{W}sz") if rpr is not None else None
    return (
        fonts.get(f"{W}eastAsia") if fonts is not None else None,
        int(size.get(f"{W}val")) / 2 if size is not None else None,
    )


def test_styles_follow_gbt9704(zhujie):
    d = _open(zhujie)
    assert _style(d, "Normal") == ("仿宋_GB2312", 16)  # 三号仿宋
    assert _style(d, "Title") == ("方正小标宋简体", 22)  # 二号小标宋
    assert _style(d, "Heading 1") == ("黑体", 16)
    assert _style(d, "Heading 2") == ("楷体_GB2312", 16)
    assert _style(d, "Heading 3") == ("仿宋_GB2312", 16)
    normal = d.styles["Normal"].element
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}lineRule") == "exact" and 28 * 20 <= int(spacing.get(f"{W}line")) <= 29 * 20
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    assert d.styles["Title"].element.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"


def test_footer_page_number_field(zhujie):
    for part in ("word/footer1.xml", "word/footer2.xml"):
        xml = docx_xml(zhujie, part)
        assert "PAGE" in xml and 'fldCharType="begin"' in xml
        texts = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)
        assert texts[0] == "— " and texts[-1] == " —"


def test_content_order_and_styles(zhujie):
    d = _open(zhujie)
    paras = [(p.style.name, p.text) for p in d.paragraphs if p.text]
    report = load(SAMPLES / "zhujie-2020.json")
    assert paras[0] == ("Title", "曲靖市麒麟区珠街街道2020年\n政府信息公开工作年度报告")
    assert paras[1] == ("Normal", intro_text(report))
    headings = [t for s, t in paras if s == "Heading 1"]
    assert headings == [s.heading for s in report.format.sections]
    assert ("Heading 2", "(一)组织机构情况") in paras
    assert ("Heading 3", "1.依申请公开信息办理情况。") in paras
    assert paras[-2:] == [("Signature", "曲靖市麒麟区珠街街道"), ("Signature", "2021年2月16日")]


def test_opening_paragraph_uses_only_the_data():
    report = load(SAMPLES / "zhujie-2020.json")
    text = intro_text(report)
    assert "2020年1月1日至2020年12月31日" in text
    assert "国办公开办函〔2019〕60号" in text
    assert "联系" not in text and "网" not in text  # no contact details or website in the data
    report.meta.update(website="www.example.gov.cn", phone="0874-1234567")
    text = intro_text(report)
    assert "www.example.gov.cn" in text and "电话：0874-1234567" in text and "地址" not in text
    report.meta["intro"] = "本单位自己写的开头。"
    assert intro_text(report) == "本单位自己写的开头。"


def test_title_broken_at_a_word_boundary():
    report = load(SAMPLES / "huaian-2024.json")
    assert title_lines(report) == ("淮安市人民政府2024年", "政府信息公开工作年度报告")
    report.meta["title"] = "淮安市人民政府2024年度政府信息公开工作年度报告"  # never 2024年 | 度政府…
    assert title_lines(report) == ("淮安市人民政府2024年度", "政府信息公开工作年度报告")
    del report.meta["title"]
    report.org = "某局"
    assert title_lines(report) == ("某局2024年政府信息公开工作年度报告",)


def test_signature_indents_follow_gbt9704():
    # 署名右空二字, 日期首字比署名首字右移二字
    # (a date is 0.2 character wider at each change between digits and Chinese: 5 changes)
    assert signature_indents("曲靖市麒麟区珠街街道", "2021年2月16日") == pytest.approx((2.0, 10 - 6.5 - 1.0))
    # 日期长于署名: 日期右空二字, 署名右移
    assert signature_indents("某局", "2021年12月16日") == pytest.approx((4 + 7.0 + 1.0 - 2, 2.0))


def _tables(data: bytes):
    from lxml import etree

    root = etree.fromstring(docx_xml(data).encode("utf-8"))
    return root.findall(f".//{W}tbl")


def _rows(tbl):
    out = []
    for tr in tbl.findall(f"{W}tr"):
        row = []
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
            row.append(
                (
                    text,
                    int(span.get(f"{W}val")) if span is not None else 1,
                    None if vm is None else (vm.get(f"{W}val") or "continue"),
                )
            )
        out.append(row)
    return out


def _header_rows(tbl) -> int:
    return sum(1 for tr in tbl.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None)


def test_tables_follow_the_official_layout(zhujie, huaian):
    t2, t3, t4 = _tables(zhujie)
    assert [_header_rows(t) for t in (t2, t3, t4)] == [0, 3, 3]
    rows3 = _rows(t3)
    assert rows3[0][0] == ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart")
    assert rows3[0][1] == ("申请人情况", 7, None)
    assert [c[0] for c in rows3[2] if c[2] != "continue"] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
    ]
    # 三、本年度办理结果 spans its rows; （三）不予公开 its eight sub-rows
    group = next(r for r in rows3 if r[0][0] == "三、本年度办理结果")
    assert group[0][2] == "restart"
    start = next(i for i, r in enumerate(rows3) if any(c[0] == "（三）不予公开" for c in r))
    assert sum(1 for r in rows3[start:] if r[1][2] == "continue") >= 7
    rows4 = _rows(t4)
    assert rows4[0] == [("行政复议", 5, "restart"), ("行政诉讼", 10, None)]
    assert [c[0] for c in rows4[1] if c[2] != "continue"] == ["未经复议直接起诉", "复议后起诉"]
    assert len(rows4[2]) == 15 and [c[0] for c in rows4[3]] == ["0"] * 15
    # 2021: the single value column of 第二十条第（五）项 spans the three columns of （一）
    h2 = _rows(_tables(huaian)[0])
    assert h2[0] == [("第二十条第（一）项", 4, None)]
    five = next(i for i, r in enumerate(h2) if r[0][0] == "第二十条第（五）项")
    assert h2[five + 1] == [("信息内容", 1, None), ("本年处理决定数量", 3, None)]
    assert h2[five + 2] == [("行政许可", 1, None), ("447228", 3, None)]


def test_every_value_printed_as_typed(zhujie, huaian):
    # 0 as 0, a blank cell as blank (the published 2020 report left three cells blank)
    rows3 = _rows(_tables(zhujie)[1])
    secret = next(r for r in rows3 if any(c[0] == "1.属于国家秘密" for c in r))
    assert [c[0] for c in secret[-7:]] == ["0", "0", "0", "", "0", "", ""]
    report = load(SAMPLES / "huaian-2024.json")
    chunks = docx_chunks(huaian)
    for table in report.format.tables:
        for key in table.cells():
            cell = report.cells[key]
            if cell.raw is not None:
                assert str(cell.raw) in chunks, key


def test_numbers_centred_and_table_fits_the_page(huaian):
    for tbl in _tables(huaian):
        widths = [int(g.get(f"{W}w")) for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(widths) <= round(156 * MM) + 1
    report = load(SAMPLES / "huaian-2024.json")
    for table in report.format.tables:
        size, _ = table_fit(table_grid(table))
        assert 15 <= size <= 21  # 五号 at most, never below 7.5 pt
    xml = docx_xml(huaian)
    assert '<w:pStyle w:val="TableText"/>' in xml
    d = _open(huaian)
    assert d.styles["Table Text"].element.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"


def test_escaping_and_odd_text():
    report = load(SAMPLES / "huaian-2024.json")
    report.sections["6"][0] = report.sections["6"][0].__class__("<b>粗体</b> & “引号” \x01")
    report.cells[CellKey("t2", "license", "decisions")].raw = "22（其中修订16件）"
    data = render_docx(document(report))
    chunks = docx_chunks(data)
    assert "22（其中修订16件）" in chunks
    assert any("<b>粗体</b> & “引号”" in c for c in chunks)


def test_draft_marking(huaian):
    plain = docx_xml(huaian)
    assert DRAFT_MARK not in plain
    data = _docx("huaian-2024.json", draft=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        headers = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header")]
    assert len(headers) == 2
    for xml in headers:
        assert DRAFT_MARK in re.sub(r"<[^>]+>", "", xml)  # the header line
        assert f'string="{DRAFT_MARK}"' in xml  # the watermark
    assert "草稿" in _open(data).core_properties.title


def test_core_properties(zhujie):
    doc = document(load(SAMPLES / "zhujie-2020.json"))
    cp = _open(render_docx(doc, identifier="disclosure-build sha256=abc")).core_properties
    assert cp.title == "曲靖市麒麟区珠街街道2020年政府信息公开工作年度报告"
    assert cp.author == "曲靖市麒麟区珠街街道"
    assert cp.identifier == "disclosure-build sha256=abc"
    assert cp.revision == 1 and cp.language == "zh-CN"


# --------------------------------------------------------------------------------------------
# Issue 10: numbers never break, tables break between rows, the signature keeps with the text
# --------------------------------------------------------------------------------------------


def test_value_columns_hold_the_widest_number_and_six_digits():
    from disclosure_cli.render.docx import CELL_PADDING, DIGIT_EM, MIN_DIGITS, TIMES_DIGIT_EM

    report = load(SAMPLES / "huaian-2024.json")
    for table in report.format.tables:
        g = table_grid(table)
        for digits in (1, 5, 7) if table.id != "t4" else (1, 5, 6):  # 表四: 15 columns of 7 digits do not fit
            values = {c: "9" * digits for c in g.cells if c.kind == VALUE}
            size, widths = table_fit(g, values)
            assert sum(widths) == round(156 * MM)
            em = size * 10
            need = max(digits * DIGIT_EM, MIN_DIGITS * TIMES_DIGIT_EM) * em + CELL_PADDING
            for k in {c.col for c in g.cells if c.kind == VALUE and c.colspan == 1}:
                assert widths[k] >= need - 1, (table.id, digits, k)
            if digits <= 5:
                assert size >= 15, table.id  # 7.5 pt at least for any year's numbers


def test_only_the_table_head_keeps_with_next(huaian):
    for tbl in _tables(huaian):
        keeps = [
            tr.find(f"{W}tc/{W}p/{W}pPr/{W}keepNext") is not None for tr in tbl.findall(f"{W}tr")
        ]
        first_free = keeps.index(False)
        assert first_free <= 5 and not any(keeps[first_free:]), keeps  # rows break freely after the head
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in tbl.findall(f"{W}tr"))


def test_signature_keeps_with_the_last_paragraph_and_the_date_is_always_there():
    data = load(SAMPLES / "huaian-2024.json")
    assert not data.meta.get("published")
    doc = document(data)
    from disclosure_cli.render import DATE, DATE_PLACEHOLDER

    assert doc.pieces[-1].kind == DATE and doc.pieces[-1].text == DATE_PLACEHOLDER
    d = _open(render_docx(doc))
    paras = d.paragraphs
    sign = next(i for i, p in enumerate(paras) if p.text == data.org)
    assert paras[sign + 1].text == DATE_PLACEHOLDER
    assert paras[sign - 1].text == "" and paras[sign - 1].paragraph_format.keep_with_next  # 空一行
    assert paras[sign - 2].paragraph_format.keep_with_next and paras[sign - 2].paragraph_format.widow_control
    assert paras[sign].paragraph_format.keep_with_next


def test_title_lines_are_35pt_apart_and_the_body_starts_on_the_grid(huaian):
    from disclosure_cli.render.docx import title_space_after

    xml = docx_xml(huaian, "word/styles.xml")
    assert re.search(r'w:styleId="Title".*?<w:snapToGrid w:val="0"/>.*?w:line="700"', xml)
    for lines in (1, 2, 3):
        total = lines * 700 + title_space_after(lines)
        assert total % 579 == 0 and title_space_after(lines) >= 579


def test_run_in_subheading_in_kaiti(huaian):
    xml = docx_xml(huaian)
    assert '<w:rStyle w:val="RunInHeading"/></w:rPr><w:t>（二）依申请公开情况。</w:t>' in xml
