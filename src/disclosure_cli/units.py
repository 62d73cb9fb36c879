"""The unit list (单位清单) a 政务公开办 keeps: which units must send a report, under which
names, of which type. Read from a workbook or CSV, written as a blank template
(``disclosure new --units``), and matched against the reports collected (``rollup``).

Columns (by header, in any order; extra columns ignored): 单位代码, 单位名称, 其他名称
(aliases, separated by 、；;,，| or line breaks), 单位类型 (部门 / 乡镇街道 / 下级政府 / 本机关),
上级. Names are compared normalised (``normalize_name``): spaces, full-/half-width forms and the
人民政府/政府 variants do not matter."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SHEET = "单位清单"
COL_CODE, COL_NAME, COL_ALIASES, COL_TYPE, COL_PARENT = "单位代码", "单位名称", "其他名称", "单位类型", "上级"
HEADERS = (COL_CODE, COL_NAME, COL_ALIASES, COL_TYPE, COL_PARENT)
TYPES = ("部门", "乡镇街道", "下级政府", "本机关")
SELF = "本机关"
_ALIAS_SPLIT = re.compile(r"[、；;,，|\n]+")
_HINTS = (
    "可不填；填了则不能重复",
    "必填：全称，与报告“单位信息”表中的机关名称一致",
    "曾用名、简称等，多个用顿号分隔",
    "从下拉列表选择：" + "、".join(TYPES),
    "可不填",
)
MAX_UNITS = 100_000


def normalize_name(name: object) -> str:
    """A unit name as compared: NFKC (full-width → half-width), no spaces or line breaks,
    ``人民政府`` read as ``政府``, brackets of either width alike."""
    if name is None:
        return ""
    s = unicodedata.normalize("NFKC", str(name))
    s = "".join(s.split())
    return s.replace("人民政府", "政府")


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = ""
    parent: str = ""
    row: int = 0  # row of the list it was read from (for messages)

    @property
    def key(self) -> str:
        """Stable identity: the code, or the normalised name."""
        return self.code or normalize_name(self.name)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "aliases": list(self.aliases), "type": self.type, "parent": self.parent}


class UnitList:
    def __init__(self, units: list[Unit], path: str | None = None):
        self.units = units
        self.path = path
        self._by_name: dict[str, Unit] = {}
        clashes = []
        for u in units:
            for n in u.names():
                k = normalize_name(n)
                if not k:
                    continue
                other = self._by_name.get(k)
                if other is not None and other is not u:
                    clashes.append(f"“{n}”（第 {u.row} 行）与“{other.name}”（第 {other.row} 行）")
                self._by_name[k] = u
        if clashes:
            raise InputError(
                "单位清单中有名称重复（比较时不计空格、全角半角和“人民政府/政府”的差别）：" + "；".join(clashes[:10]),
                code="units-duplicate-name",
                path=path,
            )
        codes: dict[str, Unit] = {}
        for u in units:
            if u.code and u.code in codes:
                raise InputError(
                    f"单位清单中单位代码“{u.code}”重复（第 {codes[u.code].row} 行和第 {u.row} 行）",
                    code="units-duplicate-code",
                    path=path,
                )
            codes[u.code] = u

    def match(self, name: object) -> Unit | None:
        return self._by_name.get(normalize_name(name))

    @property
    def self_unit(self) -> Unit | None:
        return next((u for u in self.units if u.type == SELF), None)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_units(path: str | Path) -> UnitList:
    """Read a unit list (.xlsx or .csv). ``InputError`` (exit 2) names what is wrong."""
    p = Path(path)
    if not p.is_file():
        raise InputError("单位清单文件不存在", code="units-missing", path=str(p))
    suffix = p.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(p)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(p)
    else:
        raise InputError("单位清单应为 .xlsx 或 .csv 文件", code="units-suffix", path=str(p))
    header_at = next(
        (i for i, r in enumerate(rows[:20]) if COL_NAME in [normalize_name(c) for c in r]), None
    )
    if header_at is None:
        raise InputError(f"单位清单中没有找到“{COL_NAME}”列（表头应在前 20 行内）", code="units-no-header", path=str(p))
    header = [normalize_name(c) for c in rows[header_at]]
    col = {h: header.index(h) for h in HEADERS if h in header}
    units: list[Unit] = []
    bad_types = []
    for n, r in enumerate(rows[header_at + 1 :], start=header_at + 2):
        def get(h: str) -> str:
            i = col.get(h)
            return _cell_text(r[i]) if i is not None and i < len(r) else ""

        name = get(COL_NAME)
        if not name:
            if any(_cell_text(c) for c in r):
                raise InputError(f"单位清单第 {n} 行没有填写单位名称", code="units-blank-name", path=str(p))
            continue
        kind = get(COL_TYPE)
        if kind and kind not in TYPES:
            bad_types.append(f"第 {n} 行“{kind}”")
        aliases = tuple(a.strip() for a in _ALIAS_SPLIT.split(get(COL_ALIASES)) if a.strip())
        units.append(Unit(get(COL_CODE), name, aliases, kind, get(COL_PARENT), n))
        if len(units) > MAX_UNITS:
            raise InputError(f"单位清单超过 {MAX_UNITS} 个单位", code="units-too-many", path=str(p))
    if bad_types:
        raise InputError(
            f"单位清单中单位类型应为{'、'.join(TYPES)}之一：" + "、".join(bad_types[:10]),
            code="units-bad-type",
            path=str(p),
        )
    if not units:
        raise InputError("单位清单中没有单位", code="units-empty", path=str(p))
    if sum(u.type == SELF for u in units) > 1:
        raise InputError(f"单位清单中只能有一个“{SELF}”", code="units-two-self", path=str(p))
    return UnitList(units, str(p))


def _csv_rows(p: Path) -> list[list[str]]:
    import csv
    import io

    data = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise InputError("单位清单无法按 UTF-8 或 GB18030 读取", code="units-encoding", path=str(p))
    return [row for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(p: Path) -> list[list[object]]:
    from .xlsx_safety import inspect

    inspect(p)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - a broken file is the clerk's, not a bug
        raise InputError(f"单位清单无法打开：{type(e).__name__}", code="units-unreadable", path=str(p)) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def write_template(path: Path, *, force: bool = False) -> None:
    """A blank unit list: header, hints, a drop-down for 单位类型."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from .outputs import write_with

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        from .errors import UsageError

        raise UsageError(f"输出文件应以 .xlsx 结尾：{path}", code="usage-suffix")
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    bold = Font(name="宋体", size=11, bold=True)
    note = Font(name="宋体", size=10, color="595959")
    fill = PatternFill("solid", fgColor="DDEBF7")
    from openpyxl.comments import Comment

    ws.cell(row=1, column=1, value="单位清单：每个应报送年度报告的单位一行（表头不要改动；各列说明见表头批注）").font = note
    for i, (h, hint, width) in enumerate(zip(HEADERS, _HINTS, (14, 40, 40, 14, 30)), start=1):
        c = ws.cell(row=2, column=i, value=h)
        c.font, c.fill, c.alignment = bold, fill, Alignment(horizontal="center")
        c.comment = Comment(hint, "disclosure")
        ws.column_dimensions[c.column_letter].width = width
    dv = DataValidation(type="list", formula1='"' + ",".join(TYPES) + '"', allow_blank=True, showErrorMessage=True,
                        errorStyle="warning", errorTitle=COL_TYPE, error="请从下拉列表中选择")
    ws.add_data_validation(dv)
    dv.add("D3:D5000")
    ws.freeze_panes = "A3"
    write_with(path, lambda tmp: wb.save(tmp), force=force)
