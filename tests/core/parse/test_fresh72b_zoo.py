"""Cases of this session's fresh zoos q4402 and pq4304 (fixtures: tests/fixtures/zoo/README.md).

- A 表三 row of 8 (a 法人或其他组织 subtotal after 自然人) printed a cell a line, its blank cells empty
  lines (LibreOffice's text of a Word table): the empty lines make it 8 cells, not 7.
- A row printing its values above its label in a space-aligned PDF text, the row above then holding
  both rows' values: the row below is not a row of blanks.
- A count whose bracketed remark a space cuts (「3,029（其中网上申请 1785件）」): the count.
- A group number (「（一）」) whose short label wraps below it beside the group column's words: its row.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import DOUBT, ERROR
from core.parse.labels import find_labels
from core.parse.tokens import NUM, TEXT, Token, tokenize
from core.readers.document import TextBuilder
from core.template import tables
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


@pytest.mark.parametrize("name", ["q4402-r0043-lo-txt-utf-16.txt", "q4402-r0043-mammoth-raw.txt"])
def test_a_row_of_8_a_cell_a_line_is_read_from_its_empty_lines_without_its_subtotal(name):
    # 「1.本机关不掌握相关政府信息」 prints 48 / 8 / 8 / four blank cells / 56: 自然人 48, the subtotal
    # 8, 商业企业 8, four blank parts, 总计 56 (LibreOffice's text: an empty line a blank cell; mammoth's:
    # a paragraph and an empty line a cell, two more a blank one). At 7664b85c LibreOffice's empty
    # lines were read two a blank cell (the only count making 7 cells): 8 under 科研机构, 56 under
    # 法律服务机构, and 0 offered for 科研机构 on a consistent report; mammoth's 8 sat under 科研机构 too
    report, wrong, silent = read_against_truth(ZOO / name)
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
    # (the cell cut into runs: the count and its remark's first words, then 「1785件）」; or each
    # bracket apart, as LibreOffice's PDF's text prints pq4304 r0009's 「1（其中网上申请0件）」)
    builder = TextBuilder()
    builder.add_line(["（一）予以公开", "18,136", "3,029（其中网上申请 1785件）", "0"])
    builder.add_line(["（一）予以公开", "10", "1 （ 其中网上申请 0 件）", "", "11"])
    assert [t.value for t in tokenize(builder.lines) if t.kind == NUM] == [18136, 3029, 0, 10, 1, 11]


def test_a_group_number_whose_short_label_wraps_beside_the_group_words_names_its_row():
    # pdfplumber, a label column three characters wide: 「三、本 （一） 3041 751 / 47 /」 / 「年度办 予以公」 /
    # 「理结果 开」, the group's words and the row's on each line. At 7664b85c 「（一）予以公开」 was not
    # found (「未找到」), its values read into 「二、上年结转」 (11 values) and its 5 offered there on a
    # consistent report
    report, wrong, silent = read_against_truth(ZOO / "q4402-r0027-pdfplumber.txt")
    assert t3_row(report, "granted")[:2] == [3041, 751] and t3_row(report, "granted")[4] == 47
    assert report.value("section3.carried_over.legal") == 5
    assert "未找到" not in " ".join(f.message for f in report.flags)
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []


def _tokens(*runs: str) -> list[Token]:
    tokens, at = [], 0
    for line, run in enumerate(runs):
        for text in run.split():
            kind = TEXT if not text.isdigit() else NUM
            tokens.append(Token(kind, text, at, at + len(text), line))
            at += len(text) + 1
    return tokens


def test_a_group_number_names_its_row_only_when_the_line_ends_spell_its_whole_label():
    t3 = tables("2021")["section3"]
    new, carried = (f"{row.label.replace(' ', '')} 5 5" for row in t3.rows[:2])
    found = find_labels(t3, _tokens(new, carried, "三、本(一) 3 3", "年度办予以公", "理结果开", "（二）部分公开 1 1"))
    assert [key for _, key in found][:4] == ["new", "carried_over", "granted", "partial"]
    # the words below spell only a part of it (「予以」): no row
    found = find_labels(t3, _tokens(new, carried, "三、本(一) 3 3", "年度办予以", "理结果", "（二）部分公开 1 1"))
    assert "granted" not in [key for _, key in found]
