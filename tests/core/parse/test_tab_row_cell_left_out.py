"""A 表三 row of tab-separated cells printing one cell fewer than the table (TEMPLATE.md, "rows
printing 6 or 8 values"), catdoc's text of a Word table: its separators (a tab one, a line break two:
tab_breaks.py) put its last value, the sum of those before it, under 其他 and leave 总计 blank. The
separators cannot tell that row from one whose 总计 is blank beside counts, which no report prints;
the row is left short, its values placed by the table's sums and flagged (zoo q1608,
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_a_cell_fewer_reads_its_total_by_the_sums():
    # 「（七）总计」 prints 11 1 (blank) － (blank) 12, a zero cell left out: counted by its separators,
    # 12 fell under 其他 and 总计 read blank, three false 错误 (T3-1, T3-2, T3-3) on a right report
    report, wrong, silent = read_against_truth(ZOO / "q1608-r0034-catdoc.txt")
    assert report.value("section3.total.total") == 12
    assert report.value("section3.total.other") in (0, None)
    assert any(f.cell == "section3.total" for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR and f.rule.startswith("T3")] == []
    assert wrong == [] and silent == []
