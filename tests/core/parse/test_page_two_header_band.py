"""表三 of the 2019 template through plain pdftotext where the table crosses a page and page 2
repeats its header (core/parse/column_blocks.py): page 2's first band printed beside the header's
words, the last bands' columns printed after section 四's heading. Committed outputs of the
converter zoo, truth beside each (tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _section3_wrong(wrong: list[str]) -> list[str]:
    return [cell for cell in wrong if cell.startswith("section3.")]


def test_page_two_header_holding_the_first_band_row_by_row_is_read():
    # page 1: labels 一 and 二, the header with row 一's first values beside its words
    # (… 组织 437 41 / / / 法律 服务 机构 8 / 其他 24), then 510 and row 二 (16 / / 16 / / /, the
    # page's number 「-2-」 among them); page 2: the other labels, the header again with （一）'s and
    # （二）'s first four values row by row (206 20 / / 57 4 / /), 「法律 服务 机构 5 /」,
    # 「其他 10 4」, 「241 65」 (总计), then the other bands. Was: 51 cells wrong (every row but 一
    # unread), all flagged, to type by hand.
    report, wrong, silent = read_against_truth(ZOO / "p2602-r0010-pdftotext-gbk.txt")
    assert _section3_wrong(wrong) == [] and silent == []
    assert _t3_row(report, "new") == [437, 41, None, None, 8, 24, 510]
    assert _t3_row(report, "carried_over") == [16, None, None, None, None, None, 16]
    assert _t3_row(report, "granted") == [206, 20, None, None, 5, 10, 241]
    assert _t3_row(report, "partial") == [57, 4, None, None, None, 4, 65]
    assert _t3_row(report, "unable_not_held") == [86, 8, None, None, 2, 4, 100]
    assert _t3_row(report, "carried_forward") == [10, 3, None, None, 1, 3, 17]
    # the planted misprint (（七）总计's 法律服务机构 printed 5, true 7) read as printed, its fix offered
    assert _t3_row(report, "total") == [443, 38, None, None, 5, 21, 509]
    assert ("section3.total.legal", 7) in suggested_fixes(check(report))


def test_page_two_header_band_with_units_beside_two_values_on_a_line():
    # the same shape, counts with their unit (「13 件 3 件」 on one line beside the header's words):
    # was 58 cells wrong
    report, wrong, silent = read_against_truth(ZOO / "pq2204-r0031-pdftotext-utf-8.txt")
    assert wrong == [] and silent == []
    assert _t3_row(report, "new") == [23, 4, 0, 0, 0, 0, 27]
    assert _t3_row(report, "granted") == [13, 3, 0, 0, 0, 0, 16]
    assert _t3_row(report, "unable_not_held") == [6, 1, 0, 0, 0, 0, 7]
    assert _t3_row(report, "not_processed_duplicate") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "total") == [21, 4, 0, 0, 0, 0, 25]
    assert _t3_row(report, "carried_forward") == [2, 0, 0, 0, 0, 0, 2]


def test_last_bands_columns_after_section_four_heading_join_the_bands():
    # page 1 holds the rows to 「1.信访举报投诉类申请」; page 2 prints （五）2–4 in its repeated
    # header, （五）5's 自然人 and （六）（七）四's beside their labels (－, 16, －), then section 四's
    # heading, 「总计」, （五）5's six other cells a paragraph each and the last band's six other
    # columns (－ 2 －, …, － 18 －) before 表四's values. Was: 9 cells unread (the 表 read
    # elsewhere), flagged.
    report, wrong, silent = read_against_truth(ZOO / "p2502-r0008-pdftotext-gbk.txt")
    assert _section3_wrong(wrong) == [] and silent == []
    assert _t3_row(report, "carried_over") == [1, None, None, None, None, None, 1]
    assert _t3_row(report, "denied_third_party") == [1, None, None, None, None, None, 1]
    assert _t3_row(report, "unable_not_held") == [4, None, None, None, None, None, 4]
    assert _t3_row(report, "total") == [16, 2, None, None, None, None, 18]


def test_last_band_under_page_two_header_its_last_columns_among_table_fours_pieces():
    # page 2 prints the header again, then （六）（七）四's first four values beside each label
    # (「（七）总计 20 4 0 0」), their 法律服务机构, 其他 and 总计 after section 四's heading among
    # 表四's pieces (「法律 服务 机构 0 1 0」, 「其他 0 0 0」, 「尚 未 审 结 0」, 「0 25 2」). Was: 16
    # cells unread (the rows' nonzero 自然人 and 总计 and the last band's), flagged.
    report, wrong, silent = read_against_truth(ZOO / "p2702-r0020-pdftotext-gbk.txt")
    assert _section3_wrong(wrong) == [] and silent == []
    assert _t3_row(report, "denied_law_forbidden") == [2, 0, 0, 0, 0, 0, 2]
    assert _t3_row(report, "denied_admin_query") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "other_processing") == [0] * 7
    assert _t3_row(report, "total") == [20, 4, 0, 0, 1, 0, 25]
    assert _t3_row(report, "carried_forward") == [2, 0, 0, 0, 0, 0, 2]


def test_page_one_holding_rows_to_two_its_bare_page_number_among_the_pairs_is_passed_over():
    # page 1 prints the labels to （二）, the header with row 一's values beside its words
    # (21584 621 0 0 / 法律 服务 机构 888 / 其他 0 / 23093), row 二's 0s, then （一）/（二）'s
    # columns a pair a paragraph (9341 2077 / 285 64 / …), 10035, the page's number 「2」 printed
    # bare, 「总计」 and 2232; page 2 prints the other labels and 「1.属于国家秘密」/「2.…禁止公开」 in
    # its repeated header (866 26 0 0 0 0 0 0). Was: 153 cells unread, every one to type by hand.
    report, wrong, silent = read_against_truth(ZOO / "p2602-r0001-pdftotext-gbk.txt")
    assert _section3_wrong(wrong) == [] and silent == []
    assert _t3_row(report, "new") == [21584, 621, 0, 0, 888, 0, 23093]
    assert _t3_row(report, "granted") == [9341, 285, 0, 0, 409, 0, 10035]
    assert _t3_row(report, "partial") == [2077, 64, 0, 0, 91, 0, 2232]
    assert _t3_row(report, "denied_state_secret") == [866, 26, 0, 0, 37, 0, 929]
    assert _t3_row(report, "unable_not_held") == [5177, 158, 0, 0, 227, 0, 5562]
    assert _t3_row(report, "total") == [20354, 621, 0, 0, 888, 0, 21863]
    assert _t3_row(report, "carried_forward") == [1230, 0, 0, 0, 0, 0, 1230]


def test_page_one_holding_a_row_of_a_band_the_page_cuts_its_rest_in_page_twos_header():
    # page 1 prints rows 一 and 二 beside and after the header's words, （一）/（二）'s columns a pair
    # a paragraph, then 「1.属于国家秘密」's values one a paragraph (16 — — — — — 16); page 2 prints
    # the other labels (「2.其他法律行政法规禁 / 止公开」 broken over two lines), the header again
    # with 「2.…禁止公开」's first four cells beside its words, its 法律服务机构 and 其他 after their
    # names, its 总计, then the other bands. The page cuts band （三）1–2: its second row, found on
    # neither side, is page 2's first (its one row as high as the header's band). Was: 8 cells
    # wrong, 「1.属于国家秘密」 read 474 8 … 482 (row 一's values), flagged.
    report, wrong, silent = read_against_truth(ZOO / "pq3004-r0024-pdftotext-gbk.txt")
    assert wrong == [] and silent == []
    assert _t3_row(report, "new") == [474, 8, None, None, None, None, 482]
    assert _t3_row(report, "partial") == [102, 2, None, None, None, None, 104]
    assert _t3_row(report, "denied_state_secret") == [16, None, None, None, None, None, 16]
    assert _t3_row(report, "denied_law_forbidden") == [None] * 7
    assert _t3_row(report, "unable_not_held") == [104, 2, None, None, None, None, 106]
    assert _t3_row(report, "unable_unclear") == [14, None, None, None, None, None, 14]
    assert _t3_row(report, "total") == [476, 7, None, None, None, None, 483]
    assert _t3_row(report, "carried_forward") == [None, 1, None, None, None, None, 1]
