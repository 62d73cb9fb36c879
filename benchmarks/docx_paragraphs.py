"""Time of the Word document against its number of paragraphs (issue 8, item 7).

    python benchmarks/docx_paragraphs.py [N]      # default N = 5000: N and 4N paragraphs

Prints the time of each and their ratio: about 4 when the build is linear (python-docx's own
``add_paragraph`` made it quadratic: 20,000 paragraphs took 11 s, 50,000 took 250 s)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from disclosure_cli.model import Paragraph
from disclosure_cli.reader import load
from disclosure_cli.render import document
from disclosure_cli.render.docx import render_docx

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "huaian-2024.json"


def seconds(n: int) -> float:
    report = load(SAMPLE)
    report.sections["6"] = [Paragraph(f"第{i}段：本机关认真落实政务公开工作要求。") for i in range(n)]
    doc = document(report)
    start = time.perf_counter()
    render_docx(doc)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    a, b = seconds(n), seconds(4 * n)
    print(f"{n} paragraphs: {a:.2f} s; {4 * n} paragraphs: {b:.2f} s; ratio {b / a:.1f} (linear ≈ 4)")


if __name__ == "__main__":
    main()
