"""Two steps of pdfplumber's table reading with the same results and less work.

- ``intersections_to_cells``: pdfplumber tests, for every pair of ruling-line crossings, whether
  an edge joins them by building both crossings' edge sets anew each time, and finds the
  crossings below and right of each one by scanning all later crossings. Here each crossing's
  edge sets are built once and the crossings are grouped by column and row, in the same order.
- ``cell_text``: what ``" ".join(extract_text(chars).split())`` gives for a table cell's
  characters with pdfplumber's default settings — the same grouping into lines and words, in the
  same order — without the per-call set-up (a word extractor, a text map of every character).

``install()`` puts the first into pdfplumber (only the release it was checked against).
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import groupby
from operator import itemgetter

import pdfplumber
import pdfplumber.table
from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.geometry import obj_to_bbox
from pdfplumber.utils.text import LIGATURES

TESTED_PDFPLUMBER = "0.11.10"


def is_supported() -> bool:
    return pdfplumber.__version__ == TESTED_PDFPLUMBER


def install() -> None:
    if is_supported():
        pdfplumber.table.intersections_to_cells = intersections_to_cells


_ORIGINAL_INTERSECTIONS_TO_CELLS = pdfplumber.table.intersections_to_cells


def intersections_to_cells(intersections: dict) -> list[tuple]:
    """pdfplumber.table.intersections_to_cells, the same cells in the same order."""
    points = sorted(intersections.keys())
    if any(math.isnan(x) or math.isnan(y) for x, y in points):  # NaN != NaN: pdfplumber's scan
        return _ORIGINAL_INTERSECTIONS_TO_CELLS(intersections)
    edges = {point: (set(map(obj_to_bbox, found["v"])), set(map(obj_to_bbox, found["h"])))
             for point, found in intersections.items()}

    def edge_connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not edges[p1][0].isdisjoint(edges[p2][0]):
            return True
        return p1[1] == p2[1] and not edges[p1][1].isdisjoint(edges[p2][1])

    # The crossings after each one in the same column (below) and row (right), in sorted order.
    columns, rows = defaultdict(list), defaultdict(list)
    for point in points:
        columns[point[0]].append(point)
        rows[point[1]].append(point)
    in_column = {point: (line, i) for line in columns.values() for i, point in enumerate(line)}
    in_row = {point: (line, i) for line in rows.values() for i, point in enumerate(line)}
    cells = []
    for pt in points:
        column, i = in_column[pt]
        row, j = in_row[pt]
        cell = _smallest_cell(pt, column[i + 1:], row[j + 1:], intersections, edge_connects)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(pt, below, right, intersections, edge_connects):
    for below_pt in below:
        if not edge_connects(pt, below_pt):
            continue
        for right_pt in right:
            if not edge_connects(pt, right_pt):
                continue
            bottom_right = (right_pt[0], below_pt[1])
            if bottom_right in intersections and edge_connects(bottom_right, right_pt) \
                    and edge_connects(bottom_right, below_pt):
                return (pt[0], pt[1], bottom_right[0], bottom_right[1])
    return None


TOLERANCE = 3  # pdfplumber's default x and y tolerance, in points
_TOP, _X0, _FIRST = itemgetter("top"), itemgetter("x0"), itemgetter(0)


def _by_x0(char):  # pdfplumber's character order in an upright line ("ltr")
    return (char["x0"], char["x0"])


def _by_top(char):  # ... and in a rotated one ("ttb")
    return (char["top"], char["bottom"])


def cell_text(chars: list[dict]) -> str:
    """``" ".join(extract_text(chars).split())`` with pdfplumber's defaults (extract_text: the
    characters grouped by uprightness, each group into lines, each line sorted and cut into
    words; then the words grouped into lines by their tops)."""
    if not chars:
        return ""
    words: list[tuple] = []  # (top, text) of each word, in pdfplumber's order
    for upright, run in groupby(chars, key=itemgetter("upright")):
        run = list(run)
        if upright:
            for line in _clusters(run, _TOP):
                _words(sorted(line, key=_by_x0), "x0", "x1", "top", words)
        else:
            for line in _clusters(run, _X0):
                _words(sorted(line, key=_by_top), "top", "bottom", "x0", words)
    if not words:  # nothing but spaces
        return ""
    lines = _clusters(words, _FIRST)
    return " ".join(" ".join(" ".join(word[1] for word in line) for line in lines).split())


def _clusters(items: list, key) -> list[list]:
    """pdfplumber's cluster_objects(items, key, 3); at once when every key is the same."""
    first = key(items[0])
    if all(key(item) == first for item in items):  # also False for a NaN
        return [items]
    return cluster_objects(items, key, TOLERANCE)


def _words(line: list[dict], start: str, end: str, across: str, words: list[tuple]) -> None:
    """pdfplumber's WordExtractor.iter_chars_to_words + merge_chars (top and text of each word):
    a space ends a word; an empty character is a word of its own; a character that starts
    before the last one, or more than 3 points after its end, or more than 3 points off its
    line, starts a new word."""
    current: list[dict] = []
    for char in line:
        text = char["text"]
        if text.isspace():
            if current:
                words.append(_word(current))
            current = []
        elif text == "":  # `"" in ""`: pdfplumber's split_at_punctuation takes it alone
            if current:
                words.append(_word(current))
            words.append(_word([char]))
            current = []
        elif current and (char[start] < current[-1][start]
                          or char[start] > current[-1][end] + TOLERANCE
                          or abs(char[across] - current[-1][across]) > TOLERANCE):
            words.append(_word(current))
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(_word(current))


def _word(chars: list[dict]) -> tuple:
    return (min([c["top"] for c in chars]),
            "".join(LIGATURES.get(c["text"], c["text"] or "") for c in chars))
