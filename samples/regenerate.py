"""Regenerate the sample workbooks from their JSON source with the project's own `new --data`.

    python samples/regenerate.py

The JSON files are the source; tests/test_samples.py fails when a workbook is out of date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    for source in sorted(HERE.glob("*.json")):
        target = source.with_suffix(".xlsx")
        subprocess.run(
            [sys.executable, "-m", "disclosure_cli", "new", "--data", str(source), "-o", str(target), "--force"],
            check=True,
        )


if __name__ == "__main__":
    main()
