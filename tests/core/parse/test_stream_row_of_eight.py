"""A text printing 表三 a value a line, its rows after their labels (LibreOffice's text of a web page),
one row printing 6 values that add up (a blank part that left no cell) and （七）总计 printing 8 that
add up as a row of 8 (「2577 430 283 0 74 0 73 3007」: 430 the 法人或其他组织 subtotal). Their counts
add up to two rows' worth, as a stream of cells a value displaced would; but the subtotal is no value
of the row above (pq2604 r0028 lo-web-txt, a consistent 2019 report). From a committed output of the
converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "pq2604-r0028-lo-web-txt-gb18030.txt"


def test_a_row_of_eight_gives_its_subtotal_to_no_row_above():
    # before: displaced_value_rows moved 430 into 「1.本机关不掌握相关政府信息」 under 科研机构, T3-2 and
    # T3-3 suggesting 0 there on a consistent report
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "unable_not_held") == [574, 63, 0, 16, 0, 17, 670]
    assert _t3_row(report, "total") == [2577, 283, 0, 74, 0, 73, 3007]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    assert not [f for f in check(report) if any(c.startswith("section3") for c in f.cells)]
