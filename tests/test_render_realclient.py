"""Real clients: LibreOffice opens the Word document and prints every paragraph, label and
value; headless Chromium loads the web page, axe-core finds no accessibility violation, the
page reflows on a phone and at high zoom, and prints on A4.

Locally these tests skip with a reason when a tool is missing; under CI=true they fail.
Set DISCLOSURE_ARTIFACTS=folder to keep the PDFs, page images and screenshots for a look."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from _render_support import (
    first_missing_in_order,
    norm,
    pdf_has,
    pdf_pages,
    pdf_text,
    pdf_words,
    seed_chunks,
)
from conftest import IN_CI, SAMPLES, SEED, need_tool, soffice_convert
from disclosure_cli.reader import load
from disclosure_cli.render import DATE, DRAFT_MARK, HEADING, INTRO, PARA, SIGNATURE, TABLE, document
from disclosure_cli.render.docx import render_docx
from disclosure_cli.render.html import render_html
from disclosure_cli.render.tables import VALUE

pytestmark = pytest.mark.realclient

# name → plausible page count of the Word document (22 lines × 28 characters a page)
SAMPLE_PAGES = {"zhujie-2020": (7, 14), "huaian-2024": (4, 10)}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _keep(path: Path) -> None:
    folder = os.environ.get("DISCLOSURE_ARTIFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


def _require(ok: bool, why: str) -> None:
    if not ok:
        if IN_CI:
            pytest.fail(f"{why} — under CI=true a real-client test may not skip")
        pytest.skip(why)


# --------------------------------------------------------------------------------------------
# Word → LibreOffice → PDF
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    need_tool("soffice", "libreoffice")
    need_tool("pdftotext")
    need_tool("pdftoppm")
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, draft in (("zhujie-2020", False), ("huaian-2024", False), ("huaian-2024", True)):
        doc = document(load(SAMPLES / f"{name}.json"), draft=draft)
        stem = name + ("-draft" if draft else "")
        src = folder / f"{stem}.docx"
        src.write_bytes(render_docx(doc))
        pdf = soffice_convert(src, "pdf", folder)
        _keep(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(folder / stem)], check=True)
        for png in sorted(folder.glob(f"{stem}-*.png")):
            _keep(png)
        out[stem] = (doc, pdf)
    return out


@pytest.mark.parametrize("name", list(SAMPLE_PAGES))
def test_pdf_has_a_plausible_number_of_a4_pages(pdfs, name):
    _, pdf = pdfs[name]
    low, high = SAMPLE_PAGES[name]
    assert low <= pdf_pages(pdf) <= high
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    assert list(pdf.parent.glob(f"{name}-*.png")), "page images"


def _unhyphen(text: str) -> str:
    # pdftotext joins a line that ends in "-" to the next one and drops the "-" (0517-\n83605210)
    return text.replace("-", "")


@pytest.mark.parametrize("name", list(SAMPLE_PAGES))
def test_pdf_prints_every_paragraph(pdfs, name):
    doc, pdf = pdfs[name]
    raw = _unhyphen(pdf_text(pdf))
    text = norm(raw)
    assert norm("".join(doc.title_lines)) in text
    order = []
    for b in doc.pieces:
        if b.kind in (INTRO, PARA, HEADING, SIGNATURE, DATE):
            assert norm(_unhyphen(b.text)) in text, b.text
            order.append(_unhyphen(b.text))
    assert first_missing_in_order(order, raw) is None  # and in order


@pytest.mark.parametrize("name", list(SAMPLE_PAGES))
def test_pdf_prints_every_table_label_and_value(pdfs, name):
    doc, pdf = pdfs[name]
    pages = pdf_words(pdf)
    missing = []
    for b in doc.pieces:
        if b.kind != TABLE:
            continue
        for c in b.grid.cells:
            text = doc.value(c.key) if c.kind == VALUE else c.text
            if text and not pdf_has(text, pages):
                missing.append(text)
    assert not missing


def test_pdf_page_numbers(pdfs):
    _, pdf = pdfs["zhujie-2020"]
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    numbers = [l.replace(" ", "") for l in raw.splitlines() if l.strip().startswith("—")]
    assert numbers[:3] == ["—1—", "—2—", "—3—"]


def test_pdf_draft_marking_on_every_page(pdfs):
    _, pdf = pdfs["huaian-2024-draft"]
    for page in range(1, pdf_pages(pdf) + 1):
        raw = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
        ).stdout
        assert DRAFT_MARK in raw, page
    _, clean = pdfs["huaian-2024"]
    assert "草稿" not in pdf_text(clean)


# --------------------------------------------------------------------------------------------
# HTML → Chromium (+ axe-core)
# --------------------------------------------------------------------------------------------


def _axe_source() -> str:
    """axe-core's script: $AXE_CORE_JS if set, else the copy the ``axe-playwright-python`` test
    dependency ships (pip-installed with ``.[test]``, so any clone has it; no npm step)."""
    if os.environ.get("AXE_CORE_JS"):
        return Path(os.environ["AXE_CORE_JS"]).read_text(encoding="utf-8")
    try:
        from importlib.resources import files

        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError):
        _require(False, "needs axe-core: pip install -e '.[test]' (axe-playwright-python ships it)")


@pytest.fixture(scope="module")
def browser():
    chromium = need_tool("chromium", "chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "needs the playwright Python package: pip install playwright")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name, draft in (("zhujie-2020", False), ("huaian-2024", False), ("huaian-2024", True)):
        stem = name + ("-draft" if draft else "")
        path = folder / f"{stem}.html"
        path.write_text(render_html(document(load(SAMPLES / f"{name}.json"), draft=draft)), encoding="utf-8")
        out[stem] = path
    return out


def _open(browser, path: Path, width: int = 1000, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("name", ["zhujie-2020", "huaian-2024", "huaian-2024-draft"])
def test_axe_finds_no_violations(browser, pages, name):
    axe = _axe_source()
    for width in (1000, 390):
        page = _open(browser, pages[name], width)
        page.add_script_tag(content=axe)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        shot = pages[name].with_name(f"{name}-{width}.png")
        page.screenshot(path=str(shot), full_page=True)
        _keep(shot)
        page.close()
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], violations


@pytest.mark.parametrize("width", [320, 640])
def test_page_reflows_and_tables_scroll_in_their_box(browser, pages, width):
    # 320 CSS px = a phone, or 1280 px at 400 % zoom; 640 px = 1280 px at 200 % zoom
    page = _open(browser, pages["huaian-2024"], width)
    sizes = page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth,
            view: document.documentElement.clientWidth,
            boxes: [...document.querySelectorAll('.table-wrap')].map(
                e => ({scroll: e.scrollWidth, client: e.clientWidth, overflow: getComputedStyle(e).overflowX})),
            size: parseFloat(getComputedStyle(document.querySelector('p')).fontSize),
        })"""
    )
    page.close()
    assert sizes["page"] <= sizes["view"], sizes  # no sideways scrolling of the page
    assert all(b["overflow"] == "auto" for b in sizes["boxes"])
    if width == 320:
        assert sizes["boxes"][1]["scroll"] > sizes["boxes"][1]["client"]  # 表三 scrolls in its box
    assert sizes["size"] >= 16


def test_browser_shows_the_published_report_in_order(browser, pages):
    seed = seed_chunks(SEED)
    page = _open(browser, pages["zhujie-2020"])
    text = page.evaluate("() => document.body.innerText")
    page.close()
    assert first_missing_in_order(seed, text) is None


def test_draft_banner_is_visible(browser, pages):
    page = _open(browser, pages["huaian-2024-draft"])
    banner = page.locator(".draft-banner")
    assert banner.is_visible() and banner.inner_text() == DRAFT_MARK
    page.close()


def test_prints_on_a4(browser, pages, tmp_path):
    need_tool("pdfinfo")
    page = _open(browser, pages["huaian-2024"])
    pdf = tmp_path / "huaian-2024-print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    _keep(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    assert 3 <= pdf_pages(pdf) <= 12
