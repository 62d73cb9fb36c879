"""``disclosure new``: the Excel workbook a clerk fills in (blank, or pre-filled from data).

Every table is drawn from ``tablegrid.grid`` (itself derived from ``formats``); totals are live
formulas built from the format's relations; input cells are unlocked, coloured and validated.
"""

from __future__ import annotations

import re
from copy import copy
from pathlib import Path

from . import __version__
from . import formats as F
from . import tablegrid as L
from . import values as V
from . import workbook as W
from .errors import InputError
from .model import KINDS, META_FIELDS, META_LABELS, ORG_LABEL, YEAR_LABEL, Report, heading_level
from .outputs import write_with

INPUT_FILL = "FFF2CC"  # light yellow: type here
TOTAL_FILL = "E7E6E6"  # grey: computed
HEADER_FILL = "DDEBF7"  # light blue: official labels
FONT = "宋体"

_KIND_NAMES = list(KINDS.values())


def blank_report(fmt: F.Format, org: str = "", year: int | None = None) -> Report:
    from .model import Cell, Source

    r = Report(format=fmt, org=org, year=year)
    for s in fmt.sections:
        r.sections[s.id] = []
    for key in fmt.cells():
        r.cells[key] = Cell.read(key, None, Source())
    return r


def write_workbook(report: Report, path: Path, *, prefilled: bool = True, force: bool = False) -> None:
    """Write the template for ``report`` to ``path`` atomically.

    With ``prefilled`` the report's values are written; a total is written as a live formula
    when its value is what the formula would show, and as typed otherwise (so that a
    published report with a wrong or blank total is kept as published).

    A report holding values the format has no place for (a row of the other format version, an
    unknown table, row, column or section) is refused: the template would silently lose them."""
    if prefilled:
        refuse_dropped(report)
        refuse_unwritable(report)
    wb = build_workbook(report, prefilled=prefilled)
    write_with(Path(path), lambda tmp: save(wb, tmp), force=force)


def refuse_dropped(report: Report) -> None:
    """``InputError`` (exit 2) naming every value of ``report`` that has no place in its format."""
    names = []
    for p in report.problems:
        if p.code == "format-mixed-version" and (p.found or "").replace("、", "").strip():
            # a single row of the 2019 format (e.g. （六）其他处理) where the format has sub-rows
            names.append(f"{p.table}[{p.row}]“{p.label}”（{p.source}：{p.found.rstrip('、')}）")
        elif p.code != "unknown-cell":
            continue
        elif p.source is not None and p.source.path:  # a JSON path names the value exactly
            names.append(p.source.path)
        else:
            where = f"{p.table}[{p.row}][{p.column}]" if p.table else p.message
            names.append(where + (f"（{p.source}）" if p.source is not None and str(p.source) else ""))
    if not names:
        return
    shown = "、".join(names[:10]) + (f" 等 {len(names)} 处" if len(names) > 10 else "")
    raise InputError(
        f"数据中有 {report.format.id} 版格式没有位置的内容，写入模板会丢失：{shown}。"
        "请删除这些内容，或改用与数据相符的格式版本（--format）",
        code="data-unknown-cells",
        path=report.path,
    )


def refuse_unwritable(report: Report) -> None:
    """``InputError`` (exit 2) naming every text holding a character Excel cannot save."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from .model import texts

    named = [(t.label, t.text, t.source) for t in texts(report)]
    # an item of 单位信息 the form does not have: its name is written too
    named += [("单位信息的项目名称", str(key), report.sources.get(f"meta.{key}")) for key in report.meta]
    bad = []
    for label, text, source in named:
        found = dict.fromkeys(f"U+{ord(ch):04X}" for ch in ILLEGAL_CHARACTERS_RE.findall(text))
        if found:
            where = f"（{source}）" if source and str(source) else ""
            bad.append(f"{label}{where} {'、'.join(found)}")
    if bad:
        shown = "；".join(bad[:10]) + (f" 等 {len(bad)} 处" if len(bad) > 10 else "")
        raise InputError(
            f"文字中含有 Excel 不能保存的控制字符：{shown}。请先删除这些字符",
            code="data-illegal-character",
            path=report.path,
        )


def build_workbook(report: Report, *, prefilled: bool = True):
    from openpyxl import Workbook

    fmt = report.format
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = f"disclosure {__version__}"
    wb.properties.title = report.title
    _guide(wb.create_sheet(W.GUIDE_SHEET), fmt)
    _meta(wb.create_sheet(W.META_SHEET), report)
    _text(wb.create_sheet(W.TEXT_SHEET), report)
    for table in fmt.tables:
        _table(wb.create_sheet(table.sheet), report, table, prefilled)
    _stamp(wb.create_sheet(W.STAMP_SHEET), fmt)
    wb.active = 1
    return wb


# ---------------------------------------------------------------------------------------------
# styles
# ---------------------------------------------------------------------------------------------


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="808080")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "input": PatternFill("solid", fgColor=INPUT_FILL),
        "total": PatternFill("solid", fgColor=TOTAL_FILL),
        "header": PatternFill("solid", fgColor=HEADER_FILL),
        "font": Font(name=FONT, size=11),
        "bold": Font(name=FONT, size=11, bold=True),
        "title": Font(name=FONT, size=14, bold=True),
        "note": Font(name=FONT, size=10, color="595959"),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "top": Alignment(horizontal="left", vertical="top", wrap_text=True),
        "unlocked": Protection(locked=False),
    }


class _StyleCache:
    """Style table cells by name, each combination resolved once.

    Assigning a font, fill, border... makes openpyxl hash the style object and look it up in
    the workbook's style lists, which is most of the cost of writing a template; a cell styled
    like an earlier one takes a copy of that cell's style array instead (the way openpyxl copies
    styles itself). Every cell gets the thin border."""

    def __init__(self, st: dict):
        self.st = st
        self.done: dict[tuple, object] = {}

    def __call__(self, cell, font, fill, alignment, protection, number_format) -> None:
        combo = (font, fill, alignment, protection, number_format)
        known = self.done.get(combo)
        if known is not None:
            cell._style = copy(known)
            return
        cell.border = self.st["border"]
        for attr, name in (("font", font), ("fill", fill), ("alignment", alignment), ("protection", protection)):
            if name is not None:
                setattr(cell, attr, self.st[name])
        if number_format is not None:
            cell.number_format = number_format
        self.done[combo] = copy(cell._style)


def _print_setup(ws, landscape: bool, title_rows: str | None = None) -> None:
    """Print on A4, as wide as one page (as many pages down as needed), the used cells only,
    with ``title_rows`` (``"1:1"``) repeated on every page. Call it after the sheet is filled."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    if title_rows:
        ws.print_title_rows = title_rows


def _protect(ws) -> None:
    """Protect labels against accidental edits: no password; inputs are unlocked; the clerk
    may still resize and format rows and columns."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False
    p.formatRows = False
    p.formatCells = False
    p.insertRows = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def _set_text(cell, value) -> None:
    """Write a value exactly as typed: a string stays a string even when it looks like a
    formula or a number."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if ILLEGAL_CHARACTERS_RE.search(value):
            raise InputError(
                f"文字中含有 Excel 不能保存的控制字符：{value[:30]!r}", code="data-illegal-character"
            )
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value


def _row_height(text: str, width_chars: float) -> float:
    lines = 0
    for part in (text or "").split("\n"):
        units = round(2 * V.display_width(part))  # column widths count Latin characters
        lines += max(1, -(-units // int(width_chars)))
    return min(409.0, max(20.0, 16.0 * lines))


def _fit(width: float) -> float:
    """How much of a column of ``width`` a wrapped line fills: LibreOffice and Excel break lines
    early (cell margins, a Chinese font wider than the width unit), so count 80 % of it — a row a
    little too tall prints, one too short cuts the text off."""
    return max(4.0, width * 0.8 - 1)


# ---------------------------------------------------------------------------------------------
# sheets
# ---------------------------------------------------------------------------------------------


def _guide(ws, fmt: F.Format) -> None:
    st = _styles()
    width = 70  # characters of Latin text: one A4 page wide, upright, without scaling
    ws.column_dimensions["A"].width = width
    lines = [
        (f"政府信息公开工作年度报告填报模板（{fmt.document}《{fmt.title}》）", "title"),
        ("", None),
        ("怎样填写", "bold"),
        (f"1.“{W.META_SHEET}”：填写{ORG_LABEL}、{YEAR_LABEL}和联系方式等；单位类型决定发布截止日期（《条例》第四十九条）。", None),
        (f"2.“{W.TEXT_SHEET}”：按部分填写正文。每一部分可占多行：“小标题”列填（一）（二）等小标题，“正文”列填该小标题下的段落；一个单元格里可以写几段，段与段之间按 Alt+Enter 换行，也可以一段占一行（“部分”和“小标题”留空即接上一行）。", None),
    ]
    n = 3
    for table in fmt.tables:
        lines.append((f"{n}.“{table.sheet}”：{table.title}。", None))
        n += 1
    lines += [
        ("", None),
        ("颜色", "bold"),
        ("黄色单元格：请填写。灰色单元格：自动合计（公式），不要改动。蓝色单元格：国家统一格式的表头，已锁定（工作表保护没有密码）。", None),
        ("", None),
        ("数字怎样填", "bold"),
        ("• 件数填不小于 0 的整数；“本年收费金额（单位：万元）”等金额可以有小数。", None),
        ("• 没有发生的，请填 0，不要留空：空白不等于 0，校验时会逐个提示。", None),
        ("• 不要在数字单元格里写文字说明（例如“22（其中修订16件）”），说明请写进正文。", None),
        (_arithmetic_note(fmt), None),
        ("", None),
        ("填好以后", "bold"),
        ("在命令行运行：disclosure check 本文件.xlsx（校验）；disclosure build 本文件.xlsx（生成 Word 和网页）。", None),
        ("不要改动表格的标签、不要删除或合并行列；可以插入空行或调整列宽，程序按标签查找表格。", None),
    ]
    for i, (text, style) in enumerate(lines, start=1):
        c = ws.cell(row=i, column=1, value=text)
        c.font = st[style] if style else st["font"]
        c.alignment = st["left"]
        # wrapped lines need their height (Excel does not grow a row for wrapped text it did
        # not lay out itself, and LibreOffice prints the lines over each other)
        ws.row_dimensions[i].height = _row_height(text, _fit(width)) + (6 if style == "title" else 0)
    _print_setup(ws, landscape=False)
    _protect(ws)


def _arithmetic_note(fmt: F.Format) -> str:
    """The relations of the format, in the words of its own labels."""
    t3, t4 = fmt.table("t3"), fmt.table("t4")
    (b3,) = t3.blocks
    total_row = next(r for r in b3.rows if r.total)
    total_col = next(c for c in b3.columns if c.total)
    t4_total = next(c for c in t4.blocks[0].columns if c.total)
    corner = (t3.corner or "").strip("（）").replace("本列数据的勾稽关系为：", "")
    return (
        f"• 勾稽关系：{t3.sheet}每一列“{corner}”；“{total_row.label}”等于各项办理结果之和；"
        f"“{total_col.label}”列等于各类申请人之和；{t4.sheet}每组“{t4_total.label}”等于其余四项之和。"
    )


def _meta(ws, report: Report) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 50
    for col, text in enumerate(W.META_HEADERS, start=1):
        c = ws.cell(row=1, column=col, value=text)
        c.font, c.fill, c.alignment, c.border = st["bold"], st["header"], st["center"], st["border"]
    fmt = report.format
    rows: list[tuple[str, object, str]] = [
        (ORG_LABEL, report.org, "填写全称，例如“某某市某某区某某街道办事处”"),
        (YEAR_LABEL, report.year if report.year is not None else report.raw_year, "报告所统计的年度，例如 2024"),
    ]
    extra = [k for k in report.meta if k not in META_FIELDS]
    for key in META_FIELDS + tuple(extra):
        value = report.meta.get(key, "")
        if key == "kind":
            value = KINDS.get(value, value)
        hint = {
            "published": "格式：2025-01-20",
            "kind": "从下拉列表选择：" + "、".join(_KIND_NAMES),
            "deadline": "当地通知规定的日期，格式：2025-01-15",
        }.get(key, "")
        rows.append((META_LABELS.get(key, key), value, hint))
    dv_year = DataValidation(
        type="whole", operator="between", formula1="2019", formula2="2100", allow_blank=True,
        showErrorMessage=True, errorTitle="报告年度", error="请填写四位数的年份，例如 2024",
    )
    dv_kind = DataValidation(
        type="list", formula1='"' + ",".join(_KIND_NAMES) + '"', allow_blank=True,
        showErrorMessage=True, errorStyle="warning", errorTitle="单位类型", error="请从下拉列表中选择",
    )
    ws.add_data_validation(dv_year)
    ws.add_data_validation(dv_kind)
    for i, (label, value, hint) in enumerate(rows, start=2):
        a = ws.cell(row=i, column=1, value=label)
        a.font, a.fill, a.alignment, a.border = st["bold"], st["header"], st["left"], st["border"]
        b = ws.cell(row=i, column=2)
        _set_text(b, value if value not in (None,) else None)
        if b.value == "":
            b.value = None
        b.font, b.fill, b.alignment, b.border, b.protection = (
            st["font"], st["input"], st["top"], st["border"], st["unlocked"],
        )
        if label != YEAR_LABEL:
            b.number_format = "@"
        else:
            dv_year.add(b)
        if label == META_LABELS["kind"]:
            dv_kind.add(b)
        if isinstance(b.value, str) and len(b.value) > 40:
            ws.row_dimensions[i].height = _row_height(b.value, 58)
        c = ws.cell(row=i, column=3, value=hint or None)
        c.font, c.alignment = st["note"], st["left"]
        if hint:
            dim = ws.row_dimensions[i]
            dim.height = max(dim.height or 0, _row_height(hint, _fit(50)))
    info = len(rows) + 3
    ws.cell(row=info, column=1, value="格式版本").font = st["bold"]
    ws.cell(row=info, column=2, value=f"{fmt.document}《{fmt.title}》").font = st["note"]
    _print_setup(ws, landscape=True, title_rows="1:1")
    _protect(ws)


def _narrative_rows(paragraphs: list[str]) -> list[tuple[str | None, str]]:
    """Group a section's paragraphs into (sub-heading, body) rows."""
    rows: list[tuple[str | None, list[str]]] = []
    for text in paragraphs:
        if heading_level(text) > 0:
            rows.append((text, []))
        else:
            if not rows:
                rows.append((None, []))
            rows[-1][1].append(text)
    out: list[tuple[str | None, str]] = []
    for heading, body in rows:
        chunk: list[str] = []
        size = 0
        first = True
        for para in body:
            if chunk and size + len(para) + 1 > W.CELL_TEXT_LIMIT:
                out.append((heading if first else None, "\n".join(chunk)))
                first, chunk, size = False, [], 0
            chunk.append(para)
            size += len(para) + 1
        out.append((heading if first else None, "\n".join(chunk)))
    return out or [(None, "")]


def _text(ws, report: Report) -> None:
    st = _styles()
    widths = (26, 30, 100)
    for col, (text, width) in enumerate(zip(W.TEXT_HEADERS, widths), start=1):
        c = ws.cell(row=1, column=col, value=text)
        c.font, c.fill, c.alignment, c.border = st["bold"], st["header"], st["center"], st["border"]
        ws.column_dimensions[c.column_letter].width = width
    ws.freeze_panes = "A2"
    r = 2
    blank = not any(report.sections.get(s.id) for s in report.format.sections)
    for section in report.format.sections:
        paras = [p.text for p in report.sections.get(section.id, [])]
        rows = _narrative_rows(paras)
        spare = (4 if section.table is None else 1) if blank else 0
        rows += [(None, "")] * spare
        for i, (heading, body) in enumerate(rows):
            a = ws.cell(row=r, column=1, value=section.heading if i == 0 else None)
            a.font, a.fill, a.alignment, a.border = st["bold"], st["header"], st["top"], st["border"]
            b = ws.cell(row=r, column=2)
            _set_text(b, heading)
            c = ws.cell(row=r, column=3)
            _set_text(c, body or None)
            for cell in (b, c):
                cell.font, cell.fill, cell.alignment, cell.border, cell.protection = (
                    st["font"], st["input"], st["top"], st["border"], st["unlocked"],
                )
                cell.number_format = "@"
            ws.row_dimensions[r].height = max(_row_height(body, _fit(100)) if body else 30, _row_height(heading or "", _fit(30)))
            r += 1
    _print_setup(ws, landscape=True, title_rows="1:1")
    _protect(ws)


def _sum_formula(cells: list[str]) -> str:
    return "SUM(" + ",".join(cells) + ")"


def _excel_sum(report: Report, parts: tuple[F.CellKey, ...]) -> int | float | None:
    """What a SUM formula over ``parts`` shows, or None when a part is not a plain number."""
    total: int | float = 0
    for key in parts:
        raw = report.cells[key].raw if key in report.cells else None
        if raw is None:
            continue
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            return None
        total += raw
    return total


def _table(ws, report: Report, table: F.Table, prefilled: bool) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    fmt = report.format
    g = L.grid(table)
    top = W.TABLE_TOP
    ws.cell(row=1, column=1, value=table.title).font = st["title"]
    has_totals = any(fmt.is_total(k) for k in table.cells())
    ws.cell(
        row=2, column=1,
        value="黄色单元格填写数字（没有的填 0）" + ("；灰色为自动合计，不要改动。" if has_totals else "。"),
    ).font = st["note"]
    addr: dict[F.CellKey, str] = {}
    for gc in g.cells:
        if gc.key is not None:
            addr[gc.key] = f"{get_column_letter(gc.col + 1)}{top + gc.row}"
    validations = {
        F.COUNT: DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle="请填写件数", error="请填写不小于 0 的整数；没有的填 0。",
        ),
        F.DECIMAL: DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle="请填写金额", error="请填写不小于 0 的数，可以有小数。",
        ),
        F.SIGNED: DataValidation(
            type="whole", operator="between", formula1="-999999999", formula2="999999999",
            allow_blank=True, showErrorMessage=True, errorTitle="请填写增减数",
            error="请填写整数，减少的填负数，例如 -2。",
        ),
    }
    for dv in validations.values():
        ws.add_data_validation(dv)
    # merge first: a range merged before its first cell has a border costs openpyxl nothing to
    # format (the borders of every cell in it are set below, as Excel draws them per cell)
    for gc in g.cells:
        if gc.rowspan > 1 or gc.colspan > 1:
            r, c = top + gc.row, gc.col + 1
            ws.merge_cells(start_row=r, start_column=c, end_row=r + gc.rowspan - 1, end_column=c + gc.colspan - 1)
    style = _StyleCache(st)
    validated: dict[str, list[str]] = {kind: [] for kind in validations}
    for gc in g.cells:
        row, col = top + gc.row, gc.col + 1
        cell = ws.cell(row=row, column=col)
        if gc.kind == L.VALUE:
            key = gc.key
            is_total = fmt.is_total(key)
            raw = report.cells[key].raw if key in report.cells else None
            rel = fmt.definitions.get(key) if is_total else None
            number_format = "General" if fmt.column(key).kind == F.DECIMAL else "0"
            if rel is not None and (
                not prefilled
                or (isinstance(raw, (int, float)) and not isinstance(raw, bool) and _excel_sum(report, rel.left) == raw)
            ):
                cell.value = "=" + _sum_formula([addr[k] for k in rel.left])
                style(cell, "font", "total", "center", None, number_format)
                if prefilled:  # what the formula shows: saved with it (``with_results``)
                    _results(ws.parent).setdefault(ws.title, {})[cell.coordinate] = raw
            else:
                if prefilled:
                    _set_text(cell, raw)
                style(cell, "font", "total" if is_total else "input", "center", "unlocked", number_format)
                if not is_total:
                    validated[fmt.column(key).kind].append(cell.coordinate)
        else:
            cell.value = gc.text
            font = "bold" if gc.kind in (L.HEADER, L.HEADING, L.CORNER) else "font"
            style(cell, font, "header", "left" if gc.kind == L.LABEL else "center", None, None)
        if gc.rowspan > 1 or gc.colspan > 1:
            for rr in range(row, row + gc.rowspan):
                for cc in range(col, col + gc.colspan):
                    if (rr, cc) != (row, col):
                        style(ws.cell(row=rr, column=cc), None, None, None, None, None)
    for kind, coords in validated.items():  # one range list each (adding cells one by one is quadratic)
        if coords:
            validations[kind].sqref = MultiCellRange(" ".join(coords))
    # column widths: label columns wide, value columns narrow
    for c in range(1, g.ncols + 1):
        letter = get_column_letter(c)
        if c <= g.label_cols:
            ws.column_dimensions[letter].width = 16 if c < g.label_cols else 40
        else:
            # 表四's 15 number columns print one landscape page wide at a readable size
            ws.column_dimensions[letter].width = (
                22 if table.shape == F.SHAPE_BLOCKS else 9 if table.shape == F.SHAPE_COLUMN_GROUPS else 12
            )
    if table.shape == F.SHAPE_BLOCKS:
        ws.column_dimensions["A"].width = 26
    for r in range(g.header_rows):
        ws.row_dimensions[top + r].height = 36
    for gc in g.cells:  # long labels wrap: give their rows the height they need
        if gc.kind == L.LABEL and gc.rowspan == 1:
            width = sum(ws.column_dimensions[get_column_letter(c + 1)].width for c in range(gc.col, gc.last_col + 1))
            need = _row_height(gc.text, _fit(width))
            dim = ws.row_dimensions[top + gc.row]
            dim.height = max(dim.height or 0, need)
    _print_setup(ws, landscape=table.shape != F.SHAPE_BLOCKS, title_rows=f"{top}:{top + g.header_rows - 1}" if g.header_rows else None)
    _protect(ws)


def _stamp(ws, fmt: F.Format) -> None:
    for i, (k, v) in enumerate(
        (
            (W.STAMP_FORMAT, fmt.id),
            (W.STAMP_TEMPLATE, W.TEMPLATE_VERSION),
            (W.STAMP_GENERATOR, f"disclosure {__version__}"),
        ),
        start=1,
    ):
        ws.cell(row=i, column=1, value=k)
        ws.cell(row=i, column=2, value=v).data_type = "s"
    ws.sheet_state = "veryHidden"
    _protect(ws)


# ---------------------------------------------------------------------------------------------
# roll-up (汇总): the extra sheets, and a byte-reproducible save
# ---------------------------------------------------------------------------------------------

ROLLUP_SOURCES_SHEET = "来源"
ROLLUP_UNITS_SHEET = "单位清单"
ROLLUP_STAMP_SHEET = "_disclosure_rollup"
ROLLUP_UNIT_HEADERS = ("单位代码", "单位名称", "报告中的机关名称", "文件", "状态", "错误", "警告", "说明")
_FIXED_TIME = "2000-01-01T00:00:00Z"


def mark_generated(wb, texts: list[str], note: str) -> None:
    """A comment on each 正文 cell holding a generated sentence (the clerk sees it was made
    from the tables)."""
    from openpyxl.comments import Comment

    if not texts:
        return
    ws = wb[W.TEXT_SHEET]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and any(t in cell.value for t in texts):
                cell.comment = Comment(note, "disclosure")


def add_rollup_sources(wb, fmt: F.Format, rows, partial: dict) -> None:
    """Sheet 来源: one row per unit summed, one column per data cell of the format, the value as
    the unit typed it; filterable by unit. Header rows: 1 table, 2 row, 3 column, 4 the units
    whose value is not a number where the sum is partial, 5 the cell key (the filter row); units
    from row 6.

    The sheet grows with the number of units, so it is not built cell by cell in openpyxl (that
    costs memory per cell): an empty sheet holds its place and ``save_reproducible`` streams
    its XML from ``rows`` (inline strings, no shared-string table needed)."""
    from openpyxl.utils import get_column_letter
    from xml.sax.saxutils import escape

    wb.create_sheet(ROLLUP_SOURCES_SHEET)
    keys = list(fmt.cells())
    fixed = ("单位代码", "单位名称", "文件", "状态")
    ncols = len(fixed) + len(keys)
    letters = [get_column_letter(i) for i in range(1, ncols + 1)]

    def cell(ref: str, v) -> str:
        if v is None or v == "":
            return ""
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(v))}</t></is></c>'
        return f'<c r="{ref}"><v>{v!r}</v></c>'

    def row(n: int, values) -> str:
        return f'<row r="{n}">' + "".join(cell(f"{letters[i]}{n}", v) for i, v in enumerate(values)) + "</row>"

    def header():
        tables, labels, columns, notes = ["表"], ["行"], ["列"], ["合计不完整（填的不是数字的单位）"]
        for key in keys:
            table = fmt.table(key.table)
            _, r, c = table.locate(key.row, key.column)
            tables.append(table.sheet)
            labels.append(r.short or r.label)
            columns.append(c.label)
            names = partial.get(key) or []
            notes.append("、".join(names[:30]) + (f" 等 {len(names)} 个" if len(names) > 30 else ""))
        pad = [None] * (len(fixed) - 1)
        return [tables[:1] + pad + tables[1:], labels[:1] + pad + labels[1:], columns[:1] + pad + columns[1:],
                notes[:1] + pad + notes[1:], list(fixed) + [str(k) for k in keys]]

    def write(fh) -> None:
        fh.write(
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheetViews><sheetView workbookViewId="0"><pane xSplit="4" ySplit="5" topLeftCell="E6" '
            b'activePane="bottomRight" state="frozen"/></sheetView></sheetViews>'
            b'<sheetFormatPr defaultRowHeight="15"/>'
            b'<cols><col min="2" max="2" width="36" customWidth="1"/><col min="3" max="3" width="30" customWidth="1"/></cols>'
            b"<sheetData>"
        )
        n = 0
        for n, values in enumerate(header(), start=1):
            fh.write(row(n, values).encode("utf-8"))
        for code, name, path, status, vals in rows:
            n += 1
            fh.write(row(n, (code or None, name, path, status, *vals)).encode("utf-8"))
        fh.write(f'</sheetData><autoFilter ref="A5:{letters[-1]}{max(n, 6)}"/></worksheet>'.encode("utf-8"))

    streamed = getattr(wb, "_disclosure_streamed", None)
    if streamed is None:
        streamed = wb._disclosure_streamed = {}
    streamed[ROLLUP_SOURCES_SHEET] = write


def add_rollup_units(wb, rows) -> None:
    """Sheet 单位清单: each unit or input with its status."""
    st = _styles()
    ws = wb.create_sheet(ROLLUP_UNITS_SHEET)
    for c, text in enumerate(ROLLUP_UNIT_HEADERS, start=1):
        cell = ws.cell(row=1, column=c, value=text)
        cell.font, cell.fill = st["bold"], st["header"]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row, start=1):
            _set_text(ws.cell(row=r, column=c), v if v != "" else None)
    ws.auto_filter.ref = f"A1:H{max(2, len(rows) + 1)}"
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGH", (12, 36, 36, 30, 18, 6, 6, 40)):
        ws.column_dimensions[letter].width = width


def add_rollup_stamp(wb, inputs: list[tuple[str, str]]) -> None:
    """Hidden sheet: every input's path and SHA-256."""
    ws = wb.create_sheet(ROLLUP_STAMP_SHEET)
    ws.cell(row=1, column=1, value="path")
    ws.cell(row=1, column=2, value="sha256")
    for r, (path, digest) in enumerate(inputs, start=2):
        _set_text(ws.cell(row=r, column=1), path)
        _set_text(ws.cell(row=r, column=2), digest)
    ws.sheet_state = "veryHidden"


# ---------------------------------------------------------------------------------------------
# the saved results of the totals' formulas
# ---------------------------------------------------------------------------------------------
#
# A spreadsheet program saves each formula with its result; openpyxl writes the formula alone
# (``<f>SUM(…)</f><v></v>``). A prefilled workbook (``new --data``, the roll-up) would then show
# empty totals in any viewer that does not calculate (a phone's preview, pandas…) and be told
# "formula-not-cached" by ``check``. The totals' results are known when they are written (a
# formula is written only where it shows the report's own value), so they are put into the
# sheets' XML as Excel would have saved them.

_EMPTY_RESULT = re.compile(rb'(<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*><f>[^<]*</f>)<v></v>')


def _results(wb) -> dict[str, dict[str, object]]:
    """Sheet title → cell → the result its formula shows (kept on the workbook while it is built)."""
    results = getattr(wb, "_disclosure_results", None)
    if results is None:
        results = wb._disclosure_results = {}
    return results


def _result_text(value) -> bytes:
    if isinstance(value, float):
        return repr(value).encode("ascii")
    return str(value).encode("ascii")  # int, Decimal


def _result_members(wb) -> dict[str, dict[str, object]]:
    """Zip member of each sheet (as openpyxl names them) → its formulas' results."""
    return {f"xl/worksheets/sheet{i + 1}.xml": _results(wb)[t] for i, t in enumerate(wb.sheetnames) if t in _results(wb)}


def with_results(wb, member: str, xml: bytes) -> bytes:
    """The sheet's XML with each formula's saved result, as a spreadsheet program saves it."""
    values = _result_members(wb).get(member)
    if not values:
        return xml

    def fill(m: re.Match) -> bytes:
        v = values.get(m.group(2).decode("ascii"))
        return m.group(0) if v is None else m.group(1) + b"<v>" + _result_text(v) + b"</v>"

    return _EMPTY_RESULT.sub(fill, xml)


def save(wb, path) -> None:
    """``wb.save(path)``, with the totals' results saved beside their formulas (``with_results``)."""
    import io
    import zipfile

    if not _results(wb):
        wb.save(path)
        return
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, with_results(wb, info.filename, src.read(info.filename)))


def save_reproducible(wb, path: Path) -> None:
    """Save so that the same workbook gives the same bytes: fixed document times, fixed zip
    entry dates, entries in the order openpyxl writes them."""
    import datetime as _dt
    import io
    import zipfile

    fixed = _dt.datetime(2000, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    streamed = {
        f"xl/worksheets/sheet{wb.sheetnames.index(name) + 1}.xml": write
        for name, write in (getattr(wb, "_disclosure_streamed", None) or {}).items()
    }
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in streamed:
                out = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                out.compress_type = zipfile.ZIP_DEFLATED
                out.external_attr = 0o600 << 16
                with dst.open(out, "w", force_zip64=True) as fh:
                    streamed[info.filename](fh)
                continue
            data = with_results(wb, info.filename, src.read(info.filename))
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    lambda m: m.group(1) + _FIXED_TIME.encode() + m.group(3),
                    data,
                )
            out = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o600 << 16
            dst.writestr(out, data)
