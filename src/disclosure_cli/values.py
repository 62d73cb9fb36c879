"""Reading one cell value the way a reviewer reads it.

Workbook cells and JSON values go through the same rules: a value is kept exactly as typed
(``raw``) and classified by its ``state``; odd typing that still means a number is read and
noted, never silently coerced.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

NUMBER = "number"
BLANK = "blank"
NA = "na"  # 不适用 / “/” “-” “—”
TEXT = "text"

# Notes on how a number was typed (reported as info by the checker).
FULLWIDTH = "fullwidth"  # １２
SPACES = "spaces"  # " 12 "
NUMERIC_TEXT = "numeric_text"  # a number stored as text
FLOAT_INTEGRAL = "float_integral"  # 12.0
THOUSANDS = "thousands"  # 1,234

# Digits of an integer a number may have (Python refuses to convert past 4,300; no count in a
# report comes near). A longer run of digits is text. One of the limits listed in ``model``.
MAX_NUMBER_DIGITS = 100

NA_MARKS = frozenset({"/", "-", "—", "——", "–", "－", "不适用", "\\"})
_NUMBER_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")
_THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True)
class Reading:
    """How a cell's raw content reads: its state (number, blank, n/a, text), the number, notes."""

    state: str
    value: int | float | None = None
    notes: tuple[str, ...] = ()


def _number(text: str) -> int | float:
    if "." in text:
        f = float(text)
        return int(f) if f.is_integer() else f
    return int(text)


def read_value(raw: object) -> Reading:
    """Classify a raw value (what openpyxl or JSON gives)."""
    if raw is None:
        return Reading(BLANK)
    if isinstance(raw, bool):
        return Reading(TEXT)
    if isinstance(raw, int):
        return Reading(NUMBER, raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return Reading(TEXT)
        if raw.is_integer():
            return Reading(NUMBER, int(raw), (FLOAT_INTEGRAL,))
        return Reading(NUMBER, raw)
    if isinstance(raw, (_dt.date, _dt.time, _dt.timedelta)):
        return Reading(TEXT)
    text = str(raw)
    notes: list[str] = []
    stripped = text.strip().strip("\u3000")
    if not stripped:
        return Reading(BLANK, notes=(SPACES,) if text else ())
    if stripped != text:
        notes.append(SPACES)
    folded = unicodedata.normalize("NFKC", stripped)
    if folded in NA_MARKS or stripped in NA_MARKS:
        return Reading(NA, notes=tuple(notes))
    if folded != stripped:
        notes.append(FULLWIDTH)
    if len(folded) > MAX_NUMBER_DIGITS + 2:  # sign and decimal point
        return Reading(TEXT)
    if _NUMBER_RE.fullmatch(folded):
        notes.append(NUMERIC_TEXT)
        value = _number(folded)
        if "." in folded and isinstance(value, int):
            notes.append(FLOAT_INTEGRAL)
        return Reading(NUMBER, value, tuple(notes))
    if _THOUSANDS_RE.fullmatch(folded) and len(folded) <= MAX_NUMBER_DIGITS * 4 // 3 + 2:
        notes += [NUMERIC_TEXT, THOUSANDS]
        return Reading(NUMBER, _number(folded.replace(",", "")), tuple(notes))
    return Reading(TEXT)


def number_text(value: int | float | None) -> str:
    """A number as people write it: ``12`` (not ``12.0``), ``96171.6``; no exponent."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, int):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return format(round(value, 6), "f").rstrip("0").rstrip(".")


def display_width(text: str) -> float:
    """How wide ``text`` is set, in em (one CJK character): East Asian wide and fullwidth
    characters (Unicode ``W``/``F``) take 1, every other character ½. The one rule for Word
    column widths, title breaks, the signature indent and the template's row heights."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in str(text))


def display(raw: object) -> str:
    """A value as the clerk typed it, for messages."""
    if raw is None:
        return "（空白）"
    if isinstance(raw, float) and raw.is_integer():
        return str(raw)
    return str(raw)


_YEAR_RE = re.compile(r"\s*(\d{4})\s*年?\s*")


def parse_year(raw: object) -> int | None:
    """A report year as typed: ``2024``, ``2024.0``, ``"2024"``, ``"2024年"``; after 1900 and
    before 3000, however typed (``"9999"`` is no year: its deadline would be in year 10000, past
    what a date can hold)."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int):
        return raw if 1900 < raw < 3000 else None
    if isinstance(raw, float) and raw.is_integer():
        return parse_year(int(raw))
    if isinstance(raw, str):
        m = _YEAR_RE.fullmatch(unicodedata.normalize("NFKC", raw))
        return parse_year(int(m.group(1))) if m else None
    return None
