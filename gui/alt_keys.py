"""Text fields that type no letter pressed with Alt.

Qt's line edit takes a key no shortcut took as text, Alt or not: in the 标记为已审核 dialog Alt+S
(its box's key) and Alt+C typed 「s」 and 「c」 into the reason being written, and in the 确认问题 /
忽略问题 prompt an Alt+letter meant for a button was typed into the note. The key goes on to the
dialog instead. (Ctrl+Alt, AltGr on European keyboards, still types.)"""
from __future__ import annotations

from gui.qt import QEvent, QObject, Qt


class _NoAltLetters(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.modifiers() == Qt.KeyboardModifier.AltModifier \
                and event.text():
            event.ignore()  # (on to the parent: the dialog)
            return True
        return False


def types_no_alt_letters(field) -> None:
    """Make ``field`` (a QLineEdit) let an Alt+letter pass instead of typing it."""
    keeper = _NoAltLetters(field)  # (owned by the field: it lives as long)
    field.installEventFilter(keeper)
