"""A 表三 row of only 0s and placeholders that prints a cell more than the table's other rows, in a
table that leaves its 总计 column blank (zoo pq2004's quirks empty_total and row_shape "subtotal":
tests/fixtures/zoo/README.md). In Word it printed 8 cells, 0 (无 subtotal) 无 0 无 无 无 (blank 总计);
pandoc cuts the row to the table's 7 columns and pdfplumber leaves the blank no trace, so seven
values print where every other row prints six. Read as 自然人 … 总计, its 0 sits under 社会公益组织
instead of 科研机构; both readings add up, so no sum can tell which: the cells that are 0 in one reading
are read as 0 (a blank counts 0 alike) and the row flagged."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR, INFERRED
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


@pytest.mark.parametrize("name", ["pq2004-r0043-pandoc-docx-gfm.md", "pq2004-r0043-pandoc-html-plain.txt",
                                  "pq2004-r0043-pdfplumber.txt"])
def test_a_row_of_zeros_printing_one_cell_more_than_a_blank_total_column_allows_is_flagged(name):
    # 「1.申请人无正当理由逾期不补正…」 printed 0 无 无 0 无 无 无: read as printed, 科研机构 is 无 and
    # 社会公益组织 0 where the report has 科研机构 0 (silent before). 科研机构 is 0 in either reading
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "other_no_correction") == [0, None, 0, 0, None, None, None]
    assert report.cells["section3.other_no_correction.research"].state == INFERRED
    flag = next(f for f in report.flags if f.cell == "section3.other_no_correction")
    assert "小计" in flag.message and "「科研机构」是0还是空白无法确定" in flag.message
    assert "section3.other_no_correction.research" not in wrong
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert silent == []


def test_rows_of_zeros_printing_as_many_cells_as_the_others_are_not_flagged():
    # every other row of 0s in that table prints six values and its blank 总计: nothing in doubt
    report, _, _ = read_against_truth(ZOO / "pq2004-r0043-pandoc-docx-gfm.md")
    flagged = {f.cell for f in report.flags if "小计" in f.message}
    assert flagged == {"section3.other_no_correction"}
