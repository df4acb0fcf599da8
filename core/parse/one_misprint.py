"""A 表三 row placed by guess (its blanks left no trace) moved to where one misprint explains the table.

A glued row whose blank cells left no trace reads alike in any columns its values keep their
order in; the sums choose where they can, and where they cannot the row is placed from the left
(stream.glued_t3, flagged). In a report with a misprint the sums fail whatever is read, so they
chose nothing for such a row, and the guess can make the failing sums cross nowhere: 「四、结转
下年度」 printing one 6, put under 自然人, breaks 自然人's 一+二 = （七）+ 四 beside the misprinted
row's own sum and 商业企业's column, where under 商业企业 only the misprinted cell's two sums fail,
both mended by one value of that cell. A report holds one misprint far more often than two: the
row is moved to the one placement, among all of its own, under which every failing sum goes
through one cell that one value mends (the others kept as read), when the placement read has
no such cell and exactly one other has. The row stays flagged; the checker names the cell.
"""
from __future__ import annotations

from typing import Optional, Sequence

from core.equations import Equation
from core.model import Number

# Placements of a row weighed at most (a row of few values among six blank columns has 20)
_MOST_PLACEMENTS = 64


def failing_sums(eqs: Sequence[Equation], values: dict[str, Optional[Number]]) -> list[tuple[Equation, Number]]:
    """The sums among `eqs` whose cells are all known that fail, each with its left side less its right."""
    out = []
    for eq in eqs:
        left = [v for v in map(values.get, eq.left) if v is not None]
        right = [v for v in map(values.get, eq.right) if v is not None]
        if len(left) < len(eq.left) or len(right) < len(eq.right):
            continue  # (a cell unknown: the sum says nothing)
        gap = sum(left) - sum(right)
        if abs(gap) > 1e-9:
            out.append((eq, gap))
    return out


def one_cell_mends(eqs: Sequence[Equation], values: dict[str, Optional[Number]],
                   failing: Optional[list[tuple[Equation, Number]]] = None) -> Optional[bool]:
    """Whether the sums among `eqs` whose cells are all known that fail (`failing`, when worked
    out already) all go through one cell that one value (not below 0) mends, no other known sum
    through it failing then; None when none fails."""
    if failing is None:
        failing = failing_sums(eqs, values)
    if not failing:
        return None
    shared = set(failing[0][0].cells)
    for eq, _ in failing[1:]:
        shared &= eq.cell_set
        if not shared:
            return False
    failing_ids = {id(eq) for eq, _ in failing}
    for cell in shared:
        now = values.get(cell)
        if now is None:
            continue
        wanted = {now - gap if cell in eq.left else now + gap for eq, gap in failing}
        if len(wanted) != 1 or min(wanted) < 0:
            continue
        # (a known sum through the cell that holds now would fail with the cell changed)
        if any(id(eq) not in failing_ids and cell in eq.cell_set
               and all(values.get(p) is not None for p in eq.cells) for eq in eqs):
            continue
        return True
    return False


def placement_for_one_misprint(guessed: Sequence[str], placements: dict[str, list[tuple]],
                               paths: dict[str, list[str]], eqs: Sequence[Equation],
                               values: dict[str, Optional[Number]]) -> Optional[tuple[str, tuple]]:
    """The one row of `guessed` (placed by guess) and its one placement (cell values, among
    `placements`) under which one misprinted cell explains every failing sum of `eqs`, the table
    otherwise as `values` reads it; None when the table as read is so explained already, when
    every sum holds, or when no such row and placement, or more than one, exists."""
    failing = failing_sums(eqs, values)
    if one_cell_mends(eqs, values, failing) is not False:
        return None
    found: list[tuple[str, tuple]] = []
    for key in guessed:
        now = tuple(values.get(p) for p in paths[key])
        options = [cells for cells in dict.fromkeys(placements.get(key, ())) if cells != now]
        if not options or len(options) > _MOST_PLACEMENTS:
            continue
        row = set(paths[key])
        # (only the sums through the row change with its placement: the others' failures are kept)
        through_row = [eq for eq in eqs if not row.isdisjoint(eq.cells)]
        elsewhere = [(eq, gap) for eq, gap in failing if row.isdisjoint(eq.cells)]
        trial = dict(values)
        for cells in options:
            trial.update(zip(paths[key], cells))
            if one_cell_mends(eqs, trial, elsewhere + failing_sums(through_row, trial)):
                found.append((key, cells))
                if len(found) > 1:
                    return None
    return found[0] if found else None
