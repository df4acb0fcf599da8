"""pdftotext -layout: 表三's columns are measured on the rows printing a value in every column on
one line. A row of 8 cells (a 法人或其他组织 subtotal after 自然人) in a table leaving its 总计
blank prints 7 values too, each a column right of its own: taken alone for the measure it put
every row of its page one column over, and a 0 printed under the 8-cell row's subtotal fell out as
a blank, unflagged. Such a row does not read as a whole row (its parts do not sum to its last
value), so it measures nothing. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_row_of_eight_under_a_blank_total_does_not_measure_the_columns():
    # 「2.其他法律行政法规禁止公开」 prints 351 71 58 0 11 0 2 (71 = 58+0+11+0+2, the subtotal;
    # 总计 blank throughout): the only row printing 7 values on one line. Measured on it, 「5.属于三类
    # 内部事务信息」's 430 went under 商业企业 and 「1.属于国家秘密」's 0 under 社会公益组织 fell out
    # (8 cells wrong, unflagged, on 905a595b). Now its page's rows are placed by the header's names,
    # each one flagged as placed by position.
    report, wrong, silent = read_against_truth(ZOO / "q2906-r0002-pdftotext-layout-utf-8.txt")
    assert silent == []
    flagged = {f.cell for f in report.flags if "按版面位置归入各列" in f.message}
    assert {"section3.denied_state_secret", "section3.denied_internal_affairs",
            "section3.not_processed_duplicate", "section3.not_processed_confirm"} <= flagged
    assert report.value("section3.denied_internal_affairs.natural") == 430


def test_a_lone_row_between_whose_columns_other_rows_print_does_not_measure_them():
    # lynx of a GBK page saved as Latin-1 (zeros as 0, 「-」 or a blank 「　」 that prints no value):
    # 「4.保护第三方合法权益」 prints 8 cells, 「0 0 0 　 0 - 0 -」 (a subtotal after 自然人, 科研机构
    # blank), the only row printing 7 values on one line. Measured on it, 社会公益组织's column was
    # put where 法律服务机构's is: the values other rows print under 社会公益组织 lay between two of
    # its columns, and 「6.属于四类过程性信息」's 「- 0 - 　 0 　 0」 read 0 under 社会公益组织 and
    # 其他, nothing under 法律服务机构 and 总计 (6 cells wrong, unflagged, on 9ca91b5c)
    report, wrong, silent = read_against_truth(ZOO / "q3901-r0041-lynx.txt")
    assert silent == [] and wrong == []
    assert report.value("section3.denied_process_info.legal") == 0
    assert report.value("section3.denied_process_info.total") == 0
    assert report.value("section3.new.total") == 4
    assert report.value("section3.not_processed_duplicate.total") == 2
