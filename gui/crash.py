"""An error the program did not expect (in a slot, a timer, a paint): the auditor is told, in
Chinese, and its details go to a log beside the review database.

The packaged program is windowed: it has no console, and PySide prints a slot's exception to a
stderr that goes nowhere. The key pressed or the menu chosen then did nothing, with no word and no
trace for IT staff. Every write of the review commits before the window says 已保存, so the box
can say that the work saved so far is safe.
"""
from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from typing import Callable, Optional

from gui import strings
from gui.qt import QMessageBox, Qt, QWidget

LOG_NAME = "errors.log"


class CrashReporter:
    """sys.excepthook for the review window: log the traceback, show one box at a time."""

    def __init__(self, log_path: Path, parent: Callable[[], Optional[QWidget]] = lambda: None) -> None:
        self.log_path = log_path
        self.parent = parent
        self.box: Optional[QMessageBox] = None  # the box on screen; errors meanwhile are logged only
        self.previous_hook = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, kind, error, trace) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        logged = self._log(details)
        if sys.stderr is not None:  # a console (the command line, a developer's run)
            print(details, file=sys.stderr, end="")
        try:
            if self.box is not None and self.box.isVisible():
                return  # an error repeating in every paint: one box, every one logged
        except RuntimeError:  # the box was closed and deleted
            pass
        try:
            self._show(kind, error, details, logged)
        except Exception:  # noqa: BLE001 - the hook must not fail in its turn: the usual print
            self.box = None
            self.previous_hook(kind, error, trace)

    def _show(self, kind, error, details: str, logged: bool) -> None:
        parent = self.parent()
        try:
            parent = parent if parent is not None and parent.isVisible() else None
        except RuntimeError:  # the window is gone (closing)
            parent = None
        where = str(self.log_path) if logged else strings.CRASH_NOT_LOGGED
        self.box = QMessageBox(QMessageBox.Icon.Warning, strings.CRASH_TITLE,
                               strings.CRASH_TEXT.format(error=_one_line(kind, error), log=where),
                               QMessageBox.StandardButton.Ok, parent)
        self.box.setDetailedText(details)
        self.box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.open()  # not exec(): a nested event loop inside the slot that failed

    def _log(self, details: str) -> bool:
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(f"=== {time.strftime('%Y-%m-%d %H:%M:%S')} ===\n{details}\n")
            return True
        except OSError:
            return False


def _one_line(kind, error) -> str:
    text = str(error).strip().splitlines()
    return f"{kind.__name__}: {text[0]}" if text else kind.__name__


def install(log_path: Path, parent: Callable[[], Optional[QWidget]] = lambda: None) -> CrashReporter:
    reporter = CrashReporter(log_path, parent)
    reporter.install()
    return reporter
