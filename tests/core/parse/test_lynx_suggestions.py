"""lynx's dumps of site pages whose reports are right, where a value was once suggested anyway:
a 总计 column left blank one row of which told its blank by an empty line, a count glued with a
placeholder to its row's label, and a row printing a 法人或其他组织 subtotal one cell a paragraph.
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.blank_traces import subtotal_of_wider_row, without_subtotal_trace
from core.parse.tokens import NUM, Token
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _suggestions(report) -> list:
    return [f.suggestion for f in check(report) if f.suggestion]


def test_a_blank_total_told_by_an_empty_line_in_a_column_left_blank_is_no_zero_to_mend():
    # w2303 r0040 (split-html-lynx, 总计 column left blank): every row prints 6 values, their 总计
    # inferred from the sums; 「3.要求提供公开出版物」's blank 总计 left an empty line more, read as a
    # blank cell: 0 beside 22 and 3, and 25 was suggested for it (the report is right) on main 905a595b
    report, wrong, silent = read_against_truth(ZOO / "w2303-r0040-split-html-lynx.txt")
    assert t3_row(report, "not_processed_publication") == [22, 3, 0, 0, 0, 0, None]
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    assert [f for f in findings if "是奇数" in f.message] == []  # (no row prints its 总计 twice over)
    assert any("「总计」未填写（整列空白）" in f.message for f in findings)
    assert [f for f in findings if f.severity == ERROR] == [] and silent == []


def test_a_count_and_a_placeholder_glued_to_the_label_are_cells_of_their_own():
    # w2803 r0012 (wps-html-lynx): 「…不计其他情形）1/ /  / /    / 1」: the 1 (自然人) and the first
    # 「/」 were read as the label's, the row placed by position with 自然人 blank, and 1 suggested
    # for it on main 905a595b
    report, wrong, silent = read_against_truth(ZOO / "w2803-r0012-wps-html-lynx.txt")
    assert t3_row(report, "partial") == [1, None, None, None, None, None, 1]
    assert _suggestions(report) == []
    assert [cell for cell in wrong if cell.startswith("section3")] == [] and silent == []


def test_a_row_one_cell_a_paragraph_whose_gaps_need_a_column_more_printed_a_subtotal():
    # w2808 r0024 (cms-html-lynx, rows of 8 and blank cells mixed): 「二、上年结转…」 prints an empty
    # line more (自然人 blank), 「2」, 「2个」, four empty lines more, 「2个」: 8 cells, the unitless 2 the
    # 法人或其他组织 subtotal. Read as 自然人 2 and 0 suggested for it on main 905a595b
    report, wrong, silent = read_against_truth(ZOO / "w2808-r0024-cms-html-lynx.txt")
    # (the blank cells the traces place are read as 0, inferred)
    assert t3_row(report, "carried_over") == [0, 2, 0, 0, 0, 0, 2]
    assert t3_row(report, "new") == [463, 79, 0, 0, 1, 0, 543]
    assert any(f.cell == "section3.carried_over" and "小计" in f.message for f in report.flags)
    assert _suggestions(report) == []
    assert [cell for cell in wrong if cell.startswith("section3")] == [] and silent == []


def _counts(*numbers: int) -> list[Token]:
    return [Token(NUM, str(n), 0, 1, line, value=n) for line, n in enumerate(numbers)]


def test_the_subtotal_is_the_one_value_the_sums_and_the_gaps_make_so():
    # blank 自然人, subtotal 2, 商业企业 2, four blank parts, 总计 2: 8 cells in a row of 7
    assert subtotal_of_wider_row(_counts(2, 2, 2), (1, 0, 4), 7) == 0
    # 自然人 5 printed, subtotal 3, 1 and 2 two parts, 总计 8
    assert subtotal_of_wider_row(_counts(5, 3, 1, 2, 8), (0, 0, 0, 3, 0), 7) == 1
    assert subtotal_of_wider_row(_counts(2, 2, 2), (1, 0, 3), 7) is None  # (fits 7 columns)
    assert subtotal_of_wider_row(_counts(3, 2, 2), (1, 0, 4), 7) is None  # (no value the sums make a subtotal)
    assert without_subtotal_trace((1, 0, 4), 0) == (1, 4)
    assert without_subtotal_trace((0, 0, 0, 3, 0), 1) == (0, 0, 3, 0)
