"""The 汇总 export: every report of the folder in wide form (one row each, one column per template
cell, current values), and the totals per year. Built on the folder's DataFrame (core/compare/frame.py).
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, Iterable, Optional

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.compare.frame import INFO_LABELS, cell_columns, cell_label, folder_frame, totals_per_year
from core.export.common import atomic_write
from core.export.xlsx import LINE_HEIGHT, fit_row_heights
from core.model import Finding
from core.review.edits import ReportReview
from core.template import TEMPLATE_NAMES

WIDE, TOTALS = "汇总", "年度合计"
LEFT_OUT = "未计入（同一单位同一年度的另一份报告）"
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
HEADING_CHARACTERS_PER_LINE = 6  # Chinese characters a 14-wide column holds on a line
_SHOWN_INFO = ["file", "agency", "year", "template", "status", "errors", "warnings", "doubts", "problems"]


def summary_frames(reviews: Iterable[ReportReview],
                   findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide, totals) with Chinese column titles, as written to the two sheets."""
    reviews = list(reviews)
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
    return wide, totals


def write_summary(reviews: Iterable[ReportReview], target: Path,
                  findings_of: Optional[Callable[[ReportReview], list[Finding]]] = None) -> None:
    wide, totals = summary_frames(reviews, findings_of)

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
                widths = ({1: 40, 2: 24, _SHOWN_INFO.index("problems") + 1: 40} if name == WIDE
                          else {list(totals.columns).index(LEFT_OUT) + 1: 40})
                for column in range(1, sheet.max_column + 1):
                    sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, 14)
                if name == WIDE:
                    _wrap_text_columns(sheet)
                else:
                    _wrap_left_out(sheet, list(totals.columns).index(LEFT_OUT) + 1)
                _centre_numbers(sheet)
                sheet.freeze_panes = sheet.cell(2, fixed + 1)
                _print_setup(sheet, "B:C" if name == WIDE else "A:A")

    atomic_write(Path(target), write)


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
    """年度合计's 未计入 (the files of an agency's year counted once, 、-joined paths) wraps in its
    cell: a 14-wide cell showed the first characters of a path, the numbers beside it cutting it."""
    for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        cell.alignment = Alignment(wrap_text=True)
    fit_row_heights(sheet, first_row=2)


def _print_setup(sheet, named_by: str) -> None:
    """Printed: A4 landscape at full size (hundreds of columns fit no page), each page with the
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
    sheet.page_margins.left = sheet.page_margins.right = 0.4
