"""The byte edits the fuzz tests make (tests/test_import_fuzz.py, tests/test_input_fuzz.py): the
kinds of damage fuzzing found failures with."""

from __future__ import annotations

from hypothesis import strategies as st


def edit(draw, out: bytearray, kind: str, at: int, inserts, *, span: int = 2000, repeats: int = 1) -> None:
    """At ``at`` in ``out``: ``cut`` the rest, ``drop`` or ``repeat`` up to ``span`` bytes (the
    repeat up to ``repeats`` times over), ``insert`` one of ``inserts``, else flip a byte."""
    n = len(out)
    if kind == "cut":
        del out[at:]
    elif kind == "drop":
        del out[at:at + draw(st.integers(1, span))]
    elif kind == "repeat":
        out[at:at] = out[at:at + draw(st.integers(1, span))] * (draw(st.integers(1, repeats)) if repeats > 1 else 1)
    elif kind == "insert":
        out[at:at] = draw(st.sampled_from(inserts))
    elif n:
        out[min(at, n - 1)] ^= draw(st.integers(1, 255))
