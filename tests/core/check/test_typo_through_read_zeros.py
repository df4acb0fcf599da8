"""Planted typos the sums pin to one cell, where a reading of the table left cells the repair
could bend: a row of 0s read as 0 whichever way its cells are placed, and a 总计 column the rows
left out (read as 0 beside their counts)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, ZEROS_ANY_READING
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_zeros_read_either_way_does_not_take_a_count_for_the_repair():
    """html2text's Markdown of a web page (zoo q2401, r0015), 表三's 总计 column empty; 商业企业
    of 一、本年新收 printed 2 for 1 (「| 4| 2| 0| -| -| 0|」; 一+二 = 2, （七）总计+四 = 1). The row
    「4、无正当理由大量反复申请」 prints a cell more than the header, every one 0, a placeholder or
    blank (「| 0|  | 0| 0| 0| -|  |」): whichever cell is the extra one, each of its cells is 0,
    and it is read so (flagged). A repair of （七）总计×商业企业 to 2 would need a count of 1 in
    that row's 商业企业, which it does not print; so only 一、本年新收×商业企业 = 1 mends the
    column's sum. Before: both were offered (「仅凭表内数字无法确定…」), no value suggested."""
    report, wrong, silent = read_against_truth(ZOO / "q2401-r0015-html2text.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "not_processed_massive")[:5] == [0, 0, 0, 0, 0]
    assert any(f.cell == "section3.not_processed_massive" and ZEROS_ANY_READING in f.causes for f in report.flags)
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.new.commercial", 1)}
    assert [f.rule for f in findings if f.severity == ERROR] == ["T3-1"]


def test_a_total_column_every_row_left_out_is_unfilled_not_zero():
    """catdoc's text of a Word report (zoo q2201, r0047) whose 表三 leaves 总计 empty: each row
    prints six values and nothing after (「一、本年新收… 12 2 / / / /」), so the parser reads its
    总计 as a cell not printed, 0. The column is unfilled as surely as one printed blank: the
    sums through it are unknown (one warning), not 0 against each row's counts (seven T3-3 存疑,
    and 「正文称收到申请23件，表三一、本年新收为0件」). 自然人 of 一、本年新收 printed 12 for 21 (the
    prose: 23 applications, 21 + 2): its column's sum (12 + 0 against 19 + 2) is then the only
    one failing, and 21 is suggested, as on the report's other converters' outputs."""
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0047-catdoc.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new")[:6] == [12, 2, None, None, None, None]
    findings = check(report)
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1
    assert [f.rule for f in findings if f.rule.startswith("T3") and f is not warned[0]] == ["T3-1"]
    assert suggested_fixes(findings) == {("section3.new.natural", 21)}
    assert not [f for f in findings if f.rule == "N-1"]
