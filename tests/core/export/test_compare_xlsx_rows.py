"""The comparison workbook's 比对 sheet: the two years' tables row by row."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from core.compare.comparison import Comparison
from core.export.compare_xlsx import write_compare_xlsx
from core.pipeline import load_report
from core.review.edits import CellEdit, ReportReview

COUNTY = Path(__file__).resolve().parents[2] / "fixtures" / "compare" / "county"


def label_rows(sheet, label: str) -> list[int]:
    return [c.row for line in sheet.iter_rows() for c in line if c.value == label]


def test_years_on_two_template_versions_have_their_tables_start_on_one_row(tmp_path):
    """2020 (2019 trial template, 表二 8 rows taller) beside 2021: 表三 and 表四 of each year started
    right under its own 表二, so that each row of one year shared its sheet row, and its height,
    with another row of the other: 2020's 「2.重复申请」 printed three lines tall beside 2021's
    「1.申请人无正当理由逾期不补正…」. Each table now starts on the row of the taller one."""
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(Comparison(load_report(COUNTY / "某某县人民政府办公室2020年报告.txt"),
                                  load_report(COUNTY / "某某县人民政府办公室2021年报告.txt")), target)
    sheet = openpyxl.load_workbook(target)["比对"]
    for label in ("三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "2.重复申请",
                  "四、政府信息公开行政复议、行政诉讼情况", "行政复议"):
        rows = set(label_rows(sheet, label))
        assert len(rows) == 1, (label, rows)  # both years' label on one row
    # a one-line label beside a one-line label: the row keeps its single line
    (duplicate,) = set(label_rows(sheet, "2.重复申请"))
    assert sheet.row_dimensions[duplicate].height is None
    # 2019's 表二 is the taller: 2021's 表三 title comes after 2019's last 表二 row and a blank one
    (procurement,) = label_rows(sheet, "政府集中采购")
    assert label_rows(sheet, "三、收到和处理政府信息公开申请情况") == [procurement + 2] * 2


def test_lists_centre_their_numbers_under_their_headings_and_wrap_their_text(tmp_path):
    """Printed without grid lines, 变化清单's numbers stood at their columns' right edges, the
    headings at their left edges: 上年's 3 under 本年, 本年's under 差值, 变化（%）'s -100 run into
    类型's 变为0; 跨年度问题's 期望值 under 实际值. The numbers and their headings are centred, the
    sentences (说明, 原句) wrap in their columns."""
    current = ReportReview(load_report(COUNTY / "某某县人民政府办公室2021年报告.txt"),
                           [CellEdit("section3.carried_over.natural", 2, 3)])  # breaks X-1
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(Comparison(load_report(COUNTY / "某某县人民政府办公室2020年报告.txt"), current), target)
    book = openpyxl.load_workbook(target)
    changes = book["变化清单"]
    assert [c.value for c in changes[1]] == ["单元格", "上年", "本年", "差值", "变化（%）", "类型"]
    licensing = next(line for line in changes.iter_rows(min_row=2)
                     if line[0].value == "表二「行政许可」×「本年处理决定数量」")
    assert [c.value for c in licensing[1:]] == [1036, 1100, 64, 6.18, "增加"]
    for row in (1, licensing[0].row):
        assert [changes.cell(row, c).alignment.horizontal for c in range(2, 7)] == ["center"] * 5
    findings = book["跨年度问题"]
    header = [c.value for c in findings[1]]
    assert findings.cell(2, 1).value == "X-1"
    for column in (header.index("期望值") + 1, header.index("实际值") + 1):
        assert [findings.cell(r, column).alignment.horizontal for r in (1, 2)] == ["center"] * 2
    assert findings.cell(2, header.index("说明") + 1).alignment.wrap_text
    prose = book["正文"]
    assert [prose.cell(r, 2).alignment.horizontal for r in (1, 2)] == ["center"] * 2
    assert prose.cell(2, 3).alignment.wrap_text and prose.cell(2, 5).alignment.wrap_text


def test_the_side_by_side_sheet_prints_a_table_a_page_as_wide_as_the_page(tmp_path):
    """ux69: each year's three tables were fitted on one A4 page (2020 beside 2021: 表二 8 rows
    taller), printed at about half size, 表三's numbers some 5 points high. Each year still starts
    a page of its own (two print ranges), now as the report sheets print: the page's width, 表三
    and 表四 each from a new page (the break falls in both years' rows alike), the year's line
    over each page."""
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(Comparison(load_report(COUNTY / "某某县人民政府办公室2020年报告.txt"),
                                  load_report(COUNTY / "某某县人民政府办公室2021年报告.txt")), target)
    sheet = openpyxl.load_workbook(target)["比对"]
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # the width, pages as needed
    assert len(str(sheet.print_area).split(",")) == 2  # a year a range: each starts a page
    (t3,) = set(label_rows(sheet, "三、收到和处理政府信息公开申请情况"))
    (t4,) = set(label_rows(sheet, "四、政府信息公开行政复议、行政诉讼情况"))
    assert [brk.id for brk in sheet.row_breaks.brk] == [t3 - 1, t4 - 1]  # each table's title tops a page
    assert sheet.print_title_rows == "$5:$5"
