"""Write ``templates/reference.docx``: the page and styles every Word report is built on.

Run ``python templates/make_reference_docx.py`` after changing anything here and commit both.

The package is written from scratch (no python-docx default document, no theme part), so no
theme font can override the Chinese fonts: every style names its fonts directly, with the
Chinese font in ``w:eastAsia``. Page and type follow GB/T 9704-2012《党政机关公文格式》:

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm);
- 22 lines a page: body 三号 (16 pt) 仿宋_GB2312, fixed line spacing 28.95 pt (document grid of
  22 lines); 27 characters a line (see the note at ``LINE`` on the standard's 28);
- title 二号 (22 pt) 方正小标宋简体, centred; 一级标题 三号黑体, 二级标题 三号楷体_GB2312,
  三级标题 三号仿宋_GB2312; first-line indent of two characters;
- page number ``— 1 —`` in 四号 半角宋体, a PAGE field in the footer, odd pages right and even
  pages left, one character in from the edge of the text block.

The output is byte-for-byte reproducible (fixed zip timestamps).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

MM = 1440 / 25.4  # twips per millimetre


def tw(mm: float) -> int:
    return round(mm * MM)


# Fonts (w:altName is what Word falls back to when the font is not installed).
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"

FONTS = {
    FANGSONG: ("仿宋", "02010609030101010101", "86"),
    KAITI: ("楷体", "02010609030101010101", "86"),
    HEITI: ("SimHei", "02010609060101010101", "86"),
    XIAOBIAOSONG: ("宋体", "02000000000000000000", "86"),
    SONGTI: ("SimSun", "02010600030101010101", "86"),
    LATIN: (None, "02020603050405020304", "00"),
}

# Sizes in half-points.
ERHAO = 44  # 二号 22 pt
SANHAO = 32  # 三号 16 pt
SIHAO = 28  # 四号 14 pt
WUHAO = 21  # 五号 10.5 pt

LINE = 579  # 28.95 pt in twips: 225 mm / 22 lines
# 27 characters a line, not GB/T 9704's 28: 28 characters of 16 pt need 448 pt and the text block
# is 442.2 pt (156 mm) wide. Word reaches 28 through the document grid of lines and characters
# (docGrid linesAndChars, charSpace −848: a pitch of 442.2 / 28 = 15.793 pt), but LibreOffice 7.4
# lays out that grid by whole cells: a 16 pt character needs two cells of 15.793 pt, and lines
# come out with 14 widely spaced characters or with 28 at random. Condensing the letter spacing
# by 0.25 pt instead gives LibreOffice 28 a line, but it then hides a punctuation mark that hangs
# past the line end (a comma vanishes from the PDF; w:overflowPunct="0" and punctuation
# compression do not help). Measured on the 淮安 sample, LibreOffice 7.4, Noto CJK fonts. So the
# body keeps natural spacing and the grid of lines only: 27 characters a line (−1, 3.6 %).


def rfonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def style(
    sid: str,
    name: str,
    *,
    kind: str = "paragraph",
    based: str | None = "Normal",
    nxt: str | None = None,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    default: bool = False,
) -> str:
    attrs = f' w:type="{kind}" w:styleId="{sid}"' + (' w:default="1"' if default else "")
    body = f'<w:name w:val="{name}"/>'
    if based:
        body += f'<w:basedOn w:val="{based}"/>'
    if nxt:
        body += f'<w:next w:val="{nxt}"/>'
    body += extra
    if ppr:
        body += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        body += f"<w:rPr>{rpr}</w:rPr>"
    return f"<w:style{attrs}>{body}</w:style>"


def styles_xml() -> str:
    body_ppr = (
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>'
    )
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    table_ppr = (
        '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="260" w:lineRule="exact"/>'
        f"{no_indent}"
    )
    heading = '<w:keepNext/><w:keepLines/>'
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>",
        rfonts(FANGSONG),
        '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>',
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
        '<w:widowControl w:val="0"/><w:jc w:val="both"/>',
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        style(
            "Normal",
            "Normal",
            based=None,
            default=True,
            ppr=body_ppr,
            rpr=rfonts(FANGSONG) + f'<w:sz w:val="{SANHAO}"/><w:szCs w:val="{SANHAO}"/>',
            extra="<w:qFormat/>",
        ),
        style(
            "Title",
            "Title",
            nxt="Normal",
            ppr=f'<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="{LINE}" w:line="700" w:lineRule="exact"/>{no_indent}<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
            rpr=rfonts(XIAOBIAOSONG, XIAOBIAOSONG) + f'<w:sz w:val="{ERHAO}"/><w:szCs w:val="{ERHAO}"/>',
            extra="<w:qFormat/>",
        ),
        style(
            "Heading1",
            "heading 1",
            nxt="Normal",
            ppr=f'{heading}<w:outlineLvl w:val="0"/>',
            rpr=rfonts(HEITI) + f'<w:b w:val="0"/><w:sz w:val="{SANHAO}"/><w:szCs w:val="{SANHAO}"/>',
            extra="<w:qFormat/>",
        ),
        style(
            "Heading2",
            "heading 2",
            nxt="Normal",
            ppr=f'{heading}<w:outlineLvl w:val="1"/>',
            rpr=rfonts(KAITI) + f'<w:b w:val="0"/><w:sz w:val="{SANHAO}"/><w:szCs w:val="{SANHAO}"/>',
            extra="<w:qFormat/>",
        ),
        style(
            "Heading3",
            "heading 3",
            nxt="Normal",
            ppr=f'{heading}<w:outlineLvl w:val="2"/>',
            rpr=rfonts(FANGSONG) + f'<w:b w:val="0"/><w:sz w:val="{SANHAO}"/><w:szCs w:val="{SANHAO}"/>',
            extra="<w:qFormat/>",
        ),
        style(
            "Signature",
            "Signature",
            # no extra space between Chinese and digits (2021年2月16日): the date starts exactly
            # two characters right of the unit's name (GB/T 9704 7.3.5.2)
            ppr=f'<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>{no_indent}<w:jc w:val="right"/>',
            rpr=rfonts(FANGSONG),
        ),
        style(
            "TableText",
            "Table Text",
            ppr=f'{table_ppr}<w:jc w:val="center"/>',
            rpr=rfonts(FANGSONG) + f'<w:sz w:val="{WUHAO}"/><w:szCs w:val="{WUHAO}"/>',
        ),
        style(
            "TableLabel",
            "Table Label",
            based="TableText",
            ppr='<w:jc w:val="left"/>',
        ),
        style(
            "TableHeader",
            "Table Header",
            based="TableText",
            ppr='<w:keepNext/><w:jc w:val="center"/>',
            rpr=rfonts(HEITI),
        ),
        style(
            "Header",
            "header",
            ppr=f'<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>{no_indent}<w:jc w:val="center"/>',
            rpr=rfonts(HEITI) + f'<w:sz w:val="{SIHAO}"/><w:szCs w:val="{SIHAO}"/>',
        ),
        style(
            "Footer",
            "footer",
            ppr=f'<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>{no_indent}',
            rpr=rfonts(SONGTI, SONGTI) + f'<w:sz w:val="{SIHAO}"/><w:szCs w:val="{SIHAO}"/>',
        ),
        # A run-in sub-heading “（一）…。” at the start of a paragraph: 楷体 like a stand-alone （一）.
        style("RunInHeading", "Run-in Heading", kind="character", based="DefaultParagraphFont", rpr=rfonts(KAITI)),
        style("DefaultParagraphFont", "Default Paragraph Font", kind="character", based=None, default=True, extra='<w:uiPriority w:val="1"/><w:semiHidden/>'),
        style(
            "TableNormal",
            "Normal Table",
            kind="table",
            based=None,
            default=True,
            extra=(
                '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                '<w:top w:w="0" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
                '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
                "</w:tblCellMar></w:tblPr>"
            ),
        ),
        "</w:styles>",
    ]
    return "".join(out)


def font_table_xml() -> str:
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">']
    for name, (alt, panose, charset) in FONTS.items():
        parts.append(f'<w:font w:name="{name}">')
        if alt:
            parts.append(f'<w:altName w:val="{alt}"/>')
        parts.append(f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>')
        parts.append('<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>')
    parts.append("</w:fonts>")
    return "".join(parts)


def footer_xml(align: str, indent: str) -> str:
    """``— 1 —``: a PAGE field between two 一字线."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind {indent}/><w:jc w:val="{align}"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
        "</w:p></w:ftr>"
    )


def document_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
        "<w:body><w:sectPr>"
        '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{tw(37)}" w:right="{tw(26)}" w:bottom="{tw(35)}" w:left="{tw(28)}" '
        f'w:header="{tw(15)}" w:footer="{tw(23)}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/>'
        "</w:sectPr></w:body></w:document>"
    )


def settings_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
        '<w:zoom w:percent="100"/>'
        '<w:evenAndOddHeaders/>'
        '<w:defaultTabStop w:val="420"/>'
        '<w:drawingGridVerticalSpacing w:val="579"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
        '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        "</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>'
    "</Relationships>"
)

CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title></dc:title><dc:creator></dc:creator><cp:revision>1</cp:revision>"
    '<dc:language>zh-CN</dc:language>'
    "</cp:coreProperties>"
)

APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>disclosure</Application></Properties>"
)


def parts() -> dict[str, str]:
    one_char = 280  # 四号 = 14 pt
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        # GB/T 9704 7.5: 单页码居右空一字，双页码居左空一字.
        "word/footer1.xml": footer_xml("right", f'w:right="{one_char}" w:firstLine="0"'),
        "word/footer2.xml": footer_xml("left", f'w:left="{one_char}" w:firstLine="0"'),
    }


def write(path: Path = OUT) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
