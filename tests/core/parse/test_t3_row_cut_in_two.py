"""表三's （七）总计 printed as two rows of the grid, its label spanning both (a table a PDF-to-Word
converter cut at a page's end): 自然人 … 科研机构, 社会公益组织 on the first row, the other cells
empty; 法律服务机构, 其他, 总计 on the second, the first four empty (wild/t3-total-row-cut*: the
consistent 2023 report of wild/t4-two-tables, （七）总计 24 3 0 0 0 0 27)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import covered, wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
TRUTH = "wild/t4-two-tables"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


@pytest.mark.parametrize("name", ["t3-total-row-cut.html", "t3-total-row-cut.docx", "t3-total-row-cut.pandoc-docx-gfm.md"])
def test_a_row_cut_in_two_is_joined(name):
    """The row read 14 values (16 in pandoc's Markdown of the Word file, its label's empty cells
    with them): flagged as printing 14 of 7, and there 总计 read blank and both neighbours flagged
    as cut unreliably. Each column prints on one of the two lines, and joined they add up (24 + 3
    = 27): one row, read without a flag."""
    report = load_report(WILD / name)
    assert [report.value(f"section3.total.{c}") for c in COLUMNS] == [24, 3, 0, 0, 0, 0, 27]
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_w3m_box_of_the_cut_row_stays_flagged():
    """w3m centres the label in its box, the first line's counts above it: they run on into
    「3.其他」 (11 values, flagged) and the sums fail; nothing wrong goes unmarked."""
    report = load_report(WILD / "t3-total-row-cut.w3m.txt")
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    wrong = [line.split(":")[0] for line in wrong_cells(report, TRUTH)]
    assert all(covered(cell, marks) for cell in wrong)
