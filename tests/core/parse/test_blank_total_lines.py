"""表三 whose 总计 column is blank in every row, its rows of counts wrapped over lines (a unit 项 after
each count, raw pdftotext): a row read a cell short of that blank 总计 keeps its lines in printed
order, as a row on one line does, rather than being reordered to end on its largest value (自然人
then read as 总计, every count a column left). So does a full row adding up as printed whose lines run
on flush left (raw pdftotext's reading order, no page columns). Truth beside the files:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_wrapped_over_lines_under_a_blank_total_column_keep_their_printed_order():
    report, wrong, silent = read_against_truth(ZOO / "q3401-r0026-pdftotext-raw-utf-8.txt")
    # 「一、本年新收…」 prints 24429 项 / 6206 项 / 0 / 1255 项 / 0 0 and no 总计
    assert t3_row(report, "new") == [24429, 6206, 0, 1255, 0, 0, None]
    assert t3_row(report, "granted") == [13221, 3423, 0, 681, 0, 0, None]
    assert t3_row(report, "total") == [24429, 6326, 0, 1255, 0, 0, None]
    assert not [c for c in wrong if c.split(".")[1] in ("new", "granted", "partial", "unable_not_held", "total")]
    # before: T3-1 错误 on 商业企业 (0 + 0 against 0 + 75) with the suggestion 0 for 四、结转下年度 on a
    # consistent report; the rows still placed by position are flagged, their sums doubts
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert silent == []


def test_rows_flowing_over_lines_flush_left_under_a_blank_total_column_are_read_in_printed_order():
    # raw pdftotext's lines are in reading order, not the page's columns: 「1.属于国家秘密 1613」 /
    # 「项」 / 「417」 / 「项」 / 「0 82 项 0 0」, each line after the label's opening on a value. Placed
    # by where the values fell in those lines, six rows read a column off (417 under 自然人, 1613
    # under 社会公益组织; 二、上年结转's 195 under 自然人), flagged
    report, wrong, silent = read_against_truth(ZOO / "q3401-r0026-pdftotext-raw-utf-8.txt")
    assert t3_row(report, "carried_over") == [0, 195, 0, 0, 0, 0, None]
    assert t3_row(report, "denied_state_secret") == [1613, 417, 0, 82, 0, 0, None]
    assert t3_row(report, "denied_safety_stability") == [358, 92, 0, 18, 0, 0, None]
    assert t3_row(report, "denied_admin_query") == [770, 199, 0, 39, 0, 0, None]
    assert t3_row(report, "not_processed_massive") == [978, 253, 0, 50, 0, 0, None]
    assert t3_row(report, "not_processed_confirm") == [363, 94, 0, 18, 0, 0, None]
    assert wrong == [] and silent == []
    assert {f.rule for f in check(report)} == {"T3-3"}  # (the 总计 column the report left blank)


def test_counts_wrapped_above_their_label_under_a_blank_total_column_are_placed_by_the_sums():
    # pdfplumber of the same report: a wrapped count prints on the line above its row's label, the
    # row's one-line cells beside the label (「24429 6206 1255」 over 「一、本年新收… 0 0 0」), every
    # row a value short of its blank 总计. Which columns the two lines' values take, the text does
    # not say: put first, 1255 went to 科研机构 (four rows a column off, 科研机构's and 社会公益组织's
    # sums failing); the one interleaving under which every column's sums hold puts it under
    # 社会公益组织, where the rows on one line (「1.属于国家秘密 1613 417 0 82项 0 0」) print theirs
    report, wrong, silent = read_against_truth(ZOO / "q3401-r0026-pdfplumber.txt")
    assert t3_row(report, "new") == [24429, 6206, 0, 1255, 0, 0, 0]
    assert t3_row(report, "carried_over") == [0, 195, 0, 0, 0, 0, 0]
    assert t3_row(report, "granted") == [13221, 3423, 0, 681, 0, 0, 0]
    assert t3_row(report, "partial") == [2002, 518, 0, 103, 0, 0, 0]
    assert t3_row(report, "total") == [24429, 6326, 0, 1255, 0, 0, 0]
    assert silent == [] and not [c for c in wrong if not c.endswith(".total")]
    assert any(f.cell == "section3.new" and "按表内勾稽关系排定" in f.message for f in report.flags)
    # no sum fails now but the 总计 column the report left blank
    assert {f.rule for f in check(report)} == {"T3-3"} and all(f.severity != ERROR for f in check(report))


def test_full_rows_flowing_over_lines_flush_left_and_adding_up_as_printed_keep_their_order():
    # raw pdftotext of zoo pq3504 (2019, units 项): 「一、本年新收…数」 / 「量」 / 「638」 / 「项」 /
    # 「51 项 14 项 0 13 项 22 项 738」 / 「项」, seven values adding up as printed (638 + 51 + 14 + 0 +
    # 13 + 22 = 738). Placed by where they fell in those lines, 638 went under 社会公益组织 in four
    # rows (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pq3504-r0031-pdftotext-raw-utf-8.txt")
    assert t3_row(report, "new") == [638, 51, 14, 0, 13, 22, 738]
    assert t3_row(report, "granted") == [395, 29, 11, 0, 9, 13, 457]
    assert t3_row(report, "unable_not_held") == [179, 13, 3, 0, 3, 7, 205]
    assert t3_row(report, "total") == [638, 46, 14, 0, 13, 21, 732]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []
