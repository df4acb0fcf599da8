"""A cell the parser filled in from a sum that runs through a misprint takes the misprint over:
the sums through the filled cell then fail, and the finding must name the misprint, not the
filled cell (which only followed it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR, INFERRED
from core.pipeline import load_report

SEED_000 = Path(__file__).parents[2] / "fixtures" / "corpus" / "000_f621d1f2d2e52411.txt"  # 表三 all 0

# A consistent 表三 (checked by hand): 新收 10 + 结转 2 = 总计 12 + 结转下年度 0; 自然人 9 + 2 = 11,
# 商业企业 1; results 7 + 2 + 1 + 2 = 12, 自然人 6 + 2 + 1 + 2 = 11.
ROWS = {"一、本年新收政府信息公开申请数量\t": (9, 1, 0, 0, 0, 0, 10),
        "二、上年结转政府信息公开申请数量\t": (2, 0, 0, 0, 0, 0, 2),
        "(一) 予以公开": (6, 1, 0, 0, 0, 0, 7),
        "不计其他情形）": (2, 0, 0, 0, 0, 0, 2),
        "4.保护第三方合法权益": (1, 0, 0, 0, 0, 0, 1),
        "1.本机关不掌握相关政府信息": (2, 0, 0, 0, 0, 0, 2),
        "(七) 总计": (11, 1, 0, 0, 0, 0, 12)}
GRANTED = "section3.granted"
PARTIAL = "section3.partial"


def _cells(values) -> str:
    return "".join(f"\t{v}" for v in values)


def write_report(tmp_path, misprint: dict[str, tuple]) -> Path:
    """Seed 000 with ROWS, 「（一）予以公开」 printing no value (the parser fills its row from the
    column sums) and the rows in `misprint` printed otherwise."""
    text = SEED_000.read_text(encoding="utf-8")
    for label, values in ROWS.items():
        old = label + _cells([0] * 7)
        assert old in text, old
        shown = () if label == "(一) 予以公开" else misprint.get(label, values)
        text = text.replace(old, label + _cells(shown), 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _report(tmp_path, misprint: dict[str, tuple]):
    report = load_report(write_report(tmp_path, misprint))
    assert report.cells[f"{GRANTED}.natural"].state == INFERRED
    return report, check(report)


def _granted_row_finding(findings):
    row = [f for f in findings if f.rule == "T3-3" and f"{GRANTED}.total" in f.cells]
    assert len(row) == 1, [f.message for f in findings]
    return row[0]


def test_the_row_filled_from_a_misprinted_column_total_names_that_total(tmp_path):
    # （七）总计×自然人 printed 12 for 11: 自然人 of 「（一）予以公开」 is filled 7 (12 - 2 - 1 - 2),
    # and the row's sum 7 ≠ 7 + 1 fails. T3-1 and the 总计 row's own sum single out 总计×自然人
    # (11); with it, the filled 自然人 goes back to 6 and the row adds up: the row's finding names it.
    report, findings = _report(tmp_path, {"(七) 总计": (12, 1, 0, 0, 0, 0, 12)})
    assert report.value(f"{GRANTED}.natural") == 7
    finding = _granted_row_finding(findings)
    assert finding.suggestion is not None
    assert (finding.suggestion.cell, finding.suggestion.value) == ("section3.total.natural", 11)
    assert "section3.total.natural" in finding.cells
    assert "表三「（七）总计」×「自然人」" in finding.message and "应为11" in finding.message
    assert finding.severity == ERROR  # a printed value is wrong, whatever the filled cells say
    assert "可能是读取问题" not in finding.message


@pytest.mark.parametrize("partial, candidates", [
    # 「（二）部分公开」 prints 自然人 3 for 2: its 总计 (2) or its 自然人 is wrong, and the filled row
    # takes either mistake over (its 自然人 filled 5, or its 总计 filled 8 had 总计 been 3): undecidable
    ((3, 0, 0, 0, 0, 0, 2), {"section3.partial.natural": 2, "section3.partial.total": 3}),
    # its 总计 printed 3 for 2: the same two cells (and its 商业企业, 0 for 1), the other way
    ((2, 0, 0, 0, 0, 0, 3), {"section3.partial.natural": 3, "section3.partial.total": 2}),
])
def test_the_row_filled_from_a_misprinted_row_names_both_cells_that_may_be_wrong(tmp_path, partial, candidates):
    report, findings = _report(tmp_path, {"不计其他情形）": partial})
    finding = _granted_row_finding(findings)
    assert finding.suggestion is None  # which one stays unknown
    assert set(candidates) <= set(finding.cells)
    for cell, value in candidates.items():
        name = "表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」×" + ("「自然人」" if cell.endswith("natural") else "「总计」")
        assert f"{name}应为{value}" in finding.message
    # the row of the misprint is the report's mistake (its own sum fails as printed): so is this
    partial_row = next(f for f in findings if f.rule == "T3-3" and f"{PARTIAL}.total" in f.cells)
    assert partial_row.severity == ERROR and finding.severity == ERROR


def test_a_consistent_report_with_a_row_filled_in_has_no_finding(tmp_path):
    report, findings = _report(tmp_path, {})
    assert report.value(f"{GRANTED}.natural") == 6 and report.value(f"{GRANTED}.total") == 7
    assert findings == []
