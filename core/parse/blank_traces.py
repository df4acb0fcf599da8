"""表三 printed one cell a paragraph where only some blank cells leave an empty line: each such
line is a blank cell at least, a blank cell leaving none is not seen.

lynx dumps a web editor's table (UEditor, KindEditor) one cell a paragraph, an empty line between
two cells. A blank cell the editor saved as 「<br/>」 adds an empty line where it stands; one saved
as 「&nbsp;」 adds none. A row printing fewer values than its columns, with the empty lines of some
of its blank cells, is completed neither by counting its gaps (cell_lines.py, stream.py: every
blank cell must leave its lines) nor by its own sum. But its gaps still bound where its values
stand: a value after k more empty lines than the table puts between two cells has k blank cells
or more before it. The table's equations, weighed over only the placements keeping every row's
bounds (t3_placement.traced_placement), then often leave one reading where they left several.
"""
from __future__ import annotations

from typing import Optional

from core.model import known
from core.readers.document import Line
from core.parse.cell_lines import alone_on_line
from core.parse.columns import token_number
from core.parse.lost import empty_line
from core.parse.tokens import NA, NUM, TEXT, Token


# lines at most from a row's label to its first value one cell a paragraph: a label wrapped over a
# few lines, an empty line, and the blank cells of a row of 7 (the fewest lines a cell leaves, less
# than these in every zoo page), so that no other shape has its text walked
_LABEL_TO_VALUE = 24


def _gaps(lines: list[Line], printed: list[int]) -> Optional[list[int]]:
    """The empty lines between consecutive printed lines; None if one holds text or two share a line."""
    out = []
    for after, before in zip(printed, printed[1:]):
        if before <= after:
            return None
        for i in range(after + 1, before):  # (a loop, not all() over a generator)
            if not empty_line(lines[i]):
                return None
        out.append(before - after - 1)
    return out


def blank_traces(tokens: list[Token], labels: list[tuple[int, str]], values_of: dict[str, list[Token]],
                 lines: list[Line], widths: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """表三's rows printing fewer values than their columns, each with the blank cells at least
    that lie before each of its values (after its label, or after the value before it), as the
    empty lines tell: row -> one count a value. Only for a table every short row of which prints its
    values one a paragraph (each alone on its line, nothing but empty lines from its label on)
    and some row a value right after another (one empty line: the table's own spacing); empty
    when no short row's gaps hold more. Each empty line past that spacing is a blank cell, or
    every second one where no gap holds an odd count of them (a blank cell of two lines, as
    mammoth prints one: the fewer cells are read, which either shape has at least)."""
    # (first, from line numbers alone: some short row's values lie more than a line and its empty
    # line apart, or its first value so far from its label; most tables print none so)
    for index, key in labels:
        values = values_of.get(key)
        if values and len(values) < widths[key]:
            line = tokens[index].line
            for token in values:
                if token.line - line > 2:
                    break
                line = token.line
            else:
                continue
            break
    else:
        return {}
    bounds = [i for i, _ in labels] + [len(tokens)]
    gaps_of: dict[str, list[int]] = {}
    for n, (index, key) in enumerate(labels):
        values = values_of.get(key)
        if not values or len(values) >= widths[key]:
            continue  # (a row printing every cell, or completed from its gaps, needs no bound)
        # (a placeholder mark is a printed cell as a count is; not a lost character 「\ufffd」, what
        # is left of any text lynx printed in a page's wrong charset: a cell or the words after it)
        if any(t.kind not in (NUM, NA) or t.text == "\ufffd" or not alone_on_line(lines[t.line], t) for t in values):
            return {}
        # the row's label (its words, wrapped or not) and then its first value, nothing between
        # (a walk over the label's words only: no other shape is read, nor its span walked)
        if values[0].line - tokens[index].line > _LABEL_TO_VALUE:
            return {}
        at, end = index + 1, bounds[n + 1]
        while at < end and tokens[at] is not values[0] and tokens[at].kind == TEXT:
            at += 1
        if at >= end or tokens[at] is not values[0]:
            return {}
        gaps = _gaps(lines, [tokens[at - 1].line] + [t.line for t in values])
        if gaps is None:
            return {}
        gaps_of[key] = gaps
    every = [gap for gaps in gaps_of.values() for gap in gaps]
    if not every or min(every) != 1:
        return {}  # (not one cell a paragraph with one empty line between: another shape)
    extra = [gap - 1 for gap in every]
    per_blank = 1 if any(e % 2 for e in extra) else 2
    out: dict[str, tuple[int, ...]] = {}
    for key, gaps in gaps_of.items():
        if len(values_of[key]) < widths[key] and any(gap > 1 for gap in gaps):
            out[key] = tuple((gap - 1) // per_blank for gap in gaps)
    return out


def subtotal_of_wider_row(values: list[Token], blanks: tuple[int, ...], width: int) -> Optional[int]:
    """The index of the value a row printed as a 法人或其他组织 subtotal (TEMPLATE.md: some tools
    invent one), where the blank cells its gaps bound (`blanks`, blank_traces) and its values need
    more columns than the row's `width`: it printed a cell more, the subtotal second, after 自然人
    (printed or blank). That value is the sum of the parts after it but the last, and with 自然人
    the last, its 总计; None unless exactly one value is so, past no more blank cells than that
    layout leaves it."""
    if sum(blanks) + len(values) != width + 1 or len(values) < 3:
        return None  # (the row fits its columns, or it needs more than one cell more)
    numbers = [token_number(t) for t in values]
    if not known(numbers) or not any(numbers):
        return None
    found = []
    # (the subtotal first, after a blank 自然人 at most; or second, after 自然人 printed, no blank between)
    if blanks[0] <= 1 and numbers[0] == numbers[-1] == sum(numbers[1:-1]):
        found.append(0)
    if blanks[0] == blanks[1] == 0 and numbers[0] + numbers[1] == numbers[-1] and numbers[1] == sum(numbers[2:-1]):
        found.append(1)
    return found[0] if len(found) == 1 else None


def without_subtotal_trace(blanks: tuple[int, ...], index: int) -> tuple[int, ...]:
    """A row's blank cells bounded before each value (blank_traces), its value at `index` (a
    subtotal no column holds) left out: the blank cells before it lie before the value after it."""
    return blanks[:index] + (blanks[index] + blanks[index + 1],) + blanks[index + 2:]
