"""2019 表三 of plain pdftotext whose first band's 自然人 column prints among the labels, a value
to a paragraph: the header prints first, the labels run to 「3.危及…」, then rows 一 and 二's
first values and （一）/（二）'s 自然人 (one paragraph each), the other labels, the header's word
其他 with the rest of rows 一 and 二, and the bands; （一）/（二）'s 总计 prints apart
(column_blocks._blocks_after_header_words), from committed outputs of the converter zoo (truth
beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_first_column_printed_among_the_labels_is_read_as_the_first_bands():
    # among the labels: 26058 8511 0 0 439 (rows 一 and 二) then 12005 2658 (（一）/（二）'s 自然人);
    # after the last label: 其他, 0 0 34569 0 0 0 0 439; 法律服务机构's 0 after section 五's
    # heading: 16 lone values for rows 一 and 二's 14. Before: 144 表三 cells flagged (not read)
    report, wrong, silent = read_against_truth(ZOO / "pages2929-r0020-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [26058, 8511, 0, 0, 0, 0, 34569]
    assert _t3_row(report, "carried_over") == [0, 439, 0, 0, 0, 0, 439]
    # 16129 prints alone after the band's columns, 3571 after section 五's heading
    assert _t3_row(report, "granted") == [12005, 4124, 0, 0, 0, 0, 16129]
    assert _t3_row(report, "partial") == [2658, 913, 0, 0, 0, 0, 3571]
    # the planted drop: 1736 printed 173, read as printed and flagged
    assert _t3_row(report, "not_processed_massive") == [1293, 443, 0, 0, 0, 0, 173]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    assert _t3_row(report, "total") == [26058, 8950, 0, 0, 0, 0, 35008]
    assert not [cell for cell in wrong if cell.startswith("section3")] and silent == []


def test_same_layout_in_another_zoo():
    # 26665 6452 0 0 580 11160 3653 among the labels; a planted +1 in 4.无正当理由大量反复申请's
    # 法律服务机构 (1 for 0), read as printed and flagged. Before: 144 表三 cells flagged
    report, wrong, silent = read_against_truth(ZOO / "pages8383-r0023-pdftotext-utf-8.txt")
    assert _t3_row(report, "new") == [26665, 6452, 0, 0, 0, 0, 33117]
    assert _t3_row(report, "granted") == [11160, 2943, 0, 0, 0, 0, 14103]
    assert _t3_row(report, "partial") == [3653, 965, 0, 0, 0, 0, 4618]
    assert _t3_row(report, "not_processed_massive") == [0, 0, 0, 0, 1, 0, 0]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    assert wrong == [] and silent == []
