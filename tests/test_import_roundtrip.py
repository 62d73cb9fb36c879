"""Round trip through our own outputs: build → .html → import and build → .docx → import give
back the same cells (with their states), sections and meta — for both samples and for
generated reports of both versions with blanks, text in cells and decimals."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, soffice_convert
from test_roundtrip import cell_values
from disclosure_cli import formats as F
from disclosure_cli import values as V
from disclosure_cli.jsonform import SCHEMA, from_data
from disclosure_cli.reader import load
from disclosure_cli.render import document, intro_text
from disclosure_cli.render.docx import render_docx
from disclosure_cli.render.html import render_html

CJK = "政府信息公开工作年度报告街道办事处申请办理结果予以部分不予无法提供处理复议诉讼规章文件"
_text = st.text(alphabet=CJK + string.ascii_letters + string.digits + "，。；：（）()“”-/ %", min_size=1, max_size=60)
paragraph = _text.map(str.strip).filter(bool)
odd = st.sampled_from(["/", "—", "不适用", "22（其中修订16件）", "251000元", "十二", "１２"])


def _cell(kind: str):
    return cell_values(kind, odd=odd, text=paragraph)


@st.composite
def report_data(draw):
    fmt = draw(st.sampled_from(list(F.FORMATS.values())))
    first, last = fmt.years
    data = {
        "schema": SCHEMA,
        "format": fmt.id,
        "org": draw(st.text(alphabet=CJK, min_size=2, max_size=20)) + "局",
        "year": draw(st.integers(min_value=first, max_value=last or first + 5)),
        "meta": {"intro": draw(st.one_of(st.just(""), paragraph)), "published": draw(st.sampled_from(["", "2025-01-20"]))},
        "sections": {s.id: draw(st.lists(paragraph, max_size=3)) for s in fmt.sections},
    }
    for table in fmt.tables:
        t: dict = {}
        for key in table.cells():
            t.setdefault(key.row, {})[key.column] = draw(_cell(fmt.column(key).kind))
        data[table.id] = t
    return data


def _key(cell):
    """A cell as a reader of the published document sees it: state, number, text."""
    text = " ".join(str(cell.raw).split()) if cell.state in (V.TEXT, V.NA) else None
    return cell.state, cell.value, text


def assert_same(got, want):
    assert (got.format.id, got.org, got.year) == (want.format.id, want.org, want.year)
    diffs = [(k, _key(got.cells[k]), _key(c)) for k, c in want.cells.items() if _key(got.cells[k]) != _key(c)]
    assert diffs == []
    for s in want.format.sections:
        assert [p.text for p in got.sections[s.id]] == [" ".join(p.text.split()) for p in want.sections.get(s.id, [])], s.id
    assert intro_text(got) == " ".join(intro_text(want).split())
    assert (got.meta.get("published") or "") == (want.meta.get("published") or "")
    assert got.title == want.title
    assert [p.code for p in got.problems] == []


def _write(tmp, report, kind):
    doc = document(report)
    path = tmp / f"r.{kind}"
    if kind == "html":
        path.write_text(render_html(doc), encoding="utf-8")
    else:
        path.write_bytes(render_docx(doc))
    return path


@pytest.mark.parametrize("kind", ["html", "docx"])
@pytest.mark.parametrize("sample", ["huaian-2024.xlsx", "zhujie-2020.xlsx"])
def test_samples_round_trip(tmp_path, sample, kind):
    want = load(SAMPLES / sample)
    assert_same(load(_write(tmp_path, want, kind)), want)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=report_data(), kind=st.sampled_from(["html", "docx"]))
def test_generated_reports_round_trip(tmp_path_factory, data, kind):
    want = from_data(data)
    assert_same(load(_write(tmp_path_factory.mktemp("rt"), want, kind)), want)


@pytest.mark.realclient
@pytest.mark.parametrize("sample", ["huaian-2024.xlsx", "zhujie-2020.xlsx"])
def test_pdf_by_libreoffice_round_trip(tmp_path, sample):
    """build → .docx → PDF (LibreOffice) → import: the same cells, sections and meta (the PDF's
    text layer spaces Chinese and digits apart, and breaks paragraphs over pages: read back as a
    reader sees them)."""
    want = load(SAMPLES / sample)
    docx = tmp_path / "r.docx"
    docx.write_bytes(render_docx(document(want), for_libreoffice=True))  # as build makes the PDF
    pdf = soffice_convert(docx, "pdf", tmp_path)
    got = load(pdf)
    assert got.origin == "pdf"
    assert_same(got, want)
    cell = got.cell("t3", "1", "natural")
    assert cell.source.page >= 1 and cell.source.sheet == f"第 {cell.source.page} 页第 2 个表格"


@pytest.mark.realclient
def test_old_word_format_through_libreoffice(tmp_path):
    """A .doc (Word 97–2003, as LibreOffice saves it) is converted to .docx and read."""
    want = load(SAMPLES / "zhujie-2020.xlsx")
    docx = _write(tmp_path, want, "docx")
    doc = soffice_convert(docx, "doc", tmp_path)
    before = doc.read_bytes()
    got = load(doc)
    assert doc.read_bytes() == before
    diffs = [(str(k), _key(got.cells[k]), _key(c)) for k, c in want.cells.items() if _key(got.cells[k]) != _key(c)]
    assert diffs == []
    assert (got.org, got.year, got.format.id) == (want.org, want.year, want.format.id)


def _corpus() -> list[str]:
    from conftest import CORPUS

    return sorted(p.stem for p in (CORPUS / "reports").glob("*.json"))


@pytest.mark.parametrize("kind", ["html", "docx"])
@pytest.mark.parametrize("name", _corpus())
def test_real_reports_round_trip(tmp_path, name, kind):
    """The corpus's real reports (tests/corpus: real wording, 文号 and brackets, numbered
    sub-headings, cells like “18703元”, blank rows, titles of their own) through our web page and
    Word document and back."""
    from conftest import CORPUS

    want = load(CORPUS / "reports" / f"{name}.json")
    got = load(_write(tmp_path, want, kind))
    # a title is set over two lines: read back, the break may be a space (“…办公室 2020年度…”)
    assert "".join(got.title.split()) == "".join(want.title.split())
    got.meta.pop("title", None), want.meta.pop("title", None)
    assert_same(got, want)


@pytest.mark.realclient
@pytest.mark.parametrize(
    "name",
    [
        "pt-htp-2025",  # 表三 cut by the page break inside 三、本年度办理结果, each page with its own column lines
        "pt-czj-2023",  # lines at the margin starting “2.” and “21.02%”; “邮编350400;电话:0591” spaced by the PDF
        "pt-gwh-2022",  # a 、 at the end of an indented first line, which LibreOffice used to drop
        "pt-jtj-2020",  # a paragraph over three pages
        "pt-gov-2019",  # a page that ends with a sentence inside a paragraph
        "pt-gaj-2022",  # a last page of a heading, one line and the signature (its left margin is the pages')
    ],
)
def test_real_reports_round_trip_through_the_pdf_build_makes(tmp_path, name):
    """Real reports (tests/corpus) → the PDF ``build`` makes (LibreOffice) → import: the same
    cells, sections, meta — nothing lost on the way out or on the way back."""
    from conftest import CORPUS

    from disclosure_cli.importers.pdf import unspace

    want = load(CORPUS / "reports" / f"{name}.json")
    docx = tmp_path / "r.docx"
    docx.write_bytes(render_docx(document(want), for_libreoffice=True))
    got = load(soffice_convert(docx, "pdf", tmp_path))
    assert "".join(got.title.split()) == "".join(want.title.split())
    got.meta.pop("title", None), want.meta.pop("title", None)
    # as a reader of the PDF sees the text: no space between Chinese and digits (“将 8 大类”)
    import dataclasses

    for sid, paragraphs in want.sections.items():
        want.sections[sid] = [dataclasses.replace(p, text=unspace(" ".join(p.text.split()))) for p in paragraphs]
    if want.meta.get("intro"):
        want.meta["intro"] = unspace(" ".join(want.meta["intro"].split()))
    assert_same(got, want)
