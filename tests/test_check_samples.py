"""Every sample in samples/ is checked, with the exact findings it must produce."""

from __future__ import annotations

import pytest

from disclosure_cli import load
from disclosure_cli.checks import check_report

from conftest import SAMPLES


def _loc(ref: dict) -> tuple:
    if "table" in ref:
        return (ref["table"], ref["row"], ref["column"])
    if "section" in ref:
        return ("section", ref["section"], ref["paragraph"])
    return ("field", ref["field"])


EXPECTED = {
    # 珠街街道 2020 (version 2019): real problems of the published report.
    "zhujie-2020": [
        # half-width , ; : between Chinese characters all through the text: one counted info
        ("info", "text-halfwidth-punctuation",
         [("section", "1", n) for n in (1, 3, 4, 5, 7, 8, 9, 10, 12, 15, 17, 19, 21, 23, 25)]
         + [("section", "5", 1), ("section", "5", 2)]),
        # a 2020 report speaking of 2019 (copied from last year's text)
        ("warning", "text-year-other", [("section", "1", 25)]),
        # row 3.3.1 left partly blank, including its total
        ("warning", "value-blank", [("t3", "3.3.1", "nonprofit")]),
        ("warning", "value-blank", [("t3", "3.3.1", "other")]),
        ("warning", "value-blank", [("t3", "3.3.1", "total")]),
        # section 6 empty
        ("warning", "section-empty", [("section", "6", 0)]),
    ],
    # 淮安市人民政府 2024 (version 2021): a correct report. The only finding: no publication
    # date in the data, so the 3月31日 deadline of a 县级以上地方人民政府 cannot be checked.
    "huaian-2024": [
        ("info", "published-missing", [("field", "meta.published")]),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name):
    result = check_report(load(SAMPLES / f"{name}.json"))
    got = [(f.level, f.code, [_loc(r) for r in f.refs]) for f in result.findings]
    assert got == EXPECTED[name]


def test_every_sample_has_expectations():
    assert sorted(p.stem for p in SAMPLES.glob("*.json")) == sorted(EXPECTED)


def test_huaian_has_no_error_even_strictly_no_warning():
    result = check_report(load(SAMPLES / "huaian-2024.json"))
    assert result.ok(strict=True)


def test_zhujie_year_finding_quotes_the_sentence():
    result = check_report(load(SAMPLES / "zhujie-2020.json"))
    (f,) = [f for f in result.findings if f.code == "text-year-other"]
    assert f.refs[0]["quote"] == "2019年未发布或带起草过政策类文件,无政策解读。"
    assert "2019年" in f.message and "2020" in f.message


def test_zhujie_no_application_statements_agree_with_zero_tables():
    """“没有收到依法申请”“没有因…行政复议、诉讼”“未发布过规范性文件” agree with all-zero tables."""
    result = check_report(load(SAMPLES / "zhujie-2020.json"))
    assert not [
        f for f in result.findings
        if f.code.startswith("text-") and f.code not in ("text-year-other", "text-halfwidth-punctuation")
    ]
    assert result.errors == 0


def test_zhujie_blank_total_is_counted_as_zero_and_said_so():
    result = check_report(load(SAMPLES / "zhujie-2020.json"))
    blank = [f for f in result.findings if f.code == "value-blank"]
    assert all("按 0 计" in f.message for f in blank)


def test_huaian_quoted_numbers_are_all_recognised():
    """The 淮安 text quotes 3119, 3050, 34, 103, 351 (72/64/178/37) and 46 (25/5/9/7): all agree,
    and changing one cell they quote is caught."""
    from _check_data import put, report, sample
    from disclosure_cli.formats import Role as R

    data = sample("huaian-2024")
    put(data, R.REVIEW, R.UPHELD, 73)
    put(data, R.REVIEW, R.TOTAL, 352)
    result = check_report(report(data))
    codes = [f.code for f in result.findings if f.level == "error"]
    assert codes.count("text-number-mismatch") == 2  # 行政复议351件, 结果维持72件
