"""No published page or Word document, however damaged, makes importing or checking it fail
other than with a ``DisclosureError`` (exit 2, one Chinese line): mutations of the kinds fuzzing
found failures with (truncation, markup cut out or repeated, merges of any size, stray bytes,
charset declarations) applied to a real page and to our own Word document. The failures found
each have their own fixture and test; this keeps the whole class closed."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
        elif kind == "cut":
            del out[at:]
        elif kind == "drop":
            del out[at:at + draw(st.integers(1, 2000))]
        elif kind == "repeat":
            out[at:at] = out[at:at + draw(st.integers(1, 2000))]
        elif kind == "insert":
            out[at:at] = draw(st.sampled_from(_INSERTS))
        elif n:
            i = min(at, n - 1)
            out[i] ^= draw(st.integers(1, 255))
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
