"""How the report is written — the rules real reviewers apply that do not need the tables: the
title's form, the signature date, numbering of sub-headings, doubled words, brackets without
their pair, half-width punctuation, a section 五 with nothing in it, a section 六 repeating the
signature.

Each rule is a warning or an info (never an error: wording can always be argued); each counts
or groups what it finds in one finding, not one per place."""

from __future__ import annotations

import datetime as dt
import re

from .. import formats as F
from ..deadlines import cn_date, deadline_of, parse_date
from . import labels as L
from .context import Context

_TITLE_TAIL = "政府信息公开工作年度报告"
# The CJK Unified Ideographs (U+4E00–U+9FFF). Tested in Python, not in a regular expression:
# ``re`` builds a 64K-entry map to compile a class this wide (≈ 1.5 ms for every pattern holding
# it, paid by every ``disclosure check`` at start-up).
def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# A two-to-four-character word written twice back to back (“资金资金”). Reduplications that are
# correct Chinese (AABB 认认真真, 一一, 常常) are single characters repeated and do not match.
_DOUBLED = re.compile(r"(\w{2,4})\1")  # then kept only when the word is all 汉字 (``_doubled``)
# Correct doubled phrases seen in reports (“研究研究” is colloquial but not a slip).
_DOUBLED_OK = {"研究", "看看", "一一", "讨论"}
# “的的” (统一的的网站界面): the one single character whose doubling is a common slip and
# almost never correct. Not a slip: 的的确确 and 的 + 的确 (有的的确…), and a word ending in 的
# followed by the particle (目的的, 标的的, 端的的).
_DOUBLED_DE = re.compile(r"(?<![目标端])的的(?!确)")
# Half-width , ; : ? ! between two Chinese characters; a straight double quote next to one
# (通过"线上+线下"结合: Chinese text quotes with “”).
_HALF_MARK = re.compile(r'[,;:?!"]')  # kept only next to 汉字 (``_half_width``)
_CN = "一二三四五六七八九十"
# Brackets that come in pairs (either width): a closing one without its opening, or an opening one
# never closed, within a paragraph (“《…的通知》国办函〔2020〕109号）规定”).
_PAIRS = {"）": "（", ")": "(", "》": "《", "〕": "〔", "】": "【"}
_OPENING = {v: k for k, v in _PAIRS.items()}
# A list item numbered with only a closing bracket (“1）加强…；2）完善…”, “a)”) is not a slip.
_ITEM_MARK = re.compile(r"(?:^|[\s。；;，,：:、])(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2})$")
_LEVEL1 = re.compile(rf"^\s*([{_CN}]+)、")
_LEVEL2 = re.compile(rf"^\s*[（(]([{_CN}]+)[）)]")
_SIGN_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_SECTION5_MIN = 6  # fewer characters than this (without punctuation) say nothing
_PUNCT = re.compile(r"[\s，,。．.；;：:、！!？?“”\"'（）()]")


def _cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (sub-heading numbers)."""
    digits = {c: i + 1 for i, c in enumerate(_CN[:9])}
    if text == "十":
        return 10
    if "十" in text:
        a, _, b = text.partition("十")
        return (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    return digits.get(text, 0)


def check(ctx: Context) -> None:
    _title(ctx)
    _signed(ctx)
    _numbering(ctx)
    _doubled(ctx)
    _brackets(ctx)
    _half_width(ctx)
    _section_five(ctx)
    _section_six_signature(ctx)


def _paragraphs(ctx: Context):
    for s in ctx.fmt.sections:
        for i, p in enumerate(ctx.report.sections.get(s.id, []), start=1):
            yield s.id, i, p.text


def _title(ctx: Context) -> None:
    r = ctx.report
    title = (r.meta.get("title") or "").strip()
    if not title or r.year is None:
        return
    norm = F.normalize_label(title)
    problems = []
    if not norm.endswith(_TITLE_TAIL):
        if norm.endswith("政府信息公开年度报告"):
            problems.append("少了“工作”二字")
        else:
            problems.append(f"不是以“{_TITLE_TAIL}”结尾")
    if not re.search(r"(?:19|20)\d{2}", norm):  # another year: title-year-mismatch says so
        problems.append(f"没有写报告年度 {r.year}")
    org = F.normalize_label(r.org)
    if org and org not in norm:
        problems.append(f"没有写机关名称“{r.org}”（或写的是另一个名称）")
    if problems:
        ctx.emit(
            "title-form",
            f"标题“{title}”{'；'.join(problems)}；应为“{r.org}{r.year}年{_TITLE_TAIL}”的形式",
            [ctx.field_ref("meta.title", title)],
            problems=problems,
        )


def _signed(ctx: Context) -> None:
    """The date under the signature (``meta.signed``, when the data has one)."""
    r = ctx.report
    text = (r.meta.get("signed") or "").strip()
    if not text or r.year is None:
        return
    signed = parse_date(text)
    if signed is None:
        return
    if signed < dt.date(r.year + 1, 1, 1):
        ctx.emit(
            "signed-early",
            f"落款日期 {cn_date(signed)} 早于 {r.year} 年度结束，年度报告应在年度结束后成文，请核对年份",
            [ctx.field_ref("meta.signed", text)],
            signed=signed.isoformat(),
        )
        return
    due = deadline_of(r)
    if due is not None and signed > due.date:
        ctx.emit(
            "signed-late",
            f"落款日期 {cn_date(signed)} 晚于公开期限 {cn_date(due.date)}（{due.basis}）",
            [ctx.field_ref("meta.signed", text)],
            signed=signed.isoformat(),
            deadline=due.date.isoformat(),
        )


def _numbering(ctx: Context) -> None:
    """Sub-headings of a section: （一）（二）… in order; 总体情况's sub-topics numbered （一）,
    not 一、 (that is the level of the six parts)."""
    for s in ctx.fmt.sections:
        paras = ctx.report.sections.get(s.id, [])
        last = 0
        for i, p in enumerate(paras, start=1):
            text = p.text.strip()
            m1 = _LEVEL1.match(text)
            if m1 and s.table is None:
                # “（二）” for a “二、” that goes on from the sub-headings before it; a number that
                # does not (“六、下一步改进举措” as the first sub-heading of 五) gets no number
                advice = (
                    f"应写成“（{m1.group(1)}）”" if _cn_number(m1.group(1)) == last + 1
                    else "应作为本部分的小标题，按（一）（二）……编号"
                )
                ctx.emit(
                    "text-numbering",
                    f"“{s.heading}”中的小标题用了“{m1.group(1)}、”，与六个部分的标题同级；{advice}",
                    [ctx.text_ref(s.id, i, _first_sentence(text))],
                    section=s.id,
                )
                break
            m2 = _LEVEL2.match(text)
            if not m2:
                continue
            n = _cn_number(m2.group(1))
            if n != last + 1:
                what = "重新从（一）开始" if n == 1 else f"在（{_CN_TEXT(last)}）之后是（{m2.group(1)}）"
                ctx.emit(
                    "text-numbering",
                    f"“{s.heading}”的小标题编号不连续：{what}",
                    [ctx.text_ref(s.id, i, _first_sentence(text))],
                    section=s.id,
                )
                break
            last = n


def _CN_TEXT(n: int) -> str:  # noqa: N802 - reads as the number it writes
    if n <= 10:
        return "十" if n == 10 else _CN[n - 1] if n > 0 else "零"
    tens, ones = divmod(n, 10)
    return (_CN[tens - 1] if tens > 1 else "") + "十" + (_CN[ones - 1] if ones else "")


def _first_sentence(text: str) -> str:
    m = re.search(r"[。；！？;!?]", text)
    return text[: m.end()] if m else text[:60]


def _sentence_around(text: str, pos: int) -> str:
    start = max((text.rfind(c, 0, pos) for c in "。；！？;!?"), default=-1) + 1
    ends = [e for e in (text.find(c, pos) for c in "。；！？;!?") if e >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def _doubled(ctx: Context) -> None:
    found = []
    for sid, n, text in _paragraphs(ctx):
        for m in _DOUBLED.finditer(text):
            if m.group(1) in _DOUBLED_OK or not all(map(_han, m.group(1))):
                continue
            found.append((sid, n, m.group(), _sentence_around(text, m.start())))
        for m in _DOUBLED_DE.finditer(text):
            found.append((sid, n, m.group(), _sentence_around(text, m.start())))
    if not found:
        return
    words = list(dict.fromkeys(w for *_, w, _ in found))
    ctx.emit(
        "text-doubled-word",
        f"正文中有 {len(found)} 处词语重复：{'、'.join(f'“{w}”' for w in words[:5])}{'等' if len(words) > 5 else ''}",
        [ctx.text_ref(sid, n, q) for sid, n, _, q in found],
        words=words,
    )


def _unpaired(text: str) -> list[int]:
    """Positions of the brackets of ``text`` that have no pair (the widths may differ: （…) is a
    pair, its mixed width is half-width punctuation's business)."""
    out, open_ = [], []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            open_.append(i)
        elif ch in _PAIRS:
            if open_ and _same_kind(text[open_[-1]], ch):
                open_.pop()
            elif not _ITEM_MARK.search(text, max(0, i - 3), i):  # (a mark is a separator and two characters)
                out.append(i)
    return sorted(out + open_)


def _same_kind(opening: str, closing: str) -> bool:
    return {opening, _PAIRS[closing]} <= {"（", "("} or _PAIRS[closing] == opening


def _brackets(ctx: Context) -> None:
    found = []
    for sid, n, text in _paragraphs(ctx):
        for i in _unpaired(text):
            found.append((sid, n, text[max(0, i - 12) : i + 6], _sentence_around(text, i)))
    if not found:
        return
    shown = "、".join(f"“{w}”" for _, _, w, _ in found[:3])
    ctx.emit(
        "text-unpaired-bracket",
        f"正文中有 {len(found)} 处括号不成对：{shown}{'等' if len(found) > 3 else ''}；请补上缺少的一半或删去多余的",
        [ctx.text_ref(sid, n, q) for sid, n, _, q in found],
        places=[w for _, _, w, _ in found],
    )


def _half_width(ctx: Context) -> None:
    found = []
    for sid, n, text in _paragraphs(ctx):
        for m in _HALF_MARK.finditer(text):
            i = m.start()
            before = i > 0 and _han(text[i - 1])
            after = i < len(text) - 1 and _han(text[i + 1])
            if not (before or after if m.group() == '"' else before and after):
                continue
            found.append((sid, n, m.group(), _sentence_around(text, m.start())))
    if not found:
        return
    marks = "".join(dict.fromkeys(c for _, _, c, _ in found))
    places = list(dict.fromkeys((sid, n) for sid, n, _, _ in found))
    quotes = "（引号用“”）" if '"' in marks else ""
    ctx.emit(
        "text-halfwidth-punctuation",
        f"正文中有 {len(found)} 处中文之间用了半角标点（{' '.join(marks)}），共 {len(places)} 段；应使用全角标点{quotes}",
        [ctx.text_ref(sid, n, q) for sid, n, _, q in dict((p[:2], p) for p in found).values()],
        count=len(found),
        paragraphs=len(places),
    )


def _section_five(ctx: Context) -> None:
    s = next((s for s in ctx.fmt.sections if s.id == "5"), None)
    paras = ctx.report.sections.get("5", [])
    if s is None or not any(p.text.strip() for p in paras):
        return  # an empty section is section-empty's finding
    body = _PUNCT.sub("", "".join(p.text for p in paras))
    if len(body) < _SECTION5_MIN:
        text = " ".join(p.text.strip() for p in paras if p.text.strip())
        ctx.emit(
            "section-thin",
            f"“{s.heading}”只写了“{text}”：存在的问题和改进情况应具体说明（评估中常见扣分项）",
            [ctx.text_ref("5", 1, text)],
            section="5",
        )


def _section_six_signature(ctx: Context) -> None:
    """Section 六 ending with the unit's name and/or the date: the signature block typed into
    the text (the document prints its own)."""
    paras = [p for p in ctx.report.sections.get("6", []) if p.text.strip()]
    if not paras:
        return
    org = F.normalize_label(ctx.report.org)
    tail = []
    for p in reversed(paras[-2:]):
        t = F.normalize_label(p.text)
        if _SIGN_DATE.match(p.text) or (org and t == org):
            tail.append(p)
    if tail:
        n = len(ctx.report.sections.get("6", []))
        quote = " ".join(p.text.strip() for p in reversed(tail))
        ctx.emit(
            "section-signature",
            f"“{L.section_name(ctx.fmt, '6')}”末尾是落款（“{quote}”）：落款由文档统一生成，正文中不必重复",
            [ctx.text_ref("6", n, quote)],
            section="6",
        )
