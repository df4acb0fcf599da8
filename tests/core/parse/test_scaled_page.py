"""表三 running over a page break in pdftotext -layout's text: pdftotext lays each page out on a
character grid of its own, and a later page's grid can be wider than the header's, its values
lying neither under the header's names nor moved by a few columns alike (past the 总计 name on
the right). Such a page, printing no full row and no header of its own, is placed by its own
extent: a row that reads whole spans it, its first value under 自然人 and its last under 总计, and
the columns between are matched in order by the scale of the two extents (fixtures:
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_lone_value_on_a_wider_page_is_read_under_its_own_column():
    # s4106 r0038: page 3 prints 「（七）总计」 6, 1 and 7 at columns 56, 65 and 108 (the header's 自然,
    # 商业 and 总计 at 51, 60 and 95) and 「2.申请人逾期未按收费…」 a lone 1 at 83: the PDF prints it under
    # 社会公益组织 (a planted typo, 1 for 0). Placed by the header's names it lay nearest 法律服务机构
    # (81), where 7664b85c read it and offered the typo's fix; by the page's extent it sits at 74
    report, wrong, silent = read_against_truth(ZOO / "s4106-r0038-pdftotext-layout-gbk.txt")
    assert t3_row(report, "other_no_fee") == [None, None, None, 1, None, None, None]
    assert t3_row(report, "total")[:2] == [6, 1] and t3_row(report, "total")[6] == 7
    findings = check(report)
    assert ("section3.other_no_fee.social", 0) in suggested_fixes(findings)
    assert not any(cell.endswith(".legal") for cell, _ in suggested_fixes(findings))
    assert wrong == [] and silent == []


def test_a_zero_on_a_wider_page_is_read_under_its_own_column():
    # s4106 r0004: page 3 prints 「（七）总计」 14 2 0 16 at columns 58, 67, 98 and 120, the header's
    # names at 49 … 96: 7664b85c read its 0 under 其他; the page's extent puts it under 法律服务机构
    report, wrong, silent = read_against_truth(ZOO / "s4106-r0004-pdftotext-layout-gbk.txt")
    assert t3_row(report, "total") == [14, 2, None, None, 0, None, 16]
    assert [f for f in check(report) if f.severity == ERROR and f.rule.startswith("T3")] != []  # (the planted 14 for 16)
    assert wrong == [] and silent == []


def test_a_lone_typo_on_a_wider_page_is_offered_its_fix_in_its_own_column():
    # p2702 r0008: page 2 prints 「4.无正当理由大量反复申请」 a lone 1 (a planted typo, 1 for 0) at column 38,
    # as 「（七）总计」 its 517 (the header's 自然 at 27, 总计 at 73; the page's 总计 at 77). 7664b85c read it
    # under 商业企业 and offered the fix there; the page's extent puts it under 自然人
    report, wrong, silent = read_against_truth(ZOO / "p2702-r0008-pdftotext-layout-utf-8.txt")
    assert t3_row(report, "not_processed_massive") == [1, None, None, None, None, None, None]
    assert ("section3.not_processed_massive.natural", 0) in suggested_fixes(check(report))
    assert wrong == [] and silent == []
