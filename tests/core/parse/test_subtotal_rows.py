"""表三 rows printing 8 cells, a 法人或其他组织 subtotal after 自然人 (TEMPLATE.md; zoo pq2010's quirk
row_shape "subtotal": tests/fixtures/zoo/README.md), in two layouts that kept the row a cell wider
than the table's others."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import BLANK, ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_subtotal_row_in_a_table_leaving_every_total_blank_is_read_without_its_subtotal():
    # LibreOffice's text of a web page, a cell a line: every 表三 row prints its 总计 blank, and
    # 「四、结转下年度继续办理」 prints 0 11 11 0 0 0 0 (its blank 总计 after them). Read as 自然人 … 总计
    # it was 科研机构 11 and 总计 0, and T3-3 an 错误 the report does not make; the second 11 is the
    # subtotal of the five after it (11 + 0 + 0 + 0 + 0), so 科研机构 is 0 and 总计 blank as the table's
    report, wrong, silent = read_against_truth(ZOO / "pq2010-r0032-lo-web-txt-gbk.txt")
    assert t3_row(report, "carried_forward") == [0, 11, 0, 0, 0, 0, None]
    assert report.cells["section3.carried_forward.total"].state == BLANK
    flag = next(f for f in report.flags if f.cell == "section3.carried_forward" and "小计" in f.message)
    assert "（11）" in flag.message and "总计也按空白计" in flag.message
    assert not [c for c in wrong if c.startswith("section3.carried_forward")]
    assert not [f for f in check(report) if f.severity == ERROR and "section3.carried_forward.total" in f.cells]
    assert silent == []


def test_a_row_of_zeros_printing_in_the_column_a_box_draws_after_the_total_is_read_by_the_box():
    # w3m draws an empty column after 总计 for the one row printing 8 cells: 「2.其他法律行政法规禁止公开」
    # prints － － － 0 (blank) － 0 － there. Read without its blank, its 0s sat under 社会公益组织 and
    # 其他 with 科研机构 a placeholder (a silent wrong cell: every reading of 0s adds up); by the box's
    # cells, the second the subtotal, 科研机构 and 其他 are 0 and 社会公益组织 blank (flagged: no sum says)
    report, wrong, silent = read_against_truth(ZOO / "pq2010-r0033-w3m.txt")
    assert t3_row(report, "denied_law_forbidden") == [None, None, 0, None, None, 0, None]
    assert report.cells["section3.denied_law_forbidden.social"].state == BLANK
    flag = next(f for f in report.flags if f.cell == "section3.denied_law_forbidden")
    assert "印有8格" in flag.message and "小计" in flag.message
    assert not [c for c in wrong if c.startswith("section3.denied_law_forbidden")]
    assert silent == []


def test_rows_of_zeros_padded_by_the_box_are_not_read_so():
    # every other row of that box leaves the column after 总计 to w3m's padding: read as printed
    report, _, _ = read_against_truth(ZOO / "pq2010-r0033-w3m.txt")
    assert {f.cell for f in report.flags if "印有8格" in f.message} == {"section3.denied_law_forbidden"}


def test_a_word_row_of_zeros_printing_eight_cells_flags_the_cells_its_readings_put_apart():
    # 「2、其他法律法规禁止公开」 prints 0 · · 0 · · · · in a Word table whose other rows print 7:
    # read without the last cell (a stray one) 社会组织 is 0 and 科研机构 blank; read with a blank
    # 法人或其他组织 subtotal after 自然人 (as the report has it) 科研机构 is 0 and 社会组织 blank. Both
    # add up. Before: 科研机构 blank, unflagged (silent); now 0 (a blank counts 0 alike) and flagged
    report, wrong, silent = read_against_truth(ZOO / "q2206-r0032-docx.docx")
    assert t3_row(report, "denied_law_forbidden") == [0, None, 0, 0, None, None, None]
    flag = next(f.message for f in report.flags if f.cell == "section3.denied_law_forbidden")
    assert "「科研机构」是0还是空白无法确定" in flag
    assert silent == []


def test_a_row_of_seven_a_cell_a_paragraph_showing_a_blank_cell_is_read_as_eight():
    # lynx's and mammoth's text of a table, a cell a paragraph: 「（二）部分公开」 prints 3件 － － ０ ０
    # － ３件, one gap between the two 0s wider than the others (a blank cell's paragraph): the row
    # printed 8 cells, a 法人 subtotal － after 自然人 and a blank 社会公益组织. Read as its 7 columns
    # 科研机构 was － and 社会公益组织 0 (both add up: silent); now read by the gap, flagged
    for name in ("q2201-r0024-lynx.txt", "q2201-r0024-mammoth-raw.txt"):
        report, wrong, silent = read_against_truth(ZOO / name)
        assert t3_row(report, "partial") == [3, None, 0, None, 0, None, 3]
        assert report.cells["section3.partial.social"].state == BLANK
        flag = next(f.message for f in report.flags if f.cell == "section3.partial")
        assert "本行印有8格" in flag and "空白一格是「社会公益组织」" in flag
        assert silent == []


def test_rows_of_zeros_in_a_pdf_grid_drawn_a_column_wider_are_flagged_though_their_last_cell_prints():
    # LibreOffice's PDF of a web page whose 「3.补正后申请内容仍不明确」 printed 8 cells (a subtotal －
    # after 自然人, its 总计 blank): the table is drawn a column wider than the header, every row
    # padded with an empty cell after 总计, and no cell shows which row printed 8. The row prints
    # · － － 0 － · － : read as 7, 科研机构 was － and 社会公益组织 0; read as 8, 科研机构 is 0. Rows whose
    # 7th cell printed something (here 「－」) were taken for rows of a stray cell and left unflagged
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0038-lo-web-pdf.pdf")
    assert report.value("section3.unable_unclear.research") == 0
    flag = next(f.message for f in report.flags if f.cell == "section3.unable_unclear")
    assert "「科研机构」可能是0也可能空白" in flag and "看不出是哪一行" in flag
    assert silent == []
