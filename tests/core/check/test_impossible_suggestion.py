"""A suggested value must leave every sum through its cell possible, the sum's unread cells counting
0 or more. p2402 r0034 (plain pdftotext, 0s left blank; tests/fixtures/zoo/README.md): 「（一）予以公开」
read 5 5 1 1 1 … 1, other rows' values run into it. Its own sum failing alone, 总计 = 13 was offered
(a slipped digit of the 1 read), where the 总计 column's sum, （七）总计 9, cannot hold 13 whatever
its unread cells are: a report no value repairs so; the finding stays 存疑, nothing suggested."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import DOUBT
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_no_suggestion_past_a_sum_whose_other_side_is_read_whole():
    report, wrong, silent = read_against_truth(ZOO / "p2402-r0034-pdftotext-gbk.txt")
    findings = check(report)
    row_sum = [f for f in findings if f.rule == "T3-3" and "section3.granted.total" in f.cells]
    assert row_sum and all(f.severity == DOUBT for f in row_sum)
    assert [f.suggestion for f in findings if f.suggestion is not None] == []
    assert silent == []
