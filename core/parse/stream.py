"""Tables that a PDF's reading order (pdftotext) flattened into a stream of cells, read by the
template's geometry.

The template fixes each table's row labels, their order and each row's column count, and its
equations tie the cells together. A row whose values are interleaved with label text and do
not add up may hold a neighbour's value, so it is flagged rather than trusted. A stream that
holds exactly one value per cell is read row after row, with a value that printed rows away
moved back and the values of muddled rows placed again, where the sums say so
(displaced_value_rows); 表三's first two rows, interleaved under the header, are placed by the
column sums (head_rows_by_column_sums). A stream that lost blank cells says less: rows it
cannot vouch for are flagged (flag_unanchored_rows).

The other streams converters flatten tables into: paragraph streams (mammoth's raw text) in
paragraph_streams.py, glued runs (docx2txt) in glued_tables.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, chain, compress, permutations, product
from math import inf
from operator import itemgetter, sub
from typing import Any, Callable, Collection, Iterable, NamedTuple, Optional, Sequence, cast

from core.equations import equations
from core.parse.blocks import UNDECIDED_CELL
from core.parse.columns import token_number
from core.parse.early_values import BY_ROW_ORDER_AND_SUMS, placed_by_order
from core.parse.glued_tables import row_sum_holds
from core.parse.labels import find_labels
from core.parse.row_sums import parts_add_up
from core.parse.stored_cells import row_cells_of, store_row
from core.parse.subtotal_rows import prints_as_eight
from core.model import READING_UNDECIDED, STREAM_UNANCHORED, Flag, Number, Report, known
from core.readers.document import Line
from core.parse.tokens import COUNT_UNITS, EMPTY, NA, NUM, TEXT, Token, normalise
from core.template import Table


# --- rows whose values are interleaved with label text -----------------------------------------

_SPACES = re.compile(r"\s+")


_UNIT_TEXTS = frozenset(COUNT_UNITS)  # a token printing a count's unit alone
_UNIT = "unit"  # (its kind, as interleaved_rows looks at it)


def interleaved_rows(report: Report, table: Table, tokens: list[Token], values_of: dict[str, list[Token]]) -> list[str]:
    """Rows of 表三 read in full whose values a PDF's reading order interleaved with label text
    ("…不再处理其政府信息公开 24 / （六）其他处理 / 3 0 0 0 0 / 申请 / 0", or its label's last line
    after them) and whose stored 总计 is not the sum of the others: the stream may have given this
    row a value of its neighbour (the 总计 can print before the label), so the row is unsure, not
    wrong."""
    # A row is flagged only when its values print apart, a label's text between its first and its
    # last or, its values over several lines, the rest of its own label right after its last
    # (_label_ends_after: a row's line whose label wraps below it, as -layout prints it, is no
    # stream), and its sum fails: where each row prints its values together (commonly every row),
    # that a token's position says at once, and no row's cells are summed.
    position = dict(zip(map(id, tokens), range(len(tokens))))  # (as {id(t): i ...}: the last index of each)
    # (a row's stretch of them looked through by `in`, not a generator a row; a count's unit alone,
    # 「8 项 1 项 0 …」, is no label text: q3401 r0012's row of 项 was taken for one interleaved)
    kinds = [_UNIT if t.kind == TEXT and t.text in _UNIT_TEXTS else t.kind for t in tokens]
    flagged = {f.cell for f in report.flags}
    out = []
    for key, values in values_of.items():
        row = table.row(key)
        if len(values) != len(row.columns):
            continue
        first, last = position.get(id(values[0])), position.get(id(values[-1]))
        if first is None or last is None:
            continue
        if TEXT not in kinds[first:last] and (values[0].line == values[-1].line
                                               or not _label_ends_after(tokens, last, row.label)):
            continue
        if all(id(t) in position for t in values) and f"{table.section}.{key}" not in flagged \
                and not row_sum_holds(report, table, key):
            out.append(key)
    return out


def _label_ends_after(tokens: list[Token], last: int, label: str) -> bool:
    """Whether the text right after a row's last value is the rest of the row's own wrapped label
    ("2.申请人逾期未按收费通知要求缴 / 纳费用、…其政府 1395 330 / 8 / 22 / 7 / 411 / 134 / 信息公开申请"): the
    stream printed values inside the label's lines, and the values there may be a lower row's (plain
    pdftotext puts the column blocks of the rows below before a label's last line)."""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is None or after.kind != TEXT:
        return False
    rest, whole = _SPACES.sub("", after.text), _label_text(label)
    return len(rest) >= 2 and rest in whole and not whole.startswith(rest)


@lru_cache(maxsize=64)
def _label_text(label: str) -> str:
    """A template label as a token's text prints it, without spaces."""
    return _SPACES.sub("", normalise(label))


# --- a table printed in reading order with a value out of place ----------------------------------

_MOSTLY_ALONE = 0.8  # the share of values alone on their line that marks a reading-order stream
_MAX_CANDIDATES = 5000  # distinct readings weighed by the sums, no more


def _before_label(tokens: list[Token], index: int) -> list[Token]:
    """The values (numbers, placeholders) printed right before tokens[index], no text between them:
    plain pdftotext may print the first row's first cell before its label, under the header's words
    (p3702 r0040: 「企业 / 3 / 一、本年新收… / / … / 3」). They are the stream's first only where the
    stream then holds exactly one value per cell."""
    start = index
    while start > 0 and tokens[start - 1].kind in (NUM, NA):
        start -= 1
    return tokens[start:index]


def _mostly_alone(stream: list[Token]) -> bool:
    """Whether most values print alone on their line: a stream of cells, not rows printed as rows."""
    per_line = Counter([t.line for t in stream])
    return list(per_line.values()).count(1) >= _MOSTLY_ALONE * len(stream)  # (a line each)


def displaced_value_rows(report: Report, table: Table, tokens: list[Token], values_of: dict[str, list[Token]],
                         lines: list[Line], labels: Sequence[tuple[int, str]] = ()) -> dict[str, list[Token]]:
    """表三 from a reading-order stream (plain pdftotext) that prints every cell, one per line, row
    after row, but not beside its labels: a row's last labels follow its values, and one value (a
    row's 总计, printed in a text block of its own) can land rows later or earlier than its row.

    Every value of the table, in stream order, is read row after row, as printed or with one value
    moved back to where it belongs; the reading in which every row adds up (all but one: a typo)
    and the table's equations hold best wins, when no other reading with other numbers does as
    well. Failing that, readings that leave one row or two neighbouring rows not adding up have
    those rows' values other than 0 placed again within them (rows whose labels print over several lines print their cells
    in a muddled order), each value printed on a line of a row's label staying in that row.
    Returns the rows whose values the reading changed (flagged inferred); {} when the stream does
    not have that shape, or when the reading puts every value other than 0 in its one row not
    adding up (_all_in_the_misprinted_row)."""
    width = len(table.rows[0].columns)
    keys = [row.key for row in table.rows]
    if keys[0] not in values_of:
        return {}  # (a label matched out of order leaves its row out: its values are in the stream)
    counts = [len(values_of.get(k, ())) for k in keys]  # (each row's: the stream is made once these pass)
    early: list[Token] = []  # values printed right before the first row's label, its own (see below)
    if sum(counts) < len(keys) * width and labels and labels[0][1] == keys[0]:
        early = _before_label(tokens, labels[0][0])
    if sum(counts) + len(early) != len(keys) * width:
        return {}
    if any(count == width + 1 and prints_as_eight(values_of[k]) and token_number(values_of[k][1])
           for k, count in zip(keys, counts)):
        # a row of 8 adding up so (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) prints its
        # subtotal, no value of a row printing one short (pq2604 r0028 lo-web-txt: （七）总计's 430
        # moved into 「1.本机关不掌握…」, whose 6 add up, under 科研机构: a suggestion on a consistent report)
        return {}
    if sum(count != width for count in counts) < 2:
        return {}  # read beside its labels (a row that does not add up is the report's typo)
    if labels and any(t.kind == NUM for t in tokens[:labels[0][0] - len(early)]):
        # a count printed among the header's words, before the first row's label, other than the
        # first row's values printed right before it (early), is a row's too (a 总计 in a block of its
        # own): the stream holds a value more than the rows gathered, and their count of one a cell
        # is a coincidence (pq3603 r0038: 新收's 总计 24 printed above its label, its 法人或其他组织
        # subtotal 3 in the row; read as 新收's 总计, a false 存疑 offering 24)
        return {}
    stream = early + [t for k in keys for t in values_of.get(k, [])]
    if not {t.kind for t in stream} <= {NUM, NA}:
        return {}
    if not _mostly_alone(stream):
        return {}  # several values a line: a row printed as a row, not a stream of cells
    # (the tests above are cheap and have no effect: the tokens' positions only once they pass)
    position = {id(t): n for n, t in enumerate(tokens)}
    placed = list(map(position.get, map(id, stream)))  # (each value's index among the tokens)
    if None in placed:
        return {}
    stream = [tokens[n] for n in sorted(cast(list[int], placed))]
    numbers = [t.value if t.kind == NUM else 0 for t in stream]  # (token_number's: the kinds are NUM and NA)
    if not known(numbers):
        return {}
    others = [v for v in numbers if v != 0]
    if len(others) == 1 and abs(others[0]) >= 1e-9:
        # One value other than 0 (a table of 0s but a misprint): every reading, _best_reading's or
        # _pulled_reading's, is an order of the stream's values, so the row it puts that value in
        # fails (its parts or its 总计 alone other than 0) and every other row reads 0s: whatever is
        # chosen, _all_in_the_misprinted_row holds, and none is weighed
        return {}
    shifts = _shifts(numbers, width, len(keys))
    weights: dict[tuple, tuple[float, bool]] = {}  # (budget 2 weighs again most of budget 1's readings)
    chosen, fewest = _best_reading(report, table, stream, numbers, shifts, 1, gathered=values_of, weights=weights)
    if chosen is None:
        chosen, _ = _best_reading(report, table, stream, numbers, shifts, 2, _label_rows(tokens, labels, keys, stream),
                                  values_of, fewest, weights=weights)
    if chosen is None:
        chosen = _pulled_reading(report, table, numbers)
    if chosen is None:
        return {}
    if _all_in_the_misprinted_row(numbers, chosen, len(keys), width):
        return {}
    out: dict[str, list[Token]] = {}
    for r, key in enumerate(keys):
        row = [stream[n] for n in chosen[r * width:(r + 1) * width]]
        if list(map(id, row)) != list(map(id, values_of.get(key, []))):
            out[key] = row
            report.flags.append(placed_by_order(f"{table.section}.{key}", "inferred", table.row(key).label,
                                                BY_ROW_ORDER_AND_SUMS))
    return out


def _all_in_the_misprinted_row(numbers: list[float], order: list[int], rows: int, width: int) -> bool:
    """Every value other than 0 of the reading sits in its one row not adding up (a table of 0s
    but a misprint): every other row reads 0s whichever 0s it takes, so the reading says nothing
    of which cells the misprinted values are in, and naming its row as the misprint's would be a
    guess (plain pdftotext prints such a table as column blocks, which recut_runs weighs)."""
    read = [[numbers[n] for n in order[r * width:(r + 1) * width]] for r in range(rows)]
    failing = [r for r, row in enumerate(read) if not parts_add_up(row)]
    return len(failing) == 1 and not any(any(row) for r, row in enumerate(read) if r != failing[0])


_MAX_PULLED = 6  # values pulled back into their rows, no more
_MAX_FREE = 3  # pulled values whose column the sums must choose, no more


_MAX_BRANCHES = 1000  # readings walked by _pulled_reading, no more
_MAX_TIED = 3  # values equally good to pull into a row, the nearest; no more
_MAX_REPLACED = 20  # readings whose rows' parts are placed again, no more


def _pulled_reading(report: Report, table: Table, numbers: list[float]) -> Optional[list[int]]:
    """The stream order of a reading row after row in which a row that does not add up takes
    six values as printed and pulls the one that completes it from later in the stream (several
    rows' 总计 printed in text blocks of their own, rows later): a later value equal to the sum
    of the six (its 总计), or to what the last of the six lacks (a missing part, its column chosen
    by the column sums); or reads a part printed after its 总计, or its 总计 (or last values)
    printed first. Of the values that would do, those
    after which the most rows read on add up are tried. A row nothing completes is read as
    printed (a typo; one at most). The table's equations choose among the readings
    (_equations_choose)."""
    width = len(table.rows[0].columns)
    size, rows = len(numbers), len(table.rows)
    readings: dict[tuple, list[list[int]]] = {}  # a reading's numbers -> its rows (their stream indices)
    made_rows: set[tuple] = set()  # each reading's numbers row by row
    walked = [0]
    # each whole number's places in the stream (None when a number is not a whole one: the later
    # values are then compared one by one, within 1e-9, as they print)
    at_value: Optional[dict[Number, list[int]]] = None
    if all(type(v) is int for v in numbers):
        at_value = {}
        for n, v in enumerate(numbers):
            at_value.setdefault(v, []).append(n)

    def finish(order_rows: list[list[int]], read_rows: list[tuple], free: list[tuple[int, int]]) -> None:
        # each free row's value moved to each column, and its numbers (a row is free once at most):
        # of the columns that read the same numbers, the first (the others read no other reading,
        # and the readings come in the same order: each by its first columns)
        moves = []
        for r, at in free:
            options: dict[tuple, list[int]] = {}
            for column in range(width - 1):
                row = list(order_rows[r])
                row.insert(column, row.pop(at))
                options.setdefault(tuple(map(numbers.__getitem__, row)), row)
            moves.append([(row, read) for read, row in options.items()])
        for picked in product(*moves):
            rows_now, read_now = list(order_rows), list(read_rows)
            for (r, _), (row, read) in zip(free, picked):
                rows_now[r], read_now[r] = row, read
            # (told apart by its rows' numbers, each row `width` long: its numbers made only when new)
            rows_read = tuple(read_now)
            if rows_read not in made_rows:
                made_rows.add(rows_read)
                readings[tuple(chain.from_iterable(read_now))] = rows_now

    def walk(r: int, unused: list[int], order_rows: list[list[int]], read_rows: list[tuple],
             free: list[tuple[int, int]], pulled: int, typos: int) -> None:
        """Read rows r on from the values `unused` (their indices, in stream order), rows before
        read as `order_rows` (their indices), whose numbers are `read_rows`."""
        walked[0] += 1
        if walked[0] > _MAX_BRANCHES or pulled > _MAX_PULLED or typos > 1 or len(free) > _MAX_FREE:
            return
        if r == rows:
            if pulled:
                finish(order_rows, read_rows, free)
            return
        taken = unused[:width]
        if len(taken) < width:
            return
        ways: list[tuple[list[int], bool, int]] = []  # (row, a part pulled, pulled)
        swapped = taken[:-2] + taken[-1:] + taken[-2:-1]
        if parts_add_up([numbers[n] for n in taken]):
            ways.append((taken, False, 0))
        elif parts_add_up([numbers[n] for n in swapped]):
            ways.append((swapped, True, 1))  # a part printed after its 总计 (its column open)
        elif any(parts_add_up([numbers[n] for n in taken[k:] + taken[:k]]) for k in range(1, width)):
            # its last values printed first (its 总计, or its first parts printed after the rest)
            ways += [(taken[k:] + taken[:k], False, 1) for k in range(1, width)
                     if parts_add_up([numbers[n] for n in taken[k:] + taken[:k]])]
        else:
            six = taken[:-1]
            printed = [numbers[n] for n in six]
            wanted = [(sum(printed), True)]
            if printed[-1] - sum(printed[:-1]) >= 0:
                wanted.append((printed[-1] - sum(printed[:-1]), False))
            options = []
            later = unused[width:]  # (the values left after the row's)
            # every option takes the six and one later value q: the rows read on from the values
            # after the six (`rest`), q taken out, counted by _Reach (each window read once a step)
            reach = _Reach(numbers, unused[width - 1:], rows - r - 1, width)
            for value, is_total in wanted:
                for q in _equal_later(numbers, at_value, later, value):
                    row = six + [q] if is_total else six[:-1] + [q] + six[-1:]
                    options.append((reach.rows_without(q), row, not is_total))
            most = max((o[0] for o in options), default=0)
            ways += [(row, part, 1) for reach, row, part in options if reach == most][:_MAX_TIED]
            if not most:
                ways.append((taken, False, 0))  # or a typo, when no value pulled lets the next row add up
        for row, part, pull in ways:
            read = tuple(map(numbers.__getitem__, row))
            taking = set(row)
            # (a row of the values as they come leaves the rest as they are)
            rest = unused[width:] if taking.issuperset(taken) else [n for n in unused if n not in taking]
            walk(r + 1, rest, order_rows + [row], read_rows + [read],
                 free + ([(r, width - 2)] if part else []), pulled + pull, typos + (not parts_add_up(read)))

    walk(0, list(range(size)), [], [], [], 0, 0)
    if walked[0] > _MAX_BRANCHES or len(readings) > _MAX_CANDIDATES:
        return None
    chosen = _equations_choose(report, table, readings)
    if chosen is not None or len(readings) > _MAX_REPLACED:
        return list(chain.from_iterable(chosen)) if chosen is not None else None
    # a row that adds up may still print its parts out of their columns: one row's parts placed
    # again, where the column sums then hold. The readings made are told apart by their rows' names
    # (a number for each row's numbers) where they differ from the first reading's, with those
    # rows, in row order: the readings differ in a few rows, and one made from them in one more, so
    # these are a few names, not one for every row. None is chosen when they are more than
    # _MAX_CANDIDATES: which readings are made, and how many, does not hang on the sums, so they
    # are all made and counted first, and only when they are few enough is each weighed, in the
    # order made (a search that must give up weighs none). Each reading made differs from the one
    # it was made from only in the row placed again, so the equations through no other row hold or
    # break as in that one, and only those through the row are summed (in the same order, over the
    # same numbers, as for the whole reading). The one reading whose broken equations all go
    # through one cell and are fewest is chosen, as _equations_choose chooses; a reading breaking
    # more than the fewest so far is never chosen.
    sides, through = _equation_sides(report, table), _equations_through(report, table)
    orders = list(readings.values())
    row_named: dict[tuple, int] = {}  # a row's numbers -> its name
    made: set[tuple] = set()  # each reading's rows and names differing
    # a row's parts as printed and its 总计 -> each arrangement with the name of the row it reads
    # (the readings share most of their rows)
    arranged: dict[tuple, list[tuple[Callable, int]]] = {}
    first: tuple = ()  # the first reading's rows' names
    # per reading: (its index, its numbers, per row placed again: (the row, its cells, their
    # numbers, the arrangements making a reading not made before))
    new_readings: list[tuple[int, tuple, list[tuple[int, list[int], list, list[Callable]]]]] = []
    for b, (key, order_rows) in enumerate(readings.items()):
        names = tuple(row_named.setdefault(key[r * width:(r + 1) * width], len(row_named)) for r in range(rows))
        if b == 0:
            first = names
        differ = [(d, names[d]) for d in range(rows) if names[d] != first[d]]
        placed_again = []
        for r in range(rows):
            parts = order_rows[r][:-1]
            moving = [n for n in parts if numbers[n] != 0]
            if not moving or len(moving) > 3:
                continue
            cells = moving + [n for n in parts if numbers[n] == 0]
            printed = [numbers[n] for n in cells]
            total = key[(r + 1) * width - 1:(r + 1) * width]
            above = tuple(chain.from_iterable(named for named in differ if named[0] < r))
            below = tuple(chain.from_iterable(named for named in differ if named[0] > r))
            row_key = (tuple(printed), len(moving), total)
            if row_key not in arranged:
                arranged[row_key] = [(arrange, row_named.setdefault(arrange(printed) + total, len(row_named)))
                                     for arrange in _arrangements(width - 1, len(moving))]
            new = []
            for arrange, name in arranged[row_key]:
                read = above + (r, name) + below if name != first[r] else above + below
                if read in made:
                    continue
                made.add(read)
                if len(made) > _MAX_CANDIDATES:
                    return None
                new.append(arrange)
            if new:
                placed_again.append((r, cells, printed, new))
        if placed_again:
            new_readings.append((b, key, placed_again))
    best, chosen = len(sides) + 1, []  # the fewest broken so far, and the readings breaking as few
    for b, key, placed_again in new_readings:
        # (its numbers and the equations it breaks)
        reading = list(key)
        breaks = [abs(sum(left(reading)) - sum(right(reading))) > 1e-9 for _, left, right, _ in sides]
        for r, cells, printed, new in placed_again:
            # how many equations through no other row the reading breaks, and the cells they all
            # go through (None: it breaks none)
            own = set(through[r])
            broken = [sides[k][0] for k in range(len(sides)) if breaks[k] and k not in own]
            count_outside = len(broken)
            shared_outside = set.intersection(*broken) if broken else None
            start = r * width
            for arrange in new:
                count, shared = count_outside, shared_outside  # (shared: the cells the broken equations all go through)
                if count > best or shared is not None and not shared:
                    continue
                reading[start:start + width - 1] = arrange(printed)
                for k in through[r]:
                    if abs(sum(sides[k][1](reading)) - sum(sides[k][2](reading))) > 1e-9:
                        count += 1
                        shared = sides[k][0] if shared is None else shared & sides[k][0]
                        if count > best or not shared:  # (the cells they all go through only grow fewer)
                            break
                reading[start:start + width - 1] = key[start:start + width - 1]
                if count > best or shared is not None and not shared:
                    continue
                if count < best:
                    best, chosen = count, []
                chosen.append((b, r, arrange, cells))
    if len(chosen) != 1:
        return None
    b, r, arrange, cells = chosen[0]
    order = list(chain.from_iterable(orders[b]))
    return order[:r * width] + list(arrange(cells)) + order[(r + 1) * width - 1:]


def _equal_later(numbers: list, at_value: Optional[dict], later: list[int], value: Number) -> list[int]:
    """The values of `later` (stream indices, in order) equal to `value` (within 1e-9), but one
    right after an equal one in `later` (the first of equal values side by side stands for them
    all); `at_value`: each whole number's places in the stream, when every number is whole (a
    value's places are then looked up, not every later value compared)."""
    if at_value is None or type(value) is not int:
        return [q for k, q in enumerate(later) if not abs(numbers[q] - value) > 1e-9
                and not (k and later[k - 1] == q - 1 and numbers[q - 1] == value)]
    places = at_value.get(value)
    if not places or not later:
        return []
    first = later[0]
    places = places[bisect_left(places, first):]
    if not places:
        return []
    # (later is a run of sorted indices: q - 1 is right before q in it when it is in it at all)
    among = set(later)
    out = []
    before = -2
    for q in places:
        if q in among:
            if not (before == q - 1):
                out.append(q)
            before = q
    return out


class _Reach:
    """How many rows add up, read on row after row from the values `rest` (stream indices, in
    order) with one of them taken out, for each one asked: the rows before it and after it read
    windows of `rest` that are the same whichever is taken out, each weighed once."""

    __slots__ = ("numbers", "rest", "rows", "width", "straight", "shifted")

    def __init__(self, numbers: list, rest: list[int], rows: int, width: int):
        self.numbers, self.rest, self.rows, self.width = numbers, rest, rows, width
        self.straight: dict[int, bool] = {}  # window rest[s:s + width] -> it adds up
        self.shifted: dict[int, bool] = {}  # window rest[s + 1:s + 1 + width] -> it adds up

    def rows_without(self, q: int) -> int:
        """How many rows add up when read on from `rest` without `q` (one of them)."""
        numbers, rest, width = self.numbers, self.rest, self.width
        j = rest.index(q)
        size = len(rest) - 1
        count = 0
        for r in range(self.rows):
            s = r * width
            if s + width > size:
                break
            if s + width <= j:
                ok = self.straight.get(s)
                if ok is None:
                    ok = self.straight[s] = parts_add_up([numbers[n] for n in rest[s:s + width]])
            elif s > j:
                ok = self.shifted.get(s)
                if ok is None:
                    ok = self.shifted[s] = parts_add_up([numbers[n] for n in rest[s + 1:s + 1 + width]])
            else:
                ok = parts_add_up([numbers[n] for n in rest[s:j] + rest[j + 1:s + width + 1]])
            if not ok:
                break
            count += 1
        return count


def _side_getter(positions: list[int]) -> itemgetter:
    """Reads an equation side's numbers, in order, from a reading as a tuple."""
    step = positions[1] - positions[0] if len(positions) > 1 else 1
    if step > 0 and all(b - a == step for a, b in zip(positions, positions[1:])):
        return itemgetter(slice(positions[0], positions[-1] + 1, step))
    return itemgetter(*positions)  # (two positions at least: one is a slice)


# (version, section) -> (table, its sides, the equations through each row)
_SIDES_KEPT: dict[tuple[str, str], tuple[Table, list, list[list[int]]]] = {}
# (version, section) -> (table, the equations through each cell: see _equations_by_cell)
_BY_CELL_KEPT: dict[tuple[str, str], tuple[Table, list[list[tuple]]]] = {}
# (version, section) -> (table, each cell's part in the equations: see _cell_terms)
_CELL_TERMS_KEPT: dict[tuple[str, str], tuple[Table, dict[int, tuple[tuple[int, int], ...]], dict[int, Counter[int]]]] = {}


def _equation_sides(report: Report, table: Table) -> list[tuple[set[str], itemgetter, itemgetter, set[int]]]:
    """The table's equations as (cells, left side, right side, rows): each side reads its numbers
    from a reading (the table's values row by row) at once, a slice when its positions step
    evenly (the same numbers in the same order, so the same sum). Worked out once per template
    and table (callers only read them)."""
    return _kept_sides(report, table)[1]


def _equations_through(report: Report, table: Table) -> list[list[int]]:
    """Row -> the equations through it (their indices in _equation_sides, in order). Worked out
    once per template and table (callers only read them)."""
    return _kept_sides(report, table)[2]


def _equations_by_cell(report: Report, table: Table) -> list[list[tuple[int, list[tuple[int, int]]]]]:
    """Cell (its position in a reading) -> each equation in which it counts once, on one side, as
    its sign there (1 left, -1 right) and the equation's cells as (position, how many times it
    counts on the left less on the right), each equation's list shared by its cells. Worked out
    once per template and table (callers only read them)."""
    kept = _BY_CELL_KEPT.get((report.template, table.section))
    if kept is None or kept[0] is not table:
        width = len(table.rows[0].columns)
        position = {f"{table.section}.{row.key}.{column.key}": r * width + c
                    for r, row in enumerate(table.rows) for c, column in enumerate(row.columns)}
        by_cell: list[list[tuple]] = [[] for _ in range(len(table.rows) * width)]
        for e in equations(report.template):
            if e.cells[0].startswith(table.section + "."):
                terms: dict[int, int] = {}
                for side, sign in ((e.left, 1), (e.right, -1)):
                    for p in side:
                        terms[position[p]] = terms.get(position[p], 0) + sign
                listed = [(cell, times) for cell, times in terms.items() if times]
                for cell, times in listed:
                    if times in (1, -1):
                        by_cell[cell].append((times, listed))
        kept = _BY_CELL_KEPT[report.template, table.section] = (table, by_cell)
    return kept[1]


def _cell_terms(report: Report, table: Table) -> Callable[[int], tuple[tuple[int, int], ...]]:
    """Cell (its position in a reading) -> each equation it counts in (its index in
    _equation_sides, in order) with how many times it counts on the left less on the right, those
    it counts 0 times in left out. Each cell's worked out at its first need, once per template
    and table: few cells are ever asked for (callers only read them); from each equation's
    counts of every cell, worked out at the first cell through it (its sides read from a reading
    whose every cell holds its own position, not summed from a reading with 1 in the cell for
    each cell)."""
    kept = _CELL_TERMS_KEPT.get((report.template, table.section))
    if kept is None or kept[0] is not table:
        kept = _CELL_TERMS_KEPT[report.template, table.section] = (table, {}, {})
    known, weights = kept[1], kept[2]
    sides, through = _kept_sides(report, table)[1:]
    width, size = len(table.rows[0].columns), len(table.rows) * len(table.rows[0].columns)

    def weight(k: int) -> Counter[int]:
        """Cell -> how many times it counts in equation k, on the left less on the right."""
        found = weights.get(k)
        if found is None:
            positions = range(size)
            found = weights[k] = Counter(sides[k][1](positions))
            found.subtract(sides[k][2](positions))
        return found

    def terms(cell: int) -> tuple[tuple[int, int], ...]:
        found = known.get(cell)
        if found is None:
            counted = ((k, weight(k)[cell]) for k in through[cell // width])
            found = known[cell] = tuple((k, times) for k, times in counted if times)
        return found
    return terms


def _kept_sides(report: Report, table: Table) -> tuple[Table, list, list[list[int]]]:
    kept = _SIDES_KEPT.get((report.template, table.section))
    if kept is None or kept[0] is not table:
        sides = _work_out_sides(report.template, table)
        through: list[list[int]] = [[] for _ in table.rows]
        for k, (_, _, _, over) in enumerate(sides):
            for r in over:
                through[r].append(k)
        kept = _SIDES_KEPT[report.template, table.section] = (table, sides, through)
    return kept


def _work_out_sides(version: str, table: Table) -> list[tuple[set[str], itemgetter, itemgetter, set[int]]]:
    width = len(table.rows[0].columns)
    position = {f"{table.section}.{row.key}.{column.key}": r * width + c
                for r, row in enumerate(table.rows) for c, column in enumerate(row.columns)}
    out = []
    for e in equations(version):
        if e.cells[0].startswith(table.section + "."):
            left, right = [position[p] for p in e.left], [position[p] for p in e.right]
            out.append((set(e.cells), _side_getter(left), _side_getter(right), {p // width for p in left + right}))
    return out


@lru_cache(maxsize=None)
def _arrangements(slots: int, moving: int) -> tuple[Callable[[list], tuple], ...]:
    """Every way to put `moving` values other than 0 in `slots` columns (in the order permutations
    gives the columns), the 0s filling the other columns in order: each reads, from the values
    other than 0 followed by the 0s, the row's parts in column order."""
    out = []
    for columns in permutations(range(slots), moving):
        placed = dict(zip(columns, range(moving)))
        zeros = iter(range(moving, slots))
        order = [placed[c] if c in placed else next(zeros) for c in range(slots)]
        out.append(itemgetter(*order) if len(order) > 1 else lambda values, at=order[0]: (values[at],))
    return tuple(out)


def _equations_choose(report: Report, table: Table, readings: dict[tuple, Any]) -> Any:
    """The one reading whose broken equations (if any) all go through one cell and are fewest:
    its value in `readings` (its order), None without one."""
    width = len(table.rows[0].columns)
    sides, through = _equation_sides(report, table), _equations_through(report, table)
    # an equation holds or breaks as in the reading before when its rows read the same numbers:
    # only those through a row that changed are summed again (the same rows changing again and
    # again: their equations gathered once)
    spans = [(r, r * width, r * width + width) for r in range(len(table.rows))]
    equations_of: dict[tuple[int, ...], list[int]] = {}  # rows changed -> the equations through them
    before: tuple = ()
    breaks = [False] * len(sides)
    count = 0  # the equations broken
    best = len(sides) + 1  # the fewest broken of a reading scored so far: one breaking more is never chosen
    scored = []
    again: Optional[Sequence[int]]  # the equations to sum again
    for key, order in readings.items():
        if not before:
            again = range(len(sides))
        else:
            rows = tuple(r for r, a, b in spans if key[a:b] != before[a:b])
            again = equations_of.get(rows)
            if again is None:
                again = equations_of[rows] = sorted({k for r in rows for k in through[r]})
        for k in again:
            _, left, right, _ = sides[k]
            fails = abs(sum(left(key)) - sum(right(key))) > 1e-9
            if fails != breaks[k]:
                breaks[k] = fails
                count += 1 if fails else -1
        before = key
        if count > best:
            continue
        broken = [sides[k][0] for k in range(len(sides)) if breaks[k]]
        shared = set.intersection(*broken) if broken else {None}
        if shared:
            scored.append((count, order))
            best = count
    chosen = [order for s, order in scored if s == best]
    return chosen[0] if len(chosen) == 1 else None


def _label_rows(tokens: list[Token], labels, keys: list[str], stream: list[Token]) -> dict[int, int]:
    """For values printed on a line of a row's label (the label's first line or a line of text
    that continues it before any value), stream index -> that row's index."""
    label_lines: dict[int, int] = {}
    bounds = [i for i, _ in labels] + [len(tokens)]
    for n, (index, key) in enumerate(labels):
        label_lines[tokens[index].line] = keys.index(key)
        for token in tokens[index + 1:bounds[n + 1]]:
            if token.kind != TEXT:
                break
            label_lines.setdefault(token.line, keys.index(key))
    return {n: label_lines[t.line] for n, t in enumerate(stream) if t.line in label_lines}


_MAX_MOVED = 4  # values other than 0 placed again within two rows, no more


class _Shifts(NamedTuple):
    """How a stream's rows add up read as printed, a cell late and a cell early, and what each
    cell's value leaves of its row when moved: the same for every reading _best_reading weighs,
    whatever its budget, so worked out once a stream (_shifts)."""
    plain: list[int]  # prefix counts of rows not adding up as printed,
    back: list[int]  # read a cell late (cell c holding c - 1),
    ahead: list[int]  # and a cell early (c + 1)
    whole: bool  # every value a whole number (the fields below up to steps: see _shifts)
    row_sum: list[float]  # (this and the other lists of whole numbers: empty where not whole)
    leaves_late: list[bool]
    leaves_early: list[bool]
    late_wanted: list[float]
    early_wanted: list[float]
    steps: list[bool]
    stepping: list[set[float]]
    staying: list[set[float]]
    alike: list[float]


def _shifts(numbers: list[float], width: int, rows: int) -> _Shifts:
    """The _Shifts of the stream `numbers` read as `rows` rows of `width` cells."""
    size = len(numbers)
    # Whole numbers add up exactly, in any order: a row read with a value moved then adds up when
    # the sum of what it reads is twice its last cell's value (from the row's sum as printed).
    whole = all(type(v) is int for v in numbers)
    # (whole numbers: the sum of numbers[a:b] is sum_before[b] - sum_before[a], exactly)
    sum_before = list(accumulate(numbers, initial=0)) if whole else []

    def fails(offset: int) -> list[int]:
        """Prefix counts of rows not adding up when row r is stream[7r+offset : 7r+7+offset]."""
        starts = range(offset, rows * width + offset, width)
        if whole:  # (the parts' sum against the last cell's value)
            failing = [not (0 <= lo and lo + width <= size and
                            sum_before[lo + width - 1] - sum_before[lo] == numbers[lo + width - 1]) for lo in starts]
        else:
            failing = [not (0 <= lo and lo + width <= size and parts_add_up(numbers[lo:lo + width])) for lo in starts]
        return list(accumulate(failing, initial=0))

    row_sum: list[float] = []
    late_wanted: list[float] = []
    early_wanted: list[float] = []
    stepping: list[set[float]] = []
    staying: list[set[float]] = []
    if whole:
        row_sum = [sum_before[r * width + width] - sum_before[r * width] for r in range(rows)]
        leaves_late, leaves_early = [False] * width, []  # (no row before the first, none after the last)
        late_wanted, early_wanted = [], []
        for r in range(rows):
            start, end = r * width, r * width + width
            if r:  # the row before's last cell first, stream[j] left out
                read, twice_total = row_sum[r] + numbers[start - 1], 2 * numbers[end - 1]
                leaves_late += [read - value != twice_total for value in numbers[start:end - 1]]
                leaves_late.append(read - numbers[end - 1] != 2 * numbers[end - 2])
            if r < rows - 1:  # stream[i] left out, the row after's first cell last
                total = numbers[end]
                leaves_early += [row_sum[r] - value != total for value in numbers[start:end]]
            # rows apart: the one value the row of i adds up with read at i (its last cell on in the
            # next row: its total is then the cell before, or that value at its last cell), and the
            # one value stream[i] the row of j adds up with read at j (its first cell back in the row
            # before: its total is then its last cell, or that value at its last cell)
            parts = row_sum[r] - numbers[end - 1]
            late_wanted += [2 * numbers[end - 2] - parts] * (width - 1)
            late_wanted.append(parts)
            early_wanted += [2 * numbers[end - 1] - row_sum[r] + numbers[start]] * (width - 1)
            early_wanted.append(row_sum[r] - numbers[start])
        leaves_early += [False] * width
    else:
        leaves_late = [j >= width and not parts_add_up(numbers[j // width * width - 1:j] +
                                                       numbers[j + 1:j // width * width + width]) for j in range(size)]
        leaves_early = [i < size - width and not parts_add_up(numbers[i // width * width:i] +
                                                              numbers[i + 1:i // width * width + width + 1])
                        for i in range(size)]
    # a value equal to stream[i] moved reads as printed, and the late move skips a value equal to
    # the one before it: whether each cell's value is not
    steps = [False] + [value != before for before, value in zip(numbers, numbers[1:])]
    if whole:  # each row's values a late move takes from it, and those leaving it adding up
        stepping, staying = [set() for _ in range(rows)], [set() for _ in range(rows)]
        for j in compress(range(size), steps):
            stepping[j // width].add(numbers[j])
            if not leaves_late[j]:
                staying[j // width].add(numbers[j])
    # each row's one value when its values are all equal (else NaN, equal to none): a value moved
    # into it from its own value reads as printed. (A check of the cap after a row passed over is
    # moot: readings grow only where it is checked, the stream as printed adding fewer than it.)
    alike = [row[0] if row.count(row[0]) == width else float("nan")
             for row in (numbers[r * width:r * width + width] for r in range(rows))]
    return _Shifts(fails(0), fails(-1), fails(1), whole, row_sum, leaves_late, leaves_early, late_wanted,
                   early_wanted, steps, stepping, staying, alike)


def _best_reading(report: Report, table: Table, stream: list[Token], numbers: list[float], shifts: _Shifts,
                  budget: int, anchors: Optional[dict[int, int]] = None,
                  gathered: Optional[dict[str, list[Token]]] = None,
                  bound: Optional[float] = None, pass_by: bool = True,
                  weights: Optional[dict[tuple, tuple[float, bool]]] = None) -> tuple[Optional[list[int]], Optional[float]]:
    """The stream order of the one best reading (see displaced_value_rows) among those with one
    value moved that leave at most `budget` rows not adding up (with 2, those rows' values other
    than 0 placed again), None without one; and the fewest equations a reading weighed breaks
    (None when none was weighed). Readings the equations rank alike are told apart, if
    `gathered` (the values gathered after each row's label) is given, by how many values other
    than 0 stay in the row whose label they printed after.

    `bound` (budget 2, whole numbers): the fewest equations budget 1's readings break. Budget 2
    weighs the readings budget 1 did (by numbers) and more, so it chooses among readings breaking
    `bound` at most: the readings with rows placed again that break more whatever their placing
    (fewest_broken) are left out, neither keyed nor weighed. Exact: when the readings kept choose
    among readings breaking `bound` at most, those left out are never chosen, and each of the
    others comes first (by numbers) in the same order as without leaving any out; else (or if
    the readings left out might have reached _MAX_CANDIDATES) all are weighed again.

    `pass_by` (budget 2, whole numbers): a reading with rows placed again that weighing would
    drop (past the fewest broken so far) is not made (see `passing`); False makes every one.

    `weights`: what weighing found of each reading (by key) weighed by summing its equations (not
    one with whole numbers placed again), kept across the calls for one stream (budget 2 weighs
    again most of budget 1's readings; a reading's key fixes all its numbers): how many equations
    it breaks and True; or False with how many at least (it was dropped past the fewest so far),
    infinity when those it breaks go through no one cell (never scored, whatever the fewest)."""
    width = len(table.rows[0].columns)
    keys = [row.key for row in table.rows]
    size, rows = len(stream), len(keys)
    plain, back, ahead, whole, row_sum, leaves_late, leaves_early, late_wanted, early_wanted, steps, \
        stepping, staying, alike = shifts

    # a reading's key (see key_of) -> (stream order of the reading, first row, last row): the order a list,
    # (i, j, late) for a value moved, or (order, lo, held, placed) for rows' values placed again in
    # `order`, one of the other two (see order_of; the list is made only for the readings that need
    # it); outside rows first to last
    # the reading reads the numbers as printed
    readings: dict[tuple, tuple] = {}

    def order_of(order) -> list[int]:
        if type(order) is list:
            return order
        if len(order) == 4:  # (order, lo, held, placed): order with its cells from lo on
            before, lo, held, placed = order  # placed again, held[p] for p in placed
            before = order_of(before)
            return before[:lo] + [held[p] for p in placed] + before[lo + len(placed):]
        i, j, late = order
        if late:  # stream[j] read at i
            return list(range(i)) + [j] + list(range(i, j)) + list(range(j + 1, size))
        return list(range(i)) + list(range(i + 1, j + 1)) + [i] + list(range(j + 1, size))  # stream[i] at j

    def cells_of(order, lo: int, hi: int) -> list[int]:
        """order_of(order)[lo:hi], without the whole order for a value moved."""
        if type(order) is list:
            return order[lo:hi]
        i, j, late = order
        if late:  # cell i holds j, cells i + 1 to j hold i to j - 1
            return [p if p < i or p > j else j if p == i else p - 1 for p in range(lo, hi)]
        return [p if p < i or p > j else i if p == j else p + 1 for p in range(lo, hi)]  # cell j holds i

    printed = tuple(numbers)
    weighing: list = []  # (the equations' cells, left sides, right sides, through each row, broken as printed)

    def equations_weighed() -> list:
        """The table's equations as a reading's are weighed: worked out at first need (a stream
        whose readings are all ruled out by the rows adding up weighs none)."""
        if not weighing:
            sides = _equation_sides(report, table)
            left = [g for _, g, _, _ in sides]
            right = [g for _, _, g, _ in sides]
            # an equation over rows a reading reads as printed holds or breaks as in the printed
            # stream: only those through the rows whose numbers the reading may change are summed again
            weighing.extend(([c for c, _, _, _ in sides], left, right, _equations_through(report, table),
                             [k for k in range(len(sides)) if abs(sum(left[k](printed)) - sum(right[k](printed))) > 1e-9]))
        return weighing

    left_out = [0]  # readings placed again neither keyed nor weighed (see `bound`), each counted

    by_cell = _equations_by_cell(report, table) if bound is not None and whole else None
    # (first cell, last cell + 1) of rows placed again -> for each of their cells, the equations
    # through it and through no other of them (see by_cell)
    alone_in: dict[tuple[int, int], list[list[tuple[int, list[tuple[int, int]]]]]] = {}

    def fewest_broken(read: tuple, group: list[int], span: tuple[int, int], held: tuple,
                      by_cell: list[list[tuple[int, list[tuple[int, int]]]]]) -> int:
        """How many equations every reading with the values of the cells `held` placed again in
        the rows of `group` breaks at least, its other numbers those of `read` (printed but in
        rows span[0] to span[1]; whole numbers): an equation not through those rows breaks as it
        does for `read`, and one through a single cell of them holds only with the one value it
        leaves that cell, which must be one of the values held (so of the equations through a
        cell, only those leaving it one same value held can all hold)."""
        _, left, right, through, printed_broken = equations_weighed()
        skip = set().union(*(through[r] for r in group))
        summed = set().union(*through[span[0]:span[1] + 1])
        count = sum(k not in summed for k in printed_broken) + \
            sum(abs(sum(left[k](read)) - sum(right[k](read))) > 1e-9 for k in summed - skip)
        lo, hi = group[0] * width, group[-1] * width + width
        alone = alone_in.get((lo, hi))
        if alone is None:
            alone = alone_in[lo, hi] = [[(sign, terms) for sign, terms in by_cell[cell]
                                         if all(o == cell or not lo <= o < hi for o, _ in terms)] for cell in range(lo, hi)]
        values_held = set(map(numbers.__getitem__, held))
        for cell, through_cell in enumerate(alone, lo):
            if through_cell:  # (the value an equation leaves the cell: minus its other cells' sum, times its sign)
                wanted = Counter(sign * (sign * read[cell] - sum(c * read[o] for o, c in terms))
                                 for sign, terms in through_cell)
                count += len(through_cell) - max((n for value, n in wanted.items() if value in values_held), default=0)
        return count

    tried: set[tuple] = set()
    # the rows not adding up read a cell late (cell c holding c - 1) and early (c + 1)
    late_bad = [r for r in range(rows) if back[r + 1] > back[r]]
    early_bad = [r for r in range(rows) if ahead[r + 1] > ahead[r]]
    printed_bad = [r for r in range(rows) if plain[r + 1] > plain[r]]  # the rows not adding up as printed
    placed_again = [False]  # whether a reading had rows placed again (budget 2)
    placings: dict[tuple, tuple[tuple, list[tuple[list[int], tuple]]]] = {}
    shapes: dict[tuple, list[tuple[list[int], tuple]]] = {}
    grouped: set[tuple] = set()  # (rows placed again, the numbers outside them, what they hold) weighed

    def where(n: int, group: list[int]) -> int:
        """Where stream[n] may go in the rows of `group`: any row (-2), none (-1), or the one
        (index in `group`) on whose label's line it printed."""
        row = (anchors or {}).get(n)
        if row is None:
            return -2
        return group.index(row) if row in group else -1

    def replaced(held: tuple, group: list[int]) -> tuple[tuple, list[tuple[list[int], tuple]]]:
        """_replaced of the cells `held` in the rows of `group`, each reading with its numbers,
        worked out once per those cells: many readings (a value moved elsewhere) hold the same
        cells in the rows placed again. It reads those cells' numbers and where each may go
        alone, so cells holding the same whole numbers in the same order (a value moved
        elsewhere shifting the stream a cell) share their placings. Returns the cells held and
        each reading as the positions in them its cells take (see order_of), with its numbers."""
        known = placings.get((held, group[0]))
        if known is None:
            values = tuple(map(numbers.__getitem__, held))
            shape = None
            if all(type(v) is int for v in values):  # (fractions: sums rounded differently)
                shape = (len(group), values, tuple(where(n, group) for n in held))
                by_position = shapes.get(shape)
            if shape is None or by_position is None:
                index = {n: p for p, n in enumerate(held)}
                by_position = [([index[n] for n in placed], tuple(map(numbers.__getitem__, placed)))
                               for placed in _replaced(held, group, numbers, width, anchors or {})]
                if shape is not None:
                    shapes[shape] = by_position
            known = placings[held, group[0]] = held, by_position
        return known

    def consider(order, key: tuple, first: int, last: int) -> None:
        """Weigh reading `order` (see order_of), whose key is `key` (see key_of) and whose
        numbers differ from the stream's in rows first to last at most."""
        if budget > 1:
            seen = len(tried)
            tried.add(key)  # (a long key: hashed once to look up and store)
            if len(tried) == seen:
                return
            # outside rows first to last the reading reads the numbers as printed
            if first > last:  # (the stream as printed)
                bad = list(printed_bad)
            else:  # a value moved (i, j, late): the rows between read the stream a cell late or early
                bad = [r for r in printed_bad if r < first]
                if not parts_add_up(key[1][:width]):  # (the key's rows: first to last)
                    bad.append(first)
                bad += [r for r in (late_bad if order[2] else early_bad) if first < r < last]
                if last > first and not parts_add_up(key[1][-width:]):
                    bad.append(last)
                bad += [r for r in printed_bad if r > last]
            # one row muddled, or two neighbours; or one of two rows (the other a typo)
            groups = [bad] if len(bad) == 1 or (len(bad) == 2 and bad[1] == bad[0] + 1) else []
            groups += [[r] for r in bad] if len(bad) == 2 else []
            whole_key = None  # (the numbers of the reading: made only for rows placed again)
            for group in groups:
                lo, hi = group[0] * width, group[-1] * width + width  # (the group's rows are neighbours)
                span = min(first, group[0]), max(last, group[-1])
                held = tuple(cells_of(order, lo, hi))
                moving = sorted((numbers[n], where(n, group)) for n in held if numbers[n] != 0)
                whole_moving = all(type(v) is int for v, _ in moving)
                if whole_moving and len(moving) < 2:
                    continue  # one whole number other than 0 leaves its row not adding up
                if whole_key is None:
                    whole_key = numbers_of(key)
                if whole_moving:
                    # the readings are every way the rows' values add up: the same values (and
                    # rows they may go in) beside the same numbers made the same readings before
                    shape = (lo, hi, whole_key[:lo] + whole_key[hi:], tuple(moving))
                    seen = len(grouped)
                    grouped.add(shape)
                    if len(grouped) == seen:
                        continue
                held, found = replaced(held, group)
                placed_again[0] |= bool(found)
                if by_cell is not None and bound is not None and found \
                        and fewest_broken(whole_key, group, span, held, by_cell) > bound:
                    left_out[0] += len(found)  # (never chosen: see `bound`)
                    continue
                # the numbers of `order` in the span's rows around the rows placed again
                before, after = whole_key[span[0] * width:lo], whole_key[hi:span[1] * width + width]
                if passing and found and not weighed_as_made[0]:
                    set_up_weighing()
                    weigh = weigher[0]
                    for made_key, (made_order, made_first, made_last) in readings.items():
                        weigh(made_key, made_order, made_first, made_last)
                    weighed_as_made[0] = True
                for placed, read in found:
                    placing = (order, lo, held, placed)
                    if passing and not weigher[1](placing):
                        passed_by[0] += 1
                        continue
                    add(key_of(before + read + after, span[0]), (placing, *span))
            if len(bad) > 1:
                return
        add(key, (order, first, last))

    def add(key: tuple, reading: tuple) -> None:
        """readings' entry `reading` (see readings) under `key`, unless it has one; weighed as made."""
        if weighed_as_made[0]:
            made = len(readings)
            readings.setdefault(key, reading)  # (a long key: hashed once to look up and store)
            if len(readings) > made:
                weigher[0](key, *reading)
        else:
            readings.setdefault(key, reading)

    def moved(i: int, j: int, late: bool, ri: int, rj: int) -> tuple:
        """The key of the reading with stream[j] read at i (late) or stream[i] at j (see key_of):
        it reads otherwise than printed rows ri to rj (its cells i and j do: see the moves below)."""
        lo, hi = ri * width, rj * width + width
        if late:
            return ri, printed[lo:i] + printed[j:j + 1] + printed[i:j] + printed[j + 1:hi]
        return ri, printed[lo:i] + printed[i + 1:j + 1] + printed[i:i + 1] + printed[j + 1:hi]

    def key_of(cells: tuple, first: int) -> tuple:
        """A reading's key: the first of the rows in which its numbers are not the stream's as
        printed, and its numbers from that row to the last such row ((rows, ()) for the stream as
        printed), so two readings share it only when all their numbers are the same. `cells`:
        its numbers in the rows from `first` on that it may read otherwise than printed (the
        rest it reads as printed)."""
        lo = first * width
        # (the first and the last such row, each looked for from its end of the span: the rows
        # between are read as they are)
        top, bottom = 0, len(cells)
        while top < bottom and cells[top:top + width] == printed[lo + top:lo + top + width]:
            top += width
        if top == bottom:
            return rows, ()
        while cells[bottom - width:bottom] == printed[lo + bottom - width:lo + bottom]:
            bottom -= width
        return first + top // width, cells[top:bottom]

    def numbers_of(key: tuple) -> tuple:
        """The numbers of the reading `readings` holds under `key`."""
        first, cells = key  # (its rows from first on)
        return printed[:first * width] + cells + printed[first * width + len(cells):]

    # The rows of i and of j, read with a value moved, add up or not. In one row, worked out for
    # the pair. Rows apart: the row a value leaves reads on one cell shifted and depends on that
    # end alone (known for every end: see _shifts); the row it joins on that end and the value
    # (each distinct one summed once).
    joins: dict[tuple, bool] = {}

    def joins_fails(*cells) -> bool:
        """Whether the row numbers[a:b] + [value] + numbers[c:d] fails, cells (a, b, value, c, d)."""
        if cells not in joins:
            a, b, value, c, d = cells
            joins[cells] = not parts_add_up(numbers[a:b] + [value] + numbers[c:d])
        return joins[cells]

    def late_edge(i: int, j: int, ri: int, rj: int) -> int:
        """Rows not adding up among those of i and j when stream[j] is read at i."""
        if whole:
            if ri == rj:  # (its last cell reads the one before when j is last)
                end = ri * width + width
                return row_sum[ri] != 2 * numbers[end - 1 if j < end - 1 else end - 2]
            return leaves_late[j] + (numbers[j] != late_wanted[i])
        if ri == rj:  # reading[p] = p before i, j at i, p - 1 up to j, p after j
            return not parts_add_up(numbers[ri * width:i] + [numbers[j]] + numbers[i:j] +
                                    numbers[j + 1:ri * width + width])
        return leaves_late[j] + joins_fails(ri * width, i, numbers[j], i, ri * width + width - 1)

    def early_edge(i: int, j: int, ri: int, rj: int) -> int:
        """Rows not adding up among those of i and j when stream[i] is read at j."""
        if whole:
            if ri == rj:
                end = ri * width + width
                return row_sum[ri] != 2 * (numbers[end - 1] if j < end - 1 else numbers[i])
            return leaves_early[i] + (numbers[i] != early_wanted[j])
        if ri == rj:  # reading[p] = p before i, p + 1 up to j, i at j, p after j
            return not parts_add_up(numbers[ri * width:i] + numbers[i + 1:j + 1] + [numbers[i]] +
                                    numbers[j + 1:ri * width + width])
        return leaves_early[i] + joins_fails(rj * width + 1, j + 1, numbers[i], j + 1, rj * width + width)

    # The readings are weighed in the order they are made, once all are made; or, on budget 2's
    # first reading with rows placed again (whole numbers), those made so far, then each one as it
    # is made, so that one that would be weighed past the fewest broken so far (never chosen) need
    # not be made at all (see `passing`).
    scored: list = []  # (how many equations it breaks, its order) of each reading scored
    best: float = 0  # the fewest broken of a reading scored so far: one breaking more is never chosen
    weigher: list = []  # [weigh, may_be_chosen] once set up (see set_up_weighing)
    weighed_as_made = [False]
    passed_by = [0]  # readings with rows placed again not made (never chosen: see `passing`)

    def set_up_weighing() -> None:
        """The weighing of a reading (weigh), and for one with rows placed again of whole numbers,
        whether it may be chosen (may_be_chosen: whether weighing it now would score it)."""
        nonlocal best
        cells, left, right, through, printed_broken = equations_weighed()
        best = len(cells) + 1
        if whole and placed_again[0]:
            # A reading with rows placed again, of whole numbers: an equation's gap (its left side
            # less its right) sums exactly in any order, so the reading's gaps are the printed
            # stream's but where its numbers differ, each cell that does changing the gaps of the
            # equations through it by its change times its count there. Many such readings place
            # again the rows of one reading (their base): the base's changes are worked out once
            # (a value moved changes the cells between it and its place only where the stream's
            # value steps: in a table of 0s, seldom), and a placing's changes once for every base
            # made with the same values in those rows. The same readings are kept as summing their
            # sides would (below, for the others: a value moved across rows of numbers changes
            # every cell between, and an equation broken past the fewest so far stops the sums).
            cell_terms = _cell_terms(report, table)
            printed_gap = [sum(left_side(printed)) - sum(right_side(printed)) for left_side, right_side in zip(left, right)]
            step_cells = list(compress(range(size), steps))  # (the cells whose value is not the one before's)
            bases: dict = {}  # a base (a list: by id, the readings hold it) -> the changes of its gaps, how many break

            def base_changes(base) -> tuple[dict[int, int], int]:
                """Equation -> the change of its gap in the reading `base` (a list or a value moved),
                and how many equations that reading breaks."""
                at = id(base) if type(base) is list else base
                known = bases.get(at)
                if known is None:
                    if type(base) is list:
                        cells_read = [(c, numbers[n]) for c, n in enumerate(base) if n != c]
                    else:
                        i, j, late = base
                        steps_between = step_cells[bisect_right(step_cells, i):bisect_right(step_cells, j)]
                        if late:  # cell i holds j, cells i + 1 to j the cell before's value (changed where it steps)
                            cells_read = [(i, numbers[j])] + [(c, numbers[c - 1]) for c in steps_between]
                        else:  # cells i to j - 1 the cell after's value, cell j holds i
                            cells_read = [(c - 1, numbers[c]) for c in steps_between] + [(j, numbers[i])]
                    changes: dict[int, int] = {}
                    for cell, value in cells_read:
                        change = value - numbers[cell]
                        if change:
                            for k, times in cell_terms(cell):
                                changes[k] = changes.get(k, 0) + times * change
                    known = bases[at] = changes, len(printed_broken) + sum(
                        [(printed_gap[k] + change != 0) - (printed_gap[k] != 0) for k, change in changes.items()])
                return known

            # (rows placed again, a placing of their values) -> the changes of the gaps it makes: the
            # same for every base holding the same values there (_replaced's placings are shared so);
            # with the equations they touch and, from the printed stream's gaps, how many more
            # equations they break and those they leave broken (see below)
            placings_made: dict[tuple[int, int], tuple[tuple[tuple[int, int], ...], frozenset[int], int, list[int]]] = {}
            bases_broken: dict = {}  # a base (as in `bases`) -> the equations it breaks, at first need
            broken_as_printed = frozenset(printed_broken)

            def base_broken(base) -> frozenset[int]:
                """The equations the reading `base` breaks."""
                at = id(base) if type(base) is list else base
                known = bases_broken.get(at)
                if known is None:
                    changed = base_changes(base)[0]
                    known = bases_broken[at] = broken_as_printed.difference(
                        [k for k, change in changed.items() if not printed_gap[k] + change]).union(
                        [k for k, change in changed.items() if change and not printed_gap[k]])
                return known

            def made_of(lo: int, held: tuple, placed: list[int]) -> tuple:
                """placings_made's entry of `placed` in the rows from cell lo, held the cells `held`."""
                made = placings_made.get((lo, id(placed)))
                if made is None:
                    made_changes: dict[int, int] = {}
                    held_numbers = list(map(numbers.__getitem__, held))
                    # (cell lo + p holds held[placed[p]] for held[p]: most cells hold a 0 for a 0)
                    changes = list(map(sub, map(held_numbers.__getitem__, placed), held_numbers))
                    for p in compress(range(len(changes)), changes):
                        change = changes[p]
                        for k, times in cell_terms(lo + p):
                            made_changes[k] = made_changes.get(k, 0) + times * change
                    left_broken = [k for k, change in made_changes.items() if printed_gap[k] + change]
                    made = placings_made[lo, id(placed)] = (
                        tuple(made_changes.items()), frozenset(made_changes), len(left_broken) - sum(
                            [printed_gap[k] != 0 for k in made_changes]), left_broken)
                return made

            def broken_with(made: list, changed: dict[int, int], count: int) -> Optional[int]:
                """How many equations a base breaking `count`, its gaps changed by `changed`, breaks
                once a placing changes them by `made`; None as soon as the equations the placing
                leaves broken pass `best`: the reading breaks at least those, never chosen."""
                broken_here = 0
                for k, change in made:
                    gap = printed_gap[k] + changed.get(k, 0)
                    if gap + change:
                        count += gap == 0
                        broken_here += 1
                        if broken_here > best:
                            return None
                    else:
                        count -= gap != 0
                return count

            def may_be_chosen(order: tuple) -> bool:
                """Whether weigh, weighing the reading `order` (rows placed again) now, would score it:
                whether it breaks `best` equations at most (as weigh counts them)."""
                base, lo, held, placed = order
                changed, count = base_changes(base)
                made, touched, more, left_broken = made_of(lo, held, placed)
                if changed.keys().isdisjoint(touched):
                    return count + more <= best and len(left_broken) <= best
                broken_count = broken_with(made, changed, count)
                return broken_count is not None and broken_count <= best
        # span -> (the equations through its rows as (left side, right side, cells), the printed
        # stream's broken ones outside them, the cells these all go through: None when none is broken).
        # The equations come fewest cells first: a reading is dropped at its first equation broken
        # beyond the fewest so far, and whether it is does not depend on the order they are summed in
        through_rows: dict[tuple[int, int], tuple[list[tuple], list[int], Optional[set]]] = {}
        values = list(printed)  # a reading's numbers: its rows from key[0] on written over the stream's, then undone

        def weigh(key: tuple, order, first: int, last: int) -> None:
            nonlocal best
            count: Optional[float]  # the equations broken (None: more than `best`; inf: never chosen)
            broken: Collection[int]  # the equations broken
            if whole and type(order) is tuple and len(order) == 4:
                base, lo, held, placed = order
                changed, count = base_changes(base)
                made, touched, more, left_broken = made_of(lo, held, placed)
                if changed.keys().isdisjoint(touched):
                    # (most bases change none of the gaps the placing changes, which are then the
                    # printed stream's: what the placing does to them is worked out once for all)
                    count += more
                    if count > best or len(left_broken) > best:
                        return
                    broken = base_broken(base).difference(touched).union(left_broken)
                else:
                    count = broken_with(made, changed, count)
                    if count is None or count > best:
                        return
                    changed = dict(changed)
                    for k, change in made:
                        changed[k] = changed.get(k, 0) + change
                    broken = [k for k in printed_broken if printed_gap[k] + changed.get(k, 0)] + \
                        [k for k, change in changed.items() if change and not printed_gap[k]]
                # the equations broken (if any) all go through one cell: at most a typo
                if not broken or set.intersection(*(cells[k] for k in broken)):
                    scored.append((count, order))
                    best = count
                return
            if weights is not None:
                known = weights.get(key)
                if known is not None:
                    count, exact = known
                    if count > best:
                        return
                    if exact:
                        scored.append((count, order))
                        best = count
                        return
            span = first, last
            if span not in through_rows:
                through_span = set().union(*through[first:last + 1])
                outside = [k for k in printed_broken if k not in through_span]
                summed = sorted(through_span, key=lambda k: len(cells[k]))
                through_rows[span] = [(left[k], right[k], cells[k]) for k in summed], outside, \
                    set.intersection(*(cells[k] for k in outside)) if outside else None
            again, broken, shared = through_rows[span]
            if len(broken) > best or shared is not None and not shared:
                if weights is not None:
                    weights[key] = (len(broken) if shared is None or shared else inf), False
                return
            count = len(broken)
            summed_all = False  # (False: dropped before summing every equation, `count` a floor)
            lo, hi = key[0] * width, key[0] * width + len(key[1])
            values[lo:hi] = key[1]
            for n, (left_side, right_side, over) in enumerate(again):
                if abs(sum(left_side(values)) - sum(right_side(values))) > 1e-9:
                    count += 1
                    shared = over if shared is None else shared & over
                    if count > best or not shared:  # (the cells the broken ones all go through only grow fewer)
                        again.insert(0, again.pop(n))  # (summed first for the next reading of the rows)
                        break
            else:
                summed_all = True
            values[lo:hi] = printed[lo:hi]
            if shared is not None and not shared:
                if weights is not None:
                    weights[key] = inf, False
                return
            if weights is not None:
                weights[key] = count, summed_all
            if count > best:
                return
            # the equations broken (if any) all go through one cell: at most a typo
            scored.append((count, order))
            best = count

        weigher.extend((weigh, may_be_chosen if whole and placed_again[0] else None))

    # Budget 2 (whole numbers) makes a reading with rows placed again only if weighing it as made
    # would score it: one that would not is never chosen (`best` only falls), nor would a reading
    # with its numbers made later be; only how many readings there are can differ (see capped)
    passing = pass_by and budget > 1 and whole

    def capped() -> tuple[Optional[list[int]], Optional[float]]:
        """What readings past _MAX_CANDIDATES give: none; with readings passed by (of which some
        may share numbers: how many readings they made is not known), what the readings give
        with none passed by."""
        if passed_by[0]:
            return _best_reading(report, table, stream, numbers, shifts, budget, anchors, gathered, bound, pass_by=False,
                                 weights=weights)
        return None, None

    if plain[rows] <= budget:
        consider(list(range(size)), (rows, ()), rows, -1)
    # Every pair (i, j): stream[j] read at i, or stream[i] at j. The rows between them must add up
    # shifted one cell (back/ahead prefix counts) and the rows outside as printed; all counts only
    # grow with the distance, so for each i the rows of j the budget leaves form one run
    # [first, stop), found once per row of i, and only the pairs in it are looked at.
    # (row of i, stream[i]) -> the rows of j in the run whose values are not all stream[i] (every
    # value of such a row equal to stream[i]: no move reads otherwise), each with the rows but
    # those of i and j not adding up when the stream between them runs a cell late and early
    rows_of_j: dict[tuple[int, float], list[tuple[int, int, int]]] = {}
    run_row = -1
    run: list[tuple[int, int, int]] = []
    for i in range(size):
        ri = i // width
        if plain[ri] > budget:
            break  # (so is every later i: no j left)
        if ri != run_row:
            run_row = ri
            stop = ri + 1  # the first row of j whose rows between fail shifted either way
            while stop < rows and plain[ri] + min(back[stop] - back[ri + 1], ahead[stop] - ahead[ri + 1]) <= budget:
                stop += 1
            first = ri  # the first row of j after which the rows as printed fit the budget
            while first < stop and plain[ri] + plain[rows] - plain[first + 1] > budget:
                first += 1
            run = []
            for rj in range(first, stop):
                outside = plain[ri] + (plain[rows] - plain[rj + 1])
                if rj > ri + 1:
                    run.append((rj, outside + back[rj] - back[ri + 1], outside + ahead[rj] - ahead[ri + 1]))
                else:
                    run.append((rj, outside, outside))
        value = numbers[i]
        open_rows = rows_of_j.get((ri, value))
        if open_rows is None:
            open_rows = rows_of_j[ri, value] = [(rj, late, early) for rj, late, early in run if alike[rj] != value]
        for rj, late, early in open_rows:
            row_j = rj * width
            js = range(max(i + 1, row_j), row_j + width)
            if late > budget and early > budget:  # neither move fits: no reading from this row
                if js and len(readings) + passed_by[0] > _MAX_CANDIDATES:
                    return capped()
                continue
            # stream[j] belongs at i: between them the stream runs one cell late (moving a value
            # next to an equal one, or from after one, reads as another move does: tried once); a
            # row of j apart from i's left not adding up fits only below the budget
            late_on, late_room = late <= budget, ri == rj or late < budget
            # stream[i] belongs at j: between them the stream runs one cell early
            early_on = early <= budget and i + 1 < size and numbers[i] != numbers[i + 1] \
                and (ri == rj or early + leaves_early[i] <= budget)
            if whole and ri != rj:
                # rows apart, whole numbers: stream[j] moved fits when the rows of i and j fail
                # no more than the room the budget leaves; with none, the row of j adds up without
                # it and the row of i with it (the one value it adds up with); with room for one,
                # either does (the row of j failing only if the row of i can add up)
                wanted = late_wanted[i]
                can_join = value != wanted and wanted in stepping[rj]  # (the row of i can add up)
                if late == budget:
                    late_on = can_join and wanted in staying[rj]
                elif late == budget - 1:
                    late_on = can_join or any(v != value for v in staying[rj])
                    late_room = can_join
                # stream[i] moved, with no room: the row of j adds up with it (the one value for
                # its cells before the last, and the one for its last)
                if early_on and early + leaves_early[i] == budget:
                    early_on = value in (early_wanted[row_j], early_wanted[row_j + width - 1])
                if not late_on and not early_on:  # (the row of j has a value not stream[i]'s)
                    if len(readings) + passed_by[0] > _MAX_CANDIDATES:
                        return capped()
                    continue
            for j in js:
                if numbers[j] == value:
                    continue
                if late_on and steps[j] and (late_room or not leaves_late[j]) \
                        and late + late_edge(i, j, ri, rj) <= budget:
                    consider((i, j, True), moved(i, j, True, ri, rj), ri, rj)
                if early_on and early + early_edge(i, j, ri, rj) <= budget:
                    consider((i, j, False), moved(i, j, False, ri, rj), ri, rj)
                if len(readings) + passed_by[0] > _MAX_CANDIDATES:
                    return capped()
    if not readings or budget > 1 and not placed_again[0]:
        if left_out[0]:  # (every reading left out)
            return _best_reading(report, table, stream, numbers, shifts, budget, anchors, gathered, weights=weights)
        # (without rows placed again, budget 2 weighs the readings budget 1 did, each move leaving
        # one row at most not adding up, in the same order, and chooses as it did: none)
        return None, None
    if not weigher:
        set_up_weighing()
    if not weighed_as_made[0]:
        weigh = weigher[0]
        for key, (order, first, last) in readings.items():
            weigh(key, order, first, last)
    # (readings are left out only below a bound)
    if left_out[0] and bound is not None and (best > bound or len(readings) + left_out[0] > _MAX_CANDIDATES):
        return _best_reading(report, table, stream, numbers, shifts, budget, anchors, gathered, weights=weights)
    if left_out[0] and len(readings) + passed_by[0] + left_out[0] > _MAX_CANDIDATES:
        return capped()  # (how many readings there were is not known: see capped)
    if not scored:
        return None, None
    chosen = [order for s, order in scored if s == best]
    if len(chosen) > 1 and gathered is not None:
        # the row each value printed after the label of (worked out only here: readings seldom tie)
        beside = {id(t): r for r, k in enumerate(keys) for t in gathered.get(k, [])}
        printed_in = [beside[id(t)] for t in stream]

        def counting(kept) -> Callable[[Any], int]:
            """How many cells of a reading keep(cell, stream index): a value moved (i, j, late)
            reads as printed outside cells i to j, so only those are looked at (the printed
            stream's count before i and after j from its running counts)."""
            # the running counts of cell c keeping c + shift: as printed (0), and, between i and
            # j, the stream running a cell late (-1: cell c holds c - 1) or early (1: c + 1);
            # each made at first need (readings placed again from the printed stream need none)
            runs: dict[int, list[int]] = {}

            def running(shift: int) -> list[int]:
                if shift not in runs:
                    keeps: Iterable[bool]
                    if not shift:
                        keeps = map(kept, range(size), range(size))
                    elif shift < 0:  # (cell 0 holds none before it)
                        keeps = chain((False,), map(kept, range(1, size), range(size - 1)))
                    else:  # (nor the last cell one after it)
                        keeps = chain(map(kept, range(size - 1), range(1, size)), (False,))
                    runs[shift] = list(accumulate(keeps, initial=0))
                return runs[shift]

            # the count of each whole order (by id: the readings placed again from the printed
            # stream share it, and hold it while these count)
            whole_counts: dict[int, int] = {}

            def count(order) -> int:
                if type(order) is list:
                    if id(order) not in whole_counts:
                        whole_counts[id(order)] = sum(map(kept, range(len(order)), order))
                    return whole_counts[id(order)]
                if len(order) == 4:  # (order, lo, held, placed): order but for cells lo on, which held
                    before, lo, held, placed = order
                    hi = lo + len(held)
                    return count(before) - sum(map(kept, range(lo, hi), held)) \
                        + sum(map(kept, range(lo, hi), map(held.__getitem__, placed)))
                i, j, late = order
                if late:  # cell i holds j, cells i + 1 to j hold i to j - 1
                    lagging = running(-1)
                    moved = kept(i, j) + lagging[j + 1] - lagging[i + 1]
                else:  # cells i to j - 1 hold i + 1 to j, cell j holds i
                    leading = running(1)
                    moved = leading[j] - leading[i] + kept(j, i)
                as_printed = running(0)
                return as_printed[i] + moved + as_printed[size] - as_printed[j + 1]
            return count

        def beside_label(cell: int, n: int) -> bool:
            return numbers[n] != 0 and printed_in[n] == cell // width
        chosen = _most(chosen, counting(beside_label))
        if len(chosen) > 1:
            # still alike: the reading that keeps most of the zeros too beside their labels (a
            # row printing its seven values after its label is read whole, not shifted a cell)
            def all_beside(cell: int, n: int) -> bool:
                return printed_in[n] == cell // width
            chosen = _most(chosen, counting(all_beside))
    return (order_of(chosen[0]) if len(chosen) == 1 else None), best  # (else another reading does as well)


def _most(items: list, measure) -> list:
    """The items whose measure is the largest, in their order (each measured once)."""
    measured = [measure(item) for item in items]
    most = max(measured)
    return [item for item, m in zip(items, measured) if m == most]


def _rows_short(parts: tuple, totals: tuple) -> int:
    """How many more values the rows need at least, given their parts' and totals' sums of values
    above 0 placed so far (a total 0: none placed): a row whose parts pass its total can never
    add up (a number beyond any count); one whose parts fall short of its total needs another
    part, one with parts but no total needs its total."""
    short = 0
    for p, t in zip(parts, totals):
        if t > 0:
            if p - t >= 1e-9:
                return _MAX_MOVED + 1
            short += t - p >= 1e-9
        else:
            short += p >= 1e-9
    return short


def _replaced(held: tuple, bad: list[int], numbers: list[float], width: int,
              anchors: dict[int, int]) -> list[list[int]]:
    """Readings of a reading whose rows `bad` (neighbours) hold the cells `held` (stream indices,
    in order) with those cells' values other than 0 placed again within those rows so that they
    add up, the zeros filling the other cells in printed order; a value printed on a line of a
    row's label stays in that row. Each reading is the stream order of those rows' cells (the
    rest of the reading unchanged), in the order of the cells the values take (the first value's
    cell first)."""
    size = len(bad) * width
    moving = [n for n in held if numbers[n] != 0]
    zeros = [n for n in held if numbers[n] == 0]
    count = len(moving)
    if not moving or count > _MAX_MOVED:
        return []
    allowed = [[i for i in range(size) if n not in anchors or anchors[n] == bad[i // width]] for n in moving]

    # an earlier value equal to this one and free to go where it may (see place)
    twins = [[h for h in range(k) if numbers[moving[h]] == numbers[moving[k]] and allowed[h] == allowed[k]]
             for k in range(count)]
    # values above 0 only make a row's sums grow: placings that leave more rows short of a value
    # than there are values left can not add up
    growing = all(numbers[n] > 0 for n in moving)
    # whole numbers add up exactly: the rows' parts and totals then each take half of all values
    whole = growing and all(type(numbers[n]) is int for n in moving) and sum(numbers[n] for n in moving) < 2 ** 50
    half = sum(numbers[n] for n in moving) / 2
    if whole and half != int(half):
        return []
    values = [numbers[n] for n in moving]
    row_of = [i // width for i in range(size)]
    total_at = [i % width == width - 1 for i in range(size)]
    # the cells the last value may take, by row (in order)
    last_allowed = [[i for i in allowed[-1] if row_of[i] == r] for r in range(len(bad))]
    # the rows whose parts, and those whose total, each value may go in
    part_rows = [sorted({row_of[i] for i in cells if not total_at[i]}) for cells in allowed]
    total_rows = [sorted({row_of[i] for i in cells if total_at[i]}) for cells in allowed]
    finishes: dict[tuple, bool] = {}

    def can_finish(k: int, now_parts: tuple, now_totals: tuple) -> bool:
        """Whether moving[k:] (whole numbers above 0) can still make every row add up, the rows'
        sums so far `now_parts` and `now_totals`: each value in a row's parts or in its total
        (a row's one total cell, free while its total is 0), as its cells allow, whatever cell
        of them (so a placing the walk would find is one of these). Worked out once per sums."""
        if k == count:
            return now_parts == now_totals  # (whole numbers: exact)
        key = (k, now_parts, now_totals)
        known = finishes.get(key)
        if known is None:
            value = values[k]
            known = any(can_finish(k + 1, now_parts[:r] + (now_parts[r] + value,) + now_parts[r + 1:], now_totals)
                        for r in part_rows[k]) or \
                any(not now_totals[r] and can_finish(k + 1, now_parts, now_totals[:r] + (value,) + now_totals[r + 1:])
                    for r in total_rows[k])
            finishes[key] = known
        return known
    # the walk's state, changed and restored in place: the stream index in each cell (None: a
    # zero's), each value's cell, and each row's sums of the values placed, added in placing order
    taken: list[Optional[int]] = [None] * size
    at = [0] * count
    parts = [0.0] * len(bad)
    totals = [0.0] * len(bad)
    out: list[list[int]] = []

    def short_of(p: float, t: float) -> int:
        """A row's part of _rows_short."""
        if t > 0:
            return _MAX_MOVED + 1 if p - t >= 1e-9 else t - p >= 1e-9
        return p >= 1e-9

    def place(k: int, all_parts: int, all_totals: int, short: int) -> None:
        """Place moving[k:] (moving[h] at cell at[h]); all_parts and all_totals: the sums of the
        values placed in parts and in totals, for whole numbers (exact: each side was at most
        half before, so only the side a value joins can pass half); short: _rows_short(parts,
        totals) when the values grow (a value placed changes one row's part of it)."""
        if k == count:
            for p, t in zip(parts, totals):
                if not abs(p - t) < 1e-9:
                    return
            fill = iter(zeros)
            out.append([n if n is not None else next(fill) for n in taken])
            return
        # an equal value, free to go where this one may, took a cell: this one goes to a later
        # cell (the same readings, tried once)
        after = max([at[h] for h in twins[k]]) if twins[k] else -1
        value = values[k]
        n = moving[k]
        left = count - k - 1
        if not left:
            # The last value: a reading wherever every row then adds up. It changes one row, so
            # with a row not adding up now it can only go in that row (with two, nowhere). The
            # tests below skip no such cell: its rows' sums are each half the values' then, and
            # none is short.
            failing = [r for r, (p, t) in enumerate(zip(parts, totals)) if not abs(p - t) < 1e-9]
            if len(failing) > 1:
                return
            for r in failing or range(len(bad)):  # (in cell order, as the walk tries them)
                p, t = parts[r], totals[r]
                fits_total, fits_part = abs(p - (t + value)) < 1e-9, abs(p + value - t) < 1e-9
                if not (fits_total or fits_part):
                    continue
                for i in last_allowed[r]:
                    if i <= after or taken[i] is not None or not (fits_total if total_at[i] else fits_part):
                        continue
                    taken[i] = n
                    fill = iter(zeros)
                    out.append([m if m is not None else next(fill) for m in taken])
                    taken[i] = None
            return
        for i in allowed[k]:
            if i <= after or taken[i] is not None:
                continue
            r = row_of[i]
            is_total = total_at[i]
            if whole and (all_totals if is_total else all_parts) + value > half:
                continue
            p, t = parts[r], totals[r]
            if is_total:
                now_p, now_t = p, t + value
            else:
                now_p, now_t = p + value, t
            now_short = 0
            if growing:
                # (every row's part was below _MAX_MOVED + 1 here, or this walk had stopped)
                now_short = short - short_of(p, t) + short_of(now_p, now_t)
                if now_short > left:
                    continue
            parts[r], totals[r] = now_p, now_t
            if whole and left > 1 and not can_finish(k + 1, tuple(parts), tuple(totals)):
                parts[r], totals[r] = p, t  # (no cell of the values left completes the rows)
                continue
            taken[i] = n
            at[k] = i
            if is_total:
                place(k + 1, all_parts, all_totals + value, now_short)
            else:
                place(k + 1, all_parts + value, all_totals, now_short)
            taken[i] = None
            parts[r], totals[r] = p, t

    place(0, 0, 0, 0)
    return out


def stream_with_lost_cells(values_of: dict[str, list[Token]], width: int, rows: int) -> bool:
    """Whether a table's values came as a reading-order stream (one value a line, no grid) that
    does not hold one value per cell: blank cells left no trace (or something else's values got
    in), so the stream no longer tells which value is whose."""
    count = sum(map(len, values_of.values()))  # (counted first: commonly one value a cell, and no list is needed)
    if not count or count == rows * width:
        return False
    return _mostly_alone([t for values in values_of.values() for t in values])


def flag_unanchored_rows(report: Report, table: Table, values_of: dict[str, list[Token]], placed: set[str],
                         pages: tuple[int, ...] = ()) -> None:
    """Rows of 表三 read in full from a stream with lost cells (stream_with_lost_cells) whose
    seven values may not all be their own: those that do not add up (a neighbour's value, often
    its 总计, printed after this row's label), and those of zeros printed partly "0" and partly
    "—", where which cell printed which cannot be told. Flagged (STREAM_UNANCHORED: the row's own
    sum alone grounds no repair), never reported as the report's mistake. `values_of`: every
    row's values as printed after its label; `placed`: rows already read otherwise (by the sums
    or by position); `pages`: the lines beginning a page where the text marks its pages
    (pdftotext's form feeds), which tell a PDF's text from another's."""
    width = len(table.rows[0].columns)
    if not stream_with_lost_cells(values_of, width, len(table.rows)):
        return
    flagged = {f.cell for f in report.flags}
    for key, values in values_of.items():
        if len(values) != width or f"{table.section}.{key}" in flagged or key in placed:
            continue
        numbers = [token_number(t) for t in values]
        if not known(numbers):
            continue
        zeros_both_ways = not any(numbers) and {t.kind for t in values} == {NUM, NA}
        if zeros_both_ways or not parts_add_up(numbers):
            report.flags.append(Flag(f"{table.section}.{key}", "parse",
                                     f"「{table.row(key).label}」行：表格{_stream_kind(report.format, pages)}，部分空白单元格未留痕迹，"
                                     "本行数值可能不全是本行的，请对照原文核对", (STREAM_UNANCHORED,)))


def _stream_kind(format: str, pages: tuple[int, ...]) -> str:
    """How a table comes as a stream, said to the auditor: a Word document or a web page written
    out a cell a paragraph (mammoth's Markdown, pandoc), a PDF's text in its reading order (a PDF,
    or a text marking its pages as pdftotext does), or a text in its order where no PDF is behind
    it (lynx, LibreOffice's text, mammoth's raw text: no page marked)."""
    if format in ("md", "docx", "html"):
        return "每格一段依次印出"
    return "按PDF文字顺序印出" if format == "pdf" or pages else "按文字顺序依次印出"


# --- the first two rows of 表三, interleaved under its header -----------------------------------

def _head_placed_failing(report: Report, table: Table, head: list[str], tail: tuple[str, str]) -> bool:
    """Whether the first two rows were placed by the parser (a row-level inferred flag: their values
    printed apart from their labels), not as printed beside them, and their cells so read fail the
    column sums (T3-1) with the last two rows in two columns at least: the order they were placed in is
    not the columns' (two values in each other's place break two columns' sums, a typo one)."""
    placed = {f.cell for f in report.flags if f.kind == "inferred"}
    if not any(f"{table.section}.{k}" in placed for k in head):
        return False
    failing = 0
    for column in table.rows[0].columns:
        left, right = [[report.cells[f"{table.section}.{k}.{column.key}"].arithmetic for k in keys] for keys in (head, tail)]
        if not (known(left) and known(right)):
            return False
        failing += abs(sum(left) - sum(right)) > 1e-9
    return failing >= 2


def _count_text(value: float) -> str:
    """A count as the report prints it (18, not 18.0)."""
    return str(int(value)) if value == int(value) else str(value)


_MAX_HEAD_PLACEMENTS = 30  # placements of the first two rows fitting alike with a typo, no more


def _one_misprint_as_printed(numbers: list, sums: list, width: int) -> bool:
    """Whether 表三's first two rows read in printed order (`numbers`: the first row's `width`
    values, then the second's) fail no more sums than one misprint breaks: one column's sum
    (`sums`: each column's （七）总计 + 四、结转下年度) and one row's own sum at most."""
    rows = (numbers[:width], numbers[width:])
    failing_columns = sum(abs(rows[0][c] + rows[1][c] - sums[c]) > 1e-9 for c in range(width))
    failing_rows = sum(not parts_add_up(row) for row in rows)
    return failing_columns <= 1 and failing_rows <= 1


def head_rows_by_column_sums(report: Report, table: Table, tokens: list[Token]) -> None:
    """表三's first two rows (一、本年新收 and 二、上年结转) as plain pdftotext prints them: their
    fourteen values come after both labels (or before both, among the header's words),
    interleaved with the header's words in an order that
    follows the text blocks, not the columns. The column sums name each column's pair:
    new + carried over = （七）总计 + 四、结转下年度 (T3-1), with those two rows read; each row
    adding up, and the first value printed being the table's first cell (新收 自然人), the values
    are placed the one way that satisfies all of it, flagged inferred; left as read otherwise. When
    no way does, one column at a time is left to the row sums alone (a typo in its sum), and then
    with it one row let not add up (a typo breaks both its column's sum and its row's).

    Placed so, with a typo, several ways may fit alike (a table of 0s but a misprinted 1 puts the
    1 in any cell): the misprint is in the fourteen values all the same. The first way is read and
    the cells the ways disagree on are flagged (UNDECIDED_CELL), so that the sums failing through the
    one holding the misprint name them all; left unread, the sums filled the two rows in and the
    printed value vanished."""

    keys = [row.key for row in table.rows]
    head, tail = keys[:2], ("total", "carried_forward")
    width = len(table.rows[0].columns)
    unsure = {f.cell for f in report.flags if f.kind == "parse"}
    if any(f"{table.section}.{k}" in unsure for k in tail):
        return
    replacing = not any(f"{table.section}.{k}" in unsure for k in head)  # rows placed already: as the sums say, or not at all
    if replacing and not _head_placed_failing(report, table, head, tail):
        return
    labels = find_labels(table, tokens)
    if [k for _, k in labels[:2]] != head:
        return
    end = labels[2][0] if len(labels) > 2 else len(tokens)
    printed = [t for t in tokens[labels[0][0]:end] if t.kind in (NUM, NA, EMPTY)]
    if not printed:  # printed before both labels, among the header's words
        printed = [t for t in tokens[:labels[0][0]] if t.kind in (NUM, NA, EMPTY)]
    if len(printed) != 2 * width or any(t.kind == EMPTY for t in printed):
        return
    columns = [c.key for c in table.rows[0].columns]
    sums: list[Optional[Number]] = []  # each column's sum (None: a column left free, below)
    for c in columns:
        tail_values = [report.cells[f"{table.section}.{k}.{c}"].arithmetic for k in tail]
        if not known(tail_values):
            return
        sums.append(sum(tail_values))
    numbers = cast(list[Number], [token_number(t) for t in printed])  # (numbers and placeholders: none unknown)
    if sum(t.kind in (NUM, NA, EMPTY) for t in tokens[labels[0][0]:labels[1][0]]) == width \
            and _one_misprint_as_printed(numbers, sums, width):
        # each row's values printed after its own label, in an order that fails no more than one
        # misprint does: they are the row's cells as printed (placed by the sums, a misprint let
        # values move across the rows, and the cells they moved were left undecided)
        for key, values in zip(head, (printed[:width], printed[width:])):
            store_row(report, table, key, values)
        return
    kinds = [(t.kind, n) for t, n in zip(printed, numbers)]
    solutions: list[tuple] = []
    found: set[tuple] = set()  # the values (and how printed) of each placement found
    rows_failing = 0  # rows allowed not to add up

    most = [2]  # placements looked for: two tell that the sums do not decide
    everyone = range(len(printed))
    # each column's pairs adding up to its sum, found once (ascending, as `left` is): a search with
    # a column left free visits thousands of placements, most of them dead ends (mutant-823-r0030)
    partners = [[tuple(b for b in everyone if b != a and abs(numbers[a] + numbers[b] - total) <= 1e-9)
                 for a in everyone] for total in cast(list[Number], sums)]

    def place(column: int, left: list[int], new: tuple, carried: tuple) -> None:
        if len(solutions) >= most[0]:
            return
        if column == width:
            failing = (not parts_add_up([numbers[i] for i in new])) + (not parts_add_up([numbers[i] for i in carried]))
            reached.append((new, carried, failing))
            keep(new, carried, failing)
            return
        free = sums[column] is None
        seen = set()  # the kinds of the pairs placed in this column
        tried = set()  # the kinds of the values tried first in it
        for a in left:
            if column == 0 and a != 0:
                continue  # the first value printed is the table's first cell
            if kinds[a] in tried:
                continue  # (a value printed alike before it had the same partners: their pairs all seen)
            tried.add(kinds[a])
            for b in (left if free else partners[column][a]):
                if b == a or (kinds[a], kinds[b]) in seen or not free and b not in left:
                    continue
                seen.add((kinds[a], kinds[b]))
                rest = [i for i in left if i != a and i != b]
                # a later column whose sum no pair of the values left makes: no placement below (with
                # one column free, most branches end so, several columns on; with none, the next
                # column finds it as soon)
                if not looking_ahead or all(sums[c] is None or any(y in rest for x in rest for y in partners[c][x])
                                            for c in range(column + 1, width)):
                    place(column + 1, rest, new + (a,), carried + (b,))

    def keep(new: tuple, carried: tuple, failing: int) -> None:
        if failing <= rows_failing:
            read = tuple(kinds[i] for i in new + carried)
            if read not in found:
                found.add(read)
                solutions.append((new, carried))

    reached: list[tuple] = []  # the placements the search ended at, in its order
    looking_ahead = False
    place(0, list(everyone), (), ())
    # a typo in a cell breaks its column's sum and its row's: each column in turn left free, then
    # with it one of the two rows let not add up (the sums through the typo then name it)
    exact = bool(solutions)
    if not solutions and not replacing:
        most[0] = _MAX_HEAD_PLACEMENTS + 1
        reached.clear()
        looking_ahead = True
        for free in range(width):
            kept, sums[free] = sums[free], None
            place(0, list(everyone), (), ())
            sums[free] = kept
        # none kept with both rows adding up: the search found them all, and, one row let not add
        # up, would walk them again in the same order (the same columns free): they are read again
        rows_failing = 1
        for new, carried, failing in reached if not solutions else ():  # (else: read already)
            if len(solutions) >= most[0]:
                break
            keep(new, carried, failing)
    if not solutions or len(solutions) > (1 if exact else _MAX_HEAD_PLACEMENTS):
        return  # no such placement, or several with every sum holding, or too many: left as read
    new, carried = solutions[0]
    # placed by the row order, the cells read so: a report misprinting values in each other's cells
    # prints what pdftotext printing the blocks out of order prints, so the cells moved say it
    as_printed = {path: report.cells[path].arithmetic for key in head for path, _ in row_cells_of(table, key)} \
        if replacing else {}
    for key, chosen in zip(head, (new, carried)):
        store_row(report, table, key, [printed[i] for i in chosen])
    cells = {f"{table.section}.{k}" for k in head}
    report.flags = [f for f in report.flags if f.cell not in cells and f.cell.rsplit(".", 1)[0] not in cells]
    for key in head:
        row = table.row(key)
        for column in row.columns:
            path = f"{table.section}.{key}.{column.key}"
            before, after = as_printed.get(path), report.cells[path].arithmetic
            if before is not None and after is not None and before != after:
                report.flags.append(Flag(path, "inferred", f"「{row.label}」×「{column.label}」：按印出顺序为"
                                         f"{_count_text(before)}，各列合计不符；已按各列合计关系读作"
                                         f"{_count_text(after)}（若原表本身印错，以原文为准），请对照原文核对"))
    for key in head:
        report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                                 f"「{table.row(key).label}」行的数值与相邻行交错印出（PDF文字顺序），"
                                 "已按各列合计关系归位，请对照原文核对"))
    for r, key in enumerate(head):  # cells the placements fitting alike disagree on
        row = table.row(key)
        for n, column in enumerate(row.columns):
            if len({kinds[solution[r][n]] for solution in solutions}) > 1:
                report.flags.append(Flag(f"{table.section}.{key}.{column.key}", "inferred",
                                         UNDECIDED_CELL.format(row.label, column.label),
                                         (READING_UNDECIDED,)))
