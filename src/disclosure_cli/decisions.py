"""A reviewer's decisions: findings accepted once, with a reason, that stay accepted while the
values behind them do not change.

The decisions live in one file per folder, next to the reports (``审核记录.json``), so that a
reviewer can keep it on the share or in version control and read its diffs::

    {
      "kind": "disclosure-decisions",
      "schema": 1,
      "decisions": [
        {"org": "某某区人民政府办公室", "year": 2024, "file": "某某区.xlsx", "sha256": "…",
         "code": "value-blank", "level": "warning", "fingerprint": "3f2a…",
         "message": "…", "values": [{"where": "表三!J7 …", "value": null}],
         "reason": "本单位无法人申请，空白即为0", "by": "张三", "at": "2025-01-20T10:31:02+08:00"}
      ]
    }

A decision applies to a finding of the same report (same 机关名称 and 年度; the file name only
when the report has no 机关名称) with the same ``fingerprint`` (``Finding.fingerprint``: the
code, what the finding is about and the values) and the same level. When the values change the
fingerprint changes, the decision no longer applies and is *stale* (listed, never applied to
anything else). ``sha256`` records which copy of the input was reviewed.

When the input is a published page or document (``report.imported``), ``accept`` also records the
copy reviewed in a second list, ``"reviewed"`` (one record per report and file: its SHA-256, the
importer, and a compact snapshot of its cells, fields and paragraphs — ``reviewed``); ``accept
FILE --reviewed`` records it without accepting any finding. ``check`` and ``build`` compare a
later copy of the same report with it (``published-changed`` / ``published-reformatted``). A file
with reviewed records is written as schema 2, so that an older program refuses it rather than
rewrite it without them; a file without is schema 1, as before.

Writing is safe with several reviewers at once: a lock file next to the decisions file
(``filelock``), then read → change → write to a temporary file in the same folder → ``os.replace``.
A decisions file that cannot be read is an error naming the line, never ignored."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator, Sequence

from .errors import InputError, OutputError, UsageError, os_reason

DEFAULT_NAME = "审核记录.json"
KIND = "disclosure-decisions"
SCHEMA = 2  # the newest schema read; written only when there are reviewed records
DECISIONS_SCHEMA = 1  # what a file of decisions alone is written as
LOCK_TIMEOUT = 30.0  # seconds another reviewer's write may take

# The fields of a decision, in the order they are written.
FIELDS = ("org", "year", "file", "sha256", "code", "level", "fingerprint", "message", "values", "reason", "by", "at")
_REQUIRED = {"org": str, "code": str, "level": str, "fingerprint": str, "reason": str}


class DecisionsError(InputError):
    """The decisions file cannot be used (not JSON, not ours, a newer schema...)."""

    default_code = "decisions-unusable"


# --- the file ---------------------------------------------------------------------------------


def default_path(input_path: str | os.PathLike) -> Path:
    """The decisions file that applies to a report: ``审核记录.json`` in its folder."""
    return Path(os.path.abspath(input_path)).parent / DEFAULT_NAME


def path_for(input_path: str | os.PathLike, decisions: str | os.PathLike | None = None) -> Path:
    """``decisions`` (a folder: its ``审核记录.json``), or the default next to ``input_path``."""
    if decisions is None:
        return default_path(input_path)
    path = Path(os.path.abspath(decisions))
    return path / DEFAULT_NAME if path.is_dir() else path


def read(path: str | os.PathLike) -> list[dict]:
    """The decisions in ``path`` ([] when the file does not exist). Anything else that is not a
    decisions file raises ``DecisionsError`` naming the line."""
    return read_all(path)[0]


def read_all(path: str | os.PathLike) -> tuple[list[dict], list[dict]]:
    """The decisions and the reviewed records (``reviewed``) in ``path``."""
    path = Path(path)
    blob = _bytes(path)
    return ([], []) if blob is None else _parse(path, blob)


def _bytes(path: Path) -> bytes | None:
    """The file's bytes; None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise _bad(path, "这是一个文件夹，不是审核记录文件") from None
    except OSError as e:
        raise _bad(path, f"无法读取（{os_reason(e)}）") from None


def _parse(path: Path, blob: bytes) -> tuple[list[dict], list[dict]]:
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = blob[: e.start].count(b"\n") + 1
        raise _bad(path, f"第 {line} 行不是 UTF-8 编码的文字") from None
    if not text.strip():
        return [], []
    import json  # here, not at the top: `check` without decisions does not need it

    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _bad(path, f"第 {e.lineno} 行第 {e.colno} 列不是有效的 JSON（{_json_reason(e.msg)}）") from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise _bad(path, f"不是审核记录文件（应有 \"kind\": \"{KIND}\"）")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _bad(path, "缺少有效的 \"schema\" 版本号")
    if schema > SCHEMA:
        raise _bad(path, f"由更新版本的程序写出（schema {schema}），请升级 disclosure 后再使用")
    items = data.get("decisions", [])
    if not isinstance(items, list):
        raise _bad(path, "\"decisions\" 应为列表")
    for n, d in enumerate(items, start=1):
        where = f"第 {n} 条记录（约第 {_line_of(text, n)} 行）"
        if not isinstance(d, dict):
            raise _bad(path, f"{where}不是一个对象")
        for key, typ in _REQUIRED.items():
            if not isinstance(d.get(key), typ):
                raise _bad(path, f"{where}缺少“{key}”或类型不对")
        year = d.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise _bad(path, f"{where}的“year”应为整数")
    reviewed = data.get("reviewed", [])
    if not isinstance(reviewed, list):
        raise _bad(path, "\"reviewed\" 应为列表")
    for n, d in enumerate(reviewed, start=1):
        line = _line_of(text[text.find('"reviewed"'):], n, key='"importer"') + text.count("\n", 0, text.find('"reviewed"'))
        where = f"“reviewed”中第 {n} 条记录（约第 {line} 行）"
        if not isinstance(d, dict):
            raise _bad(path, f"{where}不是一个对象")
        for key in ("org", "sha256"):
            if not isinstance(d.get(key), str):
                raise _bad(path, f"{where}缺少“{key}”或类型不对")
        for key in ("tables", "sections", "fields"):
            if not isinstance(d.get(key, {}), dict):
                raise _bad(path, f"{where}的“{key}”应为对象")
    return items, reviewed


def _bad(path: Path, what: str) -> DecisionsError:
    return DecisionsError(f"审核记录文件 {path} {what}；请修正或从备份恢复该文件。", code="decisions-corrupt", path=None)


def _json_reason(msg: str) -> str:
    known = {
        "Expecting value": "缺少值",
        "Expecting ',' delimiter": "缺少逗号",
        "Expecting ':' delimiter": "缺少冒号",
        "Expecting property name enclosed in double quotes": "键名应使用双引号",
        "Unterminated string starting at": "字符串没有结束的引号",
        "Extra data": "多余的内容",
        "Invalid control character at": "字符串中有控制字符",
    }
    return known.get(msg, msg)


def _line_of(text: str, n: int, key: str = '"fingerprint"') -> int:
    """Roughly where the n-th record starts (the n-th ``key``), for messages."""
    pos = -1
    for _ in range(n):
        pos = text.find(key, pos + 1)
        if pos < 0:
            return 1
    return text.count("\n", 0, pos) + 1


def _sort_key(d: dict) -> tuple:
    return (d.get("org") or "", d.get("year") or 0, d.get("file") or "", d.get("code"), d.get("fingerprint"))


REVIEWED_FIELDS = ("org", "year", "file", "sha256", "importer", "by", "at", "format", "fields", "tables", "sections")


def dumps(decisions: Iterable[dict], reviewed: Iterable[dict] = ()) -> str:
    """The file's text: stable order of decisions and of fields, pretty-printed, UTF-8. In a
    reviewed record each row of a table is one line (a changed cell: one changed line)."""
    items = [{k: d[k] for k in FIELDS if k in d} | {k: v for k, v in d.items() if k not in FIELDS} for d in decisions]
    items.sort(key=_sort_key)
    copies = [{k: d[k] for k in REVIEWED_FIELDS if k in d} | {k: v for k, v in d.items() if k not in REVIEWED_FIELDS} for d in reviewed]
    copies.sort(key=lambda d: (d.get("org") or "", d.get("year") or 0, d.get("file") or ""))
    doc: dict = {"kind": KIND, "schema": SCHEMA if copies else DECISIONS_SCHEMA, "decisions": items}
    rows: list[list] = []
    if copies:
        for c in copies:  # rows → placeholders, written compactly below
            tables = c.get("tables")
            if isinstance(tables, dict):
                c["tables"] = {
                    t: ({r: _hold(rows, v) for r, v in body.items()} if isinstance(body, dict) else body) for t, body in tables.items()
                }
        doc["reviewed"] = copies
    import json

    text = json.dumps(doc, ensure_ascii=False, indent=2, default=str)
    for n, row in enumerate(rows):
        text = text.replace(json.dumps(f"\0row{n}\0"), json.dumps(row, ensure_ascii=False, default=str), 1)
    return text + "\n"


def _hold(rows: list, value):
    if not isinstance(value, list):
        return value
    rows.append(value)
    return f"\0row{len(rows) - 1}\0"


def write(path: str | os.PathLike, decisions: Iterable[dict], reviewed: Iterable[dict] = ()) -> None:
    """Replace ``path`` atomically (a temporary file in the same folder, then a rename)."""
    from .outputs import write_text

    try:
        write_text(Path(path), dumps(decisions, reviewed), force=True)
    except OutputError as e:
        raise OutputError(f"无法写入审核记录文件 {path}（{e.message}）", code="decisions-write") from None


def lock_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.parent / f".{path.name}.lock"  # hidden: folder discovery skips it


@contextmanager
def locked(path: str | os.PathLike, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the decisions file's lock (another reviewer's ``accept`` waits for it)."""
    from filelock import FileLock, Timeout

    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"审核记录文件所在的文件夹不存在：{path.parent}", code="decisions-write")
    try:
        with FileLock(str(lock_path(path)), timeout=timeout):
            yield
    except Timeout:
        raise OutputError(
            f"审核记录文件 {path} 正由其他人修改（等待 {timeout:g} 秒仍未完成），请稍后再试", code="decisions-locked"
        ) from None
    except PermissionError as e:
        raise OutputError(f"无法锁定审核记录文件 {path}（{os_reason(e)}）", code="decisions-write") from None


def update(
    path: str | os.PathLike,
    change: Callable[[list[dict]], list[dict]],
    change_reviewed: Callable[[list[dict]], list[dict]] | None = None,
) -> list[dict]:
    """Read → ``change`` (and ``change_reviewed``) → atomic rewrite, under the lock: concurrent
    updates are not lost."""
    with locked(path):
        old, reviewed = read_all(path)
        new = change(old)
        if change_reviewed is not None:
            reviewed = change_reviewed(reviewed)
        write(path, new, reviewed)
        return new


# --- reports and findings -----------------------------------------------------------------


def about(decision: dict, report, file_name: str | None) -> bool:
    """Whether ``decision`` is about ``report`` (same 机关名称 and 年度; with no 机关名称, the
    same file name)."""
    if decision.get("org") != (report.org or "") or decision.get("year") != report.year:
        return False
    return bool(report.org) or decision.get("file") == file_name


def _name(input_path) -> str | None:
    return os.path.basename(input_path) if input_path else None


def _values(report, finding) -> list[dict]:
    from .checks.present import location

    out = []
    for ref in finding.refs:
        item = {"where": location(report.format, ref)}
        item["value"] = ref["quote"] if "quote" in ref else ref.get("value")
        out.append(item)
    return out


def make(result, finding, *, reason: str, by: str, at: str, input_path=None, sha256: str | None = None) -> dict:
    """The decision accepting ``finding`` of ``result``."""
    r = result.report
    d = {
        "org": r.org or "",
        "year": r.year,
        "file": _name(input_path or r.path),
        "sha256": sha256,
        "code": finding.code,
        "level": finding.level,
        "fingerprint": finding.fingerprint,
        "message": finding.message,
        "values": _values(r, finding),
        "reason": reason,
        "by": by,
        "at": at,
    }
    import json

    return json.loads(json.dumps(d, ensure_ascii=False, default=str))  # as it will be read back


def current_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "未知"


def now() -> str:
    from datetime import datetime

    return datetime.now().astimezone().isoformat(timespec="seconds")


def select(result, targets: Sequence[str], *, all_warnings: bool = False, allow_errors: bool = False) -> list:
    """The findings of ``result`` named by ``targets`` (codes or fingerprints; ``all_warnings``:
    every warning too). A target that names nothing, or an error without ``allow_errors``, is a
    usage error."""
    chosen: dict[int, object] = {}
    missing = []
    for t in targets:
        t = t.strip()
        hits = [f for f in result.findings if f.code == t or f.fingerprint == t.lower()]
        if not hits:
            missing.append(t)
        for f in hits:
            chosen[id(f)] = f
    if missing:
        raise UsageError(
            f"报告中没有这些问题：{'、'.join(missing)}（用 disclosure check 查看问题代码，或用 --format json 查看 fingerprint）",
            code="decision-no-finding",
        )
    if all_warnings:
        for f in result.findings:
            if f.level == "warning":
                chosen[id(f)] = f
    findings = [f for f in result.findings if id(f) in chosen]
    if not findings:
        raise UsageError("没有需要确认的问题（报告中没有警告）", code="decision-no-finding")
    errors = [f for f in findings if f.level == "error"]
    if errors and not allow_errors:
        codes = "、".join(dict.fromkeys(f.code for f in errors))
        raise UsageError(
            f"{codes} 是错误级别的问题；确认错误须慎重，如确属无误请加 --error 再运行", code="decision-error-level"
        )
    return findings


def accept(
    result,
    targets: Sequence[str] = (),
    *,
    reason: str,
    by: str | None = None,
    allow_errors: bool = False,
    all_warnings: bool = False,
    input_path: str | os.PathLike | None = None,
    decisions_path: str | os.PathLike | None = None,
    reviewed: bool = False,
) -> tuple[Path, list[dict]]:
    """Record decisions accepting the findings named by ``targets``; returns the decisions file
    and the decisions written (a finding accepted again gets the new reason).

    When the report is a published copy (``report.imported``), the copy reviewed is recorded too
    (``record_reviewed``); with ``reviewed`` and no targets only that is recorded (no reason
    needed)."""
    reason = (reason or "").strip()
    only_copy = reviewed and not targets and not all_warnings
    if not reason and not only_copy:
        raise UsageError("请用 --reason 写明确认的理由", code="decision-no-reason")
    input_path = input_path or result.report.path
    if input_path is None:
        raise UsageError("不知道报告文件的位置，请用 --decisions 指定审核记录文件", code="usage")
    if reviewed and not result.report.imported:
        raise UsageError(
            "--reviewed 只用于已发布的网页或文档（.html/.htm/.docx/.pdf/.doc/.wps）：工作簿和 JSON 数据文件不记录审核版本",
            code="decision-not-published",
        )
    findings = [] if only_copy else select(result, targets, all_warnings=all_warnings, allow_errors=allow_errors)
    named = {f.fingerprint for f in select(result, targets, allow_errors=True)} if targets else set()
    from .build.stamp import file_sha256

    sha = file_sha256(input_path) if os.path.isfile(input_path) else None
    stamp, who = now(), (by or "").strip() or current_user()
    new = [make(result, f, reason=reason, by=who, at=stamp, input_path=input_path, sha256=sha) for f in findings]
    name = _name(input_path)

    def change(old: list[dict]) -> list[dict]:
        # A finding named again gets the new reason; one taken in only by --all-warnings keeps
        # the reason it was accepted with before.
        before = {d["fingerprint"] for d in old if about(d, result.report, name)}
        adding = [d for d in new if d["fingerprint"] in named or d["fingerprint"] not in before]
        replaced = {d["fingerprint"] for d in adding}
        kept = [d for d in old if not (about(d, result.report, name) and d["fingerprint"] in replaced)]
        new[:] = adding
        return kept + adding

    if result.report.imported:
        from . import reviewed as RV

        copy = RV.record(result.report, by=who, at=stamp)
        if copy.get("sha256") is None:
            copy["sha256"] = sha
        result.reviewed_record = copy
        result.replaced_record = None

        def change_reviewed(old: list[dict]) -> list[dict]:
            same = [d for d in old if about(d, result.report, name) and d.get("file") == copy["file"]]
            result.replaced_record = same[-1] if same else None
            return [d for d in old if not any(d is x for x in same)] + [copy]

    else:
        change_reviewed = None
    path = path_for(input_path, decisions_path)
    update(path, change, change_reviewed)
    return path, new


def undo(
    report,
    targets: Sequence[str],
    *,
    input_path: str | os.PathLike | None = None,
    decisions_path: str | os.PathLike | None = None,
) -> tuple[Path, list[dict]]:
    """Remove this report's decisions on ``targets`` (codes or fingerprints, stale ones too)."""
    input_path = input_path or report.path
    path = path_for(input_path, decisions_path)
    name = _name(input_path)
    wanted = {t.strip().lower() for t in targets if t.strip()}
    if not wanted:
        raise UsageError("请给出要撤销的问题代码或 fingerprint", code="usage")
    removed: list[dict] = []

    def hit(d: dict) -> bool:
        return about(d, report, name) and (d["code"].lower() in wanted or d["fingerprint"].lower() in wanted)

    def change(old: list[dict]) -> list[dict]:
        removed[:] = [d for d in old if hit(d)]
        found = {x for d in removed for x in (d["code"].lower(), d["fingerprint"].lower())}
        missing = sorted(wanted - found)
        if missing:
            raise UsageError(f"{path} 中没有这份报告的这些审核记录：{'、'.join(missing)}", code="decision-not-found")
        return [d for d in old if not hit(d)]

    update(path, change)
    return path, removed


# --- applying -------------------------------------------------------------------------------


def judged_codes(*, select=None, ignore=None, previous: bool = False) -> Callable[[str], bool]:
    """Whether a check run with these options can tell if a finding of ``code`` still occurs
    (a rule left out by --select/--ignore, or a 跨年度 rule without --previous, cannot)."""
    from .checks.catalogue import CATALOGUE, matches
    from .checks.runner import validate_codes

    sel, ign = validate_codes(select, ignore)

    def judged(code: str) -> bool:
        rule = CATALOGUE.get(code)
        if rule is not None and rule.family == "previous" and not previous:
            return False
        return (not sel or matches(code, sel)) and not matches(code, ign)

    return judged


def apply(
    result,
    decisions: Iterable[dict],
    *,
    input_path: str | os.PathLike | None = None,
    decisions_path: str | os.PathLike | None = None,
    judged: Callable[[str], bool] | None = None,
    reviewed: Iterable[dict] = (),
):
    """Mark the findings of ``result`` that a decision accepts (``finding.accepted``) and list
    this report's decisions whose finding no longer occurs (``result.stale``). A decision applies
    only to a finding with the same fingerprint and level.

    With ``reviewed`` records (``reviewed``) and a published copy as input whose bytes differ from
    the copy reviewed, ``published-changed`` (or ``published-reformatted``) is added first.
    Returns ``result``."""
    report = result.report
    name = _name(input_path or report.path)
    judged = judged or (lambda code: True)
    changed = published_finding(report, reviewed, name, judged)
    if changed is not None:
        result.findings.insert(0, changed)
    mine = [d for d in decisions if about(d, report, name)]
    by_print: dict[tuple[str, str], dict] = {}
    for d in sorted(mine, key=lambda d: str(d.get("at") or "")):
        by_print[(d["fingerprint"], d["level"])] = d  # the latest decision wins
    present = set()
    for f in result.findings:
        d = by_print.get((f.fingerprint, f.level))
        f.accepted = {"reason": d["reason"], "by": d.get("by"), "at": d.get("at")} if d else None
        present.add((f.fingerprint, f.level))
    result.stale = [d for d in mine if (d["fingerprint"], d["level"]) not in present and judged(d["code"])]
    result.decisions_path = str(decisions_path) if decisions_path is not None else None
    return result


def reviewed_for(report, reviewed: Iterable[dict], file_name: str | None) -> dict | None:
    """The reviewed record a copy of ``report`` is compared with: of this report (same 机关名称
    and 年度), the one of the same file name, else the latest (a copy saved again under another
    name is still that report). A report without 机关名称 is known only by its file name."""
    mine = [d for d in reviewed if about(d, report, file_name)]
    if not mine:
        return None
    same = [d for d in mine if d.get("file") == file_name]
    return max(same or mine, key=lambda d: str(d.get("at") or ""))


def published_finding(report, reviewed: Iterable[dict], file_name: str | None, judged: Callable[[str], bool]):
    """``published-changed`` / ``published-reformatted`` for a published copy whose bytes differ
    from the copy reviewed (``checks.published``); None otherwise."""
    if not getattr(report, "imported", None):
        return None
    from .checks.published import check

    return check(report, reviewed_for(report, reviewed, file_name), judged)


def key_for(decisions: Iterable[dict], reviewed: Iterable[dict], org: str | None, year: int | None, file_name: str | None) -> str:
    """The identity of what a decisions file says about one report (机关名称 ``org``, 年度
    ``year``, file ``file_name``): the SHA-256 of its decisions and reviewed records about it, in
    a stable order; ``"none"`` when there are none. ``build`` keys its record of an input on
    this, so that a decision about another report in the same file does not rebuild it."""
    import hashlib
    from types import SimpleNamespace

    report = SimpleNamespace(org=org or "", year=year)
    mine = sorted(
        (d for d in decisions if about(d, report, file_name)),
        key=lambda d: (d.get("fingerprint") or "", d.get("level") or "", str(d.get("at") or "")),
    )
    copies = sorted((d for d in reviewed if about(d, report, file_name)), key=lambda d: (d.get("file") or "", str(d.get("at") or "")))
    if not mine and not copies:
        return "none"
    import json

    blob = json.dumps([mine, copies], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


_INDEX: dict[Path, tuple[tuple, tuple[list[dict], list[dict]] | DecisionsError, str | None]] = {}


def read_cached(path: str | os.PathLike) -> tuple[list[dict], list[dict]]:
    """``read_all``, read once per version of the file in this process: ``build`` and ``check``
    ask for every input of a folder about the decisions file next to it. Raises
    ``DecisionsError`` when the file cannot be used (also remembered per version: a broken file
    beside ten thousand reports is read once)."""
    hit = _cached(Path(path))
    return ([], []) if hit is None else hit[1]


def cached_sha256(path: str | os.PathLike) -> str | None:
    """The SHA-256 of the decisions file at ``path`` (None when there is none), with
    ``read_cached``'s one reading of each version. Raises ``DecisionsError`` when the file
    cannot be used."""
    hit = _cached(Path(path))
    return None if hit is None else hit[2]


def _cached(path: Path):
    """(version, parsed, SHA-256) of the file — its version is its size, modification and
    change times and inode —, read again only when the version changed; None without a file.
    A version that cannot be used raises its ``DecisionsError`` each time it is asked for."""
    import hashlib

    try:
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    except FileNotFoundError:
        return None
    except OSError:
        stamp = None  # read without keeping it (``_bytes`` says why it cannot be)
    hit = _INDEX.get(path)
    if stamp is None or hit is None or hit[0] != stamp:
        try:
            blob = _bytes(path)
            if blob is None:
                return None
            hit = (stamp, _parse(path, blob), hashlib.sha256(blob).hexdigest())
        except DecisionsError as e:
            hit = (stamp, e, None)
        if stamp is not None:
            _INDEX[path] = hit
    if isinstance(hit[1], DecisionsError):
        raise hit[1]
    return hit


def apply_file(
    result,
    input_path: str | os.PathLike,
    decisions_path: str | os.PathLike | None = None,
    *,
    judged: Callable[[str], bool] | None = None,
):
    """Apply the decisions file that applies to ``input_path`` (``decisions_path``, or
    ``审核记录.json`` next to it). With no such file nothing changes (``decisions_path`` stays
    None). A broken file raises ``DecisionsError``."""
    path = path_for(input_path, decisions_path)
    if decisions_path is None and not path.exists():
        return result
    decisions, reviewed = read_cached(path)
    return apply(result, decisions, input_path=input_path, decisions_path=path, judged=judged, reviewed=reviewed)


def remaining(result) -> dict[str, int]:
    """What is left after the reviewer's decisions, for ``build`` and run reports:
    ``{"errors", "warnings", "accepted_errors", "accepted_warnings", "stale"}``. A report with
    ``errors == 0`` and ``accepted_errors > 0`` is final because its errors were accepted."""
    acc = result.accepted
    return {
        "errors": result.errors,
        "warnings": result.warnings,
        "accepted_errors": acc["error"],
        "accepted_warnings": acc["warning"],
        "stale": len(result.stale),
    }


def errors_all_accepted(result) -> bool:
    """Every error-level finding was accepted by a reviewer (and there was at least one)."""
    return result.errors == 0 and result.accepted["error"] > 0


# --- listing ----------------------------------------------------------------------------------

APPLIES, STALE, NO_REPORT, UNCHECKED = "applies", "stale", "no-report", "unchecked"
STATUS_NAMES = {APPLIES: "有效", STALE: "已失效", NO_REPORT: "找不到报告", UNCHECKED: "未核对（需 --previous）"}


def survey(
    target: str | os.PathLike,
    decisions_path: str | os.PathLike | None = None,
    previous=None,
) -> tuple[Path, list[tuple[dict, str]]]:
    """The decisions file for ``target`` (a report, or a folder) and each of its decisions with
    its status: ``applies`` (the finding still occurs), ``stale`` (the report is there but the
    finding no longer occurs: its values changed or it was fixed), ``no-report`` (no report of
    that 机关名称 and 年度 is in the folder) or ``unchecked`` (a 跨年度 rule, without
    ``previous``). For a report, only the decisions about it."""
    from .checks.runner import check_report
    from .discovery import discover
    from .reader import load

    target = Path(os.path.abspath(target))
    prev = load(previous) if previous is not None and not hasattr(previous, "cells") else previous
    judged = judged_codes(previous=prev is not None)
    if target.is_dir():
        path = path_for(target / "_", decisions_path)
        found, _ = discover([target])
        inputs = [f.path for f in found if path_for(f.path, decisions_path) == path]
        only_about = None
    elif target.is_file():
        path = path_for(target, decisions_path)
        inputs = [target]
        only_about = target
    else:
        raise InputError("文件或文件夹不存在", code="input-missing", path=str(target))
    decisions = read(path)
    if not decisions:
        return path, []
    results = []
    for p in inputs:
        try:
            report = load(p)
        except InputError:
            if only_about is not None:
                raise
            continue  # `check` reports it; here it simply holds no finding
        results.append((p, apply(check_report(report, prev), decisions, input_path=p, decisions_path=path, judged=judged)))
    rows = []
    for d in decisions:
        mine = [(p, r) for p, r in results if about(d, r.report, _name(p))]
        if only_about is not None and not mine:
            continue
        if not judged(d["code"]):
            status = UNCHECKED
        elif not mine:
            status = NO_REPORT
        elif any(d in r.stale for _, r in mine):
            status = STALE
        else:
            status = APPLIES
        rows.append((d, status))
    rows.sort(key=lambda row: _sort_key(row[0]))
    return path, rows
