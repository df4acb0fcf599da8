"""表三 tables leaving their 总计 column blank, printed by a converter that draws no blank cell
(pdftotext -layout, pdfplumber, pandoc plain, mammoth's markdown): every row prints 6 values, 自然人 … 其他. Were any
cell but the 总计 left out, a row's last value would be its 总计, the sum of the values before it:
where no row's is, and the table's column sums hold, each row is read as printed, its 总计 blank
(before, the rows were placed under the header's names, one column to the right where the values
print left of them, flagged). Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse import parser
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
_LAYOUT = "quirks8585-r0039-pdftotext-layout-gbk.txt"


def test_rows_of_six_values_under_a_blank_total_column_are_read_as_printed():
    # 「一、本年新收…」 prints 583 11 11 0 39 0 at columns 35…78, left of the header's names (自然 at 51):
    # placed by position it read 商业企业 583 … 总计 0, 自然人 blank, 58 wrong cells (flagged) on 0e390b8
    report, wrong, silent = read_against_truth(ZOO / _LAYOUT)
    assert t3_row(report, "new") == [583, 11, 11, 0, 39, 0, None]
    assert t3_row(report, "total") == [543, 11, 11, 0, 39, 0, None]
    assert t3_row(report, "carried_forward") == [40, 0, 0, 0, 1, 0, None]
    assert not [f for f in report.flags if "按版面位置归入各列" in f.message]
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_mammoth_paragraph_cells_of_six_values_read_their_total_blank():
    # the same report through mammoth's markdown, one cell a paragraph (583 / 11 / 11 / 0 / 39 / 0):
    # read with a 0 taken for a blank at 法律服务机构, 39 under 其他 and 总计 0, flagged 印有6个数值 on 0e390b8
    report, wrong, silent = read_against_truth(ZOO / "quirks8585-r0039-mammoth-md.md")
    assert t3_row(report, "new") == [583, 11, 11, 0, 39, 0, None]
    assert t3_row(report, "denied_process_info") == [44, 1, 0, 0, 3, 0, None]  # (its subtotal 4 read so)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_row_ending_on_the_sum_of_its_values_leaves_the_rows_to_the_positions(tmp_path):
    # the same table with 「二、上年结转…」 printing 0 0 0 0 1 1: its last value is the sum of those
    # before it, as a row printing its 总计 with a 0 left out: the table may print its 总计, and
    # which cell each row left out the rows cannot say: placed by position as before, flagged
    text = (ZOO / _LAYOUT).read_text(encoding="gb18030")
    old = "二、上年结转政府信息公开申请数量                   0        0      0          0      1        0"
    assert text.count(old) == 1
    path = tmp_path / _LAYOUT
    path.write_text(text.replace(old, old[:-1] + "1"), encoding="gb18030")
    report = load_report(path)
    # (placed under the header's names: the one row printing 7 values on a line, 「6.属于四类过程性信息」
    # 44 4 1 0 0 3 0, is a row of 8 whose parts do not sum to its last value, so it measures no
    # columns; measured on it, on 905a595b, every row sat a column right, 商业企业 583)
    assert report.value("section3.new.natural") == 583 and report.value("section3.new.commercial") == 11
    assert any(f.cell == "section3.new" and "按版面位置归入各列" in f.message for f in report.flags)


def test_pdfplumber_rows_of_six_values_read_their_total_blank():
    # q2718 r0038 (pdfplumber, 2019 template): every row prints 6 values, 总计 blank: read as 0 and
    # flagged (印有6个数值，模板为7列 / 未印出的单元格按空白（0）计) on 0e390b8; now blank, unflagged
    report, wrong, silent = read_against_truth(ZOO / "quirks2718-r0038-pdfplumber.txt")
    assert t3_row(report, "new") == [110, 16, 0, 0, 4, 0, None]
    assert report.value("section3.total.total") is None
    assert not [f for f in report.flags if "印有6个数值" in f.message]
    assert wrong == [] and silent == []


def test_digits_glued_across_cells_fail_the_column_sums(monkeypatch):
    # docx2txt of q4242 r0004 glues 735 and 65 into 73565 and prints "73565 -- -- 22 -- 822": rows of 6
    # values whose last is not the sum of the others, as under a blank 总计 column; but the glued
    # 自然人 column fails its sum (（七）总计 73565 against its parts' 47555): not read so
    found = []
    original = parser._short_of_a_blank_total

    def spy(*args):
        found.append(original(*args))
        return found[-1]
    monkeypatch.setattr(parser, "_short_of_a_blank_total", spy)
    load_report(ZOO / "quirks4242-r0004-docx2txt.txt")
    assert found and all(rows == [] for rows in found)


def test_pdftotext_raw_rows_over_lines_under_a_blank_total_keep_their_printed_order():
    # pdftotext -raw prints 「一、本年新收…」 as 390 / 个 / 102 / 个 / 0 0 0 0 (units in cells, 总计 column
    # blank): a row of 6 over lines, its blank 总计 read after them. No line order adds up (none can:
    # its 总计 is blank), and the line of its largest value was put last as the 总计: 自然人 102,
    # 总计 390, so the 总计 column was not blank and every row of 6 failed T3-3 (false 错误)
    report, wrong, silent = read_against_truth(ZOO / "q1808-r0040-pdftotext-raw-gbk.txt")
    assert t3_row(report, "new") == [390, 102, 0, 0, 0, 0, None]
    assert t3_row(report, "granted") == [317, 85, 0, 0, 0, 0, None]
    assert t3_row(report, "total") == [390, 102, 0, 0, 0, 0, None]
    # the sums through the blank 总计 column are left unchecked, said once
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert any("「总计」未填写" in f.message for f in check(report))
    assert wrong == [] and silent == []


def test_rows_laid_out_a_column_right_of_the_header_are_read_from_the_left_when_the_total_is_blank():
    # pdftotext -layout of a 2019 表三 whose 总计 column is blank (every row prints 6 values): the
    # （一）…（五） rows print at display columns 42…78, a column right of the header's names (自然人
    # at 33, 商业企业 at 41), as LibreOffice narrows their two-level labels. Placed by position they
    # read 自然人 blank, 商业企业 453 … 总计 0: 32 wrong cells (flagged) on 9d948939. No row ends in
    # its sum, and read from the left every column's sums hold but 社会公益组织's (a planted
    # misprint: 「3.危及…」 prints 1 there), so the rows are read so, their 总计 blank: one cell of that
    # column mends its sums by ±1 (a misprint, not a reading: a value read into the wrong column
    # breaks two columns), so the rows are read as printed and the failing sum is the report's
    # error (it was flagged 总计栏空白…除「社会公益组织」列（疑有笔误）外各列合计相符, every sum 存疑)
    report, wrong, silent = read_against_truth(ZOO / "q2601-r0039-pdftotext-layout-gbk.txt")
    assert t3_row(report, "granted") == [453, 49, 0, 19, 0, 0, None]
    assert t3_row(report, "not_processed_complaint") == [51, 5, 0, 2, 0, 0, None]
    assert t3_row(report, "total") == [766, 81, 0, 31, 0, 0, None]
    errors = [f for f in check(report) if f.severity == ERROR]
    assert [f.rule for f in errors] == ["T3-2"] and "社会公益组织" in errors[0].message
    assert wrong == [] and silent == []


def test_a_misprint_under_a_blank_total_column_is_named_with_its_value():
    # q2706 r0012 through mammoth's markdown: 总计 blank, every row printing 6 values, and the
    # planted typo 「5.要求行政机关确认…」 科研机构 1 for 0: the 科研机构 column's sum fails (T3-2), so
    # the rows were not read as printed (each flagged 印有6个数值, 总计 0, every sum 存疑, no value
    # suggested). One cell mends it by a slip (1 → 0), every other sum holding: read as printed,
    # the sums name the cell and its value
    report, wrong, silent = read_against_truth(ZOO / "q2706-r0012-mammoth-md.md")
    assert t3_row(report, "new") == [6, 0, 0, 0, 0, 0, None]
    assert not [f for f in report.flags if "印有6个数值" in f.message]
    suggested = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.severity == ERROR and f.suggestion}
    assert suggested == {("section3.not_processed_confirm.research", 0)}
    assert wrong == [] and silent == []


def test_a_row_of_zeros_printing_a_cell_more_leaves_the_rows_under_a_blank_total_read_from_the_left():
    # pq2504 r0032 (consistent): 总计 blank, rows of 6 values printed left of the header's names;
    # 「3.要求提供公开出版物」 prints 7 zeros (a 法人或其他组织 subtotal 0 after 自然人) and 「四、结转…」 5
    # (a zero left out). The row of 7 stopped the reading from the left (more values than the parts):
    # the rows stayed a column right, 自然人 blank and 商业企业 7, flagged, and a 存疑 finding offered
    # 科研机构 0 for 「四、结转…」 on a right report at 32773f31. Its zeros are 0 wherever they go.
    # (Since 9ca91b5c the row of 7 zeros, the only row printing 7 values, measures no columns: the
    # other rows print their values between its columns (pdftotext padded its short label 「3.要求」
    # less). The rows are placed by the header's names, each flagged, 「四、结转…」's 其他 blank: the
    # truth's null for the zero left out.)
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0032-pdftotext-layout-utf-8.txt")
    assert t3_row(report, "new") == [7, 1, 0, 0, 0, 0, None]
    assert t3_row(report, "total") == [6, 1, 0, 0, 0, 0, None]
    assert t3_row(report, "carried_forward") == [1, 0, 0, 0, 0, None, None]
    assert {"section3.new", "section3.total", "section3.carried_forward"} <= {f.cell for f in report.flags}
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR or f.suggestion] == []
    assert wrong == [] and silent == []


def test_values_several_placements_fit_under_a_blank_total_are_read_furthest_left():
    # q4202 r0026 through mammoth's markdown, one value a paragraph, blanks leaving no trace, 总计 blank:
    # 「一、本年新收」 368 / 113 / 3, 「四、结转」 9 alone. Every column sum holds with the table's three
    # printed columns under any three part columns alike, so no one placement was taken: at 7664b85c each
    # row's last value was read as its 总计 (3 beside 自然人 368, 9 under 总计: 18 cells wrong, flagged).
    # Read furthest left, 9 still goes where the sums put it (113 + 0 = 104 + 9: 商业企业), 总计 blank;
    # which part column the 3 takes no reading can say (the report prints it under 社会公益组织), so the
    # rows stay flagged
    report, wrong, silent = read_against_truth(ZOO / "q4202-r0026-mammoth-md.md")
    assert t3_row(report, "new")[:2] == [368, 113] and t3_row(report, "new")[6] is None
    assert t3_row(report, "carried_over")[:2] == [20, 0]
    assert t3_row(report, "carried_forward")[:2] == [0, 9] and t3_row(report, "carried_forward")[6] is None
    assert t3_row(report, "total")[:2] == [388, 104]
    assert "最靠左" in t3_row_flags(report, "new")
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert sorted({cell.rsplit(".", 1)[1] for cell in wrong if cell.startswith("section3.")}) == ["research", "social"]
    assert silent == []
