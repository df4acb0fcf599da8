"""2019 表三 of plain pdftotext (no -layout, zeros as 0) printed as column blocks after all its
labels (core/parse/column_blocks.py), read from committed outputs of the converter zoo (truth
beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from core.check.rules import ERROR, check
from core.parse import column_blocks
from core.pipeline import load_report
from core.template import tables
from tests.core.truth import read_against_truth, suggested_fixes
from tests.core.truth import t3_row as _t3_row
from tests.core.truth import t3_row_counted as _counted

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_column_blocks_after_the_last_label_are_read_band_by_band():
    # after 「5、要求行政机关确认…」: 315 94 / 893 271 / 0 0 / 0 0 / 947 287 are （一）（二）'s
    # 商业企业…其他, 15703 is （一）'s 总计, 4094 0 0 the 自然人 of （二） and （三）1–2; （一）'s 自然人
    # 13548 prints last, （二）'s 总计 4746 after section 四's heading; 一 and 二 print interleaved
    # in the header (33082 821 2268 226 40 0 …). Before: 154 cells flagged, none read right
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0021-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [33082, 821, 2268, 0, 0, 2454, 38625]
    assert _t3_row(report, "carried_over") == [226, 40, 0, 0, 0, 0, 266]
    assert _t3_row(report, "granted") == [13548, 315, 893, 0, 0, 947, 15703]
    assert _t3_row(report, "partial") == [4094, 94, 271, 0, 0, 287, 4746]
    assert _t3_row(report, "unable_not_held") == [9405, 218, 621, 0, 0, 658, 10902]
    assert _t3_row(report, "total") == [33308, 770, 2198, 0, 0, 2329, 38605]
    assert _t3_row(report, "carried_forward") == [0, 91, 70, 0, 0, 125, 286]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_first_band_printing_its_first_six_columns_is_read():
    # （一）（二） print 自然人…其他 (9251 91 / 2260 22 / 51 0 / 54 0 / 0 0 / 0 0), then （一）'s 总计
    # 11616; （二）'s 总计 113 and （七）'s 17183 print after section 四's heading
    report, wrong, silent = read_against_truth(ZOO / "band9277-r0188-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [9251, 2260, 51, 54, 0, 0, 11616]
    assert _t3_row(report, "partial") == [91, 22, 0, 0, 0, 0, 113]
    assert _t3_row(report, "new") == [13688, 3690, 72, 79, 0, 0, 17529]
    assert _t3_row(report, "total") == [13688, 3344, 72, 79, 0, 0, 17183]
    assert wrong == [] and silent == []


def test_a_misprinted_total_in_a_band_is_read_as_printed_and_its_row_flagged():
    # 「8.属于行政查询事项」 prints 总计 1789 where its parts make 1762 (a planted misprint): read
    # as printed, the row flagged, and the sums name the cell and its value
    report, wrong, silent = read_against_truth(ZOO / "band8111-r0195-pdftotext-gbk.txt")
    assert _t3_row(report, "denied_admin_query") == [1618, 73, 0, 71, 0, 0, 1789]
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.denied_admin_query"]
    suggested = suggested_fixes(check(report))
    assert ("section3.denied_admin_query.total", 1762) in suggested


def test_a_misprinted_value_printed_apart_goes_to_its_cell_and_the_row_is_flagged():
    # 「（六）其他处理」's 自然人 prints beside its label as 156 where the sums make 165 (digits
    # swapped): the one stray value left over is that cell's, read as printed
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0095-pdftotext-utf-8.txt")
    assert _t3_row(report, "other_processing") == [156, 26, 0, 3, 0, 0, 194]
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.other_processing"]


def test_a_misprint_in_row_one_is_not_mended_with_a_value_of_table_two():
    # 一's 自然人 prints 71 where the sums make 17 (digits swapped); 表二 prints a 17 among the
    # header's values: 一 is not read with it, the printed 71 stands for the sums to name
    report, wrong, silent = read_against_truth(ZOO / "band9277-r0080-pdftotext-utf-8.txt")
    assert _t3_row(report, "new")[0] == 71
    assert silent == []


def test_a_misprinted_total_of_row_one_is_read_as_printed_and_the_table_read():
    # 一 prints 29374 8174 0 0 0 983 and 总计 38532 where its parts make 38531 (a planted
    # misprint), 二 all 0: the one cell in both 一's failing row sum and the failing 总计 column
    # (T3-1) is the misprint, read as printed, its row flagged. Before: the reader declined and
    # 145 cells of 表三 were flagged unread
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0083-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [29374, 8174, 0, 0, 0, 983, 38532]
    assert _t3_row(report, "carried_over") == [0, 0, 0, 0, 0, 0, 0]
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.new"]
    suggested = suggested_fixes(check(report))
    assert ("section3.new.total", 38531) in suggested


def test_bands_printing_placeholders_are_read_with_them():
    # zeros print as a placeholder mark in every empty cell: the marks are cells of the bands
    # like 0 (before: the reader took only digits, and 35 cells stayed unread)
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0080-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.carried_over"]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_dashes_eaten_by_pdftotext_leave_only_the_rows_they_would_tell_apart_unread():
    # zeros print as "-", and pdftotext joins a line ending in a hyphen to the next line of its
    # block: a column's "-" survive only last ("426 3 / 56 - / - / - / 16 - / - / 498 3" for
    # （一）（二）). Rows of two are placed by it; in a band of three or four rows a count above
    # a "-" may be in any row above it, and the sums cannot tell: 「3.危及…」/「4.保护第三方…」
    # (14 1 15 is 4's) and （五）1–3 (26 3 29 is 2's) are left unread and flagged, the rest read
    report, wrong, silent = read_against_truth(ZOO / "band7013-r0068-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [426, 56, None, None, 16, None, 498]
    assert _t3_row(report, "partial") == [3, None, None, None, None, None, 3]
    assert _t3_row(report, "unable_not_held") == [76, 11, None, None, 2, None, 89]
    assert _t3_row(report, "new") == [545, 71, None, None, 18, None, 634]
    assert _t3_row(report, "total") == [545, 71, None, None, 18, None, 634]
    assert report.cells["section3.granted.research"].arithmetic == 0
    assert report.value("section3.denied_third_party.natural") is None
    assert silent == []
    assert sorted(c for c in wrong if c.startswith("section3")) == sorted(f"section3.{row}.{column}" for row in ("denied_third_party", "not_processed_duplicate")
                                   for column in ("natural", "commercial", "total"))
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == [
        "section3.denied_safety_stability", "section3.denied_third_party", "section3.not_processed_complaint",
        "section3.not_processed_duplicate", "section3.not_processed_publication"]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_misprinted_total_among_eaten_dashes_is_read_as_printed_and_named():
    # zeros as "-", most eaten; 「1.属于国家秘密」 prints 27 4 - - 1 - and 总计 31 where its parts
    # make 32 (a planted misprint): its band's one row that fails, mended in the one cell whose
    # column fails too, read as printed and flagged; the sums name the cell and its value.
    # Before: the reader declined and the misprint went undetected among 58 unread cells
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0051-pdftotext-utf-8.txt")
    assert _t3_row(report, "denied_state_secret") == [27, 4, None, None, 1, None, 31]
    assert _t3_row(report, "granted") == [147, 24, None, None, 12, None, 183]
    assert silent == [] and not [c for c in wrong if c.startswith("section3")]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.denied_state_secret"]
    suggested = suggested_fixes(check(report))
    assert ("section3.denied_state_secret.total", 32) in suggested


def test_table_four_placeholders_printed_before_its_heading_are_not_stray_cells_of_table_three():
    # zeros as "－"; 表四's header pieces and three of its "－" print after 表三's bands, before
    # section 四's heading ("复议后起诉 / 结 / 果 / … / － / － / －", "尚 / 未 / 审 / 结 / －"):
    # they are 表四's, not values 表三's cells must use up. （一）'s 自然人 12739 and （六）'s 1518
    # print after them. Before: every placement left those 0s over, the reader declined and 52
    # cells of 表三 were flagged unread or misplaced
    report, wrong, silent = read_against_truth(ZOO / "band7013-r0150-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [22383, 4541, None, None, 973, None, 27897]
    assert _t3_row(report, "granted") == [12739, 2720, None, None, 563, None, 16022]
    assert _t3_row(report, "other_processing") == [1518, 325, None, None, 66, None, 1909]
    assert _t3_row(report, "total") == [22127, 4723, None, None, 973, None, 27823]
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_bands_printed_after_the_first_rows_labels_run_on_across_section_four_heading():
    # zeros as "—"; the labels print only to 「3.危及…」 before the bands, the others after
    # section 四's heading; 「（六）其他处理」's 自然人 1866 and （七）'s 30562 print beside that
    # heading, the last band's columns (268 4391 40 …) after it, and （一）'s 自然人 14037 after
    # 「5.要求行政机关确认…」's label further on. Before: 140 values were read as 「3.危及…」's and
    # 表三 was flagged nearly all over, with sums worked out of misplaced values
    report, wrong, silent = read_against_truth(ZOO / "pdt3517-r0138-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [14037, 2019, None, None, None, None, 16056]
    assert _t3_row(report, "partial") == [2118, 304, None, None, None, None, 2422]
    assert _t3_row(report, "denied_state_secret") == [1298, 186, None, None, None, None, 1484]
    assert _t3_row(report, "other_processing") == [1866, 268, None, None, None, None, 2134]
    assert _t3_row(report, "total") == [30562, 4391, None, None, None, None, 34953]
    assert _t3_row(report, "carried_forward") == [None, 40, None, None, None, None, 40]
    assert silent == [] and not [c for c in wrong if c.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_bands_of_eaten_dashes_printing_five_columns_are_cut_around_the_cells_set_apart():
    # zeros as "-", most eaten; （一）（二） print only 商业企业…其他 (3636 72 / - / - / 53 - / -),
    # then （一）'s 总计 19847 and "322 -" (（二）'s 自然人 before 「1.属于国家秘密」's); the last band
    # prints 5 columns too, 680 and 16158 after it. Cut as long as they can be, the bands placed
    # no way (and a 5-column band's 其他 was taken for its 总计). Before: 49 cells of 表三 flagged
    # unread; now only the rows whose counts the eaten dashes leave in any row of their band
    report, wrong, silent = read_against_truth(ZOO / "band5876-r0085-pdftotext-gbk.txt")
    assert _t3_row(report, "granted") == [16158, 3636, None, None, 53, None, 19847]
    assert _t3_row(report, "partial") == [322, 72, None, None, None, None, 394]
    assert _t3_row(report, "unable_not_held") == [2974, 669, None, None, 8, None, 3651]
    assert _t3_row(report, "other_processing") == [555, 124, None, None, 1, None, 680]
    assert _t3_row(report, "total") == [27706, 6232, None, None, 83, None, 34021]
    assert silent == []
    assert sorted(c for c in wrong if c.startswith("section3")) == sorted(
        f"section3.{row}.{column}" for row in ("denied_process_info", "denied_admin_query", "not_processed_complaint")
        for column in ("natural", "commercial", "legal", "total"))
    assert report.value("section3.denied_process_info.natural") is None
    assert "section3.denied_process_info" in {f.cell for f in report.flags}
    assert not [f for f in check(report) if f.severity == ERROR]


HOSTILE = ZOO.parent / "hostile"


def test_rows_one_and_two_are_found_among_a_header_holding_a_copy_of_table_two():
    # a byte-level mutant of zoo99-r0003 (pdftotext, GBK): a copy of sections 二–三's opening
    # lands inside 表三's header, so 44 counts print between 一's label and 三's, most of them 0 or
    # small (表二's 0 11 12 -10 1 2 … 25808, then 一's row twice). The column sums (T3-1,
    # （七）+ 四) are 20366 5918 689 0 830 726 28529: 一 is the one 7 counts in order that add
    # up (20366+5773+671+0+830+726 = 28366) and leave 二 = 0 145 18 0 0 0 163, printed elsewhere
    report = load_report(HOSTILE / "mutant-342-zoo99-r0003-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [20366, 5773, 671, None, 830, 726, 28366]
    assert _t3_row(report, "carried_over") == [None, 145, 18, None, None, None, 163]
    assert _t3_row(report, "total") == [20366, 5918, 689, None, 807, 726, 28506]
    assert _t3_row(report, "carried_forward") == [None, None, None, None, 23, None, 23]
    flags = {f.cell: f.message for f in report.flags if f.cell.startswith("section3")}
    assert flags == {"section3.carried_over": "表三「二、上年结转」行的数值未按列序印出，已按各列合计关系归位，请对照原文核对"}


def test_rows_one_and_two_are_not_read_from_a_header_when_the_column_sums_do_not_add_up():
    # 二 is the column sums less 一, so when the sums' 总计 is not the sum of their columns no
    # pair of rows adds up: the header is not read (here 一 = 3 1 0 0 0 0 4 fits the sums but
    # 二 = 1 1 0 0 0 0 3 does not add up)
    values = [(v, 0, 0) for v in (3, 1, 0, 0, 0, 0, 4, 1, 1, 0, 0, 0, 0, 3)]
    assert column_blocks._head_rows(values, [4, 2, 0, 0, 0, 0, 7]) is None
    one = [(v, 0, 0) for v in (3, 1, 0, 0, 0, 0, 4)]
    two = [(v, 0, 0) for v in (1, 1, 0, 0, 0, 0, 2)]
    assert column_blocks._head_rows(one + two, [4, 2, 0, 0, 0, 0, 6]) == (one, two)


def test_a_table_crossing_a_page_prints_each_pages_bands_after_its_labels_and_they_join():
    # 表三 crosses a page after 「4.无正当理由大量反复申请」 (pages zoo, tests/fixtures/zoo/README.md):
    # page 1 prints its labels, the header with rows 一 and 二 among and after its words
    # (… 组织 18 0 0 0 / 法律 服务 机构 0 / 其他 0 / 18 / 0 … 0), then the bands of its rows
    # (11 3 / 0 0 …, to （五）1–4's "0 0 0 0"); page 2 (「—2—」) prints 「5.要求行政机关确认…」, the
    # header again, 1 (its 自然人), （六）（七）四's 自然人 beside their labels (0, 18, 0), section
    # 四's heading, then the rest of row 5 (0 0 0 0 0 1) and the last band (…, 0 18 1). Was: 55
    # cells wrong (rows read from the wrong values), every one flagged, all to fix by hand.
    report, wrong, silent = read_against_truth(ZOO / "pages305-r0028-pdftotext-utf-8.txt")
    assert not [cell for cell in wrong if cell.startswith("section3.")] and silent == []
    assert _t3_row(report, "new") == [18, 0, 0, 0, 0, 0, 18]
    assert _t3_row(report, "carried_over") == [0] * 7
    assert _t3_row(report, "granted") == [11, 0, 0, 0, 0, 0, 11]
    assert _t3_row(report, "partial") == [3, 0, 0, 0, 0, 0, 3]
    assert _t3_row(report, "denied_law_enforcement_file") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "unable_not_held") == [2, 0, 0, 0, 0, 0, 2]
    assert _t3_row(report, "not_processed_confirm") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "total") == [18, 0, 0, 0, 0, 0, 18]
    # the planted misprint (四's 总计 printed 1, true 0) is read as printed, its row named
    assert _t3_row(report, "carried_forward") == [0, 0, 0, 0, 0, 0, 1]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.carried_forward"]
    assert ("section3.carried_forward.total", 0) in suggested_fixes(check(report))


def test_bands_after_a_header_printed_after_the_labels_are_read_and_row_ones_misprint_named():
    # a Word table printed to PDF (pages zoo): every label, then the header with rows 一 and 二
    # among and after its words (… 组织 35115 4750 0 0 / 法律 服务 机构 0 / 其他 4 / 39907 / 0 … 0),
    # then the bands; （二）'s 自然人 351 prints on top of the next band's first block ("351 0 0")
    # and the last band's 自然人 beside （六）（七）四's labels. Row 一's 其他 prints 4, true 42 (a
    # dropped digit). Was: 152 cells unread, every one to fill by hand.
    report, wrong, silent = read_against_truth(ZOO / "pages304-r0037-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert _t3_row(report, "new") == [35115, 4750, 0, 0, 0, 4, 39907]
    assert _t3_row(report, "granted") == [21448, 2774, 0, 0, 0, 29, 24251]
    assert _t3_row(report, "partial") == [351, 45, 0, 0, 0, 0, 396]
    assert _t3_row(report, "unable_not_held") == [6122, 792, 0, 0, 0, 7, 6921]
    assert _t3_row(report, "not_processed_duplicate") == [2593, 335, 0, 0, 0, 3, 2931]
    assert _t3_row(report, "other_processing") == [2643, 341, 0, 0, 0, 3, 2987]
    assert _t3_row(report, "total") == [33157, 4287, 0, 0, 0, 42, 37486]
    assert _t3_row(report, "carried_forward") == [1958, 463, 0, 0, 0, 0, 2421]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.new"]
    assert ("section3.new.other", 42) in suggested_fixes(check(report))


def test_a_band_cut_by_the_page_break_prints_as_two_one_a_page_and_they_join():
    # 表三 crosses a page after 「4.保护第三方合法权益」: page 1's blocks hold 3.危及 and 4.保护 as
    # a band of two rows ("0 0" seven times), page 2's 5.属于三类内部事务信息 as a band of its own
    # (962 / 259 / 0 / 0 / 24 / 0 / 1245); （二）'s 总计 3203 prints after page 1's blocks, before
    # page 2's labels: a cell set apart, not a column of the next band. Was: 36 cells wrong.
    report, wrong, silent = read_against_truth(ZOO / "pages305-r0017-pdftotext-gbk.txt")
    assert wrong == [] and silent == []
    assert _t3_row(report, "new") == [23977, 6199, 0, 0, 583, 0, 30759]
    assert _t3_row(report, "partial") == [2475, 666, 0, 0, 62, 0, 3203]
    assert _t3_row(report, "denied_third_party") == [0] * 7
    assert _t3_row(report, "denied_internal_affairs") == [962, 259, 0, 0, 24, 0, 1245]
    assert _t3_row(report, "unable_not_held") == [6902, 1859, 0, 0, 176, 0, 8937]
    assert _t3_row(report, "not_processed_confirm") == [250, 67, 0, 0, 6, 0, 323]
    assert _t3_row(report, "total") == [23028, 6199, 0, 0, 583, 0, 29810]
    assert _t3_row(report, "carried_forward") == [949, 0, 0, 0, 0, 0, 949]
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_header_words_among_the_first_blocks_and_values_among_the_labels_are_read():
    # plain pdftotext printed 一's first values 22 4 / / / (a paragraph each) and （一）（二）'s 自然人
    # column 12 2 (one paragraph) after 「3、危及"三安全一稳定"」's label, then after the last label the
    # header's words 总计 / 其他 / 法律 服务 机构 with 一's and 二's other values (/ / / 26 / / / / /)
    # among them, then the bands. Before: 「3、危及…」 read 22 4 / / / 12 2 and its T3-3 (38 against a
    # 总计 of 2) showed 错误 on a consistent report
    # (every other cell prints 「/」: counted as 0)
    report, wrong, silent = read_against_truth(ZOO / "pages410-r0025-pdftotext-utf-8.txt")
    assert _counted(report, "new") == [22, 4, 0, 0, 0, 0, 26]
    assert _counted(report, "carried_over") == [0] * 7
    assert _counted(report, "granted") == [12, 1, 0, 0, 0, 0, 13]
    assert _counted(report, "partial") == [2, 0, 0, 0, 0, 0, 2]
    assert _counted(report, "denied_safety_stability") == [0] * 7
    assert _counted(report, "denied_third_party") == [1, 0, 0, 0, 0, 0, 1]
    assert _counted(report, "unable_not_held") == [7, 2, 0, 0, 0, 0, 9]
    assert _counted(report, "unable_need_creation") == [0, 1, 0, 0, 0, 0, 1]
    assert _counted(report, "total") == [22, 4, 0, 0, 0, 0, 26]
    assert _counted(report, "carried_forward") == [0] * 7
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_the_legal_columns_header_word_and_value_printed_after_section_fours_heading_are_the_headers():
    # a Word table printed to PDF (pages zoo of seed 407): 一's first values 25 / 1 / 0 / 1 / 0 and
    # （一）（二）'s 自然人 16 1 beside 「3、危及…」, after the last label 「其他」 and 1 0 27 0 0 0 0 1,
    # then the bands. The page ends before the header's 法律服务机构 cell: 「法律 / 服务 / 机构 / 0」
    # prints right after section 四's heading (行政复议 / 总计 / 法律 服务 机构 0 / 行政诉讼 / 第2页).
    # Without it rows 一 and 二 print 13 values, not 14: the blocks were left unread, the parser
    # reading （七）总计 from the blocks (130 cells wrong, flagged, all to fill by hand)
    report, wrong, silent = read_against_truth(ZOO / "pages407-r0005-pdftotext-utf-8.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [25, 1, 0, 1, 0, 0, 27]
    assert _t3_row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "granted") == [16, 1, 0, 1, 0, 0, 18]
    assert _t3_row(report, "denied_internal_affairs") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "unable_not_held") == [3, 0, 0, 0, 0, 0, 3]
    assert _t3_row(report, "unable_unclear") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "not_processed_publication") == [2, 0, 0, 0, 0, 0, 2]
    assert _t3_row(report, "total") == [26, 1, 0, 1, 0, 0, 28]
    assert _t3_row(report, "carried_forward") == [0] * 7
    # the 0 printed under 「法律服务机构」 is 一's (the first row under that header cell): 一 reads
    # 25 1 0 1 [0] 0 27, 二 1 0 0 0 0 0 1 in its printed order, nothing flagged (before, that 0 was
    # taken last, 二 read out of its columns' order and flagged)
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_the_legal_columns_header_cell_printed_among_table_fours_pieces_after_section_five_is_the_headers():
    # (pages zoo of seed 917, zeros as 无) 一's first values 104 / 22 / 无 / 无 / 无 beside 「3、危及…」,
    # after the last label only 「其他」 and 无 无 126 无 无 无 无 无: 13 values. 「法律 / 服务 / 机构 / 无」
    # prints on the next page among 表四's pieces, after section 五's heading. Before, the blocks
    # were left unread: 「3、危及…」 read 104 22 … 72 3, 22 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0014-pdftotext-utf-8.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _counted(report, "new") == [104, 22, 0, 0, 0, 0, 126]
    assert _counted(report, "carried_over") == [0] * 7
    assert _counted(report, "granted") == [72, 17, 0, 0, 0, 0, 89]
    assert _counted(report, "denied_safety_stability") == [0] * 7
    assert _counted(report, "unable_not_held") == [20, 5, 0, 0, 0, 0, 25]
    assert _counted(report, "total") == [101, 22, 0, 0, 0, 0, 123]
    assert _counted(report, "carried_forward") == [3, 0, 0, 0, 0, 0, 3]
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_legal_apart_takes_the_one_paragraph_of_the_header_cell_and_its_value():
    def apart(after_heading: str):
        text = "四、政府信息公开行政复议、行政诉讼情况\n" + after_heading
        heading = column_blocks._T4_HEADING.search(text)
        found = column_blocks._legal_apart(text, heading, len(text))
        return found and text[found[1]:found[2]]

    assert apart("行政复议\n\n总计\n\n法律\n服务\n机构\n0\n\n行政诉讼\n") == "0"
    assert apart("行政复议\n\n法律 服务 机构\n12\n\n") == "12"
    # (after 表四's values, among its pieces after section 五's heading, as in p917 r0014)
    assert apart("无\n无\n五、存在的主要问题\n总计\n\n法律\n服务\n机构\n无\n\n总\n计\n") == "无"
    assert apart("行政复议\n\n法律\n服务\n机构\n\n") is None  # (no value under the words)
    assert apart("行政复议\n\n法律\n服务\n机构\n0\n3\n\n") is None  # (two values)
    assert apart("\n法律\n服务\n机构\n0\n\n法律\n服务\n机构\n1\n\n") is None  # (two such cells)
    assert apart("为律师等法律服务机构\n0\n\n") is None  # (prose)
    assert apart("行政复议\n\n总计\n\n其他\n0\n") is None


def test_page_twos_first_band_printed_in_its_repeated_header_is_read():
    # a Word table printed to PDF (pages zoo of seed 917): page 1 prints the labels to 「2.重复申请」,
    # the header with rows 一 and 二, the bands to （五）1–2's, then 「总计」 and 「-2-」. Page 2 prints
    # the labels from 「3.要求提供公开出版物」 and the header again, with （五）3–4's cells in it:
    # 自然人…社会 row by row after its first words (… 组织 / 0 0 0 0 4 1 0 0), then 「法律 服务
    # 机构」 0 0, 「其他」 0 0 and 总计 0 5 (its name printed at the foot of page 1). Those were
    # read as cells set apart, the bands one column short: 35 cells wrong (flagged) before
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0048-pdftotext-gbk.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [587, 146, 18, 4, 0, 44, 799]
    assert _t3_row(report, "carried_over") == [0, 3, 0, 0, 0, 0, 3]
    assert _t3_row(report, "not_processed_duplicate") == [0] * 7
    assert _t3_row(report, "not_processed_publication") == [0] * 7
    assert _t3_row(report, "not_processed_massive") == [4, 1, 0, 0, 0, 0, 5]
    assert _t3_row(report, "not_processed_confirm") == [46, 11, 1, 0, 0, 3, 61]
    assert _t3_row(report, "other_processing") == [8, 2, 0, 0, 0, 0, 10]
    assert _t3_row(report, "total") == [587, 149, 18, 4, 0, 44, 802]
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_header_band_reads_its_first_columns_both_ways_and_needs_seven_columns_in_place():
    def paragraphs(text: str):
        return column_blocks._paragraphs(text, 0, len(text))

    header = "申请人情况\n自然\n法人或其他组织\n人\n商业\n科研\n社会\n"
    band = column_blocks._header_band(paragraphs(header + "0\n1\n2\n3\n4\n5\n6\n7\n\n法律\n服务\n机构\n8\n9\n\n"
                                                 "其他\n10\n11\n\n12\n13\n\n46\n"), 0, 2)
    assert band is not None
    by_rows, by_columns, after = band
    assert [[v for v, _, _ in column] for column in by_rows] == [[0, 4], [1, 5], [2, 6], [3, 7], [8, 9], [10, 11],
                                                                  [12, 13]]
    assert [[v for v, _, _ in column] for column in by_columns][:4] == [[0, 1], [2, 3], [4, 5], [6, 7]]
    assert after == 4  # (46 is the next band's)
    # 其他 named in 法律服务机构's place, or a column short before the labels: not a band
    assert column_blocks._header_band(paragraphs(header + "0\n1\n2\n3\n4\n5\n6\n7\n\n其他\n8\n9\n\n"
                                                 "10\n11\n\n12\n13\n"), 0, 2) is None
    assert column_blocks._header_band(paragraphs(header + "0\n1\n2\n3\n4\n5\n6\n7\n\n8\n9\n\n"
                                                 "（六）其他处理\n"), 0, 2) is None


def test_a_table_left_unread_flags_its_rows_read_beside_their_labels_and_claims_no_error(monkeypatch):
    # the same text where the column blocks are not read (a layout they cannot place): the parser's
    # reading stands, （七）总计 taking 153 of the table's 175 cells and 「3、危及…」 22 4 / / / 12 2.
    # Those are pieces of the blocks, not row 3's: the row is flagged, its sum (38 against 2) 存疑
    monkeypatch.setattr("core.parse.parser.read_column_blocks", lambda report, table, *pages: False)
    report, wrong, silent = read_against_truth(ZOO / "pages410-r0025-pdftotext-utf-8.txt")
    assert _t3_row(report, "denied_safety_stability") == [22, 4, None, None, None, 12, 2]
    assert silent == []
    row3 = [f for f in report.flags if f.cell == "section3.denied_safety_stability"]
    assert len(row3) == 1 and row3[0].kind == "parse"
    assert "「（七）总计」行印有153个数值" in row3[0].message and "本行数值可能不是本行的" in row3[0].message
    findings = check(report)
    assert not [f for f in findings if f.severity == ERROR]
    t3_3 = [f for f in findings if f.rule == "T3-3" and "section3.denied_safety_stability.total" in f.cells]
    assert len(t3_3) == 1 and t3_3[0].severity == "doubt" and "可能是读取问题而非报告错误" in t3_3[0].message


def test_bands_cut_where_a_label_parts_the_text_block_read_the_whole_table():
    # plain pdftotext, 2019 表三 (zeros print as 0): page 1 holds rows 一 to （二）, the 自然人
    # column's first values 6 1 0 0 0 2 2 printed beside 「3、危及"三安全一稳定"」's label; the other
    # values print after the labels as column blocks, （三）6–8 as a band of 3 rows and （四）1 as one of
    # its own (not the usual band of 4). Before bands could be cut, 18 rows were placed by order and
    # 「5、要求行政机关确认…」 read 74 values (25 cells wrong, flagged); earlier still, 「3、危及…」 read
    # 6 1 0 0 0 2 2 unflagged and its T3-3 (2 against 9) showed 错误 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "pages711-r0018-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_band_cut_in_two_by_a_label_wrapped_over_three_lines_is_read():
    # plain pdftotext, 2019 表三 (zeros print as 0): 「3.危及“三安全一稳定”」 wraps over three lines
    # and its row prints as a text block of its own, 4–5 as another of 2 rows: the bands are
    # 2 2 1 2 4 1 1 4 1 3 rows high, not 2 2 3 4 1 1 4 1 3. Before, no row from （一） on was read
    # (every one flagged); now the equations settle every cell
    report, wrong, silent = read_against_truth(ZOO / "q2406-r0039-pdftotext-gbk.txt")
    assert wrong == [] and silent == []
    assert report.cells["section3.denied_law_forbidden.social"].value == 1
    assert report.cells["section3.unable_not_held.total"].value == 29
    assert not [f for f in check(report) if f.severity == ERROR]


# the counts on lines of their own as the paragraphs give them (the reading _count_lines had,
# paragraph by paragraph), for random texts: _count_lines finds them in the text at once
_PIECES = ["0", "17", "305", "-", "－", "—", "/", "无", " ", "  ", "\t", "\f", "\n", "\n", "\n\n", " \n",
           "\r", "\u3000", "x", "合计", "1-2", "５"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.data())
def test_the_counts_of_lines_of_counts_are_those_of_the_paragraphs_lines(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    by_paragraph = column_blocks._paragraph_counts(column_blocks._paragraphs(text, start, end))
    assert column_blocks._count_lines(text, start, end) == by_paragraph
    # a line of counts a user would see read: "12 0" then "- 3" are 12, 0, 0 (a dash), 3
    assert [v for v, _, _ in column_blocks._count_lines("无关\n12 0\n\n - 3\t\nx 4", 0, 18)] == [12, 0, 0, 3]


# the counts printed after the bands, as the search takes them: _Spare looks them up by value;
# the list they were kept in (the first printed of a value popped first) is the reference
@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=30), st.lists(st.tuples(st.booleans(), st.integers(0, 5)), max_size=40))
def test_the_values_printed_apart_are_taken_as_popping_them_from_their_list_would(values, steps):
    printed = [(value, 3 * i, 3 * i + 1) for i, value in enumerate(values)]
    spare, left = column_blocks._Spare(printed), list(printed)
    branches = []  # a copy taken before each step goes on as its own list would
    for copy, value in steps:
        if copy:
            branches.append((spare.copy(), list(left)))
        assert (value in spare) == any(v[0] == value for v in left)
        at = next((i for i, v in enumerate(left) if v[0] == value), None)
        assert spare.take(value) == (None if at is None else left.pop(at))
    for branch, its_left in branches:  # (a copy's takes leave the original's as they were)
        for value in range(6):
            while value in branch:
                at = next(i for i, v in enumerate(its_left) if v[0] == value)
                assert branch.take(value) == its_left.pop(at)
        assert not its_left


def _plain_band_options(index, run, first):
    """_band_options written plainly: every choice of every column's placement built in turn,
    its rows summed cell by cell, the rows that do not add up listed."""
    from itertools import combinations, product
    rows = column_blocks._BANDS[index]
    height = len(rows)
    columns = []
    for block in run:
        placed = []
        for above in combinations(range(height - 1), len(block) - 1):
            column = [column_blocks._EATEN] * height
            column[-1] = block[-1]
            for row, value in zip(above, block[:-1]):
                column[row] = value
            placed.append(column)
        columns.append(placed)
    out = []
    for chosen in product(*columns):
        sums = [sum(column[r][0] for column in chosen[:-1]) for r in range(height)]
        totals = [chosen[-1][r][0] for r in range(height)]
        wrong = None
        if len(run) == column_blocks._WIDTH:
            wrong_rows = [rows[r] for r in range(height) if sums[r] != totals[r]]
            if len(wrong_rows) > 1:
                continue
            wrong = wrong_rows[0] if wrong_rows else None
        elif first == 1 and len(run) == column_blocks._WIDTH - 1 and any(s > t for s, t in zip(sums, totals)):
            continue
        out.append(({(row, first + offset): column[r] for offset, column in enumerate(chosen)
                     for r, row in enumerate(rows)}, wrong))
    return out


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_bands_placements_are_every_choice_of_its_columns_in_order(data):
    # _band_options sums each choice's rows from the columns' counts taken out once: the same
    # placements, in the same order, as building every choice and summing it cell by cell
    index = data.draw(st.integers(0, len(column_blocks._BANDS) - 1))
    height = len(column_blocks._BANDS[index])
    width = data.draw(st.sampled_from([5, 6, 7]))
    first = data.draw(st.integers(0, column_blocks._WIDTH - width))
    run = [[(data.draw(st.sampled_from([0, 0, 1, 2, 3])), 0, 1) for _ in range(data.draw(st.integers(1, min(3, height))))]
           for _ in range(width)]
    assert column_blocks._band_options(index, run, first) == _plain_band_options(index, run, first)


def test_a_table_with_its_header_before_the_labels_crossing_a_page_is_read():
    # pages zoo (seed 303) r0012: 表三's header prints 申请人情况 … 组织 before the labels, rows 一
    # and 二 one value a paragraph among page 1's labels (138 25 0 11 0, then （一）（二）'s 自然人 83
    # 22) and after its last words printed after 「1、信访举报投诉类申请」 (总计 / 其他 / 0 / 法律
    # 服务 机构 0 / 0 163 0 0 0 0 11), page 1's bands up to 「-2-」; page 2 repeats labels and
    # header, （五）2–4 prints 自然人…法律服务机构 (0 0 0 ×5), its 其他 and 总计 (其他 0 0 0 / 0 0 0)
    # after section 五's heading among 表四's pieces. （七）总计's 总计 prints 117 where the sums make
    # 171 (a planted swap): read as printed, the row flagged. Before: 141 cells wrong, flagged
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0012-pdftotext-gbk.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [138, 25, 0, 0, 0, 0, 163]
    assert _t3_row(report, "carried_over") == [11, 0, 0, 0, 0, 0, 11]
    assert _t3_row(report, "granted") == [83, 13, 0, 0, 0, 0, 96]
    assert _t3_row(report, "unable_not_held") == [38, 5, 0, 0, 0, 0, 43]
    assert _t3_row(report, "not_processed_complaint") == [5, 1, 0, 0, 0, 0, 6]
    assert _t3_row(report, "not_processed_duplicate") == [0] * 7
    assert _t3_row(report, "total") == [149, 22, 0, 0, 0, 0, 117]
    assert _t3_row(report, "carried_forward") == [0, 3, 0, 0, 0, 0, 3]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.total"]
    assert ("section3.total.total", 171) in suggested_fixes(check(report))


def test_page_two_columns_printed_nowhere_leave_the_table_unread(tmp_path):
    # the same text without （五）2–4's 其他 and 总计 after section 五's heading: six cells the text
    # does not hold. The blocks are cut (that band printing five columns, its other cells looked
    # for among the values printed apart) but no reading places them: the parser's doubts stand
    source = ZOO / "pages303-r0012-pdftotext-gbk.txt"
    text = source.read_text(encoding="gbk")
    apart = "\n\n其他\n0\n0\n0\n\n0\n0\n0\n"
    assert text.count(apart) == 1
    table = tables("2019")["section3"]

    def cut(text: str):
        start = text.find("三、收到和处理")
        return column_blocks._blocks_across_page_words(table, text, start, column_blocks._T4_HEADING.search(text),
                                                       len(text))

    cut_whole, cut_short = cut(text), cut(text.replace(apart, "\n"))
    assert cut_whole is not None and cut_short is not None
    assert sum(map(len, cut_short[0][0])) == sum(map(len, cut_whole[0][0])) - 6
    short = tmp_path / source.name
    short.write_text(text.replace(apart, "\n"), encoding="gbk")
    short.with_suffix(".json").write_bytes(source.with_suffix(".json").read_bytes())
    report, wrong, silent = read_against_truth(short)
    assert silent == []
    assert report.cells["section3.granted.natural"].value is None
    assert any(f.cell == "section3.total" for f in report.flags)


def test_page_one_ending_at_its_form_feed_and_page_two_columns_named_after_section_four():
    # p917 r0021: no 「-2-」, page 1 ends where page 2 starts (a form feed) after a bare 「2」, its
    # number (page furniture, no count); page 2's header prints 「3、危及…」's band's first column
    # inside its words (组织 / 0 / 0), three more, and its 法律服务机构 (法律 / 服务 / 机构 / 0 / 0),
    # 其他 (其他 / 0 / 0) and 总计 (0 0) after section 四's heading among 表四's pieces.
    # 「8、属于行政查询事项」's 总计 prints 2 where its parts make 1 (planted): read as printed, the
    # row flagged. Before: 124 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0021-pdftotext-gbk.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [11, 2, 0, 0, 0, 0, 13]
    assert _t3_row(report, "partial") == [3, 1, 0, 0, 0, 0, 4]
    assert _t3_row(report, "denied_admin_query") == [0, 1, 0, 0, 0, 0, 2]
    assert _t3_row(report, "unable_not_held") == [5, 0, 0, 0, 0, 0, 5]
    assert _t3_row(report, "total") == [11, 2, 0, 0, 0, 0, 13]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.denied_admin_query"]
    assert ("section3.denied_admin_query.total", 1) in suggested_fixes(check(report))
    # without the page's start (a text with no form feed) nor a page number like 「-2-」: not cut
    text = (ZOO / "pages917-r0021-pdftotext-gbk.txt").read_text(encoding="gbk").replace("\f", "\n")
    table = tables("2019")["section3"]
    heading = column_blocks._T4_HEADING.search(text)
    assert heading is not None
    assert column_blocks._blocks_across_page_words(table, text, text.find("三、收到和处理"), heading,
                                                   len(text)) is None


def test_page_two_header_with_pieces_of_table_four_among_its_words():
    # p917 r0031: 「-2-」 prints before the header's last words, page 2's header is followed by
    # 「尚 / 未 / 审 / 结」 (表四's) and 总计, then its bands; （三）1–2's 其他 prints after 表四's pieces.
    # Every cell 0 but 结转下年度's 社会公益组织, printed 1 (planted): read as printed, flagged.
    # Before: 121 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0031-pdftotext-gbk.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "denied_state_secret") == [0] * 7
    assert _t3_row(report, "carried_forward") == [0, 0, 0, 1, 0, 0, 0]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.carried_forward"]
    assert ("section3.carried_forward.social", 0) in suggested_fixes(check(report))


def test_columns_apart_after_section_four_each_named_once():
    paragraphs = "四、政府信息公开行政复议\n\n法律\n服务\n机构\n0\n1\n\n行政诉讼\n\n其他\n2\n3\n\n4\n5\n\n总\n计\n0\n"
    columns = column_blocks._columns_apart(paragraphs, 0, len(paragraphs), 2, 4)
    assert columns is not None and [[v for v, _, _ in c] for c in columns] == [[0, 1], [2, 3], [4, 5]]
    columns = column_blocks._columns_apart(paragraphs, 0, len(paragraphs), 2, 5)
    assert columns is not None and [[v for v, _, _ in c] for c in columns] == [[2, 3], [4, 5]]
    # 其他 named twice, or 总计's values not right after it: none
    assert column_blocks._columns_apart(paragraphs + "\n其他\n6\n7\n\n8\n9\n", 0, len(paragraphs) + 20, 2, 5) is None
    broken = paragraphs.replace("\n\n4\n5\n", "\n\n行政\n\n4\n5\n")
    assert column_blocks._columns_apart(broken, 0, len(broken), 2, 5) is None


def test_page_one_holding_rows_one_and_two_alone_and_a_first_band_printing_five_columns():
    # p917 r0016 (zeros print as 无, read as no value): page 1 prints the header and rows 一 and 二 only, every band
    # on page 2; （一）（二）'s 商业企业…其他 print first (2481 755 / 317 96 / 无 无 / 无 无 / 484 146),
    # （一）'s 总计 11766 after them, their 自然人 (8484 2582) after the labels, （二）'s 总计 3579
    # after section 四's heading. 「4、保护第三方合法权益」's 总计 prints 205 where its parts make
    # 2053 (a digit dropped, planted): read as printed, flagged. Before: 64 表三 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0016-pdftotext-utf-8.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "granted") == [8484, 2481, 317, None, None, 484, 11766]
    assert _t3_row(report, "partial") == [2582, 755, 96, None, None, 146, 3579]
    assert _t3_row(report, "denied_third_party") == [1481, 433, 55, None, None, 84, 205]
    assert _t3_row(report, "total") == [23603, 6904, 880, None, None, 1340, 32727]
    assert ("section3.denied_third_party.total", 2053) in suggested_fixes(check(report))
    assert "section3.denied_third_party" in {f.cell for f in report.flags}


def test_page_two_bands_printed_after_section_four_column_by_column():
    # p917 r0009: page 2 holds 「5、要求行政机关确认…」 and （六）（七）四: the first prints its 自然人 0
    # inside page 2's header, the others theirs beside their labels (1 / 11 / 1); the rest after
    # section 四's heading among 表四's pieces, as the PDF's text blocks follow: 商业企业…法律服务机构
    # of 5 (0 / 0 / 0 / 法律 服务 机构 0), of （六）（七）四 (0 1 0 / 0 0 0 ×3), then 其他 and 总计 of
    # 5 (0 / 0) and of （六）（七）四 (0 0 0 / 1 12 1). 一's 总计 prints 31 where its parts make 13 (a
    # planted swap): read as printed, flagged. Before: 152 表三 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0009-pdftotext-gbk.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [12, 1, 0, 0, 0, 0, 31]
    assert _t3_row(report, "granted") == [5, 1, 0, 0, 0, 0, 6]
    assert _t3_row(report, "unable_not_held") == [5, 0, 0, 0, 0, 0, 5]
    assert _t3_row(report, "not_processed_confirm") == [0] * 7
    assert _t3_row(report, "other_processing") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "total") == [11, 1, 0, 0, 0, 0, 12]
    assert _t3_row(report, "carried_forward") == [1, 0, 0, 0, 0, 0, 1]
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.new"]
    assert ("section3.new.total", 13) in suggested_fixes(check(report))


def test_bands_apart_after_section_four_each_column_as_tall_as_its_band():
    text = ("四、政府信息公开行政复议\n\n0\n\n1\n\n2\n\n法律\n服务\n机构\n3\n\n4\n5\n\n6\n7\n\n8\n9\n\n10\n11\n\n"
            "行政诉讼\n结\n果\n0\n0\n\n总计\n\n其他\n\n12\n\n13\n\n14\n15\n\n16\n17\n")
    columns = column_blocks._bands_apart(text, 0, len(text), [1, 2], 1)
    assert columns is not None
    assert [[v for v, _, _ in c] for c in columns] == [[0], [1], [2], [3], [12], [13], [4, 5], [6, 7], [8, 9],
                                                       [10, 11], [14, 15], [16, 17]]
    # a column as tall as no band in its place, or 法律 服务 机构 elsewhere than the first band's: none
    assert column_blocks._bands_apart(text.replace("\n\n1\n\n", "\n\n1\n1\n\n"), 0, len(text) + 2, [1, 2], 1) is None
    assert column_blocks._bands_apart(text, 0, len(text), [1, 2], 2) is None


def test_last_band_columns_printed_among_table_four_pieces():
    # pages zoo r0026: labels before the header, every band after it; （六）（七）四 print their 自然人
    # beside their labels (0 / 4 / 0), 商业企业 (0 2 0) right after section 四's heading, and 科研机构…总计
    # further on among 表四's pieces (0 0 0 ×4, then 0 26 0), 表四's own values among its words
    # (「总 / 计 / 0」). （七）总计's 自然人 prints 4 where the sums make 24 (a digit dropped, planted):
    # read as printed, flagged. Before: 59 表三 cells wrong (flagged)
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0026-pdftotext-utf-8.txt")
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "new") == [23, 2, 0, 0, 0, 0, 25]
    assert _t3_row(report, "other_processing") == [0] * 7
    assert _t3_row(report, "total") == [4, 2, 0, 0, 0, 0, 26]
    assert _t3_row(report, "carried_forward") == [0] * 7
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.total"]
    assert ("section3.total.natural", 24) in suggested_fixes(check(report))


def test_page_number_after_page_one_blocks_is_no_stray_cell():
    # 2019 表三 crossing a page after 「3.危及…」: page 1 prints its labels, header, rows 一 and 二 and
    # its bands, then 总计 (a header word) and the page's footer 「2」 alone on its last line (every
    # page ends on its number: page furniture), then page 2's labels, header and bands. The 2 was
    # taken for a count set apart, which no cell could use. Before: 表三 unread (68 cells flagged)
    report, wrong, silent = read_against_truth(ZOO / "p5150-r0016-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert _t3_row(report, "granted") == [8, 2, 1, 0, 0, 0, 11]
    assert _t3_row(report, "denied_internal_affairs") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "unable_not_held") == [3, 1, 0, 0, 0, 0, 4]
    assert not [f for f in report.flags if f.cell.startswith("section3")]


def test_page2_first_band_last_columns_after_section5_heading():
    # p6007 r0006 (pdftotext, a consistent file): 表三 crosses a page before 「5.要求行政机关确认…」.
    # Page 2's repeated header prints only that one-row band's first four cells (申请人情况 … 组织 /
    # 0 0 0 0); its 法律服务机构, 其他 and 总计 print after section 五's heading under their names
    # (法律 / 服务 / 机构 / 0, 其他 / 0, then 0), among 表四's pieces, between the last band's
    # columns. The last band's 自然人 prints beside its labels, 商业企业 right after 表四's first
    # header words. Before: 表三's page-2 rows unread (33 cells flagged) and a suggestion for
    # (七)总计×商业企业 on a report that adds up.
    report, wrong, silent = read_against_truth(ZOO / "p6007-r0006-pdftotext-utf-8.txt")
    assert [cell for cell in wrong if cell.startswith("section3")] == [] and silent == []
    assert _t3_row(report, "not_processed_confirm") == [0, 0, 0, 0, 0, 0, 0]
    assert _t3_row(report, "total") == [4, 1, 0, 0, 0, 0, 5]
    assert _t3_row(report, "unable_not_held") == [1, 1, 0, 0, 0, 0, 2]
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.suggestion or any(c.startswith("section3") for c in f.cells)]


def test_a_misprint_the_sums_place_in_any_of_several_cells_is_not_read_into_one_of_them():
    # a table of 0s but 「（七）总计」's 自然人, printed 1 (a planted misprint for 0) beside its label
    # after the bands, with 0 beside 「（六）其他处理」 and 「四、结转下年度继续办理」: the one-misprint
    # reading of the bands holds with that 1 in the 自然人 or the 总计 of any of the three rows alike.
    # Read as 「四、结转下年度」's 总计, （七）总计's 自然人 came out 0 and （六）'s unprinted, unflagged
    # (silent); the reading of the rows beside their labels stands, and the sums name the 1
    report, wrong, silent = read_against_truth(ZOO / "pq2004-r0006-pdftotext-utf-8.txt")
    assert _t3_row(report, "total") == [1, 0, 0, 0, 0, 0, 0]
    assert _t3_row(report, "other_processing") == [0] * 7
    assert _t3_row(report, "carried_forward") == [0] * 7
    assert not any(c.startswith("section3.") for c in wrong)
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert any("section3.total.natural" in f.cells for f in findings if f.rule.startswith("T3"))
    assert silent == []


def test_a_table_leaving_its_total_column_blank_is_read_by_its_column_sums():
    # every row's 总计 blank, so each band prints 6 column blocks (自然人…其他) and rows 一 and 二 6
    # values each in the header (32122 6305 0 0 0 458 0 …: 一 in order, 二 in order after it);
    # （一）（二） print only 商业企业…其他 (2954 36 / 0 0 …), their 自然人 188 before the bands and
    # 15259 after section 四's heading, as the last band's (0 32580 0 beside its labels). The
    # column sums and 一 + 二 = （七）+ 四 place every other cell; which of those rows' 自然人 is
    # which value, no row sum tells: unread, flagged. Before: all 129 printed cells unread, now 5
    report, wrong, silent = read_against_truth(ZOO / "q907-r0034-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [32122, 6305, 0, 0, 0, 0, None]
    assert _t3_row(report, "carried_over") == [458, 0, 0, 0, 0, 0, None]
    assert _t3_row(report, "granted") == [None, 2954, 0, 0, 0, 0, None]
    assert _t3_row(report, "denied_safety_stability") == [2000, 388, 0, 0, 0, 0, None]
    # (279: a planted misprint for 729, read as printed; its column's sum is left with an unread cell)
    assert _t3_row(report, "denied_process_info") == [279, 141, 0, 0, 0, 0, None]
    assert _t3_row(report, "total") == [None, 6305, 0, 0, 0, 0, None]
    assert _t3_row(report, "unable_need_creation") == [0] * 6 + [None]  # (12 one-value blocks: 6 a band)
    assert silent == []
    assert sorted(c for c in wrong if c.startswith("section3")) == sorted(
        f"section3.{row}.natural" for row in ("granted", "partial", "other_processing", "total", "carried_forward"))
    flagged = {f.cell for f in report.flags if f.cell.startswith("section3")}
    assert {c.rsplit(".", 1)[0] for c in wrong if c.startswith("section3")} <= flagged
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert any(f.rule == "T3-3" and "总计" in f.message for f in findings)  # the blank column said


def _column_blocks_of(rows: dict[str, list[int]]) -> tuple[list, list]:
    """A table's bands as plain pdftotext prints them (a block per column of each band, each
    row's 6 printed values), and rows 一 and 二 in the header, one after the other."""
    at = iter(range(10_000))
    blocks = [[(rows[row][c], n := next(at), n + 1) for row in band]
              for band in column_blocks._BANDS for c in range(6)]
    head = [(v, n := next(at), n + 1) for row in ("new", "carried_over") for v in rows[row]]
    return blocks, head


def _blank_total_table() -> dict[str, list[int]]:
    rows = {row: [0] * 6 for row in column_blocks._ROWS_ORDER}
    rows["new"] = [9, 2, 0, 1, 0, 0]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0]
    rows["granted"] = [6, 1, 0, 0, 0, 0]
    rows["unable_not_held"] = [3, 1, 0, 1, 0, 0]
    rows["total"] = [9, 2, 0, 1, 0, 0]
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0]
    return rows


def test_six_values_a_row_are_read_under_a_blank_total_where_no_row_prints_its_sum_last():
    rows = _blank_total_table()
    blocks, head = _column_blocks_of(rows)
    found = column_blocks._read_blank_total(blocks, [], head)
    assert found is not None
    grid, first, second, open_cells = found
    assert [v[0] for v in first] == rows["new"] and [v[0] for v in second] == rows["carried_over"]
    assert [grid["unable_not_held", c][0] for c in range(6)] == [3, 1, 0, 1, 0, 0]
    assert open_cells == set()


def test_six_values_a_row_ending_in_their_sum_are_not_read_under_a_blank_total():
    # the same counts from a table printing its 总计 with 自然人 blank in every row: each row's
    # sixth value the sum of its other five. Read as 自然人…其他 they would all sit a column left
    shifted = {row: values[1:5] + [0, sum(values[1:5])] for row, values in _blank_total_table().items()}
    blocks, head = _column_blocks_of(shifted)
    assert column_blocks._read_blank_total(blocks, [], head) is None


def test_a_misprinted_row_one_is_found_past_table_two_values_printed_before_the_header():
    # 表二's last columns print after 三's heading (「0 / 12 项」 …), their 0s before the header's
    # words; rows 一 and 二 follow among those words, 一's 总计 misprinted (29411 where its parts
    # make 28169: planted). The 14 values after 表二's are the rows'. Before: 150 cells of 表三 flagged
    report, wrong, silent = read_against_truth(ZOO / "q2201-r0019-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [28130, 39, 0, 0, 0, 0, 29411]
    assert _t3_row(report, "carried_over") == [1612, 2, 0, 0, 0, 0, 1614]
    assert _t3_row(report, "granted") == [13657, 18, 0, 0, 0, 0, 13675]
    assert _t3_row(report, "partial") == [3880, 5, 0, 0, 0, 0, 3885]
    assert _t3_row(report, "total") == [29742, 41, 0, 0, 0, 0, 29783]
    assert [c for c in wrong if c.startswith("section3")] == [] and silent == []
    # (二's values print out of their columns' order, 1612 0 0 1614 2 0 0: placed by the sums, flagged)
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.carried_over", "section3.new"]
    assert ("section3.new.total", 28169) in suggested_fixes(check(report))


def test_a_band_printing_its_middle_four_columns_before_its_second_is_read():
    # the header's words run on into 一's first values (「32641 / 5337 0 / 0」), its other values
    # and 二's a paragraph each after them, then （一）'s 自然人 20374 alone; （一）（二） print
    # 科研机构…其他 (0 0 ×4), 24010 and 1761 set apart, then 商业企业 (3636 315). Before: 155
    # cells flagged
    report, wrong, silent = read_against_truth(ZOO / "p2202-r0030-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [32641, 5337, 0, 0, 0, 0, 37978]
    assert _t3_row(report, "carried_over") == [653, 363, 0, 0, 0, 0, 1016]
    assert _t3_row(report, "granted") == [20374, 3636, 0, 0, 0, 0, 24010]
    assert _t3_row(report, "partial") == [1761, 315, 0, 0, 0, 0, 2076]
    assert _t3_row(report, "total") == [31949, 5700, 0, 0, 0, 0, 37649]
    assert wrong == [] and silent == []
    # 2386 printed where its parts make 2408 (planted): read as printed, flagged, the fix suggested
    assert _t3_row(report, "unable_not_held") == [2044, 364, 0, 0, 0, 0, 2386]
    assert ("section3.unable_not_held.total", 2408) in suggested_fixes(check(report))


def test_a_first_band_cell_printed_last_among_the_labels_is_no_header_value():
    # 24072 930 809 610 － 10544 print among the labels: 10544 is （一）'s 自然人, one more than
    # rows 一 and 二 leave room for (the others print after the last label with the header's
    # words); （一）（二） print 科研机构…其他, 11310 and 3475, then 商业企业 (423 138). Before: 51
    # cells of 表三 flagged
    report, wrong, silent = read_against_truth(ZOO / "p2102-r0013-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [10544, 423, 343, None, None, None, 11310]
    assert _t3_row(report, "partial") == [3475, 138, 115, None, None, None, 3728]
    assert [c for c in wrong if c.startswith("section3")] == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]


def test_counts_printed_with_separators_or_units_are_read_as_their_numbers(tmp_path):
    # the same text with every count of 四 digits or more after 三's heading printed with a
    # thousands separator (「32,641」) and every other count but 0 with its unit (「315 件」): the
    # same table, no cell dropped for its print
    source = ZOO / "p2202-r0030-pdftotext-utf-8.txt"
    text = source.read_text(encoding="utf-8")
    at = text.find("三、收到和处理")

    def printed(match: re.Match) -> str:
        value = match.group(1)
        return f"{int(value):,}" if len(value) > 3 else value if value == "0" else f"{value} 件"

    dressed = text[:at] + re.sub(r"(?m)^(\d+)$", printed, text[at:])
    assert "32,641" in dressed and "\n315 件\n" in dressed
    copy = tmp_path / source.name
    copy.write_text(dressed, encoding="utf-8")
    copy.with_suffix(".json").write_bytes(source.with_suffix(".json").read_bytes())
    report, wrong, silent = read_against_truth(copy)
    assert _t3_row(report, "granted") == [20374, 3636, 0, 0, 0, 0, 24010]
    assert _t3_row(report, "partial") == [1761, 315, 0, 0, 0, 0, 2076]
    assert [c for c in wrong if c.startswith("section3")] == [] and silent == []


def test_bands_setting_apart_many_rows_first_and_last_cells_are_read_by_the_sums():
    # counts with separators (「10,940」); （一）（二） print 商业企业…其他, then 10,940 and 5,144
    # apart; （三）6–（四）1 print their 自然人 as 0 0 0 and 5,367; （五）1–4 print 科研机构…其他,
    # 1,407 and 0 229 0, then 商业企业: 13 rows' 自然人 and 总计 printed apart, some of their 0s
    # and totals after section 四's heading. Every row's 自然人 is a choice of the search, a 0 may
    # be one printed after 四. Before: 156 cells flagged
    report, wrong, silent = read_against_truth(ZOO / "q2206-r0030-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [22488, 967, 0, 73, 0, 276, 23804]
    assert _t3_row(report, "granted") == [10406, 384, 0, 31, 0, 119, 10940]
    assert _t3_row(report, "partial") == [5144, 192, 0, 14, 0, 58, 5408]
    assert _t3_row(report, "unable_not_held") == [5367, 199, 0, 17, 0, 62, 5645]
    assert _t3_row(report, "not_processed_complaint") == [1339, 50, 0, 3, 0, 15, 1407]
    assert _t3_row(report, "not_processed_publication") == [229, 8, 0, 0, 0, 2, 239]
    assert _t3_row(report, "total") == [23735, 878, 0, 68, 0, 269, 24950]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]


def test_a_misprinted_total_keeps_its_printed_value_where_zeros_after_section_four_could_fill_its_row():
    # 四's 总计 prints 37 where its parts make 73 (planted); its 自然人 0 prints among the values
    # after the bands. Zeros printed after section 四 are a choice of the search only where no
    # cell is the misprint's: else the stray 0 read as 总计's printed value and a 0 after 四 as
    # its 自然人 was a reading too (0 in place of 37, flagged)
    report, wrong, silent = read_against_truth(ZOO / "q1808-r0035-pdftotext-utf-8.txt")
    assert _t3_row(report, "carried_forward") == [0, 73, 0, 0, 0, 0, 37]
    assert wrong == [] and silent == []
    assert ("section3.carried_forward.total", 73) in suggested_fixes(check(report))
