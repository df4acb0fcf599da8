"""Screenshots of the running window for docs/ (run under a real X server such as Xvfb):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/gui/make_screenshots.py

Writes docs/dashboard.png, docs/t3-error.png, docs/source-pane.png. Settings and the review
database go to a temporary folder, never the user's profile.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from gui.app import install_translations
    from gui.main_window import MainWindow
    from gui.paths import samples_dir
    from gui.qt import QApplication, QSettings, QToolTip
    from gui.settings import Settings
    from core.review.store import ReviewStore
    from tests.gui.helpers import PLANTED, PLANTED_CELL, SEED_003, plant_error

    work = Path(tempfile.mkdtemp(prefix="gongkai-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    docs = ROOT / "docs"
    app = QApplication(sys.argv[:1])
    install_translations(app)
    store = ReviewStore(work / "reviews.sqlite3")
    window = MainWindow(store, Settings(work / "settings.ini"))
    window.resize(1600, 1000)
    window.show()

    def settle(seconds=0.3):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def load(folder):
        window.open_folder(folder)
        settle(0.2)
        while window.is_loading():
            settle(0.05)
        settle(0.5)

    # 1. The dashboard over the bundled samples.
    load(samples_dir())
    window.dashboard.select_row(1)
    settle()
    window.grab().save(str(docs / "dashboard.png"))

    # 2. 表三 with a planted error: the red cell, its tooltip and the findings list.
    folder = work / "reports"
    folder.mkdir()
    for seed in samples_dir().glob("[0-9][0-9][0-9]_*.txt"):  # the seeds, not the 示例 with an error
        shutil.copy(seed, folder / seed.name)
    (folder / PLANTED).write_text(plant_error((samples_dir() / SEED_003).read_text("utf-8")),
                                  encoding="utf-8")
    load(folder)
    window.dashboard.select_file(str(folder / PLANTED))
    settle()
    view = window.report_view
    view.findings.select_row(0)
    settle()
    table = view.current_view()
    index = table.model().index_of(PLANTED_CELL)
    rect = table.visualRect(index)
    QToolTip.showText(table.viewport().mapToGlobal(rect.bottomRight()),
                      index.data(0x03), table)  # Qt.ToolTipRole
    settle(0.8)
    screen = app.primaryScreen()
    top_left = window.mapToGlobal(window.rect().topLeft())
    shot = screen.grabWindow(0, top_left.x(), top_left.y(), window.width(), window.height())
    if shot.isNull() or shot.width() == 0:  # no real screen (offscreen platform): the window only
        shot = window.grab()
    shot.save(str(docs / "t3-error.png"))
    QToolTip.hideText()

    # 3. The source pane: a cell selected in 表三, its text highlighted in the report.
    table.setCurrentIndex(table.model().index_of("section3.unable_not_held.natural"))
    settle()
    window.report_view.grab().save(str(docs / "source-pane.png"))

    window.close()
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(str(docs / n) for n in ("dashboard.png", "t3-error.png", "source-pane.png")))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GONGKAI_LOADER_PROCESSES", "1")
    sys.exit(main())
