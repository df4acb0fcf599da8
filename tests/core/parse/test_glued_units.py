"""表三 rows whose counts print glued together, each count other than 0 with its unit (docx2txt of a
Word report printing units in its cells), read from a committed output of the quirks zoo (truth
beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_counts_glued_with_their_units_are_read_and_the_planted_typo_named():
    # 「一、本年新收…」 prints 621项146项00040项807项 glued to the next row's label, every row alike.
    # Before: no row printing a count was read (每行「未印出数值」), the typo in （七）总计's 自然人
    # (577 for 627) went unseen; read, the three sums through it name it
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0022-docx2txt.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [621, 146, 0, 0, 0, 40, 807]
    assert t3_row(report, "not_processed_confirm") == [11, 2, 0, 0, 0, 0, 13]
    errors = [f for f in check(report) if f.severity == ERROR]
    assert sorted(f.rule for f in errors) == ["T3-1", "T3-2", "T3-3"]
    assert suggested_fixes(errors) == {("section3.total.natural", 627)}
