"""Worker processes: several inputs built at once, and no worker outliving its parent.

Workers are started with ``spawn`` (the same on every platform, and safe with the progress
bar's thread in the parent). Each imports the reader (python-calamine; openpyxl only when a
workbook needs it), the checker and Jinja2 once, reads the reference Word package and keeps the
compiled templates; it receives a small ``Task`` and sends back a small ``Outcome``.

A worker exits when its parent dies, even by ``kill -9`` (otherwise it would wait for work
forever): on Linux the kernel sends it SIGKILL (``PR_SET_PDEATHSIG``); everywhere a watchdog
thread waits on the parent's sentinel and checks that the parent pid is still its parent.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Callable

from .one import Options, Outcome, Task, guarded, internal_failure, load_previous

PDEATHSIG = True  # Linux: ask the kernel to kill workers with their parent (tests switch it off)
WATCH_SECONDS = 0.5

_WORKER: dict = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _die_with_parent(parent_pid: int, pdeathsig: bool) -> None:
    """From now on this process ends when ``parent_pid`` does."""
    if pdeathsig and sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)
    import multiprocessing

    parent = multiprocessing.parent_process()

    def watch() -> None:
        while True:
            if parent is not None:
                parent.join(WATCH_SECONDS)  # returns at once when the parent is gone
                gone = not parent.is_alive()
            else:  # pragma: no cover
                threading.Event().wait(WATCH_SECONDS)
                gone = False
            if gone or (os.name != "nt" and os.getppid() != parent_pid):
                os._exit(1)

    threading.Thread(target=watch, name="disclosure-parent-watch", daemon=True).start()


def _worker_init(options: Options, previous: str | None, parent_pid: int, pdeathsig: bool) -> None:
    """Once per worker process: the watchdog, the heavy imports, the compiled templates, the
    previous year."""
    _die_with_parent(parent_pid, pdeathsig)
    import python_calamine  # noqa: F401  (the workbook reader; openpyxl only if a workbook needs it)

    from ..checks import check_report  # noqa: F401
    from ..reader import load  # noqa: F401
    from ..render import docx as rdocx, html as rhtml

    rdocx.reference_docx()
    env = rhtml._environment()
    for name in ("report.html.j2", "fragment.html.j2"):
        env.get_template(name)
    _WORKER["options"] = options
    _WORKER["previous"] = load_previous(previous) if previous else None


def _worker_build(task: Task) -> Outcome:
    return guarded(task, _WORKER["options"], _WORKER["previous"])


def parallel(
    todo: list[Task], options: Options, previous: str | None, jobs: int, on_result: Callable[[Outcome], None] | None
) -> list[Outcome]:
    """Build ``todo`` in ``jobs`` worker processes; outcomes in completion order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    out: list[Outcome] = []
    initargs = (options, previous, os.getpid(), PDEATHSIG)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init, initargs=initargs) as pool:
        # larger files first: the last task to start is a short one, so the workers end together
        ordered = sorted(todo, key=lambda t: -_size(t.path))
        futures = {pool.submit(_worker_build, t): t for t in ordered}
        try:
            for fut in as_completed(futures):
                t = futures[fut]
                try:
                    o = fut.result()
                except BrokenProcessPool:
                    message = "处理该文件的工作进程意外退出（内存不足或文件异常），下次运行时会重试"
                    o = internal_failure(t, "worker-crashed", message)
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

