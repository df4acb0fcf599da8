"""Exporting off the GUI thread: core.export.dispatch.export in a QThread, on a snapshot of the
reviews, one export at a time.

An export asked for while another runs waits its turn (ExportQueue) instead of being refused:
the first export's ``done`` reaches the window while its thread is still returning from
``run()``, so "is a thread running?" is no test of whether the user may export again.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Callable, Optional

from core.export.common import ExportCancelled, ExportFormat, Exported, ExportSteps, named_if_only_suffix
from core.model import Finding
from core.review.edits import ReportReview
from gui.qt import QObject, QThread, Signal


def snapshot(reviews: list[ReportReview]) -> list[ReportReview]:
    """Copies that later edits in the window cannot change while the export runs."""
    copies = {id(r): r.copy() for r in reviews}
    for r in reviews:  # the year before, as it is now (its X findings go into the export)
        previous = r.previous_year
        if previous is not None:
            copies[id(r)].previous_year = copies.get(id(previous)) or previous.copy()
    return [copies[id(r)] for r in reviews]


def file_to_write(typed: str, suffixes: tuple[str, ...], default_stem: str) -> str:
    """The file a save dialog's answer ``typed`` names, ending with one of ``suffixes`` (the first
    is added when it ends with none: 结果 → 结果.xlsx). A name that is only a suffix (.xlsx, the
    name before it deleted) gets ``default_stem`` before it (core.export.common.named_if_only_suffix)."""
    typed = named_if_only_suffix(typed, suffixes, default_stem)
    return typed if typed.lower().endswith(suffixes) else typed + suffixes[0]


# How an export writes its reviews: (reviews, target, steps: its count, saving and cancel) -> what it wrote
Writer = Callable[[list[ReportReview], Path, ExportSteps], Exported]


def write_export(reviews: list[ReportReview], target: Path, steps: ExportSteps) -> Exported:
    """The export the target's extension names (core.export.dispatch)."""
    from core.export.dispatch import export  # imported here: a missing optional library fails the job only
    return export(reviews, target, steps=steps)


def write_report_word(reviews: list[ReportReview], target: Path, steps: ExportSteps) -> Exported:
    """One report's Word file (导出本报告为 Word): the first of ``reviews``, into the official template.
    The others, when given, are every copy of its agency's year in the folder's order, itself among
    them: its 审核说明 line says which copy counts, as the folder's Word export says it (the file
    sent alone said nothing of the copies)."""
    from core.export.common import copy_notes
    from core.export.docx import write_docx  # imported here: a missing optional library fails the job only
    steps.count(0, 1)
    write_docx(reviews[0], target, note=copy_notes(reviews[1:]).get(id(reviews[0])))
    steps.count(1, 1)
    return Exported((target,), ExportFormat.WORD)


def summary_writer(findings: list[list[Finding]]) -> Writer:
    """The folder's wide summary (汇总宽表), each review with the findings the window shows for it
    (``findings`` in the reviews' order: the job writes copies of them, in that order)."""
    def write(reviews: list[ReportReview], target: Path, steps: ExportSteps) -> Exported:
        from core.export.summary import write_summary
        by_review = dict(zip(map(id, reviews), findings))
        write_summary(reviews, target, lambda review: by_review.get(id(review), []), steps)
        return Exported((target,), ExportFormat.EXCEL)
    return write


class ExportJob(QThread):
    done = Signal(object)  # Exported: what was written
    failed = Signal(str)  # Chinese message
    progress = Signal(int, int)  # reports written so far, reports in all
    saving = Signal()  # every report built: the file itself is being written (no count to give)
    cancelled = Signal()  # stopped at the auditor's asking: nothing left at the target

    def __init__(self, reviews: list[ReportReview], target: Path, write: Writer = write_export, parent=None) -> None:
        super().__init__(parent)
        self.reviews = snapshot(reviews)
        self.target = target
        self.write = write
        self._cancel = False  # set from the GUI thread, read by the job's (a plain flag suffices)

    def cancel(self) -> None:
        """Stop before the next report, or once the file is saved, before it replaces the target."""
        self._cancel = True

    def run(self) -> None:
        steps = ExportSteps(counted=self.progress.emit, saving=self.saving.emit, go_on=lambda: not self._cancel)
        try:
            written = self.write(self.reviews, self.target, steps)
        except ExportCancelled:
            self.cancelled.emit()
            return
        except OSError as exc:  # the file open in Excel or WPS, a read-only folder, a full disk
            from core.cli import os_error_text
            self.failed.emit(os_error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done.emit(written)


class ExportQueue(QObject):
    """Runs exports one after another in the order they were asked for.

    Each export reports ``done`` (what it wrote, Exported) or ``failed`` (a Chinese message), once.
    """
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)  # of the export running: reports written, reports in all
    saving = Signal()  # the export running is writing its file
    cancelled = Signal()  # the export running stopped at the auditor's asking

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._job: Optional[ExportJob] = None
        self._waiting: deque[tuple[list[ReportReview], Path, Writer]] = deque()

    def submit(self, reviews: list[ReportReview], target: Path, write: Writer = write_export) -> bool:
        """Export ``reviews`` (as they are now) to ``target`` (``write``: how; by default the
        format its extension names). True if it starts at once, False if it waits for the exports
        before it."""
        self._waiting.append((snapshot(reviews), Path(target), write))
        if self._job is not None:
            return False
        self._start_next()
        return True

    def busy(self) -> bool:
        return self._job is not None

    def cancel(self) -> int:
        """Stop the export running (it reports ``cancelled``, or ``done`` if it had already
        written its file) and drop those waiting: how many were dropped (they report nothing)."""
        dropped = len(self._waiting)
        self._waiting.clear()
        if self._job is not None:
            self._job.cancel()
        return dropped

    def wait(self) -> None:
        """Block until every export asked for is written (the window is closing)."""
        while self._job is not None:
            self._job.wait()
            self._job = None
            self._start_next()

    def _start_next(self) -> None:
        if not self._waiting:
            return
        reviews, target, write = self._waiting.popleft()
        job = ExportJob(reviews, target, write, self)
        job.done.connect(self.done)
        job.failed.connect(self.failed)
        job.progress.connect(self.progress)
        job.saving.connect(self.saving)
        job.cancelled.connect(self.cancelled)
        job.finished.connect(self._on_finished)  # a method of self: runs in the GUI thread
        self._job = job
        job.start()

    def _on_finished(self) -> None:
        job = self.sender()
        job.deleteLater()
        if self._job is job:  # not already collected by wait()
            self._job = None
            self._start_next()
