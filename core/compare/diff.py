"""Cell-by-cell changes between two years, across template versions.

Cells are matched by meaning: the same key in both versions (表三 and 表四 are the same apart from
（六）其他处理, and 表二's 处理决定数量 rows), plus the pairs listed in ``SAME_MEANING`` whose keys
differ. A cell of one version with no counterpart (the 2019 single （六）其他处理 row, the 2021
（六）1–3, 2019's 上一年项目数量 …) is "only in that version" and is shown, not compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from core.check.rules import unfilled_columns
from core.model import Number, Report
from core.template import SAME_MEANING, SECTIONS, all_paths

UNCHANGED, UP, DOWN, BECAME_NONZERO, BECAME_ZERO = "unchanged", "up", "down", "became_nonzero", "became_zero"
ZERO_BOTH = "zero_both"  # 0 (or blank) in both years: shown plainly, never counted
UNKNOWN = "unknown"  # a side printed nothing usable ("/", a lost row)
CHANGED_KINDS = (UP, DOWN, BECAME_NONZERO, BECAME_ZERO)



@dataclass(frozen=True)
class CellChange:
    path: str  # the cell in the current year's template
    previous_path: str  # the same cell in the previous year's template
    previous: Optional[Number]  # arithmetic values (blank = 0; "/" or missing = None)
    current: Optional[Number]
    kind: str

    @property
    def changed(self) -> bool:
        return self.kind in CHANGED_KINDS

    @property
    def delta(self) -> Optional[Number]:
        if self.previous is None or self.current is None:
            return None
        return _tidy(self.current - self.previous)

    @property
    def percent(self) -> Optional[float]:
        """The change in % of last year's value; None from 0 or when a side is unknown."""
        if self.delta is None or not self.previous:
            return None
        return self.delta / self.previous * 100

    @property
    def section(self) -> str:
        return self.path.split(".")[0]


def _tidy(value: Number) -> Number:
    return round(value, 6) if isinstance(value, float) else value


def change_kind(previous: Optional[Number], current: Optional[Number]) -> str:
    if previous is None or current is None:
        return UNKNOWN
    if previous == current:
        return ZERO_BOTH if previous == 0 else UNCHANGED
    if previous == 0:
        return BECAME_NONZERO
    if current == 0:
        return BECAME_ZERO
    return UP if current > previous else DOWN


def matched_paths(previous_version: str, current_version: str) -> list[tuple[str, str]]:
    """(current path, previous path) for every cell both templates hold, in the current template's order."""
    before = set(all_paths(previous_version))
    to_2021 = SAME_MEANING if previous_version == "2019" and current_version != "2019" else {}
    to_2019 = {v: k for k, v in SAME_MEANING.items()} \
        if current_version == "2019" and previous_version != "2019" else {}
    out = []
    for path in all_paths(current_version):
        counterpart = to_2019.get(path) or next((k for k, v in to_2021.items() if v == path), path)
        if counterpart in before:
            out.append((path, counterpart))
    return out


def arithmetic(report: Report, path: str) -> Optional[Number]:
    cell = report.cells.get(path)
    return cell.arithmetic if cell else None


def cell_changes(previous: Report, current: Report) -> list[CellChange]:
    # a column a report left empty as a whole (表三's 总计 unfilled) is unknown, not 0: 779 → blank
    # was drawn 变为0 and counted n→0
    empty_before, empty_now = ({p for _said, paths in unfilled_columns(report).values() for p in paths}
                               for report in (previous, current))
    out = []
    for path, previous_path in matched_paths(previous.template, current.template):
        before = None if previous_path in empty_before else arithmetic(previous, previous_path)
        now = None if path in empty_now else arithmetic(current, path)
        out.append(CellChange(path, previous_path, before, now, change_kind(before, now)))
    return out


@dataclass
class Counts:
    changed: int = 0
    unchanged: int = 0
    became_nonzero: int = 0
    became_zero: int = 0

    def to_json(self) -> dict:
        return {"changed": self.changed, "unchanged": self.unchanged,
                "became_nonzero": self.became_nonzero, "became_zero": self.became_zero}


def counts(changes: list[CellChange]) -> dict[str, Counts]:
    """Per table: changed (any direction), unchanged, 0→n, n→0; cells 0 in both years not counted."""
    out = {section: Counts() for section in SECTIONS}
    for change in changes:
        c = out[change.section]
        if change.changed:
            c.changed += 1
        if change.kind == UNCHANGED:
            c.unchanged += 1
        elif change.kind == BECAME_NONZERO:
            c.became_nonzero += 1
        elif change.kind == BECAME_ZERO:
            c.became_zero += 1
    return out


# The colours of the kinds of change, shared by the window and the Excel export (hex, no '#').
# Blue for more, orange for less, a stronger shade when a cell leaves or reaches 0; grey for a
# cell only one template version has.
CHANGE_COLOURS = {UP: "CFE2FF", DOWN: "FFE0C2", BECAME_NONZERO: "8EC5FF", BECAME_ZERO: "FFB27A"}
ONLY_ONE_VERSION_COLOUR = "D9D9D9"
CHANGE_LABELS = {UNCHANGED: "未变", UP: "增加", DOWN: "减少", BECAME_NONZERO: "由0变为非0",
                 BECAME_ZERO: "变为0", ZERO_BOTH: "两年均为0", UNKNOWN: "无法比较"}
ONLY_ONE_VERSION_LABEL = "仅一版模板有"  # a cell without counterpart: shown grey, never compared or counted
