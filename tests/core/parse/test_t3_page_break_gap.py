"""Plain pdftotext prints 表三 one value a paragraph, blank cells as empty paragraphs, and reads
it in the PDF's stream order: pq3304 r0040 prints 「（六）3.其他」 as the last line of a page, its
values 42 3 1 46 earlier in the stream (after 「1.信访举报投诉类申请」's). The page's end, its number
「第3页共4页」 and the next page's repeated header (dropped as page furniture) left 8 empty lines
after the label, read as its 7 blank cells: the row stored as 0s with no flag, 社会公益组织 1 and
总计 46 two silent cells. Empty lines that run over a page break are the page's, no cells.
Truth beside the file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_whose_empty_lines_cross_a_page_break_is_not_read_as_blank_cells():
    report, wrong, silent = read_against_truth(ZOO / "pq3304-r0040-pdftotext-gbk.txt")
    assert t3_row(report, "other_other") == [None] * 7  # unread, not 0
    assert "「3.其他」行未印出数值" in t3_row_flags(report, "other_other")
    assert "section3.other_other.total" in wrong
    assert silent == []
