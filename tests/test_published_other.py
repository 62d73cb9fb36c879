"""A real published report from a site other than www.pingtan.gov.cn (whose five pages in
tests/fixtures/published/real/ all come from one CMS): the 2019 report of 上海市人民政府办公厅
(www.shanghai.gov.cn), as the site's editor wrote it — a run of ``<p>`` and ``<table>`` with no
wrapping element, ``<p align="center">`` cells, ``nowrap``/``width`` attributes, blanks spelled
``<p>&nbsp;</p>`` and (表四) a bare ``&nbsp;``, the year *before* the unit in the title, and in 表二
merged cells that do not line up with their label row (``0`` drawn over two columns under
``上一年项目数量``). The page is saved verbatim (see its header comment and
tests/fixtures/published/README.md); the tables below were read by hand from it.

Checked: the copy (header, offsets, the one escape undone); ``disclosure import`` reads every
cell as read by hand (value, blank, text) with its place in the page; ``disclosure check`` finds
every true defect at its place and no error that is not one; the other warnings are listed with
why (``OTHER_FINDINGS``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from disclosure_cli import load
from disclosure_cli.cli import app
from test_published_real import _header, imported  # the source comment of a saved page; the CLI import

REAL = Path(__file__).parent / "fixtures" / "published" / "real"
PLACE = re.compile(r"^第 (\d+) 个表格 第 \d+ 行 第 \d+ 列「.*」$", re.S)
_ = None  # a blank cell (<p>&nbsp;</p> or &nbsp;)

# Hand-read from sh-gov-2019.html (line numbers of the saved file are not stable; the page's own
# rows are named).  表二 = 第 1 个表格, 表三 = 第 2 个表格, 表四 = 第 3 个表格.
ORACLE = {
    "sh-gov-2019": {
        "org": "上海市人民政府办公厅", "year": 2019, "format": "2019",
        "t2": {  # 表二 rows 3–4, 7–8, 11–12, 15, 18 (the 第二十条第（…）项 rows and label rows between)
            "rules": {"new_made": 13, "new_published": 13, "total_published": 524},
            "normative": {"new_made": 60, "new_published": 60, "total_published": 368},
            # rows 7, 8, 11, 12: "0" drawn over columns 2–3, then "0" in 4 and "0" in 5, under the
            # labels 上一年项目数量 (2), 本年增/减 (3–4), 处理决定数量 (5): read in order.
            "license": {"last_year_items": 0, "change": 0, "decisions": 0},
            "other_services": {"last_year_items": 0, "change": 0, "decisions": 0},
            "penalty": {"last_year_items": 0, "change": 0, "decisions": 0},
            "enforcement": {"last_year_items": 0, "change": 0, "decisions": 0},
            "fees": {"last_year_items": 0, "change": 0},
            "procurement": {"projects": 6, "amount": "251000元"},  # text in the cell
        },
        "t3": {  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — 表三 rows 4–26
            "1": [821, 35, _, _, 2, 1, 859],
            "2": [18, _, _, _, _, _, 18],
            "3.1": [258, 12, _, _, 1, 1, _],
            "3.2": [3, _, _, _, _, _, _],
            "3.3.1": [14, _, _, _, _, _, _],
            "3.3.2": [_, _, _, _, _, _, _],
            "3.3.3": [_, _, _, _, _, _, _],
            "3.3.4": [_, _, _, _, _, _, _],
            "3.3.5": [5, _, _, _, _, _, _],
            "3.3.6": [3, 1, _, _, _, _, _],
            "3.3.7": [_, _, _, _, _, _, _],
            "3.3.8": [10, 2, _, _, _, _, _],
            "3.4.1": [252, 12, _, _, 1, _, _],
            "3.4.2": [44, 3, _, _, _, _, _],
            "3.4.3": [25, _, _, _, _, _, _],
            "3.5.1": [148, 1, _, _, _, _, _],
            "3.5.2": [5, 4, _, _, _, _, _],
            "3.5.3": [_, _, _, _, _, _, _],
            "3.5.4": [_, _, _, _, _, _, _],
            "3.5.5": [_, _, _, _, _, _, _],
            "3.6": [_, _, _, _, _, _, _],
            "3.7": [767, 35, _, _, 2, 1, 805],
            "4": [72, _, _, _, _, _, 72],
        },
        # 表四 row 4: 行政复议 5 · · 2 7 | 未经复议直接起诉 8 · · 1 9 | 复议后起诉 all blank
        "t4": [5, _, _, 2, 7, 8, _, _, 1, 9, _, _, _, _, _],
    },
}
T3_COLS = ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"]
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]

# The true defects, checked by hand (place: table/row/column, or the paragraph of the page).
DEFECTS = {
    "sh-gov-2019": [
        # 表三 总计 left blank on rows that have values (the row sums are 272, 3, 14, 5, 4, 12, 265,
        # 47, 25, 149, 9); 总计 row and 一/二/四 rows do carry totals.
        *({"code": "sum-row-total", "table": "t3", "row": r, "column": "total"}
          for r in ["3.1", "3.2", "3.3.1", "3.3.5", "3.3.6", "3.3.8", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2"]),
        # 第 14 个段落: "予以公开及部分公开258件" — the table's 予以公开 + 部分公开 is 272 + 3 = 275 by
        # its rows (its 总计 cells are blank); 258 is only 自然人·予以公开.
        {"code": "text-number-mismatch", "cell": "第 14 个段落", "quote": "予以公开及部分公开258件"},
        # 第 14 个段落: "无法提供265件" — the table's 无法提供 rows sum to 265 + 47 + 25 = 337.
        {"code": "text-number-mismatch", "cell": "第 14 个段落", "quote": "无法提供265件"},
        # 第 14 个段落: "均获维持", but 表四 has 行政复议 尚未审结 2 and 诉讼 尚未审结 1.
        {"code": "text-contradicts-table", "cell": "第 14 个段落", "quote": "均获维持"},
    ],
}
# Every blank cell of 表三/表四 is a true (warning-level) defect too: value-blank at its place.

# Findings at warning level that are not in DEFECTS, each looked at by hand.
OTHER_FINDINGS = {
    "sh-gov-2019": [
        {"code": "published-heading-drift", "value": "五、政府信息公开工作存在的主要问题及改进情况",
         "why": "true: the format's heading is 五、存在的主要问题及改进情况"},
        {"code": "text-year-other", "value": None,
         "why": "not a defect: 2018年部门决算 is rightly the year before (a 决算 is published the year after); "
                "a warning asking to check, as the checker's design says for what it cannot be sure of"},
    ],
}


def _want(name: str) -> dict:
    o = ORACLE[name]
    t3 = {row: dict(zip(T3_COLS, vals)) for row, vals in o["t3"].items()}
    t4 = {g: dict(zip(T4_COLS, o["t4"][5 * i: 5 * i + 5])) for i, g in enumerate(T4_GROUPS)}
    return {"t2": o["t2"], "t3": t3, "t4": t4}


def test_header_names_the_source_and_the_body_is_the_stored_literal():
    name = "sh-gov-2019"
    h = _header(name)
    assert h["Repository"].startswith("zhouzhuliang0901/wanda")
    assert h["Commit"] == "495de610690a8440b5fcf656d3b06a9a85a6f2c1"
    assert "report body only; site chrome removed" in h["Note"]
    start, end = map(int, re.match(r"characters (\d+)\.\.(\d+) ", h["Body"]).groups())
    html = (REAL / f"{name}.html").read_text(encoding="utf-8")
    body = html[html.index("</title>\n") + len("</title>\n"):].removesuffix("\n")
    # the stored literal held \" for every " of the body and no other backslash
    assert "\\" not in body
    assert len(body.replace('"', '\\"')) == end - start == 27251
    assert body.startswith("<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅")
    assert body.endswith("<p>六、其他需要报告的事项</p><p>无。</p>")


def test_import_reads_the_hand_read_tables(tmp_path):
    name = "sh-gov-2019"
    page = REAL / f"{name}.html"
    data = imported(page, tmp_path)
    o = ORACLE[name]
    assert (data["org"], data["year"], data["format"]) == (o["org"], o["year"], o["format"])
    want = _want(name)
    for table in ("t2", "t3", "t4"):
        assert data[table] == want[table], table

    report = load(page)
    numbers = {"t2": 1, "t3": 2, "t4": 3}
    for key, cell in report.cells.items():
        expected = want[key.table][key.row][key.column]
        m = PLACE.match(str(cell.source))
        assert m and int(m.group(1)) == numbers[key.table] == cell.source.table, (key, str(cell.source))
        if expected is None:
            assert cell.state == "blank" and cell.raw is None, key
        elif isinstance(expected, str):
            assert cell.state == "text" and cell.raw == expected, key
        else:
            assert cell.value == expected, key
    # a value drawn off its label's column is placed where the page draws it
    change = next(c for k, c in report.cells.items() if (k.table, k.row, k.column) == ("t2", "license", "change"))
    assert str(change.source) == "第 1 个表格 第 7 行 第 4 列「0」"


def _at(d: dict, f: dict) -> bool:
    for r in f["refs"]:
        if "table" in d:
            if (r.get("table"), r.get("row"), r.get("column")) == (d["table"], d["row"], d["column"]):
                return True
        elif r.get("cell") == d["cell"] and d["quote"] in (r.get("quote") or ""):
            return True
    return False


def test_check_finds_the_true_defects_and_nothing_else():
    name = "sh-gov-2019"
    page = REAL / f"{name}.html"
    res = CliRunner().invoke(app, ["check", str(page), "--format", "json"])
    assert res.exit_code == 1, res.output
    findings = json.loads(res.stdout)["files"][0]["findings"]
    defects = DEFECTS[name]
    for d in defects:
        assert any(f["code"] == d["code"] and f["level"] == "error" and _at(d, f) for f in findings), d
    others = [f for f in findings if not any(f["code"] == d["code"] and _at(d, f) for d in defects)]
    assert [f["message"] for f in others if f["level"] == "error"] == [], "a false error"
    # every blank cell of 表三/表四 is reported blank at its place, and nothing else is
    want = _want(name)
    blank = {(t, r, c) for t in ("t3", "t4") for r, cols in want[t].items() for c, v in cols.items() if v is None}
    reported = {(r["table"], r["row"], r["column"]) for f in others if f["code"] == "value-blank" for r in f["refs"]}
    assert reported == blank
    rest = sorted((f["code"], f["refs"][0].get("value")) for f in others if f["level"] == "warning" and f["code"] != "value-blank")
    assert rest == sorted((k["code"], k["value"]) for k in OTHER_FINDINGS[name])
    for f in findings:
        for r in f["refs"]:
            if "table" in r and "row" in r and "column" in r:
                assert PLACE.match(f"{r['sheet']} {r['cell']}"), (f["code"], r)
