"""Downloading a published report from its ``http(s)://`` address (``disclosure check URL``).

The standard library's ``urllib`` does the work, bounded like reading a file: a time limit for
connecting and for each read (``DISCLOSURE_FETCH_TIMEOUT``, 20 s by default), at most ``max_bytes``
read (a larger body is refused, not cut), redirects only to ``http``/``https`` and at most five of
them. Nothing else is fetched (no images, scripts or frames of the page). The kind of document
comes from its content (``sniff``), helped by the address's suffix and the ``Content-Type``; a
charset in ``Content-Type`` is used when it is UTF-8 or of the GB family (servers that declare
ISO-8859-1 for GBK pages are common, so other declarations are not believed)."""

from __future__ import annotations

import codecs
import os
import urllib.error
import urllib.parse
import urllib.request

from .. import __version__
from ..errors import InputError

TIMEOUT = 20.0
MAX_REDIRECTS = 5
_TYPES = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "multipart/related": ".mhtml",
    "message/rfc822": ".mhtml",
}
_GB = ("gb2312", "gbk", "x-gbk", "cp936", "gb18030")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.URLError(f"转向了不支持的地址 {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def timeout() -> float:
    try:
        return max(1.0, float(os.environ.get("DISCLOSURE_FETCH_TIMEOUT", TIMEOUT)))
    except ValueError:
        return TIMEOUT


def fetch(url: str, max_bytes: int) -> tuple[bytes, str]:
    """The body at ``url`` and the suffix its kind is known by (``.html``, ``.pdf``…)."""
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": f"disclosure/{__version__} (government information disclosure report checker)"})
    try:
        with opener.open(request, timeout=timeout()) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, int(length), max_bytes)
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_large(url, len(data), max_bytes)
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:  # urllib refuses a redirect to file:, ftp: … or too many of them
            where = e.headers.get("Location", "") if e.headers else ""
            raise InputError(
                f"无法下载：转向了不支持的地址 {where}（只接受 http/https，最多转向 {MAX_REDIRECTS} 次）", code="fetch-failed", path=url
            ) from None
        what = "网页不存在" if e.code in (404, 410) else "服务器拒绝了请求" if e.code in (401, 403) else "服务器出错"
        raise InputError(f"{what}（HTTP {e.code}），无法下载", code="fetch-failed", path=url) from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            reason = f"{timeout():.0f} 秒内没有响应"
        raise InputError(f"无法下载：{reason}", code="fetch-failed", path=url) from None
    suffix = os.path.splitext(urllib.parse.urlsplit(final).path)[1].lower()
    if suffix not in (".html", ".htm", ".shtml", ".jsp", ".php", ".aspx", ".pdf", ".doc", ".docx", ".wps", ".mht", ".mhtml"):
        suffix = _TYPES.get(ctype, ".html")
    if suffix in (".shtml", ".jsp", ".php", ".aspx"):
        suffix = ".html"
    if suffix in (".html", ".htm") and charset and not data.startswith(codecs.BOM_UTF8):
        charset = charset.lower()
        if charset in _GB or charset in ("utf-8", "utf8"):
            try:
                text = data.decode("gb18030" if charset in _GB else "utf-8")
                data = codecs.BOM_UTF8 + text.encode("utf-8")
            except UnicodeDecodeError:
                pass  # the declaration is wrong: the page's own <meta> and the bytes decide
    return data, suffix


def _too_large(url: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"下载内容超过上限 {max_bytes // (1024 * 1024)} MB（{size // (1024 * 1024)} MB 以上），不予读取", code="import-too-large", path=url
    )
