"""A text holding none of the words a section or a table is found by (a program's log, a CSV of
numbers) is said to be no report from its text alone, its lines never made: what the whole parse
would say of it, at a fraction of the cost (a 2 MB log: 319 M instructions before, 174 M now,
nearly all of it hashing and decoding its bytes)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.check.rules import check
from core.parse import parser
from core.parse.parser import NOT_A_REPORT, parse
from core.pipeline import read_report
from core.readers.text import read_text

# the words a table or a section is found by, their NFKC sources and near misses, among a log's
# or a notice's words
_PIECES = ["\n", "\t", " ", "1", "23", "2023年", "关于", "某市人民政府办公室", "年度报告", "情况", "情", "况",
           "问题", "事项", "概述", "概况", "二十条", "第二十条第（一）项", "复议后", "复议后起诉", "收", "新收",
           "本年新收", "本\uf98e新收", "本年\U0001f21f收", "本年新收政府信息公开申请数量", "政府信息公开", "申请",
           "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、行政复议、行政诉讼情况",
           "情 况", "问\u3000\u3000题", "概\xa0 况", "情    况",  # (spaced out as centred headings are; the last too far)
           "INFO worker parsed", "，", "。", "中" * 2497]  # (the last: 政府信息公开 named before or past 5 000)
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _outcome(report):
    return (report.problems, report.flags, report.agency, report.year,
            report.title_year, report.period_year, report.template, report.sections, report.section_spans,
            {path: (cell.value, cell.state, cell.raw) for path, cell in report.cells.items()}, report.tables)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_text_without_table_words_is_said_to_be_no_report_as_the_whole_parse_says(text):
    quick = parse(read_text("x.txt", text.encode("utf-8")))
    whole_doc = read_text("x.txt", text.encode("utf-8"))
    whole_doc.lines  # noqa: B018 - (made: the whole parse walks them)
    saved = parser.names_no_table
    parser.names_no_table = lambda text: False  # the whole parse, every stage asked
    try:
        whole = parse(whole_doc)
    finally:
        parser.names_no_table = saved
    assert _outcome(quick) == _outcome(whole)
    if parser.names_no_table(text) and text.strip():
        assert quick.problems[-1:] == [NOT_A_REPORT]


def test_a_log_and_a_csv_are_no_reports_their_lines_never_made(tmp_path):
    log = tmp_path / "运行日志.txt"
    log.write_text("某市政务服务系统运行日志 2026年\n"
                   + "".join(f"2026-12-07 06:{n // 60 % 60:02d}:{n % 60:02d} WARN 第 {n % 40} 页未找到文字层，跳过\n"
                             for n in range(2000)), encoding="utf-8")
    sheet = tmp_path / "统计数据导出.csv"
    sheet.write_text("序号,单位名称,收文数,发文数,办结数\n"
                     + "".join(f"{n},单位{n % 30},{n * 7 % 500},{n * 3 % 400},{n % 90}\n" for n in range(1, 2001)),
                     encoding="utf-8")
    for path in (log, sheet):
        doc = read_text(str(path), path.read_bytes(), path.suffix[1:])
        report = parse(doc)
        assert report.problems == [NOT_A_REPORT] and check(report) == []
        assert "lines" not in doc.__dict__  # (told from its text: no Line made for its 2 000 lines)
        assert read_report(str(path))[0].problems == [NOT_A_REPORT]
    assert parse(read_text(str(log), log.read_bytes())).year == 2026  # (its title's year read, as before)
