"""The checker: every rule a reviewer applies to a 政府信息公开工作年度报告.

    >>> from disclosure_cli import load
    >>> from disclosure_cli.checks import check_report
    >>> result = check_report(load("samples/huaian-2024.json"))
    >>> result.errors
    0

Rules are listed once in ``CATALOGUE`` (code → ``Rule``); arithmetic rules iterate the
relations of the format description. ``check_files`` gives the JSON object the command line
prints with ``--format json``.
"""

from __future__ import annotations

from .catalogue import CATALOGUE, ERROR, INFO, LEVELS, WARNING, Rule
from .finding import CheckResult, Finding
from .runner import SCHEMA, check_files, check_paths, check_report, file_json, files_json, iter_checks, validate_codes

__all__ = [
    "CATALOGUE",
    "CheckResult",
    "ERROR",
    "Finding",
    "INFO",
    "LEVELS",
    "Rule",
    "SCHEMA",
    "WARNING",
    "check_files",
    "check_paths",
    "iter_checks",
    "file_json",
    "files_json",
    "check_report",
    "validate_codes",
]
