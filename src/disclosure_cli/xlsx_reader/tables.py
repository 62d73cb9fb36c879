"""Finding the tables by their official labels: where each cell of a table is on which sheet.

Not by coordinates: a clerk who inserted a row or moved a table still gets a correct read; a
missing or altered label is recorded by name. One method per shape of table (``Table.shape``
in ``formats.py``): blocks under headings (表二), one grid of nested rows and columns (表三),
groups of columns side by side (表四)."""

from __future__ import annotations

import bisect

from .. import formats as F
from .narrative import FUZZY
from .problems import Problems
from .sheets import Sheet, Sheets, normalize

Place = tuple[Sheet, int, int]  # a sheet, its row and its column
Places = dict[F.CellKey, "Place | None"]


_KEYS: dict[int, tuple[F.Table, tuple[F.CellKey, ...]]] = {}


def table_keys(table: F.Table) -> tuple[F.CellKey, ...]:
    """``table.cells()``, made once per process (the formats are constants)."""
    hit = _KEYS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _KEYS[id(table)] = (table, tuple(table.cells()))
    return hit[1]


class TableFinder:
    def __init__(self, sheets: Sheets, problems: Problems):
        self.sheets = sheets
        self.problems = problems

    def locate(self, table: F.Table) -> Places:
        """Every cell of the table → where it is (``None`` when its row or column is missing)."""
        if table.shape == F.SHAPE_BLOCKS:
            return self._locate_blocks(table)
        if table.shape == F.SHAPE_GRID:
            return self._locate_grid(table)
        return self._locate_groups(table)

    # -- rows and columns by label ---------------------------------------------------------------
    def _match_rows(self, sheet: Sheet, rows, lo: int, hi: int, label_cols: tuple[int, int], table: F.Table):
        """Row label → sheet row, within rows lo..hi; altered labels matched by similarity."""
        found: dict[str, int] = {}
        for row in rows:
            hits = [(r, c) for r, c in sheet.find(row.label) if lo <= r <= hi]
            if hits:
                found[row.id] = hits[0][0]
        known = {normalize(r.label) for r in rows}
        for i, row in enumerate(rows):
            if row.id in found:
                continue
            prev = max((found[r.id] for r in rows[:i] if r.id in found), default=lo - 1)
            nxt = min((found[r.id] for r in rows[i + 1 :] if r.id in found), default=hi + 1)
            taken = set(found.values())
            pos = self._altered(
                sheet, row.label, known,
                lambda r, c: prev < r < nxt and label_cols[0] <= c <= label_cols[1] and r not in taken,
                table.sheet, "行", table=table.id, row=row.id,
            )
            if pos:
                found[row.id] = pos[0]
        return found

    def _match_columns(self, sheet: Sheet, columns, rows_range: tuple[int, int], table: F.Table, block_label: str):
        """Column label → sheet column, within rows of ``rows_range``."""
        found: dict[str, int] = {}
        lo, hi = rows_range
        for col in columns:
            hits = [(r, c) for r, c in sheet.find(col.label) if lo <= r <= hi]
            if hits:
                found[col.id] = hits[-1][1] if table.shape == F.SHAPE_GRID else hits[0][1]
        known = {normalize(c.label) for c in columns}
        for col in columns:
            if col.id in found:
                continue
            taken = set(found.values())
            pos = self._altered(
                sheet, col.label, known, lambda r, c: lo <= r <= hi and c not in taken,
                block_label, "列", table=table.id, column=col.id,
            )
            if pos:
                found[col.id] = pos[1]
        return found

    def _altered(self, sheet: Sheet, label: str, known: set[str], where, place: str, kind: str, **ids):
        """Where an official row or column label not found as written is: the most similar text
        cell allowed by ``where`` (``label-altered``), else ``None`` (``label-missing``).
        ``place``: the sheet or block named in the message; ``kind``: 行 or 列."""
        best_pos = _closest(sheet, label, known, where)
        if not best_pos:
            self.problems.add("label-missing", f"{place}中找不到{kind}“{label}”", label=label, **ids)
            return None
        r, c, v = best_pos
        self.problems.add(
            "label-altered",
            f"{place}的{kind}标签“{v}”与统一格式“{label}”不一致",
            label=label, found=v, source=sheet.source(r, c), **ids,
        )
        return r, c

    # -- 表二: blocks under headings -------------------------------------------------------------
    def _locate_blocks(self, table: F.Table) -> Places:
        out: Places = dict.fromkeys(table_keys(table))
        heads: list[tuple[F.Block, Sheet | None, int, int]] = []
        for block in table.blocks:
            hit = self.sheets.find_any(block.heading, table.sheet)
            if hit is None:
                self.problems.add(
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

    # -- 表三: one grid of nested rows and columns --------------------------------------------------
    def _locate_grid(self, table: F.Table) -> Places:
        out: Places = dict.fromkeys(table_keys(table))
        (block,) = table.blocks
        sheet = None
        for row in block.data_rows[:3] + (block.rows[-1],):
            hit = self.sheets.find_any(row.label, table.sheet)
            if hit:
                sheet = hit[0]
                break
        if sheet is None:
            hit = self.sheets.find_any(table.corner or "", table.sheet)
            if hit is None:
                self.problems.add("table-missing", f"找不到{table.title}的表格", label=table.title, table=table.id)
                return out
            sheet = hit[0]
        top_hits = sheet.find(block.data_rows[0].label)
        corner = sheet.find(table.corner or "")
        header_top = corner[0][0] if corner else (top_hits[0][0] - 4 if top_hits else 1)
        first_data = top_hits[0][0] if top_hits else header_top + 3
        cols = self._match_columns(sheet, block.columns, (header_top, first_data - 1), table, table.sheet)
        first_value = min(cols.values(), default=4)
        last = max(sheet.values)[0]  # the last row (positions compare row first)
        rows = self._match_rows(sheet, block.data_rows, header_top, last, (1, first_value - 1), table)
        # group labels (no numbers) are checked too: a mangled group label is a structure problem
        for g in block.rows:
            if g.group and not sheet.find(g.label):
                self.problems.add(
                    "label-missing", f"{table.sheet}中找不到“{g.label}”", label=g.label, table=table.id, row=g.id
                )
        self._old_format_rows(sheet, table, rows, cols)
        for key in table_keys(table):
            if key.row in rows and key.column in cols:
                out[key] = (sheet, rows[key.row], cols[key.column])
        return out

    def _old_format_rows(self, sheet: Sheet, table: F.Table, rows: dict[str, int], cols: dict[str, int]) -> None:
        """A group row whose sub-rows are all missing but which carries numbers itself: the
        table as an older format had it (表三 （六）其他处理 as one row inside a 2021 report)."""
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
            self.problems.drop_missing_rows({k.id for k in kids})
            self.problems.add(
                "format-mixed-version",
                f"“{g.label}”只有一行，没有统一格式（{table.title}）规定的细分行："
                + "、".join(k.label for k in kids),
                label=g.label,
                found="、".join("" if v is None else str(v) for v in vals),
                source=sheet.source(r, c),
                table=table.id,
                row=g.id,
            )

    # -- 表四: groups of columns side by side, one row of values ---------------------------------
    def _locate_groups(self, table: F.Table) -> Places:
        out: Places = dict.fromkeys(table_keys(table))
        first_label = table.blocks[0].columns[0].label
        n = len(table.blocks)
        choice = None
        # The column labels of the groups are on one row — or, as published pages draw them
        # (行政复议's five labels spanning two rows), on rows up to two apart: the label row is
        # then the lowest of them.
        for s in self.sheets.ordered(table.sheet):
            hits = sorted(s.find(first_label))
            for r in dict.fromkeys(r for r, _ in hits):  # each row once, in order
                # the hits on rows r to r + 2: a slice of the sorted hits, not a pass over them
                # all for each (20,000 labels on a sheet without the table took 16 s)
                near = hits[bisect.bisect_left(hits, (r,)) : bisect.bisect_left(hits, (r + 3,))]
                if len(near) >= n:
                    choice = (s, max(h[0] for h in near[:n]), r)
                    break
            if choice:
                break
        if choice is None:
            self.problems.add("table-missing", f"找不到{table.title}的表格", label=table.title, table=table.id)
            return out
        sheet, lr, top = choice
        for block in table.blocks:
            (group,) = block.rows
            for label in filter(None, (group.label, group.parent_label)):
                if not [p for p in sheet.find(label) if p[0] < lr]:  # above the label row
                    self.problems.add("label-missing", f"{table.sheet}中找不到“{label}”", label=label, table=table.id)
        colpos: dict[str, list[int]] = {}
        for col in table.blocks[0].columns:
            colpos[col.id] = sorted(c for r, c in sheet.find(col.label) if top <= r <= lr)
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
                    self.problems.add(
                        "label-missing",
                        f"{table.sheet}中“{group.label}”下找不到列“{col.label}”",
                        label=col.label, table=table.id, row=group.id, column=col.id,
                    )
        return out


# The most text cells looked at for one altered label: a table of the template has a few
# hundred cells; a sheet of tens of thousands of texts is no table of ours.
MAX_CANDIDATES = 5000


def _closest(sheet: Sheet, label: str, known: set[str], where) -> tuple[int, int, str] | None:
    """The text cell at an allowed position that most resembles ``label`` (an altered official
    label), if it is similar enough; cells holding another official label are not candidates.

    Any text cell of the sheet may be a candidate, for every label not found as written: each
    cell's text is normalised once per sheet, its similarity computed only when the cheap upper
    bounds of difflib allow it to beat the best so far, and no more than ``MAX_CANDIDATES`` are
    looked at, in the order of the file (20,000 text cells below an altered 表三 took 18 s)."""
    import difflib  # only for an altered label (start-up time)

    matcher = difflib.SequenceMatcher(None, "", normalize(label))  # the label's index, made once
    best, best_pos = 0.0, None
    left = MAX_CANDIDATES
    for (r, c), v in sheet.values.items():
        if not isinstance(v, str) or not where(r, c):
            continue
        norm = sheet.normalized((r, c), v)
        if norm in known:
            continue
        left -= 1
        if left < 0:
            break
        matcher.set_seq1(norm)
        # upper bounds of the ratio, cheapest first: a cell that cannot beat the best so far, or
        # cannot be similar enough to be taken at all, is passed without computing it
        if not _may_beat(matcher.real_quick_ratio(), best) or not _may_beat(matcher.quick_ratio(), best):
            continue
        ratio = matcher.ratio()
        if ratio > best:
            best, best_pos = ratio, (r, c, v)
    return best_pos if best >= FUZZY else None


def _may_beat(bound: float, best: float) -> bool:
    return bound >= FUZZY and bound > best
