"""`disclosure accept` and `disclosure decisions`, and what `check` makes of the decisions: the
reviewer's loop (check → accept with reasons → send back → re-check)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_cli import decisions as D
from disclosure_cli.checks import check_files

from _check_data import sample
from conftest import SAMPLES


@pytest.fixture
def folder(tmp_path):
    """A reviewer's folder: the 珠街 report (5 warnings, no error) and a copy of 淮安 with an error."""
    shutil.copy(SAMPLES / "zhujie-2020.json", tmp_path / "zhujie.json")
    data = sample("huaian-2024")
    data["t3"]["1"]["natural"] = 3000
    (tmp_path / "broken.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _bytes(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".json", ".xlsx") and p.name != D.DEFAULT_NAME}


def _findings(cli, path, *extra):
    r = cli("check", "--format", "json", path, *extra)
    (f,) = json.loads(r.stdout)["files"]
    return r.exit_code, f


def test_accept_then_strict_passes_and_inputs_are_untouched(cli, folder):
    zhujie = folder / "zhujie.json"
    before = _bytes(folder)
    assert cli("check", "--strict", zhujie).exit_code == 1
    r = cli("accept", zhujie, "value-blank", "--reason", "本单位无法人申请，空白即为0", "--by", "张三")
    assert r.exit_code == 0, r.stderr
    assert "已确认 3 个问题" in r.stdout and D.DEFAULT_NAME in r.stdout
    assert cli("check", "--strict", zhujie).exit_code == 1  # two warnings still open
    r = cli("accept", zhujie, "--all-warnings", "--reason", "已与经办人核实")
    assert r.exit_code == 0 and "已确认 2 个问题" in r.stdout  # the three accepted before keep their reason
    r = cli("check", "--strict", zhujie)
    assert r.exit_code == 0, r.stdout
    assert "警告 0" in r.stdout and "已确认 5" in r.stdout
    assert "已确认 警告 value-blank" in r.stdout and "理由：本单位无法人申请，空白即为0（张三，" in r.stdout
    assert _bytes(folder) == before
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert doc["kind"] == "disclosure-decisions" and doc["schema"] == 1 and len(doc["decisions"]) == 5
    d = doc["decisions"][0]
    assert {"org", "year", "file", "sha256", "code", "fingerprint", "values", "reason", "by", "at"} <= set(d)
    assert d["org"] == "曲靖市麒麟区珠街街道" and d["year"] == 2020 and d["file"] == "zhujie.json"
    assert len(d["sha256"]) == 64


def test_quiet_hides_accepted(cli, folder):
    zhujie = folder / "zhujie.json"
    cli("accept", zhujie, "value-blank", "-r", "空白即为0")
    r = cli("check", "-q", zhujie)
    assert r.exit_code == 0 and "已确认 3" in r.stdout
    assert "理由" not in r.stdout and "value-blank" not in r.stdout


def test_json_marks_accepted_and_equals_library(cli, folder):
    zhujie = folder / "zhujie.json"
    cli("accept", zhujie, "section-empty", "-r", "本年无其他事项", "--by", "李四")
    code, f = _findings(cli, zhujie)
    assert code == 0
    (acc,) = [x for x in f["findings"] if "accepted" in x]
    assert acc["code"] == "section-empty"
    assert acc["accepted"]["reason"] == "本年无其他事项" and acc["accepted"]["by"] == "李四"
    assert set(acc["accepted"]) == {"reason", "by", "at"}
    assert f["warnings"] == 4 and f["accepted"] == {"error": 0, "warning": 1, "info": 0}
    assert f["decisions"] == {"path": str(folder / D.DEFAULT_NAME), "stale": []}
    r = cli("check", "--format", "json", zhujie)
    assert json.loads(r.stdout) == check_files([str(zhujie)])


def test_an_error_needs_the_error_flag(cli, folder):
    broken = folder / "broken.json"
    code, f = _findings(cli, broken)
    assert code == 1
    errors = sorted({x["code"] for x in f["findings"] if x["level"] == "error"})
    r = cli("accept", broken, *errors, "-r", "原始台账如此")
    assert r.exit_code == 2 and "错误级别的问题" in r.stderr and "--error" in r.stderr
    assert not (folder / D.DEFAULT_NAME).exists()
    r = cli("accept", broken, *errors, "-r", "原始台账如此", "--error")
    assert r.exit_code == 0, r.stderr
    assert cli("check", broken).exit_code == 0
    code, f = _findings(cli, broken)
    assert f["errors"] == 0 and f["accepted"]["error"] > 0
    assert D.errors_all_accepted(D.apply_file(__import__("disclosure_cli").checks.check_report(__import__("disclosure_cli").load(broken)), broken))


@pytest.mark.parametrize(
    "args,words",
    [
        (("no-such-code",), "报告中没有这些问题：no-such-code"),
        (("value-blank", "0123456789abcdef"), "0123456789abcdef"),
        (("sum-row-total",), "报告中没有这些问题"),  # a real code that does not occur here
    ],
)
def test_accepting_what_does_not_occur_is_refused(cli, folder, args, words):
    r = cli("accept", folder / "zhujie.json", *args, "-r", "x")
    assert r.exit_code == 2 and words in r.stderr
    assert not (folder / D.DEFAULT_NAME).exists()


def test_reason_is_required(cli, folder):
    r = cli("accept", folder / "zhujie.json", "value-blank")
    assert r.exit_code == 2 and "--reason" in r.stderr
    r = cli("accept", folder / "zhujie.json", "value-blank", "-r", "  ")
    assert r.exit_code == 2 and "理由" in r.stderr


def test_undo(cli, folder):
    zhujie = folder / "zhujie.json"
    cli("accept", zhujie, "--all-warnings", "-r", "已核实")
    assert cli("check", "--strict", zhujie).exit_code == 0
    _, f = _findings(cli, zhujie)
    fp = next(x["fingerprint"] for x in f["findings"] if x["code"] == "section-empty")
    r = cli("accept", zhujie, fp, "--undo")
    assert r.exit_code == 0 and "已撤销 1 条确认" in r.stdout
    assert cli("check", "--strict", zhujie).exit_code == 1
    r = cli("accept", zhujie, fp, "--undo")
    assert r.exit_code == 2 and "没有这份报告的这些审核记录" in r.stderr
    r = cli("accept", zhujie, "value-blank", "--undo")
    assert r.exit_code == 0 and "已撤销 3 条确认" in r.stdout


def test_changed_value_lapses_and_is_listed_as_stale(cli, folder):
    """The clerk fills a blank the reviewer had accepted: that decision lapses (stale), the rest stay."""
    zhujie = folder / "zhujie.json"
    cli("accept", zhujie, "--all-warnings", "-r", "已核实")
    r = cli("decisions", folder)
    assert r.exit_code == 0 and "确认 5 条（有效 5）" in r.stdout
    data = json.loads(zhujie.read_text(encoding="utf-8"))
    blank = next((row, col) for row, cols in data["t3"].items() for col, v in cols.items() if v is None)
    data["t3"][blank[0]][blank[1]] = 1  # now the table's sums no longer hold either
    zhujie.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli("check", zhujie)
    assert "1 条审核记录已失效" in r.stdout
    r = cli("decisions", folder, "--stale")
    assert r.exit_code == 0 and "已失效的确认 1 条（已失效 1）" in r.stdout and "value-blank" in r.stdout
    r = cli("decisions", zhujie, "--stale", "--format", "json")
    (d,) = json.loads(r.stdout)["decisions"]
    assert d["status"] == "stale" and d["code"] == "value-blank"
    # the report gone from the folder: its decisions have no report
    zhujie.unlink()
    r = cli("decisions", folder, "--stale")
    assert "找不到报告 5" in r.stdout


def test_decisions_without_a_file(cli, folder):
    r = cli("decisions", folder)
    assert r.exit_code == 0 and "没有审核记录" in r.stdout


def test_explicit_decisions_file(cli, folder, tmp_path_factory):
    shared = tmp_path_factory.mktemp("share") / "科室审核.json"
    zhujie = folder / "zhujie.json"
    r = cli("accept", zhujie, "--all-warnings", "-r", "已核实", "--decisions", shared)
    assert r.exit_code == 0 and shared.exists() and not (folder / D.DEFAULT_NAME).exists()
    assert cli("check", "--strict", zhujie).exit_code == 1
    assert cli("check", "--strict", zhujie, "--decisions", shared).exit_code == 0
    r = cli("check", zhujie, "--decisions", folder / "nope.json")
    assert r.exit_code == 2 and "审核记录文件不存在" in r.stderr


def test_corrupt_decisions_file_is_exit_2_naming_the_line(cli, folder):
    zhujie = folder / "zhujie.json"
    cli("accept", zhujie, "value-blank", "-r", "已核实")
    path = folder / D.DEFAULT_NAME
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].rstrip(",")  # a comma lost by hand-editing: line 8 then is unexpected
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_bytes()
    for args in (("check", zhujie), ("check", folder), ("decisions", folder), ("accept", zhujie, "section-empty", "-r", "x")):
        r = cli(*args)
        assert r.exit_code == 2, args
        assert "审核记录文件" in r.stderr + r.stdout and "第 8 行" in r.stderr + r.stdout, (args, r.stdout, r.stderr)
    assert path.read_bytes() == before  # never rewritten over


def test_decisions_file_is_not_a_report(cli, folder):
    cli("accept", folder / "zhujie.json", "value-blank", "-r", "已核实")
    r = cli("check", "--format", "json", folder)
    assert sorted(Path(f["path"]).name for f in json.loads(r.stdout)["files"]) == ["broken.json", "zhujie.json"]


_REVIEWER = """
import os, sys, time
from typer.testing import CliRunner
from disclosure_cli.cli import app
folder, who, go = sys.argv[1], sys.argv[2], sys.argv[3]
while not os.path.exists(go):
    time.sleep(0.001)
runner = CliRunner()
for name in sorted(n for n in os.listdir(folder) if n.startswith(who)):
    r = runner.invoke(app, ["accept", os.path.join(folder, name), "value-blank", "--reason", "已核实", "--by", who])
    assert r.exit_code == 0, r.output
"""


def test_two_reviewers_accepting_at_once_keep_both(folder):
    """Two reviewers (processes started at the same moment) each accept the findings of their own
    reports of one folder, all into the folder's one decisions file: none is lost."""
    data = sample("zhujie-2020")
    n = 15
    for who in ("甲", "乙"):
        for i in range(n):
            data["org"] = f"{who}单位{i:02d}"
            (folder / f"{who}{i:02d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    go = folder / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", _REVIEWER, str(folder), who, str(go)], env=env) for who in ("甲", "乙")]
    import time

    time.sleep(1.0)
    go.touch()
    assert all(p.wait(timeout=300) == 0 for p in procs)
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    orgs = {(d["org"], d["by"]) for d in doc["decisions"]}
    assert orgs == {(f"{who}单位{i:02d}", who) for who in ("甲", "乙") for i in range(n)}
    assert len(doc["decisions"]) == 2 * n * 3  # three value-blank warnings each
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_lock_and_rewrite_in_two_processes_directly(folder):
    """The library's read-modify-write under the lock, hammered by two processes started at the
    same moment (without the lock about half of the updates are lost)."""
    path = folder / D.DEFAULT_NAME
    go = folder / "go"
    code = (
        "import os, sys, time\nfrom disclosure_cli import decisions as D\n"
        "who = sys.argv[2]\n"
        "while not os.path.exists(sys.argv[3]):\n    time.sleep(0.001)\n"
        "for i in range(150):\n"
        "    D.update(sys.argv[1], lambda old: old + [{'org': 'o', 'year': 2024, 'code': 'c', 'level': 'warning',"
        " 'fingerprint': f'{who}{i:04d}', 'reason': 'r'}])\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), who, str(go)], env=env) for who in ("a", "b")]
    import time

    time.sleep(1.0)  # both started and waiting
    go.touch()
    assert all(p.wait(timeout=300) == 0 for p in procs)
    assert len(D.read(path)) == 300
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_accept_needs_one_report_file(cli, folder):
    r = cli("accept", folder, "value-blank", "-r", "x")
    assert r.exit_code == 2 and "请给出一个报告文件" in r.stderr
    r = cli("accept", folder / "nope.json", "value-blank", "-r", "x")
    assert r.exit_code == 2 and "文件不存在" in r.stderr


def test_accept_without_targets_lists_the_candidates(cli, folder):
    r = cli("accept", folder / "zhujie.json")
    assert r.exit_code == 2 and "--all-warnings" in r.stderr
    _, f = _findings(cli, folder / "zhujie.json")
    for x in f["findings"]:
        assert f"{x['code']}  {x['fingerprint']}" in r.stderr
    assert not (folder / D.DEFAULT_NAME).exists()


def test_decisions_option_may_name_a_folder(cli, folder, tmp_path_factory):
    share = tmp_path_factory.mktemp("share")
    zhujie = folder / "zhujie.json"
    assert cli("accept", zhujie, "--all-warnings", "-r", "已核实", "--decisions", share).exit_code == 0
    assert (share / D.DEFAULT_NAME).is_file()
    assert cli("check", "--strict", zhujie, "--decisions", share).exit_code == 0
    r = cli("decisions", zhujie, "--decisions", share)
    assert r.exit_code == 0 and "有效 5" in r.stdout
