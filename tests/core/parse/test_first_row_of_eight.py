"""表三's first row printing 8 values (a 法人或其他组织 subtotal after 自然人: TEMPLATE.md "rows printing 6
or 8 values"). A table's first rows may print after values of what precedes the table (表二's cells
that a reading order put below 表三's heading), so a first row a value too long was read without its
first value: 自然人 lost, the subtotal read as 自然人, a 存疑 and a suggestion on a report that is right.
A row whose 8 values add up as a row of 8 (the second the sum of the five after it, 总计 自然人 plus
it) and not as 7 is read without its subtotal, flagged saying so, and the subtotal is no cell: the
sum of the numbers 表三 prints leaves it out (an odd subtotal made it odd, a 存疑 of its own)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import SUBTOTAL_LEFT_OUT
from core.parse.subtotal_rows import prints_as_eight
from core.parse.tokens import NA, NUM, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row(*texts: str) -> list[Token]:
    return [Token(NA, t, 0, 1, 0) if t == "-" else Token(NUM, t, 0, 1, 0, value=int(t)) for t in texts]


def test_a_docx_whose_first_row_prints_a_subtotal_reads_as_its_report():
    # 「一、本年新收…」 prints 368 13 13 - - - - 381 (13 the subtotal of 商业企业's 13). Read as 7 after a
    # stray value: 自然人 13, and the checks suggested 368 for it on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0006-docx.docx")
    assert t3_row(report, "new") == [368, 13, None, None, None, None, 381]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.suggestion or f.rule == "T3-3"] == []  # (no odd sum either)
    flag, = [f for f in report.flags if f.cell == "section3.new"]
    assert "第二个数（13）等于其后五个数之和" in flag.message and SUBTOTAL_LEFT_OUT in flag.causes


def test_a_first_row_of_eight_with_a_subtotal_of_0():
    # lynx, a cell a paragraph: 4 0 0 0 0 0 0 4. Read as 7 after a stray value: 自然人 0, 总计 4
    report, wrong, silent = read_against_truth(ZOO / "pq2304-r0024-lynx.txt")
    assert t3_row(report, "new") == [4, 0, 0, 0, 0, 0, 4]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.suggestion] == []


def test_what_adds_up_as_a_row_of_eight():
    assert prints_as_eight(_row("368", "13", "13", "-", "-", "-", "-", "381"))
    assert prints_as_eight(_row("4", "0", "0", "0", "0", "0", "0", "4"))
    assert not prints_as_eight(_row("368", "13", "13", "-", "-", "-", "-", "380"))  # 总计 not 自然人 + subtotal
    assert not prints_as_eight(_row("368", "12", "13", "-", "-", "-", "-", "380"))  # subtotal not the parts' sum
    # adding up as 7 after a stray value (3 + 3 = 6), or before one (5 = 5): which, the row cannot tell
    assert not prints_as_eight(_row("3", "3", "3", "0", "0", "0", "0", "6"))
    assert not prints_as_eight(_row("0", "5", "0", "0", "0", "0", "5", "5"))
    assert not prints_as_eight(_row("0", "0", "0", "0", "0", "0", "0", "0"))
    assert not prints_as_eight(_row("368", "13", "13", "-", "-", "-", "-"))
