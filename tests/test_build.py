"""``disclosure build``: the error gate, --draft, --fragment, --to, output names, overwrite
rules, atomic writing; the input is never touched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from disclosure_cli import build as B
from disclosure_cli.build import one, stamp
from disclosure_cli.render import DRAFT_MARK


@pytest.fixture
def work(tmp_path) -> Path:
    for name in ("zhujie-2020.json", "huaian-2024.json", "huaian-2024.xlsx"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    return tmp_path


def broken(folder: Path, name: str = "broken.json") -> Path:
    data = json.loads((SAMPLES / "huaian-2024.json").read_text(encoding="utf-8"))
    data["t3"]["1"]["natural"] = 3000  # 一、本年新收: the row no longer adds up
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_builds_both_outputs_next_to_the_input(cli, work):
    before = (work / "huaian-2024.json").read_bytes()
    mtime = (work / "huaian-2024.json").stat().st_mtime_ns
    r = cli("build", work / "huaian-2024.json")
    assert r.exit_code == 0, r.output
    assert (work / "huaian-2024.docx").stat().st_size > 5000
    assert (work / "huaian-2024.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "已生成" in r.output
    # the input is only read
    assert (work / "huaian-2024.json").read_bytes() == before
    assert (work / "huaian-2024.json").stat().st_mtime_ns == mtime
    assert not [n for n in listing(work) if n.endswith(".tmp")]
    # the build is recorded without revealing the clerk's folders in what gets published
    page = (work / "huaian-2024.html").read_text(encoding="utf-8")
    assert '<meta name="disclosure-build" content="sha256=' in page
    with zipfile.ZipFile(work / "huaian-2024.docx") as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "disclosure-build sha256=" in core
    for text in (page, core):
        assert str(work) not in text and work.name not in text


def test_outdir_several_inputs_and_workbook_input(cli, work):
    out = work / "out" / "sub"
    r = cli("build", work / "zhujie-2020.json", work / "huaian-2024.xlsx", "-o", out)
    assert r.exit_code == 0, r.output
    assert listing(out) == ["huaian-2024.docx", "huaian-2024.html", "zhujie-2020.docx", "zhujie-2020.html"]


def test_to_and_fragment(cli, work):
    r = cli("build", work / "zhujie-2020.json", "--to", "html", "--fragment", "-o", work / "o")
    assert r.exit_code == 0, r.output
    assert listing(work / "o") == ["zhujie-2020.fragment.html"]
    frag = (work / "o" / "zhujie-2020.fragment.html").read_text(encoding="utf-8")
    assert "<html" not in frag and "<style" not in frag and '<table border="1"' in frag
    r = cli("build", work / "zhujie-2020.json", "--to", "docx", "-o", work / "o")
    assert r.exit_code == 0
    assert listing(work / "o") == ["zhujie-2020.docx", "zhujie-2020.fragment.html"]


def test_unknown_target_is_a_usage_error(cli, work):
    r = cli("build", work / "zhujie-2020.json", "--to", "odt")  # pdf is a target since issue 10
    assert r.exit_code == 2 and "odt" in r.output and "pdf" in r.output
    assert listing(work) == ["huaian-2024.json", "huaian-2024.xlsx", "zhujie-2020.json"]


def test_error_gate_writes_nothing(cli, work):
    bad = broken(work)
    r = cli("build", bad, "-o", work / "out")
    assert r.exit_code == 1
    assert "sum-row-total" in r.output and "未生成任何文件" in r.output
    assert not (work / "out").exists()


def test_error_gate_is_per_input(cli, work):
    """With several inputs, the one with errors gets nothing; the others are built."""
    bad = broken(work)
    r = cli("build", bad, work / "huaian-2024.json", "-o", work / "out")
    assert r.exit_code == 1
    assert "sum-row-total" in r.output and "未生成该报告的文件" in r.output
    assert listing(work / "out") == ["huaian-2024.docx", "huaian-2024.html"]


def test_draft_builds_marked_outputs_and_still_exits_1(cli, work):
    bad = broken(work)
    r = cli("build", bad, "--draft", "-o", work / "out")
    assert r.exit_code == 1
    assert "已生成草稿" in r.output
    page = (work / "out" / "broken.html").read_text(encoding="utf-8")
    assert DRAFT_MARK in page and 'class="draft-banner"' in page
    with zipfile.ZipFile(work / "out" / "broken.docx") as z:
        headers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert DRAFT_MARK in headers
    # --draft on clean data: an ordinary build, no marking
    r = cli("build", work / "huaian-2024.json", "--draft", "-o", work / "out")
    assert r.exit_code == 0
    assert DRAFT_MARK not in (work / "out" / "huaian-2024.html").read_text(encoding="utf-8")


def test_unreadable_input_exits_2_and_writes_nothing(cli, work):
    (work / "bad.json").write_text("{not json", encoding="utf-8")
    r = cli("build", work / "bad.json", "-o", work / "out")
    assert r.exit_code == 2
    assert not (work / "out").exists()
    # among good inputs: reported, the others are built, the exit code is the worst
    r = cli("build", work / "huaian-2024.json", work / "bad.json", "-o", work / "out")
    assert r.exit_code == 2 and "bad.json" in r.output
    assert listing(work / "out") == ["huaian-2024.docx", "huaian-2024.html"]


def test_existing_foreign_file_is_not_replaced(cli, work):
    (work / "huaian-2024.html").write_text("我自己的网页", encoding="utf-8")
    r = cli("build", work / "huaian-2024.json")
    assert r.exit_code == 2 and "--force" in r.output
    assert (work / "huaian-2024.html").read_text(encoding="utf-8") == "我自己的网页"
    assert not (work / "huaian-2024.docx").exists()  # checked before anything is written
    r = cli("build", work / "huaian-2024.json", "--force")
    assert r.exit_code == 0
    assert "我自己的网页" not in (work / "huaian-2024.html").read_text(encoding="utf-8")


def test_rebuild_of_the_same_input_replaces_its_own_outputs(cli, work):
    src = work / "huaian-2024.json"
    assert cli("build", src).exit_code == 0
    # the clerk corrects the data and builds again: no --force needed
    data = json.loads(src.read_text(encoding="utf-8"))
    data["sections"]["6"] = ["本年度未收取信息处理费。"]
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("build", src)
    assert r.exit_code == 0, r.output
    assert "本年度未收取信息处理费。" in (work / "huaian-2024.html").read_text(encoding="utf-8")


def test_edited_outputs_are_not_replaced(cli, work):
    src = work / "huaian-2024.json"
    assert cli("build", src).exit_code == 0
    html = work / "huaian-2024.html"
    html.write_text(html.read_text(encoding="utf-8").replace("总体情况", "总体情况（已人工修改）"), encoding="utf-8")
    r = cli("build", src)
    assert r.exit_code == 2 and "huaian-2024.html" in r.output
    assert "已人工修改" in html.read_text(encoding="utf-8")
    html.unlink()
    # a Word document saved again in Word/WPS/LibreOffice has a higher revision number
    docx = work / "huaian-2024.docx"
    import docx as python_docx

    d = python_docx.Document(str(docx))
    d.core_properties.revision = 2
    d.save(str(docx))
    r = cli("build", src)
    assert r.exit_code == 2 and "huaian-2024.docx" in r.output


def test_outputs_of_another_input_are_not_replaced(cli, work):
    other = work / "other"
    other.mkdir()
    shutil.copy(work / "zhujie-2020.json", other / "huaian-2024.json")  # same name, other data
    assert cli("build", work / "huaian-2024.json", "-o", work / "out").exit_code == 0
    r = cli("build", other / "huaian-2024.json", "-o", work / "out")
    assert r.exit_code == 2


def test_two_inputs_writing_the_same_output(cli, work):
    (work / "b").mkdir()
    shutil.copy(work / "huaian-2024.json", work / "b" / "huaian-2024.json")
    r = cli("build", work / "huaian-2024.json", work / "b" / "huaian-2024.json", "-o", work / "out")
    assert r.exit_code == 2 and "同一个文件" in r.output
    assert not (work / "out").exists()


def test_written_by_build_of_recognises_its_own_outputs(work):
    src = work / "zhujie-2020.json"
    outcome = B.build([src], outdir=work / "o")
    s = stamp.Origin.of(src)
    for p in outcome.written:
        assert stamp.written_by_build_of(p, s)
        assert not stamp.written_by_build_of(p, stamp.Origin(str(work / "x.json"), "0" * 64))
    (work / "junk.docx").write_bytes(b"not a zip")
    assert not stamp.written_by_build_of(work / "junk.docx", s)


def test_crash_while_writing_leaves_no_partial_file(work, monkeypatch):
    real = one.render

    def render(report, target, **kw):
        if target == "html":
            raise KeyboardInterrupt
        return real(report, target, **kw)

    monkeypatch.setattr(one, "render", render)
    with pytest.raises(KeyboardInterrupt):
        B.build([work / "huaian-2024.json"], outdir=work / "o")
    assert not (work / "o").exists()  # every output is rendered before any file is touched
    monkeypatch.setattr(one, "render", real)


def test_an_inputs_outputs_are_written_all_or_none(work, monkeypatch):
    """The second output fails (disk full half way through it): the first is not left behind."""
    src = work / "zhujie-2020.json"
    before = src.read_bytes()
    real_write = Path.write_bytes
    calls = []

    def disk_fills_up(self, data):
        calls.append(self.name)
        if len(calls) == 2:
            with open(self, "wb") as f:
                f.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", disk_fills_up)
    run = B.build([src], outdir=work / "o")
    monkeypatch.setattr(Path, "write_bytes", real_write)
    o = run.outcomes[0]
    assert run.exit_code == 2 and o.error["code"] == "output-unwritable"
    assert "写入失败：磁盘空间不足" in o.error["message"] and o.error["path"].endswith("zhujie-2020.html")
    assert listing(work / "o") == []  # neither the .docx nor any temporary file
    assert src.read_bytes() == before


def test_a_failed_rename_puts_the_earlier_outputs_back(work, monkeypatch):
    """Outputs of an earlier build are replaced together: when moving the second into place
    fails (a file held open on Windows), the first is put back as it was."""
    import os

    src = work / "huaian-2024.json"
    assert B.build([src], outdir=work / "o").exit_code == 0
    old = {n: (work / "o" / n).read_bytes() for n in listing(work / "o")}
    data = json.loads(src.read_text(encoding="utf-8"))
    data["sections"]["6"] = ["本年度未收取信息处理费。"]
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    real_replace = os.replace

    def held_open(a, b):
        if str(b).endswith(".html") and ".~dtmp-" in str(a):
            raise PermissionError(13, "Permission denied")
        return real_replace(a, b)

    monkeypatch.setattr(os, "replace", held_open)
    run = B.build([src], outdir=work / "o")
    monkeypatch.setattr(os, "replace", real_replace)
    assert run.exit_code == 2 and run.outcomes[0].error["code"] == "output-unwritable"
    assert {n: (work / "o" / n).read_bytes() for n in listing(work / "o")} == old
    # and the next build, with nothing held open, replaces both
    assert B.build([src], outdir=work / "o").exit_code == 0
    assert "本年度未收取信息处理费。" in (work / "o" / "huaian-2024.html").read_text(encoding="utf-8")


def test_help_is_chinese(cli):
    r = cli("build", "--help")
    assert r.exit_code == 0
    for text in ("生成报告", "--draft", "--fragment", "--force", "--to", "输出文件夹"):
        assert text in r.output


def test_help_and_check_do_not_import_renderers():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from disclosure_cli.cli import app\n"
        "r = CliRunner().invoke(app, ['--help'])\n"
        "assert r.exit_code == 0\n"
        f"r = CliRunner().invoke(app, ['check', r'{SAMPLES / 'huaian-2024.json'}'])\n"
        "bad = [m for m in ('docx', 'jinja2', 'disclosure_cli.render.docx', 'disclosure_cli.render.html') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
