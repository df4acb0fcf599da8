"""表三 rows of a file's own grid (a web page's table, a Word table) printing 8 cells, a 法人或其他组织
subtotal after 自然人 (TEMPLATE.md "rows printing 6 or 8 values"), in a table leaving its 总计 column
blank: the row's last cell, empty, is its 总计, not a stray cell. Read as its first 7, the subtotal
sat under 商业企业 and every part a column to the right, and 表三's column equations (一 + 二 =
（七） + 四) failed as the report's mistake. Likewise a row printing fewer values than its columns,
its blanks leaving no trace, whose second value is the sum of those after it but the last and the
last 自然人 plus it (fixtures: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import BLANK, DOUBT, ERROR
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


@pytest.mark.parametrize("name", ["q4202-r0038-lo-html.html", "q4202-r0038-lo-doc.doc"])
def test_a_grid_row_of_8_under_a_blank_total_column_is_read_without_its_subtotal(name):
    # 「四、结转下年度继续办理」 prints 56件 | 9 | (blank) | 4件 | 5件 | (blank) | (blank) | (blank): 9 the
    # subtotal of 4 and 5. At 69642b02 it read 56 9 - 4 5 (商业企业 9, 社会公益组织 4, 法律服务机构 5) and a
    # consistent report showed four T3-1 错误 (「商业企业」列 18 against 27 first)
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "carried_forward") == [56, None, 4, 5, None, None, None]
    assert report.cells["section3.carried_forward.total"].state == BLANK
    flags = t3_row_flags(report, "carried_forward")
    assert "第二格（9）等于其后五格之和" in flags and "已略去小计" in flags
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [f for f in findings if f.severity == DOUBT] == []
    assert wrong == [] and silent == []


def test_a_short_row_printing_a_subtotal_where_blanks_leave_no_trace_is_read_without_it():
    # lynx's dump of the web page, zeros printed blank and leaving no trace: 「（二）部分公开」 prints
    # 35 13 11 2 48 (13 the subtotal of 11 and 2, 48 = 35 + 13), the other rows their counts and 总计
    # (303 91 14 408). At 69642b02 13 went under 商业企业 and the table's columns were placed one to
    # the right around it (91 under 科研机构, 21 cells wrong), and 0 was offered for 商业企业 on a
    # consistent report
    report, wrong, silent = read_against_truth(ZOO / "q4202-r0045-lynx.txt")
    assert t3_row(report, "partial")[:3] == [35, 11, 2] and t3_row(report, "partial")[6] == 48
    assert t3_row(report, "new")[:3] == [303, 91, 14] and t3_row(report, "new")[6] == 408
    assert "第二个数（13）等于其后至总计前各数之和" in t3_row_flags(report, "partial")
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []


def test_short_rows_none_of_which_ends_on_its_total_leave_the_total_column_blank():
    # pdfplumber's text of a report whose 表三 leaves 总计 blank, its blanks leaving no trace: 「一、本年新收」
    # prints 428 74 0 无 0 20, 「（一）予以公开」 183 37 无 无 11. A 总计 is no less than its row's parts, and no
    # row's last value is: at 69642b02 the column sums put each row's 20, 11, 3 … under 法律服务机构 (12 cells
    # wrong, flagged); read with its 总计 blank, every value sits in its column
    report, wrong, silent = read_against_truth(ZOO / "q4202-r0039-pdfplumber.txt")
    assert t3_row(report, "new") in ([428, 74, 0, None, 0, 20, None], [428, 74, 0, 0, 0, 20, None])
    assert t3_row(report, "granted")[5] == 11 and t3_row(report, "granted")[6] is None
    assert report.cells["section3.total.total"].state == BLANK
    assert "不会是总计" in t3_row_flags(report, "new")
    findings = check(report)
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert [cell for cell in wrong if cell.startswith("section3.")] == [] and silent == []


def test_a_misprinted_row_whose_second_value_repeats_one_part_is_not_read_as_a_subtotal():
    # pdfplumber's text, blanks leaving no trace: 「4.保护第三方合法权益」 prints 0 1 - 1 0 1, its 法律服务机构
    # misprinted 1 for 0 (planted). 0, 1 = - + 1 + 0, 1 = 0 + 1 reads as a row of 8 too, a subtotal
    # repeating its one part: read so, the row's failing sum vanished and the planted typo went unseen
    report, _, silent = read_against_truth(ZOO / "s77-r0032-pdfplumber.txt")
    assert "小计" not in t3_row_flags(report, "denied_third_party")
    assert any(f.rule == "T3-3" and "section3.denied_third_party.total" in f.cells for f in check(report))
    assert silent == []


def test_a_short_row_whose_subtotal_repeats_its_one_part_is_read_without_it_where_every_sum_then_holds():
    # pdftotext -layout, zeros blank and leaving no trace (zoo pq4405 r0001): 「一、本年新收」 prints 5 1 1 6,
    # (七)总计 5 1 6: 自然人 5, the 法人或其他组织 subtotal 1, 商业企业 1, 总计 6. At 7664b85c the second 1 sat under
    # 科研机构, the row failed its sum and 0 was offered for 科研机构 on a right report
    report, wrong, silent = read_against_truth(ZOO / "pq4405-r0001-pdftotext-layout-utf-8.txt")
    assert t3_row(report, "new")[:2] == [5, 1] and t3_row(report, "new")[6] == 6
    assert report.value("section3.new.research") in (None, 0)
    assert "小计" in t3_row_flags(report, "new")
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []
