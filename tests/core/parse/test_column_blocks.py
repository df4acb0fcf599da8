"""2019 表三 of plain pdftotext (no -layout, zeros as 0) printed as column blocks after all its
labels (core/parse/column_blocks.py), read from committed outputs of the converter zoo (truth
beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_column_blocks_after_the_last_label_are_read_band_by_band():
    # after 「5、要求行政机关确认…」: 315 94 / 893 271 / 0 0 / 0 0 / 947 287 are （一）（二）'s
    # 商业企业…其他, 15703 is （一）'s 总计, 4094 0 0 the 自然人 of （二） and （三）1–2; （一）'s 自然人
    # 13548 prints last, （二）'s 总计 4746 after section 四's heading; 一 and 二 print interleaved
    # in the header (33082 821 2268 226 40 0 …). Before: 154 cells flagged, none read right
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0021-pdftotext-gbk.txt")
    assert _t3_row(report, "new") == [33082, 821, 2268, 0, 0, 2454, 38625]
    assert _t3_row(report, "carried_over") == [226, 40, 0, 0, 0, 0, 266]
    assert _t3_row(report, "granted") == [13548, 315, 893, 0, 0, 947, 15703]
    assert _t3_row(report, "partial") == [4094, 94, 271, 0, 0, 287, 4746]
    assert _t3_row(report, "unable_not_held") == [9405, 218, 621, 0, 0, 658, 10902]
    assert _t3_row(report, "total") == [33308, 770, 2198, 0, 0, 2329, 38605]
    assert _t3_row(report, "carried_forward") == [0, 91, 70, 0, 0, 125, 286]
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section3")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_first_band_printing_its_first_six_columns_is_read():
    # （一）（二） print 自然人…其他 (9251 91 / 2260 22 / 51 0 / 54 0 / 0 0 / 0 0), then （一）'s 总计
    # 11616; （二）'s 总计 113 and （七）'s 17183 print after section 四's heading
    report, wrong, silent = read_against_truth(ZOO / "band9277-r0188-pdftotext-utf-8.txt")
    assert _t3_row(report, "granted") == [9251, 2260, 51, 54, 0, 0, 11616]
    assert _t3_row(report, "partial") == [91, 22, 0, 0, 0, 0, 113]
    assert _t3_row(report, "new") == [13688, 3690, 72, 79, 0, 0, 17529]
    assert _t3_row(report, "total") == [13688, 3344, 72, 79, 0, 0, 17183]
    assert wrong == [] and silent == []


def test_a_misprinted_total_in_a_band_is_read_as_printed_and_its_row_flagged():
    # 「8.属于行政查询事项」 prints 总计 1789 where its parts make 1762 (a planted misprint): read
    # as printed, the row flagged, and the sums name the cell and its value
    report, wrong, silent = read_against_truth(ZOO / "band8111-r0195-pdftotext-gbk.txt")
    assert _t3_row(report, "denied_admin_query") == [1618, 73, 0, 71, 0, 0, 1789]
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.denied_admin_query"]
    suggested = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert ("section3.denied_admin_query.total", 1762) in suggested


def test_a_misprinted_value_printed_apart_goes_to_its_cell_and_the_row_is_flagged():
    # 「（六）其他处理」's 自然人 prints beside its label as 156 where the sums make 165 (digits
    # swapped): the one stray value left over is that cell's, read as printed
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0095-pdftotext-utf-8.txt")
    assert _t3_row(report, "other_processing") == [156, 26, 0, 3, 0, 0, 194]
    assert wrong == [] and silent == []
    assert [f.cell for f in report.flags if f.cell.startswith("section3")] == ["section3.other_processing"]


def test_a_misprint_in_row_one_is_not_mended_with_a_value_of_table_two():
    # 一's 自然人 prints 71 where the sums make 17 (digits swapped); 表二 prints a 17 among the
    # header's values: 一 is not read with it, the printed 71 stands for the sums to name
    report, wrong, silent = read_against_truth(ZOO / "band9277-r0080-pdftotext-utf-8.txt")
    assert _t3_row(report, "new")[0] == 71
    assert silent == []
