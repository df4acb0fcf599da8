"""html2text's tables without outer pipes: a row opening with a blank cell, or opening and closing
with a pipe, keeps every cell in its column (q2718 converter zoo outputs, each with its truth beside it)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_an_html2text_row_opening_with_a_blank_cell_keeps_every_cell():
    # html2text writes 表四's one row of values without outer pipes; its first cell blank, the row
    # opens with " |" and is not closed by one: " |  |  |  |  | 14|  | 1|  | 15| 2|  | 2|  | 4"
    # (行政复议 all blank, 未经复议直接起诉 14 · blank · 1 · blank · 15, 复议后起诉 2 · blank · 2 · blank · 4)
    path = ZOO / "quirks2718-r0028-html2text.md"
    report = load_report(path)
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [None] * 5
    assert [report.value(f"section4.litigation_direct.{c}")
            for c in ("maintained", "corrected", "other", "pending", "total")] == [14, None, 1, None, 15]
    assert [report.value(f"section4.litigation_after_review.{c}")
            for c in ("maintained", "corrected", "other", "pending", "total")] == [2, None, 2, None, 4]
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section4")] and silent == []


def test_an_html2text_row_opening_and_closing_with_a_pipe_is_still_a_bare_row():
    # html2text frames no table: "| 2| 3| | 6| | | | | | | | | |" is 表四's row of 15 cells, the first
    # and the last ten blank, not a framed row of 13 (行政复议 blank · 2 · 3 · blank · 6; the planted
    # typo prints 其他结果 3 for 4, so the group's 总计 6 fails its sum: the checker's, not the reader's)
    path = ZOO / "quirks2718-r0005-html2text.md"
    report = load_report(path)
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [None, 2, 3, None, 6]
    _, wrong, silent = read_against_truth(path)
    assert not [cell for cell in wrong if cell.startswith("section4")] and silent == []
