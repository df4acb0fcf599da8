"""表三's 总计 left empty as a whole: one warning, no row 错误 - also when a row of placeholders
prints a 「－」 under 总计."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, MISSING, PLACEHOLDER
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_placeholders_does_not_fill_an_empty_total_column():
    """catdoc's text of a Word report (quirks zoo 802, r0003) whose 表三 leaves 总计 empty in every
    row beside counts (一、本年新收 8,435 2,598 － 147 575 70, then nothing); its row
    「1.信访举报投诉类申请」 printed 8 cells, 「－」 in each of the first 7 (a 法人或其他组织 subtotal after
    自然人) and an empty one after: read as 7 cells, its 总计 is a 「－」. That row prints no count,
    so its 「－」 says nothing of whether the column was filled: the column is still unfilled, and
    the 12 rows printing counts are not each 错误 for a 总计 of 0 (11825 for 一、本年新收)."""
    report, wrong, silent = read_against_truth(ZOO / "quirks802-r0003-catdoc.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [8435, 2598, None, 147, 575, 70, None]
    assert report.cells["section3.not_processed_complaint.total"].state == PLACEHOLDER
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.not_processed_complaint.total" in warned[0].cells
    # the prose's 11825 applications are not compared with a 总计 nobody printed
    assert not [f for f in findings if f.rule == "N-1"]


def test_a_short_row_padded_by_the_converter_is_placed_by_the_column_sums_not_a_report_error():
    """pandoc's markdown of a Word report (quirks zoo 801, r0028) whose 表三 leaves 总计 empty; the
    row 「5.要求行政机关确认或重新出具已获取信息」 printed 6 cells of 7 (社会公益组织 left out:
    1731 122 21 43 0, then the empty 总计) and pandoc drew it as wide as the table, an empty cell
    at its end. Read in order, 43 lands under 社会公益组织 and 0 under 法律服务机构, and two column
    sums fail: 社会公益组织 (七)总计 0 against 43, 法律服务机构 832 against 789. Read as a row of a
    cell fewer, its empty cell its 总计 as the whole column's, the column sums place 43 under
    法律服务机构 and 0 under 其他, where every sum holds: read so and flagged as printing 6 cells."""
    report, wrong, silent = read_against_truth(ZOO / "quirks801-r0028-pandoc-docx-markdown.md")
    assert t3_row(report, "not_processed_confirm") == [1731, 122, 21, 0, 43, 0, None]
    assert wrong == [] and silent == []
    assert any(f.cell == "section3.not_processed_confirm" and "印有6个数值" in f.message for f in report.flags)
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [f for f in findings if f.rule == "T3-2"] == []


def test_a_row_of_zeros_does_not_fill_an_empty_total_column():
    """mammoth's HTML of a Word report (quirks zoo 812, r0001) whose 表三 leaves 总计 empty in every
    row beside counts (一、本年新收 21 6 0 0 0 0, then nothing); its row 「四、结转下年度继续办理」 printed
    8 cells, 0 in each of the first 7 and its empty 总计, read as 7 cells: its 总计 is a 0. That
    row prints no count, so its 0 says nothing of whether the column was filled (a row of zeros
    prints one under 总计 either way): the column is unfilled, one warning, and the 6 rows printing
    counts are not each 错误 for a 总计 of 0 (27 for 一、本年新收). Before: six T3-3 错误 on a
    consistent report (LibreOffice's PDFs of it alike)."""
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0001-mammoth-html.html")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [21, 6, 0, 0, 0, 0, None]
    assert report.value("section3.carried_forward.total") == 0
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.carried_forward.total" in warned[0].cells
    assert not [f for f in findings if f.rule == "N-1"]


def test_a_row_printing_a_count_and_0_under_total_still_fills_the_column():
    """The 0 counts as filling 总计 where its row prints a count: 「（一）予以公开」 printing 11 3 … and
    0 under 总计 is the report's 总计, wrong, and its sum is 错误 (the other rows' 总计 blank)."""
    from dataclasses import replace

    report, _, _ = read_against_truth(ZOO / "quirks812-r0001-mammoth-html.html")
    zero = report.cells["section3.carried_forward.total"]
    report.cells["section3.granted.total"] = replace(zero)
    findings = check(report)
    assert not [f for f in findings if "总计」未填写" in f.message]
    assert [f for f in findings if f.severity == ERROR and f.rule == "T3-3" and "section3.granted.total" in f.cells]


def test_a_row_printing_nothing_does_not_fill_an_empty_total_column():
    """w3m's text of a web page (quirks zoo 907, r0007) whose 表三 leaves 总计 empty in every row and
    prints zeros as blank cells: only 自然人 prints counts (一、本年新收 8, （一）予以公开 4 …). The
    rows 「二、上年结转…」 and 「四、结转下年度继续办理」 print nothing at all in w3m's box, so their
    cells are left unread, not blank. An unread cell fills no column any more than a blank one:
    the column is unfilled, one warning. Before: five T3-3 错误 (总计 0 against 8 for 一、本年新收)
    and an N-1 warning on a consistent report."""
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0007-w3m.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [8, None, None, None, None, None, None]
    assert report.cells["section3.carried_over.total"].state == MISSING
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.new.total" in warned[0].cells
    assert not [f for f in findings if f.rule == "N-1"]


def test_a_total_the_parser_was_unsure_of_does_not_fill_an_empty_total_column():
    """w3m's box of a web page (zoo w1304, r0009) whose 表三 leaves 总计 empty and prints its zeros 0.
    Before the box's rows were read right of their labels, 「1.本机关不掌握相关政府信息」 took the 无 of
    the group label 「（四）无法提供」 as a value: placed by position (flagged), a 0 landed under its
    总计. That one 0 in a row the parser was unsure of made the column filled, and each of the 10 rows
    printing a count a T3-3 错误 for a 总计 of 0. One doubtful reading fills no column: one warning."""
    from dataclasses import replace

    from core.model import Flag

    report, _, _ = read_against_truth(ZOO / "w1304-r0009-word-html-w3m.txt")
    report.cells["section3.unable_not_held.total"] = replace(report.cells["section3.unable_not_held.other"])
    assert report.value("section3.unable_not_held.total") == 0
    errors = [f for f in check(report) if f.severity == ERROR]
    assert len(errors) == 10  # (the row printing no flag: its 0 is the report's 总计)
    report.flags.append(Flag("section3.unable_not_held", "inferred",
                             "「1.本机关不掌握相关政府信息」行的数值按版面位置归入各列，各数所在的列不够确定，请对照原文核对"))
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.unable_not_held.total" in warned[0].cells
