"""The official formats of the 政府信息公开工作年度报告, described once, as data.

Everything else in the project (template writer, reader, checker, renderers) is driven by the
objects defined here: no table layout or official label is typed anywhere else.

Sources: 国办公开办函〔2019〕60号 (version ``2019``, report years 2019–2020) and
国办公开办函〔2021〕30号 (version ``2021``, report years 2021 on). Labels are verbatim, with
full-width punctuation; ids are the project's stable machine keys (used in the JSON data form
and in finding references: never renamed).

Code that needs a particular row or column names it by its **role** (``Role``), never by its id
or label: ``fmt.key(Role.NEW, Role.TOTAL)`` is the cell 表三 一、本年新收 / 总计 in every version
that has it. Lookups:

- ``fmt.key(row_role, column_role)`` → the ``CellKey`` (``KeyError`` if the format lacks it);
  ``fmt.has(row_role, column_role=None)`` asks first; ``fmt.leaf_keys(…)`` → the data cells a
  group row such as （三）不予公开 stands for;
- ``fmt.row_of(role)`` → the ``Row``; ``fmt.rows_of(roles)`` → the rows present, in order;
  ``fmt.columns_of(row_role)`` → the columns of that row's block (each with its ``role``);
- ``fmt.categories`` → the result categories of 表三 （一）…（六）, each with its ``short`` name;
- ``table.leaves(row_id)`` → the data rows a (group) row stands for.

Groups of roles are tuples: ``RESULT_CATEGORIES``, ``LEGAL_PERSON`` (法人或其他组织),
``LITIGATION`` (行政诉讼), ``REVIEW_GROUPS``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from collections import namedtuple
from collections.abc import Iterator

# Value kinds of a cell.
COUNT = "count"  # non-negative integer
SIGNED = "signed"  # integer, may be negative (2019 本年增/减)
DECIMAL = "decimal"  # non-negative, decimals allowed (万元)

# Shapes of a table (how the official table arranges its cells).
SHAPE_BLOCKS = "blocks"  # table 二: blocks stacked, each with its own header row
SHAPE_GRID = "grid"  # table 三: nested row labels × columns under one header
SHAPE_COLUMN_GROUPS = "column_groups"  # table 四: groups side by side, one value row

TEMPLATE_VERSION = "1"


class Role(StrEnum):
    """What a row or column means, whatever its id, label or position in a format version.

    A role is present at most once per format among rows (row roles) and at most once per
    block among columns (column roles); ``tests/test_roles.py`` pins where each one is."""

    # 表三 rows
    NEW = "new"  # 一、本年新收政府信息公开申请数量
    CARRIED_OVER = "carried_over"  # 二、上年结转政府信息公开申请数量 (from last year)
    RESULTS = "results"  # 三、本年度办理结果 (the group of every result row)
    DISCLOSED = "disclosed"  # （一）予以公开
    PARTLY_DISCLOSED = "partly_disclosed"  # （二）部分公开
    WITHHELD = "withheld"  # （三）不予公开
    UNAVAILABLE = "unavailable"  # （四）无法提供
    NOT_PROCESSED = "not_processed"  # （五）不予处理
    OTHER_HANDLING = "other_handling"  # （六）其他处理
    RESULTS_TOTAL = "results_total"  # （七）总计: the sum of the categories
    CARRIED_FORWARD = "carried_forward"  # 四、结转下年度继续办理 (to next year)
    # 表三 columns (申请人情况)
    NATURAL_PERSON = "natural_person"  # 自然人
    COMMERCIAL = "commercial"  # 法人或其他组织 / 商业企业
    RESEARCH = "research"  # 法人或其他组织 / 科研机构
    NONPROFIT = "nonprofit"  # 法人或其他组织 / 社会公益组织
    LEGAL_SERVICE = "legal_service"  # 法人或其他组织 / 法律服务机构
    OTHER_ORG = "other_org"  # 法人或其他组织 / 其他
    TOTAL = "total"  # 总计 (表三 and 表四): the sum of the other columns of its block
    # 表四 groups (one row each)
    REVIEW = "review"  # 行政复议
    LITIGATION_DIRECT = "litigation_direct"  # 行政诉讼 / 未经复议直接起诉
    LITIGATION_AFTER_REVIEW = "litigation_after_review"  # 行政诉讼 / 复议后起诉
    # 表四 columns
    UPHELD = "upheld"  # 结果维持
    CORRECTED = "corrected"  # 结果纠正
    OTHER_RESULT = "other_result"  # 其他结果
    PENDING = "pending"  # 尚未审结
    # 表二 rows
    RULES = "rules"  # 规章
    NORMATIVE = "normative"  # 行政规范性文件 (2019: 规范性文件)
    LICENSE = "license"  # 行政许可
    OTHER_SERVICES = "other_services"  # 其他对外管理服务事项 (2019 only)
    PENALTY = "penalty"  # 行政处罚
    ENFORCEMENT = "enforcement"  # 行政强制
    FEES = "fees"  # 行政事业性收费
    PROCUREMENT = "procurement"  # 政府集中采购 (2019 only)
    # 表二 columns
    ISSUED = "issued"  # 本年制发件数 (2019: 本年新制作数量, the documents made this year)
    REPEALED = "repealed"  # 本年废止件数 (2021 only)
    IN_FORCE = "in_force"  # 现行有效件数 (2021 only; 2019's 对外公开总数量 counts what was
    #                        published, not what is in force: no 2019 equivalent)
    NEW_PUBLISHED = "new_published"  # 本年新公开数量 (2019 only)
    PUBLISHED_TOTAL = "published_total"  # 对外公开总数量 (2019 only)
    DECISIONS = "decisions"  # 本年处理决定数量 (2019: 处理决定数量)
    LAST_YEAR_ITEMS = "last_year_items"  # 上一年项目数量 (2019 only)
    CHANGE = "change"  # 本年增/减 (2019 only)
    PROJECTS = "projects"  # 采购项目数量 (2019 only)
    AMOUNT = "amount"  # 本年收费金额（单位：万元） (2021, 行政事业性收费); 采购总金额 (2019, 政府集中采购)


# The result categories of 表三, in the official order (the direct parts of （七）总计).
RESULT_CATEGORIES = (
    Role.DISCLOSED,
    Role.PARTLY_DISCLOSED,
    Role.WITHHELD,
    Role.UNAVAILABLE,
    Role.NOT_PROCESSED,
    Role.OTHER_HANDLING,
)
# The applicant columns of 表三 under the spanning header 法人或其他组织.
LEGAL_PERSON = (Role.COMMERCIAL, Role.RESEARCH, Role.NONPROFIT, Role.LEGAL_SERVICE, Role.OTHER_ORG)
# The groups of 表四 under 行政复议 and under 行政诉讼.
REVIEW_GROUPS = (Role.REVIEW,)
LITIGATION = (Role.LITIGATION_DIRECT, Role.LITIGATION_AFTER_REVIEW)


class CellKey(namedtuple("CellKey", "table row column")):  # not typing.NamedTuple: importing typing costs start-up time
    """The address of one cell in the data: table id, row id (for table 四 the group id), column id."""

    __slots__ = ()
    table: str
    row: str
    column: str

    def __str__(self) -> str:  # t3[3.1][natural]
        return f"{self.table}[{self.row}][{self.column}]"


@dataclass(frozen=True)
class Column:
    """A column of an official table: id, exact label, unit kind, spanning header, role."""

    id: str
    label: str
    kind: str = COUNT
    parent: str | None = None  # label of a spanning header above it (表三 法人或其他组织)
    role: Role | None = None

    @property
    def total(self) -> bool:
        """The sum of the other columns of its block."""
        return self.role == Role.TOTAL


@dataclass(frozen=True)
class Row:
    """A row of an official table: id, exact label, its group, role."""

    id: str
    label: str
    parent: str | None = None  # id of the group row it belongs to
    group: bool = False  # carries no numbers; its label spans its children
    parent_label: str | None = None  # a spanning header above a table 四 group (行政诉讼)
    role: Role | None = None
    short: str | None = None  # the name a reviewer says aloud (新收, 予以公开), when it is
    #                           not the label itself

    @property
    def total(self) -> bool:
        """The sum of the result rows (表三 （七）总计)."""
        return self.role == Role.RESULTS_TOTAL


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

    def column_of(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


@dataclass(frozen=True)
class Table:
    """An official table (表二/表三/表四): its section, shape, blocks, rows and columns, relations."""

    id: str  # t2, t3, t4
    section: str  # the section it belongs to
    title: str  # the section heading it is printed under
    shape: str  # how the official table arranges its cells (SHAPE_*)
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

    def row_of(self, role: Role) -> Row:
        """The row of this role in this table (``KeyError`` when there is none)."""
        for block in self.blocks:
            for row in block.rows:
                if row.role == role:
                    return row
        raise KeyError(f"{self.id}: no row {role}")

    def leaves(self, row_id: str) -> tuple[Row, ...]:
        """The data rows a row stands for: itself, or every data row below a group row."""
        block = self.block_of_row(row_id)
        parents = {r.id: r.parent for r in block.rows}

        def under(r: Row) -> bool:
            p = r.id
            while p is not None and p != row_id:
                p = parents.get(p)
            return p == row_id

        return tuple(r for r in block.data_rows if under(r))

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
    """One of the six sections of the report: id, exact heading, the table printed in it."""

    id: str
    heading: str
    table: str | None = None  # the table printed in this section
    # What only this section reports: a published report that titles it its own way still names
    # it (“五、信息处理费收取情况” is its 第六部分). Read by the importers' heading finder.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Format:
    """One version of the official format (2019 or 2021): sections, tables, the years it applies to."""

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

    # --- roles ---------------------------------------------------------------------------------

    @cached_property
    def _rows_by_role(self) -> dict[Role, tuple[Table, Block, Row]]:
        out: dict[Role, tuple[Table, Block, Row]] = {}
        for t in self.tables:
            for block in t.blocks:
                for row in block.rows:
                    if row.role is not None:
                        out.setdefault(row.role, (t, block, row))
        return out

    def _find(self, role: Role) -> tuple[Table, Block, Row] | None:
        return self._rows_by_role.get(role)

    def row_of(self, role: Role) -> Row:
        """The row with this role (``KeyError`` when this format has none)."""
        found = self._find(role)
        if found is None:
            raise KeyError(f"{self.id}: no row {role}")
        return found[2]

    def table_of(self, role: Role) -> Table:
        found = self._find(role)
        if found is None:
            raise KeyError(f"{self.id}: no row {role}")
        return found[0]

    def columns_of(self, row_role: Role) -> tuple[Column, ...]:
        """The columns of the block the row of this role is in."""
        found = self._find(row_role)
        if found is None:
            raise KeyError(f"{self.id}: no row {row_role}")
        return found[1].columns

    def rows_of(self, roles) -> tuple[Row, ...]:
        """The rows of those roles this format has, in the order of ``roles``."""
        return tuple(found[2] for found in map(self._find, roles) if found is not None)

    def has(self, row_role: Role, column_role: Role | None = None) -> bool:
        found = self._find(row_role)
        if found is None:
            return False
        return column_role is None or found[1].column_of(column_role) is not None

    def key(self, row_role: Role, column_role: Role) -> CellKey:
        """The cell at a row role and a column role: ``key(Role.NEW, Role.TOTAL)`` →
        ``t3[1][total]`` (``KeyError`` when this format has no such cell)."""
        found = self._find(row_role)
        col = found[1].column_of(column_role) if found is not None else None
        if col is None:
            raise KeyError(f"{self.id}: no cell {row_role} / {column_role}")
        table, _, row = found
        return CellKey(table.id, row.id, col.id)

    def leaf_keys(self, row_role: Role, column_role: Role) -> tuple[CellKey, ...]:
        """The data cells a row stands for in one column: the cell itself, or those of every
        data row under a group (``（三）不予公开`` → its eight reasons). Summing them gives the
        same quantity in every version (2019's one-row （六）其他处理 and 2021's three)."""
        key = self.key(row_role, column_role)
        return tuple(key._replace(row=r.id) for r in self.table_of(row_role).leaves(key.row))

    @cached_property
    def categories(self) -> tuple[Row, ...]:
        """The result categories of 表三 （一）予以公开 … （六）其他处理 (``RESULT_CATEGORIES``)."""
        return self.rows_of(RESULT_CATEGORIES)

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
    Section("6", "六、其他需要报告的事项", topics=("信息处理费",)),
)
_SECTION_TITLE = {s.table: s.heading for s in SECTIONS if s.table}

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMN_HEADER = "申请人情况"
_LEGAL = "法人或其他组织"
T3_COLUMNS = (
    Column("natural", "自然人", role=Role.NATURAL_PERSON),
    Column("commercial", "商业企业", parent=_LEGAL, role=Role.COMMERCIAL),
    Column("research", "科研机构", parent=_LEGAL, role=Role.RESEARCH),
    Column("nonprofit", "社会公益组织", parent=_LEGAL, role=Role.NONPROFIT),
    Column("legal", "法律服务机构", parent=_LEGAL, role=Role.LEGAL_SERVICE),
    Column("other", "其他", parent=_LEGAL, role=Role.OTHER_ORG),
    Column("total", "总计", role=Role.TOTAL),
)


def _t3_rows(version: str) -> tuple[Row, ...]:
    rows = [
        Row("1", "一、本年新收政府信息公开申请数量", role=Role.NEW, short="新收"),
        Row("2", "二、上年结转政府信息公开申请数量", role=Role.CARRIED_OVER, short="上年结转"),
        Row("3", "三、本年度办理结果", group=True, role=Role.RESULTS),
        Row("3.1", "（一）予以公开", parent="3", role=Role.DISCLOSED, short="予以公开"),
        Row(
            "3.2",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            parent="3",
            role=Role.PARTLY_DISCLOSED,
            short="部分公开",
        ),
        Row("3.3", "（三）不予公开", parent="3", group=True, role=Role.WITHHELD, short="不予公开"),
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
    rows.append(Row("3.4", "（四）无法提供", parent="3", group=True, role=Role.UNAVAILABLE, short="无法提供"))
    for i, label in enumerate(
        ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
        start=1,
    ):
        rows.append(Row(f"3.4.{i}", label, parent="3.4"))
    rows.append(Row("3.5", "（五）不予处理", parent="3", group=True, role=Role.NOT_PROCESSED, short="不予处理"))
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
    other = dict(parent="3", role=Role.OTHER_HANDLING, short="其他处理")
    if version == "2019":
        rows.append(Row("3.6", "（六）其他处理", **other))
    else:
        rows.append(Row("3.6", "（六）其他处理", group=True, **other))
        for i, label in enumerate(
            (
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ),
            start=1,
        ):
            rows.append(Row(f"3.6.{i}", label, parent="3.6"))
    rows.append(Row("3.7", "（七）总计", parent="3", role=Role.RESULTS_TOTAL, short="办理结果总计"))
    rows.append(Row("4", "四、结转下年度继续办理", role=Role.CARRIED_FORWARD, short="结转下年度"))
    return tuple(rows)


T4_COLUMNS = (
    Column("upheld", "结果维持", role=Role.UPHELD),
    Column("corrected", "结果纠正", role=Role.CORRECTED),
    Column("other", "其他结果", role=Role.OTHER_RESULT),
    Column("pending", "尚未审结", role=Role.PENDING),
    Column("total", "总计", role=Role.TOTAL),
)
_LITIGATION = "行政诉讼"
T4_GROUPS = (
    Row("review", "行政复议", role=Role.REVIEW),
    Row("litigation_direct", "未经复议直接起诉", parent_label=_LITIGATION, role=Role.LITIGATION_DIRECT),
    Row("litigation_after_review", "复议后起诉", parent_label=_LITIGATION, role=Role.LITIGATION_AFTER_REVIEW),
)

INFO_CONTENT = "信息内容"


def _t3(version: str) -> Table:
    return Table(
        id="t3",
        section="3",
        title=_SECTION_TITLE["t3"],
        shape=SHAPE_GRID,
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
        shape=SHAPE_COLUMN_GROUPS,
        blocks=tuple(Block(g.id, g.label, (g,), T4_COLUMNS) for g in T4_GROUPS),
        sheet="表四",
    )


def _t2(blocks: tuple[Block, ...]) -> Table:
    return Table(
        id="t2",
        section="2",
        title=_SECTION_TITLE["t2"],
        shape=SHAPE_BLOCKS,
        blocks=blocks,
        sheet="表二",
    )


def _block(block_id: str, item: str, rows, columns, unit: str = "件") -> Block:
    return Block(
        block_id,
        f"第二十条第（{item}）项",
        tuple(Row(rid, label, role=role) for rid, label, role in rows),
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
    """Every relation, from the roles of the rows and columns (ROW_TOTAL listed first: it
    defines the 总计 column, including the corner cell （七）总计 / 总计)."""
    out: list[Relation] = []
    row = t3.row_of
    (b3,) = t3.blocks
    total_col = b3.column_of(Role.TOTAL)
    parts_cols = [c for c in b3.columns if c is not total_col]
    total_row = row(Role.RESULTS_TOTAL)
    result_rows = [r for role in RESULT_CATEGORIES for r in t3.leaves(row(role).id)]

    def key(r: Row, c: Column) -> CellKey:
        return CellKey(t3.id, r.id, c.id)

    for r in b3.data_rows:
        out.append(Relation(ROW_TOTAL, tuple(key(r, c) for c in parts_cols), (key(r, total_col),), axis=r.id))
    for c in b3.columns:
        out.append(
            Relation(RESULTS_TOTAL, tuple(key(r, c) for r in result_rows), (key(total_row, c),), axis=c.id)
        )
    for c in b3.columns:
        out.append(
            Relation(
                BALANCE,
                (key(row(Role.NEW), c), key(row(Role.CARRIED_OVER), c)),
                (key(total_row, c), key(row(Role.CARRIED_FORWARD), c)),
                axis=c.id,
            )
        )
    for block in t4.blocks:
        (group,) = block.rows
        total = block.column_of(Role.TOTAL)
        out.append(
            Relation(
                T4_TOTAL,
                tuple(CellKey(t4.id, group.id, c.id) for c in block.columns if c is not total),
                (CellKey(t4.id, group.id, total.id),),
                axis=group.id,
            )
        )
    return tuple(out)


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
    Column("last_year_items", "上一年项目数量", role=Role.LAST_YEAR_ITEMS),
    Column("change", "本年增/减", kind=SIGNED, role=Role.CHANGE),
)
_DECISIONS_2019 = Column("decisions", "处理决定数量", role=Role.DECISIONS)

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
                (("rules", "规章", Role.RULES), ("normative", "规范性文件", Role.NORMATIVE)),
                (
                    Column("new_made", "本年新制作数量", role=Role.ISSUED),
                    Column("new_published", "本年新公开数量", role=Role.NEW_PUBLISHED),
                    Column("total_published", "对外公开总数量", role=Role.PUBLISHED_TOTAL),
                ),
            ),
            _block(
                "t2.5",
                "五",
                (("license", "行政许可", Role.LICENSE), ("other_services", "其他对外管理服务事项", Role.OTHER_SERVICES)),
                _ITEMS_2019 + (_DECISIONS_2019,),
            ),
            _block(
                "t2.6",
                "六",
                (("penalty", "行政处罚", Role.PENALTY), ("enforcement", "行政强制", Role.ENFORCEMENT)),
                _ITEMS_2019 + (_DECISIONS_2019,),
            ),
            _block("t2.8", "八", (("fees", "行政事业性收费", Role.FEES),), _ITEMS_2019),
            _block(
                "t2.9",
                "九",
                (("procurement", "政府集中采购", Role.PROCUREMENT),),
                (
                    Column("projects", "采购项目数量", role=Role.PROJECTS),
                    Column("amount", "采购总金额", kind=DECIMAL, role=Role.AMOUNT),
                ),
                unit="",
            ),
        )
    ),
)

# ---------------------------------------------------------------------------------------------
# Version 2021 — 国办公开办函〔2021〕30号
# ---------------------------------------------------------------------------------------------

_DECISIONS_2021 = (Column("decisions", "本年处理决定数量", role=Role.DECISIONS),)

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
                (("rules", "规章", Role.RULES), ("normative", "行政规范性文件", Role.NORMATIVE)),
                (
                    Column("issued", "本年制发件数", role=Role.ISSUED),
                    Column("repealed", "本年废止件数", role=Role.REPEALED),
                    Column("in_force", "现行有效件数", role=Role.IN_FORCE),
                ),
            ),
            _block("t2.5", "五", (("license", "行政许可", Role.LICENSE),), _DECISIONS_2021),
            _block(
                "t2.6",
                "六",
                (("penalty", "行政处罚", Role.PENALTY), ("enforcement", "行政强制", Role.ENFORCEMENT)),
                _DECISIONS_2021,
            ),
            _block(
                "t2.8",
                "八",
                (("fees", "行政事业性收费", Role.FEES),),
                (Column("amount", "本年收费金额（单位：万元）", kind=DECIMAL, role=Role.AMOUNT),),
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

# 、 ， and . read alike: published copies number their rows ``1、属于国家秘密`` or ``1.属于国家秘密``
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "、": ",", "，": ",", ".": ","})


def normalize_label(text: object) -> str:
    """Compare labels the way a reviewer reads them: full-/half-width punctuation, spaces and
    line breaks do not matter (published copies vary), the characters do."""
    if text is None:
        return ""
    return _normalized(str(text))


@lru_cache(maxsize=8192)  # the same few hundred labels, read again for every report
def _normalized(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = s.translate(_QUOTES)
    return "".join(s.split())
