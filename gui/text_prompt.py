"""A line of text asked in a small dialog whose prompt wraps.

``QInputDialog.getText`` never wraps its prompt: a finding's message of a few hundred
characters (a 存疑 explained at length) made the 确认问题 / 忽略问题 dialog wider than the
screen (2188 px on a 1366 px one), its end and its OK button off it."""
from __future__ import annotations

from gui.alt_keys import types_no_alt_letters
from gui.qt import QDialogButtonBox, QGuiApplication, QInputDialog, QLabel, QLineEdit

PROMPT_WIDTH = 560  # px: the prompt's lines at most this wide (less on a narrow screen)


def ask_text(parent, title: str, prompt: str, text: str = "", required: bool = False) -> tuple[str, bool]:
    """The text typed and True (OK), or ("", False) when cancelled. ``required``: OK (and Enter)
    wait until something other than blanks is typed, the prompt staying open."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    width = min(PROMPT_WIDTH, screen.availableGeometry().width() * 3 // 4)
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)
        label.setFixedWidth(width)
    dialog.okButtonText()  # (builds the field and buttons, which QInputDialog otherwise makes when shown)
    for field in dialog.findChildren(QLineEdit):
        types_no_alt_letters(field)
    if required:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        # connected after QInputDialog's own slot, which enables OK on every change
        dialog.textValueChanged.connect(lambda value: ok.setEnabled(bool(value.strip())))
        ok.setEnabled(bool(text.strip()))
    accepted = bool(dialog.exec())
    value = dialog.textValue() if accepted else ""
    dialog.deleteLater()
    return value, accepted
