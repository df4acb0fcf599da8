"""表三 rows of 0s, placeholders and blanks in a table printing counts, its zeros printed every which
way, in pandoc's text: pandoc cuts a row printing 8 cells (a 法人或其他组织 subtotal of 0 after 自然人)
back to the table's 7 columns, no trace left, and the row reads its 0s a column off while adding up
as well. Where a cell printed blank is 0 when read as 8, the row is flagged and that cell read as 0.

On main 905a595b q2206 r0032 (pandoc's GFM and plain text of a Word file, 2019 template) read
「2、其他法律法规禁止公开」 as 0 · · 0 · · · (科研机构 blank) where the report prints 0 · 0 · · · · after
a blank subtotal, and q2406 r0005 (pandoc's Markdown of a web page) read 「3.危及“三安全一稳定”」's
社会公益组织 blank where it prints 0: flagged by nothing (silent).
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import ERROR
from core.parse.subtotal_rows import cuts_rows_to_columns
from core.pipeline import check_report
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
CUT = "表格由转换工具逐行截成表头的列数"


@pytest.mark.parametrize("name, row, column", [
    ("q2206-r0032-pandoc-docx-gfm.md", "denied_law_forbidden", "research"),
    ("q2206-r0032-pandoc-docx-plain.txt", "denied_law_forbidden", "research"),
    ("q2406-r0005-pandoc-html-markdown.md", "denied_safety_stability", "social"),
])
def test_a_row_of_zeros_pandoc_may_have_cut_is_flagged(name, row, column):
    report, wrong, silent = read_against_truth(ZOO / name)
    assert silent == [] and wrong == []
    # the cell printed blank that is 0 read as 8 reads 0, the row said to be in doubt
    assert report.value(f"section3.{row}.{column}") == 0
    said = [f for f in report.flags if f.cell == f"section3.{row}"]
    assert len(said) == 1 and CUT in said[0].message


def test_a_row_whose_zeros_read_alike_either_way_is_left_unflagged():
    # 「（七）总计」 of q2206 r0032 prints counts: not asked; 「四、结转下年度继续办理」 prints no 0
    # (「—」 and blanks): read as 8, no cell of it is 0 either
    report, _, _ = read_against_truth(ZOO / "q2206-r0032-pandoc-docx-gfm.md")
    flagged = {f.cell for f in report.flags if CUT in f.message}
    assert "section3.total" not in flagged and "section3.carried_forward" not in flagged
    assert report.value("section3.carried_forward.total") is None


def test_a_converter_keeping_every_cell_is_not_asked():
    # lynx prints a row of 8 as 8 cells: no row cut, its mixed rows of 0s left as read
    text = (ZOO / "w2203-r0034-split-html-lynx.txt").read_text(encoding="utf-8")
    assert not cuts_rows_to_columns(text)
    report, _, _ = read_against_truth(ZOO / "w2203-r0034-split-html-lynx.txt")
    assert not [f for f in report.flags if CUT in f.message]


def test_pipe_tables_are_pandoc_s_when_every_row_is_as_wide_as_the_table():
    # pandoc's GitHub Markdown pads every row to the table's columns; html2text prints each row's
    # own cells (a header spanning columns prints one), so its row of 8 shows
    pandoc = ("| 一 |  |  | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n"
              "|----|----|----|----|----|----|----|----|----|----|\n"
              "| 二 |  |  | 0 |  |  | 0 |  |  |  |\n")
    html2text = ("| （本列数据的勾稽关系为） | 申请人情况 |\n"
                 "|------|------|\n| 自然人 | 法人或其他组织 | 总计 |\n"
                 "| 一、本年新收 | 547 | 133 |  | 14 | 2 | 11 | 707 |\n")
    wide_html2text = html2text.replace("|------|------|", "|---|---|---|---|---|---|---|---|")
    assert cuts_rows_to_columns(pandoc)
    assert not cuts_rows_to_columns(html2text) and not cuts_rows_to_columns(wide_html2text)


def test_rows_flagged_for_where_their_zeros_stand_cannot_hold_an_odd_sum_s_misprint():
    # dev r0038 (pandoc's GFM of a web page, zeros mixed): 「1.信访举报投诉类申请」 自然人 17 for 16,
    # named by its row's and its column's sums; the table's odd sum adds nothing: the rows of 0s
    # flagged here print no count whichever cell printed which (no 存疑 「共10行都可能有误」 beside it)
    report, wrong, silent = read_against_truth(ZOO / "dev-r0038-pandoc-html-gfm.md")
    assert silent == [] and [f for f in report.flags if CUT in f.message]
    findings = check_report(report)
    assert {(f.rule, f.severity) for f in findings} == {("T3-2", ERROR), ("T3-3", ERROR)}
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings} == {("section3.not_processed_complaint.natural", 16)}


_LINES = ["---- ----", "  ---  ----  ", "+----+", '<tr class="odd">', '<tr class="even">', "<tr>",
          "|---|---|---|---|---|---|---|---|", "|:--|---|---|---|---|---|---|--:|", "| a | b | c | d | e | f | g | h |",
          "| a | b |", "中文", "", "  ", "- -", "---"]


def _pandoc_text(text: str) -> bool:
    """cuts_rows_to_columns as its patterns anchored at every line's start (re.M) find the tables."""
    drawn = re.compile(r'^ *-{3,}(?: +-{3,})+ *$|^\+-{3,}\+|^<tr class="(?:odd|even)">', re.M)
    if drawn.search(text):
        return True
    for match in re.finditer(r"^\|(?:[-:]{3,}\|){7,} *$", text, re.M):
        rows = text[match.end():].lstrip("\n").split("\n", 40)[:40]
        rows = rows[:next((n for n, line in enumerate(rows) if not line.startswith("|")), len(rows))]
        if rows and all(line.count("|") == match.group().count("|") for line in rows):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12), st.booleans())
def test_pandoc_tables_found_in_any_line_as_a_line_start_search_finds_them(lines, closed):
    """A pandoc table is found whichever line draws it, the first one too, as a search of every
    line's start finds it."""
    text = "\n".join(lines) + ("\n" if closed else "")
    assert cuts_rows_to_columns(text) == _pandoc_text(text)
