"""``disclosure review``: the review page of a folder of units — flagged cells exactly the
findings' refs, statuses, no external resource; Chromium screenshots, axe-core 0."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html.parser import HTMLParser

import pytest

from disclosure_cli import formats as F
from disclosure_cli.checks import check_paths
from test_render_realclient import CHROMIUM_ARGS, _axe_source, _keep
from conftest import need_tool
from test_rollup import district, flat, run, write

R = F.Role


class _Cells(HTMLParser):
    """Every ``td.flag`` (its data-ref, per unit section) and every URL-bearing attribute."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.flags: dict[str, set[str]] = {}
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "unit" in (a.get("class") or ""):
            self.section = a["id"]
        if tag == "td" and "flag" in (a.get("class") or "").split():
            self.flags.setdefault(self.section, set()).add(a["data-ref"])
        for k in ("src", "href", "action", "data", "poster"):
            if a.get(k):
                self.urls.append((tag, k, a[k]))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    datas = district(5)
    datas[1]["t3"]["1"]["total"] += 3  # error: row total and balance
    datas[2]["t2"]["license"]["decisions"] = None  # blank: warning
    datas[3]["sections"]["1"].append("本机关共新收政府信息公开申请99999件。")
    for d in datas:
        d["meta"]["kind"] = "department"
    write(tmp / "in", datas)
    (tmp / "in" / "坏.xlsx").write_bytes(b"x")
    return tmp


def test_page_flags_exactly_the_refs_of_the_findings(folder):
    out = folder / "审核.html"
    r = run("review", folder / "in", "-o", out, "--force")
    assert r.exit_code == 2, r.output  # an unreadable file
    html = out.read_text(encoding="utf-8")
    p = _Cells()
    p.feed(html)
    items = check_paths([folder / "in"])
    n = 0
    for i, (path, item) in enumerate(items, start=1):
        if not hasattr(item, "findings"):
            continue
        want = {
            str(F.CellKey(ref["table"], str(ref["row"]), ref["column"]))
            for f in item.open_findings
            for ref in f.refs
            if "table" in ref and "row" in ref and "column" in ref and not ref.get("previous")
        }
        got = p.flags.get(f"u{i}", set())
        assert got == want, path
        n += bool(want)
    assert n >= 2
    assert "有错误" in html and "无法读取" in html and "有警告" in html
    assert flat("某某区第02单位") in flat(html)
    assert p.urls and all(u.startswith("#") for _, _, u in p.urls), p.urls
    assert not re.search(r"https?://|//[a-z]", html.replace("http://www.w3.org/2000/svg", ""))


def test_indicators_and_previous_jump(tmp_path):
    from disclosure_cli.jsonform import from_data
    from disclosure_cli.render.review import INDICATORS, JUMP, indicators, review_page

    now = district(3)
    last = district(3, year=2023, seed=99)  # same names (某某区第01单位…), other figures
    for d in now:
        d["meta"]["kind"] = "department"
        d["meta"].pop("deadline", None)
    write(tmp_path / "now", now)
    write(tmp_path / "last", last)
    page, rows = review_page([tmp_path / "now"], previous=[tmp_path / "last"], today=dt.date(2025, 1, 20))
    jumps = 0
    for row, d, old in zip(rows, now, last):
        assert row.ind == indicators(from_data(d))
        assert (row.deadline, row.days) == (dt.date(2025, 1, 31), 11)
        before = indicators(from_data(old))
        for k in INDICATORS:
            if row.ind[k] is None or before[k] is None:
                continue
            change = row.ind[k] - before[k]
            cls = ' class="jump"' if abs(change) >= JUMP else ""
            jumps += bool(cls)
            assert f"<span{cls}>（{change * 100:+.1f}）</span>" in page, (row.name, k)
    assert jumps


def test_missing_units_from_the_list(folder, tmp_path):
    (tmp_path / "u.csv").write_text("单位名称\n某某区第01单位\n某某区第77单位\n", encoding="utf-8")
    r = run("review", folder / "in", "-o", tmp_path / "a.html", "--units", tmp_path / "u.csv")
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "某某区第77单位" in html and "未提交" in html
    assert r.exit_code == 2


def test_review_of_many_units_is_small(tmp_path):
    write(tmp_path / "in", district(60))
    r = run("review", tmp_path / "in", "-o", tmp_path / "a.html")
    assert r.exit_code in (0, 1)
    assert (tmp_path / "a.html").stat().st_size < 60 * 12_000


@pytest.fixture(scope="module")
def browser():
    chromium = need_tool("chromium", "chromium-browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("width", [1200, 390])
def test_axe_screenshot_and_no_network(browser, folder, width):
    out = folder / "审核.html"
    if not out.exists():
        run("review", folder / "in", "-o", out)
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(out.as_uri())
    page.add_script_tag(content=_axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    shot = folder / f"review-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    _keep(shot)
    # sorting by a column works and keeps every row
    n = page.locator("table.sortable >> nth=1 >> tbody tr").count()
    page.locator("table.sortable >> nth=1 >> thead button").nth(2).click()
    assert page.locator("table.sortable >> nth=1 >> thead th").nth(2).get_attribute("aria-sort") == "ascending"
    assert page.locator("table.sortable >> nth=1 >> tbody tr").count() == n
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations
    assert [u for u in requests if not u.startswith("file:")] == []
    assert overflow <= 1  # usable on a phone: nothing wider than the screen but the scroll boxes


def test_prints_on_a4(browser, folder, tmp_path):
    out = folder / "审核.html"
    if not out.exists():
        run("review", folder / "in", "-o", out)
    page = browser.new_page()
    page.goto(out.as_uri())
    pdf = tmp_path / "review.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    _keep(pdf)
    info = subprocess.run([need_tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
