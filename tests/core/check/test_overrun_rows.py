"""Plain pdftotext prints a table in its reading order: a row's values may run on into the next
row's, so a row prints more values than its columns. Which of them are its own, and in which
cell, is unknown: a value suggested from sums through such a row rests on that reading, not on
the report (the reports below are right; they were offered a wrong correction)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import OVERRUN, STREAM_UNANCHORED
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_no_value_suggested_for_a_cell_of_a_row_printing_more_values_than_its_columns():
    """Zoo q2801, r0037 (a consistent report): 「1.属于国家秘密」 prints 21, 6, 27 (总计), but the
    stream ran 107, 26, 133 and the next values on into it: 10 values for 7 columns, read
    21/6/27/107/26/133/30. Its own sum then fails, and 总计 = 320 was suggested for the 27 the
    report prints right. Now the row's failing sum is 存疑 with no value suggested."""
    report, wrong, silent = read_against_truth(ZOO / "q2801-r0037-pdftotext-gbk.txt")
    assert silent == []
    assert any(f.cell == "section3.denied_state_secret" and OVERRUN in f.causes for f in report.flags)
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    assert any("section3.denied_state_secret.total" in f.cells and f.severity == "doubt" for f in findings)


def test_no_value_suggested_from_sums_through_rows_printing_more_values_than_their_columns():
    """Zoo q2301, r0016 (a consistent report): （七）总计's values ran on into 四、结转下年度 (45 and
    16 values for 7 columns), and 一、本年新收's 总计 was filled in from those sums (330 for 338).
    The 商业企业 column (71 + 0 against 0 + 63) and 一's own sum (338 against 330) both failed
    through 一×商业企业, and 63 was suggested for the 71 the report prints right. Now 存疑, nothing
    suggested."""
    report, wrong, silent = read_against_truth(ZOO / "q2301-r0016-pdftotext-utf-8.txt")
    assert silent == [] and report.value("section3.new.commercial") == 71
    overrun = {f.cell for f in report.flags if OVERRUN in f.causes}
    assert {"section3.total", "section3.carried_forward"} <= overrun
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    assert not [f for f in findings if f.severity == "error"]


def test_a_row_printing_as_many_values_as_its_columns_is_no_overrun():
    report, _, _ = read_against_truth(ZOO / "q2301-r0016-pdftotext-utf-8.txt")
    assert not any(OVERRUN in f.causes for f in report.flags if f.cell == "section3.new")


def test_no_value_suggested_for_a_row_whose_stream_lost_blank_cells():
    """Zoo s3506, r0030 (a consistent report, blank zeros): plain pdftotext prints 表三 in its
    reading order, its blank cells leaving no trace, so 「3.危及“三安全一稳定”」 (blank in the
    report) is read 6/1/7/1/1/1/1 — 予以公开's 6 1 7 and the next rows' 1s. The row is flagged as
    holding values that may not be its own, yet 总计 = 17 was offered as the report's correction.
    Now its failing sum is 存疑 with no value suggested."""
    report, _, silent = read_against_truth(ZOO / "s3506-r0030-pdftotext-gbk.txt")
    assert silent == []
    assert any(f.cell == "section3.denied_safety_stability" and STREAM_UNANCHORED in f.causes for f in report.flags)
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    assert any("section3.denied_safety_stability.total" in f.cells and f.severity == "doubt" for f in findings)


def test_no_value_suggested_for_a_row_gathering_values_while_most_rows_print_none():
    """Zoo pq4405, r0006 (plain pdftotext, a consistent 2019 report): the table's values print in a
    block after 「3、危及“三安全一稳定”」, 「6 6 1 1 1 1 1 1」 ((一)'s, 5.'s, 8.'s and 5.'s of (五), each 自然人 and
    总计), every other row found printing none. Read as the row's 8 values, its sum failed and 总计 = 16
    was offered for the report's right table. Now 存疑, nothing suggested."""
    from core.model import OTHERS_MAY_BE_IN
    report, wrong, silent = read_against_truth(ZOO / "pq4405-r0006-pdftotext-utf-8.txt")
    assert silent == []
    assert any(f.cell == "section3.denied_safety_stability" and OTHERS_MAY_BE_IN in f.causes for f in report.flags)
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    assert any("section3.denied_safety_stability.total" in f.cells and f.severity == "doubt" for f in findings)
