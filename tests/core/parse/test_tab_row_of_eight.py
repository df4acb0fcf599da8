"""A 表三 row of tab-separated cells printing 8 cells, a 法人或其他组织 subtotal after 自然人
(TEMPLATE.md, "rows printing 6 or 8 values"), in catdoc's text of a Word table, which writes a
blank cell's two tabs as one line break (tab_breaks.py): the row prints as many values as the
table has columns, yet its separators count out to a cell more (zoo pq2104,
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_full_row_counting_out_to_a_cell_more_is_read_without_its_subtotal_and_flagged():
    # 「3.补正后申请内容仍不明确」 prints - - - - - 0 (blank) 0, the blank a line break: 8 cells, the
    # second a subtotal (- : 0, the sum of the 5 after it). Before: read in order as 7 values, its
    # 0 under 其他 instead of 法律服务机构, no flag; and, that full row not counting out to 7, no row
    # of the table was counted by its separators (every row of 0s flagged as placed by guess)
    report, wrong, silent = read_against_truth(ZOO / "pq2104-r0003-catdoc.txt")
    assert t3_row(report, "unable_unclear") == [None, None, None, None, 0, None, 0]
    assert "印有8格" in t3_row_flags(report, "unable_unclear")
    assert silent == []
    # (the other rows counted by their separators, each cell where it stands: 「1.本机关不掌握相关政府
    # 信息」 prints 1 1 - (blank) 0 - 2, 「-」 then a line break then 0)
    assert t3_row(report, "unable_not_held") == [1, 1, None, None, 0, None, 2]
    assert t3_row_flags(report, "unable_not_held") == ""
