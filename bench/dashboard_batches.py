"""The GUI thread's CPU for a loading folder's rows: the folder's reports parsed first (in this
process, as the workers would), then fed to the real window's report list in batches, as the
loader thread sends them, each followed by the event loop's turns (its paints).

    python bench/dashboard_batches.py FOLDER [--batches 12] [--profile N] [--repo DIR]

Prints the GUI thread's CPU seconds for all the batches and how many times the list was painted
whole. The window's tables are warmed up first (as they are before a folder's first report
opens), so only the batches are counted. CPU time, not the wall clock: steady on a busy machine.
12 batches is a first open of 2 000 reports on a quiet machine (one every 0.25 s); on a busy one
there are many more. ``--repo`` runs another checkout's code (main's, to compare).
"""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gc
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parsed(folder: str) -> list:
    """Every report of ``folder`` as the workers send it (``Parsed``), decoded as the loader does."""
    from core.parse.cache import pack
    from core.pipeline import hash_file, read_report, report_paths
    from core.review.edits import ReportReview
    from gui.folder_job import Parsed, _checked, collect_less, summarize, with_row
    from gui.loader import _kept, _key_agency

    collect_less()
    items = []
    for path in report_paths(folder):
        report, _fresh = read_report(Path(path), None, hash_file(path), True)
        review = ReportReview(report)
        findings = _checked(review) or []
        items.append(Parsed(report.file, report.content_hash, summarize(review, findings),
                            pack(dataclasses.replace(report, file="")), pack(findings)))
    with _kept():
        loaded = [with_row(item, None, item.content_hash) for item in items]
    for item in loaded:
        _key_agency(item)
    return loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--batches", type=int, default=12)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose code runs (default: this one)")
    args = parser.parse_args()
    sys.path.insert(0, args.repo)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="gongkai-batches-"))
    os.environ["GONGKAI_DB"] = str(data / "reviews.sqlite3")
    try:
        loaded = parsed(args.folder)
        from core.review.store import ReviewStore
        from gui.main_window import MainWindow
        from gui.qt import QApplication, QEvent, QObject
        from gui.settings import Settings
        from gui.workers import Workers

        app = QApplication.instance() or QApplication([sys.argv[0]])
        store = ReviewStore(data / "reviews.sqlite3")
        window = MainWindow(store, Settings(data / "settings.ini"), workers=Workers(1))
        window.resize(1366, 768)
        window.show()
        while not window.report_view.warmed:
            app.processEvents()
            time.sleep(0.005)

        class Paints(QObject):
            count = 0

            def eventFilter(self, _watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False
        paints = Paints()
        window.dashboard.view.viewport().installEventFilter(paints)
        window.dashboard.start_loading(args.folder)
        for _ in range(5):
            app.processEvents()
        paints.count = 0
        size = -(-len(loaded) // max(args.batches, 1))
        profile = cProfile.Profile(time.thread_time) if args.profile else None
        start = time.thread_time()
        if profile is not None:
            profile.enable()
        for first in range(0, len(loaded), size):
            window.dashboard.model.add_batch(loaded[first:first + size])
            gc.freeze()  # as the window does with each batch
            window.dashboard.set_progress(min(first + size, len(loaded)), len(loaded))
            for _ in range(3):
                app.processEvents()
        if profile is not None:
            profile.disable()
        cpu = time.thread_time() - start
        print(f"{len(loaded)} rows in {-(-len(loaded) // size)} batches: GUI-thread CPU {cpu * 1000:.0f} ms, "
              f"the list painted {paints.count} times (load {os.getloadavg()[0]:.1f})")
        if profile is not None:
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
        window.close()
        store.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
