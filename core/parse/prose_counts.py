"""What a report's prose says of its tables' counts, where the parser weighs readings of glued cells by it.

The template ties some sentences of the prose to cells (the N-1 rule, core/check/rules.py, which
reads them with these same patterns): 「全年制发规范性文件13件」 is 表二's 行政规范性文件 本年制发件数
(2021), 「行政复议11件」 is 表四's 行政复议 总计, 「行政诉讼15件」 the two 行政诉讼 groups' 总计 together,
and 「未发生…行政复议、行政诉讼案件」 makes both 0. Where the digits a converter glued cut several
ways that every sum of the table allows, the readings agreeing with the prose are preferred
(flagged as so read); where none agrees, the prose chooses nothing and N-1 weighs it.
"""
from __future__ import annotations

import re
from typing import Optional

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


def flat_prose(report: Report) -> str:
    """The report's prose (Report.prose) without whitespace, as the N-1 rule reads it."""
    return "".join(report.prose().split())


def stated_issued(prose: str) -> Optional[int]:
    """The number of 规范性文件 the prose (flat_prose) says were issued (its first statement), or None."""
    found = ISSUED.search(prose)
    return int(found.group(1)) if found else None


def stated_t4(prose: str) -> tuple[Optional[int], Optional[int]]:
    """The numbers of 行政复议 and of 行政诉讼 the prose (flat_prose) states, each None where it
    states none; 0 where it says there were none (NO_REVIEW, NO_LITIGATION), as the N-1 rule reads them."""
    out: list[Optional[int]] = []
    for pattern, none in ((REVIEW, NO_REVIEW), (LITIGATION, NO_LITIGATION)):
        found = pattern.search(prose)
        out.append(int(found.group(1)) if found else 0 if none.search(prose) else None)
    return out[0], out[1]
