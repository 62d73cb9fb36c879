"""Building finished reports: input (workbook or JSON) → Word document and web page.

``build`` is the library behind ``disclosure build`` (``batch.run`` adds folders, worker
processes and the run report). Every input is handled on its own (``build_one``):

1. it is read and checked in full first;
2. with any error-level finding nothing is written for it (status ``blocked``), unless
   ``draft`` is set: then its outputs are written marked as drafts (“草稿（数据未通过校验）”);
3. output names derive from the input (``report.xlsx`` → ``OUTDIR/report.docx``,
   ``report.html``; with ``fragment`` the body-only ``report.fragment.html``); an existing output
   is replaced only with ``force`` or when an earlier build of the same input wrote it and it has
   not been edited since (the SHA-256 of the input and of its full path are recorded in the Word
   document's core properties and in the page's ``<meta name="disclosure-build">``; the path
   itself is not, so a published page does not reveal the clerk's folders);
4. every file is written to a temporary name in the same folder and renamed into place;
5. a small state record, written last and atomically in the user's cache folder (``state_dir``;
   never beside the outputs, so an output folder holds only what is published), says what was
   built from what. A later build skips the input (``unchanged``)
   when the input's bytes, the options that shape the outputs (``Options.fingerprint``: program
   version, formats, draft, fragment, the previous year's report) and every output's bytes are
   the same as recorded. A build of one input holds a lock beside its record, so two runs at
   the same time never build the same input together.

The input is only ever read. One input's problem never stops the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, DisclosureError, InputError, OutputError, UsageError
from .model import Report
from .outputs import write_text, write_with

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
        return cls(str(p), file_sha256(p))

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




# --------------------------------------------------------------------------------------------
# One input: options, task, outcome
# --------------------------------------------------------------------------------------------

BUILT = "built"  # outputs written
DRAFT = "draft"  # outputs written, marked as drafts (the data has errors)
BLOCKED = "blocked"  # the data has errors and --draft was not given: nothing written
FAILED = "failed"  # the input could not be used or an output could not be written
UNCHANGED = "unchanged"  # built earlier from the same input with the same options: skipped
STATUSES = (BUILT, DRAFT, BLOCKED, FAILED, UNCHANGED)

EXIT_INTERNAL = 3

STATE_SCHEMA = 1
STATE_ENV = "DISCLOSURE_STATE_DIR"


def state_dir() -> Path:
    """Where build records and locks live: ``$DISCLOSURE_STATE_DIR``, else the user's cache
    folder (``%LOCALAPPDATA%\\disclosure``, ``~/Library/Caches/disclosure``,
    ``$XDG_CACHE_HOME/disclosure`` or ``~/.cache/disclosure``) + ``/builds``. Deleting it only
    makes the next build rebuild everything."""
    import sys

    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env)
    if os.name == "nt":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":  # pragma: no cover
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "disclosure" / "builds"


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class Options:
    """What shapes the outputs of every input of one run."""

    targets: tuple[str, ...] = TARGETS
    draft: bool = False
    fragment: bool = False
    force: bool = False
    previous: str | None = None  # the previous year's report (resolved path), if any
    previous_sha256: str | None = None  # its content (or, for a Report object, its data)

    def fingerprint(self) -> str:
        """Everything besides the input that the outputs depend on (``force`` does not count)."""
        blob = json.dumps(
            {
                "program": __version__,
                "targets": list(self.targets),
                "draft": self.draft,
                "fragment": self.fragment,
                "previous": self.previous_sha256,
            },
            sort_keys=True,
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Task:
    """One input to build: where it is and where its outputs go."""

    index: int
    path: str  # as found (absolute)
    outputs: tuple[tuple[str, str], ...]  # (target, output path)
    display: str  # how the input is named to the user (relative to its root)

    @property
    def state_id(self) -> str:
        """The input's location and its outputs' (one input may be built into several folders)."""
        where = [str(Path(self.path).resolve())] + sorted(str(Path(p).resolve()) for _, p in self.outputs)
        return hashlib.sha256("\0".join(where).encode("utf-8")).hexdigest()[:32]

    @property
    def state_path(self) -> Path:
        return state_dir() / f"{self.state_id}.json"

    @property
    def lock_path(self) -> Path:
        return state_dir() / f"{self.state_id}.lock"


@dataclass
class Outcome:
    """What became of one input. Small and picklable: it is what a worker sends back."""

    index: int
    path: str
    display: str
    status: str
    org: str | None = None
    year: int | None = None
    format: str | None = None
    kind: str | None = None
    deadline: str | None = None  # ISO date
    deadline_basis: str | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    was: str | None = None  # for UNCHANGED: what the recorded build was (built / draft)
    summary: str = ""  # the checker's one-line summary
    findings: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # (group, level, code, where, message)
    outputs: list[tuple[str, str, str]] = field(default_factory=list)  # (target, path, sha256)
    error: dict | None = None  # {"code", "message"} when FAILED
    error_exit: int = EXIT_UNUSABLE
    peak_rss_kb: int | None = None  # of the process that built it

    @property
    def exit_code(self) -> int:
        if self.status == FAILED:
            return self.error_exit
        if self.status in (DRAFT, BLOCKED) or (self.status == UNCHANGED and self.was == DRAFT):
            return EXIT_FINDINGS
        return EXIT_OK

    @property
    def written(self) -> list[Path]:
        return [Path(p) for _, p, _ in self.outputs] if self.status in (BUILT, DRAFT) else []

    def fail(self, e: DisclosureError) -> "Outcome":
        self.status = FAILED
        self.error = {"code": e.code, "message": e.message, "path": e.path}
        self.error_exit = e.exit_code
        return self


# --------------------------------------------------------------------------------------------
# State records and locks
# --------------------------------------------------------------------------------------------


def read_state(task: Task) -> dict | None:
    try:
        data = json.loads(task.state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == STATE_SCHEMA else None


def unchanged(task: Task, options: Options, input_sha256: str | None = None) -> Outcome | None:
    """The recorded outcome when ``task``'s input was built before from the same bytes with the
    same options and every output is still exactly what that build wrote; else None."""
    if options.force:
        return None
    state = read_state(task)
    if not state or state.get("options") != options.fingerprint():
        return None
    if state.get("status") not in (BUILT, DRAFT):
        return None
    try:
        sha = input_sha256 or file_sha256(task.path)
    except OSError:
        return None
    if state.get("sha256") != sha:
        return None
    recorded = [tuple(o) for o in state.get("outputs", [])]
    if sorted((t, p) for t, p, _ in recorded) != sorted(task.outputs):
        return None
    for _, p, digest in recorded:
        try:
            if file_sha256(p) != digest:
                return None  # edited, replaced or half-written by something else
        except OSError:
            return None  # deleted
    s = state.get("summary", {})
    return Outcome(
        index=task.index,
        path=task.path,
        display=task.display,
        status=UNCHANGED,
        was=state["status"],
        outputs=[tuple(o) for o in recorded],
        **{k: s.get(k) for k in ("org", "year", "format", "kind", "deadline", "deadline_basis")},
        **{k: int(s.get(k) or 0) for k in ("errors", "warnings", "infos")},
    )


def _write_state(task: Task, options: Options, sha: str, outcome: Outcome) -> None:
    summary = {
        k: getattr(outcome, k)
        for k in ("org", "year", "format", "kind", "deadline", "deadline_basis", "errors", "warnings", "infos")
    }
    record = {
        "schema": STATE_SCHEMA,
        "input": task.path,
        "sha256": sha,
        "options": options.fingerprint(),
        "status": outcome.status,
        "outputs": [list(o) for o in outcome.outputs],
        "summary": summary,
    }
    try:
        write_text(task.state_path, json.dumps(record, ensure_ascii=False, indent=1), force=True)
    except (OSError, OutputError):
        pass  # no record: the next run builds this input again, nothing worse


@contextlib.contextmanager
def input_lock(task: Task) -> Iterator[None]:
    """Exclusive while one input's outputs are written: a second run waits, then finds it
    unchanged. Without a usable state folder there is no lock (each output is still written
    atomically, so nothing is ever half-written)."""
    try:
        task.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(task.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    try:
        if os.name == "nt":  # pragma: no cover
            import msvcrt
            import time

            while True:
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    time.sleep(0.5)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


# --------------------------------------------------------------------------------------------
# Building one input
# --------------------------------------------------------------------------------------------


def _findings(result) -> list[tuple[str, str, str, str, str]]:
    from .checks.present import grouped, location

    fmt = result.report.format
    out = []
    for group, findings in grouped(result):
        for f in findings:
            if f.level == "info":
                continue
            where = location(fmt, f.refs[0]) if f.refs else ""
            out.append((group, f.level, f.code, where, f.message))
    return out


def _peak_rss_kb() -> int | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    import sys

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def build_one(task: Task, options: Options, previous: Report | None = None) -> Outcome:
    """Check one input and, when allowed, write its outputs and its state record.

    Never raises for a problem of this input (it becomes a FAILED outcome); a bug raises.
    Nothing at all is written for an input that is blocked or unusable."""
    outcome = Outcome(task.index, task.path, task.display, FAILED)
    try:
        return _build(task, options, previous, outcome)
    except DisclosureError as e:
        return outcome.fail(e)
    finally:
        outcome.peak_rss_kb = _peak_rss_kb()


def _build(task: Task, options: Options, previous: Report | None, outcome: Outcome) -> Outcome:
    from .checks import check_report
    from .checks.present import summary
    from .deadlines import deadline_of
    from .reader import load

    path = Path(task.path)
    try:
        sha = file_sha256(path)
    except FileNotFoundError:
        raise InputError("文件不存在", code="file-missing", path=task.display) from None
    except OSError as e:
        raise InputError(f"无法读取文件：{e.strerror or e}", code="file-unreadable", path=task.display) from None
    try:
        report = load(path)
    except DisclosureError as e:
        e.path = task.display
        raise
    try:
        if file_sha256(path) != sha:
            raise InputError(
                "文件在读取过程中被修改（可能正在保存），本次未处理，下次运行时会重试", code="input-changed", path=task.display
            )
    except OSError:
        raise InputError("文件在读取过程中被移走或删除", code="input-changed", path=task.display) from None
    result = check_report(report, previous)
    due = deadline_of(report)
    outcome.org, outcome.year, outcome.format = report.org, report.year, report.format.id
    outcome.kind = (report.meta.get("kind") or "").strip() or None
    outcome.deadline = due.date.isoformat() if due else None
    outcome.deadline_basis = due.basis if due else None
    outcome.errors, outcome.warnings, outcome.infos = result.errors, result.warnings, result.infos
    outcome.summary = summary(result, task.display)
    outcome.findings = _findings(result)

    if result.errors and not options.draft:
        outcome.status = BLOCKED
        return outcome
    with input_lock(task):
        done = unchanged(task, options, sha)  # another run built it while this one was checking
        if done is not None:
            return done
        _write_outputs(task, options, report, Source(str(path.resolve()), sha), bool(result.errors), outcome)
        _write_state(task, options, sha, outcome)
    return outcome


def _write_outputs(task: Task, options: Options, report: Report, source: Source, mark: bool, outcome: Outcome) -> None:
    path = Path(source.path)
    planned = [(t, Path(p)) for t, p in task.outputs]
    for _, out in planned:  # refuse before anything of this input is written
        if out.resolve() == path:
            raise UsageError("输出文件与输入文件相同，请用 -o 指定其他文件夹", code="build-output-is-input")
        if out.is_dir():
            raise OutputError("输出路径是一个文件夹", code="output-is-directory", path=str(out))
        if out.exists() and not options.force and not written_by_build_of(out, source):
            raise OutputError(
                "文件已存在，且不是由本输入文件先前生成（或生成后已被修改），未覆盖。如确需覆盖，请加 --force",
                code="output-exists",
                path=str(out),
            )
    written = []
    for target, out in planned:
        data = render(report, target, draft=mark, fragment=options.fragment, source=source)
        try:
            write_with(out, lambda tmp, data=data: tmp.write_bytes(data), force=True)
        except OSError as e:
            raise OutputError(f"写入失败：{e.strerror or e}", code="output-unwritable", path=str(out)) from None
        written.append((target, str(out), hashlib.sha256(data).hexdigest()))
    outcome.outputs = written
    outcome.status = DRAFT if mark else BUILT


def build(
    paths: Sequence[str | Path],
    *,
    outdir: str | Path | None = None,
    to: str | Sequence[str] | None = None,
    draft: bool = False,
    fragment: bool = False,
    force: bool = False,
    previous: str | Path | Report | None = None,
    jobs: int | None = 1,
    **kw,
):
    """Build files and folders; see ``batch.run`` (this is the same call, one process by default)."""
    from .batch import run

    return run(paths, outdir=outdir, to=to, draft=draft, fragment=fragment, force=force, previous=previous, jobs=jobs, **kw)
