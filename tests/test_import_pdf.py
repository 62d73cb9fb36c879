"""PDF files that pdfminer cannot read past their first page or their page list: refused with one
Chinese line (exit 2, nothing written), never an internal error. The PDFs are made here, a few
hundred bytes each: one page of text in a standard font, then damaged the way fuzzing found
(each was an exception out of pdfplumber, exit 3)."""

from __future__ import annotations

from pathlib import Path

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
    # a MediaBox that is an empty dictionary (pdfplumber: KeyError, was exit 3; found by fuzzing)
    "dict-mediabox": (dict(mediabox=b"<< >>"), "页面目录无法读取（KeyError）"),
    # a MediaBox inside 600 arrays (pdfplumber's recursion: RecursionError, was exit 3)
    "deep-mediabox": (dict(mediabox=b"[" * 600 + b"0 0 595 842" + b"]" * 600), "页面目录无法读取（RecursionError）"),
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


def lzw_zeros(size: int) -> bytes:
    """LZWDecode data (PDF's, codes of 9 to 12 bits changing one code early) for ``size`` zero
    bytes or a little more: each code after the first is the run before it plus one zero, so a
    table of 3,800 codes (about 5 KB) holds 7 MB."""
    bits, nbits, out = [], 9, 0

    def put(code: int) -> None:
        bits.append(format(code, f"0{nbits}b"))

    while out < size:
        put(256)  # clear the table (in the width of the codes before it)
        nbits = 9
        put(0)
        out += 1
        table = 258
        while table < 4000 and out < size:
            put(table)  # the run one longer than the last: the code about to be made
            out += table - 256
            table += 1
            nbits = 10 if table >= 511 else nbits
            nbits = 11 if table >= 1023 else nbits
            nbits = 12 if table >= 2047 else nbits
    put(257)
    stream = "".join(bits)
    stream += "0" * (-len(stream) % 8)
    return int(stream, 2).to_bytes(len(stream) // 8, "big")


def packed_page(data: bytes, filters: bytes) -> bytes:
    """``make_pdf`` whose page's drawing instructions are ``data`` under ``filters``."""
    plain = make_pdf(content=b"X")
    return plain.replace(b"<< /Length 1 >>\nstream\nX", b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data)


def test_lzw_data_unpacks_as_pdfminer_unpacks_it():
    from pdfminer.lzw import lzwdecode

    assert lzwdecode(lzw_zeros(10_000_000)) == bytes(len(lzwdecode(lzw_zeros(10_000_000))))
    assert 10_000_000 <= len(lzwdecode(lzw_zeros(10_000_000))) < 10_010_000


def form(content: bytes, resources: bytes = b"") -> bytes:
    return b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] %s /Length %d >>\nstream\n" % (resources, len(content)) + content + b"\nendstream"


def with_forms(content: bytes, *forms: bytes) -> bytes:
    """``make_pdf`` whose page may draw the form 6 0 R as /Fm0 (and the forms after it, 7 0 R …)."""
    return make_pdf(content=content, extra=forms).replace(
        b"/Resources << /Font << /F1 5 0 R >> >>", b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>",
    )


def hex_deflated(content: bytes) -> bytes:
    import binascii
    import zlib

    return binascii.hexlify(zlib.compress(content, 9)) + b">"


@pytest.mark.parametrize("pdf, words", [
    # 40 MB of LZW data in 33 KB (pdfminer unpacks it whole)
    (lambda: packed_page(lzw_zeros(40_000_000), b"/LZWDecode"), "压缩数据解压后超过 32 MB"),
    # LZW data whose first code after clearing the table is none there (pdfminer: IndexError, was exit 3)
    (lambda: packed_page(int("100000000" "100101100" "000000", 2).to_bytes(3, "big"), b"/LZWDecode"), "第 1 页无法读取（IndexError）"),
    # deflate data inside hex: 400 MB in 1.2 MB (was: 860 MB of memory before the page was refused)
    (lambda: packed_page(hex_deflated(b"0 0 m " * 70_000_000), b"[/ASCIIHexDecode /FlateDecode]"), "压缩数据解压后超过 32 MB"),
    # run-length data unpacking 64 times its size
    (lambda: packed_page(b"\x81\x00" * 300_000, b"/RunLengthDecode"), "压缩数据解压后超过 32 MB"),
    # forms each drawing the next 60 times: 216,000 characters from 3 KB (was: 19 s, 530 MB)
    (lambda: with_forms(
        b"/Fm0 Do",
        form(b"/Fm1 Do " * 60, b"/Resources << /XObject << /Fm1 7 0 R >> >>"),
        form(b"/Fm2 Do " * 60, b"/Resources << /XObject << /Fm2 8 0 R >> >>"),
        form(b"BT /F1 12 Tf " + b"72 720 Td (x) Tj " * 60 + b"ET", b"/Resources << /Font << /F1 5 0 R >> >>"),
    ), "第 1 页的绘制内容有 3670 KB，超过每页上限 1024 KB"),
])
def test_a_pdf_that_unpacks_or_draws_without_bound_is_refused_at_once(pdf, words, tmp_path):
    import time

    path = tmp_path / "report.pdf"
    path.write_bytes(pdf())
    started = time.monotonic()
    res = CliRunner().invoke(app, ["import", str(path), "-o", str(tmp_path / "out.json")])
    assert res.exit_code == 2 and words in res.stderr and res.stderr.count("\n") == 1, res.stderr
    assert not (tmp_path / "out.json").exists() and time.monotonic() - started < 5


def test_a_form_that_draws_itself_is_read_without_a_word_from_pdfminer(tmp_path):
    """pdfminer refuses to draw a form within itself, and says so in English on standard error
    (beside our one Chinese line) unless its log is kept. A process of its own: pytest's log
    capture would hide the line."""
    import subprocess
    import sys

    path = tmp_path / "report.pdf"
    path.write_bytes(with_forms(
        b"/Fm0 Do BT /F1 12 Tf 72 720 Td (2024 report) Tj ET", form(b"/Fm0 Do", b"/Resources << /XObject << /Fm0 6 0 R >> >>"),
    ))
    assert [p.text for p in read(path.read_bytes(), path).paras] == ["2024 report"]
    res = subprocess.run(
        [sys.executable, "-m", "disclosure_cli", "import", str(path), "-o", str(tmp_path / "out.json")],
        capture_output=True, text=True, timeout=60,
    )
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "Refusing" not in res.stderr, res.stderr
    assert "找不到报告年度" in res.stderr


def test_forms_a_page_draws_are_read_within_bounds():
    """A form the page draws is read, its text with the page's."""
    pdf = with_forms(
        b"/Fm0 Do", form(b"BT /F1 12 Tf 72 700 Td (in the form) Tj ET", b"/Resources << /Font << /F1 5 0 R >> >>"),
    )
    assert "in the form" in " ".join(p.text for p in read(pdf, "x.pdf").paras)


def read_in_a_process(pdf: bytes, tmp_path, seconds: float = 5):
    """``disclosure import`` of ``pdf`` in a process of its own, given ``seconds`` and 1 GB: a
    PDF that would hang pdfminer, or fill the memory, fails the test instead of the test run.
    (returncode, standard error, the most memory it held in MB)"""
    import os
    import resource
    import subprocess
    import sys
    import time

    import disclosure_cli

    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    env = {**os.environ, "PYTHONPATH": str(Path(disclosure_cli.__file__).parent.parent)}

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    with open(tmp_path / "stderr", "w+") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "disclosure_cli", "import", str(path), "-o", str(tmp_path / "out.json")],
            stdout=subprocess.DEVNULL, stderr=err, env=env, preexec_fn=limit,
        )
        ends = time.monotonic() + seconds + 3  # + the start of Python
        while not (ended := os.wait4(proc.pid, os.WNOHANG))[0]:  # its own figures, not its siblings'
            if time.monotonic() > ends:
                proc.kill()
                proc.wait()
                pytest.fail(f"not refused in {seconds} s")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(ended[1])
        err.seek(0)
        stderr = err.read()
    assert not (tmp_path / "out.json").exists()
    return proc.returncode, stderr, ended[2].ru_maxrss // 1024


def with_xref_stream(pdf: bytes, index: bytes = b"", filters: bytes = b"", pack=lambda rows: rows, rows=None) -> bytes:
    """``pdf`` (made by ``make_pdf``) with its cross-reference table as a stream (PDF 1.5), its
    /Index (which objects the table lists) replaced by ``index`` when given, its data ``pack``-ed
    under /Filter ``filters`` (``rows``: each object's (type, field 2, field 3), if not the table's)."""
    import re
    import struct

    start = pdf.rindex(b"\nxref\n") + 1
    entries = rows or [(1, int(o), 0) for o in re.findall(rb"(\d{10}) 00000 n", pdf[start:])]
    n = len(entries) + 1
    data = pack(b"".join(struct.pack(">BIH", *e) for e in [(0, 0, 65535), *entries, (1, start, 0)]))  # the last: this stream
    out = pdf[:start] + b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] %s /Root 1 0 R %s /Length %d >>\nstream\n" % (
        n, n + 1, index, b"/Filter " + filters if filters else b"", len(data)) + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start
    return out.replace(b"%PDF-1.4", b"%PDF-1.5")


def with_catalog_in_object_stream(pdf: bytes, before: bytes, encrypted: bool = False) -> bytes:
    """``pdf`` (made by ``make_pdf``) whose catalog is the one object of a deflated object stream
    (6 0 R), ``before`` it in the stream's data, cross-referenced by a stream; ``encrypted``: the
    file encrypted (RC4, 128 bits) with the empty password, the object stream too (7 0 R: the
    encryption's dictionary)."""
    import re
    import zlib

    start = pdf.rindex(b"\nxref\n") + 1
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf[start:])]
    head = b"1 %d " % (len(before) + 1)
    data = zlib.compress(head + before + b" << /Type /Catalog /Pages 2 0 R >>", 9)
    trailer = b""
    more = b""
    if encrypted:
        from pdfminer.pdfdocument import PDFStandardSecurityHandler
        from pdfminer.psparser import LIT

        ids = [b"0123456789abcdef"] * 2
        param = {"Filter": LIT("Standard"), "V": 2, "R": 3, "Length": 128, "P": -4, "O": bytes(32), "U": bytes(32)}
        unchecked = PDFStandardSecurityHandler.__new__(PDFStandardSecurityHandler)
        unchecked.docid, unchecked.param = ids, param
        unchecked.init_params()
        param["U"] = unchecked.compute_u(unchecked.compute_encryption_key(b""))  # what the empty password opens
        rc4 = PDFStandardSecurityHandler(ids, param, "").decrypt  # RC4: the same both ways
        data = rc4(6, 0, data)
        at = pdf.index(b"stream\n", pdf.index(b"4 0 obj")) + len(b"stream\n")
        end = pdf.index(b"\nendstream", at)
        pdf = pdf[:at] + rc4(4, 0, pdf[at:end]) + pdf[end:]  # the page's drawing, of the same length
        more = b"7 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <%s> /U <%s> >>\nendobj\n" % (
            bytes(32).hex().encode(), param["U"].hex().encode())
        trailer = b"/Encrypt 7 0 R /ID [<%s> <%s>]" % (ids[0].hex().encode(), ids[1].hex().encode())
    stream = b"6 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (len(head), len(data))
    stream += data + b"\nendstream\nendobj\n"
    rows = [(2, 6, 0), *((1, o, 0) for o in offsets[1:]), (1, start, 0)]
    if encrypted:
        rows.append((1, start + len(stream), 0))
    return with_xref_stream(pdf[:start] + stream + more + b"xref\n", index=trailer, rows=rows).replace(b"\nxref\n", b"\n", 1)


HANGS = {
    # an object that is only a reference to itself, drawn by the page (pdfminer followed it for ever)
    "self-reference": (lambda: make_pdf(extra=(b"6 0 R",)).replace(b"/Contents 4 0 R", b"/Contents [4 0 R 6 0 R]"),
                       "import-corrupt", "对象 6 经由引用指回自身（6 → 6）"),
    # two objects referring to each other, as the page's resources
    "reference-loop": (lambda: make_pdf(extra=(b"7 0 R", b"6 0 R")).replace(
        b"/Resources << /Font << /F1 5 0 R >> >>", b"/Resources 6 0 R"), "import-corrupt", "对象 6 经由引用指回自身（6 → 7 → 6）"),
    # an xref stream whose /Index lists four billion objects (pdfminer looked each up: hours)
    "xref-index": (lambda: with_xref_stream(make_pdf(), b"/Index [0 4000000000]"), "import-too-large", "列出超过 200000 个对象"),
    # a font map of 1.1 MB for a font only a form uses (only the page's fonts were measured)
    "form-font-map": (lambda: with_forms(
        b"/Fm0 Do", form(b"BT /F2 12 Tf (x) Tj ET", b"/Resources << /Font << /F2 7 0 R >> >>"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>", deflated_stream(bfchars(30_000)),
    ), "import-too-large", "字符映射表有 1113 KB，超过上限 1024 KB"),
    # a font written out in a form's resources, made again each of the 60 times the form is
    # drawn: its 74 KB map parsed 60 times (was: over a minute)
    "font-made-60-times": (lambda: with_forms(
        b"/Fm0 Do " * 60,
        form(b"BT /F2 12 Tf (x) Tj ET", b"/Resources << /Font << /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >> >> >>"),
        deflated_stream(bfchars(2_000)),
    ), "import-too-large", "字符映射表累计超过 4 MB"),
    # a font map of one range, <00000000> to <FFFFFFFF>: four billion entries (was: GBs, hours)
    "map-range": (lambda: make_pdf(
        font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        extra=(stream(b"begincmap 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange "
                      b"1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange endcmap"),),
    ), "import-too-large", "定义的字符编码累计超过 1000000 个"),
    # a CID font whose widths (/W) give codes 0 to four billion one width (was: 1.4 GB)
    "width-range": (lambda: cid_font(b"/W [0 4000000000 500]"), "import-too-large", "定义的字符编码累计超过 1000000 个"),
    # a TrueType program whose cmap maps codes 0 to FFFFFFFF in one group (no ToUnicode: pdfminer
    # reads the cmap; was: 1.1 GB)
    "truetype-cmap": (lambda: cid_font(b"/FontDescriptor 7 0 R", truetype_cmap12(0, 0xFFFFFFFF)), "import-too-large",
                      "定义的字符编码累计超过 1000000 个"),
    # one string of a million characters in 1.5 KB (was: 1.2 GB and minutes)
    "one-long-string": (lambda: deflated(b"BT /F1 1 Tf 72 720 Td (" + b"x" * 1_000_000 + b") Tj ET"), "import-too-large",
                        "第 1 页要绘制约 1000000 个字符，超过每页上限 20000 个"),
    # a TrueType program of 4 MB under a Paeth predictor, which pdfminer undoes a byte at a time
    # (1 µs a byte; 32 MB of it took 33 s)
    "paeth-program": (lambda: cid_font(b"/FontDescriptor 7 0 R", None, deflated_stream(
        (b"\x04" + b"\x01" * 999) * 4_000, b"/DecodeParms << /Predictor 12 /Columns 999 >>")), "import-too-large",
        "要逐字节解压，估计要 4 秒"),
    # a TrueType program whose deflate data is cut short (by 20 bytes of 100 KB): pdfminer retries
    # it a byte at a time, copying all it has made each time (as fuzzing found; was: over a minute)
    "cut-deflate": (lambda: cid_font(b"/FontDescriptor 7 0 R", None, stream(
        __import__("zlib").compress(b"".join(__import__("random").Random(n).randbytes(1000) + bytes(10_000) for n in range(100)))[:-20],
        b"/Filter /FlateDecode",
    )), "import-corrupt", "的压缩数据残缺，逐字节修复估计要 8 秒"),
    # 600,000 empty lines, the cross-references lost: pdfminer reads the file line by line, 17 µs
    # each (was: 10 s)
    "empty-lines": (lambda: make_pdf().replace(b"%PDF-1.4\n", b"%PDF-1.4\n" + b"\n" * 600_000), "import-too-large", "PDF 有 600032 行，超过上限 256005 行"),
    # 20 MB of “[” deflated to 20 KB before the catalog in its object stream: pdfminer parses
    # the whole stream as it opens the file (was: minutes)
    "object-stream-tokens": (lambda: with_catalog_in_object_stream(make_pdf(), b"[" * 20_000_000), "import-too-large",
                             "对象数据超过 150000 个记号"),
    # 225,000 tokens after a name ending in “stream” (as fuzzing found): they were taken for a
    # stream's data and not counted, and pdfminer parsed them (three times there: 5 s)
    "name-ending-stream": (lambda: make_pdf(extra=(b"<< /a /xstream\n" + b"<< /a [ " * 75_000 + b">>", stream(b"x"))),
                           "import-too-large", "对象数据超过 150000 个记号"),
    # the cross-reference stream as hex of deflate data of 300 MB (600 KB): unpacked whole as the
    # file was opened (660 MB) before it was measured
    "hex-deflate-xref": (lambda: with_xref_stream(make_pdf(), filters=b"[/AHx /Fl]", pack=lambda rows: hex_deflated(rows + bytes(300_000_000))),
                         "import-too-large", "压缩数据解压后超过 32 MB"),
    # an encrypted file (the empty password) whose catalog's object stream unpacks to 100 MB of
    # spaces (100 KB): unpacked, decrypted, as the file was opened (200 MB, then refused as a scan)
    "encrypted-object-stream": (lambda: with_catalog_in_object_stream(make_pdf(), b" " * 100_000_000, encrypted=True),
                                "import-too-large", "压缩数据解压后超过 32 MB"),
    # a page drawn by 64 bytes of CCITT fax data, 64 rows of 65,536 white dots, which pdfminer
    # decodes in Python (was: 31 s)
    "fax-content": (lambda: packed_page(b"\xff" * 64, b"/CCITTFaxDecode /DecodeParms << /K -1 /Columns 65536 >>"), "import-corrupt",
                    "对象 4 是文字或字体数据，却用图像的压缩方式保存"),
}


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (entries, len(data)) + data + b"\nendstream"


def deflated_stream(data: bytes, entries: bytes = b"") -> bytes:
    import zlib

    return stream(zlib.compress(data, 9), b"/Filter /FlateDecode " + entries)


def bfchars(n: int) -> bytes:
    """A character map of ``n`` one-entry blocks (38 bytes each)."""
    return b"begincmap\n" + b"1 beginbfchar <0001> <4E00> endbfchar\n" * n + b"endcmap\n"


def truetype_cmap12(first: int, last: int) -> bytes:
    """A TrueType program of one table, a cmap mapping codes ``first`` to ``last`` in one group."""
    import struct

    sub = struct.pack(">HHIII", 12, 0, 28, 0, 1) + struct.pack(">III", first, last, 1)
    cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHL", 3, 10, 12) + sub
    return b"\0\1\0\0" + struct.pack(">HHHH", 1, 16, 0, 0) + struct.pack(">4sLLL", b"cmap", 0, 28, len(cmap)) + cmap


def cid_font(entries: bytes, program: bytes | None = None, program_stream: bytes | None = None) -> bytes:
    """``make_pdf`` whose font is a Type0 font (6 0 R its CID font, with ``entries``; 7 0 R its
    descriptor, 8 0 R its TrueType program)."""
    return make_pdf(
        content=b"BT /F1 12 Tf 72 720 Td <00010002> Tj ET",
        font=b"<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        extra=(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> %s >>" % entries,
            b"<< /Type /FontDescriptor /FontName /T /Flags 4 /FontBBox [0 0 1000 1000] /Ascent 900 /Descent -100 /FontFile2 8 0 R >>",
            program_stream or stream(program or b""),
        ),
    )


def test_the_xref_stream_pdf_is_read():
    assert [p.text for p in read(with_xref_stream(make_pdf()), "x.pdf").paras] == ["2024 report"]
    assert [p.text for p in read(with_catalog_in_object_stream(make_pdf(), b""), "x.pdf").paras] == ["2024 report"]
    # encrypted, as many published reports are (an owner's password, the empty one to open)
    assert [p.text for p in read(with_catalog_in_object_stream(make_pdf(), b"", encrypted=True), "x.pdf").paras] == ["2024 report"]


@pytest.mark.parametrize("how", HANGS)
def test_a_pdf_that_would_hang_pdfminer_is_refused_at_once(how, tmp_path):
    make, code, words = HANGS[how]
    pdf = make()
    assert len(pdf) < {"cut-deflate": 128, "empty-lines": 800, "hex-deflate-xref": 800, "encrypted-object-stream": 128, "name-ending-stream": 800}.get(how, 32) * 1024
    returncode, stderr, megabytes = read_in_a_process(pdf, tmp_path)
    assert returncode == 2 and words in stderr and stderr.count("\n") == 1, stderr
    assert megabytes < 300
    with pytest.raises(InputError) as e:  # in time, as the process was
        read(pdf, "report.pdf")
    assert e.value.code == code


def test_objects_placed_in_a_long_run_of_tokens_are_given_up_at_once(tmp_path):
    """Twenty objects the cross-references place inside 100,000 “[” (not at their “7 0 obj”):
    pdfminer looked for each, token by token, each time it was asked for it (as fuzzing found
    four in 200,000: 15 s; these: 12 s); now each is missing, and the page is read."""
    import re

    pdf = make_pdf(extra=(b"[" * 100_000, *[b"null"] * 20))
    at = pdf.index(b"6 0 obj") + 1000
    table = pdf.rindex(b"\nxref\n")
    offsets = list(re.finditer(rb"(\d{10}) 00000 n", pdf[table:]))
    for m in offsets[6:]:  # objects 7 to 26
        pdf = pdf[:table + m.start()] + b"%010d" % at + pdf[table + m.end(1):]
    returncode, stderr, _ = read_in_a_process(pdf, tmp_path)
    assert returncode == 2 and "找不到报告年度" in stderr, stderr


def test_an_object_placed_past_any_file_is_missing():
    """The page list placed at offset 2⁶⁴ (fuzzing: an OverflowError in our own look for its
    “2 0 obj”, exit 3): pdfminer finds it as it finds one placed wrongly, and the page is read."""
    import re

    pdf = make_pdf()
    entry = list(re.finditer(rb"\d{10} 00000 n", pdf))[1]
    pdf = pdf[:entry.start()] + b"18446744073709551616" + pdf[entry.start() + 10:]
    assert [p.text for p in read(pdf, "x.pdf").paras] == ["2024 report"]
