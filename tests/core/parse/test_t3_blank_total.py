"""表三 whose 总计 column the report left blank, read from a text that drops blank cells (mammoth's
Markdown of a Word table prints each cell a paragraph, the blank ones not at all).

On main 282e0d27 pq2404 r0042 read each row's last value as its 总计: 「（二）部分公开」 printing
２９ ６ read 自然人 29, 总计 6, no row's own sum holding, the column sums failing (30 cells wrong,
flagged). No row ends in the sum of its others: the 总计 column is blank, and with the values in
the part columns every column sum holds. The sums tell which values share a column, not which
column that is: read from the left (where every column sum holds so), each row flagged. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import T3_COLUMN_KEYS, read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in T3_COLUMN_KEYS]


def test_a_blank_total_column_reads_its_values_in_the_part_columns():
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0042-mammoth-md.md")
    # (总计 blank as printed: the whole column is; an unprinted part 0)
    assert row(report, "partial") == [29, 6, 0, 0, 0, 0, None]
    assert row(report, "new") == [481, 81, 2, 0, 0, 0, None]
    assert row(report, "total") == [481, 81, 2, 0, 0, 0, None]
    assert row(report, "unable_need_creation") == [2, 0, 0, 0, 0, 0, None]
    assert [c for c in wrong if c.startswith("section3.")] == []
    assert silent == []
    # the columns are the sums' guess from the left: every row placed so says so
    blank_total = {f.cell for f in report.flags if "总计栏空白" in f.message}
    assert {"section3.new", "section3.partial", "section3.total"} <= blank_total


def test_a_blank_total_column_is_read_from_the_left_when_one_column_alone_fails_its_sums():
    # q2301 r0049 (mammoth's markdown, 2019): 总计 blank, blank cells dropped, rows of 自然人 and 商业企业
    # (561 50, 293 32, 3 …) and a planted misprint: （六）其他处理 prints 自然人 3 for 30. From the left
    # every column's sums hold but 自然人's （七）总计 = Σ 办理结果: the misprint's, one column alone (a
    # value in a wrong column breaks two). Before, each row's last value was read as its 总计 (22 cells
    # wrong, flagged); the misprint stays a doubt through the rows placed so
    report, wrong, silent = read_against_truth(ZOO / "q2301-r0049-mammoth-md.md")
    assert row(report, "new") == [561, 50, 0, 0, 0, 0, None]
    assert row(report, "partial") == [3, 0, 0, 0, 0, 0, None]
    assert row(report, "carried_forward") == [53, 0, 0, 0, 0, 0, None]
    assert [c for c in wrong if c.startswith("section3.")] == [] and silent == []
    assert any(f.cell == "section3.new" and "除「自然人」列（疑有笔误）外各列合计相符" in f.message for f in report.flags)
    assert any(f.rule == "T3-2" and "section3.other_processing.natural" in f.cells for f in check(report))


def test_the_blank_total_column_is_told_once_and_a_misprint_in_a_part_column_is_named():
    # q2601 r0005 (mammoth's markdown, 2021): 总计 blank, 6 values a row; （七）总计 prints 科研机构 7 for 8.
    # The 总计s were stored as 0s the parser inferred: every row's own sum failed (15 存疑 「总计为0」, an
    # odd-sum 存疑, two prose warnings 「表三为0件」), and the misprint's two column sums got no suggestion.
    # Stored blank, as printed, the column is said blank once and the sums cross at （七）总计×科研机构
    report, wrong, silent = read_against_truth(ZOO / "q2601-r0005-mammoth-md.md")
    assert row(report, "total") == [677, 105, 7, 0, 10, 22, None]
    findings = check(report)
    assert [f.rule for f in findings if f.rule == "T3-3"] == ["T3-3"]  # (整列空白, once)
    assert any("整列空白" in f.message for f in findings)
    assert not [f for f in findings if f.rule == "N-1"]
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion} == {("section3.total.research", 8)}
    assert [c for c in wrong if c.startswith("section3.")] == [] and silent == []


def test_a_blank_total_column_whose_rows_from_the_left_break_the_sums_is_read_where_they_hold():
    # lynx's page, one value a paragraph, blank cells dropped, 总计 blank throughout (q3501 r0050):
    # 「（一）予以公开」 prints 14811 1566 373 －, its 科研机构 blank, 373 under 社会公益组织. Read from
    # the left, 373 and four other rows' third values went under 科研机构, whose （七）总计 is 「－」
    # (10 cells wrong, flagged, at 69642b02). Only one placement of the values in their printed order
    # holds every column sum but 自然人's, where the planted typo (6239 for 6329) is: taken
    report, wrong, silent = read_against_truth(ZOO / "q3501-r0050-lynx.txt")
    assert wrong == [] and silent == []
    assert row(report, "granted")[:4] == [14811, 1566, 0, 373]
    assert row(report, "unable_not_held") == [6239, 668, 0, 159, 0, 0, None]
    assert row(report, "denied_law_enforcement_file")[3] == 11
    flag = next(f for f in report.flags if f.cell == "section3.granted" and "总计栏空白" in f.message)
    assert "各数值按印出的顺序排入唯一能使除「自然人」列（疑有笔误）外各列合计相符的各列" in flag.message
    # the typo is found and its true value offered, 总计 blank as a whole column (not 0 in each row)
    findings = check(report)
    assert [(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion] == \
        [("section3.unable_not_held.natural", 6329)]
    assert not any(f.rule == "T3-3" and "总计为0" in f.message for f in findings)
