"""The readers record structure problems under the codes of the checker's catalogue: there is no
table translating reader codes into rule codes, so every code a reader can record must be one."""

from __future__ import annotations

import ast

import pytest

from conftest import FIXTURES, ROOT, SAMPLES
from disclosure_cli import load
from disclosure_cli.checks import CATALOGUE
from disclosure_cli.xlsx_reader import problems as P

SRC = ROOT / "src" / "disclosure_cli"
READER = SRC / "xlsx_reader"


def _literal_first_args(path, want) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and want(node.func):
            arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.add(arg.value)
    return out


def _is_problems_add(func) -> bool:
    if not (isinstance(func, ast.Attribute) and func.attr == "add"):
        return False
    target = func.value
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name == "problems"


def _is_problem(func) -> bool:
    return getattr(func, "id", None) == "Problem" or getattr(func, "attr", None) == "Problem"


def reader_added_codes() -> set[str]:
    return set().union(*(_literal_first_args(p, _is_problems_add) for p in READER.glob("*.py")))


def reader_codes() -> set[str]:
    """Every code a reader can record: the workbook reader's declared codes, and any
    ``Problem("code", …)`` written out anywhere in the package (the JSON reader's)."""
    made = set().union(*(_literal_first_args(p, _is_problem) for p in SRC.rglob("*.py")))
    return set(P.CODES) | made


def test_every_reader_code_is_in_the_catalogue():
    assert reader_codes() - set(CATALOGUE) == set()


def test_the_workbook_reader_uses_exactly_its_declared_codes():
    assert reader_added_codes() == set(P.CODES)


def test_an_undeclared_code_is_refused():
    with pytest.raises(ValueError):
        P.Problems().add("old-format-row", "…")


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "read").glob("*.xlsx")) + sorted((FIXTURES / "check").glob("*.xlsx")) + sorted(SAMPLES.glob("*.xlsx")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_problems_of_real_workbooks_have_catalogue_codes(path):
    assert {p.code for p in load(path).problems} <= set(CATALOGUE)
