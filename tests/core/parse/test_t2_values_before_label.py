"""表二 rows whose value plain pdftotext printed right before the row's label, after the column
names over it (core/parse/t2_before_label.py): 「本年收费金额（单位：万元） / 0.74 / 行政事业性收费」, then
section 三's heading. On main 6c7e7be2 the fee was read as printed nothing (flagged, unread), or
its value went to 行政强制, whose label printed before the fee's block heading. Fixtures:
tests/fixtures/zoo/README.md."""
from __future__ import annotations

from pathlib import Path

from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def _flags(report, cell: str) -> str:
    return " ".join(f.message for f in report.flags if f.cell == cell)


def test_a_value_under_its_column_name_before_its_label_is_the_rows():
    # 「行政强制 / 第二十条第（八）项 / 信息内容 / 本年收费金额（单位：万元） / 0.74 / 行政事业性收费」:
    # 0.74 was read as 行政强制's (flagged as printed under another block's name), the fee unread
    report, wrong, silent = read_against_truth(ZOO / "pq3603-r0040-pdftotext-utf-8.txt")
    assert report.value("section2.fees.amount") == 0.74
    assert "本行标签之前" in _flags(report, "section2.fees")
    # 行政强制 printed nothing of its own (its cell is blank in the report): unread, and said why
    assert report.value("section2.coercion.decisions") is None
    assert report.cells["section2.coercion.decisions"].state == "missing"
    assert "属该行" in _flags(report, "section2.coercion") and "本年收费金额" in _flags(report, "section2.coercion")
    assert not {"section2.fees.amount", "section2.coercion.decisions"} & set(wrong)
    assert silent == []


def test_a_row_losing_a_value_to_the_row_below_takes_its_own_before_its_label():
    # 「7151 / 1 / 第二十条第（一）项 … 现行有效件数 / 0 / 行政强制 / 第二十条第（八）项 / 信息内容 /
    # 本年收费金额（单位：万元） / 0 / 行政事业性收费」: each row's 0 printed before its label
    report, wrong, silent = read_against_truth(ZOO / "pq3404-r0036-pdftotext-gbk.txt")
    assert report.value("section2.fees.amount") == 0
    assert report.value("section2.coercion.decisions") == 0
    assert report.cells["section2.coercion.decisions"].state == "number"
    assert "本行标签之前" in _flags(report, "section2.coercion")
    assert [w for w in wrong if w.startswith("section2")] == []
    assert silent == []


def test_a_value_after_a_repeated_header_before_the_last_label_is_its_own():
    # page 2 repeats 第（一）项's header: 「现行有效件数 / 0.10 / 行政事业性收费」, section 三 next
    report, wrong, silent = read_against_truth(ZOO / "p3708-r0021-pdftotext-gbk.txt")
    assert report.value("section2.fees.amount") == 0.1
    assert "section2.fees.amount" not in wrong
    assert silent == []
