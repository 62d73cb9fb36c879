"""The report as PDF: the Word document converted by LibreOffice in headless mode.

LibreOffice is a real component the user installs (``soffice`` on the PATH, or the path in the
environment variable ``DISCLOSURE_SOFFICE``); without it the build stops with one clear message
(exit 2). Each conversion runs in a temporary folder of its own with its own LibreOffice profile
(``-env:UserInstallation``), so parallel builds (``--jobs``) never share a profile, and under a
time limit. LibreOffice's PDF export embeds the fonts it lays the pages out with (subsets), so
the PDF looks the same on every machine. ``convert`` is the one LibreOffice conversion of the
project: the importers use it for old Word (``.doc``) and WPS files too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DisclosureError, os_reason

TIMEOUT = 180  # seconds: a first start of LibreOffice with a fresh profile takes a few seconds
FILTER = "pdf:writer_pdf_Export"

INSTALL_HINT = (
    "生成 PDF 需要 LibreOffice：Debian/Ubuntu 用 “sudo apt-get install libreoffice-writer-nogui”，"
    "macOS 用 “brew install --cask libreoffice”，Windows 从 https://zh-cn.libreoffice.org 下载安装；"
    "也可以用环境变量 DISCLOSURE_SOFFICE 指定 soffice 程序的位置"
)


# Where the installers put it when it is not on the PATH (macOS, Windows).
_KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


class ConverterError(DisclosureError):
    """The PDF converter is missing or failed (exit 2: the machine, not the data)."""

    default_code = "pdf-converter"


def soffice() -> str:
    """The LibreOffice program, or a ConverterError saying how to install it."""
    given = os.environ.get("DISCLOSURE_SOFFICE")
    if given:
        found = shutil.which(given)
        if found:
            return found
        raise ConverterError(f"找不到环境变量 DISCLOSURE_SOFFICE 指定的程序“{given}”。{INSTALL_HINT}", code="pdf-no-libreoffice")
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in _KNOWN_PLACES:
        if Path(path).exists():
            return path
    raise ConverterError(f"找不到 LibreOffice（soffice），无法生成 PDF。{INSTALL_HINT}", code="pdf-no-libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF of a Word document (bytes in, bytes out; nothing outside a temporary folder)."""
    data = convert(docx, ".docx", FILTER, timeout=timeout)
    if not data.startswith(b"%PDF"):
        raise ConverterError("LibreOffice 转换得到的不是 PDF 文件", code="pdf-failed")
    return data


def convert(
    data: bytes, suffix: str, target: str, *, timeout: float = TIMEOUT, source: str = "Word 文档", result: str = "PDF"
) -> bytes:
    """``data`` (a file ending in ``suffix``) converted by LibreOffice to ``target`` (an extension,
    optionally with its export filter, ``pdf:writer_pdf_Export``), in a temporary folder with a
    profile of its own, under a time limit that ends LibreOffice and whatever it started. Also
    used by the importers for old Word and WPS files (``source``/``result`` name the two in
    messages)."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="disclosure-lo-") as tmp:
        folder = Path(tmp)
        src = folder / f"input{suffix}"
        src.write_bytes(data)
        profile = folder / "profile"
        out = folder / "out"
        cmd = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(src),
        ]
        try:
            proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True
            )
        except OSError as e:
            raise ConverterError(f"无法启动 LibreOffice（{program}）：{os_reason(e)}。{INSTALL_HINT}", code="pdf-no-libreoffice") from None
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ConverterError(
                f"LibreOffice 在 {timeout:g} 秒内没有完成 {result} 转换（可能卡住了或机器太忙），请稍后重试", code="pdf-timeout"
            ) from None
        except BaseException:
            _kill_group(proc)
            raise
        made = out / ("input." + target.split(":")[0])
        if proc.returncode != 0 or not made.exists():
            detail = (stderr or stdout or b"").decode("utf-8", "replace").strip().splitlines()
            tail = f"（{detail[-1][:200]}）" if detail else ""
            raise ConverterError(f"LibreOffice 没能把{source}转换为 {result}{tail}", code="pdf-failed")
        return made.read_bytes()


def _kill_group(proc: subprocess.Popen) -> None:
    """End the LibreOffice started for one conversion and whatever it started (its own group)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, 9)
        else:  # pragma: no cover - Windows
            proc.kill()
    except OSError:
        pass
    try:
        proc.communicate(timeout=10)
    except Exception:  # pragma: no cover
        pass
