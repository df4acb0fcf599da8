"""Traits of real published reports (TEMPLATE.md "What real files look like") that the generated
zoo does not print: each read as printed, without a false 错误."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from core.pipeline import load_report
from tests.core.truth import wrong_cells

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
WILD = FIXTURES / "wild"


def test_a_total_column_left_empty_is_unchecked_not_wrong():
    """A web page whose 表三 leaves the whole 总计 column empty beside counts: the sums were not
    filled in, so no row is 错误 (each would read 总计 0 against its counts); one warning says so."""
    report = load_report(WILD / "total-column-empty.html")
    assert wrong_cells(report, "wild/total-column-empty") == []
    assert report.value("section3.new.natural") == 576 and report.value("section3.new.total") is None
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "总计」未填写" in f.message]
    assert len(warned) == 1 and "section3.total.total" in warned[0].cells
    # the prose's 793 applications are not compared with a 总计 nobody printed
    assert not [f for f in findings if f.rule == "N-1"]


def test_a_big5_mirror_in_traditional_characters_is_read():
    """A mirror site's copy: Big5 bytes, every character traditional (總計, 結轉下年度, 行政復議)."""
    report = load_report(WILD / "big5-mirror.txt")
    assert report.encoding == "big5" and report.problems == []
    assert wrong_cells(report, "wild/big5-mirror") == []
    assert report.value("section3.new.total") == 737 and report.value("section3.total.total") == 788
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_tables_printed_as_pictures_are_missing_not_blank():
    """A page whose three tables are pictures (<img>): 表四's section heading (复议, 诉讼) is no
    table of blank cells, so nothing is compared with it (the prose's 行政复议4件 against a 0)."""
    report = load_report(WILD / "tables-as-pictures.html")
    assert "未找到第四部分统计表（行政复议、行政诉讼情况）" in report.problems
    assert "section4" not in report.tables
    assert all(report.value(p) is None for p in report.cells if p.startswith("section4"))
    findings = check(report)
    assert not [f for f in findings if f.rule == "N-1"]
    assert [f.rule for f in findings] == ["D-2"] and "表四" in findings[0].message


def test_a_page_holding_two_reports_says_it_read_the_first():
    """A column page printing last year's report, then this year's (the page's <title>): the
    first report's tables are read, and a problem says another report follows, not read."""
    report = load_report(WILD / "two-reports-on-one-page.html")
    assert wrong_cells(report, "wild/two-reports-on-one-page") == []
    assert report.value("section3.new.total") == 78  # the first report's, not the second's 737
    assert any("还有一份报告" in p and "只读取了第一份" in p for p in report.problems)
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_one_report_with_last_years_table_appended_is_one_report(tmp_path):
    """「附：上年数据」: a second 表三 alone after the report is no second report."""
    text = (WILD / "two-reports-on-one-page.html").read_text(encoding="utf-8")
    second = text.index("<h1>", text.index("<h1>") + 1)
    table = text.index("<table", text.index("收到和处理政府信息公开申请情况", second))
    page = tmp_path / "page.html"
    last_year = text[table:text.index("</table>", table) + len("</table>")]
    page.write_text(text[:second] + "<p>附：上年同期收到和处理政府信息公开申请情况</p>" + last_year + "</div></body></html>",
                    encoding="utf-8")
    report = load_report(page)
    assert not any("还有一份报告" in p for p in report.problems)
    assert report.value("section3.new.total") == 78


def test_cells_printing_a_unit_in_brackets_or_a_mark_are_not_read_as_blank():
    """「737（件）」 is 737; 「56*」 is 56 and a footnote's mark (since wild71: before, the cell was
    unread and its row flagged), never a blank 总计 (0) that makes the report's sums 错误."""
    report = load_report(WILD / "cells-with-marks.html")
    assert report.value("section3.new.total") == 737
    assert report.value("section3.carried_over.total") == 56
    assert wrong_cells(report, "wild/cells-with-marks") == []
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_table_printing_only_its_totals_is_unchecked_not_wrong():
    """表三 filled in only in its 总计 column (the applicants' six columns blank in every row): one
    warning says the breakdown is missing, instead of a 错误 on every row (总计737 against 0)."""
    report = load_report(WILD / "only-totals.html")
    assert wrong_cells(report, "wild/only-totals") == []
    assert report.value("section3.new.total") == 737 and report.value("section3.new.natural") is None
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    warned = [f for f in findings if "只填写了「总计」" in f.message]
    assert len(warned) == 1 and "section3.new.natural" in warned[0].cells


def test_one_blank_total_beside_a_count_is_that_row_s_error_not_an_unfilled_column():
    """A report printing its zeros blank, with one lawsuit printed (复议后起诉·其他结果 1, a slip:
    truly 0) beside a blank 总计: one row's blank 总计 is no column left unfilled - the row's sum
    must still call it 错误 (the other two groups print nothing, so their blank totals are 0)."""
    report = load_report(FIXTURES / "converters" / "guard777-r0024.lo-txt-utf-8-sig.txt")
    assert report.value("section4.litigation_after_review.other") == 1
    findings = check(report)
    assert not [f for f in findings if "未填写" in f.message]
    errors = [f for f in findings if f.severity == ERROR]
    assert [f.rule for f in errors] == ["T4-3"]
    assert {"section4.litigation_after_review.other", "section4.litigation_after_review.total"} <= set(errors[0].cells)


def test_t3_columns_printed_in_another_order_are_read_by_their_names():
    """表三 typed again with its 法人或其他组织 columns in another order (法律服务机构 first): no sum
    can tell a column from another, so the header's names place them. Read in printed order,
    商业企业's 1629 went to 科研机构 and every equation still held: silent."""
    for name in ("columns-in-other-order.txt", "columns-in-other-order.html", "columns-in-other-order.docx"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/columns-in-other-order") == [], name
        assert [report.value(f"section3.new.{key}") for key in ("commercial", "research", "social", "legal", "other")] \
            == [1629, 109, 509, 546, 100], name
        assert [f for f in check(report) if f.severity == ERROR] == []


def test_t3_columns_in_another_order_are_read_by_the_places_of_their_names_in_pdf_text():
    """pdftotext -layout of the Word file: the header's names split over lines (「法律」 over 「服务」
    over 「机构」) say the order only by where they print, which the rows on the header's page
    confirm (each value under its name). Before: 26 cells read in the template's order, silent."""
    report = load_report(WILD / "columns-in-other-order.pdftotext-layout.txt")
    assert wrong_cells(report, "wild/columns-in-other-order") == []
    assert report.value("section3.new.commercial") == 1629 and report.value("section3.new.legal") == 546
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_header_naming_the_columns_in_the_template_s_order_or_unreadably_moves_nothing():
    """Only a header naming the five columns, each once and nothing else, moves them: the template's
    order, a name split by another (PDF text of a header over two lines) or a name missing read
    nothing."""
    from core.parse.column_order import header_part_order
    from core.parse.tokens import TEXT, Token

    def order(*texts):
        return header_part_order([Token(TEXT, t, 0, 0, n) for n, t in enumerate(texts)])
    assert order("申请人情况", "自然人法人或其他组织总计", "商业企业科研机构社会组织法律服务机构其他", "一、本年新收") \
        == ("commercial", "research", "social", "legal", "other")
    assert order("自然人", "法律服务机构商业企业其它科研机构社会公益组织", "一、本年新收政府信息公开申请数量") \
        == ("legal", "commercial", "other", "research", "social")
    assert order("自然人", "其他法律服务机构商业企业科研机构社会公益组织", "一、本年度新收申请") \
        == ("other", "legal", "commercial", "research", "social")
    assert order("自然人", "商业科研社会公益法律服务其他", "企业机构组织机构", "一、本年新收") is None
    assert order("自然人", "商业企业科研机构法律服务机构其他", "一、本年新收") is None  # 社会公益组织 missing
    assert order("自然人", "商业企业科研机构社会公益组织法律服务机构其他小计", "一、本年新收") is None
    assert order("其中商业企业3件、其他2件，自然人", "法律服务机构商业企业其他科研机构社会公益组织") is None  # no row


def test_t2_document_columns_printed_in_another_order_are_read_by_their_names():
    """表二's 第二十条第（一）项 printing 现行有效件数 first (2021, a text) or 对外公开总数量 first (2019,
    a web page): no equation ties the block's columns, so the header's names place them. Read in
    printed order, 行政规范性文件's 12 in force went to 本年制发件数."""
    report = load_report(WILD / "t2-docs-in-other-order.txt")
    assert wrong_cells(report, "wild/t2-docs-in-other-order") == []
    assert [report.value(f"section2.normative_docs.{key}") for key in ("issued", "repealed", "in_force")] == [3, 13, 12]
    assert [f for f in check(report) if f.severity == ERROR] == []
    report = load_report(WILD / "t2-docs-in-other-order-2019.html")
    assert report.template == "2019"
    assert wrong_cells(report, "wild/t2-docs-in-other-order-2019") == []
    assert [report.value(f"section2.rules.{key}") for key in ("new_made", "new_published", "total_published")] \
        == [2, 2, 17]
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_t2_header_naming_its_columns_in_the_template_s_order_or_among_prose_moves_nothing():
    from core.parse.column_order import header_doc_order
    from core.parse.tokens import TEXT, Token

    def order(*texts, version="2021"):
        return header_doc_order([Token(TEXT, t, 0, 0, n) for n, t in enumerate(texts)], version)
    assert order("第二十条第(一)项", "信息内容本年制发件数本年废止件数现行有效件数", "规章") == ("issued", "repealed", "in_force")
    assert order("第二十条第(一)项", "现行有效件数本年制发件数本年废止件数", "规章") == ("in_force", "issued", "repealed")
    assert order("信息内容对外公开总数量本年新制作数量本年新公开数量", "规章", version="2019") \
        == ("total_published", "new_made", "new_published")
    assert order("信息内容现行有效件数本年制发件数", "规章") is None  # 本年废止件数 missing
    assert order("现行有效件数本年制发件数本年废止件数", "规章") is None  # no 信息内容 or heading before them
    assert order("信息内容", "本年制发规章3件、废止2件", "规章") is None  # prose


def test_t4_columns_printed_in_another_order_are_read_by_their_names():
    """表四 printing 尚未审结 before 其他结果 in each group: a group's 总计 adds up in any order of its
    parts, so the header's names place them. Read in printed order, 行政复议's 3 pending went to
    其他结果 and its 1 to 尚未审结: silent, and a prose saying 「尚未审结3件」 would be checked against 1."""
    for name in ("t4-columns-in-other-order.txt", "t4-columns-in-other-order.html"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t4-columns-in-other-order") == [], name
        assert [report.value(f"section4.review.{key}") for key in ("maintained", "corrected", "other", "pending", "total")] \
            == [10, 0, 1, 3, 14], name
        assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_t4_header_moves_its_columns_only_when_every_group_names_them_alike():
    from core.parse.column_order import header_t4_order
    from core.parse.tokens import EMPTY, TEXT, Token

    def order(*texts):
        return header_t4_order([Token(EMPTY if t == "" else TEXT, t, 0, 0, n) for n, t in enumerate(texts)]
                               + [Token("num", "1", 0, 0, 9, 1)])
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    names = "结果维持结果纠正尚未审结其他结果总计"
    assert order(heading, "行政复议", "", "行政诉讼", names + "未经复议直接起诉复议后起诉", names * 2) \
        == ("maintained", "corrected", "pending", "other", "total")
    assert order(heading, "结果 维持 结果 纠正 其他 结果 尚未 审结 总计") \
        == ("maintained", "corrected", "other", "pending", "total")
    assert order(heading, names + "未经复议直接起诉复议后起诉", "结果维持结果纠正其他结果尚未审结总计" * 2) is None  # groups differ
    assert order(heading, "结果维持结果纠正其他结果总计尚未审结") is None  # 总计 not last
    assert order(heading, "全年行政复议", names) is None  # prose before the table
    assert order("行政复议行政诉讼", names) is None  # no section heading: what came before is not known


def test_t3_labels_reworded_as_agencies_retype_them_name_their_rows():
    """「一、本年度新收申请」, 「二、上年度结转申请」, 「3.申请内容不明确」 and 「（七）合计」 name their rows:
    before, 一 and 二 were missing rows (their cells unread, a problem on the report) and 合计's
    values were placed by the rows' order, flagged."""
    report = load_report(WILD / "t3-labels-reworded.txt")
    assert wrong_cells(report, "wild/t3-labels-reworded") == []
    assert report.problems == [] and report.flags == []
    assert report.value("section3.new.natural") == 147 and report.value("section3.carried_over.total") == 6
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_t4_groups_printed_in_another_order_are_read_by_their_names():
    """表四 printing 行政诉讼 left of 行政复议 (a text), or 复议后起诉 left of 未经复议直接起诉 (a web
    page): each group adds up wherever it prints, so the header's names place them. Read in printed
    order, 行政复议's 14 went to 复议后起诉 (or 未经复议直接起诉's 4 to 复议后起诉): silent."""
    for name in ("t4-groups-in-other-order.txt", "t4-groups-in-other-order.html"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t4-groups-in-other-order") == [], name
        assert [report.value(f"section4.{group}.total") for group in
                ("review", "litigation_direct", "litigation_after_review")] == [14, 4, 0], name
        assert [f for f in check(report) if f.severity == ERROR] == []


def test_t4_groups_are_moved_only_when_the_header_names_each_group_once():
    from core.parse.column_order import header_t4_groups
    from core.parse.tokens import TEXT, Token

    def groups(*texts):
        return header_t4_groups([Token(TEXT, t, 0, 0, n) for n, t in enumerate(texts)] + [Token("num", "1", 0, 0, 9, 1)])
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    names = "结果维持结果纠正其他结果尚未审结总计"
    assert groups(heading, "行政复议行政诉讼", names + "未经复议直接起诉复议后起诉", names * 2) \
        == ("review", "litigation_direct", "litigation_after_review")
    assert groups(heading, "行政诉讼行政复议", "未经复议直接起诉复议后起诉" + names, names * 2) \
        == ("litigation_direct", "litigation_after_review", "review")
    assert groups(heading, "行政复议行政诉讼", names + "复议后起诉未经复议直接起诉", names * 2) \
        == ("review", "litigation_after_review", "litigation_direct")
    assert groups(heading, "行政诉讼", names + "未经复议直接起诉复议后起诉", names * 2) is None  # 行政复议 unnamed
    assert groups(heading, names) is None  # no group named: the template's order stands


def test_t4_values_the_parser_arranged_by_the_sums_are_not_moved_again():
    """Where the parser put 表四's values in the groups their sums fit (a PDF's text order), they
    are no longer in printed order: the header's order does not move them."""
    from core.model import CellValue, Flag, Report
    from core.parse.column_order import put_t4_columns_in_header_order
    from core.parse.tokens import TEXT, Token
    from core.template import T4
    header = [Token(TEXT, "四、政府信息公开行政复议、行政诉讼情况", 0, 0, 0),
              Token(TEXT, "结果维持结果纠正尚未审结其他结果总计", 0, 0, 1), Token("num", "1", 0, 0, 2, 1)]
    for arranged, expected in ((True, 3), (False, 1)):
        report = Report(file="x", format="txt")
        report.cells = {p: CellValue(0) for p in T4.paths()}
        report.cells["section4.review.other"] = CellValue(3)
        report.cells["section4.review.pending"] = CellValue(1)
        if arranged:
            report.flags.append(Flag("section4", "inferred", "表四数值的印出顺序与表格不一致"))
        put_t4_columns_in_header_order(report, T4, header)
        assert report.cells["section4.review.other"].value == expected


def test_zeros_printed_as_characters_are_counts_of_zero():
    """A report typed with 「零」 in 表二 and 「〇」 in 表三 and 表四 for every zero (a web page and the
    same report as a Word file): each is a cell holding 0. Before, each was text joined to the row's
    label, the rows short of values, 规章's 12 repealed went to none and 表三's 社会公益组织 1 to
    科研机构 in three rows (flagged rows around, the moved cells not)."""
    for name in ("zeros-as-characters.html", "zeros-as-characters.docx"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/zeros-as-characters") == [], name
        assert [report.value(f"section2.rules.{key}") for key in ("issued", "repealed", "in_force")] == [0, 12, 0]
        assert [report.value(f"section3.new.{key}") for key in ("research", "social", "legal")] == [0, 1, 0]
        assert report.value("section4.review.total") == 0
        assert report.flags == [] and report.problems == [] and check(report) == []


def test_a_zero_character_is_a_count_only_alone_in_its_cell():
    from core.parse.tokens import NUM, TEXT, tokenize
    from core.readers.document import Cell, Line

    def kinds(*cells):
        return [(t.kind, t.value) for t in tokenize([Line(cells=[Cell(c, 0, len(c)) for c in cells], grid=True)])]
    assert kinds("〇", "零", "12") == [(NUM, 0), (NUM, 0), (NUM, 12)]
    assert kinds("零败诉") == [(TEXT, None)] and kinds("二〇二二年") == [(TEXT, None)]


def test_counts_with_a_space_between_their_thousands_are_one_count():
    """「12 558」: a space as the thousands separator (表三's 一, （一） and （七） over 999 in 自然人 and
    总计). One count where the geometry says one cell: a web page's or a Word table's cell, a cell
    pandoc left as HTML in Markdown, or a row of pandoc's plain table whose other gaps are wider
    and which adds up only so. Before, each was read as two (12 and 558), the row as 9 values:
    558 read for 12 558 in six cells (flagged)."""
    for name in ("thousands-space.html", "thousands-space.docx", "thousands-space.pandoc-gfm.md",
                 "thousands-space.pandoc-plain.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/thousands-space") == [], name
        assert report.value("section3.new.natural") == 12558 and report.value("section3.total.total") == 12687, name
        assert report.flags == [] and check(report) == [], name


def test_a_space_between_digits_joins_them_only_where_the_row_is_read_so():
    from core.parse.tokens import NUM, tokenize
    from core.readers.document import Cell, Line

    def values(text, grid=False):
        cells = text.split("\t") if grid else [text]
        return [t.value for t in tokenize([Line(cells=[Cell(c, 0, len(c)) for c in cells], grid=grid)]) if t.kind == NUM]
    row = "一、本年新收  12 558   136   4   0   0   0   12 698"
    assert values(row) == [12558, 136, 4, 0, 0, 0, 12698]
    # the row adds up only read as printed: 1 and 234 are two cells
    assert values("一、本年新收  1 234   5   0   0   0   0   240") == [1, 234, 5, 0, 0, 0, 0, 240]
    # a row whose cells are one space apart (lynx) tells no separator from a gap
    assert values("一、本年新收 12 558 136 4 0 0 0 12 698") == [12, 558, 136, 4, 0, 0, 0, 12, 698]
    assert values("12 558\t0 123\t1 23", grid=True) == [12558, 0, 123, 1, 23]
    assert values("12 558") == [12, 558]  # a line alone: nothing says it is one cell


def test_a_second_t3_in_section_three_is_left_unread_and_said():
    """Section 三 printing two 表三: last year's first under 「2022年度：」 and the report year's under
    「2023年度：」 (a web page, and it as pandoc's plain text), or the agency's own first and then
    last year's (a Word file) or a summary of its departments (「…情况汇总」). The report year's is
    read, a problem names the other. Before, both tables' values ran into one: 四、结转下年度 printing
    182 values and 25 flags, and where last year's came first 59 cells read from it."""
    cases = (("second-t3-last-year-first.html", "第二张（标明2023年度）", "第一张，标明2022年度"),
             ("second-t3-last-year-first.pandoc-plain.txt", "第二张（标明2023年度）", "第一张，标明2022年度"),
             ("second-t3-last-year-after.docx", "第一张", "第二张，标明2022年度"),
             ("second-t3-summary-after.html", "第一张", "第二张，标明「汇总」"))
    for name, read, other in cases:
        report = load_report(WILD / name)
        truth = name.split(".")[0]
        assert wrong_cells(report, f"wild/{truth}") == [], name
        assert report.value("section3.new.total") == 166 and report.value("section3.carried_forward.total") == 7, name
        assert report.flags == [] and check(report) == [], name
        assert report.problems == [f"第三部分印有两张「收到和处理政府信息公开申请情况」表，读取了{read}，另一张（{other}）未读取，请核对原文件"], name


def test_t3_natural_persons_printed_after_the_organisations_are_read_by_the_header():
    """表三 printing 自然人 after the five 法人或其他组织 columns (then 总计): every sum holds in any
    order of the six, so read in printed order 自然人's 129 went to 商业企业 and 其他's 8 to 自然人,
    silent, in every row. The header tells: on one line (a web page's or a Word table's row, a PDF's
    text line) 法人或其他组织 prints left of 自然人; over two lines of a space-aligned text (w3m's box)
    自然人 stands in a column right of where 法人或其他组织 ends."""
    for name in ("natural-after-parts.html", "natural-after-parts.docx", "natural-after-parts.pdftotext-layout.txt",
                 "natural-after-parts.w3m.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/natural-after-parts") == [], name
        assert [report.value(f"section3.new.{key}") for key in
                ("natural", "commercial", "research", "social", "legal", "other", "total")] \
            == [129, 12, 7, 7, 3, 8, 166], name
        assert [f for f in check(report) if f.severity == ERROR] == [], name


def test_natural_persons_move_only_where_the_header_s_geometry_says_so():
    from core.parse.column_order import natural_printed_after_parts
    from core.parse.tokens import tokenize
    from core.readers.document import Cell, Line

    def after(*rows, grid=True):
        text, lines = "", []
        for row in rows:
            cells, at = [], len(text)
            for cell in (row if grid else [row]):
                cells.append(Cell(cell, at, at + len(cell)))
                at += len(cell) + 1
            text += (" ".join(row) if grid else row) + "\n"
            lines.append(Line(cells=cells, grid=grid))
        return natural_printed_after_parts(tokenize(lines), text, lines)
    parts = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    first = ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]
    assert after(["申请人情况"], ["法人或其他组织", "自然人", "总计"], parts, first)
    assert not after(["申请人情况"], ["自然人", "法人或其他组织", "总计"], parts, first)  # the template's
    # a docx2txt text running the names on: 自然人 ends a line, 法人或其他组织 opens the next
    assert not after("一二三申请人情况自然人", "法人或其他组织总计商业企业", "科研机构…其他", "一、本年新收政府信息公开申请数量 1", grid=False)
    # space-aligned: 自然人 stands in a column right of 法人或其他组织's end, or left of it
    assert after("申请人情况", "      法人或其他组织", "                        自然人   总计",
                 "一、本年新收政府信息公开申请数量 1", grid=False)
    assert not after("申请人情况", "      法人或其他组织", "  自然人                   总计",
                     "一、本年新收政府信息公开申请数量 1", grid=False)


def test_two_t3_told_apart_by_nothing_read_the_first_and_say_so(tmp_path):
    """A second 表三 under a heading naming no year and no summary: the first is read (an agency
    prints its own where the template puts it) and the problem says nothing told them apart. The
    section's prose before the first (「较上年度增加」) is no heading of it."""
    text = (WILD / "second-t3-summary-after.html").read_text(encoding="utf-8")
    text = text.replace("（二）全区各部门收到和处理政府信息公开申请情况汇总", "附表")
    heading = text.index("三、收到和处理政府信息公开申请情况")
    first_table = text.index("<table", heading)
    text = text[:first_table] + "<p>本年度收到申请166件，较上年度增加3件。</p>" + text[first_table:]
    page = tmp_path / "page.html"
    page.write_text(text, encoding="utf-8")
    report = load_report(page)
    assert wrong_cells(report, "wild/second-t3-summary-after") == []
    assert report.problems == ["第三部分印有两张「收到和处理政府信息公开申请情况」表，读取了第一张（两张表前均未标明年度或汇总，"
                               "按排在前面的一张读取），另一张（第二张）未读取，请核对原文件"]


def test_circles_and_the_letter_o_typed_for_zero_are_counts_of_0():
    """The report of zeros-as-characters with each 0 typed as what a typist takes for 〇: the web
    page 表二 「O」, 表三 「○」 (U+25CB), 表四 「◯」 (U+25EF); the Word file 表二 full-width 「Ｏ」, 表三
    「○」, 表四 「o」. Before, each was text: 28 rows flagged, 规章's 12 repealed read as nothing and
    表三's 社会公益组织 1 read as 科研机构's in three rows."""
    for name in ("zeros-as-circles.html", "zeros-as-circles.docx"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/zeros-as-characters") == [], name
        assert [report.value(f"section2.rules.{key}") for key in ("issued", "repealed", "in_force")] == [0, 12, 0], name
        assert [report.value(f"section3.new.{key}") for key in ("research", "social", "legal")] == [0, 1, 0], name
        assert report.value("section4.review.total") == 0, name
        assert report.flags == [] and report.problems == [] and check(report) == [], name


def test_a_circle_or_an_o_is_a_count_only_alone_in_its_cell():
    from core.parse.tokens import NUM, TEXT, tokenize
    from core.readers.document import Cell, Line

    def kinds(*cells):
        return [(t.kind, t.value) for t in tokenize([Line(cells=[Cell(c, 0, len(c)) for c in cells], grid=True)])]
    assert kinds("○", "◯", "O", "Ｏ", "o") == [(NUM, 0)] * 5
    assert kinds("○12") == [(TEXT, None)] and kinds("OA系统") == [(TEXT, None)]


def test_a_count_w3m_wrapped_at_its_thousands_space_is_one_count():
    """The thousands-space page through `w3m -dump -cols 80`: 表三's narrow cells print 「12 558」 as
    「12」 over 「558」 (w3m wraps a cell's words whole, at the space). Before, the two lines were
    two counts, 15 cells of three rows wrong (flagged)."""
    report = load_report(WILD / "thousands-space.w3m.txt")
    assert wrong_cells(report, "wild/thousands-space") == []
    assert report.value("section3.new.natural") == 12558 and report.value("section3.total.total") == 12687
    assert report.flags == [] and check(report) == []


def test_two_lines_of_a_box_cell_join_only_where_w3m_broke_them_at_a_space():
    from core.parse.ruled import wrapped_box_numbers
    from core.parse.tokens import NUM, tokenize
    from core.readers.document import Cell, Line

    def values(*rows):
        text, lines = "", []
        for row in rows:
            cells = [Cell(piece, len(text) + row.index(piece), len(text) + row.index(piece) + len(piece))
                     for piece in row.split()]
            text += row + "\n"
            lines.append(Line(cells=cells, grid=False))
        return [t.value for t in wrapped_box_numbers(text, tokenize(lines)) if t.kind == NUM]
    assert values("│12 │7│", "│558│ │") == [12558, 7]
    assert values("│12  │7│", "│558 │ │") == [12558, 7]  # no room for 「 558」 after 12
    assert values("│12    │7│", "│558   │ │") == [12, 7, 558]  # room for it: two lines the cell printed
    assert values("│12 │7│", "│55 │ │") == [12, 7, 55]  # no thousands group


def test_t3_natural_persons_after_the_organisations_read_from_a_text_in_cell_order():
    """A Word file's text written cell by cell in the document's order (docx2txt, mammoth): the
    header prints 法人或其他组织, 自然人, 总计 one after the other, a cell a line or run on
    (「…申请人情况法人或其他组织」 over 「自然人总计商业企业」), where the template's order prints 自然人
    first. Before, read in printed order: 34 cells silent (a cell a line), 59 flagged (run on)."""
    for name in ("natural-after-parts.docx2txt.txt", "natural-after-parts.mammoth-raw.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/natural-after-parts") == [], name
        assert [report.value(f"section3.new.{key}") for key in
                ("natural", "commercial", "research", "social", "legal", "other", "total")] \
            == [129, 12, 7, 7, 3, 8, 166], name
        assert check(report) == [], name
    for name in ("natural-after-parts-2019.docx", "natural-after-parts-2019.docx2txt.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/natural-after-parts-2019", sections=("section3", "section4")) == [], name
        assert [report.value(f"section3.new.{key}") for key in
                ("natural", "commercial", "research", "social", "legal", "other", "total")] \
            == [761, 32, 0, 0, 14, 34, 841], name
        assert [f for f in check(report) if f.severity == ERROR] == [], name


def test_natural_persons_move_by_text_order_only_in_a_text_of_no_pages():
    from core.parse.column_order import natural_printed_after_parts
    from core.parse.tokens import tokenize
    from core.readers.document import Cell, Line

    def after(*rows, pages=()):
        text, lines = "", []
        for row in rows:
            lines.append(Line(cells=[Cell(row, len(text), len(text) + len(row))], grid=False))
            text += row + "\n"
        return natural_printed_after_parts(tokenize(lines), text, lines, pages)
    parts = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "一、本年新收政府信息公开申请数量 1")
    assert after("申请人情况", "法人或其他组织", "", "自然人", "总计", *parts)
    assert after("申请人情况法人或其他组织", "自然人总计商业企业", *parts[1:])
    # the template's order, cell by cell
    assert not after("申请人情况", "自然人", "法人或其他组织", "总计", *parts)
    # a page's text (pdftotext) orders lines by height: 自然人 centred in two header rows prints under
    # 法人或其他组织 in the template's order too
    assert not after("申请人情况", "法人或其他组织", "自然人", "总计", *parts, pages=(40,))
    # a terminal's row: 自然人 and 总计 one line apart by spaces, centred in their two rows
    assert not after("申请人情况", "      法人或其他组织", "自然人          总计", *parts)


def test_t3_natural_persons_stacked_a_character_a_line_right_of_the_organisations():
    """The natural-after-parts page through `w3m -dump -cols 80`: 自然人's narrow box cell prints
    「自」 over 「然」 over 「人」, in a column right of the box cell naming 法人或其他组织. Before, read
    in printed order: 34 cells silent. The template's order, stacked left of the five (the
    thousands-space page through w3m), moves nothing."""
    report = load_report(WILD / "natural-after-parts.w3m80.txt")
    assert wrong_cells(report, "wild/natural-after-parts") == []
    assert [report.value(f"section3.new.{key}") for key in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [129, 12, 7, 7, 3, 8, 166]
    assert check(report) == []
    template_order = load_report(WILD / "thousands-space.w3m.txt")
    assert template_order.value("section3.new.natural") == 12558 and template_order.value("section3.new.other") == 0


def test_t3_total_column_printed_first_is_read_by_the_header():
    """表三 printing 总计 left of 自然人 (总计, 自然人, the five 法人或其他组织): read in printed order,
    each row's 总计 went to 自然人 and 其他's to 总计, 34 cells wrong and 10 rows a 错误 where the
    report is right (the page, its Word file's docx2txt text, its PDF's pdftotext -layout, w3m's
    narrow box stacking 「总」 over 「计」 left of 「自」 over 「然」 over 「人」)."""
    for name in ("t3-total-column-first.html", "t3-total-column-first.docx2txt.txt",
                 "t3-total-column-first.pdftotext-layout.txt", "t3-total-column-first.w3m80.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t3-total-column-first") == [], name
        assert [report.value(f"section3.new.{key}") for key in
                ("natural", "commercial", "research", "social", "legal", "other", "total")] \
            == [106, 15, 0, 0, 0, 0, 121], name
        assert check(report) == [], name
        assert not [f for f in report.flags if "次序无法确定" in f.message], name


def test_total_first_only_where_the_header_prints_it_left_of_natural_persons():
    from core.parse.column_order import total_printed_first
    from core.parse.tokens import tokenize
    from core.readers.document import Cell, Line

    def first(*rows, grid=True, pages=()):
        text, lines = "", []
        for row in rows:
            cells, at = [], len(text)
            for cell in (row if grid else [row]):
                cells.append(Cell(cell, at, at + len(cell)))
                at += len(cell) + 1
            text += (" ".join(row) if grid else row) + "\n"
            lines.append(Line(cells=cells, grid=grid))
        return total_printed_first(tokenize(lines), text, lines, pages)
    parts = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    row = ["一、本年新收政府信息公开申请数量", "1", "1", "0", "0", "0", "0", "0"]
    assert first(["申请人情况"], ["总计", "自然人", "法人或其他组织"], parts, row)
    assert not first(["申请人情况"], ["自然人", "法人或其他组织", "总计"], parts, row)
    # a text a cell a line: 总计 printed first, or the template's 总计 spanning the header's rows
    # from the first, beside 申请人情况: the header cannot tell (the rows' sums do)
    assert first("申请人情况", "总计", "自然人", "法人或其他组织", *parts, "一、本年新收政府信息公开申请数量", grid=False) is None
    # a page's text orders lines by height: not read so
    assert first("申请人情况", "总计", "自然人", "法人或其他组织", *parts, "一、本年新收政府信息公开申请数量",
                     grid=False, pages=(30,)) is False


def test_a_text_in_cell_order_naming_total_before_natural_persons_moves_only_where_the_sums_say(tmp_path):
    """A docx2txt text printing 「申请人情况」, 「总计」, 「自然人」 a cell a line is also the template's
    header with 总计 spanning its rows from the first (beside 申请人情况): its rows, adding up with
    the 总计 last, are read as printed."""
    text = (WILD / "t3-total-column-first.docx2txt.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    out, n = [], 0
    while n < len(lines):
        if lines[n].startswith(("一、本年新收", "二、上年结转", "四、结转下年度")) or "（七）总计" in lines[n] \
                or lines[n][:2] in ("（一", "（二") or lines[n][:2] in {f"{k}." for k in range(1, 9)}:
            values = lines[n + 1:n + 8]
            if len(values) == 7 and all(v.strip().isdigit() for v in values):
                out += [lines[n]] + values[1:] + values[:1]
                n += 8
                continue
        out.append(lines[n])
        n += 1
    assert "一、本年新收政府信息公开申请数量\n106\n15\n" in "\n".join(out)  # (the rows in the template's order)
    page = tmp_path / "template-order.docx2txt.txt"
    page.write_text("\n".join(out), encoding="utf-8")
    report = load_report(page)
    assert wrong_cells(report, "wild/t3-total-column-first") == []
    assert report.value("section3.new.natural") == 106 and report.value("section3.new.total") == 121


def test_t4_total_printed_first_in_each_group_is_read_by_the_header():
    """表四 printing each group's 总计 first (总计, 结果维持, 结果纠正, 其他结果, 尚未审结). Before: a
    grid (the page, its Word file) read in printed order, 行政复议's 18 as 结果维持 and 4 cells wrong,
    a 错误 where the report is right; a text (w3m) arranged by the sums, right but flagged as a PDF's
    reading order. Now read by the header's names, no flag."""
    for name in ("t4-total-first.html", "t4-total-first.docx", "t4-total-first.w3m.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t4-total-first") == [], name
        assert [report.value(f"section4.review.{key}") for key in ("maintained", "corrected", "other", "pending", "total")] \
            == [14, 2, 2, 0, 18], name
        assert report.flags == [] and check(report) == [], name


def test_a_t4_header_naming_total_first_reads_it_so():
    from core.parse.column_order import header_t4_order
    from core.parse.tokens import EMPTY, TEXT, Token

    def order(*texts):
        return header_t4_order([Token(EMPTY if t == "" else TEXT, t, 0, 0, n) for n, t in enumerate(texts)]
                               + [Token("num", "1", 0, 0, 9, 1)])
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    assert order(heading, "总计结果维持结果纠正其他结果尚未审结") == ("total", "maintained", "corrected", "other", "pending")
    assert order(heading, "结果维持总计结果纠正其他结果尚未审结") is None  # 总计 neither first nor last


def test_a_table_the_block_search_met_again_by_a_failed_span_is_read_not_a_crash():
    """t3-subtotal-rows' Word file through LibreOffice and plain pdftotext: the search for 表三's
    blocks met again a place it had found reading none by a failed span, never stored; taking its
    cost off the budget raised KeyError and no table was read (「解析统计表时出现内部错误」)."""
    report = load_report(WILD / "t3-subtotal-rows.pdftotext.txt")
    assert not any("内部错误" in p for p in report.problems)
    assert report.tables == ["section2", "section3", "section4"]
    assert report.value("section3.new.natural") == 106 and report.value("section4.review.total") == 18


def test_a_subtotal_row_an_agency_added_to_a_t3_group_is_no_row_s_values():
    """表三 printing a 小计 row of each group's sums in （三）…（六）, first or last in the group: its
    7 values ran on after the row before it, read as printing 14 (flagged, 4 rows) though every
    cell was right. They are the 小计's, no cell of the template: left out, nothing flagged."""
    for name in ("t3-subtotal-rows.html", "t3-subtotal-rows.docx2txt.txt", "t3-subtotal-rows.pdftotext-layout.txt",
                 "t3-subtotal-after.html", "t3-subtotal-after.w3m.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, f"wild/{name.split('.')[0]}") == [], name
        assert not [f for f in report.flags if "个数值" in f.message], name
        assert [f for f in check(report) if f.severity == ERROR] == [], name
    assert load_report(WILD / "t3-subtotal-rows.html").flags == []


def test_a_remarks_column_after_t3_total_is_no_unreadable_cell():
    """表三 with a 备注 column after 总计 (a web page, its Word file): 「含网上申请30件」 in it was
    flagged as a cell that reads as no number, though every cell was read right."""
    for name in ("t3-remarks-column.html", "t3-remarks-column.docx"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t3-remarks-column") == [], name
        assert report.flags == [] and check(report) == [], name
    # without the header's 备注, the same cell is flagged as before
    from core.parse.parser import _remarks_column
    from core.parse.tokens import TEXT, Token
    assert not _remarks_column([Token(TEXT, "申请人情况", 0, 0, 0), Token(TEXT, "一、本年新收政府信息公开申请数量", 0, 0, 1)], [(1, "new")])


def test_zero_characters_glued_among_counts_are_zeros():
    """The zeros-as-characters and zeros-as-circles Word files through docx2txt: each row's cells
    glued, its zeros typed as characters (「244〇1〇〇29二、上年结转…」, 「〇〇〇〇〇〇〇」). Before, those
    runs were text: 24 cells of 表三 and 表四 wrong (flagged). Now read as the same file printing 0s
    is: 表三 and 表四 right (表二's glued 「零12零」 is docx2txt's loss, as with 0s)."""
    for name in ("zeros-as-characters.docx2txt.txt", "zeros-as-circles.docx2txt.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/zeros-as-characters", sections=("section3", "section4")) == [], name
        assert report.value("section3.new.natural") == 24 and report.value("section3.new.social") == 1, name
        assert [f for f in check(report) if f.severity == ERROR] == [], name


def test_zero_characters_are_zeros_only_glued_in_a_run_of_two_or_more():
    from core.parse.tokens import glued_zeros_as_digits
    assert glued_zeros_as_digits("244〇1〇〇29二、上年结转") == "244010029二、上年结转"
    assert glued_zeros_as_digits("〇〇〇〇〇〇〇\n") == "0000000\n"
    assert glued_zeros_as_digits("二〇二二年") == "二〇二二年"  # a year in Chinese numerals
    assert glued_zeros_as_digits("○○市○○局") == "○○市○○局"  # names left out
    assert glued_zeros_as_digits("零售") == "零售"


def test_a_t3_group_label_printing_its_sums_on_its_own_row_is_no_row_s_values():
    """表三 printing 「（三）不予公开」 …「（六）其他处理」 each on a row of its own with the group's
    sums: its 7 values ran on after the row before it (14 values, 4 rows flagged) though every cell
    was right. A line opening on a group label and printing 7 values is the group's sums."""
    for name in ("t3-group-sums.html", "t3-group-sums.docx", "t3-group-sums.w3m.txt"):
        report = load_report(WILD / name)
        assert wrong_cells(report, "wild/t3-group-sums") == [], name
        assert report.flags == [] and check(report) == [], name
    from core.parse.parser import _group_sums_row
    from core.parse.tokens import NUM, TEXT, Token
    row = [Token(NUM, "1", 0, 0, 0, 1), Token(TEXT, "(三)不予公开", 0, 0, 1)] + [Token(NUM, "0", 0, 0, 1, 0)] * 7
    assert _group_sums_row(row, 1, 7)
    assert not _group_sums_row(row[:-1], 1, 7)  # 6 values: not a row of the group's sums
    glued = [Token(NUM, "1", 0, 0, 1, 1), Token(TEXT, "(三)不予公开", 0, 0, 1)] + [Token(NUM, "0", 0, 0, 1, 0)] * 7
    assert not _group_sums_row(glued, 1, 7)  # the label not opening its line


def test_t2_rows_printed_in_another_order_are_read_by_their_labels():
    """表二 printing 行政规范性文件 above 规章 and 行政强制 above 行政处罚 (a text, a web page): each
    row's label names it. Found in the template's order only, 规章's values were taken as
    行政规范性文件's (「印有6个数值」) and 行政处罚's as 行政强制's, both rows flagged."""
    for name in ("t2-rows-in-other-order", "t2-rows-in-other-order-page"):
        report = load_report(WILD / f"{name}.{'html' if name.endswith('page') else 'txt'}")
        assert wrong_cells(report, f"wild/{name}") == []
        assert [f for f in report.flags if f.cell.startswith("section2")] == []
        assert [f for f in check(report) if f.severity == ERROR] == []
    assert [report.value(f"section2.{key}") for key in ("rules.issued", "normative_docs.issued",
                                                        "punishment.decisions", "coercion.decisions")] == [0, 6, 0, 199]
    report = load_report(WILD / "t2-rows-in-other-order-2019.html")  # (2019: 其他对外管理服务事项 above 行政许可)
    assert report.template == "2019" and wrong_cells(report, "wild/t2-rows-in-other-order-2019") == []
    assert [f for f in report.flags if f.cell.startswith("section2")] == []
    assert [report.value(f"section2.other_services.{key}") for key in ("prev_items", "change", "decisions")] == [0, 0, 42781]


def test_t2_labels_out_of_order_are_read_only_beside_their_values_and_before_a_second_table():
    from core.parse.labels import find_labels
    from core.parse.tokens import NUM, TEXT, Token
    from core.template import TEMPLATES

    table = TEMPLATES["2021"]["section2"]

    def found(*cells):  # (text or number, line)
        return [key for _, key in find_labels(table, [
            Token(NUM if isinstance(text, int) else TEXT, str(text), n, n, line, float(text) if isinstance(text, int) else None)
            for n, (text, line) in enumerate(cells)])]
    assert found(("行政规范性文件", 0), (3, 0), ("规章", 1), (0, 1), ("行政许可", 2), (5, 2)) \
        == ["normative_docs", "rules", "licensing"]
    # a PDF stream's labels stacked apart from their values: not placed by a guess
    assert found(("行政规范性文件", 0), (3, 0), ("行政许可", 1), (5, 1), ("规章", 2), ("现行有效件数", 3), (0, 4)) \
        == ["normative_docs", "licensing"]
    # prose naming a row is no label
    assert found(("行政规范性文件", 0), (3, 0), ("本年制发规章", 1), (2, 1), ("行政许可", 2), (5, 2)) \
        == ["normative_docs", "licensing"]
    # a second table's 规章 (after 行政规范性文件 printed again) is not the first table's
    assert found(("行政规范性文件", 0), (3, 0), ("行政许可", 1), (5, 1), ("行政规范性文件", 2), (0, 2), ("规章", 3), (0, 3)) \
        == ["normative_docs", "licensing"]


def test_a_second_agency_s_tables_are_said_unread_never_mixed_in():
    """A bureau's report printing its 执法支队's tables too, under 「（二）……支队」 in each section or
    appended after section 六: the bureau's are read, and a problem says a second set is unread.
    Before, the second 表二 and 表四 (and an appended set) were dropped without a word."""
    for name in ("two-agencies-interleaved", "two-agencies-appended"):
        report = load_report(WILD / f"{name}.txt")
        assert wrong_cells(report, f"wild/{name}") == []
        assert report.value("section2.licensing.decisions") == 11008 and report.value("section4.review.total") == 0
        said = [p for p in report.problems if p.startswith("文件含第二套统计表，未读取")]
        assert len(said) == 1
        assert [f for f in check(report) if f.severity == ERROR] == []
    assert "第二部分" in said[0] or "表二" in said[0]
    interleaved = load_report(WILD / "two-agencies-interleaved.txt").problems
    assert any("第二部分" in p and "第四部分" in p for p in interleaved)
    assert any(p.startswith("第三部分印有两张") for p in interleaved)  # (second_t3's)
    appended = load_report(WILD / "two-agencies-appended.txt").problems
    assert any("第六部分之后" in p and "表二" in p and "表三" in p and "表四" in p for p in appended)


def test_one_set_of_tables_says_nothing_of_a_second():
    for path in (WILD / "t2-rows-in-other-order.txt", WILD / "t3-remarks-column.html", WILD / "big5-mirror.txt"):
        assert not any("第二套统计表" in p for p in load_report(path).problems)


def test_t3_transposed_is_read_by_its_column_lines():
    """表三 with rows and columns exchanged (a line for each applicant column, 25 values, under a
    header naming the template's rows across the page), a web page and its tab text: read whole.
    Before, the header's labels were taken for rows: 21 rows 「未找到」 and 部分公开 read as
    24 0 0 0 0 0 24 (自然人's 部分公开 and 商业企业's 新收 … ), its 商业企业 4 and 总计 28 lost."""
    from tests.core.truth import T3_COLUMN_KEYS
    for name, suffix in (("t3-transposed", "html"), ("t3-transposed-text", "txt")):
        report = load_report(WILD / f"{name}.{suffix}")
        assert wrong_cells(report, f"wild/{name}") == []
        assert report.problems == [] and report.flags == []
        assert [report.value(f"section3.partial.{key}") for key in T3_COLUMN_KEYS] == [24, 4, 0, 0, 0, 0, 28]
        assert check(report) == []


def test_a_transposed_t3_is_read_only_where_its_header_names_the_rows_in_order(tmp_path):
    from core.parse.t3_transposed import _header_rows
    from core.parse.tokens import TEXT, Token
    from core.template import TEMPLATES

    table = TEMPLATES["2021"]["section3"]
    text = (WILD / "t3-transposed-text.txt").read_text(encoding="utf-8")
    header = [Token(TEXT, line, 0, 0, n) for n, line in enumerate(text.splitlines()) if "\t" in line
              and line.startswith(("申请人情况", "（一）予以公开", "1.属于国家秘密"))]
    assert sorted(_header_rows(table, header) or []) == sorted(row.key for row in table.rows)
    # two leaf columns named in another order: their values cannot be placed by the template's order
    swapped = text.replace("1.属于国家秘密\t2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开\t1.属于国家秘密")
    (tmp_path / "swapped.txt").write_text(swapped, encoding="utf-8")
    report = load_report(tmp_path / "swapped.txt")
    assert report.value("section3.denied_state_secret.natural") is None  # (not read by order)


def test_the_agency_a_title_does_not_name_is_read_from_the_signature_or_the_file_name():
    """Real reports' titles often leave the agency out: 「2022年政府信息公开工作年度报告」 under a site's
    breadcrumb 「首页 > 政务公开 > 政府信息公开年报」, the agency signing at the end (落款, the date in
    Chinese numerals, the site's footer below); the year before the agency (「2022年度北辰市…局政府信息公开
    工作年度报告」); a title that is a picture, the agency only in the file's name. The dashboard's 单位
    and the cross-year pairing read the agency. Before: 「政府信息公开年报」 (the breadcrumb's last
    words), or none."""
    agency = "北辰市龙华区住房和城乡建设局"
    for name in ("title-without-agency-signed.html", "title-without-agency-signed.w3m.txt",
                 "title-without-agency-signed.pandoc-plain.txt", "title-year-first.html",
                 f"{agency}2022年政府信息公开工作年度报告.html"):
        report = load_report(WILD / name)
        assert (report.agency, report.year) == (agency, 2022), name
        assert report.value("section3.new.total") == 10 and report.value("section3.total.total") == 9, name
        assert [f for f in check(report) if f.severity == ERROR] == [], name


def test_a_pages_running_header_amid_the_tables_is_no_row():
    """A Word report printed to PDF with a running header (页眉) atop every page: the agency and
    year (「北辰市龙华区住房和城乡建设局　2022年度」) or the whole title. Where 表三 and 表四 cross a page,
    pdftotext prints it between their rows. Before, its year was read as a cell: -layout and -raw
    flagged 「1.属于国家秘密」 with 8 values and 表四 with 16; plain pdftotext read that row's 总计 as
    2022 (a T3-2 and T3-3 存疑)."""
    for name in ("running-header", "running-header-title"):
        for suffix in ("pdftotext-layout.txt", "pdftotext-raw.txt", "pdftotext.txt"):
            report = load_report(WILD / f"{name}.{suffix}")
            assert wrong_cells(report, "wild/running-header") == [], (name, suffix)
            assert report.agency == "北辰市龙华区住房和城乡建设局" and report.year == 2022
            said = " ".join(f.message for f in report.flags)
            assert "8个数值" not in said and "16个数值" not in said, (name, suffix)
            assert [f.rule for f in check(report) if f.rule.startswith(("T3", "T4"))] == [], (name, suffix)
