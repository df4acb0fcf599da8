"""Turn a document's lines into tokens: numbers, not-applicable marks, blanks and text runs.

Numbers are recognised only when a whole whitespace-separated piece is a number (with optional
sign, thousands separators, decimals and a unit), so "1.属于国家秘密", "3." and "2024年" stay text.
Consecutive text pieces on one line join into one *text run*: a label split by spaces
("商业 企业", "（三）不 4.保护第三方合法权益") is matched as a whole.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, Optional, Union

from core.readers.document import Cell, Line
from core.parse.memo import document_memo, make_room
from core.model import BLANK, NUMBER, SLASH, Number

NUM, NA, EMPTY, TEXT = "num", "na", "empty", "text"

_UNIT = "万元|千元|亿元|万|元|件|个|项|条|次|宗|人次"
# a unit after the number, bare or in brackets ("737件", "737(件)": NFKC made （） ASCII)
_NUMBER = re.compile(rf"^([+\-]?)(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?(?:({_UNIT})|\(({_UNIT})\))?$")
# "\ufffd": a cell of one character the file lost (a GBK "／" cut to its first byte, read back as
# GB18030): no number, whose digits are ASCII and survive; a mark that keeps its column
_NA = {"/", "\\", "-", "--", "—", "——", "–", "无", "空", "／", "一一", "\\-", "\\/", "\ufffd"}  # \- : Markdown's escape
# the same marks as a cell prints them, full-width hyphen too: a set to look a cell's text up in,
# not normalised (is_placeholder normalises: dearer, for a cell asked often)
PLACEHOLDER_MARKS = frozenset(_NA | {"－"})
# A zero written as a character where a count stands alone: a count of 0, as printed. 「〇」「零」,
# and what a typist takes for 〇: the circles 「○」「◯」 and the letter 「O」/「o」 (full-width 「Ｏ」 is
# 「O」 after NFKC). No label of the template holds one alone, and prose never leaves one alone
# between spaces.
_ZERO_WORDS = frozenset({"〇", "零", "○", "◯", "O", "o"})
_DASH_CHARS = "—–―‒−"
_DASHES = re.compile(f"^[{_DASH_CHARS}]{{1,4}}$")  # dashes for "none": "———", "―" (ASCII runs are rules)
# Artefacts of Word/pandoc/docx2txt exports that stick to cell text.
# HTML tags and entities (pandoc puts merged-cell tables into Markdown as raw HTML) count as blanks.
# No bracket class may run over the bracket that opens the next match: "{#{#{#…" stays linear.
_ARTEFACTS = re.compile(r"\[bookmark:[^\[\]]*\]|\[\]\{#[^{}]*\}|\{#[^{}]*\}|\*\*|\\\s*$"
                        r"|\]\{[^{}]*\}|\[(?=[^\[\]]*\]\{)"  # pandoc spans: [385]{style="…"}
                        r"|</?[a-zA-Z][^<>]*>|&(?:nbsp|emsp|ensp|#160|#12288);")
# Cell borders: ASCII pipes and the box-drawing characters of w3m/lynx table dumps. (The class
# twice, not "[…]+": a pattern opening on a repeat gives the regex engine no first character to
# skip ahead to, so it tries a match at every character of the text.)
_BORDERS = re.compile(r"[|\u2500-\u257f][|\u2500-\u257f]*")
# Digits glued to the next row's label by exports that drop cell breaks: "…107二、上年结转…".
_LABEL_START = r"[一二三四五六七八九十][、.]|[（(][一二三四五六七八九十][）)]|第[一二三四五六七八九十]"
_GLUED_LABEL = re.compile(rf"^(\d+(?:\.\d+)?)(?={_LABEL_START})")
# A row's first values glued to its label by a text browser when the label fills its column
# (lynx: 「…不计其他情形）00 0 0」, 「…不计其他情形）1/ /」): 0s, placeholders 「/」 and lone digits
# ending a run right after a label's closing bracket, each a cell (a count other than 0 has no
# leading 0, and a digit no digit beside it is a count of its own). Other digits there may be one
# cell or several glued (「…情形）726」: 72 and 6): left in the label, the row read by position and flagged.
_GLUED_AFTER_LABEL = re.compile(r"(?<=[\u4e00-\u9fff]\))(?:0|/|[1-9](?!\d))+$")
# A row's counts glued together, each count other than 0 closed by its unit (docx2txt drops the
# cell breaks: "621项146项00040项807项", then maybe the next row's label): the unit ends a count,
# and a count never starts with 0, so the 0s before a count are cells of their own (zeros print
# without a unit). Two counts at least, or one before a label. A count may print thousands
# separators ("29,523个2,565个000032,088个"): the unit still ends it, and its first group starts it.
# The units a report prints after a count (「3项」「12件」): one list for every reader of them
COUNT_UNITS = "项件个条次宗"
_COUNT_UNIT = "|".join(COUNT_UNITS)
_COUNT = r"(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)"
_GLUED_COUNTS = re.compile(rf"^(?:0*{_COUNT}(?:{_COUNT_UNIT})){{2,}}|^0*{_COUNT}(?:{_COUNT_UNIT})(?={_LABEL_START})")
_COUNT_WITH_UNIT = re.compile(rf"(0*)({_COUNT}(?:{_COUNT_UNIT}))")
# The same with placeholders among them ("1315项230项////1545项", "/4项////4项", then maybe the next
# row's label): a "/" is a cell of its own as a 0 is (a count closed by its unit, a 0 or a "/" one
# character each). A count in it at least, carrying its unit: "2021/12/31" is no such row.
_MARKED_COUNTS = re.compile(rf"^(?:/|[1-9]\d*(?:{_COUNT_UNIT})|0(?:{_COUNT_UNIT})?)+(?:$|(?={_LABEL_START}))")
_MARKED_CELL = re.compile(rf"/|[1-9]\d*(?:{_COUNT_UNIT})|0(?:{_COUNT_UNIT})?")


# tokenize makes a report's hundreds of tokens bare (object.__new__), setting every field itself
_new = object.__new__


@dataclass(slots=True)
class Token:
    kind: str  # num | na | empty | text
    text: str  # normalised text (NFKC)
    start: int
    end: int
    line: int  # index of the Line it came from
    value: Optional[Number] = None  # a NUM token's number; None for every other kind
    unit: str = ""

    @property
    def state(self) -> str:
        return {NUM: NUMBER, NA: SLASH, EMPTY: BLANK}.get(self.kind, NUMBER)


def is_placeholder(text: str) -> bool:
    """Whether a cell's text is a placeholder mark (「-」「/」「无」…): the table's no-value mark."""
    return normalise(text.strip()) in _NA


_FULL_WIDTH_FORMS = re.compile("[\uff01-\uff5e]")  # NFKC: U+0021-U+007E, 0xFEE0 below


def normalise(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), artefacts and odd spaces removed."""
    # The full-width punctuation of nearly every line of Chinese prose (and the dash of the page
    # numbers and placeholders some converters print, "－ 3 －") and the odd spaces are
    # replaced first by what NFKC makes of them (a replace finding nothing returns its text): most
    # lines are then NFKC already, which is only checked instead of decomposing and
    # recomposing every character. NFKC of a text is NFKC of it with a character replaced by its
    # compatibility decomposition, so this is exact.
    text = (text.replace("，", ",").replace("（", "(").replace("）", ")").replace("：", ":")
            .replace("；", ";").replace("－", "-").replace("\u3000", " ").replace("\xa0", " "))
    if unicodedata.is_normalized("NFKC", text):
        return text
    # Full-width ASCII forms (digits above all: 「０ │４」) are NFKC's ASCII characters, each by its
    # own decomposition: replaced first, one replace a character met, so that a line holding
    # nothing else odd is not decomposed and recomposed (NFKC looks every character of a line up in
    # its tables, 1 700 instructions each: a mutant's table printed on one line of 10 366
    # characters, normalised by four readers, spent 61 M)
    odd = set(_FULL_WIDTH_FORMS.findall(text))
    if odd:
        for form in odd:
            text = text.replace(form, chr(ord(form) - 0xFEE0))
        if unicodedata.is_normalized("NFKC", text):
            return text
    # A line break neither composes nor decomposes, nor lets a mark move across it: NFKC of a text
    # is NFKC of each of its lines, so only the lines that need it are decomposed and recomposed
    # (one odd character in a page's head would otherwise have all of it redone).
    if "\n" in text:
        return "\n".join([unicodedata.normalize("NFKC", line) for line in text.split("\n")])
    return unicodedata.normalize("NFKC", text)


_FULL_WIDTH_DIGITS = re.compile("[\uff10-\uff19]")
_TO_ASCII_DIGITS = [(chr(0xFF10 + n), chr(0x30 + n)) for n in range(10)]


def ascii_digits(text: str) -> str:
    """Full-width digits ("２０４") as ASCII, one character for one, so offsets stay true: the readers
    of glued runs cut digits and test "0" and "1".."9" by character, as NFKC would print them."""
    if not _FULL_WIDTH_DIGITS.search(text):
        return text
    # (a replace for each digit: str.translate looks every character of a text up in its table,
    # 30 times slower on a page of Chinese, 12 ms for a 180 KB text)
    for full_width, ascii in _TO_ASCII_DIGITS:
        text = text.replace(full_width, ascii)
    return text


# A character that may open an export artefact, be a cell border or a footnote mark: most cells
# hold none, and one search tells.
_MAYBE_MARKED = re.compile(r"[\[{<&*\\|\u2500-\u257f\u2460-\u249b\u24ea\u3251-\u325f\u32b1-\u32bf]")
_BLANK_CHARS = " \t|\u3000\xa0"


# The characters an artefact opens on (_ARTEFACTS' alternatives), each looked for by str's `in`
# (a memchr of the text, where the regex tests its class at every character)
_ARTEFACT_OPENERS = "[{*\\]<&"


# _ARTEFACTS as one group: its split hands the artefacts found between the texts around them
_ARTEFACTS_KEPT = re.compile(f"({_ARTEFACTS.pattern})")


def blank_artefacts(text: str) -> str:
    """Export artefacts replaced by spaces of the same length, so offsets stay true."""
    for opener in _ARTEFACT_OPENERS:
        if opener in text:
            # (split, not sub with a function: no Python frame an artefact; every alternative
            # takes a character at least, so split finds the very matches sub would)
            parts = _ARTEFACTS_KEPT.split(text)
            if len(parts) == 1:
                return text
            parts[1::2] = [" " * len(found) for found in parts[1::2]]
            return "".join(parts)
    return text  # (a cell of borders alone: no artefact)


# The longest number taken as one: a glued table row (glued.py) is at most 60 digits. A longer run
# of digits is a text token of its own, so no value is ever absurd (int("9" * 5000) raises,
# float() of 310 digits is inf) and no label is lengthened by it: the row it stood in prints
# too few values and is flagged like any such row.
MAX_DIGITS = 60
MAX_DECIMALS = MAX_DIGITS  # float() of any decimals is finite; bounded only to bound the work
_MAX_PIECE = MAX_DIGITS + MAX_DIGITS // 3 + MAX_DECIMALS + 4  # signs, separators, point, unit


def parse_number(piece: str) -> Optional[tuple[Number, str]]:
    """The one way a printed number becomes a value: (value, unit), or None when the piece is not
    a number or is too long to be one."""
    if len(piece) > _MAX_PIECE:
        return None
    if piece.isdigit() and piece.isascii():  # the common case: a plain count
        return (int(piece), "") if len(piece) <= MAX_DIGITS else None
    m = _NUMBER.match(piece)
    if not m:
        if piece[:1] == "¥" and piece[1:2].isdigit():  # "¥1,000.00" (NFKC of "￥"): a sum in 元
            number = parse_number(piece[1:])
            return (number[0], number[1] or "元") if number else None
        return None
    sign, digits, decimals, unit, bracketed = m.groups()
    unit = unit or bracketed
    digits = digits.replace(",", "")
    if len(digits) > MAX_DIGITS or (decimals is not None and len(decimals) > MAX_DECIMALS):
        return None
    if decimals is not None:
        value: Number = float(f"{digits}.{decimals}")
    else:
        value = int(digits)
    if sign == "-":
        value = -value
    return value, unit or ""


def overlong_number(piece: str) -> bool:
    """A number refused by parse_number for its length ("999…9.5"): tokenize makes it a TEXT token."""
    return len(piece) > MAX_DIGITS and piece.lstrip("+-")[:1].isdigit() \
        and sum(ch.isdigit() for ch in piece[:MAX_DIGITS + 2]) > MAX_DIGITS


# A circled number right after digits (or a count's unit) is a footnote mark ("737①", "12件①"),
# which NFKC would make a digit ("7371"): it stays a mark, 「*」, which _run_pieces leaves out of
# the count (a "⒈" opening a label stays "1."). (The mark is looked for first, the digit before it
# then: a search skips ahead to the marks.)
_FOOTNOTE_MARK = re.compile("[\u2460-\u249b\u24ea\u3251-\u325f\u32b1-\u32bf](?<=[0-9\uff10-\uff19件个项元].)")

# The circled numbers alone (not 「⑴」 or 「⒈」, which may open a label): a run of one is a mark
_CIRCLED = frozenset(chr(c) for c in [*range(0x2460, 0x2474), 0x24EA, *range(0x3251, 0x3260), *range(0x32B1, 0x32C0)])

# A count, then a remark in brackets closing the run (NFKC made （） ASCII): words, not an ordinal
# (「3(1)」 of a glued row is a count and a label's 「(1)」), nor a unit (parse_number reads 「737(件)」)
_COUNT_REMARK = re.compile(r"(\d[\d,]*)\((?![一二三四五六七八九十\d]*\)$)[^()]*[^\d()][^()]*\)$")
# The same remark wrapped in its narrow cell, its bracket closed on the cell's next line (「2（其中网上申请1」
# over 「件）」): words after the bracket, two characters at least that are no ordinal (「3(一」 is a
# label's start) and no unit (「737(件」)
_COUNT_OPEN_REMARK = re.compile(r"(\d[\d,]*)\((?=[^()]*[\u4e00-\u9fff][^()]*[\u4e00-\u9fff])"
                                r"(?![一二三四五六七八九十]*$)(?!(?:%s)$)[^()]*$" % _UNIT)

# Markdown writers escape a sign or a decimal point: "\-51", "\+2", "4\.23" print -51, +2, 4.23;
# and a footnote's mark: "9\*" prints 9*.
_MARKDOWN_ESCAPE = re.compile(r"\\(?=[-+.]\d|\.|\*$)")


# A piece of a cell's text as tokenize takes it: (text, start, end, kind, value, unit), kind None
# for a piece of text.
_Piece = tuple[str, int, int, Optional[str], Optional[Number], str]

# What a cell's text is made of, as tokenize reads it: the cell is blank (a grid's empty cell),
# holds only artefacts or borders (nothing), or these pieces.
_BLANK_CELL: Final = "blank"
_CellPieces = Union[Literal["blank"], tuple[_Piece, ...]]

# cell text -> its value when it is a plain count (ASCII digits only, at most MAX_DIGITS), else
# _cell_pieces of it; a list of its one piece where that is a number or a mark (「   0」 of a text
# browser's table, 「<td>0</td>」, 「无」), whose token tokenize makes at once, without a loop over
# pieces (not a "\ufffd", which may be the second half of a character a line break cut). The
# counts, the template's labels and headers recur in every report of a converter (a dict, not
# lru_cache: asked for nearly every cell, and cheaper to ask)
_KEPT_PIECES: dict[str, Union[int, list[_Piece], _CellPieces]] = document_memo()
_PIECES_KEPT = 8192

_UNITS_AFTER = ("元", "万元", "千元", "亿元", "件", "个")  # a unit printed apart from its number ("251000 元")
_UNIT_WORDS = frozenset(_UNITS_AFTER)  # (tokenize's pieces are kept: each hashed once)

# run of a cell's text -> its pieces (_run_pieces): the pieces of a table ("0", "—", its labels)
# recur in lines no cell of which did
_KEPT_RUNS: dict[str, tuple[_Piece, ...]] = document_memo()
_RUNS_KEPT = 8192


# 「###」: the mark Excel shows in a cell whose number is too wide for its column (parser.py reads
# such a cell as unread)
OVERFLOW_MARKS = re.compile("##+$")


def _run_pieces(run: str, marked: bool) -> tuple[_Piece, ...]:
    """What a run of a cell's text reads as (a run: characters that are neither white space nor a
    border): its pieces (text, start, end, kind, value, unit), offsets relative to the run, kind
    None for a piece of text (joined into a text run, or a unit), as _cell_pieces takes them. One
    piece, or two where digits are glued to a label ("107二、…"), or none when the run normalises
    to nothing. A pure function of the run (``marked`` False: the cell, so the run, holds no
    footnote mark, and none is looked for), kept for the next cell holding it.

    A footnote mark is never the first character of a run, so one right after digits is found in
    the run alone."""
    piece = run
    if not run.isascii():  # (an ASCII run is NFKC already)
        if marked:
            if len(run) == 1 and run in _CIRCLED:  # a footnote's mark its cell's narrow width wrapped
                return ((run, 0, 1, None, None, ""),)  # onto a line of its own: no count (NFKC: 「1」)
            piece = _FOOTNOTE_MARK.sub("*", piece)
        piece = normalise(piece).strip()
    if "\\" in piece:
        piece = _MARKDOWN_ESCAPE.sub("", piece)
    # (digits alone glue no label: the plain counts, most pieces of a table, skip the regex)
    glued = _GLUED_LABEL.match(piece) if piece[:1].isdigit() and not piece.isdigit() else None
    counts = _GLUED_COUNTS.match(piece) if glued is None and piece[:1].isdigit() and not piece.isdigit() \
        and len(piece) == len(run) else None  # (offsets in the piece are the run's)
    pieces: tuple[_Piece, ...]
    placeholders = _MARKED_COUNTS.match(piece) if glued is None and "/" in piece and len(piece) == len(run) \
        and not piece[:1].isalpha() else None
    if placeholders and not piece[:placeholders.end()].isascii():  # (not ASCII: a unit, so a count, in it)
        end = placeholders.end()
        pieces = tuple(_read_piece(m.group(), m.start(), m.end()) for m in _MARKED_CELL.finditer(piece, 0, end))
        if end < len(piece):
            pieces += (_read_piece(piece[end:], end, len(piece)),)
    elif counts:
        pieces = _glued_counts(piece, counts.end())
    elif glued and len(glued.group(1)) < len(piece):
        cut = len(glued.group(1))
        pieces = (_read_piece(piece[:cut], 0, cut), _read_piece(piece[cut:], cut, len(run)))
    elif (piece[-1:] == "0" or piece[-1:] == "/" or piece[-1:].isdigit() and not piece[-2:-1].isdigit()) \
            and len(piece) == len(run) and ")" in piece and (after := _GLUED_AFTER_LABEL.search(piece)) is not None:
        label_end = after.start()
        pieces = (_read_piece(piece[:label_end], 0, label_end),
                  *(_read_piece(piece[at], at, at + 1) for at in range(label_end, len(piece))))
    elif piece[:2] == "##" and OVERFLOW_MARKS.match(piece):
        # 「###」: Excel's mark of a number too wide for its column, pasted as text. A piece of a
        # kind, so a token of its own, joined to no text beside it: the parser reads it as a cell
        # whose number is not printed
        pieces = ((piece, 0, len(run), TEXT, None, ""),)
    elif piece[-1:] == "*" and len(piece) > 1 and (number := _read_piece(piece[:-1], 0, len(run) - 1))[3] == NUM:
        # a count with a footnote's mark after it (「207*」, 「12件*」, 「207①」 made 「207*」 above):
        # the count the cell prints, its mark no part of it. As no number, the cell held no place in
        # a text table's row (the row read 6 values, its 总计 0: a false 错误) and a grid's was unread
        pieces = (number,)
    elif piece[:1].isdigit() \
            and (remark := _COUNT_REMARK.match(piece if piece.isprintable() and " " not in piece
                                               else "".join(piece.split()))
                 if piece[-1:] == ")" else _COUNT_OPEN_REMARK.match(piece) if "(" in piece else None) is not None \
            and parse_number(piece) is None \
            and (number := _read_piece(remark.group(1), 0, len(remark.group(1))))[3] == NUM:
        # a count with a remark in brackets after it (「207（其中网上申请120件）」, 「12（注）」, or its
        # bracket closed on the cell's next line, 「2（其中网上申请1」): the
        # count the cell prints, its remark no cell (the remark's own numbers no count either). As
        # no number, the cell held no place in a text table's row (the row read 6 values, 总计 0:
        # a false 错误) and a grid's was unread
        pieces = (number,)
    else:
        pieces = (_read_piece(piece, 0, len(run)),) if piece else ()
    _KEPT_RUNS[run] = pieces  # (tokenize made room)
    return pieces


# Zeros typed as characters glued to a row's other counts where an export drops the cell breaks
# (docx2txt: 「244〇1〇〇29二、上年结转…」, 「〇〇〇〇〇〇〇三、本年度办理结果」, 「〇〇〇〇〇〇〇」): two
# characters at least, digits and zero characters only (a letter 「O」 is left: 「O2O」 is a word),
# ending at a space, the line's end or the next row's label (「○○市」, a name left out, is no
# row). Each is a 0, one character for one, where the glued runs are cut (stream.glued_text):
# tokenize leaves them as printed (a cell 「○12」 is no count).
_ZERO_GLYPHS = "〇○◯零"
_GLUED_ZERO_RUN = re.compile(rf"[\d{_ZERO_GLYPHS}]*[{_ZERO_GLYPHS}][\d{_ZERO_GLYPHS}]*(?=$|\s|{_LABEL_START})")


def _zero_run_as_digits(match: "re.Match[str]") -> str:
    run = match.group()
    if len(run) < 2:
        return run  # (one character: a cell of its own, read by _ZERO_WORDS, or prose)
    for zero in _ZERO_GLYPHS:
        run = run.replace(zero, "0")
    return run


def glued_zeros_as_digits(text: str) -> str:
    """The text with each glued run of counts and zero characters (_GLUED_ZERO_RUN) read with
    its zero characters as 0s, one character for one (offsets stay true).

    What the pattern's sub() makes, without trying it at every character of the text (its class
    and its backtracking cost ~180 instructions a character: 14 M in a 234 KB text naming one
    「○」): a run can only start in a stretch of digits and zero characters holding one, so the
    pattern is tried only there, at each of its characters up to its last zero character (as sub()
    tries it), on the whole text (its lookahead sees what follows the stretch)."""
    zeros = sorted(at for zero in _ZERO_GLYPHS for at in char_places(text, zero))
    if not zeros:
        return text
    pieces: list[str] = []
    done = 0  # (the text up to `done` is in pieces)
    stretch_end = 0  # (the end of the last stretch tried: its zeros are behind)
    for zero in zeros:
        if zero < stretch_end:
            continue
        start = zero
        while start > done and (text[start - 1] in _ZERO_GLYPHS or text[start - 1].isdecimal()):
            start -= 1
        stretch_end = zero + 1
        while stretch_end < len(text) and (text[stretch_end] in _ZERO_GLYPHS or text[stretch_end].isdecimal()):
            stretch_end += 1
        last_zero = max(at for at in range(zero, stretch_end) if text[at] in _ZERO_GLYPHS)
        at = start
        while at <= last_zero:
            match = _GLUED_ZERO_RUN.match(text, at)
            if match is None:
                at += 1
                continue
            pieces += (text[done:at], _zero_run_as_digits(match))
            done = at = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def char_places(text: str, character: str) -> list[int]:
    """Where the text holds the character, found by str.find (memchr on most texts)."""
    places = []
    at = text.find(character)
    while at >= 0:
        places.append(at)
        at = text.find(character, at + 1)
    return places


def _glued_counts(piece: str, end: int) -> tuple[_Piece, ...]:
    """The counts of piece[:end] (see _GLUED_COUNTS), each leading 0 a cell of its own, then the
    rest of the piece (a label) as one piece."""
    out: list[_Piece] = []
    for m in _COUNT_WITH_UNIT.finditer(piece, 0, end):
        zeros, count = m.group(1), m.group(2)  # ("0项": no 0 before the count, the count 0)
        at = m.start()
        for _ in zeros:
            out.append(_read_piece("0", at, at + 1))
            at += 1
        out.append(_read_piece(count, at, m.end()))
    if len(out) == _T3_WIDTH:
        out = _unit_less_subtotal(out)
    if end < len(piece):
        out.append(_read_piece(piece[end:], end, len(piece)))
    return tuple(out)


_T3_WIDTH = 7  # 表三's columns: 自然人, the five 法人或其他组织, 总计


def _unit_less_subtotal(counts: list[_Piece]) -> list[_Piece]:
    """A 表三 row's 7 glued counts that fail its sum ("531件389385件004件0920件") as the 8 cells the row
    printed where it is one of 8 (subtotal_rows): a 法人或其他组织 subtotal after 自然人 printed without
    a unit, so glued to the 商业企业 count after it ("389" + "385件"), is the sum of the five counts
    after it, and 总计 is 自然人 plus it. Read whole, the row would fail its sum through a number no
    cell printed (false 错误); read as 8, the parser reads and flags it as a row printing 8 apart.
    Any other row: its counts as they are. (Weighed where the glued counts are cut, once a run's
    text: a table's tokens looked over again would cost every report.)"""
    numbers = [p[4] for p in counts if isinstance(p[4], int)]
    text, start, end, _, _, unit = counts[1]
    digits = text[:len(text) - len(unit)]
    if not unit or len(digits) < 2 or not digits.isdigit() or len(numbers) < _T3_WIDTH \
            or sum(numbers[:6]) == numbers[6]:
        return counts
    from core.parse.subtotal_rows import glued_cut  # (here, not above: subtotal_rows reads this module's tokens)
    cut = glued_cut(digits, numbers[0], sum(numbers[2:6]), numbers[6])
    if cut is None:
        return counts
    return [counts[0], _read_piece(digits[:cut], start, start + cut), _read_piece(text[cut:], start + cut, end), *counts[2:]]


def _read_piece(piece: str, start: int, end: int) -> _Piece:
    """A piece as _cell_pieces takes it: (text, start, end, kind, value, unit), kind None for text."""
    head = piece[0]
    # only a piece starting with a digit, a sign or ¥ can be a number, or too long for one; no
    # mark for "none" starts with a digit, and those starting with a sign ("-") are no number
    if head.isdigit() or (head in "+-" and piece not in _NA) or head == "¥":
        number = parse_number(piece)
        if number is not None:
            return piece, start, end, NUM, number[0], number[1]
        if overlong_number(piece):
            return piece, start, end, TEXT, None, ""
    elif piece in _NA or (head in _DASH_CHARS and _DASHES.match(piece)):
        return piece, start, end, NA, None, ""
    elif piece in _ZERO_WORDS:
        return piece, start, end, NUM, 0, ""
    return piece, start, end, None, None, ""


# An ideographic space one space apart from the runs around it, or ending the text: a blank
# cell's filler as a text browser prints a web table's row, its cells one space apart ("677 177
# \u3000 \u3000 18 \u3000 872"; a table aligned in columns says its blank cells by their place)
_LONE_IDEOGRAPHIC_SPACE = re.compile(r"(?<=[^ \t] )\u3000(?= [^ \t]|[ \t]*$)")
# An ideographic space standing alone after a run, padded from the runs around it wider than
# _LONE_IDEOGRAPHIC_SPACE's: the text is then a row aligned in columns, and none of its ideographic
# spaces is a cell (a lynx row padded to its header, 「0   无    \u3000    0      0      0 0 \u3000」,
# prints its last blank one space after 总计 and its others wider: read as a cell, the last alone
# shifted the row a column). A line's indent before its first is no padding
_PADDED_IDEOGRAPHIC_SPACE = re.compile(r"[^ \t][ \t]{2,}\u3000(?=[ \t]|$)|[^ \t][ \t]\u3000[ \t]{2,}(?=[^ \t])")


def _spaced_word(raw: str, pieces: list[_Piece]) -> bool:
    """Whether a cell's text is a word spaced out a character apart (a vertical label whose
    characters a web page or a Word cell breaks one a line, read with a space between each:
    「（ 四 ） 无 法 提 供」): three characters at least, each a run of its own, no number among
    them, and each placeholder among them (无) between two that are not: there 无 is a letter of
    the word, not a cell printing "none" (h28 wps-html r0065: read as a value of the row above).
    Asked only of a cell holding 无, the one placeholder a label of the template holds."""
    runs = raw.split()
    if len(runs) < 3 or any(len(run) != 1 for run in runs) or any(p[3] == NUM for p in pieces):
        return False
    return all(p[3] is None or (0 < i < len(pieces) - 1 and pieces[i - 1][3] is None and pieces[i + 1][3] is None)
               for i, p in enumerate(pieces))


_ORDINAL_MARKS = ".、．"


def _spaced_label(raw: str, pieces: list[_Piece]) -> bool:
    """Whether a cell's text is a numbered row label spaced out a character apart (「1 . 属 于 国 家
    秘 密」, 「4 . 无 正 当 理 由 …」): every run one character, four at least, the first a digit and
    the second the ordinal's mark, no other number among them, and a Chinese character after."""
    runs = raw.split()
    return len(runs) >= 4 and all(len(run) == 1 for run in runs) and runs[0].isdigit() \
        and runs[1] in _ORDINAL_MARKS and "\u4e00" <= runs[2] <= "\u9fff" \
        and not any(p[3] == NUM for p in pieces[1:])


def _remarks_joined(raw: str, runs: list[str]) -> list[str]:
    """`runs` with a count's bracketed remark that white space cuts (「25813（其中网上申请 8158件）」,
    「1 （ 其中网上申请 0 件）」: a PDF's text puts a space between a character and a digit, or
    around a bracket) made one run again, the cell's text from the count to the closing bracket,
    as _run_pieces reads a remark printed whole: the count the cell prints. The remark's own number
    is no cell (read apart, it took one: the row's 总计 read as 0)."""
    out: list[str] = []
    position = 0
    n = 0
    while n < len(runs):
        run = runs[n]
        start = raw.find(run, position)
        position = start + len(run)
        if run[:1].isdigit() and "）" not in run and ")" not in run \
                and ("（" in run or "(" in run or n + 1 < len(runs) and runs[n + 1][:1] in ("（", "(")):
            close = next((m for m in range(n + 1, len(runs)) if "）" in runs[m] or ")" in runs[m]), None)
            if close is not None:
                end = position
                for later in runs[n + 1:close + 1]:
                    end = raw.find(later, end) + len(later)
                joined = raw[start:end]
                if _COUNT_REMARK.match("".join(normalise(joined).split())) is not None:
                    out.append(joined)
                    position = end
                    n = close + 1
                    continue
        out.append(run)
        n += 1
    return out


def _cell_pieces(raw: str) -> _CellPieces:
    """A cell's pieces as tokenize reads them, offsets relative to the cell: (text, start, end,
    kind, value, unit), kind None for a piece of text (joined into a run, or a unit); or
    _BLANK_CELL, or () when the cell holds no piece. A pure function of the cell's text (not empty).

    The pieces are those of the runs of the text, characters that are neither white space nor a
    border: each run of borders made a space, str.split() cuts the runs (it splits at the very
    characters the regular expressions' \\s matches). A run is found in the text after the one
    before it: only white space and borders stand between them.

    A piece of text right after one that tokenize joins into a run is joined to it here (its
    text, its end): tokenize would join it to the same run. Not after a piece that may be a unit
    of the number before it, nor where the two joined read as a unit: tokenize tells those apart."""
    # The text is cut first: no mark is white space, so the marks are looked for in its runs alone
    # (a table's line of a PDF or of pandoc is two thirds spaces), and a cell holding no mark, most
    # of them, is cut once. A cell of runs holding no mark is no blank one: a run holds a character
    # neither white space nor "|" (the one character of _BLANK_CHARS that is no white space, a mark).
    runs = raw.split()
    remarked = False  # (a count's remark white space cuts, 「3,029（其中网上申请 1785件）」: _remarks_joined)
    if raw.isascii():  # (then its marks are ASCII ones, each found by a memchr: no class tested at every character)
        marked = "|" in raw or "*" in raw or "[" in raw or "{" in raw or "<" in raw or "&" in raw or "\\" in raw
    elif len(runs) == 1:
        marked = _MAYBE_MARKED.search(runs[0]) is not None
    else:
        marked = runs != [] and _MAYBE_MARKED.search("".join(runs)) is not None
        remarked = "（" in raw or "(" in raw
    if marked:
        blanked = blank_artefacts(raw)
        if blanked is not raw:  # (its runs cut again)
            raw, runs = blanked, blanked.split()
        # (blank only if its runs are pipes alone: a first run that is not, most cells', tells)
        if (not runs or not runs[0].strip("|")) and raw[0] in _BLANK_CHARS and not raw.strip(_BLANK_CHARS):
            return _BLANK_CELL if not raw.strip() else ()
        runs = _BORDERS.sub(" ", raw).split()
    elif not runs:  # white space alone (the spaces, most of it, dropped first: a replace is a memchr)
        if not raw.replace(" ", "").strip(_BLANK_CHARS):
            return _BLANK_CELL
    if remarked and len(runs) > 1:
        runs = _remarks_joined(raw, runs)
    out: list[_Piece] = []
    position = 0
    for run in runs:
        start = raw.find(run, position)
        position = start + len(run)
        pieces = _KEPT_RUNS.get(run)
        if pieces is None:
            pieces = _run_pieces(run, marked)
        if run == "---" and raw.strip(" \t-|:"):
            # pandoc's Markdown writes an em dash 「—」 as "---": a run of three hyphens beside a
            # label or a count is a placeholder (alone, or among dashes, bars and colons only, a
            # table's rule: "---|---")
            pieces = ((run, 0, 3, NA, None, ""),)
        for piece, head, tail, kind, value, unit in pieces:
            if kind is None and out and out[-1][3] is None and out[-1][0] not in _UNITS_AFTER \
                    and out[-1][0] + piece not in _UNITS_AFTER:
                out[-1] = (out[-1][0] + piece, out[-1][1], start + tail, None, None, "")
            else:
                out.append((piece, start + head, start + tail, kind, value, unit))
    if len(out) > 1 and out[0][0][:3] == "---" and not raw.strip(" -") and "  " not in raw.strip(" "):
        # a rule of pandoc's simple table, a run of dashes a column: an empty column's run is as
        # short as "--", no placeholder of the row above ("行政规范性文件 | | | 16件" took two); its
        # runs one space apart, as pandoc draws them (its Markdown writes an em dash 「—」 as "---":
        # a row of placeholders prints its runs as far apart as its columns, pq2704 r0022)
        return (("".join([piece[0] for piece in out]), out[0][1], out[-1][2], None, None, ""),)
    if len(out) > 1 and out[0][3] == NUM and out[1][3] is None and out[1][0][:1] in _ORDINAL_MARKS \
            and _spaced_label(raw, out):
        # a row label typed a character apart, its number too: 「1 . 属 于 国 家 秘 密」 (the 1 read as
        # the row above's last value, one more than its columns)
        return (("".join([piece[0] for piece in out]), out[0][1], out[-1][2], None, None, ""),)
    if len(out) > 2 and "无" in raw and _spaced_word(raw, out):
        # a word printed a character a line (a table's vertical label): 「（ 四 ） 无 法 提 供」
        return (("".join([piece[0] for piece in out]), out[0][1], out[-1][2], None, None, ""),)
    if " \u3000" in raw:
        blanks: list[_Piece] = [("", m.start(), m.end(), EMPTY, None, "") for m in _LONE_IDEOGRAPHIC_SPACE.finditer(raw)]
        if blanks and _PADDED_IDEOGRAPHIC_SPACE.search(raw) is None:
            # (blank cells among the pieces, in the order printed)
            return tuple(sorted(out + blanks, key=lambda piece: piece[1]))
    # (a cell of one count is short; a row's line printing one in two pieces holds more pieces than
    # a 表三 row's label and 7 counts: no other cell's pieces are walked)
    if len(out) > 1 and (len(raw) <= _SPACED_CELL_MAX or len(out) > _T3_WIDTH + 1) and _spaced_pair(raw, out):
        return _SpacedPieces(out)
    return tuple(out)


_SPACED_CELL_MAX = 32  # characters of a cell holding one count spaced at its thousands, padding and all


class _SpacedPieces(tuple):
    """A cell's pieces (_cell_pieces) among which two counts lie one space apart, the second of
    three digits (「12 558」): one count spaced at its thousands, or two cells, as the line tells
    (tokenize). Its own type, so that tokenize asks only of such cells (a memo's marked entry)."""
    __slots__ = ()


def _spaced_pair(raw: str, pieces: list[_Piece]) -> bool:
    """Whether two counts lie one space apart in a cell's pieces, the second three digits."""
    for n in range(1, len(pieces)):
        head, tail = pieces[n - 1], pieces[n]
        if tail[3] == NUM and head[3] == NUM and tail[1] - head[2] == 1 and len(tail[0]) == 3 \
                and raw[head[2]] == " ":
            return True
    return False


# A number whose thousands are set apart by one space (「141 593」, 「1 234 567件」, 「1 234.5」; a thin or
# no-break space is one after NFKC): its first group has no leading 0, each other group 3 digits
_SPACED_THOUSANDS = re.compile(rf"^[1-9]\d{{0,2}}(?: \d{{3}})+(?:\.\d+)?(?:{_UNIT})?$")


def _spaced_thousands(raw: str) -> Optional[tuple[str, Number, str]]:
    """A cell's text as one count printed with spaces between its thousands: (its digits, value,
    unit), or None."""
    text = normalise(blank_artefacts(raw)).strip()
    if _SPACED_THOUSANDS.match(text) is None:
        return None
    number = parse_number(text.replace(" ", ""))
    return (text.replace(" ", ""), *number) if number is not None else None


def tokenize(lines: list[Line], first: int = 0, last: Optional[int] = None) -> list[Token]:
    """Tokens of lines[first:last], in order."""
    tokens: list[Token] = []
    append = tokens.append
    spaced_rows: list[tuple[int, Cell, int]] = []  # (first token, cell, line) of cells of _SpacedPieces
    lone_wu: list[int] = []  # tokens of cells holding 「无」 alone
    kept = _KEPT_PIECES
    # room made once a call, not a cell: the cells and runs of one section may pass the bounds
    make_room(kept, _PIECES_KEPT)
    make_room(_KEPT_RUNS, _RUNS_KEPT)
    new = _new
    last = len(lines) if last is None else last
    # (each Token made bare, its fields set here: Token(...) runs the dataclass's __init__, a Python
    # frame a token, some third of what making one costs; the fields are the same, set at most three
    # at a time: more at once build a tuple)
    for index in range(first, last):
        line = lines[index]
        run: Optional[Token] = None
        for cell in line.cells:
            raw = cell.text
            if not raw:  # the common case first: an empty cell
                if line.grid:
                    token = new(Token)
                    token.kind, token.text, token.value = EMPTY, "", None
                    token.start, token.end = cell.start, cell.end
                    token.line, token.unit = index, ""
                    append(token)
                    run = None
                continue
            held = kept.get(raw)
            if held is None:
                # a plain count as parse_number reads it, its int() once
                if raw.isdigit() and raw.isascii() and len(raw) <= MAX_DIGITS:
                    held = kept[raw] = int(raw)
                else:
                    held = kept[raw] = _cell_pieces(raw)
                    if type(held) is tuple and len(held) == 1 and held[0][3] is not None and held[0][0] != "\ufffd":
                        held = kept[raw] = [held[0]]  # (a list: a tuple's subclass would not unpack as fast)
            if type(held) is not tuple:  # (the pieces, most cells, asked for first)
                if type(held) is int:
                    token = new(Token)
                    token.kind, token.text, token.value = NUM, raw, held
                    token.start, token.end = cell.start, cell.end
                    token.line, token.unit = index, ""
                    append(token)
                    run = None
                    continue
                if held is _BLANK_CELL:
                    if line.grid:
                        token = new(Token)
                        token.kind, token.text, token.value = EMPTY, "", None
                        token.start, token.end = cell.start, cell.end
                        token.line, token.unit = index, ""
                        append(token)
                        run = None
                    continue
                if type(held) is _SpacedPieces:  # (its pieces read by the loop below, unless one count)
                    if (line.grid or len(line.cells) > 1 or raw.lstrip().startswith(("<td", "<th"))) \
                            and (spaced := _spaced_thousands(raw)) is not None:
                        # 「141 593」 in a cell of its own (a web page's, a Word table's, a tab field, a
                        # table cell pandoc left as HTML): one count whose thousands are set apart by
                        # a space, no two cells (a grid's cells are apart)
                        token = new(Token)
                        token.kind, token.text, token.value = NUM, spaced[0], spaced[1]
                        token.start, token.end = held[0][1] + cell.start, held[-1][2] + cell.start
                        token.line, token.unit = index, spaced[2]
                        append(token)
                        run = None
                        continue
                    # (a line of one cell: its row weighed once every token is made)
                    spaced_rows.append((len(tokens), cell, index))
                else:
                    # (a cell's one piece, a number or a mark: its token as the loop below makes it)
                    if TYPE_CHECKING:  # (mypy narrows no test above to it)
                        assert isinstance(held, list)
                    piece, start, end, kind, value, unit = held[0]
                    if TYPE_CHECKING:  # (only a piece of a kind is kept so)
                        assert kind is not None
                    offset = cell.start
                    token = new(Token)
                    token.kind, token.text, token.value = kind, piece, value
                    token.start, token.end = start + offset, end + offset
                    token.line, token.unit = index, unit
                    append(token)
                    run = None
                    if piece == "无":
                        lone_wu.append(len(tokens) - 1)
                    continue
            offset = cell.start
            for piece, start, end, kind, value, unit in held:
                if kind == NA and piece == "\ufffd" and tokens and tokens[-1].line == index - 1 \
                        and tokens[-1].kind == TEXT and tokens[-1].text[-1] == "\ufffd":
                    kind = None  # the second half of a character a line break cut ("申�", "�"): text
                if kind is not None:
                    token = new(Token)
                    token.kind, token.text, token.value = kind, piece, value
                    token.start, token.end = start + offset, end + offset
                    token.line, token.unit = index, unit
                    append(token)
                    run = None
                elif run is not None:  # (then the last token is this run: no number a unit or an ordinal joins)
                    run.text += piece
                    run.end = end + offset
                else:
                    # (the number before, the one a unit or an ordinal joins, asked for once)
                    previous = tokens[-1] if tokens else None
                    if previous is not None and previous.kind == NUM and previous.line == index and not previous.unit:
                        if piece in _UNIT_WORDS:
                            previous.unit = piece  # "251000 元": the unit belongs to the number
                            previous.end = end + offset
                            continue
                        if not start and piece[0] == "、" and len(previous.text) <= 2:
                            # a row label's ordinal in a cell of its own (a PDF's table: 「4」「、无正当理由…」):
                            # the label's, not a value of the row above
                            run = previous
                            run.kind, run.text, run.end, run.value = TEXT, run.text + piece, end + offset, None
                            continue
                    run = new(Token)
                    run.kind, run.text, run.value = TEXT, piece, None
                    run.start, run.end = start + offset, end + offset
                    run.line, run.unit = index, ""
                    append(run)
    for i in lone_wu:
        if 0 < i < len(tokens) - 1 and _letter_of_vertical_word(tokens[i - 1], tokens[i], tokens[i + 1]):
            tokens[i].kind = TEXT
    for first_token, cell, index in reversed(spaced_rows):  # (from the last: the earlier rows' places hold)
        if not lines[index].grid and len(lines[index].cells) == 1:
            end = first_token
            while end < len(tokens) and tokens[end].line == index:
                end += 1
            _join_spaced_thousands(tokens, first_token, end, cell)
    return tokens


def _letter_of_vertical_word(before: Token, token: Token, after: Token) -> bool:
    """Whether a line's 「无」 is a letter of a word printed a character a line (a table's vertical
    label as a text browser prints it: 「（」「四」「）」「无」「法」「提」「供」, w2203 r0033
    word-html-lynx), not a cell printing "none": one character of text on the line before it and on
    the line after it (read as a placeholder, it was the next row's value, shifting it a column):
    a letter, not a digit nor the "?" a GBK text prints for a blank cell (q2601 r0002 lo-web-txt:
    「?」「无」「?」 are three cells)."""
    return before.kind == TEXT and after.kind == TEXT and len(before.text) == 1 and len(after.text) == 1 \
        and before.line == token.line - 1 and after.line == token.line + 1 \
        and before.text not in _NOT_LETTERS and after.text not in _NOT_LETTERS


_NOT_LETTERS = frozenset("0123456789?？\ufffd")  # one character of text that is no letter of a word


def _join_spaced_thousands(tokens: list[Token], first: int, end: int, cell: Cell) -> None:
    """A 表三 row printed on one line of text with its cells apart by wider gaps (pandoc's plain
    table, a PDF's text): counts over 999 whose thousands are set apart by one space
    (「12 558  136  4  0  0  0  12 698」) joined into one each, where the row's gaps say it and its
    sum does: every other gap between its counts wider than one space, and joined, the row's 7
    counts add up (自然人 and the five 法人或其他组织 to 总计), which its printed pieces cannot."""
    line = tokens[first:end]
    text = cell.text
    pairs: list[int] = []  # the second token of each count printed in two pieces
    for n in range(1, len(line)):
        a, b = line[n - 1], line[n]
        if a.kind != NUM or b.kind != NUM:
            continue
        gap = text[a.end - cell.start:b.start - cell.start]
        if gap == " ":
            if len(b.text) != 3 or not b.text.isdigit() or not a.text.isdigit() or len(a.text) > 3 \
                    or a.text[0] == "0" or (pairs and pairs[-1] == n - 1):
                return
            pairs.append(n)
        elif gap.strip() or len(gap) < 2:
            return
    if not pairs:
        return
    start = pairs[0] - 1
    while start and line[start - 1].kind == NUM:
        start -= 1
    if len(line) - start - len(pairs) != _T3_WIDTH or any(t.kind == NUM for t in line[:start]):
        return  # (the row's counts end the line, one after another, after its label)
    joined: list[Token] = []
    for n, token in enumerate(line):
        if token.kind == NUM and n in pairs:
            head = joined[-1]
            digits = head.text + token.text
            joined[-1] = Token(NUM, digits, head.start, token.end, head.line, int(digits))
        else:
            joined.append(token)
    values = [t.value or 0 for t in joined[start:]]
    if sum(values[:-1]) != values[-1]:
        return
    tokens[first:end] = joined
