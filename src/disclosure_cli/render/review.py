"""The review page of a whole folder of units (``disclosure review``): one self-contained HTML
file — no network, no CDN, prints on A4, usable on a phone — that a 政务公开办 reviewer reads
instead of thousands of lines of findings.

- a table of units: status (通过 / 有警告 / 有错误 / 无法读取 / 未提交), errors and warnings by rule,
  the deadline and days left, a link to each unit's detail;
- the district's indicators per unit (实质公开率, 无法提供占比, 不予处理占比, 结转率, 复议纠错率,
  诉讼纠错率), sortable (a few lines of inline script; the table reads fine without it), with the
  change against last year's folder (``previous``) and large jumps marked;
- small inline SVG charts (units by status, applications per unit, share of each result);
- per unit with findings: the three tables in the official layout (``tablegrid.grid``) with every
  flagged cell highlighted (``class="flag"``, ``data-ref`` = the cell key) and described by its
  findings listed beside the table, and the flagged sentences of the text quoted;
- the findings a reviewer accepted (``disclosure accept``; the ``审核记录.json`` next to each
  report, as ``check`` reads it) listed apart as 已确认, with the reason, who and when: they are
  not counted as errors or warnings in the unit's status and their cells are not flagged.

Reports are read and checked one at a time (``checks.check_paths``); what is kept per unit is its
row of the tables and its rendered detail, not the report."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Sequence

from .. import formats as F
from .. import tablegrid as L
from ..reader import displayed
from ..units import normalize_name

R = F.Role
PASSED, WARNED, FAILED, UNREADABLE, MISSING = "通过", "有警告", "有错误", "无法读取", "未提交"
STATUSES = (PASSED, WARNED, FAILED, UNREADABLE, MISSING)
_STATUS_CLASS = {PASSED: "ok", WARNED: "warn", FAILED: "err", UNREADABLE: "err", MISSING: "miss"}
_STATUS_COLOR = {PASSED: "#2e7d32", WARNED: "#b26a00", FAILED: "#c62828", UNREADABLE: "#6a1b9a", MISSING: "#546e7a"}
JUMP = 0.20  # a change of 20 percentage points or more is marked


def _ratio(num, den):
    if num is None or den is None or den == 0:
        return None
    return num / den


def _sum(report, keys):
    total = 0
    for k in keys:
        v = report.computed(k, text=None)
        if v is None:
            return None
        total += v
    return total


def indicators(report) -> dict[str, float | None]:
    """The district's indicators of one report (None when a part is missing or text)."""
    fmt = report.format

    def cat(role):
        return _sum(report, fmt.leaf_keys(role, R.TOTAL)) if fmt.row_of(role).group else _sum(report, [fmt.key(role, R.TOTAL)])

    done = cat(R.RESULTS_TOTAL)
    new, carried, forward = (cat(r) for r in (R.NEW, R.CARRIED_OVER, R.CARRIED_FORWARD))
    disclosed = [cat(R.DISCLOSED), cat(R.PARTLY_DISCLOSED)]
    handled = None if new is None or carried is None else new + carried
    lit_c = _sum(report, [fmt.key(g, R.CORRECTED) for g in F.LITIGATION])
    lit_t = _sum(report, [fmt.key(g, R.TOTAL) for g in F.LITIGATION])
    return {
        "实质公开率": _ratio(None if None in disclosed else sum(disclosed), done),
        "无法提供占比": _ratio(cat(R.UNAVAILABLE), done),
        "不予处理占比": _ratio(cat(R.NOT_PROCESSED), done),
        "结转率": _ratio(forward, handled),
        "复议纠错率": _ratio(report.computed(fmt.key(R.REVIEW, R.CORRECTED), text=None), report.computed(fmt.key(R.REVIEW, R.TOTAL), text=None)),
        "诉讼纠错率": _ratio(lit_c, lit_t),
    }


INDICATORS = ("实质公开率", "无法提供占比", "不予处理占比", "结转率", "复议纠错率", "诉讼纠错率")


@dataclass
class UnitRow:
    n: int
    name: str
    path: str
    status: str
    errors: int = 0
    warnings: int = 0
    rules: Counter = field(default_factory=Counter)
    deadline: dt.date | None = None
    days: int | None = None
    note: str = ""
    new: float | None = None
    results: dict = field(default_factory=dict)  # category short name → count
    ind: dict = field(default_factory=dict)
    prev_ind: dict | None = None
    detail: str = ""
    accepted: int = 0  # findings a reviewer accepted (``decisions``): shown, not counted


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _value_text(cell) -> str:
    if cell is None or cell.raw is None:
        return ""
    v = cell.raw
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _flags(findings) -> dict:
    out: dict = {}
    for i, f in enumerate(findings):
        for ref in f.refs:
            if "table" in ref and "row" in ref and "column" in ref and not ref.get("previous"):
                out.setdefault(F.CellKey(ref["table"], str(ref["row"]), ref["column"]), []).append(i)
    return out


def _table_html(report, table: F.Table, flags: dict, uid: str, name: str) -> str:
    g = L.grid(table)
    rows = g.rows()
    out = [f'<div class="scroll" role="region" tabindex="0" aria-label="{escape(name)} {escape(table.sheet)}"><table class="official"><caption>{escape(table.title)}</caption>']
    for r, cells in enumerate(rows):
        out.append("<tr>")
        for c in cells:
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            if c.kind == L.VALUE:
                hit = flags.get(c.key)
                text = escape(_value_text(report.cells.get(c.key)))
                if hit:
                    ids = " ".join(f"{uid}-f{i}" for i in hit)
                    marks = "".join(f"<sup>{i + 1}</sup>" for i in hit)
                    out.append(f'<td class="flag" data-ref="{escape(str(c.key))}" aria-describedby="{ids}"{span}>{text}{marks}</td>')
                else:
                    out.append(f"<td{span}>{text}</td>")
            else:
                scope = c.scope or ("row" if c.kind == L.LABEL else "col")
                out.append(f'<th scope="{scope}"{span}>{escape(c.text)}</th>')
        out.append("</tr>")
    out.append("</table></div>")
    return "".join(out)


def _detail(row: UnitRow, result) -> str:
    from ..checks.present import level_name, location

    report = result.report
    fmt = report.format
    findings = result.open_findings
    uid = f"u{row.n}"
    parts = [f'<section class="unit" id="{uid}" aria-labelledby="{uid}-h"><h3 id="{uid}-h">{escape(row.name)}</h3>']
    parts.append(f'<p class="meta">{escape(row.path)} · {report.year or "年度未知"} 年度 · {fmt.id} 版格式 · '
                 f'<span class="st {_STATUS_CLASS[row.status]}">{row.status}</span></p>')
    flags = _flags(findings)
    tables = [t for t in fmt.tables if any(k.table == t.id for k in flags)]
    for t in tables:
        parts.append(_table_html(report, t, flags, uid, row.name))
    if findings:
        parts.append(f'<ol class="findings" aria-label="{escape(row.name)}的问题">')
        for i, f in enumerate(findings):
            where = "；".join(dict.fromkeys(location(fmt, r) for r in f.refs if r))
            quote = next((r.get("quote") for r in f.refs if r.get("quote")), None)
            q = f'<blockquote><mark>{escape(quote)}</mark></blockquote>' if quote else ""
            parts.append(
                f'<li id="{uid}-f{i}" class="{f.level}" value="{i + 1}"><span class="lvl">{escape(level_name(f.level))}</span> '
                f'<code>{escape(f.code)}</code> {escape(where)}<br>{escape(f.message)}{q}</li>'
            )
        parts.append("</ol>")
    accepted = result.accepted_findings
    if accepted:
        parts.append(f'<h4 id="{uid}-acc">已确认（审核人员已说明理由，不计入错误和警告）</h4>'
                     f'<ul class="accepted" aria-labelledby="{uid}-acc">')
        for f in accepted:
            where = "；".join(dict.fromkeys(location(fmt, r) for r in f.refs if r))
            who = "，".join(str(x) for x in (f.accepted.get("by"), str(f.accepted.get("at") or "")[:10]) if x)
            parts.append(
                f'<li class="accepted {f.level}" data-code="{escape(f.code)}" data-fingerprint="{escape(f.fingerprint)}">'
                f'<span class="acc">已确认</span> <span class="lvl">{escape(level_name(f.level))}</span> '
                f'<code>{escape(f.code)}</code> {escape(where)}<br>{escape(f.message)}<br>'
                f'<span class="reason">理由：{escape(str(f.accepted.get("reason") or ""))}'
                f'{escape(f"（{who}）") if who else ""}</span></li>'
            )
        parts.append("</ul>")
    parts.append('<p><a href="#units">返回单位列表</a></p></section>')
    return "".join(parts)


def _bar_svg(title: str, items: list[tuple[str, float, str]], unit: str = "") -> str:
    """Horizontal bars, one per item (label, value, colour); an accessible image."""
    if not items:
        return ""
    top = max(v for _, v, _ in items) or 1
    h = 22 * len(items) + 10
    rows = []
    for i, (label, v, color) in enumerate(items):
        y = 5 + 22 * i
        w = 0 if v <= 0 else max(1.0, 300 * v / top)
        rows.append(
            f'<text x="150" y="{y + 15}" text-anchor="end">{escape(label[:14])}</text>'
            f'<rect x="156" y="{y + 3}" width="{w:.1f}" height="16" fill="{color}"/>'
            f'<text x="{160 + w:.1f}" y="{y + 15}">{v:g}{unit}</text>'
        )
    desc = "；".join(f"{label} {v:g}{unit}" for label, v, _ in items)
    return (
        f'<figure><svg viewBox="0 0 520 {h}" width="100%" role="img" aria-label="{escape(title)}：{escape(desc)}">'
        f"<title>{escape(title)}</title>{''.join(rows)}</svg><figcaption>{escape(title)}</figcaption></figure>"
    )


_CSS = """
:root{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#fff}
body{max-width:1100px;margin:0 auto;padding:1rem;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:2px solid #1a1a1a;margin-top:2rem}h3{font-size:1.1rem}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
table{border-collapse:collapse;font-size:.875rem}
th,td{border:1px solid #767676;padding:.2rem .4rem;vertical-align:middle}
thead th,table.official th{background:#eef3f8}
td.num,td{text-align:center}
td.flag{background:#ffe08a;outline:3px solid #c62828;outline-offset:-3px;font-weight:bold}
sup{color:#8b0000;font-weight:bold}
.st{font-weight:bold;padding:0 .3rem;border-radius:3px}
.st.ok{color:#1b5e20}.st.warn{color:#7a4a00}.st.err{color:#8b0000}.st.miss{color:#37474f}
.overdue{color:#8b0000;font-weight:bold}
.jump{color:#8b0000;font-weight:bold}
ol.findings li{margin:.3rem 0}
ol.findings li.error .lvl{color:#8b0000;font-weight:bold}ol.findings li.warning .lvl{color:#7a4a00;font-weight:bold}
mark{background:#ffe08a}
ul.accepted li{margin:.3rem 0}.acc{color:#1b5e20;font-weight:bold}.reason{color:#333}
blockquote{margin:.2rem 0 .2rem 1rem}
figure{margin:.5rem 0;max-width:620px}svg text{font-size:12px;fill:#1a1a1a}
button.sort{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-decoration:underline}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1rem}
@media (max-width:600px){body{padding:.5rem}table{font-size:.8rem}}
@media print{@page{size:A4;margin:15mm}body{max-width:none;padding:0}.scroll{overflow:visible}
 section.unit{break-before:page}button.sort{text-decoration:none}a{color:inherit;text-decoration:none}}
"""

_SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('thead th').forEach(function(th,i){
  var b=document.createElement('button');b.className='sort';b.type='button';b.textContent=th.textContent;
  th.textContent='';th.appendChild(b);
  b.addEventListener('click',function(){
   var asc=th.getAttribute('aria-sort')!=='ascending';
   t.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort')});
   th.setAttribute('aria-sort',asc?'ascending':'descending');
   var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
   rows.sort(function(a,c){var x=a.cells[i].dataset.sort,y=c.cells[i].dataset.sort;
    var nx=parseFloat(x),ny=parseFloat(y);var r=(isNaN(nx)||isNaN(ny))?String(x).localeCompare(String(y),'zh'):nx-ny;return asc?r:-r});
   rows.forEach(function(r){body.appendChild(r)});
  });
 });
});
"""


def review_page(
    paths: Sequence[str | os.PathLike],
    *,
    previous: Sequence[str | os.PathLike] = (),
    units=None,
    today: dt.date | None = None,
    title: str = "政府信息公开工作年度报告审核",
) -> tuple[str, list[UnitRow]]:
    """The page, and the rows of its units table."""
    from ..checks import check_paths
    from ..checks.runner import _expand
    from ..deadlines import deadline_of
    from ..errors import DisclosureError

    today = today or dt.date.today()
    prev_ind: dict[str, dict] = {}
    if previous:
        from ..reader import load

        for p in _expand(previous):
            if isinstance(p, DisclosureError):
                continue
            try:
                r = load(p)
            except DisclosureError:
                continue
            prev_ind[normalize_name(r.org)] = indicators(r)
    rows: list[UnitRow] = []
    seen_units = set()
    categories: Counter = Counter()
    roots = [os.path.abspath(x) for x in paths]
    try:
        base = os.path.commonpath([r if os.path.isdir(r) else os.path.dirname(r) for r in roots])
    except ValueError:
        base = None
    for n, p in enumerate(_expand(paths), start=1):
        if isinstance(p, DisclosureError):
            rows.append(UnitRow(n, displayed(p.path), displayed(p.path), UNREADABLE, note=p.message))
            continue
        ((path, item),) = check_paths([p])
        shown = displayed(os.path.relpath(os.path.abspath(path), base) if base else path)
        if isinstance(item, DisclosureError):
            rows.append(UnitRow(n, Path(shown).stem, shown, UNREADABLE, note=f"{item.message}（{item.code}）"))
            continue
        report = item.report
        unit = units.match(report.org) if units is not None else None
        if unit is not None:
            seen_units.add(unit.key)
        status = FAILED if item.errors else WARNED if item.warnings else PASSED
        row = UnitRow(n, report.org or Path(path).stem, shown, status, item.errors, item.warnings)
        row.rules = Counter(f.code for f in item.open_findings if f.level in ("error", "warning"))
        row.accepted = len(item.accepted_findings)
        d = deadline_of(report)
        if d is not None:
            row.deadline, row.days = d.date, d.days_left(today)
        fmt = report.format
        row.new = report.computed(fmt.key(R.NEW, R.TOTAL), text=None)
        for cat in fmt.categories:
            keys = fmt.leaf_keys(cat.role, R.TOTAL) if cat.group else (fmt.key(cat.role, R.TOTAL),)
            v = _sum(report, keys)
            row.results[cat.short] = v
            if v:
                categories[cat.short] += v
        row.ind = indicators(report)
        row.prev_ind = prev_ind.get(normalize_name(report.org)) if previous else None
        if (item.open_findings and status != PASSED) or item.accepted_findings:
            row.detail = _detail(row, item)
        rows.append(row)
        del report, item
    if units is not None:
        for u in units.units:
            if u.key not in seen_units:
                rows.append(UnitRow(len(rows) + 1, u.name, "", MISSING))
    return _page(rows, categories, title, today, bool(previous)), rows


def _page(rows: list[UnitRow], categories: Counter, title: str, today: dt.date, with_previous: bool) -> str:
    counts = Counter(r.status for r in rows)
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{escape(title)}</h1>",
        f"<p>共 {len(rows)} 个单位：" + "，".join(f"{s} {counts[s]}" for s in STATUSES if counts[s]) + f"。截止日期按 {today.isoformat()} 计算。"
        + (f"审核人员已确认的问题 {sum(r.accepted for r in rows)} 个（写明了理由，不计入错误和警告，见各单位的“已确认”）。" if any(r.accepted for r in rows) else "")
        + "</p>",
        '<div class="charts">',
        _bar_svg("各状态单位数", [(s, counts[s], _STATUS_COLOR[s]) for s in STATUSES if counts[s]], " 个"),
    ]
    top = sorted((r for r in rows if r.new), key=lambda r: (-r.new, r.n))[:20]
    out.append(_bar_svg(f"新收申请最多的 {len(top)} 个单位（件）", [(r.name, r.new, "#1565c0") for r in top]))
    total = sum(categories.values())
    if total:
        out.append(_bar_svg("全部单位办理结果构成（%）", [(k, round(100 * v / total, 1), "#00695c") for k, v in categories.items()]))
    out.append("</div>")
    # units table
    out.append('<h2 id="units">单位</h2><div class="scroll" role="region" tabindex="0" aria-label="单位列表">'
               '<table class="sortable"><caption>各单位检查结果</caption><thead><tr>'
               '<th scope="col">单位</th><th scope="col">状态</th><th scope="col">错误</th><th scope="col">警告</th>'
               '<th scope="col">问题（规则）</th><th scope="col">截止日期</th><th scope="col">剩余天数</th></tr></thead><tbody>')
    for r in rows:
        name = f'<a href="#u{r.n}">{escape(r.name)}</a>' if r.detail else escape(r.name)
        rules = "、".join(f"{escape(c)}×{n}" for c, n in sorted(r.rules.items())) or escape(r.note)
        if r.days is None:
            days, sort = "—", "99999"
        elif r.days < 0 and r.status != PASSED:
            days, sort = f'<span class="overdue">已逾期 {-r.days} 天</span>', str(r.days)
        else:
            days, sort = str(r.days), str(r.days)
        out.append(
            f'<tr><th scope="row" data-sort="{escape(r.name)}">{name}<br><small>{escape(r.path)}</small></th>'
            f'<td data-sort="{STATUSES.index(r.status)}"><span class="st {_STATUS_CLASS[r.status]}">{r.status}</span>'
            + (f'<br><small class="acc">已确认 {r.accepted}</small>' if r.accepted else "") + "</td>"
            f'<td data-sort="{r.errors}">{r.errors}</td><td data-sort="{r.warnings}">{r.warnings}</td>'
            f'<td data-sort="{sum(r.rules.values())}">{rules}</td>'
            f'<td data-sort="{r.deadline.isoformat() if r.deadline else ""}">{r.deadline.isoformat() if r.deadline else "—"}</td>'
            f'<td data-sort="{sort}">{days}</td></tr>'
        )
    out.append("</tbody></table></div>")
    # indicators
    out.append('<h2 id="indicators">指标</h2><p>实质公开率 =（予以公开+部分公开）/ 办理结果总计；结转率 = 结转下年度 /（新收+上年结转）；'
               '复议纠错率 = 结果纠正 / 复议总计；诉讼纠错率 = 结果纠正 / 诉讼总计。'
               + ("括号内为与上年相比的变化（百分点），变化 20 个百分点以上的标为粗体红色。" if with_previous else "")
               + '</p><div class="scroll" role="region" tabindex="0" aria-label="指标表">'
               '<table class="sortable"><caption>各单位指标</caption><thead><tr><th scope="col">单位</th><th scope="col">新收</th>'
               + "".join(f'<th scope="col">{k}</th>' for k in INDICATORS) + "</tr></thead><tbody>")
    for r in rows:
        if not r.ind:
            continue
        cells = []
        for k in INDICATORS:
            v = r.ind.get(k)
            change = ""
            if r.prev_ind is not None and v is not None and r.prev_ind.get(k) is not None:
                d = v - r.prev_ind[k]
                cls = ' class="jump"' if abs(d) >= JUMP else ""
                change = f'<br><span{cls}>（{d * 100:+.1f}）</span>'
            cells.append(f'<td data-sort="{-1 if v is None else round(v, 6)}">{_pct(v)}{change}</td>')
        new = "—" if r.new is None else f"{r.new:g}"
        out.append(f'<tr><th scope="row" data-sort="{escape(r.name)}">{escape(r.name)}</th><td data-sort="{r.new or 0}">{new}</td>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    details = [r.detail for r in rows if r.detail]
    if details:
        out.append('<h2 id="details">各单位的问题</h2><p>表格中标出的单元格有问题，上标数字对应表格下方的问题编号。</p>')
        out += details
    out.append(f"</main><script>{_SCRIPT}</script></body></html>\n")
    return "".join(out)
