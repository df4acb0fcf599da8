"""Web pages as real sites publish a report (the zoo's site routes, bench/zoo_sites.py), from
committed outputs of the zoo h27 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
T4_VALUES = {"review": [4, 0, 0, 4, 7], "litigation_direct": [12, 0, 2, 2, 16], "litigation_after_review": [0] * 5}
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _t4(report) -> dict:
    return {row: [report.value(f"section4.{row}.{c}") for c in T4_COLUMNS] for row in T4_VALUES}


def test_a_spreadsheet_pages_hidden_row_under_t4_is_not_read():
    # WPS's web export: under each table a <tr style="display:none"> of empty cells (no browser shows
    # it). Before: read as a second row of 15 values, 表四's 30 values placed wrong (flagged, 13 cells)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0004-wps-html-utf-8.html")
    assert _t4(report) == T4_VALUES  # review's total printed 7 (a planted typo: 8), read as printed
    assert wrong == [] and silent == []


def test_an_empty_row_printed_under_t4_is_no_row_of_it(tmp_path):
    # the same page with its spreadsheet's empty row shown: a grid row of 15 empty cells under the
    # row of 15 values is no second row of 表四 (before: the same 13 cells wrong)
    page = (ZOO / "h27-r0004-wps-html-utf-8.html").read_bytes().replace(b"display:none;", b"")
    (tmp_path / "shown.html").write_bytes(page)
    (tmp_path / "shown.json").write_bytes((ZOO / "h27-r0004-wps-html-utf-8.json").read_bytes())
    report, wrong, silent = read_against_truth(tmp_path / "shown.html")
    assert _t4(report) == T4_VALUES
    assert wrong == [] and silent == []


def test_a_page_number_between_two_rows_of_a_table_split_by_pages_is_no_value():
    # a site's editor took the tables page by page from the printed file: 表四's header, the page's
    # number 「- 6 -」, then the header again and the row of values, each a table. Before: 6 read as a
    # value (flagged, 3 cells wrong)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0003-split-html-gbk.html")
    assert _t4(report) == {row: [0] * 5 for row in T4_VALUES}
    assert wrong == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]


def test_a_page_number_between_two_rows_of_t3_is_no_value():
    # 表三 cut after 「2.没有现成信息需要另行制作」 (its zeros blank): 「- 4 -」, the header again, then
    # 「3.补正后申请内容仍不明确」 under the rest of （四）无法提供's merged cell. Before: the 4 read as
    # that row's 其他 (flagged)
    report, wrong, silent = read_against_truth(ZOO / "h27-r0023-split-html-utf-8.html")
    assert [report.value(f"section3.unable_need_creation.{c}") for c in ("natural", "other", "total")] == [None] * 3
    assert wrong == [] and silent == []
