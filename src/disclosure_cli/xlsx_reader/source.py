"""Where the raw cells come from: the one module of the reader that reads a workbook's files.

A cell source answers three questions and interprets nothing:

* ``sheet_names()`` — the worksheets, in workbook order;
* ``values(title)`` — every non-empty cell of a sheet, ``(row, column) → value`` (1-based, in
  the order of the file); a formula cell gives the result the file saved, and is absent
  when the file saved none;
* ``formulas(title)`` — the formula text of every formula cell of a sheet.

A sheet is only parsed when one of these is asked about it, so sheets nobody asks about cost
nothing. Two sources give the same answers (``tests/test_readers_equivalent.py``):

* ``CalamineSource`` (the default) — python-calamine (Rust) reads the values; the formulas,
  which calamine does not expose, and the few things it reads differently from openpyxl are
  taken from the sheet's XML by a bounded scan. A sheet the scan cannot vouch for (shared or
  array formulas, date formats, escaped characters, empty strings, cells without coordinates,
  a sparse sheet whose extent calamine would allocate densely…) is read by openpyxl instead, so
  that both sources always agree. A normal filled workbook never imports openpyxl.
* ``OpenpyxlSource`` — openpyxl's read-only mode; selected with ``DISCLOSURE_READER=openpyxl``.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Protocol

from ..errors import InputError
from ..model import MAX_CELLS, MAX_SHARED_STRINGS, too_many_cells

Pos = tuple[int, int]

READER_ENV = "DISCLOSURE_READER"  # "openpyxl" selects OpenpyxlSource (the equivalence test uses it)


class CellSource(Protocol):
    def sheet_names(self) -> list[str]: ...

    def values(self, title: str) -> dict[Pos, object]: ...

    def formulas(self, title: str) -> dict[Pos, str]: ...

    def close(self) -> None: ...


def open_source(path: Path, reader: str | None = None, members: list[zipfile.ZipInfo] | None = None) -> CellSource:
    """The cell source for the workbook at ``path``, already inspected by ``xlsx_safety``
    (``members``: the zip members it listed)."""
    reader = reader or os.environ.get(READER_ENV) or "calamine"
    if reader == "openpyxl":
        return OpenpyxlSource(open(path, "rb"), owns=True)
    return CalamineSource(path, members)


# ------------------------------------------------------------------------------------------------
# openpyxl
# ------------------------------------------------------------------------------------------------


class OpenpyxlSource:
    """openpyxl in read-only mode, never evaluating anything, never following external links.

    One pass over a sheet's XML gives its plain values and its formulas; a second pass (with
    openpyxl's ``data_only``) gives the saved results, only for sheets that have formulas.
    openpyxl reads every sheet on opening, looking for its size; ``_openpyxl.Reader`` does not."""

    def __init__(self, fh: BinaryIO, owns: bool = False):
        from ._openpyxl import Reader

        self._fh = fh if owns else None
        try:
            reader = Reader(fh, read_only=True, keep_vba=False, data_only=False, keep_links=False)
            reader.read()
        except BaseException:
            self._close_fh()
            raise
        self._wb = reader.wb
        self._plain: dict[str, dict[Pos, object]] = {}
        self._formulas: dict[str, dict[Pos, str]] = {}

    def sheet_names(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def formulas(self, title: str) -> dict[Pos, str]:
        self._scan(title)
        return self._formulas[title]

    def values(self, title: str) -> dict[Pos, object]:
        self._scan(title)
        formulas = self._formulas[title]
        out = dict(self._plain[title])
        if formulas:
            out.update(self._results(title, formulas))
        return out

    def close(self) -> None:
        self._wb.close()
        self._close_fh()

    def _close_fh(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def _rows(self, title: str):
        ws = self._wb[title]
        ws.reset_dimensions()  # WPS writes wrong <dimension> tags; absurd ones must not matter
        return ws.iter_rows()

    def _scan(self, title: str) -> None:
        if title in self._plain:
            return
        plain: dict[Pos, object] = {}
        formulas: dict[Pos, str] = {}
        left = MAX_CELLS  # a sheet past the limit is not read to its end
        for row in self._rows(title):
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    continue
                left -= 1
                if left < 0:
                    raise too_many_cells()
                pos = (cell.row, cell.column)
                if getattr(cell, "data_type", None) == "f" or _is_formula_object(value):
                    formulas[pos] = value if isinstance(value, str) else str(getattr(value, "text", value))
                else:
                    plain[pos] = value
        self._plain[title] = plain
        self._formulas[title] = formulas

    def _results(self, title: str, formulas: dict[Pos, str]) -> dict[Pos, object]:
        """The results saved for the formula cells (openpyxl re-parses the sheet for them)."""
        out: dict[Pos, object] = {}
        self._wb._data_only = True  # read-only sheets consult it each time they are iterated
        try:
            for row in self._rows(title):
                for cell in row:
                    pos = (getattr(cell, "row", None), getattr(cell, "column", None))
                    if pos in formulas and cell.value is not None:
                        out[pos] = cell.value
        finally:
            self._wb._data_only = False
        return out


def _is_formula_object(value) -> bool:
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")


# ------------------------------------------------------------------------------------------------
# python-calamine, with the sheet's XML for what calamine does not say
# ------------------------------------------------------------------------------------------------

# A sheet whose extent (rows × columns from A1 to its last cell) is past this is read by openpyxl:
# calamine allocates the whole rectangle at once (a far-away cell would abort the process).
MAX_DENSE_CELLS = 2_000_000

# Number formats under which a number may be read as a date by openpyxl or calamine: the
# built-in date/time formats (openpyxl's, and calamine's East Asian ones) and every custom
# format with a date or time letter. A superset: a sheet using one is read by openpyxl.
_DATE_BUILTINS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82)])
_DATE_LETTERS = re.compile(r"[dmhysDMHYS]")

_NUMFMT_ID = re.compile(rb'\bnumFmtId\s*=\s*"([^"]*)"')
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_NUMFMT_TAG = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)>")
_XF_TAG = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)

# What the fast path does not vouch for, anywhere in a sheet's (or the shared strings') XML:
# prefixed elements, CRs (XML parsers fold them), Excel's _xHHHH_ escapes (calamine decodes
# them, openpyxl does not), empty strings (calamine cannot tell them from empty cells), CDATA.
_ROOT = re.compile(
    rb'(?:\xef\xbb\xbf)?\s*(<\?xml[^?]*\?>)?\s*'
    rb'(<)(?:worksheet|sst)\b[^>]*\bxmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)""")
_ESCAPED = re.compile(rb"_x[0-9A-Fa-f]{4}_")
# '<'-anchored (cheap): empty strings, and cells laid out over lines
_SUSPECT = re.compile(rb"<(?:t(?:\s[^>]*)?/>|t(?:\s[^>]*)?></t>|is\s*/>|is></is>|c[\t\n])")
# a text element without xml:space="preserve" whose text begins or ends with whitespace, a
# character or a reference (``&#32;``, ``&#x20;``, zero-padded up to 8 digits); possessive, so
# one pass over each text
_SPACE_REFS = [b"&#" + b"0" * z + d + b";" for z in range(8) for d in (b"9", b"10", b"13", b"32")] + [
    b"&#x" + b"0" * z + d + b";" for z in range(8) for d in (b"9", b"a", b"A", b"d", b"D", b"20")
]
_EDGE_SPACE = re.compile(
    rb"<t(?:\s(?![^>]*preserve)[^>]*)?>(?:[ \t\n]|&#(?:0*(?:9|10|13|32)|x0*(?:9|[aAdD]|20));|[^<]*+(?:(?<=[ \t\n])|"
    + b"|".join(b"(?<=" + re.escape(r) + b")" for r in _SPACE_REFS)
    + rb")</t>)"
)
# every test above that starts a tag, in one pass: empty strings, cells laid out over lines or
# without a reference, edge whitespace, and (told apart by the caller) a cell past ZZ999
_TAGS = re.compile(
    rb'<(?:t(?:\s[^>]*)?/>|t(?:\s[^>]*)?></t>|is\s*/>|is></is>|c(?:[\t\n>]|/>|\s(?!r="))'
    rb'|c r="(?:[A-Z]{3}|[A-Z]{1,2}\d{4})'
    rb"|t(?:\s(?![^>]*preserve)[^>]*)?>(?:[ \t\n]|&#(?:0*(?:9|10|13|32)|x0*(?:9|[aAdD]|20));|[^<]*+(?:(?<=[ \t\n])|"
    + b"|".join(b"(?<=" + re.escape(r) + b")" for r in _SPACE_REFS)
    + rb")</t>))"
)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_NO_REF = re.compile(rb'<c(?:>|/>|\s(?!r="))')
_REF = re.compile(rb'<c r="([A-Z]{1,3}\d{1,7})"')
_SPLIT_REF = re.compile(rb"([A-Z]+)(\d+)")
_CELL_OPEN = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"([^>]*)>')
_ANY_F = re.compile(rb"<f[\s/>]")
# a formula as openpyxl reads it whole: any attributes but a type (shared, array: its own)
_F_PLAIN = re.compile(rb'<f(?:\s+(?!t\s*=)[\w:]+="[^"]*")*>([^<]*)</f>(?:<v>([^<]*)</v>|<v/>)?')
_FLOAT_TEXT = re.compile(rb"<v>([^<]*[.eE][^<]*|[+-]?\d{16,})</v>")
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*\bt="e"[^>]*>(?:<v>([^<]*)</v>)?')
_T_ATTR = re.compile(rb'\bt="([^"]*)"')


_PLAIN_TYPES = frozenset({str, float, bool, int})


class _Fallback(Exception):
    """The fast path cannot vouch for this sheet (or workbook): openpyxl reads it."""


class CalamineSource:
    """python-calamine for the values; the sheet's XML for the formulas and for openpyxl's
    reading of numbers (``12`` an int, ``12.0`` a float) and errors; openpyxl for a sheet (or a
    workbook) the fast path cannot vouch for."""

    def __init__(self, path: Path, members: list[zipfile.ZipInfo] | None = None):
        self._path = Path(path)
        self._members = members
        self._zip: _Package | None = None
        self._wb = None
        self._openpyxl: OpenpyxlSource | None = None
        self._cache: dict[str, tuple[dict[Pos, object], dict[Pos, str]]] = {}
        self._names: list[str] = []
        self._parts: dict[str, str] = {}
        try:
            self._open()
        except _Fallback:
            self._close_fast()
            self._use_openpyxl()
        except BaseException as e:
            self._close_fast()
            if not _calamine_failure(e):
                raise
            self._use_openpyxl()  # openpyxl reads it, or says how it is broken

    # -- the protocol --------------------------------------------------------------------------
    def sheet_names(self) -> list[str]:
        if self._wb is None:
            return self._openpyxl.sheet_names()
        return list(self._names)

    def values(self, title: str) -> dict[Pos, object]:
        return self._sheet(title)[0]

    def formulas(self, title: str) -> dict[Pos, str]:
        return self._sheet(title)[1]

    def close(self) -> None:
        self._close_fast()
        if self._openpyxl is not None:
            self._openpyxl.close()
            self._openpyxl = None

    # -- opening ---------------------------------------------------------------------------------
    def _open(self) -> None:
        import python_calamine

        self._zip = _Package(self._path, self._members)
        workbook, rels = self._zip.read("xl/workbook.xml"), self._zip.read("xl/_rels/workbook.xml.rels")
        styles, sst = self._read_optional("xl/styles.xml"), self._read_optional("xl/sharedStrings.xml")
        self._names, self._parts, self._date_styles = _workbook(workbook, rels, styles, frozenset(self._zip.names))
        for part in (sst, *(self._zip.read(n) for n in _other_sst_parts(self._zip.names))):
            count_strings(part)
            if not _unique_count_ok(part):
                raise _Fallback
        self._wb = python_calamine.CalamineWorkbook.from_path(str(self._path))
        meta = [m.name for m in self._wb.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        if meta != self._names:
            raise _Fallback
        if b"<!DOCTYPE" in sst or b"<!ENTITY" in sst:
            raise _Fallback  # openpyxl refuses a DTD (entity expansion); calamine would not
        self._sst_ok = not sst or _sst_ok(sst)

    def _read_optional(self, part: str) -> bytes:
        try:
            return self._zip.read(part)
        except KeyError:
            return b""

    def _use_openpyxl(self) -> OpenpyxlSource:
        if self._openpyxl is None:
            self._openpyxl = OpenpyxlSource(open(self._path, "rb"), owns=True)
        return self._openpyxl

    def _close_fast(self) -> None:
        if self._wb is not None:
            self._wb.close()
            self._wb = None
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    # -- one sheet -------------------------------------------------------------------------------
    def _sheet(self, title: str) -> tuple[dict[Pos, object], dict[Pos, str]]:
        if title in self._cache:
            return self._cache[title]
        if self._wb is None:
            src = self._openpyxl
            out = (src.values(title), src.formulas(title))
        else:
            try:
                out = self._fast(title)
            except _Fallback:
                src = self._use_openpyxl()
                out = (src.values(title), src.formulas(title))
            except BaseException as e:
                if not _calamine_failure(e):
                    raise
                src = self._use_openpyxl()
                out = (src.values(title), src.formulas(title))
        self._cache[title] = out
        return out

    def _fast(self, title: str) -> tuple[dict[Pos, object], dict[Pos, str]]:
        x = self._zip.read(self._parts[title])
        _vouch(x, self._sst_ok, self._date_styles)
        # formulas: each <f> a plain one, first in its cell
        found = []
        for f in _ANY_F.finditer(x):
            m = _F_PLAIN.match(x, f.start())
            if m is None:
                raise _Fallback  # shared, array or data-table formulas
            cell = _enclosing_cell(x, f.start())
            if cell is None or cell.end() != f.start():
                raise _Fallback
            found.append((cell.group(1), cell.group(2), cell.group(3), m.group(1), m.group(2)))
        sheet = self._wb.get_sheet_by_name(title)
        start = sheet.start
        if start is None:
            values: dict[Pos, object] = {}
        else:
            r0, c0 = start[0] + 1, start[1] + 1
            values = {
                (r0 + i, c0 + j): v for i, row in enumerate(sheet.to_python()) for j, v in enumerate(row) if v != ""
            }
            kinds = set(map(type, values.values()))
            if not kinds <= _PLAIN_TYPES:
                raise _Fallback  # a date, time or duration: openpyxl's own reading
            if float in kinds:  # calamine's floats: openpyxl's ints where the file wrote "12"
                values.update({k: int(v) for k, v in values.items() if v.__class__ is float and v.is_integer()})
        # numbers openpyxl reads as floats ("12.0", "1E3") or exactly ("12345678901234567890")
        for m in _FLOAT_TEXT.finditer(x):
            cell = _enclosing_cell(x, m.start())
            if cell is None or not (cell.end() == m.start() or _F_PLAIN.fullmatch(x, cell.end(), m.start())):
                raise _Fallback
            pos = (int(cell.group(2)), _column_number(cell.group(1)))
            if pos in values:
                values[pos] = _cast_number(m.group(1).decode("ascii"))
        # errors (#DIV/0!): calamine gives nothing, openpyxl the text
        if b't="e"' in x:
            errors = _ERROR_CELL.findall(x)
            if len(errors) != x.count(b't="e"'):
                raise _Fallback
            for col, row, text in errors:
                pos = (int(row), _column_number(col))
                if text:
                    values[pos] = _xml_text(text)
                else:
                    values.pop(pos, None)
        formulas: dict[Pos, str] = {}
        for col, row, attrs, ftext, vtext in found:
            pos = (int(row), _column_number(col))
            formulas[pos] = "=" + _xml_text(ftext)
            t = _T_ATTR.search(attrs)
            kind = t.group(1) if t else b"n"
            if not vtext:
                values.pop(pos, None)
            elif kind == b"n":
                values[pos] = _cast_number(vtext.decode("ascii"))
            elif kind in (b"str", b"e"):
                values[pos] = _xml_text(vtext)
            elif kind == b"b":
                values[pos] = bool(int(vtext))
            elif kind != b"s":  # a shared string: calamine's value stands
                raise _Fallback
        return values, formulas


def _vouch(x: bytes, sst_ok: bool, date_styles: bytes | None) -> None:
    """Raise ``_Fallback`` unless the fast path reads this sheet exactly as openpyxl does.
    The tests are searches of the bytes chosen to be cheap (a single rare byte first, one
    regular expression for everything that starts a tag)."""
    if x.count(b"<v>") + x.count(b"<is>") > MAX_CELLS:
        raise _Fallback  # perhaps past the limit of cells: openpyxl counts them, and stops there
    root = _main_root(x)
    if root is None:
        raise _Fallback  # another encoding, namespace (Strict OOXML) or prefix
    if x.find(b"\r", root) >= 0:
        raise _Fallback  # an XML parser folds CRs; calamine may not
    if b"!" in x and b"<!" in x:
        raise _Fallback  # a DTD (openpyxl refuses entity expansion; calamine would not), CDATA
    if b"_" in x and (b"x005F_" in x or _ESCAPED.search(x)):
        raise _Fallback  # Excel's _xHHHH_ escapes: calamine decodes them, openpyxl does not
    if b't="d"' in x:
        raise _Fallback  # an ISO date cell
    if not sst_ok and b't="s"' in x:
        raise _Fallback
    if b"&#00000000" in x or b"&#x00000000" in x:
        raise _Fallback  # a character reference padded past what _EDGE_SPACE looks for
    tag = _TAGS.search(x)
    if tag is not None:
        if not tag.group(0).startswith(b'<c r="'):
            raise _Fallback  # an empty string, edge whitespace calamine trims, a cell without r
        # a cell past ZZ999: the other tests one by one, then the rectangle calamine allocates
        if _SUSPECT.search(x) or _NO_REF.search(x) or _EDGE_SPACE.search(x):
            raise _Fallback
        refs = _REF.findall(x)
        if len(refs) != x.count(b'<c r="'):
            raise _Fallback
        cells = [_SPLIT_REF.match(r).groups() for r in refs]
        max_row = max(int(row) for _, row in cells)
        max_col = max(_column_number(col) for col, _ in cells)
        if max_row * max_col > MAX_DENSE_CELLS:
            raise _Fallback
    if date_styles is not None and re.search(rb'<c r="[A-Z]+\d+"[^>]*\bs="(?:' + date_styles + rb')"', x):
        raise _Fallback


@functools.lru_cache(maxsize=64)
def _workbook(workbook: bytes, rels: bytes, styles: bytes, names: frozenset[str]):
    """The worksheets' names and parts, and the date styles, of a workbook's package (the same
    for every workbook made from one template: worked out once per process)."""
    if any(b"<!DOCTYPE" in part or b"<!ENTITY" in part for part in (workbook, rels, styles)):
        raise _Fallback  # openpyxl refuses a DTD (entity expansion); calamine would not
    sheets = _workbook_sheets(workbook, rels)
    if any(kind not in ("worksheet", "chartsheet") for _, _, kind in sheets):
        raise _Fallback  # dialog or macro sheets: openpyxl's view of them is its own
    # openpyxl's worksheets: every <sheet> whose part exists, chart sheets aside
    found = [(n, part) for n, part, kind in sheets if part in names and kind == "worksheet"]
    parts = dict(found)
    if len(parts) != len(found):
        raise _Fallback  # two sheets of one name
    return [n for n, _ in found], parts, _date_styles(styles)


class _Package:
    """The members of the zip package, read straight from the file: ``zipfile`` makes an
    object per member read and lists the package again, which costs as much as decompressing
    these small parts (≈ 0.4 ms of the 4 ms a workbook: the difference between meeting the
    3× target of issue 14 and not). The listing is ``zipfile``'s (``xlsx_safety`` made it), sizes
    were bounded there (decompression stops at the declared size), the CRC-32 is checked as
    ``zipfile`` checks it; anything unusual (encryption, another compression) goes through
    ``zipfile`` itself."""

    def __init__(self, path: Path, members: list[zipfile.ZipInfo] | None = None):
        self._fh = open(path, "rb")
        self._zip: zipfile.ZipFile | None = None
        try:
            if members is None:
                self._zip = zipfile.ZipFile(self._fh)
                members = self._zip.infolist()
        except BaseException:
            self._fh.close()
            raise
        self._infos = {i.filename: i for i in members}
        self.names = self._infos.keys()

    def read(self, name: str) -> bytes:
        info = self._infos[name]
        if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            if self._zip is None:
                self._zip = zipfile.ZipFile(self._fh)
            return self._zip.read(name)
        self._fh.seek(info.header_offset)
        head = self._fh.read(30)
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(name)
        skip = int.from_bytes(head[26:28], "little") + int.from_bytes(head[28:30], "little")
        self._fh.seek(skip, 1)
        raw = self._fh.read(info.compress_size)
        if info.compress_type == zipfile.ZIP_DEFLATED:
            raw = zlib.decompressobj(-15).decompress(raw, info.file_size + 1)
        if len(raw) != info.file_size or zlib.crc32(raw) != info.CRC:  # what zipfile checks too
            raise zipfile.BadZipFile(name)
        return raw

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._fh.close()


def _main_root(x: bytes) -> int | None:
    """Where the root element starts, when the part is UTF-8 XML whose root is in
    SpreadsheetML's main namespace, unprefixed (what openpyxl reads; Strict OOXML's
    namespace it does not); else ``None``."""
    m = _ROOT.match(x)
    if m is None:
        return None
    enc = _ENCODING.search(m.group(1) or b"")
    if enc is not None and enc.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    return m.start(2)


def _sst_ok(sst: bytes) -> bool:
    """Whether calamine reads the shared strings exactly as openpyxl does."""
    root = _main_root(sst)
    if root is None or sst.find(b"\r", root) >= 0 or b"<!" in sst:
        return False
    if b"x005F_" in sst or _ESCAPED.search(sst) or _SUSPECT.search(sst) or _unpreserved_edges(sst):
        return False
    # no empty text element (above), so a string is empty only when it has no text outside
    # its phonetic runs
    for chunk in sst.split(b"</si>")[:-1]:
        if b"<rPh" in chunk:
            chunk = _PHONETIC.sub(b"", chunk)
        if b"<t>" not in chunk and b"<t " not in chunk:
            return False
    return True


def _unpreserved_edges(x: bytes) -> bool:
    """Whether a text element not marked ``xml:space="preserve"`` begins or ends with
    whitespace (calamine trims it, openpyxl keeps it)."""
    return _EDGE_SPACE.search(x) is not None or b"&#00000000" in x or b"&#x00000000" in x  # longer padding


# calamine reserves room for as many shared strings as the part's uniqueCount says before it
# reads one: uniqueCount="4294967295" asks for 100 GB and aborts the process (no exception to
# catch). A count past the strings the part holds is read by openpyxl, which does not trust it.
_UNIQUE_COUNT = re.compile(rb"""<(?:[\w.-]+:)?sst\b[^>]*?\buniqueCount\s*=\s*["']([^"']*)""")
_SST_NAME = "xl/sharedstrings.xml"


def _unique_count_ok(sst: bytes) -> bool:
    """Whether the shared strings' ``uniqueCount``, if any, is a number of at most the strings
    they hold."""
    if b"uniqueCount" not in sst:
        return True
    held = None
    for m in _UNIQUE_COUNT.finditer(sst):
        count = m.group(1)
        if held is None:
            held = sst.count(b"<si")
        if not (count.isdigit() and int(count) <= held):
            return False
    return True


def count_strings(sst: bytes) -> None:
    """Refuse shared strings past ``MAX_SHARED_STRINGS`` (every reader parses them whole on
    opening); a prefixed ``<x:si>`` counted twice, with its end tag."""
    if sst.count(b"<si") + sst.count(b":si") > MAX_SHARED_STRINGS:
        raise too_many_cells(strings=True)


def _other_sst_parts(names) -> list[str]:
    """The members other than ``xl/sharedStrings.xml`` that calamine also takes for the shared
    strings (it matches the name ignoring case, with backslashes for slashes)."""
    return [n for n in names if n != "xl/sharedStrings.xml" and n.replace("\\", "/").lstrip("/").lower() == _SST_NAME]


def _enclosing_cell(x: bytes, at: int):
    """The opening tag of the cell element holding offset ``at`` (a match: column, row,
    other attributes), or ``None``."""
    i = x.rfind(b'<c r="', 0, at)
    return _CELL_OPEN.match(x, i) if i >= 0 else None


def _cast_number(text: str) -> int | float:
    """A number as openpyxl reads it: a float when written with a point or an exponent."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


_ENTITY = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _unescape(m: re.Match) -> str:
    hexa, dec, name = m.groups()
    return _NAMED[name] if name else chr(int(hexa, 16) if hexa else int(dec))


def _xml_text(raw: bytes) -> str:
    """The text of an element as an XML parser gives it (the five entities, character
    references; no CR: the sheets holding one are read by openpyxl)."""
    text = raw.decode("utf-8")
    return _ENTITY.sub(_unescape, text) if "&" in text else text


def _column_number(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_ATTRS: dict[bytes, re.Pattern] = {}


def _attr(tag: bytes, name: bytes) -> str | None:
    """The value of attribute ``name`` (any namespace prefix) of a start tag's attribute text."""
    pattern = _ATTRS.get(name)
    if pattern is None:
        pattern = _ATTRS[name] = re.compile(rb'(?:^|\s)(?:[\w.-]+:)?' + name + rb'\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
    m = pattern.search(tag)
    if m is None:
        return None
    raw = m.group(1) if m.group(1) is not None else m.group(2)
    return _xml_text(raw)


def _workbook_sheets(workbook: bytes, rels: bytes) -> list[tuple[str, str, str]]:
    """(name, part, kind) of every <sheet> of the workbook, in order; kind ``worksheet``,
    ``chartsheet`` or another relationship type."""
    targets = {}
    for tag in _REL_TAG.findall(rels):
        rid, target = _attr(tag, b"Id"), _attr(tag, b"Target")
        if rid is None or target is None or _attr(tag, b"TargetMode") == "External":
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        targets[rid] = (part, (_attr(tag, b"Type") or "").rsplit("/", 1)[-1])
    out = []
    body = workbook.split(b"<sheets", 1)[-1].split(b"</sheets>", 1)[0]
    for tag in _SHEET_TAG.findall(body):
        name, rid = _attr(tag, b"name"), _attr(tag, b"id")
        if name is None or rid not in targets:
            raise _Fallback
        part, kind = targets[rid]
        out.append((name, part, kind))
    return out


def _date_styles(styles: bytes) -> bytes | None:
    """An alternation of the cell-style indices whose number format may read as a date, or
    ``None`` when there are none."""
    if not styles:
        return None
    custom = {}
    for tag in _NUMFMT_TAG.findall(styles):
        fid = _attr(tag, b"numFmtId")
        if fid is not None:
            custom[fid] = _attr(tag, b"formatCode") or ""
    xfs = _CELLXFS.search(styles)
    if xfs is None:
        return None
    out = []
    for i, tag in enumerate(_XF_TAG.findall(xfs.group(0))):
        m = _NUMFMT_ID.search(tag)
        fid = m.group(1).decode("ascii") if m else "0"
        if fid in custom:
            if _DATE_LETTERS.search(custom[fid]):
                out.append(i)
        elif not fid.isdigit() or int(fid) in _DATE_BUILTINS or int(fid) >= 164:
            out.append(i)
    if 0 in out:
        raise _Fallback  # the default style: every cell without a style would be one
    return b"|".join(str(i).encode() for i in out) if out else None


def _calamine_failure(e: BaseException) -> bool:
    """An error of calamine's (or of our scan of the package): openpyxl gets the last word."""
    if isinstance(e, (KeyboardInterrupt, SystemExit, MemoryError, InputError)):
        return False
    return isinstance(e, Exception) or type(e).__name__ == "PanicException"
