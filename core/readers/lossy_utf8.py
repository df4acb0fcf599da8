"""UTF-8 Chinese that a tool read as Latin-1 and printed without the bytes 0x80–0x9F (lynx dumping a
page whose charset it took for Latin-1: no printable Latin-1 character for those bytes).

Character by character the loss cannot be undone (「一」「三」「上」「下」「不」 all print 「ä¸」), but
phrase by phrase it can: a known phrase always prints the same damaged form. So the template's
words (row labels, column headers, headings: core/template.py, plus the few header words it does
not keep, below) are found in their damaged forms and put back, longest first; a character whose
bytes all survived is decoded on its own (「年」「个」「件」); the rest is left as a mark, never
dropped (two numbers either side of a lost character must not join).
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import Optional

from core.template import RESULTS, SECTION_TITLES, T3_TITLE, TEMPLATES

# Words of the template's printed tables that core/template.py does not keep as labels: the
# headers over 表三's columns and 表二's first column, the other names section headings go by
# (core/parse/sections.py's _HEADINGS), the title's words and the statement of the statistics'
# period (core/parse/metadata.py's _TITLE and _PERIOD: the year, where the agency before the
# title's year is lost).
EXTRA_PHRASES = (
    "申请人情况", "法人或其他组织", "信息内容", "行政诉讼", "本年增/减",
    "总体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "依申请公开政府信息情况",
    "存在的主要问题及改进情况", "其他需要报告的事项", "政府信息公开行政复议、行政诉讼情况",
    "政府信息公开工作年度报告", "政府信息公开", "年度报告",
    "统计期限自", "统计期限", "统计时限", "统计期间", "统计时间", "统计周期", "统计区间",
)
# Units the parser reads after a number, put back only right after digits closing the piece
# ("98418元" and "98418千" print alike: a lone unit there is the unit)
UNITS = ("万元", "元", "万", "条", "宗")

LOST_MARK = "□"  # a character whose bytes were lost: not a digit, not a placeholder of a cell
# ...unless it stands alone: a cell of one lost character, most often a placeholder (「／」「—」
# 「无」), but maybe a full-width digit. The parser reads it as a placeholder and flags its row.
LOST_CELL = "\ufffd"


def damaged(phrase: str) -> str:
    """How the phrase prints once its UTF-8 bytes 0x80–0x9F are dropped and the rest read as Latin-1
    (the soft hyphen 0xAD and the no-break space 0xA0 do not print either)."""
    kept = bytes(b for b in phrase.encode("utf-8") if not (0x80 <= b <= 0xA0 or b == 0xAD))
    return kept.decode("latin-1")


def template_phrases() -> list[str]:
    """Every phrase of the template the parser looks for, each once."""
    words: list[str] = [*SECTION_TITLES.values(), T3_TITLE, RESULTS, *EXTRA_PHRASES]
    for tables in TEMPLATES.values():
        for table in tables.values():
            words.append(table.title)
            for row in table.rows:
                words += [row.label, row.group, row.block, *row.keywords]
                words += [column.label for column in row.columns]
    return list(dict.fromkeys(w for w in words if len(w) >= 2))


_SPACE = None  # in a damaged character: the no-break space 0xA0, which lynx prints as a space or not at all


def _units(phrase: str) -> list:
    """Each character of the phrase as it prints damaged: its surviving bytes, or where a 0xA0
    is among them, a list of their runs (the first holding at least the lead byte) with _SPACE
    for each 0xA0 between them."""
    units: list = []
    for char in phrase:
        unit: list[Optional[str]] = []
        run = ""
        for byte in char.encode("utf-8"):
            if byte == 0xA0:
                unit += [run, _SPACE] if run else [_SPACE]
                run = ""
            elif not (0x80 <= byte <= 0x9F or byte == 0xAD):
                run += chr(byte)
        if run:
            unit.append(run)
        units.append(unit[0] if len(unit) == 1 else unit)
    return units


# Where a damaged form may end: where its last character's surviving bytes end, the next text
# character no continuation byte (which would make that character another, whole one). A last
# character reduced to its lead byte is any of a thousand: the phrase must end there, before a
# space or ASCII ("危及" prints as "共和" of 共和国 does, "采购项目数量" as "采购项目数采…" of a
# wrapped header does).
def _ends_one_character(text: str, at: int) -> bool:
    return at == len(text) or not "\xa0" <= text[at] <= "\xbf"


def _ends_before_ascii(text: str, at: int) -> bool:
    return at == len(text) or text[at].isascii()


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, list], tuple[int, ...], list[str]]:
    """The damaged forms to find, by their first character's first bytes: per form of a first
    character, in the order tried (its place in that order, its bytes after those), each phrase
    starting with it (its other characters' forms, where it may end), longest first (a phrase
    inside a longer one is the longer one's); the lengths of those first bytes; and the phrases.
    A damaged form two phrases share is left out: it names neither. (A regex of them all took
    longer to compile than most pages take to read.)"""
    by_form: dict[str, set[str]] = {}
    for phrase in template_phrases():
        form = damaged(phrase)
        if form != phrase:
            by_form.setdefault(form, set()).add(phrase)
    phrases = sorted((next(iter(ps)) for ps in by_form.values() if len(ps) == 1),
                     key=lambda p: len(damaged(p)), reverse=True)
    by_first: dict[tuple, list] = {}  # a first character's form -> the phrases starting so
    for i, p in enumerate(phrases):
        first, *rest = _units(p)
        ends = _ends_one_character if len(damaged(p[-1])) > 1 or p[-1].isascii() else _ends_before_ascii
        by_first.setdefault((first,) if type(first) is str else tuple(first), []).append((i, rest, ends))
    starting: dict[str, list] = {}  # (a first character's 0xA0 prints after its lead byte)
    for order, (first, forms) in enumerate(by_first.items()):
        # the phrases in turn by their second character's first bytes (each with its place)
        seconds: dict[str, list] = {}
        for place, (i, rest, ends) in enumerate(forms):
            seconds.setdefault(rest[0] if type(rest[0]) is str else rest[0][0], []).append((place, i, rest, ends))
        starting.setdefault(first[0], []).append((order, list(first[1:]), seconds,
                                                  tuple(sorted(set(map(len, seconds))))))
    return starting, tuple(sorted(set(map(len, starting)))), phrases


def _unit_end(text: str, at: int, unit) -> int:
    """Where the damaged character `unit` printed from `at` ends (its 0xA0 printed as a space
    or not at all), or -1 where it does not print there."""
    if type(unit) is str:
        return at + len(unit) if text.startswith(unit, at) else -1
    for part in unit:
        if part is _SPACE:
            at += text.startswith(" ", at)
        elif text.startswith(part, at):
            at += len(part)
        else:
            return -1
    return at


def _phrase_end(text: str, at: int, rest: list, ends) -> int:
    """Where a phrase whose first character printed up to `at` ends, its other characters
    `rest` following with any white space before each (a wrapped or vertical label), or -1. A
    last 0xA0 printed as a space is the phrase's where the phrase may end after it, else not."""
    for unit in rest:
        while at < len(text) and text[at].isspace():
            at += 1
        at = _unit_end(text, at, unit)
        if at < 0:
            return -1
    if ends(text, at):
        return at
    if type(unit) is not str and unit[-1] is _SPACE and text[at - 1] == " ":  # (then ending before it)
        return at - 1
    return -1


# A character's lead byte and the continuation bytes after it, or a continuation byte alone
_CHARACTER = re.compile(r"[\xc0-\xf7](?:[\xa1-\xbf]| (?=[\xa1-\xbf]))*|[\xa0-\xbf]")


def _gaps(phrase: str, found: str) -> list[str]:
    """The white space `found` (the phrase's damaged form as the pattern found it) prints between
    the phrase's characters (lynx wraps a label, prints a vertical one a character a line): each
    character's surviving bytes in turn, the no-break space 0xA0 printed as a space or not at all,
    and the white space up to the next character's lead byte (a character's bytes start with
    none: taken greedily, as the pattern's \\s* took it)."""
    gaps, at = [], 0
    for n, char in enumerate(phrase):
        if n:
            start = at
            while at < len(found) and found[at].isspace():
                at += 1
            gaps.append(found[start:at])
        for byte in char.encode("utf-8"):
            if byte == 0xA0:
                at += found.startswith(" ", at)
            elif not (0x80 <= byte <= 0x9F or byte == 0xAD):
                at += 1
    return gaps


_UNIT_BY_FORM = {damaged(u): u for u in UNITS}


def restore(text: str) -> str:
    """The text with the template's phrases put back, whole characters decoded, the rest marked.
    From the start on, at each place where something may start: the first phrase whose damaged
    form prints there, else a unit right after a digit (before white space or the text's end),
    else a character's bytes."""
    starting, lengths, phrases = _phrases()
    may_start = _may_start(frozenset(key[0] for key in starting))
    out = []
    done = 0  # (the text before it is put back)
    at = 0
    while True:
        found = may_start.search(text, at)
        if found is None:
            break
        at = found.start()
        end, put = _put_back_at(text, at, starting, lengths, phrases)
        if end < 0:
            at += 1
            continue
        out += [text[done:at], put]
        done = at = end
    out.append(text[done:])
    return "".join(out)


def _put_back_at(text: str, at: int, starting: dict, lengths: tuple[int, ...], phrases: list[str]) -> tuple[int, str]:
    """What is put back for the text from `at` (restore's order), and where it ends; -1 where
    nothing starts there."""
    firsts = [(first, at + length) for length in lengths for first in starting.get(text[at:at + length], ())]
    if len(firsts) > 1:
        firsts.sort()  # (by their order: no two share it)
    for (_, first_rest, seconds, second_lengths), after_first in firsts:
        if first_rest:  # (the bytes after a 0xA0 of the first character)
            after_first = _unit_end(text, after_first, first_rest)
            if after_first < 0:
                continue
        while after_first < len(text) and text[after_first].isspace():
            after_first += 1
        forms = [form for length in second_lengths for form in seconds.get(text[after_first:after_first + length], ())]
        if len(forms) > 1:
            forms.sort(key=itemgetter(0))
        for _, i, rest, ends in forms:
            end = _phrase_end(text, after_first, rest, ends)
            if end >= 0:
                phrase = phrases[i]
                return end, "".join(char + gap for char, gap in zip(phrase, _gaps(phrase, text[at:end]) + [""]))
    if at and text[at - 1].isdecimal():
        for form, unit in _UNIT_BY_FORM.items():
            end = at + len(form)
            if text.startswith(form, at) and (end == len(text) or text[end].isspace()):
                return end, unit
    match = _CHARACTER.match(text, at)
    if match is None:
        return -1, ""
    char = _character(match.group())
    if char == LOST_MARK and stands_alone(text, at, match.end()):
        return match.end(), LOST_CELL
    return match.end(), char


@lru_cache(maxsize=1)
def _may_start(firsts: frozenset[str]) -> re.Pattern:
    """Where something to put back may start: a character's lead byte or a continuation byte (a
    character whose lead byte was lost), and the first characters of phrases (some ASCII)."""
    return re.compile("[" + re.escape("".join(sorted(firsts))) + r"\xa0-\xf7]")


_WHOLE_LENGTH = {**{chr(b): 2 for b in range(0xC2, 0xE0)}, **{chr(b): 3 for b in range(0xE0, 0xF0)},
                 **{chr(b): 4 for b in range(0xF0, 0xF5)}}


def _character(slot: str) -> str:
    """A lead byte and the continuation bytes after it: the character when none was lost."""
    if len(slot) == _WHOLE_LENGTH.get(slot[0]):
        try:  # a space between a lead and a continuation byte is the no-break space 0xA0 printed
            return slot.replace(" ", "\xa0").encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            pass
    return LOST_MARK


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a cell of its own: white space (or the text's ends) either side."""
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())
