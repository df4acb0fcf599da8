"""The layout the side panels share: a caption row (a stretching label or field, a control at the
right) above the panel's body; and captions that never widen their panel."""
from __future__ import annotations

from gui.qt import QFontMetrics, QHBoxLayout, QLabel, QSize, QSizePolicy, QVBoxLayout, QWidget, Qt

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


STATUS_MARGINS = 18 + 16  # QStatusBar's text margins (6 left, 12 right) and its size grip


def fitting(lines: list[str], bar: QWidget, room: int | None = None) -> str:
    """The first of ``lines`` (fullest first) that fits ``room`` pixels (default: the status
    bar's message width) in ``bar``'s font; else the last, elided."""
    room = bar.width() - STATUS_MARGINS if room is None else room
    metrics = QFontMetrics(bar.font())
    for line in lines:
        if metrics.horizontalAdvance(line) <= room:
            return line
    return metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, room)


class FittingLabel(QLabel):
    """One line: the longest of its wordings that fits its width (a status bar's lasting note;
    Qt cut a longer line at the edge). Its width is its layout's, not its text's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_lines(self, lines: list[str]) -> None:
        self.lines = lines
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(fitting(self.lines, self, self.contentsRect().width()) if self.lines else "")
