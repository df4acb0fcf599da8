"""表三 rows read without their 总计, which plain pdftotext printed apart from the row (p2402
r0004, blank cells leaving no trace: 「总计 16302 170 0 6386」 under the header's word, 「… 337 0 — 0
1507 — 1023 — — 517 …」 after other rows' values). On main 9d948939 一、本年新收's, 6.属于四类过程性信息's,
7.属于行政执法案卷's, 1.本机关不掌握…'s and 2.没有现成信息…'s 总计 were left unread (flagged), each count in
no cell. A count no cell holds that is the sum of a row's two or more counts, and no other such
row's sum, is the row's 总计 (flagged). A row of one count is left: 二、上年结转's 170 is its own
自然人 too. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.parse.stray_totals import STRAY_TOTAL
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_rows_total_printed_apart_is_the_unplaced_count_its_parts_add_up_to():
    report, wrong, silent = read_against_truth(ZOO / "p2402-r0004-pdftotext-utf-8.txt")
    totals = {key: report.value(f"section3.{key}.total") for key in
              ("new", "denied_process_info", "denied_law_enforcement_file", "unable_not_held", "unable_need_creation")}
    assert totals == {"new": 16302, "denied_process_info": 517, "denied_law_enforcement_file": 337,
                      "unable_not_held": 1507, "unable_need_creation": 1023}
    flagged = {f.cell: f.message for f in report.flags}
    assert flagged["section3.new.total"] == STRAY_TOTAL.format("一、本年新收政府信息公开申请数量", 16302)
    assert not {f"section3.{key}.total" for key in totals} & set(wrong)
    assert silent == []


def test_a_row_of_one_count_is_not_given_a_stray_total():
    # 二、上年结转 reads 170 0 0 0 0 and its 总计 unread: 170 printed apart is its 总计 (the truth), but a
    # row of one count sums to that count, which another cell may print as readily: left unread
    report, _, silent = read_against_truth(ZOO / "p2402-r0004-pdftotext-utf-8.txt")
    assert report.value("section3.carried_over.total") is None
    assert report.cells["section3.carried_over.total"].state == "missing"
    assert silent == []
