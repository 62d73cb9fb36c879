"""The report as one self-contained, accessible web page (or a body fragment for a CMS).

Jinja2 templates in ``templates/`` (``report.html.j2``, ``fragment.html.j2``, ``body.html.j2``)
with autoescaping on: a narrative containing ``<script>`` or ``&`` is shown as text. Tables are
drawn from the shared layout grid with ``rowspan``/``colspan`` and ``th scope``. Jinja2 is
imported lazily.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .. import __version__
from . import DATE, DRAFT_MARK, HEADING, INTRO, PARA, SIGNATURE, TABLE, TITLE, Document, run_in_heading
from .tables import CORNER, HEADER, HEADING as GRID_HEADING, LABEL, VALUE, Grid, bands

GENERATOR = f"disclosure {__version__}"


@dataclass(frozen=True)
class HtmlCell:
    tag: str  # th | td
    text: str
    rowspan: int = 1
    colspan: int = 1
    scope: str | None = None
    cls: str | None = None
    align: str | None = None  # for the fragment (attributes instead of CSS)


@functools.lru_cache(maxsize=None)
def _template_source(name: str) -> str:
    return resources.files("disclosure_cli.templates").joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _environment():
    """One environment per process: templates are compiled once, not for every report."""
    import jinja2  # lazy

    def load(name: str):
        try:
            return _template_source(name)
        except FileNotFoundError:
            return None

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def _cell(doc: Document, c) -> HtmlCell:
    if c.kind == VALUE:
        return HtmlCell("td", doc.value(c.key), c.rowspan, c.colspan, None, "num", "center")
    if c.kind == LABEL:
        group = c.rowspan > 1
        return HtmlCell(
            "th", c.text, c.rowspan, c.colspan, c.scope or ("rowgroup" if group else "row"),
            "group" if group else "label", "center" if group else "left",
        )
    if c.kind == CORNER:
        return HtmlCell("th", c.text, c.rowspan, c.colspan, "col", "corner", "center")
    if c.kind == GRID_HEADING:
        return HtmlCell("th", c.text, c.rowspan, c.colspan, c.scope or "colgroup", "heading", "center")
    assert c.kind == HEADER, c.kind
    return HtmlCell("th", c.text, c.rowspan, c.colspan, c.scope or "col", None, "center")


def _table_groups(doc: Document, g: Grid) -> list[dict]:
    """``thead`` for the repeating header rows, one ``tbody`` per band of body rows."""
    rows = g.rows()
    out = []
    for band in bands(g):
        tag = "thead" if band.kind == "head" else "tbody"
        out.append(
            {"tag": tag, "rows": [[_cell(doc, c) for c in rows[r]] for r in range(band.first, band.last + 1)]}
        )
    return out


def _blocks(doc: Document) -> tuple[list[dict], list[str]]:
    out: list[dict] = []
    signature: list[str] = []
    level = 1  # the last heading level used (h1 = title)
    n_table = 0
    for b in doc.pieces:
        if b.kind == TITLE:
            out.append({"kind": "title", "text": b.text})
        elif b.kind in (INTRO, PARA):
            head, rest = run_in_heading(b.text) if b.kind == PARA else ("", b.text)
            out.append({"kind": b.kind, "text": b.text, "head": head, "rest": rest})
        elif b.kind == HEADING:
            # Section headings are h2, （一） h3, 1. h4 — never skipping a level.
            tag = min(b.level + 1, level + 1)
            level = tag
            out.append(
                {"kind": "heading", "tag": tag, "text": b.text, "id": f"s{b.section}" if b.level == 1 else None}
            )
        elif b.kind == TABLE:
            n_table += 1
            out.append(
                {
                    "kind": "table",
                    "caption": b.text,
                    "caption_id": f"{b.grid.table.id}-caption",
                    "shape": b.grid.table.shape,
                    "groups": _table_groups(doc, b.grid),
                }
            )
        elif b.kind in (SIGNATURE, DATE):
            signature.append(b.text)
    return out, signature


def render_html(doc: Document, *, fragment: bool = False, stamp: str | None = None) -> str:
    """The page (or, with ``fragment``, the body only) as text."""
    env = _environment()
    blocks, signature = _blocks(doc)
    template = env.get_template("fragment.html.j2" if fragment else "report.html.j2")
    return template.render(
        doc=doc,
        blocks=blocks,
        signature=signature,
        fragment=fragment,
        stamp=stamp,
        generator=GENERATOR,
        draft_mark=DRAFT_MARK,
        css=_template_source("report.css"),
    )
