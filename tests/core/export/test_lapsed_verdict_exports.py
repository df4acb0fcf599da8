"""An auditor handing on the exports sees a verdict an edit made lapse as the window shows it: 审核意见
「已忽略（已失效）」 with its note, the finding still counted and listed as open (未处理); JSON keeps the
verdict apart from "verdict", which would read as handled. The 年度对照 exports say the same of a
cross-year verdict that an edit of last year's report made lapse."""
from __future__ import annotations

import csv
import json

from core.compare.comparison import Comparison
from core.export.compare_docx import build_compare_document
from core.export.compare_xlsx import FINDINGS, build_compare_workbook
from core.export.flat import CSV_HEADER, write_csv, write_json
from core.export.xlsx import build_workbook
from core.review.edits import CONFIRMED, DISMISSED, CellEdit, ReportReview, verdict_on
from tests.core.review.test_cross_year_lapse import (CARRIED_FORWARD, CARRIED_OVER, last_year, paired, this_year,
                                                     x_finding)
from tests.core.review.test_edits import make_report

GRANTED = "section3.granted.natural"  # parsed as 8: T3-2 and T3-3 fail


def lapsed_t3_3() -> ReportReview:
    """T3-3 dismissed 「原文如此」, then 8 corrected to 9: T3-3 still fails, its verdict lapsed; T3-2
    (given after the edit) stands."""
    review = ReportReview(make_report())
    (t3_3,) = [f for f in review.findings() if f.rule == "T3-3"]
    review.set_verdict(verdict_on(t3_3, DISMISSED, "原文如此"))
    review.apply(CellEdit(GRANTED, 8, 9))
    (t3_2,) = [f for f in review.findings() if f.rule == "T3-2"]
    review.set_verdict(verdict_on(t3_2, CONFIRMED, "请单位更正"))
    return review


def rows_of(sheet) -> list[dict]:
    header, *rows = list(sheet.values)
    return [dict(zip(header, row)) for row in rows]


def test_excel_lists_the_lapsed_verdict_with_its_note_and_counts_the_finding_open():
    workbook = build_workbook([lapsed_t3_3()])
    problems = {row["规则"]: row for row in rows_of(workbook["问题清单"])}
    assert (problems["T3-3"]["审核意见"], problems["T3-3"]["意见说明"]) == ("已忽略（已失效）", "原文如此")
    assert (problems["T3-2"]["审核意见"], problems["T3-2"]["意见说明"]) == ("确认问题", "请单位更正")
    (summary,) = rows_of(workbook["汇总"])
    assert (summary["错误"], summary["已处理"]) == (2, 1)  # T3-3 open again: not handled
    sheet = workbook[workbook.sheetnames[3]]
    comments = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment and "T3-3" in c.comment.text]
    assert comments and all("审核意见：已忽略（已失效）（原文如此），因单元格已修改而失效，请重新审核" in text
                            for text in comments)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == CSV_HEADER
    return [dict(zip(CSV_HEADER, row)) for row in rows[1:]]


def test_csv_says_the_lapsed_verdict_where_a_verdict_goes_and_lists_the_finding_as_open(tmp_path):
    write_csv([lapsed_t3_3()], tmp_path / "out.csv")
    rows = read_csv(tmp_path / "out.csv")
    (line,) = [row for row in rows if "T3-3" in row["审核意见"]]
    assert (line["审核意见"], line["意见说明"]) == ("T3-3 已忽略（已失效）", "T3-3：原文如此")
    granted = [row for row in rows if row["行"] == "（一）予以公开" and row["列"] == "自然人"]
    assert "T3-3 错误" in granted[0]["未处理问题"]  # open again, on each cell it names


def test_json_keeps_the_lapsed_verdict_apart_from_verdict(tmp_path):
    write_json([lapsed_t3_3()], tmp_path / "out.json")
    findings = {f["rule"]: f for f in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))[0]["findings"]}
    assert "verdict" not in findings["T3-3"] and "verdict_note" not in findings["T3-3"]
    lapsed = findings["T3-3"]["lapsed_verdict"]
    assert (lapsed["verdict"], lapsed["verdict_note"]) == ("dismissed", "原文如此") and lapsed["time"]
    assert findings["T3-2"]["verdict"] == "confirmed" and "lapsed_verdict" not in findings["T3-2"]


def lapsed_across_years() -> tuple[ReportReview, ReportReview]:
    """X-1 dismissed 「上年报告结转数有误」; then last year's 结转下年度 corrected 3 → 4 in its own report."""
    before = ReportReview(last_year())
    now = paired(before, ReportReview(this_year()))
    now.set_verdict(verdict_on(x_finding(now, "X-1", CARRIED_OVER), DISMISSED, "上年报告结转数有误"))
    before.apply(CellEdit(CARRIED_FORWARD, 3, 4))
    return before, now


def test_the_yearly_comparison_exports_say_a_cross_year_verdict_lapsed():
    before, now = lapsed_across_years()
    comparison = Comparison(before, now)
    findings = rows_of(build_compare_workbook(comparison)[FINDINGS])
    (x1,) = [row for row in findings if row["规则"] == "X-1" and "自然人" in row["本年单元格"]]
    assert (x1["审核意见"], x1["意见说明"]) == ("已忽略（已失效）", "上年报告结转数有误")
    text = "\n".join(p.text for p in build_compare_document(comparison).paragraphs)
    assert "（审核意见：已忽略（已失效）（上年报告结转数有误），因单元格已修改而失效，请重新审核）" in text


def test_the_report_exports_say_it_too_and_the_undo_takes_it_back(tmp_path):
    before, now = lapsed_across_years()
    write_csv([before, now], tmp_path / "out.csv")
    (line,) = [row for row in read_csv(tmp_path / "out.csv") if row["行"].startswith("二、上年结转") and row["列"] == "自然人"
               and row["年度"] == "2023"]
    assert (line["审核意见"], line["未处理问题"]) == ("X-1 已忽略（已失效）", "X-1 警告")
    before.revert(before.edits[-1])  # Ctrl+Z in last year's report
    problems = {row["规则"]: row for row in rows_of(build_workbook([before, now])["问题清单"]) if row["年度"] == 2023}
    assert problems["X-1"]["审核意见"] == "已忽略"
