"""The layout the side panels share: a caption row (a stretching label or field, a control at the
right) above the panel's body; and captions that never widen their panel."""
from __future__ import annotations

from gui.qt import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


def caption_over_body(panel: QWidget, caption: QWidget, control: QWidget, *body: tuple[QWidget, int]) -> None:
    """Lay out `panel`: caption and control in one row, then each (widget, stretch) of body."""
    top = QHBoxLayout()
    top.setContentsMargins(0, 0, 0, 0)
    top.addWidget(caption, 1)
    top.addWidget(control)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(top)
    for widget, stretch in body:
        layout.addWidget(widget, stretch)


def never_widens(label: QLabel) -> None:
    """A label whose text, however long, never widens its panel nor moves a splitter (it is cut
    at the panel's edge; callers put the whole text in its tooltip)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
