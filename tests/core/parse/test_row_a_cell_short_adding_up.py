"""A 表三 row printing one value fewer than its cells, in a table printing its zeros (TEMPLATE.md:
rows printing 6 values instead of 7): where its last value is the sum of the others, it printed its
总计 last and one part was a blank cell that left no trace. Which part, the column sums say; placed
in the row alone, the row's values sat a column off past the gap and the sums filled the blank with
a number (「574 63 16 0 17 670」: 科研机构 16, 法律服务机构 17, 其他 inferred 17), the checks then
suggesting a value on a report that is right."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_six_adding_up_has_its_blank_where_the_column_sums_put_it():
    # 「1.本机关不掌握相关政府信息」 574 63 16 0 17 670, its 科研机构 blank: the column's （七）总计 is 0
    report, wrong, silent = read_against_truth(ZOO / "pq2604-r0028-pdftotext-raw-gbk.txt")
    assert t3_row(report, "unable_not_held") == [574, 63, 0, 16, 0, 17, 670]
    assert report.cells["section3.unable_not_held.research"].state == "inferred"
    assert any(f.cell == "section3.unable_not_held" and "未印出的单元格按空白（0）计" in f.message for f in report.flags)
    assert wrong == [] and silent == []
    assert [f for f in check(report) if f.suggestion] == []
