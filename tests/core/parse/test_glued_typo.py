"""docx2txt's glued tables (cells glued into runs): a typo while other rows' cuts are still open
(core/parse/glued_typo.py), and where a run ends; from committed zoo outputs
(tests/fixtures/converters)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import GLUED_NO_CUT, GLUED_UNDECIDED
from core.parse import glued_tables, glued_typo
from core.pipeline import load_report
from tests.core.truth import t3_row as _row
from tests.core.truth import suggested_fixes

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_a_typo_row_is_read_with_the_one_cut_of_the_open_row_that_lets_the_sums_place_it():
    # 「1.本机关不掌握相关政府信息」 prints "5115-2--8": 51 15 - 2 - - 8, its 总计 a dropped digit of
    # 68, so no cut adds up; 「4.无正当理由大量反复申请」 "113----14" adds up as 11 3 or 1 13. Only
    # 11 3 lets the column sums read the typo row with one wrong cell: both are read, and the
    # typo is found with its fix
    report = load_report(CONVERTERS / "zoo123-r0012.docx2txt.txt")
    assert _row(report, "unable_not_held") == [51, 15, None, 2, None, None, 8]
    assert _row(report, "not_processed_massive") == [11, 3, None, None, None, None, 14]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.unable_not_held.total", 68)}


def test_a_typo_in_the_total_row_read_when_the_open_rows_agree_on_it():
    # 「（七）总计」 "217142150014391623089" prints 其他 916 for 1017; four rows still cut two ways
    # each. Every choice of their cuts that lets the column sums read the 总计 row reads it the
    # same, and agrees on 上年结转 and 结转下年度; the typo is found with its fix
    report = load_report(CONVERTERS / "zoo-r0038.docx2txt.txt")
    assert _row(report, "total") == [21714, 215, 0, 0, 143, 916, 23089]
    assert _row(report, "carried_over") == [1769, 13, 0, 0, 8, 29, 1819]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.total.other", 1017)}


def test_rows_cut_two_ways_are_chosen_by_the_sums_that_skip_a_typo_in_the_total_row():
    # zoo-r0038 again: when the rows are first cut, no cut of the 总计 row adds up (其他 916 for
    # 1017), so T3-1 (一 + 二 = 总计 + 四) and T3-2 (总计 = Σ results) each run through an unknown
    # cell; together they still say 一 + 二 = Σ results + 四 per column, which picks the one cut of
    # 「8.属于行政查询事项」 "124712008581325" and 「2.重复申请」 "1709170011801817" that the
    # parser used to leave partly unread (1247 + 12 + 8 + 58 = 1325; 1709 + 17 + 11 + 80 = 1817)
    report = load_report(CONVERTERS / "zoo-r0038.docx2txt.txt")
    assert _row(report, "denied_admin_query") == [1247, 12, 0, 0, 8, 58, 1325]
    assert _row(report, "not_processed_duplicate") == [1709, 17, 0, 0, 11, 80, 1817]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.total.other", 1017)}


def _cells_and_flags(report) -> tuple:
    return ({p: (c.value, c.state, c.raw, c.span) for p, c in report.cells.items()},
            sorted((f.cell, f.kind, f.message) for f in report.flags))


def _typo_readings_counted(monkeypatch) -> list:
    """The typo rows read against the column sums, one entry a reading (a choice weighed)."""
    counted, read = [], glued_tables._one_off_reading

    def counting(*args, **kwargs):
        counted.append(args[1][0])
        return read(*args, **kwargs)
    monkeypatch.setattr(glued_tables, "_one_off_reading", counting)
    return counted


def test_a_slip_row_among_open_rows_weighs_few_choices(monkeypatch):
    # d2t602-r0035: four rows still cut 3, 2, 3 and 2 ways (36 choices) when each of the 26 rows
    # of 表三 is weighed as the one typo (the 51 typed for 15): every row used to be read under
    # every choice, 816 readings. What the column sums give a row is worked out once per cut; a
    # choice is read only when at most one cell is expected to hold a value its digits cannot
    # print, and choices giving the same values are read once. "512000017" under the right cuts
    # expects 15 | 2 | 0 | 0 | 0 | 0 | 17: only 15 is not printed, so that row is read
    counted = _typo_readings_counted(monkeypatch)
    report = load_report(CONVERTERS / "d2t602-r0035.docx2txt.txt")
    assert _row(report, "denied_admin_query") == [51, 2, 0, 0, 0, 0, 17]
    assert "section3.denied_admin_query.natural" in counted
    assert len(counted) <= 26  # about one reading a row, not 36


@pytest.mark.parametrize("name", ["d2t602-r0035.docx2txt.txt", "zoo-r0038.docx2txt.txt", "zoo123-r0012.docx2txt.txt"])
def test_choices_left_unread_read_as_trying_every_choice(monkeypatch, name):
    # The choices not read could leave the typo row no reading, and those read once stand for
    # all giving the same values: the report reads the same as reading every choice
    quick = _cells_and_flags(load_report(CONVERTERS / name))
    monkeypatch.setattr(glued_typo, "_choices_by_expected", lambda typo_row, open_rows, candidates, *rest: [
        (choice, choice) for choice in glued_typo._every_choice(open_rows, candidates)])
    assert _cells_and_flags(load_report(CONVERTERS / name)) == quick


def test_a_row_is_ruled_out_by_two_cells_its_digits_cannot_print():
    # "512000017" prints 51, 12, 17, 5, 2, 0, … but no 15 and no 3: expecting 15 | 2 | … | 17 leaves
    # one cell off (a reading may differ there); 15 | 3 | … | 17 two, -1 or 2.5 cannot be a count
    printed = [[("512000017", 0, 9)]]
    assert glued_tables._could_be_one_off(printed, [15, 2, 0, 0, 0, 0, 17])
    assert not glued_tables._could_be_one_off(printed, [15, 3, 0, 0, 0, 0, 17])
    assert not glued_tables._could_be_one_off(printed, [-1, 2.5, 0, 0, 0, 0, 17])
    assert glued_tables._could_be_one_off(printed + [[("51", 0, 2), ("-", 2, 3), ("3", 3, 4)]], [15, 3, 0, 0, 0, 0, 17])


def test_a_placeholder_glued_before_the_next_heading_is_a_cell():
    # docx2txt, 表四 glued to section 五's heading: "…总计41无无5无无无无无无无无无无五、存在…": the last
    # 无 is 复议后起诉's 总计, not the start of a label ("无法提供", "无正当理由" are)
    report = load_report(CONVERTERS / "zoo-r0048.docx2txt.txt")
    assert [report.value(f"section4.review.{c}") for c in ("maintained", "corrected", "other", "pending", "total")] \
        == [4, 1, None, None, 5]
    assert report.cells["section4.litigation_after_review.total"].state == "placeholder"


def _errors(findings) -> list:
    return [f for f in findings if f.severity == "error"]


def test_a_lone_value_of_a_typo_row_whose_column_is_unknown_is_read_from_the_left_and_named():
    # d2t602-r0034, every zero blank: 「5.属于三类内部事务信息」 prints a lone 1 (自然人, true 0),
    # glued to the next label ("16.属于四类过程性信息"). The column sums give the row 0s, and the 1
    # could sit in any blank column: no cut adds up, and whichever is read the row's own sum
    # fails. Left unread, the row hid the typo from every sum; read from the left and flagged,
    # the checks name it as 存疑 (the column is a guess), never 错误
    report = load_report(CONVERTERS / "d2t602-r0034.docx2txt.txt")
    assert _row(report, "denied_internal_affairs") == [1, None, None, None, None, None, None]
    assert "已自左向右放置" in next(f.message for f in report.flags if f.cell == "section3.denied_internal_affairs")
    findings = check(report)
    assert any("section3.denied_internal_affairs.natural" in f.cells for f in findings)
    assert not _errors(findings)


def test_a_typo_row_whose_cuts_differ_only_in_where_a_printed_0_goes_is_read_and_named():
    # guard780-r0009, every zero blank: 「（七）总计」 prints "405" — 自然人 4, 科研机构 0 (true 1),
    # 总计 5. The column sums give 4 | 1 | 0 | … | 5; every cut one cell off reads 4, 0 and 5, the
    # 0 in one of five part columns. Read from the left, the row does not add up (4 ≠ 5): the
    # finding on its sum names every cell of it, the misprinted 科研机构 among them
    report = load_report(CONVERTERS / "guard780-r0009.docx2txt.txt")
    assert _row(report, "total") == [4, 0, None, None, None, None, 5]
    findings = check(report)
    assert any("section3.total.research" in f.cells and f.severity == "doubt" for f in findings)
    assert not _errors(findings)


def test_rows_placed_by_guess_are_chosen_again_by_the_printed_cells_of_a_typo_row():
    # d2t603-r0008 (zeros 0, "/" or blank; blanks leave no trace): 「一、本年新收」 "163//120",
    # 「（一）予以公开」 "1110//12" and 「1.本机关不掌握」 "3216" each leave one value's column open
    # (the 1 of 一 and of 不掌握 in 法律服务机构 or 其他, the 1 of 予以公开 in 商业企业 or 科研机构),
    # and were placed from the left by guess. 「（七）总计」 "153/00191" adds up no way (19 printed
    # 91): read as printed, 15 | 3 | / | 0 | 0 | 1 | 91, its cells say where those values are:
    # 一 = 总计 + 四 puts 一's 1 in 其他; 总计 = Σ results puts 不掌握's 1 in 其他 and 予以公开's in
    # 商业企业 (3 = 1 + 2). Every sum but those through the misprinted 91 then holds, and the
    # checks suggest 19 for it
    report = load_report(CONVERTERS / "d2t603-r0008.docx2txt.txt")
    assert [v or 0 for v in _row(report, "new")] == [16, 3, 0, 0, 0, 1, 20]
    assert [v or 0 for v in _row(report, "granted")] == [11, 1, 0, 0, 0, 0, 12]
    assert [v or 0 for v in _row(report, "unable_not_held")] == [3, 2, 0, 0, 0, 1, 6]
    assert [v or 0 for v in _row(report, "total")] == [15, 3, 0, 0, 0, 1, 91]
    fixes = suggested_fixes(check(report))
    assert fixes == {("section3.total.total", 19)}


def test_a_glued_t4_with_a_slip_reads_the_groups_every_slip_reading_agrees_on():
    # fix10s1010-r0079: 表四 prints "0002200000100101", sixteen digits for fifteen cells, 复议后起诉
    # 总计 printed 1 for 11. No cut adds up; two cuts break one group by a slip of the hand:
    # 0 0 0 2 2 | 0 0 0 0 0 | 10 0 1 0 1 and … | 1 0 0 10 1. Both read the first two groups alike
    # (they used to be left unread, the run taken as one number), and 复议后起诉's 纠正 0 and 总计 1;
    # its other cells stay open, flagged, and the prose's 行政诉讼11件 still points at the 总计
    report = load_report(CONVERTERS / "fix10s1010-r0079.docx2txt.txt")
    t4 = lambda group: [report.value(f"section4.{group}.{c}") for c in  # noqa: E731
                        ("maintained", "corrected", "other", "pending", "total")]
    assert t4("review") == [0, 0, 0, 2, 2]
    assert t4("litigation_direct") == [0, 0, 0, 0, 0]
    assert t4("litigation_after_review") == [None, 0, None, None, 1]
    [flag] = [f for f in report.flags if f.cell == "section4"]
    assert glued_tables.NO_CUT_ADDS_UP in flag.message and flag.causes == (GLUED_NO_CUT, GLUED_UNDECIDED)
    assert any("section4.litigation_after_review.total" in f.cells for f in check(report))
