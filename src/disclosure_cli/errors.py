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


# What the system says of a failed file operation, in Chinese: ``strerror`` is the C library's
# English (“File exists”, “Permission denied”) whatever the user's language.
_OS_REASONS = {
    "ENOENT": "文件或文件夹不存在",
    "EACCES": "没有权限",
    "EPERM": "没有权限",
    "EEXIST": "已有同名的文件",
    "ENOTDIR": "路径中有一部分是文件，不是文件夹",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "超出磁盘配额",
    "EROFS": "磁盘是只读的",
    "ENAMETOOLONG": "文件名太长",
    "EBUSY": "文件正被其他程序占用",
    "ETXTBSY": "文件正被其他程序占用",
    "EIO": "磁盘读写出错",
    "EMFILE": "同时打开的文件太多",
    "ELOOP": "符号链接形成了循环",
}


def os_reason(e: OSError) -> str:
    """Why a file operation failed, for a Chinese message (the system's own words when the
    reason is not one of the common ones)."""
    import errno

    return _OS_REASONS.get(errno.errorcode.get(e.errno or 0, ""), "") or e.strerror or str(e)
