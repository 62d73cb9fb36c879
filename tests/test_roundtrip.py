"""`export(new(data)) == data` for any valid data form (property test)."""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_cli import formats as F
from disclosure_cli import load
from disclosure_cli.jsonform import SCHEMA, from_data, to_data
from disclosure_cli.model import KINDS, META_FIELDS
from disclosure_cli.xlsx_writer import write_workbook

CJK = "政府信息公开工作年度报告街道办事处申请办理结果予以部分不予无法提供处理复议诉讼规章文件"
_text = st.text(alphabet=CJK + string.ascii_letters + string.digits + "，。、；：（）()“”-/ %", min_size=1, max_size=60)
paragraph = _text.map(str.strip).filter(bool)
# a heading is cut to 30 characters, then stripped like every paragraph of the canonical form
heading = st.sampled_from(["（一）", "（二）", "1.", "2."]).flatmap(lambda p: paragraph.map(lambda t: (p + t)[:30].rstrip()))
odd_strings = st.sampled_from(
    ["/", "-", "—", "不适用", "22（其中修订16件）", "251000元", "十二", "１２", " 7 ", "12.0", "=1+1", "1,234", "  "]
)


def cell_values(kind: str, odd=odd_strings, text=_text):
    """A cell of ``kind``: blank, a number (most often), an odd string, or text. Shared with the
    import round trip, which passes the strings a published page keeps as they are."""
    if kind == F.DECIMAL:
        number = st.decimals(min_value=0, max_value=10**6, places=2).map(float)
    elif kind == F.SIGNED:
        number = st.integers(min_value=-1000, max_value=1000)
    else:
        number = st.integers(min_value=0, max_value=10**6)
    return st.one_of(st.none(), number, number, number, odd, text)


@st.composite
def report_data(draw):
    fmt = draw(st.sampled_from(list(F.FORMATS.values())))
    first, last = fmt.years
    data = {
        "schema": SCHEMA,
        "format": fmt.id,
        "org": draw(paragraph),
        "year": draw(st.integers(min_value=first, max_value=last or first + 10)),
        "meta": {k: draw(st.one_of(st.just(""), paragraph)) for k in META_FIELDS},
        "sections": {
            s.id: draw(st.lists(st.one_of(paragraph, paragraph, heading), max_size=4)) for s in fmt.sections
        },
    }
    data["meta"]["kind"] = draw(st.sampled_from(["", *KINDS]))
    for table in fmt.tables:
        t: dict = {}
        for key in table.cells():
            t.setdefault(key.row, {})[key.column] = draw(cell_values(fmt.column(key).kind))
        data[table.id] = t
    # half of the time make the totals consistent, so that they become live formulas
    if draw(st.booleans()):
        report = from_data(data)
        for key, rel in fmt.definitions.items():
            parts = [report.cells[k].raw for k in rel.left]
            if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
                total = sum(p or 0 for p in parts)
                data[key.table][key.row][key.column] = total
                report.cells[key].raw = total
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=report_data())
def test_export_of_new_is_identity(tmp_path_factory, data):
    out = tmp_path_factory.mktemp("rt") / "r.xlsx"
    write_workbook(from_data(data), out)
    exported = to_data(load(out))
    assert json.loads(json.dumps(exported)) == json.loads(json.dumps(data))


def test_json_form_is_stable():
    """The data form of a JSON file is itself (the samples are stored canonical)."""
    from conftest import SAMPLES

    for path in SAMPLES.glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        assert to_data(from_data(data)) == data
