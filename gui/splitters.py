"""A splitter's handle moved from the keyboard: the mouse is not the only way to give the report
list or the 问题清单 and 原文 more room."""
from __future__ import annotations

from gui.qt import QSplitter, Qt

STEPS = 20  # a key press moves the handle by this fraction of the splitter's length


def nudge(splitter: QSplitter, steps: int) -> bool:
    """Move the handle between a two-pane splitter's panes by ``steps`` steps (positive: the first
    pane grows), never shrinking a pane below its minimum (a drag stops there too). False when
    it did not move: at a limit, or a pane hidden (focus mode)."""
    sizes = splitter.sizes()
    if len(sizes) != 2 or not all(sizes):
        return False
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal

    def least(index: int) -> int:
        widget = splitter.widget(index)
        hint, minimum = widget.minimumSizeHint(), widget.minimumSize()
        return max(hint.width(), minimum.width()) if horizontal else max(hint.height(), minimum.height())

    first, total = sizes[0], sum(sizes)
    wanted = first + steps * max(total // STEPS, 1)
    moved = min(max(wanted, least(0)), total - least(1))
    if moved == first or (moved - first) * steps < 0:  # (a pane already under its minimum)
        return False
    splitter.setSizes([moved, total - moved])
    return True
