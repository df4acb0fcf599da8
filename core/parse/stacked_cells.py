"""Two values stacked in one text block of a paragraph stream: two rows' cells of one column.

Plain pdftotext prints a table in the PDF's stream order, each cell a paragraph: its text, then an
empty line. Cells touching one above the other in one column may come out as one block, a value a
line with no empty line between: two rows' cells, never two cells of one row (a row's cells lie
side by side, and a block joining them prints them on one line). p3302 r0040 prints
「2.重复申请」's five cells 0 0 — — 0 with the 6 and 6 of two rows above (商业企业 of （四）1. and 3.)
stacked before its 总计: read as its own, the row summed 12 against its 总计 0, a 错误 on a right report.
"""
from __future__ import annotations

from typing import Optional

from core.parse.cell_lines import alone_on_line
from core.parse.lost import empty_line
from core.parse.row_sums import parts_add_up
from core.parse.tokens import NA, NUM, Token
from core.readers.document import Line

STACKED_VALUES = ("「{}」行的数值中{}与{}上下相连印在一段，是同一列上下两行的单元格（PDF文字顺序），"
                  "不全属本行，均未计入本行，请对照原文核对")


def stacked_pair(values: list[Token], lines: list[Line]) -> Optional[int]:
    """Where a 表三 row read whole from a paragraph stream holds two values of other rows: the
    index of the first of the one pair of values printed on adjacent lines, every other two of its
    values a paragraph apart (only empty lines between them, one at least) and each value alone on
    its line, in a row whose parts, so read, do not add up to its 总计, and do without the pair (the
    sums and the layout agree). None otherwise (most rows: printed on one line, or one value a line
    with no empty line between, as LibreOffice's text of a web page prints cells; and a row whose
    other values do not add up either, one of the pair perhaps its own: the readers of rows spilled
    into others weigh it, spilled.py)."""
    if len(values) < 3 or values[0].line == values[-1].line:
        return None
    # (the sums first: most rows add up as read, and their lines are then not looked at)
    numbers = [t.value if t.kind == NUM and t.value is not None else 0 for t in values]
    if parts_add_up(numbers):
        return None
    pair = None
    for n, (a, b) in enumerate(zip(values, values[1:])):
        if b.line == a.line + 1:
            if pair is not None:
                return None
            pair = n
        elif b.line <= a.line or not all(empty_line(lines[i]) for i in range(a.line + 1, b.line)):
            return None
    if pair is None or not parts_add_up(numbers[:pair] + numbers[pair + 2:]) \
            or not all(t.kind in (NUM, NA) and alone_on_line(lines[t.line], t) for t in values):
        return None
    return pair
