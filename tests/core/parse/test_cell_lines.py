"""表二 rows with blank cells in the layouts that keep where the blanks were: a table printed one
cell per line (core/parse/cell_lines.py: the empty lines between cells learned from full rows),
and a terminal's ruled box or pandoc's aligned columns (a lone value placed under its column).
Committed outputs of the converter zoo (tests/fixtures/converters/zoo-*, truth beside each)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.pipeline import load_report
from tests.core.truth import read_against_truth, suggested_fixes

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T2_2019 = ("prev_items", "change", "decisions")


def _t2(report, key):
    return [report.value(f"section2.{key}.{c}") for c in T2_2019]


def _wrong_and_silent(name: str):
    _, wrong, silent = read_against_truth(next(CONVERTERS.glob(f"{name}.*[!n]")))  # the output, not its .json
    return wrong, silent


def test_libreoffice_text_of_a_page_leaves_a_line_per_blank_cell():
    # "行政许可 / 58 / (no-break space) / 129": the cells of full rows follow each other line by line
    report = load_report(CONVERTERS / "zoo-r0017.lo-web-txt-utf-16.txt")
    assert _t2(report, "licensing") == [58, None, 129]
    assert report.cells["section2.licensing.change"].state == "blank"
    assert _wrong_and_silent("zoo-r0017.lo-web-txt-utf-16") == ([], [])


def test_libreoffice_text_of_a_page_a_row_of_one_value_between_blanks():
    # "行政许可 / (nbsp) / 0 / (nbsp)": the 0 is 本年增/减, the two others blank
    report = load_report(CONVERTERS / "zoo-r0024.lo-web-txt-utf-16.txt")
    assert _t2(report, "licensing") == [None, 0, None]
    assert report.cells["section2.licensing.change"].state == "number"


def test_lynx_leaves_one_more_empty_line_per_blank_cell():
    # lynx: one empty line between cells, two around a blank one ("行政许可 / / / 0 / / / 其他…")
    report = load_report(CONVERTERS / "zoo-r0024.lynx.txt")
    assert _t2(report, "licensing") == [None, 0, None]
    assert report.cells["section2.licensing.prev_items"].state == "blank"


@pytest.mark.parametrize("name", ["zoo-r0016.w3m", "zoo-r0016.pandoc-html-markdown"])
def test_a_lone_pair_of_values_goes_under_its_columns(name):
    # 「其他对外管理服务事项」 11, blank, 12291 with no full row in its block: w3m's ruled box
    # ("│11 │ │12291 │") and pandoc's aligned columns ("[11]{style=…}   []{…}   [12291]{…}")
    report = load_report(next(CONVERTERS.glob(f"{name}.*[!n]")))
    assert _t2(report, "other_services") == [11, None, 12291]
    assert _wrong_and_silent(name) == ([], [])


@pytest.mark.parametrize("name", ["zoo-r0028.html2text", "zoo-r0024.html2text"])
def test_html2text_tables_without_outer_pipes_keep_their_blank_cells(name):
    # "行政强制|  |  | 68": the 68 is 处理决定数量; "规章| 0| 0|    " ends on a blank cell
    report = load_report(CONVERTERS / f"{name}.md")
    assert _wrong_and_silent(name) == ([], [])
    if name.endswith("r0028.html2text"):
        assert _t2(report, "coercion") == [None, None, 68]
        assert report.cells["section2.coercion.prev_items"].state == "blank"
    else:
        assert _t2(report, "licensing") == [None, 0, None]
        row = [report.value(f"section3.granted.{c}") for c in
               ("natural", "commercial", "research", "social", "legal", "other", "total")]
        assert row == [53, 1, None, 1, None, None, 55]  # "53| 1|  | 1| 无| 无| 55"


def test_a_group_label_split_over_lines_is_not_the_row_3_other():
    # w3m wraps 「（六）其他处理」 over two lines of its ruled box; 「（六）其他」 alone is the group's
    # label, not the row 「3.其他」, so 「2.申请人逾期未按收费通知…」's 13 2 0 1 0 0 16 stay its own
    report = load_report(CONVERTERS / "zoo-r0002.w3m.txt")
    assert [report.value(f"section3.other_no_fee.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [13, 2, 0, 1, 0, 0, 16]
    assert report.value("section3.other_other.total") == 0
    assert _wrong_and_silent("zoo-r0002.w3m") == ([], [])


def test_table_4_one_cell_per_line_learns_its_gaps_from_its_header():
    # LibreOffice's text of the Word file: 表四's header one name per line, then twelve empty
    # lines, "2", an empty line, "2": 复议后起诉 其他结果 2 and 总计 2
    report = load_report(CONVERTERS / "zoo-r0012.lo-txt-gbk.txt")
    assert [report.value(f"section4.litigation_after_review.{c}") for c in
            ("maintained", "corrected", "other", "pending", "total")] == [None, None, 2, None, 2]
    assert report.value("section4.review.maintained") is None
    assert _wrong_and_silent("zoo-r0012.lo-txt-gbk") == ([], [])


def test_empty_html_cells_in_markdown_are_blank_cells():
    # pandoc's GFM keeps 表三/表四 (merged cells) as HTML, one "<td></td>" a line for a blank cell
    report = load_report(CONVERTERS / "zoo-r0050.pandoc-docx-gfm.md")
    assert [report.value(f"section4.review.{c}") for c in
            ("maintained", "corrected", "other", "pending", "total")] == [None, None, 4, 2, 6]
    assert report.cells["section4.review.maintained"].state == "blank"
    assert _wrong_and_silent("zoo-r0050.pandoc-docx-gfm") == ([], [])


T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _t4(report):
    return [report.value(f"section4.{g}.{c}") for g in ("review", "litigation_direct", "litigation_after_review")
            for c in T4_COLUMNS]


def test_table_4_under_pandocs_dash_rule():
    # pandoc -t plain: a blank cell is spaces; the dash rule above the header spans each column
    report = load_report(CONVERTERS / "zoo-r0011.pandoc-html-plain.txt")
    assert _t4(report) == [None, 0, 0, None, 0, 0, None, None, None, None, None, 0, None, None, 0]
    assert report.cells["section4.review.maintained"].state == "blank"
    assert report.cells["section4.litigation_direct.pending"].state == "placeholder"  # 无
    assert not [f for f in report.flags if f.cell.startswith("section4")]  # the grid is certain
    assert _wrong_and_silent("zoo-r0011.pandoc-html-plain") == ([], [])


def test_table_4_in_a_ruled_box():
    # w3m: "│             │0            │             │             │—     │—  …": 0 under 结果纠正
    report = load_report(CONVERTERS / "zoo99-r0023.w3m.txt")
    assert _t4(report)[:2] == [None, 0] and _t4(report)[10:12] == [None, 0]
    assert report.cells["section4.review.total"].state == "placeholder"
    assert _wrong_and_silent("zoo99-r0023.w3m") == ([], [])


def test_a_short_row_wrapped_with_its_label_is_ordered_by_its_sum():
    # pdfplumber: 「（二）部分公开（区分处理的，只计这一情 33」 then 「24 9」: 33 = 24 + 9 is the 总计
    report = load_report(CONVERTERS / "zoo99-r0018.pdfplumber.txt")
    row = [report.value(f"section3.partial.{c}") for c in
           ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert row[:2] == [24, 9] and row[6] == 33
    assert all(v in (None, 0) for v in row[2:6])  # blanks that left no trace


def test_a_full_row_wrapped_with_a_misprinted_total_is_ordered_by_the_table_sums():
    # pdfplumber: 「（二）部分公开（区分处理的，只计这一情 2」 then 「9 2 1 - - -」; 2 is the 总计
    # printed for 12 (the planted typo), so no order of the two lines adds up. Read as printed, 2
    # was 自然人 and every part moved a column (six column sums broken, 错误 on each); with the
    # 总计 line last only the row's own 总计 is off, and the sums single it out.
    from core.check.rules import check
    report = load_report(CONVERTERS / "zoo702-r0046.pdfplumber.txt")
    row = [report.value(f"section3.partial.{c}") for c in
           ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert row == [9, 2, 1, None, None, None, 2]
    assert "section3.partial" in {f.cell for f in report.flags}
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.partial.total", 12)}
    assert not [f for f in findings if f.severity == "error"]


def test_catdoc_writes_two_tabs_of_a_blank_cell_as_a_line_break():
    # 「1.属于国家秘密」 prints 48 15 (blank) 0 0 (blank) 63 as "\t48\t15\n0\t0\n63"
    report = load_report(CONVERTERS / "zoo-r0031.catdoc.txt")
    assert [report.value(f"section3.denied_state_secret.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [48, 15, None, 0, 0, None, 63]
    assert report.cells["section3.denied_state_secret.research"].state == "blank"
    wrong, silent = _wrong_and_silent("zoo-r0031.catdoc")
    assert silent == [] and not [c for c in wrong if not c.startswith("section4")]


def test_catdoc_lone_values_of_table_2_go_to_their_columns():
    # 「行政强制」 then "\n\t68": two blank cells before 处理决定数量 68
    report = load_report(CONVERTERS / "zoo-r0028.catdoc.txt")
    assert _t2(report, "coercion") == [None, None, 68]
    assert _t2(report, "other_services") == [None, None, 14]
    assert _t2(report, "punishment") == [29, None, None]  # "行政处罚\t29\n\n"
    assert _wrong_and_silent("zoo-r0028.catdoc") == ([], [])


def test_gbk_text_of_a_page_prints_a_blank_cell_as_a_question_mark():
    # LibreOffice cannot write the blank cell's no-break space in GBK: "?" alone on its line
    report = load_report(CONVERTERS / "zoo77-r0008.lo-web-txt-gbk.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [2, None, 2]
    assert _t4(report)[5:10] == [1, 2, None, None, 3]  # 未经复议直接起诉, after five "?" of 行政复议
    assert _wrong_and_silent("zoo77-r0008.lo-web-txt-gbk") == ([], [])


def test_a_paragraph_stream_ends_table_4_with_more_empty_lines_than_blank_cells():
    # mammoth's raw text: 表四's last blank cells run into the space before 「五、」
    report = load_report(CONVERTERS / "zoo77-r0008.mammoth-raw.txt")
    assert _t4(report)[5:10] == [1, 2, None, None, 3]
    assert _wrong_and_silent("zoo77-r0008.mammoth-raw") == ([], [])


def test_without_a_full_row_the_header_tells_the_gap_between_cells():
    # every row of 表三 has a blank cell; the header's names follow each other line by line
    report = load_report(CONVERTERS / "zoo77-r0012.lo-web-txt-utf-8-sig.txt")
    assert [report.value(f"section3.not_processed_confirm.{c}") for c in ("natural", "commercial", "total")] == [None, 1, 1]
    assert _wrong_and_silent("zoo77-r0012.lo-web-txt-utf-8-sig") == ([], [])


def test_a_wrapped_row_with_a_typo_ends_on_its_largest_value():
    # pdfplumber: 「（二）部分公开（区分处理的，只计这一情 761」 then 「598 156 / / / 6」; the planted
    # typo (商业企业 156 for 157) lets no order add up, but a 总计 is never below one of its parts
    report = load_report(CONVERTERS / "zoo99-r0005.pdfplumber.txt")
    assert [report.value(f"section3.partial.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [598, 156, None, None, None, 6, 761]
    assert "section3.partial" in {f.cell for f in report.flags}  # reordered: to be checked


def test_values_printed_above_their_wrapped_label_go_down_to_their_row():
    # pdfplumber: 「4.无正当理由大量反复申请 - - - - - - -」, then 「7 3 - - - - 10」 above
    # 「5.要求行政机关确认或重新出具已」 / 「获取信息」: the second run is row 5's
    report = load_report(CONVERTERS / "zoo-r0008.pdfplumber.txt")
    assert [report.value(f"section3.not_processed_confirm.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [7, 3, None, None, None, None, 10]
    assert report.cells["section3.not_processed_confirm.research"].state == "placeholder"
    assert report.cells["section3.not_processed_massive.natural"].state == "placeholder"
    # the same with placeholders: 「无 无 无 无 无 无 无」 above 「5.要求…」 (and a planted typo elsewhere)
    report = load_report(CONVERTERS / "zoo-r0042.pdfplumber.txt")
    assert report.cells["section3.not_processed_confirm.natural"].state == "placeholder"


def test_values_above_a_wrapped_label_go_down_even_when_a_blank_cell_left_no_trace():
    # 「予处理 4.无正当理由大量反复申请 0 无 0 0 0 无」 then 「无 0 0 无 0 无」 above 「5.要求…」: six
    # values each (one blank cell apiece), split by their lines
    report = load_report(CONVERTERS / "zoo-r0011.pdfplumber.txt")
    assert _wrong_and_silent("zoo-r0011.pdfplumber") == ([], [])
    assert "section3.not_processed_confirm" in {f.cell for f in report.flags}  # placed by a guess: to check


def test_a_row_of_table_3_in_a_ruled_box_with_a_typo():
    # w3m: "│一、本年新收…│1  │0  │   │-    │     │  │14│": 1 is a planted typo (true 14), so no sum
    # places the values, but the box's borders do
    report = load_report(CONVERTERS / "zoo77-r0010.w3m.txt")
    assert [report.value(f"section3.new.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [1, 0, None, None, None, None, 14]
    assert report.cells["section3.new.social"].state == "placeholder"
    assert _wrong_and_silent("zoo77-r0010.w3m") == ([], [])


def test_values_alone_above_a_wrapped_label_are_its_row_when_the_row_above_printed_none():
    # pdfplumber, blank zeros: 「予处理 4.无正当理由大量反复申请」 (nothing beside it), 「17 17」,
    # 「5.要求行政机关确认或重新出具已」 / 「获取信息」: rows print their values beside their labels,
    # so the 17s stand above row 5's wrapped label and are its own
    report = load_report(CONVERTERS / "zoo123-r0028.pdfplumber.txt")
    assert [report.value(f"section3.not_processed_confirm.{c}") for c in ("natural", "total")] == [17, 17]
    assert all(report.value(f"section3.not_processed_massive.{c}") in (None, 0) for c in ("natural", "total"))


def test_a_lone_number_apart_from_its_label_is_not_cut_into_digits():
    # pdfplumber: 「政府集中采购 97」 with 采购总金额 blank: 97, not 9 and 7 (a docx2txt glue has no space)
    report = load_report(CONVERTERS / "zoo123-r0001.pdfplumber.txt")
    assert report.value("section2.procurement.count") == 97
    assert report.value("section2.procurement.amount") is None
    assert "section2.procurement" in {f.cell for f in report.flags}


def test_an_unsigned_second_value_of_a_2019_items_row_is_the_count_of_decisions():
    # mammoth's Markdown, blank cells without trace: 「行政许可」 prints two numbers, the second
    # without a sign: 上一年项目数量 and 处理决定数量, 本年增/减 blank ("+3"/"-2" would be a change)
    report = load_report(CONVERTERS / "zoo77-r0022.mammoth-md.md")
    for key in ("licensing", "punishment", "coercion"):
        row = _t2(report, key)
        assert row[1] is None and row[2] is not None, key
    assert _t2(report, "licensing")[2] == 295
    assert "section2.licensing" in {f.cell for f in report.flags}  # still a row to check
