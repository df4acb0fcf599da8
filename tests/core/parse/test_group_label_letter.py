"""A letter of a 表三 group label printed down the column left of the row labels, in a table drawn
without a box (WPS's HTML export read by w3m), is label text, not a value of the row whose label
goes on beside it (tests/fixtures/zoo/README.md: w1304-r0007-wps-html-w3m)."""
from __future__ import annotations

from pathlib import Path

from core.parse.ruled import in_label_column
from core.parse.tokens import NA, NUM, TEXT, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"

# the two lines of 「2.没有现成信息需要另行制作」 as w3m draws them, the 无 of 「（四）无法提供」 before
# the label's second line
TEXT_LINES = ("           ）         2.没有现成\n"
              "           无         信息需要另 1          —          0\n")


def _token(kind: str, piece: str, line: int, occurrence: int = 0) -> Token:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT_LINES.index(piece, start + 1)
    return Token(kind, piece, start, start + len(piece), line)


def test_the_letter_left_of_the_label_under_its_start_is_label_text():
    label = _token(TEXT, "）         2.没有现成", 0)
    letter, rest = _token(NA, "无", 1), _token(TEXT, "信息需要另", 1)
    assert in_label_column(TEXT_LINES, label, letter, rest)


def test_a_value_right_of_the_label_start_or_before_no_label_text_stays_a_value():
    label = _token(TEXT, "）         2.没有现成", 0)
    one = _token(NUM, "1", 1)
    assert not in_label_column(TEXT_LINES, label, one, _token(NA, "—", 1))
    assert not in_label_column(TEXT_LINES, label, _token(NA, "无", 1), _token(NUM, "1", 1))
    # text after it not under the label's start (a unit, a note): the value stays
    shifted = TEXT_LINES.replace("无         信息", "无  信息")
    label = Token(TEXT, "）         2.没有现成", 11, 11 + len("）         2.没有现成"), 0)
    letter_at = shifted.index("无")
    rest_at = shifted.index("信息需要另")
    assert not in_label_column(shifted, label, Token(NA, "无", letter_at, letter_at + 1, 1),
                               Token(TEXT, "信息需要另", rest_at, rest_at + 5, 1))


def test_the_row_under_a_group_label_letter_reads_its_own_values():
    # before: the 无 read as 「2.没有现成信息需要另行制作」's 自然人 cell, the row's values one column
    # right of where printed (three cells flagged)
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0007-wps-html-w3m.txt")
    assert t3_row(report, "unable_need_creation") == [1, None, 0, None, None, None, 1]
    assert wrong == [] and silent == []
