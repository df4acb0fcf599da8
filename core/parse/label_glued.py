"""A 表三 row's first counts printed right after its label's last character, no space between.

lynx gives a table cell the width it measures its text at; where that measure is off (a GBK page
read as UTF-8, its label put back by core/readers/lossy_gbk.py from the damaged form lynx printed)
the label's text runs on into the next cell: 「…不计其他情形）676 135  3  5  6    0   825」, the
row's 自然人 676 glued to the label, and 「…情形）20 0  0  0    0 2」, its 自然人 2 and 商业企业 0
glued together. The label token then holds the counts and the row prints too few values: no
template label ends in a digit, so the digits after the label's full text are the row's first
cells, as many as the row lacks. Which cut of the digits they are, the row's own sum says: the
cut is read only when one alone makes the parts add up to the row's 总计 (the values printed
apart read as they stand: the first cells, since the glued ones come first).
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from core.parse.tokens import NA, NUM, Token

# ASCII digits ending a label's text right after a Chinese character or full-width mark
_GLUED_COUNT = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[0-9]+$")
_MOST_CELLS = 3  # glued cells beyond this: a row's digits glued whole, read elsewhere (glued.py)
_MOST_DIGITS = 12


def _cuts(digits: str, count: int) -> Iterator[list[str]]:
    """Every way of cutting `digits` into `count` numbers, none with a leading zero."""
    if count == 1:
        if digits == "0" or not digits.startswith("0"):
            yield [digits]
        return
    for at in range(1, len(digits) - count + 2):
        head = digits[:at]
        if head != "0" and head.startswith("0"):
            break
        for rest in _cuts(digits[at:], count - 1):
            yield [head, *rest]


def counts_glued_to_label(text: str, label: Token, values: list[Token], width: int) -> Optional[list[Token]]:
    """The tokens of the counts glued to the end of a 表三 row's label (`label`), when the row
    prints `values` (fewer than its `width` cells, all on the label's line, counts or
    placeholders) and one cut alone of the glued digits into the cells it lacks makes its parts
    add up to its 总计; else None."""
    missing = width - len(values)
    if not values or not 0 < missing <= _MOST_CELLS or not text[label.end - 1:label.end].isdigit():
        return None  # (most rows: the label's last character is no digit)
    if any(t.line != label.line or t.kind not in (NUM, NA) for t in values):
        return None
    found = _GLUED_COUNT.search(text, label.start, label.end)
    if found is None or not missing <= len(found.group()) <= _MOST_DIGITS:
        return None
    printed = [t.value or 0 if t.kind == NUM else 0 for t in values]
    fitting = [cut for cut in _cuts(found.group(), missing)
               if sum(map(int, cut)) + sum(printed[:-1]) == printed[-1]]
    if len(fitting) != 1:
        return None
    out, at = [], found.start()
    for piece in fitting[0]:
        out.append(Token(NUM, piece, at, at + len(piece), label.line, value=int(piece)))
        at += len(piece)
    return out
