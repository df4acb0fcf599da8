"""Each rule of TEMPLATE.md: it fires on a report that breaks it, names the cells, stays quiet otherwise."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from core.check.cross_year import cross_year
from core.model import BLANK, BLANK_TEMPLATE, NUMBER, PLACEHOLDER, CellValue, blank_template
from core.pipeline import load_report
from core.check.rules import check

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED_001 = FIXTURES / "corpus" / "001_2b6e7661ff84f527.txt"
SEED_003 = FIXTURES / "corpus" / "003_2385a1ea8664f14a.txt"
PDF = FIXTURES / "corpus" / "huaian-2024.pdf"


@pytest.fixture(scope="module")
def clean():
    report = load_report(SEED_003)
    assert check(report) == []  # the base every test breaks on purpose
    return report


def with_values(report, **cells):
    out = copy.deepcopy(report)
    for key, value in cells.items():
        path = key.replace("__", ".")
        out.cells[path] = CellValue(value, NUMBER, str(value))
    return out


def rules_of(findings):
    return sorted({f.rule for f in findings})


def test_the_real_pdf_and_seed_001_are_consistent():
    assert check(load_report(PDF)) == []
    # seed 001's prose says 收到110件 while (七)总计 is 112 (it also counts the 12 carried over)
    assert check(load_report(SEED_001)) == []


def test_planted_wrong_cell_is_named_with_the_right_value(clean):
    report = with_values(clean, section3__granted__natural=15)  # printed 12
    findings = check(report)
    assert rules_of(findings) == ["T3-2", "T3-3"]
    for finding in findings:
        assert "section3.granted.natural" in finding.cells
        assert finding.suggestion.cell == "section3.granted.natural"
        assert finding.suggestion.value == 12


def test_t3_1_new_plus_carried_equals_total_plus_carried_forward(clean):
    # 结转 4 instead of 0 in the 总计 column breaks T3-1 and the row sum of 四
    findings = check(with_values(clean, section3__carried_forward__total=4))
    t31 = [f for f in findings if f.rule == "T3-1"]
    assert len(t31) == 1 and t31[0].cells == ["section3.new.total", "section3.carried_over.total",
                                              "section3.total.total", "section3.carried_forward.total"]
    assert (t31[0].expected, t31[0].actual) == (23, 27)
    assert t31[0].suggestion.cell == "section3.carried_forward.total" and t31[0].suggestion.value == 0


def test_t3_2_total_row_is_the_sum_of_result_rows(clean):
    findings = check(with_values(clean, section3__total__natural=24, section3__total__total=24))
    t32 = [f for f in findings if f.rule == "T3-2"]
    assert {f.cells[0] for f in t32} == {"section3.total.natural", "section3.total.total"}
    assert all(f.expected == 23 and f.actual == 24 for f in t32)


def test_t3_3_row_total_is_the_sum_of_applicants(clean):
    findings = check(with_values(clean, section3__partial__total=3))
    t33 = [f for f in findings if f.rule == "T3-3"]
    assert len(t33) == 1 and t33[0].expected == 2 and t33[0].actual == 3
    assert "自然人" in t33[0].message and "部分公开" in t33[0].message


def test_t3_4_counts_are_whole_and_not_negative(clean):
    findings = check(with_values(clean, section3__granted__commercial=-1))
    assert any(f.rule == "T3-4" and f.cells == ["section3.granted.commercial"] for f in findings)
    findings = check(with_values(clean, section3__granted__research=0.5))
    assert any(f.rule == "T3-4" and f.cells == ["section3.granted.research"] for f in findings)


@pytest.mark.parametrize("group,rule", [("review", "T4-1"), ("litigation_direct", "T4-2"),
                                        ("litigation_after_review", "T4-3")])
def test_t4_groups_add_up(clean, group, rule):
    total = clean.value(f"section4.{group}.total")
    findings = check(with_values(clean, **{f"section4__{group}__total": total + 1}))
    assert [f.rule for f in findings] == [rule]
    assert findings[0].expected == total and findings[0].actual == total + 1


def test_t4_4_and_t2_1_value_kinds(clean):
    assert "T4-4" in rules_of(check(with_values(clean, section4__review__pending=-2)))
    assert "T2-1" in rules_of(check(with_values(clean, section2__licensing__decisions=1.5)))
    assert "T2-1" in rules_of(check(with_values(clean, section2__fees__amount=-3.0)))
    assert "T2-1" not in rules_of(check(with_values(clean, section2__fees__amount=3.25)))


def test_t2_2_issued_cannot_exceed_in_force_plus_repealed(clean):
    findings = check(with_values(clean, section2__normative_docs__issued=60))  # 44 in force + 13 repealed
    t22 = [f for f in findings if f.rule == "T2-2"]
    assert len(t22) == 1 and t22[0].severity == "warning" and t22[0].expected == 57


def test_t2_3_fee_in_yuan(clean):
    report = copy.deepcopy(clean)
    report.cells["section2.fees.amount"] = CellValue(25.1, NUMBER, "251000元")
    assert "T2-3" in rules_of(check(report))
    assert "T2-3" in rules_of(check(with_values(clean, section2__fees__amount=5_000_000)))


def test_n_1_prose_numbers_against_tables(clean):
    report = copy.deepcopy(clean)
    report.text += "\n六、其他需要报告的事项\n本年度共收到政府信息公开申请30件，发生行政复议9件。\n"
    findings = [f for f in check(report) if f.rule == "N-1"]
    assert {tuple(f.cells) for f in findings} == {("section3.new.total",), ("section4.review.total",)}


def test_n_1_reads_numbers_after_the_longest_leads(clean):
    # Each pattern is tried only near its words (received, carried forward, review, litigation):
    # the numbers of sentences opening with the longest leads are read all the same.
    def value(path):
        return clean.cells[path].value or 0
    litigation = value("section4.litigation_direct.total") + value("section4.litigation_after_review.total")
    report = copy.deepcopy(clean)
    report.text += (f"\n六、其他需要报告的事项\n本年度受理政府信息公开申请{value('section3.new.total') + 100}件。"
                    f"另有{value('section3.carried_forward.total') + 7}件申请将全部结转下一年度。"
                    f"被申请行政复议{value('section4.review.total') + 3}件，被提起行政诉讼{litigation + 2}起。\n")
    findings = [f for f in check(report) if f.rule == "N-1"]
    assert sorted(f.expected - f.actual for f in findings) == [2, 3, 7, 100]


def test_n_1_does_not_take_a_review_application_for_an_information_request(clean):
    report = copy.deepcopy(clean)
    report.text += "\n本年度收到行政复议申请5件。共收到政府信息公开申请22件。\n"
    assert "N-1" not in rules_of(check(report))


def test_n_1_accepts_new_plus_carried_over(clean):
    report = copy.deepcopy(clean)
    report.text += "\n本年度共收到政府信息公开申请23件。\n"  # 22 new + 1 carried over
    assert "N-1" not in rules_of(check(report))


def test_n_2_prose_claims_against_tables(clean):
    report = with_values(clean, section4__review__corrected=1, section4__review__total=6)
    report.text += "\n行政复议案件均获维持。\n"
    assert "N-2" in rules_of(check(report))
    report = copy.deepcopy(clean)
    report.text += "\n本年度未收到政府信息公开申请。\n"
    assert "N-2" in rules_of(check(report))


def test_d_1_title_year_and_statistics_period(clean):
    report = copy.deepcopy(clean)
    report.period_year = 2020
    assert [f.rule for f in check(report)] == ["D-1"]


def test_d_2_missing_sections_and_tables(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    cut = text[: text.index("四、政府信息公开行政复议")]
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    findings = [f for f in check(load_report(path)) if f.rule == "D-2"]
    assert len(findings) == 1 and findings[0].severity == "error"
    assert "section4" in findings[0].cells and "五、存在的主要问题及改进情况" in findings[0].message


def test_d_3_template_must_fit_the_year():
    report = load_report(FIXTURES / "report-2019.txt")
    assert "D-3" not in rules_of(check(report))
    report.year = 2022
    assert "D-3" in rules_of(check(report))


def test_a_report_whose_tables_hold_nothing_is_a_blank_template_with_no_findings(clean):
    # Every cell blank: no error (blanks count as 0 and every sum holds) yet nothing was filled in:
    # the blank template (or an unfilled draft), listed as no report with its reason (the parser's
    # problem), not checked (it had a D-4 警告)
    blank = copy.deepcopy(clean)
    blank.cells = {path: CellValue(None, BLANK, "") for path in blank.cells}
    assert blank_template(blank)
    blank.problems.append(BLANK_TEMPLATE)
    assert check(blank) == []
    one_zero = copy.deepcopy(blank)
    one_zero.cells["section4.review.total"] = CellValue(0, NUMBER, "0")  # a table of none prints its 0
    assert not blank_template(one_zero)
    one_mark = copy.deepcopy(blank)
    some_t3_cell = next(path for path in one_mark.cells if path.startswith("section3."))
    one_mark.cells[some_t3_cell] = CellValue(None, PLACEHOLDER, "无")  # or its 无
    assert not blank_template(one_mark)
    two_tables = copy.deepcopy(blank)
    del two_tables.tables[-1]  # a table not found: D-2 says so
    two_tables.problems.remove(BLANK_TEMPLATE)
    assert not blank_template(two_tables) and "D-2" in rules_of(check(two_tables))
    assert not blank_template(clean)


def test_x_rules_across_years(clean):
    previous = copy.deepcopy(clean)
    previous.year = 2020
    current = copy.deepcopy(clean)
    findings = cross_year(previous, current)
    # carried over 1 (this year) vs carried forward 0 (last year): X-1; in force 44 but
    # 44 + 6 issued − 13 repealed = 37: X-2; identical tables: X-3
    assert {f.rule for f in findings} == {"X-1", "X-2", "X-3"}
    assert [f.expected for f in findings if f.rule == "X-2"] == [37]
    x1 = [f for f in findings if f.rule == "X-1"]
    assert [f.cells for f in x1] == [["section3.carried_over.natural"], ["section3.carried_over.total"]]


def test_x2_never_expects_a_negative_count(clean):
    """Last year's 现行有效 0, this year 2 issued and 5 repealed: X-2 said 「= -3件」 and its card
    「应为 -3，本年为 2（差 5）」, a count no report can hold (qa27). It says the repealed are more
    than last year's and this year's together, and expects no value."""
    previous = copy.deepcopy(clean)
    previous.year = 2020
    current = copy.deepcopy(clean)
    for path, value in (("section2.normative_docs.in_force", 0),):
        previous.cells[path] = CellValue(value, NUMBER, str(value))
    for path, value in (("section2.normative_docs.issued", 2), ("section2.normative_docs.repealed", 5),
                        ("section2.normative_docs.in_force", 2)):
        current.cells[path] = CellValue(value, NUMBER, str(value))
    [x2] = [f for f in cross_year(previous, current) if f.rule == "X-2" and "normative_docs" in f.cells[0]]
    assert x2.expected is None and x2.actual == 2
    assert x2.message == "「行政规范性文件」本年废止5件，多于上年现行有效0件与本年制发2件之和（2件），三者至少有一个有误"
    assert "-3" not in x2.message


def test_x_rules_quiet_for_a_consistent_next_year(clean):
    previous = with_values(clean, section3__carried_forward__natural=1, section3__carried_forward__total=1,
                           section3__total__natural=22, section3__total__total=22,
                           section3__granted__natural=11, section3__granted__total=11,
                           section2__normative_docs__in_force=51)
    previous.text = "某区2020年报告。本年度我区工作平稳推进，各项制度进一步完善。"
    assert check(previous) == []
    assert cross_year(previous, clean) == []


def test_d_2_a_table_whose_header_the_text_holds_is_a_reading_problem():
    # antiword kept 表三's header (申请人情况, the 勾稽关系 note) and 表四's column names, but lost the
    # rows and the heading 四: the report is not wrong, the reading is
    report = load_report(FIXTURES / "converters" / "zoo-r0017.antiword.txt")
    findings = [f for f in check(report) if f.rule == "D-2"]
    assert len(findings) == 1 and findings[0].severity == "doubt"
    assert "表三（依申请公开）" in findings[0].message and "可能是读取问题" in findings[0].message
    assert not [f for f in check(report) if f.severity == "error"]


def test_d_2_a_section_holding_only_its_heading_lost_its_table_in_conversion():
    # pandoc's plain text writes "[TABLE]" under 三、收到和处理… for a table too complex for it
    report = load_report(FIXTURES / "converters" / "zoo-r0007.pandoc-docx-plain.txt")
    findings = [f for f in check(report) if f.rule == "D-2"]
    assert len(findings) == 1 and findings[0].severity == "doubt" and findings[0].cells == ["section3"]


def test_t3_4_a_negative_count_in_a_row_placed_by_guess_is_doubt(clean):
    from core.model import Flag

    report = with_values(clean, section3__granted__commercial=-56)
    assert [f.severity for f in check(report) if f.rule == "T3-4"] == ["error"]
    # the row printed too few values; -56 may be a 本年增/减 of 表二 the reading order put here
    report.flags.append(Flag("section3.granted", "parse", "「（一）予以公开」行印有6个数值，模板为7列，请对照原文核对"))
    t34 = [f for f in check(report) if f.rule == "T3-4"]
    assert [f.severity for f in t34] == ["doubt"] and "印有6个数值" in t34[0].message


def test_a_sum_through_an_unread_cell_is_reported_when_no_value_of_it_could_balance(clean):
    # （一）予以公开 prints 自然人 12 and its other parts 0; with its 总计 10, a part left unread (None)
    # can only add to the 12, so the row fails whatever it holds: 存疑, naming the whole row, unread
    # cell included
    report = with_values(clean, section3__granted__total=10)
    report.cells["section3.granted.research"] = CellValue(None, "missing")
    t33 = [f for f in check(report) if f.rule == "T3-3"]
    assert [f.severity for f in t33] == ["doubt"]
    assert "section3.granted.research" in t33[0].cells and "section3.granted.total" in t33[0].cells
    assert "未能从原文读出" in t33[0].message
    # a 总计 of 20: the unread part could be 8, so nothing can be said of the row
    report = with_values(clean, section3__granted__total=20)
    report.cells["section3.granted.research"] = CellValue(None, "missing")
    assert not [f for f in check(report) if f.rule == "T3-3"]


def test_the_sums_count_a_cell_printing_no_value_as_the_model_does():
    # arithmetic_rules reads a cell printing no number by its state instead of asking
    # CellValue.arithmetic of each: blank and placeholder are 0, the others unknown, for every state
    from core import model
    from core.check.rules import _ARITHMETIC_OF_STATE

    states = {v for k, v in vars(model).items() if k.isupper() and isinstance(v, str) and v.islower()}
    assert {"blank", "placeholder", "slash", "missing", "inferred", "number"} <= states
    for state in states:
        assert _ARITHMETIC_OF_STATE.get(state) == model.CellValue(None, state).arithmetic, state
