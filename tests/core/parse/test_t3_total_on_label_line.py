"""A 表三 row whose label wraps over three lines, printed by pdftotext -layout with its 总计 beside
the label's first line and its other cells beside the second (tests/fixtures/zoo/README.md):
「2.申请人逾期未按收费通知要求缴 … 866」 over 「纳费用、行政机关不再处理其政府 769 59 38 — —」.
Each line was placed by position on its own: the lone 866 (not moved) fitted 其他 a little better
than 总计 once the second line was shifted, and the row read 769 · 59 38 — 866 — (59 and 38 a
column right, 总计 a placeholder; flagged). 769 + 59 + 38 = 866: the lone count the other line adds up to is the row's 总计."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_count_the_other_line_adds_up_to_is_the_rows_total():
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0021-pdftotext-layout-gbk.txt")
    assert [v or None for v in t3_row(report, "other_no_fee")] == [769, 59, 38, None, None, None, 866]
    assert not [cell for cell in wrong if cell.startswith("section3.other_no_fee")]
    assert silent == []
    # (the report's planted typo, （七）总计's 总计 printed 21434 for 22636, is still found)
    assert any("section3.total.total" in f.cells for f in check(report))
