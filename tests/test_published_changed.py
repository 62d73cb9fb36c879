"""Published version identity (issue 13): ``accept`` on a published page records the copy
reviewed (SHA-256 and a snapshot of cells, fields and paragraphs); checking a later copy that
differs says "发布后内容有变化" and what changed, or "内容未变（仅网页格式变化）"."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from disclosure_cli import decisions as D
from disclosure_cli.formats import CellKey
from disclosure_cli.reader import load

from conftest import FIXTURES, SAMPLES

PAGE = FIXTURES / "published" / "blanks-three-spellings.html"  # 曲靖市麒麟区珠街街道 2020


def edit_cell(html: str, table: int, row: int, col: int, new) -> str:
    """The page with the number in the ``col``-th ``<td>`` of the ``row``-th ``<tr>`` of the
    ``table``-th table of the article replaced by ``new`` (as an editor would change it)."""
    body = html.find("</script>", html.find("<body"))
    starts = [m.start() for m in re.finditer(r"<table", html) if m.start() > body]
    a = starts[table - 1]
    b = html.index("</table>", a)
    seg = html[a:b]
    trs = [m.start() for m in re.finditer(r"<tr[\s>]", seg)] + [len(seg)]
    tr = seg[trs[row - 1] : trs[row]]
    tds = [m.start() for m in re.finditer(r"<td[\s>]", tr)] + [len(tr)]
    td = tr[tds[col - 1] : tds[col]]
    td2 = re.sub(r"(?<=[;>])\d+(?=<)", str(new), td, count=1)
    assert td2 != td
    tr = tr[: tds[col - 1]] + td2 + tr[tds[col] :]
    seg = seg[: trs[row - 1]] + tr + seg[trs[row] :]
    return html[:a] + seg + html[b:]


@pytest.fixture
def folder(tmp_path):
    shutil.copy(PAGE, tmp_path / "page.html")
    return tmp_path


def _json(cli, path, *extra):
    r = cli("check", "--format", "json", path, *extra)
    (f,) = json.loads(r.stdout)["files"]
    return r.exit_code, f


def _page_text(folder):
    return (folder / "page.html").read_text(encoding="utf-8")


def test_accept_reviewed_records_the_copy_readably(cli, folder):
    before = (folder / "page.html").read_bytes()
    r = cli("accept", folder / "page.html", "--reviewed", "--by", "张三")
    assert r.exit_code == 0, r.stderr
    assert "已记录审核的版本：page.html" in r.stdout
    text = (folder / D.DEFAULT_NAME).read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["schema"] == 2 and doc["decisions"] == []
    (rec,) = doc["reviewed"]
    assert rec["org"] == "曲靖市麒麟区珠街街道" and rec["year"] == 2020 and rec["file"] == "page.html"
    assert rec["sha256"] == load(folder / "page.html").imported["sha256"] and rec["by"] == "张三"
    assert rec["importer"].startswith("disclosure-import") and rec["format"] == "2019"
    assert rec["fields"]["published"] == "2025-01-20"
    # one line per row of a table: a changed cell is one changed line of the diff
    assert '"1 新收": [0, 0, 0, 0, 0, 0, 0],' in text
    assert len(rec["sections"]["1"]) == 25 and re.fullmatch(r"[0-9a-f]{8} 2020年,.{1,20}", rec["sections"]["1"][0])
    assert (folder / "page.html").read_bytes() == before
    # the same bytes checked again: nothing to say
    code, f = _json(cli, folder / "page.html")
    assert not [x for x in f["findings"] if x["code"].startswith("published-")]


def test_a_changed_cell_and_paragraph_are_named(cli, folder):
    cli("accept", folder / "page.html", "--reviewed", "--by", "张三")
    html = _page_text(folder)
    changed = edit_cell(html, 1, 3, 2, 12).replace("2.建立考核机制", "2.建立健全考核机制", 1)
    (folder / "page (1).html").write_text(changed, encoding="utf-8")  # a later copy, another name
    before = (folder / "page (1).html").read_bytes()
    assert load(folder / "page (1).html").cells[CellKey("t2", "rules", "new_made")].raw == 12
    r = cli("check", folder / "page (1).html")
    assert r.exit_code == 0, r.stdout  # a warning: the report is not wrong for being changed
    assert "警告 published-changed" in r.stdout
    assert "发布后内容有变化" in r.stdout
    assert "表二 规章·本年新制作数量：0 → 12" in r.stdout
    assert "一、总体情况 第 4 段 有改动" in r.stdout
    assert "张三" in r.stdout
    assert cli("check", "--strict", folder / "page (1).html").exit_code == 1
    code, f = _json(cli, folder / "page (1).html")
    (p,) = [x for x in f["findings"] if x["code"] == "published-changed"]
    assert p["level"] == "warning"
    assert p["args"]["changes"] == ["表二 规章·本年新制作数量：0 → 12", p["args"]["changes"][1]]
    assert {"table": "t2", "row": "rules", "column": "new_made"}.items() <= p["refs"][0].items()
    assert p["refs"][1]["section"] == "1" and p["refs"][1]["paragraph"] == 4
    assert p["args"]["reviewed_sha256"] != p["args"]["sha256"]
    # left out like any rule
    code, f = _json(cli, folder / "page (1).html", "--ignore", "published-*")
    assert not [x for x in f["findings"] if x["code"].startswith("published-")]
    assert (folder / "page (1).html").read_bytes() == before


def test_markup_only_change_is_the_unchanged_variant(cli, folder):
    cli("accept", folder / "page.html", "--reviewed")
    html = _page_text(folder)
    (folder / "page.html").write_text(html.replace("font-size:10.5pt", "font-size:11pt"), encoding="utf-8")
    r = cli("check", "--strict", folder / "page.html")
    assert "提示 published-reformatted" in r.stdout
    assert "内容未变（仅网页格式变化）" in r.stdout
    code, f = _json(cli, folder / "page.html")
    (p,) = [x for x in f["findings"] if x["code"].startswith("published-")]
    assert p["code"] == "published-reformatted" and p["level"] == "info" and p["refs"] == []


def test_re_recording_the_new_copy_says_what_it_replaces(cli, folder):
    cli("accept", folder / "page.html", "--reviewed", "--by", "张三")
    html = _page_text(folder)
    (folder / "page.html").write_text(edit_cell(html, 1, 3, 2, 7), encoding="utf-8")
    r = cli("accept", folder / "page.html", "--reviewed", "--by", "李四")
    assert r.exit_code == 0, r.stderr
    assert "取代此前审核的版本" in r.stdout and "表二 规章·本年新制作数量：0 → 7" in r.stdout
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    (rec,) = doc["reviewed"]  # one record per report and file
    assert rec["by"] == "李四"
    code, f = _json(cli, folder / "page.html")
    assert not [x for x in f["findings"] if x["code"].startswith("published-")]


def test_accepting_findings_of_a_page_records_the_copy_too(cli, folder):
    r = cli("accept", folder / "page.html", "--all-warnings", "-r", "已核实")
    assert r.exit_code == 0, r.stderr
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert doc["decisions"] and len(doc["reviewed"]) == 1
    assert all(d["sha256"] == doc["reviewed"][0]["sha256"] for d in doc["decisions"])


def test_workbook_and_json_inputs_are_unaffected(cli, folder):
    cli("accept", folder / "page.html", "--reviewed")
    # the same report as a data file, in the same folder: never compared with the page
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")
    code, f = _json(cli, folder / "zhujie.json")
    assert f["org"] == "曲靖市麒麟区珠街街道" and f["year"] == 2020
    assert not [x for x in f["findings"] if x["code"].startswith("published-")]
    r = cli("accept", folder / "zhujie.json", "--reviewed")
    assert r.exit_code == 2 and "--reviewed 只用于已发布的网页或文档" in r.stderr
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert len(doc["reviewed"]) == 1


def test_a_decisions_only_file_stays_schema_1(cli, tmp_path):
    shutil.copy(SAMPLES / "zhujie-2020.json", tmp_path / "zhujie.json")
    cli("accept", tmp_path / "zhujie.json", "value-blank", "-r", "空白即为0")
    doc = json.loads((tmp_path / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert doc["schema"] == 1 and "reviewed" not in doc


def test_reviewed_records_survive_other_updates(cli, folder):
    cli("accept", folder / "page.html", "--reviewed")
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")
    cli("accept", folder / "zhujie.json", "value-blank", "-r", "空白即为0")
    cli("accept", folder / "zhujie.json", "--undo", "value-blank")
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert len(doc["reviewed"]) == 1 and doc["decisions"] == []


@pytest.mark.parametrize(
    "reviewed,words",
    [
        ('"x"', "\"reviewed\" 应为列表"),
        ('[{"org": "a"}]', "“reviewed”中第 1 条记录"),
        ('[{"org": "a", "sha256": "b", "tables": []}]', "“tables”应为对象"),
    ],
)
def test_a_broken_reviewed_list_is_exit_2(cli, folder, reviewed, words):
    (folder / D.DEFAULT_NAME).write_text(
        '{"kind": "disclosure-decisions", "schema": 2, "decisions": [], "reviewed": ' + reviewed + "}", encoding="utf-8"
    )
    r = cli("check", folder / "page.html")
    assert r.exit_code == 2 and words in r.stdout + r.stderr


def test_snapshot_changes_unit():
    """``reviewed.changes``: cells, fields, paragraphs added / changed / removed."""
    from disclosure_cli import reviewed as RV
    from disclosure_cli.model import Paragraph

    report = load(PAGE)
    old = RV.record(report, by="张三", at="2025-01-20T10:00:00+08:00")
    assert RV.changes(old, report) == ([], [])
    report.cells[CellKey("t3", "3.1", "total")].raw = 13
    report.meta["published"] = "2025-02-01"
    paras = report.sections["5"]
    report.sections["5"] = paras[:1] + [Paragraph("新增的一段。")] + paras[1:]
    del report.sections["1"][2]
    said, refs = RV.changes(old, report)
    assert "发布日期：2025-01-20 → 2025-02-01" in said
    assert "表三 予以公开·总计：0 → 13" in said
    assert any(s.startswith("五、") and "第 2 段 是新增的" in s for s in said)
    assert any(s.startswith("一、总体情况 删去了原第 3 段") for s in said)
    assert {"field": "meta.published", "value": "2025-02-01"} in refs
    msg = RV.message(old, said)
    assert msg.startswith("发布后内容有变化：与审核过的版本（张三 2025-01-20 审核，SHA-256 ")


def test_decisions_lists_the_reviewed_copies(cli, folder):
    cli("accept", folder / "page.html", "--reviewed", "--by", "张三")
    r = cli("decisions", folder)
    assert r.exit_code == 0, r.stderr
    assert "审核过的已发布版本 1 个" in r.stdout and "page.html  SHA-256" in r.stdout and "张三" in r.stdout
    doc = json.loads(cli("decisions", folder, "--format", "json").stdout)
    (c,) = doc["reviewed"]
    assert c["file"] == "page.html" and len(c["sha256"]) == 64 and "tables" not in c


def test_a_page_without_org_is_compared_by_file_name_only():
    """No 机关名称: a record applies to the copy of the same file name, never to another page."""
    from disclosure_cli import reviewed as RV

    report = load(PAGE)
    report.org = ""
    old = RV.record(report, by="x", at="2025-01-20T10:00:00+08:00")
    old["file"], old["sha256"] = "a.html", "0" * 64
    assert D.reviewed_for(report, [old], "a.html") is old
    assert D.reviewed_for(report, [old], "b.html") is None
    assert D.published_finding(report, [old], "b.html", lambda c: True) is None
    f = D.published_finding(report, [old], "a.html", lambda c: True)
    assert f is not None and f.code == "published-reformatted"
    report.org = "某单位"
    assert D.reviewed_for(report, [old], "a.html") is None  # another report


def test_changes_name_exactly_the_cells_changed():
    """Property: change random cells of a published copy; ``changes`` names exactly those cells
    (one sentence and one ref each), nothing when they are set back."""
    from hypothesis import given, settings, strategies as st

    from disclosure_cli import reviewed as RV

    base = load(PAGE)
    old = RV.record(base, by="x", at="2025-01-20T10:00:00+08:00")
    keys = sorted(base.cells, key=str)

    @settings(max_examples=40, deadline=None)
    @given(st.dictionaries(st.sampled_from(keys), st.integers(1, 10_000), min_size=1, max_size=8))
    def prop(edits):
        saved = {k: base.cells[k].raw for k in edits}
        try:
            for k, v in edits.items():
                base.cells[k].raw = saved[k] + v if isinstance(saved[k], int) else v
            said, refs = RV.changes(old, base)
            got = {CellKey(r["table"], r["row"], r["column"]) for r in refs}
            assert got == set(edits) and len(said) == len(edits)
        finally:
            for k, v in saved.items():
                base.cells[k].raw = v
        assert RV.changes(old, base) == ([], [])

    prop()
