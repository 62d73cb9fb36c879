"""No published page, Word document or PDF, however damaged, makes importing or checking it fail
other than with a ``DisclosureError`` (exit 2, one Chinese line): mutations of the kinds fuzzing
found failures with (truncation, markup cut out or repeated, merges of any size, stray bytes,
charset declarations; in a PDF references to itself, huge numbers, nesting, filters) applied to a
real page, to our own Word document and to small PDFs. The failures found each have their own
fixture and test; this keeps the whole class closed."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _fuzz import edit
from conftest import FIXTURES, SAMPLES
from disclosure_cli.checks import check_report
from disclosure_cli.errors import DisclosureError
from disclosure_cli.reader import load
from disclosure_cli.render import document
from disclosure_cli.render.docx import render_docx

PAGE = (FIXTURES / "published" / "real" / "pt-hzs-2025.html").read_bytes()  # 42 KB, a real report body
DOCX = render_docx(document(load(SAMPLES / "zhujie-2020.json")))

_INSERTS = [
    b"\x00", b"\xff\xfe", b"\x80", b"&#xD800;", b"&#0;", b"&#99999999;", b"<table>", b"</td></tr>",
    b' rowspan="0"', b' colspan="100000"', b' rowspan="-3"', b' colspan="x"', b"<div>" * 300,
    b'<meta charset="base64">', b'<meta charset="utf-16">', b"<![CDATA[", b"<!--", b"\xe4\xb8",
]


@st.composite
def mutated(draw, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        n = len(out)
        at = draw(st.integers(0, min(n, 400)) | st.integers(0, n))  # often in the head (<meta charset>)
        kind = draw(st.sampled_from(["cut", "drop", "repeat", "insert", "flip", "charset"]))
        if kind == "charset":  # the page's declared charset, named as pages and Python name things
            k = out.rfind(b'charset="')
            if k >= 0:
                end = out.find(b'"', k + 9)
                out[k + 9:end] = draw(st.sampled_from([b"base64", b"rot13", b"zlib", b"utf-16", b"utf-32", b"undefined", b"idna", b"gbk", b"x-unknown"]))
        else:
            edit(draw, out, kind, at, _INSERTS)
    return bytes(out)


def _read_and_check(path) -> None:
    try:
        report = load(path)
    except DisclosureError:
        return
    check_report(report)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=mutated(PAGE))
def test_a_damaged_page_is_read_or_refused(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("page") / "report.html"
    path.write_bytes(data)
    _read_and_check(path)
    assert path.read_bytes() == data  # the input is never modified


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(xml=mutated(zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml")), whole=st.booleans())
def test_a_damaged_word_document_is_read_or_refused(tmp_path_factory, xml, whole):
    """Its document.xml mutated (gridSpan/vMerge values, cut markup) inside an intact package —
    or, with ``whole``, the package's own bytes mutated the same way."""
    out = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(DOCX))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            z.writestr(name, xml if name == "word/document.xml" else src.read(name))
    data = out.getvalue()
    if whole:
        data = data[: len(data) // 2] + bytes(b ^ 0x5A for b in data[len(data) // 2 : len(data) // 2 + 64]) + data[len(data) // 2 + 64 :]
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    path.write_bytes(data)
    _read_and_check(path)


def _pdfs() -> list[bytes]:
    """Small PDFs of the kinds fuzzing found failures in: plain, deflated, a page drawing forms,
    cross-references in a stream, a Chinese font with its character map."""
    from test_import_pdf import deflated, form, make_pdf, with_forms, with_xref_stream

    text = "BT /F1 12 Tf 72 720 Td (2024 report) Tj ET".encode()
    cmap = (b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <4E2D> <0002> <6587> endbfchar "
            b"1 beginbfrange <0010> <0020> <4E00> endbfrange endcmap")
    return [
        make_pdf(),
        deflated(text + b" 0 0 m 100 100 l S"),
        with_forms(b"/Fm0 Do " + text, form(b"BT /F1 10 Tf 72 700 Td (form) Tj ET", b"/Resources << /Font << /F1 5 0 R >> >>")),
        with_xref_stream(make_pdf()),
        make_pdf(
            content=b"BT /F1 12 Tf 72 720 Td <00010002> Tj ET",
            font=b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            extra=(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                   b"/Supplement 0 >> /W [1 [500 600] 10 20 1000] >>",
                   b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"),
        ),
    ]


PDFS = _pdfs()
_PDF_INSERTS = [
    b"\x00", b"[" * 300, b"<< /a " * 100, b"(" * 100, b" 6 0 R", b" 1 0 R", b" 3 0 R", b"99999999999", b"-1", b"1e308", b"/x",
    b" R ", b"endobj", b"obj", b"stream\n", b"endstream", b"xref", b"trailer", b"startxref", b"%%EOF", b"/Filter /LZWDecode",
    b"/Filter /RunLengthDecode", b"/Filter /CCITTFaxDecode", b"/DecodeParms << /Predictor 15 /Columns 99999 >>", b"<>", b"<<>>",
    b"<00000000> <FFFFFFFF>", b"[0 4000000000 500]", b"/Count 99999999", b"/Kids [2 0 R]", b"/Parent 3 0 R", b" q" * 200,
    b"/Fm0 Do " * 50, b"BI /W 1 /H 1 ID x EI", b"\r", b"#", b"\\",
]


@st.composite
def pdf_mutated(draw) -> bytes:
    out = bytearray(draw(st.sampled_from(PDFS)))
    for _ in range(draw(st.integers(1, 4))):
        n = len(out)
        at = draw(st.integers(0, n))
        kind = draw(st.sampled_from(["cut", "drop", "repeat", "insert", "insert", "flip", "number"]))
        if kind == "number":  # a number of a dictionary, an offset or an operand: another
            import re

            numbers = list(re.finditer(rb"\d+", out))
            if numbers:
                m = numbers[draw(st.integers(0, len(numbers) - 1))]
                out[m.start():m.end()] = draw(st.sampled_from([b"0", b"-1", b"7", b"4294967296", b"99999999999", b"1.5", b"/x"]))
        else:
            edit(draw, out, kind, at, _PDF_INSERTS, span=200, repeats=20)
    return bytes(out)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=pdf_mutated())
def test_a_damaged_pdf_ends_in_a_report_or_an_input_error(tmp_path_factory, data):
    """A small PDF of each kind damaged the ways fuzzing found failures with (references to itself,
    huge or negative numbers, nesting, filters, ranges of codes, cut and repeated bytes)."""
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(data)
    _read_and_check(path)
