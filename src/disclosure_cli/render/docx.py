"""The report as a 公文-style Word document (GB/T 9704-2012), built on ``templates/reference.docx``.

Page, fonts and paragraph styles live in the reference document (see
``templates/make_reference_docx.py``); this module only places content: title, opening
paragraph, the six sections with their sub-headings, the three official tables (from the
shared layout grid, written as table XML with ``gridSpan``/``vMerge`` merges), and the unit
name and date at the end. python-docx is imported here only, lazily.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
from importlib import resources
from xml.sax.saxutils import escape, quoteattr

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

# Geometry (twips). The text block of GB/T 9704 is 156 mm wide.
TEXT_WIDTH = round(156 * 1440 / 25.4)
CELL_PADDING = 2 * 57  # left + right cell margins of the reference table style
BODY_CHAR = 320  # one character of 三号 (16 pt)

STYLE = {
    TITLE: "Title",
    INTRO: "Normal",
    PARA: "Normal",
    SIGNATURE: "Signature",
    DATE: "Signature",
}
HEADING_STYLE = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}

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

@functools.lru_cache(maxsize=1)
def reference_docx() -> bytes:
    return resources.files("disclosure_cli.templates").joinpath("reference.docx").read_bytes()


def render_docx(doc: Document, *, identifier: str | None = None, now: _dt.datetime | None = None) -> bytes:
    """The Word document as bytes."""
    import docx  # lazy: python-docx is only needed to build
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    d = docx.Document(io.BytesIO(reference_docx()))
    body = d.element.body
    sect_pr = body.sectPr
    container = d._body
    # Resolve style names once: python-docx looks a name up through every style on each call.
    style_ids: dict[str, str | None] = {}
    signature = _signature_indents(doc)

    def paragraph(style: str):
        # Each paragraph goes straight before the section properties: python-docx's own
        # ``add_paragraph`` searches the body's children for them on every call, which made
        # the document quadratic in its number of paragraphs.
        if style not in style_ids:  # None for the default style, as python-docx does
            style_ids[style] = d.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        para = Paragraph(p, container)
        p.style = style_ids[style]
        return para

    from docx.shared import Twips

    pieces = doc.pieces
    # The signature keeps with the last paragraph (and the date with the signature): the unit's
    # name never stands alone on the last page.
    sign_at = next((i for i, b in enumerate(pieces) if b.kind in (SIGNATURE, DATE)), len(pieces))
    # (a heading after the last paragraph — an empty last section — keeps with next anyway)
    last_text = max((i for i in range(sign_at) if pieces[i].kind in (PARA, INTRO)), default=None)
    for i, piece in enumerate(pieces):
        if piece.kind == TABLE:
            sect_pr.addprevious(_table_element(doc, piece.grid))
            continue
        if piece.kind == HEADING:
            style = HEADING_STYLE.get(piece.level, "Heading 3")
        else:
            style = STYLE[piece.kind]
        if i == sign_at:
            gap = paragraph("Normal")  # 正文下空一行
            gap.paragraph_format.keep_with_next = True
        p = paragraph(style)
        if piece.kind == TITLE:
            for n, line in enumerate(doc.title_lines):
                run = p.add_run(line)
                if n < len(doc.title_lines) - 1:
                    run.add_break()
            p.paragraph_format.space_after = Twips(title_space_after(len(doc.title_lines)))
        elif piece.kind == PARA:
            head, rest = run_in_heading(piece.text)
            if head:
                _run_in(p.add_run(head))
            if rest:
                p.add_run(rest)
        else:
            p.add_run(piece.text)
        if i == last_text and sign_at < len(pieces):
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.widow_control = True  # its last two lines go along, not one
        if piece.kind in (SIGNATURE, DATE):
            indent = signature[0] if piece.kind == SIGNATURE else signature[1]
            p.paragraph_format.right_indent = Twips(round(indent * BODY_CHAR))
            if piece.kind == SIGNATURE:
                p.paragraph_format.keep_with_next = True
    if doc.draft:
        _mark_draft(d)
    _properties(d, doc, identifier, now)
    out = io.BytesIO()
    d.save(out)
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


def _run_in(run) -> None:
    """A run-in sub-heading in the font of the stand-alone （一） headings (三号楷体)."""
    from docx.oxml import parse_xml

    run._r.get_or_add_rPr().insert(0, parse_xml(f'<w:rStyle xmlns:w="{W_NS}" w:val="RunInHeading"/>'))


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


def table_fit(g: Grid, values: dict | None = None) -> tuple[int, list[int]]:
    """The largest type size (half-points) and column widths (twips) that fit the text block.

    Value columns get what their widest number needs (``values`` maps value cells to their
    text; at least ``MIN_DIGITS`` digits); label columns share the rest by their weights and
    give way first: the table is set in the largest size at which the labels keep their
    minimum (a label wraps onto more lines before the type gets smaller)."""
    value_cols = {c.col for c in g.cells if c.kind == VALUE and c.colspan == 1}
    digits = {k: 0.0 for k in value_cols}  # widest text in half-width characters
    for cell, text in (values or {}).items():
        if cell.colspan == 1 and cell.col in digits:
            digits[cell.col] = max(digits[cell.col], 2 * display_width(text))
    weights = column_weights(g, value_chars=2)
    label_cols = [k for k in range(g.ncols) if k not in value_cols]
    label_min = {
        k: min(weights[k], LABEL_MIN_CHARS if any(c.col == k and c.rowspan == 1 for c in g.cells if c.kind == LABEL) else GROUP_MIN_CHARS)
        for k in label_cols
    }

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


def _table_element(doc: Document, g: Grid):
    from docx.oxml import parse_xml

    values = {c: doc.value(c.key) for c in g.cells if c.kind == VALUE}
    size, widths = table_fit(g, values)
    covering = [[None] * g.ncols for _ in range(g.nrows)]
    for c in g.cells:
        for r in range(c.row, c.last_row + 1):
            for k in range(c.col, c.last_col + 1):
                covering[r][k] = c
    # A long table breaks between rows (never inside one: cantSplit), its header rows repeat;
    # only the header and the first body rows keep together, and with them the heading before
    # the table (its paragraph keeps with next), so a heading never stays alone at a page foot.
    keep = set(range(min(g.header_rows + KEEP_BODY_ROWS, g.nrows - 1)))
    border = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    xml = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>',
        f"<w:tblBorders>{border}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    run_pr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    for r in range(g.nrows):
        tr_pr = "<w:cantSplit/>" + ("<w:tblHeader/>" if r < g.header_rows else "")
        xml.append(f'<w:tr><w:trPr>{tr_pr}<w:trHeight w:val="{size * (20 if g.nrows <= 20 else 16)}"/></w:trPr>')
        k = 0
        while k < g.ncols:
            cell = covering[r][k]
            if cell is None:  # not expected: the grid is complete
                xml.append(_tc(widths[k], 1, None, "", "TableText", run_pr, False))
                k += 1
                continue
            span = cell.colspan
            width = sum(widths[cell.col : cell.last_col + 1])
            if cell.row != r:  # continuation of a vertical merge
                xml.append(_tc(width, span, "continue", "", "TableText", run_pr, r in keep))
            else:
                vmerge = "restart" if cell.rowspan > 1 else None
                text = values[cell] if cell.kind == VALUE else cell.text
                xml.append(_tc(width, span, vmerge, text, _cell_style(cell), run_pr, r in keep))
            k = cell.last_col + 1
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return parse_xml("".join(xml))


def _cell_style(cell) -> str:
    if cell.kind in (HEADER, CORNER, GRID_HEADING):
        return "TableHeader"
    if cell.kind == LABEL:
        return "TableText" if cell.rowspan > 1 else "TableLabel"
    return "TableText"


def _tc(width: int, span: int, vmerge: str | None, text: str, style: str, run_pr: str, keep: bool) -> str:
    tc_pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tc_pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tc_pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tc_pr += "<w:vMerge/>"
    tc_pr += '<w:vAlign w:val="center"/>'
    p_pr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep else "")
    run = f"<w:r>{run_pr}<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>" if text else ""
    return f"<w:tc><w:tcPr>{tc_pr}</w:tcPr><w:p><w:pPr>{p_pr}{run_pr}</w:pPr>{run}</w:p></w:tc>"


# --------------------------------------------------------------------------------------------
# Draft marking: a red header line on every page and a pale diagonal watermark
# --------------------------------------------------------------------------------------------

_VML = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)


def _watermark_run(text: str, n: int):
    from docx.oxml import parse_xml

    xml = (
        f'<w:r xmlns:w="{W_NS}" {_VML}><w:rPr><w:noProof/></w:rPr><w:pict>'
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
        f'<v:textpath style="font-family:&quot;黑体&quot;;font-size:1pt" string={quoteattr(text)}/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )
    return parse_xml(xml)


def _mark_draft(d) -> None:
    from docx.shared import RGBColor

    section = d.sections[0]
    for n, header in enumerate((section.header, section.even_page_header), start=1):
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.style = d.styles["Header"]
        run = p.add_run(DRAFT_MARK)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        run.font.bold = True
        p._p.append(_watermark_run(DRAFT_MARK, n))


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


def _properties(d, doc: Document, identifier: str | None, now: _dt.datetime | None) -> None:
    now = (now or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0, tzinfo=None)
    cp = d.core_properties
    cp.title = _property(doc.title, "（草稿）" if doc.draft else "")
    cp.author = _property(doc.report.org)
    cp.last_modified_by = _property(doc.report.org)
    cp.subject = "政府信息公开工作年度报告"
    cp.language = "zh-CN"
    cp.revision = 1
    cp.created = now
    cp.modified = now
    cp.identifier = _property(identifier or "")
    cp.content_status = "草稿" if doc.draft else ""
