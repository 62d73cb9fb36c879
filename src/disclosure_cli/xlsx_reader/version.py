"""Which official format a workbook follows: its hidden stamp, else the labels only one format
version has, else the report year."""

from __future__ import annotations

from pathlib import Path

from .. import formats as F
from .. import workbook as W
from ..errors import InputError
from .sheets import Sheets


def read_stamp(sheets: Sheets) -> dict[str, str] | None:
    """The template's hidden stamp (key in column A, value in column B), if the sheet is there."""
    s = sheets.get(W.STAMP_SHEET)
    if s is None:
        return None
    out = {}
    for (r, c), v in s.values.items():
        if c == 1:
            val = s.values.get((r, 2))
            out[str(v)] = "" if val is None else str(val)
    return out


def detect_format(sheets: Sheets, stamp: dict[str, str] | None, year: int | None, path: Path) -> tuple[F.Format, str]:
    """The format and how it was known: ``stamp``, ``labels`` or ``year``."""
    if stamp and stamp.get(W.STAMP_FORMAT) in F.FORMATS:
        return F.FORMATS[stamp[W.STAMP_FORMAT]], "stamp"
    # signs of each version: labels only one of them has
    sets = {fid: {F.normalize_label(x) for x in fmt.labels()} for fid, fmt in F.FORMATS.items()}
    every = set().union(*sets.values())
    if not any(sheets.has_label(lab) for lab in every):
        raise InputError(
            "不是政府信息公开工作年度报告的工作簿：找不到统一格式的任何表格标签"
            "（请用 disclosure new 生成模板后填写）",
            code="xlsx-unknown-template",
            path=str(path),
        )
    score = {}
    for fid, labels in sets.items():
        others = set().union(*(v for k, v in sets.items() if k != fid))
        score[fid] = sheets.count_labels(labels - others)
    best = max(score, key=lambda k: score[k])
    if score[best] > 0 and list(score.values()).count(score[best]) == 1:
        return F.FORMATS[best], "labels"
    if year is not None:
        try:
            return F.for_year(year), "year"
        except Exception:
            pass
    if sheets.empty():
        raise InputError("工作簿是空的：没有任何内容", code="xlsx-empty", path=str(path))
    raise InputError(
        "无法判断报告格式版本：工作簿中既没有模板标记，也找不到能区分 2019 版和 2021 版的表格标签，"
        "也没有报告年度",
        code="xlsx-unknown-template",
        path=str(path),
    )
