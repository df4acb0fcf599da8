"""表四 printed with rows and columns exchanged: a row for each of the template's columns (结果维持 …
总计), a value in it for each group, under a header naming 行政复议, then 行政诉讼 over 未经复议直接起诉
and 复议后起诉. (wild/t4-transposed*: the report of wild/t4-two-tables, 行政复议 2/1/0/0/3,
未经复议直接起诉 1/0/2/0/3, 复议后起诉 13/0/0/3/16.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
TRUTH = "wild/t4-two-tables"


@pytest.mark.parametrize("name", ["t4-transposed.html", "t4-transposed.docx2txt.txt", "t4-transposed.pdftotext-layout.txt",
                                  "t4-transposed-blanks.html"])
def test_t4_printed_a_row_for_each_column_is_read_by_its_groups(name):
    """Read in printed order, 行政复议 took 「结果维持 2 1 13」 and 「结果纠正 1 0」: 8 cells wrong and
    three 错误 (T4-1..3) on a right report (a web page printing its 0s blank: 11 cells wrong,
    flagged). Each row's k-th value is now the k-th group's, as the header names them: every cell
    right, nothing flagged, no 错误."""
    report = load_report(WILD / name)
    assert report.value("section4.review.maintained") == 2 and report.value("section4.review.total") == 3
    assert report.value("section4.litigation_after_review.maintained") == 13
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_t4_caption_number_is_no_value():
    """「表 3 政府信息公开行政复议、行政诉讼情况」 over 表四 in pdftotext's text (a space between 表 and
    3): the 3 was read as 表四's first value, 表四 flagged as printing 16 of 15. Now it is the
    caption's; 表四 is read whole without a flag."""
    report = load_report(WILD / "table-captions.pdftotext-layout.txt")
    assert wrong_cells(report, TRUTH) == []
    assert not [f for f in report.flags if f.cell.startswith("section4")]
    assert report.value("section4.review.maintained") == 2
