"""Helpers of the render/build tests: text of a built .docx / .html / PDF in reading order,
and the published 珠街街道 2020 report (``tests/fixtures/seed``, copied from shared/seed) as a sequence of text chunks."""

from __future__ import annotations

import html as _html
import io
import re
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from disclosure_cli.formats import normalize_label

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def norm(text: str) -> str:
    """Compare text the way a reader does: punctuation width, spaces and line breaks ignored."""
    return normalize_label(text)


# --------------------------------------------------------------------------------------------
# .docx
# --------------------------------------------------------------------------------------------


def docx_xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


def docx_chunks(data: bytes) -> list[str]:
    """The body in reading order: each paragraph, and each table cell row by row (a vertically
    merged cell once, where it starts)."""
    from lxml import etree

    root = etree.fromstring(docx_xml(data).encode("utf-8"))
    body = root.find(f"{W}body")
    out: list[str] = []

    def ptext(p) -> str:
        return "".join(t.text or "" for t in p.iter(f"{W}t"))

    for el in body:
        if el.tag == f"{W}p":
            out.append(ptext(el))
        elif el.tag == f"{W}tbl":
            for tr in el.findall(f"{W}tr"):
                for tc in tr.findall(f"{W}tc"):
                    vm = tc.find(f"{W}tcPr/{W}vMerge")
                    if vm is not None and vm.get(f"{W}val") != "restart":
                        continue
                    out.append("".join(ptext(p) for p in tc.findall(f"{W}p")))
    return out


# --------------------------------------------------------------------------------------------
# .html
# --------------------------------------------------------------------------------------------


class _Text(HTMLParser):
    SKIP = {"style", "script", "title", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in ("p", "h1", "h2", "h3", "h4", "tr", "th", "td", "caption", "div"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(text: str) -> str:
    p = _Text()
    p.feed(text)
    return "".join(p.parts)


# --------------------------------------------------------------------------------------------
# The published original
# --------------------------------------------------------------------------------------------


def seed_chunks(seed: Path) -> list[str]:
    """The published report's title, paragraphs, headings and table rows, in order, without the
    web page's chrome (navigation, publication details, footer)."""
    lines = [l.strip() for l in seed.read_text(encoding="utf-8").splitlines()]
    start = lines.index("一、总体情况")
    # The title is printed over two lines just before the body.
    title = [l for l in lines[:start] if l and "政府信息" in l or l.endswith("工作年度报告")]
    end = next(i for i, l in enumerate(lines) if l.startswith("CopyRight"))
    body = [l for l in lines[start:end] if l]
    # The web page split the merged cell 三、本年度办理结果 in two and printed it again in front
    # of （五）不予处理; the official layout (and ours) has it once.
    i = body.index("三、本年度办理结果(五)不予")
    body[i] = "(五)不予"
    return [title[-2] + title[-1]] + body


def first_missing_in_order(chunks: list[str], text: str) -> str | None:
    """The first chunk not found in ``text`` after the previous one (normalised), else None."""
    hay = norm(text)
    at = 0
    for chunk in chunks:
        n = norm(chunk)
        if not n:
            continue
        k = hay.find(n, at)
        if k < 0:
            return chunk
        at = k + len(n)
    return None


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

_FOOTER = re.compile(r"^\s*—\s*\d+\s*—\s*$")


def pdf_text(pdf: Path, drop: tuple[str, ...] = ()) -> str:
    """pdftotext's text without page numbers (and without the lines in ``drop``)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    keep = [l for l in out.splitlines() if not _FOOTER.match(l) and l.strip() not in drop]
    return "\n".join(keep)


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_words(pdf: Path) -> list[tuple[list[tuple], list[str]]]:
    """Per page: the words with their boxes, and the text of each line."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    word_re = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    for page in re.findall(r"<page.*?</page>", out, re.S):
        words, lines = [], []
        for line in re.findall(r"<line.*?</line>", page, re.S):
            ws = [
                (float(a), float(b), float(c), float(d), norm(_html.unescape(t)))
                for a, b, c, d, t in word_re.findall(line)
            ]
            words += ws
            lines.append("".join(w[4] for w in ws))
        pages.append((words, lines))
    return pages


def pdf_has(label: str, pages) -> bool:
    """Whether ``label`` is printed: on one line, or wrapped inside a table cell (pieces stacked
    one under the other, overlapping horizontally)."""
    label = norm(label)

    def chain(words, w, rest: str) -> bool:
        if not rest:
            return True
        h = w[3] - w[1]
        for v in words:
            below = v[1] > w[1] + 0.5 * h and v[1] - w[3] < h
            overlap = min(w[2], v[2]) > max(w[0], v[0])
            if below and overlap and v[4] and rest.startswith(v[4]) and chain(words, v, rest[len(v[4]) :]):
                return True
        return False

    for words, lines in pages:
        if any(label in line for line in lines):
            return True
        for w in words:
            if w[4] and label.startswith(w[4]) and chain(words, w, label[len(w[4]) :]):
                return True
    return False
