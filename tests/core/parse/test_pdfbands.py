"""表三 of plain pdftotext (reading order, no -layout) where zeros print as 0 and the table's last
rows print out of step with their labels (core/parse/blocks.py), read from committed outputs of
the converter zoo (truth beside each: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.pipeline import load_report
from tests.core.truth import read_against_truth, suggested_fixes
from tests.core.truth import t3_row as _t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_band_whose_first_cells_start_under_a_label_above_it_is_read():
    # 「3.其他」, 「（七）总计」 and 「四、结转…」 print their later cells row after row (0 0 12 0 1223,
    # 3293 0 0 279 0 32382, 0 19 0 2549), then their first cells amid the labels: 1087 124 under the
    # last line of 「2.申请人逾期未按收费…」's label, 28810 and 2530 0 under 「（七）总计」, 0 under
    # 「四、结转…」; and 「（二）部分公开」's 总计 5088 prints after 「4.无正当理由…」's seven 0
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0038-pdftotext-gbk.txt")
    assert _t3_row(report, "partial") == [4527, 518, 0, 0, 43, 0, 5088]
    assert _t3_row(report, "other_other") == [1087, 124, 0, 0, 12, 0, 1223]
    assert _t3_row(report, "total") == [28810, 3293, 0, 0, 279, 0, 32382]
    assert _t3_row(report, "carried_forward") == [2530, 0, 0, 0, 19, 0, 2549]
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]  # a consistent report


def test_values_of_short_rows_printed_after_a_later_row_go_back_to_their_rows():
    # 「（二）部分公开」 prints six values beside its label, 「6.属于四类过程性信息」 and 「8.属于行政查询
    # 事项」 six 0 each; their seventh values (its 总计 2567, a 0 each) print after 「4.无正当理由大量
    # 反复申请」's seven values, 2567 last; 「四、结转…」's 0 0 after every other value
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0052-pdftotext-gbk.txt")
    assert _t3_row(report, "partial") == [2213, 212, 101, 0, 41, 0, 2567]
    assert _t3_row(report, "denied_process_info") == [0] * 7
    assert _t3_row(report, "not_processed_massive") == [1032, 99, 48, 0, 20, 0, 1199]
    assert _t3_row(report, "other_other") == [182, 18, 8, 0, 3, 0, 211]
    assert _t3_row(report, "total") == [24146, 2320, 1107, 0, 449, 0, 28022]
    assert _t3_row(report, "carried_forward") == [0, 134, 0, 0, 20, 0, 154]
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_t4_values_printed_under_section_five_leave_the_table_in_doubt_not_blank():
    # 2019, zeros as "-": section 四 prints 表四's header and no value; 行政诉讼(复议后起诉)'s 16 2, 3
    # and 21 print amid header fragments after section 五's heading, its other cells elsewhere.
    # Read as a blank table they were three cells silently wrong; now the table is flagged
    report, wrong, silent = read_against_truth(ZOO / "band8111-r0049-pdftotext-gbk.txt")
    assert "section4.litigation_after_review.maintained" in wrong  # (not read: its place is unknown)
    assert silent == []
    flags = [f for f in report.flags if f.cell == "section4"]
    assert [f.kind for f in flags] == ["parse"]
    assert "第五部分标题之后" in flags[0].message


def test_t4_counts_under_section_five_are_flagged_though_another_page_prints_values_after_its_heading():
    # 2019, zeros as "-": section 四's heading ends a page whose last values are 表三's (总计 12834 229),
    # 表四's header fills the next page and its 复议后起诉 2 … 2 print amid header fragments after
    # section 五's heading. Those two values, not 表四's, made section 四 seem to print values of its
    # own: the table read blank with no flag, 复议后起诉's 结果维持 2 silently lost
    report, wrong, silent = read_against_truth(ZOO / "p1902-r0015-pdftotext-gbk.txt")
    assert report.value("section4.litigation_after_review.maintained") is None  # (not read: its place is unknown)
    assert "section4.litigation_after_review.maintained" in wrong
    assert silent == []
    flags = [f for f in report.flags if f.cell == "section4"]
    assert [f.kind for f in flags] == ["parse"]
    assert "第五部分标题之后" in flags[0].message


def test_t4_groups_read_as_zeros_are_flagged_when_counts_print_under_section_five():
    # p917 r0021: section 四 prints eleven 0 (some of them 表三's), 复议后起诉's 结果维持 9 and 总计 9
    # print amid header fragments after section 五's heading. Every group reads 0 and adds up, which
    # vouches for nothing: the 9s were not put in the table, so each group is named as where they may be
    report, wrong, silent = read_against_truth(ZOO / "pages917-r0021-pdftotext-gbk.txt")
    assert "section4.litigation_after_review.maintained" in wrong and silent == []
    groups = [f.cell for f in report.flags if f.cell.startswith("section4.") and "第五部分标题之后" in f.message]
    assert groups == ["section4.review", "section4.litigation_direct", "section4.litigation_after_review"]


def test_a_short_row_that_is_itself_the_misprint_takes_its_value_where_the_column_sums_say():
    # 「（二）部分公开」 prints 51 1 0 0 0 2 beside its label and its 总计 45 (a swap: true 54) after
    # 「4.无正当理由…」's label; no value of the run makes the row add up, so it took none and the
    # table's last six rows stayed unread. The column sums now place 45 in its 总计 and the other
    # rows around it, and the check names the misprint with its true value
    report, wrong, silent = read_against_truth(ZOO / "band7013-r0107-pdftotext-utf-8.txt")
    assert _t3_row(report, "partial") == [51, 1, 0, 0, 0, 2, 45]
    assert _t3_row(report, "other_no_correction") == [7, 0, 0, 0, 0, 0, 7]
    assert _t3_row(report, "other_no_fee") == [10, 0, 0, 0, 0, 0, 10]
    assert _t3_row(report, "other_other") == [31, 0, 0, 0, 0, 1, 32]
    assert _t3_row(report, "total") == [483, 2, 0, 0, 0, 17, 502]
    assert _t3_row(report, "carried_forward") == [62, 0, 0, 0, 0, 0, 62]
    assert wrong == [] and silent == []
    suggested = suggested_fixes(check(report))
    assert ("section3.partial.total", 54) in suggested


def test_a_short_misprinted_row_of_placeholders_reads_the_rows_below_it():
    # zeros as "-": 「（二）部分公开」 prints 0 1 - - - - (its 0 a misprint: true 1) and its 总计 2
    # amid 「5.要求行政机关确认…」's values; 「（七）总计」's 16 5 and 21 were left unread
    report, wrong, silent = read_against_truth(ZOO / "band6607-r0062-pdftotext-gbk.txt")
    assert _t3_row(report, "partial") == [0, 1, None, None, None, None, 2]  # (a placeholder: None)
    assert _t3_row(report, "total") == [16, 5, None, None, None, None, 21]
    assert wrong == [] and silent == []
    suggested = suggested_fixes(check(report))
    assert ("section3.partial.natural", 1) in suggested


def test_a_wrapped_label_s_first_cell_printed_after_its_row_s_others_goes_first():
    # 「1.申请人无正当理由逾期不补正…」 prints 0 0 0 0 1 4, then 「（二）部分公开」's 总计 8, then its
    # first cell 3 beside its label's first line; 「（二）部分公开」 itself is the misprint (6 1 0 0 0 0
    # 8: true 7 自然人), so no value of the run makes it add up. The table's last six rows were unread
    report, wrong, silent = read_against_truth(ZOO / "band5301-r0025-pdftotext-utf-8.txt")
    assert _t3_row(report, "partial") == [6, 1, 0, 0, 0, 0, 8]
    assert _t3_row(report, "other_no_correction") == [3, 0, 0, 0, 0, 1, 4]
    assert _t3_row(report, "other_no_fee") == [5, 2, 0, 0, 0, 0, 7]
    assert _t3_row(report, "total") == [304, 65, 0, 0, 0, 22, 391]
    assert _t3_row(report, "carried_forward") == [0, 8, 0, 0, 0, 0, 8]
    assert wrong == [] and silent == []
    suggested = suggested_fixes(check(report))
    assert ("section3.partial.natural", 7) in suggested


def test_a_misprint_above_a_run_of_zeros_is_not_balanced_by_moving_a_value_out_of_its_column():
    # 「（一）予以公开」 prints 3 0 0 0 0 0 2 (its 自然人 a misprint: true 2); the run of rows below,
    # all 0 but two rows of 1 … 1, cuts in ways that all add up, some moving a 1 out of the 自然人
    # column to balance the misprint there (the check then blamed the row's 总计: 「3」). A cut a
    # misprint explains must mend every broken sum with one value of one cell, not below 0
    report, wrong, silent = read_against_truth(ZOO / "pdt4321-r0003-pdftotext-utf-8.txt")
    assert silent == []
    assert _t3_row(report, "other_no_fee") == [1, 0, 0, 0, 0, 0, 1]
    assert _t3_row(report, "total") == [4, 0, 0, 0, 0, 0, 4]
    suggested = suggested_fixes(check(report))
    assert suggested == {("section3.granted.natural", 2)}


def test_a_last_row_s_late_placeholder_is_not_read_as_its_first_cell():
    # zeros as "—": 「四、结转下年度继续办理」 prints — 204 — — — 204, then one — after its label:
    # read as its first cell printed last (a one-row band), its 204 fell under 科研机构 and the
    # column sums broke; the late — placed by the column sums leaves 204 under 商业企业
    report, wrong, silent = read_against_truth(ZOO / "pdt6161-r0084-pdftotext-utf-8.txt")
    assert _t3_row(report, "carried_forward") == [None, 204, None, None, None, None, 204]
    assert _t3_row(report, "other_no_correction") == [711, 98, 30, None, None, None, 839]
    assert wrong == [] and silent == []
    suggested = suggested_fixes(check(report))
    assert ("section3.denied_safety_stability.natural", 389) in suggested


def test_a_misprinted_last_row_with_cells_printed_late_is_read_and_its_misprint_named():
    # 「四、结转下年度继续办理」 prints 0 30 0 215 (its 总计 misprinted: true 2135), then 2060 45 after
    # 「（七）总计」's label and 0 after its own. No reading adds it up, so the row was taken for
    # a row of zeros (one 0 beside its label): four cells wrong, the misprint hidden
    report, wrong, silent = read_against_truth(ZOO / "pdt4321-r0181-pdftotext-gbk.txt")
    assert _t3_row(report, "carried_forward") == [2060, 45, 0, 0, 30, 0, 215]
    assert _t3_row(report, "total") == [24458, 3912, 0, 0, 277, 0, 28647]
    assert wrong == [] and silent == []
    suggested = suggested_fixes(check(report))
    assert ("section3.carried_forward.total", 2135) in suggested


def test_a_row_completed_from_empty_lines_that_does_not_add_up_is_a_doubt():
    # a consistent 2021 report, blank zeros: （七）总计 6214 1968 / / / 30 8212 and 四、结转下年度
    # 830 28 / / / / 858. pdftotext prints 「6214 1968」 before 总计's label, 830 after it, then
    # 四、结转下年度's label, and 30 / 28 / 8212 / 858 one a paragraph, empty lines between. Read
    # with the empty lines as its blank cells, 结转下年度 is / 30 / 28 / 8212 858: the total row's
    # 30 and 8212 in it, its own 830 lost. Its parts (8270) against its 858 were a 错误 on a
    # consistent report, its cells unflagged; now the row is flagged and the finding a doubt
    report, wrong, silent = read_against_truth(ZOO / "z403-r0010-pdftotext-gbk.txt")
    assert report.value("section3.carried_forward.commercial") == 30  # (as read: 总计's 其他, not its 28)
    assert report.value("section3.carried_forward.total") == 858
    assert "section3.carried_forward" in {f.cell for f in report.flags}
    assert "section3.carried_forward.other" in wrong and silent == []
    findings = [f for f in check(report) if "section3.carried_forward.total" in f.cells]
    assert findings and not [f for f in findings if f.severity == ERROR]
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_t2_row_printing_values_before_its_own_column_names_over_other_values_is_flagged():
    # plain pdftotext, 2019 表二 in column blocks: 「政府集中采购」 then 99 and -62 (行政事业性收费's
    # 上一年项目数量 and 本年增/减, printed after the next block's label), then 「采购项目数量」 0 and
    # 「采购总金额」 0, the row's own. Read beside its label, the row reads 99 -62 in full before its
    # column names: those values may be another block's, so such a row is flagged (99 was its count,
    # silently). Since pages14 the table is read from its blocks: 行政事业性收费's header row ended
    # page 1 (values printed apart after it), so its row prints its cells right after page 2's labels
    report, wrong, silent = read_against_truth(ZOO / "pages407-r0005-pdftotext-utf-8.txt")
    assert silent == [] and not [w for w in wrong if w.startswith("section2")]
    assert report.value("section2.fees.prev_items") == 99 and report.value("section2.fees.change") == -62
    assert report.value("section2.procurement.count") == 0 and report.value("section2.procurement.amount") == 0
    assert not [f for f in report.flags if f.cell == "section2.procurement"]
    # a reading by the column order alone is noted on the rows it placed so
    kinds = {f.cell: f.kind for f in report.flags if f.cell.startswith("section2.")}
    assert kinds["section2.fees"] == "inferred" and kinds["section2.licensing"] == "parse"


def test_a_t2_row_reading_values_before_its_own_column_names_is_flagged_when_the_blocks_do_not_read(tmp_path):
    # the same text with one value printed apart lost (行政强制's 处理决定数量 0): the blocks no longer
    # hold the values their columns need. Read beside its labels, 「政府集中采购」 would read 99 -62
    # (行政事业性收费's) before its own column names (flagged so up to 8ee9c7a); since t2pdf the
    # columns printing a value under their name for every row are read from the blocks, the others
    # (each block's 处理决定数量, its values printed apart, one lost) left unread, flagged: never silent
    text = (ZOO / "pages407-r0005-pdftotext-utf-8.txt").read_text(encoding="utf-8")
    assert text.count("126856\n\n0\n") == 1
    path = tmp_path / "pages407-r0005-pdftotext-utf-8.txt"
    path.write_text(text.replace("126856\n\n0\n", "126856\n"), encoding="utf-8")
    report = load_report(path)
    assert report.value("section2.procurement.count") == 0 and report.value("section2.procurement.amount") == 0
    assert report.value("section2.fees.prev_items") == 99 and report.value("section2.fees.change") == -62
    assert not [f for f in report.flags if "又印出本行的列名" in f.message]
    for key in ("licensing", "other_services", "punishment", "coercion"):
        assert report.cells[f"section2.{key}.decisions"].state == "missing"
        assert f"section2.{key}" in {f.cell for f in report.flags}
    assert [report.value(f"section2.coercion.{c}") for c in ("prev_items", "change")] == [257, -30]


def test_a_t2_row_of_one_column_whose_value_prints_under_another_blocks_column_name_is_flagged():
    # plain pdftotext, 2021 表二 in column blocks: 「行政许可 / 现行有效件数 / 16 / 规章 / 行政规范性文件 /
    # 本年废止件数 / 本年处理决定数量 / 60408」. 16 prints under 第（一）项's 现行有效件数 (规章's
    # 本年废止件数, as the truth has it); 行政许可's own 60408 prints further on under its own name.
    # Before, 行政许可 read 16 silently
    report, wrong, silent = read_against_truth(ZOO / "pages712-r0036-pdftotext-utf-8.txt")
    assert silent == []
    assert report.value("section2.licensing.decisions") == 16  # the value read is still the first after the label
    flags = [f for f in report.flags if f.cell == "section2.licensing"]
    assert len(flags) == 1 and flags[0].kind == "parse" and "另一栏的列名「现行有效件数」" in flags[0].message
    # the fee prints under its own column name (本年收费金额（单位：万元）): read, not flagged
    assert report.value("section2.fees.amount") == 0.44
    assert not [f for f in report.flags if f.cell == "section2.fees"]


def test_a_t2_row_printing_each_value_after_its_own_column_name_is_read_whole():
    # plain pdftotext, 2021 表二's first block printing its header over each row: 「规章 / 本年制发件数 /
    # 0 / 本年废止件数 / 0 / 现行有效件数 / 0」, then 「第二十条第（一）项 / 信息内容 / 行政规范性文件 /
    # 本年制发件数 / 0 / 本年废止件数 / 1 / 现行有效件数 / 0」. Each value is under its own name. On
    # 69642b02 each row stopped at its second column's name (read as the next block's heading): one
    # value read, the others filled in as 0 (行政规范性文件's 本年废止件数 1 read 0), flagged
    report, wrong, silent = read_against_truth(ZOO / "pq4205-r0005-pdftotext-gbk.txt")
    assert wrong == [] and silent == []
    columns = ("issued", "repealed", "in_force")
    assert [report.value(f"section2.normative_docs.{c}") for c in columns] == [0, 1, 0]
    assert report.cells["section2.normative_docs.repealed"].raw == "1"
    assert [report.value(f"section2.rules.{c}") for c in columns] == [0, 0, 0]
    # every value under its own name: no column in doubt, nothing to check
    assert not [f for f in report.flags if f.cell.startswith("section2")]


def test_t4_placeholders_printed_before_every_number_of_their_group_flag_the_group():
    # plain pdftotext, 2019, zeros 无: 行政复议 prints 无 1 无 无 1 (纠正 1, 总计 1), the text
    # 无 无 无 1 1 (pdftotext printed the row's 无 before its digits). Read in printed order, the
    # 1 went to 尚未审结 and the group added up: silent. Any column of the four adds up alike, so
    # the group is flagged; the two groups of 无 alone are not
    report, wrong, silent = read_against_truth(ZOO / "pages713-r0025-pdftotext-gbk.txt")
    assert silent == [] and sorted(wrong) == ["section4.review.corrected", "section4.review.pending"]
    flags = [f for f in report.flags if f.cell.startswith("section4")]
    assert [f.cell for f in flags] == ["section4.review"] and "占位符都印在数字之前" in flags[0].message
    assert not [f for f in check(report) if f.severity == ERROR]


def test_t4_takes_no_number_from_a_page_before_its_column_heads():
    # plain pdftotext, 2021, zeros 0, 表四 all 0: 表四's heading ends a page, a number after it (r0016:
    # the page's number 3; r0024: 表三's 四、结转 × 科研机构 46, printed out of order), the table on
    # the next page. Before, that number was read as 行政复议's 结果维持 (total 0): T4-1 错误 on a
    # consistent report. Its 15 cells are 0 (复议后起诉's 总计 0 prints after 第六部分; the 14 zeros
    # read as 0, flagged)
    for name in ("pages732-r0016-pdftotext-utf-8.txt", "pages732-r0024-pdftotext-gbk.txt"):
        report, wrong, silent = read_against_truth(ZOO / name)
        assert silent == [] and [c for c in wrong if c.startswith("section4")] == []
        assert all(report.value(p) == 0 for p in report.cells if p.startswith("section4."))
        assert not [f for f in check(report) if f.severity == ERROR]


def test_t4_printed_blank_under_a_stray_number_of_the_page_before_is_blank_not_missing():
    # the same layout, zeros blank: after the heading the page's 「-3-」 and 表三's 2, 表四 on the
    # next page printing only its words. Before, 2 was read as 行政复议's 结果维持 (flagged); taking
    # nothing from that page, the table is read printed blank, not 没有可读的数值 (D-2 错误)
    report, wrong, silent = read_against_truth(ZOO / "pages732-r0040-pdftotext-gbk.txt")
    assert "section4" in report.tables and silent == []
    assert [c for c in wrong if c.startswith("section4")] == []
    assert all(report.value(p) is None for p in report.cells if p.startswith("section4."))
    findings = check(report)
    assert not [f for f in findings if f.rule == "D-2"] and not [f for f in findings if f.severity == ERROR]
