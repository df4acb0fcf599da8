"""表三 rows printing 8 cells on one line (a grid's row, a line of text) that do not add up as a row of 8
with a 法人或其他组织 subtotal after 自然人 (TEMPLATE.md "rows printing 6 or 8 values"): 0s and placeholders
throughout, or a slip of the report. On main 69642b02 the sums chose the cell left out: every placement
of 0s is the same numbers, so the last was (q4101 r0047's 「1.属于国家秘密」 「－｜０｜０｜ ｜－｜－｜０｜－」: 其他's
０ read under 法律服务机构, 其他 blank), and a slip was hidden by leaving out the misprinted cell (r0042's
「0 0 0 1 0 0 0 0」, 科研机构's 1 misprinted: read all 0). The second cell, the subtotal, is left out
(zoo q4101: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_of_eight_zeros_and_placeholders_leaves_out_its_subtotal():
    report, wrong, silent = read_against_truth(ZOO / "q4101-r0047-html2text.md")
    assert t3_row(report, "denied_state_secret") == [None, 0, None, None, None, 0, None]
    states = [report.cells[f"section3.denied_state_secret.{c}"].state for c in
              ("natural", "commercial", "research", "social", "legal", "other", "total")]
    assert states == ["placeholder", "number", "blank", "placeholder", "placeholder", "number", "placeholder"]
    assert any(f.cell == "section3.denied_state_secret" and "8个数值" in f.message for f in report.flags)
    assert wrong == [] and silent == []


@pytest.mark.parametrize("name", ["q4101-r0042-pdftotext-layout-utf-8.txt", "q4101-r0042-web-gbk.html"])
def test_a_row_of_eight_with_a_slip_is_read_as_printed_and_the_slip_found(name):
    # 「2.其他法律行政法规禁止公开」 prints 「0 0 0 1 0 0 0 0」: 自然人 0, the subtotal 0, 科研机构 1 (a
    # slip: the report's truth is 0), 总计 0. Before: the 1 left out as if it were the subtotal, every
    # cell 0 and the slip hidden (only the table's odd sum said a row was wrong)
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "denied_law_forbidden") == [0, 0, 1, 0, 0, 0, 0]
    assert wrong == [] and silent == []
    findings = [f for f in check(report) if "section3.denied_law_forbidden.research" in f.cells]
    assert findings
    assert {(f.suggestion.cell, f.suggestion.value) for f in findings if f.suggestion} == \
        {("section3.denied_law_forbidden.research", 0)}
