"""Writing outputs safely: a temporary file in the same folder, then an atomic rename.

A crash or Ctrl-C never leaves a half-written file under the final name, and an existing
file is replaced only when the caller allows it."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import OutputError


def check_writable(path: Path, *, force: bool) -> None:
    if path.exists() and not force:
        raise OutputError(
            "文件已存在，未覆盖。如确需覆盖，请加 --force", code="output-exists", path=str(path)
        )
    if path.exists() and path.is_dir():
        raise OutputError("输出路径是一个文件夹", code="output-is-directory", path=str(path))


@contextmanager
def atomic_path(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it is renamed onto ``path``."""
    path = Path(path)
    check_writable(path, force=force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(f"无法在该文件夹写入：{e.strerror or e}", code="output-unwritable", path=str(path)) from None
    os.close(fd)
    tmp_path = Path(tmp)
    _umask = os.umask(0)
    os.umask(_umask)
    os.chmod(tmp_path, 0o666 & ~_umask)  # mkstemp makes 0600; outputs are ordinary files
    try:
        yield tmp_path
        if not force and path.exists():
            raise OutputError("文件已存在，未覆盖。如确需覆盖，请加 --force", code="output-exists", path=str(path))
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    with atomic_path(path, force=force) as tmp:
        tmp.write_bytes(data)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    write_bytes(path, text.encode("utf-8"), force=force)


def write_with(path: Path, writer: Callable[[Path], None], *, force: bool = False) -> None:
    """Let ``writer`` produce the file at a temporary path, then move it into place."""
    with atomic_path(path, force=force) as tmp:
        writer(tmp)
