"""A LibreOffice PDF of a Word report whose label column's borders are drawn only in part:
pdfplumber finds the cells of 「（四）无法提供」's rows, and also one cell enclosing them and
「7.」「8.」 of 「（三）不予公开」 above, which took all their labels at its first row. Read so,
「1.本机关不掌握相关政府信息」's label was read twice, its values went to 「3.补正后申请内容仍不明确」
unflagged and its own cells were flagged empty. The enclosing cell's words now go to the row they
stand in (truth beside each file: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, PLACED_BY_ORDER
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_under_a_cell_enclosing_other_rows_keeps_its_own_values():
    # 「1.本机关不掌握相关政府信息」 prints 2328 507 · 30 · · 2865 on its own line of the page
    report, wrong, silent = read_against_truth(ZOO / "q6262-r0002-lo-pdf.pdf")
    assert t3_row(report, "unable_not_held") == [2328, 507, None, 30, None, None, 2865]
    assert t3_row(report, "unable_unclear") == [None] * 7
    assert not any(f.cell.startswith(("section3.unable_not_held", "section3.unable_unclear")) for f in report.flags)
    assert wrong == [] and silent == []  # (the truth holds the planted typo as printed)
    # the planted typo (第三方 × 社会公益组织 14 printed 1) is still what the sums call wrong
    errors = [f for f in check(report) if f.severity == ERROR]
    assert errors and all("section3.denied_third_party.social" in f.cells for f in errors)


def test_the_rows_under_an_enclosing_cell_print_their_labels_once():
    # the same drawing in the fixture quirks907: 「（五）不予处理」's rows under a cell enclosing them
    # read right before, but flagged as printed apart from their labels; now read without a flag
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0009-lo-pdf.pdf")
    assert not any(PLACED_BY_ORDER in f.causes for f in report.flags)
    assert wrong == [] and silent == []
