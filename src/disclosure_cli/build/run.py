"""One run of ``disclosure build FILE_OR_FOLDER... [-o OUTDIR]``: plan, build, report.

- **Finding inputs**: ``discovery.discover`` (a folder is searched recursively). An output
  folder that is an input folder, or holds one, is refused: nothing in it would be found.
- **Where outputs go** (``plan``): beside each input without ``-o``; with ``-o`` a file
  argument's outputs go straight into OUTDIR, and a folder's mirror its tree (``区01/unit.xlsx`` →
  ``OUTDIR/区01/unit.docx``). With several folders each keeps its own path under their common
  parent, so same-named files never collide. A workbook and a JSON form of the same name in one
  folder are one report when their data are the same (see ``one``). Any other clash (two inputs
  that would write the same file) fails those inputs only, with one message.
- **Building**: an input built before from the same bytes with the same options, whose outputs
  are untouched, is ``unchanged`` and costs a hash (no worker is started when nothing changed);
  ``force`` rebuilds everything. The rest are built in this process (``jobs=1``) or in worker
  processes (``workers``); outcomes are in discovery order whatever the number of jobs.
- **The run report** (``run_report``, ``--report``): ``Run.to_json()``, marked with
  ``discovery.REPORT_KIND`` so discovery never takes it as input. It replaces only an earlier run
  report (recognised by its content), any other existing file only with ``force`` — and never
  an input or output of the run, even with ``force``. This is checked before anything is built.
- **Reviewer's decisions** (``decisions``, ``--decisions``): by default the ``审核记录.json``
  beside each input, if any (one that cannot be read fails the inputs it applies to); a given
  file must be readable, checked before anything is built. Each input in the run report says
  what was accepted (``accepted`` by level, ``errors_accepted``, and each accepted finding in
  ``accepted_findings`` with its reason, who and when; ``decisions``: the file, its SHA-256 and
  its stale decisions).
- ``Run.exit_code`` is the worst over all inputs: 0 built, 1 data errors (draft or blocked),
  2 unusable input or output, 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .. import __version__
from ..discovery import REPORT_KIND, Found, discover, real_path
from ..errors import InputError, OutputError, UsageError
from ..reader import displayed, name_error
from .one import (
    BUILT,
    FAILED,
    STATUSES,
    UNCHANGED,
    Options,
    Outcome,
    Task,
    Twin,
    guarded,
    load_previous,
    output_paths,
    parse_targets,
    unchanged,
)
from .stamp import file_sha256

if TYPE_CHECKING:  # the model is imported where a report is read, not by an unchanged run
    from ..model import Report

REPORT_SCHEMA = 1


# --------------------------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------------------------


def _prefixes(found: list[Found]) -> dict[Path, Path]:
    """For each folder root, the sub-folder of OUTDIR its tree goes to."""
    folders: list[Path] = []
    for f in found:
        if not f.is_file_arg and f.root not in folders:
            folders.append(f.root)
    if len(folders) <= 1:
        return {r: Path() for r in folders}
    try:
        base = Path(os.path.commonpath([str(r) for r in folders]))
    except ValueError:  # different drives
        return {r: Path(f"{i + 1}-{r.name or 'root'}") for i, r in enumerate(folders)}
    return {r: r.relative_to(base) for r in folders}


def _twins(members: list[Task]) -> tuple[Task, Task] | None:
    """(workbook, JSON form) when the clashing inputs are exactly one of each, side by side."""
    if len(members) != 2:
        return None
    a, b = sorted(members, key=lambda t: Path(t.path).suffix.lower() != ".xlsx")
    pa, pb = Path(a.path), Path(b.path)
    if (pa.suffix.lower(), pb.suffix.lower()) == (".xlsx", ".json") and pa.parent == pb.parent and pa.stem.lower() == pb.stem.lower():
        return a, b
    return None


def plan(found: list[Found], outdir: str | os.PathLike | None, options: Options) -> tuple[list[Task], list[Outcome]]:
    """One ``Task`` per input (a workbook's twin rides on the workbook's task), and FAILED
    outcomes for inputs whose outputs would clash."""
    prefixes = _prefixes(found)
    out_root = Path(os.path.abspath(outdir)) if outdir is not None else None
    tasks: list[Task] = []
    unnamed: list[Outcome] = []  # inputs whose names are not UTF-8
    for i, f in enumerate(found):
        if out_root is None:
            folder = f.path.parent
        elif f.is_file_arg:
            folder = out_root
        else:
            folder = out_root / prefixes[f.root] / f.rel.parent
        display = str(f.rel if f.is_file_arg or len(prefixes) <= 1 else prefixes[f.root] / f.rel)
        bad = name_error(f.path)
        if bad is not None:  # no output or record can carry its name
            unnamed.append(Outcome(i, bad.path, displayed(display), FAILED).fail(bad))
            continue
        outs = output_paths(f.path, folder, options.targets, fragment=options.fragment)
        tasks.append(Task(i, str(f.path), tuple((t, str(p)) for t, p in outs.items()), display))

    by_output: dict[Path, set[int]] = {}
    for t in tasks:
        for _, p in t.outputs:
            by_output.setdefault(Path(real_path(p)), set()).add(t.index)
    groups: list[set[int]] = []  # inputs that would write a same file, transitively
    for clash in (s for s in by_output.values() if len(s) > 1):
        for g in [g for g in groups if g & clash]:
            clash |= g
            groups.remove(g)
        groups.append(clash)
    replaced: dict[int, Task | None] = {}  # None: no task of its own
    failed: list[Outcome] = []
    for group in groups:
        members = [tasks[i] for i in sorted(group)]
        twins = _twins(members)
        if twins:
            wb, js = twins
            replaced[wb.index] = Task(wb.index, wb.path, wb.outputs, wb.display, Twin(js.index, js.path, js.display))
            replaced[js.index] = None  # built with its workbook
            continue
        names = [t.display for t in members]
        names = names if len(set(names)) == len(names) else [t.path for t in members]
        out = Path(members[0].outputs[0][1])
        message = (
            f"{'、'.join(names)} 会写到同一个文件 {out}（及同名的其他输出），"
            "请改名其中一个，或分别运行并指定不同的输出文件夹（-o）"
        )
        for t in members:
            o = Outcome(t.index, t.path, t.display, FAILED)
            failed.append(o.fail(UsageError(message, code="build-output-clash", path=t.display)))
            replaced[t.index] = None
    planned = [replaced.get(t.index, t) for t in tasks]
    return [t for t in planned if t is not None], unnamed + failed


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    outcomes: list[Outcome]
    options: Options
    outdir: str | None
    today: dt.date
    jobs: int
    started: str = ""
    elapsed: float = 0.0
    missing: list[str] = field(default_factory=list)
    shard: str | None = None  # "K/N" when the run built one part of the inputs (``shards``)

    @property
    def exit_code(self) -> int:
        return max((o.exit_code for o in self.outcomes), default=0)

    @property
    def written(self) -> list[Path]:
        return [p for o in self.outcomes for p in o.written]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for o in self.outcomes if o.status == s) for s in STATUSES}

    def days_left(self, o: Outcome) -> int | None:
        return (dt.date.fromisoformat(o.deadline) - self.today).days if o.deadline else None

    def overdue(self, o: Outcome) -> bool:
        """Past the deadline and still not a finished report (draft, blocked or failed)."""
        left = self.days_left(o)
        finished = o.status == BUILT or (o.status == UNCHANGED and o.was == BUILT)
        return left is not None and left < 0 and not finished

    def peak_rss_kb(self) -> int | None:
        values = [o.peak_rss_kb for o in self.outcomes if o.peak_rss_kb]
        return max(values) if values else None

    def to_json(self) -> dict:
        inputs = []
        for o in self.outcomes:
            left = self.days_left(o)
            inputs.append(
                {
                    "path": o.path,
                    "display": o.display,
                    "org": o.org,
                    "year": o.year,
                    "format": o.format,
                    "kind": o.kind,
                    "status": o.status,
                    "recorded_status": o.was,
                    "same_as": o.same_as,
                    "counts": {"errors": o.errors, "warnings": o.warnings, "infos": o.infos},
                    "accepted": {level: o.accepted.get(level, 0) for level in ("error", "warning", "info")},
                    "errors_accepted": o.errors_accepted,
                    "final_by_decision": o.final_by_decision,
                    "accepted_findings": [
                        dict(zip(("level", "code", "where", "message", "reason", "by", "at"), row)) for row in o.accepted_findings
                    ],
                    "decisions": (
                        {"path": o.decisions, "sha256": o.decisions_sha256, "stale": o.stale} if o.decisions else None
                    ),
                    "deadline": (
                        {"date": o.deadline, "basis": o.deadline_basis, "days_left": left, "overdue": self.overdue(o), "published": o.published}
                        if o.deadline
                        else None
                    ),
                    "outputs": [{"format": t, "path": p, "sha256": h} for t, p, h in o.outputs],
                    "error": o.error,
                    "exit_code": o.exit_code,
                }
            )
        return {
            "schema": REPORT_SCHEMA,
            "kind": REPORT_KIND,
            "program": f"disclosure {__version__}",
            "started": self.started,
            "elapsed_seconds": round(self.elapsed, 3),
            "today": self.today.isoformat(),
            "jobs": self.jobs,
            "worker_peak_rss_kb": self.peak_rss_kb(),
            "options": {
                "outdir": self.outdir,
                "to": list(self.options.targets),
                "draft": self.options.draft,
                "fragment": self.options.fragment,
                "force": self.options.force,
                "previous": self.options.previous,
                "decisions": self.options.decisions,
                "shard": self.shard,
            },
            "exit_code": self.exit_code,
            "counts": self.counts(),
            "missing": self.missing,
            "inputs": inputs,
        }


# --------------------------------------------------------------------------------------------
# The run report
# --------------------------------------------------------------------------------------------


def is_run_report(path: Path) -> bool:
    """Whether ``path`` holds a run report of ours (small JSON with our ``kind``)."""
    try:
        if path.stat().st_size > 64 * 1024 * 1024:
            return False
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and data.get("kind") == REPORT_KIND


def check_run_report_path(path: Path, *, force: bool, taken: Sequence[Path]) -> None:
    """Refuse, before anything is built, a run report over a file of the run (``taken``: its
    inputs and outputs; never, even with ``force``), over a folder, or over any other existing
    file that is not an earlier run report (unless ``force``)."""
    from ..outputs import check_name

    check_name(path)
    key = Path(os.path.abspath(path)).resolve()
    for p in taken:
        if Path(p).resolve() == key or (key.exists() and Path(p).exists() and os.path.samefile(p, key)):
            raise UsageError(
                "运行记录（--report）不能写到本次运行的输入或输出文件上，即使加 --force 也不会覆盖。请另给一个文件名",
                code="build-report-is-input",
                path=str(path),
            )
    if key.is_dir():
        raise OutputError("运行记录（--report）的路径是一个文件夹，请给出文件名", code="output-is-directory", path=str(path))
    if key.exists() and not force and not is_run_report(key):
        raise OutputError(
            "文件已存在，且不是本程序的运行记录，未覆盖（运行记录只替换先前的运行记录）。如确需覆盖，请加 --force",
            code="report-exists",
            path=str(path),
        )


def write_run_report(run: Run | dict, path: str | os.PathLike, *, force: bool = False) -> None:
    """The run report (a ``Run`` or its JSON form), atomically (a reader never sees half of it)."""
    from ..outputs import write_text

    path = Path(path)
    if path.exists() and not force and not is_run_report(path):  # appeared during the run
        check_run_report_path(path, force=False, taken=())
    data = run if isinstance(run, dict) else run.to_json()
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=True)


# --------------------------------------------------------------------------------------------
# run()
# --------------------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_outdir(paths: Sequence[str | os.PathLike], outdir: str | os.PathLike | None) -> None:
    """An output folder is never searched for inputs: refuse one that is (or holds) an input folder."""
    if outdir is None:
        return
    from ..outputs import check_name

    check_name(Path(outdir))
    out = Path(os.path.abspath(outdir)).resolve()
    for p in paths:
        root = Path(os.path.abspath(p))
        if root.is_dir() and _inside(root.resolve(), out):
            what = "就是" if root.resolve() == out else "包含"
            raise UsageError(
                f"输出文件夹{what}输入文件夹 {p}：输出文件夹中的文件不会被当作报告读取。请用 -o 另指定一个输出文件夹"
                "（可以在输入文件夹之内，例如 -o 输入文件夹/输出）",
                code="build-outdir-is-input",
                path=str(outdir),
            )


def _options(targets, draft, fragment, force, previous) -> tuple[Options, Report | None]:
    prev_report: Report | None = None
    prev_path: str | None = None
    prev_sha: str | None = None
    if previous is not None and not isinstance(previous, (str, os.PathLike)):  # a Report (the library's call)
        from ..jsonform import to_data

        prev_report = previous
        blob = json.dumps(to_data(previous), ensure_ascii=False, sort_keys=True, default=str)
        prev_sha = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    elif previous is not None:
        prev_path = os.path.abspath(previous)
        try:
            prev_sha = file_sha256(prev_path)
        except OSError:
            raise InputError("上一年度的报告文件无法读取", code="file-missing", path=str(previous)) from None
    return Options(targets, draft, fragment, force, prev_path, prev_sha), prev_report


def _decisions_file(decisions: str | os.PathLike) -> str:
    """The given decisions file (a folder: its ``审核记录.json``), which must be usable: one file
    for every input is checked once, before anything is built (exit 2)."""
    from .. import decisions as D

    path = D.path_for("", decisions)
    if not path.is_file():
        raise D.DecisionsError(f"审核记录文件不存在：{path}", code="decisions-missing")
    D.read(path)
    return str(path)


def _with_twins(outcomes: list[Outcome]) -> list[Outcome]:
    """Each outcome, and the outcome of its twin JSON form after it."""
    out = []
    for o in outcomes:
        out.append(o)
        if o.twin is not None:
            twin, o.twin = o.twin, None
            twin.org, twin.year = o.org, o.year
            out.append(twin)
    return out


def run(
    paths: Sequence[str | os.PathLike],
    *,
    outdir: str | os.PathLike | None = None,
    to: str | Sequence[str] | None = None,
    draft: bool = False,
    fragment: bool = False,
    force: bool = False,
    previous: str | os.PathLike | Report | None = None,
    jobs: int | None = None,
    today: dt.date | None = None,
    run_report: str | os.PathLike | None = None,
    decisions: str | os.PathLike | None = None,
    shard: tuple[int, int] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> Run:
    """Build every input found under ``paths``; see the module docstring.

    ``on_start(n)`` is called with the number of inputs to build (after the unchanged ones
    are set aside), ``on_result(outcome)`` as each one finishes (in completion order).
    ``shard``: ``(K, N)`` builds only the K-th of N parts of the inputs (``shards.select``)."""
    from . import shards
    from .workers import default_jobs, parallel

    started = dt.datetime.now().astimezone()
    t0 = time.perf_counter()
    targets = parse_targets(to)
    if "pdf" in targets:  # no LibreOffice: one message (exit 2) before any input is read
        from ..render.pdf import soffice

        soffice()
    if not paths:
        raise UsageError("请至少给出一个报告文件或文件夹", code="build-no-input")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs 至少为 1", code="build-jobs")
    options, prev_report = _options(targets, draft, fragment, force, previous)
    if decisions is not None:
        options = replace(options, decisions=_decisions_file(decisions))
    _check_outdir(paths, outdir)

    found, missing = discover(paths, exclude=[outdir] if outdir is not None else [])
    if not found and not missing:
        raise UsageError("在给出的文件夹中没有找到报告文件（.xlsx 工作簿或 .json 数据文件）", code="build-no-input")
    found = shards.select(found, shard)
    tasks, outcomes = plan(found, outdir, options)
    if run_report is not None:
        taken = [f.path for f in found] + [Path(p) for t in tasks for _, p in t.outputs]
        taken += [Path(options.previous)] if options.previous else []
        check_run_report_path(Path(run_report), force=force, taken=taken)
    for m in missing:
        o = Outcome(-1, str(m), str(m), FAILED)
        outcomes.append(o.fail(InputError("文件或文件夹不存在", code="file-missing", path=str(m))))

    todo: list[Task] = []
    for t in tasks:  # cheap: a hash of the input and of its outputs, no heavy import
        done = unchanged(t, options)
        if done is not None:
            outcomes.append(done)
        else:
            todo.append(t)

    n_jobs = min(jobs or default_jobs(), max(1, len(todo)))
    if on_start:
        on_start(len(todo))
    if todo:
        if options.previous is not None and prev_report is None and n_jobs == 1:
            prev_report = load_previous(options.previous)  # raises InputError (exit 2) if unusable
        elif options.previous is not None and n_jobs > 1:
            load_previous(options.previous)  # fail early, in this process, with the reader's message
        if n_jobs == 1 or prev_report is not None:
            n_jobs = 1
            for t in todo:
                o = guarded(t, options, prev_report)
                outcomes.append(o)
                if on_result:
                    on_result(o)
        else:
            outcomes += parallel(todo, options, options.previous, n_jobs, on_result)

    outcomes = _with_twins(outcomes)
    outcomes.sort(key=lambda o: (o.index < 0, o.index, o.path))  # discovery order, missing last
    result = Run(outcomes, options, str(outdir) if outdir is not None else None, today or dt.date.today(), n_jobs)
    result.started = started.isoformat(timespec="seconds")
    result.missing = [str(m) for m in missing]
    result.shard = f"{shard[0]}/{shard[1]}" if shard else None
    result.elapsed = time.perf_counter() - t0
    if run_report is not None:
        write_run_report(result, run_report, force=force)
    return result
