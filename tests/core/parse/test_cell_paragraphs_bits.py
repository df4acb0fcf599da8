"""The cell-per-paragraph search (core/parse/cell_paragraphs.py) tells whether a value's tokens
are free in a state by bits (each value's tokens as one mask, the label values left behind by
the rows before as one mask), not by a scan of the tokens: the masks name the tokens the scan
looked at, in every state the search met on the committed converter outputs (the snapshot of
every input showed the search's readings unchanged). It answers whether seven free values may
be a row once for every state holding them, by row and the seven's tokens: each answer kept is
the seven's."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.parse import cell_paragraphs
from tests.core.parse.test_cell_paragraphs_search import _inputs

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# committed converter outputs whose tables the search reads
SEARCHED = ["zoo/pages303-r0010-pdftotext-utf-8.txt", "zoo/pages917-r0020-pdftotext-gbk.txt",
            "converters/zoo777-r0015.pdftotext-gbk.txt"]


@pytest.mark.parametrize("name", SEARCHED)
def test_the_free_values_told_by_bits_are_the_scans(name):
    search = cell_paragraphs._Search(*_inputs(FIXTURES / name))
    search.run()
    assert search.memo  # (states were met)
    for value, at in search.at_value.items():
        assert search.value_bits[value] == sum(1 << i for i in at)
    for row, used, _, _, _ in search.memo:
        left_behind = [i for i, rows in search.rows_of.items() if max(rows) < row]
        assert bool(search.labelled_before[row] & ~used) == any(not used >> i & 1 for i in left_behind)


def _seven(key) -> tuple[int, list[int]]:
    """The row and seven tokens a window key names (see _Sevens.may_be)."""
    if isinstance(key, int):
        return key >> 8, list(range(key & 255, (key & 255) + cell_paragraphs._WIDTH))
    row, first, last, taken = key
    return row, [first + b for b in range(last - first + 1) if b == last - first or not taken >> b & 1]


@pytest.mark.parametrize("name", SEARCHED)
def test_the_sevens_answered_once_for_every_state_are_their_sevens(name):
    # the answers kept by row and seven, whichever state asked first, are those of the seven
    # they name, a row each (its 总计 half their sum, its label value in 自然人...)
    search = cell_paragraphs._Search(*_inputs(FIXTURES / name))
    search.run()
    assert search.cleans_known and search.rows_by_room
    values = search.values
    for key, known in search.cleans_known.items():
        row, seven = _seven(key)
        sums = sum(values[i] for i in seven)
        assert len(seven) == cell_paragraphs._WIDTH
        assert known == (not sums % 2 and cell_paragraphs._seven_may_be(
            search, row, seven, sums, search.first_own.get(row), None))
    for room, sevens in search.rows_by_room.items():
        for key, known in sevens.items():
            row, seven = _seven(key)
            sums = sum(values[i] for i in seven)
            assert len(seven) == cell_paragraphs._WIDTH
            assert known == (not sums % 2 and cell_paragraphs._seven_may_be(
                search, row, seven, sums, search.first_own.get(row), room))
