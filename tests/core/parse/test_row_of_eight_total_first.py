"""表三 rows printing 8 values (a 法人或其他组织 subtotal after 自然人: TEMPLATE.md "rows printing 6
or 8 values") whose label wraps in a PDF: pdfplumber prints the row's 总计 on the label's first line
and the other seven on a later one. Taken in printed order, the 总计 read as 自然人 and every value
moved a column; taken with the 总计's line last, the row adds up as a row of 8 (the subtotal the sum
of the five after it, 总计 自然人 plus the subtotal), which is how it is read (flagged: 8 values)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_eight_whose_total_prints_first_is_read_with_its_total_last():
    # 「（二）部分公开」 prints 「（二）部 24」 then 「20 4 4 无 无 无 无」 (4 the subtotal). Read in printed
    # order: 科研机构 4 and 总计 blank (2 wrong cells, a 存疑 on a consistent report)
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0010-pdfplumber.txt")
    assert t3_row(report, "partial") == [20, 4, None, None, None, None, 24]
    assert any(f.cell == "section3.partial" and "8个数值" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_the_planted_typo_is_still_named_beside_such_a_row():
    # 「（二）部 1」 then 「无 1 1 无 无 无 无」; 「一、本年新收…」 prints 总计 12 for 11 (the planted typo).
    # Read in printed order, 科研机构's and 总计's columns also failed through the row (存疑)
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0020-pdfplumber.txt")
    assert t3_row(report, "partial") == [None, 1, None, None, None, None, 1]
    findings = check(report)
    assert suggested_fixes([f for f in findings if f.severity == ERROR]) == {("section3.new.total", 11)}
    assert not any("section3.partial.research" in f.cells for f in findings)
    assert wrong == [] and silent == []


def test_a_row_printing_a_value_a_line_keeps_its_order():
    # w2308 r0030 (lynx's text of a Word web page, each cell a line): 「8.属于行政查询事项」 prints 2个 0 0 0 0 0
    # 2个, then the label 「（四）无法提供」 printed down its column, a letter a line, its 「无」 taken for an
    # eighth value. With 「无」's line taken before the last 2个 the row added up as a row of 8 (2, a subtotal
    # 0, …, 无, 2), and 总计 went blank; one value a line is the cells' own order: 总计 2 as printed
    report, wrong, silent = read_against_truth(ZOO / "w2308-r0030-word-html-lynx.txt")
    assert t3_row(report, "denied_admin_query") == [2, 0, 0, 0, 0, 0, 2]
    assert "section3.denied_admin_query.total" not in wrong and silent == []
