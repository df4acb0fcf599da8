"""表三's header printed again where a site split the table (html2text starts each part as a new
Markdown table: the header row, its |---| rule, the header's other rows) is dropped as a repeated
header, the rule with it (tests/fixtures/zoo/README.md: w2508-r0023-split-html-html2text)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import T3_COLUMN_KEYS, read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_header_repeated_with_its_markdown_rule_is_no_row():
    # before: the rule broke the run of header lines, the repeated header's 「总计」 was taken for the
    # label of the row （七）总计, 「3.其他」 went unfound and 总计 read 21 values (17 cells wrong,
    # flagged); now both rows read as printed and only the planted misprint (科研机构 1 in
    # 「2.其他法律行政法规禁止公开」) fails its sums
    report, wrong, silent = read_against_truth(ZOO / "w2508-r0023-split-html-html2text.md")
    assert [report.value(f"section3.other_other.{c}") for c in T3_COLUMN_KEYS] == [0, 1, 0, 0, 0, 0, 1]
    assert [report.value(f"section3.total.{c}") for c in T3_COLUMN_KEYS] == [6, 3, 0, 0, 0, 0, 9]
    assert not any(f.cell in ("section3.other_other", "section3.total") for f in report.flags)
    assert wrong == [] and silent == []
