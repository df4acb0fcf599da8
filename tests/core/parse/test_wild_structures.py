"""One consistent report (truth ``wild/structures``) in the structures real files hold around its
tables: Word's layout tables, hidden runs, fields, content controls, split tables; web pages'
<div> tables, character references, split digits; PDF pages turned a quarter; texts whose labels
are spaced or numbered in Arabic. Each is read as printed, without a false 错误."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import DOUBT, ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"
COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
T4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")


@pytest.mark.parametrize("name", ["structures-report-in-layout-table.docx", "structures-report-in-layout-table.doc"])
def test_a_report_inside_a_layout_table_keeps_its_tables_rows(name):
    """A report copied from a web page into Word sits in the site's one-cell layout table, its
    three tables nested in that cell. Read as one cell, the whole report was one line: 表三 was
    not found (「未找到第三部分统计表」) and none of its 175 cells could be checked."""
    report = load_report(WILD / name)
    assert report.problems == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.new.total") == 207 and report.value("section3.total.natural") == 157
    assert report.value("section4.review.total") == 13
    assert [f for f in check(report) if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-hidden-runs.docx", "structures-hidden-runs.doc"])
def test_hidden_text_in_a_cell_is_not_read(name):
    """Each 表三 总计 cell holds a hidden run 「99」 (w:vanish: Word neither shows nor prints it)
    before the printed total. Read, 207 became 99207 and every row's sum was a false 错误."""
    report = load_report(WILD / name)
    assert report.value("section3.new.total") == 207 and report.value("section3.granted.total") == 78
    assert wrong_cells(report, "wild/structures") == []
    assert [f for f in check(report) if f.severity == ERROR] == []


# Read right before and after: kept so that they stay read right.
_READ_CLEAN = [
    "structures-t3-in-layout-table.docx",  # 表三 alone in a one-cell table
    "structures-grid-before.docx",  # rows under a vertical merge start a grid column in (w:gridBefore)
    "structures-sum-fields.docx",  # each 总计 a =SUM(LEFT) field: its result read, not its code
    "structures-content-controls.docx",  # 自然人 a cell-level content control, 总计 a run-level one
    "structures-rows-in-content-controls.docx",  # 表三's rows each in a repeating-section control
    "structures-split-runs.docx",  # each count's first digit its own run, a w:proofErr and a bookmark between
    "structures-t3-split.docx",  # 表三 split into two tables after （三）1., no header repeated
    "structures-t3-continued.docx",  # ... a page break and 「续表：」 between, the header rows repeated
    "structures-t3-page-turned.pdf",  # 表三 on a landscape page drawn turned on a portrait sheet, /Rotate 90
    "structures-div-tables.html",  # every table made of <div>s (display:table), spans dropped
    "structures-css-grid.html",  # 表三 a CSS grid, spans as grid-column / grid-row
    "structures-row-tables.html",  # every 表三 row its own <table>
    "structures-character-references.html",  # every digit a numeric character reference (&#49;)
    "structures-digits-in-spans.html",  # each count's first digit in a <span> of its own
    "structures-arabic-numbering.txt",  # 一、→1. （一）→(1) 1.→① in 表三's labels
    "structures-ideographic-separators.txt",  # 表三's cells apart by U+3000 instead of tabs
]


@pytest.mark.parametrize("name", _READ_CLEAN)
def test_structures_read_as_printed_without_a_flag(name):
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_structures_read_as_printed():
    """pdftotext -layout of the turned page."""
    report = load_report(WILD / "structures-t3-page-turned.pdftotext-layout.txt")
    assert report.problems == []
    assert wrong_cells(report, "wild/structures") == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_numbered_label_spaced_out_keeps_its_number():
    """Labels typed with a space between characters, their numbers too (「1 . 属 于 国 家 秘 密」,
    「4 . 无 正 当 理 由 …」): each label's number was read as the row above's last value, 17 rows
    flagged 「印有8个数值」 (one 9, the 无 of 「4 . 无 正 当」 a placeholder too). A cell of single
    characters, a digit and its mark first and no other number, is one label."""
    report = load_report(WILD / "structures-spaced-labels.txt")
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.denied_state_secret.total") == 0
    assert report.value("section3.not_processed_publication.total") == 9
    assert [f for f in check(report) if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-note-marks.html", "structures-note-marks.docx", "structures-note-marks.doc"])
def test_a_notes_mark_in_superscript_is_no_digit_of_the_count(name):
    """「207¹」: 一's 总计 (and （七）总计's 「200²」 on the page and in the Word files) carry a note's
    mark in superscript (<sup>, w:vertAlign, sprmCIss). Read as digits, 207 was 2071 and 200 2002:
    a false 错误 on their rows and columns."""
    report = load_report(WILD / name)
    assert report.value("section3.new.total") == 207 and report.value("section3.total.total") == 200
    assert wrong_cells(report, "wild/structures") == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_watermark_drawn_across_the_page_stays_out_of_the_cells():
    """A download watermark 「2022-01-20 10:25」 drawn at 45° three times a page, across 表二 and
    表三: pdfplumber takes its glyphs for upright text and put them into the cells and lines they
    cross (行政规范性文件 read 5 and 2 for 0 and 1, 30 rows and cells flagged). Text at a slant is
    no table's text."""
    report = load_report(WILD / "structures-watermark.pdf")
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section2.normative_docs.issued") == 0 and report.value("section2.normative_docs.repealed") == 1


@pytest.mark.parametrize("name", ["structures-contents.docx", "structures-contents.txt", "structures-contents.html"])
def test_a_table_of_contents_starts_no_section(name):
    """A 目录 after the title: Word's TOC field (each entry a heading, a tab with dot leaders and a
    PAGEREF's page number), its text, tab-separated, and a web page's list of links to its sections
    (no page numbers). Its entries were taken for the headings: the report read as a table of
    contents followed by 「还有一份报告」, 表二 and 表三 not found."""
    report = load_report(WILD / name)
    assert report.problems == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.new.total") == 207


@pytest.mark.parametrize("name", ["structures-t3-in-text-box.docx", "structures-t3-in-text-box.lo.docx",
                                  "structures-t3-in-text-box.doc"])
def test_a_table_in_a_text_box_is_read_as_a_table(name):
    """表三 placed in a text box (a VML v:textbox; the same saved again by LibreOffice, a DrawingML
    wps:txbx with its mc:Fallback), as PDF-to-Word converters place a page's blocks; and that
    through `soffice --convert-to doc`, the box's text in Word 97's text box story (wild67). A text
    box's content was not read at all: 「未找到第三部分统计表」, 175 cells unread."""
    report = load_report(WILD / name)
    assert report.problems == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.total.total") == 200


@pytest.mark.parametrize("name", ["structures-spaced-headings.docx", "structures-spaced-headings-ideographic.txt"])
def test_a_heading_spaced_out_character_by_character_starts_its_section(name):
    """The six headings centred and typed with a space between characters (「四 、 政 府 信 息 公 开 行
    政 复 议 、 行 政 诉 讼 情 况」; in the text, full-width spaces). Their words (情况, 问题) were not
    found: 四's heading was missed, 表四's numbers taken for 表三's last row (「印有22个数值」)."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.carried_forward.total") == 18 and report.value("section4.review.total") == 13
    assert [f for f in check(report) if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-serial-column.html", "structures-serial-column.docx",
                                  "structures-serial-column.txt"])
def test_a_serial_number_column_before_the_labels_is_no_cell(name):
    """表三 with a 序号 column first (1 … 25, the group rows' numbers left of their group's label),
    on the page, through LibreOffice to Word, and as tab-separated text. Each row's number was read
    as the row above's eighth value: 48 flags on a consistent table, 24 rows 「数字粘连在一起，没有一种
    拆法能使合计相符（疑有笔误）」 where nothing was glued nor misprinted."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.new.total") == 207 and report.value("section3.total.total") == 200
    assert [f for f in check(report) if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-alt-chunk.docx", "structures-alt-chunk-mht.docx"])
def test_a_word_body_imported_from_a_web_page_is_read(name):
    """A .docx whose body is one w:altChunk importing the report's web page (an HTML part; an MHT
    part), as some sites' 「导出Word」 makes: Word shows the page's text and tables. Its body holding
    no paragraph of its own, the file read as empty: 「文件没有可读取的文字内容」."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    assert report.value("section3.new.total") == 207
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_an_imported_part_of_a_kind_not_read_is_said():
    """An altChunk importing an RTF part is not read: the problem names it, not 「没有文字内容」."""
    report = load_report(WILD / "structures-alt-chunk-rtf.docx")
    assert report.problems == ["文档中嵌入的其他格式内容（altChunk，application/rtf）未能读取，报告可能不完整"]


@pytest.mark.parametrize("name", ["structures-overflow-marks.html", "structures-overflow-marks.docx",
                                  "structures-overflow-marks.txt", "structures-overflow-marks.pdf",
                                  "structures-overflow-marks.pdftotext-layout.txt"])
def test_a_cell_printing_excels_overflow_mark_is_unread_not_zero(name):
    """「###」 in three cells (行政处罚's 152 056, 一、本年新收's 自然人 165, （七）总计's 总计 200): Excel shows
    it where a number is too wide for its column, and it was pasted as text. Joined to the label
    beside it or read as a blank, 自然人 was 0 and （七）总计 blank: two false 错误 (T3-1, T3-2, T3-3)
    suggesting 200, and an odd-sum 存疑 blaming a misprint. Each such cell is now unread and says
    why; the sums left open are no 错误, and each value the sums fix is offered (wild68). In the
    Word file's PDF, （七）总计's narrow 总计 cell wraps the mark: the PDF's cell 「## #」, pdftotext
    -layout's 「##」 on the line above the row and 「#」 below. The row read 6 values, its 总计 0 with
    three 存疑 and no value offered (wild69): the pieces are now one mark, its row's cell."""
    report = load_report(WILD / name)
    assert report.problems == []
    unread = {"section2.punishment.decisions", "section3.new.natural", "section3.total.total"}
    assert sorted(f.cell for f in report.flags) == sorted(unread)
    assert all("印为「###」（Excel表格列宽不足时显示的符号，数值没有印出）" in f.message for f in report.flags)
    assert all(report.value(path) is None and report.cells[path].state == "missing" for path in unread)
    assert sorted(wrong_cells(report, "wild/structures")) == sorted(
        f"{path}: truth {truth}, got None" for path, truth in
        (("section2.punishment.decisions", 152056), ("section3.new.natural", 165), ("section3.total.total", 200)))
    assert report.value("section3.new.total") == 207 and report.value("section3.total.natural") == 157
    # the template's sums fix both 表三 cells (every other cell of a sum through each read): each value
    # offered as a suggestion, 存疑 (the reading, not the report, lacks it), naming the sums; 表二's
    # 行政处罚 is in no sum
    findings = check(report)
    assert [(f.rule, f.severity, f.suggestion.cell, f.suggestion.value) for f in findings] == [
        ("T3-1", DOUBT, "section3.new.natural", 165), ("T3-1", DOUBT, "section3.total.total", 200)]
    assert findings[1].message == (
        "表三「（七）总计」×「总计」印为「###」（Excel表格列宽不足时显示的符号，数值没有印出）：按表三「总计」列、"
        "表三「（七）总计」行的合计关系（T3-1、T3-2、T3-3）应为200，请对照原文核对")


@pytest.mark.parametrize("name", ["structures-merged-zeros.html", "structures-merged-zeros.docx",
                                  "structures-merged-zeros.doc"])
def test_a_zero_merged_over_several_cells_is_a_zero_in_each(name):
    """表三's and 表四's 0s merged as real files merge them (colspan / rowspan; w:gridSpan / w:vMerge
    through LibreOffice): 「1.属于国家秘密」's seven cells one 0, 「2.其他法律…」's five 法人 cells one 0,
    科研机构 … 法律服务机构 of （一） one 0 beside counts, rows 4. to 7. of （三） one 0 merged down and
    across, 科研机构 … 法律服务机构 of （四）1. and 2. one 0 merged down, 表四's ten 行政诉讼 cells one 0
    (and that through `soffice --convert-to doc`: each row's cell edges, the vertical merge flags).
    The file holds each once: read right but 13 flags (「印有1个数值，模板为7列」, 「未印出数值」,
    「表四印有6个数值」). Each cell a merged 0 covers is now a 0, none flagged; 表二's own merged
    cells (本年处理决定数量 over three header columns) stay one value."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    for row in ("denied_state_secret", "denied_law_forbidden", "denied_third_party", "denied_internal_affairs",
                "denied_process_info", "denied_law_enforcement_file"):
        assert [report.cells[f"section3.{row}.{c}"].state for c in COLUMNS] == ["number"] * 7, row
        assert [report.value(f"section3.{row}.{c}") for c in COLUMNS] == [0] * 7, row
    assert [report.value(f"section3.granted.{c}") for c in COLUMNS] == [61, 13, 0, 0, 0, 4, 78]
    assert [report.value(f"section3.unable_need_creation.{c}") for c in COLUMNS] == [8, 2, 0, 0, 0, 0, 10]
    assert [report.value(f"section4.litigation_after_review.{c}") for c in T4_COLUMNS] == [0] * 5
    assert report.value("section2.licensing.decisions") == 0 and report.value("section2.punishment.decisions") == 152056
    # (a merged 0's cells point at the one 0 the file prints)
    spans = {report.cells[f"section3.denied_third_party.{c}"].span for c in COLUMNS}
    spans |= {report.cells[f"section3.denied_law_enforcement_file.{c}"].span for c in COLUMNS}
    assert len(spans) == 1 and report.text[slice(*spans.pop())] == "0"
    assert check(report) == []


@pytest.mark.parametrize("name", ["structures-merged-blanks.html", "structures-merged-blanks.docx",
                                  "structures-merged-blanks.doc"])
def test_a_blank_merged_over_several_cells_is_a_blank_in_each(name):
    """The same merges left empty: each cell they cover is a printed blank (0 to the sums), not a
    cell the row failed to print (13 flags before)."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures") == []
    for row in ("denied_state_secret", "denied_internal_affairs", "denied_law_enforcement_file"):
        assert [report.cells[f"section3.{row}.{c}"].state for c in COLUMNS] == ["blank"] * 7, row
    assert [report.cells[f"section3.granted.{c}"].state for c in COLUMNS] == \
        ["number", "number", "blank", "blank", "blank", "number", "number"]
    assert [report.cells[f"section4.litigation_direct.{c}"].state for c in T4_COLUMNS] == ["blank"] * 5
    assert check(report) == []


@pytest.mark.parametrize("name", ["structures-merged-count.html", "structures-merged-count.docx",
                                  "structures-merged-count.doc"])
def test_a_count_merged_over_several_cells_is_flagged_as_undecided(name):
    """「3.危及“三安全一稳定”」 prints 7, one 2 merged over 商业企业 … 其他, and 9: the template counts
    those five apart, and which of them the 2 is (or whether it is their sum) the file does not
    say. It is read where it stands (商业企业), the four cells after it inferred 0, the row flagged
    with why."""
    report = load_report(WILD / name)
    merged = [f for f in report.flags if f.cell == "section3"]
    assert [f.message for f in merged] == [
        "表三「3.危及“三安全一稳定”」行有一个合并单元格（横跨5列）印为「2」：模板中这几格各有数值，"
        "它是哪一格的数值、或是几格之和，无法确定，请对照原文核对"]
    assert {f.cell for f in report.flags} == {"section3", "section3.denied_safety_stability"}
    assert [report.value(f"section3.denied_safety_stability.{c}") for c in COLUMNS] == [7, 2, 0, 0, 0, 0, 9]
    assert [report.cells[f"section3.denied_safety_stability.{c}"].state for c in COLUMNS[2:6]] == ["inferred"] * 4
    assert [f for f in check(report) if f.severity == ERROR] == []


T2_CELLS = ("rules.issued", "rules.repealed", "rules.in_force", "normative_docs.issued", "normative_docs.repealed",
            "normative_docs.in_force", "licensing.decisions", "punishment.decisions", "coercion.decisions")


def t2(report) -> list:
    return [report.value(f"section2.{cell}") for cell in T2_CELLS]


@pytest.mark.parametrize("name", ["structures-merged-t2.html", "structures-merged-t2.docx", "structures-merged-t2.doc"])
def test_a_zero_merged_down_in_t2_is_a_zero_in_each_row(name):
    """表二 as real files merge its 0s: 规章's and 行政规范性文件's 本年制发件数 one 0 merged down, their
    现行有效件数 one 0 too, 行政处罚's and 行政强制's one value (the template's own merge over three
    columns) one 0 merged down. 表三's and 表四's were spread, 表二's not: 行政规范性文件 read its 1
    alone (「印有1个数值」: its three cells blank, its 废止 1 lost) and 行政强制 nothing (「未印出数值」)."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert wrong_cells(report, "wild/structures-merged-t2") == []
    assert t2(report) == [0, 7, 0, 0, 1, 0, 0, 0, 0]
    assert {report.cells[f"section2.{cell}"].state for cell in T2_CELLS} == {"number"}
    assert check(report) == []


@pytest.mark.parametrize("name", ["structures-merged-t2-across.html", "structures-merged-t2-across.docx",
                                  "structures-merged-t2-across.doc"])
def test_a_zero_merged_across_t2s_cells_is_a_zero_in_each_not_the_templates_one_value(name):
    """规章's three cells one 0 (colspan 3, as 行政许可's one value is drawn), and 行政处罚's and 行政强制's
    value one 「—」 merged down. 规章 was flagged twice (「印有1个数值」, 「0与占位符各在哪一格无法确定」)
    and 行政强制 not read (「未印出数值」); 行政许可's 0 over three columns stays one value."""
    report = load_report(WILD / name)
    assert report.problems == [] and report.flags == []
    assert t2(report) == [0, 0, 0, 0, 1, 0, 0, None, None]
    assert [report.cells[f"section2.{cell}"].state for cell in T2_CELLS[:3]] == ["number"] * 3
    assert [report.cells[f"section2.{cell}"].state for cell in T2_CELLS[-2:]] == ["slash"] * 2
    assert [f for f in check(report) if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-merged-t2-count.html", "structures-merged-t2-count.docx",
                                  "structures-merged-t2-count.doc"])
def test_a_count_merged_down_over_two_rows_of_t2_is_flagged(name):
    """行政处罚 and 行政强制 one count (153,643) merged down: the template counts them apart, and whose
    the count is, or whether it is their sum, the file does not say. It was read as 行政处罚's, 行政强制
    flagged only as printing nothing; the flag now says why."""
    report = load_report(WILD / name)
    assert report.value("section2.punishment.decisions") == 153643
    assert report.value("section2.coercion.decisions") is None
    assert [f.message for f in report.flags if f.cell == "section2"] == [
        "表二「行政强制」行有一个合并单元格（与上一行合并）印为「153,643」：模板中这几格各有数值，"
        "它是哪一格的数值、或是几格之和，无法确定，请对照原文核对"]


@pytest.mark.parametrize("name", ["structures-overflow-above.docx", "structures-overflow-above.pdf",
                                  "structures-overflow-above.pdftotext-layout.txt"])
def test_a_mark_on_its_wrapped_labels_first_line_above_its_rows_values_is_the_rows_cell(name):
    """The overflow-marks Word file with （二）部分公开's 自然人 (12) printed 「###」 too, that cell
    top-aligned and the row's others centred on its label's two lines: pdftotext -layout prints the
    mark on the label's first line, the row's other values on the line below. Each mark is its
    row's cell, unread; the sums offer 12, 165 and 200."""
    report = load_report(WILD / name)
    unread = {"section2.punishment.decisions", "section3.new.natural", "section3.partial.natural", "section3.total.total"}
    assert {f.cell for f in report.flags if "印为「###」" in f.message} == unread
    assert [report.value(f"section3.partial.{c}") for c in COLUMNS] == [None, 2, 0, 0, 0, 1, 15]
    assert sorted(wrong_cells(report, "wild/structures")) == sorted(
        f"{path}: truth {truth}, got None" for path, truth in
        (("section2.punishment.decisions", 152056), ("section3.new.natural", 165), ("section3.partial.natural", 12),
         ("section3.total.total", 200)))
    findings = check(report)
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion} == {
        ("section3.new.natural", 165), ("section3.partial.natural", 12), ("section3.total.total", 200)}
    assert [f for f in findings if f.severity == ERROR] == []


@pytest.mark.parametrize("name", ["structures-overflow-t4.html", "structures-overflow-t4.docx"])
def test_a_cell_of_t4_printing_excels_overflow_mark_is_unread_not_a_value_moved(name):
    """The overflow-marks page with 表四's 行政复议 总计 (13) printed 「###」 too. 表四 skipped the mark as
    text: 14 values for 15 cells, every cell flagged 「没有一种拆法能使合计相符（疑有笔误）」, 总计 read 0
    (T4-1 存疑, N-1 「正文称行政复议13件，表四行政复议总计为0件」). The mark now holds its cell's place,
    that cell unread and flagged as 表二's and 表三's are; the other 14 read as printed."""
    report = load_report(WILD / name)
    assert report.problems == []
    flags = [f for f in report.flags if f.cell.startswith("section4")]
    assert [(f.cell, f.message) for f in flags] == [
        ("section4.review.total",
         "「行政复议」×「总计」单元格印为「###」（Excel表格列宽不足时显示的符号，数值没有印出），未能读取，请对照原文填写")]
    assert report.cells["section4.review.total"].state == "missing"
    assert [report.value(f"section4.review.{c}") for c in T4_COLUMNS[:4]] == [8, 2, 0, 3]
    assert [report.value(f"section4.litigation_direct.{c}") for c in T4_COLUMNS] == [0] * 5
    assert wrong_cells(report, "wild/structures", ("section4",)) == ["section4.review.total: truth 13, got None"]
    # its group's sum fixes it: 8 + 2 + 0 + 3, offered with the rule
    t4 = [f for f in check(report) if f.rule.startswith("T4")]
    assert [(f.rule, f.severity, f.suggestion.cell, f.suggestion.value) for f in t4] == \
        [("T4-1", DOUBT, "section4.review.total", 13)]
    assert "按表四「行政复议」的合计关系（T4-1）应为13" in t4[0].message


def test_overflow_marks_a_paragraph_each_in_plain_pdftotext_hold_their_cells_places():
    """`structures-overflow-t4.docx` through LibreOffice to PDF, then plain pdftotext: each cell a
    paragraph, 「###」 among them (表四's 总计 wrapped in its narrow cell: 「##」, then 「#」 on the next
    line). Passed by as text, 表四 read 14 values into 15 cells (every cell flagged, 总计 0: T4-1 存疑,
    N-1) and 行政处罚 「未印出数值」. Each mark of 表二 and 表四 now holds its cell's place, unread and
    flagged, and 表四's value is offered from its group's sum. (表三's, whose readers of such a stream
    place rows by the sums, are left as before: 一、's row is one value short.)"""
    report = load_report(WILD / "structures-overflow-t4.pdftotext.txt")
    unread = {f.cell for f in report.flags if "Excel表格列宽不足时显示的符号" in f.message}
    assert unread == {"section2.punishment.decisions", "section4.review.total"}
    assert [report.value(f"section4.review.{c}") for c in T4_COLUMNS] == [8, 2, 0, 3, None]
    assert not any(f.cell.startswith("section4") and f.cell != "section4.review.total" for f in report.flags)
    t4 = [f for f in check(report) if f.rule.startswith("T4")]
    assert [(f.severity, f.suggestion.cell, f.suggestion.value) for f in t4] == [(DOUBT, "section4.review.total", 13)]
