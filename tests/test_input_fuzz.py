"""No workbook or JSON data file, however damaged, makes reading it fail other than with a
``DisclosureError`` (exit 2, one Chinese line), nor take unbounded time or memory. Each failure
mode fuzzing found (package, XML and value level; the JSON data form) has a test here, its input
made from a sample; the hypothesis tests at the end keep the class closed."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SAMPLES
from disclosure_cli import load
from disclosure_cli.errors import InputError

HUAIAN = SAMPLES / "huaian-2024.xlsx"


def _members(path=HUAIAN) -> list[tuple[str, bytes]]:
    z = zipfile.ZipFile(path)
    return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def _pack(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def _replace(members, name: str, change) -> list[tuple[str, bytes]]:
    return [(n, change(d) if n == name else d) for n, d in members]


def _check_in_subprocess(path, *args: str) -> subprocess.CompletedProcess:
    """``disclosure check`` in its own process: what a crash of a native library (an abort, not
    an exception) would end, instead of the test run."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    return subprocess.run(
        [sys.executable, "-m", "disclosure_cli", "check", *args, str(path)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )


# ------------------------------------------------------------------------------------------------
# package level
# ------------------------------------------------------------------------------------------------


def test_a_zip_needing_a_newer_zip_version_is_refused(tmp_path, cli):
    """A central directory entry whose "version needed to extract" is past what Python's zipfile
    reads (a flipped byte: 14.4): zipfile raises NotImplementedError, which was an internal
    error (exit 3); now the file is refused as damaged."""
    data = bytearray(_pack(_members()))
    cd = data.rfind(b"PK\x01\x02")  # the last central directory entry
    data[cd + 6] = 144  # version needed to extract: 14.4
    path = tmp_path / "report.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as e:
        load(path)
    assert e.value.code == "xlsx-corrupt" and "压缩格式无法识别" in e.value.message
    res = cli("check", path)
    assert res.exit_code == 2 and "Traceback" not in res.stdout + res.stderr
    assert path.read_bytes() == bytes(data)


@pytest.mark.parametrize("name", ["xl/sharedStrings.xml", "XL/SharedStrings.XML"])
def test_a_shared_strings_count_past_the_strings_is_not_believed(tmp_path, name):
    """Shared strings whose ``uniqueCount`` says 4294967295: calamine reserved room for that many
    strings (100 GB) before reading one and aborted the whole process ("memory allocation …
    failed", exit 134) — also when the part's name differs in case, which calamine accepts. Now
    such a workbook is read by openpyxl, which counts the strings itself: the report as usual."""
    src = tmp_path / "lo.xlsx"  # a workbook with shared strings, as Excel, WPS and LibreOffice save them
    _shared_strings_workbook(src)
    before = load(src)
    members = _members(src)
    lying = re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4294967295"', dict(members)["xl/sharedStrings.xml"])
    if name == "xl/sharedStrings.xml":
        members = _replace(members, name, lambda d: lying)
    else:  # a second part, after the true one: calamine takes the last whose name matches but for case
        members.append((name, lying))
    path = tmp_path / "report.xlsx"
    path.write_bytes(_pack(members))
    proc = _check_in_subprocess(path, "--format", "json")
    assert proc.returncode == 0, proc.stderr[-500:]
    assert before.org in proc.stdout
    report = load(path)
    assert report.org == before.org and {k: c.value for k, c in report.cells.items()} == {
        k: c.value for k, c in before.cells.items()
    }


def _shared_strings_workbook(path) -> None:
    path.write_bytes(_pack(_shared_strings_members()))


def _shared_strings_members() -> list[tuple[str, bytes]]:
    """The sample with its texts as shared strings, as Excel, WPS and LibreOffice save them (our
    template writes them inline)."""
    strings: list[bytes] = []

    def shared(m: re.Match) -> bytes:
        strings.append(m.group(2))
        return m.group(1) + b't="s"><v>%d</v>' % (len(strings) - 1)

    members = []
    for name, data in _members():
        if name.startswith("xl/worksheets/"):
            data = re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")? )t="inlineStr"><is>(<t[^>]*>[^<]*</t>)</is>', shared, data)
        elif name == "[Content_Types].xml":
            data = data.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
            )
        members.append((name, data))
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (
        len(strings), len(strings)
    )
    members.append(("xl/sharedStrings.xml", sst + b"".join(b"<si>" + t + b"</si>" for t in strings) + b"</sst>"))
    return members


# ------------------------------------------------------------------------------------------------
# XML level
# ------------------------------------------------------------------------------------------------


def _with_cell(sheet: str, xml: bytes, path=HUAIAN) -> bytes:
    """The workbook with ``xml`` (rows) added at the end of one sheet's data."""
    return _pack(_replace(_members(path), sheet, lambda d: d.replace(b"</sheetData>", xml + b"</sheetData>", 1)))


def test_a_far_cell_in_the_text_sheet_does_not_walk_every_row(tmp_path, monkeypatch):
    """One cell at row 1048576 of 正文 (outside its three columns): the narrative was read row by
    row up to the last row, three cells a row — 3 million lookups, 10–20 s. Now only the rows
    with a cell in those columns are read: the same report, in a handful of lookups."""
    from disclosure_cli.xlsx_reader.sheets import Sheet

    path = tmp_path / "report.xlsx"
    path.write_bytes(_with_cell("xl/worksheets/sheet3.xml", b'<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'))
    calls = []
    real = Sheet.text_cell
    monkeypatch.setattr(Sheet, "text_cell", lambda self, *a: calls.append(a[0]) or real(self, *a))
    report = load(path)
    assert len(calls) < 100
    sample = load(HUAIAN)
    assert {k: [p.text for p in v] for k, v in report.sections.items()} == {
        k: [p.text for p in v] for k, v in sample.sections.items()
    }
    assert not report.problems


def test_many_texts_below_an_altered_table_are_compared_within_bounds(tmp_path, monkeypatch):
    """表三 with its row labels altered (each looked for by similarity among the text cells) and
    3,000 more texts below it: every text was compared with every altered label in full (66,000
    ratios; 18 s for 20,000 texts). Now the cheap bounds pass nearly all of them: the same
    labels found, a few dozen ratios."""
    import difflib

    def altered(d: bytes) -> bytes:  # every label from row 9 on gets a character in front
        return re.sub(
            rb'(<c r="[A-C](\d+)"[^>]*t="inlineStr"><is><t[^>]*>)',
            lambda m: m.group(1) + ("乱".encode() if int(m.group(2)) >= 9 else b""),
            d,
        )

    notes = b"".join(
        b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>%s%d</t></is></c></row>' % (r, r, "附注：本表数据来源于各单位报送第".encode(), r)
        for r in range(100, 3100)
    )
    plain, noted = tmp_path / "plain.xlsx", tmp_path / "noted.xlsx"
    members = _replace(_members(), "xl/worksheets/sheet5.xml", altered)
    plain.write_bytes(_pack(members))
    noted.write_bytes(_pack(_replace(members, "xl/worksheets/sheet5.xml", lambda d: d.replace(b"</sheetData>", notes + b"</sheetData>"))))
    expected = load(plain)
    assert sum(p.code == "label-altered" for p in expected.problems) > 15
    ratios = []
    real = difflib.SequenceMatcher.ratio
    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", lambda self: ratios.append(1) or real(self))
    report = load(noted)
    assert len(ratios) < 1000
    assert [(p.code, p.label, p.found) for p in report.problems] == [(p.code, p.label, p.found) for p in expected.problems]
    assert {k: c.value for k, c in report.cells.items()} == {k: c.value for k, c in expected.cells.items()}


# ------------------------------------------------------------------------------------------------
# value level: what the cells say
# ------------------------------------------------------------------------------------------------


def test_many_paragraphs_with_numbers_are_checked_in_time_linear_in_them():
    """1,000 paragraphs (of the 5,000 allowed), each with numbers the tables contradict: every
    finding went through all the paragraphs of its section to say which of its cell's paragraphs
    it is, and recomputed the totals it names from their parts (420,000 recomputations; 4,900
    such paragraphs took 13 s of CPU for check). Now the paragraphs of each cell are listed once
    a section and each total recomputed once: the same findings."""
    import json

    from disclosure_cli.checks import check_report
    from disclosure_cli.jsonform import from_data
    from disclosure_cli.model import Paragraph, Report, Source

    class Paragraphs(list):  # counts the walks through a section's paragraphs
        walks = 0

        def __iter__(self):
            Paragraphs.walks += 1
            return super().__iter__()

    data = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    data["sections"]["6"] = [f"第{i}段：全年受理申请{i}件，办结{i - 1}件，其中公开{i % 50}件。" for i in range(1000)]
    report = from_data(data)
    report.sections["6"] = Paragraphs(  # as read from a workbook: two paragraphs a cell (Alt+Enter)
        Paragraph(p.text, Source(sheet="正文", cell=f"C{10 + i // 2}")) for i, p in enumerate(report.sections["6"])
    )
    recomputed = []
    real = Report.computed
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Report, "computed", lambda self, *a, **k: recomputed.append(1) or real(self, *a, **k))
        findings = [f for f in check_report(report).findings if f.refs and f.refs[0].get("section") == "6"]
    assert len(findings) >= 2000
    assert Paragraphs.walks < 100 and len(recomputed) < 5000
    for f in findings:
        ref = f.refs[0]
        assert ref["cell"] == f"C{10 + (ref['paragraph'] - 1) // 2}"
        assert ref["paragraph_in_cell"] == 1 + (ref["paragraph"] - 1) % 2


def _edited(tmp_path, edits: dict[tuple[str, str], object], name="report.xlsx"):
    """The sample with some cells set (as a clerk's spreadsheet program saves them)."""
    from openpyxl import load_workbook

    wb = load_workbook(HUAIAN)
    for (sheet, ref), value in edits.items():
        wb[sheet][ref].value = value
    path = tmp_path / name
    wb.save(path)
    return path


@pytest.mark.parametrize("typed", ["9999", "0000", "１９００年"])
def test_a_year_typed_as_text_past_the_years_a_date_holds_is_no_year(tmp_path, cli, typed):
    """报告年度 typed as the text “9999”: read as the year 9999 (a number 9999 was refused), whose
    deadline (31 March 10000) no date can hold — an internal error (exit 3, ValueError: year
    10000 is out of range). Now a year typed as text is taken in the same range as a number:
    “9999” is no year, and check says so (year-missing) naming what was typed."""
    path = _edited(tmp_path, {("单位信息", "B3"): typed})
    report = load(path)
    assert report.year is None and report.raw_year == typed
    res = cli("check", path)
    assert res.exit_code == 1 and "year-missing" in res.stdout and typed in res.stdout
    data = tmp_path / "report.json"
    data.write_text((SAMPLES / "huaian-2024.json").read_text("utf-8").replace('"year": 2024', f'"year": "{typed}"'), "utf-8")
    res = cli("check", data)
    assert res.exit_code == 1 and "year-missing" in res.stdout


def test_a_member_said_to_end_past_the_file_is_refused_without_reading_it(tmp_path):
    """The central directory entry of xl/workbook.xml with a compressed size of 4 GB (a flipped
    byte) in a 20 KB file: the member was read by that size — a 4 GB buffer asked for (MemoryError under a memory
    limit, or 4 GB of address space taken) before the CRC said it was wrong. Now the file is
    refused as damaged before any member is read."""
    import tracemalloc

    data = bytearray(_pack(_members()))
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/workbook.xml"))  # its central directory entry
    data[cd + 20 : cd + 24] = (0xFFFFFFF0).to_bytes(4, "little")  # its compressed size
    path = tmp_path / "report.xlsx"
    path.write_bytes(bytes(data))
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as e:
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert e.value.code == "xlsx-corrupt" and "文件不完整或已损坏" in e.value.message
    assert peak < 100 * 1024 * 1024


def _refs(text: str) -> bytes:
    """Text as our template writes it into a sheet: character references."""
    return "".join(f"&#{ord(ch)};" for ch in text).encode()


def test_many_copies_of_a_table_four_label_without_the_table_are_looked_through_once(tmp_path):
    """表四 found by the row holding its three “结果维持” labels: for each cell holding the label,
    every other one was looked at to count those on the next rows — 20,000 of them on a sheet
    without the table took 16 s of CPU (400 million comparisons). Now the label cells of the
    rows r to r + 2 are a slice of the sorted cells: the same outcome (the table not found),
    at once."""
    import time

    def relabelled(d: bytes) -> bytes:
        d = d.replace(_refs("结果维持"), _refs("结果维护"))
        copies = b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (r, r, _refs("结果维持"))
            for r in range(100, 60100, 3)
        )
        return d.replace(b"</sheetData>", copies + b"</sheetData>")

    path = tmp_path / "report.xlsx"
    path.write_bytes(_pack(_replace(_members(), "xl/worksheets/sheet6.xml", relabelled)))
    start = time.process_time()
    report = load(path)
    assert time.process_time() - start < 5  # 16 s before
    assert any(p.code == "table-missing" and p.table == "t4" for p in report.problems)


def test_many_altered_labels_are_told_apart_from_the_other_version_in_linear_time(monkeypatch):
    """20,000 altered 正文 headings (each a label-altered problem of the reader): telling whether
    each is a label of the other format version normalised all the labels of both versions
    again (400 a problem; 8 s). Now they are normalised once: the same findings."""
    from disclosure_cli import formats as F
    from disclosure_cli.checks import check_report
    from disclosure_cli.model import Problem

    report = load(SAMPLES / "huaian-2024.json")
    for i in range(500):
        report.problems.append(
            Problem(code="label-altered", message=f"正文部分标题“{i}、存在的问题”与统一格式不一致", label="五、存在的主要问题及改进情况", found=f"{i}、存在的问题")
        )
    report.problems.append(  # a 2019 label in a 2021 report: a sign of the other version, as before
        Problem(code="label-altered", message="…", label="行政规范性文件", found="规范性文件")
    )
    check_report(report)  # the labels of both versions normalised, once a process
    calls = []
    real = F.normalize_label
    monkeypatch.setattr(F, "normalize_label", lambda text: calls.append(text) or real(text))
    findings = check_report(report).findings
    assert len(calls) < 5000
    assert sum(f.code in ("label-altered", "label-drift") for f in findings) == 500
    assert [f.code for f in findings if "规范性文件" in str(f.refs)] == ["format-mixed-version"]


# ------------------------------------------------------------------------------------------------
# size: what a workbook or data file may hold (model.MAX_CELLS, model.MAX_JSON_VALUES)
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_a_sheet_of_more_cells_than_any_report_is_refused(tmp_path, reader):
    """40,000 numbers below 表二 (the zip guard lets 100 MB of XML through: 1.5 million such cells
    took 7 s of CPU and 590 MB for check). Now the sheets read may hold 30,000 non-empty cells
    together, and a sheet is not read past that: refused with a Chinese line, by either reader."""
    from disclosure_cli.xlsx_reader import load_workbook

    numbers = b"".join(
        b'<row r="%d">' % r + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (col, r, r) for col in (b"F", b"G", b"H", b"I")) + b"</row>"
        for r in range(100, 10100)
    )
    path = tmp_path / "report.xlsx"
    path.write_bytes(_with_cell("xl/worksheets/sheet4.xml", numbers))
    with pytest.raises(InputError) as e:
        load_workbook(path, reader)
    assert e.value.code == "xlsx-too-large" and "超过 30000 个非空单元格" in e.value.message
    assert e.value.path == str(path)


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_shared_strings_past_what_any_report_holds_are_refused(tmp_path, reader):
    """210,000 shared strings, used by no cell (1.5 million took 6 s of CPU and 265 MB: every
    reader parses them whole on opening, whichever sheets are read). Now more than 200,000 are
    refused before they are parsed, by either reader."""
    from disclosure_cli.xlsx_reader import load_workbook

    src = tmp_path / "lo.xlsx"
    _shared_strings_workbook(src)
    more = b"".join(b"<si><t>%d</t></si>" % i for i in range(210_000))
    path = tmp_path / "report.xlsx"
    path.write_bytes(_pack(_replace(_members(src), "xl/sharedStrings.xml", lambda d: d.replace(b"</sst>", more + b"</sst>"))))
    with pytest.raises(InputError) as e:
        load_workbook(path, reader)
    assert e.value.code == "xlsx-too-large" and "共享字符串）超过 200000 条" in e.value.message


def test_a_data_file_of_more_values_than_any_report_is_refused(tmp_path):
    """200,000 keys in meta (2.9 MB, within the 20 MB a data file may have) took 5.7 s of CPU:
    the schema's validation and the checks cost by the value. Now more than 50,000 values are
    refused before either runs."""
    data = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
    data["meta"].update({f"k{i}": "v" for i in range(60_000)})
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(InputError) as e:
        load(path)
    assert e.value.code == "json-too-large" and "超过 50000 个" in e.value.message
    data["meta"] = {k: v for k, v in data["meta"].items() if not k.startswith("k")}
    data["sections"] = {"1": ["段"] * 5000}  # the most paragraphs a report may have: read
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert len(load(path).sections["1"]) == 5000


# ------------------------------------------------------------------------------------------------
# the class: a sheet's XML (or the shared strings) damaged in any of the ways above
# ------------------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from _fuzz import edit  # noqa: E402

_PLAIN = _members()
_SHARED = _shared_strings_members()
# 单位信息, 正文, 表三 of the sample; the shared strings and 表四 of the same as Excel saves it
_PARTS = [
    (_PLAIN, "xl/worksheets/sheet2.xml"),
    (_PLAIN, "xl/worksheets/sheet3.xml"),
    (_PLAIN, "xl/worksheets/sheet5.xml"),
    (_SHARED, "xl/sharedStrings.xml"),
    (_SHARED, "xl/worksheets/sheet6.xml"),
]
_INSERTS = [
    b'<c r="A0"><v>1</v></c>', b'<c r="ZZZZ1"><v>1</v></c>', b'<c r="A1048577"><v>1</v></c>', b'<c r="XFD1048576"><v>1</v></c>',
    b'<c><v>1</v></c>', b' t="s"', b' t="n"', b' t="b"', b' t="e"', b' t="d"', b' t="inlineStr"', b' t="str"', b"<v>x</v>",
    b"<v>99999999</v>", b"<v>1e400</v>", b"<f>1/0</f>", b"<f>A1</f><v>2</v>", b'<f t="shared" si="0" ref="A1:Z99"/>',
    b'<f t="array" ref="A1:XFD1048576">1</f>', b'<dimension ref="A1:XFD1048576"/>', b'<mergeCell ref="A1:C3"/>',
    b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>', b'<row r="1048576"/>', b"<row>", b"</row>", b"<c ", b"</c>",
    b"<is><t>", b"</t></is>", b"_xD800_", b"&#xD800;", b"&#0;", b"\x00", b"\x01", b"\xff\xfe", b"\xed\xa0\x80", b"\r",
    b"<![CDATA[", b"<!--", b"<!DOCTYPE x [<!ENTITY e \"e\">]>", b"&e;", b"<x>" * 50, b' uniqueCount="4294967295"',
    b"<si><t>1</t></si>", b"<si/>", b" s=\"99999\"", b' xml:space="preserve"',
]


@st.composite
def _damaged(draw) -> bytes:
    members, name = draw(st.sampled_from(_PARTS))
    out = bytearray(dict(members)[name])
    for _ in range(draw(st.integers(1, 4))):
        n = len(out)
        at = draw(st.integers(0, n))
        kind = draw(st.sampled_from(["cut", "drop", "repeat", "insert", "insert", "flip", "number"]))
        if kind == "number":  # a count, index, row or size replaced: uniqueCount, r="A7", <v>12</v>…
            digits = list(re.finditer(rb"\d+", bytes(out)))
            if digits:
                m = digits[draw(st.integers(0, len(digits) - 1))]
                out[m.start() : m.end()] = draw(st.sampled_from([b"0", b"4294967295", b"99999999999999999999", b"1048577", b"16385"]))
        else:
            edit(draw, out, kind, at, _INSERTS)
    return _pack(_replace(members, name, lambda d: bytes(out)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=_damaged(), reader=st.sampled_from(["calamine", "openpyxl"]))
def test_a_damaged_workbook_is_read_or_refused(tmp_path_factory, data, reader):
    """A sheet's XML or the shared strings cut, repeated, stray bytes or markup of the kinds the
    failures above had: read as a report (then checked), or refused with a DisclosureError —
    by either reader; the file never modified."""
    from disclosure_cli.checks import check_report
    from disclosure_cli.errors import DisclosureError
    from disclosure_cli.model import check_limits
    from disclosure_cli.xlsx_reader import load_workbook

    path = tmp_path_factory.mktemp("book") / "report.xlsx"
    path.write_bytes(data)
    try:
        report = load_workbook(path, reader)
        check_limits(report)
    except DisclosureError:
        pass
    else:
        check_report(report)
    assert path.read_bytes() == data


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_an_item_name_excel_cannot_hold_is_refused_before_a_template_is_written(tmp_path, cli, kind):
    """``new --data`` with an item of 单位信息 the form does not have whose name holds a control
    character — a JSON key "x\\u0001" in meta, or the header 项目 of 单位信息 with a stray byte
    (the row is then read as an item): the values were checked for characters Excel cannot
    save, the names not, and openpyxl refused the name mid-writing (exit 3, IllegalCharacterError).
    Now it is refused as a value is, naming where, and no file is written."""
    if kind == "json":
        data = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))
        data["meta"]["x\u0001"] = "v"
        path = tmp_path / "report.json"
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    else:
        path = tmp_path / "report.xlsx"
        path.write_bytes(_pack(_replace(_members(), "xl/worksheets/sheet2.xml", lambda d: d.replace(_refs("项目"), _refs("项目") + b"\x01", 1))))
    out = tmp_path / "new.xlsx"
    res = cli("new", "--data", path, "-o", out)
    assert res.exit_code == 2 and "控制字符" in res.stderr and "单位信息的项目名称" in res.stderr
    assert not out.exists()
