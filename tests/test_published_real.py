"""Real published pages (tests/fixtures/published/real/): the report body of corpus reports,
copied verbatim from the crawl's page.html (see the comment at the top of each file and
tests/fixtures/published/README.md).

For each page:
- the copy is faithful: the text of the saved body (lxml, whitespace dropped) is the text of the
  crawler's own extract of the same page (tests/corpus/pages/NAME.txt, after its header lines);
- ``disclosure import`` reads every table cell as it was read by hand (tests/corpus/specs.py:
  values, blank cells and text in a cell), with the right format version, year and unit;
- ``disclosure check`` finds the hand-verified true defects of tests/corpus/expectations.json and
  nothing else at error or warning level but the findings listed in OTHER_FINDINGS (true problems
  that expectations.json cannot hold: the corpus JSON keeps no headings), and every finding on a
  table cell points into the page (第 N 个表格 第 R 行 第 C 列「…」)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, corpus_tools
from disclosure_cli import load
from disclosure_cli.cli import app
from test_corpus import _at  # where a true defect is expected: the same matching as the corpus test

HERE = Path(__file__).parent
REAL = HERE / "fixtures" / "published" / "real"
EXPECT = json.loads((CORPUS / "expectations.json").read_text(encoding="utf-8"))["reports"]
ALL_PAGES = sorted(p.stem for p in REAL.glob("*.html"))
PAGES = [p for p in ALL_PAGES if p.startswith("pt-")]  # the corpus pages (www.pingtan.gov.cn)
PLACE = re.compile(r"^第 \d+ 行 第 \d+ 列「.*」$", re.S)
LACKING = re.compile(r"^（表中没有“.+ / .+”）$")  # a cell of a row the page's table leaves out

# Warnings on these pages that are not in expectations.json, each checked by hand and true: the
# corpus reports (JSON made from the crawler's text) keep no section headings, so a heading that
# differs from the official format can only be seen on the page itself.  No false finding so far.
OTHER_FINDINGS: dict[str, list[dict]] = {
    "pt-hzs-2024": [
        {"code": "published-heading-drift", "level": "warning", "value": "四、政府信息公开行政复议与行政诉讼情况",
         "why": "the page's heading has 与 where the format has 、"},
    ],
    "pt-hzs-2025": [
        {"code": "published-heading-drift", "level": "warning", "value": "四、政府信息公开行政复议与行政诉讼情况",
         "why": "the page's heading has 与 where the format has 、"},
    ],
}


MAKE, SPECS = corpus_tools()


def _expected_tables(spec: dict) -> dict:
    """The hand-read tables of a spec in the report JSON's shape (as make_corpus writes them)."""
    fmt = spec["format"]
    t2 = {row: dict(zip(cols, spec["t2"][row])) for row, cols in MAKE.T2[fmt].items()}
    t3rows = spec.get("t3", {})
    t3 = {row: dict(zip(MAKE.T3_COLS, t3rows.get(row, [0] * 7))) for row in MAKE.T3_ROWS[fmt]}
    t4vals = spec.get("t4", [0] * 15)
    t4 = {g: dict(zip(MAKE.T4_COLS, t4vals[5 * i: 5 * i + 5])) for i, g in enumerate(MAKE.T4_GROUPS)}
    return {"t2": t2, "t3": t3, "t4": t4}


def _header(name: str) -> dict:
    text = (REAL / f"{name}.html").read_text(encoding="utf-8")
    m = re.match(r"<!--\n(.*?)\n-->\n", text, re.S)
    assert m, f"{name}: the file starts with its source comment"
    return dict(line.split(": ", 1) for line in m.group(1).splitlines() if re.match(r"^[A-Z][a-z]+( [a-z]+)?: ", line))


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_pages_are_corpus_reports():
    """Every real page is a corpus report here, or one of another site's in test_published_other."""
    from test_published_other import ORACLE

    assert len(PAGES) >= 1
    assert set(PAGES) <= set(SPECS)
    assert set(ALL_PAGES) == set(PAGES) | set(ORACLE)


@pytest.mark.parametrize("name", PAGES)
def test_header_names_the_source(name):
    h = _header(name)
    src = json.loads((CORPUS / "reports" / f"{name}.json").read_text(encoding="utf-8"))["source"]
    assert h["Saved from"] == src["url"]
    assert h["Repository"].startswith(src["repository"])
    assert h["Path"] == src["path"].rsplit("/", 1)[0] + "/page.html"
    assert h["Commit"] == src["commit"]
    start, end = map(int, re.match(r"characters (\d+)\.\.(\d+) ", h["Body"]).groups())
    assert end > start
    assert "report body only; site chrome removed" in h["Note"]


@pytest.mark.parametrize("name", PAGES)
def test_saved_body_is_the_pages_text(name):
    """The transcription check: the saved body's text is the crawler's text of the same page."""
    import lxml.html

    html = (REAL / f"{name}.html").read_text(encoding="utf-8")
    h = _header(name)
    start, end = map(int, re.match(r"characters (\d+)\.\.(\d+) ", h["Body"]).groups())
    body = html[html.index("</title>\n") + len("</title>\n"):].removesuffix("\n")
    assert len(body) == end - start, "the body is as long as the header says"
    root = lxml.html.fromstring(body)
    assert "TRS_Editor" in (root.get("class") or ""), "the saved element is the report body"
    saved = _flat(root.text_content())
    page = (CORPUS / "pages" / f"{name}.txt").read_text(encoding="utf-8")
    page = page.split("==================== 正文 ====================", 1)[1]
    assert saved == _flat(page)


def imported(page: Path, tmp_path: Path) -> dict:
    """``disclosure import PAGE -o out.json``: the JSON form written (the page left as it was)."""
    before = page.read_bytes()
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["import", str(page), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert page.read_bytes() == before
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PAGES)
def test_import_reads_the_hand_read_tables(name, tmp_path):
    spec = SPECS[name]
    page = REAL / f"{name}.html"
    data = imported(page, tmp_path)
    assert (data["org"], data["year"], data["format"]) == (spec["org"], spec["year"], spec["format"])
    want = _expected_tables(spec)
    for table in ("t2", "t3", "t4"):
        assert data[table] == want[table], table

    report = load(page)
    for key, cell in report.cells.items():
        expected = want[key.table][key.row][key.column]
        if cell.source.row is None:  # a row the page does not have at all: blank, placed at its table
            assert expected is None and cell.state == "blank" and cell.raw is None, key
            assert re.match(r"^第 \d+ 个表格$", cell.source.sheet) and LACKING.match(cell.source.cell), key
            continue
        m = re.match(r"^第 (\d+) 个表格 (第 \d+ 行 第 \d+ 列「.*」)$", str(cell.source), re.S)
        assert m and int(m.group(1)) == cell.source.table and PLACE.match(m.group(2)), (key, str(cell.source))
        if expected is None:
            assert cell.state == "blank" and cell.raw is None, key
        elif isinstance(expected, str):
            assert cell.state == "text", key


@pytest.mark.parametrize("name", PAGES)
def test_check_finds_the_true_defects_and_points_into_the_page(name):
    page = REAL / f"{name}.html"
    res = CliRunner().invoke(app, ["check", str(page), "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    data = json.loads(res.stdout)["files"][0]
    findings = data["findings"]
    defects = EXPECT[name]["defects"]
    for d in defects:
        assert any(f["code"] in d["codes"] and _at(d["where"], f) for f in findings), (d, findings)
    others = [f for f in findings if not any(f["code"] in d["codes"] and _at(d["where"], f) for d in defects)]
    assert not [f for f in others if f["level"] == "error"], "a false error"
    known = OTHER_FINDINGS.get(name, [])
    assert sorted((f["level"], f["code"], f["refs"][0].get("value")) for f in others if f["level"] != "info") == sorted(
        (k["level"], k["code"], k["value"]) for k in known)
    for f in findings:
        for r in f["refs"]:
            if "table" in r and "row" in r and "column" in r:
                assert re.match(r"^第 \d+ 个表格$", r.get("sheet", "")), (f["code"], r)
                assert PLACE.match(r.get("cell", "")) or LACKING.match(r.get("cell", "")), (f["code"], r)
    assert res.exit_code == (1 if any(f["level"] == "error" for f in findings) else 0)


def test_a_row_the_page_leaves_out_is_placed_at_the_pages_table():
    """pt-hzs-2025's 表二 has no 规章 row: its blank cells and the missing label point at the
    page's 第 1 个表格 (not at a workbook sheet 表二)."""
    res = CliRunner().invoke(app, ["check", str(REAL / "pt-hzs-2025.html"), "--format", "json"])
    findings = json.loads(res.stdout)["files"][0]["findings"]
    blank = [r for f in findings if f["code"] == "value-blank" for r in f["refs"]]
    assert [(r["row"], r["sheet"], r["cell"]) for r in blank] == [
        ("rules", "第 1 个表格", "（表中没有“规章 / 本年制发件数”）"),
        ("rules", "第 1 个表格", "（表中没有“规章 / 本年废止件数”）"),
        ("rules", "第 1 个表格", "（表中没有“规章 / 现行有效件数”）"),
    ]
    missing = [r for f in findings if f["code"] == "label-missing" for r in f["refs"]]
    assert [(r["row"], r["sheet"]) for r in missing] == [("rules", "第 1 个表格")]
    text = CliRunner().invoke(app, ["check", str(REAL / "pt-hzs-2025.html")]).stdout
    assert "第 1 个表格 （表中没有“规章 / 本年制发件数”）" in text
    assert res.exit_code == 1
