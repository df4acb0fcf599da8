"""表三 printed a cell a paragraph (mammoth's Markdown, plain pdftotext), its counts carrying their
unit (「2件」). The cell-per-paragraph reader (cell_paragraphs.py) reads every value standing apart;
a count with its unit is one, never dropped: dropped, the values left could be placed so that every
sum held, the printed count gone and the report's misprint with it, no flag, no finding (zoo q1608,
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.parse.cell_paragraphs import _tokens
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
CONVERTERS = ZOO.parent / "converters"


def test_a_count_with_its_unit_or_separators_is_a_cell():
    text = "0\n\n2件\n\n1,234\n\n－\n\n3.其他\n\n7项\n"
    assert [value for value, *_ in _tokens(text, 0, len(text))] == [0, 2, 1234, 0, 7]


def test_a_misprinted_total_with_its_unit_is_read_and_shown():
    # 「3.其他」 prints 8 values (a 法人或其他组织 subtotal 0 after 自然人), 「（七）总计」 0 0 0 0 2件 0 0:
    # its 法律服务机构 2 is the report's misprint (true 0). Without the 2件 the reader placed the 8th 0
    # of 「3.其他」 in （七）总计, every sum held: the 2 vanished, nothing shown
    report, wrong, silent = read_against_truth(ZOO / "q1608-r0036-mammoth-md.md")
    assert t3_row(report, "total") == [0, 0, 0, 0, 2, 0, 0]
    assert report.cells["section3.total.legal"].raw == "2件"
    findings = [f for f in check(report) if "section3.total.legal" in f.cells]
    assert {f.rule for f in findings} >= {"T3-2", "T3-3"}
    assert all(f.suggestion is not None and f.suggestion.cell == "section3.total.legal"
               and f.suggestion.value == 0 for f in findings)
    assert silent == []


def test_the_flag_on_a_markdown_streams_row_does_not_speak_of_a_pdf():
    # mammoth's Markdown prints a Word table a cell a paragraph: its rows are flagged as a
    # stream's, in words that fit it (before: 「表格按PDF文字顺序印出」 of a .md file)
    report, _, _ = read_against_truth(ZOO / "q1608-r0036-mammoth-md.md")
    message = next(f.message for f in report.flags if f.cell == "section3.total")
    assert "每格一段依次印出" in message and "PDF" not in message


@pytest.mark.parametrize("path", [ZOO / "pq1805-r0048-mammoth-raw.txt", ZOO / "q2201-r0024-lynx.txt",
                                  CONVERTERS / "zoo-r0035.lo-txt-utf-16.txt"])
def test_the_flag_on_a_text_streams_row_speaks_of_no_pdf(path):
    # a text saved from Word (mammoth, LibreOffice) or from a web page (lynx) has no PDF behind
    # it, yet its rows were flagged 「表格按PDF文字顺序印出」
    report, _, _ = read_against_truth(path)
    messages = [f.message for f in report.flags if "部分空白单元格未留痕迹" in f.message]
    assert messages and all("按文字顺序依次印出" in m and "PDF" not in m for m in messages)


@pytest.mark.parametrize("name", ["p2202-r0009-pdftotext-utf-8.txt", "pq1713-r0046-pdftotext-gbk.txt"])
def test_the_flag_on_pdftotexts_row_still_speaks_of_the_pdf(name):
    # pdftotext marks the PDF's pages with form feeds (the reader turns them into line breaks and
    # keeps where the pages begin): its stream is a PDF's text in reading order
    report, _, _ = read_against_truth(ZOO / name)
    messages = [f.message for f in report.flags if "部分空白单元格未留痕迹" in f.message]
    assert messages and all("按PDF文字顺序印出" in m for m in messages)
