"""Zeros whose cells the sums cannot tell read 0, not a placeholder guessed in (core/parse/open_zeros.py)."""
from pathlib import Path

from core.pipeline import load_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def test_placeholders_whose_cells_the_sums_cannot_tell_read_0():
    # 「（二）部分公开」 prints 2 无 0 无 无 2 for seven cells, one of them blank with no trace: after
    # 自然人's 2, five cells print 无 0 无 无 in some four of them. Which cell printed 无 (and which a
    # 0) is open, so none is shown as a placeholder guessed for it: all five read 0, flagged
    report = load_report(FIXTURES / "pl71-r0017.pdfplumber.txt")
    assert [report.value(f"section3.partial.{c}") for c in COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
    assert any(f.cell == "section3.partial" and f.kind == "inferred" and "均按0计" in f.message
               for f in report.flags)


def test_t4_placeholder_whose_cell_the_sums_cannot_tell_reads_0():
    # 表四 prints 6 3 9 0 / 0 0 for fifteen cells: the two 诉讼 groups count nothing, their ten
    # cells print 0 / 0 0 in some four of them; none is shown as "/" in a cell guessed for it
    report = load_report(FIXTURES / "fix8s808-r0040.mammoth-md.md")
    for group in ("litigation_direct", "litigation_after_review"):
        assert [report.value(f"section4.{group}.{c}") for c in ("maintained", "corrected", "other", "pending",
                                                                 "total")] == [0, 0, 0, 0, 0]
    assert report.value("section4.review.maintained") == 6 and report.value("section4.review.total") == 9
    assert any(f.cell == "section4" and f.kind == "inferred" and "均按0计" in f.message for f in report.flags)
