"""The layout the side panels share: a caption row (a stretching label or field, a control at the
right) above the panel's body; and captions that never widen their panel."""
from __future__ import annotations

from gui.qt import QHBoxLayout, QLabel, QSize, QSizePolicy, QVBoxLayout, QWidget

FRAME_ROOM = QSize(16, 48)  # a title bar and borders, which the window manager adds


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


def keep_on_screen(window: QWidget) -> None:
    """Move a top-level window, frame and all, back inside its screen's free area (and shrink it
    if it is larger): a window manager may place a new window so that its bottom, where the
    status bar and the legend are, is below the screen's edge."""
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    extra = frame.size() - window.size()  # the title bar and borders
    if frame.width() > area.width() or frame.height() > area.height():
        window.resize(window.size().boundedTo(area.size() - extra))
        frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)  # move() places the frame's corner


def place_in_middle(window: QWidget, size: QSize) -> None:
    """Give a new top-level window `size`, bounded by its screen's free area less a title bar,
    and place it in the middle of the screen ourselves: a window manager left to place it put it
    where it overlapped least (its bottom off a 1920×1080 screen) or in the top-left corner, over
    the report list."""
    area = window.screen().availableGeometry()
    window.resize(size.boundedTo(area.size() - FRAME_ROOM))
    frame = window.size() + FRAME_ROOM
    window.move(area.left() + (area.width() - frame.width()) // 2,
                area.top() + (area.height() - frame.height()) // 2)
