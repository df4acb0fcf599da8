"""表二 (2019) printed by plain pdftotext column by column, the page's footer (its number, 「1」)
printed as the last line of a column's block, right under its values: the footer sits under that
column on the PDF page (pdfblocks._footer_under_column). Committed output of zoo p2929 (seed 2929),
r0035, plain pdftotext, gbk (see tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_page_number_under_a_column_block_is_no_cell_and_every_row_of_表二_is_read():
    report, wrong, silent = read_against_truth(ZOO / "p2929-r0035-pdftotext-gbk.txt")
    assert not [c for c in wrong if c.startswith("section2")]
    assert not silent
    # page 1: 规章 and 规范性文件 (the 「1」 under 本年新公开数量's 0 and 5 is the footer)
    assert [report.value(f"section2.normative_docs.{c}") for c in ("new_made", "new_published", "total_published")] \
        == [5, 5, 7]
    assert [report.value(f"section2.rules.{c}") for c in ("new_made", "new_published", "total_published")] == [0, 0, 0]
    # page 2: 处理决定数量's values of 行政许可 and 其他对外管理服务事项 printed apart at the end
    assert report.value("section2.licensing.decisions") == 539579
    assert report.value("section2.other_services.decisions") == 924
    assert report.value("section2.procurement.count") == 2
    assert any(f.cell == "section2.licensing" for f in report.flags)  # (read from values printed apart: said)


def test_a_row_continued_on_a_page_repeating_no_header_prints_its_columns_as_paragraphs_after_the_labels():
    """Zoo pages (seed 303), r0014, plain pdftotext, gbk: 表二 crosses a page after 规章's row, the
    next page repeating no header row; 规范性文件's values print right after that page's labels, a
    paragraph a column (39 / 39 / 39), the other blocks' columns under their names. Page 1's 「1」
    under 本年新公开数量's 0 is its footer."""
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0014-pdftotext-gbk.txt")
    assert not silent
    # the one column printing fewer values than its rows (本年增/减: -21 of 行政许可 and 其他…事项,
    # the other blank) stays unread and flagged
    assert [c for c in wrong if c.startswith("section2")] == ["section2.other_services.change"]
    assert report.value("section2.other_services.change") is None
    assert [report.value(f"section2.normative_docs.{c}") for c in ("new_made", "new_published", "total_published")] \
        == [39, 39, 39]
    assert report.value("section2.rules.new_published") == 0
    assert [report.value(f"section2.coercion.{c}") for c in ("prev_items", "change", "decisions")] == [37, 0, 4121]
    assert report.value("section2.procurement.amount") == 0.2
    flagged = {f.cell for f in report.flags}
    assert {"section2.normative_docs", "section2.licensing", "section2.other_services"} <= flagged
