"""表三 whose 总计 column is blank in every row, its rows of counts wrapped over lines (a unit 项 after
each count, raw pdftotext): a row read a cell short of that blank 总计 keeps its lines in printed
order, as a row on one line does, rather than being reordered to end on its largest value (自然人
then read as 总计, every count a column left). Truth beside the file: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_wrapped_over_lines_under_a_blank_total_column_keep_their_printed_order():
    report, wrong, silent = read_against_truth(ZOO / "q3401-r0026-pdftotext-raw-utf-8.txt")
    # 「一、本年新收…」 prints 24429 项 / 6206 项 / 0 / 1255 项 / 0 0 and no 总计
    assert t3_row(report, "new") == [24429, 6206, 0, 1255, 0, 0, None]
    assert t3_row(report, "granted") == [13221, 3423, 0, 681, 0, 0, None]
    assert t3_row(report, "total") == [24429, 6326, 0, 1255, 0, 0, None]
    assert not [c for c in wrong if c.split(".")[1] in ("new", "granted", "partial", "unable_not_held", "total")]
    # before: T3-1 错误 on 商业企业 (0 + 0 against 0 + 75) with the suggestion 0 for 四、结转下年度 on a
    # consistent report; the rows still placed by position are flagged, their sums doubts
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert silent == []
