"""错误 must mean the report is wrong: a failure through a cell the parser was unsure of is 存疑."""
from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

from core.check.rules import DOUBT, ERROR, check
from core.model import Flag
from core.pipeline import load_report
from tests.core.truth import leaves, read_against_truth

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CONVERTERS = FIXTURES / "converters"


def test_a_consistent_report_misread_in_reading_order_shows_doubt_not_error():
    # plain pdftotext prints some rows' values apart from their labels: the parser flags them
    report = load_report(CONVERTERS / "zoo-r0019.pdftotext.txt")
    findings = [f for f in check(report) if f.rule.startswith(("T3", "T4"))]
    assert findings, "the misreading shows"
    assert {f.severity for f in findings} == {DOUBT}
    flagged = {f.cell for f in report.flags}
    assert all(any(c.rsplit(".", 1)[0] in flagged for c in f.cells) for f in findings)
    assert all("可能是读取问题" in f.message for f in findings)


def test_pdf_reading_order_that_moves_table_four_totals_is_put_back_by_the_group_sums():
    # huaian: "72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20"; the report is consistent
    report = load_report(FIXTURES / "exports" / "huaian.pdftotext.txt")
    truth = json.loads((FIXTURES / "huaian-2024.expected.json").read_text(encoding="utf-8"))["section4"]
    assert {g: {c: report.value(f"section4.{g}.{c}") for c in v} for g, v in truth.items()} == truth
    assert [f for f in check(report) if f.rule.startswith("T4")] == []
    assert "section4" in {f.cell for f in report.flags}


def test_a_failure_through_a_flagged_cell_is_doubt_and_names_it():
    report = copy.deepcopy(load_report(FIXTURES / "corpus" / "003_2385a1ea8664f14a.txt"))
    _add(report, "section3.granted.natural", 1)
    assert {f.severity for f in check(report) if f.rule.startswith("T3")} == {ERROR}  # read for sure
    report.flags.append(Flag("section3.granted", "parse", "「（一）予以公开」行印有6个数值，模板为7列，请对照原文核对"))
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert all("（一）予以公开" in f.message and "印有6个数值" in f.message for f in findings)


def _add(report, path: str, amount: int) -> None:
    """The cell read as `amount` more than printed (a cell is replaced, never changed in place)."""
    cell = report.cells[path]
    report.cells[path] = dataclasses.replace(cell, value=cell.value + amount)


def _misread(report, name: str) -> set[str]:
    """Cells read otherwise than printed (a blank read for a printed 0 or placeholder counts as right)."""
    truth = json.loads((CONVERTERS / f"{name}.json").read_text(encoding="utf-8"))
    out = set()
    for section in ("section2", "section3", "section4"):
        for cell, want in leaves(truth[section], section):
            got = report.value(cell)
            if got != want and not (want in (None, 0) and got is None) and not (want is None and got == 0):
                out.add(cell)
    return out


def test_an_error_never_rests_on_a_row_whose_printed_order_is_a_guess():
    # pdfplumber prints （二）部分公开's 总计 761 on the wrapped label's first line, the other
    # values on the next (598 156 / / / 6, with a planted typo: 156 for 157): no order of the
    # lines adds up, and the one with 761 last all but does. Read in printed order, the row's sum
    # fails by 1509; the failure is the report's only if the row was read as printed.
    report = load_report(CONVERTERS / "zoo99-r0005.pdfplumber.txt")
    findings = check(report)
    misread = _misread(report, "zoo99-r0005.pdfplumber")
    assert not [f for f in findings if f.severity == ERROR and misread & set(f.cells)]
    assert any("section3.partial.commercial" in f.cells for f in findings), "the typo is still shown"


def test_rows_next_to_a_row_printing_far_more_values_than_columns_are_in_doubt():
    # plain pdftotext: 「2.重复申请」's label stands before 31 values, so the text's rows are not
    # cut where the table's are; 「1.信访举报投诉类申请」 printing seven values beside it may hold
    # some of its neighbour's: a sum failing through it must not be called the report's mistake
    report = load_report(CONVERTERS / "zoo777-r0015.pdftotext-gbk.txt")
    overflowing = [f for f in report.flags if f.cell == "section3.not_processed_duplicate" and "印有31个数值" in f.message]
    assert overflowing, "precondition: the fixture's 「2.重复申请」 still reads 31 values"
    near = [f for f in report.flags if f.cell == "section3.not_processed_complaint"]
    assert near and "2.重复申请" in near[0].message and "31" in near[0].message
    _add(report, "section3.not_processed_complaint.natural", 5)  # a sum now fails through it
    failing = [f for f in check(report) if "section3.not_processed_complaint.natural" in f.cells and f.rule.startswith("T3")]
    assert failing and {f.severity for f in failing} == {DOUBT}


def test_a_row_read_whole_in_a_table_mostly_unread_shows_doubt_not_error():
    # p3602 r0012 (plain pdftotext over pages, a consistent report): the values of 表三 print apart
    # from their labels: 9 rows not found, three holding 22 to 30 values; 「5.属于三类内部事务信息」 read
    # seven values (0 0 - - 1 1 -: its own row is blank but for 总计 0), failing its sum
    report = load_report(FIXTURES / "zoo" / "p3602-r0012-pdftotext-gbk.txt")
    findings = [f for f in check(report) if f.rule.startswith(("T3", "T4"))]
    assert "section3.denied_internal_affairs" not in {f.cell for f in report.flags}
    row = [f for f in findings if "section3.denied_internal_affairs.total" in f.cells]
    assert row and row[0].severity == DOUBT
    assert "表三有9行未找到，另有3行印出的数值多于模板列数" in row[0].message
    assert {f.severity for f in findings} == {DOUBT}  # no 错误 on a report that is right


def test_no_value_is_offered_for_a_cell_of_a_table_whose_reading_order_is_lost():
    # pq3603 r0040 (plain pdftotext over pages, a consistent report): 8 rows of 表三 not found, four
    # holding more values than columns; the sums through 「一、本年新收」 failed and offered 自然人 = 0
    # (its 7 read under 科研机构), a change that would make the right report wrong
    report = load_report(FIXTURES / "zoo" / "pq3603-r0040-pdftotext-utf-8.txt")
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert findings, "the misreading shows"
    assert [f.suggestion for f in findings] == [None] * len(findings)
    assert ERROR not in {f.severity for f in findings}


def test_no_value_is_offered_for_the_one_count_a_row_printed():
    # p3602 r0025 (plain pdftotext over pages, a consistent report): 「（二）部分公开」 prints 6, 1
    # and 总计 7, but only the 7 reaches its row (read under 总计, the other cells blank left no
    # trace); its sum failed and offered 总计 = 0, which would make the right 7 wrong
    report = load_report(FIXTURES / "zoo" / "p3602-r0025-pdftotext-gbk.txt")
    assert report.value("section3.partial.total") == 7
    findings = [f for f in check(report) if "section3.partial.total" in f.cells]
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)


def _misread_cell_findings(name: str, cell: str) -> list:
    """The findings of a consistent zoo report (tests/fixtures/zoo/NAME.txt) through `cell`."""
    report = load_report(FIXTURES / "zoo" / f"{name}.txt")
    return [f for f in check(report) if cell in f.cells and f.rule.startswith(("T3", "T4"))]


def test_no_value_is_offered_in_a_table_four_group_pieced_from_elsewhere():
    # p2702 r0035 (plain pdftotext, a consistent report): pieces of 表四 print under section 五's
    # heading; 「未经复议直接起诉」 read 164 under 结果纠正 (its 总计 18 elsewhere), and its sum
    # offered 结果纠正 = 0 for a group the report prints as 18 维持, 18 总计
    findings = _misread_cell_findings("p2702-r0035-pdftotext-utf-8", "section4.litigation_direct.corrected")
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)
    assert "本组数值可能不全或混入了别处的数值" in findings[0].message


def test_no_value_is_offered_in_a_table_four_group_read_by_its_total_heads_that_fails():
    # p3602 r0017 (plain pdftotext, a consistent report): 表四 read group by group up to each 总计
    # head, 「未经复议直接起诉」 took a 3 of elsewhere (1 3 0 0, 总计 1; the report prints 尚未审结 1):
    # its sum offered 结果纠正 = 0
    findings = _misread_cell_findings("p3602-r0017-pdftotext-utf-8", "section4.litigation_direct.corrected")
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)


def test_no_value_is_offered_in_a_table_four_printing_more_values_than_cells():
    # p3602 r0037 (plain pdftotext, a consistent report): 表四 prints 17 values for 15 cells, 表三's
    # （七）总计 13213 among them after a 总计 head, read as 「复议后起诉」's 总计: offered 总计 = 0
    findings = _misread_cell_findings("p3602-r0037-pdftotext-gbk", "section4.litigation_after_review.total")
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)


def test_no_value_is_offered_in_a_row_interleaved_with_label_text():
    # pq3603 r0011 (plain pdftotext, a consistent report): 「2.没有现成信息需要另行制作」's values print
    # among its label's lines, a 2 of another row's read under 其他: both sums through it (the row's
    # and the 其他 column's) offered 其他 = 0, the same value twice
    findings = _misread_cell_findings("pq3603-r0011-pdftotext-utf-8", "section3.unable_need_creation.other")
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)


def test_a_first_row_total_printed_above_its_label_is_read_as_the_rows_total():
    # pq3603 r0038 (plain pdftotext, a consistent report): 「一、本年新收」 prints 总计 24 above its
    # label and 21 3 2 - 1 - - after it (3 its 法人或其他组织 subtotal, a row of 8); read as a stream of
    # one value a cell, 3 went under 总计 and the sums offered 总计 = 24 where the report prints 24
    report = load_report(FIXTURES / "zoo" / "pq3603-r0038-pdftotext-gbk.txt")
    truth = json.loads((FIXTURES / "zoo" / "pq3603-r0038-pdftotext-gbk.json").read_text(encoding="utf-8"))
    assert [(cell, report.value(cell)) for cell, want in leaves(truth["section3"], "section3")
            if report.value(cell) != want and not (want is None and report.value(cell) in (None, 0))] == []
    assert report.value("section3.new.total") == 24
    assert [f.suggestion for f in check(report) if f.suggestion] == []


def test_a_misprint_in_a_row_interleaved_with_label_text_is_offered_where_sure_rows_name_it():
    # q3801 r0006 (pdftotext -layout, planted typo: （七）总计's 自然人 prints 19 for 109): the row's
    # values print among its label's lines (flagged), but the 自然人 column's T3-1 runs through three
    # rows read without a doubt, and it names the misprint: 109 is offered
    report = load_report(FIXTURES / "zoo" / "q3801-r0006-pdftotext-layout-utf-8.txt")
    assert report.value("section3.total.natural") == 19
    offered = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert offered == {("section3.total.natural", 109)}


def test_a_count_s_unit_between_a_row_s_values_is_not_label_text():
    # q3401 r0012 (pdftotext -raw, planted typo: 「6.属于四类过程性信息」's 总计 prints 8 for 9): its
    # values print 「8 项 1 项 0 0 0 0 8 项」 on its own line; the units 项 were taken for label text
    # interleaved with the values, the row for one that may hold another's, and the 9 was withheld
    report = load_report(FIXTURES / "zoo" / "q3401-r0012-pdftotext-raw-gbk.txt")
    assert [report.value(f"section3.denied_process_info.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [8, 1, 0, 0, 0, 0, 8]
    assert not any("交错" in f.message for f in report.flags)
    offered = {(f.suggestion.cell, f.suggestion.value) for f in check(report) if f.suggestion}
    assert offered == {("section3.denied_process_info.total", 9)}


def test_a_row_read_blank_in_a_table_whose_reading_order_is_lost_is_flagged():
    # pq4005 r0025 (plain pdftotext over pages): 表三's values print in blocks apart from their labels
    # (8 rows not found, 4 holding more values than columns); 「（一）予以公开」 prints right before
    # 「（二）部分公开」, its 209 50 6 265 among other rows' values: read blank, no flag, no sum naming
    # its 其他 and 总计 (silent); so too 「5.属于三类内部事务信息」 (0 - - 0 0 elsewhere)
    report, _, silent = read_against_truth(FIXTURES / "zoo" / "pq4005-r0025-pdftotext-gbk.txt")
    assert silent == []
    for key, label in (("granted", "（一）予以公开"), ("denied_internal_affairs", "5.属于三类内部事务信息")):
        flags = [f for f in report.flags if f.cell == f"section3.{key}"]
        assert [f.kind for f in flags] == ["parse"]
        assert f"「{label}」行未印出数值" in flags[0].message and "本行的数值可能印在别处" in flags[0].message
    assert report.value("section3.granted.total") is None  # (read blank, as printed there)


def test_a_row_read_as_zeros_in_a_table_whose_reading_order_is_lost_is_flagged():
    # p4302 r0029 (plain pdftotext over pages): 7 rows of 表三 not found, 3 holding more values than
    # columns; 「1.本机关不掌握相关政府信息」 is followed by 「0 / / 0 0 / /」, other rows' cells (its own
    # 4 - - - - - 4 print elsewhere): read 0 - - 0 0 - -, its sum holding as any row of 0s does, no
    # flag (3 silent cells). A row holding a count above 0 that adds up is left as read
    report, _, silent = read_against_truth(FIXTURES / "zoo" / "p4302-r0029-pdftotext-gbk.txt")
    assert silent == []
    flags = [f for f in report.flags if f.cell == "section3.unable_not_held"]
    assert [f.kind for f in flags] == ["parse"]
    assert "「1.本机关不掌握相关政府信息」行只读到0和占位符" in flags[0].message and "可能属于别行" in flags[0].message


def test_no_value_is_offered_for_a_stream_row_by_a_column_of_rows_placed_by_order():
    # pq4005 r0037 (plain pdftotext, a consistent report): 一、本年新收 prints 8 18 - - 498 before its
    # label and 524 - after it, read 524 - - 1 - - -; its column's 二、（七） and 四 were placed by the
    # rows' order (二 read 1 152 4 6 - - -, its 总计 1 under 自然人); 总计 = 525 was offered, by its own
    # row's sum, that column's sum and the prose's 「受理申请525件（含上年结转1件）」 taken as 一 alone
    report = load_report(FIXTURES / "zoo" / "pq4005-r0037-pdftotext-utf-8.txt")
    findings = [f for f in check(report) if "section3.new.total" in f.cells and f.rule.startswith("T3")]
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert [f.suggestion for f in findings] == [None] * len(findings)
