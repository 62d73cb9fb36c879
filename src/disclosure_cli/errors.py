"""Typed errors and exit codes. Each error carries a stable code and a Chinese message; the CLI
maps them to exit codes in one place (``cli/_common.handle_errors``) and prints a traceback only
with ``--debug``.

Exit codes: 0 fine, 1 error-level findings, 2 unusable input or wrong usage, 3 internal error
(a bug: never caused by any input)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3


class DisclosureError(Exception):
    """Base of every error the user can cause. ``code`` is stable (kebab-case)."""

    exit_code = EXIT_UNUSABLE
    default_code = "error"

    def __init__(self, message: str, *, code: str | None = None, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}：{self.message}" if self.path else self.message

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message}


class InputError(DisclosureError):
    """The input cannot be used (not a workbook, encrypted, wrong template, missing...)."""

    default_code = "input-unusable"


class UsageError(DisclosureError):
    """The command was called wrongly (bad option value, conflicting options)."""

    default_code = "usage"


class OutputError(DisclosureError):
    """An output cannot be written (exists and not --force, folder not writable...)."""

    default_code = "output"
