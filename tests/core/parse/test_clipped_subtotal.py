"""表三 rows of a Word table printing 8 cells (a 法人或其他组织 subtotal after 自然人: TEMPLATE.md "rows
printing 6 or 8 values"), read from pandoc's markdown of the zoo's Word documents (truth beside
each: tests/fixtures/zoo/README.md). pandoc cuts every row to the table's columns, so such a row
loses its last cell, the 总计, without a trace: it prints 自然人, the subtotal, then 商业企业 … 其他.
Where its second value is the sum of the five after it and the table's sums hold better so, the
row is read so, its 总计 inferred as 自然人 plus the subtotal, and flagged; a misprint that reads the
same way is left as printed, for the sums to name."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import BLANK, DOUBT, ERROR, INFERRED
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_with_a_subtotal_cut_short_by_pandoc_is_read_one_column_back_and_its_total_inferred():
    # 「一、本年新收…」 printed 24 3 3 — — — — 27 in Word (3 the subtotal); pandoc keeps 24 3 3 — — — —.
    # Read as printed, 商业企业 3, 科研机构 3 and 总计 blank: three 错误 on a consistent report
    report, wrong, silent = read_against_truth(ZOO / "quirks804-r0014-pandoc-docx-gfm.md")
    assert t3_row(report, "new") == [24, 3, None, None, None, None, 27]
    assert report.cells["section3.new.total"].state == INFERRED
    assert any(f.cell == "section3.new" and "小计" in f.message and "推定为27" in f.message for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_cut_row_is_read_back_and_the_planted_typo_elsewhere_still_found():
    # 「7.属于行政执法案卷」 printed 302 44 36 — — — 8 346 (44 the subtotal), pandoc kept 302 44 36 — — — 8;
    # 「8.属于行政查询事项」's 其他 prints 9 for 8 (the planted typo). Read as printed, four columns'
    # sums and the row's failed beside the typo's; read back, only the typo's row and column fail
    report, wrong, silent = read_against_truth(ZOO / "quirks804-r0029-pandoc-docx-gfm.md")
    assert t3_row(report, "denied_law_enforcement_file") == [302, 36, None, None, None, 8, 346]
    errors = [f for f in check(report) if f.severity == ERROR]
    assert sorted(f.rule for f in errors) == ["T3-2", "T3-3"]
    assert suggested_fixes(errors) == {("section3.denied_admin_query.other", 8)}
    assert wrong == [] and silent == []  # (the truth holds the typo as printed)


def test_a_misprinted_total_that_reads_like_a_cut_row_stays_as_printed():
    # the first file with 「（一）予以公开」's 总计 14 changed to 2 by hand: 12 2 — — — — 2, whose second value
    # is the sum of the five after it as a cut row's is. Read back, 商业企业's and 其他's columns would fail
    # instead of the row and 总计's column: no better, so it stays as printed and the sums name the typo
    report, _, _ = read_against_truth(ZOO / "quirks804-r0014-pandoc-docx-gfm-misprint.md")
    assert t3_row(report, "granted") == [12, 2, None, None, None, None, 2]
    assert not any(f.cell == "section3.granted" for f in report.flags)
    findings = check(report)
    assert suggested_fixes([f for f in findings if f.severity == ERROR]) == {("section3.granted.total", 14)}
    assert t3_row(report, "new") == [24, 3, None, None, None, None, 27]  # (the cut row beside it still read back)


def test_a_cut_row_whose_subtotal_is_0_leaves_its_total_in_doubt_not_an_error():
    # 「二、上年结转…」 printed 1 0 0 0 0 0 0 1 in Word (0 the subtotal); pandoc keeps 1 0 0 0 0 0 0. Nothing moves
    # a column back, so nothing tells it from a 总计 misprinted 0: it stays as printed, its 总计 flagged, and
    # the two sums through it (T3-1: 22 + 0 ≠ 23 + 0, the row: 1 ≠ 0) are 存疑 with 1 suggested, not 错误
    report, wrong, silent = read_against_truth(ZOO / "quirks805-r0001-pandoc-docx-gfm.md")
    assert t3_row(report, "carried_over") == [1, 0, 0, 0, 0, 0, 0]
    assert [f.cell for f in report.flags if "截去" in f.message] == ["section3.carried_over.total"]
    assert any("总计应为1" in f.message for f in report.flags if f.cell == "section3.carried_over.total")
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert sorted((f.rule, f.severity) for f in findings) == [("T3-1", DOUBT), ("T3-3", DOUBT)]
    assert suggested_fixes(findings) == {("section3.carried_over.total", 1)}
    assert wrong == ["section3.carried_over.total"] and silent == []


def test_a_total_misprinted_0_after_parts_printing_their_0_otherwise_stays_an_error():
    # s501 r0041 (mammoth, zeros as placeholders): 「7.属于行政执法案卷」 prints 1 - - - - - 0, its 总计 planted
    # 0 for 1. Its last value prints its 0 unlike the parts before it: the 总计, not a cut row's 其他
    report, wrong, silent = read_against_truth(ZOO / "s501-r0041-mammoth-md.md")
    assert t3_row(report, "denied_law_enforcement_file") == [1, None, None, None, None, None, 0]
    assert not any("截去" in f.message for f in report.flags)
    errors = [f for f in check(report) if f.severity == ERROR]
    assert sorted(f.rule for f in errors) == ["T3-2", "T3-3"]
    assert suggested_fixes(errors) == {("section3.denied_law_enforcement_file.total", 1)}
    assert wrong == [] and silent == []  # (the truth holds the typo as printed)


def test_a_cut_row_in_a_table_that_never_filled_its_total_column_leaves_its_total_blank():
    # 「4.保护第三方合法权益」 printed 57 10 6 1 0 0 3 and a blank 总计 in Word (10 = 6+1+0+0+3, the
    # subtotal); every other row of the table left 总计 blank. Inferring 57+10 = 67 there made it the
    # column's only value, so every other row's blank 总计 read as a 0 failing its sum: 14 false 错误
    # in pandoc's gfm, and in its space-aligned markdown a 67 the report never printed
    for name in ("quirks821-r0020-pandoc-docx-gfm.md", "quirks821-r0020-pandoc-html-markdown.md"):
        report, wrong, silent = read_against_truth(ZOO / name)
        assert t3_row(report, "denied_third_party") == [57, 6, 1, 0, 0, 3, None], name
        assert t3_row(report, "new") == [1013, 121, 24, 0, 0, 48, None], name
        assert any(f.cell == "section3.denied_third_party" and "小计" in f.message and "按空白计" in f.message
                   for f in report.flags), name
        findings = check(report)
        assert [f for f in findings if f.severity == ERROR] == [], name
        assert any(f.rule == "T3-3" and "整列空白" in f.message for f in findings), name
        assert wrong == [] and silent == [], name


def test_a_cut_row_whose_subtotal_is_0_is_said_as_printed_blank_or_placeholder(tmp_path):
    # the same row with its cells after 自然人 printed blank, or 「-」: the flag said 「总计也印为0」, a
    # 0 the auditor would not find in the report; it says how they print
    from core.pipeline import load_report
    text = (ZOO / "quirks805-r0001-pandoc-docx-gfm.md").read_text(encoding="utf-8")
    row = "<td>1</td>\n" + "<td>0</td>\n" * 6 + "</tr>\n<tr class=\"even\">\n<td rowspan=\"22\">"
    assert text.count(row) == 1  # (「二、上年结转…」's cells, then 三's heading)
    for cell, said in (("<td></td>", "（含总计）均空白"), ("<td>-</td>", "（含总计）均印为「-」")):
        path = tmp_path / "cut.md"
        path.write_text(text.replace(row, row.replace("<td>0</td>", cell)), encoding="utf-8")
        report = load_report(path)
        messages = [f.message for f in report.flags if f.cell == "section3.carried_over.total"]
        assert len(messages) == 1 and said in messages[0] and "总计应为1" in messages[0], cell
        assert "印为0" not in messages[0]


def test_a_row_whose_lines_a_pdf_printed_out_of_order_is_not_read_as_a_cut_row():
    # pdfplumber's text of a PDF (pages zoo, r0038): 「（二）部分公开…」 prints its 总计 1 on its label's first
    # line and its parts 0 0 0 0 0 0 on the next (自然人 planted 0 for 1). Stored reordered by its lines, 总计 1
    # last; asked in its printed order, 1 0 0 0 0 0 0 read as a cut row of subtotal 0, and its 总计 was
    # flagged as printed 0 and read as printed, 「总计应为1」: the 1 it held already
    report, wrong, silent = read_against_truth(ZOO / "pages303-r0038-pdfplumber.txt")
    assert t3_row(report, "partial") == [0, 0, 0, 0, 0, 0, 1]
    assert not any("截去" in f.message for f in report.flags)
    assert any(f.cell == "section3.partial" and "分在几行印出" in f.message for f in report.flags)
    assert wrong == [] and silent == []  # (the truth holds the typo as printed)


def test_a_cut_row_whose_subtotal_a_misprint_breaks_is_flagged_in_a_table_that_never_filled_its_total():
    # 「5.要求行政机关确认或重新出具已获取信息」 printed 431 50 5 0 0 15 0 and a blank 总计 in Word (50 the
    # 法人或其他组织 subtotal, 商业企业 planted 5 for 35); pandoc keeps the first seven. 50 ≠ 5+0+0+15+0, so
    # the row is no cut row by its sums and was read as printed, 50 under 商业企业 … 15 under 其他,
    # the last 0 as its 总计, unflagged. Every other row leaves 总计 blank: a 总计 printed in that row
    # alone, its parts not adding up to it, may be a cut row's 其他. Which it is the sums cannot
    # say (the misprint breaks either reading): the row is flagged, the typo's cell still named
    report, wrong, silent = read_against_truth(ZOO / "quirks802-r0010-pandoc-docx-plain.txt")
    assert t3_row(report, "not_processed_confirm") == [431, 50, 5, 0, 0, 15, 0]
    flags = [f.message for f in report.flags if f.cell == "section3.not_processed_confirm"]
    assert len(flags) == 1 and "可能印有8格" in flags[0] and "总计印为0而合计不符" in flags[0]
    assert silent == [] and all(cell.startswith("section3.not_processed_confirm.") for cell in wrong)
    assert any("section3.not_processed_confirm.commercial" in f.cells for f in check(report))


def _cut_table_variant(tmp_path, name: str, *changes: tuple[str, str]):
    """A zoo fixture with `changes` made to its text (each old text found once), read."""
    from core.pipeline import load_report
    text = (ZOO / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_report(path)


_SECRET_ROW = "<td>1.属于国家秘密</td>\n" + "<td>0</td>\n" * 6 + "<td></td>\n"  # (quirks821 r0020, pandoc gfm)


def test_a_row_of_zeros_printing_its_total_0_says_nothing_of_a_blank_total_column(tmp_path):
    # quirks821 r0020 with 「1.属于国家秘密」's blank 总计 printed 0: a row of 0s prints alike whether the
    # table fills 总计 or not. It made the column look filled, so the cut row's 总计 was inferred 57+10 = 67
    # and every blank 总计 beside it read as a 0 failing its row's sum: 14 false 错误
    report = _cut_table_variant(tmp_path, "quirks821-r0020-pandoc-docx-gfm.md",
                                (_SECRET_ROW, "<td>1.属于国家秘密</td>\n" + "<td>0</td>\n" * 7))
    assert t3_row(report, "denied_third_party") == [57, 6, 1, 0, 0, 3, None]
    messages = [f.message for f in report.flags if f.cell == "section3.denied_third_party"]
    assert len(messages) == 1 and "表内其余印有非0数值的各行总计均空白" in messages[0] and "按空白计" in messages[0]
    assert [f for f in check(report) if f.severity == ERROR] == []


def test_a_cut_row_whose_subtotal_is_0_in_a_table_that_never_filled_its_total_column_is_read_cut(tmp_path):
    # quirks821 r0020 with 「1.属于国家秘密」 printing 2 0 0 0 0 0 0 (2 taken from 「2.其他法律…」's 自然人, so
    # the column still adds up): a row of 8 cells, subtotal 0, cut to 7. Its parts are 0 read either
    # way and no sum weighs a blank 总计 (0) against a 0, so it went unflagged, read as printed: its 0
    # the column's only 总计, every blank 总计 beside it a 0 failing its row's sum (16 错误). The table
    # never fills 总计: the cell cut off was blank too, and the flag asks for no 总计 the table lacks
    report = _cut_table_variant(
        tmp_path, "quirks821-r0020-pandoc-docx-gfm.md",
        (_SECRET_ROW, "<td>1.属于国家秘密</td>\n<td>2</td>\n" + "<td>0</td>\n" * 6),
        ("<td>2.其他法律行政法规禁止公开</td>\n<td>29</td>", "<td>2.其他法律行政法规禁止公开</td>\n<td>27</td>"))
    assert t3_row(report, "denied_state_secret") == [2, 0, 0, 0, 0, 0, None]
    assert report.cells["section3.denied_state_secret.total"].state == BLANK
    messages = [f.message for f in report.flags if f.cell.startswith("section3.denied_state_secret")]
    assert len(messages) == 1 and "小计0" in messages[0] and "表内其余印有非0数值的各行总计均空白" in messages[0]
    assert "总计应为" not in messages[0] and "按空白计" in messages[0]
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert any(f.rule == "T3-3" and "整列空白" in f.message for f in findings)


def test_a_lone_total_beside_a_row_of_zeros_printing_its_total_is_still_flagged(tmp_path):
    # quirks802 r0010 (pandoc plain) with 「1.属于国家秘密」 printing a 0 under 总计 too: a row of 0s prints
    # alike whether the table fills 总计 or not, so 「5.要求行政机关确认…」's 总计 0 is still the only one
    # printed beside counts, and the row still flagged as perhaps cut (it was not: two rows "filled" it)
    name = "quirks802-r0010-pandoc-docx-plain.txt"
    line = [l for l in (ZOO / name).read_text(encoding="utf-8").split("\n") if "1.属于国家秘密" in l]
    assert len(line) == 1 and line[0].endswith("0      ")
    report = _cut_table_variant(tmp_path, name, (line[0], line[0] + "0"))
    assert report.cells["section3.denied_state_secret.total"].value == 0
    assert t3_row(report, "not_processed_confirm") == [431, 50, 5, 0, 0, 15, 0]
    flags = [f.message for f in report.flags if f.cell == "section3.not_processed_confirm"]
    assert len(flags) == 1 and "可能印有8格" in flags[0] and "表内其余印有非0数值的各行总计均空白" in flags[0]


def test_a_row_that_reads_like_a_cut_one_in_a_table_leaving_its_total_blank_is_read_so():
    # pdftotext -layout of a PDF leaving 表三's 总计 column empty: its rows print 6 values, but
    # 「6.属于四类过程性信息」 prints 44 4 1 0 0 3 0 (4 the 法人或其他组织 subtotal, its 总计 blank;
    # the label wrapped over four lines). Read as printed, its 总计 0 failed its row as a 错误 on a
    # consistent report (0e390b8); then flagged 存疑 while the other rows were placed under the
    # header's columns in doubt. Those rows are now read as printed, their 总计 blank (no row's last
    # value is the sum of those before it: test_blank_total_column.py), so their sums weigh the
    # subtotal reading: read one column back, its 总计 blank as the others', flagged
    report, wrong, silent = read_against_truth(ZOO / "quirks8585-r0039-pdftotext-layout-gbk.txt")
    assert t3_row(report, "denied_process_info") == [44, 1, 0, 0, 3, 0, None]
    assert any(f.cell == "section3.denied_process_info" and "小计" in f.message and "总计也按空白计" in f.message
               for f in report.flags)
    assert [f for f in check(report) if f.severity == ERROR] == []
    assert wrong == [] and silent == []


def test_a_cut_row_mending_one_column_in_a_table_leaving_its_total_blank_is_read_so():
    # q1302 r0030 (2019 template, Word, quirks empty_total + row_shape): every row leaves 总计 blank, and
    # 「（七）总计」 printed 27 1 1 / / / / and a blank 总计 (1 the 法人或其他组织 subtotal = 1 + 0 + 0 + 0 + 0);
    # pandoc (plain and gfm) keeps the first seven. As printed, 科研机构 1 breaks that column's two sums
    # (T3-1, T3-2) and its 总计 「/」 reads 0 like the blank column. Read back, the sums were weighed with
    # its 总计 inferred 27 + 1 = 28, breaking the 总计 column's two: a tie, so it stayed as printed, two
    # false 错误 on a consistent report. Its 总计 is stored blank there, so it is weighed blank: read back
    for name in ("q1302-r0030-pandoc-docx-plain.txt", "q1302-r0030-pandoc-html-gfm.md"):
        report, wrong, silent = read_against_truth(ZOO / name)
        assert t3_row(report, "total") == [27, 1, None, None, None, None, None], name
        assert report.cells["section3.total.total"].state == BLANK, name
        assert any(f.cell == "section3.total" and "小计" in f.message and "总计也按空白计" in f.message
                   for f in report.flags), name
        assert [f for f in check(report) if f.severity == ERROR] == [], name
        assert wrong == [] and silent == [], name


def test_a_cut_row_whose_subtotal_is_0_weighed_while_another_row_is_unsettled_is_in_doubt():
    # q1901 r0042: 「1.属于国家秘密」 prints 3 0 0 0 0 0 0 3 in Word (0 the subtotal), pandoc keeps 3 0 0 0 0 0 0.
    # When the sums weighed it, 「1.本机关不掌握…」 was not yet ordered: the 总计 column failed either
    # way, a tie, and the row was left unflagged, its T3-2 and T3-3 错误 on a right report. A tie
    # cannot tell a 总计 cut off from one misprinted 0: flagged, the sums 存疑 with 3 suggested
    report, wrong, silent = read_against_truth(ZOO / "q1901-r0042-pandoc-docx-gfm.md")
    assert t3_row(report, "denied_state_secret") == [3, 0, 0, 0, 0, 0, 0]
    assert [f.cell for f in report.flags if "截去" in f.message] == ["section3.denied_state_secret.total"]
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert sorted((f.rule, f.severity) for f in findings) == [("T3-2", DOUBT), ("T3-3", DOUBT)]
    assert wrong == ["section3.denied_state_secret.total"] and silent == []
