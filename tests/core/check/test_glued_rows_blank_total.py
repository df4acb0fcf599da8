"""docx2txt glues a Word row's cells: with 表三's 总计 column left blank in every row, a row
prints 「8230768 -- 365275 --」, a run no cut reads alone (the column sums cut it, flagged), and
only 「四、结转下年度继续办理」 (801 --  -- 31 --  --) reads as cells. The glued rows printed their
counts all the same: the 总计 column is blank wherever a row was read, so the last row's blank
总计 beside 832 is no 错误 (it was a false T3-3 错误 「总计为0，…之和为832」). Truth beside the
file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR, MISSING, WARNING, CellValue
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_glued_rows_beside_a_blank_total_column_count_as_rows_printing_counts():
    report, wrong, silent = read_against_truth(ZOO / "pq1713-r0035-docx2txt.txt")
    assert t3_row(report, "carried_forward") == [801, None, None, 31, None, None, None]
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [(f.rule, "整列空白" in f.message) for f in findings if f.severity == WARNING] == [("T3-3", True)]
    # the glued rows are cut by the column sums (一 + 二 = （七） + 四, （七） = the results, per
    # column: the rows of the sum with the fewest choices walked first, 一 二 （七） 四, so the walk
    # ends before it gives up; it gave up with （七）总计 walked last and left every cell open) and
    # flagged as so cut, the 总计 column left blank as printed
    cut = {f.cell for f in report.flags if f.kind == "inferred" and "表三总计列空白，已按各列勾稽关系拆分" in f.message}
    assert {"section3.new", "section3.granted", "section3.total"} <= cut
    assert t3_row(report, "new") == [8230, 768, None, 365, 275, None, None]
    assert t3_row(report, "total") == [7641, 834, None, 355, 295, None, None]
    # (表二's glued 行政规范性文件 row cuts several ways, no sum to choose: left open, flagged)
    assert [w for w in wrong if w.startswith("section3")] == [] and silent == []


def test_one_row_of_counts_beside_its_blank_total_is_still_an_error():
    """The rule's other side: with no other row printing a count (the same report, its glued rows
    taken as read and printing nothing), the last row's blank 总计 beside 832 is that cell's slip
    (a dropped value): a 错误, as before."""
    report = load_report(ZOO / "pq1713-r0035-docx2txt.txt")
    report.flags = [f for f in report.flags if not f.cell.startswith("section3")]
    # (the glued rows unread, as the parser left them before the column sums cut them)
    for path, cell in list(report.cells.items()):
        if path.startswith("section3.") and not path.startswith("section3.carried_forward.") and cell.value:
            report.cells[path] = CellValue(None, MISSING)
    errors = [f for f in check(report) if f.severity == ERROR]
    assert [(f.rule, f.expected, f.actual) for f in errors] == [("T3-3", 832, 0)]
