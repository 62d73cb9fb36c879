"""Data validated once, where it is read (issue 8, items 3, 7, 8): ``check`` refuses or reports
what ``build`` would choke on, and no data can make ``check``, ``build`` or ``build --draft``
exit 3. Each case: the exact exit code, part of the Chinese message, the input unchanged."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from disclosure_cli import model as M
from disclosure_cli.errors import InputError
from disclosure_cli.jsonform import from_data, schema_text, to_data
from disclosure_cli.reader import load

BASE = json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8"))


def _data(**changes) -> dict:
    d = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("/")
        node = d
        for p in parents:
            node = node[p]
        node[last] = value
    return d


def _write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    if isinstance(content, (dict, list)):
        content = json.dumps(content, ensure_ascii=True)  # \ud800 escapes survive as written
    path.write_text(content, encoding="utf-8")
    return path


def _run_all(cli, path: Path, tmp_path: Path):
    """check, build and build --draft on one input; returns the three results."""
    before = path.read_bytes()
    results = (
        cli("check", path),
        cli("build", path, "-o", tmp_path / "out"),
        cli("build", path, "-o", tmp_path / "draft", "--draft"),
    )
    assert path.read_bytes() == before
    for res in results:
        assert res.exit_code != 3, res.stdout + res.stderr
        assert "Traceback" not in res.stdout + res.stderr
    return results


# --- refused: exit 2, naming the JSON path --------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000
NESTED = json.dumps(_data(extra=json.loads("[" * 40 + "]" * 40)))
BIG_INT = json.dumps(BASE).replace('"natural": 0', '"natural": ' + "9" * 5001, 1)

REFUSED = [
    ("org-object", _data(org={"a": [1]}), "$.org 应为文字或空值 null，实际是对象 {\"a\": [1]}"),
    ("sections-number", _data(sections={"1": 5}), '$.sections["1"] 应为数组、文字或空值 null，实际是数字 5'),
    ("paragraph-object", _data(sections={"1": [{"p": 1}]}), '$.sections["1"][0] 应为文字或空值 null'),
    ("cell-true", _data(**{"t3/1/natural": True}), '$.t3["1"].natural 应为数字、文字或空值 null，实际是布尔值 true'),
    ("cell-list", _data(**{"t2/rules/issued": [1]}), "$.t2.rules.issued 应为数字、文字或空值 null，实际是数组"),
    ("row-number", _data(**{"t4/review": 3}), "$.t4.review 应为对象或空值 null"),
    ("meta-object", _data(**{"meta/published": {"d": 1}}), "$.meta.published 应为文字、数字或空值 null"),
    ("org-surrogate", _data(org="某单位\ud800"), "$.org 含有不成对的代理字符"),
    ("paragraph-surrogate", _data(sections={"1": ["好\udfff"]}), '$.sections["1"][0] 含有不成对的代理字符'),
    ("deep", DEEP, "JSON 嵌套超过 32 层"),
    ("nested-extra", NESTED, "JSON 嵌套超过 32 层"),
    ("integer-5001-digits", BIG_INT, "JSON 中有一个 5001 位的整数，超过上限 100 位"),
    ("published-100k", _data(**{"meta/published": "1" * 100_000}), "发布日期（$.meta.published）有 100000 个字符，超过上限 20000 个字符"),
    ("paragraph-too-long", _data(sections={"1": ["字" * 20_001]}), '第一部分第 1 段（$.sections["1"][0]）有 20001 个字符'),
    ("too-many-paragraphs", _data(sections={"6": ["段"] * 5_001}), "正文共 5001 段，超过上限 5000 段"),
]


@pytest.mark.parametrize("name,content,message", REFUSED, ids=[c[0] for c in REFUSED])
def test_unusable_data_is_refused_with_exit_2(cli, tmp_path, name, content, message):
    path = _write(tmp_path, f"{name}.json", content)
    check, build, draft = _run_all(cli, path, tmp_path)
    assert check.exit_code == 2 and message in check.stdout + check.stderr
    for res in (build, draft):
        assert res.exit_code == 2 and message in res.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "draft").exists()


def test_json_file_over_the_size_limit_is_refused_before_parsing(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(M, "MAX_JSON_BYTES", 1000)
    path = _write(tmp_path, "big.json", "{" + " " * 2000)  # not even JSON: never parsed
    res = cli("check", path)
    assert res.exit_code == 2 and "json-too-large" in res.stdout + res.stderr
    with pytest.raises(InputError) as e:
        load(path)
    assert e.value.code == "json-too-large" and "JSON 文件有" in e.value.message


def test_a_21_megabyte_file_is_refused(cli, tmp_path):
    path = tmp_path / "huge.json"
    path.write_text('{"t3": {}, "pad": "' + "x" * (21 * 1024 * 1024) + '"}', encoding="utf-8")
    res = cli("check", path)
    assert res.exit_code == 2 and "JSON 文件有 21.0 MB，超过上限 20 MB" in res.stdout + res.stderr


# --- accepted, with a finding; build never crashes ---------------------------------------------


def test_control_character_is_an_error_finding_and_draft_builds(cli, tmp_path):
    path = _write(tmp_path, "ctrl.json", _data(org="某单位\x01", sections={"1": ["段落\x1b内容"]}))
    check, build, draft = _run_all(cli, path, tmp_path)
    assert check.exit_code == 1
    assert "text-invalid-character" in check.stdout
    assert "机关名称（$.org）含有文档不能容纳的控制字符 U+0001" in check.stdout
    assert '第一部分第 1 段（$.sections["1"][0]）含有文档不能容纳的控制字符 U+001B' in check.stdout
    assert build.exit_code == 1 and not (tmp_path / "out").exists()
    assert draft.exit_code == 1
    import docx

    d = docx.Document(str(tmp_path / "draft" / "ctrl.docx"))
    assert d.core_properties.author == "某单位"
    assert "\x01" not in (tmp_path / "draft" / "ctrl.html").read_text("utf-8")


@pytest.mark.parametrize(
    "changes, label, length",
    [({"org": "某" * 300}, "机关名称", 300), ({"meta/title": "标" * 300}, "报告标题", 300)],
)
def test_over_long_title_is_a_warning_and_the_property_is_cut(cli, tmp_path, changes, label, length):
    path = _write(tmp_path, "long.json", _data(**changes))
    check, build, draft = _run_all(cli, path, tmp_path)
    assert check.exit_code == 0
    assert f"{label}有 {length} 个字符，超过 255 个字符" in check.stdout
    assert check.stdout.count("title-too-long") == 1
    assert build.exit_code == 0 and draft.exit_code == 0
    import docx

    cp = docx.Document(str(tmp_path / "out" / "long.docx")).core_properties
    assert len(cp.title) == 255 and len(cp.author) <= 255


def test_digits_in_a_text_cell_never_overflow(cli, tmp_path):
    path = _write(tmp_path, "digits.json", _data(**{"t3/1/natural": "9" * 5001}))
    check, build, draft = _run_all(cli, path, tmp_path)
    assert check.exit_code == 1 and "value-text" in check.stdout
    assert build.exit_code == 1 and draft.exit_code == 1
    assert (tmp_path / "draft" / "digits.docx").exists()


def test_limits_hold_for_workbooks_too(tmp_path, monkeypatch):
    """The same limits apply whichever reader read the report (``reader.load``)."""
    monkeypatch.setattr(M, "MAX_PARAGRAPHS", 3)
    with pytest.raises(InputError) as e:
        load(SAMPLES / "huaian-2024.xlsx")
    assert e.value.code == "data-too-many-paragraphs" and "超过上限 3 段" in e.value.message
    monkeypatch.setattr(M, "MAX_PARAGRAPHS", 5000)
    monkeypatch.setattr(M, "MAX_TEXT_LENGTH", 10)
    with pytest.raises(InputError) as e:
        load(SAMPLES / "huaian-2024.xlsx")
    assert e.value.code == "data-text-too-long" and "单位信息!" in e.value.message + str(e.value)


# --- the published schema -------------------------------------------------------------------------


def test_schema_is_valid_and_shipped():
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_text())
    Draft202012Validator.check_schema(schema)
    installed = ROOT / "src" / "disclosure_cli" / "schema" / "report.schema.json"
    assert installed.read_text("utf-8") == schema_text()
    assert '"disclosure_cli" = ["schema/*.json"]' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_schema_names_every_table_of_every_format():
    from disclosure_cli import formats as F

    schema = json.loads(schema_text())
    tables = {t.id for fmt in F.FORMATS.values() for t in fmt.tables}
    assert tables <= set(schema["properties"])
    assert all(schema["properties"][t] == {"$ref": "#/$defs/table"} for t in tables)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.json")))
def test_samples_and_exports_validate(sample):
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(schema_text()))
    data = json.loads((SAMPLES / sample).read_text("utf-8"))
    assert not list(validator.iter_errors(data))
    assert not list(validator.iter_errors(to_data(from_data(data))))


def test_numbers_in_meta_are_read_as_their_text():
    r = from_data(_data(**{"meta/postcode": 223001, "meta/phone": None}))
    assert r.meta["postcode"] == "223001" and r.meta["phone"] == ""


# --- new --data refuses to drop what the format has no place for -----------------------------


def test_new_data_refuses_cells_the_format_lacks(cli, tmp_path):
    data = _data()
    data["t3"]["3.6"] = {"natural": 1, "total": 1}  # 2019's single row （六）其他处理
    data["t2"]["rules"]["unknown"] = 4
    data["sections"]["7"] = ["第七部分"]
    path = _write(tmp_path, "extra.json", data)
    before = path.read_bytes()
    out = tmp_path / "t.xlsx"
    res = cli("new", "--data", path, "-o", out)
    assert res.exit_code == 2
    for name in ('$.t3["3.6"].natural', '$.t3["3.6"].total', "$.t2.rules.unknown", '$.sections["7"]'):
        assert name in res.stderr
    assert "2021 版格式没有位置的内容，写入模板会丢失" in res.stderr
    assert not out.exists() and path.read_bytes() == before
    check = cli("check", path)
    assert check.exit_code == 1 and '本格式（2021版）没有的正文部分 sections["7"]' in check.stdout


def test_new_data_with_null_unknown_cells_is_fine(cli, tmp_path):
    data = _data()
    data["t3"]["3.6"] = {"natural": None}
    path = _write(tmp_path, "nulls.json", data)
    res = cli("new", "--data", path, "-o", tmp_path / "t.xlsx")
    assert res.exit_code == 0, res.stderr


def test_new_data_refuses_a_workbook_with_a_row_of_the_old_format(cli, tmp_path):
    """A 2021 workbook holding 2019's single row （六）其他处理 with its numbers."""
    from conftest import FIXTURES

    src = FIXTURES / "read" / "old-format-row.xlsx"
    before = src.read_bytes()
    out = tmp_path / "t.xlsx"
    res = cli("new", "--data", src, "-o", out)
    assert res.exit_code == 2
    assert "t3[3.6]“（六）其他处理”（表三!B26：67、3、0、0、1、0）" in res.stderr
    assert "写入模板会丢失" in res.stderr
    assert not out.exists() and src.read_bytes() == before


def test_jsonschema_is_imported_only_for_json_input():
    """Start-up: a workbook (and ``--help``) never imports jsonschema; a JSON file does."""
    import subprocess
    import sys

    code = (
        "import sys; from disclosure_cli.reader import load; load(sys.argv[1]); "
        "print('jsonschema' in sys.modules)"
    )
    for sample, imported in (("huaian-2024.xlsx", "False"), ("huaian-2024.json", "True")):
        out = subprocess.run([sys.executable, "-c", code, str(SAMPLES / sample)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == imported, sample


def test_new_data_names_characters_excel_cannot_save(cli, tmp_path):
    path = _write(tmp_path, "ctrl.json", _data(org="某单位\x01", sections={"2": ["段落\x0b换行"]}))
    out = tmp_path / "t.xlsx"
    res = cli("new", "--data", path, "-o", out)
    assert res.exit_code == 2 and not out.exists()
    assert "Excel 不能保存的控制字符：机关名称（$.org） U+0001；第二部分第 1 段（$.sections[\"2\"][0]） U+000B" in res.stderr
