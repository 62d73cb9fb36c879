"""``disclosure build --to pdf``: the Word document converted by LibreOffice (render/pdf.py).

Without LibreOffice: one Chinese message and exit 2 before any input is read; a conversion that
hangs is ended after its time limit. With it (realclient): PDFs beside the other outputs, under
--jobs, marked as drafts, recorded for incremental builds, and replaced without --force only
when an earlier build of the same input wrote them."""

from __future__ import annotations

import hashlib
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, need_tool
from disclosure_cli.build import stamp
from disclosure_cli.build.stamp import Origin
from disclosure_cli.render import pdf as P


@pytest.fixture
def work(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("zhujie-2020.json", "huaian-2024.json"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_without_libreoffice_pdf_is_refused_with_exit_2(cli, work, monkeypatch):
    before = _digests(work)
    monkeypatch.setenv("DISCLOSURE_SOFFICE", str(work / "no-such-soffice"))
    r = cli("build", work, "--to", "docx,pdf", "-o", work / "out")
    assert r.exit_code == 2
    assert "LibreOffice" in r.output and "生成 PDF 需要 LibreOffice" in r.output
    assert not (work / "out").exists()  # nothing written, not even the Word documents
    assert _digests(work) == before


def test_soffice_not_on_the_path(monkeypatch, tmp_path):
    monkeypatch.delenv("DISCLOSURE_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(P, "_KNOWN_PLACES", ())
    with pytest.raises(P.ConverterError) as e:
        P.soffice()
    assert e.value.exit_code == 2 and e.value.code == "pdf-no-libreoffice"
    assert "apt-get install libreoffice-writer-nogui" in e.value.message


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_a_hanging_conversion_is_ended_after_the_time_limit(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("DISCLOSURE_SOFFICE", str(fake))
    t0 = time.monotonic()
    with pytest.raises(P.ConverterError) as e:
        P.docx_to_pdf(b"PK", timeout=1)
    assert time.monotonic() - t0 < 15
    assert e.value.code == "pdf-timeout" and "1 秒内没有完成" in e.value.message


def test_a_failed_conversion_is_a_clear_error(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("DISCLOSURE_SOFFICE", str(fake))
    with pytest.raises(P.ConverterError) as e:
        P.docx_to_pdf(b"PK")
    assert e.value.code == "pdf-failed" and "source file could not be loaded" in e.value.message


def test_pdf_stamp_is_recognised_and_an_edit_is_not(tmp_path):
    pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\nstartxref\n9\n%%EOF\n"
    origin = Origin(str(tmp_path / "in.json"), "a" * 64)
    stamped = stamp.stamp_pdf(pdf, origin)
    assert stamped.startswith(b"%PDF") and stamped.endswith(b"startxref\n9\n%%EOF\n")
    path = tmp_path / "out.pdf"
    path.write_bytes(stamped)
    assert stamp.written_by_build_of(path, origin)
    assert not stamp.written_by_build_of(path, Origin(str(tmp_path / "other.json"), "b" * 64))
    path.write_bytes(stamped.replace(b"1 0 obj", b"2 0 obj"))
    assert not stamp.written_by_build_of(path, origin)


# --------------------------------------------------------------------------------------------
# With LibreOffice
# --------------------------------------------------------------------------------------------


@pytest.mark.realclient
def test_build_pdf_with_jobs_draft_and_incremental_state(cli, work, tmp_path):
    need_tool("soffice", "libreoffice")
    need_tool("pdftotext")
    import subprocess

    from test_build import broken

    broken(work)
    before = _digests(work)
    out = tmp_path / "out"
    r = cli("build", work, "--to", "docx,html,pdf", "-o", out, "-j", "2", "--draft", "--report", tmp_path / "run.json")
    assert r.exit_code == 1, r.output  # the broken input is built as a draft
    names = sorted(p.name for p in out.iterdir())
    for stem in ("broken", "huaian-2024", "zhujie-2020"):
        assert {f"{stem}.docx", f"{stem}.html", f"{stem}.pdf"} <= set(names)
    for stem in ("huaian-2024", "broken"):
        data = (out / f"{stem}.pdf").read_bytes()
        assert data.startswith(b"%PDF") and b"%disclosure-build sha256=" in data[-4096:]
    text = subprocess.run(["pdftotext", str(out / "broken.pdf"), "-"], capture_output=True, text=True).stdout
    assert "草稿（数据未通过校验）" in text
    clean = subprocess.run(["pdftotext", str(out / "huaian-2024.pdf"), "-"], capture_output=True, text=True).stdout
    assert "草稿" not in clean
    fonts = subprocess.run(["pdffonts", str(out / "huaian-2024.pdf")], capture_output=True, text=True).stdout
    rows = [l.split() for l in fonts.splitlines()[2:] if l.strip()]
    assert rows and all("yes" in row[-5:-3] for row in rows), fonts  # every font embedded
    import json

    run = json.loads((tmp_path / "run.json").read_text("utf-8"))
    assert "pdf" in json.dumps(run)
    assert _digests(work) == before  # inputs untouched
    # unchanged: nothing converted again
    r = cli("build", work, "--to", "docx,html,pdf", "-o", out, "--draft")
    assert r.exit_code == 1 and "未变化" in r.output
    # the input changed: its own unedited PDF is replaced without --force
    data = json.loads((work / "zhujie-2020.json").read_text("utf-8"))
    data["meta"]["published"] = "2021-02-20"
    (work / "zhujie-2020.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = (out / "zhujie-2020.pdf").read_bytes()
    r = cli("build", work / "zhujie-2020.json", "--to", "pdf", "-o", out)
    assert r.exit_code == 0, r.output
    assert (out / "zhujie-2020.pdf").read_bytes() != old
    # an edited PDF is not overwritten without --force
    (out / "zhujie-2020.pdf").write_bytes((out / "zhujie-2020.pdf").read_bytes() + b"\n% edited\n")
    data["meta"]["published"] = "2021-02-21"
    (work / "zhujie-2020.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("build", work / "zhujie-2020.json", "--to", "pdf", "-o", out)
    assert r.exit_code == 2 and "--force" in r.output


def test_the_document_for_libreoffice_breaks_after_a_mark_before_digits():
    """LibreOffice drops a Chinese punctuation mark that ends a justified line when digits or
    letters follow it, or one it hangs past a line end (render/docx.py, _LO_BREAK,
    _LO_NO_HANGING): the document it converts has a zero-width space there and no hanging
    marks; the .docx for the clerk has neither."""
    import re
    import zipfile
    from io import BytesIO

    from disclosure_cli.model import Paragraph
    from disclosure_cli.reader import load
    from disclosure_cli.render import document
    from disclosure_cli.render.docx import render_docx

    report = load(SAMPLES / "huaian-2024.json")
    report.sections["1"] = [Paragraph("维护政府部门的形象。2023年我局未收到申请，详见附件、A表（见下）。")]
    doc = document(report)

    def text(data: bytes) -> str:
        return zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode("utf-8")

    assert "\u200b" not in text(render_docx(doc))
    lo = text(render_docx(doc, for_libreoffice=True))
    assert "形象。\u200b2023年" in lo and "附件、\u200bA表" in lo
    assert re.findall(r".\u200b.", lo) == re.findall(r"[，。、；：！？”’）》」』]\u200b[0-9A-Za-z]", lo)  # only there
    # and its paragraphs do not let a mark hang past the line end (as LibreOffice reads it)
    body = re.sub(r"<w:tbl>.*?</w:tbl>", "", lo, flags=re.S)  # (table cells are not justified)
    paragraphs = [p for p in re.findall(r"<w:p>.*?</w:p>", body) if "<w:t" in p]
    assert len(paragraphs) > 10 and all('<w:overflowPunct w:val="1"/>' in p for p in paragraphs)
    assert "overflowPunct" not in text(render_docx(doc))


@pytest.mark.realclient
@pytest.mark.parametrize("name", ["pt-czj-2023", "pt-gwh-2022", "pt-htp-2022"])
def test_no_punctuation_mark_is_lost_in_the_pdf(name):
    """Real reports (tests/corpus) whose PDF lost a 。、or ， at a line end before this was
    mended: every mark of the document is in the PDF's text."""
    import re
    import zipfile
    from io import BytesIO

    import pdfplumber

    from conftest import CORPUS
    from disclosure_cli.reader import load
    from disclosure_cli.render import document
    from disclosure_cli.render.docx import render_docx

    need_tool("soffice", "libreoffice")
    docx = render_docx(document(load(CORPUS / "reports" / f"{name}.json")), for_libreoffice=True)
    words = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", zipfile.ZipFile(BytesIO(docx)).read("word/document.xml").decode()))
    with pdfplumber.open(BytesIO(P.docx_to_pdf(docx))) as pdf:
        shown = "".join(c["text"] for page in pdf.pages for c in page.chars)
    assert {c: (words.count(c), shown.count(c)) for c in "。，、；：" if shown.count(c) < words.count(c)} == {}
