"""A ring around the panel that holds the keyboard focus.

Tab moves between the report list, the open table, the 问题清单 and the 原文, and their
selections look the same with the focus or without (the style's only cue is a faint frame on one
cell): an auditor on the keyboard could not see where F2, the arrows or Ctrl+C would go.
"""
from __future__ import annotations

from gui.qt import QApplication, QEvent, QObject, QPainter, QPalette, QRegion, QWidget, Qt

RING_WIDTH = 2  # pixels, inside the panel's edge


class FocusRing(QWidget):
    """Drawn over the panel's edge only (a masked child): the panel's own painting underneath
    never calls into it."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        panel.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        rect = self.parentWidget().rect()
        self.setGeometry(rect)
        inner = rect.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))

    def show_over(self) -> None:
        self.raise_()  # over the scroll bars and headers the panel made after the ring
        self.show()

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))


class FocusRings(QObject):
    """One ring per panel, shown while the focus is in that panel (a cell editor counts)."""

    def __init__(self, panels: list[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self.rings = {id(panel): (panel, FocusRing(panel)) for panel in panels}
        # A ring dies with its panel, before this object (a later child of the window): taking
        # the window apart (the program's end, a menu still open) moves the focus, and
        # focusChanged must not reach a ring already deleted.
        for key, (_panel, ring) in self.rings.items():
            ring.destroyed.connect(lambda _ring=None, key=key: self._forget(key))
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _forget(self, key: int) -> None:
        self.rings.pop(key, None)
        app = QApplication.instance()
        if not self.rings and app is not None:  # the last panel is gone: nothing left to ring
            app.focusChanged.disconnect(self._on_focus_changed)

    def _panel_of(self, widget) -> int:
        while widget is not None:
            if id(widget) in self.rings:
                return id(widget)
            widget = widget.parentWidget()
        return 0

    def _on_focus_changed(self, _old, new) -> None:
        owner = self._panel_of(new)
        for key, (_panel, ring) in self.rings.items():
            if key == owner:
                ring.show_over()
            else:
                ring.hide()
