"""Qt's own file dialogs (the ones Linux gets: gui.app sets AA_DontUseNativeDialogs there) with
their side bar wide enough for its places' names.

Qt sizes the side bar to its first place (计算机) alone, so the home folder's longer name was cut
(「r61hor」 for /tmp/r61home, 「zhang」 for 张三的文件): the auditor could not tell which place it was.
As each dialog shows, the side bar is widened to its widest name (at most a third of the dialog).
Windows' and macOS's own dialogs have no such side bar: nothing is changed there.
"""
from __future__ import annotations

from gui.qt import QAbstractItemView, QApplication, QFileDialog, QSplitter, QTimer

SIDEBAR_SHARE = 3  # the side bar takes at most a third of the dialog's width


def fit_sidebar(dialog: QFileDialog) -> None:
    """Widen ``dialog``'s side bar to show its places' names whole (a native dialog: nothing)."""
    sidebar = dialog.findChild(QAbstractItemView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    if sidebar is None or splitter is None or sidebar.model() is None:
        return
    sizes = splitter.sizes()
    total = sum(sizes)
    if len(sizes) < 2 or total <= 0:
        return
    scroll_bar = sidebar.verticalScrollBar()
    needed = sidebar.sizeHintForColumn(0) + 2 * sidebar.frameWidth() \
        + (scroll_bar.sizeHint().width() if scroll_bar.isVisible() else 0)
    wanted = min(needed, total // SIDEBAR_SHARE)
    if sizes[0] < wanted:
        splitter.setSizes([wanted, total - wanted, *sizes[2:]])


def fit_shown_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            fit_sidebar(widget)


def fit_sidebar_once_shown() -> None:
    """The static dialogs (QFileDialog.getExistingDirectory…) give us no dialog to size: as their
    event loop starts, the dialog shown is found and sized."""
    QTimer.singleShot(0, fit_shown_dialogs)


def existing_directory(parent, title: str, start: str) -> str:
    """QFileDialog.getExistingDirectory, its side bar's names whole."""
    fit_sidebar_once_shown()
    return QFileDialog.getExistingDirectory(parent, title, start)


def save_file_name(parent, title: str, start: str, file_filter: str) -> tuple[str, str]:
    """QFileDialog.getSaveFileName, its side bar's names whole."""
    fit_sidebar_once_shown()
    return QFileDialog.getSaveFileName(parent, title, start, file_filter)
