"""What the checker produces: ``Finding`` (one problem, pointing at every cell or sentence that
takes part in it) and ``CheckResult`` (the findings of one report)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report
from .catalogue import ERROR, INFO, WARNING

# What a ref contributes to the fingerprint: *which* value (table/row/column ids, the field, the
# section) and the value itself (the cell's value, the quoted sentence). Never *where in the
# file* it sits (sheet, cell address, paragraph number): inserting a row or a paragraph must not
# change a finding's identity, and changing the value it is about must.
_IDENTITY_KEYS = ("previous", "field", "table", "row", "column", "section", "quote", "value")


def _ref_identity(ref: dict[str, object]) -> list:
    ident = [_plain(ref.get(k)) for k in _IDENTITY_KEYS]
    if "table" not in ref and "section" not in ref:
        ident.append(ref.get("label"))  # a structure problem: the official label it is about
    return ident


def _plain(value: object) -> object:
    """12.0 and 12 are the same value (one reader gives a float, another an int)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass
class Finding:
    """One problem found, with every cell or sentence that takes part in it (``refs``)."""

    code: str
    level: str
    message: str
    args: dict[str, object] = field(default_factory=dict)
    refs: list[dict[str, object]] = field(default_factory=list)
    order: tuple = field(default=(), repr=False, compare=False)
    # A reviewer's decision (``decisions.apply``): {"reason", "by", "at"}; None while open.
    accepted: dict[str, object] | None = field(default=None, compare=False)

    @property
    def fingerprint(self) -> str:
        """The identity of this finding for a reviewer's decision: the code, what each ref is
        about (table/row/column ids, field, section) and its value (cell value, quoted sentence).

        Same across runs, file names, inserted rows, moved tables and re-saves; different as soon
        as a value behind the finding changes (so an accepted finding lapses then)."""
        import hashlib  # only when asked (decisions, JSON): OpenSSL costs start-up time
        import json

        idents = [_ref_identity(r) for r in self.refs]
        blob = json.dumps([self.code, idents], ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "level": self.level,
            "message": self.message,
            "refs": [dict(r) for r in self.refs],
            "args": self.args,
            "fingerprint": self.fingerprint,
            **({"accepted": dict(self.accepted)} if self.accepted else {}),
        }


@dataclass
class CheckResult:
    """The findings of one report. ``errors``/``warnings``/``infos`` count the *open* findings:
    those a reviewer accepted (``decisions.apply``) are counted in ``accepted`` instead and do not
    make the report fail (``ok``)."""

    report: Report
    findings: list[Finding] = field(default_factory=list)
    # Set by ``decisions.apply``: the decisions file used, and its decisions on this report whose
    # finding no longer occurs (stale: never applied to anything else).
    decisions_path: str | None = None
    stale: list[dict[str, object]] = field(default_factory=list)

    def _count(self, level: str, accepted: bool = False) -> int:
        return sum(1 for f in self.findings if f.level == level and bool(f.accepted) == accepted)

    @property
    def errors(self) -> int:
        return self._count(ERROR)

    @property
    def warnings(self) -> int:
        return self._count(WARNING)

    @property
    def infos(self) -> int:
        return self._count(INFO)

    @property
    def open_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.accepted]

    @property
    def accepted_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.accepted]

    @property
    def accepted(self) -> dict[str, int]:
        """Accepted findings by level: ``{"error": 1, "warning": 3, "info": 0}``."""
        return {level: self._count(level, accepted=True) for level in (ERROR, WARNING, INFO)}

    def ok(self, strict: bool = False) -> bool:
        """No open error-level finding (with ``strict``: no open warning either)."""
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
            **(self._decisions_json() if self.decisions_path is not None else {}),
            "findings": [f.to_json() for f in self.findings],
        }

    def _decisions_json(self) -> dict:
        return {
            "accepted": self.accepted,
            "decisions": {"path": self.decisions_path, "stale": [dict(d) for d in self.stale]},
        }
