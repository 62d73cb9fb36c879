"""The bounds of reading a PDF: pdfminer and pdfplumber read whatever a file says, in Python,
and a few hundred bytes can ask them for hours or GBs (streams that unpack without end, objects
that refer to themselves, ranges of four billion codes, forms drawn within forms). Each step is
measured before they take it, and a file past a limit is refused with one Chinese line
(``import-too-large``; ``import-corrupt`` for damage): ``before_open`` (what opening the file
parses and unpacks), ``bound_objects`` (every stream, as pdfminer would unpack it), ``Budget``
and ``within_limits`` (each page's drawing, fonts and characters). The limits are set far above
what reports hold; the figures beside them were measured on pdfminer.six 20260107."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError

# pdfminer unpacks every stream it needs whole and reads drawing instructions in Python: a few KB
# of deflate data can hold hundreds of MB, and every character drawn costs about 0.1 ms. A report's
# page draws 5–200 KB; its biggest stream is an embedded font of a few MB.
MAX_STREAM = 32 * 1024 * 1024  # one stream, unpacked
MAX_UNPACKED = 256 * 1024 * 1024  # all streams of the file, unpacked
# µs of pdfminer's byte-by-byte unpacking (in Python) of the streams it unpacks: ASCII85, run-length,
# LZW, predictors, damaged deflate data retried; a report's need some milliseconds
MAX_WORK = 3_000_000
MAX_PAGE_CONTENT = 1024 * 1024  # the drawing instructions of one page
MAX_CONTENT = 4 * 1024 * 1024  # those of all pages (about half a minute of pdfminer)
# A font's character maps (ToUnicode, an embedded Encoding CMap), which pdfminer parses in Python
# (a few MB: minutes). A subset Chinese font's map is some tens of KB, a whole font's a few hundred.
MAX_FONT_MAP = 1024 * 1024
MAX_FONT_MAPS = 4 * 1024 * 1024  # all maps (and font programs) pdfminer parses for the document
# the codes those maps, a CID font's widths (/W) and TrueType cmaps make, each an entry of a table
# (a whole Chinese font: some 30,000); a range can name four billion in a few bytes
MAX_FONT_CODES = 1_000_000
# characters drawn: some 40 µs and 2.5 KB each in pdfminer and pdfplumber; a full page of a report
# shows 1,000–3,000
MAX_PAGE_GLYPHS = 20_000
MAX_GLYPHS = 100_000
# pdfminer's parser: lines read where the cross-references are damaged (17 µs each), tokens of the
# objects (6 µs each); a report has some thousands of lines and some tens of thousands of tokens
MAX_LINES = 250_000  # and one for every 100 bytes (binary data breaks a line every 128)
MAX_TOKENS = 150_000
# objects the cross-reference tables list: a report has a few hundred to a few thousand, and each
# costs pdfminer some microseconds to find (an xref stream's /Index can claim billions)
MAX_OBJECTS = 200_000
_STREAM = re.compile(rb"(?:^|(?<=[\s>\])}]))stream\r?\n")  # the keyword, not “/xstream” or “endstream”
_OBJ = re.compile(rb"(?<!\d)(\d+)\s+(\d+)\s+obj\b")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
# a filter or parameter beside deflate alone, named in a stream's dictionary (or given by reference)
_PACKED = re.compile(rb"LZW|RunLength|/RL\b|AHx|ASCIIHex|A85|ASCII85|Predictor|/Filter\s*\d+\s+\d+\s+R|/DecodeParms\s*\d+\s+\d+\s+R")
# what pdfminer's parser reads as a token (a string's words counted each, a comment's too: more)
_TOKEN = re.compile(rb"<<|>>|[\[\]{}()<>/]|[^\s\[\]{}()<>/%]+")


def before_open(data: bytes, path: Path) -> int:
    """Refuse a file whose opening alone would take pdfminer minutes or GBs: what its parser reads
    (``_bound_parsing``), and what it unpacks as it opens the file (``_bound_streams``,
    ``_bound_packed``). The tokens of the file's objects, for ``bound_objects``."""
    tokens = _bound_parsing(data, path)
    _bound_streams(data, path)
    _bound_packed(data, path, tokens)
    return tokens


def within_limits(budget: Budget, page, pno: int) -> None:
    """``InputError`` when the page's drawing or fonts would take pdfminer minutes or GBs (``Budget``)."""
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        budget.page(page, pno)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 — data pdfminer's own code fails on (LZW: IndexError) is damage, as pdfplumber takes it
        raise PdfminerException(e) from None


def _bound_streams(data: bytes, path: Path) -> None:
    """Refuse a PDF whose deflated streams unpack past ``MAX_STREAM`` each or ``MAX_UNPACKED`` in
    all, before opening it unpacks any (whole, in memory): its cross-reference and object streams.
    Every ``stream`` keyword of the file is looked at, whatever refers to it; what does not
    inflate (an encrypted stream, another filter, binary data that happens to spell the keyword)
    is left to ``bound_objects``, which measures each stream as pdfminer reads it."""
    import zlib

    view = memoryview(data)
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[start:start + 2]
        if len(head) < 2 or head[0] & 0x0F != 8 or (head[0] << 8 | head[1]) % 31:  # no zlib header
            continue
        try:
            size = len(zlib.decompressobj().decompress(view[start:], MAX_STREAM + 1))
        except zlib.error:
            continue
        total += size
        _check_unpacked(size, total, path)


def _check_unpacked(size: int, total: int, path: Path) -> None:
    """``InputError`` for a stream unpacking past ``MAX_STREAM``, or all of them past ``MAX_UNPACKED``."""
    if size > MAX_STREAM or total > MAX_UNPACKED:
        raise InputError(
            f"PDF 中的压缩数据解压后超过 {(MAX_STREAM if size > MAX_STREAM else MAX_UNPACKED) // (1024 * 1024)} MB"
            "（正常的报告远小于此，文件可能是恶意构造的），不予读取",
            code="import-too-large", path=str(path),
        )


def _bound_parsing(data: bytes, path: Path) -> int:
    """Refuse a PDF whose lines or tokens pdfminer's parser (in Python, some µs each) would take
    more than seconds over, before opening it: a file of damaged cross-references is read line
    by line (a 1 MB file of empty lines took 17 s), and every object is parsed, a token at a time
    (200 KB of ``[`` read by a dozen objects: over 10 s). Lines are counted in the whole file (the
    damaged file's reader goes through streams' data too; random binary data has a line break
    every 128 bytes), tokens outside streams' data, stopping past the limit (returned: object
    streams' are counted to them as they are unpacked)."""
    lines = data.count(b"\n") + data.count(b"\r")
    if lines > MAX_LINES + len(data) // 100:
        raise InputError(
            f"PDF 有 {lines} 行，超过上限 {MAX_LINES + len(data) // 100} 行（文件可能已损坏或是恶意构造的），不予读取",
            code="import-too-large", path=str(path),
        )
    tokens = pos = 0
    for m in _STREAM.finditer(data):
        if m.start() < pos:
            continue
        tokens += _count(_TOKEN.finditer(data, pos, m.start()), MAX_TOKENS - tokens + 1)
        end = data.find(b"endstream", m.end())
        pos = len(data) if end < 0 else end + len(b"endstream")
    tokens += _count(_TOKEN.finditer(data, pos), MAX_TOKENS - tokens + 1)
    _check_tokens(tokens, path)
    return tokens


def _check_tokens(tokens: int, path: Path) -> None:
    if tokens > MAX_TOKENS:
        raise InputError(
            f"PDF 的对象数据超过 {MAX_TOKENS} 个记号（正常的报告不过几万个，文件可能已损坏或是恶意构造的），不予读取",
            code="import-too-large", path=str(path),
        )


def _count(items, limit: int) -> int:
    n = 0
    for _ in items:
        n += 1
        if n >= limit:
            break
    return n


def _bound_packed(data: bytes, path: Path, tokens: int) -> None:
    """Refuse a PDF whose streams under filters other than deflate alone (LZW, run-length, hex
    or ASCII85, in a chain) unpack past ``MAX_STREAM`` each or ``MAX_UNPACKED`` in all, or whose
    cross-reference and object streams take pdfminer more than ``MAX_WORK`` in its Python steps,
    before opening it unpacks them: a cross-reference stream of 2 MB of run-length data took
    1.2 GB there, one of hex-wrapped deflate 660 MB (``_bound_streams`` only inflates what starts
    as deflate data). Each stream's dictionary is read by pdfminer's parser, its data taken as
    pdfminer takes it (``_Objects``).

    An object stream's objects are parsed as the file is opened (the catalog's; where the
    cross-references are damaged, all): their tokens are counted to the file's (``tokens``; 20 MB
    of ``[`` deflated to 20 KB took pdfminer minutes). An encrypted file's object streams are
    measured decrypted, as pdfminer opens the file (the empty password; 200 KB of them held 400 MB
    as it did); its other streams are left to ``bound_objects``."""
    import bisect

    from pdfminer.pdftypes import PDFObjRef, PDFStream
    from pdfminer.psparser import LIT

    objects = _Objects(data)
    decipher = objects.decipher_objects()
    done: set[int] = set()
    total = work = 0
    for m in _STREAM.finditer(data):
        i = bisect.bisect_right(objects.heads, m.start()) - 1
        if i < 0 or objects.heads[i] in done:
            continue
        pos = objects.heads[i]
        done.add(pos)
        words = _NAME_HEX.sub(lambda h: bytes.fromhex(h[1].decode()), data[pos:m.start()])
        if not _PACKED.search(words) and not _OBJSTM.search(words):  # deflate alone, or nothing: left to _bound_streams
            continue
        stream = objects.parse(pos)
        if not isinstance(stream, PDFStream) or isinstance(kind := stream.get("Type"), PDFObjRef):
            continue
        if objects.encrypted:
            if kind is LIT("ObjStm") and decipher is not None:
                objid, genno = _OBJ.match(data, pos).groups()
                stream.set_objid(int(objid), int(genno))
                stream.decipher = decipher
            elif kind is not LIT("XRef"):  # (a cross-reference stream is never encrypted)
                continue
        unpacked = _unpacked_size(stream)
        total += unpacked.size
        _check_unpacked(unpacked.size, total, path)
        if kind in (LIT("XRef"), LIT("ObjStm")):  # unpacked as the file is opened
            work += unpacked.work
            if work > MAX_WORK:
                _too_slow(_OBJ.match(data, pos)[1].decode(), unpacked, path)
        if kind is LIT("ObjStm") and unpacked.known:
            try:
                parsed = stream.get_data()  # within the bounds just found
            except Exception:  # noqa: BLE001 — what pdfminer cannot unpack, it cannot parse
                continue
            tokens += _count(_TOKEN.finditer(parsed), MAX_TOKENS - tokens + 1)
            _check_tokens(tokens, path)


class _Objects:
    """The objects of a file not yet opened, read by pdfminer's parser where their “6 0 obj”
    stands (the last one of a number, as an update replaces it), what pdfminer's parser needs as
    its document: a reference resolves to such an object or to nothing (missing, as pdfminer takes
    it). A stream's data is taken as pdfminer takes it: its /Length (resolved so) and on to the
    line of “endstream”; to the end of the file where that length cannot be found."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        found = list(_OBJ.finditer(data))
        self.heads = [m.start() for m in found]
        self.at = {int(m[1]): m.start() for m in found}
        self.encrypted = b"/Encrypt" in data
        self.reading: set[int] = set()  # against a /Length that refers to its own stream

    def getobj(self, objid: int):
        from pdfminer.pdfexceptions import PDFObjectNotFound

        if objid not in self.at or objid in self.reading:
            raise PDFObjectNotFound(objid)
        self.reading.add(objid)
        try:
            return self.parse(self.at[objid])
        finally:
            self.reading.discard(objid)

    def parse(self, pos: int):
        """The object whose “6 0 obj” is at ``pos``, or None where pdfminer's parser fails."""
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFStream

        parser = PDFParser(io.BytesIO(self.data))
        parser.set_document(self)
        try:
            parser.seek(pos)
            for _ in range(3):  # “6 0 obj”
                parser.nexttoken()
            _, obj = parser.nextobject()
        except Exception:  # noqa: BLE001 — what pdfminer's parser cannot read, it cannot use
            return None
        if isinstance(obj, PDFStream) and not isinstance(obj.get("Length"), int):
            from pdfminer.pdftypes import resolve1

            if not isinstance(resolve1(obj.get("Length")), int):
                obj.rawdata = self.data[_STREAM.search(self.data, pos).end():]
        return obj

    @property
    def decipher(self):  # what the parser takes as its document's: none while reading the file
        return None

    def decipher_objects(self):
        """pdfminer's decryption of the file's objects with the empty password, which it opens
        the file with (``PDFDocument._initialize_password``), read from the trailer (or the
        cross-reference stream) that names the encryption; None where there is none or it cannot
        be set up (pdfminer cannot open the file then either)."""
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdftypes import dict_value, int_value, list_value, resolve1

        if not self.encrypted:
            return None
        named = self.data.rfind(b"/Encrypt")
        trailer = self.data.rfind(b"trailer", 0, named)
        try:
            if trailer > max((h for h in self.heads if h < named), default=-1):
                from pdfminer.pdfparser import PDFParser

                parser = PDFParser(io.BytesIO(self.data))
                parser.set_document(self)
                parser.seek(trailer + len(b"trailer"))
                _, attrs = parser.nextobject()
            else:
                import bisect

                attrs = self.parse(self.heads[bisect.bisect_right(self.heads, named) - 1]).attrs
            param = dict_value(resolve1(attrs["Encrypt"]))
            factory = PDFDocument.security_handler_registry[int_value(param.get("V", 0))]
            return factory(list_value(resolve1(attrs["ID"])), param, "").decrypt
        except Exception:  # noqa: BLE001 — where it cannot be set up, pdfminer cannot open the file
            return None


def bound_objects(doc, data: bytes, path: Path, tokens: int) -> dict[int, _Unpacked]:
    """Refuse a PDF any of whose streams would unpack past ``MAX_STREAM`` (or all of them past
    ``MAX_UNPACKED``) once pdfminer has opened it: every stream object, with its filters as pdfminer
    reads them (named indirectly or not, in a chain, after decryption). ``_bound_streams`` could
    only see deflate data at the start of a stream; hex- or LZW-wrapped data, or an encrypted
    file's, unpacked unbounded in pdfminer (a 1 MB file took 860 MB). Streams are never inside
    object streams, so the objects at a file offset are all there is to measure.

    Then every object, those in object streams too (unpacked by now within bounds), is followed
    where it is only a reference to another: pdfminer follows such a chain without end when it
    comes back to where it began (``6 0 obj 6 0 R endobj``: a page drawing it hung for ever).

    Returns each stream as ``_unpacked_size`` finds it."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream

    seen: dict[int, object] = {}  # each object listed, with the table that places it
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            seen.setdefault(objid, xref)
            if len(seen) > MAX_OBJECTS:  # counted before any is looked up (a phantom entry costs a parse)
                raise InputError(
                    f"PDF 的交叉引用表列出超过 {MAX_OBJECTS} 个对象（正常的报告不过几千个，文件可能已损坏或是恶意构造的），不予读取",
                    code="import-too-large", path=str(path),
                )
    total = work = 0
    sizes: dict[int, _Unpacked] = {}
    containers: set[int] = set()  # object streams the tables place objects in
    for objid, xref in seen.items():
        try:
            container, pos, _ = xref.get_pos(objid)
        except Exception:  # noqa: BLE001 — as below
            continue
        if container is not None:  # inside an object stream: not a stream
            containers.add(container)
            continue
        # pdfminer looks for an object whose offset does not lead to its “6 0 obj” token by
        # token up to the next “obj” (through 200 KB of “[”, ten seconds), and parses one it
        # cannot read again each time it is asked for: either is given up on here, for good
        head = _OBJ.search(data, pos, pos + 1024) if isinstance(pos, int) and 0 <= pos < len(data) else None
        if head is None or int(head[1]) != objid:
            doc._cached_objs[objid] = (None, 0)  # pdfminer's own cache: the object missing, as pdfminer takes one it cannot read
            continue
        try:
            obj = doc.getobj(objid)
        except Exception:  # noqa: BLE001 — a broken object is pdfminer's to report, if it is ever used
            doc._cached_objs[objid] = (None, 0)
            continue
        if not isinstance(obj, PDFStream) or obj.rawdata is None:
            continue
        unpacked = sizes[objid] = _unpacked_size(obj)
        size = unpacked.size
        total += size
        _check_unpacked(size, total, path)
    for objid in containers:  # each parsed whole the first time one of its objects is asked for
        unpacked = sizes.get(objid)
        if unpacked is None or not unpacked.known:
            continue  # not a stream at an offset: pdfminer cannot use it either
        work += unpacked.work
        if work > MAX_WORK:
            _too_slow(objid, unpacked, path)
        try:
            objects = doc.getobj(objid).get_data()
        except Exception:  # noqa: BLE001 — as above
            continue
        tokens += _count(_TOKEN.finditer(objects), MAX_TOKENS - tokens + 1)
        _check_tokens(tokens, path)
    ends: set[int] = set()  # objects whose chain of references ends
    for objid in seen:
        chain: dict[int, None] = {}  # in order
        while objid not in ends:
            if objid in chain:
                loop = [*list(chain)[list(chain).index(objid):], objid]
                raise InputError(
                    f"PDF 已损坏：对象 {objid} 经由引用指回自身（{' → '.join(map(str, loop[:6]))}{' …' if len(loop) > 6 else ''}），"
                    "请用原文件重新导出 PDF，或改为检查 Word/网页版本",
                    code="import-corrupt", path=str(path),
                )
            chain[objid] = None
            try:
                obj = doc.getobj(objid)
            except Exception:  # noqa: BLE001 — as above: not found or broken ends the chain
                break
            if not isinstance(obj, PDFObjRef):
                break
            objid = obj.objid
        ends.update(chain)
    return sizes


class _Unpacked(NamedTuple):
    """A stream unpacked as pdfminer would unpack it: its ``size`` (or one past ``MAX_STREAM``,
    where the count stopped), the ``work`` of pdfminer's steps that go byte by byte in Python, in
    µs, whether every filter is one counted (``known``; images' filters are not), and whether
    it is ``damaged`` deflate data (pdfminer retries it byte by byte: quadratic)."""

    size: int
    work: int = 0
    known: bool = True
    damaged: bool = False  # deflate data that does not end as it should


# µs a byte (made, or taken for run-length and LZW codes) that pdfminer's Python steps cost:
# ASCII85 and run-length decoding, LZW codes, PNG predictors (Paeth: 1 µs a byte), TIFF ones
_WORK = {"a85": 0.6, "rl": 0.4, "lzw-in": 1.0, "lzw-out": 0.02, "png": 1.1, "tiff": 0.3}
# pdfminer retries deflate data that does not end as it should byte by byte, joining the bytes made
# each time: as many copies of what is made so far as bytes taken (copied some 7,000 bytes a µs)
_RETRY_COPIES = 7000


def _unpacked_size(stream) -> _Unpacked:
    """``stream`` unpacked as pdfminer would unpack it (``PDFStream.decode``), without ever holding
    more than ``MAX_STREAM`` + 1 bytes of a step: a step past it ends the count. Filters pdfminer
    does not apply to text (images: DCT, JPX, JBIG2, CCITT fax) end it too, as nothing read here
    unpacks them."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.lzw import LZWDecoder
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE, LITERALS_LZW_DECODE,
        LITERALS_RUNLENGTH_DECODE, resolve1,
    )

    limit = MAX_STREAM + 1
    work = 0.0
    known, damaged = True, False
    try:
        data = stream.rawdata
        if stream.decipher:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        for f, params in stream.get_filters():
            taken = len(data)
            if f in LITERALS_FLATE_DECODE:
                data, whole = _inflate(data, limit)
                if not whole:  # pdfminer's byte-by-byte retry
                    work += taken * len(data) / 2 / _RETRY_COPIES
                    damaged = True
            elif f in LITERALS_LZW_DECODE:
                data = _taken(LZWDecoder(io.BytesIO(data)).run(), limit)
                work += taken * _WORK["lzw-in"] + len(data) * _WORK["lzw-out"]
            elif f in LITERALS_RUNLENGTH_DECODE:
                size = _runlength_size(data)
                work += taken * _WORK["rl"]
                if size >= limit:
                    return _Unpacked(size, int(work), known, damaged)
                data = bytes(size)  # only its size matters to the steps after (none, in practice)
            elif f in LITERALS_ASCII85_DECODE:
                data = ascii85decode(data)  # smaller than what it decodes
                work += len(data) * _WORK["a85"]
            elif f in LITERALS_ASCIIHEX_DECODE:
                data = asciihexdecode(data)
            else:
                known = False
                break
            predictor = resolve1(params.get("Predictor")) if isinstance(params, dict) else None
            if isinstance(predictor, int) and predictor >= 2:
                work += len(data) * _WORK["png" if predictor >= 10 else "tiff"]
            if len(data) >= limit:
                break
    except Exception:  # noqa: BLE001 — data pdfminer cannot unpack either: it fails there, or gives little
        return _Unpacked(0, int(work), known, damaged)
    return _Unpacked(len(data), int(work), known, damaged)


def _inflate(data: bytes, limit: int) -> tuple[bytes, bool]:
    """Deflate data unpacked up to ``limit`` bytes, and whether it ended as it should (or reached
    ``limit``); a damaged stream gives what comes before the damage (as pdfminer's
    ``decompress_corrupted`` does)."""
    import zlib

    d = zlib.decompressobj()
    out = bytearray()
    step = 64 * 1024
    try:
        for i in range(0, len(data), step):
            out += d.decompress(d.unconsumed_tail + data[i:i + step], limit - len(out))
            if len(out) >= limit or d.eof:
                break
    except zlib.error:
        pass
    return bytes(out), d.eof or len(out) >= limit


def _taken(chunks, limit: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) >= limit:
            break
    return bytes(out)


def _runlength_size(data: bytes) -> int:
    """What RunLengthDecode data unpacks to, in bytes (up to 64 times its own size)."""
    i = size = 0
    while i < len(data) and data[i] != 128:
        n = data[i]
        size += n + 1 if n < 128 else 257 - n
        i += n + 2 if n < 128 else 2
    return size


# a form drawn by the drawing instructions: “/Fm0 Do” (a comment may stand between, as pdfminer skips it)
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)(?:\s|%[^\r\n]*)*Do\b")
_NAME_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")  # “/F#6d0” is pdfminer's “Fm0”
_STRING_MARK = re.compile(rb"[()\\<]")
_HEX_END = re.compile(rb"[^\s0-9A-Fa-f]")  # what ends a hex string for pdfminer (“>” or anything else)
MAX_FORM_DEPTH = 32  # forms drawn within forms; a report's, if any, are one deep


class Budget:
    """What pdfminer and pdfplumber will do for each page, measured before they do it, against
    limits of the page and of the document (``InputError`` past one):

    * the bytes of drawing instructions, with each form (XObject) as often as it is drawn;
    * the characters they show: every one costs pdfminer and pdfplumber about 40 µs and 2.5 KB,
      and one string can show a character a byte (a 1 MB page of one string: 1.2 GB, minutes);
    * the fonts pdfminer makes: it parses each one's character map (ToUnicode) and, lacking one,
      its font program's encoding or TrueType cmap, and makes an entry for every code a range,
      a width range (/W) or a cmap segment names: ``<0000> <FFFFFFFF>`` is four billion. A font
      given by reference is made once; one written out in the resources, every time those are
      set up (each page, each drawing of a form).

    ``sizes``: each stream's unpacked size (``bound_objects``), so that none is unpacked to find
    it too big."""

    def __init__(self, sizes: dict[int, _Unpacked], path: Path) -> None:
        self.sizes, self.path = sizes, path
        self.content = self.glyphs = self.map_bytes = self.codes = self.work = 0
        self.fonts: set[int] = set()  # fonts by reference, made once
        self.map_codes: dict[int, int] = {}  # codes each character map makes, once measured

    def page(self, page, pno: int) -> None:
        from pdfminer.pdftypes import PDFStream, resolve1

        self.pno = pno
        streams = [s for s in map(resolve1, page.page_obj.contents) if isinstance(s, PDFStream)]
        for s in streams:  # each measured before it is unpacked
            self.stream_size(s, MAX_PAGE_CONTENT, self.too_much_content)
        # the streams as pdfminer reads them: one after another (a name at the end of one is drawn
        # by the “Do” that starts the next)
        size, glyphs, parsed, codes = self.drawing(b"".join(s.get_data() for s in streams), page.page_obj.resources, 0, {})
        self.fonts_made(parsed, codes)
        if size > MAX_PAGE_CONTENT or self.content + size > MAX_CONTENT:
            self.too_much_content(size)
        if glyphs > MAX_PAGE_GLYPHS or self.glyphs + glyphs > MAX_GLYPHS:
            raise InputError(
                f"PDF 第 {pno} 页要绘制" + (f"约 {glyphs} 个字符，超过每页上限 {MAX_PAGE_GLYPHS} 个" if glyphs > MAX_PAGE_GLYPHS
                else f"的字符累计超过 {MAX_GLYPHS} 个") + "（正常的报告每页不过几千个），不予读取：请找到 Word 或网页版本再检查",
                code="import-too-large", path=str(self.path),
            )
        self.content += size
        self.glyphs += glyphs

    def too_much_content(self, size: int) -> None:
        raise InputError(
            f"PDF 第 {self.pno} 页的绘制内容" + (f"有 {size // 1024} KB，超过每页上限 {MAX_PAGE_CONTENT // 1024} KB" if size > MAX_PAGE_CONTENT
            else f"累计超过 {MAX_CONTENT // (1024 * 1024)} MB") + "（正常的报告每页不过几十 KB），不予读取：请找到 Word 或网页版本再检查",
            code="import-too-large", path=str(self.path),
        )

    def stream_size(self, stream, limit: int, refuse) -> int:
        """The size of ``stream``, which pdfminer is to unpack: ``refuse(size)`` called past
        ``limit``, before any unpacking; its Python steps counted against ``MAX_WORK``."""
        unpacked = self.sizes.get(stream.objid) or _unpacked_size(stream)
        if not unpacked.known:  # CCITT fax (pdfminer decodes it in Python, unbounded), DCT, JBIG2…
            raise InputError(
                f"PDF 已损坏：对象 {stream.objid} 是文字或字体数据，却用图像的压缩方式保存，请用原文件重新导出 PDF，或改为检查 Word/网页版本",
                code="import-corrupt", path=str(self.path),
            )
        if unpacked.size > limit:
            refuse(unpacked.size)
        self.work += unpacked.work
        if self.work > MAX_WORK:
            _too_slow(stream.objid, unpacked, self.path)
        return unpacked.size

    def drawing(self, data: bytes, resources, depth: int, forms: dict) -> tuple[int, int, int, int]:
        """What drawing ``data`` in ``resources`` costs, with the forms it draws each time drawn:
        (bytes, characters, map bytes parsed and codes made for the fonts written out in the
        resources, made each time; those by reference are counted in ``self`` once)."""
        from collections import Counter

        from pdfminer.pdftypes import PDFStream, resolve1
        from pdfminer.psparser import LIT

        cost = [len(data), _string_bytes(data), *self.fonts_of(resources)]
        drawn = Counter(_NAME_HEX.sub(lambda m: bytes.fromhex(m[1].decode()), name) for name in _DO.findall(data))
        if not drawn:
            return tuple(cost)
        if depth > MAX_FORM_DEPTH:
            return MAX_CONTENT + 1, *cost[1:]
        resources = resolve1(resources)
        xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        for name, times in drawn.items():
            x = resolve1(xobjects.get(name.decode("latin-1"))) if isinstance(xobjects, dict) else None
            if not isinstance(x, PDFStream) or x.get("Subtype") is not LIT("Form"):
                continue
            key = x.objid if x.objid is not None else id(x)
            if key not in forms:
                forms[key] = (0, 0, 0, 0)  # while being counted (pdfminer draws no form within itself)
                self.stream_size(x, MAX_PAGE_CONTENT, self.too_much_content)
                forms[key] = self.drawing(x.get_data(), x.get("Resources") or resources, depth + 1, forms)
            cost = [c + f * times for c, f in zip(cost, forms[key])]
            if cost[0] > MAX_CONTENT:
                break
        return tuple(cost)

    def fonts_of(self, resources) -> tuple[int, int]:
        """Map bytes parsed and codes made for the fonts of ``resources``, which pdfminer makes as
        it sets them up, drawn or not: those written out there, each time (returned); those by
        reference, the first time only (counted here)."""
        from pdfminer.pdftypes import PDFObjRef, resolve1

        resources = resolve1(resources)
        fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
        parsed = codes = 0
        for spec in fonts.values() if isinstance(fonts, dict) else ():
            if not isinstance(spec, PDFObjRef):
                p, c = self.font(spec)
                parsed, codes = parsed + p, codes + c
            elif spec.objid not in self.fonts:
                self.fonts.add(spec.objid)
                self.fonts_made(*self.font(resolve1(spec)))
        return parsed, codes

    def fonts_made(self, parsed: int, codes: int) -> None:
        self.map_bytes += parsed
        self.codes += codes
        if self.map_bytes > MAX_FONT_MAPS:
            raise InputError(
                f"PDF 第 {self.pno} 页所用字体的字符映射表累计超过 {MAX_FONT_MAPS // (1024 * 1024)} MB"
                "（正常的字体不过几百 KB，文件可能是恶意构造的），不予读取：请找到 Word 或网页版本再检查",
                code="import-too-large", path=str(self.path),
            )
        if self.codes > MAX_FONT_CODES:
            raise InputError(
                f"PDF 第 {self.pno} 页所用字体的字符映射表和字宽表定义的字符编码累计超过 {MAX_FONT_CODES} 个"
                "（正常的字体不过几万个，文件可能是恶意构造的），不予读取：请找到 Word 或网页版本再检查",
                code="import-too-large", path=str(self.path),
            )

    def font(self, spec) -> tuple[int, int]:
        """Map bytes parsed and codes made when pdfminer makes the font ``spec`` (``get_font``)."""
        from pdfminer.pdftypes import PDFStream, resolve1
        from pdfminer.psparser import LIT

        if not isinstance(spec, dict):
            return 0, 0
        for _ in range(4):  # a Type0 font is made as its descendant with its Encoding and ToUnicode
            if spec.get("Subtype") is not LIT("Type0"):
                break
            kids = resolve1(spec.get("DescendantFonts"))
            kid = resolve1(kids[0]) if isinstance(kids, list) and kids else None
            if not isinstance(kid, dict):
                return 0, 0
            spec = {**kid, **{k: spec[k] for k in ("Encoding", "ToUnicode") if k in spec}}
        parsed = codes = 0
        tounicode = resolve1(spec.get("ToUnicode"))
        if isinstance(tounicode, PDFStream):
            parsed += self.stream_size(tounicode, MAX_FONT_MAP, self.too_big_map)
            codes += self.cmap_codes(tounicode)
        codes += _width_codes(resolve1(spec.get("W")), 3) + _width_codes(resolve1(spec.get("W2")), 5)
        descriptor = resolve1(spec.get("FontDescriptor"))
        if isinstance(descriptor, dict):
            program = resolve1(descriptor.get("FontFile"))
            if isinstance(program, PDFStream) and "Encoding" not in spec:  # its encoding read from the program
                parsed += self.stream_size(program, MAX_FONT_MAP, self.too_big_map)
            program = resolve1(descriptor.get("FontFile2"))
            if isinstance(program, PDFStream):  # a TrueType program, always unpacked
                self.stream_size(program, MAX_STREAM, lambda size: None)
                if "ToUnicode" not in spec:  # its cmap read
                    codes += _truetype_codes(program.get_data(), MAX_FONT_CODES + 1)
        return parsed, codes

    def too_big_map(self, size: int) -> None:
        raise InputError(
            f"PDF 第 {self.pno} 页所用字体的字符映射表有 {size // 1024} KB，超过上限 {MAX_FONT_MAP // 1024} KB"
            "（正常的字体不过几百 KB，文件可能是恶意构造的），不予读取：请找到 Word 或网页版本再检查",
            code="import-too-large", path=str(self.path),
        )

    def cmap_codes(self, stream) -> int:
        """The codes pdfminer's parser makes of a character map: one an entry, and one a code of
        each range; counted by that parser (past the document's limit, it stops), once a map."""
        if stream.objid in self.map_codes:
            return self.map_codes[stream.objid]
        data = stream.get_data()
        codes = 0
        if b"endbfrange" in data or b"endcidrange" in data:  # only a range makes more entries than its bytes
            from pdfminer.cmapdb import CMapBase, CMapParser

            limit = MAX_FONT_CODES - self.codes

            class Count(CMapBase):
                def add_cid2unichr(self, cid, code) -> None:
                    nonlocal codes
                    codes += 1
                    if codes > limit:
                        raise _TooMany

            try:
                CMapParser(Count(), io.BytesIO(data)).run()
            except _TooMany:
                pass
        self.map_codes[stream.objid] = codes
        return codes


class _TooMany(Exception):
    pass


def _too_slow(objid, unpacked: _Unpacked, path: Path) -> None:
    raise InputError(
        f"PDF 中的数据流（对象 {objid}）" + ("的压缩数据残缺，逐字节修复" if unpacked.damaged else "要逐字节解压，")
        + f"估计要 {unpacked.work / 1e6:.0f} 秒，数据流解压累计超过上限 {MAX_WORK // 1_000_000} 秒"
        "（正常的报告不到 1 秒，文件可能已损坏或是恶意构造的），不予读取：请用原文件重新导出 PDF，或改为检查 Word/网页版本",
        code="import-corrupt" if unpacked.damaged else "import-too-large", path=str(path),
    )


def _string_bytes(data: bytes) -> int:
    """At most how many characters the drawing instructions ``data`` show: the bytes inside their
    strings, ``( )`` (nested, as pdfminer reads them) and ``< >`` (two hex digits a byte)."""
    total = depth = start = pos = 0
    search = _STRING_MARK.search
    while m := search(data, pos):
        c, pos = data[m.start()], m.end()
        if depth:
            if c == 0x5C:  # “\”: the byte after it is part of the string
                pos += 1
            elif c == 0x28:
                depth += 1
            elif c == 0x29:
                depth -= 1
                if not depth:
                    total += m.start() - start
        elif c == 0x28:
            depth, start = 1, pos
        elif c == 0x3C and data[pos:pos + 1] != b"<":
            end = _HEX_END.search(data, pos)
            end = end.start() if end else len(data)
            total += (end - pos + 1) // 2
            pos = end
        elif c == 0x3C:
            pos += 1
    return total + (len(data) - start if depth else 0)


def _width_codes(widths, run: int) -> int:
    """The codes a CID font's /W (``run`` 3) or /W2 (5) gives widths: ``c1 c2 w`` gives every code
    from c1 to c2, as pdfminer's ``get_widths`` makes them."""
    from pdfminer.pdftypes import resolve1

    codes, numbers = 0, []
    for v in widths if isinstance(widths, list) else ():
        v = resolve1(v)
        if isinstance(v, list):
            codes += len(v)
            numbers = []
        elif isinstance(v, (int, float)):
            numbers.append(v)
            if len(numbers) == run:
                if isinstance(numbers[0], int) and isinstance(numbers[1], int):
                    codes += max(0, numbers[1] - numbers[0] + 1)
                numbers = []
    return codes


def _truetype_codes(data: bytes, limit: int) -> int:
    """The codes pdfminer's ``TrueTypeFont.create_unicode_map`` makes of a TrueType font's cmap
    subtables (formats 2, 4 and 12 map ranges: 65,535 codes a segment, four billion a group), up
    to ``limit``; where the data runs out, pdfminer fails (``struct.error``), having made those."""
    import struct

    def at(fmt: str, pos: int) -> tuple:
        return struct.unpack_from(fmt, data, pos)

    codes = 0
    try:
        tables = {}
        for i in range(at(">H", 4)[0]):
            name, _, offset, _ = at(">4sLLL", 12 + 16 * i)
            tables[name] = offset
        base = tables[b"cmap"]
        for i in range(at(">H", base + 2)[0]):
            platform, encoding, offset = at(">HHL", base + 4 + 8 * i)
            if not (platform == 0 or (platform == 3 and encoding in (1, 10))):
                continue
            p = base + offset
            fmt = at(">H", p)[0]
            if fmt == 2:
                keys = at(">256H", p + 6)
                for h in range(max(keys) // 8 + 1):
                    codes += at(">HH", p + 518 + 8 * h)[1]
            elif fmt == 4:
                segments = at(">H", p + 6)[0] // 2
                ends = at(f">{segments}H", p + 14)
                starts = at(f">{segments}H", p + 16 + 2 * segments)
                codes += sum(max(0, e - s + 1) for e, s in zip(ends, starts))
            elif fmt == 12:
                for g in range(at(">I", p + 12)[0]):
                    first, last, _ = at(">III", p + 16 + 12 * g)
                    codes += max(0, last - first + 1)
                    if codes > limit:
                        break
            else:
                codes += 256 if fmt == 0 else 0  # 6 and 10 list their codes, one by one in the data
            if codes > limit:
                break
    except (struct.error, KeyError):
        pass
    return codes
