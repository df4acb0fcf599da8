"""docx2txt's glued tables (cells glued into runs): a typo while other rows' cuts are still open
(core/parse/glued_typo.py), and where a run ends; from committed zoo outputs
(tests/fixtures/converters)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def _row(report, key):
    return [report.value(f"section3.{key}.{c}") for c in T3_COLUMNS]


def test_a_typo_row_is_read_with_the_one_cut_of_the_open_row_that_lets_the_sums_place_it():
    # 「1.本机关不掌握相关政府信息」 prints "5115-2--8": 51 15 - 2 - - 8, its 总计 a dropped digit of
    # 68, so no cut adds up; 「4.无正当理由大量反复申请」 "113----14" adds up as 11 3 or 1 13. Only
    # 11 3 lets the column sums read the typo row with one wrong cell: both are read, and the
    # typo is found with its fix
    report = load_report(CONVERTERS / "zoo123-r0012.docx2txt.txt")
    assert _row(report, "unable_not_held") == [51, 15, None, 2, None, None, 8]
    assert _row(report, "not_processed_massive") == [11, 3, None, None, None, None, 14]
    fixes = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert fixes == {("section3.unable_not_held.total", 68)}


def test_a_typo_in_the_total_row_read_when_the_open_rows_agree_on_it():
    # 「（七）总计」 "217142150014391623089" prints 其他 916 for 1017; four rows still cut two ways
    # each. Every choice of their cuts that lets the column sums read the 总计 row reads it the
    # same, and agrees on 上年结转 and 结转下年度; the typo is found with its fix
    report = load_report(CONVERTERS / "zoo-r0038.docx2txt.txt")
    assert _row(report, "total") == [21714, 215, 0, 0, 143, 916, 23089]
    assert _row(report, "carried_over") == [1769, 13, 0, 0, 8, 29, 1819]
    fixes = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert fixes == {("section3.total.other", 1017)}


def test_a_placeholder_glued_before_the_next_heading_is_a_cell():
    # docx2txt, 表四 glued to section 五's heading: "…总计41无无5无无无无无无无无无无五、存在…": the last
    # 无 is 复议后起诉's 总计, not the start of a label ("无法提供", "无正当理由" are)
    report = load_report(CONVERTERS / "zoo-r0048.docx2txt.txt")
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [4, 1, None, None, 5]
    assert report.cells["section4.litigation_after_review.total"].state == "placeholder"
