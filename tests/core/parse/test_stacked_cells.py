"""Plain pdftotext prints 表三 a cell a paragraph (a value, then an empty line), in the PDF's stream
order. Two cells touching one above the other in one column may come out as one paragraph of two
lines: two rows' cells (core/parse/stacked_cells.py). p3302 r0040 (zeros 0, 「—」 or blank) prints
「2.重复申请」's 0 0 — — 0 with 「6 / 6」 (商业企业 of （四）1. and 3., printed apart) before its 总计:
read as its seven cells, the row summed 12 against 总计 0, a 错误 offering 总计 = 12 on a consistent
report. Truth beside the file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_two_values_stacked_in_one_paragraph_are_not_one_rows_cells():
    report, wrong, silent = read_against_truth(ZOO / "p3302-r0040-pdftotext-utf-8.txt")
    assert t3_row(report, "not_processed_duplicate") == [0, 0, 0, 0, 0, 0, 0]  # (truth 0 · 0 · · · 0)
    assert not [c for c in wrong if ".not_processed_duplicate." in c]
    assert "6与6上下相连印在一段" in t3_row_flags(report, "not_processed_duplicate")
    findings = check(report)
    assert not [f for f in findings if f.severity == ERROR]
    assert not [f for f in findings if f.suggestion is not None and ".not_processed_duplicate." in f.suggestion.cell]
    assert silent == []
