"""Text against tables: empty sections, the 信息处理费, other years, numbers quoted in the text
and statements that contradict the tables; and the parts a sentence lists under “其中” against
their own total, where the tables cannot judge them.

Every pattern here was read off real reports (the reviewers' rules, copied in ``tests/fixtures/spec/rules.md``, and the corpus of published reports in ``tests/corpus``). A pattern only fires
on a clause that clearly names what it counts; when the scope is unclear (全市, percentages,
结转 without a direction) the finding is a warning, not an error."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property

from .. import formats as F
from .. import values as V
from ..formats import Role as R
from . import labels as L
from .context import Context

# Section 6 must report the 信息处理费 in these format versions (国办公开办函〔2021〕30号).
_FEE_FORMATS = {"2021"}
# What counts as a statement on the fee: “未收取信息处理费”, “未发生收费情况”, “没有收取任何费用”,
# “收费0元”.
_FEE = re.compile(r"处理费|收费|收取[^，,。；;]{0,6}费用|费用")
# Sections where another year is suspicious (1–4; section 5 may speak of next year's plans).
_YEAR_SECTIONS = ("1", "2", "3", "4")

_STOP = "，,。；;：:"
_FILL = rf"[^{_STOP}\d%％]"
_SCOPE = re.compile(r"全市|全县|全区|全省|全州|全旗|全镇|全乡|各部门|各单位|各级|各县|各地|全系统|本系统")
_HOTLINE = re.compile(r"热线|12345|信访|咨询|留言|诉求|来电|来信|建议|提案|投诉")
_NOT_OUTCOME = re.compile(r"纠正|纠错|败诉|撤销|确认违法")
_BOOK_TITLE = re.compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_YEAR_OK_BEFORE = re.compile(r"(较|比|同比|相比|与|截至|截止|自|于|从)\s*$")
_YEAR_OK_AFTER = re.compile(r"^\s*年\s*(以来|度?结转|同期|底|末)")
# A span of years (2021-2035年规划, 2021年至2025年): a period that is not the report's.
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:[-—–~～]+|至|到)\s*(?:19|20)\d{2}\s*年?")
# A date (2023年12月5日, 2023年3月): of a document cited or an event, not the report's period.
_YEAR_DATE = re.compile(r"^\s*年\s*\d{1,2}\s*月")
# Budgets and final accounts: the 决算 of last year and the 预算 of this or next year are
# published in the report year (公开了2024年政府预算、2023年政府决算).
_YEAR_BUDGET = re.compile(r"^\s*年\s*度?\s*[^，,。；;：:、\d]{0,8}?(?:预算|决算|预决算)")
# Carry-over into next year (结转至2026年3件) and what happens next year.
_YEAR_NEXT_BEFORE = re.compile(r"(结转|顺延|转入|转)(至|到)?\s*$")

# “共公布政府信息2602条（其中机构职能类82条，……其他1053条）”: a total, then what it is made of
# (its parts, in the same unit, one after another). Parts adding up to less are normal (其中 need
# not list everything); to more, a slip in one of the numbers — or parts that overlap (the same
# item on several channels), hence a warning. An approximate total (约、近、余、多) is no total.
_UNITS = "条|件|个|次|篇|期|项|场|家|份|人次|万元|元"
_TOTAL = re.compile(
    rf"(?<![\d.约近逾超])(?P<n>\d+(?:\.\d+)?)\s*(?P<u>{_UNITS})[^\d。；;，,（(余多]{{0,12}}[，,]?\s*(?P<open>[（(])?\s*其中[，,：:]?"
)
# One part: a label without digits, then its number and unit, nothing after (“机构职能类信息82条”);
# a clause that is not a part (“实现一趟不用跑的有45项”, “同比增长5%”) ends the list.
_PART = re.compile(rf"^(?P<label>[^\d]*?)(?P<n>\d+(?:\.\d+)?)\s*(?P<u>{_UNITS})$")
_NOT_PART = re.compile(r"的有|共计?$|累计|合计|总计|占|同比|增长|下降|[较约近逾超余多]")
_LIST_SPAN = 1000  # characters a list may run to (a paragraph of many lists costs each only this)
# A bracket after a part that lists its own parts (“主动公开55条（涵盖规划类3条、其他30条）”).
_SUBLIST = re.compile(r"^\s*(?:其中|涵盖|包括|含)[，,：:]?")


def _num(text: str):
    v = float(text)
    return int(v) if v.is_integer() else v


@dataclass
class _Para:
    """A paragraph of the text as the text rules read it: section, number, text."""

    section: str
    number: int  # from 1
    text: str

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in re.finditer(r"[。；！？;!?]", self.text):
            out.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            out.append((start, len(self.text)))
        return out

    def sentence_at(self, pos: int) -> str:
        for a, b in self.spans:
            if a <= pos < b:
                return self.text[a:b].strip()
        return self.text.strip()


class _Tables:
    """Values the text is compared with, named by their roles in the format description."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.fmt = ctx.fmt
        # The categories of results (予以公开 …), by the short name the text uses for them.
        self.categories = {row.short: row for row in self.fmt.categories}

    def key3(self, row: R) -> F.CellKey:
        """A row of 表三, column 总计."""
        return self.fmt.key(row, R.TOTAL)

    def category_keys(self, row: F.Row) -> list[F.CellKey]:
        """The 总计 cells of the data rows a category stands for (its sub-rows, or itself)."""
        return list(self.fmt.leaf_keys(row.role, R.TOTAL))

    def t4_keys(self, groups, column: R = R.TOTAL) -> list[F.CellKey]:
        """One column of the 表四 groups of these roles (``REVIEW_GROUPS``, ``LITIGATION``)."""
        return [self.fmt.key(g, column) for g in groups if self.fmt.has(g, column)]

    def total(self, keys) -> int | float | None:
        vals = [self.ctx.value(k) for k in keys]
        return None if any(v is None for v in vals) else sum(vals)

    def readings(self, keys) -> list[int | float]:
        """What the cells may be said to hold: their sum as typed, and — when a total among
        them is blank or wrong — what its parts add up to (one level, and all the way down).
        The blank or wrong total is its own error; the text agreeing with the parts is not."""
        out = []
        typed = self.total(keys)
        if typed is not None:
            out.append(typed)
        defs = self.fmt.definitions
        one = [sum(self.ctx.value(p) for p in defs[k].left) if k in defs and
               all(self.ctx.value(p) is not None for p in defs[k].left) else self.ctx.value(k) for k in keys]
        if all(v is not None for v in one):
            out.append(sum(one))
        deep = [self.ctx.parts(k) for k in keys]
        if all(v is not None for v in deep):
            out.append(sum(deep))
        return list(dict.fromkeys(out))


# Other words for a result category (the short name of its row in formats.py), as real reports
# write them: “其中公开答复1件，无法提供1件”, “同意公开8件”.
_SYNONYMS = {
    "同意公开": "予以公开",
    "公开答复": "予以公开",
    "依申请公开答复": "予以公开",
    "全部公开": "予以公开",
    "部分公开答复": "部分公开",
    "不予公开答复": "不予公开",
    "不公开": "不予公开",
}
# Of these the meaning is not certain (依申请公开答复 may be every answer given).
_LOOSE_SYNONYMS = {"依申请公开答复"}

# “没有收到政府信息公开申请”, “未收到依申请公开”, “本年度无政府信息公开申请” (not “未收到该申请人提交的补正”).
_NO_APPLICATION = re.compile(
    rf"(?:没有|未曾|未|无)(?!法)(?:收到|受理|接到|接收|发生|产生)?(?:任何)?{_FILL}{{0,14}}?"
    r"(?:依申请公开|申请公开|申请)(?!人|材料|表|书)"
)
# What a clause with 未收到 may be about besides applications.
_NOT_RECEIVED_ABOUT = re.compile(r"补正|材料|回复|反馈|答复|缴费|费用")
# “均已办结”, “所有申请均已按时办理完成”, “全部在法定期限内答复完毕”.
_ALL_DONE = re.compile(
    r"(?:均|全部|都|皆)(?:已经|已|已全部)?(?:按时|依法|按期|及时|在法定(?:期限|时限)内|在规定(?:期限|时限)内)?"
    r"(?:办结|办理完毕|办理完成|答复完毕|完成办理|完成答复|处理完毕)"
)
# “均获维持”, “结果均为维持”, “全部被维持”.
_ALL_UPHELD = re.compile(r"(?:均|全部|都|皆)(?:为|是|已)?(?:获得|获|被|予以|得到)?(?:维持)")

# The words for the two kinds of case in 表四 and the groups each stands for.
_CASES = (("复议", F.REVIEW_GROUPS), ("诉讼", F.LITIGATION))


def _paragraphs(ctx: Context):
    for s in ctx.fmt.sections:
        for i, p in enumerate(ctx.report.sections.get(s.id, []), start=1):
            yield _Para(s.id, i, p.text)


@functools.cache
def _documents() -> tuple[dict[str, R], str]:
    """The 表二 rows of documents (规章, 规范性文件) by their labels in either version — a 2021
    report may still say 规范性文件 — and an alternation of those labels, longest first."""
    rows: dict[str, R] = {}
    for fmt in F.FORMATS.values():
        for r in fmt.rows_of((R.RULES, R.NORMATIVE)):
            rows.setdefault(r.label, r.role)
    return rows, "|".join(re.escape(x) for x in sorted(rows, key=len, reverse=True))


def check(ctx: Context) -> None:
    _empty_sections(ctx)
    _other_years(ctx)
    tables = _Tables(ctx)
    over = []
    for para in _paragraphs(ctx):
        claims = _Claims(ctx, tables, para)
        _generated(ctx, tables, para, claims)
        claims.run()
        over += [(para, *x) for x in _lists(para.text) if not any(a < x[-1] and x[-2] < b for a, b in claims.used)]
    _parts_over_total(ctx, over)


# --- sentences written by the generator (sentences.py) ----------------------------------------


def _generated(ctx: Context, tables: _Tables, para: _Para, claims: "_Claims") -> None:
    """Sentences with the exact shape of a generated one (``sentences.find_written``): when their
    numbers are the tables' the other rules leave them alone (they agree by construction);
    when not, one ``text-generated-outdated`` names every number that no longer fits and says
    to regenerate (a figure whose cells hold text is unknown and not judged). A sentence whose
    scope is another area (全省… in a city's report) is left to the number rules."""
    from .. import sentences as S

    written = S.find_written(ctx.report, para.text)
    if not written:
        return
    own = S.scopes(ctx.report)
    for w in written:
        wrong = []
        for figure, n in w.numbers:
            keys = list(figure.keys)
            if tables.total(keys) is None:
                continue  # a cell holds text: this figure is unknown (the number rules skip it too)
            if not any(abs(n - v) < 1e-9 for v in tables.readings(keys)):
                wrong.append((figure, n))
        if wrong and w.scope not in own and _SCOPE.search(w.scope):
            continue
        claims.used.append((w.start, w.end))
        if wrong:
            shown = {f.what: _figure_shown(ctx, tables, f) for f, _ in wrong}
            listed = "；".join(f"{f.what} 写的是 {L.number_text(n)}，表格为 {L.number_text(shown[f.what])}" for f, n in wrong)
            keys = list(dict.fromkeys(k for f, _ in wrong for k in f.keys))
            ctx.emit(
                "text-generated-outdated",
                f"这句是按表三生成的标准句子，但表格改动后数字已不一致：{listed}。请重新生成"
                f"（disclosure new --data 本文件 --sentences -o 新文件.xlsx 会改写这句），或按表格改正：“{w.text}”",
                [ctx.text_ref(para.section, para.number, w.text)] + [ctx.cell_ref(k) for k in keys],
                written={f.what: n for f, n in wrong},
                table=shown,
            )


def _figure_shown(ctx: Context, tables: _Tables, figure) -> int | float | None:
    """What the tables say for a figure: what the generator would write (totals from their
    parts), else the cells as typed."""
    from .. import sentences as S

    v = S.figure_value(ctx.report, figure)
    return v if v is not None else tables.total(list(figure.keys))


# --- sections ------------------------------------------------------------------------------


def _empty_sections(ctx: Context) -> None:
    fmt = ctx.fmt
    for s in fmt.sections:
        if s.table is not None:
            continue
        paras = ctx.report.sections.get(s.id, [])
        fee = fmt.id in _FEE_FORMATS and s.id == "6"
        if not any(p.text.strip() for p in paras):
            extra = "；2021 版格式要求在此报告信息处理费收取情况，未收取也应写明" if fee else "；没有需要报告的事项也应写明“无”"
            ctx.emit(
                "section-empty",
                f"“{s.heading}”没有正文{extra}",
                [ctx.text_ref(s.id, 0, "")],
                section=s.id,
            )
        elif fee and not any(_FEE.search(p.text) for p in paras):
            first = next(p.text for p in paras if p.text.strip())
            ctx.emit(
                "fee-not-reported",
                f"“{s.heading}”没有说明信息处理费的收取情况（未收取也应写明，如“本年度未收取信息处理费”）",
                [ctx.text_ref(s.id, 1 + [p.text for p in paras].index(first), _Para(s.id, 1, first).sentence_at(0))],
                section=s.id,
            )


def _other_years(ctx: Context) -> None:
    year = ctx.report.year
    if year is None:
        return
    for para in _paragraphs(ctx):
        if para.section not in _YEAR_SECTIONS:
            continue
        for a, b in para.spans:
            sentence = para.text[a:b]
            years = _suspicious_years(sentence, year)
            if years:
                quote = sentence.strip()
                ctx.emit(
                    "text-year-other",
                    f"“{L.section_name(ctx.fmt, para.section)}”中提到"
                    f"{'、'.join(f'{y}年' for y in years)}，本报告为 {year} 年度，请核对：“{quote}”",
                    [ctx.text_ref(para.section, para.number, quote)],
                    years=years,
                    year=year,
                )
    intro = ctx.report.meta.get("intro", "")
    years = _suspicious_years(intro, year, dates_ok=False) if intro else []
    if years:
        spans = _Para("intro", 0, intro)
        quote = next(
            (intro[a:b].strip() for a, b in spans.spans if _suspicious_years(intro[a:b], year, dates_ok=False)), intro.strip()
        )
        ctx.emit(
            "text-year-other",
            f"报告说明中出现{'、'.join(f'{y}年' for y in years)}，本报告为 {year} 年度，请核对统计期限：“{quote}”",
            [dict(ctx.field_ref("meta.intro", intro), quote=quote)],
            years=years,
            year=year,
        )


def _suspicious_years(sentence: str, year: int, *, dates_ok: bool = True) -> list[int]:
    """The years of ``sentence`` used as if they were the report's own period. ``dates_ok``:
    a full date is a document's or an event's (not in the 统计期限 of the opening paragraph)."""
    masked = _BOOK_TITLE.sub(lambda m: " " * len(m.group()), sentence)
    masked = _YEAR_RANGE.sub(lambda m: " " * len(m.group()), masked)
    out: list[int] = []
    for m in _YEAR.finditer(masked):
        y = int(m.group(1))
        if y == year or y in out:
            continue
        before = masked[: m.start()]
        after = masked[m.end(1) :]
        if _YEAR_OK_BEFORE.search(before) and not (not dates_ok and _YEAR_DATE.match(after)):
            continue
        if _YEAR_OK_AFTER.match(after) or (dates_ok and _YEAR_DATE.match(after)):
            continue
        if y in (year - 1, year, year + 1) and _YEAR_BUDGET.match(after):
            continue
        if y == year + 1 and _YEAR_NEXT_BEFORE.search(before):
            continue
        if "施行" in masked and re.match(r"^\s*年\s*\d{1,2}\s*月", after):
            continue  # the date a law took effect
        out.append(y)
    return out


# --- numbers and statements -------------------------------------------------------------------


class _Claims:
    def __init__(self, ctx: Context, tables: _Tables, para: _Para):
        self.ctx = ctx
        self.t = tables
        self.para = para
        self.text = para.text
        self.used: list[tuple[int, int]] = []

    # helpers

    def _free(self, m: re.Match) -> bool:
        a, b = m.span()
        if any(a < y and x < b for x, y in self.used):
            return False
        self.used.append((a, b))
        return True

    def _describe(self, keys) -> str:
        """The cells as the table shows them; a total left blank or not adding up is shown with
        what its parts add up to (the text is compared with both)."""
        fmt, report = self.ctx.fmt, self.ctx.report
        parts, sums, recomputed = [], [], False
        for k in keys:
            typed = self.ctx.value(k)
            cell = report.cells.get(k)
            shown = "空白" if cell is None or cell.state == V.BLANK else L.number_text(typed)
            parts_sum = self.ctx.parts(k) if k in fmt.definitions else typed
            if parts_sum is not None and (shown == "空白" or abs(parts_sum - typed) > 1e-9):
                shown += f"（各项相加为 {L.number_text(parts_sum)}）"
                recomputed = True
            parts.append(f"{L.cell_short(fmt, k)} {shown}")
            sums.append(parts_sum if parts_sum is not None else typed)
        total = sum(sums) if recomputed else self.t.total(keys)
        return " + ".join(parts) + (f" = {L.number_text(total)}" if len(keys) > 1 else "")

    def _ref(self, pos: int) -> dict:
        return self.ctx.text_ref(self.para.section, self.para.number, self.para.sentence_at(pos))

    def _number(self, m: re.Match, what: str, alternatives: list[list[F.CellKey]], *, unsure=False, also=()):
        """Compare the number of ``m`` with each alternative sum of cells (and with what their
        parts add up to); report when none fits. ``also``: other readings of an ambiguous word
        that make the number right too (not named in the message)."""
        n = _num(m.group("n"))
        fits = []
        for keys in alternatives:
            total = self.t.total(keys)
            if total is None:
                return  # a cell holds text: the sum is unknown
            fits.append(total)
        accepted = [v for keys in alternatives + list(also) for v in self.t.readings(keys)]
        if any(abs(n - v) < 1e-9 for v in accepted):
            return
        sentence = self.para.sentence_at(m.start())
        unsure = unsure or bool(_SCOPE.search(sentence))
        described = "；或 ".join(self._describe(keys) for keys in alternatives)
        keys = list(dict.fromkeys(k for alt in alternatives for k in alt))
        ctx = self.ctx
        ctx.emit(
            "text-number-unsure" if unsure else "text-number-mismatch",
            f"正文“{m.group().strip()}”写的是 {L.number_text(n)}，表格中{what}为 {described}"
            f"{'（统计口径可能不同，请核对）' if unsure else ''}：“{sentence}”",
            [self._ref(m.start())] + [ctx.cell_ref(k) for k in keys],
            quoted=n,
            table=fits,
        )

    def _amount_text(self, key: F.CellKey) -> str:
        amount = self.ctx.amount(key)
        note = "（按各项之和计）" if amount != self.ctx.value(key) else ""
        return L.number_text(amount) + note

    def _contradiction(self, m: re.Match, message: str, keys) -> None:
        ctx = self.ctx
        sentence = self.para.sentence_at(m.start())
        ctx.emit(
            "text-contradicts-table",
            f"正文写“{m.group().strip()}”，但{message}：“{sentence}”",
            [self._ref(m.start())] + [ctx.cell_ref(k) for k in keys],
        )

    def _sentence(self, m: re.Match) -> str:
        return self.para.sentence_at(m.start())

    # the rules

    def run(self) -> None:
        self._statements()
        self._categories()
        self._received_done_carry()
        self._reviews()
        self._document_counts()

    def _received_done_carry(self) -> None:
        t = self.t
        row_new, row_prev, row_next, total_row = R.NEW, R.CARRIED_OVER, R.CARRIED_FORWARD, R.RESULTS_TOTAL
        for m in re.finditer(rf"(?:上一?年度?)结转{_FILL}{{0,10}}?(?P<n>\d+)\s*件", self.text):
            if self._free(m):
                self._number(m, "上年结转", [[t.key3(row_prev)]])
        for m in re.finditer(
            rf"结转(?:至|到)?下一?年度?(?:继续办理)?{_FILL}{{0,8}}?(?P<n>\d+)\s*件"
            rf"|(?P<n2>\d+)\s*件{_FILL}{{0,10}}?(?:结转|顺延|转入|转)(?:至|到)?下一?年度?",
            self.text,
        ):
            if self._free(m):
                m = _Match(m, n=m.group("n") or m.group("n2"))
                self._number(m, "结转下年度", [[t.key3(row_next)]])
        for m in re.finditer(rf"结转{_FILL}{{0,10}}?(?P<n>\d+)\s*件", self.text):
            if self._free(m):
                self._number(m, "结转", [[t.key3(row_prev)], [t.key3(row_next)]], unsure=True)
        for m in re.finditer(
            rf"(?:收到|受理|接收|新收){_FILL}{{0,14}}?申请{_FILL}{{0,6}}?(?P<n>\d+)\s*(?:件|条)", self.text
        ):
            if re.search("复议|诉讼", m.group()) or _HOTLINE.search(self._sentence(m)):
                continue
            if self._free(m):
                self._number(
                    m, "新收申请", [[t.key3(row_new)], [t.key3(row_new), t.key3(row_prev)]]
                )
        for m in re.finditer(rf"(?:办结|答复|办理完毕){_FILL}{{0,8}}?(?P<n>\d+)\s*件", self.text):
            sentence = self._sentence(m)
            if "申请" not in sentence or _HOTLINE.search(sentence) or re.search("复议|诉讼", m.group()):
                continue
            if self._free(m):
                self._number(m, "办理结果总计", [[t.key3(total_row)]])

    def _document_counts(self) -> None:
        """The documents of 表二 the text counts: “制发行政规范性文件9件”, “废止规范性文件6件”,
        “现行有效的规范性文件16件”, “制发规范性文件34件，现行有效件数424件”. 发布 may mean put
        online, and a 现行有效 count is often the whole 文件库's: both only warn. A sentence with
        another year, or counting over years (历年, 累计, 以来), is not compared."""
        ctx, fmt, text = self.ctx, self.ctx.fmt, self.text
        rows, what = _documents()
        count = r"(?:共|共计|合计|计|为)?\s*(?P<n>\d+)\s*(?:件|份|个)"
        year = ctx.report.year
        patterns = (  # what the text says, the column of 表二, whether it only warns
            (rf"(?:制发|制定|印发|出台)了?(?P<what>{what}){count}", R.ISSUED, False),
            (rf"发布了?(?P<what>{what}){count}", R.ISSUED, True),
            (rf"(?:废止|宣布失效)了?(?P<what>{what}){count}", R.REPEALED, False),
            (rf"现行有效的?(?P<what>{what}){count}", R.IN_FORCE, True),
            (rf"(?P<what>{what})现行有效(?:件数|数量)?{count}", R.IN_FORCE, True),
        )
        found = [(m, column, unsure) for pattern, column, unsure in patterns for m in re.finditer(pattern, text)]
        for m in re.finditer(rf"现行有效(?:件数|数量){count}", text):  # of the documents named before it
            sentence = self._sentence(m)
            named = re.findall(what, sentence[: sentence.find(m.group())])
            if named:
                found.append((_Match(m, what=named[-1]), R.IN_FORCE, True))
        for m, column, unsure in sorted(found, key=lambda x: x[0].start()):
            role = rows[m.group("what")]
            sentence = self._sentence(m)
            years = {int(y) for y in _YEAR.findall(_BOOK_TITLE.sub("", sentence))}
            if (year is not None and years - {year}) or re.search(r"历年|累计|以来", sentence):
                continue
            if not fmt.has(role, column):
                continue
            key = fmt.key(role, column)
            if self._free(m):
                self._number(m, L.column_label(fmt, key), [[key]], unsure=unsure)

    def _reviews(self) -> None:
        t = self.t
        review = t.t4_keys(F.REVIEW_GROUPS)
        litigation = t.t4_keys(F.LITIGATION)
        unit = r"\s*(?:件|起|宗)"
        for m in re.finditer(rf"行政复议(?:[和及与、]|以及)(?:行政)?诉讼{_FILL}{{0,8}}?(?P<n>\d+){unit}", self.text):
            if self._free(m):
                self._number(m, "行政复议和行政诉讼总计", [review + litigation])
        for m in re.finditer(rf"行政复议[^{_STOP}\d%％诉讼]{{0,8}}?(?P<n>\d+){unit}", self.text):
            if self._free(m):
                self._number(m, "行政复议总计", [review])
        for m in re.finditer(rf"(?:行政诉讼|行政应诉)[^{_STOP}\d%％复议]{{0,8}}?(?P<n>\d+){unit}", self.text):
            if self._free(m):
                self._number(m, "行政诉讼总计", [litigation])
        # 其中结果维持 N 件…: the groups are those of the nearest 行政复议 / 诉讼 before it.
        names = {c.label: c for c in t.fmt.columns_of(R.REVIEW) if not c.total}
        alt = "|".join(re.escape(label) for label in names)
        for m in re.finditer(rf"(?P<label>{alt}){_FILL}{{0,3}}?(?P<n>\d+){unit}", self.text):
            before = self.text[: m.start()]
            r, lit = before.rfind("行政复议"), before.rfind("诉讼")
            if r < 0 and lit < 0:
                continue
            groups, what = (F.REVIEW_GROUPS, "行政复议") if r > lit else (F.LITIGATION, "行政诉讼")
            keys = t.t4_keys(groups, names[m.group("label")].role)
            if self._free(m):
                self._number(m, f"{what}{m.group('label')}", [keys])

    def _categories(self) -> None:
        t = self.t
        cats = t.categories
        words = {**{w: cats[short] for w, short in _SYNONYMS.items() if short in cats}, **cats}
        alt = "|".join(re.escape(n) for n in sorted(words, key=len, reverse=True))
        total_key = t.key3(R.RESULTS_TOTAL)
        pattern = (
            rf"(?<![不未部])(?P<names>(?:{alt})(?:(?:和|及|与|、|以及)(?:{alt}))*)"
            rf"{_FILL}{{0,6}}?(?P<n>\d+(?:\.\d+)?)\s*(?P<u>件|%|％)"
        )
        for m in re.finditer(pattern, self.text):
            names = re.findall(alt, m.group("names"))
            rows = list(dict.fromkeys(words[n] for n in names))
            keys = [k for row in rows for k in t.category_keys(row)]
            if not self._free(m):
                continue
            what = "、".join(row.short for row in rows)
            if m.group("u") == "件":
                # 依申请公开答复 N 件 may be every answer: the 总计 makes it right too.
                loose = [[total_key]] if any(n in _LOOSE_SYNONYMS for n in names) else []
                self._number(m, what, [keys], also=loose, unsure=bool(loose))
                continue
            total = t.total(keys)
            whole = self.ctx.value(total_key)
            if total is None or not whole:
                continue
            share = total / whole * 100
            decimals = len(m.group("n").split(".")[1]) if "." in m.group("n") else 0
            if abs(share - float(m.group("n"))) <= 10 ** (-decimals) + 1e-9:
                continue
            ctx = self.ctx
            sentence = self._sentence(m)
            ctx.emit(
                "text-number-unsure",
                f"正文“{m.group().strip()}”，按表格计算{what}占办理结果总计的比例为 "
                f"{L.number_text(total)} ÷ {L.number_text(whole)} = {share:.{max(decimals, 1)}f}%，请核对：“{sentence}”",
                [self._ref(m.start())] + [ctx.cell_ref(k) for k in keys + [total_key]],
                quoted=float(m.group("n")),
                table=round(share, 4),
            )

    def _statements(self) -> None:
        t = self.t
        ctx = self.ctx
        text = self.text
        # 没有收到…申请 while 新收 > 0
        new_total = t.key3(R.NEW)
        for m in _NO_APPLICATION.finditer(text):
            clause = re.split(rf"[{_STOP}]", text[m.start():])[0]
            if re.search("复议|诉讼", clause) or _NOT_RECEIVED_ABOUT.search(clause):
                continue
            if _HOTLINE.search(self._sentence(m)):
                continue
            v = ctx.amount(new_total)
            if v and self._free(m):
                self._contradiction(m, f"表三{L.cell_short(ctx.fmt, new_total)}为 {self._amount_text(new_total)}", [new_total])
        # 均已办结 while 结转下年度 > 0
        next_total = t.key3(R.CARRIED_FORWARD)
        for m in _ALL_DONE.finditer(text):
            sentence = self._sentence(m)
            if "上年" in sentence or _HOTLINE.search(sentence) or re.search("复议|诉讼", sentence):
                continue
            v = ctx.amount(next_total)
            if v and self._free(m):
                self._contradiction(m, f"表三{L.cell_short(ctx.fmt, next_total)}为 {self._amount_text(next_total)}", [next_total])
        # 均获维持 while 结果纠正 / 尚未审结 > 0
        not_upheld = (R.CORRECTED, R.PENDING)  # 结果纠正, 尚未审结
        for m in _ALL_UPHELD.finditer(text):
            sentence = self._sentence(m)
            before = text[: m.start()]
            named = [word for word, _ in _CASES if word in sentence]
            if not named:  # the nearest case named before it in the paragraph
                r, lit = before.rfind("复议"), before.rfind("诉讼")
                named = [] if r < 0 and lit < 0 else (["复议"] if r > lit else ["诉讼"])
            keys = [
                k
                for word, groups in _CASES
                if word in named
                for g in groups
                for c in not_upheld
                for k in t.t4_keys((g,), c)
                if ctx.value(k)
            ]
            if keys and self._free(m):
                self._contradiction(
                    m, "表四" + "、".join(f"{L.cell_short(ctx.fmt, k)}为 {L.number_text(ctx.value(k))}" for k in keys), keys
                )
        # 未发布规范性文件 / 规章 while 表二 shows some
        doc_rows, alt = _documents()
        for m in re.finditer(rf"(?:没有|未|无)(?:制定|制发|发布|出台|印发)(?:过|任何)*(?P<what>{alt})", text):
            role = doc_rows[m.group("what")]
            if not ctx.fmt.has(role, R.ISSUED):
                continue
            key = ctx.fmt.key(role, R.ISSUED)
            v = ctx.value(key)
            if v and self._free(m):
                self._contradiction(m, f"表二{L.cell_short(ctx.fmt, key)}为 {L.number_text(v)}", [key])
        # 没有…行政复议、诉讼 while 表四 totals > 0
        for m in re.finditer(rf"(?:没有|未|无)(?!法)(?:发生|出现|产生|收到)?{_FILL}{{0,12}}?(?:行政复议|复议|诉讼)", text):
            sentence = self._sentence(m)
            clause = re.split(rf"[{_STOP}]", text[m.start():])[0]
            if _NOT_OUTCOME.search(clause):
                continue
            keys = [k for word, groups in _CASES if word in clause for k in t.t4_keys(groups) if ctx.amount(k)]
            if keys and self._free(m):
                self._contradiction(
                    m, "表四" + "、".join(f"{L.cell_short(ctx.fmt, k)}为 {self._amount_text(k)}" for k in keys), keys
                )
        # 没有不予公开… while that category > 0
        cats = t.categories
        alt = "|".join(re.escape(n) for n in sorted(cats, key=len, reverse=True))
        for m in re.finditer(rf"(?:没有|未|无)(?:出现|发生)?(?P<name>{alt})", text):
            keys = t.category_keys(cats[m.group("name")])
            v = t.total(keys)
            if v and self._free(m):
                self._contradiction(m, f"表三{m.group('name')}合计为 {L.number_text(v)}", keys)


class _Match:
    """A match with some groups read elsewhere: the number of “N件结转至下年度” in ``n2``, the
    documents of “现行有效件数N件” named earlier in its sentence."""

    def __init__(self, m: re.Match, **groups: str):
        self._m, self._groups = m, groups

    def group(self, name=0):
        return self._groups[name] if name in self._groups else self._m.group(name)

    def start(self):
        return self._m.start()

    def span(self):
        return self._m.span()


# --- lists of parts under “其中” ------------------------------------------------------------


def _top_level(text: str) -> tuple[str, list[tuple[int, int]], int]:
    """``text`` up to the closing bracket that ends it (or its end) without the brackets inside
    it; the spans of those brackets' contents; where it ends."""
    kept, inner, depth, start = [], [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
            start = i + 1 if depth == 1 else start
        elif ch in "）)":
            if depth == 0:
                return "".join(kept), inner, i
            depth -= 1
            if depth == 0:
                inner.append((start, i))
        elif depth == 0:
            kept.append(ch)
    return "".join(kept), inner, len(text)


def _pieces(top: str) -> list[str]:
    """``top`` split at 、 and ，; a piece without a digit is part of the next one's label
    (“政策、规范性文件类信息80条”)."""
    out, label = [], ""
    for piece in re.split(r"([、，,])", top):
        if piece in "、，,":
            continue
        if not any(c.isdigit() for c in piece):
            label += piece + "、"
            continue
        out.append(label + piece)
        label = ""
    return out


def _sum_over(total: float, unit: str, top: str) -> float | None:
    """What the parts listed in ``top`` add up to, when they are at least two and more than ``total``."""
    parts = []
    for piece in _pieces(top):
        m = _PART.match(piece.strip())
        if not m or m["u"] != unit or _NOT_PART.search(m["label"]):
            break
        parts.append(float(m["n"]))
    return sum(parts) if len(parts) >= 2 and sum(parts) > total + 1e-9 else None


def _lists(text: str):
    """(total, unit, what its parts add up to, the words of the list, where they start and end)
    for each “其中” list in ``text`` whose parts add up to more than its total; a bracketed list
    inside it (“55条（涵盖……）”) is checked against the part before it."""
    for m in _TOTAL.finditer(text):
        rest = text[m.end(): m.end() + _LIST_SPAN]
        if not m["open"]:  # the list ends with its sentence, or where another “其中” starts
            ends = [i for i in (rest.find(c) for c in ("。", "；", ";", "其中")) if i >= 0]
            rest = rest[: min(ends, default=len(rest))]
        top, inner, end = _top_level(rest)
        added = _sum_over(float(m["n"]), m["u"], top)
        if added is not None:
            stop = m.end() + end + (1 if m["open"] else 0)
            yield float(m["n"]), m["u"], added, text[m.start(): stop], m.start(), stop
        for a, b in inner:
            sub = _SUBLIST.match(rest[a:b])
            head = re.search(rf"(\d+(?:\.\d+)?)\s*({_UNITS})\s*[（(]$", rest[:a])
            if sub and head:
                added = _sum_over(float(head[1]), head[2], _top_level(rest[a + sub.end(): b])[0])
                if added is not None:
                    yield float(head[1]), head[2], added, rest[head.start(): b + 1], m.end() + head.start(), m.end() + b + 1


def _parts_over_total(ctx: Context, over: list) -> None:
    """One ``text-parts-exceed-total`` for the lists ``_lists`` found that no rule comparing the
    text with the tables has judged (a number of 表三 written wrong is that rule's finding)."""
    if not over:
        return
    shown = "；".join(
        f"“{q if len(q) <= 40 else q[:38] + '……'}”各项相加为 {L.number_text(a)} {u}，多于总数 {L.number_text(t)} {u}"
        for _, t, u, a, q, *_ in over[:3]
    )
    ctx.emit(
        "text-parts-exceed-total",
        f"正文中有 {len(over)} 处“其中”所列各项之和大于总数：{shown}{'等' if len(over) > 3 else ''}；"
        "请核对各项和总数（若各项口径有交叉，如同一信息在多个渠道发布，可不改）",
        [ctx.text_ref(p.section, p.number, p.sentence_at(start)) for p, *_, start, _ in over],
        lists=[{"total": t, "unit": u, "sum": a} for _, t, u, a, *_ in over],
    )
