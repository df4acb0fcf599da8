"""The one misprinted cell of a glued 表三 row that no cut makes add up.

Such a row (its flag's cause core.model.GLUED_NO_CUT) holds a misprint, or was misread. The other rows
and the column sums (T3-1, T3-2) give each of its cells a value; written out in the columns'
order, those values are the row's run of digits as it should have been printed. When the printed
run differs from them by one slip of the hand (core.equations.is_digit_slip: ±1, a digit
dropped, added or two swapped; or one digit changed) in one cell, or by the 总计 alone (a total
that does not add up), and every other cell matches the digits in order, that cell is the
misprint and its value is the one the sums give. When two cells fit, there is no suggestion.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from core.equations import equations, expected_by_columns, is_digit_slip
from core.model import Number, Report, Suggestion
from core.parse.glued_tables import _glued_runs, _table_start, glued_text
from core.template import tables

def glued_row_suggestion(report: Report, row_key: str, runs: Optional[dict[str, str]] = None,
                         values: Optional[dict[str, Optional[Number]]] = None) -> Optional[Suggestion]:
    """The cell of 表三's row `row_key` (a glued row no cut adds up) whose misprint explains its
    printed digits, with the value the column sums give it; None unless exactly one cell does.
    `runs` is the report's glued_runs and `values` column_values(report, runs) (each worked out
    here when not given: a caller asking for several rows of one report finds them once)."""
    if runs is None:
        runs = glued_runs(report)
    if row_key not in runs:
        return None
    paths = tables(report.template)["section3"].row_paths(row_key)
    if values is None:
        values = column_values(report, runs)
    # (a cell the parser filled in from the sums may have followed this row's misreading: the
    # printed digits, which such values must match in all cells but one, are the check)
    expected = expected_by_columns(paths, _column_sums(report.template), values, agreeing=True)
    if expected is None or any(v < 0 or v != int(v) for v in expected):
        return None
    expected = [int(v) for v in expected]
    if sum(expected[:-1]) != expected[-1]:
        return None  # the other rows do not add up either: the sums say nothing of this row
    digits = _NOT_DIGIT.sub("", runs[row_key])
    if not digits:
        return None
    fits = {n for n in range(len(expected)) if _fits_with_slip_in(digits, expected, n)}
    if len(fits) != 1:
        return None
    n = fits.pop()
    return Suggestion(paths[n], expected[n])


@lru_cache(maxsize=4)
def _column_sums(version: str) -> tuple:
    """表三's column sums (T3-1, T3-2), the only equations that give a cell of a row its value."""
    return tuple(e for e in equations(version) if e.kind == "column" and e.rule.startswith("T3"))


def glued_runs(report: Report) -> dict[str, str]:
    """Each 表三 row's run of glued values as printed, by row key."""
    table = tables(report.template)["section3"]
    span = report.section_spans.get(3) or _table_start(report.text)
    if not span:
        return {}
    text = glued_text(report.text[span[0]:span[1]])[0]  # (as the parser read the runs)
    return {key: text[start:end] for key, (start, end) in _glued_runs(text, table).items()}


def column_values(report: Report, runs: dict[str, str]) -> dict[str, Optional[Number]]:
    """Each cell's value as the column sums take it: 0 in the rows printing nothing
    (_printed_nothing), else its arithmetic (None: unknown)."""
    values = {p: value if (value := cell.value) is not None else cell.arithmetic for p, cell in report.cells.items()}
    values.update(dict.fromkeys(_printed_nothing(report, runs), 0))
    return values


def _printed_nothing(report: Report, runs: dict[str, str]) -> set[str]:
    """The cells of rows that printed no digit between their label and the next one (runs:
    glued_runs): rows of blanks or placeholders, 0 each whatever the parser made of them."""
    table = tables(report.template)["section3"]
    return {f"section3.{row.key}.{c.key}" for row in table.rows if row.key in runs and not _DIGIT.search(runs[row.key])
            for c in row.columns}


_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D")


def _written(value: int) -> tuple[str, ...]:
    """How a cell holding `value` may print: a 0 as 0, or as nothing (a blank or a placeholder)."""
    return ("0", "") if value == 0 else (str(value),)


def _slips(value: int, last: bool, rest: str) -> set[str]:
    """The printed forms of `value` one slip of the hand away (rest: the digits left, for the 总计
    at the end of the row, which may print any other number: a total that does not add up)."""
    out: set[str] = set()
    if last:
        if rest and (rest == "0" or not rest.startswith("0")) and rest != str(value):
            out.add(rest)
        return out
    text = str(value)
    for n in range(len(text)):  # one digit changed (a 0 is one key: it becomes, or comes from, 1 only)
        for d in "0123456789":
            changed = text[:n] + d + text[n + 1:]
            if changed != text and changed[0] != "0" and value != 0:
                out.add(changed)
    for n in range(len(text) + 1):  # one digit added
        for d in "0123456789":
            added = text[:n] + d + text[n:]
            if added[0] != "0" and is_digit_slip(int(added), value):
                out.add(added)
    for candidate in (value - 1, value + 1):
        if candidate >= 0:
            out.add(str(candidate))
    for n in range(len(text)):  # one dropped
        dropped = text[:n] + text[n + 1:]
        if dropped and (dropped == "0" or dropped[0] != "0"):
            out.add(dropped)
    for n in range(len(text) - 1):  # two swapped
        swapped = text[:n] + text[n + 1] + text[n] + text[n + 2:]
        if swapped != text and swapped[0] != "0":
            out.add(swapped)
    out.discard(text)
    if "0" in out:
        out.add("")  # a misprinted 0 may print as nothing too
    return out


def _fits_with_slip_in(digits: str, expected: list[int], slipped: int) -> bool:
    """Whether `digits` reads as the expected cells in order, cell `slipped` printed one slip off."""
    last = len(expected) - 1

    def walk(index: int, position: int) -> bool:
        if index > last:
            return position == len(digits)
        rest = digits[position:]
        if index == slipped:
            forms: Iterable[str] = _slips(expected[index], index == last, rest)
        else:
            forms = _written(expected[index])
        return any(rest.startswith(form) and walk(index + 1, position + len(form)) for form in forms)

    return walk(0, 0)
