"""When a report is due (《政府信息公开条例》第四十九条) and how many days are left.

县级以上人民政府部门: by 1月31日 of the year after the report year; 县级以上地方人民政府 (本级
政府): by 3月31日. Other units (乡镇、街道) follow local notices: their ``meta.deadline``, when
given, overrides the statutory date for any kind."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import KIND_COUNTY_GOV, KIND_DEPARTMENT, KINDS, Report

# month and day, in the year after the report year
STATUTORY = {KIND_DEPARTMENT: (1, 31), KIND_COUNTY_GOV: (3, 31)}

_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\S*)?\s*")


def parse_date(text: str | None) -> dt.date | None:
    """``2025-01-20``, ``2025/1/20``, ``2025.1.20``, ``2025年1月20日`` (a time part is ignored)."""
    m = _DATE.fullmatch(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def cn_date(d: dt.date) -> str:
    """``2025年1月31日``, as dates are written in documents."""
    return f"{d.year}年{d.month}月{d.day}日"


def statutory(kind: str | None, year: int) -> dt.date | None:
    if kind not in STATUTORY:
        return None
    month, day = STATUTORY[kind]
    return dt.date(year + 1, month, day)


@dataclass(frozen=True)
class Deadline:
    """The date a report must be published by, and why (the regulation or a local rule)."""

    date: dt.date
    basis: str  # where it comes from, in Chinese

    def days_left(self, today: dt.date) -> int:
        """Days from ``today`` to the deadline (0 on the day itself, negative when overdue)."""
        return (self.date - today).days


def deadline_of(report: Report) -> Deadline | None:
    """The deadline that applies to ``report``: a local deadline when given, else the statutory
    one for its kind of unit, else none."""
    local = parse_date(report.meta.get("deadline"))
    if local is not None:
        return Deadline(local, "本地通知规定的期限")
    if report.year is None:
        return None
    kind = (report.meta.get("kind") or "").strip()
    date = statutory(kind, report.year)
    if date is None:
        return None
    return Deadline(date, f"条例第四十九条（{KINDS[kind]}）")
