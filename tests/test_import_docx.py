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


def _damaged(how: str) -> bytes:
    """A small .docx whose word/document.xml cannot be unpacked: ``how`` it was damaged (found
    by fuzzing; each was an internal error, exit 3, from zipfile or zlib)."""
    import struct

    body = "".join(f"<w:p><w:r><w:t>第{i}段：政府信息公开工作年度报告</w:t></w:r></w:p>" for i in range(200))
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as f:
        f.writestr("word/document.xml", xml)
    data = bytearray(buf.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    local, central = info.header_offset, bytes(data).index(b"PK\x01\x02")
    start = local + 30 + len(info.filename) + len(info.extra)
    if how == "bad-deflate":  # the compressed bytes scrambled
        data[start + 2: start + 12] = b"\xff" * 10
    elif how == "bad-crc":  # the checksum does not match the bytes
        data[local + 14: local + 18] = data[central + 16: central + 20] = b"\0\0\0\0"
    elif how == "method":  # a compression method zipfile does not have (97: WavPack)
        data[local + 8: local + 10] = data[central + 10: central + 12] = struct.pack("<H", 97)
    elif how == "encrypted":  # the "encrypted" flag of the member
        data[local + 6: local + 8] = data[central + 8: central + 10] = struct.pack("<H", 1)
    return bytes(data)


@pytest.mark.parametrize("how, words", [
    ("bad-deflate", "word/document.xml 无法解压"), ("bad-crc", "word/document.xml 无法解压"),
    ("method", "不支持的压缩方式（97）"), ("encrypted", "word/document.xml 已加密"),
])
def test_a_member_that_cannot_be_unpacked_is_refused(how, words, tmp_path):
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    page = tmp_path / "in" / "report.docx"
    page.parent.mkdir()
    page.write_bytes(_damaged(how))
    with pytest.raises(InputError) as e:
        load(page)
    assert e.value.code == "import-corrupt" and words in e.value.message
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["import", str(page), "-o", str(out)])
    assert res.exit_code == 2 and words in res.stderr and not out.exists()


def test_damaged_document_properties_do_not_stop_the_report(tmp_path):
    """docProps/core.xml gives only a title (the body has its own): a document whose properties
    are not XML is still read, with the same cells as an intact one."""
    data = render_docx(document(load(SAMPLES / "huaian-2024.json")))
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in zin.namelist():
            z.writestr(n, b"<cp:coreProperties><broken" if n == "docProps/core.xml" else zin.read(n))
    path = tmp_path / "r.docx"
    path.write_bytes(out.getvalue())
    got, want = load(path), load(SAMPLES / "huaian-2024.json")
    assert (got.org, got.year) == (want.org, want.year)
    assert [k for k, c in want.cells.items() if got.cells[k].value != c.value] == []
