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


_ROW = st.tuples(*[st.integers(0, 1)] * _WIDTH)  # (few values: readings often tie)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_readings_met_in_the_middle_are_those_every_reading_walked_finds(data):
    # a table that adds up, some of its rows taken down with other readings beside the true one
    true = {k: data.draw(_ROW) for k in RESULT_ROWS_2021 + ("carried_over", "carried_forward")}
    true["total"] = tuple(sum(true[k][c] for k in RESULT_ROWS_2021) for c in range(_WIDTH))
    true["new"] = tuple(true["total"][c] + true["carried_forward"][c] - true["carried_over"][c] for c in range(_WIDTH))
    taken = data.draw(st.lists(st.sampled_from(_HEAD + RESULT_ROWS_2021), min_size=1, max_size=5, unique=True))
    fixed = {k: row for k, row in true.items() if k not in taken}
    options = {}
    for k in taken:
        others = data.draw(st.lists(_ROW.filter(lambda row, k=k: row != true[k]), max_size=2, unique=True))
        rows = data.draw(st.permutations([true[k], *others]))
        options[k] = [(row, [f"{k}{n}"]) for n, row in enumerate(rows)]
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
