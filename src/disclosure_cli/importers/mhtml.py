"""A web archive (``.mhtml``/``.mht``: Chrome's and Edge's "save as single file", Internet
Explorer's "网页，单个文件"): a MIME message whose first ``text/html`` part is the page.

The standard library's ``email`` parser takes the message apart and undoes the transfer
encoding (quoted-printable or base64); the part's declared charset decides the text, which is
handed on as UTF-8 with a byte-order mark so that ``html.decode`` takes it as it is (the page's
own ``<meta charset>`` describes the bytes before archiving, not these). Images and style sheets
of the archive are not looked at."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError


def page_of(data: bytes, path: Path) -> bytes:
    """The archived page's HTML (UTF-8 with a BOM when its charset is declared)."""
    from email import policy
    from email.parser import BytesParser

    from .html import page_charset

    try:  # the parser notes a damaged archive's defects, it does not raise them
        parts = list(BytesParser(policy=policy.compat32).parsebytes(data).walk())
    except RecursionError:  # multipart nested a thousand deep: no browser saves that
        raise InputError("网页存档（.mhtml）的各部分嵌套过深，无法解析（文件可能已损坏）", code="import-not-report", path=str(path)) from None
    for part in parts:
        if part.get_content_type() != "text/html":
            continue
        body = part.get_payload(decode=True)
        if not isinstance(body, bytes):
            continue
        charset = page_charset(part.get_content_charset() or "")
        if charset:
            return codecs.BOM_UTF8 + body.decode(charset, errors="replace").encode("utf-8")
        return body  # no charset (or none a page is written in): ``html.decode`` finds it
    raise InputError("网页存档（.mhtml）中没有网页（text/html）部分", code="import-not-report", path=str(path))
