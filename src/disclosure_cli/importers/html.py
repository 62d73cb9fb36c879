"""Reading a saved web page (``.html``/``.htm``) as a person reads it.

- The charset: a byte-order mark, else the ``<meta>`` declaration, else whichever of UTF-8 and
  GB18030 (the superset of GBK and GB2312) decodes the bytes cleanly.
- The report body: the smallest element holding the section headings (一、…六、) and the report
  tables — not the site's navigation, header, footer or scripts (about 40 % of a real page),
  which are not even walked when that can be avoided (``_body_blocks``).
- Paragraphs: block elements and ``<br>`` end a paragraph; ``&nbsp;`` runs, Word-paste
  ``<o:p>`` and spans inside a paragraph do not.
- Tables: each ``<table>`` without a table inside it, expanded into a grid (``grid.expand``).

Nothing is fetched: lxml's parser is told not to use the network, entities are not resolved
(HTML has no external ones; lxml reads ``&nbsp;`` itself), and the size and the depth of the
markup are bounded (``MAX_BYTES``; libxml2 stops at markup nested deeper than 256 elements — such a
page is refused, not read in part — and the walk below stops at ``MAX_DEPTH``)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError
from .document import Document, Para, Table, collapse
from .grid import Drawn, expand

MAX_DEPTH = 256  # libxml2 keeps no deeper element (a deeper page is refused: ``CutShort``), so the walk skips none
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "embed", "svg", "button", "select", "input", "textarea", "form"})
_BLOCK = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
     "header", "footer", "main", "aside", "nav", "blockquote", "pre", "center", "address", "tr", "td", "th",
     "caption", "tbody", "thead", "tfoot", "figure", "figcaption", "hr", "ucapcontent", "body", "html"}
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ATTACHMENT = re.compile(r"\.(docx?|wps|pdf|xlsx?|zip|rar|ofd)$", re.I)
_REPORT_LINK = re.compile(r"(?:19|20)\d{2}\s*年度?.*(?:政府信息公开|政务公开).*年度?报告")
_CHROME = re.compile(r"(^|[\s_-])(nav|menu|header|footer|breadcrumb|crumb|banner|sidebar|share|search|copyright)($|[\s_-])", re.I)


_GB = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"})
# Codecs Python knows that are not a page's character set (escapes, IDNA…): a page or archive part
# declaring one is read as if it declared none.
_NOT_A_CHARSET = frozenset({"utf-7", "undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "charmap"})
# A ``<meta>`` naming UTF-16/UTF-32 was itself read as ASCII, so the bytes are not in that charset
# (browsers take it as UTF-8).
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def declared_charset(data: bytes) -> str | None:
    """The charset the page's ``<meta>`` declares, when it is one a page can be written in."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = page_charset(m.group(1).decode("ascii", "ignore"))
    return None if name in _WIDE else name


def page_charset(name: str) -> str | None:
    """The codec for a charset a page (or a web archive's part) declares, None when the name is
    not one a page can be written in."""
    name = name.lower()
    if name in _GB:
        return "gb18030"  # the superset: GB2312 pages hold GBK characters in practice
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if info.name in _NOT_A_CHARSET:
        return None
    try:
        "a".encode(info.name)  # base64, rot13, zlib…: codecs of bytes to bytes, not of text
    except LookupError:
        return None
    return info.name


def decode(data: bytes) -> str:
    """The page's text, in whichever of the charsets Chinese sites use it is written: a byte-order
    mark, else the declared charset, else UTF-8, else GB18030 — the first that decodes the bytes
    cleanly; else (a stray byte: a page cut inside a character, a CMS's bad join) the one of them
    that decodes with fewest errors, each bad byte read as U+FFFD, as a browser shows it — unless
    all of them fail badly (a page in yet another charset: left to ``charset_normalizer``)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    declared = declared_charset(data)
    candidates = list(dict.fromkeys(([declared] if declared else []) + ["utf-8", "gb18030"]))
    for enc in candidates:
        try:
            return data.decode(enc)
        except UnicodeError:
            continue
    text = min((data.decode(enc, errors="replace") for enc in candidates), key=lambda t: t.count("\ufffd"))
    if text.count("\ufffd") <= 16 + len(text) // 1000:
        return text
    try:
        from charset_normalizer import from_bytes  # optional: pages in yet another charset

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return text


class CutShort(Exception):
    """The parser stopped before the end of the page: a limit of libxml2 (markup nested deeper
    than 256 elements, a text of over 10 MB without markup) was reached. What it read is only the
    start of the page, so the page is not read at all (``read`` says why)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse(data: bytes):
    """The page as an lxml tree (plain ``lxml.etree`` elements: ``lxml.html``'s element classes
    cost a Python lookup for every element visited), or None when there is no markup in it.
    Raises ``CutShort`` when the parser gave up before the end of the page."""
    from lxml import etree  # lazy: only for web pages

    text = decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses an encoding declaration in a str
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False, default_doctype=False
    )
    try:
        root = etree.fromstring(text or "<html></html>", parser)
    except (etree.LxmlError, ValueError):  # nothing lxml can read as markup
        return None
    for e in parser.error_log:
        if e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise CutShort("depth" if "depth" in e.message else "size")
    return root


def text_content(el) -> str:
    """All the text inside ``el`` (what ``lxml.html`` elements give as ``text_content``)."""
    from lxml import etree

    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _tag(el) -> str:
    t = el.tag
    if not isinstance(t, str):
        return ""
    if ":" in t or "}" in t:
        return t.rsplit("}", 1)[-1].split(":")[-1].lower()  # o:p → p, w:sdt → sdt
    return t  # lxml.html gives tag names in lower case


def cell_text(el, depth: int = 0) -> str:
    """The text of a table cell: ``<br>`` and block elements as line breaks."""
    out: list[str] = []

    def go(e, d):
        if d > MAX_DEPTH:
            return
        tag = _tag(e)
        if tag in _SKIP:
            return
        if tag == "br":
            out.append("\n")
        elif tag in _BLOCK and out:
            out.append("\n")
        if e.text and tag not in _SKIP:
            out.append(e.text)
        for c in e:
            go(c, d + 1)
            if c.tail:
                out.append(c.tail)

    go(el, depth)
    return "".join(out)


def _int(v, default=1) -> int:
    try:
        return int(str(v).strip().rstrip(";") or default)
    except ValueError:
        return default


def table_grid(el):
    rows = []
    for tr in el.iter("tr"):
        # rows of this table only (not of a table nested inside one of its cells)
        parent = tr.getparent()
        while parent is not None and _tag(parent) != "table":
            parent = parent.getparent()
        if parent is not el:
            continue
        rows.append([
            Drawn(cell_text(td), _int(td.get("rowspan")), _int(td.get("colspan")))
            for td in tr if _tag(td) in ("td", "th")
        ])
    return expand(rows)


class _Walker:
    """The blocks of an element in reading order: paragraphs and tables."""

    def __init__(self, grids: dict | None = None):
        self.grids = {} if grids is None else grids  # table element → its grid, read once
        self.blocks: list[Para | Table] = []
        self.owner: list = []  # the element each block came from
        self.buf: list[str] = []
        self.buf_el = None
        self.images: list = []
        self.links: list = []

    def flush(self):
        if not self.buf:
            self.buf_el = None
            return
        text = collapse("".join(self.buf))
        if text:
            role = "title" if self.buf_el is not None and _tag(self.buf_el) == "h1" else None
            self.blocks.append(Para(text, 0, role=role))
            self.owner.append(self.buf_el)
        self.buf = []
        self.buf_el = None

    def add_text(self, text, el):
        if text:
            if self.buf_el is None and text.strip():
                self.buf_el = el
            self.buf.append(text)

    def walk(self, el, depth=0):
        if depth > MAX_DEPTH:
            return
        tag = _tag(el)
        if tag in _SKIP or not tag:
            return
        if tag == "img":
            self.images.append(el)
            return
        if tag == "a" and el.get("href"):
            self.links.append(el)
        if tag == "table" and el.find(".//table") is None:
            self.flush()
            grid = self.grids.get(el)
            if grid is None:
                grid = self.grids[el] = table_grid(el)
            self.blocks.append(Table(0, grid))
            self.owner.append(el)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.add_text(el.text, el)
        for child in el:
            self.walk(child, depth + 1)
            self.add_text(child.tail, el)
        if block:
            self.flush()


def _lca(elements):
    paths = []
    for e in elements:
        chain = []
        while e is not None:
            chain.append(e)
            e = e.getparent()
        paths.append(chain[::-1])
    common = None
    for level in zip(*paths):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common


def _page_meta(root, name: str) -> str | None:
    for m in root.iter("meta"):
        if (m.get("name") or "").lower() == name.lower():
            return m.get("content")
    return None


# The characters a section heading can start with: 一…六, and every character Unicode's NFKC
# folds into one of them (⼀ KANGXI RADICAL ONE, ㈠, ㊀, …) — ``report.section_of`` compares
# NFKC-normalised text. tests/test_import_html_body.py checks the list against unicodedata.
HEADING_START = (
    "一二三四五六"
    "\u2f00\u2f06\u3192\u3193\u3194\u3195\u3220\u3221\u3222\u3223\u3224\u3225\u3280\u3281\u3282\u3283\u3284\u3285\uf9d1\U0001f214\U0001f229\U0001f22a\U0001f241\U0001f242"
)
_HEADING_START = frozenset(HEADING_START)


class _Reach:
    """How deep below ``body`` the walk takes up an element's content, or None when it never
    does: an element on the way is skipped (script, form, …), an image, a line break, a table
    without a table inside it (read as a grid), or deeper than ``MAX_DEPTH``. Remembered per
    element: the same ancestors are asked about again and again."""

    def __init__(self, body):
        self.body = body
        self.known: dict = {}

    def depth(self, el) -> int | None:
        if el in self.known:
            return self.known[el]
        if el is self.body:
            d = self._own(el, 0)
        else:
            parent = el.getparent()
            above = None if parent is None else self.depth(parent)
            d = None if above is None else self._own(el, above + 1)
        self.known[el] = d
        return d

    @staticmethod
    def _own(el, depth: int) -> int | None:
        tag = _tag(el)
        if depth > MAX_DEPTH or not tag or tag in _SKIP or tag in ("img", "br"):
            return None
        if tag == "table" and el.find(".//table") is None:
            return None
        return depth


def _walked(el, depth: int, grids: dict | None = None) -> _Walker:
    """``el`` walked from ``depth`` below the body, its last paragraph ended (``grids``: the
    tables already read)."""
    w = _Walker(grids)
    w.walk(el, depth)
    w.flush()
    return w


def _scan(body) -> tuple[list, list]:
    """One pass over the elements (no walk): the tables, and the elements holding a text that
    has a character a section heading can start with (a tail is its parent's text)."""
    tables, holders = [], []
    plain = _HEADING_START.isdisjoint
    for el in body.iter():
        tag = el.tag
        if tag == "table" or (isinstance(tag, str) and tag.endswith(":table")):
            tables.append(el)
        text = el.text
        if text and not plain(text):
            holders.append(el)
        text = el.tail
        if text and el is not body and not plain(text):
            holders.append(el.getparent())
    return tables, holders


def _leaf_tables(tables: list, reach: _Reach) -> list:
    """Those of ``tables`` the walk reads as grids, in document order."""
    out = []
    for t in tables:
        parent = t.getparent()
        if _tag(t) == "table" and t.find(".//table") is None and parent is not None:
            depth = reach.depth(parent)
            if depth is not None and depth + 1 <= MAX_DEPTH:
                out.append(t)
    return out


def _block_of(el, body):
    """The nearest block element holding ``el`` (itself included): the walk starts and ends a
    paragraph there, so what it reads inside does not depend on anything outside."""
    while el is not None and el is not body:
        if _tag(el) in _BLOCK:
            return el
        el = el.getparent()
    return body


def _headings(holders: list, body, fmt, reach: _Reach):
    """The section headings anywhere in the body, read by walking only the blocks around the
    ``holders`` (``_scan``): ``({owner element}, {section ids})``, or None when that would
    mean walking the whole body anyway."""
    from .report import section_of

    blocks = {}
    for holder in holders:
        if reach.depth(holder) is not None:
            b = _block_of(holder, body)
            if b is body:
                return None
            blocks[b] = None
    owners, heads = [], set()
    for b in blocks:
        if any(a in blocks for a in b.iterancestors()):
            continue  # read with the block around it
        w = _walked(b, reach.depth(b))
        for p, el in zip(w.blocks, w.owner):
            if isinstance(p, Para) and (s := section_of(p.text, fmt)):
                owners.append(el)
                heads.add(s[0])
    return owners, heads


def _body_blocks(root, body, fmt, path: Path) -> list:
    """The blocks of the report body: the smallest element holding the report tables and the
    section headings. Found without walking the site's chrome: one pass over the elements
    (``_scan``: no paragraphs assembled) finds the tables and the texts that can start a
    heading; only the tables' grids and the blocks around those texts are read, then the body
    is walked. Where that shortcut cannot be sure to give what walking the whole page gives (no
    report table, headings straight in <body>, a body that is not a block element), the whole
    page is walked."""
    from .report import is_report_table

    reach = _Reach(body)
    tables, holders = _scan(body)
    grids = {t: table_grid(t) for t in _leaf_tables(tables, reach)}
    tables = [t for t, grid in grids.items() if is_report_table(Table(0, grid))]
    found = _headings(holders, body, fmt, reach) if tables else None
    if found is not None:
        owners, _ = found
        top = _lca(tables + owners)
        if top is not None and top is not body and _tag(top) in _BLOCK and (depth := reach.depth(top)) is not None:
            return _walked(top, depth, grids).blocks
    return _walked_body(root, body, fmt, path, grids)


def _walked_body(root, body, fmt, path: Path, grids: dict | None = None) -> list:
    """The blocks of the report body, by walking the whole page (``grids``: the tables already
    read)."""
    from .report import is_report_table, section_of

    w = _walked(body, 0, grids)
    keys = []
    heads = set()
    report_tables = 0
    for b, el in zip(w.blocks, w.owner):
        if isinstance(b, Table):
            if is_report_table(b):
                keys.append(el)
                report_tables += 1
        else:
            s = section_of(b.text, fmt)
            if s:
                keys.append(el)
                heads.add(s[0])
    if report_tables == 0 and len(heads) < 3:
        _not_a_report(root, body, w, sum(1 for _ in root.iter("script")), path)
    if report_tables == 0 and w.images:
        raise InputError(
            f"统计表以图片形式发布（正文中有 {len(w.images)} 张图片，没有表格），无法读取其中的数字；"
            "请找到文字版（Word/PDF 附件或文字网页）再检查",
            code="import-tables-as-images", path=str(path),
        )
    top = _lca([e for e in keys if e is not None]) if keys else body
    if top is None:
        top = body
    inside = set(top.iter()) if top is not body else None
    return [b for b, el in zip(w.blocks, w.owner) if inside is None or el in inside]


def read(data: bytes, path: Path) -> Document:
    from .. import formats as F

    try:
        root = parse(data)
    except CutShort as e:
        what = "标记嵌套超过 256 层" if e.reason == "depth" else "有一段超过 10 MB 的连续文字"
        raise InputError(
            f"网页{what}，解析器读到一半不得不停止，无法完整读取（正常保存的网页不会这样，文件可能已损坏）："
            "请在浏览器中重新打开页面，另存为“网页，全部”或“网页，单个文件”后再检查",
            code="import-corrupt", path=str(path),
        ) from None
    if root is None:
        raise InputError("网页无法解析：文件中没有可读的 HTML 内容", code="import-not-report", path=str(path))
    body = root.find("body")
    if body is None:
        body = root
    blocks = _body_blocks(root, body, F.FORMATS[max(F.FORMATS)], path)
    # numbered within the body
    np = nt = 0
    for b in blocks:
        if isinstance(b, Table):
            nt += 1
            b.number = nt
        else:
            np += 1
            b.number = np
    title = _page_meta(root, "ArticleTitle")
    if not title:
        h1 = root.find(".//h1")
        title = collapse(text_content(h1)) if h1 is not None else None
    if not title:
        t = root.find(".//title")
        title = collapse(text_content(t)).split("_")[0] if t is not None and text_content(t) else None
    published = _page_meta(root, "PubDate")
    if not published:
        m = re.search(r"发布(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2})", text_content(root)[:200000])
        published = m.group(1) if m else None
    return Document("html", blocks, title=title, published=published, where="网页正文")


def _not_a_report(root, body, w: _Walker, scripts: int, path: Path):
    """Say plainly what the page is instead (exit 2)."""
    text = collapse(text_content(body)) if body is not None else ""
    files = []
    for a in w.links:
        href = (a.get("href") or "").split("?")[0].split("#")[0]
        if _ATTACHMENT.search(href):
            name = collapse(text_content(a)) or href.rsplit("/", 1)[-1]
            files.append(name if _ATTACHMENT.search(name) else f"{name}（{href.rsplit('/', 1)[-1]}）")
    reports = [a for a in w.links if _REPORT_LINK.search(collapse(text_content(a)) or "") and not _ATTACHMENT.search((a.get("href") or "").split("?")[0])]
    if len(reports) >= 3:
        raise InputError(
            f"这是一个列表页（列出 {len(reports)} 篇报告的链接），不是报告本身：请打开其中一篇报告的页面另存后再检查",
            code="import-list-page", path=str(path),
        )
    if files:
        raise InputError(
            f"网页只提供附件下载，正文中没有报告内容：请下载附件“{files[0]}”后检查该文件",
            code="import-attachment-only", path=str(path),
        )
    if len(text) < 200 and scripts:
        raise InputError(
            "网页正文由脚本加载，保存的文件中没有报告内容（页面是空壳）：请在浏览器中打开页面，"
            "待内容显示后另存为“网页，全部”再检查",
            code="import-script-shell", path=str(path),
        )
    if w.images and _REPORT_LINK.search(text):
        raise InputError(
            f"报告以图片形式发布（有 {len(w.images)} 张图片，没有文字和表格），无法读取；请找到文字版再检查",
            code="import-tables-as-images", path=str(path),
        )
    raise InputError(
        "不是政府信息公开工作年度报告：找不到“一、总体情况”等部分标题，也找不到表二、表三、表四",
        code="import-not-report", path=str(path),
    )
