"""The 汇总 workbook (core/export/summary.py): where its headings and numbers stand."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from core.export.summary import LEFT_OUT, TOTALS, WIDE, write_summary
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


def test_the_files_left_out_of_a_years_totals_are_named_whole(tmp_path):
    """年度合计's 未计入 names the other copies of an agency's year, their paths joined by 、: it
    was a 14-wide cell like the numbers' (and would have been centred with them), its paths cut by
    the numbers beside it. It is 40 wide, its text at the left and wrapped, the row as tall."""
    folder = tmp_path / "年报" / "某某县政府信息公开工作年度报告（网站发布版与纸质版）"
    folder.mkdir(parents=True)
    report = COUNTY / "某某县人民政府办公室2021年报告.txt"
    copies = [folder / "2021年报告.txt", folder / "2021年报告（另存副本）.txt"]
    for copy in copies:
        copy.write_bytes(report.read_bytes())
    target = tmp_path / "汇总.xlsx"
    write_summary([ReportReview(load_report(p)) for p in copies], target)
    totals = openpyxl.load_workbook(target)[TOTALS]
    header = [c.value for c in totals[1]]
    column = header.index(LEFT_OUT) + 1
    cell = totals.cell(2, column)
    assert cell.value == str(copies[1])
    assert cell.alignment.horizontal is None and cell.alignment.wrap_text
    assert totals.column_dimensions[cell.column_letter].width == 40
    assert totals.row_dimensions[2].height >= 2 * 14  # the path takes two lines at least
    assert totals.cell(2, header.index("报告数") + 1).value == 1
