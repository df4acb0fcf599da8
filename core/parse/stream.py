"""Tables that a converter flattened into a stream of paragraphs, one cell after another.

Word-to-text converters (mammoth's raw text, for one) write every paragraph followed by an empty
line, and a table cell is a paragraph: a row becomes its label, then one value per line. An empty
cell is an empty paragraph, which leaves two more empty lines. So the empty lines between two
printed cells count the blank cells between them — the geometry the template fixes (each row's
column count) is still there, in the gaps. A row is read from its gaps only when every gap has
that shape and the count comes out at exactly the template's width; otherwise the caller keeps
its own reading.
"""
from __future__ import annotations

from typing import Optional

from core.readers.document import Line
from core.parse.tokens import EMPTY, TEXT, Token
from core.template import Table


def _is_empty(line: Line) -> bool:
    return not line.grid and all(not cell.text.strip() for cell in line.cells)


def _alone_on_line(line: Line, token: Token) -> bool:
    return len(line.cells) == 1 and not line.grid and len(line.cells[0].text.strip()) <= token.end - token.start + 1


def _blanks_in_gap(lines: list[Line], after: int, before: int) -> Optional[list[Token]]:
    """Blank cells between printed line `after` and printed line `before`: each paragraph ends
    with one empty line, each empty cell adds two. None if the gap has another shape."""
    gap = range(after + 1, before)
    if not all(_is_empty(lines[i]) for i in gap) or len(gap) % 2 == 0:
        return None
    return [Token(EMPTY, "", lines[i].cells[0].start if lines[i].cells else 0,
                  lines[i].cells[0].start if lines[i].cells else 0, i) for i in list(gap)[1::2]]


def _next_printed(lines: list[Line], index: int) -> int:
    index += 1
    while index < len(lines) and _is_empty(lines[index]):
        index += 1
    return index


def with_blank_paragraphs(lines: list[Line], label_line: int, values: list[Token], width: int) -> Optional[list[Token]]:
    """A row's values with the blank cells its paragraph gaps stand for; None unless that gives
    exactly `width` cells. `label_line` is the last line of the row's label (or header)."""
    if len(values) >= width or not all(_alone_on_line(lines[t.line], t) for t in values):
        return None
    if len({t.line for t in values}) != len(values):
        return None  # two values on one line: not one cell per paragraph
    printed = [label_line] + [t.line for t in values]
    printed.append(_next_printed(lines, printed[-1]))
    out: list[Token] = []
    for n, (after, before) in enumerate(zip(printed, printed[1:])):
        blanks = _blanks_in_gap(lines, after, before)
        if blanks is None:
            return None
        out.extend(blanks)
        if n < len(values):
            out.append(values[n])
    return out if len(out) == width else None


def fill_paragraph_gaps(table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                        values_of: dict[str, list[Token]], lines: list[Line]) -> None:
    """Rows printing fewer values than the template's columns, completed from their gaps."""
    bounds = [i for i, _ in labels] + [len(tokens)]
    for n, (index, key) in enumerate(labels):
        values = values_of.get(key)
        width = len(table.row(key).columns)
        if values is None or len(values) >= width:
            continue
        span = tokens[index:bounds[n + 1]]
        label_line = max(t.line for t in span[:span.index(values[0])] if t.kind == TEXT) if values \
            else span[0].line
        completed = with_blank_paragraphs(lines, label_line, values, width)
        if completed is not None:
            values_of[key] = completed


def t4_with_blank_paragraphs(tokens: list[Token], values: list[Token], width: int, lines: list[Line]) -> list[Token]:
    """表四's one row of values completed from its gaps (see fill_paragraph_gaps); as given if
    the gaps do not say."""
    if not tokens or len(values) >= width:
        return values
    header = [t.line for t in tokens if t.kind == TEXT and (not values or t.start < values[0].start)]
    if not header:
        return values
    return with_blank_paragraphs(lines, max(header), values, width) or values
