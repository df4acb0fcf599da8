"""A row of pandoc's plain-text table (a simple table: a dash rule over its columns, its lines
indented) printing its label and fewer values than columns: each value in the column whose dashes
it stands under, by display width, however far below the rule (表三's rows run 25 lines and more).

On main 905a595b pq2404 r0031 (pandoc's plain text of a web page, zeros blank) read the lone 「1」
of 「1.本机关不掌握相关政府信息」, under 法律服务机构 (the planted misprint, 1 for 0), as 自然人: a row
with its label on the line was never placed by the rule, nor a row more than 12 lines below it.
The sums then failed in doubt and no value was suggested.
Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.model import ERROR
from core.pipeline import check_report
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_value_far_below_the_rule_is_read_in_the_column_above_it():
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0031-pandoc-html-plain.txt")
    assert silent == [] and wrong == []
    assert t3_row(report, "unable_not_held") == [None, None, None, None, 1, None, None]
    assert not [f for f in report.flags if f.cell.startswith("section3.unable_not_held")]
    findings = check_report(report)
    assert {(f.suggestion.cell, f.suggestion.value, f.severity) for f in findings if f.suggestion} \
        == {("section3.unable_not_held.legal", 0, ERROR)}
