"""`disclosure check` and `disclosure rules`: output equals the library, exit codes, colour."""

from __future__ import annotations

import json

import pytest

from disclosure_cli.checks import check_files
from disclosure_cli.checks.reference import rules_json, rules_markdown
from disclosure_cli.formats import Role as R

from _check_data import put, row_of, sample
from conftest import SAMPLES

ZHUJIE = SAMPLES / "zhujie-2020.json"
HUAIAN = SAMPLES / "huaian-2024.json"


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


@pytest.fixture
def broken(tmp_path):
    data = sample("huaian-2024")
    put(data, R.NEW, R.NATURAL_PERSON, 3000)
    return _write(tmp_path, "broken.json", data)


def test_json_output_equals_library(cli, broken):
    r = cli("check", "--format", "json", ZHUJIE, HUAIAN, broken)
    assert r.exit_code == 1
    assert json.loads(r.stdout) == check_files([str(ZHUJIE), str(HUAIAN), str(broken)])


def test_json_shape(cli):
    r = cli("check", "--format", "json", ZHUJIE)
    out = json.loads(r.stdout)
    assert out["schema"] == 1
    (f,) = out["files"]
    assert {"path", "format", "year", "org", "errors", "warnings", "infos", "findings"} <= set(f)
    # the info: half-width punctuation between Chinese characters (144 places, one finding)
    assert (f["format"], f["year"], f["errors"], f["warnings"], f["infos"]) == ("2019", 2020, 0, 5, 1)
    for finding in f["findings"]:
        assert {"code", "level", "message", "refs"} <= set(finding)


@pytest.mark.parametrize(
    "args,code",
    [
        ((HUAIAN,), 0),
        ((ZHUJIE,), 0),
        (("--strict", ZHUJIE), 1),
        (("--strict", HUAIAN), 0),
        (("--strict", "--ignore", "value-blank,text-year-other,section-empty", ZHUJIE), 0),
        (("--strict", "--ignore", "value-*", ZHUJIE), 1),
        (("--strict", "--select", "value-*", ZHUJIE), 1),
        (("--select", "no-such-rule", HUAIAN), 2),
    ],
)
def test_exit_codes(cli, args, code):
    assert cli("check", *args).exit_code == code


def test_errors_exit_1_and_unreadable_exit_2_while_others_are_checked(cli, tmp_path, broken):
    assert cli("check", broken).exit_code == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = cli("check", "--format", "json", bad, broken)
    assert r.exit_code == 2
    files = json.loads(r.stdout)["files"]
    assert files[0]["error"]["code"] == "json-invalid" and "message" in files[0]["error"]
    assert files[1]["errors"] > 0
    r = cli("check", tmp_path / "missing.json")
    assert r.exit_code == 2 and "文件不存在" in r.stdout


def test_unreadable_previous_is_exit_2(cli, tmp_path):
    r = cli("check", "--previous", tmp_path / "nope.json", HUAIAN)
    assert r.exit_code == 2


def test_previous_option(cli, tmp_path):
    data = sample("huaian-2024")
    prev = sample("huaian-2024")
    prev["year"] = 2023
    row_of(prev, R.CARRIED_FORWARD).update(row_of(data, R.CARRIED_OVER))
    put(prev, R.CARRIED_FORWARD, R.NATURAL_PERSON, 40)
    p = _write(tmp_path, "prev.json", prev)
    r = cli("check", "--format", "json", "--previous", p, HUAIAN)
    assert r.exit_code == 1
    codes = [f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert "prev-carry-over" in codes
    assert json.loads(r.stdout) == check_files([str(HUAIAN)], previous=str(p))


def test_text_output_plain_when_not_a_terminal(cli, broken):
    r = cli("check", ZHUJIE, broken, env={"NO_COLOR": "1"})
    out = r.stdout
    assert "\x1b[" not in out
    assert "曲靖市麒麟区珠街街道 2020 年度，2019 版格式 —— 错误 0，警告 5，提示 1（3 个同类问题合并为 1 行显示）" in out
    assert "表三 属于国家秘密行 3 列空白（3 个单元格）" in out
    assert "三、收到和处理政府信息公开申请情况" in out
    assert "警告 value-blank  表三 1.属于国家秘密 / 社会公益组织" in out
    assert "自然人列：新收 3000 + 上年结转 34 = 3034，但办理结果总计 2932 + 结转下年度 103 = 3035，相差 1" in out


def test_quiet_prints_only_summaries(cli):
    r = cli("check", "-q", ZHUJIE, HUAIAN)
    lines = [x for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == 2 and all("——" in x for x in lines)


def test_rules_command(cli):
    r = cli("rules", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == rules_json()
    r = cli("rules", "--format", "markdown")
    assert r.stdout == rules_markdown()
    r = cli("rules")
    assert r.exit_code == 0 and "sum-balance" in r.stdout and "表内勾稽关系" in r.stdout


def test_check_does_not_import_renderers():
    import subprocess
    import sys

    code = (
        "import sys; from disclosure_cli.checks import check_files; "
        "check_files([sys.argv[1]]); "
        "print(sorted(m for m in ('docx', 'jinja2', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(HUAIAN)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plain_output_does_not_import_rich(tmp_path):
    """Text output to a pipe is plain and is written without importing rich (start-up time)."""
    import subprocess
    import sys

    from conftest import SAMPLES

    code = (
        "import sys; from disclosure_cli.cli import app\n"
        "try:\n    app(['check', sys.argv[1]], prog_name='disclosure')\n"
        "except SystemExit: pass\n"
        "print('RICH' if any(m == 'rich' or m.startswith('rich.') for m in sys.modules) else 'NORICH', file=sys.stderr)\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("FORCE_COLOR",)}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "zhujie-2020.xlsx")], capture_output=True, text=True, env=env
    )
    assert "警告 text-year-other" in proc.stdout and "\x1b[" not in proc.stdout
    assert proc.stderr.strip().endswith("NORICH")


def test_broken_pipe_is_quiet(tmp_path):
    """`disclosure rules | head -1`: the reader goes away; no traceback, exit 141 (SIGPIPE)."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write fails with EPIPE
    proc = subprocess.run([sys.executable, "-m", "disclosure_cli", "rules"], stdout=write, stderr=subprocess.PIPE)
    os.close(write)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "内部错误" not in err
    assert proc.returncode == 141


def test_check_a_folder_of_reports(cli, tmp_path):
    """A reviewer checks the folder the units' workbooks were collected in (as build finds them)."""
    import shutil

    from conftest import SAMPLES

    (tmp_path / "街道").mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.xlsx", tmp_path / "街道")
    shutil.copy(SAMPLES / "huaian-2024.json", tmp_path)
    (tmp_path / "街道" / "~$zhujie-2020.xlsx").write_bytes(b"lock")
    (tmp_path / "说明.txt").write_text("x", encoding="utf-8")
    res = cli("check", tmp_path, "--format", "json")
    assert res.exit_code == 0, res.stdout
    files = [f["path"] for f in json.loads(res.stdout)["files"]]
    assert files == [str(tmp_path / "huaian-2024.json"), str(tmp_path / "街道" / "zhujie-2020.xlsx")]
    empty = tmp_path / "空"
    empty.mkdir()
    res = cli("check", empty)
    assert res.exit_code == 2 and "没有找到报告文件" in res.stdout


def test_control_characters_of_a_report_never_reach_the_terminal(cli, tmp_path):
    """An org name carrying ESC sequences is printed as visible escapes, not sent to the terminal."""
    import json as _json

    from conftest import SAMPLES

    data = _json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    data["org"] = "淮安\x1b[2J\x1b]0;x\x07市人民政府"
    path = tmp_path / "esc.json"
    path.write_text(_json.dumps(data, ensure_ascii=False), "utf-8")
    res = cli("check", path)
    assert res.exit_code == 1  # text-invalid-character
    assert "\x1b" not in res.stdout and "\x07" not in res.stdout
    assert "淮安\\x1b[2J" in res.stdout


def test_check_holds_one_report_at_a_time(tmp_path, monkeypatch, capsys):
    """`check DIR` prints each report as soon as it is checked and keeps none of them: while the
    next is checked, at most the one just printed is still referenced (the loop's variable), never
    the ones before it (a province's folder is not held in memory)."""
    import gc
    import shutil
    import weakref

    from conftest import SAMPLES
    from disclosure_cli.checks import runner
    from disclosure_cli.cli import checking

    for i in range(4):
        shutil.copy(SAMPLES / "huaian-2024.json", tmp_path / f"u{i}.json")
    alive = []
    real = runner.iter_checks

    def watched(*a, **k):
        for path, item in real(*a, **k):
            gc.collect()
            alive.append(sum(1 for r in refs if r() is not None))
            refs.append(weakref.ref(item.report))
            yield path, item

    refs: list = []
    monkeypatch.setattr("disclosure_cli.checks.iter_checks", watched)
    for fmt in ("text", "json"):
        refs.clear()
        alive.clear()
        assert checking.run([tmp_path], fmt=fmt) == 0
        assert len(alive) == 4 and max(alive) <= 1, (fmt, alive)
    assert capsys.readouterr().out.count("淮安市人民政府") >= 4
