"""Glued 表三 rows whose blanks left no trace, placed by the column sums one equation at a time.

docx2txt drops a blank cell without a trace: "1472714790052016726" is 14727 1479 0 · 0 520 16726
with one blank among the applicant columns, and the row's own sum holds wherever it goes. The
column sums (T3-1, T3-2) say where, but a table with ten such rows has millions of joint
placements, more than the joint search (glued.jointly_possible) walks before it gives up; the
rows were then placed from the left, by guess.

Here each sum is weighed alone, over and over: a row's reading is dropped when no reading of the
other rows in that sum lets it hold (the values each row can add to a sum, rarely more than a
few, are combined, not the rows' readings). That drops no reading of any choice that makes every
sum hold. The answer is taken only when every open row is left with one set of values and every
sum then holds: the one choice there is. Otherwise (a typo somewhere, or still open) nothing
changes and the rows are placed as before.
"""
from __future__ import annotations

from itertools import chain
from typing import Optional

_MOST_SUMS = 1000  # the partial sums a side may reach before the equation is left unweighed
MOST_READINGS = 120  # the open rows' distinct readings in all: rows more open are placed as before
_MOST_WORK = 4000  # partial sums worked out in all before the rows are left to be placed as before
# ruling a placement out (sums_may_hold) weighs rows more open: it places nothing itself
_MOST_READINGS_RULED_OUT = 1000
_MOST_WORK_RULED_OUT = 40000


def placed_by_sums(rows: dict[str, list[tuple]], paths: dict[str, list[str]], eqs,
                   values: dict[str, Optional[float]]) -> Optional[dict[str, int]]:
    """For open rows (each a list of its distinct values, one tuple per reading, in `paths` order),
    the one reading of each under which every sum among `eqs` holds, the other cells at `values`
    (a sum through an unknown cell in none of the rows says nothing); None unless there is exactly
    one such choice and weighing each sum alone finds it."""
    alive = _weighed_alone(rows, paths, eqs, values)
    if not alive or any(len(left) > 1 for left in alive.values()):
        return None
    chosen = dict(values)
    for key, (n,) in alive.items():
        chosen.update(zip(paths[key], rows[key][n]))
    for eq in eqs:  # (each sum weighed alone kept a reading; together they must all hold)
        if all(chosen.get(p) is not None for p in eq.cells) and not eq.holds(chosen.get):
            return None  # (a sum through an unknown cell says nothing)
    return {key: n for key, (n,) in alive.items()}


def sums_may_hold(rows: dict[str, list[tuple]], paths: dict[str, list[str]], eqs,
                  values: dict[str, Optional[float]]) -> bool:
    """Whether some choice of the open rows' readings (as for placed_by_sums) may make every sum
    hold: False only where weighing each sum alone leaves a row no reading (no choice can). A row's
    placements weighed one by one: Placements, the same answer for less."""
    return _weighed_alone(rows, paths, eqs, values, _MOST_READINGS_RULED_OUT, _MOST_WORK_RULED_OUT) is not None


class Placements:
    """One row's placements weighed against the sums one by one (sums_may_hold of each, the row read
    only as placed), the other open rows and the known cells as they stand: what the other rows
    and cells give each sum is worked out once, when first weighed, for every placement, and the
    partial sums of the sets of values weighed are kept (`memo`, as for sums_may_hold)."""

    def __init__(self, rows: dict[str, list[tuple]], paths: dict[str, list[str]], eqs,
                 values: dict[str, Optional[float]], key: str, memo: Optional[dict] = None):
        """`rows`: the other open rows; `values`: the known cells (the row's own, at its placements)."""
        self.rows, self.paths, self.eqs, self.values, self.key = rows, paths, list(eqs), values, key
        memo = {} if memo is None else memo
        self.partial_sums, self.addends = memo.setdefault("partial sums", {}), memo.setdefault("addends", {})
        self.at = {p: (other, i) for other in rows for i, p in enumerate(paths[other])}
        self.readings = sum(map(len, rows.values()))
        self.cells = {p: i for i, p in enumerate(paths[key])}
        # per sum, in order, once worked out: the sum as _weighed_alone weighs it, or, when it goes
        # through the row, what the rest gives it (_ThroughRow); None: skipped (an unknown cell)
        self.worked: list = [_UNWORKED] * len(self.eqs)
        self.alive = {other: list(range(len(found))) for other, found in rows.items()}
        # The row known: the first sum weighed is the same sum for every placement, the other rows
        # giving it the same addends, weighed first against the same readings: its known cells'
        # sum alone tells whether it leaves a row no reading. Those sums (with their type) that did.
        self.first_fails: set[tuple[float, type]] = set()
        # that first sum, when it goes through the row and is weighed in whole numbers (its known part
        # then worked out here, not by walking the sums before it): None until known so
        self.first_through: Optional[_ThroughRow] = None

    def may_hold(self, placed: list[tuple]) -> bool:
        """sums_may_hold with the row open among `placed` (its distinct values, one tuple per reading,
        in `paths` order), or known when there is one."""
        alive = dict(self.alive)
        if self.readings + (len(placed) if len(placed) > 1 else 0) > _MOST_READINGS_RULED_OUT:
            return True  # (too open to weigh: nothing is known of them)
        if len(placed) > 1:
            alive[self.key] = list(range(len(placed)))
            return _narrowed(self._sums(placed), alive, _MOST_WORK_RULED_OUT, self.partial_sums) is not None
        through = self.first_through
        if through is not None and set(map(type, placed[0])) <= _INT_ONLY:  # (as _sums weighs it: known_row)
            part = through.known + sum([sign * placed[0][i] for i, sign in through.row_cells])
            if (part, type(part)) in self.first_fails:
                return False  # (the first sum leaves a row no reading, as it did before)
        sums = self._sums(placed)
        first = next(sums, None)
        if first is None:
            return True  # (no sum to weigh: every reading stays)
        known = (first[0], type(first[0]))
        if known in self.first_fails:
            return False
        failed_first = [False]
        if _narrowed(chain((first,), sums), alive, _MOST_WORK_RULED_OUT, self.partial_sums, failed_first) is not None:
            return True
        if failed_first[0]:
            self.first_fails.add(known)
            if through is None:
                # the first sum weighed, for any placement of the row known (a sum before it says
                # nothing whatever the row reads: an unknown cell, or no other open row)
                first_worked = next(w for w in self.worked if w is not None and (type(w) is tuple or w.keys))
                if type(first_worked) is _ThroughRow and first_worked.whole:
                    self.first_through = first_worked
        return False

    def _sums(self, placed: list[tuple]):
        """The sums as _weighed_alone weighs them, the row read as `placed`, in order."""
        known = placed[0] if len(placed) == 1 else None
        whole = known is not None and all(type(v) is int for v in known)
        values = None
        for index, eq in enumerate(self.eqs):
            weighed = self.worked[index]
            if weighed is _UNWORKED:
                if self.cells.keys().isdisjoint(eq.cell_set):
                    weighed = _sum_through(eq, self.rows, self.values, self.at, self.addends)
                else:
                    weighed = _ThroughRow.of(eq, self.rows, self.values, self.at, self.cells, self.addends)
                self.worked[index] = weighed
            if weighed is None or type(weighed) is tuple:
                pass
            elif known is None:
                weighed = weighed.open_row(self.key, placed)
            elif whole and weighed.whole:
                weighed = weighed.known_row(known)
            else:  # (fractions: the sum added up in its cells' order, as _weighed_alone does)
                values = values or {**self.values, **dict(zip(self.paths[self.key], known))}
                weighed = _sum_through(eq, self.rows, values, self.at)
            if weighed is not None:
                yield weighed


_UNWORKED = object()  # (Placements: a sum not yet worked out)


class _ThroughRow:
    """A sum through the row whose placements are weighed: what the other rows and the known cells
    give it, and where the row comes in."""

    __slots__ = ("eq", "known", "keys", "addends", "full", "row_cells", "row_at", "whole")
    eq: object
    known: float
    keys: list[str]
    addends: list[list]
    full: list[frozenset]
    row_cells: list[tuple[int, int]]
    row_at: Optional[int]
    whole: bool

    @classmethod
    def of(cls, eq, rows, values, at, cells: dict[str, int], memo: Optional[dict] = None) -> Optional["_ThroughRow"]:
        """None when the sum goes through an unknown cell outside the rows (it says nothing)."""
        self = cls()
        self.eq = eq
        known: float = 0
        through: dict[str, list[tuple[int, int]]] = {}  # as in _sum_through
        self.row_cells = []  # the row's (cell index, sign)
        self.row_at = None  # how many other rows the sum goes through before the row
        for sign, side in ((1, eq.left), (-1, eq.right)):
            for p in side:
                if p in cells:
                    self.row_cells.append((cells[p], sign))
                    if self.row_at is None:
                        self.row_at = len(through)
                elif p in at:
                    other, i = at[p]
                    through.setdefault(other, []).append((i, sign))
                elif (value := values.get(p)) is None:
                    return None
                else:
                    known += sign * value
        self.known, self.keys = known, list(through)
        self.addends, self.full = map(list, zip(*[_addends(rows[other], through[other], memo) for other in self.keys])) \
            if self.keys else ([], [])
        self.whole = type(known) is int  # (whole numbers: the row's values added last add up alike)
        return self

    def known_row(self, values: tuple) -> Optional[tuple]:
        """The sum as _sum_through gives it, the row's cells known at `values` (whole numbers)."""
        if not self.keys:
            return None
        return (self.known + sum([sign * values[i] for i, sign in self.row_cells]), self.keys, self.addends, self.full)

    def open_row(self, key: str, placed: list[tuple]) -> tuple:
        """The sum as _sum_through gives it, the row open among `placed`."""
        at = self.row_at
        addends, full = _addends(placed, self.row_cells)
        return (self.known, self.keys[:at] + [key] + self.keys[at:], self.addends[:at] + [addends] + self.addends[at:],
                self.full[:at] + [full] + self.full[at:])


def _addends(found: list[tuple], cells: list[tuple[int, int]], memo: Optional[dict] = None) -> tuple[list, frozenset]:
    """A row's addend to a sum under each of its readings (`cells`: its (cell index, sign) in the
    sum), and the set of them. `memo`: (id of the readings, the cells) -> (the readings, the
    answer), kept between calls: the readings' lists stay, so the id names no other list."""
    if memo is not None:
        seen = memo.get((id(found), tuple(cells)))
        if seen is not None and seen[0] is found:
            return seen[1]
        answer = _addends(found, cells)
        memo[(id(found), tuple(cells))] = (found, answer)
        return answer
    if len(cells) == 1:
        (i, sign), = cells
        addends = [reading[i] for reading in found] if sign == 1 else [-reading[i] for reading in found]
    else:
        addends = [sum(sign * reading[i] for i, sign in cells) for reading in found]
    return addends, frozenset(addends)


def _weighed_alone(rows: dict[str, list[tuple]], paths: dict[str, list[str]], eqs,
                   values: dict[str, Optional[float]], most_readings: int = MOST_READINGS,
                   most_work: int = _MOST_WORK) -> Optional[dict[str, list[int]]]:
    """Each open row's readings (indices) that weighing each sum alone, over and over, leaves: None
    when a row is left none (no choice makes every sum hold); {} when the rows are too open to
    weigh (nothing is known of them)."""
    if sum(map(len, rows.values())) > most_readings:
        return {}  # (weighing them costs more than the few they would place are worth)
    at = {p: (key, i) for key in rows for i, p in enumerate(paths[key])}
    # each sum worked out when first weighed: a sum ruling the rows out stops the rest
    sums = (weighed for eq in eqs if (weighed := _sum_through(eq, rows, values, at)) is not None)
    return _narrowed(sums, {key: list(range(len(found))) for key, found in rows.items()}, most_work, {})


def _narrowed(sums, alive: dict[str, list[int]], most_work: int, memo: Optional[dict],
              failed_first: Optional[list[bool]] = None) -> Optional[dict[str, list[int]]]:
    """_weighed_alone's answer: `alive`, each row's readings, narrowed by weighing each of `sums`
    (_sum_through's, in order: an iterator read once and kept) alone, over and over. `memo`: the
    partial sums of the sets of values weighed (_holding's). `failed_first`: set [True] when the
    answer is None from weighing the first sum (against `alive` as given, nothing counted yet)."""
    weighed: list[tuple] = []
    work = [0]  # partial sums worked out so far
    changed = True
    while changed:
        changed = False
        for known, keys, addends, full in weighed if weighed else sums:
            if sums is not weighed:
                weighed.append((known, keys, addends, full))
            adds = [every_value if len(alive[key]) == len(every) else frozenset([every[n] for n in alive[key]])
                    for key, every, every_value in zip(keys, addends, full)]
            kept = _holding(known, adds, work, most_work, memo)
            if work[0] > most_work:
                return {}  # rows this open are placed as before (a few equations' worth of work at most)
            if kept is None:
                continue  # too many partial sums: this equation is left unweighed
            for key, every, allowed in zip(keys, addends, kept):
                left = [n for n in alive[key] if every[n] in allowed]
                if not left:
                    if failed_first is not None and len(weighed) == 1 and sums is not weighed:
                        failed_first[0] = True
                    return None  # no choice makes every sum hold (a typo): nothing is placed
                if len(left) < len(alive[key]):
                    alive[key], changed = left, True
        sums = weighed
    return alive


_MOST_BITS = 1 << 16  # the widest spread of partial sums weighed as bits (wider: as sets of numbers)
_INT_ONLY = {int}


def _sum_through(eq, rows: dict[str, list[tuple]], values: dict[str, Optional[float]],
                 at: dict[str, tuple[str, int]], memo: Optional[dict] = None
                 ) -> Optional[tuple[float, list[str], list[list], list[frozenset]]]:
    """`eq` as _weighed_alone weighs it: (the known cells' left less right, the open rows through it,
    each row's addend under each of its readings, each row's addends as a set); None when it goes
    through no open row or through an unknown cell outside them (it says nothing)."""
    known: float = 0
    through: dict[str, list[tuple[int, int]]] = {}  # row -> [(cell index, +1 on the left / -1 on the right)]
    for sign, side in ((1, eq.left), (-1, eq.right)):
        for p in side:
            if p in at:
                key, i = at[p]
                through.setdefault(key, []).append((i, sign))
            elif (value := values.get(p)) is None:
                return None
            else:
                known += sign * value
    if not through:
        return None
    addends, full = zip(*[_addends(rows[key], cells, memo) for key, cells in through.items()])
    return known, list(through), list(addends), list(full)


def _holding(known: float, adds: list, work: list[int], most_work: int = _MOST_WORK,
             memo: Optional[dict] = None) -> Optional[list[set]]:
    """For a sum `known` + one value from each set == 0: the values of each set some choice of the
    others completes (None when the partial sums grow past _MOST_SUMS). `work` counts the partial
    sums worked out: the partial sums a set of numbers would hold, however they are held. `memo`
    (the sets, in order -> their _PartialSums, or False: not whole numbers) keeps the partial sums
    for the next call weighing the same sets, against whatever known sum."""
    sets = tuple(map(frozenset, adds)) if memo is not None else None
    partial = memo.get(sets) if memo is not None else None
    if partial is None:
        # (every set not empty and of ints alone, their spreads within _MOST_BITS: asked at C level)
        partial = all(adds) and set(map(type, chain.from_iterable(adds))) <= _INT_ONLY and \
            sum(map(max, adds)) - sum(map(min, adds)) < _MOST_BITS and _PartialSums(adds)
        if memo is not None:
            memo[sets] = partial
    if partial and type(known) is int:
        return partial.holding(known, work, most_work)
    return _holding_by_sets(known, adds, work, most_work)


class _PartialSums:
    """The partial sums a list of sets of whole numbers reaches, from the left and from the right,
    each set of sums held as the bits of an int (bit i: the set's least sum + i): adding a set is a
    few shifts, not a sum for each pair. Worked out once, whatever the work allowed, and weighed
    against any known sum: the same answer and `work` as _holding_by_sets (the oracle in
    tests/core/parse/test_glued_places.py), as `work` only grows."""

    __slots__ = ("adds", "befores", "afters", "work", "too_many", "kept")

    def __init__(self, adds: list[set]):
        self.adds = adds
        work = 0
        befores = [(1, 0, 1)]  # (bits, least sum, how many) of the sums the sets before each one reach
        too_many = False  # (the partial sums grew past _MOST_SUMS: _holding_by_sets stops there)
        for add in adds[:-1]:
            bits, least, size = befores[-1]
            low = min(add)
            reach = 0
            for value in add:
                reach |= bits << (value - low)
            work += size * len(add)
            befores.append((reach, least + low, reach.bit_count()))
            if befores[-1][2] > _MOST_SUMS:
                too_many = True
                break
        # the sums the sets after each one reach, negated, (bits, least): a sum `need` = before +
        # after is met where the befores' bits meet the negated afters' bits moved by `need`
        afters: list[tuple[int, int]] = []
        after, after_least, after_size = 1, 0, 1
        for index in range(len(adds) - 1, -1, -1) if not too_many else ():
            afters.append((after, after_least))
            work += len(adds[index]) * befores[index][2]
            if index:
                work += after_size * len(adds[index])
                high = max(adds[index])
                reach = 0
                for value in adds[index]:
                    reach |= after << (high - value)
                after, after_least, after_size = reach, after_least - high, reach.bit_count()
                if after_size > _MOST_SUMS:
                    too_many = True
                    break
        afters.reverse()
        self.befores, self.afters, self.work, self.too_many = befores, afters, work, too_many
        self.kept: dict[int, list[set]] = {}  # known sum -> the values kept

    def holding(self, known: int, work: list[int], most_work: int) -> Optional[list[set]]:
        """_holding of these sets and `known`: None, `work` past `most_work`, where _holding_by_sets
        would stop short (on a sum or on the work)."""
        work[0] += self.work
        if self.too_many or work[0] > most_work:
            return None
        kept = self.kept.get(known)
        if kept is None:
            kept = self.kept[known] = [set() for _ in self.adds]
            for index in range(len(self.adds) - 1, -1, -1):
                bits, least, _ = self.befores[index]
                after, after_least = self.afters[index]
                for value in self.adds[index]:
                    move = -known - value + after_least - least  # (before's bit i meets after's bit i - move)
                    if (bits >> move if move >= 0 else bits << -move) & after:
                        kept[index].add(value)
                if not kept[index]:
                    break  # no choice adds up: no set keeps a value
        return kept


def _holding_by_sets(known: float, adds: list[set], work: list[int], most_work: int = _MOST_WORK) -> Optional[list[set]]:
    """_holding with each set of partial sums a set of numbers (fractions, or spreads too wide for bits)."""
    before = [{0}]  # the sums the sets before each one can reach
    for add in adds[:-1]:
        reach = {a + b for a in before[-1] for b in add}
        work[0] += len(before[-1]) * len(add)
        if len(reach) > _MOST_SUMS or work[0] > most_work:
            return None
        before.append(reach)
    kept: list[set] = [set() for _ in adds]
    after: set = {0}  # the sums the sets after the current one can reach
    for index in range(len(adds) - 1, -1, -1):
        for value in adds[index]:
            need = -known - value
            if any(need - a in after for a in before[index]):
                kept[index].add(value)
        work[0] += len(adds[index]) * len(before[index])
        if index:
            work[0] += len(after) * len(adds[index])
            after = {a + b for a in after for b in adds[index]}
            if len(after) > _MOST_SUMS or work[0] > most_work:
                return None
    return kept
