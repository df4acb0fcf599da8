"""Qt's own file dialogs (the ones Linux gets: gui.app sets AA_DontUseNativeDialogs there) with
room for the names they list.

Qt sizes the side bar to its first place (计算机) alone, so the home folder's longer name was cut
(「r61hor」 for /tmp/r61home, 「zhang」 for 张三的文件): the auditor could not tell which place it was.
And the dialog opened at some 600×430 on any screen, the Word files' names cut in the middle
(「安平市凤凰区人力资源…作年度报告.docx」). As each dialog shows, it is given room (as much as
ROOMY, within the screen's free area) and the side bar its widest name (at most a third of it).
Windows' and macOS's own dialogs have no such side bar: nothing is changed there.

A save dialog's name Windows cannot hold (*.xlsx, CON.xlsx) is refused, said why, and asked again:
Qt's own dialog wrote a file named * on Linux, which the auditors' Windows PCs can neither open nor
copy. (After the dialog: the tests and Windows' own dialog, which refuses such names itself, stay
with QFileDialog.getSaveFileName.)
"""
from __future__ import annotations

from pathlib import Path

from core.export.common import windows_name_refusal
from gui import strings
from gui.layout import keep_on_screen
from gui.qt import (QAbstractItemView, QApplication, QFileDialog, QHeaderView, QMessageBox, QSize, QSplitter,
                    QTimer)

SIDEBAR_SHARE = 3  # the side bar takes at most a third of the dialog's width
ROOMY = QSize(960, 640)  # a dialog's size at least, where the screen has room for it
SCREEN_SHARE = 0.8  # ... but no more than this share of the screen's free width and height
CONTENTS_ROWS = 200  # rows a column's width is measured on (a folder of 3 000 files: not each one)


def _own_dialog(dialog: QFileDialog) -> bool:
    """Whether ``dialog`` is Qt's own (a native dialog creates none of its widgets)."""
    return dialog.findChild(QAbstractItemView, "sidebar") is not None


def give_room(dialog: QFileDialog) -> None:
    """Make Qt's own ``dialog`` at least ROOMY (within the screen), centred where it was."""
    if not _own_dialog(dialog):
        return
    area = dialog.screen().availableGeometry()
    wanted = ROOMY.boundedTo(QSize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE)))
    size = dialog.size().expandedTo(wanted)
    if size == dialog.size():
        return
    centre = dialog.frameGeometry().center()
    dialog.resize(size)
    frame = dialog.frameGeometry()
    frame.moveCenter(centre)
    dialog.move(frame.topLeft())
    keep_on_screen(dialog)


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


def _shown_dialogs() -> list[QFileDialog]:
    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QFileDialog) and widget.isVisible()]


def fit_columns(dialog: QFileDialog) -> None:
    """The detail view's 大小, 类型 and 修改日期 take what their values need, and 名称 the room they
    leave. Qt sizes them for "128.88 GB", "mp3Folder" and a US date: at 1366×768 an .xlsx file's
    type read 「Ex…表格」; and 名称 kept its first width in a dialog made wider (the names cut, a
    blank band right of 修改日期). Kept by the header as files are listed and folders entered."""
    view = dialog.findChild(QAbstractItemView, "treeView")
    if view is None or not _own_dialog(dialog):
        return
    header = view.header()
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(CONTENTS_ROWS)
    for column in range(1, header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def fit_shown_dialogs() -> None:
    """Room for the shown dialogs, then (once their layout has taken the new size) their side
    bars, then (once the side bar has its width) their names."""
    for dialog in _shown_dialogs():
        give_room(dialog)

    def then(step, after=None):
        for dialog in _shown_dialogs():
            step(dialog)
        if after is not None:
            QTimer.singleShot(0, after)
    QTimer.singleShot(0, lambda: then(fit_sidebar, lambda: then(fit_columns)))


def fit_once_shown() -> None:
    """The static dialogs (QFileDialog.getExistingDirectory…) give us no dialog to size: as their
    event loop starts, the dialog shown is found and sized."""
    QTimer.singleShot(0, fit_shown_dialogs)


def existing_directory(parent, title: str, start: str) -> str:
    """QFileDialog.getExistingDirectory, its side bar's names whole."""
    fit_once_shown()
    return QFileDialog.getExistingDirectory(parent, title, start)


def refused(parent, title: str, path: str) -> bool:
    """Whether ``path``'s file name is one Windows cannot hold; if so, the auditor is told why."""
    refusal = windows_name_refusal(Path(path).name)
    if refusal:
        QMessageBox.warning(parent, title, refusal)
    return bool(refusal)


def replace_confirmed(parent, title: str, typed: str, named: str) -> bool:
    """The save dialog asked about replacing the name as typed (「结果」); the file written is
    ``named`` (「结果.xlsx」, its suffix added): when it is another file that exists, ask about
    it too. False when the auditor would not replace it: nothing is written over without asking."""
    if named == typed or not Path(named).exists():
        return True
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, strings.EXPORT_REPLACE.format(name=Path(named).name),
                                buttons, QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes


def save_file_name(parent, title: str, start: str, file_filter: str) -> tuple[str, str]:
    """QFileDialog.getSaveFileName, its side bar's names whole; a name Windows cannot hold is
    refused, said why, and asked again (the dialog shows it, to be corrected)."""
    kept = ()  # asked again: the file type chosen before
    while True:
        fit_once_shown()
        chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, start, file_filter, *kept)
        if not chosen or not refused(parent, title, chosen):
            return chosen, chosen_filter
        start, kept = chosen, (chosen_filter,)
