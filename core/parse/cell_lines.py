"""Tables printed one cell per line, their blank cells told by the empty lines they leave.

Converters that print a table one cell per line differ in what lies between two cells and what a
blank cell leaves: LibreOffice's text of a web page puts nothing between cells and a line holding
a no-break space for a blank one; lynx puts one empty line between cells and one more for a blank
one; mammoth one between cells and two more for a blank one (stream.py reads that shape without
learning it). Here the empty lines between two cells are learned from the table's own full rows
(rows printing every column, each value alone on its line), and a row printing fewer values is
completed when exactly one count of empty lines per blank cell (one or two) makes it the
template's width.
"""
from __future__ import annotations

from typing import Callable, Optional

from core.readers.document import Line
from core.parse.tokens import EMPTY, Token

_LINES_PER_BLANK = (1, 2)


def _empty(line: Line) -> bool:
    """An empty line, or one holding only "?": LibreOffice writes a blank cell's no-break space
    as "?" in GBK, which cannot encode it."""
    if line.grid:
        return False
    for cell in line.cells:  # (a loop, not all() over a generator: asked of lines by the hundred)
        text = cell.text.strip()
        if text and text != "?":
            return False
    return True


def alone_on_line(line: Line, token: Token) -> bool:
    """Whether a value is all its line prints (one cell, no grid)."""
    return len(line.cells) == 1 and not line.grid and len(line.cells[0].text.strip()) <= token.end - token.start + 1


def _gaps(lines: list[Line], printed: list[int]) -> Optional[list[int]]:
    """The number of empty lines between consecutive printed lines; None if a gap holds text."""
    out = []
    for after, before in zip(printed, printed[1:]):
        if before <= after or not all(_empty(lines[i]) for i in range(after + 1, before)):
            return None
        out.append(before - after - 1)
    return out


def separator_lines(rows: list[tuple[int, list[Token], int]], lines: list[Line]) -> Optional[int]:
    """The empty lines a table puts between two cells, learned from its rows that print all
    their values one per line: (label line, values, width) each. None unless they all agree."""
    seen = set()
    for label_line, values, width in rows:
        if len(values) != width or len({t.line for t in values}) != width \
                or not all(alone_on_line(lines[t.line], t) for t in values):
            continue
        gaps = _gaps(lines, [label_line] + [t.line for t in values])
        if gaps is None:
            return None
        seen.update(gaps)
    return seen.pop() if len(seen) == 1 else None


def next_printed(lines: list[Line], index: int) -> int:
    index += 1
    while index < len(lines) and _empty(lines[index]):
        index += 1
    return index


def with_learned_gaps(lines: list[Line], label_line: int, values: list[Token], width: int,
                      separator: Callable[[], Optional[int]],
                      choose: Optional[Callable[[list[list[Token]]], Optional[list[Token]]]] = None
                      ) -> Optional[list[Token]]:
    """A row's values with the blank cells its gaps stand for, `separator()` empty lines lying
    between any two cells; None unless exactly one count of lines per blank cell fits. The gap
    after the last value may hold more empty lines than the row's last blank cells need (a row
    or a table ends there, merged cells leave lines): the row's width says how many are cells.
    The separator is asked for (learning it reads the table's full rows) only when some count of
    empty lines between cells could fit the row's gaps. `choose`: given the rows every fitting
    count makes when more than one fits, the one to read (None: none is sure)."""
    if len(values) >= width:
        return None
    following = next_printed(lines, values[-1].line if values else label_line)
    if following - label_line - 1 < width:
        return None  # (every cell takes a line at least: no separator fits fewer)
    if len({t.line for t in values}) != len(values) or not all(alone_on_line(lines[t.line], t) for t in values):
        return None
    printed = [label_line] + [t.line for t in values]
    gaps = _gaps(lines, printed)
    if gaps is None:
        return None
    printed.append(following)
    gaps.append(following - printed[-2] - 1)  # (empty lines all, as next_printed passed them)
    blank = width - len(values)
    if not any(_blanks_fitting(gaps, blank, between) for between in range(min(gaps) + 1)):
        return None
    between = separator()
    fits = _blanks_fitting(gaps, blank, between) if between is not None else []
    if len(fits) == 1:
        return _placed(lines, printed, values, fits[0])
    if len(fits) > 1 and choose is not None:
        return choose([_placed(lines, printed, values, fit) for fit in fits])
    return None


def _placed(lines: list[Line], printed: list[int], values: list[Token], fit: list[int]) -> list[Token]:
    """The row's values with `fit`'s blank cells before each (and after the last)."""
    out: list[Token] = []
    for n, (after, count) in enumerate(zip(printed, fit)):
        spot = lines[after + 1].cells[0].start if lines[after + 1].cells else values[0].start
        out.extend(Token(EMPTY, "", spot, spot, after + 1) for _ in range(count))
        if n < len(values):
            out.append(values[n])
    return out


def _blanks_fitting(gaps: list[int], blank: int, separator: int) -> list[list[int]]:
    """The blank cells in each gap, `separator` empty lines lying between any two cells, for each
    count of lines per blank cell that makes them `blank` in all: each gap but the last holds a
    whole number of blank cells, and the last gap at least the rest."""
    out = []
    for per_blank in _LINES_PER_BLANK:
        if any(gap < separator or (gap - separator) % per_blank for gap in gaps[:-1]) or gaps[-1] < separator:
            continue
        blanks = [(gap - separator) // per_blank for gap in gaps[:-1]]
        last = blank - sum(blanks)
        if last < 0 or separator + last * per_blank > gaps[-1]:
            continue
        out.append(blanks + [last])
    return out


def header_separator(header_lines: list[int], lines: list[Line]) -> Optional[int]:
    """The empty lines between two cells, learned from a header printed one name per line (表四's,
    which has no full row of values to learn from): the gap most of its consecutive names leave
    (merged header cells leave wider ones). None without such a majority."""
    printed = sorted(set(header_lines))
    gaps = _gaps(lines, printed) if len(printed) >= 4 else None
    if not gaps:
        return None
    common = max(set(gaps), key=gaps.count)
    return common if 2 * gaps.count(common) > len(gaps) else None
