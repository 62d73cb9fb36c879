"""What the renderers need on top of the project's one table layout (``disclosure_cli.tablegrid``).

The grid of merged cells itself — headers, labels, nesting, spans — comes from
``tablegrid.grid(table)``, derived from ``formats.Table``; nothing here knows a label. This module
only adds presentation helpers that Word and HTML share: which rows belong together (a block of
表二 is kept on one page), and relative column widths for fixed-width output.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..formats import Table
from ..values import display_width as _width
from ..tablegrid import CORNER, HEADER, HEADING, LABEL, VALUE, Grid, GridCell, grid

__all__ = [
    "CORNER",
    "HEADER",
    "HEADING",
    "LABEL",
    "VALUE",
    "Grid",
    "GridCell",
    "Band",
    "table_grid",
    "bands",
    "column_weights",
    "is_header",
]


@lru_cache(maxsize=None)
def table_grid(table: Table) -> Grid:
    """The official layout of ``table`` (cached: tables are immutable)."""
    return grid(table)


def is_header(cell: GridCell) -> bool:
    """Rendered as a header cell (``<th>``): everything but the values."""
    return cell.kind != VALUE


@dataclass(frozen=True)
class Band:
    """Consecutive grid rows: the repeating header (``head``) or a run of body rows that
    belongs together (``body``; a block of 表二 with its heading and header row)."""

    kind: str  # head | body
    first: int
    last: int


def bands(g: Grid) -> list[Band]:
    out: list[Band] = []
    if g.header_rows:
        out.append(Band("head", 0, g.header_rows - 1))
    starts = sorted({c.row for c in g.cells if c.kind == HEADING and c.row >= g.header_rows})
    if not starts or starts[0] != g.header_rows:
        starts.insert(0, g.header_rows)
    for i, first in enumerate(starts):
        last = (starts[i + 1] - 1) if i + 1 < len(starts) else g.nrows - 1
        if last >= first:
            out.append(Band("body", first, last))
    return out


def column_weights(
    g: Grid, *, value_chars: float = 3, label_chars: float = 12, group_chars: float = 4
) -> list[float]:
    """Relative column widths (in characters) for fixed-width output such as Word.

    A column is as wide as its widest single-column cell, capped: values and their headers at
    ``value_chars``, row labels at ``label_chars``, labels that span several rows (group
    labels, which may wrap in a narrow column) at ``group_chars``. Columns that only hold
    spanning cells share what those need."""
    weights = [0.0] * g.ncols
    for c in g.cells:
        if c.colspan != 1:
            continue
        if c.kind == LABEL:
            cap = group_chars if c.rowspan > 1 else label_chars
        else:
            cap = value_chars
        w = min(_width(c.text), cap) if c.text else 1.0
        weights[c.col] = max(weights[c.col], w, 1.0)
    for c in g.cells:
        if c.colspan > 1 and c.kind in (LABEL, CORNER):
            have = sum(weights[c.col : c.last_col + 1])
            need = min(_width(c.text), label_chars + group_chars * (c.colspan - 1))
            if have < need:
                extra = (need - have) / c.colspan
                for k in range(c.col, c.last_col + 1):
                    weights[k] += extra
    return [w or 1.0 for w in weights]
