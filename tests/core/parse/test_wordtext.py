"""Text exports of Word reports (docx2txt, pandoc plain, antiword, mammoth Markdown, LibreOffice
text), read from committed outputs of the converter zoo (tests/fixtures/converters/zoo-*, with
the truth beside each)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import ERROR, check
from core.pipeline import load_report
from core.template import T4
from tests.core.truth import read_against_truth

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")


def _wrong_and_silent(path: Path):
    """The report, its cells read otherwise than printed, and those of them no flag or finding marks."""
    return read_against_truth(path)


def test_markdown_escaped_signs_and_decimal_points_are_read_as_numbers():
    # mammoth's Markdown escapes "-2", "+1" and "43.7" as "\-2", "\+1", "43\.7" (a 2019 report)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0048.mammoth-md.md")
    assert report.value("section2.punishment.change") == -2
    assert report.value("section2.licensing.change") == 1
    assert report.value("section2.licensing.decisions") == 13870
    assert report.value("section2.procurement.amount") == 43.7
    assert [c for c in wrong if c.startswith("section2")] == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_row_printing_only_zeros_is_zero_in_every_column_though_its_blanks_left_no_trace():
    # mammoth's Markdown drops blank cells: 「2.其他法律行政法规禁止公开」 prints 无 0 0 无 无 (five
    # of seven), 表四 nine zeros and 无 of fifteen; wherever the blanks stood, every cell is 0
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0011.mammoth-md.md")
    for key in ("denied_law_forbidden", "unable_unclear", "other_other"):
        assert [report.value(f"section3.{key}.{c}") for c in T3_COLUMNS] == [0] * 7, key
        assert report.cells[f"section3.{key}.natural"].state == "inferred"
    assert [report.value(p) for p in T4.paths()] == [0] * 15
    assert {"section3.denied_law_forbidden", "section4"} <= {f.cell for f in report.flags if f.kind == "inferred"}
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_glued_row_of_zeros_and_spaced_placeholders_is_zero_in_every_column():
    # docx2txt: 「5.属于三类内部事务信息」 prints "0000 -- 00" (seven cells, one blank lost), 「4.保护第三方
    # 合法权益」 "0 -- 000 -- " : every reading of them is all zeros
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0035.docx2txt.txt")
    for key in ("denied_third_party", "denied_internal_affairs", "carried_over"):
        assert [report.value(f"section3.{key}.{c}") for c in T3_COLUMNS] == [0] * 7, key
    assert silent == []
    assert not [c for c in wrong if c.startswith("section3.denied_")]


def test_table_two_glued_to_its_labels_is_cut_where_only_one_cut_reads():
    # docx2txt glues 表二 and its heading into one paragraph: "…768万人次。二、主动公开…规章000规范性文件
    # 6671…行政处罚001行政强制533-3120…政府集中采购00" (2019: 上一年项目数量, 本年增/减, 处理决定数量)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0001.docx2txt.txt")
    row = lambda key, columns: [report.value(f"section2.{key}.{c}") for c in columns]  # noqa: E731
    assert row("rules", ("new_made", "new_published", "total_published")) == [0, 0, 0]
    assert row("punishment", ("prev_items", "change", "decisions")) == [0, 0, 1]
    assert row("procurement", ("count", "amount")) == [0, 0]
    # 533-3120: 533 | -3120 cut three ways (-3 | 120, -31 | 20, -312 | 0): left open, flagged
    assert row("coercion", ("prev_items", "change", "decisions")) == [533, None, None]
    assert "section2.coercion" in {f.cell for f in report.flags if f.kind == "parse"}
    assert "section2" in report.tables and not [p for p in report.problems if "第二部分" in p]
    assert silent == []


def test_a_glued_table_two_value_with_a_thousands_separator_is_one_number():
    # docx2txt, 2021: "行政许可\n11,563第二十条第（六）项"
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0035.docx2txt.txt")
    assert report.value("section2.licensing.decisions") == 11563
    assert silent == []


def test_table_four_is_read_though_the_converter_dropped_its_heading_with_table_three():
    # antiword lost 表三's rows and the heading 四、…; 表四's header and its fifteen values remain
    # ("审结 |总计 |未经复议直接起诉 |复议后起诉 | … |0 |1 |0 |2 |3 |1 |0 |0 |4 |5 |0 |0 |0 |0 |0 |")
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0007.antiword.txt")
    assert [report.value(p) for p in T4.paths()] == [0, 1, 0, 2, 3, 1, 0, 0, 4, 5, 0, 0, 0, 0, 0]
    assert not [c for c in wrong if not c.startswith("section3")] and silent == []
    findings = check(report)
    assert [(f.rule, f.severity) for f in findings if f.rule == "D-2"] == [("D-2", "doubt")]  # 表三: lost
    assert not [f for f in findings if f.severity == ERROR]


def test_a_glued_row_with_a_wrong_total_is_read_as_printed_whichever_way_its_dashes_are_counted():
    # docx2txt: 「（一）予以公开」 prints "14360----185" with a planted 总计 (true 203). Read as
    # "--" "--" the row is four cells; read as four "-" it is 143 | 60 | - - - - | 185, which the
    # column sums confirm in every cell but the 总计: the typo is found and fixed
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0008.docx2txt.txt")
    assert [report.value(f"section3.granted.{c}") for c in ("natural", "commercial", "total")] == [143, 60, 185]
    findings = check(report)
    assert any(f.suggestion and (f.suggestion.cell, f.suggestion.value) == ("section3.granted.total", 203)
               for f in findings)
    assert silent == []


def test_a_glued_2019_documents_row_is_cut_so_that_the_new_ones_are_among_all_published():
    # "规范性文件6671": 6|6|71, 6|67|1 or 66|7|1; 本年新公开数量 is part of 对外公开总数量, so only
    # 6 | 6 | 71 reads (flagged: inferred)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0001.docx2txt.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("new_made", "new_published", "total_published")] \
        == [6, 6, 71]
    assert "section2.normative_docs" in {f.cell for f in report.flags if f.kind == "inferred"}
    assert silent == []


def test_a_glued_table_four_of_zeros_and_placeholders_is_zero_in_every_cell():
    # docx2txt: 表四 prints "0000无无无00" (nine cells for fifteen, blanks without a trace)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0011.docx2txt.txt")
    assert [report.value(p) for p in T4.paths()] == [0] * 15
    assert "section4" in {f.cell for f in report.flags if f.kind == "inferred"}
    assert not [p for p in report.problems if "第四部分" in p]
    assert silent == []


def test_glued_rows_whose_blanks_could_sit_anywhere_are_placed_together_by_all_the_sums():
    # docx2txt: "3405217409" (一、本年新收), "17928100217" (（一）予以公开), "52930064" …: each row's
    # blanks left no trace, so each alone reads many ways; only one choice for all the rows together
    # makes every column add up
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0011.docx2txt.txt")
    assert [report.value(f"section3.new.{c}") for c in T3_COLUMNS] == [340, 52, 17, None, None, None, 409]
    assert [report.value(f"section3.granted.{c}") for c in ("natural", "commercial", "research", "total")] \
        == [179, 28, 10, 217]
    assert "section3.new" in {f.cell for f in report.flags if f.kind == "inferred"}
    assert not [c for c in wrong if c.startswith("section3.")] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_blank_cell_of_libreoffice_web_text_is_its_empty_line_and_the_typo_is_fixed():
    # LibreOffice's text of a web page prints one cell per line; a blank cell is a line holding a
    # no-break space (UTF-16) or nothing (GBK): 「（二）部分公开」 5 / 1 / 0 / 1 / (blank) / 无 / 17,
    # whose 自然人 5 is a planted typo (true 15)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0024.lo-web-txt-utf-16.txt")
    assert [report.value(f"section3.partial.{c}") for c in T3_COLUMNS] == [5, 1, 0, 1, None, None, 17]
    assert report.cells["section3.partial.legal"].state == "blank"
    assert any(f.suggestion and (f.suggestion.cell, f.suggestion.value) == ("section3.partial.natural", 15)
               for f in check(report))
    assert silent == []
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "zoo-r0031.lo-web-txt-gbk.txt")
    assert [report.value(f"section3.denied_process_info.{c}") for c in T3_COLUMNS] == [51, 17, None, 0, 0, None, 68]
    assert not [c for c in wrong if c.startswith("section3")] and silent == []


def test_a_blank_table_printing_only_its_rows_with_values_is_cut_and_its_typo_fixed():
    # docx2txt of a 2021 report whose zeros are blank: only rows with values print, "8210" after
    # 一、本年新收 (8 | 2 | 10: a blank leaves no trace), "628", "22", and 总计 "8211" whose 11 is a
    # planted typo (true 10); the other rows print nothing, so they are rows of blanks
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0005.docx2txt.txt")
    assert [report.value(f"section3.new.{c}") for c in T3_COLUMNS] == [8, 2, None, None, None, None, 10]
    assert [report.value(f"section3.total.{c}") for c in T3_COLUMNS] == [8, 2, None, None, None, None, 11]
    # which columns the blanks took the sums cannot tell: placed from the left, 存疑
    assert {"section3.new", "section3.granted"} <= {f.cell for f in report.flags if f.kind == "parse"}
    assert any(f.suggestion and (f.suggestion.cell, f.suggestion.value) == ("section3.total.total", 10)
               for f in check(report))
    assert silent == []


def test_a_row_of_blanks_glued_to_the_next_labels_does_not_take_the_values_after_them():
    # docx2txt, 2019, zeros blank: "二、上年结转政府信息公开申请数量三、本年度办理结果（一）予以公开293637363":
    # 二、上年结转 prints nothing; 293637363 is （一）予以公开's (293 | 63 | 7 | 363)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0017.docx2txt.txt")
    assert [report.value(f"section3.carried_over.{c}") for c in T3_COLUMNS] == [None] * 7
    assert [report.value(f"section3.granted.{c}") for c in ("natural", "commercial", "total")] == [293, 63, 363]
    assert "section3.granted" in {f.cell for f in report.flags if f.kind == "parse"}
    # 表四 "15323231717": 15 3 2 3 23 | 17 17, the groups' blanks placed from the left, 存疑
    assert [report.value(p) for p in T4.paths()] == [15, 3, 2, 3, 23, 17, None, None, None, 17] + [None] * 5
    assert "section4" in {f.cell for f in report.flags if f.kind == "parse"}
    assert silent == []


def test_a_glued_table_four_with_a_typo_is_read_as_printed_for_the_checks_to_show_it():
    # docx2txt, zeros printed: 表四 "00000820010202014"; 复议后起诉 prints 2 0 2 0 14, its 结果维持 a
    # planted typo (true 12): no cut makes every group add up, one cut is a dropped digit away
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t602-r0017.docx2txt.txt")
    assert [report.value(p) for p in T4.paths()] == [0, 0, 0, 0, 0, 8, 2, 0, 0, 10, 2, 0, 2, 0, 14]
    assert any("section4.litigation_after_review.maintained" in f.cells for f in check(report))
    assert silent == []


def test_a_glued_table_four_with_a_typo_in_its_first_group_is_read_as_printed(tmp_path):
    # the same report with 表四 "302068200101202014": 行政复议 3 0 2 0 6 (parts sum to 5: a slip in
    # the first group, which no cut of the run's start makes add up), 8 2 0 0 10, 12 0 2 0 14
    text = (CONVERTERS / "d2t602-r0017.docx2txt.txt").read_text(encoding="utf-8")
    assert text.count("00000820010202014") == 1
    path = tmp_path / "typo-first-group.docx2txt.txt"
    path.write_text(text.replace("00000820010202014", "302068200101202014"), encoding="utf-8")
    report = load_report(path)
    assert [report.value(p) for p in T4.paths()] == [3, 0, 2, 0, 6, 8, 2, 0, 0, 10, 12, 0, 2, 0, 14]
    assert any("section4.review.total" in f.cells for f in check(report))


def test_a_glued_table_four_of_slashes_is_read():
    # docx2txt, zeros printed "/": "…尚未审结总计///111//34/////五、存在的主要问题" (a "/" glued to the
    # next heading marks the text as glued like a digit does)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t602-r0002.docx2txt.txt")
    assert [report.value(p) for p in T4.paths()] == [None, None, None, 1, 1, 1, None, None, 3, 4] + [None] * 5
    assert not [c for c in wrong if c.startswith("section4")] and silent == []


def test_a_glued_row_of_a_table_whose_blanks_left_no_trace_is_cut_so_that_it_adds_up():
    # docx2txt, zeros printed as 0, 无 or blank: （一）予以公开 prints "1010无11" (10 | 1 | 0 | 无 | 11,
    # two blanks lost); one digit a cell fills the seven columns too (1 0 1 0 无 1 1) but does not
    # add up, and other rows ("171无0无18") show that this table's blanks leave no trace
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0010.docx2txt.txt")
    assert [report.value(f"section3.granted.{c}") for c in T3_COLUMNS] == [10, 1, 0, 0, 0, 0, 11]
    assert wrong == [] and silent == []
    assert not [f for f in check(report) if f.severity == ERROR]


def test_a_glued_2019_documents_row_is_cut_so_that_what_was_made_this_year_was_published_this_year():
    # docx2txt, 2019, zeros as 0: "规范性文件353535". Keeping 本年新公开 ≤ 对外公开总数量 still leaves
    # 3|5|3535, 3|53|535, 35|3|535, 35|35|35, 353|5|35 …; a 规范性文件 has no effect until it is
    # published, so only 35 | 35 | 35 (made = published) is kept, flagged as inferred, with why
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0001.docx2txt.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("new_made", "new_published", "total_published")] \
        == [35, 35, 35]
    flag = next(f for f in report.flags if f.cell == "section2.normative_docs")
    assert flag.kind == "inferred" and "本年新公开数量等于本年新制作数量" in flag.message
    # "行政许可86328" has no such rule (86|3|28, 8|63|28, 863|2|8 …): left open, flagged
    assert [report.value(f"section2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [None] * 3
    assert "section2.licensing" in {f.cell for f in report.flags if f.kind == "parse"}
    assert silent == []


def test_a_spaced_double_dash_in_a_glued_table_two_row_is_one_blank_cell():
    # docx2txt prints a cell's "—" as "--": "规章 --  -- 0", "行政处罚511 -- 0", "行政强制519 --  -- "
    # are three cells each (read one "-" a cell, they were too many, and the rows were left empty)
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0007.docx2txt.txt")
    row = lambda key, columns: [report.value(f"section2.{key}.{c}") for c in columns]  # noqa: E731
    assert row("rules", ("new_made", "new_published", "total_published")) == [None, None, 0]
    assert row("punishment", ("prev_items", "change", "decisions")) == [511, None, 0]
    assert row("coercion", ("prev_items", "change", "decisions")) == [519, None, None]
    assert not [c for c in wrong if c.split(".")[1] in ("rules", "punishment", "coercion")] and silent == []


def test_a_glued_row_with_a_swapped_digit_is_not_cut_so_that_it_adds_up():
    # docx2txt, 2021, zeros as 0: 「8.属于行政查询事项」 prints "512000017", 自然人 15 typed 51. The only
    # cut that adds up, 5 | 12 | 0 | 0 | 0 | 0 | 17, leaves the 自然人 and 商业企业 columns off (they want
    # 15 and 2): two wrong cells and no row to blame. Read as printed, 51 | 2 | … | 17, one swapped
    # digit explains every sum, and the checks point at it
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t602-r0035.docx2txt.txt")
    assert [report.value(f"section3.denied_admin_query.{c}") for c in T3_COLUMNS] == [51, 2, 0, 0, 0, 0, 17]
    assert any(f.suggestion and (f.suggestion.cell, f.suggestion.value) == ("section3.denied_admin_query.natural", 15)
               for f in check(report))
    assert wrong == [] and silent == []


def test_a_glued_row_read_as_printed_is_not_said_to_be_cut_by_the_sums():
    # The same row, read as printed (51 | 2 | … | 17): its own sum fails, so its flag must not say
    # it was cut by the table's relations (勾稽关系), which it breaks; it says the row does not add up
    report = load_report(CONVERTERS / "d2t602-r0035.docx2txt.txt")
    messages = [f.message for f in report.flags if f.cell == "section3.denied_admin_query"]
    assert len(messages) == 1
    assert "本行合计不符" in messages[0] and "按勾稽关系" not in messages[0]


def test_a_glued_row_no_cut_adds_up_keeps_its_printed_total_for_the_checks():
    # docx2txt, 2021, zeros as 0, "/" or blank (blanks leave no trace): 「二、上年结转」 prints "20/3"
    # with 总计 2 typed 3. No cut adds up, and the column sums could not place every cell, so the
    # row was left unread and the typo hidden. A row printing values other than 0 prints its 总计,
    # the tail of its last cell: 3, which the 总计 column (一 + 二 = （七）+ 四: 55 + 3 ≠ 57 + 0) shows wrong
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t602-r0007.docx2txt.txt")
    assert report.value("section3.carried_over.total") == 3
    assert any(f.suggestion and (f.suggestion.cell, f.suggestion.value) == ("section3.carried_over.total", 2)
               for f in check(report))
    assert silent == []


def test_a_glued_table_two_row_printing_fewer_values_than_columns_keeps_its_blanks():
    # docx2txt, 2019, zeros blank (a blank cell leaves no trace): "规章7" is 7 in one of three columns;
    # only 对外公开总数量 keeps 本年新公开 ≤ 对外公开总数量 and 本年新公开 = 本年新制作 (the blanks 0).
    # "其他对外管理服务事项2+3" and "行政处罚19+3": a sign starts 本年增/减 only, so the blank is
    # 处理决定数量. All flagged as inferred
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0017.docx2txt.txt")
    row = lambda key, columns: [report.value(f"section2.{key}.{c}") for c in columns]  # noqa: E731
    assert row("rules", ("new_made", "new_published", "total_published")) == [None, None, 7]
    assert report.cells["section2.rules.new_made"].state == "blank"
    assert row("other_services", ("prev_items", "change", "decisions")) == [2, 3, None]
    assert row("punishment", ("prev_items", "change", "decisions")) == [19, 3, None]
    assert {"section2.rules", "section2.other_services", "section2.punishment"} <= \
        {f.cell for f in report.flags if f.kind == "inferred"}
    assert silent == []


def test_a_glued_row_read_as_zeros_is_read_again_when_its_run_prints_other_digits():
    # docx2txt, zeros as "—" ("--"): 「1.本机关不掌握相关政府信息5253375 --  --  -- 2535881」 glues the
    # row's values to its label, so the parser saw only the three placeholders and read the row as 0
    # throughout, whose sum holds. The run prints 5253 | 375 | - | - | - | 253 | 5881 (5253 + 375 +
    # 253 = 5881): a row of 0s beside digits other than 0 is read from the run again
    report, wrong, silent = _wrong_and_silent(CONVERTERS / "d2t601-r0007.docx2txt.txt")
    assert [report.value(f"section3.unable_not_held.{c}") for c in T3_COLUMNS] == [5253, 375, None, None, None, 253, 5881]
    assert not [c for c in wrong if c.startswith("section3.unable_not_held")] and silent == []
