"""Deadline arithmetic around 1月31日 / 3月31日, local overrides and leap years."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_cli import formats as F
from disclosure_cli.deadlines import deadline_of, parse_date, statutory
from disclosure_cli.model import Report


def _report(kind="", year=2024, deadline=""):
    return Report(format=F.V2021, org="x", year=year, meta={"kind": kind, "deadline": deadline})


@pytest.mark.parametrize(
    "kind,year,due",
    [
        ("department", 2024, dt.date(2025, 1, 31)),
        ("county_gov", 2024, dt.date(2025, 3, 31)),
        ("department", 2023, dt.date(2024, 1, 31)),
        ("county_gov", 2023, dt.date(2024, 3, 31)),  # 2024 is a leap year: still 31 March
        ("other", 2024, None),
        ("", 2024, None),
    ],
)
def test_statutory(kind, year, due):
    assert statutory(kind, year) == due


def test_days_left_across_february_of_a_leap_year():
    d = deadline_of(_report("county_gov", 2023))
    assert d.days_left(dt.date(2024, 1, 31)) == 29 + 31  # February 2024 has 29 days
    assert deadline_of(_report("county_gov", 2024)).days_left(dt.date(2025, 1, 31)) == 28 + 31
    assert d.days_left(dt.date(2024, 3, 31)) == 0
    assert d.days_left(dt.date(2024, 4, 2)) == -2


def test_department_deadline_days():
    d = deadline_of(_report("department", 2025))
    assert d.days_left(dt.date(2025, 12, 31)) == 31
    assert d.days_left(dt.date(2026, 2, 1)) == -1
    assert "条例第四十九条" in d.basis and "部门" in d.basis


def test_local_deadline_overrides():
    d = deadline_of(_report("county_gov", 2024, deadline="2025年1月15日"))
    assert d.date == dt.date(2025, 1, 15) and "本地" in d.basis
    assert deadline_of(_report("other", 2024, deadline="2025-01-20")).date == dt.date(2025, 1, 20)
    assert deadline_of(_report("other", 2024)) is None
    assert deadline_of(_report("department", None)) is None


@pytest.mark.parametrize(
    "text,date",
    [
        ("2025-01-20", dt.date(2025, 1, 20)),
        ("2025/1/5", dt.date(2025, 1, 5)),
        ("2025.03.31", dt.date(2025, 3, 31)),
        ("2025年1月20日", dt.date(2025, 1, 20)),
        ("2021-02-16 14:57", dt.date(2021, 2, 16)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2025-02-29", None),
        ("明年一月", None),
        ("", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date
