"""The cell-per-paragraph search (core/parse/cell_paragraphs.py) tells whether a value's tokens
are free in a state by bits (each value's tokens as one mask, the label values left behind by
the rows before as one mask), not by a scan of the tokens: the masks name the tokens the scan
looked at, in every state the search met on the committed converter outputs (the snapshot of
every input showed the search's readings unchanged)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.parse import cell_paragraphs
from tests.core.parse.test_cell_paragraphs_search import _inputs

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


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
    for row, used, _, _, _ in search.memo:
        left_behind = [i for i, rows in search.rows_of.items() if max(rows) < row]
        assert bool(search.labelled_before[row] & ~used) == any(not used >> i & 1 for i in left_behind)
