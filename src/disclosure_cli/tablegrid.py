"""The official layout of a table as a grid of cells, derived from its description.

One function per layout kind of ``formats.Table``; the Excel template, the Word document and the
web page all draw their tables from this grid (positions are 0-based, relative to the table).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import formats as F

HEADING = "heading"  # a block heading spanning the table width (表二 第二十条第（一）项)
HEADER = "header"  # a column header
CORNER = "corner"  # the top-left header of 表三
LABEL = "label"  # a row label (or group label)
VALUE = "value"  # a data cell


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    text: str
    kind: str
    rowspan: int = 1
    colspan: int = 1
    key: F.CellKey | None = None  # for VALUE cells
    scope: str | None = None  # for headers/labels: "col", "row", "colgroup", "rowgroup"

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class Grid:
    table: F.Table
    cells: tuple[GridCell, ...]
    nrows: int
    ncols: int
    header_rows: int  # rows at the top that repeat on a new page (0 for table 二)
    label_cols: int  # columns at the left that hold row labels

    def rows(self) -> list[list[GridCell]]:
        """Cells grouped by the row they start in (what HTML/Word rows need)."""
        out: list[list[GridCell]] = [[] for _ in range(self.nrows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.cells if c.kind == VALUE]


def grid(table: F.Table) -> Grid:
    if table.shape == F.SHAPE_BLOCKS:
        return _blocks(table)
    if table.shape == F.SHAPE_GRID:
        return _nested(table)
    if table.shape == F.SHAPE_COLUMN_GROUPS:
        return _column_groups(table)
    raise ValueError(table.shape)


def _spread(n: int, width: int) -> list[tuple[int, int]]:
    """Offsets and spans of ``n`` value columns laid over ``width`` grid columns."""
    if n >= width:
        return [(i, 1) for i in range(n)]
    out = [(i, 1) for i in range(n - 1)]
    out.append((n - 1, width - (n - 1)))
    return out


def _blocks(table: F.Table) -> Grid:
    width = max(len(b.columns) for b in table.blocks)
    cells: list[GridCell] = []
    r = 0
    for block in table.blocks:
        cells.append(GridCell(r, 0, block.heading or "", HEADING, colspan=width + 1, scope="colgroup"))
        r += 1
        spans = _spread(len(block.columns), width)
        cells.append(GridCell(r, 0, block.row_header or "", HEADER, scope="col"))
        for col, (off, span) in zip(block.columns, spans):
            cells.append(GridCell(r, 1 + off, col.label, HEADER, colspan=span, scope="col"))
        r += 1
        for row in block.data_rows:
            cells.append(GridCell(r, 0, row.label, LABEL, scope="row"))
            for col, (off, span) in zip(block.columns, spans):
                cells.append(
                    GridCell(r, 1 + off, "", VALUE, colspan=span, key=F.CellKey(table.id, row.id, col.id))
                )
            r += 1
    return Grid(table, tuple(cells), r, width + 1, header_rows=0, label_cols=1)


def _depth(rows: dict[str, F.Row], row: F.Row) -> int:
    d, p = 0, row.parent
    while p is not None:
        d, p = d + 1, rows[p].parent
    return d


def _nested(table: F.Table) -> Grid:
    (block,) = table.blocks
    by_id = {r.id: r for r in block.rows}
    depth = {r.id: _depth(by_id, r) for r in block.rows}
    label_cols = max(depth.values()) + 1
    has_parent = any(c.parent for c in block.columns)
    header_rows = 3 if has_parent else 2
    cells: list[GridCell] = [
        GridCell(0, 0, table.corner or "", CORNER, rowspan=header_rows, colspan=label_cols),
        GridCell(0, label_cols, table.column_header or "", HEADER, colspan=len(block.columns), scope="colgroup"),
    ]
    c = label_cols
    cols = list(block.columns)
    i = 0
    while i < len(cols):
        col = cols[i]
        if col.parent:
            j = i
            while j < len(cols) and cols[j].parent == col.parent:
                j += 1
            cells.append(GridCell(1, c, col.parent, HEADER, colspan=j - i, scope="colgroup"))
            for k in range(i, j):
                cells.append(GridCell(2, c + k - i, cols[k].label, HEADER, scope="col"))
            c += j - i
            i = j
        else:
            cells.append(GridCell(1, c, col.label, HEADER, rowspan=header_rows - 1, scope="col"))
            c += 1
            i += 1
    # data rows, in order; each gets a grid row
    data_rows = list(block.data_rows)
    row_index = {r.id: header_rows + n for n, r in enumerate(data_rows)}
    descendants: dict[str, list[str]] = {}
    for r in data_rows:
        p = r.parent
        while p is not None:
            descendants.setdefault(p, []).append(r.id)
            p = by_id[p].parent
    for r in block.rows:
        d = depth[r.id]
        if r.group:
            kids = descendants.get(r.id, [])
            first, last = row_index[kids[0]], row_index[kids[-1]]
            cells.append(GridCell(first, d, r.label, LABEL, rowspan=last - first + 1, scope="rowgroup"))
        else:
            gr = row_index[r.id]
            cells.append(GridCell(gr, d, r.label, LABEL, colspan=label_cols - d, scope="row"))
            for k, col in enumerate(cols):
                cells.append(GridCell(gr, label_cols + k, "", VALUE, key=F.CellKey(table.id, r.id, col.id)))
    cells.sort(key=lambda x: (x.row, x.col))
    return Grid(
        table, tuple(cells), header_rows + len(data_rows), label_cols + len(cols), header_rows, label_cols
    )


def _column_groups(table: F.Table) -> Grid:
    cells: list[GridCell] = []
    c = 0
    blocks = list(table.blocks)
    i = 0
    while i < len(blocks):
        (group,) = blocks[i].rows
        n = len(blocks[i].columns)
        if group.parent_label:
            j = i
            while j < len(blocks) and blocks[j].rows[0].parent_label == group.parent_label:
                j += 1
            width = sum(len(b.columns) for b in blocks[i:j])
            cells.append(GridCell(0, c, group.parent_label, HEADER, colspan=width, scope="colgroup"))
            for b in blocks[i:j]:
                cells.append(GridCell(1, c, b.rows[0].label, HEADER, colspan=len(b.columns), scope="colgroup"))
                c = _group_columns(table, b, c, cells)
            i = j
        else:
            cells.append(GridCell(0, c, group.label, HEADER, rowspan=2, colspan=n, scope="colgroup"))
            c = _group_columns(table, blocks[i], c, cells)
            i += 1
    cells.sort(key=lambda x: (x.row, x.col))
    return Grid(table, tuple(cells), 4, c, header_rows=3, label_cols=0)


def _group_columns(table: F.Table, block: F.Block, c: int, cells: list[GridCell]) -> int:
    (group,) = block.rows
    for col in block.columns:
        cells.append(GridCell(2, c, col.label, HEADER, scope="col"))
        cells.append(GridCell(3, c, "", VALUE, key=F.CellKey(table.id, group.id, col.id)))
        c += 1
    return c
