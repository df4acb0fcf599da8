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
