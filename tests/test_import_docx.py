"""Word documents: tables read from the XML with gridSpan/vMerge expanded."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import SAMPLES
from disclosure_cli.errors import InputError
from disclosure_cli.importers.docx import _grid, read
from disclosure_cli.importers.grid import expand
from disclosure_cli.reader import load
from disclosure_cli.render import document
from disclosure_cli.render.docx import render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tbl(xml: str):
    from lxml import etree

    return etree.fromstring(f'<w:tbl xmlns:w="{W}">{xml}</w:tbl>')


def test_vmerge_and_gridspan_expand_keeping_covered_apart():
    t = _tbl(
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>"
    )
    g = expand(_grid(t))
    assert g.places[(1, 1)].text == "三、本年度办理结果"
    assert g.places[(2, 1)].covered and g.places[(1, 3)].covered
    assert not g.places[(2, 2)].covered and g.places[(2, 2)].text == ""
    assert g.places[(2, 3)].text == "5"


def test_word_report_places():
    want = load(SAMPLES / "zhujie-2020.xlsx")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "r.docx"
        p.write_bytes(render_docx(document(want)))
        got = load(p)
    assert got.origin == "docx"
    blank = got.cell("t3", "3.3.1", "total")
    assert blank.state == "blank" and str(blank.source).startswith("第 2 个表格 第 ")
    assert str(got.sections["1"][0].source).startswith("Word 正文 第 ")


def test_not_a_word_document(tmp_path):
    z = tmp_path / "x.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as f:
        f.writestr("hello.txt", "hi")
    z.write_bytes(buf.getvalue())
    with pytest.raises(InputError) as e:
        load(z)
    assert "word/document.xml" in e.value.message
    bad = tmp_path / "y.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(InputError) as e:
        load(bad)
    assert e.value.code == "import-corrupt"


def test_external_entities_are_not_resolved(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as f:
        f.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>',
        )
    doc = read(buf.getvalue(), tmp_path / "z.docx")
    assert all("root:" not in p.text for p in doc.paras)
