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

from core.template import RESULTS, SECTION_TITLES, T3_TITLE, TEMPLATES

# Words of the template's printed tables that core/template.py does not keep as labels: the
# headers over 表三's columns and 表二's first column, the other names section headings go by
# (core/parse/sections.py's _HEADINGS), the title's words and the statement of the statistics'
# period (core/parse/parser.py's _TITLE and _PERIOD: the year, where the agency before the
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


def _units(phrase: str) -> list[str]:
    """The pattern of each character of the phrase as it prints damaged: its lead byte and the
    continuation bytes that survive; lynx prints the no-break space 0xA0 as a space."""
    units = []
    for char in phrase:
        pattern = ""
        for byte in char.encode("utf-8"):
            if byte == 0xA0:
                pattern += " ?"
            elif not (0x80 <= byte <= 0x9F or byte == 0xAD):
                pattern += re.escape(chr(byte))
        units.append(pattern)
    return units


# Where a damaged form may end: where its last character's surviving bytes end, the next text
# character no continuation byte (which would make that character another, whole one). A last
# character reduced to its lead byte is any of a thousand: the phrase must end there, before a
# space or ASCII ("危及" prints as "共和" of 共和国 does, "采购项目数量" as "采购项目数采…" of a
# wrapped header does).
_END = {True: r"(?![\xa0-\xbf])", False: r"(?![^\x00-\x7f])"}


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern, list[str]]:
    """One pattern finding the damaged forms (longest first: a phrase inside a longer one is the
    longer one's), and per form the phrase it stands for (group p<i>: the i-th). A damaged form
    two phrases share is left out: it names neither."""
    by_form: dict[str, set[str]] = {}
    for phrase in template_phrases():
        form = damaged(phrase)
        if form != phrase:
            by_form.setdefault(form, set()).add(phrase)
    phrases = sorted((next(iter(ps)) for ps in by_form.values() if len(ps) == 1),
                     key=lambda p: len(damaged(p)), reverse=True)
    # the forms grouped by their first character's pattern, each group tried in the order above:
    # at a place only one group's first character may print, so the regex asks one literal per
    # group there instead of walking every form (a phrase's group names the whole match)
    by_first: dict[str, list[str]] = {}
    for i, p in enumerate(phrases):
        first, *rest = _units(p)
        by_first.setdefault(first, []).append(
            rf"(?P<p{i}>" + "".join(r"\s*" + unit for unit in rest) + ")"
            + _END[len(damaged(p[-1])) > 1 or p[-1].isascii()])
    alternatives = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    units = "|".join(re.escape(damaged(u)) for u in UNITS)
    pattern = re.compile(
        rf"{alternatives}"
        rf"|(?<=\d)(?P<unit>{units})(?=\s|$)"
        r"|[\xc0-\xf7](?:[\xa1-\xbf]| (?=[\xa1-\xbf]))*|[\xa0-\xbf]", re.M)
    return pattern, phrases


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
    """The text with the template's phrases put back, whole characters decoded, the rest marked."""
    pattern, phrases = _phrases()

    def put_back(match: re.Match) -> str:
        group = match.lastgroup
        if group is None:
            char = _character(match.group())
            if char == LOST_MARK and _alone(text, match.start(), match.end()):
                return LOST_CELL
            return char
        if group == "unit":
            return _UNIT_BY_FORM[match.group()]
        phrase = phrases[int(group[1:])]
        return "".join(char + gap for char, gap in zip(phrase, _gaps(phrase, match.group()) + [""]))

    return pattern.sub(put_back, text)


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


def _alone(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())
