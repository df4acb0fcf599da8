"""Values printed before their own row's label, read into the row above them.

A PDF text extraction (pdfplumber) prints a row's values on the line where they sit on the
page; when the row's label wraps over two lines the values sit between them, and a tool that
reads the page line by line may print them above the label's first line. The row above then
carries two rows' worth of values and the row itself none: the second run goes down to it.
"""
from __future__ import annotations

from core.model import Flag, Report
from core.parse.columns import token_number
from core.parse.tokens import Token
from core.template import Table


def _adds_up(values: list[Token]) -> bool:
    numbers = [token_number(t) for t in values]
    return None not in numbers and abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9


def give_early_values_down(table: Table, values_of: dict[str, list[Token]], label_line: dict[str, int],
                           report: Report) -> None:
    """Where a row holds more than a row's worth of values and the next row found holds none,
    the values printed on the lines after the row's first line of values, above the next row's
    label, are that row's: exactly a row's worth each when the row holds two, else the lines
    split them (a blank cell leaves no trace, so either may be short)."""
    keys = [row.key for row in table.rows if row.key in values_of and row.key in label_line]
    for above, below in zip(keys, keys[1:]):
        values, width = values_of[above], len(table.row(above).columns)
        if values_of[below] or width != len(table.row(below).columns) or len(values) <= width:
            continue
        kept = values[:width] if len(values) == 2 * width else [t for t in values if t.line == values[0].line]
        moved = values[len(kept):]
        if not moved or len(kept) > width or len(moved) > width \
                or not all(max(label_line[above], kept[-1].line) < t.line < label_line[below] for t in moved):
            continue
        values_of[above], values_of[below] = kept, moved
        if not (len(kept) == len(moved) == width and _adds_up(kept) and _adds_up(moved)):
            report.flags.append(Flag(f"{table.section}.{below}", "inferred",
                                     f"「{table.row(below).label}」行的数值印在行标签之前，已按位置归入该行，请核对"))
