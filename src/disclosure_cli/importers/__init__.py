"""Importing reports that are already published: a saved web page (``.html``/``.htm``, or a
browser's web archive ``.mhtml``/``.mht``), a Word
document (``.docx``; ``.doc``/``.wps`` through LibreOffice when it is installed) or a PDF with a
text layer — into the one ``Report`` the checker and the renderers use.

Each format has its reader, giving a ``document.Document`` (paragraphs and tables in reading
order, each with its place); ``report.to_report`` reads the report out of it with the workbook
reader's label matching. Every cell and paragraph keeps its place in the document
(``第 2 个表格 第 5 行 第 3 列「&nbsp;」``, ``第 3 页``), which findings point at.

A file that is not a report — a list page, a page whose body arrives by script, a page that only
links to an attachment, tables published as images, a scanned PDF — is refused with one plain
Chinese sentence (``InputError``, exit 2). The heavy libraries (lxml, pdfplumber) are imported
only when such a file is read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError, os_reason
from ..model import Report
from ..reader import PUBLISHED_SUFFIXES as SUFFIXES

IMPORTER_VERSION = "1"
MAX_BYTES = 30 * 1024 * 1024  # a published page is 100–400 KB, a Word or PDF report a few MB


def is_published(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def sniff(data: bytes, suffix: str) -> str:
    """html | mhtml | docx | pdf | doc, by content first (a .htm that is really a Word file happens)."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"  # OLE2: Word 97–2003 or WPS
    if suffix in (".pdf",) and b"%PDF" in data[:1024]:
        return "pdf"
    if suffix in (".mhtml", ".mht") or is_web_archive(data):
        return "mhtml"
    return "html"


def is_web_archive(data: bytes) -> bool:
    """A browser's "save as web archive" file: MIME headers, then a multipart/related body."""
    head = data[:4096].lower()
    return head.lstrip().startswith((b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:", b"snapshot-content-location:")) and b"multipart/related" in head


def load_published(path: Path) -> Report:
    """A published report saved as a file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"文件有 {size // (1024 * 1024)} MB，超过上限 {MAX_BYTES // (1024 * 1024)} MB", code="import-too-large", path=str(path)
            )
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"文件无法读取：{os_reason(e)}", code="file-unreadable", path=str(path)) from e
    return from_bytes(data, path, path.suffix.lower(), {"file": path.name})


def load_url(url: str) -> Report:
    """A published report at an ``http(s)://`` address (``fetch``: time and size limited)."""
    from .fetch import fetch

    data, suffix = fetch(url, MAX_BYTES)
    return from_bytes(data, url, suffix, {"url": url})


def from_bytes(data: bytes, where, suffix: str, origin: dict) -> Report:
    """The report in ``data`` (a file's bytes or a download; ``where``: the file or the address
    named in messages and places; ``origin``: ``{"file": name}`` or ``{"url": address}``)."""
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(data, suffix)
    if kind == "doc":
        from .convert import via_libreoffice

        data = via_libreoffice(data, suffix, where)
        kind = "docx"
    if kind == "pdf":
        from .pdf import read as read_pdf

        doc = read_pdf(data, where)
    elif kind == "docx":
        from .docx import read as read_docx

        doc = read_docx(data, where)
    else:
        from .html import read as read_html

        if kind == "mhtml":
            from .mhtml import page_of

            data = page_of(data, where)
        doc = read_html(data, where)
    from .report import to_report

    report = to_report(doc, where, doc.kind)
    report.imported = {**origin, "sha256": digest, "importer": f"disclosure-import {IMPORTER_VERSION} ({doc.kind})"}
    return report


__all__ = ["IMPORTER_VERSION", "SUFFIXES", "is_published", "load_published", "load_url", "from_bytes"]
