"""UTF-8 Chinese that lynx read as GB2312 (a UTF-8 page whose meta declares gb2312) and printed as UTF-8.

lynx's GB2312 decoder takes a byte 0xA1–0xFE and the next one as a character when the next is
0xA1–0xFE too, and drops the pair where GB2312 has no character there; such a byte before any
other byte is dropped alone; a byte 0x80–0xA0 prints as itself (U+0080–U+00A0). A UTF-8 Chinese
character (a lead byte 0xE4–0xE9 and two continuation bytes 0x80–0xBF) so prints a GB2312
character where its second byte is 0xA1 or over, else its second byte alone, and its last byte
pairs with the next character's lead byte or is printed or dropped: every character prints
something, but most lose a byte, so the loss cannot be undone character by character. ASCII is
untouched (GB2312's second bytes are all 0xA1 or over: no digit is ever taken into a pair), and a
cell stands alone as it was: a phrase standing alone prints the same each time. lossy_gbk.py's
restore puts the template's phrases back so, given this module's damage.

The bytes printed as themselves are moved to the private use area (U+E080–U+E0A0): U+0085 and
U+00A0 are white space to Python, and would split a damaged phrase in two.
"""
from __future__ import annotations

import re

from core.readers import lossy_gbk
from core.readers.encoding import CHINESE

_LONE = 0xE000  # + the byte: a byte 0x80–0xA0 lynx printed as itself
_MOVED = {byte: chr(_LONE + byte) for byte in range(0x80, 0xA1)}


def lynx_prints(data: bytes) -> list[str]:
    """What lynx prints of the bytes taken as GB2312 (the bytes 0x80–0xA0 moved), a piece per
    character printed; a byte still waiting for its pair at the end is dropped, as the ASCII
    after it would drop it."""
    printed: list[str] = []
    at, n = 0, len(data)
    while at < n:
        byte = data[at]
        if byte < 0x80:
            printed.append(chr(byte))
        elif byte <= 0xA0:
            printed.append(_MOVED[byte])
        elif at + 1 < n and data[at + 1] >= 0xA1:
            try:
                printed.append(data[at:at + 2].decode("gb2312"))
            except UnicodeDecodeError:  # (no character there: the pair is dropped)
                pass
            at += 1
        at += 1
    return printed


def damaged(phrase: str) -> list[str]:
    """What a phrase standing alone prints (nothing waiting before it, its waiting tail dropped)."""
    return lynx_prints(phrase.encode("utf-8"))


def restore(text: str) -> str:
    """The text (bytes moved: read_as_gb2312) with the template's phrases standing alone put back,
    the rest marked."""
    return lossy_gbk.restore(text, damaged, digit_units=True)


def read_as_gb2312(data: bytes) -> str | None:
    """The text lynx printed of a UTF-8 page it read as GB2312, its lone bytes moved, or None for
    any other bytes: many bytes 0x80–0x9F printed alone (no text holds those control characters),
    and many Chinese characters that, taken back to their bytes with those, make UTF-8 Chinese."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    sample = text[:20000]
    if len(re.findall(_CONTROLS, sample)) < 50:
        return None
    taken_back = b"".join(piece.encode("latin-1") if n % 2 else piece.encode("gb2312", "ignore")
                          for n, piece in enumerate(re.split(_LONE_RUNS, sample))).decode("utf-8", "ignore")
    chinese = len(CHINESE.findall(sample))  # (GB2312 pairs: UTF-8 read as Latin-1 prints none)
    if chinese < 50 or len(CHINESE.findall(taken_back)) * 4 < chinese:
        return None
    return text.translate(_MOVED)


# (patterns compiled when first asked for: only a page holding many 「\xc2」 is looked at)
_CONTROLS = "[\u0080-\u009f]"
_LONE_RUNS = "([\u0080-\u00a0]+)"
