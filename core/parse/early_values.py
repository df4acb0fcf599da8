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
    """Where a row holds exactly two rows' worth of values and the next row found holds none,
    the second run, printed on lines above the next row's label, is that row's."""
    keys = [row.key for row in table.rows if row.key in values_of and row.key in label_line]
    for above, below in zip(keys, keys[1:]):
        values, width = values_of[above], len(table.row(above).columns)
        if values_of[below] or width != len(table.row(below).columns) or len(values) != 2 * width:
            continue
        moved = values[width:]
        if not all(label_line[above] < t.line < label_line[below] for t in moved):
            continue
        values_of[above], values_of[below] = values[:width], moved
        if not (_adds_up(values[:width]) and _adds_up(moved)):
            report.flags.append(Flag(f"{table.section}.{below}", "inferred",
                                     f"「{table.row(below).label}」行的数值印在行标签之前，已按位置归入该行，请核对"))
