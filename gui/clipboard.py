"""Copy and paste in Excel's tab-separated form, over the template grid. No Qt here.

Copy: the bounding rows and columns of the selected value cells, one line per row, fields
separated by tabs (unselected positions inside the rectangle are empty fields).
Paste: the text's rows and fields go to the value cells from the current cell on, rightwards and
downwards, skipping the template's read-only label cells and header rows.
"""
from __future__ import annotations

from typing import Callable

from gui.template_layout import Grid


def to_tsv(grid: Grid, selected: list[tuple[int, int]], text_of: Callable[[str], str]) -> str:
    """TSV of the value cells at ``selected`` (row, column) anchors; '' when none is a value."""
    cells = [grid.anchor(r, c) for r, c in selected]
    cells = [c for c in cells if c is not None and c.is_value]
    if not cells:
        return ""
    rows = sorted({c.row for c in cells})
    columns = sorted({c.column for c in cells})
    chosen = {(c.row, c.column): c for c in cells}
    lines = []
    for r in rows:
        fields = []
        for c in columns:
            cell = chosen.get((r, c))
            fields.append(_field(text_of(cell.path)) if cell else "")
        lines.append("\t".join(fields))
    return "\r\n".join(lines) + "\r\n"  # what Excel and WPS put on the clipboard


def _field(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of fields; a trailing line break (Excel adds one) does not make an empty row."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text.strip():
        return []
    return [[field.strip().strip('"') for field in line.split("\t")] for line in text.split("\n")]


def paste_targets(grid: Grid, row: int, column: int, data: list[list[str]]) -> list[tuple[str, str]]:
    """(path, text) for each pasted field, starting at the value cell at (row, column)."""
    value_rows = sorted({c.row for c in grid.value_cells() if c.row >= row})
    out = []
    for line, r in zip(data, value_rows):
        columns = sorted(c.column for c in grid.value_cells() if c.row == r and c.column >= column)
        for text, c in zip(line, columns):
            out.append((grid.anchor(r, c).path, text))
    return out
