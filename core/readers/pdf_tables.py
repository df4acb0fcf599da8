"""pdfplumber's search for table cells, the same cells with less work.

pdfplumber tests, for every pair of ruling-line crossings, whether an edge joins them by building
both crossings' edge sets anew each time, and finds the crossings below and right of each one by
scanning all later crossings. Here each crossing's edge sets are built once and the crossings are
grouped by column and row, in the same order. ``install()`` puts it into pdfplumber (only the
release it was checked against).
"""
from __future__ import annotations

import math
from collections import defaultdict

import pdfplumber
import pdfplumber.table
from pdfplumber.utils.geometry import obj_to_bbox

from core.readers import pdf_releases



def is_supported() -> bool:
    return pdf_releases.pdfplumber_checked()


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

