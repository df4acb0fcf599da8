"""One agency's report next to the year before: the cells that changed, the cross-year findings,
the numbers the prose states and how much of the text is last year's.

Both sides are ``ReportReview`` objects, so the auditor's corrections are what gets compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from core.check.cross_year import (ProseNumber, Reuse, TOPICS, cross_year, previous_cells,
                                   prose_numbers, text_reuse)
from core.compare.diff import CellChange, Counts, arithmetic, cell_changes, counts, matched_paths
from core.compare.pairing import normalise_agency
from core.model import Finding, Number, Report
from core.review.edits import ReportReview
from core.template import all_paths


class PairError(ValueError):
    """Two reports that cannot be compared (Chinese message)."""


@dataclass
class ProseRow:
    topic: str
    previous: Optional[ProseNumber]
    current: Optional[ProseNumber]


def _review(item: Union[Report, ReportReview]) -> ReportReview:
    """The review as it stands now, a copy: one comparison's values, the verdicts it shows and
    what it exports agree (a view following the review draws a new comparison when it changes)."""
    return item.copy() if isinstance(item, ReportReview) else ReportReview(item)


def check_pair(previous: Report, current: Report) -> None:
    """Raise PairError unless the two are different years of one agency."""
    for report in (previous, current):
        if not report.cells:
            raise PairError(f"无法比对：“{report.file}”未能解析出统计表")
        if not normalise_agency(report.agency):
            raise PairError(f"无法比对：未能识别“{report.file}”的单位名称")
        if not report.year:
            raise PairError(f"无法比对：未能识别“{report.file}”的报告年度")
    if normalise_agency(previous.agency) != normalise_agency(current.agency):
        raise PairError(f"两份报告不是同一单位，无法比对：“{previous.agency}”与“{current.agency}”")
    if previous.year == current.year:
        raise PairError(f"两份报告是同一年度（{current.year}年），无法比对：请选择同一单位相邻年度的报告")


class Comparison:
    """previous = year N−1 (or earlier), current = year N; give them in either order."""

    def __init__(self, a: Union[Report, ReportReview], b: Union[Report, ReportReview]) -> None:
        sources = (a, b)
        a, b = _review(a), _review(b)
        check_pair(a.report, b.report)
        assert a.report.year and b.report.year  # (check_pair refuses a report without its year)
        if a.report.year > b.report.year:
            a, b = b, a
            sources = sources[::-1]
        self.previous, self.current = a, b
        # what it was drawn from (a live ReportReview goes on changing): a view may draw it again
        self.previous_source, self.current_source = sources
        before, now = a.current(), b.current()
        assert before.year and now.year  # (a copy of each report: its year too)
        self.previous_report, self.current_report = before, now
        self.consecutive = now.year - before.year == 1
        if self.consecutive:  # (copies: pairing them leaves the live reviews' links alone)
            # a cross-year verdict shown with the findings stands for last year's values too
            b.previous_year = a
        self.cells: list[CellChange] = cell_changes(before, now)
        self.counts: dict[str, Counts] = counts(self.cells)
        # The X rules speak of "last year": they hold for consecutive years only.
        self.findings: list[Finding] = cross_year(before, now) if self.consecutive else []
        self.reuse: Reuse = text_reuse(before, now)
        self.prose = self._prose_rows()
        matched = matched_paths(before.template, now.template)
        self._by_current = {c.path: c for c in self.cells}
        self._by_previous = {c.previous_path: c for c in self.cells}
        in_current, in_previous = {c for c, _ in matched}, {p for _, p in matched}
        self.only_current = [p for p in all_paths(now.template) if p not in in_current]
        self.only_previous = [p for p in all_paths(before.template) if p not in in_previous]

    def sided(self, words: str) -> str:
        """``words`` naming the two sides 上年 and 本年 as this comparison calls them: two years not
        adjacent (2019 beside 2021, Ctrl+D's nearest other year) are the earlier and the later one."""
        if self.consecutive:
            return words
        return words.replace("上年", "较早年度").replace("本年", "较晚年度")

    def _prose_rows(self) -> list[ProseRow]:
        before = {n.topic: n for n in prose_numbers(self.previous_report)}
        now = {n.topic: n for n in prose_numbers(self.current_report)}
        return [ProseRow(t.label, before.get(t.label), now.get(t.label))
                for t in TOPICS if t.label in before or t.label in now]

    # --- lookups for the views ------------------------------------------------------------------

    def one_version_cells(self, side: str, section: Optional[str] = None) -> list[tuple[str, Optional[Number]]]:
        """(path, value) of the cells only this side's template version has (the 2019 single
        （六）其他处理 row, the 2021 （六）1–3, 2019's 上一年项目数量 …), in template order: shown
        grey as 仅一版模板有, never compared, never counted as changes."""
        paths, report = ((self.only_current, self.current_report) if side == "current"
                         else (self.only_previous, self.previous_report))
        return [(p, arithmetic(report, p)) for p in paths if section is None or p.split(".")[0] == section]

    def change_at(self, path: str, side: str = "current") -> Optional[CellChange]:
        """The change of a cell by its path in the current (or "previous") year's template."""
        return (self._by_current if side == "current" else self._by_previous).get(path)

    def changes(self) -> list[CellChange]:
        return [c for c in self.cells if c.changed]

    @staticmethod
    def previous_cells(finding: Finding) -> list[str]:
        return previous_cells(finding)

    def cells_before(self, finding: Finding) -> list[str]:
        """The cells of last year's report a cross-year finding compares with, in last year's
        template version (``previous_cells`` across versions)."""
        return previous_cells(finding, self.previous_report.template, self.current_report.template)

    def is_corrected(self, path: str, side: str) -> bool:
        review = self.current if side == "current" else self.previous
        return review.is_corrected(path)

    # --- the command line's contract ---------------------------------------------------------------

    def to_json(self) -> dict:
        side = lambda r: {"file": r.file, "agency": r.agency, "year": r.year}  # noqa: E731
        return {
            "previous": side(self.previous.report),
            "current": side(self.current.report),
            "cells": [{"cell": c.path, "previous": c.previous, "current": c.current} for c in self.cells],
            "changed": {s: n.changed for s, n in self.counts.items()},
            # cells without a counterpart in the other year's template version: not in "cells",
            # not counted in "changed"
            "only_one_version": {side: [{"cell": p, "value": v} for p, v in self.one_version_cells(side)]
                                 for side in ("previous", "current")},
            "findings": [f.to_json() for f in self.findings],
            "reuse": self.reuse.to_json(),
        }


def compare(a: Union[Report, ReportReview], b: Union[Report, ReportReview]) -> Comparison:
    return Comparison(a, b)

