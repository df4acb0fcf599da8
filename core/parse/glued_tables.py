"""Rows glued into one run of text (docx2txt): the breaks between cells are gone
("…数量58332171822－672二、上年结转…"). A row's run is cut so that its 总计 is the sum of the others, and
the column sums with the other rows choose between cuts; what they leave open stays unread and
flagged (glued_t3, glued_t4). (The other streams converters flatten tables into: stream.py.)
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, combinations, combinations_with_replacement, compress, filterfalse, islice, product
from operator import itemgetter
from typing import Callable, Iterator, Optional, Sequence, cast

from core.equations import Equation, equations, expected_by_columns, is_digit_slip, through
from core.model import GLUED_NO_CUT, GLUED_NO_JOINT_CUT, GLUED_UNDECIDED, PLACED_LEFT, Flag, Number, Report, known
from core.parse.columns import equation_score, reading_scores
from core.parse.glued import (CUT_LEFT_OPEN, LEFT_OPEN, MAX_CELL_DIGITS, MAX_DIGITS, NO_UNIQUE_CUT, NONE_FOUND,
                              SOME_HOLD, adds_up, around_unread, completes, jointly_possible, jointly_possible_without,
                              reading_places, row_completes, row_reading_places, split_summed, sums_no_choice_holds)
from core.parse.glued_places import MOST_READINGS, Placements, placed_by_sums
from core.parse.glued_typo import one_off_with_open_rows
from core.parse.lost import zero_row
from core.parse.memo import document_memo, make_room, remember
from core.parse.one_misprint import placement_for_one_misprint
from core.parse.prose_counts import flat_prose, stated_t4
from core.parse.row_sums import parts_add_up
from core.parse.subtotal_rows import (GLUED_SUBTOTAL, GLUED_SUBTOTAL_BLANK_TOTAL, glued_readings, printed_subtotal,
                                      without_subtotal)
from core.parse.tokens import COUNT_UNITS, EMPTY, NA, NUM, Token, ascii_digits, char_places, glued_zeros_as_digits
from core.template import Table, tables

_VALUE = itemgetter(0)  # a reading's column's value (its (value, piece))
_VALUE_CHARS = set("0123456789－—/-无 \t\n")
_CELL = re.compile(r"(?<!\S)(?:--|——)(?!\S)|\d+|[－—/\-]|无")  # a "--" or "——" standing alone is one cell
_CELL_PAIRED = re.compile(r"\d+|--|——|[－—/\-]|无")  # where "--" and "——" print one placeholder


def _printed_cells(run: str, offset: int, pattern: re.Pattern) -> list[tuple[str, int, int]]:
    """(text, start, end) of the printed cells of a run (no cell spans a space)."""
    return [(m.group(), offset + m.start(), offset + m.end()) for m in pattern.finditer(run)]


def _printed_cells_each_way(run: str, offset: int) -> Iterator[list[tuple[str, int, int]]]:
    """The printed cells of a run under _CELL, then under _CELL_PAIRED: the same cells (a copy),
    not looked for again, unless the run prints "--" or "——", the only text they take apart."""
    cells = _printed_cells(run, offset, _CELL)
    yield cells
    yield _printed_cells(run, offset, _CELL_PAIRED) if "--" in run or "——" in run else list(cells)


_MAX_READINGS = 60
_MAX_STEPS = 20000  # a run this ambiguous is left unread anyway


def _label_end(text: str, position: int) -> int:
    """Where a row's values start: the first digit or placeholder after its label words
    ("无" only where it does not start a word of the label, as in "无正当理由")."""
    while position < len(text):
        char = text[position]
        if char.isdigit() or char in "－—/-":
            return position
        if char == "无" and (position + 1 == len(text) or text[position + 1] in _VALUE_CHARS):
            return position
        position += 1
    return position


# _VALUE_CHARS in a row, but for a 无 starting "无法…" or "无正当理由…": the next label (a 无 before
# "五、" or "（四）" is a cell)
_VALUES = re.compile(r"(?:[0-9０-９－—/\- \t\n]|无(?![法正]))*")


def _value_run(text: str, start: int) -> tuple[int, int]:
    """The run of value characters from `start`, less the numbering of the label glued after it
    ("00000002.其他…": the 2 is the next row's number)."""
    found = _VALUES.match(text, start)
    assert found is not None  # (the pattern matches the empty string)
    end = found.end()
    if end < len(text) and text[end] in ".、．" and end > start and text[end - 1].isdigit():
        end -= 1
    return start, end


_HEADING = re.compile(r"[一二三四五六七八九十]、")  # a row's label or a section's heading starts here


_LATER_KEYWORDS: dict[int, tuple[Table, list[tuple[str, ...]]]] = {}


def _later_keywords(table: Table) -> list[tuple[str, ...]]:
    """Per row (its index), the keywords labelling a row after it: those whose last row (the last
    row whose keywords hold the word) comes later (worked out once a table; found with str.find,
    not a pattern of them all: compiling that pattern cost a report meeting its first glued table
    more than every search it served)."""
    known = _LATER_KEYWORDS.get(id(table))
    if known is None or known[0] is not table:
        last_row = {w: n for n, row in enumerate(table.rows) for w in row.keywords}
        words = sorted(last_row, key=lambda w: -last_row[w])  # (later rows' keywords first)
        later, count = [], len(words)  # (row n's: the first `count` words, those whose last row is past n)
        for n in range(len(table.rows)):
            while count and last_row[words[count - 1]] <= n:
                count -= 1
            later.append(tuple(words[:count]))
        known = _LATER_KEYWORDS[id(table)] = (table, later)
    return known[1]


def _later_label_before(text: str, later: tuple[str, ...], label_end: int, start: int) -> bool:
    """Whether one of the `later` keywords (of the rows after a row: _later_keywords) starts in
    text[label_end:start] (it may end past `start`)."""
    return any(text.find(word, label_end, start - 1 + len(word)) >= 0 for word in later)


# The last _glued_runs found: (text, table, runs). glued_t3, glued_t4 and core.check ask for the same
# report's in turn (the runs are only read, never changed).
_LAST_RUNS: tuple[str, Optional[Table], dict[str, tuple[int, int]]] = ("", None, {})


def _glued_runs(text: str, table: Table) -> dict[str, tuple[int, int]]:
    """(start, end) of each row's run of values in `text`, rows found by label in template order."""
    global _LAST_RUNS
    last_text, last_table, last_runs = _LAST_RUNS
    if last_table is table and last_text == text:
        return last_runs
    runs: dict[str, tuple[int, int]] = {}
    position = 0
    later = _later_keywords(table)
    for n, row in enumerate(table.rows):
        at, word = _label_at(text, row, position)
        if at < 0:
            continue
        start, end = _value_run(text, _label_end(text, at + len(word)))
        # (a row without keywords is found by "其他", which labels say in passing: 不计其他情形)
        # (a later label starting before `start`: none when the values follow the label straight away)
        label_end = at + len(word)
        if start > label_end and (_later_label_before(text, later[n], label_end, start)
                                  or _HEADING.search(text, label_end, start)):
            # a row of blanks printed nothing: the values after are a later row's (or, after the
            # last row, the next section's: "四、结转下年度继续办理四、政府信息公开行政复议…")
            start = end = label_end
        runs[row.key] = (start, end)
        position = end
    _LAST_RUNS = (text, table, runs)
    return runs


def _label_at(text: str, row, position: int) -> tuple[int, str]:
    """Where the row's label (its first keyword found) is in `text` from `position`: -1 if nowhere."""
    found = [(at, w) for at, w in ((text.find(w, position), w) for w in row.keywords or ("其他",)) if at >= 0]
    return min(found) if found else (-1, "")


def _readings(cells: list[str], width: int, accept, blanks: bool, cut: bool = True,
              limit: int = _MAX_READINGS + 1) -> list[tuple[tuple[Optional[int], int], ...]]:
    """Every way to read the printed cells as `width` columns that `accept` allows: a digit run
    is cut into numbers without leading zeros, a placeholder fills one column, and a column may
    have printed nothing at all (its blank left no trace). Each column is (value, index of the
    printed cell it comes from), value None for a placeholder and index -1 for a blank.

    The search walks the readings depth first and gives up after _MAX_STEPS steps or beyond
    _MAX_READINGS readings (or once it has `limit`). A branch that cannot end in an accepted
    reading (cells left over; for _row_sum, no 总计 the rest can print equals the sum, see
    glued.row_completes) is not walked: the steps are those of branches holding readings.

    A printed cell of more than MAX_DIGITS digits has no reading: no row of a table prints so long
    a value or run (glued.split_summed refuses it too), weighing its cuts cost seconds for
    thousands of digits, and int() refuses more than 4 300."""
    longest = max(map(len, cells), default=0)  # (most calls: no cell long enough to test its digits)
    if longest > MAX_DIGITS and any(len(c) > MAX_DIGITS and c.isdigit() for c in cells):
        return []
    groups = 1 if accept is _row_sum else getattr(accept, "groups", 0)
    run = groups and len(cells) == 1 and cells[0].isdigit()
    if run and not adds_up(cells[0], groups, width // groups):
        return []  # one run of digits that no cut makes add up: the walk would find nothing
    if groups == 1 and longest > MAX_CELL_DIGITS and any(len(c) > MAX_CELL_DIGITS and c.isdigit() for c in cells) and \
            not row_completes(tuple(cells), width, 0, blanks, cut, long=True):
        return []  # no reading adds up (weighed exactly, a long run too): the walk, unpruned there, finds none
    # a row printing only 0s and placeholders: every value is 0, so every reading adds up, and the
    # cells fit the columns left exactly when the walk's own count of them (can_end) says so; the
    # sums are not weighed at all (_walked_readings)
    if groups == 1 and _zeros_only(cells):
        if 0 < width <= _LISTED_ZEROS_WIDTH:
            return _zero_readings(cells, width, blanks, cut, limit)
        return _walked_readings(cells, width, accept, blanks, cut, limit, groups, None, zeros=True)
    # a row of several cells: where its readings pass, listed once for the walk (glued.row_reading_places)
    places = row_reading_places(tuple(cells), width) if groups == 1 and width and blanks and cut and len(cells) > 1 \
        and cells[-1].isdigit() else None
    if groups == 1 and width and not (completes(cells[0], width, 0) if len(cells) == 1 and blanks and cut and cells[0].isdigit()
                                      else places.get((0, 0, 0), 0) & 1 if places is not None
                                      else row_completes(tuple(cells), width, 0, blanks, cut)):
        return []  # balances(0, 0, 0, 0) in the walk, asked before it is set up: no way adds up
    return _walked_readings(cells, width, accept, blanks, cut, limit, groups, places)


# A row of 0s this wide or narrower is listed by _zero_readings: its walk, a node a prefix of a
# reading (at most 2 ** (width + 1)), stays within _MAX_STEPS, so never gives up early.
_LISTED_ZEROS_WIDTH = 12


def _zero_readings(cells: list[str], width: int, blanks: bool, cut: bool, limit: int) -> list[tuple]:
    """The walk's readings of a row of 0s and placeholders, listed without walking: each placeholder
    is one column (None), each run of 0s one column a 0 (uncut: "0" alone is a number), in their
    order, and the columns left over are blanks (None, -1) anywhere. The walk puts a blank before a
    cell at each column, so its readings come in the order of their blanks' columns, lowest first:
    combinations' order. Every one adds up (all 0)."""
    columns: list[tuple[Optional[int], int]] = []
    for index, cell in enumerate(cells):
        if not cell.isdigit():
            columns.append((None, index))
        elif cut or cell == "0":
            columns.extend([(0, index)] * len(cell))
        else:
            return []  # a run of 0s read whole has a leading 0: no number
    spare = width - len(columns)
    if spare < 0 or (spare and not blanks):
        return []
    out: list[tuple] = []
    blank = (None, -1)
    for blank_at in islice(combinations(range(width), spare), limit):
        reading = columns.copy()
        for n in blank_at:  # (in ascending order: each blank lands in its column, the cells after move on)
            reading.insert(n, blank)
        out.append(tuple(reading))
    # every reading's values are 0 throughout: _cut_values is told so (glued_t3 asks it of each)
    make_room(_CUT_VALUES, adding=len(out))
    zeros = (0,) * width
    _CUT_VALUES.update((id(reading), (reading, zeros)) for reading in out)
    return out


def _zeros_only(cells: list[str]) -> bool:
    """Whether the printed cells are only runs of ASCII 0s and placeholders (each value they read is 0)."""
    return all(not cell.isdigit() or (cell.isascii() and not cell.strip("0")) for cell in cells)


def _walked_readings(cells: list[str], width: int, accept, blanks: bool, cut: bool, limit: int, groups: int,
                     places: Optional[dict[tuple[int, int, int], int]],
                     zeros: bool = False) -> list[tuple[tuple[Optional[int], int], ...]]:
    """_readings' walk, where its quick answers did not settle it (`groups`: the run's groups that
    must add up, as _readings worked out; `places`: where the readings of a row of several cells
    pass, as glued.row_reading_places lists them, or None; `zeros`: a row (_row_sum) of 0s and
    placeholders only, whose every way on adds up): the walk's many closures are made only
    here."""
    out: list[tuple] = []
    steps = [0]

    def moves(index: int, used: int, taken: int) -> list[tuple[int, int]]:
        """The (index, used) after each child of a step, in the walk's order."""
        if taken == width:
            return []
        out_moves = []
        if blanks and width - taken > len(cells) - index:
            out_moves.append((index, used))  # this column printed nothing
        if index == len(cells):
            return out_moves
        cell = cells[index]
        if not cell.isdigit():
            out_moves.append((index + 1, 0))
            return out_moves
        rest = cell[used:]
        if not cut:
            if rest[0] != "0" or rest == "0":
                out_moves.append((index + 1, 0))
            return out_moves
        for cut_at in range(1, len(rest) + 1) if rest[0] != "0" else (1,):
            out_moves.append((index + 1, 0) if cut_at == len(rest) else (index, used + cut_at))
        return out_moves

    # Each cell left fills a count of columns from a range (by the moves above): a placeholder one;
    # a run of digits, cut, from its fewest numbers (each leading 0 is one, the rest one) to one a
    # digit, and every count between (a number of two digits or more splits off its last digit);
    # uncut, one unless it has a leading 0. Without blanks, whether a branch can end is whether the
    # columns left lie in the sum of the ranges; with blanks, whether they are at least its least:
    # while more columns are left than cells a column may be blank, so any columns beyond the
    # fewest the cells fill are blanks. Worked out, not searched.
    low, high = [0] * (len(cells) + 1), [0] * (len(cells) + 1)  # the columns cells[i:] can fill
    for i in range(len(cells) - 1, -1, -1):
        cell = cells[i]
        if not cell.isdigit():
            least, most = 1, 1
        elif cut:
            least, most = _fewest_numbers(cell), len(cell)
        elif cell[0] != "0" or cell == "0":
            least, most = 1, 1
        else:
            least, most = width + 1, 0  # no reading at all
        low[i], high[i] = low[i + 1] + least, high[i + 1] + most

    fewest_left: dict[tuple[int, int], int] = {}  # (index, used) inside a run -> the fewest columns left

    def can_end(index: int, used: int, taken: int) -> bool:
        """Whether this branch holds a reading that uses every cell."""
        need = width - taken
        if used:  # inside a run of digits being cut
            least = fewest_left.get((index, used))
            if least is None:
                least = fewest_left[index, used] = _fewest_numbers(cells[index][used:]) + low[index + 1]
            return least <= need and (blanks or need <= len(cells[index]) - used + high[index + 1])
        return low[index] <= need and (blanks or need <= high[index])

    def walk(index: int, used: int, taken: tuple, total: int) -> bool:
        """`used`: digits of cells[index] already cut off; `total`: the sum of `taken`.
        False once the walk has given up."""
        steps[0] += 1
        if len(out) >= limit or steps[0] > _MAX_STEPS:
            return False
        if len(taken) == width:
            if index == len(cells) and accept([v for v, _ in taken]):
                out.append(taken)
            return True
        if blanks and width - len(taken) > len(cells) - index:
            if not step(index, used, taken + ((None, -1),), total):  # this column printed nothing
                return False
        if index == len(cells):
            return True
        cell = cells[index]
        if not cell.isdigit():
            return step(index + 1, 0, taken + ((None, index),), total)
        rest = cell[used:]
        if not cut:
            if rest[0] != "0" or rest == "0":
                value = int(rest)
                return step(index + 1, 0, taken + ((value, index),), total + value)
            return True
        if len(taken) == width - 1:
            # the last column: only the whole rest of the cell can end a reading (a shorter cut
            # leaves digits no column takes, which can_end refuses), so it alone is stepped to
            if rest[0] == "0" and rest != "0":
                return True
            value = int(rest)
            return step(index + 1, 0, taken + ((value, index),), total + value)
        cuts = range(1, len(rest) + 1) if rest[0] != "0" else (1,)
        for cut_at in cuts:
            value = int(rest[:cut_at])
            if bounded and index == last and cut_at < len(cuts) and total + value > int(rest[cut_at:]):
                # the 总计 is cut from what is left of the last cell: a longer cut leaves it smaller
                # still, and only the whole rest, a value ending the cell, is left to try
                cut_at, value = len(rest), int(rest)
            following = (index + 1, 0) if cut_at == len(rest) else (index, used + cut_at)
            if not step(*following, taken + ((value, index),), total + value):
                return False
            if cut_at == len(rest):
                break
        return True

    hopeless = getattr(accept, "hopeless", None)  # a partial reading no way on can make accepted
    # For a row (_row_sum) cut in its last printed cell, the values so far are at most its 总计, and
    # that is the last cell's tail (a number no greater than all the digits left) or a blank (0).
    # Past a cut that leaves too little, the walk tries only the whole rest of the cell: balances
    # would refuse every cut between (exactly, blanks allowed: glued.completes), so no step the walk
    # took is lost and where it gives up stays the same.
    bounded, last = groups == 1 and blanks, len(cells) - 1
    in_last_run = blanks and cut and bool(cells) and cells[-1].isdigit()  # (no longer than MAX_DIGITS: see above)
    after = [tuple(cells[index + 1:]) for index in range(len(cells))] if groups == 1 else []  # the cells after each

    # A row's 总计 is its last printed cell's tail (the whole rest once the cell is cut, leading
    # zeros no part of a number) or 0 (a placeholder, or a blank): never above the last cell read
    # whole, and the values before it add up to it. (row_completes finds so too, but answers True
    # unweighed for a cell too long to weigh, whose cuts the walk would then follow to the end.)
    most_total = int(cells[-1]) if groups == 1 and cells and cells[-1].isdigit() else 0

    def balances(index: int, used: int, taken: int, total: int) -> bool:
        """For a row (_row_sum): exactly whether some way on adds up (glued.row_completes)."""
        if groups != 1 or zeros:
            # (a row of 0s: each value and sum is 0, each 0 run is one column a digit, each placeholder
            # one, so a way on that can_end lets through fills the columns and adds up)
            return True
        if total > most_total:
            return False  # the values so far already pass every 总计 the row can print
        if index == last and in_last_run:  # what row_completes would ask, asked directly
            return completes(cells[index][used:], width - taken, total)
        left = (cells[index][used:],) + after[index] if index < len(cells) else ()
        # (long: a last run beyond MAX_CELL_DIGITS weighed too, by _adding_to, not let through
        # unweighed: else every branch before it is walked, thousands of places for one reading)
        return row_completes(left, width - taken, total, blanks, cut, long=True)

    weighs_sums = groups == 1 and not zeros  # (balances answers True unweighed otherwise: not asked)
    size = width // groups if groups > 1 and not hopeless else 0  # columns of a group that must add up
    counted: dict[tuple[int, int, int], int] = {}

    def steps_below(index: int, used: int, taken: int) -> int:
        """The steps the walk takes in this branch when it finds no reading there (each node that
        can end, as step lets through: for several groups nothing else prunes)."""
        key = (index, used, taken)
        known = counted.get(key)
        if known is None:
            known = counted[key] = 1 + sum(steps_below(i, u, taken + 1) for i, u in moves(index, used, taken)
                                           if can_end(i, u, taken + 1))
        return known

    def step(index: int, used: int, taken: tuple, total: int) -> bool:
        if not can_end(index, used, len(taken)) or (hopeless and hopeless(taken)) or \
                (weighs_sums and len(taken) < width and not balances(index, used, len(taken), total)):
            return True  # holds no accepted reading: not walked (the checks are exact)
        if size and len(taken) % size == 0 and taken and not _row_sum([v for v, _ in taken[-size:]]):
            # a group that does not add up: no reading below is accepted, so the walk there only
            # spends steps; they are counted, not taken (where it gives up stays the same)
            if len(out) >= limit:
                return False
            steps[0] += steps_below(index, used, len(taken))
            return steps[0] <= _MAX_STEPS
        return walk(index, used, taken, total)

    if accept is _row_sum and width:
        # A row's sum: every check step makes, and whether a reading is accepted (its 总计 is the
        # sum so far less itself), depends only on the cells used, the columns taken and their
        # sum, which many branches share (a value and a blank in either order): the walk below
        # such a place is the same, so it is made once and counted. When the whole walk stays
        # within _MAX_STEPS, it never gives up, and its readings are the first `limit` of these.
        below: dict[tuple[int, int, int, int], tuple[list[tuple], int]] = {}
        # where the readings of a row printed as one run pass, listed once (glued.reading_places; a
        # row of several cells: row_reading_places), is what balances would answer at each place,
        # searching again
        if in_last_run and len(cells) == 1:
            places = reading_places(cells[0], width)

        def holds_readings(index: int, used: int, taken: int, total: int) -> bool:
            """balances(index, used, taken, total), for a place the walk reaches."""
            if places is None:
                return balances(index, used, taken, total)
            return (places.get((index, used, total), 0) >> taken) & 1 == 1

        def readings_below(index: int, used: int, taken: int, total: int) -> tuple[list[tuple], int]:
            """The columns from column `taken` on of the readings below a place step lets through,
            in the walk's order (at most `limit` of them), and the steps the walk takes there."""
            place = (index, used, taken, total)
            memo = below.get(place)
            if memo is not None:
                return memo
            # (cells used, digits used, the column read, the sum after it), in the walk's order
            children: list[tuple[int, int, tuple[Optional[int], int], int]] = []
            if blanks and width - taken > len(cells) - index:
                children.append((index, used, (None, -1), total))  # this column printed nothing
            if index < len(cells):
                cell = cells[index]
                rest = cell[used:]
                if not cell.isdigit():
                    children.append((index + 1, 0, (None, index), total))
                elif not cut or taken == width - 1:  # (the last column, cut: the whole rest alone, as in walk)
                    if rest[0] != "0" or rest == "0":
                        children.append((index + 1, 0, (int(rest), index), total + int(rest)))
                else:
                    cuts = range(1, len(rest) + 1) if rest[0] != "0" else (1,)
                    for cut_at in cuts:  # (as walk: past a cut that leaves too little, the whole rest)
                        value = int(rest[:cut_at])
                        if bounded and index == last and cut_at < len(cuts) and total + value > int(rest[cut_at:]):
                            cut_at, value = len(rest), int(rest)
                        children.append((index + 1 if cut_at == len(rest) else index,
                                         0 if cut_at == len(rest) else used + cut_at, (value, index), total + value))
                        if cut_at == len(rest):
                            break
            found: list[tuple] = []
            nodes = 1
            on = taken + 1
            need = width - on
            for i, u, column, sum_after in children:  # (each as step lets it through, then walked)
                # can_end(i, u, on), inlined: the walk's commonest question
                if u:
                    least = fewest_left.get((i, u))
                    if least is None:
                        least = fewest_left[i, u] = _fewest_numbers(cells[i][u:]) + low[i + 1]
                    if least > need or not (blanks or need <= len(cells[i]) - u + high[i + 1]):
                        continue
                elif low[i] > need or not (blanks or need <= high[i]):
                    continue
                if on == width:  # (a reading's last column: walked, and accepted if it adds up)
                    nodes += 1
                    if i == len(cells) and sum_after - (column[0] or 0) == (column[0] or 0):
                        found.append((column,))
                    continue
                if places is None:  # (holds_readings, inlined)
                    if not balances(i, u, on, sum_after):
                        continue
                elif not (places.get((i, u, sum_after), 0) >> on) & 1:
                    continue
                rest_found, rest_nodes = readings_below(i, u, on, sum_after)
                nodes += rest_nodes
                if len(found) < limit:
                    found += [(column,) + rest for rest in rest_found[:limit - len(found)]]
            below[place] = (found, nodes)
            return found, nodes

        if not can_end(0, 0, 0) or not holds_readings(0, 0, 0, 0):
            return []
        found, nodes = readings_below(0, 0, 0, 0)
        if nodes <= _MAX_STEPS:
            return found[:limit]
    step(0, 0, (), 0)
    return out


def _full_readings(printed: list[str], width: int, groups: int = 1) -> list[tuple]:
    """Readings in which every column printed a value (no blank lost); a run of digits alone is
    cut by glued.py's search, which finds the 总计 first. A run that cuts one way only is read so
    even when its sum fails: that is how the report printed it (a typo for the checks to find)."""
    readings: list[tuple]
    if len(printed) == 1 and printed[0].isdigit():
        readings = [tuple((v, 0) for v in reading) for reading in split_summed(printed[0], groups, width // groups,
                                                                              _MAX_READINGS)]
    else:
        readings = _readings(printed, width, _group_sums(groups), False)
    if not readings and not _cuts_several_ways(printed, width):
        only = _readings(printed, width, lambda values: True, False, limit=2)
        readings = only if len(only) == 1 else []
    return readings


def _uncut_readings(printed: list[str], width: int) -> list[tuple]:
    """A row's readings with each printed cell taken whole (a placeholder 0), blanks allowed, that
    add up. Its 总计 is the last printed cell, or a blank after it (0, as then is every value): the
    cells before the last add up to it or none does, and a run of digits with a leading 0 is no
    number whole. Each cell fills one column: more cells than columns have none, as many have the
    one reading of each cell in its column. All settled without the walk (for ASCII digits, as
    int() reads them)."""
    digits = [cell for cell in printed if cell.isdigit()]
    if all(cell.isascii() and len(cell) <= MAX_DIGITS for cell in digits):
        if len(printed) > width or any(cell[0] == "0" and cell != "0" for cell in digits):
            return []
        values = [int(cell) if cell.isdigit() else 0 for cell in printed]
        if values and sum(values[:-1]) != values[-1]:
            return []
        if len(printed) == width:
            return [tuple((int(cell) if cell.isdigit() else None, n) for n, cell in enumerate(printed))]
    return _readings(printed, width, _row_sum, True, cut=False)


def _cuts_several_ways(printed: list[str], width: int) -> bool:
    """Whether one run of digits longer than the row surely cuts into `width` numbers more than one
    way: each digit among its first `width` that is not 0 starts a cut of its own (the numbers
    before it single digits, it the one longer number, those after it single digits again)."""
    return len(printed) == 1 and len(printed[0]) > width and printed[0].isdigit() and \
        sum(digit != "0" for digit in printed[0][:width]) >= 2


def _group_sums(groups: int):
    if groups == 1:
        return _row_sum

    def accept(values: list[Optional[int]]) -> bool:
        size = len(values) // groups
        return all(_row_sum(values[g * size:(g + 1) * size]) for g in range(groups))
    setattr(accept, "groups", groups)  # for _readings: the run's groups that add up
    return accept


def _row_sum(values: list[Optional[int]]) -> bool:
    return sum(filter(None, values[:-1])) == (values[-1] or 0)  # (blanks and 0s add nothing)


def row_sum_holds(report: Report, table: Table, key: str) -> bool:
    cells = report.cells
    values = [cells[p].arithmetic for p in table.row_paths(key)]
    return known(values) and parts_add_up(values)


# A value glued to the label of the next row: "…596二、上年结转", "…435（二）部分公开", "…00002.其他…",
# a count with its unit too ("…２６件二、上年结转").
# (the spaces taken possessively, which the regex engine tries a fifth faster at each of the text's
# many value characters: no label starts with a space, so no match is lost)
_GLUED_TO_LABEL = re.compile(rf"(?:[0-9０-９][{COUNT_UNITS}]|[0-9０-９－—\-无/])[ \t]*+(?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][）)]|[1-8][.、．][\u4e00-\u9fff])")


# The punctuation each label _GLUED_TO_LABEL ends on holds, and where the label starts: at the
# bracket of "（二）", one character before the 、 or point of "二、", "2.".
_LABEL_MARKS = (("、", 1), (".", 1), ("．", 1), ("（", 0), ("(", 0))
_GLUED_VALUE_CHARS = frozenset("0123456789０１２３４５６７８９－—-无/")  # what _GLUED_TO_LABEL's match starts with
_COUNT_UNITS = frozenset(COUNT_UNITS)


def is_glued(text: str) -> bool:
    """Whether the converter dropped the breaks between a table's cells (several rows' values run
    straight into the next row's label): only then are runs of digits cut.

    _GLUED_TO_LABEL.finditer(text) finding two matches, asked where a match may start: a value
    before the spaces before a label's mark, each mark found by str.find. (The regex searched
    through the text tries a match at every digit of a table: 2.5 % of cold60's instructions.)
    Two matches the search finds exist exactly when some match starts at or after the end of
    the first one (a match starting inside another ends after it: a label holds no value
    followed by a label). No match starts inside another at all (the characters after a match's
    first are a unit, spaces and a label's, none of which opens a match), so two matches the
    search finds exist exactly when two matches lie apart: the walk stops at the second (a
    glued 表三 has many; the tests keep the search as the oracle)."""
    first = None  # (start, end) of the first match found
    for mark, before in _LABEL_MARKS:
        at = text.find(mark)
        while at >= 0:
            value = at - before - 1
            if value >= 0 and text[value] in " \t":  # (a label indented: its spaces skipped in one call)
                value = len(text[:value].rstrip(" \t")) - 1
            if value > 0 and text[value] in _COUNT_UNITS and text[value - 1] in _GLUED_VALUE_CHARS:
                value -= 1  # (a count's unit ends its value: "２６件二、")
            if value >= 0 and text[value] in _GLUED_VALUE_CHARS and (match := _GLUED_TO_LABEL.match(text, value)):
                if first is None:
                    first = (value, match.end())
                elif value >= first[1] or match.end() <= first[0]:
                    return True
            at = text.find(mark, at + 1)
    return False


# A glued row none of whose cuts adds up to its 总计: misprinted (or its run misread) whatever is read
# from it, so its own sum fails; core.check names the row (its cells may be unread, or filled in
# from the sums, which then hide the misprint from every equation). Its flag's cause: GLUED_NO_CUT.
NO_CUT_ADDS_UP = "没有一种拆法能使合计相符（疑有笔误）"

# A glued row whose blanks left no trace, its values put in the leftmost columns that read: which
# column a value is in is a guess, and core.check takes a blank of such a row for no evidence (it
# reads the flag's cause, PLACED_LEFT).
PLACED_FROM_THE_LEFT = "已自左向右放置"
# The same row moved to where the table's failing sums all cross at one cell (one_misprint.py)
PLACED_FOR_ONE_MISPRINT = "表内合计不符，已放在使各项不符只归于一处笔误的列"
CUT_FOR_ONE_MISPRINT = "已按使各项不符只归于一处笔误的拆法拆分"


# A number with thousands separators ("2,041"), glued to the cells around it ("２，０４１５１５"):
# its last group of three digits ends it; where it starts, the cuts decide
_GROUPED = re.compile(r"([0-9]{1,3})((?:[,，][0-9]{3})+)")




def _grouped_numbers(text: str) -> list[re.Match]:
    """_GROUPED.finditer(text), the pattern tried only where a match can start: one to three
    places before a separator (its first group is 1 to 3 digits, then a separator), each place
    once, in order. (finditer tried it at every digit: a notes file's 表三 text of 20 000
    characters, its digits in tables and its commas in prose, cost 10 M instructions.)"""
    separators = sorted(char_places(text, ",") + char_places(text, "，"))
    found: list[re.Match] = []
    done = 0  # (no match starts before it: the last match's end, or places tried)
    match = _GROUPED.match
    for separator in separators:
        for at in range(max(done, separator - 3), separator):
            m = match(text, at)
            if m is not None:
                found.append(m)
                done = m.end()
                break
        else:
            done = max(done, separator)
    return found


# A count's unit right after its digits ("29523个2565个…"): it ends the count, a break between cells
_UNIT_AFTER_DIGITS = re.compile("(?<=[0-9])[项件个条次宗]")
_UNITS = "项件个条次宗"


def _units_as_breaks(text: str) -> str:
    """_UNIT_AFTER_DIGITS.sub(" ", text), each unit found by str.find and the character before it
    looked at (the pattern, starting with a lookbehind, was tried at every character: 3 M
    instructions in a 表三 text of 20 000 characters, twice when a unit followed a digit)."""
    places = [at for unit in _UNITS for at in char_places(text, unit) if at and "0" <= text[at - 1] <= "9"]
    if not places:
        return text
    pieces: list[str] = []
    last = 0
    for at in sorted(places):
        pieces += (text[last:at], " ")
        last = at + 1
    pieces.append(text[last:])
    return "".join(pieces)


def glued_text(text: str) -> tuple[str, Optional[list[int]]]:
    """表三's text as its glued runs are cut: full-width digits as ASCII, a count's unit a break
    after it ("495个44个0000539个" reads "495 44 0000539 ": a unit ends a count, as the tokens read
    it), and a number's thousands separators taken out, a break put after its last group in their
    place ("2,041515" reads "2041 515"). One character for one; with the text, where each of its
    characters prints in `text` (None where none moved): a group's digits print a place or more to
    the right. (Asked of the same 表三 text by the parser's readers and the check: worked out once;
    callers only read the list.)"""
    known = _GLUED_TEXTS.get(text)
    if known is None:
        known = remember(_GLUED_TEXTS, text, _glued_text(text), _GLUED_TEXTS_KEPT)
    return known


_GLUED_TEXTS: dict[str, tuple[str, Optional[list[int]]]] = document_memo()  # 表三's text -> glued_text
_GLUED_TEXTS_KEPT = 1  # (the report's 表三 text, the last asked: a text and its map may be long)


def _glued_text(text: str) -> tuple[str, Optional[list[int]]]:
    text = glued_zeros_as_digits(ascii_digits(text))
    text = _units_as_breaks(text)
    grouped = _grouped_numbers(text) if "," in text or "，" in text else None
    if not grouped:
        return text, None
    origin = list(range(len(text)))
    pieces, last = [], 0
    for m in grouped:
        groups = m.group(2)[1::4], m.group(2)[2::4], m.group(2)[3::4]  # (each group's 1st, 2nd, 3rd digit)
        digits = "".join("".join(g) for g in zip(*groups))
        at = m.start(2)  # the groups' digits move left over the separators, the breaks follow them
        for n in range(len(digits)):
            origin[at + n] = at + n // 3 * 4 + 1 + n % 3
        for n in range(len(groups[0])):
            origin[at + len(digits) + n] = at + 4 * n  # (a break stands for its separator)
        pieces += [text[last:at], digits, " " * len(groups[0])]
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), origin


# How far 表三's glued text reaches past its header, at most: its 26 rows' labels and values run to
# some 3 000 characters (the longest text after a headless glued header in the snapshot: 5 627);
# past that it is the report's text, or a text's that is no report (a list of samples naming
# 「申请人情况」: 153 000 characters cut and weighed as runs of cells)
_GLUED_T3_REACH = 20_000


def _table_start(text: str) -> Optional[tuple[int, int]]:
    """Without a section heading (glued into the line before it), from 表三's header on, as far as
    a table reaches (_GLUED_T3_REACH)."""
    at = text.find("申请人情况")
    return (at, min(len(text), at + _GLUED_T3_REACH)) if at >= 0 else None

def uncut_rows_printing_counts(report: Report, table: Table) -> frozenset[str]:
    """The glued 表三 rows no cut reads whose run prints a digit other than 0: their cells hold a
    count, so no equation may make them 0 (with 总计 left blank in every row, a row's blank 总计
    would balance its parts at 0 beside 「8230768 -- 365275 --」), and such a row prints counts beside
    its blank 总计 (check.rules.unfilled_columns)."""
    uncut = {f.cell.split(".")[1] for f in report.flags if f.kind == "parse" and f.cell.count(".") == 1
             and f.cell.startswith(table.section) and (GLUED_NO_CUT in f.causes or GLUED_UNDECIDED in f.causes)}
    if not uncut:  # (most reports)
        return frozenset()
    span = report.section_spans.get(3) or _table_start(report.text)
    if not span:
        return frozenset()
    text = glued_text(report.text[span[0]:span[1]])[0]
    return frozenset(key for key, (start, end) in _glued_runs(text, table).items()
                     if key in uncut and any(ch in "123456789" for ch in text[start:end]))


def glued_t3(report: Report, table: Table, dropped: Sequence[tuple[int, int]] = ()) -> dict[str, list[Optional[Token]]]:
    """表三's rows read from runs of glued cells, for the rows the parser could not read.

    A row's run is cut into seven values whose 总计 is the sum of the others; where several cuts
    do that, the column sums (T3-1, T3-2) with the other rows choose; a cell they leave open stays
    unread. Only rows the parser could not read from their printed cells are read again.
    """
    span = report.section_spans.get(3) or _table_start(report.text)
    if not span:
        return {}
    text = report.text[span[0]:span[1]]
    for a, b in dropped:  # (commonly none: a serial number's, see parser.serial_numbers)
        a, b = max(a - span[0], 0), min(b - span[0], len(text))
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    if not is_glued(text):
        return {}
    text, origin = glued_text(text)  # (one character for one: offsets stay true, or are mapped back below)
    unsure: set[str] = set()
    holds: dict[str, bool] = {}  # row -> row_sum_holds (a row may hold several flags)
    for f in report.flags:
        if f.cell.startswith("section3."):
            key = f.cell.split(".")[1]
            if key in unsure:
                continue
            if f.kind in ("parse", "missing"):
                unsure.add(key)
                continue
            held = holds.get(key)
            if held is None:
                held = holds[key] = row_sum_holds(report, table, key)
            if not held:
                unsure.add(key)
    by_path = report.cells
    unsure |= {row.key for row in table.rows if all(by_path[p].state == "missing" for p in table.row_paths(row.key))}
    width = len(table.rows[0].columns)
    pieces: dict[str, list[tuple[str, int, int]]] = {}
    patterns: dict[str, list[list]] = {}  # a row's printed cells under each cell pattern
    candidates: dict[str, list[tuple]] = {}
    read: dict[tuple[str, ...], list[tuple]] = {}  # the same printed cells read once (both patterns)
    runs = _glued_runs(text, table)
    # a row read as 0 throughout whose run prints other digits ("…政府信息5253375 --  --  -- 2535881",
    # glued to its label, where the parser saw only the placeholders) is read again too
    unsure |= {key for key, (start, end) in runs.items() if key not in unsure
               and any(ch in "123456789" for ch in text[start:end])
               and all(by_path[p].arithmetic in (0, None) for p in table.row_paths(key))}
    lost_blanks = _lost_blanks(text, runs, width)
    blank_total = _total_column_blank(text, runs, width)
    # no row of 0s to show it: a blank 总计 column only inferred from the sums (every row read so flagged)
    blank_total_inferred = not blank_total and lost_blanks and not any(
        key not in unsure and any(ch in "123456789" for ch in text[start:end]) and row_sum_holds(report, table, key)
        for key, (start, end) in runs.items()) and _no_row_adds_up(text, runs, width)  # (a row the parser read adds up)
    blank_total = blank_total or blank_total_inferred
    empty: set[str] = set()  # rows of blanks: nothing between their label and the next
    subtotal_rows: dict[str, str] = {}  # rows read as printing a subtotal after 自然人 -> its text
    subtotal_read: dict[tuple[str, ...], list[tuple]] = {}  # printed cells -> glued_readings of them
    for key, (start, end) in runs.items():
        run = text[start:end].strip()
        if key in unsure and not run and lost_blanks:
            at = span[0] + start
            pieces[key], patterns[key] = [("", at, at)], [[("", at, at)]]
            empty.add(key)
        if key not in unsure or not run:
            continue
        offset = span[0] + start + text[start:end].index(run)
        if blank_total:  # every column but 总计 printed: the run cut into them, 总计 blank
            cells = _printed_cells(run, offset, _CELL)
            found = _readings([c[0] for c in cells], width - 1, _any_values, False)
            if not found and lost_blanks:  # (its blanks left no trace: columns without a value assumed)
                found = _readings([c[0] for c in cells], width - 1, _any_values, True)
                if len(found) > _MAX_READINGS:
                    found = []  # (too many to weigh: the row left as read)
            if not found:
                # a cell more than those columns, the second the sum of the five after it: the row
                # printed 8 cells, a 法人或其他组织 subtotal after 自然人 (TEMPLATE.md), its 总计 blank
                # as the table's. Read as printed, that cell would be a 总计 the table never fills,
                # every blank 总计 beside it then failing its row's sum (flagged: it may be a misprint)
                with_subtotal = glued_readings([c[0] for c in cells], width - 2, False, _cut_parts, _MAX_READINGS)
                found = [without_subtotal(reading) for reading in with_subtotal]
                if found:
                    subtotal_rows[key] = printed_subtotal(with_subtotal[0], cells)
            if found:
                pieces[key], patterns[key] = cells, [cells]
                candidates[key] = [reading + ((None, -1),) for reading in found]
                continue
        as_printed = None  # the first pattern's readings when none adds up (a typo's row, read as printed)
        for cells in _printed_cells_each_way(run, offset):
            pieces[key] = cells
            patterns.setdefault(key, []).append(cells)
            printed = [p[0] for p in pieces[key]]
            # A blank cell of a glued row leaves no trace: columns without a value are assumed
            # only when the printed cells cannot fill the row otherwise.
            # Printed cells taken whole first (a blank left no trace); then glued cells cut.
            if tuple(printed) not in read:
                found = _uncut_readings(printed, width) or _full_readings(printed, width)
                if lost_blanks and len(found) == 1 and not _row_sum([v for v, _ in found[0]]):
                    # this table's blanks leave no trace: cuts with blanks that add up come before
                    # the one full cut, which does not (a typo only if none does)
                    found = _readings(printed, width, _row_sum, True) or found
                read[tuple(printed)] = found or _readings(printed, width, _row_sum, True)
            candidates[key] = list(read[tuple(printed)])
            if any(_row_sum([v for v, _ in r]) for r in candidates[key]):
                break
            # no cut into its columns adds up: a row of 8 cells, a 法人或其他组织 subtotal after
            # 自然人 (TEMPLATE.md), adds up twice over, the subtotal the sum of the five after it
            # and 总计 自然人 plus the subtotal, which no typo's row of 7 does by chance
            if tuple(printed) not in subtotal_read:  # (the same printed cells read once: both patterns)
                subtotal_read[tuple(printed)] = glued_readings(printed, width - 2, True, _cut_parts, _MAX_READINGS)
            with_subtotal = subtotal_read[tuple(printed)]
            if with_subtotal:
                candidates[key] = [without_subtotal(reading) for reading in with_subtotal]
                subtotal_rows[key] = printed_subtotal(with_subtotal[0], cells)
                break
            # "--" is one placeholder or two: a reading that adds up under the other pattern beats
            # one read as printed that does not ("8--033-14": 8|-|-|0|33|-|14 fails, 8|--|0|3|3|-|14 holds)
            if candidates[key] and as_printed is None:
                as_printed = (candidates[key], pieces[key], len(patterns[key]))
        else:
            # no cut adds up: the one cut as printed stands if it is the printed cells themselves
            # ("12-----10", a typo's row: 12|-|-|-|-|-|10) or the run prints one way under both
            # patterns; "6--0818-94" reads 6|-|-|0|818|-|94, or 6|--|0|81|8|-|94 or 6|--|0|8|18|-|94:
            # a typo's row, read by the other rows' sums below
            if as_printed and (not _cut_or_assumed(as_printed[0][0]) or len(
                    {_cut_values(r) for cells in patterns[key]
                     for r in _readings([c[0] for c in cells], width, lambda values: True, False, limit=2)}) == 1):
                candidates[key], pieces[key], tried = as_printed
                del patterns[key][tried:]
    if not candidates:
        return {}
    if any(found and all((None, -1) in r for r in found) for found in candidates.values()):  # (a blank reads (None, -1))
        # a row that can only be read with blank cells: a blank leaves no trace, so a full cut of
        # another row's digit runs that adds up may be wrong too ("404929-1506": 4|0|492|9|-|1|506,
        # or 404|92|9|-|1|506 and a blank); its cuts with blanks are weighed by the sums alongside
        for key, found in candidates.items():
            printed = [p[0] for p in pieces[key]]
            if len(found) == 1 and any(p.isdigit() and len(p) > 1 for p in printed):
                found += [r for r in _readings(printed, width, _row_sum, True) if r not in found]
    # (rows in the template's order, never a set's: a set of strings iterates in an order that
    # changes with the hash seed, and the order reaches the settling and the flags)
    paths = {row.key: [f"section3.{row.key}.{c.key}" for c in table.rows[0].columns]
             for row in table.rows if row.key in candidates or row.key in empty}
    values = {p: c.arithmetic for p, c in report.cells.items() if p.startswith("section3.")}
    for key in paths:
        for p in paths[key]:
            values[p] = None
    t3_sums, sum_cells = _t3_sums(report.template)
    # (a blank 总计 column: only the sums of the other columns weigh the cuts)
    eqs = [e for e in t3_sums if not any(p.endswith(".total") for p in e.cells)] if blank_total else list(t3_sums)
    column_sums = [e for e in eqs if e.kind == "column"]  # (all that expected_by_columns solves by)
    ambiguous = {key for key, found in candidates.items() if len(found) > 1}
    involved, around, outside, inside = {}, {}, {}, {}  # per open row: _sums_through_row
    for key in ambiguous:
        involved[key], around[key], outside[key], inside[key] = _sums_through_row(report.template, tuple(paths[key]))
    # the open rows' cuts chosen together, by all the sums (readings of the same values weighed once),
    # the other rows as they read alone
    cuts_of = {key: list(map(_cut_values, found)) for key, found in candidates.items() if len(found) > 1}
    sums_of = {key: sorted(set(cuts)) for key, cuts in cuts_of.items()}
    # rows whose every reading gives the same values (those values): no sum chooses among them (a row
    # of 0s with its blanks lost reads up to 35 ways, all 0), so they are never weighed for a choice
    # below, and whatever narrows the others keeps them whole
    alike = {key: sums[0] for key, sums in sums_of.items() if len(sums) == 1}
    joint = None
    # (the other rows' values as they read alone: weighed only when some row is open, and some row's
    # readings give other values; a choice among rows of one set of values each keeps them all)
    if len(alike) < len(sums_of):
        alone = dict(values)
        alone.update((p, v or 0) for key, found in candidates.items() if len(found) == 1
                     for p, (v, _) in zip(paths[key], found[0]))
        joint = jointly_possible({key: [list(s) for s in sums] for key, sums in sums_of.items()},
                                 paths, eqs + _around_unread(eqs, sum_cells, alone, paths, sums_of), alone,
                                 chosen_only=True)  # (only the readings kept are read here)
    for key, kept in (joint if isinstance(joint, dict) else {}).items():  # None, or given up: the rows stay open
        chosen = {sums_of[key][i] for i in kept}
        candidates[key] = [r for r, cut in zip(candidates[key], cuts_of[key]) if cut in chosen]
    # rows of blanks weigh in from here on (in the joint choice above they would only make the
    # search, hopeless with so many blank columns to place, give up later)
    candidates.update((row.key, [((None, -1),) * width]) for row in table.rows if row.key in empty)
    # Each equation through an open row sums the row's own cells and cells outside it: what each
    # reading adds (its cells' left side less their right side) is worked out once, and an
    # equation holds for the readings adding exactly what the cells outside leave (in whole
    # numbers the sum reading_scores weighs, exactly; it weighs fractions).
    # row -> (its readings, the index of each one's values among the distinct values they give the
    # row, per equation: what values add -> the distinct values adding it (None until first
    # counted), how many distinct values, those values)
    listed: dict[str, tuple[list, list[int], Optional[list[Optional[dict[int, list[int]]]]], int, list[tuple]]] = {}

    def adding(key: str, found: list) -> tuple[list[int], Optional[list[Optional[dict[int, list[int]]]]], int, list[tuple]]:
        """Which of the row's distinct values each reading gives (readings differing only where a
        0, a placeholder or a blank went give the same: a row's readings give a sixth as many),
        and per equation through the row, those values (their indices) by what they add to it,
        each worked out when an equation is first counted (_rows_adding; most never are: a cell
        outside the row unknown) (lists of readings are replaced, never changed: worked out once
        per list); None if a reading holds a fraction; how many distinct values; those values."""
        known = listed.get(key)
        if known is None or known[0] is not found:
            distinct: dict[tuple, int] = {}
            which = [distinct.setdefault(_cut_values(r), len(distinct)) for r in found]
            whole = set(map(type, chain.from_iterable(distinct))) <= _INT_ONLY  # (each value an int: asked at C level)
            known = listed[key] = (found, which, [None] * len(inside[key]) if whole else None, len(distinct), list(distinct))
        return known[1:]

    def best_readings(key: str, found: list) -> list:
        """The row's readings scoring highest by reading_scores against `values` (equations
        satisfied minus broken): `found` itself when all score alike."""
        which, by_equation, size, distinct = adding(key, found)
        holding: list[list[int]] = []  # per equation counted: the distinct values it holds for
        uneven = False  # (an equation holding for some of the values but not all)
        for index, (cells, on_left) in enumerate(outside[key]):
            outside_values = list(map(values.get, cells))
            if not known(outside_values):
                continue  # an unknown cell outside the row: the equation never counts
            gap = sum(outside_values) - 2 * sum(outside_values[:on_left]) if on_left else sum(outside_values)  # (right less left)
            if by_equation is None or type(gap) is not int:  # (fractions: summed as reading_scores does)
                scores = reading_scores(involved[key], values, paths[key], [[v or 0 for v, _ in r] for r in found])
                top = max(scores)
                return [r for r, sc in zip(found, scores) if sc == top]
            rows_adding = by_equation[index]
            if rows_adding is None:
                rows_adding = by_equation[index] = _rows_adding(inside[key][index], distinct)
            hits = rows_adding.get(gap)
            if hits:
                holding.append(hits)
                uneven = uneven or len(hits) < size
        if not uneven:
            return found  # each equation counted holds for every value or for none: all score alike
        holds = [0] * size  # (per distinct values: at most as many as readings; a score is 2 holds - counted)
        for hits in holding:
            for n in hits:
                holds[n] += 1
        top = max(holds)
        return [r for r, n in zip(found, which) if holds[n] == top]

    set_to: dict[str, tuple] = {}  # a row read one way -> the reading its cells' values were set to
    # Every change settle made to a cell, in order: (the cell, its value before). An open row is
    # weighed again only if a cell around it changed since it was last weighed and reads otherwise
    # now: the few changes since are looked through, not every cell around it compared.
    changes: list[tuple[str, object]] = []
    weighed_at: dict[str, int] = {}  # open row -> how many changes there were when it was last weighed

    def settle() -> None:
        """Settle unique rows, then let them choose among the others' readings."""
        changed = True
        while changed:
            changed = False
            for key, found in candidates.items():
                if len(found) == 1:
                    if set_to.get(key) is found[0]:
                        continue  # (its values set already: only settle sets them)
                    set_to[key] = found[0]
                    for p, (v, _) in zip(paths[key], found[0]):
                        if values[p] != (v or 0):
                            changes.append((p, values[p]))
                            values[p], changed = v or 0, True
                elif len(found) > 1 and key not in alike:  # (its readings all score alike)
                    since = weighed_at.get(key)
                    weighed_at[key] = len(changes)
                    if since is not None:
                        # the cells around it that changed since, each with its value then (read backwards:
                        # the first change's value is the one kept)
                        moved = {p: then for p, then in reversed(changes[since:]) if p in around[key]}
                        if all(values.get(p) is then or values.get(p) == then for p, then in moved.items()):
                            continue  # every cell around it reads as when it was weighed
                    best = best_readings(key, found)
                    if len(best) < len(found):
                        candidates[key], changed = best, True

    settle()
    # Rows whose readings differ only in the columns left blank: a blank left no trace and the sums
    # cannot tell the columns apart (any columns the values keep their order in add up alike). The
    # first such row is placed from the left (自然人 first: most requests come from natural persons),
    # flagged 存疑, and the sums settle the others against it.
    placed_left: set[str] = set()
    all_hold: Optional[bool] = None  # the last joint choice below: the open rows can all add up, cannot, or not known
    weighed_alone: dict[str, tuple[list, bool]] = {}  # row -> (its readings, the list itself; _placements_only)
    before_placing: Optional[dict[str, list]] = None  # every row's readings before the first was placed by guess

    def placements_only(key: str) -> bool:  # (each list of readings weighed once: they are replaced, not changed)
        if key in alike:
            return False  # (its readings put the same values in the same columns)
        if key not in weighed_alone or weighed_alone[key][0] is not candidates[key]:
            weighed_alone[key] = (candidates[key], _placements_only(candidates[key]))
        return weighed_alone[key][1]

    weighed_one_by_one = False  # (placed_by_sums: tried once, before the first row is placed by guess)
    distinct_sums: dict[int, tuple[list, list]] = {}  # (_placements: each row's values, each list of readings once)
    weighed_sums: dict = {}  # (_placements: the partial sums of the sets of values weighed, glued_places._holding)
    while True:
        open_row = next((key for key in candidates if placements_only(key)), None)  # the first such row
        if open_row is not None and not weighed_one_by_one:
            weighed_one_by_one = True
            if _placed_by_sums(candidates, paths, eqs, values):
                settle()
                continue
        if open_row is None:
            narrowed = _zero_sides_narrowed(candidates, paths, eqs, values, alike)
            if not narrowed:
                narrowed, all_hold = _jointly_narrowed(candidates, paths, eqs, sum_cells, values, alike)
            if not narrowed:
                break
            if placed_left:  # chosen to add up with rows placed by guess: their columns rest on it too
                placed_left |= narrowed
            settle()
            continue
        if before_placing is None:
            before_placing = dict(candidates)
        columns = list(map(_columns_taken, candidates[open_row]))
        # the leftmost columns the sums leave possible with the rows known so far (a 14 in 二、上年结转
        # goes where the column's 一 + 二 = （七） + 四 can hold, not to the first blank column); the
        # leftmost when the sums rule every placement out (a typo)
        placings = sorted(set(columns))
        leftmost = placings[0]
        if len(placings) > 1:
            placed: dict[tuple, set[tuple]] = {}  # columns taken -> the values the row's readings give them
            for reading, taken in zip(candidates[open_row], columns):
                placed.setdefault(taken, set()).add(_cut_values(reading))
            weighed = _placements(candidates, open_row, paths, eqs, values, distinct_sums, weighed_sums)
            leftmost = next((taken for taken in placings[:_MOST_PLACINGS_WEIGHED] if weighed.may_hold(
                sorted(placed[taken]))), placings[0])
        candidates[open_row] = [r for r, taken in zip(candidates[open_row], columns) if taken == leftmost]
        placed_left.add(open_row)
        settle()
    cut_for_misprint: set[str] = set()
    if all_hold is False:  # no choice of the open rows' cuts adds up: a misprint the cells may single out
        cut_for_misprint = _cut_around_one_misprint(candidates, paths, eqs, values, alike)
        if cut_for_misprint:
            settle()
    _slip_beats_sums(candidates, patterns, pieces, paths, eqs, values, lost_blanks, empty, all_hold)
    for key, found in candidates.items():
        if found:
            continue
        for cells in _printed_alike_once(patterns[key]):  # no cut adds up: a typo? read as printed if the other rows say where
            candidates[key] = _one_off_reading([p[0] for p in cells], paths[key], column_sums, values, lost_blanks)
            if candidates[key]:
                pieces[key] = cells
                break
        if not candidates[key] and lost_blanks:
            for cells in _printed_alike_once(patterns[key]):  # the sums say what it prints but not in which blank column
                candidates[key], left = _one_off_placed([p[0] for p in cells], paths[key], column_sums, values)
                if candidates[key]:
                    pieces[key] = cells
                    if left:
                        placed_left.add(key)
                    break
    placed_left -= _typo_row_with_open_rows(candidates, patterns, pieces, paths, eqs, values, before_placing)
    placed_for_misprint: set[str] = set()
    typo_rows = [key for key, found in candidates.items() if not found]
    if lost_blanks and placed_left and before_placing is not None and len(typo_rows) == 1:
        placed_for_misprint = _placed_around_a_typo_row(typo_rows[0], candidates, patterns, pieces, paths, eqs, values,
                                                        before_placing)
        placed_left -= placed_for_misprint
    moved_for_misprint = _moved_for_one_misprint(report, candidates, before_placing, placed_left, paths, eqs)
    out: dict[str, list[Optional[Token]]] = {}
    messages: dict[str, Optional[Flag]] = {}
    unread: set[str] = set()  # rows left unread whose flags are replaced all the same
    # rows read 0 whichever reading: what the parser said of them before (「未印出数值」 beside a run
    # of 0s) is replaced by zero_row's flag
    zeroed: set[str] = set()
    flagged_before = len(report.flags)
    for key, found in candidates.items():
        row = table.row(key)
        if not found:
            total = None
            if all(report.cells[p].state == "missing" for p in paths[key]):  # the parser read nothing
                totals = {_total_as_printed(cells, width, lost_blanks, paths[key][-1], column_sums, values)
                          for cells in _printed_alike_once(patterns.get(key, []))}
                total = totals.pop() if len(totals) == 1 else None
            if total:  # else the parser's own reading stands, flagged as it was
                value, start, end = total
                out[key] = [None] * (width - 1) + [Token(NUM, str(value), start, end, 0, value)]
                messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，{NO_CUT_ADDS_UP}，"
                                                                 "只读出总计，其余单元格留空，请对照原文填写", (GLUED_NO_CUT,))
            elif _printed_digits(patterns.get(key, [])):  # no cut of them adds up: not a row that printed nothing
                if all(report.cells[p].state == "missing" for p in paths[key]):
                    unread.add(key)
                    messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，"
                                                                     f"{NO_CUT_ADDS_UP}，本行未能读出，请对照原文填写", (GLUED_NO_CUT,))
                else:  # (beside the parser's own flag of the reading that stands)
                    messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，"
                                                                     f"{NO_CUT_ADDS_UP}，请对照原文核对", (GLUED_NO_CUT,))
            continue
        # (some column read two ways: a reading differs from the first, the test of each column's below)
        differs = len(found) > 1 and any(r != found[0] for r in found)
        # (every reading's values 0: tested at C level, a row of 0s lists dozens of readings)
        if differs and not any(map(_VALUE, chain.from_iterable(found))):
            zeroed.add(f"section3.{key}")
            zero_row(report, paths[key], f"section3.{key}", f"「{row.label}」行")
            continue
        agreed = [found[0][n] if all(r[n] == found[0][n] for r in found) else None for n in range(width)] \
            if differs else list(found[0])
        if None in agreed and row_sum_holds(report, table, key) and all(
                column is None or report.cells[p].arithmetic == (column[0] or 0) for p, column in zip(paths[key], agreed)):
            # the parser placed the whole row by the same sums: its reading stands (not one that
            # misses what every cut prints: "信息8100 -- 9" glued to its label, read as a row of 0s)
            continue
        out[key] = _tokens(tuple(agreed), pieces[key])
        if key in empty:
            messages[key] = Flag(f"section3.{key}", "inferred", f"「{row.label}」行未印出数值：此表的空白单元格未留痕迹，"
                                                                "按空白计，请对照原文核对")
        elif key in cut_for_misprint:
            messages[key] = Flag(f"section3.{key}", "inferred", f"「{row.label}」行的数字粘连在一起，各行无论怎样拆分，"
                                                                f"表三的各项合计都不能全部相符（疑有笔误），{CUT_FOR_ONE_MISPRINT}，请对照原文核对")
        elif key == moved_for_misprint or key in placed_for_misprint:
            messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，空白单元格未留痕迹，"
                                                             f"数字所在的列无法唯一确定，{PLACED_FOR_ONE_MISPRINT}，请对照原文核对",
                                 (PLACED_LEFT,))
        elif key in placed_left:
            messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，空白单元格未留痕迹，"
                                                             f"数字所在的列无法唯一确定，{PLACED_FROM_THE_LEFT}，请对照原文核对", (PLACED_LEFT,))
        elif None in agreed and all_hold is False:  # (the last joint choice of the open rows: none adds up)
            messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，{NO_UNIQUE_CUT}，"
                                                             f"而各行无论怎样拆分，表三的各项合计都不能全部相符（疑有笔误），{LEFT_OPEN}",
                                 (GLUED_UNDECIDED, GLUED_NO_JOINT_CUT))
        elif None in agreed:
            messages[key] = Flag(f"section3.{key}", "parse", f"「{row.label}」行的数字粘连在一起，{CUT_LEFT_OPEN}",
                                 (GLUED_UNDECIDED,))
        elif key in subtotal_rows:
            messages[key] = Flag(f"section3.{key}", "inferred", (GLUED_SUBTOTAL_BLANK_TOTAL if blank_total else GLUED_SUBTOTAL)
                                 .format(row.label, subtotal_rows[key]))
        elif blank_total:  # (its 总计 blank as the table's: flagged where its run was cut)
            if key in ambiguous or blank_total_inferred or _cut_or_assumed(agreed[:-1]):
                messages[key] = Flag(f"section3.{key}", "inferred", f"「{row.label}」行的数字粘连在一起，"
                                                                    "表三总计列空白，已按各列勾稽关系拆分，请对照原文核对")
        elif key in ambiguous or _cut_or_assumed(agreed) or \
                equation_score(through(report.template, tuple(paths[key])), values) < 0:  # (the row's T3 sums broken)
            # a row read as printed (a typo's, see _one_off_reading) was not cut by its own sum
            # (every column agreed: None in agreed is flagged above)
            how = "已按勾稽关系拆分" if _row_sum([v for v, _ in cast(list[tuple], agreed)]) else "已拆分，但本行合计不符"
            messages[key] = Flag(f"section3.{key}", "inferred", f"「{row.label}」行的数字粘连在一起，{how}，请对照原文核对")
    if zeroed:
        report.flags[:flagged_before] = [f for f in report.flags[:flagged_before]
                                         if f.cell not in zeroed and f.cell.rsplit(".", 1)[0] not in zeroed]
    read_again = {f"section3.{key}" for key in (*out, *unread)}
    report.flags = [f for f in report.flags if f.cell not in read_again and f.cell.rsplit(".", 1)[0] not in read_again]
    report.flags.extend(flag for flag in messages.values() if flag)
    if origin is not None:  # a separator taken out: each cell spans its digits where they print
        for token in (t for tokens in out.values() for t in tokens if t is not None):
            start, end = token.start - span[0], token.end - span[0]
            token.start, token.end = span[0] + origin[start], span[0] + (origin[end - 1] + 1 if end > start else origin[start])
    return out


_INT_ONLY = {int}


def _rows_adding(sides: tuple[list[int], list[int]], distinct: list[tuple]) -> dict[int, list[int]]:
    """For an equation through a row (`sides`: the row's cells on its left and on its right, as
    indices), the row's distinct values (their indices in `distinct`, whole numbers) by what each
    adds to it: its cells on the left less those on the right."""
    left, right = sides
    if len(left) == 1 and not right:  # (a column sum's row: one cell, on one side)
        adds = [row[left[0]] for row in distinct]
    elif len(right) == 1 and not left:
        adds = [-row[right[0]] for row in distinct]
    else:
        adds = [sum(row[i] for i in left) - sum(row[i] for i in right) for row in distinct]
    rows_adding: dict[int, list[int]] = {}
    for n, added in enumerate(adds):
        rows_adding.setdefault(added, []).append(n)
    return rows_adding


@lru_cache(maxsize=64)
def _sums_through_row(version: str, paths: tuple[str, ...]) -> tuple[tuple, frozenset[str], tuple, tuple]:
    """The sums of 表三 through a row's cells (`paths`), in the template's order; the cells around
    the row they reach; per sum, its cells outside the row and how many of them are on its
    left; and the row's own cells on its left and on its right (as indices). The template's alone:
    worked out once for every report (read, never changed)."""
    involved = through(version, paths)
    at = {p: i for i, p in enumerate(paths)}
    mine = at.__contains__  # (the sides' cells sorted by C-level filters: a sum of 表三 reaches 22 cells, a row 7)
    around = frozenset(chain.from_iterable(e.cells for e in involved)).difference(paths)
    outside = tuple((tuple(filterfalse(mine, e.cells)), len(e.left) - sum(map(mine, e.left))) for e in involved)
    inside = tuple(([at[p] for p in filter(mine, e.left)], [at[p] for p in filter(mine, e.right)]) for e in involved)
    return involved, around, outside, inside


def _zero_sides_narrowed(candidates, paths, eqs, values, alike: Optional[dict[str, tuple]] = None) -> set[str]:
    """The rows still open read with 0 wherever the sums force it: counts are never negative, so
    when one side of a sum reads 0 in every cell, so does every cell of the other side (（七）总计
    blank in a column: every result row blank there; 一 and 二 blank: 总计 and 四 too). A column
    blank in the rows that settled stays blank in a row whose cut is open: "135331634821785" is
    1353|316|34|82|1785, not 135|3|3|1634|8|2|1785 with values in two columns the 总计 leaves
    blank. A row none of whose readings keeps those cells 0 (a typo's?) stays as it is. The rows
    whose readings were narrowed. (`alike`: rows whose readings all give the same values, these:
    all kept or none.)"""
    if all(len(found) < 2 for found in candidates.values()):
        return set()
    zero = {p for p, v in values.items() if v == 0}
    forced: set[str] = set()
    pending = list(eqs)  # (a sum whose one side is all 0 forces the other once: then it is done)
    changed = True
    while changed:
        changed = False
        left_over = []
        for eq in pending:
            if all(p in zero for p in eq.left):
                other = eq.right
            elif all(p in zero for p in eq.right):
                other = eq.left
            else:
                left_over.append(eq)
                continue
            more = [p for p in other if p not in zero]
            if more:
                zero.update(more)
                forced.update(more)
                changed = True
        pending = left_over
    narrowed = set()
    for key, found in candidates.items():
        if len(found) < 2 or (alike and key in alike):
            continue
        at = [n for n, p in enumerate(paths.get(key, ())) if p in forced]
        if not at:
            continue
        kept = [r for r in found if not any(r[n][0] for n in at)]
        if kept and len(kept) < len(found):
            candidates[key] = kept
            narrowed.add(key)
    return narrowed


_MOST_MISPRINT_CELLS = 84  # cells of the open rows tried as the misprint (12 rows), no more
# a column's cells asked at least this many (open rows): its sums taken together first, one search
# more when some cell of it may be the misprint (and with fewer sums to cut it off it may walk far
# before giving up: lossy4242 r0016's five rows, +2.4 M instructions at 3), one for each cell but
# that one less when none may
_MISPRINT_COLUMN_TOGETHER = 6


def _cut_around_one_misprint(candidates, paths, eqs, values, alike: dict[str, tuple]) -> set[str]:
    """Glued 表三 rows left open where no choice of their cuts makes every sum hold (a misprint in
    the table): each cell of an open row is taken in turn as the misprint, the sums through it left
    out. When every cell that leaves some choice under which the other sums all hold leaves exactly
    one, and the same one (a report holds one misprint far more often than two), the open rows are
    cut so; the misprint stays as printed, for the checks to name. The rows so cut (none when a
    cell leaves several choices, or the cells leave different ones, or a search gives up)."""
    sums_of = {key: [alike[key]] if key in alike else sorted({_cut_values(r) for r in found})
               for key, found in candidates.items() if len(found) > 1}
    known = dict(values)
    for key, sums in sums_of.items():
        if len(sums) == 1:
            known.update(zip(paths[key], sums[0]))
    open_rows = {key: [list(s) for s in sums] for key, sums in sums_of.items() if len(sums) > 1}
    cells = [p for key in open_rows for p in paths[key]]
    if not open_rows or len(cells) > _MOST_MISPRINT_CELLS:
        return set()
    choices = set()
    # a cell off a sum that holds under no choice of cuts leaves that sum in: jointly_possible answers
    # None there, and is asked only of the cells on every such sum (none, often: two sums apart)
    never = sums_no_choice_holds(open_rows, paths, eqs, known)
    # The cells of one column are first taken together: the sums through none of them are among
    # the sums each one leaves in, so when no choice of cuts makes those hold, none does with any
    # cell of the column left out (jointly_possible's None is exact, never a search given up: a
    # cell's own search could only say so again, or give up) and the column's cells are not asked
    # one by one (mutant 810 of the parse snapshot: 8 open rows, the sums failing whichever cell is
    # left out, 7 searches instead of 56).
    asked = cells if not never else [c for c in cells if all(c in e.cell_set for e in never)]
    column_of = {p: n for key in open_rows for n, p in enumerate(paths[key])}
    column_cells: dict[int, set[str]] = {}  # (the cells asked, by column)
    for p in asked:
        column_cells.setdefault(column_of[p], set()).add(p)
    column_may: dict[int, bool] = {}  # column -> whether some cell of it may be the misprint
    without = jointly_possible_without(open_rows, paths, eqs, known)
    for cell in asked:
        n = column_of[cell]
        if n not in column_may:
            column_may[n] = len(column_cells[n]) < _MISPRINT_COLUMN_TOGETHER or without(column_cells[n]) is not None
        if not column_may[n]:
            continue  # (the misprint is not in its column: the sums through none of its cells fail)
        joint = without({cell})
        if joint is None:
            continue  # (the misprint is not there: the other sums fail all the same)
        if not isinstance(joint, dict) or any(len(kept) != 1 for kept in joint.values()):
            return set()  # (a search gave up, or the misprint there leaves a row's cut open)
        choices.add(tuple(sorted((key, tuple(open_rows[key][kept[0]])) for key, kept in joint.items())))
        if len(choices) > 1:
            return set()
    if not choices:
        return set()
    chosen = dict(choices.pop())
    if set(chosen) != set(open_rows):
        return set()
    for key, cut in chosen.items():
        candidates[key] = [r for r in candidates[key] if _cut_values(r) == cut]
    return set(chosen)


def _jointly_narrowed(candidates, paths, eqs, sum_cells, values,
                      alike: Optional[dict[str, tuple]] = None) -> tuple[set[str], Optional[bool]]:
    """The rows still open after the others settled (placed from the left among them) chosen
    together again: the first joint choice may have given up on the many placements of blanks
    that add up alike, and settle() weighs one row at a time, never an equation through two open
    rows. The rows whose readings were narrowed, and whether some choice of the open rows'
    readings makes every sum hold: True, False (none does), or None (not known: the search gave up
    before finding one, or no row was open). (`alike`: rows whose readings all give the same values,
    these.)"""
    alike = alike or {}
    sums_of = {key: [alike[key]] if key in alike else sorted({_cut_values(r) for r in found})
               for key, found in candidates.items() if len(found) > 1}
    if not sums_of:
        return set(), None  # no row open: nothing to choose, and whether the sums hold not asked
    known = dict(values)  # a row whose readings all give the same values is no choice to search
    for key, sums in sums_of.items():
        if len(sums) == 1:
            known.update(zip(paths[key], sums[0]))
    if not any(len(sums) > 1 for sums in sums_of.values()):
        # (readings that differ only where a 0 went add up alike: nothing to choose) whether the
        # sums hold is then read off, as jointly_possible answers it
        return set(), _known_sums_hold(eqs, known)
    sums_of = {key: sums for key, sums in sums_of.items() if len(sums) > 1}
    joint = jointly_possible({key: [list(s) for s in sums] for key, sums in sums_of.items()}, paths,
                             eqs + _around_unread(eqs, sum_cells, known, paths, sums_of), known)
    narrowed = set()
    for key, kept in (joint if isinstance(joint, dict) else {}).items():  # None, or given up: they stay open
        if len(kept) < len(sums_of[key]):
            chosen = {sums_of[key][i] for i in kept}
            candidates[key] = [r for r in candidates[key] if _cut_values(r) in chosen]
            narrowed.add(key)
    return narrowed, (True if isinstance(joint, dict) or joint is SOME_HOLD else False if joint is None else None)


_MOST_PLACINGS_WEIGHED = 20  # a row's placements weighed against the sums before one is taken from the left


def _placements(candidates, key: str, paths, eqs, values, distinct_sums: dict[int, tuple[list, list]],
                weighed_sums: dict) -> Placements:
    """`key`'s placements, to be weighed one by one: whether the open rows (as _placed_by_sums weighs
    them), `key` read only as placed, may all add up; not where the sums rule that out
    (glued_places.sums_may_hold). `distinct_sums`: id of a list of readings -> (the list, its
    readings' distinct values, in order), kept between calls (a row's list is replaced, not changed:
    the other rows' lists are met again and again); `weighed_sums`: glued_places' memo."""
    known = dict(values)
    rows: dict[str, list[tuple]] = {}
    for other, found in candidates.items():
        if other == key or not found:
            continue
        if (seen := distinct_sums.get(id(found))) is not None and seen[0] is found:
            sums = seen[1]
        else:
            sums = sorted({_cut_values(r) for r in found})
            distinct_sums[id(found)] = (found, sums)
        if len(sums) == 1:
            known.update(zip(paths[other], sums[0]))
            continue
        rows[other] = sums
    return Placements(rows, paths, eqs, known, key, weighed_sums)


def _placed_by_sums(candidates, paths, eqs, values) -> set[str]:
    """The open rows narrowed to the one choice under which every sum holds, found by weighing
    each sum alone (glued_places.py): none when it finds no such choice, or more than one."""
    known = dict(values)  # (a row whose readings all give the same values is no choice)
    rows: dict[str, list[tuple]] = {}
    count = 0
    for key, found in candidates.items():
        if len(found) > 1:
            sums = sorted({_cut_values(r) for r in found})
            if len(sums) == 1:
                known.update(zip(paths[key], sums[0]))
                continue
            rows[key] = sums
            count += len(sums)
            if count > MOST_READINGS:
                return set()  # (rows this open are placed as before: counted no further)
    chosen = placed_by_sums(rows, paths, eqs, known) if rows else None
    for key, n in (chosen or {}).items():
        candidates[key] = [r for r in candidates[key] if _cut_values(r) == rows[key][n]]
    return set(chosen or ())


def _known_sums_hold(eqs, values: dict) -> bool:
    """Whether every sum among `eqs` whose cells `values` all knows holds (a sum through an
    unknown cell says nothing). Each side's values are listed once, then summed in order."""
    for eq in eqs:
        left, right = list(map(values.get, eq.left)), list(map(values.get, eq.right))
        if not (known(left) and known(right)):
            continue
        if not abs(sum(left) - sum(right)) < 1e-9:  # (as `all` of the comparison: a NaN fails it)
            return False
    return True


def _around_unread(eqs, sum_cells: tuple[str, ...], known, paths, open_rows) -> list:
    """The sums that skip the cells neither read nor being chosen (a typo's row no cut adds up);
    `sum_cells`: the cells of `eqs`, each once."""
    chosen = {p for key in open_rows for p in paths[key]}
    return around_unread(eqs, {p for p in sum_cells if known.get(p) is None and p not in chosen})


@lru_cache(maxsize=4)
def _t3_sums(version: str) -> tuple[tuple[Equation, ...], tuple[str, ...]]:
    """表三's sums (the T3 rules) in the template's order, and the cells they reach, each once
    (worked out once a template, not for every glued report)."""
    eqs = tuple(e for e in equations(version) if e.rule.startswith("T3"))
    return eqs, tuple(dict.fromkeys(p for e in eqs for p in e.cells))


def _typo_row_with_open_rows(candidates, patterns, pieces, paths, eqs, values,
                             before_placing: Optional[dict[str, list]] = None) -> set[str]:
    """The one row no cut adds up (a typo) read together with the rows still open (glued_typo.py).
    When that fails and rows were placed from the left by guess (blanks that left no trace), they
    are open again, with the rows settled since: the typo row's printed cells may say which columns
    their values are in (「（七）总计」 "153/00191" puts 一's lone 1 in 其他, not in 法律服务机构
    where the guess put it). The rows whose cut that chose, no longer a guess."""
    typo_rows = [key for key, found in candidates.items() if not found]
    cut: dict[tuple, list[tuple]] = {}  # the choices of the open rows often give a row the same sums
    read_cells: list[list] = [[]]  # the printed cells of the typo row's reading read last

    def read(key, trial):
        for cells in patterns[key]:
            found = _one_off_reading([p[0] for p in cells], paths[key], eqs, trial, kept=cut)
            if found:
                read_cells[0] = cells
                return found
        return []

    tried = candidates
    solved = one_off_with_open_rows(typo_rows, candidates, paths, values, read,
                                    *_sums_given_rows(paths, eqs, patterns))
    if not solved and before_placing and len(typo_rows) == 1:
        tried = {key: before_placing[key] if len(before_placing.get(key, ())) > len(found) else found
                 for key, found in candidates.items()}
        # (cuts giving the same values, placeholders or blanks in other columns, are one choice;
        # a row all of whose cuts give the same values is known)
        distinct = _distinct_values(tried)
        known = dict(values)
        for k, found in distinct.items():
            if len(found) == 1:
                known.update(zip(paths[k], (v or 0 for v, _ in found[0])))
        solved = one_off_with_open_rows(typo_rows, distinct, paths, known, read, *_sums_given_rows(paths, eqs, patterns))
    if not solved:
        return set()
    chosen, key, reading = solved
    for k, chosen_cut in chosen.items():
        candidates[k] = [r for r in tried[k] if _cut_values(r) == _cut_values(chosen_cut)]
    candidates[key], pieces[key] = reading, read_cells[0]
    if tried is candidates:
        return set()
    settled = set(chosen) | _open_rows_around_a_typo(key, reading[0], candidates, tried, paths, eqs, known)
    return {k for k in settled if len(tried[k]) > len(candidates[k])}


def _placed_around_a_typo_row(typo_row: str, candidates, patterns, pieces, paths, eqs, values,
                              before_placing: dict[str, list]) -> set[str]:
    """The one row no cut adds up (a typo's) in a table whose blanks left no trace, where rows were
    placed from the left by guess and the typo row could not be read one choice of theirs at a
    time (too many choices): its printed cells placed every way (its own sum left out), the rows
    placed by guess open again, and each of its cells taken in turn as the misprint, the sums
    through it left out (its own sum fails under every cut, so the misprint is in the row). When
    exactly one cell leaves a choice under which every other sum holds, and that choice is one
    reading per row, the rows are read so and the typo row as printed, its misprint for the checks
    to name (the first of its printed cells' patterns that reads so). The rows so read (none
    otherwise)."""
    tried = {key: before_placing[key] if len(before_placing.get(key, ())) > len(found) else found
             for key, found in candidates.items() if key != typo_row}
    distinct = _distinct_values(tried)
    known = dict(values)
    for key, found in distinct.items():
        if len(found) == 1:
            known.update(zip(paths[key], (v or 0 for v, _ in found[0])))
    open_rows = {key: [[v or 0 for v, _ in r] for r in found] for key, found in distinct.items() if len(found) > 1}
    width = len(paths[typo_row])
    placings: dict[tuple, tuple[tuple, list]] = {}  # the typo row's values -> its first reading, its printed cells
    for cells in patterns.get(typo_row, []):
        # each printed cell one value (no sum says where a run of it would be cut), the last the
        # row's 总计 (a row printing values prints its 总计)
        for reading in _readings([p[0] for p in cells], width, _any_reading, True, cut=False,
                                 limit=_MOST_READINGS_WALKED):
            if reading[-1][1] >= 0:
                placings.setdefault(_cut_values(reading), (reading, cells))
    if not open_rows or not placings or len(placings) > _MOST_TYPO_PLACINGS:
        return set()
    open_rows[typo_row] = [[v or 0 for v in sums] for sums in placings]
    answers = []
    without = jointly_possible_without(open_rows, paths, eqs, known)
    for cell in paths[typo_row]:
        joint = without({cell})
        if joint is NONE_FOUND or joint is SOME_HOLD:
            return set()  # (a search gave up: not known)
        if isinstance(joint, dict):
            answers.append(joint)
    if len(answers) != 1 or any(len(kept) != 1 for kept in answers[0].values()):
        return set()
    typo_values = list(placings)[answers[0][typo_row][0]]
    candidates[typo_row], pieces[typo_row] = [placings[typo_values][0]], placings[typo_values][1]
    settled = set()
    for key, kept in answers[0].items():
        if key != typo_row:
            sums = distinct[key][kept[0]]
            candidates[key] = [r for r in tried[key] if _cut_values(r) == _cut_values(sums)]
            settled.add(key)
    return settled


_MOST_TYPO_PLACINGS = 36  # a typo row's placements weighed (its 4 values in 6 columns: 15), no more
_MOST_READINGS_WALKED = 200  # (its readings listed, a blank 总计 among them, no more)


def _any_reading(row: Sequence[Optional[int]]) -> bool:
    """_readings' `accept` for a row read whatever its values add up to."""
    return True


def _moved_for_one_misprint(report: Report, candidates, before_placing: Optional[dict[str, list]], placed_left: set[str],
                            paths, eqs) -> Optional[str]:
    """The row placed from the left by guess that one_misprint.py moves (its readings narrowed to
    the placement taken), or None: the table as read, each row's cells where its readings agree."""
    if not placed_left or before_placing is None:
        return None
    values: dict[str, Optional[Number]] = {p: c.arithmetic for p, c in report.cells.items() if p.startswith("section3.")}
    sums_of = {key: {_cut_values(r) for r in found} for key, found in candidates.items() if found}
    for key, sums in sums_of.items():  # (a row no cut adds up is left out: the parser's reading of it stands)
        first = next(iter(sums))
        values.update((p, v if all(s[n] == v for s in sums) else None) for n, (p, v) in enumerate(zip(paths[key], first)))
    guessed = [key for key in candidates if key in placed_left and len(sums_of.get(key, ())) == 1]
    placements = {key: [_cut_values(r) for r in before_placing.get(key, ())] for key in guessed}
    chosen = placement_for_one_misprint(guessed, placements, paths, eqs, values)
    if chosen is None:
        return None
    key, cells = chosen
    candidates[key] = [r for r in before_placing[key] if _cut_values(r) == cells]
    return key


def _open_rows_around_a_typo(typo_row: str, reading: tuple, candidates, tried, paths, eqs, known) -> set[str]:
    """The rows placed by guess that the typo choice left open, chosen by the sums once the typo
    row is read: the sums through its one wrong cell (whichever cell leaves some choice under which
    every other sum holds, when exactly one does) are left out. The rows so chosen."""
    open_rows = {k: [list(s) for s in sorted({_cut_values(r) for r in tried[k]})]
                 for k in tried if k != typo_row and len(candidates[k]) < len(tried[k])}
    open_rows = {k: sums for k, sums in open_rows.items() if len(sums) > 1}
    if not open_rows:
        return set()
    values = dict(known)
    values.update(zip(paths[typo_row], (v or 0 for v, _ in reading)))
    for k, found in candidates.items():
        if k not in open_rows and k != typo_row and len({_cut_values(r) for r in found}) == 1:
            values.update(zip(paths[k], (v or 0 for v, _ in found[0])))
    answers = []
    without = jointly_possible_without(open_rows, paths, eqs, values)
    for cell in paths[typo_row]:
        joint = without({cell})
        if joint is NONE_FOUND or joint is SOME_HOLD:
            return set()
        if isinstance(joint, dict):
            answers.append(joint)
    if len(answers) != 1:
        return set()
    settled = set()
    for k, kept in answers[0].items():
        if len(kept) == 1:
            sums = open_rows[k][kept[0]]
            candidates[k] = [r for r in tried[k] if _cut_values(r) == tuple(sums)]
            settled.add(k)
    return settled


def _printed_alike_once(patterns: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """A row's printed cells under each cell pattern, each way of printing once (both patterns
    often cut a row alike: what is worked out from them is worked out once)."""
    out: list[list[tuple[str, int, int]]] = []
    for cells in patterns:
        if cells not in out:
            out.append(cells)
    return out


# id(cut) -> (the cut, _cut_values of it): glued_t3's steps ask for the values of the same cuts
# again and again (a docx2txt report: 2 575 times for 806 cuts); the cut is kept, so its id names
# no other cut while it is here (by id, not by value: a cut of 1.0 and one of 1 are equal)
_CUT_VALUES: dict[int, tuple[tuple, tuple]] = document_memo()


def _cut_values(cut: tuple) -> tuple:
    """The values a cut gives its row's cells, a blank (None) as 0."""
    known = _CUT_VALUES.get(id(cut))
    if known is not None and known[0] is cut:
        return known[1]
    values = tuple([v or 0 for v, _ in cut])  # (a list made first: a third faster than from a generator)
    remember(_CUT_VALUES, id(cut), (cut, values))
    return values


def _distinct_values(candidates: dict[str, list]) -> dict[str, list]:
    """Each row's cuts, one for each set of values they give its cells (the first of them)."""
    out = {}
    for key, found in candidates.items():
        kept: dict[tuple, tuple] = {}
        for cut in found:
            kept.setdefault(_cut_values(cut), cut)
        out[key] = list(kept.values())
    return out


def _slip_beats_sums(candidates, patterns, pieces, paths, eqs, values, blanks: bool, empty: set[str],
                     all_hold: Optional[bool] = None) -> None:
    """When the sums cannot all hold, a row read by a cut that adds up may be a typo's row cut so
    that it adds up ("512000017": 5|12|…|17, where the column sums want 15 | 2 and the row prints
    51 | 2 | … | 17, 51 a swapped 15): cutting the typo away hides it, and two columns fail with
    no row to blame. So each such row is read as printed instead, the one cut that differs from
    what the column sums give its cells in one cell, by a slip of the hand (a digit swapped,
    dropped or added, or off by one), with the open rows' cuts chosen for it (glued_typo.py). It
    is taken only when exactly one row can be read that way: one typo explains the table, where
    the cut that adds up needs two."""
    if any(not found for found in candidates.values()):
        return  # a row no cut adds up: that one is the typo's (read after this)
    if any(len(found) > 1 for found in candidates.values()):  # some row open
        # (all_hold: the answer of the joint choice just made on the same rows and values, if known)
        if all_hold or (all_hold is None and jointly_possible(
                {key: [list(_cut_values(r)) for r in found] for key, found in candidates.items() if len(found) > 1},
                paths, eqs, values) not in (None, NONE_FOUND)):
            return  # some choice of the open rows' cuts makes every sum hold: no typo to find
        # a search that gave up before finding such a choice may hide a typo: it is looked for
        # (with every joint search made to give up, this found 4 planted typos in the converter
        # zoos and read no consistent file otherwise)
    elif _known_sums_hold(eqs, values):
        return
    hits = []
    given_rows = _sums_given_rows(paths, eqs, patterns)
    shared: dict = {}  # (one_off_with_open_rows: the values and the open rows' cuts stay the same throughout)
    for key, found in candidates.items():
        if key in empty or all(not text.isdigit() or not text.strip("0") for cells in patterns[key] for text, _, _ in cells):
            # (a row printing only zeros and placeholders: every cut of it reads 0 throughout and
            # adds up, so none is a slip's; reading it against every choice of the open rows finds none)
            continue
        cells_read: list = []

        def read(_key, trial, key=key, cells_read=cells_read):
            for cells in patterns[key]:
                reading = _one_off_reading([p[0] for p in cells], paths[key], eqs, trial, blanks)
                if reading and not _row_sum([v for v, _ in reading[0]]) and _a_slip(reading[0], paths[key], eqs, trial):
                    cells_read[:] = [cells]
                    return reading
            return []

        others = {k: f for k, f in candidates.items() if k != key}
        if any(len(f) > 1 for f in others.values()):
            solved = one_off_with_open_rows([key], {**others, key: []}, paths, values, read, *given_rows, shared=shared)
            if solved:
                hits.append((key, solved[0], solved[2], cells_read[0]))
        else:
            reading = read(key, values)
            if reading:
                hits.append((key, {}, reading, cells_read[0]))
        if len(hits) > 1:
            return
    if len(hits) == 1:
        key, chosen, reading, cells = hits[0]
        candidates.update((k, [r]) for k, r in chosen.items())
        candidates[key], pieces[key] = reading, cells


def _sums_given_rows(paths, eqs, patterns) -> tuple[Callable, Callable]:
    """glued_typo's `expected` and `could_read` for the rows of 表三."""
    columns = [e for e in eqs if e.kind == "column"]  # the only ones expected_by_columns solves by, in order
    return (lambda key, values: expected_by_columns(paths[key], columns, values),
            lambda key, expected: _could_be_one_off(patterns[key], expected))


def _could_be_one_off(patterns: list[list[tuple[str, int, int]]], expected: list[float]) -> bool:
    """Whether some cut of the row's printed cells (any of its patterns) might differ from
    `expected` in one cell only. A cut's value is a run of printed digits without leading zeros,
    a placeholder's or a blank's counts 0: a cell expected to hold a value that is negative, not
    whole, or printed nowhere in the row's digits cannot agree, and two such cells rule the row out."""
    digits = [text for cells in patterns for text, _, _ in cells if text.isdigit()]
    if not all(text.isascii() for text in digits):
        return True  # other digits (\d takes them) print a value otherwise: not ruled out here
    off = 0
    for value in expected:
        if value != 0 and (value < 0 or not float(value).is_integer() or
                           not any(str(int(value)) in text for text in digits)):
            off += 1
            if off > 1:
                return False
    return True


def _a_slip(reading: tuple, paths: list[str], eqs, values: dict) -> bool:
    """Whether the one cell of `reading` that differs from what the column sums give it is a slip."""
    expected = expected_by_columns(paths, eqs, values) or []
    return all(is_digit_slip(v or 0, e) for (v, _), e in zip(reading, expected) if (v or 0) != e)


def _total_as_printed(cells: list[tuple[str, int, int]], width: int, blanks: bool, path: str, eqs,
                      values: dict) -> Optional[tuple[int, int, int]]:
    """The 总计 of a row no cut makes add up (a typo's), as printed: the tail of its last printed
    cell, (value, start, end) — a row printing values other than 0 prints its 总计 (where blank
    cells leave no trace, a row printing nothing else but 0s may hold its one value in any column).
    The tails the other cells can fill the row before are weighed;
    when they differ, the one the column sums give, or else the one that is a slip of it, if
    exactly one. None when that leaves no 总计, or several, or the last cell is a placeholder."""
    if not cells or not cells[-1][0].isdigit() or len(cells[-1][0]) > MAX_DIGITS:
        return None
    last, _, end = cells[-1]
    before = [c for c, _, _ in cells[:-1]]
    least = sum(_fewest_numbers(c) if c.isdigit() else 1 for c in before)
    most = sum(len(c) if c.isdigit() else 1 for c in before)
    before_blank = not "".join(before).strip("0－—/-无")  # (the cells before print only zeros and placeholders)
    # A tail leaves the `head` digits of last[:head] before it, which the cells before can fill the
    # row with when the fewest numbers they all cut into (least, and the head's: its leading zeros
    # one each and what follows them one, min(head, zeros + 1)) take at most width - 1 columns, and
    # the most (most + head) at least width - 1 unless blanks fill the rest: bounds on head.
    zeros = len(last) - len(last.lstrip("0"))  # the last cell's leading zeros
    room = width - 1 - least
    longest_head = len(last) - 1 if room > zeros else min(room, len(last) - 1)
    shortest_head = 0 if blanks else max(0, width - 1 - most)
    if blanks and before_blank:
        # nothing else but zeros printed: the one value may sit in any column, its blank 总计 lost
        shortest_head = max(shortest_head, zeros + 1)
    tails = [len(last) - head for head in range(longest_head, shortest_head - 1, -1)
             if last[head] != "0" or head == len(last) - 1]  # (the tails' lengths: no leading 0, each a number of its own)
    if len(tails) > 1:  # (numbers only now: a row whose column sums give nothing is done here)
        expected = expected_by_columns([path], eqs, values)
        if expected is None:
            return None
        exact = [length for length in tails if int(last[-length:]) == expected[0]]
        tails = exact or [length for length in tails if is_digit_slip(int(last[-length:]), expected[0])]
    return (int(last[-tails[0]:]), end - tails[0], end) if len(tails) == 1 else None


def _fewest_numbers(digits: str) -> int:
    """The fewest numbers without leading zeros a run of digits cuts into: each leading 0 is one,
    and the rest, from its first other digit, can be one ("0036": 0 | 0 | 36)."""
    zeros = len(digits) - len(digits.lstrip("0"))
    return zeros + (zeros < len(digits))


def _more_than_one_off(expected: list) -> Callable[[tuple], bool]:
    """one_off's `hopeless`: whether a reading's columns so far differ from the values the column
    sums give them (`expected`) in more than one (a placeholder or a blank reads 0). Each column's
    agreeing values are a set, tested in C: the walk asks it of every place it steps to."""
    agreeing = tuple(frozenset((e, None)) if e == 0 else frozenset((e,)) for e in expected)
    contains, value = frozenset.__contains__, itemgetter(0)
    return lambda taken: len(taken) - sum(map(contains, agreeing, map(value, taken))) > 1


def _one_off_reading(printed: list[str], paths: list[str], eqs, values: dict, blanks: bool = False,
                     kept: Optional[dict] = None) -> list[tuple]:
    """The one cut of a row's run that agrees with the values the column sums give its cells in
    all columns but one — the row as printed, with its one wrong number for the checks to show.
    Empty unless the column sums give every cell and exactly one cut fits. `kept`: the cuts
    found so far, by the printed cells and the values the sums give (the cut depends on nothing else)."""
    expected = expected_by_columns(paths, eqs, values)
    if expected is None:
        return []

    def one_off(row: list[Optional[int]]) -> bool:
        return sum((v or 0) != e for v, e in zip(row, expected)) == 1

    setattr(one_off, "hopeless", _more_than_one_off(expected))  # (for _readings)
    known = (tuple(printed), tuple(expected), blanks)
    if kept is not None and known in kept:
        return kept[known]
    found = _readings(printed, len(paths), one_off, blanks, limit=2)
    found = found if len(found) == 1 else []
    if kept is not None:
        kept[known] = found
    return found


def _printed_digits(patterns: list[list[tuple[str, int, int]]]) -> bool:
    """Whether a row's run printed digits, none longer than _readings weighs (a run it refuses
    is not one no cut adds up)."""
    digits = [text for cells in patterns for text, _, _ in cells if text.isdigit()]
    return bool(digits) and all(len(text) <= MAX_DIGITS for text in digits)


_MAX_PLACED = 8  # one-off readings of a typo row told apart by the column of a value only, no more


def _one_off_placed(printed: list[str], paths: list[str], eqs, values: dict) -> tuple[list[tuple], bool]:
    """A row no cut adds up (a typo's) in a table whose blanks leave no trace, when several cuts
    differ from what the column sums give in one cell only and all read the same values: they
    differ in where a printed 0 went, or in which blank column a value went. Its printed cells
    are then placed from the left, as placed_left does, and flagged so. Its own sum fails
    whichever is read: read as printed, the checks name the row (left unread, the row hid the
    typo from every sum through it). ([reading], True), or ([], False)."""
    expected = expected_by_columns(paths, eqs, values)
    if expected is None:
        return [], False

    def one_off(row: list[Optional[int]]) -> bool:
        return sum((v or 0) != e for v, e in zip(row, expected)) == 1

    setattr(one_off, "hopeless", _more_than_one_off(expected))  # (for _readings)
    found = _readings(printed, len(paths), one_off, True, limit=_MAX_PLACED + 1)
    if len(found) < 2 or len(found) > _MAX_PLACED:
        return [], False
    if len({_cut_values(r) for r in found}) > 1 and not _placements_only(found):
        return [], False
    return [min(found, key=lambda r: tuple(n for n, (_, index) in enumerate(r) if index >= 0))], True


def _placements_only(readings: list[tuple]) -> bool:
    """Whether readings print the same values other than 0 from the same cells, in other columns
    (where a 0, a placeholder or a blank goes changes no sum: the equations fill those in)."""
    if len(readings) < 2:
        return False  # (no other placement)
    printed = list(filter(None, _cut_values(readings[0])))  # (its values other than 0, filtered at C level)
    if not printed:
        return False  # (no value other than 0: every reading that prints the same takes no column)
    for reading in readings:  # (the first that prints other values settles it: most rows' readings do)
        if list(filter(None, _cut_values(reading))) != printed:
            return False
    return len(set(map(_columns_taken, readings))) > 1


def _columns_taken(reading: tuple) -> tuple[int, ...]:
    """The columns a reading puts its values other than 0 in (for the leftmost placement)."""
    values = _cut_values(reading)  # (a blank and a placeholder are 0 there: no column taken)
    return tuple(compress(range(len(values)), values))


def _cut_or_assumed(reading: Sequence) -> bool:
    """Whether a reading cut a printed run into several values or assumed a blank column."""
    sources = [index for _, index in reading]
    return -1 in sources or len(set(sources)) < len(sources)


def _tokens(reading: tuple, cells: list[tuple[str, int, int]]) -> list[Optional[Token]]:
    """Tokens for (value, printed cell) pairs; None where the reading is open."""
    out: list[Optional[Token]] = []
    for column in reading:
        if column is None:
            out.append(None)
            continue
        value, index = column
        if index < 0:
            out.append(Token(EMPTY, "", cells[0][1], cells[0][1], 0))
            continue
        text, start, end = cells[index]
        out.append(Token(NA, text, start, end, 0) if value is None else Token(NUM, str(value), start, end, 0, value))
    return out


def glued_t4(report: Report, width: int) -> Optional[tuple[list[Optional[Token]], bool, Optional[Flag]]]:
    """表四's fifteen cells from the run after its header, when the parser could not read them:
    cut so that each of the three groups adds up to its 总计. Where several cuts do, see _open_t4;
    where none does, the one cut with a slip of the hand in one group (a typo for the checks).
    With the cells, whether a run had to be cut (or a blank assumed) to get them, and the flag of
    section4 saying why the cells are unsure (None when they are not); no cells when the run reads
    several ways that are all zeros. None when the run cannot be read."""
    if "section4" in report.tables and not any(f.cell.startswith("section4") and f.kind in ("parse", "missing")
                                               for f in report.flags):
        return None
    start = report.section_spans[4][0] if 4 in report.section_spans else report.text.find("结果维持")
    if start < 0:
        return None
    end = report.section_spans[5][0] if 5 in report.section_spans else len(report.text)
    glued = is_glued(report.text)
    if not glued and "结果维持" not in report.text[start:end]:
        return None
    text = glued_zeros_as_digits(ascii_digits(report.text[start:end]))
    header_end = text.rfind("总计", 0, (text.find("五、") + 1 or len(text) + 1) - 1)
    if header_end < 0:
        return None
    run_start, run_end = _value_run(text, _label_end(text, header_end + 2))
    run = text[run_start:run_end]
    if not glued and not _one_glued_number(run):
        return None
    tried: list[list[str]] = []
    as_printed = None  # the one cut of the first pattern that does not add up (a typo's run, read as printed)
    for cells in _printed_cells_each_way(run, start + run_start):
        printed = [c[0] for c in cells]
        if not printed or printed in tried:
            continue  # nothing this pattern takes (a run of marks), or printed alike by both: read once
        tried.append(printed)
        as_cut = cells  # (the printed cells: `cells` may become the pieces of their readings below)
        found, complete = _full_readings(printed, width, groups=3), True
        if len(found) == 1 and not _group_sums(3)([v for v, _ in found[0]]) and _t3_lost_blanks(report):
            found = []  # the one cut as printed does not add up, and this report's blanks leave no trace
        if not found:
            # Printed zeros and placeholders only: every reading is all zeros, so only whether there
            # are two readings or more (every cell 0, below) matters, not which: the groups' readings
            # stop at the second, and the walk, taken when the groups have more than can be listed,
            # at its second too (its first two are those it finds with no limit: it walks in order).
            if all(not c.isdigit() or not c.strip("0") for c in printed):
                if _zeros_read_many_ways(printed, width):
                    return [], True, None
                some = _readings_by_group(cells, 3, width // 3, enough=2)
                if some is not None and len(some[0]) >= 2 and \
                        len(_readings(printed, width, _group_sums(3), True, limit=2)) == 2:
                    return [], True, None
            grouped = _readings_by_group(cells, 3, width // 3)
            if grouped is None:  # too many to see all: only what every reading the walk finds says
                found, complete = _readings(printed, width, _group_sums(3), True), False
            elif grouped[0]:
                found, cells = grouped
        if len(found) == 1:
            if _group_sums(3)([v for v, _ in found[0]]):
                # read with "--" as one placeholder after the other pattern's cut failed: inferred
                return _tokens(found[0], cells), _cut_or_assumed(list(found[0])) or as_printed is not None, None
            if as_printed is None:
                # "--" is one placeholder or two: a cut that adds up under the other pattern beats
                # this one ("1--012": 1|-|-|0|12 fails, 1|--|0|1|2 holds)
                as_printed = _tokens(found[0], cells), _cut_or_assumed(list(found[0])), None
            continue
        if found and not any(v for reading in found for v, _ in reading):
            return [], True, None  # every reading all zeros: each cell is 0, however it was printed
        if found:
            if not complete:
                return None
            stated = stated_t4(flat_prose(report))
            if not any(_as_stated(reading, stated) for reading in found):
                # every cut that adds up belies the prose's 行政复议/行政诉讼 numbers: a misprint,
                # read where the prose's 总计 and a slip of the hand in one group leave one set of values
                misprint = _stated_misprint(as_cut, width, stated)
                if misprint is not None:
                    return _open_t4(*misprint, " ".join(run.split()), stated, misprinted=True)
            return _open_t4(found, cells, " ".join(run.split()), stated)
    if as_printed:
        return as_printed  # no cut adds up under either pattern: the run as printed (the checks find the typo)
    # no cut adds up: a typo? the one cut as printed, every cell printed, in which two groups add up
    # and the third would but for a slip of the hand (the checks then show it)
    typo = _readings_by_group(cells, 3, width // 3, blanks=False, broken=_one_slip_off)
    if not (typo and typo[0]):
        # no slip of the hand explains it (a 总计 typed wrong by more: s3706 r0042 docx2txt, 21 for 19):
        # the cuts in which two groups add up and the third does not, read where they all agree
        typo = _readings_by_group(cells, 3, width // 3, blanks=False, broken=_not_adding_up)
    if typo and len(typo[0]) == 1:
        return _tokens(typo[0][0], typo[1]), True, None
    if typo and typo[0]:
        # several such cuts ("0002200000100101": 10|0|1|0|1 or 1|0|0|10|1 in the third group): the
        # groups they all read alike are read, the cells they disagree on stay open
        found = typo[0]
        agreed = [found[0][n] if all(r[n] == found[0][n] for r in found) else None for n in range(len(found[0]))]
        if any(column is not None and column[0] for column in agreed):
            return _tokens(tuple(agreed), typo[1]), True, Flag(
                "section4", "parse", f"表四的数字粘连在一起（{' '.join(run.split())}），{NO_CUT_ADDS_UP}，{CUT_LEFT_OPEN}",
                (GLUED_NO_CUT, GLUED_UNDECIDED))
    return None


def _one_glued_number(run: str) -> bool:
    """Whether 表四's values are one number of three digits or more, nothing else printed: no cell of
    表四 reads so alone (a group's parts then add up to no 总计 but 0), so a converter (docx2txt)
    glued its cells even where no other table of the report shows it (s3706 r0005: 表三 blank,
    「145220134」)."""
    words = run.split()  # (three digits at least: a page's number of two under a lost 表四 is not cut)
    return len(words) == 1 and len(words[0]) > 2 and words[0].isdigit() and words[0].strip("0") != ""


def _as_stated(reading: tuple, stated: tuple[Optional[int], Optional[int]]) -> bool:
    """Whether a reading of 表四's fifteen cells has the 总计 of 行政复议 and of 行政诉讼 (its two
    groups together) the prose states (stated_t4; None: not stated)."""
    review, litigation = stated
    return (review is None or (reading[4][0] or 0) == review) and (
        litigation is None or (reading[9][0] or 0) + (reading[14][0] or 0) == litigation)


_MAX_STATED_READINGS = 5000


def _stated_misprint(cells: list[tuple[str, int, int]], width: int, stated: tuple[Optional[int], Optional[int]]
                     ) -> Optional[tuple[list[tuple], list]]:
    """The readings of a glued 表四 run whose 总计 are those the prose states, two groups adding up
    and the third but for a slip of the hand (_one_slip_off), when they all print one set of
    values (differing only in the columns a blank left no trace of); None otherwise. With the
    readings, the pieces their indices point into."""
    review, litigation = stated
    if review is None and litigation is None:
        return None

    def totals(total: int) -> bool:  # a group's 总计 the prose allows (行政诉讼's two groups share its number)
        return total == review or litigation is None or total <= litigation

    grouped = _readings_by_group(cells, 3, width // 3, broken=_one_slip_off, totals=totals,
                                 most=_MAX_STATED_READINGS)
    if not grouped:
        return None
    found = [reading for reading in grouped[0] if _as_stated(reading, stated)]
    if not found or (len(set(map(_cut_values, found))) > 1 and not _placements_only(found)):
        return None
    return found, grouped[1]


def _zeros_read_many_ways(printed: list[str], width: int) -> bool:
    """Whether printed 0s and placeholders read many ways as `width` columns (at least `width`
    ways, as the search through them finds): each 0 is a column of its own (no number starts with
    0), each placeholder one, and with fewer columns than the table has the blanks go in any of
    them, every group adding up (all 0)."""
    return sum(len(c) if c.isdigit() else 1 for c in printed) < width


_MAX_GROUP_READINGS = 500


def _readings_by_group(cells: list[tuple[str, int, int]], groups: int, size: int, blanks: bool = True,
                       broken=None, enough: int = 0, totals: Optional[Callable[[int], bool]] = None,
                       most: int = 0) -> Optional[tuple[list[tuple], list]]:
    """Every reading of the printed cells as `groups` groups of `size` columns, each adding up to
    its 总计 (blanks allowed, or not): the run is split where one group ends and the next begins
    (between cells or inside a run of digits) and each stretch read alone, so that no reading is
    missed (the walk over all the columns at once gives up long before it has seen them all).
    With `broken`, one group of each reading is one that `broken` accepts instead (a typo).
    With the readings, the pieces their indices point into; None when there are too many. With
    `enough`, the first readings once there are that many (or more: those of the cut that got there;
    None if it has too many, as the whole list would have too). With `totals`, only the groups
    whose 总计 (a blank 0) it accepts; `most`: how many readings are too many (_MAX_GROUP_READINGS)."""
    bounds = []
    for i, (text, _, _) in enumerate(cells):
        bounds.append((i, 0))
        if text.isdigit():
            bounds.extend((i, j) for j in range(1, len(text)))
    bounds.append((len(cells), 0))
    pieces: list[tuple[str, int, int]] = []
    known: dict[tuple[int, int], int] = {}

    def piece(i: int, a: int, b: int) -> int:
        text, start, _ = cells[i]
        key = (start + a, start + b)
        if key not in known:
            known[key] = len(pieces)
            pieces.append((text[a:b], start + a, start + b))
        return known[key]

    def stretch(lo: tuple[int, int], hi: tuple[int, int]) -> tuple[int, ...]:
        (i, a), (k, b) = lo, hi
        out = []
        while (i, a) < (k, b):
            if i == k:
                out.append(piece(i, a, b))
                break
            out.append(piece(i, a, len(cells[i][0])))
            i, a = i + 1, 0
        return tuple(out)

    read: dict[tuple, list[tuple]] = {}

    def group(ids: tuple[int, ...], typo: bool) -> list[tuple]:
        if (ids, typo) not in read:
            found = _readings([pieces[n][0] for n in ids], size, broken if typo else _row_sum, blanks)
            if totals is not None:
                found = [r for r in found if totals(r[-1][0] or 0)]
            read[ids, typo] = [tuple((v, ids[i] if i >= 0 else -1) for v, i in r) for r in found]
        return read[ids, typo]

    between: dict[tuple[int, int], tuple[int, ...]] = {}

    def readings(a: int, b: int, typo: bool = False) -> list[tuple]:
        """The readings of the stretch from bounds[a] to bounds[b]: each stretch is cut out once,
        and read only when a combination of cuts needs it."""
        if (a, b) not in between:
            between[a, b] = stretch(bounds[a], bounds[b])
        return group(between[a, b], typo)

    out: list[tuple] = []
    if len(bounds) > MAX_DIGITS:
        return None
    if broken is None and len(cells) == 1 and cells[0][0].isdigit() and not adds_up(cells[0][0], groups, size):
        # One run of digits: a reading below has, for each group, a reading of its stretch by
        # _readings, which gives none for a stretch where glued.adds_up(stretch, 1, size) fails
        # (or an empty stretch, where it holds); adds_up(run, groups, size) tries every cut of the
        # run, so when it fails every combination of cuts has a group without a reading.
        return [], pieces
    # A group's readings depend on its own stretch alone, so a combination of cuts yields nothing
    # as soon as one group (two, with `broken`) has none: the first and last groups, which take
    # only len(bounds) stretches between them, are tested before any group in the middle is read.
    order = [0, groups - 1] + list(range(1, groups - 1)) if groups > 1 else [0]
    last = len(bounds) - 1

    # Without blanks every column takes a digit or a placeholder cell of its own, one bound each:
    # a group spanning fewer than `size` bounds has no reading, as printed or as the typo.
    least = 0 if blanks else size

    def cut_edges():
        """The edges of every combination of cuts, in combinations_with_replacement's order, less
        those whose first group has no reading when every group must have one, or whose first and
        last groups both have none when one may be the typo, and those with a group spanning
        fewer than `least` bounds."""
        # (with `broken` every combination is weighed: whether its last group reads is looked up
        # once per cut, not once per combination, and only for a cut leaving room for every group)
        ends = [least * (groups - 1) <= a <= last - least and bool(readings(a, last)) for a in range(last + 1)] \
            if broken is not None else []
        last_end = max((a for a, reads in enumerate(ends) if reads), default=-1)  # the last cut whose last group reads
        for first in range(least, last + 1):
            opens = bool(readings(0, first))
            if not opens and (broken is None or first > last_end):
                continue  # (every cut from `first` on leaves a last group that does not read either)
            for cuts in combinations_with_replacement(range(first + least, last + 1), groups - 2):
                edges = (0, first) + cuts + (last,)
                if least and any(b - a < least for a, b in zip(edges[1:], edges[2:])):
                    continue
                if opens or ends[edges[-2]]:
                    yield edges

    for edges in cut_edges() if groups > 1 else [(0, last)]:
        if broken is None:
            if not all(readings(edges[k], edges[k + 1]) for k in order):
                continue
            chosen = [[readings(a, b) for a, b in zip(edges, edges[1:])]]
        else:  # the others add up first (cheap): only then is the typo group read
            empty = []
            for k in order:
                if not readings(edges[k], edges[k + 1]):
                    empty.append(k)
                    if len(empty) > 1:
                        break
            if len(empty) > 1:
                continue
            chosen = [[readings(edges[j], edges[j + 1], j == k) for j in range(groups)]
                      for k in (empty or range(groups))]
        for each in chosen:
            out.extend(sum(choice, ()) for choice in product(*each))
            if len(out) > (most or _MAX_GROUP_READINGS):
                return None
        if enough and len(set(out)) >= enough:
            break
    return list(dict.fromkeys(out)), pieces


def _one_slip_off(values: list[Optional[int]]) -> bool:
    """A group that does not add up, but would with one of its numbers typed without a slip of the
    hand (one digit dropped, one extra, two swapped, or off by one)."""
    numbers = [v or 0 for v in values]  # (a blank counts 0)
    parts, total = sum(numbers[:-1]), numbers[-1]
    if parts == total:
        return False
    return is_digit_slip(total, parts) or any(is_digit_slip(v, total - (parts - v)) for v in numbers[:-1]
                                               if total - (parts - v) >= 0)


def _not_adding_up(values: list[Optional[int]]) -> bool:
    """A group whose parts do not add up to its 总计 (a blank counts 0)."""
    numbers = [v or 0 for v in values]
    return sum(numbers[:-1]) != numbers[-1]


def _t3_lost_blanks(report: Report) -> bool:
    """Whether 表三 of this report was glued with its blank cells dropped (see _lost_blanks)."""
    span = report.section_spans.get(3) or _table_start(report.text)
    if not span or report.template not in ("2019", "2021"):
        return False
    text = glued_text(report.text[span[0]:span[1]])[0]
    table = tables(report.template)["section3"]
    return _lost_blanks(text, _glued_runs(text, table), len(table.rows[0].columns))


def _any_values(values: list[Optional[int]]) -> bool:
    return True


def _cut_parts(cells: list[str], width: int, accept) -> list[tuple]:
    """A glued row's part cells cut into `width` columns as _readings cuts a row, no blank cell
    assumed (glued_readings' cut of a row printing a subtotal)."""
    return _readings(cells, width, accept, False)


def _total_column_blank(text: str, runs: dict[str, tuple[int, int]], width: int) -> bool:
    """Whether the table leaves its 总计 column blank, without a trace: every row printing only 0s
    and placeholders (three at least) prints one cell fewer than its columns ("000000")."""
    rooms = [_room(text[start:end]) for start, end in runs.values()
             if text[start:end].strip() and not any(ch in "123456789" for ch in text[start:end])]
    return len(rooms) >= 3 and all(room == width - 1 for room in rooms)


def _no_row_adds_up(text: str, runs: dict[str, tuple[int, int]], width: int) -> bool:
    """Whether the table leaves its 总计 column blank where its blanks leave no trace (so no row of
    0s shows the column missing): three rows at least print a count, and no cut of any of them
    makes its last value the sum of the others (a typo breaks one row's sum, and 总计's)."""
    counted = 0
    printing = [run for run in (text[start:end].strip() for start, end in runs.values())
                if any(ch in "123456789" for ch in run)]
    for run in sorted(printing, key=len):  # (the shortest first: the quickest to find adding up)
        cells = tuple(c[0] for c in _printed_cells(run, 0, _CELL))
        if any(len(c) > MAX_DIGITS and c.isdigit() for c in cells):
            continue  # (no reading at all: _readings)
        # whether some cut adds up, as _readings asks before its walk (both remembered for it)
        if completes(cells[0], width, 0) if len(cells) == 1 and cells[0].isdigit() else \
                row_completes(cells, width, 0, True, True,
                              long=any(len(c) > MAX_CELL_DIGITS and c.isdigit() for c in cells)):
            return False
        counted += 1
    return counted >= 3


def _lost_blanks(text: str, runs: dict[str, tuple[int, int]], width: int) -> bool:
    """Whether a row's run has too few characters for its cells: the converter dropped blank cells
    without a trace (so a row printing nothing is a row of blanks, and 表四's blanks may be gone too)."""
    for start, end in runs.values():
        room = _room(text[start:end])
        if 0 < room < width:
            return True
    return False


_NOT_CELL = re.compile(r"[^\d－—/\-无]+")  # characters _CELL does not take
_PAIR_ALONE = re.compile(r"(?<!\S)(?:--|——)(?!\S)")  # a "--" standing alone: one cell (_printed_cells)


def _room(run: str) -> int:
    """The columns a run's printed cells (_printed_cells under _CELL) fill at most: a digit each,
    a placeholder one. Counted in the text, the cells not made."""
    return len(_NOT_CELL.sub("", run)) - len(_PAIR_ALONE.findall(run))


def _open_t4(found: list[tuple], cells: list[tuple[str, int, int]], printed: str,
             stated: tuple[Optional[int], Optional[int]] = (None, None), misprinted: bool = False
             ) -> tuple[list[Optional[Token]], bool, Flag]:
    """表四 from several cuts that all add up: the cuts whose 总计 are the numbers of 行政复议 and
    行政诉讼 the prose `stated` (prose_counts.stated_t4: the N-1 rule's) are preferred, where some
    are; where they differ only in the columns their blanks took (a blank left no trace), the
    values are placed from the left, as in 表三; the cells the cuts still disagree on stay open;
    and section4's flag saying so (inferred where the prose left one cut). `misprinted`: `found`
    are the cuts of a misprinted run that the prose's numbers leave (_stated_misprint)."""
    review, litigation = stated
    as_stated = [r for r in found if _as_stated(r, stated)]
    said = ""
    if as_stated and (len(as_stated) < len(found) or misprinted):
        found = as_stated
        said = "、".join(f"{name}{number}件" for name, number in (("行政复议", review), ("行政诉讼", litigation))
                        if number is not None)
        said = f"能使各组合计相符的拆法都与正文所称{said}不符，已按正文所称的总计拆分（疑有笔误），" if misprinted \
            else f"按正文所称{said}选取，"
    why = Flag("section4", "parse", f"表四的数字粘连在一起（{printed}），{said}{CUT_LEFT_OPEN}",
               (GLUED_UNDECIDED,))
    if _placements_only(found):
        leftmost = min(map(_columns_taken, found))
        found = [r for r in found if _columns_taken(r) == leftmost]
        why = Flag("section4", "parse", f"表四的数字粘连在一起（{printed}），{said}空白单元格未留痕迹，数字所在的列无法唯一确定，"
                   f"{PLACED_FROM_THE_LEFT}，请对照原文核对", (PLACED_LEFT,))
    agreed = [found[0][n] if all(r[n] == found[0][n] for r in found) else None for n in range(len(found[0]))]
    if None not in agreed and PLACED_LEFT not in why.causes:  # (the prose left one cut: no cell open)
        # (a misprint's cut rests on the prose and on a slip of the hand: still unsure)
        why = Flag("section4", "parse" if misprinted else "inferred", f"表四的数字粘连在一起（{printed}），{said}请对照原文核对")
    return _tokens(tuple(agreed), cells), True, why
