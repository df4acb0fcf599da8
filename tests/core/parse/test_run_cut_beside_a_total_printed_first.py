"""A run of 表三 rows cut by the block cuts, confirmed beside a row whose 总计 printed first.

p2402 r0013 (plain pdftotext): 「3.其他」, 「（七）总计」 and 「四、结转下年度继续办理」 print after every
value of the table; the run from 「2.重复申请」 on was cut right (（七）总计 625 34 — — — 53 712, 四
42 1 — — — 2 45), but on main 9d948939 the cut was refused: （二）部分公开 printed its 总计 first
(「85 73 6 — — — 6」, placed later by another reader), so the column sums failed through that row,
and （七）总计 and 四 were left unread (8 cells wrong, flagged). A row beside the run that does not
add up as read but would with one of its counts as its 总计 holds its own cells out of order: what
it breaks says nothing of the run's cut. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in COLUMNS]


def test_a_run_is_cut_beside_a_row_whose_total_printed_first():
    report, wrong, silent = read_against_truth(ZOO / "p2402-r0013-pdftotext-gbk.txt")
    assert row(report, "total") == [625, 34, None, None, None, 53, 712]
    assert row(report, "carried_forward") == [42, 1, None, None, None, 2, 45]
    assert row(report, "partial") == [73, 6, None, None, None, 6, 85]
    assert not [w for w in wrong if w.startswith(("section3.total.", "section3.carried_forward."))]
    assert silent == []
