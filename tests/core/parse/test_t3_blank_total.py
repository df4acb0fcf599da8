"""表三 whose 总计 column the report left blank, read from a text that drops blank cells (mammoth's
Markdown of a Word table prints each cell a paragraph, the blank ones not at all).

On main 282e0d27 pq2404 r0042 read each row's last value as its 总计: 「（二）部分公开」 printing
２９ ６ read 自然人 29, 总计 6, no row's own sum holding, the column sums failing (30 cells wrong,
flagged). No row ends in the sum of its others: the 总计 column is blank, and with the values in
the part columns every column sum holds. The sums tell which values share a column, not which
column that is: read from the left (where every column sum holds so), each row flagged. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import T3_COLUMN_KEYS, read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def row(report, key: str) -> list:
    return [report.value(f"section3.{key}.{c}") for c in T3_COLUMN_KEYS]


def test_a_blank_total_column_reads_its_values_in_the_part_columns():
    report, wrong, silent = read_against_truth(ZOO / "pq2404-r0042-mammoth-md.md")
    assert row(report, "partial") == [29, 6, 0, 0, 0, 0, 0]
    assert row(report, "new") == [481, 81, 2, 0, 0, 0, 0]
    assert row(report, "total") == [481, 81, 2, 0, 0, 0, 0]
    assert row(report, "unable_need_creation") == [2, 0, 0, 0, 0, 0, 0]
    assert [c for c in wrong if c.startswith("section3.")] == []
    assert silent == []
    # the columns are the sums' guess from the left: every row placed so says so
    blank_total = {f.cell for f in report.flags if "总计栏空白" in f.message}
    assert {"section3.new", "section3.partial", "section3.total"} <= blank_total
