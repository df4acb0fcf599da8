"""Full-width digits (１２３, TEMPLATE.md "What real files look like") read as the digits they are,
also where a converter glues a table's cells into runs: docx2txt's text of a Word report printing
its numbers full-width, from the zoo's --quirks build (truth beside it: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_glued_full_width_runs_are_cut_as_ascii_ones_are():
    # 「６１８３９///３５７４６二、上年结转…」: 一's cells glued to the next row's label, as docx2txt prints
    # a table. The runs of glued values were found by ASCII digits only: every 表三 row read
    # 未印出数值 (the table lost, flagged) and the planted typo (商业企业 39 for 93) went unfound
    report, wrong, silent = read_against_truth(ZOO / "quirks801-r0034-docx2txt.txt")
    assert t3_row(report, "new") == [618, 39, None, None, None, 35, 746]
    assert t3_row(report, "granted") == [277, 40, None, None, None, 19, 336]
    assert ("section3.new.commercial", 93) in suggested_fixes(check(report))
    assert wrong == [] and silent == []


def test_glued_full_width_zeros_are_cut_one_cell_each():
    # 「２０４０００１２５二、上年结转…」: every cell printed, 0 included. The glued readers tested a
    # cell's leading "0" and its digits 1-9 by ASCII character: "０００" read as one cell, the row
    # as 20 4 1 and three blanks placed from the left (12 cells wrong, flagged, on 0e390b8)
    report, wrong, silent = read_against_truth(ZOO / "quirks3344-r0040-docx2txt.txt")
    assert t3_row(report, "new") == [20, 4, 0, 0, 0, 1, 25]
    assert t3_row(report, "denied_internal_affairs") == [0, 0, 0, 0, 0, 1, 1]
    assert t3_row(report, "total") == [20, 4, 0, 0, 0, 1, 25]
    assert wrong == [] and silent == []


def test_glued_full_width_rows_of_every_table_read_as_their_ascii_twins_do():
    # 表二's 「其他对外管理服务事项００８３」 is 0 0 83 (no cell starts with a 0), 表三's rows and 表四's
    # run cut by their sums (36 cells wrong on 0e390b8; the 7 left are 表二 runs no rule cuts one
    # way, 「行政处罚５６９５８０」, unread and flagged, as in ASCII)
    report, wrong, silent = read_against_truth(ZOO / "quirks3344-r0037-docx2txt.txt")
    assert [report.value(f"section2.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [0, 0, 83]
    assert t3_row(report, "new") == [358, 65, 0, 0, 0, 12, 435]
    assert t3_row(report, "denied_process_info") == [8, 2, 0, 0, 0, 1, 11]
    assert t3_row(report, "total") == [383, 59, 0, 0, 0, 12, 454]
    assert [report.value(f"section4.litigation_after_review.{c}") for c in
            ("maintained", "corrected", "other", "pending", "total")] == [17, 0, 0, 0, 17]
    assert sorted(w.split(".")[1] for w in wrong) == ["fees"] * 2 + ["procurement"] * 2 + ["punishment"] * 3
    assert silent == []
