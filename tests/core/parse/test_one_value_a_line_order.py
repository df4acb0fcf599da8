"""A Word table saved as text (LibreOffice's .txt, mammoth's markdown) prints one cell a
paragraph: a row's values come in the cells' own order. A row printing its six parts beside an
empty 总计 column (1 1 0 0 0 0 and a blank) was taken as PDF reading order, its second 1 moved
under 总计 because the row then adds up: the column no longer read as empty, and every row with
a count beside its blank 总计 became a false 错误 T3-3 (truth beside each file:
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR, WARNING
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


@pytest.mark.parametrize("name", ["q1501-r0034-lo-txt-gbk.txt", "q1501-r0034-mammoth-md.md"])
def test_a_row_printed_one_value_a_line_keeps_its_order_beside_an_empty_total_column(name):
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "denied_safety_stability") == [1, 1, 0, 0, 0, 0, None]
    assert t3_row(report, "denied_process_info") == [1, 0, 0, 1, 0, 0, None]
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    assert [(f.rule, "整列空白" in f.message) for f in findings if f.severity == WARNING] == [("T3-3", True)]
    assert wrong == [] and silent == []
