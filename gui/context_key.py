"""Shift+F10 opens the context menu of the widget with the keyboard focus, as the Menu key does.

Windows turns Shift+F10 into a context menu itself; X11 and Wayland send the key press alone, so
an auditor without a Menu key (most laptops) had no menu from the keyboard in the tables.
"""
from __future__ import annotations

from gui.qt import QApplication, QContextMenuEvent, QEvent, QGuiApplication, QObject, QRect, QRectF, QWindow, Qt

_SHIFT = Qt.KeyboardModifier.ShiftModifier


class ContextMenuKey(QObject):
    """An application event filter: Shift+F10 becomes the event the Menu key sends."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_F10 \
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier != _SHIFT:
            return False
        widget = QApplication.focusWidget()
        # the key press goes to the window, then to the focus widget: answered once, at the first
        if widget is None or QApplication.activePopupWidget() is not None \
                or watched is not widget and not isinstance(watched, QWindow) \
                or widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu:
            return False
        # where Qt puts the Menu key's menu: the current item of a list, the cursor of a text box
        where = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        pos = (where.toRect() if isinstance(where, QRectF) else where if isinstance(where, QRect)
               else widget.rect()).center()
        menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos),
                                       event.modifiers())
        QApplication.sendEvent(widget, menu_event)
        return True


def install(app: QApplication) -> None:
    """Once per application; nothing to do where the platform has Shift+F10 already (Windows)."""
    if QGuiApplication.platformName() == "windows" or app.property("contextMenuKey") is not None:
        return
    key = ContextMenuKey(app)
    app.installEventFilter(key)
    app.setProperty("contextMenuKey", True)
