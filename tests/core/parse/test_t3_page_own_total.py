"""表三 printed by pdftotext -layout over two pages, the header repeated on the second
(tests/fixtures/zoo/README.md). pdftotext lays each page out by its own measure: the second page
prints its columns further right than the first (its 总计 at character 102, the first page's at 80).
A line whose last value lies right of the header's 总计 is moved back to put it there (a long label
pads a line less); the second page's lines were moved back under the first page's 总计, so that
四、结转下年度继续办理's 20 20 read 自然人 20 … 法律服务机构 20, and 2.申请人逾期未按收费通知要求缴纳费用's
143 7 8 158 a column right. Now each page's lines are measured against its own header's 总计."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_repeated_headers_page_is_moved_back_under_its_own_total():
    report, wrong, silent = read_against_truth(ZOO / "p2902-r0012-pdftotext-layout-gbk.txt")
    assert [v or None for v in t3_row(report, "carried_forward")] == [None, 20, None, None, None, None, 20]
    assert [v or None for v in t3_row(report, "other_no_fee")] == [143, 7, None, None, 8, None, 158]
    assert [v or None for v in t3_row(report, "not_processed_duplicate")] == [91, 4, None, None, 5, None, 100]
    assert wrong == [] and silent == []
