"""Texts that name 表三's rows without printing the table (a reviewer's notes, a list of samples):
no section heading, so 表三 is looked for by its first row's label; a table prints its rows in
the template's order, notes name them in any order, and such notes are no table to read."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.pipeline import read_report
from tests.core.truth import t3_row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"

# one note a line, each naming a row of 表三 (in no order) with the numbers a reviewer saw
_NOTES = """# 本批样本核对记录

- r0003（antiword）：表三「（七）总计」×自然人 12 读作 21，已核对。
- r0004：「一、本年新收」 24 3 3 — — — — 读作 30
- r0007（pandoc）：「4.保护第三方合法权益」的 6 个值随之后移，应为 5 1 0 0 0 0 6。
- r0009（lynx）：「2.重复申请」×商业企业 7 漏读，被并入上一行 17 2 0 0 0 0 19。
- r0011：「二、上年结转政府信息公开申请数量」总计 35 与原文一致。
- r0012（w3m）：「6.属于四类过程性信息」行读成空白，应为 3 0 0 0 0 0 3。
- r0015：「（一）予以公开」 自然人 118 多读了一个0（应为 18）。
- r0018（catdoc）：「1.本机关不掌握相关政府信息」 40 2 0 0 0 0 42 错位到下一行。
- r0020：「四、结转下年度继续办理」 9 1 0 0 0 0 10 已核对。
- r0021（html2text）：「（二）部分公开」 4 0 0 0 0 0 4 读作 40。
- r0024：「3.补正后申请内容仍不明确」的值被并入「2.没有现成信息需要另行制作」。
"""


def test_notes_naming_rows_in_no_order_read_no_table(tmp_path):
    # Before: the notes were read as a 表三 from its first 「一、本年新收」 on (400 lines of them):
    # 一、本年新收 24 3 3 …, 二、上年结转 35 …, rows of values from the notes, each an error shown
    # in a report that is no report; a 180 KB list of samples cost 525 M instructions so read
    path = tmp_path / "核对记录.md"
    path.write_text(_NOTES, encoding="utf-8")
    report, _ = read_report(str(path))
    # (naming 「政府信息公开」 and 「申请」 but no year, nor a label of 表二 or 表三: listed as no
    # report, not as one whose tables were not found with a D-2 finding of missing sections)
    from core.parse.parser import NOT_A_REPORT
    assert report.tables == []
    assert [path for path, cell in report.cells.items() if cell.value is not None] == []
    assert report.problems == [NOT_A_REPORT]
    assert check(report) == []


def test_a_report_whose_headings_the_converter_lost_is_still_read():
    # docx2txt runs 表三's cells together and its section 三 heading into the text before: 表三 is
    # found by its first row, its rows named in the template's order (checked by hand: 27153 +
    # 1983 + 1338 = 30474, 2001 + 186 + 6 = 2193)
    report, _ = read_report(str(CONVERTERS / "d2t601-r0007.docx2txt.txt"))
    assert 3 not in report.sections
    assert t3_row(report, "new") == [27153, 1983, None, None, None, 1338, 30474]
    assert t3_row(report, "carried_over") == [2001, 186, None, None, None, 6, 2193]
    assert report.problems == []


def test_a_spreadsheet_and_a_log_beside_the_reports_are_listed_as_no_report(tmp_path):
    # what an auditor's folder holds besides: a CSV of counts whose header names 「收文数」 (表三's
    # first row is looked for in its one line holding 收, not in its 3 000 rows) and a program's
    # log; each listed with its reason, nothing read
    from core.parse.parser import NOT_A_REPORT
    sheet = tmp_path / "统计数据导出.csv"
    sheet.write_text("序号,单位名称,收文数,发文数,办结数\n"
                     + "".join(f"{n},单位{n % 30},{n * 7 % 500},{n * 3 % 400},{n % 90}\n" for n in range(1, 3001)),
                     encoding="utf-8")
    log = tmp_path / "运行日志.txt"
    log.write_text("".join(f"2026-12-07 06:{n // 60 % 60:02d}:{n % 60:02d} INFO worker[{n % 8}] parsed {n}.pdf in "
                           f"{n % 900} ms\n" for n in range(3000)), encoding="utf-8")
    for path in (sheet, log):
        report, _ = read_report(str(path))
        assert report.problems == [NOT_A_REPORT]
        assert report.tables == [] and check(report) == []
