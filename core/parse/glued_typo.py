"""A glued 表三 with a typo in one row while other rows' cuts are still open.

A typo's row has no cut that adds up, so it is read as the one cut that differs from what the
column sums give its cells in exactly one cell (stream._one_off_reading). Those column sums need
every other row of the columns; when some rows still have several cuts, each choice of their cuts
is tried: the typo row is read only when every choice that lets it be read that way reads it
the same, and an open row is settled where those choices agree on its cut.

The typo row's reading depends on a choice only through what the column sums then give its
cells. A column's sum is its total less the other rows' cells, so those values move with each
open row's cut on its own: they are worked out once per cut, not once per choice; a choice under
which they leave the row no reading (`could_read`) is not read, and choices giving the same
values are read once (_choices_by_expected).
"""
from __future__ import annotations

from itertools import product
from typing import Callable, Hashable, Iterable, Optional

_MAX_CHOICES = 256  # choices of the open rows' cuts tried, no more
_EXACT = 2 ** 45  # whole numbers below this add up exactly in floats, in any order (a sum of 256 of them too)


def one_off_with_open_rows(typo_rows: list[str], candidates: dict[str, list[tuple]], paths: dict[str, list[str]],
                           values: dict[str, Optional[float]], read_one_off: Callable, expected: Optional[Callable] = None,
                           could_read: Optional[Callable] = None, shared: Optional[dict] = None) -> Optional[tuple[dict, str, list]]:
    """(cuts chosen for the open rows, the typo row, its reading) when the choices of the open
    rows' cuts that let the one typo row be read all read it the same; an open row's cut is
    chosen where those choices agree on it. None otherwise. `read_one_off(key,
    values)` reads the typo row against `values` (a list of readings, empty if none fits).
    `expected(key, values)`: what the column sums give the row's cells (None unless every cell),
    the only thing of `values` that `read_one_off` may depend on; `could_read(key, expected)`:
    False only when `read_one_off` must find nothing against such values. Without them every
    choice is read. `shared`: a dict kept by a caller that asks for several typo rows against the
    same `values` and the same open rows' cuts (lists it does not change meanwhile): what does not
    depend on the typo row is worked out there once (see _choices_by_expected)."""
    if len(typo_rows) != 1:
        return None
    open_rows = [key for key, found in candidates.items() if len(found) > 1]
    if not open_rows:
        return None
    sizes = 1
    for key in open_rows:
        sizes *= len(candidates[key])
    if sizes > _MAX_CHOICES:
        return None
    typo_row = typo_rows[0]
    if expected and could_read:
        keyed = list(_choices_by_expected(typo_row, open_rows, candidates, paths, values, expected, could_read,
                                          {} if shared is None else shared))
    else:
        keyed = [(choice, choice) for choice in _every_choice(open_rows, candidates)]
    # each distinct key read once, in the order of its last choice: what the last read leaves
    # behind in the caller (the printed cells it read) is, as when every choice is read, the last
    # choice's that reads the row
    last = {key: n for n, (_, key) in enumerate(keyed)}
    readings = {}
    for read_key in sorted(last, key=last.__getitem__):
        choice = keyed[last[read_key]][0]
        readings[read_key] = read_one_off(typo_row, _trial(values, zip(open_rows, choice), candidates, paths))
    found = [(choice, readings[key]) for choice, key in keyed if readings[key]]
    if not found or any(reading != found[0][1] for _, reading in found):
        return None  # no choice reads the typo row, or the choices read it differently
    # the open rows settled where every choice that reads the typo row agrees
    chosen = {key: candidates[key][found[0][0][n]] for n, key in enumerate(open_rows)
              if len({choice[n] for choice, _ in found}) == 1}
    return chosen, typo_row, found[0][1]


def _every_choice(open_rows: list[str], candidates: dict) -> Iterable[tuple[int, ...]]:
    return product(*(range(len(candidates[key])) for key in open_rows))


def _trial(values: dict, cuts, candidates: dict, paths: dict) -> dict:
    """`values` with the open rows' cells as each (row, index of its cut) reads them."""
    trial = dict(values)
    for key, index in cuts:
        trial.update(zip(paths[key], _cells(candidates[key][index])))
    return trial


def _whole(numbers) -> bool:
    return all(n is None or (abs(n) < _EXACT and float(n).is_integer()) for n in numbers)


def _cells(cut: tuple) -> tuple:
    """The values a cut puts in the row's cells, as _trial sets them."""
    return tuple([v or 0 for v, _ in cut])  # (a list made first: a third faster than from a generator)


def _choices_by_expected(typo_row: str, open_rows: list[str], candidates: dict, paths: dict, values: dict,
                         expected: Callable, could_read: Callable, shared: dict) -> Iterable[tuple[tuple[int, ...], Hashable]]:
    """(choice, what the column sums give the typo row under it) for the choices of the open rows'
    cuts, in product order, that may leave the typo row a reading. What the sums give each cell is
    the column's total less the other rows' cells: the value under the first choice plus, for
    each open row, what its cut changes from its first cut (the open rows' cells are numbers under
    every choice, so each cell is given by the same sum). That is exact when every number is whole
    and small enough for floats to add up in any order alike, as counts are; otherwise, or where
    the sums give nothing, every choice is kept, keyed by itself.

    What does not depend on the typo row is kept in `shared` (its caller's, for the same `values`
    and open rows' cuts): whether `values` are whole, each open row's cells under each cut, and the
    values under the first choice and under each choice differing from it in one row's cut."""
    everything = ((choice, choice) for choice in _every_choice(open_rows, candidates))
    if "whole" not in shared:
        shared["whole"] = _whole(values.values())
    cells_of = []  # per open row: the cells under each of its cuts
    for key in open_rows:
        if ("cells", key) not in shared:
            cuts = [_cells(cut) for cut in candidates[key]]
            shared["cells", key] = cuts, all(map(_whole, cuts))
        cells_of.append(shared["cells", key])
    if not shared["whole"] or not all(whole for _, whole in cells_of):
        return everything
    first = [(key, 0) for key in open_rows]

    def trial(n: int, index: int) -> dict:
        """The values under the first choice, row n read by its cut `index` (n -1: none moved)."""
        known = ("trial", tuple(open_rows), n, index)
        if known not in shared:
            shared[known] = _trial(values, first if n < 0 else first[:n] + [(open_rows[n], index)] + first[n + 1:],
                                   candidates, paths)
        return shared[known]

    base = expected(typo_row, trial(-1, 0))
    if base is None:
        return everything
    changes = []  # per open row, per cut: what it changes in each cell the sums give
    for n, (cuts, _) in enumerate(cells_of):
        by_cells = {cuts[0]: (0,) * len(base)}  # cuts printing the same cells alike
        for index in range(1, len(cuts)):
            if cuts[index] in by_cells:
                continue
            moved = expected(typo_row, trial(n, index))
            if moved is None:
                return everything
            by_cells[cuts[index]] = tuple(m - b for m, b in zip(moved, base))
        changes.append([by_cells[cells] for cells in cuts])
    given: list[tuple[tuple[int, ...], tuple[float, ...]]] = [((), tuple(base))]  # (choice so far, what the sums give the typo row), in product order
    for row_changes in changes:
        given = [(choice + (index,), tuple(g + c for g, c in zip(values_given, change)))
                 for choice, values_given in given for index, change in enumerate(row_changes)]
    readable: dict[tuple, bool] = {}
    for _, values_given in given:
        if values_given not in readable:
            readable[values_given] = could_read(typo_row, values_given)
    return [(choice, values_given) for choice, values_given in given if readable[values_given]]
