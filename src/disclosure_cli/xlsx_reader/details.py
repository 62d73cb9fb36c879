"""The unit details (单位信息): each value is the cell right of its label."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import formats as F
from .. import workbook as W
from ..values import parse_year
from ..model import KINDS, META_FIELDS, META_LABELS, ORG_LABEL, YEAR_LABEL, Source
from .problems import Problems
from .sheets import Sheets, text_value


@dataclass
class Details:
    """What the 单位信息 sheet says: 机关名称, 年度, the other fields, and where each came from."""

    org: str = ""
    year: int | None = None
    raw_year: object = None  # what was typed, when it is not a year
    meta: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)


def read_details(sheets: Sheets, problems: Problems) -> Details:
    d = Details()
    known = {"org": ORG_LABEL, "year": YEAR_LABEL, **{k: META_LABELS[k] for k in META_FIELDS}}
    label_rows: set[tuple[str, int]] = set()
    for key, label in known.items():
        hit = sheets.find_label(label, W.META_SHEET)
        if hit is None:
            continue
        s, r, c = hit
        label_rows.add((s.title, r))
        raw = s.text_cell((r, c + 1), problems, label.split("（")[0])
        d.sources[key if key in ("org", "year") else f"meta.{key}"] = s.source(r, c + 1)
        if key == "org":
            d.org = "" if raw is None else str(raw).strip()
        elif key == "year":
            d.year = parse_year(raw)
            d.raw_year = raw if d.year is None else None
        else:
            d.meta[key] = text_value(raw)
    if "kind" in d.meta:
        names = {F.normalize_label(v): k for k, v in KINDS.items()}
        d.meta["kind"] = names.get(F.normalize_label(d.meta["kind"]), d.meta["kind"])
    # extra fields written by `new --data` (label = key) in the unit details sheet
    s = sheets.get(W.META_SHEET)
    if s is not None:
        skip = {F.normalize_label(x) for x in W.META_HEADERS + ("格式版本",)}
        for (r, c), v in sorted(s.values.items()):
            if c != 1 or (s.title, r) in label_rows or not isinstance(v, str):
                continue
            if F.normalize_label(v) in skip:
                continue
            d.meta[v.strip()] = text_value(s.text_cell((r, 2), problems, v.strip()))
            d.sources[f"meta.{v.strip()}"] = s.source(r, 2)
    return d
