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
