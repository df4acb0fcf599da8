"""The comparison written to Excel and Word, read back as the auditor would read it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from core.compare.comparison import Comparison
from core.compare.diff import CHANGE_COLOURS, DOWN, ONLY_ONE_VERSION_COLOUR, UP
from core.export.compare_docx import write_compare_docx
from core.export.compare_xlsx import write_compare_xlsx
from core.pipeline import load_report
from core.review.edits import DISMISSED, CellEdit, ReportReview, verdict_on
from tests.core.printed import printed_pages, printed_words

COMPARE = Path(__file__).resolve().parents[2] / "fixtures" / "compare"
COUNTY_2020 = COMPARE / "county" / "某某县人民政府办公室2020年报告.txt"
COUNTY_2021 = COMPARE / "county" / "某某县人民政府办公室2021年报告.txt"


def county() -> Comparison:
    # a correction on 2021: 上年结转 × 自然人 2 → 3 (last year carried 2 forward): one X-1
    review = ReportReview(load_report(COUNTY_2021), [CellEdit("section3.carried_over.natural", 2, 3)])
    return Comparison(load_report(COUNTY_2020), review)


def test_excel_puts_both_years_side_by_side_with_their_colours(tmp_path):
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(county(), target)
    book = openpyxl.load_workbook(target)
    sheet = book["比对"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    # each year in its own template's words: 本年新制作数量 (2019) left, 本年制发件数 (2021) right
    header = next(r for r in rows if "信息内容" in r)
    assert "本年新制作数量" in header and "本年制发件数" in header
    assert header.index("本年新制作数量") < header.index("本年制发件数")
    fills = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.fill is not None and cell.fill.fill_type == "solid":
                fills.setdefault(cell.fill.fgColor.rgb[-6:], []).append(cell.value)
    # 行政许可 1036 → 1100 is up on both sides; 2019's 政府集中采购 356.8 has no 2021 counterpart
    assert 1036 in fills[CHANGE_COLOURS[UP]] and 1100 in fills[CHANGE_COLOURS[UP]]
    assert 356.8 in fills[ONLY_ONE_VERSION_COLOUR]
    corrected = [c for row in sheet.iter_rows() for c in row if c.comment is not None]
    assert [(c.value, "原值：2" in c.comment.text) for c in corrected] == [(3, True)]
    findings = [[c.value for c in row] for row in book["跨年度问题"].iter_rows(min_row=2)]
    assert [(r[0], r[5], r[6]) for r in findings] == [("X-1", 2, 3)]
    changes = [[c.value for c in row] for row in book["变化清单"].iter_rows(min_row=2)]
    carried = next(r for r in changes if "上年结转" in r[0] and "总计" in r[0])
    assert carried[1:4] == [2, 4, 2]
    assert book["变化清单"].cell(2, 6).fill.fgColor.rgb[-6:] in CHANGE_COLOURS.values()
    assert DOWN in CHANGE_COLOURS


def test_word_report_lists_findings_changes_and_the_reuse_method(tmp_path):
    target = tmp_path / "比对.docx"
    write_compare_docx(county(), target)
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "某某县人民政府办公室2020年与2021年" in text
    assert "【X-1 警告】「自然人」列：本年报告「上年结转」3件，上年报告「结转下年度」2件" in text
    assert "表三 依申请公开" in text and "重复率＝" in text
    t2 = document.tables[0]
    rows = [[c.text for c in row.cells] for row in t2.rows]
    assert rows[0] == ["单元格", "上年", "本年", "差值", "变化"]
    assert ["表二「行政许可」×「本年处理决定数量」", "1036", "1100", "64", "增加"] in rows
    assert ["表二「行政强制」×「本年处理决定数量」", "3", "0", "-3", "变为0"] in rows


def test_excel_comparison_prints_page_wide_with_whole_labels(tmp_path):
    """Printed (or turned into PDF), the 比对 sheet is A4 landscape one page wide: without a page
    setup LibreOffice cut it into 23 portrait pages, 表三's labels apart from their values; a
    label that wraps gets the row height for its lines (Calc grows no merged or copied row)."""
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(county(), target)
    book = openpyxl.load_workbook(target)
    for name in ("比对", "跨年度问题", "变化清单", "正文"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        # a page wide, as many pages down as it takes (比对: each table a page of its own,
        # test_each_table_of_the_excel_comparison_prints_on_a_page_of_its_own)
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), name
    sheet = book["比对"]
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    rows = [c.row for line in sheet.iter_rows() for c in line if c.value == label]
    assert len(rows) == 1  # 2021's template only (2020 is on the 2019 trial template)
    assert sheet.row_dimensions[rows[0]].height >= 2 * 14


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
                    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext) to print the sheet")
def test_each_table_of_the_excel_comparison_prints_on_a_page_of_its_own(tmp_path):
    """Printed by LibreOffice, the 比对 sheet is a page a table, each at the page's width under
    its year's heading, as the report sheets print: a year's three tables squeezed onto one page
    printed 表三 at about 55 % (ux69); before that, 2020 spilled 表三's last rows and 表四 onto a
    page of their own."""
    book = openpyxl.load_workbook(_written(tmp_path))
    for name in book.sheetnames[1:]:
        book.remove(book[name])  # the 比对 sheet alone
    sheet_only = tmp_path / "sheet.xlsx"
    book.save(sheet_only)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(sheet_only)],
                   check=True, capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "sheet.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == 6
    years = ("2020年（2019版模板）",) * 3 + ("2021年（2021版模板）",) * 3
    for page, year, heading in zip(pages, years, ("二、主动公开", "三、收到和处理", "四、政府信息公开行政复议") * 2):
        assert year in page and heading in page
    for page in pages[1::3]:  # 表三 whole, its last rows with it
        assert "（七）总计" in page and "四、结转下年度继续办理" in page
    for page in pages[2::3]:
        assert "行政诉讼" in page  # 表四


def _written(tmp_path: Path) -> Path:
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(county(), target)
    return target


def _huaian_2024_without_coercion(tmp_path: Path) -> Path:
    """淮安 2024 with 行政强制 left empty (2023 printed 90000)."""
    source = COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"
    text = source.read_text(encoding="utf-8")
    assert "行政强制\t88283" in text
    target = tmp_path / source.name
    target.write_text(text.replace("行政强制\t88283", "行政强制\t"), encoding="utf-8")
    return target


def test_excel_change_list_names_a_value_that_went_missing(tmp_path):
    """90000 last year, nothing printed this year: the cell cannot be compared, but the auditor
    must see it in 变化清单 (the Word report lists it too), not lose it silently."""
    before = load_report(COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt")
    now = load_report(_huaian_2024_without_coercion(tmp_path))
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(Comparison(before, now), target)
    changes = [[c.value for c in row] for row in openpyxl.load_workbook(target)["变化清单"].iter_rows(min_row=2)]
    coercion = [r for r in changes if "行政强制" in r[0]]
    assert [r[1:3] + r[5:6] for r in coercion] == [[90000, None, "无法比较"]]
    assert all("行政处罚" not in r[0] for r in changes)  # unchanged cells stay out


def test_both_comparison_exports_carry_the_auditors_verdict_on_a_cross_year_finding(tmp_path):
    """The X-1 the auditor dismissed (with the reason) says so in the 比对 exports, as it does in
    the main Excel export's 问题清单: a superior reading the comparison must not take it as open."""
    comparison = county()
    (x1,) = comparison.findings
    comparison.current.set_verdict(verdict_on(x1, DISMISSED, "上年报告结转数有误，已与单位核实"))
    xlsx, word = tmp_path / "比对.xlsx", tmp_path / "比对.docx"
    write_compare_xlsx(comparison, xlsx)
    write_compare_docx(comparison, word)
    sheet = openpyxl.load_workbook(xlsx)["跨年度问题"]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("审核意见")] == "已忽略"
    assert row[header.index("意见说明")] == "上年报告结转数有误，已与单位核实"
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "审核意见：已忽略（上年报告结转数有误，已与单位核实）" in text


def test_word_change_tables_give_the_cell_name_room_and_align_numbers_right(tmp_path):
    """The cell's name (表二「行政规范性文件」×「本年制发件数」) had a fifth of the page and broke
    over four lines; the numbers stood left like text."""
    target = tmp_path / "比对.docx"
    write_compare_docx(county(), target)
    table = docx.Document(str(target)).tables[0]
    widths = [cell.width for cell in table.rows[1].cells]
    assert widths[0] >= 2.5 * max(widths[1:])
    assert sum(widths) <= docx.shared.Cm(16.5)  # inside A4's text width
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    for cell in table.rows[1].cells[1:4]:
        assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_excel_names_each_years_file_above_its_tables(tmp_path):
    # a year filed twice is compared through one of its copies: the sheet said only
    # 「2021年（2021版模板）」, not which file its numbers were read from (the Word report says it)
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(county(), target)
    values = [str(c.value) for row in openpyxl.load_workbook(target)["比对"].iter_rows() for c in row if c.value]
    assert any(v.startswith("2020年（2019版模板）") and COUNTY_2020.name in v for v in values)
    assert any(v.startswith("2021年（2021版模板）") and COUNTY_2021.name in v for v in values)


def test_excel_comparison_prints_each_year_on_its_own_pages_at_a_readable_size(tmp_path):
    """Both years side by side one page wide printed at about a third of their size (4 pt text on
    A4): unreadable on paper. Each year prints on pages of its own, one page wide, its text at
    least 7 pt, each page naming its year; the previous year first."""
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(county(), target)
    pages = printed_words(target, tmp_path)
    texts = ["".join(w for w, _ in page) for page in pages]
    side_by_side = texts[:next(i for i, t in enumerate(texts) if "本年单元格" in t)]  # then 跨年度问题
    years = [[y for y in ("2020年（2019版模板）", "2021年（2021版模板）") if y in t] for t in side_by_side]
    assert all(len(named) == 1 for named in years), years  # no page without its year, none with both
    order = [named[0][:5] for named in years]
    assert order == sorted(order) and set(order) == {"2020年", "2021年"}
    for year in ("2020年", "2021年"):
        printed = "".join(t for t, y in zip(side_by_side, order) if y == year)
        for heading in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况"):
            assert heading in printed, (year, heading)
    heights = sorted(h for page in pages[:len(side_by_side)] for _, h in page)
    assert heights[len(heights) // 2] >= 7


def test_word_tables_repeat_their_heading_row_and_keep_each_row_on_one_page(tmp_path):
    """A change table running over a page cut its last row in two (「四、结转下年度继续办理」×「自然
    then 人」 on the next page) and went on without its heading row: 上年 or 本年, which was which?"""
    target = tmp_path / "比对.docx"
    write_compare_docx(county(), target)
    for table in docx.Document(str(target)).tables:
        rows = [row._tr for row in table.rows]
        assert rows[0].xpath("./w:trPr/w:tblHeader")
        assert all(row.xpath("./w:trPr/w:cantSplit") for row in rows)


def test_excel_says_so_when_nothing_changed_and_nothing_was_found(tmp_path):
    """A re-dated copy: 变化清单 and 跨年度问题 were a heading row over a blank page, which reads as
    an export that lost its rows."""
    copy = tmp_path / "某某县人民政府办公室2022年报告.txt"
    copy.write_text(COUNTY_2021.read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8")
    comparison = Comparison(load_report(COUNTY_2021), load_report(copy))
    assert not [c for c in comparison.cells if c.changed]
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(comparison, target)
    book = openpyxl.load_workbook(target)
    assert [c.value for c in book["变化清单"][2]][0] == "两年的统计表没有变化"

    consistent = Comparison(load_report(COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"),
                            load_report(COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"))
    assert consistent.consecutive and not consistent.findings
    write_compare_xlsx(consistent, target)
    book = openpyxl.load_workbook(target)
    assert book["比对"]["A4"].value == "跨年度检查（X-1～X-4）：未发现跨年度问题"
    assert "跨年度问题" not in book.sheetnames  # (test_no_cross_year_finding_prints_no_page_of_its_own)


def test_no_cross_year_finding_prints_no_page_of_its_own(tmp_path):
    """With no cross-year finding the 跨年度问题 sheet held its heading row and 「未发现跨年度问题」:
    printed, a page for one line. The 比对 sheet says it under its legend (on its first page); the
    sheet is there when it lists findings, the line then says how many; two years not adjacent:
    the line says the check was not made."""
    consistent = Comparison(load_report(COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"),
                            load_report(COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"))
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(consistent, target)
    assert openpyxl.load_workbook(target).sheetnames == ["比对", "变化清单", "正文"]
    pages = printed_pages(target, tmp_path)
    assert len(pages) == 8  # a page a table of each year, 变化清单, 正文 (9 with the page of one line)
    assert "跨年度检查（X-1～X-4）：未发现跨年度问题" in pages[0] and "2023年" in pages[0]
    assert not any("未发现跨年度问题" in page for page in pages[1:])

    write_compare_xlsx(county(), target)  # one X-1
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["比对", "跨年度问题", "变化清单", "正文"]
    assert book["比对"]["A4"].value == "跨年度检查（X-1～X-4）：发现1项问题，见「跨年度问题」工作表"

    later = tmp_path / "某某县人民政府办公室2023年报告.txt"
    later.write_text(COUNTY_2021.read_text(encoding="utf-8").replace("2021", "2023"), encoding="utf-8")
    apart = Comparison(load_report(COUNTY_2021), load_report(later))
    assert not apart.consecutive
    write_compare_xlsx(apart, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["比对", "变化清单", "正文"]
    assert book["比对"]["A4"].value == "跨年度检查（X-1～X-4）：两份报告不是相邻年度，不做跨年度检查"


def test_both_exports_list_the_cells_one_template_version_has_apart_grey_and_uncounted(tmp_path):
    """2020's single （六）其他处理 (1 × 自然人) and 2021's （六）1.逾期不补正 (1 × 自然人) have no
    counterpart: each export lists them after the changes as 仅一版模板有, grey, its value on its
    own year's side and — on the other; the counts stay 表三 变化31 (30 by hand in test_compare, and
    the correction 上年结转 × 自然人 2 → 3 makes a 31st)."""
    comparison = county()
    xlsx, word = tmp_path / "比对.xlsx", tmp_path / "比对.docx"
    write_compare_xlsx(comparison, xlsx)
    write_compare_docx(comparison, word)
    sheet = openpyxl.load_workbook(xlsx)["变化清单"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    other = rows["表三「（六）其他处理」×「自然人」（仅2019版模板）"]
    assert [c.value for c in other[1:3]] + [other[5].value] == [1, "—", "仅一版模板有"]
    assert other[5].fill.fgColor.rgb.endswith(ONLY_ONE_VERSION_COLOUR)
    new = rows["表三「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」×「自然人」（仅2021版模板）"]
    assert [c.value for c in new[1:3]] == ["—", 1]
    assert "表二「政府集中采购」×「采购总金额」（仅2019版模板）" in rows
    # a 0 of one version only is left out, as cells 0 in both years are
    assert "表三「3.其他」×「自然人」（仅2021版模板）" not in rows
    assert "表三：变化31，" in openpyxl.load_workbook(xlsx)["比对"].cell(2, 1).value
    document = docx.Document(str(word))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "变化31个单元格" in text and "另有4个有数值的单元格仅一个模板版本有（灰色），不比较、不计入变化。" in text
    t3 = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert ["表三「（六）其他处理」×「总计」（仅2019版模板）", "1", "—", "", "仅一版模板有"] in t3


def test_years_not_adjacent_are_the_earlier_and_the_later_year_in_both_exports(tmp_path):
    """2021 beside 2023 (the nearest other year Ctrl+D compares): 2021 is not 2023's 上年, and
    the exports' headings said so."""
    later = tmp_path / "某某县人民政府办公室2023年报告.txt"
    later.write_text(COUNTY_2021.read_text(encoding="utf-8").replace("2021", "2023"), encoding="utf-8")
    comparison = Comparison(load_report(COUNTY_2021), load_report(later))
    assert not comparison.consecutive
    target = tmp_path / "比对.xlsx"
    write_compare_xlsx(comparison, target)
    book = openpyxl.load_workbook(target)
    assert [c.value for c in book["变化清单"][1]][1:3] == ["较早年度", "较晚年度"]
    assert [c.value for c in book["正文"][1]][1] == "较早年度正文数字"
    word = tmp_path / "比对.docx"
    write_compare_docx(comparison, word)
    text = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "较早年度报告：" in text and "较晚年度报告：" in text and "上年报告" not in text
    headers = [c.text for t in docx.Document(str(word)).tables for c in t.rows[0].cells]
    assert "较早年度" in headers and "上年" not in headers
