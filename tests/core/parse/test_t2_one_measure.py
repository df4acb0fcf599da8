"""表二 rows printing fewer values than columns under pdftotext -layout, with no row of the block
printing every column: each is placed under the header's column names, measured either by
characters (as pdftotext pads) or by display columns (a CJK character two wide, as a terminal
pads). A lone value can fit both measures' headers almost equally (a column name 14 characters
wide takes in either position), so each row taking its own cheaper measure read some rows a
column left. One measure for the whole table, the one its rows fit best together (a row of two
values tells them apart), reads every row under its own column. Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_lone_values_take_the_table_measure():
    # 「规范性文件 … 3项」 and 「行政强制 … 680 项」 print their value under 对外公开总数量 and
    # 处理决定数量 counted by characters; counted by display columns they fall under the middle
    # column's name. On 4b5d101 they read new_published 3 and change 680 (flagged)
    report, wrong, silent = read_against_truth(ZOO / "q5353-r0046-pdftotext-layout-utf-8.txt")
    assert report.value("section2.normative_docs.total_published") == 3
    assert report.value("section2.normative_docs.new_published") is None
    assert report.value("section2.coercion.decisions") == 680
    assert report.value("section2.coercion.change") is None
    assert report.value("section2.rules.total_published") == 2
    assert [report.value(f"section2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [2, 3, None]
    assert [report.value(f"section2.other_services.{c}") for c in ("prev_items", "change", "decisions")] \
        == [166, None, 32]
    assert not [w for w in wrong if w.startswith("section2")] and silent == []
    # placed by the header's names alone: still flagged for a look
    assert {"section2.normative_docs", "section2.coercion"} <= {f.cell for f in report.flags}
