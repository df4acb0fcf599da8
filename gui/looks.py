"""A cell painted from one call into the model.

QStyledItemDelegate asks the model for each painted role of each cell (text, font, alignment,
colours): a call from Qt into Python every time, and while a folder loads each of those also
waits for the loading thread to hand over the GIL. ``LooksDelegate`` asks a model that has a
``looks(index)`` method once per cell and sets the same fields of the style option as Qt would.
"""
from __future__ import annotations

from gui.qt import QBrush, QFontMetrics, QModelIndex, QPalette, QStyleOptionViewItem, QStyledItemDelegate, Qt


LOOK_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
              Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole)  # cell_looks' order


def cell_looks(text, font=None, alignment=None, foreground=None, background=None) -> tuple:
    """What ``looks(index)`` returns: the text (a label's line breaks kept, as Qt's displayText
    does), the font, the alignment and the brushes; None where the model has none."""
    if text:
        text = str(text).replace("\n", "\u2028")
    if alignment is not None:
        alignment = Qt.AlignmentFlag(alignment)
    return text, font, alignment, foreground, background


class LooksDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model_looks = getattr(index.model(), "looks", None)
        if model_looks is None:
            super().initStyleOption(option, index)
            return
        text, font, alignment, foreground, background = model_looks(index)
        # the fields QStyledItemDelegate.initStyleOption sets, in its order
        option.index = index
        if font is not None:
            option.font = font.resolve(option.font)
            option.fontMetrics = QFontMetrics(option.font)
        if alignment is not None:
            option.displayAlignment = alignment
        if foreground is not None:
            option.palette.setBrush(QPalette.ColorRole.Text, foreground)
        if text:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.text = text
        option.backgroundBrush = background if background is not None else QBrush()
        option.styleObject = None
