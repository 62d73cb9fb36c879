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
    force: bool = False,
) -> Report:
    """Write a template to ``out``; returns the report it was made from."""
    from .outputs import check_writable
    from .xlsx_writer import blank_report, write_workbook

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"输出文件应以 .xlsx 结尾：{out}", code="usage-suffix")
    check_writable(out, force=force)
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
        write_workbook(report, out, prefilled=True, force=force)
        return report
    if year is None:
        year = default_year()
    fmt = choose_format(year, format_id)
    report = blank_report(fmt, org or "", year)
    write_workbook(report, out, prefilled=False, force=force)
    return report
