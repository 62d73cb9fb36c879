"""Reading a filled workbook into a ``Report``.

Tables are found by their official labels, not by coordinates: a clerk who inserted a row or
moved a table still gets a correct read, and a missing or altered label is recorded (as a
``Problem``) by name. Formula cells give their cached value when the file has one; otherwise
the total is recomputed from its parts (openpyxl never calculates).
"""

from __future__ import annotations

import datetime as _dt
import difflib
from pathlib import Path

from . import formats as F
from . import values as V
from . import workbook as W
from .errors import InputError
from .jsonform import parse_year
from .model import KINDS, META_FIELDS, META_LABELS, ORG_LABEL, YEAR_LABEL, Cell, Paragraph, Problem, Report, Source

_FUZZY = 0.6  # similarity above which an unknown label is taken as an altered official label


def _col_letter(c: int) -> str:
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


class _Sheet:
    """The non-empty cells of one worksheet, with an index of their normalised text."""

    def __init__(self, ws):
        self.title: str = ws.title
        self.values: dict[tuple[int, int], object] = {}
        self.formulas: dict[tuple[int, int], str] = {}
        self.cached: dict[tuple[int, int], object] = {}
        self.index: dict[str, list[tuple[int, int]]] = {}
        ws.reset_dimensions()  # WPS writes wrong <dimension> tags
        for row in ws.iter_rows():
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                pos = (cell.row, cell.column)
                if getattr(cell, "data_type", None) == "f" or _is_formula_object(value):
                    self.formulas[pos] = value if isinstance(value, str) else str(getattr(value, "text", value))
                    continue
                self.values[pos] = value
                if isinstance(value, str):
                    self.index.setdefault(F.normalize_label(value), []).append(pos)

    def read_cached(self, ws) -> None:
        ws.reset_dimensions()
        for row in ws.iter_rows():
            for cell in row:
                pos = (getattr(cell, "row", None), getattr(cell, "column", None))
                if pos in self.formulas and cell.value is not None:
                    self.cached[pos] = cell.value

    def find(self, label: str) -> list[tuple[int, int]]:
        return sorted(self.index.get(F.normalize_label(label), []))

    def text(self, pos: tuple[int, int]) -> str | None:
        v = self.values.get(pos)
        return v if isinstance(v, str) else None

    def source(self, r: int, c: int) -> Source:
        return Source(sheet=self.title, cell=f"{_col_letter(c)}{r}")


def _is_formula_object(value) -> bool:
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")


# ---------------------------------------------------------------------------------------------


def load_workbook(path: Path) -> Report:
    from .xlsx_safety import inspect

    inspect(path)
    import openpyxl

    p = str(path)
    try:
        with open(path, "rb") as fh:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=False, keep_links=False)
            try:
                sheets = [_Sheet(ws) for ws in wb.worksheets]
                if any(s.formulas for s in sheets):
                    wb._data_only = True  # read-only sheets re-parse with the cached values
                    for s, ws in zip(sheets, wb.worksheets):
                        if s.formulas:
                            s.read_cached(ws)
            finally:
                wb.close()
    except InputError:
        raise
    except Exception as e:  # openpyxl's many ways to say "broken"
        raise InputError(
            f"工作簿无法打开（文件可能已损坏或不是标准的 .xlsx）：{type(e).__name__}",
            code="xlsx-corrupt",
            path=p,
        ) from e
    return _Builder(path, sheets).build()


class _Builder:
    def __init__(self, path: Path, sheets: list[_Sheet]):
        self.path = path
        self.sheets = sheets
        self.by_title = {s.title: s for s in sheets}
        self.problems: list[Problem] = []

    # -- helpers -------------------------------------------------------------------------------
    def _ordered(self, preferred: str | None) -> list[_Sheet]:
        first = [self.by_title[preferred]] if preferred in self.by_title else []
        return first + [s for s in self.sheets if s.title != preferred and s.title != W.STAMP_SHEET]

    def _find_any(self, label: str, preferred: str | None) -> tuple[_Sheet, int, int] | None:
        for s in self._ordered(preferred):
            hits = s.find(label)
            if hits:
                r, c = hits[0]
                return s, r, c
        return None

    def _problem(self, code: str, message: str, **kw) -> None:
        self.problems.append(Problem(code=code, message=message, **kw))

    # -- whole ---------------------------------------------------------------------------------
    def build(self) -> Report:
        stamp = self._stamp()
        org, year, raw_year, meta, sources = self._meta()
        fmt, how = self._format(stamp, year)
        report = Report(
            format=fmt,
            org=org,
            year=year,
            meta=meta,
            path=str(self.path),
            origin="xlsx",
            stamp=stamp,
            format_source=how,
            raw_year=raw_year,
        )
        report.sources.update(sources)
        report.sections = self._sections(fmt)
        found_any = False
        for table in fmt.tables:
            positions = self._locate(table)
            found_any = found_any or any(v is not None for v in positions.values())
            self._read_cells(report, table, positions)
        if not found_any and stamp is None:
            raise InputError(
                "不是政府信息公开工作年度报告的工作簿：找不到表二、表三、表四的标签"
                "（请用 disclosure new 生成模板后填写）",
                code="xlsx-unknown-template",
                path=str(self.path),
            )
        self._compute_uncached(report)
        report.problems = self.problems
        return report

    def _stamp(self) -> dict[str, str] | None:
        s = self.by_title.get(W.STAMP_SHEET)
        if s is None:
            return None
        out = {}
        for (r, c), v in s.values.items():
            if c == 1:
                val = s.values.get((r, 2))
                out[str(v)] = "" if val is None else str(val)
        return out

    def _format(self, stamp, year) -> tuple[F.Format, str]:
        if stamp and stamp.get(W.STAMP_FORMAT) in F.FORMATS:
            return F.FORMATS[stamp[W.STAMP_FORMAT]], "stamp"
        # signs of each version: labels only one of them has
        sets = {fid: {F.normalize_label(x) for x in fmt.labels()} for fid, fmt in F.FORMATS.items()}
        every = set().union(*sets.values())
        if not any(lab in s.index for s in self.sheets for lab in every):
            raise InputError(
                "不是政府信息公开工作年度报告的工作簿：找不到统一格式的任何表格标签"
                "（请用 disclosure new 生成模板后填写）",
                code="xlsx-unknown-template",
                path=str(self.path),
            )
        score = {}
        for fid, labels in sets.items():
            others = set().union(*(v for k, v in sets.items() if k != fid))
            own = labels - others
            score[fid] = sum(1 for s in self.sheets for lab in own if lab in s.index)
        best = max(score, key=lambda k: score[k])
        if score[best] > 0 and list(score.values()).count(score[best]) == 1:
            return F.FORMATS[best], "labels"
        if year is not None:
            try:
                return F.for_year(year), "year"
            except Exception:
                pass
        if not any(s.index for s in self.sheets):
            raise InputError("工作簿是空的：没有任何内容", code="xlsx-empty", path=str(self.path))
        raise InputError(
            "无法判断报告格式版本：工作簿中既没有模板标记，也找不到能区分 2019 版和 2021 版的表格标签，"
            "也没有报告年度",
            code="xlsx-unknown-template",
            path=str(self.path),
        )

    # -- unit details --------------------------------------------------------------------------
    def _meta(self):
        meta: dict[str, str] = {}
        sources: dict[str, Source] = {}
        org, year, raw_year = "", None, None
        known = {"org": ORG_LABEL, "year": YEAR_LABEL, **{k: META_LABELS[k] for k in META_FIELDS}}
        label_rows: set[tuple[str, int]] = set()
        for key, label in known.items():
            hit = self._find_label(label, W.META_SHEET)
            if hit is None:
                continue
            s, r, c = hit
            label_rows.add((s.title, r))
            raw = s.values.get((r, c + 1))
            sources[key if key in ("org", "year") else f"meta.{key}"] = s.source(r, c + 1)
            if key == "org":
                org = "" if raw is None else str(raw).strip()
            elif key == "year":
                year = parse_year(raw)
                raw_year = raw if year is None else None
            else:
                meta[key] = _text_value(raw)
        if "kind" in meta:
            names = {F.normalize_label(v): k for k, v in KINDS.items()}
            meta["kind"] = names.get(F.normalize_label(meta["kind"]), meta["kind"])
        # extra fields written by `new --data` (label = key) in the unit details sheet
        s = self.by_title.get(W.META_SHEET)
        if s is not None:
            skip = {F.normalize_label(x) for x in W.META_HEADERS + ("格式版本",)}
            for (r, c), v in sorted(s.values.items()):
                if c != 1 or (s.title, r) in label_rows or not isinstance(v, str):
                    continue
                if F.normalize_label(v) in skip:
                    continue
                meta[v.strip()] = _text_value(s.values.get((r, 2)))
                sources[f"meta.{v.strip()}"] = s.source(r, 2)
        return org, year, raw_year, meta, sources

    def _find_label(self, label: str, preferred: str):
        hit = self._find_any(label, preferred)
        if hit is None and "（" in label:
            hit = self._find_any(label.split("（")[0], preferred)
        return hit

    # -- narrative -----------------------------------------------------------------------------
    def _sections(self, fmt: F.Format) -> dict[str, list[Paragraph]]:
        out: dict[str, list[Paragraph]] = {s.id: [] for s in fmt.sections}
        sheet, header = self._text_sheet()
        if sheet is None:
            for s in fmt.sections:
                self._problem("section-missing", f"找不到正文部分“{s.heading}”", label=s.heading)
            return out
        hr, hc = header
        headings = {F.normalize_label(s.heading): s.id for s in fmt.sections}
        short = {F.normalize_label(s.heading.split("、", 1)[1]): s.id for s in fmt.sections}
        seen: list[str] = []
        current: str | None = None
        last_row = max((r for r, _ in sheet.values), default=hr)
        for r in range(hr + 1, last_row + 1):
            a = sheet.values.get((r, hc))
            if a is not None and str(a).strip():
                norm = F.normalize_label(a)
                sid = headings.get(norm) or short.get(norm)
                if sid is None:
                    match = difflib.get_close_matches(norm, list(headings), n=1, cutoff=_FUZZY)
                    if match:
                        sid = headings[match[0]]
                        official = fmt.sections[int(sid) - 1].heading
                        self._problem(
                            "section-altered",
                            f"正文部分标题“{a}”与统一格式“{official}”不一致",
                            label=official, found=str(a), source=sheet.source(r, hc),
                        )
                    else:
                        self._problem(
                            "section-unknown", f"正文中有无法识别的部分标题“{a}”",
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
                raw = sheet.values.get((r, col))
                if raw is None:
                    continue
                for line in _text_value(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                    if line.strip():
                        out[current].append(Paragraph(line.strip(), sheet.source(r, col)))
        for s in fmt.sections:
            if s.id not in seen:
                self._problem("section-missing", f"正文中缺少部分“{s.heading}”", label=s.heading)
        if seen != sorted(seen, key=int):
            self._problem(
                "section-order",
                "正文各部分的顺序与统一格式不一致：" + "、".join(fmt.sections[int(i) - 1].heading for i in seen),
            )
        return out

    def _text_sheet(self):
        body = F.normalize_label(W.TEXT_HEADERS[2])[:2]
        for s in self._ordered(W.TEXT_SHEET):
            for pos in s.find(W.TEXT_HEADERS[0]):
                r, c = pos
                right = s.text((r, c + 2))
                if right and F.normalize_label(right).startswith(body):
                    return s, pos
        return None, None

    # -- tables --------------------------------------------------------------------------------
    def _locate(self, table: F.Table) -> dict[F.CellKey, tuple[_Sheet, int, int] | None]:
        if table.layout == F.LAYOUT_BLOCKS:
            return self._locate_blocks(table)
        if table.layout == F.LAYOUT_GRID:
            return self._locate_grid(table)
        return self._locate_groups(table)

    def _match_rows(self, sheet: _Sheet, rows, lo: int, hi: int, label_cols: tuple[int, int], table: F.Table):
        """Row label → sheet row, within rows lo..hi; altered labels matched by similarity."""
        found: dict[str, int] = {}
        for row in rows:
            hits = [(r, c) for r, c in sheet.find(row.label) if lo <= r <= hi]
            if hits:
                found[row.id] = hits[0][0]
        known = {F.normalize_label(r.label) for r in rows}
        for i, row in enumerate(rows):
            if row.id in found:
                continue
            prev = max((found[r.id] for r in rows[:i] if r.id in found), default=lo - 1)
            nxt = min((found[r.id] for r in rows[i + 1 :] if r.id in found), default=hi + 1)
            taken = set(found.values())
            best_pos = _closest(
                sheet, row.label, known,
                lambda r, c: prev < r < nxt and label_cols[0] <= c <= label_cols[1] and r not in taken,
            )
            if best_pos:
                r, c, v = best_pos
                found[row.id] = r
                self._problem(
                    "label-altered",
                    f"{table.sheet}的行标签“{v}”与统一格式“{row.label}”不一致",
                    label=row.label, found=v, source=sheet.source(r, c), table=table.id, row=row.id,
                )
            else:
                self._problem(
                    "label-missing",
                    f"{table.sheet}中找不到行“{row.label}”",
                    label=row.label, table=table.id, row=row.id,
                )
        return found

    def _match_columns(self, sheet: _Sheet, columns, rows_range: tuple[int, int], table: F.Table, block_label: str):
        found: dict[str, int] = {}
        lo, hi = rows_range
        for col in columns:
            hits = [(r, c) for r, c in sheet.find(col.label) if lo <= r <= hi]
            if hits:
                found[col.id] = hits[-1][1] if table.layout == F.LAYOUT_GRID else hits[0][1]
        known = {F.normalize_label(c.label) for c in columns}
        for col in columns:
            if col.id in found:
                continue
            taken = set(found.values())
            best_pos = _closest(sheet, col.label, known, lambda r, c: lo <= r <= hi and c not in taken)
            if best_pos:
                r, c, v = best_pos
                found[col.id] = c
                self._problem(
                    "label-altered",
                    f"{block_label}的列标签“{v}”与统一格式“{col.label}”不一致",
                    label=col.label, found=v, source=sheet.source(r, c), table=table.id, column=col.id,
                )
            else:
                self._problem(
                    "label-missing", f"{block_label}中找不到列“{col.label}”", label=col.label, table=table.id,
                    column=col.id,
                )
        return found

    def _locate_blocks(self, table: F.Table):
        out: dict[F.CellKey, tuple[_Sheet, int, int] | None] = {k: None for k in table.cells()}
        heads: list[tuple[F.Block, _Sheet | None, int, int]] = []
        for block in table.blocks:
            hit = self._find_any(block.heading, table.sheet)
            if hit is None:
                self._problem(
                    "label-missing", f"找不到{table.title[2:]}的“{block.heading}”", label=block.heading, table=table.id
                )
                heads.append((block, None, 0, 0))
            else:
                heads.append((block, *hit))
        for i, (block, sheet, hr, hc) in enumerate(heads):
            if sheet is None:
                continue
            later = [h[2] for h in heads[i + 1 :] if h[1] is sheet and h[2] > hr]
            end = min(later) - 1 if later else hr + len(block.rows) + 6
            cols = self._match_columns(sheet, block.columns, (hr + 1, min(end, hr + 3)), table, block.heading)
            first_value = min(cols.values(), default=hc + 1)
            rows = self._match_rows(sheet, block.data_rows, hr + 1, end, (hc, max(hc, first_value - 1)), table)
            for row in block.data_rows:
                for col in block.columns:
                    if row.id in rows and col.id in cols:
                        out[F.CellKey(table.id, row.id, col.id)] = (sheet, rows[row.id], cols[col.id])
        return out

    def _locate_grid(self, table: F.Table):
        out: dict[F.CellKey, tuple[_Sheet, int, int] | None] = {k: None for k in table.cells()}
        (block,) = table.blocks
        sheet = None
        for row in block.data_rows[:3] + (block.rows[-1],):
            hit = self._find_any(row.label, table.sheet)
            if hit:
                sheet = hit[0]
                break
        if sheet is None:
            hit = self._find_any(table.corner or "", table.sheet)
            if hit is None:
                self._problem("table-missing", f"找不到{table.title}的表格", label=table.title, table=table.id)
                return out
            sheet = hit[0]
        top_hits = sheet.find(block.data_rows[0].label)
        corner = sheet.find(table.corner or "")
        header_top = corner[0][0] if corner else (top_hits[0][0] - 4 if top_hits else 1)
        first_data = top_hits[0][0] if top_hits else header_top + 3
        cols = self._match_columns(sheet, block.columns, (header_top, first_data - 1), table, table.sheet)
        first_value = min(cols.values(), default=4)
        last = max(r for r, _ in sheet.values)
        rows = self._match_rows(sheet, block.data_rows, header_top, last, (1, first_value - 1), table)
        # group labels (no numbers) are checked too: a mangled group label is a structure problem
        for g in block.rows:
            if g.group and not sheet.find(g.label):
                self._problem(
                    "label-missing", f"{table.sheet}中找不到“{g.label}”", label=g.label, table=table.id, row=g.id
                )
        self._old_format_rows(sheet, table, rows, cols)
        for key in table.cells():
            if key.row in rows and key.column in cols:
                out[key] = (sheet, rows[key.row], cols[key.column])
        return out

    def _old_format_rows(self, sheet: _Sheet, table: F.Table, rows: dict[str, int], cols: dict[str, int]) -> None:
        """A group row whose sub-rows are all missing but which carries numbers itself: the
        layout of an older format (表三 （六）其他处理 as one row inside a 2021 report)."""
        (block,) = table.blocks
        for g in block.rows:
            if not g.group:
                continue
            kids = [r for r in block.data_rows if r.parent == g.id]
            if any(k.id in rows for k in kids):
                continue
            hits = sheet.find(g.label)
            if not hits:
                continue
            r, c = hits[0]
            vals = [sheet.values.get((r, cc)) for cc in sorted(cols.values())]
            self.problems[:] = [
                p for p in self.problems if not (p.code == "label-missing" and p.row in {k.id for k in kids})
            ]
            self._problem(
                "old-format-row",
                f"“{g.label}”只有一行，没有统一格式（{table.title}）规定的细分行："
                + "、".join(k.label for k in kids),
                label=g.label,
                found="、".join("" if v is None else str(v) for v in vals),
                source=sheet.source(r, c),
                table=table.id,
                row=g.id,
            )

    def _locate_groups(self, table: F.Table):
        out: dict[F.CellKey, tuple[_Sheet, int, int] | None] = {k: None for k in table.cells()}
        first_label = table.blocks[0].columns[0].label
        n = len(table.blocks)
        choice = None
        for s in self._ordered(table.sheet):
            rows: dict[int, list[int]] = {}
            for r, c in s.find(first_label):
                rows.setdefault(r, []).append(c)
            for r, cs in sorted(rows.items()):
                if len(cs) >= n:
                    choice = (s, r)
                    break
            if choice:
                break
        if choice is None:
            self._problem("table-missing", f"找不到{table.title}的表格", label=table.title, table=table.id)
            return out
        sheet, lr = choice
        for block in table.blocks:
            (group,) = block.rows
            for label in filter(None, (group.label, group.parent_label)):
                if not [p for p in sheet.find(label) if p[0] < lr]:
                    self._problem("label-missing", f"{table.sheet}中找不到“{label}”", label=label, table=table.id)
        colpos: dict[str, list[int]] = {}
        for col in table.blocks[0].columns:
            colpos[col.id] = sorted(c for r, c in sheet.find(col.label) if r == lr)
        all_cols = sorted(c for cs in colpos.values() for c in cs)
        vr = lr + 1
        for r in range(lr + 1, lr + 6):
            if any((r, c) in sheet.values or (r, c) in sheet.formulas for c in all_cols):
                vr = r
                break
        for i, block in enumerate(table.blocks):
            (group,) = block.rows
            for col in block.columns:
                cs = colpos.get(col.id, [])
                if i < len(cs):
                    out[F.CellKey(table.id, group.id, col.id)] = (sheet, vr, cs[i])
                else:
                    self._problem(
                        "label-missing",
                        f"{table.sheet}中“{group.label}”下找不到列“{col.label}”",
                        label=col.label, table=table.id, row=group.id, column=col.id,
                    )
        return out

    def _read_cells(self, report: Report, table: F.Table, positions) -> None:
        for key in table.cells():
            pos = positions.get(key)
            if pos is None:
                report.cells[key] = Cell.read(key, None, Source(sheet=table.sheet))
                continue
            sheet, r, c = pos
            src = sheet.source(r, c)
            if (r, c) in sheet.formulas:
                cached = sheet.cached.get((r, c))
                cell = Cell.read(key, cached, src, formula=sheet.formulas[(r, c)], cached=cached is not None)
            else:
                raw = sheet.values.get((r, c))
                if isinstance(raw, (_dt.datetime, _dt.date, _dt.time)):
                    raw = raw.isoformat()
                cell = Cell.read(key, raw, src)
            report.cells[key] = cell

    def _compute_uncached(self, report: Report) -> None:
        """Totals that are formulas without a cached value: recompute from the parts."""
        fmt = report.format
        done: set[F.CellKey] = set()

        def value(key: F.CellKey):
            cell = report.cells[key]
            if cell.formula is None or cell.cached or key in done:
                return cell.number
            done.add(key)
            rel = fmt.definitions.get(key)
            if rel is None:
                return 0  # a formula in an input cell without a result: read as blank
            total = sum(value(k) for k in rel.left)
            if isinstance(total, float) and total.is_integer():
                total = int(total)
            cell.raw, cell.state, cell.value = total, V.NUMBER, total
            return total

        for key, cell in report.cells.items():
            if cell.formula is not None and not cell.cached:
                value(key)


def _closest(sheet: _Sheet, label: str, known: set[str], where) -> tuple[int, int, str] | None:
    """The text cell at an allowed position that most resembles ``label`` (an altered official
    label), if it is similar enough; cells holding another official label are not candidates."""
    target = F.normalize_label(label)
    best, best_pos = 0.0, None
    for (r, c), v in sheet.values.items():
        if not isinstance(v, str) or not where(r, c):
            continue
        norm = F.normalize_label(v)
        if norm in known:
            continue
        ratio = difflib.SequenceMatcher(None, norm, target).ratio()
        if ratio > best:
            best, best_pos = ratio, (r, c, v)
    return best_pos if best >= _FUZZY else None


def _text_value(raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, _dt.datetime):
        return raw.date().isoformat() if raw.time() == _dt.time() else raw.isoformat()
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)
