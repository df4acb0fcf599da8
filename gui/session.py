"""One open report in the GUI: its review, its undo steps, and its findings for the views.

The session forwards every change to core (``ReportReview``, ``ReviewStore``) and re-runs the
checks after each one (``review.findings()``); the table models, the findings list and the
dashboard only read from it. Nothing here decides what is right or wrong: findings and flags come
from core; the session only indexes them by cell for the views.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Callable, Iterable, Optional

from pathlib import Path

from core.export.common import report_title
from core.review.carry import carried_edits, carried_verdicts
from core.review.edits import (CONFIRM_NOTE, DISMISSED, UNDO_NOTE, CellEdit, ReportReview, Verdict, changes_value,
                               finding_key, renoted, verdict_on, withdrawn)
from core.review.flag_groups import FlagGroup
from core.review.store import store_error_text
from core.model import PLACEHOLDER, SLASH, Finding, Flag, Number, Report, number_text
from core.template import describe
from gui import palette, strings
from gui.folder_job import run_checks
from gui.qt import QObject, QUndoStack, Signal
from gui.undo import CellEditCommand, ReviewedCommand, VerdictCommand


def shown_text(review: ReportReview, path: str) -> str:
    """The cell as a table shows it: the value now, '/' where the report printed '/', the
    report's own mark ("—", "无") where it wrote "none" that way."""
    value = review.value(path)
    if value is not None:
        return format_number(value)
    cell = review.report.cells.get(path)
    if cell is None or review.is_corrected(path):
        return ""
    if cell.state == SLASH:
        return strings.SLASH_VALUE
    if cell.state == PLACEHOLDER:
        return cell.printed or strings.PLACEHOLDER_VALUE
    return ""


def format_number(value: Optional[Number]) -> str:
    """A value as the tables show it: 12, 12.5, 882 (for 882.0); '' for blank."""
    return "" if value is None else number_text(value)


def lapsed_tip(lapsed: Verdict) -> str:
    """Why a finding is open again, in a tooltip: its lapsed verdict and note (the 问题清单's and
    the comparison cards' words)."""
    said = strings.VERDICT_TEXT.format(verdict=lapsed.label, note=lapsed.note) if lapsed.note else lapsed.label
    return strings.TIP_LAPSED.format(verdict=said)


class ReportSession(QObject):
    changed = Signal()  # values, findings or the reviewed mark changed
    saved = Signal(str)  # emitted after the store committed; a status-bar message
    failed = Signal(str)  # saving failed; nothing was changed
    stepped = Signal(list)  # the cells (paths) an undo or a redo of edits changed, after `changed`

    def __init__(self, review: ReportReview, store, findings: Optional[list[Finding]] = None,
                 parent: Optional[QObject] = None, earlier_work: Optional[int] = None,
                 undo_stack: Optional[QUndoStack] = None) -> None:
        """``earlier_work``: the count of _earlier_work when the folder's loader found it already
        (None: asked of the store here). ``undo_stack``: the undo steps of the work this report
        shares with its twins, files with the same bytes (None: steps of its own)."""
        super().__init__(parent)
        self.review = review
        self.store = store
        # A step keeps the session it was taken in and saves through it; a twin's session, sharing
        # the stack, takes the change from there (the window's share_work), as any change.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._findings: list[Finding] = []
        self._by_cell: dict[str, list[Finding]] = {}
        self._last_commit_ok = False
        self._macro_name = ""  # the undo step being built of several commands (its status-bar name)
        self._flags: dict[str, list[Flag]] = defaultdict(list)
        for flag in review.report.flags:
            self._flags[flag.cell].append(flag)
        self._index(run_checks(review) if findings is None else findings)
        self.earlier_work = self._earlier_work() if earlier_work is None else earlier_work
        self.carried_cells: list[str] = []  # the cells 沿用以前的审核 set last
        # the reviews whose year before is this report (their X findings compare its cells): set by
        # the window, which knows the folder
        self.next_years: Callable[[], list[ReportReview]] = lambda: []

    def _earlier_work(self) -> int:
        """Corrections and verdicts stored for this file while it held other content (re-saved,
        replaced): not applied here, and the auditor must be told (0 once work is stored here)."""
        review, report = self.review, self.review.report
        if self.store is None or not report.content_hash or review.edits or review.verdict_trail \
                or review.reviewed:
            return 0
        try:
            return self.store.work_on_earlier_contents(report.file, report.content_hash)
        except sqlite3.Error:
            return 0  # only a notice: the report opens all the same

    # --- what the views read ------------------------------------------------------------------

    @property
    def report(self) -> Report:
        return self.review.report

    @property
    def version(self) -> str:
        return self.review.report.template

    @property
    def editable(self) -> bool:
        return bool(self.report.content_hash) and bool(self.report.cells) and self.store is not None

    @property
    def markable(self) -> bool:
        """The 已审核 mark can be saved: any file with content, a report or not (the auditor has
        looked at a damaged or foreign file too), as Excel's 汇总 keeps it."""
        return bool(self.report.content_hash) and self.store is not None

    @property
    def unmarkable_reason(self) -> str:
        """Why the 已审核 mark cannot be saved ("" when it can): the auditor sees a greyed button."""
        if not self.report.content_hash:  # an empty file, a pipe, one too big: no content to key the mark to
            return strings.CANNOT_MARK_NO_CONTENT
        return strings.CANNOT_MARK_NO_STORE if self.store is None else ""

    @property
    def findings(self) -> list[Finding]:
        return self._findings

    @property
    def flags(self) -> list[Flag]:
        return self.review.open_flags()

    @property
    def flag_groups(self) -> list[FlagGroup]:
        """The open flags, one entry a row, as the 问题清单 lists them."""
        return self.review.open_flag_groups()

    @property
    def name(self) -> str:
        """The report as the status bar names it: 单位年度（文件名）."""
        return report_name(self.report)

    def verdict_of(self, finding: Finding) -> Optional[Verdict]:
        return self.review.verdict_of(finding)

    def lapsed_verdict_of(self, finding: Finding) -> Optional[Verdict]:
        """The verdict an edit of the finding's cells made lapse: the finding is open again."""
        return self.review.lapsed_verdict_of(finding)

    def lapsed_text(self, finding: Finding) -> str:
        """Why the finding is open again, in a tooltip: its lapsed verdict and note ("" for none)."""
        lapsed = self.review.lapsed_verdict_of(finding)
        return lapsed_tip(lapsed) if lapsed is not None else ""

    def _lapsed_rules(self) -> set[str]:
        return {f.rule for f in self._findings if self.review.lapsed_verdict_of(f) is not None}

    def open_errors(self) -> list[Finding]:
        return self.review.open_errors(self._findings)

    def describe(self, path: str) -> str:
        try:
            return describe(self.version, path)
        except (KeyError, ValueError):
            return path

    def findings_for(self, path: str) -> list[Finding]:
        return self._by_cell.get(path, [])

    def flags_for(self, path: str) -> list[Flag]:
        """Flags on the cell, its row or its section (a flag covers every cell inside)."""
        if not self._flags:  # most reports: asked of every cell painted
            return []
        parts = path.split(".")
        out: list[Flag] = []
        for n in range(len(parts), 0, -1):
            out += self._flags.get(".".join(parts[:n]), [])
        return out

    def state_of(self, path: str) -> str:
        """The palette state the cell is shown in (see gui/palette.py)."""
        if path not in self._by_cell:  # most cells: no finding names them
            if self.review.is_corrected(path):
                return palette.CORRECTED
            return palette.FLAGGED if self.flags_for(path) and not self.review.is_confirmed(path) \
                else palette.NORMAL
        found = [f for f in self.findings_for(path) if not self.review.is_dismissed(f)]
        errors = [f for f in found if f.severity == "error"]
        if any(_names(f, path) for f in errors):
            return palette.ERROR
        if errors:
            return palette.ERROR_INVOLVED
        if any(f.severity == "warning" for f in found):
            return palette.WARNING
        # The auditor's own edit stays visible under a doubt (is_doubted frames the cell instead).
        if self.review.is_corrected(path):
            return palette.CORRECTED
        if found:  # a severity of its own (the parser's doubts): shown as such
            return palette.FLAGGED
        if self.flags_for(path) and not self.review.is_confirmed(path):
            return palette.FLAGGED
        return palette.NORMAL

    def is_doubted(self, path: str) -> bool:
        """An open 存疑 finding covers the cell that its colour does not show (a corrected cell
        stays 已修改's green): the view frames it in 存疑's blue."""
        return self.marks(path)[2]

    def marks(self, path: str) -> tuple[str, bool, bool]:
        """What a table paints of a value cell besides its text, found together (a table's first
        paint asks it of every cell): its state (state_of), its corner mark (the parser flagged
        it and the auditor has not set it since, corrected or confirmed) and its dashed frame (is_doubted)."""
        state = self.state_of(path)
        flagged = bool(self.flags_for(path)) and not self.review.is_sure(path)
        doubted = state == palette.CORRECTED and any(
            not self.review.is_dismissed(f) for f in self.findings_for(path))
        return state, flagged, doubted

    def shown(self, path: str) -> str:
        return shown_text(self.review, path)

    def note_of(self, path: str) -> str:
        """The auditor's note on the cell's correction (its tooltip's 备注, the 添加备注 dialog's
        text): the trail's marks of an undo or a redo (撤销, 重做) are not theirs."""
        correction = self.review.corrections().get(path)
        note = correction.note if correction else ""
        if note in (UNDO_NOTE, strings.REDO_NOTE):
            return ""
        redone = strings.REDO_NOTE_WITH.format(note="")
        return note[len(redone):] if note.startswith(redone) else note

    # --- changes: each one is an undoable command ---------------------------------------------

    def edit_cell(self, path: str, value: Optional[Number], note: str = "") -> bool:
        """Set one cell (pushes an undo step): the value it holds already confirms a value the
        parser was unsure of. False when nothing was recorded or saving failed."""
        edit = self.review.edit_for(path, value, note)
        if edit is None:  # the value it holds: a confirmation, where the parser was unsure of it
            edit = self.review.confirmation_for(path, value)
            if edit is None:
                return False
            return self._push([edit], strings.UNDO_CONFIRM.format(cell=self.describe(path)))
        return self._push([edit], strings.UNDO_EDIT.format(cell=self.describe(path)))

    def edit_cells(self, changes: Iterable[tuple[str, Optional[Number]]], text: str = "") -> int:
        """Set several cells as ONE undo step (a paste). Returns the number of cells changed."""
        edits = []
        for path, value in changes:
            edit = self.review.edit_for(path, value)
            if edit is not None:
                edits.append(edit)
        if not edits:
            return 0
        ok = self._push(edits, text or strings.UNDO_PASTE.format(count=len(edits)))
        return len(edits) if ok else 0

    def apply_suggestion(self, finding: Finding, its_own: bool = True) -> bool:
        """Take the finding's suggested value; the audit trail's note names the finding's rule, or
        (not ``its_own``: taken at the cell, no entry chosen) every rule suggesting that value there."""
        suggestion = finding.suggestion
        if suggestion is None:
            return False
        rules = [finding.rule] if its_own else list(dict.fromkeys(
            f.rule for f in self.findings_for(suggestion.cell) if f.suggestion == suggestion)) or [finding.rule]
        edit = self.review.edit_for(suggestion.cell, suggestion.value,
                                    strings.SUGGESTION_NOTE.format(rule="、".join(rules)))
        if edit is None:
            return False
        return self._push([edit], strings.UNDO_SUGGESTION.format(cell=self.describe(suggestion.cell)))

    def add_note(self, path: str, note: str) -> bool:
        """Attach a note to a corrected cell: an edit that keeps the value, with the note."""
        value = self.review.value(path)
        edit = CellEdit(path, value, value, note)
        return self._push([edit], strings.UNDO_NOTE.format(cell=self.describe(path)))

    def give_verdict(self, finding: Finding, verdict: str, note: str = "") -> bool:
        """确认问题 or 忽略 one finding (an undo step). False when refused or saving failed."""
        try:
            new = verdict_on(finding, verdict, note)
        except ValueError as exc:  # a dismissal without a reason
            self.failed.emit(str(exc))
            return False
        return self.change_verdict(new, strings.VERDICT_UNDO.format(verdict=new.label, rule=finding.rule))

    def renote_verdict(self, verdict: Verdict, note: str) -> bool:
        """编辑说明: the verdict's note changed (an undo step), also of one whose finding is gone
        (已消除). False when refused (a dismissal left without a reason), unchanged or not saved."""
        try:
            new = renoted(verdict, note)
        except ValueError as exc:
            self.failed.emit(str(exc))
            return False
        if new.note == verdict.note:
            return False
        return self.change_verdict(new, strings.UNDO_RENOTE.format(rule=verdict.rule),
                                   saved=strings.SAVED_RENOTE.format(rule=verdict.rule))

    def withdraw_verdict(self, verdict: Verdict) -> bool:
        """撤销审核意见 (an undo step): the finding is open again, or, gone already, leaves the list.
        An error opened again on a report marked 已审核 takes the mark with it, in the same step (the
        report is never 已审核 with open errors: it stayed 已审核, its error open, the 汇总 saying so)."""
        label = strings.UNDO_WITHDRAW.format(rule=verdict.rule)
        reopens_error = self.review.reviewed and any(
            finding_key(f) == verdict.key and f.severity == "error" for f in self._findings)
        if not reopens_error:
            return self.change_verdict(withdrawn(verdict), label)
        self._macro_name = label
        self.undo_stack.beginMacro(label)
        try:
            ok = self.change_verdict(withdrawn(verdict), label) and self.set_reviewed(False)
        finally:
            self._macro_name = ""
            self.undo_stack.endMacro()
        if ok:
            self.saved.emit(strings.SAVED_VERDICT_CLEARED.format(rule=verdict.rule)
                            + strings.REVIEWED_REOPENED.format(name=self.name))
        return ok

    def change_verdict(self, new: Verdict, label: str, saved: str = "") -> bool:
        """Push the verdict as an undo step whose undo restores the finding's standing, found by
        the verdict's key (a finding already gone has none to look it up by). ``saved``: the
        status bar's words once stored, when the verdict alone would not name the action."""
        if not self.editable:
            self.failed.emit(strings.READ_ONLY_REPORT)
            return False
        self._last_commit_ok = False
        self.undo_stack.push(VerdictCommand(self, new, self.review.restoring(new.key), label,
                                             self._macro_name, saved))
        return self._last_commit_ok

    def dismiss_and_mark_reviewed(self, reasons: list[tuple[Finding, str]]) -> bool:
        """Dismiss each open error with its reason, then mark 已审核: one undo step, whose undo
        takes the mark back with the dismissals (the report is never 已审核 with open errors)."""
        if not reasons:
            return self.set_reviewed(True)
        # Ctrl+Z undoes them together: each names the whole step, not its one finding
        self._macro_name = strings.UNDO_DISMISS_ALL.format(count=len(reasons))
        self.undo_stack.beginMacro(self._macro_name)
        try:
            ok = all([self.give_verdict(finding, DISMISSED, reason) for finding, reason in reasons])
            ok = ok and not self.open_errors() and self.set_reviewed(True)
        finally:
            self._macro_name = ""
            self.undo_stack.endMacro()
        return ok

    def carry_earlier_work(self) -> Optional[tuple[int, int]]:
        """沿用以前的审核: the corrections and verdicts stored for this file while it held other
        content (re-saved, replaced), applied to what it holds now as ONE undo step (core.review.carry).
        Returns (cells set, verdicts given), (0, 0) when nothing stored is left to carry, (-1, 0)
        when saving failed (the failed signal says why); None when nothing is stored for the file's
        other content."""
        if not self.editable:
            self.failed.emit(strings.READ_ONLY_REPORT)
            return -1, 0
        try:
            digest = self.store.latest_earlier_content(self.report.file, self.report.content_hash)
            if digest is None:
                return None
            edits, verdicts = self.store.load(digest)[0], self.store.load_verdicts(digest)
        except sqlite3.Error as exc:
            self.failed.emit(strings.SAVE_FAILED.format(error=store_error_text(exc)))
            return -1, 0
        carried = carried_edits(self.review, edits)
        self.carried_cells = []
        if not carried and not carried_verdicts(self.review, self._findings, verdicts, edits):
            return 0, 0  # (no empty step on the undo stack)
        self._macro_name = strings.UNDO_CARRY
        self.undo_stack.beginMacro(self._macro_name)
        given = 0
        try:
            if carried and not self._push(carried, strings.UNDO_CARRY):
                return -1, 0  # saving failed: the failed signal said why
            for finding, verdict in carried_verdicts(self.review, self._findings, verdicts, edits):
                given += self.give_verdict(finding, verdict.verdict, verdict.note)
        finally:
            self._macro_name = ""
            self.undo_stack.endMacro()
        if carried or given:
            self.earlier_work = 0  # the work stands on this content now
        self.carried_cells = [edit.cell for edit in carried]
        return len(carried), given

    def set_reviewed(self, reviewed: bool) -> bool:
        """Mark 已审核 or take the mark back (an undo step). False when saving failed."""
        if reviewed == self.review.reviewed:
            return True
        if not self.markable:
            self.failed.emit(strings.READ_ONLY_REPORT)
            return False
        text = strings.UNDO_MARK_REVIEWED if reviewed else strings.UNDO_UNMARK_REVIEWED
        self._last_commit_ok = False
        self.undo_stack.push(ReviewedCommand(self, reviewed, text, self._macro_name))
        return self._last_commit_ok

    def _push(self, edits: list[CellEdit], text: str) -> bool:
        if not self.editable:
            self.failed.emit(strings.READ_ONLY_REPORT)
            return False
        self._last_commit_ok = False
        self.undo_stack.push(CellEditCommand(self, edits, text))  # its redo() calls commit()
        return self._last_commit_ok

    def recheck(self) -> None:
        """Re-run the checks without an edit (another report they depend on changed)."""
        self._index(run_checks(self.review))
        self.changed.emit()

    # --- called by the undo commands -----------------------------------------------------------

    def commit(self, edits: list[CellEdit], step: str = "", what: str = "",
               reviewed: Optional[bool] = None) -> bool:
        """Save the edits (one transaction), then apply them and re-run the checks. ``step`` is
        strings.UNDONE or REDONE when Ctrl+Z / Ctrl+Y did it: the status bar names the step then.
        ``reviewed``: the mark to leave after the edits (an undo giving back the one they dropped)."""
        report = self.report
        if not self._saved(lambda: self.store.add_edits(report.content_hash, edits, report.file,
                                                        reviewed=reviewed)):
            return False
        was_reviewed = self.review.reviewed
        lapsed_before = self._lapsed_rules()
        later = [(review, review.lapsed_keys()) for review in self.next_years()]
        for edit in edits:
            self.review.apply(edit)
        if reviewed is not None:
            self.review.reviewed = reviewed
        self._index(run_checks(self.review))
        message = self._saved_message(edits, step, what)
        lapsed_now = self._lapsed_rules()
        if lapsed_now - lapsed_before:  # the auditor looks at these findings again
            message += strings.VERDICTS_LAPSED.format(rules="、".join(sorted(lapsed_now - lapsed_before)))
        back = {f.rule for f in self._findings if self.review.verdict_of(f) is not None} & (lapsed_before - lapsed_now)
        if back:  # (an undo: what it found the verdict given on)
            message += strings.VERDICTS_BACK.format(rules="、".join(sorted(back)))
        message += "".join(_next_year_message(review, before) for review, before in later)
        if was_reviewed and not self.review.reviewed:  # core drops the mark on a changed cell
            message += strings.REVIEWED_DROPPED.format(name=self.name)
        self.saved.emit(message)
        self.changed.emit()
        if step:
            self.stepped.emit(list(dict.fromkeys(edit.cell for edit in edits)))
        return True

    def commit_verdict(self, verdict: Verdict, step: str = "", what: str = "", saved: str = "") -> bool:
        """Save the verdict, then record it (called by the undo commands); ``saved``: the status
        bar's words on the first do (编辑说明 names itself, not the verdict it kept)."""
        if not self._saved(lambda: self.store.give_verdict(self.review, verdict)):
            return False
        if step:
            self.saved.emit(step.format(what=what))
        elif saved:
            self.saved.emit(saved)
        elif verdict.label:
            self.saved.emit(strings.SAVED_VERDICT.format(rule=verdict.rule, verdict=verdict.label))
        else:
            self.saved.emit(strings.SAVED_VERDICT_CLEARED.format(rule=verdict.rule))
        self.changed.emit()
        return True

    def commit_reviewed(self, reviewed: bool, step: str = "", what: str = "") -> bool:
        """Save the reviewed mark, then set it (called by the undo commands)."""
        if not self._saved(lambda: self.store.mark_reviewed(self.review, reviewed)):
            return False
        if step:
            self.saved.emit(step.format(what=what))
        else:
            message = strings.SAVED_REVIEWED if reviewed else strings.SAVED_UNREVIEWED
            self.saved.emit(message.format(name=self.name))
        self.changed.emit()
        return True

    def _saved(self, save) -> bool:
        """Run ``save`` (one store write); on failure say why in the status bar. The outcome is
        also left in _last_commit_ok, for the caller that pushed the undo command."""
        try:
            save()
        except (sqlite3.Error, OSError, ValueError) as exc:
            self.failed.emit(strings.SAVE_FAILED.format(error=store_error_text(exc)))
            self._last_commit_ok = False
            return False
        self._last_commit_ok = True
        return True

    def _saved_message(self, edits: list[CellEdit], step: str = "", what: str = "") -> str:
        if step:  # an undo or a redo: name the step, and the value it put back for one cell
            message = step.format(what=what)
            if len(edits) == 1 and edits[0].old != edits[0].new:
                old = format_number(edits[0].old) or strings.BLANK_VALUE
                new = format_number(edits[0].new) or strings.BLANK_VALUE
                message += strings.STEP_VALUES.format(old=old, new=new)
            return message
        if len(edits) > 1:
            return strings.SAVED_MANY.format(count=len(edits))
        edit = edits[0]
        cell = self.describe(edit.cell)
        if edit.note == CONFIRM_NOTE and not changes_value(edit):
            return strings.SAVED_CONFIRM.format(cell=cell, value=format_number(edit.new) or strings.BLANK_VALUE)
        if edit.old == edit.new and edit.note:
            return strings.SAVED_NOTE.format(cell=cell)
        old = format_number(edit.old) or strings.BLANK_VALUE
        new = format_number(edit.new) or strings.BLANK_VALUE
        return strings.SAVED.format(cell=cell, old=old, new=new)

    def _index(self, findings: list[Finding]) -> None:
        self._findings = findings
        by_cell: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            cells = list(finding.cells)
            if finding.suggestion and finding.suggestion.cell not in cells:
                cells.append(finding.suggestion.cell)
            for cell in cells:
                by_cell[cell].append(finding)
        self._by_cell = dict(by_cell)


def _next_year_message(review: ReportReview, lapsed_before: set) -> str:
    """What an edit of this report did to the cross-year verdicts of ``review``, the next year's
    (lapsed: ``lapsed_before`` its lapsed_keys before the edit): "" when nothing."""
    lapsed_now = review.lapsed_keys()
    if lapsed_now == lapsed_before:
        return ""
    present = {finding_key(finding) for finding in review.findings()}  # (one gone is 已消除, not lapsed)
    lapsed = sorted({key[0] for key in (lapsed_now - lapsed_before) & present})
    back = sorted({key[0] for key in (lapsed_before - lapsed_now) & present})
    name = report_title(review.report)
    return ((strings.NEXT_YEAR_VERDICTS_LAPSED.format(name=name, rules="、".join(lapsed)) if lapsed else "")
            + (strings.NEXT_YEAR_VERDICTS_BACK.format(name=name, rules="、".join(back)) if back else ""))


def report_name(report: Report) -> str:
    """单位年度（文件名）: two copies of one agency's report still read apart."""
    return f"{report_title(report)}（{Path(report.file).name}）"


def _names(finding: Finding, path: str) -> bool:
    """True when the finding points at this very cell: its suggestion, or its only cell."""
    if finding.suggestion is not None:
        return finding.suggestion.cell == path
    return finding.cells == [path]
