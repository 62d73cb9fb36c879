"""The speed targets of issue 14, measured side by side (run by hand; not part of the tests).

    python benchmarks/speed.py [--n 1000] [--repeat 9] [--python PY] [--before PY_OLD]

Use clean virtual environments with the project *installed* (not editable: an editable install
adds an import hook to every start-up that users of a wheel do not pay):

    python3 -m venv /tmp/after && /tmp/after/bin/pip install .
    git worktree add /tmp/old <commit before issue 14> && python3 -m venv /tmp/before && /tmp/before/bin/pip install /tmp/old
    python benchmarks/speed.py --python /tmp/after/bin/python --before /tmp/before/bin/python

Prints a Markdown table of medians (wall time of whole processes, interleaved so that background
load hits every command alike), with ``--before`` the same commands of the older install beside:

1. ``disclosure check`` on one generated workbook vs ``python -c "import openpyxl;
   openpyxl.load_workbook(F)"`` — target ≤ 0.6×;
2. ``disclosure build -j 2`` of N generated units (docx + html) — target ≤ 25 s for 1,000, and the
   machine's own two-process ceiling measured in the same run; 10,000 units extrapolated ≤ 3 min;
3. peak RSS of one worker for N and N/4 units — flat.
Reading and Word alone: ``read_workbook.py`` and ``word.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import median, print_table, timed  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="units in the batch (default 1000)")
    ap.add_argument("--repeat", type=int, default=9, help="repetitions of the one-workbook measurements")
    ap.add_argument("--batch-repeat", type=int, default=1, help="repetitions of the batch builds")
    ap.add_argument("--python", default=sys.executable, help="the Python of the environment to measure")
    ap.add_argument("--before", help="the Python of an environment with the older version, measured beside")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "disclosure-speed")
    args = ap.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    envs = {"after": args.python} | ({"before": args.before} if args.before else {})

    def cli(py: str) -> list[str]:
        exe = Path(py).with_name("disclosure")
        return [str(exe)] if exe.exists() else [py, "-m", "disclosure_cli"]

    def books(n: int) -> Path:
        folder = work / f"units-{n}"
        if not folder.exists() or len(list(folder.rglob("*.xlsx"))) != n:
            shutil.rmtree(folder, ignore_errors=True)
            subprocess.run([args.python, str(HERE / "generate.py"), str(n), str(folder)], check=True)
        return folder

    big = books(args.n)
    one = sorted(big.rglob("*.xlsx"))[0]
    rows: list[tuple[str, ...]] = []

    # 1. check one workbook vs the bare openpyxl load, interleaved
    times: dict[str, list[float]] = {k: [] for k in [*envs, "openpyxl"]}
    for _ in range(args.repeat):
        for tag, py in envs.items():
            times[tag].append(timed([*cli(py), "check", str(one), "-q"]))
        times["openpyxl"].append(timed([args.python, "-c", f"import openpyxl; openpyxl.load_workbook({str(one)!r})"]))
    base = median(times["openpyxl"])
    for tag in envs:
        r = median(times[tag]) / base
        rows.append((f"`check` one workbook ({tag})", f"{median(times[tag]):.3f} s", f"openpyxl.load_workbook {base:.3f} s → {r:.2f}×", "≤ 0.6×" + (" ✅" if r <= 0.6 else " ❌")))

    # 2. the machine's two-process ceiling, then build -j 2 of N units
    spin = [args.python, "-c", "x = 0\nfor i in range(15_000_000): x += i"]
    alone = [timed(spin) for _ in range(3)]
    pair = []
    for _ in range(3):
        t = time.perf_counter()
        procs = [subprocess.Popen(spin) for _ in range(2)]
        for p in procs:
            p.wait()
        pair.append(time.perf_counter() - t)
    ceiling = 2 * median(alone) / median(pair)

    def batch(py: str, folder: Path, tag: str) -> tuple[float, dict]:
        out, state, rep = work / f"out-{tag}", work / f"state-{tag}", work / f"{tag}.json"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        env = {**os.environ, "DISCLOSURE_STATE_DIR": str(state)}
        t = timed([*cli(py), "build", str(folder), "-o", str(out), "-j", "2", "-q", "--to", "docx,html", "--report", str(rep)], env)
        return t, json.loads(rep.read_text(encoding="utf-8"))

    runs: dict[str, list[tuple[float, dict]]] = {tag: [] for tag in envs}
    for _ in range(args.batch_repeat):
        for tag, py in envs.items():
            runs[tag].append(batch(py, big, tag))
    for tag in envs:
        t = median([x for x, _ in runs[tag]])
        per = t / args.n
        rows.append((f"`build -j 2` {args.n} units, docx + html ({tag})", f"{t:.1f} s", f"{per * 1000:.1f} ms a unit; 10,000 units ≈ {per * 10000 / 60:.1f} min", ("≤ 25 s for 1,000, ≤ 3 min for 10,000" + (" ✅" if per * 1000 <= 25 else " ❌"))))
    rows.append(("the machine: 2 CPU-bound processes at once", "", f"{ceiling:.2f}× the work of one in the same time", "(ceiling for `-j 2`)"))

    # 3. worker memory, N and N/4
    small = books(max(2, args.n // 4))
    rss_big = max(r["worker_peak_rss_kb"] or 0 for _, r in runs["after"]) / 1024
    rss_small = (batch(args.python, small, "small")[1]["worker_peak_rss_kb"] or 0) / 1024
    rows.append((f"peak RSS of one worker, {args.n} vs {max(2, args.n // 4)} units", f"{rss_big:.0f} MB", f"{rss_small:.0f} MB", "flat" + (" ✅" if rss_big <= rss_small * 1.1 + 5 else " ❌")))

    print_table(rows, "benchmarks/speed.py", f"; load average at the start: {load:.2f}")


if __name__ == "__main__":
    main()
