"""表四 printed with last year's row beside the report year's: a label cell before each row of
fifteen values (「2023年」 and 「2022年」, 「本年度」 and 「上年度」), either first. The report year's
row is 表四; the other is no cell of this report. (wild/t4-last-year-*: the consistent 2023 report
of wild/t4-two-tables, 表四 2 1 0 0 3 · 1 0 2 0 3 · 13 0 0 3 16; last year's 1 0 0 0 1 · 0 0 1 0 1 ·
9 1 0 1 11.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import covered, wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
TRUTH = "wild/t4-two-tables"
TRUE_T4 = [2, 1, 0, 0, 3, 1, 0, 2, 0, 3, 13, 0, 0, 3, 16]


def _t4(report) -> list:
    return [report.value(f"section4.{group}.{column}") for group in ("review", "litigation_direct", "litigation_after_review")
            for column in ("maintained", "corrected", "other", "pending", "total")]


@pytest.mark.parametrize("name", ["t4-last-year-row.html", "t4-last-year-row.docx2txt.txt", "t4-last-year-row.pandoc-plain.txt",
                                  "t4-this-and-last-year.html"])
def test_the_report_years_row_before_last_years_is_read_unflagged(name):
    """This year's row first: read right, but flagged as printing 30 of 15 values. Now the row
    labelled with the report's year (or 本年度) is read, the other dropped, nothing flagged."""
    report = load_report(WILD / name)
    assert _t4(report) == TRUE_T4
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert not [f for f in check(report) if f.severity == ERROR]


@pytest.mark.parametrize("name", ["t4-last-year-row-first.html", "t4-last-year-row-first.docx", "t4-last-year-row-first.w3m.txt",
                                  "t4-last-year-first-words.html", "t4-last-year-first-words.pandoc-plain.txt",
                                  "t4-last-year-first-words.docx2txt.txt"])
def test_last_years_row_printed_first_is_not_read_as_this_years(name):
    """Last year's row first: its 1 0 0 0 1 … 11 were read as 表四 (10 cells wrong, every group
    adding up), flagged only as printing 30 of 15 values. Now the row labelled 2023年 / 本年度 is
    read: every cell right, nothing flagged."""
    report = load_report(WILD / name)
    assert _t4(report) == TRUE_T4
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]


@pytest.mark.parametrize("name", ["t4-last-year-row.w3m80.txt", "t4-last-year-row-first.w3m80.txt",
                                  "t4-last-year-row-first.pdftotext-layout.txt", "t4-last-year-column.html"])
def test_rows_or_columns_not_told_apart_stay_flagged(name):
    """Where a row's label does not stand right before its fifteen values (w3m's narrow boxes
    wrap 「2023年」, pdftotext prints the labels apart), or last year's figure is a sixteenth
    column (「上年度复议诉讼总数」), 表四 is flagged as printing more values than fifteen: no cell
    read wrong goes unflagged."""
    report = load_report(WILD / name)
    assert any(f.cell == "section4" and "表四印有" in f.message for f in report.flags)
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    assert all(covered(line.split(":")[0], marks) for line in wrong_cells(report, TRUTH, sections=("section4",)))
