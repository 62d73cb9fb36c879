"""Building the bundled 珠街街道 2020 sample reproduces the published report: every title line,
heading, paragraph and table row of ``tests/fixtures/seed/zhujie-2020-published.txt`` (copied from shared/seed) appears, in the
same order, in the Word document and in the web page (text compared after normalising
punctuation width, spaces and line breaks)."""

from __future__ import annotations

import pytest

from _render_support import docx_chunks, first_missing_in_order, html_text, seed_chunks
from conftest import SAMPLES, SEED
from disclosure_cli.reader import load
from disclosure_cli.render import document
from disclosure_cli.render.docx import render_docx
from disclosure_cli.render.html import render_html


@pytest.fixture(scope="module")
def seed():
    return seed_chunks(SEED)


SOURCES = ["zhujie-2020.json", "zhujie-2020.xlsx"]


@pytest.mark.parametrize("name", SOURCES)
def test_docx_reproduces_published_report(seed, name):
    doc = document(load(SAMPLES / name))
    missing = first_missing_in_order(seed, "\n".join(docx_chunks(render_docx(doc))))
    assert missing is None, f"not found (in order) in the Word document: {missing}"


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("fragment", [False, True])
def test_html_reproduces_published_report(seed, name, fragment):
    doc = document(load(SAMPLES / name))
    missing = first_missing_in_order(seed, html_text(render_html(doc, fragment=fragment)))
    assert missing is None, f"not found (in order) in the web page: {missing}"


def test_seed_has_what_we_compare(seed):
    # The comparison covers the title, all six section headings, the narrative and all tables.
    assert seed[0] == "曲靖市麒麟区珠街街道2020年政府信息公开工作年度报告"
    for heading in ("一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"):
        assert heading in seed
    assert "000000000000000" in seed  # 表四's one value row
    assert len(seed) > 90


def test_comparison_notices_a_missing_paragraph_and_a_wrong_order(seed):
    report = load(SAMPLES / "zhujie-2020.json")
    dropped = report.sections["5"].pop()
    text = html_text(render_html(document(report)))
    assert first_missing_in_order(seed, text) == dropped.text
    report = load(SAMPLES / "zhujie-2020.json")
    report.sections["1"][1], report.sections["1"][2] = report.sections["1"][2], report.sections["1"][1]
    assert first_missing_in_order(seed, html_text(render_html(document(report)))) is not None
