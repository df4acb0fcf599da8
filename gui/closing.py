"""Esc and the platform's close keys (Ctrl+W, Ctrl+F4) close a secondary window."""
from __future__ import annotations

from gui.qt import QAction, QKeySequence, QWidget, Qt


def close_keys() -> list[QKeySequence]:
    """Esc, Ctrl+W and whatever the platform calls Close (the offscreen platform names none)."""
    keys = [QKeySequence("Esc"), QKeySequence("Ctrl+W"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)]
    unique = []
    for key in keys:
        if key not in unique:
            unique.append(key)
    return unique


def add_close_keys(window: QWidget) -> QAction:
    action = QAction(window)
    action.setShortcuts(close_keys())
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(window.close)
    window.addAction(action)
    return action
