"""表四 as plain pdftotext prints it, one cell a line: a group's results, then the next group's
heading with the 总计 head, then the group's total; the last group's 总计 block printed after
section 五's heading (core/parse/t4_total_heads.py). On main 17ed4d6f:

- dev r0029 (blank cells): 「审结 7 未经复议直接起诉 总计 7 … 13 复议后起诉 总计 13 … 3 4 五、…」 and
  「总计 7」 after section 六's last line: the ten values read by the group sums in print order
  (9 cells wrong: 行政复议's 总计 read 3, 复议后起诉's 0, flagged);
- p2202 r0037 (zeros): the last 「总计 0」 after the last page's number 「4」: 复议后起诉's 总计 unread;
- p2202 r0009 (0, 「－」 and blanks): right by the zeros the sums read, kept so.
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.t4_total_heads import RESULTS_UNPLACED, TOTAL_APART
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
GROUPS = ("review", "litigation_direct", "litigation_after_review")


def _group(report, key: str) -> list:
    return [report.value(f"section4.{key}.{column}") for column in ("maintained", "corrected", "other", "pending", "total")]


def test_each_group_ends_at_its_total_head_and_the_last_total_printed_after_section_six_is_put_back():
    report, wrong, silent = read_against_truth(ZOO / "dev-r0029-pdftotext-utf-8.txt")
    assert [report.value(f"section4.{key}.total") for key in GROUPS] == [7, 13, 7]
    assert _group(report, "review") == [7, 0, 0, 0, 7]
    # 「3 4」: two of 复议后起诉's four results; which columns are blank the text does not say
    assert _group(report, "litigation_after_review") == [3, 4, 0, 0, 7]
    flagged = {f.cell: f.message for f in report.flags}
    assert flagged["section4.litigation_after_review"] == RESULTS_UNPLACED.format("复议后起诉", 2, 2)
    # (the truth: 3 结果维持, 4 其他结果; read 3 and 4 from the left, both cells flagged)
    assert [c for c in wrong if c.startswith("section4")] == ["section4.litigation_after_review.corrected",
                                                              "section4.litigation_after_review.other"]
    assert silent == []


def test_the_last_total_after_the_last_pages_number_is_read():
    report, wrong, silent = read_against_truth(ZOO / "p2202-r0037-pdftotext-utf-8.txt")
    assert _group(report, "litigation_after_review") == [0, 0, 0, 0, 0]
    assert report.cells["section4.litigation_after_review.total"].state == "number"
    assert not [c for c in wrong if c.startswith("section4")]
    assert silent == []


def test_groups_printing_only_zeros_and_placeholders_read_zero_in_every_result():
    # 「－ －」 总计 0, 「0」 总计 「－」, 「－ 0」 and the last 总计 「－」 at the end: which results print 0
    # and which are blank is unknown, every result counts 0 alike
    report, wrong, silent = read_against_truth(ZOO / "p2202-r0009-pdftotext-utf-8.txt")
    assert [_group(report, key)[:4] for key in GROUPS] == [[0, 0, 0, 0]] * 3
    assert report.value("section4.review.total") == 0
    assert not [c for c in wrong if c.startswith("section4")]
    assert silent == []


def test_a_total_printed_under_the_next_groups_header_words_is_read_where_it_is_the_results_sum():
    # pages712 r0036 (blank cells): 「审结 3 未经复议直接起诉 总计 结果 … 审结 3 复议后起诉 总计 … 3 第3页
    # 总计 3」: 行政复议's total 3 printed after the next group's header words, 未经复议直接起诉 blank.
    # On main 17ed4d6f: 行政复议 and 未经复议直接起诉 each read 3 … 总计 3, 复议后起诉 blank (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages712-r0036-pdftotext-utf-8.txt")
    assert [report.value(f"section4.{key}.total") for key in GROUPS] == [3, None, 3]
    assert _group(report, "litigation_direct") == [None] * 5
    flagged = {f.cell: f.message for f in report.flags}
    assert flagged["section4.review.total"] == TOTAL_APART.format("行政复议")
    assert silent == []
