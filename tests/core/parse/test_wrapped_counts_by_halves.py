"""The reading of wrapped 表三 rows that the column sums pick (wrapped_counts._count_by_halves,
met in the middle) is the one a plain walk over every reading finds: T3-1 (一 + 二 = （七）总计 + 四)
and T3-2 (（七）总计 = the result rows) holding in every column, and none when no reading or several
hold."""
from __future__ import annotations

from itertools import product

from hypothesis import given, settings, strategies as st

from core.parse.wrapped_counts import _count_by_halves
from core.template import RESULT_ROWS_2021

_HEAD = ("new", "carried_over", "total", "carried_forward")
_WIDTH = 2


def _holds(rows: dict[str, tuple[int, ...]]) -> bool:
    for c in range(_WIDTH):
        if rows["new"][c] + rows["carried_over"][c] != rows["total"][c] + rows["carried_forward"][c]:
            return False
        if rows["total"][c] != sum(rows[k][c] for k in RESULT_ROWS_2021):
            return False
    return True


_ROW = st.tuples(*[st.integers(0, 3)] * _WIDTH)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_readings_met_in_the_middle_are_those_every_reading_walked_finds(data):
    keys = _HEAD + RESULT_ROWS_2021
    taken = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=4, unique=True))
    fixed = {k: data.draw(_ROW) for k in keys if k not in taken}
    options = {k: [(row, [f"{k}{n}"]) for n, row in enumerate(
        data.draw(st.lists(_ROW, min_size=1, max_size=3, unique=True)))] for k in taken}
    holding = [picks for picks in product(*(range(len(options[k])) for k in taken))
               if _holds({**fixed, **{k: options[k][n][0] for k, n in zip(taken, picks)}})]
    found = _count_by_halves(taken, options, fixed, RESULT_ROWS_2021, _WIDTH)
    if len(holding) == 1:
        assert found == {k: options[k][n][1] for k, n in zip(taken, holding[0])}
    else:
        assert found == {}


def test_a_count_not_whole_is_left_to_the_walk():
    options = {"new": [((1.5, 0), ["a"]), ((0, 1.5), ["b"])]}
    fixed = {k: (0, 0) for k in _HEAD[1:] + RESULT_ROWS_2021}
    assert _count_by_halves(["new"], options, fixed, RESULT_ROWS_2021, _WIDTH) is None
