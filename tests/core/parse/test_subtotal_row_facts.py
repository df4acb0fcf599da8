"""The template's fact about 表三 rows printing 8 values (core/parse/subtotal_rows.py), asked directly:
自然人, a 法人或其他组织 subtotal, its five parts, 总计 — the subtotal the sum of the parts, 总计 自然人
plus the subtotal, the template storing the row without the subtotal. Values checked by hand."""
from __future__ import annotations

from core.parse.glued_tables import _MAX_READINGS, _cut_parts
from core.parse.subtotal_rows import (adds_up_as_eight, glued_cut, glued_readings, implied_total, may_be_clipped,
                                      may_have_lost_a_blank, printed_subtotal, without_subtotal, zero_only_with_subtotal,
                                      zero_subtotal_row)
from core.parse.tokens import EMPTY, NA, NUM, Token


def _row(*cells) -> list[Token]:
    """A row's tokens: numbers, "-" for a placeholder, "" for a blank cell."""
    out = []
    for n, cell in enumerate(cells):
        if cell == "":
            out.append(Token(EMPTY, "", n * 4, n * 4, 0))
        elif cell == "-":
            out.append(Token(NA, "-", n * 4, n * 4 + 1, 0))
        else:
            out.append(Token(NUM, str(cell), n * 4, n * 4 + len(str(cell)), 0, cell))
    return out


def test_a_row_of_8_adds_up_when_the_subtotal_is_its_parts_and_the_total_natural_plus_subtotal():
    # 3 | 6 | 1 2 3 0 0 | 9: 6 = 1 + 2 + 3 + 0 + 0 and 9 = 3 + 6
    assert adds_up_as_eight(3, 6, 1 + 2 + 3 + 0 + 0, 9)
    assert implied_total(3, 6) == 9
    assert not adds_up_as_eight(3, 6, 1 + 2 + 3 + 0 + 0, 10)  # (总计 misprinted)
    assert not adds_up_as_eight(3, 6, 1 + 2 + 3 + 0 + 1, 9)  # (a part misprinted)


def test_a_row_of_8_is_stored_without_its_subtotal():
    assert without_subtotal([3, 6, 1, 2, 3, 0, 0, 9]) == [3, 1, 2, 3, 0, 0, 9]
    assert without_subtotal((3, 6, 1, 2, 3, 0, 0, 9)) == (3, 1, 2, 3, 0, 0, 9)  # (a tuple stays one)


def test_the_columns_zero_only_when_read_as_8():
    # a w3m box reads 0 | - | 0 | - | 0 | - | - | (blank) as 7 cells and a stray one: 0s under 自然人,
    # 科研机构 and 法律服务机构; read as 8 (the second cell the subtotal), under 自然人, 商业企业 and 社会公益组织
    zero = [True, False, True, False, True, False, False, False]
    assert zero_only_with_subtotal(zero[:-1], zero) == [1, 3]


def test_a_subtotal_printed_without_its_unit_is_cut_from_the_count_glued_after_it():
    # 531件389385件004件0920件: 自然人 531, then 389385, 0, 0, 4, 0 and 总计 920; cut 389 | 385 the row
    # adds up as 8: 389 = 385 + 0 + 0 + 4 + 0, 920 = 531 + 389
    assert glued_cut("389385", 531, 0 + 0 + 4 + 0, 920) == 3
    assert glued_cut("389385", 531, 0 + 0 + 5 + 0, 920) is None  # (no cut adds up: a misprint, read as printed)


def test_a_glued_run_adding_up_only_as_8_reads_so():
    # docx2txt glues 3 | 6 | 1 | 2 | 3 | 0 | 0 | 9 into one run: the one reading is 3, 6, 1, 2, 3, 0, 0, 9
    readings = glued_readings(["36123009"], 5, True, _cut_parts, _MAX_READINGS)
    assert [tuple(value for value, _ in reading) for reading in readings] == [(3, 6, 1, 2, 3, 0, 0, 9)]
    assert [value for value, _ in without_subtotal(readings[0])] == [3, 1, 2, 3, 0, 0, 9]
    assert printed_subtotal(readings[0], [("36123009", 0, 8)]) == "6"
    # cells printed apart, the same; a placeholder subtotal counts 0 and says so
    apart = glued_readings(["3", "6", "1", "2", "3", "0", "0", "9"], 5, True, _cut_parts, _MAX_READINGS)
    assert [tuple(value for value, _ in reading) for reading in apart] == [(3, 6, 1, 2, 3, 0, 0, 9)]
    # (3 | - | - - - - - under a 总计 column left blank: no 总计 to weigh, the parts' sum 0)
    cells = [("3", 0, 1), ("-", 2, 3), ("-", 4, 5), ("-", 6, 7), ("-", 8, 9), ("-", 10, 11), ("-", 12, 13)]
    zeros = glued_readings([c[0] for c in cells], 5, False, _cut_parts, _MAX_READINGS)
    assert zeros and printed_subtotal(zeros[0], cells) == "-，按0计"


def test_a_row_of_7_whose_total_was_cut_off():
    # 24 | 6 | 3 3 0 0 0 (30 cut off): the second value is the sum of the five after it, the row fails its sum
    assert may_be_clipped(_row(24, 6, 3, 3, 0, 0, 0))
    assert not may_be_clipped(_row(24, 3, 3, 0, 0, 0, 30))  # (adds up as printed)
    assert not may_be_clipped(_row(24, 6, 3, 3, 0, 0, 1))  # (6 is not 3 + 3 + 0 + 0 + 1)


def test_a_row_of_7_whose_blank_part_left_no_trace():
    # 9 | 6 | 3 3 0 0 | 15 (a blank part gone): 6 = 3 + 3 + 0 + 0, 15 = 9 + 6, and read as 7 it fails its sum
    assert may_have_lost_a_blank(_row(9, 6, 3, 3, 0, 0, 15))
    assert not may_have_lost_a_blank(_row(9, 3, 3, 0, 0, "-", 15))  # (9 + 3 is no 15)
    assert not may_have_lost_a_blank(_row(9, 6, 3, 3, 0, "", 15))  # (a blank printed: none was lost)


def test_a_row_of_7_with_a_zero_subtotal_may_be_a_row_of_8_that_lost_a_blank_part():
    # 3 | - | - 0 0 - | 3: a subtotal of 0 (a placeholder), its parts 0s and placeholders, 总计 自然人's
    assert zero_subtotal_row(_row(3, "-", "-", 0, 0, "-", 3))
    assert not zero_subtotal_row(_row(3, "-", "-", 0, 0, "-", 4))  # (总计 is not 自然人's)
    assert not zero_subtotal_row(_row(3, 1, "-", 0, 0, 1, 4))  # (a subtotal of 1: the sums weigh it)
    assert not zero_subtotal_row(_row(3, "-", "-", 0, "", "-", 3))  # (a blank printed: none lost)
