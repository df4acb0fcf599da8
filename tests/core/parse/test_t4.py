"""表四 printed short of its blank cells (pdfplumber's and pdftotext's text drop them)."""
from __future__ import annotations

from core.parse.parser import _t4_placed_by_groups
from core.parse.tokens import NUM, Token


def _values(*numbers: int) -> list[Token]:
    return [Token(NUM, str(n), 2 * i, 2 * i + 1, 0, n) for i, n in enumerate(numbers)]


def test_seven_values_go_leftmost_where_every_group_adds_up_and_prints_its_total():
    placed = _t4_placed_by_groups(_values(2, 1, 3, 5, 5, 4, 4), 15)
    assert [t.value if t else None for t in placed] == [2, 1, None, None, 3, 5, None, None, None, 5,
                                                         4, None, None, None, 4]


def test_no_placement_when_a_group_cannot_add_up():
    assert _t4_placed_by_groups(_values(2, 1, 4, 5, 5, 4, 4), 15) is None  # 2 + 1 is not 4
