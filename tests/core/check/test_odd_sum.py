"""表三's printed counts summing to an odd number prove a misprint (each row prints twice its 总计),
even where plain pdftotext prints a blank-zero table as a stream of values no reading places in
their cells: the rows not read in full and adding up are named 存疑. From a committed zoo output
(tests/fixtures/converters)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report
from core.review.edits import ReportReview
from core.template import tables

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
FIXTURE = CONVERTERS / "c4901-r0011.pdftotext-utf-8.txt"
# 「1.本机关不掌握相关政府信息」 prints 自然人 5, 商业企业 1 and 总计 5 (the report meant 6), the
# values of three rows one under the other after the labels of 「1.属于国家秘密」 … 「3.危及…」
PRINTED = "\n\n2\n\n5\n\n1\n\n5\n\n（三）不"
MEANT = "\n\n2\n\n5\n\n1\n\n6\n\n（三）不"
MISPRINTED = "section3.unable_not_held.total"


def _odd_sum(findings) -> list:
    return [f for f in findings if "是奇数" in f.message]


def test_a_misprint_in_a_table_read_as_a_stream_is_named_by_the_odd_sum(tmp_path):
    # 表三's counts add up to 137 (the report meant 138): the misprinted 总计's row is left unread,
    # so no equation through it fails, yet the odd sum names it with every row not read in full
    report = load_report(FIXTURE)
    assert report.value(MISPRINTED) is None
    findings = check(report)
    named = [f for f in findings if MISPRINTED in f.cells]
    assert [f.severity for f in named] == ["doubt"]
    assert "137" in named[0].message
    assert not [f for f in findings if f.severity == "error"]


def test_the_table_the_report_meant_draws_no_odd_sum(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(PRINTED) == 1
    meant = tmp_path / "meant.pdftotext-utf-8.txt"
    meant.write_text(text.replace(PRINTED, MEANT), encoding="utf-8")
    assert not _odd_sum(check(load_report(meant)))


def test_a_count_printed_after_the_table_that_is_no_cell_of_table_four_says_nothing(tmp_path):
    # a count alone on a line after 表四 that 表四 was not read with may be one of 表三's (pdftotext
    # prints a table's last columns there): the sum of 表三's body no longer vouches for the table
    text = FIXTURE.read_text(encoding="utf-8")
    spilled = tmp_path / "spilled.pdftotext-utf-8.txt"
    spilled.write_text(text.replace("无其他需要报告的事项。\n", "无其他需要报告的事项。\n\n3\n"), encoding="utf-8")
    assert text.count("无其他需要报告的事项。\n") == 1
    assert not _odd_sum(check(load_report(spilled)))


def test_numbers_holding_several_cells_are_not_summed():
    # guard780-r0018 (docx2txt, consistent): 「一、本年新收…」 prints "195 --  --  --  -- 24", 自然人
    # 19 and 商业企业 5 glued into one number the parser cuts; summed whole, 195 made the table's
    # sum odd (629) where its cells sum to 152
    report = load_report(CONVERTERS / "guard780-r0018.docx2txt.txt")
    assert (report.value("section3.new.natural"), report.value("section3.new.commercial")) == (19, 5)
    findings = check(report)
    assert not _odd_sum(findings)
    assert not [f for f in findings if f.severity == "error"]


def test_t2_values_printed_before_t3_header_leave_the_odd_sum_vouched():
    # plain pdftotext prints 表二's values (本年增/减 signed, never a 表三 count) after 表三's first
    # labels, before its header, and 「二、上年结转」 reads them: they are no count of 表三's, so its
    # counts (自然人 of 「3.危及…」 misprinted 81, meant 82) still add up to an odd number
    report = load_report(CONVERTERS / "pt3502-r0034.pdftotext-gbk.txt")
    findings = _odd_sum(check(report))
    assert [f.severity for f in findings] == ["doubt"]
    assert not [f for f in check(report) if f.severity == "error"]


def test_numbers_in_prose_printed_among_t4s_text_leave_the_odd_sum_vouched():
    # pdftotext prints section 五's heading before 表四, so 五's prose ("2020 年，…", "培训 6 次，…")
    # falls in 表四's text: numbers in a sentence are no cell, and 表三's counts (a 0 misprinted 1 in
    # 「8.属于行政查询事项」's 其他; every other count 0) add up to the odd 1
    report = load_report(CONVERTERS / "pt3501-r0026.pdftotext-utf-8.txt")
    findings = check(report)
    odd = _odd_sum(findings)
    assert [f.severity for f in odd] == ["doubt"]
    assert "section3.denied_admin_query.other" in odd[0].cells
    assert not [f for f in findings if f.severity == "error"]


def test_rows_the_auditor_set_by_hand_are_no_longer_named_by_the_odd_sum():
    # the auditor types every cell of 表三 (here each row's counts 0, adding up): the cells are
    # sure, though the parser's flags on the rows ("行未印出数值") describe how the file was read,
    # so no row is left that could hold the misprint
    review = ReportReview(load_report(FIXTURE))
    for row in tables("2021")["section3"].rows:
        for column in row.columns:
            edit = review.edit_for(f"section3.{row.key}.{column.key}", 0)
            if edit:
                review.apply(edit)
    assert not _odd_sum(review.findings())


def test_a_page_number_printed_inside_the_table_draws_no_odd_sum(tmp_path):
    # A real PDF's footer numbers its pages; pdftotext prints "3" alone on the last line of page 3,
    # just before the form feed, here inside 表三 (a cover page first makes 表三's page break end
    # page 3). Summed as a count, the consistent table's 138 became an odd 141 and a 存疑 said the
    # table must hold a misprint; a number alone beside a page break that is that page's number
    # may be no cell, so the sum no longer vouches for the table
    text = FIXTURE.read_text(encoding="utf-8").replace(PRINTED, MEANT)
    inside = "（六）其 1.申请人无正当理由逾期不补正、\n\n\f"
    assert text.count(inside) == 1
    footed = tmp_path / "footed.pdftotext-utf-8.txt"
    footed.write_text("封面\n\f" + text.replace(inside, inside[:-1] + "3\n\f"), encoding="utf-8")
    assert not _odd_sum(check(load_report(footed)))
    # without the cover page that break ends page 2: a "3" there is no page's number, it is counted
    # and the sum is odd
    unpaged = tmp_path / "unpaged.pdftotext-utf-8.txt"
    unpaged.write_text(text.replace(inside, inside[:-1] + "3\n\f"), encoding="utf-8")
    assert [f.severity for f in _odd_sum(check(load_report(unpaged)))] == ["doubt"]
