"""The web page: self-contained, accessible markup (lang, headings in order, captions, th scope,
rowspan/colspan of the official layout), autoescaped text, the CMS fragment, the draft banner."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import SAMPLES
from disclosure_cli.model import Paragraph
from disclosure_cli.reader import load
from disclosure_cli.render import DRAFT_MARK, document
from disclosure_cli.render.html import render_html
from disclosure_cli.render.tables import VALUE, table_grid


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tables: list[list[list[tuple[str, dict, str]]]] = []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self._cell = [tag, a, ""]

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell:
            self.tables[-1][-1].append(tuple(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[2] += data


def parse(text: str) -> Tags:
    p = Tags()
    p.feed(text)
    return p


@pytest.fixture(scope="module", params=["zhujie-2020.json", "huaian-2024.json"])
def sample(request):
    report = load(SAMPLES / request.param)
    return report, render_html(document(report))


def test_self_contained_page(sample):
    _, page = sample
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    tags = [t for t, _ in parse(page).tags]
    assert tags.count("style") == 1
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert '<meta charset="utf-8">' in page and 'name="viewport"' in page
    assert "@media print" in page and "size: A4" in page


def test_headings_in_order(sample):
    report, page = sample
    levels = [int(t[1]) for t, _ in parse(page).tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    for a, b in zip(levels, levels[1:]):
        assert b <= a + 1, levels
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    assert h2 == [s.heading for s in report.format.sections]


def test_tables_reproduce_the_official_layout(sample):
    report, page = sample
    p = parse(page)
    assert len(p.tables) == 3
    assert page.count("<caption") == 3
    for table, rows in zip(report.format.tables, p.tables):
        g = table_grid(table)
        expected = [
            [
                (
                    "td" if c.kind == VALUE else "th",
                    c.rowspan,
                    c.colspan,
                    report.cells[c.key].raw if c.kind == VALUE else c.text,
                )
                for c in row
            ]
            for row in g.rows()
        ]
        got = [
            [(tag, int(a.get("rowspan", 1)), int(a.get("colspan", 1)), text) for tag, a, text in row]
            for row in rows
        ]
        for e_row, g_row in zip(expected, got):
            for (etag, ers, ecs, etext), (gtag, grs, gcs, gtext) in zip(e_row, g_row):
                assert (etag, ers, ecs) == (gtag, grs, gcs)
                want = "" if etext is None else str(etext)
                assert gtext == want or (isinstance(etext, float) and float(gtext) == etext)
        assert len(expected) == len(got)
        for row in rows:
            for tag, a, _ in row:
                if tag == "th":
                    assert a.get("scope") in ("col", "row", "colgroup", "rowgroup")
                else:
                    assert a.get("class") == "num"


def test_numbers_centred_and_tables_scroll_in_their_own_box(sample):
    _, page = sample
    assert re.search(r"td\.num\s*{[^}]*text-align:\s*center", page)
    assert re.search(r"\.table-wrap\s*{[^}]*overflow-x:\s*auto", page)
    assert page.count('<div class="table-wrap') == 3
    assert 'tabindex="0"' in page and 'role="region"' in page


def test_text_is_escaped():
    report = load(SAMPLES / "huaian-2024.json")
    report.sections["6"] = [Paragraph("<script>alert('x')</script> 收费 & 减免 <b>")]
    report.org = "某局<i>"
    page = render_html(document(report))
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 收费 &amp; 减免 &lt;b&gt;" in page
    frag = render_html(document(report), fragment=True)
    assert "<script>" not in frag and "&amp; 减免" in frag


def test_fragment_is_plain_body_markup():
    report = load(SAMPLES / "zhujie-2020.json")
    frag = render_html(document(report), fragment=True)
    for tag in ("<html", "<head", "<style", "<body", "<!DOCTYPE", "<script", "<link"):
        assert tag not in frag
    assert frag.count('<table border="1" cellspacing="0" cellpadding="4"') == 3
    assert "<h1" in frag and "<caption" in frag and 'scope="col"' in frag
    assert 'align="center"' in frag and "class=" not in frag.replace('class="disclosure-report"', "")


def test_draft_banner():
    report = load(SAMPLES / "huaian-2024.json")
    assert DRAFT_MARK not in render_html(document(report))
    page = render_html(document(report, draft=True))
    assert f'<p class="draft-banner" role="note">{DRAFT_MARK}</p>' in page
    assert "<title>【草稿】" in page
    assert DRAFT_MARK in render_html(document(report, draft=True), fragment=True)


def test_signature_and_date_at_the_end():
    page = render_html(document(load(SAMPLES / "zhujie-2020.json")))
    tail = page[page.rindex("</table>") :]
    assert re.search(r'<div class="signature">\s*<p>曲靖市麒麟区珠街街道</p>\s*<p>2021年2月16日</p>', tail)


def test_run_in_subheading_and_date_placeholder():
    from disclosure_cli.render import DATE_PLACEHOLDER

    page = render_html(document(load(SAMPLES / "huaian-2024.json")))
    assert '<p><span class="run-in">（一）主动公开情况。</span>2024年' in page
    assert ".run-in" in page and "position: sticky" in page
    tail = page[page.rindex("</table>") :]
    assert re.search(rf'<div class="signature">\s*<p>淮安市人民政府</p>\s*<p>{DATE_PLACEHOLDER}</p>', tail)
    frag = render_html(document(load(SAMPLES / "huaian-2024.json")), fragment=True)
    assert '<span style="font-family:楷体_GB2312,KaiTi,楷体,STKaiti,serif">（一）主动公开情况。</span>' in frag
