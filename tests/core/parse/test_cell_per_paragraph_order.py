"""A table printed one cell a paragraph, its blank cells as empty lines (lynx of a web report whose
zeros print blank and whose 总计 column is left empty), read from a committed output of the quirks
zoo (truth beside it: tests/fixtures/zoo/README.md, section quirks12)."""
from __future__ import annotations

from pathlib import Path

from core.parse.line_orders import lines_reordered
from core.parse.tokens import EMPTY, NUM, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_cells_one_a_paragraph_keep_their_order_beside_blank_cells():
    # 「一、本年新收…」 prints 271 · 43 · (blank) · 7 · (blank)… one a paragraph, 总计 blank. Before:
    # the blank cells read from the empty lines shared a line, so the row looked wrapped and its
    # largest value was moved to 总计 (43 · – · 7 … 271): 42 表三 cells wrong in 14 rows, flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0045-lynx.txt")
    assert t3_row(report, "new") == [271, 43, None, 7, None, None, None]
    assert t3_row(report, "total") == [285, 46, None, 7, None, None, None]
    assert wrong == [] and silent == []


def test_a_row_wrapped_over_lines_still_ends_on_its_largest_value():
    # (a value a line, blank cells on one empty line: the cells' own order; two values on a line: wrapped)
    def num(text: str, line: int) -> Token:
        return Token(NUM, text, 0, len(text), line, int(text))
    blank = Token(EMPTY, "", 0, 0, 3)
    one_a_line = [num("271", 0), num("43", 1), blank, num("7", 2), blank, blank, blank]
    assert [t.text for t in lines_reordered(one_a_line)] == ["271", "43", "", "7", "", "", ""]
    wrapped = [num("50", 0), num("3", 1), num("4", 1), num("1", 1), num("2", 1), num("1", 1), num("40", 1)]
    assert [t.text for t in lines_reordered(wrapped)] == ["3", "4", "1", "2", "1", "40", "50"]
