"""Excel export: a summary, the list of problems, the edit trail, and one sheet per report with
its three tables drawn in the official template's layout (merged headers and group labels).

Cell colours are the window's (gui/palette.py), strongest first: the cell an error names as the
one to fix (red), the other cells of a failing error rule (light red), cells of a warning
(amber), corrected cells (green), cells the parser was unsure of or filled in itself (存疑, light
blue). Corrected and 存疑 cells carry a comment: "原值：…；修改时间：…；备注：…", "存疑：…".
Each sheet's legend row is drawn from the same fills. A file from which no table could be read
is a row of 汇总 with the reason, and gets no sheet of its own.

Printing: A4 landscape; a report sheet fits one page, the lists fit the page width with their
header row repeated.
"""
from __future__ import annotations

import math
import os
import re
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.merge import MergedCell, MergedCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from core.review.edits import RESOLVED, RESOLVED_MESSAGE, ReportReview, local_time, verdict_cells
from core.export.common import (DOUBT, GROUP_NUMBER, CopyNote, ExportSteps, atomic_write, copy_notes, covering_paths, describe_cell,
                                describe_cells, doubt_label, flags_for, format_value, opinion, opinion_line, report_title,
                                severity_label, short_row_label, shown_value, unreadable_reason)
from core.equations import Equation, equations
from core.model import Finding, Number, Report
from core.review.flag_groups import FlagGroup
from core.template import RESULTS, TEMPLATE_NAMES, Row, Table, describe, tables

SUMMARY, PROBLEMS, CHANGES = "汇总", "问题清单", "修改记录"
SUMMARY_HEADER = ["文件", "单位", "年度", "模板", "错误", "警告", "存疑", "已处理", "状态", "说明", "表格"]
SUMMARY_AGENCY_WIDTH = 37  # 17 Chinese characters at 2.1 widths each, and the cell's margins
SHEET_LINK = "查看"  # the 表格 column's link to the report's sheet
PROBLEMS_HEADER = ["文件", "单位", "年度", "规则", "级别", "单元格", "说明", "期望值", "实际值", "建议值",
                   "建议修改的单元格", "审核意见", "意见说明"]
PROBLEMS_WIDTHS = [18, 12, 5, 6, 5, 18, 30, 11, 11, 11, 14, 9, 12]
PROBLEMS_VALUES = frozenset({8, 9, 10})  # 期望值, 实际值, 建议值: a number or a sum's side, centred under its heading
LIST_MARGIN = 0.25  # inches left and right of a printed list: its columns print larger
CHANGES_HEADER = ["文件", "单位", "年度", "单元格", "原值", "修正值", "时间", "备注"]

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_ORGANISATIONS = "法人或其他组织"
T2_CONTENT = "信息内容"
FLAG_KINDS = {"parse": "解析不确定", "inferred": "推定值", "missing": "未找到", "unit": "单位换算"}

# The window's colours (gui/palette.py): core cannot import the GUI, so they are repeated here.
SUGGESTED_FILL = PatternFill("solid", fgColor="F28B82")  # red: the cell an error says to fix
ERROR_FILL = PatternFill("solid", fgColor="FDE0DC")  # light red: the other cells of the error
WARNING_FILL = PatternFill("solid", fgColor="FFD666")  # amber
CORRECTED_FILL = PatternFill("solid", fgColor="B7E1B0")  # green
DOUBT_FILL = PatternFill("solid", fgColor="CFE2FF")  # light blue: 存疑
LEGEND_TITLE = "图例："
LEGEND = (  # (fill, text), in the order a cell picks its fill
    (SUGGESTED_FILL, "错误：建议修改的单元格"),
    (ERROR_FILL, "错误：参与出错算式"),
    (WARNING_FILL, "警告"),
    (CORRECTED_FILL, "已修正（批注中有原值）"),
    (DOUBT_FILL, "存疑／推定（批注中有说明）"),
)
LEGEND_SPANS = ((2, 2), (3, 3), (4, 5), (6, 7), (8, 10))  # sheet columns of each legend entry
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")
NARROW_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
BOLD = Font(bold=True)

# Sheet columns: T3 uses A-C for its labels and D-J for values; T2 uses A-D; T4 A-O.
REPORT_COLUMN_WIDTHS = {"A": 16, "B": 16, "C": 34}
VALUE_COLUMN_WIDTH = 10
REPORT_TITLE_ROWS = "1:3"  # title, file line and legend: repeated on every printed page
LINE_HEIGHT = 15  # points per line of wrapped 11-point text (Excel on Windows: 14.25 for 等线)
# Width of a Chinese character in Excel's width unit (the width of "0"): Excel on Windows draws
# one about 2.1 wide (15 px against "0"'s 7), LibreOffice about 1.7. Counted 1.7, a label Windows
# wraps onto one more line than the row was made for lost that line, cut off; counted 2.1 a row
# is at most a line taller than LibreOffice needs, blank at its foot.
WIDE = 2.1
# Latin letters and signs are not all as wide as "0": a file's path (mostly narrow /, t, l, .)
# counted one each was given a second line it did not need, a blank band under every such row.
# The widths are the larger of Calibri's (Excel) and DejaVu Sans's (LibreOffice without Carlito).
_NARROW = (dict.fromkeys(" !'.,:;ijl", 0.5) | dict.fromkeys("()-[]|frtI", 0.7)
           | dict.fromkeys("/\\csz\"", 0.9))
_BROAD = dict.fromkeys("mwMW@%", 1.7) | dict.fromkeys("ABCDEGHKNOQRUVXYZ&", 1.3)


def _character_width(ch: str) -> float:
    if ord(ch) >= 0x2000:
        return WIDE
    return _NARROW.get(ch) or _BROAD.get(ch) or 1.0

Positions = dict  # cell path -> (row, column) on the sheet


def write_xlsx(reviews: Iterable[ReportReview], target: Path,
               names: Optional[list[Optional[str]]] = None, root: Optional[str] = None,
               notes: Optional[dict[int, CopyNote]] = None, steps: Optional[ExportSteps] = None) -> None:
    """``steps``: told when the workbook is built and being saved, asked whether to go on."""
    steps = steps or ExportSteps()
    workbook = build_workbook(reviews, names, root, notes)
    texts_as_text(workbook)
    steps.saving()
    atomic_write(target, lambda path: workbook.save(path), steps.go_on)


def texts_as_text(workbook: Workbook) -> None:
    """Every text written as text: openpyxl stores one beginning with 「=」 as a formula (an
    auditor's note 「=上年数」 became a formula Excel could not read, #NAME? or a 「修复」 of the
    whole workbook). The exports write no formula of their own. (The cells written, not every
    position: ``iter_rows`` would make a cell at each.)"""
    for sheet in workbook.worksheets:
        for cell in sheet._cells.values():
            if cell.data_type == "f":
                cell.data_type = "s"


def common_folder(files: Iterable[str]) -> Optional[str]:
    """The folder holding every one of ``files`` (the folder the auditor opened, or the one
    below it they all sit in); None when there is none (no files, or drives apart)."""
    folders = [os.path.dirname(os.path.abspath(f)) for f in files if f]
    try:
        return os.path.commonpath(folders) if folders else None
    except ValueError:  # C:\ beside D:\, or relative beside absolute
        return None


def relative_file(file: str, root: Optional[str]) -> str:
    """``file`` as the lists print it: its path under ``root`` (单位01/2023年报告.docx), or whole."""
    if not file or not root:
        return file
    path = os.path.abspath(file)
    try:
        inside = os.path.commonpath([path, root]) == root
    except ValueError:  # another drive
        inside = False
    return os.path.relpath(path, root) if inside else file


def build_workbook(reviews: Iterable[ReportReview], names: Optional[list[Optional[str]]] = None,
                   root: Optional[str] = None, notes: Optional[dict[int, CopyNote]] = None) -> Workbook:
    """``names``: report_sheet_names of the reviews' reports, when ``reviews`` is consumed as
    it is written (the export's progress counts reports out one by one). ``root``: the folder
    the 问题清单 and 修改记录 name the files under (their whole path, in a column 18 wide, took
    4–6 printed lines a row and hid which report a row was of; the whole path is the cell's
    comment); by default the folder holding them all (``common_folder``). ``notes``: copy_notes
    (which copy of a year filed twice counts, said on each copy's sheet)."""
    if names is None or root is None or notes is None:
        reviews = list(reviews)
        names = names if names is not None else report_sheet_names([review.report for review in reviews])
        root = root if root is not None else common_folder(review.report.file for review in reviews)
        notes = notes if notes is not None else copy_notes(reviews)
    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY
    problems = workbook.create_sheet(PROBLEMS)
    changes = workbook.create_sheet(CHANGES)
    for sheet, header in ((summary, SUMMARY_HEADER), (problems, PROBLEMS_HEADER),
                          (changes, CHANGES_HEADER)):
        header_row(sheet, header)
    for review, name in zip(reviews, names):
        report = review.report
        who = [report.file, report.agency or "", report.year]
        listed = [relative_file(report.file, root), report.agency or "", report.year]  # 问题清单, 修改记录
        reason = unreadable_reason(report)
        findings = review.findings()
        if reason:
            # no values to show, but the auditor's work on the file is kept: the mark and the
            # verdicts (a D-2 on a report whose tables were all lost, dismissed with its reason)
            summary.append(who + ["", None, None, None, None, review.status_text, reason])
            _append_problems(problems, listed, report.template, review, findings)
            continue
        assert name is not None  # report_sheet_names gives every readable report a name
        copy = notes.get(id(review))
        positions = write_report_sheet(workbook.create_sheet(name), review, findings, copy)
        summary.append(who + [TEMPLATE_NAMES.get(report.template, report.template), *review.counts(findings), review.status,
                              "；".join(list(report.problems) + ([copy.short()] if copy else [])), SHEET_LINK])
        # the link on a short cell of its own: LibreOffice does not wrap a linked cell, and the
        # file's whole path, linked, printed cut to its first characters
        _link(summary.cell(summary.max_row, len(SUMMARY_HEADER)), name)
        _append_problems(problems, listed, report.template, review, findings)
        for group in review.open_flag_groups():  # as the window's 问题清单 lists them, and counts
            problems.append(listed + _flag_group_row(report.template, group))
        for edit in review.edits:
            changes.append(listed + [describe(report.template, edit.cell), edit.old, edit.new,
                                     local_time(edit.time), edit.note])
            if edit.cell in positions:  # 修正值 a link to the cell on the report's sheet (a short cell:
                # LibreOffice does not wrap a linked one, and 单元格's names run to two lines)
                _link(changes.cell(changes.max_row, CHANGES_HEADER.index("修正值") + 1), name,
                      "{}{}".format(get_column_letter(positions[edit.cell][1]), positions[edit.cell][0]))
    for sheet in (problems, changes):
        whole_path_comments(sheet, root)
    # 单位 37 wide: 17 characters a line (「某某市某某区人民政府办公室」 and longer names wrapped at 28)
    finish_list_sheet(summary, [44, SUMMARY_AGENCY_WIDTH, 7, 7, 6, 6, 6, 7, 9, 36, 6])
    # 问题清单 printed at 55 % (6.9-point letters) when its columns summed 230 widths; at 162
    # (and 0.25-inch side margins) at 80 % (10 points), its long texts wrapped into taller rows
    finish_list_sheet(problems, PROBLEMS_WIDTHS, centred=PROBLEMS_VALUES, margin=LIST_MARGIN)
    finish_list_sheet(changes, [36, 24, 7, 36, 9, 9, 24, 30])
    return workbook


def _append_problems(problems: Worksheet, who: list, version: str, review: ReportReview,
                     findings: list[Finding]) -> None:
    for finding in findings:  # (a verdict lapsed says so: 已忽略（已失效）, its note; open in 汇总's counts)
        problems.append(who + _problem_row(version, finding) + list(opinion(review, finding)))
    for verdict in review.resolved_verdicts(findings):  # the note stays, though the cell was corrected
        problems.append(who + [verdict.rule, RESOLVED, describe_cells(version, verdict_cells(version, verdict.cells)),
                               RESOLVED_MESSAGE, None, None, None, "", verdict.label, verdict.note])


def whole_path_comments(sheet: Worksheet, root: Optional[str]) -> None:
    """Each 文件 cell printed under ``root`` carries the whole path as its comment (not printed)."""
    if not root:
        return
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        if cell.value and not os.path.isabs(cell.value):
            cell.comment = Comment(f"完整路径：{os.path.join(root, cell.value)}", "审核工作台",
                                   width=400, height=60)


def _link(cell, sheet: str, target: str = "A1") -> None:
    """Make ``cell`` a link to another sheet of the workbook: its top, or its cell ``target``."""
    quoted = sheet.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!{target}")
    cell.font = Font(color="0563C1", underline="single")


def _problem_row(version: str, finding: Finding) -> list:
    suggestion = finding.suggestion
    expected: Union[Number, str, None] = finding.expected
    actual: Union[Number, str, None] = finding.actual
    suggested: Union[Number, str, None] = suggestion.value if suggestion else None
    equation = failing_equation(version, finding)
    if equation is not None and finding.expected is not None and finding.actual is not None:
        expected, actual = sum_sides(version, equation, finding.expected, finding.actual)
        if suggestion is not None:
            suggested = f"{short_cell_name(version, equation, suggestion.cell)}改为{format_value(suggestion.value)}"
    return [finding.rule, severity_label(finding.severity),
            describe_cells(version, list(finding.cells)), finding.message,
            expected, actual, suggested,
            describe_cell(version, suggestion.cell) if suggestion else ""]


# --- a failing sum, as 问题清单 shows it ---------------------------------------------------------
# 期望值 and 实际值 of a sum's finding are its two sides: T3-1's 25 and 295 with 建议值 295 read
# alike (which side was expected? 295 suggested for which cell?). Each side is named with its
# value, 「一、本年新收＋二、上年结转＝25」, and the suggestion names the cell it changes.

@lru_cache(maxsize=4)
def _equations_by_cells(version: str) -> dict:
    return {(eq.rule, eq.cell_set): eq for eq in equations(version)}


def failing_equation(version: str, finding: Finding) -> Optional[Equation]:
    """The template's sum a finding says fails (T3-1, T3-2, T3-3, T4-1..3), or None."""
    return _equations_by_cells(version).get((finding.rule, frozenset(finding.cells)))


def sum_sides(version: str, equation: Equation, expected, actual) -> tuple[str, str]:
    """期望值 and 实际值 of a failing sum, each side named: the rules give as expected the side
    summing more cells (T3-2's results, the total printed as actual), T3-1's left side when
    both sum two."""
    left, right = equation.left, equation.right
    expected_side, actual_side = (right, left) if len(right) > len(left) else (left, right)
    return (f"{_side_name(version, equation, expected_side)}＝{format_value(expected)}",
            f"{_side_name(version, equation, actual_side)}＝{format_value(actual)}")


def _side_name(version: str, equation: Equation, cells: tuple[str, ...]) -> str:
    names = [short_cell_name(version, equation, cell) for cell in cells]
    if len(names) <= 2:
        return "＋".join(names)
    first, last = GROUP_NUMBER.match(names[0]), GROUP_NUMBER.match(names[-1])
    if first and last:  # T3-2's results: （一）至（六）各项之和
        return f"{first.group(0)}至{last.group(0)}各项之和"
    return f"{names[0]}至{names[-1]}之和"


def short_cell_name(version: str, equation: Equation, cell: str) -> str:
    """The cell as a sum names it: a column's sum by its row (一、本年新收, （三）1.属于国家秘密),
    a row's by its column (自然人, 总计); the full name for a cell outside the sum."""
    if cell not in equation.cell_set:
        return describe_cell(version, cell)
    section, row_key, column_key = cell.split(".")
    if equation.kind != "column":
        return next(c.label for c in tables(version)[section].row(row_key).columns if c.key == column_key)
    return short_row_label(version, section, row_key)


def _flag_group_row(version: str, group: FlagGroup) -> list:
    """The flags of one row the parser was unsure of, as one 存疑 row of 问题清单, as the window
    lists them and as 汇总 counts them (rule column: what kind). Listed flag by flag, a row printed
    with no values made 8 rows saying one thing, and 汇总's 存疑 3 stood beside 24 of them; the
    flags of a cell the auditor has corrected are no longer listed (open_flag_groups)."""
    kinds = "、".join(dict.fromkeys(FLAG_KINDS.get(f.kind, f.kind) for f in group.flags))
    cells = group.cells
    where = describe_cell(version, cells[0] if len(cells) == 1 else group.row)
    message = group.message.removeprefix(where + "：")  # the 单元格 column names it already
    table = where.split("「")[0]  # (and its table: 表三「…」行… reads 「…」行… beside it)
    if table != where and message.startswith(table + "「"):
        message = message[len(table):]
    return [kinds, DOUBT, where, message, None, None, None, ""]


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31  # Excel's limit
FILE_TAG_LENGTH = 16  # at most this much of a sheet's name tells its file from its namesakes'


def report_sheet_names(reports: list[Report]) -> list[Optional[str]]:
    """Each report's sheet name, in order (None for a file no table was read from: no sheet).
    单位 + 年度, as the sheet's title; where several reports share them (one report converted
    to several formats, copies in two folders) each adds what tells its file from the others':
    「某局2025年（docx）」, 「某局2025年（pdf）」 (the part of the file names that differs), not
    「某局2025年（2）」…「（8）」 by their order. Names depend on the files, not on the order they
    come in. The brackets are full-width, as in the exported files' names (「…（2）.docx」)."""
    titles = [None if unreadable_reason(r) else _fitted_title(r) for r in reports]
    groups: dict[str, list[tuple[int, str]]] = {}
    for index, title in enumerate(titles):
        if title is not None:
            groups.setdefault(_sheet_base(title)[:SHEET_NAME_LENGTH].lower(), []).append((index, title))
    tagged: dict[int, str] = {}
    for members in groups.values():
        if len(members) > 1:
            tags = _numbered_alike(file_tags([reports[index].file for index, _ in members]),
                                   [reports[index].file for index, _ in members])
            longest = max(map(len, tags))  # the 单位 cut alike on every sheet of the group
            for (index, title), tag in zip(members, tags):
                tagged[index] = _tagged_title(reports[index], title, tag, longest)
    used = {SUMMARY, PROBLEMS, CHANGES}
    return [None if title is None else sheet_name(tagged.get(index, title), used)
            for index, title in enumerate(titles)]


def _fitted_title(report: Report) -> str:
    """单位 + 年度 within 31 characters: a longer 单位 is cut, ending 「…」, the year kept (「泰和市凤凰区人民政府
    办公室（…大数据发展管理局、泰和」 named no year, cut at 31 as a whole)."""
    title = report_title(report)
    year = f"{report.year}年" if report.year else ""
    if len(_sheet_base(title)) <= SHEET_NAME_LENGTH or not (report.agency and year):
        return title
    return f"{_cut(_sheet_base(report.agency), SHEET_NAME_LENGTH - len(year))}{year}"


def _numbered_alike(tags: list[str], files: list[str]) -> list[str]:
    """Tags that shortening made alike (pandoc-docx-markdown.md, pandoc-html-markdown.md → both
    pandoc-…kdown.md) each numbered inside it, in the order of their files' paths: 「（pandoc-…kdown.md）」,
    「（pandoc-…kdown.md·2）」; sheet_name's 「（2）」 after a title of 31 characters cut its 「）」."""
    out = list(tags)
    for tag in {t for t in tags if tags.count(t) > 1}:
        alike = sorted((files[i], i) for i, t in enumerate(tags) if t == tag)
        for number, (_, index) in enumerate(alike[1:], start=2):
            out[index] = f"{tag}·{number}"
    return out


def file_tags(files: list[str]) -> list[str]:
    """What tells each of ``files`` from the others: their names (their paths below the folder
    they share when two are named alike) without the start and end all share, cut between
    words: r0001-docx.docx, r0001-lynx.txt → docx.docx, lynx.txt; 某局年报.docx, 某局年报.pdf →
    docx, pdf."""
    paths = [Path(f) for f in files]
    texts = [p.name for p in paths]
    if len(set(texts)) < len(texts):
        try:
            common = os.path.commonpath([str(p) for p in paths])
            texts = [p.relative_to(common).as_posix() if common else p.as_posix() for p in paths]
        except ValueError:  # different drives
            texts = [p.as_posix() for p in paths]
    head = len(os.path.commonprefix(texts))
    tail = len(os.path.commonprefix([t[::-1] for t in texts]))
    tail = min(tail, min(len(t) for t in texts) - head)
    while head and any(_splits_word(t, head) for t in texts):
        head -= 1
    while tail and any(_splits_word(t, len(t) - tail) for t in texts):
        tail -= 1
    tags = [t[head:len(t) - tail] for t in texts]
    if not all(tags) or len(set(tags)) < len(tags):
        tags = texts
    return [_shorter_tag(_sheet_base(t)) for t in tags]


def _splits_word(text: str, cut: int) -> bool:
    """Whether cutting ``text`` before ``cut`` splits a Latin word or a number (report-2, report-12)."""
    return (0 < cut < len(text) and text[cut - 1].isascii() and text[cut - 1].isalnum()
            and text[cut].isascii() and text[cut].isalnum())


def _shorter_tag(tag: str) -> str:
    if len(tag) <= FILE_TAG_LENGTH:
        return tag
    half = (FILE_TAG_LENGTH - 1) // 2
    return f"{tag[:half]}…{tag[-(FILE_TAG_LENGTH - 1 - half):]}"


def _tagged_title(report: Report, title: str, tag: str, longest: int) -> str:
    """单位 + 年度 + （tag） within 31 characters: the 单位 is shortened to leave room for the
    group's ``longest`` tag (ending 「…」), the year and tag kept."""
    year = f"{report.year}年" if report.year else ""
    agency = title.removesuffix(year) if report.agency else title
    room = SHEET_NAME_LENGTH - len(year) - longest - 2
    return f"{_cut(_sheet_base(agency), max(room, 0))}{year}（{tag}）"


def _cut(text: str, length: int) -> str:
    """``text`` within ``length`` characters, a cut one ending 「…」: an auditor reading 「某某区
    人民政府办公室行政审」 could not tell the agency's name was longer."""
    if len(text) <= length:
        return text
    return text[:length - 1] + "…" if length > 1 else text[:length]


def _sheet_base(title: str) -> str:
    return _NOT_IN_SHEET_NAMES.sub("_", title).strip("' ") or "报告"


def sheet_name(title: str, used: set) -> str:
    """A valid, unique Excel sheet name (≤31 characters, none of []:*?/\\); adds it to ``used``."""
    base = _sheet_base(title)
    name, n = _cut(base, SHEET_NAME_LENGTH), 2
    taken = {u.lower() for u in used}
    while name.lower() in taken:
        suffix = f"（{n}）"  # (full-width, as the files' names: 「某局2025年（2）.docx」)
        name = _cut(base, SHEET_NAME_LENGTH - len(suffix)) + suffix
        n += 1
    used.add(name)
    return name


# --- one report -----------------------------------------------------------------------------

def write_report_sheet(sheet: Worksheet, review: ReportReview, findings: list[Finding],
                       copy: Optional[CopyNote] = None) -> Positions:
    """The report's sheet in the template's layout; returns where each cell's value is on it."""
    report = review.report
    sheet.cell(1, 1, f"{report_title(report)}政府信息公开工作年度报告").font = Font(bold=True, size=14)
    # the template as 汇总 names it (2019版, 未识别): "unknown" printed here as it was, in English
    version = TEMPLATE_NAMES.get(report.template, report.template)
    sheet.cell(2, 1, f"文件：{report.file}　　模板：{version}　　状态：{review.status}")
    _legend(sheet, 3)
    if copy is not None:  # a year filed twice: the row above the tables says whether this copy counts
        sheet.cell(4, 1, copy.line()).font = BOLD if not copy.counted else Font()
    template = tables(report.template)
    positions: Positions = {}
    row = 5
    for write_table, section in ((write_t2, "section2"), (write_t3, "section3"), (write_t4, "section4")):
        if section != "section2":  # one table a page (the title, file and legend rows over each)
            sheet.row_breaks.append(Break(id=row - 1))
        row = write_table(sheet, row, template[section], positions) + 1
    _fill_values(sheet, review, findings, positions)
    for letter, width in REPORT_COLUMN_WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    for column in range(4, 16):
        sheet.column_dimensions[get_column_letter(column)].width = VALUE_COLUMN_WIDTH
    fit_row_heights(sheet, first_row=3)
    # a table a page, the page as wide as 表四's fifteen columns: the three tables on one page
    # printed 表三's labels in 6-point letters
    print_setup(sheet, REPORT_TITLE_ROWS, one_page=False)
    page_numbers(sheet)  # (the report's title heads each page: rows 1-3 are repeated)
    return positions


def _legend(sheet: Worksheet, row: int) -> None:
    sheet.cell(row, 1, LEGEND_TITLE).font = BOLD
    for (fill, text), (first, last) in zip(LEGEND, LEGEND_SPANS):
        _box(sheet, row, first, row, last, text, fill=fill)


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
    corrections = review.corrections()
    # a dismissed finding is handled, not a problem: it colours no cell (as in the window), and
    # its comment still says what it was and why it was dismissed
    standing = [f for f in findings if not review.is_dismissed(f)]
    for path, (row, column) in positions.items():
        cell = sheet.cell(row, column, shown_value(review, path))
        cell.alignment = CENTER
        flags = flags_for(review.report, path)
        confirmed = review.is_confirmed(path)
        fill = cell_fill(path, standing, path in corrections, bool(flags) and not confirmed)
        if fill:
            cell.fill = fill
        notes = [finding_note(review, finding, path) for finding in findings
                 if path in finding.cells or (finding.suggestion and finding.suggestion.cell == path)]
        notes += [f"{doubt_label([flag])}：{flag.message}" for flag in flags]
        if path in corrections:
            c = corrections[path]
            note = f"；备注：{c.note}" if c.note else ""
            notes.insert(0, f"原值：{format_value(c.original)}；修改时间：{local_time(c.time)}{note}")
        elif confirmed:
            confirmation = review.set_by(path)
            assert confirmation is not None  # a confirmed cell was set by an edit
            notes.insert(0, f"审核人已核对原文，确认此值；确认时间：{local_time(confirmation.time)}")
        if notes:
            text = "\n".join(notes)
            comment = Comment(text, "审核工作台")
            # about 22 Chinese characters a line at 320 px, 18 px a line: every line shown whole
            lines = sum(-(-len(line) // 22) or 1 for line in text.split("\n"))
            comment.width, comment.height = 320, 24 + 18 * lines
            cell.comment = comment


def finding_note(review: ReportReview, finding: Finding, path: str) -> str:
    """Why a finding marks this cell: 级别 rule：message, the value it suggests here, and the
    auditor's verdict on a line of its own."""
    note = f"{severity_label(finding.severity)} {finding.rule}：{finding.message}"
    if finding.suggestion is not None and finding.suggestion.cell == path:
        note += f"；建议改为{format_value(finding.suggestion.value)}"
    said = opinion_line(review, finding)
    return f"{note}\n{said}" if said else note


def cell_fill(path: str, findings: list[Finding], corrected: bool,
              doubtful: bool) -> Optional[PatternFill]:
    """The cell's fill, the first that applies in the order of LEGEND (as the window does)."""
    named = [f for f in findings if _is_named(path, f)]
    errors = [f for f in named if f.severity == "error"]
    if any(_is_the_cell_to_fix(path, f) for f in errors):
        return SUGGESTED_FILL
    if errors:
        return ERROR_FILL
    if any(f.severity == "warning" for f in named):
        return WARNING_FILL
    if corrected:
        return CORRECTED_FILL
    if doubtful or named:  # a finding of another severity is a doubt about the reading
        return DOUBT_FILL
    return None


def _is_named(path: str, finding: Finding) -> bool:
    """A finding names a cell, its row (section3.granted) or its table (section3), or suggests
    a value for it."""
    named = set(finding.cells) | ({finding.suggestion.cell} if finding.suggestion else set())
    return bool(covering_paths(path) & named)


def _is_the_cell_to_fix(path: str, finding: Finding) -> bool:
    """The cell a suggestion names, or the only cell of a finding without one."""
    if finding.suggestion is not None:
        return finding.suggestion.cell == path
    return finding.cells == [path]


# --- drawing helpers ------------------------------------------------------------------------

def _table_title(sheet: Worksheet, row: int, title: str) -> int:
    sheet.cell(row, 1, title).font = BOLD
    return row + 1


def _box(sheet: Worksheet, r1: int, c1: int, r2: int, c2: int, text, *,
         fill: Optional[PatternFill] = HEADER_FILL, align: Alignment = CENTER) -> None:
    """Write ``text`` into the range r1:c1–r2:c2 (merged if larger than one cell), bordered.

    The cells a merge covers take the first cell's border as they are made: openpyxl's
    merge_cells rebuilt each edge's border from new style objects (hashed anew for every
    cell), most of an Excel export's time (about 0.1 s a report)."""
    cell = sheet.cell(r1, c1, text)
    cell.border = BORDER
    if fill:
        cell.fill = fill
    cell.alignment = align
    if (r1, c1) == (r2, c2):
        return
    sheet.merged_cells.add(MergedCellRange(sheet, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"))
    for row in range(r1, r2 + 1):
        for column in range(c1, c2 + 1):
            if (row, column) != (r1, c1):
                covered = MergedCell(sheet, row, column)
                covered._style = StyleArray()  # as merge_cells leaves them: the border alone
                covered._style.borderId = cell._style.borderId
                sheet._cells[row, column] = covered


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


def header_row(sheet: Worksheet, header: list[str]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL


NARROW_COLUMN = 9  # a list's columns this wide or narrower hold a number or a word or two


def finish_list_sheet(sheet: Worksheet, widths: list[int], centred: frozenset[int] = frozenset(),
                       margin: Optional[float] = None) -> None:
    """Column widths, wrapped text, frozen header, filter; prints the page width wide. The narrow
    columns (年度, 模板, 错误…状态) are centred, heading and values: printed without grid lines,
    numbers at their right edge ran into the next column's words ("2021 2021版", "0 已修改"),
    under headings at the left edge of theirs."""
    narrow = set(centred)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
        if width <= NARROW_COLUMN:
            narrow.add(i)
    for cell in sheet[1]:  # headings at the top of the row, as the values under them
        cell.alignment = NARROW_TOP if cell.column in narrow else WRAP
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if cell.column in narrow:
                cell.alignment = NARROW_TOP
            else:
                cell.alignment = WRAP if isinstance(cell.value, str) else TOP
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    fit_row_heights(sheet, first_row=1)
    print_setup(sheet, "1:1", one_page=False)
    if margin is not None:
        sheet.page_margins.left = sheet.page_margins.right = margin


def print_setup(sheet: Worksheet, title_rows: str, one_page: bool) -> None:
    """A4 landscape, as wide as the page (and one page tall for a report), title rows repeated."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if one_page else 0
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5


PAGE_NUMBER = "第 &P 页，共 &N 页"


def page_numbers(sheet: Worksheet, title: Optional[str] = None) -> None:
    """Each printed page numbered, and headed by ``title`` (what it is part of): a page of a
    sheet printed over many (汇总's 表三 columns on page 40) said neither, loose on a desk."""
    if title:
        for header_footer in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
            header_footer.center.text = title.replace("&", "&&")
            header_footer.center.size = 9
    for header_footer in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        header_footer.center.text = PAGE_NUMBER
        header_footer.center.size = 9


def fit_row_heights(sheet: Worksheet, first_row: int) -> None:
    """Row heights for wrapped text: neither Excel nor Calc grows a row for a merged cell, and
    Calc grows none on opening a workbook (LibreOffice 7.4: rows of 1 to 5 wrapped lines without
    a height, or with customHeight="0", all kept 15 points, their text cut). The heights are for
    Excel on Windows (WIDE, LINE_HEIGHT): Calc, drawing a Chinese character narrower, shows a row
    up to a line taller than its text; sized for Calc, Windows would cut that line."""
    merged = {(r.min_row, r.min_col): r for r in sheet.merged_cells.ranges}
    needed: dict[int, float] = {}
    for line in sheet.iter_rows(min_row=first_row):
        for cell in line:
            if not isinstance(cell.value, str) or not (cell.alignment and cell.alignment.wrap_text):
                continue
            span = merged.get((cell.row, cell.column))
            columns = range(span.min_col, span.max_col + 1) if span else [cell.column]
            rows = span.max_row - span.min_row + 1 if span else 1
            width = sum(_column_width(sheet, c) for c in columns)
            lines = sum(_lines(part, width) for part in cell.value.split("\n"))
            needed[cell.row] = max(needed.get(cell.row, 1), lines / rows)
    for row, count in needed.items():
        if count > 1:
            sheet.row_dimensions[row].height = math.ceil(count) * LINE_HEIGHT


def _column_width(sheet: Worksheet, column: int) -> float:
    return sheet.column_dimensions[get_column_letter(column)].width or VALUE_COLUMN_WIDTH


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide (a Chinese character or a
    full-width sign takes up to 2.1 of Excel's character widths, a Latin letter its own width)."""
    size = sum(_character_width(ch) for ch in text)
    # a column w wide is 7w + 5 pixels, about 4 of them its cell's margins: w - 0.5 is room to spare
    usable = max(width - 0.5, 1)
    return max(1, math.ceil(size / usable))
