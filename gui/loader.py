"""Loading a folder off the GUI thread: read, parse and check every report, in batches.

``FolderLoader`` is a QThread. It lists the folder, then for each file asks core to load it
(``load_report`` never raises), replays the stored review (its own ``ReviewStore`` connection:
SQLite connections stay in the thread that opened them) and runs the checks. Results reach the
GUI thread in batches through queued signals, so the window inserts many rows at once and stays
responsive. ``cancel()`` stops after the current file.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Optional

from core.edits import ReportReview
from core.pipeline import load_report, report_files
from core.store import ReviewStore
from gui import strings
from gui.qt import QThread, Signal
from gui.session import run_checks

BATCH_SIZE = 50  # reports per batch at most...
BATCH_SECONDS = 0.1  # ...or whatever is ready after this long


class FolderLoader(QThread):
    counted = Signal(int)  # number of report files found
    batchReady = Signal(object)  # list[tuple[ReportReview, list[Finding]]]
    progress = Signal(int, int)  # done, total
    failed = Signal(str)  # the folder could not be read at all

    def __init__(self, folder: str, db_path: Optional[Path], parent=None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.db_path = db_path
        self._cancel = threading.Event()
        self.loaded = 0
        self.total = 0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            files = list(report_files(self.folder))
        except OSError as exc:
            self.failed.emit(str(exc))
            return
        self.total = len(files)
        self.counted.emit(self.total)
        store = None
        try:
            store = ReviewStore(self.db_path) if self.db_path is not None else None
        except Exception as exc:  # noqa: BLE001 - reports still load, without stored work
            self.failed.emit(str(exc))
        batch: list = []
        last = time.monotonic()
        try:
            for path in files:
                if self._cancel.is_set():
                    break
                batch.append(self._load(path, store))
                self.loaded += 1
                now = time.monotonic()
                if len(batch) >= BATCH_SIZE or now - last >= BATCH_SECONDS:
                    self.batchReady.emit(batch)
                    self.progress.emit(self.loaded, self.total)
                    batch, last = [], now
            if batch:
                self.batchReady.emit(batch)
            self.progress.emit(self.loaded, self.total)
        finally:
            if store is not None:
                store.close()

    @staticmethod
    def _load(path: Path, store: Optional[ReviewStore]):
        report = load_report(path)
        review = None
        if store is not None and report.content_hash:
            try:
                review = store.review_for(report)
            except Exception as exc:  # noqa: BLE001 - a damaged trail must not hide the report
                report.problems.append(strings.STORE_READ_FAILED.format(error=exc))
                review = None
        if review is None:
            review = ReportReview(report)
        return review, run_checks(review)
