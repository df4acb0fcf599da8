"""A grid row's values placed by its block's header: a cell's column is its position in the row.

In a pipe grid (Markdown from pandoc, mammoth or html2text; a Word or HTML table) one grid often
carries blocks of different widths (表二's blocks of three and two columns in one four-column
grid), so a row has more cells than its template columns. The block's header rows name the
columns: the cells under a heading are the row's values, a blank among them keeps its place, and
a cell under no heading (a padding cell, a split label column) is layout.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Optional

from core.readers.document import Line
from core.parse.tokens import EMPTY, NA, NUM, PLACEHOLDER_MARKS, Token, blank_artefacts

_LOOK_BACK = 40  # lines of one table block, at most, between a row and its header
_DELIMITER_CHARS = set("-:= ")  # a Markdown delimiter row ("|---|:--:|") names no column


def _cell_index(line: Line, offset: int) -> int:
    return bisect_right([cell.start for cell in line.cells], offset) - 1


@lru_cache(maxsize=4096)  # (every row looks at the lines above it again: their cells recur)
def _named(cell_text: str) -> Optional[bool]:
    """True for a heading, False for a value, None for an empty or delimiter cell."""
    text = blank_artefacts(cell_text).strip()  # "<span style=\"font-size:12px\">信息内容</span>"
    if not text or set(text) <= _DELIMITER_CHARS:
        return None
    # (a placeholder is a value: a row of 「\-」 cells beside its label is no header)
    return not any(ch.isdigit() for ch in text) and text not in PLACEHOLDER_MARKS


def header_columns(lines: list[Line], row: int, label_cell: int) -> Optional[list[int]]:
    """Positions after the label cell that the header rows above ``row`` name, or None.

    Walking up from the row: lines of the same grid (grid lines of as many cells) holding values
    are rows of the block; the run of lines above them holding none is the header, its named
    positions the union of its rows'. A line of the block with nothing after the label (a block
    title, a row of blanks) between the row and the header ends the search: the header may be the
    previous block's."""
    width = len(lines[row].cells)
    columns: set[int] = set()
    for index in range(row - 1, max(-1, row - 1 - _LOOK_BACK), -1):
        line = lines[index]
        if not line.grid or len(line.cells) != width:
            break
        kinds = [_named(cell.text) for cell in line.cells[label_cell + 1:]]
        if False in kinds:  # a row of values
            if columns:
                break
            continue
        if True not in kinds:
            if columns:
                continue  # a delimiter row or an empty title above or inside the header
            return None
        columns.update(label_cell + 1 + i for i, named in enumerate(kinds) if named)
    return sorted(columns) or None


def by_header(lines: list[Line], label: Token, values: list[Token], width: int) -> Optional[list[Token]]:
    """The row's ``width`` values under its block's headings, when the row is one grid line
    whose other cells are all empty and each heading has exactly one value; else None."""
    line = lines[label.line]
    if not line.grid or any(t.line != label.line for t in values):
        return None
    label_cell = _cell_index(line, label.start)
    columns = header_columns(lines, label.line, label_cell)
    if columns is None or len(columns) != width:
        return None
    at: dict[int, list[Token]] = {}
    for token in values:
        at.setdefault(_cell_index(line, token.start), []).append(token)
    if any(len(at.get(c, ())) != 1 for c in columns):
        return None
    if any(c not in columns and any(t.kind != EMPTY for t in tokens) for c, tokens in at.items()):
        return None  # a printed value under no heading: not this reading
    placed = [at[c][0] for c in columns]
    return placed if all(t.kind in (NUM, NA, EMPTY) for t in placed) else None


def header_padding(lines: list[Line], row: int) -> int:
    """How many empty cells end the header line above grid row ``row`` (the nearest line of as many
    cells naming a column after its first cell, over rows of values or of blanks): columns right
    of the table's last, as a spreadsheet's sheet pads a narrow table's rows to the width of a
    wider one (h28 wps-html: 表二's rows of 4 cells padded to 表四's 15). 0 when none is found."""
    width = len(lines[row].cells)
    for index in range(row - 1, max(-1, row - 1 - _LOOK_BACK), -1):
        line = lines[index]
        if not line.grid or len(line.cells) != width:
            return 0
        kinds = [_named(cell.text) for cell in line.cells[1:]]
        if True in kinds and False not in kinds:
            return next((i for i, kind in enumerate(reversed(kinds)) if kind is not None), 0)
    return 0
