"""Two years of 南浔市公安局 whose 2025 表三 leaves 总计 empty as a whole (the rules' one warning:
「表三的「总计」未填写（整列空白）」). The cross-year rules read that column as 0: X-1 said
「「总计」列：本年报告「上年结转」0件，上年报告「结转下年度」41件」 of a total the report never
printed, and X-4 would set a stated change of applications against a 总计 of 0; the comparison drew each of
the column's cells 变为0 (qa26)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from core.check.cross_year import carried_over_rule, stated_change_rule
from core.check.rules import check
from core.pipeline import load_report

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
LAST_YEAR = ZOO / "p8383-r0013-pdftotext-gbk.txt"  # 2024: 表三 总计 printed (新收 779, 结转下年度 41)
THIS_YEAR = ZOO / "q5353-r0021-web-gbk.html"  # 2025: 总计 column empty (quirk empty_total)


def test_x1_compares_no_cell_of_an_empty_total_column():
    previous, current = load_report(LAST_YEAR), load_report(THIS_YEAR)
    assert any("总计」未填写（整列空白）" in f.message for f in check(current))
    assert previous.cells["section3.carried_forward.total"].value == 41
    compared = {cell for f in carried_over_rule(previous, current) for cell in f.cells}
    # the columns both years printed are still compared (this zoo's years are not consistent)
    assert compared == {"section3.carried_over.natural", "section3.carried_over.commercial",
                        "section3.carried_over.legal"}
    # nor the other way round: last year's empty 总计 against this year's printed one
    assert "section3.carried_over.total" not in {c for f in carried_over_rule(current, previous) for c in f.cells}


def test_x4_sets_no_stated_change_against_an_empty_total_column():
    """The prose says applications fell 42.9 % (the columns this year add up to 388+31+26 = 445
    against last year's 779): right, though the empty 总计 reads 0, "本年0件"."""
    previous, current = load_report(LAST_YEAR), load_report(THIS_YEAR)
    assert previous.cells["section3.new.total"].value == 779
    said = current.text + "\n本年度共收到政府信息公开申请445件，同比减少42.9%。\n"
    current = dataclasses.replace(current, text=said)
    assert [f for f in stated_change_rule(previous, current) if "section3.new.total" in f.cells] == []


def test_the_comparison_draws_no_change_into_an_empty_total_column():
    """The two years side by side (Ctrl+D): 2024's 779 against 2025's empty 总计 was drawn 变为0
    (dark orange) and counted n→0, 10 such cells in 表三; they cannot be compared."""
    from core.compare.comparison import Comparison
    from core.compare.diff import UNKNOWN
    from core.review.edits import ReportReview

    comparison = Comparison(ReportReview(load_report(LAST_YEAR)), ReportReview(load_report(THIS_YEAR)))
    change = comparison.change_at("section3.new.total")
    assert (change.previous, change.current, change.kind) == (779, None, UNKNOWN)
    assert comparison.change_at("section3.new.natural").kind != UNKNOWN  # 611 → 388, printed both years
    assert comparison.counts["section3"].to_json() == {"changed": 28, "unchanged": 5, "became_nonzero": 4,
                                                       "became_zero": 9}
