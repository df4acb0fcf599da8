"""Tables that plain pdftotext (reading order, no -layout) prints as blocks (core/parse/pdfblocks.py
and stream.py), read from committed outputs of the converter zoo (truth beside each)."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import load_report

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def _t2_row(report, key, columns):
    return [report.value(f"section2.{key}.{c}") for c in columns]


ITEMS = ("prev_items", "change", "decisions")


def test_t2_columns_printed_after_the_table_go_under_their_headers():
    # 2019 表二: pdftotext prints each block's first column beside the labels and the others under
    # section 三's heading, header by header ("本年增/减 0 -1 / 处理决定数量 146 9"); 行政许可's
    # 处理决定数量 (462147, 0) prints apart, after 行政处罚's
    report = load_report(CONVERTERS / "zoo-r0026.pdftotext.txt")
    assert _t2_row(report, "rules", ("new_made", "new_published", "total_published")) == [3, 3, 3]
    assert _t2_row(report, "normative_docs", ("new_made", "new_published", "total_published")) == [12, 12, 48]
    assert _t2_row(report, "licensing", ITEMS) == [69, 0, 462147]
    assert _t2_row(report, "other_services", ITEMS) == [265, None, 0]  # "-"
    assert _t2_row(report, "punishment", ITEMS) == [0, 0, 146]
    assert _t2_row(report, "coercion", ITEMS) == [1, -1, 9]
    assert _t2_row(report, "fees", ("prev_items", "change")) == [18, 7]
    assert report.value("section2.procurement.count") == 4
    flagged = {f.cell for f in report.flags}
    assert {"section2.licensing", "section2.other_services"} <= flagged  # read apart from their header
    # the 表二 values are not read as 表三's (二、上年结转 prints "-" in every column)
    assert 462147 not in {cell.value for path, cell in report.cells.items() if path.startswith("section3.")}


def test_t2_values_printed_apart_for_two_columns_are_placed_in_order_and_left_in_doubt():
    # 行政许可 处理决定数量 0 prints under its header, 其他对外管理服务事项's 1,984 apart, after 行政
    # 处罚's header, with 16,223 and 0: shared out by order, the rows flagged 存疑 (parse)
    report = load_report(CONVERTERS / "zoo-r0040.pdftotext.txt")
    assert _t2_row(report, "licensing", ITEMS) == [0, 0, 0]
    assert _t2_row(report, "other_services", ITEMS) == [219, 10, 1984]
    assert _t2_row(report, "punishment", ITEMS) == [12, 0, 16223]
    assert _t2_row(report, "coercion", ITEMS) == [2, 0, 0]
    assert [report.value(f"section2.fees.{c}") for c in ("prev_items", "change")] == [103, -15]
    assert report.value("section2.procurement.amount") == 2675.95
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds["section2.other_services"] == "parse" and kinds["section2.punishment"] == "parse"


T3 = ("natural", "commercial", "research", "social", "legal", "other", "total")


def _t3_row(report, key):
    return [report.value(f"section3.{key}.{c}") for c in T3]


def test_a_total_printed_rows_later_goes_back_to_its_row_and_the_typo_is_still_found():
    # 2021 表三 as one value a line: （二）部分公开's 总计 8 prints after 「5.要求行政机关确认…」's
    # values, and the last rows' labels (3.其他, （七）总计, 四、结转…) after all their values; the
    # planted typo (一、本年新收 自然人 printed 46, true 47) must still be named and fixed
    from core.check.rules import check

    report = load_report(CONVERTERS / "zoo-r0043.pdftotext.txt")
    assert _t3_row(report, "partial") == [8, 0, 0, 0, 0, 0, 8]
    assert _t3_row(report, "not_processed_confirm") == [0] * 7
    assert _t3_row(report, "other_no_correction") == [0] * 7
    assert _t3_row(report, "other_other") == [4, 0, 0, 0, 0, 0, 4]
    assert _t3_row(report, "total") == [49, 0, 0, 0, 0, 1, 50]
    assert _t3_row(report, "carried_forward") == [0] * 7
    assert "section3.partial" in {f.cell for f in report.flags if f.kind == "inferred"}
    suggested = {f.suggestion.value for f in check(report) if f.suggestion and f.suggestion.cell == "section3.new.natural"}
    assert suggested == {47}
