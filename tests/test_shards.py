"""A run split over a job array: ``build --shard K/N`` and ``merge-runs`` (``build/shards.py``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SAMPLES
from disclosure_cli import discovery
from disclosure_cli.build import shards
from disclosure_cli.cli import app
from disclosure_cli.errors import UsageError

from test_batch import put, with_errors


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def province(tmp_path) -> Path:
    """Seven reports in two districts, one with errors, and a workbook with its JSON twin."""
    root = tmp_path / "省"
    for n in range(3):
        put(root / "区A" / f"单位{n}.json", org=f"甲单位{n}")
        put(root / "区B" / f"单位{n}.json", org=f"乙单位{n}")
    with_errors(root / "区B" / "有错.json")
    (root / "区C").mkdir()
    shutil.copy(SAMPLES / "huaian-2024.xlsx", root / "区C" / "huaian.xlsx")
    shutil.copy(SAMPLES / "huaian-2024.json", root / "区C" / "huaian.json")
    return root


@pytest.mark.parametrize("text, expected", [("1/1", (1, 1)), ("3/10", (3, 10)), (" 2 / 4 ", (2, 4)), (None, None)])
def test_shard_is_parsed(text, expected):
    assert shards.parse(text) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "1/0", "-1/3", ""])
def test_a_bad_shard_is_a_usage_error(text):
    with pytest.raises(UsageError, match="--shard 的格式为 K/N"):
        shards.parse(text)


@settings(max_examples=50, deadline=None)
@given(names=st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]), min_size=0, max_size=7, unique=True),
       twins=st.sets(st.sampled_from(["a", "b", "c"])), n=st.integers(1, 5))
def test_parts_are_disjoint_cover_everything_balanced_and_keep_twins(tmp_path_factory, names, twins, n):
    root = tmp_path_factory.mktemp("s")
    for name in names:
        (root / f"{name}.json").write_text("{}", encoding="utf-8")
        if name in twins:
            (root / f"{name}.xlsx").write_bytes(b"")
    found, _ = discovery.discover([root])
    parts = [shards.select(found, (k, n)) for k in range(1, n + 1)]
    assert sorted(f.path for p in parts for f in p) == sorted(f.path for f in found)
    stems = [{f.path.stem for f in p} for p in parts]
    assert all(not (a & b) for i, a in enumerate(stems) for b in stems[i + 1:])  # a twin never split
    sizes = [len(s) for s in stems]
    assert max(sizes) - min(sizes) <= 1


def test_sharded_runs_merged_equal_one_run(province, tmp_path):
    whole = tmp_path / "whole"
    r = cli("build", province, "-o", whole, "--report", tmp_path / "whole.json", "-j", "1")
    assert r.exit_code == 1  # 有错.json
    out = tmp_path / "out"
    for k in (1, 2, 3):
        r = cli("build", province, "-o", out, "--shard", f"{k}/3", "--report", tmp_path / f"part{k}.json", "-j", "1")
        assert r.exit_code in (0, 1), r.output
        assert json.loads((tmp_path / f"part{k}.json").read_text(encoding="utf-8"))["options"]["shard"] == f"{k}/3"
    r = cli("merge-runs", *(tmp_path / f"part{k}.json" for k in (1, 2, 3)), "-o", tmp_path / "merged.json")
    assert r.exit_code == 1 and "合并 3 份运行记录：共 9 个报告" in r.stdout
    merged = json.loads((tmp_path / "merged.json").read_text(encoding="utf-8"))
    full = json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))
    key = lambda i: i["display"]  # noqa: E731
    assert sorted(map(key, merged["inputs"])) == sorted(map(key, full["inputs"]))
    assert merged["counts"] == full["counts"] and merged["exit_code"] == full["exit_code"] == 1
    assert merged["missing_shards"] == [] and [p["shard"] for p in merged["parts"]] == ["1/3", "2/3", "3/3"]
    same = {i["display"]: i["status"] for i in merged["inputs"]}
    assert same["区C/huaian.json"] == "same"  # the twin was built in the same part as its workbook
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx")) == sorted(
        p.relative_to(whole).as_posix() for p in whole.rglob("*.docx")
    )


def test_a_missing_part_is_merged_but_exit_2(province, tmp_path):
    for k in (1, 3):
        cli("build", province, "-o", tmp_path / "out", "--shard", f"{k}/3", "--report", tmp_path / f"p{k}.json", "-j", "1")
    r = cli("merge-runs", tmp_path / "p1.json", tmp_path / "p3.json", "-o", tmp_path / "m.json")
    assert r.exit_code == 2 and "缺少第 2/3 份的运行记录" in r.stdout
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["missing_shards"] == ["2/3"]


def test_parts_of_different_runs_are_refused(province, tmp_path):
    cli("build", province, "-o", tmp_path / "o1", "--shard", "1/2", "--report", tmp_path / "a.json", "-j", "1")
    cli("build", province, "-o", tmp_path / "o2", "--shard", "2/2", "--report", tmp_path / "b.json", "-j", "1", "--draft")
    r = cli("merge-runs", tmp_path / "a.json", tmp_path / "b.json", "-o", tmp_path / "m.json")
    assert r.exit_code == 2 and "运行选项不同" in r.output and "draft" in r.output
    assert not (tmp_path / "m.json").exists()


def test_the_same_part_twice_is_refused(province, tmp_path):
    cli("build", province, "-o", tmp_path / "o", "--shard", "1/2", "--report", tmp_path / "a.json", "-j", "1")
    shutil.copy(tmp_path / "a.json", tmp_path / "a2.json")
    r = cli("merge-runs", tmp_path / "a.json", tmp_path / "a2.json", "-o", tmp_path / "m.json")
    assert r.exit_code == 2 and "出现在" in r.output and not (tmp_path / "m.json").exists()


def test_not_a_run_report_and_not_overwritten(province, tmp_path):
    data = SAMPLES / "huaian-2024.json"
    before = data.read_bytes()
    r = cli("merge-runs", data, "-o", tmp_path / "m.json")
    assert r.exit_code == 2 and "不是本程序的运行记录" in r.output and data.read_bytes() == before
    cli("build", province, "-o", tmp_path / "o", "--shard", "1/1", "--report", tmp_path / "a.json", "-j", "1")
    keep = tmp_path / "笔记.txt"
    keep.write_text("别动", encoding="utf-8")
    r = cli("merge-runs", tmp_path / "a.json", "-o", keep)
    assert r.exit_code == 2 and keep.read_text(encoding="utf-8") == "别动"
    r = cli("merge-runs", tmp_path / "a.json", "-o", tmp_path / "a.json")
    assert r.exit_code == 2 and "输入或输出" in r.output
