"""A 表三 row's first count that plain pdftotext printed before the row's label, right after the
label of the row above (tests/fixtures/zoo/README.md): 「3.其他 / 22 / （七）总计 / 2 / 24」, a table
leaving its 0s blank. Read by the labels, 3.其他 held a lone 22, （七）总计 read 2 … 24, 四、结转下年度
was filled in from the sums as 20 and 2, and a 存疑 finding offered （七）总计's 总计 = 2 (it prints 24)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_count_after_a_label_is_the_next_rows_first_where_that_row_adds_up_with_it_alone():
    report, wrong, silent = read_against_truth(ZOO / "s3007-r0031-pdftotext-gbk.txt")
    assert [v or None for v in t3_row(report, "total")] == [22, 2, None, None, None, None, 24]  # (0s inferred)
    assert [v or None for v in t3_row(report, "other_other")] == [None] * 7
    assert report.value("section3.carried_forward.natural") in (0, None)
    assert any(f.cell == "section3.total" and "印在本行标签之前" in f.message for f in report.flags)
    assert [f for f in check(report) if f.suggestion is not None] == []
    # (the rows of 5. and 6. of 不予公开 and 1. of 无法提供 stay misread, flagged: a block of labels
    # printed before their values)
    assert not [cell for cell in wrong if cell.startswith(("section3.total", "section3.other_other",
                                                          "section3.carried_forward"))]
    assert silent == []
