"""The narrative (正文): the six sections, found by their headings in the 部分 column; every
line of the 小标题 and 正文 columns below a heading is a paragraph of that section."""

from __future__ import annotations


from .. import formats as F
from .. import workbook as W
from ..model import Paragraph
from .problems import Problems
from .sheets import Sheet, Sheets, text_value

FUZZY = 0.6  # similarity above which an unknown label is taken as an altered official label


def read_sections(sheets: Sheets, fmt: F.Format, problems: Problems) -> dict[str, list[Paragraph]]:
    out: dict[str, list[Paragraph]] = {s.id: [] for s in fmt.sections}
    sheet, header = _text_sheet(sheets)
    if sheet is None:
        for s in fmt.sections:
            problems.add("section-missing", f"找不到正文部分“{s.heading}”", label=s.heading)
        return out
    hr, hc = header
    headings = {F.normalize_label(s.heading): s.id for s in fmt.sections}
    short = {F.normalize_label(s.heading.split("、", 1)[1]): s.id for s in fmt.sections}
    seen: list[str] = []
    current: str | None = None
    # only the rows with a cell in the three columns (an empty row changes nothing): a sheet
    # with one far cell (row 1048576) is not walked row by row
    cols = (hc, hc + 1, hc + 2)
    rows = sorted({r for r, c in (*sheet.values, *sheet.formulas) if r > hr and c in cols})
    for r in rows:
        a = sheet.text_cell((r, hc), problems, "正文的部分标题")
        if a is not None and str(a).strip():
            norm = F.normalize_label(a)
            sid = headings.get(norm) or short.get(norm)
            if sid is None:  # an altered heading (difflib only then: start-up time)
                import difflib

                match = difflib.get_close_matches(norm, list(headings), n=1, cutoff=FUZZY)
                if match:
                    sid = headings[match[0]]
                    official = fmt.sections[int(sid) - 1].heading
                    problems.add(
                        "label-altered",
                        f"正文部分标题“{a}”与统一格式“{official}”不一致",
                        label=official, found=str(a), source=sheet.source(r, hc),
                    )
                else:
                    problems.add(
                        "structure-other", f"正文中有无法识别的部分标题“{a}”",
                        found=str(a), source=sheet.source(r, hc),
                    )
                    current = None
                    continue
            current = sid
            if sid not in seen:
                seen.append(sid)
        if current is None:
            continue
        for col in (hc + 1, hc + 2):
            raw = sheet.text_cell((r, col), problems, _section_name(fmt, current))
            if raw is None:
                continue
            for line in text_value(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                if line.strip():
                    out[current].append(Paragraph(line.strip(), sheet.source(r, col)))
    section_problems(fmt, seen, problems)
    return out


def section_problems(fmt, seen: list[str], problems) -> None:
    """Sections of the format the text lacks, and sections out of order (``seen``: the section
    ids in the order the text has them). Shared by the workbook reader and the importers."""
    for s in fmt.sections:
        if s.id not in seen:
            problems.add("section-missing", f"正文中缺少部分“{s.heading}”", label=s.heading)
    if seen != sorted(seen, key=int):
        problems.add(
            "section-order",
            "正文各部分的顺序与统一格式不一致：" + "、".join(fmt.sections[int(i) - 1].heading for i in seen),
        )


def _section_name(fmt: F.Format, sid: str) -> str:
    return f"正文“{fmt.sections[int(sid) - 1].heading}”"


def _text_sheet(sheets: Sheets) -> tuple[Sheet, tuple[int, int]] | tuple[None, None]:
    """The sheet and position of the 部分 header whose row also has the 正文 header."""
    body = F.normalize_label(W.TEXT_HEADERS[2])[:2]
    for s in sheets.ordered(W.TEXT_SHEET):
        for pos in s.find(W.TEXT_HEADERS[0]):
            r, c = pos
            right = s.text((r, c + 2))
            if right and F.normalize_label(right).startswith(body):
                return s, pos
    return None, None
