"""The undo step of the review window: a QUndoCommand around core CellEdits.

One command holds one or more edits (a multi-cell paste is one step). Redo saves the edits and
applies them (a second redo saves them stamped anew, ``restamped``, noted "重做"); undo saves and
applies their inverses (note "撤销"), so the stored trail records exactly what the auditor saw happen.
A verdict on a finding is a step too: undo records the verdict the finding had before; so is the
reviewed mark (已审核 or taken back). Undoing any step gives back the review state as it was
before it, the mark included: an edit that dropped 已审核 gives it back when undone, and
"dismiss every open error and mark 已审核" is one macro whose undo takes the mark back too.
Files with the same bytes (twins) share one review and so one stack (the window's session_for): a
step saves through the session it was taken in, whichever copy's Ctrl+Z undoes it.
"""
from __future__ import annotations

from dataclasses import replace

from core.review.edits import CellEdit, Verdict, restamped
from gui.qt import QUndoCommand
from gui.strings import REDO_NOTE, REDO_NOTE_WITH, REDONE, UNDONE


def redone(edit: CellEdit) -> CellEdit:
    """The edit again, stamped now and noted 重做 in the trail (its own note kept after it)."""
    note = REDO_NOTE_WITH.format(note=edit.note) if edit.note else REDO_NOTE
    return replace(restamped(edit), note=note)


class CellEditCommand(QUndoCommand):
    def __init__(self, session, edits: list[CellEdit], text: str) -> None:
        super().__init__(text)
        self._session = session
        self._edits = list(edits)
        self._done_before = False
        self._reviewed_before = False  # the mark the report had before the edits (given back by undo)

    @property
    def edits(self) -> list[CellEdit]:
        return list(self._edits)

    def redo(self) -> None:
        edits = [redone(e) for e in self._edits] if self._done_before else self._edits
        step = REDONE if self._done_before else ""
        reviewed_before = self._session.review.reviewed
        if not self._session.commit(edits, step=step, what=self.text()):
            self.setObsolete(True)  # saving failed: QUndoStack drops the command
            return
        self._done_before = True
        self._reviewed_before = reviewed_before

    def undo(self) -> None:
        self._session.commit([e.inverse() for e in reversed(self._edits)], step=UNDONE, what=self.text(),
                             reviewed=True if self._reviewed_before else None)


class VerdictCommand(QUndoCommand):
    def __init__(self, session, verdict: Verdict, previous: Verdict, text: str, step_name: str = "",
                 saved: str = "") -> None:
        """``step_name``: what Ctrl+Z / Ctrl+Y name in the status bar, when the step undone is a
        macro holding this command (the macro's text; else this command's). ``saved``: the status
        bar's words when first done (else the session's from the verdict)."""
        super().__init__(text)
        self._saved = saved
        self._step_name = step_name or text
        self._session = session
        self._verdict = verdict
        self._previous = previous
        self._done_before = False

    def redo(self) -> None:
        verdict = restamped(self._verdict) if self._done_before else self._verdict
        step = REDONE if self._done_before else ""
        if not self._session.commit_verdict(verdict, step=step, what=self._step_name, saved=self._saved):
            self.setObsolete(True)
            return
        self._done_before = True

    def undo(self) -> None:
        self._session.commit_verdict(restamped(self._previous), step=UNDONE, what=self._step_name)


class ReviewedCommand(QUndoCommand):
    """已审核 given (or taken back); undo puts back the mark the report had."""

    def __init__(self, session, reviewed: bool, text: str, step_name: str = "") -> None:
        super().__init__(text)
        self._step_name = step_name or text
        self._session = session
        self._reviewed = reviewed
        self._before = session.review.reviewed
        self._done_before = False

    def redo(self) -> None:
        step = REDONE if self._done_before else ""
        if not self._session.commit_reviewed(self._reviewed, step=step, what=self._step_name):
            self.setObsolete(True)
            return
        self._done_before = True

    def undo(self) -> None:
        self._session.commit_reviewed(self._before, step=UNDONE, what=self._step_name)


class ChosenCopyCommand(QUndoCommand):
    """设为采用的副本: one copy of a year filed twice chosen, the others no longer; undo puts back
    the marks the copies had. ``commit(marks, step)`` saves and applies (copy, mark) pairs (the
    main window's: the marks touch several reports, each with its own session); False if saving failed."""

    def __init__(self, commit, marks: list, text: str) -> None:
        super().__init__(text)
        self._commit = commit
        self._marks = list(marks)
        self._before = [(review, review.chosen) for review, _chosen in self._marks]
        self._done_before = False

    def redo(self) -> None:
        if not self._commit(self._marks, REDONE if self._done_before else ""):
            self.setObsolete(True)
            return
        self._done_before = True

    def undo(self) -> None:
        self._commit(self._before, UNDONE)
