"""No JSON value anywhere in a report makes reading, checking or rendering fail other than with
``InputError`` (exit 2): a value of any type, size or character at any place of the form."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import SAMPLES
from disclosure_cli.checks import check_report
from disclosure_cli.errors import InputError
from disclosure_cli.jsonform import from_data
from disclosure_cli.model import check_limits
from disclosure_cli.render import document
from disclosure_cli.render.docx import render_docx
from disclosure_cli.render.html import render_html

BASE = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))

PLACES = [
    ("org",), ("year",), ("format",), ("meta",), ("meta", "title"), ("meta", "published"),
    ("meta", "kind"), ("meta", "intro"), ("sections",), ("sections", "1"), ("sections", "6"),
    ("t2",), ("t2", "rules"), ("t2", "rules", "issued"), ("t3",), ("t3", "1"),
    ("t3", "1", "natural"), ("t3", "3.6"), ("t4", "review", "total"), ("schema",),
]

text = st.text(
    st.characters(codec=None, exclude_categories=()) | st.sampled_from("\x00\x01\x0b\x1f\ud800\ufffe一（）/-"),
    max_size=30,
)
scalars = st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | text
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=8)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), values), min_size=1, max_size=3), st.booleans())
def test_any_value_anywhere_is_read_or_refused(changes, draft):
    data = copy.deepcopy(BASE)
    for place, value in changes:
        node = data
        for key in place[:-1]:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[place[-1]] = value
    try:
        report = from_data(data)
        check_limits(report)
    except InputError as e:
        assert e.message and e.code
        return
    check_report(report)
    doc = document(report, draft=draft)
    render_html(doc).encode("utf-8")
    render_docx(doc)
