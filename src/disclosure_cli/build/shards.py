"""A large run split over the tasks of a job array (Slurm or any scheduler): ``--shard K/N``
takes the K-th of N parts of the inputs, and ``merge`` joins the parts' run reports into one.

- **Which inputs a part takes** (``select``): the inputs in discovery order, a workbook and its
  JSON twin of the same name counted as one (they must be built by the same task), dealt out in
  turn: the 1st, (N+1)-th… to part 1, and so on. Every task sees the same folders, so the parts
  are disjoint, cover every input and differ in size by at most one report.
- **Merging** (``merge``): the parts' inputs one after the other, the worst exit code, counts
  made anew from the inputs. Refused (exit 2): a file that is not a run report of ours, parts
  run with different options, one input in two parts; a part missing from a complete
  set of ``K/N`` shards is listed in ``missing_shards`` and makes the exit code 2 (an array
  task that never wrote its report must not pass unnoticed).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Sequence

from ..errors import EXIT_UNUSABLE, InputError, UsageError

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse(text: str | None) -> tuple[int, int] | None:
    """``"3/10"`` → ``(3, 10)``; ``None`` stays ``None``."""
    if text is None:
        return None
    m = _SHARD.fullmatch(text)
    if not m or not 1 <= int(m[1]) <= int(m[2]):
        raise UsageError(
            f"--shard 的格式为 K/N（共 N 份中的第 K 份，1 ≤ K ≤ N），例如 --shard 3/10；收到的是「{text}」", code="build-shard"
        )
    return int(m[1]), int(m[2])


def select(found: Sequence, shard: tuple[int, int] | None) -> list:
    """The inputs (``discovery.Found``) of part ``shard``; twins stay together."""
    if shard is None:
        return list(found)
    k, n = shard
    order: dict[tuple[Path, Path], int] = {}
    for f in found:
        order.setdefault((f.root, f.rel.with_suffix("")), len(order))
    return [f for f in found if order[(f.root, f.rel.with_suffix(""))] % n == k - 1]


def _read(path: Path) -> dict:
    from .run import REPORT_SCHEMA, is_run_report

    if not path.is_file():
        raise InputError("运行记录文件不存在", code="file-missing", path=str(path))
    if not is_run_report(path):
        raise InputError("不是本程序的运行记录（disclosure build --report 写出的 JSON 文件）", code="merge-not-run-report", path=str(path))
    data = json.loads(path.read_bytes().decode("utf-8"))
    if data.get("schema") != REPORT_SCHEMA or not isinstance(data.get("inputs"), list):
        raise InputError(f"运行记录的格式版本（{data.get('schema')!r}）不是本程序所用的 {REPORT_SCHEMA}", code="merge-not-run-report", path=str(path))
    return data


def merge(paths: Sequence[str | os.PathLike]) -> dict:
    """One run report made of the parts' run reports (see the module docstring)."""
    from .one import STATUSES
    from .stamp import file_sha256

    if not paths:
        raise UsageError("请给出要合并的运行记录文件", code="merge-no-input")
    parts = [(Path(p), _read(Path(p))) for p in paths]
    first_path, first = parts[0]
    same = {k: v for k, v in first.get("options", {}).items() if k != "shard"}
    for path, data in parts[1:]:
        other = {k: v for k, v in data.get("options", {}).items() if k != "shard"}
        if other != same:
            differ = "、".join(sorted(k for k in set(same) | set(other) if same.get(k) != other.get(k)))
            raise UsageError(f"运行记录 {path} 与 {first_path} 的运行选项不同（{differ}），不是同一次运行的各部分，不能合并", code="merge-options-differ")
    inputs: list[dict] = []
    where: dict[str, Path] = {}
    for path, data in parts:
        for item in data["inputs"]:
            key = str(item.get("path"))
            if key in where and item.get("status") != "failed":
                raise UsageError(f"同一输入 {key} 出现在 {where[key]} 和 {path} 两份运行记录中，不能合并", code="merge-duplicate-input")
            where.setdefault(key, path)
            inputs.append(item)
    shards = [data.get("options", {}).get("shard") for _, data in parts]
    missing_shards: list[str] = []
    totals = {s.split("/")[1] for s in shards if s}
    if len(totals) == 1 and all(shards):
        n = int(totals.pop())
        have = {int(s.split("/")[0]) for s in shards}
        missing_shards = [f"{k}/{n}" for k in range(1, n + 1) if k not in have]
    exit_code = max([int(d.get("exit_code") or 0) for _, d in parts] + ([EXIT_UNUSABLE] if missing_shards else []))
    missing = sorted({m for _, d in parts for m in d.get("missing") or []})
    rss = [d.get("worker_peak_rss_kb") for _, d in parts if d.get("worker_peak_rss_kb")]
    return {
        "schema": first["schema"],
        "kind": first["kind"],
        "program": first.get("program"),
        "started": min((d.get("started") or "" for _, d in parts), default=""),
        "elapsed_seconds": max((d.get("elapsed_seconds") or 0 for _, d in parts), default=0),
        "today": first.get("today"),
        "jobs": sum(int(d.get("jobs") or 0) for _, d in parts),
        "worker_peak_rss_kb": max(rss) if rss else None,
        "options": {**same, "shard": None},
        "exit_code": exit_code,
        "counts": {s: sum(1 for i in inputs if i.get("status") == s) for s in STATUSES},
        "missing": missing,
        "missing_shards": missing_shards,
        "parts": [
            {
                "path": str(path),
                "sha256": file_sha256(path),
                "shard": data.get("options", {}).get("shard"),
                "started": data.get("started"),
                "elapsed_seconds": data.get("elapsed_seconds"),
                "exit_code": data.get("exit_code"),
                "inputs": len(data["inputs"]),
            }
            for path, data in parts
        ],
        "inputs": inputs,
    }
