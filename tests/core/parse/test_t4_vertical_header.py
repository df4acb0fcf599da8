"""表四 in pdftotext -layout with its column names printed a character a line (core/parse/t4.py,
_vertical_header_names).

p4003 r0011 (2019 template, zeros blank): the narrow cells print 「结/果/维/持」, 「总/计」 … down their columns and
the one value line 「12   12   12   3   15」 leaves its blank cells as gaps. No line names the columns across, so on
main 9ca91b5c the five values went in order to the first groups that add up: 复议后起诉's 12 3 15 read as
未经复议直接起诉's (six cells wrong, flagged). Read down the columns, the names place the values near their
columns (12 under 行政复议's 结果维持, 12 3 15 under 复议后起诉's 结果维持, 其他结果, 总计); pdftotext spaces such a
header otherwise than the value line, so the placing stays 存疑. Fixture: tests/fixtures/zoo/README.md.
"""
from __future__ import annotations

from pathlib import Path

from core.model import PLACED_BY_POSITION
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _group(report, group: str) -> list:
    return [report.value(f"section4.{group}.{c}") for c in ("maintained", "corrected", "other", "pending", "total")]


def test_the_values_go_to_the_columns_named_down_the_header():
    report, wrong, silent = read_against_truth(ZOO / "p4003-r0011-pdftotext-layout-gbk.txt")
    assert _group(report, "review") == [12, None, None, None, 12]
    assert _group(report, "litigation_direct") == [None] * 5
    assert _group(report, "litigation_after_review") == [12, None, 3, None, 15]
    assert [w for w in wrong if w.startswith("section4")] == []
    assert silent == []


def test_a_placing_by_a_header_read_down_its_columns_stays_in_doubt():
    report, _, _ = read_against_truth(ZOO / "p4003-r0011-pdftotext-layout-gbk.txt")
    flags = [f for f in report.flags if f.cell == "section4"]
    assert any(PLACED_BY_POSITION in f.causes and f.kind == "inferred" for f in flags)


def test_a_line_of_zeros_and_placeholders_is_not_placed_by_a_header_read_down_its_columns():
    # pq3904 r0020: 「0  0  -  -  -  0  0  0  -  0  -」 under the same kind of header. Any columns add up,
    # and the header's spacing is not the values' (行政复议's 总计 0 lies under 尚未审结): read as 0 throughout
    report, wrong, silent = read_against_truth(ZOO / "pq3904-r0020-pdftotext-layout-gbk.txt")
    assert _group(report, "review") == [0] * 5
    assert [w for w in wrong if w.startswith("section4")] == []
    assert not any(PLACED_BY_POSITION in f.causes for f in report.flags if f.cell == "section4")
