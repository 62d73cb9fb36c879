"""``disclosure import``, and published reports as inputs of ``check``, ``build`` and ``new``."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SAMPLES
from disclosure_cli.cli import app
from disclosure_cli.discovery import discover
from disclosure_cli.importers import IMPORTER_VERSION
from disclosure_cli.jsonform import to_data
from disclosure_cli.reader import load

PUB = FIXTURES / "published"
PAGE = PUB / "trs-editor-gbk.html"


@pytest.fixture(autouse=True)
def _state(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCLOSURE_STATE_DIR", str(tmp_path / "state"))


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_import_writes_the_json_form_with_its_source(tmp_path):
    out = tmp_path / "r.json"
    before = PAGE.read_bytes()
    res = run("import", PAGE, "-o", out)
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text("utf-8"))
    assert data["source"] == {
        "file": PAGE.name,
        "sha256": hashlib.sha256(before).hexdigest(),
        "importer": f"disclosure-import {IMPORTER_VERSION} (html)",
    }
    want = to_data(load(SAMPLES / "huaian-2024.xlsx"))
    assert data["t3"] == want["t3"] and data["sections"] == want["sections"]
    assert load(out).cells == load(out).cells  # the JSON is a valid report data form
    assert PAGE.read_bytes() == before
    # never overwritten without --force
    res = run("import", PAGE, "-o", out)
    assert res.exit_code == 2 and "已存在" in res.stderr
    assert run("import", PAGE, "-o", out, "--force").exit_code == 0


def test_import_to_stdout_and_to_a_folder(tmp_path):
    res = run("import", PAGE)
    assert res.exit_code == 0 and json.loads(res.stdout)["org"] == "淮安市人民政府"
    res = run("import", PAGE, PUB / "zoom-utf8-nometa.html", "-d", tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["trs-editor-gbk.json", "zoom-utf8-nometa.json"]


def test_one_unusable_input_writes_nothing(tmp_path):
    res = run("import", PAGE, PUB / "list-page.html", "-d", tmp_path / "out")
    assert res.exit_code == 2 and "列表页" in res.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_usage_errors(tmp_path):
    res = run("import", PAGE, PAGE, "-o", tmp_path / "x.json")
    assert res.exit_code == 2 and "-d" in res.stderr
    res = run("import", PAGE, "-o", tmp_path / "x.json", "-d", tmp_path)
    assert res.exit_code == 2


def test_check_a_page_and_a_word_document(tmp_path):
    res = run("check", PAGE)
    assert res.exit_code == 0, res.output
    assert "五、存在的主要问题及整改措施" in res.stdout  # the drifted heading, as a finding
    assert "网页正文 第 " in res.stdout


def test_check_a_mixed_folder_gives_one_entry_per_file(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLES / "huaian-2024.xlsx", d / "a.xlsx")
    shutil.copy(SAMPLES / "zhujie-2020.json", d / "b.json")
    shutil.copy(PAGE, d / "c.html")
    from disclosure_cli.render import document
    from disclosure_cli.render.docx import render_docx

    (d / "d.docx").write_bytes(render_docx(document(load(SAMPLES / "zhujie-2020.xlsx"))))
    shutil.copy(PUB / "scanned.pdf", d / "e.pdf")
    res = run("check", d, "--format", "json")
    files = json.loads(res.stdout)["files"]
    assert [f["path"].rsplit("/", 1)[-1] for f in files] == ["a.xlsx", "b.json", "c.html", "d.docx", "e.pdf"]
    assert "error" in files[-1] and "没有文字层" in files[-1]["error"]["message"]
    assert res.exit_code == 2


def test_build_outputs_beside_their_input_are_not_inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.xlsx", d / "z.xlsx")
    assert run("build", d).exit_code == 0
    assert sorted(p.name for p in d.iterdir()) == ["z.docx", "z.html", "z.xlsx"]
    found, _ = discover([d])
    assert [f.path.name for f in found] == ["z.xlsx"]
    # moved elsewhere, a page we built is still recognised by its stamp
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(d / "z.html", other / "page.html")
    shutil.copy(PAGE, other / "published.html")
    found, _ = discover([other])
    assert [f.path.name for f in found] == ["published.html"]


def test_new_from_last_years_published_page(tmp_path):
    out = tmp_path / "2025.xlsx"
    res = run("new", "-o", out, "--year", "2025", "--from", PAGE)
    assert res.exit_code == 0, res.output
    r = load(out)
    assert r.org == "淮安市人民政府" and r.year == 2025
    prev = load(PAGE)
    carried = r.cell("t3", "2", "total")
    assert carried.value == prev.cell("t3", "4", "total").value


def test_doc_without_libreoffice_says_so(tmp_path, monkeypatch):
    doc = tmp_path / "r.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    res = run("import", doc)
    assert res.exit_code == 2 and "LibreOffice" in res.stderr and "另存为 .docx" in res.stderr


def test_an_output_folder_that_is_a_file_is_said_in_chinese(tmp_path):
    """``-d`` naming a file (was: FileExistsError, exit 3); the system's reason in Chinese, not
    its English “File exists”."""
    (tmp_path / "afile").write_text("x")
    res = run("import", PAGE, "-d", tmp_path / "afile")
    assert res.exit_code == 2 and "已有同名的文件" in res.stderr and "File exists" not in res.stderr
    assert res.stderr.count("\n") == 1 and (tmp_path / "afile").read_text() == "x"


def test_a_folder_holding_json_nested_past_pythons_stack_is_still_checked(tmp_path):
    """Folder discovery reads each .json to tell a report from other data: one nested 100,000
    deep (was: RecursionError, exit 3 for the whole folder) is listed as the input it is."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", d / "a.json")
    (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    res = run("check", d, "--format", "json")
    files = json.loads(res.stdout)["files"]
    assert [f["path"].rsplit("/", 1)[-1] for f in files] == ["a.json", "deep.json"]
    assert files[1]["error"]["code"] == "json-too-deep" and res.exit_code == 2
