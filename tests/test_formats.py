"""The format description against tests/fixtures/spec/formats.md (a verbatim copy of shared/spec/formats.md): every label and id, verbatim."""

from __future__ import annotations

import re

import pytest

from conftest import SPEC
from disclosure_cli import formats as F


def _spec() -> str:
    return (SPEC / "formats.md").read_text(encoding="utf-8")


def _part(text: str, start: str, end: str | None) -> str:
    i = text.index(start)
    j = text.index(end, i) if end else len(text)
    return text[i:j]


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[1:]  # drop the header row


def _pairs(text: str) -> list[tuple[str, str]]:
    return re.findall(r"`([a-z_]+)`: ([^;|]+?)\s*(?=[;|]|$)", text, flags=re.M)


def test_sections_verbatim():
    rows = _table_rows(_part(_spec(), "## Section headings", "Sections 2, 3"))
    assert [(s.id, s.heading) for s in F.SECTIONS] == [(r[0], r[1]) for r in rows]
    for fmt in F.FORMATS.values():
        assert fmt.sections == F.SECTIONS


@pytest.mark.parametrize("fid,start,end", [("2021", "### Version 2021", "### Version 2019"), ("2019", "### Version 2019", "is a signed integer")])
def test_table_two_verbatim(fid, start, end):
    text = _part(_spec(), start, end)
    t2 = F.FORMATS[fid].table("t2")
    rows = _table_rows(text)
    assert [b.id for b in t2.blocks] == [r[0] for r in rows]
    for block, row in zip(t2.blocks, rows):
        assert block.heading == row[1]
        assert block.row_header == "信息内容"
        assert [(r.id, r.label) for r in block.rows] == _pairs(row[2])
        assert [(c.id, c.label) for c in block.columns] == _pairs(row[3])
    assert "信息内容" in _spec()


def test_table_two_value_kinds():
    R, v19, v21 = F.Role, F.V2019, F.V2021
    assert v19.column(v19.key(R.LICENSE, R.CHANGE)).kind == F.SIGNED
    assert v21.column(v21.key(R.FEES, R.AMOUNT)).kind == F.DECIMAL
    assert v19.column(v19.key(R.PROCUREMENT, R.AMOUNT)).kind == F.DECIMAL
    assert v21.table_of(R.FEES).block_of_row(v21.row_of(R.FEES).id).unit == "万元"


def test_table_three_verbatim():
    spec = _spec()
    text = _part(spec, "## Table 三", "## Table 四")
    corner = re.search(r"`(（本列.+?）)`", text).group(1)
    cols = _table_rows(_part(text, "| id | label | parent header |", "Rows ("))
    rows = _table_rows(_part(text, "| id | label | parent | kind |", "So the data grid"))
    for fid in F.FORMATS:
        t3 = F.FORMATS[fid].table("t3")
        assert t3.corner == corner
        assert t3.column_header == "申请人情况"
        (block,) = t3.blocks
        assert [(c.id, c.label, c.parent or "—") for c in block.columns] == [(r[0], r[1], r[2]) for r in cols]
        expected = []
        for rid, label, parent, kind in rows:
            kind = kind.replace("*", "")
            if "2021 only" in kind and fid != "2021":
                continue
            if kind.startswith("2019"):
                kind = "data" if fid == "2019" else "group"
            expected.append((rid, label, parent, "group" if kind.startswith("group") else "data"))
        assert [(r.id, r.label, r.parent or "—", "group" if r.group else "data") for r in block.rows] == expected
    assert len(F.V2019.table("t3").blocks[0].data_rows) == 23
    assert len(F.V2021.table("t3").blocks[0].data_rows) == 25


def test_table_four_verbatim():
    text = _part(_spec(), "## Table 四", None)
    rows = _table_rows(text)
    t4 = F.V2021.table("t4")
    cols = _pairs(rows[0][2])
    for block, row in zip(t4.blocks, rows):
        (group,) = block.rows
        assert group.id == row[0]
        label = row[1].split(" / ")
        assert (group.parent_label, group.label) == ((label[0], label[1]) if len(label) == 2 else (None, label[0]))
        assert [(c.id, c.label) for c in block.columns] == cols
    assert "行政复议" in text and "行政诉讼" in text
    assert F.V2019.table("t4") == t4


def test_every_label_of_the_spec_is_in_a_format():
    """Every full-width label in the spec's tables (rows, columns, headings) is one of ours."""
    spec = _spec()
    ours = set()
    for fmt in F.FORMATS.values():
        ours |= set(fmt.labels())
    tables = _part(spec, "## Section headings", None)
    for row in _table_rows(tables):
        for cell in row:
            for _, label in _pairs(cell):
                assert label in ours, label


def test_versions_and_years():
    assert F.for_year(2019) is F.V2019 and F.for_year(2020) is F.V2019
    assert F.for_year(2021) is F.V2021 and F.for_year(2030) is F.V2021
    assert "〔2019〕60号" in F.V2019.document and "〔2021〕30号" in F.V2021.document


def test_relations_cover_every_total():
    for fmt in F.FORMATS.values():
        totals = {k for k in fmt.cells() if fmt.is_total(k)}
        assert totals == set(fmt.definitions)
        for key, rel in fmt.definitions.items():
            assert key not in rel.left


def test_normalize_label():
    assert F.normalize_label("（一）予以公开") == F.normalize_label("(一) 予以\n公开")
    assert F.normalize_label("3.危及“三安全一稳定”") == F.normalize_label('3.危及"三安全一稳定"')
    assert F.normalize_label("规章") != F.normalize_label("规范性文件")
