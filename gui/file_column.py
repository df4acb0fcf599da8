"""The report list's 文件 column: a path cut in the middle that keeps the file name's end in
sight (sub/word97-extras.doc and sub/word97-revised.doc differ only near their end)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter

from typing import Optional

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


MOST = 0.8  # the share of a folder's names an affix must be shared by: one re-download's
# 「…报告(1).txt」 beside 43 「…报告.txt」 left them nothing shared, and their years were cut away


def shared_parts(names) -> tuple[str, str, bool]:
    """(start, end, on_stems): the start and the end most of ``names`` share (MOST of them, and
    at least two), cut where a word begins (never inside a number or a Latin word: 001_ and 002_
    share 00, which says nothing once cut off). The end is taken from the whole names when they
    all have one extension, else from the names without it (on_stems: .doc beside .docx keeps its
    extension). ("", "", False) for fewer than two names. A name without them is cut whole
    (``affixes_in``)."""
    parts = FolderNames()
    parts.add(names)
    return parts.shared()


def affixes_in(text: str, parts: tuple[str, str, bool]) -> tuple[int, int, bool]:
    """``elide_shared``'s (start, end, on_stems) for ``text``: the lengths of the folder's shared
    start and end (``shared_parts``) where ``text`` has them, 0 where it has not."""
    start, end, on_stems = parts
    body = _stem(text) if on_stems else text
    return (len(start) if start and text.startswith(start) else 0,
            len(end) if end and body.endswith(end) else 0, on_stems)


def shared_affixes(names) -> tuple[int, int, bool]:
    """``shared_parts`` in lengths: (0, 0, False) for fewer than two names."""
    start, end, on_stems = shared_parts(names)
    return len(start), len(end), on_stems


class FolderNames:
    """The 文件 column's names, added as the folder is listed, and what each shares with the others
    (``affixes``), kept up to date a batch at a time: ``shared_parts`` over every name again at
    each loading batch's repaint took 29-40 ms of the GUI thread (2.3-2.7 s over 3 000 names).

    A name's shared start is its first word, and its folder, when another name starts with them
    (what groups it with others says less than the rest): the converter zoo's copies of a report,
    r0012-word-html-pandoc-html-plain.txt beside r0012-pandoc-html-plain.txt, were all 「r0012…
    in.txt」 in the ~90 px the column has at 1366, while 单位 and 年度 beside them say which report
    they are; 某某县人民政府办公室2020年报告.txt beside its 2021 keeps the year. What MOST of the
    names start and end with goes too (``shared_parts``: 南京市鼓楼区第 … 街道办事处2021年…报告.docx)."""

    def __init__(self) -> None:
        self._ordered: list[str] = []  # the names, sorted
        self._ends: dict[bool, list[str]] = {False: [], True: []}  # names / stems, reversed, sorted
        self._suffixes: Counter = Counter()  # extension -> names with it
        self._shortest = {False: None, True: None}  # the shortest name / stem's length
        self._parts: Optional[tuple[str, str, bool]] = None  # _shared(), until a name is added

    def __len__(self) -> int:
        return len(self._ordered)

    def add(self, names) -> None:
        for name in names:
            insort(self._ordered, name)
            stem = _stem(name)
            self._suffixes[name[len(stem):]] += 1
            for on_stems, body in ((False, name), (True, stem)):
                insort(self._ends[on_stems], body[::-1])
                shortest = self._shortest[on_stems]
                self._shortest[on_stems] = len(body) if shortest is None else min(shortest, len(body))
        self._parts = None

    def affixes(self, name: str) -> tuple[int, int, bool]:
        """``elide_shared``'s (start, end, on_stems) for ``name``, one of the names added."""
        start, end, on_stems = affixes_in(name, self.shared())
        return max(start, self._start(name)), end, on_stems

    def _count(self, start: str) -> int:
        """How many names start with ``start``."""
        return bisect_right(self._ordered, start + "\U0010ffff") - bisect_left(self._ordered, start)

    def _start(self, name: str) -> int:
        folder = name.rfind("/") + 1
        start = folder if folder and self._count(name[:folder]) > 1 else 0
        if start < folder:
            return 0  # (a folder of its own: its name's start is worth showing)
        word = _FIRST_WORD.match(name, folder)
        if word and word.end() < len(name) and self._count(name[:word.end()]) > 1:
            start = word.end()
        return start

    def shared(self) -> tuple[str, str, bool]:
        """``shared_parts`` of the names, by bisection of the sorted (and sorted reversed) names:
        no pass over them all."""
        if self._parts is not None:
            return self._parts
        count = len(self._ordered)
        if count < 2:
            self._parts = ("", "", False)
            return self._parts
        on_stems = len(self._suffixes) > 1
        need = max(2, -int(-MOST * count // 1))
        start = _shared_start_of_sorted(self._ordered, need, self._shortest[True] - 1)
        while start and start[-1].isascii() and start[-1].isalnum() and _runs_on(self._ordered, start):
            start = start[:-1]  # (cut inside a word: 001_ and 002_ share 00)
        reversed_bodies = self._ends[on_stems]
        end = _shared_start_of_sorted(reversed_bodies, need, self._shortest[on_stems] - len(start) - 1)
        while end and end[-1].isascii() and end[-1].isalnum() and _runs_on(reversed_bodies, end):
            end = end[:-1]
        end = end[::-1]
        if not on_stems and len(end) <= len(next(iter(self._suffixes))):
            end = ""  # only the extension (.txt) shared: kept, a name looks like a file's name
        self._parts = (start, end, on_stems)
        return self._parts


# A name's first word: a run of Latin letters and digits, or of other letters (Chinese), with the
# signs after it (r0012-, 南京市鼓楼区第, 2021年 is 2021 then 年)
_FIRST_WORD = re.compile(r"(?:[A-Za-z0-9]+|[^\W\d_A-Za-z]+|[\W_]+(?:[A-Za-z0-9]+|[^\W\d_A-Za-z]+))[\W_]*")


def _shared_start_of_sorted(ordered: list[str], need: int, longest: int) -> str:
    """The longest start (of at most ``longest`` characters) that ``need`` of the sorted texts
    ``ordered`` share; "" if none. More than half of them share it, so it is a start of their
    median, and those that share it are one run of the order (3000 names counted one by one
    took 160 ms, at each repaint while a folder loads)."""
    if not ordered:
        return ""
    median = ordered[len(ordered) // 2]

    def sharing(n: int) -> int:
        start = median[:n]
        return bisect_right(ordered, start + "\U0010ffff") - bisect_left(ordered, start)

    low, high = 0, min(longest, len(median))
    while low < high:
        middle = (low + high + 1) // 2
        if sharing(middle) >= need:
            low = middle
        else:
            high = middle - 1
    return median[:low]


def _runs_on(ordered: list[str], start: str) -> bool:
    """Some text of sorted ``ordered`` goes on after ``start`` with a Latin letter or a digit."""
    return any(bisect_right(ordered, start + last + "\U0010ffff") > bisect_left(ordered, start + first)
               for first, last in (("0", "9"), ("A", "Z"), ("a", "z")))


def _stem(name: str) -> str:
    """The name without its extension (.txt, .docx), the folder kept."""
    cut = name.rfind(".")
    return name[:cut] if cut > name.rfind("/") + 1 else name


def _inside_word(text: str, at: int) -> bool:
    """A cut at ``at`` falls between two digits or Latin letters."""
    return 0 < at < len(text) and text[at - 1].isascii() and text[at - 1].isalnum() \
        and text[at].isascii() and text[at].isalnum()


def elide_shared(text: str, metrics: QFontMetrics, width: int, start: int = 0, end: int = 0,
                 on_stems: bool = False) -> str:
    """``text`` if it fits ``width``; else the part of it that tells it from the folder's other
    names (``shared_parts``): what most names start and end with goes first, each for an
    ellipsis, and as much of it comes back around that part as the room holds (200 files named
    南京市鼓楼区第N街道办事处2021年政府信息公开工作年度报告.docx were all 「南京…告.docx」 at 1366;
    now 「…区第17街道…」). That part, too wide alone, and a text with nothing shared are cut as
    ``elide_keeping_end`` cuts."""
    fits = lambda shown: metrics.horizontalAdvance(shown) <= width  # noqa: E731
    if fits(text):
        return text
    body = _stem(text) if on_stems else text
    kept = text[len(body):]  # the extension, where the names' extensions differ
    worth = lambda part: metrics.horizontalAdvance(part) > metrics.horizontalAdvance(ELLIPSIS)  # noqa: E731
    start = start if 0 < start < len(body) and worth(body[:start]) else 0
    end = end if 0 < end < len(body) - start and worth(body[len(body) - end:]) else 0
    if not start and not end:
        return elide_keeping_end(text, metrics, width)
    first, last = start, len(body) - end  # the part told apart: body[first:last]

    def shown(more: int) -> str:
        """That part and ``more`` shared characters each side of it."""
        a, b = max(0, first - more), min(len(body), last + more)
        return (ELLIPSIS if a else "") + body[a:b] + (ELLIPSIS if b < len(body) else "") + kept

    if fits(shown(0)):
        return shown(_most(max(first, len(body) - last), lambda more: fits(shown(more))))
    marks = (ELLIPSIS if first else "", ELLIPSIS if last < len(body) else "")
    room = width - metrics.horizontalAdvance(marks[0] + marks[1] + kept)
    core = body[first:last]
    middle = elide_keeping_end(core, metrics, max(room, 0))
    if marks[0]:  # one ellipsis for the shared start and a cut of the core's start
        wider = elide_keeping_end(core, metrics, max(room + metrics.horizontalAdvance(ELLIPSIS), 0))
        if wider.startswith(ELLIPSIS):
            middle = wider
        if middle.startswith(ELLIPSIS):
            middle = middle[len(ELLIPSIS):]
        elif middle.find(ELLIPSIS) == 1:  # a one-letter stub of the core (「…l…b-pdf.pdf」): its room to the end
            middle = core[len(core) - _most(len(core), lambda n: fits(marks[0] + core[len(core) - n:] + marks[1] + kept)):]
    return marks[0] + middle + marks[1] + kept


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
    """Paints the 文件 cells elided by ``elide_shared`` (Qt's middle elision cut
    sub/filled-2021.doc to sub/….doc): what most names of the folder share goes first."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._elided: dict[tuple, str] = {}  # (text, width, affixes) -> the cut in ``self._font``
        self._font = None

    @staticmethod
    def _affixes_of(model, name: str) -> tuple[int, int, bool]:
        """What ``name`` shares with the other names of the list's model (behind its proxy):
        its FolderNames (``name_parts``), kept by the model as rows are added."""
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        parts = getattr(source, "name_parts", None)
        return parts.affixes(name) if parts is not None and len(parts) > 1 else (0, 0, False)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.text and option.widget is not None:
            style = option.widget.style()  # the item's text margins, as QCommonStyle lays them out
            margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)
            width = option.rect.width() - margin
            if option.font != self._font:  # another font: other cuts
                self._elided.clear()
                self._font = QFont(option.font)
            affixes = self._affixes_of(index.model(), option.text)
            key = (option.text, width, affixes)
            shown = self._elided.get(key)
            if shown is None:
                if len(self._elided) >= ELIDED_KEPT:
                    self._elided.clear()
                shown = self._elided[key] = elide_shared(option.text, option.fontMetrics, width, *affixes)
            option.text = shown
            option.textElideMode = Qt.TextElideMode.ElideNone
