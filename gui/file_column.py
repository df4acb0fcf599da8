"""The report list's 文件 column: a path cut in the middle that keeps the file name's end in
sight (sub/word97-extras.doc and sub/word97-revised.doc differ only near their end)."""
from __future__ import annotations

import re

from gui.looks import LooksDelegate
from gui.qt import QFont, QFontMetrics, QModelIndex, QStyleOptionViewItem, Qt

ELLIPSIS = "…"
KEPT_END = 6  # characters of the name's end kept before any of its start: "ed.doc", "21.txt"
KEPT_YEAR_END = 12  # a year this near the name's end is kept with it: "2020年报告.txt"
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def elide_keeping_end(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits ``width``; else its start, …, and its end, the end taking the name
    (after the last /) whole when it fits, else the name's last characters first."""
    fits = lambda shown: metrics.horizontalAdvance(shown) <= width  # noqa: E731
    if fits(text):
        return text
    name = text.rsplit("/", 1)[-1]
    end = name if fits(ELLIPSIS + name) else _longest_end(name[-_kept_end(name):], fits)
    # as much of the start as the rest of the room holds
    start = text[:_most(len(text) - len(end), lambda n: fits(text[:n] + ELLIPSIS + end))]
    if end == name and "/" not in start:
        start = ""  # a stub of the folder ("s…") says nothing: …name
    elif "/" in text and len(start) < text.index("/"):  # "2…" of 2023年/: the room to the name
        end = _longest_end(name, fits)
        start = ""
    return start + ELLIPSIS + end


def _kept_end(name: str) -> int:
    """Characters of the name's end to keep first: KEPT_END, or from the name's last year when it
    is near the end. One agency's reports of two years are often named alike but for the year:
    某某县人民政府办公室2020年报告.txt and …2021年报告.txt were both shown 某某…报告.txt."""
    years = list(YEAR.finditer(name))
    if years and len(name) - years[-1].start() <= KEPT_YEAR_END:
        return max(KEPT_END, len(name) - years[-1].start())
    return KEPT_END


def _longest_end(name: str, fits) -> str:
    """The longest end of ``name`` that fits after the ellipsis (its last character at least)."""
    shortest_cut = len(name) - _most(len(name), lambda n: fits(ELLIPSIS + name[len(name) - n:]), 1)
    return name[shortest_cut:]


def _most(top: int, holds, least: int = 0) -> int:
    """The largest n in least..top for which ``holds(n)``, ``least`` when none above it does (a
    binary search: a longer text is never narrower, and a path takes ~30 measures one by one)."""
    low, high = least, top
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle):
            low = middle
        else:
            high = middle - 1
    return low


ELIDED_KEPT = 4096  # cuts remembered: every row's cut is measured again on each repaint else


class FileColumnDelegate(LooksDelegate):
    """Paints the 文件 cells elided by ``elide_keeping_end`` (Qt's middle elision cut
    sub/filled-2021.doc to sub/….doc)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._elided: dict[tuple, str] = {}  # (text, width) -> the cut in ``self._font``
        self._font = None

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.text and option.widget is not None:
            style = option.widget.style()  # the item's text margins, as QCommonStyle lays them out
            margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)
            width = option.rect.width() - margin
            if option.font != self._font:  # another font: other cuts
                self._elided.clear()
                self._font = QFont(option.font)
            key = (option.text, width)
            shown = self._elided.get(key)
            if shown is None:
                if len(self._elided) >= ELIDED_KEPT:
                    self._elided.clear()
                shown = self._elided[key] = elide_keeping_end(option.text, option.fontMetrics, width)
            option.text = shown
            option.textElideMode = Qt.TextElideMode.ElideNone
