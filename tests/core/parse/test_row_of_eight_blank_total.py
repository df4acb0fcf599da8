"""A 表三 row printing 8 cells, its last empty, in a table leaving its 总计 column blank (TEMPLATE.md:
"a 总计 column left empty", "rows printing 6 or 8 values"): 自然人, a 法人或其他组织 subtotal, its
five parts and the blank 总计. Placed by the sums of the rows above it alone, its subtotal was read
as 商业企业 and a part went a column off (科研机构 1), and the checks suggested 0 there on a report
that is right. Its second value, other than 0, the sum of the five after it, is the subtotal: left
out, the row is read in its columns (flagged), its 总计 blank as the table's column."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.subtotal_rows import prints_as_eight_blank_total
from core.parse.tokens import EMPTY, NUM, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row(*texts: str) -> list[Token]:
    return [Token(EMPTY, "", 0, 0, 0) if t == "" else Token(NUM, t, 0, 1, 0, value=int(t)) for t in texts]


def test_a_row_of_eight_under_a_blank_total_column_leaves_its_subtotal_out():
    # 「（二）部分公开…」 prints 「１ | １ | １ | ０ | ０ | ０ | ０ | 」 (the second １ the subtotal)
    report, wrong, silent = read_against_truth(ZOO / "w2303-r0035-cms-html-html2text.md")
    assert t3_row(report, "partial") == [1, 1, 0, 0, 0, 0, None]
    assert "section3.partial.research" not in wrong and silent == []
    assert [f for f in check(report) if f.suggestion] == []
    assert any(f.cell == "section3.partial" and "第二个数（１）等于其后五个数之和" in f.message for f in report.flags)


def test_what_reads_as_a_row_of_eight_with_a_blank_total():
    assert prints_as_eight_blank_total(_row("1", "1", "1", "0", "0", "0", "0", ""))
    assert prints_as_eight_blank_total(_row("5", "3", "1", "2", "0", "0", "0", ""))
    assert not prints_as_eight_blank_total(_row("5", "3", "1", "1", "0", "0", "0", ""))  # 3 is not 1 + 1
    assert not prints_as_eight_blank_total(_row("5", "0", "0", "0", "0", "0", "0", ""))  # a subtotal of 0: any 0
    assert not prints_as_eight_blank_total(_row("1", "1", "1", "0", "0", "0", "0", "2"))  # its 总计 printed
