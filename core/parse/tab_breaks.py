"""Rows of tab-separated cells whose blank cells left their separators: count the separators.

In a tab-separated row each cell follows one tab, so a blank cell leaves two tabs in a row;
catdoc (Word 97 to text) goes further and writes those two tabs as one line break ("59\t20\t-\t-
\n\t79": two blanks before 79). Counting a tab as one separator and a line break inside a row as
two gives every value of a row its column. Trusted only when every full row of the table (one
value per column) counts out to exactly its columns, so an extra empty field after the labels
(merged cells) does not shift a row; a 表三 full row counting out to a cell more, its last value
past the last column, printed 8 cells (a 法人或其他组织 subtotal after 自然人) and is read without
its subtotal where the subtotal is the sum of the parts after it (_with_subtotal), for the caller
to flag.

A table's grid row (a Word or web table: Line.grid) keeps every cell it has, an empty one as an
empty field, so its blank cells after the last value leave their separators too: a grid row
whose last value is followed by fewer separators than the columns left has fewer cells than the
table (a cell left out of the row, as real files show), and is left short, to be placed by the
sums and flagged, not completed with blank cells it never printed.
"""
from __future__ import annotations

import re
from typing import Optional

from core.model import Number
from core.readers.document import Line
from core.parse.row_sums import tokens_add_up
from core.parse.subtotal_rows import adds_up_as_eight, without_subtotal
from core.parse.tokens import EMPTY, NUM, TEXT, Token


def _columns(text: str, label_end: int, values: list[Token], tabs_only: bool = False) -> Optional[list[int]]:
    """The column of each value counted from the separators after the row's label; None if
    anything but separators and spaces lies between them (or, `tabs_only`, a line break)."""
    columns, count, position = [], 0, label_end
    for token in values:
        gap = text[position:token.start]
        if gap.strip(" \t\n\u3000\xa0"):
            return None
        if tabs_only and "\n" in gap:
            return None
        count += gap.count("\t") + 2 * gap.count("\n")
        if count < 1:
            return None
        columns.append(count - 1)
        position = token.end
    return columns if columns == sorted(set(columns)) else None


def _with_subtotal(text: str, label_end: int, values: list[Token], width: int) -> Optional[list[Token]]:
    """A 表三 row printing all its `width` values whose separators count out to a cell more, a
    blank one among them (catdoc's line break) and its last value in the cell past the last column:
    a row of 8 cells, its second a 法人或其他组织 subtotal after 自然人 (TEMPLATE.md), its last its
    总计. Its 7 cells without the subtotal when the subtotal is the sum of the 5 after it and the
    row then adds up (a placeholder and a blank count 0); else None."""
    columns = _columns(text, label_end, values)
    if columns is None or columns[-1] != width or len(values) != width:
        return None
    placed = dict(zip(columns, values))
    gap = next(n for n in range(width) if n not in placed)
    before = placed.get(gap - 1) or values[0]
    cells = [placed.get(n) or Token(EMPTY, "", before.end, before.end, before.line) for n in range(width + 1)]
    numbers: list[Number] = []  # (a placeholder and a blank count 0)
    for t in cells:
        if t.kind == NUM and t.value is None:
            return None
        numbers.append(t.value if t.kind == NUM and t.value is not None else 0)
    if not adds_up_as_eight(numbers[0], numbers[1], sum(numbers[2:width]), numbers[-1]):
        return None
    return without_subtotal(cells)


def _totals_count_out(text: str, label_end: dict[str, int], values_of: dict[str, list[Token]],
                      widths: dict[str, int]) -> bool:
    """A 表三 with no full row (a blank cell in every row, as zeros printed blank leave): its
    separators are trusted when at least two rows carrying their 总计 (their values add up, the
    last the sum of the others) count that 总计 out into the last column, and no row counts a
    value past it nor adds up with its last value elsewhere: an extra empty field after the
    labels would shift every row a column to the right."""
    carrying = 0
    for key, values in values_of.items():
        if key not in label_end or not values or len(values) >= widths[key]:
            continue
        columns = _columns(text, label_end[key], values)
        if columns is None:
            continue
        if columns[-1] >= widths[key]:
            return False
        if len(values) > 1 and any(t.kind == NUM and t.value for t in values) and tokens_add_up(values):
            if columns[-1] != widths[key] - 1:
                return False
            carrying += 1
    return carrying >= 2


def fill_tab_gaps(tokens: list[Token], labels: list[tuple[int, str]],
                  values_of: dict[str, list[Token]], text: str, widths: dict[str, int],
                  lines: Optional[list[Line]] = None, totals_last: bool = False) -> list[str]:
    """Rows printing fewer values than columns (`widths`: each row's, by key) completed with the
    blank cells their separators count, when the table's full rows all count out exactly.
    `totals_last`: each row's last column is its 总计, the sum of the others (表三); there a full
    row counting out to a cell more, printing a subtotal after 自然人 (_with_subtotal), is read
    without it and counts out too. The rows so read (for the caller to flag)."""
    if not any(values and len(values) < widths[key] for key, values in values_of.items()):
        return []  # no row to complete (the common case): the full rows' separators need no counting
    label_end = {key: tokens[index].end for index, key in labels}
    full = [key for key, values in values_of.items() if key in label_end and values
            and len(values) == widths[key]]
    with_subtotal: dict[str, list[Token]] = {}
    for k in full:
        if _columns(text, label_end[k], values_of[k], tabs_only=True) == list(range(len(values_of[k]))):
            continue
        row = _with_subtotal(text, label_end[k], values_of[k], widths[k]) if totals_last else None
        if row is None:
            return []
        with_subtotal[k] = row
    if not full and not (totals_last and _totals_count_out(text, label_end, values_of, widths)):
        return []
    if full and len(with_subtotal) == len(full):
        return []
    values_of.update(with_subtotal)
    for key, values in values_of.items():
        width = widths[key]
        if key not in label_end or not values or len(values) >= width:
            continue
        columns = _columns(text, label_end[key], values)
        if columns is None or columns[-1] >= width:
            continue
        last = values[-1]
        if lines is not None and lines[last.line].grid and columns[-1] < width - 1:
            end = text.find("\n", last.end)
            if text.count("\t", last.end, len(text) if end < 0 else end) < width - 1 - columns[-1]:
                continue  # a grid row of fewer cells than the table: no blank cells to fill
        if totals_last and columns[-1] == width - 2 and len(values) > 1 \
                and any(t.kind == NUM and t.value for t in values) and tokens_add_up(values):
            continue  # its last value its 总计, a cell left out (see above): left short, placed by the sums
        values_of[key] = _row_of(dict(zip(columns, values)), width, tokens[next(i for i, k in labels if k == key)])
    return list(with_subtotal)


def _row_of(placed: dict[int, Token], width: int, first: Token) -> list[Token]:
    """A row of `width` cells: the values `placed` by column, each blank cell an empty token right
    after the value before it (`first` before the first), on its line: the row's order by lines stays."""
    row, before = [], first
    for column in range(width):
        before = placed.get(column) or Token(EMPTY, "", before.end, before.end, before.line)
        row.append(before)
    return row


_CELL_MARKS = re.compile(r"(\n*)(\t?)")


def _marks(gap: str) -> Optional[int]:
    """The cell marks catdoc wrote as `gap` (a pair as a line break, then a single one as a tab),
    None if the gap holds anything else."""
    match = _CELL_MARKS.fullmatch(gap)
    return None if match is None else 2 * len(match.group(1)) + len(match.group(2))


def t4_by_cell_marks(text: str, table: list[Token], values: list[Token], width: int) -> Optional[list[Token]]:
    """表四's one row of values printed fewer than its `width` cells by catdoc (Word 97 to text),
    which writes every cell's end mark, a pair of marks (a blank cell's, the row's end) as a line
    break and a single one as a tab: "审结\\t总计\\n\\t1\\n3\\t4…" (the header's 总计 ends its row, so
    1 is the second cell, 3 the fourth). Each value's cell counted from the header's last 总计, the
    row's width confirmed by the marks after its last value (a blank cell each, then the row's
    end); None unless both ends count out and every gap is marks only."""
    if not values or len(values) >= width or any(t.kind == TEXT for t in values):
        return None
    at = table.index(values[0]) if values[0] in table else -1
    header = [t for t in table[:at] if t.kind == TEXT] if at > 0 else []
    if not header or text[header[-1].end - 3:header[-1].end] != "\t总计":
        return None  # (the header's last cell, after a cell mark)
    lead = _marks(text[header[-1].end:values[0].start])
    if lead is None or lead < 2:
        return None
    columns = [lead - 2]  # (总计's own mark and its row's end, then a mark for each blank cell)
    for before, token in zip(values, values[1:]):
        step = _marks(text[before.end:token.start])
        if not step:
            return None
        columns.append(columns[-1] + step)
    blanks_after = width - 1 - columns[-1]
    if blanks_after < 0:
        return None
    trail = _CELL_MARKS.match(text, values[-1].end)  # (always matches: both groups may be empty)
    assert trail is not None
    lines_after, tab_after = len(trail.group(1)), trail.group(2)
    if tab_after:
        if 2 * lines_after + 1 != blanks_after + 2:
            return None
    elif blanks_after % 2 or (blanks_after + 2) // 2 > lines_after:
        return None  # (an empty paragraph after the table adds line breaks, never a tab)
    return _row_of(dict(zip(columns, values)), width, values[0])


def t4_by_pipe_fields(text: str, table: list[Token], values: list[Token], width: int) -> Optional[list[Token]]:
    """表四's one row of values printed fewer than its `width` cells by antiword (Word 97 to text),
    which prints a row's cells each followed by "|" and glues the row to the header's last line:
    "审结 |总计 | |19 | | |3 |22 | | |5 | |5 | | | | | | |" (a blank cell a field of its own, 19 the
    first cell, 3 the fourth). Read when the fields after the header's 总计 are an empty one, then
    exactly `width` cells, then an empty one before the last "|", every value alone in its field;
    else None."""
    if not values or len(values) >= width or len({t.line for t in values}) != 1:
        return None
    start = text.rfind("\n", 0, values[0].start) + 1
    end = text.find("\n", values[-1].end)
    end = len(text) if end < 0 else end
    head = text.rfind("总计", start, values[0].start)
    if head < 0:
        return None
    after = text.find("|", head, values[0].start)
    last = text.rfind("|", values[-1].end, end)
    if after < 0 or last < 0 or text[head + 2:after].strip():
        return None  # (总计 must be the header's last cell, its field closed before the values)
    bounds = [after] + [i for i in range(after + 1, last + 1) if text[i] == "|"]
    fields = list(zip(bounds, bounds[1:]))  # (the span between two bars: a field)
    if len(fields) != width + 2 or text[fields[0][0] + 1:fields[0][1]].strip() \
            or text[fields[-1][0] + 1:fields[-1][1]].strip():
        return None
    row: list[Token] = []
    pending = list(values)
    for left, right in fields[1:-1]:
        inside = text[left + 1:right].strip()
        if pending and left < pending[0].start < right:
            token = pending.pop(0)
            if inside != text[token.start:token.end].strip():
                return None  # (a field holding more than its value)
            row.append(token)
        elif inside:
            return None
        else:
            before = row[-1] if row else values[0]
            row.append(Token(EMPTY, "", before.end, before.end, before.line))
    return row if not pending else None
