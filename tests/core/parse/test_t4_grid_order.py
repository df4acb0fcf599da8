"""表四 read from a drawn grid (a web page's table) keeps its cells' order: a group that does not add
up there holds a misprint, which the checker names, and is not rearranged as a PDF's reading order
would be (tests/fixtures/zoo/README.md: h2505-r0008-word-html-utf-8)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T4_KEYS = ("maintained", "corrected", "other", "pending", "total")


def test_a_misprinted_group_of_a_web_table_keeps_its_cells_and_is_named():
    # 行政复议 prints 10 0 0 1 9, its 总计 misprinted (11 true). Before, the group was taken for a
    # PDF's reading order and rearranged to 0 0 1 9 | 10 (four cells wrong, flagged, the misprint
    # unnamed); now the cells read as printed and the finding suggests 总计 11
    report, wrong, silent = read_against_truth(ZOO / "h2505-r0008-word-html-utf-8.html")
    assert [report.value(f"section4.review.{c}") for c in T4_KEYS] == [10, 0, 0, 1, 9]
    assert wrong == [] and silent == []
    assert not any(f.cell.startswith("section4") for f in report.flags)
    suggestions = [f.suggestion for f in check(report) if f.rule == "T4-1"]
    assert any(s is not None and s.cell == "section4.review.total" and s.value == 11 for s in suggestions)
