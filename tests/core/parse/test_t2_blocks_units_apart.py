"""表二 (2019) as plain pdftotext prints it: each row's first column beside its label, the other
columns as blocks after the table, each header name then its values, a value's unit a word apart
(q2601 r0016, --quirks units: 「对外公开总数量 / 0 / 144 项」, 「处理决定数量 / 2项 / 13 项」). On main
17ed4d6f the 「项」 standing apart ended the headers' run: no block read, 15 cells wrong (flagged), and
行政处罚's 「313 项」 beside its label cut as glued digits 3 / 1 / 3. A count's unit on its value's
line is the value's (core/parse/pdfblocks.py column_blocks). Fixtures: tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_unit_printed_a_word_apart_from_its_value_does_not_end_the_column_blocks():
    report, wrong, silent = read_against_truth(ZOO / "q2601-r0016-pdftotext-utf-8.txt")
    assert [report.value(f"section2.punishment.{c}") for c in ("prev_items", "change", "decisions")] == [313, 35, 2]
    assert [report.value(f"section2.coercion.{c}") for c in ("prev_items", "change", "decisions")] == [5, -3, 13]
    assert report.value("section2.normative_docs.total_published") == 144
    assert report.value("section2.licensing.decisions") == 145389
    assert report.value("section2.procurement.amount") == 0.1
    assert not [c for c in wrong if c.startswith("section2")]
    assert silent == []


def test_a_unit_printed_apart_does_not_stop_the_rows_printed_after_labels_and_names():
    # q2401 r0010 (2021, --quirks units): 「规章 / 行政规范性文件 / 本年制发件数 / 本年废止件数 / 现行有效件数 /
    # 0 / 3项 / 0 / 11 项 / 0 / 85 项」: on main 17ed4d6f the 「项」 after 11 was taken for a cell, the rows
    # left unread (6 cells wrong, flagged)
    report, wrong, silent = read_against_truth(ZOO / "q2401-r0010-pdftotext-gbk.txt")
    assert [report.value(f"section2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [0, 3, 0]
    assert [report.value(f"section2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == [11, 0, 85]
    assert not [c for c in wrong if c.startswith("section2")]
    assert silent == []
