"""The two cell sources give the same ``Report`` (issue 14): python-calamine with the sheet XML
(the default) and openpyxl (``DISCLOSURE_READER=openpyxl``) — on every workbook fixture, both
samples, LibreOffice-saved copies, WPS-like and Excel-like rewrites, and hypothesis-generated
workbooks (a property test). "The same" is the ``repr`` of the whole report, so that an int
read as a float (``12`` vs ``12.0``), a date read as a number or an empty string read as an
empty cell are differences; an unusable file gives the same error code and message.

A source that falls back to openpyxl for a sheet agrees by construction; the tests below also
check that the fast path is the one taken on the usual files, and that it never imports openpyxl.
"""

from __future__ import annotations

import dataclasses
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SAMPLES, soffice_convert
from disclosure_cli.errors import InputError
from disclosure_cli.jsonform import from_data
from disclosure_cli.reader import load
from disclosure_cli.xlsx_reader.sheets import COMPOSE_MAX, LABEL_MAX, Sheets
from disclosure_cli.xlsx_reader.source import READER_ENV, CalamineSource
from disclosure_cli.xlsx_writer import write_workbook
from test_roundtrip import report_data

WORKBOOKS = sorted(FIXTURES.rglob("*.xlsx")) + sorted(SAMPLES.glob("*.xlsx"))
READABLE = [p for p in WORKBOOKS if p.parent.name != "input"] + [FIXTURES / "input" / "other-template.xlsx"]


def read_with(path: Path, reader: str):
    """The report read by one source (its repr, the format aside), or the error it gave."""
    before = os.environ.get(READER_ENV)
    os.environ[READER_ENV] = reader
    try:
        report = load(path)
    except InputError as e:
        return ("error", e.code, e.message)
    finally:
        if before is None:
            os.environ.pop(READER_ENV, None)
        else:
            os.environ[READER_ENV] = before
    return report.format.id, repr(dataclasses.replace(report, format=None))


def assert_same(path: Path) -> None:
    fast, slow = read_with(path, "calamine"), read_with(path, "openpyxl")
    assert fast == slow


def fast_path_only(path: Path) -> bool:
    """Whether python-calamine and the sheet XML read every sheet the reader asks for."""
    src = CalamineSource(path)
    try:
        Sheets.read(src)
        return src._wb is not None and src._openpyxl is None
    finally:
        src.close()


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_workbook_fixture_reads_the_same(path):
    before = path.read_bytes()
    assert_same(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("path", READABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_usual_files_take_the_fast_path(path):
    assert fast_path_only(path)


def test_a_check_of_a_sample_does_not_import_openpyxl():
    code = (
        "import sys; from disclosure_cli import load; load(sys.argv[1]); "
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'"
    )
    env = {k: v for k, v in os.environ.items() if k != READER_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "huaian-2024.xlsx")], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr


def test_no_label_is_longer_than_the_index_assumes():
    """Sheets does not normalise a text longer than any label could be (``LABEL_MAX``)."""
    import unicodedata

    from disclosure_cli import formats as F
    from disclosure_cli import workbook as W
    from disclosure_cli.model import KINDS, META_LABELS, ORG_LABEL, YEAR_LABEL

    labels = [lab for fmt in F.FORMATS.values() for lab in fmt.labels()]
    labels += [s.heading for fmt in F.FORMATS.values() for s in fmt.sections]
    labels += [*META_LABELS.values(), ORG_LABEL, YEAR_LABEL, *KINDS.values(), *W.META_HEADERS, *W.TEXT_HEADERS]
    assert max(len(F.normalize_label(x)) for x in labels) <= LABEL_MAX
    longest = max(len(unicodedata.normalize("NFD", chr(i))) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert longest <= COMPOSE_MAX


# -- LibreOffice -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_copies(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("lo")
    srcs = [*sorted(SAMPLES.glob("*.xlsx")), FIXTURES / "read" / "odd-values.xlsx", FIXTURES / "read" / "text-formulas.xlsx"]
    return [soffice_convert(src, "xlsx:Calc MS Excel 2007 XML", out) for src in srcs]


@pytest.mark.realclient
def test_libreoffice_saved_copies_read_the_same(libreoffice_copies):
    """LibreOffice writes shared strings, rich text, cached results and ``<f aca="false">``."""
    for path in libreoffice_copies:
        assert_same(path)
        assert fast_path_only(path), path.name


# -- rewrites as other programs save -------------------------------------------------------------

OPS = (
    "dimension", "shared-strings", "rich-text", "cached", "float-text", "error", "bool", "escape",
    "empty-string", "cr", "edge-space", "big-int", "shared-formula", "date-style", "formula-attr", "no-ref", "doctype",
)


def rewrite(src: Path, out: Path, ops: set[str], rnd: random.Random) -> None:
    """``src`` saved again with the features of ``ops``, as Excel, WPS or LibreOffice write them."""
    with zipfile.ZipFile(src) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    strings: list[bytes] = []

    def pick(p: float) -> bool:
        return rnd.random() < p

    def inline_to_shared(m: re.Match) -> bytes:
        text = m.group(3)
        strings.append(text)
        return m.group(1) + b't="s"' + m.group(2) + b"><v>" + str(len(strings) - 1).encode() + b"</v></c>"

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        x = parts[name]
        if "dimension" in ops:
            ref = rnd.choice([b"A1", b"A1:XFD1048576", b"B2:A1"])
            x = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + ref + b'"/>', x)
        if "escape" in ops:
            x = re.sub(rb"(<is><t[^>]*>)", lambda m: m.group(1) + (b"a_x000D_b" if pick(0.1) else b""), x)
        if "cr" in ops:
            x = re.sub(rb"(<is><t[^>]*>)", lambda m: m.group(1) + (rnd.choice([b"&#13;", b"\r\n"]) if pick(0.1) else b""), x)
        if "edge-space" in ops:  # whitespace at either end of a text not marked xml:space="preserve"
            spaces = [b" ", b"&#9;", b"&#10;", b"&#x20;", b"&#13;", b"&#032;", b"&#x0000A;", b"&#0000000013;", b"\n"]
            x = re.sub(rb"<is><t>([^<]*)</t>", lambda m: b"<is><t>" + (rnd.choice(spaces) if pick(0.05) else b"") + m.group(1)
                       + (rnd.choice(spaces) if pick(0.05) else b"") + b"</t>", x)
        if "empty-string" in ops:
            x = re.sub(rb"<is><t([^>]*)>[^<]*</t></is>", lambda m: b"<is><t></t></is>" if pick(0.05) else m.group(0), x)
        if "shared-strings" in ops:
            x = re.sub(rb'(<c r="[A-Z]+\d+"[^>]*?)t="inlineStr"([^>]*)><is><t[^>]*>([^<]*)</t></is></c>', inline_to_shared, x)
        if "cached" in ops:

            def cache(m: re.Match) -> bytes:
                kind = rnd.choice(["n", "n", "float", "str", "e", "b", "none"])
                attrs, f = m.group(1), m.group(2)
                if kind == "none":
                    return m.group(0)
                value = {"n": str(rnd.randint(0, 500)), "float": rnd.choice(["12.0", "1E3", "3.5"]), "str": "文字 a",
                         "e": "#DIV/0!", "b": "1"}[kind]
                t = b"" if kind in ("n", "float") else b' t="' + kind.encode() + b'"'
                return attrs + t + b">" + f + b"<v>" + value.encode() + b"</v>"

            x = re.sub(rb'(<c r="[A-Z]+\d+"[^>]*)>(<f>[^<]*</f>)<v></v>', cache, x)
        if "float-text" in ops:
            x = re.sub(rb'(t="n"><v>)(\d+)(</v>)', lambda m: m.group(1) + m.group(2) + rnd.choice([b".0", b"E0", b""]) + m.group(3), x)
        if "big-int" in ops:
            x = re.sub(rb'(t="n"><v>)(\d+)(</v>)', lambda m: m.group(1) + (b"12345678901234567890" if pick(0.05) else m.group(2)) + m.group(3), x)
        if "error" in ops:
            x = re.sub(rb't="n"><v>\d+</v>', lambda m: b't="e"><v>#N/A</v>' if pick(0.05) else m.group(0), x)
        if "bool" in ops:
            x = re.sub(rb't="n"><v>\d+</v>', lambda m: b't="b"><v>1</v>' if pick(0.05) else m.group(0), x)
        if "shared-formula" in ops:
            x = re.sub(rb'<c r="([A-Z]+\d+)"([^>]*)><f>', lambda m: m.group(0)[:-3] + b'<f t="shared" ref="' + m.group(1) + b'" si="0">', x, count=1)
        if "formula-attr" in ops:
            x = x.replace(b"<f>", b'<f aca="false">')
        if "no-ref" in ops:
            x = re.sub(rb'<c r="[A-Z]+\d+" ', lambda m: b"<c " if pick(0.02) else m.group(0), x)
        if "doctype" in ops and pick(0.3):
            x = re.sub(rb"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or b"") + b'<!DOCTYPE worksheet [<!ENTITY e "x">]>', x, count=1)
        parts[name] = x
    if strings:
        items = []
        for s in strings:
            k = s.find(b";") + 1 if s.startswith(b"&") else 1  # after the first character
            if "rich-text" in ops and len(s) > k and pick(0.3):
                s = b"<r><t>" + s[:k] + b"</t></r><r><rPr><b/></rPr><t>" + s[k:] + b'</t></r><rPh sb="0" eb="1"><t>&#12500;</t></rPh>'
            else:
                s = b'<t xml:space="preserve">' + s + b"</t>"
            items.append(b"<si>" + s + b"</si>")
        parts["xl/sharedStrings.xml"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
            % (len(items), len(items)) + b"".join(items) + b"</sst>"
        )
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    if "date-style" in ops:  # the style of the numbers becomes a date format
        parts["xl/styles.xml"] = re.sub(rb'numFmtId="0"', lambda m: b'numFmtId="14"' if pick(0.5) else m.group(0), parts["xl/styles.xml"])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("src", [SAMPLES / "huaian-2024.xlsx", FIXTURES / "read" / "odd-values.xlsx"], ids=lambda p: p.stem)
def test_each_rewrite_reads_the_same(tmp_path, src, op):
    out = tmp_path / "rewritten.xlsx"
    rewrite(src, out, {op, "shared-strings"} if op == "rich-text" else {op}, random.Random(7))
    assert_same(out)


def test_a_wps_like_file_takes_the_fast_path(tmp_path):
    """Shared strings, cached results, a wrong <dimension> (what WPS saves): no openpyxl."""
    out = tmp_path / "wps.xlsx"
    rewrite(SAMPLES / "huaian-2024.xlsx", out, {"dimension", "shared-strings", "cached", "formula-attr"}, random.Random(1))
    assert_same(out)
    assert fast_path_only(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=report_data(), ops=st.sets(st.sampled_from(OPS), max_size=5), seed=st.integers(0, 2**16))
def test_generated_workbooks_read_the_same(tmp_path_factory, data, ops, seed):
    folder = tmp_path_factory.mktemp("eq")
    plain = folder / "plain.xlsx"
    write_workbook(from_data(data), plain)
    assert_same(plain)
    rewritten = folder / "rewritten.xlsx"
    rewrite(plain, rewritten, ops, random.Random(seed))
    assert_same(rewritten)


def test_a_sparse_sheet_does_not_exhaust_memory(tmp_path):
    """One far-away cell: calamine would allocate the whole rectangle; openpyxl reads it."""
    out = tmp_path / "far.xlsx"
    with zipfile.ZipFile(SAMPLES / "huaian-2024.xlsx") as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet5.xml":
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>')
            zout.writestr(info, data)
    assert_same(out)
    assert not fast_path_only(out)
