"""The report as a 公文-style Word document (GB/T 9704-2012), built on ``templates/reference.docx``.

Page, fonts and paragraph styles live in the reference document (see
``templates/make_reference_docx.py``); this module only places content: title, opening
paragraph, the six sections with their sub-headings, the three official tables (from the
shared layout grid, with ``gridSpan``/``vMerge`` merges), and the unit name and date at the end.

The parts that depend on the report (``word/document.xml``, ``docProps/core.xml``, and for a
draft the two headers with their relationships and content types) are written as text, straight
from the pieces and the layout grid, in the form python-docx gave them; every other part of the
reference package is copied as it is. No XML library is imported to write a document (the
tests read the output with python-docx and lxml). The output is reproducible: the same document
and ``now`` give the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import re
import zipfile
from importlib import resources

from ..values import display_width

from . import (
    DATE,
    DRAFT_MARK,
    HEADING,
    INTRO,
    PARA,
    SIGNATURE,
    TABLE,
    TITLE,
    Document,
    clean,
    run_in_heading,
)
from .tables import CORNER, HEADER, HEADING as GRID_HEADING, LABEL, VALUE, Grid, column_weights

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Geometry (twips). The text block of GB/T 9704 is 156 mm wide.
TEXT_WIDTH = round(156 * 1440 / 25.4)
CELL_PADDING = 2 * 57  # left + right cell margins of the reference table style
BODY_CHAR = 320  # one character of 三号 (16 pt)

# Paragraph style ids of the reference document (Normal, its default style, is not named).
STYLE = {
    TITLE: "Title",
    INTRO: None,
    PARA: None,
    SIGNATURE: "Signature",
    DATE: "Signature",
}
HEADING_STYLE = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
# A run-in sub-heading in the font of the stand-alone （一） headings (三号楷体).
RUN_IN_RPR = '<w:rPr><w:rStyle w:val="RunInHeading"/></w:rPr>'

# Table type sizes (half-points), largest first: 五号, 小五, 六号, 6.5 pt.
TABLE_SIZES = (21, 18, 15, 13)
# A number never breaks inside its cell (GB/T 9704 tables are read by their numbers): a value
# column is as wide as the widest number in the data, each digit counted at DIGIT_EM of the type
# size (Times New Roman digits are 0.5 em; the 10 % more keeps a number whole in a wider
# fallback font, as in LibreOffice without the Windows fonts), and never narrower than
# MIN_DIGITS digits of Times New Roman (room for any number a year can hold).
DIGIT_EM = 0.55
TIMES_DIGIT_EM = 0.5
MIN_DIGITS = 6
# Row labels give way to the numbers down to this many characters (group labels: their 4).
LABEL_MIN_CHARS = 4
GROUP_MIN_CHARS = 4
# Body rows that stay on the page of the table's header (and its heading).
KEEP_BODY_ROWS = 2

# Zip entries carry this fixed time: the same document gives the same bytes.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# Deflate level: 3 packs the document within 15 % of level 6 in a third of the time.
ZIP_LEVEL = 3


@functools.lru_cache(maxsize=1)
def reference_docx() -> bytes:
    return resources.files("disclosure_cli.templates").joinpath("reference.docx").read_bytes()


# The XML declaration of the parts written here (as python-docx wrote them).
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
HEADER_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
# The draft's headers: odd (default) and even pages (the reference sets evenAndOddHeaders).
DRAFT_HEADERS = (("default", "rId1", "word/header1.xml"), ("even", "rId2", "word/header2.xml"))


class _Reference:
    """The reference package, taken apart once per process: its parts' bytes, and the text of
    ``word/document.xml`` around the body's content."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        text = self.parts["word/document.xml"].decode("utf-8")
        root = text.index("<w:document")
        body = text.index("<w:body>") + len("<w:body>")
        sect = text.index("<w:sectPr", body)
        end = text.index("</w:sectPr>", sect) + len("</w:sectPr>")
        if text[body:sect].strip() or text[end:].strip() != "</w:body></w:document>":
            raise ValueError("reference.docx: the body must hold only its section properties")
        self.document_head = XML_DECLARATION + text[root:body]
        self.document_tail = text[end:]
        self.sect_pr = text[sect:end]
        # the draft's header references go after the footer references (as python-docx put them)
        at = self.sect_pr.rfind("<w:footerReference")
        at = self.sect_pr.index("/>", at) + 2 if at >= 0 else self.sect_pr.index(">") + 1
        refs = "".join(f'<w:headerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid, _ in DRAFT_HEADERS)
        self.sect_pr_draft = self.sect_pr[:at] + refs + self.sect_pr[at:]
        types = self.parts["[Content_Types].xml"].decode("utf-8")
        rels = self.parts["word/_rels/document.xml.rels"].decode("utf-8")
        for _, rid, _ in DRAFT_HEADERS:
            if f'Id="{rid}"' in rels:
                raise ValueError(f"reference.docx: relationship {rid} is taken")
        overrides = "".join(
            f'<Override PartName="/{part}" ContentType="{HEADER_CONTENT_TYPE}"/>' for _, _, part in DRAFT_HEADERS
        )
        relationships = "".join(
            f'<Relationship Id="{rid}" Type="{HEADER_RELATIONSHIP}" Target="{part.rsplit("/", 1)[1]}"/>'
            for _, rid, part in DRAFT_HEADERS
        )
        self.draft_parts = {
            "[Content_Types].xml": types.replace("</Types>", overrides + "</Types>").encode("utf-8"),
            "word/_rels/document.xml.rels": rels.replace(
                "</Relationships>", relationships + "</Relationships>"
            ).encode("utf-8"),
        }
        for n, (_, _, part) in enumerate(DRAFT_HEADERS, start=1):
            self.draft_parts[part] = header_xml(DRAFT_MARK, n).encode("utf-8")
        # Entries in the order python-docx wrote them: content types, package relationships, the
        # main document and its relationships, the parts it refers to, the properties last.
        first = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
        rest = [n for n in self.parts if n not in first]
        props = [n for n in rest if n.startswith("docProps/")]
        word = [n for n in rest if n not in props]
        self._order = (first + word + props, first + word + [p for _, _, p in DRAFT_HEADERS] + props)

    def order(self, draft: bool) -> list[str]:
        return self._order[bool(draft)]


@functools.lru_cache(maxsize=1)
def _reference() -> _Reference:
    return _Reference(reference_docx())


# --------------------------------------------------------------------------------------------
# XML text
# --------------------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold. ``render.clean`` has removed them from every text of the
# report; ``xml_text`` drops any left (as ``clean`` does), so that a part is well-formed whatever
# a caller passes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` as the content of an element (escaped as lxml writes it: a carriage return as a
    character reference, so that it survives parsing). Every text of the report goes through
    here."""
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def xml_attr(text: str) -> str:
    """``text`` as a double-quoted attribute value (quote and whitespace escaped, as lxml does)."""
    return (
        xml_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
    )


_RUN_SPECIAL = re.compile("([\t\r\n])")


def _t(text: str) -> str:
    # python-docx keeps the spaces of a text that begins or ends with one (any Unicode space)
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{xml_text(text)}</w:t>'
    return f"<w:t>{xml_text(text)}</w:t>"


def run_content(text: str) -> str:
    """The content of a run holding ``text``: a tab is ``<w:tab/>``, a line break (\\n or \\r)
    ``<w:br/>``, the rest ``<w:t>`` — as python-docx's ``Run.text``."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text) if text else ""
    out = []
    for piece in _RUN_SPECIAL.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


def _run(content: str, rpr: str = "") -> str:
    return f"<w:r>{rpr}{content}</w:r>" if content or rpr else "<w:r/>"


def _paragraph(style: str | None, runs: str = "", *, keep: bool = False, widow: bool = False, extra: str = "") -> str:
    """A body paragraph; its properties in the schema's order (pStyle, keepNext, widowControl,
    spacing, ind)."""
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep else "")
    ppr += ("<w:widowControl/>" if widow else "") + extra
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else "<w:pPr/>"
    return f"<w:p>{ppr}{runs}</w:p>"


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


# LibreOffice (7.4) drops a Chinese punctuation mark that ends a justified line when digits or
# letters follow it without a space: in “…维护政府部门的形象。2023年我局…” the 。 vanishes from the
# PDF. A zero-width space after the mark gives the line a break there and the mark stays. Only in
# the document LibreOffice turns into the PDF (whose text layer does not carry the space); the
# .docx the clerk edits is left as written.
# It also drops, now and then, a mark it hangs past the end of a justified line (“…严格遵循依法、
# 及时” | “准确…”: the 、 is gone). There the paragraphs say w:overflowPunct="1", which LibreOffice
# 7.4 reads as “do not hang” (fo:punctuation-wrap="simple"; ECMA-376 means the opposite, which
# is its default anyway, so a LibreOffice that reads it as written is no worse off): the line
# is set without the mark hanging and the mark stays. (Before the two, 10 of the corpus's 74
# reports lost a mark in the PDF; after them, none.)
_LO_NO_HANGING = '<w:overflowPunct w:val="1"/>'
_LO_BREAK = re.compile(r"(?<=[，。、；：！？”’）》」』])(?=[0-9A-Za-z])")
_W_T = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def _lo_breaks(xml: str) -> str:
    return _W_T.sub(lambda m: m.group(1) + _LO_BREAK.sub("\u200b", m.group(2)) + m.group(3), xml)


def render_docx(
    doc: Document, *, identifier: str | None = None, now: _dt.datetime | None = None, for_libreoffice: bool = False
) -> bytes:
    """The Word document as bytes (``for_libreoffice``: the one LibreOffice makes the PDF from,
    see ``_LO_BREAK``)."""
    ref = _reference()
    signature = _signature_indents(doc)
    pieces = doc.pieces
    # The signature keeps with the last paragraph (and the date with the signature): the unit's
    # name never stands alone on the last page.
    sign_at = next((i for i, b in enumerate(pieces) if b.kind in (SIGNATURE, DATE)), len(pieces))
    # (a heading after the last paragraph — an empty last section — keeps with next anyway)
    last_text = max((i for i in range(sign_at) if pieces[i].kind in (PARA, INTRO)), default=None)
    body: list[str] = []
    add = body.append
    for i, piece in enumerate(pieces):
        kind = piece.kind
        if kind == TABLE:
            add(_table_xml(doc, piece.grid))
            continue
        if kind == HEADING:
            style = HEADING_STYLE.get(piece.level, "Heading3")
        else:
            style = STYLE[kind]
        if i == sign_at:
            add(_paragraph(None, keep=True))  # 正文下空一行
        extra = ""
        if kind == TITLE:
            lines = doc.title_lines
            runs = "".join(
                _run(run_content(line) + ("<w:br/>" if n < len(lines) - 1 else "")) for n, line in enumerate(lines)
            )
            extra = f'<w:spacing w:after="{title_space_after(len(lines))}"/>'
        elif kind == PARA:
            head, rest = run_in_heading(piece.text)
            runs = _run(run_content(head), RUN_IN_RPR) if head else ""
            if rest:
                runs += _run(run_content(rest))
        else:
            runs = _run(run_content(piece.text))
        keep = widow = False
        if i == last_text and sign_at < len(pieces):
            keep = widow = True  # its last two lines go along, not one
        if kind in (SIGNATURE, DATE):
            indent = signature[0] if kind == SIGNATURE else signature[1]
            extra = f'<w:ind w:right="{round(indent * BODY_CHAR)}"/>'
            keep = keep or kind == SIGNATURE
        if for_libreoffice:
            extra = _LO_NO_HANGING + extra  # (before w:spacing and w:ind, as the schema orders them)
        add(_paragraph(style, runs, keep=keep, widow=widow, extra=extra))
    document_xml = ref.document_head + "".join(body) + (ref.sect_pr_draft if doc.draft else ref.sect_pr) + ref.document_tail
    if for_libreoffice:
        document_xml = _lo_breaks(document_xml)
    parts = dict(ref.parts)
    parts["word/document.xml"] = document_xml.encode("utf-8")
    parts["docProps/core.xml"] = _core_xml(doc, identifier, now).encode("utf-8")
    if doc.draft:
        parts.update(ref.draft_parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ref.order(doc.draft):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same bytes on every system
            info.external_attr = 0o600 << 16
            z.writestr(info, parts[name], compresslevel=ZIP_LEVEL)
    return out.getvalue()


# The title is set off the line grid, its lines TITLE_LINE apart (35 pt, about 12 mm: 二号 with
# a little air); the space after it leaves at least one empty body line (标题下空一行) and ends
# on the grid, so that the body lines stand on the 22 lines of the page in Word and LibreOffice
# alike (LibreOffice snaps them to the page grid, Word stacks them from where the title ends).
TITLE_LINE = 700
GRID_LINE = 579


def title_space_after(lines: int) -> int:
    """Space after a title of ``lines`` lines (twips): to the first whole grid line after one
    empty line."""
    height = lines * TITLE_LINE
    rows = -(-(height + GRID_LINE) // GRID_LINE)
    return rows * GRID_LINE - height


# --------------------------------------------------------------------------------------------
# Signature: GB/T 9704 7.3.5.2 (不加盖印章): 署名右空二字; 成文日期首字比署名首字右移二字;
# 成文日期长于署名时，署名右移，成文日期右空二字.
# --------------------------------------------------------------------------------------------


# The widest right indent, in characters: an absurdly long unit name or date must still give a
# valid (if ugly) paragraph — Word rejects an indent beyond the page.
MAX_INDENT = TEXT_WIDTH // BODY_CHAR - 1


# Word and LibreOffice set a little space between Chinese characters and digits or Latin
# letters (“2021 年 2 月”): LibreOffice 0.2 character at each change, measured; it is counted in
# the width of a line that is placed by its right end, so that the date still starts two
# characters right of the unit's name. (w:autoSpaceDN="0" would remove it in Word, but
# LibreOffice 7.4 ignores it.)
AUTOSPACE = 0.2


def printed_width(text: str) -> float:
    """The width of a line of body text in characters, with the space Word and LibreOffice add
    between Chinese and Latin characters."""
    changes = sum(1 for a, b in zip(text, text[1:]) if a.strip() and b.strip() and a.isascii() != b.isascii())
    return display_width(text) + AUTOSPACE * changes


def signature_indents(org: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of the unit name and of the date."""
    wo, wd = printed_width(org), printed_width(date)
    if not date:
        return 2.0, 0.0
    if not org:
        return 0.0, 2.0
    date_ri = wo - wd
    if date_ri < 2:
        org_ri, date_ri = 4 + wd - wo, 2.0
    else:
        org_ri = 2.0
    return min(org_ri, MAX_INDENT), min(date_ri, MAX_INDENT)


def _signature_indents(doc: Document) -> tuple[float, float]:
    org = next((b.text for b in doc.pieces if b.kind == SIGNATURE), "")
    date = next((b.text for b in doc.pieces if b.kind == DATE), "")
    return signature_indents(org, date)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _per_grid(build):
    """``build(g)`` kept per process for each grid object: the official grids are made once
    (``tables.table_grid``) and immutable, and hashing one would cost more than the work saved."""
    cache: dict[int, tuple[Grid, object]] = {}

    @functools.wraps(build)
    def get(g: Grid):
        hit = cache.get(id(g))
        if hit is not None and hit[0] is g:
            return hit[1]
        if len(cache) > 64:  # grids made on the fly (tests): the cache stays small
            cache.clear()
        out = build(g)
        cache[id(g)] = (g, out)
        return out

    return get


@_per_grid
def _fit_plan(g: Grid) -> tuple[set[int], list[float], list[int], dict[int, float]]:
    """What ``table_fit`` needs of the grid alone: the value columns, the columns' weights, the
    label columns and the width each label column keeps at least (in characters)."""
    value_cols = {c.col for c in g.cells if c.kind == VALUE and c.colspan == 1}
    weights = column_weights(g, value_chars=2)
    label_cols = [k for k in range(g.ncols) if k not in value_cols]
    single = {c.col for c in g.cells if c.kind == LABEL and c.rowspan == 1}
    label_min = {k: min(weights[k], LABEL_MIN_CHARS if k in single else GROUP_MIN_CHARS) for k in label_cols}
    return value_cols, weights, label_cols, label_min


def table_fit(g: Grid, values: dict | None = None) -> tuple[int, list[int]]:
    """The largest type size (half-points) and column widths (twips) that fit the text block.

    Value columns get what their widest number needs (``values`` maps value cells to their
    text; at least ``MIN_DIGITS`` digits); label columns share the rest by their weights and
    give way first: the table is set in the largest size at which the labels keep their
    minimum (a label wraps onto more lines before the type gets smaller)."""
    value_cols, weights, label_cols, label_min = _fit_plan(g)
    digits = {k: 0.0 for k in value_cols}  # widest text in half-width characters
    for cell, text in (values or {}).items():
        if cell.colspan == 1 and cell.col in digits:
            digits[cell.col] = max(digits[cell.col], 2 * display_width(text))

    def value_width(k: int, size: int) -> int:
        em = size * 10  # twips per character at ``size`` half-points
        need = max(digits[k] * DIGIT_EM, MIN_DIGITS * TIMES_DIGIT_EM, weights[k]) * em
        return int(need + 0.999) + CELL_PADDING

    def fits(size: int, label_chars: dict[int, float]) -> bool:
        need = sum(value_width(k, size) for k in value_cols)
        need += sum(label_chars[k] * size * 10 + CELL_PADDING for k in label_cols)
        return need <= TEXT_WIDTH

    size = next((z for z in TABLE_SIZES if fits(z, label_min)), TABLE_SIZES[-1])
    widths = [0] * g.ncols
    for k in value_cols:
        widths[k] = value_width(k, size)
    if label_cols:
        # each label column its minimum first, then the rest by what each still wants
        em = size * 10
        spare = TEXT_WIDTH - sum(widths) - sum(label_min[k] * em + CELL_PADDING for k in label_cols)
        want = {k: weights[k] - label_min[k] for k in label_cols}
        total = sum(want.values()) or len(label_cols)
        for k in label_cols:
            share = (want[k] if sum(want.values()) else 1) / total
            widths[k] = int(label_min[k] * em + max(spare, 0) * share) + CELL_PADDING
        widths[label_cols[-1]] += TEXT_WIDTH - sum(widths)
    else:  # all values (表四): the spare width goes to every column alike
        extra = (TEXT_WIDTH - sum(widths)) // g.ncols
        widths = [w + extra for w in widths]
        widths[-1] += TEXT_WIDTH - sum(widths)
    return size, widths


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_TABLE_PR = (
    f'<w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
    f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
    '<w:tblLayout w:type="fixed"/>'
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
    "</w:tblPr>"
)


@_per_grid
def _table_plan(g: Grid) -> tuple[tuple[tuple[tuple, ...], ...], tuple]:
    """Per row of ``g``, its cells left to right: ``(cell, first column, last column, style,
    continues a vertical merge, keeps with next, the label's text in XML)``; and the value
    cells. It depends on the grid alone."""
    covering = [[None] * g.ncols for _ in range(g.nrows)]
    for c in g.cells:
        for r in range(c.row, c.last_row + 1):
            for k in range(c.col, c.last_col + 1):
                covering[r][k] = c
    # A long table breaks between rows (never inside one: cantSplit), its header rows repeat;
    # only the header and the first body rows keep together, and with them the heading before
    # the table (its paragraph keeps with next), so a heading never stays alone at a page foot.
    keep = set(range(min(g.header_rows + KEEP_BODY_ROWS, g.nrows - 1)))
    rows = []
    for r in range(g.nrows):
        row = []
        k = 0
        while k < g.ncols:
            cell = covering[r][k]
            if cell is None:  # not expected: the grid is complete
                row.append((None, k, k, "TableText", False, False, ""))
                k += 1
                continue
            if cell.row != r:  # continuation of a vertical merge
                row.append((cell, cell.col, cell.last_col, "TableText", True, r in keep, ""))
            else:
                text = "" if cell.kind == VALUE else _cell_text(cell.text)
                row.append((cell, cell.col, cell.last_col, _cell_style(cell), False, r in keep, text))
            k = cell.last_col + 1
        rows.append(tuple(row))
    return tuple(rows), tuple(c for c in g.cells if c.kind == VALUE)


def _cell_text(text: str) -> str:
    # A cell's text went through an XML parser before python-docx wrote it: line ends normalised.
    return xml_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def _table_xml(doc: Document, g: Grid) -> str:
    """A table of the layout grid ``g`` with the report's values: borders, fixed column widths
    (``table_fit``), merged cells (``gridSpan``/``vMerge``), header rows that repeat."""
    rows, value_cells = _table_plan(g)
    value = doc.value
    values = {c: value(c.key) for c in value_cells}
    size, widths = table_fit(g, values)
    run_pr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    run_open = f"<w:r>{run_pr}<w:t xml:space=\"preserve\">"
    tr_open = f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{size * (20 if g.nrows <= 20 else 16)}"/></w:trPr>'
    tr_head = f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/><w:trHeight w:val="{size * (20 if g.nrows <= 20 else 16)}"/></w:trPr>'
    edges = [0]
    for w in widths:
        edges.append(edges[-1] + w)
    xml = ["<w:tbl>", _TABLE_PR, "<w:tblGrid>", "".join(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>"]
    add = xml.append
    for r, row in enumerate(rows):
        add(tr_head if r < g.header_rows else tr_open)
        for cell, first, last, style, continued, keep, text in row:
            tc_pr = f'<w:tcW w:w="{edges[last + 1] - edges[first]}" w:type="dxa"/>'
            if last > first:
                tc_pr += f'<w:gridSpan w:val="{last - first + 1}"/>'
            if continued:
                tc_pr += "<w:vMerge/>"
                text = ""
            else:
                if cell is not None and cell.rowspan > 1:
                    tc_pr += '<w:vMerge w:val="restart"/>'
                if cell is not None and cell.kind == VALUE:
                    text = _cell_text(values[cell])
            p_pr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep else "")
            run = f"{run_open}{text}</w:t></w:r>" if text else ""
            add(f'<w:tc><w:tcPr>{tc_pr}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>{p_pr}{run_pr}</w:pPr>{run}</w:p></w:tc>')
        add("</w:tr>")
    add("</w:tbl>")
    return "".join(xml)


def _cell_style(cell) -> str:
    if cell.kind in (HEADER, CORNER, GRID_HEADING):
        return "TableHeader"
    if cell.kind == LABEL:
        return "TableText" if cell.rowspan > 1 else "TableLabel"
    return "TableText"


# --------------------------------------------------------------------------------------------
# Draft marking: a red header line on every page and a pale diagonal watermark
# --------------------------------------------------------------------------------------------

# The namespaces of python-docx's header part (``mc:Ignorable`` names two of them).
_HEADER_ROOT = (
    '<w:hdr xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" '
    'xmlns:mv="urn:schemas-microsoft-com:mac:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R_NS}" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    f'xmlns:w="{W_NS}" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14">'
)


def _watermark_run(text: str, n: int) -> str:
    """The diagonal watermark ``text`` (a VML text path) as a run of header ``n``."""
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><w:pict>'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
        '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
        '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
        '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
        '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>'
        '<v:f eqn="sum @6 0 @5"/></v:formulas>'
        '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
        'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
        '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
        '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
        f'<v:shape id="DraftWaterMark{n}" o:spid="_x0000_s20{n}5" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:60pt;rotation:315;'
        "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
        'fillcolor="#c8c8c8" stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;黑体&quot;;font-size:1pt" string="{xml_attr(text)}"/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )


def header_xml(text: str, n: int) -> str:
    """Header part ``n`` of a draft: ``text`` in a red bold line and as the watermark."""
    mark = _run(run_content(text), '<w:rPr><w:b/><w:color w:val="C00000"/></w:rPr>')
    return (
        f"{XML_DECLARATION}{_HEADER_ROOT}<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
        f"{mark}{_watermark_run(text, n)}</w:p></w:hdr>"
    )


# --------------------------------------------------------------------------------------------
# Document properties (the identifier lets a later build recognise its own output)
# --------------------------------------------------------------------------------------------


# Word keeps a core property of at most 255 characters (python-docx refuses longer ones).
PROPERTY_MAX = 255


def _property(text: str, suffix: str = "") -> str:
    """A text as a document property can hold it: printable, with ``suffix`` at most
    ``PROPERTY_MAX`` characters (a longer text is cut and ends with “…”)."""
    text = clean(text).replace("\n", " ").strip()
    room = PROPERTY_MAX - len(suffix)
    return (text if len(text) <= room else text[: room - 1] + "…") + suffix


def _core_xml(doc: Document, identifier: str | None, now: _dt.datetime | None) -> str:
    now = (now or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0, tzinfo=None)
    when = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    org = xml_text(_property(doc.report.org))
    title = xml_text(_property(doc.title, "（草稿）" if doc.draft else ""))
    return (
        f"{XML_DECLARATION}<cp:coreProperties{CORE_NAMESPACES}>"
        f"<dc:title>{title}</dc:title><dc:creator>{org}</dc:creator><cp:revision>1</cp:revision>"
        f"<dc:language>zh-CN</dc:language><cp:lastModifiedBy>{org}</cp:lastModifiedBy>"
        "<dc:subject>政府信息公开工作年度报告</dc:subject>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        f"<dc:identifier>{xml_text(_property(identifier or ''))}</dc:identifier>"
        f"<cp:contentStatus>{'草稿' if doc.draft else ''}</cp:contentStatus></cp:coreProperties>"
    )


CORE_NAMESPACES = (
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
