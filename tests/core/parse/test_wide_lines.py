"""表三 of plain pdftotext (no -layout) where wide numbers print two to a line ("1342 317",
"3104 106"): the cells next to them that pdftotext sets apart, read back into their rows
(core/parse/blocks.py, core/parse/head_flows.py), from committed outputs of the converter zoo
(truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_cells_set_apart_print_left_to_right_not_in_their_rows_order():
    # 「二、上年结转」, 「（二）部分公开」 and 「8.属于行政查询事项」 print six values each; their seventh
    # (the 0 under 科研机构 below 「5892 859」 and 196 under 商业企业 below 「1342 317」, wide values
    # printed two to a line; the 总计 82 beside a label over two lines) print after 「4.无正当理由大量
    # 反复申请」 as 196 0 82, by column, not by row. Read in their rows' order they fitted no row,
    # and five rows were left wrong
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0055-pdftotext-gbk.txt")
    assert _t3_row(report, "carried_over") == [0, 589, 0, 0, 0, 0, 589]
    assert _t3_row(report, "partial") == [65, 15, 2, 0, 0, 0, 82]
    assert _t3_row(report, "denied_admin_query") == [832, 196, 26, 0, 0, 12, 1066]
    assert _t3_row(report, "total") == [27451, 6481, 859, 0, 0, 371, 35162]
    assert _t3_row(report, "carried_forward") == [397, 0, 0, 0, 0, 41, 438]
    assert wrong == [] and silent == []
    # the planted typo (科研机构 of 「（一）予以公开」 prints 146, true 416) is named with its value
    suggested = suggested_fixes(check(report))
    assert ("section3.granted.research", 416) in suggested


def test_first_rows_printed_among_the_header_words_are_read_whole():
    # 「一、本年新收」 prints 35280 beside its label, 「二、上年结转」 3104 106, 「（一）予以公开」 19566;
    # their other cells print before every label, among the header's words: 0 0 0 39618 0 0 0 0
    # 3210 2413 0 0 0 0 21979 after 「社会 法律…」, then 4338 0 after 「商业 科研…」 (the columns
    # left of the first stretch). Each row adds up one way only; they were left unread
    report, _, silent = read_against_truth(ZOO / "band5301-r0012-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [35280, 4338, 0, 0, 0, 0, 39618]
    assert _t3_row(report, "carried_over") == [3104, 106, 0, 0, 0, 0, 3210]
    assert _t3_row(report, "granted") == [19566, 2413, 0, 0, 0, 0, 21979]
    assert silent == []
    flagged = {f.cell for f in report.flags if f.kind == "inferred"}
    assert {"section3.new", "section3.carried_over", "section3.granted"} <= flagged  # placed: to be checked



def test_first_rows_printed_among_the_header_words_give_the_sums_their_last_row():
    # as above: 0 0 585 27399 0 0 0 22 1468 2774 0 0 0 299 15140 after 「社会 法律…」, 5330 0 after
    # 「商业 科研…」, 21484, 1446 0 and 12067 beside the labels. Read whole, the column sums place
    # 「四、结转…」's 58 under 商业企业 (it was read under 科研机构) and nothing is left to infer
    report, wrong, silent = read_against_truth(ZOO.parent / "converters" / "zoo123-r0019.pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [21484, 5330, 0, 0, 0, 585, 27399]
    assert _t3_row(report, "carried_over") == [1446, 0, 0, 0, 0, 22, 1468]
    assert _t3_row(report, "granted") == [12067, 2774, 0, 0, 0, 299, 15140]
    assert _t3_row(report, "carried_forward") == [0, 58, 0, 0, 0, 44, 102]
    assert wrong == [] and silent == []


def test_a_misprinted_row_whose_total_prints_among_the_last_rows_is_read_with_them():
    # 「（二）部分公开」 prints 98 275 0 0 54 0 beside its label (natural a dropped digit: true 948)
    # and its 总计 1277 beside 「5.要求行政机关确认…」's 0 0, among the last rows; 「四、结转…」
    # prints 0 43 2513, then 2470 0 before its label and 0 0 after it. The row adds up with no
    # value, and the last rows read only with four cells late: the whole 不予处理…结转 run was left
    # unread (28 cells flagged)
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0006-pdftotext-gbk.txt")
    assert _t3_row(report, "partial") == [98, 275, 0, 0, 54, 0, 1277]
    assert _t3_row(report, "not_processed_massive") == [2010, 583, 0, 0, 116, 0, 2709]
    assert _t3_row(report, "other_no_fee") == [1245, 362, 0, 0, 71, 0, 1678]
    assert _t3_row(report, "total") == [24547, 7132, 0, 0, 1411, 0, 33090]
    assert _t3_row(report, "carried_forward") == [2470, 0, 0, 0, 43, 0, 2513]
    assert wrong == [] and silent == []
    # the misprint is named with the value the column sums give it
    suggested = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert ("section3.partial.natural", 948) in suggested


def test_a_first_row_whose_placeholder_prints_among_the_last_rows_is_read_one_cell_short():
    # 「二、上年结转」 prints 1279 无 beside its label and 无 无 无 1279 in the stretch among the
    # header's words: its fourth 无 prints after 「2.重复申请」, with 「（二）部分公开」's 总计 1164,
    # among the last rows' placeholders. The stretches lacked two cells, not one, and the first
    # rows were left unread, the whole table after them too (26 cells flagged)
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0054-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [22602, 4341, None, 798, None, None, 27741]
    assert _t3_row(report, "carried_over") == [1279, None, None, None, None, None, 1279]
    assert _t3_row(report, "granted") == [11740, 2143, None, 410, None, None, 14293]
    assert _t3_row(report, "partial") == [955, 176, None, 33, None, None, 1164]
    assert _t3_row(report, "not_processed_massive") == [554, 101, None, 19, None, None, 674]
    assert _t3_row(report, "total") == [21143, 3860, None, 735, None, None, 25738]
    assert _t3_row(report, "carried_forward") == [2738, 481, None, 63, None, None, 3282]
    assert wrong == [] and silent == []
    assert not check(report)  # the report is consistent: nothing to flag as its error
    flagged = {f.cell for f in report.flags if f.kind == "inferred"}
    assert {"section3.new", "section3.carried_over", "section3.granted"} <= flagged  # placed: to be checked
