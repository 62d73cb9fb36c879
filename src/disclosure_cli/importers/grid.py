"""Expanding a table drawn with merged cells (``rowspan``/``colspan``, Word's ``gridSpan``/
``vMerge``) into a full grid of positions.

Every position of the grid is either the origin of a drawn cell (its text is there) or
*covered* by a merge (it belongs to the drawn cell above or to the left). A covered position is
not blank: a reviewer sees the merged cell's text there, a clerk typed nothing there. Spans are
bounded (a page saying ``rowspan=100000`` costs nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_SPAN = 200  # rows or columns one drawn cell may cover (the official tables need 22)
MAX_ROWS = 2_000  # rows of one table
MAX_COLS = 200  # columns of one table


@dataclass
class Drawn:
    """One cell as the document draws it."""

    text: str  # the text as read (spaces and line breaks kept; ``\\xa0`` for &nbsp;)
    rowspan: int = 1
    colspan: int = 1
    vmerge: str | None = None  # Word: "restart" or "continue" (the cell merges with the one above)


@dataclass
class Place:
    """A position of the grid: the drawn cell there, or the merged cell covering it."""

    row: int  # 1-based row of the grid
    col: int  # 1-based column
    text: str  # the origin's text (the same for every position it covers)
    origin: tuple[int, int]  # where the drawn cell starts

    @property
    def covered(self) -> bool:
        return (self.row, self.col) != self.origin


@dataclass
class Grid:
    """The expanded table: ``places[(row, col)]``; ``nrows``/``ncols`` its size."""

    places: dict[tuple[int, int], Place] = field(default_factory=dict)
    nrows: int = 0
    ncols: int = 0

    def origins(self):
        for (r, c), p in sorted(self.places.items()):
            if not p.covered:
                yield p


def expand(rows: list[list[Drawn]]) -> Grid:
    """The grid of HTML-like rows: each drawn cell takes the next free column of its row (a
    column taken by a ``rowspan`` from above is skipped), and covers ``rowspan × colspan``
    positions. Word's ``vMerge="continue"`` cells are folded into the cell above them."""
    g = Grid()
    taken: dict[tuple[int, int], Place] = g.places
    for r, row in enumerate(rows[:MAX_ROWS], start=1):
        c = 1
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c > MAX_COLS:
                break
            rs = max(1, min(int(cell.rowspan or 1), MAX_SPAN))
            cs = max(1, min(int(cell.colspan or 1), MAX_SPAN, MAX_COLS - c + 1))
            if cell.vmerge == "continue" and (r - 1, c) in taken:
                above = taken[(r - 1, c)]
                for k in range(cs):
                    prev = taken.get((r - 1, c + k))
                    taken[(r, c + k)] = Place(r, c + k, above.text, prev.origin if prev else above.origin)
                c += cs
                continue
            for dr in range(rs):
                if r + dr > MAX_ROWS:
                    break
                for dc in range(cs):
                    pos = (r + dr, c + dc)
                    if pos not in taken:
                        taken[pos] = Place(pos[0], pos[1], cell.text, (r, c))
            c += cs
    g.nrows = max((r for r, _ in taken), default=0)
    g.ncols = max((c for _, c in taken), default=0)
    return g
