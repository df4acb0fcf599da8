"""Two years of one agency side by side: the cross-year rules X-1..X-3."""
from __future__ import annotations

import re
from typing import Optional

from core.model import Finding, Number, Report
from core.check.rules import WARNING
from core.template import T3_COLUMNS, describe, tables

_SENTENCE = re.compile(r"[。；;！!？?\n]")
_COPY_SHARE = 0.8  # share of sentences two years' prose may have in common before it looks copied


def _num(report: Report, path: str) -> Optional[Number]:
    cell = report.cells.get(path)
    return cell.arithmetic if cell else None


def cross_year(previous: Report, current: Report) -> list[Finding]:
    """Findings on `current` (year N) given `previous` (year N−1) of the same agency."""
    findings = carried_over_rule(previous, current)
    if current.template != "2019" and previous.template != "2019":
        findings += in_force_rule(previous, current)
    copy = copy_rule(previous, current)
    if copy:
        findings.append(copy)
    return findings


def carried_over_rule(previous: Report, current: Report) -> list[Finding]:
    out = []
    for column in T3_COLUMNS:
        now, before = (_num(current, f"section3.carried_over.{column.key}"),
                       _num(previous, f"section3.carried_forward.{column.key}"))
        if now is None or before is None or now == before:
            continue
        out.append(Finding("X-1", WARNING, [f"section3.carried_over.{column.key}"],
                           f"「{column.label}」列：本年上年结转{now}件，上年报告结转下年度{before}件，两者应相等",
                           expected=before, actual=now))
    return out


def in_force_rule(previous: Report, current: Report) -> list[Finding]:
    out = []
    for row in ("rules", "normative_docs"):
        values = [_num(current, f"section2.{row}.in_force"), _num(previous, f"section2.{row}.in_force"),
                  _num(current, f"section2.{row}.issued"), _num(current, f"section2.{row}.repealed")]
        if None in values:
            continue
        now, before, issued, repealed = values
        expected = before + issued - repealed
        if now != expected:
            name = describe(current.template, f"section2.{row}").split("「")[-1].rstrip("」")
            out.append(Finding("X-2", WARNING, [f"section2.{row}.in_force"],
                               f"「{name}」现行有效{now}件，上年{before}件 + 本年制发{issued}件 − 本年废止{repealed}件"
                               f" = {expected}件", expected=expected, actual=now))
    return out


def _sentences(report: Report) -> set[str]:
    return {s.strip() for s in _SENTENCE.split(re.sub(r"\d+", "#", report.prose())) if len(s.strip()) >= 12}


def copy_rule(previous: Report, current: Report) -> Optional[Finding]:
    paths = [p for t in tables(current.template).values() for p in t.paths()]
    same_tables = current.template == previous.template and \
        any(current.value(p) for p in paths) and all(current.value(p) == previous.value(p) for p in paths)
    before, now = _sentences(previous), _sentences(current)
    shared = len(before & now) / len(now) if now else 0.0
    if not same_tables and shared < _COPY_SHARE:
        return None
    reason = "三张统计表的数据与上年完全相同" if same_tables else f"正文有{shared:.0%}的句子与上年相同"
    return Finding("X-3", WARNING, ["section2", "section3", "section4"] if same_tables else [],
                   f"疑似照抄上年报告：{reason}")
