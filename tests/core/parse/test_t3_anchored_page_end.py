"""A 表三 row of plain pdftotext (a cell a paragraph) that ends its page: pq1607 r0028 (seed 1607,
--pages --quirks; truth beside it, tests/fixtures/zoo/README.md) prints 「5.属于三类内部事务信息」
as 465 0 0 0 0 519 54, then the footer 「第2页共4页」, then （二）'s 总计 2828: pdftotext printed the
page's leftover blocks (商业企业 54, 2828) last. The row is truly 465 54 0 0 0 0 519. The stream
reading placed it so, but the row, seven values beside its label not adding up, was read as
printed as a misprint (t3_anchored.read_anchored_rows), and the check showed a false T3-3 错误."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

FILE = Path(__file__).resolve().parents[2] / "fixtures" / "zoo" / "pq1607-r0028-pdftotext-gbk.txt"


def test_a_row_ending_its_page_is_placed_by_the_sums_and_flagged_not_an_error():
    report, wrong, silent = read_against_truth(FILE)
    assert "\n\n465\n\n0\n\n0\n\n0\n\n0\n\n519\n\n54\n\n第2页共4页\n\n2828\n" in report.text
    assert _t3_row(report, "denied_internal_affairs") == [465, 54, 0, 0, 0, 0, 519]
    assert wrong == [] and silent == []
    # the row's cells were moved: the auditor is asked to check them
    assert any(f.cell == "section3.denied_internal_affairs" for f in report.flags)
    # and no sum of the report, which is right, is shown as an error
    assert not [f for f in check(report) if f.severity == ERROR]
