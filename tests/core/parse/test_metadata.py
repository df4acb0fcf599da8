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


def test_a_title_wrapped_inside_its_last_words_still_names_the_agency():
    """A web page printed to PDF (LibreOffice) wraps a long title anywhere in 政府信息公开工作年度报告:
    13 of the dev zoo's 15 such PDFs were read with no agency (a blank 单位 column, an Excel sheet
    and a Word file named only “2021年…”, no year before to compare with)."""
    crumbs = "当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报"
    for first, second in (("安平市凤凰区商务局 2021 年政府信息公开工作年", "度报告"),
                          ("临川市开发区生态环境局 2020 年政府信息公开工", "作年度报告"),
                          ("永安市金水区卫生健康委员会 2020 年政府信息公", "开工作年度报告"),
                          ("泰和市开发区发展和改革委员会 2023 年政府信息", "公开工作年度报告"),
                          ("云阳市高新区人力资源和社会保障局 2021 年政府", "信息公开工作年度报告"),
                          ("永安市生态环境局 2021 年政府信息公开工作年度", "报告")):
        report = parse(head_of([crumbs, first, second, "发布机构：某单位 发布日期：2022-01-28", "一、总体情况"]))
        assert report.agency == first.split(" ")[0], first
        assert report.title_year == int(first.split(" ")[1]), first


def test_a_sites_links_to_other_years_reports_are_not_the_title():
    """A site's page prints its lists of related reports around the report: list items (html2text's
    marks stripped with Markdown's), each dated, and 上一篇. The report's title is the one that is
    no link, and the report's year its own (a link's year would file it under another year)."""
    report = parse(head_of(["相关文章",
                            "  * 江州市应急管理局2020年政府信息公开工作年度报告2021-01-17",
                            "  • 江州市应急管理局2019年政府信息公开工作年度报告（2020-01-14）",
                            "上一篇：江州市应急管理局2018年政府信息公开工作年度报告",
                            "# 江州市应急管理局2021年政府信息公开工作年度报告",
                            "所列数据的统计期限自2021年1月1日起至2021年12月31日止。"]))
    assert (report.agency, report.title_year, report.year) == ("江州市应急管理局", 2021, 2021)


def test_of_undated_titles_the_one_of_the_periods_year_is_the_reports():
    report = parse(head_of(["江州市应急管理局2020年政府信息公开工作年度报告",
                            "江州市应急管理局2021年政府信息公开工作年度报告",
                            "本报告统计期限为2021年1月1日至12月31日。"]))
    assert (report.title_year, report.year) == (2021, 2021)


def test_a_title_of_another_year_than_the_period_is_still_the_title():
    """The one title the report prints says 2022, its period 2023: read as printed (D-1 warns)."""
    report = parse(head_of(["上一篇：江州市应急管理局2021年政府信息公开工作年度报告",
                            "江州市应急管理局2022年政府信息公开工作年度报告",
                            "本报告统计期限为2023年1月1日至12月31日。"]))
    assert (report.title_year, report.period_year) == (2022, 2023)


def test_an_agency_of_over_sixty_characters_keeps_its_last_sixty_and_a_title_after_a_title_is_found():
    """The title is found from its year back (_titles): the agency is the run of its characters
    right before the year (white space between), at most 60 of them, as the whole pattern reads it.
    An office named with the bodies it also is (45 characters) is read whole: at most 40 cut it to
    「区人民政府办公室（…）」, the dashboard's 单位 and the exports naming no 泰和市凤凰."""
    joint = "泰和市凤凰区人民政府办公室（泰和市凤凰区大数据发展管理局、泰和市凤凰区政务服务管理办公室）"
    assert len(joint) == 45
    report = parse(head_of([f"{joint}2021年政府信息公开工作年度报告"]))
    assert report.agency == joint.replace("（", "(").replace("）", ")")  # (the head is normalised)
    long_agency = "甲" * 25 + "某某省某某市某某县某某镇人民政府办公室政务公开科某某街道办事处社区服务中心某某某某"
    assert len(long_agency) > 60
    report = parse(head_of([f"{long_agency} \n 2022 年 度 政府信息公开工作年度报告"]))
    assert report.agency == long_agency[-60:]
    assert report.title_year == 2022
    # a digit glued before the year leaves that year no agency: the next title is the report's
    report = parse(head_of(["某某局12021年度政府信息公开工作年度报告", "某某县人民政府2023年度政府信息公开工作年度报告"]))
    assert (report.agency, report.title_year) == ("某某县人民政府", 2023)


def test_a_number_after_di_stays_in_the_agency():
    """「第17街道办事处」: the agency's name was cut after the number (「街道办事处」), and every 街道 of a
    district was one agency — filed as copies of each other, and paired across years wrongly."""
    for title, agency in (("南京市鼓楼区第17街道办事处2021年政府信息公开工作年度报告", "南京市鼓楼区第17街道办事处"),
                          ("某某市第２中学 2022 年政府信息公开工作年度报告", "某某市第2中学"),
                          ("某某区人民政府 2021 年政府信息公开工作年度报告", "某某区人民政府")):
        report = parse(head_of([title, "一、总体情况"]))
        assert report.agency == agency, title
    report = parse(head_of(["某某区2021年政府信息公开工作年度报告", "本报告由某某区第3街道办事处根据《条例》编制。"]))
    assert report.agency == "某某区第3街道办事处"  # the compiler named, more fully than the title
