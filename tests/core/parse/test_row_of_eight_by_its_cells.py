"""表三 rows printing 8 cells (a 法人或其他组织 subtotal after 自然人: TEMPLATE.md "rows printing 6 or 8
values") whose 自然人 is blank, in a web page's table through html2text, w3m and pandoc: 二、上年结转
prints (blank) 2 0 — 1 1 (blank) 2 — the subtotal 2, its parts 0 — 1 1 (blank), 总计 2. The
row's values alone lose the blank 自然人 (html2text's empty cell taken for a label column's empty
half; w3m and pandoc print no trace of it and draw the last cell a column right of 总计), and read
as 7 the subtotal sat in 自然人: 2 + 0 + 1 + 1 ≠ 2, and 自然人's column off by 2. html2text's row
showed a 错误 on a right report (T3-1, T3-3, 采用建议值 0), the others a suggestion on a consistent
report. Read by the row's 8 cells (the grid's, the columns' positions, or the rows beside it printing
their 7), which add up only as 8: the subtotal left out, 自然人 blank, flagged (zoos w2803, w2808:
tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import check
from core.model import ERROR
from tests.core.truth import read_against_truth, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"

R0019 = [None, 0, None, 1, 1, None, 2]  # (blank) [2] 0 — 1 1 (blank) 2: 社会公益组织 a placeholder
R0024 = [None, 2, None, None, None, None, 2]  # (blank) [2] 2个 (blank ×4) 2个


@pytest.mark.parametrize("name, row", [
    ("w2803-r0019-cms-html-html2text.md", R0019),  # 「|  | ２| ０| —| １| １|   ⏎| ２」
    ("w2803-r0019-word-html-w3m.txt", R0019),  # a ruled box, its 2 in the column drawn after 总计
    ("w2808-r0024-split-html-w3m.txt", R0024),
    ("w2803-r0019-wps-html-w3m.txt", R0019),  # no box: the columns by position, the last 2 past 总计
    ("w2808-r0024-word-html-pandoc-html-plain.txt", R0024),
])
def test_a_row_of_eight_with_a_blank_natural_is_read_by_its_cells(name, row):
    report, wrong, silent = read_against_truth(ZOO / name)
    assert t3_row(report, "carried_over") == row
    assert report.cells["section3.carried_over.natural"].state == "blank"
    # flagged for the subtotal left out (html2text's row, its empty first cell printed, is read as
    # eight by the row reader's own rule, whose message need not name the blank cell)
    assert any(f.cell == "section3.carried_over" and "小计" in f.message for f in report.flags)
    findings = check(report)
    assert [f for f in findings if f.severity == ERROR] == []
    # the report is right: nothing to correct in the row (it was 采用建议值 自然人 0)
    assert not any(f.suggestion and f.suggestion.cell.startswith("section3.carried_over") for f in findings)
    assert wrong == [] and silent == []
