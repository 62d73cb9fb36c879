"""The JSON data form of one report, both ways.

Its shape is published as a JSON Schema, ``disclosure_cli/schema/report.schema.json`` (shipped
with the package; ``schema_text()``), and every file is validated against it where it is read,
before anything else sees the data: a value of the wrong type is refused with its JSON path
(exit 2), never turned into text. The limits of ``model`` (file size, nesting depth, digits of
an integer) are applied before and while parsing."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from . import formats as F
from . import model as M
from . import values as V
from .errors import InputError
from .model import META_FIELDS, Cell, Paragraph, Problem, Report, Source
from .values import parse_year

SCHEMA = 1
def _path(*parts: str | int) -> str:
    """A JSON path as people read it: ``$.t3["3.1"].natural``, ``$.sections["1"][0]``."""
    return "$" + "".join(_segment(p) for p in parts)


@functools.lru_cache(maxsize=4096)  # the same table, row and column ids for every cell of every report
def _segment(p: str | int) -> str:
    if isinstance(p, int):
        return f"[{p}]"
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
        return f".{p}"
    return "[" + json.dumps(p, ensure_ascii=False) + "]"


# --------------------------------------------------------------------------------------------
# Validation: the published schema, nesting depth, characters no text can hold
# --------------------------------------------------------------------------------------------

SCHEMA_FILE = "schema/report.schema.json"


@functools.lru_cache(maxsize=1)
def schema_text() -> str:
    """The JSON Schema of the data form, as shipped with the package."""
    from importlib import resources

    return resources.files("disclosure_cli").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator  # lazy: only a JSON file needs it

    return Draft202012Validator(json.loads(schema_text()))


_TYPE_NAMES = {
    "string": "文字",
    "number": "数字",
    "integer": "整数",
    "null": "空值 null",
    "object": "对象",
    "array": "数组",
    "boolean": "布尔值",
}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def validate(data: Any, where: str | None = None) -> None:
    """Refuse (``InputError``, exit 2, naming the JSON path) data the schema does not allow, or
    nested deeper than ``MAX_JSON_DEPTH``, or of more than ``MAX_JSON_VALUES`` values (each
    costs the schema's validation and the checks their time), or holding a lone surrogate
    (``\\ud800``: no document or terminal can hold one)."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    left = M.MAX_JSON_VALUES - 1  # the values not yet seen that may be: told before a container's are walked
    while stack:
        value, parts = stack.pop()
        if isinstance(value, (dict, list)):
            left -= len(value)
            if left < 0:
                raise InputError(
                    f"JSON 中的值（对象、数组、文字、数字等）超过 {M.MAX_JSON_VALUES} 个，超过上限"
                    "（一份报告只有几千个），不是报告数据",
                    code="json-too-large",
                    path=where,
                )
        if len(parts) > M.MAX_JSON_DEPTH:
            raise InputError(
                f"JSON 嵌套超过 {M.MAX_JSON_DEPTH} 层（{_path(*parts[:4])}…），不是报告数据",
                code="json-too-deep",
                path=where,
            )
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise InputError(
                    f"{_path(*parts)} 含有不成对的代理字符（\\ud800–\\udfff），不是有效的文字",
                    code="json-invalid-character",
                    path=where,
                )
        elif isinstance(value, dict):
            for k, v in value.items():
                if _SURROGATE.search(k):
                    raise InputError(
                        f"{_path(*parts)} 的键名含有不成对的代理字符（\\ud800–\\udfff）",
                        code="json-invalid-character",
                        path=where,
                    )
                stack.append((v, parts + (k,)))
        elif isinstance(value, list):
            stack.extend((v, parts + (i,)) for i, v in enumerate(value))
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        shown = [_message(e) for e in errors[:3]]
        more = f"（另有 {len(errors) - 3} 处）" if len(errors) > 3 else ""
        raise InputError(
            "数据不符合报告数据格式（report.schema.json）：" + "；".join(shown) + more,
            code="json-schema-invalid",
            path=where,
        )


def _message(error) -> str:
    path = _path(*error.absolute_path)
    if error.validator == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        names = list(dict.fromkeys(_TYPE_NAMES[t] for t in expected if t != "integer" or "number" not in expected))
        names = "、".join(names[:-1]) + "或" + names[-1] if len(names) > 1 else names[0]
        return f"{path} 应为{names}，实际是{_TYPE_NAMES[_json_type(error.instance)]} {_shown(error.instance)}"
    if error.validator == "anyOf" and not error.absolute_path:
        return "缺少 t3 / sections 等字段"
    return f"{path} 的值 {_shown(error.instance)} 不符合要求（{error.message}）"


def from_data(data: Any, path: str | None = None) -> Report:
    """Build a ``Report`` from a parsed JSON data form."""
    where = path
    if not isinstance(data, dict):
        raise InputError("不是报告数据：JSON 顶层应为一个对象", code="json-not-report", path=where)
    if "t3" not in data and "sections" not in data:
        raise InputError(
            "不是报告数据：缺少 t3 / sections 等字段（是否为其他程序的 JSON？）",
            code="json-not-report",
            path=where,
        )
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise InputError(
            f"数据格式版本 schema={_shown(schema)} 不受支持（本程序读取 schema={SCHEMA}）",
            code="json-schema",
            path=where,
        )
    validate(data, where)
    raw_year = data.get("year")
    year = parse_year(raw_year)
    fmt_id = data.get("format")
    format_source = "declared"
    if fmt_id is None:
        if year is None:
            raise InputError("数据既没有 format 也没有 year，无法确定报告格式", code="json-format", path=where)
        fmt = F.for_year(year)
        format_source = "year"
    else:
        if str(fmt_id) not in F.FORMATS:
            raise InputError(
                f"未知的格式版本 format={fmt_id!r}（可用：{'、'.join(F.FORMATS)}）",
                code="json-format",
                path=where,
            )
        fmt = F.FORMATS[str(fmt_id)]
    org = data.get("org")
    report = Report(
        format=fmt,
        org=org.strip() if org is not None else "",
        year=year,
        path=path,
        origin="json",
        format_source=format_source,
        raw_year=raw_year if year is None else None,
    )
    report.sources["org"] = Source(path=_path("org"))
    report.sources["year"] = Source(path=_path("year"))
    meta = data.get("meta") or {}
    for key, value in meta.items():
        report.meta[str(key)] = value if isinstance(value, str) else V.number_text(value)
        report.sources[f"meta.{key}"] = Source(path=_path("meta", str(key)))
    sections = data.get("sections") or {}
    known = {s.id for s in fmt.sections}
    for sid, paras in sections.items():
        if sid not in known and paras:
            report.problems.append(
                Problem(
                    code="unknown-cell",
                    message=f"数据中有本格式（{fmt.id}版）没有的正文部分 sections[{json.dumps(sid, ensure_ascii=False)}]",
                    source=Source(path=_path("sections", sid)),
                )
            )
    for s in fmt.sections:
        paras = sections.get(s.id) or []
        if isinstance(paras, str):
            paras = [paras]
        report.sections[s.id] = [
            Paragraph(p, Source(path=_path("sections", s.id, i)))
            for i, p in enumerate(paras)
            if p is not None and p.strip()
        ]
    for table in fmt.tables:
        tdata = data.get(table.id) or {}
        for key in table.cells():
            row = tdata.get(key.row) or {}
            raw = row.get(key.column) if isinstance(row, dict) else None
            report.cells[key] = Cell.read(key, raw, Source(path=_path(table.id, key.row, key.column)))
        _unknown_ids(report, table, tdata)
    return report


def _unknown_ids(report: Report, table: F.Table, tdata: dict) -> None:
    """Rows or columns the format does not have: signs of another format version."""
    for row_id, row in tdata.items():
        if not isinstance(row, dict):
            continue
        for col_id, raw in row.items():
            if table.has(row_id, col_id):
                continue
            if raw is None:
                continue
            report.problems.append(
                Problem(
                    code="unknown-cell",
                    message=f"数据中有本格式（{report.format.id}版）没有的单元格 {table.id}[{row_id}][{col_id}]",
                    found=str(raw),
                    source=Source(path=_path(table.id, row_id, col_id)),
                    table=table.id,
                    row=row_id,
                    column=col_id,
                )
            )


class _LongNumber(Exception):
    pass


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > M.MAX_NUMBER_DIGITS:
        raise _LongNumber(text)
    return int(text)


def parse(text: str, path: str | None = None) -> Any:
    """JSON text → data, within the limits of ``model``; ``InputError`` (exit 2) otherwise."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except _LongNumber as e:
        raise InputError(
            f"JSON 中有一个 {len(str(e).lstrip('-'))} 位的整数，超过上限 {M.MAX_NUMBER_DIGITS} 位",
            code="json-number-too-long",
            path=path,
        ) from None
    except RecursionError:
        raise InputError(
            f"JSON 嵌套超过 {M.MAX_JSON_DEPTH} 层，不是报告数据", code="json-too-deep", path=path
        ) from None
    except json.JSONDecodeError as e:
        raise InputError(
            f"JSON 格式错误（第 {e.lineno} 行第 {e.colno} 列）：{e.msg}",
            code="json-invalid",
            path=path,
        ) from None


def load_json(path: Path) -> Report:
    size = path.stat().st_size
    if size > M.MAX_JSON_BYTES:
        raise InputError(
            f"JSON 文件有 {size / 1024 / 1024:.1f} MB，超过上限 {M.MAX_JSON_BYTES // 1024 // 1024} MB",
            code="json-too-large",
            path=str(path),
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("JSON 文件不是 UTF-8 编码", code="json-encoding", path=str(path)) from None
    return from_data(parse(text, str(path)), path=str(path))


def to_data(report: Report) -> dict:
    """The JSON data form of a report: every field and every cell written out."""
    fmt = report.format
    meta = {k: report.meta.get(k, "") for k in META_FIELDS}
    for k, v in report.meta.items():
        if k not in meta:
            meta[k] = v
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "format": fmt.id,
        "org": report.org,
        "year": report.year if report.year is not None else report.raw_year,
        "meta": meta,
        "sections": {s.id: [p.text for p in report.sections.get(s.id, [])] for s in fmt.sections},
    }
    for table in fmt.tables:
        tout: dict[str, dict] = {}
        for key in table.cells():
            cell = report.cells.get(key)
            tout.setdefault(key.row, {})[key.column] = _json_value(cell)
        out[table.id] = tout
    return out


def _json_value(cell: Cell | None):
    if cell is None:
        return None
    if cell.formula is not None:
        # A formula: what the spreadsheet shows (its cached value), else the recomputed sum.
        return cell.value if cell.state == "number" else cell.raw
    return cell.raw


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
