"""表三 rows of 0s in a later box of a split table (w3m) drawn a column wider than the header's box.

w3m draws each box of a split table as wide as its own widest row. A later box printing no header
of its own that draws one cell more right of its rows' labels than the table has columns holds a
row that printed 8 cells: a stray empty cell after its 总计, or a 法人或其他组织 subtotal after
自然人 with its 总计 in the eighth cell (TEMPLATE.md "rows printing 6 or 8 values"). Which row
it is, the box does not show when no row prints anything in that eighth cell. The box's positions
read every row with its cells in the first seven; a row printing only 0s, placeholders and blanks
adds up in both readings, and which of its cells are 0 and which blank no sum tells: such a row is
in doubt where the subtotal reading puts a 0 in a column the box reads no 0 in.
"""
from __future__ import annotations

from typing import Mapping, Optional

from core.parse.row_sums import tokens_add_up
from core.parse.ruled import cells_past_last, cells_right_of, own_box_header
from core.parse.subtotal_rows import zero_only_with_subtotal, zeros_of_an_untold_row
from core.parse.tokens import NUM, Token

ZEROS_IN_A_WIDER_PART = zeros_of_an_untold_row("表格分成几段，本行所在一段在「总计」之后", "段内")

_DIGITS = frozenset("123456789１２３４５６７８９")


def wider_part_rows(text: str, table_start: int, labels: Mapping[str, Token], widths: Mapping[str, int]
                    ) -> dict[int, list[str]]:
    """The rows (by key, `labels` their label tokens) lying in a later box of a split table, one
    printing no header of its own, whose lines draw exactly one cell more right of their labels than
    their columns: the box's top-left corner -> its rows (the caller asks that the table's first box
    draws no column after 总计)."""
    parts: dict[int, list[str]] = {}
    starts = {key: token.start for key, token in labels.items()}
    for key, label in labels.items():
        top = text.rfind("┌", table_start, label.start)
        if top < 0 or cells_right_of(text, label) != widths[key] + 1 \
                or own_box_header(text, label.start, starts, table_start) is not None:
            continue
        parts.setdefault(top, []).append(key)
    return parts


def zero_rows_in_doubt(text: str, parts: dict[int, list[str]], labels: Mapping[str, Token],
                       values_of: Mapping[str, Optional[list[Token]]], widths: Mapping[str, int],
                       flagged: set[str]) -> dict[str, list[int]]:
    """The rows of 0s of each wider part (wider_part_rows) whose subtotal reading puts a 0 in a
    column the box reads none in, with those columns. A part is left alone where a row printing a
    count fails its sum as the box reads it (that row may be the one of 8 cells: the sums weigh
    it) or where no row of it leaves its eighth cell empty alike (a row printing something there
    is the one; _zero_rows_printing_past_last's case in a box drawn so from the header)."""
    doubtful: dict[str, list[int]] = {}
    for keys in parts.values():
        cells_of: dict[str, Optional[list[str]]] = {
            key: cells_past_last(text, labels[key], widths[key], 1, padded=True) for key in keys}
        if any(cells is None for cells in cells_of.values()):
            continue  # (a row printing something past its last column: that row is told)
        if not all(tokens_add_up(values) for key in keys if (values := values_of.get(key))
                   and len(values) == widths[key] and any(t.kind == NUM and t.value for t in values)):
            continue
        for key in keys:
            cells = cells_of[key]
            if key in flagged or cells is None or any(ch in _DIGITS for cell in cells for ch in cell):
                continue
            zero = [any(ch in "0０" for ch in cell) for cell in cells]
            if columns := zero_only_with_subtotal(zero[:-1], zero):  # (as the box reads it: the last a stray one)
                doubtful[key] = columns
    return doubtful
