"""表三 counts printed on the line above their row's label, their units alone on the line below.

A cell too narrow for its count and unit prints them on two lines (「1556」 over 「件」), centred
on the row's height: a tool reading the page line by line (pdfplumber) prints the count on the
line above the row's label, after the previous row's label or the header's words, the unit
alone on the line below the label, and the row's one-line cells (「23件」) beside the label:

    1556 398 2060
    一、本年新收政府信息公开申请数量 23件 － － 83件
    件 件 件

The counts above are the row's, not the previous row's (nor no row's, above the first label).
They are taken down into the row where the line above its label prints bare counts only (no
unit, no mark), the line below prints exactly as many units standing alone, and the previous
row's label is on neither line. A label over three lines shows the same a line lower: the
counts beside the label's first line, the one-line cells alone on the next, the units on the
third.

Which columns they are, the lines do not tell (the page's positions are lost): each line keeps
its cells' order, the 总计 is last (the sum of all the others), and the two lines' cells may
interleave in any way. The wrapped counts are put before the row's one-line cells (the wide
counts of 自然人 and 商业企业, the columns counting the most), and the row flagged. Once the
table is stored, where the rows taken down print every cell (zeros and marks too) and every
other cell of the table is known, each interleaving is weighed against the column sums (T3-1,
T3-2): when exactly one set of values makes them all hold, the rows are read so (still flagged,
saying so). So too where the table's 总计 column printed nothing (q3401 r0026, pdfplumber: every
row a value short, none of them its row's sum): a row taken down then prints every cell but its
总计, its lines interleaved over the other columns, its 总计 blank (0) as the other rows'. Rows
short of cells whose blanks left no trace, a misprint, several readings: as put first.
"""
from __future__ import annotations

from itertools import combinations
from operator import add
from typing import Optional

from core.model import BLANK, INFERRED, CellValue, Flag, Number, Report, known
from core.parse.columns import display_width
from core.parse.stored_cells import store_row
from core.parse.tokens import COUNT_UNITS, EMPTY, NA, NUM, TEXT, Token
from core.readers.document import Line
from core.template import RESULT_ROWS_2019, RESULT_ROWS_2021, Table

_LONE_UNITS = frozenset(COUNT_UNITS)

WRAPPED_ABOVE = ("「{}」行有单元格的数字与单位分两行印出，数字印在行标签的上一行，已归入该行"
                 "（各格原在哪一列未能确定，按印出先后排在本行其他数值之前），请对照原文核对")
WRAPPED_BY_SUMS = ("「{}」行有单元格的数字与单位分两行印出，数字印在行标签的上一行，已归入该行，"
                   "各格所在的列按表内勾稽关系排定，请对照原文核对")

# a row taken down: (its wrapped counts, its one-line cells, its 总计), each in printed order
Parts = tuple[list[Token], list[Token], list[Token]]

_BUDGET = 20000  # readings of the table weighed before giving up (the rows then read as printed first)


def _lone_units(line: Line) -> int:
    """How many units stand alone on the line; none where it prints a count too (「21 件」: a count
    and its unit apart, not a unit wrapped under a count above)."""
    pieces = line.text.split()
    if any(character.isdigit() for piece in pieces for character in piece):
        return 0
    return sum(1 for piece in pieces if piece in _LONE_UNITS)


def _bare(token: Token) -> bool:
    """A count printed without a unit."""
    return token.kind == NUM and not token.unit


def _bare_counts_on(tokens: list[Token], line: int) -> list[Token]:
    """The tokens of `tokens` on `line`, when every value among them is a count printed without a
    unit (the line's text aside); else none."""
    on_line = [t for t in tokens if t.line == line and t.kind != TEXT]
    if not on_line or any(t.kind != NUM or t.unit or t.value is None or t.value < 0 for t in on_line):
        return []
    return on_line


def take_wrapped_counts_down(table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                             values_of: dict[str, list[Token]], lines: list[Line], report: Report
                             ) -> dict[str, Parts]:
    """Move each row's counts printed above its label (see the module's doc) from the row above
    (or from before the first label) into the row, before its one-line cells; returns the rows
    given counts, each with its (wrapped counts, one-line cells, 总计)."""
    moved: dict[str, Parts] = {}
    # (from the last row up: a row's values hold the next row's counts above it till they are taken down)
    for n, (index, key) in reversed(list(enumerate(labels))):
        line = tokens[index].line
        if line + 2 >= len(lines) or key not in values_of:
            continue
        values = values_of[key]
        # (most rows start on their label's line with a count and its unit, or a mark: one look each)
        counts = _bare_counts_on(values, line) if values and values[0].line == line \
            and values[-1].line == line + 1 and _bare(values[0]) else []
        if counts and values[:len(counts)] == counts and len(values) > len(counts) \
                and all(t.line == line + 1 for t in values[len(counts):]) \
                and (n + 1 == len(labels) or tokens[labels[n + 1][0]].line > line + 1) \
                and _lone_units(lines[line + 2]) == len(counts):
            # the label's first line its wrapped counts, the next its one-line cells, then their units
            moved[key] = _parts(counts, values[len(counts):])
            values_of[key] = [t for part in moved[key] for t in part]
            continue
        if line < 1:
            continue
        if n == 0:
            above_key = None
            start = index  # (the tokens on the line above only, not the text before the table)
            while start and tokens[start - 1].line >= line - 1:
                start -= 1
            source = tokens[start:index]
        else:
            above_index, above_key = labels[n - 1]
            if tokens[above_index].line >= line - 1 or above_key not in values_of:
                continue  # the row above labelled on that line: its counts beside its label are its own
            source = values_of[above_key]
        if not source or source[-1].line != line - 1 or not _bare(source[-1]):
            continue
        counts = _bare_counts_on(source, line - 1)
        if not counts or _lone_units(lines[line + 1]) != len(counts):
            continue
        if above_key is not None:
            if source[-len(counts):] != counts:
                continue  # not the row above's last values: not this shape
            values_of[above_key] = source[:-len(counts)]
        moved[key] = _parts(counts, values)
        values_of[key] = [t for part in moved[key] for t in part]
    for key in (key for _, key in labels if key in moved):  # (in the table's order)
        report.flags.append(Flag(f"{table.section}.{key}", "inferred", WRAPPED_ABOVE.format(table.row(key).label)))
    return moved


def flag_counts_over_units(report: Report, table: Table, moved: list[Token]) -> None:
    """Flag each cell read from a count counts_over_their_units moved (found by its span)."""
    spans = {(t.start, t.end): t for t in moved}
    for row in table.rows:
        for column, path in zip(row.columns, table.row_paths(row.key)):
            cell = report.cells.get(path)
            if cell is not None and cell.span in spans:
                report.flags.append(Flag(path, "inferred", COUNT_OVER_UNIT.format(
                    row.label, column.label, spans[cell.span].text)))


def read_wrapped_by_the_sums(report: Report, table: Table, moved: dict[str, Parts]) -> None:
    """The rows given their wrapped counts (take_wrapped_counts_down), each printing every cell,
    read again in the one interleaving of their lines under which T3-1 and T3-2 hold in every
    column, the table's other rows as stored (see the module's doc); their flags say so."""
    decided = _by_the_sums(report, table, moved)
    if decided is None:
        return
    for key, values in decided.items():
        store_row(report, table, key, values)
        if len(values) < len(table.row_paths(key)):  # (the table's 总计 column printed nothing)
            report.cells[table.row_paths(key)[-1]] = CellValue(0, INFERRED)
        cell = f"{table.section}.{key}"
        for flag in report.flags:
            if flag.cell == cell and flag.message == WRAPPED_ABOVE.format(table.row(key).label):
                flag.message = WRAPPED_BY_SUMS.format(table.row(key).label)


def _parts(counts: list[Token], own: list[Token]) -> Parts:
    """(wrapped counts, one-line cells, 总计) of a row: its 总计 the last wrapped count when that
    is the sum of all the others, else its last one-line cell."""
    numbers = [t.value for t in counts + own if t.kind == NUM and t.value is not None]
    if counts[-1].value and counts[-1].value == sum(numbers) - counts[-1].value:
        return counts[:-1], own, counts[-1:]
    return (counts, own[:-1], own[-1:]) if own else (counts[:-1], [], counts[-1:])


def _interleavings(first: list[Token], second: list[Token]) -> list[list[Token]]:
    """Every order of `first` and `second` together keeping each one's own order."""
    out = []
    for places in combinations(range(len(first) + len(second)), len(first)):
        merged: list[Token] = []
        a, b = iter(first), iter(second)
        for n in range(len(first) + len(second)):
            merged.append(next(a) if n in places else next(b))
        out.append(merged)
    return out


def _numbers(values: list[Token]) -> Optional[tuple[Number, ...]]:
    """A full row's cells as the sums read them (a mark or a blank: none), None if any is text."""
    out: list[Number] = []
    for t in values:
        if t.kind == NUM and t.value is not None:
            out.append(t.value)
        elif t.kind in (NA, EMPTY):
            out.append(0)
        else:
            return None
    return tuple(out)


def _by_the_sums(report: Report, table: Table, moved: dict[str, Parts]) -> Optional[dict[str, list[Token]]]:
    """The one reading of the rows taken down (wrapped counts and one-line cells interleaved, each
    line's order kept, the 总计 last) under which T3-1 and T3-2 hold in every column, the table's
    other rows as stored; None when a row taken down is short of cells (a blank left no trace),
    a cell of another row is unknown, or no reading or several sets of values hold, or too many
    to weigh."""
    width = len(table.rows[0].columns)
    fixed: dict[str, tuple[Number, ...]] = {}
    options: dict[str, list[tuple[tuple[Number, ...], list[Token]]]] = {}
    no_totals = _no_total_printed(report, table, moved)
    for row in table.rows:
        if row.key in moved:
            first, second, total = moved[row.key]
            blank_total: tuple[Number, ...] = ()
            if no_totals and len(first) + len(second) + len(total) == width - 1:
                second, total, blank_total = second + total, [], (0,)  # (every printed value a part)
            elif len(first) + len(second) + len(total) != width or len(total) != 1:
                return None
            found: dict[tuple[Number, ...], list[Token]] = {}
            for merged in _interleavings(first, second):
                numbers = _numbers(merged + total)
                if numbers is None:
                    return None
                found.setdefault(numbers + blank_total, merged + total)
            options[row.key] = list(found.items())
            continue
        stored = [report.cells.get(path) for path in table.row_paths(row.key)]
        cells = [None if cell is None else cell.arithmetic for cell in stored]
        if not known(cells):
            return None  # (a cell unknown: the sums through it say nothing)
        fixed[row.key] = tuple(cells)
    if not options or all(len(o) == 1 for o in options.values()):
        return None  # nothing to choose
    results = RESULT_ROWS_2019 if report.template == "2019" else RESULT_ROWS_2021
    if not all(k in fixed or k in options for k in ("new", "carried_over", "total", "carried_forward") + results):
        return None
    order = list(options)
    counted = _count_by_halves(order, options, fixed, results, width)
    if counted is not None:  # (whole counts: the readings that hold counted without the search)
        return counted or None
    # The search below enters a node for each pick of the rows before a row, and gives up after
    # _BUDGET: where its whole tree holds that many, the answer is None whether or not two
    # readings come first (issue 10: 17 010 readings weighed in vain, 1.2 G instructions)
    nodes = at_depth = 1
    for key in order:
        at_depth *= len(options[key])
        nodes += at_depth
        if nodes >= _BUDGET:
            return None
    chosen: dict[str, tuple[Number, ...]] = {}
    picks: dict[str, int] = {}
    solutions: list[dict[str, int]] = []
    budget = [_BUDGET]

    def value(key: str) -> tuple[Number, ...]:
        return chosen[key] if key in chosen else fixed[key]

    def holds() -> bool:
        new, carried, total, forward = (value(k) for k in ("new", "carried_over", "total", "carried_forward"))
        summed = [sum(column) for column in zip(*(value(k) for k in results))]
        return all(new[c] + carried[c] == total[c] + forward[c] and total[c] == summed[c] for c in range(width))

    def search(i: int) -> None:
        if budget[0] <= 0 or len(solutions) > 1:
            return
        budget[0] -= 1
        if i == len(order):
            if holds():
                solutions.append(dict(picks))
            return
        key = order[i]
        for n, (numbers, _) in enumerate(options[key]):
            chosen[key], picks[key] = numbers, n
            search(i + 1)
        del chosen[key], picks[key]

    search(0)
    if budget[0] <= 0 or len(solutions) != 1:
        return None
    return {key: options[key][n][1] for key, n in solutions[0].items()}


def _no_total_printed(report: Report, table: Table, moved: dict[str, Parts]) -> bool:
    """Whether the table's 总计 column printed nothing: every row not taken down has its 总计 blank or
    filled in by the parser (no value printed there), and every row taken down prints one value
    fewer than the columns, none of them the sum of the others (no 总计 among them)."""
    width = len(table.rows[0].columns)
    for row in table.rows:
        if row.key in moved:
            values = [t for part in moved[row.key] for t in part]
            numbers = _numbers(values)
            if len(values) != width - 1 or numbers is None \
                    or any(2 * n == sum(numbers) and n for n in numbers):
                return False
            continue
        cell = report.cells.get(table.row_paths(row.key)[-1])
        if cell is None or not (cell.state == BLANK or cell.state == INFERRED and cell.span is None):
            return False
    return True


# Each row's part in the sums the search holds to: 一 + 二 - （七）总计 - 四 (T3-1) and
# （七）总计 - the result rows (T3-2), column by column
_T3_1_PART = {"new": 1, "carried_over": 1, "total": -1, "carried_forward": -1}


def _count_by_halves(order: list[str], options: dict[str, list[tuple[tuple[Number, ...], list[Token]]]],
                     fixed: dict[str, tuple[Number, ...]], results: tuple[str, ...], width: int
                     ) -> Optional[dict[str, list[Token]]]:
    """_by_the_sums' answer, when every count is whole, for a search that would end within its
    budget: the one reading under which T3-1 and T3-2 hold ({} when none or several), found
    without weighing every reading. The sums are linear in the rows: a reading holds where the
    rows' parts in them add up to 0 in every column, so the readings of the first rows taken
    down are summed once, and each reading of the others looks up the ones that complete it
    (five rows of 20 readings each: 3.2 million readings, two halves of 400 and 8 000). None when
    a count is not whole (floats summed in another order may round otherwise), or when the halves
    hold _BUDGET readings or more."""
    def part(key: str) -> tuple[int, int]:
        return _T3_1_PART.get(key, 0), (key == "total") - results.count(key)

    def parts(key: str, numbers: tuple[Number, ...]) -> tuple[Number, ...]:
        first, second = part(key)
        return tuple(first * x for x in numbers) + tuple(second * x for x in numbers)

    numbers = [n for row in fixed.values() for n in row] + [n for key in order for row, _ in options[key] for n in row]
    if any(type(n) is not int for n in numbers):
        return None
    zero = (0,) * (2 * width)
    base = zero
    for key, row in fixed.items():
        if part(key) != (0, 0):
            base = tuple(map(add, base, parts(key, row)))

    def readings(keys: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Each reading of these rows: what their parts add up to, and each row's pick."""
        out: list[tuple[tuple[int, ...], tuple[int, ...]]] = [(zero, ())]
        for key in keys:
            picks = [parts(key, row) for row, _ in options[key]]
            out = [(tuple(map(add, summed, row)), chosen + (n,)) for summed, chosen in out for n, row in enumerate(picks)]
        return out

    # (the halves about as many readings each)
    half, product, leaves = 0, 1, 1
    for key in order:
        leaves *= len(options[key])
    while half < len(order) and product * product < leaves:
        product *= len(options[order[half]])
        half += 1
    if product + leaves // product >= _BUDGET:
        return None
    first_half: dict[tuple[int, ...], tuple[int, tuple[int, ...]]] = {}  # sum -> (readings, the first)
    for summed, chosen in readings(order[:half]):
        count, first = first_half.get(summed, (0, chosen))
        first_half[summed] = (count + 1, first)
    found: list[tuple[int, ...]] = []
    for summed, chosen in readings(order[half:]):
        wanted = tuple(-a - b for a, b in zip(base, summed))
        count, first = first_half.get(wanted, (0, ()))
        if count:
            if count > 1 or found:
                return {}  # (several readings hold)
            found.append(first + chosen)
    if not found:
        return {}
    return {key: options[key][n][1] for key, n in zip(order, found[0])}


# --- a count printed over its unit, the unit on its row's line (w3m of a narrow cell) -------------

COUNT_OVER_UNIT = ("「{}」行「{}」一格的数字与单位分两行印出，数字（{}）印在行标签的上一行、单位在本行，"
                   "已按两者所在的列归入该格，请对照原文核对")
_RULES = frozenset(" \u3000|│┃║")  # what sets a unit apart from the count before it: spaces, a box's rules


def _unit_spots(text: str, on_line: list[Token]) -> list[tuple[int, int]]:
    """The units standing apart on a line: (offset of the unit, index in `on_line` of its token), a
    unit alone (a text token 「个」) or one the tokenizer glued to the count before it across spaces
    or a box's rule (「0     个」, 「0 │个」: the unit is no part of that count's cell)."""
    spots = []
    for i, token in enumerate(on_line):
        if token.kind == TEXT and token.text in _LONE_UNITS:
            spots.append((token.start, i))
        elif token.kind == NUM and token.unit and token.end - token.start >= 3:
            raw = text[token.start:token.end]
            if raw[-1] in _LONE_UNITS and raw[-2] in _RULES:
                spots.append((token.end - 1, i))
    return spots


def _may_stand_apart(token: Token, text: str) -> bool:
    """Whether `token` is a unit _unit_spots takes for one standing apart."""
    if token.kind == TEXT:
        return token.text in _LONE_UNITS
    return (token.kind == NUM and bool(token.unit) and token.end - token.start >= 3
            and text[token.end - 1] in _LONE_UNITS and text[token.end - 2] in _RULES)


def _column(text: str, at: int) -> Optional[int]:
    """The display column of offset `at` in its line (None after a tab: unknown)."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    return None if "\t" in before else display_width(before)


def counts_over_their_units(tokens: list[Token], text: str) -> list[Token]:
    """A cell too narrow for its count and unit prints them on two lines; a terminal (w3m) centres
    the row's other cells on the line of its label, so the count prints alone on the line above
    (among a column label's letters), its unit on the row's line under it: 「（      34」 over
    「1.本机关不掌握… 30个 3个 0 0 1个 0     个」. Read in order, the count went to the row above (a
    cell too many) and the row was short of its 总计. Where a line prints one count without a unit
    and no text but a letter or two, and the next line prints a row's values (three or more) with
    one unit standing apart in the count's columns, the count is put in that unit's place in
    `tokens` (its line the row's; it keeps its own span). Returns the counts moved."""
    # Only a line above one with a unit standing apart can hold such a count: find those lines in
    # one cheap pass (most reports have none) before grouping any tokens by line.
    # (_may_stand_apart inline, a count without a unit, most tokens, ruled out first: asked of every
    # token of 表三, a call a token cost as much as the rest of this function on most reports)
    unit_lines = {token.line for token in tokens
                  if (token.text in _LONE_UNITS if token.kind == TEXT else
                      token.unit and token.kind == NUM and token.end - token.start >= 3
                      and text[token.end - 1] in _LONE_UNITS and text[token.end - 2] in _RULES)}
    if not unit_lines:
        return []
    wanted = unit_lines | {line - 1 for line in unit_lines}
    by_line: dict[int, list[Token]] = {}
    for token in tokens:
        if token.line in wanted:
            by_line.setdefault(token.line, []).append(token)
    moved: list[Token] = []
    for line, on_line in by_line.items():
        if line + 1 not in unit_lines:
            continue
        values = [t for t in on_line if t.kind != TEXT]
        if len(values) != 1 or values[0].kind != NUM or values[0].unit or values[0].value is None:
            continue  # (most lines: a row's values, or none)
        if any(t.kind == TEXT and len(t.text) > 2 for t in on_line):
            continue  # a label's line: its value is its row's
        below = by_line.get(line + 1, [])
        if sum(t.kind != TEXT for t in below) < 3:
            continue
        count = values[0]
        left = _column(text, count.start)
        if left is None:
            continue
        right = left + display_width(text[count.start:count.end])
        under = [(at, i) for at, i in _unit_spots(text, below)
                 if (column := _column(text, at)) is not None and column < right and left < column + 2]
        if len(under) != 1:
            continue
        at, i = under[0]
        unit_token = below[i]
        placed = Token(NUM, count.text, count.start, count.end, line + 1, count.value, text[at])
        if unit_token.kind == TEXT:
            replacement = [placed]
        else:  # the count before the unit keeps its digits only
            end = at
            while end > unit_token.start and text[end - 1] in _RULES:
                end -= 1
            replacement = [Token(NUM, unit_token.text, unit_token.start, end, unit_token.line, unit_token.value), placed]
        where = next(n for n, t in enumerate(tokens) if t is unit_token)
        tokens[where:where + 1] = replacement
        del tokens[next(n for n, t in enumerate(tokens) if t is count)]
        moved.append(placed)
    return moved
