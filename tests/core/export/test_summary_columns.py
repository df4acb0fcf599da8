"""The 汇总 workbook (core/export/summary.py): where its headings and numbers stand."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from core.export.summary import COPIES, LEFT_OUT, TOTALS, WIDE, write_summary
from core.pipeline import load_report
from core.review.edits import ReportReview

COUNTY = Path(__file__).resolve().parents[2] / "fixtures" / "compare" / "county"
NEW_TOTAL = "表三「一、本年新收政府信息公开申请数量」×「总计」"


def test_numbers_stand_centred_under_their_headings(tmp_path):
    """Printed without grid lines, each number stood at its column's right edge, the heading at
    its left edge: 错误's 0 stood under 警告, 存疑's beyond the last heading of the page, and
    表二「规章」×「本年制发件数」's 0 under 本年废止件数. Headings and numbers of the count and
    value columns are now centred; 文件, 单位 and 文件问题 keep their text at the left."""
    target = tmp_path / "汇总.xlsx"
    write_summary([ReportReview(load_report(p)) for p in sorted(COUNTY.iterdir())], target)
    book = openpyxl.load_workbook(target)
    wide = book[WIDE]
    header = [c.value for c in wide[1]]
    for heading in ("错误", "警告", "存疑", "年度", NEW_TOTAL):
        column = header.index(heading) + 1
        assert [wide.cell(r, column).alignment.horizontal for r in (1, 2, 3)] == ["center"] * 3, heading
    assert [wide.cell(2, column).value for column in (header.index(NEW_TOTAL) + 1,)] == [26]
    for heading in ("文件", "单位", "文件问题"):
        column = header.index(heading) + 1
        assert {wide.cell(r, column).alignment.horizontal for r in (1, 2, 3)} == {None}, heading
    # the headings still wrap and sit at the top of their tall row
    assert wide.cell(1, header.index(NEW_TOTAL) + 1).alignment.wrap_text
    assert wide.cell(1, header.index(NEW_TOTAL) + 1).alignment.vertical == "top"
    totals = book[TOTALS]
    header = [c.value for c in totals[1]]
    column = header.index(NEW_TOTAL) + 1
    assert [totals.cell(r, column).value for r in (2, 3)] == [26, 28]
    assert [totals.cell(r, c).alignment.horizontal for r in (1, 2, 3) for c in (1, 2, column)] == ["center"] * 9


def test_the_files_left_out_of_a_years_totals_are_listed_whole_a_line_each(tmp_path):
    """年度合计's 未计入 named the other copies of an agency's year, their paths joined by 、 in a
    40-wide cell: with q3001's 60 copies a year the row grew taller than a page, and the sheet's 7
    years printed on 243 pages. The cell counts them and names the sheet that lists them, a line
    each: the copy (under the folder, its whole path in the comment), its agency and year, and
    the copy counted instead."""
    folder = tmp_path / "年报" / "某某县政府信息公开工作年度报告（网站发布版与纸质版）"
    folder.mkdir(parents=True)
    report = COUNTY / "某某县人民政府办公室2021年报告.txt"
    copies = [folder / "2021年报告.txt", folder / "2021年报告（另存副本）.txt"]
    for copy in copies:
        copy.write_bytes(report.read_bytes())
    target = tmp_path / "汇总.xlsx"
    write_summary([ReportReview(load_report(p)) for p in copies], target)
    book = openpyxl.load_workbook(target)
    totals = book[TOTALS]
    header = [c.value for c in totals[1]]
    cell = totals.cell(2, header.index(LEFT_OUT) + 1)
    assert cell.value == "1 份，见「未计入的副本」表"
    assert cell.alignment.horizontal is None and cell.alignment.wrap_text
    assert totals.row_dimensions[2].height is None  # a line
    assert totals.cell(2, header.index("报告数") + 1).value == 1
    listed = book[COPIES]
    under = ""  # (under the folder holding them all: their own)
    assert [[c.value for c in row] for row in listed.iter_rows()] == [
        ["未计入的文件", "单位", "年度", "计入的文件（同一单位同一年度）"],
        [under + copies[1].name, "某某县人民政府办公室", 2021, under + copies[0].name]]
    assert listed.cell(2, 1).comment.text == f"完整路径：{copies[1]}"
    assert listed.print_title_rows == "$1:$1" and listed.page_setup.fitToWidth == 1


def test_the_year_totals_print_every_year_on_each_page_however_many_copies_are_left_out(tmp_path):
    """Two years of an agency filed 20 times each under a long folder name: each year's row of
    年度合计 was taller than a page, so each page of its columns printed once a year. Every page
    now holds both years; the copies print as a list after them."""
    from tests.core.printed import printed_pages
    folder = tmp_path / ("某某市各单位政府信息公开工作年度报告（网站发布版、纸质版与另存副本）" * 2)
    folder.mkdir()
    for source in sorted((COUNTY.parent / "huaian").iterdir()):
        for n in range(20):
            (folder / f"{source.stem}（副本{n:02d}）.txt").write_bytes(source.read_bytes())
    target = tmp_path / "汇总.xlsx"
    write_summary([ReportReview(load_report(p)) for p in sorted(folder.iterdir())], target)
    book = openpyxl.load_workbook(target)
    del book[WIDE]  # (its pages are another test's)
    book.save(target)
    pages = printed_pages(target, tmp_path)
    totals = [page for page in pages if page.split("\n", 1)[0].strip() == "政府信息公开工作年度报告年度合计"]
    assert 20 <= len(totals) <= 40, len(totals)  # the template's rows, a table or a page-full a page
    assert all("2023" in page and "2024" in page for page in totals)
    listed = [line for page in pages if "未计入的报告" in page for line in page.splitlines() if "（副本" in line]
    assert len(listed) == 38


def _row_of(heading: str) -> str:
    """A template cell's heading without its column: 表三「（一）予以公开」 (the sheet's own: itself)."""
    return heading.split("×")[0]


def test_each_printed_page_holds_whole_rows_of_one_table(tmp_path):
    """汇总 printed q3001's 354 reports on 1244 pages, each page ending where it was full:
    「（一）予以公开」's 自然人 to 社会公益组织 on one page, its 法律服务机构 to 总计 on the next
    beside 「（二）部分公开」's first, a page of 表二 going on into 表三, and no page saying what it
    was nor which it was. Each page now holds whole rows of the template (表三's seven columns of
    a row together), a table starts a page, and each page is headed and numbered."""
    target = tmp_path / "汇总.xlsx"
    reports = sorted(COUNTY.iterdir())
    write_summary([ReportReview(load_report(p)) for p in reports], target)
    wide = openpyxl.load_workbook(target)[WIDE]
    header = [c.value for c in wide[1]]
    starts = {brk.id + 1 for brk in wide.col_breaks.brk}  # a break's id: the last column of its page
    assert starts
    for start in starts:  # never inside a row of the template
        assert _row_of(header[start - 2]) != _row_of(header[start - 1]), header[start - 1]
    granted = [n for n, heading in enumerate(header, start=1) if heading.startswith("表三「（一）予以公开」×")]
    assert len(granted) == 7 and granted[0] in starts and granted[-1] + 1 in starts  # a page of its own
    for table in ("表二", "表三", "表四"):
        assert next(n for n, heading in enumerate(header, start=1) if heading.startswith(table)) in starts
    first_2019 = next(n for n, heading in enumerate(header, start=1) if heading.endswith("（2019试行模板）"))
    assert first_2019 in starts
    assert wide.print_title_cols == "$B:$C"  # 单位 and 年度 on every page
    assert "&P" in wide.oddFooter.center.text and "&N" in wide.oddFooter.center.text
    assert wide.oddHeader.center.text == "政府信息公开工作年度报告汇总（每份报告一行）"
    # 文件 named under the folder, as the 审核结果 workbook's lists do (its whole path in the
    # comment): the whole path took two lines, and so made each row two lines tall on every page
    assert wide.cell(2, 1).value == reports[0].name
    assert wide.cell(2, 1).comment.text == f"完整路径：{reports[0]}"
    assert wide.row_dimensions[2].height is None  # one line
