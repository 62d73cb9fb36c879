"""Building finished reports: inputs (workbooks or JSON forms, files or folders) → Word documents
and web pages. ``build`` is the library behind ``disclosure build``.

One module per job, each importing only those above it:

- ``stamp`` — the identity of an input (``Origin``: its path and the SHA-256 of its bytes), the
  stamp every output carries, and recognising our own unedited outputs;
- ``state`` — build records (validated; a bad one only means “build again”) and per-input locks,
  in the state folder outside the outputs;
- ``one`` — ``Options``, ``Task``, ``Outcome`` and building one input: read and check in full,
  gate on errors, write all outputs together or none, record;
- ``workers`` — worker processes that die with their parent;
- ``run`` — one run over files and folders: plan (output tree, clashes, workbook + JSON twins),
  the unchanged ones set aside, the rest built, the run report (``Run``).

The inputs are only ever read. One input's problem never stops the others.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .run import Run


def build(paths: Sequence[str | os.PathLike], *, jobs: int | None = 1, **options) -> "Run":
    """Build files and folders: ``run.run`` with the same keyword options (``outdir``, ``to``,
    ``draft``, ``fragment``, ``force``, ``previous``, ``run_report``…), in this process unless
    ``jobs`` says otherwise."""
    from .run import run

    return run(paths, jobs=jobs, **options)


__all__ = ["build"]
