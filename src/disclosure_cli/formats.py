"""The official formats of the 政府信息公开工作年度报告, described once, as data.

Everything else in the project (template writer, reader, checker, renderers) is driven by the
objects defined here: no table layout or official label is typed anywhere else.

Sources: 国办公开办函〔2019〕60号 (version ``2019``, report years 2019–2020) and
国办公开办函〔2021〕30号 (version ``2021``, report years 2021 on). Labels are verbatim, with
full-width punctuation; ids are the project's stable machine keys (see ``shared/spec``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, NamedTuple

# Value kinds of a cell.
COUNT = "count"  # non-negative integer
SIGNED = "signed"  # integer, may be negative (2019 本年增/减)
DECIMAL = "decimal"  # non-negative, decimals allowed (万元)

# Layout kinds of a table (how the official table arranges its cells).
LAYOUT_BLOCKS = "blocks"  # table 二: blocks stacked, each with its own header row
LAYOUT_GRID = "grid"  # table 三: nested row labels × columns under one header
LAYOUT_COLUMN_GROUPS = "column_groups"  # table 四: groups side by side, one value row

TEMPLATE_VERSION = "1"


class CellKey(NamedTuple):
    """The address of one cell in the data: table id, row id (for table 四 the group id), column id."""

    table: str
    row: str
    column: str

    def __str__(self) -> str:  # t3[3.1][natural]
        return f"{self.table}[{self.row}][{self.column}]"


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    kind: str = COUNT
    parent: str | None = None  # label of a spanning header above it (表三 法人或其他组织)
    total: bool = False  # the sum of the other columns of its block


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    parent: str | None = None  # id of the group row it belongs to
    group: bool = False  # carries no numbers; its label spans its children
    total: bool = False  # the sum of the result rows (表三 （七）总计)
    parent_label: str | None = None  # a spanning header above a table 四 group (行政诉讼)


@dataclass(frozen=True)
class Block:
    """A rectangular part of a table with one header: a block of table 二, all of table 三,
    or one group of table 四."""

    id: str
    heading: str | None
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    unit: str = "件"
    row_header: str | None = None  # label of the first header column (表二 信息内容)

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.group)


@dataclass(frozen=True)
class Table:
    id: str  # t2, t3, t4
    section: str  # the section it belongs to
    title: str  # the section heading it is printed under
    layout: str
    blocks: tuple[Block, ...]
    sheet: str  # name of its sheet in the template
    corner: str | None = None  # 表三 top-left header cell
    column_header: str | None = None  # 表三 申请人情况

    def cells(self) -> Iterator[CellKey]:
        """Every data cell, in reading order."""
        for block in self.blocks:
            for row in block.data_rows:
                for col in block.columns:
                    yield CellKey(self.id, row.id, col.id)

    @cached_property
    def _index(self) -> dict[tuple[str, str], tuple[Block, Row, Column]]:
        out = {}
        for block in self.blocks:
            for row in block.data_rows:
                for col in block.columns:
                    out[(row.id, col.id)] = (block, row, col)
        return out

    def locate(self, row: str, column: str) -> tuple[Block, Row, Column]:
        return self._index[(row, column)]

    def has(self, row: str, column: str) -> bool:
        return (row, column) in self._index

    def block_of_row(self, row_id: str) -> Block:
        for block in self.blocks:
            for row in block.rows:
                if row.id == row_id:
                    return block
        raise KeyError(row_id)

    def row(self, row_id: str) -> Row:
        for block in self.blocks:
            for row in block.rows:
                if row.id == row_id:
                    return row
        raise KeyError(row_id)

    def labels(self) -> Iterator[str]:
        """Every official label of this table (for the verbatim test and structure checks)."""
        for text in (self.title, self.corner, self.column_header):
            if text:
                yield text
        for block in self.blocks:
            for text in (block.heading, block.row_header):
                if text:
                    yield text
            for row in block.rows:
                yield row.label
                if row.parent_label:
                    yield row.parent_label
            for col in block.columns:
                yield col.label
                if col.parent:
                    yield col.parent


@dataclass(frozen=True)
class Relation:
    """An arithmetic relation: ``sum(left) == sum(right)``.

    When ``right`` is a single cell that is a total, the relation defines that total (the
    template writes it as a formula). ``kind`` names the rule family; ``axis`` says which
    column or row the instance belongs to (for messages)."""

    kind: str
    left: tuple[CellKey, ...]
    right: tuple[CellKey, ...]
    axis: str

    @property
    def defines(self) -> CellKey | None:
        return self.right[0] if len(self.right) == 1 else None


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    table: str | None = None  # the table printed in this section


@dataclass(frozen=True)
class Format:
    id: str
    document: str
    title: str
    years: tuple[int, int | None]  # first and last report year (None: open)
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    relations: tuple[Relation, ...] = field(default=())

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    def cells(self) -> Iterator[CellKey]:
        for t in self.tables:
            yield from t.cells()

    def column(self, key: CellKey) -> Column:
        return self.table(key.table).locate(key.row, key.column)[2]

    def row(self, key: CellKey) -> Row:
        return self.table(key.table).locate(key.row, key.column)[1]

    def is_total(self, key: CellKey) -> bool:
        _, row, col = self.table(key.table).locate(key.row, key.column)
        return row.total or col.total

    @cached_property
    def definitions(self) -> dict[CellKey, Relation]:
        """The relation that defines each total cell (the first one listed wins)."""
        out: dict[CellKey, Relation] = {}
        for rel in self.relations:
            target = rel.defines
            if target is not None and self.is_total(target):
                out.setdefault(target, rel)
        return out

    def covers(self, year: int) -> bool:
        first, last = self.years
        return year >= first and (last is None or year <= last)

    def labels(self) -> Iterator[str]:
        for s in self.sections:
            yield s.heading
        for t in self.tables:
            yield from t.labels()


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------

SECTIONS = (
    Section("1", "一、总体情况"),
    Section("2", "二、主动公开政府信息情况", table="t2"),
    Section("3", "三、收到和处理政府信息公开申请情况", table="t3"),
    Section("4", "四、政府信息公开行政复议、行政诉讼情况", table="t4"),
    Section("5", "五、存在的主要问题及改进情况"),
    Section("6", "六、其他需要报告的事项"),
)
_SECTION_TITLE = {s.table: s.heading for s in SECTIONS if s.table}

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMN_HEADER = "申请人情况"
_LEGAL = "法人或其他组织"
T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("commercial", "商业企业", parent=_LEGAL),
    Column("research", "科研机构", parent=_LEGAL),
    Column("nonprofit", "社会公益组织", parent=_LEGAL),
    Column("legal", "法律服务机构", parent=_LEGAL),
    Column("other", "其他", parent=_LEGAL),
    Column("total", "总计", total=True),
)


def _t3_rows(version: str) -> tuple[Row, ...]:
    rows = [
        Row("1", "一、本年新收政府信息公开申请数量"),
        Row("2", "二、上年结转政府信息公开申请数量"),
        Row("3", "三、本年度办理结果", group=True),
        Row("3.1", "（一）予以公开", parent="3"),
        Row("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", parent="3"),
        Row("3.3", "（三）不予公开", parent="3", group=True),
    ]
    for i, label in enumerate(
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
        start=1,
    ):
        rows.append(Row(f"3.3.{i}", label, parent="3.3"))
    rows.append(Row("3.4", "（四）无法提供", parent="3", group=True))
    for i, label in enumerate(
        ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
        start=1,
    ):
        rows.append(Row(f"3.4.{i}", label, parent="3.4"))
    rows.append(Row("3.5", "（五）不予处理", parent="3", group=True))
    for i, label in enumerate(
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
        start=1,
    ):
        rows.append(Row(f"3.5.{i}", label, parent="3.5"))
    if version == "2019":
        rows.append(Row("3.6", "（六）其他处理", parent="3"))
    else:
        rows.append(Row("3.6", "（六）其他处理", parent="3", group=True))
        for i, label in enumerate(
            (
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ),
            start=1,
        ):
            rows.append(Row(f"3.6.{i}", label, parent="3.6"))
    rows.append(Row("3.7", "（七）总计", parent="3", total=True))
    rows.append(Row("4", "四、结转下年度继续办理"))
    return tuple(rows)


T4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计", total=True),
)
_LITIGATION = "行政诉讼"
T4_GROUPS = (
    Row("review", "行政复议"),
    Row("litigation_direct", "未经复议直接起诉", parent_label=_LITIGATION),
    Row("litigation_after_review", "复议后起诉", parent_label=_LITIGATION),
)

INFO_CONTENT = "信息内容"


def _t3(version: str) -> Table:
    return Table(
        id="t3",
        section="3",
        title=_SECTION_TITLE["t3"],
        layout=LAYOUT_GRID,
        blocks=(Block("t3", None, _t3_rows(version), T3_COLUMNS),),
        sheet="表三",
        corner=T3_CORNER,
        column_header=T3_COLUMN_HEADER,
    )


def _t4() -> Table:
    return Table(
        id="t4",
        section="4",
        title=_SECTION_TITLE["t4"],
        layout=LAYOUT_COLUMN_GROUPS,
        blocks=tuple(Block(g.id, g.label, (g,), T4_COLUMNS) for g in T4_GROUPS),
        sheet="表四",
    )


def _t2(blocks: tuple[Block, ...]) -> Table:
    return Table(
        id="t2",
        section="2",
        title=_SECTION_TITLE["t2"],
        layout=LAYOUT_BLOCKS,
        blocks=blocks,
        sheet="表二",
    )


def _block(block_id: str, item: str, rows, columns, unit: str = "件") -> Block:
    return Block(
        block_id,
        f"第二十条第（{item}）项",
        tuple(Row(rid, label) for rid, label in rows),
        columns,
        unit=unit,
        row_header=INFO_CONTENT,
    )


# ---------------------------------------------------------------------------------------------
# Relations (the same for both versions, derived from the table descriptions)
# ---------------------------------------------------------------------------------------------

BALANCE = "balance"  # 表三 每列：一 + 二 = 三（七） + 四
RESULTS_TOTAL = "results_total"  # 表三 每列：（七）总计 = 各办理结果之和
ROW_TOTAL = "row_total"  # 表三 每行：总计 = 六类申请人之和
T4_TOTAL = "t4_total"  # 表四 每组：总计 = 维持 + 纠正 + 其他 + 尚未审结


def _relations(t3: Table, t4: Table) -> tuple[Relation, ...]:
    out: list[Relation] = []
    (b3,) = t3.blocks
    total_col = next(c for c in b3.columns if c.total)
    parts_cols = [c for c in b3.columns if not c.total]
    total_row = next(r for r in b3.rows if r.total)
    result_rows = [
        r for r in b3.data_rows if not r.total and _descends(b3, r, total_row.parent)
    ]
    for row in b3.data_rows:
        out.append(
            Relation(
                ROW_TOTAL,
                tuple(CellKey("t3", row.id, c.id) for c in parts_cols),
                (CellKey("t3", row.id, total_col.id),),
                axis=row.id,
            )
        )
    for col in b3.columns:
        out.append(
            Relation(
                RESULTS_TOTAL,
                tuple(CellKey("t3", r.id, col.id) for r in result_rows),
                (CellKey("t3", total_row.id, col.id),),
                axis=col.id,
            )
        )
    for col in b3.columns:
        out.append(
            Relation(
                BALANCE,
                (CellKey("t3", "1", col.id), CellKey("t3", "2", col.id)),
                (CellKey("t3", total_row.id, col.id), CellKey("t3", "4", col.id)),
                axis=col.id,
            )
        )
    for block in t4.blocks:
        (group,) = block.rows
        total = next(c for c in block.columns if c.total)
        out.append(
            Relation(
                T4_TOTAL,
                tuple(CellKey("t4", group.id, c.id) for c in block.columns if not c.total),
                (CellKey("t4", group.id, total.id),),
                axis=group.id,
            )
        )
    return tuple(out)


def _descends(block: Block, row: Row, ancestor: str | None) -> bool:
    parents = {r.id: r.parent for r in block.rows}
    p = row.parent
    while p is not None:
        if p == ancestor:
            return True
        p = parents.get(p)
    return False


def _format(fid: str, document: str, title: str, years, t2: Table) -> Format:
    t3, t4 = _t3(fid), _t4()
    return Format(
        id=fid,
        document=document,
        title=title,
        years=years,
        sections=SECTIONS,
        tables=(t2, t3, t4),
        relations=_relations(t3, t4),
    )


# ---------------------------------------------------------------------------------------------
# Version 2019 — 国办公开办函〔2019〕60号
# ---------------------------------------------------------------------------------------------

_ITEMS_2019 = (
    Column("last_year_items", "上一年项目数量"),
    Column("change", "本年增/减", kind=SIGNED),
)
_DECISIONS_2019 = Column("decisions", "处理决定数量")

V2019 = _format(
    "2019",
    "国办公开办函〔2019〕60号",
    "中华人民共和国政府信息公开工作年度报告格式（试行）",
    (2019, 2020),
    _t2(
        (
            _block(
                "t2.1",
                "一",
                (("rules", "规章"), ("normative", "规范性文件")),
                (
                    Column("new_made", "本年新制作数量"),
                    Column("new_published", "本年新公开数量"),
                    Column("total_published", "对外公开总数量"),
                ),
            ),
            _block(
                "t2.5",
                "五",
                (("license", "行政许可"), ("other_services", "其他对外管理服务事项")),
                _ITEMS_2019 + (_DECISIONS_2019,),
            ),
            _block(
                "t2.6",
                "六",
                (("penalty", "行政处罚"), ("enforcement", "行政强制")),
                _ITEMS_2019 + (_DECISIONS_2019,),
            ),
            _block("t2.8", "八", (("fees", "行政事业性收费"),), _ITEMS_2019),
            _block(
                "t2.9",
                "九",
                (("procurement", "政府集中采购"),),
                (Column("projects", "采购项目数量"), Column("amount", "采购总金额", kind=DECIMAL)),
                unit="",
            ),
        )
    ),
)

# ---------------------------------------------------------------------------------------------
# Version 2021 — 国办公开办函〔2021〕30号
# ---------------------------------------------------------------------------------------------

_DECISIONS_2021 = (Column("decisions", "本年处理决定数量"),)

V2021 = _format(
    "2021",
    "国办公开办函〔2021〕30号",
    "中华人民共和国政府信息公开工作年度报告格式",
    (2021, None),
    _t2(
        (
            _block(
                "t2.1",
                "一",
                (("rules", "规章"), ("normative", "行政规范性文件")),
                (
                    Column("issued", "本年制发件数"),
                    Column("repealed", "本年废止件数"),
                    Column("in_force", "现行有效件数"),
                ),
            ),
            _block("t2.5", "五", (("license", "行政许可"),), _DECISIONS_2021),
            _block(
                "t2.6", "六", (("penalty", "行政处罚"), ("enforcement", "行政强制")), _DECISIONS_2021
            ),
            _block(
                "t2.8",
                "八",
                (("fees", "行政事业性收费"),),
                (Column("amount", "本年收费金额（单位：万元）", kind=DECIMAL),),
                unit="万元",
            ),
        )
    ),
)

FORMATS: dict[str, Format] = {"2019": V2019, "2021": V2021}


def get(format_id: str) -> Format:
    try:
        return FORMATS[str(format_id)]
    except KeyError:
        from .errors import UsageError

        raise UsageError(
            f"未知的格式版本“{format_id}”，可用：{'、'.join(FORMATS)}", code="format-unknown"
        ) from None


def for_year(year: int) -> Format:
    """The format a report of ``year`` must use."""
    for fmt in FORMATS.values():
        if fmt.covers(year):
            return fmt
    from .errors import UsageError

    raise UsageError(
        f"报告年度 {year} 早于《政府信息公开条例》修订施行后的第一个年度（2019年），没有对应的统一格式",
        code="year-unsupported",
    )


# ---------------------------------------------------------------------------------------------
# Label comparison
# ---------------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "、": ",", "，": ","})


def normalize_label(text: object) -> str:
    """Compare labels the way a reviewer reads them: full-/half-width punctuation, spaces and
    line breaks do not matter (published copies vary), the characters do."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = s.translate(_QUOTES)
    return "".join(s.split())
