"""What the checker produces: ``Finding`` (one problem, pointing at every cell or sentence that
takes part in it) and ``CheckResult`` (the findings of one report)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..model import Report
from .catalogue import ERROR, INFO, WARNING

# Keys of a ref that say *where* (used for the fingerprint); the rest (value, labels) say what.
_LOCATION_KEYS = ("previous", "field", "table", "row", "column", "section", "paragraph", "quote")


@dataclass
class Finding:
    code: str
    level: str
    message: str
    args: dict[str, Any] = field(default_factory=dict)
    refs: list[dict[str, Any]] = field(default_factory=list)
    order: tuple = field(default=(), repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        """Stable across runs and value changes: the code and the locations of the refs."""
        locs = [[r.get(k) for k in _LOCATION_KEYS] for r in self.refs]
        blob = json.dumps([self.code, locs], ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "level": self.level,
            "message": self.message,
            "refs": [dict(r) for r in self.refs],
            "args": self.args,
            "fingerprint": self.fingerprint,
        }


@dataclass
class CheckResult:
    report: Report
    findings: list[Finding] = field(default_factory=list)

    def _count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    @property
    def errors(self) -> int:
        return self._count(ERROR)

    @property
    def warnings(self) -> int:
        return self._count(WARNING)

    @property
    def infos(self) -> int:
        return self._count(INFO)

    def ok(self, strict: bool = False) -> bool:
        """No error-level finding (with ``strict``: no warning either)."""
        return self.errors == 0 and (not strict or self.warnings == 0)

    def to_json(self) -> dict:
        r = self.report
        return {
            "path": r.path,
            "format": r.format.id,
            "year": r.year,
            "org": r.org,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "findings": [f.to_json() for f in self.findings],
        }
