"""Excel export: a summary, the list of problems, the edit trail, and one sheet per report with
its three tables drawn in the official template's layout (merged headers and group labels).

Cell colours: corrected cells are green (as in the window) and carry a comment "原值：…；修改时间：…；备注：…";
cells named by an error finding are light red, by a warning light yellow (a finding's colour
wins over the corrected colour; the comment stays).
"""
from __future__ import annotations

import re
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable, Optional

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from core.review.edits import ReportReview
from core.export.common import (SEVERITY_LABELS, atomic_write, format_value, report_title, shown_value)
from core.model import Finding
from core.template import RESULTS, Row, Table, describe, tables

SUMMARY, PROBLEMS, CHANGES = "汇总", "问题清单", "修改记录"
SUMMARY_HEADER = ["文件", "单位", "年度", "模板", "错误", "警告", "状态"]
PROBLEMS_HEADER = ["文件", "单位", "年度", "规则", "级别", "单元格", "说明", "期望值", "实际值", "建议值",
                   "建议修改的单元格", "审核意见", "意见说明"]
CHANGES_HEADER = ["文件", "单位", "年度", "单元格", "原值", "修正值", "时间", "备注"]

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_ORGANISATIONS = "法人或其他组织"
T2_CONTENT = "信息内容"
LEGEND = "图例：蓝色＝已修正（批注中有原值）；红色＝错误；黄色＝警告"

CORRECTED_FILL = PatternFill("solid", fgColor="B7E1B0")  # the window's green for corrected cells
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BOLD = Font(bold=True)

# Sheet columns: T3 uses A-C for its labels and D-J for values; T2 uses A-D; T4 A-O.
REPORT_COLUMN_WIDTHS = {"A": 16, "B": 16, "C": 34}
VALUE_COLUMN_WIDTH = 10

Positions = dict  # cell path -> (row, column) on the sheet


def write_xlsx(reviews: Iterable[ReportReview], target: Path) -> None:
    workbook = build_workbook(reviews)
    atomic_write(target, lambda path: workbook.save(path))


def build_workbook(reviews: Iterable[ReportReview]) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY
    problems = workbook.create_sheet(PROBLEMS)
    changes = workbook.create_sheet(CHANGES)
    for sheet, header in ((summary, SUMMARY_HEADER), (problems, PROBLEMS_HEADER),
                          (changes, CHANGES_HEADER)):
        _header_row(sheet, header)
    used_names = {SUMMARY, PROBLEMS, CHANGES}
    for review in reviews:
        report = review.report
        findings = review.findings()
        name = sheet_name(report_title(report), used_names)
        write_report_sheet(workbook.create_sheet(name), review, findings)
        who = [report.file, report.agency or "", report.year]
        errors = sum(f.severity == "error" for f in findings)
        summary.append(who + [report.template, errors, len(findings) - errors, review.status])
        _link(summary.cell(summary.max_row, 1), name)
        for finding in findings:
            verdict = review.verdict_of(finding)
            problems.append(who + _problem_row(report.template, finding)
                            + ([verdict.label, verdict.note] if verdict else ["", ""]))
        for edit in review.edits:
            changes.append(who + [describe(report.template, edit.cell), edit.old, edit.new,
                                  edit.time, edit.note])
    _finish_list_sheet(summary, [40, 30, 8, 8, 8, 8, 10])
    _finish_list_sheet(problems, [40, 30, 8, 8, 8, 50, 60, 10, 10, 10, 40, 10, 40])
    _finish_list_sheet(changes, [40, 30, 8, 50, 10, 10, 26, 40])
    return workbook


def _link(cell, sheet: str) -> None:
    """Make ``cell`` a link to the top of another sheet of the workbook."""
    quoted = sheet.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    cell.font = Font(color="0563C1", underline="single")


def _problem_row(version: str, finding: Finding) -> list:
    suggestion = finding.suggestion
    return [finding.rule, SEVERITY_LABELS.get(finding.severity, finding.severity),
            "、".join(describe(version, cell) for cell in finding.cells), finding.message,
            finding.expected, finding.actual,
            suggestion.value if suggestion else None,
            describe(version, suggestion.cell) if suggestion else ""]


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, used: set) -> str:
    """A valid, unique Excel sheet name (≤31 characters, none of []:*?/\\); adds it to ``used``."""
    base = _NOT_IN_SHEET_NAMES.sub("_", title).strip("' ") or "报告"
    name, n = base[:31], 2
    taken = {u.lower() for u in used}
    while name.lower() in taken:
        suffix = f"({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


# --- one report -----------------------------------------------------------------------------

def write_report_sheet(sheet: Worksheet, review: ReportReview, findings: list[Finding]) -> None:
    report = review.report
    sheet.cell(1, 1, f"{report_title(report)}政府信息公开工作年度报告").font = Font(bold=True, size=14)
    sheet.cell(2, 1, f"文件：{report.file}　　模板：{report.template}　　状态：{review.status}")
    sheet.cell(3, 1, LEGEND)
    template = tables(report.template)
    positions: Positions = {}
    row = 5
    for write_table, section in ((write_t2, "section2"), (write_t3, "section3"), (write_t4, "section4")):
        row = write_table(sheet, row, template[section], positions) + 1
    _fill_values(sheet, review, findings, positions)
    for letter, width in REPORT_COLUMN_WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    for column in range(4, 16):
        sheet.column_dimensions[get_column_letter(column)].width = VALUE_COLUMN_WIDTH


def write_t2(sheet: Worksheet, top: int, table: Table, positions: Positions) -> int:
    """Blocks 第二十条第（X）项, each with a 信息内容 header row; label in A, values in B-D
    (a block with fewer columns lets its last column span the rest, as the template does)."""
    row = _table_title(sheet, top, table.title)
    for block, rows in _runs(table.rows, lambda r: r.block):
        _box(sheet, row, 1, row, 4, block)
        spans = _spans(len(rows[0].columns), first=2, last=4)
        _box(sheet, row + 1, 1, row + 1, 1, T2_CONTENT)
        for column, (c1, c2) in zip(rows[0].columns, spans):
            _box(sheet, row + 1, c1, row + 1, c2, column.label)
        row += 2
        for template_row in rows:
            _box(sheet, row, 1, row, 1, template_row.label, fill=None, align=LEFT)
            for column, (c1, c2) in zip(template_row.columns, spans):
                _box(sheet, row, c1, row, c2, None, fill=None)
                positions[f"{table.section}.{template_row.key}.{column.key}"] = (row, c1)
            row += 1
    return row


def write_t3(sheet: Worksheet, top: int, table: Table, positions: Positions) -> int:
    """Corner note A-C over three header rows; 申请人情况 over the seven value columns D-J;
    自然人 | 法人或其他组织 (over 商业企业…其他) | 总计; group labels merged down columns A and B."""
    row = _table_title(sheet, top, table.title)
    columns = table.rows[0].columns
    first, last = 4, 3 + len(columns)
    _box(sheet, row, 1, row + 2, 3, T3_NOTE)
    _box(sheet, row, first, row, last, T3_APPLICANTS)
    _box(sheet, row + 1, first, row + 2, first, columns[0].label)
    _box(sheet, row + 1, first + 1, row + 1, last - 1, T3_ORGANISATIONS)
    for offset, column in enumerate(columns[1:-1], start=first + 1):
        _box(sheet, row + 2, offset, row + 2, offset, column.label)
    _box(sheet, row + 1, last, row + 2, last, columns[-1].label)
    row += 3
    data_top = row
    for template_row in table.rows:
        label_from = 1 if not template_row.group else 2 if template_row.group == RESULTS else 3
        _box(sheet, row, label_from, row, 3, template_row.label, fill=None, align=LEFT)
        for offset, column in enumerate(template_row.columns, start=first):
            _box(sheet, row, offset, row, offset, None, fill=None)
            positions[f"{table.section}.{template_row.key}.{column.key}"] = (row, offset)
        row += 1
    # Every grouped row lies under 三、本年度办理结果; sub-groups （三）…（六） also get column B.
    _merge_down(sheet, data_top, 1, table.rows, lambda r: RESULTS if r.group else None)
    _merge_down(sheet, data_top, 2, table.rows,
                lambda r: r.group if r.group not in ("", RESULTS) else None)
    return row


def write_t4(sheet: Worksheet, top: int, table: Table, positions: Positions) -> int:
    """行政复议 (its five columns merged down two rows) | 行政诉讼 over 未经复议直接起诉 and
    复议后起诉, each over its five columns; one row of values."""
    row = _table_title(sheet, top, table.title)
    column = 1
    for heading, rows in _runs(table.rows, lambda r: r.group or r.label):
        width = sum(len(r.columns) for r in rows)
        _box(sheet, row, column, row, column + width - 1, heading)
        for template_row in rows:
            grouped = bool(template_row.group)
            if grouped:
                _box(sheet, row + 1, column, row + 1, column + len(template_row.columns) - 1,
                     template_row.label)
            for value_column in template_row.columns:
                _box(sheet, row + 2 if grouped else row + 1, column, row + 2, column,
                     value_column.label)
                _box(sheet, row + 3, column, row + 3, column, None, fill=None)
                positions[f"{table.section}.{template_row.key}.{value_column.key}"] = (row + 3, column)
                column += 1
    return row + 4


def _fill_values(sheet: Worksheet, review: ReportReview, findings: list[Finding],
                 positions: Positions) -> None:
    errors = _named_cells(findings, "error")
    warnings = _named_cells(findings, "warning")
    corrections = review.corrections()
    for path, (row, column) in positions.items():
        cell = sheet.cell(row, column, shown_value(review, path))
        cell.alignment = CENTER
        fill = (ERROR_FILL if _is_named(path, errors) else WARNING_FILL if _is_named(path, warnings)
                else CORRECTED_FILL if path in corrections else None)
        if fill:
            cell.fill = fill
        if path in corrections:
            c = corrections[path]
            comment = Comment(f"原值：{format_value(c.original)}；修改时间：{c.time}；备注：{c.note}",
                              "审核工作台")
            comment.width, comment.height = 320, 90
            cell.comment = comment


def _named_cells(findings: list[Finding], severity: str) -> set:
    return {cell for f in findings if f.severity == severity for cell in f.cells}


def _is_named(path: str, named: set) -> bool:
    """A finding may name a cell, its row (section3.granted) or its table (section3)."""
    section, row, _ = path.split(".")
    return path in named or f"{section}.{row}" in named or section in named


# --- drawing helpers ------------------------------------------------------------------------

def _table_title(sheet: Worksheet, row: int, title: str) -> int:
    sheet.cell(row, 1, title).font = BOLD
    return row + 1


def _box(sheet: Worksheet, r1: int, c1: int, r2: int, c2: int, text, *,
         fill: Optional[PatternFill] = HEADER_FILL, align: Alignment = CENTER) -> None:
    """Write ``text`` into the range r1:c1–r2:c2 (merged if larger than one cell), bordered."""
    for line in sheet.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
        for cell in line:
            cell.border = BORDER
            if fill:
                cell.fill = fill
    cell = sheet.cell(r1, c1, text)
    cell.alignment = align
    if (r1, c1) != (r2, c2):
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def _merge_down(sheet: Worksheet, top: int, column: int, rows: tuple[Row, ...],
                label: Callable[[Row], Optional[str]]) -> None:
    """Merge each run of consecutive rows sharing a label in ``column`` and print the label."""
    index = 0
    for text, run in _runs(rows, label):
        if text:
            _box(sheet, top + index, column, top + index + len(run) - 1, column, text)
        index += len(run)


def _runs(rows, key) -> list[tuple[object, list]]:
    return [(k, list(group)) for k, group in groupby(rows, key)]


def _spans(count: int, first: int, last: int) -> list[tuple[int, int]]:
    """Spread ``count`` columns over first..last: one each, the last one takes the rest."""
    spans = [(first + i, first + i) for i in range(count)]
    spans[-1] = (spans[-1][0], last)
    return spans


def _header_row(sheet: Worksheet, header: list[str]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _finish_list_sheet(sheet: Worksheet, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
