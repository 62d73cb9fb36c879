"""The renderers on hostile or huge content: the Word document is linear in its paragraphs,
never refuses a value (control characters, an over-long title or date), and escapes what it
places in XML attributes. One display-width rule serves every layout decision."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import SAMPLES
from disclosure_cli.model import Paragraph
from disclosure_cli.reader import load
from disclosure_cli.render import DRAFT_MARK, document
from disclosure_cli.render import docx as R
from disclosure_cli.values import display_width


def _core(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("docProps/core.xml").decode("utf-8")


def _report(**meta):
    r = load(SAMPLES / "huaian-2024.json")
    r.meta.update(meta)
    return r


def test_paragraphs_are_placed_without_searching_the_body(monkeypatch):
    """python-docx's ``add_paragraph`` searches the body for its section properties on every
    call (quadratic in the number of paragraphs). The renderer places each paragraph directly:
    the number of such searches does not grow with the paragraphs (benchmarks/docx_paragraphs.py
    measures the time)."""
    from docx.oxml.xmlchemy import BaseOxmlElement

    calls = {"n": 0}
    original = BaseOxmlElement.insert_element_before

    def counting(self, *a, **kw):
        if self.tag.endswith("}body"):  # a search through every paragraph so far
            calls["n"] += 1
        return original(self, *a, **kw)

    monkeypatch.setattr(BaseOxmlElement, "insert_element_before", counting)
    counts = []
    for n in (50, 200):
        r = _report()
        r.sections["6"] = [Paragraph(f"第{i}段，内容。") for i in range(n)]
        calls["n"] = 0
        data = R.render_docx(document(r))
        counts.append(calls["n"])
        from docx import Document

        body = Document(io.BytesIO(data)).element.body
        assert body[-1].tag.endswith("}sectPr")  # the section properties stay last
    assert counts[0] == counts[1]


@pytest.mark.parametrize("draft", [False, True])
def test_title_and_org_over_255_characters_are_shortened_in_the_properties(draft):
    r = _report()
    r.org = "某" * 300
    data = R.render_docx(document(r, draft=draft))
    core = _core(data)
    import re

    title = re.search(r"<dc:title>(.*?)</dc:title>", core).group(1)
    author = re.search(r"<dc:creator>(.*?)</dc:creator>", core).group(1)
    assert len(title) == R.PROPERTY_MAX and title.endswith("（草稿）" if draft else "…")
    assert len(author) == R.PROPERTY_MAX and author.startswith("某某")


@pytest.mark.parametrize("draft", [False, True])
def test_control_characters_never_reach_the_document(draft):
    r = _report(title="报告\x01标题\ufffe")
    r.org = "某单位\x07"
    r.sections["1"] = [Paragraph("段落\x00中\x1b有控制字符")]
    data = R.render_docx(document(r, draft=draft))
    from docx import Document

    d = Document(io.BytesIO(data))
    assert d.core_properties.author == "某单位"
    assert d.core_properties.title.startswith("报告标题")
    assert any(p.text == "段落中有控制字符" for p in d.paragraphs)


def test_signature_indent_stays_on_the_page():
    org_ri, date_ri = R.signature_indents("某单位", "1" * 100_000)
    assert 0 <= org_ri <= R.MAX_INDENT and 0 <= date_ri <= R.MAX_INDENT
    org_ri, date_ri = R.signature_indents("某" * 100_000, "2025年1月20日")
    assert 0 <= org_ri <= R.MAX_INDENT and 0 <= date_ri <= R.MAX_INDENT
    r = _report(published="1" * 5000)
    R.render_docx(document(r))  # a valid indent, no overflow


def test_watermark_attribute_is_escaped(monkeypatch):
    """Text placed in an XML attribute is escaped for the quote as well."""
    from lxml import etree

    odd = '草稿"<&>\'\t\n'
    header = etree.fromstring(R.header_xml(odd, 1).encode("utf-8"))  # well-formed
    shape = header.find(".//{urn:schemas-microsoft-com:vml}textpath[@string]")
    assert shape.get("string") == odd
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert "".join(t.text for t in header.iter(f"{W}t")) == '草稿"<&>\''  # the red line
    assert DRAFT_MARK  # the real mark goes through the same path


@pytest.mark.parametrize(
    "text, width",
    [
        ("", 0),
        ("abc", 1.5),
        ("机关", 2),
        ("（一）", 3),  # fullwidth parentheses
        ("１２", 2),  # fullwidth digits
        ("2024年", 3),
        ("“”—", 1.5),  # ambiguous width: narrow, like Latin
    ],
)
def test_one_display_width_rule(text, width):
    assert display_width(text) == width


def test_every_layout_uses_the_one_width_function():
    """No private width rule is left in the renderers or the template writer."""
    import inspect

    from disclosure_cli import render, xlsx_writer
    from disclosure_cli.render import tables

    for mod in (render, R, tables, xlsx_writer):
        src = inspect.getsource(mod)
        assert "0x2E80" not in src and "0x2e80" not in src, mod.__name__


def test_no_non_atomic_writers_left():
    from disclosure_cli.render import html

    assert not hasattr(R, "write_docx") and not hasattr(html, "write_html")
