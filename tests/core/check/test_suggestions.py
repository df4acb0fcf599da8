"""Which cell a failing set of equations blames, and the value it suggests.

Base: seed 003 (consistent). 表三 has one non-zero column (自然人): 一 22, 二 1, （一）12, （二）2,
（三）4. 3, （四）1. 5, （五）2. 1, （七）总计 23. 表四: 行政复议 维持 5 = 总计 5; 未经复议直接起诉 维持 5,
其他 1, 总计 6; 复议后起诉 维持 3 = 总计 3. Its prose states no number about 表三 or 表四.
Each test plants one typo of a kind people make and checks, by hand, which cell and value come back.
"""
from __future__ import annotations

import copy

import pytest

from core.check.rules import check
from core.equations import is_digit_slip
from tests.core.check.test_rules import clean, with_values  # noqa: F401 (fixture)
from tests.core.truth import suggested_fixes


def with_prose(report, sentence):
    out = copy.deepcopy(report)
    out.text += "\n" + sentence  # after the tables: part of the prose (section 六)
    return out


@pytest.mark.parametrize("cell,printed,true", [
    ("section3.granted.natural", 21, 12),  # two digits swapped
    ("section3.new.natural", 2, 22),  # a digit dropped
    ("section3.partial.natural", 3, 2),  # off by one
    ("section3.total.total", 25, 23),  # a wrong total
    ("section3.carried_forward.natural", 1, 0),  # a 0 typed as 1
])
def test_a_typo_in_table_three_is_pinned_by_its_row_and_its_column(clean, cell, printed, true):
    findings = check(with_values(clean, **{cell.replace(".", "__"): printed}))
    arithmetic = [f for f in findings if f.rule.startswith("T3")]
    assert arithmetic and all(cell in f.cells for f in arithmetic)
    assert suggested_fixes(findings) == {(cell, true)}


def test_a_swapped_total_of_table_four(clean):
    # 未经复议直接起诉: 维持 14 + 其他 2 = 16, printed as 61. No part can become 45 more by a slip of
    # its own digits (14→59, 2→47, 0→45), so the total is the cell.
    report = with_values(clean, section4__litigation_direct__maintained=14, section4__litigation_direct__other=2,
                         section4__litigation_direct__total=61)
    findings = check(report)
    assert [f.rule for f in findings] == ["T4-2"]
    assert suggested_fixes(findings) == {("section4.litigation_direct.total", 16)}


def test_a_dropped_last_digit_in_a_part_of_table_four(clean):
    # 行政复议: 维持 27 + 其他 3 = 30, 维持 printed as 2. Only 2→27 is a slip (27 lost its 7);
    # 3→28, 0→25 are not, and a total of 30 against parts of 5 is less likely than a slip.
    report = with_values(clean, section4__review__maintained=2, section4__review__other=3,
                         section4__review__total=30)
    assert suggested_fixes(check(report)) == {("section4.review.maintained", 27)}


def test_an_off_by_one_total_of_table_four_is_ambiguous_without_the_prose(clean):
    # 行政复议 维持 5, 总计 printed 6: 总计 6→5, 维持 5→6, or 纠正/其他/尚未审结 0→1 are all ±1
    findings = check(with_values(clean, section4__review__total=6))
    assert suggested_fixes(findings) == set()
    assert findings[0].severity == "error"
    assert "无法确定哪个单元格有误" in findings[0].message and "「总计」应为5" in findings[0].message
    assert "「结果维持」应为6" in findings[0].message


def test_the_prose_decides_which_cell_of_table_four(clean):
    report = with_values(clean, section4__review__total=6)
    # the prose agrees with the parts: the total is the typo
    assert suggested_fixes(check(with_prose(report, "全年发生政府信息公开行政复议5件。"))) == {("section4.review.total", 5)}
    # the prose agrees with the total of 6: one of the four parts is one short (5→6 or 0→1), no telling which
    assert suggested_fixes(check(with_prose(report, "全年发生政府信息公开行政复议6件。"))) == set()


def test_a_stated_absence_counts_as_zero(clean):
    # 行政复议 all 0, 总计 printed as 1
    report = with_values(clean, section4__review__maintained=0, section4__review__total=1)
    assert suggested_fixes(check(report)) == set()  # 总计 1→0 or a part 0→1: all ±1
    stated = with_prose(report, "本年度未发生因政府信息公开被申请行政复议的情况。")
    assert suggested_fixes(check(stated)) == {("section4.review.total", 0)}
    # "未发生行政复议纠错" says nothing about how many reviews there were
    assert suggested_fixes(check(with_prose(report, "未发生行政复议纠正案件。"))) == set()


def test_two_typos_in_two_groups_of_table_four_are_each_fixed(clean):
    report = with_values(clean, section4__litigation_direct__maintained=14, section4__litigation_direct__other=2,
                         section4__litigation_direct__total=61,
                         section4__review__maintained=2, section4__review__other=3, section4__review__total=30)
    assert suggested_fixes(check(report)) == {("section4.litigation_direct.total", 16),
                                          ("section4.review.maintained", 27)}


@pytest.mark.parametrize("printed,true,slip", [
    (21, 12, True), (132, 123, True), (2, 22, True), (22, 2, True), (12, 120, True), (6, 5, True), (0, 1, True),
    (1, 0, True), (13, 31, True), (123, 321, False), (0, 10, False), (10, 0, False), (25, 27, False), (6, 16.5, False),
])
def test_digit_slips(printed, true, slip):
    assert is_digit_slip(printed, true) is slip


def test_zoo_pages_with_a_typo_in_table_four():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # 未经复议直接起诉: 维持 14, the rest 无, 总计 printed 41. 总计 41→14 and 维持 14→41 are both two
    # swapped digits; the prose decides: 行政诉讼14件 (复议后起诉 is 0) holds only with 总计 14
    findings = check(load_report(FIXTURES / "converters" / "zoo-r0076-t4-swap.html"))
    assert suggested_fixes(findings) == {("section4.litigation_direct.total", 14)}
    # 行政复议: 维持 3, 纠正 2 (5), 总计 printed 6: ±1 fits any of them, but the prose says 行政复议5件
    findings = check(load_report(FIXTURES / "converters" / "zoo-r0095-t4-off-by-one.html"))
    assert suggested_fixes(findings) == {("section4.review.total", 5)}
    assert [f.severity for f in findings if f.rule.startswith("T4")] == ["error"]


def test_a_typo_in_a_table_of_zeros_is_mended_by_the_suggested_cell():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # 「3.补正后申请内容仍不明确」 prints 商业企业 1 in a table of zeros; its 总计 is blank (an empty line
    # in the text: a blank cell, 0 in the sums), so the row sum fails. Setting 商业企业 to 0 mends the
    # row and the 商业企业 column; nothing else does.
    report = load_report(FIXTURES / "converters" / "zoo-r0035.lo-txt-utf-16.txt")
    assert report.cells["section3.unable_unclear.total"].state == "blank"
    assert suggested_fixes(check(report)) == {("section3.unable_unclear.commercial", 0)}


def test_a_cell_filled_from_a_column_sum_follows_the_suggested_cell(tmp_path):
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # 「2.重复申请」 prints 自然人 1 (a dropped digit of 15), 商业企业 2, 总计 17. The row 「5.要求…」 is
    # lost (its values, printed above its wrapped label, taken out here), so the parser fills its
    # 自然人 with what the column lacks: 14. 自然人 1→15 mends the row; the filled 14 then follows
    # to 0 and the column still adds up.
    text = (FIXTURES / "converters" / "zoo-r0042.pdfplumber.txt").read_text(encoding="utf-8")
    lost = tmp_path / "zoo-r0042.pdfplumber.txt"
    lost.write_text(text.replace("无 无 无 无 无 无 无\n5.要求", "5.要求"), encoding="utf-8")
    report = load_report(lost)
    assert report.cells["section3.not_processed_confirm.natural"].value == 14
    assert suggested_fixes(check(report)) == {("section3.not_processed_duplicate.natural", 15)}


def test_no_suggestion_from_a_table_laid_out_by_guess(clean):
    from core.model import Flag

    # 未经复议直接起诉: 维持 5 + 其他 1 = 6, 总计 printed 61 (an extra digit): only 总计 fits a slip
    report = with_values(clean, section4__litigation_direct__total=61)
    assert suggested_fixes(check(report)) == {("section4.litigation_direct.total", 6)}
    # the same when 表四 printed fewer values than cells and the parser laid them out in order: the
    # failing sum may be its own doing, so it suggests nothing and calls it 存疑
    report.flags.append(Flag("section4", "parse", "表四印有5个数值，模板为15个，请对照原文核对"))
    findings = check(report)
    assert suggested_fixes(findings) == set() and [f.severity for f in findings] == ["doubt"]


def test_a_row_misread_alone_gets_no_suggestion():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # 「（二）部分公开」 prints 自然人 13 and 总计 31 (two digits swapped; truth 13). Plain pdftotext
    # interleaves the row's values with its wrapped label, so the parser reads parts that sum to
    # 192 and says it may have read the wrong row. Only that row's own sum fails: it cannot tell a
    # misread from a typo, so no value is suggested (it used to suggest 总计 192) and it is 存疑.
    findings = check(load_report(FIXTURES / "converters" / "zoo41-r0016.pdftotext-gbk.txt"))
    row = [f for f in findings if "section3.partial.total" in f.cells]
    assert row and all(f.severity == "doubt" for f in row)
    assert not any(cell.startswith("section3.partial.") for cell, _ in suggested_fixes(findings))


def test_the_prose_grounds_a_suggestion_in_a_table_laid_out_by_guess():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # docx2txt glues 表四's cells into one run, which the parser splits by the groups' sums. 行政复议
    # prints 尚未审结 1 and 总计 0 (truth 1): 总计 0→1 and 尚未审结 1→0 are both ±1, but the prose
    # says 行政复议1件, read apart from the tables, so 总计 1 is suggested though the split was a guess.
    findings = check(load_report(FIXTURES / "converters" / "zoo77-r0009.docx2txt.txt"))
    assert suggested_fixes(findings) == {("section4.review.total", 1)}


def test_a_stray_count_whose_column_the_placement_guessed_gets_no_suggestion():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # mammoth's Markdown, zeros mixed: 「2.重复申请」 prints — / — / — / 1 / — for seven columns (two
    # blank cells left nothing); the 1 is the planted typo, printed under 其他 for 0. The parser puts
    # it under 社会公益组织 (the blanks last); under 法律服务机构 or 其他 every sum would fail the same
    # way, so "社会公益组织 should be 0" would blame a cell by guess: no value is suggested, the
    # failing sums are 存疑.
    findings = check(load_report(FIXTURES / "converters" / "zoo777-r0031.mammoth-md.md"))
    row = [f for f in findings if "section3.not_processed_duplicate.social" in f.cells]
    assert row and all(f.severity == "doubt" for f in row)
    assert not any(cell.startswith("section3.not_processed_duplicate.") for cell, _ in suggested_fixes(findings))


def test_a_count_whose_column_the_placement_guessed_moves_the_crossing_so_no_suggestion():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # pdftotext -raw, every zero blank (blanks leave nothing): 「（二）部分公开」 prints "1 1", its 1
    # under 商业企业 in the report; the planted typo is （七）总计 商业企业 printed 0 for 1. Read with
    # the 1 under 自然人, the failing sums (自然人's column, （七）总计's row) cross at （七）总计×自然人
    # (7); read with it under 商业企业, they cross at （七）总计×商业企业 (1). Both readings fail as
    # many sums: neither cell is suggested, and the findings name both.
    findings = check(load_report(FIXTURES / "converters" / "pdftext314-r0001.pdftotext-raw-gbk.txt"))
    assert suggested_fixes(findings) == set()
    total_row = [f for f in findings if f.rule == "T3-3" and "section3.total.total" in f.cells]
    assert total_row and total_row[0].severity == "doubt"
    assert "「（七）总计」×「自然人」应为7" in total_row[0].message
    assert "「（七）总计」×「商业企业」应为1" in total_row[0].message


def test_a_lone_count_may_be_its_rows_total_or_a_part_so_no_suggestion():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # plain pdftotext, a table of blank cells but one: （七）总计 prints a lone "2" (the planted typo,
    # under 其他, true 0). A row printing one count other than 0 fails its sum wherever the count
    # is, so the count may be the row's 总计 as well as any part: "总计 should be 0" would blame
    # the 总计 by guess. No suggestion; the findings name both cells.
    findings = check(load_report(FIXTURES / "converters" / "pt4s503-r0025.pdftotext-gbk.txt"))
    assert suggested_fixes(findings) == set()
    total_row = [f for f in findings if f.rule == "T3-3" and "section3.total.total" in f.cells]
    assert total_row and "「（七）总计」×「其他」应为0" in total_row[0].message


def test_a_misprinted_total_is_suggested_where_its_column_sum_fails_through_an_unread_row(tmp_path):
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # pdfplumber's text: 「（二）部分公开」 prints 141 8 8 0 0 and a misprinted 总计 169 (truth 157).
    # With 「2.其他法律行政法规禁止公开」's label garbled (as its drifted, wrapped form
    # 「2、其他法律法规禁止公」 was read before 法规禁止 matched it) its row is lost, so the column
    # sums of 表三 go through unread cells: 「（二）部分公开」's row sum fails, and so does 总计's
    # column sum whatever the unread cell holds (642 against 654 read). 157 balances the row, and
    # the column with the unread cell 0: both sums give the 总计 the same value, so it is suggested.
    text = (FIXTURES / "converters" / "guard777-r0047.pdfplumber.txt").read_text(encoding="utf-8")
    assert "2、其他法律法规禁止公" in text
    garbled = tmp_path / "guard777-r0047.pdfplumber.txt"
    garbled.write_text(text.replace("2、其他法律法规禁止公", "2、其他法律法规不得公"), encoding="utf-8")
    report = load_report(garbled)
    assert report.cells["section3.denied_law_forbidden.total"].arithmetic is None
    assert suggested_fixes(check(report)) == {("section3.partial.total", 157)}
    # as printed, the row is read, and the sums suggest the same
    report = load_report(FIXTURES / "converters" / "guard777-r0047.pdfplumber.txt")
    assert report.cells["section3.denied_law_forbidden.total"].arithmetic == 0
    assert suggested_fixes(check(report)) == {("section3.partial.total", 157)}


@pytest.mark.parametrize("name, rival", [
    # the 1 of 「（二）部分公开」 read under 自然人: 商业企业's 总计 1 mends the sums only with it under 商业企业
    ("pdftext314-r0001.pdftotext-raw-gbk.txt",
     "表三「（七）总计」×「商业企业」应为1（若表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」×「自然人」"
     "所印的1实属「商业企业」列）"),
    # （七）总计's lone 2 read as its 总计: 其他 reads 0 already, "其他应为0" holds only with the 2 under 其他
    ("pt4s503-r0025.pdftotext-gbk.txt",
     "表三「（七）总计」×「其他」应为0（若表三「（七）总计」×「总计」所印的2实属「其他」列）"),
])
def test_a_rival_read_with_a_count_moved_says_the_move_it_needs(name, rival):
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # The rival suggestion holds only under the other reading of the row: said bare, it would ask
    # the auditor to set a cell that mends nothing as the row is shown (or that reads so already).
    findings = check(load_report(FIXTURES / "converters" / name))
    total_row = [f for f in findings if f.rule == "T3-3" and "section3.total.total" in f.cells]
    assert total_row and rival in total_row[0].message


@pytest.mark.parametrize("name, row", [
    # 「四、结转下年度继续办理」 prints a lone 1 (planted: 社会公益组织 1, true 0), read under 自然人
    ("d2t603-r0030.docx2txt.txt", "carried_forward"),
    # 「5.属于三类内部事务信息」 prints a lone 1 (planted: 自然人 1, true 0): right column, by luck
    ("d2t602-r0034.docx2txt.txt", "denied_internal_affairs"),
])
def test_a_lone_count_placed_from_the_left_is_not_suggested_in_the_column_it_was_put(name, row):
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # docx2txt, every zero blank (blanks leave no trace): a row printing one count no cut makes
    # add up is placed from the left, its column a guess (flagged so). The sums fail through the
    # column it was put in; put in any other blank part column, they would cross there just as
    # well: "自然人应为0" names a cell by the guess, not by the evidence. The row is still named.
    report = load_report(FIXTURES / "converters" / name)
    assert "已自左向右放置" in next(f.message for f in report.flags if f.cell == f"section3.{row}")
    findings = check(report)
    assert not any(cell.startswith(f"section3.{row}.") for cell, _ in suggested_fixes(findings))
    assert any(f"section3.{row}.natural" in f.cells and f.severity == "doubt" for f in findings)


def test_no_value_suggested_from_sums_through_a_row_placed_from_the_left():
    from core.pipeline import load_report
    from tests.core.check.test_rules import FIXTURES

    # bench/glued_suggestions.py --seed 50009 --blank: a 2019 表三 glued as docx2txt prints it,
    # zeros blank; 「四、结转下年度」 prints 法律服务机构 1 (truth 0). 「二、上年结转」 prints only
    # 社会公益组织 183 and its 总计 183: with no trace of its blanks the parser puts 183 under
    # 自然人. The 自然人 column then fails through it (2036 + 183 ≠ 2029 + 结转), and "结转下年度
    # 自然人 = 190" balanced it with the misplaced 183 (truth 7): an auditor accepting it would
    # write a wrong number. The failing sum is 存疑 and names the row placed by guess, no value.
    findings = check(load_report(FIXTURES / "converters" / "glued50009-r0006.docx2txt.txt"))
    natural = [f for f in findings if f.rule == "T3-1" and "section3.carried_over.natural" in f.cells]
    assert natural and all(f.severity == "doubt" for f in natural)
    assert "二、上年结转" in natural[0].message and "自左向右放置" in natural[0].message
    assert ("section3.carried_forward.natural", 190) not in suggested_fixes(findings)
    assert suggested_fixes(findings) == set()
