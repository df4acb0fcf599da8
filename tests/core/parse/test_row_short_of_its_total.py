"""表三 rows printing 6 or 8 cells (TEMPLATE.md "rows printing 6 or 8 values") in tables a converter
drew as wide as the table, read from committed zoo outputs (truth beside each: tests/fixtures/zoo/
README.md, section "silent6"). A row printing a count other than 0 prints its 总计 where the table's
rows print theirs: a reading that leaves its 总计 cell empty read a row printing a cell fewer, and
which cell it left out the sums weigh (flagged), never the converter's drawing. Before, each row
below was read one cell off with no flag on it (only the sums' 错误 said something was wrong)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _row_flags(report, key: str) -> list[str]:
    return [f.message for f in report.flags if f.cell == f"section3.{key}"]


def test_a_pdf_grid_row_of_six_cells_drawn_to_the_tables_width_is_placed_by_the_sums():
    # LibreOffice's PDF of a web report whose zeros print blank; 「（二）部分公开…」 printed 6 cells,
    # 1 and four blanks and its 总计 1 (a cell left out), the PDF drawing it as wide as the table:
    # its tab-separated line counted out a 7th, empty cell, and the 总计 1 was read as 其他, the
    # 总计 blank. The planted typo ((七)总计 × 自然人 19 for 21) is still found and its fix suggested
    report, wrong, silent = read_against_truth(ZOO / "quirks821-r0031-lo-web-pdf.pdf")
    assert wrong == [] and silent == []
    row = t3_row(report, "partial")
    assert row[0] == 1 and row[6] == 1 and row[5] in (0, None)
    assert any("印有6个数值" in m for m in _row_flags(report, "partial"))
    findings = check(report)
    assert suggested_fixes(findings) == {("section3.total.natural", 21)}
    assert not [f for f in findings if f.severity == ERROR and "section3.partial.total" in f.cells]


def test_a_w3m_box_row_of_six_cells_is_placed_by_the_sums_not_by_its_borders():
    # w3m's dump of a web report, zeros printed 「-」: 「（二）部分公开…」 printed 1 - - - - 1 and w3m drew
    # its six cells at the table's columns, an empty seventh after them: by its borders (and by the
    # columns' positions) the second 1 sat under 其他 and 总计 was blank
    report, wrong, silent = read_against_truth(ZOO / "quirks821-r0036-w3m.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "partial") == [1, None, None, None, None, 0, 1]
    assert any("印有6个数值" in m for m in _row_flags(report, "partial"))
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_pandoc_markup_in_the_header_still_shows_the_column_after_the_total():
    # pandoc's markdown of a web page keeps each cell's <span style=…>: its header's 「…总计</span> | |」
    # has a column after 总计, padding every row. Unseen, 「3、补正后申请内容仍不明确」 (blank, 2, four
    # blanks, 2, padding) lost its first blank instead of the padding: 2 read as 自然人 and 其他,
    # 总计 blank, unflagged (four 错误 on a consistent report)
    report, wrong, silent = read_against_truth(ZOO / "quirks821-r0033-pandoc-html-gfm.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "unable_unclear") == [None, 2, None, None, None, None, 2]
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_row_of_eight_cells_under_an_empty_total_column_keeps_its_blank_total():
    # html2text's markdown of a web report leaving 表三's 总计 empty in every row; 「4.保护第三方合法
    # 权益」 printed 8 cells, 57, a 法人或其他组织 subtotal 10, then 6 1 0 0 3 and its blank 总计. The
    # blank was cut as padding and the row read 57 10 6 1 0 0 3, one cell to the right, unflagged.
    # Kept, the row prints 8 values: the sums place them (the subtotal left out), flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks821-r0020-html2text.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "denied_third_party")[:6] == [57, 6, 1, 0, 0, 3]
    assert t3_row(report, "denied_third_party")[6] in (0, None)
    assert any("印有8个数值" in m for m in _row_flags(report, "denied_third_party"))
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_misprinted_count_in_a_row_of_blanks_is_not_read_as_a_short_row():
    # guard: html2text's markdown of a web report whose zeros print blank; 「3.要求提供公开出版物」
    # prints only 科研机构 1 (the planted typo, true 0) and its 总计 blank. Its cells before the
    # empty 总计 do not add up to a 总计 of theirs: a misprint, not a row a cell short, read as
    # printed, and the sums name the typo and its fix
    report, wrong, silent = read_against_truth(ZOO / "zoo762-r0039-html2text.md")
    assert wrong == [] and silent == []
    assert t3_row(report, "not_processed_publication") == [None, None, 1, None, None, None, None]
    assert _row_flags(report, "not_processed_publication") == []
    assert suggested_fixes(check(report)) == {("section3.not_processed_publication.research", 0)}


def test_a_w3m_box_with_an_empty_column_after_the_total_places_short_rows_before_it():
    # w3m's dump of a web report (zeros blank) one of whose rows printed 8 cells: w3m draws every
    # row as wide as the table, an empty column after 总计, its header's 「总计 ├─┤」 too. A row
    # printing blanks, 「四、结转下年度继续办理」 (社会公益组织 43, 总计 43), was placed in the box's
    # last 7 columns: one to the left, 43 under 科研机构 and 其他, unflagged. Its header names the
    # columns: the empty one after 总计 is no column of the row's. The planted typo ((二)部分公开's
    # 总计 3053 for 2785) is still found and its fix suggested
    report, wrong, silent = read_against_truth(ZOO / "quirks812-r0004-w3m.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "carried_forward") == [None, None, None, 43, None, None, 43]
    assert t3_row(report, "carried_over") == [695, 5, None, None, None, None, 700]
    assert suggested_fixes(check(report)) == {("section3.partial.total", 2785)}


def test_a_w3m_box_whose_header_wraps_total_in_its_narrow_cell_places_short_rows_before_the_empty_column():
    # w3m's dump of a web report (zeros mixed: 「０」, 「—」, a full-width blank) one of whose rows
    # printed 8 cells, every row drawn with an empty column after 总计, like the one above; but 总计's
    # cell is narrow and wraps its name, 「│总 ├─┤」 over 「│计 │ │」, so the header's empty column
    # after it went unseen and every short row was placed in the box's last 7 columns: one to the
    # left, 13 zeros of 总计, 其他 … read blank, silently (an all-zero table: no sum said a word)
    report, wrong, silent = read_against_truth(ZOO / "quirks831-r0030-w3m.txt")
    assert silent == []
    assert t3_row(report, "carried_over") == [None, None, None, None, None, None, 0]  # 　 　 — 　 — 　 ０
    assert t3_row(report, "denied_law_forbidden") == [None, None, 0, None, 0, None, None]  # 　 　 ０ — ０ 　 —
    assert t3_row(report, "total") == [None, 0, None, 0, None, None, 0]  # 　 ０ — ０ — 　 ０
    assert t3_row(report, "carried_forward") == [None, None, None, 0, 0, None, 0]  # 　 　 — ０ ０ 　 ０
    # (the row of 8, 「1.属于国家秘密」 ０ ０ ０ ０ ０ — ０ —, stays flagged: which cell is extra the zeros cannot say)
    assert all(cell.startswith("section3.denied_state_secret.") for cell in wrong)
    assert any("印有8个数值" in m for m in _row_flags(report, "denied_state_secret"))
    # the same in a report with counts (总 and 计 each a line of its 2-wide cell): its rows kept
    # their places, and the planted typo ((一)予以公开's 总计 16 for 18) is still found and its fix suggested
    report, wrong, silent = read_against_truth(ZOO / "quirks831-r0013-w3m.txt")
    assert silent == []
    assert t3_row(report, "denied_law_forbidden") == [None, None, 0, None, None, None, 0]  # (blank) / 0 / (blank) / 0
    assert t3_row(report, "total") == [19, None, None, 0, None, None, 19]
    assert suggested_fixes(check(report)) == {("section3.granted.total", 18)}
