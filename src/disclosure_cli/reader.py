"""``load(path)``: a workbook, a JSON data form or a published report (web page, Word, PDF)
→ ``Report``."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError

if False:  # for type checkers only (the model is imported by ``load``, not by ``discovery``)
    from .model import Report

# What ``load`` reads (``discovery`` finds these in folders): our own workbook and data form, and
# published reports (web page, web archive, Word, PDF), read by ``importers`` (kept here so that
# reading a workbook does not import that package)
SOURCE_SUFFIXES = (".xlsx", ".json")
PUBLISHED_SUFFIXES = (".html", ".htm", ".mhtml", ".mht", ".docx", ".pdf", ".doc", ".wps")


def is_url(text: object) -> bool:
    """An ``http(s)://`` address (a published report read from the web), not a file name."""
    return isinstance(text, str) and text[:8].lower().startswith(("http://", "https://"))


def displayed(path: str | os.PathLike) -> str:
    """A path as it can be shown and written: bytes of its name that are not UTF-8 (``name_error``)
    as “�”."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")


def name_error(path: str | os.PathLike) -> InputError | None:
    """The error for a file whose path the file system holds as bytes that are not UTF-8 — GBK
    names from a zip made on Windows and unpacked on Linux — or None. Such a name cannot be
    written into a report, a page or a record; it is shown with “�” for its bytes and, when they
    read as GBK, with the name they spell."""
    text = os.fspath(path)
    if displayed(text) == text:
        return None
    try:
        guess = f"（按 GBK 读是“{os.fsencode(text).decode('gb18030')}”）"
    except UnicodeDecodeError:
        guess = ""
    return InputError(
        f"文件夹名或文件名不是 UTF-8 编码{guess}，常见于在 Windows 上压缩、在 Linux 上解压的文件：请改名后再运行",
        code="file-name-encoding",
        path=displayed(text),
    )


def load(path: str | os.PathLike) -> Report:
    """Read a report from a workbook (.xlsx), its JSON data form (.json), or a published
    report: a saved web page (.html/.htm, or a web archive .mhtml/.mht), Word (.docx; .doc/.wps through LibreOffice) or PDF.

    Raises ``InputError`` (exit code 2) with a Chinese message when the file cannot be used,
    including a report past the limits of ``model`` (paragraphs, text length), whichever
    reader read it. ``path`` may be an ``http(s)://`` address of a published report."""
    from .model import check_limits

    if is_url(path):
        from .importers import load_url

        report = load_url(path)
        check_limits(report)
        return report
    bad = name_error(path)
    if bad is not None:
        raise bad
    p = Path(path)
    if not p.exists():
        raise InputError("文件不存在", code="file-missing", path=str(p))
    if p.is_dir():
        raise InputError("这是一个文件夹，不是报告文件", code="file-is-directory", path=str(p))
    if p.suffix.lower() == ".json":
        from .jsonform import load_json

        report = load_json(p)
    elif p.suffix.lower() in PUBLISHED_SUFFIXES:
        from .importers import load_published

        report = load_published(p)
    else:
        from .xlsx_reader import load_workbook

        report = load_workbook(p)
    check_limits(report)
    return report
