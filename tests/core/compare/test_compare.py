"""Two years of one agency: pairing, the changed cells, and the cross-year rules X-1..X-4.

The pairs are in tests/fixtures/compare/ (built by make_compare.py from the real 淮安 2024 numbers
and the 2019-template report of 某某县 2020); the expected changes below are read off those
numbers by hand.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.cross_year import REUSE_THRESHOLD, prose_numbers, text_reuse
from core.check.rules import check
from core.compare.comparison import Comparison, PairError
from core.compare.diff import BECAME_NONZERO, BECAME_ZERO, DOWN, UNCHANGED, UP, ZERO_BOTH
from core.compare.pairing import consecutive_pairs, normalise_agency, same_agency
from core.model import Report
from core.pipeline import load_report, report_files
from core.review.edits import CellEdit, ReportReview
from core.template import counterpart, tables

COMPARE = Path(__file__).resolve().parents[2] / "fixtures" / "compare"
HUAIAN_2023 = COMPARE / "huaian" / "淮安市人民政府办公室2023年报告.txt"
HUAIAN_2024 = COMPARE / "huaian" / "淮安市人民政府办公室2024年报告.txt"
COUNTY_2020 = COMPARE / "county" / "某某县人民政府办公室2020年报告.txt"
COUNTY_2021 = COMPARE / "county" / "某某县人民政府办公室2021年报告.txt"

# 2023 → 2024, by hand from make_compare.huaian_2023: the 19 cells that differ.
CHANGED = {
    "section2.rules.issued": (2, 1), "section2.rules.in_force": (10, 11),
    "section2.normative_docs.issued": (10, 8), "section2.normative_docs.repealed": (3, 26),
    "section2.normative_docs.in_force": (84, 66),
    "section2.licensing.decisions": (400000, 447228), "section2.coercion.decisions": (90000, 88283),
    "section3.new.natural": (2716, 3001), "section3.new.total": (2834, 3119),
    "section3.carried_over.natural": (50, 34), "section3.carried_over.total": (50, 34),
    "section3.granted.natural": (1088, 1288), "section3.granted.total": (1162, 1362),
    "section3.total.natural": (2732, 2932), "section3.total.total": (2850, 3050),
    "section3.carried_forward.natural": (34, 103), "section3.carried_forward.total": (34, 103),
    "section4.review.maintained": (60, 72), "section4.review.total": (339, 351),
}


@pytest.fixture(scope="module")
def huaian():
    before, now = load_report(HUAIAN_2023), load_report(HUAIAN_2024)
    assert check(before) == [] and check(now) == []  # both years add up on their own
    return before, now


def rewritten(tmp_path: Path, source: Path, name: str, *replacements: tuple[str, str]) -> Report:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return load_report(target)


# --- pairing ------------------------------------------------------------------------------------

def test_agency_names_pair_across_width_spaces_and_brackets():
    assert normalise_agency("淮安市 人民政府办公室") == normalise_agency("淮安市人民政府办公室")
    assert same_agency("某市（自然资源）局", "某市(自然资源)局")
    assert same_agency("某市·自然资源局", "某市自然资源局")
    # the office of a government is another agency than the government itself
    assert not same_agency("某区人民政府办公室", "某区人民政府")
    assert not same_agency("某区人民政府办", "某区人民政府办公室")
    assert not same_agency(None, None)


def test_a_folder_pairs_consecutive_years_of_each_agency():
    reports = [load_report(p) for p in report_files(COMPARE)]
    pairs = consecutive_pairs(reports, lambda r: r.agency, lambda r: r.year)
    assert [(a.agency, a.year, b.year) for a, b in pairs] == [
        ("某某县人民政府办公室", 2020, 2021), ("淮安市人民政府办公室", 2023, 2024)]


def test_different_agencies_or_the_same_year_are_refused(huaian):
    before, now = huaian
    with pytest.raises(PairError, match="不是同一单位"):
        Comparison(load_report(COUNTY_2021), now)
    with pytest.raises(PairError, match="同一年度"):
        Comparison(now, now)


# --- a consistent pair of real scale ------------------------------------------------------------------

def test_a_consistent_pair_has_no_finding_and_exactly_the_changed_cells(huaian):
    comparison = Comparison(*huaian)
    assert comparison.findings == []
    assert {c.path: (c.previous, c.current) for c in comparison.changes()} == CHANGED
    assert {s: n.changed for s, n in comparison.counts.items()} == \
        {"section2": 7, "section3": 10, "section4": 2}
    kinds = {c.path: c.kind for c in comparison.cells}
    assert kinds["section3.new.total"] == UP and kinds["section3.carried_over.total"] == DOWN
    assert kinds["section2.punishment.decisions"] == UNCHANGED
    assert kinds["section3.new.research"] == ZERO_BOTH  # 0 both years: not counted
    t3 = comparison.counts["section3"]
    # 表三 holds 175 cells; those non-zero in some year: rows new, carried_over, granted, partial,
    # the denied/unable/not-processed rows and （六） with values, total, carried_forward
    assert t3.changed + t3.unchanged == sum(1 for c in comparison.cells
                                            if c.section == "section3" and c.kind != ZERO_BOTH)


def test_the_order_given_does_not_matter(huaian):
    before, now = huaian
    comparison = Comparison(now, before)
    assert (comparison.previous.report.year, comparison.current.report.year) == (2023, 2024)


def test_from_zero_and_to_zero_are_their_own_kinds(huaian):
    before, now = huaian
    review = ReportReview(now, [CellEdit("section3.new.research", 0, 5), CellEdit("section3.partial.commercial", 7, 0)])
    kinds = {c.path: c.kind for c in Comparison(before, review).cells}
    assert kinds["section3.new.research"] == BECAME_NONZERO
    assert kinds["section3.partial.commercial"] == BECAME_ZERO
    counts = Comparison(before, review).counts["section3"]
    assert (counts.became_nonzero, counts.became_zero) == (1, 1)


# --- X-1 .. X-4 ----------------------------------------------------------------------------------------

def test_one_column_of_carried_over_off_gives_exactly_one_x1_naming_it(huaian):
    before, now = huaian
    # the auditor's correction is what gets compared
    review = ReportReview(now, [CellEdit("section3.carried_over.natural", 34, 35)])
    comparison = Comparison(before, review)
    x1 = [f for f in comparison.findings if f.rule == "X-1"]
    assert [(f.cells, f.expected, f.actual) for f in x1] == [(["section3.carried_over.natural"], 34, 35)]
    assert Comparison.previous_cells(x1[0]) == ["section3.carried_forward.natural"]
    assert [f.rule for f in comparison.findings] == ["X-1"]


def test_x2_in_force_must_follow_from_last_year(huaian):
    before, now = huaian
    review = ReportReview(now, [CellEdit("section2.normative_docs.in_force", 66, 70)])
    x2 = [f for f in Comparison(before, review).findings if f.rule == "X-2"]
    assert [(f.cells, f.expected, f.actual) for f in x2] == [(["section2.normative_docs.in_force"], 66, 70)]


def test_a_re_dated_copy_gives_x3(tmp_path, huaian):
    before, _ = huaian
    # last year's text word for word with this year's date; one figure of the table changed
    copy = rewritten(tmp_path, HUAIAN_2023, "copy.txt", ("2023", "2024"), ("行政许可\t400000", "行政许可\t400001"))
    comparison = Comparison(before, copy)
    x3 = [f for f in comparison.findings if f.rule == "X-3"]
    assert len(x3) == 1 and "正文" in x3[0].message and x3[0].actual == 1.0
    assert comparison.reuse.overall == 1.0


def test_a_rewritten_year_stays_under_the_reuse_threshold(huaian):
    reuse = text_reuse(*huaian)
    # only 下一步将加强业务培训，提升答复质量。 (16 of 30 characters of 五) is repeated; 六 is fixed wording
    assert reuse.sections["五"].share == pytest.approx(16 / 32, abs=0.05)
    assert reuse.sections["六"].share is None
    assert reuse.overall < REUSE_THRESHOLD
    repeated = [s for s, same in reuse.sections["五"].current if same]
    assert repeated == ["下一步将加强业务培训，提升答复质量。"]


def test_a_growth_rate_the_tables_contradict_gives_x4(tmp_path, huaian):
    before, _ = huaian
    # 2834 → 3119 is +10.06 %; the text claims 12.5 %
    wrong = rewritten(tmp_path, HUAIAN_2024, "wrong.txt", ("同比增长10.06%", "同比增长12.5%"))
    x4 = [f for f in Comparison(before, wrong).findings if f.rule == "X-4"]
    assert [(f.cells, f.expected, f.actual) for f in x4] == [(["section3.new.total"], 10.06, 12.5)]


def test_a_stated_count_change_and_a_stated_level_are_checked(tmp_path, huaian):
    before, _ = huaian
    # 行政复议 339 → 351: 增加12件 is right, 减少12件 and 持平 are not
    fewer = rewritten(tmp_path, HUAIAN_2024, "fewer.txt", ("较上年增加12件", "较上年减少12件"))
    level = rewritten(tmp_path, HUAIAN_2024, "level.txt", ("较上年增加12件", "与上年持平"))
    for report in (fewer, level):
        x4 = [f for f in Comparison(before, report).findings if f.rule == "X-4"]
        assert [f.cells for f in x4] == [["section4.review.total"]]
        assert x4[0].expected == 12


def test_the_prose_numbers_come_with_their_sentence(huaian):
    stated = {n.topic: (n.value, n.sentence) for n in prose_numbers(huaian[1])}
    assert stated["收到申请"][0] == 3119 and "同比增长10.06%" in stated["收到申请"][1]
    assert stated["结转下年度"][0] == 103
    assert stated["行政复议"] == (351, "行政复议351件，较上年增加12件。")


# --- across template versions ----------------------------------------------------------------------------

def test_a_2019_template_year_compares_row_by_row_with_a_2021_year():
    before, now = load_report(COUNTY_2020), load_report(COUNTY_2021)
    assert (before.template, now.template) == ("2019", "2021")
    comparison = Comparison(before, now)
    by_path = {c.path: c for c in comparison.cells}
    # 表三 and 表四 match row by row except （六）: 24 rows × 7 + 15 = 183 cells... minus the 2021 （六）1–3
    assert len([c for c in comparison.cells if c.section == "section3"]) == 22 * 7
    assert len([c for c in comparison.cells if c.section == "section4"]) == 15
    assert "section3.other_processing.total" in comparison.only_previous
    assert "section3.other_no_correction.total" in comparison.only_current
    # 本年新制作数量 (2019) is 本年制发件数 (2021)
    docs = by_path["section2.normative_docs.issued"]
    assert (docs.previous_path, docs.previous, docs.current, docs.kind) == \
        ("section2.normative_docs.new_made", 3, 4, UP)
    assert by_path["section2.licensing.decisions"].previous == 1036
    assert "section2.normative_docs.in_force" in comparison.only_current
    # 2021's 上年结转 is 2020's 结转下年度 column by column; X-2 needs 2021 on both sides
    assert comparison.findings == []
    assert by_path["section3.carried_over.total"].previous == 2 and by_path["section3.carried_over.total"].current == 4


# --- the X rules in a report's own checks, when the folder holds the year before ------------------------

def test_a_report_linked_to_its_previous_year_gets_the_x_rules_in_its_findings(huaian):
    from core.compare.years import link_previous_years, next_years

    before, now = ReportReview(huaian[0]), ReportReview(huaian[1])
    other = ReportReview(load_report(COUNTY_2021))
    assert link_previous_years([now, other, before]) == [now]
    assert now.previous_year is before and before.previous_year is None and other.previous_year is None
    assert next_years(before, [now, other, before]) == [now]
    assert now.findings() == []
    # an auditor's correction of last year's 结转下年度 shows as X-1 in this year's report
    before.apply(CellEdit("section3.carried_forward.natural", 34, 40))
    assert [(f.rule, f.cells, f.expected, f.actual) for f in now.findings()] == [
        ("X-1", ["section3.carried_over.natural"], 40, 34)]
    assert link_previous_years([now, other, before]) == []  # nothing changed


def test_cells_only_one_template_version_has_are_listed_apart_and_never_counted():
    """2020 (2019 trial template) beside 2021: the 24 cells only 2019 has (上一年项目数量, 本年增/减,
    政府集中采购, the single （六）其他处理 row …) and the 26 only 2021 has (本年废止件数, 现行有效件数,
    the fee, （六）1–3) are no changes: by hand from the two fixture texts, 表二 changes 3 cells
    (规范性文件 3 → 4, 行政许可 1036 → 1100, 行政强制 3 → 0), 表三 30, 表四 2 — not the 54 more a
    version-blind diff gives."""
    comparison = Comparison(load_report(COUNTY_2020), load_report(COUNTY_2021))
    assert {s: c.changed for s, c in comparison.counts.items()} == {"section2": 3, "section3": 30, "section4": 2}
    before, now = comparison.one_version_cells("previous"), comparison.one_version_cells("current")
    assert (len(before), len(now)) == (24, 26)
    assert ("section3.other_processing.natural", 1) in before and ("section2.procurement.amount", 356.8) in before
    assert ("section3.other_no_correction.total", 1) in now and ("section2.normative_docs.in_force", 27) in now
    assert comparison.one_version_cells("previous", "section4") == []
    data = comparison.to_json()
    assert data["changed"] == {"section2": 3, "section3": 30, "section4": 2}
    assert {"cell": "section3.other_processing.total", "value": 1} in data["only_one_version"]["previous"]
    assert {"cell": "section2.normative_docs.repealed", "value": 2} in data["only_one_version"]["current"]
    compared = {c["cell"] for c in data["cells"]}
    assert not compared & {e["cell"] for e in data["only_one_version"]["current"]}


def test_a_stated_change_is_checked_against_last_years_cell_in_its_own_template_version(tmp_path):
    """X-4 across versions: 2021's prose says 规范性文件 rose by 2; 2021 本年制发件数 is 4, 2020's
    本年新制作数量 (the 2019 template's key for it) is 3: a rise of 1. Without mapping the key last
    year's cell was "missing" and the rule said nothing."""
    now = rewritten(tmp_path, COUNTY_2021, "某某县人民政府办公室2021年报告.txt",
                    ("结转下年度继续办理3件。", "结转下年度继续办理3件。全年制发规范性文件4件，同比增加2件。"))
    comparison = Comparison(load_report(COUNTY_2020), now)
    x4 = [f for f in comparison.findings if f.rule == "X-4"]
    assert [(f.cells, f.expected, f.actual) for f in x4] == [(["section2.normative_docs.issued"], 1, 2)]
    assert comparison.cells_before(x4[0]) == ["section2.normative_docs.new_made"]
    # a stated rise that is right says nothing
    right = rewritten(tmp_path, COUNTY_2021, "right.txt",
                      ("结转下年度继续办理3件。", "结转下年度继续办理3件。全年制发规范性文件4件，同比增加1件。"))
    assert [f for f in Comparison(load_report(COUNTY_2020), right).findings if f.rule == "X-4"] == []


def test_a_2021_report_repeating_its_2020_numbers_in_the_new_template_is_called_a_copy(tmp_path):
    """X-3 across versions: 2021's tables hold 2020's (2019 trial template) numbers in every cell
    both templates share (本年制发件数 = 2020's 本年新制作数量 …), the cells only 2021 has left 0.
    X-3 compared nothing when the versions differed; it says which cells it compared."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_compare", COMPARE / "make_compare.py")
    assert spec and spec.loader
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    before = load_report(COUNTY_2020)
    values = {section: {row.key: {column.key: (before.value(q) if (q := counterpart(f"{section}.{row.key}.{column.key}",
                                                                                     "2021", "2019")) else 0)
                                  for column in row.columns} for row in table.rows}
              for section, table in tables("2021").items()}
    copied = tmp_path / "某某县人民政府办公室2021年报告.txt"
    copied.write_text(make.render_2021("某某县人民政府办公室", 2021, values, "2021年，全县工作平稳有序。", "无。", "无。"),
                      encoding="utf-8")
    now = load_report(copied)
    assert now.template == "2021" and now.value("section2.normative_docs.issued") == 3
    x3 = [f for f in Comparison(before, now).findings if f.rule == "X-3"]
    assert [(f.cells, f.message) for f in x3] == [(["section2", "section3", "section4"],
                                                   "疑似照抄上年报告：三张统计表中两版模板共有的单元格，数据与上年完全相同")]
    # the county's real 2021 numbers differ: nothing (test_a_2019_template_year_compares_row_by_row…)
