"""A 表三 row printing a cell fewer (a 0 left out) on its line, the next row's line starting with the
empty cell of its category column ((四)无法提供, merged and drawn empty), read from a committed
LibreOffice PDF of the quirks zoo (tests/fixtures/zoo/README.md: quirks907-r0009-lo-pdf)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_the_next_rows_empty_category_cell_is_not_this_rows_total():
    # 「1.本机关不掌握相关政府信息」 prints 4128 163 98 73 113 4575 (法律服务机构 left out), then
    # the next line starts with an empty cell before 「2.没有现成信息…」. Before: that cell was
    # taken as the row's seventh, the row read one column off (113 in 法律服务机构, 4575 in 其他,
    # 总计 blank), flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks907-r0009-lo-pdf.pdf")
    assert t3_row(report, "unable_not_held") == [4128, 163, 98, 73, 0, 113, 4575]
    assert report.cells["section3.unable_not_held.legal"].state == "inferred"
    assert wrong == [] and silent == []
