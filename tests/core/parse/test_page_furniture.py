"""Tables that cross a page: the footer's page number and 表三's repeated header rows between two
rows are no rows (core/parse/page_furniture.py). Read from committed outputs of the pages zoo
(`bench/zoo.py build --pages`; truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.parse.page_furniture import furniture
from core.parse.sections import find_sections
from core.readers.document import Document, TextBuilder
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")]


@pytest.mark.parametrize("name", ["pages303-r0012-lo-pdf.pdf", "pages303-r0012-pdftotext-layout-gbk.txt"])
def test_a_header_repeated_on_the_next_page_is_not_the_row_total(name):
    # 表三 breaks after 「（五）1、信访举报投诉类申请」 (5 1 0 0 0 0 6); the next page prints the
    # whole header again (申请人情况 / 自然人 法人或其他组织 总计 / 商业企业 …) before 「2、重复申请」.
    # Its 总计 was read as the label of the row （七）总计: rows 2–5 of （五） lost, 总计 read as 0s.
    report, wrong, silent = read_against_truth(ZOO / name)
    assert wrong == [] and silent == []
    assert _row(report, "not_processed_complaint") == [5, 1, 0, 0, 0, 0, 6]
    for key in ("not_processed_duplicate", "not_processed_publication", "not_processed_massive",
                "not_processed_confirm"):
        assert _row(report, key) == [0] * 7
    # the planted typo is read as printed: 149 + 22 = 171, printed 117
    assert _row(report, "total") == [149, 22, 0, 0, 0, 0, 117]
    assert _row(report, "carried_forward") == [0, 3, 0, 0, 0, 0, 3]


def test_page_numbers_第_页_共_页_inside_表三_are_no_values():
    # pdfplumber joins the pages without a mark: 「第 2 页 共 4 页」 prints under 表三's heading and
    # 「第 3 页 共 4 页」 after its last row; wrapped rows around them keep their own numbers
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0010-pdfplumber.txt")
    assert wrong == [] and silent == []
    assert _row(report, "partial") == [1474, 387, 0, 0, 60, 0, 1921]
    assert _row(report, "not_processed_confirm") == [367, 96, 0, 0, 15, 0, 478]


def test_a_dashed_page_number_and_a_raw_repeated_header_are_skipped():
    # pdftotext -raw, zeros mixed (0, 无, blank): 「— 2 —」 follows 「2.其他法律行政法规禁止公开 无 0 0」,
    # then the repeated header one word a line; 「— 3 —」 follows section 四's heading. The 2 was read
    # into 表三, the 3 as 表四's 行政复议 结果纠正.
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0022-pdftotext-raw-utf-8.txt")
    assert wrong == [] and silent == []
    assert 2 not in _row(report, "denied_law_forbidden")
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "total")] \
        == [0, 0, 0, 0]
    assert _row(report, "denied_safety_stability")[0] == 7 and _row(report, "denied_third_party")[-1] == 12


def test_a_bare_page_number_before_表四_is_no_cell_and_the_typo_is_still_found():
    # our PDF reader: the footer 「3」 of page 3 prints between section 四's heading and 表四 (all 0);
    # the report's planted typo is 表三 （一）予以公开 总计 printed 3 for 0+1+0+0+0+0 = 1
    from core.check.rules import check

    report, wrong, silent = read_against_truth(ZOO / "pages303-r0040-lo-pdf.pdf")
    assert wrong == [] and silent == []
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [0, 0, 0, 0, 0]
    assert _row(report, "granted") == [0, 1, 0, 0, 0, 0, 3]
    suggestions = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert ("section3.granted.total", 1) in suggestions


def _doc(lines: list[str]) -> Document:
    """A text with a form feed after each line "- N -" (as pdftotext prints a page's footer)."""
    builder = TextBuilder()
    builder.add_tab_lines(lines)
    starts = tuple(i + 1 for i, line in enumerate(lines) if line.startswith("- ") and line[2:3].isdigit())
    return Document("t.txt", "txt", "utf-8", "\n".join(lines) + "\n", builder.lines, [], starts)


def _dropped(lines: list[str]) -> list[str]:
    doc = _doc(lines)
    sections = find_sections(doc.lines, doc.text)
    regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}
    return [doc.lines[i].text for i in furniture(doc, regions)]


_HEAD = ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人\t法人或其他组织\t总计",
         "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
_TAIL = ["（七）总计\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]


def test_only_a_repeat_after_the_rows_is_dropped_and_a_lone_dash_row_is_kept():
    lines = ["一、总体情况", "无。", "二、主动公开政府信息情况", "- 1 -"] + _HEAD + \
        ["一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1", "- 2 -"] + _HEAD[1:] + \
        ["二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"] + _TAIL
    # the first header names the columns; the second comes after a row: a repeat. The two footers
    # number pages 1 and 2.
    assert _dropped(lines) == ["- 1 -", "- 2 -"] + [" ".join(line.split("\t")) for line in _HEAD[1:]]
    # "- 0 -" (a row of placeholders and a 0) numbers no page: kept, and so is a footer's form
    # ending a single page. A header printed in pieces before any row (markdown tables' separator
    # lines between its rows) is the table's header.
    lines = ["一、总体情况", "无。", "二、主动公开政府信息情况", "- 0 -"] + _HEAD[:2] + ["---"] + _HEAD[2:] + \
        ["一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1", "- 0 -"] + _TAIL
    assert _dropped(lines) == []
    lines = ["一、总体情况", "无。", "二、主动公开政府信息情况"] + _HEAD + \
        ["一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1", "- 2 -"] + _TAIL
    assert _dropped(lines) == []


def test_a_page_number_under_表二s_last_row_is_no_fee_and_one_inside_表三_no_total():
    # our PDF reader (a consistent 2021 report, blank zeros): page 2 ends under 表二's last row
    # 行政事业性收费 (printed blank), its footer 「2」 alone on the next line; page 3 ends under
    # 表三's 2.重复申请 (printed blank), its 「3」 likewise. Before, 「2」 was the fee, read silently,
    # and 「3」 2.重复申请's 总计: a 错误 on a consistent report
    from core.check.rules import ERROR, check

    report, wrong, silent = read_against_truth(ZOO / "pages406-r0007-lo-pdf.pdf")
    assert wrong == [] and silent == []
    assert report.value("section2.fees.amount") in (None, 0)
    assert report.value("section3.not_processed_duplicate.total") in (None, 0)
    assert report.value("section3.granted.total") == 211
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_dropped_page_number_is_not_read_back_as_a_fee_glued_to_its_label():
    # the same report as pdftotext -layout prints it: form feeds, each page's number its last line;
    # 「2」 under 行政事业性收费 is dropped as page furniture, and the reading of runs glued to their
    # labels (docx2txt's, glued.py), which reads the text and not its lines, no longer takes it back
    report, wrong, silent = read_against_truth(ZOO / "pages406-r0007-pdftotext-layout-utf-8.txt")
    assert "section2.fees.amount" not in wrong and silent == []
    assert report.value("section2.fees.amount") in (None, 0)


def _t2(report, key: str, columns: tuple[str, ...]) -> list:
    return [report.value(f"section2.{key}.{c}") for c in columns]


_MADE = ("new_made", "new_published", "total_published")
_ITEMS = ("prev_items", "change", "decisions")


def test_t2_printed_column_by_column_with_no_value_beside_its_labels_is_read_under_its_headers():
    # page 1 ends under 表二: plain pdftotext prints its labels, then every column as a block of
    # its own, its block's first too ("本年新制作数量 / 0 / 0", "对外公开总数量 / 0 / 5", …), the
    # column 处理决定数量 of 行政许可 printing one value (0) under its header and 其他对外管理服务事项's
    # 12920 apart, after 采购总金额's block; then 「第1页」. Was: every row of 表二 unread.
    report, wrong, silent = read_against_truth(ZOO / "pages304-r0002-pdftotext-gbk.txt")
    assert silent == [] and not any(cell.startswith("section2.") for cell in wrong)
    assert _t2(report, "rules", _MADE) == [0, 0, 0]
    assert _t2(report, "normative_docs", _MADE) == [0, 0, 5]
    assert _t2(report, "licensing", _ITEMS) == [0, 0, 0]
    assert _t2(report, "other_services", _ITEMS) == [0, 0, 12920]
    assert _t2(report, "punishment", _ITEMS) == [2, 0, 23]
    assert _t2(report, "coercion", _ITEMS) == [141, -89, 0]
    assert _t2(report, "fees", ("prev_items", "change")) == [0, 0]
    assert _t2(report, "procurement", ("count", "amount")) == [7, 0]
    # the rows that took the value printed apart are flagged for a look; the others are not
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == {"section2.licensing": "inferred", "section2.other_services": "inferred"}


def test_t2_column_printing_no_value_under_its_header_takes_both_values_printed_apart():
    # 行政处罚's and 行政强制's 处理决定数量 print nothing under their header; 230363 and 0 print
    # apart after 采购总金额's block, in the rows' order
    report, _, silent = read_against_truth(ZOO / "pages304-r0037-pdftotext-utf-8.txt")
    assert silent == []
    assert _t2(report, "rules", _MADE) == [2, 2, 2]
    assert _t2(report, "normative_docs", _MADE) == [0, 0, 6]
    assert _t2(report, "licensing", _ITEMS) == [102, 0, 4]
    assert _t2(report, "other_services", _ITEMS) == [164, 0, 8006]
    assert _t2(report, "punishment", _ITEMS) == [468, -433, 230363]
    assert _t2(report, "coercion", _ITEMS) == [63, -10, 0]
    assert _t2(report, "fees", ("prev_items", "change")) == [3, 0]
    assert _t2(report, "procurement", ("count", "amount")) == [120, 0]
    flagged = {f.cell for f in report.flags if f.cell.startswith("section2.")}
    assert flagged == {"section2.punishment", "section2.coercion"}


def test_t2_values_printed_apart_after_the_footer_or_after_section_3s_heading_are_still_t2s():
    # the value 其他对外管理服务事项's 处理决定数量 lacks (37835) prints on page 2, after section
    # 三's heading and the footer 「—2—」, before 表三's note: taken back into 表二, out of 表三
    report, _, silent = read_against_truth(ZOO / "pages305-r0001-pdftotext-gbk.txt")
    assert silent == []
    assert _t2(report, "licensing", _ITEMS) == [103, 0, 0]
    assert _t2(report, "other_services", _ITEMS) == [0, 0, 37835]
    assert _t2(report, "coercion", _ITEMS) == [37, 0, 3391]
    assert _t2(report, "procurement", ("count", "amount")) == [17, 315.7]
    assert 37835 not in {cell.value for path, cell in report.cells.items() if path.startswith("section3.")}
    # 行政处罚's and 行政强制's 处理决定数量 (273,343 and 1) print after page 2's footer 「—2—」,
    # before the form feed: the footer is no value and ends no block
    report, _, silent = read_against_truth(ZOO / "pages305-r0026-pdftotext-utf-8.txt")
    assert silent == []
    assert _t2(report, "punishment", _ITEMS) == [129, 0, 273343]
    assert _t2(report, "coercion", _ITEMS) == [4, 3, 1]
    assert _t2(report, "fees", ("prev_items", "change")) == [97, 20]
    assert _t2(report, "procurement", ("count", "amount")) == [229, 0.28]
    # the planted wrong 总计 in 表三 is still found
    assert any("section3.denied_internal_affairs.total" in f.cells for f in check(report))


def test_t2_crossing_a_page_is_read_page_by_page_its_continued_row_under_the_repeated_header():
    # page 1 prints the labels 规章 … 行政许可 and their blocks (行政许可's 55 / -6 / 6 alone under
    # its block's headers), then 「—1—」; page 2 repeats the table's header row and prints the other
    # labels and their blocks: 其他对外管理服务事项 continues 行政许可's block, its cells (77, -57, 841)
    # under the repeated names 本年新制作数量 / 本年新公开数量 / 对外公开总数量; 行政处罚's and 行政强制's
    # 处理决定数量 (89230, 1) print apart at the end. Was: every row of 表二 unread, or misread.
    report, wrong, silent = read_against_truth(ZOO / "pages305-r0028-pdftotext-utf-8.txt")
    assert silent == [] and not any(cell.startswith("section2.") for cell in wrong)
    assert _t2(report, "rules", _MADE) == [0, 0, 0]
    assert _t2(report, "normative_docs", _MADE) == [35, 35, 96]
    assert _t2(report, "licensing", _ITEMS) == [55, -6, 6]
    assert _t2(report, "other_services", _ITEMS) == [77, -57, 841]
    assert _t2(report, "punishment", _ITEMS) == [12, -7, 89230]
    assert _t2(report, "coercion", _ITEMS) == [1, 0, 1]
    assert _t2(report, "fees", ("prev_items", "change")) == [177, 0]
    assert _t2(report, "procurement", ("count", "amount")) == [33, 0]
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds == {"section2.other_services": "inferred", "section2.punishment": "inferred",
                     "section2.coercion": "inferred"}


def test_t2_crossing_a_page_before_a_new_block_leaves_the_repeated_names_empty():
    # page 2 holds only 政府集中采购 (a block of its own): the repeated names print with no value
    # under them, 对外公开总数量 after 采购总金额's block; 采购项目数量 2, 采购总金额 7.75
    report, wrong, silent = read_against_truth(ZOO / "pages305-r0002-pdftotext-gbk.txt")
    assert silent == [] and not any(cell.startswith("section2.") for cell in wrong)
    assert _t2(report, "normative_docs", _MADE) == [10, 10, 94]
    assert _t2(report, "licensing", _ITEMS) == [4, 3, 9313]
    assert _t2(report, "coercion", _ITEMS) == [76, -35, 63]
    assert _t2(report, "fees", ("prev_items", "change")) == [770, 72]
    assert _t2(report, "procurement", ("count", "amount")) == [2, 7.75]


def test_a_bare_page_number_in_a_text_marking_no_pages_is_no_fee_where_all_its_lone_numbers_count_the_pages():
    # pdfplumber joins the pages without a mark, and the text prints neither 页 nor 表三's header
    # twice: page 1 ends under 行政事业性收费 (printed blank), its 「1」 alone on the next line, page 2
    # under 8.属于行政查询事项 (blank) with 「2」. The lines holding a number alone, through the whole
    # text, are 1 2 3 4, the last one its last line: the pages' numbers. Before, 「1」 was the fee,
    # read silently, and 「2」 a cell of row 8
    report, wrong, silent = read_against_truth(ZOO / "pages406-r0039-pdfplumber.txt")
    assert silent == [] and not [c for c in wrong if c.startswith("section3") or c.startswith("section2.fees")]
    assert report.value("section2.fees.amount") is None
    assert _row(report, "denied_admin_query") == [None] * 7  # (blank: a row printing nothing)
    assert _row(report, "unable_not_held") == [5220, 1270, 0, 0, 0, 0, 6490]


def test_a_page_of_plain_pdftotext_ending_on_a_value_does_not_hide_the_others_numbers():
    # the same report in plain pdftotext: form feeds, pages 1 and 4 end on their numbers 「1」 and
    # 「4」, page 2 on a value of 表三 (5068: a page's text blocks print column by column) and page 3
    # on a word. Two pages of three ending on a bare number end on their own: 「1」 is page 1's, not
    # the fee's
    report, wrong, silent = read_against_truth(ZOO / "pages406-r0039-pdftotext-utf-8.txt")
    assert silent == []
    assert report.value("section2.fees.amount") is None


def test_lone_numbers_that_do_not_count_the_pages_are_kept():
    # a text marking no pages: 表二's fee 「1」 alone on its line, the text ending on 「2」, but a
    # value of 表三 alone on a line too (「7」): the lone numbers 1 7 2 count no pages, nothing is dropped
    t2 = ["二、主动公开政府信息情况", "行政事业性收费", "1"]
    tail = ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    rows = ["一、本年新收政府信息公开申请数量 7 0 0 0 0 0 7", "（七）总计 7 0 0 0 0 0 7"]
    assert _dropped(["一、总体情况", "无。"] + t2 + _HEAD + rows + ["7"] + tail + ["2"]) == []
    # without the 「7」: 1 2, the last the text's last line, number the pages
    assert _dropped(["一、总体情况", "无。"] + t2 + _HEAD + rows + tail + ["2"]) == ["1"]
    # and a text ending in prose leaves a lone 「1」 under 表二 as it is
    assert _dropped(["一、总体情况", "无。"] + t2 + _HEAD + rows + tail) == []


def test_a_value_wrapped_onto_a_line_of_its_own_does_not_hide_the_pages_numbers():
    # pdfplumber (no page marks), blank zeros: the lines holding a number alone are 1 (after 总体情况),
    # 2 (under 行政事业性收费, printed blank), 1 (「（二）部分公开」's 1 wrapped onto a line of its own
    # inside 表三), 3 (after 表三) and 4 (the text's last line). The count 1 2 3 4 runs through the
    # whole text around the table's value: 「2」 is page 2's, no fee (read silently before, and the
    # 「3」 a cell of 四、结转下年度, which hid the planted 总计 37 of 一 for 38)
    report, wrong, silent = read_against_truth(ZOO / "p3508-r0033-pdfplumber.txt")
    assert silent == []
    assert report.value("section2.fees.amount") is None
    assert _row(report, "carried_forward") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(report, "partial") == [0, 1, 0, 0, 0, 0, 1]
    assert [(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion] \
        == [("section3.new.total", 38)] * 2


def test_a_table_value_that_may_be_a_pages_number_leaves_the_lone_numbers_as_they_are():
    t2 = ["二、主动公开政府信息情况", "行政事业性收费", "2"]
    tail = ["四、政府信息公开行政复议、行政诉讼情况", "3", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    rows = ["一、本年新收政府信息公开申请数量 7 0 0 0 0 0 7", "（七）总计 7 0 0 0 0 0 7"]
    head = ["一、总体情况", "无。", "1"]
    # 1 2 (7) 3 4: a value alone inside the tables that no page's number is, 「2」 is page 2's
    assert _dropped(head + t2 + _HEAD + rows + ["7"] + tail + ["4"]) == ["2", "3"]
    # 1 2 (2) 3 4: which 「2」 numbers page 2 is unknown, nothing is dropped
    assert _dropped(head + t2 + _HEAD + rows + ["2"] + tail + ["4"]) == []
    # 1 2 3 4 with as many values alone among them as pages: the count no longer says the lone
    # numbers are mostly the pages', nothing is dropped (three values still leave it to the pages)
    assert _dropped(head + t2 + _HEAD + rows + ["7", "9", "8", "6"] + tail + ["4"]) == []
    assert _dropped(head + t2 + _HEAD + rows + ["7", "9", "8"] + tail + ["4"]) == ["2", "3"]


def _unmarked_dropped(lines: list[str]) -> list[str]:
    """_dropped of a text marking no pages (pdfplumber's: no form feeds)."""
    builder = TextBuilder()
    builder.add_tab_lines(lines)
    doc = Document("t.txt", "txt", "utf-8", "\n".join(lines) + "\n", builder.lines, [], ())
    sections = find_sections(doc.lines, doc.text)
    regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}
    return [doc.lines[i].text for i in furniture(doc, regions)]


def test_footers_that_count_the_pages_to_the_texts_end_are_page_numbers_in_a_text_marking_none():
    # a text marking no pages, printing neither 页 nor 表三's header twice: its lines 「— 1 —」,
    # 「— 2 —」, 「— 3 —」 (the last its last line) count its pages, so 「— 2 —」 under 表三's last
    # row is page 2's number, not a placeholder, a 2 and a placeholder of that row's
    t2 = ["二、主动公开政府信息情况", "行政事业性收费\t1"]
    rows = ["一、本年新收政府信息公开申请数量\t7\t0\t0\t0\t0\t0\t7", "（七）总计\t7\t0\t0\t0\t0\t0\t7",
            "四、结转下年度继续办理\t/\t0\t/\t0"]
    tail = ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
    head = ["一、总体情况", "无。", "— 1 —"] + t2 + _HEAD + rows
    assert _unmarked_dropped(head + ["— 2 —"] + tail + ["— 3 —"]) == ["— 2 —"]
    # footers that do not count 1, 2, 3 (a 「— 5 —」 last), or a text ending in prose: kept
    assert _unmarked_dropped(head + ["— 2 —"] + tail + ["— 5 —"]) == []
    assert _unmarked_dropped(head + ["— 2 —"] + tail + ["— 3 —", "2022年12月"]) == []


def test_a_dashed_footer_under_表三s_last_row_is_no_cell_of_it_in_pdfplumbers_text():
    # pdfplumber (no form feeds), 2021, zeros mixed: 「四、结转下年度继续办理」 prints 「/ 0 / 0」
    # (its 科研机构 and 总计 0, the rest blank), and page 3's footer 「— 3 —」 follows on the next
    # line; the text prints no 页 and 表三's header once, but its footers 「— 1 —」 … 「— 4 —」
    # count its pages to its last line. Before, 「— 3 —」 made the row's 4 values 7 (— 3 — read as
    # 法律服务机构, 其他, 总计): 其他 3, a T3-1 and a T3-3 错误 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "pages752-r0014-pdfplumber.txt")
    assert silent == [] and not [c for c in wrong if c.startswith("section3")]
    assert report.value("section3.carried_forward.other") in (None, 0)
    assert report.value("section3.carried_forward.total") in (None, 0)
    assert not [f for f in check(report) if f.severity == "error"]


def test_a_bare_page_number_followed_by_a_header_word_is_still_the_pages():
    # plain pdftotext (gbk): page 1 ends 「行政强制 / 第二十条第（八）项 / 1 / 现行有效件数」 — its number 「1」
    # with a column name of 表二 printed after it — page 2 on a value of 表三 (47), page 3 on 「3」,
    # page 4 on 「4 / 总计」. Three pages of four end on their own number (among their last lines,
    # words only after it): 「1」 is page 1's, not 行政强制's decisions (read silently before)
    report, wrong, silent = read_against_truth(ZOO / "pages409-r0032-pdftotext-gbk.txt")
    assert silent == []
    assert report.value("section2.coercion.decisions") is None


def test_a_page_numbers_own_empty_lines_go_with_it_and_leave_no_blank_cell():
    # plain pdftotext, blank zeros: 「规章 / 行政规范性文件 / 3 / 35 / -1-」, one value a paragraph, then
    # page 2 repeats 表二's header. Without 「-1-」 its empty lines joined the one after 35 into a
    # wider gap, read as a blank cell after 35: 3 35 and a blank, silently (35 is 现行有效件数, the
    # blank 本年废止件数). The page number goes with its paragraph break: the row prints two values
    # for three columns and is read the way such a row is, flagged
    report, wrong, silent = read_against_truth(ZOO / "pages408-r0022-pdftotext-utf-8.txt")
    assert silent == []
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [3, None, 35]
    assert any(f.cell == "section2.normative_docs" and "印有2个数值，模板为3列" in f.message for f in report.flags)


def test_a_footers_form_among_a_pages_last_lines_wins_over_a_number_alone():
    # plain pdftotext: page 3 ends 「-3- / 1 / 总计」 — its footer 「-3-」, then a value of 表四 (1) and a
    # header's word. The number alone is no page's number where a footer's form numbers the page:
    # 「-3-」 is dropped, 「1」 stays (the planted +1 in 3.其他 × 其他 is still found)
    from core.check.rules import check

    report, wrong, silent = read_against_truth(ZOO / "pages407-r0009-pdftotext-utf-8.txt")
    assert silent == []
    assert any("section3.other_no_correction.other" in f.cells for f in check(report))


def test_a_footer_followed_by_a_page_of_header_words_is_no_value_of_a_blank_t4():
    # plain pdftotext, 2021, zeros blank: 表四 is printed blank, and page 3's footer 「-3-」 comes
    # before 11 of 表四's header words (复议后起诉, 总计, 结果 …, a blank line between each) that
    # end the page. Before, 「-3-」 stayed in the table as its one "value": no value read, 表四 taken
    # for missing, and D-2 said 缺少统计表：表四 as 错误 on a consistent report
    from core.check.rules import ERROR, check

    report, wrong, silent = read_against_truth(ZOO / "pages711-r0038-pdftotext-gbk.txt")
    assert "section4" in report.tables
    assert [c for c in wrong if c.startswith("section4")] == [] and silent == []
    assert all(report.value(p) is None for p in report.cells if p.startswith("section4."))
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    findings = check(report)
    assert not [f for f in findings if f.rule == "D-2"]
    assert not [f for f in findings if f.severity == ERROR]


def test_a_第_页_共_页_footer_under_t2_in_a_text_marking_no_pages_is_no_procurement():
    # pdfplumber (no form feeds), 2019, zeros blank: page 1 ends under 表二's last row 政府集中采购
    # (printed blank), its footer 「第 1 页 共 3 页」 next; pages 2 and 3 end outside the tables. Before,
    # 表三's and 表四's sections printing no 页, the text was taken to mark no pages and
    # 政府集中采购 read 1 and 3 silently. The planted typo (予以公开×自然人 48, true 84) is still found
    report, wrong, silent = read_against_truth(ZOO / "pages713-r0028-pdfplumber.txt")
    assert silent == []
    assert [report.value(f"section2.procurement.{c}") for c in ("count", "amount")] == [None, None]
    assert not [c for c in wrong if c.startswith("section2")]
    from core.check.rules import check

    assert [f for f in check(report) if "section3.granted.natural" in f.cells]


def test_rows_under_a_header_repeated_on_the_next_page_go_where_that_header_names_the_columns():
    # pdftotext -layout, zeros as blank cells (no row prints all 7 columns: the columns come from the
    # header's names). 表三 breaks after 「一、本年新收」 (423 19 _ _ 5 _ 447); page 2 repeats the header
    # padded by its own measure, 总计 6 characters left of page 1's: its rows print their 总计 there,
    # under page 1's 其他. Read by page 2's names, each total is a total again.
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0020-pdftotext-layout-gbk.txt")
    assert wrong == [] and silent == []
    blank = None
    assert _row(report, "new") == [423, 19, blank, blank, 5, blank, 447]
    assert _row(report, "carried_over") == [blank, 2, blank, blank, blank, blank, 2]
    assert _row(report, "partial") == [24, 2, blank, blank, blank, blank, 26]
    assert _row(report, "denied_process_info") == [26, 1, blank, blank, blank, blank, 27]
    assert _row(report, "not_processed_complaint") == [19, blank, blank, blank, blank, blank, 19]
    assert _row(report, "total") == [423, 21, blank, blank, 5, blank, 449]
    # placed by the header's names, not by full rows: still marked for a look
    assert any(f.cell == "section3.carried_over" and f.kind == "inferred" for f in report.flags)


def _paged(pages: list[list[str]]) -> list[str]:
    """_dropped of a text whose pages (pdftotext's form feeds) print these lines."""
    lines = [line for page in pages for line in page]
    builder = TextBuilder()
    builder.add_tab_lines(lines)
    ends = tuple(sum(map(len, pages[:n])) for n in range(1, len(pages) + 1))
    doc = Document("t.txt", "txt", "utf-8", "\n".join(lines) + "\n", builder.lines, [], ends)
    sections = find_sections(doc.lines, doc.text)
    regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}
    return [doc.lines[i].text for i in furniture(doc, regions)]


def test_a_page_number_after_prose_shows_the_text_numbers_its_pages_alone():
    # plain pdftotext: page 1 ends under 表二's 行政许可 (blank) on 「1」 and a header word printed
    # after it, pages 2 and 3 on values of 表三 (their numbers printed higher up), page 4 on 「4」
    # right after section 六's last sentence. Two pages of four ending on their own number are not
    # more than half, but no table's value follows a sentence: 「1」 is page 1's number, not a value
    page1 = ["一、总体情况", "无。", "二、主动公开政府信息情况", "行政许可", "1", "现行有效件数"]
    page2 = _HEAD + ["一、本年新收政府信息公开申请数量", "0", "71"]
    page3 = ["（七）总计", "71", "四、结转下年度继续办理", "0"]
    prose = ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。",
             "六、其他需要报告的事项", "无其他需要报告的事项。"]
    assert _paged([page1, page2, page3, prose + ["4"]]) == ["1"]
    # the last page's 「4」 after a value of 表四 instead: no page number is known to print alone
    # after prose, and two of four pages ending on their own number may be values; both are kept
    assert _paged([page1, page2, page3, prose[:1] + ["0", "4"] + prose[1:]]) == []


def test_plain_pdftotext_page_1_ending_on_its_bare_number_under_行政许可_is_no_value():
    # a fresh zoo's report (pq1805 r0023; zeros mixed): page 1 ends 「行政许可」「1」「现行有效件数」,
    # 行政许可 printed blank, 「1」 the footer's page number; pages 2 and 3 end on values of 表三,
    # page 4 on 「4」 after section 六's prose. Before, 「1」 was 行政许可's decisions, unflagged
    report, wrong, silent = read_against_truth(ZOO / "pq1805-r0023-pdftotext-utf-8.txt")
    assert silent == []
    assert report.value("section2.licensing.decisions") is None
    assert any(f.cell == "section2.licensing" and "未印出数值" in f.message for f in report.flags)
    assert report.value("section2.punishment.decisions") == 1163


def test_a_footer_among_a_table_printed_one_cell_a_line_is_no_row():
    # lynx, a site's page pasted page by page: every cell a paragraph of its own; the page's footer
    # 「- 3 -」 prints under 规章, whose three cells are blank. It was read as 规章's cells - 3 -:
    # 本年新公开数量 3, wrong and unflagged.
    report, wrong, silent = read_against_truth(ZOO / "w2408-r0017-split-html-lynx.txt")
    assert silent == []
    assert [report.value(f"section2.rules.{c}") for c in ("new_made", "new_published", "total_published")] \
        == [None, None, None]
    assert report.value("section2.normative_docs.total_published") == 6


def test_a_footer_in_a_text_marking_its_pages_leaves_the_blank_cells_after_it():
    # plain pdftotext of a PDF (form feeds mark its pages), 2019 表二 a cell a line with 「—」 for
    # zero: page 1 ends in its footer 「—1—」 between 采购总金额's blank cell and 行政许可's 33178.
    # Taken also for a footer among a table printed one cell a line (a lynx page), the footer took
    # the empty line after it, which stands for a blank cell: 表二 from 规章 on lost (15 cells,
    # flagged). A text marking its pages has its page ends told from its marks alone.
    report, wrong, silent = read_against_truth(ZOO / "pq2204-r0035-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert [report.value(f"section2.licensing.{c}") for c in ("prev_items", "change", "decisions")] \
        == [661, None, 33178]
    assert report.value("section2.other_services.decisions") == 309


def test_a_footer_over_a_markdown_tables_wrapped_first_cell_is_no_value():
    # w3108 r0020 (a site's table split at its pages, through html2text): 「\- 6 -」 between 「4.保护第三方
    # 合法权益」's row and the next page's table, whose first header cell html2text wraps onto a line of
    # its own above the row and rule: the 6 was read as the row's 其他, and a T3-2 错误 (其他 column: 0
    # vs 6) offered 0 for it on a right report. The footer lies outside both tables: no value
    report, wrong, silent = read_against_truth(ZOO / "w3108-r0020-split-html-html2text.md")
    assert report.value("section3.denied_third_party.other") is None
    assert [f for f in check(report) if f.cells and f.cells[0].startswith("section3.")] == []
    assert wrong == [] and silent == []


def _dropped_of(path: Path) -> list[str]:
    from core.readers.dispatch import read_document
    doc = read_document(path)
    sections = find_sections(doc.lines, doc.text)
    regions = {n: sections.span(n, len(doc.lines)) for n in range(1, 7)}
    return [doc.lines[i].text.strip() for i in furniture(doc, regions) if doc.lines[i].text.strip()]


def test_a_bare_page_number_printed_amid_the_pages_last_placeholders_is_no_cell(tmp_path):
    # plain pdftotext (gbk), 2019, zeros 「—」: pages 1 and 3 end on their numbers 「1」 and 「3」;
    # page 2 prints its 「2」 amid 表三's header cells, before 「— / — / 总计」. Read as 二、上年结转's
    # 总计 (一 9 … 9 and 二 all 「—」, 15 values for 14 cells), a 存疑 finding offered 二's 总计 = 9
    # on a consistent report (p3302 r0015)
    path = ZOO / "p3302-r0015-pdftotext-gbk.txt"
    assert _dropped_of(path) == ["2"]  # (「1」 and 「3」 are dropped too, outside the tables' lines)
    report, wrong, silent = read_against_truth(path)
    assert wrong == [] and silent == []
    assert _row(report, "new") == [9, None, None, None, None, None, 9]
    assert _row(report, "carried_over") == [None] * 7  # (all 「—」)
    assert [f for f in check(report) if f.suggestion is not None] == []
    # a line printing a digit after it on its page (「5」 for the first 「—」 after it): pages 1 and 3
    # numbered, page 2 prints its number somewhere, and this 「2」 is the only line printing it alone
    data = path.read_bytes()
    at = data.index(b"\n2\n\n")
    after = data[:at] + b"\n2\n\n5" + data[at + 4 + len("—".encode("gbk")):]
    changed = tmp_path / "digit-after.txt"
    changed.write_bytes(after)
    assert _dropped_of(changed) == ["2"]
    # and where a value of the page prints 「2」 alone too (the 「4」 closing 表二, a paragraph of its
    # own, as 「2」), either may be the page's number: both are kept as cells
    first = after.index(b"\n\n4\n")
    changed.write_bytes(after[:first] + b"\n\n2\n" + after[first + 4:])
    assert _dropped_of(changed) == []


def test_a_bare_page_number_printed_among_the_pages_last_row_is_no_cell():
    # plain pdftotext (utf-8), 2021, zeros 「/」: pages 1, 3 and 4 end on their numbers; page 2 ends on
    # 一、本年新收's 总计 「3」 and prints its 「2」 amid that row: 「3 / 一、本年新收… / 2 / / … / 3」 (its
    # 自然人 before the label). Read as 一: 2 … 3, a 存疑 finding offered 自然人 = 3 on a consistent
    # report (p3702 r0040). The 「2」 is the only line of page 2 printing its number alone: it is the
    # page's, and the 「3」 printed before the row's label is the row's first cell
    path = ZOO / "p3702-r0040-pdftotext-utf-8.txt"
    assert _dropped_of(path).count("2") == 1
    report, wrong, silent = read_against_truth(path)
    assert wrong == [] and silent == []
    assert _row(report, "new") == [3, None, None, None, None, None, 3]
    assert _row(report, "granted") == [1, None, None, None, None, None, 1]
    findings = check(report)
    assert [f for f in findings if f.suggestion is not None] == []
    assert [f.rule for f in findings if f.severity == "error"] == []
