"""The catalogue and the code agree; docs/rules.md is the generated reference, not stale."""

from __future__ import annotations

import ast

from disclosure_cli import formats as F
from disclosure_cli.checks import CATALOGUE, LEVELS
from disclosure_cli.checks.catalogue import relation_code
from disclosure_cli.checks.reference import rules_json, rules_markdown

from conftest import ROOT

CHECKS = ROOT / "src" / "disclosure_cli" / "checks"


def _emitted_codes() -> set[str]:
    """Every code the checks can emit: string literals given to ``emit`` (also inside a
    conditional expression), the relation kinds of the formats, the codes of the problems the
    readers record (emitted as they are)."""
    out: set[str] = set()
    for path in CHECKS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "emit" and node.args:
                first = node.args[0]
                for sub in ast.walk(first):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        out.add(sub.value)
    out |= {relation_code(rel.kind) for fmt in F.FORMATS.values() for rel in fmt.relations}
    from test_reading_problems import reader_codes

    return out | reader_codes()


def test_every_emitted_code_is_in_the_catalogue_and_the_reverse():
    emitted = _emitted_codes()
    assert emitted - set(CATALOGUE) == set(), "codes emitted but not catalogued"
    assert set(CATALOGUE) - emitted == set(), "catalogued codes that no code emits"


def test_rules_are_complete():
    for r in CATALOGUE.values():
        assert r.level in LEVELS
        assert r.title and r.description and r.basis
        assert "\n" not in r.title
        assert r.code == r.code.lower() and " " not in r.code
    assert [r["code"] for r in rules_json()["rules"]] == list(CATALOGUE)


def test_docs_rules_md_is_generated_and_fresh():
    path = ROOT / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `disclosure rules --format markdown > docs/rules.md`"
    )
    for code in CATALOGUE:
        assert f"`{code}`" in rules_markdown()
