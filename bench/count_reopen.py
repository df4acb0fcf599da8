"""A folder opened again, headless and in one thread, for instruction counts of what the window's
process does besides painting: the loader lists the folder from the parse cache and decodes every
report, the report list's model takes the rows, the reports and the copies' marks.

    python bench/count_reopen.py FOLDER DATA_DIR [--setup]
    valgrind --tool=callgrind --callgrind-out-file=OUT .venv/bin/python bench/count_reopen.py FOLDER DATA_DIR

DATA_DIR holds reviews.sqlite3 and parse-cache.sqlite3 of a first open (bench_gui.py --data DATA_DIR
--fresh FOLDER); copy it first: a run may write to them. ``--setup`` stops after the imports: the
count of the work is a run's "I refs" less a --setup run's. 2026-12-07, the 2 000-report folder of
make_folder.py: 7 376 M at df27c568, 5 757 M after load67 (setup 4 750 M).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    folder, data = sys.argv[1], sys.argv[2]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.qt import QApplication
    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - the models need one
    import core.compare.pairing  # noqa: F401 - imported by both before and after the work
    import core.compare.years  # noqa: F401
    from gui.dashboard import DashboardModel
    from gui.loader import FolderLoader

    model = DashboardModel()
    model.clear(folder)
    loader = FolderLoader(folder, str(Path(data) / "reviews.sqlite3"), processes=1)
    # emitted in this thread: each slot runs at once, as the window's would in its turn
    loader.batchReady.connect(lambda _token, items: model.add_batch(items))
    loader.hydrated.connect(lambda _token, items: (model.fill(items), model.mark_copies_now()))
    if "--setup" in sys.argv:
        return 0
    loader.run()
    model.mark_copies_now()
    print(f"rows {model.rowCount()}, reports {len(model.loaded_reviews())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
