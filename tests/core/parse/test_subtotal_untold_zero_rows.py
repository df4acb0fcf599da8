"""表三 rows of only 0s, placeholders and blanks that may print a cell more than the table's other
rows, where the text does not show which (zoo quirk row_shape "subtotal": tests/fixtures/zoo/README.md,
section zero55). The web page's 「（一）予以公开」 prints 8 cells, ０ (０ subtotal) ０ ０ (blank) ０
(blank) (blank): a 法人或其他组织 subtotal of 0 after 自然人. LibreOffice's PDF and pandoc's Markdown
draw every row of the table as wide as that one, a column after 总计 that the header leaves empty, and
the row was read without its last cell, as if a stray one: its 0 under 社会公益组织, 法律服务机构
blank, where the report has 法律服务机构 0 (silent). Both readings add up, so no sum can tell: the
cells 0 in the subtotal reading are read as 0 (a blank counts 0 alike), the row flagged."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR, INFERRED, SUBTOTAL_UNTOLD
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _untold(report) -> set[str]:
    return {f.cell for f in report.flags if SUBTOTAL_UNTOLD in f.causes}


@pytest.mark.parametrize("name", ["q2301-r0022-lo-web-pdf.pdf", "q2301-r0022-pandoc-html-gfm.md"])
def test_a_row_of_zeros_in_a_table_drawn_a_column_wider_reads_its_subtotal_zero_and_is_flagged(name):
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "granted") == [0, 0, 0, 0, 0, 0, None]
    assert report.cells["section3.granted.legal"].state == INFERRED
    flag = next(f for f in report.flags if f.cell == "section3.granted" and SUBTOTAL_UNTOLD in f.causes)
    assert "「法律服务机构」" in flag.message and "小计" in flag.message
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert silent == [] and wrong == []


def test_pandoc_shows_the_row_printing_the_cell_more_by_its_markup():
    # pandoc pads the rows of 7 with empty cells and keeps the 8th cell's <span …></span>: only
    # that row is in doubt
    report, _, _ = read_against_truth(ZOO / "q2301-r0022-pandoc-html-gfm.md")
    assert _untold(report) == {"section3.granted"}


def test_a_pdf_shows_no_row_so_every_row_of_zeros_read_otherwise_as_eight_is_flagged():
    # the PDF's column after 总计 is empty in every row: any row of 0s may be the one. 「四、结转下年度
    # 继续办理」 ０ ０ ０ ０ ０ (blank) (blank) puts its 0s in the same columns either way: not flagged
    report, _, _ = read_against_truth(ZOO / "q2301-r0022-lo-web-pdf.pdf")
    untold = _untold(report)
    assert {"section3.granted", "section3.partial", "section3.total"} <= untold
    assert "section3.carried_forward" not in untold and "section3.new" not in untold
