"""PDF files that pdfminer cannot read past their first page or their page list: refused with one
Chinese line (exit 2, nothing written), never an internal error. The PDFs are made here, a few
hundred bytes each: one page of text in a standard font, then damaged the way fuzzing found
(each was an exception out of pdfplumber, exit 3)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from disclosure_cli.cli import app
from disclosure_cli.errors import InputError
from disclosure_cli.importers.pdf import read


def make_pdf(
    content: bytes = b"BT /F1 12 Tf 72 720 Td (2024 report) Tj ET", mediabox: bytes = b"[0 0 595 842]", kids: bytes = b"[3 0 R]",
    font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", extra: tuple[bytes, ...] = (),
) -> bytes:
    """A one-page PDF (correct offsets) whose page draws ``content`` in ``font`` (objects
    ``extra`` follow as 6 0 obj, …)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_the_base_pdf_is_read():
    doc = read(make_pdf(), "x.pdf")
    assert [p.text for p in doc.paras] == ["2024 report"]


DAMAGED = {
    # the page's MediaBox has six entries, one a name (pdfplumber: MalformedPDFException)
    "mediabox": (dict(mediabox=b"[0 0 595 /x 1 842]"), "页面目录无法读取（MalformedPDFException）"),
    # the page has no MediaBox, or one of three numbers, or a Rotate that is a name (pdfplumber's
    # own code: TypeError, IndexError)
    "no-mediabox": (dict(mediabox=b"null"), "页面目录无法读取（TypeError）"),
    "short-mediabox": (dict(mediabox=b"[0 0 595]"), "页面目录无法读取（IndexError）"),
    "rotate": (dict(mediabox=b"[0 0 595 842] /Rotate /x"), "页面目录无法读取（TypeError）"),
    # the page's drawing instructions hold a dictionary that does not close (pdfminer: PSSyntaxError)
    "content": (dict(content=b"BT /F1 12 Tf 72 720 Td << /a 1 /b >> Tj ET"), "第 1 页无法读取（PSSyntaxError）"),
}


@pytest.mark.parametrize("how", DAMAGED)
def test_a_damaged_pdf_is_refused_with_the_page(how, tmp_path):
    kwargs, words = DAMAGED[how]
    pdf = tmp_path / "in" / "report.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(make_pdf(**kwargs))
    with pytest.raises(InputError) as e:
        read(pdf.read_bytes(), pdf)
    assert e.value.code == "import-corrupt" and "PDF 已损坏" in e.value.message and words in e.value.message
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["import", str(pdf), "-o", str(out)])
    assert res.exit_code == 2 and words in res.stderr and res.stderr.count("\n") == 1
    assert not out.exists()


def deflated(content: bytes) -> bytes:
    """``make_pdf`` with its page's drawing deflated (a few KB for MBs)."""
    import zlib

    packed = zlib.compress(content, 9)
    plain = make_pdf(content=b"X")
    return plain.replace(b"<< /Length 1 >>\nstream\nX", b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed)


def test_a_deflated_pdf_reads_as_plain():
    assert [p.text for p in read(deflated(b"BT /F1 12 Tf 72 720 Td (2024 report) Tj ET"), "x.pdf").paras] == ["2024 report"]


@pytest.mark.parametrize("content, words", [
    # a stream of 36 MB deflated into 35 KB (was: pdfminer unpacked and parsed it, minutes and GBs)
    (b"0 0 m " * 6_000_000, "压缩数据解压后超过 32 MB"),
    # a page drawing 200 000 characters in 3 MB (8 KB deflated; was: 22 s in pdfminer)
    (b"BT /F1 12 Tf " + b"72 720 Td (x) Tj " * 200_000 + b"ET", "第 1 页的绘制内容有 3320 KB，超过每页上限 1024 KB"),
])
def test_a_pdf_that_would_take_minutes_is_refused_at_once(content, words, tmp_path):
    import time

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(deflated(content))
    assert pdf.stat().st_size < 64 * 1024
    started = time.monotonic()
    res = CliRunner().invoke(app, ["import", str(pdf), "-o", str(tmp_path / "out.json")])
    assert res.exit_code == 2 and words in res.stderr and not (tmp_path / "out.json").exists()
    assert time.monotonic() - started < 5


def test_a_font_map_that_would_take_minutes_is_refused_at_once(tmp_path):
    """A font whose ToUnicode map unpacks to about 3 MB (fuzzing: over 10 s in pdfminer's CMap parser)."""
    import time
    import zlib

    cmap = b"begincmap\n" + b"1 beginbfchar <0001> <4E00> endbfchar\n" * 80_000 + b"endcmap\n"
    packed = zlib.compress(cmap, 9)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(
        font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        extra=(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",),
    ))
    started = time.monotonic()
    res = CliRunner().invoke(app, ["import", str(pdf), "-o", str(tmp_path / "out.json")])
    assert res.exit_code == 2 and "第 1 页所用字体的字符映射表有 2968 KB，超过上限 1024 KB" in res.stderr
    assert not (tmp_path / "out.json").exists() and time.monotonic() - started < 5
