"""表二 (2019) that plain pdftotext printed as column blocks after its labels (a page's text blocks:
each column's name, then its values), with blank cells leaving no trace: some names print fewer
values than their block has rows, a value or two prints apart (after an empty line, or past
section 三's heading). The values exactly fill no column set, so on 4b5d101 no row was read at
all. A column printing a value right under its name for every row is certain (a value printed
apart never comes right under another's name); which row a shorter column's values are, or
which short column a value apart fills, the text cannot tell: those cells stay unread, flagged.
Fixture: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def row(report, key: str, columns: tuple[str, ...]) -> list:
    return [report.value(f"section2.{key}.{c}") for c in columns]


ITEMS = ("prev_items", "change", "decisions")


def test_full_columns_read_short_ones_left_unread():
    # 「本年新制作数量」 prints nothing under it (its 0 prints apart, after an empty line),
    # 「本年新公开数量 0 0」 both rows, 「对外公开总数量」 nothing (its 20 past section 三's heading);
    # 「上一年项目数量 53 13」 「本年增/减 -42 -13」 full, 「处理决定数量 1373」 one of two
    report, wrong, silent = read_against_truth(ZOO / "p2929-r0032-pdftotext-utf-8.txt")
    docs = ("new_made", "new_published", "total_published")
    assert row(report, "rules", docs) == [None, 0, None]
    assert row(report, "normative_docs", docs) == [None, 0, None]
    assert row(report, "licensing", ITEMS) == [53, -42, None]
    assert row(report, "other_services", ITEMS) == [13, -13, None]
    assert row(report, "punishment", ITEMS) == [3, 3, None]
    assert row(report, "coercion", ITEMS) == [299, 103, None]
    assert row(report, "fees", ("prev_items", "change")) == [3, None]
    assert row(report, "procurement", ("count", "amount")) == [2, 0.07]
    # the short columns' cells unread, their rows flagged; nothing wrong unflagged
    assert report.cells["section2.licensing.decisions"].state == "missing"
    assert report.cells["section2.normative_docs.new_made"].state == "missing"
    flagged = {f.cell for f in report.flags}
    assert {"section2.rules", "section2.normative_docs", "section2.licensing", "section2.other_services",
            "section2.punishment", "section2.coercion", "section2.fees"} <= flagged
    assert "section2.procurement" not in flagged
    assert silent == []
    assert not [w for w in wrong if w.startswith("section2") and report.cells[w].state != "missing"]


def test_a_table_crossing_a_page_reads_each_page_so():
    # page 1 prints the labels but 政府集中采购's, then its columns: 「对外公开总数量 2」 and the
    # second 「本年增/减 0」 one value for two rows; page 2 政府集中采购 under the repeated names,
    # its amount 0.6984 apart. On 4b5d101 no cell of page 1 was read, 行政事业性收费 0 · 2
    # (flagged)
    report, wrong, silent = read_against_truth(ZOO / "p2929-r0001-pdftotext-gbk.txt")
    docs = ("new_made", "new_published", "total_published")
    assert row(report, "rules", docs) == [0, 0, None]
    assert row(report, "normative_docs", docs) == [2, 2, None]
    assert row(report, "licensing", ITEMS) == [3, 1, 0]
    assert row(report, "other_services", ITEMS) == [286, -232, 19]
    assert row(report, "punishment", ITEMS) == [45, None, 2636]
    assert row(report, "coercion", ITEMS) == [0, None, 21]
    assert row(report, "fees", ("prev_items", "change")) == [34, -9]
    assert row(report, "procurement", ("count", "amount")) == [3, 0.6984]
    assert report.cells["section2.normative_docs.total_published"].state == "missing"
    assert report.cells["section2.punishment.change"].state == "missing"
    flagged = {f.cell for f in report.flags}
    assert {"section2.rules", "section2.normative_docs", "section2.punishment", "section2.coercion"} <= flagged
    assert not {"section2.licensing", "section2.other_services", "section2.fees"} & flagged
    assert silent == []
    assert not [w for w in wrong if w.startswith("section2") and report.cells[w].state != "missing"]
