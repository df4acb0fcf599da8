"""PDF tables read from the page geometry: blank cells, wrapped labels, rows across pages.

Fixtures in tests/fixtures/converters/ (README.md there says how each was made).
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import BLANK
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row, wrong_cells

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CONVERTERS = FIXTURES / "converters"
ZOO = FIXTURES / "zoo"


def test_blank_cells_of_a_ruled_pdf_table_stay_in_their_columns():
    report = load_report(CONVERTERS / "blank-ok.lo.pdf")
    assert wrong_cells(report, "page-gb2312") == []
    # 二、上年结转 prints 5 1 _ _ _ _ 6: the blanks sit before 总计, not after it
    assert report.value("section3.carried_over.total") == 6
    assert report.cells["section3.carried_over.research"].state == BLANK
    assert report.flags == []
    assert [f for f in check(report) if f.severity == "error"] == []


def test_labels_wrapped_inside_their_cells_keep_their_rows():
    # （六）1./2. wrap over three lines, （二）部分公开 over two
    report = load_report(CONVERTERS / "consistent-2021.lo.pdf")
    assert wrong_cells(report, "consistent-2021") == []
    assert report.value("section3.other_no_correction.total") == 71
    assert report.flags == []
    assert check(report) == []


def test_an_item_number_cut_from_its_label_by_a_column_border_is_no_value():
    # LibreOffice's PDF of a Word table whose 「（五）不予处理」 rows draw their label cells wider than
    # the column lines of the rows around them: pdfplumber's cells cut 「2」 from 「.重复申请」. Read as a
    # value, each item number went to the blank row above as its 总计 (2, 3, 4), and T3-3 showed an
    # error on a report that is right (9d948939)
    report, wrong, silent = read_against_truth(ZOO / "pq2604-r0008-lo-pdf.pdf")
    for row in ("not_processed_complaint", "not_processed_duplicate", "not_processed_publication"):
        assert t3_row(report, row) == [None] * 7
    assert t3_row(report, "not_processed_massive") == [1, None, None, None, None, None, 1]
    assert [f for f in check(report) if f.severity == "error"] == []
    assert wrong == [] and silent == []
