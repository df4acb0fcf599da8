"""表三 rows printing 8 cells (a 法人或其他组织 subtotal after 自然人: TEMPLATE.md "rows printing 6 or
8 values") one of whose part cells is blank, where the converter prints that blank without a trace
(w3m's box, mammoth's paragraphs): the row arrives as 7 values, 自然人, the subtotal, four parts and
the 总计. Read as printed, every part moves a column right. Where the subtotal is the sum of the four
parts, 自然人 plus it the 总计, and the table's column sums hold better so, the row is read without
the subtotal, the blank placed by the sums, and flagged (zoo q1501, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


@pytest.mark.parametrize("name", ["quirks1501-r0004-w3m.txt", "quirks1501-r0004-mammoth-raw.txt"])
def test_a_subtotal_row_whose_blank_left_no_trace_is_read_by_the_sums(name):
    # 「（一）予以公开」 printed 9个 3 3个 0 / / (blank) 12个 (3 the subtotal, 其他 blank); the converter keeps
    # 9个 3 3个 0 / / 12个. Read as printed, 科研机构 3 broke its column (a false T3-2 错误) and the row's sum
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "granted") == [9, 3, 0, None, None, None, 12]
    assert report.cells["section3.granted.other"].state == "blank"
    assert any(f.cell == "section3.granted" and "小计" in f.message and "「其他」" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []
