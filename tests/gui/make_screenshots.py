"""Screenshots of the running window for docs/ (run under a real X server such as Xvfb):

    Xvfb :93 -screen 0 1920x1080x24 &
    DISPLAY=:93 .venv/bin/python tests/gui/make_screenshots.py

The window is sized as the client area of a maximized window on the two screens auditors have
(1920×1080 and 1366×768, under Windows' title bar and taskbar): 1920×1009 and 1366×697.
Writes docs/dashboard.png (1920: the list, 表三 with a planted error, 问题清单 and 原文 beside it),
docs/t3-error.png (1366: the red cell and its tooltip), docs/focus-1366.png (1366, F11: every row
of 表三) and docs/source-pane.png (the selected cell's text highlighted in the report), each
reduced to 256 colours to stay well under 300 KB (shrink). Settings and the review database go to
a temporary folder, never the user's profile.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = {"1920": (1920, 1009), "1366": (1366, 697)}


def shrink(path: Path) -> None:
    """At most 256 colours, not dithered (the pictures have some 1,400, from anti-aliased text:
    the 1920 one took 355 KB, 125 KB so, its text as sharp) with ImageMagick's convert, where it is
    installed (Xvfb's machines have it: `import` takes docs/compare.png); else left as Qt wrote it."""
    convert = shutil.which("convert")
    if convert:
        subprocess.run([convert, str(path), "+dither", "-colors", "256", f"PNG8:{path}"], check=True)
    else:
        print(f"(convert not found: {path.name} not reduced to 256 colours)", file=sys.stderr)


def screen_shot(app, window, path: Path) -> None:
    """The screen under the window (tooltips included); the window alone offscreen."""
    top_left = window.mapToGlobal(window.rect().topLeft())
    shot = app.primaryScreen().grabWindow(0, top_left.x(), top_left.y(), window.width(),
                                          window.height())
    if shot.isNull() or shot.width() == 0:
        shot = window.grab()
    shot.save(str(path))
    shrink(path)


def main() -> int:
    from gui.app import install_translations
    from gui.main_window import MainWindow
    from gui.paths import samples_dir
    from gui.qt import QApplication, QSettings, Qt, QToolTip
    from gui.settings import Settings
    from core.review.store import ReviewStore
    from tests.gui.helpers import (PLANTED, PLANTED_CELL, PLANTED_CLEAN, SEED_000, SEED_003,
                                   plant_clean_error, plant_error)

    work = Path(tempfile.mkdtemp(prefix="gongkai-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    docs = ROOT / "docs"
    app = QApplication(sys.argv[:1])
    install_translations(app)
    store = ReviewStore(work / "reviews.sqlite3")
    folder = work / "reports"
    folder.mkdir()
    for seed in samples_dir().glob("[0-9][0-9][0-9]_*.txt"):  # the seeds, not the 示例 with an error
        shutil.copy(seed, folder / seed.name)
    seeds = samples_dir()
    (folder / PLANTED).write_text(plant_error((seeds / SEED_003).read_text("utf-8")), "utf-8")
    (folder / PLANTED_CLEAN).write_text(plant_clean_error((seeds / SEED_000).read_text("utf-8")),
                                        "utf-8")

    def settle(seconds=0.3):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def start(size: str) -> MainWindow:
        """A first start at that size, the folder loaded, the planted report open."""
        window = MainWindow(store, Settings(work / f"settings-{size}.ini"))
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*SIZES[size])
        window.move(0, 0)
        window.show()
        loaded = []
        window.loadFinished.connect(loaded.append)
        window.open_folder(folder)
        while not loaded:
            settle(0.05)
        assert window.dashboard.select_file(str(folder / PLANTED))
        settle(0.5)
        return window

    # 1. 1920: the list, 表三 whole, the findings and the source beside it.
    window = start("1920")
    screen_shot(app, window, docs / "dashboard.png")
    window.close()

    # 2. 1366: the red cell and its tooltip.
    window = start("1366")
    view = window.report_view
    table = view.current_view()
    index = table.model().index_of(PLANTED_CELL)
    rect = table.visualRect(index)
    QToolTip.showText(table.viewport().mapToGlobal(rect.bottomLeft()),
                      index.data(Qt.ItemDataRole.ToolTipRole), table)
    settle(0.8)
    # on the 1920 screen the tip ran past the 1366 window's edge, cut in the picture: moved into
    # the window, as Qt places it on a 1366 screen (within the screen's edge)
    right = window.mapToGlobal(window.rect().topRight()).x()
    for tip in app.topLevelWidgets():
        if tip.inherits("QTipLabel") and tip.isVisible() and tip.geometry().right() > right:
            tip.move(right - tip.width(), tip.y())
    settle(0.3)
    screen_shot(app, window, docs / "t3-error.png")
    QToolTip.hideText()
    settle(1.0)  # the tooltip fades out

    # 3. 1366 in focus mode (F11): every row of 表三.
    window.focus_mode_action.trigger()
    settle(0.5)
    screen_shot(app, window, docs / "focus-1366.png")

    # 4. The source pane: a cell selected in 表三, its text highlighted in the report.
    table.setCurrentIndex(table.model().index_of("section3.unable_not_held.natural"))
    settle()
    view.source.grab().save(str(docs / "source-pane.png"))
    shrink(docs / "source-pane.png")
    window.close()

    store.close()
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(str(docs / n) for n in ("dashboard.png", "t3-error.png", "focus-1366.png",
                                            "source-pane.png")))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GONGKAI_LOADER_PROCESSES", "1")
    sys.exit(main())
