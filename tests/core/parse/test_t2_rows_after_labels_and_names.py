"""表二 (2021) that plain pdftotext printed with the block's row labels first, then its three
column names, then every cell row by row, left to right:
「规章 / 行政规范性文件 / 本年制发件数 / 本年废止件数 / 现行有效件数 / 0 / 8个 / — / 11 个 / 0 / 127 个」.

On main 5e2cf35c pq2504 r0026 read 规章 as printing no value and gave 行政规范性文件 all six
(规章's three among them): 0 · 8 · — where 11 · 0 · 127 is printed, 规章 unread (5 cells wrong,
flagged). Every cell printed, the order decides each one. Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from core.pipeline import read_report
from tests.core.truth import read_against_truth, t2_documents_row as row

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
def test_rows_printed_after_labels_and_names_are_read_row_by_row():
    report, wrong, silent = read_against_truth(ZOO / "pq2504-r0026-pdftotext-gbk.txt")
    assert row(report, "rules") == [0, 8, None]
    assert report.cells["section2.rules.in_force"].state == "slash"  # 「—」, printed, not lost
    assert row(report, "normative_docs") == [11, 0, 127]
    # the values were not printed beside their labels: each row says so
    flags = {f.cell: f.message for f in report.flags}
    assert "逐行归位" in flags["section2.rules"] and "逐行归位" in flags["section2.normative_docs"]
    assert [w for w in wrong if w.startswith("section2")] == []
    assert silent == []


def test_a_block_missing_a_cell_is_not_read_row_by_row(tmp_path):
    # one cell fewer than the block has: which cell is blank the order cannot tell, so the rows
    # are not read by it
    text = (ZOO / "pq2504-r0026-pdftotext-gbk.txt").read_bytes().decode("gb18030")
    cut = text.replace("\n11 个\n", "\n", 1)
    assert cut != text
    path = tmp_path / "cut.txt"
    path.write_bytes(cut.encode("gb18030"))
    report, _ = read_report(path)
    assert "逐行归位" not in " ".join(f.message for f in report.flags)
    assert "section2.normative_docs" in {f.cell for f in report.flags}
