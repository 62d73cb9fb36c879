"""disclosure — 政府信息公开工作年度报告编制工具。

Library first: everything the command line does is a Python call.

    >>> from disclosure_cli import load
    >>> report = load("samples/huaian-2024.xlsx")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .reader import load  # noqa: E402

__all__ = ["__version__", "load"]
