"""Exports as an auditor prints and hands them on (export20): the problem list readable on A4,
a failing sum's two sides named, report sheets named after their files, every open finding in
the CSV, row heights safe for Excel on Windows. The rules here are the real ones."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import openpyxl
import pytest

import core.review.edits as edits_module
from core.export.dispatch import export
from core.export.xlsx import LINE_HEIGHT, file_tags, report_sheet_names
from core.model import Finding, Report
from core.pipeline import load_report
from core.review.edits import CONFIRMED, ReportReview, verdict_on
from tests.core.printed import printed_pages, printed_words
from tests.core.review.test_edits import VALUES_2021, make_report

AGENCY = "某某区人民政府办公室"
# 一、本年新收 × 自然人 misread 9 (the report's 5): 一 + 二 = 9 against （七） + 四 = 5 (T3-1), and
# the row's 总计 5 against its columns' 9 (T3-3); both suggest 5 for that one cell.
T3_1_VALUES = VALUES_2021 | {"section3.granted.natural": 3, "section3.new.natural": 9}
# 行政复议: 结果维持 2 and 总计 1 (T4-1): the four results sum to 2.
T4_1_VALUES = VALUES_2021 | {"section3.granted.natural": 3, "section4.review.maintained": 2}


def problem_rows(target: Path) -> list[dict]:
    sheet = openpyxl.load_workbook(target)["问题清单"]
    header, *rows = list(sheet.values)
    return [dict(zip(header, row)) for row in rows]


# --- 1. 问题清单 on paper ------------------------------------------------------------------

def many_problems(tmp_path: Path) -> list[ReportReview]:
    """Twelve reports, each with T3-1 and T3-3 failing: 24 rows, more than one printed page."""
    return [ReportReview(make_report(file=str(tmp_path / f"单位{n:02d}" / "2023年政府信息公开工作年度报告.docx"),
                                     agency=f"某某市第{n}区人民政府办公室", content_hash=f"{n:02d}" * 32,
                                     values=T3_1_VALUES))
            for n in range(12)]


def test_problem_list_prints_landscape_at_a_readable_size(tmp_path):
    """问题清单's 13 columns summed 230 widths: fitted to an A4 page's width it printed at about
    55 %, its letters 6.9 points high. Now about 80 %: 10 points (11-point letters print 12.6
    high at 100 %), the heading row on every page, every column on each page."""
    target = tmp_path / "审核结果.xlsx"
    export(many_problems(tmp_path), target)
    sheet = openpyxl.load_workbook(target)["问题清单"]
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$1"
    说明 = sheet.cell(2, 7)
    assert 说明.alignment.wrap_text and sheet.row_dimensions[2].height >= 3 * LINE_HEIGHT  # its lines shown
    assert sum(sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLM") <= 185
    pages = printed_pages(target, tmp_path)
    words = printed_words(target, tmp_path)
    listed = [n for n, page in enumerate(pages) if "T3-1" in page]
    assert len(listed) >= 2  # 24 rows: the list runs onto a second page
    for n in listed:
        assert "建议修改的单元格" in pages[n] and "意见说明" in pages[n]  # heading repeated, page wide
        heading = [height for word, height in words[n] if word == "说明"]
        assert heading and min(heading) >= 9.5, heading


# --- 2. a failing sum's two sides -----------------------------------------------------------

def test_a_failing_sum_names_each_side_and_the_cell_its_suggestion_changes(tmp_path):
    """T3-1 printed 期望值 9, 实际值 5, 建议值 5: which side was "expected", and 5 for which
    cell? Each side now says what it sums: the rules give as 期望值 the side summing more cells
    (T3-3's six columns, T4-1's four results), T3-1's left side when both sum two."""
    reviews = [ReportReview(make_report(file=str(tmp_path / "a.txt"), values=T3_1_VALUES)),
               ReportReview(make_report(file=str(tmp_path / "b.txt"), agency="某某县人民政府",
                                        content_hash="cd" * 32, values=T4_1_VALUES))]
    target = tmp_path / "审核结果.xlsx"
    export(reviews, target)
    rows = {row["规则"]: row for row in problem_rows(target)}
    sides = {rule: (row["期望值"], row["实际值"], row["建议值"], row["建议修改的单元格"]) for rule, row in rows.items()}
    assert sides == {
        "T3-1": ("一、本年新收＋二、上年结转＝9", "（七）总计＋四、结转下年度继续办理＝5", "一、本年新收改为5",
                 "表三「一、本年新收政府信息公开申请数量」×「自然人」"),
        "T3-3": ("自然人至其他之和＝9", "总计＝5", "自然人改为5", "表三「一、本年新收政府信息公开申请数量」×「自然人」"),
        # 总计 or one of the four results: no one cell to suggest
        "T4-1": ("结果维持至尚未审结之和＝2", "总计＝1", None, None),
    }


def test_a_column_s_few_cells_are_named_by_the_column_and_their_rows(tmp_path):
    """T3-1's four cells of one column, each named in full (表三「一、本年新收政府信息公开申请数量」
    ×「自然人」、…), printed 9 lines tall in 单元格; two cells are still named in full."""
    from core.export.common import describe_cells
    reviews = [ReportReview(make_report(file=str(tmp_path / "a.txt"), values=T3_1_VALUES)),
               ReportReview(make_report(file=str(tmp_path / "b.txt"), agency="某某县人民政府",
                                        content_hash="cd" * 32, values=T4_1_VALUES))]
    target = tmp_path / "审核结果.xlsx"
    export(reviews, target)
    named = {row["规则"]: row["单元格"] for row in problem_rows(target)}
    assert named["T3-1"] == "表三「自然人」列「一、本年新收」「二、上年结转」「（七）总计」「四、结转下年度继续办理」"
    assert named["T4-1"] == "表四「行政复议」行的 5 格"  # as before: many cells of one row
    assert describe_cells("2021", ["section3.new.total", "section3.total.total"]) == (
        "表三「一、本年新收政府信息公开申请数量」×「总计」、表三「（七）总计」×「总计」")


def test_a_sum_of_the_results_column_is_named_by_its_first_and_last_groups(tmp_path):
    # 予以公开 8 where the column's total says 5: T3-2's results （一）…（六） sum to 10
    review = ReportReview(make_report(file=str(tmp_path / "a.txt"),
                                      values=VALUES_2021 | {"section3.granted.total": 8}))
    target = tmp_path / "审核结果.xlsx"
    export([review], target)
    t3_2 = next(row for row in problem_rows(target) if row["规则"] == "T3-2")
    assert (t3_2["期望值"], t3_2["实际值"]) == ("（一）至（六）各项之和＝10", "（七）总计＝5")


# --- 3. report sheets named after their files -----------------------------------------------

def reports_of(files: list[str], agency: str = AGENCY) -> list[Report]:
    return [make_report(file=f, agency=agency, content_hash=f"{n:02d}" * 32) for n, f in enumerate(files)]


def test_reports_sharing_agency_and_year_are_told_apart_by_their_files():
    """Eight copies of one report in eight formats were named 单位年度, 单位年度(2) … (8): which
    sheet was the PDF? Each now adds what tells its file from the others'."""
    files = ["/a/某某区2023年报.docx", "/a/某某区2023年报.pdf", "/b/其他.txt"]
    names = report_sheet_names(reports_of(files[:2]) + reports_of(files[2:], agency="某某县人民政府"))
    assert names == ["某某区人民政府办公室2023年（docx）", "某某区人民政府办公室2023年（pdf）", "某某县人民政府2023年"]
    # by the files, not by their order
    assert report_sheet_names(reports_of(files[1::-1])) == ["某某区人民政府办公室2023年（pdf）",
                                                          "某某区人民政府办公室2023年（docx）"]


def test_file_tags_cut_between_words_and_fall_back_to_folders():
    assert file_tags(["/z/r0001-docx.docx", "/z/r0001-lynx.txt"]) == ["docx.docx", "lynx.txt"]
    assert file_tags(["/z/report-2.pdf", "/z/report-12.pdf"]) == ["2", "12"]  # not "" and "1"
    assert file_tags(["/z/甲/年报.pdf", "/z/乙/年报.pdf"]) == ["甲", "乙"]  # the same name in two folders
    assert file_tags(["/z/abc.pdf", "/z/abcd.pdf"]) == ["abc", "abcd"]


def test_tagged_sheet_names_are_valid_unique_and_at_most_31_characters():
    long_agency = "某某省某某市某某区人民政府办公室行政审批服务局"
    files = ["/a/r0001-pdftotext-layout-gbk.txt", "/a/r0001-pdftotext-raw-utf-8.txt",
             "/a/r0001-pandoc-html-gfm[1].md", "/a/r0001-pandoc-html-gfm[2].md"]
    names = report_sheet_names(reports_of(files, agency=long_agency))
    assert len(set(names)) == 4 and all(len(n) <= 31 for n in names)
    assert not set("[]:*?/\\") & set("".join(names))
    assert all(n.startswith("某某省某某市") and "2023年（" in n for n in names)
    # the four share "r0001-" (cut before "p", inside pdftotext and pandoc); a tag over 16
    # characters keeps its start and end; the 单位 gets 31 - 5 (2023年) - 16 - 2 = 8 characters,
    # its last a 「…」 saying it was cut
    assert names == ["某某省某某市某…2023年（pdftote…-gbk.txt）", "某某省某某市某…2023年（pdftote…tf-8.txt）",
                     "某某省某某市某…2023年（pandoc-…fm_1_.md）", "某某省某某市某…2023年（pandoc-…fm_2_.md）"]
    assert len({n.index("2023年") for n in names}) == 1  # the 单位 cut alike in the group


def test_a_long_agencys_sheet_keeps_its_year_and_tags_cut_alike_stay_apart():
    """A joint office of 45 characters was cut at 31 as a whole, 「…大数据发展管理局、泰和」: the sheets
    of its two years named no year, and the second one 「…（2）」 by its order. Two files whose tags
    shortened alike (pandoc-docx-markdown.md, pandoc-html-markdown.md) ended 「（pandoc-…kdown.md（2）」,
    its bracket cut for the 「（2）」."""
    joint = "泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展管理局、泰和市凤凰区政务服务管理办公室）"
    reports = reports_of(["/a/2021.txt"], agency=joint) + reports_of(["/a/2020.txt"], agency=joint)
    reports[1].year = 2020
    assert report_sheet_names(reports) == ["泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展…2023年",
                                           "泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展…2020年"]
    files = ["/q/r0001-pandoc-html-markdown.md", "/q/r0001-pandoc-docx-markdown.md", "/q/r0001-lynx.txt"]
    names = report_sheet_names(reports_of(files, agency="泰和市教育局"))
    assert names == ["泰和市教育局2023年（pandoc-…kdown.md·2）", "泰和市教育局2023年（pandoc-…kdown.md）",
                     "泰和市教育局2023年（lynx.txt）"]  # (numbered by the files' paths: docx before html)
    assert all(len(n) <= 31 and n.endswith("）") for n in names)


def test_a_cut_agency_ends_with_an_ellipsis_and_a_whole_one_has_none():
    """「泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展管2023年」: the auditor could not tell the 单位
    was cut. A cut one ends 「…」 within Excel's 31 characters, names still unique; one that fits
    is left whole."""
    joint = "泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展管理局、泰和市凤凰区政务服务管理办公室）"
    names = report_sheet_names(reports_of(["/a/年报.docx"], agency=joint)
                               + reports_of(["/b/年报.docx", "/b/年报.pdf"],
                                            agency="泰和市凤凰区人民政府办公室（泰和市凤凰区政务服务管理办公室）")
                               + reports_of(["/b/甲.txt"], agency="泰和市教育局"))
    assert names == ["泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展…2023年",
                     "泰和市凤凰区人民政府办公室（泰和市凤凰…2023年（docx）",  # 31 - 5 - 4 - 2 = 20
                     "泰和市凤凰区人民政府办公室（泰和市凤凰…2023年（pdf）",
                     "泰和市教育局2023年"]
    assert all(len(n) <= 31 for n in names) and len(set(names)) == 4


def test_summary_links_to_the_named_sheets(tmp_path):
    files = [tmp_path / "年报.docx", tmp_path / "年报.pdf"]
    reviews = [ReportReview(r) for r in reports_of([str(f) for f in files])]
    target = tmp_path / "审核结果.xlsx"
    export(reviews, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[3:] == ["某某区人民政府办公室2023年（docx）", "某某区人民政府办公室2023年（pdf）"]
    assert [book["汇总"].cell(r, 11).hyperlink.location for r in (2, 3)] == [
        "'某某区人民政府办公室2023年（docx）'!A1", "'某某区人民政府办公室2023年（pdf）'!A1"]


# --- 4. the CSV: a finding naming no single cell --------------------------------------------

D1 = Finding("D-1", "warning", [], "标题年度为2022年，统计期限为2023年，两者不一致", expected=2022, actual=2023)
D4 = Finding("D-4", "warning", ["section2", "section3", "section4"], "表格与模板不符")
T2_2 = Finding("T2-2", "warning", ["section2.rules.issued"], "本年制发件数大于现行有效件数与废止件数之和")


def csv_lines(reviews, tmp_path: Path) -> list[dict]:
    target = tmp_path / "结果.csv"
    export(reviews, target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_gives_an_open_finding_naming_no_cell_the_report_s_line(tmp_path, monkeypatch):
    """D-1 (the text) and D-4 (whole tables) open, without a verdict, had no line of the CSV at
    all: a reader of the CSV alone never learnt of them. They go on the report's 整份报告 line."""
    monkeypatch.setattr(edits_module, "_check", lambda report: [D1, D4, T2_2])
    lines = csv_lines([ReportReview(make_report(file=str(tmp_path / "a.txt")))], tmp_path)
    whole = [line for line in lines if line["表"] == "整份报告"]
    assert [(w["审核意见"], w["未处理问题"]) for w in whole] == [("", "D-1 警告；D-4 警告")]
    assert [line["未处理问题"] for line in lines if line["未处理问题"]] == ["T2-2 警告", "D-1 警告；D-4 警告"]


def test_csv_report_line_carries_verdicts_and_open_findings_together(tmp_path, monkeypatch):
    monkeypatch.setattr(edits_module, "_check", lambda report: [D1, D4])
    review = ReportReview(make_report(file=str(tmp_path / "a.txt")))
    review.set_verdict(verdict_on(D1, CONFIRMED, "标题年度有误"))
    [whole] = [line for line in csv_lines([review], tmp_path) if line["表"] == "整份报告"]
    assert (whole["审核意见"], whole["意见说明"], whole["未处理问题"]) == ("D-1 确认问题", "D-1：标题年度有误", "D-4 警告")


def test_csv_line_of_an_unreadable_file_names_its_open_findings(tmp_path, monkeypatch):
    d2 = Finding("D-2", "error", ["section2", "section3", "section4"], "未找到表二、表三、表四")
    monkeypatch.setattr(edits_module, "_check", lambda report: [d2])
    unreadable = ReportReview(Report(file=str(tmp_path / "空.txt"), format="txt", problems=["文件为空"]))
    [line] = csv_lines([unreadable], tmp_path)
    assert (line["状态"], line["未处理问题"]) == ("无法读取：文件为空", "D-2 错误")


# --- 5. row heights Excel on Windows does not cut -------------------------------------------

def test_rows_are_tall_enough_for_chinese_as_wide_as_excel_on_windows_draws_it(tmp_path):
    """Excel on Windows draws a Chinese character about 2.1 widths of "0" (15 px against 7);
    rows were sized for 1.7. 「5.要求行政机关确认或重新出具已获取信息」 (19 characters: 32 widths at
    1.7, 40 at 2.1) in the 34-wide column C was given one line, and Windows cut its second."""
    agency = "某某自治州某某县人民政府办公室"  # 15 characters: 31.5 widths at 2.1, 25.5 at 1.7
    target = tmp_path / "审核结果.xlsx"
    export([ReportReview(make_report(file=str(tmp_path / "a.txt"), agency=agency))], target)
    book = openpyxl.load_workbook(target)
    sheet = book[f"{agency}2023年"]
    [label] = [c for row in sheet.iter_rows() for c in row if c.value == "5.要求行政机关确认或重新出具已获取信息"]
    assert sheet.row_dimensions[label.row].height == 2 * LINE_HEIGHT
    # a label of 1.6 lines is not made 3 lines tall: 「（七）总计」 one line, as before
    [total] = [c for row in sheet.iter_rows() for c in row if c.value == "（七）总计"]
    assert sheet.row_dimensions[total.row].height is None


@pytest.mark.parametrize("text,width,lines", [
    ("四、结转下年度继续办理", 34, 1),  # 11 × 2.1 = 23
    ("5.要求行政机关确认或重新出具已获取信息", 34, 2),
    ("2021版", 7, 1),  # 4 + 2.1 in a 7-wide column: fits, as Excel and Calc draw it
])
def test_lines_counted_at_windows_widths(text, width, lines):
    from core.export.xlsx import _lines
    assert _lines(text, width) == lines


def test_problem_list_names_each_file_under_the_opened_folder(tmp_path):
    """问题清单's 文件 held the whole path (/home/…/单位03/2023年政府信息公开工作年度报告.docx): in its
    column 18 wide it took five printed lines a row, the part telling the reports apart at its
    foot. It holds the path under the folder the reports were opened from now, the whole path
    in the cell's comment (not printed); 汇总 keeps the whole path."""
    target = tmp_path / "out" / "审核结果.xlsx"
    target.parent.mkdir()
    export(many_problems(tmp_path), target)
    book = openpyxl.load_workbook(target)
    sheet = book["问题清单"]
    names = {cell.value for (cell,) in sheet.iter_rows(min_row=2, max_col=1)}
    assert names == {os.path.join(f"单位{n:02d}", "2023年政府信息公开工作年度报告.docx") for n in range(12)}
    first = sheet["A2"]
    assert first.comment.text == "完整路径：" + str(tmp_path / first.value)
    from core.export.xlsx import PROBLEMS_WIDTHS, _lines
    assert _lines(first.value, PROBLEMS_WIDTHS[0]) == 3 < _lines(str(tmp_path / first.value), PROBLEMS_WIDTHS[0])
    assert book["汇总"]["A2"].value == str(tmp_path / "单位00" / "2023年政府信息公开工作年度报告.docx")
    # reports on two drives (or none in common) keep their whole paths
    from core.export.xlsx import common_folder, relative_file
    assert relative_file("/a/b/c.docx", common_folder(["/a/b/c.docx", "/a/d/e.docx"])) == os.path.join("b", "c.docx")
    assert relative_file("/ab/c.docx", "/a") == "/ab/c.docx"
    assert common_folder([]) is None and relative_file("x.docx", None) == "x.docx"


# --- a year filed twice: which copy counts, in the per-report exports ---------------------------------

def _county_twice(tmp_path: Path) -> list[ReportReview]:
    """某某县 2021 filed twice (the second a re-download, one number differs) beside its 2020."""
    compare = Path(__file__).resolve().parents[2] / "fixtures" / "compare" / "county"
    folder = tmp_path / "某某县"
    folder.mkdir()
    text = (compare / "某某县人民政府办公室2021年报告.txt").read_text(encoding="utf-8")
    (folder / "2021年报告.txt").write_text(text, encoding="utf-8")
    (folder / "2021年报告（重新下载）.txt").write_text(text.replace("行政许可\t1100", "行政许可\t1101"),
                                                 encoding="utf-8")
    (folder / "2020年报告.txt").write_text((compare / "某某县人民政府办公室2020年报告.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    return [ReportReview(load_report(folder / name))
            for name in ("2020年报告.txt", "2021年报告.txt", "2021年报告（重新下载）.txt")]


def test_json_and_report_sheets_say_which_copy_of_a_year_filed_twice_counts(tmp_path):
    """汇总's 年度合计, 年度对照 and the cross-year checks take one copy of a year filed twice; the
    per-report exports did not say which, so a reader of the JSON or of a report's sheet could
    add both. First untouched: the first in the folder counts; then the auditor chooses the
    re-download (设为采用的副本) and the notes follow."""
    reviews = _county_twice(tmp_path)
    first, again = reviews[1].report.file, reviews[2].report.file
    target = tmp_path / "out.json"
    export(reviews, target)
    data = {Path(entry["file"]).name: entry for entry in json.loads(target.read_text(encoding="utf-8"))}
    assert data["2020年报告.txt"]["copy"] is None
    assert data["2021年报告.txt"]["copy"] == {"counted": True, "counted_file": first, "files": [first, again],
                                             "reason": "均未处理，以第1份为准"}
    assert data["2021年报告（重新下载）.txt"]["copy"]["counted"] is False
    reviews[2].chosen = True
    export(reviews, target)
    data = {Path(entry["file"]).name: entry for entry in json.loads(target.read_text(encoding="utf-8"))}
    assert data["2021年报告.txt"]["copy"]["counted"] is False
    assert data["2021年报告（重新下载）.txt"]["copy"] == {"counted": True, "counted_file": again,
                                                   "files": [first, again], "reason": "已设为采用的副本"}
    book = tmp_path / "out.xlsx"
    export(reviews, book)
    workbook = openpyxl.load_workbook(book)
    # 汇总's 说明 says it too, as the report list's 采用／未采用 does
    said = {Path(row[0]).name: row[9] for row in list(workbook["汇总"].values)[1:]}
    assert said == {"2020年报告.txt": None, "2021年报告.txt": "未采用（同年度2份，采用 2021年报告（重新下载）.txt）",
                    "2021年报告（重新下载）.txt": "采用（同年度2份，已设为采用的副本）"}
    lines = {sheet.title: sheet["A4"].value for sheet in workbook.worksheets[3:]}
    assert sorted(lines.values(), key=str) == sorted([
        None,  # 2020: filed once, nothing to say
        "本单位本年度共有2份报告，本份未计入汇总和跨年度检查；计入的是 2021年报告（重新下载）.txt（已设为采用的副本）",
        "本单位本年度共有2份报告，计入汇总和跨年度检查的是本份（已设为采用的副本）"], key=str)


def test_csv_and_word_files_say_which_copy_of_a_year_filed_twice_counts(tmp_path):
    """The JSON's "copy" and the report sheets' line said which copy of a year filed twice counts;
    the CSV and the Word files did not, so a reader of either could add both copies up. The CSV
    has two last columns (同年度副本: 采用 / 未采用, 副本说明: the sentence), empty for a year filed
    once; each Word file of a copy says it in bold under its title."""
    import docx

    reviews = _county_twice(tmp_path)
    reviews[2].chosen = True  # the auditor chose the re-download
    target = tmp_path / "out.csv"
    export(reviews, target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[-3:] == ["未处理问题", "同年度副本", "副本说明"]
    said = {(Path(r["文件"]).name, r["同年度副本"], r["副本说明"]) for r in rows}
    assert said == {
        ("2020年报告.txt", "", ""),
        ("2021年报告.txt", "未采用", "本单位本年度共有2份报告，本份未计入汇总和跨年度检查；计入的是 "
                                  "2021年报告（重新下载）.txt（已设为采用的副本）"),
        ("2021年报告（重新下载）.txt", "采用", "本单位本年度共有2份报告，计入汇总和跨年度检查的是本份（已设为采用的副本）")}

    written = export(reviews, tmp_path / "word").paths
    heads = {}
    for path in written:
        if path.suffix != ".docx":
            continue  # (2020, in the 2019 trial format, gets the note file instead)
        paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
        title = next(i for i, p in enumerate(paragraphs) if "年度报告" in p.text)
        heads[path.name] = paragraphs[title + 1]
    assert len(heads) == 2
    lines = sorted(p.text for p in heads.values())
    assert lines == ["审核说明：本单位本年度共有2份报告，本份未计入汇总和跨年度检查；计入的是 "
                     "2021年报告（重新下载）.txt（已设为采用的副本）",
                     "审核说明：本单位本年度共有2份报告，计入汇总和跨年度检查的是本份（已设为采用的副本）"]
    assert all(run.bold for p in heads.values() for run in p.runs)
    # a year filed once: no such line (the line under the title is the report's own)
    alone = export(reviews[1:2], tmp_path / "word-once").paths
    paragraphs = [p.text for p in docx.Document(str(alone[0])).paragraphs if p.text.strip()]
    assert not any(text.startswith("审核说明") for text in paragraphs)


@pytest.mark.parametrize("agency,lines", [
    ("某某省某某市某某区人民政府办公室", 1),  # 16 characters
    ("某某自治州某某自治县人民政府办公室", 1),  # 17: 35.7 widths at 2.1 — wrapped at 28 wide
    ("某某自治州某某自治县人民政府办公室秘书", 2),  # 19: 39.9
])
def test_summary_agency_column_holds_a_long_agency_name_on_one_line(tmp_path, agency, lines):
    """汇总's 单位 was 28 wide (13 characters a line): a county office's 17-character name took two
    lines a row, every row of a folder of such reports twice as tall."""
    target = tmp_path / "审核结果.xlsx"
    export([ReportReview(make_report(file=str(tmp_path / "a.txt"), agency=agency))], target)
    summary = openpyxl.load_workbook(target)["汇总"]
    assert summary.cell(1, 2).value == "单位" and summary.cell(2, 2).value == agency
    from core.export.xlsx import _lines
    assert _lines(agency, summary.column_dimensions["B"].width) == lines


# --- 5. a Markdown file's escaped placeholder --------------------------------------------------

PANDOC_DASHES = Path(__file__).parents[2] / "fixtures" / "zoo" / "pq2304-r0003-pandoc-docx-gfm.md"


def test_a_pandoc_placeholder_shows_the_dash_the_report_printed_not_its_escape(tmp_path):
    """pandoc writes a cell's 「-」 as 「\\-」 in Markdown: the CSV's 原值 and the Excel sheet showed
    「\\-」, which the report never printed. Both show 「-」."""
    review = ReportReview(load_report(PANDOC_DASHES))
    assert review.report.cells["section3.new.research"].raw == "\\-"  # (the text as the file holds it)
    lines = csv_lines([review], tmp_path)
    [research] = [line for line in lines if line["表"].startswith("三") and line["行"].startswith("一、本年新收")
                  and line["列"] == "科研机构"]
    assert (research["原值"], research["修正值"]) == ("-", "-")
    assert not [line for line in lines if "\\" in line["原值"] + line["修正值"]]
    target = tmp_path / "结果.xlsx"
    export([review], target)
    sheet = openpyxl.load_workbook(target).worksheets[3]
    values = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "-" in values and not [v for v in values if v.startswith("\\")]



def test_a_sum_s_note_on_its_placeholders_shows_the_dash_too():
    """A sum's note on the placeholders it counts as 0 (「印为「\\-」等占位符」) said the escape as well."""
    mammoth = PANDOC_DASHES.with_name("s501-r0041-mammoth-md.md")  # (mammoth escapes it alike)
    findings = ReportReview(load_report(mammoth)).findings()
    notes = [f.message for f in findings if "占位符" in f.message]
    assert notes and all("印为「-」" in n for n in notes)
