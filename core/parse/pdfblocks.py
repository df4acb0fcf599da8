"""Tables a PDF's reading order (plain pdftotext) prints in blocks, out of their section.

- 表二 (2019) as column blocks after the table (t2_column_blocks, t2_rows_under_headers);
- 表三's tail printed after section 四's heading where the page breaks (t3_spill);
- 表四's cells printed inside 表三, under section 五's heading or at the very end
  (t4_stray_values).

These run on the sections' tokens before the tables are read.

pdftotext emits a table by text blocks. For 表二 of the 2019 template it prints each block's first
column beside the row labels, in section 二, and the other columns afterwards, often past the
heading of section 三: each column's header name (本年新公开数量, 本年增/减, ...) followed by its
values, one per line, top row first. A value printed in a text block of its own (after an empty
line) rather than under its header comes later in the stream, after other headers.

The template fixes which header comes next and how many rows its block has, so when the stream
holds exactly the values those columns need, each header takes the values printed right under
it and the values printed apart fill, in stream order, the columns left short, in template
order. The values are then taken out of section 三's tokens, where they would be read as 表三's.
Where a page ends under 表二, pdftotext may print no value beside any label and every column, its
block's first too, as such a block after the labels, in section 二; where 表二 crosses a page, each
page's labels and then its blocks, the next page's first row under its repeated header row
(_all_column_blocks).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import combinations, product, takewhile
from typing import Callable, Optional

from core.model import Flag, Report
from core.parse.labels import LABEL_MAX, LABEL_NOISE, NUMBERING, find_labels, label_at, label_forms
from core.parse.page_furniture import PAGE_NUMBER
from core.parse.stored_cells import T2_BREAK, store_row
from core.parse.tokens import COUNT_UNITS, EMPTY, NA, NUM, TEXT, Token, normalise, tokenize
from core.readers.document import Line
from core.template import T4, Table

_SPACES = re.compile(r"\s+")
_DOCS_2021 = ("issued", "repealed", "in_force")  # 2021 第（一）项's columns


def _count_unit(text: str) -> bool:
    """A count's unit alone (项, 件, 个 …), as a word printed apart from its number."""
    return len(text) == 1 and text in COUNT_UNITS


def _column_name(label: str) -> str:
    """A template column name as a text token reads it: normalised like every token's text
    (full-width brackets and colons as ASCII: 本年收费金额(单位:万元)), without spaces."""
    return _SPACES.sub("", normalise(label))


_COLUMN_NAMES: dict[int, tuple[Table, frozenset[str]]] = {}


def _column_names(table: Table) -> frozenset[str]:
    """The _column_name of every column of the table, worked out once per table."""
    known = _COLUMN_NAMES.get(id(table))
    if known is None or known[0] is not table:
        known = _COLUMN_NAMES[id(table)] = (table, frozenset(_column_name(c.label) for row in table.rows
                                                            for c in row.columns))
    return known[1]


@lru_cache(maxsize=8)
def later_columns(table: Table) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(column key, header label, row keys) of each block's columns after its first, in order
    (worked out once a table: every report asks twice)."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    seen: list[str] = []
    for row in table.rows:
        if row.block in seen:
            continue
        seen.append(row.block)
        rows = [r for r in table.rows if r.block == row.block]
        for column in row.columns[1:]:
            out.append((column.key, column.label, tuple(r.key for r in rows if len(r.columns) == len(row.columns))))
    return tuple(out)


def _first_values(table: Table, tokens: list[Token]) -> Optional[dict[str, Token]]:
    """The one value each row of 表二 printed beside its label; None unless every row with
    several columns printed exactly one (its first column: the others print elsewhere)."""

    labels = find_labels(table, tokens)
    if len(labels) != len(table.rows):
        return None
    bounds = [i for i, _ in labels] + [len(tokens)]
    out: dict[str, Token] = {}
    for n, (index, key) in enumerate(labels):
        values: list[Token] = []
        for token in tokens[index + 1:bounds[n + 1]]:
            if token.kind == TEXT:
                if values and T2_BREAK.search(token.text):
                    break
                continue
            values.append(token)
        if len(table.row(key).columns) > 1:
            if len(values) != 1 or values[0].kind == EMPTY:
                return None
            out[key] = values[0]
    return out


def column_blocks(tokens: list[Token], columns: tuple[tuple[str, str, tuple[str, ...]], ...],
                  then: tuple[str, ...] = (), any_order: bool = False
                  ) -> Optional[tuple[list[list[Token]], list[Token], set[int]]]:
    """The values printed right under each expected header, the values printed apart (in stream
    order) and the ids of every token read; None unless every header is found, in order, with
    only values between them. `then`: the names of the next page's first block, which may print
    after the last header with nothing under them (that block's header row ended the page); the
    values printed apart after them are this page's too. `any_order`: the headers may print in
    any order (a page's text blocks, each a column, printed as the PDF stores them), a name that
    several columns share taken by them in their order."""
    labels = [_column_name(label) for _, label, _ in columns]
    own: list[list[Token]] = [[] for _ in labels]
    taken = [False] * len(labels)
    found = 0  # headers found
    current = -1  # the column of the last header found
    loose: list[Token] = []
    used: set[int] = set()
    last_line = None
    behind = 0  # names of `then` passed
    name_line = -2
    value_line = -1  # the line of the last value read
    for token in tokens:
        if token.kind == TEXT:
            text = _SPACES.sub("", token.text)
            if token.line == value_line and _count_unit(text):
                continue  # the unit of the value before it, printed apart from it ("144 项")
            if any_order:
                j = next((i for i, label in enumerate(labels) if not taken[i] and label == text), -1)
            else:
                j = found if found < len(labels) and text == labels[found] else -1
            if j >= 0:
                taken[j] = True
                found += 1
                current = j
                used.add(id(token))
                last_line = token.line
                continue
            if found == len(labels) and behind < len(then) and text == then[behind]:
                behind += 1
                last_line = None  # what prints after them is apart
                name_line = token.line
                continue
            if found:
                if found < len(labels):
                    return None  # other text among the headers: not this layout
                break
            continue
        if not found:
            continue
        if token.kind not in (NUM, NA):
            return None
        used.add(id(token))
        value_line = token.line
        if behind and (behind < len(then) or token.line - name_line in (0, 1)):
            return None  # a value under the next block's names: not left behind with nothing under
        if last_line is not None and token.line - last_line in (0, 1):  # no empty line between
            own[current].append(token)
            last_line = token.line
        else:
            loose.append(token)
            last_line = None  # a block of its own: what follows it is apart too
    if found != len(labels):
        return None
    return own, loose, used


def t2_column_blocks(report: Report, table: Table, tokens: dict[int, list[Token]],
                     page_starts: tuple[int, ...] = ()) -> None:
    """Read 表二's columns that pdftotext printed as blocks after the table (see the module's
    docstring), store them and take their tokens out of section 三's. `page_starts`: the lines
    beginning the text's pages, where it marks them (form feeds)."""
    columns = later_columns(table)
    if not columns or not tokens.get(2):
        return
    first = _first_values(table, tokens[2])
    if first is None:
        _all_column_blocks(report, table, tokens, page_starts)
        return
    if _blocks_after_rows(report, table, tokens[2], first):
        return
    if not tokens.get(3):
        return
    found = column_blocks(tokens[3], columns)
    if found is None:
        return
    own, loose, used = found
    filled = _fill(own, loose, columns)
    if filled is None:
        return
    placed, apart = filled

    for row in table.rows:
        if row.key not in first:
            continue
        cells: list[Token] = [first[row.key]]
        for column in row.columns[1:]:
            n = next(i for i, (key, _, rows) in enumerate(columns) if key == column.key and row.key in rows)
            cells.append(placed[n][columns[n][2].index(row.key)])
        store_row(report, table, row.key, cells)
    _flag_apart(report, table, columns, apart, {f"section2.{key}" for key in first})
    tokens[3][:] = [t for t in tokens[3] if id(t) not in used]


def _blocks_after_rows(report: Report, table: Table, section: list[Token], first: dict[str, Token]) -> bool:
    """表二 printed, in section 二, a block's first column beside its labels (`first`, under that
    column's name alone) and its other columns after its last row (a PDF whose cells are text
    blocks of their own: pdftotext prints the first column's name and cells with the labels, then
    the other columns). Two orders: each name, then its column's values, top row first (a block
    a column); or the names together, then the values row by row, left to right (the names one
    block, its rows under it). Blank cells leave no trace: a column printing fewer values than its
    block's rows (row by row: fewer values than cells) is placed every way the order allows, less
    the ways 2021 第（一）项's T2-2 (本年制发件数 ≤ 本年废止件数 + 现行有效件数) rules out (all kept
    where it rules out every way: a misprint); a cell all the ways agree on is read, the others
    left unread and flagged. Returns whether every such block was read so (then stored)."""
    labels = dict((key, index) for index, key in find_labels(table, section))
    cells: dict[str, list[Optional[Token]]] = {}
    by_rows: set[str] = set()  # rows read from values printed row by row: flagged inferred
    by_sums: set[str] = set()  # rows placed by T2-2: flagged inferred
    undecided: set[str] = set()
    for block in dict.fromkeys(row.block for row in table.rows):
        rows = [row for row in table.rows if row.block == block]
        if len(rows[0].columns) < 2:
            continue
        if any(len(row.columns) != len(rows[0].columns) or row.key not in labels for row in rows):
            return False
        names = [_column_name(c.label) for c in rows[0].columns[1:]]
        last = max(labels[row.key] for row in rows)
        after = [t for t in section[last + 1:] if not _page_number(t)]
        if not after or after[0] is not first[rows[-1].key]:
            return False
        segments: list[list[Token]] = []  # the values after each name
        for token in after[1:]:
            if token.kind == TEXT:
                if len(segments) < len(names) and _SPACES.sub("", token.text) == names[len(segments)]:
                    segments.append([])
                    continue
                break
            if not segments or token.kind not in (NUM, NA):
                return False
            segments[-1].append(token)
        if len(segments) != len(names) or not segments[-1]:
            return False
        width, height = len(names), len(rows)
        if all(segments[:-1]):  # a column a block: each name's values are its column's
            if any(len(values) > height for values in segments):
                return False
            per_column = [[dict(zip(chosen, values)) for chosen in combinations(range(height), len(values))]
                          for values in segments]
            ways = [{(r, c): t for c, column in enumerate(way) for r, t in column.items()}
                    for way in product(*per_column)]
        elif not any(segments[:-1]):  # the names together, then the rows
            values = segments[-1]
            if len(values) > width * height:
                return False
            spots = [(r, c) for r in range(height) for c in range(width)]
            ways = [dict(zip(chosen, values)) for chosen in combinations(spots, len(values))]
            by_rows |= {row.key for row in rows}
        else:
            return False
        if tuple(c.key for c in rows[0].columns) == _DOCS_2021:
            def holds(way: dict[tuple[int, int], Token]) -> bool:
                return all(_count(first[row.key]) <= _count(way.get((r, 0))) + _count(way.get((r, 1)))
                           for r, row in enumerate(rows))
            kept = [way for way in ways if holds(way)]
            if kept and len(kept) < len(ways):
                ways = kept
                by_sums |= {row.key for row in rows}
        for r, row in enumerate(rows):
            row_cells: list[Optional[Token]] = [first[row.key]]
            for c in range(width):
                found = {id(way.get((r, c))) for way in ways}
                if len(found) == 1:
                    placed = ways[0].get((r, c))
                    row_cells.append(placed if placed is not None else Token(EMPTY, "", first[row.key].end,
                                                                             first[row.key].end, first[row.key].line))
                else:
                    row_cells.append(None)
                    undecided.add(row.key)
            cells[row.key] = row_cells
    if not cells:
        return False
    for key, row_cells in cells.items():
        store_row(report, table, key, row_cells)
    stored = {f"section2.{key}" for key in cells}
    # the rows read again from their blocks: what was said of reading them beside their labels is void
    report.flags = [f for f in report.flags if not (f.cell in stored and f.kind in ("parse", "inferred"))]
    for key in cells:
        label = table.row(key).label
        if key in undecided:
            report.flags.append(Flag(f"section2.{key}", "parse", f"「{label}」行所在的表格除第一列外按列印在表后（PDF"
                                     "文字顺序），有的列印出的数值少于行数（空白单元格未留痕迹），这些数值属于哪一行无法"
                                     "确定，未读取，请对照原文填写"))
        elif key in by_rows or key in by_sums:
            how = "按印出次序" + ("及本年制发件数不超过本年废止件数与现行有效件数之和" if key in by_sums else "")
            report.flags.append(Flag(f"section2.{key}", "inferred", f"「{label}」行除第一列外的数值印在表后（PDF"
                                     f"文字顺序），已{how}归位，请对照原文核对"))
    return True


def t2_rows_after_labels_and_names(report: Report, table: Table, section: list[Token]) -> None:
    """Read 表二's blocks that plain pdftotext printed with their row labels and column names first
    (「规章 / 行政规范性文件 / 本年制发件数 / 本年废止件数 / 现行有效件数 / 0 / 8个 / — / 11 个 / 0 / 127 个」):
    the labels a text block, the names another, the cells after them row by row, left to right (a
    row's cells on one line). Read only where every cell printed (a number or a placeholder, as
    many as the block's cells): with a blank cell leaving no trace, which one is blank cannot be
    told. The rows so read are flagged: their values were not printed beside their labels."""
    labels = dict((key, index) for index, key in find_labels(table, section))
    for block in dict.fromkeys(row.block for row in table.rows):
        rows = [row for row in table.rows if row.block == block]
        width = len(rows[0].columns)
        if width < 2 or len(rows) < 2 or any(len(row.columns) != width or row.key not in labels for row in rows):
            continue  # (a block of one row prints its cells after its names as any row does)
        at = [labels[row.key] for row in rows]
        if at != sorted(at) or any(b != a + 1 for a, b in zip(at, at[1:])):
            continue  # (the labels one after another, nothing between them)
        names = [_column_name(c.label) for c in rows[0].columns]
        start = at[0]
        while start > 0 and section[start - 1].kind == TEXT and _SPACES.sub("", section[start - 1].text) in names:
            start -= 1  # the names printed before the labels
        taken = len(rows) + len(names)
        first_value = next((i for i, t in enumerate(section[start:], start) if t.kind != TEXT), None)
        if first_value is None:
            continue
        before = [t for t in section[start:first_value] if not _page_number(t)]
        if len(before) != taken or [_SPACES.sub("", t.text) for t in before if
                                    _SPACES.sub("", t.text) in names] != names:
            continue
        cells = width * len(rows)
        # (a count's unit printed a word apart on its value's line, 「11 项」, is the value's)
        printed = [t for n, t in enumerate(section[first_value:], first_value) if not (
            t.kind == TEXT and _count_unit(_SPACES.sub("", t.text)) and section[n - 1].kind == NUM
            and section[n - 1].line == t.line)]
        values = printed[:cells]
        after = printed[cells:cells + 1]
        if len(values) < cells or any(t.kind not in (NUM, NA) for t in values) \
                or (after and (after[0].kind != TEXT or not T2_BREAK.search(after[0].text))):
            continue
        stored = {f"section2.{row.key}" for row in rows}
        report.flags = [f for f in report.flags if not (f.cell in stored and f.kind in ("parse", "inferred"))]
        for r, row in enumerate(rows):
            store_row(report, table, row.key, values[r * width:(r + 1) * width])
            report.flags.append(Flag(f"section2.{row.key}", "inferred", f"「{row.label}」行的数值印在本栏各行标签和"
                                     "列名之后（PDF文字顺序），已按印出次序逐行归位，请对照原文核对"))


def _count(token: Optional[Token]) -> float:
    """What a cell counts in T2-2: its number; 0 for a blank, a placeholder or a text."""
    return token.value if token is not None and token.kind == NUM and token.value is not None else 0


def _fill(own: list[list[Token]], loose: list[Token], columns: tuple[tuple[str, str, tuple[str, ...]], ...]
          ) -> Optional[tuple[list[list[Token]], dict[int, int]]]:
    """Each column's values: those printed right under its header, then those printed apart, in
    stream order, filling the columns left short in template order; and how many each took apart.
    None unless the values are exactly those the columns need."""
    if sum(len(o) for o in own) + len(loose) != sum(len(rows) for _, _, rows in columns):
        return None
    placed: list[list[Token]] = []
    for values, (_, _, rows) in zip(own, columns):
        placed.append(values[:len(rows)])
        loose = values[len(rows):] + loose if len(values) > len(rows) else loose
    apart: dict[int, int] = {}  # column index -> values it took from those printed apart
    for n, (_, _, rows) in enumerate(columns):
        while len(placed[n]) < len(rows) and loose:
            placed[n].append(loose.pop(0))
            apart[n] = apart.get(n, 0) + 1
    if loose or any(len(p) != len(rows) for p, (_, _, rows) in zip(placed, columns)):
        return None
    return placed, apart


def _all_column_blocks(report: Report, table: Table, tokens: dict[int, list[Token]],
                       page_starts: tuple[int, ...] = ()) -> None:
    """表二 printed with no value beside any label: every column, its block's first too, printed as
    a block (its header, then its values) after the labels, in section 二 (a PDF whose page ends
    under 表二: pdftotext prints the page's text blocks in turn). Read as t2_column_blocks reads
    the later columns, only when every header prints in order with exactly the values needed.

    Where 表二 crosses a page, each page prints its labels, then its blocks: a page's blocks hold
    the rows whose labels print on it. The next page repeats the table's header row (第（一）项's
    column names): the cells of a block's rows continued there print under those names, in their
    columns' order; with no row continued, the names print with no value under them, unless the
    page's first block's own header row was the previous page's last (its names printed there with
    nothing under them): that block's rows then print under the repeated names, as a continued
    block's would, or (a block of one row) right after the page's labels, or, the page repeating
    no names, as its columns right after the page's labels, a paragraph each; the values the previous
    page printed apart may then follow those names. A page's columns print as its text blocks come:
    in any order (a name several columns share taken by them in the template's order), and the
    repeated names with nothing under them (a value after an empty line prints apart). A page that
    repeats no header row may print the rows of the block it continues right after its labels, a
    paragraph a column (read only where every column prints one). The page's footer (its number)
    may print as the last line of a column's block, the footer lying under that column: set aside
    where the page's columns then hold exactly the values they need (_footer_under_column)."""

    section = tokens[2]
    labels = find_labels(table, section)
    if len(labels) != len(table.rows):
        return
    names = _column_names(table)
    pages: list[list[int]] = [[0]]  # the labels of each page, by their index in `labels`
    for n in range(1, len(labels)):
        between = section[labels[n - 1][0] + 1:labels[n][0]]
        if any(t.kind == TEXT and _SPACES.sub("", t.text) in names for t in between):
            pages.append([n])  # a page's blocks came between: this label is the next page's
        elif any(t.kind != TEXT for t in between):
            return  # a value beside a label: not this layout
        else:
            pages[-1].append(n)
    if len(pages) > 2:
        return
    rows = {row.key: row for row in table.rows}
    repeated = table.rows[0].columns  # the header row each page repeats
    cells: dict[tuple[str, int], Optional[Token]] = {}  # (None: a short column's cell, unread)
    continued: list[str] = []
    after_labels: list[str] = []  # rows of a block whose header row ended the page before
    unrepeated: list[str] = []  # rows of a block continued on a page that repeats no header row
    later = tokens.get(3) or []
    used_all: set[int] = set()
    aparts: list[tuple[tuple[tuple[str, str, tuple[str, ...]], ...], dict[int, int]]] = []
    region: list[Token] = []
    for number, page in enumerate(pages):
        keys = [labels[n][1] for n in page]
        start = labels[page[-1]][0] + 1
        stop = labels[pages[number + 1][0]][0] if number + 1 < len(pages) else len(section)
        previous, region = region, [t for t in section[start:stop] if not _page_number(t)]
        columns: list[tuple[str, str, tuple[str, ...]]] = []
        where: list[list[tuple[str, int]]] = []  # per column, the (row, column index) of each value
        lead_own: list[list[Token]] = []  # columns printed right after the labels, with no name over them
        if number:
            before = rows[labels[pages[number - 1][-1]][1]].block
            going_on = [k for k in keys if rows[k].block == before]
            left_behind = not going_on and _names_left_behind(previous, rows[keys[0]].columns)
            if left_behind:
                # the page's first block's own header row ended the previous page, with no value
                # under it: its rows here print under the repeated names, as a continued block's
                going_on = [k for k in keys if rows[k].block == rows[keys[0]].block]
            lead = list(takewhile(lambda t: t.kind != TEXT, region))
            if left_behind and len(going_on) == 1 and lead:
                # or, a block of one row, its values right after the page's labels, in column order
                width = len(rows[going_on[0]].columns)
                if keys[0] != going_on[0] or len(lead) != width or any(t.kind not in (NUM, NA) for t in lead):
                    return
                cells.update(((going_on[0], c), t) for c, t in enumerate(lead))
                used_all |= {id(t) for t in lead}
                after_labels.append(going_on[0])
                keys = keys[1:]
                region = region[width:]
            elif lead and keys[:len(going_on)] == going_on and (
                    left_behind or going_on and not _names_repeated(region, repeated)):
                # or, the page repeating no names, that block's columns right after the page's
                # labels, one paragraph each in column order (a value printed apart comes later);
                # so too a block the page continues without repeating the table's header row, but
                # only where every column prints its paragraph (else which is whose is unknown)
                lead_own = _paragraphs_of(lead)
                block_columns = rows[going_on[0]].columns
                if any(t.kind not in (NUM, NA) for t in lead) or len(lead_own) > len(block_columns) \
                        or any(len(p) > len(going_on) for p in lead_own) \
                        or any(len(rows[k].columns) != len(block_columns) for k in going_on) \
                        or not left_behind and len(lead_own) != len(block_columns):
                    return
                if not left_behind:
                    unrepeated += going_on
                lead_own += [[] for _ in range(len(block_columns) - len(lead_own))]
                for c, column in enumerate(block_columns):
                    columns.append((column.key, column.label, tuple(going_on)))
                    where.append([(k, c) for k in going_on])
                used_all |= {id(t) for t in lead}
                after_labels += going_on if left_behind else []
                keys = keys[len(going_on):]
                region = region[len(lead):]
            elif going_on and keys[:len(going_on)] == going_on:
                width = len(rows[going_on[0]].columns)
                # (a block whose header row ended the page may be narrower: its rows under the first
                # names, the others with nothing under them: 行政事业性收费 under 本年新制作数量 and 本年新公开数量)
                if any(len(rows[k].columns) != width for k in going_on) \
                        or not (width == len(repeated) or left_behind and width < len(repeated)):
                    return
                continued += going_on
                for c, column in enumerate(repeated[:width]):
                    columns.append((column.key, column.label, tuple(going_on)))
                    where.append([(k, c) for k in going_on])
                keys = keys[len(going_on):]
                region = _without_empty_names(region, repeated[width:])
            else:  # the repeated names print with nothing under them
                region = _without_empty_names(region, repeated)
        for block in dict.fromkeys(rows[k].block for k in keys):
            block_rows = [k for k in keys if rows[k].block == block]
            width = len(rows[block_rows[0]].columns)
            block_rows = [k for k in block_rows if len(rows[k].columns) == width]
            for c, column in enumerate(rows[block_rows[0]].columns):
                columns.append((column.key, column.label, tuple(block_rows)))
                where.append([(k, c) for k in block_rows])
        ahead = rows[labels[pages[number + 1][0]][1]].columns if number + 1 < len(pages) else ()
        # a page's columns print as its text blocks come, not always in the template's order
        read = _read_page(region, columns, lead_own, ahead, number + 1 == len(pages), later)
        if read is None and (footer := _bare_page_number(region, section, page_starts)) is not None:
            region = [t for t in region if t is not footer]  # (the page's footer, not a cell)
            read = _read_page(region, columns, lead_own, ahead, number + 1 == len(pages), later)
        elif read is None and (footer := _footer_under_column(region, section, page_starts)) is not None:
            # (kept out only where the page's columns then hold exactly the values they need)
            without = [t for t in region if t is not footer]
            read = _read_page(without, columns, lead_own, ahead, number + 1 == len(pages), later)
            if read is not None:
                region = without
        placed: list[list[Optional[Token]]]
        apart: dict[int, int] = {}
        if read is None:
            short = _short_columns(region, columns, lead_own, ahead)
            if short is None:
                return
            placed, used = short
        else:
            (full, apart), used = read
            placed = [list(values) for values in full]
        for values, spots in zip(placed, where):
            cells.update(zip(spots, values))
        used_all |= used
        if apart:
            aparts.append((tuple(columns), apart))
    if len(cells) != sum(len(row.columns) for row in table.rows):
        return
    for row in table.rows:
        store_row(report, table, row.key, [cells[row.key, c] for c in range(len(row.columns))])
    stored = {f"section2.{row.key}" for row in table.rows}
    # every row read again from its blocks: what was said of reading them beside their labels is void
    report.flags = [f for f in report.flags if not (f.cell in stored and f.kind in ("parse", "inferred"))]
    for apart_columns, apart in aparts:
        _flag_apart(report, table, apart_columns, apart, set())
    for key in continued:
        report.flags.append(Flag(f"section2.{key}", "inferred", f"「{rows[key].label}」行印在续页，其数值印在"
                                 "重复的表头各列名之下（PDF文字顺序），已按列序归位，请对照原文核对"))
    for key in after_labels:
        report.flags.append(Flag(f"section2.{key}", "inferred", f"「{rows[key].label}」行印在续页，其列名印在"
                                 "上页末尾，数值紧随续页的行名印出（PDF文字顺序），已按列序归位，请对照原文核对"))
    for key in unrepeated:
        report.flags.append(Flag(f"section2.{key}", "inferred", f"「{rows[key].label}」行印在续页，续页未重复表头，"
                                 "其各列数值逐段紧随续页的行名印出（PDF文字顺序），已按列序归位，请对照原文核对"))
    for row in table.rows:
        if any(cells[row.key, c] is None for c in range(len(row.columns))):
            report.flags.append(Flag(f"section2.{row.key}", "parse", f"「{row.label}」行所在的表格按列印出（PDF"
                                     "文字顺序），有的列印出的数值少于行数（空白单元格未留痕迹），这些数值属于哪一行无法"
                                     "确定，未读取，请对照原文填写"))
    section[:] = [t for t in section if id(t) not in used_all]
    if later:
        later[:] = [t for t in later if id(t) not in used_all]


def _page_blocks(region: list[Token], columns: list[tuple[str, str, tuple[str, ...]]], lead_own: list[list[Token]],
                 ahead) -> Optional[tuple[list[list[Token]], list[Token], set[int]]]:
    """column_blocks on a page's region for the columns after `lead_own` (printed before it),
    the next page's first block's names ending it: every column's values (`lead_own`'s first),
    the values printed apart and the ids of the tokens taken; None where the names do not print."""
    found = column_blocks(region, tuple(columns[len(lead_own):]), tuple(_column_name(c.label) for c in ahead),
                          any_order=True)
    if found is None:
        return None
    own, loose, used = found
    return lead_own + own, loose, used


def _short_columns(region: list[Token], columns: list[tuple[str, str, tuple[str, ...]]], lead_own: list[list[Token]],
                   ahead) -> Optional[tuple[list[list[Optional[Token]]], set[int]]]:
    """A page's columns (_all_column_blocks) where blank cells left no trace: some names print fewer
    values than their block has rows, so the values fill no column set exactly (_read_page). A
    column printing a value right under its name for every row is read, top row first: a value
    printed apart comes after an empty line, never right under another column's name. Which rows a
    shorter column's values are, which short column a value printed apart fills (after an empty
    line, or past section 三's heading), or that a column printing none is blank, the text cannot
    tell: those cells None (unread), the values printed apart on the page taken out unread (not
    表三's). Returns each column's cells and the ids of the tokens taken; None where the names do
    not all print, or one prints more values than its rows."""
    found = _page_blocks(region, columns, lead_own, ahead)
    if found is None:
        return None
    own, _, used = found
    if any(len(values) > len(rows) for values, (_, _, rows) in zip(own, columns)):
        return None
    placed: list[list[Optional[Token]]] = [list(values) if len(values) == len(rows) else [None] * len(rows)
                                           for values, (_, _, rows) in zip(own, columns)]
    return placed, used


def _read_page(region: list[Token], columns: list[tuple[str, str, tuple[str, ...]]], lead_own: list[list[Token]],
               ahead, last: bool, later: list[Token]) -> Optional[tuple[tuple[list[list[Token]], dict[int, int]], set[int]]]:
    """A page's columns read from its region (_all_column_blocks): _fill's placement and the ids of
    the tokens read; None unless the values are exactly those the columns need. `lead_own`: the
    first columns' values, printed before the region; `ahead`: the next page's first block's
    columns; `last`: the last page, whose values printed apart may follow section 三's heading."""
    found = _page_blocks(region, columns, lead_own, ahead)
    if found is None:
        return None
    own, loose, used = found
    # values printed apart may come after section 三's heading, before anything else of it
    # (but the page's number): taken only when they are exactly the values the columns lack
    lacking = sum(len(r) for _, _, r in columns) - sum(len(o) for o in own) - len(loose)
    if lacking > 0 and last and later and later[0].kind == TEXT:
        end = next((i for i in range(1, len(later)) if later[i].kind == TEXT and not _page_number(later[i])),
                   len(later))
        apart_values = [t for t in later[1:end] if t.kind != TEXT]
        if len(apart_values) == lacking and all(t.kind in (NUM, NA) for t in apart_values):
            loose = loose + apart_values
            used = used | {id(t) for t in apart_values}
    filled = _fill(own, loose, tuple(columns))
    return None if filled is None else (filled, used)


def _without_empty_names(region: list[Token], columns) -> list[Token]:
    """The region without the names of `columns` that print with nothing under them."""
    empty = {_column_name(c.label) for c in columns}
    return [t for i, t in enumerate(region) if not (
        t.kind == TEXT and _SPACES.sub("", t.text) in empty
        and (i + 1 == len(region) or region[i + 1].kind == TEXT
             or region[i + 1].line - t.line > 1))]  # a value after an empty line: apart


def _bare_page_number(region: list[Token], section: list[Token], page_starts: tuple[int, ...]) -> Optional[Token]:
    """The one number of a page's region that may be the footer of the PDF page printing it: alone
    on its line, that page's number, nothing but values after it on that page (a page's values
    printed apart may follow its footer). None where the text marks no pages, or none or several."""

    def nothing_but_values_after(n: int, page: int) -> bool:
        end = page_starts[page] if page < len(page_starts) else None
        return all(t.kind != TEXT for t in region[n + 1:] if end is None or t.line < end)
    return _one_page_number(region, section, page_starts, nothing_but_values_after)


def _footer_under_column(region: list[Token], section: list[Token], page_starts: tuple[int, ...]) -> Optional[Token]:
    """The one number of a page's region that may be the footer of the PDF page printing it, printed
    as the last line of a column's block (the footer sits under that column, so pdftotext puts it
    in the column's text block): alone on its line, that page's number, right under a value (the
    line before) and followed by a text or nothing. None where the text marks no pages, or none or
    several. The caller keeps it out only where the columns then hold exactly their values."""

    def last_of_a_column(n: int, _page: int) -> bool:
        return bool(n) and region[n - 1].kind != TEXT and region[n].line - region[n - 1].line == 1 \
            and (n + 1 == len(region) or region[n + 1].kind == TEXT)
    return _one_page_number(region, section, page_starts, last_of_a_column)


def _one_page_number(region: list[Token], section: list[Token], page_starts: tuple[int, ...],
                     placed: Callable[[int, int], bool]) -> Optional[Token]:
    """The one token of `region` alone on its line (no other of `section` shares it) printing the
    number of the page it is on, where `placed(its index, the pages before it)` holds; None where
    the text marks no pages, or none or several."""
    if not page_starts:
        return None
    shared = {t.line for n, t in enumerate(section) if n and section[n - 1].line == t.line}
    found = []
    for n, token in enumerate(region):
        page = bisect_right(page_starts, token.line)  # pages before the one printing it
        if token.kind == NUM and token.line not in shared and token.text == str(page + 1) and placed(n, page):
            found.append(token)
    return found[0] if len(found) == 1 else None


def _paragraphs_of(values: list[Token]) -> list[list[Token]]:
    """Values split where an empty line (or more) comes between two of them."""
    out: list[list[Token]] = []
    for n, token in enumerate(values):
        if n == 0 or token.line - values[n - 1].line > 1:
            out.append([])
        out[-1].append(token)
    return out


def _names_left_behind(region: list[Token], columns) -> bool:
    """Whether a page's region prints, after its last value, the names of `columns` in order with
    nothing under them: a block's own header row printed as the page's last row, its rows on the
    next page (where they print under the table's repeated header row). Values printed apart
    (each after an empty line) may follow the names: column_blocks reads them as the page's."""
    names = [_column_name(c.label) for c in columns]
    end = len(region)
    while end > 1:
        token = region[end - 1]
        if token.kind == TEXT and _SPACES.sub("", token.text) not in names:
            end -= 1  # the next page's words before its labels (its repeated header row's 第二十条第（一）项)
        elif token.kind != TEXT and token.line - region[end - 2].line > 1:
            end -= 1  # a value printed apart after the names
        else:
            break
    last_value = max((i for i, t in enumerate(region[:end]) if t.kind != TEXT), default=-1)
    tail = [_SPACES.sub("", t.text) for t in region[last_value + 1:end]]
    return any(tail[i:i + len(names)] == names for i in range(len(tail) - len(names) + 1))


def _names_repeated(region: list[Token], columns) -> bool:
    """Whether a page's region prints any of the names of `columns` (the table's header row)."""
    names = {_column_name(c.label) for c in columns}
    return any(t.kind == TEXT and _SPACES.sub("", t.text) in names for t in region)


def _page_number(token: Token) -> bool:
    """Whether the token is a footer's page number ("—2—", "第1页"; not a number alone)."""
    return token.kind == TEXT and PAGE_NUMBER.fullmatch(token.text.strip()) is not None


def _flag_apart(report: Report, table: Table, columns: tuple[tuple[str, str, tuple[str, ...]], ...],
                apart: dict[int, int], stored: set[str]) -> None:
    """The parse flags of the rows stored dropped; the rows that took values printed apart flagged."""
    moved = {row for n in apart for row in columns[n][2]}
    unsure = len(apart) > 1  # values printed apart shared out among several columns: by order alone
    report.flags = [f for f in report.flags if not (f.cell in stored and f.kind == "parse")]
    for key in [r.key for r in table.rows if r.key in moved]:
        label = table.row(key).label
        if unsure:
            report.flags.append(Flag(f"section2.{key}", "parse", f"「{label}」行的部分数值与其列名分开印出"
                                     "（PDF文字顺序），已按列序归位，无法完全确定，请对照原文核对"))
        else:
            report.flags.append(Flag(f"section2.{key}", "inferred", f"「{label}」行的部分数值与其列名分开印出"
                                     "（PDF文字顺序），已按列序归位，请对照原文核对"))


def t2_rows_under_headers(report: Report, table: Table, tokens: list[Token]) -> None:
    """Flag 表二 rows whose values print after column headers that follow the row's label
    (「行政规范性文件 / 本年废止件数 / 现行有效件数 / 11 / 21 / 97」): pdftotext printed the block
    column by column, so the values after the label may be several rows' and, with blank cells
    leaving no trace, which column each belongs to cannot be told. Likewise rows printing as many
    values as columns, then the name of a column of their own with a value under it (「政府集中采购 /
    99 / -62 / 采购项目数量 / 0 / 采购总金额 / 0」: 99 and -62 are 行政事业性收费's, printed after the
    next block's label): the block's own values print under its names, and those beside the label
    may be another block's. A row of one column is flagged only under another block's column name
    (「行政许可 / 现行有效件数 / 16」: the 16 is 规章's, 行政许可's 60408 printed further on)."""

    headers = _column_names(table)
    labels = find_labels(table, tokens)
    bounds = [i for i, _ in labels] + [len(tokens)]
    flagged = {f.cell for f in report.flags}
    for n, (index, key) in enumerate(labels):
        span = tokens[index + 1:bounds[n + 1]]
        first_value = next((i for i, t in enumerate(span) if t.kind in (NUM, NA)), None)
        if first_value is None or f"section2.{key}" in flagged:
            continue
        row = table.row(key)
        # (a row of one column: under its own name its value is its own; under another block's
        # name it is that block's, this row's printed elsewhere)
        if len(row.columns) == 1:
            own = _column_name(row.columns[0].label)
            foreign = next((t.text for t in span[:first_value] if t.kind == TEXT
                            and _SPACES.sub("", t.text) in headers and _SPACES.sub("", t.text) != own), None)
            if foreign is not None:
                report.flags.append(Flag(f"section2.{key}", "parse", f"「{row.label}」行的数值印在另一栏的列名「{foreign.strip()}」"
                                         "之后（PDF文字顺序），可能不属本行，请对照原文核对"))
        elif any(t.kind == TEXT and _SPACES.sub("", t.text) in headers for t in span[:first_value]) \
                and not each_value_after_its_name(row, span):
            report.flags.append(Flag(f"section2.{key}", "parse", f"「{row.label}」行的数值印在各列名之后"
                                     "（PDF文字顺序），各列归属无法确定，请对照原文核对"))
        elif _own_names_over_values_after(row, span, T2_BREAK):
            report.flags.append(Flag(f"section2.{key}", "parse", f"「{table.row(key).label}」行印满各列数值之后，又印出本行的列名，"
                                     "其下另有数值（PDF文字顺序按栏印出），本行标签后的数值可能不属本行，请对照原文核对"))


def each_value_after_its_name(row, span: list[Token]) -> bool:
    """Whether a 表二 row's span (the tokens after its label) opens with each of its columns' names
    in order, one value right after each (「本年制发件数 / 0 / 本年废止件数 / 1 / 现行有效件数 / 0」:
    plain pdftotext of a block whose header repeats over each row): every value under its own name,
    its column sure; the names after the first value are then no next block's heading (T2_BREAK).
    (A block printed column by column prints a label, then values or other names: never so.)"""
    if len(span) < 2 * len(row.columns):
        return False
    return all(name.kind == TEXT and _SPACES.sub("", name.text) == _column_name(column.label)
               and value.kind in (NUM, NA)
               for column, name, value in zip(row.columns, span[0::2], span[1::2]))


def _own_names_over_values_after(row, span: list[Token], block_break) -> bool:
    """Whether a row's span prints its values, as many as its columns (those the parser reads:
    up to the text naming another block or column), then the name of one of its own columns
    with a value right under it."""
    names = {_column_name(c.label) for c in row.columns}
    count = 0
    for i, token in enumerate(span):
        if token.kind != TEXT:
            count += 1
        elif count and block_break.search(token.text):
            return count >= len(row.columns) and any(
                t.kind == TEXT and _SPACES.sub("", t.text) in names and u.kind in (NUM, NA)
                for t, u in zip(span[i:], span[i + 1:]))
    return False


# --- 表四 cells printed outside section 四 ------------------------------------------------------

T4_WIDTH = len(T4.paths())  # 表四's cells, as the template has them (15)
_T4_CHARS = set("结果维持纠正其他尚未审总计复议后起诉行政经直接")
_T4_ONLY = ("复议后起诉", "未经复议直接起诉", "行政复议", "行政诉讼")
_T4_ONLY_FIRST = frozenset(heading[0] for heading in _T4_ONLY)


_T3_LEGAL = frozenset("法律服务机构")
# The Chinese characters a token other than text may hold (tokens._read_piece: a count's unit, the
# placeholders 无 / 空 / 一一, the zero 零), and those of 表四's header fragments and of 表三's header
# words 法律 / 服务 / 机构: a line printing any other (an ideograph of U+4E00-U+9FFF, which NFKC leaves
# as it is) prints a text token that is neither, so no piece of 表四 starts there (_opens_on_prose)
_PIECE_IDEOGRAPHS = "".join(sorted(_T4_CHARS | _T3_LEGAL | set("无空一零万元千亿件个项条次宗人")))
_PROSE_IDEOGRAPH = re.compile(f"(?![{_PIECE_IDEOGRAPHS}])[\u4e00-\u9fff]")


def _t4_fragment(token: Token) -> bool:
    """Header text of 表四 as a PDF's reading order breaks it up ("结", "果", "尚未", "总计")."""
    text = _SPACES.sub("", token.text)
    return token.kind == TEXT and 0 < len(text) <= 8 and set(text) <= _T4_CHARS


def _t4_only(token: Token) -> bool:
    """A heading of 表四 alone (spaces aside). Most tokens of 表三's text are told apart by their
    first character, with no spaces taken out of them."""
    text = token.text.lstrip()
    return text[:1] in _T4_ONLY_FIRST and _SPACES.sub("", text) in _T4_ONLY


def _values_of_piece(tokens: list[Token]) -> Optional[list[Token]]:
    """The values of a run of tokens that holds only 表四 header fragments and values, or None."""
    if any(t.kind == TEXT and not _t4_fragment(t) for t in tokens) or any(t.kind == EMPTY for t in tokens):
        return None
    return [t for t in tokens if t.kind in (NUM, NA)]


def _t3_legal_words(tokens: list[Token]) -> bool:
    """A line of 表三's header cell 「法律 服务 机构」 as plain pdftotext breaks it up (the page
    ended before that cell: its words and value print among 表四's pieces)."""
    words = [_SPACES.sub("", t.text) for t in tokens if t.kind == TEXT]
    return bool(words) and all(t.kind != EMPTY for t in tokens) and all(w and set(w) <= _T3_LEGAL for w in words)


def _under_section5(lines: list[Line], section5: Optional[tuple[int, int]],
                    lone_after_heading: bool = False) -> tuple[list[Token], list[Token]]:
    """The values of the blocks of 表四 header fragments and values right under section 五's
    heading, and those of the blocks of values alone there or under 表三's header words
    法律 / 服务 / 机构 (表三's cells). `lone_after_heading`: the blocks of values alone after a
    block naming a group of 表四 (复议后起诉, ...) are 表四's too (each cell a text block of its own,
    an empty line after each)."""
    after: list[Token] = []
    foreign: list[Token] = []
    if section5 is not None and not lone_after_heading and _opens_on_prose(lines, *section5):
        return after, foreign  # (what the loop below finds: its first line of tokens ends it, no block read)
    if section5 is not None:
        first, last = section5
        block: list[Token] = []
        t3_words = False  # (the block holds 表三's header words)
        t4_heading = False  # (a block before held a heading of 表四's own: 复议后起诉, ...)
        for index in range(first + 1, last + 1):
            line_tokens = tokenize(lines, index, index + 1) if index < last else []
            if lone_after_heading and len(line_tokens) == 1 and _page_number(line_tokens[0]):
                continue  # the page's footer ("-4-"), printed before the blocks of the page's foot
            piece = _values_of_piece(line_tokens) if line_tokens else None
            t3_line = piece is None and bool(line_tokens) and _t3_legal_words(line_tokens)
            if index == last or not line_tokens or piece is None and not t3_line:
                values = [t for t in block if t.kind in (NUM, NA)]
                ours = (len(values) < len(block) or t4_heading) and not t3_words
                (after if ours else foreign).extend(values)
                t4_heading = t4_heading or lone_after_heading and any(t.kind == TEXT and _t4_only(t) for t in block)
                block, t3_words = [], False
                if index == last or line_tokens:
                    break
                continue
            t3_words = t3_words or t3_line
            block += line_tokens
    return after, foreign


def _opens_on_prose(lines: list[Line], first: int, last: int) -> bool:
    """Whether the first line after section 五's heading (lines[first]) that prints anything, up to
    lines[last], is prose that _under_section5 would tokenize only to stop there: a line of no grid
    whose cells print nothing but white space before it (no token: tokenize makes an empty grid
    cell's token only), and on it an ideograph no piece of 表四 holds (_PROSE_IDEOGRAPH), in a cell
    holding no export artefact that could blank it (tokens.blank_artefacts: a tag, a bookmark or a
    pandoc span, each opening on 「<」「[」「{」). Its tokens then hold a text that is no header
    fragment of 表四 nor 表三's legal words: no piece, no block of values, the loop ends. Most
    reports open section 五 with a sentence: that line is not tokenized (a paragraph costs tokenize
    most of what t4_partly_under_section5 costs)."""
    for index in range(first + 1, last):
        line = lines[index]
        if line.grid:
            return False
        printed = [cell.text for cell in line.cells if not cell.text.isspace() and cell.text]
        if not printed:
            continue
        return any(_PROSE_IDEOGRAPH.search(text) is not None and "<" not in text and "[" not in text
                   and "{" not in text for text in printed)
    return False


def t4_printed_apart(tokens: dict[int, list[Token]], lines: list[Line], section5: Optional[tuple[int, int]]) -> bool:
    """Whether section 四 prints no value while numbers other than 0 print amid 表四's header
    fragments right under section 五's heading (t4_stray_values could not make the table of them):
    表四's cells printed elsewhere, not a table printed blank (placeholders and 0 there read as
    blank cells would read alike)."""
    if section5 is None or any(t.kind in (NUM, NA) for t in tokens.get(4) or []):
        return False
    return any(t.kind == NUM and t.value for t in _under_section5(lines, section5)[0])


def t4_partly_under_section5(tokens: dict[int, list[Token]], lines: list[Line],
                             section5: Optional[tuple[int, int]]) -> bool:
    """Whether section 四 prints values while pieces of 表四's header printed right under section
    五's heading hold a number other than 0 (plain pdftotext's order: "总计 / 4", "复议后起诉 … 1 1"),
    and t4_stray_values could not make the table of them: part of 表四 printed elsewhere, so the
    values section 四 holds may be only some of its cells, or others' (表三's), in an unknown order."""
    if section5 is None or not any(t.kind in (NUM, NA) for t in tokens.get(4) or []):
        return False
    return any(t.kind == NUM and t.value for t in _under_section5(lines, section5)[0])


def t4_stray_values(tokens: dict[int, list[Token]], lines: list[Line], section5: Optional[tuple[int, int]]) -> bool:
    """表四's cells that plain pdftotext printed outside section 四, put back into its tokens: a
    piece of the header with values inside 表三's text (starting with "复议后起诉"), the lines of
    header fragments and values right under section 五's heading, and the same at the very end of
    the document (a last 总计). Only when section 四 holds fewer than 15 values and the pieces
    make exactly 15; parse_t4 then orders them by the group sums. Whether any was put back."""
    own = [t for t in tokens.get(4) or [] if t.kind in (NUM, NA)]
    if not own or len(own) >= T4_WIDTH or any(t.kind == EMPTY for t in tokens[4]):
        return False
    before: list[Token] = []
    inside = tokens.get(3) or []
    start = next((i for i, t in enumerate(inside) if t.kind == TEXT and _t4_only(t)), None)
    end = None
    if start is not None:
        end = next((i for i in range(start + 1, len(inside)) if inside[i].kind == TEXT
                    and not _t4_fragment(inside[i])), len(inside))
        before = _values_of_piece(inside[start:end]) or []
    after, foreign = _under_section5(lines, section5)
    if len(own) + len(before) + len(after) < T4_WIDTH:
        # too few: the values alone after a block naming a group of 表四 may be its cells, each
        # printed as a text block of its own (taken only where they make the table whole)
        loose, loose_foreign = _under_section5(lines, section5, lone_after_heading=True)
        if len(own) + len(before) + len(loose) == T4_WIDTH:
            after, foreign = loose, loose_foreign
    tail: list[Token] = []
    index = len(lines)
    while index > 0:
        line_tokens = tokenize(lines, index - 1, index)
        if line_tokens and _values_of_piece(line_tokens) is None:
            break
        tail = line_tokens + tail
        index -= 1
    if section5 is not None and index <= section5[0]:
        tail = []  # no prose after section 五's heading: the end is the piece read above
    tail_values = [t for t in tail if t.kind in (NUM, NA)]
    if tail_values and not any(_SPACES.sub("", t.text) in ("总计", "计") for t in tail if t.kind == TEXT):
        tail_values = []  # a last 总计 and its value, nothing else
    if not (before or after or tail_values) or len(own) + len(before) + len(after) + len(tail_values) != T4_WIDTH:
        return False
    if foreign:
        tokens[3].extend(foreign)
    if before:
        tokens[3][:] = inside[:start] + inside[end:]
    values_at = [i for i, t in enumerate(tokens[4]) if t.kind in (NUM, NA)]
    first_value, last_value = values_at[0], values_at[-1]
    tokens[4][:] = tokens[4][:first_value] + before + tokens[4][first_value:last_value + 1] + after + tail_values \
        + tokens[4][last_value + 1:]
    return True


def t3_spill(table: Table, tokens: dict[int, list[Token]]) -> None:
    """表三's last labels and values printed after section 四's heading (pdftotext prints the
    heading where the page breaks, inside 表三): the tokens of section 四 up to the last label of a
    表三 row not found before the heading go back to 表三's. Only with two such labels at least."""
    def label_text(text: str) -> str:
        return LABEL_NOISE.sub("", text)

    if not tokens.get(3) or not tokens.get(4):
        return
    labels = find_labels(table, tokens[3])
    found = {key for _, key in labels}
    missing = [row for row in table.rows if row.key not in found and row.keywords]
    if not missing or not labels:
        return
    matched, last = set(), None
    for index, token in enumerate(tokens[4][1:], start=1):
        if token.kind != TEXT or len(token.text) > LABEL_MAX:
            continue
        text, bare = label_forms(token.text)
        for row in missing:
            if row.key not in matched and label_at(row, text, bare) is not None:
                matched.add(row.key)
                last = index
                break
    if len(matched) < 2 or last is None:
        return
    # back in 表三 before the labels of the rows that follow them in the template (printed before
    # the heading), so that the labels are found in order
    keys = [row.key for row in table.rows]
    after = {row for row in table.rows if keys.index(row.key) > max(keys.index(k) for k in matched)}
    at = next((i for i, t in enumerate(tokens[3]) if i > labels[-1][0] and t.kind == TEXT and len(t.text) <= LABEL_MAX
               and any(label_at(row, label_text(t.text), label_text(NUMBERING.sub("", t.text)))
                       is not None for row in after if row.keywords)), len(tokens[3]))
    tokens[3][at:at] = tokens[4][1:last + 1]
    tokens[4][:] = tokens[4][:1] + tokens[4][last + 1:]
