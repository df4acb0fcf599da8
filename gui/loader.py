"""Loading a folder off the GUI thread: read, parse and check every report, in batches.

``FolderLoader`` is a QThread. It lists the folder and hands the files to core: in worker
processes when there are many (parsing is CPU work, and in a thread of the GUI's own process it
would hold Python's GIL against every paint of the window), else in the thread itself. Each
report comes back with its stored review replayed and its findings; results reach the GUI
thread in batches through queued signals, so the window inserts many rows at once and stays
responsive. ``cancel()`` stops after the files under way.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Optional

from core.pipeline import report_files
from core.review.store import ReviewStore
from gui.folder_job import load_chunk, load_one
from gui import strings
from gui.qt import QThread, Signal

BATCH_SIZE = 50  # reports per batch at most...
BATCH_SECONDS = 0.1  # ...or whatever is ready after this long
PROCESS_MIN_FILES = 40  # fewer files load in the thread: starting processes costs more
CHUNK = 8  # files per task sent to a worker process
MAX_PROCESSES = 4


class FolderLoader(QThread):
    """Every signal carries the loader's ``token``, so that the window can drop what a loader it
    has cancelled still had on its way."""
    counted = Signal(int, int)  # token, number of report files found
    batchReady = Signal(int, object)  # token, list[tuple[ReportReview, list[Finding]]]
    progress = Signal(int, int, int)  # token, done, total
    failed = Signal(int, str)  # token, message (the folder, or the review database, unreadable)
    done = Signal(int, bool)  # token, cancelled: the last signal of a run

    def __init__(self, folder: str, db_path: Optional[Path], token: int = 0, parent=None,
                 processes: Optional[int] = None) -> None:
        super().__init__(parent)
        self.token = token
        self.folder = folder
        self.db_path = str(db_path) if db_path else None
        self.processes = _process_count() if processes is None else processes
        self._cancel = threading.Event()
        self.loaded = 0
        self.total = 0
        self._batch: list = []
        self._last_emit = 0.0
        self._store: Optional[ReviewStore] = None  # this thread's own connection
        self._store_error = ""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._flush()
            self.done.emit(self.token, self.cancelled)

    def _run(self) -> None:
        try:
            files = [str(p) for p in report_files(self.folder)]
        except OSError as exc:
            self.failed.emit(self.token, str(exc))
            return
        self.total = len(files)
        self.counted.emit(self.token, self.total)
        self._last_emit = time.monotonic()
        # Open the database here first (it is created, and switched to WAL, once), so that
        # worker processes only ever open an existing one.
        if self.db_path:
            try:
                self._store = ReviewStore(self.db_path)
            except Exception as exc:  # noqa: BLE001 - reports still load, each one says why
                self._store_error = str(exc)
                self.failed.emit(self.token, strings.STORE_READ_FAILED.format(error=exc))
        try:
            rest = files
            if self.processes > 1 and len(files) >= PROCESS_MIN_FILES and not self._store_error:
                rest = self._run_in_processes(files)
            if rest:
                self._run_here(rest)
        finally:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _run_here(self, files: list[str]) -> None:
        for path in files:
            if self.cancelled:
                return
            self._add([load_one(path, self._store, self._store_error)])

    def _run_in_processes(self, files: list[str]) -> list[str]:
        """Load in worker processes; returns the files left to load here if the pool broke."""
        chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
        done = 0
        try:
            context = multiprocessing.get_context("spawn")  # never fork a process running Qt
            with ProcessPoolExecutor(self.processes, mp_context=context) as pool:
                futures = [pool.submit(load_chunk, chunk, self.db_path) for chunk in chunks]
                try:
                    for future in futures:  # in order: rows appear in the folder's order
                        while True:
                            if self.cancelled:
                                return []
                            try:
                                items = future.result(timeout=0.05)
                                break
                            except FutureTimeout:
                                self._flush_if_due()
                            except (BrokenProcessPool, OSError, RuntimeError):
                                raise
                            except Exception:  # noqa: BLE001 - e.g. the database was busy
                                items = None
                                break
                        if items is None:  # this chunk failed in its worker: load it here
                            self._run_here(chunks[done])
                        else:
                            self._add(items)
                        done += 1
                finally:
                    for future in futures:
                        future.cancel()
        except (BrokenProcessPool, OSError, RuntimeError):
            pass  # e.g. no processes allowed here: finish in this thread
        return [f for chunk in chunks[done:] for f in chunk]

    def _add(self, items: list) -> None:
        self._batch.extend(items)
        self.loaded += len(items)
        self._flush_if_due()

    def _flush_if_due(self) -> None:
        if len(self._batch) >= BATCH_SIZE or time.monotonic() - self._last_emit >= BATCH_SECONDS:
            self._flush()

    def _flush(self) -> None:
        self._last_emit = time.monotonic()
        if self._batch:
            batch, self._batch = self._batch, []
            self.batchReady.emit(self.token, batch)
        self.progress.emit(self.token, self.loaded, self.total)


PROCESSES_ENV = "GONGKAI_LOADER_PROCESSES"  # 0 or 1: load in the thread only


def _process_count() -> int:
    setting = os.environ.get(PROCESSES_ENV, "").strip()
    if setting.isdigit():
        return max(1, min(int(setting), MAX_PROCESSES))
    return max(1, min(os.cpu_count() or 1, MAX_PROCESSES))
