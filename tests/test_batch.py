"""``disclosure build`` over folders: discovery, output tree, parallel = serial, bad inputs among
good ones, incremental skip, two runs at once, the run report, exit codes and the summary."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from disclosure_cli import build as B
from disclosure_cli import discovery
from disclosure_cli.build import one, run as R, stamp


def _data(name: str = "huaian-2024", **meta) -> dict:
    data = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["meta"].update(meta)
    return data


def put(path: Path, data: dict | None = None, **meta) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data or _data(**meta), ensure_ascii=False), encoding="utf-8")
    return path


def with_errors(path: Path, **meta) -> Path:
    data = _data(**meta)
    data["t3"]["1"]["natural"] = 3000  # 一、本年新收 no longer adds up
    return put(path, data)


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def tree(tmp_path) -> Path:
    """Two districts with same-named inputs, a workbook, and a sub-folder."""
    root = tmp_path / "收集"
    put(root / "区A" / "unit.json")
    put(root / "区B" / "unit.json", _data("zhujie-2020"))
    (root / "区B" / "街道").mkdir(parents=True)
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "区B" / "街道" / "huaian.xlsx")
    return root


# --------------------------------------------------------------------------------------------
# Discovery and the output tree
# --------------------------------------------------------------------------------------------


def test_discovery_rules(tmp_path):
    root = tmp_path / "in"
    put(root / "a.json")
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "b.xlsx")
    (root / "sub").mkdir()
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "sub" / "c.XLSX")
    (root / "~$b.xlsx").write_bytes(b"lock")  # Office / WPS lock
    (root / ".~lock.b.xlsx#").write_text("lock")  # LibreOffice lock
    (root / ".hidden.xlsx").write_bytes(b"x")
    (root / ".git").mkdir()
    put(root / ".git" / "d.json")  # hidden folder
    (root / ".~dtmp-k3j2a9x1").write_bytes(b"")  # our own temporary file
    (root / ".b.xlsx.k3j2.tmp").write_bytes(b"")  # an older program's temporary file
    (root / "~WRL0001.tmp").write_bytes(b"")
    (root / "b.xlsx.bak").write_bytes(b"")
    (root / "notes.txt").write_text("x")
    (root / "b.docx").write_bytes(b"x")
    (root / "b.html").write_text("x")
    (root / "package.json").write_text('{"name": "x"}')  # a JSON that is not a report
    (root / "half.json").write_text('{"t3": {')  # half-saved: reported, not ignored
    (root / "run.json").write_text(json.dumps({"kind": discovery.REPORT_KIND, "inputs": []}))
    put(root / "out" / "e.json")  # under OUTDIR: our own outputs' folder
    found, missing = discovery.discover([root], exclude=[root / "out"])
    assert [f.rel.as_posix() for f in found] == ["a.json", "b.xlsx", "half.json", "sub/c.XLSX"]
    assert missing == []
    # a file given by name is taken as given; a missing one is reported
    found, missing = discovery.discover([root / ".hidden.xlsx", root / "nope.xlsx", root])
    assert found[0].rel.as_posix() == ".hidden.xlsx" and missing == [root / "nope.xlsx"]
    assert len([f for f in found if f.path.name == ".hidden.xlsx"]) == 1


def test_output_tree_mirrors_folders(cli, tree, tmp_path):
    out = tmp_path / "out"
    r = cli("build", tree, "-o", out)
    assert r.exit_code == 0, r.output
    assert files_under(out) == [
        "区A/unit.docx", "区A/unit.html", "区B/unit.docx", "区B/unit.html", "区B/街道/huaian.docx", "区B/街道/huaian.html",
    ]
    # the inputs are only read, and nothing of ours is left beside them
    assert files_under(tree) == ["区A/unit.json", "区B/unit.json", "区B/街道/huaian.xlsx"]
    # the output folder inside the input folder is not read back as input
    r = cli("build", tree, "-o", tree / "输出")
    assert r.exit_code == 0 and "共 3 个报告" in r.output
    r = cli("build", tree, "-o", tree / "输出")
    assert "共 3 个报告" in r.output and "未变化 3" in r.output


def test_several_roots_are_kept_apart(cli, tmp_path):
    a, b = tmp_path / "市直" / "报告", tmp_path / "区县" / "报告"
    put(a / "x.json")
    put(b / "x.json", _data("zhujie-2020"))
    out = tmp_path / "out"
    r = cli("build", a, b, "-o", out, "--to", "html")
    assert r.exit_code == 0, r.output
    assert files_under(out) == ["区县/报告/x.html", "市直/报告/x.html"]
    assert "淮安市" in (out / "市直/报告/x.html").read_text(encoding="utf-8")
    assert "珠街" in (out / "区县/报告/x.html").read_text(encoding="utf-8")


def test_clash_fails_only_the_clashing_inputs(cli, tmp_path):
    """A workbook and a JSON form of the same name whose data differ: both fail, with one
    message, printed once; the others are built."""
    root = tmp_path / "in"
    put(root / "a.json", _data("zhujie-2020"))
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "a.xlsx")  # both would write a.docx
    put(root / "b.json")
    before = {p.name: p.read_bytes() for p in root.iterdir()}
    run = B.build([root], outdir=tmp_path / "out")
    assert [o.status for o in run.outcomes] == ["failed", "failed", "built"]
    assert {o.error["code"] for o in run.outcomes[:2]} == {"build-twin-differs"}
    assert run.exit_code == 2
    assert files_under(tmp_path / "out") == ["b.docx", "b.html"]
    r = cli("build", root, "-o", tmp_path / "out2")
    assert r.exit_code == 2
    message = "a.xlsx 与 a.json 同名但数据不同"
    assert r.output.count(message) == 1, r.output
    assert "见 a.json" in r.output  # the second row of the table points at the first
    assert {p.name: p.read_bytes() for p in root.iterdir()} == before


def test_workbook_and_json_with_the_same_data_are_one_report(cli, tmp_path):
    """The project's samples folder: x.xlsx and x.json side by side, the same data."""
    root = tmp_path / "samples"
    shutil.copytree(SAMPLES, root)
    before = {p.name: p.read_bytes() for p in root.iterdir()}
    out = tmp_path / "out"
    r = cli("build", root, "-o", out)
    assert r.exit_code == 0, r.output
    assert files_under(out) == ["huaian-2024.docx", "huaian-2024.html", "zhujie-2020.docx", "zhujie-2020.html"]
    assert "huaian-2024.json 与 huaian-2024.xlsx 数据相同，已按 huaian-2024.xlsx 生成" in r.output
    assert "同一报告 2" in r.output and "已生成 2" in r.output
    run = B.build([root], outdir=out)
    assert statuses(run) == {
        "huaian-2024.json": "same", "huaian-2024.xlsx": "unchanged", "zhujie-2020.json": "same", "zhujie-2020.xlsx": "unchanged"
    }
    assert run.exit_code == 0 and run.outcomes[0].same_as == "huaian-2024.xlsx"
    # the JSON edited so that it no longer says the same: both fail, the outputs stay as they were
    put(root / "zhujie-2020.json", _data("zhujie-2020", address="另一个地址"))
    run = B.build([root], outdir=out)
    assert statuses(run)["zhujie-2020.json"] == statuses(run)["zhujie-2020.xlsx"] == "failed"
    assert run.exit_code == 2
    # a broken JSON beside a good workbook: the workbook is built, the JSON's own error is reported
    (root / "huaian-2024.json").write_text("{not json", encoding="utf-8")
    run = B.build([root], outdir=tmp_path / "out3", to="html")
    st = statuses(run)
    assert st["huaian-2024.xlsx"] == "built" and st["huaian-2024.json"] == "failed"
    assert [o.error["path"] for o in run.outcomes if o.display == "huaian-2024.json"] == ["huaian-2024.json"]
    assert {p.name for p in root.iterdir()} == set(before)


def test_samples_folder_builds_as_documented(cli, tmp_path):
    """README command 1 and its folder form, on the repository's own samples."""
    before = {p.name: p.read_bytes() for p in SAMPLES.iterdir() if p.is_file()}
    r = cli("build", SAMPLES / "zhujie-2020.xlsx", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert files_under(tmp_path / "out") == ["zhujie-2020.docx", "zhujie-2020.html"]
    r = cli("build", SAMPLES, "-o", tmp_path / "all", "-j", "2")
    assert r.exit_code == 0, r.output
    assert len(files_under(tmp_path / "all")) == 4
    assert {p.name: p.read_bytes() for p in SAMPLES.iterdir() if p.is_file()} == before


# --------------------------------------------------------------------------------------------
# Parallel, bad inputs, exit codes
# --------------------------------------------------------------------------------------------


def _comparable(run: R.Run, out: Path) -> list:
    rows = []
    for o in run.outcomes:
        outputs = []
        for target, path, _ in o.outputs:
            p = Path(path)
            if target == "docx":
                with zipfile.ZipFile(p) as z:
                    body = z.read("word/document.xml")
            else:
                body = p.read_bytes()
            outputs.append((target, p.relative_to(out).as_posix(), body))
        rows.append((o.display, o.status, o.org, o.year, o.errors, o.warnings, o.deadline, o.findings, o.error, outputs))
    return rows


def test_parallel_equals_serial(tree, tmp_path):
    with_errors(tree / "区C" / "bad.json")
    (tree / "区C" / "empty.xlsx").write_bytes(b"")
    serial = B.build([tree], outdir=tmp_path / "o1", jobs=1, draft=True)
    parallel = B.build([tree], outdir=tmp_path / "o2", jobs=2, draft=True)
    assert parallel.jobs == 2
    assert [o.display for o in serial.outcomes] == sorted(o.display for o in serial.outcomes)
    assert _comparable(serial, tmp_path / "o1") == _comparable(parallel, tmp_path / "o2")
    assert [o.status for o in parallel.outcomes] == ["built", "built", "built", "draft", "failed"]
    assert parallel.peak_rss_kb() is None or parallel.peak_rss_kb() > 0


def test_bad_inputs_never_stop_the_others_and_are_retried(cli, tmp_path):
    root = tmp_path / "in"
    put(root / "good.json")
    good = (SAMPLES / "huaian-2024.xlsx").read_bytes()
    (root / "half.xlsx").write_bytes(good[: len(good) // 2])  # still being saved
    (root / "empty.xlsx").write_bytes(b"")
    (root / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # .xls renamed
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "别的表格"
    wb.save(root / "other.xlsx")  # a workbook, not our template
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    report = tmp_path / "run.json"
    r = cli("build", root, "-o", out, "--report", report, "-j", "2")
    assert r.exit_code == 2, r.output
    data = json.loads(report.read_text(encoding="utf-8"))
    status = {i["display"]: i["status"] for i in data["inputs"]}
    assert status["good.json"] == "built"
    assert {k for k, v in status.items() if v == "failed"} >= {"half.xlsx", "empty.xlsx", "old.xlsx", "bad.json"}
    for i in data["inputs"]:
        if i["status"] == "failed":
            assert i["error"]["code"] and i["error"]["message"] and not i["outputs"]
    assert files_under(out) == ["good.docx", "good.html"]
    # next run: the failures are tried again (never recorded as done), the good one is skipped
    (root / "half.xlsx").write_bytes(good)  # the clerk finished saving
    r = cli("build", root, "-o", out, "--report", report)
    data = json.loads(report.read_text(encoding="utf-8"))
    status = {i["display"]: i["status"] for i in data["inputs"]}
    assert status["good.json"] == "unchanged" and status["half.xlsx"] == "built"
    assert status["empty.xlsx"] == status["bad.json"] == "failed"


@pytest.mark.parametrize(
    "inputs,code",
    [
        (("good",), 0),
        (("good", "errors"), 1),
        (("good", "errors", "unusable"), 2),
        (("unusable",), 2),
    ],
)
def test_exit_code_is_the_worst(tmp_path, inputs, code):
    root = tmp_path / "in"
    makers = {
        "good": lambda: put(root / "good.json"),
        "errors": lambda: with_errors(root / "errors.json"),
        "unusable": lambda: (root / "unusable.json").write_text("[]", encoding="utf-8"),
    }
    root.mkdir()
    for name in inputs:
        makers[name]()
    files = [root / f"{n}.json" for n in inputs]
    assert B.build(files, outdir=tmp_path / "out").exit_code == code
    # --draft writes the drafts, the exit code stays 1 for data errors
    assert B.build(files, outdir=tmp_path / "out2", draft=True).exit_code == code


def test_internal_error_in_one_input_is_contained(tmp_path, monkeypatch):
    root = tmp_path / "in"
    put(root / "a.json")
    put(root / "b.json", _data("zhujie-2020"))
    real = one.render

    def render(report, target, **kw):
        if report.year == 2020:
            raise ZeroDivisionError("bug")
        return real(report, target, **kw)

    monkeypatch.setattr(one, "render", render)
    run = B.build([root], outdir=tmp_path / "out")
    assert [o.status for o in run.outcomes] == ["built", "failed"]
    assert run.outcomes[1].error["code"] == "internal" and run.exit_code == 3


# --------------------------------------------------------------------------------------------
# Incremental builds
# --------------------------------------------------------------------------------------------


def statuses(run) -> dict[str, str]:
    return {o.display: o.status for o in run.outcomes}


def test_incremental_skip_and_what_it_covers(tree, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = B.build([tree], outdir=out)
    assert set(statuses(first).values()) == {"built"}
    again = B.build([tree], outdir=out)
    assert set(statuses(again).values()) == {"unchanged"}
    # the recorded facts come back for the summary
    assert [(o.org, o.year, o.warnings, o.deadline) for o in again.outcomes] == [
        (o.org, o.year, o.warnings, o.deadline) for o in first.outcomes
    ]
    # the input changes → only that one is rebuilt
    put(tree / "区A" / "unit.json", address="淮安市某路2号")
    assert statuses(B.build([tree], outdir=out)) == {
        "区A/unit.json": "built", "区B/unit.json": "unchanged", "区B/街道/huaian.xlsx": "unchanged"
    }
    # the same bytes saved again (mtime only) → still unchanged
    p = tree / "区A" / "unit.json"
    os.utime(p, (p.stat().st_atime + 100, p.stat().st_mtime + 100))
    assert statuses(B.build([tree], outdir=out))["区A/unit.json"] == "unchanged"
    # --force rebuilds all
    assert set(statuses(B.build([tree], outdir=out, force=True)).values()) == {"built"}
    # an output deleted, or edited, is not "unchanged"
    (out / "区B" / "unit.docx").unlink()
    assert statuses(B.build([tree], outdir=out))["区B/unit.json"] == "built"
    html = out / "区B" / "unit.html"
    html.write_text(html.read_text(encoding="utf-8") + "<!-- 人工修改 -->", encoding="utf-8")
    run = B.build([tree], outdir=out)
    assert statuses(run)["区B/unit.json"] == "failed" and run.exit_code == 2  # not overwritten
    assert "人工修改" in html.read_text(encoding="utf-8")
    html.unlink()
    # options that shape the outputs count: formats, fragment, draft, the previous year
    assert set(statuses(B.build([tree], outdir=out)).values()) == {"built", "unchanged"}
    assert set(statuses(B.build([tree], outdir=out, to="html")).values()) == {"built"}
    assert set(statuses(B.build([tree], outdir=out, to="html")).values()) == {"unchanged"}
    assert set(statuses(B.build([tree], outdir=out, draft=True)).values()) == {"built"}
    prev = put(tmp_path / "prev.json", _data("zhujie-2020"))
    assert set(statuses(B.build([tree], outdir=out, draft=True, previous=prev)).values()) - {"built", "draft"} == set()
    assert set(statuses(B.build([tree], outdir=out, draft=True, previous=prev)).values()) == {"unchanged"}
    # and so does the program version
    monkeypatch.setattr(one, "__version__", "9.9.9")
    assert set(statuses(B.build([tree], outdir=out, draft=True, previous=prev)).values()) - {"built", "draft"} == set()


def _hashed(monkeypatch) -> list[str]:
    """The files the build reads and hashes from now on."""
    seen: list[str] = []
    real = one.file_sha256

    def spy(path):
        seen.append(str(path))
        return real(path)

    monkeypatch.setattr(one, "file_sha256", spy)
    return seen


def test_unchanged_run_hashes_no_file_whose_signature_is_recorded(tree, tmp_path, monkeypatch):
    out = tmp_path / "out"
    B.build([tree], outdir=out)
    hashed = _hashed(monkeypatch)
    run = B.build([tree], outdir=out)
    assert set(statuses(run).values()) == {"unchanged"}
    inputs_and_outputs = {o.path for o in run.outcomes} | {p for o in run.outcomes for _, p, _ in o.outputs}
    assert not inputs_and_outputs & set(hashed)
    # a record written before signatures were kept: every file hashed, still unchanged
    from disclosure_cli.build import state

    for record in state.folder().glob("*.json"):
        data = json.loads(record.read_text(encoding="utf-8"))
        del data["stats"]
        record.write_text(json.dumps(data), encoding="utf-8")
    hashed.clear()
    assert set(statuses(B.build([tree], outdir=out)).values()) == {"unchanged"}
    assert inputs_and_outputs <= set(hashed)


@pytest.mark.parametrize("which", ["input", "output"])
def test_a_file_changed_in_place_with_its_size_and_times_put_back_is_noticed(tree, tmp_path, which):
    """Same size, modification time set back: the change time (which no tool can set back)
    gives it away, and the file is hashed: an edited input is rebuilt, an edited output is
    not taken for ours."""
    out = tmp_path / "out"
    B.build([tree], outdir=out)
    path = tree / "区A" / "unit.json" if which == "input" else out / "区A" / "unit.html"
    st = path.stat()
    data = path.read_bytes()
    old, new = ("淮安市", "淮阴市") if which == "input" else ("<p", "<P")
    assert old.encode() in data and len(old.encode()) == len(new.encode())
    with open(path, "r+b") as f:  # in place: the same inode
        f.write(data.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)
    run = B.build([tree], outdir=out)
    if which == "input":
        assert statuses(run)["区A/unit.json"] == "built"
    else:
        assert statuses(run)["区A/unit.json"] == "failed" and run.exit_code == 2  # edited: not overwritten
        assert b"<P" in path.read_bytes()


def test_second_run_starts_no_worker_and_imports_nothing_heavy(tree, tmp_path):
    out = tmp_path / "out"
    assert B.build([tree], outdir=out).exit_code == 0
    code = (
        "import sys\n"
        "from disclosure_cli.build.run import run\n"
        f"r = run([{str(tree)!r}], outdir={str(out)!r}, jobs=2)\n"
        "assert {o.status for o in r.outcomes} == {'unchanged'}, [o.status for o in r.outcomes]\n"
        "heavy = [m for m in ('openpyxl', 'docx', 'jinja2', 'multiprocessing.pool', 'disclosure_cli.model', 'disclosure_cli.formats') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert proc.returncode == 0, proc.stderr


def test_unchanged_drafts_keep_exit_code_1(tmp_path):
    bad = with_errors(tmp_path / "in" / "bad.json")
    assert B.build([bad], outdir=tmp_path / "out", draft=True).exit_code == 1
    run = B.build([bad], outdir=tmp_path / "out", draft=True)
    assert run.outcomes[0].status == "unchanged" and run.outcomes[0].was == "draft"
    assert run.outcomes[0].errors > 0 and run.exit_code == 1
    # blocked inputs are never recorded: checked again each time
    assert B.build([bad], outdir=tmp_path / "o2").outcomes[0].status == "blocked"
    assert B.build([bad], outdir=tmp_path / "o2").outcomes[0].status == "blocked"
    assert not (tmp_path / "o2").exists()


def test_two_runs_at_once(tmp_path, state_dir):
    """Two real processes on the same folders: every output complete, each input built once."""
    root = tmp_path / "in"
    for i in range(6):
        put(root / f"区{i % 2}" / f"u{i}.json", _data("huaian-2024" if i % 2 else "zhujie-2020"))
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "区0" / "wb.xlsx")
    out = tmp_path / "out"
    env = {**os.environ, "DISCLOSURE_STATE_DIR": str(state_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "disclosure_cli", "build", str(root), "-o", str(out), "-j", "2", "--report", str(tmp_path / f"r{k}.json")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
        )
        for k in range(2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    reports = [json.loads((tmp_path / f"r{k}.json").read_text(encoding="utf-8")) for k in range(2)]
    for a, b in zip(*(r["inputs"] for r in reports)):
        assert a["path"] == b["path"]
        assert sorted([a["status"], b["status"]]) == ["built", "unchanged"], (a, b)
    names = files_under(out)
    assert len(names) == 14 and not [n for n in names if n.endswith(".tmp") or "/." in n]
    for p in out.rglob("*.docx"):
        with zipfile.ZipFile(p) as z:
            assert z.testzip() is None and b"</w:document>" in z.read("word/document.xml")
    for p in out.rglob("*.html"):
        assert p.read_text(encoding="utf-8").rstrip().endswith("</html>")
    # and what is there is what the record says: a third run finds everything unchanged
    assert {o.status for o in B.build([root], outdir=out).outcomes} == {"unchanged"}


# --------------------------------------------------------------------------------------------
# Run report, summary, deadlines
# --------------------------------------------------------------------------------------------


def test_run_report_contents(tree, tmp_path):
    with_errors(tree / "区C" / "late.json", kind="department")
    report = tree / "run.json"  # inside the input folder: never read back as input
    today = dt.date(2025, 2, 3)
    run = B.build([tree], outdir=tmp_path / "out", draft=True, run_report=report, today=today)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["kind"] == "disclosure-build-run"
    assert data["exit_code"] == run.exit_code == 1
    assert data["counts"]["built"] == 3 and data["counts"]["draft"] == 1
    assert data["today"] == "2025-02-03" and data["options"]["draft"] is True
    assert not [p for p in tree.iterdir() if p.name.endswith(".tmp")]
    by = {i["display"]: i for i in data["inputs"]}
    late = by["区C/late.json"]
    assert late["org"] == "淮安市人民政府" and late["year"] == 2024 and late["status"] == "draft"
    assert late["counts"]["errors"] > 0
    assert late["deadline"] == {
        "date": "2025-01-31", "basis": "条例第四十九条（县级以上人民政府部门）", "days_left": -3, "overdue": True,
        "published": None,
    }
    gov = by["区A/unit.json"]  # county_gov: 3月31日, built: not overdue
    assert gov["deadline"]["date"] == "2025-03-31" and gov["deadline"]["days_left"] == 56
    assert gov["deadline"]["overdue"] is False
    for i in data["inputs"]:
        assert Path(i["path"]).is_absolute()
        for o in i["outputs"]:
            assert stamp.file_sha256(o["path"]) == o["sha256"]
    # the next run: the report file in the input folder is not an input
    run = B.build([tree], outdir=tmp_path / "out", draft=True, run_report=report, today=today)
    assert len(run.outcomes) == 4 and {o.status for o in run.outcomes} == {"unchanged"}


def test_local_deadline_overrides(tmp_path):
    p = put(tmp_path / "a.json", kind="department", deadline="2025年1月20日")
    run = B.build([p], outdir=tmp_path / "out", today=dt.date(2025, 1, 20))
    o = run.outcomes[0]
    assert o.deadline == "2025-01-20" and run.days_left(o) == 0 and not run.overdue(o)


def test_summary_table(cli, tree, tmp_path):
    with_errors(tree / "区C" / "late.json", kind="department", deadline="2020-01-01")
    r = cli("build", tree, "-o", tmp_path / "out", "--draft")
    assert r.exit_code == 1
    for text in ("文件", "单位", "年度", "状态", "错误", "警告", "截止日期", "剩余", "淮安市人民政府", "珠街",
                 "已生成草稿", "已逾期，尚未定稿", "区C/late.json", "共 4 个报告"):
        assert text in r.output, text
    assert "生成报告" not in r.output  # no progress bar when stderr is not a terminal
    # -q: only what needs attention, no findings
    r = cli("build", tree, "-o", tmp_path / "out", "--draft", "-q")
    assert r.exit_code == 1
    assert "区C/late.json" in r.output and "区A/unit.json" not in r.output
    assert "sum-" not in r.output and "未变化 4" in r.output


def test_single_file_shows_its_deadline(cli, tmp_path):
    p = put(tmp_path / "a.json", kind="county_gov")
    r = cli("build", p, "-o", tmp_path / "out")
    assert r.exit_code == 0 and "已生成" in r.output and "发布截止日期：2025-03-31" in r.output
    r = cli("build", p, "-o", tmp_path / "out")
    assert r.exit_code == 0 and "未变化" in r.output


def test_nothing_found_is_a_usage_error(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    r = cli("build", tmp_path / "empty", "-o", tmp_path / "out")
    assert r.exit_code == 2 and "没有找到报告文件" in r.output
    r = cli("build", tmp_path / "empty", "-j", "0")
    assert r.exit_code == 2


def test_days_to_the_deadline_say_whether_a_dated_report_was_on_time(tmp_path, cli):
    """Past the deadline, a report without a 发布日期 says the date is missing (not “逾期 N 天”);
    one with a date says whether it was published on time (issue 9)."""
    import json as _json

    data = _json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    undated = tmp_path / "undated.json"
    undated.write_text(_json.dumps(data, ensure_ascii=False), "utf-8")
    data["meta"]["published"] = "2025-03-20"
    dated = tmp_path / "dated.json"
    dated.write_text(_json.dumps(data, ensure_ascii=False), "utf-8")
    res = cli("build", undated, "-o", tmp_path / "out")
    assert res.exit_code == 0
    assert "未填发布日期" in res.stdout and "逾期" not in res.stdout
    res = cli("build", dated, "-o", tmp_path / "out")
    assert res.exit_code == 0
    assert "发布日期 2025-03-20，按时" in res.stdout
