"""A glued 表三 row whose printed digits no cut makes add up (docx2txt, core.parse.glued_tables) is
named by a 存疑 finding even when its cells are unread or filled in from the column sums, so
that no equation through them fails; from committed zoo outputs (tests/fixtures/converters)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def _row_cells(key: str) -> set[str]:
    return {f"section3.{key}.{c}" for c in T3_COLUMNS}


def _naming(findings, key: str) -> list:
    return [f for f in findings if _row_cells(key) <= set(f.cells)]


def test_an_unread_row_no_cut_of_which_adds_up_is_named():
    # d2t602-r0006: 「2.其他法律行政法规禁止公开」 prints "15584351994" (1558 + 435 = 1993, its
    # 总计 misprinted 1994) glued to "3、危及…": no cut adds up, the column sums cannot say
    # which cell is wrong, so the row stays unread, and no sum through it could fail
    report = load_report(CONVERTERS / "d2t602-r0006.docx2txt.txt")
    assert report.value("section3.denied_law_forbidden.total") is None
    named = _naming(check(report), "denied_law_forbidden")
    assert [f.severity for f in named] == ["doubt"]
    assert not [f for f in check(report) if f.severity == "error"]


def test_the_same_row_as_its_report_meant_it_is_read_and_not_named(tmp_path):
    # the same text with the 总计 the report meant (1993): the row is cut 1558 | 435 | 1993, adds
    # up, and nothing names it
    text = (CONVERTERS / "d2t602-r0006.docx2txt.txt").read_text(encoding="utf-8")
    assert text.count("155843519943、") == 1
    meant = tmp_path / "meant.docx2txt.txt"
    meant.write_text(text.replace("155843519943、", "155843519933、"), encoding="utf-8")
    report = load_report(meant)
    assert [report.value(f"section3.denied_law_forbidden.{c}") for c in T3_COLUMNS] == \
        [1558, 435, None, None, None, None, 1993]
    assert not _naming(check(report), "denied_law_forbidden")


def test_a_row_filled_in_from_the_sums_that_hide_its_misprint_is_named():
    # d2t603-r0029: 「（七）总计」 prints "177911217891": 1779 | 112 | 17891, 自然人 a dropped
    # digit of 17779. No cut adds up; its 总计 is read and the rest filled in from the column
    # sums (17779), which then all hold: only the row's own digits show the misprint
    report = load_report(CONVERTERS / "d2t603-r0029.docx2txt.txt")
    assert report.value("section3.total.natural") == 17779
    assert report.cells["section3.total.natural"].state == "inferred"
    findings = check(report)
    assert [f.severity for f in _naming(findings, "total")] == ["doubt"]
    assert not [f for f in findings if f.severity == "error"]


def test_a_run_no_cut_of_which_adds_up_filled_in_from_the_sums_is_named():
    # layouts99-r0001 (zeros printed 0): 「1.本机关不掌握相关政府信息」 prints "9250230122", its
    # 商业企业 25 printed 5 (92 5 0 2 3 0 122 does not add up), and no cut of it adds up, not
    # even with blank cells; the column sums fill in 92, 25, 0, 2, 3, 0, 122, with which every
    # equation holds: only the row's own digits show the misprint, and the row is named 存疑
    report = load_report(CONVERTERS / "layouts99-r0001.docx2txt.txt")
    assert [report.value(f"section3.unable_not_held.{c}") for c in T3_COLUMNS] == [92, 25, 0, 2, 3, 0, 122]
    findings = check(report)
    assert [f.severity for f in _naming(findings, "unable_not_held")] == ["doubt"]
    assert not [f for f in findings if f.severity == "error"]



def test_a_run_shorter_than_its_row_that_no_cut_makes_add_up_is_named():
    # d2t603-r0021 (zeros 0 or blank): 「一、本年新收」 prints "20012" — 自然人 20, 商业企业 0,
    # 社会公益组织 1, 总计 2 (a dropped digit of 21). No cut adds up, with or without blank cells;
    # the parser's own reading stands (flagged), and the row is named 存疑 with every cell of it
    report = load_report(CONVERTERS / "d2t603-r0021.docx2txt.txt")
    findings = check(report)
    assert "section3.new.total" in _naming(findings, "new")[0].cells
    assert all(f.severity == "doubt" for f in _naming(findings, "new"))
    assert not [f for f in findings if f.severity == "error"]


def test_a_blank_last_row_does_not_read_the_next_sections_digits():
    # layouts123-r0022, consistent, every zero blank: 「四、结转下年度继续办理」 printed nothing;
    # after its label come section 四's heading and 表四's digits, which are not its run: the row
    # reads blank, and no finding calls it misprinted
    report = load_report(CONVERTERS / "layouts123-r0022.docx2txt.txt")
    assert [report.value(f"section3.carried_forward.{c}") for c in T3_COLUMNS] == [None] * 7
    findings = check(report)
    assert not _naming(findings, "carried_forward")
    assert not [f for f in findings if f.severity == "error"]


# The misprinted cell of such a row (core.check.glued_rows): the column sums give each of its
# cells a value; when those values, written out in order, are the printed digits but for one slip
# in one cell (or a 总计 that does not add up), that cell gets the value as a suggestion.

def _suggestions(findings, key: str) -> list:
    return [f.suggestion for f in _naming(findings, key) if f.suggestion]


def test_an_unread_row_whose_total_is_one_off_gets_the_total_the_sums_give():
    # d2t602-r0006: "15584351994" — the column sums give 1558, 435, 0, 0, 0, 0, 1993 (the other
    # rows of those columns print nothing but 「（七）总计」 and the rest); written out that is
    # "15584351993": only the 总计 is off (1994, ±1)
    findings = check(load_report(CONVERTERS / "d2t602-r0006.docx2txt.txt"))
    assert [(s.cell, s.value) for s in _suggestions(findings, "denied_law_forbidden")] == \
        [("section3.denied_law_forbidden.total", 1993)]
    assert [f.severity for f in _naming(findings, "denied_law_forbidden")] == ["doubt"]


def test_a_row_filled_in_from_the_sums_gets_its_dropped_digit_back():
    # d2t603-r0029: "177911217891" — the sums give 17779, 112, 17891 (17779 + 112 = 17891):
    # written out "1777911217891", the printed run less one digit of 自然人
    findings = check(load_report(CONVERTERS / "d2t603-r0029.docx2txt.txt"))
    assert [(s.cell, s.value) for s in _suggestions(findings, "total")] == [("section3.total.natural", 17779)]


def test_a_row_read_as_one_long_number_gets_the_cell_the_sums_give():
    # d2t601-r0029 (zeros 0, "--" or blank): 「（一）予以公开」 prints "845300 -- 237". By the
    # column sums (总计 less the other result rows) 自然人 is 331 − (47 + 15 + 16 + 20 + 26 + 23)
    # = 184, 商业企业 94 − (14 + 5 + 4 + 5 + 7 + 6) = 53, 总计 425 − 188 = 237, the rest 0:
    # "184" "53" "0" "0" "237" is the run but for the 1 of 184
    findings = check(load_report(CONVERTERS / "d2t601-r0029.docx2txt.txt"))
    assert [(s.cell, s.value) for s in _suggestions(findings, "granted")] == [("section3.granted.natural", 184)]
    assert not [f for f in findings if f.severity == "error"]


def test_a_total_that_does_not_add_up_is_the_one_cell_off():
    # d2t602-r0039: 「四、结转下年度继续办理」 prints "303-0036"; by T3-1 (新收 + 结转 − 总计) its
    # cells are 734 + 17 − 721 = 30, 48 + 0 − 45 = 3, 0, 0, 0, 0 and 782 + 17 − 766 = 33: the
    # run is 30 3 - 0 0 and a 总计 of 36, which does not add up; 33 is suggested
    findings = check(load_report(CONVERTERS / "d2t602-r0039.docx2txt.txt"))
    assert [(s.cell, s.value) for s in _suggestions(findings, "carried_forward")] == \
        [("section3.carried_forward.total", 33)]


def test_no_suggestion_when_two_cells_read_one_slip_off():
    # layouts99-r0001: the sums give 92 25 0 2 3 0 122 for "9250230122": 9 | 25 | 0 | 2 | 3 | 0 |
    # 122 (92 with a digit dropped) reads as well as 92 | 5 | 0 | … (25 with one dropped)
    findings = check(load_report(CONVERTERS / "layouts99-r0001.docx2txt.txt"))
    assert not _suggestions(findings, "unable_not_held")
    # md61-r0022 (every zero blank): the sums give 3 1 0 0 0 0 4 for "3114": 3 | 1 | 1 (科研机构,
    # 0 → 1) | 4, 3 | 11 | 4, 3 | 1 | 14 (a 总计 that does not add up) all read one slip off
    findings = check(load_report(CONVERTERS / "md61-r0022.docx2txt.txt"))
    t3_3 = [f for f in _naming(findings, "unable_not_held") if f.rule == "T3-3"]
    assert t3_3 and not [f.suggestion for f in t3_3 if f.suggestion]
