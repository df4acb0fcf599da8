"""表二's fee printed with its own unit under the template's 「本年收费金额（单位：万元）」: a sum in 元
is converted to 万元 and flagged as converted, wherever the parser reads the row from (here glued_t2,
the runs after 表二's labels: the w3m output splits the table's heading over two lines)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import ERROR, check
from core.parse.parser import parse
from core.readers.dispatch import read_document
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
W3M = ZOO / "w1903-r0002-wps-html-w3m.txt"
FEE = "section2.fees.amount"


def test_a_fee_in_yuan_under_a_wan_yuan_header_is_read_in_wan_yuan_and_flagged():
    # 「行政事业性收费          1000元」: 1000 元 is 0.1 万元. Before: the row's run stopped at 元 and
    # 1000 was stored as 1000 万元, with no flag (silent, 10 000 times too large)
    report, wrong, silent = read_against_truth(W3M)
    assert report.value(FEE) == 0.1
    assert report.cells[FEE].raw == "1000元"
    assert [f.message for f in report.flags if f.cell == FEE] == ["金额单位为元（1000元），已换算为万元"]
    assert [f.kind for f in report.flags if f.cell == FEE] == ["unit"]
    assert FEE not in wrong and silent == []
    # the conversion is told, not cried as an error
    assert not [f for f in check(report) if f.severity == ERROR and FEE in f.cells]


def _fee_printed_as(printed: str):
    text = W3M.read_text(encoding="utf-8").replace("行政事业性收费          1000元", f"行政事业性收费          {printed}")
    assert printed in text
    return parse(read_document(str(W3M), text.encode("utf-8")))


@pytest.mark.parametrize("printed, value, converted", [
    ("1000元", 0.1, True), ("1,000元", 0.1, True), ("1000 元", 0.1, True), ("１０００元", 0.1, True),
    ("25100元", 2.51, True),
    ("0.1", 0.1, False), ("0.1万元", 0.1, False), ("1000", 1000, False),  # in 万元 already: as printed
])
def test_a_fee_is_converted_only_when_its_unit_is_yuan(printed, value, converted):
    report = _fee_printed_as(printed)
    assert report.value(FEE) == value
    assert bool([f for f in report.flags if f.cell == FEE and f.kind == "unit"]) is converted
