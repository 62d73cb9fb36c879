"""Reading a workbook (issue 14), side by side on the same generated workbooks (run by hand).

    python benchmarks/read_workbook.py [--n 100] [--repeat 5] [--dir DIR]

For each workbook, in turn (so that the machine's load falls on every reader alike):

* ``python-calamine`` — open the workbook and every sheet's values (``to_python``): the floor;
* ``reader.load`` — our whole read into a ``Report`` with the default source (python-calamine,
  the sheet XML for formulas);
* ``reader.load, openpyxl`` — the same with ``DISCLOSURE_READER=openpyxl`` (before issue 14);
* ``openpyxl read-only`` — ``load_workbook(read_only=True)`` and every sheet's values;
* ``openpyxl default`` — ``load_workbook(F)`` (what most scripts do).

Prints a Markdown table of the medians per workbook (CPU time of this process, less sensitive
to other processes than wall time on a shared machine) and the ratios to calamine's read.
Target: ``reader.load`` ≤ 3× python-calamine. Run in a clean virtual environment (see README).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _generate(n: int, outdir: Path) -> list[Path]:
    from generate import synthetic

    from disclosure_cli.jsonform import from_data
    from disclosure_cli.xlsx_writer import write_workbook

    rnd = random.Random(2026)
    paths = []
    for i in range(n):
        path = outdir / f"unit-{i:03d}.xlsx"
        if not path.exists():
            write_workbook(from_data(synthetic(rnd, i)), path, force=True)
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dir", type=Path, help="where the workbooks are (generated there when missing)")
    args = ap.parse_args()

    import openpyxl
    import python_calamine

    from disclosure_cli.reader import load
    from disclosure_cli.xlsx_reader.source import READER_ENV

    outdir = args.dir or Path(tempfile.mkdtemp(prefix="read-bench-"))
    outdir.mkdir(parents=True, exist_ok=True)
    paths = _generate(args.n, outdir)

    def calamine(p: Path) -> None:
        wb = python_calamine.CalamineWorkbook.from_path(str(p))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
        wb.close()

    def ours(p: Path) -> None:
        os.environ.pop(READER_ENV, None)
        load(p)

    def ours_openpyxl(p: Path) -> None:
        os.environ[READER_ENV] = "openpyxl"
        try:
            load(p)
        finally:
            os.environ.pop(READER_ENV, None)

    def openpyxl_ro(p: Path) -> None:
        wb = openpyxl.load_workbook(p, read_only=True)
        for ws in wb.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        wb.close()

    def openpyxl_default(p: Path) -> None:
        openpyxl.load_workbook(p)

    readers = {
        "python-calamine (every sheet's values)": calamine,
        "`reader.load` (python-calamine + sheet XML)": ours,
        "`reader.load`, `DISCLOSURE_READER=openpyxl` (before)": ours_openpyxl,
        "openpyxl read-only (every sheet's values)": openpyxl_ro,
        "openpyxl default `load_workbook(F)`": openpyxl_default,
    }
    for f in readers.values():  # warm up: imports, caches
        f(paths[0])
    times: dict[str, list[float]] = {k: [] for k in readers}
    for _ in range(args.repeat):
        for p in paths:
            for name, f in readers.items():
                t = time.process_time()
                f(p)
                times[name].append(time.process_time() - t)
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    floor = med["python-calamine (every sheet's values)"]
    size = statistics.median(p.stat().st_size for p in paths) / 1024
    print(f"{len(paths)} generated workbooks (median {size:.0f} KB), {args.repeat} rounds, CPU time per workbook\n")
    print("| reader | median per workbook | × python-calamine |")
    print("|---|---|---|")
    for name, ms in med.items():
        print(f"| {name} | {ms:.2f} ms | {ms / floor:.2f}× |")
    ratio = med["`reader.load` (python-calamine + sheet XML)"] / floor
    print(f"\ntarget `reader.load` ≤ 3× python-calamine: {ratio:.2f}× {'✅' if ratio <= 3 else '❌'}")


if __name__ == "__main__":
    main()
