"""Web pages as real sites publish a report (the zoo's site routes, bench/zoo_sites.py), from
committed outputs of the zoo h27 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.parse.tokens import NA, _cell_pieces
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T4_VALUES = {"review": [4, 0, 0, 4, 7], "litigation_direct": [12, 0, 2, 2, 16], "litigation_after_review": [0] * 5}
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _t4(report) -> dict:
    return {row: [report.value(f"section4.{row}.{c}") for c in T4_COLUMNS] for row in T4_VALUES}


def test_a_spreadsheet_pages_hidden_row_under_t4_is_not_read():
    # WPS's web export: under each table a <tr style="display:none"> of empty cells (no browser shows
    # it). Before: read as a second row of 15 values, 表四's 30 values placed wrong (flagged, 13 cells)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0004-wps-html-utf-8.html")
    assert _t4(report) == T4_VALUES  # review's total printed 7 (a planted typo: 8), read as printed
    assert wrong == [] and silent == []


def test_an_empty_row_printed_under_t4_is_no_row_of_it(tmp_path):
    # the same page with its spreadsheet's empty row shown: a grid row of 15 empty cells under the
    # row of 15 values is no second row of 表四 (before: the same 13 cells wrong)
    page = (ZOO / "h27-r0004-wps-html-utf-8.html").read_bytes().replace(b"display:none;", b"")
    (tmp_path / "shown.html").write_bytes(page)
    (tmp_path / "shown.json").write_bytes((ZOO / "h27-r0004-wps-html-utf-8.json").read_bytes())
    report, wrong, silent = read_against_truth(tmp_path / "shown.html")
    assert _t4(report) == T4_VALUES
    assert wrong == [] and silent == []


def test_a_page_number_between_two_rows_of_a_table_split_by_pages_is_no_value():
    # a site's editor took the tables page by page from the printed file: 表四's header, the page's
    # number 「- 6 -」, then the header again and the row of values, each a table. Before: 6 read as a
    # value (flagged, 3 cells wrong)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0003-split-html-gbk.html")
    assert _t4(report) == {row: [0] * 5 for row in T4_VALUES}
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]


def test_a_page_number_between_two_rows_of_t3_is_no_value():
    # 表三 cut after 「2.没有现成信息需要另行制作」 (its zeros blank): 「- 4 -」, the header again, then
    # 「3.补正后申请内容仍不明确」 under the rest of （四）无法提供's merged cell. Before: the 4 read as
    # that row's 其他 (flagged)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0023-split-html-utf-8.html")
    assert [report.value(f"section3.unable_need_creation.{c}") for c in ("natural", "other", "total")] == [None] * 3
    assert wrong == [] and silent == []


# A WPS spreadsheet's export of one sheet holding the three tables (zoo h28): each table's rows
# padded with empty cells to the sheet's width, 表四's 15 columns.

def test_t3_rows_padded_to_a_sheets_width_keep_their_blank_first_cells():
    # 表三's header prints 5 empty cells after 总计, each row 5 after its 7 values; its zeros print
    # blank. Before: one padding cell dropped, then the row's own blank first cells (二、上年结转
    # printed 「 , , 19, 42, , , 61」 read 19, 42, … from 自然人), silent cells and a false T3-1 错误
    report, wrong, silent = read_against_truth(ZOO / "h28-r0032-wps-html-gbk.html")
    assert t3_row(report, "carried_over") == [None, None, 19, 42, None, None, 61]
    assert t3_row(report, "carried_forward") == [None, 60, 22, None, None, None, 82]
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_t2_rows_padded_to_a_sheets_width_keep_their_blank_first_cells():
    # 表二's block header 「信息内容 本年制发件数 本年废止件数 现行有效件数」 then 11 empty cells; the
    # row 「行政规范性文件 , 4, 31」 then 11 more. Before: its blank first cell dropped, 4 and 31 read
    # one column left (silent)
    report, wrong, silent = read_against_truth(ZOO / "h28-r0093-wps-html-utf-8.html")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [None, 4, 31]
    assert wrong == [] and silent == []


def test_a_vertical_label_printed_a_character_a_line_is_a_word():
    # 「（四）无法提供」 printed a character a line (<br> between them) reads 「（ 四 ） 无 法 提 供」: its
    # 无 is a letter of the label, not a cell printing none of the row above (before: 8.属于行政查询
    # 事项 read 13 cells, two of them placed wrong, flagged)
    assert _cell_pieces("（ 四 ） 无 法 提 供") == (("(四)无法提供", 0, 13, None, None, ""),)
    assert [p[3] for p in _cell_pieces("无 无 无")] == [NA, NA, NA]  # a row of placeholders stays one
    report, wrong, silent = read_against_truth(ZOO / "h28-r0065-wps-html-utf-8.html")
    assert t3_row(report, "denied_admin_query") == [None, 0, None, 0, 0, None, None]
    assert wrong == [] and silent == []
