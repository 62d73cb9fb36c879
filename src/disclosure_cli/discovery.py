"""Finding report inputs under files and folders (``disclosure build`` and ``check``).

- A file argument is taken as given.
- A folder is searched recursively for workbooks (``.xlsx``), report data forms (``.json``
  whose top level has ``t3`` or ``sections``, or that cannot be parsed — a half-saved report
  must be reported, not ignored), and published reports (``.html``/``.htm``, ``.docx``,
  ``.pdf``, ``.doc``/``.wps``) — except our own outputs: a page or Word document beside a
  workbook or data form of the same name (what ``build`` writes there), or stamped by a build.
- Skipped: Office/WPS lock files (``~$*``), LibreOffice locks (``.~lock.*#``), hidden files and
  folders (a leading dot, which covers our temporary files ``.~dtmp-*``, or the Windows hidden
  attribute), temporary and backup files (``*.tmp``, ``*~``, ``*.bak``…), our own run reports
  (recognised by their ``kind``), reviewers' decisions files (``审核记录.json``, even when broken:
  ``build`` and ``check`` report those with the reports they apply to), and everything under an
  excluded folder (the output folder).
- The order is stable: arguments as given, each folder's files sorted by name.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .decisions import DEFAULT_NAME as DECISIONS_NAME
from .reader import PUBLISHED_SUFFIXES, SOURCE_SUFFIXES

REPORT_KIND = "disclosure-build-run"  # marks our run reports so discovery never takes them as input

INPUT_SUFFIXES = SOURCE_SUFFIXES + PUBLISHED_SUFFIXES  # SOURCE_SUFFIXES: what build writes its outputs from
OUTPUT_SUFFIXES = (".html", ".htm", ".docx", ".pdf")  # what build may write beside them
_MAX_JSON = 50 * 1024 * 1024

# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def real_path(path: str | os.PathLike) -> str:
    """``os.path.realpath`` of a file, its folder's resolved once per run (``real_path.clear``):
    a run names thousands of files in a few folders, and resolving each path component of each
    file again costs more than hashing them."""
    folder, name = os.path.split(os.path.abspath(path))
    real = os.path.join(_real_folder(folder), name)
    return os.path.realpath(real) if os.path.islink(real) else real


real_path.clear = _real_folder.cache_clear  # a new run: folders may have been moved or linked


def skipped_name(name: str) -> bool:
    """Lock, hidden, temporary and backup files, by name."""
    low = name.lower()
    return (
        name.startswith(("~$", ".", "~"))  # Office/WPS locks, hidden files, ~WRL0001.tmp, .~lock.x#
        or low.endswith((".tmp", ".temp", ".bak", ".swp", "~", "#"))
    )


def _hidden_attr(path: Path) -> bool:
    try:
        return bool(getattr(path.stat(), "st_file_attributes", 0) & 0x2)  # FILE_ATTRIBUTE_HIDDEN
    except OSError:
        return False


def is_report_json(path: Path) -> bool:
    """A report data form (or a JSON too broken to tell: it is then reported, not ignored)."""
    try:
        if path.stat().st_size > _MAX_JSON:
            return True  # the reader will say why it cannot be used
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # nested past Python's stack: the reader says so
        return True
    if not isinstance(data, dict) or data.get("kind") == REPORT_KIND:
        return False
    return "t3" in data or "sections" in data


def is_our_output(path: Path, siblings: set[str]) -> bool:
    """A page or document ``build`` wrote: beside a workbook/data form of the same name
    (``siblings``: the lower-case names in its folder), or carrying a build's stamp."""
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        return False
    stem = path.stem.lower()
    if any(stem + s in siblings for s in SOURCE_SUFFIXES):
        return True
    if suffix in (".html", ".htm"):
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            return False
        from .build.stamp import _STAMP_RE

        return bool(_STAMP_RE.search(head.decode("utf-8", "ignore")))
    if suffix == ".docx":
        from .build.stamp import _docx_origin

        return _docx_origin(path) is not None
    return False


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class Found:
    path: Path  # absolute
    root: Path  # the argument it came from (absolute); the file itself for a file argument
    rel: Path  # path relative to the root folder (the name only for a file argument)
    is_file_arg: bool


def discover(roots: Sequence[str | os.PathLike], *, exclude: Sequence[str | os.PathLike] = ()) -> tuple[list[Found], list[Path]]:
    """The inputs under ``roots`` in a stable order, and the roots that do not exist.

    ``exclude``: folders (the output folder) never searched."""
    real_path.clear()
    ex_dirs = [Path(os.path.abspath(e)).resolve() for e in exclude]
    found: list[Found] = []
    missing: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path, root: Path, rel: Path, is_file: bool) -> None:
        key = Path(real_path(path))
        if key in seen:
            return
        if not is_file and any(_inside(key, e) for e in ex_dirs):
            return  # our own outputs
        seen.add(key)
        found.append(Found(path, root, rel, is_file))

    for arg in roots:
        root = Path(os.path.abspath(arg))
        if root.is_file():
            add(root, root, Path(root.name), True)
            continue
        if not root.is_dir():
            missing.append(root)
            continue
        for folder, dirnames, filenames in os.walk(root):
            here = Path(folder)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not skipped_name(d)
                and not any(_inside((here / d).resolve(), e) for e in ex_dirs)
                and not _hidden_attr(here / d)
            )
            siblings = {n.lower() for n in filenames}
            for name in sorted(filenames):
                p = here / name
                if skipped_name(name) or p.suffix.lower() not in INPUT_SUFFIXES or _hidden_attr(p):
                    continue
                if p.exists() and not p.is_file():  # a named pipe, socket or device (reading a pipe waits forever)
                    continue
                if p.suffix.lower() == ".json" and (name == DECISIONS_NAME or not is_report_json(p)):
                    continue
                if is_our_output(p, siblings):
                    continue
                add(p, root, p.relative_to(root), False)
    return found, missing
