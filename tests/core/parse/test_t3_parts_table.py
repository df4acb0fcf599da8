"""表三 printed as two tables of the same rows, as agencies whose page is too narrow for its seven
columns print it: 自然人 (and 总计) under the first table's header, the five columns of 法人或其他组织
(and 总计) under the second's, every row label printed in both. Each table's values belong to the
columns its own header names. (wild/t3-parts-table-after*: the consistent 2023 report of
wild/t4-two-tables, 一、本年新收 23 3 0 0 0 0 26, （七）总计 24 3 0 0 0 0 27.)"""
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


def _row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{column}") for column in COLUMNS]


@pytest.mark.parametrize("name", ["t3-parts-table-after.html", "t3-parts-table-after.docx2txt.txt",
                                  "t3-parts-table-after.pandoc-plain.txt", "t3-parts-table-after.w3m.txt",
                                  "t3-parts-table-after-total.html", "t3-parts-table-after-total.docx"])
def test_the_parts_table_under_the_first_is_read_as_its_columns(name):
    """The second table (商业企业 … 其他, with 总计 or without) was taken for another 表三 left
    unread: every row flagged as printing 2 (or 1) of 7 values, 商业企业's 3s in 一, （一） and
    （七） read 0 or blank, 总计 blank where the first table lacks it, and a problem saying a second
    table was not read. Now each row takes its values from both tables, each under the name its
    header prints: all 175 cells right, nothing flagged."""
    report = load_report(WILD / name)
    assert _row(report, "new") == [23, 3, 0, 0, 0, 0, 26]
    assert _row(report, "total") == [24, 3, 0, 0, 0, 0, 27]
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not report.problems
    assert not [f for f in check(report) if f.severity == ERROR]


@pytest.mark.parametrize("name", ["t3-parts-table-after-total.w3m80.txt", "t3-parts-table-after-total.pdftotext-layout.txt"])
def test_the_parts_table_unread_where_its_header_is_not_is_flagged(name):
    """w3m's narrow boxes print the names a character a line, pdftotext the two tables' rows
    apart from their headers: the pair is not told, the first table read and the second said to
    be unread, and every cell read wrong is flagged (none silent)."""
    report = load_report(WILD / name)
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    wrong = [line.split(":")[0] for line in wrong_cells(report, TRUTH)]
    assert wrong and all(covered(cell, marks) for cell in wrong)
    assert any(p.startswith("第三部分印有两张") for p in report.problems)
