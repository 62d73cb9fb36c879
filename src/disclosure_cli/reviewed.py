"""The copy of a published report that a reviewer reviewed, and what changed in it since.

When the input is a published page or document (``importers``: .html/.htm/.docx/.pdf/.doc/.wps),
``disclosure accept`` records, next to the decisions, *which copy* was reviewed: its SHA-256 and
a compact snapshot of what it said — every cell of the tables as read (one line per row), the
fields (发布日期…), and each paragraph of the text as a short hash and its first characters::

    "reviewed": [
      {"org": "某某街道", "year": 2020, "file": "报告.html", "sha256": "…",
       "importer": "disclosure-import 1 (html)", "format": "2019", "by": "张三", "at": "…",
       "fields": {"published": "2025-01-20"},
       "tables": {"t3": {"1 新收": [3, 0, 0, 0, 0, 0, 3], …}, …},
       "sections": {"1": ["3f2a9c1d 2020年，珠街街道紧紧围绕建设服务型政府…", …], …}}
    ]

A person reads the record and its diffs (a changed cell is one changed line). ``changes(old,
new)`` compares two snapshots and says what changed, in the words a reviewer uses:
``表三 予以公开·总计：12 → 13``, ``一、总体情况 第 2 段 有改动``. ``check`` and ``build`` use it
(``decisions.apply``): a later copy whose bytes differ from the reviewed one gives
``published-changed`` (what changed) or, when the cells, fields and paragraphs are all the same,
``published-reformatted`` (only the page's markup changed).

Workbooks and JSON data files are not published copies: they never get such a record and never
such a finding."""

from __future__ import annotations

import hashlib
from difflib import SequenceMatcher
from typing import Any

from . import formats as F

PREFIX = 20  # characters of a paragraph kept in the snapshot (with its hash)
MAX_LISTED = 12  # changes named in a message; the rest counted


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def _row_key(fmt: F.Format, table_id: str, row_id: str) -> str:
    from .checks import labels as L

    try:
        return f"{row_id} {L.row_short(fmt, table_id, row_id)}"
    except KeyError:
        return row_id


def _para(text: str) -> str:
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:8]
    return f"{digest} {text.strip()[:PREFIX]}"


def snapshot(report) -> dict:
    """What the reviewed copy said: ``format``, ``fields``, ``tables`` (per table, per row the
    values of its cells in the format's order, as read) and ``sections`` (per section, each
    paragraph as ``hash8 first characters``)."""
    fmt = report.format
    tables: dict[str, dict[str, list]] = {}
    for table in fmt.tables:
        rows: dict[str, list] = {}
        for key in table.cells():
            cell = report.cells.get(key)
            rows.setdefault(_row_key(fmt, table.id, key.row), []).append(_plain(cell.raw) if cell else None)
        tables[table.id] = rows
    sections = {s.id: [_para(p.text) for p in report.sections.get(s.id, [])] for s in fmt.sections}
    fields = {k: _plain(v) for k, v in sorted(report.meta.items()) if k != "intro" and v not in (None, "")}
    if report.meta.get("intro"):
        fields["intro"] = _para(report.meta["intro"])
    return {"format": fmt.id, "fields": fields, "tables": tables, "sections": sections}


def record(report, *, by: str, at: str) -> dict:
    """The reviewed record of ``report`` (a published copy: ``report.imported`` is set)."""
    imported = report.imported or {}
    return {
        "org": report.org or "",
        "year": report.year,
        "file": imported.get("file"),
        "sha256": imported.get("sha256"),
        "importer": imported.get("importer"),
        "by": by,
        "at": at,
        **snapshot(report),
    }


# --- comparing --------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "空白"
    return str(value)


def changes(old: dict, report) -> tuple[list[str], list[dict]]:
    """What changed between the reviewed snapshot ``old`` and ``report``: sentences for people
    (in the order of the report) and refs (cells and paragraphs of ``report``, for the finding).
    Empty when the two say the same (only the markup of the page changed)."""
    from .checks import labels as L

    fmt = report.format
    new = snapshot(report)
    if old.get("format") != new["format"]:
        return [f"格式版本不同（审核时为 {old.get('format')} 版，现在为 {new['format']} 版）"], []
    said: list[str] = []
    refs: list[dict] = []
    names = {"published": "发布日期", "signed": "落款日期", "title": "报告标题", "intro": "报告开头段落"}
    old_fields, new_fields = old.get("fields") or {}, new["fields"]
    for k in sorted(set(old_fields) | set(new_fields)):
        a, b = old_fields.get(k), new_fields.get(k)
        if a != b:
            name = names.get(k, k)
            said.append(f"{name} 有改动" if k == "intro" else f"{name}：{_shown(a)} → {_shown(b)}")
            refs.append({"field": f"meta.{k}", "value": b})
    for table in fmt.tables:
        old_rows = {k.split(" ", 1)[0]: v for k, v in ((old.get("tables") or {}).get(table.id) or {}).items()}
        keys_by_row: dict[str, list[F.CellKey]] = {}
        for key in table.cells():
            keys_by_row.setdefault(key.row, []).append(key)
        for row, keys in keys_by_row.items():
            before = old_rows.get(row) or []
            for i, key in enumerate(keys):
                a = before[i] if i < len(before) else None
                cell = report.cells.get(key)
                b = _plain(cell.raw) if cell else None
                if a != b and not (a in (None, "") and b in (None, "")):
                    said.append(f"{table.sheet} {L.cell_short(fmt, key)}：{_shown(a)} → {_shown(b)}")
                    ref = {"table": key.table, "row": key.row, "column": key.column, "value": b}
                    if cell is not None and cell.source.sheet:
                        ref["sheet"], ref["cell"] = cell.source.sheet, cell.source.cell
                    refs.append(ref)
    old_sections = old.get("sections") or {}
    for s in fmt.sections:
        a = list(old_sections.get(s.id) or [])
        paras = report.sections.get(s.id, [])
        b = new["sections"][s.id]
        heading = L.section_name(fmt, s.id)
        ops = SequenceMatcher(None, [x.split(" ", 1)[0] for x in a], [x.split(" ", 1)[0] for x in b], autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                continue
            if tag == "delete":
                gone = f"第 {i1 + 1} 段" if i2 - i1 == 1 else f"第 {i1 + 1}–{i2} 段"
                said.append(f"{heading} 删去了原{gone}（“{a[i1].split(' ', 1)[-1]}…”）")
                refs.append({"section": s.id, "paragraph": 0, "quote": f"删去：{a[i1].split(' ', 1)[-1]}"})
                continue
            for j in range(j1, j2):
                what = "有改动" if tag == "replace" and j - j1 < i2 - i1 else "是新增的"
                said.append(f"{heading} 第 {j + 1} 段 {what}（“{b[j].split(' ', 1)[-1]}…”）")
                ref = {"section": s.id, "paragraph": j + 1, "quote": paras[j].text}
                if paras[j].source.sheet:
                    ref["sheet"], ref["cell"] = paras[j].source.sheet, paras[j].source.cell
                refs.append(ref)
            if tag == "replace" and i2 - i1 > j2 - j1:
                said.append(f"{heading} 删去了原第 {i1 + j2 - j1 + 1} 段等 {i2 - i1 - (j2 - j1)} 段")
    return said, refs


def message(old: dict, said: list[str], importer: str | None = None) -> str:
    """The message of ``published-changed`` / ``published-reformatted``."""
    who = " ".join(str(x) for x in (old.get("by"), str(old.get("at") or "")[:10]) if x)
    sha = str(old.get("sha256") or "")[:12]
    reviewed = f"审核过的版本（{who + ' 审核，' if who else ''}SHA-256 {sha}…）"
    if not said:
        kind = "网页" if "(html)" in str(importer or "") else "文件"
        return f"文件与{reviewed}不同，但表格数据、正文段落和发布信息都与审核时相同：内容未变（仅{kind}格式变化）"
    shown = said[:MAX_LISTED]
    more = f"；等共 {len(said)} 处" if len(said) > MAX_LISTED else ""
    return (
        f"发布后内容有变化：与{reviewed}相比，" + "；".join(shown) + more
        + "。请核对改动；认可现在的版本后，用 disclosure accept 文件 --reviewed 重新记录"
    )
