"""表三 drawn in a terminal's ruled box (w3m's dump of a web page): a row's values are what the box
draws in its value cells, right of the row's label. Fixtures (zoo w1304, site pages through w3m,
both with their 总计 column left empty): tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_letter_of_a_vertical_group_label_is_no_value_of_the_row_beside_it():
    # 「（四）无法提供」 printed a letter a line in the column left of the row labels: its 无 stands
    # on the 4th line of 「1、本机关不掌握相关政府信息」, which was read as 2 0 0 0 0 0 无 (placed:
    # 商业企业 blank, 总计 0). That 0 made the empty 总计 column look filled: a T3-3 error on every row
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0009-word-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [2, 0, 0, 0, 0, 0, None]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_the_group_letter_on_the_next_rows_line_is_no_value_either():
    # the same 无 beside the next row's label line, before that label: read as 1.本机关不掌握…'s
    # 6th value, the row was placed by the sums (17 under 商业企业, flagged)
    report, wrong, silent = read_against_truth(ZOO / "st28-r0007-split-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [17, 3, None, 1, None, 1, 22]
    assert wrong == [] and silent == []


def test_a_page_footer_between_the_two_boxes_of_a_split_table_is_no_value():
    # 表三 split in two boxes with 「- 6 -」 between them: 「7.属于行政执法案卷」, the first box's last
    # row, read its - 6 - as three more values (8 values, flagged, its cells placed wrong)
    report, _, _ = read_against_truth(ZOO / "w1304-r0014-split-html-w3m.txt")
    assert t3_row(report, "denied_law_enforcement_file") == [None, None, 0, 0, None, 0, None]
    assert not [f for f in report.flags if f.cell == "section3.denied_law_enforcement_file"]


def test_a_blank_other_is_a_blank_cell_where_rows_print_blanks_among_their_values():
    # a table printing its zeros mixed (0, 无 or blank) and 总计 empty: 「2.其他法律行政法规禁止公开」 draws
    # 24 3 2 0 无 and two empty cells. Read as a row a cell short (as where every row prints its
    # 其他), it was placed by the columns' positions, which the two boxes draw apart: 3 and 2 two
    # columns right. The box places each value in its cell
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0014-split-html-w3m.txt")
    assert t3_row(report, "denied_law_forbidden") == [24, 3, 2, 0, None, None, None]
    assert not [f for f in report.flags if f.cell == "section3.denied_law_forbidden"]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_each_part_of_a_split_table_is_read_by_its_own_boxs_columns():
    # 表三 split in three boxes (w1804): the first holds a row of 8 cells, so w3m drew it an empty
    # column after 总计; the other two draw none. Their rows were placed by the first box's header,
    # a column left: 「2.申请人逾期未按收费通知…」 draws － － － － ０ and two empty cells, read with its
    # ０ under 其他 (法律服务机构 blank), silent
    report, wrong, silent = read_against_truth(ZOO / "w1804-r0020-split-html-w3m.txt")
    assert t3_row(report, "other_no_fee") == [None, None, None, None, 0, None, None]
    assert t3_row(report, "other_other") == [None, None, None, None, 0, 0, None]
    assert wrong == [] and silent == []


def test_the_one_empty_cell_of_a_table_printing_its_zeros_is_a_row_printing_a_cell_fewer():
    # zeros printed －, and 「（七）总计」 printed 6 cells, 5 － － － － 5 (a zero cell left out); w3m
    # padded the row, drawing its 总计 empty and 5 under 其他: a false T3-1 error on the 其他 column.
    # Only three rows print a count, yet no other cell of the table is empty: the row is read a
    # cell short, its 总计 5, the cell left out 0 (flagged: which one, no sum tells)
    report, wrong, silent = read_against_truth(ZOO / "w1804-r0010-split-html-w3m.txt")
    assert t3_row(report, "total")[0] == 5 and t3_row(report, "total")[-1] == 5
    assert sum(v or 0 for v in t3_row(report, "total")[1:-1]) == 0
    assert any(f.cell == "section3.total" for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_number_wrapped_in_its_narrow_box_cell_is_one_number():
    # w2308 r0008: w3m draws 总计 a column 3 wide, so 「８７」 wraps in its cell, ８ over ７ (rows 一、
    # (一), (二), (七)). Read apart, the ７ was a value of its own and the row placed by position a column
    # off: 「（七）总计」 read 81 6 0 0 1 8 8, a T3-3 错误 on a right report
    report, wrong, silent = read_against_truth(ZOO / "w2308-r0008-cms-html-w3m.txt")
    assert t3_row(report, "new") == [79, 7, None, None, None, 1, 87]
    assert t3_row(report, "total") == [81, 6, 0, 0, None, 1, 88]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert not [f for f in report.flags if f.cell.startswith("section3.")]
    assert wrong == [] and silent == []


def test_a_wrapped_number_after_dashes_w3m_draws_two_columns_wide_is_one_number():
    # w3103 r0020 (a split site page through w3m, full-width digits): 「（七）总计」 prints 「１４」 in
    # 自然人 and in 总计, each wrapped ｜１｜ over ｜４｜. Two 「—」 before the 总计 cell take two columns
    # each in w3m's box, one each by display_width: the 总计 cell's borders seemed to move on the next
    # line, its ４ was read as a value of its own (the row read 8 values, 总计 1) and a 存疑 finding
    # offered 总计 = 14 on a right report. The borders of one box row are the same in each of its lines
    report, wrong, silent = read_against_truth(ZOO / "w3103-r0020-split-html-w3m.txt")
    assert t3_row(report, "total") == [14, None, 0, 0, None, 0, 14]
    assert [f for f in check(report) if f.cells and f.cells[0].startswith("section3.")] == []
    assert wrong == [] and silent == []


def test_a_short_label_wrapped_in_its_narrow_box_cell_names_its_row():
    # 表三 (2019, blank zeros, 总计 empty) split in three boxes whose label cells are narrow:
    # 「（一）」 over 「予以公」 over 「开」, and 「（六）其」 over 「他处理」, no line naming its row; the
    # converter joins a line's cells, 「三、本年度办理结果予以公」. Unfound, their values went to the
    # rows above: 18 under 二、上年结转, 1 under 5.要求行政机关确认…, silent (the empty 总计 column
    # leaves no sum to break), and 四、结转下年度 was inferred 18
    report, wrong, silent = read_against_truth(ZOO / "w3203-r0032-split-html-w3m.txt")
    assert t3_row(report, "granted")[0] == 18
    assert t3_row(report, "other_processing")[0] == 1
    assert t3_row(report, "carried_over")[0] in (None, 0)
    assert t3_row(report, "not_processed_confirm")[0] in (None, 0)
    assert t3_row(report, "carried_forward")[0] in (None, 0)
    assert not [f for f in report.flags if f.message.startswith("未找到「")]
    assert wrong == [] and silent == []
