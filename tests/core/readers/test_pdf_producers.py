"""PDFs as Word, WPS and print-to-PDF drivers make them, not LibreOffice: committed outputs of the
zoo's rl-pdf converter (bench/zoo_pdf.py, reportlab; truth beside each: tests/fixtures/zoo/README.md).
Their 表三 prints its narrow header cells one character a line (Word's vertical text), and the
header repeats where the table crosses a page."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.readers.dispatch import read_document
from core.readers.pdf import joined_lines
from tests.core.truth import read_against_truth, t3_row

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ZOO = FIXTURES / "zoo"


def test_lines_wrapped_between_chinese_characters_join_without_a_space():
    assert joined_lines(["自", "然", "人"]) == "自然人"
    assert joined_lines(["（本列数据的勾稽关系为：第一项加", "第二项之和，等于第三项加第四项之", "和）"]) \
        == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert joined_lines(["3.危及“三安全一稳", "定”"]) == "3.危及“三安全一稳定”"
    # a break beside a digit or a Latin letter keeps its space: two numbers are two numbers
    assert joined_lines(["12", "34"]) == "12 34"
    assert joined_lines(["合计", "12"]) == "合计 12"
    assert joined_lines(["Page", "页"]) == "Page 页"
    assert joined_lines(["一"]) == "一" and joined_lines([]) == ""


def test_vertical_header_cells_read_as_their_words():
    doc = read_document(ZOO / "rl2728-r0009-rl-pdf.pdf")
    rows = [[c.text for c in line.cells] for line in doc.lines if line.grid]
    assert ["自然人", "法人或其他组织", "总计"] in rows
    assert ["商业企业", "科研机构", "社会组织", "法律服务机构", "其他"] in rows


def test_distributed_header_cells_read_as_their_words():
    # Word's 分散对齐 spreads a header's characters over its cell: 「申 请 人 情 况」 a word a character
    assert joined_lines(["申 请 人 情 况"]) == "申请人情况"
    assert joined_lines(["本 年 收 费 金 额 （ 单 位 ： 万 元 ）"]) == "本年收费金额（单位：万元）"
    assert joined_lines(["自 然", "人"]) == "自然人"
    # words of more than one character, or not Chinese, keep their spaces
    assert joined_lines(["1.属于 国家秘密"]) == "1.属于 国家秘密"
    assert joined_lines(["合 计 12"]) == "合 计 12" and joined_lines(["a b"]) == "a b"
    doc = read_document(ZOO / "rl2728-r0009-rl-pdf-distributed.pdf")
    rows = [[c.text for c in line.cells] for line in doc.lines if line.grid]
    assert ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] in rows
    assert any(row[-1] == "申请人情况" for row in rows)


@pytest.mark.parametrize("name", ["rl2728-r0009-rl-pdf.pdf", "rl2728-r0108-rl-pdf.pdf", "rl2727-r0037-rl-pdf.pdf",
                                  "rl2728-r0009-rl-pdf-distributed.pdf"])
def test_a_vertical_header_repeated_on_the_next_page_is_no_row(name):
    # 表三 breaks inside （六）其他处理 and the next page repeats its header, 「自 然 人」 and 「总 计」
    # one character a line. Read as 「自 然 人 | 法人或其他组织 | 总 计」 the repeat was not known for
    # the header (its names spaced apart), its 总计 taken for the row （七）总计's label: the rows
    # after it lost (r0009: 2、申请人逾期未按收费… 95 26 - 1 - - 122 unread; r0037: （七）总计 read
    # with 14 values). -distributed: the same page, its header's one-line texts spread over
    # their cells (「申 请 人 情 况」, 「总 计」), as lost.
    report, wrong, silent = read_against_truth(ZOO / name)
    assert wrong == [] and silent == []


def test_rows_after_the_repeated_vertical_header_keep_their_values():
    report, _, _ = read_against_truth(ZOO / "rl2728-r0009-rl-pdf.pdf")
    assert t3_row(report, "other_no_fee") == [95, 26, None, 1, None, None, 122]
    report, _, _ = read_against_truth(ZOO / "rl2727-r0037-rl-pdf.pdf")
    # the planted swap (15 printed 51) is read as printed
    assert t3_row(report, "total") == [51, 4, None, 1, None, None, 20]


@pytest.mark.parametrize("name", ["rl-no-tounicode.pdf", "rl-cid-identity.pdf"])
def test_text_in_fonts_without_a_map_to_unicode_is_a_clear_problem(name):
    # Drawn like the fixtures above, then the map from glyphs to characters taken away: the
    # embedded subset font's /ToUnicode blanked (its text reads as €•‚ƒ„…), or the CID font's
    # encoding named Identity-H (it reads as (cid:38517) and rare ideographs). Neither is a text
    # to parse: one problem says why, no line is read (it said 「不是政府信息公开工作年度报告」).
    from core.pipeline import load_report
    from core.readers.pdf import UNMAPPED_PROBLEM
    from core.readers.problems import problem_label

    doc = read_document(FIXTURES / name)
    assert doc.problems == [UNMAPPED_PROBLEM] and doc.lines == [] and doc.text
    report = load_report(FIXTURES / name)
    assert report.problems == [UNMAPPED_PROBLEM] and problem_label(UNMAPPED_PROBLEM) == "需OCR"
    assert all(report.value(cell) is None for cell in report.cells)


def test_a_readable_report_is_not_taken_for_unmapped_text():
    doc = read_document(ZOO / "rl2728-r0009-rl-pdf.pdf")
    assert doc.problems == [] and doc.lines


def test_a_row_without_ruling_lines_keeps_its_blank_cells_in_their_columns():
    # A table drawn with no ruling lines (borders:none: some print drivers, WPS): its columns are
    # where the values line up down the rows. A row that leaves a cell blank is a grid row, "" for
    # the blank (read as text, 「5 3」 of a row 「5 _ 3」 slid left: 3 taken for the middle column).
    from core.readers.pdf import unruled_items
    words = [
        [(60, 120, "二、主动公开政府信息情况"), (200, 215, "总计")],  # a heading: no table yet
        [(60, 90, "甲"), (200, 205, "1"), (250, 255, "2"), (300, 305, "3")],
        [(60, 90, "乙"), (200, 210, "10"), (300, 310, "30")],  # the middle cell blank
        [(60, 90, "丙"), (198, 205, "4"), (250, 258, "5"), (300, 306, "6")],
        [(100, 115, "- 2 -")],
    ]
    lines = [" ".join(w[2] for w in line) for line in words]
    items = unruled_items(lines, words)
    assert items[2] == ("row", ["乙", "10", "", "30"])
    assert [kind for kind, _ in items] == ["text", "text", "row", "text", "text"]  # full rows stay text
    # a row alone, or values that overlap two columns, are no table to place by
    assert unruled_items(lines[1:3], words[1:3]) == [("text", line) for line in lines[1:3]]


def test_a_table_without_ruling_lines_places_each_value_under_its_header():
    # nl2828 (rl-pdf, borders:none, blank cells where the count is 0): the rows of 表三 leave
    # 科研机构 and 法律服务机构 blank, a column no row of the page prints a value in. The header's
    # words name it (one character a line, or wrapped: words stacked over the column). Read as text
    # r0007's 「一、本年新收… 100 16 4 4 124」 gave 社会公益组织's 4 to 科研机构 and 其他 0, flagged.
    report, wrong, silent = read_against_truth(ZOO / "nl2828-r0007-rl-pdf.pdf")
    assert t3_row(report, "new") == [100, 16, None, 4, None, 4, 124]
    assert t3_row(report, "granted") == [52, 12, None, 3, None, 3, 70]
    assert t3_row(report, "total") == [94, 16, None, 4, None, 4, 118]
    assert silent == [] and len(wrong) == 4  # (was 12) left: a row printing no value at all
    # r0057: header cells spread over their width (分散对齐), numbers centred
    report, wrong, silent = read_against_truth(ZOO / "nl2828-r0057-rl-pdf.pdf")
    assert t3_row(report, "new") == [87, 11, 2, None, None, 3, 103]
    assert t3_row(report, "granted") == [53, 8, 2, None, None, 2, 65]
    assert silent == [] and len(wrong) == 6  # (was 14)


def test_rows_without_ruling_lines_under_a_ruled_header_take_its_cells_columns():
    # nl2828-r0008 (heads:shaded): each header cell a grey box, so the header is a ruled table
    # and the rows below it, drawn without lines, text outside it. The header's narrowest cells
    # are the columns; those over the rows' labels are not. 表三's 科研机构, 社会公益组织 and
    # 法律服务机构 print no value on the page: read as text 「一、本年新收… 612 26 30 668」 gave
    # 其他's 30 to 科研机构 (27 cells wrong, 9 now: rows printing nothing, 表二's one-value rows).
    report, wrong, silent = read_against_truth(ZOO / "nl2828-r0008-rl-pdf.pdf")
    assert t3_row(report, "new") == [612, 26, None, None, None, 30, 668]
    assert t3_row(report, "carried_over") == [19, None, None, None, None, 1, 20]
    assert t3_row(report, "granted") == [303, 16, None, None, None, 18, 337]
    assert silent == [] and len(wrong) == 9
