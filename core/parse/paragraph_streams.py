"""Paragraph streams (mammoth's raw text): every paragraph, so every cell, is followed by an empty
line, and an empty cell leaves two more. The empty lines between two printed cells count the blank
cells between them. A row is completed from its gaps only when every gap has that shape and the
count comes out at exactly the template's width. (The other streams converters flatten tables
into: stream.py.)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import product
from typing import Optional

from core.model import known
from core.parse.cell_lines import alone_on_line, header_separator, next_printed, separator_lines, with_learned_gaps
from core.parse.columns import token_number
from core.parse.lost import empty_line, only_zeros, with_blank_lines
from core.parse.subtotal_rows import cells_add_up_as_eight
from core.parse.tokens import EMPTY, TEXT, Token, normalise
from core.readers.document import Line
from core.template import Table


def _blanks_in_gap(lines: list[Line], after: int, before: int) -> Optional[list[Token]]:
    """Blank cells between printed line `after` and printed line `before`: each paragraph ends
    with one empty line, each empty cell adds two. None if the gap has another shape."""
    gap = range(after + 1, before)
    for i in gap:  # (a loop, not all() over a generator: asked of every gap of every short row)
        if not empty_line(lines[i]):
            return None
    if len(gap) % 2 == 0:
        return None
    return [Token(EMPTY, "", lines[i].cells[0].start if lines[i].cells else 0,
                  lines[i].cells[0].start if lines[i].cells else 0, i) for i in list(gap)[1::2]]


def _next_printed(lines: list[Line], index: int) -> int:
    index += 1
    while index < len(lines) and empty_line(lines[index]):
        index += 1
    return index


def with_blank_paragraphs(lines: list[Line], label_line: int, values: list[Token], width: int,
                          fewer: bool = False) -> Optional[list[Token]]:
    """A row's values with the blank cells its paragraph gaps stand for; None unless that gives
    exactly `width` cells. `label_line` is the last line of the row's label (or header).
    `fewer`: the row may print fewer cells than `width` (a row of 6, TEMPLATE.md), the next
    printed line saying where it ends: asked only of a table whose rows proved the shape."""
    if len(values) >= width or fewer and not values:
        return None
    # the label and each cell take two lines, a paragraph and the empty line after it (a blank
    # cell two empty lines): the row's width says where the next printed line is, and each gap
    # between printed lines is an odd count of lines (the line numbers tell first)
    end = label_line + 2 * width + 2
    if fewer:
        end = _next_printed(lines, values[-1].line)
        if not values[-1].line < end < label_line + 2 * width + 2:
            return None
    printed = [label_line] + [t.line for t in values] + [end]
    if any(b - a < 2 or (b - a) % 2 for a, b in zip(printed, printed[1:])):
        return None  # (two values on one line among them: not one cell per paragraph)
    if end > len(lines) or end < len(lines) and empty_line(lines[end]):
        return None
    for t in values:  # (a loop, not all() over a generator)
        if not alone_on_line(lines[t.line], t):
            return None
    out: list[Token] = []
    for n, (after, before) in enumerate(zip(printed, printed[1:])):
        blanks = _blanks_in_gap(lines, after, before)
        if blanks is None:
            return None
        out.extend(blanks)
        if n < len(values):
            out.append(values[n])
    return out  # (`width` cells: the lines up to `end` hold them)


_SPACES = re.compile(r"\s+")
_LONE_NUMBER = re.compile(r"[+\-－]?[\d,.]+")  # (a label such as "2\.重复申请" starts with a digit too)


def _every_other_line(label_line: int, values: list[Token]) -> bool:
    """Whether a row's values print on every other line from its label's: the part of
    _paragraph_run read from line numbers alone."""
    if not values or values[0].line - label_line != 2:
        return False  # (the cheapest test first: most tables print no row so)
    line = values[0].line
    for value in values:  # (a loop, not all() over a generator)
        if value.line != line:
            return False
        line += 2
    return True


def _paragraph_run(lines: list[Line], label_line: int, values: list[Token]) -> bool:
    """Whether a row's values follow its label one a paragraph, each gap a single empty line
    (no blank cell marked), up to a line of text: a stream that drops blank cells (mammoth's
    Markdown) but keeps the printed ones in their columns' order."""
    if not _every_other_line(label_line, values):
        return False
    printed = [label_line] + [t.line for t in values]
    for t in values:  # (loops, not all() over generators: asked of every row of a short table)
        if not alone_on_line(lines[t.line], t):
            return False
    after = _next_printed(lines, printed[-1])
    if after >= len(lines) or any(_LONE_NUMBER.fullmatch(c.text.strip()) for c in lines[after].cells):
        return False
    printed.append(after)
    for a, b in zip(printed, printed[1:]):
        if b - a != 2 or not empty_line(lines[a + 1]):
            return False
    return True


_COLUMN_NAMES: dict[int, tuple[Table, frozenset[str]]] = {}


def _column_names(table: Table) -> frozenset[str]:
    """The table's column names as tokens print them (normalised, no spaces), once per table."""
    known = _COLUMN_NAMES.get(id(table))
    if known is None or known[0] is not table:
        known = _COLUMN_NAMES[id(table)] = (table, frozenset(_SPACES.sub("", normalise(c.label))
                                                            for row in table.rows for c in row.columns))
    return known[1]


def _names_after(table: Table, tokens: list[Token], labels: list[tuple[int, str]], key: str) -> bool:
    """Whether a name of a 表二 row's columns that its block's header (the text since the last
    第二十条 heading) did not print prints after its label, before the next block's heading."""
    names = {_SPACES.sub("", normalise(c.label)) for c in table.row(key).columns}
    start = next(index for index, k in labels if k == key)
    for token in reversed(tokens[:start]):
        if token.kind == TEXT:
            if token.text.startswith("第二十条"):
                break
            names.discard(_SPACES.sub("", token.text))
    for token in tokens[start + 1:]:
        if token.kind != TEXT:
            continue
        if token.text.startswith("第二十条"):
            return False
        if _SPACES.sub("", token.text) in names:
            return True
    return False


def _may_complete(lines: list[Line], label_line: int, values: list[Token], width: int) -> bool:
    """Whether a short row may be completed from its gaps, as every reading of fill_paragraph_gaps
    asks first: its values each on a line of its own holding one cell, no grid (alone_on_line asks
    more; lost.with_blank_lines asks this), or, printing none, an empty line for each of its
    `width` cells at least after its label's first line (`label_line`): with_learned_gaps asks so,
    and with_blank_paragraphs two a cell."""
    if not values:
        return next_printed(lines, label_line) - label_line - 1 >= width
    seen = set()
    for t in values:  # (a loop, not all() over a generator)
        line = lines[t.line]
        if t.line in seen or len(line.cells) != 1 or line.grid:
            return False
        seen.add(t.line)
    return True


def fill_paragraph_gaps(table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                        values_of: dict[str, list[Token]], lines: list[Line], widths: dict[str, int],
                        pages: tuple[int, ...] = ()) -> set[str]:
    """Rows printing fewer values than the template's columns (`widths`: each row's, by key),
    completed from their gaps; returns the rows still short whose values came one a paragraph with
    no gap marking a blank cell. `pages`: the lines beginning the text's pages (pdftotext's form
    feeds): a row whose lines run over a page break is not completed, the empty lines there being
    the page's (its end, its number and repeated header dropped), no blank cells."""
    if not any(values_of.get(key) is not None and len(values_of[key]) < widths[key] for _, key in labels):
        return set()  # no row to complete (the common case), so none still short either
    if not any(_may_complete(lines, tokens[index].line, values_of[key], widths[key]) for index, key in labels
               if values_of.get(key) is not None and len(values_of[key]) < widths[key]):
        # no reading below can complete a row of this table (one laid out line by line), nor does
        # it read as a paragraph stream, a row one of whose values shares its line being no
        # paragraph run: no gap is looked at
        return set()
    bounds = [i for i, _ in labels] + [len(tokens)]
    headers = _column_names(table)
    label_lines = {}
    after_header = set()  # rows whose values print after a column's name, not after their label
    for n, (index, key) in enumerate(labels):
        span, values = tokens[index:bounds[n + 1]], values_of.get(key)
        if not span or values is None:
            continue
        if not values:
            label_lines[key] = span[0].line
            continue
        try:
            at = span.index(values[0])
        except ValueError:
            continue  # (values found beyond the row's label span)
        before = [t for t in span[:at] if t.kind == TEXT and t.text != "?"]
        label_lines[key] = max(t.line for t in before)  # ("?": a blank cell in GBK, see cell_lines.py)
        if any(_SPACES.sub("", t.text) in headers for t in before[1:]):
            after_header.add(key)
    # (a reading-order stream, plain pdftotext, prints a column's name between a row's label and its
    # values: the empty lines there lie between no two cells of the row, so they teach nothing)
    # (the rows as read here, before any is completed; learned only once a short row needs it)
    full_rows = [(label_lines[k], values_of[k], widths[k]) for k in label_lines if k not in after_header]
    if table.section == "section2":
        # a 表二 row one of whose columns' names prints after its label, not above it, in its block
        # (before the next 第二十条 heading): plain pdftotext prints that column apart, its name then its values
        # after the block's rows (pdfblocks.py), so the empty lines after the row's value are the
        # text blocks' breaks, not its blank cells (a header of headings, one a line, teaches 0)
        label_lines = {k: line for k, line in label_lines.items() if not _names_after(table, tokens, labels, k)}
    learned: list[Optional[int]] = []

    def separator() -> Optional[int]:
        if not learned:
            found = separator_lines(full_rows, lines)
            if found is None and labels:  # no full row: the header's names, one a line, tell
                found = header_separator([t.line for t in tokens[:labels[0][0]] if t.kind == TEXT and t.text != "?"],
                                         lines)
            learned.append(found)
        return learned[0]
    zeros_fill = table.section == "section3"  # (表三's short rows of zeros are 0 throughout: parser.py)
    # (a row completed with a blank cell between two values proves the paragraph shape, an empty
    # cell two lines: under lynx's, one a line, its gaps would make it wider than its columns)
    proven = False
    unfilled: list[tuple[str, int, list[Token], int]] = []
    for index, key in labels:
        values = values_of.get(key)
        width = widths[key]
        if values is None or len(values) >= width or key not in label_lines:
            continue  # (no label line: two rows matched in one run of text)
        label_line = label_lines[key]
        if pages and _page_break_within(pages, label_line, _next_printed(lines, values[-1].line if values else label_line)):
            # (pq3304 r0040: 「3.其他」 the last line of a page, its values printed elsewhere by
            # the reading order; the page's end and the next page's dropped header left 8 empty
            # lines, read as 7 blank cells: the row stored as 0s, unflagged)
            continue
        completed = with_blank_paragraphs(lines, label_line, values, width)
        if completed is not None:
            if values and not proven:
                proven = any(t.kind == EMPTY for t in completed[:completed.index(values[-1])])
            values_of[key] = completed
        else:
            unfilled.append((key, label_line, values, width))
    for key, label_line, values, width in unfilled:
        if proven and zeros_fill:
            # a row ending before its columns do in a table of that shape printed fewer cells (a
            # row of 6): its blank cells are told, the sums place its cells (parser.py), not the
            # one-line-a-blank shape of another converter that happens to fill the row
            completed = with_blank_paragraphs(lines, label_line, values, width, fewer=True)
            if completed is not None:
                values_of[key] = completed
                continue
        completed = None
        if not (zeros_fill and only_zeros(values)):
            # (empty lines as blank cells, one a line or as other rows taught, are a guess that
            # a reading-order stream can fool: a 表三 row printing only zeros and placeholders
            # is left short, 0 in every column whichever cells it printed, and flagged so)
            completed = with_blank_lines(lines, label_line, values, width)
            if completed is None and zeros_fill:
                completed = _row_of_eight(lines, label_line, values, width)
            if completed is None:
                completed = with_learned_gaps(lines, label_line, values, width, separator)
        if completed is not None:
            values_of[key] = completed
    short = {key for key in label_lines if values_of.get(key) and len(values_of[key]) < widths[key]}
    if not short:
        return short  # (every row completed: none to ask how the table prints)
    # only a table whose every row reads so: a reading-order stream (pdftotext) can print a short
    # row so too, its other values printed elsewhere
    printing = [(label_lines[key], values_of[key]) for key in label_lines if values_of.get(key)]
    # (a reading-order stream prints most rows on every other line too, so the line numbers of
    # every row are read before the lines of any)
    if not all(_every_other_line(*row) for row in printing) or not all(_paragraph_run(lines, *row) for row in printing):
        return set()
    return short


def _row_of_eight(lines: list[Line], label_line: int, values: list[Token], width: int) -> Optional[list[Token]]:
    """A 表三 row whose gaps, read as either shape reads them (a cell a line, LibreOffice's text;
    a cell a paragraph, mammoth's), make a cell more than its columns, adding up as a row of 8 (a
    法人或其他组织 subtotal after 自然人, TEMPLATE.md): its 8 cells, which the parser reads without
    the subtotal. q4402 r0043 「48 / 8 / 8 / four blank cells / 56」: read to the template's width
    (two empty lines a blank cell under LibreOffice's shape), 8 sat under 科研机构. None otherwise."""
    # (first from the values alone: a row of 8 sums to twice its 总计 and its subtotal, other than 0,
    # printed first or second; most rows that no gaps complete are no such row, their gaps not read)
    numbers = [token_number(t) for t in values]
    if len(numbers) < 2 or not known(numbers):
        return None
    subtotal = sum(numbers) - 2 * numbers[-1]
    if not subtotal or subtotal not in numbers[:2]:
        return None
    for shape in (with_blank_paragraphs, with_blank_lines):
        cells = shape(lines, label_line, values, width + 1)
        if cells is not None and cells_add_up_as_eight(cells):
            return cells
    return None


def t4_paragraph_groups(tokens: list[Token], values: list[Token], width: int, lines: list[Line],
                        group: int = 5) -> Optional[list[Optional[Token]]]:
    """表四's row from a paragraph stream that drops blank cells (see _paragraph_run), placed by
    its groups: a group printing a count other than 0 prints its 总计, last. The cuts between
    groups that break fewest group sums, if one reading is best; inside a group the results
    stand first (which of them are blank the stream does not say: the caller flags the table).
    None when the stream is not such or the sums do not choose."""
    if not values or len(values) >= width or width % group:
        return None
    header = [t.line for t in tokens if t.kind == TEXT and t.text != "?" and t.start < values[0].start]
    if not header or not _paragraph_run(lines, max(header), values):
        return None
    numbers = [token_number(t) or 0 for t in values]
    groups, size = width // group, len(values)
    scored: dict[tuple, tuple[int, list[Optional[Token]]]] = {}  # a placement: (sums broken, placement)
    for cuts in product(range(size + 1), repeat=groups - 1):
        bounds = (0,) + cuts + (size,)
        if any(b < a or b - a > group for a, b in zip(bounds, bounds[1:])):
            continue
        placed: list[Optional[Token]] = []
        broken = 0
        for a, b in zip(bounds, bounds[1:]):
            parts = values[a:b - 1] if b > a else []
            placed += parts + [None] * (group - 1 - len(parts)) + ([values[b - 1]] if b > a else [None])
            if b > a:
                broken += sum(numbers[a:b - 1]) != numbers[b - 1]
        key = tuple(None if t is None else id(t) for t in placed)
        scored[key] = broken, placed
    if not scored:
        return None
    best = min(broken for broken, _ in scored.values())
    chosen = [placed for broken, placed in scored.values() if broken == best]
    return chosen[0] if len(chosen) == 1 else None


def t4_with_blank_paragraphs(tokens: list[Token], values: list[Token], width: int, lines: list[Line],
                             pages: tuple[int, ...] = ()) -> list[Token]:
    """表四's one row of values completed from its gaps (see fill_paragraph_gaps); as given if
    the gaps do not say. `pages`: the lines beginning the text's pages (pdftotext's form feeds)."""
    if not tokens or len(values) >= width:
        return values
    header = [t.line for t in tokens if t.kind == TEXT and t.text != "?" and (not values or t.start < values[0].start)]
    if not header:
        return values
    if pages and values and _page_break_within(pages, max(header), _next_printed(lines, values[-1].line)):
        # a form feed ends a line of its own: the empty line it leaves before the page's first line
        # is no blank cell's (r0046 pq1713: 14 zeros under the header, the first on a new page, read
        # as a blank 结果维持 and the 14 zeros, unflagged; its 15th 0 printed after the page's end)
        return values
    completed = with_blank_paragraphs(lines, max(header), values, width)
    if completed is None and values:
        header_lines = [t.line for t in tokens if t.kind == TEXT and t.line <= max(header)]
        completed = with_learned_gaps(lines, max(header), values, width, lambda: header_separator(header_lines, lines),
                                      _t4_adding_up)
    return completed or values


def _t4_adding_up(rows: list[list[Token]]) -> Optional[list[Token]]:
    """Of 表四's rows as each count of empty lines a blank cell leaves places its values, the one
    whose every group adds up (its four results to its 总计, a blank cell 0); None unless one
    alone does. The header's names, one a line, teach the lines between two cells but not what
    a blank cell leaves: lynx's one empty line or mammoth's two (s4201 r0030, mammoth's raw text
    whose table ends with four more empty lines than its blank cells leave: 「11 2 _ 2 15」 read
    as 11 2 2 _ 15, flagged)."""
    adding_up = [row for row in rows if len(row) % 5 == 0 and all(
        sum(token_number(t) or 0 for t in row[at:at + 4]) == (token_number(row[at + 4]) or 0)
        for at in range(0, len(row), 5))]
    return adding_up[0] if len(adding_up) == 1 else None


def _page_break_within(pages: tuple[int, ...], first: int, last: int) -> bool:
    """Whether a page begins on a line after `first` up to `last`."""
    at = bisect_right(pages, first)
    return at < len(pages) and pages[at] <= last
