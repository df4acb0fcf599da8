"""Rows of a text browser's table whose blank cells left their width in spaces: count the spaces.

lynx lays out a table it cannot align (its rows' labels too wide for one column) row by row: each
cell follows the one before it after one space, a cell its text's width. A blank cell holding a
space (&nbsp;, as a word processor's HTML fills every empty cell) is one character wide, so a gap of
1 + 2k spaces between two values holds k blank cells (「…数量 7 1         8」: 7 自然人, 1 商业企业,
four blanks, 8 总计; 「…已获取信息   1         1」: a blank 自然人 first). Where a blank cell prints
nothing at all, every gap is one space and nothing can be counted: most lynx tables.

Trusted only when every row printing values counts out to exactly its columns under one width of
a blank cell, and one row at least shows a blank's width: an aligned table (gaps that pad the
columns to their headers), a label followed by padding, a row ending before its last column, any
gap of another width, leaves the whole table to the positions and the sums.
"""
from __future__ import annotations

from typing import Optional

from core.parse.tokens import EMPTY, Token

_BLANK_WIDTHS = (2, 3)  # characters a blank cell takes with its separator: a space (or two) and one


def _gaps(text: str, values: list[Token]) -> Optional[list[int]]:
    """The spaces before each value of a row printed on one line after some text (its label):
    None when the row spreads over lines, starts its line, or anything but spaces parts them."""
    first = values[0]
    if any(t.line != first.line or t.kind == EMPTY for t in values):
        return None
    line_start = text.rfind("\n", 0, first.start) + 1
    before = text[line_start:first.start]
    label = before.rstrip(" ")
    if not label.strip():
        return None  # the values start their line: no label to count from
    gaps = [len(before) - len(label)]
    for a, b in zip(values, values[1:]):
        between = text[a.end:b.start]
        if not between or between.strip(" "):
            return None
        gaps.append(len(between))
    return gaps


def _columns(gaps: list[int], blank: int) -> Optional[list[int]]:
    """Each value's column when a blank cell takes `blank` characters: None when a gap is no
    separator plus a whole number of blanks."""
    columns, column = [], -1
    for gap in gaps:
        blanks, rest = divmod(gap - 1, blank)
        if gap < 1 or rest:
            return None
        column += blanks + 1
        columns.append(column)
    return columns


def fill_space_gaps(text: str, values_of: dict[str, list[Token]], widths: dict[str, int]) -> None:
    """Rows printing fewer values than columns completed with the blank cells their spaces count
    (see the module's note), when every row printing values counts out exactly."""
    gaps_of = {}
    for key, values in values_of.items():
        if not values:
            continue
        gaps = _gaps(text, values)
        if gaps is None or len(values) > widths[key]:
            return
        gaps_of[key] = gaps
    if not any(len(values_of[key]) < widths[key] for key in gaps_of) \
            or not any(gap > 1 for gaps in gaps_of.values() for gap in gaps):
        return
    fitting: list[dict[str, list[int]]] = []
    for blank in _BLANK_WIDTHS:
        columns_of: dict[str, list[int]] = {}
        for key, gaps in gaps_of.items():
            columns = _columns(gaps, blank)
            if columns is None or columns[-1] != widths[key] - 1:
                break
            columns_of[key] = columns
        else:
            fitting.append(columns_of)
    if len(fitting) != 1:
        return
    for key, columns in fitting[0].items():
        values = values_of[key]
        if len(values) == widths[key]:
            continue
        placed = dict(zip(columns, values))
        row, before = [], values[0]
        for column in range(widths[key]):
            # a blank cell sits after the value before it, on its line: the row's order by lines stays
            before = placed.get(column) or Token(EMPTY, "", before.end, before.end, before.line)
            row.append(before)
        values_of[key] = row
