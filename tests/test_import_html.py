"""Importing published web pages: the markup real sites use, the report body among the site's
chrome, blank cells apart from covered ones, label drift as findings, places in every cell."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import FIXTURES, SAMPLES
from disclosure_cli import formats as F
from disclosure_cli import values as V
from disclosure_cli.errors import InputError
from disclosure_cli.importers import grid as G
from disclosure_cli.importers.html import decode
from disclosure_cli.jsonform import to_data
from disclosure_cli.reader import load

PUB = FIXTURES / "published"


def _same_tables(a: dict, b: dict) -> list:
    return [
        (t, r, c, a[t][r][c], b[t][r][c])
        for t in ("t2", "t3", "t4")
        for r in b[t]
        for c in b[t][r]
        if a[t][r][c] != b[t][r][c]
    ]


@pytest.mark.parametrize(
    "page, sample, drifted",
    [
        ("trs-editor-gbk.html", "huaian-2024.xlsx", "五、存在的主要问题及整改措施"),
        ("zoom-utf8-nometa.html", "zhujie-2020.xlsx", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("blanks-three-spellings.html", "zhujie-2020.xlsx", None),
    ],
)
def test_word_paste_pages_read_like_the_sample(page, sample, drifted):
    """Body in div.TRS_Editor / #zoom / .article-content among navigation, scripts and footer;
    labels split over spans with &nbsp; and <o:p>; 1、 for 1.; 表四's 行政复议 labels spanning two
    rows; GB2312 declared (bytes in GBK) or no charset at all: the same numbers as the sample."""
    before = (PUB / page).read_bytes()
    report = load(PUB / page)
    expected = to_data(load(SAMPLES / sample))
    got = to_data(report)
    assert _same_tables(got, expected) == []
    assert got["sections"] == expected["sections"]
    assert (report.org, report.year, report.format.id) == (expected["org"], expected["year"], expected["format"])
    assert report.format_source == "labels"
    altered = [p for p in report.problems if p.code == "published-heading-drift"]
    if drifted:
        assert [p.found for p in altered] == [drifted]
        assert str(altered[0].source).startswith("网页正文 第 ")
    else:
        assert altered == []
    assert (PUB / page).read_bytes() == before


@pytest.mark.parametrize(
    "page, drifted, order",
    [
        # 君山片区管理局 2025: its own wording for 一 (found by its place before 二) and 六 (七、…, by wording)
        ("own-headings.html", {"一、年度工作核心成效": "1", "七、其他需说明事项": "6"}, None),
        # 金井片区管理局 2025: 五、信息处理费收取情况 (六's topic) before 六、存在的主要问题及改进措施 (五's wording)
        ("swapped-parts.html", {"五、信息处理费收取情况": "6", "六、存在的主要问题及改进措施": "5"}, "published-section-order"),
    ],
)
def test_parts_titled_their_own_way_are_read_into_the_right_part(page, drifted, order, tmp_path, cli):
    """A report that titles or orders its parts its own way: each part's text lands in its part
    (the same text as the sample's), each own heading is a warning naming the part it was taken
    for, and the order — resting on those guesses — is a warning, not an error."""
    report = load(PUB / page)
    expected = to_data(load(SAMPLES / "huaian-2024.xlsx"))
    assert to_data(report)["sections"] == expected["sections"]
    heads = [p for p in report.problems if p.code == "published-heading-drift"]
    official = {s.heading: s.id for s in report.format.sections}
    assert {p.found: official[p.label] for p in heads} == drifted
    assert [p.code for p in report.problems if "order" in p.code] == ([order] if order else [])
    assert [p.code for p in report.problems if p.code == "section-missing"] == []
    r = cli("check", PUB / page, "--format", "json")
    assert r.exit_code == 0, r.output
    assert {f["code"] for f in json.loads(r.output)["files"][0]["findings"]} <= {"published-heading-drift", "published-section-order"}


def test_blank_in_three_spellings_stays_blank_and_says_where():
    report = load(PUB / "blanks-three-spellings.html")
    blanks = {k: c for k, c in report.cells.items() if c.state == V.BLANK}
    assert [(k.row, k.column) for k in blanks] == [("3.3.1", "nonprofit"), ("3.3.1", "other"), ("3.3.1", "total")]
    places = [str(c.source) for c in blanks.values()]
    assert places[0] == "第 2 个表格 第 8 行 第 7 列「&nbsp;」"
    assert places[2] == "第 2 个表格 第 8 行 第 10 列「」"
    assert all(c.raw is None for c in blanks.values())  # never 0


def test_every_cell_and_paragraph_has_its_place():
    report = load(PUB / "trs-editor-gbk.html")
    for key, cell in report.cells.items():
        assert cell.source.table in (1, 2, 3) and cell.source.row and cell.source.col, key
        assert str(cell.source).startswith(f"第 {cell.source.table} 个表格 第 ")
    t3 = report.cell("t3", "1", "natural")
    assert t3.source.table == 2 and t3.source.raw.strip() == "3001"
    for paras in report.sections.values():
        for p in paras:
            assert str(p.source).startswith("网页正文 第 ")
    assert report.meta["published"] == "2025-01-20"
    assert report.imported["sha256"] == hashlib.sha256((PUB / "trs-editor-gbk.html").read_bytes()).hexdigest()


def test_findings_point_into_the_page(tmp_path):
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    res = CliRunner().invoke(app, ["check", str(PUB / "blanks-three-spellings.html"), "--format", "json"])
    data = json.loads(res.stdout)["files"][0]
    refs = [r for f in data["findings"] if f["code"] == "value-blank" for r in f["refs"]]
    assert {"sheet": "第 2 个表格", "cell": "第 8 行 第 7 列「&nbsp;」"}.items() <= refs[0].items()
    text = CliRunner().invoke(app, ["check", str(PUB / "blanks-three-spellings.html")]).stdout
    assert "第 2 个表格 第 8 行 第 7 列「&nbsp;」" in text


@pytest.mark.parametrize(
    "page, code, words",
    [
        ("list-page.html", "import-list-page", "列表页（列出 4 篇报告的链接）"),
        ("script-shell.html", "import-script-shell", "由脚本加载"),
        ("attachment-only.html", "import-attachment-only", "请下载附件“平潭综合实验区某局2020年政府信息公开工作年度报告.pdf”"),
        ("tables-as-images.html", "import-tables-as-images", "以图片形式发布"),
        ("unrelated.html", "import-not-report", "不是政府信息公开工作年度报告"),
        ("scanned.pdf", "import-scanned-pdf", "没有文字层"),
    ],
)
def test_not_a_report_said_plainly(page, code, words, tmp_path):
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    before = (PUB / page).read_bytes()
    with pytest.raises(InputError) as e:
        load(PUB / page)
    assert e.value.code == code and words in e.value.message
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["import", str(PUB / page), "-o", str(out)])
    assert res.exit_code == 2
    assert words in res.stderr and res.stderr.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert (PUB / page).read_bytes() == before


@pytest.mark.parametrize("enc, meta", [("utf-8", ""), ("gbk", "gbk"), ("gb2312", "gb2312"), ("gb18030", "GB18030"), ("gbk", "")])
def test_charsets(enc, meta):
    text = "<html><head>" + (f'<meta charset="{meta}">' if meta else "") + "</head><body><p>政府信息公开、行政复议</p></body></html>"
    assert "政府信息公开、行政复议" in decode(text.encode(enc))


@pytest.mark.parametrize("name", ["base64", "rot13", "zlib", "undefined", "idna", "punycode", "unicode_escape", "utf-16", "utf-32", "utf-7", "no-such-charset"])
def test_a_declared_charset_that_is_not_one_is_ignored(name):
    """A ``<meta>`` naming a codec Python has but no page is written in (a bytes codec, an escape
    codec, UTF-16 declared in ASCII…) is read as if no charset were declared: no internal error,
    no garbage."""
    text = "<html><head>" + f'<meta charset="{name}">' + "</head><body><p>政府信息公开、行政复议\\u4e00</p></body></html>"
    for enc in ("utf-8", "gbk"):
        assert "政府信息公开、行政复议\\u4e00" in decode(text.encode(enc))


def test_a_report_declaring_a_python_codec_is_read(tmp_path):
    """charset-not-a-charset.html declares ``base64`` (before: LookupError, exit 3)."""
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    page = PUB / "charset-not-a-charset.html"
    res = CliRunner().invoke(app, ["import", str(page)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["org"], data["year"]) == ("平潭综合实验区某局", 2024)
    assert data["sections"]["1"] == ["2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。"]


@pytest.mark.parametrize("stray", [b"\x80", b"\xff"])
def test_a_stray_byte_does_not_make_the_page_unreadable(stray, tmp_path):
    """One byte that is no character of the page's charset (a GBK page cut inside a character,
    a bad join by the CMS) is read as U+FFFD, as a browser shows it; the rest of the page is read
    as without it (before: the page was decoded by a guess and refused as not a report)."""
    base = (PUB / "trs-editor-gbk.html").read_bytes()
    want = load(PUB / "trs-editor-gbk.html")
    words = want.sections["1"][0].text[:6]  # inside the first paragraph of 一、总体情况
    at = base.index(words.encode("gbk")) + len(words.encode("gbk"))
    page = tmp_path / "stray.html"
    page.write_bytes(base[:at] + stray + base[at:])
    assert decode(page.read_bytes()).count("\ufffd") == 1
    got = load(page)
    assert {k: c.value for k, c in got.cells.items()} == {k: c.value for k, c in want.cells.items()}
    assert got.sections["1"][0].text == words + "\ufffd" + want.sections["1"][0].text[6:]
    assert [[p.text for p in ps] for ps in got.sections.values()][1:] == [[p.text for p in ps] for ps in want.sections.values()][1:]
    assert (got.org, got.year) == (want.org, want.year)


def test_grid_keeps_covered_apart_from_blank():
    g = G.expand([
        [G.Drawn("a", rowspan=2), G.Drawn("b", colspan=2)],
        [G.Drawn(""), G.Drawn("c")],
    ])
    assert (g.nrows, g.ncols) == (2, 3)
    assert g.places[(2, 1)].covered and g.places[(2, 1)].text == "a"
    assert not g.places[(2, 2)].covered and g.places[(2, 2)].text == ""
    assert g.places[(1, 3)].covered and g.places[(2, 3)].text == "c"


def test_hostile_spans_and_nesting_are_bounded():
    g = G.expand([[G.Drawn("x", rowspan=10**9, colspan=10**9)]])
    assert g.nrows <= G.MAX_SPAN and g.ncols <= G.MAX_SPAN
    from disclosure_cli.importers.html import CutShort, parse, text_content

    deep = b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>"
    with pytest.raises(CutShort):  # no recursion error, no hang: the parser stops at 256
        parse(deep)
    ent = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p></body></html>'
    root = parse(ent)
    assert "root:" not in text_content(root)


def test_markup_deeper_than_the_parser_reads_is_refused(tmp_path):
    """nested-300-deep.html: the report inside 300 nested <div>s. libxml2 stops at 256 and would
    give only the page's start (before: refused as “not a report”, or a report read in part): the
    message says why. 220 deep, it is read as at the top (before: the walk stopped at 200)."""
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    page = PUB / "nested-300-deep.html"
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["import", str(page), "-o", str(out)])
    assert res.exit_code == 2 and "标记嵌套超过 256 层" in res.stderr and res.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    text = page.read_text("utf-8")
    shallow = tmp_path / "nested-220.html"
    shallow.write_text(text.replace("<div>" * 300, "<div>" * 220).replace("</div>" * 300, "</div>" * 220), "utf-8")
    flat = tmp_path / "flat.html"
    flat.write_text(text.replace("<div>" * 300, "").replace("</div>" * 300, ""), "utf-8")
    got, want = load(shallow), load(flat)
    assert (got.org, got.year) == (want.org, want.year) == ("平潭综合实验区某局", 2024)
    assert [[p.text for p in ps] for ps in got.sections.values()] == [[p.text for p in ps] for ps in want.sections.values()]
    assert all(want.sections.values())


def test_old_labels_still_read():
    """规范性文件 for 行政规范性文件, 1、 for 1.: the data is read, the drift is a finding."""
    page = (PUB / "trs-editor-gbk.html").read_bytes().decode("gb18030")
    page = page.replace("<span style=\"font-family:宋体;font-size:10.5pt\">行政</span><span style=\"font-family:宋体;font-size:10.5pt\">规范</span>", "<span>规范</span>", 1)
    from pathlib import Path
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "p.html"
        p.write_bytes(page.encode("gb18030"))
        report = load(p)
    altered = [x for x in report.problems if x.code == "label-altered"]
    assert any(x.label == "行政规范性文件" for x in altered)
    assert report.cell("t2", "normative", "issued").value == 8


def test_normalised_labels_match_both_spellings():
    assert F.normalize_label("1、属于国家秘密") == F.normalize_label("1.属于 国家秘密")
    assert F.normalize_label("一、总体情况") == F.normalize_label("一.总体情况")


def test_label_drift_on_a_published_page_is_a_warning_and_the_data_is_read(tmp_path):
    """现行有效件数（历史累计） for 现行有效件数: a warning of its own (the page is published, the
    drift may be the site's); the other version's label (规范性文件) stays an error."""
    from disclosure_cli.checks import check_report

    page = (PUB / "trs-editor-gbk.html").read_bytes().decode("gb18030")
    i = page.index("现行")
    j = page.index("件数", i) + len("件数")
    page = page[:i] + "现行有效件数（历史累计）" + page[j:]
    p = tmp_path / "p.html"
    p.write_bytes(page.encode("gb18030"))
    report = load(p)
    assert report.cell("t2", "rules", "in_force").value == 11
    result = check_report(report)
    drift = [f for f in result.findings if f.code == "published-label-drift"]
    assert len(drift) == 1 and drift[0].level == "warning"
    assert "现行有效件数（历史累计）" in drift[0].message
    assert drift[0].refs[0]["sheet"] == "第 1 个表格"
    heading = [f for f in result.findings if f.code == "published-heading-drift"]
    assert len(heading) == 1 and heading[0].level == "warning"
    assert result.errors == 0


def test_whole_columns_left_blank_stay_blank():
    """<ucapcontent> body; 表三 with the 总计 column and the five 法人或其他组织 columns left blank on
    every row: each of those cells is blank (never 0), with its place; every other cell is read."""
    report = load(PUB / "ucap-blank-columns.html")
    want = load(SAMPLES / "huaian-2024.xlsx")
    t3 = report.format.table("t3")
    natural = {c.id for c in t3.blocks[0].columns if c.label == "自然人"}
    for key in t3.cells():
        cell = report.cells[key]
        if key.column in natural:
            assert (cell.state, cell.value) == (want.cells[key].state, want.cells[key].value)
        else:
            assert cell.state == V.BLANK and cell.raw is None, key
            assert str(cell.source).endswith("列「」")
    assert to_data(report)["t4"] == to_data(want)["t4"]


def test_version_is_read_from_the_labels_and_a_wrong_year_is_reported(tmp_path):
    from disclosure_cli.checks import check_report

    page = (PUB / "ucap-blank-columns.html").read_text("utf-8")
    p = tmp_path / "p.html"
    p.write_text(page.replace("2024年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告"), "utf-8")
    report = load(p)
    assert (report.year, report.format.id, report.format_source) == (2019, "2021", "labels")
    codes = {f.code: f.level for f in check_report(report).findings}
    assert codes["format-year-mismatch"] == "error"


def test_make_fixtures_still_makes_the_committed_pages(tmp_path, cli):
    """The markup-variation pages are made from ``build``'s web pages (make_fixtures.py): the
    script must still make them byte for byte, or the fixtures no longer say how they were made."""
    import importlib.util

    cli("build", SAMPLES, "-o", tmp_path / "html", "--to", "html")
    spec = importlib.util.spec_from_file_location("make_fixtures", PUB / "make_fixtures.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = tmp_path / "made"
    made.mkdir()
    script.main(tmp_path / "html", made)
    names = sorted(p.name for p in made.iterdir())
    assert names == [
        "blanks-three-spellings.html", "own-headings.html", "swapped-parts.html", "trs-editor-gbk.html",
        "ucap-blank-columns.html", "zoom-utf8-nometa.html",
    ]
    assert [n for n in names if (made / n).read_bytes() != (PUB / n).read_bytes()] == []
