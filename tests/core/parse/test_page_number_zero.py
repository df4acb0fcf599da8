"""A page of plain pdftotext ending on a table's 0 is not numbered 0 (core/parse/page_furniture.py).

s3706 r0007 (a PDF without page numbers): page 1 ends on 行政事业性收费's 0, page 3 on 表四's last
总计 2. Counted as an unnumbered cover's pages (page k printing k - 1), the two were taken for page
numbers and dropped: the fee read as printing nothing (flagged, unread). Fixture:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_zero_ending_the_first_page_is_a_value_not_its_number():
    report, wrong, silent = read_against_truth(ZOO / "s3706-r0007-pdftotext-utf-8.txt")
    assert report.value("section2.fees.amount") == 0
    assert report.cells["section2.fees.amount"].state == "number"
    assert not any(f.cell.startswith("section2") for f in report.flags)
    assert report.value("section4.litigation_after_review.total") == 2
    assert wrong == [] and silent == []
