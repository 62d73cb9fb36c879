"""Building one input: ``Options`` (what shapes every output of a run), ``Task`` (one input and
where its outputs go), ``Outcome`` (what became of it), and ``build_one``.

1. The input is read and checked in full first (and read again if it changed meanwhile).
2. The reviewer's decisions that apply to it (``decisions``: ``审核记录.json`` next to it, or
   ``Options.decisions``) mark the findings a reviewer accepted; those do not count. With any
   open error-level finding nothing is written for it (``blocked``), unless ``draft`` is set:
   then its outputs are written marked as drafts (“草稿（数据未通过校验）”). A report whose errors
   were all accepted is built as final (``Outcome.errors_accepted``). A decisions file that
   cannot be read fails the input (exit 2).
3. An existing output is replaced only with ``force`` or when an earlier build of the same input
   wrote it and it was not edited since (``stamp``); a name the file system cannot hold is
   refused (exit 2).
4. All outputs of the input are rendered, written to temporary files, and moved into place
   together only when all were written (``outputs.write_together``): never a partial set.
5. Its record is written last (``state``). A later build skips the input (``unchanged``) when
   the input's bytes, the reviewer's decisions about it (``decisions.key_for``: not the whole
   decisions file — a decision about another report of the folder rebuilds only that one), the
   options (``Options.fingerprint``) and every output's bytes are the same as recorded. A lock held while writing keeps two runs from building the same input together.

A workbook may have a *twin*: a JSON data form with the same name in the same folder (as in
``samples/``). The two are one report when their data are the same: the workbook is built, the
JSON is listed as the same report (``same``). When they differ both fail with one message.

``guarded`` turns a bug in the handling of one input into a failed outcome (exit code 3, with
its traceback kept for ``--debug``): one input's problem never stops the others.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .. import __version__
from ..errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_UNUSABLE, DisclosureError, InputError, OutputError, UsageError, os_reason
from . import state
from .stamp import PLACEHOLDER, Origin, file_sha256, seal, stamp_pdf, written_by_build_of

if TYPE_CHECKING:  # the model is imported where a report is read, not by an unchanged run
    from ..model import Report

DOCX = "docx"
HTML = "html"
PDF = "pdf"  # the Word document converted by LibreOffice (render/pdf.py)
TARGETS = (DOCX, HTML, PDF)
DEFAULT_TARGETS = (DOCX, HTML)

BUILT = "built"  # outputs written
DRAFT = "draft"  # outputs written, marked as drafts (the data has errors)
BLOCKED = "blocked"  # the data has errors and --draft was not given: nothing written
FAILED = "failed"  # the input could not be used or an output could not be written
UNCHANGED = "unchanged"  # built earlier from the same input with the same options: skipped
SAME = "same"  # a JSON form whose workbook twin holds the same data: built from the workbook
STATUSES = (BUILT, DRAFT, BLOCKED, FAILED, UNCHANGED, SAME)
RECORDED = (BUILT, DRAFT)  # the statuses a build record can hold

STATUS_NAMES = {
    BUILT: "已生成",
    DRAFT: "已生成草稿",
    BLOCKED: "有错误未生成",
    FAILED: "无法处理",
    UNCHANGED: "未变化",
    SAME: "同一报告",
}


# --------------------------------------------------------------------------------------------
# Options, task, outcome
# --------------------------------------------------------------------------------------------


def parse_targets(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"docx,html"`` → ``("docx", "html")``; unknown names are a usage error."""
    if value is None:
        return DEFAULT_TARGETS
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        t = item.strip().lower().lstrip(".")
        if not t:
            continue
        if t not in TARGETS:
            raise UsageError(f"不支持的输出格式“{item.strip()}”（可用：docx、html、pdf）", code="build-target")
        if t not in out:
            out.append(t)
    if not out:
        raise UsageError("--to 至少要指定一种输出格式（docx、html、pdf）", code="build-target")
    return tuple(out)


def output_paths(
    input_path: str | Path, outdir: str | Path | None, targets: Iterable[str], *, fragment: bool = False
) -> dict[str, Path]:
    """Where the outputs of one input go: beside the input unless ``outdir`` is given."""
    src = Path(input_path)
    folder = Path(outdir) if outdir is not None else src.parent
    return {
        t: folder / (f"{src.stem}.fragment.html" if t == HTML and fragment else f"{src.stem}.{t}") for t in targets
    }


@dataclass(frozen=True)
class Options:
    """What shapes the outputs of every input of one run."""

    targets: tuple[str, ...] = DEFAULT_TARGETS
    draft: bool = False
    fragment: bool = False
    force: bool = False
    previous: str | None = None  # the previous year's report (resolved path), if any
    previous_sha256: str | None = None  # its content (or, for a Report object, its data)
    decisions: str | None = None  # the reviewer's decisions file for every input (else the one beside each)

    @cached_property  # asked for every input of a run
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
class Twin:
    """A JSON form beside a workbook input, with the same name: built as one report with it."""

    index: int
    path: str
    display: str


@dataclass(frozen=True)
class Task:
    """One input to build: where it is and where its outputs go."""

    index: int
    path: str  # as found (absolute)
    outputs: tuple[tuple[str, str], ...]  # (target, output path)
    display: str  # how the input is named to the user (relative to its root)
    twin: Twin | None = None

    @property
    def state_id(self) -> str:
        """The input's location and its outputs' (one input may be built into several folders)."""
        from ..discovery import real_path

        where = [real_path(self.path)] + sorted(real_path(p) for _, p in self.outputs)
        if self.twin:
            where.append("twin:" + real_path(self.twin.path))
        return hashlib.sha256("\0".join(where).encode("utf-8")).hexdigest()[:32]


_FACTS = (
    "org", "year", "format", "kind", "deadline", "deadline_basis", "published", "errors", "warnings", "infos",
    "accepted", "decisions", "stale", "accepted_findings",
)


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
    published: str | None = None  # ISO date: the report's 发布日期, when it has one
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    was: str | None = None  # for UNCHANGED: what the recorded build was (built / draft)
    same_as: str | None = None  # for SAME: the display name of the workbook it was built from
    summary: str = ""  # the checker's one-line summary
    findings: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # (group, level, code, where, message)
    outputs: list[tuple[str, str, str]] = field(default_factory=list)  # (target, path, sha256)
    error: dict | None = None  # {"code", "message", "path"} when FAILED
    error_exit: int = EXIT_UNUSABLE
    traceback: str | None = None  # of an internal error, shown with --debug
    twin: "Outcome | None" = None  # what became of the task's twin (SAME or FAILED)
    peak_rss_kb: int | None = None  # of the process that built it
    # The reviewer's decisions (``decisions``): ``errors``/``warnings``/``infos`` count the open
    # findings, ``accepted`` the accepted ones by level ({"error": 1, "warning": 2, "info": 0}).
    accepted: dict[str, int] = field(default_factory=dict)
    accepted_findings: list[tuple] = field(default_factory=list)  # ``checks.present.accepted_rows``
    decisions: str | None = None  # the decisions file that applied
    decisions_sha256: str = state.NO_DECISIONS  # its bytes (shown in the run report)
    decisions_key: str = state.NO_DECISIONS  # what it says about this report (``decisions.key_for``; the record's key)
    stale: int = 0  # decisions on this report whose finding no longer occurs

    @property
    def errors_accepted(self) -> int:
        return self.accepted.get("error", 0)

    @property
    def final_by_decision(self) -> bool:
        """Built as final (not a draft) because a reviewer accepted all its errors."""
        built = self.status == BUILT or (self.status == UNCHANGED and self.was == BUILT)
        return built and self.errors == 0 and self.errors_accepted > 0

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


def _twin_outcome(task: Task, status: str, error: DisclosureError | None = None) -> Outcome:
    assert task.twin is not None
    o = Outcome(task.twin.index, task.twin.path, task.twin.display, status, same_as=task.display)
    return o.fail(error) if error else o


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def render(report: Report, target: str, *, draft: bool = False, fragment: bool = False, origin: Origin | None = None) -> bytes:
    """One output as bytes (no file is touched), stamped with ``origin`` when given."""
    from ..render import document

    doc = document(report, draft=draft)
    if target == DOCX:
        from ..render.docx import render_docx

        return render_docx(doc, identifier=origin.docx_identifier() if origin else None)
    if target == HTML:
        from ..render.html import render_html

        text = render_html(doc, fragment=fragment, stamp=origin.stamp(PLACEHOLDER) if origin else None)
        return (seal(text) if origin else text).encode("utf-8")
    if target == PDF:
        from ..render.docx import render_docx
        from ..render.pdf import docx_to_pdf

        pdf = docx_to_pdf(render_docx(doc, identifier=origin.docx_identifier() if origin else None, for_libreoffice=True))
        return stamp_pdf(pdf, origin) if origin else pdf
    raise UsageError(f"不支持的输出格式“{target}”", code="build-target")


# --------------------------------------------------------------------------------------------
# Unchanged since the last build?
# --------------------------------------------------------------------------------------------


def unchanged(task: Task, options: Options, input_sha256: str | None = None) -> Outcome | None:
    """The recorded outcome when ``task``'s input was built before from the same bytes with the
    same options and every output is still exactly what that build wrote; else None."""
    if options.force:
        return None
    record = state.read(task.state_id, RECORDED)
    if record is None or record.options != options.fingerprint:
        return None

    def holds(path: str, digest: str | None) -> bool:
        """Whether ``path`` still holds the bytes recorded: its stat signature as recorded, else hashed."""
        recorded = record.stats.get(path)
        if recorded is not None and state.signature(path) == recorded:
            return True
        return file_sha256(path) == digest

    try:
        if not (record.sha256 == input_sha256 if input_sha256 else holds(task.path, record.sha256)):
            return None
        if task.twin and record.twin_sha256 != file_sha256(task.twin.path):
            return None
        decisions_file = _decisions_path(task.path, options)
        if record.decisions_sha256 != decisions_key(task.path, options, record.facts.get("org"), record.facts.get("year"), decisions_file):
            return None  # a decision on it accepted or undone: what is built may differ
        file_digest = decisions_sha256(task.path, options, decisions_file)
    except (OSError, DisclosureError):
        return None  # an unreadable decisions file: building it says why
    if sorted((t, p) for t, p, _ in record.outputs) != sorted(task.outputs):
        return None
    for _, p, digest in record.outputs:
        try:
            if not holds(p, digest):
                return None  # edited, replaced or half-written by something else
        except OSError:
            return None  # deleted
    facts = {k: record.facts.get(k) for k in _FACTS}
    facts.update({k: facts[k] or 0 for k in ("errors", "warnings", "infos", "stale")})
    facts["accepted"] = dict(facts["accepted"] or {})
    facts["accepted_findings"] = [tuple(row) for row in facts["accepted_findings"] or []]
    facts["decisions"] = decisions_file if file_digest != state.NO_DECISIONS else None
    o = Outcome(
        task.index, task.path, task.display, UNCHANGED, was=record.status, outputs=list(record.outputs),
        decisions_sha256=file_digest, decisions_key=record.decisions_sha256, **facts,
    )
    if task.twin:
        o.twin = _twin_outcome(task, SAME)
    return o


def decisions_sha256(input_path: str | Path, options: Options, decisions_file: str | None = None) -> str:
    """The SHA-256 of the decisions file that applies to ``input_path`` (``"none"`` when there is
    none; ``decisions_file``: that file, when known), as the run report shows it — read once per
    version of the file (``decisions.cached_sha256``: a folder's inputs share one). Raises
    ``DecisionsError`` when it cannot be used."""
    from .. import decisions as D

    return D.cached_sha256(decisions_file or _decisions_path(input_path, options)) or state.NO_DECISIONS


def _decisions_path(input_path: str | Path, options: Options) -> str:
    from ..decisions import path_for

    return str(path_for(input_path, options.decisions))


def decisions_key(
    input_path: str | Path, options: Options, org: str | None, year: int | None, decisions_file: str | None = None
) -> str:
    """What the decisions file that applies to ``input_path`` (``decisions_file``, when known)
    says about the report (``org``, ``year``): ``decisions.key_for`` — the build record's key, so
    that one new decision rebuilds only the report it is about. Raises ``DecisionsError`` when
    the file cannot be used."""
    from .. import decisions as D

    decisions, reviewed = D.read_cached(decisions_file or _decisions_path(input_path, options))
    return D.key_for(decisions, reviewed, org, year, Path(input_path).name)


# --------------------------------------------------------------------------------------------
# Building one input
# --------------------------------------------------------------------------------------------


def load_previous(path: str) -> Report:
    from ..reader import load

    return load(path)


def guarded(task: Task, options: Options, previous: Report | None) -> Outcome:
    """``build_one``, with a bug in the handling of one input reported rather than fatal."""
    try:
        return build_one(task, options, previous)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:  # a bug: this input fails with exit code 3, the others go on
        import traceback

        message = f"程序内部错误（{type(e).__name__}: {e}）。请加 --debug 重新运行并报告给开发人员"
        return internal_failure(task, "internal", message, traceback.format_exc())


def internal_failure(task: Task, code: str, message: str, traceback: str | None = None) -> Outcome:
    """The outcome of an input whose handling failed through no fault of the input (exit 3)."""
    o = Outcome(task.index, task.path, task.display, FAILED, traceback=traceback, twin=_unchecked_twin(task))
    o.error = {"code": code, "message": message, "path": task.display}
    o.error_exit = EXIT_INTERNAL
    return o


def _unchecked_twin(task: Task) -> Outcome | None:
    """The twin of a workbook that could not be compared with it (the workbook failed)."""
    if task.twin is None:
        return None
    message = f"未处理：须与同名的 {task.display} 为同一报告，而它未能处理（见该文件的错误）"
    return _twin_outcome(task, FAILED, InputError(message, code="build-twin-unchecked", path=task.twin.display))


def build_one(task: Task, options: Options, previous: Report | None = None) -> Outcome:
    """Check one input and, when allowed, write its outputs and its record.

    Never raises for a problem of this input (it becomes a FAILED outcome); a bug raises.
    Nothing at all is written for an input that is blocked or unusable."""
    outcome = Outcome(task.index, task.path, task.display, FAILED)
    try:
        return _build(task, options, previous, outcome)
    except DisclosureError as e:
        outcome.fail(e)
        if outcome.twin is None:
            outcome.twin = _unchecked_twin(task)
        return outcome
    finally:
        outcome.peak_rss_kb = _peak_rss_kb()


def _read(path: Path, display: str) -> tuple[Report, str, list[int] | None]:
    """The report, the SHA-256 of the bytes it was read from, and the file's stat signature
    (None when it changed while being read)."""
    from ..reader import load

    before = state.signature(path)
    try:
        sha = file_sha256(path)
    except FileNotFoundError:
        raise InputError("文件不存在", code="file-missing", path=display) from None
    except OSError as e:
        raise InputError(f"无法读取文件：{os_reason(e)}", code="file-unreadable", path=display) from None
    try:
        report = load(path)
    except DisclosureError as e:
        e.path = display
        raise
    try:
        if file_sha256(path) != sha:
            raise InputError(
                "文件在读取过程中被修改（可能正在保存），本次未处理，下次运行时会重试", code="input-changed", path=display
            )
    except OSError:
        raise InputError("文件在读取过程中被移走或删除", code="input-changed", path=display) from None
    return report, sha, (before if state.signature(path) == before else None)


def _compare_twin(task: Task, report: Report, outcome: Outcome) -> str | None:
    """The twin's SHA-256 when it holds the same data as the workbook; sets ``outcome.twin``.
    Raises the clash (for both) when the data differ."""
    from ..jsonform import to_data

    assert task.twin is not None
    try:
        other, sha, _ = _read(Path(task.twin.path), task.twin.display)
    except DisclosureError as e:  # the JSON's own problem: the workbook is still built
        outcome.twin = _twin_outcome(task, FAILED, e)
        return None
    if to_data(other) != to_data(report):
        out = Path(task.outputs[0][1]).name if task.outputs else ""
        clash = UsageError(
            f"{task.display} 与 {task.twin.display} 同名但数据不同，生成的文件（{out} 等）会重名。"
            "请删除或改名其中一个，或分别运行并指定不同的输出文件夹（-o）",
            code="build-twin-differs",
            path=task.display,
        )
        outcome.twin = _twin_outcome(task, FAILED, clash)
        outcome.twin.error["path"] = task.twin.display
        raise clash
    outcome.twin = _twin_outcome(task, SAME)
    return sha


def _build(task: Task, options: Options, previous: Report | None, outcome: Outcome) -> Outcome:
    from ..checks import check_report
    from ..checks.present import accepted_rows, decisions_note, summary
    from ..deadlines import deadline_of, parse_date

    path = Path(task.path)
    report, sha, signature = _read(path, task.display)
    twin_sha = _compare_twin(task, report, outcome) if task.twin else None
    result = check_report(report, previous)
    due = deadline_of(report)
    outcome.org, outcome.year, outcome.format = report.org, report.year, report.format.id
    outcome.kind = (report.meta.get("kind") or "").strip() or None
    outcome.deadline = due.date.isoformat() if due else None
    outcome.deadline_basis = due.basis if due else None
    when = parse_date(report.meta.get("published"))
    outcome.published = when.isoformat() if when else None
    decided = _apply_decisions(result, task, options, previous is not None)
    outcome.errors, outcome.warnings, outcome.infos = result.errors, result.warnings, result.infos
    outcome.summary = summary(result, task.display) + decisions_note(result)
    outcome.findings = _findings(result)
    outcome.accepted, outcome.accepted_findings = result.accepted, accepted_rows(result)
    outcome.decisions, outcome.stale = result.decisions_path, len(result.stale)
    outcome.decisions_sha256, outcome.decisions_key = decided

    if result.errors and not options.draft:
        outcome.status = BLOCKED
        return outcome
    with state.lock(task.state_id):
        done = unchanged(task, options, sha)  # another run built it while this one was checking
        if done is not None:
            done.twin = outcome.twin
            return done
        _write_outputs(task, options, report, Origin(str(path.resolve()), sha), bool(result.errors), outcome)
        if not task.twin or twin_sha:  # a twin that could not be read is looked at again next time
            stats = {p: s for _, p, _ in outcome.outputs if (s := state.signature(p)) is not None}
            if signature is not None:
                stats[task.path] = signature
            record = state.Record(
                task.path, sha, options.fingerprint, outcome.status, tuple(outcome.outputs),
                {k: getattr(outcome, k) for k in _FACTS}, twin_sha, outcome.decisions_key, stats,
            )
            state.write(task.state_id, record)
    return outcome


def _apply_decisions(result, task: Task, options: Options, with_previous: bool) -> tuple[str, str]:
    """Mark the findings a reviewer accepted. Returns the SHA-256 of the decisions file (for the
    run report) and what it says about this report (``decisions.key_for``, from the very
    decisions applied: the build record's key). A decisions file that cannot be used raises
    ``DecisionsError`` (exit 2)."""
    from .. import decisions as D

    path = D.path_for(task.path, options.decisions)
    try:
        digest = decisions_sha256(task.path, options)
        if digest == state.NO_DECISIONS and options.decisions is None:
            return digest, state.NO_DECISIONS
        decisions, reviewed = D.read_cached(path)
        D.apply(
            result, decisions, input_path=task.path, decisions_path=path,
            judged=D.judged_codes(previous=with_previous), reviewed=reviewed,
        )
    except D.DecisionsError as e:
        e.path = task.display
        raise
    report = result.report
    return digest, D.key_for(decisions, reviewed, report.org, report.year, Path(task.path).name)


def _write_outputs(task: Task, options: Options, report: Report, origin: Origin, mark: bool, outcome: Outcome) -> None:
    from ..outputs import check_name, write_together

    source = Path(origin.path)
    planned = [(t, Path(p)) for t, p in task.outputs]
    for _, out in planned:  # refuse before anything of this input is written
        check_name(out)
        if out.resolve() == source:
            raise UsageError("输出文件与输入文件相同，请用 -o 指定其他文件夹", code="build-output-is-input")
        if out.is_dir():
            raise OutputError("输出路径是一个文件夹", code="output-is-directory", path=str(out))
        if out.exists() and not options.force and not written_by_build_of(out, origin):
            raise OutputError(
                "文件已存在，且不是由本输入文件先前生成（或生成后已被修改），未覆盖。如确需覆盖，请加 --force",
                code="output-exists",
                path=str(out),
            )
    rendered = [(t, out, render(report, t, draft=mark, fragment=options.fragment, origin=origin)) for t, out in planned]
    write_together([(out, lambda tmp, data=data: tmp.write_bytes(data)) for _, out, data in rendered], force=True)
    outcome.outputs = [(t, str(out), hashlib.sha256(data).hexdigest()) for t, out, data in rendered]
    outcome.status = DRAFT if mark else BUILT


def _findings(result) -> list[tuple[str, str, str, str, str]]:
    from ..checks.present import grouped, where

    fmt = result.report.format
    out = []
    for group, findings in grouped(result):
        for f in findings:
            if f.accepted:  # accepted ones: ``Outcome.accepted_findings``
                continue
            out.append((group, f.level, f.code, where(fmt, f), f.message))
    return out


def _peak_rss_kb() -> int | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    import sys

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss
