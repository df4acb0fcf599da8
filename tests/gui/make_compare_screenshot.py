"""The screenshot of the comparison for docs/ (run under a real X server at 1366×768):

    Xvfb :91 -screen 0 1366x768x24 & DISPLAY=:91 .venv/bin/python tests/gui/make_compare_screenshot.py

Opens tests/fixtures/compare (two years of 淮安市人民政府办公室), corrects 2024's 上年结转 × 自然人 in
the review (so an X-1 card shows), opens the pair from the 年度对照 grid and goes to the first
change of 表三. The window is the client area of a maximized window on a 1366×768 screen, as in
make_screenshots.py: 1366×697 (under Xvfb without a window manager showMaximized did nothing, and
the review window showed beside and below it in a picture of the whole screen). Writes
docs/compare.png, then waits (it prints READY) for a look at the screen. Settings and the review
database go to a temporary folder.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from core.review.store import ReviewStore
    from gui.app import install_translations
    from gui.main_window import MainWindow
    from gui.qt import QApplication, QSettings, Qt
    from gui.settings import Settings
    from tests.gui.make_screenshots import SIZES, screen_shot

    work = Path(tempfile.mkdtemp(prefix="gongkai-compare-shot-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    folder = work / "reports"
    shutil.copytree(ROOT / "tests" / "fixtures" / "compare", folder, ignore=shutil.ignore_patterns("*.py"))
    app = QApplication(sys.argv[:1])
    install_translations(app)
    window = MainWindow(ReviewStore(work / "reviews.sqlite3"), Settings(work / "settings.ini"))
    window.show()

    def settle(seconds=0.3):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    window.open_folder(folder)
    settle(0.2)
    while window.is_loading():
        settle(0.05)
    settle(0.5)
    file = next(str(p) for p in folder.rglob("*2024年报告.txt"))
    window.dashboard.select_file(file)
    settle()
    window.report_view.session.edit_cell("section3.carried_over.natural", 35)
    grid = window.show_yearly_grid()
    settle()
    index = grid.model.index_of("淮安市人民政府办公室", 2024)
    grid.compare_with_neighbour(index)
    grid.close()
    compare = window.compare_windows[-1]
    compare.setWindowState(Qt.WindowState.WindowNoState)
    compare.resize(*SIZES["1366"])
    compare.move(0, 0)
    window.hide()  # nothing of the review window beside the comparison
    settle(0.5)
    compare.view.show_section("section3")
    compare.view.select(["section3.new.total"], ["section3.new.total"])
    settle(1.0)
    target = ROOT / "docs" / "compare.png"
    screen_shot(app, compare, target)
    print(target)
    print("READY", flush=True)
    settle(float(sys.argv[1]) if len(sys.argv) > 1 else 6.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
