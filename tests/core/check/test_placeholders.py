"""Placeholder zeros ("—") in 表三/表四 count as 0, so the checks still see every equation.

The fixtures are `w3m -dump` of a report page whose zeros of 表三/表四 print as "—"
(tests/fixtures/converters/README.md says how they were made).
"""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import PLACEHOLDER
from core.pipeline import load_report
from core.export.report_json import report_json

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_a_typo_among_placeholder_zeros_is_found_and_fixed():
    # 2.其他法律行政法规禁止公开 prints 自然人 1 and "—" everywhere else, 总计 "—" included
    report = load_report(CONVERTERS / "dash-typo.w3m.txt")
    findings = [f for f in check(report) if f.rule.startswith("T3")]
    assert findings, "the typo must not hide behind the placeholders"
    cell = "section3.denied_law_forbidden.natural"
    assert all(cell in f.cells for f in findings)
    assert {f.suggestion.cell for f in findings} == {cell}
    assert {f.suggestion.value for f in findings} == {0}
    row_rule = next(f for f in findings if f.rule == "T3-3")
    assert row_rule.severity == "error"
    assert "「—」" in row_rule.message and "按0计算" in row_rule.message


def test_placeholders_stay_distinct_from_zero_and_print_as_null():
    report = load_report(CONVERTERS / "dash-ok.w3m.txt")
    cell = report.cells["section3.new.research"]
    assert (cell.state, cell.raw, cell.value, cell.arithmetic) == (PLACEHOLDER, "—", None, 0)
    assert report_json(report)["section3"]["new"]["research"] is None
    assert [f for f in check(report) if f.severity == "error"] == []
