"""Which input an output was built from, and whether it was edited since.

Every output carries a stamp: ``sha256=<input bytes>;source=<path id>`` — in the Word document's
core properties (``dc:identifier``, prefixed ``disclosure-build``) and in the page's
``<meta name="disclosure-build">``. The path id is a hash of the input's full path, so a published
page never reveals the clerk's folders. A page also carries ``;digest=`` the SHA-256 of its own
text (with the digest itself replaced by a placeholder): a page edited after the build no longer
matches. A Word document saved again in Word, WPS or LibreOffice has a revision number above 1.

An existing output is replaced without ``--force`` only when it is an unedited output of an
earlier build of the same input (``written_by_build_of``) — the same file edited since, or the
same content copied elsewhere.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

PREFIX = "disclosure-build"
PLACEHOLDER = "0" * 64
_STAMP_RE = re.compile(r"sha256=([0-9a-f]{64});source=([0-9a-f]{32})(?:;digest=([0-9a-f]{64}))?")


def file_sha256(path: str | Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


@dataclass(frozen=True)
class Origin:
    """The input a build reads: its resolved path and the SHA-256 of its bytes."""

    path: str
    sha256: str

    @property
    def path_id(self) -> str:
        """Identifies the input's location without revealing it."""
        return hashlib.sha256(self.path.encode("utf-8")).hexdigest()[:32]

    @classmethod
    def of(cls, path: str | Path) -> "Origin":
        p = Path(path).resolve()
        return cls(str(p), file_sha256(p))

    def stamp(self, digest: str | None = None) -> str:
        out = f"sha256={self.sha256};source={self.path_id}"
        return out + (f";digest={digest}" if digest else "")

    def docx_identifier(self) -> str:
        return f"{PREFIX} {self.stamp()}"

    def same_input(self, sha256: str, path_id: str) -> bool:
        """Same file (edited or not), or same content (copied elsewhere)."""
        return sha256 == self.sha256 or path_id == self.path_id


def seal(text: str) -> str:
    """Replace the digest placeholder with the SHA-256 of the text that holds the placeholder:
    a later build can tell whether the page was edited after it was written."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text.replace(f";digest={PLACEHOLDER}", f";digest={digest}", 1)


def _html_origin(path: Path) -> tuple[str, str] | None:
    """(sha256, path id) recorded in an HTML output of ours that nobody edited since, else None."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = _STAMP_RE.search(text[:4096])
    if not m or not m.group(3):
        return None
    digest = m.group(3)
    unsealed = text.replace(f";digest={digest}", f";digest={PLACEHOLDER}", 1)
    if hashlib.sha256(unsealed.encode("utf-8")).hexdigest() != digest:
        return None  # edited after the build
    return m.group(1), m.group(2)


def _docx_origin(path: Path) -> tuple[str, str] | None:
    """(sha256, path id) recorded in a Word output of ours that was not saved again since (a save
    in Word, WPS or LibreOffice raises the revision number), else None."""
    try:
        import zipfile  # here: an unchanged run does not need it

        from defusedxml import ElementTree as ET

        with zipfile.ZipFile(path) as z:
            core = ET.fromstring(z.read("docProps/core.xml"))
    except Exception:  # not a docx, damaged, unreadable: not ours
        return None
    ns = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    }
    ident = core.findtext("dc:identifier", default="", namespaces=ns) or ""
    revision = (core.findtext("cp:revision", default="", namespaces=ns) or "").strip()
    if not ident.startswith(PREFIX) or revision not in ("", "1"):
        return None
    m = _STAMP_RE.search(ident)
    return (m.group(1), m.group(2)) if m else None


def stamp_pdf(pdf: bytes, origin: Origin) -> bytes:
    """A PDF with the stamp as a comment line before its last ``startxref`` (a comment is
    whitespace to a PDF reader; no offset moves), sealed like a page with the digest of the
    bytes that hold the placeholder."""
    at = pdf.rfind(b"startxref")
    if at < 0:
        return pdf
    line = f"%{PREFIX} {origin.stamp(PLACEHOLDER)}\n".encode("ascii")
    data = pdf[:at] + line + pdf[at:]
    digest = hashlib.sha256(data).hexdigest()
    return data.replace(f";digest={PLACEHOLDER}".encode(), f";digest={digest}".encode(), 1)


def _pdf_origin(path: Path) -> tuple[str, str] | None:
    """(sha256, path id) stamped in a PDF output of ours that nobody changed since, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    m = _STAMP_RE.search(data[-4096:].decode("latin-1"))
    if not m or not m.group(3):
        return None
    digest = m.group(3)
    unsealed = data.replace(f";digest={digest}".encode(), f";digest={PLACEHOLDER}".encode(), 1)
    if hashlib.sha256(unsealed).hexdigest() != digest:
        return None
    return m.group(1), m.group(2)


def written_by_build_of(path: Path, origin: Origin) -> bool:
    """Whether ``path`` is an unedited output of an earlier build of ``origin``."""
    path = Path(path)
    suffix = path.suffix.lower()
    found = _docx_origin(path) if suffix == ".docx" else _pdf_origin(path) if suffix == ".pdf" else _html_origin(path)
    return bool(found) and origin.same_input(*found)
