"""表三 rows of a Word or web table that print fewer cells than the table has (a cell left out of
the row, as real files show: TEMPLATE.md "rows printing 6 or 8 values"), read from committed
outputs of the zoo's --quirks build (truth beside each: tests/fixtures/zoo/README.md). A grid row
keeps every cell it has, an empty one as an empty field, so a row whose values end before the
table's last column printed fewer cells: it is placed by the sums and flagged, never completed
with blank cells at its end that it never printed."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, WARNING
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_word_table_row_printing_six_cells_reads_its_last_value_as_the_total():
    # the official template filled in Word, 「3.补正后申请内容仍不明确」 printing 15 0 0 0 0 15 (其他 left
    # out of the row): completed with a blank at its end, 15 was read as 其他 and 总计 blank, and the
    # consistent report showed three 错误 (the row's sum, 其他's and 总计's columns)
    report, wrong, silent = read_against_truth(ZOO / "quirks801-r0002-docx.docx")
    assert t3_row(report, "unable_unclear")[:5] == [15, 0, 0, 0, 0]
    assert t3_row(report, "unable_unclear")[6] == 15
    assert t3_row(report, "unable_unclear")[5] in (0, None)  # the cell left out: 0 by the sums
    assert any(f.cell == "section3.unable_unclear" and "印有6个数值" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_web_table_row_printing_six_cells_under_an_empty_total_column_is_placed_by_the_column_sums():
    # a web page whose 表三 leaves 总计 empty; 「5.要求行政机关确认或重新出具已获取信息」 prints
    # 1731 122 21 43 0 and its blank 总计 (社会公益组织 left out). Completed at its end, 43 sat under
    # 社会公益组织 and 0 under 法律服务机构: two columns' sums failed, a 错误 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "quirks801-r0028-web-gbk.html")
    row = t3_row(report, "not_processed_confirm")
    assert row[:3] == [1731, 122, 21] and row[4] == 43 and row[3] in (0, None) and row[6] is None
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert any(f.rule == "T3-3" and f.severity == WARNING and "总计」未填写" in f.message for f in findings)
    assert wrong == [] and silent == []


def test_a_short_row_under_an_empty_total_column_leaves_the_column_empty_and_the_typo_found():
    # LibreOffice's web page of a Word table whose 总计 column is empty; 「二、上年结转…」 prints 1 0 0 0 0
    # and its blank 总计 (其他 left out), and 「1.属于国家秘密」's 科研机构 prints 1 for 0 (the planted
    # typo). Placed by the sums, the short row's 总计 is a cell it never printed: the column is still
    # the report's empty one (one warning, no row's sum checked), not a filled column failing every
    # row's sum (ten 错误), and the column sums still name the typo and its fix
    report, wrong, silent = read_against_truth(ZOO / "quirks801-r0030-lo-html.html")
    assert t3_row(report, "carried_over")[:5] == [1, 0, 0, 0, 0]
    findings = check(report)
    errors = [f for f in findings if f.severity == ERROR]
    assert [f.rule for f in errors] == ["T3-2"]
    assert suggested_fixes(findings) == {("section3.denied_state_secret.research", 0)}
    assert any(f.rule == "T3-3" and f.severity == WARNING and "总计」未填写" in f.message for f in findings)
    assert all(f.severity != "doubt" for f in findings)  # (no odd-sum doubt: no row prints its 总计)
    assert silent == []


def test_a_markdown_row_of_six_cells_padded_at_its_end_is_placed_by_the_sums():
    # pandoc's markdown of a web report (quirks zoo 812, r0005), zeros printed 「/」, 总计 filled in
    # every row: 「5.要求行政机关确认或重新出具已获取信息」 printed 6 cells, 2 / / / / 2 (a cell left
    # out), and pandoc drew it as wide as the table, an empty cell at its end. Read in order, the
    # second 2 sat under 其他 and 总计 was blank, unflagged (only the sums' findings covered it). A
    # row printing every cell but an empty last one, among rows each printing their 总计, printed a
    # cell fewer: placed by the sums (2 under 总计, the cell left out 0) and flagged. The planted typo
    # (8.属于行政查询事项 × 商业企业 1 for 0) is still found and its fix suggested
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0005-pandoc-html-gfm.md")
    assert wrong == [] and silent == []
    row = t3_row(report, "not_processed_confirm")
    assert row[0] == 2 and row[6] == 2 and row[5] in (0, None)
    assert any(f.cell == "section3.not_processed_confirm" and "印有6个数值" in f.message for f in report.flags)
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.denied_admin_query.commercial", 0)}
    assert not [f for f in findings if f.severity == ERROR and "section3.not_processed_confirm.total" in f.cells]


def test_a_markdown_row_ending_blank_in_a_table_printing_its_zeros_blank_keeps_its_cells():
    # pandoc's markdown of a web report (zoo 742, r0040) whose zeros print blank: 「3、补正后申请内容仍
    # 不明确」 prints 1 under 法律服务机构 (the planted typo, 1 for 0) and leaves the rest empty, 总计
    # too. Its empty cells are the table's blanks, not padding: the row keeps its 7 cells, the typo
    # stays where it is printed and the sums still name it and its fix
    report, wrong, silent = read_against_truth(ZOO / "zoo742-r0040-pandoc-html-gfm.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "unable_unclear") == [None, None, None, None, 1, None, None]
    assert not [f for f in report.flags if f.cell.startswith("section3.unable_unclear")]
    assert suggested_fixes(check(report)) == {("section3.unable_unclear.legal", 0)}


def test_a_full_row_ending_empty_in_a_table_leaving_its_total_column_empty_keeps_its_cells():
    # pandoc's markdown of a web page (quirks zoo 907, r0042) leaving 表三's 总计 empty in every row, its
    # zeros mixed (0, 「无」 or blank). 「（七）总计」 prints every cell but 总计: 3 1 0 0 无 0, then the
    # empty one, as every row printing a count ends. The rows printing blanks beside their counts
    # (一、本年新收 3 1 _ _ 无 0 _) were taken for rows printing their 总计, so （七）总计 alone looked a
    # cell short: its last 0 was read as its 总计 and the column counted as filled, four T3-3 错误 on
    # a consistent report (LibreOffice's PDF of the page alike). It is read as printed
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0042-pandoc-html-gfm.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "total") == [3, 1, 0, 0, None, 0, None]
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [f.rule for f in findings if "总计」未填写" in f.message] == ["T3-3"]
