"""Publication date against the deadline of 条例第四十九条."""

from __future__ import annotations

import datetime as dt

from ..deadlines import cn_date, deadline_of, parse_date
from ..model import KINDS
from .context import Context


def check(ctx: Context) -> None:
    r = ctx.report
    kind = (r.meta.get("kind") or "").strip()
    published_text = (r.meta.get("published") or "").strip()
    deadline_text = (r.meta.get("deadline") or "").strip()
    if kind and kind not in KINDS:
        ctx.emit(
            "meta-invalid",
            f"机关类型“{kind}”无法识别，应为 {'、'.join(f'{k}（{v}）' for k, v in KINDS.items())}",
            [ctx.field_ref("meta.kind", kind)],
        )
    published = parse_date(published_text) if published_text else None
    if published_text and published is None:
        ctx.emit(
            "meta-invalid",
            f"发布日期“{published_text}”无法识别，应写成 2025-01-20 的形式",
            [ctx.field_ref("meta.published", published_text)],
        )
    if deadline_text and parse_date(deadline_text) is None:
        ctx.emit(
            "meta-invalid",
            f"公开期限“{deadline_text}”无法识别，应写成 2025-01-31 的形式",
            [ctx.field_ref("meta.deadline", deadline_text)],
        )
    if r.year is None:
        return
    due = deadline_of(r)
    deadline, basis = (due.date, due.basis) if due else (None, "")
    if published is None:
        if not published_text and deadline is not None:
            ctx.emit(
                "published-missing",
                f"没有填写发布日期，无法核对是否在{cn_date(deadline)}前公开（{basis}）",
                [ctx.field_ref("meta.published", published_text)],
                deadline=deadline.isoformat(),
            )
        return
    if published < dt.date(r.year + 1, 1, 1):
        ctx.emit(
            "published-early",
            f"发布日期 {cn_date(published)} 早于 {r.year} 年度结束，请核对年份",
            [ctx.field_ref("meta.published", published_text)],
            published=published.isoformat(),
        )
    elif deadline is not None and published > deadline:
        ctx.emit(
            "published-late",
            f"发布日期 {cn_date(published)} 晚于 {cn_date(deadline)}（{basis}），逾期 {(published - deadline).days} 天",
            [ctx.field_ref("meta.published", published_text)],
            published=published.isoformat(),
            deadline=deadline.isoformat(),
        )
