"""The standard sentences about applications, written from a report's own tables.

``application_sentences(report, scope)`` gives the sentences of 一、总体情况 (and 三) that
repeat 表三's figures ("全区各级行政机关共新收政府信息公开申请X件，上年结转Y件；办结Z件，其中予以
公开A件……；结转下年度继续办理W件。"): text written from the data cannot disagree with the
tables. ``rollup`` writes them into the roll-up's 正文, ``new --data`` can pre-write them, and
``is_generated(report, text)`` tells a checker that a paragraph is exactly what this generator
writes for the report's data (so its numbers agree with the tables by construction).

The sentences are ``templates`` (fixed words around figures, each figure the 表三 cells it sums),
so the same description writes them (``application_sentences``) and recognises them whatever
their numbers (``find_written``): ``check`` reports a sentence with the generator's exact words
whose numbers no longer fit the tables (they were changed after it was written) as
``text-generated-outdated``, and ``prefill`` rewrites it in place.

How generated text is marked: the roll-up puts a comment on the 正文 cell (``GENERATED_NOTE``),
``new --data --sentences`` writes the plain sentence; the reader keeps neither, so the certain
signal ``check`` has is the sentence itself — its exact wording and place of every number.

Every row and column is named by its role (``formats.Role``); nothing is typed again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import formats as F
from .model import Report

R = F.Role
GENERATED_NOTE = "此段由 disclosure 根据表三数据自动生成，数字与表格一致；改动表格后请重新生成，不要手工修改数字。"
_SCOPE_MAX = 30


@dataclass(frozen=True)
class Figure:
    """One number of a generated sentence: what it is called in messages and the 表三 cells it
    sums (the leaves of a group of rows)."""

    what: str
    keys: tuple[F.CellKey, ...]


@dataclass(frozen=True)
class Template:
    """A generated sentence: ``pieces`` of fixed text around its ``figures``
    (``len(pieces) == len(figures) + 1``); ``scoped``: the sentence starts with a scope
    (本机关, 全区各级行政机关) before ``pieces[0]``."""

    pieces: tuple[str, ...]
    figures: tuple[Figure, ...]
    scoped: bool

    def render(self, values) -> str:
        out = [self.pieces[0]]
        for v, piece in zip(values, self.pieces[1:]):
            out += [_n(v), piece]
        return "".join(out)

    @cached_property
    def pattern(self) -> re.Pattern:
        body = r"(\d+(?:\.\d+)?)".join(re.escape(p) for p in self.pieces)
        scope = rf"(?P<scope>[^，。；,;！？!?\s]{{0,{_SCOPE_MAX}}})" if self.scoped else ""
        return re.compile(rf"(?:(?<=^)|(?<=[。！？!?\s])){scope}{body}")


def _figure(fmt: F.Format, what: str, row_role: F.Role, column_role: F.Role = R.TOTAL) -> Figure | None:
    if not fmt.has(row_role, column_role):
        return None
    keys = tuple(fmt.leaf_keys(row_role, column_role)) if fmt.row_of(row_role).group else (fmt.key(row_role, column_role),)
    return Figure(what, keys)


def templates(fmt: F.Format) -> list[Template]:
    """The sentences this generator writes for a report of ``fmt``: the applications sentence
    (一、总体情况) and the applicants sentence (the section of 表三), named from the format."""
    return _templates(fmt.id)


@lru_cache(maxsize=None)  # one list per format, made once per process
def _templates(format_id) -> list[Template]:
    fmt = F.FORMATS[format_id]
    out = []
    new, carried, done, forward = (
        _figure(fmt, what, role)
        for what, role in (("新收", R.NEW), ("上年结转", R.CARRIED_OVER), ("办结", R.RESULTS_TOTAL), ("结转下年度", R.CARRIED_FORWARD))
    )
    cats = [_figure(fmt, row.short or row.label, row.role) for row in fmt.categories]
    if None not in (new, carried, done, forward) and None not in cats:
        names = [row.short or row.label for row in fmt.categories]
        pieces = ["共新收政府信息公开申请", "件，上年结转", "件；办结", f"件，其中{names[0]}"]
        pieces += [f"件、{name}" for name in names[1:]]
        pieces += ["件；结转下年度继续办理", "件。"]
        out.append(Template(tuple(pieces), (new, carried, done, *cats, forward), True))
    natural = _figure(fmt, "自然人提出", R.NEW, R.NATURAL_PERSON)
    legal = [_figure(fmt, "", R.NEW, role) for role in F.LEGAL_PERSON if fmt.has(R.NEW, role)]
    if natural is not None:
        legal_fig = Figure("法人或其他组织提出", tuple(k for f in legal for k in f.keys))
        out.append(Template(("本年新收申请中，自然人提出", "件，法人或其他组织提出", "件。"), (natural, legal_fig), False))
    return out


def figure_value(report: Report, figure: Figure) -> int | float | None:
    """What the generator writes for ``figure``: the sum of its cells, totals computed from
    their parts (None when a cell holds text other than a number with its unit, “7件”)."""
    total = 0
    for key in figure.keys:
        v = report.computed(key, text=None)
        if v is None:
            return None
        total += v
    return total


def _n(v: int | float) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _render(report: Report, template: Template) -> str | None:
    """The sentence (after its scope) for ``report``'s data; None when a figure is unknown (a
    cell of 表三 holds text)."""
    values = [figure_value(report, f) for f in template.figures]
    if any(v is None for v in values):
        return None
    return template.render(values)


def _application_body(report: Report) -> str | None:
    """The sentence after its scope (``共新收…``), or None when a figure is unknown."""
    t = [t for t in templates(report.format) if t.scoped]
    return _render(report, t[0]) if t else None


def _applicant_body(report: Report) -> str | None:
    t = [t for t in templates(report.format) if not t.scoped]
    return _render(report, t[0]) if t else None


@dataclass(frozen=True)
class Written:
    """A sentence of a paragraph that has a generated sentence's shape: where it is, its scope,
    and each figure with the number written."""

    start: int
    end: int
    text: str
    scope: str
    numbers: tuple[tuple[Figure, int | float], ...]


def find_written(report: Report, text: str) -> list[Written]:
    """The sentences of ``text`` that have exactly the shape of a generated sentence (the fixed
    words of ``templates``, numbers in their places), whatever the numbers."""
    out = []
    for t in templates(report.format):
        if t.pieces[0] not in text:  # the fixed words every such sentence holds
            continue
        for m in t.pattern.finditer(text):
            nums = [float(x) for x in m.groups()[1 if t.scoped else 0 :]]
            numbers = tuple((f, int(v) if v.is_integer() else v) for f, v in zip(t.figures, nums))
            scope = m.group("scope") if t.scoped else ""
            out.append(Written(m.start(), m.end(), m.group(), scope, numbers))
    return sorted(out, key=lambda w: w.start)


def scopes(report: Report) -> tuple[str, ...]:
    """The scopes this generator writes for ``report``: ``本机关`` (``new --data``) and the
    area's (``scope_of``, the roll-up of that 机关)."""
    return tuple(dict.fromkeys(("本机关", scope_of(report.org))))


def application_sentences(report: Report, scope: str = "本机关") -> list[str]:
    """The generated paragraphs (empty when a figure of 表三 is not a number)."""
    body = _application_body(report)
    if body is None:
        return []
    out = [f"{scope}{body}"]
    applicants = _applicant_body(report)
    if applicants is not None:
        out.append(applicants)
    return out


def scope_of(org: str) -> str:
    """How a roll-up names its area: 某某市某某区人民政府 → 全区各级行政机关."""
    name = re.sub(r"(人民政府|政府|办公室|办公厅)+$", "", org or "")
    for suffix in ("自治州", "自治县", "街道", "区", "县", "市", "州", "盟", "旗", "镇", "乡", "省"):
        if name.endswith(suffix):
            return f"全{suffix}各级行政机关"
    return "各单位"


def is_generated(report: Report, text: str) -> bool:
    """Whether ``text`` is exactly a sentence this generator writes for ``report``'s data
    (with any short scope before ``共新收``)."""
    text = text.strip()
    body = _application_body(report)
    if body is not None and text.endswith(body):
        scope = text[: -len(body)]
        if len(scope) <= _SCOPE_MAX and not re.search(r"[，。；,;]", scope):
            return True
    applicants = _applicant_body(report)
    return applicants is not None and text == applicants


def prefill(report: Report, scope: str = "本机关") -> bool:
    """Add the generated sentences to ``report`` (for ``new --data``): the application sentence
    at the end of 一、总体情况, the applicants sentence in the section of 表三 — each only where no
    paragraph already is a generated one (idempotent). A paragraph that is a generated sentence
    whose numbers no longer fit the tables (the tables were changed after it was written) is
    rewritten in place. Returns whether anything was added or rewritten."""
    from .model import Paragraph

    fmt = report.format
    made = application_sentences(report, scope)
    if not made:
        return False
    t3_section = next(s.id for s in fmt.sections if s.table == fmt.table_of(R.NEW).id)
    changed = False
    for section, text in zip((fmt.sections[0].id, t3_section), made):
        paras = report.sections.setdefault(section, [])
        if any(is_generated(report, p.text) for p in paras):
            continue
        stale = next((i for i, p in enumerate(paras) if _outdated_copy(report, p.text, text)), None)
        if stale is not None:
            paras[stale] = Paragraph(text, paras[stale].source)
        else:
            paras.append(Paragraph(text))
        changed = True
    return changed


def _outdated_copy(report: Report, paragraph: str, fresh: str) -> bool:
    """``paragraph`` is, whole, a sentence of the same template and scope as ``fresh`` (with
    other numbers)."""
    p = paragraph.strip()
    mine = find_written(report, fresh)
    if not mine:
        return False
    return any(
        w.start == 0 and w.end == len(p) and w.scope == mine[0].scope and w.numbers[0][0] == mine[0].numbers[0][0]
        for w in find_written(report, p)
    )
