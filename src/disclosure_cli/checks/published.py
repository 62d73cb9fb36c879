"""A published copy against the copy a reviewer reviewed (``reviewed``): ``published-changed``
when what it says changed since (cells, fields, paragraphs — each named), ``published-reformatted``
when only its bytes did (the page's markup). Run by ``decisions.apply``, which knows the
reviewed records; workbooks and JSON data files are never compared."""

from __future__ import annotations

from typing import Callable

from .context import Context
from .finding import Finding


def check(report, old: dict | None, judged: Callable[[str], bool] = lambda code: True) -> Finding | None:
    """The finding for ``report`` (a published copy) against the reviewed record ``old``; None
    when there is nothing to say (no record, the same bytes, not a published copy, or the rule
    left out by ``judged``)."""
    imported = getattr(report, "imported", None)
    if old is None or not imported or not imported.get("sha256") or old.get("sha256") == imported["sha256"]:
        return None
    from .. import reviewed as RV

    said, refs = RV.changes(old, report)
    code = "published-changed" if said else "published-reformatted"
    if not judged(code):
        return None
    ctx = Context(report)
    f = ctx.emit(
        "published-changed" if said else "published-reformatted",
        RV.message(old, said, imported.get("importer")),
        refs,
        reviewed_sha256=old.get("sha256"),
        sha256=imported["sha256"],
        changes=said,
    )
    f.order = ((-1,), -1)  # first: what was reviewed is no longer what is published
    return f
