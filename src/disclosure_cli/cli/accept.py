from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_OK
from ._common import app, handle_errors


@app.command("accept")
def accept(
    file: Path = typer.Argument(..., help="报告文件（工作簿、JSON 数据文件，或已发布的网页、Word、PDF）。"),
    targets: Optional[List[str]] = typer.Argument(
        None, help="要确认的问题：规则代码（该代码的全部问题）或 fingerprint（一个问题，见 check --format json）。"
    ),
    reason: Optional[str] = typer.Option(None, "--reason", "-r", help="确认的理由（必填），如“本单位无法人申请，空白即为0”。"),
    by: Optional[str] = typer.Option(None, "--by", help="审核人姓名（默认为当前系统用户名）。"),
    error: bool = typer.Option(False, "--error", help="允许确认错误级别的问题（须慎重）。"),
    all_warnings: bool = typer.Option(False, "--all-warnings", help="确认报告中全部警告。"),
    undo: bool = typer.Option(False, "--undo", help="撤销这份报告对上述问题的确认。"),
    reviewed: bool = typer.Option(
        False,
        "--reviewed",
        help="已发布的网页或文档：只记录审核过的是哪个版本（SHA-256 及表格、段落摘要），不确认任何问题；"
        "此后该报告的文件一旦改动，check 报告“发布后内容有变化”及改了什么。",
    ),
    decisions: Optional[Path] = typer.Option(
        None, "--decisions", help="审核记录文件（默认为报告所在文件夹中的“审核记录.json”，没有则新建）。"
    ),
    previous: Optional[Path] = typer.Option(
        None, "--previous", "-p", help="上一年度的报告（确认跨年度核对的问题时需要，与 check 相同）。"
    ),
) -> None:
    """确认问题：审核人员认可某个问题（写明理由），此后 check 将其显示为“已确认”，不再计入退出码。

    确认记在报告所在文件夹的“审核记录.json”中（可放在共享盘或版本库中）。问题涉及的数值或文字一旦改变，确认即失效（见 disclosure decisions --stale）。

    报告是已发布的网页或文档（.html/.htm/.docx/.pdf/.doc/.wps）时，同时记下审核的是哪个版本（SHA-256 和表格、段落的摘要）；以后检查改过的文件，会提示“发布后内容有变化”并列出改动。只记录版本、不确认问题：accept 文件 --reviewed。

    错误级别的问题须加 --error 才能确认；--undo 撤销确认。退出码：0 已记录；2 报告无法读取、问题不存在或用法错误。"""
    from .. import decisions as D
    from ..checks import check_report
    from ..errors import UsageError
    from ..reader import load
    from ._output import Out

    with handle_errors():
        targets = [t for t in (targets or []) if t.strip()]
        if not file.is_file():
            raise UsageError(f"请给出一个报告文件（不是文件夹）：{file}", code="usage") if file.is_dir() else UsageError(
                f"文件不存在：{file}", code="input-missing"
            )
        if undo:
            if all_warnings or error or reason or reviewed:
                raise UsageError("--undo 只需给出要撤销的问题代码或 fingerprint", code="usage")
            report = load(file)
            path, removed = D.undo(report, targets, input_path=file, decisions_path=decisions)
            out = Out()
            out.line(f"已撤销 {len(removed)} 条确认（{path}）：")
            for d in removed:
                out.line(f"  {d['code']}  {d['fingerprint']}  理由：{d['reason']}")
            raise typer.Exit(EXIT_OK)
        prev = load(previous) if previous is not None else None
        result = check_report(load(file), prev)
        if not targets and not all_warnings and not reviewed:
            _print_candidates(result)
            raise UsageError("请给出要确认的问题代码或 fingerprint（见上），或加 --all-warnings", code="usage")
        if not (reason or "").strip() and (targets or all_warnings):
            raise UsageError("请用 --reason 写明确认的理由", code="decision-no-reason")
        path, added = D.accept(
            result,
            targets,
            reason=reason or "",
            by=by,
            allow_errors=error,
            all_warnings=all_warnings,
            input_path=file,
            decisions_path=decisions,
            reviewed=reviewed,
        )
        out = Out()
        if targets or all_warnings:
            _print_added(out, result, path, added)
        _print_reviewed(out, result, path)
        raise typer.Exit(EXIT_OK)


def _print_reviewed(out, result, path) -> None:
    """What was recorded of the copy reviewed (a published page or document), and what had
    changed since the copy reviewed before, if any."""
    copy = getattr(result, "reviewed_record", None)
    if copy is None:
        return
    out.line(f"已记录审核的版本：{copy.get('file')}（SHA-256 {str(copy.get('sha256'))[:12]}…），记录在 {path}")
    before = getattr(result, "replaced_record", None)
    if before is not None and before.get("sha256") != copy.get("sha256"):
        from ..reviewed import changes

        said, _ = changes(before, result.report)
        what = "；".join(said[:12]) + (f"；等共 {len(said)} 处" if len(said) > 12 else "") if said else "内容未变（仅网页格式变化）"
        out.line(f"  取代此前审核的版本（SHA-256 {str(before.get('sha256'))[:12]}…，{before.get('by') or ''} {str(before.get('at') or '')[:10]}）：{what}")


def _print_candidates(result) -> None:
    """The findings one could accept, with their fingerprints (on stderr, before the error)."""
    from ..checks.present import level_name, location
    from ._output import Out

    out = Out(stderr=True)
    if not result.findings:
        out.line("这份报告没有问题需要确认。")
        return
    out.line("报告中的问题（规则代码、fingerprint、位置）：")
    fmt = result.report.format
    for f in result.findings:
        where = location(fmt, f.refs[0]) if f.refs else ""
        out.line(f"  {level_name(f.level)} {f.code}  {f.fingerprint}  {where}")


def _print_added(out, result, path, added) -> None:
    from ..checks.present import level_name

    if not added:
        out.line(f"这些问题此前都已确认，没有新的记录（{path}）")
        return
    counts: dict[str, int] = {}
    for d in added:
        counts[d["level"]] = counts.get(d["level"], 0) + 1
    parts = "，".join(f"{level_name(k)} {v}" for k, v in counts.items())
    out.line(f"已确认 {len(added)} 个问题（{parts}），记录在 {path}：")
    for d in added:
        where = d["values"][0]["where"] if d["values"] else ""
        out.line(f"  {d['code']}  {d['fingerprint']}  {where}")
