"""The Word document's time per report, before and after issue 14, side by side in one process.

    python benchmarks/word.py [--n 200] [--repeat 15] [--old-rev dbee2ea] [--sizes 1000,10000,50000]

"Before" is ``render/docx.py`` of ``--old-rev`` (the python-docx writer), loaded from git into
this process next to the current one (python-docx must be installed: ``pip install -e '.[test]'``);
without git or that revision only the current writer is measured. Prints Markdown tables:

1. per report (``render_docx(document(report))``, median of ``--repeat`` runs): both samples, and
   the mean over ``--n`` generated reports (``generate.synthetic``, built in memory: no workbook
   is read);
2. linear in paragraphs: the 淮安 sample with its last section replaced by 1k / 10k / 50k
   paragraphs (time per paragraph stays flat);
3. linear in table rows: a table of a synthetic layout grid with 1k / 10k / 50k rows of a label
   and three values.

Each measurement of 2. and 3. runs in a process of its own (best of three up to 10k, one run
above).

The old writer is timed at the largest size only with ``--old-max`` at least that size (50,000
paragraphs take it several seconds)."""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import synthetic  # noqa: E402

from disclosure_cli.formats import CellKey  # noqa: E402
from disclosure_cli.jsonform import from_data  # noqa: E402
from disclosure_cli.model import Paragraph  # noqa: E402
from disclosure_cli.reader import load  # noqa: E402
from disclosure_cli.render import TABLE, TITLE, Document, Piece, document  # noqa: E402
from disclosure_cli.render.docx import render_docx  # noqa: E402
from disclosure_cli.tablegrid import HEADER, LABEL, VALUE, Grid, GridCell  # noqa: E402

SAMPLES = ROOT / "samples"


def old_writer(rev: str):
    """``render_docx`` of ``src/disclosure_cli/render/docx.py`` at ``rev``, or None."""
    try:
        src = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:src/disclosure_cli/render/docx.py"],
            capture_output=True, text=True, check=True,
        ).stdout
        import docx  # noqa: F401  (the old writer needs python-docx)
    except (OSError, subprocess.CalledProcessError, ImportError) as e:
        print(f"(old writer not available: {e})", file=sys.stderr)
        return None
    mod = types.ModuleType("disclosure_cli.render._docx_before_issue_14")
    mod.__package__ = "disclosure_cli.render"
    exec(compile(src, f"render/docx.py@{rev}", "exec"), mod.__dict__)
    return mod.render_docx


def median_ms(fn, repeat: int) -> float:
    fn()  # warm: caches, imports
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def per_report(writers: dict, n: int, repeat: int) -> list[str]:
    rows = ["| report | size of document.xml | " + " | ".join(writers) + " | ratio |", "|---|---|" + "---|" * (len(writers) + 1)]
    for name in ("huaian-2024.json", "zhujie-2020.json"):
        report = load(SAMPLES / name)
        size = _document_xml_size(render_docx(document(report)))
        ms = {w: median_ms(lambda f=f: f(document(report)), repeat) for w, f in writers.items()}
        rows.append(f"| sample {name} | {size // 1024} KB | " + " | ".join(f"{v:.1f} ms" for v in ms.values()) + _ratio(ms))
    rnd = random.Random(2026)
    reports = [from_data(synthetic(rnd, i)) for i in range(n)]
    size = statistics.mean(_document_xml_size(render_docx(document(r))) for r in reports[:20])
    ms = {}
    for w, f in writers.items():
        for r in reports[:3]:
            f(document(r))
        best = []
        for _ in range(3):  # the best of three passes over all reports
            t = time.perf_counter()
            for r in reports:
                f(document(r))
            best.append((time.perf_counter() - t) / n * 1000)
        ms[w] = min(best)
    rows.append(f"| mean of {n} generated reports | {size / 1024:.0f} KB | " + " | ".join(f"{v:.1f} ms" for v in ms.values()) + _ratio(ms))
    return rows


def _ratio(ms: dict) -> str:
    vals = list(ms.values())
    return f" | {vals[0] / vals[-1]:.1f}× |" if len(vals) > 1 else " | |"


def _document_xml_size(data: bytes) -> int:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size


def paragraphs_doc(n: int) -> Document:
    report = load(SAMPLES / "huaian-2024.json")
    report.sections["6"] = [Paragraph(f"第{i}段：本机关认真落实政务公开工作要求，及时回应社会关切。") for i in range(n)]
    return document(report)


class _RowsDoc(Document):
    def value(self, key: CellKey) -> str:
        return str(hash(key) % 100000)


def rows_doc(n: int) -> Document:
    """A title and one table of ``n`` body rows (a label and three values) under a header row."""
    report = load(SAMPLES / "huaian-2024.json")
    table = report.format.tables[0]
    cells = [GridCell(0, k, t, HEADER) for k, t in enumerate(("项目", "甲", "乙", "丙"))]
    for r in range(1, n + 1):
        cells.append(GridCell(r, 0, f"第{r}项", LABEL))
        cells += [GridCell(r, k, "", VALUE, key=CellKey("x", f"r{r}", f"c{k}")) for k in (1, 2, 3)]
    grid = Grid(table, tuple(cells), n + 1, 4, 1, 1)
    return _RowsDoc(report, "表", ("表",), [Piece(TITLE, "表"), Piece(TABLE, "表", grid=grid)])


MAKERS = {"paragraphs": paragraphs_doc, "table rows": rows_doc}


def one(what: str, n: int, writer: str, rev: str) -> float:
    """Seconds of one writer on one document (the best of three; one at the largest sizes)."""
    f = render_docx if writer == "now" else old_writer(rev)
    doc = MAKERS[what](n)
    f(MAKERS[what](10))  # warm: imports, the reference package
    best = []
    for _ in range(3 if n <= 10000 else 1):
        t = time.perf_counter()
        f(doc)
        best.append(time.perf_counter() - t)
    return min(best)


def linear(writers: dict, what: str, sizes: list[int], old_max: int, rev: str) -> list[str]:
    """Each measurement in a fresh process: a large document of one writer does not leave the
    other a heap to work around."""
    rows = [f"| {what} | " + " | ".join(writers) + " | per 1,000 (" + ", ".join(writers) + ") |", "|---|" + "---|" * (len(writers) + 1)]
    for n in sizes:
        out = {}
        for w in writers:
            if w != "now" and n > old_max:
                out[w] = None
                continue
            cmd = [sys.executable, __file__, "--one", what, str(n), "now" if w == "now" else "before", "--old-rev", rev]
            out[w] = float(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        cells = " | ".join("—" if v is None else f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s" for v in out.values())
        per = ", ".join("—" if v is None else f"{v / n * 1000 * 1000:.1f} ms" for v in out.values())
        rows.append(f"| {n:,} | {cells} | {per} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="generated reports (default 200)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--old-rev", default="dbee2ea", help="revision of the python-docx writer (default dbee2ea)")
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--old-max", type=int, default=10000, help="largest size the old writer is timed at")
    ap.add_argument("--one", nargs=3, metavar=("WHAT", "N", "WRITER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        what, n, writer = args.one
        print(one(what, int(n), writer, args.old_rev))
        return
    writers = {}
    old = old_writer(args.old_rev)
    if old is not None:
        writers[f"before ({args.old_rev})"] = old
    writers["now"] = render_docx
    sizes = [int(s) for s in args.sizes.split(",")]
    print("\n".join(per_report(writers, args.n, args.repeat)))
    for what in MAKERS:
        print()
        print("\n".join(linear(writers, what, sizes, args.old_max, args.old_rev)))


if __name__ == "__main__":
    main()
