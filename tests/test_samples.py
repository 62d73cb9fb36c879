"""The sample workbooks are generated from their JSON source by `new --data`, and are current."""

from __future__ import annotations

import json
import zipfile

import pytest

from conftest import SAMPLES
from disclosure_cli import load
from disclosure_cli.jsonform import from_data, to_data
from disclosure_cli.xlsx_writer import write_workbook

SOURCES = sorted(SAMPLES.glob("*.json"))


def test_there_are_samples_of_both_versions():
    versions = {json.loads(p.read_text("utf-8"))["format"] for p in SOURCES}
    assert versions == {"2019", "2021"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_committed_workbook_is_current(tmp_path, source):
    committed = source.with_suffix(".xlsx")
    assert committed.exists(), f"run: python samples/regenerate.py ({committed.name} missing)"
    fresh = tmp_path / committed.name
    write_workbook(from_data(json.loads(source.read_text("utf-8"))), fresh)
    a, b = zipfile.ZipFile(committed), zipfile.ZipFile(fresh)
    assert a.namelist() == b.namelist()
    for name in a.namelist():
        if name == "docProps/core.xml":  # creation time
            continue
        assert a.read(name) == b.read(name), f"{committed.name}:{name} is stale — run python samples/regenerate.py"
    assert to_data(load(committed)) == json.loads(source.read_text("utf-8"))


def test_zhujie_sample_is_complete():
    """The seed report entered completely: every paragraph of its text, the blank cells kept."""
    from conftest import SEED
    from disclosure_cli.formats import normalize_label

    seed = SEED.read_text("utf-8")
    report = from_data(json.loads((SAMPLES / "zhujie-2020.json").read_text("utf-8")))
    flat = normalize_label(seed)
    paragraphs = [p for ps in report.sections.values() for p in ps]
    assert len(paragraphs) == 27
    for p in paragraphs:
        assert normalize_label(p.text) in flat, p.text[:30]
    blanks = [str(k) for k, c in report.cells.items() if c.state == "blank"]
    assert blanks == ["t3[3.3.1][nonprofit]", "t3[3.3.1][other]", "t3[3.3.1][total]"]
    # in the published order
    positions = [flat.index(normalize_label(p.text)) for p in paragraphs]
    assert positions == sorted(positions)


def test_huaian_sample_has_numbers_in_every_table():
    report = from_data(json.loads((SAMPLES / "huaian-2024.json").read_text("utf-8")))
    for table in ("t2", "t3", "t4"):
        assert any(c.number for k, c in report.cells.items() if k.table == table)
    assert report.number("t3", "1", "total") == 3119
    assert report.number("t2", "fees", "amount") == 96171.6
