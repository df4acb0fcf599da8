"""表四 printed as two tables, as agencies whose page is too narrow for fifteen columns print it:
行政复议's five cells under their header, then 行政诉讼's ten under theirs (未经复议直接起诉,
复议后起诉), or 行政诉讼's first. Each table's values belong to the groups its own header names.
(wild/t4-two-tables*: one consistent 2023 report, 行政复议 2/1/0/0/3, 未经复议直接起诉 1/0/2/0/3,
复议后起诉 13/0/0/3/16.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
TRUTH = "wild/t4-two-tables"


def _t4(report) -> list:
    return [report.value(f"section4.{group}.{column}") for group in ("review", "litigation_direct", "litigation_after_review")
            for column in ("maintained", "corrected", "other", "pending", "total")]


TRUE_T4 = [2, 1, 0, 0, 3, 1, 0, 2, 0, 3, 13, 0, 0, 3, 16]


@pytest.mark.parametrize("name", ["t4-two-tables.html", "t4-two-tables.pandoc-plain.txt", "t4-two-tables.w3m80.txt",
                                  "t4-two-tables-captioned.docx"])
def test_litigation_table_after_the_review_table_is_read(name):
    """行政诉讼's header (「结果维持结果纠正…总计」 twice, a run of 36 characters on the line a web
    page's or Word table's cells join into, or after pandoc's rule line) was taken for prose ending
    表四: its ten counts went unread and 表四 was flagged as printing 5 of 15 values. Now all 15
    are read, nothing flagged."""
    report = load_report(WILD / name)
    assert _t4(report) == TRUE_T4
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert not [f for f in check(report) if f.severity == ERROR]


@pytest.mark.parametrize("name", ["t4-two-tables-litigation-first.html", "t4-two-tables-litigation-first.docx2txt.txt",
                                  "t4-two-tables-litigation-first.pdftotext-layout.txt"])
def test_litigation_table_before_the_review_table_goes_to_its_groups(name):
    """行政诉讼's table first, then 行政复议's: read in printed order, 行政复议 took 未经复议直接起诉's
    1/0/2/0/3, 未经复议直接起诉 复议后起诉's and 复议后起诉 行政复议's; every group adds up either
    way, so 11 cells were wrong and nothing said. Each table's header names its groups (in
    pdftotext's text too, where the column heads split over two lines): every cell right."""
    report = load_report(WILD / name)
    assert report.value("section4.review.maintained") == 2 and report.value("section4.review.total") == 3
    assert _t4(report) == TRUE_T4
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert not [f for f in check(report) if f.severity == ERROR]
