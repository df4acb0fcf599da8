"""表三 rows read cell by cell from a file's own grid (a web page's table, a Word table, a PDF's ruled
cells): the grid shows every cell a row prints, so a row reading 7 values printed 7, and none
lost its last cell to a converter (TEMPLATE.md "rows printing 6 or 8 values"). A row there whose
second value is the sum of the five after it, its 总计 misprinted, is the report's mistake: a plain
错误 with the value the sums want, not 存疑 for a 总计 「转换时被截去」. A row of 8 the grid shows is
still read without its subtotal; pandoc's web page, whose rows pandoc cut to the table's columns,
keeps the cut reading (fixtures: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import DOUBT, ERROR
from core.pipeline import load_report
from core.readers.dispatch import read_document
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _errors_and_doubts(report):
    findings = check(report)
    errors = {(f.rule, f.suggestion.cell if f.suggestion else None, f.suggestion.value if f.suggestion else None)
              for f in findings if f.severity == ERROR}
    return errors, [f for f in findings if f.severity == DOUBT]


def test_a_misprinted_total_in_a_web_pages_row_is_an_error_with_its_fix_not_a_total_cut_off():
    # 「1.本机关不掌握相关政府信息」 prints 1 0 (blank) (blank) / / 0 in the page's own <table>: its 总计
    # misprinted 0 for 1 (planted). 0 after 自然人 is the sum of the five cells after it, so the row was
    # taken for a row of 8 whose 总计 a converter cut: 存疑 (「转换时末格（总计）被截去」) at df27c568
    report, wrong, silent = read_against_truth(ZOO / "h2905-r0038-web-utf-8.html")
    assert t3_row(report, "unable_not_held") == [1, 0, None, None, None, None, 0]
    assert not any("截去" in f.message for f in report.flags)
    errors, doubts = _errors_and_doubts(report)
    assert errors == {("T3-2", "section3.unable_not_held.total", 1), ("T3-3", "section3.unable_not_held.total", 1)}
    assert doubts == []
    assert wrong == [] and silent == []


def test_a_misprinted_total_in_a_pdfs_ruled_row_is_an_error_with_its_fix():
    # LibreOffice's PDF of the Word file, its table ruled: 「（六）其他处理」 prints 1 (blank) 0 (blank) - (blank)
    # 0, its 总计 misprinted 0 for 1 (planted); 存疑 for a 总计 cut off at df27c568
    document = read_document(str(ZOO / "p2702-r0003-lo-pdf.pdf"))
    row = next(line for line in document.lines if line.cells and line.cells[0].text == "（六）其他处理")
    assert row.grid and len(row.cells) == 8  # (its label and 7 cells, as ruled)
    report, wrong, silent = read_against_truth(ZOO / "p2702-r0003-lo-pdf.pdf")
    assert t3_row(report, "other_processing") == [1, None, 0, None, None, None, 0]
    assert not any("截去" in f.message for f in report.flags)
    errors, doubts = _errors_and_doubts(report)
    assert errors == {("T3-2", "section3.other_processing.total", 1), ("T3-3", "section3.other_processing.total", 1)}
    assert doubts == []
    assert wrong == [] and silent == []


def test_a_row_of_8_a_web_page_prints_is_still_read_without_its_subtotal():
    # mammoth's page of the Word file: 「（二）部分公开」 prints 8 cells, 12 1 — — — — 1 13 (a 法人或其他组织
    # subtotal 1 after 自然人); the planted typo is 二、上年结转 × 总计 2 for 25
    report, wrong, silent = read_against_truth(ZOO / "q3306-r0005-mammoth-html.html")
    assert t3_row(report, "partial") == [12, None, None, None, None, 1, 13]
    assert any(f.cell == "section3.partial" and "印有8个数值" in f.message for f in report.flags)
    errors, doubts = _errors_and_doubts(report)
    assert {cell for _, cell, _ in errors} == {"section3.carried_over.total"}
    assert ("T3-3", "section3.carried_over.total", 25) in errors
    assert wrong == [] and silent == []


def test_pandocs_web_page_of_a_row_of_8_keeps_the_reading_of_a_total_cut_off():
    # the same page through pandoc (html → html): pandoc cut 「（二）部分公开」 to the table's 7 columns,
    # 12 1 — — — — 1, its 总计 13 lost; its rows striped 「<tr class="odd">」 say whose grid it is
    document = read_document(str(ZOO / "q3306-r0005-mammoth-html-pandoc.html"))
    assert document.rows_cut_to_columns
    report, wrong, silent = read_against_truth(ZOO / "q3306-r0005-mammoth-html-pandoc.html")
    assert t3_row(report, "partial") == [12, None, None, None, None, 1, 13]
    assert any(f.cell == "section3.partial" and "转换时末格（总计）被截去" in f.message and "推定为13" in f.message
               for f in report.flags)
    errors, _ = _errors_and_doubts(report)
    assert {cell for _, cell, _ in errors} == {"section3.carried_over.total"}
    assert wrong == [] and silent == []


def test_pandocs_web_page_with_a_note_under_表三_keeps_the_reading_of_a_total_cut_off(tmp_path):
    # the same page with a note printed under 表三's table: the note's line is dropped before the rows
    # are read, and the document without it had lost its rows_cut_to_columns, so 「（二）部分公开」 was
    # read as the page's own row of 7 (商业企业 1, 总计 1) with a false T3-3 错误
    page = (ZOO / "q3306-r0005-mammoth-html-pandoc.html").read_text(encoding="utf-8")
    end = page.index("</table>", page.index("三、本年度办理结果")) + len("</table>")
    noted = tmp_path / "noted.html"
    noted.write_text(page[:end] + "\n<p>注：本表“法人或其他组织”含商业企业12件。</p>\n" + page[end:], encoding="utf-8")
    report = load_report(noted)
    assert t3_row(report, "partial") == [12, None, None, None, None, 1, 13]
    assert any(f.cell == "section3.partial" and "转换时末格（总计）被截去" in f.message for f in report.flags)
    errors, _ = _errors_and_doubts(report)
    assert {cell for _, cell, _ in errors} == {"section3.carried_over.total"}


def test_a_web_page_of_its_own_is_not_taken_for_pandocs():
    assert not read_document(str(ZOO / "h2905-r0038-web-utf-8.html")).rows_cut_to_columns
    assert not read_document(str(ZOO / "q3306-r0005-mammoth-html.html")).rows_cut_to_columns


@pytest.mark.parametrize("name, row", [("quirks8585-r0039-pdftotext-layout-gbk.txt", "section3.denied_process_info"),
                                       ("q2906-r0002-pdftotext-layout-utf-8.txt", "section3.denied_law_forbidden")])
def test_a_pdfs_row_read_as_8_says_its_total_is_not_printed_not_that_a_converter_cut_it(name, row):
    """pdftotext's text of a PDF (its pages marked): a row printing 7 values, the second the sum of
    the five after it, is read as a row of 8 whose 总计 is not there. No converter cut the row: the
    PDF's page shows 7 cells. The message said 「末格（总计）空白或转换时被截去」; it now says what the
    auditor sees on the page."""
    report = load_report(ZOO / name)
    flag = next(f for f in report.flags if f.cell == row)
    assert "末格（总计）空白或没有印出（PDF中本行只见7格）" in flag.message
    assert not any("转换时" in f.message for f in report.flags)


def test_a_text_no_converter_is_known_to_have_cut_says_what_it_shows_not_that_a_converter_cut_it():
    """pdfplumber's text of a PDF (no page marked): a row of 0s printing its 总计 cell in a table
    whose other rows leave 总计 blank may be a row of 8 whose blank 总计 is not there. The message
    said 「转换时末格被截去」 (made for pandoc's tables, rewritten only where the text marks its
    pages); nobody converted a table here, and the text shows the row's 7 cells: it says so."""
    report = load_report(ZOO / "pq2004-r0043-pdfplumber.txt")
    flag = next(f for f in report.flags if f.cell == "section3.other_no_correction")
    assert "末格没有印出（文中本行只有7格）（若是，第二格是小计，其后各数值应左移一列）" in flag.message
    assert not any("转换" in f.message for f in report.flags)
    # mammoth's Markdown of a Word file: no pandoc table, the same words for a 总计 blank or not there
    report = load_report(ZOO / "quirks8585-r0039-mammoth-md.md")
    flag = next(f for f in report.flags if f.cell == "section3.denied_process_info")
    assert "是「法人或其他组织」小计（本行印有8格，模板无此列），末格（总计）空白或没有印出（文中本行只有7格）。" in flag.message
    assert not any("转换" in f.message for f in report.flags)


def _with_row_cells(page: str, label: str, cells: dict[int, str]) -> str:
    """`page` with cells of 表三's row labelled `label` rewritten: its n-th value cell (0: 自然人) as given."""
    start = page.index(label, page.index("三、收到和处理"))
    end = page.index("</tr>", start)
    row = page[start:end].split("<td")
    for n, text in cells.items():
        head, _, rest = row[n + 1].partition(">")
        row[n + 1] = f"{head}>{text}</td>" + rest[rest.index("</td>") + len("</td>"):]
    return page[:start] + "<td".join(row) + page[end:]


def test_a_total_cut_off_counts_in_the_printed_sum_so_a_right_report_is_not_told_it_must_hold_a_misprint(tmp_path):
    # the pandoc page above made consistent (二、上年结转's 总计 25, as the Word file meant) and its
    # 「（二）部分公开」 13 1 — — — — 1 (总计 14 cut off): 自然人 odd, the numbers printed sum to an odd
    # number without the 14 cut off and with the subtotal 1 that is no cell, and 表三 was said to hold
    # a misprint (「表三印出的全部数字之和为2235，是奇数…故表中必有笔误」, 存疑) at 69642b02
    page = (ZOO / "q3306-r0005-mammoth-html-pandoc.html").read_text(encoding="utf-8")
    page = _with_row_cells(page, "二、上年结转政府信息公开申请数量", {6: "25"})
    page = _with_row_cells(page, "（二）部分公开", {0: "13"})
    page = _with_row_cells(page, "一、本年新收政府信息公开申请数量", {0: "321", 6: "350"})
    page = page.replace("全年共收到政府信息公开申请349件", "全年共收到政府信息公开申请350件")
    page = _with_row_cells(page, "（七）总计", {0: "346", 6: "374"})
    right = tmp_path / "right.html"
    right.write_text(page, encoding="utf-8")
    report = load_report(right)
    assert t3_row(report, "partial") == [13, None, None, None, None, 1, 14]
    assert t3_row(report, "carried_over")[-1] == 25 and t3_row(report, "total")[0] == 346
    assert report.t3_printed_sum % 2 == 0
    assert check(report) == []
    # the auditor who types another 总计 there (the cut 14 counted as printed) moves the sum with it
    from core.review.edits import ReportReview
    review = ReportReview(report)
    review.apply(review.edit_for("section3.partial.total", 15))
    assert review.current().t3_printed_sum == report.t3_printed_sum + 1
