"""antiword's text of a Word 表四 whose zeros print blank: each cell followed by "|", the row glued to
the header's last line, a blank cell an empty field of its own (tab_breaks.t4_by_pipe_fields):
「审结 |总计 | |2 | | |4 |7 | | | | | | | | | | | |」 is 行政复议 「2 · · 4 7」, the lawsuits blank. The
empty fields on the header's line were taken for the merged header's layout, so the values fell to
the first cells the groups' sums allowed (4 read under 结果纠正, flagged). Read when the fields after
总计 are an empty one, exactly 15 cells and an empty one, as every antiword 表四 of the zoos prints
(zoos q2301 and pq2604, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.parser import parse
from core.readers.dispatch import read_document
from core.template import T4
from tests.core.truth import read_against_truth, suggested_fixes

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def t4(report) -> list:
    return [report.value(path) for path in T4.paths()]


def test_a_blank_cell_is_a_field_of_its_own():
    report, wrong, silent = read_against_truth(ZOO / "q2301-r0047-antiword.txt")
    assert t4(report)[:5] == [2, None, None, 4, 7]
    assert wrong == [] and silent == []
    # the planted ±1 (行政复议's 总计 printed 7, true 6) is named and fixed
    assert ("section4.review.total", 6) in suggested_fixes(check(report))


def test_three_groups_on_a_consistent_report_read_with_no_error():
    report, wrong, silent = read_against_truth(ZOO / "pq2604-r0003-antiword.txt")
    assert t4(report) == [19, None, None, 3, 22, None, None, 5, None, 5, None, None, None, None, None]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert not any(f.cell.startswith("section4") for f in report.flags)


def test_a_row_of_another_count_of_fields_is_not_read_by_them(tmp_path):
    # a field more: 16 cells between the empty ones, not 表四's 15, so the fields are not followed
    text = (ZOO / "q2301-r0047-antiword.txt").read_text(encoding="utf-8")
    row = "审结 |总计 | |2 | | |4 |7 | | | | | | | | | | | |"
    assert row in text
    odd = tmp_path / "odd.txt"
    odd.write_text(text.replace(row, row + " |"), encoding="utf-8")
    report = parse(read_document(odd, odd.read_bytes()))
    assert any(f.cell.startswith("section4") for f in report.flags)
