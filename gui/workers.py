"""The window's worker processes for loading folders: started warm, ended when a folder is loaded.

Starting a worker costs a new interpreter and the imports of the readers, the parser and the
checks (about half a second of CPU each, longer on a busy machine). Started when the program
starts, in parallel with the window being built, they are ready before the first folder is
listed. Once a folder is loaded the window releases them: idle, each would hold some 50 MB for
the rest of the session, and the same folder opened again comes from the parse cache without
them. The next folder starts new ones. A pool that broke (a worker killed) is replaced on its
next use. (This module must not import Qt: it manages processes only.)
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Optional

from gui.folder_job import start_worker

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

PROCESSES_ENV = "GONGKAI_LOADER_PROCESSES"  # 0 or 1: load in the thread only
MAX_PROCESSES = 4


def process_count() -> int:
    setting = os.environ.get(PROCESSES_ENV, "").strip()
    if setting.isdigit():
        return max(1, min(int(setting), MAX_PROCESSES))
    return max(1, min(os.cpu_count() or 1, MAX_PROCESSES))


class Workers:
    """A pool of ``processes`` worker processes, started by ``start()`` (or on first use)."""

    def __init__(self, processes: Optional[int] = None) -> None:
        self.processes = process_count() if processes is None else processes
        self._executor: Optional[ProcessPoolExecutor] = None
        self._lock = threading.Lock()  # the window starts them, a loader thread uses them
        self._ending = None  # the running pool's Event: set, its chunks end after their file

    def start(self) -> Optional[Executor]:
        """The running pool, started now if it is not (None where processes cannot start)."""
        with self._lock:
            if self._executor is None and self.processes > 1:
                try:
                    context = multiprocessing.get_context("spawn")  # never fork a process running Qt
                    ending = context.Event()
                    executor = ProcessPoolExecutor(self.processes, mp_context=context,
                                                   initializer=start_worker, initargs=(True, ending))
                    for _ in range(self.processes):  # each task spawns a process, which warms up
                        executor.submit(int)
                except (OSError, RuntimeError):  # e.g. no processes allowed here
                    return None
                _widen_results_pipe(executor)
                self._executor, self._ending = executor, ending
                _start_ender()  # now, not on the GUI thread as a loaded folder's report opens
            return self._executor

    def discard(self, executor: Executor) -> None:
        """``executor`` broke (a worker died): the next ``start()`` starts another pool."""
        with self._lock:
            if self._executor is executor:
                self._end_chunks()
        _end_in_background(executor)

    def pids(self) -> list[int]:
        """The worker processes' ids (to measure them)."""
        with self._lock:
            processes = getattr(self._executor, "_processes", None) or {}
            return list(processes)

    def release(self) -> None:
        """End the workers without waiting (their memory back; a cancelled load's chunks under
        way end after their file); the next ``start()`` starts others."""
        with self._lock:
            executor = self._end_chunks()
        if executor is not None:
            _end_in_background(executor)

    def stop(self) -> None:
        """End the workers, waiting for the file each is loading but not for the rest of its
        chunk (quitting during a load waited for up to a chunk of big PDFs, the window frozen)."""
        with self._lock:
            executor = self._end_chunks()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _end_chunks(self) -> Optional[Executor]:
        """Forget the pool, telling its workers to end their chunks (their parses so far are kept)."""
        executor, self._executor = self._executor, None
        if self._ending is not None:
            self._ending.set()
            self._ending = None
        return executor


RESULTS_PIPE_BYTES = 1 << 20  # Linux's most for a pipe, unprivileged (/proc/sys/fs/pipe-max-size)


def _widen_results_pipe(executor: ProcessPoolExecutor) -> None:
    """Linux: the pipe the workers send their results through holds 1 MB, not 64 KB. A chunk's
    fresh parses come to ~100 KB (each report keeps its text): a worker waited at every chunk
    for the window's process to read the rest (a thread of it that needs Python's GIL), and the
    other worker behind it for the queue's lock: 0.4-0.5 s of each worker's 3.5 s (2 000 reports,
    bench_gui.py). Elsewhere, or if the pool is built otherwise, the pipe stays as it is."""
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        return
    try:
        fcntl.fcntl(executor._result_queue._reader.fileno(), fcntl.F_SETPIPE_SZ, RESULTS_PIPE_BYTES)
    except (AttributeError, OSError):
        pass


def _end_in_background(executor: Executor) -> None:
    """End ``executor``'s processes without waiting here, yet holding the pool until they are
    joined: a process still starting attaches to its pool's queues and Event as it starts, and
    fails with a traceback if the pool was let go first (as one started at launch was, released
    once a small folder had loaded in the loader's thread). The pool goes to the one thread that
    ends pools: starting a thread here waited until it ran, on the GUI thread as the first report
    of a loaded folder opened (0-50 ms, as busy as the machine was)."""
    _start_ender()
    _to_end.put(executor)


_to_end: "queue.SimpleQueue[Executor]" = queue.SimpleQueue()
_ender: Optional[threading.Thread] = None
_ender_lock = threading.Lock()


def _start_ender() -> None:
    """The thread that ends released pools, started with the first pool (at the program's start)."""
    global _ender
    with _ender_lock:
        if _ender is None:
            _ender = threading.Thread(target=_end_pools, name="end-workers", daemon=True)
            _ender.start()


def _end_pools() -> None:
    while True:
        executor = _to_end.get()
        try:
            executor.shutdown(wait=True, cancel_futures=True)
        except Exception:  # noqa: BLE001 - a pool that fails to end must not stop the next ones
            pass
        # let it go before waiting for the next: held, its queues and semaphores lived on to the
        # end of the program (the resource tracker's "leaked semaphore" warning at a kill)
        del executor
