"""A glued 表三 with a typo in one row while other rows' cuts are still open.

A typo's row has no cut that adds up, so it is read as the one cut that differs from what the
column sums give its cells in exactly one cell (stream._one_off_reading). Those column sums need
every other row of the columns; when some rows still have several cuts, each choice of their cuts
is tried: the typo row is read only when exactly one choice lets it be read that way, and that
choice then settles the open rows too.
"""
from __future__ import annotations

from itertools import product
from typing import Callable, Optional

_MAX_CHOICES = 256  # choices of the open rows' cuts tried, no more


def one_off_with_open_rows(typo_rows: list[str], candidates: dict[str, list[tuple]], paths: dict[str, list[str]],
                           values: dict[str, Optional[float]], read_one_off: Callable) -> Optional[tuple[dict, str, list]]:
    """(cuts chosen for the open rows, the typo row, its reading) when exactly one choice of
    the open rows' cuts lets the one typo row be read; None otherwise. `read_one_off(key,
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
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    choice, reading = found[0]
    return {key: candidates[key][index] for key, index in zip(open_rows, choice)}, typo_rows[0], reading
