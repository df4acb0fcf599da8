"""Starting the review window: ``run_app(argv) -> int`` (called by main.py)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Optional

from core.review.store import ReviewStore, review_db_path
from gui import crash, strings
from gui.paths import resources_dir, samples_dir
from gui.qt import (QApplication, QIcon, QLibraryInfo, QLocale, QLockFile, QMessageBox, QObject, QSocketNotifier,
                    Qt, QTimer, QTranslator)
from gui.settings import Settings



class QtGapsTranslator(QTranslator):
    """The few words of Qt's own dialogs that qtbase_zh_CN leaves in English: the file dialog's
    类型 column said Folder beside 名称 and 修改日期 (QAbstractFileIconProvider::type)."""

    WORDS = {("QAbstractFileIconProvider", "Folder"): "文件夹",
             ("QAbstractFileIconProvider", "File Folder"): "文件夹",
             ("QAbstractFileIconProvider", "Drive"): "驱动器",
             ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
             ("QAbstractFileIconProvider", "Alias"): "替身",
             ("QAbstractFileIconProvider", "Unknown"): "未知"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's signature
        return self.WORDS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


class OurWordsTranslator(QTranslator):
    """Qt's catalog in the program's own words: qtbase_zh_CN says 撤消 in a text box's context
    menu (撤消(&U)) while the 编辑 menu, the status bar and the help say 撤销; and it headed the
    file dialog's size column 体积 (a volume, ux69), where Windows' Explorer says 大小."""

    WORDS = (("撤消", "撤销"),)
    INSTEAD = {("QFileSystemModel", "Size"): "大小"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's signature
        text = super().translate(context, source, disambiguation, n)
        if not text:
            return None  # (a null string: Qt asks the next translator; "" would end the search)
        if (context, source) in self.INSTEAD:
            return self.INSTEAD[(context, source)]
        for theirs, ours in self.WORDS:
            if theirs in text:
                text = text.replace(theirs, ours)
        return text


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Chinese strings (standard buttons, file dialogs, context menus), whatever the
    system's locale; and on Linux Qt's own dialogs, which speak them: the desktop's file dialog
    (GTK's, the portal's) speaks the system's language, English under LANG=C (some Kylin and
    UOS set-ups). Windows' own dialog is in Windows' language."""
    if sys.platform.startswith("linux"):
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # installed first, asked last (Qt asks the latest translator first): Qt's catalog answers the rest
    gaps = QtGapsTranslator(app)
    app.installTranslator(gaps)
    installed = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = OurWordsTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed


def db_open_error(exc: Exception, path: Optional[Path]) -> str:
    """Why the review database could not be opened, in Chinese: the box said 「[Errno 1] Operation
    not permitted: '…'」 for a folder it may not write, 「file is not a database」 for a damaged file."""
    import sqlite3

    from core.cli import os_error_text
    path = path or getattr(exc, "filename", None) or ""  # (none when its folder could not be made)
    if isinstance(exc, sqlite3.DatabaseError):
        return strings.DB_DAMAGED.format(path=path)
    if isinstance(exc, OSError):
        return strings.DB_OPEN_FAILED.format(error=os_error_text(exc), path=path)
    return strings.DB_OPEN_FAILED.format(error=exc, path=path)


def lock_store(db_path: Path) -> tuple[QLockFile, bool]:
    """The lock of the review database, and whether this window holds it alone: another window of
    the program (started twice: the first was slow to show) would not see this one's edits, nor
    this one its, and each exported its own. A lock left by a program that crashed is taken over
    (Qt finds its process gone)."""
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a review takes
    if lock.tryLock(0):
        return lock, True
    # held by a live process; a lock that cannot be written (a read-only folder) says nothing
    return lock, lock.error() != QLockFile.LockError.LockFailedError


def left_by_a_crash(db_path: Path) -> bool:
    """Whether the program's last run on this database ended without closing (kill -9, a crash,
    a power cut): its lock is still there, its process gone (a closing run unlocks it). Asked
    before ``lock_store``, which then takes the lock; False while another window holds it."""
    path = str(db_path) + ".lock"
    if not os.path.exists(path):
        return False
    probe = QLockFile(path)
    probe.setStaleLockTime(0)  # stale only when its process is gone
    if not probe.tryLock(0):
        return False
    probe.unlock()
    return True


def second_window_box() -> QMessageBox:
    """The question when the database is open in another window: 退出 is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, strings.APP_NAME, strings.ALREADY_RUNNING)
    box.addButton(strings.ALREADY_RUNNING_OPEN, QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(strings.ALREADY_RUNNING_QUIT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(leave)
    box.setEscapeButton(leave)
    return box


def initial_folder(argv: list[str], settings: Settings) -> Path:
    """The folder given on the command line, else the last one opened, else the samples."""
    for arg in argv:
        if not arg.startswith("-") and Path(arg).is_dir():
            return Path(arg)
        if not arg.startswith("-") and Path(arg).is_file():
            return Path(arg).parent
    last = settings.last_folder
    if last and Path(last).is_dir():
        return Path(last)
    return samples_dir()


CLOSING_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")  # kill, Ctrl+C in a terminal, the terminal closed


def close_on_signals(window) -> Optional[QObject]:
    """Close ``window`` as Ctrl+Q does when the program is asked to stop (a logout's or ``kill``'s
    SIGTERM, Ctrl+C in the terminal it runs from): its closeEvent saves the window's geometry and
    splitters, waits for an export being written and stops the workers; killed at once, all that
    was lost. A second signal while it closes stops the program the old way.

    Python runs a signal's handler only between its own steps, never while Qt waits in its event
    loop: the signal's number is written to a socket (signal.set_wakeup_fd) whose notifier wakes
    the loop. Returns the object keeping the notifier (its parent is the window); None where the
    trick is not to be had (not the main thread)."""
    try:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
    except (OSError, ValueError):  # ValueError: not the main thread
        return None
    numbers = [getattr(signal, name) for name in CLOSING_SIGNALS if hasattr(signal, name)]
    asked = []

    def handler(number, _frame) -> None:
        if asked:  # asked twice: stop now
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
        asked.append(number)

    def woken() -> None:
        try:
            reader.recv(64)  # (the numbers written: the handler has seen them)
        except OSError:
            pass
        if asked:
            QTimer.singleShot(0, close)

    def close() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:  # a question open: the window's close would wait for its answer
            modal.close()
        window.close()

    for number in numbers:
        signal.signal(number, handler)
    keeper = QObject(window)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, keeper)
    notifier.activated.connect(woken)
    keeper.sockets = (reader, writer)  # kept open as long as the notifier
    return keeper


def run_app(argv: Optional[list[str]] = None, db_path: Optional[os.PathLike] = None,
            settings_path: Optional[os.PathLike] = None) -> int:
    # A frozen build's worker processes (gui/loader.py) start the program again with
    # --multiprocessing-fork: this runs their work and exits before any window appears.
    multiprocessing.freeze_support()
    from gui.workers import Workers

    # Started first: the workers import the parser while the window is built, in parallel
    workers = Workers()
    workers.start()
    from gui.main_window import MainWindow

    argv = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gongkai"] + argv)
    app.setApplicationName(strings.APP_NAME)
    app.setOrganizationName(strings.ORGANIZATION)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    install_translations(app)
    path: Optional[Path] = None
    try:
        path = review_db_path(db_path)  # (creating the data folder may fail too)
        store = ReviewStore(path)
    except Exception as exc:  # noqa: BLE001 - tell the user instead of a traceback
        workers.stop()
        QMessageBox.critical(None, strings.APP_NAME, db_open_error(exc, path))
        return 1
    crashed = left_by_a_crash(store.path)
    lock, alone = lock_store(store.path)
    if not alone:
        box = second_window_box()
        box.exec()
        if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
            workers.stop()
            store.close()
            return 0
    settings = Settings(Path(settings_path) if settings_path else None)
    window = MainWindow(store, settings, workers=workers)
    window.after_crash = crashed
    # an error no code expected: a box and a log beside the database (the windowed build has no console)
    crash.install(store.path.parent / crash.LOG_NAME, lambda: window)
    close_on_signals(window)
    window.show()
    window.open_folder(initial_folder(argv, settings))
    try:
        return app.exec()
    finally:
        workers.stop()
        store.close()
        lock.unlock()
