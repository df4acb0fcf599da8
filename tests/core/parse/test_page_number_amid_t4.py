"""Plain pdftotext printing a page's number amid 表四's last values, not at the page's end where
page_furniture looks for footers (p2702 r0017, a consistent report: pages 1, 2 and 4 end on their
number, page 3's 「3」 prints after 未经复议直接起诉's four 0s). From a committed output of the
converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "p2702-r0017-pdftotext-utf-8.txt"


def test_a_page_number_amid_t4_is_no_value_of_it():
    # before: 16 values for 15 cells, the 「3」 read as 未经复议直接起诉's 总计, a T4-2 finding
    # suggesting 0 on a consistent report
    report, wrong, silent = read_against_truth(FILE)
    assert [report.value(f"section4.litigation_direct.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [0, 0, 0, 0, 0]
    assert not [cell for cell in wrong if cell.startswith("section4")] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert not [f for f in check(report) if any(c.startswith("section4") for c in f.cells)]
