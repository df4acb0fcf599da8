"""2019 表三 of plain pdftotext whose page 1 holds only rows 一, 二, （一） and （二）: the header
prints first, then those four labels and their values, page 2 the other labels and every band
after 「5、要求行政机关确认…」's label (column_blocks._rows_before_page_break), from a committed
output of the converter zoo (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
FILE = ZOO / "pages303-r0005-pdftotext-utf-8.txt"


def test_rows_printed_on_page_one_before_the_other_labels_are_read():
    # page 1: 一's 自然人…科研 (21883 283 928), 二's 自然人 商业 (1697 3), （一）/（二）'s first two
    # columns a paragraph each (8756 3503, 104 41), the page's number 「-2-」, the header's words
    # 总计 / 其他 / 法律 服务 机构 with 一's other four and 二's other five among them, then
    # （一）/（二）'s last five columns, its 总计 10245 / 4097 as two paragraphs. Before: 21 表三
    # cells flagged (rows 一 and 二 unread, 一's values read as （二）'s)
    report, wrong, silent = read_against_truth(FILE)
    assert _t3_row(report, "new") == [21883, 283, 928, None, 1289, 1282, 25665]
    assert _t3_row(report, "carried_over") == [1697, 3, None, None, None, None, 1700]
    assert _t3_row(report, "granted") == [8756, 104, 371, None, 500, 514, 10245]
    assert _t3_row(report, "partial") == [3503, 41, 149, None, 200, 204, 4097]
    # the last band's 总计 prints apart (1449 alone, （七）'s and 四's after section 四's heading)
    assert _t3_row(report, "other_processing") == [1240, 15, 52, None, 70, 72, 1449]
    assert _t3_row(report, "total") == [21953, 259, 928, None, 1253, 1282, 25675]
    assert _t3_row(report, "carried_forward") == [1627, 27, None, None, 36, None, 1690]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR and any(c.startswith("section3") for c in f.cells)]
