"""docx2txt glues a Word row's cells: with 表三's 总计 column left blank in every row, a row
prints 「8230768 -- 365275 --」, a run no cut reads alone (flagged, its cells left open), and
only 「四、结转下年度继续办理」 (801 --  -- 31 --  --) reads as cells. The glued rows printed their
counts all the same: the 总计 column is blank wherever a row was read, so the last row's blank
总计 beside 832 is no 错误 (it was a false T3-3 错误 「总计为0，…之和为832」). Truth beside the
file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, WARNING
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_glued_rows_beside_a_blank_total_column_count_as_rows_printing_counts():
    report, wrong, silent = read_against_truth(ZOO / "pq1713-r0035-docx2txt.txt")
    assert t3_row(report, "carried_forward") == [801, None, None, 31, None, None, None]
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [(f.rule, "整列空白" in f.message) for f in findings if f.severity == WARNING] == [("T3-3", True)]
    # the glued rows stay flagged: wrong cells, none unflagged
    glued = {f.cell for f in report.flags if f.kind == "parse" and "粘连" in f.message}
    assert {"section3.new", "section3.granted", "section3.total"} <= glued
    assert wrong and silent == []
    # and their cells are left open, as the flag says, not made 0 by a row's blank 总计: 「8230768」
    # prints a count
    assert t3_row(report, "new") == [None] * 7 and t3_row(report, "total") == [None] * 7
    assert not any(f.kind == "inferred" for f in report.flags)


def test_one_row_of_counts_beside_its_blank_total_is_still_an_error():
    """The rule's other side: with no other row printing a count (the same report, its glued rows
    taken as read and printing nothing), the last row's blank 总计 beside 832 is that cell's slip
    (a dropped value): a 错误, as before."""
    report = load_report(ZOO / "pq1713-r0035-docx2txt.txt")
    report.flags = [f for f in report.flags if not f.cell.startswith("section3")]
    errors = [f for f in check(report) if f.severity == ERROR]
    assert [(f.rule, f.expected, f.actual) for f in errors] == [("T3-3", 832, 0)]
