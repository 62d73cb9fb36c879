"""``disclosure rollup``: add up the reports of many units (汇总), with the source of every number.

The inputs are read one at a time, as ``check`` reads them (folders walked by ``discovery``),
checked, matched to the unit list (``units``), and added into running sums — every data cell of
the format, by the format description, with exact decimal arithmetic (``decimal.Decimal``: 万元
amounts do not drift). What is kept per unit is one row of values (for the 来源 sheet), never the
report: memory grows with units × cells of plain values only.

A sum over a blank, a not-applicable mark or text is **partial** and names the units; a unit
with error-level findings is summed but listed; the same unit twice is summed once; two units
with identical data are both summed and reported (ambiguous: a warning); mixing format versions
or report years is refused (exit 2) with the units of each.

The output is a workbook in the project's own template (so ``check``, ``build`` and ``new
--from`` work on it), with the sheets 来源 (each unit's value of every cell), 单位清单 (status of
each unit) and a hidden stamp of the inputs' SHA-256; it is byte-identical when the inputs are
unchanged (no timestamps; fixed zip dates)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from . import formats as F
from . import values as V
from .build.stamp import file_sha256
from .errors import InputError, UsageError
from .reader import displayed
from .units import UnitList, normalize_name

SCHEMA = 1
REPORT_KIND = "disclosure-rollup"

# statuses of a unit / input
INCLUDED = "included"
HAS_ERRORS = "has_errors"
MISSING = "missing"
UNKNOWN = "unknown"
DUPLICATE = "duplicate"
UNREADABLE = "unreadable"
STATUS_NAMES = {
    INCLUDED: "已汇总",
    HAS_ERRORS: "已汇总（有错误）",
    MISSING: "未提交",
    UNKNOWN: "不在清单中（已汇总）",
    DUPLICATE: "重复（未汇总）",
    UNREADABLE: "无法读取（未汇总）",
}
ERROR, WARNING = "error", "warning"


@dataclass
class Issue:
    level: str
    code: str
    message: str
    units: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"level": self.level, "code": self.code, "message": self.message, "units": self.units}


@dataclass
class Entry:
    """One input (or a listed unit without one)."""

    path: str  # as shown (relative to the common folder); "" for a missing unit
    sha256: str
    status: str
    name: str  # the unit's name (from the list, else the report's 机关名称)
    code: str = ""
    org: str = ""  # 机关名称 as the report has it
    year: int | None = None
    format_id: str = ""
    errors: int = 0
    warnings: int = 0
    note: str = ""
    values: tuple = ()  # raw values in the format's cell order (the inputs summed)

    def to_json(self) -> dict:
        return {
            "path": self.path or None,
            "sha256": self.sha256 or None,
            "status": self.status,
            "code": self.code or None,
            "name": self.name,
            "org": self.org or None,
            "year": self.year,
            "format": self.format_id or None,
            "errors": self.errors,
            "warnings": self.warnings,
            "note": self.note or None,
        }


@dataclass
class Rollup:
    report: object  # model.Report: the aggregate
    entries: list[Entry]
    issues: list[Issue]
    partial: dict  # CellKey -> [unit names]
    inputs: list[tuple[str, str]]  # (path shown, sha256)
    check: object = None  # CheckResult of the aggregate

    @property
    def errors(self) -> int:
        n = sum(i.level == ERROR for i in self.issues)
        return n + (self.check.errors if self.check is not None else 0)

    def to_json(self) -> dict:
        fmt = self.report.format
        return {
            "schema": SCHEMA,
            "kind": REPORT_KIND,
            "org": self.report.org,
            "year": self.report.year,
            "format": fmt.id,
            "units": [e.to_json() for e in self.entries],
            "issues": [i.to_json() for i in self.issues],
            "cells": {
                str(k): {
                    "value": _json_number(self.report.cells[k].raw),
                    **({"partial": self.partial[k]} if k in self.partial else {}),
                }
                for k in fmt.cells()
            },
            "inputs": [{"path": p, "sha256": h} for p, h in self.inputs],
            "check": None
            if self.check is None
            else {"errors": self.check.errors, "warnings": self.check.warnings, "findings": [f.to_json() for f in self.check.findings]},
        }


def _json_number(v):
    return v


def _decimal(value) -> Decimal:
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _plain(d: Decimal) -> int | float:
    """A sum as the workbook holds it: an integer, or the shortest float of the exact decimal."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


class _Sums:
    """Running sums of one format version."""

    def __init__(self, fmt: F.Format):
        self.fmt = fmt
        self.keys = tuple(fmt.cells())
        self.total = [Decimal(0)] * len(self.keys)
        self.numbers = [0] * len(self.keys)  # how many units gave a number
        self.partial: list[list[str]] = [[] for _ in self.keys]
        self.with_unit: list[list[str]] = [[] for _ in self.keys]  # units whose “7件” was counted as 7

    def add(self, name: str, report) -> tuple:
        raws = []
        for i, key in enumerate(self.keys):
            cell = report.cells.get(key)
            raw = cell.raw if cell is not None else None
            raws.append(raw)
            if cell is not None and cell.state == V.NUMBER and cell.value is not None:
                self.total[i] += _decimal(cell.value)
                self.numbers[i] += 1
            elif (read := report.with_unit(key)) is not None:  # the number the checker reads it as (value-typing)
                self.total[i] += _decimal(read[0])
                self.numbers[i] += 1
                self.with_unit[i].append(name)
            else:
                self.partial[i].append(name)
        return tuple(raws)


def _fingerprint(values: tuple) -> str | None:
    """Identity of a unit's data, or None when there is nothing to compare (all blank or 0)."""
    if not any(isinstance(v, (int, float)) and not isinstance(v, bool) and v != 0 for v in values):
        return None
    return hashlib.sha256(json.dumps([v if not isinstance(v, float) else repr(v) for v in values], ensure_ascii=False).encode()).hexdigest()


def _shown_paths(found) -> list[str]:
    paths = [f.path for f in found]
    if not paths:
        return []
    try:
        common = Path(os.path.commonpath([str(p.parent) for p in paths]))
    except ValueError:
        return [displayed(p) for p in paths]
    return [displayed(p.relative_to(common).as_posix()) for p in paths]


def rollup(
    inputs: Sequence[str | os.PathLike],
    *,
    units: UnitList | None = None,
    org: str | None = None,
    year: int | None = None,
    previous=None,  # model.Report of last year's roll-up, and its path
    previous_units: list[str] | None = None,
    exclude: Sequence[str | os.PathLike] = (),
    progress=None,
) -> Rollup:
    """Add up the reports found under ``inputs``. ``UsageError``/``InputError`` (exit 2) when
    nothing can be summed: no input, mixed format versions or years."""
    from .checks import check_paths, check_report
    from .discovery import discover
    from .model import Cell
    from .xlsx_writer import blank_report

    found, missing_roots = discover(inputs)
    if missing_roots:
        raise InputError(f"找不到：{'、'.join(str(m) for m in missing_roots)}", code="file-missing")
    ex = {Path(os.path.abspath(e)).resolve() for e in exclude}
    found = [f for f in found if f.path.resolve() not in ex]
    if not found:
        raise InputError("没有找到要汇总的报告（.xlsx 工作簿或报告 .json）", code="rollup-no-input")
    shown = _shown_paths(found)

    sums: dict[str, _Sums] = {}
    entries: list[Entry] = []
    seen_units: dict[str, Entry] = {}
    prints: dict[str, list[Entry]] = {}
    self_meta: dict | None = None
    by_version: dict[str, list[str]] = {}
    by_year: dict[object, list[str]] = {}
    for n, (f, path_shown) in enumerate(zip(found, shown)):
        if progress is not None:
            progress(n, len(found))
        digest = file_sha256(f.path)
        ((_, item),) = check_paths([f.path])
        if not hasattr(item, "findings"):
            entries.append(Entry(path_shown, digest, UNREADABLE, Path(path_shown).stem, note=f"{item.message}（{item.code}）"))
            continue
        report = item.report
        unit = units.match(report.org) if units is not None else None
        if units is not None and unit is None and not (report.org or "").strip():
            unit = units.match(Path(path_shown).stem)  # a blank 机关名称: the file name
        name = unit.name if unit is not None else (report.org or Path(path_shown).stem)
        e = Entry(
            path_shown, digest, INCLUDED, name, code=unit.code if unit else "", org=report.org,
            year=report.year, format_id=report.format.id, errors=item.errors, warnings=item.warnings,
        )
        entries.append(e)
        ident = unit.key if unit is not None else "name:" + normalize_name(report.org or path_shown)
        first = seen_units.get(ident)
        if first is not None and first.year == e.year:
            e.status = DUPLICATE
            e.note = f"与 {first.path} 是同一单位"
            continue
        # The same unit's report of another year is not a second copy: it is the wrong year
        # (rollup-mixed-year names both below).
        seen_units.setdefault(ident, e)
        if units is not None and unit is None:
            e.status = UNKNOWN
        elif item.errors:
            e.status = HAS_ERRORS
        by_version.setdefault(report.format.id, []).append(name)
        by_year.setdefault(report.year, []).append(name)
        acc = sums.get(report.format.id) or sums.setdefault(report.format.id, _Sums(report.format))
        e.values = acc.add(name, report)
        fp = _fingerprint(e.values)
        if fp is not None:
            prints.setdefault(fp, []).append(e)
        if unit is not None and unit.type == "本机关":
            self_meta = dict(report.meta)
        del report, item

    if len(by_version) > 1:
        detail = "；".join(
            f"{v} 版（{F.get(v).document}）：{'、'.join(names[:20])}{' 等' if len(names) > 20 else ''}共 {len(names)} 个"
            for v, names in sorted(by_version.items())
        )
        raise UsageError(f"各单位的报告使用了不同的格式版本，不能相加：{detail}", code="rollup-mixed-format")
    years = {y for y in by_year if y is not None}
    if len(by_year) > 1 or (year is not None and years and years != {year}):
        detail = "；".join(
            f"{y if y is not None else '未填年度'}：{'、'.join(names[:20])}{' 等' if len(names) > 20 else ''}共 {len(names)} 个"
            for y, names in sorted(by_year.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        )
        want = f"（--year {year}）" if year is not None else ""
        raise UsageError(f"各单位报告的年度不一致{want}，不能相加：{detail}", code="rollup-mixed-year")
    if not sums:
        raise InputError("没有可以汇总的报告：所有输入都无法读取或重复", code="rollup-nothing-summed")
    ((fid, acc),) = sums.items()
    fmt = acc.fmt
    if year is None:
        year = next(iter(years), None)
    if org is None:
        su = units.self_unit if units is not None else None
        org = su.name if su is not None else ""

    agg = blank_report(fmt, org, year)
    if self_meta:
        agg.meta = {k: v for k, v in self_meta.items() if k not in ("title", "intro", "published")}
    partial: dict = {}
    with_unit: dict = {}
    for i, key in enumerate(acc.keys):
        if acc.numbers[i]:
            agg.cells[key] = Cell.read(key, _plain(acc.total[i]), agg.cells[key].source)
        if acc.partial[i]:
            partial[key] = acc.partial[i]
        if acc.with_unit[i]:
            with_unit[key] = acc.with_unit[i]

    from . import sentences

    scope = sentences.scope_of(org)
    generated = sentences.application_sentences(agg, scope)
    from .model import Paragraph

    agg.sections[fmt.sections[0].id] = [Paragraph(t) for t in generated[:1]]
    for s in fmt.sections:
        if s.table == fmt.table_of(F.Role.NEW).id:
            agg.sections[s.id] = [Paragraph(t) for t in generated[1:]]

    issues = _issues(entries, units, partial, prints, fmt, previous_units, with_unit)
    if units is not None:
        for u in units.units:
            if u.key not in seen_units:
                entries.append(Entry("", "", MISSING, u.name, code=u.code))
        issues = _issues(entries, units, partial, prints, fmt, previous_units, with_unit)

    result = Rollup(agg, entries, issues, partial, [(e.path, e.sha256) for e in entries if e.path])
    result.check = check_report(agg, previous)
    return result


def _names(entries) -> str:
    names = [e.name for e in entries]
    return "、".join(names[:20]) + (f" 等 {len(names)} 个" if len(names) > 20 else "")


def _issues(entries, units, partial, prints, fmt, previous_units, with_unit) -> list[Issue]:
    out: list[Issue] = []

    def add(level, code, message, group):
        out.append(Issue(level, code, message, [e.name for e in group]))

    by = {s: [e for e in entries if e.status == s] for s in STATUS_NAMES}
    if by[UNREADABLE]:
        add(ERROR, "rollup-unreadable", f"{len(by[UNREADABLE])} 个文件无法读取，未汇总：" + "；".join(f"{e.path}（{e.note}）" for e in by[UNREADABLE][:10]), by[UNREADABLE])
    if by[DUPLICATE]:
        add(ERROR, "rollup-duplicate-unit", f"{len(by[DUPLICATE])} 份报告与另一份是同一单位，只汇总了第一份：" + "；".join(f"{e.name}（{e.path}，{e.note}）" for e in by[DUPLICATE][:10]), by[DUPLICATE])
    if by[HAS_ERRORS]:
        add(ERROR, "rollup-unit-errors", f"{len(by[HAS_ERRORS])} 个单位的报告有错误，已计入合计，请核实：{_names(by[HAS_ERRORS])}", by[HAS_ERRORS])
    if by[MISSING]:
        add(WARNING, "rollup-missing-unit", f"单位清单中有 {len(by[MISSING])} 个单位没有报告：{_names(by[MISSING])}", by[MISSING])
    if by[UNKNOWN]:
        add(WARNING, "rollup-unknown-input", f"{len(by[UNKNOWN])} 份报告的单位不在单位清单中（已计入合计）：" + "；".join(f"{e.org or '未填机关名称'}（{e.path}）" for e in by[UNKNOWN][:10]), by[UNKNOWN])
    for group in prints.values():
        if len(group) > 1:
            add(WARNING, "rollup-identical-data", f"{len(group)} 个单位的表格数据完全相同，可能是同一份报告：{_names(group)}", group)
    for code, cells_of, text in (
        ("rollup-partial", partial, "合计不完整（有单位填的不是数字：空白、“/”或文字）"),
        ("rollup-unit-read", with_unit, "有单位填的是带单位的数（如“7件”“152.2万元”），已按其中的数字计入合计，请核实"),
    ):
        # one issue per distinct set of units responsible
        groups: dict[tuple, list] = {}
        for key, names in cells_of.items():
            groups.setdefault(tuple(names), []).append(key)
        for names, keys in groups.items():
            cells = "、".join(str(k) for k in keys[:8]) + (f" 等 {len(keys)} 个单元格" if len(keys) > 8 else "")
            shown = "、".join(names[:20]) + (f" 等 {len(names)} 个" if len(names) > 20 else "")
            out.append(Issue(WARNING, code, f"{text}：{cells}；涉及单位：{shown}", list(names)))
    if previous_units is not None:
        now = {normalize_name(e.name) for e in entries if e.status not in (MISSING, UNREADABLE)}
        gone = [n for n in previous_units if normalize_name(n) not in now]
        if gone:
            out.append(Issue(WARNING, "rollup-unit-gone", f"上年汇总中有 {len(gone)} 个单位今年没有报告：{'、'.join(gone[:20])}", gone))
    return out


# ---------------------------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------------------------

def write_rollup(result: Rollup, out: Path, *, report_path: Path | None = None, force: bool = False) -> None:
    """Write the workbook (and the JSON twin) together, atomically, byte-reproducibly."""
    from .outputs import check_writable, write_together
    from .xlsx_writer import (
        add_rollup_sources,
        add_rollup_stamp,
        add_rollup_units,
        build_workbook,
        mark_generated,
        save_reproducible,
    )

    check_writable(out, force=force)
    if report_path is not None:
        check_writable(report_path, force=force)
    from .sentences import GENERATED_NOTE

    agg = result.report
    wb = build_workbook(agg, prefilled=True)
    mark_generated(wb, [p.text for ps in agg.sections.values() for p in ps], GENERATED_NOTE)
    fmt = agg.format
    rows = (
        (e.code, e.name, e.path, STATUS_NAMES[e.status], e.values)
        for e in result.entries
        if e.values
    )
    add_rollup_sources(wb, fmt, rows, {k: v for k, v in result.partial.items()})
    add_rollup_units(wb, [(e.code, e.name, e.org, e.path, STATUS_NAMES[e.status], e.errors, e.warnings, e.note) for e in result.entries])
    add_rollup_stamp(wb, result.inputs)
    files = [(Path(out), lambda tmp: save_reproducible(wb, tmp))]
    if report_path is not None:
        text = json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str) + "\n"
        files.append((Path(report_path), lambda tmp: tmp.write_bytes(text.encode("utf-8"))))
    write_together(files, force=force)


def previous_units(path: Path) -> list[str] | None:
    """The units a previous roll-up workbook summed (its 单位清单 sheet), or None."""
    from openpyxl import load_workbook

    from .xlsx_writer import ROLLUP_UNITS_SHEET

    if Path(path).suffix.lower() != ".xlsx":
        return None
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if ROLLUP_UNITS_SHEET not in wb.sheetnames:
            return None
        rows = list(wb[ROLLUP_UNITS_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
    summed = {STATUS_NAMES[s] for s in (INCLUDED, HAS_ERRORS, UNKNOWN)}
    return [str(r[1]) for r in rows[1:] if r and len(r) > 4 and r[4] in summed and r[1]]


def check_sources(path: Path, report=None) -> list[Issue]:
    """Checks of a roll-up workbook against its own 来源 sheet: each table cell (in particular
    每列 结转下年度继续办理) equals the sum of the units' values listed there — so a roll-up
    edited by hand after it was made, or one whose 来源 lost a unit, is caught. Empty for a
    workbook that is not a roll-up."""
    from openpyxl import load_workbook

    from .reader import load
    from .xlsx_writer import ROLLUP_SOURCES_SHEET

    report = report if report is not None else load(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        if ROLLUP_SOURCES_SHEET not in wb.sheetnames:
            return []
        rows = wb[ROLLUP_SOURCES_SHEET].iter_rows(values_only=True)
        header = None
        for i, row in enumerate(rows):
            if i == 4:
                header = row
                sums = [Decimal(0)] * len(row)
                numbers = [0] * len(row)
            elif i > 4:
                for j, v in enumerate(row):
                    if j >= 4 and isinstance(v, (int, float)) and not isinstance(v, bool):
                        sums[j] += _decimal(v)
                        numbers[j] += 1
    finally:
        wb.close()
    if header is None:
        return []
    by_key = {str(k): k for k in report.format.cells()}
    carried = {str(k) for k in (report.format.key(F.Role.CARRIED_FORWARD, c.role) for c in report.format.columns_of(F.Role.CARRIED_FORWARD))}
    out = []
    for j, name in enumerate(header):
        key = by_key.get(str(name)) if j >= 4 else None
        if key is None:
            continue
        value = report.computed(key, uncached_only=True, text=None)
        if value is None or not numbers[j]:
            continue
        if _decimal(value) != sums[j]:
            what = "各单位结转下年度之和" if str(name) in carried else "各单位之和"
            out.append(
                Issue(ERROR, "rollup-sources-sum", f"{key}：汇总表中为 {value}，但“来源”表中{what}为 {_plain(sums[j])}，相差 {_plain(_decimal(value) - sums[j])}")
            )
    return out


def verify_written(path: Path, result: Rollup) -> list[Issue]:
    """The written workbook read back as ``check`` reads it: every cell must hold the sum (the
    template's formulas computed); a difference is a bug of the writer or reader, reported
    rather than trusted. Cheap: one workbook (the 来源 sheet is not re-read; see
    ``check_sources``)."""
    from .reader import load

    back = load(path)
    out = []
    for key in result.report.format.cells():
        want = result.report.cells[key]
        if want.state != V.NUMBER:
            continue
        got = back.computed(key, uncached_only=True, text=None)
        if got is None or _decimal(got) != _decimal(want.value):
            out.append(Issue(ERROR, "rollup-sources-sum", f"{key}：写入的汇总表中为 {got}，应为各单位之和 {want.value}"))
    return out
