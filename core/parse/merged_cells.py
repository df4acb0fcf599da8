"""Cells of 表三 and 表四 merged in the file's own grid (HTML's colspan / rowspan, Word's
w:gridSpan / w:vMerge: the reader's MergedLine) over several of the template's value cells.

The template gives 表三 and 表四 one cell for each column of each row (TEMPLATE.md): no value cell
of theirs is merged. A report that merges them does so to print one 0 (or one blank, or one
placeholder) for all the cells it covers: a row of 0s one cell across, 科研机构 … 法律服务机构 one
cell beside counts, a block of rows of 0s merged down and across, 表四's ten 行政诉讼 cells. The
file holds such a cell once, in the row and column it starts in: read so, its row printed one
value where it has seven, every such row flagged though read right. Each cell it covers holds its
0 (its blank, its placeholder): the merged cell is spread over them, a copy for each (the same
text and offsets, so the source pane shows the merged cell).

表二's template merges its own value cells (本年处理决定数量 over three header columns: one value):
its merges are left as the file holds them. A merged count other than 0 over several value cells
(or down several rows) says one number for cells the template counts apart: which cell holds it,
or whether it is their sum, the file does not say. It is left as printed and flagged.
"""
from __future__ import annotations

import re
from copy import copy
from typing import Optional

from core.model import CHECK_WITH_SOURCE, Flag
from core.readers.document import Cell, Document, Line, Merge, MergedLine
from core.parse.tokens import is_placeholder, normalise

# formats whose readers make MergedLines (the file's own table grid holds merged cells)
MERGING_FORMATS = frozenset(("html", "mht", "docx", "doc", "wps", "rtf", "odt"))

_MERGED_COUNT = ("{0}有一个合并单元格（{1}）印为「{2}」：模板中这几格各有数值，它是哪一格的数值、"
                 "或是几格之和，无法确定，" + CHECK_WITH_SOURCE)


def _numeric(text: str) -> bool:
    return text.replace(",", "").isdigit()


# a cell's text a value (a count with or without its unit, a placeholder, a blank, 「###」): the
# cells of a row after the last one that is not are its values
_VALUE = re.compile(r"\s*(?:[0-9０-９][0-9０-９,，.]*\s*(?:件|个|项)?|[-—－/／\\–]+|无|空|[#＃]+)?\s*")
# the values a row of 表三 and one of 表四 print (表四 one row of its three groups, or a row a group)
_WIDTHS = {3: (7,), 4: (15, 5)}


def spread_merged_cells(doc: Document, regions: dict[int, Optional[tuple[int, int]]]
                        ) -> tuple[Document, list[Flag]]:
    """The document with 表三's and 表四's merged 0s, blanks and placeholders spread over the cells
    they cover (the lines in `regions` 3 and 4 made anew, the same number of them), and a flag
    for each merged count other than 0 there.

    A merge covers grid columns, not surely the template's: a converter's grid may hold a column
    more than the table's (LibreOffice's web page of a Word table: a sliver column, 表四's 总计 a cell
    over two grid columns). A row's merges are spread only where its values then number the
    template's, its values as printed falling short by just what they add (no merge spread
    otherwise); a merged count is flagged only in a row printing too few values, as many too few as
    the merges cover."""
    lines: Optional[list[Line]] = None
    flags: list[Flag] = []
    for section in (3, 4):
        span = regions.get(section)
        if span is None:
            continue
        first, last = span
        values_from = None  # the first line printing a number: rows above it are the header's
        flagged: set[int] = set()
        for index in range(first, min(last, len(doc.lines))):
            line = doc.lines[index]
            if values_from is None and line.grid and any(_numeric(normalise(c.text.strip())) for c in line.cells):
                values_from = index
            if type(line) is not MergedLine:
                continue
            cells = line.cells
            label_end = max((i + 1 for i, c in enumerate(cells) if not _VALUE.fullmatch(c.text)), default=0)
            spreading: list[Merge] = []
            counts: list[Merge] = []
            for merge in line.merges:
                if (merge.own and merge.columns < 2) or merge.at < label_end \
                        or not any(c.text.strip() for c in cells[:merge.at]):
                    continue  # (a header's corner, a group label's column: not among a row's values)
                text = normalise(merge.cell.text.strip())
                if text == "0" or is_placeholder(text) or (not text and values_from is not None):
                    spreading.append(merge)
                elif _numeric(text):
                    counts.append(merge)
            printed = len(cells) - label_end + sum(m.columns for m in line.merges if not m.own and m.at >= label_end
                                                   and m not in spreading)
            added = sum(m.columns - m.own for m in spreading)
            if spreading and printed + added in _WIDTHS[section]:
                spread = list(cells)
                # (right to left, a row's own merged cell before what stands before it: the indices hold)
                for merge in sorted(spreading, key=lambda m: (m.at, m.own), reverse=True):
                    copies = [Cell(merge.cell.text, merge.cell.start, merge.cell.end) for _ in range(merge.columns)]
                    spread[merge.at:merge.at + merge.own] = copies
                if lines is None:
                    lines = list(doc.lines)
                lines[index] = Line(spread, line.grid)
            if printed < _WIDTHS[section][0] \
                    and printed + added + sum(m.columns - m.own for m in counts) in _WIDTHS[section]:
                for merge in counts:
                    if id(merge.cell) in flagged:
                        continue
                    flagged.add(id(merge.cell))
                    where = f"横跨{merge.columns}列" if merge.own else "与上一行合并"
                    label = next((c.text.strip() for c in cells[:label_end] if c.text.strip()), "")
                    table = f"表三「{label}」行" if section == 3 and label else ("表三" if section == 3 else "表四")
                    flags.append(Flag(f"section{section}", "parse",
                                      _MERGED_COUNT.format(table, where, merge.cell.text.strip())))
    if lines is None:
        return doc, flags
    spread_doc = copy(doc)
    spread_doc.lines = lines
    return spread_doc, flags
