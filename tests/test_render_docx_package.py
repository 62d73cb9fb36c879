"""The Word package as the writer assembles it (issue 14: ``word/document.xml`` and the parts that
depend on the report are written as text, the rest copied from the reference package): a valid
package in a reproducible order, well-formed XML whatever the text, every text read back as it
was given, no XML library imported to write, and the same document as the python-docx writer
it replaced (a golden summary of every element and property, ``tests/fixtures/render``).

After an intended change of the Word output, rewrite the summaries with
``python tests/test_render_docx_package.py`` and review their diff."""

from __future__ import annotations

import datetime as dt
import gc
import io
import re
import subprocess
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, SAMPLES
from disclosure_cli.formats import CellKey
from disclosure_cli.model import Paragraph
from disclosure_cli.reader import load
from disclosure_cli.render import DATE, PARA, SIGNATURE, document
from disclosure_cli.render.docx import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
GOLDEN = ROOT / "tests" / "fixtures" / "render"
NOW = dt.datetime(2025, 1, 20, 8, 30, 0)
# The golden documents: (sample, draft, file)
CASES = [("zhujie-2020.json", False, "zhujie-2020.word.txt"), ("huaian-2024.json", True, "huaian-2024-draft.word.txt")]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {n: z.read(n) for n in z.namelist()}


# --------------------------------------------------------------------------------------------
# The package
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("draft", [False, True])
def test_a_valid_package_in_a_fixed_order(draft):
    from lxml import etree

    data = render_docx(document(load(SAMPLES / "huaian-2024.json"), draft=draft), now=NOW)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert len(set(names)) == len(names)
        assert names[0] == "[Content_Types].xml"  # first, as Office and the OPC readers expect
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    parts = _parts(data)
    xml = {n: etree.fromstring(b) for n, b in parts.items()}  # every part well-formed
    types = xml["[Content_Types].xml"]
    overrides = {e.get("PartName") for e in types.iter(f"{TYPES}Override")}
    defaults = {e.get("Extension") for e in types.iter(f"{TYPES}Default")}
    for n in names[1:]:
        assert f"/{n}" in overrides or n.rsplit(".", 1)[1] in defaults, n
    assert overrides <= {f"/{n}" for n in names}
    rels = {e.get("Id"): e.get("Target") for e in xml["word/_rels/document.xml.rels"].iter(f"{PKG_RELS}Relationship")}
    for target in rels.values():
        assert f"word/{target}" in parts
    sect = xml["word/document.xml"].find(f"{W}body")[-1]
    assert sect.tag == f"{W}sectPr"  # the section properties stay last
    refs = [(e.tag.split("}")[1], e.get(f"{W}type"), rels[e.get(f"{R}id")]) for e in sect if e.get(f"{R}id")]
    headers = [("headerReference", "default", "header1.xml"), ("headerReference", "even", "header2.xml")]
    assert refs == [("footerReference", "default", "footer1.xml"), ("footerReference", "even", "footer2.xml")] + (headers if draft else [])
    assert [n for n in names if n.startswith("word/header")] == (["word/header1.xml", "word/header2.xml"] if draft else [])


def test_every_style_used_is_a_style_of_the_reference():
    """Style ids are written directly (python-docx looked names up): each one the document or a
    header uses is defined in ``styles.xml``, of the right type."""
    from lxml import etree

    used = set()
    for sample in ("huaian-2024.json", "zhujie-2020.json"):
        parts = _parts(render_docx(document(load(SAMPLES / sample), draft=True)))
        for name in ("word/document.xml", "word/header1.xml", "word/header2.xml"):
            root = etree.fromstring(parts[name])
            used |= {("paragraph", e.get(f"{W}val")) for e in root.iter(f"{W}pStyle")}
            used |= {("character", e.get(f"{W}val")) for e in root.iter(f"{W}rStyle")}
    styles = etree.fromstring(parts["word/styles.xml"])
    defined = {(s.get(f"{W}type"), s.get(f"{W}styleId")) for s in styles.iter(f"{W}style")}
    want = {"Title", "Heading1", "Heading2", "Heading3", "Signature", "TableHeader", "TableLabel", "TableText", "Header"}
    assert want <= {s for _, s in used}
    assert ("character", "RunInHeading") in used
    assert used <= defined, used - defined


def test_the_same_document_gives_the_same_bytes():
    doc = document(load(SAMPLES / "zhujie-2020.json"), draft=True)
    a = render_docx(doc, identifier="disclosure-build x", now=NOW)
    assert render_docx(doc, identifier="disclosure-build x", now=NOW) == a
    assert render_docx(document(load(SAMPLES / "zhujie-2020.json"), draft=True), identifier="disclosure-build x", now=NOW) == a
    # only the properties change with the time
    b = render_docx(doc, identifier="disclosure-build x", now=NOW + dt.timedelta(days=1))
    pa, pb = _parts(a), _parts(b)
    assert [n for n in pa if pa[n] != pb[n]] == ["docProps/core.xml"]


def test_parts_that_do_not_depend_on_the_report_are_copied_from_the_reference():
    ref = _parts((ROOT / "templates" / "reference.docx").read_bytes())
    for draft in (False, True):
        out = _parts(render_docx(document(load(SAMPLES / "huaian-2024.json"), draft=draft)))
        written = {"word/document.xml", "docProps/core.xml"}
        if draft:
            written |= {"[Content_Types].xml", "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml"}
        assert {n for n in out if n not in ref or out[n] != ref[n]} == written


def test_writing_imports_neither_python_docx_nor_an_xml_library():
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from disclosure_cli.reader import load\n"
        "from disclosure_cli.render import document\n"
        "from disclosure_cli.render.docx import render_docx\n"
        f"render_docx(document(load(Path({str(SAMPLES / 'huaian-2024.json')!r})), draft=True))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml', 'xml')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _calls(fn) -> int:
    """Python and C function calls made by ``fn()``."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    gc.collect()  # finalizers of other tests' garbage must not run (and be counted) during fn()
    gc.disable()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
        gc.enable()
    return count


def test_linear_in_paragraphs_and_table_rows():
    """Each paragraph, and each row of a table, costs the same work however many came before
    (counted in function calls, which timing on a shared machine cannot show exactly):
    ``benchmarks/word.py`` measures the time."""
    from disclosure_cli.render import TABLE, TITLE, Document, Piece
    from disclosure_cli.tablegrid import HEADER, LABEL, VALUE, Grid, GridCell

    def paragraphs(n: int):
        report = load(SAMPLES / "huaian-2024.json")
        report.sections["6"] = [Paragraph(f"第{i:05d}段，内容。") for i in range(n)]
        return document(report)

    class Rows(Document):
        def value(self, key):
            return "123"

    report = load(SAMPLES / "huaian-2024.json")

    def rows(n: int):
        cells = [GridCell(0, k, t, HEADER) for k, t in enumerate(("项目", "甲", "乙"))]
        for r in range(1, n + 1):
            cells.append(GridCell(r, 0, f"第{r:05d}项", LABEL))
            cells += [GridCell(r, k, "", VALUE, key=CellKey("x", f"r{r}", f"c{k}")) for k in (1, 2)]
        grid = Grid(report.format.tables[0], tuple(cells), n + 1, 3, 1, 1)
        return Rows(report, "表", ("表",), [Piece(TITLE, "表"), Piece(TABLE, "表", grid=grid)])

    for make in (paragraphs, rows):
        docs = [make(n) for n in (100, 200, 300)]
        render_docx(make(10), now=NOW)  # warm the caches (a grid of its own: these three start cold)
        c = [_calls(lambda d=d: render_docx(d, now=NOW)) for d in docs]
        assert c[2] - c[1] == c[1] - c[0], (make.__name__, c)


# --------------------------------------------------------------------------------------------
# Any text: escaped, well-formed, read back as given
# --------------------------------------------------------------------------------------------

_text = st.lists(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\t", "\n", "\r", "\r\n", " ", "\u3000", "\x85", "\xa0",
                       "\ufffe", "\ud800", "&", "<", ">", '"', "'", "]]>", "&amp;", "<w:t>", "（一）标题。", "2024年"]),
    max_size=20,
).map("".join)


def _expected_run_text(text: str) -> str:
    # python-docx reads a <w:br/> as \n; a carriage return is written as a break
    return text.replace("\r", "\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paras=st.lists(_text, min_size=1, max_size=4), org=_text, value=_text, published=_text, draft=st.booleans())
def test_any_text_is_written_well_formed_and_read_back(paras, org, value, published, draft):
    import docx
    from lxml import etree

    report = load(SAMPLES / "huaian-2024.json")
    report.sections["6"] = [Paragraph(t) for t in paras]
    report.org = org
    report.meta["published"] = published
    key = CellKey("t2", "license", "decisions")
    report.cells[key].raw = value
    doc = document(report, draft=draft)
    data = render_docx(doc, identifier=f"disclosure-build {org}", now=NOW)
    for name, part in _parts(data).items():
        etree.fromstring(part)  # well-formed (raises otherwise)
    d = docx.Document(io.BytesIO(data))
    want = [_expected_run_text(p.text) for p in doc.pieces if p.kind in (PARA, SIGNATURE, DATE)]
    got = [p.text for p in d.paragraphs]
    at = 0
    for text in want:  # in order, each a paragraph of its own
        at = got.index(text, at) + 1
    cells = [c for t in d.element.body.iter(f"{W}tc") for c in ["".join(x.text or "" for x in t.iter(f"{W}t"))]]
    printed = doc.value(key).replace("\r\n", "\n").replace("\r", "\n")
    assert printed in cells or printed == ""
    cp = d.core_properties
    assert cp.author == cp.last_modified_by and "\x00" not in cp.author


# --------------------------------------------------------------------------------------------
# Golden: the document the python-docx writer made (commit dbee2ea), element by element
# --------------------------------------------------------------------------------------------


def _name(tag: str) -> str:
    return tag.split("}")[1] if "}" in tag else tag


def _compact(el) -> str:
    out = _name(el.tag)
    attrs = [f"{_name(k)}={v}" for k, v in el.attrib.items()]
    if attrs:
        out += "(" + ",".join(attrs) + ")"
    kids = [_compact(c) for c in el]
    if kids:
        out += "{" + " ".join(kids) + "}"
    if el.text:
        out += repr(el.text)
    return out


def summary(data: bytes) -> str:
    """Every element and attribute of the body (a line per paragraph and per table row), the
    headers and the core properties, namespaces left out; abbreviated: ``SZn`` for a run's size
    ``rPr{sz(val=n) szCs(val=n)}``, ``VC`` for ``vAlign(val=center)``, ``T`` for
    ``t(space=preserve)``, a paragraph style by its id, ``,type=dxa`` dropped."""
    from lxml import etree

    parts = _parts(data)
    root = etree.fromstring(parts["word/document.xml"])
    lines = []
    for el in root.find(f"{W}body"):
        if el.tag == f"{W}tbl":
            lines.append("tbl " + " ".join(_compact(c) for c in el if c.tag != f"{W}tr"))
            lines += ["  tr " + " ".join(_compact(c) for c in tr) for tr in el.findall(f"{W}tr")]
        else:
            lines.append(_compact(el))
    for name in sorted(n for n in parts if n.startswith("word/header")):
        lines.append(f"{name}: " + _compact(etree.fromstring(parts[name])))
    lines.append("core: " + _compact(etree.fromstring(parts["docProps/core.xml"])))
    text = "\n".join(lines)
    text = re.sub(r"rPr\{sz\(val=(\d+)\) szCs\(val=\1\)\}", r"SZ\1", text)
    text = text.replace("vAlign(val=center)", "VC").replace(",type=dxa", "").replace("t(space=preserve)", "T")
    return re.sub(r"pStyle\(val=(\w+)\)", r"\1", text) + "\n"


def _golden_docx(sample: str, draft: bool) -> bytes:
    return render_docx(document(load(SAMPLES / sample), draft=draft), identifier="disclosure-build golden", now=NOW)


@pytest.mark.parametrize("sample, draft, golden", CASES)
def test_same_document_as_the_python_docx_writer(sample, draft, golden):
    want = (GOLDEN / golden).read_text(encoding="utf-8")
    got = summary(_golden_docx(sample, draft))
    if got != want:
        a, b = got.splitlines(), want.splitlines()
        line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        pytest.fail(
            f"{golden}: the Word document changed at line {line + 1}:\n  now: {a[line] if line < len(a) else '(end)'}"
            f"\n  was: {b[line] if line < len(b) else '(end)'}\nif intended: python tests/test_render_docx_package.py"
        )


if __name__ == "__main__":  # rewrite the golden summaries
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for sample, draft, golden in CASES:
        (GOLDEN / golden).write_text(summary(_golden_docx(sample, draft)), encoding="utf-8")
        print(GOLDEN / golden)
