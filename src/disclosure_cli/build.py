"""Building finished reports: input (workbook or JSON) → Word document and web page.

``build`` is the library behind ``disclosure build``:

1. every input is read and checked in full first;
2. with any error-level finding nothing is written (``BuildOutcome.blocked``), unless
   ``draft`` is set: then the outputs are written marked as drafts (“草稿（数据未通过校验）”);
3. output names derive from the input (``report.xlsx`` → ``OUTDIR/report.docx``,
   ``report.html``; with ``fragment`` the body-only ``report.fragment.html``); an existing output
   is replaced only with ``force`` or when an earlier build of the same input wrote it and it has
   not been edited since (the SHA-256 of the input and of its full path are recorded in the Word
   document's core properties and in the page's ``<meta name="disclosure-build">``; the path
   itself is not, so a published page does not reveal the clerk's folders);
4. every file is written to a temporary name in the same folder and renamed into place.

The input is only ever read.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .errors import OutputError, UsageError
from .model import Report
from .outputs import write_with

DOCX = "docx"
HTML = "html"
TARGETS = (DOCX, HTML)

STAMP_PREFIX = "disclosure-build"
_PLACEHOLDER = "0" * 64
_STAMP_RE = re.compile(r"sha256=([0-9a-f]{64});source=([0-9a-f]{32})(?:;digest=([0-9a-f]{64}))?")


# --------------------------------------------------------------------------------------------
# What was built from what
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """The input a build reads: its resolved path and the SHA-256 of its bytes."""

    path: str
    sha256: str

    @property
    def path_id(self) -> str:
        """Identifies the input's location without revealing it."""
        return hashlib.sha256(self.path.encode("utf-8")).hexdigest()[:32]

    @classmethod
    def of(cls, path: str | Path) -> "Source":
        p = Path(path).resolve()
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                h.update(chunk)
        return cls(str(p), h.hexdigest())

    def stamp(self, digest: str | None = None) -> str:
        out = f"sha256={self.sha256};source={self.path_id}"
        return out + (f";digest={digest}" if digest else "")

    def same_input(self, sha256: str, path_id: str) -> bool:
        """Same file (edited or not), or same content (copied elsewhere)."""
        return sha256 == self.sha256 or path_id == self.path_id


def _seal(text: str) -> str:
    """Replace the digest placeholder with the SHA-256 of the text that holds the placeholder:
    a later build can tell whether the file was edited after it was written."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text.replace(f";digest={_PLACEHOLDER}", f";digest={digest}", 1)


def _html_source(path: Path) -> tuple[str, str] | None:
    """(sha256, path id) recorded in an HTML output of ours that nobody edited since, else None."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = _STAMP_RE.search(text[:4096])
    if not m or not m.group(3):
        return None
    digest = m.group(3)
    unsealed = text.replace(f";digest={digest}", f";digest={_PLACEHOLDER}", 1)
    if hashlib.sha256(unsealed.encode("utf-8")).hexdigest() != digest:
        return None  # edited after the build
    return m.group(1), m.group(2)


def _docx_source(path: Path) -> tuple[str, str] | None:
    """(sha256, path id) recorded in a Word output of ours that was not saved again since (a save
    in Word, WPS or LibreOffice raises the revision number), else None."""
    try:
        from defusedxml import ElementTree as ET

        with zipfile.ZipFile(path) as z:
            core = ET.fromstring(z.read("docProps/core.xml"))
    except Exception:  # not a docx, damaged, unreadable: not ours
        return None
    ns = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    }
    ident = core.findtext("dc:identifier", default="", namespaces=ns) or ""
    revision = (core.findtext("cp:revision", default="", namespaces=ns) or "").strip()
    if not ident.startswith(STAMP_PREFIX) or revision not in ("", "1"):
        return None
    m = _STAMP_RE.search(ident)
    return (m.group(1), m.group(2)) if m else None


def written_by_build_of(path: Path, source: Source) -> bool:
    """Whether ``path`` is an unedited output of an earlier build of ``source``."""
    found = _docx_source(path) if path.suffix.lower() == ".docx" else _html_source(path)
    return bool(found) and source.same_input(*found)


# --------------------------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------------------------


def parse_targets(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"docx,html"`` → ``("docx", "html")``; unknown names are a usage error."""
    if value is None:
        return TARGETS
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        t = item.strip().lower().lstrip(".")
        if not t:
            continue
        if t not in TARGETS:
            raise UsageError(f"不支持的输出格式“{item.strip()}”（可用：docx、html）", code="build-target")
        if t not in out:
            out.append(t)
    if not out:
        raise UsageError("--to 至少要指定一种输出格式（docx、html）", code="build-target")
    return tuple(out)


def output_paths(
    input_path: str | Path, outdir: str | Path | None, targets: Iterable[str], *, fragment: bool = False
) -> dict[str, Path]:
    """Where the outputs of one input go: beside the input unless ``outdir`` is given."""
    src = Path(input_path)
    folder = Path(outdir) if outdir is not None else src.parent
    out = {}
    for t in targets:
        if t == HTML and fragment:
            out[t] = folder / f"{src.stem}.fragment.html"
        else:
            out[t] = folder / f"{src.stem}.{t}"
    return out


@dataclass
class Item:
    """One input and what became of it."""

    path: Path
    report: Report
    result: object  # checks.CheckResult
    source: Source
    outputs: dict[str, Path] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return getattr(self.result, "errors", 0)


@dataclass
class BuildOutcome:
    items: list[Item]
    blocked: bool  # errors found and not --draft: nothing was written
    draft: bool

    @property
    def errors(self) -> int:
        return sum(i.errors for i in self.items)

    @property
    def written(self) -> list[Path]:
        return [p for i in self.items for p in i.written]

    @property
    def exit_code(self) -> int:
        from .errors import EXIT_FINDINGS, EXIT_OK

        return EXIT_FINDINGS if self.errors else EXIT_OK


def _check(report: Report, previous: Report | None):
    from .checks import check_report

    return check_report(report, previous)


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def render(report: Report, target: str, *, draft: bool = False, fragment: bool = False, source: Source | None = None) -> bytes:
    """One output as bytes (no file is touched)."""
    from .render import document

    doc = document(report, draft=draft)
    if target == DOCX:
        from .render.docx import render_docx

        ident = f"{STAMP_PREFIX} {source.stamp()}" if source else None
        return render_docx(doc, identifier=ident)
    if target == HTML:
        from .render.html import render_html

        stamp = source.stamp(_PLACEHOLDER) if source else None
        text = render_html(doc, fragment=fragment, stamp=stamp)
        return (_seal(text) if source else text).encode("utf-8")
    raise UsageError(f"不支持的输出格式“{target}”", code="build-target")


def build(
    paths: Sequence[str | Path],
    *,
    outdir: str | Path | None = None,
    to: str | Sequence[str] | None = None,
    draft: bool = False,
    fragment: bool = False,
    force: bool = False,
    previous: str | Path | Report | None = None,
) -> BuildOutcome:
    """Check every input, then (when allowed) write its outputs. See the module docstring."""
    from .reader import load

    targets = parse_targets(to)
    if not paths:
        raise UsageError("请至少给出一个报告文件", code="build-no-input")
    prev = load(previous) if previous is not None and not isinstance(previous, Report) else previous

    items: list[Item] = []
    for p in paths:
        report = load(p)  # an unusable input raises InputError (exit 2) before anything is written
        items.append(Item(Path(p), report, _check(report, prev), Source.of(p)))

    has_errors = any(i.errors for i in items)
    if has_errors and not draft:
        return BuildOutcome(items, blocked=True, draft=False)

    # Plan every output and refuse conflicts before writing anything.
    seen: dict[Path, Path] = {}
    for item in items:
        item.outputs = output_paths(item.path, outdir, targets, fragment=fragment)
        for out in item.outputs.values():
            key = out.resolve()
            if key == item.path.resolve():
                raise UsageError("输出文件与输入文件相同，请用 -o 指定其他文件夹", code="build-output-is-input")
            if key in seen:
                raise UsageError(
                    f"{seen[key]} 和 {item.path} 会写到同一个文件 {out}，请分别指定输出文件夹（-o）",
                    code="build-output-clash",
                )
            seen[key] = item.path
            if out.exists() and out.is_dir():
                raise OutputError("输出路径是一个文件夹", code="output-is-directory", path=str(out))
            if out.exists() and not force and not written_by_build_of(out, item.source):
                raise OutputError(
                    "文件已存在，且不是由本输入文件先前生成（或生成后已被修改），未覆盖。如确需覆盖，请加 --force",
                    code="output-exists",
                    path=str(out),
                )

    for item in items:
        mark = draft and item.errors > 0
        for target, out in item.outputs.items():
            data = render(item.report, target, draft=mark, fragment=fragment, source=item.source)
            write_with(out, lambda tmp, data=data: tmp.write_bytes(data), force=True)
            item.written.append(out)
    return BuildOutcome(items, blocked=False, draft=draft and has_errors)
