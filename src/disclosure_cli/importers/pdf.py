"""Reading a PDF that has a text layer, with pdfplumber (imported only here): on each page its
tables (ruling lines; merged cells come back as ``None``, i.e. covered, apart from an empty
string, i.e. blank) and the text lines outside them, joined into paragraphs. What pdfminer and
pdfplumber may be asked to do is bounded first (``pdfbounds``: a hostile file is refused, not
read for hours).

A PDF without a text layer (a scan) cannot be read: recognising characters in an image is
guesswork, and a checker that guesses digits would report errors the document does not have."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from ..errors import InputError
from . import pdfbounds as B
from .document import Document, Para, Table, collapse
from .grid import Drawn, Grid

MAX_PAGES = 200
_INDENT = (12, 60)  # points right of the margin that make a first-line indent (1 to 3 characters)
_SAME_X = 2.0  # points: two column lines closer than this are one
_FOOTER = re.compile(r"^[—\-–－]?\s*\d{1,3}\s*[—\-–－]?$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_ASCII = r"0-9A-Za-z%;:,.!?()\[\]\-"  # letters, digits and half-width punctuation (“邮编350400;电话:0591”)
_GAP = re.compile(rf"(?<=[{_CJK}])[ ]+(?=[{_ASCII}])|(?<=[{_ASCII}])[ ]+(?=[{_CJK}])|(?<=[{_CJK}])[ ]+(?=[{_CJK}])")


def unspace(text: str) -> str:
    """The spaces the text layer puts between Chinese and digits (``2024 年``) or half-width
    punctuation (``电话 :``) are typesetting, not text: a reader does not see them."""
    return _GAP.sub("", text)


# a numbered heading or item starts a paragraph; a line starting “21.02%” does not
_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}(?:[.．](?!\d)|、))")


def read(data: bytes, path: Path) -> Document:
    try:
        import pdfplumber  # lazy
        from pdfminer.psexceptions import PSException  # PDFException's base
        from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    except ImportError as e:
        raise InputError("读取 PDF 需要 pdfplumber：请运行 pip install pdfplumber", code="import-missing-library", path=str(path)) from e
    # pdfminer logs what it skips (a form drawing itself, a bad font) in English on standard error,
    # beside our one Chinese line
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    tokens = B.before_open(data, path)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, MalformedPDFException, PSException) as e:
        raise InputError(f"PDF 无法打开（文件可能已损坏或已加密）：{_reason(e)}", code="import-corrupt", path=str(path)) from None
    sizes = B.bound_objects(pdf.doc, data, path, tokens)
    try:
        # pdfplumber makes every page here from its dictionary, taking its values on trust: a
        # MediaBox or Rotate that is no number, too short a box or a dictionary fails in its code,
        # one nested in a thousand arrays in its recursion
        pages = pdf.pages
    except (PdfminerException, MalformedPDFException, PSException, TypeError, ValueError, IndexError, KeyError, RecursionError) as e:
        raise InputError(
            f"PDF 已损坏，页面目录无法读取（{_reason(e)}）：请用原文件重新导出 PDF，或改为检查 Word/网页版本",
            code="import-corrupt", path=str(path),
        ) from None  # not closed: pdfplumber's close() would make the pages again; the bytes are ours
    reader = _Pages()
    pno = 0  # the page being read
    try:
        with pdf:
            if len(pages) > MAX_PAGES:
                raise InputError(f"PDF 有 {len(pages)} 页，超过上限 {MAX_PAGES} 页", code="import-too-large", path=str(path))
            budget = B.Budget(sizes, path)
            for pno, page in enumerate(pages, start=1):
                B.within_limits(budget, page, pno)
                reader.read(page, pno)
                page.close()  # what pdfplumber keeps of the page (its characters: 2.5 KB each)
    except (PdfminerException, MalformedPDFException, PSException) as e:  # pdfminer's own, and pdfplumber's wrapping of any other
        raise InputError(
            f"PDF 已损坏，第 {pno} 页无法读取（{_reason(e)}）：请用原文件重新导出 PDF，或改为检查 Word/网页版本",
            code="import-corrupt", path=str(path),
        ) from None
    if reader.chars == 0:
        raise InputError(
            "PDF 没有文字层（是扫描件或图片）：无法可靠读取其中的文字和数字，请找到文字版（Word 或网页）再检查",
            code="import-scanned-pdf", path=str(path),
        )
    reader.doc.blocks = _join_pages(reader.doc.blocks, reader.runs_on)
    return reader.doc


class _Pages:
    """The document read page by page: each page's tables (one that goes on from the page before
    joined to it) and its text lines, joined into paragraphs. What one page leaves to the next:
    the table that ended it, the text's left margin, whether paragraphs are indented."""

    def __init__(self) -> None:
        self.doc = Document("pdf", where="PDF")
        self.np = self.nt = self.chars = 0
        self.runs_on: set[int] = set()  # paragraphs that go on from the page before (_join_pages)
        self.left, self.indents = float("inf"), False
        self.last_table = None  # (page, (rows, column edges)) of a table that ended its page, as it may continue
        self.para: list[str] = []  # the lines of the paragraph being read
        self.cont = False  # it goes on from the page before (``runs_on``)

    def read(self, page, pno: int) -> None:
        self.chars += len(page.chars)
        found = page.find_tables()
        boxes = [t.bbox for t in found]
        items: list[tuple[float, object]] = []
        for t in found:
            drawn = [[Drawn(unspace(v)) if v is not None else None for v in row] for row in t.extract()]
            # (rows, x of each column's left edge and of the table's right edge)
            items.append((t.bbox[1], (drawn, [c.bbox[0] for c in t.columns] + [t.bbox[2]])))

        def outside(obj):
            cx = (obj["x0"] + obj["x1"]) / 2
            cy = (obj["top"] + obj["bottom"]) / 2
            return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

        rest = page.filter(outside) if boxes else page
        lines = rest.extract_text_lines(layout=False, strip=True) if hasattr(rest, "extract_text_lines") else []
        items += [(ln["top"], ln) for ln in lines]
        items.sort(key=lambda x: x[0])
        # the text's left margin, from this page and the ones before (a last page may hold only a
        # heading, a paragraph's first line and the signature, all right of it)
        self.left = min([self.left, *(ln["x0"] for ln in lines)])
        right = max((ln["x1"] for ln in lines), default=0)
        # paragraphs indented by one to three characters (a right-aligned signature or a centred
        # line is not an indent)
        self.indents = self.indents or any(_INDENT[0] < ln["x0"] - self.left < _INDENT[1] for ln in lines)
        starts_page = True
        for first, (_, item) in enumerate(items):
            if isinstance(item, tuple):
                self.flush(pno)
                starts_page = False
                self.table(item, pno, first == 0)
                continue
            text = unspace(item["text"])
            if _FOOTER.match(text.strip()):
                continue
            self.last_table = None  # text after a table: the table did not run to the foot of the page
            indented = item["x0"] - self.left > _INDENT[0]
            # where paragraphs are indented (公文), a line at the margin continues its paragraph even
            # when it starts “2.”; without indents a numbered line starts one
            if indented or (not self.indents and _HEAD.match(text)) or not self.para:
                self.flush(pno)
                # the page's first line at the margin where paragraphs are indented: the paragraph
                # of the page before goes on, even after a sentence ended there
                self.cont = starts_page and self.indents and not indented
            starts_page = False
            self.para.append(text)
            if item["x1"] < right - 30:  # a short line ends its paragraph
                self.flush(pno)
        self.flush(pno)

    def table(self, item: tuple, pno: int, tops_page: bool) -> None:
        last = self.last_table
        joined = _continued(last[1], item) if tops_page and last and last[0] == pno - 1 else None
        if joined is not None:
            # a table broken across the page: its rows continue (header rows repeated)
            blocks = self.doc.blocks
            blocks[-1] = Table(blocks[-1].number, _expand_pdf(joined[0]), page=blocks[-1].page)
            self.last_table = (pno, joined)
            return
        self.nt += 1
        self.doc.blocks.append(Table(self.nt, _expand_pdf(item[0]), page=pno))
        self.last_table = (pno, item)

    def flush(self, pno: int) -> None:
        text = collapse("".join(self.para))
        if text:
            self.np += 1
            self.doc.blocks.append(Para(text, self.np, page=pno))
            if self.cont:
                self.runs_on.add(self.np)
        self.para, self.cont = [], False


def _reason(e: Exception) -> str:
    """The kind of error pdfminer found (the exception pdfplumber wraps, when it wraps one)."""
    inner = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], Exception) else e
    return type(inner).__name__


def _text_of(row) -> list[str]:
    return [c.text if c is not None else None for c in row]


def _repeated(prev, rows) -> int:
    """How many header rows of ``prev`` the continuation ``rows`` repeats at its top."""
    n = 0
    while n < min(len(prev), len(rows)) - 1 and _text_of(prev[n]) == _text_of(rows[n]):
        n += 1
    return n


def _continued(prev: tuple, cont: tuple) -> tuple | None:
    """The table ``prev`` (rows, column edges) that ended a page and ``cont`` at the top of the
    next one as one table, or None when ``cont`` does not continue it. Each page's table has
    only the column lines its own rows draw (a page without 表三's three-level rows lacks one),
    so both are set on the columns of the two together; a merged label cell the page break
    cut in two (“三、本年” | “度办理结果”) is one cell again."""
    (rows_a, edges_a), (rows_b, edges_b) = prev, cont
    if abs(edges_a[0] - edges_b[0]) > _SAME_X or abs(edges_a[-1] - edges_b[-1]) > _SAME_X:
        return None
    edges: list[float] = []
    for x in sorted(edges_a + edges_b):
        if not edges or x - edges[-1] > _SAME_X:
            edges.append(x)
    a, b = _on_columns(rows_a, edges_a, edges), _on_columns(rows_b, edges_b, edges)
    repeated = _repeated(a, b)
    if not _continues(a, b, repeated):
        return None
    rest = b[repeated:]
    if rest:
        _rejoin(a, rest[0])
    return a + rest, edges


def _on_columns(rows, own: list[float], edges: list[float]) -> list[list]:
    """``rows`` drawn on the columns ``own`` set on the finer columns ``edges``: each cell at the
    column where it starts, ``None`` (covered) where it spans."""

    def at(x: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    out = []
    for row in rows:
        new: list = [None] * (len(edges) - 1)
        for x, cell in zip(own, row):
            if cell is not None:
                new[min(at(x), len(new) - 1)] = cell
        out.append(new)
    return out


def _rejoin(rows: list[list], top: list) -> None:
    """Cells of ``top`` (the first row after the page break) that finish a label the last cell
    above them began: joined when only the two together make a label of the format."""
    from .. import formats as F
    from .report import ALL_LABELS

    for c, cell in enumerate(top):
        if cell is None or not cell.text.strip():
            continue
        r = len(rows) - 1
        while r >= 0 and rows[r][c] is None:
            r -= 1
        if r < 0:
            continue
        head = rows[r][c].text
        if F.normalize_label(head) not in ALL_LABELS and F.normalize_label(head + cell.text) in ALL_LABELS:
            rows[r][c] = Drawn(head + cell.text)
            top[c] = None


def _continues(prev, rows, repeated: int) -> bool:
    """A table at the top of a page continues the one that ended the page before when it has
    the same columns and repeats its header rows (``repeated`` of them: Word's repeating table
    header), or has no header of its own."""
    if not prev or not rows or len(prev[0]) != len(rows[0]):
        return False
    return repeated > 0 or all((c is None or not c.text or c.text[:1].isdigit()) for c in rows[0][-2:])


def _expand_pdf(rows) -> Grid:
    """pdfplumber gives a full grid with ``None`` where a merged cell covers a position; the
    origin is the nearest non-``None`` cell above or to the left."""
    from .grid import Place

    g = Grid()
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row, start=1):
            if cell is not None:
                g.places[(r, c)] = Place(r, c, cell.text, (r, c))
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row, start=1):
            if cell is None:
                left = g.places.get((r, c - 1))
                up = g.places.get((r - 1, c))
                src = left if left is not None and (up is None or left.origin[0] == r) else up
                origin = src.origin if src is not None else (r, c)
                g.places[(r, c)] = Place(r, c, src.text if src else "", origin)
    g.nrows = len(rows)
    g.ncols = max((len(r) for r in rows), default=0)
    return g


def _join_pages(blocks: list, runs_on: set[int] = frozenset()) -> list:
    """A paragraph the page break cut in two is one paragraph: the last of a page, continued by
    the first of the next page when that one starts at the margin where paragraphs are indented
    (``runs_on``: their numbers), or, where they are not, when the last did not end a sentence
    and the first is not a heading."""
    out: list = []
    ends = 0  # the page the last paragraph of ``out`` ends on (it keeps the page it starts on)
    for b in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(b, Para) and isinstance(prev, Para) and prev.page is not None and b.page == ends + 1
            and (
                b.number in runs_on
                or (not prev.text.endswith(("。", "！", "？", "”", "；", "：")) and not _HEAD.match(b.text) and len(prev.text) > 20)
            )
        ):
            prev.text += b.text  # (a paragraph over three pages is joined twice)
            ends = b.page
            continue
        out.append(b)
        ends = getattr(b, "page", None) or 0
    n = 0
    for b in out:
        if isinstance(b, Para):
            n += 1
            b.number = n
    return out
