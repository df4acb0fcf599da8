"""A glued 表三 row whose printed digits no cut makes add up (docx2txt, core.parse.stream) is
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
