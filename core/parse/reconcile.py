"""Place the values of a row that prints too few or too many numbers, and fill what the rules force.

A row with 6 values for 7 columns (or 8 for 7) has several readings. Each reading is scored by how
many of the template's equations it satisfies, with the table's regular rows fixed; the best wins.
Ties go to the reading real files most often mean: an empty 总计 column, or extra trailing values.
Every row handled here is flagged by the caller, so a guess is never silent.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import combinations
from typing import Callable, Iterable, NamedTuple, Optional, Sequence, cast

from core.equations import Equation, equations
from core.parse.glued import split_plain, split_summed
from core.model import BLANK, INFERRED, MISSING, CellValue, Flag, Number, Report
from core.template import Table
from core.parse.tokens import EMPTY, NA, NUM, Token

_MAX_VALUES = 14  # more values than this in one row is garbage; only the first are considered
# A row printing a value no count reaches is garbage (a mutated or mangled text: runs of 21-28
# digits beside a decimal, which no equation bounds, walked all 3 003 readings of C(14, 6), 5 ms
# each time its table was placed again): best_dropping then walks at most _WALK_BUDGET readings
# and the best so far stands (the caller flags the row either way). Rows of real outputs take
# under 50 (the snapshot's 2 523 inputs: at most 48) and are searched to the end, as before.
_ABSURD = 10 ** 12
_WALK_BUDGET = 400


def _token_value(token: Optional[Token]) -> Optional[Number]:
    if token is None:
        return None
    if token.kind == NUM:
        return token.value
    return 0 if token.kind in (EMPTY, NA) else None  # in 表三 a "—" or "/" means none


def _known(report: Report) -> dict[str, Optional[Number]]:
    # (a cell's arithmetic is its value when it printed one: the property asked of the others only)
    return {path: value if (value := cell.value) is not None else cell.arithmetic
            for path, cell in report.cells.items()}


def _solve_single_unknown(eq: Equation, values: dict[str, Optional[Number]]) -> Optional[tuple[str, Number]]:
    unknown = [p for p in eq.cells if values.get(p) is None]
    if len(unknown) != 1:
        return None
    path = unknown[0]
    known = cast("dict[str, Number]", values)  # (every cell but `path` is known: asked above)
    left = sum(known[p] for p in eq.left if p != path)
    right = sum(known[p] for p in eq.right if p != path)
    value = right - left if path in eq.left else left - right
    return path, value


def _score(eqs: Sequence[Equation], values: dict[str, Optional[Number]]) -> int:
    score = 0
    for eq in eqs:
        cells = [values.get(p) for p in eq.cells]
        if any(v is None for v in cells):
            continue
        known = cast("dict[str, Number]", values)  # (every cell of eq is known: asked above)
        ok = sum(known[p] for p in eq.left) == sum(known[p] for p in eq.right)
        score += 1 if ok else -1
    return score


@lru_cache(maxsize=64)
def _row_cells(version: str, key: str) -> tuple[str, ...]:
    """The cells of the equations a T3 row takes part in, in the equations' order."""
    return tuple(dict.fromkeys(p for e in row_equations(version, key) for p in e.cells))


@lru_cache(maxsize=64)  # (asked for each row weighed: one call, not two)
def row_equations(version: str, key: str) -> tuple[Equation, ...]:
    """The equations a T3 row takes part in, in the equations' order."""
    return _equations_by_row(version).get(key, ())


@lru_cache(maxsize=4)
def _equations_by_row(version: str) -> dict[str, tuple[Equation, ...]]:
    """row_equations of every T3 row, from one pass over the template's equations (a cell's path
    is section3.<row>.<column>; no row key holds a dot)."""
    out: dict[str, list[Equation]] = {}
    for eq in equations(version):
        for key in dict.fromkeys(p.split(".")[1] for p in eq.cells if p.startswith("section3.")):
            out.setdefault(key, []).append(eq)
    return {key: tuple(eqs) for key, eqs in out.items()}


@lru_cache(maxsize=4)
def _t3_positions(version: str) -> tuple[tuple[str, ...], dict[str, int],
                                         dict[str, list[tuple[tuple[int, ...], tuple[int, ...]]]]]:
    """Every cell of the T3 rows' equations, each one's position in them, and each row's
    equations (row_equations) as the positions of their left and right sides: worked out once per
    template, since the column sums, most of a row's equations, run through every row."""
    by_row = _equations_by_row(version)
    # each equation once, in the order first met (a column sum runs through every row): its cells
    # come first there too
    unique = list({id(e): e for eqs in by_row.values() for e in eqs}.values())
    order = tuple(dict.fromkeys(p for e in unique for p in e.cells))
    index = {p: i for i, p in enumerate(order)}
    sides: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # id(equation) -> (left, right)
    for e in unique:
        sides[id(e)] = tuple(map(index.__getitem__, e.left)), tuple(map(index.__getitem__, e.right))
    return order, index, {key: [sides[id(e)] for e in eqs] for key, eqs in by_row.items()}


def assign_irregular(report: Report, table: Table, key: str, tokens: list[Token],
                     total_printed: bool = False) -> list[Optional[Token]]:
    """The best placement of a row's printed values into its columns (None = not printed).

    `total_printed`: the row came one cell a paragraph, a blank cell leaving nothing, so its
    last value is its 总计 when any value is other than 0 (see stream.paragraph_runs)."""
    row = table.row(key)
    width = len(row.columns)
    if not tokens:
        return [None] * width  # one reading, printing nothing: no equation can weigh it
    paths = list(table.row_paths(key))
    tokens = tokens[:_MAX_VALUES]

    token_values = [_token_value(t) for t in tokens]
    if len(tokens) < width:
        # a row printing a count other than 0 has a 总计 other than 0, printed last: leaving it
        # empty would let the equations infer a total the row never printed (and hide a
        # misprinted one); the cells it does not print are then its blank cells, 0 (the caller
        # stores them so)
        total_last = total_printed and paths[-1].endswith(".total") and any(v for v in token_values)

        def placement(kept: tuple[int, ...]) -> list[Optional[Token]]:
            placed: list[Optional[Token]] = [None] * width
            for column, token in zip(kept, tokens):
                placed[column] = token
            return placed

        def reading(kept: tuple[int, ...]) -> tuple:
            values: list[Optional[Number]] = [0 if total_last else None] * width
            for column, value in zip(kept, token_values):
                values[column] = value
            return tuple(values)
        readings: Iterable[tuple[int, ...]] = combinations(range(width), len(tokens))
        # combinations() lists the reading with the gap in the last column (总计 left empty) first,
        # and the first of equally good readings wins.
        if total_last:
            readings = (kept for kept in readings if kept[-1] == width - 1)
        unknown = token_values.count(None) + (0 if total_last else width - len(tokens))  # in every reading
    elif len(set(token_values)) == 1:
        return list(tokens[:width])  # every reading is the same numbers
    else:
        def placement(kept: tuple[int, ...]) -> list[Optional[Token]]:
            return [tokens[i] for i in kept]

        def reading(kept: tuple[int, ...]) -> tuple:
            return tuple(token_values[i] for i in kept)
        readings = combinations(range(len(tokens)), width)  # combinations() favours dropping the tail
        unknown = 0  # (a reading may drop every unknown value)

    # (the cells of the row's equations are read only here, past the early return of a row
    # printing one number throughout)
    scorer = _RowScorer(_row_shape(report.template, key, tuple(paths)), report.cells)
    if len(tokens) > width and None not in token_values:
        return placement(scorer.best_dropping(cast("list[Number]", token_values), width))
    best: Optional[tuple[int, ...]] = None
    best_score = None
    seen: set[tuple] = set()
    score_of = scorer.score_whole if scorer.whole and all(v is None or type(v) is int for v in token_values) \
        else scorer.score
    most = scorer.most(unknown)
    for kept in readings:
        row_values = reading(kept)
        if row_values in seen:
            continue  # the same numbers in the same places: already scored (earlier wins ties)
        seen.add(row_values)
        score = score_of(row_values)
        if best_score is None or score > best_score:
            best, best_score = kept, score
            if score == most:
                break  # no reading after it can score better
    return placement(best) if best is not None else [None] * width


class _RowShape(NamedTuple):
    """A T3 row's equations as positions in the list of every T3 row's equation cells, the same for
    every report."""
    order: tuple[str, ...]  # the cells' paths: those of every T3 row's equations (_t3_positions)
    row: list[Optional[int]]  # each column's cell (None: a column no equation uses)
    column_of: dict[int, int]  # the column of each of the row's cells
    solvable: list[tuple[tuple[int, ...], tuple[int, ...]]]  # the row equations' (left, right)
    # the cells of the row equations outside the row: a reading does not set them, but may solve them
    outside: tuple[int, ...]
    equations: list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]]  # (left, right, the other cells)
    columns: list[frozenset[int]]  # the row's columns each equation goes through
    # whether a row equation is only solved with every other column known (every column is
    # used, each row equation goes through every column and through no cell outside the row)
    solved_whole_only: bool
    # with no cell outside the row: each equation's other cells on the left, on the right, and
    # its columns added and taken away (summed by map: whole numbers sum exactly in any order);
    # the row equations' columns with a sign (else None)
    sums: Optional[list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]]]
    solvable_sums: Optional[list[tuple[tuple[int, int], ...]]]


@lru_cache(maxsize=64)
def _row_shape(version: str, key: str, paths: tuple[str, ...]) -> _RowShape:
    """_RowScorer's positions of a T3 row's equations, worked out once per row."""
    eqs = row_equations(version, key)
    order, index, sides_of = _t3_positions(version)
    row = [index.get(p) for p in paths]
    column_of = {i: c for c, i in enumerate(row) if i is not None}
    sides = sides_of.get(key, [])
    solvable = [side for side, e in zip(sides, eqs) if e.kind == "row"]
    mutable = set(column_of)  # the cells a reading sets or solves
    mutable.update(i for left, right in solvable for i in left + right)
    outside = tuple(sorted(mutable.difference(column_of)))
    split = [(_split(left, mutable), _split(right, mutable)) for left, right in sides]
    fixed = [(fixed_left, fixed_right) for (fixed_left, _), (fixed_right, _) in split]  # (each side's, in order)
    equations = [(left, right, fixed_left + fixed_right)
                 for (left, right), (fixed_left, fixed_right) in zip(sides, fixed)]
    in_row = set(column_of)  # (within mutable: met among each side's mutable cells)
    columns = [frozenset(map(column_of.__getitem__, in_row.intersection(set_left + set_right)))
               for (_, set_left), (_, set_right) in split]
    solved_whole_only = None not in row and not outside and \
        all({column_of[i] for i in left + right} == set(range(len(row))) for left, right in solvable)
    if outside:
        return _RowShape(order, row, column_of, solvable, outside, equations, columns, solved_whole_only, None, None)

    def signed(left: tuple[int, ...], right: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        return tuple([(column_of[i], 1) for i in left if i in mutable] +
                     [(column_of[i], -1) for i in right if i in mutable])
    # (with no cell outside the row, its mutable cells are its columns')
    sums = [(fixed_left, fixed_right, tuple([column_of[i] for i in set_left]), tuple([column_of[i] for i in set_right]))
            for (fixed_left, set_left), (fixed_right, set_right) in split]
    return _RowShape(order, row, column_of, solvable, outside, equations, columns, solved_whole_only,
                     sums, [signed(left, right) for left, right in solvable])


def _split(cells: tuple[int, ...], mutable: set[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """An equation side's cells no reading sets or solves, and those it does, each in order. A
    side of a column's sum holds one cell of the row among many: cut out, not each cell asked."""
    met = mutable.intersection(cells)
    if not met:
        return cells, ()
    if len(met) == 1:
        cell = next(iter(met))
        if cells.count(cell) == 1:
            at = cells.index(cell)
            return cells[:at] + cells[at + 1:], (cell,)
    return tuple([i for i in cells if i not in mutable]), tuple([i for i in cells if i in mutable])


@lru_cache(maxsize=64)
def _span_sums(coefficients: tuple[int, ...], token_values: tuple[Number, ...]) -> dict[tuple[int, int], set[Number]]:
    """best_dropping's memo of what a row's sum (`coefficients`: its coefficient of each column)
    can add over the columns after one, their values taken in order from a place of
    `token_values` on: (column, place) -> those sums, filled as asked. They depend on nothing
    else (not the cells around the row), so the weighings of a row placed again as those cells
    change (parser._place_again) share them."""
    return {}


class _RowScorer:
    """_score of a row's readings, the equations compiled once per row to positions in a list.

    For each reading: what the printed values satisfy by themselves (a gap read as a blank cell),
    and, first, what they satisfy after a single gap in a row equation is filled the way the caller
    will. Sums keep the equations' order, so the scores are exactly _score's.
    """

    def __init__(self, shape: _RowShape, cells: dict[str, CellValue]):
        """`shape`: _row_shape of the row; `cells`: the report's, as they are now."""
        self.row, self.column_of, self.solvable = shape.row, shape.column_of, shape.solvable
        self.solved_whole_only = shape.solved_whole_only
        # the cells the scores read (a cell's arithmetic is its value when it printed one): those
        # outside the row of its row equations, and each equation's fixed cells up to the first
        # unknown (an equation through a fixed unknown cell never counts, whatever the reading).
        # The rest are left None: the row's cells are set by every reading before they are read.
        self.base: list[Optional[Number]] = [None] * len(shape.order)
        base, order = self.base, shape.order
        for i in shape.outside:
            cell = cells.get(order[i])
            base[i] = None if cell is None else value if (value := cell.value) is not None else cell.arithmetic
        scored = []  # the equations that count
        get = cells.get
        for n, (_, _, fixed) in enumerate(shape.equations):
            for i in fixed:
                cell = get(order[i])
                if cell is None or (value := cell.value) is None and (value := cell.arithmetic) is None:
                    break  # (its base stays None: a cell read before is read alike)
                base[i] = value
            else:
                scored.append(n)
        self.scored = [shape.equations[n][:2] for n in scored]
        self.columns = [shape.columns[n] for n in scored]
        # With whole numbers only (the usual case) a sum is exact in any order: each equation is
        # then a constant (its fixed cells) plus the row's columns with a sign (score_whole). A
        # side's sum is a whole number exactly when each of its cells is (a float makes it one).
        self.whole = False
        if shape.sums is not None and shape.solvable_sums is not None:
            whole_at = cast("Callable[[int], int]", base.__getitem__)  # (the cells read: those just asked)
            sides = [(sum(map(whole_at, left)), sum(map(whole_at, right)), added, taken)
                     for left, right, added, taken in map(shape.sums.__getitem__, scored)]
            if all(type(left) is int and type(right) is int for left, right, _, _ in sides):
                self.whole = True
                self.scored_whole = [(left - right, added, taken) for left, right, added, taken in sides]
                self.solvable_whole = shape.solvable_sums

    def most(self, unknown: int) -> tuple[int, int]:
        """The best score of a reading leaving `unknown` of the row's cells unknown: every equation
        holding; but when no row equation can be solved (each goes through every column: two
        unknown cells at least), only those through known columns count: of the equations through
        one column, at most those through the columns with the most of them."""
        if unknown < 2 or not self.solved_whole_only:
            return len(self.scored), len(self.scored)
        known = len(self.row) - unknown
        through_one = Counter(column for columns in self.columns if len(columns) == 1 for column in columns)
        most = sum(sorted(through_one.values(), reverse=True)[:known])
        return most + sum(len(columns) != 1 and len(columns) <= known for columns in self.columns), len(self.scored)

    def score_whole(self, row_values: tuple) -> tuple[int, int]:
        """score() when self.whole and the row's values are whole numbers (or None)."""
        printed = [v or 0 for v in row_values]
        at = printed.__getitem__
        as_printed = 0
        for const, added, taken in self.scored_whole:
            as_printed += 1 if const + sum(map(at, added)) - sum(map(at, taken)) == 0 else -1
        if None not in row_values:
            return as_printed, as_printed  # nothing to fill: the values are the printed ones
        values = list(row_values)
        for terms in self.solvable_whole:
            unknown = [(c, sign) for c, sign in terms if values[c] is None]
            if len(unknown) != 1:
                continue
            gap, gap_sign = unknown[0]
            value = -gap_sign * sum(sign * values[c] for c, sign in terms if c != gap)
            if value >= 0:
                values[gap] = value
        score = 0
        at = values.__getitem__
        for const, added, taken in self.scored_whole:
            if None in map(at, added) or None in map(at, taken):
                continue
            score += 1 if const + sum(map(at, added)) - sum(map(at, taken)) == 0 else -1
        return score, as_printed

    def best_dropping(self, token_values: list[Number], width: int) -> tuple[int, ...]:
        """The first of combinations(range(len(token_values)), width) whose reading scores best,
        as the loop over them in assign_irregular finds it (no value is unknown, so nothing is
        filled and a reading's two scores are equal), found by branch and bound: an equation is
        scored, as _score does, once the last of its row's columns is placed, and a branch that
        cannot beat the best so far even if every equation still open held is not walked (ties
        keep the earlier reading, so one that can at best tie is not walked either). Nor is a value
        equal to one tried before it in the same column: every reading after it is, in numbers,
        one after the earlier value too, and that one comes first. With whole numbers only, the
        last column's value is looked up, and a row's sum that no values left can make hold
        bounds a branch by -1 (see `close` and `spans`)."""
        count = len(token_values)
        values = list(self.base)
        row = self.row
        # (a cell's value where it is known: holds() asks first, the walk sums only `summed`)
        get = cast("Callable[[int], Number]", values.__getitem__)

        def holds(left: tuple[int, ...], right: tuple[int, ...]) -> int:
            if any(values[i] is None for i in left) or any(values[i] is None for i in right):
                return 0
            return 1 if sum(map(get, left)) == sum(map(get, right)) else -1

        constant = 0
        closing: list[list[tuple[tuple[int, ...], tuple[int, ...]]]] = [[] for _ in range(width)]
        for left, right in self.scored:
            columns = {self.column_of[i] for i in left + right if i in self.column_of}
            if columns:
                closing[max(columns)].append((left, right))
            else:
                constant += holds(left, right)
        # the most the equations closing at a column can add: one each, or for those through that
        # column alone, the most they add over every value the column may take
        ahead = [0] * (width + 1)
        for column in range(width - 1, -1, -1):
            alone = [eq for eq in closing[column]
                     if all(self.column_of.get(i, column) == column for i in eq[0] + eq[1])]
            most = len(closing[column]) - len(alone)
            cell_at = row[column]
            if alone and cell_at is not None:
                scores = []
                for i in range(column, count - width + column + 1):
                    values[cell_at] = token_values[i]
                    scores.append(sum(holds(left, right) for left, right in alone))
                values[cell_at] = self.base[cell_at]
                most += max(scores)
            else:
                most += len(alone)
            ahead[column] = ahead[column + 1] + most
        chosen = [0] * width
        best: list = [None, None]  # score, reading
        # In the walk every row cell of an equation closing at a column holds a value (no token
        # value is None) and no other cell changes: an equation through another cell unknown
        # counts 0 throughout and is left out, the others are summed without asking (`get`).
        summed = [[(left, right) for left, right in eqs
                   if all(values[i] is not None for i in left + right if i not in self.column_of)]
                  for eqs in closing]

        # With whole numbers only, an equation closing at the last column holds for one value of
        # it at most: the value is worked out and its first place looked up, not every place tried.
        last = width - 1
        exact = all(type(v) is int for v in token_values) and \
            all(type(values[i]) is int for left, right in summed[last] for i in left + right if i not in self.column_of)
        at_last = row[last]
        closing_last = [(left.count(at_last) - right.count(at_last),  # the last cell's coefficient
                         tuple(i for i in left if i != at_last), tuple(i for i in right if i != at_last))
                        for left, right in summed[last]]
        first_from: list[dict[Number, int]] = [{}] * (count + 1)  # [start]: value -> its first place from there
        for i in range(count - 1, -1, -1) if exact else ():
            first_from[i] = {**first_from[i + 1], token_values[i]: i}

        def close(start: int, score: int) -> None:
            """walk() at the last column when exact: the earliest of its best places."""
            total = score
            gains: dict[Number, int] = {}  # value of the last cell -> 2 for each equation it makes hold
            for coefficient, left, right in closing_last:
                rest = sum(map(get, left)) - sum(map(get, right))
                if not coefficient:
                    total += 1 if rest == 0 else -1
                    continue
                total -= 1
                if rest % coefficient == 0:
                    wanted = -rest // coefficient
                    gains[wanted] = gains.get(wanted, 0) + 2
            place, gain = start, 0
            first = first_from[start]
            for wanted, more in gains.items():
                i = first.get(wanted)
                if i is not None and (more > gain or more == gain and i < place):
                    place, gain = i, more
            total += gain
            if best[0] is None or total > best[0]:
                chosen[last] = place
                best[0], best[1] = total, tuple(chosen)

        # An equation closing at the last column through other columns too (a row's sum), when
        # exact, is a constant plus a coefficient a column: if no values of the columns still open
        # can make it hold, it counts -1, not the +1 `ahead` allows it. Which sums those columns
        # can make is worked out exactly, once for each column and first place left: the set of
        # coefficient times value over every placement of them in order (at most
        # C(_MAX_VALUES, width) sums), so a branch whose equation cannot hold is bounded by -1.
        # (constant, coefficients)
        spans: list[tuple[Number, list[int]]] = []
        for left, right in summed[last] if exact else ():
            if all(self.column_of.get(i, last) == last for i in left + right):
                continue  # (through the last column alone: `ahead` has its best already)
            coefficients = [0] * width
            fixed: Number = 0
            for sign, side in ((1, left), (-1, right)):
                for i in side:
                    if i in self.column_of:
                        coefficients[self.column_of[i]] += sign
                    else:
                        fixed += sign * get(i)
            spans.append((fixed, coefficients))
        # each span's (column, start) -> sums of the columns after (see _span_sums)
        reach = [_span_sums(tuple(coefficients), tuple(token_values)) for _, coefficients in spans]

        def reachable(n: int, column: int, start: int) -> set[Number]:
            """What the columns after `column`, placed in order from `start` on, add to span n."""
            sums = reach[n].get((column, start))
            if sums is None:
                if column == last:
                    sums = {0}
                else:
                    coefficient, sums = spans[n][1][column + 1], set()
                    for i in range(start, count - width + column + 2):
                        added = coefficient * token_values[i]
                        sums.update([added + rest for rest in reachable(n, column + 1, i + 1)])
                reach[n][column, start] = sums
            return sums

        budgeted = any(abs(v) >= _ABSURD for v in token_values)
        budget = [_WALK_BUDGET]

        def walk(column: int, start: int, score: int, partial: tuple[Number, ...]) -> None:
            """`partial`: each of `spans`' constant plus its columns placed so far."""
            if budgeted:
                budget[0] -= 1
                if budget[0] < 0 and best[0] is not None:
                    return  # (see _ABSURD)
            if exact and column == last:
                close(start, score)
                return
            at = row[column]
            tried = set()
            for i in range(start, count - width + column + 1):
                value = token_values[i]
                if (type(value), value) in tried:
                    continue  # what follows a later equal value, an earlier one can be followed by too
                if value == value:  # (not NaN)
                    tried.add((type(value), value))
                chosen[column] = i
                if at is not None:
                    values[at] = token_values[i]
                total = score
                for left, right in summed[column]:
                    total += 1 if sum(map(get, left)) == sum(map(get, right)) else -1
                if column == last:
                    if best[0] is None or total > best[0]:
                        best[0], best[1] = total, tuple(chosen)
                    continue
                bound = total + ahead[column + 1]
                if best[0] is not None and bound <= best[0]:
                    continue
                moved = []
                for n, sofar in enumerate(partial):
                    sofar += spans[n][1][column] * value
                    moved.append(sofar)
                    if -sofar not in reachable(n, column, i + 1):
                        bound -= 2
                if moved and best[0] is not None and bound <= best[0]:
                    continue
                walk(column + 1, i + 1, total, tuple(moved))

        walk(0, 0, constant, tuple(fixed for fixed, _ in spans))
        return best[1]

    def _score(self, values: list) -> int:
        score = 0
        for left, right in self.scored:
            if any(values[i] is None for i in left) or any(values[i] is None for i in right):
                continue
            score += 1 if sum(values[i] for i in left) == sum(values[i] for i in right) else -1
        return score

    def score(self, row_values: tuple) -> tuple[int, int]:
        values = list(self.base)
        printed = list(self.base)
        for i, v in zip(self.row, row_values):
            if i is not None:
                values[i] = v
                printed[i] = v or 0
        as_printed = self._score(printed)
        for left, right in self.solvable:
            cells = left + right
            unknown = [i for i in cells if values[i] is None]
            if len(unknown) != 1:
                continue
            gap = unknown[0]
            known = cast("list[Number]", values)  # (every cell but the gap is known: asked above)
            left_sum = sum(known[i] for i in left if i != gap)
            right_sum = sum(known[i] for i in right if i != gap)
            value = right_sum - left_sum if gap in left else left_sum - right_sum
            if value >= 0:
                values[gap] = value
        return self._score(values), as_printed


def _consensus(token: Token, readings: list[list[int]]) -> Optional[list[Optional[Token]]]:
    """Tokens for what every reading of a glued run agrees on (None where they differ).

    Each token points at the whole run in the source.
    """
    if not readings:
        return None
    out: list[Optional[Token]] = []
    for values in zip(*readings):
        agreed = values[0] if all(v == values[0] for v in values) else None
        out.append(None if agreed is None else Token(NUM, str(agreed), token.start, token.end, token.line, agreed))
    return out


def unglue(report: Report, table: Table, key: str, tokens: list[Token]) -> Optional[list[Optional[Token]]]:
    """A row whose values arrived as one run of digits, split by the sums; None if no reading fits."""
    row = table.row(key)
    width = len(row.columns)
    if width < 2 or len(tokens) != 1 or tokens[0].kind != NUM or not tokens[0].text.isdigit() \
            or len(tokens[0].text) < width:
        return None
    digits = tokens[0].text
    if table.section == "section3":
        readings = split_summed(digits, 1, width)
    elif table.section == "section2":
        def plausible(values: list[int]) -> bool:  # T2-2: issued ≤ in force + repealed
            return key not in ("rules", "normative_docs") or report.template == "2019" \
                or values[0] <= values[1] + values[2]
        readings = split_plain(digits, width, plausible)
    else:
        return None
    if len(readings) > 1 and table.section == "section3":
        paths = list(table.row_paths(key))
        eqs = row_equations(report.template, key)
        scored = []
        # the cells of those equations as they are now (the only ones _score reads)
        cells = report.cells
        known = {p: None if (cell := cells.get(p)) is None else cell.arithmetic for p in _row_cells(report.template, key)}
        for reading in readings:
            values = dict(known)
            values.update(zip(paths, reading))
            scored.append((_score(eqs, values), reading))
        best = max(score for score, _ in scored)
        readings = [reading for score, reading in scored if score == best]
    return _consensus(tokens[0], readings)


def unglue_t4(tokens: list[Token], groups: int, size: int) -> Optional[list[Optional[Token]]]:
    if len(tokens) != 1 or tokens[0].kind != NUM or not tokens[0].text.isdigit():
        return None
    return _consensus(tokens[0], split_summed(tokens[0].text, groups, size))


def infer_forced(report: Report, table: Table, present: set[str], keep_open: frozenset[str] = frozenset()) -> None:
    """Fill cells the template's arithmetic forces, in rows whose label was found.

    One unknown in an equation is solved; an equation whose known side already balances forces
    its unknown counts to 0 (counts are never negative). Rows absent from the text are left
    empty: a truncated table must not have numbers invented for it. The cells of the rows
    `keep_open` (rows printing counts no reading could cut apart) are filled only through
    equations of cells printed: a cell printed blank is 0 as the sums take it, but a 总计 left blank
    beside such a row is no 0 its parts balance.
    """
    prefix = table.section + "."
    cells = report.cells  # (every path of the template's tables: the table's own are looked up)
    fillable = {p for p in table.paths() if cells[p].state == MISSING and p.split(".")[1] in present}
    if not fillable:
        return
    # only an equation through a fillable cell can fill one (fillable cells are only taken out below)
    eqs = [eq for eq in _equations_of(report.template, prefix) if not fillable.isdisjoint(eq.cells)]
    changed = True
    values = _known(report)  # kept up to date with every cell filled below
    while changed and fillable:
        changed = False
        for eq in eqs:
            unknown = [p for p in eq.cells if values.get(p) is None]
            if not unknown or any(p not in fillable for p in unknown):
                continue
            fills: dict[str, Number] = {}
            if len(unknown) == 1:
                solved = _solve_single_unknown(eq, values)
                if solved and solved[1] >= 0:
                    fills[solved[0]] = solved[1]
            else:
                for side, other in ((eq.left, eq.right), (eq.right, eq.left)):
                    known = [v for p in other if (v := values.get(p)) is not None]
                    if len(known) == len(other) and \
                            sum(v for p in side if (v := values.get(p)) is not None) == sum(known):
                        fills.update({p: 0 for p in side if values.get(p) is None})
            if keep_open and fills and any(cells[p].state == BLANK for p in eq.cells):
                fills = {p: v for p, v in fills.items() if p.split(".")[1] not in keep_open}
            for path, value in fills.items():
                report.cells[path] = CellValue(value, INFERRED)
                report.flags.append(Flag(path, "inferred", f"未能从原文读出，按勾稽关系推定为{value}", value=value))
                fillable.discard(path)
                values[path] = value
                changed = True


@lru_cache(maxsize=16)
def _equations_of(version: str, prefix: str) -> tuple[Equation, ...]:
    """The equations of one table (their first cell's path starts with `prefix`), in order."""
    return tuple(e for e in equations(version) if e.cells[0].startswith(prefix))


_MAX_ROUNDS = 4  # rounds of placing the short rows again; each round only adds equations that hold


def replace_short_rows(report: Report, table: Table, short: dict[str, list[Token]], store) -> list[str]:
    """Place the short rows of 表三 again, each against all the others as placed, a gap counting
    as the blank cell (0) it stands for; returns the rows moved.

    assign_irregular places the short rows one by one while the rows after them are unknown, so
    the column sums cannot weigh a row's gaps: ties then go to the first placement, and a 总计
    misprinted by one can be read as the value of another column with the 总计 left empty (every
    placement adding up once its empty cell is filled). Here a row moves only to a placement under
    which strictly more equations through it hold with the blank cells as 0, so the equations
    holding in the whole table only grow and the rounds end. `store(key, placed)` writes a row's
    cells (stored_cells.store_row)."""
    rows = {key: tokens for key, tokens in short.items()
            if 0 < len(tokens) < len(table.row(key).columns) and any(_token_value(t) for t in tokens)}
    if not rows:
        return []
    gaps = {f"{table.section}.{key}.{c.key}" for key in short for c in table.row(key).columns}
    prefix = table.section + "."
    # what the equations read: a gap counting 0 (kept up to date as rows move)
    values = {p: 0 if c.arithmetic is None and c.state == MISSING and p in gaps else c.arithmetic
              for p, c in report.cells.items() if p.startswith(prefix)}
    moved: list[str] = []
    for _ in range(_MAX_ROUNDS):
        changed = False
        for key, tokens in rows.items():
            paths = list(table.row_paths(key))
            cells = [report.cells[p] for p in paths]
            current = tuple(i for i, cell in enumerate(cells) if cell.span is not None
                            and any(cell.span == (t.start, t.end) for t in tokens))
            if len(current) != len(tokens):
                continue  # (not placed by span, one token a cell: leave it as it is)
            sums = _sums_through(row_equations(report.template, key), paths, values)
            # (a row's values are numbers, "—" or blank: each one is a number, 0 for the others)
            numbers = cast("list[Number]", [_token_value(t) for t in tokens])
            gap = len(numbers)
            padded = numbers + [0]  # (a gap counts 0)

            # an equation through one column of the row scores by what lands in that column alone:
            # worked out once for each value (and for a gap, 0), not for every placement
            alone = [[0] * (len(numbers) + 1) for _ in paths]  # [column][value index; last: a gap]
            spread = []
            for const, terms in sums:
                if len({c for c, _ in terms}) != 1:
                    spread.append((const, terms))
                    continue
                column, sign = terms[0][0], sum(sign for _, sign in terms)
                for j, number in enumerate(padded):
                    alone[column][j] += 1 if abs(const + sign * number) < 1e-9 else -1

            def score(kept: tuple[int, ...]) -> int:
                at = [gap] * len(paths)
                for j, column in enumerate(kept):
                    at[column] = j
                total = sum(alone[c][j] for c, j in enumerate(at))
                for const, terms in spread:
                    total += 1 if abs(const + sum(sign * padded[at[c]] for c, sign in terms)) < 1e-9 else -1
                return total
            now = score(current)
            if now == len(sums):
                continue  # every equation through the row holds: nothing to gain
            best, best_score = current, now
            for kept in combinations(range(len(paths)), len(tokens)):
                trial = score(kept)
                if trial > best_score:
                    best, best_score = kept, trial
            if best == current:
                continue
            placement: list[Optional[Token]] = [None] * len(paths)
            for column, token in zip(best, tokens):
                placement[column] = token
            store(key, placement)
            values.update((p, 0 if report.cells[p].arithmetic is None else report.cells[p].arithmetic) for p in paths)
            moved.append(key)
            changed = True
        if not changed:
            break
    return list(dict.fromkeys(moved))


def _sums_through(eqs, paths: list[str], values: dict[str, Optional[Number]]) -> list[tuple[Number, list[tuple[int, int]]]]:
    """Each equation through a row as (the other cells' signed sum, [(the row's column, sign)]);
    equations through a cell still unknown are left out."""
    column = {p: i for i, p in enumerate(paths)}
    out: list[tuple[Number, list[tuple[int, int]]]] = []
    for eq in eqs:
        const: Number = 0
        terms: list[tuple[int, int]] = []
        for sign, side in ((1, eq.left), (-1, eq.right)):
            for path in side:
                if path in column:
                    terms.append((column[path], sign))
                    continue
                value = values.get(path)
                if value is None:
                    break
                const += sign * value
            else:
                continue
            break
        else:
            out.append((const, terms))
    return out


_MAX_TYPO_ROWS = 8  # rows through the failing sums weighed two at a time (28 pairs at most)
# Where 表三 holds a value not a whole number (a fraction, a fee read into a count), the one-typo
# lookup works within _NEAR of whole numbers, every value under _NEAR_LIMIT: a sum of 表三 adds
# 22 cells at most, so its float sums (here and in _balanced, in any order) are off from the
# exact sum by under 60 roundings of half an ulp of 2**37 (2**-16 each, 0.001 in all): a sum
# _balanced holds (within 1e-9) is within _NEAR of a whole number here. Above the limit (huge
# mutated values) every choice is weighed, as before.
_NEAR = 0.25
_NEAR_LIMIT = 2 ** 32


def one_typo_placement(report: Report, table: Table, rows: dict[str, list[Token]]
                       ) -> Optional[dict[str, list[Optional[Token]]]]:
    """New placements of one or two rows of 表三 printing their 总计 (the cells they did not print
    blank, 0) under which every sum holds, else under which the failing sums are all explained by
    one cell, when they are not so now: the one such way, or None (none, or several different ones).

    One misprinted cell breaks its row's sum and its column's (and 一+二 = 七+四 for those rows);
    placing a row's values beside the misprint can break as many sums, so the count of sums
    holding ties, but the failures then cross at no cell. A report holds one mistake far more
    often than two, so where the equations tie, a reading whose failures one cell explains is the
    likelier one. Only ways holding at least as many sums as the current one are weighed."""
    if not any(len(tokens) < len(table.row(key).columns) and any(_token_value(t) for t in tokens)
               for key, tokens in rows.items()):
        return None  # no row that could move (the common case: none printing its 总计 with blanks)
    column_keys = tuple(c.key for c in table.rows[0].columns[:-1])
    eqs, column_sums, sum_cells = _t3_sums_by_column(report.template, column_keys)
    arithmetic = {p: c.arithmetic for p, c in report.cells.items() if p.startswith(table.section + ".")}
    if None in map(arithmetic.get, sum_cells):
        return None  # a cell unknown: the sums through it say nothing either way
    # every cell is known now: 表三's sums go through all of them
    values = cast("dict[str, Number]", arithmetic)
    holds_now = [_balanced(e, values) for e in eqs]
    failing = [e for e, holds in zip(eqs, holds_now) if not holds]
    if not failing or _one_cell_explains(failing, eqs, values):
        return None
    failing_cells = {p for e in failing for p in e.cells}
    ways: dict[str, list[tuple[tuple, list[Optional[Token]]]]] = {}
    for key, tokens in rows.items():
        paths = list(table.row_paths(key))
        if len(tokens) >= len(paths) or not any(_token_value(t) for t in tokens) \
                or failing_cells.isdisjoint(paths):
            continue
        options = []
        for kept in combinations(range(len(paths) - 1), len(tokens) - 1):
            placed: list[Optional[Token]] = [None] * len(paths)
            for column, token in zip(kept + (len(paths) - 1,), tokens):
                placed[column] = token
            numbers = tuple(0 if t is None else _token_value(t) for t in placed)
            if numbers != tuple(values[p] for p in paths):
                options.append((numbers, placed))
        # placements giving the same numbers are one way for the sums (the last one is kept, as
        # the search below kept it): distinct ways then differ in two part columns at least
        distinct = {numbers: placed for numbers, placed in options}
        if distinct:
            ways[key] = list(distinct.items())
    if not ways or len(ways) > _MAX_TYPO_ROWS:
        return None
    paths_of = {key: list(table.row_paths(key)) for key in ways}
    # a move re-weighs only the sums through the rows it moves; the others stay as they are now
    through = {key: [n for n, e in enumerate(eqs) if not set(paths_of[key]).isdisjoint(e.cells)] for key in ways}
    floor = sum(1 if h else -1 for h in holds_now)
    found: dict[tuple, dict[str, list[Optional[Token]]]] = {}  # ways whose failures one cell explains
    holding: dict[tuple, dict[str, list[Optional[Token]]]] = {}  # ways under which every sum holds
    keys = list(ways)
    # the lookup of _failing_in_one_column asks the moved rows' ways for whole numbers; the cells
    # around them are whole (exact sums), or near enough to 0 that float sums are off by far less
    # than _NEAR (a fraction in 表三, a fee read into a count, no longer turns the lookup off)
    whole_ways = all(isinstance(v, int) or v.is_integer() for options in ways.values() for n, _ in options for v in n)
    exact = whole_ways and all(isinstance(v, int) or v.is_integer() for v in values.values() if v is not None)
    near = whole_ways and not exact and \
        all(abs(v) < _NEAR_LIMIT for v in values.values() if v is not None) and \
        all(abs(v) < _NEAR_LIMIT for options in ways.values() for n, _ in options for v in n)
    by_others = {key: _by_others(options, len(column_sums)) for key, options in ways.items()} if exact or near else {}
    residuals: list[list[Number]] = [[sum(values[p] for p in e.left) - sum(values[p] for p in e.right) for e in sums]
                 for sums in column_sums]
    failing_at = [n for n, h in enumerate(holds_now) if not h]
    through_set = {key: set(ns) for key, ns in through.items()}
    weighed_once: dict[tuple[int, int], bool] = {}  # (a sum, id of the way of the one moved row through it) -> holds
    for move in [(k,) for k in keys] + list(combinations(keys, 2)):
        moved = set().union(*(through[k] for k in move))
        unmoved = [eqs[n].cell_set for n in failing_at if n not in moved]
        if len(unmoved) > 1 and not frozenset.intersection(*unmoved):
            # the sums failing now that the move leaves as they are fail after it too, and no one
            # cell explains them: no choice of this move is kept (neither list below takes it)
            continue
        weighed = sorted(moved)
        rest = floor - sum(1 if holds_now[n] else -1 for n in weighed)
        failing_unmoved = [eqs[n] for n in failing_at if n not in moved]  # (the same for every choice)
        choices = _failing_in_one_column([ways[k] for k in move], by_others.get(move[-1]),
                                         [paths_of[k] for k in move], column_sums, residuals, values, exact)
        # each choice weighed with its rows' values put into `values` and put back after (no copy
        # of the table's values a choice: only read meanwhile)
        before: list[tuple[list[str], list[Number]]] = [(paths_of[key], [values[p] for p in paths_of[key]]) for key in move]
        # a sum through one moved row only: its outcome depends on that row's way alone (the other
        # cells as they are now), weighed once for it in any move (the same sum in the same order)
        alone = [(n, through_one[0]) if len(through_one := [i for i, key in enumerate(move) if n in through_set[key]]) == 1
                 else (n, -1) for n in weighed]
        for choice in choices:
            for key, (numbers, _) in zip(move, choice):
                values.update(zip(paths_of[key], numbers))
            holds = []
            for n, index in alone:
                if index < 0:
                    holds.append(_balanced(eqs[n], values))
                    continue
                held = weighed_once.get((n, id(choice[index])))
                if held is None:
                    held = weighed_once[n, id(choice[index])] = _balanced(eqs[n], values)
                holds.append(held)
            taken = rest + sum(1 if h else -1 for h in holds) >= floor
            if taken:
                now = [eqs[n] for n, h in zip(weighed, holds) if not h] + failing_unmoved
                taken = not now or _one_cell_explains(now, eqs, values)
            for row_paths, values_before in before:
                values.update(zip(row_paths, values_before))
            if taken:
                signature = tuple(sorted((key, numbers) for key, (numbers, _) in zip(move, choice)))
                (holding if not now else found)[signature] = {key: placed for key, (_, placed) in zip(move, choice)}
    # a way under which every sum holds needs no misprint at all: it comes before any that needs one
    best = holding or found
    return next(iter(best.values())) if len(best) == 1 else None


@lru_cache(maxsize=8)
def _t3_sums_by_column(version: str, column_keys: tuple[str, ...]
                       ) -> tuple[tuple[Equation, ...], list[list[Equation]], tuple[str, ...]]:
    """表三's sums (the T3 rules, in the template's order), per part column (`column_keys`) the sums
    whose cells all lie in it, and the cells of the sums, each once (worked out once a template:
    only read)."""
    eqs = tuple(e for e in equations(version) if e.rule.startswith("T3"))
    column_of = lambda path: path.rsplit(".", 1)[1]  # noqa: E731
    return (eqs, [[e for e in eqs if all(column_of(p) == key for p in e.cells)] for key in column_keys],
            tuple(dict.fromkeys(p for e in eqs for p in e.cells)))


def _by_others(ways: list, parts: int) -> dict[tuple, list[int]]:
    """A row's ways looked up by the values in all their part columns but one (which one first)."""
    out: dict[tuple, list[int]] = {}
    for index, (numbers, _) in enumerate(ways):
        for n in range(parts):
            out.setdefault((n,) + numbers[:n] + numbers[n + 1:parts], []).append(index)
    return out


def _failing_in_one_column(ways: list[list], last_by_others: Optional[dict[tuple, list[int]]],
                           paths: list[list[str]], column_sums: list[list[Equation]], residuals: list[list[Number]],
                           values: dict[str, Number], exact: bool = True) -> list[tuple]:
    """The choices of a way for each moved row (one or two), in the order of _product, under which
    the column sums fail in one part column at most: the only ones one_typo_placement can take.
    Exact: a column's sums (T3-1, T3-2) hold only cells of that column, so failing sums in two
    columns share no cell; and a move changes no row sum (the same values, the same 总计).

    Each way of the first row (or no way, moving one row) asks the last row for one value in each
    column whose sums are to hold, and its ways are looked up by all their part columns but one
    (`last_by_others`, see _by_others). A row's part values are its printed values and 0s in some
    order, so two of its ways agreeing in all part columns but one are the same way: at most one
    way per column left out, six per way of the first row (20 x 20 choices were tried). Every
    choice when a way holds a value not a whole number (last_by_others None: a value asked for is
    not looked up exactly) or a column's sums do not go through the last row.

    Not `exact` (a cell around the rows not a whole number, every value under _NEAR_LIMIT): the
    last row's value a column asks for is the whole number nearest what its sums leave, and a sum
    is hopeless only when that is farther than _NEAR off, for _balanced's floats then fail it too;
    a sum not through the last row fails the column only when farther than _NEAR from 0 (a
    superset of the choices, as one_typo_placement weighs each one it is given)."""
    columns = []  # per part column: (base, coefficient of the first row's cell, of the last's) per sum
    for n, sums in enumerate(column_sums):
        cell_a, cell_b = paths[0][n] if len(paths) == 2 else None, paths[-1][n]
        through = []
        for eq, residual in zip(sums, residuals[n]):
            coef_a = (cell_a in eq.left) - (cell_a in eq.right)
            coef_b = (cell_b in eq.left) - (cell_b in eq.right)
            base = residual - (coef_a * values[cell_a] if coef_a and cell_a is not None else 0) - coef_b * values[cell_b]
            through.append((base, coef_a, coef_b))
        if not any(coef_b for _, _, coef_b in through):
            last_by_others = None
        columns.append(through)
    if last_by_others is None:
        return _product(ways)
    out: list[tuple] = []
    for first in ways[0] if len(ways) == 2 else [None]:
        asked: list[Optional[Number]] = []  # what the last row must hold for each column's sums; None: nothing will do
        for n, through in enumerate(columns):
            value: Optional[Number] = None
            for base, coef_a, coef_b in through:
                rest = base + coef_a * first[0][n] if coef_a and first is not None else base
                if not coef_b:
                    if exact and rest or not exact and abs(rest) > _NEAR:
                        break
                    continue
                wanted = -rest * coef_b if exact else round(-rest * coef_b)
                if not exact and abs(rest + coef_b * wanted) > _NEAR or value is not None and wanted != value:
                    break
                value = wanted
            else:
                asked.append(value)
                continue
            asked.append(None)
        hopeless = [n for n, v in enumerate(asked) if v is None]
        if len(hopeless) > 1:
            continue
        found = sorted({index for n in (hopeless or range(len(columns)))
                        for index in last_by_others.get((n,) + tuple(asked[:n]) + tuple(asked[n + 1:]), ())})
        out.extend((first, ways[-1][index]) if first else (ways[-1][index],) for index in found)
    return out


def _product(options: list[list]) -> list[tuple]:
    out: list[tuple] = [()]
    for choices in options:
        out = [done + (c,) for done in out for c in choices]
    return out


def _balanced(eq: Equation, values: dict[str, Number]) -> bool:
    # (map: each side's values summed in the same order as a generator would, with C's loop)
    return abs(sum(map(values.__getitem__, eq.left)) - sum(map(values.__getitem__, eq.right))) < 1e-9


def _one_cell_explains(failing: list[Equation], eqs, values: dict[str, Number]) -> bool:
    """Whether one cell, given one value (not negative), makes every failing sum hold and breaks
    none of the others through it. (`values` is given each cell's trial value in turn and has it
    back after: only read meanwhile.)"""
    common = set(failing[0].cell_set)
    for eq in failing[1:]:
        common &= eq.cell_set
    if not common:
        return False
    eq = failing[0]
    gap = sum(values[p] for p in eq.right) - sum(values[p] for p in eq.left)  # (the same for every cell)
    for path in common:
        was = values[path]
        new = was + (gap if path in eq.left else -gap)
        if new < 0:
            continue
        values[path] = new
        try:
            if all(_balanced(e, values) for e in eqs if path in e.cell_set):
                return True
        finally:
            values[path] = was
    return False
