"""Two readings of published pages found on a second site (tests/test_published_other.py):
a title with the year before the unit, and a row whose merged cells do not line up with the
label row above it."""

from __future__ import annotations

from disclosure_cli.importers.grid import Drawn, expand
from disclosure_cli.importers.report import realigned, title_match


def _m(text):
    m = title_match(text)
    return (m.group("org").strip(), int(m.group("year"))) if m else None


def test_title_with_the_year_first():
    assert _m("2019年上海市人民政府办公厅政府信息公开工作年度报告") == ("上海市人民政府办公厅", 2019)
    assert _m("2024年度某某县人民政府政务公开工作年度报告") == ("某某县人民政府", 2024)


def test_title_with_the_unit_first_unchanged():
    assert _m("平潭综合实验区公安局2019年政府信息公开工作年度报告") == ("平潭综合实验区公安局", 2019)
    assert _m("2019年政府信息公开工作年度报告") == ("", 2019)
    assert _m("关于做好2019年政府信息公开工作的通知") is None


def _grid(*rows):
    return expand([[Drawn(t, 1, cs) for t, cs in row] for row in rows])


LABELS = [("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2), ("处理决定数量", 1)]


def test_values_drawn_off_their_labels_are_paired_in_order():
    g = _grid(LABELS, [("行政许可", 1), ("0", 2), ("7", 1), ("9", 1)])
    # drawn at columns 2 (over 2–3), 4, 5; the labels start at 2, 3, 5
    assert realigned(g) == {(2, 4): 3}


def test_aligned_rows_and_unlike_rows_are_left_alone():
    assert realigned(_grid(LABELS, [("行政许可", 1), ("0", 1), ("1", 2), ("2", 1)])) == {}
    # not as many cells as the labels
    assert realigned(_grid(LABELS, [("行政许可", 1), ("0", 3), ("2", 1)])) == {}
    # a value that would not overlap its label: left where it is drawn
    assert realigned(_grid([("a", 1), ("b", 1), ("c", 1), ("d", 3)], [("x", 3), ("1", 1), ("2", 1), ("3", 1)])) == {}
    # a row of text only is a label row, never moved
    assert realigned(_grid(LABELS, [("信息内容", 1), ("上一年项目数量", 2), ("本年增/减", 1), ("处理决定数量", 1)])) == {}
