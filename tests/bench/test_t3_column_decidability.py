"""bench/t3_column_decidability.py: which 表三 tables with untraced blank cells the equations place."""
from __future__ import annotations

from bench.t3_column_decidability import decidability
from core.template import tables

_PARTS = ("natural", "commercial", "research", "social", "legal", "other")


def _truth(rows: dict[str, list]) -> dict:
    """A 2021 truth whose 表三 holds `rows` (row key -> its seven cells, None for blank) and
    blank cells elsewhere."""
    table = tables("2021")["section3"]
    section3 = {row.key: dict.fromkeys((c.key for c in row.columns), None) for row in table.rows}
    for key, cells in rows.items():
        section3[key] = dict(zip(_PARTS + ("total",), cells))
    return {"template": "2021", "section3": section3}


def test_two_used_part_columns_are_grouped_but_not_named():
    # 新收 5 + 3 = 8, all granted: the same two columns in every row, but which two of the six
    # the text cannot say (C(6, 2) placements, every equation holding under each)
    row = [5, 3, None, None, None, None, 8]
    truth = _truth({"new": row, "granted": row, "total": row})
    assert decidability(truth) == "symmetric"


def test_a_full_row_names_the_columns():
    # 新收 and 总计 print every column: granted's lone 2 can only be 自然人's (the column that
    # sums to 2), 部分公开's five 1s the other five
    full = [2, 1, 1, 1, 1, 1, 7]
    truth = _truth({"new": full, "total": full,
                    "granted": [2, None, None, None, None, None, 2],
                    "partial": [None, 1, 1, 1, 1, 1, 5]})
    assert decidability(truth) == "decidable"


def test_every_row_whole_or_blank_leaves_nothing_to_place():
    full = [2, 1, 1, 1, 1, 1, 7]
    assert decidability(_truth({"new": full, "granted": full, "total": full})) == "whole"
