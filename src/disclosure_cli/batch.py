"""Building many reports at once: ``disclosure build DIR_OR_FILE... -o OUTDIR``.

- **Discovery** (``discover``): a file argument is taken as given; a folder is searched
  recursively for workbooks (``.xlsx``) and report data forms (``.json`` whose top level has
  ``t3`` or ``sections``, or that cannot be parsed — a half-saved report must be reported, not
  ignored). Skipped: Office/WPS lock files (``~$*``), LibreOffice locks (``.~lock.*#``), hidden
  files and folders (a leading dot, or the Windows hidden attribute), temporary files (``*.tmp``,
  ours included), backups (``*~``), run reports, and everything under the output folder.
- **Where outputs go** (``plan``): beside each input without ``-o``; with ``-o`` a file argument's
  outputs go straight into OUTDIR, and a folder's mirror its tree (``区01/unit.xlsx`` →
  ``OUTDIR/区01/unit.docx``). With several folders each keeps its own path under their common
  parent, so same-named files never collide; a clash that remains (``a.xlsx`` beside
  ``a.json``) fails those inputs only.
- **Running** (``run``): ``jobs`` worker processes (default: the number of cores; 1 = in this
  process). Workers import openpyxl, python-docx and Jinja2 once and keep the compiled templates;
  they receive a small ``Task`` and send back a small ``Outcome``. Results are in discovery
  order whatever the number of jobs. An input that was built before from the same bytes with the
  same options, and whose outputs are untouched, is ``unchanged`` and costs a hash (no worker is
  started when nothing changed); ``force`` rebuilds everything.
- **Reporting**: ``Run.exit_code`` is the worst over all inputs (0 built, 1 data errors — draft
  or blocked, 2 unusable input or output, 3 internal error); ``Run.to_json()`` is the run report
  (``--report``), written atomically by ``write_report``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .build import (
    BLOCKED,
    BUILT,
    DRAFT,
    EXIT_INTERNAL,
    FAILED,
    STATUSES,
    UNCHANGED,
    Options,
    Outcome,
    Task,
    build_one,
    file_sha256,
    output_paths,
    parse_targets,
    unchanged,
)
from .discovery import REPORT_KIND, Found, discover
from .errors import InputError, UsageError
from .model import KINDS, Report
from .outputs import write_text

REPORT_SCHEMA = 1

STATUS_NAMES = {
    BUILT: "已生成",
    DRAFT: "已生成草稿",
    BLOCKED: "有错误未生成",
    FAILED: "无法处理",
    UNCHANGED: "未变化",
}


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


def plan(found: list[Found], outdir: str | os.PathLike | None, options: Options) -> tuple[list[Task], list[Outcome]]:
    """One ``Task`` per input, and FAILED outcomes for inputs whose outputs would clash."""
    prefixes = _prefixes(found)
    out_root = Path(os.path.abspath(outdir)) if outdir is not None else None
    tasks: list[Task] = []
    for i, f in enumerate(found):
        if out_root is None:
            folder = f.path.parent
        elif f.is_file_arg:
            folder = out_root
        else:
            folder = out_root / prefixes[f.root] / f.rel.parent
        outs = output_paths(f.path, folder, options.targets, fragment=options.fragment)
        display = str(f.rel if f.is_file_arg or len(prefixes) <= 1 else prefixes[f.root] / f.rel)
        tasks.append(Task(i, str(f.path), tuple((t, str(p)) for t, p in outs.items()), display))

    by_output: dict[Path, list[Task]] = {}
    for t in tasks:
        for _, p in t.outputs:
            by_output.setdefault(Path(p).resolve(), []).append(t)
    clashing: dict[int, str] = {}
    for out, ts in by_output.items():
        if len(ts) > 1:
            for t in ts:
                others = "、".join(o.display for o in ts if o is not t)
                clashing.setdefault(t.index, f"与 {others} 会写到同一个文件 {out}，请改名其中一个，或分别运行并指定输出文件夹（-o）")
    failed = []
    for t in tasks:
        if t.index in clashing:
            o = Outcome(t.index, t.path, t.display, FAILED)
            failed.append(o.fail(UsageError(clashing[t.index], code="build-output-clash", path=t.display)))
    return [t for t in tasks if t.index not in clashing], failed


# --------------------------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------------------------

_WORKER: dict = {}


def _worker_init(options: Options, previous: str | None) -> None:
    """Once per worker process: the heavy imports, the compiled templates, the previous year."""
    import docx  # noqa: F401
    import openpyxl  # noqa: F401

    from .checks import check_report  # noqa: F401
    from .render import docx as rdocx, html as rhtml

    rdocx.reference_docx()
    env = rhtml._environment()
    for name in ("report.html.j2", "fragment.html.j2"):
        env.get_template(name)
    _WORKER["options"] = options
    _WORKER["previous"] = _load_previous(previous) if previous else None


def _load_previous(path: str) -> Report:
    from .reader import load

    return load(path)


def _worker_build(task: Task) -> Outcome:
    return _guarded(task, _WORKER["options"], _WORKER["previous"])


def _guarded(task: Task, options: Options, previous: Report | None) -> Outcome:
    """``build_one``, with a bug in the handling of one input reported rather than fatal."""
    try:
        return build_one(task, options, previous)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:  # a bug: this input fails with exit code 3, the others go on
        o = Outcome(task.index, task.path, task.display, FAILED)
        o.error = {"code": "internal", "message": f"程序内部错误（{type(e).__name__}: {e}）。请加 --debug 重新运行并报告给开发人员"}
        o.error_exit = EXIT_INTERNAL
        if os.environ.get("DISCLOSURE_DEBUG"):
            import traceback

            traceback.print_exc()
        return o


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


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

    @property
    def exit_code(self) -> int:
        return max((o.exit_code for o in self.outcomes), default=0)

    @property
    def written(self) -> list[Path]:
        return [p for o in self.outcomes for p in o.written]

    @property
    def errors(self) -> int:
        return sum(o.errors for o in self.outcomes)

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
                    "counts": {"errors": o.errors, "warnings": o.warnings, "infos": o.infos},
                    "deadline": (
                        {"date": o.deadline, "basis": o.deadline_basis, "days_left": left, "overdue": self.overdue(o)}
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
            },
            "exit_code": self.exit_code,
            "counts": self.counts(),
            "missing": self.missing,
            "inputs": inputs,
        }


def write_report(run: Run, path: str | os.PathLike) -> None:
    """The run report, atomically (a reader never sees half of it)."""
    write_text(Path(path), json.dumps(run.to_json(), ensure_ascii=False, indent=2) + "\n", force=True)


def kind_name(kind: str | None) -> str:
    return KINDS.get(kind or "", "")


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
    report: str | os.PathLike | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> Run:
    """Build every input found under ``paths``; see the module docstring.

    ``on_start(n)`` is called with the number of inputs to build (after the unchanged ones
    are set aside), ``on_result(outcome)`` as each one finishes (in completion order)."""
    started = dt.datetime.now().astimezone()
    t0 = time.perf_counter()
    targets = parse_targets(to)
    if not paths:
        raise UsageError("请至少给出一个报告文件或文件夹", code="build-no-input")
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs 至少为 1", code="build-jobs")

    prev_report: Report | None = None
    prev_path: str | None = None
    prev_sha: str | None = None
    if isinstance(previous, Report):
        from .jsonform import to_data
        import hashlib

        prev_report = previous
        blob = json.dumps(to_data(previous), ensure_ascii=False, sort_keys=True, default=str)
        prev_sha = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    elif previous is not None:
        prev_path = os.path.abspath(previous)
        try:
            prev_sha = file_sha256(prev_path)
        except OSError:
            raise InputError("上一年度的报告文件无法读取", code="file-missing", path=str(previous)) from None
    options = Options(targets, draft, fragment, force, prev_path, prev_sha)

    exclude = [p for p in (outdir, report) if p is not None]
    found, missing = discover(paths, exclude=exclude)
    if not found and not missing:
        raise UsageError("在给出的文件夹中没有找到报告文件（.xlsx 工作簿或 .json 数据文件）", code="build-no-input")
    tasks, outcomes = plan(found, outdir, options)
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
        if prev_path is not None and prev_report is None and n_jobs == 1:
            prev_report = _load_previous(prev_path)  # raises InputError (exit 2) if unusable
        elif prev_path is not None and n_jobs > 1:
            _load_previous(prev_path)  # fail early, in this process, with the reader's message
        if n_jobs == 1 or prev_report is not None:
            n_jobs = 1
            for t in todo:
                o = _guarded(t, options, prev_report)
                outcomes.append(o)
                if on_result:
                    on_result(o)
        else:
            outcomes += _parallel(todo, options, prev_path, n_jobs, on_result)

    outcomes.sort(key=lambda o: (o.index < 0, o.index, o.path))  # discovery order, missing last
    result = Run(outcomes, options, str(outdir) if outdir is not None else None, today or dt.date.today(), n_jobs)
    result.started = started.isoformat(timespec="seconds")
    result.missing = [str(m) for m in missing]
    result.elapsed = time.perf_counter() - t0
    if report is not None:
        write_report(result, report)
    return result


def _parallel(todo: list[Task], options: Options, prev_path: str | None, n_jobs: int, on_result) -> list[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # spawn: the same on every platform, and safe with the progress bar's thread in this process
    ctx = multiprocessing.get_context("spawn")
    out: list[Outcome] = []
    with ProcessPoolExecutor(n_jobs, mp_context=ctx, initializer=_worker_init, initargs=(options, prev_path)) as pool:
        # larger files first: the last task to start is a short one, so both workers end together
        ordered = sorted(todo, key=lambda t: -_size(t.path))
        futures = {pool.submit(_worker_build, t): t for t in ordered}
        try:
            for fut in as_completed(futures):
                t = futures[fut]
                try:
                    o = fut.result()
                except BrokenProcessPool:
                    o = Outcome(t.index, t.path, t.display, FAILED)
                    o.error = {"code": "worker-crashed", "message": "处理该文件的工作进程意外退出（内存不足或文件异常），下次运行时会重试"}
                    o.error_exit = EXIT_INTERNAL
                out.append(o)
                if on_result:
                    on_result(o)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    return out


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
