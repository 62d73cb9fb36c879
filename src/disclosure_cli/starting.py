"""``new``: decide the format and write a blank or pre-filled template (library side)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from . import formats as F
from .errors import UsageError
from .model import Report


def default_year(today: _dt.date | None = None) -> int:
    """The report year being prepared: from October on, this year's; before, last year's."""
    today = today or _dt.date.today()
    return today.year if today.month >= 10 else today.year - 1


def choose_format(year: int | None, format_id: str | None) -> F.Format:
    if format_id is not None:
        fmt = F.get(format_id)
        if year is not None and not fmt.covers(year):
            right = F.for_year(year)
            raise UsageError(
                f"{year} 年度的报告应使用 {right.id} 版格式（{right.document}），"
                f"不能使用 {fmt.id} 版格式（{fmt.document}，适用于 "
                f"{fmt.years[0]}—{fmt.years[1] or ''} 年度）",
                code="format-year-mismatch",
            )
        return fmt
    return F.for_year(year if year is not None else default_year())


def new_template(
    out: Path,
    *,
    org: str | None = None,
    year: int | None = None,
    format_id: str | None = None,
    data: Path | None = None,
    previous: Path | None = None,
    force: bool = False,
    sentences: bool = False,
) -> Report:
    """Write a template to ``out``; returns the report it was made from.

    ``data`` pre-fills everything from a data form or workbook; ``previous`` starts a new year
    from last year's report (unit details and the carry-over pre-filled)."""
    from .outputs import check_writable
    from .xlsx_writer import blank_report, write_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"输出文件应以 .xlsx 结尾：{out}", code="usage-suffix")
    check_writable(out, force=force)
    if data is not None and previous is not None:
        raise UsageError("--data 和 --from 只能选一个", code="usage-conflict")
    if sentences and data is None:
        raise UsageError("--sentences 要与 --data 同用（句子按已填的表格数据写成）", code="usage-conflict")
    if previous is not None:
        from .reader import load

        report = carried_over(load(previous), year=year, format_id=format_id)
        if org is not None:
            report.org = org
        write_workbook(report, out, prefilled=True, force=force)
        return report
    if data is not None:
        from .reader import load

        report = load(data)
        if org is not None:
            report.org = org
        if year is not None:
            report.year = year
        if format_id is not None and format_id != report.format.id:
            raise UsageError(
                f"--format {format_id} 与数据文件的格式版本 {report.format.id} 不一致", code="format-data-mismatch"
            )
        if report.year is not None:
            choose_format(report.year, report.format.id)
        if sentences:
            from .sentences import prefill

            prefill(report)
        write_workbook(report, out, prefilled=True, force=force)
        return report
    if year is None:
        year = default_year()
    fmt = choose_format(year, format_id)
    report = blank_report(fmt, org or "", year)
    write_workbook(report, out, prefilled=False, force=force)
    return report


# Unit details that stay the same from one year to the next.
CARRIED_META = ("website", "address", "postcode", "phone", "fax", "email", "kind")
CARRY_FROM, CARRY_TO = F.Role.CARRIED_FORWARD, F.Role.CARRIED_OVER  # 表三 结转下年度 → next year's 上年结转


def carried_over(last: Report, *, year: int | None = None, format_id: str | None = None) -> Report:
    """A new year's report started from last year's: the unit's details, and 表三's
    上年结转 row taken from last year's 结转下年度继续办理 (条例 carry-over rule)."""
    from .model import Cell
    from .xlsx_writer import blank_report

    if last.year is None and year is None:
        raise UsageError("上年报告没有报告年度，请用 --year 指定新报告的年度", code="usage-year")
    new_year = year if year is not None else last.year + 1
    fmt = choose_format(new_year, format_id)
    report = blank_report(fmt, last.org, new_year)
    report.meta = {k: last.meta[k] for k in CARRIED_META if last.meta.get(k)}
    for col in fmt.columns_of(CARRY_TO):
        if col.total or not last.format.has(CARRY_FROM, col.role):
            continue
        key = fmt.key(CARRY_TO, col.role)
        prev = last.cells.get(last.format.key(CARRY_FROM, col.role))
        if prev is not None and prev.state == "number":
            report.cells[key] = Cell.read(key, prev.value, report.cells[key].source)
    # totals as the template's formulas will show them, so that they are written as formulas
    for key in fmt.definitions:
        report.cells[key] = Cell.read(key, report.computed(key), report.cells[key].source)
    return report
