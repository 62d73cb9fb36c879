"""The structure problems the reader records, each under its code in the checker's catalogue
(``checks/catalogue.py``): the checker turns them into findings as they are, except that it
recognises signs of the other format version among them (``format-mixed-version``)."""

from __future__ import annotations

from ..model import Problem

# Every code the reader records (a test checks each is in the catalogue).
CODES = (
    "label-missing",
    "label-altered",
    "table-missing",
    "section-missing",
    "section-order",
    "format-mixed-version",
    "structure-other",
    "formula-text-not-cached",
)


class Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, code: str, message: str, **kw) -> None:
        if code not in CODES:
            raise ValueError(f"reader problem code not declared: {code}")
        self.items.append(Problem(code=code, message=message, **kw))

    def drop_missing_rows(self, rows: set[str]) -> None:
        """Forget the missing-label problems of these rows (explained by a better problem)."""
        self.items[:] = [p for p in self.items if not (p.code == "label-missing" and p.row in rows)]
