"""Turn the bytes of a text file into text, trusting evidence in the bytes over any label.

Real reports come as UTF-8 (with or without BOM), GBK/GB2312 saved by Windows as "ANSI",
GB18030, UTF-16LE ("Unicode" in Notepad, with or without BOM) and now and then Big5. The order
of evidence is: BOM, UTF-16 NUL pattern, strict UTF-8, strict GB18030 (a superset of GBK and
GB2312), Big5 when the GB18030 reading looks like Big5 and chardet agrees, chardet, and at last
GB18030 with replacement characters. Strict UTF-8 and GB18030 answer almost every real file, so
chardet (slow) is only asked when they fail.
"""
from __future__ import annotations

import codecs
import re

LOSSY_PROBLEM = "文件编码无法确定，部分字符可能显示为乱码（已按GB18030读取）"
# a UTF-8 text but for a few bytes (a web page's line in another charset: lynx printing a site's
# name GBK-encoded among the page's UTF-8)
DAMAGED_UTF8_PROBLEM = "文件中有个别字节不是有效的UTF-8编码，已按UTF-8读取，这几处显示为乱码，请核对原文件"
# Said (by the parser, of a text holding no report) where the text is UTF-8 Chinese read as GBK:
# lynx dumping a page whose meta declares gb2312 over its UTF-8 bytes, half the bytes dropped; a
# UTF-8 file a damaged byte made the reader take for GBK. The cause, not only that no report was found
UTF8_READ_AS_GBK = "文件中的中文像是UTF-8文字被按GBK编码读出而成的乱码（如网页声明了错误的字符集，或文件中有损坏的字节），无法读取，请核对原文件"

_SAMPLE = 64 * 1024  # bytes looked at by the heuristics and chardet
_BIG5_NAMES = {"big5", "big5hkscs", "cp950"}


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns (text, lowercase encoding name)."""
    text, encoding, _ = decode_with_problems(data)
    return text, encoding


def decode_with_problems(data: bytes) -> tuple[str, str, list[str]]:
    """Like decode(), plus the Chinese problems a reader should report (lossy decoding)."""
    text, encoding, lossy = _decode(data)
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding, ([DAMAGED_UTF8_PROBLEM] if encoding == "utf-8" else [LOSSY_PROBLEM]) if lossy else []


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes) -> tuple[str, str, bool]:
    """Returns (text, encoding, lossy)."""
    if data.startswith(codecs.BOM_UTF8):
        return _lenient(data[3:], "utf-8", "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE):
        return _lenient(data[2:], "utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return _lenient(data[2:], "utf-16-be")

    utf16 = utf16_without_bom(data)
    if utf16:
        return _lenient(data, utf16)

    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass

    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        big5 = _big5_instead(data, text)
        if big5 is not None:
            return big5, "big5", False
        return text, "gb18030", False

    utf8 = data.decode("utf-8", errors="replace")
    if _damaged_utf8(utf8):
        return utf8, "utf-8", True
    lossy = data.decode("gb18030", errors="replace")
    if _damaged_gb18030(lossy):
        return lossy, "gb18030", True

    guess = _chardet().detect(data[:_SAMPLE])
    name = (guess.get("encoding") or "").lower()
    if name and (guess.get("confidence") or 0) >= 0.5:
        try:
            return data.decode(name), codecs.lookup(name).name, False
        except (LookupError, UnicodeDecodeError):
            pass

    return lossy, "gb18030", True


def _damaged_utf8(lossy: str) -> bool:
    """True when the UTF-8 reading of the bytes (lossy) is Chinese text with a few undecodable bytes
    (at most one for 50 CJK characters): UTF-8 with a stray line in another charset (w2403
    split-html-lynx r0001: the site's name in GBK bytes above a UTF-8 report). Read as GB18030 the
    whole report was mojibake. GBK text read as UTF-8 breaks at almost every Chinese character and
    holds almost none (the count is only taken where the undecodable bytes are few)."""
    bad = lossy.count("\ufffd")
    if bad * 50 > len(lossy):
        return False
    return len(CHINESE.findall(lossy)) >= max(50 * bad, 20)


def _damaged_gb18030(lossy: str) -> bool:
    """True when the GB18030 reading of the bytes (lossy) is Chinese text with only sparse damage (at most
    one undecodable spot per ten CJK characters): a damaged GBK file, or text mangled before it was
    saved (lynx writing UTF-8 read as GBK), not a report in another encoding, so chardet (its first
    call loads its models: ~400 M instructions, 50 ms) is not asked to find one. On every such input
    held (a w1304 lynx page, three hostile fixtures) it answered below 0.02 confidence anyway."""
    chinese = len(CHINESE.findall(lossy))
    return chinese >= 20 and lossy.count("\ufffd") * 10 <= chinese


def _chardet():
    """chardet, imported when first asked (rarely: strict UTF-8 or GB18030 answer most files)."""
    import chardet

    return chardet


def _lenient(data: bytes, codec: str, name: str | None = None) -> tuple[str, str, bool]:
    """Decode with a codec the bytes vouched for (BOM, NUL pattern); flag damaged bytes."""
    try:
        return data.decode(codec), name or codec, False
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace"), name or codec, True


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs sit in the odd / even byte positions.

    ASCII characters (digits, spaces, newlines: plenty in a report) encode as XX 00 in UTF-16LE;
    CJK characters have no NUL byte, so only the position of the NULs is telling, not their
    number. Binary files have NULs everywhere, so NULs must be on one side only.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    for codec, side, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if side >= max(2, pairs // 50) and other * 4 <= side:
            try:
                text = sample.decode(codec, errors="strict" if len(data) <= _SAMPLE else "ignore")
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
            return codec if controls <= len(text) // 50 else None
    return None


def _big5_instead(data: bytes, gb_text: str) -> str | None:
    """Big5 bytes are nearly always valid GB18030 too, read as rare characters. When many of
    the characters fall outside GB2312 (where a simplified report lives), ask chardet."""
    # one encoding tells both counts: GB2312 writes an ASCII character as 1 byte, another as 2,
    # one outside it as "?" (1 byte)
    in_gb2312 = gb_text.encode("gb2312", errors="replace")
    rare = in_gb2312.count(b"?") - gb_text.count("?")
    non_ascii = len(in_gb2312) - len(gb_text) + rare
    if non_ascii < 10 or rare * 5 < non_ascii:
        return None
    guess = _chardet().detect(data[:_SAMPLE])
    if (guess.get("encoding") or "").lower() not in _BIG5_NAMES or (guess.get("confidence") or 0) < 0.3:
        return None
    for codec in ("big5", "cp950", "big5hkscs"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: many NUL/control bytes (call after ruling out UTF-16)."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls * 20 > len(sample)  # more than 5 %


# Every byte except the control bytes that do not occur in text (tab, newlines, FF, ESC do).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


# A CJK unified ideograph: what most of a Chinese report's text is (the readers count them to tell
# a right decoding from a wrong one).
CHINESE = re.compile("[\u4e00-\u9fff]")


# The hundred commonest characters of written Chinese: ~40 % of a text's Chinese, ~0.5 % of bytes
# decoded in the wrong encoding (any of the ~21 000 characters alike)
_COMMONEST = re.compile("[的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
                        "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都]")


def reads_as_chinese(text: str) -> bool:
    """Whether a text's Chinese characters are words (the commonest characters at least a tenth of
    them) rather than bytes decoded in the wrong encoding. True for a text with few of them."""
    sample = text[:20000]
    chinese = len(CHINESE.findall(sample))
    return chinese < 50 or len(_COMMONEST.findall(sample)) * 10 >= chinese


def utf8_read_as_gbk(text: str) -> bool:
    """Whether the Chinese of a text is UTF-8 read as GBK: its characters taken back to GBK bytes
    read as UTF-8 Chinese (a GBK text so taken back makes almost none: ~1 %; such a text ~55 %,
    lynx having dropped the bytes no GBK character holds)."""
    sample = text[:20000]
    chinese = len(CHINESE.findall(sample))
    if chinese < 50:
        return False
    taken_back = sample.encode("gb18030", "ignore").decode("utf-8", "ignore")
    return len(CHINESE.findall(taken_back)) * 4 >= chinese
