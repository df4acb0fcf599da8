"""A 表三 row of 8 cells (a 法人或其他组织 subtotal after 自然人, TEMPLATE.md) whose 自然人 is blank:
html2text prints 「二、上年结转…|  | ２| ０| —| １| １|   」 and 「| ２」 (w2803 r0019
cms-html-html2text, a consistent 2019 report). Its empty first cell is its 自然人, not a split label
cell: as 8 the row adds up (2 = 0 + 0 + 1 + 1, 总计 2 = 0 + 2), as the 7 after it not. From a
committed output of the converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.subtotal_rows import prints_as_eight
from core.parse.tokens import EMPTY, NA, NUM, Token
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "w2803-r0019-cms-html-html2text.md"


def test_a_row_of_eight_with_its_natural_blank_keeps_its_first_cell():
    # before: the empty first cell dropped, the subtotal 2 read as 自然人: T3-1 and T3-3 错误
    # suggesting 自然人 0 on a consistent report
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "carried_over") == [None, 0, None, 1, 1, None, 2]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    findings = check(report)
    assert not [f for f in findings if f.severity == ERROR]
    assert not [f for f in findings if f.suggestion]


def _row(texts: list[str]) -> list[Token]:
    kinds = {"": EMPTY, "—": NA}
    return [Token(kinds.get(t, NUM), t, i, i + 1, 0, None if t in kinds else int(t)) for i, t in enumerate(texts)]


def test_an_empty_cell_counts_0_in_a_row_of_eight_but_never_as_its_subtotal_or_total():
    assert prints_as_eight(_row(["", "2", "0", "—", "1", "1", "", "2"]))
    # a blank second cell is no subtotal: 5, then five 0s and 5 is a row of 7 and a stray cell
    assert not prints_as_eight(_row(["5", "", "0", "0", "0", "0", "0", "5"]))


def test_a_boxed_row_of_eight_fills_the_column_drawn_after_its_total():
    # the same report through w3m: every row drawn as wide as the row of 8, an empty column after
    # 总计 (「│ │２│０│—│１│１│ │２│」); before, the 2 in that column left the row to the positions,
    # which read 自然人 2: T3-1/T3-3 存疑 suggesting 自然人 0 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "w2803-r0019-word-html-w3m.txt")
    assert _t3_row(report, "carried_over") == [None, 0, None, 1, 1, None, 2]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    assert not [f for f in check(report) if f.suggestion]
