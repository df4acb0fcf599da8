"""Exports of reviewed reports (core/export/): xlsx, csv, json, Word, and the dispatcher."""
from __future__ import annotations

import csv
import re
from dataclasses import replace
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import docx
import openpyxl
import pytest

import core.review.edits as edits_module
from core.review.edits import CLEARED, CONFIRMED, DISMISSED, CellEdit, ReportReview, verdict_on
from core.export.common import row_label
from core.export.dispatch import export
from core.export.docx import SKIPPED_REASON
from core.export.xlsx import LINE_HEIGHT, sheet_name
from core.model import Finding, Flag, Report, SLASH, CellValue, Suggestion
from core.template import all_paths, tables
from tests.core.review.test_edits import make_report
from tests.core.printed import printed_pages

T0, T1, T2 = "2024-03-05T10:00:00+08:00", "2024-03-05T10:05:00+08:00", "2024-03-05T10:06:00+08:00"
# the same moments as an auditor in China reads them off the clock (the exports meant for people)
SHOWN_T0, SHOWN_T1, SHOWN_T2 = "2024-03-05 10:00:00", "2024-03-05 10:05:00", "2024-03-05 10:06:00"
GRANTED = "section3.granted.natural"
AGENCY_2021, AGENCY_2019 = "某某区人民政府办公室", "某某县人民政府"
SHEET_2021, SHEET_2019 = "某某区人民政府办公室2023年", "某某县人民政府2020年"

FINDINGS_2021 = [
    Finding("T4-1", "error", ["section4.review.total", "section4.review.maintained"],
            "行政复议：总计为1，各项之和为2", expected=2, actual=1,
            suggestion=Suggestion("section4.review.total", 2)),
    Finding("T2-2", "warning", ["section2.rules.issued"], "本年制发件数大于现行有效件数与废止件数之和"),
]


INFERRED_CELL = "section3.denied_third_party.total"
UNSURE_ROW = "section3.unable_not_held"
FLAGS_2021 = [Flag(INFERRED_CELL, "inferred", "未能从原文读出，按勾稽关系推定为0"),
              Flag(UNSURE_ROW, "parse", "「1.本机关不掌握相关政府信息」行印有6个数值，模板为7列，请对照原文核对")]
RED, LIGHT_RED, AMBER, GREEN, LIGHT_BLUE = "00F28B82", "00FDE0DC", "00FFD666", "00B7E1B0", "00CFE2FF"


def fake_check(report):
    """Fixed findings, so that the expected rows below do not depend on the real rules."""
    return list(FINDINGS_2021) if report.agency == AGENCY_2021 else []


@pytest.fixture(autouse=True)
def fixed_findings(monkeypatch):
    monkeypatch.setattr(edits_module, "_check", fake_check)


@pytest.fixture(autouse=True)
def china_clock(monkeypatch):
    """This computer's clock set to China time (the build machines run on UTC)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def reviews(tmp_path):
    """A 2021 report with 予以公开×自然人 corrected 8 → 3 and an undone edit of the fee; a 2019
    report, reviewed, with no edits and a "/" cell."""
    source_2021 = tmp_path / "报告" / "2023.txt"
    source_2019 = tmp_path / "报告" / "2020.txt"
    source_2021.parent.mkdir()
    source_2021.write_text("2023", encoding="utf-8")
    source_2019.write_text("2020", encoding="utf-8")
    report_2021 = make_report(file=str(source_2021))
    report_2021.flags = list(FLAGS_2021)
    first = ReportReview(report_2021)
    first.apply(CellEdit(GRANTED, 8, 3, "核对原文", T0))
    fee = CellEdit("section2.fees.amount", 12.5, 125000, "", T1)
    first.apply(fee)
    first.apply(CellEdit("section2.fees.amount", 125000, 12.5, "撤销", T2, undo=True))
    second_report = make_report(file=str(source_2019), agency=AGENCY_2019, year=2020,
                                template="2019", values={"section2.licensing.change": -417})
    second_report.cells["section2.procurement.amount"] = CellValue(None, SLASH, "/")
    second = ReportReview(second_report, reviewed=True)
    return [first, second]


# --- xlsx -----------------------------------------------------------------------------------

@pytest.fixture
def workbook(reviews, tmp_path):
    target = tmp_path / "导出" / "审核结果.xlsx"
    assert export(reviews, target).paths == [target]
    return openpyxl.load_workbook(target)


def find_row(sheet, column: int, label: str) -> int:
    rows = [c.row for c in sheet[openpyxl.utils.get_column_letter(column)] if c.value == label]
    assert len(rows) == 1, (label, rows)
    return rows[0]


def merged_range(sheet, label: str):
    """The merged range whose top-left cell holds ``label`` (exactly one)."""
    found = [r for r in sheet.merged_cells.ranges if sheet.cell(r.min_row, r.min_col).value == label]
    assert len(found) == 1, (label, found)
    return found[0].bounds  # (min_col, min_row, max_col, max_row)


def test_xlsx_a_correction_without_a_note_has_no_empty_note_in_its_comment(tmp_path):
    """「备注：」 with nothing after it read as if a note had been lost."""
    review = ReportReview(make_report(file=str(tmp_path / "2023.txt")))
    review.apply(CellEdit(GRANTED, 8, 3, "", T0))
    target = tmp_path / "审核结果.xlsx"
    assert export([review], target).paths == [target]
    sheet = openpyxl.load_workbook(target)[SHEET_2021]
    cell = sheet.cell(find_row(sheet, 2, "（一）予以公开"), 4)
    assert cell.comment.text == f"原值：8；修改时间：{SHOWN_T0}"


def test_xlsx_sheets(workbook):
    assert workbook.sheetnames == ["汇总", "问题清单", "修改记录", SHEET_2021, SHEET_2019]


def test_xlsx_corrected_cell_has_value_colour_and_comment(workbook):
    sheet = workbook[SHEET_2021]
    cell = sheet.cell(find_row(sheet, 2, "（一）予以公开"), 4)  # column D = 自然人
    assert cell.value == 3
    assert cell.comment.text == f"原值：8；修改时间：{SHOWN_T0}；备注：核对原文"
    assert cell.fill.fgColor.rgb == GREEN  # as the window shows corrected cells
    total = sheet.cell(cell.row, 10)  # J = 总计, not corrected
    assert total.value == 3 and total.comment is None
    # the fee was changed and changed back: not corrected, no comment, still a number
    fee = sheet.cell(find_row(sheet, 1, "行政事业性收费"), 2)
    assert fee.value == 12.5 and fee.data_type == "n" and fee.comment is None


def test_xlsx_finding_colours(workbook):
    sheet = workbook[SHEET_2021]
    # T4 values are on the row under the header rows; 行政复议 总计 is column E
    values_row = merged_range(sheet, "行政复议")[1] + 3
    assert sheet.cell(values_row, 5).value == 1
    # the window's colours: the cell the suggestion names is red, the other cell of the sum
    # light red, a warning's cell amber
    assert sheet.cell(values_row, 5).fill.fgColor.rgb == RED
    assert sheet.cell(values_row, 1).fill.fgColor.rgb == LIGHT_RED  # 结果维持 named too
    assert sheet.cell(values_row, 2).fill.fill_type is None
    rules = sheet.cell(find_row(sheet, 1, "规章"), 2)
    assert rules.value == 1 and rules.fill.fgColor.rgb == AMBER


def legend(sheet) -> dict:
    """Legend text -> fill colour, read off row 3 of a report sheet."""
    assert sheet["A3"].value == "图例："
    return {c.value: c.fill.fgColor.rgb for c in sheet[3][1:] if c.value}


def test_xlsx_legend_shows_the_colours_the_cells_use(workbook):
    sheet = workbook[SHEET_2021]
    colours = legend(sheet)
    assert colours == {"错误：建议修改的单元格": RED, "错误：参与出错算式": LIGHT_RED, "警告": AMBER,
                       "已修正（批注中有原值）": GREEN, "存疑／推定（批注中有说明）": LIGHT_BLUE}
    assert "蓝色" not in "".join(colours)
    value_cells = [c for line in sheet.iter_rows(min_row=5) for c in line
                   if isinstance(c.value, (int, float)) and c.fill.fill_type == "solid"]
    used = {c.fill.fgColor.rgb for c in value_cells}
    assert used == set(colours.values())  # this report shows every state, and only these
    assert legend(workbook[SHEET_2019]) == colours


def test_xlsx_doubtful_cells_have_their_fill_and_a_comment(workbook):
    sheet = workbook[SHEET_2021]
    third_party = find_row(sheet, 3, "4.保护第三方合法权益")
    inferred = sheet.cell(third_party, 10)  # J = 总计
    assert inferred.fill.fgColor.rgb == LIGHT_BLUE
    assert inferred.comment.text == "推定：未能从原文读出，按勾稽关系推定为0"
    assert sheet.cell(third_party, 4).fill.fill_type is None and sheet.cell(third_party, 4).comment is None
    not_held = find_row(sheet, 3, "1.本机关不掌握相关政府信息")
    for column in range(4, 11):  # the flag is on the row: all seven cells
        cell = sheet.cell(not_held, column)
        assert cell.fill.fgColor.rgb == LIGHT_BLUE
        assert cell.comment.text == "存疑：「1.本机关不掌握相关政府信息」行印有6个数值，模板为7列，请对照原文核对"


def test_xlsx_report_of_unknown_severity_reads_as_a_doubt(reviews, tmp_path, monkeypatch):
    odd = Finding("R-9", "reading", ["section2.licensing.decisions"], "原文此处字迹模糊")
    monkeypatch.setattr(edits_module, "_check", lambda report: [odd])
    target = tmp_path / "结果.xlsx"
    export(reviews[:1], target)
    book = openpyxl.load_workbook(target)
    sheet = book[SHEET_2021]
    licensing = sheet.cell(find_row(sheet, 1, "行政许可"), 2)
    assert licensing.fill.fgColor.rgb == LIGHT_BLUE
    assert list(book["汇总"].values)[1][4:7] == (0, 0, 3)  # two flags and the finding
    assert list(book["问题清单"].values)[1][3:5] == ("R-9", "存疑")


def test_xlsx_unreadable_file_is_a_summary_row_not_a_sheet(reviews, tmp_path):
    empty = tmp_path / "empty政府信息公开工作年度报告.txt"
    empty.write_text("", encoding="utf-8")
    unreadable = ReportReview(Report(file=str(empty), format="txt", problems=["文件为空"]))
    target = tmp_path / "结果.xlsx"
    export([unreadable, reviews[0]], target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["汇总", "问题清单", "修改记录", SHEET_2021]
    summary = list(book["汇总"].values)
    assert summary[1] == (str(empty), None, None, None, None, None, None, None, "无法读取", "文件为空", None)
    assert book["汇总"]["A2"].hyperlink is None and book["汇总"]["K2"].hyperlink is None  # no sheet to open
    assert summary[2][0] == reviews[0].report.file


def test_xlsx_keeps_the_auditors_mark_on_a_file_that_is_not_a_report(tmp_path, monkeypatch):
    """A text that is not an annual report is reported as a damaged file is: its problem, no
    finding (it had a D-2 错误 naming all six sections, a damaged .docx none). The auditor marks
    it 已审核 and Excel keeps the mark."""
    from core.pipeline import load_report

    monkeypatch.undo()  # the real rules
    prose = tmp_path / "无表格.txt"
    prose.write_text("某市人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n本年度我市扎实推进政务公开工作。\n",
                     encoding="utf-8")
    review = ReportReview(load_report(prose))
    assert review.findings() == []
    review.reviewed = True
    target = tmp_path / "结果.xlsx"
    export([review], target)
    book = openpyxl.load_workbook(target)
    summary = list(book["汇总"].values)[1]
    assert summary[0] == str(prose) and summary[8:10] == ("无法读取✓", "不是政府信息公开工作年度报告（未找到报告的章节和统计表）")
    assert len(list(book["问题清单"].values)) == 1  # the header alone


def test_a_file_without_a_report_reads_the_same_whatever_its_format(tmp_path, monkeypatch):
    """A truncated .docx cannot be opened; a note saved as .doc is read and holds no report. Both
    have their problem and no finding, and the same 状态 in the window's rule as in Excel's."""
    from core.pipeline import load_report

    monkeypatch.undo()  # the real rules
    whole = (Path(__file__).resolve().parents[2] / "fixtures" / "consistent-2021.docx").read_bytes()
    truncated, foreign = tmp_path / "截断.docx", tmp_path / "改名.doc"
    truncated.write_bytes(whole[:len(whole) // 2])
    foreign.write_text("会议通知：请各科室于周五下午三点到三楼会议室开会。\n", encoding="utf-8")
    reviews = [ReportReview(load_report(path)) for path in (truncated, foreign)]
    for review in reviews:
        assert review.report.problems and review.findings() == []
        assert review.status_text == "无法读取"
    target = tmp_path / "结果.xlsx"
    export(reviews, target)
    summary = list(openpyxl.load_workbook(target)["汇总"].values)[1:]
    assert [(row[0], row[4], row[8]) for row in summary] == [(str(truncated), None, "无法读取"),
                                                             (str(foreign), None, "无法读取")]


def test_the_blank_template_is_listed_as_no_report_with_its_reason(tmp_path, monkeypatch):
    """The official blank template in an auditor's folder: its three tables are found and hold
    nothing. It is listed as a file that is not a report is, 无法读取 with its reason, no finding,
    no sheet of data, no Word file (it was exported as 「2021-official-template政府信息公开工作年度报告.docx」
    with a D-4 warning). A report of an agency with nothing to count prints its 0s and stays one."""
    from core.export.report_json import report_json
    from core.pipeline import load_report

    monkeypatch.undo()  # the real rules
    template = Path(__file__).resolve().parents[3] / "resources" / "2021-official-template.docx"
    review = ReportReview(load_report(template))
    assert len(review.report.tables) == 3  # the tables are read: they hold nothing
    assert review.findings() == [] and review.status_text == "无法读取"
    reason = "空白模板（找到三张统计表，但没有填写任何数字）"
    assert report_json(review.report)["problems"] == [reason]  # the CLI's extract says why too
    csv_path = tmp_path / "结果.csv"
    export([review], csv_path)
    status = next(csv.DictReader(csv_path.read_text(encoding="utf-8-sig").splitlines()))["状态"]
    assert status == "无法读取：" + reason and status.count("：") == 1  # one colon, not 无法读取：空白模板：
    zeros = ReportReview(load_report(Path(__file__).resolve().parents[3] / "resources" / "samples"
                                     / "000_f621d1f2d2e52411.txt"))  # all zeros: a report
    assert zeros.status_text == "未审核"
    book_path = tmp_path / "结果.xlsx"
    export([review, zeros], book_path)
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["汇总", "问题清单", "修改记录", "顺河回族区政务服务和大数据管理局2023年"]  # the zeros alone
    summary = list(book["汇总"].values)
    assert summary[1] == (str(template), None, None, None, None, None, None, None, "无法读取", reason, None)
    assert len(list(book["问题清单"].values)) == 1  # the header alone
    words = tmp_path / "word"
    export([review, zeros], words)
    written = sorted(path.name for path in words.iterdir())
    assert len(written) == 2 and not any("template" in name for name in written)
    assert f"{template}：{reason}，不是报告。" in (words / "未导出Word的报告说明.txt").read_text(encoding="utf-8-sig")


def test_xlsx_prints_on_a4_landscape(workbook):
    report = workbook[SHEET_2021]
    assert int(report.page_setup.paperSize) == 9  # A4
    assert report.page_setup.orientation == "landscape"
    assert report.sheet_properties.pageSetUpPr.fitToPage
    assert (report.page_setup.fitToWidth, report.page_setup.fitToHeight) == (1, 0)  # page width, a table a page
    assert report.print_title_rows == "$1:$3"
    assert len(report.row_breaks.brk) == 2  # before 表三 and 表四
    for name in ("汇总", "问题清单", "修改记录"):
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # page width
        assert sheet.print_title_rows == "$1:$1"


def test_xlsx_long_labels_get_rows_tall_enough(workbook):
    """（六）'s labels wrap in column C: their rows are two lines tall, the short ones not set."""
    sheet = workbook[SHEET_2021]
    long_row = find_row(sheet, 3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    assert sheet.row_dimensions[long_row].height >= 2 * 14
    assert sheet.row_dimensions[find_row(sheet, 3, "3.其他")].height is None


def test_xlsx_t3_merged_headers_like_the_official_template(workbook):
    sheet = workbook[SHEET_2021]
    top = merged_range(sheet, "申请人情况")[1]
    assert merged_range(sheet, "申请人情况") == (4, top, 10, top)  # D:J, the 7 value columns
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert merged_range(sheet, note) == (1, top, 3, top + 2)
    assert merged_range(sheet, "自然人") == (4, top + 1, 4, top + 2)
    assert merged_range(sheet, "法人或其他组织") == (5, top + 1, 9, top + 1)
    assert (10, top + 1, 10, top + 2) in [r.bounds for r in sheet.merged_cells.ranges]  # 总计
    assert sheet.cell(top + 1, 10).value == "总计"
    assert [sheet.cell(top + 2, c).value for c in range(5, 10)] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    first = top + 3  # 一、本年新收… spans A:C
    assert merged_range(sheet, "一、本年新收政府信息公开申请数量") == (1, first, 3, first)
    # 三、本年度办理结果: （一）（二）, 8 + 3 + 5 + 3 sub-rows, （七）总计 = 22 rows
    assert merged_range(sheet, "三、本年度办理结果") == (1, first + 2, 1, first + 23)
    assert merged_range(sheet, "（一）予以公开") == (2, first + 2, 3, first + 2)
    assert merged_range(sheet, "（三）不予公开") == (2, first + 4, 2, first + 11)
    assert merged_range(sheet, "（四）无法提供") == (2, first + 12, 2, first + 14)
    assert merged_range(sheet, "（五）不予处理") == (2, first + 15, 2, first + 19)
    assert merged_range(sheet, "（六）其他处理") == (2, first + 20, 2, first + 22)
    assert sheet.cell(first + 4, 3).value == "1.属于国家秘密"
    assert merged_range(sheet, "（七）总计") == (2, first + 23, 3, first + 23)
    assert merged_range(sheet, "四、结转下年度继续办理") == (1, first + 24, 3, first + 24)


def test_xlsx_2019_t3_has_a_single_other_processing_row(workbook):
    sheet = workbook[SHEET_2019]
    first = merged_range(sheet, "申请人情况")[1] + 3
    assert merged_range(sheet, "三、本年度办理结果") == (1, first + 2, 1, first + 21)  # 20 rows
    assert merged_range(sheet, "（六）其他处理") == (2, first + 20, 3, first + 20)


def test_xlsx_t4_and_t2_headers(workbook):
    sheet = workbook[SHEET_2021]
    top = merged_range(sheet, "行政复议")[1]
    assert merged_range(sheet, "行政复议") == (1, top, 5, top)
    assert merged_range(sheet, "行政诉讼") == (6, top, 15, top)
    assert merged_range(sheet, "未经复议直接起诉") == (6, top + 1, 10, top + 1)
    assert merged_range(sheet, "复议后起诉") == (11, top + 1, 15, top + 1)
    assert [sheet.cell(top + 1, c).value for c in range(1, 6)] == [
        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert (1, top + 1, 1, top + 2) in [r.bounds for r in sheet.merged_cells.ranges]
    assert [sheet.cell(top + 3, c).value for c in range(1, 16)] == [1, 0, 0, 0, 1, 0, 0, 0, 2, 2,
                                                                    0, 0, 0, 0, 0]
    block = merged_range(sheet, "第二十条第（五）项")
    assert block[0] == 1 and block[2] == 4
    assert sheet.cell(block[1] + 1, 1).value == "信息内容"
    assert sheet.cell(block[1] + 1, 2).value == "本年处理决定数量"
    assert sheet.cell(block[1] + 2, 1).value == "行政许可" and sheet.cell(block[1] + 2, 2).value == 120


def test_xlsx_2019_values(workbook):
    sheet = workbook[SHEET_2019]
    licensing = find_row(sheet, 1, "行政许可")
    assert [sheet.cell(licensing, c).value for c in (2, 3, 4)] == [0, -417, 0]
    assert sheet.cell(find_row(sheet, 1, "政府集中采购"), 3).value == "/"


def test_xlsx_lists_centre_their_narrow_columns_under_their_headings(workbook):
    """Printed without grid lines, 汇总 read "2021 2021版" and "0 已修改": the year and the counts
    at their column's right edge against the next column's words, under headings at the left.
    The narrow columns are centred, heading and values alike; the wide ones stay at the left."""
    summary = workbook["汇总"]
    for column in "CDEFGHI":  # 年度 模板 错误 警告 存疑 已处理 状态
        assert {summary[f"{column}{row}"].alignment.horizontal for row in (1, 2, 3)} == {"center"}, column
    assert summary["A2"].alignment.horizontal in (None, "general", "left")  # 文件
    changes = workbook["修改记录"]
    assert changes["E1"].value == "原值" and changes["E1"].alignment.horizontal == "center"
    assert changes["E2"].alignment.horizontal == "center"


def test_xlsx_summary_problems_and_changes(workbook, reviews):
    file_2021, file_2019 = reviews[0].report.file, reviews[1].report.file
    summary = list(workbook["汇总"].values)
    assert summary == [
        ("文件", "单位", "年度", "模板", "错误", "警告", "存疑", "已处理", "状态", "说明", "表格"),
        (file_2021, AGENCY_2021, 2023, "2021版", 1, 1, 2, 0, "已修改", None, "查看"),  # as the window names them
        (file_2019, AGENCY_2019, 2020, "2019版", 0, 0, 0, 0, "已审核", None, "查看"),
    ]
    # the link on a short cell: LibreOffice prints a linked cell unwrapped, the path cut short
    assert workbook["汇总"]["K2"].hyperlink.location == f"'{SHEET_2021}'!A1"
    assert workbook["汇总"]["A2"].hyperlink is None and workbook["汇总"]["A2"].alignment.wrap_text
    problems = list(workbook["问题清单"].values)
    assert problems[0][:10] == ("文件", "单位", "年度", "规则", "级别", "单元格", "说明", "期望值",
                                "实际值", "建议值")
    # 问题清单 and 修改记录 name the file under the folder holding the reports (the whole path
    # is the cell's comment); 汇总 keeps the whole path
    name_2021 = Path(file_2021).name
    assert workbook["问题清单"]["A2"].comment.text == f"完整路径：{file_2021}"
    assert workbook["修改记录"]["A2"].comment.text == f"完整路径：{file_2021}"
    assert problems[1][:11] == (name_2021, AGENCY_2021, 2023, "T4-1", "错误",
                           "表四「行政复议」×「总计」、表四「行政复议」×「结果维持」",
                           "行政复议：总计为1，各项之和为2", 2, 1, 2, "表四「行政复议」×「总计」")
    assert problems[2][3:7] == ("T2-2", "警告", "表二「规章」×「本年制发件数」",
                                "本年制发件数大于现行有效件数与废止件数之和")
    assert problems[2][7:10] == (None, None, None)
    assert [row[3:7] for row in problems[3:]] == [
        ("推定值", "存疑", "表三「4.保护第三方合法权益」×「总计」", "未能从原文读出，按勾稽关系推定为0"),
        ("解析不确定", "存疑", "表三「1.本机关不掌握相关政府信息」",
         "「1.本机关不掌握相关政府信息」行印有6个数值，模板为7列，请对照原文核对")]
    assert len(problems) == 5
    changes = list(workbook["修改记录"].values)
    assert changes == [
        ("文件", "单位", "年度", "单元格", "原值", "修正值", "时间", "备注"),
        (name_2021, AGENCY_2021, 2023, "表三「（一）予以公开」×「自然人」", 8, 3, SHOWN_T0, "核对原文"),
        (name_2021, AGENCY_2021, 2023, "表二「行政事业性收费」×「本年收费金额（单位：万元）」",
         12.5, 125000, SHOWN_T1, None),
        (name_2021, AGENCY_2021, 2023, "表二「行政事业性收费」×「本年收费金额（单位：万元）」",
         125000, 12.5, SHOWN_T2, "撤销"),
    ]
    # each 修正值 links to its cell on the report's sheet, which shows the value the trail ends at
    sheet = workbook[SHEET_2021]
    for row, shown in ((2, 3), (3, 12.5), (4, 12.5)):
        link = workbook["修改记录"].cell(row, 6).hyperlink.location
        assert link.startswith(f"'{SHEET_2021}'!")
        assert sheet[link.split("!")[1]].value == shown
    natural = sheet[workbook["修改记录"]["F2"].hyperlink.location.split("!")[1]]
    assert "（一）予以公开" in [sheet.cell(natural.row, c).value for c in range(1, natural.column)]


def test_sheet_names_are_valid_and_unique():
    used = {"汇总"}
    assert sheet_name("汇总", used) == "汇总（2）"
    long = "某某省某某市某某区人民政府办公室关于[2023]年度的政府信息公开工作年度报告"
    first = sheet_name(long, used)
    second = sheet_name(long, used)
    assert len(first) == 31 and len(second) == 31
    assert first != second and second.endswith("（2）")
    assert first.endswith("…") and second.endswith("…（2）")  # cut: the auditor is told
    assert not set("[]:*?/\\") & set(first + second)
    assert sheet_name("a/b:c", used) == "a_b_c"


# --- csv ------------------------------------------------------------------------------------

def test_csv_long_form(reviews, tmp_path):
    target = tmp_path / "审核结果.csv"
    export(reviews, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["文件", "单位", "年度", "表", "行", "列", "原值", "修正值", "状态", "审核意见", "意见说明",
                             "未处理问题", "同年度副本", "副本说明"]
    assert len(rows) == 200 + 198  # 2021: 10 + 25×7 + 15 cells; 2019: 22 + 23×7 + 15
    granted = [r for r in rows if r["单位"] == AGENCY_2021 and r["行"] == "（一）予以公开"
               and r["列"] == "自然人"]
    assert granted == [{"文件": reviews[0].report.file, "单位": AGENCY_2021, "年度": "2023",
                        "表": "三、收到和处理政府信息公开申请情况", "行": "（一）予以公开",
                        "列": "自然人", "原值": "8", "修正值": "3", "状态": "已修正", "审核意见": "", "意见说明": "",
                        "未处理问题": "", "同年度副本": "", "副本说明": ""}]
    secret = [r for r in rows if r["单位"] == AGENCY_2021 and r["列"] == "总计"
              and r["行"] == "（三）不予公开·1.属于国家秘密"]
    assert [(r["原值"], r["修正值"], r["状态"]) for r in secret] == [("0", "0", "原值")]
    fee = [r for r in rows if r["单位"] == AGENCY_2021 and r["行"] == "行政事业性收费"]
    assert [(r["原值"], r["修正值"], r["状态"]) for r in fee] == [("12.5", "12.5", "原值")]
    review_total = [r for r in rows if r["单位"] == AGENCY_2021 and r["行"] == "行政复议"
                    and r["列"] == "总计"]
    assert review_total[0]["表"] == "四、政府信息公开行政复议、行政诉讼情况"
    assert sum(r["状态"] == "已修正" for r in rows) == 1
    states = {(r["行"], r["列"]): r["状态"] for r in rows if r["单位"] == AGENCY_2021}
    assert states[("（三）不予公开·4.保护第三方合法权益", "总计")] == "推定"
    assert states[("（三）不予公开·4.保护第三方合法权益", "自然人")] == "原值"
    not_held = [v for (row, _), v in states.items() if row == "（四）无法提供·1.本机关不掌握相关政府信息"]
    assert not_held == ["存疑"] * 7
    assert sum(v in ("推定", "存疑") for v in states.values()) == 8


def test_row_labels_name_the_group_where_needed():
    t3, t4 = tables("2021")["section3"], tables("2021")["section4"]
    assert row_label("section3", t3.row("unable_unclear")) == "（四）无法提供·3.补正后申请内容仍不明确"
    assert row_label("section3", t3.row("granted")) == "（一）予以公开"
    assert row_label("section4", t4.row("litigation_after_review")) == "行政诉讼·复议后起诉"


# --- json -----------------------------------------------------------------------------------

def test_edit_times_read_as_local_time_for_people_and_iso_in_json(tmp_path):
    """An edit saved on a clock at UTC (17:24 on 1 December) is 01:24 on 2 December in China: the
    修改记录 sheet and the cell's comment say so, as an auditor reads a clock; JSON keeps the stamp."""
    stamp = "2026-12-01T17:24:27+00:00"
    review = ReportReview(make_report(file=str(tmp_path / "2023.txt")))
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文", stamp))
    xlsx, as_json = tmp_path / "审核结果.xlsx", tmp_path / "审核结果.json"
    export([review], xlsx)
    export([review], as_json)
    book = openpyxl.load_workbook(xlsx)
    assert list(book["修改记录"].values)[1][6] == "2026-12-02 01:24:27"
    sheet = book[SHEET_2021]
    comment = sheet.cell(find_row(sheet, 2, "（一）予以公开"), 4).comment.text
    assert comment == "原值：8；修改时间：2026-12-02 01:24:27；备注：核对原文"
    assert json.loads(as_json.read_text(encoding="utf-8"))[0]["corrections"][0]["time"] == stamp


def test_json_array_with_corrections(reviews, tmp_path):
    target = tmp_path / "审核结果.json"
    export(reviews, target)
    assert "某某区" in target.read_text(encoding="utf-8")  # not \u-escaped
    data = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == 2
    first, second = data
    assert first["agency"] == AGENCY_2021 and first["template"] == "2021"
    assert first["section3"]["granted"]["natural"] == 3
    assert first["section2"]["fees"]["amount"] == 12.5
    assert first["corrections"] == [{"cell": GRANTED, "old": 8, "new": 3, "note": "核对原文", "time": T0}]
    assert [f["rule"] for f in first["findings"]] == ["T4-1", "T2-2"]
    assert first["findings"][0]["suggestion"] == {"cell": "section4.review.total", "value": 2}
    assert first["status"] == "已修改"
    assert second["corrections"] == [] and second["status"] == "已审核"
    assert second["section2"]["licensing"]["change"] == -417
    assert second["section2"]["procurement"]["amount"] is None


# --- Word -----------------------------------------------------------------------------------

def test_word_files_hold_the_corrected_values(reviews, tmp_path):
    folder = tmp_path / "Word导出"
    written = export(reviews, str(folder) + "/")
    word = folder / f"{SHEET_2021}政府信息公开工作年度报告.docx"
    note = folder / "未导出Word的报告说明.txt"
    # the reports' files, the note and the report left out (the 2019 format) and why, each apart
    assert written.files == (word,) and written.note == note and written.paths == [word, note]
    assert written.left_out == ((reviews[1].report.file, SKIPPED_REASON),)
    document = docx.Document(str(word))
    t2, t3, t4 = document.tables
    # Grid positions read off the official template by hand (merged cells repeat in python-docx).
    assert t3.rows[5].cells[2].text == "（一）予以公开" and t3.rows[5].cells[3].text == "3"
    assert t3.rows[3].cells[3].text == "5" and t3.rows[3].cells[9].text == "5"  # 一、本年新收
    assert t3.rows[5].cells[9].text == "3"
    assert t3.rows[27].cells[3].text == "0"  # 四、结转下年度
    assert t4.rows[3].cells[4].text == "1"  # 行政复议 总计
    assert t4.rows[3].cells[9].text == "2"  # 未经复议直接起诉 总计
    assert t4.rows[3].cells[14].text == "0"  # 复议后起诉 总计
    assert t2.rows[6].cells[0].text == "行政许可" and t2.rows[6].cells[1].text == "120"
    assert t2.rows[3].cells[3].text == "37"  # 行政规范性文件 现行有效件数
    assert t2.rows[13].cells[1].text == "12.5"  # 行政事业性收费（万元）
    assert any(p.text == f"{SHEET_2021}政府信息公开工作年度报告" for p in document.paragraphs)
    assert "2019年试行模板" in note.read_text(encoding="utf-8-sig")
    assert reviews[1].report.file in note.read_text(encoding="utf-8-sig")


def test_word_export_never_overwrites(reviews, tmp_path):
    folder = tmp_path / "报告"  # the reports' own folder
    existing = folder / f"{SHEET_2021}政府信息公开工作年度报告.docx"
    existing.write_bytes(b"source report")
    written = export(reviews[:1], folder)
    assert written.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告（2）.docx"]
    assert existing.read_bytes() == b"source report"
    again = export(reviews[:1], folder)
    assert again.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告（3）.docx"]


def test_a_word_file_appears_under_its_name_only_once_written_whole(reviews, tmp_path, monkeypatch):
    """kill -9 (or a power cut) during a Word export left an empty 「…年度报告.docx」 under the
    report's own name, which Word cannot open, and the next export wrote 「…(2).docx」 beside it.
    While a file is written, no file of the folder bears a report's name."""
    folder = tmp_path / "Word导出"
    seen_while_writing = []
    save = docx.document.Document.save

    def spying_save(document, path):
        seen_while_writing.append(sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")))
        save(document, path)

    monkeypatch.setattr(docx.document.Document, "save", spying_save)
    written = export(reviews[:1], folder)
    assert seen_while_writing == [[]]
    assert written.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告.docx"]
    assert docx.Document(str(written.files[0])).tables
    assert sorted(p.name for p in folder.iterdir()) == [written.files[0].name]  # no temporary file left
    # the name taken, the next export still goes beside it
    again = export(reviews[:1], folder)
    assert again.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告（2）.docx"]


def test_word_export_onto_a_drive_without_hard_links(reviews, tmp_path, monkeypatch):
    # FAT and some network shares refuse hard links: the name is then claimed first, as before
    def refuse(*_args):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    folder = tmp_path / "U盘"
    first, second = export(reviews[:1], folder), export(reviews[:1], folder)
    assert first.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告.docx"]
    assert second.paths == [folder / f"{SHEET_2021}政府信息公开工作年度报告（2）.docx"]
    assert all(docx.Document(str(p)).tables for p in first.paths + second.paths)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in first.paths + second.paths)


# --- the dispatcher -------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json", ".XLSX"])
def test_refuses_to_write_onto_a_source_file(tmp_path, suffix):
    source = tmp_path / f"报告{suffix}"
    source.write_bytes(b"original")
    review = ReportReview(make_report(file=str(source)))
    with pytest.raises(ValueError, match="原始报告文件"):
        export([review], source)
    with pytest.raises(ValueError, match="原始报告文件"):
        export([review], tmp_path / "." / f"报告{suffix}")
    assert source.read_bytes() == b"original"


def test_refuses_unknown_formats(reviews, tmp_path):
    with pytest.raises(ValueError, match="不支持的导出格式"):
        export(reviews, tmp_path / "结果.pdf")


def test_export_overwrites_an_earlier_export_without_leftovers(reviews, tmp_path):
    target = tmp_path / "结果.json"
    target.write_text("old", encoding="utf-8")
    export(reviews, target)
    assert json.loads(target.read_text(encoding="utf-8"))[0]["agency"] == AGENCY_2021
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告", "结果.json"]


def test_word_export_reads_back_through_the_parser(tmp_path, monkeypatch):
    """A real sample, one cell corrected, exported to Word and parsed again: every cell agrees."""
    pipeline = pytest.importorskip("core.pipeline")
    monkeypatch.undo()  # the real rules
    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "000_f621d1f2d2e52411.txt"
    review = ReportReview(pipeline.load_report(sample))
    assert review.report.template == "2021"
    review.apply(CellEdit(GRANTED, review.value(GRANTED), 1234, "测试"))
    [word] = export([review], tmp_path / "out").paths
    back = pipeline.load_report(word)
    assert back.agency == review.report.agency and back.year == review.report.year
    assert back.value(GRANTED) == 1234
    assert {p: back.value(p) for p in all_paths("2021")} == {p: review.value(p) for p in all_paths("2021")}


def word_paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_word_export_carries_the_reports_title_period_and_prose(tmp_path, monkeypatch):
    """The report's own words replace the template's title and its （文字描述） placeholders."""
    pipeline = pytest.importorskip("core.pipeline")
    monkeypatch.undo()  # the real rules
    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "001_2b6e7661ff84f527.txt"
    [word] = export([ReportReview(pipeline.load_report(sample))], tmp_path / "out").paths
    paragraphs = word_paragraphs(word)
    assert paragraphs[0] == "南通市崇川区人民政府办公室2023年政府信息公开工作年度报告"
    assert paragraphs[1].endswith("所列数据的统计期限从2023年1月1日起到2023年12月31日止。")
    assert not [p for p in paragraphs if "文字描述" in p or "格式模板" in p]
    general = paragraphs.index("一、总体情况")
    assert paragraphs[general + 1].startswith("2023年,区政府办公室紧紧围绕区委、区政府中心工作")
    assert paragraphs[general + 2].startswith("(一)主动公开情况。")
    problems = paragraphs.index("五、存在的主要问题及改进情况")
    assert paragraphs[problems + 1].startswith("主要问题:对照上级要求和发展需要")
    assert paragraphs[problems + 2].startswith("改进措施:一是继续做好主动公开。")
    assert paragraphs[-2:] == ["六、其他需要报告的事项", "本年度政府信息公开事项未收取任何费用。"]


def test_word_export_joins_a_pdfs_broken_lines_and_two_line_title(tmp_path, monkeypatch):
    pipeline = pytest.importorskip("core.pipeline")
    monkeypatch.undo()
    pdf = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "huaian-2024.pdf"
    [word] = export([ReportReview(pipeline.load_report(pdf))], tmp_path / "out").paths
    paragraphs = word_paragraphs(word)
    assert paragraphs[0] == "淮安市人民政府2024年政府信息公开工作年度报告"  # printed over two lines
    assert "报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。" in paragraphs[1]
    general = paragraphs.index("一、总体情况")
    # the PDF breaks "为\n指导" inside a sentence: one paragraph again
    assert "中国特色社会主义思想为指导，" in paragraphs[general + 1]
    assert paragraphs[general + 2].startswith("（一）主动公开情况。")
    assert paragraphs[-1].endswith("全年收取政府信息公开信息处理费 3940 元。")


def test_word_export_without_prose_says_so(reviews, tmp_path):
    [word, _note] = export(reviews, tmp_path / "out").paths
    paragraphs = word_paragraphs(word)
    assert paragraphs[0] == f"{SHEET_2021}政府信息公开工作年度报告"  # no title printed: 单位+年度
    assert paragraphs.count("（原报告中未找到本部分的文字）") == 3


def test_word_export_lists_an_unreadable_file_in_the_note(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")
    unreadable = ReportReview(Report(file=str(empty), format="txt", problems=["文件为空"]))
    [note] = export([unreadable], tmp_path / "out").paths
    assert "未能读出报告的统计表（文件为空）" in note.read_text(encoding="utf-8-sig")
    # named once: the file's name was repeated in brackets where a report's 单位+年度 goes
    assert f"{empty}：未能读出报告的统计表" in note.read_text(encoding="utf-8-sig")


def test_csv_state_of_a_cell_named_by_a_finding_of_unknown_severity(reviews, tmp_path, monkeypatch):
    odd = Finding("R-9", "reading", ["section2.licensing.decisions"], "原文此处字迹模糊")
    monkeypatch.setattr(edits_module, "_check", lambda report: [odd])
    target = tmp_path / "结果.csv"
    export(reviews[:1], target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["状态"] for r in rows if r["行"] == "行政许可"] == ["存疑"]


# --- printed, as LibreOffice Calc prints it -------------------------------------------------

def test_xlsx_printed_each_table_of_a_report_on_a_page_of_its_own(reviews, tmp_path):
    """A report's sheet printed on one page, its three tables shrunk to fit it (表三's labels in
    6-point letters); each table now has a page, the title, file and legend over it, as wide as
    表四's fifteen columns, and the pages are numbered."""
    target = tmp_path / "审核结果.xlsx"
    export(reviews, target)
    pages = printed_pages(target, tmp_path)
    tables = (("二、主动公开政府信息情况",), ("三、收到和处理政府信息公开申请情况", "（七）总计", "四、结转下年度继续办理"),
              ("四、政府信息公开行政复议、行政诉讼情况", "复议后起诉"))
    for agency in (AGENCY_2021, AGENCY_2019):
        titled = [p for p in pages if f"{agency}" in p and "政府信息公开工作年度报告" in p and "图例" in p]
        assert len(titled) == 3
        for page, headings, others in zip(titled, tables, (tables[1] + tables[2], tables[0] + tables[2],
                                                          tables[0] + tables[1])):
            assert all(heading in page for heading in headings)
            assert not any(other in page for other in others if other not in headings)
            assert re.search(r"第 \d+ 页，共 \d+ 页", page)
    # 汇总, 问题清单 and 修改记录 are one page each here: every column fits the page width
    assert len(pages) == 3 + 2 * 3


def test_word_title_of_a_web_page_skips_the_page_title_and_breadcrumb(tmp_path, monkeypatch):
    pipeline = pytest.importorskip("core.pipeline")
    monkeypatch.undo()
    page = Path(__file__).resolve().parents[2] / "fixtures" / "page-gb2312.html"
    [word] = export([ReportReview(pipeline.load_report(page))], tmp_path / "out").paths
    paragraphs = word_paragraphs(word)
    assert paragraphs[0] == "喆安区人民政府办公室2023年政府信息公开工作年度报告"
    assert paragraphs[1] == ("本报告根据《中华人民共和国政府信息公开条例》要求编制。"
                             "所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
    assert paragraphs[2] == "一、总体情况"


def test_a_report_s_none_marks_are_exported_as_printed(tmp_path):
    # 表三 of this page prints its zeros as "—": the export says what the report says
    from core.pipeline import load_report
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "converters" / "dash-ok.w3m.txt"
    review = ReportReview(load_report(fixture))
    target = tmp_path / "审核结果.csv"
    export([review], target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    research = [r for r in rows if r["行"] == "一、本年新收政府信息公开申请数量" and r["列"] == "科研机构"]
    assert [(r["原值"], r["修正值"]) for r in research] == [("—", "—")]
    workbook = tmp_path / "审核结果.xlsx"
    export([review], workbook)
    sheets = openpyxl.load_workbook(workbook).worksheets
    assert "—" in [cell.value for sheet in sheets for row in sheet.iter_rows() for cell in row]


def test_csv_carries_the_auditors_verdicts_as_excel_names_them(reviews, tmp_path, monkeypatch):
    """qa17: the Excel 问题清单 and the JSON carry each verdict (确认问题 with the note for the agency,
    已忽略 with its reason); the CSV had none, so an auditor handing it on lost every decision.
    Each cell line names the verdicts on the findings that name it alone (审核意见, 意见说明, as
    Excel titles them); one on a finding naming several cells (qa18: it was repeated on each
    cell's line) or no single cell (a table, the text) gets a line of its own; an unreadable
    file's one line carries the verdicts given on it."""
    reuse = Finding("X-3", "warning", ["section2", "section3", "section4"], "正文与上年报告大段相同")
    monkeypatch.setattr(edits_module, "_check", lambda report: fake_check(report) + (
        [reuse] if report.agency == AGENCY_2021 else []))
    review = reviews[0]
    total_error, rules_warning = FINDINGS_2021
    review.set_verdict(verdict_on(total_error, CONFIRMED, "请单位更正总计"))
    review.set_verdict(verdict_on(rules_warning, DISMISSED, "规章另有统计口径"))
    review.set_verdict(verdict_on(reuse, DISMISSED, "政策未变，沿用上年表述"))
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    from core.pipeline import load_report
    unread = ReportReview(load_report(empty))
    lost = Finding("D-2", "warning", [], "未能读出统计表")
    monkeypatch.setattr(edits_module, "_check", lambda report: [lost] if report.file == str(empty) else (
        fake_check(report) + ([reuse] if report.agency == AGENCY_2021 else [])))
    unread.set_verdict(verdict_on(lost, DISMISSED, "纸质版另行核对"))
    target = tmp_path / "审核结果.csv"
    export([review, reviews[1], unread], target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    judged = [(r["表"], r["行"], r["列"], r["审核意见"], r["意见说明"]) for r in rows if r["审核意见"]]
    assert judged == [
        ("二、主动公开政府信息情况", "规章", "本年制发件数", "T2-2 已忽略", "T2-2：规章另有统计口径"),
        ("表四「行政复议」×「总计」、表四「行政复议」×「结果维持」", "", "", "T4-1 确认问题", "T4-1：请单位更正总计"),
        ("整份报告", "", "", "X-3 已忽略", "X-3：政策未变，沿用上年表述"),
        ("", "", "", "D-2 已忽略", "D-2：纸质版另行核对"),
    ]
    assert rows[-1]["文件"] == str(empty) and rows[-1]["状态"] == "无法读取：文件为空"
    # the cells, the T4-1 line, the line of the whole report, the unread file
    assert len(rows) == 200 + 2 + 198 + 1
    # a verdict taken back is gone from the CSV too
    review.set_verdict(verdict_on(total_error, CLEARED))
    export([review], target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        assert [r["审核意见"] for r in csv.DictReader(f) if r["审核意见"]] == ["T2-2 已忽略", "X-3 已忽略"]


def test_csv_names_the_open_findings_on_each_cell_they_name(reviews, tmp_path):
    """qa19: a cell breaking a rule read 状态 原值 in the CSV, like a right one, so a reader of the
    CSV alone could not tell which cells were wrong. Each cell's line now names the findings on it
    that wait for a verdict (未处理问题); one given a verdict moves to 审核意见."""
    target = tmp_path / "审核结果.csv"
    export(reviews, target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    open_ = [(r["表"][:2], r["行"], r["列"], r["未处理问题"]) for r in rows if r["未处理问题"]]
    assert open_ == [("二、", "规章", "本年制发件数", "T2-2 警告"),
                     ("四、", "行政复议", "结果维持", "T4-1 错误"),
                     ("四、", "行政复议", "总计", "T4-1 错误")]
    assert all(r["未处理问题"] == "" for r in rows if r["单位"] != AGENCY_2021)
    total_error, _ = FINDINGS_2021
    reviews[0].set_verdict(verdict_on(total_error, CONFIRMED, "请单位更正总计"))
    export(reviews, target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["未处理问题"] for r in rows if r["未处理问题"]] == ["T2-2 警告"]
    assert [r["审核意见"] for r in rows if r["审核意见"]] == ["T4-1 确认问题"]
    assert all(len(r) == 14 and None not in r.values() for r in rows)  # every line as wide as the header


def test_a_verdict_on_a_finding_naming_several_cells_is_given_once_in_csv_json_and_excel(reviews, tmp_path):
    """qa18: T4-1 names 表四's 行政复议 总计 and 结果维持; its verdict stood on both cells' CSV lines,
    read as two decisions (and summed as two by anyone counting 审核意见), where Excel's 问题清单
    and the JSON give it once. Now the CSV too: one line naming both cells, as 问题清单's 单元格."""
    review = reviews[0]
    total_error, rules_warning = FINDINGS_2021
    review.set_verdict(verdict_on(total_error, DISMISSED, "原文如此"))
    review.set_verdict(verdict_on(rules_warning, CONFIRMED, ""))
    export([review], tmp_path / "r.csv")
    export([review], tmp_path / "r.json")
    export([review], tmp_path / "r.xlsx")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        lines = [r for r in csv.DictReader(f) if r["审核意见"]]
    assert [(r["表"], r["行"], r["列"], r["原值"], r["状态"], r["审核意见"], r["意见说明"]) for r in lines] == [
        ("二、主动公开政府信息情况", "规章", "本年制发件数", "1", "原值", "T2-2 确认问题", ""),
        ("表四「行政复议」×「总计」、表四「行政复议」×「结果维持」", "", "", "", "", "T4-1 已忽略", "T4-1：原文如此"),
    ]
    entries = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["findings"]
    assert [(e["rule"], e["verdict"]) for e in entries if "verdict" in e] == [("T4-1", DISMISSED), ("T2-2", CONFIRMED)]
    problems = openpyxl.load_workbook(tmp_path / "r.xlsx")["问题清单"]
    header = [c.value for c in problems[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in problems.iter_rows(min_row=2)]
    t4 = [r for r in rows if r["规则"] == "T4-1"]
    assert [(r["单元格"], r["审核意见"], r["意见说明"]) for r in t4] == [
        ("表四「行政复议」×「总计」、表四「行政复议」×「结果维持」", "已忽略", "原文如此")]


def test_csv_says_in_one_line_why_a_file_was_not_read(tmp_path):
    """An empty or broken file is one line with the reason, not a template's 200 blank cells
    each called 原值 (the value as printed)."""
    from core.pipeline import load_report
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    target = tmp_path / "审核结果.csv"
    export([ReportReview(load_report(empty))], target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1
    assert rows[0]["文件"] == str(empty)
    assert rows[0]["原值"] == rows[0]["修正值"] == ""
    assert rows[0]["状态"] == "无法读取：文件为空"


def test_csv_says_unreadable_once(tmp_path):
    """A folder named like a report: 状态 is 无法读取：这是一个文件夹, not 无法读取：无法读取文件：…"""
    from core.pipeline import load_report
    folder = tmp_path / "文件夹.docx"
    folder.mkdir()
    target = tmp_path / "审核结果.csv"
    export([ReportReview(load_report(folder))], target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["状态"] for row in rows] == ["无法读取：这是一个文件夹"]


def _run_sizes(cell) -> set:
    """The font sizes (pt) the cell's text is drawn in: its runs' own size, else its paragraph
    mark's (what Word uses for a run without one)."""
    sizes = set()
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            size = run._r.xpath("./w:rPr/w:sz/@w:val") or paragraph._p.xpath("./w:pPr/w:rPr/w:sz/@w:val")
            sizes.add(int(size[0]) / 2 if size else None)
    return sizes


def test_word_values_are_in_the_tables_text_size_and_fit_their_cells(tmp_path):
    """The template's table text is 10 pt, but its empty value cells carry a 12 pt paragraph
    mark: values written there came out bigger than their neighbours, and four digits broke over
    two lines in 表三/表四's narrow columns (3001 as 300/1). A value is 10 pt, or smaller where
    even 10 pt would not fit its cell on one line."""
    values = {"section2.rules.issued": 1, "section2.licensing.decisions": 447228,
              "section2.fees.amount": 96171.65, "section3.new.natural": 3001,
              "section3.new.total": 123456, "section4.review.total": 12345}
    review = ReportReview(make_report(file=str(tmp_path / "r.txt"), values=values))
    word = export([review], str(tmp_path / "w") + "/").files[0]
    document = docx.Document(str(word))
    t2, t3, t4 = document.tables
    assert _run_sizes(t2.rows[2].cells[0]) == {10}  # a label: 规章
    for cell in (t2.rows[2].cells[1], t2.rows[6].cells[1], t2.rows[13].cells[1],
                 t3.rows[3].cells[3], t3.rows[5].cells[4]):
        assert _run_sizes(cell) == {10}, cell.text
    # Room for text, read off the template by hand: 表三 columns 685 twips less 2 × 57 margin,
    # 表四 columns 649 twips less 2 × 108; a digit of 宋体 (SimSun) is half an em wide.
    for cell, room_pt in ((t3.rows[3].cells[9], (685 - 2 * 57) / 20), (t4.rows[3].cells[4], (649 - 2 * 108) / 20)):
        (size,) = _run_sizes(cell)
        assert 6 <= size < 10 and len(cell.text) * size / 2 <= room_pt, (cell.text, size)


def export_judged(review: ReportReview, tmp_path) -> Path:
    """The report exported to Excel after the auditor dismissed its T4-1 error (with a reason)
    and confirmed its T2-2 warning."""
    t4_error, t2_warning = review.findings()
    review.set_verdict(verdict_on(t4_error, DISMISSED, "原文如此，已核实"))
    review.set_verdict(verdict_on(t2_warning, CONFIRMED, "请单位更正"))
    target = tmp_path / "结果.xlsx"
    export([review], target)
    return target


def test_xlsx_summary_counts_like_the_window_a_dismissed_finding_is_handled_not_open(reviews, tmp_path):
    """The window's list counts a dismissed finding under 已处理, not under 错误/警告; a confirmed
    one stays counted (the report is wrong) and is handled too. The 汇总 sheet said 错误 1 for a
    report whose only error the auditor had dismissed with a reason."""
    target = export_judged(reviews[0], tmp_path)
    header, row = list(openpyxl.load_workbook(target)["汇总"].values)[:2]
    counts = dict(zip(header, row))
    assert (counts["错误"], counts["警告"], counts["存疑"], counts["已处理"]) == (0, 1, 2, 2)


def test_xlsx_a_cell_a_finding_names_says_why_in_its_comment_with_the_verdict(reviews, tmp_path):
    """The report sheet coloured the cells of an error or a warning but said nothing on them: the
    reader had to look the cell up in 问题清单. Its comment now gives the rule, the message, the
    suggested value and the auditor's verdict."""
    first = reviews[0]
    t4_error, t2_warning = first.findings()
    first.set_verdict(verdict_on(t2_warning, DISMISSED, "原件如此"))
    target = tmp_path / "结果.xlsx"
    export(reviews[:1], target)
    sheet = openpyxl.load_workbook(target)[SHEET_2021]
    rules = sheet.cell(find_row(sheet, 1, "规章"), 2)
    assert rules.comment.text == "警告 T2-2：本年制发件数大于现行有效件数与废止件数之和\n审核意见：已忽略（原件如此）"
    values_row = merged_range(sheet, "行政复议")[1] + 3
    total = sheet.cell(values_row, 5)
    assert total.comment.text == "错误 T4-1：行政复议：总计为1，各项之和为2；建议改为2"
    maintained = sheet.cell(values_row, 1)  # named by the error too
    assert "错误 T4-1" in maintained.comment.text and "建议" not in maintained.comment.text
    assert sheet.cell(values_row, 2).comment is None


def test_word_files_of_two_reports_of_one_agency_and_year_say_which_source_each_is(tmp_path):
    """Two files of 鼓楼区人民政府 2021 in one folder (a draft and the published one) became
    …年度报告.docx and …年度报告(2).docx: nobody could tell which was which. The second one
    now carries its source file's name."""
    first = ReportReview(make_report(file=str(tmp_path / "草稿.txt")))
    second = ReportReview(make_report(file=str(tmp_path / "正式发布版.txt")))
    written = export([first, second], str(tmp_path / "Word") + "/").paths
    assert [p.name for p in written] == [f"{SHEET_2021}政府信息公开工作年度报告.docx",
                                         f"{SHEET_2021}政府信息公开工作年度报告（正式发布版）.docx"]



def test_a_word_file_exported_again_is_numbered_in_the_brackets_of_its_source(tmp_path):
    """ux69: exported a second time into one folder, a copy's Word file was named
    「…年度报告（正式发布版）(2).docx」, half-width brackets after full-width ones. Numbered
    as its source is named: 「…（正式发布版）（2）.docx」; nothing exported before is replaced."""
    first = ReportReview(make_report(file=str(tmp_path / "草稿.txt")))
    second = ReportReview(make_report(file=str(tmp_path / "正式发布版.txt")))
    export([first, second], str(tmp_path / "Word") + "/")
    again = export([first, second], str(tmp_path / "Word") + "/").paths
    base = f"{SHEET_2021}政府信息公开工作年度报告"
    assert [p.name for p in again] == [f"{base}（2）.docx", f"{base}（正式发布版）（2）.docx"]
    assert len(list((tmp_path / "Word").iterdir())) == 4


def test_word_files_of_copies_with_one_file_name_say_which_folder_or_format_each_is(tmp_path):
    """A report filed twice under one name (报告.txt in the folder and in 副本/) and the same
    export saved as .txt and .md: the second copy was named …年度报告（报告）.docx, the very name
    of the first's source, and the third …年度报告（报告）(2).docx: nobody could tell which Word
    file came from which report. The suffix now names what tells the copies apart."""
    files = [tmp_path / "报告.txt", tmp_path / "副本" / "报告.txt", tmp_path / "报告.md"]
    reviews = [ReportReview(make_report(file=str(f))) for f in files]
    written = export(reviews, str(tmp_path / "Word") + "/").paths
    base = f"{SHEET_2021}政府信息公开工作年度报告"
    assert [p.name for p in written] == [f"{base}.docx", f"{base}（副本／报告.txt）.docx",
                                         f"{base}（报告.md）.docx"]

def test_xlsx_a_dismissed_finding_no_longer_colours_its_cells_as_the_window_does(reviews, tmp_path):
    """The window stops colouring the cells of a finding the auditor dismissed (it is handled,
    not a problem); the Excel sheet still painted them red and amber, so the agency read the
    dismissed error as one to fix. A confirmed finding keeps its colour in both."""
    target = export_judged(reviews[0], tmp_path)
    sheet = openpyxl.load_workbook(target)[SHEET_2021]
    values_row = merged_range(sheet, "行政复议")[1] + 3
    total, maintained = sheet.cell(values_row, 5), sheet.cell(values_row, 1)
    assert total.fill.fill_type is None and maintained.fill.fill_type is None
    assert "审核意见：已忽略" in total.comment.text  # the comment still says what was dismissed
    rules = sheet.cell(find_row(sheet, 1, "规章"), 2)
    assert rules.fill.fgColor.rgb.endswith("FFD666")  # confirmed: still 警告's amber


@pytest.mark.parametrize("name", ["结果.xlsx", "结果.csv", "结果.json", "word"])
def test_export_says_how_many_reports_are_done_as_it_goes(reviews, tmp_path, name):
    """An Excel export of 300 reports takes minutes of CPU; the window said only 正在导出… (and
    the message timed out). The export now tells its caller before each report and at the end."""
    seen = []
    written = export(reviews, tmp_path / name, progress=lambda done, total: seen.append((done, total)))
    assert written.files
    total = len(reviews)
    assert seen == [(done, total) for done in range(total + 1)]


def test_word_export_counts_each_report_as_its_file_is_written(tmp_path):
    """The Word export took the reports all at once (it names the files first), so the window's
    progress read 3/3 before the first file was written and then stood still. Each report is now
    counted as its turn comes: when the export says k done, k files are there."""
    reviews = [ReportReview(make_report(file=str(tmp_path / f"{name}.txt"), agency=name))
               for name in ("甲区人民政府", "乙区人民政府", "丙区人民政府")]
    folder = tmp_path / "Word"
    seen = []
    export(reviews, str(folder) + "/", progress=lambda done, total: seen.append(
        (done, total, len(list(folder.glob("*.docx"))) if folder.exists() else 0)))
    assert seen == [(0, 3, 0), (1, 3, 1), (2, 3, 2), (3, 3, 3)]


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write into, holding an earlier export. Root ignores the mode bits,
    so as root the folder is made immutable (chattr +i) instead."""
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    (folder / "审核结果.xlsx").write_bytes(b"earlier export")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)],
                                                     capture_output=True).returncode == 0:
        undo = ["chattr", "-i", str(folder)]
    else:
        pytest.skip("cannot make a folder read-only here (root without chattr +i)")
    yield folder
    subprocess.run(undo, check=True)


@pytest.mark.parametrize("name", ["审核结果.xlsx", "新的.csv", "新的.json", "Word", "", "子文件夹/结果.xlsx"])
def test_a_read_only_folder_is_named_in_chinese_and_nothing_is_lost(reviews, read_only_folder, name):
    """Before, Word said "[Errno 13] Permission denied: …" and Excel/CSV/JSON blamed a program
    holding the file open, though the folder itself may not be written."""
    target = read_only_folder / name if name else read_only_folder
    with pytest.raises(PermissionError) as raised:
        export(reviews, target)
    message = str(raised.value)
    assert "没有写入权限" in message and "请另选保存位置" in message
    assert "Errno" not in message and "其他程序" not in message
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["审核结果.xlsx"]
    assert (read_only_folder / "审核结果.xlsx").read_bytes() == b"earlier export"


def test_word_numbers_print_on_one_line_in_the_narrow_columns(tmp_path):
    """表三's value cells claim 714 twips (tcW) but the table grid gives them 685, which is what
    Word and LibreOffice draw: sizes worked out on 714 let 88888 print as 8888 over 8, 1234567 as
    123456 over 7. Printed by LibreOffice, every number reads whole."""
    import re

    values = {"section3.new.legal": 88888, "section3.granted.natural": 1234567,
              "section3.granted.total": 12345678, "section3.new.total": 654321,
              "section4.litigation_direct.total": 99999, "section2.fees.amount": 123456.78}
    review = ReportReview(make_report(file=str(tmp_path / "r.txt"), values=values))
    [word] = export([review], tmp_path / "w").paths
    text = "\n".join(printed_pages(word.rename(tmp_path / "报告.docx"), tmp_path))
    for value in ("88888", "1234567", "12345678", "654321", "99999", "123456.78"):
        assert re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])", text), value


def test_word_values_sit_in_the_middle_of_their_cells(tmp_path):
    """The template's value cells are centred vertically in some columns and top-aligned in others
    (表三's 总计): in a two-line row such as （二）部分公开 its 总计 printed on the first line,
    the values beside it in the middle. Every value is centred both ways."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from core.export.docx import template_cells
    review = ReportReview(make_report(file=str(tmp_path / "r.txt"), values={"section3.partial.natural": 2,
                                                                          "section3.partial.total": 2}))
    word = export([review], str(tmp_path / "w") + "/").files[0]
    cells = template_cells(docx.Document(str(word)))
    assert cells["section3.partial.total"].text == "2"
    assert {cells[p].vertical_alignment for p in cells} == {WD_ALIGN_VERTICAL.CENTER}


def test_word_prints_table_three_whole_on_a_page_of_its_own(tmp_path):
    """The template pushes 三 to a new page with empty paragraphs: under a report's own (longer)
    section 一 they ran onto the next page, 三 started a fifth of the way down, and 表三 broke
    inside a row of （六） with its headings left on the page before."""
    from core.pipeline import load_report
    report = load_report(Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "003_2385a1ea8664f14a.txt")
    [word] = export([ReportReview(report)], tmp_path / "w").paths
    pages = printed_pages(word.rename(tmp_path / "报告.docx"), tmp_path)
    [page] = [p for p in pages if "三、收到和处理政府信息公开申请情况" in p]
    assert page.lstrip().startswith("三、收到和处理政府信息公开申请情况")
    for row in ("申请人情况", "一、本年新收政府信息公开申请数量", "2.申请人逾期未按收费通知要求缴",
                "（七）总计", "四、结转下年度继续办理"):
        assert row in page, row


def test_word_prints_table_two_whole_under_its_heading(tmp_path):
    """After 周口市's section 一, 表二 began at the foot of the first page and ran on to the second,
    第二十条第（八）项 parted from the blocks above it."""
    from core.pipeline import load_report
    report = load_report(Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "002_8be41c244005adf4.txt")
    [word] = export([ReportReview(report)], tmp_path / "w").paths
    pages = printed_pages(word.rename(tmp_path / "报告.docx"), tmp_path)
    [page] = [p for p in pages if "第二十条第（一）项" in p]
    for text in ("二、主动公开政府信息情况", "第二十条第（五）项", "第二十条第（八）项", "行政事业性收费"):
        assert text in page, text


def test_problem_list_names_a_sums_many_cells_by_its_column_or_row(tmp_path, monkeypatch):
    """The 示例's planted 15 breaks 表三's 自然人 column sum (T3-2: （七）总计 and the 21 办理结果 rows
    under it, 22 cells) and the （一）予以公开 row sum (T3-3: its 7 cells). 问题清单 named each cell:
    on paper the T3-2 row ran 35 lines, the 说明 beside it saying the same. Now the column, or the
    row, is named and its cells counted; a finding of a few cells keeps each of them named."""
    from core import pipeline
    monkeypatch.undo()  # the real rules
    sample = next((Path(__file__).resolve().parents[3] / "resources" / "samples").glob("0-*.txt"))
    review = ReportReview(pipeline.load_report(sample))
    [target] = export([review], tmp_path / "结果.xlsx").paths
    rows = {row[3]: row for row in list(openpyxl.load_workbook(target)["问题清单"].values)[1:]}
    assert rows["T3-2"][5] == "表三「自然人」列的 22 格"
    assert rows["T3-3"][5] == "表三「（一）予以公开」行的 7 格"
    assert rows["T3-3"][10] == "表三「（一）予以公开」×「自然人」"  # the cell to fix, whole


def test_problem_list_lists_the_doubts_as_the_summary_counts_them(tmp_path, monkeypatch):
    """Sample 002 prints no values beside three rows of 表三: the window lists 存疑 3 (one a row) and
    Excel's 汇总 said 存疑 3, yet its 问题清单 held 24 存疑 rows (each row's flag, then each of its 7
    cells' 推定为0). It lists the three rows, each naming its row and all it says once."""
    from core import pipeline
    monkeypatch.undo()  # the real rules
    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "002_8be41c244005adf4.txt"
    review = ReportReview(pipeline.load_report(sample))
    [target] = export([review], tmp_path / "结果.xlsx").paths
    book = openpyxl.load_workbook(target)
    assert list(book["汇总"].values)[1][6] == 3
    doubts = [row[3:7] for row in list(book["问题清单"].values)[1:] if row[4] == "存疑"]
    assert doubts == [
        ("解析不确定、推定值", "存疑", "表三「（一）予以公开」",
         "「（一）予以公开」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对"),
        ("解析不确定、推定值", "存疑", "表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」",
         "「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对"),
        ("解析不确定、推定值", "存疑", "表三「1.属于国家秘密」",
         "「1.属于国家秘密」行未印出数值；全行7格：未能从原文读出，按勾稽关系推定为0，请对照原文核对")]


def test_a_value_in_doubt_the_auditor_confirmed_reads_as_confirmed_in_excel_and_csv(tmp_path):
    """推定为0, then typed 0 again by the auditor: no longer 推定 in either export, the
    confirmation's time in the Excel comment."""
    report = make_report(file=str(tmp_path / "2023.txt"))
    report.flags = list(FLAGS_2021)
    review = ReportReview(report)
    review.apply(replace(review.confirmation_for(INFERRED_CELL, 0), time=T0))
    export([review], tmp_path / "审核结果.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "审核结果.xlsx")[SHEET_2021]
    cell = sheet.cell(find_row(sheet, 3, "4.保护第三方合法权益"), 10)
    assert cell.value == 0 and cell.fill.fill_type is None
    assert cell.comment.text == (f"审核人已核对原文，确认此值；确认时间：{SHOWN_T0}\n"
                                 "推定：未能从原文读出，按勾稽关系推定为0")
    export([review], tmp_path / "审核结果.csv")
    with open(tmp_path / "审核结果.csv", encoding="utf-8-sig", newline="") as f:
        states = {(r["行"], r["列"]): r["状态"] for r in csv.DictReader(f)}
    assert states[("（三）不予公开·4.保护第三方合法权益", "总计")] == "已确认"
    assert list(states.values()).count("已确认") == 1


def test_json_lists_a_confirmation_with_the_corrections_and_its_own_time(tmp_path):
    """A value in doubt the auditor confirmed was missing from the JSON export's corrections (Excel
    and CSV said 已确认): it is listed, old equal to new, noted 确认原值 with the time it was
    confirmed, not that of a later edit taken back (Excel's comment neither)."""
    report = make_report(file=str(tmp_path / "2023.txt"))
    report.flags = list(FLAGS_2021)
    review = ReportReview(report)
    review.apply(CellEdit(GRANTED, 8, 3, "核对原文", T0))
    review.apply(replace(review.confirmation_for(INFERRED_CELL, 0), time=T0))
    changed = replace(review.edit_for(INFERRED_CELL, 4), time=T1)
    review.apply(changed)
    review.apply(replace(changed.inverse(), time=T2))  # Ctrl+Z: confirmed again
    export([review], tmp_path / "审核结果.json")
    data = json.loads((tmp_path / "审核结果.json").read_text(encoding="utf-8"))
    assert data[0]["corrections"] == [
        {"cell": GRANTED, "old": 8, "new": 3, "note": "核对原文", "time": T0},
        {"cell": INFERRED_CELL, "old": 0, "new": 0, "note": "确认原值", "time": T0}]
    export([review], tmp_path / "审核结果.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "审核结果.xlsx")[SHEET_2021]
    comment = sheet.cell(find_row(sheet, 3, "4.保护第三方合法权益"), 10).comment.text
    assert comment.startswith(f"审核人已核对原文，确认此值；确认时间：{SHOWN_T0}\n")


def test_json_says_an_unreadable_file_is_unreadable_as_excel_and_csv_do(reviews, tmp_path):
    """An empty file in the JSON export read 未审核, as if a report were waiting to be checked."""
    empty = tmp_path / "empty政府信息公开工作年度报告.txt"
    empty.write_text("", encoding="utf-8")
    unreadable = ReportReview(Report(file=str(empty), format="txt", problems=["文件为空"]))
    export([unreadable, reviews[0]], tmp_path / "结果.json")
    data = json.loads((tmp_path / "结果.json").read_text(encoding="utf-8"))
    assert [(d["status"], d["problems"]) for d in data] == [("无法读取", ["文件为空"]), ("已修改", [])]
    export([unreadable], tmp_path / "结果.csv")
    assert (tmp_path / "结果.csv").read_text(encoding="utf-8-sig").splitlines()[1].endswith(",无法读取：文件为空,,,,,")  # (审核意见, 意见说明, 未处理问题, 同年度副本, 副本说明 empty)
    unreadable.reviewed = True
    export([unreadable], tmp_path / "已审核.json")
    assert json.loads((tmp_path / "已审核.json").read_text(encoding="utf-8"))[0]["status"] == "无法读取✓"


def test_xlsx_summary_rows_are_as_tall_as_their_text(tmp_path):
    """汇总's 文件 column (44 wide): a path of narrow Latin letters counted one "0" each took a
    second line it never used, a blank band under the row. The path below is about 35 widths
    (2 Chinese characters of 2.1, 41 letters and signs mostly narrower than "0"): one line. A
    path with 14 Chinese characters (about 24 widths) and 28 letters and signs takes two."""
    short = "/tmp/qa7/folder/导出/filled-2021.docx2txt.txt"
    long = "/tmp/qa7/folder/0-示例-含一处错误_鼓楼区人民政府2021.txt"
    # two agencies: two copies of one agency's year would each say so in 说明 (采用／未采用)
    reviews = [ReportReview(make_report(file=short)),
               ReportReview(make_report(file=long, content_hash="cd" * 32, agency="鼓楼区人民政府"))]
    target = tmp_path / "审核结果.xlsx"
    assert export(reviews, target).paths == [target]
    sheet = openpyxl.load_workbook(target)["汇总"]
    assert sheet.row_dimensions[find_row(sheet, 1, short)].height is None  # one line: the default
    assert sheet.row_dimensions[find_row(sheet, 1, long)].height == 2 * LINE_HEIGHT


def test_xlsx_report_sheet_names_its_template_as_the_summary_does(workbook, tmp_path):
    """The line under each sheet's title printed the template's key (模板：2021, and 模板：unknown,
    in English, for a report whose format was not recognised) while 汇总 beside it says 2021版."""
    assert workbook[SHEET_2021].cell(2, 1).value.split("　　")[1] == "模板：2021版"
    assert workbook[SHEET_2019].cell(2, 1).value.split("　　")[1] == "模板：2019版"
    unknown = ReportReview(make_report(file=str(tmp_path / "2023.txt"), template="unknown"))
    target = tmp_path / "未识别.xlsx"
    export([unknown], target)
    line = openpyxl.load_workbook(target)[SHEET_2021].cell(2, 1).value
    assert line == f"文件：{tmp_path / '2023.txt'}　　模板：未识别　　状态：未审核"


def test_a_verdict_whose_finding_a_correction_removed_is_still_exported(reviews, tmp_path, monkeypatch):
    """qa22: the auditor confirmed T4-1 with a note for the agency, then corrected the total; the
    finding went away and the note with it, from 问题清单, the CSV and the JSON alike. The note is
    the auditor's work: it stays, marked 已消除 (the values now keep the rule)."""
    review = reviews[0]
    total_error, rules_warning = FINDINGS_2021
    review.set_verdict(verdict_on(total_error, CONFIRMED, "请单位更正总计"))
    # the total corrected: T4-1 holds now, only the T2-2 warning is left
    monkeypatch.setattr(edits_module, "_check",
                        lambda report: [rules_warning] if report.agency == AGENCY_2021 else [])
    for name in ("r.xlsx", "r.csv", "r.json"):
        export([review], tmp_path / name)
    problems = openpyxl.load_workbook(tmp_path / "r.xlsx")["问题清单"]
    rows = [[c.value for c in row] for row in problems.iter_rows(min_row=2)]
    assert [(r[3], r[4], r[11], r[12]) for r in rows if r[4] != "存疑"] == [  # (存疑: the parser's flags)
        ("T2-2", "警告", None, None), ("T4-1", "已消除", "确认问题", "请单位更正总计")]
    assert rows[1][5] == "表四「行政复议」×「结果维持」、表四「行政复议」×「总计」"  # in the template's order
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        judged = [r for r in csv.DictReader(f) if r["审核意见"]]
    assert [(r["表"], r["审核意见"], r["意见说明"]) for r in judged] == [
        ("表四「行政复议」×「结果维持」、表四「行政复议」×「总计」", "T4-1 确认问题", "T4-1：请单位更正总计")]
    assert judged[0]["状态"].startswith("修正后此问题已不存在")
    out = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]
    assert [(v["rule"], v["verdict"], v["verdict_note"]) for v in out["resolved_verdicts"]] == [
        ("T4-1", CONFIRMED, "请单位更正总计")]
    # undone, the finding is back with its verdict: listed once, as an open finding judged
    monkeypatch.setattr(edits_module, "_check", fake_check)
    export([review], tmp_path / "r.json")
    out = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]
    assert out["resolved_verdicts"] == []
    assert [(e["rule"], e.get("verdict")) for e in out["findings"]] == [("T4-1", CONFIRMED), ("T2-2", None)]
