"""Shared steps of the GUI tests."""
from __future__ import annotations

SEED_003 = "003_2385a1ea8664f14a.txt"
PLANTED = "planted_003.txt"  # seed 003 with （一）予以公开 × 自然人 printed as 15 instead of 12
PLANTED_CELL = "section3.granted.natural"


def plant_error(text: str) -> str:
    old = "予以公开\t\t12\t"
    assert old in text
    return text.replace(old, "予以公开\t\t15\t", 1)


def open_folder(qtbot, window, folder, timeout=60000) -> int:
    """Open ``folder`` in ``window`` and wait until every report is listed."""
    with qtbot.waitSignal(window.loadFinished, timeout=timeout) as blocker:
        assert window.open_folder(folder)
    return blocker.args[0]


def window_on_folder(qtbot, make_window, store, folder, reports: int, active: bool = False):
    """A main window, exposed (``active``: activated first), with ``folder`` open and its
    ``reports`` files listed."""
    window = make_window(store)
    if active:
        window.activateWindow()
    qtbot.waitExposed(window)
    assert open_folder(qtbot, window, folder) == reports
    return window


def select_report(qtbot, window, name: str):
    """Select the dashboard row of the file called ``name``; returns the open session."""
    model = window.dashboard.model
    files = [model.review_at(r).report.file for r in range(model.rowCount())]
    match = [f for f in files if f.endswith(name)]
    assert match, f"{name} not in {files}"
    assert window.dashboard.select_file(match[0])
    qtbot.waitUntil(lambda: window.report_view.session is not None
                    and window.report_view.session.report.file == match[0])
    return window.report_view.session


SEED_000 = "000_f621d1f2d2e52411.txt"
PLANTED_CLEAN = "planted_000.txt"  # seed 000 (no flags) with （一）予以公开 × 自然人 printed as 3, not 0


def plant_clean_error(text: str) -> str:
    """Seed 000 with one wrong cell: fixing it leaves the report with no problem at all."""
    old = "(一) 予以公开\t0\t"
    assert text.count(old) == 1
    return text.replace(old, "(一) 予以公开\t3\t", 1)


def start_typing(qtbot, view, path: str, text: str):
    """F2 on the cell ``path`` of ``view`` and ``text`` typed over its value, not confirmed;
    returns the open editor and the cell's index."""
    from gui.qt import QLineEdit, Qt

    index = view.model().index_of(path)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    # the editor open now (one closed before may wait, hidden, for its deletion till the next turn)
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor, index


def read_next_message_box(said: list) -> None:
    """Once the next modal message box is up, append its text to `said` and close it (a modal box's
    exec() blocks the test: call this before the action that opens it). A dialog holding a
    QMessageBox inside counts as one."""
    from gui.qt import QApplication, QMessageBox, QTimer

    def read_and_close():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, read_and_close)
            return
        said.append(box.text() if isinstance(box, QMessageBox) else box.findChild(QMessageBox).text())
        box.close()

    QTimer.singleShot(50, read_and_close)
