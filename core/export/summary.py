"""The 汇总 export: every report of the folder in wide form (one row each, one column per template
cell, current values), and the totals per year. Built on the folder's DataFrame (core/compare/frame.py).
"""
from __future__ import annotations

import math
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable, Optional

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from core.compare.frame import INFO_LABELS, cell_columns, cell_label, folder_frame, left_out_copies, totals_per_year
from core.export.common import ExportSteps, atomic_write
from core.export.xlsx import (LINE_HEIGHT, finish_list_sheet, header_row, common_folder, fit_row_heights,
                              page_numbers, relative_file, texts_as_text, whole_path_comments)
from core.model import Finding
from core.review.edits import ReportReview
from core.template import TEMPLATE_NAMES

WIDE, TOTALS, COPIES = "汇总", "年度合计", "未计入的副本"
LEFT_OUT = "未计入（同一单位同一年度的另一份报告）"
# 年度合计's 未计入 counts the copies; the COPIES sheet lists them, a line each. Their paths, 、-joined
# in the cell, made each year's row taller than a page: q3001's 7 years printed on 243 pages
LEFT_OUT_COUNT = "{count} 份，见「" + COPIES + "」表"
COPIES_HEADER = ["未计入的文件", "单位", "年度", "计入的文件（同一单位同一年度）"]
COPIES_WIDTHS = [44, 37, 7, 44]
LEFT_OUT_WIDTH = 30  # 「62 份，见「未计入的副本」表」 on a line
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
HEADING_CHARACTERS_PER_LINE = 6  # Chinese characters a 14-wide column holds on a line
_SHOWN_INFO = ["file", "agency", "year", "template", "status", "errors", "warnings", "doubts", "problems"]
VALUE_WIDTH = 14  # a count's column: its heading six characters a line
# 单位 37 wide (17 characters a line, as the 审核结果 workbook's): 24 wide, most agencies' names
# took two lines, and so every report's row on every printed page
WIDE_WIDTHS = {"file": 40, "agency": 37, "year": 7, "problems": 40}
# A printed page of 汇总 is A4 landscape, its side margins a quarter inch (806 points across), at
# PRINT_SCALE: a page holds the repeated 单位 and 年度 and a row of 表三 (seven columns) wherever
# it is printed. A column's width is counted in the widest of the spreadsheets' measures: Excel
# draws a column w wide 7w + 5 pixels (5.25w + 3.75 points); LibreOffice, without Excel's
# Calibri (or its twin Carlito) drawing digits in DejaVu Sans, 7.35w points. Counted in Excel's,
# LibreOffice broke each row of 表三 over two pages (1 480 pages for 354 reports).
SIDE_MARGIN = 0.25
PAGE_POINTS = (11.69 - 2 * SIDE_MARGIN) * 72
PRINT_SCALE = 75  # per cent: 8-point letters
WIDTH_POINTS = 7.35  # a width unit printed at full size, the wider measure
PAGE_SLACK = 0.97  # room kept for the measures' rounding
TITLES = {WIDE: "政府信息公开工作年度报告汇总（每份报告一行）", TOTALS: "政府信息公开工作年度报告年度合计",
          COPIES: "年度合计未计入的报告（同一单位同一年度的另一份）"}


def summary_frames(reviews: Iterable[ReportReview],
                   findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide, totals) with Chinese column titles, as written to the two sheets (年度合计's 未计入
    naming the files: the sheet counts them)."""
    wide, totals, _copies = _summary_parts(list(reviews), findings_of)
    return wide, totals


def _summary_parts(reviews: list[ReportReview],
                   findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """summary_frames' two, and left_out_copies."""
    frame = folder_frame(reviews, findings_of)
    labels = {p: cell_label(p) for p in cell_columns()}
    wide = frame[_SHOWN_INFO + cell_columns()].rename(columns={**INFO_LABELS, **labels})
    # the 状态 the report list and the 审核结果 workbook give: 无法读取 for a file no table could
    # be read from (it read 未审核, as if a report were waiting to be checked)
    wide[INFO_LABELS["status"]] = [review.status_text for review in reviews]
    # the template as the report list and the 审核结果 workbook name it (2021版, not 2021)
    template = INFO_LABELS["template"]
    wide[template] = wide[template].map(lambda name: TEMPLATE_NAMES.get(name, name))
    totals = totals_per_year(frame).reset_index().rename(
        columns={"year": "年度", "reports": "报告数", "left_out": LEFT_OUT, **labels})
    return wide, totals, left_out_copies(frame)


def write_summary(reviews: Iterable[ReportReview], target: Path,
                  findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None,
                  steps: Optional[ExportSteps] = None) -> None:
    """``steps``: told when the workbook is being written, asked whether to go on."""
    steps = steps or ExportSteps()
    reviews = list(reviews)
    wide, totals, copies = _summary_parts(reviews, findings_of)
    # 文件 under the folder holding them all, as the 审核结果 workbook's lists name them (the
    # whole path in the cell's comment): the whole path, 40 wide, took two lines, and so made
    # every report's row two lines tall on every printed page, numbers and all
    root = common_folder(review.report.file for review in reviews)
    file = INFO_LABELS["file"]
    wide[file] = [relative_file(name, root) for name in wide[file]]
    left_out = copies.groupby("year").size()  # (a file's own name may hold a 、)
    totals[LEFT_OUT] = [LEFT_OUT_COUNT.format(count=left_out[year]) if year in left_out.index else ""
                        for year in totals["年度"]]

    def write(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame, fixed in ((WIDE, wide, 3), (TOTALS, totals, 2)):
                frame.to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
                    cell.fill = _HEADER_FILL
                # 文件, 单位 (twelve characters), 文件问题 (a sentence: on a line or two); 年度合计's
                # 未计入 names files
                widths = ({_SHOWN_INFO.index(key) + 1: width for key, width in WIDE_WIDTHS.items()} if name == WIDE
                          else {list(totals.columns).index(LEFT_OUT) + 1: LEFT_OUT_WIDTH})
                for column in range(1, sheet.max_column + 1):
                    sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, VALUE_WIDTH)
                if name == WIDE:
                    whole_path_comments(sheet, root)
                    _wrap_text_columns(sheet)
                else:
                    _wrap_left_out(sheet, list(totals.columns).index(LEFT_OUT) + 1)
                _centre_numbers(sheet)
                sheet.freeze_panes = sheet.cell(2, fixed + 1)
                _print_setup(sheet, "B:C" if name == WIDE else "A:A")
                _page_columns(sheet, fixed, (2, 3) if name == WIDE else (1,))
                page_numbers(sheet, TITLES[name])
            if not copies.empty:
                _copies_sheet(writer.book.create_sheet(COPIES), copies, root)
            texts_as_text(writer.book)

    steps.count(len(reviews), len(reviews))
    steps.saving()  # (its sheets made and saved in one go: 3 s of CPU for 354 reports)
    atomic_write(Path(target), write, steps.go_on)


def _copies_sheet(sheet, copies: pd.DataFrame, root: Optional[str]) -> None:
    """The copies 年度合计 leaves out, a line each, with the copy counted in their stead: a list
    printed as the 审核结果 workbook's lists are, the page's width wide."""
    header_row(sheet, COPIES_HEADER)
    for year, agency, file, counted in copies[["year", "agency", "file", "counted"]].itertuples(index=False):
        sheet.append([relative_file(file, root), agency or "", int(year), relative_file(counted, root)])
    whole_path_comments(sheet, root)
    finish_list_sheet(sheet, COPIES_WIDTHS)
    page_numbers(sheet, TITLES[COPIES])


def _wrap_text_columns(sheet) -> None:
    """文件, 单位 and 文件问题 wrap in their cells: a long 单位 was cut by the 年度 beside it, a
    file's path by the 单位, and the problem of a file with no table ran over the empty cells to
    its right, on to the next printed page. 年度, 模板 and 状态 are centred, heading and values
    (printed, the year at its right edge ran into the template's name: "2021 2021版").
    The values keep the sheet's bottom alignment, as the numbers do: a row made taller by a
    wrapped path has all its cells end on one line (the text at the top printed 单位 and 年度
    a line above the row's numbers, which then stood level with the next row's agency)."""
    for key in ("file", "agency", "problems"):
        column = _SHOWN_INFO.index(key) + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.alignment = Alignment(wrap_text=True)
    for key in ("year", "template", "status"):
        column = _SHOWN_INFO.index(key) + 1
        for (cell,) in sheet.iter_rows(min_row=1, min_col=column, max_col=column):
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
    fit_row_heights(sheet, first_row=2)  # neither Excel nor Calc grows a row on opening the file


# columns of words, kept at the left: 文件, 单位, 文件问题, 未计入
_TEXT_HEADINGS = {INFO_LABELS["file"], INFO_LABELS["agency"], INFO_LABELS["problems"], LEFT_OUT}


def _centre_numbers(sheet) -> None:
    """The count and value columns centred, heading and numbers (columns of words keep their text
    at the left). Printed without grid lines, a number at its column's right edge stood under the
    next column's heading, which starts at its left edge: 错误's 0 read as 警告's,
    表二「规章」×「本年制发件数」's 0 as 本年废止件数's."""
    centred = {False: Alignment(horizontal="center"), True: Alignment(horizontal="center", wrap_text=True)}
    for (heading, *values) in sheet.iter_cols():
        if heading.value in _TEXT_HEADINGS:
            continue
        for cell in (heading, *values):
            cell.alignment = centred[bool(cell.alignment.wrap_text)]


def _wrap_left_out(sheet, column: int) -> None:
    """年度合计's 未计入 (how many copies, and where they are listed) wraps in its cell: a 14-wide
    cell showed its first characters, the numbers beside it cutting it."""
    for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        cell.alignment = Alignment(wrap_text=True)
    fit_row_heights(sheet, first_row=2)


def _print_setup(sheet, named_by: str) -> None:
    """Printed: A4 landscape at PRINT_SCALE (hundreds of columns fit no page), each page with the
    heading row, wrapped whole, and the columns saying whose numbers a row holds (单位 and 年度;
    the file's long path would take half of every page)."""
    for cell in sheet[1]:
        cell.alignment = Alignment(horizontal=cell.alignment.horizontal, wrap_text=True, vertical="top")
    longest = max(len(str(cell.value or "")) for cell in sheet[1])
    sheet.row_dimensions[1].height = math.ceil(longest / HEADING_CHARACTERS_PER_LINE) * LINE_HEIGHT
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = named_by
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN
    sheet.page_setup.scale = PRINT_SCALE


def _points(width: float) -> float:
    return WIDTH_POINTS * width


def _page_columns(sheet, first: int, repeated: tuple[int, ...]) -> None:
    """Where a printed page's columns end: each page one or more whole rows of the template (表三's
    seven applicant columns of 「（一）予以公开」 together), a table never continued on the page of
    the one before (the 2019 template's own cells apart too), the sheet's own columns (文件…文件问题)
    on pages of their own. Left to the spreadsheet, a page ended wherever it was full: 「予以公开」's
    自然人 to 社会公益组织 on one page, its 法律服务机构 to 总计 on the next beside 「部分公开」's.
    The first ``first`` columns open the first page; ``repeated`` stand on every page."""
    def points(column: int) -> float:
        return _points(sheet.column_dimensions[get_column_letter(column)].width or VALUE_WIDTH)

    room = (PAGE_POINTS * 100 / PRINT_SCALE - sum(points(c) for c in repeated)) * PAGE_SLACK
    used = sum(points(c) for c in range(1, first + 1) if c not in repeated)
    last_table = _page_unit(first, "")[:2]  # the first page's own columns
    headings = [str(cell.value) for cell in sheet[1]][first:]
    for key, unit in groupby(enumerate(headings, start=first + 1), key=lambda item: _page_unit(*item)):
        columns = [column for column, _heading in unit]
        table = key[:2]
        width = sum(points(c) for c in columns)
        if used and (table != last_table or used + width > room):
            sheet.col_breaks.append(Break(id=columns[0] - 1))
            used = 0.0
        for column in columns:  # a row wider than a page (none of the template's is) goes on over pages
            if used and used + points(column) > room:
                sheet.col_breaks.append(Break(id=column - 1))
                used = 0.0
            used += points(column)
        last_table = table


def _page_unit(column: int, heading: str) -> tuple:
    """(table, of the 2019 template, row) of a template cell's column; the sheet's own columns
    (模板, 错误, 文件问题, 年度合计's 报告数...) each a unit of their own, in a table of their own."""
    if not heading.startswith("表") or "×" not in heading:
        return ("", False, column)
    return heading[:2], heading.endswith("（2019试行模板）"), heading.split("×")[0]
