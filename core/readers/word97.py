"""Word 97-2003 binary documents (.doc, and WPS files saved in that format) read without LibreOffice.

A .doc is a compound file (CFB/OLE2: a small FAT file system inside one file). Its WordDocument
stream starts with the FIB, which points into the table stream (0Table or 1Table) at the piece
table (CLX): where each run of the main text lies, as cp1252 bytes or UTF-16LE. Paragraph
properties (PAPX, in 512-byte pages of the WordDocument stream) say which paragraphs are in a
table and which paragraph mark ends a table row; the row's cell definition says which cells are
covered by a vertical merge. Character properties (CHPX) mark text deleted under change tracking,
hidden (sprmCFVanish) or set as a note's mark (a short superscript), which is not read. The text
and the table grid are built as the docx reader builds them.

``read_word97`` returns a Document, or raises ``NotWord97`` (encrypted, Word 6/95, another
format inside the compound file, an empty compound file: the caller may ask LibreOffice) or
``Damaged`` (a compound file or Word 97 document whose inner structure is broken or cut off). Every count and
offset read from the file is checked against the file's size; sector chains are followed at most
once per sector, so a cycle ends the read instead of looping.
"""
from __future__ import annotations

import bisect
import re
import struct
import sys
from array import array

from core.readers.document import Cell, Document, Merge, MergedLine, TextBuilder
from core.readers.html import squash

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_NO_STREAM = 0xFFFFFFFF
_MAX_DIRECTORY_ENTRIES = 100_000


class NotWord97(Exception):
    """Not a Word 97-2003 document this reader handles (the reason is for logs, not users)."""


class Encrypted(NotWord97):
    pass


class Damaged(Exception):
    """A Word 97 document whose inner structure is broken."""


# --- compound file ---------------------------------------------------------------------------

class CompoundFile:
    """The streams of a compound file, read from bytes. Raises NotWord97 when the header is not a
    compound file's, Damaged when what it points at is broken or cut off."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(_OLE):
            raise NotWord97("not a compound file")
        self.data = data
        if data[28:30] != b"\xfe\xff":
            raise NotWord97("byte order")
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise NotWord97("sector size")
        self.sector_size = 1 << shift
        self.sectors = (len(data) - 512) // self.sector_size + (1 if (len(data) - 512) % self.sector_size else 0)
        (fat_count, directory_start, _, self.mini_cutoff, mini_fat_start, mini_fat_count,
         difat_start, difat_count) = struct.unpack_from("<IIIIIIII", data, 44)
        if fat_count == 0:
            raise NotWord97("an empty compound file")
        if fat_count > self.sectors or difat_count > self.sectors or mini_fat_count > self.sectors:
            raise Damaged("counts beyond the file")
        self.fat = self._fat(fat_count, difat_start, difat_count)
        self.directory = self._directory(self.chain_bytes(directory_start))
        root = self.directory[0] if self.directory else None
        if root is None or root[1] != 5:
            raise NotWord97("no root entry")
        self.mini_stream = self.chain_bytes(root[2], root[3])
        self.mini_fat = array("I", self.chain_bytes(mini_fat_start)[:mini_fat_count * self.sector_size])
        if sys.byteorder == "big":
            self.mini_fat.byteswap()

    def _sector(self, n: int) -> bytes:
        if n >= self.sectors:
            raise Damaged("sector beyond the file")
        start = 512 + n * self.sector_size
        return self.data[start:start + self.sector_size].ljust(self.sector_size, b"\x00")  # a cut last sector

    def _fat(self, fat_count: int, difat_start: int, difat_count: int) -> array:
        locations = list(struct.unpack_from("<109I", self.data, 76))
        per_sector = self.sector_size // 4 - 1
        seen: set[int] = set()
        sector = difat_start
        while sector not in (_END_OF_CHAIN, _FREE) and len(seen) < difat_count:
            if sector in seen:
                raise Damaged("DIFAT cycle")
            seen.add(sector)
            values = struct.unpack(f"<{per_sector + 1}I", self._sector(sector))
            locations.extend(values[:per_sector])
            sector = values[per_sector]
        fat = array("I")
        for location in locations[:fat_count]:
            if location in (_END_OF_CHAIN, _FREE):
                break
            fat.frombytes(self._sector(location))
        if sys.byteorder == "big":
            fat.byteswap()
        return fat

    def _chain(self, start: int, table: array) -> list[int]:
        chain, seen = [], set()
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(table) or sector in seen:
                raise Damaged("broken sector chain")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def chain_bytes(self, start: int, size: int | None = None) -> bytes:
        if start in (_END_OF_CHAIN, _FREE):
            return b""
        if size is not None and size > len(self.data):
            raise Damaged("stream larger than the file")
        out = b"".join(self._sector(n) for n in self._chain(start, self.fat))
        return out if size is None else out[:size]

    def _directory(self, raw: bytes) -> list[tuple]:
        """(name, type, start, size, left, right, child) per 128-byte entry."""
        entries = []
        for offset in range(0, min(len(raw), 128 * _MAX_DIRECTORY_ENTRIES) - 127, 128):
            name_length = struct.unpack_from("<H", raw, offset + 64)[0]
            name = raw[offset:offset + min(name_length, 64)].decode("utf-16-le", "replace").rstrip("\x00")
            kind = raw[offset + 66]
            left, right, child = struct.unpack_from("<III", raw, offset + 68)
            start, size = struct.unpack_from("<II", raw, offset + 116)
            entries.append((name, kind, start, size, left, right, child))
        return entries

    def root_streams(self) -> dict[str, tuple]:
        """The streams directly in the root storage, by name (those of embedded objects are not)."""
        found: dict[str, tuple] = {}
        pending, seen = [self.directory[0][6]], set()
        while pending:
            index = pending.pop()
            if index == _NO_STREAM or index >= len(self.directory) or index in seen:
                continue
            seen.add(index)
            entry = self.directory[index]
            if entry[1] == 2:
                found.setdefault(entry[0], entry)
            pending += [entry[4], entry[5]]
        return found

    def stream(self, entry: tuple) -> bytes:
        start, size = entry[2], entry[3]
        if size > len(self.data):
            raise Damaged("stream larger than the file")
        if size >= self.mini_cutoff:
            return self.chain_bytes(start, size)
        out: list[bytes] = []
        for n in self._chain(start, self.mini_fat):
            piece = self.mini_stream[n * 64:n * 64 + 64]
            if len(piece) < 64 and len(out) * 64 + len(piece) < size:
                raise Damaged("mini stream too short")
            out.append(piece)
        return b"".join(out)[:size]


# --- Word 97 ---------------------------------------------------------------------------------

_TEXT_MARKS = re.compile("[\r\x07\x0c]")
_FIELD_MARKS = re.compile("[\x13\x14\x15]")
_DELETABLE = re.compile("[^\r\x07]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that stand for something else than text: pictures, drawn objects, footnote and
# annotation references, optional hyphens, ...
_SPECIALS: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0b, 0x0c)}
_SPECIALS.update({0x0b: "\n", 0x0c: "\n", 0x1e: "-"})

SPRM_DELETED = 0x0800  # sprmCFRMarkDel: text deleted with change tracking on
SPRM_VANISH = 0x083C  # sprmCFVanish: hidden text, neither shown nor printed
SPRM_SUPERSCRIPT = 0x2A48  # sprmCIss: 1 superscript (a note's mark after a count, docx.MARK_MOST)
# A toggle's operand: 1 on, 0x81 the opposite of the style's (whose text is not hidden)
_UNREAD = {SPRM_DELETED: (b"\x01",), SPRM_VANISH: (b"\x01", b"\x81")}
_MARK_BYTES = 8  # a superscript run of at most 4 characters (UTF-16) is a note's mark
SPRM_IN_TABLE, SPRM_TTP, SPRM_ITAP = 0x2416, 0x2417, 0x6649
SPRM_INNER_CELL, SPRM_INNER_TTP = 0x244B, 0x244C
SPRM_DEF_TABLE, SPRM_VERT_MERGE = 0xD608, 0xD62B
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def read_word97(path: str, data: bytes, fmt: str) -> Document:
    """The document's main text and tables; raises NotWord97 or Damaged."""
    try:
        return _read(path, data, fmt)
    except (struct.error, IndexError, ValueError, KeyError, OverflowError) as exc:
        raise Damaged(f"{type(exc).__name__}: {exc}") from exc  # a field read beyond what it points into


def probe(data: bytes) -> None:
    """Raises as ``read_word97`` would for the container and the FIB (the text is not read)."""
    try:
        _open(data)
    except (struct.error, IndexError, ValueError, KeyError, OverflowError) as exc:
        raise Damaged(f"{type(exc).__name__}: {exc}") from exc


def _open(data: bytes):
    compound = CompoundFile(data)
    streams = compound.root_streams()
    if "WordDocument" not in streams:
        raise NotWord97("no WordDocument stream")
    word = compound.stream(streams["WordDocument"])
    return compound, streams, word, _fib(word)


def _read(path: str, data: bytes, fmt: str) -> Document:
    compound, streams, word, fib = _open(data)
    table_name = "1Table" if fib["which_table"] else "0Table"
    if table_name not in streams:
        raise Damaged("no table stream")
    table = compound.stream(streams[table_name])
    pieces, modifiers = _piece_table(table, fib["fc_clx"], fib["lcb_clx"], len(word))
    ccp_text = fib["ccp_text"]
    box_start = ccp_text + fib["ccp_before_boxes"]
    boxes = _text_boxes(table, fib, box_start) if fib["ccp_txbx"] > 0 else []
    text, piece_starts = _main_text(word, pieces, box_start + fib["ccp_txbx"] if boxes else ccp_text)
    text = _without_deletions(text, pieces, _deleted_runs(word, table, fib["fc_bte_chpx"], fib["lcb_bte_chpx"]))
    papx = _paragraph_properties(word, table, fib["fc_bte_papx"], fib["lcb_bte_papx"])
    extra = compound.stream(streams["Data"]) if "Data" in streams else b""
    builder = TextBuilder()
    _build(text, piece_starts, pieces, modifiers, papx, extra, builder, end=ccp_text, boxes=boxes)
    return Document(path, fmt, None, builder.text, builder.lines)


def _text_boxes(table: bytes, fib: dict, box_start: int) -> list[tuple[int, int, int]]:
    """(anchor CP in the main text, first CP, end CP) of each text box's story, in the order of
    their anchors (docx: a text box's paragraphs and tables are read after the paragraph it is
    anchored in): the text box stories (PlcftxbxTxt, each box's shape id) matched to the shapes
    anchored in the main text (PlcSpaMom). A story whose shape is not found follows the text."""
    stories = _plc(table, fib["fc_txbx"], fib["lcb_txbx"], 22)
    shapes = _plc(table, fib["fc_spa"], fib["lcb_spa"], 26)
    anchor_of = {struct.unpack_from("<i", data, 0)[0]: cp for cp, _, data in shapes}
    found = []
    for first, end, data in stories[:-1]:  # (the last story is a dummy ending the list)
        if struct.unpack_from("<h", data, 8)[0]:  # fReusable: a spare story, no box's
            continue
        anchor = anchor_of.get(struct.unpack_from("<i", data, 14)[0], fib["ccp_text"])
        if 0 <= first < end <= fib["ccp_txbx"]:
            found.append((anchor, box_start + first, box_start + end))
    return sorted(found)


def _plc(table: bytes, fc: int, lcb: int, size: int) -> list[tuple[int, int, bytes]]:
    """A PLC's entries: (CP, next CP, data of `size` bytes); none where it is absent or damaged."""
    if lcb < 4 + size + 4 or fc + lcb > len(table) or (lcb - 4) % (4 + size):
        return []
    n = (lcb - 4) // (4 + size)
    cps = struct.unpack_from(f"<{n + 1}i", table, fc)
    data_at = fc + 4 * (n + 1)
    return [(cps[i], cps[i + 1], table[data_at + size * i:data_at + size * (i + 1)]) for i in range(n)]


def _fib(word: bytes) -> dict:
    if len(word) < 154:
        raise NotWord97("WordDocument too short for a FIB")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    flags = struct.unpack_from("<H", word, 10)[0]
    if ident != 0xA5EC or n_fib < 0xC1:
        raise NotWord97(f"not Word 97 (nFib {n_fib:#x})")
    if flags & 0x0100:  # fEncrypted (fObfuscated, 0x8000, says only how)
        raise Encrypted("encrypted")
    csw = struct.unpack_from("<H", word, 32)[0]
    lw = 34 + 2 * csw
    cslw = struct.unpack_from("<H", word, lw)[0] if lw + 2 <= len(word) else 0
    fc_lcb = lw + 2 + 4 * cslw
    if cslw < 4 or fc_lcb + 2 + 8 * 34 > len(word):
        raise Damaged("FIB too short")
    count = struct.unpack_from("<H", word, fc_lcb)[0]
    if count < 34:
        raise Damaged("FIB without a piece table")
    pairs = struct.unpack_from("<68I", word, fc_lcb + 2)
    # FibRgLw97: ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx (the text box stories,
    # after the other stories)
    ccp_text, *before_boxes, ccp_txbx = struct.unpack_from("<7i", word, lw + 2 + 12) if cslw >= 10 else \
        (struct.unpack_from("<i", word, lw + 2 + 12)[0], 0, 0)
    if ccp_text < 0:
        raise Damaged("negative text length")
    # PlcSpaMom (the main text's shapes) and PlcftxbxTxt (the text box stories), in FibRgFcLcb97
    boxes = (0, 0, 0, 0)
    if ccp_txbx > 0 and min(before_boxes) >= 0 and count >= 57 and fc_lcb + 2 + 8 * 57 <= len(word):
        more = struct.unpack_from("<114I", word, fc_lcb + 2)
        boxes = (more[80], more[81], more[112], more[113])
    return {"which_table": bool(flags & 0x0200), "ccp_text": ccp_text,
            "ccp_before_boxes": sum(before_boxes), "ccp_txbx": ccp_txbx if boxes[3] else 0,
            "fc_spa": boxes[0], "lcb_spa": boxes[1], "fc_txbx": boxes[2], "lcb_txbx": boxes[3],
            "fc_clx": pairs[66], "lcb_clx": pairs[67],
            "fc_bte_chpx": pairs[24], "lcb_bte_chpx": pairs[25],
            "fc_bte_papx": pairs[26], "lcb_bte_papx": pairs[27]}


def _piece_table(table: bytes, fc: int, lcb: int, word_size: int):
    """[(cp_start, cp_end, byte_offset, compressed, prm)] and the CLX's property modifiers."""
    if fc + lcb > len(table) or lcb < 5:
        raise Damaged("CLX beyond the table stream")
    clx = table[fc:fc + lcb]
    modifiers: list[bytes] = []
    at = 0
    while at < len(clx) and clx[at] == 1:  # Prc: a grpprl that pieces may refer to
        if at + 3 > len(clx):
            raise Damaged("short Prc")
        size = struct.unpack_from("<h", clx, at + 1)[0]
        if size < 0 or at + 3 + size > len(clx):
            raise Damaged("Prc beyond the CLX")
        modifiers.append(clx[at + 3:at + 3 + size])
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 2:
        raise Damaged("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + size]
    if size != len(plc) or size < 16 or (size - 4) % 12:
        raise Damaged("piece table size")
    n = (size - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        _, fc_value, prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
        compressed = bool(fc_value & 0x40000000)
        offset = (fc_value & 0x3FFFFFFF) // 2 if compressed else fc_value & 0x3FFFFFFF
        start, end = cps[i], cps[i + 1]
        if end < start or offset + (end - start) * (1 if compressed else 2) > word_size:
            raise Damaged("piece beyond the WordDocument stream")
        pieces.append((start, end, offset, compressed, prm))
    return pieces, modifiers


def _main_text(word: bytes, pieces, ccp_text: int) -> tuple[str, list[int]]:
    """The main document's characters, one per CP (a surrogate pair stays two characters)."""
    parts, starts, length = [], [], 0
    for start, end, offset, compressed, _ in pieces:
        if start >= ccp_text:
            break
        if start != length:
            raise Damaged("pieces not contiguous")
        count = min(end, ccp_text) - start
        if compressed:
            parts.append(word[offset:offset + count].decode("cp1252", "replace"))
        else:
            units = array("H", word[offset:offset + 2 * count])
            if sys.byteorder == "big":
                units.byteswap()
            parts.append("".join(map(chr, units)))
        starts.append(start)
        length += count
        if length > len(word):  # pieces that overlap, to make the text outgrow the file
            raise Damaged("more text than the WordDocument stream holds")
    return "".join(parts), starts


def _deleted_runs(word: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int]]:
    """Sorted FC ranges of text marked deleted (tracked changes), hidden, or set as a note's mark
    (a short superscript), from the CHPX pages."""
    if lcb == 0:
        return []
    deleted = []
    for page in _fkp_pages(word, table, fc, lcb):
        crun = page[511]
        if 5 * crun + 4 > 511:
            raise Damaged("CHPX page count")
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            at = page[4 * (crun + 1) + i] * 2
            if at and at < 511:
                grpprl = page[at + 1:at + 1 + page[at]]
                if any(operand[:1] in _UNREAD.get(sprm, ()) or (sprm == SPRM_SUPERSCRIPT and operand[:1] == b"\x01"
                                                                and fcs[i + 1] - fcs[i] <= _MARK_BYTES)
                       for sprm, operand in _sprms(grpprl)):
                    deleted.append((fcs[i], fcs[i + 1]))
    deleted.sort()
    if any(deleted[i][1] > deleted[i + 1][0] for i in range(len(deleted) - 1)):
        raise Damaged("overlapping character runs")
    return deleted


def _without_deletions(text: str, pieces, deleted: list[tuple[int, int]]) -> str:
    """Deleted characters become NUL (dropped as shown); paragraph and cell marks stay, so that
    the paragraphs keep their properties (as the docx reader keeps a deleted paragraph mark)."""
    if not deleted:
        return text
    starts = [start for start, _ in deleted]
    spans = []
    for cp_start, cp_end, offset, compressed, _ in pieces:
        width = 1 if compressed else 2
        fc_end = offset + (cp_end - cp_start) * width
        for fc_from, fc_to in deleted[max(bisect.bisect_right(starts, offset) - 1, 0):
                                      bisect.bisect_left(starts, fc_end)]:
            low, high = max(fc_from, offset), min(fc_to, fc_end)
            if low < high:
                spans.append((cp_start + (low - offset) // width, cp_start + (high - offset + width - 1) // width))
    if not spans:
        return text
    parts, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if start >= min(end, len(text)):
            continue
        parts += [text[at:start], _DELETABLE.sub("\x00", text[start:end])]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _fkp_pages(word: bytes, table: bytes, fc: int, lcb: int) -> list[bytes]:
    """The 512-byte property pages a PlcBteChpx or PlcBtePapx points at."""
    if fc + lcb > len(table) or lcb < 12 or (lcb - 4) % 8:
        raise Damaged("PlcBte")
    n = (lcb - 4) // 8
    numbers = struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))
    if len(set(numbers)) != n:  # a page listed twice would repeat its runs (a real file never does)
        raise Damaged("property page listed twice")
    pages = []
    for page_number in numbers:
        page = word[page_number * 512:page_number * 512 + 512]
        if len(page) < 512:
            raise Damaged("property page beyond the stream")
        pages.append(page)
    return pages


def _paragraph_properties(word: bytes, table: bytes, fc: int, lcb: int):
    """Sorted FC starts and, per run, (fc_end, grpprl) from the PAPX pages (PlcBtePapx)."""
    starts, runs = [], []
    for page in _fkp_pages(word, table, fc, lcb):
        crun = page[511]
        if 4 * (crun + 1) + 13 * crun > 511:
            raise Damaged("PAPX page count")
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            b_offset = page[4 * (crun + 1) + 13 * i] * 2
            grpprl = b""
            if b_offset:
                cb = page[b_offset] if b_offset < 511 else 0
                if cb:
                    body = page[b_offset + 1:b_offset + 1 + 2 * cb - 1]
                else:
                    cb2 = page[b_offset + 1] if b_offset + 1 < 511 else 0
                    body = page[b_offset + 2:b_offset + 2 + 2 * cb2]
                grpprl = body[2:]  # after the style index
            starts.append(fcs[i])
            runs.append((fcs[i + 1], grpprl))
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [runs[i] for i in order]


def _sprms(grpprl: bytes):
    """(sprm, operand) of a grpprl; stops at a truncated one."""
    at, size = 0, len(grpprl)
    while at + 2 <= size:
        sprm = grpprl[at] | grpprl[at + 1] << 8
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == SPRM_DEF_TABLE:
                if at + 2 > size:
                    return
                length = (grpprl[at] | grpprl[at + 1] << 8) + 1  # cb counts itself less one byte
                operand = grpprl[at + 2:at + length]
            else:
                if at >= size:
                    return
                length = grpprl[at] + 1
                operand = grpprl[at + 1:at + length]
        else:
            length = _OPERAND_SIZE[spra]
            operand = grpprl[at:at + length]
        if at + length > size:
            return
        yield sprm, operand
        at += length


class _Paragraph:
    __slots__ = ("in_table", "row_end", "depth", "inner_cell_end", "inner_row_end", "merged", "edges", "across")

    def __init__(self, grpprl: bytes) -> None:
        self.in_table = self.row_end = self.inner_cell_end = self.inner_row_end = False
        self.depth = 0
        self.merged: set[int] = set()  # cells covered by a merge (row ends only)
        self.edges: tuple[int, ...] = ()  # the row's cells' edges (rgdxaCenter, twips; row ends only)
        self.across: set[int] = set()  # of the merged cells, those merged from the left (fMerged)
        for sprm, operand in _sprms(grpprl):
            if sprm == SPRM_IN_TABLE:
                self.in_table = operand[:1] != b"\x00"
            elif sprm == SPRM_TTP:
                self.row_end = operand[:1] != b"\x00"
            elif sprm == SPRM_ITAP and len(operand) == 4:
                self.depth = struct.unpack("<i", operand)[0]
            elif sprm == SPRM_INNER_CELL:
                self.inner_cell_end = operand[:1] != b"\x00"
            elif sprm == SPRM_INNER_TTP:
                self.inner_row_end = operand[:1] != b"\x00"
            elif sprm == SPRM_DEF_TABLE and operand:
                columns = operand[0]
                cells_at = 1 + 2 * (columns + 1)
                self.merged = set()
                self.across = set()
                if cells_at <= len(operand):
                    self.edges = struct.unpack_from(f"<{columns + 1}h", operand, 1)
                for i in range(columns):
                    at = cells_at + 20 * i
                    if at + 2 > len(operand):
                        break
                    flags = operand[at] | operand[at + 1] << 8
                    if flags & 0x0002 or (flags & 0x0020 and not flags & 0x0040):
                        self.merged.add(i)  # horizontally merged, or a vertical merge's continuation
                        if flags & 0x0002:
                            self.across.add(i)
            elif sprm == SPRM_VERT_MERGE and len(operand) >= 2:
                if operand[1] == 1:
                    self.merged.add(operand[0])
                else:
                    self.merged.discard(operand[0])
        if self.depth > 0:
            self.in_table = True


def _merged_rows(builder: TextBuilder, rows: list[tuple[int, _Paragraph]]) -> None:
    """A table's rows (each one's line and its row end's properties) made MergedLines where a cell
    covers more than one column of the table's grid (every row's cell edges, all rows together) or
    continues a cell merged down (a vertical merge's continuation under the cell starting at its
    edge above) or across (the old horizontal merge: the cell left of it covers it)."""
    grid = sorted({edge for _, row in rows for edge in row.edges})
    counted = {edge: sum(edge in row.edges for _, row in rows) for edge in grid}
    above: dict[int, tuple[Cell, int]] = {}  # the cell starting at an edge in the rows so far, and its columns
    for index, row in rows:
        line = builder.lines[index]
        merges: list[Merge] = []
        kept = 0
        # (a row whose edges no other row shares, a row printed a cell short or long, its cells
        # drawn wider or narrower: it crosses the others' edges without covering their columns)
        aligned = all(counted[edge] > 1 for edge in row.edges)
        for i in range(len(row.edges) - 1):
            start, end = row.edges[i], row.edges[i + 1]
            columns = max(1, bisect.bisect_right(grid, end) - bisect.bisect_right(grid, start)) if aligned else 1
            if i in row.across:
                if merges and merges[-1].own and merges[-1].at == kept - 1:
                    last = merges[-1]
                    merges[-1] = Merge(last.at, last.cell, last.columns + columns, True)
                elif kept:
                    merges.append(Merge(kept - 1, line.cells[kept - 1], 1 + columns, True))
            elif i in row.merged:
                origin = above.get(start)
                if origin is not None and origin[1] == columns:
                    merges.append(Merge(kept, origin[0], columns, False))
            elif kept < len(line.cells):
                cell = line.cells[kept]
                above[start] = (cell, columns)
                if columns > 1:
                    merges.append(Merge(kept, cell, columns, True))
                kept += 1
        if merges:
            builder.lines[index] = MergedLine(line.cells, True, tuple(merges))


def _build(text: str, piece_starts, pieces, modifiers, papx, extra: bytes, builder: TextBuilder,
           start: int = 0, end: int | None = None, boxes: list[tuple[int, int, int]] | None = None) -> None:
    """The lines of the story text[start:end] (CPs); `boxes`: the text boxes anchored in it
    (_text_boxes), each read after the paragraph (or the table row) holding its anchor."""
    fc_starts, runs = papx
    end = len(text) if end is None else end
    pending = list(boxes or ())

    def boxes_up_to(cp: int) -> None:
        while pending and pending[0][0] <= cp:
            _, first, last = pending.pop(0)
            _build(text, piece_starts, pieces, modifiers, papx, extra, builder, first, last)

    cache: dict[bytes, _Paragraph] = {}

    def properties(cp: int) -> _Paragraph:
        index = bisect.bisect_right(piece_starts, cp) - 1
        start, _, offset, compressed, prm = pieces[index]
        fc = offset + (cp - start) * (1 if compressed else 2)
        grpprl = b""
        run = bisect.bisect_right(fc_starts, fc) - 1
        if run >= 0 and fc < runs[run][0]:
            grpprl = runs[run][1]
        if prm & 1 and (prm >> 1) < len(modifiers):  # the piece's own properties come last
            grpprl += modifiers[prm >> 1]
        paragraph = cache.get(grpprl)
        if paragraph is None and grpprl[:2] == b"\x46\x66" and len(grpprl) >= 6:
            grpprl = _huge_papx(extra, grpprl)
            paragraph = cache.get(grpprl)
        if paragraph is None:
            paragraph = cache[grpprl] = _Paragraph(grpprl)
        return paragraph

    fields = _Fields()
    cells: list[str] = []
    cell_parts: list[str] = []

    def end_cell() -> None:
        cells.append(squash(" ".join(cell_parts)))
        cell_parts.clear()

    table_rows: list[tuple[int, _Paragraph]] = []  # the table's rows so far: each one's line, its row end

    def end_row(merged=frozenset(), row: _Paragraph | None = None) -> None:
        if cell_parts:
            end_cell()
        kept = [c for i, c in enumerate(cells) if i not in merged]
        if kept:
            builder.add_line(kept, grid=True)
            if row is not None and row.edges and len(row.edges) == len(cells) + 1:
                table_rows.append((len(builder.lines) - 1, row))
        cells.clear()

    def add_paragraph(content: str) -> None:
        if cells or cell_parts:  # a table row without its row mark: keep what it held
            end_row()
        if table_rows:
            _merged_rows(builder, table_rows)
            table_rows.clear()
        for line in content.split("\n"):
            if line.strip():
                builder.add_line(line.split("\t"))

    marks = []  # (paragraph, its shown text, its mark), in order
    spans = []  # each one's first CP and its mark's
    begin = start
    for mark in _TEXT_MARKS.finditer(text, start, end):
        at_mark = mark.start()
        if mark.group() == "\x0c":  # a page or section break: a line break inside the paragraph
            continue
        marks.append((properties(at_mark), _visible(text[begin:at_mark], fields), mark.group()))
        spans.append((begin, at_mark))
        begin = at_mark + 1
    layout = _layout_tables(marks)
    for at, (paragraph, content, mark_char) in enumerate(marks):
        if not paragraph.in_table:
            if pending:  # (a box anchored in a table: read after the table)
                boxes_up_to(spans[at][0] - 1)
            add_paragraph(content)
            if pending:
                boxes_up_to(spans[at][1])
        elif at in layout:  # a layout table: its cells' text read as the body's, its nested tables as tables
            if paragraph.depth == 1:
                if not paragraph.row_end:
                    add_paragraph(content)
            elif paragraph.depth > 2:
                if not paragraph.inner_row_end:
                    cell_parts.append(content)
            elif paragraph.inner_row_end:
                end_row(paragraph.merged)
            else:
                cell_parts.append(content)
                if paragraph.inner_cell_end:
                    end_cell()
        elif paragraph.depth > 1:  # a nested table's text belongs to the outer cell
            if not paragraph.inner_row_end:
                cell_parts.append(content)
        elif paragraph.row_end:
            end_row(paragraph.merged, paragraph)
        else:
            cell_parts.append(content)
            if mark_char == "\x07":
                end_cell()
    add_paragraph(_visible(text[begin:end], fields))  # also ends a row left open
    if pending:
        boxes_up_to(len(text))


def _layout_tables(marks: list) -> set[int]:
    """Indexes of the paragraphs of tables that lay out a page (docx._layout_tables): a cell of the
    table holds a nested table of two rows or more (two inner row ends before the cell ends)."""
    layout: set[int] = set()
    start = -1  # the first paragraph of the table last started
    rows_in_cell = 0
    for at, (paragraph, _, mark) in enumerate(marks):
        if not paragraph.in_table:
            start = -1
            continue
        if start < 0:
            start, rows_in_cell = at, 0
        if paragraph.depth == 2 and paragraph.inner_row_end:
            rows_in_cell += 1
            if rows_in_cell == 2:
                layout.add(start)
        elif paragraph.depth <= 1 and (mark == "\x07" or paragraph.row_end):
            rows_in_cell = 0
    if not layout:
        return layout
    found: set[int] = set()
    for at, (paragraph, _, _) in enumerate(marks):  # every paragraph of those tables
        if paragraph.in_table and (at in layout or at - 1 in found):
            found.add(at)
    return found


def _huge_papx(extra: bytes, grpprl: bytes) -> bytes:
    """sprmPHugePapx: the paragraph's properties are too many for its PAPX page and lie in the
    Data stream (a 2-byte size, then the grpprl); the sprms after it still apply."""
    offset = struct.unpack_from("<I", grpprl, 2)[0]
    if offset + 2 > len(extra):
        raise Damaged("huge PAPX beyond the Data stream")
    size = struct.unpack_from("<H", extra, offset)[0]
    if offset + 2 + size > len(extra):
        raise Damaged("huge PAPX beyond the Data stream")
    return extra[offset + 2:offset + 2 + size] + grpprl[6:]


class _Fields:
    """The fields open at a point of the text: whether each is still in its code part."""
    __slots__ = ("stack", "in_code")

    def __init__(self) -> None:
        self.stack: list[bool] = []
        self.in_code = 0

    def end_paragraph(self) -> None:
        """A field code never holds a paragraph mark: a code left open is a damaged field, and
        it must not swallow the rest of the document."""
        if self.in_code:
            self.stack = [f for f in self.stack if not f]
            self.in_code = 0


def _visible(segment: str, fields: _Fields) -> str:
    """The segment as shown: field codes dropped (their results kept), special characters gone.
    ``fields`` carries the open fields from one paragraph to the next."""
    if "\x13" in segment or "\x14" in segment or "\x15" in segment or fields.stack:
        kept, at = [], 0
        for mark in _FIELD_MARKS.finditer(segment):
            if not fields.in_code:
                kept.append(segment[at:mark.start()])
            char = mark.group()
            if char == "\x13":
                fields.stack.append(True)
                fields.in_code += 1
            elif char == "\x14" and fields.stack and fields.stack[-1]:
                fields.stack[-1] = False
                fields.in_code -= 1
            elif char == "\x15" and fields.stack:
                fields.in_code -= fields.stack.pop()
            at = mark.end()
        if not fields.in_code:
            kept.append(segment[at:])
        segment = "".join(kept)
        fields.end_paragraph()
    segment = segment.translate(_SPECIALS)
    if _SURROGATE.search(segment):
        segment = segment.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return segment
