"""Report data for the checker's tests, in the JSON data form (``jsonform.from_data``).

``consistent(fmt_id, rng)`` builds a report whose tables satisfy every relation of the format
and whose text quotes its own numbers correctly: the checker must find no error in it."""

from __future__ import annotations

import copy
import json
import random

from disclosure_cli import formats as F
from disclosure_cli.formats import Role as R
from disclosure_cli.jsonform import from_data
from conftest import SAMPLES


def sample(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def report(data: dict, path: str | None = None):
    return from_data(copy.deepcopy(data), path=path)


# --- cells of a data form, named by their roles (formats.Role), never by id ------------------


def key(data: dict, row: R, column: R) -> F.CellKey:
    return F.get(data["format"]).key(row, column)


def get(data: dict, row: R, column: R):
    k = key(data, row, column)
    return data[k.table][k.row][k.column]


def put(data: dict, row: R, column: R, value) -> dict:
    return put_key(data, key(data, row, column), value)


def put_key(data: dict, k: F.CellKey, value) -> dict:
    data[k.table].setdefault(k.row, {})[k.column] = value
    return data


def add(data: dict, row: R, column: R, delta) -> dict:
    return put(data, row, column, get(data, row, column) + delta)


def row_of(data: dict, row: R) -> dict:
    """The values of a whole row (表三) or group (表四), by column id."""
    r = F.get(data["format"]).row_of(row)
    return data[F.get(data["format"]).table_of(row).id][r.id]


def ref_keys(refs) -> list[F.CellKey]:
    """The cells a finding refers to."""
    return [F.CellKey(r["table"], r["row"], r["column"]) for r in refs if "table" in r]


def t3_layout(fmt: F.Format):
    (block,) = fmt.table_of(R.NEW).blocks
    parts = [c.id for c in block.columns if not c.total]
    total_col = fmt.key(R.NEW, R.TOTAL).column
    total_row = fmt.row_of(R.RESULTS_TOTAL).id
    table = fmt.table_of(R.NEW)
    results = [r.id for row in fmt.categories for r in table.leaves(row.id)]
    return parts, total_col, total_row, results


def consistent(fmt_id: str, rng: random.Random, *, high: int = 30, text: bool = True) -> dict:
    fmt = F.FORMATS[fmt_id]
    year = 2020 if fmt_id == "2019" else 2024
    parts, total_col, total_row, results = t3_layout(fmt)
    t3: dict[str, dict] = {r.id: {} for r in fmt.table_of(R.NEW).blocks[0].data_rows}
    new, prev, nxt = (fmt.row_of(role).id for role in (R.NEW, R.CARRIED_OVER, R.CARRIED_FORWARD))
    for c in parts:
        vals = {r: rng.randint(0, high) for r in results}
        done = sum(vals.values())
        carry_next = rng.randint(0, high)
        carry_prev = rng.randint(0, done + carry_next)
        for r, v in vals.items():
            t3[r][c] = v
        t3[total_row][c] = done
        t3[nxt][c] = carry_next
        t3[prev][c] = carry_prev
        t3[new][c] = done + carry_next - carry_prev
    for row in t3.values():
        row[total_col] = sum(row[c] for c in parts)
    t4: dict[str, dict] = {}
    for block in fmt.table("t4").blocks:
        (g,) = block.rows
        vals = {c.id: rng.randint(0, high // 3) for c in block.columns if not c.total}
        total = next(c.id for c in block.columns if c.total)
        t4[g.id] = {**vals, total: sum(vals.values())}
    t2: dict[str, dict] = {}
    for block in fmt.table("t2").blocks:
        for row in block.rows:
            for col in block.columns:
                if col.kind == F.SIGNED:
                    v = rng.randint(-high, high)
                elif col.kind == F.DECIMAL:
                    v = round(rng.uniform(0, 1000), 2)
                else:
                    v = rng.randint(0, high)
                t2.setdefault(row.id, {})[col.id] = v
    data = {
        "schema": 1,
        "format": fmt_id,
        "org": "某某区某某街道办事处",
        "year": year,
        "meta": {"published": f"{year + 1}-01-20", "kind": "department"},
        "sections": {},
        "t2": t2,
        "t3": t3,
        "t4": t4,
    }
    if text:
        data["sections"] = _text(year, data)
    else:
        data["sections"] = {"1": ["总体情况。"], "5": ["个别栏目更新不及时。"], "6": ["本年度未收取信息处理费。"]}
    return data


def _text(year, data) -> dict:
    new, prev, done, nxt, open_ = (
        get(data, role, R.TOTAL) for role in (R.NEW, R.CARRIED_OVER, R.RESULTS_TOTAL, R.CARRIED_FORWARD, R.DISCLOSED)
    )
    fmt = F.get(data["format"])
    col = {c.role: c.id for c in fmt.columns_of(R.REVIEW)}
    rv = {c.role: row_of(data, R.REVIEW)[c.id] for c in fmt.columns_of(R.REVIEW)}
    lit = {role: sum(row_of(data, g)[col[role]] for g in F.LITIGATION) for role in col}
    pct = f"{open_ / done * 100:.1f}%" if done else "0%"
    s1 = [
        f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》（2019年5月15日起施行）。",
        "（一）依申请公开情况",
        f"{year}年共收到政府信息公开申请{new}件，上年结转{prev}件，办结{done}件，"
        f"予以公开{open_}件，占{pct}，结转下年度继续办理{nxt}件。",
        f"政府信息公开行政复议{rv[R.TOTAL]}件，其中结果维持{rv[R.UPHELD]}件，结果纠正{rv[R.CORRECTED]}件，"
        f"其他结果{rv[R.OTHER_RESULT]}件，尚未审结{rv[R.PENDING]}件；"
        f"行政诉讼{lit[R.TOTAL]}件，其中结果维持{lit[R.UPHELD]}件，结果纠正{lit[R.CORRECTED]}件。",
    ]
    if new == 0:
        s1.append(f"{year}年没有收到政府信息公开申请。")
    if nxt == 0:
        s1.append("受理的申请均已办结。")
    return {
        "1": s1,
        "5": ["个别栏目更新不及时。", f"{year + 1}年将加强栏目管理。"],
        "6": ["本年度未收取信息处理费。"],
    }
