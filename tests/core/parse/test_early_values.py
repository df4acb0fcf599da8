"""Values printed on the lines after a row's whole row of values, above the next row's wrapped
label (pdfplumber's text), read into that next row."""
from __future__ import annotations

from pathlib import Path

from core.check.rules import check
from core.export.report_json import report_json
from core.pipeline import load_report
from tests.core.truth import t3_row_counted as _row

CONVERTERS = Path(__file__).resolve().parents[2] / "fixtures" / "converters"


def test_values_after_a_whole_short_row_go_down_to_the_wrapped_label_below():
    # pdfplumber, blank zeros (a blank cell leaves no trace): 「4.无正当理由大量反复申请 9 3 12」,
    # then 「1 1」 alone on the next line, then 「5.要求行政机关确认或重新出具已」 / 「获取信息」
    # with nothing beside it. 9 3 12 is a whole row ending with its 总计 (9 + 3 = 12), and nothing
    # prints after a row's 总计: the 1 1 are row 5's (自然人 1, 总计 1), not row 4's.
    report = load_report(CONVERTERS / "guard780-r0026.pdfplumber.txt")
    assert _row(report, "not_processed_massive") == [9, 3, 0, 0, 0, 0, 12]
    assert _row(report, "not_processed_confirm") == [1, 0, 0, 0, 0, 0, 1]
    assert any(f.cell == "section3.not_processed_confirm" and f.kind == "inferred" for f in report.flags)
    # the report's one misprint (「2.重复申请」 总计 printed 31, true 13) is then the only sum
    # broken beside 总计's column, and its true value is suggested
    findings = report_json(report, check(report))["findings"]
    suggested = {f["suggestion"]["cell"]: f["suggestion"]["value"] for f in findings if f.get("suggestion")}
    assert suggested == {"section3.not_processed_duplicate.total": 13}


def test_a_row_broken_over_lines_that_adds_up_whole_stays_one_row():
    # catdoc, blank zeros: it writes the tabs around a blank cell as a line break, so
    # 「3.危及“三安全一稳定”	1	1」 then 「2」 on a line of its own is one row (1 + 1 = 2), though
    # its first line adds up by chance (1 = 1); the row below, 「4.保护第三方合法权益」, printed nothing
    report = load_report(CONVERTERS / "c4901-r0011.catdoc.txt")
    assert _row(report, "denied_safety_stability") == [1, 1, 0, 0, 0, 0, 2]
    assert _row(report, "denied_third_party") == [0, 0, 0, 0, 0, 0, 0]
