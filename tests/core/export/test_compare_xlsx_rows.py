"""The comparison workbook's 比对 sheet: the two years' tables row by row."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from core.compare.comparison import Comparison
from core.export.compare_xlsx import write_compare_xlsx
from core.pipeline import load_report

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
