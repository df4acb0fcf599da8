"""Counts glued to the end of a 表三 row's label (core/parse/label_glued.py): read as the row's
first cells only when one cut of the digits alone makes the row add up."""
from __future__ import annotations

from core.parse.label_glued import counts_glued_to_label
from core.parse.tokens import NA, NUM, Token

LABEL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def _row(glued: str, *printed: int | None) -> tuple[str, Token, list[Token]]:
    text = LABEL + glued + "".join(f" {'-' if v is None else v}" for v in printed)
    label = Token("text", LABEL + glued, 0, len(LABEL) + len(glued), 0)
    values, at = [], len(LABEL) + len(glued)
    for value in printed:
        at += 1
        mark = "-" if value is None else str(value)
        values.append(Token(NA if value is None else NUM, mark, at, at + len(mark), 0, value=value))
        at += len(mark)
    return text, label, values


def _read(glued: str, *printed: int | None) -> list[int] | None:
    text, label, values = _row(glued, *printed)
    cells = counts_glued_to_label(text, label, values, 7)
    return None if cells is None else [t.value for t in cells]


def test_the_one_cut_adding_up_is_read():
    assert _read("676", 135, 3, 5, 6, 0, 825) == [676]
    assert _read("20", 0, 0, 0, None, 2) == [2, 0]


def test_no_cut_or_several_adding_up_leave_the_row_as_it_was():
    assert _read("676", 135, 3, 5, 6, 0, 826) is None  # (a typo in the row: nothing read)
    assert _read("111", 0, 0, 0, 0, 12) is None  # 1|11 and 11|1 add up alike
    assert _read("05", 0, 0, 0, 0, 0, 5) is None  # (no count has a leading zero)
    assert _read("05", 0, 0, 0, 0, 5) == [0, 5]
    assert _read("", 135, 3, 5, 6, 0, 825) is None  # (nothing glued)
