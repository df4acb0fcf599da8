"""表三's short rows placed by the whole table's equations at once, where only one placement fits.

A table whose blank cells leave no trace (mammoth's Markdown of a Word table, pdfplumber's text
of a PDF) prints each row's values in order with its blank cells dropped: "598 / 530 20420" may
be any three of the six part columns and the 总计. A row's own sum does not tell which (its 总计
is printed last whichever cells the others take), and placing the rows one by one against the
others (parser._place_again) can stop where moving any single row breaks as many sums as it
mends. Here every placement of every such row is weighed together against the column sums
(T3-1 一+二 = （七）总计 + 四, T3-2 （七）总计 = the results' sum): the placement is taken only
when exactly one set of cell values makes every equation hold. When two or more do, nothing is
chosen here (the rows stay flagged as printed short); when none does (a misprint), neither.
A table whose 总计 column was left blank (no row ends in the sum of its others) is read with its
values from the left in the part columns where every column sum then holds (blank_total_placement),
else as the one placement under which they hold (blank_total_search).
"""
from __future__ import annotations

from itertools import chain, combinations, repeat
from math import prod
from operator import add, sub
from typing import Callable, Optional, Union, cast

from core.model import Number, Report, known
from core.template import RESULT_ROWS_2019, RESULT_ROWS_2021, Table
from core.parse.tokens import EMPTY, NA, NUM, Token

# Search states visited before giving up (a table of many short rows of small counts can tie
# in many ways; giving up leaves the caller's placement, flagged, as before)
_BUDGET = 20000
_REACHABLE = 4096  # sums listed per column to prune by; more: that column not used to prune
_LISTED = 64  # placements listed to name the cells they disagree on; more: too many to name

# A row's option: (its cell values, the columns its tokens take)
_Option = tuple[tuple[Number, ...], tuple[int, ...]]


def _number(token: Token) -> Optional[Number]:
    if token.kind == NUM:
        return token.value
    return 0 if token.kind in (EMPTY, NA) else None  # in 表三 a "—" or "/" means none


def _options(tokens: list[Token], width: int) -> Optional[list[_Option]]:
    """The distinct cell values a short row may stand for, each with one placement of its tokens
    (the columns they take): its last value in 总计 when it counts anything, its unprinted cells
    0. None when no placement adds up (its sum fails whichever cells it takes: a misprint)."""
    numbers = [_number(t) for t in tokens]
    if not known(numbers) or any(n < 0 for n in numbers) or len(tokens) >= width:
        return None
    if not any(numbers):
        return [((0,) * width, ())]  # all its cells 0, wherever its zeros print
    if sum(numbers[:-1]) != numbers[-1]:
        return None
    out: dict[tuple[Number, ...], tuple[int, ...]] = {}
    for columns in combinations(range(width - 1), len(tokens) - 1):
        cells: list[Number] = [0] * width
        for column, number in zip(columns, numbers):
            cells[column] = number
        cells[-1] = numbers[-1]
        out.setdefault(tuple(cells), columns + (width - 1,))
    return list(out.items())


def _misprint_options(tokens: list[Token], width: int, printed: Optional[tuple[Number, ...]],
                      blanks: Optional[tuple[int, ...]] = None) -> list[_Option]:
    """The row failing its own sum, read with one cell misprinted: each placement of its tokens
    (any columns: a misprint may have dropped its 总计) with each cell in turn taken as the value
    the row's sum wants (the printed one is kept when stored; the checker names it). `printed`:
    the row's stored numbers when it printed every column. `blanks`: the blank cells at least
    before each token (blank_traces.py), placements keeping fewer left out."""
    placements: list[_Option]
    if printed is not None:
        placements = [(printed, ())]
    else:
        numbers = [_number(t) for t in tokens]
        if not known(numbers) or len(tokens) >= width:
            return []
        placements = []
        for columns in combinations(range(width), len(tokens)):
            if blanks is not None and not _keeps(columns, blanks):
                continue
            placed: list[Number] = [0] * width
            for column, number in zip(columns, numbers):
                placed[column] = number
            placements.append((tuple(placed), columns))
    out: dict[tuple[tuple[Number, ...], tuple[Number, ...]], tuple[int, ...]] = {}
    for cells, columns in placements:
        for column in range(width):
            wanted = list(cells)
            wanted[column] = 0
            wanted[column] = sum(wanted[:-1]) if column == width - 1 else cells[-1] - sum(wanted[:-1])
            if wanted[column] >= 0 and wanted[column] != cells[column]:
                # (cells as printed, misprint's column): its printed cells decide the placement stored
                out.setdefault((tuple(wanted), cells), columns)
    return [(wanted, columns) for (wanted, _), columns in out.items()]


def _search(report: Report, table: Table, rows: dict[str, list[Token]], cap: int, misprint: bool,
            options_of: Optional[Callable[[str, list[Token], int], Optional[list[_Option]]]] = None,
            blank_total: bool = False, traces: Optional[dict[str, tuple[int, ...]]] = None,
            ignored: Optional[int] = None) -> Optional[tuple[list[dict[str, int]], dict[str, list[_Option]]]]:
    """Up to `cap` placements of `rows` under which every sum holds (with one misprinted cell
    when `misprint` and one row fails its own sum), each a choice of option per row, with the
    options; None when the search cannot be run or runs out of budget (see unique_placement).
    `options_of`: a row's options (key, tokens, width), _options' by default; `blank_total`: the
    table's 总计 column left blank, each stored row's 总计 0 (its parts then sum to nothing);
    `traces`: the misprinted row's placements bounded so too (see _traced_options); `ignored`: a
    column whose sums are not weighed, each stored row's cell there taken as 0 (`options_of`'s too)."""
    if table.section != "section3" or not rows:
        return None
    width = len(table.rows[0].columns)
    parts = width - 1
    results = RESULT_ROWS_2019 if report.template == "2019" else RESULT_ROWS_2021
    fixed: dict[str, tuple[Number, ...]] = {}
    options: dict[str, list[_Option]] = {}
    failing: list[str] = []
    for row in table.rows:
        if row.key in rows:
            found = _options(rows[row.key], width) if options_of is None else options_of(row.key, rows[row.key], width)
            if found is None:
                failing.append(row.key)
            else:
                options[row.key] = found
            continue
        stored = [report.cells.get(f"{table.section}.{row.key}.{c.key}") for c in row.columns]
        numbers = [None if cell is None else cell.arithmetic for cell in stored]
        if not known(numbers) or any(n < 0 for n in numbers):
            return None  # a cell unknown (or not a count): the sums through it say nothing
        if ignored is not None:
            numbers[ignored] = 0
        if (numbers[-1] != 0) if blank_total else (sum(numbers[:-1]) != numbers[-1]):
            failing.append(row.key)
        fixed[row.key] = tuple(numbers)
    if len(failing) > (1 if misprint else 0):
        return None  # two misprints or more: too many readings to weigh
    if failing:
        key = failing[0]
        options[key] = _misprint_options(rows.get(key, []), width, fixed.pop(key, None),
                                         None if traces is None else traces.get(key))
        if not options[key]:
            return None
    if options_of is None and all(len(o) == 1 for o in options.values()):
        return None  # nothing to choose (bounded options are weighed even so: the sums may break)
    head = ("new", "carried_over", "total", "carried_forward")
    if any(k not in fixed and k not in options for k in head + results):
        return None
    # Rows chosen in this order: the four rows of T3-1 first, then the results, most constrained first
    order = [k for k in head if k in options] + \
        sorted((k for k in results if k in options), key=lambda k: (len(options[k]), -max(options[k][0][0])))

    def values(key: str, choice: dict[str, int]) -> tuple[Number, ...]:
        return fixed[key] if key in fixed else options[key][choice[key]][0]

    # The head rows to choose come first in the order, so the depth of the walk says where it is:
    # before `heads` it chooses them, the last of them decided by the other three (T3-1: 一 + 二 =
    # （七） + 四, per column), its options looked up by their cells instead of tried one by one;
    # at `heads` every head row is known, T3-1 is checked and what the results must sum to
    # worked out; after it the results are chosen.
    heads = sum(k in options for k in head)
    last_head = order[heads - 1] if heads else None
    by_cells: dict[tuple, list[int]] = {}
    if last_head is not None:
        for n, (cells, _) in enumerate(options[last_head]):
            by_cells.setdefault(tuple(cells), []).append(n)
        # the last head row's cells are its equation's other side less its partner on its side
        partner = {"new": "carried_over", "carried_over": "new", "total": "carried_forward",
                   "carried_forward": "total"}[last_head]
        other_side = ("total", "carried_forward") if last_head in ("new", "carried_over") else ("new", "carried_over")
    other_sums: dict[tuple, tuple] = {}

    def decided(choice: dict[str, int]):
        """The options of the last head row under which T3-1 holds, the other three as chosen."""
        sides = (choice.get(other_side[0]), choice.get(other_side[1]))
        summed = other_sums.get(sides)
        if summed is None:
            summed = other_sums[sides] = tuple(map(add, values(other_side[0], choice), values(other_side[1], choice)))
        return by_cells.get(tuple(map(sub, summed, values(partner, choice))), ())

    budget = [_BUDGET]
    solutions: list[dict[str, int]] = []
    fixed_results = [sum(fixed[k][c] for k in results if k in fixed) for c in range(parts)]
    reachable = _reachable_sums([options[k] for k in order[len(order) - sum(k in results for k in order):]],
                                parts, len(order))
    # per result row of the order, per part column: each value its options put there -> the
    # options putting it there (bits), so that the options leaving every column's remainder a
    # sum the rows still to place can make are found a column at a time, not an option at a time
    masks: dict[int, list[list[tuple[Number, int]]]] = {}
    for i in range(heads, len(order)):
        by_value: list[dict[tuple, int]] = [{} for _ in range(parts)]
        # (a column's values at once: zip's columns, each option's value found once)
        for d, column in zip(by_value, zip(*[cells for cells, _ in options[order[i]]])):
            for n, cell in enumerate(column):
                value = (cell, type(cell))  # (1 and 1.0 subtract alike only up to 2 ** 53)
                d[value] = d.get(value, 0) | 1 << n
        masks[i] = [[(value, bits) for (value, _), bits in d.items()] for d in by_value]
    # (the same lists, read as whole counts where the sums are listed as bits: _reachable_bits lists
    # only such values)
    whole_masks = cast("dict[int, list[list[tuple[int, int]]]]", masks)
    # per result row of the order, per part column: a remainder there -> the options it fits (the
    # walk's masks below, kept: (remainder, its type), as 1 and 1.0 subtract alike only up to 2 ** 53)
    fits_of: dict[int, list[dict[tuple[Number, type], int]]] = {i: [{} for _ in range(parts)] for i in masks}

    # With whole numbers in every head row, the options of the row chosen just before the last
    # head row that some last head row fits are found from the last head row's few distinct
    # cells (by_cells, subtracted back), not by subtracting each option's cells: the options by
    # their cells. (Whole numbers subtract back exactly; other numbers are weighed one by one.)
    before_last: Optional[dict[tuple, list[int]]] = None
    # (every head row's cells asked at once: the types met, by map)
    if heads >= 2 and {*map(type, chain.from_iterable(chain.from_iterable(
            [fixed[k]] if k in fixed else [cells for cells, _ in options.get(k, ())] for k in head)))} <= {int}:
        before_last = {}
        for n, (cells, _) in enumerate(options[order[heads - 2]]):
            before_last.setdefault(tuple(cells), []).append(n)
    # The options of that row some last head row fits, with those rows, by what the rows chosen
    # before them leave (the sum of the other side, when the row is the last one's partner; else
    # its partner less the other row of its side): an option fits when its cells and a last row's
    # add up to that (partner), or differ by it. Listed once for every pair of their distinct
    # cells when there are fewer of the row's than the times the walk may ask (the options of the
    # rows before it, multiplied), so that each time is one look-up.
    fits_by: Optional[dict[tuple, dict[int, list[int]]]] = None
    if before_last is not None and len(before_last) <= prod(len(options[k]) for k in order[:heads - 2]):
        combine = add if order[heads - 2] == partner else sub
        fits_by = {}
        for cells, fitting_options in before_last.items():
            for last_cells, last_rows in by_cells.items():
                fits_by.setdefault(tuple(map(combine, cells, last_cells)), {}).update(
                    dict.fromkeys(fitting_options, last_rows))

    def search(i: int, choice: dict[str, int], left: Optional[list[Number]]) -> None:
        # left: per part column, （七）总计 less the results placed so far (never below 0: counts)
        if len(solutions) >= cap or budget[0] <= 0:
            return
        budget[0] -= 1
        if i == heads:
            rows4 = [values(k, choice) for k in head]
            if any(rows4[0][c] + rows4[1][c] != rows4[2][c] + rows4[3][c] for c in range(width)):
                return
            left = [rows4[2][c] - fixed_results[c] for c in range(parts)]
            if any(x < 0 or (sums is not None and x not in sums) for x, sums in zip(left, reachable[i])):
                return
        if i == len(order):
            if left is not None and not any(left):
                solutions.append(dict(choice))
            return
        key = order[i]
        if i == heads - 2:
            # its children choose the last head row: each walked here (a state visited as before),
            # not called, as most find none that fits
            last = order[heads - 1]
            first_side = key == other_side[0]
            if key == partner:  # (the other side is known already: summed once)
                summed = tuple(map(add, values(other_side[0], choice), values(other_side[1], choice)))
            else:  # (its side's other row and the last row's partner are known already: read once,
                # summed with each option as decided() sums them, not looked up an option at a time)
                beside = values(other_side[1] if first_side else other_side[0], choice)
                less = values(partner, choice)
            # (the budget counted here, written back round each walk below; the solutions change
            # only there)
            spare, full = budget[0], len(solutions) >= cap
            if before_last is not None:
                # the options some last head row fits, each with those rows: its cells are a last
                # row's cells plus the partner's less the other side's (their sum when the option
                # is the partner's)
                if fits_by is not None:
                    fit = fits_by.get(summed if key == partner else tuple(map(sub, less, beside)), {})
                elif key == partner:
                    fit = {n: rows for cells, rows in by_cells.items()
                           for n in before_last.get(tuple(map(sub, summed, cells)), ())}
                else:
                    fit = {n: rows for cells, rows in by_cells.items()
                           for n in before_last.get(tuple(map(sub, map(add, cells, less), beside)), ())}
                # walked as the loop below walks every option: each one looked at costs a unit of
                # the budget, and the walk stops at an option once the solutions are full or the
                # budget is spent (the options no last row fits only count: `skipped` of them)
                at = 0  # the next option the loop would look at
                for n in sorted(fit) + [len(options[key])]:
                    skipped = n - at
                    if skipped and (full or spare < skipped):
                        budget[0] = spare if full or spare <= 0 else 0  # (stopped among them)
                        return
                    spare -= skipped
                    if n == len(options[key]):
                        break
                    if full or spare <= 0:
                        budget[0] = spare
                        return
                    spare -= 1
                    budget[0] = spare
                    choice[key] = n
                    for m in fit[n]:
                        choice[last] = m
                        search(heads, choice, None)
                        del choice[last]
                    del choice[key]
                    spare, full = budget[0], len(solutions) >= cap
                    at = n + 1
                budget[0] = spare
                return
            for n, (cells, _) in enumerate(options[key]):
                if full or spare <= 0:
                    budget[0] = spare
                    return
                spare -= 1
                if key == partner:
                    last_rows = by_cells.get(tuple(map(sub, summed, cells)), ())
                else:
                    last_rows = by_cells.get(tuple(map(sub, map(add, cells, beside) if first_side
                                                     else map(add, beside, cells), less)), ())
                if not last_rows:
                    continue  # (no last head row fits: nothing below to walk)
                budget[0] = spare
                choice[key] = n
                for m in last_rows:
                    choice[last] = m
                    search(heads, choice, None)
                    del choice[last]
                del choice[key]
                spare, full = budget[0], len(solutions) >= cap
            budget[0] = spare
            return
        if i < heads:
            for n in decided(choice) if i == heads - 1 else range(len(options[key])):
                choice[key] = n
                search(i + 1, choice, None)
                del choice[key]
            return
        assert left is not None  # (past the head rows: worked out at `heads`, then passed on)
        # the options after which no column's remainder is below 0 or beyond what the rows
        # still to place can make
        fitting = (1 << len(options[key])) - 1
        for c, (have, sums) in enumerate(zip(left, reachable[i + 1])):
            # (the options fitting a column depend on its remainder alone, here at this row: the
            # branches of a walk leave most columns' remainders alike, each worked out once)
            known_fits = fits_of[i][c]
            fits = known_fits.get((have, type(have)))
            if fits is None:
                fits = 0
                if type(sums) is _SumBits and type(have) is int:
                    # (the values here whole too, as _reachable_bits lists only such: each remainder's
                    # bit read here, as `x in sums` reads it, not by a method call a value)
                    reach = sums.bits
                    for whole, bits in whole_masks[i][c]:
                        rest = have - whole
                        if rest >= 0 and (reach >> rest) & 1:
                            fits |= bits
                else:
                    for value, bits in masks[i][c]:
                        x = have - value
                        if not (x < 0 or (sums is not None and x not in sums)):
                            fits |= bits
                known_fits[have, type(have)] = fits
            fitting &= fits
            if not fitting:
                return
        while fitting:
            n = (fitting & -fitting).bit_length() - 1
            fitting &= fitting - 1
            cells = options[key][n][0]
            choice[key] = n
            search(i + 1, choice, list(map(sub, left, cells)))  # (its part columns: `left` holds only those)
            del choice[key]

    search(0, {}, None)
    return None if budget[0] <= 0 else (solutions, options)


def _reachable_sums(result_options: list[list[_Option]], parts: int, rows: int) -> list[list[Optional[Sums]]]:
    """For each position i of the search order, per part column, every sum the result rows from i
    on can make in that column (each row giving the value one of its options puts there); None
    for a column whose sums grow too many to list (not used to prune). The result rows come last
    in the order, so positions before them get the sums of all of them.

    Counts (whole numbers, none below 0 nor too large) are summed as the bits of an integer, bit n
    set for each sum n: a row adds its values by shifting the sums so far by each and joining the shifts,
    a machine word at a time rather than a sum at a time (a table of many short rows reaches
    thousands of sums a column). Other values are summed as sets."""
    values = [cells[:parts] for row_options in result_options for cells, _ in row_options]
    flat = list(chain.from_iterable(values))  # (every value's type and the least asked at once)
    if {*map(type, flat)} <= {int} and min(flat, default=0) >= 0 \
            and sum(max(max(cells[:parts], default=0) for cells, _ in row_options) for row_options in result_options
                    if row_options) <= _WIDEST_SUM:
        return _reachable_bits(result_options, parts, rows)
    sums: list[Optional[set[Number]]] = [{0} for _ in range(parts)]
    out: list[list[Optional[Sums]]] = [list(sums)]
    for row_options in reversed(result_options):
        for c in range(parts):
            column = sums[c]
            if column is not None:
                grown: set[Number] = set()
                for v in {cells[c] for cells, _ in row_options}:
                    grown.update(map(add, column, repeat(v)))
                    if len(grown) > _REACHABLE:
                        break  # (too many already: the column is not used to prune)
                sums[c] = grown if len(grown) <= _REACHABLE else None
        out.append(list(sums))
    out.extend([list(sums)] * (rows + 1 - len(out)))
    return out[::-1]


_WIDEST_SUM = 1 << 16  # the largest sum of counts whose sums are listed as the bits of an integer


class _SumBits:
    """Sums of counts listed as the bits of an integer (bit n: the sum n), asked as a set of them
    is: `x in sums` (x a count, or a float of a whole number, as a set of integers answers it)."""
    __slots__ = ("bits",)

    def __init__(self, bits: int) -> None:
        self.bits = bits

    def __contains__(self, x: object) -> bool:
        if type(x) is not int:
            if not (isinstance(x, float) and x.is_integer()):
                return False
            x = int(x)
        return x >= 0 and (self.bits >> x) & 1 == 1


Sums = Union[set[Number], _SumBits]


def _reachable_bits(result_options: list[list[_Option]], parts: int, rows: int) -> list[list[Optional[Sums]]]:
    """_reachable_sums of whole counts, each column's sums the bits of an integer: the same sums,
    and None where they are more than _REACHABLE (as the sets, which stop growing past it)."""
    sums: list[Optional[int]] = [1] * parts  # (the sum 0)
    out: list[list[Optional[Sums]]] = [[_SumBits(1) for _ in range(parts)]]
    counts = cast("list[list[tuple[tuple[int, ...], tuple[int, ...]]]]", result_options)  # (see _reachable_sums)
    for row_options in reversed(counts):
        # (each column's values, read once; a row of no options adds none)
        by_column = list(zip(*[cells for cells, _ in row_options])) or [()] * parts
        for c in range(parts):
            column = sums[c]
            if column is not None:
                grown = 0
                for v in set(by_column[c]):
                    grown |= column << v
                sums[c] = grown if grown.bit_count() <= _REACHABLE else None
        out.append([None if bits is None else _SumBits(bits) for bits in sums])
    out.extend([out[-1]] * (rows + 1 - len(out)))
    return out[::-1]


def _no_total_printed(rows: dict[str, list[Token]]) -> bool:
    """Whether the printed rows read as a table whose 总计 column was left blank: no row of two
    values or more ends in the sum of the others, and some do print two (a row of one value
    alone says nothing: its 总计 or its one part)."""
    counted = 0
    for tokens in rows.values():
        numbers = [_number(t) for t in tokens]
        if not known(numbers) or sum(1 for n in numbers if n) < 2:
            continue
        if sum(numbers[:-1]) == numbers[-1]:
            return False
        counted += 1
    return counted > 0


def unique_placement(report: Report, table: Table, rows: dict[str, list[Token]]
                     ) -> Optional[dict[str, list[Optional[Token]]]]:
    """The one placement of `rows` (表三 keys -> printed tokens, fewer than the columns, the 总计
    last) under which every equation of 表三 holds, the table's other rows as stored; None when
    no placement or more than one set of values does, or the search runs out of budget.

    A table with one row failing its own sum (a misprint: no placement mends a row's sum) is read
    with one cell of that row misprinted: the placement is taken when exactly one way, over
    every cell of that row, makes every sum hold with that cell as the others want it."""
    found = _search(report, table, rows, 2, misprint=True)
    if found is None or len(found[0]) != 1:
        return None
    solutions, options = found
    width = len(table.rows[0].columns)
    out: dict[str, list[Optional[Token]]] = {}
    for key, n in solutions[0].items():
        if key not in rows:
            continue  # the misprinted row printed every column: stored as printed
        if _stored_numbers(report, table, key) == list(options[key][n][0]):
            continue  # already so (where its zeros print, the sums do not tell): left as placed
        placed = _placed(rows[key], options[key][n][1], width)
        out[key] = placed
    return out


def agreed_rows(report: Report, table: Table, rows: dict[str, list[Token]]) -> dict[str, list[Optional[Token]]]:
    """Where several placements of `rows` make every equation of 表三 hold (no misprint), the rows
    of `rows` that every one of them places alike: row -> its placed tokens. A row placed so by
    the row-by-row search but breaking the column sums holds cells no reading of the table gives
    them, while its cells are decided; the rows the readings disagree on are left as placed (and
    flagged by undecided_columns once every sum holds). Empty when one placement or none fits,
    or too many to list."""
    found = _search(report, table, rows, _LISTED, misprint=False)
    if found is None or not 1 < len(found[0]) < _LISTED:
        return {}
    solutions, options = found
    width = len(table.rows[0].columns)
    out: dict[str, list[Optional[Token]]] = {}
    for key in rows:
        if key not in options or len({options[key][choice[key]][0] for choice in solutions}) != 1:
            continue
        cells, columns = options[key][solutions[0][key]]
        stored = [report.cells.get(p) for p in table.row_paths(key)]
        if [0 if cell is None or cell.arithmetic is None else cell.arithmetic for cell in stored] == list(cells):
            continue  # already so
        placed: list[Optional[Token]] = [None] * width
        for column, token in zip(columns or range(len(rows[key])), rows[key]):
            placed[column] = token
        out[key] = placed
    return out


def undecided_columns(report: Report, table: Table, rows: dict[str, list[Token]]) -> dict[str, list[int]]:
    """Rows of `rows` whose values more than one placement puts in different columns, every sum
    holding under each (no misprint): row -> those columns. Empty when one placement or none fits,
    or too many to list (the rows stay flagged as printed short)."""
    found = _search(report, table, rows, _LISTED, misprint=False)
    if found is None or not 1 < len(found[0]) < _LISTED:
        return {}
    solutions, options = found
    out: dict[str, list[int]] = {}
    for key in rows:
        if key not in options:
            continue
        readings = [options[key][choice[key]][0] for choice in solutions]
        # (its part columns, each read off zip's columns once: the 总计 last left out)
        columns = [c for c, read in enumerate(list(zip(*readings))[:-1]) if len(set(read)) > 1]
        if columns:
            out[key] = columns
    return out


def blank_total_placement(table: Table, template: str, rows: dict[str, list[Token]],
                          values: dict[str, Optional[Number]], misprinted: Optional[list[str]] = None
                          ) -> dict[str, list[Optional[Token]]]:
    """Rows of 表三 whose 总计 column was left blank (no row of two values ends in their sum),
    their values read from the left in the part columns, taken when every column sum then holds
    (T3-1 per column, T3-2 per part column) and the rows as placed break one: row -> its placed
    tokens. The sums tell which values share a column, not which column that is (a blank column
    leaves no trace): the reading from the left is the one a short row gets elsewhere; the rows
    stay flagged. `values`: the table's cells as the sums read them (stored_cells.table_values).
    Also taken where the sums of one column alone fail (a misprint in it: a value in the wrong
    column breaks two), that column's name added to `misprinted`.
    Empty when that reading breaks more, a row prints its 总计, or a cell is unknown."""
    misprinted = [] if misprinted is None else misprinted
    if table.section != "section3" or not _no_total_printed(rows):
        return {}
    results = RESULT_ROWS_2019 if template == "2019" else RESULT_ROWS_2021
    keys = ("new", "carried_over", "total", "carried_forward") + results
    parts = len(table.rows[0].columns) - 1
    stored = {key: [values.get(p) for p in table.row_paths(key)] for key in keys}

    def failing_columns(cells: dict[str, list]) -> list[int]:
        new, carried_over, total, carried_forward = (cells[k] for k in keys[:4])
        return [c for c in range(parts) if not (new[c] + carried_over[c] == total[c] + carried_forward[c]
                                                and sum(cells[k][c] for k in results) == total[c])]

    def columns_hold(cells: dict[str, list]) -> bool:
        return not failing_columns(cells)

    if columns_hold({key: [v or 0 for v in cells] for key, cells in stored.items()}):
        return {}  # the rows as placed hold every column sum already
    left: dict[str, list] = {}
    for key in keys:
        if key in rows:
            numbers = [_number(t) for t in rows[key]]
            if not known(numbers) or (len(numbers) > parts and any(numbers)):
                return {}
            # (a row printing only 0s, a cell more than the parts too (a 法人或其他组织 subtotal 0),
            # is 0 in every cell whichever of them are its own)
            left[key] = (numbers + [0] * (parts + 1 - len(numbers)))[:parts + 1]
        elif not known(stored[key]) or stored[key][-1]:
            return {}  # a cell unknown, or a row printing its 总计: the column is not blank
        else:
            left[key] = stored[key]
    # every column's sums hold, or all but one column's: a misprint in that column (a value read
    # into the wrong column breaks the sums of two)
    failing = failing_columns(left)
    if len(failing) > 1:
        return {}
    misprinted.extend(table.rows[0].columns[c].label for c in failing)
    return {key: list(tokens) + [None] * (parts + 1 - len(tokens)) for key, tokens in rows.items()
            if any(_number(t) for t in tokens)}


def blank_total_search(report: Report, table: Table, rows: dict[str, list[Token]]
                       ) -> tuple[dict[str, list[Optional[Token]]], Optional[int]]:
    """Rows of 表三 whose 总计 column was left blank (_no_total_printed) and whose blank cells left
    no trace (lynx's one value a paragraph): where reading them from the left breaks the column
    sums (blank_total_placement finds nothing), the one placement of their values, in printed order
    in the part columns, under which every column sum holds, or every one but one column's (a
    misprint in it: _one_column_misprinted): row -> its placed tokens, and that column or None.
    A short row keeps no bound here but its order (traced_placement with no blank traced); empty
    when no placement or more than one set of values fits, or the search runs out of budget."""
    if table.section != "section3" or not _no_total_printed(rows):
        return {}, None
    placed, blank_total, misprinted = traced_placement(report, table, rows, {key: (0,) * len(tokens)
                                                                               for key, tokens in rows.items()})
    return (placed, misprinted) if blank_total else ({}, None)


def leftmost_blank_total(report: Report, table: Table, rows: dict[str, list[Token]]) -> dict[str, list[Optional[Token]]]:
    """Rows of 表三 whose 总计 column was left blank and whose blank cells left no trace, where
    several placements of their values (in printed order, in the part columns) make every column
    sum hold (blank_total_search takes none): the one among them that puts the values furthest
    left (the least sum of their columns), as a short row is read from the left elsewhere
    (blank_total_placement), where one alone does: row -> its placed tokens. The sums still decide
    which values share a column and which rows sit apart (q4202 r0026 mammoth-md: 「9」 alone in
    四、结转 under 商业企业, where 113 + 0 = 104 + 9); which part columns the values take beyond
    that, no reading can say: every row the placements read apart is given (and flagged), stored
    so already or not. Empty when one placement or none fits, a tie, too many to list, or the
    search runs out of budget."""
    if table.section != "section3" or not _no_total_printed(rows):
        return {}

    def options_of(key: str, tokens: list[Token], width: int) -> Optional[list[_Option]]:
        return _traced_options(tokens, width, (0,) * len(tokens), True)

    found = _search(report, table, rows, _LISTED, misprint=False, options_of=options_of, blank_total=True)
    if found is None or not 1 < len(found[0]) < _LISTED:
        return {}
    solutions, options = found
    width = len(table.rows[0].columns)

    def leftness(choice: dict[str, int]) -> int:
        return sum(sum(options[key][n][1]) for key, n in choice.items() if key in rows)

    ranked = sorted(solutions, key=leftness)
    if leftness(ranked[0]) == leftness(ranked[1]):
        return {}
    out: dict[str, list[Optional[Token]]] = {}
    for key, n in ranked[0].items():
        if key not in rows:
            continue
        placed = _placed(rows[key], options[key][n][1], width)
        # (a row the placements put apart is given too, as read already or not: it is flagged)
        if _stored_numbers(report, table, key) != _cells(placed) \
                or len({options[key][choice[key]][0] for choice in solutions}) > 1:
            out[key] = placed
    return out


def _keeps(columns: tuple[int, ...], blanks: tuple[int, ...]) -> bool:
    """Whether a placement leaves each value past the blank cells its gap bounds: its column past
    the one before (or the label) by more than them."""
    return not any(column - before - 1 < least for column, before, least in zip(columns, (-1,) + columns, blanks))


def _traced_options(tokens: list[Token], width: int, blanks: tuple[int, ...], blank_total: bool
                    ) -> Optional[list[_Option]]:
    """The distinct cell values a short row may stand for with at least `blanks[k]` blank cells
    before its k-th value (after its label, or the value before it: blank_traces.py), each with
    one placement: its last value in 总计 (_options), or, where the table leaves 总计 blank
    (`blank_total`), every value in the part columns and 总计 0. None when no placement fits."""
    numbers = [_number(t) for t in tokens]
    if not known(numbers) or any(n < 0 for n in numbers) or len(tokens) >= width:
        return None
    if not any(numbers):
        return [((0,) * width, ())]
    if blank_total:
        free, last = len(tokens), None
    else:
        if sum(numbers[:-1]) != numbers[-1]:
            return None
        free, last = len(tokens) - 1, width - 1
    out: dict[tuple[Number, ...], tuple[int, ...]] = {}
    for columns in combinations(range(width - 1), free):
        placed = columns if last is None else columns + (last,)
        if not _keeps(placed, blanks):
            continue
        cells: list[Number] = [0] * width
        for column, number in zip(placed, numbers):
            cells[column] = number
        out.setdefault(tuple(cells), placed)
    return list(out.items()) or None


def traced_placement(report: Report, table: Table, rows: dict[str, list[Token]],
                     traces: dict[str, tuple[int, ...]], holding: bool = False
                     ) -> tuple[dict[str, list[Optional[Token]]], bool, Optional[int]]:
    """The one placement of `rows` (表三's rows printing fewer values than its columns, every
    such row, those printing none too) under which every equation of 表三 holds and each row
    keeps the blank cells its gaps bound (`traces`: blank_traces.py), where the table's 总计 is
    printed (each row's last value) or left blank (_no_total_printed): row -> its placed tokens,
    those already so left out, whether the 总计 is blank, and the part column whose sums fail
    where a 总计 left blank holds no placement else (a misprint in it: _one_column_misprinted), or
    None. Empty when no placement or more than one set of values fits, or the search runs out of
    budget. `holding`: every sum of the table holds as its rows are stored."""
    if table.section != "section3" or not traces:
        return {}, False, None
    blank_total = _no_total_printed(rows)

    def options_of(key: str, tokens: list[Token], width: int) -> Optional[list[_Option]]:
        return _traced_options(tokens, width, traces.get(key, (0,) * len(tokens)), blank_total)

    if holding:
        # every sum holds as the rows stand: when each traced row keeps its bounds too, the search
        # could only find that reading again, or it among others (left as read either way)
        width = len(table.rows[0].columns)
        for key, blanks in traces.items():
            listed = options_of(key, rows[key], width)
            stored = tuple(0 if cell is None or cell.arithmetic is None else cell.arithmetic
                           for cell in (report.cells.get(p) for p in table.row_paths(key)))
            if listed is None or stored not in {cells for cells, _ in listed}:
                break
        else:
            return {}, blank_total, None

    # (one row failing its own sum is read with one cell misprinted, as unique_placement reads it;
    # not where the 总计 is blank: no row's sum there to mend)
    found = _search(report, table, rows, 2, misprint=not blank_total, options_of=options_of,
                    blank_total=blank_total, traces=traces)
    misprinted: Optional[int] = None
    if found is not None and not found[0] and blank_total:
        found, misprinted = _one_column_misprinted(report, table, rows, options_of)
    if found is None or len(found[0]) != 1:
        return {}, blank_total, None
    solutions, options = found
    width = len(table.rows[0].columns)
    out: dict[str, list[Optional[Token]]] = {}
    for key, n in solutions[0].items():
        if key not in rows:
            continue  # the misprinted row printed every column: stored as printed
        placed = _placed(rows[key], options[key][n][1], width)
        if _stored_numbers(report, table, key) == _cells(placed):
            continue  # already so
        out[key] = placed
    return out, blank_total, misprinted


def _stored_numbers(report: Report, table: Table, key: str) -> list:
    """A row's cells as stored, each its arithmetic value (0 for a cell not read or blank)."""
    cells = [report.cells.get(p) for p in table.row_paths(key)]
    return [0 if cell is None or cell.arithmetic is None else cell.arithmetic for cell in cells]


def _placed(tokens: list[Token], columns: tuple[int, ...], width: int) -> list[Optional[Token]]:
    """A row's tokens in their columns (a row of zeros, no columns: as printed, from the left)."""
    placed: list[Optional[Token]] = [None] * width
    for column, token in zip(columns or range(len(tokens)), tokens):
        placed[column] = token
    return placed


def _cells(placed: list[Optional[Token]]) -> list[Number]:
    """A placed row's cell values as the sums read them (a blank cell 0)."""
    return [0 if token is None else _number(token) or 0 for token in placed]


def _one_column_misprinted(report: Report, table: Table, rows: dict[str, list[Token]],
                           options_of: Callable[[str, list[Token], int], Optional[list[_Option]]]
                           ) -> tuple[Optional[tuple[list[dict[str, int]], dict[str, list[_Option]]]], Optional[int]]:
    """A table leaving its 总计 blank, where no placement of `rows` holds every sum: the placements
    under which every sum holds but those of one part column (a misprint in it: its rows have no
    sum of their own to tell), each column tried in turn; as _search gives them, one when the rows
    read alike under every such placement (`options`' columns are the rows' own), None else; with
    the column whose sums it leaves failing."""
    parts = len(table.rows[0].columns) - 1
    width = parts + 1
    readings: dict[tuple, tuple[dict[str, int], dict[str, list[_Option]], int]] = {}
    for column in range(parts):
        def without(key: str, tokens: list[Token], width: int, column: int = column) -> Optional[list[_Option]]:
            listed = options_of(key, tokens, width)
            if listed is None:
                return None
            # (the column's values left out of its sums: the placements then alike kept once)
            out: dict[tuple[Number, ...], tuple[int, ...]] = {}
            for cells, columns in listed:
                out.setdefault(cells[:column] + (0,) + cells[column + 1:], columns)
            return list(out.items())
        found = _search(report, table, rows, 2, misprint=False, options_of=without, blank_total=True, ignored=column)
        if found is None:
            return None, None  # (out of budget, or not to be run: nothing weighed)
        for choice in found[0]:
            reading = tuple((key, tuple(_cells(_placed(rows[key], found[1][key][n][1], width))))
                            for key, n in sorted(choice.items()) if key in rows)
            readings.setdefault(reading, (choice, found[1], column))
        if len(readings) > 1:
            return None, None
    if not readings:
        return ([], {}), None
    choice, options, column = next(iter(readings.values()))
    return ([choice], options), column
