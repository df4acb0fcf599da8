"""zero_rows_a_writer_cuts weighs a pandoc table's rows only where three cells read 0 and three read
with no value (_may_mix_zeros, a count): the rows it weighs are never fewer. The oracle is the row
walk it gates, kept here: wherever that walk finds a table printing counts with three rows mixing
0s and blanks, the count lets the table through."""
from __future__ import annotations

import random

from core.model import BLANK, INFERRED, MISSING, NUMBER, PLACEHOLDER, CellValue
from core.parse.subtotal_rows import _may_mix_zeros
from core.template import tables


def _mixed_rows(cells: dict, table) -> tuple[bool, int]:
    """The walk zero_rows_a_writer_cuts made of every row before it was gated: whether a row prints
    a count, and how many rows of 0s and blanks print both."""
    mixed, counts = 0, False
    for row in table.rows:
        found = [cells.get(path) for path in table.row_paths(row.key)]
        read = [cell for cell in found if cell is not None and cell.state not in (MISSING, INFERRED)]
        if len(read) < len(found):
            continue
        if any(cell.value not in (0, None) for cell in read):
            counts = True
            continue
        zero = [cell.value == 0 for cell in read]
        mixed += any(zero) and not all(zero)
    return counts, mixed


_KINDS = [CellValue(0, NUMBER), CellValue(0.0, NUMBER), CellValue(None, BLANK), CellValue(None, PLACEHOLDER),
          CellValue(7, NUMBER), CellValue(None, MISSING), CellValue(0, INFERRED), CellValue(None, INFERRED)]


def test_the_count_lets_through_every_table_the_row_walk_weighs():
    table = tables("2021")["section3"]
    rnd = random.Random(64)
    weighed = skipped = 0
    for _ in range(3000):
        # most cells one kind (a table printing its zeros one way), a few rows of others
        common = rnd.choice(_KINDS)
        cells = {path: common for path in table.paths()}
        for _ in range(rnd.randrange(0, 40)):
            cells[rnd.choice(table.paths())] = rnd.choice(_KINDS)
        if rnd.random() < 0.1:
            del cells[rnd.choice(table.paths())]  # (a cell never stored: read as no cell)
        counts, mixed = _mixed_rows(cells, table)
        if counts and mixed >= 3:
            weighed += 1
            assert _may_mix_zeros(cells, table)
        elif not _may_mix_zeros(cells, table):
            skipped += 1
    assert weighed > 100 and skipped > 500  # (both cases met often)


def test_a_table_printing_its_zeros_one_way_is_not_weighed():
    table = tables("2021")["section3"]
    zeros = {path: CellValue(0, NUMBER) for path in table.paths()}
    zeros[table.paths()[0]] = CellValue(12, NUMBER)
    assert not _may_mix_zeros(zeros, table)
    blanks = {path: CellValue(None, BLANK) for path in table.paths()}
    assert not _may_mix_zeros(blanks, table)
