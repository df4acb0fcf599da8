"""表三 printed a cell a paragraph (mammoth's Markdown, plain pdftotext), its counts carrying their
unit (「2件」). The cell-per-paragraph reader (cell_paragraphs.py) reads every value standing apart;
a count with its unit is one, never dropped: dropped, the values left could be placed so that every
sum held, the printed count gone and the report's misprint with it, no flag, no finding (zoo q1608,
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.cell_paragraphs import _tokens
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


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
