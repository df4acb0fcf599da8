"""Exporting off the GUI thread: core.export.dispatch.export in a QThread, on a snapshot of the
reviews, one export at a time.

An export asked for while another runs waits its turn (ExportQueue) instead of being refused:
the first export's ``done`` reaches the window while its thread is still returning from
``run()``, so "is a thread running?" is no test of whether the user may export again.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Optional

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


class ExportJob(QThread):
    done = Signal(object)  # list[Path] written
    failed = Signal(str)  # Chinese message
    progress = Signal(int, int)  # reports written so far, reports in all

    def __init__(self, reviews: list[ReportReview], target: Path, parent=None) -> None:
        super().__init__(parent)
        self.reviews = snapshot(reviews)
        self.target = target

    def run(self) -> None:
        from core.export.dispatch import export  # imported here: a missing optional library fails the job only
        try:
            written = export(self.reviews, self.target, progress=self.progress.emit)
        except OSError as exc:  # the file open in Excel or WPS, a read-only folder, a full disk
            from core.cli import os_error_text
            self.failed.emit(os_error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done.emit([Path(p) for p in written])


class ExportQueue(QObject):
    """Runs exports one after another in the order they were asked for.

    Each export reports ``done`` (the files written) or ``failed`` (a Chinese message), once.
    """
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)  # of the export running: reports written, reports in all

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._job: Optional[ExportJob] = None
        self._waiting: deque[tuple[list[ReportReview], Path]] = deque()

    def submit(self, reviews: list[ReportReview], target: Path) -> bool:
        """Export ``reviews`` (as they are now) to ``target``. True if it starts at once, False
        if it waits for the exports before it."""
        self._waiting.append((snapshot(reviews), Path(target)))
        if self._job is not None:
            return False
        self._start_next()
        return True

    def busy(self) -> bool:
        return self._job is not None

    def wait(self) -> None:
        """Block until every export asked for is written (the window is closing)."""
        while self._job is not None:
            self._job.wait()
            self._job = None
            self._start_next()

    def _start_next(self) -> None:
        if not self._waiting:
            return
        reviews, target = self._waiting.popleft()
        job = ExportJob(reviews, target, self)
        job.done.connect(self.done)
        job.failed.connect(self.failed)
        job.progress.connect(self.progress)
        job.finished.connect(self._on_finished)  # a method of self: runs in the GUI thread
        self._job = job
        job.start()

    def _on_finished(self) -> None:
        job = self.sender()
        job.deleteLater()
        if self._job is job:  # not already collected by wait()
            self._job = None
            self._start_next()
