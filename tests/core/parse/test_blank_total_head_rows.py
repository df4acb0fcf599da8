"""Rows 一 and 二 of a 2019 表三 leaving its 总计 column blank, printed by plain pdftotext as column
blocks (tests/fixtures/zoo/README.md: q7102-r0007-pdftotext-utf-8): with no row sum, only the
printed order tells the two rows' values of a column apart."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_two_values_of_a_column_each_printed_alone_are_flagged_not_placed_silently():
    # 其他 prints 1 (二's) and 33 (一's) each as a text block of its own, 二's before 一's; the
    # sums (一 + 二 = （七）+ 四) hold with the two traded. Read as printed in order they were
    # traded with nothing said: now both cells are 存疑, the auditor told to check the source
    report, wrong, silent = read_against_truth(ZOO / "q7102-r0007-pdftotext-utf-8.txt")
    assert silent == []
    doubted = {f.cell: f.message for f in report.flags if f.kind == "parse"}
    for row in ("new", "carried_over"):
        assert "无法确定" in doubted[f"section3.{row}.other"]
    # the values printed in the header's block (一's 704 7 17, the first row under its words) are sure
    assert t3_row(report, "new")[:3] == [704, 7, 17]
    assert not any(cell.startswith(("section3.new.", "section3.carried_over.")) and not cell.endswith(".other")
                   for cell in doubted)
    assert {report.value("section3.new.other"), report.value("section3.carried_over.other")} == {1, 33}
