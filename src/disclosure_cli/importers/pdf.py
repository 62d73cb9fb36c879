"""Reading a PDF that has a text layer, with pdfplumber (imported only here): on each page its
tables (ruling lines; merged cells come back as ``None``, i.e. covered, apart from an empty
string, i.e. blank) and the text lines outside them, joined into paragraphs.

A PDF without a text layer (a scan) cannot be read: recognising characters in an image is
guesswork, and a checker that guesses digits would report errors the document does not have."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from ..errors import InputError
from .document import Document, Para, Table, collapse
from .grid import Drawn, Grid

MAX_PAGES = 200
_INDENT = (12, 60)  # points right of the margin that make a first-line indent (1 to 3 characters)
_SAME_X = 2.0  # points: two column lines closer than this are one
# pdfminer unpacks every stream it needs whole and reads drawing instructions in Python: a few KB
# of deflate data can hold hundreds of MB, and every character drawn costs about 0.1 ms. A report's
# page draws 5–200 KB; its biggest stream is an embedded font of a few MB.
MAX_STREAM = 32 * 1024 * 1024  # one stream, unpacked
MAX_UNPACKED = 256 * 1024 * 1024  # all streams of the file, unpacked
MAX_PAGE_CONTENT = 1024 * 1024  # the drawing instructions of one page
MAX_CONTENT = 4 * 1024 * 1024  # those of all pages (about half a minute of pdfminer)
# A font's character maps (ToUnicode, an embedded Encoding CMap), which pdfminer parses in Python
# (a few MB: minutes). A subset Chinese font's map is some tens of KB, a whole font's a few hundred.
MAX_FONT_MAP = 1024 * 1024
# objects the cross-reference tables list: a report has a few hundred to a few thousand, and each
# costs pdfminer some microseconds to find (an xref stream's /Index can claim billions)
MAX_OBJECTS = 200_000
_STREAM = re.compile(rb"stream\r?\n")
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
    _bound_streams(data, path)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, MalformedPDFException, PSException) as e:
        raise InputError(f"PDF 无法打开（文件可能已损坏或已加密）：{_reason(e)}", code="import-corrupt", path=str(path)) from None
    _bound_objects(pdf.doc, path)
    try:
        # pdfplumber makes every page here from its dictionary, taking its values on trust: a
        # MediaBox or Rotate that is no number or too short a box fails in its code, one nested
        # in a thousand arrays in its recursion
        pages = pdf.pages
    except (PdfminerException, MalformedPDFException, PSException, TypeError, ValueError, IndexError, RecursionError) as e:
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
            content = 0
            for pno, page in enumerate(pages, start=1):
                content += _within_limits(page, pno, content, path)
                reader.read(page, pno)
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


def _within_limits(page, pno: int, before: int, path: Path) -> int:
    """The size of the page's drawing instructions, or ``InputError`` when they or its fonts'
    character maps would take pdfminer minutes (``before``: those of the pages before)."""
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        size = _content_size(page)
        big = _font_map_size(page)
    except Exception as e:  # noqa: BLE001 — data pdfminer's own code fails on (LZW: IndexError) is damage, as pdfplumber takes it
        raise PdfminerException(e) from None
    if size > MAX_PAGE_CONTENT or before + size > MAX_CONTENT:
        raise InputError(
            f"PDF 第 {pno} 页的绘制内容" + (f"有 {size // 1024} KB，超过每页上限 {MAX_PAGE_CONTENT // 1024} KB" if size > MAX_PAGE_CONTENT
            else f"累计超过 {MAX_CONTENT // (1024 * 1024)} MB") + "（正常的报告每页不过几十 KB），不予读取：请找到 Word 或网页版本再检查",
            code="import-too-large", path=str(path),
        )
    if big > MAX_FONT_MAP:
        raise InputError(
            f"PDF 第 {pno} 页所用字体的字符映射表有 {big // 1024} KB，超过上限 {MAX_FONT_MAP // 1024} KB"
            "（正常的字体不过几百 KB，文件可能是恶意构造的），不予读取：请找到 Word 或网页版本再检查",
            code="import-too-large", path=str(path),
        )
    return size


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


def _bound_streams(data: bytes, path: Path) -> None:
    """Refuse a PDF whose deflated streams unpack past ``MAX_STREAM`` each or ``MAX_UNPACKED`` in
    all, before opening it unpacks any (whole, in memory): its cross-reference and object streams.
    Every ``stream`` keyword of the file is looked at, whatever refers to it; what does not
    inflate (an encrypted stream, another filter, binary data that happens to spell the keyword)
    is left to ``_bound_objects``, which measures each stream as pdfminer reads it."""
    import zlib

    view = memoryview(data)
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[start:start + 2]
        if len(head) < 2 or head[0] & 0x0F != 8 or (head[0] << 8 | head[1]) % 31:  # no zlib header
            continue
        try:
            size = len(zlib.decompressobj().decompress(view[start:], MAX_STREAM + 1))
        except zlib.error:
            continue
        total += size
        if size > MAX_STREAM or total > MAX_UNPACKED:
            raise InputError(
                f"PDF 中的压缩数据解压后超过 {(MAX_STREAM if size > MAX_STREAM else MAX_UNPACKED) // (1024 * 1024)} MB"
                "（正常的报告远小于此，文件可能是恶意构造的），不予读取",
                code="import-too-large", path=str(path),
            )


def _bound_objects(doc, path: Path) -> None:
    """Refuse a PDF any of whose streams would unpack past ``MAX_STREAM`` (or all of them past
    ``MAX_UNPACKED``) once pdfminer has opened it: every stream object, with its filters as pdfminer
    reads them (named indirectly or not, in a chain, after decryption). ``_bound_streams`` could
    only see deflate data at the start of a stream; hex- or LZW-wrapped data, or an encrypted
    file's, unpacked unbounded in pdfminer (a 1 MB file took 860 MB). Streams are never inside
    object streams, so the objects at a file offset are all there is to measure.

    Then every object, those in object streams too (unpacked by now within bounds), is followed
    where it is only a reference to another: pdfminer follows such a chain without end when it
    comes back to where it began (``6 0 obj 6 0 R endobj``: a page drawing it hung for ever)."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream

    seen: dict[int, object] = {}  # each object listed, with the table that places it
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            seen.setdefault(objid, xref)
            if len(seen) > MAX_OBJECTS:  # counted before any is looked up (a phantom entry costs a parse)
                raise InputError(
                    f"PDF 的交叉引用表列出超过 {MAX_OBJECTS} 个对象（正常的报告不过几千个，文件可能已损坏或是恶意构造的），不予读取",
                    code="import-too-large", path=str(path),
                )
    total = 0
    for objid, xref in seen.items():
        try:
            if xref.get_pos(objid)[0] is not None:  # inside an object stream: not a stream
                continue
            obj = doc.getobj(objid)
        except Exception:  # noqa: BLE001 — a broken object is pdfminer's to report, if it is ever used
            continue
        if not isinstance(obj, PDFStream) or obj.rawdata is None:
            continue
        size = _unpacked_size(obj)
        total += size
        if size > MAX_STREAM or total > MAX_UNPACKED:
            raise InputError(
                f"PDF 中的压缩数据解压后超过 {(MAX_STREAM if size > MAX_STREAM else MAX_UNPACKED) // (1024 * 1024)} MB"
                "（正常的报告远小于此，文件可能是恶意构造的），不予读取",
                code="import-too-large", path=str(path),
            )
    ends: set[int] = set()  # objects whose chain of references ends
    for objid in seen:
        chain: dict[int, None] = {}  # in order
        while objid not in ends:
            if objid in chain:
                loop = [*list(chain)[list(chain).index(objid):], objid]
                raise InputError(
                    f"PDF 已损坏：对象 {objid} 经由引用指回自身（{' → '.join(map(str, loop[:6]))}{' …' if len(loop) > 6 else ''}），"
                    "请用原文件重新导出 PDF，或改为检查 Word/网页版本",
                    code="import-corrupt", path=str(path),
                )
            chain[objid] = None
            try:
                obj = doc.getobj(objid)
            except Exception:  # noqa: BLE001 — as above: not found or broken ends the chain
                break
            if not isinstance(obj, PDFObjRef):
                break
            objid = obj.objid
        ends.update(chain)


def _unpacked_size(stream) -> int:
    """The size of ``stream`` unpacked as pdfminer would unpack it, found without ever holding more
    than ``MAX_STREAM`` + 1 bytes of a step: a step past it ends the count. Filters pdfminer does
    not apply to text (images: DCT, JPX, JBIG2, CCITT fax) end it too, as nothing read here
    unpacks them."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.lzw import LZWDecoder
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE, LITERALS_LZW_DECODE,
        LITERALS_RUNLENGTH_DECODE,
    )

    limit = MAX_STREAM + 1
    try:
        data = stream.rawdata
        if stream.decipher:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        for f, _ in stream.get_filters():
            if f in LITERALS_FLATE_DECODE:
                data = _inflate(data, limit)
            elif f in LITERALS_LZW_DECODE:
                data = _taken(LZWDecoder(io.BytesIO(data)).run(), limit)
            elif f in LITERALS_RUNLENGTH_DECODE:
                size = _runlength_size(data)
                if size >= limit:
                    return size
                data = bytes(size)  # only its size matters to the steps after (none, in practice)
            elif f in LITERALS_ASCII85_DECODE:
                data = ascii85decode(data)  # smaller than what it decodes
            elif f in LITERALS_ASCIIHEX_DECODE:
                data = asciihexdecode(data)
            else:
                break
            if len(data) >= limit:
                break
    except Exception:  # noqa: BLE001 — data pdfminer cannot unpack either: it fails there, or gives little
        return 0
    return len(data)


def _inflate(data: bytes, limit: int) -> bytes:
    """Deflate data unpacked up to ``limit`` bytes; a damaged stream gives what comes before the
    damage (as pdfminer's ``decompress_corrupted`` does)."""
    import zlib

    d = zlib.decompressobj()
    out = bytearray()
    step = 64 * 1024
    try:
        for i in range(0, len(data), step):
            out += d.decompress(d.unconsumed_tail + data[i:i + step], limit - len(out))
            if len(out) >= limit or d.eof:
                break
    except zlib.error:
        pass
    return bytes(out)


def _taken(chunks, limit: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) >= limit:
            break
    return bytes(out)


def _runlength_size(data: bytes) -> int:
    """What RunLengthDecode data unpacks to, in bytes (up to 64 times its own size)."""
    i = size = 0
    while i < len(data) and data[i] != 128:
        n = data[i]
        size += n + 1 if n < 128 else 257 - n
        i += n + 2 if n < 128 else 2
    return size


# a form drawn by the drawing instructions: “/Fm0 Do”
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
MAX_FORM_DEPTH = 32  # forms drawn within forms; a report's, if any, are one deep


def _content_size(page) -> int:
    """The bytes of drawing instructions pdfminer reads for a page (unpacked, each bounded by
    ``_bound_objects``): its own, and those of each form (XObject) each time it is drawn, with the
    forms it draws. Counted from the names the instructions draw, without running them: a 3 KB
    file of forms each drawing the next 60 times had pdfminer read 216,000 characters for 19 s."""
    from collections import Counter

    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    form = LIT("Form")
    sizes: dict[int, int] = {}  # a form's size with its forms; 0 while being counted (pdfminer draws no form within itself)

    def size(data: bytes, resources, depth: int) -> int:
        total = len(data)
        drawn = Counter(_DO.findall(data))
        if not drawn:
            return total
        if depth > MAX_FORM_DEPTH:
            return MAX_CONTENT + 1
        resources = resolve1(resources)
        xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        for name, times in drawn.items():
            x = resolve1(xobjects.get(name.decode("latin-1"))) if isinstance(xobjects, dict) else None
            if not isinstance(x, PDFStream) or x.get("Subtype") is not form:
                continue
            key = x.objid if x.objid is not None else id(x)
            if key not in sizes:
                sizes[key] = 0
                sizes[key] = size(x.get_data(), x.get("Resources") or resources, depth + 1)
            total += sizes[key] * times
            if total > MAX_CONTENT:
                break
        return total

    return sum(size(s.get_data(), page.page_obj.resources, 0) for s in map(resolve1, page.page_obj.contents) if isinstance(s, PDFStream))


def _font_map_size(page) -> int:
    """The largest character map (ToUnicode or an embedded Encoding CMap) of the fonts a page
    uses, unpacked (bounded by ``_bound_streams``)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    fonts = resolve1((resolve1(page.page_obj.resources) or {}).get("Font")) or {}
    largest = 0
    for font in map(resolve1, fonts.values() if isinstance(fonts, dict) else ()):
        if not isinstance(font, dict):
            continue
        for key in ("ToUnicode", "Encoding"):
            stream = resolve1(font.get(key))
            if isinstance(stream, PDFStream):
                largest = max(largest, len(stream.get_data()))
    return largest


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
