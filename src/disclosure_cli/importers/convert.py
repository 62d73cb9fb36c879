"""Old Word (``.doc``) and WPS (``.wps``) files: converted to ``.docx`` by LibreOffice when it is
installed (in a temporary folder; the input is never modified), else refused with a message
saying so."""

from __future__ import annotations

from ..errors import InputError

TIMEOUT = 120


def via_libreoffice(data: bytes, suffix: str, path) -> bytes:
    """The ``.docx`` LibreOffice makes of ``data`` (a ``suffix`` file read from ``path``: a file or
    an address; through ``render.pdf.convert``, the one LibreOffice conversion: same program
    lookup, profile per call and time limit)."""
    from ..render.pdf import ConverterError, convert

    suffix = suffix if suffix in (".doc", ".wps") else ".doc"
    try:
        return convert(data, suffix, "docx", timeout=TIMEOUT, source=f" {suffix} 文件", result=".docx")
    except ConverterError as e:
        if e.code == "pdf-no-libreoffice":
            raise InputError(
                f"{suffix} 文件需要用 LibreOffice 转换后才能读取，但本机没有安装 LibreOffice："
                "请安装 LibreOffice，或在 Word/WPS 中另存为 .docx 再检查",
                code="import-needs-libreoffice", path=str(path),
            ) from None
        raise InputError(
            f"LibreOffice 无法转换此文件（文件可能已损坏）：{e.message}", code="import-convert-failed", path=str(path)
        ) from None
