"""The cell-per-paragraph search (core/parse/cell_paragraphs.py) tells whether a value's tokens
are free in a state by bits (each value's tokens as one mask, the label values left behind by
the rows before as one mask), not by a scan of the tokens: in every state the search met on the
committed converter outputs, the answers are the scan's."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.parse import cell_paragraphs
from tests.core.parse.test_cell_paragraphs_search import _inputs

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _total_left_by_scan(search, used: int, head: tuple, results: tuple) -> bool:
    """_Search._total_left as it was written before the bits: a scan of each value's tokens."""
    free_sum = search.table_sum - sum(head) - sum(results)
    rows_left = free_sum - sum(head)
    if rows_left < 0 or rows_left % 2:
        return False
    total = results[-1] + rows_left // 2
    carried = head[-1] - total
    if carried < 0:
        return False
    free_total = [i for i in search.at_value.get(total, ()) if not used >> i & 1]
    if not free_total and not (total == 0 and search.lost):
        return False
    if carried == total:
        return len(free_total) + (search.lost if total == 0 else 0) >= 2
    return any(not used >> i & 1 for i in search.at_value.get(carried, ())) or carried == 0 and search.lost > 0


@pytest.mark.parametrize("name", [
    "zoo/pages303-r0010-pdftotext-utf-8.txt",
    "zoo/pages917-r0020-pdftotext-gbk.txt",
    "converters/zoo777-r0015.pdftotext-gbk.txt",
])
def test_the_free_values_told_by_bits_are_the_scans(name):
    search = cell_paragraphs._Search(*_inputs(FIXTURES / name))
    search.run()
    assert search.memo  # (states were met)
    for value, at in search.at_value.items():
        assert search.value_bits[value] == sum(1 << i for i in at)
    for row, used, head, results, _ in search.memo:
        if row >= 2:
            assert search._total_left(used, head, results) == _total_left_by_scan(search, used, head, results)
        left_behind = [i for i, rows in search.rows_of.items() if max(rows) < row]
        assert bool(search.labelled_before[row] & ~used) == any(not used >> i & 1 for i in left_behind)
