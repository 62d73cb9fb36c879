"""``disclosure build`` with the reviewer's decisions (``disclosure accept``): an accepted finding
does not block, a report whose errors were all accepted is built as final and the run report
says so; accepting or undoing rebuilds (the decisions file is part of the build record); a
decisions file that cannot be read fails only the inputs it applies to."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES
from disclosure_cli import build as B
from disclosure_cli import decisions as D
from disclosure_cli.build import one, state
from disclosure_cli.render import DRAFT_MARK

REASON = "总计与原件一致，已与经办人核实"


def broken(folder: Path, name: str = "broken.json") -> Path:
    """淮安 2024 with 自然人 新收 changed: two errors (sum-balance, sum-row-total)."""
    data = json.loads((SAMPLES / "huaian-2024.json").read_text(encoding="utf-8"))
    data["t3"]["1"]["natural"] = 3000
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def work(tmp_path) -> Path:
    folder = tmp_path / "in"
    broken(folder)
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")
    return folder


def inputs(folder: Path) -> dict[str, bytes]:
    """The reports and the decisions files under ``folder``, as bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix in (".json", ".xlsx")}


def accept(cli, path, *args, decisions=None):
    extra = ("--decisions", decisions) if decisions else ()
    r = cli("accept", path, *args, "--reason", REASON, "--by", "张三", *extra)
    assert r.exit_code == 0, r.output
    return r


def marked(html: Path) -> bool:
    """Whether the page or its Word twin carries the draft mark."""
    docx = html.with_suffix(".docx")
    with zipfile.ZipFile(docx) as z:
        word = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    return DRAFT_MARK in html.read_text(encoding="utf-8") or DRAFT_MARK in word


def run_report(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {Path(i["path"]).name: i for i in data["inputs"]}


def test_accepting_every_error_builds_the_report_as_final(cli, work, tmp_path):
    bad = work / "broken.json"
    out = tmp_path / "out"
    r = cli("build", bad, "-o", out)
    assert r.exit_code == 1 and "未生成任何文件" in r.output and not out.exists()

    # one of its two errors accepted: still blocked, the accepted one shown as such
    accept(cli, bad, "sum-balance", "--error")
    before = inputs(work)
    r = cli("build", bad, "-o", out, "--report", tmp_path / "run.json")
    assert r.exit_code == 1 and "未生成任何文件" in r.output and not out.exists()
    assert "错误 1，警告 0" in r.output and "已确认 1" in r.output
    assert "已确认 错误 sum-balance" in r.output and f"理由：{REASON}（张三，" in r.output
    item = run_report(tmp_path / "run.json")["broken.json"]
    assert item["status"] == "blocked" and item["counts"]["errors"] == 1
    assert item["accepted"] == {"error": 1, "warning": 0, "info": 0} and item["errors_accepted"] == 1
    assert item["final_by_decision"] is False

    # both accepted: built as final, exit 0, the run report says why
    accept(cli, bad, "sum-row-total", "--error")
    before = inputs(work)
    r = cli("build", bad, "-o", out, "--report", tmp_path / "run.json")
    assert r.exit_code == 0, r.output
    assert "错误已全部确认" in r.output and "已正式生成（不是草稿）" in r.output
    assert "已确认 错误 sum-row-total" in r.output and "已生成草稿" not in r.output
    assert sorted(p.name for p in out.iterdir()) == ["broken.docx", "broken.html"]
    assert not marked(out / "broken.html")
    item = run_report(tmp_path / "run.json")["broken.json"]
    assert item["status"] == "built" and item["exit_code"] == 0
    assert item["counts"]["errors"] == 0 and item["errors_accepted"] == 2 and item["final_by_decision"] is True
    assert item["accepted"] == {"error": 2, "warning": 0, "info": 0}
    decisions_file = work / D.DEFAULT_NAME
    assert item["decisions"] == {
        "path": str(decisions_file),
        "sha256": hashlib.sha256(decisions_file.read_bytes()).hexdigest(),
        "stale": 0,
    }
    assert inputs(work) == before  # build reads the reports and the decisions file, never writes them

    # -q: the accepted findings are not listed
    r = cli("build", bad, "-o", tmp_path / "quiet", "-q")
    assert r.exit_code == 0 and "已确认 2" in r.output  # the count, as check -q shows it
    assert "已确认 错误" not in r.output and "理由" not in r.output


def test_the_run_report_lists_each_accepted_finding_also_when_unchanged(cli, work, tmp_path):
    zhujie = work / "zhujie.json"
    accept(cli, zhujie, "value-blank")
    out = tmp_path / "out"
    for n in (1, 2):  # built, then unchanged (from the build record)
        r = cli("build", zhujie, "-o", out, "--report", tmp_path / f"run{n}.json")
        assert r.exit_code == 0, r.output
        item = run_report(tmp_path / f"run{n}.json")["zhujie.json"]
        assert item["status"] == ("built" if n == 1 else "unchanged")
        rows = item["accepted_findings"]
        assert len(rows) == 3 and {r["code"] for r in rows} == {"value-blank"}
        assert all(r["level"] == "warning" and r["reason"] == REASON and r["by"] == "张三" and r["at"] for r in rows)
        assert all(r["where"].startswith("表") and r["message"] for r in rows)


def test_a_folder_run_notes_the_accepted_errors_in_its_table(cli, work, tmp_path):
    accept(cli, work / "broken.json", "sum-balance", "sum-row-total", "--error")
    r = cli("build", work, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    line = next(l for l in r.output.splitlines() if l.startswith("broken.json") and "已生成" in l)
    assert "错误已全部确认" in line
    r = cli("build", work, "-o", tmp_path / "out")  # unchanged: the note stays
    line = next(l for l in r.output.splitlines() if l.startswith("broken.json"))
    assert "未变化" in line and "错误已全部确认" in line


def test_accepting_or_undoing_rebuilds_an_unchanged_input(cli, work, tmp_path, state_dir):
    bad, out = work / "broken.json", tmp_path / "out"
    first = B.build([bad], outdir=out, draft=True)
    assert first.outcomes[0].status == one.DRAFT and marked(out / "broken.html")
    assert B.build([bad], outdir=out, draft=True).outcomes[0].status == one.UNCHANGED

    accept(cli, bad, "sum-balance", "sum-row-total", "--error")
    again = B.build([bad], outdir=out, draft=True)
    (o,) = again.outcomes
    assert o.status == one.BUILT and o.final_by_decision and again.exit_code == 0  # not hidden as unchanged
    assert not marked(out / "broken.html")
    (record,) = [json.loads(p.read_text(encoding="utf-8")) for p in state_dir.glob("*.json")]
    digest = hashlib.sha256((work / D.DEFAULT_NAME).read_bytes()).hexdigest()
    # the record keys on the decisions about this report; the run report shows the file's bytes
    key = D.key_for(D.read(work / D.DEFAULT_NAME), [], "淮安市人民政府", 2024, "broken.json")
    assert record["decisions_sha256"] == key != digest and o.decisions_sha256 == digest
    (o,) = B.build([bad], outdir=out, draft=True).outcomes
    assert o.status == one.UNCHANGED and o.was == one.BUILT and o.final_by_decision and o.exit_code == 0

    # a decision about another report in the same file: this input is not built again
    accept(cli, work / "zhujie.json", "value-blank")
    (o,) = B.build([bad], outdir=out, draft=True).outcomes
    assert o.status == one.UNCHANGED and o.final_by_decision
    assert o.decisions_sha256 == hashlib.sha256((work / D.DEFAULT_NAME).read_bytes()).hexdigest()  # the file as it is now
    # a new reason for a decision on this report: rebuilt (the run report lists the reasons)
    assert cli("accept", bad, "sum-balance", "--error", "-r", "另一理由").exit_code == 0
    (o,) = B.build([bad], outdir=out, draft=True).outcomes
    assert o.status == one.BUILT and ("error", "sum-balance") in {(r[0], r[1]) for r in o.accepted_findings}
    assert "另一理由" in {r[4] for r in o.accepted_findings}

    # undone: a draft again
    r = cli("accept", bad, "--undo", "sum-row-total")
    assert r.exit_code == 0, r.output
    (o,) = B.build([bad], outdir=out, draft=True).outcomes
    assert o.status == one.DRAFT and o.errors == 1 and o.errors_accepted == 1 and marked(out / "broken.html")

    # the decisions file removed: recorded as "none", then unchanged
    (work / D.DEFAULT_NAME).unlink()
    (o,) = B.build([bad], outdir=out, draft=True).outcomes
    assert o.status == one.DRAFT and o.errors == 2 and o.decisions is None
    (record,) = [json.loads(p.read_text(encoding="utf-8")) for p in state_dir.glob("*.json")]
    assert record["decisions_sha256"] == "none"
    assert B.build([bad], outdir=out, draft=True).outcomes[0].status == one.UNCHANGED


def test_one_new_decision_rebuilds_only_the_report_it_is_about(cli, tmp_path):
    folder = tmp_path / "in"
    for name in ("a.json", "b.json", "c.json"):
        data = json.loads((SAMPLES / "zhujie-2020.json").read_text(encoding="utf-8"))
        data["org"] = f"单位{name[0]}"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    accept(cli, folder / "a.json", "value-blank")  # a decisions file exists from the start
    first = B.build([folder], outdir=out)
    assert sorted(o.status for o in first.outcomes) == [one.BUILT] * 3
    accept(cli, folder / "b.json", "section-empty")
    again = B.build([folder], outdir=out)
    status = {Path(o.path).name: o.status for o in again.outcomes}
    assert status == {"a.json": one.UNCHANGED, "b.json": one.BUILT, "c.json": one.UNCHANGED}
    b = next(o for o in again.outcomes if o.path.endswith("b.json"))
    assert b.accepted["warning"] == 1
    # undoing it rebuilds b alone; a broken decisions file rebuilds (and fails) every input it applies to
    assert cli("accept", folder / "b.json", "--undo", "section-empty").exit_code == 0
    status = {Path(o.path).name: o.status for o in B.build([folder], outdir=out).outcomes}
    assert status == {"a.json": one.UNCHANGED, "b.json": one.BUILT, "c.json": one.UNCHANGED}
    (folder / D.DEFAULT_NAME).write_text("{", encoding="utf-8")
    assert {o.status for o in B.build([folder], outdir=out).outcomes} == {one.FAILED}


def _corrupt(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].rstrip(",")  # a comma lost by hand-editing: line 8 is then unexpected
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_corrupt_decisions_file_fails_only_the_inputs_it_applies_to(cli, tmp_path):
    root = tmp_path / "in"
    bad = broken(root / "区A")
    (root / "区B").mkdir()
    shutil.copy(SAMPLES / "huaian-2024.json", root / "区B" / "huaian.json")
    accept(cli, bad, "sum-balance", "sum-row-total", "--error")
    out = tmp_path / "out"
    r = cli("build", root, "-o", out)
    assert r.exit_code == 0, r.output

    _corrupt(root / "区A" / D.DEFAULT_NAME)
    before = inputs(root)
    (out / "区B" / "huaian.html").unlink()  # so that 区B is built again, not unchanged
    r = cli("build", root, "-o", out, "--report", tmp_path / "run.json")
    assert r.exit_code == 2, r.output
    assert "审核记录文件" in r.stderr and "第 8 行" in r.stderr and "区A/broken.json" in r.stderr
    items = run_report(tmp_path / "run.json")
    assert items["broken.json"]["status"] == "failed" and items["broken.json"]["exit_code"] == 2
    assert items["broken.json"]["error"]["code"] == "decisions-corrupt"
    assert items["broken.json"]["org"] == "淮安市人民政府"  # the report itself was read: its row says whose it is
    assert items["huaian.json"]["status"] == "built"  # the other folder goes on
    assert inputs(root) == before  # the reports and the broken decisions file untouched

    # a decisions file that is a folder
    (root / "区A" / D.DEFAULT_NAME).unlink()
    (root / "区A" / D.DEFAULT_NAME).mkdir()
    r = cli("build", root / "区A" / "broken.json", "-o", out)
    assert r.exit_code == 2 and "审核记录文件" in r.stderr and "文件夹" in r.stderr


def test_a_given_decisions_file(cli, work, tmp_path):
    shared = tmp_path / "share" / "科室审核.json"
    shared.parent.mkdir()
    bad = work / "broken.json"
    accept(cli, bad, "sum-balance", "sum-row-total", "--error", decisions=shared)
    r = cli("build", bad, "-o", tmp_path / "out")  # not the file beside it: blocked
    assert r.exit_code == 1 and not (tmp_path / "out").exists()
    r = cli("build", bad, "-o", tmp_path / "out", "--decisions", shared)
    assert r.exit_code == 0 and "错误已全部确认" in r.output
    r = cli("build", bad, "-o", tmp_path / "o2", "--decisions", shared.parent)  # a folder: its 审核记录.json
    assert r.exit_code == 2 and "审核记录文件不存在" in r.stderr and not (tmp_path / "o2").exists()
    _corrupt(shared)
    r = cli("build", work, "-o", tmp_path / "o3", "--decisions", shared)  # checked before anything is built
    assert r.exit_code == 2 and "第 8 行" in r.stderr and not (tmp_path / "o3").exists()


def _comparable(run, root: Path) -> list:
    rows = []
    for o in run.outcomes:
        outputs = []
        for target, path, _ in sorted(o.outputs):
            if target == "docx":  # its zip carries the time it was written
                with zipfile.ZipFile(path) as z:
                    body = z.read("word/document.xml")
            else:
                body = Path(path).read_bytes()
            outputs.append((target, Path(path).relative_to(root).as_posix(), body))
        rows.append(
            (o.display, o.status, o.errors, o.warnings, o.accepted, o.errors_accepted, o.final_by_decision,
             o.findings, o.accepted_findings, o.stale, o.decisions_sha256, o.summary, o.error, outputs)
        )
    return rows


def test_parallel_gives_the_same_as_serial(cli, tmp_path):
    root = tmp_path / "in"
    for name in ("a", "b", "c"):
        broken(root / name)
    shutil.copy(SAMPLES / "zhujie-2020.json", root / "a" / "zhujie.json")
    accept(cli, root / "a" / "broken.json", "sum-balance", "sum-row-total", "--error")
    accept(cli, root / "a" / "zhujie.json", "value-blank")
    accept(cli, root / "b" / "broken.json", "sum-balance", "--error")
    (root / "c" / D.DEFAULT_NAME).write_text("{", encoding="utf-8")
    before = inputs(root)
    serial = B.build([root], outdir=tmp_path / "o1", jobs=1)
    parallel = B.build([root], outdir=tmp_path / "o2", jobs=2)
    assert parallel.jobs == 2
    assert _comparable(serial, tmp_path / "o1") == _comparable(parallel, tmp_path / "o2")
    assert [(Path(o.path).parent.name, o.status) for o in parallel.outcomes] == [
        ("a", "built"), ("a", "built"), ("b", "blocked"), ("c", "failed"),
    ]
    assert parallel.outcomes[0].final_by_decision and parallel.outcomes[1].accepted["warning"] == 3
    assert parallel.exit_code == 2
    # accepting in one folder rebuilds only the inputs that file applies to, in workers too
    accept(cli, root / "b" / "broken.json", "sum-row-total", "--error")
    again = B.build([root], outdir=tmp_path / "o2", jobs=2)
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged", "built", "failed"]
    assert again.outcomes[2].final_by_decision
    changed = {k for k in inputs(root) if inputs(root)[k] != before[k]}
    assert changed == {f"b/{D.DEFAULT_NAME}"}  # only what accept wrote


def test_a_record_without_the_decisions_digest_means_build_again():
    good = {
        "schema": state.SCHEMA, "input": "x.json", "sha256": "0" * 64, "options": "o", "status": "built",
        "outputs": [], "summary": {"errors": 0, "warnings": 0, "infos": 0}, "twin_sha256": None,
        "decisions_sha256": "none",
    }
    assert state.Record.from_json(good, one.RECORDED).decisions_sha256 == "none"
    assert state.Record.from_json(good | {"decisions_sha256": "a" * 64}, one.RECORDED) is not None
    for bad in ({k: v for k, v in good.items() if k != "decisions_sha256"}, good | {"decisions_sha256": "x"}):
        assert state.Record.from_json(bad, one.RECORDED) is None
    assert state.Record.from_json(good | {"summary": good["summary"] | {"accepted": {"error": -1}}}, one.RECORDED) is None
