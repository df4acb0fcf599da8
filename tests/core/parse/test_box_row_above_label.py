"""A ruled box (w3m) draws each row of 表三 between two rules and centres a cell's text on the
row's height: 「1、本机关不掌握相关政府信息」 (one line) sits a line below its row's top, where
the counts 「4」 and 「6」 (over their units 「件」) print on the line of the group label's 「三、本年」.
Those counts are the row's (the box row ends at its rule), not the row above's, and each lies in
the column its cell is drawn in. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_counts_drawn_above_the_label_in_its_box_row_are_the_rows():
    # on 7e59af5d: 「8、属于行政查询事项」 read 0 0 - 0 0 4 6 (flagged 印有6个数值), and
    # 「1.本机关不掌握相关政府信息」 1 1 0 alone, its 总计 read 0: a false 错误 (T3-3, 总计0 vs 2)
    report, wrong, silent = read_against_truth(ZOO / "w3003-r0009-split-html-w3m.txt")
    assert t3_row(report, "denied_admin_query") == [0, None, None, None, None, 0, 0]
    assert t3_row(report, "unable_not_held") == [4, 1, 1, None, None, 0, 6]
    assert not [f for f in check(report) if f.severity == "error"]
    assert not [f for f in report.flags if f.cell.startswith("section3.unable") or f.cell.startswith("section3.denied")]
    assert silent == []
