"""表三 rows read whole that may hold a neighbour's values.

Where blank cells leave no trace (plain pdftotext prints a table block by block, one value a
paragraph), a row's span can take the values a short row next to it printed after its label
(its last values, or its 总计 printed ahead of its parts), and end up with exactly as many values
as columns. Read whole, such a row looks sure, and its sum, failing, reads as a misprint in the
report. When a row that printed whole does not add up, and its first values added to the short
row above it (or its last ones to the short row below it) make that row add up, the text allows
that other reading: the row is flagged, and its failing sum is a doubt, not an error. A misprint
in a row that printed whole makes no neighbour add up but by chance, and stays an error.

Where a row's values go on past its label's line, on lines holding nothing but values, right
before the label of a row printing none (pdfplumber prints a row whose label wraps with its values
above the label's first line), the values may be either row's: the first read whole, or each its
own line's. When both readings add up (the rows of zeros and placeholders most tables are), the
text does not say which row holds them, and the row read whole is flagged.

Where （七）总计 prints no value though the results it sums print counts, its values are printed
somewhere: in a stream, after its label, where the next row's label follows it straight away
(「（七）总计」, 「四、结转下年度继续办理」, then the values of both). The next row, read whole from
them, is flagged: which of its values are the total's the order does not say.
"""
from __future__ import annotations

from typing import Optional, Sequence

from core.model import known
from core.parse.columns import token_number
from core.parse.row_sums import adds_up_without_blanks
from core.parse.tokens import Token


def _sums_up(values: list[Token]) -> bool:
    """Whether the values are a row's parts and its 总计, in any order: the largest, not 0, is
    the sum of the others."""
    numbers = [token_number(t) for t in values]
    if not numbers or not known(numbers):
        return False
    total = max(numbers)
    return total > 0 and abs(sum(numbers) - 2 * total) < 1e-9


def _in_printed_order(values: list[Token]) -> list[Token]:
    return sorted(values, key=lambda t: (t.line, t.start))


def neighbour_completed(full: list[Token], short: list[Token], width: int, above: bool) -> Optional[list[Token]]:
    """The fewest of `full`'s first values (`above`: the short row printed before it) or last
    values that make `short`, a row of `width` columns printing fewer values and not adding up
    alone, add up with them; None where none do."""
    if not any(token_number(t) for t in short) or len(short) >= width or _sums_up(short):
        return None
    for count in range(1, min(len(full), width - len(short) + 1)):
        moved = full[:count] if above else full[-count:]
        if _sums_up(short + moved):
            return moved
    return None


def spilled_rows(order: list[str], values_of: dict[str, list[Token]], widths: dict[str, int],
                 whole: set[str]) -> dict[str, tuple[str, list[Token]]]:
    """For each row of `whole` (read whole, as many values as columns) that does not add up, the
    neighbour in `order` (the rows' printed order) that its first or last values complete, and
    those values."""
    found: dict[str, tuple[str, list[Token]]] = {}
    for i, key in enumerate(order):
        if key not in whole:
            continue
        short = [(other, above) for other, above in ((order[i - 1] if i else None, True),
                                                     (order[i + 1] if i + 1 < len(order) else None, False))
                 if other is not None and other not in whole]
        values = values_of[key]
        if not short or _sums_up(values):  # (most tables: every row whole, nothing to weigh)
            continue
        for other, above in short:
            moved = neighbour_completed(_in_printed_order(values), values_of[other], widths[other], above)
            if moved:
                found[key] = (other, moved)
                break
    return found


def values_line_of_next_row(order: list[str], values_of: dict[str, list[Token]], widths: dict[str, int],
                            whole: set[str], label_line: dict[str, int], text_lines: set[int]) -> dict[str, tuple[str, list[Token]]]:
    """For each row of `whole` whose values run on from its label's line onto lines holding only
    values (no line in `text_lines`) that end right before the label of the next row in `order`,
    a row printing no value: that row and the values on those lines, where the values on the
    label's line and those lines each add up as a row printed without its blank cells (and the
    latter fit the next row): either row may hold them."""
    found: dict[str, tuple[str, list[Token]]] = {}
    for key, other in zip(order, order[1:]):
        if key not in whole or any(t.text for t in values_of.get(other) or ()):
            continue
        line, next_line = label_line[key], label_line[other]
        values = values_of[key]
        moved = [t for t in values if t.line != line]
        if not moved or len(moved) == len(values) or len(moved) > widths[other] \
                or any(not line < t.line < next_line for t in moved) \
                or any(i in text_lines for i in range(line + 1, next_line)):
            continue
        if adds_up_without_blanks([t for t in values if t.line == line]) and adds_up_without_blanks(moved):
            found[key] = (other, moved)
    return found


def after_an_unprinted_total(order: list[str], values_of: dict[str, list[Token]], whole: set[str],
                             parts: Sequence[str]) -> Optional[str]:
    """The row of `whole` right after the total row in `order` when that row printed no value and
    one of its `parts` (the rows it sums) a count other than 0; None otherwise."""
    if "total" not in order or order[-1] == "total" or any(t.text for t in values_of.get("total") or ()):
        return None
    after = order[order.index("total") + 1]
    if after not in whole or not any(token_number(t) for part in parts for t in values_of.get(part) or ()):
        return None
    return after
