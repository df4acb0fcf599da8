"""A 表三 row printing a cell fewer (a 0 left out) in LibreOffice's PDF of a web table drawn a column
wider than 总计, the table leaving 总计 empty (tests/fixtures/zoo/README.md: quirks1401-r0026-lo-web-pdf)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_a_cell_short_beside_blank_totals_is_flagged_not_read_as_printed():
    # 「（七）总计」 prints 3 0 0 0 0 and an empty 总计 (its 商业企业 left out); the table's other rows
    # print 7 cells (3 0 0 0 0 0, 总计 empty) and every row gets an empty cell after 总计. Before:
    # read as 3 0 0 0 0 in 自然人..法律服务机构, its 其他 blank: a 0 read as blank, nobody told.
    # Which of the five cells after 自然人 it left out, no sum can say (all 0): flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks1401-r0026-lo-web-pdf.pdf")
    assert t3_row(report, "total")[0] == 3
    assert any(f.cell == "section3.total" for f in report.flags)
    assert wrong == [] and silent == []


def test_a_short_row_padded_in_a_small_table_printing_two_totals_is_read_short():
    # pq3104 r0024 (--quirks: row_shape, zeros blank): 「（七）总计」 prints 6 cells (2 · · · · 2, a blank
    # left out) and LibreOffice's PDF of the web page pads it with an empty cell after them, so its
    # 总计 2 stood under 其他 and its 总计 cell empty. Only 一 and （一） print counts besides it (each
    # with its 总计): five 错误 findings on a right report. The row's cells before the empty one add up
    # to the last of them, its 总计: read as a row a cell short, placed by the sums, flagged
    report, wrong, silent = read_against_truth(ZOO / "pq3104-r0024-lo-web-pdf.pdf")
    assert t3_row(report, "total")[0] == 2 and t3_row(report, "total")[-1] == 2
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert any(f.cell == "section3.total" for f in report.flags)
    assert wrong == [] and silent == []


def test_a_short_row_padded_among_placeholders_in_a_table_printing_two_totals_is_read_short():
    # q3206 r0047 (--quirks: row_shape, zeros printed 无): 「2.其他法律行政法规禁止公开」 prints
    # 1项 无 无 无 无 1项 (a cell left out) and LibreOffice's PDF pads it with an empty cell, so its
    # 总计 1 stood under 其他: a T3-2 错误 on the 其他 column of a right report. Only 一 and （七）
    # print counts besides it. It leaves no blank, but its cells before the empty one add up to the
    # last of them, its 总计, as in a row leaving blanks: read a cell short, placed by the sums, flagged
    report, wrong, silent = read_against_truth(ZOO / "q3206-r0047-lo-web-pdf.pdf")
    assert t3_row(report, "denied_law_forbidden")[0] == 1 and t3_row(report, "denied_law_forbidden")[-1] == 1
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert any(f.cell == "section3.denied_law_forbidden" for f in report.flags)
    assert wrong == [] and silent == []
