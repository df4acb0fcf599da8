"""表三's 总计 left empty as a whole: one warning, no row 错误 - also when a row of placeholders
prints a 「－」 under 总计."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, PLACEHOLDER
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_placeholders_does_not_fill_an_empty_total_column():
    """catdoc's text of a Word report (quirks zoo 802, r0003) whose 表三 leaves 总计 empty in every
    row beside counts (一、本年新收 8,435 2,598 － 147 575 70, then nothing); its row
    「1.信访举报投诉类申请」 printed 8 cells, 「－」 in each of the first 7 (a 法人或其他组织 subtotal after
    自然人) and an empty one after: read as 7 cells, its 总计 is a 「－」. That row prints no count,
    so its 「－」 says nothing of whether the column was filled: the column is still unfilled, and
    the 12 rows printing counts are not each 错误 for a 总计 of 0 (11825 for 一、本年新收)."""
    report, wrong, silent = read_against_truth(ZOO / "quirks802-r0003-catdoc.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [8435, 2598, None, 147, 575, 70, None]
    assert report.cells["section3.not_processed_complaint.total"].state == PLACEHOLDER
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.not_processed_complaint.total" in warned[0].cells
    # the prose's 11825 applications are not compared with a 总计 nobody printed
    assert not [f for f in findings if f.rule == "N-1"]
