"""Benchmark of reading published web pages (issue 11). Not a test: run by hand.

    python benchmarks/import_pages.py            # figures for benchmarks/README.md

1. ``disclosure check page.html`` on a page of about 350 KB, whole process, against
   ``python -c "import lxml.html; lxml.html.parse(F)"`` on the same file (the target: within 1.5×).
2. 1,000 pages checked in one call (``disclosure check FOLDER``): pages per second.

The 350 KB page is the Word-paste fixture (``tests/fixtures/published/trs-editor-gbk.html``)
padded with site chrome (navigation lists, scripts) to the size of a real page."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "published" / "trs-editor-gbk.html"


def big_page(target: int = 350_000) -> bytes:
    page = PAGE.read_bytes().decode("gb18030")
    chrome = "".join(
        f'<li class="nav-item"><a href="/zwgk/{i}/" title="栏目{i}">政务公开栏目 {i}</a>'
        f'<script>var m{i} = {{"id": {i}, "name": "栏目{i}"}};</script></li>\n'
        for i in range(4000)
    )
    k = page.find("<body>") + len("<body>")
    out = page[:k] + '<ul class="nav">' + chrome + "</ul>" + page[k:]
    data = out.encode("gb18030")
    while len(data) > target:
        chrome = chrome[: int(len(chrome) * 0.95)]
        chrome = chrome[: chrome.rfind("</li>") + 5]
        out = page[:k] + '<ul class="nav">' + chrome + "</ul>" + page[k:]
        data = out.encode("gb18030")
    return data


def side_by_side(cmds: dict, env: dict, n: int = 21) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of each command, run in turn ``n`` times: on a shared machine whose speed
    drifts, both sides of a ratio see the same moments. A command is an argument list (a whole
    process) or a function measuring something in this process and returning (wall, CPU)."""
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
    for _ in range(n):
        for name, cmd in cmds.items():
            if callable(cmd):
                runs[name].append(cmd())
                continue
            t = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            runs[name].append((time.perf_counter() - t, usage.ru_utime + usage.ru_stime))
    return runs


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def warm(page: Path) -> dict:
    """In-process measurements for ``side_by_side``: ``check`` on ``page`` in this process once it
    has checked it (everything imported, every regular expression compiled) and
    ``lxml.html.parse`` on it — the part of the whole-process time no faster start-up can take
    away."""
    import contextlib
    import io

    import lxml.html

    from disclosure_cli.cli.checking import run

    def timed(f):
        def measure() -> tuple[float, float]:
            w, c = time.perf_counter(), time.process_time()
            f()
            return time.perf_counter() - w, time.process_time() - c

        return measure

    def check() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            run([page])

    check()
    return {"warm check": timed(check), "warm parse": timed(lambda: lxml.html.parse(str(page)))}


# ``check`` in a child process that times, with its own CPU clock, the two costs of start-up that
# Python pays again in every process: compiling regular expressions (``re``'s compiler is pure
# Python) and creating dataclasses (each generated method compiled on its own in 3.11). It
# prints the two sums (ms) on stderr.
_ACCOUNTED = """
import contextlib, dataclasses, io, os, sys, time
import re._compiler as C
spent = [0.0, 0.0]
def timed(f, i):
    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[i] += time.process_time() - t
    return g
C.compile = timed(C.compile, 0)
dataclasses._process_class = timed(dataclasses._process_class, 1)
sys.argv = ["disclosure", "check", sys.argv[1]]
from disclosure_cli.cli import main
try:
    with contextlib.redirect_stdout(io.StringIO()):
        main()
except SystemExit:
    pass
os.write(2, f"{spent[0] * 1000} {spent[1] * 1000}".encode())
"""


def accounted(page: Path, env: dict):
    """For ``side_by_side``: the ``check`` process less what it spent compiling regular expressions
    and creating dataclasses — what a start-up with both free would cost."""

    def measure() -> tuple[float, float]:
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _ACCOUNTED, str(page)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        regex, classes = (float(x) / 1000 for x in proc.stderr.read().split()[-2:])
        _, _, usage = os.wait4(proc.pid, 0)
        spent = regex + classes
        return time.perf_counter() - t - spent, usage.ru_utime + usage.ru_stime - spent

    return measure


def main() -> None:
    env = dict(os.environ, DISCLOSURE_STATE_DIR=tempfile.mkdtemp())
    exe = shutil.which("disclosure") or sys.exit("disclosure not installed")
    with tempfile.TemporaryDirectory() as d:
        page = Path(d) / "page.html"
        page.write_bytes(big_page())
        size = page.stat().st_size
        runs = side_by_side(
            {
                "check": [exe, "check", str(page)],
                "parse": [sys.executable, "-c", f"import lxml.html; lxml.html.parse({str(page)!r})"],
                "check less regex and dataclasses": accounted(page, env),
                # Python's start and the parser library, which any checker of the page must load
                "start and lxml": [sys.executable, "-c", "import lxml.etree"],
                **warm(page),
            },
            env,
        )
        (check, check_cpu), (parse, parse_cpu) = _median(runs["check"]), _median(runs["parse"])
        print(f"page: {size / 1024:.0f} KB")
        print(f"disclosure check page.html: {check * 1000:.0f} ms wall, {check_cpu * 1000:.0f} ms CPU (medians of 21, run in turn with the next)")
        print(f"python -c 'import lxml.html; lxml.html.parse(F)': {parse * 1000:.0f} ms wall, {parse_cpu * 1000:.0f} ms CPU")
        print(f"ratio: {check / parse:.2f} (wall), {check_cpu / parse_cpu:.2f} (CPU)")
        steady, parsing = _median(runs["warm check"])[1], _median(runs["warm parse"])[1]
        floor = statistics.median(
            (base[1] + w[1] - p[1]) / base[1] for base, w, p in zip(runs["parse"], runs["warm check"], runs["warm parse"])
        )
        print(
            f"in this process, warm (nothing left to import or compile): check {steady * 1000:.1f} ms CPU, "
            f"of which parsing {parsing * 1000:.1f} ms → with a free start-up the ratio would still be "
            f"{floor:.2f} (CPU, median of the rounds)"
        )
        less = _median(runs["check less regex and dataclasses"])[1]
        print(
            f"the check process less its regex compiling and dataclass creation: {less * 1000:.0f} ms CPU → "
            f"{less / parse_cpu:.2f} (CPU)"
        )
        # what the target leaves for our own start-up (importing our modules, compiling their
        # regular expressions, creating their classes), against what it costs
        base = _median(runs["start and lxml"])[1]
        print(
            f"the 1.5× target leaves for our own start-up: 1.5 × {parse_cpu * 1000:.0f} − (Python and lxml "
            f"{base * 1000:.0f} + the warm check {steady * 1000:.0f}) = {(1.5 * parse_cpu - base - steady) * 1000:.0f} ms CPU; "
            f"it costs {(check_cpu - base - steady) * 1000:.0f} ms"
        )
        folder = Path(d) / "many"
        folder.mkdir()
        data = PAGE.read_bytes()
        for i in range(1000):
            (folder / f"p{i:04d}.html").write_bytes(data)
        t = time.perf_counter()
        subprocess.run([exe, "check", str(folder), "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        print(f"1000 pages of {len(data) / 1024:.0f} KB in one call: {dt:.1f} s = {1000 / dt:.0f} pages/s")


if __name__ == "__main__":
    main()
