"""A row of values under a drawn grid, each value in the column the grid draws around it.

Two text layouts draw their columns: a terminal's ruled box (w3m: "│0   │    │—   │"), whose
cell borders bound every cell, and pandoc's plain-text tables, whose dash rule above the header
("---------- ------ ------") spans every column. A row printing fewer values than columns (a
blank cell leaves only spaces) is placed exactly by them, with no guess at spacing.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Mapping, Optional, Sequence

from core.parse.columns import display_width, token_number, width_of
from core.parse.subtotal_rows import prints_as_eight
from core.parse.tokens import EMPTY, NUM, TEXT, Token, parse_number

_BOX_VERTICALS = "│┃"
_BOX_VERTICAL = re.compile(f"[{_BOX_VERTICALS}]")
_DASH_RULE = re.compile(r"^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$")
_LOOKBACK = 64  # lines above a row searched for its table's dash rule (表三 prints 25 rows and more)


def _line_at(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _assign(values: list[Token], spans: list[tuple[int, int]], where) -> Optional[list[Token]]:
    """The row: each value in the span that holds it (`where` gives a value's place in the spans'
    measure), every other span a blank cell; None if a value lies in none or two share one."""
    row: list[Optional[Token]] = [None] * len(spans)
    for token in values:
        place = where(token)
        inside = [n for n, (low, high) in enumerate(spans) if low <= place < high]
        if len(inside) != 1 or row[inside[0]] is not None:
            return None
        row[inside[0]] = token
    spot = values[0]
    return [t if t is not None else Token(EMPTY, "", spot.start, spot.start, spot.line) for t in row]


def _in_box(text: str, values: list[Token], width: int, other: list[Token], after_last: int = 0
            ) -> Optional[list[Token]]:
    start, end = _line_at(text, values[0].start)
    # (found by the pattern, not a step per character: a mutant's line of 28 827 characters, read
    # for each of its rows, took 20 % of its parse)
    borders = [m.start() for m in _BOX_VERTICAL.finditer(text, start, end)]
    drawn = list(zip(borders, borders[1:]))
    spans = drawn[max(0, len(drawn) - after_last - width):len(drawn) - after_last]
    if len(spans) < width or any(spans[0][0] <= t.start < spans[-1][1] for t in other):
        return None  # too few cells, or text (a label) inside the value cells
    row = _assign(values, spans, lambda t: t.start)
    if row is None and after_last == 1 and len(drawn) > width:
        # a value in the column the box draws after 总计 (w3m draws every row as wide as its
        # widest: the row of 8 itself): the row's 8 cells, where they add up as a row of 8 (a
        # 法人或其他组织 subtotal after 自然人; w2803 r0019 word-html-w3m: 「│ │２│０│—│１│１│ │２│」)
        wide = drawn[len(drawn) - 1 - width:]
        if not any(wide[0][0] <= t.start < wide[-1][1] for t in other):
            eight = _assign(values, wide, lambda t: t.start)
            if eight is not None and prints_as_eight(eight) and token_number(eight[1]):
                return eight
    return row


def _borders_before(text: str, token: Token, end: int) -> int:
    """How many of a ruled box's cell borders its line draws before `end` (a token's start or end):
    the box cells before it, which a row's lines draw alike. Only that stretch of the line is read."""
    prefix = text[text.rfind("\n", 0, token.start) + 1:end]
    return prefix.count("│") + prefix.count("┃")


def boxed_label_cells(text: str, label: Token) -> int:
    """How many box cells a row label drawn in a terminal's ruled box (w3m) ends in, counted from
    its line's start (0: no box drawn before it on its line)."""
    return _borders_before(text, label, label.end)


def outside_boxed_row(text: str, label_cells: int, value: Token) -> bool:
    """Whether a value read after a boxed row's label (boxed_label_cells), on a line of its own,
    lies outside the row's value cells: a box draws a row's values right of its label, so a value
    with no box border before it on its line is outside the table (a page's footer between two parts
    of a split table, 「- 6 -」), and one in a cell left of the label's last is in a label column (a
    group label printed a letter a line down the column left of the row labels: the 无 of
    「（四）无法提供」)."""
    return _borders_before(text, value, value.start) < label_cells


_COLUMN_GAP = re.compile(r" {2,}")


def in_label_column(text: str, label: Token, value: Token, after: Token) -> bool:
    """Whether a value read on a later line of an unboxed row (WPS's export through w3m draws no
    box) is a letter of a label column instead: it starts left of where the row's label starts, and
    the label's text goes on after it, a column gap on, right under the label's start (the 无 of
    「（四）无法提供」 printed a letter a line down the column left of 「2.没有现成…」, 「信息需要另」
    after it). A table's values all lie right of its row labels. `after`: the token after it."""
    if after.kind != TEXT or after.line != value.line or not _COLUMN_GAP.fullmatch(text, value.end, after.start):
        return False
    # (the label's own start: a group label's letter before it on its line, 「）」, is a column apart)
    gaps = list(_COLUMN_GAP.finditer(text, label.start, label.end))
    own_start = gaps[-1].end() if gaps else label.start
    label_prefix = text[text.rfind("\n", 0, label.start) + 1:own_start]
    line_start = text.rfind("\n", 0, value.start) + 1
    value_prefix, after_prefix = text[line_start:value.start], text[line_start:after.start]
    return len(value_prefix) < len(label_prefix) and display_width(value_prefix) < display_width(label_prefix) \
        and (len(after_prefix) == len(label_prefix) or display_width(after_prefix) == display_width(label_prefix))


# The lines a walk up from a row stops at: a dash rule (group 1), or a line printing from its first
# column, out of the table (pandoc indents its tables' lines)
_STOPS = re.compile(r"^(?:([ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$)|\S)", re.M)
_stops_of: list = [None, (), ()]  # the last text asked: its stop lines' starts, and which are rules


def _stop_above(text: str, start: int) -> Optional[int]:
    """The start of the dash rule a row's line (starting at `start`) lies under: the first line
    above it that is a rule or prints from its first column, if a rule, within _LOOKBACK lines;
    else None. (The stops are found once a text: a walk up line by line, for each row of 表三,
    cost a pandoc report 0.8 M instructions.)"""
    if _stops_of[0] is not text:
        found = list(_STOPS.finditer(text))
        _stops_of[:] = [text, [m.start() for m in found], [m.start(1) >= 0 for m in found]]
    starts, rules = _stops_of[1], _stops_of[2]
    at = bisect_left(starts, start) - 1
    if at < 0 or not rules[at] or text.count("\n", starts[at], start) > _LOOKBACK:
        return None
    return starts[at]


def _under_rule(text: str, values: list[Token], width: int, labels: Sequence[Token] = ()) -> Optional[list[Token]]:
    start, _ = _line_at(text, values[0].start)
    position = _stop_above(text, start)
    if position is None:
        return None
    rule = text[position:text.find("\n", position)]
    runs = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    header = None
    if labels:
        # a row printing its label: 表三's, placed by the columns up to the one its header names
        # 总计 (pandoc draws a web table a column wider for a row of 8; 表二's blocks use fewer
        # columns than its grid: not placed so), under pandoc's rule, its dashes one space apart
        # (a row of "--" placeholders is none)
        header = text.find("总计", position + len(rule) + 1, start)
        if header < 0 or "  " in rule.strip():
            return None
    for wide in (True, False):  # pandoc pads by display width; try by characters too
        spans = runs
        if header is not None:
            header_start = text.rfind("\n", 0, header) + 1
            at = width_of(text[header_start:header], wide)
            last = next((n for n, (low, high) in enumerate(runs) if low <= at < high), None)
            if last is None:
                continue
            if last < len(runs) - 1:
                # a column drawn past the header's 总计: pandoc widens a web table for a row of 8
                # cells (a 法人或其他组织 subtotal after 自然人) or a 备注 column: the rows are left to
                # the readers by position, which weigh a row of 8 (w2808 r0024 pandoc-html-plain)
                return None
            spans = runs[:last + 1]
            if any(width_of(text[start:t.end], wide) > spans[-width][0] for t in labels if len(spans) >= width):
                continue  # text (a label) reaching into the value columns
        spans = spans[-width:]
        if len(spans) < width:
            return None
        row = _assign(values, spans, lambda t: width_of(text[start:t.start], wide))
        if row is not None or header is not None:
            return row  # (a header's 总计 under the rule in this measure: the table's measure, the only one asked)
    return None


def _rule_between(text: str, first: Token, second: Token) -> bool:
    """Whether a ruled box draws a horizontal rule on a line between two tokens' lines (a box row
    ends there: w3m draws a rule under every row of the table)."""
    low = text.find("\n", first.start)
    high = text.rfind("\n", 0, second.start)
    return low >= 0 and low < high and any(text.find(rule, low, high) >= 0 for rule in _RULES)


def _lines_of_one_box_row(text: str, first: Token, last: Token) -> bool:
    """Whether the lines from `first`'s to `last`'s are lines of one ruled box row: no rule drawn
    on any of them, each drawing the same cells (w3m draws every line of a box row alike)."""
    start, _ = _line_at(text, first.start)
    _, end = _line_at(text, last.start)
    borders = None
    for line in text[start:end].split("\n"):
        if any(rule in line for rule in _RULES):
            return False
        count = line.count("│") + line.count("┃")
        if not count or borders is not None and count != borders:
            return False
        borders = count
    return True


def box_cell_text(text: str, token: Token) -> str:
    """The text of the ruled box cell (w3m) that `token` starts in, over every line of its box row
    (the lines between two rules, each drawing the same cells), top to bottom; "" where its line
    draws no box. A narrow label cell wraps its label a few characters a line (「（一）」 over
    「予以公」 over 「开」), and the converter's runs join each line's cells across the borders."""
    start, end = _line_at(text, token.start)
    cell = _borders_before(text, token, token.start)
    if not cell:
        return ""
    count = text.count("│", start, end) + text.count("┃", start, end)
    lines = [(start, end)]
    for step in (-1, 1):  # the box row's lines above, then below
        low, high = start, end
        while True:
            if step < 0:
                if low == 0:
                    break
                low, high = _line_at(text, low - 1)
            else:
                if high >= len(text):
                    break
                low, high = _line_at(text, high + 1)
            line = text[low:high]
            if any(rule in line for rule in _RULES) or line.count("│") + line.count("┃") != count:
                break
            if step < 0:
                lines.insert(0, (low, high))
            else:
                lines.append((low, high))
    parts = []
    for low, high in lines:
        borders = [m.start() for m in _BOX_VERTICAL.finditer(text, low, high)]
        if cell < len(borders):
            parts.append(text[borders[cell - 1] + 1:borders[cell]].strip())
    return "".join(parts)


def box_row_values_above(text: str, span: list[Token], label: Token, next_label: Token) -> list[Token]:
    """The values of `span` (a boxed row's tokens, after its label `label`) that the box draws in
    the next row's box row, on its lines above that row's label `next_label`: below a rule under
    this row's label, on lines of one box row with the next label's, right of its label's cell. w3m centres a cell's text on its
    row's height, so a label wrapped less than its row's counts («4» over «件») starts a line below
    them; the counts are that row's, not the row above's."""
    if next_label.line == label.line:
        return []
    # (right of the cell the next label starts in: a group label's letter a line up is no value;
    # the label's end is no measure, its run of text may take in a unit from a value's cell)
    label_cell = _borders_before(text, next_label, next_label.start)
    return [t for t in span if t.kind != TEXT and label.line < t.line < next_label.line
            and _rule_between(text, label, t) and _borders_before(text, t, t.start) > label_cell
            and _lines_of_one_box_row(text, t, next_label)]


def _cells_after(text: str, token: Token) -> int:
    """How many box cells its line draws right of the cell holding `token` (from its start: a
    count's unit may be read from the next cell, 「0 │件」)."""
    _, end = _line_at(text, token.start)
    return text.count("│", token.start, end) + text.count("┃", token.start, end) - 1


def on_lines_of_one_box_row(text: str, values: list[Token]) -> bool:
    """Whether `values` lie on several lines of one ruled box row (_lines_of_one_box_row)."""
    return len({t.line for t in values}) > 1 and _lines_of_one_box_row(
        text, min(values, key=lambda t: t.start), max(values, key=lambda t: t.start))


def in_box_cell_order(text: str, values: list[Token]) -> list[Token]:
    """A boxed row's values read by the box's cells, left to right (a value on an upper line of
    its box row before one on a lower line in a cell to its left; w3m draws every line of a box
    row with the same cells), where they lie on several lines of one box row; else as given."""
    if not on_lines_of_one_box_row(text, values):
        return values
    return sorted(values, key=lambda t: (-_cells_after(text, t), t.start))


def _across_box_lines(text: str, values: list[Token], width: int, after_last: int) -> Optional[list[Token]]:
    """ruled_row for a row whose values lie on several lines of one box row (no rule between
    them): each value in the column of its cell, counted from the line's end (every line of a box
    row draws the same cells); None where a line draws no box or a value lies outside the value
    columns or two share one."""
    if not on_lines_of_one_box_row(text, values):
        return None
    row: list[Optional[Token]] = [None] * width
    for token in values:
        start, end = _line_at(text, token.start)
        if not any(vertical in text[start:end] for vertical in _BOX_VERTICALS):
            return None
        column = width + after_last - 1 - _cells_after(text, token)
        if not 0 <= column < width or row[column] is not None:
            return None
        row[column] = token
    spot = in_box_cell_order(text, values)[0]
    return [t if t is not None else Token(EMPTY, "", spot.start, spot.start, spot.line) for t in row]


def ruled_row(text: str, tokens: list[Token], values: list[Token], width: int, after_last: int = 0
              ) -> Optional[list[Token]]:
    """`values`, printed on one line, placed in the `width` columns that a ruled box or a dash rule
    draws (the last `width` of them: label columns come first; in a box, those before the
    `after_last` columns its header draws after its last name, box_columns_after_last); None
    without such a grid or when a value lies outside its columns. `tokens` are the table's, to
    tell labels from values."""
    if not values:
        return None
    if len({t.line for t in values}) != 1:
        return _across_box_lines(text, values, width, after_last)
    line = values[0].line
    start, end = _line_at(text, values[0].start)
    if any(vertical in text[start:end] for vertical in _BOX_VERTICALS):  # (a scan per border, not a step per character)
        return _in_box(text, values, width, [t for t in tokens if t.line == line and t.kind == TEXT], after_last)
    if text.find("--", 0, start) < 0:
        return None  # no dash rule above the row (one scan of the text, not of the table's tokens)
    # (a row's label printed on its line, left of the values: _under_rule weighs where it ends)
    labels = [t for t in tokens if t.line == line and t.kind == TEXT]
    return _under_rule(text, values, width, labels)


_BOX = frozenset(map(chr, range(0x2500, 0x2580)))  # a ruled box's borders and rules
_RULES = frozenset("─━═")  # a box's horizontal rules: no column's border
_DIGIT = re.compile(r"\d")


def box_columns_after_last(text: str, start: int, end: int, last: str) -> int:
    """How many columns a ruled box's header, in text[start:end], draws after the cell naming its
    last column `last`, with nothing in them (w3m draws every row of a web table as wide as its
    widest: one row of 8 cells gives every row an empty column after 总计, its header too, as a
    cell or as a rule across it: 「总计 │ │」, 「总计 ├─┤」); 0 without such a header."""
    at = text.find(last, start, end)
    while at >= 0:
        line_start, line_end = _line_at(text, at)
        before = text[line_start:at].rstrip(" ")
        rest = text[at + len(last):line_end]
        if before and before[-1] in _BOX and all(ch in _BOX or ch == " " for ch in rest):  # (a cell of its own)
            return max(0, sum(1 for ch in rest if ch in _BOX and ch not in _RULES) - 1)
        at = text.find(last, line_end, end)
    header = text[start:end]
    if not any(vertical in header for vertical in _BOX_VERTICALS):
        return 0  # no box drawn
    return _after_wrapped_name(header.split("\n"), last)


def own_box_header(text: str, label: int, label_starts: Mapping[str, int], table_start: int
                   ) -> Optional[tuple[int, int]]:
    """Where the header of the ruled box (w3m) holding the row label at `label` lies, when that box
    prints a header of its own: from the box's top-left corner to its first row label (the first
    of the table's, row -> its start in `label_starts`, inside it). A table split in parts
    (at a page break, or a block a table) is drawn a box a part, each as wide as its own widest
    row: one part draws an empty column after 总计 (it holds a row of 8 cells), the others none.
    None when no box starts after `table_start`, or the box prints nothing above its first row (a
    part going on from the one above, under the table's header)."""
    top = text.rfind("┌", table_start, label)
    if top < 0:
        return None
    first = min((at for at in label_starts.values() if at >= top), default=label)
    if all(ch in _BOX or ch.isspace() for ch in text[top:first]):
        return None
    return top, first


def continued_part_columns_after_last(text: str, label: Token, width: int, table_start: int) -> Optional[int]:
    """box_columns_after_last for a boxed row (w3m) in a box drawn after `table_start` that prints
    no header of its own (own_box_header None): a later part of a split table, going on under the
    header of the part above. w3m draws each box as wide as its own widest row, every row's line
    alike, so such a part draws as many columns after 总计 as its row's line draws cells past the
    table's `width` (none where the part holds no row of a cell more, though the part above draws
    one). None for a row in no box drawn after `table_start`: the table's header says."""
    if text.rfind("┌", table_start, label.start) < 0:
        return None
    return max(0, cells_right_of(text, label) - width)


def _last_named_cell(line: str) -> tuple[str, int]:
    """The text of `line`'s last cell holding any and the columns the line draws after that cell
    ("", 0 without one)."""
    end = len(line)
    while end and (line[end - 1] in _BOX or line[end - 1] == " "):
        end -= 1
    border = end
    while border and line[border - 1] not in _BOX:
        border -= 1
    if not border:
        return "", 0
    rest = line[end:]
    return line[border:end].strip(" "), max(0, sum(1 for ch in rest if ch in _BOX and ch not in _RULES) - 1)


def _after_wrapped_name(lines: list[str], last: str) -> int:
    """box_columns_after_last for a header whose last column's name wraps in its narrow cell, a
    piece a line (「│总 ├─┤」 over 「│计 │ │」): the lines' last named cells, read down, spell it,
    each line drawing as many columns after it."""
    spelt, after = "", -1
    for line in lines:
        piece, count = _last_named_cell(line)
        if piece and spelt and count == after and last.startswith(spelt + piece):
            spelt += piece
        elif piece and last.startswith(piece):
            spelt, after = piece, count
        else:
            spelt, after = "", -1
        if spelt == last:
            return after
    return 0


_ASCII_SPACE = " "


def _border_before(text: str, start: int, end: int) -> int:
    """The last ruled-box cell border in text[start:end], -1 without one."""
    return max(text.rfind("│", start, end), text.rfind("┃", start, end))


def printed_blank(cell: str) -> bool:
    """Whether a cell prints a blank: white space, not only the spaces w3m and pandoc pad a cell with."""
    return cell.strip(_ASCII_SPACE) != "" and cell.strip() == ""


def cells_right_of(text: str, label: Token) -> int:
    """How many cells a boxed row's line draws right of its label."""
    start, end = _line_at(text, label.end)
    return max(0, text.count("│", label.end, end) + text.count("┃", label.end, end) - 1)


def ends_on_printed_blank(text: str, label: Token) -> bool:
    """Whether the last cell a boxed row's line draws, right of its label, prints a blank (a
    full-width or no-break space): a row that may have drawn a column of its own (cells_past_last)."""
    start, end = _line_at(text, label.end)
    last = _border_before(text, label.end, end)
    before = _border_before(text, label.end, last) if last >= 0 else -1
    return before >= 0 and printed_blank(text[before + 1:last])


def cells_printed_past_last(text: str, label: Token, width: int) -> Optional[list[tuple[int, int]]]:
    """The spans of the `width` + 1 cells a boxed row (w3m) printed where its box's header draws one
    empty column after its last name, its cell in that column printing something (a 0, a
    placeholder): the row printed a cell more than the header (one of the rows that made w3m draw
    the column). None for any other row (w3m pads the others' cell there with spaces; a printed blank
    there is cells_past_last's)."""
    start, end = _line_at(text, label.end)
    borders = [end]  # read from the line's end: the cell past the last column first
    while len(borders) < width + 3:
        border = _border_before(text, start, borders[-1])
        if border < label.end:
            return None  # too few cells right of the label
        borders.append(border)
        if len(borders) == 3:
            cell = text[border + 1:borders[-2]]
            if cell.strip() == "" or printed_blank(cell):
                return None  # w3m's padding, or a printed blank
    borders.reverse()
    return [(low + 1, high) for low, high in zip(borders[:width + 1], borders[1:width + 2])]


def values_in_cells(values: list[Token], spans: list[tuple[int, int]]) -> Optional[list[Token]]:
    """A boxed row's `values` in its box's cells (`spans`, as cells_printed_past_last gives them):
    each in the cell holding it, every other cell blank; None where one lies in none or two share one."""
    return _assign(values, spans, lambda t: t.start)


def cells_past_last(text: str, label: Token, width: int, after_last: int, padded: bool = False) -> Optional[list[str]]:
    """The texts of the `width` + 1 cells a boxed row (w3m) printed where its box's header draws
    `after_last` empty columns after its last name (box_columns_after_last): the row's cell right
    after its last column holds a printed blank, not the spaces w3m pads a narrower row's cells
    with (a full-width space, a no-break space: the row printed a cell more than the header, the
    one row that made w3m draw the column). None for any other row, or one with no such box.
    `padded`: the row's cell after its last column holds w3m's spaces only, or a printed blank
    (a row that printed an empty cell more looks so, as does one w3m padded)."""
    if after_last < 1:
        return None
    start, end = _line_at(text, label.end)
    borders = [end]  # read from the line's end: most rows stop at their cell past the last
    while len(borders) < width + after_last + 2:
        border = _border_before(text, start, borders[-1])
        if border < label.end:
            return None  # too few cells right of the label
        borders.append(border)
        if len(borders) == after_last + 2:
            cell = text[border + 1:borders[-2]]  # (the cell right after the last column)
            if not (cell.strip() == "" if padded else printed_blank(cell)):
                return None  # w3m's padding (spaces only), or a cell printing something
    borders.reverse()  # (the line's end first: not a border)
    return [text[low + 1:high] for low, high in zip(borders[:width + 1], borders[1:width + 2])]


def _box_cell(text: str, token: Token) -> Optional[tuple[int, int, str]]:
    """The ruled-box cell holding `token`: its borders' display columns on the token's line and
    its text between them (None when no box border bounds it on both sides)."""
    line_start, line_end = _line_at(text, token.start)
    left = max(text.rfind(v, line_start, token.start) for v in _BOX_VERTICALS)
    right = min((at for at in (text.find(v, token.end, line_end) for v in _BOX_VERTICALS) if at >= 0), default=-1)
    if left < 0 or right < 0:
        return None
    column = display_width(text[line_start:left])
    return column, column + display_width(text[left:right]), text[left + 1:right]


def wrapped_box_numbers(text: str, tokens: list[Token]) -> list[Token]:
    """`tokens` with each number a terminal's ruled box (w3m) wrapped in its narrow cell read whole.

    w3m breaks a cell's text that does not fit the cell's width onto the cell's next line, digits
    too: 「│８ │」 over 「│７ │」 is the one count 87 (a box cell is one cell of the table, all its
    lines; the next row starts under a rule). Read apart, the 7 would be another cell's, every
    value after it a column off. A number is taken as wrapped where its cell holds nothing else,
    the cell's next line (no rule) holds digits alone in the same borders, and the cell has no room
    for their first digit after it, or room for it but not for a space before it where the lines
    are a number's thousands groups (w3m broke at a space: 「12 558」 over two lines). The joined
    token keeps the first line's place."""
    by_start = {t.start: n for n, t in enumerate(tokens)}
    joined: dict[int, Token] = {}  # index of a number's first token -> the number read whole
    gone: set[int] = set()  # indexes of the digits read into a number above them
    may_wrap: dict[int, bool] = {}  # a line's end -> whether its next line may hold wrapped digits
    for n, token in enumerate(tokens):
        if token.kind != NUM or n in gone or not token.text.isdigit():
            continue
        # (most lines are followed by a rule or by no digit: nothing wraps there, told before the
        # cell is measured; the loop below would stop at its first step)
        line_end = text.find("\n", token.start)
        if line_end not in may_wrap:
            following_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
            next_line = text[line_end + 1:following_end if following_end >= 0 else len(text)] if line_end >= 0 else ""
            may_wrap[line_end] = bool(next_line) and _RULES.isdisjoint(next_line) and _DIGIT.search(next_line) is not None
        if not may_wrap[line_end]:
            continue
        cell = _box_cell(text, token)
        if cell is None or cell[2].strip() != text[token.start:token.end]:
            continue
        below: list[int] = []  # indexes of the digits joined to this one
        whole, at = token.text, token
        while True:
            left, right, printed = cell
            line_start, line_end = _line_at(text, at.start)
            next_start, next_end = line_end + 1, _line_at(text, line_end + 1)[1] if line_end < len(text) else line_end
            next_line = text[next_start:next_end]
            if not next_line or any(ch in _RULES for ch in next_line):
                break
            # the same cell's next line: the text between the borders at the same columns, or
            # between the same borders where both lines draw as many (a 「—」 w3m gave two columns
            # before the cell, display_width one: the columns disagree, the borders' order not)
            borders = _borders_of(text[line_start:line_end])
            next_borders = _borders_of(next_line)
            if borders and len(next_borders) == len(borders) and at.start - line_start > borders[0]:
                own = max(k for k, b in enumerate(borders) if b < at.start - line_start)
                offset = next_borders[own]
                end = next_borders[own + 1] if own + 1 < len(next_borders) else -1
                if end < 0:
                    break
            else:
                at_column = _offset_at_column(next_line, left)
                if at_column is None or next_line[at_column] not in _BOX_VERTICALS:
                    break
                offset = at_column
                end = next(((k for k in range(offset + 1, len(next_line)) if next_line[k] in _BOX_VERTICALS)), -1)
                if end < 0 or display_width(next_line[:end]) != right:
                    break
            rest = next_line[offset + 1:end]
            digits = rest.strip()
            following = by_start.get(next_start + offset + 1 + (len(rest) - len(rest.lstrip())))
            if not digits or following is None or tokens[following].kind != NUM \
                    or text[tokens[following].start:tokens[following].end] != digits:
                break
            room = right - left - 1 - display_width(printed.strip())
            if display_width(digits[0]) <= room:
                # room for the next digit, none for a space and the next line's digits: w3m broke
                # the line at a space (it wraps words whole), a thousands separator (「12 558」:
                # 「12」 over 「558」) where the groups are a number's, each after the first three digits
                if not (room < 1 + len(digits) and len(digits) == 3 and digits.isdigit()
                        and (len(whole) <= 3 if not below else len(text[at.start:at.end]) == 3)):
                    break
            whole += tokens[following].text
            below.append(following)
            at, cell = tokens[following], (left, right, rest)
            if not tokens[following].text.isdigit():
                break
        if below and (number := parse_number(whole)) is not None:
            joined[n] = Token(NUM, whole, token.start, token.end, token.line, number[0], number[1])
            gone.update(below)
    if not joined:
        return tokens
    return [joined.get(n, t) for n, t in enumerate(tokens) if n not in gone]


def _borders_of(line: str) -> list[int]:
    """The offsets of a box line's vertical borders."""
    return [k for k, ch in enumerate(line) if ch in _BOX_VERTICALS]


def _offset_at_column(line: str, column: int) -> Optional[int]:
    """The offset in `line` of the character starting at display column `column` (None: none does)."""
    width = 0
    for offset, ch in enumerate(line):
        if width == column:
            return offset
        if width > column:
            return None
        width += display_width(ch)
    return None
