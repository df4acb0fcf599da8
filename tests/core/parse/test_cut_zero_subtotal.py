"""pandoc cuts every row of a table to its columns: a 表三 row printing 8 cells (a 法人或其他组织
subtotal after 自然人, TEMPLATE.md) loses its last, the 总计. Where the subtotal is 0, the row's
values after 自然人 are 0s, placeholders or blanks either way, and the 总计 cut off reads like a 总计
misprinted 0; but only the cut leaves every column sum holding. Read so, the 总计 is inferred as 自然人
and the row flagged (it may still be a misprint): a right report is offered no correction.
Fixtures: tests/fixtures/zoo/README.md (q3901)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_cut_total_under_placeholders_is_inferred_and_no_correction_is_offered():
    # 「4.无正当理由大量反复申请」 prints 「6 － － － － － －」 in pandoc's plain table (the web page's
    # row: 6, a 「－」 subtotal, five 「－」 parts, 总计 6); read as printed its 总计 was 「－」 and 6
    # was offered for it as a correction (0 of 表三's column sums failing otherwise) at 69642b02
    report, wrong, silent = read_against_truth(ZOO / "q3901-r0034-pandoc-html-plain.txt")
    assert silent == [] and wrong == []
    assert t3_row(report, "not_processed_massive") == [6, None, None, None, None, None, 6]
    assert report.cells["section3.not_processed_massive.total"].state == "inferred"
    message = t3_row_flags(report, "not_processed_massive")
    assert "转换时末格（总计）被截去" in message and "总计按自然人推定为6" in message
    assert "也可能是总计印错（本行末格印为「－」）" in message
    assert [f.suggestion for f in check(report) if f.suggestion] == []


def test_a_cut_total_among_mixed_zeros_reads_its_parts_a_column_left():
    # the web page's 「（二）部分公开…」 prints 「1 / / 　 / 0 0 1」 (8 cells: a 「/」 subtotal); pandoc's
    # Markdown drops the last 1, and read as 7 the row put 「/」 under 法律服务机构 (truth 0) and 0
    # under 总计, the true 1 offered as a correction; read as cut, every cell is right
    report, wrong, silent = read_against_truth(ZOO / "q3901-r0047-pandoc-html-gfm.md")
    assert silent == [] and wrong == []
    assert t3_row(report, "partial") == [1, None, None, None, 0, 0, 1]
    assert "本行末格印为「0」" in t3_row_flags(report, "partial")
    findings = check(report)
    assert [f.suggestion for f in findings if f.suggestion] == []
    # (the printed numbers sum to an odd 113 without the 1 cut off: no 「必有笔误」 once it is counted)
    assert not any("是奇数" in f.message for f in findings)
