"""The window's worker processes (gui/workers.py)."""
from __future__ import annotations

import sqlite3
import time

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
