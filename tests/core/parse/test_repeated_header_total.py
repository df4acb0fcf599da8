"""A web page's 表三 split in parts (a table a printed page), each repeating the header: w3m draws
each part in boxes of its own width, so a later part's header may wrap its names (「自然」 over 「人」)
and read its first line of names as one run, 「二项之和，等于第三项加第四项之和）自然总计」. Its
「总计」 is the header's column, not 「（七）总计」's label: taken for that label (five rows on, within
the rows a label may skip), the rows printed after it were lost and （七）总计 read their 35 values.
Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_the_total_named_by_a_repeated_header_is_not_the_total_rows_label():
    # on 905a595b: 「5.要求行政机关确认…」, 「1.申请人无正当理由…」 and 「2.申请人逾期未按收费…」 not
    # found, （七）总计 read 5 … 5 (the first row's values) and flagged 印有35个数值; the planted
    # typo (「1.本机关不掌握相关政府信息」's 总计 151 for 147 + 3) was found but not placed
    report, wrong, silent = read_against_truth(ZOO / "w2908-r0004-split-html-w3m.txt")
    assert t3_row(report, "not_processed_confirm") == [5, None, None, None, None, None, 5]
    assert t3_row(report, "other_no_fee") == [9, None, None, None, None, None, 9]
    assert t3_row(report, "total") == [830, 18, None, None, None, None, 848]
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert suggested_fixes(check(report)) == {("section3.unable_not_held.total", 150)}
    assert silent == [] and wrong == []
