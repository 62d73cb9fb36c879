"""Files a folder may hold that are not reports as we expect them: names in GBK bytes (a zip made
on Windows, unpacked on Linux: the scheduled build runs on such a server) and named pipes. Each
was an internal error (exit 3) for the whole run, or a run that never ended; now such a name is
one clear line for that input (the name it spells in GBK shown), the other inputs are built, and
a pipe is not an input."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

GBK = b"\xd6\xe9\xbd\xd6"  # 珠街 in GBK: not UTF-8


def gbk_name(folder: Path, tail: str) -> Path:
    """``folder`` / (珠街 in GBK bytes + ``tail``), or a skip where the file system refuses names
    that are not UTF-8 (macOS, Windows)."""
    path = folder / os.fsdecode(GBK + tail.encode())
    try:
        path.touch()
        path.unlink()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system holds only UTF-8 names")
    return path


@pytest.fixture
def mixed(tmp_path) -> Path:
    """A folder with one good workbook and one whose name is GBK bytes."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLES / "huaian-2024.xlsx", d / "ok.xlsx")
    shutil.copy(SAMPLES / "zhujie-2020.xlsx", gbk_name(d, "-2020.xlsx"))
    return d


def test_a_gbk_name_is_told_with_the_name_it_spells(cli, mixed):
    res = cli("check", mixed, "--format", "json")
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(res.stdout)["files"]}
    assert res.exit_code == 2 and set(files) == {"ok.xlsx", "\ufffd\ufffd\ufffd-2020.xlsx"}
    error = files["\ufffd\ufffd\ufffd-2020.xlsx"]["error"]
    assert error["code"] == "file-name-encoding" and "按 GBK 读是" in error["message"] and "珠街-2020.xlsx" in error["message"]
    assert "findings" in files["ok.xlsx"]


def test_build_review_and_rollup_go_on_past_a_gbk_name(cli, mixed, tmp_path):
    res = cli("build", mixed, "-o", tmp_path / "out", "--report", tmp_path / "run.json")
    assert res.exit_code == 2 and "珠街-2020.xlsx" in res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.docx", "ok.html"]
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert sorted((o["error"] or {}).get("code", "") for o in run["inputs"]) == ["", "file-name-encoding"]
    res = cli("review", mixed, "-o", tmp_path / "review.html")
    assert res.exit_code == 2 and "珠街-2020.xlsx" in (tmp_path / "review.html").read_text(encoding="utf-8")
    res = cli("rollup", mixed, "-o", tmp_path / "sum.xlsx", "--org", "淮安市")
    assert res.exit_code == 1 and "rollup-unreadable" in res.stdout + res.stderr and (tmp_path / "sum.xlsx").exists()


def test_a_folder_with_a_gbk_name(cli, tmp_path):
    d = gbk_name(tmp_path, "")
    d.mkdir()
    shutil.copy(SAMPLES / "huaian-2024.xlsx", d / "a.xlsx")
    res = cli("build", d, "-o", tmp_path / "out")
    assert res.exit_code == 2 and "按 GBK 读是" in res.stderr and "珠街/a.xlsx" in res.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("command", [
    ("build", "{sample}", "-o", "{bad}"),
    ("export", "{sample}", "-o", "{bad}.json"),
    ("new", "-o", "{bad}.xlsx"),
    ("import", "{page}", "-d", "{bad}"),
])
def test_an_output_name_in_gbk_is_refused_before_anything_is_written(cli, tmp_path, command):
    bad = gbk_name(tmp_path, "out")
    page = Path(__file__).parent / "fixtures" / "published" / "trs-editor-gbk.html"
    args = [a.format(sample=SAMPLES / "huaian-2024.xlsx", bad=bad, page=page) for a in command]
    res = cli(*args)
    assert res.exit_code == 2 and "不是 UTF-8 编码" in res.stderr and res.stderr.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_folder_is_not_an_input(cli, tmp_path):
    """Reading a pipe waits for a writer that never comes: `check DIR` did not end."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", d / "a.json")
    os.mkfifo(d / "pipe.json")
    os.mkfifo(d / "pipe.xlsx")
    res = cli("check", d, "--format", "json")
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(res.stdout)["files"]] == ["a.json"]


if sys.platform == "win32":  # pragma: no cover - names are UTF-16 there
    pytestmark = pytest.mark.skip("names are UTF-16 on Windows")
