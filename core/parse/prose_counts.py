"""What a report's prose says of its tables' counts, where the parser weighs readings of glued cells by it.

The template ties some sentences of the prose to cells (the N-1 rule, core/check/rules.py, reads
them through stated_t4 and stated_issued too): 「全年制发规范性文件13件」 is 表二's 行政规范性文件 本年制发件数
(2021), 「行政复议11件」 is 表四's 行政复议 总计, 「行政诉讼15件」 the two 行政诉讼 groups' 总计 together,
and 「未发生…行政复议、行政诉讼案件」 makes both 0. Where the digits a converter glued cut several
ways that every sum of the table allows, the readings agreeing with the prose are preferred
(flagged as so read); where none agrees, the prose chooses nothing and N-1 weighs it.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from core.model import Report

# A whole number in prose: at most 15 digits, never part of a longer run of digits (bounded, and
# the look-arounds keep each pattern linear in the text).
INT = r"(?<!\d)(\d{1,15})(?!\d)"
ISSUED = re.compile(r"制发(?:行政)?规范性文件[^。；;，,\d]{0,4}?" + INT + r"件")
REVIEW = re.compile(r"(?<!未)(?:发生|收到|涉及|被申请)?行政复议(?:案件|申请)?[^。；;，,\d]{0,4}?" + INT + r"(?:件|起)")
LITIGATION = re.compile(r"(?<!未)(?:发生|涉及|被提起)?行政诉讼(?:案件)?[^。；;，,\d]{0,4}?" + INT + r"(?:件|起)")
# "未发生…行政复议、行政诉讼案件", "无…被申请行政复议和行政诉讼的情况" (but not "未发生行政诉讼败诉")
NONE_OF = r"(?:(?:未|没有)(?:发生|收到|涉及|出现|产生|被)|无)[^。；;，,\d]{0,24}?"
NO_REVIEW = re.compile(NONE_OF + r"行政复议(?![^。；;，,]{0,8}(?:败诉|纠正|撤销))")
NO_LITIGATION = re.compile(NONE_OF + r"行政诉讼(?![^。；;，,]{0,8}(?:败诉|纠正|撤销))")


# The words every match of a prose pattern holds, and how far before such a word a match may
# start (its longest optional lead: "本年度", "被申请", a number before "件…结转"). Python's re
# tries a pattern opening with an optional group or a look-behind at every position of the prose;
# the pattern is tried only where a match may start instead, with the same matches. (Keyed by
# the pattern's text: a compiled pattern hashes its whole program at every lookup.)
Anchors = dict[str, tuple[tuple[str, ...], int]]
_ANCHORS: Anchors = {pattern.pattern: anchors for pattern, anchors in (
    (REVIEW, (("行政复议",), 3)), (NO_REVIEW, (("行政复议",), 2 + 2 + 24)),
    (LITIGATION, (("行政诉讼",), 3)), (NO_LITIGATION, (("行政诉讼",), 2 + 2 + 24)),
    (ISSUED, (("规范性文件",), 2 + 2)))}


def anchored_finditer(pattern: re.Pattern, prose: str, anchors: Anchors) -> Iterator[re.Match]:
    """pattern.finditer(prose), trying the pattern only at the starts its anchor words (in
    `anchors`, as _ANCHORS) allow: each once, in order, the lead before each word from the first
    start not tried yet."""
    words, lead = anchors[pattern.pattern]
    found = []
    for word in words:
        at = prose.find(word)
        while at >= 0:
            found.append(at)
            at = prose.find(word, at + 1)
    if len(words) > 1:
        found.sort()
    tried = 0  # the starts before it were tried, or lie inside a match
    for at in found:
        start = max(tried, at - lead)
        while start <= at:
            m = pattern.match(prose, start)
            if m is None:
                start += 1
            else:  # (every pattern matches one character at least)
                yield m
                start = m.end()
        tried = start


def _first(pattern: re.Pattern, prose: str) -> Optional[re.Match]:
    return next(anchored_finditer(pattern, prose, _ANCHORS), None)


def flat_prose(report: Report) -> str:
    """The report's prose (Report.prose) without whitespace, as the N-1 rule reads it."""
    return "".join(report.prose().split())


def stated_issued(prose: str) -> Optional[int]:
    """The number of 规范性文件 the prose (flat_prose) says were issued (its first statement), or None."""
    found = _first(ISSUED, prose)
    return int(found.group(1)) if found else None


def stated_t4(prose: str) -> tuple[Optional[int], Optional[int]]:
    """The numbers of 行政复议 and of 行政诉讼 the prose (flat_prose) states, each None where it
    states none; 0 where it says there were none (NO_REVIEW, NO_LITIGATION), as the N-1 rule reads them."""
    out: list[Optional[int]] = []
    for pattern, none in ((REVIEW, NO_REVIEW), (LITIGATION, NO_LITIGATION)):
        found = _first(pattern, prose)
        out.append(int(found.group(1)) if found else 0 if _first(none, prose) else None)
    return out[0], out[1]
