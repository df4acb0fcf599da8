"""A glued 表三 with a typo in one row while other rows' cuts are still open.

A typo's row has no cut that adds up, so it is read as the one cut that differs from what the
column sums give its cells in exactly one cell (stream._one_off_reading). Those column sums need
every other row of the columns; when some rows still have several cuts, each choice of their cuts
is tried: the typo row is read only when every choice that lets it be read that way reads it
the same, and an open row is settled where those choices agree on its cut.
"""
from __future__ import annotations

from itertools import product
from typing import Callable, Optional

_MAX_CHOICES = 256  # choices of the open rows' cuts tried, no more


def one_off_with_open_rows(typo_rows: list[str], candidates: dict[str, list[tuple]], paths: dict[str, list[str]],
                           values: dict[str, Optional[float]], read_one_off: Callable) -> Optional[tuple[dict, str, list]]:
    """(cuts chosen for the open rows, the typo row, its reading) when the choices of the open
    rows' cuts that let the one typo row be read all read it the same; an open row's cut is
    chosen where those choices agree on it. None otherwise. `read_one_off(key,
    values)` reads the typo row against `values` (a list of readings, empty if none fits)."""
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
    found = []
    for choice in product(*(range(len(candidates[key])) for key in open_rows)):
        trial = dict(values)
        for key, index in zip(open_rows, choice):
            trial.update((p, v or 0) for p, (v, _) in zip(paths[key], candidates[key][index]))
        reading = read_one_off(typo_rows[0], trial)
        if reading:
            found.append((choice, reading))
    if not found or any(reading != found[0][1] for _, reading in found):
        return None  # no choice reads the typo row, or the choices read it differently
    # the open rows settled where every choice that reads the typo row agrees
    chosen = {key: candidates[key][found[0][0][n]] for n, key in enumerate(open_rows)
              if len({choice[n] for choice, _ in found}) == 1}
    return chosen, typo_rows[0], found[0][1]
