"""表三 rows printing 8 cells of one number throughout, 0s and placeholders (a 法人或其他组织
subtotal after 自然人: TEMPLATE.md "rows printing 6 or 8 values"). Every placement is the same numbers,
so the sums cannot choose; on main 69642b02 the last cell was left out, and each 0 and placeholder
after the subtotal sat a column left: q4101 r0047's 「1.属于国家秘密」 prints 「－｜０｜０｜ ｜－｜－｜０｜－」
(自然人 －, the subtotal ０, 商业企业 ０, 科研机构 blank, 社会公益组织 －, 法律服务机构 －, 其他 ０, 总计 －)
and its 其他 was read blank, its 总计 0 (flagged). The subtotal, the second cell, is left out
(zoo q4101: tests/fixtures/zoo/README.md)."""
from __future__ import annotations

from pathlib import Path

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
