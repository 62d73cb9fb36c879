"""Writing outputs safely: temporary files in the same folder, then renames.

- Every file is first written under a short temporary name beside it (``.~dtmp-XXXXXXXX``: a
  leading dot, so neither discovery nor a file listing takes it for an output; short, so a
  final name up to the file system's limit of 255 bytes still works).
- ``write_together`` writes a set of files (all outputs of one report) and moves them into
  place only when every one of them was written completely; if a move then fails (a file held
  open on Windows, say), the files already moved are put back as they were. A crash or Ctrl-C
  never leaves a half-written file under a final name, nor a partial set.
- An existing file is replaced only when the caller allows it (``force``), and a folder never.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from .errors import OutputError, os_reason

TEMP_PREFIX = ".~dtmp-"
NAME_MAX = 255  # bytes of one file name (ext4, XFS, APFS); UTF-16 units on NTFS

Writer = Callable[[Path], None]


def name_too_long(path: Path) -> int | None:
    """The length of ``path``'s name when it is over the file system limit, else None."""
    name = Path(path).name
    n = len(name.encode("utf-16-le")) // 2 if os.name == "nt" else len(os.fsencode(name))
    return n if n > NAME_MAX else None


def check_name(path: Path) -> None:
    """Refuse a file name the file system cannot hold, or one not in UTF-8 that no page or record
    can name (before any file is touched)."""
    from .reader import displayed

    if displayed(path) != os.fspath(path):
        raise OutputError(
            "输出的文件夹名或文件名不是 UTF-8 编码（常见于从 Windows 压缩包解出的文件夹），无法写入：请换一个名字",
            code="output-name-encoding",
            path=displayed(path),
        )
    n = name_too_long(path)
    if n:
        raise _too_long(path, n)


def _too_long(path: Path, n: int) -> OutputError:
    unit = "个字符" if os.name == "nt" else "字节"
    return OutputError(
        f"文件名过长（{n} {unit}，文件系统最多 {NAME_MAX} {unit}），无法写入。请缩短文件名（生成报告时即输入文件的文件名）",
        code="output-name-too-long",
        path=str(path),
    )


def _exists_error(path: Path) -> OutputError:
    return OutputError("文件已存在，未覆盖。如确需覆盖，请加 --force", code="output-exists", path=str(path))


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse a name the file system cannot hold, a folder, and (without ``force``) any file."""
    path = Path(path)
    check_name(path)
    if path.is_dir():
        raise OutputError("输出路径是一个文件夹，请给出文件名", code="output-is-directory", path=str(path))
    if path.exists() and not force:
        raise _exists_error(path)


def _unwritable(path: Path, e: OSError) -> OutputError:
    if e.errno == errno.ENAMETOOLONG:
        return _too_long(path, name_too_long(path) or len(os.fsencode(Path(path).name)))
    return OutputError(f"写入失败：{os_reason(e)}", code="output-unwritable", path=str(path))


def _temp_beside(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    except OSError as e:
        raise OutputError(f"无法在该文件夹写入：{os_reason(e)}", code="output-unwritable", path=str(path)) from None
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
    return Path(tmp)


def write_together(files: Sequence[tuple[Path, Writer]], *, force: bool = False) -> None:
    """Let each writer produce its file at a temporary path; when all succeeded, move them all
    into place. Nothing is left behind on failure (the temporary files are removed, files
    already moved are put back); ``OutputError`` says which file failed."""
    files = [(Path(p), w) for p, w in files]
    for path, _ in files:
        check_writable(path, force=force)
    temps: list[Path] = []
    try:
        for path, writer in files:
            tmp = _temp_beside(path)
            temps.append(tmp)
            try:
                writer(tmp)
            except OSError as e:
                raise _unwritable(path, e) from None
        if not force:
            for path, _ in files:
                if path.exists():  # appeared while we were writing
                    raise _exists_error(path)
        _move_into_place([(tmp, path) for tmp, (path, _) in zip(temps, files)])
    finally:
        for tmp in temps:
            try:
                tmp.unlink()
            except OSError:
                pass  # moved into place, or already gone


def _move_into_place(moves: list[tuple[Path, Path]]) -> None:
    """``os.replace`` each temporary file onto its target (each rename is atomic). The file a
    rename replaces is kept as a hard link until all are done, so a failed rename can put the
    earlier ones back (where hard links are not supported the earlier ones stay replaced)."""
    import secrets

    done: list[tuple[Path, Path | None, bool]] = []  # (target, link to what it replaced, existed)
    try:
        for tmp, target in moves:
            existed, kept = target.exists(), None
            if existed:
                kept = target.parent / f"{TEMP_PREFIX}{secrets.token_hex(4)}"
                try:
                    os.link(target, kept)
                except OSError:
                    kept = None
            try:
                os.replace(tmp, target)
            except OSError as e:
                if kept is not None:
                    kept.unlink(missing_ok=True)
                raise _unwritable(target, e) from None
            done.append((target, kept, existed))
    except BaseException:
        for target, kept, existed in reversed(done):
            try:
                if kept is not None:
                    os.replace(kept, target)
                elif not existed:
                    target.unlink()
            except OSError:
                pass
        raise
    finally:
        for _, kept, _ in done:
            if kept is not None:
                with contextlib.suppress(OSError):
                    kept.unlink()


def write_with(path: Path, writer: Writer, *, force: bool = False) -> None:
    """Let ``writer`` produce the file at a temporary path, then move it into place."""
    write_together([(Path(path), writer)], force=force)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    data = text.encode("utf-8")
    write_with(path, lambda tmp: tmp.write_bytes(data), force=force)
