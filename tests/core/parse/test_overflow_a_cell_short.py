"""Plain pdftotext (text in PDF stream order) prints 表三's values for 二、上年结转, （一）予以公开 and
（二）部分公开 in one run after 二's label, and the labels of （一） and （二） after the table's later
rows: 二 carries 7 + 7 + 6 values, （二）'s 总计 printed further on beside its wrapped label. The run
is cut in template order where each whole row adds up (one choice of the row a cell short), not
left to 二 with （一） and （二） unread. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_run_of_rows_a_cell_short_is_cut_where_each_whole_row_adds_up():
    # on 7e59af5d: 二 flagged 印有20个数值, （一） and （二） not found (unread): 35 cells wrong
    # (the table's last rows, run together in the stream, still are: flagged)
    report, wrong, silent = read_against_truth(ZOO / "p3002-r0021-pdftotext-gbk.txt")
    assert t3_row(report, "carried_over") == [0, 105, 0, 0, 0, 0, 105]
    assert t3_row(report, "granted") == [12263, 616, 0, 196, 0, 0, 13075]
    assert t3_row(report, "partial") == [3580, 179, 0, 57, 0, 0, 3816]
    assert "模板行序和合计关系" in t3_row_flags(report, "granted")  # a cut by the sums: said so
    # the planted typo (「1.属于国家秘密」×商业企业 81 for 80) is the one error shown
    assert [f.cells[0] for f in check(report) if f.severity == "error"] == ["section3.denied_state_secret.total"]
    assert not [cell for cell in wrong if cell.split(".")[1] in ("new", "carried_over", "granted", "partial")]
    assert silent == []
