"""Tables that plain pdftotext (reading order, no -layout) prints as blocks (core/parse/pdfblocks.py
and stream.py), read from committed outputs of the converter zoo (truth beside each)."""
from __future__ import annotations

import json
from pathlib import Path

from core.check.rules import ERROR, check
from core.pipeline import load_report
from core.parse import pdfblocks
from core.parse.tokens import NUM, TEXT, Token
from core.template import tables
from tests.core.truth import covered, leaves, read_against_truth, suggested_fixes
from tests.core.truth import t3_row as _t3_row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _silent(name):
    """Cells read otherwise than printed that no flag or finding marks."""
    truth = json.loads((CONVERTERS / f"{name}.json").read_text(encoding="utf-8"))
    report = load_report(CONVERTERS / f"{name}.txt")
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    out = []
    for section in ("section2", "section3", "section4"):
        for cell, want in leaves(truth[section], section):
            got = report.value(cell)
            if got != want and not (want is None and got in (None, 0)) and not covered(cell, marks):
                out.append(f"{cell}: truth {want}, got {got}")
    return out


def _t2_row(report, key, columns):
    return [report.value(f"section2.{key}.{c}") for c in columns]


ITEMS = ("prev_items", "change", "decisions")


def test_t2_columns_printed_after_the_table_go_under_their_headers():
    # 2019 表二: pdftotext prints each block's first column beside the labels and the others under
    # section 三's heading, header by header ("本年增/减 0 -1 / 处理决定数量 146 9"); 行政许可's
    # 处理决定数量 (462147, 0) prints apart, after 行政处罚's
    report = load_report(CONVERTERS / "zoo-r0026.pdftotext.txt")
    assert _t2_row(report, "rules", ("new_made", "new_published", "total_published")) == [3, 3, 3]
    assert _t2_row(report, "normative_docs", ("new_made", "new_published", "total_published")) == [12, 12, 48]
    assert _t2_row(report, "licensing", ITEMS) == [69, 0, 462147]
    assert _t2_row(report, "other_services", ITEMS) == [265, None, 0]  # "-"
    assert _t2_row(report, "punishment", ITEMS) == [0, 0, 146]
    assert _t2_row(report, "coercion", ITEMS) == [1, -1, 9]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [18, 7]
    assert report.value("section2.procurement.count") == 4
    flagged = {f.cell for f in report.flags}
    assert {"section2.licensing", "section2.other_services"} <= flagged  # read apart from their header
    # the 表二 values are not read as 表三's (二、上年结转 prints "-" in every column)
    assert 462147 not in {cell.value for path, cell in report.cells.items() if path.startswith("section3.")}


def test_t2_values_printed_apart_for_two_columns_are_placed_in_order_and_left_in_doubt():
    # 行政许可 处理决定数量 0 prints under its header, 其他对外管理服务事项's 1,984 apart, after 行政
    # 处罚's header, with 16,223 and 0: shared out by order, the rows flagged 存疑 (parse)
    report = load_report(CONVERTERS / "zoo-r0040.pdftotext.txt")
    assert _t2_row(report, "licensing", ITEMS) == [0, 0, 0]
    assert _t2_row(report, "other_services", ITEMS) == [219, 10, 1984]
    assert _t2_row(report, "punishment", ITEMS) == [12, 0, 16223]
    assert _t2_row(report, "coercion", ITEMS) == [2, 0, 0]
    assert [report.value(f"section2.fees.{c}") for c in ("prev_items", "change")] == [103, -15]
    assert report.value("section2.procurement.amount") == 2675.95
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds["section2.other_services"] == "parse" and kinds["section2.punishment"] == "parse"


def test_a_total_printed_rows_later_goes_back_to_its_row_and_the_typo_is_still_found():
    # 2021 表三 as one value a line: （二）部分公开's 总计 8 prints after 「5.要求行政机关确认…」's
    # values, and the last rows' labels (3.其他, （七）总计, 四、结转…) after all their values; the
    # planted typo (一、本年新收 自然人 printed 46, true 47) must still be named and fixed
    report = load_report(CONVERTERS / "zoo-r0043.pdftotext.txt")
    assert _t3_row(report, "partial") == [8, 0, 0, 0, 0, 0, 8]
    assert _t3_row(report, "not_processed_confirm") == [0] * 7
    assert _t3_row(report, "other_no_correction") == [0] * 7
    assert _t3_row(report, "other_other") == [4, 0, 0, 0, 0, 0, 4]
    assert _t3_row(report, "total") == [49, 0, 0, 0, 0, 1, 50]
    assert _t3_row(report, "carried_forward") == [0] * 7
    assert "section3.partial" in {f.cell for f in report.flags if f.kind == "inferred"}
    suggested = {f.suggestion.value for f in check(report) if f.suggestion and f.suggestion.cell == "section3.new.natural"}
    assert suggested == {47}


def test_t2_values_printed_after_the_column_headers_are_in_doubt_when_blanks_left_no_trace():
    # 2021 表二 with blank cells: 「规章 / 行政规范性文件 / 本年废止件数 / 现行有效件数 / 11 / 21 / 97」
    # (the 3 of 规章 printed before its label): 11 21 97 are not 行政规范性文件's three columns
    # (truth: 21, blank, 97), so the row is flagged, not read as sure
    report = load_report(CONVERTERS / "zoo99-r0018.pdftotext-gbk.txt")
    assert "section2.normative_docs" in {f.cell for f in report.flags if f.kind == "parse"}
    assert _silent("zoo99-r0018.pdftotext-gbk") == []


def test_t2_values_printed_after_a_column_name_in_full_width_brackets_are_in_doubt_too(tmp_path):
    # the same stream with 表二's one column name that holds brackets, printed as the template
    # prints it (full-width: 本年收费金额（单位：万元）), between 行政规范性文件 and 11 21 97: a
    # column name all the same, so the row is flagged, not read as sure
    text = (CONVERTERS / "zoo99-r0018.pdftotext-gbk.txt").read_bytes().decode("gb18030")
    assert text.count("本年废止件数\n\n现行有效件数") == 1
    path = tmp_path / "fee-header.txt"
    path.write_bytes(text.replace("本年废止件数\n\n现行有效件数", "本年收费金额（单位：万元）").encode("gb18030"))
    report = load_report(path)
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [11, 21, 97]
    assert "section2.normative_docs" in {f.cell for f in report.flags if f.kind == "parse"}


def test_a_stream_with_lost_blank_cells_gives_doubts_not_errors():
    # 表三 with some zeros blank (no trace) and some "-": 四、结转下年度继续办理 takes （七）总计's
    # 22, printed after its label; a consistent report must not get a 错误 for it
    report = load_report(CONVERTERS / "zoo99-r0019.pdftotext-gbk.txt")
    assert "section3.carried_forward" in {f.cell for f in report.flags}
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo99-r0019.pdftotext-gbk") == []


def test_zeros_printed_partly_0_and_partly_dash_in_a_lossy_stream_are_in_doubt():
    # 「1.信访举报投诉类申请」 reads "— — — — 0 — 0" from the stream: all zeros, but which cell
    # printed 0 and which "—" cannot be told once blanks left no trace (truth: 科研机构 0)
    report = load_report(CONVERTERS / "zoo99-r0023.pdftotext-gbk.txt")
    assert "section3.not_processed_complaint" in {f.cell for f in report.flags}
    assert _silent("zoo99-r0023.pdftotext-gbk") == []


T4 = ("maintained", "corrected", "other", "pending", "total")


def _t4(report):
    return [[report.value(f"section4.{group}.{c}") for c in T4]
            for group in ("review", "litigation_direct", "litigation_after_review")]


def test_t4_cells_printed_under_section_5s_heading_are_still_t4s():
    # pdftotext prints 表四's last cells after 「五、存在的主要问题及改进情况」: "…15 2 0 0 / 五、… /
    # 总 计 / 17 / 复议后起诉 … 0 0 0 / 尚未审结 0 / 总计 0", then the prose
    report = load_report(CONVERTERS / "zoo-r0009.pdftotext-gbk.txt")
    assert _t4(report) == [[2, 0, 0, 4, 6], [15, 2, 0, 0, 17], [0, 0, 0, 0, 0]]
    assert not [f for f in check(report) if f.cells[0].startswith("section4")]


def test_t4_cells_printed_inside_t3_go_back_to_t4_and_leave_t3_whole():
    # 2019 report: 表四's 复议后起诉 header piece and four of its zeros print before 表三's last
    # labels, 表四's 总计 cells after section 五's heading; 表三's body prints block by block
    report = load_report(CONVERTERS / "zoo-r0036.pdftotext-gbk.txt")
    assert _t4(report) == [[0, 0, 0, 0, 0], [12, 0, 0, 2, 14], [0, 0, 0, 0, 0]]
    assert _t3_row(report, "granted") == [3207, 424, 0, 0, 107, 0, 3738]
    assert _t3_row(report, "not_processed_massive") == [197, 5, 0, 0, 7, 0, 229]  # the planted typo (25)
    assert _t3_row(report, "total") == [5367, 707, 0, 0, 179, 0, 6253]
    assert _t3_row(report, "carried_forward") == [428, 0, 0, 0, 0, 0, 428]
    assert _silent("zoo-r0036.pdftotext-gbk") == []


def test_a_t3_label_not_found_does_not_stop_the_block_reading():
    # 「2、其他法律法规禁止公开」 prints cut by the side label (「禁止公 / ）不 / 开」), so its label is
    # not found; 表三's body (printed after all labels, block by block) is still read whole
    report = load_report(CONVERTERS / "zoo99-r0015.pdftotext-gbk.txt")
    assert _t3_row(report, "denied_law_forbidden") == [2, 0, 0, 0, 0, 0, 2]
    assert _t3_row(report, "denied_admin_query") == [10, 1, 0, 0, 0, 0, 11]
    assert _t3_row(report, "total") == [107, 5, 0, 0, 0, 3, 115]
    assert _silent("zoo99-r0015.pdftotext-gbk") == []


def _state(report, cell):
    return report.cells[cell].state


def test_t3_blocks_of_placeholders_and_the_interleaved_first_rows_are_read_by_the_sums():
    # 2019 report, zeros printed "无": the body prints block by block after all labels (a "无" is a
    # 0 of the row sums), and 一、本年新收 / 二、上年结转 print their 14 values interleaved with the
    # header ("191 33 无 无 3 无 总计 其他 14 法律服务机构 无 无 238 无 无 无 3"): each column's pair
    # is the one that adds up to （七）总计 + 四、结转下年度, each row adding up
    report = load_report(CONVERTERS / "zoo99-r0004.pdftotext.txt")
    assert _t3_row(report, "new") == [191, 33, None, 14, None, None, 238]
    assert _t3_row(report, "carried_over") == [None, 3, None, None, None, None, 3]
    assert _state(report, "section3.carried_over.natural") == "placeholder"  # printed "无", not blank
    assert _t3_row(report, "granted") == [64, 14, None, 6, None, None, 84]
    assert _t3_row(report, "denied_law_forbidden") == [16, 2, None, 1, None, None, 19]
    assert _t3_row(report, "total") == [191, 36, None, 14, None, None, 241]
    # the blocks after the labels, a "无" a cell like a count (core/parse/column_blocks.py), make
    # every sum hold and fit one pair of rows 一/二 in the header: nothing left to check
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo99-r0004.pdftotext") == []


def test_t3_cut_by_the_page_break_is_put_back_together_from_three_sections():
    # 2019 report, zeros "－": section 四's heading prints inside 表三 (the page breaks there), with
    # 表三's last labels and values after it, and the 总计 cells of （七）总计 and 四、结转 (28506,
    # 23) after section 五's heading, among 表四's last cells
    report = load_report(CONVERTERS / "zoo99-r0003.pdftotext-gbk.txt")
    assert _t3_row(report, "denied_safety_stability") == [893, 259, 30, None, 36, 32, 1250]
    assert _t3_row(report, "denied_third_party") == [None] * 7  # its label prints after section 四's heading
    assert _t3_row(report, "not_processed_confirm") == [1142, 331, 38, None, 45, 40, 1596]
    assert _t3_row(report, "other_processing") == [903, 262, 30, None, 35, 32, 1262]
    assert _t3_row(report, "total") == [20366, 5918, 689, None, 807, 726, 28506]
    assert _t3_row(report, "carried_forward") == [None, None, None, None, 23, None, 23]
    assert _t4(report) == [[None] * 5] * 3  # every cell "－"
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo99-r0003.pdftotext-gbk") == []


def test_the_page_break_reading_keeps_the_planted_wrong_total_for_the_checks():
    # the same layout with zeros "0" and a planted wrong 总计 (（二）部分公开 printed 196, true 210)
    report = load_report(CONVERTERS / "zoo99-r0028.pdftotext-gbk.txt")
    # the rows put back together take precedence over the guess for a row that prints only zeros
    # where it stands (四、结转 "0", 表四's nine zeros): no row is set to 0 wholesale
    assert not [f for f in report.flags if "只印有0" in f.message]
    assert _t3_row(report, "total") == [11857, 2589, 316, 0, 0, 0, 14762]
    assert _t3_row(report, "carried_forward") == [0, 0, 38, 0, 0, 0, 38]
    assert _t4(report) == [[0] * 5, [0] * 5, [3, 0, 0, 0, 3]]
    suggested = {f.suggestion.value for f in check(report) if f.suggestion and f.suggestion.cell == "section3.partial.total"}
    assert suggested == {210}
    assert _silent("zoo99-r0028.pdftotext-gbk") == []


def test_rows_with_labels_over_several_lines_print_their_cells_muddled_and_the_sums_sort_them():
    # 2021 report, zeros "0": （二）部分公开's 总计 1 prints rows later; 「1.申请人无正当理由逾期不补正…」
    # and 「2.申请人逾期未按收费通知要求缴纳费用…」 (three-line labels) print "0 / 2 / …政府 2 / 0 …":
    # the 2 beside the second label's line stays in its row, the sums place the rest
    report = load_report(CONVERTERS / "zoo99-r0009.pdftotext-gbk.txt")
    assert _t3_row(report, "partial") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "other_no_correction") == [0] * 7
    assert _t3_row(report, "other_no_fee") == [2, 0, 0, 0, 0, 0, 2]
    assert _t3_row(report, "total") == [7, 1, 0, 0, 0, 0, 8]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo99-r0009.pdftotext-gbk") == []


def test_muddled_rows_are_sorted_even_with_a_typo_elsewhere_and_the_typo_is_fixed():
    # the same layout with zeros "-" and a planted typo: （一）予以公开 总计 printed 51 for 15
    report = load_report(CONVERTERS / "zoo99-r0030.pdftotext.txt")
    assert _t3_row(report, "other_no_fee") == [1, None, None, None, None, None, 1]
    assert _t3_row(report, "total") == [22, 1, 1, None, None, None, 24]
    assert _t3_row(report, "carried_forward") == [3, None, None, None, None, None, 3]
    fixes = suggested_fixes(f for f in check(report) if f.severity == ERROR)
    assert fixes == {("section3.granted.total", 15)}


def test_several_values_printed_rows_away_are_pulled_back_into_their_rows():
    # 2021 report, zeros "0": three rows print a value in a text block of their own, rows later
    # (二、上年结转's 0 of 商业企业, （二）部分公开's 总计 631, 「1.申请人无正当理由逾期不补正…」's 总计
    # 358), and 四、结转下年度 prints a 0 after its 总计: each row pulls back the value that
    # completes it, the column sums say which column a pulled 0 is
    report = load_report(CONVERTERS / "zoo123-r0011.pdftotext-gbk.txt")
    assert _t3_row(report, "carried_over") == [0, 0, 16, 0, 0, 14, 30]
    assert _t3_row(report, "partial") == [491, 95, 26, 0, 0, 19, 631]
    assert _t3_row(report, "other_no_correction") == [279, 54, 15, 0, 0, 10, 358]
    assert _t3_row(report, "total") == [4958, 961, 271, 0, 0, 192, 6382]
    assert _t3_row(report, "carried_forward") == [443, 0, 0, 0, 0, 0, 443]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo123-r0011.pdftotext-gbk") == []


def test_a_row_that_adds_up_with_its_parts_out_of_their_columns_is_placed_by_the_column_sums():
    # 2021 report, zeros "0": 「1.申请人无正当理由逾期不补正…」 prints its 自然人 5 among other rows'
    # zeros, so read row after row it comes out "0 0 0 0 0 5 | 5": it adds up, but only 5 under
    # 自然人 lets the column sums hold
    report = load_report(CONVERTERS / "zoo314-r0011.pdftotext.txt")
    assert _t3_row(report, "partial") == [21, 3, 0, 0, 0, 0, 24]
    assert _t3_row(report, "other_no_correction") == [5, 0, 0, 0, 0, 0, 5]
    assert _t3_row(report, "other_no_fee") == [14, 1, 0, 0, 1, 0, 16]
    assert _t3_row(report, "other_other") == [11, 1, 0, 1, 0, 0, 13]
    assert _t3_row(report, "total") == [240, 29, 0, 7, 9, 0, 285]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent("zoo314-r0011.pdftotext") == []


def test_a_table_read_beside_its_labels_keeps_its_typo_for_the_checks():
    # LibreOffice's text of the web page: one cell per line, every row beside its label; the
    # planted typo 「7.属于行政执法案卷」 总计 1 (true 0) must not be read away as a value printed
    # rows away (the pdftotext stream readers leave such a table alone)
    report = load_report(CONVERTERS / "zoo-r0004.lo-web-txt-gb18030.txt")
    assert report.value("section3.denied_law_enforcement_file.total") == 1
    assert not [f for f in report.flags if "PDF文字顺序" in f.message]
    fixes = suggested_fixes(check(report))
    assert ("section3.denied_law_enforcement_file.total", 0) in fixes


def test_a_row_printing_its_first_values_after_the_rest_is_turned_round_and_the_typo_fixed():
    # 2021 report, zeros "0", planted typo (「3.要求提供公开出版物」 商业企业 printed 418, true 148):
    # 「3.其他」 prints "0 87 0 11 1548 / 1137 313" (its first two parts after the rest), 四、结转
    # "0 634 0 21 655 0 0"; read row after row, turned round, the column sums placing the parts
    report = load_report(CONVERTERS / "zoo314-r0015.pdftotext.txt")
    assert _t3_row(report, "partial") == [2779, 766, 0, 215, 0, 28, 3788]
    assert _t3_row(report, "other_other") == [1137, 313, 0, 87, 0, 11, 1548]
    assert _t3_row(report, "total") == [21108, 5815, 0, 1629, 0, 209, 28761]
    assert _t3_row(report, "carried_forward") == [0, 634, 0, 0, 0, 21, 655]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.not_processed_publication.commercial", 148)}


def test_t4_values_short_of_blank_cells_are_split_into_the_groups_that_add_up():
    # pdfplumber's extract_text, zeros blank: 表四 prints "2 2 19 2 21 20 2 3 3 28", ten values for
    # fifteen cells. Only one split lets every group add up with its 总计 printed: 2 | 2,
    # 19 2 | 21 and 20 2 3 3 | 28; which result column a lone value of the short groups fills
    # is not known, so 表四 stays flagged
    report = load_report(CONVERTERS / "zoo71-r0022.pdfplumber.txt")
    groups = _t4(report)
    assert [g[-1] for g in groups] == [2, 21, 28]
    assert groups[2] == [20, 2, 3, 3, 28]
    assert any(f.cell.startswith("section4") for f in report.flags)
    assert not [f for f in check(report) if f.cells[0].startswith("section4") and f.severity == ERROR]


def test_a_short_row_whose_total_is_misprinted_keeps_its_total_where_the_column_sums_say():
    # pdftotext -raw, zeros mixed (blank, "—", "0"): 「（二）部分公开」 prints 77 4 4 — — / 86 for seven
    # columns, a blank leaving nothing; 86 is its 总计, printed for 85 (the planted typo). Placed alone,
    # 86 under 其他 with 总计 left empty adds up as well as 86 under 总计; against the other rows
    # as placed (a blank counting 0) only 86 as 总计 keeps the 其他 column's sums, and the failing
    # 总计 column names the misprint.
    name = "zoo501-r0020.pdftotext-raw-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert report.value("section3.partial.total") == 86
    assert [report.value(f"section3.partial.{c}") for c in ("natural", "commercial", "research")] == [77, 4, 4]
    assert any(f.cell == "section3.partial" for f in report.flags)  # which column is blank: unsure
    suggested = {f.suggestion.value for f in check(report)
                 if f.suggestion and f.suggestion.cell == "section3.partial.total"}
    assert suggested == {85}
    assert _silent(name) == []


def test_t2_empty_lines_after_a_column_name_do_not_count_blank_cells():
    # plain pdftotext, zeros blank: 表二 prints 「规章 / 行政规范性文件 / 1 / 本年废止件数 / 现行有效件数 /
    # 1 / 2 / 5 / 2」 and 「行政处罚 / 本年处理决定数量 / 10622」, each line after an empty one. The
    # empty line between 本年处理决定数量 and 10622 lies between a column's name and a value, not
    # between two cells of a row: it says nothing of how many empty lines a blank cell leaves, so the
    # lone 1 of 行政规范性文件 is not read as 本年废止件数 for sure.
    name = "zoo501-r0004.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert any(f.cell == "section2.normative_docs" for f in report.flags)
    assert report.value("section2.punishment.decisions") == 10622
    assert _silent(name) == []


def test_values_after_a_wrapped_label_stay_with_it_when_the_next_label_wraps_too():
    # pdftotext -raw, zeros blank: 「1.本机关不掌握相关政 / 府信息 / 1785 119 1904 / 2.没有现成信息需要另 /
    # 行制作」. The values follow the last line of the label above, as every row's do in this stream;
    # the label below wrapping too does not make them its own (both rows lie in the same column sums,
    # which cannot tell them apart).
    name = "zoo502-r0028.pdftotext-raw-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.unable_not_held.{c}") for c in ("natural", "commercial", "total")] == [1785, 119, 1904]
    assert not any(report.value(f"section3.unable_need_creation.{c}") for c in ("natural", "commercial", "total"))
    assert [report.value(f"section3.not_processed_massive.{c}") for c in ("natural", "commercial", "total")] == [156, 10, 166]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent(name) == []


def test_the_first_two_rows_printed_before_their_labels_keep_their_typo_for_the_checks():
    # plain pdftotext, 2019, zeros "无": 一、本年新收 and 二、上年结转 print their fourteen values among
    # the header's words, before both labels: 「2 / 2 / 无 / 无 / 法律服务机构 / 无 / 其他 / 无 / 14 / 无 …」.
    # 一's 自然人 is printed 2 for 12 (the planted typo), so no placement makes every row and column
    # add up; with 自然人's column and 一's row let fail, one placement is left, and the failing sums
    # name the misprint instead of the rows being inferred whole (12, hiding it).
    name = "zoo501-r0008.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.new.{c}") for c in ("natural", "commercial", "total")] == [2, 2, 14]
    assert not any(report.value(f"section3.carried_over.{c}") for c in ("natural", "commercial", "total"))
    suggested = {f.suggestion.value for f in check(report)
                 if f.suggestion and f.suggestion.cell == "section3.new.natural"}
    assert suggested == {12}
    assert _silent(name) == []


def test_cells_a_row_by_row_stream_left_unprinted_are_blank_so_a_misprint_beside_them_is_found():
    # pdftotext -raw, zeros blank: 「一、本年新收 32 1 24」, 自然人 printed 32 for 23 (the planted typo),
    # so the row adds up in no placement. Against the other rows the column sums put 24 under 总计,
    # and the four unprinted cells are blank, 0: left unknown, the row's own sum could not be
    # checked and the misprint would go unnamed (24 was read as 科研机构, 总计 left empty).
    name = "zoo502-r0007.pdftotext-raw-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.new.{c}") for c in ("natural", "commercial", "total")] == [32, 1, 24]
    assert [report.value(f"section3.new.{c}") for c in ("research", "social", "legal", "other")] == [0, 0, 0, 0]
    suggested = {f.suggestion.value for f in check(report)
                 if f.suggestion and f.suggestion.cell == "section3.new.natural"}
    assert suggested == {23}
    assert _silent(name) == []


def test_a_misprinted_total_in_rows_printing_their_first_column_beside_the_labels_is_named():
    # 2019, zeros "—": （六）其他处理, （七）总计 and 四、结转下年度 print their other columns as a block
    # (「… — 13 1」) and then their first column beside their labels (「（七）总计 11 四、结转… 1」).
    # （七）总计's 总计 is printed 13 for 11 (the planted typo). The column sums rank the cut with
    # 11 as 自然人 and 13 as 总计 and the cut with the two swapped alike; the value beside 总计's
    # label is its first column, so the first cut is read and the checks name 13. Before, both
    # cells were left open and the row sum filled 总计 in as 11, hiding the misprint.
    name = "zoo503-r0005.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.total.{c}") for c in ("natural", "total")] == [11, 13]
    assert [report.value(f"section3.carried_forward.{c}") for c in ("natural", "total")] == [1, 1]
    suggested = {f.suggestion.value for f in check(report)
                 if f.suggestion and f.suggestion.cell == "section3.total.total"}
    assert suggested == {11}
    assert not [f for f in check(report) if f.severity == ERROR]  # the layout was guessed: 存疑
    assert _silent(name) == []


def test_a_total_printed_rows_later_is_told_from_an_equal_misprint_by_the_rows_printed_whole():
    # 2021, zeros "/": （二）部分公开 prints 「1 / / / / /」 beside its label and its 总计 1 rows
    # later (「予处理 1」); 「6.属于四类过程性信息」 prints seven values beside its label, one of them a
    # misprinted 1 (社会公益组织, true 0). Pulling either 1 back into （二） leaves one cell off, the
    # sums rank both alike, and both keep as many values other than 0 beside their labels; only the
    # late 总计 keeps every other row's seven values beside its label. Pulling the misprint instead
    # hid it, and the late 1 became a typo of 「1.申请人无正当理由逾期不补正…」.
    name = "zoo501-r0039.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.partial.{c}") for c in ("natural", "total")] == [1, 1]
    assert report.value("section3.denied_process_info.social") == 1
    assert not report.value("section3.other_no_correction.other")
    suggested = {f.suggestion.value for f in check(report)
                 if f.suggestion and f.suggestion.cell == "section3.denied_process_info.social"}
    assert suggested == {0}
    assert _silent(name) == []


def test_a_row_of_zeros_whose_empty_lines_may_not_be_its_blank_cells_is_0_throughout_and_flagged():
    # 2021, zeros mixed (blank, "—", "0"): （二）部分公开 prints 「— / (empty) / — / (empty) / 0 / 0」.
    # Read as one cell a line with each empty line a blank cell, the zeros went under 其他 and 总计
    # and 科研机构 and 社会公益组织, which printed them, were left empty with no flag; in plain
    # pdftotext an empty line parts text blocks, not cells. The row prints only zeros, so every
    # cell is 0 whichever cells printed them, and the row says its cells could not be told apart.
    name = "zoo504-r0035.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert [report.value(f"section3.partial.{c.key}") for c in tables("2021")["section3"].row("partial").columns] == [0] * 7
    assert any(f.cell == "section3.partial" and f.kind == "inferred" for f in report.flags)
    assert _silent(name) == []


def test_a_row_filled_in_from_the_column_sums_that_breaks_its_own_sum_names_the_misprint():
    # plain pdftotext, 2019, zeros 0: 一、本年新收 prints 「48 113 0 0 0 0 601」 among the header's words,
    # 自然人 48 for 488 (the planted typo, a dropped digit). The reading loses the row (未印出数值),
    # and the column sums fill it in: 自然人 536, 商业企业 113, 总计 601, 科研机构 left unread (its
    # column would need a negative count). 536 + 113 already exceeds 601, so the row fails whatever
    # the unread cell holds: that sum is reported (存疑) and names 自然人, where it was skipped before.
    # Now the rows are placed: with 自然人's column let fail, 「48 113 0 0 0 0 601」 in 一 and
    # 「48 0 0 0 0 0 48」 in 二 fits, and so does the same with 113 and 601 in 二 (二 then the row
    # not adding up); the first is read, the cells the two disagree on are flagged, and 一's failing
    # sum names 自然人 all the same.
    name = "zoo503-r0012.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    row = [f for f in check(report) if f.rule == "T3-3" and "section3.new.natural" in f.cells]
    assert [f.severity for f in row] == ["doubt"]
    assert _t3_row(report, "new") == [48, 113, 0, 0, 0, 0, 601]
    assert _t3_row(report, "carried_over") == [48, 0, 0, 0, 0, 0, 48]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent(name) == []


def test_a_misprint_the_block_cuts_place_in_different_cells_is_kept_and_every_such_cell_named():
    # plain pdftotext, 2019, zeros 0: 表三 prints column blocks under the last label, every value 0
    # but 「4.保护第三方合法权益」's 自然人, printed 1 (the planted typo, true 0). The cuts of the run
    # into rows that the sums rank best all have one row not adding up, but put the 1 in different
    # cells of the eight 不予公开 rows. Those rows printed nothing beside their labels; left empty,
    # the sums filled them with 0 and the 1 vanished with no finding. The template's bands of rows
    # (core/parse/column_blocks.py: 3 rows × 7 columns for 「3.危及…」–「5.属于三类…」, its 自然人
    # printed 0 1 0) put the 1 in its own cell; that row is flagged, and the sums name the cell.
    name = "zoo503-r0009.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    t3 = tables(report.template)["section3"]
    assert sum(report.value(f"section3.{r.key}.{c.key}") or 0 for r in t3.rows for c in r.columns) == 1
    assert report.value("section3.denied_third_party.natural") == 1
    findings = check(report)
    assert any("section3.denied_third_party.natural" in f.cells for f in findings if f.rule.startswith("T3"))
    assert not [f for f in findings if f.severity == ERROR]  # its row is flagged: 存疑
    assert suggested_fixes(findings) \
        == {("section3.denied_third_party.natural", 0)}
    assert _silent(name) == []


def test_a_table_of_zeros_but_a_misprint_is_not_read_row_by_row_where_that_guesses_its_cell():
    # plain pdftotext, 2021, zeros 0: every value 0 but 「3.要求提供公开出版物」's 商业企业, printed 1
    # (the planted typo, true 0), the values printed as column blocks after the labels. Read row
    # after row, the 1 fell in 「2.重复申请」's 自然人 and the failing sums named that cell alone:
    # every other row reads 0s whichever 0s it takes, so nothing placed the 1 there. The template's
    # bands of rows (core/parse/column_blocks.py: 4 rows × 7 columns for （五）1–4, its 商业企业
    # printed 0 0 1 0) put the 1 in its own cell; that row is flagged, and the sums name the cell.
    name = "zoo802-r0021.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert report.value("section3.not_processed_publication.commercial") == 1
    findings = check(report)
    assert any("section3.not_processed_publication.commercial" in f.cells for f in findings if f.rule.startswith("T3"))
    assert not [f for f in findings if f.severity == ERROR]
    assert suggested_fixes(findings) \
        == {("section3.not_processed_publication.commercial", 0)}
    assert _silent(name) == []


def test_cells_printed_out_of_their_rows_place_are_put_back_where_every_sum_holds():
    # plain pdftotext, 2021, zeros 0, a consistent report: 「二、上年结转」 and 「（二）部分公开」,
    # labels over two lines, print six values beside the label and the seventh ("0", "318") amid
    # 「（四）无法提供」's lines; 「3.其他」's 自然人 170 prints after every other value, beside its
    # label, which comes after 「2.申请人逾期未按收费…」's. The run from 「5.要求行政机关确认…」 to
    # 「四、结转下年度继续办理」 then printed two values more than its rows hold and was cut in no
    # way: 结转's 2 was read as 0 (a row of zeros) and the sums suggested a fix for a table that
    # adds up.
    name = "zoo802-r0020.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "partial") == [258, 54, 0, 0, 0, 6, 318]
    assert _t3_row(report, "other_other") == [170, 36, 0, 0, 0, 4, 210]
    assert _t3_row(report, "total") == [2647, 560, 0, 0, 0, 60, 3267]
    assert _t3_row(report, "carried_forward") == [0, 0, 0, 0, 0, 2, 2]
    assert not [f for f in check(report) if f.severity == ERROR or f.suggestion]
    assert _silent(name) == []


def test_the_last_rows_cells_printed_beside_their_labels_go_back_into_their_rows():
    # the same layout, seed 503: 「（二）部分公开」's 总计 1299 prints under 「5.要求行政机关确认…」;
    # 「3.其他」's 自然人 202 and 「四、结转」's 商业企业 123 print after 总计's row and 结转's other
    # cells. Read as printed, the run's 35 values fell into the wrong rows (26 cells wrong).
    name = "zoo503-r0008.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "partial") == [1030, 197, 0, 0, 0, 72, 1299]
    assert _t3_row(report, "not_processed_massive") == [547, 103, 0, 0, 0, 38, 688]
    assert _t3_row(report, "other_other") == [202, 38, 0, 0, 0, 14, 254]
    assert _t3_row(report, "total") == [8839, 1680, 0, 0, 0, 622, 11141]
    assert _t3_row(report, "carried_forward") == [0, 123, 0, 0, 0, 24, 147]
    assert not [f for f in check(report) if f.severity == ERROR or f.suggestion]
    assert _silent(name) == []


def test_a_short_row_of_a_blank_table_is_read_with_its_total_last_and_a_misprint_is_named():
    # plain pdftotext, 2019, zeros blank (a blank cell leaves nothing), planted ±1: 「（一）予以公开」
    # prints 234 62 297 beside its label (true 总计 296). 「一、本年新收」 412 126 538 and
    # 「二、上年结转」 39 7 46 show the table prints its 总计 last, but most short rows of the
    # muddled stream below do not add up, so 297 was read as 科研机构 and the 总计 left unread:
    # the misprint was explained away and no finding named it.
    name = "zoo503-r0019.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "new") == [412, 126, 0, 0, 0, 0, 538]
    assert _t3_row(report, "granted") == [234, 62, 0, 0, 0, 0, 297]
    findings = check(report)
    named = [f for f in findings if "section3.granted.total" in f.cells]
    assert named and all(f.severity == "doubt" for f in named)
    assert not [f for f in findings if f.severity == ERROR]
    assert _silent(name) == []


def test_a_table_printing_no_zero_prints_its_total_last_in_a_short_row():
    # plain pdftotext, 2021, zeros blank, planted swap: 「（七）总计」 prints 30 before its label and
    # 1 13 after it (true 总计 31). No row prints two counts and their sum beside its label, but 表三
    # prints no 0 and no "—" and far fewer values than cells: its blank cells left no trace, and a
    # row's last value is its 总计. Read by the sums, 13 went to a part column and no finding named it.
    name = "zoo802-r0039.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert report.value("section3.total.total") == 13
    findings = check(report)
    named = [f for f in findings if "section3.total.total" in f.cells]
    assert named and all(f.severity == "doubt" for f in named)
    assert not [f for f in findings if f.severity == ERROR]
    assert _silent(name) == []


def test_a_row_printed_ahead_of_the_blank_rows_above_it_is_read_beside_its_label():
    # plain pdftotext, 2019, zeros blank: 「5.要求行政机关确认或重新出具已」 prints `3 1 4` beside its
    # label, ahead of the labels of the blank rows above it (「2.其他法律…」 to 「4.无正当理由…」),
    # followed by `3 18 69` of rows whose labels print elsewhere. Searched forward only, the label
    # was behind and the row 未找到; it is the table's only run naming that row, inside 表三, and
    # reads 3 (自然人) + 1 (商业企业) = 4 (总计), without the values after its sum.
    name = "zoo503-r0019.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "not_processed_confirm") == [3, 1, 0, 0, 0, 0, 4]
    assert not [p for p in report.problems if "缺少" in p]
    assert not [f for f in report.flags if f.cell == "section3.not_processed_confirm" and f.kind == "missing"]
    assert not [f for f in check(report) if f.severity == ERROR]
    assert _silent(name) == []


def test_a_misprint_among_the_first_two_rows_of_a_table_of_zeros_is_kept_and_its_cells_named():
    # plain pdftotext, 2019, zeros 0: 一、本年新收 and 二、上年结转 print their fourteen values among
    # the header's words, 「0 0 0 0 法律 服务 机构 0 其他 0 1 0 0 0 0 0 0 0 总计」, every value 0 but
    # 一's 总计, printed 1 (the planted typo, true 0). The rest of the table is 0s, so the 1 fits
    # in any of the two rows' cells alike: the column sums placed the rows in no single way, they
    # were left unread, filled in from the sums as 0, and the printed 1 vanished with no finding.
    name = "zoo779-r0008.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    t3 = tables(report.template)["section3"]
    head = [f"section3.{key}.{c.key}" for key in ("new", "carried_over") for c in t3.row(key).columns]
    assert sorted(report.value(p) for p in head) == [0] * 13 + [1]  # the fourteen values printed
    findings = check(report)
    assert any("section3.new.total" in f.cells for f in findings if f.rule.startswith("T3"))
    # the cell holding the 1 was guessed: 存疑, and no value suggested for a cell that may not hold it
    assert not [f for f in findings if f.severity == ERROR or f.suggestion]
    assert _silent(name) == []


def _t4_cells():
    return [f"section4.{row.key}.{column.key}" for row in tables("2021")["section4"].rows for column in row.columns]


def test_a_blank_t4_printing_one_count_that_no_group_adds_up_to_names_every_cell():
    # plain pdftotext and lynx, zeros blank: 表四 prints a single count, 1 (the planted typo, true
    # 0: 「未经复议直接起诉」's 总计, 「复议后起诉」's 其他结果), its blank cells leaving no trace.
    # A lone count other than 0 adds up in no group, wherever it sits (a part needs its 总计, a
    # 总计 its parts), so the table holds a misprint. It was stored first and the fourteen cells left unread, so no
    # sum could fail and nothing named it; now the unprinted cells read blank (0), the failing
    # group names all fifteen cells (存疑, each flagged: which one holds the 1 is unknown), and
    # no value is suggested for a cell that may not hold it.
    for name in ("zoo501-r0043.pdftotext", "zoo777-r0024.lynx"):
        report = load_report(CONVERTERS / f"{name}.txt")
        truth = json.loads((CONVERTERS / f"{name}.json").read_text(encoding="utf-8"))["injected"]["cell"]
        findings = [f for f in check(report) if f.rule.startswith("T4")]
        assert findings and all(f.severity == "doubt" and not f.suggestion for f in findings)
        assert any(truth in f.cells for f in findings)
        assert sorted(report.value(p) or 0 for p in _t4_cells()) == [0] * 14 + [1]
        assert not [f for f in check(report) if f.severity == ERROR]
        # the flags say what is true: no placement adds up (not that several do)
        t4_flags = [f.message for f in report.flags if f.cell.startswith("section4.")]
        assert t4_flags and all("没有一种拆法能使合计相符" in m and "几种读法同样合计" not in m for m in t4_flags)


def test_a_lone_run_of_digits_in_a_blank_t4_is_not_taken_for_a_misprint():
    # docx2txt, zeros blank, a consistent report: 表四 prints 「819」, 「未经复议直接起诉」's 8, 1 and
    # 9 run together. Taken for one count, it adds up in no group; but its digits may be several
    # cells, which do add up (8 + 1 = 9): no misprint is named and no cell is read as blank.
    report = load_report(CONVERTERS / "c4901-r0010.docx2txt.txt")
    assert not [f for f in check(report) if f.rule.startswith("T4")]
    assert report.value("section4.review.total") is None


def test_a_drifted_label_wrapped_before_its_last_character_still_names_its_row():
    # pdftotext -raw, 2019: the label prints as real files drift it, 「2、其他法律法规禁止公开」 (no
    # 行政), wrapped after 禁止公: neither its keyword 禁止公开 nor the official label's start
    # matched 「2、其他法律法规禁止公」, so its row 「1 0 0 - 0 0 1」 went to no row and was flagged.
    name = "zoo314-r0003.pdftotext-raw"
    report = load_report(CONVERTERS / f"{name}.txt")
    row = [report.value(f"section3.denied_law_forbidden.{c}")
           for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert row == [1, 0, 0, None, 0, 0, 1]
    assert not [f for f in report.flags if f.cell.startswith("section3.denied_law_forbidden")]
    assert _silent(name) == []


def test_a_misprint_in_the_total_row_is_not_moved_to_a_row_in_fewer_sums():
    # plain pdftotext, 2021, zeros 0: every value 0 but 「（七）总计」's 总计, printed 1 (the planted
    # typo, true 0); the values of the last four rows print as one run under 「2.申请人逾期未按收费
    # 通知…」. Read as printed, the 1 falls in （七）总计 × 总计. A misprint there breaks three sums
    # (its row, its column's results, 一+二 = 总计+四), one in 「3.其他」 two only; the cuts were
    # ranked by sums broken, so the 1 went to 「3.其他」, the failing sums named its cells and
    # nothing named the misprinted one. One misprint explains either cut: both are kept, the
    # as-printed one read, every cell they disagree on named.
    name = "zoo502-r0039.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert report.value("section3.total.total") == 1
    assert report.value("section3.other_other.natural") == 0
    findings = check(report)
    assert any("section3.total.total" in f.cells for f in findings if f.rule.startswith("T3"))
    assert not [f for f in findings if f.severity == ERROR]  # placed by one of several cuts: 存疑
    assert _silent(name) == []


def _plain_replaced(order, bad, numbers, width, anchors):
    """stream._replaced written plainly: every placement of the rows' values other than 0 in
    their cells tried in turn (the first value's cell first), kept when every row adds up (its
    parts summed in placing order), each value printed on a label's line staying in that row
    and an equal value free to go where another may taking a later cell (the same reading once);
    the zeros fill the other cells in printed order."""
    from itertools import permutations

    cells = [r * width + c for r in bad for c in range(width)]
    held = [order[i] for i in cells]
    moving = [n for n in held if numbers[n] != 0]
    zeros = [n for n in held if numbers[n] == 0]
    if not moving or len(moving) > 4:
        return []
    allowed = [[i for i in range(len(cells)) if n not in anchors or anchors[n] == bad[i // width]] for n in moving]
    out = []
    for at in permutations(range(len(cells)), len(moving)):
        if any(i not in allowed[k] for k, i in enumerate(at)):
            continue
        if any(numbers[moving[h]] == numbers[moving[k]] and allowed[h] == allowed[k] and at[h] > at[k]
               for k in range(len(moving)) for h in range(k)):
            continue
        parts, totals = [0.0] * len(bad), [0.0] * len(bad)
        for k, i in enumerate(at):
            if i % width == width - 1:
                totals[i // width] += numbers[moving[k]]
            else:
                parts[i // width] += numbers[moving[k]]
        if all(abs(p - t) < 1e-9 for p, t in zip(parts, totals)):
            fill = iter(zeros)
            taken = dict(zip(at, moving))
            out.append([taken[i] if i in taken else next(fill) for i in range(len(cells))])
    return out


def test_muddled_rows_are_placed_again_as_trying_every_placement_in_turn():
    # one row or two neighbours of width 2-4 whose values (some equal, some fractions, some
    # printed on a label's line) are placed again: the walk, which stops early where the rows
    # can no longer add up, finds the same readings in the same order
    import random

    from core.parse import stream

    rng = random.Random(11)
    found = 0
    for _ in range(500):
        width, rows = rng.randint(2, 4), rng.randint(2, 3)
        numbers = [rng.choice([0, 0, 0, 1, 1, 2, 3, 5, 0.5, 1.5]) for _ in range(rows * width)]
        order = list(range(rows * width))
        rng.shuffle(order)
        first = rng.randrange(rows - 1)
        bad = [first] if rng.random() < 0.5 else [first, first + 1]
        anchors = {n: rng.randrange(rows) for n in rng.sample(order, rng.randint(0, 3))}
        got = stream._replaced([order[r * width + c] for r in bad for c in range(width)], bad, numbers, width, anchors)
        assert got == _plain_replaced(order, bad, numbers, width, anchors), (numbers, order, bad, anchors)
        found += bool(got)
    assert found > 20  # (the rows often add up some way: the search is tried, not only its refusals)


def test_two_muddled_rows_of_the_tables_width_are_placed_again_as_trying_every_placement():
    # 表三's width, two neighbouring rows holding 10 4 1 15 and ten 0s (s1701 r0033): they add up
    # only with 10, 4 and 1 as one row's parts and 15 its 总计, the other row all 0s, so each row
    # takes them in 6 × 5 × 4 orders: 240 readings. The walk passes by the placings that can no
    # longer add up (10 and 4 in different rows: no total of 15 then makes both add up) and
    # finds the same readings in the same order as trying every placement; also with 15 printed
    # on the second row's label's line (120, all in that row)
    from core.parse import stream

    numbers = [10, 0, 4, 0, 0, 0, 0, 0, 1, 0, 15, 0, 0, 0]
    order = list(range(14))
    for anchors, count in (({}, 240), ({10: 1}, 120)):
        got = stream._replaced(order, [0, 1], numbers, 7, anchors)
        assert len(got) == count
        assert got == _plain_replaced(order, [0, 1], numbers, 7, anchors)


def test_a_band_of_wrapped_labels_printing_their_first_cells_beside_them_is_read_round():
    # 2019 report, zeros "0", planted typo (「1.本机关不掌握相关政府信息」 总计 printed 5828, true
    # 5288), plain pdftotext, GBK: 「2.重复申请」 is followed by 31 values, its own 7, the 14 of the
    # next two rows, then the last five cells of 「5.要求行政机关确认或重新出具已获取信息」
    # (60 0 0 44 1558) and of 「1.申请人无正当理由逾期不补正…」 (0 0 0 0 0); their first two cells
    # (1255 199, 0 0) print beside their wrapped labels after them
    name = "zoo503-r0016.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "not_processed_confirm") == [1255, 199, 60, 0, 0, 44, 1558]
    assert _t3_row(report, "other_no_correction") == [0] * 7
    assert _t3_row(report, "other_no_fee") == [731, 116, 34, 0, 0, 25, 906]
    assert _t3_row(report, "total") == [21614, 3442, 1033, 0, 0, 741, 26830]
    assert _t3_row(report, "carried_forward") == [308, 226, 35, 0, 0, 0, 569]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.unable_not_held.total", 5288)}
    assert _silent(name) == []


def test_a_band_of_wrapped_labels_with_different_numbers_beside_them_is_read_round():
    # 2019 report, zeros "0", plain pdftotext, GBK: 「2.重复申请」 is followed by 31 values, its own
    # 7, 「3.要求提供公开出版物」's 7, then the later cells of three rows whose labels wrap, 「4.无正当
    # 理由大量反复申请」 five (0 0 0 34 1758), 「5.要求行政机关确认…」 six (94 0 0 0 9 508) and
    # 「1.申请人无正当理由逾期不补正…」 six; their first cells print beside their labels after them:
    # 1402 322, 405 (then 1814, （二）部分公开's 总计, printed rows late) and 0
    name = "zoo123-r0019.pdftotext-gbk"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "not_processed_massive") == [1402, 322, 0, 0, 0, 34, 1758]
    assert _t3_row(report, "not_processed_confirm") == [405, 94, 0, 0, 0, 9, 508]
    assert _t3_row(report, "other_no_correction") == [0] * 7
    assert _t3_row(report, "partial") == [1447, 332, 0, 0, 0, 35, 1814]
    assert _t3_row(report, "total") == [22930, 5272, 0, 0, 0, 563, 28765]
    assert _silent(name) == []


def test_the_last_rows_first_cells_shared_out_among_their_labels_by_the_row_sums():
    # 2021 report, zeros "0", planted ±1 (「（一）予以公开」 其他 printed 320, true 321), plain
    # pdftotext: 「（七）总计」 and 「四、结转下年度继续办理」 print their later cells first
    # (1047 0 574 18011, 0 9 1509), then seven first cells beside their two labels, five beside the
    # first (13443 2947 0 1500 0) and two beside the second: only three for 总计 and four for 结转
    # let both rows add up
    name = "pt11s1111-r0057.pdftotext"
    report = load_report(CONVERTERS / f"{name}.txt")
    assert _t3_row(report, "total") == [13443, 2947, 0, 1047, 0, 574, 18011]
    assert _t3_row(report, "carried_forward") == [1500, 0, 0, 0, 0, 9, 1509]
    assert _t3_row(report, "other_no_fee") == [422, 92, 0, 32, 0, 18, 564]
    assert _t3_row(report, "other_other") == [1114, 244, 0, 88, 0, 47, 1493]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.granted.other", 321)}
    assert _silent(name) == []


def test_t2_rows_under_the_repeated_header_when_their_own_header_ended_the_page_before():
    # 2019 表二 crossing a page after 规范性文件: page 1 ends with (五)项's header row (上一年项目数量 /
    # 本年增/减 / 处理决定数量, nothing under it); page 2 repeats the table's header row and prints
    # 行政许可's and 其他对外管理服务事项's cells under its names ("本年新制作数量 15 38 / 本年新公开数量 0 0
    # / 对外公开总数量 0 4"), the later blocks under their own names (上一年项目数量 27 7 …)
    report = load_report(Path(__file__).resolve().parents[2] / "fixtures" / "zoo" / "pages303-r0001-pdftotext-utf-8.txt")
    docs = ("new_made", "new_published", "total_published")
    assert _t2_row(report, "rules", docs) == [0, 0, 0]
    assert _t2_row(report, "normative_docs", docs) == [0, 0, 15]
    assert _t2_row(report, "licensing", ITEMS) == [15, 0, 0]
    assert _t2_row(report, "other_services", ITEMS) == [38, 0, 4]
    assert _t2_row(report, "punishment", ITEMS) == [27, 0, 0]
    assert _t2_row(report, "coercion", ITEMS) == [7, 0, 18]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [51, 0]
    assert _t2_row(report, "procurement", ("count", "amount")) == [0, 0]
    # placed by the column order alone: the two rows printed under another block's names are in doubt
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds["section2.licensing"] == "inferred" and kinds["section2.other_services"] == "inferred"
    assert "section2.punishment" not in kinds
    # read again from its blocks, 规范性文件 (0 0 15) keeps no note of its first reading beside its
    # label (two values, "只印有0和占位符…均按0计")
    assert "section2.normative_docs" not in kinds


def test_t2_row_after_its_labels_when_its_own_header_ended_the_page_before_with_values_apart_under_it():
    # 2019 表二 crossing a page after 行政强制, zeros "0", no planted typo: page 1 prints its blocks,
    # then 行政事业性收费's header row (上一年项目数量 / 本年增/减, nothing under it), then the two
    # 处理决定数量 values that printed apart (23,626 of 行政许可, 2 of 其他对外管理服务事项); page 2's
    # labels, then 行政事业性收费's cells (1 0), then 政府集中采购's block. Before: 表二 unread (21 cells)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "p5150-r0038-pdftotext-gbk.txt")
    assert _t2_row(report, "licensing", ITEMS) == [0, 0, 23626]
    assert _t2_row(report, "other_services", ITEMS) == [3, 0, 2]
    assert _t2_row(report, "punishment", ITEMS) == [285, -280, 0]
    assert _t2_row(report, "coercion", ITEMS) == [0, 0, 549]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [1, 0]
    assert _t2_row(report, "procurement", ("count", "amount")) == [37, 44.54]
    assert not [cell for cell in wrong if cell.startswith("section2")] and silent == []
    # placed by where they printed, not read beside their labels: each such row is noted
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == {"section2.licensing": "inferred", "section2.other_services": "inferred",
                     "section2.fees": "inferred"}


def _line_tokens(lines):
    """A token a non-empty line: a number or words, on that line's index."""
    return [Token(NUM, text, 0, 0, n, int(text)) if text.isdigit() else Token(TEXT, text, 0, 0, n)
            for n, text in enumerate(lines) if text]


def test_t2_names_left_behind_take_only_values_printed_apart_after_them():
    columns = (("new_made", "本年新制作数量", ("rules",)), ("new_published", "本年新公开数量", ("rules",)))
    then = ("上一年项目数量", "本年增/减")
    # the value 本年新公开数量 lacks printed apart (after an empty line) after the next block's names
    own, loose, _ = pdfblocks.column_blocks(
        _line_tokens(["本年新制作数量", "0", "本年新公开数量", "", "上一年项目数量", "本年增/减", "", "5"]),
        columns, then)
    assert [[t.value for t in o] for o in own] == [[0], []] and [t.value for t in loose] == [5]
    # a value right under the names (no empty line) is that block's own: not this layout
    assert pdfblocks.column_blocks(
        _line_tokens(["本年新制作数量", "0", "本年新公开数量", "", "上一年项目数量", "本年增/减", "5"]),
        columns, then) is None
    # without the names expected, they end the blocks (the value after them is not read)
    own, loose, _ = pdfblocks.column_blocks(
        _line_tokens(["本年新制作数量", "0", "本年新公开数量", "", "上一年项目数量", "本年增/减", "", "5"]), columns)
    assert loose == []


def test_t2_page_two_blocks_printed_out_of_the_templates_order_are_read_by_their_names():
    # 2019 表二 crossing a page inside 第（六）项 (行政处罚 on page 1, 行政强制 on page 2), zeros "0": page 1
    # ends with 处理决定数量's column empty and the two values printed apart after the page number
    # (32399 / 180); page 2 prints 行政强制's cells under 上一年项目数量 / 本年增/减, then 行政事业性收费's and
    # 政府集中采购's blocks, and only then 第（六）项's 处理决定数量 (17366, then 1623 apart). Before:
    # 表二 unread (20 cells flagged)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "pages303-r0026-pdftotext-utf-8.txt")
    assert _t2_row(report, "licensing", ITEMS) == [0, 0, 32399]
    assert _t2_row(report, "other_services", ITEMS) == [707, -436, 180]
    assert _t2_row(report, "punishment", ITEMS) == [0, 0, 17366]
    assert _t2_row(report, "coercion", ITEMS) == [0, 0, 1623]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [3, 1]
    assert _t2_row(report, "procurement", ("count", "amount")) == [0, 0]
    assert not [cell for cell in wrong if cell.startswith("section2")] and silent == []
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == dict.fromkeys(("section2.licensing", "section2.other_services", "section2.punishment",
                                   "section2.coercion"), "inferred")


def test_t2_repeated_header_names_with_a_value_printed_apart_after_them_are_not_a_column():
    # 2019 表二, page 2 holds 行政事业性收费 and 政府集中采购 only: it repeats the table's header row
    # (本年新制作数量 / 本年新公开数量 / 对外公开总数量) among their names with nothing under them; the
    # last one is followed, after an empty line, by 采购总金额's 6.6047 printed apart. Before: 表二
    # unread (22 cells flagged)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "pages917-r0023-pdftotext-utf-8.txt")
    assert _t2_row(report, "punishment", ITEMS) == [39, 0, 5723]
    assert _t2_row(report, "coercion", ITEMS) == [2, 1, 3239]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [0, 0]
    assert _t2_row(report, "procurement", ("count", "amount")) == [18, 6.6047]
    assert wrong == [] and silent == []
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == {"section2.procurement": "inferred"}


def test_t2_names_in_any_order_a_shared_name_taken_by_its_columns_in_order():
    columns = (("prev_items", "上一年项目数量", ("punishment",)), ("decisions", "处理决定数量", ("punishment",)),
               ("prev_items", "上一年项目数量", ("fees",)))
    tokens = _line_tokens(["上一年项目数量", "7", "", "上一年项目数量", "3", "", "处理决定数量", "9"])
    assert pdfblocks.column_blocks(tokens, columns) is None  # in the template's order only
    own, loose, _ = pdfblocks.column_blocks(tokens, columns, any_order=True)
    assert [[t.value for t in o] for o in own] == [[7], [9], [3]] and loose == []


def test_t2_next_page_block_with_no_names_over_it_prints_its_columns_right_after_the_labels():
    # 2019 表二 crossing a page after 规范性文件: page 1 ends with 行政许可's block's header row
    # (上一年项目数量 / 本年增/减 / 处理决定数量) with nothing under it; page 2 repeats no names and
    # prints that block's columns right after its labels, one paragraph each (0 0 · 0 0 · 17998),
    # 其他对外管理服务事项's 处理决定数量 23902 printed apart at the very end. Before: 表二 left unread
    # (18 cells flagged)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "p6007-r0035-pdftotext-utf-8.txt")
    assert _t2_row(report, "licensing", ITEMS) == [0, 0, 17998]
    assert _t2_row(report, "other_services", ITEMS) == [0, 0, 23902]
    assert _t2_row(report, "punishment", ITEMS) == [1, 0, 9]
    assert _t2_row(report, "coercion", ITEMS) == [3, 0, 0]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [71, -22]
    assert _t2_row(report, "procurement", ("count", "amount")) == [11, 0]
    assert wrong == [] and silent == []
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == {"section2.licensing": "inferred", "section2.other_services": "inferred"}


def test_t2_bare_page_number_under_names_left_behind_is_the_footer_and_a_narrower_row_under_repeated_names():
    # 2019 表二 crossing a page: page 1 ends with 行政事业性收费's header row (上一年项目数量 / 本年增/减)
    # with nothing under it, then the page's footer 「1」 alone on its line, then 行政处罚's and
    # 行政强制's 处理决定数量 printed apart (60425, 7); page 2 repeats 第（一）项's header row and prints
    # 行政事业性收费's two cells under its first two names (本年新制作数量 289, 本年新公开数量 8),
    # 对外公开总数量 with nothing under it. Before: the 「1」 read as a value under the names, 表二 unread
    # (20 cells flagged)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "pages917-r0002-pdftotext-gbk.txt")
    assert _t2_row(report, "punishment", ITEMS) == [117, 0, 60425]
    assert _t2_row(report, "coercion", ITEMS) == [29, 1, 7]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [289, 8]
    assert _t2_row(report, "procurement", ("count", "amount")) == [168, 11.8807]
    assert [c for c in wrong if c.startswith("section2.")] == [] and silent == []  # (its 表三 is read elsewhere)
    assert {f.cell for f in report.flags if f.cell.startswith("section2.")} == {
        "section2.punishment", "section2.coercion", "section2.fees", "section2.procurement"}


def test_t2_bare_page_number_is_only_its_page_number_with_nothing_but_values_after_it_on_its_page():
    def token(kind, text, line):
        return Token(kind, text, 0, 0, line, int(text) if kind == NUM else None)

    region = [token(TEXT, "本年增/减", 10), token(NUM, "1", 11), token(NUM, "60425", 13), token(TEXT, "信息内容", 21)]
    assert pdfblocks._bare_page_number(region, region, (20,)) is region[1]
    assert pdfblocks._bare_page_number(region, region, ()) is None  # no pages marked
    # page 2's number on page 1, or words after it on its page: no footer
    assert pdfblocks._bare_page_number(region, region, (5, 20)) is None
    worded = region[:2] + [token(TEXT, "行政处罚", 12)] + region[2:]
    assert pdfblocks._bare_page_number(worded, worded, (20,)) is None


def test_t2_footer_number_before_the_values_printed_apart_at_the_page_end_is_not_a_cell():
    # 2019 表二 on one page of labels, its blocks on page 2, which ends 「采购总金额 / 0」, its footer
    # 「2」 and then 行政处罚's and 行政强制's 处理决定数量 (151999, 149) printed apart: one value too
    # many for the columns until the footer is set aside. Before: 表二 unread (17 cells flagged)
    report, wrong, silent = read_against_truth(Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
                                               / "p6007-r0029-pdftotext-utf-8.txt")
    assert _t2_row(report, "punishment", ITEMS) == [3, 0, 151999]
    assert _t2_row(report, "coercion", ITEMS) == [413, 18, 149]
    assert _t2_row(report, "procurement", ("count", "amount")) == [None, 0]  # (its 采购项目数量 prints －)
    assert [c for c in wrong if c.startswith("section2.")] == [] and silent == []
