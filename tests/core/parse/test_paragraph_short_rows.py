"""表三 printed one cell a paragraph right after each row's label (LibreOffice's plain text of a Word
table), a row printing fewer values than its columns, its blank cells leaving no trace: placed again
against the table's column sums (一 + 二 = （七） + 四) once every row is read, as rows printed beside
their labels are (fixtures: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT, ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_short_row_one_cell_a_paragraph_is_placed_by_the_column_sums():
    # 「一、本年新收」 prints 474 95 0 16 7, 法律服务机构 blank, the 总计 column blank throughout: at
    # 3146a1eb the 7 went under 法律服务机构 (the first of equal placements while the rows below were
    # unread), 其他 was inferred 7 and 总计 599, and 法律服务机构's column sum offered 0 on a right report
    report, wrong, silent = read_against_truth(ZOO / "q7101-r0009-lo-txt-utf-16.txt")
    assert t3_row(report, "new")[:6] == [474, 95, 0, 16, 0, 7]
    assert report.value("section3.new.total") in (None, 0)
    findings = check(report)
    assert [f for f in findings if f.suggestion] == []
    assert [f for f in findings if f.severity in (ERROR, DOUBT)] == []
    assert wrong == [] and silent == []
