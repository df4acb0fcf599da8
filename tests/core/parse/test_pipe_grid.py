"""Markdown pipe grids (pandoc gfm/markdown, mammoth, html2text): a cell's column is its pipe
position, named by the block's header row; a blank cell keeps its place, and only cells under no
heading are padding. Committed outputs of the converter zoo (truth beside each)."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import load_report
from tests.core.truth import read_against_truth, t3_row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"
ZOO = Path(__file__).resolve().parents[2] / "fixtures" / "zoo"


def test_a_blank_first_value_keeps_its_column_in_a_narrow_block_of_a_wide_grid():
    # 表二's last block "信息内容 | 采购项目数量 | 采购总金额 |" sits in a 4-column grid:
    # "政府集中采购 |  | 0 |" prints 采购项目数量 blank and 采购总金额 0
    path = CONVERTERS / "zoo780-r0014.pandoc-docx-gfm.md"
    report = load_report(path)
    assert report.cells["section2.procurement.count"].state == "blank"
    assert report.value("section2.procurement.amount") == 0
    _, wrong, silent = read_against_truth(path)
    assert silent == [] and "section2.procurement.amount" not in wrong


def test_a_non_zero_amount_after_a_blank_count_is_not_read_as_the_count(tmp_path):
    text = (CONVERTERS / "zoo780-r0014.pandoc-docx-gfm.md").read_text(encoding="utf-8")
    row = "| 政府集中采购         |                | 0              |                |"
    assert row in text
    path = tmp_path / "report.md"
    path.write_text(text.replace(row, row.replace("| 0    ", "| 35.6 ")), encoding="utf-8")
    report = load_report(path)
    assert report.cells["section2.procurement.count"].state == "blank"
    assert report.value("section2.procurement.amount") == 35.6


def test_a_split_label_column_is_still_layout_under_a_header(tmp_path):
    # the label column split in two: the header names nothing above the empty cell after the label
    text = (CONVERTERS / "zoo780-r0014.pandoc-docx-gfm.md").read_text(encoding="utf-8")
    header = "| 信息内容             | 采购项目数量   | 采购总金额     |                |"
    row = "| 政府集中采购         |                | 0              |                |"
    path = tmp_path / "report.md"
    path.write_text(text.replace(header, "| 信息内容 |  | 采购项目数量 | 采购总金额 |")
                    .replace(row, "| 政府集中采购 |  | 3 | 35.6 |"), encoding="utf-8")
    report = load_report(path)
    assert report.value("section2.procurement.count") == 3
    assert report.value("section2.procurement.amount") == 35.6


def test_headings_in_html_spans_name_their_columns(tmp_path):
    # pandoc keeps a web page's inline styles: "<span style="font-size:12px">采购总金额</span>"; the
    # digits of the style are not a value, the cell is a heading
    text = (CONVERTERS / "zoo780-r0014.pandoc-docx-gfm.md").read_text(encoding="utf-8")
    header = "| 信息内容             | 采购项目数量   | 采购总金额     |                |"
    row = "| 政府集中采购         |                | 0              |                |"
    span = '<span style="font-size:12px">{}</span>'.format
    path = tmp_path / "report.md"
    path.write_text(text.replace(header, f"| {span('信息内容')} | {span('采购项目数量')} | {span('采购总金额')} |  |")
                    .replace(row, f"| {span('政府集中采购')} |  | {span('35.6')} |  |"), encoding="utf-8")
    report = load_report(path)
    assert report.cells["section2.procurement.count"].state == "blank"
    assert report.value("section2.procurement.amount") == 35.6


def test_a_row_of_placeholders_is_no_header_for_the_row_under_it():
    # pq2304 r0003: every 0 printed 「\-」, 总计 left empty. 「（六）其他处理」 (label in the grid's second
    # column) prints \- in every value cell: taken for a header row, its six 「\-」 and its label named
    # seven columns, and 「四、结转下年度继续办理」 (label in the first column) was placed under them,
    # its blank second label cell read as 自然人: 28 1 a column right, a T3-1 错误 on a right report
    report, wrong, silent = read_against_truth(ZOO / "pq2304-r0003-pandoc-docx-gfm.md")
    assert t3_row(report, "carried_forward") == [28, 1, None, None, None, None, None]
    assert not [f for f in check(report) if f.rule == "T3-1"]
    assert wrong == [] and silent == []
