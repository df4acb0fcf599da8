"""The undo step of the review window: a QUndoCommand around core CellEdits.

One command holds one or more edits (a multi-cell paste is one step). Redo saves the edits and
applies them (a second redo saves them stamped anew, ``restamped``); undo saves and applies their
inverses (note "撤销"), so the stored trail records exactly what the auditor saw happen.
A verdict on a finding is a step too: undo records the verdict the finding had before.
"""
from __future__ import annotations

from core.review.edits import CellEdit, Verdict, restamped
from gui.qt import QUndoCommand
from gui.strings import REDONE, UNDONE


class CellEditCommand(QUndoCommand):
    def __init__(self, session, edits: list[CellEdit], text: str) -> None:
        super().__init__(text)
        self._session = session
        self._edits = list(edits)
        self._done_before = False

    @property
    def edits(self) -> list[CellEdit]:
        return list(self._edits)

    def redo(self) -> None:
        edits = [restamped(e) for e in self._edits] if self._done_before else self._edits
        step = REDONE if self._done_before else ""
        if not self._session.commit(edits, step=step, what=self.text()):
            self.setObsolete(True)  # saving failed: QUndoStack drops the command
            return
        self._edits = edits
        self._done_before = True

    def undo(self) -> None:
        self._session.commit([e.inverse() for e in reversed(self._edits)], step=UNDONE, what=self.text())


class VerdictCommand(QUndoCommand):
    def __init__(self, session, verdict: Verdict, previous: Verdict, text: str, step_name: str = "") -> None:
        """``step_name``: what Ctrl+Z / Ctrl+Y name in the status bar, when the step undone is a
        macro holding this command (the macro's text; else this command's)."""
        super().__init__(text)
        self._step_name = step_name or text
        self._session = session
        self._verdict = verdict
        self._previous = previous
        self._done_before = False

    def redo(self) -> None:
        verdict = restamped(self._verdict) if self._done_before else self._verdict
        step = REDONE if self._done_before else ""
        if not self._session.commit_verdict(verdict, step=step, what=self._step_name):
            self.setObsolete(True)
            return
        self._done_before = True

    def undo(self) -> None:
        self._session.commit_verdict(restamped(self._previous), step=UNDONE, what=self._step_name)
