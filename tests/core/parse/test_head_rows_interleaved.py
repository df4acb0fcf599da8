"""Rows 一 and 二 of a 2019 表三 that plain pdftotext prints as column blocks, their values
interleaved in the header (tests/fixtures/zoo/README.md: p3102-r0037-pdftotext-utf-8)."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth, t3_row, t3_row_flags

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_rows_one_and_two_printed_interleaved_with_a_misprint_are_both_flagged():
    # 一 prints 7 0 0 0 0 0 8 (商业企业 misprinted 0 for 1), 二 prints 0s; the header's values come
    # 0 0 7 0 0 0 8 0 0 0 0 0 0 0 (社会公益组织's and 法律服务机构's printed with their header words).
    # Taking 一 in order from the first value read it 0s and 二 7 … 8 with the misprint: 二 flagged,
    # 一's 7 and 8 read 0 and nobody told (2 silent cells). The template's sums treat 一 and 二 alike,
    # so where their values interleave nothing tells them apart: both rows flagged
    report, wrong, silent = read_against_truth(ZOO / "p3102-r0037-pdftotext-utf-8.txt")
    assert "交错印出" in t3_row_flags(report, "new")
    assert t3_row(report, "total") == [7, 1, 0, 0, 0, 0, 8]
    assert silent == []
