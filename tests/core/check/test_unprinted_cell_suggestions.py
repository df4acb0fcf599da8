"""No correction is offered for a count the sums miss in a cell its row printed nothing in.

Plain pdftotext prints a table with blank zeros as each row's counts alone: a row of 7 columns
printing 「27 28」 leaves five cells that printed nothing, and no trace of which. A count the sums
then find missing from such a row is one the reading did not place (pdftotext printed it in the
header, or under another row), not a misprint: the report printed nothing in the cell to correct.
Only the column sums, through rows read as loosely, would pick the column, and they picked the
wrong one. The finding stays 存疑, naming the row's doubt; no value is offered.
(Truth beside each file: tests/fixtures/zoo/README.md.)
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import DOUBT, ERROR, check
from tests.core.truth import read_against_truth, suggested_fixes

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_count_the_header_swallowed_is_not_offered_to_another_column_of_a_right_report():
    # q2301 r0006 (consistent): 「一、本年新收…」 prints 27 … 28, its 法律服务机构 1 printed among the
    # header's words. The sums found 1 missing and offered it under 商业企业 (a 存疑 finding with
    # 「采用建议值」 1 in a cell the report leaves blank) at 32773f31
    report, wrong, silent = read_against_truth(ZOO / "q2301-r0006-pdftotext-gbk.txt")
    assert "section3.new" in {f.cell for f in report.flags}
    assert report.value("section3.new.natural") == 27 and report.value("section3.new.total") == 28
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert any("section3.new.commercial" in f.cells for f in findings)  # (the failing sums still show)
    assert suggested_fixes(findings) == set()
    assert not [f for f in findings if f.severity == ERROR]
    assert silent == []


def test_a_total_row_printing_one_count_gets_no_value_offered_for_a_cell_it_left_blank():
    # q3006 r0030 (consistent, 2019): 「（七）总计」 prints 2 alone, read as its 总计; 自然人 2 offered at 32773f31
    report, _, silent = read_against_truth(ZOO / "q3006-r0030-pdftotext-utf-8.txt")
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert suggested_fixes(findings) == set()
    assert silent == []


def test_a_row_printing_zeros_whose_places_are_unknown_keeps_the_suggestion():
    # p2702 r0003 (pdfplumber, 2019): 「（六）其他处理」 prints 1 0 - 0, its 总计 planted 0 for 1. The row
    # printed 0s and a placeholder that left their columns unknown: the 总计 may be one of them,
    # misprinted, and the sums' 1 is still offered for it
    report, _, _ = read_against_truth(ZOO / "p2702-r0003-pdfplumber.txt")
    assert suggested_fixes(check(report)) == {("section3.other_processing.total", 1)}
