from __future__ import annotations

import json
import sys
from enum import Enum

import typer

from ._common import app, handle_errors


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("rules")
def rules(
    fmt: RulesFormat = typer.Option(
        RulesFormat.text, "--format", help="输出格式：text（默认）、json 或 markdown（即 docs/rules.md）。"
    ),
) -> None:
    """列出 disclosure check 的全部规则：代码、级别、说明和依据。"""
    from ..checks.catalogue import CATALOGUE, FAMILIES, LEVEL_NAMES
    from ..checks.reference import rules_json, rules_markdown

    with handle_errors():
        if fmt is RulesFormat.json:
            sys.stdout.write(json.dumps(rules_json(), ensure_ascii=False, indent=2) + "\n")
            return
        if fmt is RulesFormat.markdown:
            sys.stdout.write(rules_markdown())
            return
        from ._output import Out

        out = Out()
        for family, title in FAMILIES.items():
            out.line((title, "bold"))
            for r in CATALOGUE.values():
                if r.family == family:
                    out.line(f"  {r.code:<28} {LEVEL_NAMES[r.level]}  {r.title}")
            out.line()
