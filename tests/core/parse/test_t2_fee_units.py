"""表二's fee printed with its own unit under the template's 「本年收费金额（单位：万元）」: a sum in 元
is converted to 万元 and flagged as converted, wherever the parser reads the row from (here glued_t2,
the runs after 表二's labels: the w3m output splits the table's heading over two lines)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.check.rules import ERROR, check
from core.parse.parser import parse
from core.readers.dispatch import read_document
from tests.core.truth import read_against_truth

ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"
W3M = ZOO / "w1903-r0002-wps-html-w3m.txt"
FEE = "section2.fees.amount"


def test_a_fee_in_yuan_under_a_wan_yuan_header_is_read_in_wan_yuan_and_flagged():
    # 「行政事业性收费          1000元」: 1000 元 is 0.1 万元. Before: the row's run stopped at 元 and
    # 1000 was stored as 1000 万元, with no flag (silent, 10 000 times too large)
    report, wrong, silent = read_against_truth(W3M)
    assert report.value(FEE) == 0.1
    assert report.cells[FEE].raw == "1000元"
    assert [f.message for f in report.flags if f.cell == FEE] == ["金额单位为元（1000元），已换算为万元"]
    assert [f.kind for f in report.flags if f.cell == FEE] == ["unit"]
    assert FEE not in wrong and silent == []
    # the conversion is told, not cried as an error
    assert not [f for f in check(report) if f.severity == ERROR and FEE in f.cells]


def _fee_printed_as(printed: str):
    text = W3M.read_text(encoding="utf-8").replace("行政事业性收费          1000元", f"行政事业性收费          {printed}")
    assert printed in text
    return parse(read_document(str(W3M), text.encode("utf-8")))


@pytest.mark.parametrize("printed, value, converted", [
    ("1000元", 0.1, True), ("1,000元", 0.1, True), ("1000 元", 0.1, True), ("１０００元", 0.1, True),
    ("25100元", 2.51, True),
    ("0.1", 0.1, False), ("0.1万元", 0.1, False), ("1000", 1000, False),  # in 万元 already: as printed
])
def test_a_fee_is_converted_only_when_its_unit_is_yuan(printed, value, converted):
    report = _fee_printed_as(printed)
    assert report.value(FEE) == value
    assert bool([f for f in report.flags if f.cell == FEE and f.kind == "unit"]) is converted


# --- units the cell's token does not carry: printed on the next line, or in the column's header ---

GFM = ZOO / "pq1707-r0028-pandoc-docx-gfm.md"  # 「| 行政事业性收费     | １１００元   |」, truth 0.11
DOCX2TXT = ZOO / "q1802-r0029-docx2txt.txt"  # one cell a line: 「行政事业性收费」「０」
GFM_CELL = "| 行政事业性收费     | １１００元                 |"
GFM_HEADER = "本年收费金额（单位：万元）"


def _edited(path: Path, *edits: tuple[str, str]):
    """The report of `path` with each (printed, instead) edit made once, and check's findings."""
    text = path.read_text(encoding="utf-8")
    for printed, instead in edits:
        assert text.count(printed) >= 1
        text = text.replace(printed, instead, 1)
    report = parse(read_document(str(path), text.encode("utf-8")))
    return report, check(report)


def _fee_flags(report) -> list[str]:
    return [f.message for f in report.flags if f.cell == FEE and f.kind == "unit"]


def _fee_findings(findings, severity=None) -> list[str]:
    return [f.message for f in findings if FEE in f.cells and (severity is None or f.severity == severity)]


@pytest.mark.parametrize("path, printed, instead", [
    (DOCX2TXT, "行政事业性收费\n０", "行政事业性收费\n1100\n元"),  # a paragraph of its own in the cell
    (W3M, "行政事业性收费          1000元", "行政事业性收费          1100\n                        元"),
    (GFM, GFM_CELL, "| 行政事业性收费     | 1100                       |\n|                    | 元 |"),
])
def test_a_yuan_wrapped_onto_the_next_line_is_the_fees_unit(path, printed, instead):
    # a narrow cell wraps 「1100元」 as 「1100」 / 「元」: before, 1100 was read as 1100 万元, unflagged
    report, findings = _edited(path, (printed, instead))
    assert report.value(FEE) == 0.11
    assert len(_fee_flags(report)) == 1 and "金额单位为元（1100 元" in _fee_flags(report)[0]
    assert _fee_findings(findings, "warning") == ["表二收费金额印为「1100 元」，单位应为万元（已按0.11万元读取）"]
    assert _fee_findings(findings, ERROR) == []


def test_wan_yuan_on_the_next_line_is_the_templates_unit():
    report, findings = _edited(DOCX2TXT, ("行政事业性收费\n０", "行政事业性收费\n0.11\n万元"))
    assert report.value(FEE) == 0.11
    assert _fee_flags(report) == [] and _fee_findings(findings) == []


@pytest.mark.parametrize("header, printed, value, flag", [
    ("本年收费金额（单位：元）", "1100", 0.11, "表头金额单位为元（本年收费金额（单位：元）），已将1100元换算为0.11万元"),
    ("本年收费金额（元）", "1100", 0.11, "表头金额单位为元（本年收费金额（元）），已将1100元换算为0.11万元"),
    ("本年收费金额(单位:千元)", "1.1", 0.11, "表头金额单位为千元（本年收费金额(单位:千元)），已将1.1千元换算为0.11万元"),
    ("本年收费金额（单位：元）", "1", 0.0001, "表头金额单位为元（本年收费金额（单位：元）），已将1元换算为0.0001万元"),
    # the template's unit, however printed: as printed, no flag
    ("本年收费金额（单位：万元，保留4位小数）", "0.11", 0.11, None),
    ("本年收费金额", "0.11", 0.11, None),
    # the cell's own unit is the sum's, whatever the header says
    ("本年收费金额（单位：元）", "0.11万元", 0.11, None),
    # 0 in any unit is 0 万元: nothing to tell
    ("本年收费金额（单位：元）", "0", 0, None),
])
def test_the_fee_headers_unit_is_the_fees(header, printed, value, flag):
    report, findings = _edited(GFM, (GFM_HEADER, header), (GFM_CELL, f"| 行政事业性收费     | {printed} |"))
    assert report.value(FEE) == value
    assert _fee_flags(report) == ([flag] if flag else [])
    assert _fee_findings(findings, ERROR) == []


def test_a_header_in_a_unit_of_no_known_rate_is_flagged_and_the_fee_read_as_printed():
    report, findings = _edited(GFM, (GFM_HEADER, "本年收费金额（单位：美元）"), (GFM_CELL, "| 行政事业性收费     | 160 |"))
    assert report.value(FEE) == 160
    assert _fee_flags(report) == ["表头金额单位为「美元」（本年收费金额（单位：美元）），不是模板的万元，已按印出的160读取，请对照原文核对"]
    assert _fee_findings(findings, ERROR) == []


@pytest.mark.parametrize("printed, value, unit", [
    ("1.1千元", 0.11, "千元"), ("1.1 千元", 0.11, "千元"), ("0.000011亿元", 0.11, "亿元"), ("0.5亿元", 5000, "亿元"),
    ("¥1,100.00", 0.11, "元"), ("￥1100", 0.11, "元"),
])
def test_a_fee_in_thousands_of_yuan_hundreds_of_millions_or_after_a_yuan_sign_is_converted(printed, value, unit):
    # before: 「1.1千元」 read as 1.1 万元 or not at all, 「￥1100」 as nothing, both unflagged
    report, findings = _edited(GFM, (GFM_CELL, f"| 行政事业性收费     | {printed} |"))
    assert report.value(FEE) == value
    assert _fee_flags(report) == [f"金额单位为{unit}（{printed}），已换算为万元"]
    assert len(_fee_findings(findings, "warning")) >= 1 and _fee_findings(findings, ERROR) == []
