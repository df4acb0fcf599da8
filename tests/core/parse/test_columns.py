"""Space-aligned text (pdftotext -layout, lynx): values placed in their columns by position.

Fixtures in tests/fixtures/converters/ (README.md there says how each was made).
"""
from __future__ import annotations

import json
from pathlib import Path

from core.check.rules import check
from core.model import BLANK
from core.pipeline import load_report
from tests.core.truth import covered, leaves, suggested_fixes, wrong_cells
from tests.core.truth import t3_row_counted as _t3_row

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CONVERTERS = FIXTURES / "converters"


def test_rows_wrapped_over_lines_are_read_by_column_in_pdftotext_layout():
    # （二）部分公开 prints its 总计 on the label's first line and the other six on the next;
    # （六）1./2. print them around a label wrapped over three lines
    report = load_report(CONVERTERS / "consistent-2021.pdf.pdftotext-layout.txt")
    assert wrong_cells(report, "consistent-2021", ("section3", "section4")) == []
    assert report.value("section3.partial.total") == 454
    assert report.value("section3.partial.natural") == 447
    assert report.value("section3.other_no_correction.total") == 71
    assert [f for f in check(report) if f.severity == "error"] == []  # a consistent report
    assert [f for f in report.flags if f.cell.startswith("section3")] == []


def test_a_blank_cell_leaves_a_gap_that_positions_keep_in_a_lynx_dump():
    # 「2.申请人逾期未按收费通知…」 prints 科研机构 as a U+3000 blank: six values, and a gap
    report = load_report(CONVERTERS / "dash-ok.lynx.txt")
    assert wrong_cells(report, "page-gb2312", ("section3", "section4")) == []
    assert report.cells["section3.other_no_fee.research"].state == BLANK
    assert report.value("section3.other_no_fee.social") is None  # "—"
    # 「4.无正当理由大量反复申请」 prints nothing but its label: a row of blanks, read as such
    assert {report.cells[f"section3.not_processed_massive.{c}"].state for c in ("natural", "total")} == {BLANK}
    assert report.flags == []
    assert [f for f in check(report) if f.severity == "error"] == []


def _silent_cells(report, truth_file: Path) -> list[str]:
    """Wrong cells of 表三 that no flag and no finding names (the way score.py counts them)."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    silent = []
    for cell, want in leaves(truth["section3"], "section3"):
        got = report.value(cell)
        if not (got == want or (want is None and got in (None, 0))) and not covered(cell, marks):
            silent.append(f"{cell}: truth {want}, got {got}")
    return silent


def test_zero_rows_of_a_pdftotext_layout_table_with_blank_cells_are_placed_or_flagged():
    # 2019 template, zeros printed as "0", "-" or blank: a row of zeros fits any columns by the
    # equations, so only positions place it; 「5.要求行政机关确认或…」 prints 0 0 … 0 under
    # 自然人, 商业企业 and 其他 (columns found on the full rows printed around it)
    report = load_report(CONVERTERS / "zoo-r0031.pdftotext-layout-gbk.txt")
    assert _silent_cells(report, CONVERTERS / "zoo-r0031.pdftotext-layout-gbk.json") == []
    assert report.value("section3.unable_unclear.natural") == 0
    assert report.value("section3.unable_unclear.commercial") is None


def test_rows_placed_without_a_full_row_to_measure_columns_are_flagged():
    # every zero printed blank: no row prints all seven values, so the columns are a guess from
    # where values overlap; pdftotext moves each line by its label's length, and the guess put
    # 「（一）予以公开」 13 and 8 under 社会公益组织 and 法律服务机构. Such rows are flagged, never silent.
    report = load_report(CONVERTERS / "zoo7-r0053.pdftotext-layout.txt")
    assert _silent_cells(report, CONVERTERS / "zoo7-r0053.pdftotext-layout.json") == []


def test_a_row_label_run_together_with_the_side_label_is_found():
    # pdftotext -layout prints 「）不  2.其他法律行政法规禁」 (the side label 「（三）不予公开」 wrapped
    # down the rows beside it) and 「止公开」 on the next line: the row is still found, and keeps its values
    report = load_report(CONVERTERS / "zoo-r0024.pdftotext-layout.txt")
    assert not [f for f in report.flags if f.cell == "section3.denied_law_forbidden" and f.kind == "missing"]
    assert report.value("section3.denied_state_secret.natural") == 5
    assert report.value("section3.denied_law_forbidden.commercial") == 0
    assert report.value("section3.denied_law_forbidden.total") == 0
    assert _silent_cells(report, CONVERTERS / "zoo-r0024.pdftotext-layout.json") == []


def test_without_a_full_row_the_header_names_place_the_values_flagged():
    # every zero blank: rows print 自然人, 商业企业 and 总计 only, under the header's names
    report = load_report(CONVERTERS / "zoo7-r0013.pdftotext-layout-gbk.txt")
    assert [report.value(f"section3.new.{c}") for c in ("natural", "commercial", "other", "total")] == [305, 66, None, 371]
    assert report.value("section3.granted.total") == 144
    assert _silent_cells(report, CONVERTERS / "zoo7-r0013.pdftotext-layout-gbk.json") == []
    # pdftotext moves each line by its label's length: the header alone does not make a placement sure
    assert any(f.cell == "section3.new" and f.kind == "inferred" for f in report.flags)


def test_t4_on_one_line_with_blank_cells_is_placed_under_its_header():
    # 表四 prints "9   9  2   2   2   6": 行政复议 维持 9 and 总计 9, then 未经复议直接起诉
    # 维持 2, 其他 2, 尚未审结 2, 总计 6; blanks are gaps, and 复议后起诉 is blank throughout
    report = load_report(CONVERTERS / "zoo7-r0011.pdftotext-layout-gbk.txt")
    row = lambda key: [report.value(f"section4.{key}.{c}") for c in ("maintained", "corrected", "other", "pending", "total")]
    assert row("review") == [9, None, None, None, 9]
    assert row("litigation_direct") == [2, None, 2, 2, 6]
    assert row("litigation_after_review") == [None] * 5
    assert not [f for f in check(report) if f.cells and f.cells[0].startswith("section4")]


def test_t2_row_with_a_blank_cell_keeps_its_columns_by_position():
    # 表二 「规章  0   2   0」 then 「行政规范性文件  8      8」: 本年废止件数 is blank, not 现行有效件数
    report = load_report(CONVERTERS / "zoo7-r0007.pdftotext-layout-gbk.txt")
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [8, None, 8]
    assert not [f for f in report.flags if f.cell == "section2.normative_docs"]


def test_t2_values_one_space_apart_are_not_placed_by_position():
    # pdfplumber's text prints 「行政处罚 1 89645」 and 「行政强制 248 -135 188」: one space apart,
    # nothing shows which cell is blank, so the row stays flagged
    report = load_report(CONVERTERS / "zoo7-r0008.pdfplumber.txt")
    assert any(f.cell == "section2.punishment" for f in report.flags)


def test_header_names_are_found_beside_the_word_heading_five_columns():
    # 「自然  法人或其他组织   总计」: 法人或其他组织's 其他 is not the 其他 column, and 自然 and
    # 总计 on the same line are still the names of their columns
    report = load_report(CONVERTERS / "zoo7-r0008.pdftotext-layout.txt")
    assert [report.value(f"section3.new.{c}") for c in ("natural", "commercial", "other", "total")] == [7, 1, None, 8]
    assert _silent_cells(report, CONVERTERS / "zoo7-r0008.pdftotext-layout.json") == []


def test_t2_row_without_a_full_row_in_its_block_goes_under_the_header_names():
    # 「规范性文件 … 3」 with 3 under 对外公开总数量, 「其他对外管理服务事 … 17」 under 处理决定数量
    report = load_report(CONVERTERS / "zoo7-r0069.pdftotext-layout-gbk.txt")
    assert report.value("section2.normative_docs.total_published") == 3
    assert report.value("section2.normative_docs.new_made") is None
    assert report.value("section2.other_services.decisions") == 17
    assert report.value("section2.licensing.prev_items") == 1
    # placed by the header alone: flagged for review
    assert any(f.cell == "section2.normative_docs" and f.kind == "inferred" for f in report.flags)


def test_a_row_of_zeros_whose_line_is_moved_is_read_as_zeros_and_flagged():
    # 四、结转下年度继续办理 prints "/ / 0" for 社会公益组织, 法律服务机构 and 其他, but its line
    # sits a column right of the rows above, so by position the 0 is 总计's; the equations hold
    # wherever a row's zeros go, so nothing confirms the place: every column is read 0, flagged
    report = load_report(CONVERTERS / "zoo314-r0012.pdftotext-layout.txt")
    assert _silent_cells(report, CONVERTERS / "zoo314-r0012.pdftotext-layout.json") == []
    assert [report.value(f"section3.carried_forward.{c}") for c in
            ("natural", "commercial", "research", "social", "legal", "other", "total")] == [0] * 7
    assert "section3.carried_forward" in {f.cell for f in report.flags}
    assert [f for f in check(report) if f.severity == "error"] == []


def test_a_table_whose_columns_lie_one_space_apart_places_no_row_for_sure():
    # lynx did not align 表三: each row's values follow its label one space apart, so the columns
    # the positions suggest are one space apart too; 「5.要求行政机关确认或重新出具已获取信息」
    # prints "- 0 - - - -" with its 总计 blank, and by position its 0 went under 科研机构
    report = load_report(CONVERTERS / "zoo780-r0029.lynx.txt")
    assert _silent_cells(report, CONVERTERS / "zoo780-r0029.lynx.json") == []
    assert "section3.not_processed_confirm" in {f.cell for f in report.flags}
    fixes = suggested_fixes(check(report))
    assert ("section3.new.total", 27) in fixes  # the planted typo is still found and fixed


def test_without_full_rows_the_measure_whose_header_names_lie_in_order_places_the_rows():
    # pdftotext -layout, zeros blank, no full row: counting a CJK character as one column, the
    # header names 自然人 … 总计 left to right and 「一、本年新收…申请数   5 … 6」 puts 5 under 自然人
    # and 6 under 总计; counting it as two, the names fall out of order, and columns found among the
    # values themselves put 5 in 科研机构 and 6 in 法律服务机构. 6 is the planted typo (true 5).
    report = load_report(CONVERTERS / "zoo702-r0038.pdftotext-layout.txt")
    new = [report.cells[f"section3.new.{c}"].arithmetic
           for c in ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert new == [5, 0, 0, 0, 0, 0, 6]
    assert report.value("section3.granted.natural") == 4 and report.value("section3.total.natural") == 5
    assert suggested_fixes(check(report)) == \
        {("section3.new.total", 5)}


def test_lines_printed_right_of_the_total_column_are_moved_back_under_it():
    # pdftotext -layout, 2019, zeros blank, no full row: 一、本年新收 prints 4 1 5 under the
    # header's 自然人, 商业企业 and 总计 (characters 18, 22, 49), but the rows under 三、本年度办理结果
    # print 13 characters further right (「（一）予以公开  3 … 3」 at 29 and 62): nothing lies right of
    # 总计, so those lines are moved back, and 3 is 自然人's, not 商业企业's. （七）总计 prints
    # 2 1 5 with 自然人 2 the planted typo (true 4 = 3 + 1).
    report = load_report(CONVERTERS / "zoo702-r0043.pdftotext-layout.txt")
    row = lambda key: _t3_row(report, key)  # noqa: E731
    assert row("granted") == [3, 0, 0, 0, 0, 0, 3]
    assert row("unable_need_creation") == [1, 1, 0, 0, 0, 0, 2]
    assert row("total") == [2, 1, 0, 0, 0, 0, 5]
    assert suggested_fixes(check(report)) == \
        {("section3.total.natural", 4)}


def test_the_lines_moved_back_under_the_total_move_together_to_the_header_names():
    # the same layout (2019, zeros blank, pdftotext -layout): 「（二）部分公开」 prints 1 … 1 at
    # characters 33 and 62; its 总计 put under the header's 总计 leaves its 1 halfway between
    # 自然人 and 商业企业. The rows moved back lie two columns left of the names together
    # (「（一）予以公开」's 5 at 29 is 自然人's): moved as one, 1 is 商业企业's. （七）总计 prints
    # 6 0 7 with 商业企业 0 the planted typo (true 1, as 一、本年新收 6 1 7 says).
    report = load_report(CONVERTERS / "zoo314-r0001.pdftotext-layout.txt")
    row = lambda key: _t3_row(report, key)  # noqa: E731
    assert row("granted") == [5, 0, 0, 0, 0, 0, 5]
    assert row("partial") == [0, 1, 0, 0, 0, 0, 1]
    assert row("unable_not_held") == [1, 0, 0, 0, 0, 0, 1]
    assert suggested_fixes(check(report)) == \
        {("section3.total.commercial", 1)}


def test_a_row_printing_more_values_than_the_table_has_columns_is_not_placed_by_position():
    # each value takes a column of its own: three values over two lines find no way in two
    # columns (a damaged row spread over 431 lines, 2 972 values, was weighed line by line), while
    # two of them take the columns under which they print
    from core.parse.columns import row_placements
    from core.parse.tokens import NUM, Token
    tokens = [Token(NUM, str(n), 10 * n, 10 * n + 1, line, n) for n, line in ((1, 0), (2, 0), (3, 1))]
    where = {id(tokens[0]): (0, 1), id(tokens[1]): (10, 11), id(tokens[2]): (10, 11)}
    layout = [(0, [(0.0, 1.0), (10.0, 11.0)])]
    assert row_placements({"row": tokens}, where, layout) == {}
    placed = row_placements({"row": tokens[:2]}, where, layout)["row"]
    assert placed[0][0] == tokens[:2]


def test_a_row_is_space_aligned_when_one_of_its_lines_pads_two_values_apart():
    # "1 2" on line 0 is merely separated by a space; "3  4" on line 1 is padded apart
    from core.parse.columns import _spaced
    from core.parse.tokens import NUM, Token
    tokens = [Token(NUM, str(n), 0, 1, line, n) for n, line in ((1, 0), (2, 0), (3, 1), (4, 1))]
    where = dict(zip(map(id, tokens), [(0, 1), (2, 3), (0, 1), (3, 4)]))
    assert _spaced(tokens, where)
    assert not _spaced(tokens[:3], where)
    assert not _spaced(tokens, {**where, id(tokens[3]): (2, 3)})


def test_t4_placed_differently_by_the_two_measures_of_the_header_is_in_doubt():
    # pdftotext -layout, zeros mixed: 表四's header words are spaced closer than its value line
    # 「—    —  —  0  —   —  —  —  0  0  0  —」 (a 0 under 未经复议's 结果维持, three under 复议后起诉's
    # 纠正/其他/尚未). Counting a CJK character one column puts the values right; counting it two
    # and 「—」 one put the first 0 under 行政复议's 总计 and the last three one column early, and was
    # taken for sure (4 cells read blank for 0, silently); then, the measures disagreeing, flagged.
    # The PDF draws 「—」 as wide as a CJK character (cells after one line up with their neighbours'
    # only so counted: columns.ambiguous_wide), and so counted the wide measure agrees: read right.
    ZOO = FIXTURES / "zoo"
    report = load_report(ZOO / "pages714-r0039-pdftotext-layout-gbk.txt")
    truth = json.loads((ZOO / "pages714-r0039-pdftotext-layout-gbk.json").read_text(encoding="utf-8"))
    assert report.value("section4.litigation_direct.maintained") == 0
    assert report.value("section4.litigation_after_review.pending") == 0
    marks = {f.cell for f in report.flags} | {c for f in check(report) for c in f.cells}
    assert all(covered(cell, marks) for cell, want in leaves(truth["section4"], "section4")
               if report.value(cell) != want and not (want is None and report.value(cell) in (None, 0)))



def test_padded_apart_answers_as_spaced_under_either_measure():
    # _placed_by_position gives up on a table no row of which prints values padded apart under
    # either measure, telling so from the narrow positions alone: a gap of one space is padding
    # under neither, two spaces under both, and one CJK character (two columns wide) only wide
    from core.parse.columns import _spaced, narrow_positions, padded_apart, wide_positions
    from core.parse.tokens import NUM, Token
    for text, padded in (("甲 1 2 3\n", False), ("甲 1  2 3\n", True), ("甲 1中2 3\n", True), ("甲 12 3\n", False)):
        values = [Token(NUM, digit, at, at + 1, 0, int(digit)) for at, digit in enumerate(text) if digit.isdigit()]
        narrow = narrow_positions(text, values, {0})
        wide = wide_positions(text, values, narrow)
        assert padded_apart(text, {"row": values}, narrow) is padded, text
        assert (_spaced(values, narrow) or _spaced(values, wide)) is padded, text
        assert _spaced(values, narrow) is (padded and "中" not in text), text  # (the CJK gap: wide only)


def test_lynx_header_names_two_characters_apart_are_in_order():
    # lynx pads a table by characters: every row prints its values right under 自然人 (column 59),
    # 商业企业 (65) and 总计 (89) counted so, while by display width they scatter with the labels'
    # lengths. The header names the columns in order by characters, but 其他 (third line) and the 总计
    # above it stand two characters apart, which the display width's test of names apart (a name's
    # width, 3) refused: the columns were guessed from the scattered values, 1846 read as 科研机构,
    # 19430 as 法律服务机构 (39 cells wrong, flagged). By characters a name is half as wide.
    from tests.core.truth import read_against_truth, t3_row
    report, wrong, silent = read_against_truth(FIXTURES / "zoo" / "q2401-r0018-lynx.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "new") == [17584, 1846, None, None, None, None, 19430]
    assert t3_row(report, "carried_forward") == [1036, None, None, None, None, None, 1036]
