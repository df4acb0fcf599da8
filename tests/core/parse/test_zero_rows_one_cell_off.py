"""表三 rows of 0s, placeholders and blanks printed with a cell more or fewer than the header (TEMPLATE.md
"rows printing 6 or 8 values") in w3m's ruled box. The sums cannot say where the 0s go (a 0 and a
blank add up alike): the cells that are 0 in one reading and blank in another are read 0 (a blank
counts 0) and the auditor is told which; the rows w3m only padded are left alone (zoos q1608 and
w1610, tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, INFERRED
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _t3_flags(report) -> list:
    return [f for f in report.flags if f.cell.startswith("section3")]


def test_a_row_of_a_cell_more_whose_extra_cell_prints_a_blank_reads_its_doubtful_cells_0():
    # 「2.没有现成信息需要另行制作」 printed / / / 0 / 0 (blank) (blank): 8 cells, its second a
    # 法人或其他组织 subtotal (/), so 科研机构 and 法律服务机构 are its 0s. w3m drew every row 8 wide,
    # the others' last cell with spaces only; this row's holds a printed blank (a full-width space).
    # Read as a stray cell at the end, the 0s land under 社会公益组织 and 其他 instead (silent before)
    report, wrong, silent = read_against_truth(ZOO / "q1608-r0021-w3m.txt")
    assert t3_row(report, "unable_need_creation") == [None, None, 0, 0, 0, 0, None]
    assert report.cells["section3.unable_need_creation.research"].state == INFERRED
    flags = _t3_flags(report)  # none on the rows w3m only padded
    assert [f.cell for f in flags] == ["section3.unable_need_creation"]
    assert "「科研机构」、「法律服务机构」" in flags[0].message and "小计" in flags[0].message
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_count_row_of_a_cell_fewer_reads_its_blank_beside_0s_as_0():
    # 「二、上年结转…」 printed 0 102 0 0 0 102, its 科研机构 0 left out; w3m padded its end. The sums
    # put the blank among the 0s (科研机构 … 其他), each place adding up to 102: read 0 and told
    report, wrong, silent = read_against_truth(ZOO / "w1610-r0033-split-html-w3m.txt")
    assert t3_row(report, "carried_over") == [0, 102, 0, 0, 0, 0, 102]
    assert report.cells["section3.carried_over.other"].state == INFERRED
    flags = _t3_flags(report)
    assert [f.cell for f in flags] == ["section3.carried_over"]
    assert "「其他」" in flags[0].message and "均按0计" in flags[0].message
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_rows_of_0s_are_in_doubt_when_no_row_shows_which_printed_the_cell_more():
    # 「2.其他法律行政法规禁止公开」 printed 8 cells, 0 0 0 (blank) 0 0 － (blank), its second a 法人或其他组织
    # subtotal 0, its 总计 blank (zoo w1704). w3m drew an empty column after 总计 for it, but its 8th cell
    # is as empty as every other row's padding: no row shows it was the one. Read as a stray last
    # cell, its 社会公益组织 0 was read blank (silent before); every row of 0s may be the row of 8, so each
    # cell that is 0 in one reading and blank in the other reads 0 (a blank counts 0 alike), told
    report, wrong, silent = read_against_truth(ZOO / "w1704-r0025-word-html-w3m.txt")
    assert t3_row(report, "denied_law_forbidden")[:6] == [0, 0, 0, 0, 0, 0]
    assert report.cells["section3.denied_law_forbidden.social"].state == INFERRED
    flag = next(f for f in _t3_flags(report) if f.cell == "section3.denied_law_forbidden")
    assert "「社会公益组织」可能是0也可能空白" in flag.message and "看不出是哪一行" in flag.message
    # the rows printing counts add up as read: none of them is flagged
    assert not any(f.cell in ("section3.new", "section3.granted", "section3.total") for f in _t3_flags(report))
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []
