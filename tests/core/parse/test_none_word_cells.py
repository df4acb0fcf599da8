"""2021 表三 of plain pdftotext printed one cell per paragraph whose zeros print as 「无」: read by
core/parse/cell_paragraphs.py, each 无 standing apart a cell token like "-" (cell_paragraphs._TOKEN),
from a committed output of the converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.model import PLACEHOLDER
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "p6007-r0011-pdftotext-gbk.txt"


def test_a_table_printing_its_zeros_as_none_words_is_read_cell_by_cell():
    # header first, then each row's label and its 7 cells a paragraph each (「无」 for none);
    # （一）/（二）'s labels print after the rows, （二）'s 总计 98 after them, 「1.申请人无正当
    # 理由逾期不补正…」's 自然人 46 beside its label. Before: 23 表三 cells flagged (unread)
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "granted") == [306, 61, 11, 7, None, None, 385]
    assert _t3_row(report, "partial") == [79, 15, 2, 2, None, None, 98]
    assert _t3_row(report, "other_no_correction") == [46, 8, 1, 1, None, None, 56]
    assert _t3_row(report, "total") == [720, 138, 20, 15, None, None, 893]
    assert _t3_row(report, "carried_forward") == [None, 5, 1, None, None, None, 6]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR and any(c.startswith("section3") for c in f.cells)]
    # each 无 read is a placeholder that keeps its word and where it printed
    cell = report.cells["section3.granted.legal"]
    assert cell.state == PLACEHOLDER and cell.raw == "无" and report.text[cell.span[0]:cell.span[1]] == "无"
    cell = report.cells["section3.partial.total"]
    assert report.text[cell.span[0]:cell.span[1]] == "98"

