"""Reading a Word document (``.docx``): its paragraphs and tables straight from the XML of
``word/document.xml`` — merged cells from ``w:gridSpan`` and ``w:vMerge`` expanded by
``grid.expand`` — not through python-docx's cell API (slow, and it repeats a merged cell's
text in every position it covers, losing "covered" against "blank").

The package is bounded before anything is parsed (``MAX_XML`` of XML uncompressed); the XML
parser resolves no entity and fetches nothing."""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from pathlib import Path

from ..errors import InputError
from .document import Document, Para, Table, collapse
from .grid import Drawn, expand

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_XML = 64 * 1024 * 1024


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


def _xml(z: zipfile.ZipFile, name: str, path: Path):
    from lxml import etree  # lazy

    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML:
        raise InputError(f"Word 文档的 {name} 解压后超过 {MAX_XML // (1024 * 1024)} MB，不予读取", code="import-too-large", path=str(path))
    data = _unpacked(z, info, path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise InputError(f"Word 文档已损坏（{name} 不是有效的 XML）", code="import-corrupt", path=str(path)) from e


def _unpacked(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """A member's bytes (at most its declared size: ``zipfile`` stops there), or ``InputError``
    for a member that cannot be unpacked: encrypted, compressed in a way Python cannot undo, or
    damaged (its bytes do not inflate, or do not match their checksum)."""
    if info.flag_bits & 0x1:
        raise InputError(
            f"Word 文档中的 {info.filename} 已加密，无法读取：请在 Word 中打开并另存为 .docx（不设密码）再检查",
            code="import-corrupt", path=str(path),
        )
    try:
        return z.read(info)
    except NotImplementedError:  # a compression method zipfile does not have
        raise InputError(
            f"Word 文档中的 {info.filename} 使用了不支持的压缩方式（{info.compress_type}），无法读取："
            "请在 Word 中打开并另存为 .docx 再检查",
            code="import-corrupt", path=str(path),
        ) from None
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError):  # OSError: bz2's "Invalid data stream"
        raise InputError(
            f"Word 文档已损坏（{info.filename} 无法解压）：请在 Word 中打开并另存为 .docx 再检查",
            code="import-corrupt", path=str(path),
        ) from None


def _text(el, breaks: bool) -> str:
    """The text of a paragraph (or of all paragraphs of a cell, one per line)."""
    out: list[str] = []
    for node in el.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("p"), _q("delText")):
        tag = node.tag
        if tag == _q("t"):
            out.append(node.text or "")
        elif tag == _q("tab"):
            out.append(" ")
        elif tag in (_q("br"), _q("cr")):
            out.append("\n" if breaks else " ")
        elif tag == _q("p") and breaks and out:
            out.append("\n")
    return "".join(out)


def _grid(tbl) -> list[list[Drawn]]:
    rows = []
    for tr in tbl.findall(_q("tr")):
        row = []
        for tc in tr.findall(_q("tc")):
            pr = tc.find(_q("tcPr"))
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(_q("gridSpan"))
                if gs is not None:
                    try:
                        span = int(gs.get(_q("val")) or 1)
                    except ValueError:
                        span = 1
                vm = pr.find(_q("vMerge"))
                if vm is not None:
                    vmerge = "restart" if vm.get(_q("val")) == "restart" else "continue"
            row.append(Drawn(_text(tc, True), 1, span, vmerge))
        rows.append(row)
    return rows


def _align(p) -> str | None:
    jc = p.find(f"{_q('pPr')}/{_q('jc')}")
    v = jc.get(_q("val")) if jc is not None else None
    return {"right": "right", "end": "right", "center": "center"}.get(v or "")


def read(data: bytes, path: Path) -> Document:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise InputError("Word 文档已损坏或不是 .docx 文件", code="import-corrupt", path=str(path)) from e
    with z:
        root = _xml(z, "word/document.xml", path)
        if root is None:
            raise InputError("不是 Word 文档：文件中没有 word/document.xml（是否为其他格式改了扩展名？）", code="import-not-report", path=str(path))
        try:
            core = _xml(z, "docProps/core.xml", path)
        except InputError:
            core = None  # the document's properties give only a title; the body has its own
    body = root.find(_q("body"))
    doc = Document("docx", where="Word 正文")
    if body is None:
        return doc
    np = nt = 0

    def walk(el):
        nonlocal np, nt
        for child in el:
            if child.tag == _q("p"):
                text = collapse(_text(child, False))
                if text:
                    np += 1
                    doc.blocks.append(Para(text, np, align=_align(child)))
            elif child.tag == _q("tbl"):
                nt += 1
                doc.blocks.append(Table(nt, expand(_grid(child))))
            elif child.tag in (_q("sdt"), _q("sdtContent"), _q("customXml")):
                walk(child)

    walk(body)
    if core is not None:
        for el in core.iter():
            if isinstance(el.tag, str) and el.tag.endswith("}title") and el.text:
                doc.title = el.text
    return doc
