"""Cases of this session's fresh zoos q4402 and pq4304 (fixtures: tests/fixtures/zoo/README.md).

- A 表三 row of 8 (a 法人或其他组织 subtotal after 自然人) printed a cell a line, its blank cells empty
  lines (LibreOffice's text of a Word table): the empty lines make it 8 cells, not 7.
- A row printing its values above its label in a space-aligned PDF text, the row above then holding
  both rows' values: the row below is not a row of blanks.
- A count whose bracketed remark a space cuts (「3,029（其中网上申请 1785件）」): the count.
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT, ERROR
from core.parse.tokens import NUM, tokenize
from core.readers.document import TextBuilder
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_8_a_cell_a_line_is_read_from_its_empty_lines_without_its_subtotal():
    # 「1.本机关不掌握相关政府信息」 prints 48 / 8 / 8 / four empty lines / 56: 自然人 48, the subtotal
    # 8, 商业企业 8, four blank parts, 总计 56. At 7664b85c the empty lines were read two a blank cell
    # (the only count making 7 cells): 8 under 科研机构, 56 under 法律服务机构, and 0 offered for
    # 科研机构 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "q4402-r0043-lo-txt-utf-16.txt")
    assert t3_row(report, "unable_not_held") == [48, 8, None, None, None, None, 56]
    assert "是「法人或其他组织」小计" in t3_row_flags(report, "unable_not_held")
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []


def test_a_row_printing_its_values_above_its_label_is_no_row_of_blanks():
    # pdftotext -layout: 「1.本机」 prints 1 0 0 0 0 1 on its line; a page later 「）无法提供  2  0  0  -  2」
    # prints above 「2.没有现成信息需要另」, which prints nothing on its own line. At 7664b85c the row
    # above held both rows' 11 values and 「2.没有现成信息需要另行制作」 was read blank, its 0s
    # (商业企业, 法律服务机构) read as blanks nobody flagged
    report, wrong, silent = read_against_truth(ZOO / "pq4304-r0031-pdftotext-layout-utf-8.txt")
    row = t3_row(report, "unable_need_creation")
    assert row[0] == 2 and row[6] == 2 and row[1] == 0
    assert "印在行标签之前" in t3_row_flags(report, "unable_need_creation")
    assert t3_row(report, "unable_not_held")[0] == 1 and t3_row(report, "unable_not_held")[6] == 1
    assert [f for f in check(report) if f.severity in (ERROR, DOUBT)] == []
    assert silent == []


def test_a_count_whose_remark_a_space_cuts_reads_as_the_count():
    # the PDF's text of a table leaving 总计 blank: 「（一）予以公开」's 商业企业 prints
    # 「3,029（其中网上申请 1785件）」 and 「（七）总计」's 自然人 「32,466（其中网上申请 13660件）」. At
    # 7664b85c each cell read as 0 and the remark's number took the next cell: 3 values a column off,
    # and the true counts offered on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "pq4304-r0034-rl-pdf.pdf")
    assert report.value("section3.granted.commercial") == 3029
    assert report.value("section3.total.natural") == 32466
    assert [f for f in check(report) if f.suggestion] == []
    assert wrong == [] and silent == []


def test_a_remark_cut_by_a_space_gives_no_count_of_its_own():
    # (the cell cut into runs: the count and its remark's first words, then 「1785件）」)
    builder = TextBuilder()
    builder.add_line(["（一）予以公开", "18,136", "3,029（其中网上申请 1785件）", "0"])
    assert [t.value for t in tokenize(builder.lines) if t.kind == NUM] == [18136, 3029, 0]
