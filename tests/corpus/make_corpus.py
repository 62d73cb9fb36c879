"""Throwaway converter: saved page text + hand-read tables -> report JSON (schema 1).

Run from the repository root:  python tests/corpus/make_corpus.py
It rewrites tests/corpus/reports/*.json from tests/corpus/pages/*.txt and specs.py.

Why page text, not the HTML article: the corpus was read through a code-search index that
returns stored files as text only; each page's HTML is 100-230 KB of Word-paste markup, so the
crawler's own text extract of the same page (page.txt, kept verbatim in pages/) is saved
instead, and every table cell was read by hand (from page.txt where its cells are separated,
from page.html where they run together) into specs.py.  Paragraph boundaries are not in the
text extract: they are reconstructed at sub-headings and sentence ends (see split_paragraphs).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from specs import SPECS  # noqa: E402

T3_ROWS = {
    "2021": ["1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
             "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2", "3.6.3",
             "3.7", "4"],
}
T3_ROWS["2019"] = [r for r in T3_ROWS["2021"] if not r.startswith("3.6.")]
T3_ROWS["2019"].insert(T3_ROWS["2019"].index("3.7"), "3.6")
T3_COLS = ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"]
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]
T2 = {
    "2021": {"rules": ["issued", "repealed", "in_force"], "normative": ["issued", "repealed", "in_force"],
             "license": ["decisions"], "penalty": ["decisions"], "enforcement": ["decisions"], "fees": ["amount"]},
    "2019": {"rules": ["new_made", "new_published", "total_published"],
             "normative": ["new_made", "new_published", "total_published"],
             "license": ["last_year_items", "change", "decisions"],
             "other_services": ["last_year_items", "change", "decisions"],
             "penalty": ["last_year_items", "change", "decisions"],
             "enforcement": ["last_year_items", "change", "decisions"],
             "fees": ["last_year_items", "change"], "procurement": ["projects", "amount"]},
}

HEADINGS = [
    ("1", r"一、\s*总体情况"),
    ("2", r"二、\s*主动公开政府信息(?:的)?情况"),
    ("3", r"三、\s*收到和处理政府信息公开申请(?:的)?情况"),
    ("4", r"四、\s*(?:因)?政府信息公开(?:申请)?行政法?复议[、和与及]\s*(?:提起)?行政诉讼(?:的)?情况"),
    ("5", r"五、\s*(?:政府信息公开工作)?存在的?主要问题[^。]{0,14}?(?:情况|措施|计划)"),
    ("6", r"六、\s*其他需要报告的事项"),
]
T2_START = r"第二十条第（一）项"
T3_START = r"（本列数据的[勾钩]稽关系"
T3_END = r"四、\s*结转下年度继续办理[\s\d]*"
T4_TABLE = r"行政复议\s*行政诉讼.*尚未\s*审结\s*总计\s*[\s\d]*"  # some pages space the header: "尚未 审结"
SUBHEAD = r"[（(][一二三四五六七八九十]{1,2}[）)]"


def read_page(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("==================== 正文 ====================\n")
    fields = {}
    for line in head.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            fields[key.strip()] = value.strip()
    return fields, body


def clean(text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"\s+", " ", text).strip()


def split_paragraphs(text: str, extra: list[str]) -> list[str]:
    text = clean(text)
    if not text:
        return []
    marks = set()
    for m in re.finditer(SUBHEAD, text):
        marks.add(m.start())
    for m in re.finditer(r"(?<=[。；;])\s+", text):
        marks.add(m.end())
    for s in extra:  # a heading ends where its body starts: "heading|body"
        head, _, tail = s.partition("|")
        i = text.find(head + tail)
        if i < 0:
            raise SystemExit(f"split mark not found: {s!r}")
        marks.add(i)
        marks.add(i + len(head))
    cuts = sorted(m for m in marks if 0 < m < len(text))
    out, prev = [], 0
    for c in cuts + [len(text)]:
        piece = text[prev:c].strip()
        if piece:
            out.append(piece)
        prev = c
    return out


def cut(text: str, pattern: str, flags=re.S) -> str:
    return re.sub(pattern, " ", text, count=1, flags=flags)


def convert(name: str, spec: dict) -> dict:
    fields, body = read_page(HERE / "pages" / f"{name}.txt")
    fmt = spec["format"]
    body = clean(body)
    if spec.get("body_start"):
        i = body.find(spec["body_start"])
        assert i >= 0, (name, "body_start")
        body = body[i:]
    title = fields["标题"]
    if body.startswith(title):
        body = body[len(title):]
    # signature and date at the end: "… 机关名称 2025年1月23日 [附件下载]"
    signed = ""
    sig = spec.get("signature")
    if sig:
        assert body.endswith(sig), (name, "signature")
        body = body[: -len(sig)]
        m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", sig)
    else:
        m = re.search(r"\s+[\u4e00-\u9fff（）()]+\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:附件下载)?\s*$", body)
        if m:
            body = body[: m.start()]
    if m:
        signed = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    body = re.sub(r"\s*附件下载\s*$", "", body)
    # sections by heading, in order
    positions = []
    pos = 0
    # spec "headings": this page's headings in page order, (section, pattern or None for the usual one)
    heads = [(sid, pat or dict(HEADINGS)[sid]) for sid, pat in spec.get("headings", HEADINGS)]
    for sid, pat in heads:
        hm = re.compile(pat).search(body, pos)
        if hm is None:
            continue
        positions.append((sid, hm.start(), hm.end()))
        pos = hm.end()
    intro = body[: positions[0][1]] if positions else body
    sections = {}
    for k, (sid, start, end) in enumerate(positions):
        stop = positions[k + 1][1] if k + 1 < len(positions) else len(body)
        sections[sid] = body[end:stop]
    if "2" in sections:
        s = sections["2"]
        i = s.find(T2_START)
        if i >= 0:
            end_pat = spec.get("t2_end") or (r"行政事业性收费\s*[\d.]*" if fmt == "2021" else r"政府集中采购.*$")
            em = re.compile(end_pat, re.S).search(s, i)
            assert em, (name, "t2 end")
            s = s[:i] + " " + s[em.end():]
        sections["2"] = s
    if "3" in sections:
        s = sections["3"]
        m3 = re.search(T3_START, s)
        i = m3.start() if m3 else -1
        if i >= 0:
            em = re.compile(T3_END).search(s, i)
            assert em, (name, "t3 end")
            s = s[:i] + " " + s[em.end():]
        sections["3"] = s
    if "4" in sections:
        sections["4"] = cut(sections["4"], T4_TABLE)
    extra = spec.get("splits", {})
    out_sections = {sid: split_paragraphs(sections.get(sid, ""), extra.get(sid, [])) for sid, _ in HEADINGS}
    published = fields.get("发布时间", "")[:10]
    data = {
        "schema": 1,
        "format": fmt,
        "org": spec["org"],
        "year": spec["year"],
        "meta": {
            "title": title,
            "published": published,
            "kind": spec["kind"],
            "intro": " ".join(split_paragraphs(intro, [])),
            "signed": signed,
        },
        "source": {
            "url": fields.get("原文链接", ""),
            "repository": spec["repo"],
            "path": spec["path"],
            "commit": spec["commit"],
            "saved": f"tests/corpus/pages/{name}.txt",
        },
        "sections": out_sections,
    }
    t2 = {}
    for row, cols in T2[fmt].items():
        vals = spec["t2"][row]
        assert len(vals) == len(cols), (name, row)
        t2[row] = dict(zip(cols, vals))
    data["t2"] = t2
    t3rows = spec.get("t3", {})
    t3 = {}
    for row in T3_ROWS[fmt]:
        vals = t3rows.get(row, [0] * 7)
        assert len(vals) == 7, (name, row)
        t3[row] = dict(zip(T3_COLS, vals))
    data["t3"] = t3
    t4vals = spec.get("t4", [0] * 15)
    assert len(t4vals) == 15, name
    data["t4"] = {g: dict(zip(T4_COLS, t4vals[5 * i: 5 * i + 5])) for i, g in enumerate(T4_GROUPS)}
    return data


def main() -> None:
    outdir = HERE / "reports"
    outdir.mkdir(exist_ok=True)
    for name, spec in SPECS.items():
        data = convert(name, spec)
        (outdir / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(name, {k: len(v) for k, v in data["sections"].items()})


if __name__ == "__main__" and "--check" not in sys.argv:
    main()


# ---------------------------------------------------------------------------------------------
# Cross-check of the hand-read tables against the saved page text: for every row, the digits the
# page shows between this row's label and the next one must be exactly the digits of the values
# typed into specs.py (the text extract loses cell boundaries, not digits).

T2_LABELS = {
    "2021": [("rules", "规章"), ("normative", "规范性文件"), ("license", "行政许可"), ("penalty", "行政处罚"),
             ("enforcement", "行政强制"), ("fees", "行政事业性收费")],
    "2019": [("rules", "规章"), ("normative", "规范性文件"), ("license", "行政许可"),
             ("other_services", "其他对外管理服务事项"), ("penalty", "行政处罚"), ("enforcement", "行政强制"),
             ("fees", "行政事业性收费"), ("procurement", "政府集中采购")],
}
T3_LABELS = {
    "1": "本年新收政府信息公开申请数量", "2": "上年结转政府信息公开申请数量", "3.1": "予以公开",
    "3.2": "不计其他情形）", "3.3.1": "属于国家秘密", "3.3.2": "其他法律行政法规禁止公开",
    "3.3.3": "危及“三安全一稳定”", "3.3.4": "保护第三方合法权益", "3.3.5": "属于三类内部事务信息",
    "3.3.6": "属于四类过程性信息", "3.3.7": "属于行政执法案卷", "3.3.8": "属于行政查询事项",
    "3.4.1": "本机关不掌握相关政府信息", "3.4.2": "没有现成信息需要另行制作", "3.4.3": "补正后申请内容仍不明确",
    "3.5.1": "信访举报投诉类申请", "3.5.2": "重复申请", "3.5.3": "要求提供公开出版物",
    "3.5.4": "无正当理由大量反复申请", "3.5.5": "要求行政机关确认或重新出具已获取信息",
    "3.6.1": "申请人无正当理由逾期不补正", "3.6.2": "申请人逾期未按收费通知要求缴纳费用",
    "3.6.3": "3.其他", "3.6": "（六）其他处理", "3.7": "（七）总计", "4": "结转下年度继续办理",
}


def _digits(values) -> str:
    return re.sub(r"[^\d.]", "", "".join("" if v is None else str(v) for v in values))


def _segments(text: str, labels: list[tuple[str, str]], stop: str) -> dict[str, str]:
    """The text after each label up to the next label (labels searched in order)."""
    found = []
    pos = 0
    for key, label in labels:
        i = text.find(label, pos)
        if i < 0:
            continue
        found.append((key, i, i + len(label)))
        pos = i + len(label)
    end = text.find(stop, pos) if stop else len(text)
    out = {}
    for k, (key, _, e) in enumerate(found):
        nxt = found[k + 1][1] if k + 1 < len(found) else (end if end >= 0 else len(text))
        seg = text[e:nxt]
        seg = re.sub(r"\d\.$", "", seg.rstrip())  # the next label's own "3." numbering
        out[key] = seg
    return out


def digits_check(name: str, spec: dict) -> list[str]:
    _, body = read_page(HERE / "pages" / f"{name}.txt")
    body = clean(body)
    fmt = spec["format"]
    problems = []
    i2 = body.find(T2_START)
    i3 = re.search(T3_START, body).start()
    t2text = body[i2:i3]
    t2spec = spec["t2"]
    segs = _segments(t2text, [(k, lab) for k, lab in T2_LABELS[fmt] if any(v is not None for v in t2spec[k])],
                     "")
    for key, _lab in T2_LABELS[fmt]:
        if all(v is None for v in t2spec[key]):
            continue
        seg = segs.get(key)
        if seg is None:
            problems.append(f"{name}: t2 {key} label not found")
            continue
        if fmt == "2021" and key == "fees":
            seg = re.match(r"\s*[\d.]*", seg).group(0)
        if re.sub(r"[^\d.]", "", seg) != _digits(t2spec[key]):
            problems.append(f"{name}: t2 {key}: page {seg.strip()!r} vs spec {t2spec[key]}")
    t3text = body[i3: body.find("行政复议", i3)]
    rows = T3_ROWS[fmt]
    labels = [(r, T3_LABELS[r]) for r in rows]
    segs = _segments(t3text, labels, "")
    t3spec = spec.get("t3", {})
    for r in rows:
        want = _digits(t3spec.get(r, [0] * 7))
        seg = segs.get(r)
        if seg is None:
            problems.append(f"{name}: t3 {r} label not found")
            continue
        got = re.sub(r"[^\d]", "", re.sub(r"（[一二三四五六七]）[^\d]*$", "", seg))
        if got != want:
            problems.append(f"{name}: t3 {r}: page {seg.strip()!r} vs spec {t3spec.get(r)}")
    i4 = body.rfind("尚未审结总计", 0, body.find("五、", i3))
    if i4 < 0:
        i4 = body.rfind("总计", 0, body.find("五、", i3))
        seg4 = body[i4 + 2: body.find("五、", i4)]
    else:
        seg4 = body[i4 + 6: body.find("五、", i4)]
    if re.sub(r"\D", "", seg4) != _digits(spec.get("t4", [0] * 15)):
        problems.append(f"{name}: t4: page {seg4.strip()!r} vs spec {spec.get('t4')}")
    return problems


if __name__ == "__main__" and "--check" in sys.argv:
    bad = [p for n, s in SPECS.items() for p in digits_check(n, s)]
    print("\n".join(bad) or "every table digit agrees with the saved page text")
