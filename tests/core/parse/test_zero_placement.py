"""表三 rows of 0s and placeholders whose cells no sum places, read from committed outputs of the
converter zoo (truth beside each: tests/fixtures/zoo/README.md): read as 0 or flagged, never a 0
read blank without a word."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_over_its_wrapped_labels_lines_of_zeros_and_placeholders_is_read_as_zeros_flagged():
    # pdfplumber, zeros mixed: 「2.申请人逾期未按收费通知要求缴…」 prints its 总计 0 on the label's
    # first line and 0 - 0 - 0 0 two lines down (自然人 to 其他): read in line order the
    # placeholders moved a column right, 科研机构 and 法律服务机构 blank for their printed 0s. Every
    # order adds up (all 0), so where the placeholders stand is unknown: each cell is 0, flagged
    report, wrong, silent = read_against_truth(ZOO / "z5519-r0036-pdfplumber.txt")
    assert t3_row(report, "other_no_fee") == [0, 0, 0, 0, 0, 0, 0]
    assert any(f.cell == "section3.other_no_fee" and "0与占位符各在哪一格无法确定" in f.message
               for f in report.flags)
    assert "section3.other_no_fee.research" not in wrong
    assert silent == []


def test_values_after_two_labels_printed_together_are_not_taken_for_the_second_rows_own():
    # plain pdftotext, zeros mixed: 「3.其他」 and 「（七）总计」 print one after the other, then
    # / / / 0 / 0 / : a row that adds up (all 0) after 「（七）总计」's label, yet as much the row of
    # 「3.其他」 (not found). Taken for 「（七）总计」's own, its printed 0s under 商业企业 and 总计
    # were read blank and its doubt dropped; the parser's flagged reading stands
    report, wrong, silent = read_against_truth(ZOO / "z5519-r0182-pdftotext-gbk.txt")
    assert any(f.cell == "section3.total" for f in report.flags)
    assert silent == []


def test_a_line_of_values_alone_between_a_wrapped_labels_lines_is_the_rows_in_either_order():
    # pdfplumber, zeros mixed: 「（二）部分公开（区分处理的，只计这一情 0」 (its 总计), then 「0 — — — — 0」
    # alone (自然人 to 其他), then the label's rest 「形，不计其他情形）」. The line of values alone lies
    # inside the label, not after it: a PDF's reading order, whose lines may be taken in either
    # order (each adds up: all 0). Read in line order 其他's printed 0 was a placeholder, silently
    report, wrong, silent = read_against_truth(ZOO / "pages407-r0034-pdfplumber.txt")
    assert t3_row(report, "partial") == [0, 0, 0, 0, 0, 0, 0]
    assert any(f.cell == "section3.partial" and "0与占位符各在哪一格无法确定" in f.message for f in report.flags)
    assert "section3.partial.other" not in wrong
    assert silent == []
