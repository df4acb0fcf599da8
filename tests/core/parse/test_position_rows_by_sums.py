"""A 表三 row placed by where its values print, not surely (flagged), is weighed by the sums as a
row placed from them is: when the table's failing sums cross at one cell only under another
placement of it (the printed order kept), it is read so, and the check suggests that cell."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, suggested_fixes, t3_row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_row_placed_by_position_moves_where_one_cell_then_explains_the_sums():
    """lynx's text of a web page (zoo q2601, r0018), 表三 (七)总计×商业企业 printed 3 for 2. The
    row 「4.无正当理由大量反复申请」 printed 6 cells of 7, its 自然人 blank (「1   0    0    0
    0      1」, its gaps as wide as a full row's): read by position, its 1 fell under 自然人
    and 总计 stayed 1, so 自然人's column sum failed too (6 against 5) and no one cell explained
    the four failing sums. Read with its blank under 自然人, the 1 under 商业企业, the failing sums
    (商业企业's two, （七）总计's row) all cross at （七）总计×商业企业, and 2 is suggested, as on
    the report's docx and its other converters' outputs. The row stays flagged."""
    report, wrong, silent = read_against_truth(ZOO / "q2601-r0018-lynx.txt")
    assert wrong == [] and silent == []
    assert t3_row(report, "not_processed_massive") == [0, 1, 0, 0, 0, 0, 1]
    assert any(f.cell == "section3.not_processed_massive" for f in report.flags)
    assert suggested_fixes(check(report)) == {("section3.total.commercial", 2)}
