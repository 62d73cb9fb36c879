"""How findings are shown to a clerk: groups by table/section, locations as seen in the file."""

from __future__ import annotations

from .. import formats as F
from ..model import META_LABELS, ORG_LABEL, YEAR_LABEL
from . import labels as L
from .catalogue import LEVEL_NAMES
from .finding import CheckResult, Finding

_FIELD_NAMES = {"org": ORG_LABEL, "year": YEAR_LABEL, **{f"meta.{k}": v.split("（")[0] for k, v in META_LABELS.items()}}
GENERAL = "基本信息"


def group_of(fmt: F.Format, finding: Finding) -> str:
    """The heading a finding is listed under: its section (tables are printed in sections)."""
    if finding.refs:
        ref = finding.refs[0]
        section = None
        if "table" in ref:
            section = next((t.section for t in fmt.tables if t.id == ref["table"]), None)
        elif "section" in ref:
            section = ref["section"]
        if section is not None:
            return L.section_name(fmt, section)
    return GENERAL


def location(fmt: F.Format, ref: dict) -> str:
    """``表三!J7 一、本年新收政府信息公开申请数量 / 自然人``, ``第 3 段``, ``单位信息!B2 机关名称``."""
    prefix = "上一年度 " if ref.get("previous") else ""
    addr = ""
    if ref.get("sheet") and ref.get("cell"):
        # a workbook cell (表三!J7) or a place in a published document (第 2 个表格 第 5 行 第 3 列)
        sep = " " if str(ref["cell"]).startswith("第") else "!"
        addr = f"{ref['sheet']}{sep}{ref['cell']}"
    if "table" in ref:
        label = ref.get("label") or f"{ref['table']}[{ref.get('row')}][{ref.get('column')}]"
        if addr and label.startswith(ref["sheet"] + " "):
            label = label[len(ref["sheet"]) + 1 :]
        return prefix + " ".join(x for x in (addr, label) if x)
    if "section" in ref:
        n = ref.get("paragraph") or 0
        where = f"第 {n} 段" if n else "整个部分"
        return prefix + " ".join(x for x in (addr, where) if x)
    if "field" in ref:
        return prefix + " ".join(x for x in (addr, _FIELD_NAMES.get(ref["field"], ref["field"])) if x)
    return prefix + addr


def summary(result: CheckResult, path: str | None = None) -> str:
    r = result.report
    who = r.org or "（未填机关名称）"
    year = f"{r.year} 年度" if r.year is not None else "（年度未知）"
    return (
        f"{path or r.path or ''}：{who} {year}，{r.format.id} 版格式 —— "
        f"错误 {result.errors}，警告 {result.warnings}，提示 {result.infos}"
    )


def decisions_note(result: CheckResult) -> str:
    """What the reviewer's decisions did, for the summary line: ``；已确认 2；1 条审核记录已失效…``
    ("" when no decisions file applied)."""
    if result.decisions_path is None:
        return ""
    n = len(result.accepted_findings)
    note = f"；已确认 {n}" if n else ""
    if result.stale:
        note += f"；{len(result.stale)} 条审核记录已失效（数值有变化，见 disclosure decisions --stale）"
    return note


def accepted_rows(result: CheckResult) -> list[tuple[str, str, str, str, str, str | None, str | None]]:
    """The accepted findings as (level, code, where, message, reason, by, at): small, picklable
    (``build`` sends them back from its workers) and what ``cli._output.print_accepted`` shows."""
    fmt = result.report.format
    return [
        (
            f.level, f.code, location(fmt, f.refs[0]) if f.refs else "", f.message,
            f.accepted["reason"], f.accepted.get("by"), f.accepted.get("at"),
        )
        for f in result.accepted_findings
    ]


def grouped(result: CheckResult) -> list[tuple[str, list[Finding]]]:
    out: dict[str, list[Finding]] = {}
    for f in result.findings:
        out.setdefault(group_of(result.report.format, f), []).append(f)
    return list(out.items())


def level_name(level: str) -> str:
    return LEVEL_NAMES.get(level, level)
