"""表四 one cell a paragraph, its blank cells told by the empty lines they leave (core/parse/cell_lines.py,
with_learned_gaps; paragraph_streams.py, t4_with_blank_paragraphs).

Mammoth's raw text prints 表四's header one name a paragraph, then its values: one empty line after
each cell, two more for a blank one, and here four more after the table's last cell than its blank
cells leave. The header teaches the one empty line between two cells, not what a blank cell leaves
(lynx leaves one, mammoth two): both fit the gaps, and on main 69642b02 the table was read with its
values pushed left, flagged (s4201 r0030: 「11 2 _ 2 15」 read 11 2 2 _ 15; q3106 r0047: 「16 _ _ 1 17」
read 16 1 _ _ 17). The count under which every group adds up (results to 总计) is read.
Fixtures: tests/fixtures/zoo/README.md.
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
COLUMNS = ("maintained", "corrected", "other", "pending", "total")


def _group(report, group: str) -> list:
    return [report.value(f"section4.{group}.{c}") for c in COLUMNS]


def test_two_blanks_inside_each_group_are_read_where_they_print():
    report, wrong, silent = read_against_truth(ZOO / "s4201-r0030-mammoth-raw.txt")
    assert _group(report, "review") == [11, 2, None, 2, 15]
    assert _group(report, "litigation_direct") == [16, None, 3, None, 19]
    assert _group(report, "litigation_after_review") == [None] * 5
    assert not any(f.cell.startswith("section4") for f in report.flags)
    assert not any(c.startswith("section4") for f in check(report) for c in f.cells)
    assert wrong == [] and silent == []
    # its planted typo (表三 其他处理 3.其他 总计 printed 1 for 0) is still found
    assert any("section3.other_no_correction.total" in f.cells for f in check(report))


def test_a_run_of_blanks_then_the_groups_last_result():
    report, wrong, silent = read_against_truth(ZOO / "q3106-r0047-mammoth-raw.txt")
    assert _group(report, "review") == [16, None, None, 1, 17]
    assert _group(report, "litigation_direct") == [None] * 5
    assert not any(f.cell.startswith("section4") for f in report.flags)
    assert wrong == [] and silent == []
