"""catdoc's text of a Word 表四 whose zeros print blank: it writes every cell's end mark, a pair of
them (a blank cell's after a value's, or the row's end) as a line break and a single one as a tab
(tab_breaks.t4_by_cell_marks), so 「审结\\t总计\\n\\t1\\n3\\t4\\n\\n\\n5\\n\\t3\\t8」 is 表四's row
「 1 · 3 4 | · · · · · | 5 · · 3 8」. The values were placed by the groups' sums instead, 行政复议's 1
under 结果维持 (flagged); counted from the header's 总计 and confirmed by the marks after the last
value, each lands in its cell (zoos pq2504 and q2501, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.parse.parser import parse
from core.readers.dispatch import read_document
from core.template import T4
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def t4(report) -> list:
    return [report.value(path) for path in T4.paths()]


def test_each_value_lands_in_the_cell_its_marks_count():
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0005-catdoc.txt")
    assert t4(report) == [None, 1, None, 3, 4, None, None, None, None, None, 5, None, None, 3, 8]
    assert wrong == [] and silent == []
    assert not any(f.cell.startswith("section4") for f in report.flags)


def test_a_group_printed_alone_is_not_moved_to_the_first_group():
    # 未经复议直接起诉 「10 · · · 10」, the other groups blank: read as 行政复议's before
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0027-catdoc.txt")
    assert t4(report)[5:10] == [10, None, None, None, 10]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_marks_that_do_not_count_out_to_the_row_are_not_followed(tmp_path):
    # a mark more before the first value: the row would end a cell past 表四's 15, so the
    # separators are not trusted and the reading stays flagged
    text = (ZOO / "q2501-r0027-catdoc.txt").read_text(encoding="utf-8")
    text = text.replace("总计\n\n\n\t10\n\n10\n", "总计\n\n\n\n10\n\n10\n", 1)
    assert "总计\n\n\n\n10\n" in text
    odd = tmp_path / "odd.txt"
    odd.write_text(text, encoding="utf-8")
    report = parse(read_document(odd, odd.read_bytes()))
    assert any(f.cell.startswith("section4") for f in report.flags)
