"""The title, agency and years read from the head of a report."""
from __future__ import annotations

from core.parse.parser import parse
from core.readers.document import Document, TextBuilder


def head_of(lines: list[str]) -> Document:
    builder = TextBuilder()
    for line in lines:
        builder.add_line([line])
    return Document("head.txt", "txt", "utf-8", builder.text, builder.lines)


def test_the_statistics_period_is_read_however_the_line_breaks_and_digits_fall():
    report = parse(head_of(["某某区人民政府2023年政府信息公开工作年度报告",
                            "本报告中使用数据统", "计期限为２０２３年1月1日至12月31日。"]))
    assert report.period_year == 2023
    assert report.year == 2023


def test_the_first_statement_of_the_period_counts_and_a_sentence_end_stops_it():
    report = parse(head_of(["某某局政府信息公开工作年度报告",
                            "统计数据见下表。统计期限。2020年的报告另行公布。",
                            "本报告的统计时限为 2022 年全年。", "统计期间为2021年。"]))
    assert report.period_year == 2022
    assert report.year == 2022


def test_no_statement_of_the_period_leaves_it_unknown():
    report = parse(head_of(["某某局政府信息公开工作年度报告", "统计期限见附表。", "年度内收到申请10件。"]))
    assert report.period_year is None


def test_a_title_in_full_width_digits_and_markdown_marks_is_read_line_by_line():
    """The head is normalised in one call: each line must still read as if normalised alone,
    a line that holds a line break itself included."""
    report = parse(head_of(["# **", "\u0301某某县人民政府２０２２年政府信息公开工作年度报告 **",
                            "（第二行\n内含换行）"]))
    assert report.agency == "某某县人民政府"
    assert report.title_year == 2022
