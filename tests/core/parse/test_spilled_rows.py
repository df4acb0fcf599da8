"""表三 rows read whole that may hold a short neighbour's values (core/parse/spilled.py), read
from committed outputs of the converter zoo (truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import DOUBT, ERROR, check
from core.model import BLANK
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _carried_over_sum(path: Path):
    report, wrong, silent = read_against_truth(path)
    findings = check(report)
    row_sum = [f for f in findings if f.rule == "T3-3" and "section3.carried_over.total" in f.cells]
    return report, silent, findings, row_sum


def test_a_full_row_holding_the_short_row_above_its_values_is_a_doubt_not_an_error():
    # blank zeros: 「一、本年新收」 prints 24679 beside its label, 2701 915 on, and its 总计 28295
    # after 「二、上年结转」's label, with that row's 17 17 and 「（一）予以公开」's 总计 9642: seven
    # cells (gaps between paragraphs included) read as 「二、上年结转」, failing its sum. The
    # report is consistent: 28295 makes 「一、本年新收」 add up, so that sum is in doubt
    report, silent, findings, row_sum = _carried_over_sum(ZOO / "band6607-r0017-pdftotext-gbk.txt")
    assert silent == []
    assert not [f for f in findings if f.severity == ERROR]
    assert [f.severity for f in row_sum] == [DOUBT]
    assert "「二、上年结转政府信息公开申请数量」行读满7列" in row_sum[0].message
    assert "本行的28295若属于该行" in row_sum[0].message


def test_a_full_row_holding_a_one_value_row_above_its_parts_and_total_is_a_doubt():
    # 「一、本年新收」 prints only 22538 beside its label; 1170 858 24566 (its other parts and 总计),
    # 「二、上年结转」's 44 5 49 and 「（一）予以公开」's 总计 9756 print after the next label: seven
    # values for 「二、上年结转」, 1170 + 858 + 24566 + 44 + 5 + 49 ≠ 9756
    report, silent, findings, row_sum = _carried_over_sum(ZOO / "band9277-r0008-pdftotext-utf-8.txt")
    assert silent == []
    assert not [f for f in findings if f.severity == ERROR]
    assert [f.severity for f in row_sum] == [DOUBT]
    assert "本行的1170、858、24566若属于该行" in row_sum[0].message


def test_a_misprint_in_a_full_row_between_short_rows_stays_an_error_with_its_fix():
    # zeros mixed (0, — or blank): 「（七）总计」 prints 102 27 0 0 0 — 124, its 总计 planted 124 for
    # 129, between 「3.其他」 (0 — —) and 「四、结转…」 (8 — 0 0 — 8): neither adds up with any of
    # its values in a way it does not alone, so the misprint is the report's
    report, wrong, silent = read_against_truth(ZOO / "z4417-r0012-pdfplumber.txt")
    findings = check(report)
    errors = [f for f in findings if f.severity == ERROR and f.rule == "T3-3"]
    assert [f.cells[0] for f in errors] == ["section3.total.total"]
    assert (errors[0].suggestion.cell, errors[0].suggestion.value) == ("section3.total.total", 129)
    assert not [f for f in report.flags if f.cell == "section3.total"]
    assert silent == []


def test_a_line_of_values_before_a_wrapped_label_of_a_row_printing_none_may_be_either_rows():
    # pdfplumber, zeros mixed: 「4.无正当理由大量反复申请 - 0 0」, then a line 「- 0 - -」 alone, then the
    # label 「5.要求行政机关确认或重新出具已」/「获取信息」 with no value. The seven values read whole
    # as row 4 add up (all 0) and so does each line as its own row: the truth is the latter (row 4
    # prints 社会公益组织 0 and 法律服务机构 0, row 5 商业企业 0), read whole row 4's 社会公益组织 is a
    # placeholder. Which row the line is the text does not say: row 4 is flagged
    report, wrong, silent = read_against_truth(ZOO / "z602-r0036-pdfplumber.txt")
    assert "section3.not_processed_massive.social" in wrong
    assert silent == []
    flags = [f for f in report.flags if f.cell == "section3.not_processed_massive"]
    assert len(flags) == 1 and "后一行（- 0 - -）只有数值" in flags[0].message
    assert "「5.要求行政机关确认或重新出具已获取信息」" in flags[0].message


def test_only_the_row_whose_values_run_on_before_a_silent_label_is_flagged_so():
    # the same table: 「（一）予以公开 7 0 - 7」 is followed by a line of values 「0 0 0」 too, but
    # between the two lines of its neighbour's wrapped label (「…只计这一情」 and 「理结果 形，…」):
    # that line is 「（二）部分公开」's, printing its values, and no row reads as running on into it
    report, wrong, silent = read_against_truth(ZOO / "z602-r0036-pdfplumber.txt")
    run_on = [f.cell for f in report.flags if "只有数值，紧接下一行" in f.message]
    assert run_on == ["section3.not_processed_massive"]


def test_a_full_row_after_a_total_row_printing_nothing_though_its_parts_print_counts_is_flagged():
    # plain pdftotext of a PDF whose 表三 leaves 总计 blank in every row (zeros blank): the labels
    # 「（七）总计」 and 「四、结转下年度继续办理」 print one after the other, then both rows' values in
    # one run, 23893 2951 480 383 783 1489 107 (the total's 23893 2951 783 1489 and the row's
    # 480 383 107, interleaved). Read as 「四、结转…」's seven cells, unflagged; （七）总计 printed
    # nothing though 「（一）予以公开」 prints 10601: its values are somewhere, most likely among those
    # seven, and which the order does not say. The row is flagged and its failing sum is a doubt
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0010-pdftotext-gbk.txt")
    assert silent == []
    assert "section3.carried_forward.natural" in wrong  # (23893: the total's)
    messages = [f.message for f in report.flags if f.cell == "section3.carried_forward"]
    assert any("紧接其上的「（七）总计」行未印出数值" in m for m in messages)
    row_sum = [f for f in check(report) if f.rule == "T3-3" and "section3.carried_forward.total" in f.cells]
    assert [f.severity for f in row_sum] == [DOUBT]


def test_a_total_row_printing_nothing_beside_result_rows_printing_counts_is_no_row_of_blanks():
    # plain pdftotext of a PDF (quirks zoo 907, r0020; zeros print as 0): 「3.其他」, then 15,583 1,381,
    # then the labels 「（七）总计」 and 「四、结转下年度继续办理」 one after the other, their values further
    # down. （七）总计 prints no value beside its label, and the positions read it as a row of blanks,
    # unflagged; but it sums the 办理结果 rows (T3-2), and 「（一）予以公开」 prints 10,092: it is no row
    # of blanks. Its cells are left unread, flagged; before, its 科研机构 (truth 0) read blank, silent
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0020-pdftotext-gbk.txt")
    assert silent == []
    assert report.cells["section3.total.research"].state != BLANK  # (inferred from the sums, flagged)
    assert any(f.cell == "section3.total" and f.kind == "parse" for f in report.flags)


def test_a_full_row_holding_the_total_rows_values_keeps_its_doubt_when_read_as_printed():
    # a fresh zoo's report (p1803 r0014; plain pdftotext, blank zeros): 「（七）总计」 prints 16061
    # beside its label, its 3883 296 582 20822 after 「四、结转下年度继续办理」's label, with that
    # row's 261 27 288: seven values right after the full label, read as printed (t3_anchored). The
    # report is consistent: 16061 + 3883 + 296 + 582 = 20822 makes 「（七）总计」 add up, so the
    # row's failing sum is a doubt. Before, reading it as printed dropped that flag: a false 错误
    report, wrong, silent = read_against_truth(ZOO / "p1803-r0014-pdftotext-utf-8.txt")
    assert silent == []
    findings = check(report)
    assert not [f for f in findings if f.severity == ERROR]
    row_sum = [f for f in findings if f.rule == "T3-3" and "section3.carried_forward.total" in f.cells]
    assert [f.severity for f in row_sum] == [DOUBT]
    assert "本行的3883、296、582、20822若属于该行" in row_sum[0].message
