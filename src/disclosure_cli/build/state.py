"""Build records and locks: what was built from what, kept outside the output folder.

One small JSON record per input and output folder (``<id>.json``, ``id`` from the input's and
outputs' paths), written last and atomically, in the state folder: ``$DISCLOSURE_STATE_DIR``,
else the user's cache folder (``platformdirs``: ``~/.cache/disclosure``,
``~/Library/Caches/disclosure``, ``%LOCALAPPDATA%\\disclosure``) + ``/builds``. Deleting it only
makes the next build rebuild everything.

A record also holds the identity of the reviewer's decisions about the input
(``decisions_sha256``: ``decisions.key_for``, the SHA-256 of the decisions about this report in
the decisions file that applies; ``"none"`` without any): accepting or undoing a decision on it
changes what is built (a report whose errors are all accepted is final), so the input is built
again — a decision about another report of the same folder does not.

A record is only a hint: one that cannot be read or does not have exactly the expected shape
(``Record.from_json``) counts as no record — the input is built again and its record rewritten.

A record may also hold each file's stat signature when it was read or written (``stats``:
size, modification and change times in nanoseconds, inode — what ``make``, ``rsync`` and git
look at): a file whose signature is still exactly that is taken to hold the bytes recorded, and
is not read and hashed again by the next run. Any write changes the change time (which no
tool can set back) and an atomic replacement the inode, so a file changed since is hashed, as
is every file of a record without signatures.

Beside each record a lock file (``<id>.lock``, ``filelock``) is held while that input's outputs
are written, so two runs at the same time never write the same outputs together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

SCHEMA = 1
ENV = "DISCLOSURE_STATE_DIR"

_SHA = re.compile(r"[0-9a-f]{64}")
_TEXT_FACTS = ("org", "format", "kind", "deadline_basis")
_DATE_FACTS = ("deadline", "published")
_COUNT_FACTS = ("errors", "warnings", "infos")
NO_DECISIONS = "none"  # ``decisions_sha256`` when no decision is about the input


def folder() -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_cache_path("disclosure", appauthor=False, opinion=False) / "builds"


def record_path(state_id: str) -> Path:
    return folder() / f"{state_id}.json"


@dataclass(frozen=True)
class Record:
    """What one build of one input wrote."""

    input: str  # the input's path
    sha256: str  # of the input's bytes
    options: str  # ``Options.fingerprint``
    status: str  # built / draft
    outputs: tuple[tuple[str, str, str], ...]  # (target, path, sha256)
    facts: dict[str, Any] = field(default_factory=dict)  # org, year, format, kind, deadline…, counts
    twin_sha256: str | None = None  # of the JSON form that stands beside a workbook input
    decisions_sha256: str = NO_DECISIONS  # of the decisions about this input (``decisions.key_for``)
    stats: dict[str, list[int]] = field(default_factory=dict)  # path → ``signature`` when recorded

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "input": self.input,
            "sha256": self.sha256,
            "options": self.options,
            "status": self.status,
            "outputs": [list(o) for o in self.outputs],
            "summary": self.facts,
            "twin_sha256": self.twin_sha256,
            "decisions_sha256": self.decisions_sha256,
            **({"stats": self.stats} if self.stats else {}),
        }

    @classmethod
    def from_json(cls, data: Any, statuses: tuple[str, ...]) -> "Record | None":
        """The record, or None unless ``data`` has exactly the shape ``to_json`` writes."""
        if not _valid(data, statuses):
            return None
        return cls(
            data["input"], data["sha256"], data["options"], data["status"],
            tuple(tuple(row) for row in data["outputs"]), dict(data["summary"]), data.get("twin_sha256"),
            data["decisions_sha256"], dict(data.get("stats") or {}),
        )


def _sha(value: Any) -> bool:
    return isinstance(value, str) and bool(_SHA.fullmatch(value))


def _iso_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except (TypeError, ValueError):
        return False


def _valid(data: Any, statuses: tuple[str, ...]) -> bool:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return False
    outputs, facts, twin = data.get("outputs"), data.get("summary"), data.get("twin_sha256")
    return (
        isinstance(data.get("input"), str)
        and isinstance(data.get("options"), str)
        and _sha(data.get("sha256"))
        and data.get("status") in statuses
        and (twin is None or _sha(twin))
        and (data.get("decisions_sha256") == NO_DECISIONS or _sha(data.get("decisions_sha256")))
        and isinstance(outputs, list)
        and all(
            isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and isinstance(row[1], str) and _sha(row[2])
            for row in outputs
        )
        and isinstance(facts, dict)
        and all(facts.get(k) is None or isinstance(facts[k], str) for k in _TEXT_FACTS)
        and (facts.get("year") is None or type(facts["year"]) is int)
        and all(type(facts.get(k)) is int and facts[k] >= 0 for k in _COUNT_FACTS)
        and all(facts.get(k) is None or _iso_date(facts[k]) for k in _DATE_FACTS)
        and (facts.get("decisions") is None or isinstance(facts["decisions"], str))
        and (facts.get("stale") is None or (type(facts["stale"]) is int and facts["stale"] >= 0))
        and (facts.get("accepted") is None or _counts(facts["accepted"]))
        and (facts.get("accepted_findings") is None or _accepted_rows(facts["accepted_findings"]))
        and (data.get("stats") is None or _stats(data["stats"]))
    )


def signature(path: str | os.PathLike) -> list[int] | None:
    """A file's stat signature (size, mtime and ctime in ns, inode), None when it cannot be had —
    and on Windows, where ``st_ctime`` is the creation time (an edit in place that sets the
    modification time back would keep the signature): there every file is hashed."""
    if os.name == "nt":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _stats(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 4 and all(type(x) is int and x >= 0 for x in v)
        for k, v in value.items()
    )


def _accepted_rows(value: Any) -> bool:
    """``checks.present.accepted_rows``: (level, code, where, message, reason, by, at) each."""
    return isinstance(value, list) and all(
        isinstance(row, list) and len(row) == 7 and all(x is None or isinstance(x, str) for x in row) for row in value
    )


def _counts(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in value.items())


def read(state_id: str, statuses: tuple[str, ...]) -> Record | None:
    try:
        data = json.loads(record_path(state_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Record.from_json(data, statuses)


def write(state_id: str, record: Record) -> None:
    from ..errors import OutputError
    from ..outputs import write_text

    try:
        write_text(record_path(state_id), json.dumps(record.to_json(), ensure_ascii=False, indent=1), force=True)
    except (OSError, OutputError):
        pass  # no record: the next run builds this input again, nothing worse


@contextlib.contextmanager
def lock(state_id: str) -> Iterator[None]:
    """Exclusive while one input's outputs are written: a second run waits, then finds them
    unchanged. Without a usable state folder there is no lock (each output set is still written
    all or nothing)."""
    from filelock import FileLock  # ~40 ms to import: only when something is written

    path = folder() / f"{state_id}.lock"
    held = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        held = FileLock(str(path))
        held.acquire()
    except OSError:
        held = None
    try:
        yield
    finally:
        if held is not None:
            held.release()
