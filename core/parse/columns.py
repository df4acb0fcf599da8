"""Place the values of a space-aligned table in their columns by where they are printed.

lynx/w3m dumps, LibreOffice's text export of a page, html2text and ``pdftotext -layout`` print a
table as lines padded with spaces: a blank cell leaves only a gap, and a row whose label wraps can
put its values on two lines. Positions keep the columns: each value's display column is measured
(a CJK character is two columns wide), the values of the whole table that overlap in position form
one printed column, and the printed columns are matched to the template's columns in order. When
fewer printed columns than template columns are found (a column blank in every row), the matching
that satisfies most of the template's equations wins, and the header's column names break ties.
A row is placed for sure only when every other way of placing it is clearly farther from the
columns; otherwise the equations choose among the near ways and the row is flagged, so a blank
cell can move a value into a flagged row but never silently into the wrong column.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from functools import lru_cache
from itertools import chain, combinations
from math import inf
from operator import getitem, itemgetter
from typing import Callable, Iterable, Optional, Sequence, cast

from core.equations import Equation
from core.model import Number, known, strict_sum
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token

Interval = tuple[int, int]  # display columns [start, end)

# Words that name each T3 column in a header (split words: "自然\n人", "商业\n企业").
T3_HEADER_WORDS = (("自然",), ("商业",), ("科研",), ("社会", "公益"), ("法律", "服务"), ("其他",), ("总计",))
_MAX_MISSING = 3  # more template columns than this without a printed column: not a positional table


class _CharWidths(dict):
    """character -> the columns a terminal gives it: 2 for East Asian wide and full-width ones,
    else 1; each character's looked up in unicodedata once (a report's few thousand distinct
    characters), so a text's width is summed at C speed (map over a dict's lookups)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_CHAR_WIDTHS = _CharWidths()


@lru_cache(maxsize=4096)
def display_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(map(_CHAR_WIDTHS.__getitem__, text))


# Characters of East Asian width "ambiguous" that Chinese reports print (dashes, curly quotes, ·, ×,
# ①, arrows, box drawing): a terminal gives them one column or two as the page's encoding said
# (w3m of a GBK page: two, 「—         —」 under columns 11 apart; of a UTF-8 page: one)
_AMBIGUOUS_RANGES = ((0xA4, 0xA4), (0xA7, 0xA8), (0xB0, 0xB1), (0xB7, 0xB7), (0xD7, 0xD7), (0xF7, 0xF7),
                     (0x2010, 0x203F), (0x2100, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x26FF))


@lru_cache(maxsize=1)
def _ambiguous() -> tuple[frozenset[str], re.Pattern[str]]:
    """The ambiguous-width characters above, and a pattern finding one (built once, when asked)."""
    chars = frozenset(ch for a, b in _AMBIGUOUS_RANGES for ch in map(chr, range(a, b + 1))
                      if unicodedata.east_asian_width(ch) == "A")
    return chars, re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")


_CELL_START = re.compile(r"(?<=  )\S")  # a cell's first character after padding


_NEAR_LINES = 4  # lines either side whose cells a cell after an ambiguous character is compared with


@lru_cache(maxsize=4)
def ambiguous_wide(text: str) -> frozenset[str]:
    """The ambiguous-width characters the program that printed `text` gave two columns: each one
    whose cells after it (it the only such character before them on their line) start, so
    measured, where a nearby line printing none before its cells starts one, clearly more often
    than measured one column each, or by characters (pdftotext -layout pads by characters). w3m
    of a GBK page gives them all two; pdftotext a 「—」 a PDF draws full width, not its “ ”."""
    chars, pattern = _ambiguous()
    if text.isascii() or chars.isdisjoint(text):
        return frozenset()
    lines = text.split("\n")
    # (only lines near one printing such a character are measured: most of a report is prose)
    marked = [n for n, line in enumerate(lines) if "  " in line and pattern.search(line)]
    near_marked = sorted({k for n in marked for k in range(max(n - _NEAR_LINES, 0), min(n + _NEAR_LINES + 1, len(lines)))})
    plain: dict[int, tuple[set[int], set[int]]] = {}  # line -> its cells' display columns, offsets (before any)
    firsts: dict[int, int] = {}  # line -> where its first ambiguous character is (a padded line printing one)
    for n in near_marked:
        line = lines[n]
        if "  " not in line:
            continue
        first = pattern.search(line)
        if first is not None:
            firsts[n] = first.start()
        column = at = 0
        for m in _CELL_START.finditer(line, 0, len(line) if first is None else first.start()):
            # (measured on from the cell before: the pieces between cells recur, display_width keeps them)
            column += display_width(line[at:m.start()])
            at = m.start()
            columns, offsets = plain.setdefault(n, (set(), set()))
            columns.add(column)
            offsets.add(at)
    after: list[tuple[int, int, int, str, int]] = []  # cells after one kind: line, offset, column, it, how many
    # (only a line with a plain one near it: its cells' votes are weighed against those alone; in a
    # box-drawn table's body every line begins with 「│」, and none is)
    for n, first_at in firsts.items():
        if not any(k in plain for k in range(n - _NEAR_LINES, n + _NEAR_LINES + 1)):
            continue
        line = lines[n]
        column = at = 0
        for m in _CELL_START.finditer(line):
            column += display_width(line[at:m.start()])
            at = m.start()
            if at < first_at:
                continue
            found = pattern.findall(line, 0, at)
            if len(set(found)) == 1:
                after.append((n, at, column, found[0], len(found)))
    votes: dict[str, list[int]] = {}  # character -> cells only characters, one column, two columns line up with
    for n, at, narrow, ch, count in after:
        near = [plain[k] for k in range(n - _NEAR_LINES, n + _NEAR_LINES + 1) if k in plain]
        hits = (any(at in offsets for _, offsets in near), any(narrow in columns for columns, _ in near),
                any(narrow + count in columns for columns, _ in near))
        if sum(hits) == 1:
            votes.setdefault(ch, [0, 0, 0])[hits.index(True)] += 1
    # (clearly: a few cells line up under any measure by chance)
    return frozenset(ch for ch, (by_characters, one, two) in votes.items() if two >= 2 * max(by_characters, one) + 2)


class _AmbiguousWide(dict):
    """_CharWidths with some ambiguous-width characters two columns."""

    def __init__(self, wide: frozenset[str]) -> None:
        super().__init__()
        self.wide = wide

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if ch in self.wide else _CHAR_WIDTHS[ch]
        return width


@lru_cache(maxsize=8)
def _width_with(wide: frozenset[str]) -> Callable[[str], int]:
    """display_width with the characters `wide` two columns (display_width itself when none)."""
    if not wide:
        return display_width
    widths = _AmbiguousWide(wide)
    return lambda text: sum(map(widths.__getitem__, text))


def width_of(text: str, wide: bool) -> int:
    """Columns a text takes: a CJK character counts two when `wide` (terminals: lynx, w3m), one
    otherwise (pdftotext -layout and others pad by characters)."""
    return display_width(text) if wide else len(text)


def positions(text: str, tokens: list[Token], plain_lines: set[int], wide: bool) -> dict[int, Interval]:
    """Display interval of each token (by id) that lies on a plain space-aligned line."""
    narrow = narrow_positions(text, tokens, plain_lines)
    return wide_positions(text, tokens, narrow) if wide else narrow


def narrow_positions(text: str, tokens: list[Token], plain_lines: set[int]) -> dict[int, Interval]:
    """positions() by characters (each one column): a value's offsets from its line's start, for the
    values on plain lines with no tab before them."""
    narrow: dict[int, Interval] = {}
    # the text line of the value before, its start, end and first tab (-1: none), found again only
    # for a value beyond it (values come line by line); none yet
    line_start = line_end = len(text) + 1
    for token in tokens:
        if token.line not in plain_lines:
            continue
        at = token.start
        if not line_start <= at <= line_end:
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", line_start)
            if line_end < 0:
                line_end = len(text)
            tab = text.find("\t", line_start, line_end)
        if 0 <= tab < at:
            continue  # a tab before the value: its display column is unknown
        narrow[id(token)] = (at - line_start, token.end - line_start)
    return narrow


def wide_positions(text: str, tokens: list[Token], narrow: dict[int, Interval]) -> dict[int, Interval]:
    """positions() by display width (a CJK character two columns), from the narrow measure of the
    same tokens (narrow_positions): a value measured narrow lies on a plain line, no tab before it,
    and its line starts its narrow start before it, so the lines are not looked for again."""
    out: dict[int, Interval] = {}
    # line start -> the offset up to which the line was measured and its display column there: each
    # value measured on from the value before it (values come left to right), the text between them
    # measured whole (display_width is the sum of its characters' widths)
    measured: dict[int, tuple[int, int]] = {}
    width = _width_with(ambiguous_wide(text))
    for token in tokens:
        known = narrow.get(id(token))
        if known is None:
            continue  # (not measured narrow: off a plain line, or after a tab)
        at = token.start
        line_start = at - known[0]
        offset, column = measured.get(line_start, (line_start, 0))
        if at < offset:  # (a value left of the one before it: measured from the line's start)
            offset, column = line_start, 0
        start = column + width(text[offset:at])
        end = start + width(text[at:token.end])
        measured[line_start] = (token.end, end)
        out[id(token)] = (start, end)
    return out


def printed_columns(intervals: list[Interval], most: int) -> Optional[list[Interval]]:
    """Intervals that overlap across rows merged into printed columns, left to right; None when
    there are more than `most` (the merge stops there: a printed column once begun is never
    taken back, so the count only grows)."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif len(merged) == most:
            return None
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def header_centres(text: str, header: list[Token], words: tuple[tuple[str, ...], ...],
                   plain_lines: set[int], wide: bool) -> list[Optional[float]]:
    """Display centre of each column's name in the header lines, None where it is not found."""
    out: list[Optional[float]] = [None] * len(words)
    for token in header:
        if token.kind != TEXT or token.line not in plain_lines:
            continue
        line_start = text.rfind("\n", 0, token.start) + 1
        # 「法人或其他组织」 heads five columns; its 其他 is not the 其他 column's name
        raw = text[token.start:token.end].replace("其他组织", "    ")
        for n, options in enumerate(words):
            if out[n] is not None:
                continue
            for word in options:
                at = raw.find(word)
                if at >= 0:
                    start = width_of(text[line_start:token.start + at], wide)
                    out[n] = start + width_of(word, wide) / 2
                    break
    if None in out:  # a name wrapped in its narrow cell (w3m: 「总」 over 「计」)
        column_of = [n for n, c in enumerate(out) if c is None for _ in words[n]]  # each wrapped word's column
        wrapped_words = tuple(word for n, c in enumerate(out) if c is None for word in words[n])
        heads = _word_heads(wrapped_words)
        for token in header:
            if token.kind != TEXT or token.line not in plain_lines:
                continue
            line_start = text.rfind("\n", 0, token.start) + 1
            for centre, k in _wrapped_words(text, line_start, token, wrapped_words, heads, wide):
                if out[column_of[k]] is None:
                    out[column_of[k]] = centre
    return out


def repeated_header_centres(text: str, header: list[Token], words: tuple[str, ...], groups: int,
                            plain_lines: set[int], wide: bool) -> Optional[list[float]]:
    """Display centres of columns whose names repeat under several group headings, left to right
    (表四: 维持 纠正 其他 尚未 总计 under 行政复议, 未经复议直接起诉 and 复议后起诉); None unless the
    header names exactly those columns in that order, each name whole on a line or, failing that,
    wrapped in its cell (_wrapped_words)."""
    names = repeated_header_names(text, header, words, groups, plain_lines, wide)
    return None if names is None else [centre for centre, _ in names]


def repeated_header_names(text: str, header: list[Token], words: tuple[str, ...], groups: int,
                          plain_lines: set[int], wide: bool) -> Optional[list[tuple[float, float]]]:
    """repeated_header_centres with how far each name's column reaches either side of its centre:
    a whole name 「结果维持」 spans its width but a column at each end (a value printed at either
    edge of its cell lies under it: a terminal prints it at the left edge), _HALF_NAME at least."""
    found: list[tuple[float, int, float]] = []
    lines: list[tuple[int, Token]] = []
    for token in header:
        if token.kind != TEXT or token.line not in plain_lines:
            continue
        line_start = text.rfind("\n", 0, token.start) + 1
        lines.append((line_start, token))
        raw = text[token.start:token.end]
        for n, word in enumerate(words):
            at = raw.find(word)
            while at >= 0:
                centre, width = _name_centre(text, line_start, token.start, raw, at, word, words, wide)
                found.append((centre, n, max(_HALF_NAME, width / 2 - 1)))
                at = raw.find(word, at + 1)
    expected = list(range(len(words))) * groups
    found.sort()
    if [n for _, n, _ in found] != expected:
        heads = _word_heads(words)
        for line_start, token in lines:
            found += [(centre, n, _HALF_NAME) for centre, n in _wrapped_words(text, line_start, token, words, heads, wide)]
        found.sort()
        if [n for _, n, _ in found] != expected:
            return None
    return [(centre, half) for centre, _, half in found]


def _name_centre(text: str, line_start: int, token_start: int, raw: str, at: int, word: str,
                 words: tuple[str, ...], wide: bool) -> tuple[float, int]:
    """Display centre and width of the column name holding `word` (found at `at` in the token's
    text `raw`): the whole stretch of non-space around it when that stretch names no other column
    (「结果维持」 around 维持: a terminal prints a cell's value at the cell's left edge, under 「结」,
    not under 「维持」), else the word's own."""
    left = raw.rfind(" ", 0, at) + 1
    right = raw.find(" ", at + len(word))
    if right < 0:
        right = len(raw)
    stretch = raw[left:right]
    if sum(stretch.count(other) for other in words) == 1:
        start, width = width_of(text[line_start:token_start + left], wide), width_of(stretch, wide)
    else:
        start, width = width_of(text[line_start:token_start + at], wide), width_of(word, wide)
    return start + width / 2, width


@lru_cache(maxsize=8)
def _word_heads(words: tuple[str, ...]) -> dict[str, tuple[tuple[int, int], ...]]:
    """The last character of each first part a word may be wrapped after -> (word's index, cut)."""
    heads: dict[str, list[tuple[int, int]]] = {}
    for n, word in enumerate(words):
        for cut in range(1, len(word)):
            heads.setdefault(word[cut - 1], []).append((n, cut))
    return {ch: tuple(cuts) for ch, cuts in heads.items()}


def _wrapped_words(text: str, line_start: int, token: Token, words: tuple[str, ...],
                   heads: dict[str, tuple[tuple[int, int], ...]], wide: bool) -> list[tuple[float, int]]:
    """(display centre, index in `words`) of each word wrapped in its narrow cell: its first
    characters end a stretch of the token's text that begins the cell (no stretch on the line
    above starts at its column), the rest begin the line below at that column (w3m: 表四's
    「结果纠」 over 「正」, 「总」 over 「计」). The word's centre is that of both parts together, the
    cell's. Not a header printed a character a line (pdftotext's vertical 「结/果/维/持」): its
    letters' places are not the values' line's, which pdftotext spaces otherwise. `heads`:
    _word_heads(words)."""
    found: list[tuple[float, int]] = []
    below: Optional[dict[int, str]] = None
    above: set[int] = set()
    for m in _STRETCH.finditer(text, token.start, token.end):
        stretch = m.group()
        cuts = heads.get(stretch[-1])
        if cuts is None:
            continue
        if below is None:  # (the lines around measured once, only for a stretch that may be a head)
            below, above = _stretch_starts(text, line_start, wide)
        column = width_of(text[line_start:m.start()], wide)
        rest = below.get(column)
        if rest is None or column in above:
            continue
        for n, cut in cuts:
            word = words[n]
            if stretch.endswith(word[:cut]) and rest.startswith(word[cut:]):
                end = column + max(width_of(stretch, wide), width_of(word[cut:], wide))
                found.append(((column + end) / 2, n))
                break
    return found


def _stretch_starts(text: str, line_start: int, wide: bool) -> tuple[dict[int, str], set[int]]:
    """The stretches (runs of non-space) of the line below the one at `line_start`, by the display
    column they start at, and the columns at which those of the line above start."""
    line_end = text.find("\n", line_start)
    if line_end < 0:
        return {}, set()
    below_end = text.find("\n", line_end + 1)
    below = text[line_end + 1:below_end if below_end >= 0 else len(text)]
    above = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)]
    return ({width_of(below[:m.start()], wide): m.group() for m in _STRETCH.finditer(below)},
            {width_of(above[:m.start()], wide) for m in _STRETCH.finditer(above)})


_STRETCH = re.compile(r"\S+")


def extents_of(rows: list[list[Token]], where: dict[int, Interval]) -> list[tuple[float, float]]:
    """Each column's usual extent: the median over rows that print every column on one line."""
    return [(_median([where[id(row[c])][0] for row in rows]), _median([where[id(row[c])][1] - 1 for row in rows]))
            for c in range(len(rows[0]))]


def header_extents(text: str, before: int, names: list[str], wide: bool, lookback: int = 8
                   ) -> Optional[list[tuple[float, float]]]:
    """Extents of the column names on the nearest line above offset `before` (within `lookback`
    lines) that prints them all, left to right; None if no such line."""
    end = text.rfind("\n", 0, before)
    for _ in range(lookback):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        extents: list[tuple[float, float]] = []
        line, at = text[start:end], 0
        below_end = text.find("\n", end + 1)
        below = text[end + 1:below_end if below_end >= 0 else len(text)]
        for name in names:
            printed = name
            found = line.find(name, at)
            if found < 0:  # a name wrapped in its cell: its last characters on the line below, at its column
                found, printed = _wrapped_name(line, below, name, at, wide)
            if found < 0:
                break
            at = found
            left = width_of(line[:at], wide)
            extents.append((left, left + width_of(printed, wide) - 1))
            at += len(printed)
        if len(extents) == len(names):
            return extents
        end = start - 1
    return None


def _wrapped_name(line: str, below: str, name: str, at: int, wide: bool) -> tuple[int, str]:
    """Where a column name wrapped in its cell starts on `line` (from `at`), and the part printed
    there: its first characters (two at least) ending the line's stretch, the rest starting the
    line below at the same column (w3m: 「本年制发件」 over 「数」). (-1, "") if not so printed."""
    for cut in range(len(name) - 1, 1, -1):
        head, rest = name[:cut], name[cut:]
        below_at = below.find(rest)
        if below_at < 0:
            continue
        found = line.find(head, at)
        if found < 0 or line[found + cut:found + cut + 1] not in ("", " "):
            continue
        column = width_of(line[:found], wide)
        while below_at >= 0:
            left = width_of(below[:below_at], wide)
            if left > column:
                break
            if left == column and below[below_at + len(rest):below_at + len(rest) + 1] in ("", " "):
                return found, head
            below_at = below.find(rest, below_at + 1)
    return -1, ""


def named_anchors(centres: list[float]) -> list[tuple[float, float]]:
    """The extents of columns printed around their names' centres."""
    return [(c - _HALF_NAME, c + _HALF_NAME) for c in centres]


def _fit(mapping: tuple[int, ...], columns: list[Interval], centres: list[Optional[float]]) -> float:
    """How far the printed columns lie from the header names they are matched to (lower is better)."""
    cost = 0.0
    for printed, column in zip(columns, mapping):
        centre = centres[column]
        if centre is not None:
            cost += abs((printed[0] + printed[1]) / 2 - centre)
    return cost


def _median(values: list[int]) -> float:
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def value_distance(interval: Interval, column: tuple[float, float]) -> float:
    """Gap between a value and a column's usual extent (0 when they overlap), centres breaking ties:
    a lone value's cost there (line_candidates: it is not moved)."""
    start, end = interval[0], interval[1] - 1
    gap = max(0.0, column[0] - end, start - column[1])
    return gap + abs((start + end) / 2 - (column[0] + column[1]) / 2) / 100


Anchors = Sequence[Optional[tuple[float, float]]]  # each template column's usual extent, None if unseen
Layout = list[tuple[int, Anchors]]  # (first line, anchors) per stretch of the table, top to bottom


def stretch_at(layout: Layout, line: int) -> int:
    """The stretch of `layout` a line lies in: the last starting at or above it (the first for a
    line above them all)."""
    return max((n for n, (first, _) in enumerate(layout) if first <= line), default=0)


def line_candidates(intervals: list[Interval], anchors: Anchors, first: int,
                    within: float = inf) -> list[tuple[float, float, tuple[int, ...]]]:
    """The `first` cheapest ways to put one line's values in increasing columns, cheapest first:
    (cost, offset it needs, columns). A way costs the values' distance to their columns once the
    whole line is moved by its best offset, plus the offset (pdftotext pads a line with a long label
    less, which moves all its values alike). A lone value is not moved: nothing shows an offset.
    `within`: ways costing more than that above the cheapest are not needed (not weighed, though
    some found before the cheapest may be kept)."""
    return list(_line_candidates(tuple(tuple(i) for i in intervals), tuple(anchors), first, within))


@lru_cache(maxsize=4096)
def _line_candidates(intervals: tuple[Interval, ...], anchors: tuple, first: int, within: float) -> tuple:
    """line_candidates, kept: a document's lines are weighed again for each layout tried. Each
    value's fit in each column it may take is worked out once, not once a way, and so is its
    distance there with the line not moved: a way's cost unmoved is their sum. The ways are
    weighed cheapest unmoved first (so that the `first` ways found soon cost little), each only
    as far as it could still cost no more than those ways (nor `within` more than the cheapest
    of them), nor than it costs unmoved."""
    present = [n for n, anchor in enumerate(anchors) if anchor is not None]
    count = len(intervals)
    # (the values before a value and those after it need columns of their own)
    fits = [_value_fits(interval, anchors, present[i:i + len(present) - count + 1])
            for i, interval in enumerate(intervals)]
    # (each value's distance there with the line not moved: a few thousand values a report)
    unmoved = [{column: (low if low > 0 and low >= -high else -high if -high > 0 else 0.0) + abs(off) / 100
                for column, (_, low, high, off) in fits_here.items()}  # (max(0, low, -high), inline)
               for fits_here in fits]
    falls = 1.01 * count  # (see _placed_cost: how far the values' distances may fall a column moved)
    ways: Iterable[tuple[int, ...]] = combinations(present, count)
    if within < inf and count > 1:
        # Once the cheapest way unmoved is weighed (first), the limit is at most its cost plus
        # `within`. A value's distance falls by 1.01 at most a column its line is moved (see
        # _placed_cost), and moving costs 1 a column: a way putting a value where it lies more
        # than 1.01 times that limit from its column costs more than the limit however far its line
        # is moved (_placed_cost finds none), and weighing it changes nothing: it is not listed.
        near = 1.01 * (_cheapest_unmoved(unmoved) + within) + 2 * _ROUNDING
        kept = [[column for column, cost in costs.items() if cost <= near] for costs in unmoved]
        if sum(map(len, kept)) < sum(map(len, unmoved)):  # (else every way is listed, as combinations lists them)
            ways = [()]
            for allowed in kept:
                ways = [way + (column,) for way in ways for column in allowed if not way or column > way[-1]]
    ranked = sorted((sum(map(getitem, unmoved, columns)), columns) for columns in ways)
    best: list[tuple[float, float, tuple[int, ...]]] = []
    reachable = None  # what some offset within the limit may cost the values at least (see _moved_floor)
    for cost_unmoved, columns in ranked:
        limit = best[-1][0] if len(best) == first else inf
        if best:
            limit = min(limit, best[0][0] + within)
        if cost_unmoved > falls * limit + 2 * _ROUNDING:
            # moved by an offset that costs no more than the limit, the values' distances fall too
            # little to come within it (_placed_cost's bound); so do those of every way after it
            break
        if cost_unmoved > limit:
            # (the limit never grows, the ways come cheapest unmoved first: none left costs within
            # it unmoved, nor moved once no offset within it brings the values near enough columns)
            if reachable is None or reachable > limit + _ROUNDING:
                reachable = _moved_floor(fits, limit)
                if reachable is None:
                    break
        cost = _placed_cost(list(map(getitem, fits, columns)), limit, cost_unmoved)
        if cost is not None:
            way = (*cost, columns)
            if len(best) < first or way < best[-1]:
                insort(best, way)
                del best[first:]
    return tuple(best)


def _cheapest_unmoved(unmoved: list[dict[int, float]]) -> float:
    """A cost unmoved that the cheapest way of placing a line's values in increasing columns does
    not exceed (each value's distance in each column it may take: `unmoved`): each value put in
    its cheapest column right of the one before it (its columns leave room for the values after)."""
    total: float = 0
    last = -1
    for costs in unmoved:
        cost, last = min((cost, column) for column, cost in costs.items() if column > last)
        total += cost
    return total


def _moved_floor(fits: list[dict[int, ValueFit]], limit: float) -> Optional[float]:
    """Below what no way of placing a line's values moved by an offset that some value's fit asks
    (those _placed_cost weighs), the smallest such offset first, can cost, where that is within
    `limit`: the offset's cost and each value's gap to the nearest column it may take, whichever
    columns the others take. None when no offset comes within the limit so (nor does any way moved)."""
    if len(fits) < 2:
        return None  # (a lone value is not moved)
    for shift in sorted({fit[0] for fits_here in fits for fit in fits_here.values() if fit[0]}, key=abs):
        floor = _SHIFT_COST * abs(shift)
        if floor > limit:
            return None  # (and so does every larger offset)
        for fits_here in fits:
            # (the value's least gap over its columns, max(0, …) taken once after the min: the same
            # sum; compared inline, not by min() and max() a column: a few thousand a report)
            nearest = inf
            for _, low, high, _ in fits_here.values():
                gap = low - shift if low - shift > shift - high else shift - high
                if gap < nearest:
                    nearest = gap
            floor += nearest if nearest > 0 else 0.0
            if floor > limit + _ROUNDING:
                break
        else:
            return floor
    return None


ValueFit = tuple[float, float, float, float]  # a value in a column: see _value_fits
_OFFSET = itemgetter(0)  # the offset a value's fit asks (ValueFit's first)


def _value_fits(interval: Interval, anchors: tuple, columns: list[int]) -> dict[int, ValueFit]:
    """What a value's distance to each of `columns` (their extents in `anchors`; value_distance) is
    made of, whatever the offset its line is moved by, by column: the offset that puts its start at
    the column's left, and (low, high, off): moved by `shift`, its distance there is
    max(0, low - shift, shift - high) + |off + shift| / 100. (Positions and extents are whole or
    half columns: these sums are exact, the same as moving the value's ends.)"""
    start, end = interval
    centre = (start + end - 1) / 2
    return {column: (left - start, left - (end - 1), right - start, centre - (left + right) / 2)
            for column in columns for left, right in (anchors[column],)}


def _placed_cost(fits: list[ValueFit], limit: float, unmoved: float) -> Optional[tuple[float, float]]:
    """(cost, offset) of values placed as their fits in their columns (see line_candidates), or
    None when it exceeds `limit`.
    `unmoved`: their distances with the line not moved, summed in order."""
    best: Optional[tuple[float, float]] = None
    if unmoved <= limit:
        best = (float(unmoved), 0)
        limit = unmoved
    # A value's distance falls by 1.01 at most a column its line is moved (its gap by 1, its
    # centre's by 1/100): moved by `shift`, the values cost no less than `unmoved` less that much
    # each. Shifts are weighed smallest first (the cheapest way is the least (cost, offset),
    # whatever the order it is found in): once one costs more than the limit, so do the rest.
    falls = 1.01 * len(fits)
    shifts: set[float] = set()  # the offsets the values' fits ask, but none (a lone value is not moved)
    if len(fits) > 1:
        shifts.update(map(_OFFSET, fits))  # (map: a few thousand ways a report)
        shifts.discard(0)
    for shift in sorted(shifts, key=abs):
        moved = _SHIFT_COST * abs(shift)
        if moved > limit:
            break  # distances are never negative: this shift and the larger ones cost more than the limit
        if moved + unmoved - falls * abs(shift) > limit + _ROUNDING:
            continue  # moved this little, the values' distances fall too little to come within the limit
        total: float = 0
        for _, low, high, off in fits:  # (their distances moved so, summed as far as needed)
            gap = low - shift if low - shift > shift - high else shift - high  # (max(0, …) inline)
            total += (gap if gap > 0 else 0.0) + abs(off + shift) / 100
            if moved + total > limit:
                break
        else:
            way = (moved + total, abs(shift))
            if best is None or way < best:
                best = way
                limit = way[0]
    return best


_SHIFT_COST = 1.0  # per column a line's values are moved to fit the table's columns
_ROUNDING = 1e-6  # more than the float error of a line's summed distances: a bound this far past the limit is past it
_LINE_OPTIONS = 4  # cheapest ways per line combined into ways of placing a row


def _row_candidates(values: list[Token], where: dict[int, Interval], anchors: Anchors,
                    within: float = inf) -> list[tuple[float, list[Optional[Token]], float]]:
    """Ways of placing one row (its lines' ways combined, no two values in one column), cheapest
    first: (cost, the token in each column or None, largest offset). `within`: for a row on one
    line, its ways costing more than that above the cheapest are not needed (see line_candidates)."""
    if len(values) > sum(anchor is not None for anchor in anchors):
        return []  # each value takes a column of its own: no way places them all
    by_line: dict[int, list[Token]] = {}  # grouped once: a damaged row spreads over hundreds of lines
    for t in values:
        by_line.setdefault(t.line, []).append(t)
    per_line = []
    for line in sorted(by_line):
        on_line = sorted(by_line[line], key=lambda t: where[id(t)])
        per_line.append([(cost, list(zip(on_line, columns)), shift)
                         for cost, shift, columns in line_candidates([where[id(t)] for t in on_line], anchors, _LINE_OPTIONS,
                                                                     within if len(by_line) == 1 else inf)])
    if len(per_line) == 1:  # a row on one line: its line's ways, cheapest first, are the row's
        out = []
        for cost, pairs, shift in per_line[0]:
            slots: list[Optional[Token]] = [None] * len(anchors)
            for token, column in pairs:
                slots[column] = token
            out.append((cost, slots, shift))
        return out
    # The lines' ways combined line by line, keeping the cheapest _COMBINATIONS partial rows: the
    # same as trying every combination for rows over a few lines, and bounded for a row that a
    # damaged file spreads over dozens (4 ways a line: 4**30 combinations).
    partial: list[tuple[float, tuple[int, ...], list[Optional[Token]], float]] = [(0.0, (), [None] * len(anchors), 0)]
    for ways in per_line:
        grown = []
        for cost, index, slots, shift in partial:
            for n, (way_cost, pairs, way_shift) in enumerate(ways):
                if any(slots[column] is not None for _, column in pairs):
                    continue  # two values in one column
                placed = list(slots)
                for token, column in pairs:
                    placed[column] = token
                grown.append((cost + way_cost, index + (n,), placed, max(shift, way_shift)))
        grown.sort(key=lambda way: way[:2])
        partial = grown[:_COMBINATIONS]
    return [(cost, slots, shift) for cost, _index, slots, shift in partial]


_COMBINATIONS = 256


Placement = tuple[list[Token], float, float]  # a row's tokens per column (EMPTY where none), cost, largest offset


def row_placements(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout) -> dict[str, list[Placement]]:
    """Each row's ways of being placed in columns by position, cheapest first. A row is placed by
    the stretch of the table it lies in, or the next one (a page break shifts the columns).
    Rows that cannot be placed (a value without position, more values than columns) are left out.
    A row on one line placed by one stretch may leave out its ways that cost _NEVER_NEAR or more
    above its cheapest, never weighed: place_by_anchors weighs none of them, and its margin is as
    wide with any of them next or with none. Other rows keep every way found (a way may be far
    by one stretch and near by the next: its place among the ways is where it was first found)."""
    out = {}
    for key, values in rows.items():
        if not values or any(id(t) not in where for t in values):
            continue
        here = stretch_at(layout, min(t.line for t in values))
        options: dict[tuple, Placement] = {}
        stretches = {here, min(here + 1, len(layout) - 1)}
        within = _NEVER_NEAR if len(stretches) == 1 else inf  # (_row_candidates: for a row on one line)
        for n in stretches:
            for cost, slots, shift in _row_candidates(values, where, layout[n][1], within):
                signature = tuple(id(t) for t in slots)
                if signature not in options or cost < options[signature][1]:
                    first = values[0]
                    options[signature] = ([t if t is not None else Token(EMPTY, "", first.start, first.start, first.line)
                                           for t in slots], cost, shift)
        if options:
            out[key] = sorted(options.values(), key=lambda o: o[1])
    return out


def place_by_anchors(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                     certain: bool = True, score=None, options=None) -> dict[str, tuple[list[Token], bool]]:
    """Each row placed in columns by position, and whether the placement is sure. It is sure when
    the layout was measured on full rows (`certain`), every other way costs clearly more, and the
    equations (`score`, when given: of the rows' numbers by column and the row weighed, see
    placed_scorer) prefer no other way of about the same cost; among such ways the one the
    equations accept wins, not sure.
    `options`: the rows' placements, if known."""
    if options is None:
        options = row_placements(rows, where, layout)
    chosen = {key: ways[0][0] for key, ways in options.items()}
    # the chosen ways' numbers, read when the equations first weigh a row (each way's once, not
    # once for every way weighed after it)
    chosen_numbers: dict[str, list[Optional[Number]]] = {}
    sure = {}
    for key, ways in options.items():
        cheapest = ways[0][1]
        near = [way for way in ways if way[1] - cheapest < _RECONSIDER]
        if score is not None and len(near) > 1:
            if not chosen_numbers:
                chosen_numbers = {k: _numbers(tokens) for k, tokens in chosen.items()}
            chosen[key] = max(near, key=lambda way: (score({**chosen_numbers, key: _numbers(way[0])}, key), -way[1]))[0]
            chosen_numbers[key] = _numbers(chosen[key])
        margin = ways[1][1] - cheapest if len(ways) > 1 else float("inf")
        # a line moved by two columns or more is placed by the pattern of its values alone
        # nor is a row that fits even its cheapest way badly (the layout does not describe it)
        # nor is a row printing a lone value: nothing shows how far its line was moved
        sure[key] = (certain and margin >= SURE_MARGIN and chosen[key] is ways[0][0] and ways[0][2] < 2
                     and cheapest <= _FIT * len(rows[key]) and len(rows[key]) > 1)
    return {key: (chosen[key], sure[key]) for key in options}


def _numbers(tokens: list[Token]) -> list[Optional[Number]]:
    return list(map(token_number, tokens))


def placement_cost(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                   beyond: float = inf) -> tuple[float, dict[str, list[Placement]]]:
    """How badly the rows fit the layout (the cost of each row's cheapest placement, per value),
    and the rows' placements. `beyond`: a cost another layout fits at; once these rows' cost is
    sure to exceed it (their cheapest placements so far, over every value that may be placed),
    they are placed no further: (inf, {})."""
    placeable = sum(len(values) for values in rows.values() if values and all(id(t) in where for t in values))
    ways: dict[str, list[Placement]] = {}
    spent: float = 0  # (summed in the rows' order, as the cost is)
    for key, values in rows.items():
        ways.update(row_placements({key: values}, where, layout))  # (each row is placed on its own)
        if key in ways:
            spent += ways[key][0][1]
            if spent / placeable > beyond:
                return float("inf"), {}
    placed = sum(len(rows[key]) for key in ways)
    return (sum(options[0][1] for options in ways.values()) / placed if placed else float("inf")), ways


SURE_MARGIN = 2.0  # a placement this much cheaper than any other is taken without doubt
_FIT = 1.0  # columns per value a sure placement may lie from its columns, offsets included
_RECONSIDER = 4.0  # placements this close to the cheapest are weighed by the equations
# placements this much dearer than the cheapest are neither weighed nor make the margin smaller
# than SURE_MARGIN (and a little more: their cost less the cheapest's may round below it)
_NEVER_NEAR = max(_RECONSIDER, SURE_MARGIN) + 1e-6


_HALF_NAME = 1.5  # a column named in the header spans this far either side of the name's centre
_SHIFT = 3  # columns a full row may stray from the one before it and still share its layout


def _stretches(full: list[list[Token]], where: dict[int, Interval], width: int,
               rows: Iterable[list[Token]] = ()) -> Layout:
    """Full rows (one line, every column) grouped into stretches that share column positions;
    each stretch gives the median extent of each column. `rows`: every row of the table, whose
    values a lone full row's columns must hold (see _between_columns)."""
    groups: list[list[list[Interval]]] = []
    previous: Optional[list[Interval]] = None
    in_order = sorted(full, key=lambda v: v[0].line)
    for values in in_order:
        extents = sorted([where[id(t)] for t in values])
        # a row whose values lie where the row before put them shares its layout; a block of
        # rows moved as a whole (pdftotext pads a long label less) is a stretch of its own
        if previous is None or _moved(extents, previous):
            groups.append([])
        groups[-1].append(extents)
        previous = extents
    layout: Layout = []
    lines = [v[0].line for v in in_order]
    first = 0
    for group in groups:
        count = len(group)
        # a lone row counts only when all its values are padded apart and they read as a whole
        # row, its parts summing to its 总计: a row of 8 cells under a blank 总计 column (a
        # 法人或其他组织 subtotal after 自然人) prints 7 values too, each a column right of its own.
        # The table's only full row, adding up vacuously, measures nothing where the other rows
        # print a column between its values (_between_columns)
        lone = count == 1 and all(b[0] - a[1] >= 3 for a, b in zip(group[0], group[0][1:])) \
            and _reads_whole(in_order[first])
        if lone and len(groups) == 1 and _sum_says_nothing(in_order[first]):
            lone = not _between_columns(group[0], rows, where, lines[first])
        if count >= 2 or lone:
            # (each column's extents in the group's rows; an extent ends a column before its end)
            anchors = [(_median(list(map(_START, column))), _median(list(map(_END, column))) - 1)
                       for column in zip(*group)]
            if all(anchors[n][1] < anchors[n + 1][0] for n in range(width - 1)):
                layout.append((lines[first], anchors))
        first += count
    return layout


_START, _END = itemgetter(0), itemgetter(1)  # an interval's


def _between_columns(extents: list[Interval], rows: Iterable[list[Token]], where: dict[int, Interval],
                     own: int) -> bool:
    """Whether the table prints a column between two of the columns of its only full row
    (`extents`, on line `own`): values of _COLUMN_LINES other lines overlapping in position,
    wholly between two of its values, more than _SHIFT columns from either. The row's values then
    do not lie in the table's columns: a row of 8 cells, a 法人或其他组织 subtotal after 自然人, one
    of its parts left blank, prints 7 values too, from that part on a column right of its own
    (q3901 r0041 lynx: 「0 0 0 　 0 - 0 -」, the 社会公益组织 column the other rows print in lying
    between its 科研机构 and 社会公益组织 values)."""
    starts = [start for start, _ in extents]
    last = len(extents) - 1
    between: dict[int, list[tuple[int, int, int]]] = {}  # gap (its column on the left) -> values in it
    for values in rows:
        for token in values:
            at = where.get(id(token))
            if at is None or token.line == own:
                continue
            n = bisect_right(starts, at[0]) - 1  # (the only gap a value starting there may lie wholly in)
            if 0 <= n < last and extents[n][1] + _SHIFT <= at[0] and at[1] + _SHIFT <= extents[n + 1][0]:
                between.setdefault(n, []).append((*at, token.line))
    for found in between.values():
        if len(found) >= _COLUMN_LINES:
            for start, end, _ in found:
                if len({line for c, d, line in found if c < end and start < d}) >= _COLUMN_LINES:
                    return True
    return False


_COLUMN_LINES = 3  # lines whose values overlapping in position make a printed column


def _sum_says_nothing(values: list[Token]) -> bool:
    """Whether a row reads whole by its sum only vacuously: a placeholder among its values, or
    nothing but 0s. (A row of 8 cells whose parts print a count other than 0 sums to its last
    value only by chance: its subtotal counts them twice.)"""
    numbers = [token_number(t) for t in values]
    return not known(numbers) or not any(numbers)


def _reads_whole(values: list[Token]) -> bool:
    """Whether a row's values may be its every cell: its parts sum to its 总计 (a placeholder
    counting none), or a value that is no count leaves that unknown."""
    numbers = [token_number(t) for t in values]
    return not known(numbers) or abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9


def _moved(extents: list[Interval], previous: list[Interval]) -> bool:
    """Whether a value of a row (`extents`, left to right) lies more than _SHIFT columns from the
    value the row before put in its place (a loop: asked of every full row)."""
    for (start, _), (before, _) in zip(extents, previous):
        if abs(start - before) > _SHIFT:
            return True
    return False


def with_own_pages(rows: dict[str, list[Token]], where: dict[int, Interval], width: int, layout: Layout,
                   page_lines: Sequence[int], score, across) -> Layout:
    """The header's layout (`layout`) with a stretch for each later page that repeats no header,
    measured on that page's own rows. pdftotext -layout lays each page out by its own measure: a
    page's values lie at other character columns than the page holding the header, so its rows
    placed by the header's names land a column or two off. A page's columns are told where at
    least two of its rows print a value in every column but one on one line, at the same places
    (a table leaving its 总计 blank, or one column blank on that page): the column they leave
    out is the one under which the equations (`score`) hold best, the page's rows placed so, the
    other pages' by their own layout, ties broken by the printed 勾稽关系 (`across`: T3-1, 一 + 二 =
    （七）+ 四 per column, the equations that tie the first rows' columns to the last rows'
    ones); where two leave out columns alike, or none holds better than the header's names,
    the page keeps those. (A page printing full rows, every column, is measured by _stretches.)
    `page_lines`: the first line of each page after the header's, within the table."""
    out = list(layout)
    for n, first in enumerate(page_lines):
        end = page_lines[n + 1] if n + 1 < len(page_lines) else inf
        if any(first <= line < end for line, _ in layout):
            continue  # (the header repeated on that page: its names tell its columns)
        own = _own_page_anchors(rows, where, width, first, end)
        if own is None:
            continue
        ways = [[*own[:m], None, *own[m:]] for m in range(width)]
        memo: dict = {}
        scored = [(_layout_score(rows, where, sorted([*out, (first, anchors)], key=itemgetter(0)), (score, across), memo), m)
                  for m, anchors in enumerate(ways)]
        scored.sort(reverse=True)
        if scored[0][0] > scored[1][0] and scored[0][0][0] > _layout_score(rows, where, out, (score,), memo)[0]:
            out = sorted([*out, (first, ways[scored[0][1]])], key=itemgetter(0))
    return out


def named_pages(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout, page_lines: Sequence[int],
                centres: Optional[list[Optional[float]]], repeated: Sequence[tuple[int, list[Optional[float]]]],
                score) -> tuple[Layout, list[tuple[int, float]]]:
    """A layout measured on full rows (`layout`) laid out page by page: pdftotext -layout lays each
    page out by its own measure, so a page's full rows say where that page's rows print, not
    another page's. A page printing no full row is placed by the names its header prints
    (`centres`, the header's, for the first page; `repeated`: the first line below a header a
    later page repeats, and its names) where the equations (`score`) hold better so than with the
    rows placed by the other pages' full rows (a header's names may lie a column off its values:
    pdftotext moves each line by its own measure, so the names alone do not outweigh them). Its
    stretch then holds from the page's first line, as does the first stretch of each page after
    it. Returns the layout and the pages placed by names (first line, end): no row is placed for
    sure by names. `page_lines`: the first line of each page after the header's, within the table."""
    bounds = [0, *page_lines]
    out: Layout = list(layout)
    by_names: list[tuple[int, float]] = []
    memo: dict = {}  # (each row's numbers by its stretches, placed once)
    for n, first in enumerate(bounds):
        end = bounds[n + 1] if n + 1 < len(bounds) else inf
        if any(first <= line < end for line, _ in layout):
            continue
        names = centres if n == 0 else next((named for below, named in repeated if first <= below < end), None)
        if names is None:
            continue
        # (the pages after it each from its own first line: a page's rows placed by its own stretch)
        paged = _first_per_page(out, bounds, first)
        named = sorted([*paged, (first, [(c - _HALF_NAME, c + _HALF_NAME) if c is not None else None for c in names])],
                       key=itemgetter(0))
        if _layout_score(rows, where, named, (score,), memo) > _layout_score(rows, where, out, (score,), memo):
            out = named
            by_names.append((first, end))
    return out, by_names


def scaled_pages(rows: dict[str, list[Token]], placed: dict[str, list[Token]], where: dict[int, Interval],
                 width: int, layout: Layout, page_lines: Sequence[int], score,
                 before: Optional[dict[int, Interval]] = None) -> tuple[Layout, list[tuple[int, float, bool]]]:
    """`layout` with a stretch for each later page that neither repeats the header nor prints a full
    row, and whose values lie right of the 总计 column it is placed by: pdftotext -layout lays each
    page out on a character grid of its own, and such a page's columns lie neither where the
    header's do nor moved by a few columns alike (s4106 r0038: 「（七）总计」's 6, 1 and 7 at columns
    56, 65 and 108 under names at 51, 60 and 95, and a lone 1 at 83 that the PDF prints under
    社会公益组织, at 74, not under 法律服务机构 at 81). The page's columns are told by its own extent:
    a row of the page that reads whole (its parts summing to its last value) spans it, its first
    value in the page's leftmost printed column and its last in the rightmost; those are 自然人
    and 总计, and each printed column between them is matched, in order, to the column of the
    stretch above nearest to where the scale of the two extents puts it (within _SCALED_FIT
    columns). The page's printed columns are its values overlapping in position, each no wider
    than its widest value and a column (lines each moved by its own label's length print loose
    columns, and are placed as such lines are); a column at an edge that one line alone prints
    is left out where enough remain, as column_anchors leaves it. The page is placed so where the
    equations (`score`) hold no worse than with `layout` (the page's lines where `before` puts
    them: moved back under the 总计, see moved_back_past_total; `where` by default).
    `rows`: every row, whose values show the page's columns; `placed`: the rows the positions
    place, weighed by the equations. Returns the layout and the pages so placed (first line, end,
    and whether it prints fewer columns than the template: no row on it is then placed for sure,
    while a page printing every column measures them); their values lie where `where` puts them."""
    before = where if before is None else before
    out = list(layout)
    scaled: list[tuple[int, float, bool]] = []
    printing = {key: values for key, values in placed.items() if values}
    for n, first in enumerate(page_lines):
        end = page_lines[n + 1] if n + 1 < len(page_lines) else inf
        if any(first <= line < end for line, _ in out):
            continue  # (measured on its own full rows, or named by a header repeated there)
        anchors = out[stretch_at(out, first)][1]
        if anchors[0] is None or anchors[-1] is None:
            continue
        on_page = [t for values in rows.values() for t in values if id(t) in where and first <= t.line < end]
        if not any(where[id(t)][0] > anchors[-1][1] + _BEYOND_TOTAL for t in on_page):
            continue
        columns = printed_columns([where[id(t)] for t in on_page], width)
        if columns is None or len(columns) < 3:
            continue
        choices = [columns]
        for edge in (0, len(columns) - 1):
            lines = {t.line for t in on_page if where[id(t)][0] < columns[edge][1] and columns[edge][0] < where[id(t)][1]}
            if len(lines) == 1 and len(columns) > width - _MAX_MISSING:
                choices.append(columns[1:] if edge == 0 else columns[:-1])
        spans = [where[id(t)] for t in on_page]
        whole = [(where[id(values[0])], where[id(values[-1])]) for values in rows.values()
                 if len(values) > 1 and all(id(t) in where and first <= t.line < end for t in values)
                 and _reads_whole(values) and not _sum_says_nothing(values)]
        # (the rows off the page read as `layout` reads them, under every way of placing the page)
        read = _placed_numbers(printing, before, out, {})
        on_this = {key: values for key, values in printing.items() if first <= min(t.line for t in values) < end}
        ranked = []
        for printed in choices:
            # (a column whose values start and end where each other's do: a page printed on one
            # grid, not lines each moved by its label's length, whose values overlap loosely)
            if any(b - a > max(d - c for c, d in spans if a <= c and d <= b) + 1 for a, b in printed):
                continue
            left, right = printed[0], printed[-1]
            if not any(left[0] <= a[0] and a[1] <= left[1] and right[0] <= b[0] and b[1] <= right[1] for a, b in whole):
                continue  # (no whole row spans the page's extent: its ends need not be 自然人 and 总计)
            mapping = _scaled_mapping(printed, anchors)
            if mapping is None:
                continue
            own: list[Optional[tuple[float, float]]] = [None] * width
            for (a, b), column in zip(printed, mapping):
                own[column] = (a, b - 1)
            trial = sorted([*out, (first, own)], key=itemgetter(0))
            if end < inf and not any(line == end for line, _ in trial):
                trial = sorted([*trial, (int(end), anchors)], key=itemgetter(0))
            numbers = {**read, **_placed_numbers(on_this, where, trial, {})}
            ranked.append((-_sums_score(numbers, placed, score, width), len(printed) < width, trial))
        if not ranked:
            continue
        best = min(ranked, key=itemgetter(0))
        if -best[0] >= _sums_score(read, placed, score, width):
            out = best[2]
            scaled.append((first, end, best[1]))
    return out, scaled


def _sums_score(numbers: dict[str, list[Optional[Number]]], rows: dict[str, list[Token]], score, width: int) -> int:
    """`score` of rows placed (`numbers`), a row printing nothing counted a row of blanks (0s): the
    column sums (T3-2) run through every result row, most of which print nothing."""
    return score({**numbers, **{key: [0] * width for key, values in rows.items() if not values}})


_SCALED_FIT = 3.0  # columns a page's printed column may lie from the one the scale of the extents matches it to
_SAME_SCALE = 0.1  # extents this near in width (a tenth) are one grid's: a page merely moved


def _scaled_mapping(printed: list[Interval], anchors: Anchors) -> Optional[tuple[int, ...]]:
    """The template column of each printed column of a page (left to right), its first the first
    column (自然人) and its last the last (总计), those between matched in order to the columns of
    `anchors` nearest to where the scale of the two extents puts their centres (the least summed
    distance); None where one lies more than _SCALED_FIT from its column, where the two extents'
    widths differ by less than _SAME_SCALE (a page on the same grid, moved), or too few columns."""
    width = len(anchors)
    centre = [None if a is None else (a[0] + a[1]) / 2 for a in anchors]
    x0, x1 = (printed[0][0] + printed[0][1] - 1) / 2, (printed[-1][0] + printed[-1][1] - 1) / 2
    y0, y1 = centre[0], centre[-1]
    if y0 is None or y1 is None or x1 <= x0 or len(printed) > width:
        return None
    if abs((y1 - y0) / (x1 - x0) - 1) < _SAME_SCALE:
        return None  # (the page on the header's grid, moved: its lines' offsets place it)
    at = [y0 + ((a + b - 1) / 2 - x0) * (y1 - y0) / (x1 - x0) for a, b in printed[1:-1]]
    inner = [c for c in range(1, width - 1) if centre[c] is not None]
    best: Optional[tuple[float, tuple[int, ...]]] = None
    for columns in combinations(inner, len(at)):
        gaps = [abs(y - cast(float, centre[c])) for y, c in zip(at, columns)]
        if gaps and max(gaps) > _SCALED_FIT:
            continue
        if best is None or sum(gaps) < best[0]:
            best = (sum(gaps), columns)
    return None if best is None else (0, *best[1], width - 1)


def _first_per_page(layout: Layout, bounds: Sequence[int], after: int) -> Layout:
    """`layout` with the first stretch of each page past line `after` moved up to hold from the
    page's first line (`bounds`: each page's first line)."""
    out: Layout = []
    seen: set[int] = set()
    for line, anchors in layout:
        page = max(b for b in bounds if b <= line)
        if page > after and page not in seen:
            seen.add(page)
            line = page
        out.append((line, anchors))
    return out


def _own_page_anchors(rows: dict[str, list[Token]], where: dict[int, Interval], width: int,
                      first: int, end: float) -> Optional[list[tuple[float, float]]]:
    """The extents of the columns that a page's rows printing every column but one on one line
    (lines `first` to `end`) share: at least two such rows whose values lie where each other's
    do (_moved), else None."""
    short = [sorted(where[id(t)] for t in values) for values in rows.values()
             if len(values) == width - 1 and all(id(t) in where for t in values)
             and len({t.line for t in values}) == 1 and first <= values[0].line < end]
    best: list[list[Interval]] = []
    for extents in short:
        alike = [other for other in short if not _moved(other, extents)]
        if len(alike) > len(best):
            best = alike
    if len(best) < 2:
        return None
    anchors = [(_median(list(map(_START, column))), _median(list(map(_END, column))) - 1) for column in zip(*best)]
    if any(anchors[n][1] >= anchors[n + 1][0] for n in range(len(anchors) - 1)):
        return None
    return anchors


def _layout_score(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                  scores: Sequence[PlacedScore], memo: Optional[dict] = None) -> tuple[int, ...]:
    """How well each set of equations (`scores`) holds with the rows placed by `layout` (each
    row's cheapest way, as place_by_anchors takes it unweighed). `memo`: each row's numbers by
    the stretches it is placed by (its own and the next, see row_placements), kept between the
    layouts a caller weighs: most rows lie where two layouts give them the same stretches."""
    numbers = _placed_numbers(rows, where, layout, {} if memo is None else memo)
    return tuple(score(numbers) for score in scores)


def _placed_numbers(rows: dict[str, list[Token]], where: dict[int, Interval], layout: Layout,
                    memo: dict) -> dict[str, list[Optional[Number]]]:
    """Each row's numbers by column, placed by `layout` as _layout_score places them."""
    numbers = {}
    for key, values in rows.items():
        if not values or any(id(t) not in where for t in values):
            continue
        line = min(t.line for t in values)
        here = stretch_at(layout, line)
        own, after = layout[here][1], layout[min(here + 1, len(layout) - 1)][1]
        signature = (key, id(own), id(after))
        if signature not in memo:
            ways = row_placements({key: values}, where, [(line, own)] if own is after else [(line, own), (line + 1, after)])
            memo[signature] = _numbers(ways[key][0][0]) if key in ways else None
        if memo[signature] is not None:
            numbers[key] = memo[signature]
    return numbers


def moved_back_past_total(rows: dict[str, list[Token]], where: dict[int, Interval],
                          centres: list[Optional[float]]) -> dict[int, Interval]:
    """Positions with each line whose last value lies right of the 总计 column moved back to put
    that value under it. Nothing is printed right of 总计, and a table whose zeros print as blank
    cells prints every row's 总计 last; pdftotext -layout pads a line after a long label by its
    own measure, moving all of the line's values alike, sometimes by more columns than lie
    between two columns: the cost of so long a move would outweigh a fit one column over.
    The lines so moved then move together by the few columns that put their values nearest the
    header's names (`centres`, the last 总计's; None where a name is not found): pdftotext spaces
    a block of rows alike, and one line's 总计 alone does not say where its other values lie."""
    total = centres[-1]
    if total is None:
        return where
    last: dict[int, Interval] = {}
    for values in rows.values():
        for token in values:
            at = where.get(id(token))
            if at is not None and (token.line not in last or at[0] > last[token.line][0]):
                last[token.line] = at
    shift = {line: round(total - (a + b - 1) / 2) for line, (a, b) in last.items() if a > total + _BEYOND_TOTAL}
    if not shift:
        return where
    moved = [(id(t), shift[t.line]) for values in rows.values() for t in values
             if id(t) in where and t.line in shift]
    names = [(c - _HALF_NAME, c + _HALF_NAME) for c in centres if c is not None]

    def misfit(extra: int) -> float:
        return sum(min(value_distance((where[key][0] + by + extra, where[key][1] + by + extra), name) for name in names)
                   for key, by in moved)
    extra = min(range(-_BEYOND_TOTAL, _BEYOND_TOTAL + 1), key=lambda e: (misfit(e), abs(e)))
    out = dict(where)
    for key, by in moved:
        out[key] = (where[key][0] + by + extra, where[key][1] + by + extra)
    return out


_BEYOND_TOTAL = 3  # columns right of the 总计 name's centre where a value shows its line moved


def _spaced(values: list[Token], where: dict[int, Interval]) -> bool:
    """A row whose values are padded apart (a gap of two or more), not merely separated by one
    space as every text extraction separates words."""
    by_line: dict[int, list[Interval]] = {}  # grouped once: a damaged row spreads over hundreds of lines
    for t in values:
        if id(t) in where:
            by_line.setdefault(t.line, []).append(where[id(t)])
    for extents in by_line.values():
        extents.sort()
        if any(b[0] - a[1] >= 2 for a, b in zip(extents, extents[1:])):
            return True
    return False


def padded_apart(text: str, rows: dict[str, list[Token]], narrow: dict[int, Interval]) -> bool:
    """Whether some row prints two values padded apart (_spaced) under either measure, found from
    the narrow positions (`narrow`, as narrow_positions measures them): the wide measure places the
    values a line holds in the same order, the gap between two a display width at least its length
    (that of the text between them). Where none does, column_anchors finds no layout under either."""
    for values in rows.values():
        by_line: dict[int, list[Token]] = {}
        for t in values:
            if id(t) in narrow:
                by_line.setdefault(t.line, []).append(t)
        for placed in by_line.values():
            placed.sort(key=_start)
            for a, b in zip(placed, placed[1:]):
                if b.start - a.end >= 2 or display_width(text[a.end:b.start]) >= 2:
                    return True
    return False


def _start(token: Token) -> int:
    return token.start


def names_in_order(centres: list[Optional[float]], width: int, wide: bool = True) -> bool:
    """Whether the header names all columns but one at most, left to right and apart: by more than
    a name's width, half that where a CJK character counts one column (`wide` False: lynx puts
    「其他」 and the 「总计」 above it two characters apart)."""
    named = [c for c in centres if c is not None]
    apart = 2 * _HALF_NAME if wide else _HALF_NAME
    return len(named) >= width - 1 and all(b - a > apart for a, b in zip(named, named[1:]))


def column_anchors(rows: dict[str, list[Token]], where: dict[int, Interval], width: int,
                   centres: list[Optional[float]], score,
                   pages: Sequence[tuple[int, list[Optional[float]]]] = (), wide: bool = True) -> Optional[tuple[Layout, bool]]:
    """Where each template column is printed, and whether that was measured on full rows.
    Measured: the median extent of the values of the rows that print a full row on one line, per
    stretch of rows sharing positions. Without such rows, a guess: the column names of the
    header (`centres`, spaced apart), else the printed columns (values overlapping in position)
    matched to the template's columns by the equations (`score` of the rows' numbers, by column),
    then the header. The header's names hold down to the line where a later page repeats the
    header (`pages`: from which line, the names' centres there), whose names hold below it.
    None when the table is not space-aligned."""
    if not any(_spaced(v, where) for v in rows.values()):
        return None
    full = [v for v in rows.values() if len(v) == width and len({t.line for t in v}) == 1
            and all(id(t) in where for t in v)]
    layout = _stretches(full, where, width, rows.values())
    if layout:
        return layout, True
    if names_in_order(centres, width, wide):
        # no full row, but the header names the columns where they are printed. pdftotext
        # moves each line by its label's length, so the rows placed by it stay flagged.
        return [(line, [(c - _HALF_NAME, c + _HALF_NAME) if c is not None else None for c in named])
                for line, named in [(0, centres), *pages]], False
    intervals = [where[id(t)] for values in rows.values() for t in values if id(t) in where]
    all_columns = printed_columns(intervals, width)
    if all_columns is None or len(all_columns) < width - _MAX_MISSING:
        return None
    # A printed column at the table's left or right edge that one line alone prints may be that
    # line's value moved (pdftotext pads a line with a short label less: 「（七）总计」's first count
    # printed left of every other row's): the columns without it are weighed too, by the equations.
    choices = [all_columns]
    for edge in (0, len(all_columns) - 1):
        lines = {t.line for values in rows.values() for t in values
                 if id(t) in where and where[id(t)][0] < all_columns[edge][1] and all_columns[edge][0] < where[id(t)][1]}
        if len(lines) == 1 and len(all_columns) > width - _MAX_MISSING:
            choices.append(all_columns[1:] if edge == 0 else all_columns[:-1])

    def layout_of(columns: list[Interval], mapping: tuple[int, ...]) -> Layout:
        anchors: list[Optional[tuple[float, float]]] = [None] * width
        for (a, b), column in zip(columns, mapping):
            anchors[column] = (a, b - 1)
        return [(0, anchors)]

    ranked = []
    for columns in choices:
        # The rows are placed once, in the printed columns side by side: matched to the template's
        # columns in order, each way of matching them places every value in the same printed column.
        # (each row's numbers by printed column, then 0s: a blank for the columns no printed one matches)
        printed: dict[str, list[Optional[float]]] = {}
        for key, (tokens, _) in place_by_anchors(rows, where, layout_of(columns, tuple(range(len(columns))))).items():
            numbers = [token_number(t) for t in tokens[:len(columns)]]
            printed[key] = numbers + [0] * (len(columns) + 1 - len(numbers))

        def placed(mapping: tuple[int, ...]) -> dict[str, list[Optional[float]]]:
            source = [len(columns)] * width  # each template column's printed column, else the blank
            for printed_column, column in enumerate(mapping):
                source[column] = printed_column
            return {key: list(map(numbers.__getitem__, source)) for key, numbers in printed.items()}

        mappings = list(combinations(range(width), len(columns)))
        best = min(mappings, key=lambda m: (-score(placed(m)), _fit(m, columns, centres)))
        # (every column printed first: a column is dropped only where the equations hold better so)
        ranked.append(((-score(placed(best)), columns is not all_columns), layout_of(columns, best)))
    return min(ranked, key=lambda choice: choice[0])[1], False


def equation_score(eqs: tuple[Equation, ...], values: dict[str, Optional[float]]) -> int:
    """Equations satisfied minus equations broken (those with an unknown cell, absent from
    `values` or None there, are skipped)."""
    score = 0
    value = values.get  # (bound once, not twice an equation; an absent cell is None, as unknown)
    for eq in eqs:
        try:
            left = strict_sum(map(value, eq.left))
            right = strict_sum(map(value, eq.right))
        except TypeError:  # an unknown cell (strict_sum's signal: checking first costs a list an equation)
            continue
        score += 1 if abs(left - right) < 1e-9 else -1
    return score


PlacedScore = Callable[..., int]  # (the placed rows' numbers[, a row]) -> equations held less broken


def placed_scorer(eqs: tuple[Equation, ...], fixed: dict[str, Optional[float]],
                  paths_of: Callable[[str], tuple[str, ...]]) -> PlacedScore:
    """equation_score of `fixed`'s cells with rows placed over them, as a function of the placed
    rows (row key -> its numbers, by column; `paths_of(key)` their cells). For each shape of
    the rows placed (their keys and lengths) the equations through none of their cells are
    scored once, those through a cell that has no number never (equation_score skips them),
    and the others' sides are summed from the rows' numbers, in the equations' order.
    Given a placed row (`row`), only the equations through its cells are scored: among ways of
    placing that row alone, the others score alike."""
    shapes: dict[tuple, tuple[int, tuple[Optional[float], ...], list[tuple[Callable, Callable]],
                              list[Equation]]] = {}
    through: dict[tuple, list[tuple[Callable, Callable]]] = {}  # (shape, row) -> the sides through its cells

    def compiled(placed: dict[str, list[Optional[float]]]):
        at: dict[str, int] = {}  # a cell -> its index in the rows' numbers, then the fixed cells summed
        size = 0
        for key, numbers in placed.items():
            at.update(zip(paths_of(key), range(size, size + len(numbers))))
            size += len(numbers)
        beside, summed = [], []
        for eq in eqs:
            if at.keys().isdisjoint(eq.cells):
                beside.append(eq)
            elif all(p in at or fixed.get(p) is not None for p in eq.cells):
                summed.append(eq)
        consts = list(dict.fromkeys(p for eq in summed for p in eq.cells if p not in at))
        at.update(zip(consts, range(size, size + len(consts))))
        sides = [tuple(_getter([at[p] for p in side]) for side in (eq.left, eq.right)) for eq in summed]
        return equation_score(tuple(beside), fixed), tuple(map(fixed.__getitem__, consts)), sides, summed

    def score(placed: dict[str, list[Optional[float]]], row: Optional[str] = None) -> int:
        shape = (tuple(placed), tuple(map(len, placed.values())))
        if shape not in shapes:
            shapes[shape] = compiled(placed)
        total, consts, sides, summed = shapes[shape]
        if row is not None:
            if (shape, row) not in through:
                cells = paths_of(row)
                through[shape, row] = [pair for pair, eq in zip(sides, summed) if not eq.cell_set.isdisjoint(cells)]
            total, sides = 0, through[shape, row]
        values = tuple(chain.from_iterable(placed.values())) + consts
        unknown = None in values  # (a number unknown: the equations through it count neither way)
        for left, right in sides:
            lefts, rights = left(values), right(values)
            if unknown and (None in lefts or None in rights):
                continue
            total += 1 if abs(sum(lefts) - sum(rights)) < 1e-9 else -1
        return total
    return score


def _getter(indices: list[int]) -> Callable[[tuple], tuple]:
    """What reads the items at `indices` of a tuple, as a tuple, in that order."""
    if len(indices) == 1:
        return lambda values: (values[indices[0]],)
    return itemgetter(*indices) if indices else (lambda values: ())


def reading_scores(eqs, values: dict[str, Optional[float]], paths: list[str],
                   readings: list[list[float]]) -> list[int]:
    """equation_score of each reading of one row (its values for `paths`, none unknown) put into
    `values`: the other cells are summed once, each reading only adds its own."""
    at = {p: i for i, p in enumerate(paths)}
    compiled = []
    for eq in eqs:
        sides = []
        for side in (eq.left, eq.right):
            outside = [values.get(p) for p in side if p not in at]
            if not known(outside):
                break  # an unknown cell outside the row: the equation never counts
            sides.append((sum(outside), [at[p] for p in side if p in at]))
        else:
            compiled.append(sides)
    scores = []
    for r in readings:  # (the same sums, added in the same order, as a generator per side)
        take = r.__getitem__
        score = 0
        for (left, left_at), (right, right_at) in compiled:
            score += 1 if abs(left + sum(map(take, left_at)) - right - sum(map(take, right_at))) < 1e-9 else -1
        scores.append(score)
    return scores


def token_number(token: Optional[Token]) -> Optional[Number]:
    if token is None:
        return None
    if token.kind == NUM:
        return token.value
    return 0 if token.kind in (EMPTY, NA) else None
