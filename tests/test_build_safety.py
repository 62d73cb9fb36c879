"""``disclosure build`` under abuse: nothing lost, never exit 3 for any input, no worker left
behind. Each case: the exact exit code, (part of) the Chinese message, and inputs untouched."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from disclosure_cli import build as B
from disclosure_cli.build import one, state


@pytest.fixture
def work(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("huaian-2024.json", "huaian-2024.xlsx", "zhujie-2020.json"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------------------------
# The run report (--report)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("target", ["huaian-2024.xlsx", "huaian-2024.json", "previous", "output"])
def test_run_report_never_replaces_a_file_of_the_run(cli, work, tmp_path, force, target):
    before = snapshot(work)
    out = tmp_path / "out"
    prev = tmp_path / "prev.json"
    shutil.copy(SAMPLES / "zhujie-2020.json", prev)
    path = {"previous": prev, "output": out / "zhujie-2020.html"}.get(target, work / target)
    args = ["build", work / "zhujie-2020.json", work / "huaian-2024.xlsx", "-o", out, "--report", path, "--draft"]
    if target == "huaian-2024.json":  # an input found in a folder, not named on the command line
        args = ["build", work, "-o", out, "--report", path]
    if target == "previous":
        args += ["--previous", prev]
    r = cli(*args, *(["--force"] if force else []))
    assert r.exit_code == 2, r.output
    assert "运行记录（--report）不能写到本次运行的输入或输出文件上，即使加 --force 也不会覆盖" in r.output
    assert not out.exists()  # refused before anything was built
    assert snapshot(work) == before
    assert prev.read_bytes() == (SAMPLES / "zhujie-2020.json").read_bytes()


def test_run_report_replaces_only_an_earlier_run_report(cli, work, tmp_path):
    before = snapshot(work)
    notes = tmp_path / "说明.txt"
    notes.write_text("我的笔记", encoding="utf-8")
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out", "--report", notes)
    assert r.exit_code == 2
    assert "文件已存在，且不是本程序的运行记录，未覆盖" in r.output and "--force" in r.output
    assert notes.read_text(encoding="utf-8") == "我的笔记" and not (tmp_path / "out").exists()
    # with --force the user says so
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out", "--report", notes, "--force")
    assert r.exit_code == 0, r.output
    assert json.loads(notes.read_text(encoding="utf-8"))["kind"] == "disclosure-build-run"
    # an earlier run report is replaced without --force
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out", "--report", notes)
    assert r.exit_code == 0 and json.loads(notes.read_text(encoding="utf-8"))["counts"]["unchanged"] == 1
    # a folder is never replaced
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out", "--report", tmp_path, "--force")
    assert r.exit_code == 2 and "运行记录（--report）的路径是一个文件夹" in r.output
    assert snapshot(work) == before


# --------------------------------------------------------------------------------------------
# Build records of the wrong shape
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.update(outputs=5),
        lambda r: r.update(summary=[1]),
        lambda r: r.update(outputs=[o[:2] for o in r["outputs"]]),
        lambda r: r["summary"].update(deadline="明年"),
        lambda r: r["summary"].update(errors="0"),
        lambda r: r.update(status="same"),
        lambda r: r.clear(),
        lambda r: r.update(stats={k: v[:3] for k, v in r["stats"].items()}),
        lambda r: r.update(stats={k: [str(x) for x in v] for k, v in r["stats"].items()}),
        lambda r: r.update(stats=[1, 2]),
    ],
    ids=["outputs-5", "summary-list", "two-element-rows", "deadline-text", "count-text", "status", "empty",
         "stats-three", "stats-text", "stats-list"],
)
def test_a_bad_build_record_means_build_again(work, tmp_path, state_dir, damage):
    src = work / "zhujie-2020.json"
    before = src.read_bytes()
    assert B.build([src], outdir=tmp_path / "out").exit_code == 0
    (record,) = state_dir.glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    damage(data)
    record.write_text(json.dumps(data), encoding="utf-8")
    run = B.build([src], outdir=tmp_path / "out")
    assert run.exit_code == 0 and run.outcomes[0].status == "built"  # not unchanged, and no exit 3
    rewritten = json.loads(record.read_text(encoding="utf-8"))
    assert state.Record.from_json(rewritten, one.RECORDED) is not None
    assert B.build([src], outdir=tmp_path / "out").outcomes[0].status == "unchanged"
    assert src.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Long names
# --------------------------------------------------------------------------------------------


def test_output_names_up_to_the_limit_work(cli, tmp_path):
    stem = "报" * 80 + "a" * 10  # 250 bytes: input 255, outputs 255 (the temporary name is short)
    src = tmp_path / f"{stem}.json"
    shutil.copy(SAMPLES / "zhujie-2020.json", src)
    before = src.read_bytes()
    r = cli("build", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{stem}.docx", f"{stem}.html"]
    # --fragment adds bytes: 264 is over the limit — a clear message, exit 2, nothing written
    r = cli("build", src, "-o", tmp_path / "frag", "--fragment")
    assert r.exit_code == 2, r.output
    assert "文件名过长（264 字节，文件系统最多 255 字节）" in r.output
    assert not (tmp_path / "frag").exists() or not list((tmp_path / "frag").iterdir())
    # among other inputs: that one fails, the others are built
    shutil.copy(SAMPLES / "huaian-2024.json", tmp_path / "short.json")
    run = B.build([src, tmp_path / "short.json"], outdir=tmp_path / "frag2", fragment=True)
    assert [o.status for o in run.outcomes] == ["failed", "built"] and run.exit_code == 2
    assert run.outcomes[0].error["code"] == "output-name-too-long"
    # a run report or an export under a name that is too long
    r = cli("build", tmp_path / "short.json", "-o", tmp_path / "o3", "--report", tmp_path / ("r" * 256))
    assert r.exit_code == 2 and "文件名过长（256 字节" in r.output
    r = cli("export", tmp_path / "short.json", "-o", tmp_path / ("e" * 256))
    assert r.exit_code == 2 and "文件名过长（256 字节" in r.output
    assert src.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Folders, --debug, the usage line
# --------------------------------------------------------------------------------------------


def test_output_folder_that_is_the_input_folder(cli, work):
    before = snapshot(work)
    r = cli("build", work, "-o", work)
    assert r.exit_code == 2
    assert "输出文件夹就是输入文件夹" in r.output and "没有找到报告文件" not in r.output
    (work / "sub").mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", work / "sub" / "z.json")
    r = cli("build", work / "sub", "-o", work)
    assert r.exit_code == 2 and "输出文件夹包含输入文件夹" in r.output
    assert snapshot(work) == {**before, "sub/z.json": (SAMPLES / "zhujie-2020.json").read_bytes()}
    # an output folder inside the input folder is fine
    assert cli("build", work, "-o", work / "输出").exit_code == 0


def test_export_to_a_folder_says_so(cli, tmp_path):
    for extra in ([], ["--force"]):
        r = cli("export", SAMPLES / "huaian-2024.json", "-o", tmp_path, *extra)
        assert r.exit_code == 2
        assert "输出路径是一个文件夹，请给出文件名" in r.output and "--force" not in r.output
    assert list(tmp_path.iterdir()) == []


def _bug(report, target, **kw):
    raise ZeroDivisionError("bug in rendering")


def test_debug_shows_the_traceback_of_an_inputs_internal_error(cli, work, tmp_path, monkeypatch):
    monkeypatch.setattr(one, "render", _bug)
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out")
    assert r.exit_code == 3 and "程序内部错误（ZeroDivisionError: bug in rendering）" in r.output
    assert "Traceback" not in r.output
    r = cli("--debug", "build", work / "zhujie-2020.json", "-o", tmp_path / "out")
    assert r.exit_code == 3 and "Traceback (most recent call last)" in r.output and "ZeroDivisionError" in r.output
    r = cli("build", work / "zhujie-2020.json", "-o", tmp_path / "out", env={"DISCLOSURE_DEBUG": "1"})
    assert r.exit_code == 3 and "Traceback (most recent call last)" in r.output


def test_debug_shows_the_traceback_from_a_worker(work, tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import sys\n"
        "if '--multiprocessing-fork' in sys.argv:  # in the workers only\n"
        "    from disclosure_cli.build import one\n"
        "    def render(*a, **k):\n"
        "        raise ZeroDivisionError('bug in a worker')\n"
        "    one.render = render\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), str(ROOT / "src")])}
    cmd = [sys.executable, "-m", "disclosure_cli", "--debug", "build", str(work), "-o", str(tmp_path / "out"), "-j", "2"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback (most recent call last)" in proc.stderr
    assert proc.stderr.count("ZeroDivisionError: bug in a worker") == 3  # one traceback per input


def test_usage_line_is_chinese(cli):
    r = cli("build")
    assert r.exit_code == 2
    assert "用法：disclosure build [选项] 报告文件或文件夹..." in r.output and "{files}" not in r.output


# --------------------------------------------------------------------------------------------
# Workers die with their parent
# --------------------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent that never reaps it counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("pdeathsig", [True, False], ids=["prctl", "watchdog-only"])
def test_workers_exit_when_the_parent_is_killed(tmp_path, pdeathsig):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(5):
        shutil.copy(SAMPLES / "zhujie-2020.json", root / f"u{i}.json")
    code = (
        "import multiprocessing, sys, time\n"
        "from disclosure_cli.build import workers\n"
        f"workers.PDEATHSIG = {pdeathsig}\n"
        "from disclosure_cli.build.run import run\n"
        "def stuck(outcome):\n"
        "    print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
        "    time.sleep(600)\n"
        f"run([{str(root)!r}], outdir={str(tmp_path / 'out')!r}, jobs=2, on_result=stuck)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, env=os.environ.copy())
    pids: list[int] = []
    try:
        import select

        ready, _, _ = select.select([parent.stdout], [], [], 240)
        assert ready, "the build did not get going"
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        os.kill(parent.pid, signal.SIGKILL)  # only the parent
        parent.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in pids):
            time.sleep(0.1)
        assert not [p for p in pids if _alive(p)], "workers outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for p in pids:  # should the test fail, leave nothing running
            if _alive(p):
                os.kill(p, signal.SIGKILL)


# --------------------------------------------------------------------------------------------
# A workbook's twin when the workbook fails; the state folder
# --------------------------------------------------------------------------------------------


def test_twin_of_a_failing_workbook_is_listed_not_lost(work, tmp_path, monkeypatch):
    before = snapshot(work)
    monkeypatch.setattr(one, "render", _bug)
    run = B.build([work], outdir=tmp_path / "out")
    by = {o.display: o for o in run.outcomes}
    assert by["huaian-2024.xlsx"].error["code"] == "internal" and run.exit_code == 3
    assert by["huaian-2024.json"].status == "failed" and by["huaian-2024.json"].error["code"] == "build-twin-unchecked"
    monkeypatch.undo()
    good = (work / "huaian-2024.xlsx").read_bytes()
    (work / "huaian-2024.xlsx").write_bytes(good[: len(good) // 2])  # still being saved
    run = B.build([work], outdir=tmp_path / "out")
    by = {o.display: o for o in run.outcomes}
    assert run.exit_code == 2 and by["huaian-2024.xlsx"].status == "failed"
    assert "须与同名的 huaian-2024.xlsx 为同一报告" in by["huaian-2024.json"].error["message"]
    (work / "huaian-2024.xlsx").write_bytes(good)
    assert snapshot(work) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux location")
def test_state_folder_default_location(monkeypatch, tmp_path):
    monkeypatch.delenv("DISCLOSURE_STATE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert state.folder() == tmp_path / "disclosure" / "builds"
    monkeypatch.setenv("DISCLOSURE_STATE_DIR", str(tmp_path / "x"))
    assert state.folder() == tmp_path / "x"
