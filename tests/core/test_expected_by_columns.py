"""What 表三's column sums give a row's cells (core.equations.expected_by_columns), shared by the
parser (which tries a glued row's readings against the first sum giving a cell a value) and
core.check.glued_rows (which suggests a value only where every such sum agrees)."""
from __future__ import annotations

from core.equations import equations, expected_by_columns
from core.template import RESULT_ROWS_2021

TOTAL = "section3.total.natural"  # （七）总计 × 自然人: in T3-1 (新收 + 上年结转 = 总计 + 结转下年) and T3-2 (总计 = Σ结果)


def _values(results_sum: int) -> dict:
    values = {"section3.new.natural": 10, "section3.carried_over.natural": 2, "section3.carried_forward.natural": 1}
    values.update({f"section3.{row}.natural": 0 for row in RESULT_ROWS_2021})
    values[f"section3.{RESULT_ROWS_2021[0]}.natural"] = results_sum
    return values


def test_sums_that_agree_give_the_cell_its_value_either_way():
    eqs = equations("2021")
    for agreeing in (False, True):
        assert expected_by_columns([TOTAL], eqs, _values(11), agreeing) == [11]  # 10 + 2 - 1, and the results' 11


def test_sums_that_disagree_give_the_first_or_nothing():
    eqs = equations("2021")
    assert expected_by_columns([TOTAL], eqs, _values(12)) == [11]  # T3-1 comes first
    assert expected_by_columns([TOTAL], eqs, _values(12), agreeing=True) is None


def test_a_cell_no_sum_gives_leaves_the_row_without_values():
    values = _values(11)
    del values["section3.new.natural"]  # T3-1 unknown: T3-2 alone gives the 总计
    assert expected_by_columns([TOTAL], equations("2021"), values) == [11]
    values[f"section3.{RESULT_ROWS_2021[1]}.natural"] = None  # and T3-2 too
    assert expected_by_columns([TOTAL], equations("2021"), values) is None
