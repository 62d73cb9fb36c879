"""Running the rules over one report, or over files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..errors import DisclosureError, InputError, UsageError
from ..model import Report
from . import arithmetic, cellvalues, dates, fields, previous as across, structure, text, writing
from .catalogue import matches, unknown_patterns
from .context import Context
from .finding import CheckResult

SCHEMA = 1

# In the order they run (the result is sorted afterwards).
_STEPS = (
    structure.check_identity,
    structure.check_problems,
    cellvalues.check,
    arithmetic.check,
    arithmetic.check_formulas,
    text.check,
    writing.check,
    dates.check,
    fields.check,
)


def _patterns(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value:
        out += [p.strip() for p in str(item).split(",") if p.strip()]
    return out


def validate_codes(select=None, ignore=None) -> tuple[list[str], list[str]]:
    """Parse ``--select`` / ``--ignore`` (codes or ``prefix*``, comma separated); unknown codes
    are a usage error."""
    sel, ign = _patterns(select), _patterns(ignore)
    bad = unknown_patterns(sel + ign)
    if bad:
        raise UsageError(
            f"未知的规则代码：{'、'.join(bad)}（运行 disclosure rules 查看全部代码）", code="rule-unknown"
        )
    return sel, ign


def check_report(
    report: Report, previous: Report | None = None, *, select=None, ignore=None
) -> CheckResult:
    """Apply every rule to ``report`` (and, with ``previous``, the rules across two years)."""
    sel, ign = validate_codes(select, ignore)
    ctx = Context(report, previous)
    for step in _STEPS:
        step(ctx)
    if previous is not None:
        across.check(ctx)
    findings = [
        f for f in ctx.findings if (not sel or matches(f.code, sel)) and not matches(f.code, ign)
    ]
    findings.sort(key=lambda f: (f.order, f.message))
    return CheckResult(report, findings)


def check_paths(
    paths: Iterable[str | os.PathLike],
    previous: str | os.PathLike | Report | None = None,
    *,
    select=None,
    ignore=None,
    decisions: str | os.PathLike | bool | None = None,
) -> list[tuple[str, CheckResult | DisclosureError]]:
    """``iter_checks`` as a list."""
    return list(iter_checks(paths, previous, select=select, ignore=ignore, decisions=decisions))


def iter_checks(
    paths: Iterable[str | os.PathLike],
    previous: str | os.PathLike | Report | None = None,
    *,
    select=None,
    ignore=None,
    decisions: str | os.PathLike | bool | None = None,
) -> Iterator[tuple[str, CheckResult | DisclosureError]]:
    """Check each file (a folder: every report found in it, as ``build`` finds them); a file
    that cannot be read gives its ``DisclosureError`` instead of a result (the others are still
    checked). An unreadable ``previous`` raises ``InputError``.

    ``decisions``: the reviewer's decisions applied to the results (``decisions.apply``): by
    default the ``审核记录.json`` next to each file, if there is one; a path: that file (it must
    be readable); ``False``: none. A broken decisions file next to a report is that report's
    error. One result at a time (a folder of ten thousand reports is not held in memory)."""
    from .. import decisions as D
    from ..reader import is_url, load

    validate_codes(select, ignore)
    prev = load(previous) if previous is not None and not isinstance(previous, Report) else previous
    explicit = None if decisions is None or decisions is False or decisions is True else decisions
    if explicit is not None:  # an unusable --decisions file stops the run
        explicit = D.path_for("", explicit)
        if not explicit.is_file():
            raise D.DecisionsError(f"审核记录文件不存在：{explicit}", code="decisions-missing")
        D.read_cached(explicit)
    judged = D.judged_codes(select=select, ignore=ignore, previous=prev is not None)
    for path in _expand(paths):
        if isinstance(path, DisclosureError):
            yield str(path.path), path
            continue
        try:
            report = load(path)
        except DisclosureError as e:
            yield str(path), e
            continue
        result = check_report(report, prev, select=select, ignore=ignore)
        if decisions is not False and (explicit is not None or not is_url(path)):  # an address has no folder
            try:
                D.apply_file(result, path, explicit, judged=judged)
            except DisclosureError as e:
                yield str(path), e
                continue
        yield str(path), result


def _expand(paths: Iterable[str | os.PathLike]) -> list[str | os.PathLike | DisclosureError]:
    """Files as given; folders replaced by the reports found in them (in a stable order), or by
    an error when there are none."""
    out: list[str | os.PathLike | DisclosureError] = []
    for path in paths:
        if os.path.isdir(path):
            from ..discovery import discover

            found, _ = discover([path])
            out += [os.path.join(path, f.rel) for f in found]
            if not found:
                out.append(
                    InputError("文件夹中没有找到报告文件（.xlsx 工作簿或报告 .json）", code="check-no-input", path=str(path))
                )
        else:
            out.append(path)
    return out


def files_json(items: Iterable[tuple[str, CheckResult | DisclosureError]]) -> dict:
    return {"schema": SCHEMA, "files": [file_json(path, item) for path, item in items]}


def file_json(path: str, item: CheckResult | DisclosureError) -> dict:
    """One file's entry of ``files_json``."""
    from ..reader import displayed

    path = displayed(path)
    if isinstance(item, DisclosureError):
        return {"path": path, "error": item.to_json()}
    return {**item.to_json(), "path": path}


def check_files(
    paths: Iterable[str | os.PathLike],
    previous: str | os.PathLike | Report | None = None,
    *,
    select=None,
    ignore=None,
    decisions: str | os.PathLike | bool | None = None,
) -> dict:
    """The JSON object of ``disclosure check --format json``: ``{"schema": 1, "files": [...]}``.

    A file that cannot be read appears with ``"error": {"code", "message"}``. With a decisions
    file (see ``check_paths``) a file also has ``"accepted"`` (accepted findings by level) and
    ``"decisions": {"path", "stale"}``, and each accepted finding ``"accepted": {"reason", "by",
    "at"}``; ``errors``/``warnings``/``infos`` then count the findings still open."""
    return files_json(check_paths(paths, previous, select=select, ignore=ignore, decisions=decisions))
