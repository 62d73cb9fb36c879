"""Reading a filled workbook into a ``Report``.

Tables are found by their official labels, not by coordinates: a clerk who inserted a row or
moved a table still gets a correct read, and a missing or altered label is recorded (as a
``Problem``) by name. Formula cells give the result the file saved; a total without one is
recomputed from its parts; no formula is ever evaluated. When the workbook has all the
template's sheets, no other sheet is read.

The pieces, each with one job:

* ``source`` — the raw cells, sheet by sheet (the only module that reads the file: python-calamine,
  openpyxl where needed);
* ``sheets`` — which sheets are read, and finding a label among their cells;
* ``version`` — which format version (stamp, labels, year);
* ``details`` — the unit details (单位信息); ``narrative`` — the six sections (正文);
* ``tables`` — where each table's cells are, found by their official labels;
* ``cells`` — the tables' cell values, formulas and saved results;
* ``problems`` — what is wrong with the structure, under the codes of the checker's catalogue.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Report
from .cells import compute_uncached, read_cells
from .details import read_details
from .narrative import read_sections
from .problems import Problems
from .sheets import Sheets
from .tables import TableFinder
from .version import detect_format, read_stamp


def load_workbook(path: Path, reader: str | None = None) -> Report:
    """The report in the workbook at ``path``. ``reader``: ``calamine`` (the default) or
    ``openpyxl`` (also chosen by the environment variable ``DISCLOSURE_READER``); both give
    the same report."""
    from ..xlsx_safety import inspect
    from .source import open_source

    members = inspect(path)
    try:
        source = open_source(path, reader, members)
        try:
            sheets = Sheets.read(source)
        finally:
            source.close()
    except InputError as e:
        e.path = e.path or str(path)
        raise
    except Exception as e:  # the readers' many ways to say "broken"
        raise InputError(
            f"工作簿无法打开（文件可能已损坏或不是标准的 .xlsx）：{type(e).__name__}",
            code="xlsx-corrupt",
            path=str(path),
        ) from e
    return read_report(path, sheets)


def read_report(path: Path, sheets: Sheets) -> Report:
    """The report in the sheets read from the workbook at ``path``."""
    problems = Problems()
    stamp = read_stamp(sheets)
    d = read_details(sheets, problems)
    fmt, how = detect_format(sheets, stamp, d.year, path)
    report = Report(
        format=fmt,
        org=d.org,
        year=d.year,
        meta=d.meta,
        path=str(path),
        origin="xlsx",
        stamp=stamp,
        format_source=how,
        raw_year=d.raw_year,
    )
    report.sources.update(d.sources)
    report.sections = read_sections(sheets, fmt, problems)
    finder = TableFinder(sheets, problems)
    found_any = False
    for table in fmt.tables:
        places = finder.locate(table)
        found_any = found_any or any(v is not None for v in places.values())
        read_cells(report, table, places)
    if not found_any and stamp is None:
        raise InputError(
            "不是政府信息公开工作年度报告的工作簿：找不到表二、表三、表四的标签"
            "（请用 disclosure new 生成模板后填写）",
            code="xlsx-unknown-template",
            path=str(path),
        )
    compute_uncached(report)
    report.problems = problems.items
    return report
