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
    hold: False only where weighing each sum alone leaves a row no reading (no choice can)."""
    return _weighed_alone(rows, paths, eqs, values, _MOST_READINGS_RULED_OUT, _MOST_WORK_RULED_OUT) is not None


def _weighed_alone(rows: dict[str, list[tuple]], paths: dict[str, list[str]], eqs,
                   values: dict[str, Optional[float]], most_readings: int = MOST_READINGS,
                   most_work: int = _MOST_WORK) -> Optional[dict[str, list[int]]]:
    """Each open row's readings (indices) that weighing each sum alone, over and over, leaves: None
    when a row is left none (no choice makes every sum hold); {} when the rows are too open to
    weigh (nothing is known of them)."""
    if sum(map(len, rows.values())) > most_readings:
        return {}  # (weighing them costs more than the few they would place are worth)
    at = {p: (key, i) for key in rows for i, p in enumerate(paths[key])}
    sums = []  # (the known cells' left less right, row -> [(cell index, +1 on the left / -1 on the right)])
    for eq in eqs:
        known: float = 0
        through: dict[str, list[tuple[int, int]]] = {}
        for sign, side in ((1, eq.left), (-1, eq.right)):
            for p in side:
                if p in at:
                    key, i = at[p]
                    through.setdefault(key, []).append((i, sign))
                elif (value := values.get(p)) is None:
                    break
                else:
                    known += sign * value
            else:
                continue
            break
        else:
            if through:
                sums.append((known, through))
    alive = {key: list(range(len(found))) for key, found in rows.items()}
    work = [0]  # partial sums worked out so far
    changed = True
    while changed:
        changed = False
        for known, through in sums:
            keys = list(through)
            adds = [{n: sum(sign * rows[key][n][i] for i, sign in through[key]) for n in alive[key]} for key in keys]
            kept = _holding(known, [set(a.values()) for a in adds], work, most_work)
            if work[0] > most_work:
                return {}  # rows this open are placed as before (a few equations' worth of work at most)
            if kept is None:
                continue  # too many partial sums: this equation is left unweighed
            for key, add, allowed in zip(keys, adds, kept):
                left = [n for n in alive[key] if add[n] in allowed]
                if not left:
                    return None  # no choice makes every sum hold (a typo): nothing is placed
                if len(left) < len(alive[key]):
                    alive[key], changed = left, True
    return alive


def _holding(known: float, adds: list[set], work: list[int], most_work: int = _MOST_WORK) -> Optional[list[set]]:
    """For a sum `known` + one value from each set == 0: the values of each set some choice of the
    others completes (None when the partial sums grow past _MOST_SUMS). `work` counts the partial
    sums worked out."""
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
