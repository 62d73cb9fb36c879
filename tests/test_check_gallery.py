"""The gallery of workbooks in tests/fixtures/check/ (made by make_gallery.py): each has one
planted problem and must produce exactly the findings listed here, in both output formats.

Every gallery workbook also yields the infos ``published-missing`` (no date in the 淮安 data)
and ``formula-not-cached`` (the gallery's formulas carry no saved results: the workbooks were
made before ``new`` saved each total's result with its formula); they are compared separately."""

from __future__ import annotations

import json

import pytest

from disclosure_cli.checks import CATALOGUE, check_files

from conftest import FIXTURES, SAMPLES

GALLERY = FIXTURES / "check"
MANIFEST = json.loads((GALLERY / "gallery.json").read_text(encoding="utf-8"))
BASELINE = ["published-missing", "formula-not-cached"]

# file → [(code, sheet!cell of its first ref)]; the planted cell is always among the refs.
EXPECTED = {
    # the column's 总计 that adds the typed-over cell is its consequence: not reported (issue 9)
    "total-typed-over.xlsx": [("sum-row-total", "表三!J19")],
    # The text quotes the parts, which are right: only the zeroed total is wrong (issue 9).
    "t4-total-zero.xlsx": [("sum-t4-total", "表四!E6")],
    "text-in-cell.xlsx": [("value-text", "表二!C6")],
    "blank-cell.xlsx": [("value-blank", "表二!B13")],
    "na-mark.xlsx": [("value-na", "表二!B12")],
    "fullwidth.xlsx": [("value-typing", "表二!B9")],
    "decimal.xlsx": [("value-decimal", "表二!B5")],
    "negative.xlsx": [("value-negative", "表二!C5")],
    "altered-label.xlsx": [("label-altered", "表三!C11")],
    "old-label.xlsx": [("format-mixed-version", "表二!A6")],
    "contradiction.xlsx": [("text-contradicts-table", "正文!C7")],
    "text-number.xlsx": [("text-number-mismatch", "正文!C7")],
    "fee-missing.xlsx": [("fee-not-reported", "正文!C7")],
}


def test_gallery_is_complete():
    assert sorted(p.name for p in GALLERY.glob("*.xlsx")) == sorted(EXPECTED) == sorted(MANIFEST)


def _addr(ref):
    return f"{ref.get('sheet')}!{ref.get('cell')}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_gallery_findings(name):
    (entry,) = check_files([GALLERY / name])["files"]
    got = [(f["code"], _addr(f["refs"][0])) for f in entry["findings"] if f["code"] not in BASELINE]
    assert got == EXPECTED[name]
    planted = MANIFEST[name]["planted"]
    first = next(f for f in entry["findings"] if f["code"] == EXPECTED[name][-1][0])
    assert planted in [_addr(r) for r in first["refs"]] or any(
        planted in [_addr(r) for r in f["refs"]] for f in entry["findings"]
    )
    assert sorted({f["code"] for f in entry["findings"] if f["code"] in BASELINE}) == sorted(BASELINE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_gallery_cli_both_formats(cli, name):
    path = GALLERY / name
    errors = any(CATALOGUE[code].level == "error" for code, _ in EXPECTED[name])
    r = cli("check", "--format", "json", path)
    assert json.loads(r.stdout) == check_files([str(path)])
    assert r.exit_code == (1 if errors else 0)
    r = cli("check", path, env={"NO_COLOR": "1"})
    for code, addr in EXPECTED[name]:
        assert f"{code}  {addr}" in r.stdout


@pytest.mark.parametrize("name", ["huaian-2024", "zhujie-2020"])
def test_sample_workbooks_give_the_findings_of_their_json(name):
    """The sample workbooks (written by `new --data` from the JSON) give the same findings as
    the JSON, now pointing at sheet and cell; their totals' formulas carry their saved results
    (as a spreadsheet program saves them), so there is no formula-not-cached info."""
    (wb,) = check_files([SAMPLES / f"{name}.xlsx"])["files"]
    (js,) = check_files([SAMPLES / f"{name}.json"])["files"]
    strip = lambda f: (f["code"], f["level"], f["message"])  # noqa: E731
    assert [strip(f) for f in wb["findings"]] == [strip(f) for f in js["findings"]]
    for f in wb["findings"]:
        for ref in f["refs"]:
            if "table" in ref:
                assert ref["sheet"] and ref["cell"]
