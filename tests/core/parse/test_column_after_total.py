"""表三 of LibreOffice's PDF of a web page whose table has one row of 8 cells (a 法人或其他组织 subtotal
after 自然人, TEMPLATE.md "rows printing 6 or 8 values"): the PDF's grid gives every other row an
empty 8th cell, after 总计, and the header's 总计 is followed by that empty column too. A row of 7
whose first cell (自然人) is blank then has an empty cell at each end; the one after 总计 is the
converter's, the first is the row's own blank. Committed outputs of the zoo's --quirks build of
seed 802 (truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_with_a_blank_first_cell_keep_their_places_beside_the_padding_column():
    # 「2、没有现成信息需要另行制作」 prints (blank) 0 － － (blank) 0 －, then the PDF's empty 8th cell;
    # the blank first cell was dropped and the row read one cell to the left: 0 under 自然人 and
    # 法律服务机构, 商业企业's and 其他's 0 blank, silently (7 such cells in 4 rows)
    report, wrong, silent = read_against_truth(ZOO / "quirks802-r0008-lo-web-pdf.pdf")
    assert t3_row(report, "unable_need_creation") == [None, 0, None, None, None, 0, None]
    assert t3_row(report, "unable_unclear") == [None, None, 0, None, 0, None, 0]
    assert t3_row(report, "not_processed_confirm") == [None, 0, None, None, None, None, None]
    assert t3_row(report, "other_no_correction") == [None, 0, 0, None, None, None, None]
    assert t3_row(report, "unable_not_held") == [40, 8, None, None, 0, 1, 49]  # (no blank first cell)
    assert silent == []


def test_a_row_read_one_cell_left_no_longer_fails_a_column_sum_of_a_consistent_report():
    # 「四、结转下年度继续办理」 prints (blank) 3 (blank)×4 3 and the empty 8th cell: read one cell to the
    # left, 3 sat under 自然人 and 其他, and the consistent report showed a 错误 (自然人's column)
    report, wrong, silent = read_against_truth(ZOO / "quirks802-r0018-lo-web-pdf.pdf")
    assert t3_row(report, "carried_forward") == [None, 3, None, None, None, None, 3]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_blank_total_before_the_padding_column_keeps_the_row_in_place_after_its_empty_label_cell():
    # pandoc's markdown of a web report (quirks zoo 812, r0001) leaving 表三's 总计 empty in every
    # row, one row of 8 cells (四、结转下年度继续办理: 0 ×7, then its empty 总计): each row gets an
    # empty cell after 总计. 「（一）予以公开」 (its label in the table's second column) prints an
    # empty third label cell, 11 3 0 0 0 0, its blank 总计 「　」 and the padding. Before, every empty
    # cell at the row's end went first (the padding and the blank 总计), the empty label cell stayed
    # and the row read one cell to the right: 11 under 商业企业, 自然人 blank, with no flag (three
    # T3-2 错误 on a consistent report were all that pointed at it)
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0001-pandoc-html-gfm.md")
    assert t3_row(report, "granted") == [11, 3, 0, 0, 0, 0, None]
    assert t3_row(report, "partial") == [4, 1, 0, 0, 0, 0, None]
    assert t3_row(report, "other_processing") == [0, 0, 0, 0, 0, 0, None]
    assert t3_row(report, "new") == [21, 6, 0, 0, 0, 0, None]  # (its label spans the three label columns)
    assert wrong == [] and silent == []
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [f for f in findings if "总计」未填写" in f.message]
