"""Reading a saved web page (``.html``/``.htm``) as a person reads it.

- The charset: a byte-order mark, else the ``<meta>`` declaration, else whichever of UTF-8 and
  GB18030 (the superset of GBK and GB2312) decodes the bytes cleanly.
- The report body: the smallest element holding the section headings (一、…六、) and the report
  tables — not the site's navigation, header, footer or scripts (about 40 % of a real page).
- Paragraphs: block elements and ``<br>`` end a paragraph; ``&nbsp;`` runs, Word-paste
  ``<o:p>`` and spans inside a paragraph do not.
- Tables: each ``<table>`` without a table inside it, expanded into a grid (``grid.expand``).

Nothing is fetched: lxml's parser is told not to use the network, entities are not resolved
(HTML has no external ones; lxml reads ``&nbsp;`` itself), and the size and the depth of the
markup are bounded (``MAX_BYTES``; libxml2 refuses markup nested deeper than 256 elements, and
the walk below stops at ``MAX_DEPTH``)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError
from .document import Document, Para, Table, collapse
from .grid import Drawn, expand

MAX_DEPTH = 200
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


def decode(data: bytes) -> str:
    """The page's text, in whichever of the charsets Chinese sites use it is written."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    tried = []
    m = _META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"):
            name = "gb18030"  # the superset: GB2312 pages hold GBK characters in practice
        try:
            codecs.lookup(name)
            tried.append(name)
        except LookupError:
            pass
    for enc in tried + ["utf-8", "gb18030"]:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes  # optional: pages in yet another charset

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return data.decode(tried[0] if tried else "utf-8", errors="replace")


def parse(data: bytes):
    """The page as an lxml tree (plain ``lxml.etree`` elements: ``lxml.html``'s element classes
    cost a Python lookup for every element visited)."""
    from lxml import etree  # lazy: only for web pages

    text = decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses an encoding declaration in a str
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False, default_doctype=False
    )
    try:
        root = etree.fromstring(text or "<html></html>", parser)
    except Exception:
        root = None
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

    def __init__(self):
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
            self.blocks.append(Table(0, table_grid(el)))
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


def read(data: bytes, path: Path) -> Document:
    from .report import _plausible, is_report_table, section_of
    from .. import formats as F

    root = parse(data)
    if root is None:
        raise InputError("网页无法解析：文件中没有可读的 HTML 内容", code="import-not-report", path=str(path))
    body = root.find("body")
    if body is None:
        body = root
    scripts = sum(1 for _ in root.iter("script"))
    w = _Walker()
    w.walk(body)
    w.flush()
    fmt = F.FORMATS[max(F.FORMATS)]
    keys = []
    heads = set()
    for b, el in zip(w.blocks, w.owner):
        if isinstance(b, Table):
            if is_report_table(b):
                keys.append(el)
        else:
            s = section_of(b.text, fmt.sections)
            if s and _plausible(b.text, s[0], fmt):
                keys.append(el)
                heads.add(s[0])
    report_tables = sum(1 for b in w.blocks if isinstance(b, Table) and is_report_table(b))
    if report_tables == 0 and len(heads) < 3:
        _not_a_report(root, body, w, scripts, path)
    if report_tables == 0 and w.images:
        raise InputError(
            f"统计表以图片形式发布（正文中有 {len(w.images)} 张图片，没有表格），无法读取其中的数字；"
            "请找到文字版（Word/PDF 附件或文字网页）再检查",
            code="import-tables-as-images", path=str(path),
        )
    top = _lca([e for e in keys if e is not None]) if keys else body
    if top is None:
        top = body
    # the body: the blocks inside it, numbered within it
    inside = set(top.iter()) if top is not body else None
    blocks = [b for b, el in zip(w.blocks, w.owner) if inside is None or el in inside]
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
