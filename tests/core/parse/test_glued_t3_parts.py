"""The pieces glued_t3 weighs open rows with (core.parse.stream), worked out by hand."""
from __future__ import annotations

from core.equations import through
from core.parse.glued_tables import _placements_only, _sums_through_row
from core.template import tables


def test_readings_placing_the_same_counts_in_other_columns_are_placements_only():
    # "3 5 8" glued with four blanks lost: 3|5 in 自然人 and 商业企业, or in 自然人 and 科研机构
    a = ((3, 0), (5, 0), (None, -1), (None, -1), (None, -1), (None, -1), (8, 0))
    b = ((3, 0), (None, -1), (5, 0), (None, -1), (None, -1), (None, -1), (8, 0))
    assert _placements_only([a, b])
    assert not _placements_only([a])  # no other placement
    assert not _placements_only([a, a])  # the same columns: nothing to place


def test_readings_of_other_counts_or_of_nothing_but_zeros_are_no_placements():
    a = ((3, 0), (5, 0), (None, -1), (None, -1), (None, -1), (None, -1), (8, 0))
    c = ((35, 0), (None, -1), (None, -1), (None, -1), (None, -1), (None, -1), (35, 0))  # other counts
    assert not _placements_only([a, c])
    assert not _placements_only([c, a])
    # "0－0" of a row of 0s: its 0 and placeholders in other columns change no sum
    zeros = ((0, 0), (None, 1), (None, -1), (None, -1), (None, -1), (None, -1), (0, 2))
    moved = ((0, 0), (None, -1), (None, 1), (None, -1), (None, -1), (None, -1), (0, 2))
    assert not _placements_only([zeros, moved])


def test_the_sums_through_a_row_split_into_its_own_cells_and_the_others():
    row = tables("2021")["section3"].row("new")
    paths = tuple(f"section3.new.{c.key}" for c in row.columns)
    involved, around, outside, inside = _sums_through_row("2021", paths)
    assert involved == through("2021", paths)
    # T3-1 per column: new + carried_over = total + carried_forward (the row's cell on the left)
    first = involved[0]
    assert first.rule == "T3-1" and first.left[0] == paths[0]
    assert outside[0] == ((first.left[1],) + first.right, 1)
    assert inside[0] == ([0], [])
    # T3-3: its 总计 (the last column) is the sum of the six parts, all cells of the row
    own = next(n for n, e in enumerate(involved) if e.rule == "T3-3")
    assert outside[own] == ((), 0) and inside[own] == ([6], [0, 1, 2, 3, 4, 5])
    assert not around & set(paths) and "section3.carried_over.natural" in around


def test_a_cuts_values_are_worked_out_once_and_are_its_own():
    # glued_t3's steps ask for the values of the same cuts again and again: each cut's once
    from core.parse.glued_tables import _cut_values
    cut = ((3, 0), (None, 1), (None, -1), (0, 2), (5, 2), (None, -1), (8, 3))
    assert _cut_values(cut) == (3, 0, 0, 0, 5, 0, 8)
    assert _cut_values(cut) is _cut_values(cut)
    # an equal cut of other numbers' types gives its own values (1.0, not the 1 of an equal cut)
    whole, decimal = ((1, 0), (None, -1), (1, 0)), ((1.0, 0), (None, -1), (1.0, 0))
    assert whole == decimal
    assert [type(v) for v in _cut_values(whole)] == [int, int, int]
    assert [type(v) for v in _cut_values(decimal)] == [float, int, float]
