"""The standard sentences about applications, written from a report's own tables.

``application_sentences(report, scope)`` gives the sentences of 一、总体情况 (and 三) that
repeat 表三's figures ("全区各级行政机关共新收政府信息公开申请X件，上年结转Y件；办结Z件，其中予以
公开A件……；结转下年度继续办理W件。"): text written from the data cannot disagree with the
tables. ``rollup`` writes them into the roll-up's 正文, ``new --data`` can pre-write them, and
``is_generated(report, text)`` tells a checker that a paragraph is exactly what this generator
writes for the report's data (so its numbers agree with the tables by construction).

Every row and column is named by its role (``formats.Role``); nothing is typed again."""

from __future__ import annotations

import re

from . import formats as F
from .model import Report

R = F.Role
GENERATED_NOTE = "此段由 disclosure 根据表三数据自动生成，数字与表格一致；改动表格后请重新生成，不要手工修改数字。"
_SCOPE_MAX = 30


def _count(report: Report, row_role: F.Role, column_role: F.Role = R.TOTAL) -> int | float | None:
    fmt = report.format
    if not fmt.has(row_role, column_role):
        return None
    total = 0
    for key in fmt.leaf_keys(row_role, column_role) if fmt.row_of(row_role).group else (fmt.key(row_role, column_role),):
        v = report.computed(key, text=None)
        if v is None:
            return None
        total += v
    return total


def _n(v: int | float) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _application_body(report: Report) -> str | None:
    """The sentence after its scope (``共新收…``), or None when a figure is unknown (a cell of
    表三 holds text)."""
    fmt = report.format
    new, carried, done, forward = (
        _count(report, role) for role in (R.NEW, R.CARRIED_OVER, R.RESULTS_TOTAL, R.CARRIED_FORWARD)
    )
    parts = []
    for row in fmt.categories:
        v = _count(report, row.role)
        if v is None:
            return None
        parts.append(f"{row.short or row.label}{_n(v)}件")
    if None in (new, carried, done, forward):
        return None
    return (
        f"共新收政府信息公开申请{_n(new)}件，上年结转{_n(carried)}件；"
        f"办结{_n(done)}件，其中{'、'.join(parts)}；"
        f"结转下年度继续办理{_n(forward)}件。"
    )


def _applicant_body(report: Report) -> str | None:
    fmt = report.format
    natural = _count(report, R.NEW, R.NATURAL_PERSON)
    legal = [_count(report, R.NEW, role) for role in F.LEGAL_PERSON if fmt.has(R.NEW, role)]
    if natural is None or any(v is None for v in legal):
        return None
    return f"本年新收申请中，自然人提出{_n(natural)}件，法人或其他组织提出{_n(sum(legal))}件。"


def application_sentences(report: Report, scope: str = "本机关") -> list[str]:
    """The generated paragraphs (empty when a figure of 表三 is not a number)."""
    body = _application_body(report)
    if body is None:
        return []
    out = [f"{scope}{body}"]
    applicants = _applicant_body(report)
    if applicants is not None:
        out.append(applicants)
    return out


def scope_of(org: str) -> str:
    """How a roll-up names its area: 某某市某某区人民政府 → 全区各级行政机关."""
    name = re.sub(r"(人民政府|政府|办公室|办公厅)+$", "", org or "")
    for suffix in ("自治州", "自治县", "街道", "区", "县", "市", "州", "盟", "旗", "镇", "乡", "省"):
        if name.endswith(suffix):
            return f"全{suffix}各级行政机关"
    return "各单位"


def is_generated(report: Report, text: str) -> bool:
    """Whether ``text`` is exactly a sentence this generator writes for ``report``'s data
    (with any short scope before ``共新收``)."""
    text = text.strip()
    body = _application_body(report)
    if body is not None and text.endswith(body):
        scope = text[: -len(body)]
        if len(scope) <= _SCOPE_MAX and not re.search(r"[，。；,;]", scope):
            return True
    applicants = _applicant_body(report)
    return applicants is not None and text == applicants


def prefill(report: Report, scope: str = "本机关") -> bool:
    """Add the generated sentences to ``report`` (for ``new --data``): the application sentence
    at the end of 一、总体情况, the applicants sentence in the section of 表三 — each only where no
    paragraph already is a generated one (idempotent). Returns whether anything was added."""
    from .model import Paragraph

    fmt = report.format
    made = application_sentences(report, scope)
    if not made:
        return False
    t3_section = next(s.id for s in fmt.sections if s.table == fmt.table_of(R.NEW).id)
    added = False
    for section, text in zip((fmt.sections[0].id, t3_section), made):
        paras = report.sections.setdefault(section, [])
        if not any(is_generated(report, p.text) for p in paras):
            paras.append(Paragraph(text))
            added = True
    return added
