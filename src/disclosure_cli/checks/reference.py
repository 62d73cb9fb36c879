"""The rule reference, generated from the catalogue (``docs/rules.md`` is this, written out)."""

from __future__ import annotations

from .catalogue import CATALOGUE, FAMILIES, LEVEL_NAMES

SCHEMA = 1


def rules_json() -> dict:
    return {"schema": SCHEMA, "rules": [r.to_json() for r in CATALOGUE.values()]}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_markdown() -> str:
    lines = [
        "# 校验规则一览（disclosure check）",
        "",
        "<!-- 本文件由 `disclosure rules --format markdown > docs/rules.md` 生成，请勿手工修改；"
        "tests/test_check_catalogue.py 在它过期时失败。 -->",
        "",
        "每条问题（finding）带有稳定的规则代码、级别、中文说明和引用位置（refs）。级别：",
        "**错误**（error）阻止定稿，`disclosure check` 退出码为 1；**警告**（warning）需要人工核对，"
        "加 `--strict` 时也使退出码为 1；**提示**（info）仅供参考。",
        "",
        "引用位置：单元格为 `{\"table\", \"row\", \"column\", \"value\", \"sheet\", \"cell\", \"label\"}`"
        "（表四的 `row` 为分组 id；`sheet`、`cell` 仅在输入为工作簿时出现）；正文为 "
        "`{\"section\", \"paragraph\", \"quote\"}`（`paragraph` 从 1 数起，0 表示整个部分）；"
        "报告信息为 `{\"field\", \"value\"}`（如 `org`、`year`、`meta.published`）；"
        "上一年度报告中的位置另有 `\"previous\": true`。",
        "",
        "`--select` / `--ignore` 接受规则代码或以 `*` 结尾的前缀（如 `value-*`），多个用逗号分隔。",
        "",
    ]
    for family, title in FAMILIES.items():
        rules = [r for r in CATALOGUE.values() if r.family == family]
        lines += [f"## {title}", "", "| 代码 | 级别 | 规则 |", "|---|---|---|"]
        for r in rules:
            lines.append(f"| `{r.code}` | {LEVEL_NAMES[r.level]} | {_cell(r.title)} |")
        lines.append("")
        for r in rules:
            lines += [
                f"### `{r.code}` — {r.title}",
                "",
                f"- 级别：{LEVEL_NAMES[r.level]}（`{r.level}`）",
                f"- 检查内容：{r.description}",
                f"- 依据：{r.basis}",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"
