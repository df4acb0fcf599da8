"""表三 rows a cell short whose 总计 plain pdftotext printed before their last placeholders: in the
zoo's PDF (tests/fixtures/zoo/README.md) a row that printed 6 cells draws its 总计 a little higher
than the cells left of it, and pdftotext, printing by reading order, puts it first: 「4 2 — — 6 —」
for 4 2 — — — 6. Read in printed order, 6 sat under 法律服务机构 and the 总计 was filled in from the
sums (13): two 存疑 findings on a consistent report, each offering 法律服务机构 = 0. The 总计 is the
count printed last but for 0s and placeholders when it adds up the row and the table's sums hold."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import INFERRED
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_total_printed_before_the_rows_last_placeholder_is_read_as_its_total():
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0008-pdftotext-gbk.txt")
    assert t3_row(report, "partial") == [4, 2, None, None, None, None, 6]
    assert report.cells["section3.partial.total"].state != INFERRED
    assert any(f.cell == "section3.partial" and "6印在其后的0和占位符之前" in f.message for f in report.flags)
    assert check(report) == []  # (a consistent report: nothing to correct)
    assert wrong == [] and silent == []


def test_the_same_with_slashes_for_zeros():
    report, wrong, silent = read_against_truth(ZOO / "q2806-r0042-pdftotext-gbk.txt")
    assert t3_row(report, "partial") == [1, None, None, None, None, None, 1]
    assert check(report) == []
    assert wrong == [] and silent == []
