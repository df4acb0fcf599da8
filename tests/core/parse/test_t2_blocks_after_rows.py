"""表二 (2021) that plain pdftotext printed with every cell a text block of its own: 本年制发件数's
name above the labels, each label followed by its first column's value, then after the last row
「本年废止件数」 and 「现行有效件数」, each name followed by its column's values, top row first.
Blank cells leave no trace: 「本年废止件数 2」 prints one value for two rows.

On main 7cfd8623 p2302 r0006 read one cell off with no flag: the empty lines around each value
were taken for blank cells (a header of headings, one a line, taught "no empty line between two
cells"), so 规章 read blank · 0 · blank and 行政规范性文件 blank · 4 · blank, and 表三's first row
took two placeholders printed after the end of 「（二）部分公开」's wrapped label (its start lost)
as its own. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t2_documents_row as row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
def test_columns_printed_after_the_rows_are_read_by_their_names():
    report, wrong, silent = read_against_truth(ZOO / "p2302-r0006-pdftotext-gbk.txt")
    # 「现行有效件数 0 13」 prints both rows: read; 「本年废止件数 2」 one of two rows: which one the
    # text cannot tell (both readings keep 本年制发件数 ≤ 本年废止件数 + 现行有效件数), left unread
    assert row(report, "rules") == [0, None, 0]
    assert row(report, "normative_docs") == [4, None, 13]
    assert report.cells["section2.rules.repealed"].state == "missing"
    assert report.cells["section2.normative_docs.repealed"].state == "missing"
    flagged = {f.cell for f in report.flags}
    assert {"section2.rules", "section2.normative_docs"} <= flagged
    # 表三's first row stops where another row's label ends: it prints 5 values, flagged
    assert "section3.new" in flagged
    assert silent == []


def test_a_lone_value_placed_where_t2_2_allows_only_one_row():
    # 「本年废止件数 0」 「现行有效件数 16」, 规章 0 and 行政规范性文件 16 issued: 16 issued are in
    # force or repealed, so the lone 16 is 行政规范性文件's (规章's 现行有效件数 then blank); the 0
    # could be either row's: unread, flagged
    report, wrong, silent = read_against_truth(ZOO / "s1701-r0009-pdftotext-utf-8.txt")
    assert row(report, "rules") == [0, None, None]
    assert report.cells["section2.rules.in_force"].state == "blank"
    assert row(report, "normative_docs") == [16, None, 16]
    assert report.cells["section2.normative_docs.repealed"].state == "missing"
    assert "section2.normative_docs" in {f.cell for f in report.flags}
    assert silent == []
    assert [w for w in wrong if w.startswith("section2")] == ["section2.normative_docs.repealed"]


def test_rows_left_short_are_flagged_not_filled_from_empty_lines(monkeypatch):
    # without the reader of the columns after the rows, 规章 and 行政规范性文件 print one value
    # each: the empty lines after it are text blocks' breaks (「本年废止件数」 prints after the
    # rows), not blank cells, so the rows stay short and flagged
    import core.parse.pdfblocks as pdfblocks
    monkeypatch.setattr(pdfblocks, "_blocks_after_rows", lambda *args: False)
    report, wrong, silent = read_against_truth(ZOO / "p2302-r0006-pdftotext-gbk.txt")
    assert report.value("section2.rules.issued") == 0
    assert report.value("section2.normative_docs.repealed") is None
    assert {"section2.rules", "section2.normative_docs"} <= {f.cell for f in report.flags}
    assert silent == []


def test_a_label_wrapped_with_its_values_on_its_first_line_is_found_at_its_first_line():
    # w3m's box: 「（二）部分公 │３│—│０│—│０│  │３」 over 「开（区分处理的，只计这一情形，不计其他情形）」
    # and a line of blank cells. Taking the second line for the row's label read the blank cells
    # after it: the row's 0s read blank, silent. The text above the label's end continues it: the
    # label starts there, its values are those on its first line
    report, wrong, silent = read_against_truth(ZOO / "w2103-r0019-split-html-w3m.txt")
    assert silent == []
    assert [report.value(f"section3.partial.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [3, None, 0, None, 0, None, 3]


def test_a_label_wrapped_over_three_lines_keeps_its_values_on_the_middle_one():
    # 「（二）部」, 「分公开（区分处理的，只计这一情形，不计 │0 │0 …」, 「其他情形）」: the last line is
    # the label's end, but the text above it continues the label; the row's 0s are its own
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0040-cms-html-w3m.txt")
    assert silent == []
    assert [report.value(f"section3.partial.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [0] * 7
