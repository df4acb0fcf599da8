"""表三 printed by pdftotext -layout with no row printing every column and its header split by a
page break, so no names place the columns (tests/fixtures/zoo/README.md). The printed columns are
matched to the template's by the equations: but 「（七）总计」's first count 305 prints at display
column 32, left of every other row's 自然人 count (41-42: a short label padded less), a printed
column of its own; matched in order, every row read a column right (自然人 in 商业企业 …), 30 cells wrong, flagged.
A printed column at the table's edge that one line alone prints may be that line's value moved: the
columns without it are weighed too, and the equations hold better so."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_column_only_one_line_prints_at_the_edge_is_that_lines_value_moved():
    report, wrong, silent = read_against_truth(ZOO / "p3002-r0038-pdftotext-layout-gbk.txt")
    assert [v or None for v in t3_row(report, "new")] == [305, 71, None, 10, None, None, 386]
    assert [v or None for v in t3_row(report, "total")] == [305, 68, None, 10, None, None, 383]
    assert wrong == [] and silent == []
    # (the planted typo, 「4.无正当理由大量反复申请」×自然人 printed 51 for 15, is found and fixed)
    assert ("section3.not_processed_massive.natural", 15) in suggested_fixes(check(report))
