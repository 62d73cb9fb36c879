"""Old Word (``.doc``) and WPS (``.wps``) files: converted to ``.docx`` by LibreOffice when it is
installed (in a temporary folder; the input is never modified), else refused with a message
saying so."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError

TIMEOUT = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def via_libreoffice(path: Path) -> bytes:
    exe = soffice()
    if exe is None:
        raise InputError(
            f"{path.suffix.lower()} 文件需要用 LibreOffice 转换后才能读取，但本机没有安装 LibreOffice："
            "请安装 LibreOffice，或在 Word/WPS 中另存为 .docx 再检查",
            code="import-needs-libreoffice", path=str(path),
        )
    with tempfile.TemporaryDirectory(prefix="disclosure-import-") as tmp:
        src = Path(tmp) / ("input" + path.suffix.lower())
        shutil.copyfile(path, src)
        try:
            subprocess.run(
                [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                 "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=False, capture_output=True, timeout=TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            raise InputError(f"LibreOffice 转换失败：{type(e).__name__}", code="import-convert-failed", path=str(path)) from e
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise InputError("LibreOffice 无法转换此文件（文件可能已损坏）", code="import-convert-failed", path=str(path))
        return out.read_bytes()
