"""Reading workbooks: values as typed, tables found by labels, unusable inputs refused."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import FIXTURES, SAMPLES
from disclosure_cli import load
from disclosure_cli import values as V
from disclosure_cli.errors import InputError
from disclosure_cli.jsonform import from_data, to_data

READ = FIXTURES / "read"
INPUT = FIXTURES / "input"


def _sample_data(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text("utf-8"))


@pytest.mark.parametrize(
    "raw,state,value,notes",
    [
        (12, V.NUMBER, 12, ()),
        (12.0, V.NUMBER, 12, (V.FLOAT_INTEGRAL,)),
        ("12", V.NUMBER, 12, (V.NUMERIC_TEXT,)),
        ("12.0", V.NUMBER, 12, (V.NUMERIC_TEXT, V.FLOAT_INTEGRAL)),
        ("１２", V.NUMBER, 12, (V.FULLWIDTH, V.NUMERIC_TEXT)),
        (" 12 ", V.NUMBER, 12, (V.SPACES, V.NUMERIC_TEXT)),
        ("1,234", V.NUMBER, 1234, (V.NUMERIC_TEXT, V.THOUSANDS)),
        (96171.6, V.NUMBER, 96171.6, ()),
        (-2, V.NUMBER, -2, ()),
        (None, V.BLANK, None, ()),
        ("   ", V.BLANK, None, (V.SPACES,)),
        ("/", V.NA, None, ()),
        ("-", V.NA, None, ()),
        ("—", V.NA, None, ()),
        ("不适用", V.NA, None, ()),
        ("22（其中修订16件）", V.TEXT, None, ()),
        ("251000元", V.TEXT, None, ()),
        ("十二", V.TEXT, None, ()),
        (True, V.TEXT, None, ()),
    ],
)
def test_value_reading(raw, state, value, notes):
    r = V.read_value(raw)
    assert (r.state, r.value, r.notes) == (state, value, notes)


@pytest.mark.parametrize(
    "name,sample",
    [
        ("moved-table.xlsx", "huaian-2024.json"),
        ("wps-dimension.xlsx", "huaian-2024.json"),
        ("no-stamp-2021.xlsx", "huaian-2024.json"),
        ("no-stamp-2019.xlsx", "zhujie-2020.json"),
        ("altered-label.xlsx", "huaian-2024.json"),
    ],
)
def test_tolerant_reads_give_the_same_report(name, sample):
    """Inserted rows, a moved table, WPS's wrong dimensions, no stamp, an altered label."""
    report = load(READ / name)
    assert to_data(report) == to_data(from_data(_sample_data(sample)))


def test_version_from_labels_when_no_stamp():
    assert load(READ / "no-stamp-2019.xlsx").format_source == "labels"
    assert load(READ / "no-stamp-2019.xlsx").format.id == "2019"
    assert load(READ / "no-stamp-2021.xlsx").format.id == "2021"
    assert load(SAMPLES / "huaian-2024.xlsx").format_source == "stamp"


def test_altered_label_reported_by_name():
    (p,) = load(READ / "altered-label.xlsx").problems
    assert (p.code, p.label, p.found) == ("label-altered", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    assert p.source.sheet == "表三"


def test_old_format_row_reported():
    report = load(READ / "old-format-row.xlsx")
    codes = [(p.code, p.row) for p in report.problems]
    assert ("format-mixed-version", "3.6") in codes
    assert not [p for p in report.problems if p.code == "label-missing"]


def test_odd_values_kept_with_state_and_source():
    r = load(READ / "odd-values.xlsx")
    row = {c: r.cell("t3", "1", c) for c in ("natural", "commercial", "research", "nonprofit", "legal", "other")}
    assert [(c.raw, c.state) for c in row.values()] == [
        ("12.0", V.NUMBER), ("12", V.NUMBER), ("１２", V.NUMBER), (" 12 ", V.NUMBER),
        ("/", V.NA), ("22（其中修订16件）", V.TEXT),
    ]
    assert V.FULLWIDTH in row["research"].notes
    assert str(row["natural"].source) == "表三!D6"
    total = r.cell("t3", "1", "total")
    assert total.formula and total.cached is False and total.value == 48  # recomputed, text ignored
    assert r.cell("t4", "review", "upheld").state == V.NA
    assert r.cell("t4", "review", "corrected").state == V.BLANK


GALLERY = [
    ("empty.xlsx", "file-empty", "文件是空的"),
    ("random-bytes.xlsx", "xlsx-not-workbook", "不是 Excel 工作簿"),
    ("report.csv", "xlsx-not-workbook", "CSV 或纯文本文件"),
    ("old-excel.xls", "xlsx-old-format", "旧版 Excel（.xls）或 WPS（.et）"),
    ("wps-old.et", "xlsx-old-format", "另存为"),
    ("encrypted.xlsx", "xlsx-encrypted", "设置了打开密码"),
    ("half-saved.xlsx", "xlsx-corrupt", "文件不完整或已损坏"),
    ("word-renamed.xlsx", "xlsx-not-workbook", "Word 文档"),
    ("zip-bomb.xlsx", "xlsx-too-large", "压缩炸弹"),
    ("other-template.xlsx", "xlsx-unknown-template", "不是政府信息公开工作年度报告的工作簿"),
]


@pytest.mark.parametrize("name,code,message", GALLERY)
def test_gallery_of_unusable_inputs(cli, name, code, message):
    path = INPUT / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(InputError) as e:
        load(path)
    assert e.value.code == code and message in e.value.message
    res = cli("export", path)
    assert res.exit_code == 2
    assert message in res.stderr and "Traceback" not in res.stderr + res.stdout
    assert res.stdout == ""
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_file_and_directory(cli, tmp_path):
    res = cli("export", tmp_path / "nope.xlsx")
    assert res.exit_code == 2 and "文件不存在" in res.stderr
    res = cli("export", tmp_path)
    assert res.exit_code == 2 and "文件夹" in res.stderr


def test_debug_shows_traceback(cli):
    res = cli("--debug", "export", INPUT / "empty.xlsx")
    assert res.exit_code == 2 and "Traceback" in res.stderr


def test_bad_json_inputs(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = cli("export", bad)
    assert res.exit_code == 2 and "JSON 格式错误" in res.stderr
    bad.write_text('{"schema": 9, "t3": {}}', encoding="utf-8")
    res = cli("export", bad)
    assert res.exit_code == 2 and "schema" in res.stderr
    bad.write_text("[1, 2]", encoding="utf-8")
    assert cli("export", bad).exit_code == 2


def test_input_never_modified(cli, tmp_path):
    for path in (SAMPLES / "huaian-2024.xlsx", SAMPLES / "zhujie-2020.json"):
        before = path.read_bytes()
        cli("export", path, "-o", tmp_path / (path.stem + ".json"))
        cli("new", "--data", path, "-o", tmp_path / (path.stem + ".xlsx"))
        assert path.read_bytes() == before


def test_xml_is_parsed_with_defusedxml():
    """openpyxl switches to defusedxml when it is installed (a runtime dependency of ours)."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_billion_laughs_is_refused(tmp_path, cli):
    """An entity-expansion bomb inside a workbook part is refused, not expanded."""
    import io
    import zipfile

    src = (SAMPLES / "huaian-2024.xlsx").read_bytes()
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    zin = zipfile.ZipFile(io.BytesIO(src))
    out = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet5.xml":
                body = data.split(b"?>", 1)[-1]
                data = bomb + body.replace(b"<sheetData>", b"<sheetData>&lol3;", 1)
            zout.writestr(info, data)
    res = cli("export", out)
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    assert "无法打开" in res.stderr


@pytest.mark.parametrize(
    "value,text", [(12, "12"), (12.0, "12"), (96171.6, "96171.6"), (1234567.25, "1234567.25"), (-3, "-3"), (None, "")]
)
def test_number_text(value, text):
    """Numbers in messages and documents: no 12.0, no exponent, no lost digits."""
    assert V.number_text(value) == text


def test_formulas_in_text_cells(cli):
    """Issue 9: a formula typed into a text cell (单位信息, 正文) reads as the result the file
    saved; one without a saved result is reported with its cell, not silently read as blank."""
    path = READ / "text-formulas.xlsx"
    before = path.read_bytes()
    report = load(path)
    assert to_data(report) == to_data(from_data(_sample_data("huaian-2024.json")))
    assert report.org == "淮安市人民政府" and str(report.sources["org"]) == "单位信息!B2"
    assert str(report.sections["1"][0].source) == "正文!C2"
    (p,) = report.problems
    assert p.code == "formula-text-not-cached" and str(p.source) == "正文!C3"
    assert "二、主动公开政府信息情况" in p.message and "没有保存它的计算结果" in p.message
    res = cli("check", path, env={"NO_COLOR": "1"})
    assert res.exit_code == 0
    assert "formula-text-not-cached  正文!C3" in res.stdout and '"本年度"&"无"' in res.stdout
    assert path.read_bytes() == before
