"""Site pages as text (the zoo's sitetext routes: a site route's page through w3m, lynx, html2text
or pandoc), from committed outputs of the zoo st28 (truth beside them: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.parse.parser import GARBLED_NO_REPORT, NOT_A_REPORT
from core.readers.encoding import DAMAGED_UTF8_PROBLEM, LOSSY_PROBLEM, UTF8_READ_AS_GBK
from core.readers.problems import problem_label
from core.pipeline import read_report
from core.readers.text import (GBK_READ_AS_UTF8, MOJIBAKE_PROBLEM, UTF8_MOJIBAKE_PROBLEM, UTF8_READ_AS_GB2312,
                               UTF8_READ_AS_LATIN1)
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_letter_of_the_vertical_other_group_label_glued_to_row_3_other():
    # w3m draws 「（六）其他处理」 a letter a line in its own box cell; beside row 3 the cell holds
    # 「理」, read with the row's label as one run 「理3.其他」. Before: 3.其他 not found and its 3
    # read into the row above (other_no_fee natural and total 3: silent)
    report, wrong, silent = read_against_truth(ZOO / "st28-r0007-split-html-w3m.txt")
    assert report.value("section3.other_other.natural") == 3
    assert report.value("section3.other_other.total") == 3
    assert report.value("section3.other_no_fee.natural") is None
    assert silent == []


def test_utf8_read_as_gb2312_reads_its_tables_by_the_templates_phrases():
    # lynx dumping a UTF-8 page whose meta declares gb2312: most characters lose a byte, but every
    # one prints something and no digit is lost. Labels standing alone are put back by their damaged
    # forms. Before: nothing read, 「文字为乱码，读不出报告……」
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0017-word-html-lynx.txt")
    assert report.problems == [UTF8_READ_AS_GB2312]
    assert problem_label(UTF8_READ_AS_GB2312) == "乱码"
    assert (report.template, wrong, silent, report.flags) == ("2021", [], [], [])
    assert report.value("section2.punishment.decisions") == 211
    assert report.value("section2.fees.amount") == 210.25
    assert t3_row(report, "new") == [18, 0, 0, 0, 0, 0, 18]
    # the planted typo (总计's 自然人 printed 9, true 19) is caught as on any page
    assert t3_row(report, "total") == [9, 0, 0, 0, 0, 0, 19]
    assert any("section3.total.natural" in f.cells and f.severity == "error" for f in check(report))
    # 2019, counts with units: 「628987个」 and a digit alone, 「4项」 (项 prints unlike 「、」 of a row's
    # number): read as 4. Before this unit: 「4」 unread and 0.10 read as the count
    report, wrong, silent = read_against_truth(ZOO / "w1715-r0038-word-html-lynx.txt")
    assert (report.template, wrong, silent) == ("2019", [], [])
    assert report.value("section2.licensing.decisions") == 628987
    assert (report.value("section2.procurement.count"), report.value("section2.procurement.amount")) == (4, 0.1)
    # a fee in 元: 「元」 and 「万元」 print apart here, so the unit is read and the amount converted
    report, wrong, silent = read_against_truth(ZOO / "w1604-r0037-wps-html-lynx.txt")
    assert (wrong, silent) == ([], [])
    assert report.value("section2.fees.amount") == 3.0349
    assert any(f.cell == "section2.fees.amount" and "30349元" in f.message for f in report.flags)


def test_utf8_read_as_gb2312_a_lost_placeholder_is_read_as_one_and_flagged():
    # zeros printed as placeholders (— / 无): their bytes lost, each an unreadable cell, read as a
    # placeholder and its row flagged (it might have been a full-width digit); the numbers beside
    # them read. Before: 「文字为乱码，读不出报告……」
    report, wrong, silent = read_against_truth(ZOO / "st28-r0001-word-html-lynx.txt")
    assert report.problems == [UTF8_READ_AS_GB2312]
    assert (report.template, wrong, silent) == ("2021", [], [])
    assert t3_row(report, "new") == [60, None, None, None, 2, 1, 63]
    assert {f.cell for f in report.flags} >= {"section2.rules", "section3.new", "section3.total"}
    assert all("无法识别" in f.message for f in report.flags if f.cell == "section3.new")


def test_utf8_read_as_gb2312_a_wrapped_label_leaves_no_blank_cell():
    # 部分公开's label, wrapped by lynx, was put back whole on its first line, its second line left
    # white space only: read as a blank cell, the row's 5 values (63 18 2 0 83, blanks unmarked) were
    # read as 7 from 商业企业 on: 商业企业's 18 under 科研机构, unflagged. Now the label keeps its two
    # lines: the row prints 5 values for 7 columns, flagged
    report, wrong, silent = read_against_truth(ZOO / "w2203-r0034-cms-html-lynx.txt")
    assert report.problems[0] == UTF8_READ_AS_GB2312
    assert silent == []
    assert t3_row(report, "partial")[:2] == [63, 18]
    assert "印有5个数值" in t3_row_flags(report, "partial")


def garbled_lynx_dump(path: Path) -> Path:
    """A report's UTF-8 page as lynx dumps it when the page declares gb2312: its bytes read as GBK,
    the bytes no GBK character holds dropped, and (a damaged byte now and then) bytes no GB18030
    character holds either: decoded only as lossy GB18030, random characters."""
    data = (ZOO / "w2408-r0017-split-html-lynx.txt").read_bytes().decode("gbk", "ignore").encode("gbk")
    path.write_bytes(b"".join(data[i:i + 200] + b"\xff" for i in range(0, len(data), 200)))
    return path


def test_garbled_text_read_as_lossy_gb18030_is_not_said_to_be_no_report(tmp_path):
    # random characters (none of the commonest). Before: 「不是……年度报告」 of a file that is one
    report, _ = read_report(str(garbled_lynx_dump(tmp_path / "garbled.txt")))
    assert report.problems == [LOSSY_PROBLEM, UTF8_READ_AS_GBK, GARBLED_NO_REPORT]
    assert problem_label(GARBLED_NO_REPORT) == "乱码"
    # a notice with a few damaged bytes is lossy too, but reads as words: no report, said so
    text = ("关于开展城市环境卫生整治工作的通知。各街道、各部门：为进一步改善人居环境，经研究决定在全区范围内"
            "开展为期三个月的专项整治行动。" * 4).encode("gbk")
    path = tmp_path / "notice.txt"
    path.write_bytes(b"".join(text[i:i + 60] + b"\xff" for i in range(0, len(text), 60)))
    report, _ = read_report(str(path))
    assert report.problems == [LOSSY_PROBLEM, NOT_A_REPORT]


def test_a_utf8_page_with_one_line_in_gbk_is_read_as_utf8():
    # lynx printing a site's page in UTF-8 but for the site's name, GBK bytes (「ÇàºÓÊкÍƽÇ…」): strict
    # UTF-8 and GB18030 both fail; read as lossy GB18030 the whole report was mojibake, said to be
    # garbled, every cell lost. UTF-8 breaks at one spot for thousands of Chinese characters
    report, wrong, silent = read_against_truth(ZOO / "w1610-r0021-split-html-lynx.txt")
    assert (report.encoding, report.problems) == ("utf-8", [DAMAGED_UTF8_PROBLEM])
    assert problem_label(DAMAGED_UTF8_PROBLEM) == "个别乱码"
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [32489, 4752, None, 1226, 212, 358, 39037]
    report, wrong, silent = read_against_truth(ZOO / "w2403-r0001-split-html-lynx.txt")
    assert report.encoding == "utf-8" and silent == [] and len(wrong) <= 2
    assert report.value("section2.punishment.decisions") == 164233


def test_chinese_that_is_no_report_is_not_said_to_be_garbled(tmp_path):
    # a GBK text holding no report (its characters taken back to GBK make almost no UTF-8 Chinese)
    path = tmp_path / "notice.txt"
    path.write_bytes(("关于开展城市环境卫生整治工作的通知。各街道、各部门：为进一步改善人居环境，"
                      "经研究决定在全区范围内开展为期三个月的专项整治行动，现将有关事项通知如下。" * 3).encode("gbk"))
    report, _ = read_report(str(path))
    assert report.problems == [NOT_A_REPORT]


def test_html2text_row_going_on_after_a_blank_cell_written_br():
    # a web editor keeps a blank cell as <br/>; html2text writes it as a line break, so 规章's row
    # goes on at the next line, opening with the pipe before its next cell: 「规章|」 then 「| 2|」.
    # Before: the 2 (本年废止件数) read as 现行有效件数 (silent)
    report, wrong, silent = read_against_truth(ZOO / "st28-r0012-cms-html-html2text.md")
    assert report.value("section2.rules.repealed") == 2
    assert report.value("section2.rules.in_force") is None
    assert silent == []


def test_html2text_table3_rows_broken_at_blank_cells():
    # 「1.属于国家秘密|」 then 「| —| 0| 0| 0| 0|」: one row of seven cells, the first blank (<br/>).
    # Before: the row's values slid one column right, 6 silent cells in 表三
    report, wrong, silent = read_against_truth(ZOO / "st28-r0016-cms-html-html2text.md")
    assert t3_row(report, "denied_state_secret") == [None, None, 0, 0, 0, 0, None]
    assert t3_row(report, "unable_unclear") == [0, None, None, None, 0, None, None]
    assert wrong == [] and silent == []


def test_html2text_padded_table_rows_broken_at_blank_cells():
    # the same with pad_tables: each physical line padded as a row of its own, so a line going on
    # with a row opens with a blank cell (「|      | — | 0 | 0 |」). Before: 6 silent cells
    report, wrong, silent = read_against_truth(ZOO / "st28-r0016-split-html-html2text.md")
    assert t3_row(report, "denied_state_secret") == [None, None, 0, 0, 0, 0, None]
    assert silent == []


def test_w3m_box_none_letter_of_a_vertical_label_is_no_value():
    # w3m boxes 「（四）无法提供」 a letter a line in its narrow cell; beside 「政府信」 (the wrapped
    # label of 「1、本机关不掌握相关政府信息」) its 「无」 stands alone in a cell: a label's letter,
    # for a value cell lies right of every label cell. Before: read as that row's 7th value, the
    # row placed by positions ([2, None, 0, 0, 0, 0, 0]), its 总计 0 under a 总计 column left blank
    # (empty_total): T3-3 错误 on every row of a consistent report
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0009-word-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [2, 0, 0, 0, 0, 0, None]
    assert wrong == [] and report.flags == []
    # the same in st28's split-html-w3m r0007 (「││无 │2.没有现成…」), a row below: before, that row
    # read 6 values and placed them a column off (flagged)
    report, wrong, silent = read_against_truth(ZOO / "st28-r0007-split-html-w3m.txt")
    assert t3_row(report, "unable_not_held") == [17, 3, None, 1, None, 1, 22]


def test_w3m_page_number_between_two_boxes_is_no_value():
    # a split page pastes 「- 6 -」 between two tables of 表三: outside w3m's boxes, which draw every
    # cell of a table, so it is a page's number. Before: read as the 8th value of the row above
    # (「7.属于行政执法案卷」行印有8个数值)
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0014-split-html-w3m.txt")
    assert t3_row(report, "denied_law_enforcement_file") == [None, None, 0, 0, None, 0, None]
    assert not [f for f in report.flags if f.cell == "section3.denied_law_enforcement_file"]


def test_utf8_read_as_latin1_with_bytes_lost_reads_its_tables_by_the_templates_phrases():
    # lynx dumping a UTF-8 page it took for Latin-1 (「æ³°å·」), the bytes 0x80–0x9F (no printable
    # Latin-1 character) dropped: a third of the characters lost, but the template's phrases print
    # damaged always alike and are put back. Before: nothing read, 「文字为乱码，读不出报告……」.
    # Its 「／」 placeholders print 「ï¼」 as full-width digits would: read as placeholders, flagged
    report, wrong, silent = read_against_truth(ZOO / "h2t31z-r0002-cms-html-lynx.txt")
    assert report.problems == [UTF8_READ_AS_LATIN1]
    assert problem_label(UTF8_READ_AS_LATIN1) == "乱码"
    assert (report.template, report.year) == ("2019", 2020)
    assert wrong == [] and silent == []
    assert "「规章」行有单元格的字符无法识别（\ufffd），已按占位符读取，可能是丢失的数字，请核对原文件" in \
        [f.message for f in report.flags]


def test_utf8_read_as_latin1_with_bytes_lost_2021_with_units():
    # 「98418元」: 元 prints 「å」 as a thousand characters would, put back only as a whole cell's
    # unit after its number (then 9.8418 万元, flagged as converted); 个 lost no byte. The year is
    # the statistics' period's (统计期限…2021年), not the page's date (2022年9月19日): the agency
    # before the title's year is lost
    report, wrong, silent = read_against_truth(ZOO / "w1907-r0037-cms-html-lynx.txt")
    assert report.problems == [UTF8_READ_AS_LATIN1]
    assert (report.template, report.year, report.agency) == ("2021", 2021, None)
    assert wrong == [] and silent == []
    assert report.value("section2.fees.amount") == 9.8418
    assert report.value("section2.licensing.decisions") == 187400
    assert t3_row(report, "new") == [22, 2, 0, 0, 0, 0, 24]
    assert report.value("section4.review.total") == 9


def test_utf8_read_as_latin1_with_bytes_lost_2019_and_placeholders():
    report, wrong, silent = read_against_truth(ZOO / "w1610-r0019-cms-html-lynx.txt")
    assert (report.template, report.year, wrong, silent) == ("2019", 2020, [], [])
    # 「／」 placeholders, each a cell of one lost character: no value, each row flagged
    report, wrong, silent = read_against_truth(ZOO / "w1903-r0038-split-html-lynx.txt")
    assert (report.template, report.year, wrong, silent) == ("2019", 2020, [], [])
    assert t3_row(report, "new") == [342, 77, None, 17, None, 5, 441]
    assert any(f.cell == "section3.new" and "（\ufffd）" in f.message for f in report.flags)


def test_gbk_read_as_utf8_reads_its_tables_by_the_templates_phrases_and_order():
    # lynx dumping a GBK page declaring utf-8: most characters print nothing or 「\ufffd」, the
    # numbers are intact. Labels standing alone are put back by their damaged forms, the others
    # (规章, 行政许可, 行政处罚 print one 「\ufffd」 or nothing) by the template's order between
    # those. Before: nothing read, 「文字为乱码，读不出报告……」
    report, wrong, silent = read_against_truth(ZOO / "w2003-r0029-split-html-lynx.txt")
    assert report.problems == [GBK_READ_AS_UTF8]
    assert problem_label(GBK_READ_AS_UTF8) == "乱码"
    assert report.template == "2021" and wrong == [] and silent == []
    assert [report.value(f"section2.{row}.decisions") for row in ("licensing", "punishment", "coercion")] \
        == [403361, 0, 4873]
    assert t3_row(report, "denied_third_party") == [0, 0, 0, 0, 0, 0, 0]
    assert report.value("section4.review.total") == 6
    # 2019, and a page of counts with units (「10194个」: 个 prints 「\ufffd」, put back)
    report, wrong, silent = read_against_truth(ZOO / "w1907-r0004-wps-html-lynx.txt")
    assert (report.template, wrong, silent) == ("2019", [], [])
    report, wrong, silent = read_against_truth(ZOO / "w1715-r0009-split-html-lynx.txt")
    assert (report.template, wrong, silent) == ("2021", [], [])
    assert "10194个" in report.text
    assert t3_row(report, "new") == [492, 193, 35, 28, 0, 0, 748]
    # (said to be garbled before, decoded as lossy GB18030: test_garbled_text_read_as_lossy_gb18030…)
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0026-word-html-lynx.txt")
    assert (report.problems, wrong, silent) == ([GBK_READ_AS_UTF8], [], [])


def test_gbk_read_as_utf8_a_fees_unit_is_unreadable_and_flagged():
    # 「8300元」 (0.83 万元): 元 and 万元 print alike, so the fee is not read as either, its row flagged
    # (规章 and 行政处罚, each before a count of one digit, 「1件」 printing 「1\ufffd\ufffd」 as 「1、」 would:
    # placed by the template's order, the unit put back)
    report, wrong, silent = read_against_truth(ZOO / "w1907-r0021-cms-html-lynx.txt")
    assert (wrong, silent) == (["section2.fees.amount"], [])
    assert any(f.cell == "section2.fees" for f in report.flags)


def test_utf8_read_as_latin1_whole_is_put_back(tmp_path):
    # the same with every byte kept: read as UTF-8 again, the report whole
    source = (ZOO / "st28-r0016-cms-html-html2text.md").read_text(encoding="utf-8")
    path = tmp_path / "page.md"
    path.write_text(source.encode("utf-8").decode("latin-1"), encoding="utf-8")
    report, _ = read_report(str(path))
    assert report.problems[0] == UTF8_MOJIBAKE_PROBLEM
    assert report.value("section2.normative_docs.issued") == 11


def test_gbk_read_as_latin1_is_still_put_back_as_gbk(tmp_path):
    source = (ZOO / "st28-r0016-cms-html-html2text.md").read_text(encoding="utf-8")
    path = tmp_path / "page.md"
    path.write_text(source.encode("gbk", errors="replace").decode("latin-1"), encoding="utf-8")
    report, _ = read_report(str(path))
    assert report.problems[0] == MOJIBAKE_PROBLEM
    assert report.value("section2.normative_docs.issued") == 11


def test_gbk_read_as_latin1_by_lynx_its_placeholders_losing_the_soft_hyphen():
    # lynx took a GBK page for Latin-1: 「－」 (0xA3 0xAD) prints 「£」 alone, the soft hyphen 0xAD
    # never printed. Before (69642b02): those 176 placeholders left undecoded, the text was not
    # taken back at all and the file read as no report (「不是政府信息公开工作年度报告」)
    report, wrong, silent = read_against_truth(ZOO / "w4103-r0021-word-html-lynx.txt")
    assert report.problems == [MOJIBAKE_PROBLEM]
    assert (report.template, report.year) == ("2021", 2025)
    assert t3_row(report, "new") == [2, 1, None, None, None, None, 3]
    assert report.value("section2.fees.amount") == 347.2
    assert report.value("section4.review.maintained") == 12
    assert (wrong, silent) == ([], [])


def test_html2text_escaped_page_number_between_padded_tables_is_no_value():
    # 「\- 5 -」 (html2text escapes a line's leading "-") between two padded tables of 表三, the
    # line above a padded line of blank cells: a page's number. Before: read as 5 in
    # 「3、补正后申请内容仍不明确」 (flagged; with the rows joined, a false T3-2 错误)
    report, wrong, silent = read_against_truth(ZOO / "h2t31z-r0025-split-html-html2text.md")
    assert t3_row(report, "unable_unclear") == [None] * 7
    assert wrong == [] and silent == []


def test_html2text_layout_cell_paragraphs_on_one_line_are_read_apart():
    # a site's layout table holds the article in one cell: html2text breaks no line at a <p> in a
    # cell, so the prose, 「**二、主动公开政府信息情况**」 and 表二's first row print on one line.
    # Before: 表二 not found (22 cells flagged)
    report, wrong, silent = read_against_truth(ZOO / "w1304-r0035-split-html-html2text.md")
    assert report.value("section2.licensing.decisions") == 407578
    assert not [p for p in report.problems if "第二部分" in p]
    assert silent == []


def test_a_table_whose_body_pandoc_printed_as_TABLE_is_lost_not_blank():
    # pandoc's plain text of a split page: 表四's header rows as a simple table, its body as
    # 「[TABLE]」. Before: 表四 read as printed blank, its 3 行政复议 其他结果 and 总计 silent
    report, wrong, silent = read_against_truth(ZOO / "w1604-r0029-split-html-pandoc-html-plain.txt")
    assert "section4" not in report.tables
    assert any(f.cell == "section4" and "[TABLE]" in f.message for f in report.flags)
    assert silent == []
    missing = next(f for f in check(report) if f.rule == "D-2")
    assert missing.severity == "doubt" and "section4" in missing.cells


def test_a_sites_list_of_other_years_reports_before_the_title_does_not_set_the_year():
    # the same page prints 「相关文章」, three earlier reports' titles each with its date, before
    # the report's own title. Before: the year read 2022 from the first link (D-1 and D-3 warned)
    report, _ = read_report(str(ZOO / "w1604-r0029-split-html-pandoc-html-plain.txt"))
    assert (report.agency, report.year) == ("西宁市滨江区人民政府", 2023)
    assert not [f for f in check(report) if f.rule in ("D-1", "D-3")]


def test_a_later_box_of_a_split_table_printing_no_header_draws_its_own_columns():
    # a split page's 表三 in two w3m boxes: the first, under the header, holds a row of 8 cells and
    # draws an empty column after 总计; the second goes on without a header and draws none. Before,
    # the second box's rows were read with the first's empty column: a row whose group label prints
    # a piece beside it (「法提供」「予处理」…) put its 6 values a column right, 自然人 blank and 总计
    # 0 (unable_need_creation and not_processed_publication: silent, their 自然人 0 read blank)
    report, wrong, silent = read_against_truth(ZOO / "w2008-r0003-split-html-w3m.txt")
    assert t3_row(report, "unable_need_creation") == [0, 0, 0, 0, 0, 0, None]
    assert t3_row(report, "not_processed_publication") == [0, 0, 0, 0, 0, 0, None]
    assert t3_row(report, "denied_third_party") == [0, 1, 0, 0, 0, 0, None]
    assert t3_row(report, "other_no_fee") == [1, 0, 0, 0, 0, 0, None]  # (its 1 the planted typo)
    assert silent == []


def test_TABLE_in_the_second_column_of_a_sites_layout_table_is_a_lost_table():
    # pandoc's plain text of a site's page, its layout table drawn as a grid: the article in the
    # second column, 表三 printed as 「[TABLE]」 there (「|    | [TABLE]    |」). Before: the
    # placeholder was looked for only alone or in the first column, so the missing 表三 was
    # an error of the report (D-2 错误 「缺少统计表」) instead of a table the converter lost
    report, _ = read_report(str(ZOO / "w2008-r0038-cms-html-pandoc-html-plain.txt"))
    assert any(f.kind == "lost" and "[TABLE]" in f.message for f in report.flags)
    missing = next(f for f in check(report) if f.rule == "D-2")
    assert missing.severity == "doubt" and missing.cells == ["section3"]


def test_a_blank_layout_column_left_of_a_rows_label_is_no_cell_of_the_row():
    # the same page: 表二 is a simple table in the article's narrow column, its rows wrapped, each
    # line of the grid opening with the layout's blank first column (「|      |    0      — |」).
    # Before: that blank read as a cell of the row (「规章」行印有4个数值), its 本年废止件数 blank and
    # its — lost; 行政规范性文件 现行有效 read 0 for 2
    report, wrong, silent = read_against_truth(ZOO / "w2008-r0038-cms-html-pandoc-html-plain.txt")
    assert [report.value(f"section2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [0, 0, None]
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [2, 0, 2]
    assert not [f for f in report.flags if f.cell.startswith("section2")]
    assert silent == []
def test_a_lynx_row_whose_first_zeros_are_glued_to_its_label_reads_every_cell(tmp_path: Path):
    # lynx glues a long label to the row's first cells (「…不计其他情形）00 0 0 0 0 0」): read as
    # text, the row lost its 自然人 and 商业企业 0s, two blanks no flag told of (w2008 r0031)
    printed = (ZOO / "r0027-lynx.txt").read_text(encoding="utf-8")
    row = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 无 无 无 无 无 无 无"
    assert row in printed
    glued = tmp_path / "glued-lynx.txt"
    glued.write_text(printed.replace(row, row.split(" ")[0] + "00 0 0 0 0 0"), encoding="utf-8")
    report, _ = read_report(glued)
    assert t3_row(report, "partial") == [0, 0, 0, 0, 0, 0, 0]
    assert not any(flag.cell.startswith("section3.partial") for flag in report.flags)


def test_a_later_box_drawing_a_column_more_than_the_header_flags_its_rows_of_zeros():
    # w3m draws the second box of a split 表三 as wide as its widest row: here a row of 8 cells (a
    # 法人 subtotal after a blank 自然人), so the box draws a column more than the first one, and no
    # row prints anything in it. The row 3.要求提供公开出版物 (「 | - | - | - | 0 | | - | 」) read
    # by its cells' places has its 0 under 法律服务机构, read with the subtotal under 社会公益组织
    # (the truth); both add up. Before w51 the 0 was lost unflagged; since, read as its last 7 cells
    # (right here by chance, and wrong in w2108 r0040): now both are 0, the row flagged
    report, wrong, silent = read_against_truth(ZOO / "w1604-r0026-split-html-w3m.txt")
    assert t3_row(report, "not_processed_publication") == [None, None, None, 0, 0, None, None]
    assert "「社会公益组织」可能是0也可能空白" in t3_row_flags(report, "not_processed_publication")
    assert silent == []


def test_a_row_of_zeros_in_a_wider_later_box_is_read_by_its_cells_places_and_flagged():
    # w2108 r0040: the same, the row of 8 cells one with a stray empty cell after 总计. 「2.重复申请」
    # prints 「 | - | - | | | 0 | | 」: its 0 is under 其他 (the truth), or under 法律服务机构 if the
    # row printed a subtotal after 自然人. Before: read as its last 7 cells, the 0 under 法律服务机构
    # alone, no flag. Now under 其他 where it stands, 法律服务机构 0 as well, and the row flagged
    report, wrong, silent = read_against_truth(ZOO / "w2108-r0040-split-html-w3m.txt")
    assert t3_row(report, "not_processed_duplicate") == [None, None, None, None, 0, 0, None]
    assert "「法律服务机构」可能是0也可能空白" in t3_row_flags(report, "not_processed_duplicate")
    # (a row whose readings put the 0s in the same cells is not flagged: 「（一）予以公开」 prints counts)
    assert t3_row_flags(report, "granted") == ""
    assert silent == []


def test_lynx_rows_of_zeros_a_column_off_the_full_row_are_flagged():
    # lynx pads cells by characters and shifts a row's cells by one where a label cell spans rows:
    # 「（七）总计」, the one full row, prints a column left of the header's names, the rows of 0s
    # and blanks under them. Placed by the full row, 「3.危及“三安全一稳定”」's 0s (自然人 商业企业
    # 社会组织 其他) fell a column right, its 社会组织 and 其他 read blank, unflagged (8 silent cells)
    report, wrong, silent = read_against_truth(ZOO / "w1402-r0006-wps-html-lynx.txt")
    assert silent == []
    for key, label in (("denied_safety_stability", "「3.危及“三安全一稳定”」"),
                       ("denied_internal_affairs", "「5.属于三类内部事务信息」")):
        assert t3_row(report, key) == [0] * 7
        assert f"{label}行的数值按版面位置归入各列，各数所在的列不够确定，请对照原文核对" in \
            [f.message for f in report.flags if f.cell == f"section3.{key}"]


def test_lynx_rows_a_column_off_the_full_row_read_where_their_characters_columns_tell():
    # the same table: a row with a value under 总计's name (past the full row's last column) prints
    # under the header's names; one with a value in the full row's first column (left of 自然人's
    # name) and one under 其他's name prints a column left, as the full row does. Such rows are
    # read so, unflagged. Before: 「一、本年新收…」's 2 (自然人) read as 商业企业's, flagged
    report, wrong, silent = read_against_truth(ZOO / "w1402-r0006-wps-html-lynx.txt")
    assert (wrong, silent) == ([], [])
    assert t3_row(report, "new") == [2, None, None, None, 0, None, 2]  # 2 - 0 2 under 自然人 社会组织 法律服务机构 总计
    assert t3_row(report, "unable_not_held") == [2, None, None, None, None, 0, 2]
    assert t3_row(report, "unable_unclear") == [0, 0, None, 0, 0, None, 0]  # a column left: 0 0 0 0 - 0
    assert t3_row_flags(report, "new") == t3_row_flags(report, "unable_unclear") == ""
    # 「3.其他」 prints 0 - 0 from the full row's first column on: moved by one column or by two,
    # its characters' columns cannot tell; flagged
    assert "各数所在的列不够确定" in t3_row_flags(report, "other_other")


def test_lynx_table_without_full_rows_read_where_its_characters_columns_tell():
    # no row prints all 7 values, so the columns were guessed from the values' positions, the
    # moved rows' among them (「（七）总计」 326 79 14 419 from a column left of 自然人's name, 「3.其他」
    # 13 3 17 from two): every row read two columns right, flagged (45 cells wrong). Every value prints
    # at the start of its column's name or left of the first: 297 77 13 387 (自然人 商业企业 其他
    # 总计) is read so, 总计's row moved by one, 3.其他's by two
    report, wrong, silent = read_against_truth(ZOO / "w2108-r0036-wps-html-lynx.txt")
    assert silent == []
    assert [cell for cell in wrong if cell.startswith("section3")] == []
    assert t3_row(report, "new") == [297, 77, None, None, None, 13, 387]
    assert t3_row(report, "total") == [326, 79, None, None, None, 14, 419]
    assert t3_row_flags(report, "new") == t3_row_flags(report, "total") == ""
    # the planted typo (其他's 自然人 14 printed 13) breaks its row's sum: still flagged, and caught
    assert t3_row(report, "other_other") == [13, 3, None, None, None, None, 17]
    assert any("section3.other_other.natural" in f.cells for f in check(report))


def test_a_row_of_zeros_lynx_moved_toward_its_label_is_flagged():
    # lynx lays out the last row of a group whose label cell spans rows without that cell: its label
    # starts left of the row's above (column 13 under 34) and its cells move a column or more toward
    # it. A row of 0s and placeholders printing fewer cells than 7 adds up wherever they go, so where
    # they print does not say their columns: 「－ ０ ０ －」 was read as 商业企业, 社会组织, 法律服务机构,
    # 其他 (true: 法律服务机构 and 其他 print the 0s), 「无 0 无」 one column left too, unflagged
    report, wrong, silent = read_against_truth(ZOO / "w2708-r0007-wps-html-lynx.txt")
    assert "按版面位置归入各列" in t3_row_flags(report, "not_processed_confirm")
    assert silent == []
    report, wrong, silent = read_against_truth(ZOO / "w2703-r0029-wps-html-lynx.txt")
    assert "按版面位置归入各列" in t3_row_flags(report, "unable_unclear")
    assert silent == []
    # the rows above it, their labels where the group's others print, are read as placed
    assert t3_row_flags(report, "unable_need_creation") == ""


def test_a_row_of_zeros_after_a_groups_last_lynx_moved_toward_its_label_is_flagged():
    # 2019's single 「（六）其他处理」 (its label cell spans the group column) after 「5.要求行政机关…」:
    # lynx prints its label at column 3 under the row above's 6 and its cells a column or more left.
    # 「0 - - -」 (true: 商业企业 0, three placeholders further on) was read 0 under 自然人 and nobody
    # told: the same as a numbered row moved so (w3108 wps-html-lynx r0022)
    report, wrong, silent = read_against_truth(ZOO / "w3108-r0022-wps-html-lynx.txt")
    assert "按版面位置归入各列" in t3_row_flags(report, "other_processing")
    assert silent == []


def test_a_row_under_a_moved_row_is_measured_against_the_rows_lynx_left_in_place():
    # 2021's three （六） rows all printed at the margin (labels at columns 6, 5, 5; the rows above
    # at 63) with their cells a column left: 2.'s 「－ 0 0 －」 (true: 科研机构 0, 其他 0) was read
    # with its 0s under 商业企业 and 法律服务机构, unflagged, for its label is not left of 1.'s
    # (w3208 wps-html-lynx r0037, 2 silent cells)
    report, wrong, silent = read_against_truth(ZOO / "w3208-r0037-wps-html-lynx.txt")
    assert "按版面位置归入各列" in t3_row_flags(report, "other_no_fee")
    assert silent == []


def test_empty_sheet_rows_after_the_last_row_are_not_its_cells():
    # html2text ends each row of a WPS sheet "|   ", as it ends a row broken inside a cell, so the
    # sheet's empty rows under 「四、结转下年度继续办理」 were joined to it: their empty cells read as
    # the row's, its blank first cell trimmed as padding and its values read a column left
    # (0 under 社会公益组织 and 其他 instead of 法律服务机构 and 总计, unflagged). Each is a row of its own
    report, wrong, silent = read_against_truth(ZOO / "w2208-r0001-wps-html-html2text.md")
    assert t3_row(report, "carried_forward") == [None, None, None, None, 0, None, 0]
    assert silent == []
    report, wrong, silent = read_against_truth(ZOO / "w2208-r0015-wps-html-html2text.md")
    assert t3_row(report, "carried_forward") == [None, 0, None, 0, 0, 0, None]
    assert silent == []
    # html2text's padded table (--pad-tables) frames each row and ends it "|   |" too: the sheet's
    # empty row after it was joined all the same, 17 cells, the row's two blank first cells trimmed
    # and its 0 under 其他 read under 社会公益组织 (unflagged)
    report, wrong, silent = read_against_truth(ZOO / "w2608-r0022-wps-html-html2text.md")
    assert t3_row(report, "carried_forward") == [None, None, None, None, None, 0, None]
    assert silent == []
    # but a table printing its zeros blank breaks each row over lines of empty cells, each shorter
    # than the row: they go on with it (taken each for a row of its own, 「二、上年结转」 read 4 cells
    # of 7, flagged, and 「（七）总计」 left with no values)
    report, wrong, silent = read_against_truth(ZOO / "w2603-r0013-split-html-html2text.md")
    assert wrong == [] and silent == []
    assert t3_row_flags(report, "carried_over") == t3_row_flags(report, "carried_forward") == ""


def test_a_footer_after_a_split_off_tables_blank_row_is_no_value_of_it():
    # a site that pasted 表二 page by page, each page's block a table of its own with the printed
    # page's footer under it; html2text prints each block's heading 「第二十条第（六）项」 (its first
    # row, one cell wide) without a bar, above the table's rule 「---」. 其他对外管理服务事项 and
    # 行政事业性收费 print blank cells, then 「\- 5 -」 and 「\- 7 -」: before, read as their 本年增/减
    # (5 silent, 7 flagged)
    report, wrong, silent = read_against_truth(ZOO / "w2308-r0035-split-html-html2text.md")
    assert [report.value(f"section2.other_services.{c}") for c in ("prev_items", "change", "decisions")] \
        == [None, None, None]
    assert [report.value(f"section2.fees.{c}") for c in ("prev_items", "change")] == [None, None]
    assert report.value("section2.coercion.change") == 50
    assert report.value("section2.licensing.decisions") == 15
    assert silent == []
    assert not [f for f in report.flags if f.cell.startswith("section2")]


def test_a_blocks_heading_wrapped_in_a_grid_cell_ends_the_row_before_it():
    # pandoc prints the blocks of a split 表二 alternately as grid tables and simple tables; a grid
    # table's heading cell wraps, 「第二」 over 「十条第（六）项」, its three blank cells beside 「第二」.
    # 其他对外管理服务事项 (a simple table's last row) prints ２７ and １ (its 本年增/减 blank):
    # before, the heading row's first blank cell was taken as its third value, the row read
    # 27 1 (blank) as printed, 1 under 本年增/减 (silent). Now the row ends at the heading and its
    # two values are placed under the header's names (１ under 处理决定数量), flagged as placed so
    report, wrong, silent = read_against_truth(ZOO / "w2308-r0020-split-html-pandoc-html-plain.txt")
    assert [report.value(f"section2.other_services.{c}") for c in ("prev_items", "change", "decisions")] \
        == [27, None, 1]
    assert [report.value(f"section2.punishment.{c}") for c in ("prev_items", "change", "decisions")] \
        == [182, None, 4]
    assert silent == []


def test_a_2019_table_two_label_wrapped_in_a_grid_cell_is_found_by_its_tail():
    # pandoc's grid table wraps 其他对外管理服务事项 in its narrow label column, 「其他对」 over
    # 「外管理服务事项」, its values ２７ －２２ １２ beside 「其他对」: neither part named the row (too
    # short a start, the keyword 对外管理服务 cut), so the values were read as 行政许可's above it,
    # which prints none (three cells silent). 表三's labels were found by their tails so already
    report, wrong, silent = read_against_truth(ZOO / "w2703-r0002-cms-html-pandoc-html-plain.txt")
    assert [report.value(f"section2.licensing.{c}") for c in ("prev_items", "change", "decisions")] \
        == [None, None, None]
    assert [report.value(f"section2.other_services.{c}") for c in ("prev_items", "change", "decisions")] \
        == [27, -22, 12]
    assert [cell for cell in wrong if cell.startswith("section2")] == [] and silent == []
    assert not [f for f in report.flags if f.cell.startswith("section2")]


def test_a_footer_between_two_tables_pandoc_draws_is_no_value():
    # pandoc draws a split table's parts as grid tables (bordered 「+-----+」) and simple tables
    # (over a dash rule 「------ ----」); a page's footer between two such parts lies outside both.
    # 表二: 「- 2 -」 under the grid table ending on 行政规范性文件 (blank, blank, 3), above the next
    # block's simple table: before, read as its values (issued 3, in_force 2, flagged)
    report, wrong, silent = read_against_truth(ZOO / "w1704-r0015-split-html-pandoc-html-plain.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] \
        == [None, None, 3]
    assert [cell for cell in wrong if cell.startswith("section2")] == [] and silent == []
    # 表四: its header on one page, 「- 7 -」, its values under the header repeated on the next:
    # before, the footer read as 行政复议's first values (7 under 结果纠正, flagged)
    report, wrong, silent = read_against_truth(ZOO / "w1903-r0020-split-html-pandoc-html-plain.txt")
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [0, 0, 5, 2, 7]
    assert silent == []


def test_gbk_read_as_utf8_counts_glued_after_a_label_put_back_are_its_first_cells():
    # lynx printed 「（二）部分公开…」's damaged form wider than its cell: the row's first counts
    # print right after the label put back, no space between. 「…情形）676 135 3 5 6 0 825」: 676 is
    # 自然人 (w3703 r0003); before, read as the label's, 自然人 left blank and 676 offered for it
    # on a consistent report (6c7e7be2, 9ca91b5c)
    report, wrong, silent = read_against_truth(ZOO / "w3703-r0003-wps-html-lynx.txt")
    assert report.problems == [GBK_READ_AS_UTF8]
    assert wrong == [] and silent == []
    assert t3_row(report, "partial") == [676, 135, 3, 5, 6, 0, 825]
    assert check(report) == []  # (every sum holds: nothing to offer)
    # 「…情形）20 0  0  0    0 2」: 「20」 is 自然人 2 and 商业企业 0 glued (the row lacks two cells;
    # read as one number, 20, it would not add up to 2), the cut flagged; the planted typo in the
    # row above (予以公开's 总计 printed 1, true 14) is then found and its value offered (w3709 r0017)
    report, wrong, silent = read_against_truth(ZOO / "w3709-r0017-wps-html-lynx.txt")
    assert t3_row(report, "partial") == [2, 0, 0, 0, 0, 0, 2]
    assert any(f.cell == "section3.partial" and "「20」" in f.message for f in report.flags)
    assert [(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.severity == "error"] \
        == [("section3.granted.total", 14)] * 2
    assert silent == []
