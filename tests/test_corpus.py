"""The corpus of real published reports (tests/corpus/): every report loads and is exactly what
the converter makes from its saved page; the checker finds every hand-verified defect; and the
findings that are not true defects are exactly the ones recorded in baseline.json (a new false
finding fails, and so does one that disappeared — then delete it from the baseline).

See tests/corpus/SOURCES.md for where each report comes from and how it was read."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from conftest import CORPUS, corpus_tools
from disclosure_cli import load
from disclosure_cli.checks import check_report

REPORTS = CORPUS / "reports"
EXPECT = json.loads((CORPUS / "expectations.json").read_text(encoding="utf-8"))["reports"]
BASELINE = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["findings"]
NAMES = sorted(p.stem for p in REPORTS.glob("*.json"))
COUNTED = ("error", "warning")  # info-level findings are not classified


@lru_cache(maxsize=None)
def findings(name: str) -> tuple:
    report = load(REPORTS / f"{name}.json")
    return tuple(f.to_json() for f in check_report(report).findings)


def _ref_at(where: dict, ref: dict, message: str) -> bool:
    for key, want in where.items():
        if key == "quote":
            if want not in (ref.get("quote") or "") and want not in message:
                return False
        elif key == "section":
            if str(ref.get("section")) != str(want) or "table" in ref:
                return False
        elif ref.get(key) != want:
            return False
    return True


def _at(where: dict, finding: dict) -> bool:
    return any(_ref_at(where, r, finding["message"]) for r in finding["refs"])


def _is_defect(name: str, f: dict) -> bool:
    return any(f["code"] in d["codes"] and _at(d["where"], f) for d in EXPECT[name]["defects"])


def _baseline_for(name: str) -> list[dict]:
    return [b for b in BASELINE if b["report"] == name]


def _describe(f: dict) -> str:
    return f"{f['level']} {f['code']}: {f['message'][:120]}"


def test_corpus_is_complete():
    assert len(NAMES) >= 20
    assert set(NAMES) == set(EXPECT), "every corpus report needs an entry in expectations.json"
    assert {b["report"] for b in BASELINE} <= set(NAMES)
    years = {EXPECT[n]["year"] for n in NAMES}
    assert {2019, 2020, 2021, 2022, 2023, 2024, 2025} <= years
    assert {EXPECT[n]["format"] for n in NAMES} == {"2019", "2021"}
    assert {EXPECT[n]["kind"] for n in NAMES} == {"department", "county_gov", "other"}


@pytest.mark.parametrize("name", NAMES)
def test_report_loads(name):
    report = load(REPORTS / f"{name}.json")
    exp = EXPECT[name]
    assert (report.org, report.year, report.format.id) == (exp["unit"], exp["year"], exp["format"])
    assert report.meta.get("kind") == exp["kind"]
    data = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    assert data["source"]["url"].startswith("https://www.pingtan.gov.cn/")
    assert data["source"]["repository"] and data["source"]["path"] and data["source"]["commit"]
    assert not [p for p in report.problems if p.code == "unknown-cell"]


def test_reports_are_what_the_converter_makes_from_the_saved_pages():
    make_corpus, specs = corpus_tools()
    assert set(specs) == set(NAMES)
    for name, spec in specs.items():
        made = make_corpus.convert(name, spec)
        saved = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
        assert made == saved, f"{name}: run python tests/corpus/make_corpus.py"
        assert make_corpus.digits_check(name, spec) == []


def test_every_hand_verified_defect_is_found():
    missed = []
    for name in NAMES:
        for d in EXPECT[name]["defects"]:
            if not any(f["code"] in d["codes"] and _at(d["where"], f) for f in findings(name)):
                missed.append(f"{name}: {'/'.join(d['codes'])} at {d['where']} — {d['why']}")
    assert not missed, "true defects the checker no longer finds:\n" + "\n".join(missed)


def test_false_findings_are_exactly_the_baseline():
    new, gone, counts = [], [], {"error": 0, "warning": 0}
    for name in NAMES:
        entries = _baseline_for(name)
        for f in findings(name):
            if f["level"] not in COUNTED or _is_defect(name, f):
                continue
            hit = [b for b in entries if b["code"] == f["code"] and _at(b["where"], f)]
            if hit:
                counts[f["level"]] += 1
            else:
                new.append(f"{name}: {_describe(f)}  refs={f['refs']}")
        for b in entries:
            if not any(f["code"] == b["code"] and _at(b["where"], f) for f in findings(name)):
                gone.append(f"{name}: {b['level']} {b['code']} at {b['where']} ({b['why'][:60]}…)")
    msg = []
    if new:
        msg.append("new findings that are neither a hand-verified defect nor in baseline.json "
                   "(a false finding: fix the rule; a true one: add it to expectations.json):\n" + "\n".join(new))
    if gone:
        msg.append("false findings of baseline.json that the checker no longer gives — good; "
                   "delete these entries from tests/corpus/baseline.json:\n" + "\n".join(gone))
    assert not msg, "\n\n".join(msg)
    print(f"corpus: {len(NAMES)} reports; false errors {counts['error']}, false warnings {counts['warning']}")


# --- two consecutive reports of one unit (check --previous) ------------------------------------


def _pairs() -> list[tuple[str, str]]:
    """(this year, last year) for every unit with both reports in the corpus."""
    by_unit: dict[str, dict[int, str]] = {}
    for name in NAMES:
        unit, year = name.rsplit("-", 1)
        by_unit.setdefault(unit, {})[int(year)] = name
    return [(years[y], years[y - 1]) for years in by_unit.values() for y in sorted(years) if y - 1 in years]


def _data(name: str) -> dict:
    return json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))


def test_previous_year_rules_on_consecutive_real_reports():
    """``check --previous`` on every pair of consecutive reports of a unit: the
    carry-over rules fire exactly where the hand-read tables say they should — 上年结转 against
    last year's 结转下年度 column by column (an error), and 现行有效 against last year's 现行有效
    + 本年制发 − 本年废止 (a warning: recounts are common) — computed here from the report JSON,
    not by the checker; no other rule across the two years gives an error."""
    pairs = _pairs()
    assert len(pairs) >= 30
    errors, carry, in_force = [], set(), set()
    want_carry, want_in_force = set(), set()
    for name, last in pairs:
        for f in check_report(load(REPORTS / f"{name}.json"), load(REPORTS / f"{last}.json")).findings:
            if f.code.startswith("prev-") and f.level == "error" and f.code != "prev-carry-over":
                errors.append(f"{name}: {_describe(f.to_json())}")
            if f.code == "prev-carry-over":
                carry.add((name, f.args["column"]))
            if f.code == "prev-in-force":
                in_force.add(name)
        this, before = _data(name), _data(last)
        for col, v in this["t3"]["2"].items():
            if (v or 0) != (before["t3"]["4"][col] or 0):  # a blank cell counts as 0 (value-blank says so)
                want_carry.add((name, col))
        if this["format"] == before["format"] == "2021":
            now, was = this["t2"]["normative"], before["t2"]["normative"]["in_force"]
            if was + now["issued"] - now["repealed"] != now["in_force"]:
                want_in_force.add(name)
    assert errors == []
    assert carry == want_carry
    assert in_force == want_in_force and len(in_force) >= 10
