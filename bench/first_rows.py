"""How soon a folder's first row and first progress tick show, in the real window (offscreen).

    python bench/first_rows.py FOLDER [--after-samples [--dialog SECONDS | --recent SECONDS]]

A fresh review database and parse cache each run (a first open). Without options the folder is
opened as the program opens one named on its command line: at once, the workers still warming
up. --after-samples opens resources/samples first and the folder once it is loaded: the window
has released its workers by then, and the folder waits for new ones (as a folder chosen after
another does). --dialog S then starts the workers S seconds before the folder opens, as the
open-folder dialog does while the auditor picks the folder. --recent S opens the folder as
文件 → 最近打开 → its number does: the menu shown, the number pressed S seconds later (the open
counted from the key). Prints the seconds from the open to
the count, the first progress above 0, the first row, and every row listed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--after-samples", action="store_true")
    parser.add_argument("--dialog", type=float, default=0, metavar="S")
    parser.add_argument("--recent", type=float, default=None, metavar="S")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="gongkai-first-rows-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GONGKAI_DB"] = str(data / "reviews.sqlite3")
    from gui.workers import Workers
    workers = Workers()
    workers.start()  # as the program does, before the window is built
    from core.review.store import ReviewStore
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QTimer
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    store = ReviewStore(data / "reviews.sqlite3")
    window = MainWindow(store, Settings(data / "settings.ini"), workers=workers)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    marks: dict[str, float] = {}

    def open_it() -> None:
        marks["open"] = time.perf_counter()
        window.open_folder(args.folder)
        watch()

    def watch() -> None:
        loader = window._loader
        loader.counted.connect(lambda _token, _total: marks.setdefault("counted", time.perf_counter()))
        loader.progress.connect(lambda _token, done, _total: done and marks.setdefault("first progress above 0", time.perf_counter()))
        window.dashboard.model.rowsInserted.connect(lambda *_a: marks.setdefault("first row", time.perf_counter()))
        window.loadListed.connect(lambda _n: (marks.setdefault("every row", time.perf_counter()),
                                              QTimer.singleShot(300, app.quit)))

    def open_recent() -> None:
        from PySide6.QtTest import QTest
        from gui.qt import Qt
        window.settings.remember_folder(args.folder)
        menu = window.recent_menu
        menu.popup(window.mapToGlobal(window.rect().center()))

        def press() -> None:
            marks["open"] = time.perf_counter()
            QTest.keyClick(menu, Qt.Key.Key_1)
            watch()
        QTimer.singleShot(int(args.recent * 1000), press)

    if args.after_samples:
        first = []

        def samples_loaded(_count) -> None:
            if first:
                return
            first.append(1)
            if args.recent is not None:
                QTimer.singleShot(300, open_recent)
                return
            if args.dialog:
                workers.start()
            QTimer.singleShot(int(args.dialog * 1000) or 300, open_it)
        window.loadFinished.connect(samples_loaded)
        window.open_folder(str(ROOT / "resources" / "samples"))
    else:
        open_it()
    app.exec()
    start = marks.pop("open")
    print(f"load average (1 min) {os.getloadavg()[0]:.1f}")
    for name, when in sorted(marks.items(), key=lambda item: item[1]):
        print(f"{when - start:6.2f} s  {name}")
    window.stop_loading()
    workers.stop()
    window.close()
    store.close()
    shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
