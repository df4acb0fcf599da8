"""The folder as a DataFrame, the 年度对照 grid behind it, and the 汇总 export built on it."""
from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from pathlib import Path

import openpyxl

from core.compare.frame import copy_differences, folder_frame, refresh_rows, totals_per_year, yearly_grid
from core.export.summary import TOTALS, WIDE, summary_frames, write_summary
from core.pipeline import load_report, report_files
from core.review.edits import DISMISSED, CellEdit, ReportReview, verdict_on
from tests.core.printed import printed_pages, printed_words

ROOT = Path(__file__).resolve().parents[3]
COMPARE = ROOT / "tests" / "fixtures" / "compare"


def reviews():
    return [ReportReview(load_report(p)) for p in report_files(COMPARE)]


def test_one_row_per_report_one_column_per_cell_with_corrections():
    items = reviews()
    items[3] = ReportReview(items[3].report, [CellEdit("section3.new.total", 3119, 3120)])
    frame = folder_frame(items)
    assert list(frame["year"]) == [2020, 2021, 2023, 2024]
    assert list(frame["template"]) == ["2019", "2021", "2021", "2021"]
    assert list(frame["status"]) == ["未审核", "未审核", "未审核", "已修改"]
    assert list(frame["section3.new.total"]) == [26, 28, 2834, 3120]
    # a cell of the other template version is empty, not 0
    assert math.isnan(frame.loc[0, "section2.normative_docs.in_force"])
    assert frame.loc[0, "section2.procurement.amount"] == 356.8
    assert math.isnan(frame.loc[1, "section2.procurement.amount"])
    # the correction broke T3-1 and T3-3 of 2024
    assert frame.loc[3, "errors"] > 0 and frame.loc[2, "errors"] == 0


def test_the_yearly_grid_shows_missing_years():
    grid = yearly_grid(folder_frame(reviews()))
    assert list(grid.index) == ["某某县人民政府办公室", "淮安市人民政府办公室"]
    assert list(grid.columns) == [2020, 2021, 2022, 2023, 2024]
    assert grid.loc["淮安市人民政府办公室", 2023] == [2] and grid.loc["淮安市人民政府办公室", 2022] == []
    assert grid.loc["某某县人民政府办公室", 2020] == [0]


def test_totals_per_year():
    totals = totals_per_year(folder_frame(reviews()))
    assert list(totals.index) == [2020, 2021, 2023, 2024]
    assert list(totals["reports"]) == [1, 1, 1, 1]
    assert totals.loc[2024, "section4.review.total"] == 351


def test_a_report_twice_in_the_folder_counts_once_in_the_year_totals():
    """The same agency's report of a year as .doc and .pdf (or a copy) is one report: summed twice
    it doubled the year's totals with nothing to say so. The one counted is the one reviewed (or
    corrected); the other is named in 未计入."""
    items = reviews()
    huaian_2024 = items[3]
    as_pdf = dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".pdf")
    copy = ReportReview(as_pdf, [CellEdit("section4.review.total", 351, 352)])
    items.append(copy)  # 淮安 2024 again, corrected: it is the one counted
    totals = totals_per_year(folder_frame(items))
    assert list(totals["reports"]) == [1, 1, 1, 1]
    assert totals.loc[2024, "section4.review.total"] == 352  # not 351 + 352
    assert totals.loc[2024, "left_out"] == huaian_2024.report.file
    assert totals.loc[2023, "left_out"] == ""


def test_the_cells_two_copies_of_a_year_differ_in_are_named_with_each_copy_s_value():
    """年度对照 showed one copy's counts of a year filed twice: where the copies differ, with both values."""
    items = reviews()
    huaian_2024 = items[3]
    same = ReportReview(dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".doc"))
    other = ReportReview(dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".pdf"),
                         [CellEdit("section4.review.total", 351, 352), CellEdit("section3.granted.natural", 1288, None)])
    frame = folder_frame(items + [same, other])
    assert copy_differences(frame, [3, 4]) == []  # the same values: nothing to tell
    assert copy_differences(frame, [3]) == []
    # in template order (表三 before 表四), a blank beside a number counted as a difference
    assert copy_differences(frame, [3, 4, 5]) == [("section3.granted.natural", [1288, 1288, None]),
                                                  ("section4.review.total", [351, 351, 352])]
    # a blank beside a 0 is none: the template's blank means 0 (converters keep or drop blank cells)
    blank = ReportReview(dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".htm"),
                         [CellEdit("section4.review.total", 351, 0)])
    zero = ReportReview(dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".md"),
                        [CellEdit("section4.review.total", 351, None)])
    frame = folder_frame([blank, zero])
    assert copy_differences(frame, [0, 1]) == []


def test_a_copy_whose_tables_could_not_be_read_does_not_displace_the_one_read():
    """The same report twice, the copy first in the folder read without its tables (a PDF whose
    tables are pictures): counting the copy put nothing in the year's totals."""
    items = reviews()
    huaian_2024 = items[3]
    unread = dataclasses.replace(huaian_2024.report, file="0-" + huaian_2024.report.file, cells={}, tables=[])
    items.insert(0, ReportReview(unread))
    totals = totals_per_year(folder_frame(items))
    assert totals.loc[2024, "reports"] == 1
    assert totals.loc[2024, "section4.review.total"] == 351
    assert totals.loc[2024, "left_out"] == unread.file


def test_the_summary_workbook_reads_back(tmp_path):
    target = tmp_path / "汇总.xlsx"
    write_summary(reviews(), target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [WIDE, TOTALS]
    wide = book[WIDE]
    header = [c.value for c in wide[1]]
    assert header[:4] == ["文件", "单位", "年度", "模板"]
    # the template named as the report list and the 审核结果 workbook name it (qa5 saw "2021" there)
    assert [wide.cell(r, 4).value for r in range(2, 6)] == ["2019版", "2021版", "2021版", "2021版"]
    column = header.index("表三「一、本年新收政府信息公开申请数量」×「总计」") + 1
    assert [wide.cell(r, column).value for r in range(2, 6)] == [26, 28, 2834, 3119]
    assert wide.max_row == 5
    totals = book[TOTALS]
    assert [c.value for c in totals[1]][:2] == ["年度", "报告数"]
    assert [totals.cell(r, 1).value for r in range(2, 6)] == [2020, 2021, 2023, 2024]


def test_loading_and_parsing_never_import_pandas():
    code = ("import sys; from core.pipeline import load_report; from core.check.rules import check; "
            f"check(load_report({str(COMPARE / 'county' / '某某县人民政府办公室2021年报告.txt')!r})); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_counts_are_the_dashboards_a_dismissed_error_is_not_an_error_and_a_doubt_not_a_warning():
    """The 年度对照 grid and the 汇总 wide table count as the report list does
    (ReportReview.counts): an error the auditor dismissed with a reason is handled, not an error
    (the grid showed 错误1 in red for a report the list showed with 错误 0), and a doubt (a failing
    equation through a cell the parser was unsure of) is 存疑, not a 警告."""
    items = reviews()
    broken = ReportReview(items[3].report, [CellEdit("section3.new.total", 3119, 3120)])
    findings = broken.findings()
    errors = [f for f in findings if f.severity == "error"]
    assert [f.rule for f in findings] == ["T3-1", "T3-3", "N-1"]  # the text says 3119 too: a warning
    broken.set_verdict(verdict_on(errors[0], DISMISSED, "总计以纸质版为准"))
    doubt = dataclasses.replace(errors[1], rule="T3-2", severity="doubt")
    items[3] = broken
    frame = folder_frame(items, lambda review: findings + [doubt] if review is broken else review.findings())
    assert frame.loc[3, "errors"] == 1  # the one not dismissed
    assert frame.loc[3, "warnings"] == 1  # N-1; the doubt is not a warning
    # ...and is counted where it belongs, as the list's 存疑 (with the parser's open flags)
    assert frame.loc[3, "doubts"] == 1 + len(broken.open_flags())


def test_every_printed_page_of_the_summary_says_whose_numbers_it_holds(tmp_path):
    """Printed, the 汇总 sheet (two hundred columns and more) ran to pages of bare numbers: which
    agency and year a row was, and which cell a column, was on the first page only, its
    headings cut to a few characters. Every page repeats 单位 and 年度 and the heading row,
    the headings wrapped whole."""
    target = tmp_path / "汇总.xlsx"
    write_summary(reviews(), target)
    words = [[w for w, _ in page] for page in printed_words(target, tmp_path)]
    pages = ["".join(page) for page in words]
    wide = pages[:next(i for i, page in enumerate(pages) if "报告数" in page)]  # then 年度合计
    assert len(wide) > 1
    for page in wide:
        assert "单位" in page and "年度" in page
        assert "某某县人民政府办公室" in page and "淮安市人民政府办公室" in page
    # the heading's lines in reading order; centred, the lines of headings side by side are
    # read across (表三「一、本年新 ×5, then 收政府信息公开申 ×5...), so not one after another
    heading = "表三「一、本年新收政府信息公开申请数量」×「总计」"
    assert any(read_in_order(page, heading) for page in words[:len(wide)])


def read_in_order(words: list[str], text: str) -> bool:
    """Whether ``text`` is made of some of ``words``, in their order."""
    read = ""
    for word in words:
        if text.startswith(read + word):
            read += word
    return read == text


def test_printed_summary_shows_a_long_agency_and_a_files_problem_in_their_own_cells(tmp_path):
    """顺河回族区政务服务和大数据管理局 was cut at 「管理」 by the 年度 beside it, and the 文件问题
    of a file that could not be read ran over the empty cells to its right, on to the next
    printed page, where its tail stood alone under the numbers of other reports."""
    folder = tmp_path / "年报"
    folder.mkdir()
    long_named = ROOT / "tests" / "fixtures" / "corpus" / "000_f621d1f2d2e52411.txt"
    (folder / long_named.name).write_bytes(long_named.read_bytes())
    (folder / "二进制.txt").write_bytes(bytes(range(256)) * 8)
    items = [ReportReview(load_report(p)) for p in report_files(folder)]
    assert items[0].report.agency == "顺河回族区政务服务和大数据管理局"
    problem = items[1].report.problems[0]
    assert len(problem) > 14  # wider than its column
    target = tmp_path / "汇总.xlsx"
    write_summary(items, target)
    wide = openpyxl.load_workbook(target)[WIDE]
    header = [c.value for c in wide[1]]
    for name in ("单位", "文件问题"):
        assert all(wide.cell(row, header.index(name) + 1).alignment.wrap_text for row in (2, 3)), name
    pages = ["".join(w for w, _ in page) for page in printed_words(target, tmp_path)]
    assert sum(problem[-6:] in page for page in pages) == 1  # on the page of its column only


def test_printed_summary_puts_a_rows_numbers_on_the_line_of_its_agency_and_year(tmp_path):
    """A row made two lines tall by its wrapped file path printed 单位 and 年度 on its first line
    and the numbers on its second, which on the pages after the first (单位 and 年度 repeated,
    the path not) stands alone under the agency, level with nothing: 淮安's 2023 figures (2 0)
    read as the heading of its 2024 row. Every cell of a row now sits on one line, the bottom."""
    target = tmp_path / "汇总.xlsx"
    write_summary(reviews(), target)
    pages = printed_pages(target, tmp_path)
    # (the page's first line says what it is part of, 汇总's title; the headings follow)
    page = next(p for p in pages if "本年制发件数" in p and "规章" in next(
        line for line in p.split("\n") if "单位" in line))
    rows = [line.split() for line in page.splitlines() if "人民政府办公室" in line]
    # 表二 规章 × 本年制发件数 / 本年废止件数 as the reports print them (the 2020 report is on the
    # 2019 template, which has no such cells: its first figure printed is 行政许可's, further right)
    assert [row[:4] for row in rows] == [
        ["某某县人民政府办公室", "2020", "1036"], ["某某县人民政府办公室", "2021", "0", "0"],
        ["淮安市人民政府办公室", "2023", "2", "0"], ["淮安市人民政府办公室", "2024", "1", "0"]]


def test_summary_wraps_the_files_path_and_centres_year_template_and_status(tmp_path):
    """Printed, 汇总's 文件 was cut by the 单位 beside it (…鼓楼区人民政府20) and the year, at
    its column's right edge, ran into the template's name beside it ("2021 2021版")."""
    folder = tmp_path / "年报"
    folder.mkdir()
    source = ROOT / "tests" / "fixtures" / "corpus" / "000_f621d1f2d2e52411.txt"
    (folder / ("很长的文件名" * 8 + "2023.txt")).write_bytes(source.read_bytes())
    items = [ReportReview(load_report(p)) for p in report_files(folder)]
    target = tmp_path / "汇总.xlsx"
    write_summary(items, target)
    wide = openpyxl.load_workbook(target)[WIDE]
    header = [c.value for c in wide[1]]
    assert wide.cell(2, header.index("文件") + 1).alignment.wrap_text
    for name in ("年度", "模板", "状态"):
        column = header.index(name) + 1
        assert {wide.cell(row, column).alignment.horizontal for row in (1, 2)} == {"center"}, name


def test_summary_says_a_file_without_tables_could_not_be_read(tmp_path):
    """汇总 gave an empty or binary file the 状态 未审核, as if a report were waiting; the report
    list and the 审核结果 workbook say 无法读取 (无法读取✓ once marked)."""
    folder = tmp_path / "年报"
    folder.mkdir()
    source = ROOT / "tests" / "fixtures" / "corpus" / "000_f621d1f2d2e52411.txt"
    (folder / source.name).write_bytes(source.read_bytes())
    (folder / "空白.txt").write_bytes(b"")
    items = [ReportReview(load_report(p)) for p in report_files(folder)]
    wide, _totals = summary_frames(items)
    assert dict(zip(wide["文件"].map(lambda f: Path(f).name), wide["状态"])) == {
        source.name: "未审核", "空白.txt": "无法读取"}


def test_the_year_totals_the_grid_and_the_links_take_the_same_copy_of_a_year_filed_twice():
    """qa17: 淮安 2024 filed twice, the auditor gave a verdict on the second copy (a finding dismissed,
    no cell changed): the 汇总's 年度合计 counted the first (a verdict left its 状态 未审核) while
    nothing said which; the copy that stands is the one reviewed, in the totals, in 年度对照's
    cell (standing_row) and in the cross-year links alike."""
    from core.compare.frame import standing_row
    from core.compare.years import link_previous_years
    items = reviews()
    huaian_2024 = items[3]
    revised = dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + "（修订）.txt",
                                  cells={**huaian_2024.report.cells})
    revised.cells["section4.review.total"] = dataclasses.replace(revised.cells["section4.review.total"], value=352)
    second = ReportReview(revised)
    [finding] = [f for f in second.findings() if "section4.review.total" in f.cells][:1]
    second.set_verdict(verdict_on(finding, DISMISSED, "以修订版为准"))
    items.append(second)
    assert second.status == "未审核"  # a verdict changes no value
    frame = folder_frame(items)
    assert totals_per_year(frame).loc[2024, "section4.review.total"] == 352  # the reviewed copy's
    assert totals_per_year(frame).loc[2024, "left_out"] == huaian_2024.report.file
    rows = yearly_grid(frame).loc["淮安市人民政府办公室", 2024]
    assert rows == [3, 4] and standing_row(frame, rows) == 4
    link_previous_years(items)
    assert second.previous_year is items[2] and huaian_2024.previous_year is None
    # untouched copies: the first stands everywhere
    items[4] = ReportReview(revised)
    frame = folder_frame(items)
    assert totals_per_year(frame).loc[2024, "section4.review.total"] == 351
    assert standing_row(frame, rows) == 3


def test_refresh_rows_computes_the_changed_reports_again_and_leaves_the_others():
    """qa18: 年度对照 stood on a frame built as it opened: an edit, a verdict or 已审核 given while it
    was open changed nothing in it. refresh_rows computes the changed reports' rows again, in
    place: their values, counts and rank; the other rows as they were, the same object."""
    from core.compare.frame import standing_row
    from core.compare.years import MARKED, UNTOUCHED, WORKED
    items = reviews()
    huaian_2024 = items[3]
    copy = ReportReview(dataclasses.replace(huaian_2024.report, file=huaian_2024.report.file[:-4] + ".pdf"))
    items.append(copy)  # 淮安 2024 twice: rows 3 and 4
    frame = folder_frame(items)
    before = frame.copy()
    assert standing_row(frame, [3, 4]) == 3 and frame.loc[4, "errors"] == 0
    # the second copy corrected: 3119 → 3120 breaks T3-1 and T3-3 (as test_one_row_per_report… says)
    copy.apply(CellEdit("section3.new.total", 3119, 3120))
    refresh_rows(frame, {4: copy})
    assert frame.loc[4, "section3.new.total"] == 3120 and frame.loc[4, "status"] == "已修改"
    assert frame.loc[4, "errors"] == 2 and frame.loc[4, "rank"] == WORKED
    assert standing_row(frame, [3, 4]) == 4  # the worked copy stands now
    assert frame.drop(index=4).equals(before.drop(index=4))
    assert copy_differences(frame, [3, 4]) == [("section3.new.total", [3119.0, 3120.0])]
    # a cell emptied: a blank (NaN) in a column of whole numbers
    copy.apply(CellEdit("section3.granted.natural", 1288, None))
    refresh_rows(frame, {4: copy})
    assert math.isnan(frame.loc[4, "section3.granted.natural"]) and frame.loc[3, "section3.granted.natural"] == 1288
    # the first copy marked 已审核: it stands again (its rank MARKED), its numbers unchanged
    huaian_2024.reviewed = True
    refresh_rows(frame, {3: huaian_2024})
    assert frame.loc[3, "rank"] == MARKED and standing_row(frame, [3, 4]) == 3
    assert frame.loc[3, "section3.new.total"] == 3119
    # nothing changed: nothing to do; the frame equals one built afresh
    refresh_rows(frame, {})
    fresh = folder_frame(items)
    assert frame.loc[:, ["errors", "rank", "status"]].equals(fresh.loc[:, ["errors", "rank", "status"]])
    assert copy_differences(frame, [3, 4]) == copy_differences(fresh, [3, 4])
    assert UNTOUCHED == frame.loc[2, "rank"]
