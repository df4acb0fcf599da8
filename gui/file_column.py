"""The report list's 文件 column: a path cut in the middle that keeps the file name's end in
sight (sub/word97-extras.doc and sub/word97-revised.doc differ only near their end)."""
from __future__ import annotations

from gui.looks import LooksDelegate
from gui.qt import QFontMetrics, QModelIndex, QStyleOptionViewItem, Qt

ELLIPSIS = "…"
KEPT_END = 6  # characters of the name's end kept before any of its start: "ed.doc", "21.txt"


def elide_keeping_end(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits ``width``; else its start, …, and its end, the end taking the name
    (after the last /) whole when it fits, else the name's last characters first."""
    fits = lambda shown: metrics.horizontalAdvance(shown) <= width  # noqa: E731
    if fits(text):
        return text
    name = text.rsplit("/", 1)[-1]
    end = name if fits(ELLIPSIS + name) else name[-KEPT_END:]
    while len(end) > 1 and not fits(ELLIPSIS + end):
        end = end[1:]
    start = ""
    for ch in text[:len(text) - len(end)]:  # as much of the start as the rest of the room holds
        if not fits(start + ch + ELLIPSIS + end):
            break
        start += ch
    if end == name and "/" not in start:
        start = ""  # a stub of the folder ("s…") says nothing: …name
    elif "/" in text and len(start) < text.index("/"):  # "2…" of 2023年/: the room to the name
        end = name
        while len(end) > 1 and not fits(ELLIPSIS + end):
            end = end[1:]
        start = ""
    return start + ELLIPSIS + end


class FileColumnDelegate(LooksDelegate):
    """Paints the 文件 cells elided by ``elide_keeping_end`` (Qt's middle elision cut
    sub/filled-2021.doc to sub/….doc)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.text and option.widget is not None:
            style = option.widget.style()  # the item's text margins, as QCommonStyle lays them out
            margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)
            option.text = elide_keeping_end(option.text, option.fontMetrics, option.rect.width() - margin)
            option.textElideMode = Qt.TextElideMode.ElideNone
