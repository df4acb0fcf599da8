"""pdftotext -layout lays each PDF page out by its own measure: 表三 broken over two pages prints
page 2's values at other character columns than page 1's, and a page 2 that repeats no header has
no names of its own. Placed by page 1's header names, every row of page 2 sat a column or two off.
A page whose rows print every column but one at the same places is measured on those rows; the
column they leave out is the one under which the template's equations hold best (ties: the
printed 勾稽关系 一 + 二 = （七）+ 四, which ties page 1's columns to page 2's).
Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_page_without_a_header_is_placed_by_its_own_columns():
    # Page 2 (from 「三、本年度办理结果」 on) prints 「（一）予以公开」 as 3742 616 99 0 29 with 总计 blank
    # throughout; its rows of six values (「5.属于三类内部事务信息」 430 70 0 11 0 3, 「（四）2.」,
    # 「（四）3.」) lie at the same six places. Placed by page 1's names, 616 went under 科研机构,
    # 99 under 法律服务机构 and 29 under 总计 (64 cells wrong, flagged, at 7e59af5d).
    report, wrong, silent = read_against_truth(ZOO / "q2906-r0002-pdftotext-layout-utf-8.txt")
    assert silent == []
    row = [report.value(f"section3.granted.{c}")
           for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert row == [3742, 616, None, 99, 0, 29, None]
    total = [report.value(f"section3.total.{c}")
             for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert total == [7300, 1201, None, 193, None, 52, None]
    assert report.value("section3.carried_forward.social") == 24
    # only 「二、上年结转」's 0 on page 1 is left under 社会公益组织 for 科研机构 (flagged)
    assert wrong == ["section3.carried_over.research"]
    # the rows are still placed by position, not measured on full rows: flagged as such
    flagged = {f.cell for f in report.flags if "按版面位置归入各列" in f.message}
    assert {"section3.granted", "section3.total", "section3.carried_forward"} <= flagged


def test_a_page_printing_no_full_row_is_placed_by_its_own_header_names():
    # 表三 over two pages, the header repeated on page 2; only page 2 prints full rows (「7.属于行政
    # 执法案卷」 2 - - 0 - 2 …), measured at other character columns than page 1's. Page 1's rows
    # (「一、本年新收」 129 27 0 156, 「二、上年结转」 8 - - - 0 8, …) were placed by page 2's measure:
    # 156 under 其他, 总计 blank (11 cells wrong, flagged, at 7e59af5d). Page 1 is placed by its own
    # header's names now, flagged as placed by position.
    report, wrong, silent = read_against_truth(ZOO / "p2902-r0030-pdftotext-layout-utf-8.txt")
    assert silent == []
    assert report.value("section3.new.natural") == 129
    assert report.value("section3.new.other") is None
    assert report.value("section3.new.total") == 156
    assert report.value("section3.carried_over.other") == 0
    assert report.value("section3.carried_over.total") == 8
    assert report.value("section3.denied_state_secret.total") == 3
    # left: three 0s of page 1 under a neighbouring column (0 for a blank, flagged)
    assert sorted(wrong) == ["section3.denied_state_secret.social", "section3.new.social", "section3.partial.legal"]
    flagged = {f.cell for f in report.flags if "按版面位置归入各列" in f.message}
    assert {"section3.new", "section3.carried_over", "section3.denied_state_secret"} <= flagged
