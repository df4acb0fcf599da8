"""The template's arithmetic as equations over cell paths: sum(left) == sum(right).

One definition serves the parser (to place values of irregular rows and to fill values the rules
force) and the rules (to report what breaks); so does how a printed number misses the one an
equation wants by a slip of the hand (is_digit_slip).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Optional

from core.template import RESULT_ROWS_2019, RESULT_ROWS_2021, T3_COLUMNS, T3_PARTS, T4, cell_path, tables


@dataclass(frozen=True)
class Equation:
    rule: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    kind: str  # row | column | group: how a failing rule is described

    @cached_property  # read in every sum the parser and the rules compute: built once
    def cells(self) -> tuple[str, ...]:
        return self.left + self.right

    @cached_property  # whether a cell is in the sum: asked of every column sum for each cell of a row
    def cell_set(self) -> frozenset[str]:
        return frozenset(self.cells)

    def holds(self, value: Callable[[str], Optional[float]]) -> bool:
        """Whether the sum holds with each cell's value from `value` (None, a cell not printed, as 0)."""
        return abs(sum(value(p) or 0 for p in self.left) - sum(value(p) or 0 for p in self.right)) < 1e-9


@lru_cache(maxsize=4)
def equations(version: str) -> tuple[Equation, ...]:
    t3 = tables(version)["section3"]
    results = RESULT_ROWS_2019 if version == "2019" else RESULT_ROWS_2021
    out: list[Equation] = []
    for column in T3_COLUMNS:
        c = column.key
        out.append(Equation("T3-1", (cell_path("section3", "new", c), cell_path("section3", "carried_over", c)),
                            (cell_path("section3", "total", c), cell_path("section3", "carried_forward", c)), "column"))
    for column in T3_COLUMNS:
        c = column.key
        out.append(Equation("T3-2", (cell_path("section3", "total", c),),
                            tuple(cell_path("section3", r, c) for r in results), "column"))
    for row in t3.rows:
        out.append(Equation("T3-3", (cell_path("section3", row.key, "total"),),
                            tuple(cell_path("section3", row.key, p) for p in T3_PARTS), "row"))
    for n, row in enumerate(T4.rows, start=1):
        out.append(Equation(f"T4-{n}", (cell_path("section4", row.key, "total"),),
                            tuple(cell_path("section4", row.key, p) for p in ("maintained", "corrected", "other",
                                                                             "pending")), "group"))
    return tuple(out)


def involving(version: str, path: str) -> tuple[Equation, ...]:
    """The equations through a cell, in the equations' order (the template's own tuple: a caller
    only reads it, and glued_t3 asks for every cell of a row)."""
    return _involving(version).get(path, ())


@lru_cache(maxsize=256)
def through(version: str, paths: tuple[str, ...]) -> tuple[Equation, ...]:
    """The equations through any of `paths`, in the template's order (the parser asks for the
    same rows' again and again)."""
    cells = set(paths)
    return tuple(e for e in equations(version) if not cells.isdisjoint(e.cells))


@lru_cache(maxsize=4)
def _involving(version: str) -> dict[str, tuple[Equation, ...]]:
    """The equations each cell is in, in the equations' order (the rules ask for them often)."""
    out: dict[str, list[Equation]] = {}
    for eq in equations(version):
        for path in dict.fromkeys(eq.cells):
            out.setdefault(path, []).append(eq)
    return {path: tuple(eqs) for path, eqs in out.items()}


def _others_sum(side, path: str, get) -> Optional[float]:
    """One side of a sum less `path`, added in order; None at the first cell unknown."""
    total = 0
    for p in side:
        if p != path:
            v = get(p)
            if v is None:
                return None
            total += v
    return total


def expected_by_columns(paths, eqs, values: dict, agreeing: bool = False) -> Optional[list]:
    """What the column sums among `eqs` give each of a row's cells (`paths`), the sums' other cells
    at `values` (a sum with one of them unknown gives nothing); None unless they give every cell a
    value. A cell takes the first sum's value; `agreeing`: only where every sum giving it one
    gives the same (the parser tries a reading against the first; core.check.glued_rows, which
    suggests a value, asks them all)."""
    expected = []
    get = values.get
    for path in paths:
        given = None
        for eq in eqs:
            if eq.kind != "column" or path not in eq.cell_set:
                continue
            left = _others_sum(eq.left, path, get)
            if left is None:
                continue
            right = _others_sum(eq.right, path, get)
            if right is None:
                continue
            value = right - left if path in eq.left else left - right
            if given is None:
                given = value
                if not agreeing:
                    break
            elif value != given:
                return None
        if given is None:
            return None
        expected.append(given)
    return expected


def is_digit_slip(printed: float, true: float) -> bool:
    """True when `printed` is `true` off by one, or with one digit dropped, one extra, or two
    adjacent digits swapped. A zero is typed as one key: it becomes, or comes from, 1 only."""
    if printed != int(printed) or true != int(true):
        return False
    if abs(printed - true) == 1:
        return True
    if printed == 0 or true == 0:
        return False
    a, b = str(int(printed)), str(int(true))
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))
