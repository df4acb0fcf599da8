"""A row printed over several lines (its label wrapped, or a PDF's reading order): the order of its lines.

A PDF may print a wrapped row's values line by line in any order (pdfplumber prints a row's 总计 on
its label's first line). Only the line that comes last decides the row's sum, so each line is
tried as the last one, the others kept in printed order (line_orders): the row is taken in the
order under which its 总计 is the sum of its parts (lines_reordered), flagged where another order
all but adds up (order_doubtful) or where several do, their placeholders in other cells
(readings_undecided). Where no order adds up (a typo), or another than the printed one, the
order under which the table's equations hold best wins (better_line_order), scored exactly over
the sums compiled once a row (compiled_sums, order_score_exact) or, with a decimal, cell by cell
(order_score).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from core.equations import through
from core.model import Number, known, strict_sum
from core.parse.columns import token_number
from core.parse.memo import remember
from core.parse.row_sums import parts_add_up
from core.parse.sections import line_text
from core.parse.subtotal_rows import adds_up_as_eight
from core.parse.tokens import EMPTY, NUM, Token
from core.readers.document import Line


def lines_reordered(values: list[Token]) -> list[Token]:
    """A row's values, its printed lines taken in the order under which the last value (总计)
    is the sum of the others; when none (a typo), the order ending on the largest value; else
    the printed order.

    Only the line that comes last decides the sum, so each line is tried as the last one, the
    others kept in printed order (the first such order among all permutations of the lines,
    found without trying each of them: a row over eight lines has 40 320)."""
    numbers = list(map(token_number, values))
    if not known(numbers):
        return values
    total = sum(numbers)
    if abs(total - numbers[-1] - numbers[-1]) < 1e-9 and all(a.line <= b.line for a, b in zip(values, values[1:])):
        return list(values)  # printed line after line, adding up: the first order tried below, found at once
    printed = [t for t in values if t.kind != EMPTY]
    if len({t.line for t in printed}) == len(printed):
        # one value a line: a one-cell-per-line layout (a Word table saved as text, one cell a
        # paragraph), whose order is the cells' own even where another adds up (a row printing
        # 6 parts beside an empty 总计 column: its second part moved under 总计 would sum)
        return values
    last_of = {t.line: i for i, t in enumerate(values)}  # the value each line prints last: the order's last if it goes last
    lines = sorted(last_of)
    for last in reversed(lines):
        final = numbers[last_of[last]]
        if abs(total - final - final) < 1e-9:
            return _with_line_last(values, lines, last)
    # No order adds up (a typo): the 总计 is still at least each of its parts, so the order that
    # ends on the row's one largest value, if the printed order does not, where the row's lines
    # hold several values (a wrapped label's line printed its 总计; one value a line is a
    # one-cell-per-line layout, whose order is the cells' own; so are the blank cells read from its
    # empty lines, which share a line)
    largest = max(numbers)
    if numbers.count(largest) == 1 and largest > 0 and numbers[-1] != largest:
        return next((_with_line_last(values, lines, last) for last in reversed(lines)
                     if numbers[last_of[last]] == largest), values)
    return values


def eight_reordered(values: list[Token]) -> list[Token]:
    """A 表三 row printing 8 values over several lines (a 法人或其他组织 subtotal after 自然人,
    TEMPLATE.md): its lines taken in the one order under which it adds up as a row of 8 (the
    subtotal the sum of the five after it, 总计 自然人 plus the subtotal), where the printed order
    does not (pdfplumber prints a wrapped row's 总计 on its label's first line, before the rest);
    else the printed order (a typo: no order is sure)."""
    lines = len({t.line for t in values})
    if len(values) != 8 or not known(list(map(token_number, values))) or not 1 < lines < len(values):
        # (one value a line: a one-cell-per-line layout, whose order is the cells' own, as in
        # lines_reordered; its stray eighth may be a letter of a label printed down a column, 「无」)
        return values

    def adds_up(order: list[Token]) -> bool:
        n = [token_number(t) or 0 for t in order]  # (every one known: tested above)
        return adds_up_as_eight(n[0], n[1], strict_sum(n[2:7]), n[7])

    if adds_up(values):
        return values
    found = [order for order in line_orders(values)[1:] if adds_up(order)]
    return found[0] if len(found) == 1 else values


def line_orders(values: list[Token]) -> list[list[Token]]:
    """A row's values with each of its printed lines taken last, the others kept in printed
    order: the last line first (the printed order), then the one before, and so on."""
    lines = sorted({t.line for t in values})
    if len(lines) == 1:
        return [list(values)]
    by_line: dict[int, list[Token]] = {line: [] for line in lines}  # each line's values, in printed order
    for t in values:
        by_line[t.line].append(t)
    in_order = all(a.line <= b.line for a, b in zip(values, values[1:]))
    # (_with_line_last of each line, its values grouped once instead of once per order)
    return [list(values) if last == lines[-1] and in_order else
            [t for line in lines if line != last for t in by_line[line]] + by_line[last]
            for last in reversed(lines)]


def _with_line_last(values: list[Token], lines: list[int], last: int) -> list[Token]:
    """A row's values with its printed line `last` taken last, its other `lines` (sorted) in order."""
    if last == lines[-1] and all(a.line <= b.line for a, b in zip(values, values[1:])):
        return list(values)  # printed line after line, the last last: the printed order, as regrouped below
    return [t for line in lines if line != last for t in values if t.line == line] + \
        [t for t in values if t.line == last]


_HAS_TEXT = re.compile(r"[\u4e00-\u9fff]")  # a line printing words (a label's), not values alone
_ROW_NUMBERED = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])")  # a row's label, not a wrapped one's rest


def readings_undecided(values: list[Token], lines: list[Line]) -> bool:
    """A row printed over the lines of its wrapped label, one of them holding several values,
    that adds up with more than one of its lines taken last, each order printing its
    placeholders in other cells (a placeholder counts 0 in the sums, so they cannot tell where a
    PDF's reading order put each line's values). Values on lines of their own are a text's
    wrapped row, printed in order."""
    if not values or values[0].line == values[-1].line:
        return False  # one line, one order (the tokens come in printed order)
    printed_on = {t.line for t in values}
    if len(printed_on) == len(values) or all(t.kind == NUM for t in values) \
            or not all(_HAS_TEXT.search(line_text(lines[n])) or _inside_label(lines, n) for n in printed_on):
        return False
    readings = set()
    for order in line_orders(values):
        numbers = [token_number(t) for t in order]
        if known(numbers) and parts_add_up(numbers):
            readings.add(tuple(t.value if t.kind == NUM else None for t in order))
    return len(readings) > 1


def _inside_label(lines: list[Line], n: int) -> bool:
    """Whether line n, printing values alone, lies inside a wrapped label: the lines around it
    print words, the one after no digit nor a row's numbering (二、, （三）), as
    pdfplumber prints a row whose cells sit at different heights (「（二）部分公开（…只计这一情 0」,
    「0 — — — — 0」, 「形，不计其他情形）」)."""
    if not 0 < n < len(lines) - 1:
        return False
    after = line_text(lines[n + 1])
    return bool(_HAS_TEXT.search(line_text(lines[n - 1])) and _HAS_TEXT.search(after)) \
        and not any(c.isdigit() for c in after) and not _ROW_NUMBERED.match(after)


def order_doubtful(values: list[Token]) -> bool:
    """A row printed over lines that no order of its lines makes add up (a typo in it, or a value
    not its own), where another line printed last all but gives the 总计 of the others (it misses
    by a tenth of what the printed order misses by, or less): the row may be in PDF reading order
    (its 总计 printed first) with a typo, or in its own order with a larger one; which cannot be
    told. Each line is tried last, the others kept in order, as in lines_reordered."""
    numbers = list(map(token_number, values))
    if not known(numbers):
        return False
    total = sum(numbers)
    printed = abs(total - 2 * numbers[-1])
    if printed < 1e-9:
        return False
    last_of = {t.line: i for i, t in enumerate(values)}  # each line's last value
    del last_of[values[-1].line]  # (the printed order's)
    return any(10 * abs(total - 2 * numbers[i]) <= printed for i in last_of.values())


def better_line_order(version: str, paths: tuple[str, ...], values: list[Token],
                      arithmetic: dict[str, Optional[Number]],
                      totals: dict[int, tuple[int, int, int]],
                      orders: Optional[list[list[Token]]] = None) -> Optional[list[Token]]:
    """The order of a row's printed lines (each line taken last, the others in printed order)
    under which the equations through the row, over `arithmetic` (the table's cells as the sums
    read them), hold best, when it scores above the printed order (see order_score); else None.
    `totals`: see compiled_sums. `orders`: other orders weighed as well."""
    # an equation through none of the row's cells adds the same to every order's score, so
    # leaving it out changes neither which order scores best nor whether it beats the printed one
    eqs = through(version, paths)
    compiled = compiled_sums(eqs, paths, arithmetic, totals)
    numbers = list(map(token_number, values))
    # (every order of the row holds the same numbers: whole in all of them, or in none)
    exact = compiled if compiled is not None and all(type(n) is int or n is None for n in numbers) else None
    if exact is not None and order_score_bound(exact, numbers) <= order_score_exact(exact, numbers, values):
        return None  # no order of the row's values can score above the printed one
    known: dict[str, Optional[Number]] = {}
    scores: dict[tuple[int, ...], tuple[int, bool]] = {}  # (the printed order is among the orders, and best is scored again)

    def score(order: list[Token]) -> tuple[int, bool]:
        tokens = tuple(map(id, order))
        if tokens not in scores:
            order_numbers = list(map(token_number, order))
            if exact is not None:
                scores[tokens] = order_score_exact(exact, order_numbers, order)
            else:  # a decimal: summed cell by cell in the equations' order, as equation_score does
                if not known:
                    known.update((p, arithmetic[p]) for p in _cells_through(version, paths)
                                 if p in arithmetic)
                known.update(zip(paths, order_numbers))  # (the row's cells: each order sets them all)
                scores[tokens] = order_score(eqs, known, paths, order)
        return scores[tokens]
    best = max(line_orders(values) + (orders or []), key=score)  # the first of the best, each line tried last
    if score(best) <= score(values):
        return None
    return best


def compiled_sums(eqs, paths: Sequence[str], arithmetic: dict[str, Optional[Number]],
                  totals: Optional[dict[int, tuple[int, int, int]]] = None) -> Optional[tuple]:
    """The equations through a row, those with an unknown cell outside the row left out
    (equation_score skips them under every order), as (needs, rest): each equation through one
    cell of the row as the value it needs there, listed under the cell's column; each other as
    (the left sum less the right sum of its cells outside the row, the row's cells on its left,
    those on its right, the row's cells it goes through as bits by column). None when a cell
    outside the row of an equation that counts is not a whole number: sums of whole numbers are
    exact in any order, so these are equation_score's sums only then.

    An equation's cells outside the row are its cells less the row's: each equation's whole numbers
    summed (left less right), its unknown and its other cells counted once over `arithmetic` (in
    `totals`, by the equation's id, which the caller clears when `arithmetic` changes), the row's
    own taken off again."""
    if totals is None:
        totals = {}
    row = list(map(arithmetic.get, paths))
    needs: dict[int, list[int]] = {}
    rest = []
    for eq, signed, left_at, right_at, through_row in _row_in_sums(eqs, paths):
        if eq is None:  # every cell of it the row's (the row's own sum): nothing outside
            rest.append((0, left_at, right_at, through_row))
            continue
        known = totals.get(id(eq))
        if known is None:
            known = totals[id(eq)] = _equation_total(eq, arithmetic)
        difference, unknown, other = known
        for i, sign in signed:
            v = row[i]
            if v is None:
                unknown -= 1
            elif type(v) is int:
                difference -= sign * v
            else:
                other -= 1
        if unknown:
            continue  # an unknown cell outside the row
        if other:
            return None  # a cell outside the row that is not a whole number
        if len(signed) == 1:
            column, sign = signed[0]
            needs.setdefault(column, []).append(-sign * difference)  # (difference + sign * value == 0)
        else:
            rest.append((difference, left_at, right_at, through_row))
    return needs, rest


# (id(eqs), a row's paths) -> (eqs, _row_in_sums): through() gives a row the same tuple each time
_ROW_IN_SUMS: dict[tuple[int, tuple[str, ...]], tuple[tuple, tuple]] = {}
_ROW_IN_SUMS_BOUND = 1024


def _row_in_sums(eqs, paths: Sequence[str]) -> tuple[tuple, ...]:
    """For each equation: itself (None when every cell of it is the row's), the row's cells it goes
    through as (index in `paths`, 1 on its left or -1 on its right), the row's cells on its left
    and on its right (indices, in the sides' order), and the row's cells it goes through as bits
    by column: the template's alone, so worked out once per row, not for every row read."""
    key = (id(eqs), tuple(paths))
    known = _ROW_IN_SUMS.get(key)
    if known is None or known[0] is not eqs:
        at = {p: i for i, p in enumerate(paths)}
        in_sums = []
        for eq in eqs:
            left_at = tuple(at[p] for p in eq.left if p in at)
            right_at = tuple(at[p] for p in eq.right if p in at)
            signed = tuple((i, 1) for i in left_at) + tuple((i, -1) for i in right_at)
            in_sums.append((None if len(signed) == len(eq.cells) else eq, signed, left_at, right_at,
                            sum(1 << i for i in {*left_at, *right_at})))
        known = remember(_ROW_IN_SUMS, key, (eqs, tuple(in_sums)), _ROW_IN_SUMS_BOUND)
    return known[1]


def order_score_bound(compiled: tuple, numbers: list[Optional[Number]]) -> tuple[int, bool]:
    """The most order_score_exact can score under any order of a row's whole numbers (ints, None
    where unknown: the caller passes no other): an equation under a column holds only if the value
    it needs is among the row's; the row's own sum (one of its cells on one side, all the others on
    the other) only if some value is half of the row's total, less what the sides add outside the
    row. An equation that cannot hold counts -1, or 0 when a value of the row is unknown (its
    cell's equations count neither way). An order scoring that much fails every equation that
    cannot hold: when those cross at no cell of the row (two of them under different columns), its
    failing sums cross at no printed value."""
    needs, rest = compiled
    present = set(numbers)  # (None among them matches no value a sum needs)
    unknown = None in present
    cannot = 0 if unknown else -1
    bound = 0
    common = -1  # the row's cells every equation that cannot hold goes through, as bits
    for column, needed in needs.items():
        for value in needed:
            if value in present:
                bound += 1
            else:
                bound += cannot
                common &= 1 << column
    width = len(numbers)
    whole_row = (1 << width) - 1
    total = None if unknown else strict_sum(numbers)  # (none unknown)
    for outside, left_at, right_at, through_row in rest:
        if total is not None and through_row == whole_row and len(left_at) + len(right_at) == width \
                and 1 in (len(left_at), len(right_at)):
            # the lone cell's value v: outside + v == total - v, or the same with sides swapped
            twice = total - outside if len(left_at) == 1 else total + outside
            if twice % 2 == 0 and twice // 2 in present:
                bound += 1
            else:
                bound -= 1
                common &= through_row
        else:
            bound += 1
    return bound, unknown or common != 0


def _equation_total(eq, arithmetic: dict[str, Optional[Number]]) -> tuple[int, int, int]:
    """The sum of an equation's whole-number cells, its left less its right; how many of its
    cells are unknown, how many are other numbers."""
    difference = unknown = other = 0
    for cells, sign in ((eq.left, 1), (eq.right, -1)):
        for p in cells:
            v = arithmetic.get(p)
            if v is None:
                unknown += 1
            elif type(v) is int:
                difference += sign * v
            else:
                other += 1
    return difference, unknown, other


def order_score_exact(compiled: tuple, numbers: list[Optional[Number]], order: list[Token]) -> tuple[int, bool]:
    """order_score of a row's whole numbers (`numbers`, ints or None, in `order`) over compiled_sums. An
    equation under a column holds where the row's value there is the one it needs. The row's
    cells every failing equation goes through (order_score's common cells) are bits by column:
    an equation under a column goes through that cell of the row alone."""
    needs, rest = compiled
    score = 0
    failed = False
    common = -1  # the row's cells every failing equation so far goes through, as bits (all: none failed)
    for column, needed in needs.items():
        value = numbers[column]
        if value is None:
            continue  # a cell of the row unknown: its equations count neither way
        held = needed.count(value)
        score += 2 * held - len(needed)
        if held < len(needed):
            failed = True
            common &= 1 << column
    # the row's cells unknown, as bits by column: an equation through one counts neither way
    unknown = sum(1 << i for i, value in enumerate(numbers) if value is None) if None in numbers else 0
    for outside, left_at, right_at, through_row in rest:
        if through_row & unknown:
            continue
        miss = outside + strict_sum(map(numbers.__getitem__, left_at)) - strict_sum(map(numbers.__getitem__, right_at))
        if miss:
            score -= 1
            failed = True
            common &= through_row
        else:
            score += 1
    if not failed:
        return score, True
    return score, common != 0 and any(common >> i & 1 and token.kind == NUM for i, token in enumerate(order))


def order_score(eqs, values: dict[str, Optional[Number]], paths: Sequence[str], order: list[Token]) -> tuple[int, bool]:
    """An order's score: the equation_score of `values`, then whether the equations failing under
    them (none unknown) all go through one cell of the row that prints a number in `order` (True
    when none fails), both from one pass over the equations."""
    score = 0
    failing = []
    for eq in eqs:
        try:
            left = strict_sum(map(values.get, eq.left))
            right = strict_sum(map(values.get, eq.right))
        except TypeError:  # an unknown cell (absent or None): the equation counts neither way
            continue
        miss = abs(left - right)
        score += 1 if miss < 1e-9 else -1
        if miss > 1e-9:
            failing.append(eq)
    if not failing:
        return score, True
    common = set(paths).intersection(*(e.cells for e in failing))
    return score, any(path in common and token.kind == NUM for path, token in zip(paths, order))


@lru_cache(maxsize=256)
def _cells_through(version: str, paths: tuple[str, ...]) -> tuple[str, ...]:
    """The cells of through(version, paths), each once, in their first equation's order."""
    return tuple(dict.fromkeys(p for eq in through(version, paths) for p in eq.cells))
