"""Roll-up of N generated units against `check` of the same folder (not a timed test).

    python benchmarks/rollup.py N [--workdir DIR]

Generates N units of one year and format (benchmarks/generate.py), then runs, each in a fresh
process, `disclosure check DIR -q` and `disclosure rollup DIR -o 汇总.xlsx`, and prints wall time
and peak memory (ru_maxrss) of each. Goals (issue 12): roll-up within 1.3× the time of check;
peak memory flat in N (run with N and 4N and compare); the review page (`disclosure review`)
under 2 s beyond check and under 5 MB."""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import synthetic  # noqa: E402

from disclosure_cli.jsonform import dumps  # noqa: E402


def make(n: int, folder: Path, year: int = 2024) -> None:
    rnd = random.Random(2026)
    i = made = 0
    while made < n:
        d = synthetic(rnd, i)
        i += 1
        if d["year"] != year:
            continue
        d["org"] = f"某某区第{made + 1:04d}单位"
        sub = folder / f"片{made % 10:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"u{made:04d}.json").write_text(dumps(d), encoding="utf-8")
        made += 1


def timed(args: list[str]) -> tuple[float, int, int]:
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return time.perf_counter() - start, max(after, before), p.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="rollup-bench-"))
    inputs = work / "units"
    if not inputs.exists():
        make(args.n, inputs)
    exe = [sys.executable, "-m", "disclosure_cli"]
    os.environ.setdefault("DISCLOSURE_STATE_DIR", str(work / "state"))
    t_check, m_check, rc1 = timed(exe + ["check", str(inputs), "-q"])
    t_roll, m_roll, rc2 = timed(exe + ["rollup", str(inputs), "-o", str(work / "汇总.xlsx"), "--org", "某某区人民政府", "-q", "--force"])
    print(f"units {args.n}: check {t_check:.1f} s (exit {rc1}); rollup {t_roll:.1f} s (exit {rc2}); ratio {t_roll / t_check:.2f}")
    t_rev, m_rev, rc3 = timed(exe + ["review", str(inputs), "-o", str(work / "审核.html"), "--force"])
    size = (work / "审核.html").stat().st_size
    print(f"review {t_rev:.1f} s (exit {rc3}), {t_rev - t_check:+.1f} s beyond check, page {size / 1e6:.2f} MB")
    print(f"peak memory of children so far (KiB): after check {m_check}, after rollup {m_roll}")


if __name__ == "__main__":
    main()
