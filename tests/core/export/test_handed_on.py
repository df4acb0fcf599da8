"""Exports as an auditor prints and hands them on (export20): the problem list readable on A4,
a failing sum's two sides named, report sheets named after their files, every open finding in
the CSV, row heights safe for Excel on Windows. The rules here are the real ones."""
from __future__ import annotations

import csv
from pathlib import Path

import core.review.edits as edits_module
from core.export.dispatch import export
from core.model import Finding, Report
from core.review.edits import CONFIRMED, ReportReview, verdict_on
from tests.core.review.test_edits import make_report


# --- 4. the CSV: a finding naming no single cell --------------------------------------------

D1 = Finding("D-1", "warning", [], "标题年度为2022年，统计期限为2023年，两者不一致", expected=2022, actual=2023)
D4 = Finding("D-4", "warning", ["section2", "section3", "section4"], "表格与模板不符")
T2_2 = Finding("T2-2", "warning", ["section2.rules.issued"], "本年制发件数大于现行有效件数与废止件数之和")


def csv_lines(reviews, tmp_path: Path) -> list[dict]:
    target = tmp_path / "结果.csv"
    export(reviews, target)
    with open(target, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_gives_an_open_finding_naming_no_cell_the_report_s_line(tmp_path, monkeypatch):
    """D-1 (the text) and D-4 (whole tables) open, without a verdict, had no line of the CSV at
    all: a reader of the CSV alone never learnt of them. They go on the report's 整份报告 line."""
    monkeypatch.setattr(edits_module, "_check", lambda report: [D1, D4, T2_2])
    lines = csv_lines([ReportReview(make_report(file=str(tmp_path / "a.txt")))], tmp_path)
    whole = [line for line in lines if line["表"] == "整份报告"]
    assert [(w["审核意见"], w["未处理问题"]) for w in whole] == [("", "D-1 警告；D-4 警告")]
    assert [line["未处理问题"] for line in lines if line["未处理问题"]] == ["T2-2 警告", "D-1 警告；D-4 警告"]


def test_csv_report_line_carries_verdicts_and_open_findings_together(tmp_path, monkeypatch):
    monkeypatch.setattr(edits_module, "_check", lambda report: [D1, D4])
    review = ReportReview(make_report(file=str(tmp_path / "a.txt")))
    review.set_verdict(verdict_on(D1, CONFIRMED, "标题年度有误"))
    [whole] = [line for line in csv_lines([review], tmp_path) if line["表"] == "整份报告"]
    assert (whole["审核意见"], whole["意见说明"], whole["未处理问题"]) == ("D-1 确认问题", "D-1：标题年度有误", "D-4 警告")


def test_csv_line_of_an_unreadable_file_names_its_open_findings(tmp_path, monkeypatch):
    d2 = Finding("D-2", "error", ["section2", "section3", "section4"], "未找到表二、表三、表四")
    monkeypatch.setattr(edits_module, "_check", lambda report: [d2])
    unreadable = ReportReview(Report(file=str(tmp_path / "空.txt"), format="txt", problems=["文件为空"]))
    [line] = csv_lines([unreadable], tmp_path)
    assert (line["状态"], line["未处理问题"]) == ("无法读取：文件为空", "D-2 错误")
