"""The flat exports: CSV (one line per cell) and JSON (the OUTPUT.md object plus the review)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable, Optional

from core.export.common import (UNREADABLE, CopyNote, ExportSteps, atomic_write, copy_notes, cell_doubt, describe_cells, format_value, opinion,
                                printed_mark, row_label, severity_label, shown_value, unreadable_reason)
from core.export.report_json import report_json
from core.model import Finding
from core.review.edits import RESOLVED_MESSAGE, ReportReview, Verdict, verdict_cells
from core.template import all_paths, tables

CELL_ORIGINAL, CELL_CORRECTED = "原值", "已修正"
CELL_CONFIRMED = "已确认"  # a value the parser was unsure of that the auditor typed again unchanged
# 审核意见 and 意见说明 as Excel's 问题清单 names them (a verdict's label: 确认问题 / 已忽略, and its note)
# 同年度副本 and 副本说明 (last: the columns before keep their places): for a year the agency filed more
# than once, 采用 or 未采用 (whether 汇总's 年度合计, 年度对照 and the cross-year checks count this copy)
# and the report sheet's sentence naming the copy counted and why; both empty for a year filed once
CSV_HEADER = ["文件", "单位", "年度", "表", "行", "列", "原值", "修正值", "状态", "审核意见", "意见说明", "未处理问题",
              "同年度副本", "副本说明"]
COPY_COUNTED, COPY_NOT_COUNTED = "采用", "未采用"
WHOLE_REPORT = "整份报告"  # 表 of the line carrying verdicts on findings that name no single cell


def csv_rows(review: ReportReview, copy: Optional[CopyNote] = None) -> list[list]:
    """One line per cell: 文件, 单位, 年度, 表, 行, 列, 原值, 修正值 (the value after review,
    equal to 原值 when uncorrected), 状态: 已修正; 已确认 (a value in doubt the auditor confirmed); else 推定 (the parser filled the value in from
    the template's sums) or 存疑 (the parser was unsure of it, or a finding other than an error
    or a warning names it); else 原值; then the auditor's verdicts on the findings that name the
    cell: 审核意见 (「T3-1 确认问题」, several joined by ；) and 意见说明 (「T3-1：以纸质版为准」:
    the note for the agency, the reason for dismissing); 未处理问题: the findings naming the cell
    that have no verdict yet, each by its rule and severity (「T4-1 错误」, several joined by ；), so
    that a reader of the CSV alone sees which cells break the template's sums. A verdict on a finding naming several
    cells is given once, on a line of its own after the cells, its 表 naming them as Excel's
    问题清单 does (表四「行政复议」×「结果维持」、表四「行政复议」×「总计」; describe_cells).
    Findings that name no single cell (a table, a row, the text) go on one more line, its 表
    整份报告: the verdicts given on them, and in 未处理问题 those still open (D-1's title year
    against the period, D-2's missing tables: without it such a finding had no line at all). A file
    whose tables could not be read is one line, its 状态 saying why (无法读取：文件为空), with the
    verdicts given on it and its open findings. ``copy``: the report's CopyNote when its agency
    filed its year more than once (同年度副本, 副本说明 on every line), else None. A verdict an edit
    since made lapse is said where a standing one would be, as the window says it (「T3-1 已忽略（已失效）」,
    its note in 意见说明), its finding listed in 未处理问题 all the same: open again."""
    report = review.report
    who = [report.file, report.agency or "", report.year or ""]
    reason = unreadable_reason(report)
    findings = review.findings()
    judged = [(finding, verdict) for finding in findings
              for verdict in [review.verdict_of(finding)] if verdict is not None]
    judged_ids = {id(finding) for finding, _ in judged}
    waiting = [finding for finding in findings if id(finding) not in judged_ids]
    # a verdict an edit since made lapse is said where a verdict is (审核意见 「T3-1 已忽略（已失效）」),
    # its finding still listed in 未处理问题: open again
    judged += [(finding, verdict) for finding in waiting
               for verdict in [review.lapsed_verdict_of(finding)] if verdict is not None]
    copy_columns = _copy_columns(copy)
    if reason:
        return [who + ["", "", "", "", "", f"{UNREADABLE}：{reason}", *_verdict_columns(judged, review),
                       "；".join(map(_open_label, waiting)), *copy_columns]]
    cells = set(all_paths(report.template))
    open_on: dict[str, list[str]] = {}  # cell -> the findings naming it that wait for a verdict
    open_elsewhere = []  # those naming no single cell (a table, a row, the text): on 整份报告's line
    for finding in waiting:
        named = [cell for cell in dict.fromkeys(finding.cells) if cell in cells]
        for cell in named:
            open_on.setdefault(cell, []).append(_open_label(finding))
        if not named:
            open_elsewhere.append(_open_label(finding))
    on_cell: dict[str, list[tuple[Finding, Verdict]]] = {}
    on_cells, elsewhere = [], []  # verdicts on findings naming several cells, and naming none
    for finding, verdict in judged:
        named = [cell for cell in finding.cells if cell in cells]
        if len(named) == 1:
            on_cell.setdefault(named[0], []).append((finding, verdict))
        elif named:
            on_cells.append((finding, verdict))
        else:
            elsewhere.append((finding, verdict))
    out = []
    for section, table in tables(report.template).items():
        for row in table.rows:
            for column in row.columns:
                path = f"{section}.{row.key}.{column.key}"
                state = (CELL_CORRECTED if review.is_corrected(path)
                         else CELL_CONFIRMED if review.is_confirmed(path)
                         else cell_doubt(report, findings, path) or CELL_ORIGINAL)
                out.append(who + [table.title, row_label(section, row), column.label,
                                  _original(review, path), _csv_value(shown_value(review, path)), state,
                                  *_verdict_columns(on_cell.get(path, []), review), "；".join(open_on.get(path, [])),
                                  *copy_columns])
    for finding, verdict in on_cells:  # once, as Excel's 问题清单 lists it (each cell's line repeated it)
        out.append(who + [describe_cells(report.template, list(finding.cells)), "", "", "", "", "",
                          *_verdict_columns([(finding, verdict)], review), "", *copy_columns])
    for verdict in review.resolved_verdicts(findings):  # given, then the cells corrected: the note stays
        where = describe_cells(report.template, verdict_cells(report.template, verdict.cells))
        out.append(who + [where or WHOLE_REPORT, "", "", "", "",
                          f"{RESOLVED_MESSAGE}（{verdict.rule}）", f"{verdict.rule} {verdict.label}",
                          f"{verdict.rule}：{verdict.note}" if verdict.note else "", "", *copy_columns])
    if elsewhere or open_elsewhere:
        out.append(who + [WHOLE_REPORT, "", "", "", "", "", *_verdict_columns(elsewhere, review),
                          "；".join(open_elsewhere), *copy_columns])
    return out


def _copy_columns(copy: Optional[CopyNote]) -> list[str]:
    """同年度副本 and 副本说明 of a report (empty for a year filed once)."""
    if copy is None:
        return ["", ""]
    return [COPY_COUNTED if copy.counted else COPY_NOT_COUNTED, copy.line()]


def _open_label(finding: Finding) -> str:
    """A finding waiting for a verdict as 未处理问题 names it: 「T4-1 错误」."""
    return f"{finding.rule} {severity_label(finding.severity)}"


def _verdict_columns(judged: list[tuple[Finding, Verdict]], review: ReportReview) -> list[str]:
    """审核意见 and 意见说明 of the verdicts given, each named by its finding's rule (a lapsed one
    as the window says it: 「T3-1 已忽略（已失效）」)."""
    said = [(finding, opinion(review, finding)) for finding, _verdict in judged]
    return ["；".join(f"{finding.rule} {label}" for finding, (label, _note) in said),
            "；".join(f"{finding.rule}：{note}" for finding, (_label, note) in said if note)]


def _original(review: ReportReview, path: str) -> str:
    """As printed: the number, or the report's "/" or "—"; "" for blank."""
    value = review.original(path)
    return printed_mark(review.report, path) if value is None else format_value(value)


def _csv_value(value) -> str:
    if isinstance(value, str):  # a printed mark
        return value
    return "" if value is None else format_value(value)


def write_csv(reviews: Iterable[ReportReview], target: Path, notes: Optional[dict[int, CopyNote]] = None,
              steps: Optional[ExportSteps] = None) -> None:
    """Long form, UTF-8 with BOM (Excel opens it correctly). ``notes``: copy_notes of the reviews,
    when ``reviews`` is consumed as it is written. ``steps``: asked whether to go on."""
    if notes is None:
        reviews = list(reviews)
        notes = copy_notes(reviews)

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(CSV_HEADER)
            for review in reviews:
                writer.writerows(csv_rows(review, notes.get(id(review))))
    atomic_write(target, write, steps.go_on if steps else None)


def review_json(review: ReportReview, copy: Optional[CopyNote] = None) -> dict:
    """The OUTPUT.md object of the corrected report, plus the review: "status" (状态, one of STATUS_TEXTS),
    "corrections", one entry per cell the auditor set (corrected, or confirmed: a value in doubt typed
    again unchanged, its old equal to its new): parsed value, value now, note and time, and
    on each finding with a verdict "verdict" (confirmed / dismissed) and "verdict_note"; on each whose
    verdict an edit since made lapse (open again, so no "verdict") "lapsed_verdict": that verdict, its
    note and time;
    "resolved_verdicts": the verdicts on findings the corrections made go away (their notes); "copy": for
    a year its agency filed more than once, whether this copy is the one counted (汇总's 年度合计,
    年度对照, the cross-year checks), which one is, every copy and why (CopyNote), else null."""
    findings = review.findings()
    out = report_json(review.current(), findings)
    for entry, finding in zip(out["findings"], findings):
        verdict = review.verdict_of(finding)
        if verdict is not None:
            entry.update(verdict=verdict.verdict, verdict_note=verdict.note)
        elif (lapsed := review.lapsed_verdict_of(finding)) is not None:  # open again: no "verdict"
            entry["lapsed_verdict"] = {"verdict": lapsed.verdict, "verdict_note": lapsed.note, "time": lapsed.time}
    out["status"] = review.status_text  # as the window, Excel and CSV say: 无法读取 for a file no table was read from
    out["corrections"] = [
        {"cell": path, "old": c.original, "new": c.current, "note": c.note, "time": c.time}
        for path, c in review.corrections(confirmed=True).items()
    ]
    # verdicts on findings the auditor's corrections made go away: the note for the agency stays
    out["resolved_verdicts"] = [
        {"rule": v.rule, "cells": verdict_cells(review.report.template, v.cells), "verdict": v.verdict,
         "verdict_note": v.note, "time": v.time}
        for v in review.resolved_verdicts(findings)
    ]
    out["copy"] = copy.to_json() if copy else None
    return out


def write_json(reviews: Iterable[ReportReview], target: Path, notes: Optional[dict[int, CopyNote]] = None,
               steps: Optional[ExportSteps] = None) -> None:
    """A JSON array, one object per report, UTF-8. ``notes``: copy_notes of the reviews, when
    ``reviews`` is consumed as it is written. ``steps``: told when the file is being written,
    asked whether to go on."""
    steps = steps or ExportSteps()
    if notes is None:
        reviews = list(reviews)
        notes = copy_notes(reviews)
    data = [review_json(review, notes.get(id(review))) for review in reviews]
    steps.saving()

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
    atomic_write(target, write, steps.go_on)
