"""The report body of a web page is found without walking the site's chrome
(``importers.html._body_blocks``): it must give exactly what walking the whole page gives
(``_walked_body``, the reference) — on every page we have and on generated pages that put
headings, numerals, tables and inline wrappers where they trip a shortcut."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from disclosure_cli import formats as F
from disclosure_cli.errors import InputError
from disclosure_cli.importers import html as H

PUB = FIXTURES / "published"
REFUSED = {"nested-300-deep.html"}  # the parser stops before its end (test_import_html.py)
PAGES = [p for p in sorted(PUB.glob("*.html")) + sorted((PUB / "real").glob("*.html")) if p.name not in REFUSED]
FMT = F.FORMATS[max(F.FORMATS)]


def test_heading_start_is_every_character_that_folds_into_a_numeral():
    numerals = "一二三四五六"
    expected = {
        chr(c) for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000 and any(n in unicodedata.normalize("NFKC", chr(c)) for n in numerals)
    }
    assert set(H.HEADING_START) == expected


def _both(data: bytes):
    """(shortcut, reference, whether the shortcut was taken) on one page."""
    def run(fn):
        root = H.parse(data)
        body = root.find("body")
        body = root if body is None else body
        try:
            return repr(fn(root, body, FMT, Path("p.html")))
        except InputError as e:
            return f"{e.code}: {e}"

    taken = []
    real = H._walked_body

    def spy(*a):
        taken.append(False)
        return real(*a)

    H._walked_body = spy
    try:
        fast = run(H._body_blocks)
    finally:
        H._walked_body = real
    return fast, run(H._walked_body), not taken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_shortcut_gives_what_the_whole_walk_gives(page):
    fast, reference, _ = _both(page.read_bytes())
    assert fast == reference


def test_shortcut_is_taken_on_real_pages():
    """Every page whose report sits inside the site's chrome (sh-gov-2019 is the article alone:
    its body is the whole <body>, walked as it is)."""
    taken = {p.name for p in PAGES if _both(p.read_bytes())[2]}
    assert {p.name for p in (PUB / "real").glob("pt-*.html")} | {"trs-editor-gbk.html"} <= taken
    assert "sh-gov-2019.html" not in taken


REPORT = (PUB / "trs-editor-gbk.html").read_bytes().decode("gb18030")
TABLES = [REPORT[i: REPORT.index("</table>", i) + 8] for i in range(len(REPORT)) if REPORT.startswith("<table", i)]
TEXTS = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项",
    "五、存在的主要问题及整改措施", "统一", "第二", "六安市", "一", "、", "政务公开", "&nbsp;", " ", "\u3000", "㈠", "⼀、总体情况",
    "本机关2024年收到申请12件。", "",
]
INLINE = ["span", "font", "a", "b", "o:p"]
BLOCK = ["div", "p", "li", "td", "h1", "center"]
STOP = ["script", "form", "noscript"]
# a heading split over inline elements, its numeral in one and its words in another
SPLIT = [
    "<p><span>一</span>、总体情况</p>", "<span>二、</span>主动公开政府信息情况", "<font>六</font><b>、其他需要报告的事项</b>",
    "五、存在的<span>主要问题</span>及整改措施", "<a>四</a>、政府信息公开行政复议、行政诉讼情况",
]


@st.composite
def markup(draw, depth=0):
    kind = draw(st.sampled_from(["text", "split", "inline", "block", "stop", "table", "br", "img", "layout"] if depth < 4 else ["text", "split", "table", "br"]))
    if kind == "text":
        return draw(st.sampled_from(TEXTS))
    if kind == "split":
        return draw(st.sampled_from(SPLIT))
    if kind == "br":
        return "<br/>"
    if kind == "img":
        return '<img src="t.png"/>'
    if kind == "table":
        return draw(st.sampled_from(TABLES))
    children = "".join(draw(st.lists(markup(depth + 1), max_size=4)))
    if kind == "layout":
        return f"<table><tr><td>{children}</td><td>{draw(st.sampled_from(TEXTS))}</td></tr></table>"
    tag = draw(st.sampled_from({"inline": INLINE, "block": BLOCK, "stop": STOP}[kind]))
    return f"<{tag}>{children}</{tag}>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(markup(), min_size=1, max_size=8))
def test_shortcut_equals_whole_walk_on_generated_pages(parts):
    page = "<html><head><title>t</title></head><body>" + "".join(parts) + "</body></html>"
    fast, reference, _ = _both(page.encode("utf-8"))
    assert fast == reference
