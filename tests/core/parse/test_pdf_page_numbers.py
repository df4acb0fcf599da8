"""A PDF's page numbers inside 表三, read from our PDF reader's lines (which mark no pages), from a
committed output of the pages zoo (truth beside it: tests/fixtures/zoo/README.md, section "silent6")."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_page_number_alone_under_a_row_of_blanks_is_the_pages_not_the_rows():
    # LibreOffice's PDF of a Word report, zeros printed blank, 3 pages each ending on its number
    # alone (1, 2, 3: the text's last line 3). Page 2 ends under 「6.属于四类过程性信息」, a row of
    # blanks: its 「2」 was read as that row's 总计, unflagged (and the sums then showed two 错误 on a
    # consistent report, suggesting 0 for it). The text's numbers alone count its pages to its end
    report, wrong, silent = read_against_truth(ZOO / "pages771-r0018-lo-pdf.pdf")
    assert wrong == [] and silent == []
    assert t3_row(report, "denied_process_info") == [None] * 7
    assert [f for f in check(report) if f.severity == ERROR] == []
