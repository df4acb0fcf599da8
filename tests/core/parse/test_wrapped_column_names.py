"""表二 column names wrapped in their cells (w3m draws WPS's HTML table: 「本年制发」 over 「件数」,
「现行有效」 over 「件数」) still place a row's lone values under them (tests/fixtures/zoo/README.md:
w1402-r0006-wps-html-w3m)."""
from __future__ import annotations

from pathlib import Path

from core.parse.columns import header_extents
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"

HEADER = ("信息内容" + " " * 11 + "本年制发  本年废止件数      现行有效\n"
          + " " * 15 + "件数" + " " * 16 + "件数\n"
          + "规章" + " " * 21 + "1" + " " * 17 + "0\n")
NAMES = ["本年制发件数", "本年废止件数", "现行有效件数"]


def test_a_name_wrapped_under_its_own_start_is_found_by_its_first_part():
    before = HEADER.index("规章")
    # by characters: 「本年制发」 at 15, 「本年废止件数」 at 21, 「现行有效」 at 33
    assert header_extents(HEADER, before, NAMES, wide=False) == [(15, 18), (21, 26), (33, 36)]


def test_a_name_whose_rest_is_not_under_its_start_is_not_found():
    shifted = HEADER.replace(" " * 15 + "件数", " " * 16 + "件数", 1)
    assert header_extents(shifted, shifted.index("规章"), NAMES, wide=False) is None


def test_a_short_row_is_placed_under_wrapped_names():
    # before: no line printed all three names whole, the row's 1 and 0 read as its first two
    # cells (本年制发件数 1, 本年废止件数 0, flagged)
    report, wrong, silent = read_against_truth(ZOO / "w1402-r0006-wps-html-w3m.txt")
    assert [report.value(f"section2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [None, 1, 0]
    assert not any(cell.startswith("section2") for cell in wrong) and silent == []
