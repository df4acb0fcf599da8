"""表三 printed glued by docx2txt in a report leaving its 总计 column blank (the blank cell leaves
no trace: every row prints one cell fewer than the table's columns), read from committed outputs of
the quirks zoo (truth beside them: tests/fixtures/zoo/README.md, section quirks12)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_glued_rows_of_a_blank_total_column_are_cut_by_the_other_columns_sums():
    # zeros print "--": 「一、本年新收…」 prints "18640 --  --  --  -- ", a row of nothing
    # " --  --  --  --  --  -- ": six cells a row. Before: each run cut as seven cells adding up
    # (18640 · — …), 25 表三 cells wrong, flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0043-docx2txt.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new")[:2] == [186, 40] and t3_row(report, "new")[-1] is None
    assert t3_row(report, "total")[:2] == [194, 41]
    assert "总计列空白" in t3_row_flags(report, "new")  # a run cut: said so
    assert t3_row_flags(report, "denied_law_forbidden") == ""  # six placeholders: read as printed
    assert not [f for f in check(report) if f.severity == ERROR]


def test_glued_zero_rows_tell_the_blank_total_column():
    # zeros print 0: 「（二）部分公开…」 prints "200001", a row of zeros "000000". Before: 51 cells wrong
    report, wrong, silent = read_against_truth(ZOO / "quirks1913-r0026-docx2txt.txt")
    assert silent == [] and not [c for c in wrong if c.startswith("section3.")]
    assert t3_row(report, "new") == [29, 5, 0, 0, 0, 1, None]
    assert t3_row(report, "partial") == [2, 0, 0, 0, 0, 1, None]


def test_a_blank_total_column_is_told_by_no_row_adding_up_where_a_row_prints_a_cell_more():
    # zeros print " -- ", 总计 blank, but 「8.属于行政查询事项」 prints seven placeholders (a row of
    # 8 cells), so the rows of placeholders no longer all print six: the blank column was missed, and
    # every row printing a count (「20227 --  -- 7 -- 」: 202 · 27 · — · — · 7 · —) was cut as seven
    # cells adding up, none did, 33 cells unread. No row adding up, 总计 is blank
    report, wrong, silent = read_against_truth(ZOO / "q1602-r0006-docx2txt.txt")
    assert silent == [] and not [c for c in wrong if c.startswith("section3.")]
    assert t3_row(report, "new") == [202, 27, None, None, 7, None, None]
    assert t3_row(report, "total") == [208, 24, None, None, 7, None, None]
    assert "总计列空白" in t3_row_flags(report, "carried_over")  # a blank column inferred: every row read says so
    assert not [f for f in check(report) if f.severity == ERROR]
