"""Open a folder in the real window (offscreen) and print how the dashboard fills.

    python bench/bench_gui.py FOLDER [--data DIR] [--fresh]

Prints the seconds until every row is on the dashboard, the longest stall of the GUI thread
(the largest gap between ticks of a 5 ms QTimer while loading), and the process's memory once
loaded (resident set, and its peak). The review database and the parse cache live in DIR
(default: a folder in the system temp dir); --fresh deletes them first, for a first open.
Run it twice without --fresh to see a folder opened again.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> tuple[float, float]:
    """Resident and peak resident memory of this process, MB (Linux /proc; 0 elsewhere)."""
    fields = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    except OSError:
        return 0.0, 0.0
    kb = lambda key: float(fields.get(key, "0 kB").split()[0])  # noqa: E731
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--data", default=str(Path(tempfile.gettempdir()) / "gongkai-bench-data"))
    parser.add_argument("--fresh", action="store_true", help="start without review database and parse cache")
    args = parser.parse_args()

    data = Path(args.data)
    if args.fresh and data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GONGKAI_DB"] = str(data / "reviews.sqlite3")

    from core.review.store import ReviewStore
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QTimer
    from gui.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    store = ReviewStore(data / "reviews.sqlite3")
    window = MainWindow(store, Settings(data / "settings.ini"))
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    stall = {"last": 0.0, "max": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        if stall["last"]:
            stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    window.loadFinished.connect(lambda _count: app.quit())
    start = time.perf_counter()
    cpu_start = _cpu_seconds()
    timer.start()
    window.open_folder(args.folder)
    app.exec()
    seconds = time.perf_counter() - start
    timer.stop()
    window.stop_loading()  # worker processes have ended: their CPU time is counted
    cpu = _cpu_seconds() - cpu_start
    app.processEvents()
    rss, peak = rss_mb()
    rows = window.dashboard.model.rowCount()
    print(f"rows on the dashboard     {rows}")
    print(f"seconds to all rows       {seconds:.2f}")
    print(f"CPU seconds, all processes {cpu:.2f}")
    print(f"longest GUI stall (ms)    {stall['max'] * 1000:.0f}")
    print(f"load average (1 min)      {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"memory once loaded (MB)   {rss:.0f} (peak {peak:.0f})")
    window.stop_loading()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
