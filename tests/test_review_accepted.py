"""The review page with the reviewer's decisions (issue 13): accepted findings are listed as
已确认 with the reason, who and when, are not counted as errors or warnings in the unit's status,
and their cells are not flagged."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

from conftest import SAMPLES
from disclosure_cli import decisions as D
from disclosure_cli.checks import check_paths


class _Page(HTMLParser):
    """Per unit section: flagged cells, accepted items (code → text), and the units table's
    status cell text per unit name."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.flags: dict[str, set[str]] = {}
        self.accepted: dict[str, list[str]] = {}
        self._in_acc = 0
        self._buf: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "section" and "unit" in cls:
            self.section = a["id"]
        if tag == "td" and "flag" in cls:
            self.flags.setdefault(self.section, set()).add(a["data-ref"])
        if tag == "li" and "accepted" in cls:
            self._in_acc = 1
            self._buf = []
            self._code = a["data-code"]
        elif self._in_acc and tag == "li":
            self._in_acc += 1

    def handle_endtag(self, tag):
        if tag == "li" and self._in_acc:
            self._in_acc -= 1
            if not self._in_acc:
                self.accepted.setdefault(self.section, []).append((self._code, "".join(self._buf)))

    def handle_data(self, data):
        self.text.append(data)
        if self._in_acc:
            self._buf.append(data)


def _reviewed(cli, folder, out):
    """``review FOLDER -o OUT``: the page written, and what ``_Page`` reads on it."""
    r = cli("review", folder, "-o", out)
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    return html, page


def test_review_page_shows_accepted_findings_apart(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")  # 5 warnings
    shutil.copy(SAMPLES / "huaian-2024.json", folder / "huaian.json")
    r = cli("accept", folder / "zhujie.json", "value-blank", "--reason", "本单位无法人申请，空白即为0", "--by", "张三")
    assert r.exit_code == 0, r.stderr
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    html, page = _reviewed(cli, folder, tmp_path / "审核.html")
    items = dict(check_paths([folder]))
    zhujie = items[str(folder / "zhujie.json")]
    assert len(zhujie.accepted_findings) == 3 and zhujie.warnings == 2
    # which unit section is zhujie's: the one listing the accepted findings
    (uid,) = [u for u, acc in page.accepted.items() if acc]
    acc = page.accepted[uid]
    assert [c for c, _ in acc] == ["value-blank"] * 3
    for _, text in acc:
        assert text.startswith("已确认 警告 value-blank")
        assert "理由：本单位无法人申请，空白即为0（张三，" in text
    # the cells of accepted findings are not flagged; those of open findings are
    accepted_cells = {
        f"{ref['table']}[{ref['row']}][{ref['column']}]" for f in zhujie.accepted_findings for ref in f.refs if "table" in ref
    }
    assert accepted_cells and not (page.flags.get(uid, set()) & accepted_cells)
    # the units table counts the open warnings only, and says how many were accepted
    row = html[html.index('id="units"') :]
    row = row[row.index("曲靖市麒麟区珠街街道") :]
    row = row[: row.index("</tr>")]
    assert '<td data-sort="2">2</td>' in row  # warnings: 2 open (5 - 3 accepted)
    assert "已确认 3" in row and "有警告" in row
    assert "审核人员已确认的问题 3 个" in html
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_unit_whose_warnings_are_all_accepted_passes_and_still_lists_them(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")
    assert cli("accept", folder / "zhujie.json", "--all-warnings", "-r", "已核实", "--by", "李四").exit_code == 0
    html, page = _reviewed(cli, folder, tmp_path / "审核.html")
    row = html[html.index('id="units"') :]
    row = row[: row.index("</tr>", row.index("曲靖市麒麟区珠街街道"))]
    assert "通过" in row and "已确认 5" in row
    (acc,) = [a for a in page.accepted.values() if a]
    assert len(acc) == 5 and all("理由：已核实（李四，" in t for _, t in acc)
    assert not any(page.flags.values())
    doc = json.loads((folder / D.DEFAULT_NAME).read_text(encoding="utf-8"))
    assert len(doc["decisions"]) == 5


def test_the_accepted_list_is_accessible(cli, tmp_path):
    """axe-core finds nothing on a page with accepted findings (Chromium)."""
    from conftest import need_tool
    from test_render_realclient import CHROMIUM_ARGS, _axe_source

    chromium = need_tool("chromium", "chromium-browser")
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "zhujie-2020.json", folder / "zhujie.json")
    assert cli("accept", folder / "zhujie.json", "value-blank", "-r", "空白即为0", "--by", "张三").exit_code == 0
    out = tmp_path / "审核.html"
    assert cli("review", folder, "-o", out).exit_code == 0
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 390, "height": 900})
        page.goto(out.as_uri())
        page.add_script_tag(content=_axe_source())
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        b.close()
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations
