"""The window's worker processes (gui/workers.py)."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from gui.folder_job import load_chunk
from gui.workers import Workers
from tests.gui.helpers import PLANTED
from tests.gui.test_loader import many_reports


def test_quitting_stops_a_worker_s_chunk_after_the_file_under_way(tmp_path, report_folder):
    # Quitting during a load runs stop() on the GUI thread: it waited for every file of each
    # worker's chunk under way, the window frozen on screen meanwhile (8 files: seconds of big
    # PDFs). A chunk now ends after its file under way, and what it parsed is kept in the cache.
    count = 200  # some seconds of parsing for one worker: stop() comes long before its end
    folder = many_reports(tmp_path / "many", report_folder / PLANTED, count)
    cache = tmp_path / "parses.sqlite3"
    workers = Workers(2)
    executor = workers.start()
    try:
        chunk = executor.submit(load_chunk, sorted(str(p) for p in folder.iterdir()), None, str(cache))
        while not chunk.running():
            time.sleep(0.01)
        time.sleep(0.5)  # the worker is into its files (not a measure: any moment would do)
    finally:
        workers.stop()
    assert workers.pids() == []
    with sqlite3.connect(cache) as db:
        parsed = db.execute("SELECT COUNT(*) FROM parses").fetchone()[0]
    assert parsed < count  # ended early, with its parses so far kept (none if stopped at once)


def test_workers_released_while_they_start_end_without_a_traceback():
    # The window starts its workers at launch and releases them once a folder is loaded; a small
    # folder loads in the loader's thread before they have started. Let go at once, the pool's
    # queues and Event were freed under the starting processes: a traceback on stderr each launch.
    script = """
import multiprocessing, time
from gui.workers import Workers
workers = Workers(2)
workers.start()
workers.release()
deadline = time.monotonic() + 60
while multiprocessing.active_children() and time.monotonic() < deadline:
    time.sleep(0.05)
print("ended" if not multiprocessing.active_children() else "still running")
"""
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "ended"
    assert "Traceback" not in out.stderr, out.stderr


def test_a_released_pool_is_let_go_once_its_workers_have_ended():
    # The thread that ends released pools held the last one while it waited for the next, so
    # its queues and semaphores lived as long as the program (at a kill, the resource tracker
    # warned of leaked semaphores on stderr).
    script = """
import gc, multiprocessing, time, weakref
from gui.workers import Workers
workers = Workers(2)
pool = weakref.ref(workers.start())
workers.release()
deadline = time.monotonic() + 60
while (multiprocessing.active_children() or pool() is not None) and time.monotonic() < deadline:
    time.sleep(0.05)
    gc.collect()
print("let go" if pool() is None else "held")
"""
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "let go", out.stderr
