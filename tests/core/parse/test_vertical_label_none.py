"""A vertical label printed a character a line by a text browser (「（」「四」「）」「无」「法」「提」「供」,
lynx of a Word web page): its 「无」 is a letter of 无法提供, not a cell printing "none" (w2203 r0033
word-html-lynx, a consistent 2019 report). From a committed output of the converter zoo (truth
beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.tokens import NA, TEXT, tokenize
from core.readers.document import Cell, Line
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "w2203-r0033-word-html-lynx.txt"


def test_the_none_of_a_vertical_label_is_no_value_of_the_row_above():
    # before: 「8.属于行政查询事项」 read 7 2 / 0 9 无 (six values): 9 put under 法律服务机构, its 总计
    # inferred, and T3-2/T3-3 findings suggesting 法律服务机构 0 on a consistent report
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "denied_admin_query") == [7, 2, None, None, None, 0, 9]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    assert not [f for f in check(report) if f.suggestion]


def _lines(texts: list[str]) -> list[Line]:
    lines, at = [], 0
    for text in texts:
        lines.append(Line([Cell(text, at, at + len(text))]))
        at += len(text) + 1
    return lines


def test_none_between_single_letters_is_text_and_none_alone_a_placeholder():
    kinds = [t.kind for t in tokenize(_lines(["（", "四", "）", "无", "法", "提", "供"]))]
    assert kinds == [TEXT] * 7
    # a 「无」 cell after a number and before a label's letter stays the row's "none"
    kinds = [t.kind for t in tokenize(_lines(["7", "无", "法"]))]
    assert kinds[1] == NA
    # between the 「?」 a GBK text prints for a blank cell it is a cell too (q2601 r0002 lo-web-txt)
    kinds = [t.kind for t in tokenize(_lines(["?", "无", "?"]))]
    assert kinds[1] == NA
