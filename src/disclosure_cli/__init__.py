"""disclosure — 政府信息公开工作年度报告编制工具。

Library first: everything the command line does is a Python call.

    >>> from disclosure_cli import load
    >>> report = load("samples/huaian-2024.xlsx")
"""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str):
    """``load`` is imported when first used: a command that reads no report (an unchanged
    ``build``, ``--version``) does not pay for importing the model and the formats."""
    if name == "load":
        from .reader import load

        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__", "load"]
