"""Generate N synthetic, consistent report workbooks of realistic size.

    python benchmarks/generate.py N OUTDIR [--seed S]

Random numbers that satisfy every arithmetic relation of the format, narratives of a few
thousand characters, about half 2021-format and some 2019-format units."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from disclosure_cli import formats as F
from disclosure_cli.jsonform import from_data, to_data
from disclosure_cli.xlsx_writer import blank_report, write_workbook

_WORDS = (
    "坚持以公开为常态、不公开为例外，围绕群众关切，进一步完善政府信息公开工作机制，"
    "规范主动公开目录，加强政策解读和回应关切，依法办理政府信息公开申请，"
    "强化政府网站和政务新媒体管理，推进基层政务公开标准化规范化建设，"
)
_HEADINGS = ("（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（四）政府信息公开平台建设情况", "（五）监督保障情况")


def _paragraph(rnd: random.Random, chars: int) -> str:
    text = ""
    while len(text) < chars:
        start = rnd.randrange(len(_WORDS))
        text += _WORDS[start:] + _WORDS[:start]
    return text[:chars].rstrip("，") + "。"


def synthetic(rnd: random.Random, n: int) -> dict:
    year = rnd.choice([2020, 2022, 2023, 2024, 2024, 2025])
    fmt = F.for_year(year)
    data = to_data(blank_report(fmt, f"某某市某某区第{n:03d}街道办事处", year))
    data["meta"].update(
        published=f"{year + 1}-01-{rnd.randint(5, 28):02d}",
        kind=rnd.choice(["department", "county_gov", "other"]),
        website="www.example.gov.cn",
        address="某某市某某路1号",
        postcode="100000",
        phone="010-12345678",
    )
    sections = {"1": [], "5": [], "6": []}
    for h in _HEADINGS:
        sections["1"] += [h, _paragraph(rnd, rnd.randint(300, 700))]
    sections["5"] = [_paragraph(rnd, 400), _paragraph(rnd, 300)]
    sections["6"] = [f"{year}年，本机关未收取信息处理费。"]
    data["sections"].update(sections)
    for key in fmt.cells():
        if not fmt.is_total(key):
            kind = fmt.column(key).kind
            if kind == F.DECIMAL:
                v = round(rnd.uniform(0, 5000), 2)
            elif kind == F.SIGNED:
                v = rnd.randint(-5, 5)
            else:
                v = rnd.choice([0, 0, rnd.randint(0, 30), rnd.randint(0, 400)])
            data[key.table][key.row][key.column] = v
    # make the books balance: 结转下年度 = 新收 + 上年结转 − 办理结果总计 (kept ≥ 0)
    report = from_data(data)
    R = F.Role
    new, prev, nxt = (fmt.key(role, R.TOTAL).row for role in (R.NEW, R.CARRIED_OVER, R.CARRIED_FORWARD))
    t3 = data[fmt.table_of(R.NEW).id]
    for col in fmt.columns_of(R.NEW):
        if col.total:
            continue
        results = report.computed(fmt.key(R.RESULTS_TOTAL, col.role))
        carried = t3[prev][col.id]
        t3[new][col.id] = results + rnd.randint(0, 5) - carried if results >= carried else results
        t3[nxt][col.id] = t3[new][col.id] + carried - results
        report = from_data(data)
    for key in fmt.definitions:
        data[key.table][key.row][key.column] = report.computed(key)
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        sub = args.outdir / f"区{i % 10:02d}"
        write_workbook(from_data(synthetic(rnd, i)), sub / f"unit-{i:03d}.xlsx", force=True)


if __name__ == "__main__":
    main()
