"""Is this file a workbook we can open safely? Answered before openpyxl sees it.

Recognises the common wrong inputs (old .xls/.et, an encrypted workbook, CSV/text, a Word
file, an empty or half-saved file) and refuses a zip whose members would expand past a sane
bound (a zip bomb) before anything is unpacked."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import InputError, os_reason

MAX_UNPACKED = 200 * 1024 * 1024  # all members together
MAX_MEMBER = 100 * 1024 * 1024  # one member
MAX_RATIO = 200  # uncompressed ÷ compressed, for members over 1 MiB
MAX_MEMBERS = 5000

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def inspect(path: Path) -> list[zipfile.ZipInfo]:
    """Raise ``InputError`` unless ``path`` is a plausible, safe .xlsx package; return its
    members (so that the reader does not list them again)."""
    p = str(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise InputError("没有读取该文件的权限", code="file-unreadable", path=p) from None
    except OSError as e:
        raise InputError(f"无法读取文件：{os_reason(e)}", code="file-unreadable", path=p) from None
    if size == 0:
        raise InputError("文件是空的（0 字节），可能没有保存成功", code="file-empty", path=p)
    if head.startswith(_OLE2):
        data = path.read_bytes()
        if _ENCRYPTED in data:
            raise InputError(
                "工作簿设置了打开密码（已加密），程序无法读取。请在 Excel/WPS 中取消密码后另存为 .xlsx",
                code="xlsx-encrypted",
                path=p,
            )
        raise InputError(
            "这是旧版 Excel（.xls）或 WPS（.et）格式的文件。请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）后再试",
            code="xlsx-old-format",
            path=p,
        )
    if not head.startswith(_ZIP):
        raise InputError(_not_xlsx_message(path), code="xlsx-not-workbook", path=p)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
        # a member said to end past the end of the file: reading it would ask for memory by
        # that size (4 GB for a flipped byte), not by what the file holds
        if any(i.header_offset + i.compress_size > size for i in infos):
            raise zipfile.BadZipFile("member past the end")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            "文件不完整或已损坏（可能还在保存中，或复制时中断）。请在 Excel/WPS 中重新保存后再试",
            code="xlsx-corrupt",
            path=p,
        ) from None
    except NotImplementedError:  # zipfile: a "version needed to extract" past what it reads
        raise InputError(
            "文件的压缩格式无法识别（zip 格式版本不受支持），文件可能已损坏。请在 Excel/WPS 中重新保存为 .xlsx 后再试",
            code="xlsx-corrupt",
            path=p,
        ) from None
    _bomb_guard(infos, p)
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            kind = "Word 文档"
        elif "ppt/presentation.xml" in names:
            kind = "演示文稿"
        else:
            kind = "压缩包"
        raise InputError(f"这是一个{kind}，不是 Excel 工作簿（.xlsx）", code="xlsx-not-workbook", path=p)
    return infos


def _bomb_guard(infos: list[zipfile.ZipInfo], p: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"工作簿包含 {len(infos)} 个部件，超过安全上限，拒绝打开", code="xlsx-too-large", path=p)
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size > MAX_MEMBER
        ratio = info.file_size / max(info.compress_size, 1)
        if big or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise InputError(
                f"工作簿中的部件 {info.filename} 解压后有 {info.file_size // (1024 * 1024)} MB"
                f"（压缩比 {ratio:.0f} 倍），超过安全上限，拒绝打开（疑似“压缩炸弹”）",
                code="xlsx-too-large",
                path=p,
            )
    if total > MAX_UNPACKED:
        raise InputError(
            f"工作簿解压后共 {total // (1024 * 1024)} MB，超过安全上限，拒绝打开", code="xlsx-too-large", path=p
        )


def _not_xlsx_message(path: Path) -> str:
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        sample = fh.read(4096)
    text = None
    for enc in ("utf-8", "gb18030"):
        try:
            text = sample.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if suffix == ".csv" or (text is not None and ("," in text or "\t" in text) and "\x00" not in text):
        return "这是 CSV 或纯文本文件，不是 Excel 工作簿。请用 disclosure new 生成模板，在模板中填写后再试"
    if suffix in (".xls", ".et"):
        return "文件扩展名是旧格式，但内容无法识别。请在 Excel/WPS 中另存为 .xlsx 后再试"
    return "不是 Excel 工作簿（.xlsx），无法识别文件内容"
