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

    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
        for part in message.walk():
            if part.get_content_type() != "text/html":
                continue
            body = part.get_payload(decode=True)
            if not isinstance(body, bytes):
                continue
            charset = part.get_content_charset()
            if charset:
                if charset.lower() in ("gb2312", "gbk", "x-gbk", "cp936"):
                    charset = "gb18030"  # the superset, as for pages
                try:
                    return codecs.BOM_UTF8 + body.decode(charset, errors="replace").encode("utf-8")
                except LookupError:
                    pass
            return body
    except Exception as e:  # a damaged archive: said plainly below
        raise InputError(f"网页存档（.mhtml）无法解析：{type(e).__name__}", code="import-not-report", path=str(path)) from e
    raise InputError("网页存档（.mhtml）中没有网页（text/html）部分", code="import-not-report", path=str(path))
