"""错误 must mean the report is wrong: a failure through a cell the parser was unsure of is 存疑."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from core.check.rules import DOUBT, ERROR, check
from core.model import Flag
from core.pipeline import load_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CONVERTERS = FIXTURES / "converters"


def test_a_consistent_report_misread_in_reading_order_shows_doubt_not_error():
    # plain pdftotext prints some rows' values apart from their labels: the parser flags them
    report = load_report(CONVERTERS / "zoo-r0019.pdftotext.txt")
    findings = [f for f in check(report) if f.rule.startswith(("T3", "T4"))]
    assert findings, "the misreading shows"
    assert {f.severity for f in findings} == {DOUBT}
    flagged = {f.cell for f in report.flags}
    assert all(any(c.rsplit(".", 1)[0] in flagged for c in f.cells) for f in findings)
    assert all("可能是读取问题" in f.message for f in findings)


def test_pdf_reading_order_that_moves_table_four_totals_is_put_back_by_the_group_sums():
    # huaian: "72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20"; the report is consistent
    report = load_report(FIXTURES / "exports" / "huaian.pdftotext.txt")
    truth = json.loads((FIXTURES / "huaian-2024.expected.json").read_text(encoding="utf-8"))["section4"]
    assert {g: {c: report.value(f"section4.{g}.{c}") for c in v} for g, v in truth.items()} == truth
    assert [f for f in check(report) if f.rule.startswith("T4")] == []
    assert "section4" in {f.cell for f in report.flags}


def test_a_failure_through_a_flagged_cell_is_doubt_and_names_it():
    report = copy.deepcopy(load_report(FIXTURES / "corpus" / "003_2385a1ea8664f14a.txt"))
    report.cells["section3.granted.natural"].value += 1
    assert {f.severity for f in check(report) if f.rule.startswith("T3")} == {ERROR}  # read for sure
    report.flags.append(Flag("section3.granted", "parse", "「（一）予以公开」行印有6个数值，模板为7列"))
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert findings and {f.severity for f in findings} == {DOUBT}
    assert all("（一）予以公开" in f.message and "印有6个数值" in f.message for f in findings)
