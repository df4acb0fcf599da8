"""The comparison of two years as an Excel workbook.

Sheet 比对: the previous year's three tables on the left and the current year's on the right, each in
the template layout of its own version (drawn by core/export/xlsx.py), every value cell coloured
by its kind of change as in the window; corrected values carry their original in a comment.
Printed, each year goes on a page of its own: both years on one page wide printed at a third of
their size, unreadable on A4; one page wide but pages tall, 表三's last rows and 表四 of a year
went on a page of their own.
Its fourth row says what the cross-year check (X-1..X-4) found; the sheet 跨年度问题 lists its
findings, and only when there are some (a sheet holding one line 未发现跨年度问题 printed a page of
its own). Sheets 变化清单 (every changed cell with Δ and %, every cell printed in
one year only, which cannot be compared but must not vanish from the list, and, grey, the cells
only one template version has that hold a number: 2020's （六）其他处理 beside 2021's （六）1–3 — not
compared, not counted), 正文 (the prose's numbers and the text reuse).
"""
from __future__ import annotations

from copy import copy
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.worksheet.pagebreak import Break

from core.check.cross_year import METHOD, share_text
from core.compare.comparison import Comparison
from core.compare.diff import (CHANGE_COLOURS, CHANGE_LABELS, ONLY_ONE_VERSION_COLOUR, ONLY_ONE_VERSION_LABEL,
                               UNKNOWN)
from core.export.common import SEVERITY_LABELS, atomic_write, format_value, opinion, shown_value
from core.export.xlsx import CENTER, fit_row_heights, print_setup, texts_as_text, write_t2, write_t3, write_t4
from core.review.edits import ReportReview
from core.template import describe, tables

SIDE_BY_SIDE, FINDINGS, CHANGES, PROSE = "比对", "跨年度问题", "变化清单", "正文"
FINDINGS_HEADER = ["规则", "级别", "本年单元格", "上年单元格", "说明", "期望值", "实际值", "审核意见", "意见说明"]
NO_FINDINGS, NO_CHANGES = "未发现跨年度问题", "两年的统计表没有变化"
CROSS_YEAR = "跨年度检查（X-1～X-4）："  # the 比对 sheet's line for what it found
NOT_CONSECUTIVE = "两份报告不是相邻年度，不做跨年度检查"
CHANGES_HEADER = ["单元格", "上年", "本年", "差值", "变化（%）", "类型"]
PROSE_HEADER = ["事项", "上年正文数字", "上年原句", "本年正文数字", "本年原句"]
LEGEND = ("图例：浅蓝＝增加；深蓝＝由0变为非0；浅橙＝减少；深橙＝变为0；灰＝仅一个模板版本有；"
          "批注＝审核中已修正（原值）")
CROSS_YEAR_ROW = 4  # under the legend
TOP = 5  # first row of the tables on the 比对 sheet
GAP = 1  # empty columns between the two years


def write_compare_xlsx(comparison: Comparison, target: Path) -> None:
    workbook = build_compare_workbook(comparison)
    texts_as_text(workbook)
    atomic_write(Path(target), lambda path: workbook.save(path))


def build_compare_workbook(comparison: Comparison) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SIDE_BY_SIDE
    before, now = comparison.previous.report, comparison.current.report
    sheet.cell(1, 1, f"{now.agency} {before.year}年 ↔ {now.year}年 政府信息公开工作年度报告比对").font = \
        Font(bold=True, size=14)
    counts = "；".join(f"{name}：变化{c.changed}，未变{c.unchanged}，0→n {c.became_nonzero}，n→0 {c.became_zero}"
                      for name, c in zip(("表二", "表三", "表四"), comparison.counts.values()))
    sheet.cell(2, 1, counts + "（两年均为0的单元格不计）")
    sheet.cell(3, 1, LEGEND)
    sheet.cell(CROSS_YEAR_ROW, 1, CROSS_YEAR + _cross_year_result(comparison))
    starts = _table_starts(before.template, now.template)
    width = _draw_side(sheet, workbook, comparison, comparison.previous, "previous", 0, starts)
    current_width = _draw_side(sheet, workbook, comparison, comparison.current, "current", width + GAP,
                               starts)
    fit_row_heights(sheet, first_row=TOP)
    _print_years_apart(sheet, width + GAP, current_width, starts)
    if comparison.consecutive and comparison.findings:
        _findings_sheet(workbook.create_sheet(FINDINGS), comparison)
    _changes_sheet(workbook.create_sheet(CHANGES), comparison)
    _prose_sheet(workbook.create_sheet(PROSE), comparison)
    return workbook


_TABLES = ((write_t2, "section2"), (write_t3, "section3"), (write_t4, "section4"))


def _table_starts(previous: str, current: str) -> list[int]:
    """The row (under the year's line) where each table starts on both sides: after the taller of
    the two tables above it. Years on two template versions (2020 ↔ 2021) stacked their tables
    each on its own, 2019's 表二 being 8 rows taller: every row of 表三 and 表四 then shared its
    sheet row, and its height, with another row of the other year, and each year printed with
    rows of 2 or 3 lines for labels of one (2.重复申请 as tall as 2021's （六）1.申请人无正当理由…)."""
    starts, row = [], 2
    for a, b in zip(_table_heights(previous), _table_heights(current)):
        starts.append(row)
        row += max(a, b) + 1
    return starts


@lru_cache(maxsize=None)
def _table_heights(version: str) -> tuple[int, ...]:
    """The rows each table of a template version takes, as drawn (measured once a version)."""
    return tuple(write_table(Workbook().active, 1, tables(version)[section], {}) - 1 for write_table, section in _TABLES)


def _draw_side(sheet: Worksheet, workbook: Workbook, comparison: Comparison, review: ReportReview,
               side: str, offset: int, starts: list[int]) -> int:
    """Draw one year's tables at column ``offset``, each from its row of ``starts``; returns the
    width used (in columns)."""
    scratch = workbook.create_sheet("scratch")
    positions: dict = {}
    template = tables(review.report.template)
    row = 1
    # the file named: a year filed twice is compared through one of its copies
    source = Path(review.report.file).name if review.report.file else ""
    scratch.cell(row, 1, f"{review.report.year}年（{review.report.template}版模板）　{source}".rstrip()
                 ).font = Font(bold=True)
    for (write_table, section), start in zip(_TABLES, starts):
        write_table(scratch, start, template[section], positions)
    _copy_sheet(scratch, sheet, TOP - 1, offset)
    width = scratch.max_column
    workbook.remove(scratch)
    corrections = review.corrections()
    for path, (r, c) in positions.items():
        cell = sheet.cell(r + TOP - 1, c + offset, shown_value(review, path))
        cell.alignment = CENTER
        change = comparison.change_at(path, side)
        colour = ONLY_ONE_VERSION_COLOUR if change is None else CHANGE_COLOURS.get(change.kind)
        if colour:
            cell.fill = PatternFill("solid", fgColor=colour)
        if path in corrections:
            cell.comment = Comment(f"审核中已修正，原值：{format_value(corrections[path].original)}", "审核工作台")
    for column in range(1, width + 1):
        source = get_column_letter(column)
        target = get_column_letter(column + offset)
        sheet.column_dimensions[target].width = {"A": 16, "B": 16, "C": 34}.get(source, 10)
    return width


def _print_years_apart(sheet: Worksheet, current_offset: int, current_width: int, starts: list[int]) -> None:
    """A4 landscape, each year a print range of its own, so that each starts a new page; its
    year's line (row TOP) heads each of its pages. As the report sheets print: the page's width,
    each table from a page of its own (the break before 表三 and 表四 falls in both years' rows
    alike, their tables start on one row). A year's three tables fitted on one page printed at
    55 %, their numbers some 5 pt high (ux69)."""
    print_setup(sheet, f"{TOP}:{TOP}", one_page=False)
    for start in starts[1:]:
        sheet.row_breaks.append(Break(id=start + TOP - 2))  # after the row above the table's title
    previous_last = get_column_letter(current_offset - GAP)
    first, last = get_column_letter(current_offset + 1), get_column_letter(current_offset + current_width)
    sheet.print_area = [f"A1:{previous_last}{sheet.max_row}", f"{first}{TOP}:{last}{sheet.max_row}"]


def _copy_sheet(source: Worksheet, target: Worksheet, row_offset: int, column_offset: int) -> None:
    for line in source.iter_rows():
        for cell in line:
            if cell.value is None and not cell.has_style:
                continue
            moved = target.cell(cell.row + row_offset, cell.column + column_offset, cell.value)
            if cell.has_style:
                moved._style = copy(cell._style)
    for merged in source.merged_cells.ranges:
        target.merge_cells(start_row=merged.min_row + row_offset, start_column=merged.min_col + column_offset,
                           end_row=merged.max_row + row_offset, end_column=merged.max_col + column_offset)


def _header(sheet: Worksheet, header: list[str], widths: list[int]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    print_setup(sheet, "1:1", one_page=False)


_CENTRED = Alignment(horizontal="center", vertical="top", wrap_text=True)
_WRAPPED = Alignment(vertical="top", wrap_text=True)


def _lay_out(sheet: Worksheet, centred: tuple[int, ...], wrapped: tuple[int, ...]) -> None:
    """The rows written so far: number and short-word columns centred, heading and values (printed
    without grid lines, a number at its column's right edge stood under the next column's heading,
    at that one's left edge: 上年's 3 under 本年, 变化（%）'s -100 run into 类型's 变为0); text
    columns wrapped in their width (a sentence ran over the columns to its right), each row as
    tall as its text."""
    for line in sheet.iter_rows():
        for cell in line:
            if cell.column in centred:
                cell.alignment = _CENTRED
            elif cell.column in wrapped and cell.row > 1:
                cell.alignment = _WRAPPED
    fit_row_heights(sheet, first_row=2)


def _cross_year_result(comparison: Comparison) -> str:
    if not comparison.consecutive:
        return NOT_CONSECUTIVE
    if not comparison.findings:
        return NO_FINDINGS
    return f"发现{len(comparison.findings)}项问题，见「{FINDINGS}」工作表"


def _findings_sheet(sheet: Worksheet, comparison: Comparison) -> None:
    _header(sheet, FINDINGS_HEADER, [8, 8, 40, 40, 70, 10, 10, 10, 30])
    now, before = comparison.current.report.template, comparison.previous.report.template
    for finding in comparison.findings:
        sheet.append([finding.rule, SEVERITY_LABELS.get(finding.severity, finding.severity),
                      "、".join(describe(now, c) for c in finding.cells),
                      "、".join(describe(before, c) for c in comparison.cells_before(finding)),
                      finding.message, finding.expected, finding.actual]
                     # the X rules are the current year's findings (a lapsed verdict: 已忽略（已失效）)
                     + list(opinion(comparison.current, finding)))
    _lay_out(sheet, centred=(1, 2, 6, 7, 8), wrapped=(3, 4, 5, 9))


def _changes_sheet(sheet: Worksheet, comparison: Comparison) -> None:
    _header(sheet, [comparison.sided(t) for t in CHANGES_HEADER], [60, 12, 12, 12, 12, 14])
    version = comparison.current.report.template
    for change in comparison.cells:
        one_sided = change.kind == UNKNOWN and (change.previous, change.current) != (None, None)
        if not (change.changed or one_sided):
            continue
        row = [describe(version, change.path), change.previous, change.current, change.delta,
               None if change.percent is None else round(change.percent, 2), CHANGE_LABELS[change.kind]]
        sheet.append(row)
        if change.kind in CHANGE_COLOURS:
            sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", fgColor=CHANGE_COLOURS[change.kind])
    grey = PatternFill("solid", fgColor=ONLY_ONE_VERSION_COLOUR)
    for side in ("previous", "current"):
        review = comparison.previous if side == "previous" else comparison.current
        for path, value in comparison.one_version_cells(side):
            if not value:  # a 0 or blank of one version only says nothing: as 两年均为0, left out
                continue
            name = f"{describe(review.report.template, path)}（仅{review.report.template}版模板）"
            sheet.append([name, value if side == "previous" else "—", value if side == "current" else "—",
                          None, None, ONLY_ONE_VERSION_LABEL])
            sheet.cell(sheet.max_row, 6).fill = grey
    _lay_out(sheet, centred=(2, 3, 4, 5, 6), wrapped=(1,))
    if sheet.max_row == 1:
        sheet.append([NO_CHANGES])


def _prose_sheet(sheet: Worksheet, comparison: Comparison) -> None:
    _header(sheet, [comparison.sided(t) for t in PROSE_HEADER], [14, 12, 60, 12, 60])
    for row in comparison.prose:
        sheet.append([row.topic, row.previous.value if row.previous else None,
                      row.previous.sentence if row.previous else "",
                      row.current.value if row.current else None,
                      row.current.sentence if row.current else ""])
    _lay_out(sheet, centred=(2, 4), wrapped=(1, 3, 5))
    sheet.append([])
    reuse = comparison.reuse
    sheet.append(["正文重复率", share_text(reuse.overall)] +
                 [f"第{name}部分 {share_text(s.share, s.current)}" for name, s in reuse.sections.items()])
    sheet.append(["计算方法", METHOD])
