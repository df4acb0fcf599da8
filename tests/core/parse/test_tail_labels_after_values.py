"""表三's last rows whose labels plain pdftotext printed after every value of the table
(「3.其他 / （七）总计 / 四、结转下年度继续办理」 after the last value): the row before them, 「2.申请人逾期未按
收费通知要求缴纳费用…」, gathered its own values and theirs, 27 for 4 rows of 7, a value of its own
printed after the run, beside the second line of its wrapped label.

On main 5e2cf35c s2507 r0044 left （七）总计 and 四 unread (the run not a whole number of rows:
the rows after it were not given theirs), 5 cells wrong, flagged. Whole rows from the run's end
are the last rows', where one end alone makes each of them add up. Fixtures:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in COLUMNS]


def test_last_rows_printed_before_their_labels_are_read_from_the_run_end():
    # a placeholder table (「－」 for a blank): the run ends 25 3 － 1 － － 29, seven 「－」, then
    # one 「－」 of the row's own; only the rows ending a value before the end add up
    report, wrong, silent = read_against_truth(ZOO / "s2507-r0044-pdftotext-gbk.txt")
    assert row(report, "total") == [25, 3, None, 1, None, None, 29]
    assert row(report, "carried_forward") == [None] * 7
    assert report.cells["section3.carried_forward.natural"].state == "placeholder"
    assert not [w for w in wrong if w.startswith(("section3.total.", "section3.carried_forward."))]
    flagged = {f.cell for f in report.flags}
    assert {"section3.total", "section3.carried_forward"} <= flagged
    assert silent == []


def test_a_run_whose_end_rows_do_not_add_up_is_not_cut_by_counting():
    # blank cells leave no trace (「17 5 1 1 24 436 144 26 25 631」 under （七）总计, 四 printing
    # nothing): seven values from the end, 1 24 436 144 26 25 631, do not add up, nor does any
    # other end: 四 is not given them
    report, wrong, silent = read_against_truth(ZOO / "q2501-r0042-pdftotext-utf-8.txt")
    assert report.value("section3.carried_forward.total") != 631
    assert report.value("section3.total.total") == 631
    assert silent == []
