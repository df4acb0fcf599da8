"""Cells of 表二, 表三 and 表四 merged in the file's own grid (HTML's colspan / rowspan, Word's
w:gridSpan / w:vMerge: the reader's MergedLine) over several of the template's value cells.

The template gives 表三 and 表四 one cell for each column of each row (TEMPLATE.md): no value cell
of theirs is merged. A report that merges them does so to print one 0 (or one blank, or one
placeholder) for all the cells it covers: a row of 0s one cell across, 科研机构 … 法律服务机构 one
cell beside counts, a block of rows of 0s merged down and across, 表四's ten 行政诉讼 cells. The
file holds such a cell once, in the row and column it starts in: read so, its row printed one
value where it has seven, every such row flagged though read right. Each cell it covers holds its
0 (its blank, its placeholder): the merged cell is spread over them, a copy for each (the same
text and offsets, so the source pane shows the merged cell).

表二's template merges its own value cells (本年处理决定数量 over the three columns of 本年制发件数 …
现行有效件数: one value): a row's merge is spread over the template's cells of that row only, by
what the row prints (TEMPLATE.md): 规章's and 规范性文件's three cells each a grid column, one 0
over them three 0s; 行政许可's one value over the three columns one cell however wide, a 0 merged
down from 行政处罚 to 行政强制 a 0 in each. A row whose grid columns are neither its cells nor one
(the 2019 trial's 收费, two values under three columns) is left as the file holds it.

A merged count other than 0 over several value cells (or down several rows) says one number for
cells the template counts apart: which cell holds it, or whether it is their sum, the file does
not say. It is left as printed and flagged.
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


def _label_end(cells: list[Cell]) -> int:
    """Where a row's values begin: after its last cell that is not a value."""
    return max((i + 1 for i, c in enumerate(cells) if not _VALUE.fullmatch(c.text)), default=0)


def _spreads(text: str, values_from: Optional[int]) -> bool:
    """Whether a merged cell printing `text` (normalised) holds that for every cell it covers: a 0,
    a placeholder, or a blank below the header (rows above the first printing a number are its)."""
    return text == "0" or is_placeholder(text) or (not text and values_from is not None)


def _copies(merge: Merge, count: int) -> list[Cell]:
    """The merged cell, `count` times (its text and offsets: the source pane shows the merged cell)."""
    return [Cell(merge.cell.text, merge.cell.start, merge.cell.end) for _ in range(count)]


def _merged_count(table: str, merge: Merge, section: str) -> Flag:
    """The flag of a merged count other than 0 over several of the template's cells."""
    where = f"横跨{merge.columns}列" if merge.own else "与上一行合并"
    return Flag(section, "parse", _MERGED_COUNT.format(table, where, merge.cell.text.strip()))


# a cell's text a value (a count with or without its unit, a placeholder, a blank, 「###」): the
# cells of a row after the last one that is not are its values
_VALUE = re.compile(r"\s*(?:[0-9０-９][0-9０-９,，.]*\s*(?:件|个|项)?|[-—－/／\\–]+|无|空|[#＃]+)?\s*")
# the values a row of 表三 and one of 表四 print (表四 one row of its three groups, or a row a group)
_WIDTHS = {3: (7,), 4: (15, 5)}
# the values each row of 表二 prints (TEMPLATE.md), by a word of its label: 2021's, and the 2019
# trial's (its header prints 上一年项目数量 or 本年新制作数量)
_T2_WIDTHS = {"2021": (("规章", 3), ("规范性文件", 3), ("行政许可", 1), ("行政处罚", 1), ("行政强制", 1), ("收费", 1)),
              "2019": (("规章", 3), ("规范性文件", 3), ("行政许可", 3), ("其他对外管理服务", 3), ("行政处罚", 3),
                       ("行政强制", 3), ("收费", 2), ("采购", 2))}
_T2_OF_2019 = ("上一年项目数量", "本年新制作数量", "对外公开总数量")


def spread_merged_cells(doc: Document, regions: dict[int, Optional[tuple[int, int]]]
                        ) -> tuple[Document, list[Flag]]:
    """The document with 表二's, 表三's and 表四's merged 0s, blanks and placeholders spread over the
    cells they cover (the lines in `regions` 2, 3 and 4 made anew, the same number of them; 表二's
    by _spread_t2), and a flag for each merged count other than 0 there.

    A merge covers grid columns, not surely the template's: a converter's grid may hold a column
    more than the table's (LibreOffice's web page of a Word table: a sliver column, 表四's 总计 a cell
    over two grid columns). A row's merges are spread only where its values then number the
    template's, its values as printed falling short by just what they add (no merge spread
    otherwise); a merged count is flagged only in a row printing too few values, as many too few as
    the merges cover."""
    lines: Optional[list[Line]] = None
    flags: list[Flag] = []
    if (t2_span := regions.get(2)) is not None:
        lines = _spread_t2(doc, t2_span, flags)
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
            label_end = _label_end(cells)
            spreading: list[Merge] = []
            counts: list[Merge] = []
            for merge in line.merges:
                if (merge.own and merge.columns < 2) or merge.at < label_end \
                        or not any(c.text.strip() for c in cells[:merge.at]):
                    continue  # (a header's corner, a group label's column: not among a row's values)
                text = normalise(merge.cell.text.strip())
                if _spreads(text, values_from):
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
                    spread[merge.at:merge.at + merge.own] = _copies(merge, merge.columns)
                if lines is None:
                    lines = list(doc.lines)
                lines[index] = Line(spread, line.grid)
            if printed < _WIDTHS[section][0] \
                    and printed + added + sum(m.columns - m.own for m in counts) in _WIDTHS[section]:
                for merge in counts:
                    if id(merge.cell) in flagged:
                        continue
                    flagged.add(id(merge.cell))
                    label = next((c.text.strip() for c in cells[:label_end] if c.text.strip()), "")
                    table = f"表三「{label}」行" if section == 3 and label else ("表三" if section == 3 else "表四")
                    flags.append(_merged_count(table, merge, f"section{section}"))
    if lines is None:
        return doc, flags
    spread_doc = copy(doc)
    spread_doc.lines = lines
    return spread_doc, flags


def _spread_t2(doc: Document, span: tuple[int, int], flags: list[Flag]) -> Optional[list[Line]]:
    """表二's rows (lines first … last) with their merged 0s, blanks and placeholders spread over
    the template's cells of the row they cover (None: none spread), and a flag in `flags` for each
    merged count there covering more than one of them."""
    first, last = span
    end = min(last, len(doc.lines))
    if not any(type(doc.lines[i]) is MergedLine for i in range(first, end)):
        return None  # (most tables: no merge at all)
    version = "2019" if any(word in c.text for i in range(first, end) for c in doc.lines[i].cells
                            for word in _T2_OF_2019) else "2021"
    lines: Optional[list[Line]] = None
    values_from = None  # the first line printing a number: rows above it are the header's
    flagged: set[int] = set()
    for index in range(first, end):
        line = doc.lines[index]
        if values_from is None and line.grid and any(_numeric(normalise(c.text.strip()).replace(".", "")) for c in line.cells):
            values_from = index
        if type(line) is not MergedLine:
            continue
        cells = line.cells
        label_end = _label_end(cells)
        label = next((normalise(c.text).replace(" ", "") for c in cells[:label_end] if c.text.strip()), "")
        width = next((w for word, w in _T2_WIDTHS[version] if word in label), 0)
        merges = [m for m in line.merges if m.at >= label_end]
        if not width or not merges:
            continue
        columns = len(cells) - label_end + sum(m.columns - m.own for m in merges)  # the row's grid columns
        if columns == width:
            covers = {id(m): m.columns for m in merges}  # each grid column a cell of the template's
        elif width == 1 and len(merges) == 1 and merges[0].columns == columns and len(cells) - label_end == merges[0].own:
            covers = {id(merges[0]): 1}  # the row's one value, over every column (the template's merge)
        else:
            continue
        spread = list(cells)
        changed = False
        # (right to left, a row's own merged cell before what stands before it: the indices hold)
        for merge in sorted(merges, key=lambda m: (m.at, m.own), reverse=True):
            text = normalise(merge.cell.text.strip())
            if _spreads(text, values_from):
                if covers[id(merge)] != merge.own:
                    spread[merge.at:merge.at + merge.own] = _copies(merge, covers[id(merge)])
                    changed = True
            elif _numeric(text.replace(".", "")) and (covers[id(merge)] > 1 or not merge.own) \
                    and id(merge.cell) not in flagged:
                flagged.add(id(merge.cell))
                flags.append(_merged_count(f"表二「{label}」行", merge, "section2"))
        if changed:
            if lines is None:
                lines = list(doc.lines)
            lines[index] = Line(spread, line.grid)
    return lines
