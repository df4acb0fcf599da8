"""A value of a 表三 row placed by position one column off, beside a blank of its row: the column sums
place it (core/parse/slid_cells.py)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, PLACED_BY_POSITION
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_value_a_layout_line_prints_under_its_blank_neighbour_is_placed_by_the_sums():
    # p4302 r0008 (pdftotext -layout, a consistent report): 「一、本年新收…  158 6       8           6     0
    # 178」 prints its 8 right under 科研机构, blank in the report, though it is 社会公益组织's. Read
    # there for sure, 科研机构's and 社会公益组织's column sums failed by 8 and −8: two false 错误
    report, wrong, silent = read_against_truth(ZOO / "p4302-r0008-pdftotext-layout-utf-8.txt")
    assert t3_row(report, "new") == [158, 6, None, 8, 6, 0, 178]
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.severity == ERROR] == []
    flags = [f for f in report.flags if f.cell == "section3.new"]
    assert len(flags) == 1 and PLACED_BY_POSITION in flags[0].causes
    assert "「8」印在「科研机构」列下" in flags[0].message and "移入「社会公益组织」列" in flags[0].message
