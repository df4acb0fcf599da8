"""表三 rows of a web or Word table printing a cell more than the table's columns (TEMPLATE.md "rows
printing 6 or 8 values"), read from committed outputs of the zoo's --quirks build (truth beside each:
tests/fixtures/zoo/README.md, section quirks14)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_a_cell_more_empty_at_both_ends_keeps_its_first_cell_where_its_peers_start():
    # html2text of a web page (zeros printed 0, blank or －): 「4.无正当理由大量反复申请」 prints
    # 8 cells, blank 0 blank blank 0 blank － blank, a stray empty cell after its 总计. The other
    # numbered rows print their 7 right after the label, so its first cell is its 自然人; read
    # with the first cell dropped, every value sat one column to the left (商业企业's 0 under
    # 自然人), a 0 and a blank adding up alike: wrong and unflagged. Which end is the stray cell
    # the row alone cannot say: flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks3344-r0048-html2text.md")
    assert t3_row(report, "not_processed_massive") == [None, 0, None, None, 0, None, None]
    assert any(f.cell == "section3.not_processed_massive" and "首尾两格均空白" in f.message for f in report.flags)
    assert silent == []


def test_a_wrapped_label_s_next_line_of_empty_cells_is_not_the_row_s():
    # LibreOffice's PDF of the same Word report, read by our PDF reader: the row's label wraps
    # (「4.无正」, then 「当理由 大量反 复申请」 on a line of its own), its 8 cells on the first line and
    # the second line's empty cells after them. Those empty cells hid the row's empty last cell
    # from the test above: its first cell was dropped instead, 商业企业's and 法律服务机构's 0 read
    # one column to the left (自然人, 社会公益组织), 2 cells wrong and unflagged
    report, wrong, silent = read_against_truth(ZOO / "quirks3344-r0048-lo-pdf.pdf")
    assert t3_row(report, "not_processed_massive") == [None, 0, None, None, 0, None, None]
    assert any(f.cell == "section3.not_processed_massive" and "首尾两格均空白" in f.message for f in report.flags)
    assert silent == []


def test_a_row_whose_label_spans_a_split_column_keeps_dropping_its_first_empty_cell(tmp_path):
    # pandoc's table of a web page printing its zeros blank, its label columns as empty cells:
    # （一）, （二） and （七）总计 each print an empty cell before their 7 (their label spans two
    # columns), the numbered rows do not. With （七）总计's 法律服务机构 printing 1 (the column's
    # sum, the planted typo's 1 above), its first empty cell is still its label's, as its peers'
    text = (ZOO / "zoo742-r0040-pandoc-html-gfm.md").read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(i for i, line in enumerate(text) if "（七）总计" in line)
    cells = text[row].split("|")
    assert len(cells) == 12 and cells[8].strip() == ""  # |  | （七）总计 |  | 7 cells |
    cells[8] = cells[8].replace("\u3000", "1", 1)
    text[row] = "|".join(cells)
    path = tmp_path / "zoo742-r0040-total-legal-1.md"
    path.write_text("".join(text), encoding="utf-8")
    report = load_report(path)
    assert t3_row(report, "total") == [None, None, None, None, 1, None, None]
    assert not any("首尾两格均空白" in f.message for f in report.flags)


def test_a_boxed_row_a_cell_short_under_an_empty_total_column_is_placed_and_flagged():
    # w3m's ruled box of a web page printing its zeros 0 and leaving 总计 empty: 「四、结转下年度继续
    # 办理」 prints 1件 0 0 0 0 and its blank 总计 (商业企业 left out), the box drawing two empty cells
    # at its end. Read as drawn, its 其他 was blank beside the other rows' 0 and its 商业企业 0, unflagged
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0029-w3m.txt")
    assert t3_row(report, "carried_forward") == [1, None, 0, 0, 0, 0, None]
    assert any(f.cell == "section3.carried_forward" for f in report.flags)
    assert wrong == [] and silent == []


def test_a_row_of_zeros_of_a_cell_more_ending_empty_is_flagged_undecided():
    # python-docx of a Word report printing its zeros 0, blank or /: 「2.没有现成信息需要另行制作」
    # prints 8 cells, 0 0 0 / blank / 0 blank, beside rows of 7. Its last empty cell may be a
    # stray one (read so: 0 0 0 / blank / 0) or the row printed a 法人或其他组织 subtotal 0 after
    # 自然人 and left its 总计 blank (this report: 0 0 / blank / 0 blank, 其他 0). Every cell is 0
    # or blank either way and both add up: no sum can say which cells print 0. Read the first way,
    # its 其他 was blank where the report prints 0, unflagged; flagged now, read as before
    report, wrong, silent = read_against_truth(ZOO / "quirks2718-r0024-docx.docx")
    assert t3_row(report, "unable_need_creation") == [0, 0, 0, None, None, None, 0]
    assert any(f.cell == "section3.unable_need_creation" and "末格可能是多出的空格" in f.message for f in report.flags)
    assert wrong == ["section3.unable_need_creation.other"] and silent == []


def test_a_row_of_a_cell_more_ending_empty_that_counts_something_is_not_flagged_so(tmp_path):
    # the same row printing a count (1 0 0 / blank / 1 blank): read with the stray cell last it
    # adds up, read as a subtotal 0 its 总计 would be blank beside 自然人's 1: not the same sums
    import docx  # (python-docx: the reader's own dependency)

    document = docx.Document(str(ZOO / "quirks2718-r0024-docx.docx"))
    row = next(r for t in document.tables for r in t.rows if any("没有现成信息" in c.text for c in r.cells))
    cells = row.cells[-8:]
    assert [c.text for c in cells] == ["0", "0", "0", "/", "", "/", "0", ""]
    cells[0].text = "1"
    cells[6].text = "1"
    path = tmp_path / "quirks2718-r0024-natural-1.docx"
    document.save(str(path))
    report = load_report(path)
    assert t3_row(report, "unable_need_creation") == [1, 0, 0, None, None, None, 1]
    assert not any("末格可能是多出的空格" in f.message for f in report.flags)
