"""Shared test helpers.

Real clients (LibreOffice, Chromium, pdftotext) are required under CI=true: a test that needs
one and cannot find it fails there instead of skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Verbatim copies of the project's reference material (shared/spec, shared/seed), with their
# sources in fixtures/spec/README.md: the tests never read ../shared.
SPEC = FIXTURES / "spec"
SEED = FIXTURES / "seed" / "zhujie-2020-published.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus_tools():
    """The corpus converter (``corpus/make_corpus.py``) and the hand-read figures of each saved
    page (``corpus/specs.py``): ``(make_corpus, SPECS)``."""
    import sys

    sys.path.insert(0, str(CORPUS))
    try:
        import make_corpus
        from specs import SPECS
    finally:
        sys.path.remove(str(CORPUS))
    return make_corpus, SPECS


def need_tool(*names: str) -> str:
    """Return the first of ``names`` found on PATH; skip (locally) or fail (CI) otherwise."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    msg = f"needs {' or '.join(names)} (Debian: see .ci/run)"
    if IN_CI:
        pytest.fail(f"{msg} — under CI=true a real-client test may not skip")
    pytest.skip(msg)


def soffice_convert(src: Path, to: str, outdir: Path, timeout: int = 180) -> Path:
    """Convert with headless LibreOffice, one fresh profile per call (parallel-safe)."""
    soffice = need_tool("soffice", "libreoffice")
    profile = outdir / f".lo-profile-{uuid.uuid4().hex}"
    cmd = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(outdir),
        str(src),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    ext = to.split(":")[0]
    out = outdir / (src.stem + "." + ext)
    shutil.rmtree(profile, ignore_errors=True)
    assert out.exists(), f"LibreOffice did not convert {src.name}: {proc.stdout}\n{proc.stderr}"
    return out


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory, monkeypatch) -> Path:
    """Build records of incremental builds: per test, never in the user's cache folder."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("DISCLOSURE_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def cli():
    """Invoke the Typer app in-process; returns (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from disclosure_cli.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None):
        result = runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)
        return result

    return invoke
