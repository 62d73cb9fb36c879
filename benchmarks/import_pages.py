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


def timed(cmd: list[str], env: dict, n: int = 7) -> float:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    env = dict(os.environ, DISCLOSURE_STATE_DIR=tempfile.mkdtemp())
    exe = shutil.which("disclosure") or sys.exit("disclosure not installed")
    with tempfile.TemporaryDirectory() as d:
        page = Path(d) / "page.html"
        page.write_bytes(big_page())
        size = page.stat().st_size
        check = timed([exe, "check", str(page)], env)
        parse = timed([sys.executable, "-c", f"import lxml.html; lxml.html.parse({str(page)!r})"], env)
        print(f"page: {size / 1024:.0f} KB")
        print(f"disclosure check page.html: {check * 1000:.0f} ms (median of 7)")
        print(f"python -c 'import lxml.html; lxml.html.parse(F)': {parse * 1000:.0f} ms")
        print(f"ratio: {check / parse:.2f}")
        bare = timed([exe, "--help"], env)
        print(f"disclosure --help (the CLI's own start-up): {bare * 1000:.0f} ms")
        print(f"check page.html minus start-up: {(check - bare) * 1000:.0f} ms")
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
