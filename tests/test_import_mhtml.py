"""Web archives (``.mhtml``/``.mht``): the page inside is read like a saved page
(fixtures made by ``tests/fixtures/published/make_archives.py`` from ``trs-editor-gbk.html``)."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from test_import_cli import _state, run  # noqa: F401  (the state folder per test; the CLI runner)
from disclosure_cli.discovery import discover
from disclosure_cli.jsonform import to_data
from disclosure_cli.reader import load

PUB = FIXTURES / "published"
PAGE = PUB / "trs-editor-gbk.html"
ARCHIVES = [PUB / "chrome-archive.mhtml", PUB / "ie-archive.mht"]


def _cells(report):
    return {k: (c.state, c.value) for k, c in report.cells.items()}


@pytest.mark.parametrize("archive", ARCHIVES, ids=lambda p: p.name)
def test_an_archive_reads_as_the_page_it_holds(archive):
    page, saved = load(PAGE), load(archive)
    assert _cells(saved) == _cells(page)
    assert to_data(saved)["sections"] == to_data(page)["sections"]
    assert (saved.org, saved.year, saved.format.id) == (page.org, page.year, page.format.id)
    some = next(c for c in saved.cells.values() if c.source is not None and c.source.raw)
    assert "第" in some.source.sheet + some.source.cell  # places point into the page, as for a page


@pytest.mark.parametrize("archive", ARCHIVES, ids=lambda p: p.name)
def test_check_and_import_take_archives(archive, tmp_path):
    before = archive.read_bytes()
    r = run("check", archive)
    assert r.exit_code == 0 and "淮安市人民政府 2024 年度" in r.stdout and "published-heading-drift" in r.stdout
    r = run("import", archive, "-o", tmp_path / "r.json")
    assert r.exit_code == 0 and (tmp_path / "r.json").exists()
    assert archive.read_bytes() == before


def test_an_archive_without_a_page_is_refused():
    bad = PUB / "archive-without-page.mhtml"  # an image part only
    before = bad.read_bytes()
    r = run("check", bad)
    assert r.exit_code == 2 and "网页存档（.mhtml）中没有网页（text/html）部分" in r.output
    assert bad.read_bytes() == before


def test_folders_find_archives(tmp_path):
    for a in ARCHIVES:
        shutil.copy(a, tmp_path / a.name)
    found, _ = discover([tmp_path])
    assert sorted(f.path.name for f in found) == sorted(a.name for a in ARCHIVES)
    r = run("check", tmp_path, "-q")
    assert r.exit_code == 0 and r.stdout.count("淮安市人民政府 2024 年度") == 2


def _archive(charset: str, nested: int = 0) -> bytes:
    """The GBK page in a Chrome-like archive, its part declaring ``charset``, inside ``nested``
    levels of multipart."""
    import base64

    out = [b'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n']
    for i in range(1, nested + 1):
        out.append(b'--b%d\r\nContent-Type: multipart/related; boundary="b%d"\r\n\r\n' % (i - 1, i))
    out.append(b"--b%d\r\nContent-Type: text/html; charset=%s\r\nContent-Transfer-Encoding: base64\r\n\r\n" % (nested, charset.encode()))
    out.append(base64.encodebytes(PAGE.read_bytes()))
    out += [b"\r\n--b%d--\r\n" % i for i in range(nested, -1, -1)]
    return b"".join(out)


@pytest.mark.parametrize("charset", ["idna", "punycode", "base64", "undefined", "gb2312"])
def test_a_part_declaring_a_python_codec_reads_as_undeclared(charset, tmp_path):
    """A part whose charset is a Python codec no page is written in (found by fuzzing: ``idna``
    and ``punycode`` refused the archive as unparsable, ``base64``/``undefined`` were internal
    errors caught by a catch-all) is read like a page that declares none."""
    archive = tmp_path / "a.mhtml"
    archive.write_bytes(_archive(charset))
    assert _cells(load(archive)) == _cells(load(PAGE))


def test_parts_nested_too_deep_are_refused(tmp_path):
    archive = tmp_path / "a.mhtml"
    archive.write_bytes(_archive("gb2312", nested=3000))
    out = tmp_path / "out.json"
    r = run("import", archive, "-o", out)
    assert r.exit_code == 2 and "嵌套过深" in r.stderr and not out.exists()
    archive.write_bytes(_archive("gb2312", nested=50))
    assert _cells(load(archive)) == _cells(load(PAGE))
