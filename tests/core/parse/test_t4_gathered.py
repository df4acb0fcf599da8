"""表四 of plain pdftotext put together from pieces printed outside section 四 (t4_stray_values),
read from a committed output of the converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_gathered_group_that_does_not_add_up_is_a_doubt_not_an_error():
    # a consistent 2019 report (zeros mixed): 表三's 124 and 6 print among section 四's values,
    # and the pieces gathered make 「未经复议直接起诉」 0 124 6 - 0, whose results add up to 130
    # against a 总计 of 0. The order of the pieces is off, not the report: the group is flagged
    # and its finding is a doubt (before: a 错误 on a consistent report)
    report, wrong, silent = read_against_truth(ZOO / "band4421-r0109-pdftotext-gbk.txt")
    assert silent == []
    assert "section4.litigation_direct" in {f.cell for f in report.flags}
    findings = [f for f in check(report) if "section4.litigation_direct.total" in f.cells]
    assert findings and not [f for f in findings if f.severity == ERROR]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_section_four_read_while_pieces_of_its_table_print_under_section_five_is_a_doubt():
    # a consistent 2019 report (zeros mixed; 表四 1 2 0 4 7 | 4 / / 0 4 | 1 / 1 4 6). pdftotext
    # prints under 表四's first header pieces 0 / / / / / (表三's), then 1 2 0 4 7 4 / / 0; the rest
    # of 表四 (总计 4, 复议后起诉 … 1 1, 尚未审结 4, 总计 6) prints under section 五's heading among
    # more of 表三's cells. Section 四 holds 15 values, read in order as 0 / / / / | / 1 2 0 4 |
    # 7 4 / / 0: 行政复议 adds up (0 = 0) though every cell of it is wrong, and the two 行政诉讼
    # groups fail (4 against 1 + 2 + 0; 0 against 7 + 4). Before, 行政复议 was silent and the
    # failing group a 错误 on a consistent report: now every group is flagged, and no 错误
    report, wrong, silent = read_against_truth(ZOO / "z303-r0009-pdftotext-utf-8.txt")
    assert report.value("section4.review.maintained") == 0  # (as read: 表三's 0, not 1)
    assert report.value("section4.litigation_direct.total") == 4
    assert report.value("section4.litigation_after_review.maintained") == 7
    flagged = {f.cell for f in report.flags}
    assert {"section4.review", "section4.litigation_direct", "section4.litigation_after_review"} <= flagged
    assert "section4.review.maintained" in wrong and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_groups_printed_under_section_five_a_cell_a_block_after_the_page_footer_are_read():
    # a consistent 2021 report (zeros printed): section 四 prints 行政复议 7 0 3 0 10 and
    # 未经复议直接起诉's results 0 0 0 0; its 总计 and 复议后起诉 print under section 五's heading,
    # after the page's footer 「-4-」, each header word and each value a text block of its own (an
    # empty line after each). Before, the footer ended the pieces looked for there and the values
    # alone were taken for 表三's: six cells unread, flagged. The blocks after a block naming
    # 复议后起诉 are 表四's: the 15 values make the table, every group adding up
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0043-pdftotext-gbk.txt")
    assert [report.value(f"section4.litigation_after_review.{c}")
            for c in ("maintained", "corrected", "other", "pending", "total")] == [0, 0, 0, 0, 0]
    assert report.value("section4.litigation_direct.total") == 0
    assert report.value("section4.review.total") == 10
    assert [w for w in wrong if w.startswith("section4")] == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]
