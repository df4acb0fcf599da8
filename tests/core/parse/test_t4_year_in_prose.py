"""表四 read from plain pdftotext whose section 五 heading prints elsewhere, so that the prose after
the table begins with a year on a line of its own: 「2020 年，我单位政府信息公开工作…」. That year
is not a cell (a committed output of the PDF zoo of seed 917: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.parse.t4 import _is_year
from core.parse.tokens import NUM, TEXT, Token
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_year_beginning_the_prose_after_table_four_is_not_a_cell():
    # 表四 prints its zeros 0 (six of them printed, the others lost), then 「2020 年，我单位…」:
    # before, 2020 was read as 未经复议直接起诉·结果纠正 (wrong, flagged, 存疑 T4-2)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0031-pdftotext-gbk.txt")
    assert not [w for w in wrong if w.startswith("section4")] and silent == []
    assert report.value("section4.litigation_direct.corrected") == 0
    assert not [f for f in check(report) if any(c.startswith("section4") for c in f.cells)
                and f.severity in (ERROR, "doubt")]


def test_is_year_needs_four_digits_and_nian_right_after_on_its_line():
    def num(text: str, line: int = 0) -> Token:
        return Token(NUM, text, 0, len(text), line, int(text))

    def words(text: str, line: int = 0) -> Token:
        return Token(TEXT, text, 10, 10 + len(text), line)

    assert _is_year(num("2020"), [words("年，我单位政府信息公开工作取得了一定成效")])
    assert not _is_year(num("2020"), [words("年", line=1)])  # (the next line's)
    assert not _is_year(num("12"), [words("年")])
    assert not _is_year(num("2020"), [words("件")])
    assert not _is_year(num("2020"), [])
