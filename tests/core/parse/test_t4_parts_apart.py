"""表四 in plain pdftotext's text where a group's values each print as a paragraph of their own (a
blank line between every two): pdftotext orders such lone blocks by its own reading, not always
left to right, and the group's sum holds in any order, so the cells are flagged as undecided rather
than read silently in printed order (truth beside the file: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_review_group_printed_a_paragraph_a_value_is_flagged_not_read_silently():
    # 行政复议 prints 0 1 0 0 1 (维持, 纠正, 其他, 尚未审结, 总计); pdftotext gives 0 0 0 1 1
    report, wrong, silent = read_against_truth(ZOO / "p3402-r0006-pdftotext-gbk.txt")
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [0, 0, 0, 1, 1]
    assert [f.cell for f in report.flags if f.cell.startswith("section4")] == ["section4.review"]
    assert any("各自成段" in f.message for f in report.flags if f.cell == "section4.review")
    assert sorted(wrong) == ["section4.review.corrected", "section4.review.pending"]
    assert silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_litigation_groups_printed_a_line_each_in_one_paragraph_are_not_flagged():
    # 行政诉讼's groups print 0 0 0 0 as one paragraph, a value a line: the header's order, no doubt
    report, _, _ = read_against_truth(ZOO / "p3402-r0006-pdftotext-gbk.txt")
    assert not any(f.cell.startswith("section4.litigation") for f in report.flags)
