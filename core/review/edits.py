"""Corrections an auditor makes to a parsed report, and the review state of one report.

``CellEdit`` is one change of one cell: the domain object the GUI wraps in a ``QUndoCommand``
and the line the audit trail exports. ``ReportReview`` holds a parsed ``Report`` (never
modified) plus the ordered list of edits applied to it, and answers "what is the value now?".

Undo and redo are operations of the GUI's undo stack. The persisted trail records what the
auditor saw happen, so an undo is recorded too: ``revert(edit)`` applies and returns a new
edit from ``edit.new`` back to ``edit.old``, marked ``undo`` (and noted "撤销" for people reading
the trail; the mark, never the note, says it is an undo: an auditor may note 撤销 on a cell). A
redo is a fresh apply of the same change stamped anew: ``review.apply(restamped(edit))``.

A ``Verdict`` is the auditor's decision on one finding: 确认问题 (the report is wrong; a note for
the agency) or 忽略 (with a reason). It is keyed by the finding's rule and cells, never by its
position in a list, so that it still applies after the file is parsed again. Verdicts form a trail
like the edits: a cleared verdict is recorded as a verdict with an empty decision.

A verdict stands for the values it was given on: it records its place in the edit trail
(``position``, the number of edits before it), and once an edit after it leaves one of its
finding's cells at another value, it has lapsed (失效): the finding is open again, for the
auditor to look at anew. The trail keeps it; an undo that takes the cell back brings it back.
A cross-year verdict (the X rules, comparing with the report of the year before) stands for last
year's values too: it records the cells of that year its finding compares, with their values then
(``previous``), and lapses once one of them holds another value (an edit of last year's report, or
another copy of that year standing for it); an undo that takes the value back brings it back.

The reviewed mark (已审核) belongs to the values the auditor looked at: an edit that changes a
cell drops it (the report is 已修改 again).

A value the parser was unsure of (flagged, or filled in from the sums: 存疑, 推定) that the auditor
types again unchanged is confirmed: ``confirmation_for`` gives the edit that records it (old equals
new, noted 确认原值), and from then on the cell is sure like a corrected one (``is_sure``) until
that edit is undone. Typing an unchanged value over any other cell records nothing.

The review knows nothing about storage; ``core.store.ReviewStore`` persists the edits.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple, Optional

from core.check.cross_year import compared_cells
from core.model import (BLANK, BLANK_TEMPLATE, INFERRED, MISSING, NUMBER, PLACEHOLDER, TOTAL_CUT_OFF, CellValue, Finding,
                        Number, Report)
from core.parse.tokens import MAX_DIGITS, parse_number
from core.readers.dispatch import without_read_failed
from core.review.flag_groups import FlagGroup, count_groups, group_flags
from core.template import all_paths, column_of

UNDO_NOTE = "撤销"  # the trail's note of an undo (for people: ``CellEdit.undo`` is what marks one)
CONFIRM_NOTE = "确认原值"  # the trail's note of a value in doubt the auditor typed again unchanged
CROSS_YEAR_RULE = "X-"  # the rules comparing with the previous year (core.check.cross_year) start so

STATUS_UNREVIEWED = "未审核"
STATUS_MODIFIED = "已修改"
STATUS_REVIEWED = "已审核"
UNREADABLE = "无法读取"  # the status of a file no table could be read from (its reason beside it)
# ...once the auditor has marked it: as short as 无法读取 give or take the mark (the same ✓ as the
# 已审核 button), so that the list's 状态 column holds every status whole at 1366 as well
UNREADABLE_REVIEWED = f"{UNREADABLE}✓"
STATUS_TEXTS = (STATUS_UNREVIEWED, STATUS_MODIFIED, STATUS_REVIEWED, UNREADABLE, UNREADABLE_REVIEWED)

CONFIRMED = "confirmed"  # 确认问题: the report is wrong
DISMISSED = "dismissed"  # 忽略: not a problem, with the reason
CLEARED = ""  # a verdict taken back (an undo)
VERDICT_LABELS = {CONFIRMED: "确认问题", DISMISSED: "已忽略"}
LAPSED_LABEL = "{verdict}（已失效）"  # 审核意见 of a finding open again, in the window and the exports alike
REASON_REQUIRED = "忽略一个问题须写明理由"

Value = Optional[Number]


def now() -> str:
    """Local time, ISO-8601 with seconds and UTC offset: 2024-03-05T14:07:31+08:00."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def local_time(stamp: str) -> str:
    """A stored stamp as people read it: this computer's local time, "2024-03-05 14:07:31".

    The trail and JSON keep ISO with the offset (unambiguous whatever the clock); the window and
    the exports meant for people show the wall-clock time of the computer they run on. A stamp
    that is not ISO is shown as stored."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _check_value(value: Value) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"cell values are int, float or None, not {value!r}")


def same_value(a: Value, b: Value) -> bool:
    """Equal as cell values: None only equals None; 3 equals 3.0."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


@dataclass(frozen=True)
class CellEdit:
    """One change of one cell, as the auditor made it."""
    cell: str  # path, e.g. "section3.granted.total"
    old: Value
    new: Value
    note: str = ""
    time: str = field(default_factory=now)
    undo: bool = False  # an undo (Ctrl+Z) taking back an earlier edit, not a change of its own

    def __post_init__(self) -> None:
        _check_value(self.old)
        _check_value(self.new)

    def inverse(self, note: str = UNDO_NOTE) -> "CellEdit":
        """The edit that takes the cell back from ``new`` to ``old`` (an undo), stamped now."""
        return CellEdit(self.cell, self.new, self.old, note, now(), undo=True)


FindingKey = tuple[str, tuple[str, ...]]


def finding_key(finding: Finding) -> FindingKey:
    """What identifies a finding across edits and re-parsing: its rule and its cells."""
    return finding.rule, tuple(sorted(finding.cells))


@dataclass(frozen=True)
class Verdict:
    """The auditor's decision on one finding (``verdict`` is CONFIRMED, DISMISSED or CLEARED)."""
    rule: str
    cells: tuple[str, ...]  # sorted cell paths of the finding
    verdict: str
    note: str = ""  # the note for the agency, or the reason for dismissing
    time: str = field(default_factory=now)
    # how many edits of the report's trail came before it: the values it was given on (None until
    # ReportReview.placed puts it at the trail's end)
    position: Optional[int] = None
    # a cross-year verdict's (an X rule's): last year's cells its finding compares, with the values
    # they held when it was given (None: not cross-year, or saved before these were recorded)
    previous: Optional[tuple[tuple[str, Value], ...]] = None

    def __post_init__(self) -> None:
        if self.verdict not in (CONFIRMED, DISMISSED, CLEARED):
            raise ValueError(f"unknown verdict {self.verdict!r}")
        if self.verdict == DISMISSED and not self.note.strip():
            raise ValueError(REASON_REQUIRED)

    @property
    def key(self) -> FindingKey:
        return self.rule, self.cells

    @property
    def label(self) -> str:
        """确认问题 / 已忽略 ('' for a cleared verdict)."""
        return VERDICT_LABELS.get(self.verdict, "")

    @property
    def lapsed_label(self) -> str:
        """确认问题（已失效） / 已忽略（已失效）: the verdict once an edit has made it lapse, as the window
        and the exports say it (the finding is open again)."""
        return LAPSED_LABEL.format(verdict=self.label)


# 级别 and 说明 of a finding the auditor gave a verdict on and then corrected away: the verdict (a
# note for the agency) is still listed, though the values now keep the rule
RESOLVED = "已消除"
RESOLVED_MESSAGE = "修正后此问题已不存在，审核意见保留"


def verdict_cells(version: str, cells) -> list[str]:
    """A verdict's cells (stored sorted by path) in the template's order, as its finding named them."""
    order = {path: i for i, path in enumerate(all_paths(version))}
    return sorted(cells, key=lambda cell: order.get(cell, len(order)))


def verdict_on(finding: Finding, verdict: str, note: str = "") -> Verdict:
    """A verdict on ``finding`` stamped now; raises ValueError when a dismissal has no reason."""
    rule, cells = finding_key(finding)
    return Verdict(rule, cells, verdict, note.strip())


def renoted(verdict: Verdict, note: str) -> Verdict:
    """编辑说明: the same decision on the same finding with another note, stamped now (a finding
    already gone, 已消除, keeps its verdict this way); raises ValueError when a dismissal is left
    without a reason."""
    return replace(verdict, note=note.strip(), time=now())


def changed_since(edits: list[CellEdit], position: int, cells) -> list[str]:
    """Of ``cells``, those the edits after the first ``position`` of the trail left at another value
    than they held then (a cell edited and taken back, by Ctrl+Z or by hand, is not changed). The
    trail alone tells: a cell's value is its last edit's, or before any edit the first one's old."""
    changed = []
    for cell in cells:
        own = [i for i, edit in enumerate(edits) if edit.cell == cell]
        if not own or own[-1] < position:
            continue
        before = [i for i in own if i < position]
        then = edits[before[-1]].new if before else edits[own[0]].old
        if not same_value(then, edits[own[-1]].new):
            changed.append(cell)
    return changed


def has_lapsed(verdict: Verdict, edits: list[CellEdit]) -> bool:
    """True for a verdict one of whose cells an edit after it has changed (a trail's position
    unknown counts as given after every edit)."""
    position = len(edits) if verdict.position is None else verdict.position
    return bool(changed_since(edits, position, verdict.cells))


def is_cross_year(rule: str) -> bool:
    return rule.startswith(CROSS_YEAR_RULE)


def previous_year_cells(verdict: Verdict, previous: Report, current_version: str) -> list[str]:
    """The cells of last year's report (``previous``) a cross-year verdict's finding compares: its
    template's cells only (X-3 names whole tables, and no edit is of a table)."""
    paths = set(all_paths(previous.template))
    return [cell for cell in compared_cells(verdict.rule, verdict.cells, previous.template, current_version)
            if cell in paths]


def lapsed_on_previous_year(verdict: Verdict, previous: "ReportReview", current_version: str) -> bool:
    """True for a cross-year verdict one of whose last-year cells holds another value now than it was
    given on. One saved before those values were recorded goes by last year's trail: an edit stamped
    after it that left a cell at another value (``place_by_time``)."""
    if verdict.previous is not None:
        return any(not same_value(previous.value(cell), value) for cell, value in verdict.previous)
    edits = previous.edits
    if not edits:
        return False
    position = place_by_time(verdict.time, [edit.time for edit in edits])
    return bool(changed_since(edits, position, previous_year_cells(verdict, previous.report, current_version)))


def place_by_time(stamp: str, edit_times: list[str]) -> int:
    """A verdict's place in a trail it was not placed in (saved before places were stored; last
    year's, for an old cross-year verdict): after every edit up to the last one stamped no later
    than it (stamps are to the second: an edit in the verdict's second counts as before it, so that
    an old verdict lapses only on an edit surely made after it). Stamps that do not read as times
    put it after every edit (it stands, as it did when saved)."""
    try:
        moment = _moment(stamp)
        last = -1
        for i, time in enumerate(edit_times):
            if _moment(time) <= moment:
                last = i
    except (TypeError, ValueError):
        return len(edit_times)
    return last + 1


def _moment(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.astimezone()


def withdrawn(verdict: Verdict) -> Verdict:
    """撤销审核意见: the verdict taken back (CLEARED), stamped now. A finding still there is open
    again; one already gone (已消除) leaves the 问题清单 and the exports."""
    return Verdict(verdict.rule, verdict.cells, CLEARED)


class Correction(NamedTuple):
    original: Value  # as parsed
    current: Value  # after the auditor's edits
    note: str  # note of the last edit of the cell
    time: str  # time of the last edit of the cell


class ReportReview:
    """One parsed report under review: its edits (the audit trail), the verdicts on its
    findings, the reviewed mark, and whether the auditor chose it as the copy that stands for its
    year (``chosen``: core.compare.years.copy_rank)."""

    def __init__(self, report: Report, edits=(), reviewed: bool = False, verdicts=(), chosen: bool = False) -> None:
        self.report = report  # as parsed; never modified
        self.edits: list[CellEdit] = []  # every applied edit, in order (undos included)
        self.verdict_trail: list[Verdict] = []  # every verdict given or taken back, in order
        self.reviewed = False
        # 设为采用的副本: of its agency's year filed more than once (a .doc beside its .pdf), the
        # auditor chose this copy to stand for the year, whatever the other copies' work
        self.chosen = chosen
        # The same agency's report of the year before, when the folder holds it: findings() then
        # adds the cross-year rules X-1..X-4 (set by whoever pairs the folder: core/compare).
        self.previous_year: Optional["ReportReview"] = None
        self._current: dict[str, Value] = {}  # cells that have been edited -> value now
        # cells -> the auditor's edits of it that stand, in order (each undo takes the last back): a
        # cell with one standing holds a value the auditor set, sure even where it equals the parse
        self._standing: dict[str, list[CellEdit]] = {}
        self._verdicts: dict[FindingKey, Verdict] = {}  # the standing verdict of each finding
        self._lapsed: dict[FindingKey, bool] = {}  # has_lapsed of each, until the next edit or verdict
        for edit in edits:
            self.apply(edit)
        self.reviewed = reviewed  # stored after the edits it covers
        for verdict in verdicts:
            self.set_verdict(verdict)

    def copy(self) -> "ReportReview":
        """An independent copy as it stands now: edits, verdicts, reviewed and chosen marks (not
        the year before, which the caller pairs with its own copy)."""
        return ReportReview(self.report, list(self.edits), self.reviewed, list(self.verdict_trail), self.chosen)

    def share_work(self, twin: "ReportReview") -> bool:
        """Take ``twin``'s work (edits, verdicts, the reviewed mark) as this review's own. Two files
        with the same bytes share one review, as the store keys it by content hash: a change made
        to one copy is the other's too. False when the work was this review's already; ValueError
        for a review of other contents (or of none: an unreadable file has nothing stored)."""
        if not self.report.content_hash or twin.report.content_hash != self.report.content_hash:
            raise ValueError("只有内容相同的文件才共用审核记录")
        if (self.edits, self.verdict_trail, self.reviewed, self.chosen) == \
                (twin.edits, twin.verdict_trail, twin.reviewed, twin.chosen):
            return False
        # the values now are the replayed trail's: each edit sets its cell whatever the parse
        self.edits, self._current = list(twin.edits), dict(twin._current)
        self._standing = {cell: list(edits) for cell, edits in twin._standing.items()}
        self.verdict_trail, self._verdicts = list(twin.verdict_trail), dict(twin._verdicts)
        self._lapsed = {}
        self.reviewed = twin.reviewed
        self.chosen = twin.chosen
        return True

    # --- values ---------------------------------------------------------------------------

    def value(self, path: str) -> Value:
        """The cell's value now (after edits)."""
        if path in self._current:
            return self._current[path]
        return self.report.value(path)

    def original(self, path: str) -> Value:
        """The cell's value as parsed."""
        return self.report.value(path)

    def is_corrected(self, path: str) -> bool:
        """True when the value now differs from the value as parsed."""
        return path in self._current and not same_value(self._current[path], self.original(path))

    def is_confirmed(self, path: str) -> bool:
        """True when the auditor typed the value the parser was unsure of again unchanged (and has
        not undone it): the value is the parse's, and sure now."""
        return bool(self._standing.get(path)) and not self.is_corrected(path) and self.parsed_in_doubt(path)

    def is_sure(self, path: str) -> bool:
        """The auditor set the value (corrected or confirmed): the parser's flags no longer speak for it."""
        return self.is_corrected(path) or self.is_confirmed(path)

    def parsed_in_doubt(self, path: str) -> bool:
        """The parser was unsure of the cell: it filled the value in itself (推定), or flagged the
        cell, its row or its table (存疑)."""
        cell = self.report.cells.get(path)
        if cell is not None and cell.state == INFERRED:
            return True
        parts = path.split(".")
        covering = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
        return any(f.cell in covering for f in self.report.flags)

    def open_flags(self) -> list:
        """The parser's flags, less those on a single cell the auditor has since set (corrected or
        confirmed): its value is the auditor's now, sure (a row's or a table's flag still covers
        the others). None in a blank template (BLANK_TEMPLATE): its file-level problem says there
        is no report to check, and each of its rows' 「未印出数值」 flags, 31 存疑 counted and listed
        for the auditor to walk with F8, said it again."""
        if BLANK_TEMPLATE in self.report.problems:
            return []
        if not self._current:  # no cell set by the auditor (most reviews): each flag stands
            return list(self.report.flags)
        return [f for f in self.report.flags if not self.is_sure(f.cell)]

    def open_flag_groups(self) -> list[FlagGroup]:
        """The open flags as the 问题清单 lists them: one entry a row (core.review.flag_groups)."""
        return group_flags(self.report.template, self.open_flags())

    # --- editing --------------------------------------------------------------------------

    def edit_for(self, path: str, new: Value, note: str = "") -> Optional[CellEdit]:
        """The edit that would set ``path`` to ``new`` (None if that is already its value).

        Does not apply it: the GUI pushes it on its undo stack, whose redo calls ``apply``.
        """
        if path not in all_paths(self.report.template):
            raise KeyError(f"模板中没有该单元格：{path}")
        old = self.value(path)
        if same_value(old, new):
            return None
        return CellEdit(path, old, new, note)

    def confirmation_for(self, path: str, new: Value) -> Optional[CellEdit]:
        """The edit recording that the auditor typed ``new``, the value now, over a cell the parser
        was unsure of (noted 确认原值): None when ``new`` differs (``edit_for``), when
        the cell was not in doubt, or when the auditor has set it already."""
        if path not in all_paths(self.report.template):
            raise KeyError(f"模板中没有该单元格：{path}")
        old = self.value(path)
        if not same_value(old, new) or self.is_sure(path) or not self.parsed_in_doubt(path):
            return None
        return CellEdit(path, old, new, CONFIRM_NOTE)

    def apply(self, edit: CellEdit) -> None:
        """Set the cell to ``edit.new`` and append the edit to the trail.

        The edit's ``old`` is what the auditor saw; it is kept as recorded, not checked,
        so that a stored trail still replays if a newer parser reads the file differently.
        An edit that changes the value drops the reviewed mark (a note alone keeps it).
        """
        if changes_value(edit):
            self.reviewed = False
        self._current[edit.cell] = edit.new
        standing = self._standing.setdefault(edit.cell, [])
        if not edit.undo:
            standing.append(edit)
        elif standing:
            standing.pop()
        self.edits.append(edit)
        self._lapsed = {}

    def revert(self, edit: CellEdit, note: str = UNDO_NOTE) -> CellEdit:
        """Undo ``edit``: apply and return its inverse (recorded in the trail, an undo noted "撤销")."""
        undo = edit.inverse(note)
        self.apply(undo)
        return undo

    # --- verdicts --------------------------------------------------------------------------

    def verdict_of(self, finding: Finding) -> Optional[Verdict]:
        """The standing verdict on the finding (None when it is still open, or open again: its
        verdict lapsed, ``lapsed_verdict_of``)."""
        if not self._verdicts:  # (most reviews: none given; a report's row asks for each finding)
            return None
        key = finding_key(finding)
        verdict = self._verdicts.get(key)
        return None if verdict is None or self._has_lapsed(key) else verdict

    def lapsed_verdict_of(self, finding: Finding) -> Optional[Verdict]:
        """The verdict given on the finding that an edit after it has made lapse (None when none):
        the finding is open again, and the window says why."""
        key = finding_key(finding)
        verdict = self._verdicts.get(key)
        return verdict if verdict is not None and self._has_lapsed(key) else None

    def lapsed_keys(self) -> set[FindingKey]:
        """The findings (rule and cells) whose verdict has lapsed, whether or not the current values
        still give the finding (a view compares them before and after an edit of the year before)."""
        return {key for key in self._verdicts if self._has_lapsed(key)}

    def _has_lapsed(self, key: FindingKey) -> bool:
        verdict = self._verdicts[key]
        try:
            own = self._lapsed[key]
        except KeyError:
            own = self._lapsed[key] = has_lapsed(verdict, self.edits)
        # (last year's values are another review's: looked at each time, never cached here)
        return own or (self.previous_year is not None and is_cross_year(verdict.rule)
                       and lapsed_on_previous_year(verdict, self.previous_year, self.report.template))

    def placed(self, verdict: Verdict) -> Verdict:
        """The verdict with its place in the trail: given now, after every edit so far, and, of a
        cross-year one, with last year's values it is given on (one placed already keeps its place:
        an undo restoring an earlier verdict restores what it was given on)."""
        if verdict.position is not None:
            return verdict
        previous = verdict.previous
        if previous is None and self.previous_year is not None and is_cross_year(verdict.rule):
            before = self.previous_year
            previous = tuple((cell, before.value(cell))
                             for cell in previous_year_cells(verdict, before.report, self.report.template))
        return replace(verdict, position=len(self.edits), previous=previous)

    def resolved_verdicts(self, findings: list[Finding]) -> list[Verdict]:
        """The standing verdicts whose finding ``findings`` (``findings()``) no longer holds: the
        auditor confirmed a problem with a note for the agency, then corrected the cell. The note
        is the auditor's work and must reach the exports, though the finding is gone (a verdict
        comes back on its finding if an undo brings the finding back). A cross-year verdict is
        not resolved when no previous year is paired: its finding was not looked for."""
        # (lapsed or not: a finding corrected away after its verdict is what these are)
        current = {finding_key(finding) for finding in findings}
        return [verdict for key, verdict in self._verdicts.items() if key not in current
                and (self.previous_year is not None or not is_cross_year(verdict.rule))]

    def set_verdict(self, verdict: Verdict) -> None:
        """Record a verdict (CLEARED takes the finding's verdict back), placed after the edits so
        far unless it has its place (``placed``)."""
        verdict = self.placed(verdict)
        self._lapsed = {}
        if verdict.verdict == CLEARED:
            self._verdicts.pop(verdict.key, None)
        else:
            self._verdicts[verdict.key] = verdict
        self.verdict_trail.append(verdict)

    def restoring(self, key: FindingKey) -> Verdict:
        """The verdict that restores the present standing of the finding ``key`` names (for an
        undo), stamped now: also of a finding already gone (已消除)."""
        standing = self._verdicts.get(key)
        if standing is None:
            return Verdict(key[0], key[1], CLEARED)
        return replace(standing, time=now())

    def open_findings(self, findings: list[Finding]) -> list[Finding]:
        """The findings nobody has given a verdict on."""
        return [f for f in findings if self.verdict_of(f) is None]

    def open_errors(self, findings: list[Finding]) -> list[Finding]:
        """The errors with no verdict: marking the report 已审核 asks to dismiss each one."""
        return [f for f in self.open_findings(findings) if f.severity == "error"]

    def is_dismissed(self, finding: Finding) -> bool:
        verdict = self.verdict_of(finding)
        return verdict is not None and verdict.verdict == DISMISSED

    def counts(self, findings: list[Finding]) -> tuple[int, int, int, int]:
        """错误, 警告, 存疑, 已处理 as the window's report list, its findings panel and the Excel
        汇总 all count them: a dismissed finding is handled, not open; a confirmed one stays
        counted and is handled too; the parser's flags are 存疑 until the auditor corrects the cell,
        one a row as the 问题清单 lists them (open_flag_groups)."""
        counted = [f.severity for f in findings if not self.is_dismissed(f)]
        errors, warnings = counted.count("error"), counted.count("warning")
        doubts = len(counted) - errors - warnings + count_groups(self.open_flags())
        return errors, warnings, doubts, sum(self.verdict_of(f) is not None for f in findings)

    # --- derived views --------------------------------------------------------------------

    def current(self) -> Report:
        """A copy of the report whose cells carry the current values.

        Corrected cells get state "number" and raw = str(value) (a correction to None reads
        as a printed blank), and are listed in `corrected`: the auditor's value is sure, though
        the flags, which describe how the file was read, are kept. A confirmed cell is listed
        too; one the parser filled in or could not read becomes such a cell, any other keeps its
        reading (a "/" confirmed is still not applicable).
        """
        cells = dict(self.report.cells)
        corrected = [path for path in self._current if self.is_corrected(path)]
        for path in corrected:
            cells[path] = _corrected_cell(self._current[path], self.report.cells.get(path))
        confirmed = [path for path in self._current if self.is_confirmed(path)]
        for path in confirmed:
            parsed = self.report.cells.get(path)
            if parsed is None or parsed.state in (INFERRED, MISSING):
                cells[path] = _corrected_cell(self._current[path], parsed)
        out = copy.copy(self.report)
        out.cells = cells
        out.corrected = tuple(corrected + confirmed)
        out.flags = list(self.report.flags)
        out.t3_printed_sum = _printed_sum_corrected(self.report, {p: cells[p] for p in corrected})
        out.read_values = {p: self.report.cells[p].arithmetic for p in corrected if p in self.report.cells}
        return out

    def findings(self) -> list[Finding]:
        """Rule findings on the current values (and the cross-year ones, see previous_year)."""
        report = self.report
        # no cell set by the auditor: current() would be an equal copy (the checks change nothing
        # of a report), made for nothing as a worker checks each report it parses
        untouched = not self._current and not report.corrected and not report.read_values
        current = report if untouched else self.current()
        findings = _check(current)
        if self.previous_year is not None and current.cells:
            from core.check.cross_year import cross_year
            findings += cross_year(self.previous_year.current(), current)
        return findings

    def corrections(self, confirmed: bool = False) -> dict[str, Correction]:
        """Cells whose value now differs from the parsed one, in template order, with the note and
        time of the edit that set it (``set_by``). With ``confirmed``, the confirmed cells too
        (``original`` equals ``current``; the confirmation's note and time)."""
        order = {p: i for i, p in enumerate(all_paths(self.report.template))}
        paths = sorted((p for p in self._current if self.is_corrected(p) or (confirmed and self.is_confirmed(p))),
                       key=lambda p: order.get(p, len(order)))
        out = {}
        for path in paths:
            edit = self.set_by(path)
            assert edit is not None  # a corrected or confirmed cell was set by an edit
            out[path] = Correction(self.original(path), self.value(path), edit.note, edit.time)
        return out

    def set_by(self, path: str) -> Optional[CellEdit]:
        """The edit that set the cell's value now: its latest edit not undone since (a value typed
        over and taken back by Ctrl+Z keeps the note and time it was set with, not 撤销's); else
        its latest edit (a trail that undoes more than it did); None for a cell never edited."""
        standing = self._standing.get(path)
        if standing:
            return standing[-1]
        return next((e for e in reversed(self.edits) if e.cell == path), None)

    @property
    def status(self) -> str:
        """未审核 / 已修改 / 已审核 (the reviewed mark wins)."""
        if self.reviewed:
            return STATUS_REVIEWED
        if any(self.is_corrected(p) for p in self._current):
            return STATUS_MODIFIED
        return STATUS_UNREVIEWED

    @property
    def status_text(self) -> str:
        """The 状态 people read, in the window and in Excel alike (one of STATUS_TEXTS): 无法读取
        (无法读取✓ once the auditor has marked it) for a file no table could be read from, else
        ``status``."""
        if unreadable_reason(self.report):
            return UNREADABLE_REVIEWED if self.reviewed else UNREADABLE
        return self.status


def unreadable_reason(report: Report) -> str:
    """Why the file holds no report to review: no table could be read from it, or its three
    tables hold nothing at all (a blank template: the parser's problem says so); "" for a report."""
    if report.tables and BLANK_TEMPLATE not in report.problems:
        return ""
    return "；".join(without_read_failed(p) for p in report.problems) or "未能读出任何统计表"


def changes_value(edit: CellEdit) -> bool:
    """True for an edit that changes the cell (not a note on an unchanged value)."""
    return not same_value(edit.old, edit.new)


def _corrected_cell(value: Value, parsed: Optional[CellValue]) -> CellValue:
    span = parsed.span if parsed else None
    if value is None:
        return CellValue(None, BLANK, "", span)
    return CellValue(value, NUMBER, str(value), span)


def _printed_sum_corrected(report: Report, corrected: dict[str, CellValue]) -> Optional[int]:
    """The sum of 表三's printed counts with each count the auditor corrected replaced by the value
    typed: the printed number a cell was read from (it has a span) is the one the correction says is
    wrong, so the odd-sum check must not keep counting it. A cell read from no printed number
    (inferred, unread) changes nothing: a number printed for it elsewhere is in the sum already; but
    the 总计 of a row whose 总计 a converter cut off (TOTAL_CUT_OFF), inferred, is counted as printed."""
    total = report.t3_printed_sum
    if total is None:
        return None
    cut = [f"{f.cell}.total" for f in report.flags if TOTAL_CUT_OFF in f.causes]
    for path, cell in corrected.items():
        parsed = report.cells.get(path)
        if not path.startswith("section3.") or parsed is None \
                or not ((parsed.span is not None and parsed.state in (NUMBER, PLACEHOLDER))
                        or (path in cut and parsed.state == INFERRED)):
            continue
        old, new = parsed.arithmetic, cell.arithmetic
        if not isinstance(old, int) or not isinstance(new, int):
            return None  # (a count is a whole number; anything else no longer vouches for the sum)
        total += new - old
    return total


def _check(report: Report) -> list[Finding]:
    # Imported here: the rules module may land after this one, and tests replace this hook.
    from core.check.rules import check
    return check(report)


# --- typed input ------------------------------------------------------------------------------

_INTEGER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)")
_DECIMAL = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|[+-]?\.\d+")

TOO_LONG = f"数字过长：整数部分最多{MAX_DIGITS}位"
_MESSAGES = {
    "count": "请输入不小于0的整数",
    "signed": "请输入整数（可带正负号）",
    "amount": "请输入不小于0的数字",
}


def parse_input(text: str, column_kind: str = "count") -> Value:
    """What the auditor typed into a cell, as a value; raises ValueError with a Chinese message.

    count: integer >= 0; signed: integer (may be negative); amount: number >= 0 (int when
    typed without a decimal point). Full-width digits and thousands separators ("1,234",
    "１，２３４") are accepted; empty text, or "/" as the reports print it, means a blank cell (None).
    """
    if column_kind not in _MESSAGES:
        raise ValueError(f"unknown column kind {column_kind!r}")
    s = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    if not s or s == "/":  # "/" as the reports print "none here" (and the parser reads it): blank
        return None
    message = _MESSAGES[column_kind]
    pattern = _DECIMAL if column_kind == "amount" else _INTEGER
    if not pattern.fullmatch(s) or (column_kind != "signed" and s.startswith("-")):
        raise ValueError(message)
    parsed = parse_number(s.replace(",", ""))  # the parser's limits: no absurd length, no inf
    if parsed is None:
        raise ValueError(TOO_LONG)
    return parsed[0]


def parse_cell_input(version: str, path: str, text: str) -> Value:
    """``parse_input`` with the kind of the template column the cell belongs to."""
    return parse_input(text, column_of(version, path).kind)


def restamped(edit):
    """The same change (a CellEdit or a Verdict) stamped now (for a redo)."""
    return replace(edit, time=now())
