"""The 汇总 workbook (core/export/summary.py): where its headings and numbers stand."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from core.export.summary import TOTALS, WIDE, write_summary
from core.pipeline import load_report
from core.review.edits import ReportReview

COUNTY = Path(__file__).resolve().parents[2] / "fixtures" / "compare" / "county"
NEW_TOTAL = "表三「一、本年新收政府信息公开申请数量」×「总计」"


def test_numbers_stand_centred_under_their_headings(tmp_path):
    """Printed without grid lines, each number stood at its column's right edge, the heading at
    its left edge: 错误's 0 stood under 警告, 存疑's beyond the last heading of the page, and
    表二「规章」×「本年制发件数」's 0 under 本年废止件数. Headings and numbers of the count and
    value columns are now centred; 文件, 单位 and 文件问题 keep their text at the left."""
    target = tmp_path / "汇总.xlsx"
    write_summary([ReportReview(load_report(p)) for p in sorted(COUNTY.iterdir())], target)
    book = openpyxl.load_workbook(target)
    wide = book[WIDE]
    header = [c.value for c in wide[1]]
    for heading in ("错误", "警告", "存疑", "年度", NEW_TOTAL):
        column = header.index(heading) + 1
        assert [wide.cell(r, column).alignment.horizontal for r in (1, 2, 3)] == ["center"] * 3, heading
    assert [wide.cell(2, column).value for column in (header.index(NEW_TOTAL) + 1,)] == [26]
    for heading in ("文件", "单位", "文件问题"):
        column = header.index(heading) + 1
        assert {wide.cell(r, column).alignment.horizontal for r in (1, 2, 3)} == {None}, heading
    # the headings still wrap and sit at the top of their tall row
    assert wide.cell(1, header.index(NEW_TOTAL) + 1).alignment.wrap_text
    assert wide.cell(1, header.index(NEW_TOTAL) + 1).alignment.vertical == "top"
    totals = book[TOTALS]
    header = [c.value for c in totals[1]]
    column = header.index(NEW_TOTAL) + 1
    assert [totals.cell(r, column).value for r in (2, 3)] == [26, 28]
    assert [totals.cell(r, c).alignment.horizontal for r in (1, 2, 3) for c in (1, 2, column)] == ["center"] * 9
