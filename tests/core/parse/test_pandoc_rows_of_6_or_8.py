"""表三 rows printing 6 or 8 cells (TEMPLATE.md "rows printing 6 or 8 values") in pandoc's Markdown of
a Word table: pandoc pads a row of 6 to the table's 7 columns with an empty cell at its end, and
cuts a row of 8 to 7, losing its last cell, the 总计 (zoo pq1707, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_6_padded_under_a_blank_total_column_is_placed_by_the_sums_and_flagged():
    # 「（一）予以公开」 printed ７８ ２３ ０ １ ０ (blank): its 法律服务机构 0 left out, its 总计 blank as the
    # whole column is; pandoc padded it to 7 with a second blank. Read as printed, the padding took
    # 总计 and the blank 总计 took 其他, whose 0 read blank (silent before)
    report, wrong, silent = read_against_truth(ZOO / "pq1707-r0028-pandoc-docx-gfm.md")
    assert t3_row(report, "granted") == [78, 23, 0, 1, 0, 0, None]
    assert any(f.cell == "section3.granted" and "印有6个数值" in f.message for f in report.flags)
    # the rows pandoc drew whole are not taken for a stream that lost its cells
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.granted"]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_row_of_8_cut_to_7_is_told_as_a_total_cut_off_or_misprinted_not_as_the_reports_error():
    # 「3.其他」 printed 1 无 无 (blank) 0 无 0 1 in Word: a subtotal 无 after 自然人, its 总计 1. pandoc cut the
    # row to 7 cells, so the Markdown prints 总计 0 beside 自然人 1: the file as given does not add up,
    # and no reading can tell a 总计 cut off from one misprinted (zeros print 0, 无 or blank all over
    # the table). The auditor is told both, with the 总计 the sums want (1), in doubt, not as 错误
    report, wrong, silent = read_against_truth(ZOO / "pq1707-r0041-pandoc-docx-gfm.md")
    assert t3_row(report, "other_other") == [1, None, None, None, 0, None, 0]
    flag = next(f for f in report.flags if f.cell == "section3.other_other.total")
    assert "被截去，总计应为1" in flag.message and "也可能是总计印错" in flag.message
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion} == \
        {("section3.other_other.total", 1)}
    assert silent == []
