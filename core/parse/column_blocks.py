"""表三 of the 2019 template printed by plain pdftotext as column blocks, all after its labels.

When every cell prints (zeros as 0, or as a placeholder mark), plain pdftotext (without -layout) can print all of 表三's
labels first and then every value at once after 「5、要求行政机关确认…」's label: a paragraph
(lines between blank lines) per column of a band of rows that share one of the PDF's text
blocks, the bands in the table's order. The bands follow the template's rows as rendered:
（一）（二） · （三）1–2 · （三）3–5 · （三）6–8 with （四）1 · （四）2 · （四）3 · （五）1–4 ·
（五）5 · （六）（七）四. A band prints 7 columns, or only 自然人…其他 / 商业企业…总计 /
商业企业…其他 when its first or last column's values went into another text block; those cells
print elsewhere as short paragraphs in between, beside the last labels, or after section 四's
heading (a 总计). Rows 一 and 二 print their 14 values in the header, one row's values in order
and the other's in order, interleaved. The labels may also print only to 「3.危及…」 before the
bands and the others after section 四's heading, the last band's blocks after that heading too
(_blocks_across_heading). Printed from a Word table to PDF, the labels may print before the header
and rows 一 and 二 among and right after its words, the bands after them; where the table crosses
a page, each page's labels, header and bands in turn, the last band's last columns among 表四's
pieces (_blocks_after_header). The header's words
(总计 / 其他 / 法律 服务 机构) may also print after the last label with rows 一 and 二's values among
them, their first values and a column of the first band printed among the labels (a paragraph,
or a value to a paragraph after those rows' values) (_blocks_after_header_words); when the page
ends before the header's 法律服务机构 cell, its words and value print right after section 四's
heading (_legal_apart).
The header's first words may also print before the labels, its last words after page 1's last
label, the table crossing a page (where page 2 starts: a page number, or the form feed pdftotext
prints), page 2's first band's last columns (法律服务机构, 其他, 总计) after section 四's heading, or
every column of page 2's bands but their first (_bands_apart) (_blocks_across_page_words).
The header may also print first with page 1 holding only rows 一, 二, （一） and （二）: their labels,
then 一's and 二's values a paragraph each and （一）/（二）'s a paragraph per column, page 2 the
other labels and every band after the last one (_rows_before_page_break); or page 1 may end
further on, rows 一 and 二's values and the first bands' columns printed among the labels, the
first bands' 自然人 possibly in one paragraph, page 2 the other labels and bands
(_values_among_labels).

The reading is accepted only when it is certain: every cell a band does not hold is the only
unknown of its row or column, its value is printed among the stray values, every stray value
printed before section 四 is used, and every equation of the table holds (T3-1, T3-2, T3-3), or
all but those through one misprinted cell (in a band, among the stray values, or in rows 一/二),
which is read as printed and flagged. Otherwise the parser's reading stands.

Zeros printed as "-" are mostly lost: pdftotext joins a line ending in a hyphen to the next line
of its block, dropping the hyphen, so a column's "-" prints only as its block's last line. Such
blocks are placed every way they can be (_read_eaten); the cells every reading that makes the
sums hold (or all but those through one misprint in a band's row) agrees on are read, the others
(a count that may be in any of several rows of its band: the sums cannot tell) are left unread
and flagged.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import combinations, permutations
from operator import add, ne
from typing import Callable, Optional, cast

from core.parse.cell_paragraphs import read_cell_paragraphs
from core.parse.tokens import COUNT_UNITS
from core.model import BLANK, MISSING, NUMBER, PLACEHOLDER, CellValue, Flag, Report
from core.template import Table

# the rows of the 2019 表三 after 二, by the band (text block) their values print in
_BANDS = (("granted", "partial"),
          ("denied_state_secret", "denied_law_forbidden"),
          ("denied_safety_stability", "denied_third_party", "denied_internal_affairs"),
          ("denied_process_info", "denied_law_enforcement_file", "denied_admin_query", "unable_not_held"),
          ("unable_need_creation",),
          ("unable_unclear",),
          ("not_processed_complaint", "not_processed_duplicate", "not_processed_publication",
           "not_processed_massive"),
          ("not_processed_confirm",),
          ("other_processing", "total", "carried_forward"))
_WIDTH = 7  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
_LEGAL = 4  # 法律服务机构's column
# columns a band printing fewer than 7 holds: 5 -> 商业企业…其他; 6 -> 商业企业…总计 or 自然人…其他
_SPANS = {7: ((0, 7),), 6: ((1, 7), (0, 6)), 5: ((1, 6),)}
_ROWS = [key for band in _BANDS for key in band]
_ROWS_ORDER = ["new", "carried_over"] + _ROWS
# the cells of each row (T3-3) and of each column over （一）…（七） and 总计 (T3-2), the sum last
_LINES = [[(row, c) for c in range(_WIDTH)] for row in _ROWS] + \
    [[(r, c) for r in _ROWS[:_ROWS.index("total") + 1]] for c in range(_WIDTH)]
_COLUMN_LINES = _LINES[len(_ROWS):]
_GRID_CELLS = [(r, c) for r in _ROWS for c in range(_WIDTH)]
# While it is solved (_solve), a grid is a list of its cells in _GRID_CELLS' order (row by row):
# a cell is a position (_AT), a line its cells' positions; a row's 自然人 cell is at a multiple of _WIDTH
_AT = {cell: i for i, cell in enumerate(_GRID_CELLS)}
_FLAT_LINES = [[_AT[cell] for cell in cells] for cells in _LINES]
_FLAT_ROW_LINES = _FLAT_LINES[:len(_ROWS)]

_LAST_LABEL = re.compile(r"5[、.．]\s*要求行政机关确认")
# a cell's count (with its unit or thousands separators as printed: 「3 件」, 「1,234」, as
# cell_paragraphs reads them), or the mark a report prints for "none" in every empty cell
# (placeholder style)
_UNITS = COUNT_UNITS
_CELL = rf"(?:\d+(?:,\d{{3}})*(?: ?[{_UNITS}])?|[-－—–―/／]{{1,4}}|无)"
_COUNT_LINE = re.compile(_CELL)
_COUNTS_LINE = re.compile(rf"{_CELL}(?: +{_CELL})*")
_CELLS = re.compile(_CELL)
# a line holding only counts, as _paragraphs strips it (of spaces, tabs and form feeds)
_COUNTS_LINES = re.compile(rf"^[ \t\f]*({_CELL}(?: +{_CELL})*)[ \t\f]*$", re.M)
_PARAGRAPH = re.compile(r"\n[ \t\f]*\n")
# the words of 表三's header as plain pdftotext breaks them up (自然 / 人, 法律 / 服务 / 机构)
_T3_WORDS = frozenset("申请人情况自然法人或其他组织商业企业科研机构社会公益法律服务总计 ")
_T4_HEADING = re.compile(r"四、政府信息公开行政复议")
_T6_HEADING = re.compile(r"六、其他需要报告")
_HEAD_FIRST = re.compile(r"一、本年新收")
_HEAD_END = re.compile(r"三、\s*\n?\s*本")
_FIRST_ROW_LABEL = re.compile(r"（一）\s*予以公开")
_SECOND_ROW_LABEL = re.compile(r"（二）\s*部分公开")
_SECRET_LABEL = re.compile(r"1[、.．]\s*属于国家秘密")
# a paragraph of 表三's header cell 「法律 服务 机构」 and its one value, printed after section 四's heading
_LEGAL_APART = re.compile(rf"\n[ \t\f]*\n[ \t\f]*法律[ \t]*\n?[ \t]*服务[ \t]*\n?[ \t]*机构[ \t\f]*\n[ \t\f]*({_CELL})[ \t\f]*(?=\n[ \t\f]*\n|\n?$)")
# a line of 表四's header as a PDF's reading order breaks it up ("结", "果", "尚未审结", "复议后起诉"),
# not one of 表三's column names (其他, 总计)
_T4_PIECE = re.compile(r"(?=.*[结果维持纠正尚未审复议诉])[结果维持纠正其他尚未审总计复议后起诉行政经直接 ]{1,12}")

Counted = tuple[int, int, int]  # value, start, end in the report's text
# a 0 printed as "-" that plain pdftotext ate: it joins a line ending in a hyphen to the next line
# of its text block, dropping the hyphen, so a "-" cell prints only as the last line of its block
_EATEN: Counted = (0, -1, -1)
Misprint = tuple[tuple[str, int], Counted]  # a misprinted cell (row, column) and its printed value
FlatGrid = list[Optional[Counted]]  # a grid while it is solved (_AT)
_OPEN = CellValue(None, MISSING)  # a cell the text leaves undecided


class _Spare:
    """The counts printed apart after the bands (the rest of the document: a thousand values and
    more), looked up by value: each is taken once at most, the first printed of a value first (as
    popping it from the list would), so that a value's taken ones are its first printed: a search's
    branches copy only how many of each value they took."""
    __slots__ = ("values", "at", "taken")

    def __init__(self, values: list[Counted]):
        self.values = values
        self.at: dict[int, list[int]] = {}  # a value -> its positions in `values`, in order
        for i, value in enumerate(values):
            self.at.setdefault(value[0], []).append(i)
        self.taken: dict[int, int] = {}  # a value -> how many of it were taken

    def copy(self) -> _Spare:
        other = _Spare.__new__(_Spare)
        other.values, other.at, other.taken = self.values, self.at, dict(self.taken)
        return other

    def __contains__(self, value: int) -> bool:
        return self.taken.get(value, 0) < len(self.at.get(value, ()))

    def take(self, value: int) -> Optional[Counted]:
        taken = self.taken.get(value, 0)
        if taken == len(self.at.get(value, ())):
            return None
        self.taken[value] = taken + 1
        return self.values[self.at[value][taken]]


def _paragraphs(text: str, start: int, end: int) -> list[list[tuple[str, int]]]:
    """The paragraphs of text[start:end]: their non-blank lines with their offsets."""
    out: list[list[tuple[str, int]]] = []
    at = start
    for match in list(_PARAGRAPH.finditer(text, start, end)) + [None]:
        stop = match.start() if match else end
        lines, pos = [], at
        for line in text[at:stop].split("\n"):
            if line.strip():
                lines.append((line.strip(" \t\f"), pos + len(line) - len(line.lstrip(" \t\f"))))
            pos += len(line) + 1
        if lines:
            out.append(lines)
        at = match.end() if match else end
    return out


def _counts(paragraph: list[tuple[str, int]]) -> Optional[list[Counted]]:
    if not all(_COUNT_LINE.fullmatch(line) for line, _ in paragraph):
        return None
    return [(_value(line), at, at + len(line)) for line, at in paragraph]


def _words_and_counts(paragraph: list[tuple[str, int]]) -> tuple[list[str], Optional[list[Counted]]]:
    """A paragraph's lines of words (a header's: 法律 / 服务 / 机构) and the counts printed after
    them (None when a line of words follows a count)."""
    words = [line for line, _ in paragraph if not _COUNT_LINE.fullmatch(line)]
    return words, _counts(paragraph[len(words):])


def _header_words_and_values(paragraph: list[tuple[str, int]]) -> tuple[list[str], Optional[list[Counted]]]:
    """_words_and_counts of a paragraph whose count lines may each hold several counts (the
    header's words, then row 一's first values: 「5337 0」)."""
    words = [line for line, _ in paragraph if not _COUNTS_LINE.fullmatch(line)]
    rest = paragraph[len(words):]
    if not all(_COUNTS_LINE.fullmatch(line) for line, _ in rest):
        return words, None
    return words, [(_value(m.group()), at + m.start(), at + m.end()) for line, at in rest for m in _CELLS.finditer(line)]


def _value(printed: str) -> int:
    if printed.isdigit():
        return int(printed)
    if not printed[0].isdigit():
        return 0  # (a placeholder computes as 0)
    return int(printed.split(" ", 1)[0].rstrip(_UNITS).replace(",", ""))  # (its unit or separators dropped)


def _count_lines(text: str, start: int, end: int, t4_pieces: bool = True) -> list[Counted]:
    """The counts of text[start:end] printed on lines holding only counts, in order; without
    `t4_pieces`, not those of a paragraph that holds pieces of 表四's header (its cells printed
    among them, before section 四's heading: "复议后起诉 / 结 / 果 / －")."""
    if not t4_pieces:
        return _paragraph_counts(_paragraphs(text, start, end), t4_pieces)
    # (the paragraphs' lines are the text's lines but blank ones: the lines of counts are found
    # in the text at once, as long as the rest of the document may be, not paragraph by paragraph)
    region = text[start:end]
    return [(_value(m.group()), start + m.start(), start + m.end()) for line in _COUNTS_LINES.finditer(region)
            for m in _CELLS.finditer(region, line.start(1), line.end(1))]


def _paragraph_counts(paragraphs: list[list[tuple[str, int]]], t4_pieces: bool = True) -> list[Counted]:
    """_count_lines of the text these paragraphs (_paragraphs) are of."""
    return [(_value(m.group()), at + m.start(), at + m.end()) for paragraph in paragraphs
            if t4_pieces or not any(_T4_PIECE.fullmatch(line) for line, _ in paragraph)
            for line, at in paragraph if _COUNTS_LINE.fullmatch(line) for m in _CELLS.finditer(line)]


def _bands(blocks: list[list[Counted]], bands: tuple[tuple[str, ...], ...] = _BANDS, narrow: int = 0) \
        -> Optional[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]]:
    """The runs of column paragraphs, one per band of `bands` (its index and columns), and the
    values of the paragraphs between them (stray cells), in order; None when a band prints no
    run of 5 to 7 columns. The first `narrow` bands print 6 columns at most (their 自然人 apart)."""
    runs, stray, at = [], [], 0
    for index, band in enumerate(bands):
        height = len(band)
        while at < len(blocks) and len(blocks[at]) != height:
            stray.extend(blocks[at])
            at += 1
        run: list[list[Counted]] = []
        most = _WIDTH - 1 if index < narrow else _WIDTH
        while at < len(blocks) and len(blocks[at]) == height and len(run) < most:
            run.append(blocks[at])
            at += 1
        if len(run) == _WIDTH - 3 and most == _WIDTH:
            # 科研机构…其他 alone: the band's 商业企业 printed after them, past a cell or two set
            # apart (its 自然人 or 总计), its 5 columns then those of a run of 商业企业…其他
            ahead = at
            while ahead < len(blocks) and ahead - at < _WIDTH - 3 and len(blocks[ahead]) != height:
                ahead += 1
            if at < ahead < len(blocks) and len(blocks[ahead]) == height:
                run.insert(0, blocks[ahead])
                stray.extend(value for block in blocks[at:ahead] for value in block)
                at = ahead + 1
        if len(run) not in _SPANS:
            return None
        runs.append((index, run))
    for block in blocks[at:]:
        stray.extend(block)
    return runs, stray


def _split_bands(blocks: list[list[Counted]]) -> Optional[tuple[tuple[str, ...], ...]]:
    """_BANDS with a band cut where the blocks print its rows as two or more bands, in order: a row
    whose label wraps over more lines than its neighbours' parts the PDF's text block (「3.危及
    “三安全一稳定”」 over three lines: （三）3 alone, then 4–5). A band is cut only where a run of
    as many columns as a band prints (_SPANS) holds fewer rows than the band has left; None when
    no band is cut."""
    def run_at(at: int) -> int:
        """How many blocks from `at` on are as high as the one at `at` (a band's columns, at most 7)."""
        run = 1
        while at + run < len(blocks) and len(blocks[at + run]) == len(blocks[at]) and run < _WIDTH:
            run += 1
        return run

    cut: list[tuple[str, ...]] = []
    at = 0
    for band in _BANDS:
        rows: tuple[str, ...] = band
        while at < len(blocks):
            run = run_at(at)
            height = len(blocks[at])
            if run not in _SPANS and height != len(rows):
                at += 1  # (a block of stray cells, as _bands sets apart)
                continue
            if height > len(rows):
                return None  # (a band's columns taller than the rows left: not a band cut in two)
            cut.append(rows[:height])
            rows = rows[height:]
            at += run
            if not rows:
                break
        if rows:
            cut.append(rows)
    bands = tuple(cut)
    return bands if bands != _BANDS else None


def _propagate(grid: FlatGrid, pool: list[Counted], spare: _Spare, free: Optional[int] = None,
               eaten: bool = False) -> bool:
    """Fill each unknown cell that is the only unknown of its row (T3-3) or of its column over
    （一）…（七） (T3-2) with its value printed apart: from `pool`, else from `spare` (both consumed);
    the `free` cell (a misprint's) with the value the equations give, printed nowhere; a 0 with an
    eaten dash when dashes were `eaten`. False when such a value is not printed."""
    def take(value: int) -> Optional[Counted]:
        for i, item in enumerate(pool):
            if item[0] == value:
                return pool.pop(i)
        found = spare.take(value)
        return found if found is not None else _EATEN if eaten and value == 0 else None

    progress = True
    open_lines = [cells for cells in _FLAT_LINES if None in map(grid.__getitem__, cells)]
    while progress:
        progress = False
        still = []
        for cells in open_lines:  # (a line once whole stays whole)
            unknown = [cell for cell in cells if grid[cell] is None]
            if not unknown:
                continue
            still.append(cells)
            if len(unknown) != 1:
                continue
            cell = unknown[0]
            known = cast("list[Counted]", grid)  # (every cell of the line but `cell` is known: asked above)
            parts = sum(known[k][0] for k in cells[:-1] if k != cell)
            value = parts if cell == cells[-1] else known[cells[-1]][0] - parts
            found = (value, -1, -1) if cell == free and value >= 0 else take(value) if value >= 0 else None
            if found is None:
                return False
            grid[cell] = found
            progress = True
        open_lines = still
    return True


def _adds_up(grid: dict[tuple[str, int], Optional[Counted]], cells: list[tuple[str, int]]) -> bool:
    """Whether the sum printed whole holds (False when a cell of it is unknown)."""
    if not all(grid[k] is not None for k in cells):
        return False
    known = cast("dict[tuple[str, int], Counted]", grid)  # (every cell of the line is known: asked above)
    return sum(known[k][0] for k in cells[:-1]) == known[cells[-1]][0]


def _fails(grid: dict[tuple[str, int], Optional[Counted]], cells: list[tuple[str, int]]) -> bool:
    """Whether the sum is printed whole and fails."""
    total = 0
    for k in cells:
        value = grid[k]
        if value is None:
            return False
        total += value[0]
    return total != 2 * cast(Counted, grid[cells[-1]])[0]  # (printed: asked above)


def _failing_lines(grid: dict[tuple[str, int], Optional[Counted]]) -> int:
    """How many sums (T3-2, T3-3) printed whole in the grid fail."""
    return sum(1 for cells in _LINES if _fails(grid, cells))


def _holds(grid: list[Counted]) -> bool:
    return all(sum(grid[k][0] for k in cells[:-1]) == grid[cells[-1]][0] for cells in _FLAT_LINES)


def _solutions(grid: dict[tuple[str, int], Optional[Counted]],
               pool: list[Counted], spare: _Spare, free: Optional[tuple[str, int]] = None,
               depth: int = 4, eaten: bool = False, budget: Optional[list[int]] = None) \
        -> list[dict[tuple[str, int], Counted]]:
    """Every completion of the grid in which each cell the bands left unknown takes a value printed
    apart, every value printed apart before section 四 (`pool`) is used once, and T3-2, T3-3 hold:
    cells the equations give are taken from the printed values; where they give none, an unknown
    自然人 cell tries each value left in `pool` (up to `depth` such choices; at most 2 solutions).
    With dashes `eaten`, a 0 may also be a dash the converter ate (_EATEN). Each call spends one
    of the `budget` (_OverBudget when none is left)."""
    flat = [grid[cell] for cell in _GRID_CELLS]
    return [dict(zip(_GRID_CELLS, solution))
            for solution in _solve(flat, pool, spare, None if free is None else _AT[free], depth, eaten, budget)]


def _solve(grid: FlatGrid, pool: list[Counted], spare: _Spare, free: Optional[int], depth: int, eaten: bool,
           budget: Optional[list[int]]) -> list[list[Counted]]:
    """_solutions of a flat grid (`free`: its position)."""
    if budget is not None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _OverBudget
    grid, pool, spare = list(grid), list(pool), spare.copy()
    if not _propagate(grid, pool, spare, free, eaten) or not _placeable(grid, pool, spare, free, eaten):
        return []
    unknown = [at for at in range(0, len(grid), _WIDTH) if grid[at] is None and at != free]  # rows' 自然人 cells
    if not unknown and None not in grid:
        whole = cast("list[Counted]", grid)  # (no cell None: asked above)
        return [whole] if not pool and _holds(whole) else []
    if not unknown or depth == 0:
        return []
    found: list[list[Counted]] = []
    row = unknown[0]
    # when the row's 总计 is its other unknown, it is the choice plus the row's known cells, and
    # must be printed: a choice whose 总计 is not printed fails, whichever equation fills it
    rest = [c for c in range(1, _WIDTH) if grid[row + c] is None]
    # (cast: cells 商业企业…其他 are known where the 总计 is the row's one unknown but 自然人)
    known = sum(cast(Counted, grid[row + c])[0] for c in range(1, _WIDTH - 1)) \
        if rest == [_WIDTH - 1] and row + _WIDTH - 1 != free else None
    # (a 0 may also be one printed after section 四, zeros printing alike, where no cell is the
    # misprint's: else a stray 0 might be taken for the misprint's printed value and the row's
    # own 0 for one printed after 四)
    spare_zero = free is None and not eaten and 0 in spare and not any(v[0] == 0 for v in pool)
    choices = sorted({v[0] for v in pool} | ({0} if eaten or spare_zero else set()))
    # each value's first place in the pool and how often it is printed there, counted once (asked
    # for each choice: a mutant's pool of 40 values was walked 45 000 times, a fifth of its parse)
    first_at: dict[int, int] = {}
    printed: dict[int, int] = {}
    for i, v in enumerate(pool):
        first_at.setdefault(v[0], i)
        printed[v[0]] = printed.get(v[0], 0) + 1
    for value in choices:
        index = first_at.get(value)
        rest_pool = pool if index is None else pool[:index] + pool[index + 1:]
        rest_spare, taken = spare, None
        if index is None and not eaten:
            rest_spare = spare.copy()
            taken = rest_spare.take(0)
        # (the 总计 among the values left in the pool: the choice's own value taken out)
        if known is not None and not (eaten and value + known == 0) \
                and printed.get(value + known, 0) - (index is not None and known == 0) <= 0 \
                and value + known not in rest_spare:
            continue
        trial = list(grid)
        trial[row] = (_EATEN if eaten else taken) if index is None else pool[index]
        found += _solve(trial, rest_pool, rest_spare, free, depth - 1, eaten, budget)
        if len(found) > 1:
            break
    return found


def _unknowns(grid: FlatGrid, lines: list[list[int]], free: Optional[int]) -> tuple[set[tuple[int, int]], int]:
    """What the rows' (`lines`) unknown cells ask of the values printed apart (_placeable): where
    a row has two unknown, neither the `free` one, (sign, offset) giving the one's value from the
    other's (sign * value + offset); and how many cells of the other rows take a value each."""
    partners: set[tuple[int, int]] = set()  # the partner's value is sign * value + offset
    loose = 0
    for cells in lines:
        open_ = [cell for cell in cells if grid[cell] is None]
        if len(open_) == 2 and free not in open_:
            known = sum(value[0] for cell in cells[:-1] if (value := grid[cell]) is not None)
            if open_[1] == cells[-1]:  # a part and the 总计
                partners |= {(1, known), (1, -known)}
            else:  # two parts
                partners.add((-1, cast(Counted, grid[cells[-1]])[0] - known))  # (the 总计 is known: not open)
        else:
            loose += len(open_) - (free in open_)
    return partners, loose


def _placeable(grid: FlatGrid, pool: list[Counted], spare: _Spare, free: Optional[int], eaten: bool = False,
               unknowns: Optional[tuple[set[tuple[int, int]], int]] = None) -> bool:
    """False when the values of `pool` cannot each take an unknown cell: a cell whose row's one
    other unknown is not the misprint's takes a value only when the row (T3-3) then gives that
    other unknown a value printed apart; the other unknown cells take one value each.
    `unknowns`: _unknowns of every row, when the caller has them."""
    if not pool:
        return True
    partners, loose = unknowns if unknowns is not None else _unknowns(grid, _FLAT_ROW_LINES, free)
    if loose >= len(pool):
        return True
    printed = {v[0] for v in pool} | ({0} if eaten else set())  # (and the values `spare` has left)
    misfits = 0  # the values of `pool` no partner takes (counted until they are more than `loose`)
    for p, count in Counter(v[0] for v in pool).items():
        if not any(0 <= sign * p + offset and (sign * p + offset in printed or sign * p + offset in spare)
                   for sign, offset in partners):
            misfits += count
            if misfits > loose:
                return False
    return True


def _head_rows(values: list[Counted], sums: list[int], legal: Optional[int] = None, width: int = _WIDTH) \
        -> Optional[tuple[list[Counted], list[Counted]]]:
    """Rows 一 and 二 from the values printed in the table's header, 表二's values among them:
    一's 7 values in order, 二's anywhere else; the one pair of rows that add up and whose columns
    sum to （七）+ 四 (T3-1). `legal`: the index of the value printed apart with the header cell
    「法律服务机构」 (_legal_apart), which may also be 一's 法律服务机构 (the first row under that
    cell) out of order. None unless exactly one pair of rows (by value) fits. `width`: the columns
    a row prints (6 where the table leaves its 总计 blank: no row sum to check, and 二's values
    are taken in their printed order too)."""
    found: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[list[Counted], list[Counted]]] = {}

    def second_row(first: list[int], wanted: list[int]) -> Optional[list[int]]:
        # 二's values among the others, in any order (its row's text blocks print its columns
        # in pieces): the earliest value not yet taken for each column
        taken = set(first)
        out: list[int] = []
        for value in wanted:
            # (with no 总计 to tell the rows apart, 二 prints in order too: after its last value)
            begin = out[-1] + 1 if out and width < _WIDTH else 0
            at = next((i for i in range(begin, len(values)) if i not in taken and values[i][0] == value), None)
            if at is None:
                return None
            taken.add(at)
            out.append(at)
        return out

    def walk(picked: list[int], after: int) -> None:
        if len(found) > 1:
            return
        c = len(picked)
        if c == width:
            row = [values[i][0] for i in picked]
            wanted = [s - v for s, v in zip(sums, row)]
            other = second_row(picked, wanted)
            if other is not None:
                found.setdefault((tuple(row), tuple(wanted)), ([values[i] for i in picked], [values[i] for i in other]))
            return
        # 一's 总计 is the sum of its other six (T3-3): the one value its column can take
        total = sum(values[i][0] for i in picked) if c == _WIDTH - 1 == width - 1 else None
        tried = set()
        if c == _LEGAL and legal is not None and legal not in picked and values[legal][0] <= sums[c] \
                and sums[c] - values[legal][0] in printed:  # (the value apart: the next picks in order still)
            tried.add(values[legal][0])
            walk(picked + [legal], after)
        # 一's first value leaves room for 一's six others and 二's seven
        stop = len(values) - 2 * width + 1 if c == 0 else len(values) - (width - 1 - c)
        for i in range(after, stop):
            if i == legal and legal in picked:
                continue
            # a value equal to one tried in this column finds nothing new: its picks were open
            # to the earlier one, whose walk came first; a value that leaves 二 a value printed
            # nowhere in the header finds nothing at all
            value = values[i][0]
            if value <= sums[c] and value not in tried and sums[c] - value in printed \
                    and (total is None or value == total):
                tried.add(value)
                walk(picked + [i], i + 1)

    # 二 = the column sums less 一, so 二 adds up whenever 一 does and the sums do (T3-1)
    if width == _WIDTH and sum(sums[:-1]) != sums[-1]:
        return None
    printed = {v[0] for v in values}
    walk([], 0)
    return next(iter(found.values())) if len(found) == 1 else None


def _head_rows_misprinted(values: list[Counted], sums: list[int]) \
        -> Optional[tuple[list[Counted], list[Counted], Misprint]]:
    """Rows 一 and 二 as printed in the header (14 values, every cell printed) when one cell of
    theirs is misprinted: 一's 7 values in order from the first (as _head_rows reads them), 二's
    the other 7, and the column sums (T3-1)
    less 一's values are 二's but for one column m. If 一 adds up, 二's value in m is the misprint
    (the column sums give it); else 一's, and 二 with its printed value in m must add up (one
    cell lies both in 一's row sum and in column m's sum). The rows as printed and the misprinted
    cell with its printed value; None unless exactly one such reading (by value) fits. More than
    14 values: 表二's cells its reading left unplaced printed before the header's, the last 14 the
    rows'."""
    if len(values) < 2 * _WIDTH:
        return None
    values = values[len(values) - 2 * _WIDTH:]
    found: dict[tuple, tuple[list[Counted], list[Counted], Misprint]] = {}
    for picked in _picks_with_one_misfit(values, sums):
        first = [values[i] for i in picked]
        rest = [values[i] for i in range(len(values)) if i not in picked]
        wanted = [s - v[0] for s, v in zip(sums, first)]
        unmatched = list(rest)
        missing = []
        for c, value in enumerate(wanted):
            at = next((i for i, v in enumerate(unmatched) if v[0] == value), None)
            if at is None:
                missing.append(c)
            else:
                unmatched.pop(at)
        if len(missing) != 1 or len(unmatched) != 1:
            continue
        m, printed = missing[0], unmatched[0]
        row = [v[0] for v in first]
        if sum(row[:-1]) == row[-1]:
            if wanted[m] < 0:
                continue
            cell, shown = ("carried_over", m), printed
        else:
            other = [printed[0] if c == m else w for c, w in enumerate(wanted)]
            if min(other) < 0 or sum(other[:-1]) != other[-1] or sums[m] - printed[0] < 0:
                continue
            cell, shown = ("new", m), first[m]
        # 二 as printed: its values by column, the misprint's printed value in column m
        second = []
        pool = list(rest)
        for c, value in enumerate(wanted):
            want = printed[0] if c == m else value
            second.append(pool.pop(next(i for i, v in enumerate(pool) if v[0] == want)))
        found.setdefault((tuple(row), tuple(v[0] for v in second), cell), (first, second, (cell, shown)))
        if len(found) > 1:
            return None
    return next(iter(found.values())) if found else None


def _picks_with_one_misfit(values: list[Counted], sums: list[int]) -> list[tuple[int, ...]]:
    """The picks of 一's 7 values in order from the first for which at most one column misfits:
    its value exceeds the column's sum, or the sum less it (二's value) is not printed apart."""
    left = Counter(v[0] for v in values)
    out: list[tuple[int, ...]] = []

    def walk(picked: tuple[int, ...], misfits: int) -> None:
        c = len(picked)
        if c == _WIDTH:
            out.append(picked)
            return
        tried = set()
        for i in range(picked[-1] + 1 if picked else 0, len(values) - (_WIDTH - 1 - c) if picked else 1):
            value = values[i][0]
            if value in tried:
                continue  # (its picks were open to the earlier equal value, walked first)
            tried.add(value)
            left[value] -= 1
            misfit = value > sums[c] or left[sums[c] - value] <= 0
            if misfits + misfit <= 1:
                walk(picked + (i,), misfits + misfit)
            left[value] += 1

    walk((), 0)
    return out


def read_column_blocks(report: Report, table: Table, pages: tuple[int, ...] = (),
                       furniture: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Read 表三 printed as column blocks after its labels (see the module's doc); store it and
    drop the parser's doubts about it when the reading is certain. True when stored. `pages`:
    where each page but the first starts in the text (after a form feed); `furniture`: the spans
    of the page numbers and repeated headers found (core/parse/page_furniture.py)."""
    if report.template == "2021":  # (its 表三 printed by plain pdftotext: a cell a paragraph)
        return read_cell_paragraphs(report, table, pages, furniture)
    if report.template != "2019" or 3 not in report.section_spans or 4 not in report.section_spans:
        return False
    text = report.text
    start, end = report.section_spans[3]
    label = _LAST_LABEL.search(text, start, end)
    heading = _T4_HEADING.search(text, start)
    if heading is None:
        return False
    section6 = _T6_HEADING.search(text, heading.end())
    stop = section6.start() if section6 else len(text)
    cut = _blocks_after_labels(text, label.start(), heading) if label is not None \
        else _blocks_across_heading(text, start, heading, stop)
    if cut is not None and _read_cut(report, table, text, start, stop, *cut, furniture=furniture):
        return True
    if label is not None:  # the header's words among the first values after the last label
        worded = _blocks_after_header_words(text, start, label.start(), heading, stop)
        if worded is not None and _read_cut(report, table, text, start, stop, *worded, furniture=furniture):
            return True
        last = _last_band_apart(text, heading, stop, worded[1]) if worded is not None else None
        if worded is not None and last is not None:
            if _read_cut(report, table, text, start, stop, worded[0] + last, [], worded[2], worded[3], worded[4],
                         taken=frozenset(v for column in last[4:] for v in column), furniture=furniture):
                return True
    if label is not None and cut is not None:  # page 1 holding only rows 一, 二, （一） and （二）
        first_page = _rows_before_page_break(text, start, label.start(), furniture)
        if first_page is not None:
            head, pairs = first_page
            blocks, after, spare_from, labels_at = cut
            if _read_cut(report, table, text, start, stop, pairs + blocks, after, spare_from, labels_at, tuple(head)):
                return True
    # page 1's values among the labels, page 2 the other labels and two bands' columns at least
    if label is not None and cut is not None and len(cut[0]) >= 2 * _WIDTH:
        before = _values_among_labels(text, start, label.start(), furniture)
        if before is not None:
            head, ahead, narrow = before
            blocks, after, spare_from, labels_at = cut
            if _read_cut(report, table, text, start, stop, ahead + blocks, after, spare_from, labels_at, tuple(head),
                         narrow):
                return True
    paged = _blocks_after_header(table, text, start, heading, stop, furniture)
    if paged is not None and _read_paged(report, table, *paged):
        return True
    further = _bands_after_heading(text, heading, stop, *paged) if paged is not None else None
    if further is not None and _read_paged(report, table, *further):
        return True
    across = _blocks_across_page_words(table, text, start, heading, stop, pages, furniture)
    if across is not None and _read_paged(report, table, *across):
        return True
    # page 2's header holding the first band's rows there, page 1 rows 一 and 二 (and （一）（二）)
    if label is not None:
        # (the band beside the header's words read row by row, and column by column: the one
        # reading both give, or the one of them that reads)
        spare = _count_lines(text, heading.end(), stop)
        in_header = _band_in_page_header(text, start, label.start(), heading, furniture, pages)
        if in_header is not None and _read_paged(report, table, in_header[0], in_header[1], spare, in_header[2],
                                                 _BANDS):
            return True
        # page 1 holding more rows: its blocks and page 2's, the bands cut at the page
        by_page: list = [table]
        in_header = _band_in_page_header(text, start, label.start(), heading, furniture, pages, by_page)
        if in_header is not None:
            return _read_paged(report, table, in_header[0], in_header[1], spare, in_header[2], by_page[0])
    return False


def _read_cut(report: Report, table: Table, text: str, start: int, stop: int, blocks: list[list[Counted]],
              after: list[Counted], spare_from: int, labels_at: int, more_head: tuple[Counted, ...] = (),
              narrow: int = 0, taken: frozenset[Counted] = frozenset(),
              furniture: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Store the reading of the blocks printed after the labels (_blocks_after_labels,
    _blocks_across_heading) if there is one; False without. `narrow`: _bands; `taken`: values
    printed after section 四's heading the blocks hold (not spare); `furniture`: the spans of the
    page numbers found (page_furniture), no value of rows 一 and 二 where one prints among them."""
    whole = sum(len(b) for b in blocks) >= 5 * _WIDTH * 2  # else the values print beside their labels
    # zeros printed as "-" only (none as 0), some of them eaten: a block per column all the same
    eaten = len(blocks) >= 5 * len(_BANDS) and any(text[v[1]:v[2]] == "-" for b in blocks for v in b) \
        and not any(text[v[1]:v[2]] == "0" for b in blocks for v in b)
    if not (whole or eaten):
        return False
    spare_values = [v for v in _count_lines(text, spare_from, stop) if v not in taken]
    legal = None
    if more_head and more_head[-1][1] >= spare_from:  # (a header value printed there: _legal_apart)
        legal = more_head[-1]
        spare_values = [v for v in spare_values if v != legal]
    spare = _Spare(spare_values)
    head = list(more_head) if more_head else _head_values(text, start, labels_at)
    if head is None:
        return False
    t2_spans = {cell.span for path, cell in report.cells.items() if path.startswith("section2.") and cell.span}
    # 表二's values printed among them, and a page's number (p3302 r0015: 「2」 amid 二's 「—」s)
    head = [v for v in head if (v[1], v[2]) not in t2_spans and (v[1], v[2]) not in furniture]

    def read() -> Optional[tuple]:
        found: Optional[tuple] = _read_whole(blocks, after, spare, head, legal=legal, narrow=narrow) \
            if whole else None
        if found is None and whole and not narrow and (split := _split_bands(blocks)) is not None:
            found = _read_whole(blocks, after, _Spare(spare_values), head, split, legal=legal)
        if found is None and eaten and not any(text[v[1]:v[2]] == "0" for v in after):
            known: dict = {}  # (the bands' placements and rows 一 and 二, for both cuts of the blocks)
            found = _read_eaten(text, blocks, after, spare, head, known=known)
            if found is None:  # bands printing 5 or 6 columns, the cells they set apart beside them
                found = _read_eaten(text, blocks, after, spare, head, shorter=True, known=known)
        return found

    return _store_reading(report, table, head, read) \
        or whole and _store_blank_total(report, table, head, blocks, after, legal)


def _read_paged(report: Report, table: Table, options: list[list[list[Counted]]], after: list[Counted],
                spare: list[Counted], head: list[Counted], bands: tuple[tuple[str, ...], ...]) -> bool:
    """Store the one reading of a table _blocks_after_header cut (every cell printed), the same
    whichever of its `options` (ways to cut the blocks) reads; False without."""
    if sum(len(b) for b in options[0]) < 5 * _WIDTH * 2:
        return False

    def read() -> Optional[tuple]:
        found = [r for blocks in options if (r := _read_whole(blocks, after, _Spare(spare), head, bands)) is not None]
        # (readings alike but for where the cells printed: the first)
        if len({(tuple(v[0] for v in grid.values()), misprint and misprint[0])
                for grid, _, _, misprint in found}) != 1:
            return None
        return found[0]

    return _store_reading(report, table, head, read)


def _store_reading(report: Report, table: Table, head: list[Counted], read: Callable[[], Optional[tuple]]) -> bool:
    """Store the one reading `read` finds; False when it finds none or its search runs over budget."""
    try:
        found = read()
    except _OverBudget:
        return False
    if found is None:
        return False
    _store(report, table, head, *found)
    return True


def _blocks_after_header(table: Table, text: str, start: int, heading: re.Match, stop: int,
                         furniture: frozenset[tuple[int, int]] = frozenset()) \
        -> Optional[tuple[list[list[list[Counted]]], list[Counted], list[Counted], list[Counted],
                          tuple[tuple[str, ...], ...]]]:
    """表三 whose labels print before its header (plain pdftotext, a Word table printed to PDF):
    the labels of its rows, the header with rows 一's and 二's 14 values among and right after its
    words, then the bands of those rows as column blocks. Where the table crosses a page, the next
    page prints its labels (the first column of its last rows beside them), the header again, and
    its bands, the last ones after section 四's heading: the blocks of both pages, in order, are
    the bands in the table's order. A page's blocks hold the rows whose labels print on it: a
    band whose rows print on both pages prints as two, one a page, and counts printed after page
    1's blocks but before page 2's first label are no band's (cells set apart: stray); page 2's
    first band may print inside its repeated header (_header_band), or only its first four columns
    there, the others after section 四's heading under their names (_header_band_apart). The last
    band, printing its 自然人 beside its labels and fewer than five columns before 表四's header, prints the others
    further on among 表四's pieces (paragraphs of counts alone as tall as it). The blocks (the pages'
    numbers, labels and repeated header passed over; two ways to cut them where that band's first
    columns may print row by row or column by column), the counts printed on lines of
    their own among labels (stray cells), the counts after the blocks (spare), rows 一's and 二's
    values and the bands; None unless （一）'s label prints before the header and rows 一 and 二
    print exactly 14 values there."""
    at = text.find("申请人情况", start, heading.start())
    if at < 0 or not _FIRST_ROW_LABEL.search(text, start, at):
        return None  # (the header before the labels: the table read beside them)
    paragraphs = _paragraphs(text, text.rfind("\n", start, at) + 1, stop)
    head: list[Counted] = []
    n = 0
    # the header's paragraphs: its words, rows 一's first counts among them
    while n < len(paragraphs) and _counts(paragraphs[n]) is None:
        lines = paragraphs[n]
        if not all(_COUNTS_LINE.fullmatch(line) or _T3_WORDS.issuperset(line) for line, _ in lines):
            break
        head += _paragraph_counts([lines])
        n += 1
    if n == 0:
        return None
    while n < len(paragraphs) and len(head) < 2 * _WIDTH:
        counts = _counts(paragraphs[n])
        if counts is None:
            return None
        head += counts
        n += 1
    if len(head) != 2 * _WIDTH:
        return None
    bands, page2, height, _ = _bands_by_page(table, text, start, at, heading.start())
    blocks: list[list[Counted]] = []
    # page 2's first band as its repeated header prints it (_header_band), its first columns
    # printed row by row, else column by column (the sums tell them apart)
    by_columns: Optional[list[list[Counted]]] = None
    after: list[Counted] = []
    crossed = interrupted = False
    apart: set[Counted] = set()  # page 2's first band's last cells, printed after section 四's heading
    while n < len(paragraphs):
        lines = paragraphs[n]
        counts = _counts(lines)
        n += 1
        if counts is not None and len(counts) == 1 and counts[0][1:] in furniture:
            continue  # the page's number (page_furniture), printed after its last block
        if counts is not None:
            if interrupted and lines[0][1] < page2:
                after += counts  # after page 1's blocks, before page 2's labels: set apart
            else:
                blocks.append(counts)
            continue
        interrupted = bool(blocks)
        end = lines[-1][1] + len(lines[-1][0])
        if crossed:
            break
        if page2 >= 0 and lines[0][1] >= page2 and by_columns is None and lines[0][0].startswith("申请人情况"):
            band = _header_band(paragraphs, n - 1, height)
            if band is None:  # its last columns printed apart, after section 四's heading
                band = _header_band_apart(text, paragraphs, n - 1, height, heading.end(), stop)
                if band is not None:
                    apart = {v for column in band[0][-3:] for v in column}  # (法律服务机构, 其他, 总计)
            if band is not None:
                by_rows, columns, n = band
                by_columns = blocks + columns
                blocks += by_rows
                continue
        if lines[0][1] <= heading.start() < end:  # the heading: the counts before it among labels
            crossed = True
            after += _count_lines(text, lines[0][1], heading.start(), t4_pieces=False)
        elif end <= heading.start():
            after += _paragraph_counts([lines], t4_pieces=False)
        else:
            crossed = True  # (a paragraph right after the heading: 表四's header)
    else:
        return None
    if not crossed:
        return None
    spare = _count_lines(text, lines[0][1], stop)
    # the last band's other columns printed further on among 表四's pieces (count paragraphs of
    # its height alone, up to 6 columns: its 自然人 printed beside its labels)
    last = len(bands[-1])
    run = next((i for i, block in enumerate(reversed(blocks)) if len(block) != last), len(blocks))
    if 0 < run < _WIDTH - 1 and len(after) >= last:
        further: list[list[Counted]] = []
        for paragraph in paragraphs[n:]:
            words, counts = _words_and_counts(paragraph)
            if words or not counts or apart.issuperset(counts):
                continue
            if len(counts) != last or run + len(further) == _WIDTH - 1:
                break
            further.append(counts)
        blocks += further
        taken = {v for block in further for v in block}
        spare = [v for v in spare if v not in taken]
    spare = [v for v in spare if v not in apart]
    options = [blocks] if by_columns is None else [blocks, by_columns + blocks[len(by_columns):]]
    return options, after, spare, head, bands


def _bands_after_heading(text: str, heading: re.Match, stop: int, options: list[list[list[Counted]]],
                         after: list[Counted], spare: list[Counted], head: list[Counted],
                         bands: tuple[tuple[str, ...], ...]) \
        -> Optional[tuple[list[list[list[Counted]]], list[Counted], list[Counted], list[Counted],
                          tuple[tuple[str, ...], ...]]]:
    """_blocks_after_header's reading when the last bands' columns print after section 四's
    heading (page 2's last blocks beyond its foot: （五）5's columns but its 自然人, then the last
    band's, each a paragraph of counts alone, the header's word 总计 before them): those
    paragraphs, up to the first holding words and counts (表四's header with its values), added
    to every way to cut the blocks, their values no longer spare. None without such paragraphs."""
    end = max((v[2] for blocks in options for block in blocks for v in block), default=heading.end())
    further: list[list[Counted]] = []
    for paragraph in _paragraphs(text, max(end, heading.end()), stop):
        words, counts = _words_and_counts(paragraph)
        if counts is None or words and counts:
            break
        if counts:
            further.append(counts)
    if not further:
        return None
    taken = {v for block in further for v in block}
    return [blocks + further for blocks in options], after, [v for v in spare if v not in taken], head, bands


def _header_band(paragraphs: list[list[tuple[str, int]]], n: int, height: int) \
        -> Optional[tuple[list[list[Counted]], list[list[Counted]], int]]:
    """Page 2's first band (of `height` rows) printed in the header page 2 repeats: the values of
    its first columns after the header's first words (申请人情况 … 组织 / 0 0 0 0 4 1 0 0), then
    each other column after its name (法律 服务 机构 / 0 0, 其他 / 0 0) or alone (0 5: 总计, its
    name printed at the foot of page 1). Its 7 columns with the first ones read row by row, the
    same read column by column, and the index of the paragraph after it; None unless the
    paragraphs hold exactly 7 columns, each named column in its place."""
    def split(paragraph: list[tuple[str, int]]) -> tuple[str, Optional[list[Counted]]]:
        words, counts = _words_and_counts(paragraph)
        if not all(_T3_WORDS.issuperset(line) for line in words):
            return "", None
        return "".join(words), counts

    _, first = split(paragraphs[n])
    if not first or len(first) % height or len(first) // height >= _WIDTH:
        return None
    size = len(first) // height
    by_rows = [[first[r * size + c] for r in range(height)] for c in range(size)]
    by_columns = [first[c * height:(c + 1) * height] for c in range(size)]
    columns: list[list[Counted]] = []
    n += 1
    while size + len(columns) < _WIDTH and n < len(paragraphs):
        name, counts = split(paragraphs[n])
        at = size + len(columns)  # the column these values are in
        if counts is None or len(counts) != height \
                or any(word in name and at != place for word, place in (("机构", 4), ("其他", 5), ("总计", 6))):
            return None
        columns.append(counts)
        n += 1
    if size + len(columns) != _WIDTH:
        return None
    return by_rows + columns, by_columns + columns, n


def _header_band_apart(text: str, paragraphs: list[list[tuple[str, int]]], n: int, height: int, after_heading: int,
                       stop: int) -> Optional[tuple[list[list[Counted]], list[list[Counted]], int]]:
    """_header_band when page 2's repeated header prints only its first band's first four columns
    (申请人情况 … 组织 / 0 0 0 0) and the paragraph after it is no named column (the labels of the
    next rows): that band's 法律服务机构, 其他 and 总计 print after section 四's heading among 表四's
    pieces (_columns_apart). None unless they print so."""
    words, first = _words_and_counts(paragraphs[n])
    if not first or not all(_T3_WORDS.issuperset(line) for line in words) or len(first) != 4 * height \
            or n + 1 >= len(paragraphs) or _words_and_counts(paragraphs[n + 1])[1] is not None:
        return None
    columns = _columns_apart(text, after_heading, stop, height, 4)
    if columns is None:
        return None
    by_rows = [[first[r * 4 + c] for r in range(height)] for c in range(4)]
    by_columns = [first[c * height:(c + 1) * height] for c in range(4)]
    return by_rows + columns, by_columns + columns, n + 1


def _bands_by_page(table: Table, text: str, start: int, header: int, end: int, unsure: tuple[str, ...] = ()) \
        -> tuple[tuple[tuple[str, ...], ...], int, int, int]:
    """The bands as the pages print them, where page 2's labels start (-1 on one page), how many
    rows page 2's first band holds (0 on one page) and its index (0 on one page): the rows whose labels print before the
    header (page 1) and the others (after it, before `end`); a band holding rows of both is cut
    in two. The rows `unsure` are not looked for before the header (their keyword may be one of
    the header's words there: 总计)."""
    def printed(key: str, a: int, b: int) -> int:
        return min((i for i in (text.find(k, a, b) for k in table.row(key).keywords) if i >= 0), default=-1)

    # the first row whose label prints after the header, none after it before (a label a line
    # break cuts may be found on neither side)
    first = next((i for i, key in enumerate(_ROWS) if printed(key, start, header) < 0
                  and printed(key, header, end) >= 0), None)
    if not first or any(printed(key, start, header) >= 0 for key in _ROWS[first + 1:] if key not in unsure):
        return _BANDS, -1, 0, 0
    page2 = printed(_ROWS[first], header, end)
    bands: list[tuple[str, ...]] = []
    for band in _BANDS:
        cut = [i for i, key in enumerate(band) if key == _ROWS[first]]
        if cut and cut[0] > 0:
            bands += [band[:cut[0]], band[cut[0]:]]
        else:
            bands.append(band)
    index = next(i for i, band in enumerate(bands) if band[0] == _ROWS[first])
    return tuple(bands), page2, len(bands[index]), index


def _bands_cut_for(table: Table, text: str, start: int, boundary: int, end: int, height: int) \
        -> Optional[tuple[tuple[str, ...], ...]]:
    """The bands cut where page 2's rows start (_bands_by_page), page 2's first band `height` rows
    high: the rows whose labels print before `boundary` are page 1's, those after it (before
    `end`) page 2's; the first of page 2 is one of the rows between the last found on page 1 and
    the first found on page 2 (a label a line break cuts is found on neither side), the one whose
    band's rows from it on are `height` rows. None unless exactly one is."""
    def printed(key: str, a: int, b: int) -> bool:
        return any(text.find(k, a, b) >= 0 for k in table.row(key).keywords)

    before = [i for i, key in enumerate(_ROWS) if printed(key, start, boundary)]
    after = [i for i, key in enumerate(_ROWS) if printed(key, boundary, end)]
    if not before or not after or max(before) >= min(after):
        return None
    found = []
    for first in range(max(before) + 1, min(after) + 1):
        cut: list[tuple[str, ...]] = []
        for band in _BANDS:
            at = band.index(_ROWS[first]) if _ROWS[first] in band else 0
            cut += [band[:at], band[at:]] if at else [band]
        piece = next(band for band in cut if band[0] == _ROWS[first])
        if len(piece) == height:
            found.append(tuple(cut))
    return found[0] if len(found) == 1 else None


def _blocks_after_labels(text: str, label: int, heading: re.Match) \
        -> Optional[tuple[list[list[Counted]], list[Counted], int, int]]:
    """The column blocks printed after the last label (at `label`): the blocks, the counts printed
    after them before section 四's heading (stray cells; not those among pieces of 表四's header),
    where the counts printed after that heading start, and where the labels end."""
    paragraphs = _paragraphs(text, label, heading.start())
    if not paragraphs or any(_COUNT_LINE.fullmatch(line) for line, _ in paragraphs[0]):
        return None
    blocks: list[list[Counted]] = []
    for paragraph in paragraphs[1:]:
        counts = _counts(paragraph)
        if counts is None:
            break
        blocks.append(counts)
    tail = paragraphs[1 + len(blocks):]
    after = _paragraph_counts(tail, t4_pieces=False)
    return blocks, after, heading.end(), label


def _rows_before_page_break(text: str, start: int, label: int, furniture: frozenset[tuple[int, int]]) \
        -> Optional[tuple[list[Counted], list[list[Counted]]]]:
    """Rows 一, 二, （一） and （二） printed on page 1 after the header and their four labels, the
    other labels and every band on page 2 (plain pdftotext, the header printed first): rows 一's
    and 二's 14 values each in a paragraph of its own (some beside the header's words 其他 /
    法律 服务 机构), （一）'s and （二）'s as a paragraph per column (its two values; the last
    column's may print as two paragraphs of one), in print order, between （二）'s label and
    「1、属于国家秘密」's. Rows 一 and 二 (the first 14 lone values, _head_rows tells them apart) and
    （一）/（二）'s 7 columns; None unless exactly 28 values print there, the header before 一's
    label."""
    header = text.find("申请人情况", start, label)
    first = _HEAD_FIRST.search(text, start, label)
    second = _SECOND_ROW_LABEL.search(text, start, label)
    secret = _SECRET_LABEL.search(text, start, label)
    if header < 0 or first is None or second is None or secret is None \
            or not header < first.start() < second.start() < secret.start():
        return None
    lone: list[Counted] = []
    rest: list[Counted] = []
    for paragraph in _paragraphs(text, second.end(), secret.start()):
        counts = _paragraph_counts([paragraph])
        counts = [v for v in counts if v[1:] not in furniture]  # (a page's number)
        if len(counts) == 1 and len(lone) < 2 * _WIDTH:  # (some after （一）/（二）'s first columns)
            lone += counts
        else:
            rest += counts
    if len(lone) != 2 * _WIDTH or len(rest) != 2 * _WIDTH:
        return None
    return lone, [rest[i:i + 2] for i in range(0, len(rest), 2)]


def _band_in_page_header(text: str, start: int, label: int, heading: re.Match,
                         furniture: frozenset[tuple[int, int]] = frozenset(), pages: tuple[int, ...] = (),
                         by_page: Optional[list] = None) \
        -> Optional[tuple[list[list[list[Counted]]], list[Counted], list[Counted]]]:
    """表三 crossing a page after row 二 or （二）, its header printed again on page 2 (plain
    pdftotext, every label first): page 1 prints rows 一 and 二's 14 values among its labels and
    the header's words (in print order, as _head_rows reads them), then （一）/（二）'s as a paragraph
    per column if page 1 holds them; page 2, after the last label, prints the header's words
    申请人情况 … 组织 with the first band of page 2 beside them row by row (each row's 自然人 …
    社会公益组织: 4 values), then 「法律 服务 机构」 and 「其他」 each with the band's column of theirs,
    then the band's 总计 column and the other bands as column paragraphs. The column blocks (the
    band's rebuilt from its rows; again with its first four columns read column by column, as a
    header may print them), the counts after them before section 四's heading, and rows 一 and
    二's values; None unless that shape holds exactly (14 values for rows 一 and 二, 14 or
    none for （一）/（二）, four values a row beside the header's words). With `by_page` (holding
    the Table), page 1 may hold more rows, its values after rows 一 and 二 a block a paragraph:
    `by_page` then holds the bands as the page cuts them (_bands_cut_for)."""
    paragraphs = _paragraphs(text, label, heading.start())
    if len(paragraphs) < 4:
        return None
    words, counts = _header_words_and_values(paragraphs[1])
    if counts is None or not words or "申请人情况" not in "".join(words) \
            or not all(set(line) <= _T3_WORDS for line in words):
        return None
    height = len(counts) // 4
    if not counts or len(counts) != 4 * height:
        return None
    columns = [[counts[row * 4 + column] for row in range(height)] for column in range(4)]
    by_columns = [counts[column * height:(column + 1) * height] for column in range(4)]
    for paragraph, name in ((paragraphs[2], "法律服务机构"), (paragraphs[3], "其他")):
        words, counts = _words_and_counts(paragraph)
        if counts is None or "".join(words) != name or len(counts) not in (0, height):
            return None
        if counts:
            columns.append(counts)
            by_columns.append(counts)
    blocks: list[list[Counted]] = []
    for paragraph in paragraphs[4:]:
        counts = _counts(paragraph)
        if counts is None:
            break
        blocks.append(counts)
    after = _paragraph_counts(paragraphs[4 + len(blocks):], t4_pieces=False)
    # page 1: rows 一 and 二 (a value a paragraph, or beside the header's words), then
    # （一）/（二）'s columns (a paragraph of two, the last column's may print as two of one)
    first = _HEAD_FIRST.search(text, start, label)
    if first is None:
        return None
    head: list[Counted] = []
    rest: list[Counted] = []
    ahead_blocks: list[list[Counted]] = []  # (the same a paragraph a block)
    for paragraph in _paragraphs(text, first.end(), label):
        words, counts = _header_words_and_values(paragraph)
        if counts is None:
            if any(_COUNTS_LINE.fullmatch(line) for line, _ in paragraph):
                return None  # (a count beside a label: another layout)
            continue
        counts = [v for v in counts if v[1:] not in furniture]  # (a page's number)
        if words and not all(set(line) <= _T3_WORDS for line in words):
            if counts:
                return None
            continue
        if words or (len(counts) == 1 and len(head) < 2 * _WIDTH):
            head += counts
        elif counts:
            rest += counts
            ahead_blocks.append(counts)
    if by_page is not None:
        # page 1 holding more rows than （一）/（二）: its blocks a paragraph each, the bands cut
        # where page 2's labels start (_bands_by_page: after page 1's last value)
        if len(head) != 2 * _WIDTH or not rest:
            return None
        bands = _bands_cut_for(by_page[0], text, start, rest[-1][2], paragraphs[1][0][1], height)
        if bands is None:
            return None
        by_page[:] = [bands]
        return [ahead_blocks + columns + blocks, ahead_blocks + by_columns + blocks], after, head
    if len(rest) == 2 * _WIDTH + 1:
        # one value too many: the page's number printed bare among them (「2」 on page 2), a
        # paragraph of its own the page furniture did not tell (pages: where each page but the first starts)
        numbered = [v for v in rest if v[0] == 1 + sum(1 for at in pages if at <= v[1])
                    and text[text.rfind("\n\n", 0, v[1]):text.find("\n\n", v[2])].strip() == text[v[1]:v[2]]]
        if len(numbered) == 1:
            rest.remove(numbered[0])
    if len(head) != 2 * _WIDTH or len(rest) not in (0, 2 * _WIDTH):
        return None
    ahead = [rest[i:i + 2] for i in range(0, len(rest), 2)]
    return [ahead + columns + blocks, ahead + by_columns + blocks], after, head


def _values_among_labels(text: str, start: int, label: int, furniture: frozenset[tuple[int, int]]) \
        -> Optional[tuple[list[Counted], list[list[Counted]], int]]:
    """Rows 一 and 二 and the first bands' columns printed among the labels, where a page break
    prints page 1's values before page 2's labels (plain pdftotext, the header first): from 一's
    label to the last label, the first 14 values printed one to a paragraph (or beside the
    header's words 其他 / 法律 服务 机构) are rows 一 and 二's in print order, each paragraph of
    several values (and each later lone value) a band's column, in print order. Rows 一 and 二's
    values, those columns, and how many bands print their 自然人 in one such paragraph (its height
    theirs together: those bands print 6 columns at most; _bands); None unless 14 such values and
    a column print there, every value of the span in a paragraph of counts or beside the header's
    words."""
    first = _HEAD_FIRST.search(text, start, label)
    if first is None:
        return None
    head: list[Counted] = []
    columns: list[list[Counted]] = []
    for paragraph in _paragraphs(text, first.end(), label):
        words, counts = _words_and_counts(paragraph)
        if counts is None:
            if any(_COUNT_LINE.fullmatch(line) for line, _ in paragraph):
                return None  # (a count beside a label: another layout)
            continue
        counts = [v for v in counts if v[1:] not in furniture]  # (a page's number)
        if not counts:
            continue
        if words and not all(set(line) <= _T3_WORDS for line in words):
            return None
        if len(counts) == 1 and len(head) < 2 * _WIDTH:
            head += counts
        elif words:
            return None
        else:
            columns.append(counts)
    if len(head) != 2 * _WIDTH or not any(len(column) > 1 for column in columns):
        return None
    heights = [sum(len(band) for band in _BANDS[:k]) for k in range(len(_BANDS) + 1)]
    narrow = next((k for k in range(2, len(_BANDS)) if any(len(c) == heights[k] for c in columns)), 0)
    return head, columns, narrow


def _blocks_after_header_words(text: str, start: int, label: int, heading: re.Match, stop: int) \
        -> Optional[tuple[list[list[Counted]], list[Counted], int, int, tuple[Counted, ...]]]:
    """_blocks_after_labels when the header's words (总计, 其他, 法律 / 服务 / 机构) print among the
    first values after the last label, and some values among the labels: those printed one to a
    paragraph are rows 一 and 二's (as in the header), a paragraph of several is a band's column
    printed ahead of the others (its first). The blocks (those ahead first), the counts after
    them, where the counts after section 四's heading start, where the labels end, and rows 一
    and 二's values in printed order (法律服务机构's last where it prints after that heading:
    _legal_apart). None unless the header's words stand there and column blocks follow them."""
    paragraphs = _paragraphs(text, label, heading.start())
    if not paragraphs or any(_COUNT_LINE.fullmatch(line) for line, _ in paragraphs[0]):
        return None
    head: list[Counted] = []
    lone: list[Counted] = []  # the head's values printed a paragraph each, without words
    at, worded, named, multi = 1, False, "", False
    while at < len(paragraphs):
        # (a paragraph may run from the words on into a value: 法律 / 服务 / 机构 / 「/」, or from
        # the header's first words on into row 一's first values, several to a line)
        words, counts = _words_and_counts(paragraphs[at])
        if counts is None or len(counts) > 1:
            words, counts = _header_words_and_values(paragraphs[at])
        if counts is not None and (len(counts) <= 1 or words) and all(set(line) <= _T3_WORDS for line in words):
            worded = worded or bool(words)
            named += "".join(words)
            head += counts
            lone += counts if not words else []
            multi = multi or len(counts) > 1
        else:
            break
        at += 1
    if not worded:
        return None
    # a page break may print 「法律 服务 机构」 and its value after section 四's heading
    apart = _legal_apart(text, heading, stop) if "机构" not in named else None
    if apart is not None:
        head.append(apart)
    blocks: list[list[Counted]] = []
    for paragraph in paragraphs[at:]:
        counts = _counts(paragraph)
        if counts is None:
            break
        blocks.append(counts)
    if not blocks:
        return None
    after = _paragraph_counts(paragraphs[at + len(blocks):], t4_pieces=False)
    # the values printed among the labels from 一's on, one to a paragraph (一's and 二's) or a
    # band's column
    first = _HEAD_FIRST.search(text, start, label)
    if first is None:
        return None
    among: list[Counted] = []
    ahead: list[list[Counted]] = []
    for paragraph in _paragraphs(text, first.end(), label):
        counts = _counts(paragraph)
        if counts is None:
            continue
        if len(counts) == 1:
            among += counts
        else:
            ahead.append(counts)
    # two lone values more than rows 一 and 二's 14: the first band's first column, printed a
    # value to a paragraph after those rows' first values (the band prints its other columns
    # after the header's words)
    extra = len(among) + len(head) - 2 * _WIDTH
    if not ahead and extra == len(_BANDS[0]) and len(among) > extra:
        ahead, among = [among[-extra:]], among[:-extra]
    elif not ahead and extra == 1 and among:
        # one: a cell of the first band set apart (its first row's 自然人), printed last among
        # the labels
        ahead, among = [among[-1:]], among[:-1]
    elif multi and 0 < extra <= len(lone) and head[-extra:] == lone[-extra:]:
        # values printed a paragraph each after rows 一 and 二's 14: the first band's cells set
        # apart (its 自然人, as it prints 6 columns or fewer)
        ahead, head = [[value] for value in head[-extra:]], head[:-extra]
    return ahead + blocks, after, heading.end(), label, tuple(among + head)


_PAGE_NUMBER = re.compile(r"[-－—]\s*\d{1,3}\s*[-－—]|第\s*\d{1,3}\s*页")


def _blocks_across_page_words(table: Table, text: str, start: int, heading: re.Match, stop: int,
                              pages: tuple[int, ...] = (), furniture: frozenset[tuple[int, int]] = frozenset()) \
        -> Optional[tuple[list[list[list[Counted]]], list[Counted], list[Counted], list[Counted],
                          tuple[tuple[str, ...], ...]]]:
    """表三 with its header's first words (申请人情况 … 组织) before the labels, crossing a page
    (plain pdftotext, r0012 of the pages zoo): rows 一's and 二's values print one to a paragraph
    among page 1's labels (a paragraph of several: the first band's first column, ahead of the
    others) and after the header's last words (总计 / 其他 / 法律 服务 机构) printed after page 1's
    last label, then page 1's bands as column blocks up to the page's end (its number, or where
    page 2 starts: `pages`; a page number found among them, `furniture`, is no count); page 2 repeats the labels and the header (pieces of 表四's header may print among
    its words), its bands' blocks follow (法律 服务 机构 printed with its column), the first
    column of the last rows beside their labels. Page 2's first band's last columns may print
    after section 四's heading (_columns_apart). The same as _blocks_after_header returns; None
    unless that is how the table prints."""
    first = _HEAD_FIRST.search(text, start, heading.start())
    if first is None or text.find("申请人情况", start, first.start()) < 0:
        return None
    # (cheap first: a page's end and the header repeated on page 2, or not this layout; most
    # tables that reach here print neither)
    page_end = next((p for p in pages if first.start() < p < heading.start()), -1)
    if page_end < 0 and _PAGE_NUMBER.search(text, first.start(), heading.start()) is None \
            or text.find("申请人情况", first.start(), heading.start()) < 0:
        return None
    paragraphs = _paragraphs(text, first.start(), heading.start())
    head: list[Counted] = []
    ahead: list[list[Counted]] = []
    blocks: list[list[Counted]] = []
    worded = False  # the header's last words seen: the values after them are rows 一 and 二's
    n = 0
    while n < len(paragraphs):
        lines = paragraphs[n]
        if 0 <= page_end <= lines[0][1]:
            break  # page 2's first paragraph
        words, counts = _words_and_counts(lines)
        if blocks and not counts and len(words) == 1 and _PAGE_NUMBER.fullmatch(words[0]):
            break
        if counts and len(counts) == 1 and not words and counts[0][1:] in furniture:
            pass  # the page's number
        elif counts and not words and (blocks or (worded and len(counts) > 1)):
            blocks.append(counts)
        elif counts is not None and words and all(_T3_WORDS.issuperset(line) for line in words):
            worded = True
            if len(counts) > 1 or blocks:
                return None
            head += counts
        elif counts and not words:
            if len(counts) == 1:
                head += counts
            else:
                ahead.append(counts)
        elif blocks:
            return None
        n += 1
    if n == len(paragraphs) or len(head) != 2 * _WIDTH or not worded:
        return None
    page2 = paragraphs[n][0][1]
    # page 2: its labels and its header's words, then its blocks (法律 服务 机构 and its values),
    # until the labels of its last rows
    n += 1
    while n < len(paragraphs) and not paragraphs[n][0][0].startswith("申请人情况"):
        if _counts(paragraphs[n]) is not None:
            return None
        n += 1
    second = len(blocks)
    named: dict[int, str] = {}  # a block of page 2 -> the header's words printed with it
    while n < len(paragraphs):
        lines = paragraphs[n]
        words, counts = _words_and_counts(lines)
        if not counts and all(_T4_PIECE.fullmatch(line) for line in words):
            n += 1  # (表四's header cut into pieces, printed among 表三's)
            continue
        if counts is None or not all(_T3_WORDS.issuperset(line) for line in words):
            break
        if counts:
            named[len(blocks)] = "".join(words)
            blocks.append(counts)
        n += 1
    if len(blocks) == second:
        return None
    after = _paragraph_counts(paragraphs[n:], t4_pieces=False)
    # (page 1 prints the header's 总计, the keyword of row （七）总计)
    bands, page2_rows, height, page2_band = _bands_by_page(table, text, start, page2, heading.start(), ("total",))
    if page2_rows < 0:
        # page 1 printed rows 一 and 二 alone (the header's values): every band on page 2
        if _FIRST_ROW_LABEL.search(text, start, page2) or not _FIRST_ROW_LABEL.search(text, page2, heading.start()):
            return None
        height = len(bands[0])
    spare = _count_lines(text, heading.end(), stop)
    run = 0
    while second + run < len(blocks) and len(blocks[second + run]) == height:
        run += 1
    if any("法律" in name and i - second != 4 for i, name in named.items() if i < second + run):
        return None
    # its last columns printed after section 四's heading, else its missing cells among the
    # values printed apart (_read_whole: a band printing 5 or 6 columns)
    columns = _columns_apart(text, heading.end(), stop, height, run) if run in (4, 5) else None
    if columns is None and 0 < run < 4 and second + run == len(blocks):
        # page 2's bands printed their first columns alone (the first band's in the header, the
        # others' beside their labels): the others after section 四's heading
        columns = _bands_apart(text, heading.end(), stop, [len(band) for band in bands[page2_band:]], run)
    if columns is not None:
        blocks[second + run:second + run] = columns
        taken = {v for column in columns for v in column}
        spare = [v for v in spare if v not in taken]
    return [ahead + blocks], after, spare, head, bands


def _bands_apart(text: str, start: int, stop: int, heights: list[int], printed: int) -> Optional[list[list[Counted]]]:
    """The columns of page 2's bands (of `heights` rows) after section 四's heading, among 表四's
    pieces, when page 2 printed only the first band's first `printed` columns (in its header)
    and the others' 自然人 (beside their labels): as the PDF's text blocks follow each other, the
    columns up to 法律服务机构 of each band in turn (the first band's 法律服务机构 may print under
    its name), then 其他 and 总计 of each band in turn. Only paragraphs of counts alone (or under
    法律 服务 机构 / 其他) count; each must be as tall as its band. The columns in the bands' order
    (the first band's from column `printed`, the others' from 商业企业); None unless they print so."""
    wanted = [(0, c) for c in range(printed, 5)] + [(i, c) for i in range(1, len(heights)) for c in range(1, 5)] \
        + [(i, c) for i in range(len(heights)) for c in (5, 6)]
    found: list[list[Counted]] = []
    for paragraph in _paragraphs(text, start, stop):
        if len(found) == len(wanted):
            break
        words, counts = _words_and_counts(paragraph)
        name = "".join(words)
        if not counts or name not in ("", "法律服务机构", "其他"):
            continue
        band, column = wanted[len(found)]
        if len(counts) != heights[band] or name and (name == "其他") != (column == 5) \
                or name == "法律服务机构" and (band, column) != (0, 4):
            return None
        found.append(counts)
    if len(found) != len(wanted):
        return None
    by_band = sorted(zip(wanted, found), key=lambda item: item[0])
    return [counts for _, counts in by_band]


def _columns_apart(text: str, start: int, stop: int, height: int, printed: int, past_pieces: bool = False) \
        -> Optional[list[list[Counted]]]:
    """The columns of page 2's first band (of `height` rows) past its first `printed` ones (4:
    法律服务机构, 其他 and 总计; 5: 其他 and 总计) as they print after section 四's heading among
    表四's pieces: each named column as a paragraph of its name and its values (法律 / 服务 / 机构
    / 0 / 0, 其他 / 0 / 0), 总计's values the paragraph right after 其他's (`past_pieces`: the
    first paragraph of counts alone after it, past 表四's pieces with their values: 尚 / 未 / 审 /
    结 / 0). None unless each prints so exactly once."""
    paragraphs = _paragraphs(text, start, stop)
    found: dict[str, list[list[Counted]]] = {"法律服务机构": [], "其他": []}
    for i, paragraph in enumerate(paragraphs):
        words, counts = _words_and_counts(paragraph)
        name = "".join(words)
        if name not in found or counts is None or len(counts) != height:
            continue
        if name == "其他":
            following = i + 1
            while past_pieces and following < len(paragraphs) and _counts(paragraphs[following]) is None \
                    and _T4_PIECE.fullmatch(paragraphs[following][0][0]):
                following += 1
            total = _counts(paragraphs[following]) if following < len(paragraphs) else None
            if total is None or len(total) != height:
                continue
            found[name].append(counts + total)
        else:
            found[name].append(counts)
    names = ("法律服务机构", "其他")[printed - 4:]
    if any(len(found[name]) != 1 for name in names):
        return None
    columns = [found[name][0] for name in names]
    return columns[:-1] + [columns[-1][:height], columns[-1][height:]]


def _last_band_apart(text: str, heading: re.Match, stop: int, after: list[Counted]) -> Optional[list[list[Counted]]]:
    """The last band (（六）, （七）, 四) where a page break prints it under page 2's repeated header:
    each row's first four values beside its label (the counts after the blocks, `after`, row by
    row), its 法律服务机构, 其他 and 总计 after section 四's heading among 表四's pieces
    (_columns_apart). Its 7 columns; None unless it prints so, four values a row."""
    height = len(_BANDS[-1])
    if len(after) != 4 * height:
        return None
    columns = _columns_apart(text, heading.end(), stop, height, 4, past_pieces=True)
    if columns is None:
        return None
    return [[after[row * 4 + column] for row in range(height)] for column in range(4)] + columns


def _legal_apart(text: str, heading: re.Match, stop: int) -> Optional[Counted]:
    """The value printed under 「法律 服务 机构」 when the page ends before that header cell and
    prints it after section 四's heading, among 表四's pieces (…四、政府信息公开行政复议… / 行政复议
    / 总计 / 法律 服务 机构 0 / 行政诉讼 …): a paragraph of those words and one value, the only one
    before `stop`. None without one."""
    found = [m for m in _LEGAL_APART.finditer(text, heading.end(), stop)]
    if len(found) != 1:
        return None
    value = found[0].group(1)
    return _value(value), found[0].start(1), found[0].end(1)


def _blocks_across_heading(text: str, start: int, heading: re.Match, stop: int) \
        -> Optional[tuple[list[list[Counted]], list[Counted], int, int]]:
    """The column blocks printed after the labels of the first rows (「（一）予以公开」 to 「3.危及…」;
    the PDF's reading order prints the others after section 四's heading), the last band's blocks
    after that heading: the blocks, with the counts printed before the heading in the paragraph
    holding it as blocks of one count (stray cells: _bands sets them apart), the counts printed
    right after the last label (further on, past the other labels), where the counts printed
    after those start, and where the labels start. None unless the blocks run on across the
    heading."""
    head_end = _HEAD_END.search(text, start, heading.start())
    if head_end is None:
        return None
    paragraphs = _paragraphs(text, head_end.end(), stop)
    first = next((i for i, paragraph in enumerate(paragraphs) if _counts(paragraph) is not None), None)
    if not first or not any(_FIRST_ROW_LABEL.search(line) for line, _ in paragraphs[first - 1]):
        return None
    blocks: list[list[Counted]] = []
    crossed = False
    at = first
    while at < len(paragraphs):
        counts = _counts(paragraphs[at])
        if counts is None:
            lines = paragraphs[at]
            if crossed or not lines[0][1] <= heading.start() < lines[-1][1] + len(lines[-1][0]):
                break
            crossed = True
            blocks += [[value] for value in _count_lines(text, lines[0][1], heading.start())]
        else:
            blocks.append(counts)
        at += 1
    if not crossed:
        return None
    line, offset = paragraphs[at - 1][-1]
    spare_from = offset + len(line)
    # the counts printed right after the last label, further on (（一）'s 自然人), as after the
    # last label in the other layout
    after: list[Counted] = []
    label = _LAST_LABEL.search(text, spare_from, stop)
    if label is not None:
        for paragraph in _paragraphs(text, label.start(), stop)[1:]:
            counts = _counts(paragraph)
            if counts is None:
                break
            after += counts
            spare_from = paragraph[-1][1] + len(paragraph[-1][0])
    return blocks, after, spare_from, paragraphs[first - 1][0][1]


def _read_whole(blocks: list[list[Counted]], after: list[Counted], spare: _Spare, head: list[Counted],
                bands: tuple[tuple[str, ...], ...] = _BANDS, legal: Optional[Counted] = None, narrow: int = 0) \
        -> Optional[tuple[dict, list[Counted], list[Counted], Optional[Misprint]]]:
    """The one reading of the bands (_BANDS, or as a page break cuts them) when every cell prints
    (0 or a placeholder): the grid, rows 一 and 二, and the misprinted cell with its printed value
    if any; None unless exactly one. `legal`: the header's value printed apart (_legal_apart)."""
    split = _bands(blocks, bands, narrow)
    if split is None:
        return None
    runs, stray = split
    stray += after
    grids = []
    for spans in _spans_product([_SPANS[len(run)] for _, run in runs]):
        grid: dict[tuple[str, int], Optional[Counted]] = {(r, c): None for r in _ROWS for c in range(_WIDTH)}
        for (index, run), (first_column, _) in zip(runs, spans):
            for offset, column in enumerate(run):
                for row, value in zip(bands[index], column):
                    grid[row, first_column + offset] = value
        grids.append(grid)
    # a sum printed whole that fails leaves no reading, two at most one with a misprint (its cell
    # is in one row and one column): such grids are not solved
    failing = [_failing_lines(g) for g in grids]
    budget = [_SOLVES]
    # (every row's 自然人 may be a choice: a band printing 5 columns sets apart its rows' 自然人
    # and 总计, and several bands may, the budget bounding the search)
    solutions = [r for g, f in zip(grids, failing) if not f
                 for r in _solutions(g, stray, spare, depth=len(_ROWS), budget=budget)]
    accepted = _accepted(solutions, head, legal)
    misprints: list[Optional[Misprint]] = [None] * len(accepted)  # (each accepted reading's)
    if not accepted:
        # the bands' sums all hold in a reading (T3-2, T3-3) and only T3-1 and the header's rows
        # fail: the one misprint is in the header's rows 一 and 二
        tried: dict[tuple[int, ...], Optional[tuple[list[Counted], list[Counted], Misprint]]] = {}
        for solution in solutions:
            sums = [solution["total", c][0] + solution["carried_forward", c][0] for c in range(_WIDTH)]
            key = tuple(sums)
            if key not in tried:
                tried[key] = _head_rows_misprinted(head, sums)
            found = tried[key]
            if found is not None:
                first, second, misprint = found
                accepted.append((solution, (first, second)))
                misprints.append(misprint)
    if not accepted:  # one misprinted cell: the one whose value the equations give otherwise
        for grid in (g for g, f in zip(grids, failing) if f <= 2):
            printed_lines = [(set(cells), _adds_up(grid, cells))
                             for cells in _LINES if all(grid[k] is not None for k in cells)]
            # (a trial differs from the grid in its misprint's row alone: the others' unknowns,
            # the misprint's cell in none of them, are the grid's)
            others: dict[int, tuple[set[tuple[int, int]], int]] = {}  # a row -> _unknowns of the others
            flat = [grid[c] for c in _GRID_CELLS]
            for cell, printed, pool in _suspects(grid, stray):
                # every line printed whole holds once the misprint is mended: one outside a line
                # that does not add up leaves it wrong, one inside a line that adds up is mended
                # to its printed value
                if any((cell in cells) == adds_up for cells, adds_up in printed_lines):
                    continue
                trial = dict(grid)
                trial[cell] = None
                at = _ROWS.index(cell[0])
                if at not in others:
                    others[at] = _unknowns(flat, _FLAT_ROW_LINES[:at] + _FLAT_ROW_LINES[at + 1:], None)
                flat_trial = list(flat)
                flat_trial[_AT[cell]] = None
                partners, loose = _unknowns(flat_trial, _FLAT_ROW_LINES[at:at + 1], _AT[cell])
                if not _placeable(flat_trial, pool, spare, _AT[cell],
                                  unknowns=(others[at][0] | partners, others[at][1] + loose)):
                    continue
                for solution in _solutions(trial, pool, spare, cell, budget=budget):
                    if solution[cell][0] != printed[0]:
                        for reading in _accepted([solution], head, legal):
                            accepted.append(reading)
                            misprints.append((cell, printed))
    # (readings alike but for the misprint's cell: which cell printed it, the sums cannot say,
    # as where a table of 0s prints one count its sums do not hold in several cells' rows and columns)
    if len({(tuple(v[0] for v in g.values()), m and m[0]) for (g, _), m in zip(accepted, misprints)}) != 1:
        return None
    grid, (first, second) = accepted[0]
    return grid, first, second, misprints[0]


# where a table leaves its 总计 blank, a band prints 6 columns (自然人…其他), or 5 (商业企业…其他)
# with its 自然人 printed apart: the first column each holds
_BLANK_TOTAL_SPANS = {6: 0, 5: 1}
_STRAY_MOST = 6  # values printed apart placed at most (their orders tried: 720)
_BLANK_TOTAL_READINGS = 64  # readings that hold kept at most before giving up
_BLANK_TOTAL_TRIALS = 4096  # placements of the values printed apart tried at most (bounded time)


def _blank_total_splits(blocks: list[list[Counted]]) -> list[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]]:
    """Every way to cut the blocks into the bands' runs of 5 or 6 columns (as _bands: each band
    takes the blocks of its height that follow, 6 at most), with the values printed between the
    runs (stray). Where bands of one height follow each other and their blocks are one short of
    6 each, which of them prints its 自然人 apart the blocks do not say: each way is a cut."""
    cuts: list[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]] = [([], [])]
    at = band = 0
    while band < len(_BANDS):
        height = len(_BANDS[band])
        group = band + 1
        while group < len(_BANDS) and len(_BANDS[group]) == height:
            group += 1
        stray: list[Counted] = []
        while at < len(blocks) and len(blocks[at]) != height:
            stray.extend(blocks[at])
            at += 1
        run = 0
        while at + run < len(blocks) and len(blocks[at + run]) == height and run < (_WIDTH - 1) * (group - band):
            run += 1
        short = (_WIDTH - 1) * (group - band) - run  # bands of the group printing 5 columns
        if not 0 <= short <= group - band:
            return []
        ways = []
        for narrow in combinations(range(band, group), short):
            runs, start = [], at
            for index in range(band, group):
                width = _WIDTH - 1 - (index in narrow)
                runs.append((index, blocks[start:start + width]))
                start += width
            ways.append(runs)
        cuts = [(done + runs, loose + stray) for done, loose in cuts for runs in ways]
        at += run
        band = group
    rest = [v for block in blocks[at:] for v in block]
    return [(runs, loose + rest) for runs, loose in cuts]


def _read_blank_total(blocks: list[list[Counted]], after: list[Counted], head: list[Counted],
                      legal: Optional[Counted] = None) \
        -> Optional[tuple[dict, list[Counted], list[Counted], set[tuple[str, int]]]]:
    """The reading of the bands (_BANDS) of a table that leaves its 总计 column blank: each band
    prints 6 columns, or 5 with its rows' 自然人 among the values printed apart (each used once),
    rows 一 and 二 print 6 values each in the header. With no 总计 no row sum holds the reading:
    each column's sum over （一）…（六） must be its （七） (T3-2), rows 一 + 二 its （七） + 四 (T3-1);
    a reading whose sums all hold is taken over those where one column's fails (a misprint in it:
    which of its cells, no row sum tells, so the table is read as printed and the checks call it).
    A table printing its 总计 and leaving another column blank prints 6 values a row too: two rows
    at least whose sixth value is not the sum of their other five (one may be a misprint) tell
    that no 总计 printed. The cells every reading agrees on (自然人…其他), rows 一 and 二, and the
    cells readings set apart differently (which row's 自然人 a value printed apart is, the column's
    sum cannot tell); None without a reading, or with readings whose rows 一 and 二 differ."""
    width = _WIDTH - 1
    summed = _ROWS[:_ROWS.index("total")]
    at = head.index(legal) if legal is not None and legal in head else None
    readings: list[tuple[dict, tuple[list[Counted], list[Counted]]]] = []  # (those failing `fewest` sums)
    fewest = 2
    trials = _BLANK_TOTAL_TRIALS
    seen: set[tuple] = set()
    summed_rows = set(summed)
    head_rows: dict[tuple[int, ...], Optional[tuple[list[Counted], list[Counted]]]] = {}  # by column sums
    for runs, stray in _blank_total_splits(blocks):
        stray = stray + after
        grid: dict[tuple[str, int], Counted] = {}
        for index, run in runs:
            first_column = _BLANK_TOTAL_SPANS[len(run)]
            for offset, column in enumerate(run):
                for row, value in zip(_BANDS[index], column):
                    grid[row, first_column + offset] = value
        apart = [row for row in _ROWS if (row, 0) not in grid]
        if len(apart) != len(stray) or len(stray) > _STRAY_MOST:
            continue
        if sum(1 for row in _ROWS if row not in apart
               and sum(grid[row, c][0] for c in range(width - 1)) != grid[row, width - 1][0]) < 2:
            continue
        failing = sum(1 for c in range(1, width)  # (the columns the runs print whole)
                      if sum(grid[row, c][0] for row in summed) != grid["total", c][0])
        if failing > 1:
            continue
        # (column 0's sum and T3-1 asked of the values alone; a grid built for a reading only)
        in_sum = [row in summed_rows for row in apart]
        known = sum(grid[row, 0][0] for row in summed if (row, 0) in grid)
        total = apart.index("total") if "total" in apart else None
        forward = apart.index("carried_forward") if "carried_forward" in apart else None
        split_key = (tuple(apart), tuple(grid[cell][0] for cell in sorted(grid)))
        for values in dict.fromkeys(permutations([v[0] for v in stray])):
            trials -= 1
            if trials < 0:
                return None
            total0 = values[total] if total is not None else grid["total", 0][0]
            fails = failing + (known + sum(v for v, s in zip(values, in_sum) if s) != total0)
            if fails > min(1, fewest) or (split_key, values) in seen:
                continue
            sums = [total0 + (values[forward] if forward is not None else grid["carried_forward", 0][0])] \
                + [grid["total", c][0] + grid["carried_forward", c][0] for c in range(1, width)]
            key = tuple(sums)
            if key not in head_rows:
                head_rows[key] = _head_rows(head, sums, at, width)
            rows = head_rows[key]
            if rows is None:
                continue
            seen.add((split_key, values))
            trial = dict(grid)
            left = list(stray)
            for row, printed in zip(apart, values):
                trial[row, 0] = left.pop(next(i for i, v in enumerate(left) if v[0] == printed))
            if fails < fewest:
                fewest, readings = fails, []
            readings.append((trial, rows))
            if len(readings) > _BLANK_TOTAL_READINGS:
                return None
    if not readings:
        return None
    grid, (first, second) = readings[0]
    if any([v[0] for v in f] != [v[0] for v in first] or [v[0] for v in s] != [v[0] for v in second]
           for _, (f, s) in readings):
        return None
    open_cells = {cell for cell, value in grid.items() if any(g[cell][0] != value[0] for g, _ in readings)}
    return {cell: value for cell, value in grid.items() if cell not in open_cells}, first, second, open_cells


def _store_blank_total(report: Report, table: Table, head: list[Counted], blocks: list[list[Counted]],
                       after: list[Counted], legal: Optional[Counted]) -> bool:
    """Store the reading of a table leaving its 总计 blank (_read_blank_total), its cells the
    readings set apart differently unread, their rows flagged; False without one."""
    found = _read_blank_total(blocks, after, head, legal)
    if found is None:
        return False
    grid, first, second, open_cells = found
    _store(report, table, head, grid, first, second, None)
    for row, c in open_cells:
        report.cells[f"{table.section}.{row}.{table.row(row).columns[c].key}"] = _OPEN
    for row in dict.fromkeys(row for row in _ROWS if any(r == row for r, _ in open_cells)):
        report.flags.append(Flag(f"{table.section}.{row}", "missing",
                                 "表三「总计」列空白，各列数值分块印出，本行「自然人」一格的数值印在别处，"
                                 "与同列其他行的数值无法区分（各种归位都合乎各列合计），请对照原文填写"))
    # rows 一 and 二: with no 总计 no sum tells them apart (T3-1 adds them), the printed order alone
    for column in table.row("new").columns[:len(first)]:
        one = report.cells[f"{table.section}.new.{column.key}"]
        two = report.cells[f"{table.section}.carried_over.{column.key}"]
        if one.arithmetic != two.arithmetic and not _printed_as_rows(report.text, one.span, two.span):
            for row in ("new", "carried_over"):
                report.flags.append(Flag(f"{table.section}.{row}.{column.key}", "parse",
                                         f"表三「总计」列空白，「{column.label}」列「一、本年新收」与「二、上年结转」"
                                         "两格的数值各自单独印出，合计关系对两行一视同仁，哪个数值属于哪一行"
                                         "无法确定，请对照原文核对"))
    return True


def _printed_as_rows(text: str, one: Optional[tuple[int, int]], two: Optional[tuple[int, int]]) -> bool:
    """Whether the places 一's and 二's values of a column printed at (`one`, `two`) say which row
    each is: one text block holding both, 一's first (a block prints its lines top down), or 一's
    in the block of the header's words (the first row under them). Plain pdftotext prints other
    blocks in an order of its own (q7102 r0007: 二's 其他 before 一's, 二's 自然人 before its
    法律服务机构 and 其他 before its 商业企业), so two values each in a block of their own may be
    either row's."""
    if one is None or two is None:
        return False
    block = _block_start(text, one[0])
    if block == _block_start(text, two[0]):
        return one[0] < two[0]
    words = [line.strip(" \t\f") for line in text[block:one[0]].split("\n")]
    words = [line for line in words if line and not _COUNTS_LINE.fullmatch(line)]
    return bool(words) and all(_T3_WORDS.issuperset(line) for line in words)


def _block_start(text: str, at: int) -> int:
    """Where the paragraph (lines between blank lines: plain pdftotext's text block) holding `at` starts."""
    end = text.rfind("\n", 0, at)
    while end >= 0:
        begin = text.rfind("\n", 0, end)
        if not text[begin + 1:end].strip(" \t\f"):
            return end + 1
        end = begin
    return 0


# grids (and choices within them) solved at most for a table: a table read in its layout takes a
# few dozen; one that takes more is not read (the parser's reading stands), in bounded time
_SOLVES = 120


class _OverBudget(Exception):
    pass


_EATEN_GRIDS = 64  # placements of the bands solved at most before giving up
_EATEN_TRIED = 4096  # placements looked at at most


def _read_eaten(text: str, blocks: list[list[Counted]], after: list[Counted], spare: _Spare,
                head: list[Counted], shorter: bool = False, known: Optional[dict] = None) -> Optional[tuple]:
    """The reading of the bands when the report prints its zeros as "-" and plain pdftotext ate
    every one followed by another line of its block (_EATEN): a column's block then prints its
    counts in order, and a "-" last only if its last cell is one; the cells it does not print are
    0. Each band's blocks are placed every way they can be (rows of a band printing all 7 columns
    must add up, or one row in all: a misprint), and the readings that make every equation hold
    (the misprint mended: the one cell of that row whose column fails too) are kept. The grid,
    rows 一 and 二, the misprint and the cells the readings disagree on; None without a reading.
    With `shorter`, the bands are cut as _shorter_eaten_bands cuts them, not each as long as it
    can be. `known` keeps what depends only on the blocks and the header's values (a band's
    placements, rows 一 and 二 for the column sums) for the calls on the same ones."""
    def dash(value: Counted) -> bool:
        return text[value[1]:value[2]] == "-"

    readings: list[tuple[dict, list[Counted], Optional[str]]] = []
    if known is None:
        known = {}
    seen: dict[int, list[tuple[int, int]]] = known.setdefault("parts", {})  # a band's placement -> its _column_parts
    tried = 0
    budget = [_SOLVES]
    # (the cuts share most of their runs; a run's placements are kept with it, `seen` by their identity)
    placed: dict[tuple, list[tuple[dict, Optional[str]]]] = known.setdefault("placed", {})
    # the column sums (T3-1) -> rows 一 and 二 (readings reading other rows alike share them)
    head_rows: dict[tuple[int, ...], list[tuple[list[Counted], list[Counted]]]] = known.setdefault("head rows", {})
    cuts = _shorter_eaten_bands(blocks, dash, placed) if shorter else _eaten_bands(blocks, dash)
    for runs, stray in cuts:
        for spans in _spans_product([_SPANS[len(run)] for _, run in runs]):
            options = [_placed_band(placed, index, run, first) for (index, run), (first, _) in zip(runs, spans)]
            if not all(options):
                continue
            for chosen, wrong_row, failing in _placements(options, seen):
                tried += 1
                if tried > _EATEN_TRIED:
                    return None
                # (a column the bands print whole must add up before the grid is solved, but the
                # misprint's; the bands' rows were checked)
                if failing <= (wrong_row is not None):
                    grid: dict[tuple[str, int], Optional[Counted]] = dict.fromkeys(_GRID_CELLS)
                    for part in chosen:
                        grid.update(part)
                    readings.append((grid, stray + after, wrong_row))
                if len(readings) > _EATEN_GRIDS:
                    return None
    accepted: dict[tuple, tuple[dict, list[Counted], list[Counted], Optional[tuple]]] = {}
    for misprinted in (False, True):
        for grid, stray, wrong_row in readings:
            if (wrong_row is not None) != misprinted:
                continue
            # the misprint is a count printed in the failing row whose column fails too, or is
            # not printed whole (a column that adds up would fail once it is mended)
            # (a misprinted row is one a band prints whole: its cells are known)
            trials: list[tuple[dict[tuple[str, int], Optional[Counted]], Optional[Misprint]]] = \
                [(grid, None)] if wrong_row is None else \
                [({**grid, (wrong_row, c): None}, ((wrong_row, c), printed))
                 for c in range(_WIDTH) if (printed := cast(Counted, grid[wrong_row, c]))[1] >= 0
                 and not _adds_up(grid, _COLUMN_LINES[c])]
            for trial, misprint in trials:
                free = misprint[0] if misprint else None
                solutions = _solutions(trial, stray, spare, free, eaten=True, budget=budget)
                if len(solutions) > 1:
                    return None  # (the cells the bands leave open take their values several ways)
                for solution in solutions:
                    if misprint and solution[misprint[0]][0] == misprint[1][0]:
                        continue
                    sums = tuple(solution["total", c][0] + solution["carried_forward", c][0] for c in range(_WIDTH))
                    if sums not in head_rows:
                        head_rows[sums] = _head_rows_eaten(head, list(sums))
                    rows = head_rows[sums]
                    if len(rows) > 1:
                        return None
                    for first, second in rows:
                        for c in range(_WIDTH):
                            solution["new", c], solution["carried_over", c] = first[c], second[c]
                        key = (tuple(v[0] for v in solution.values()), misprint and (misprint[0], misprint[1][0]))
                        accepted.setdefault(key, (solution, first, second, misprint))
        if accepted:
            break  # (a reading without a misprint leaves none to look for)
    if not accepted or len({misprint and misprint[0] for _, _, _, misprint in accepted.values()}) > 1:
        return None
    # readings differing only in which row of a band a column's count is in (the dashes that
    # would tell were eaten): the cells they agree on are read, the others left open
    grids = [g for g, _, _, _ in accepted.values()]
    grid, first, second, misprint = next(iter(accepted.values()))
    # zeros printed as 0 among 一's and 二's (表二's print before 一's first count) would be read
    # as dashes: not this style
    start = min((v[1] for v in first if v[1] >= 0), default=None)
    if start is not None and any(text[v[1]:v[2]] == "0" and v[1] > start for v in head):
        return None
    open_cells = {cell for cell in grid if len({g[cell][0] for g in grids}) > 1}
    return grid, first, second, misprint, open_cells


_COLUMN_ROWS = frozenset(_ROWS[:_ROWS.index("total") + 1])  # the rows of T3-2's column sums
_COLUMN_CELLS = len(_COLUMN_ROWS)


def _column_parts(seen: dict[int, list[tuple[int, int]]], part: dict) -> list[tuple[int, int]]:
    """What a band's placement holds of each column's sum over （一）…（七） and 总计 (T3-2): per
    column, how many of its cells the placement prints and their sum, the 总计 row's taken away
    (so that a column printed whole adds up when its parts over the bands sum to 0). Kept in
    `seen` by the placement's identity: the placements are kept for the whole reading."""
    known = seen.get(id(part))
    if known is None:
        known = [(0, 0)] * _WIDTH
        for (row, column), value in part.items():
            if row in _COLUMN_ROWS and value is not None:
                count, total = known[column]
                known[column] = (count + 1, total - value[0] if row == "total" else total + value[0])
        seen[id(part)] = known
    return known


def _placements(options: list[list[tuple[dict, Optional[str]]]], seen: dict[int, list[tuple[int, int]]]):
    """Each choice of one placement a band (`options`: each band's _band_options, the first band's
    varying slowest) with one misprinted row at most: its placements, that row (None: none) and
    how many column sums (T3-2) they print whole and fail (_failing_lines of the columns), each
    column's parts (_column_parts, kept in `seen`) summed band by band as the choices are made:
    the choices sharing their first bands share those sums (whole numbers: the same in any order)."""
    last = len(options) - 1

    def walk(band: int, chosen: list[dict], wrong_row: Optional[str], parts: list[tuple[int, int]]):
        for part, row in options[band]:
            if row is not None and wrong_row is not None:
                continue  # (two misprinted rows: not weighed)
            summed = [(count + more, total + added)
                      for (count, total), (more, added) in zip(parts, _column_parts(seen, part))]
            if band == last:
                yield chosen + [part], row if wrong_row is None else wrong_row, \
                    sum(1 for count, total in summed if count == _COLUMN_CELLS and total != 0)
            else:
                yield from walk(band + 1, chosen + [part], row if wrong_row is None else wrong_row, summed)

    return walk(0, [], None, [(0, 0)] * _WIDTH)


def _eaten_bands(blocks: list[list[Counted]], dash: Callable[[Counted], bool]) \
        -> list[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]]:
    """As _bands, a column's block no taller than its band and printing a "-" only last (its
    other cells' dashes eaten): each band takes the blocks that fit it, up to 7, the others
    before it are stray values. [] when a band has fewer than 5."""
    runs, stray, at = [], [], 0
    for index, band in enumerate(_BANDS):
        height = len(band)

        def fits(block: list[Counted]) -> bool:
            return len(block) <= height and not any(dash(v) for v in block[:-1])

        while at < len(blocks) and not fits(blocks[at]):
            stray.extend(blocks[at])
            at += 1
        run: list[list[Counted]] = []
        while at < len(blocks) and fits(blocks[at]) and len(run) < _WIDTH:
            run.append(blocks[at])
            at += 1
        if len(run) not in _SPANS:
            return []
        runs.append((index, run))
    for block in blocks[at:]:
        stray.extend(block)
    return [(runs, stray)]


_SHORTER_CUTS = 32  # cuts of the bands into shorter runs kept at most
_SHORTER_STEPS = 2000  # bands placed at most while cutting


def _shorter_eaten_bands(blocks: list[list[Counted]], dash: Callable[[Counted], bool], placed: dict) \
        -> list[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]]:
    """As _eaten_bands, but a band whose run as long as it can be places no way without a
    misprint (_band_options) may print 5 or 6 columns, its first or last column's cells printed
    apart beside it: its run stops short before a block holding a count other than 0 (「（一）」's
    总计 "19847" after its band), or, after a band cut short, starts after one or two such blocks
    ("322 -": （二）'s 自然人 printed before 「1.属于国家秘密」's). A block of dashes alone stays in its band (nothing tells
    it apart). The cuts in which every band's blocks can be placed, one band at most only with a
    misprint; none when there are more than _SHORTER_CUTS or the cutting takes more than
    _SHORTER_STEPS steps."""
    cuts: list[tuple[list[tuple[int, list[list[Counted]]]], list[Counted]]] = []
    steps = [_SHORTER_STEPS]
    placeable: dict[tuple[int, int, int], Optional[bool]] = {}  # band, start, size -> misprinted only

    # each block's height (None: a "-" before its last line, which fits no band), looked at once
    heights = [None if any(dash(v) for v in block[:-1]) else len(block) for block in blocks]

    def fits(block: int, height: int) -> bool:
        printed = heights[block]
        return printed is not None and printed <= height

    def counts(block: list[Counted]) -> bool:
        return any(v[0] for v in block)

    def misprinted_only(index: int, start: int, size: int) -> Optional[bool]:
        key = (index, start, size)
        if key not in placeable:
            run = blocks[start:start + size]
            options = [option for first, _ in _SPANS[size] for option in _placed_band(placed, index, run, first)]
            placeable[key] = None if not options else all(wrong is not None for _, wrong in options)
        return placeable[key]

    def fitting(index: int, start: int) -> int:
        length = 0
        while start + length < len(blocks) and length < _WIDTH and fits(start + length, len(_BANDS[index])):
            length += 1
        return length

    def walk(index: int, at: int, runs: list, stray: list[Counted], misprinted: int) -> None:
        steps[0] -= 1
        if len(cuts) > _SHORTER_CUTS or steps[0] < 0:
            return
        if index == len(_BANDS):
            cuts.append((runs, stray + [v for block in blocks[at:] for v in block]))
            return
        longest = fitting(index, at)
        choices = [(at, longest)]
        if longest < 5 or misprinted_only(index, at, longest) is not False:
            choices += [(at, size) for size in range(longest - 1, 4, -1) if counts(blocks[at + size])]
            for start in (at + 1, at + 2) if runs and len(runs[-1][1]) < _WIDTH else ():
                if start < len(blocks) and counts(blocks[start - 1]):
                    choices += [(start, size) for size in range(fitting(index, start), 4, -1)]
                else:
                    break
        for start, size in choices:
            if size < 5:
                continue
            only = misprinted_only(index, start, size)
            if only is None or misprinted + only > 1:
                continue
            walk(index + 1, start + size, runs + [(index, blocks[start:start + size])],
                 stray + [v for block in blocks[at:start] for v in block], misprinted + only)

    walk(0, 0, [], [], 0)
    return cuts if len(cuts) <= _SHORTER_CUTS and steps[0] >= 0 else []


def _placed_band(placed: dict, index: int, run: list[list[Counted]], first: int) -> list[tuple[dict, Optional[str]]]:
    """_band_options, worked out once per run (`placed` keeps them)."""
    key = (index, first, *map(id, run))
    if key not in placed:
        placed[key] = _band_options(index, run, first)
    return placed[key]


def _band_options(index: int, run: list[list[Counted]], first: int) -> list[tuple[dict, Optional[str]]]:
    """Each way to place the band's blocks in its cells (the last cell of a column is its block's
    last line, the other lines go in order above it, the cells left 0 with eaten dashes), whose
    rows add up when the band prints all 7 columns, but one at most (a misprint's: named)."""
    rows = _BANDS[index]
    height = len(rows)
    columns = []
    for block in run:
        placed = []
        for above in combinations(range(height - 1), len(block) - 1):
            column = [_EATEN] * height
            column[-1] = block[-1]
            for row, value in zip(above, block[:-1]):
                column[row] = value
            placed.append(column)
        columns.append(placed)
    whole = len(run) == _WIDTH
    no_first = first == 1 and len(run) == _WIDTH - 1  # (商业企业…总计: a row's parts cannot exceed its 总计)
    # each choice of the columns but the last, in _spans_product's order, with its rows' sums
    # (each column's counts taken out once, and added to the sums row by row by map)
    parts: list[tuple[tuple, tuple[int, ...]]] = [((), (0,) * height)]
    for placed in columns[:-1]:
        counted = [(column, tuple([v[0] for v in column])) for column in placed]
        parts = [(done + (column,), tuple(map(add, sums, counts)))
                 for done, sums in parts for column, counts in counted]
    lasts = [(column, tuple([v[0] for v in column])) for column in columns[-1]]
    out = []
    for done, sums in parts:
        for last, totals in lasts:
            wrong: Optional[str] = None
            if whole and sums != totals:
                if sum(map(ne, sums, totals)) > 1:
                    continue
                wrong = rows[next(r for r in range(height) if sums[r] != totals[r])]
            elif no_first and any(s > t for s, t in zip(sums, totals)):
                continue
            out.append(({(row, first + offset): column[r] for offset, column in enumerate(done + (last,))
                         for r, row in enumerate(rows)}, wrong))
    return out


def _head_rows_eaten(values: list[Counted], sums: list[int]) -> list[tuple[list[Counted], list[Counted]]]:
    """Rows 一 and 二 from the header's values when its dashes may have been eaten: 一's counts
    other than 0 in printed order, the first of them a count printed after any of 表二's stray
    values (as _head_rows starts), 二's the column sums (T3-1) less 一's, every count other than 0
    from 一's first on used once by either, each row adding up; the zeros are eaten dashes
    (_EATEN). The pairs (by value) that fit, two at most."""
    if not any(sums):  # both rows print only zeros: the counts are 表二's
        return [([_EATEN] * _WIDTH, [_EATEN] * _WIDTH)]
    counts = [v for v in values if v[0]]
    found: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[list[Counted], list[Counted]]] = {}

    def walk(c: int, row: list[Counted], next_at: int, left: list[Counted]) -> None:
        if len(found) > 1:
            return
        if c == _WIDTH:
            numbers = [v[0] for v in row]
            if next_at == start or left or sum(numbers[:-1]) != numbers[-1]:
                return
            second = [s - n for s, n in zip(sums, numbers)]
            found.setdefault((tuple(numbers), tuple(second)), (row, list(second_row)))
            return
        options: list[tuple[Counted, int]] = [(_EATEN, next_at)] if next_at > start else []
        if next_at == start:  # 一's first count
            options += [(_EATEN, start)] if c < _WIDTH - 1 else []
            options += [(counts[start], start + 1)] if counts[start][0] <= sums[c] else []
        else:
            options += [(counts[k], k + 1) for k in range(next_at, len(counts)) if counts[k][0] <= sums[c]]
        for value, after in options:
            pool = [p for p in left if p is not value]
            if value is not _EATEN and len(pool) == len(left):
                continue  # (taken by 二 already)
            other = sums[c] - value[0]
            if other:
                at = next((k for k, p in enumerate(pool) if p[0] == other), None)
                if at is None:
                    continue
                second_row.append(pool[at])
                pool = pool[:at] + pool[at + 1:]
            else:
                second_row.append(_EATEN)
            walk(c + 1, row + [value], after, pool)
            second_row.pop()

    second_row: list[Counted] = []
    for start in range(len(counts)):  # (the counts before 一's first are 表二's)
        walk(0, [], start, counts[start:])
    return list(found.values())


def _store(report: Report, table: Table, head: list[Counted], grid: dict, first: list[Counted],
           second: list[Counted], misprint: Optional[Misprint],
           open_cells: Optional[set[tuple[str, int]]] = None) -> None:
    """Store the reading; the `open_cells` of a reading with eaten dashes (which the text leaves
    undecided) unread, their rows flagged."""
    text = report.text
    columns = [c.key for c in table.row("granted").columns]
    cells = report.cells
    # (with eaten dashes 二's zeros print nowhere: its counts are placed by the column sums alone)
    in_order = second if open_cells is not None else _in_printed_order(head, first, [v[0] for v in second])
    # 二's values placed by the column sums, not read in their printed order: the parser's reading
    # of rows 一 and 二 stands with its doubts where it is the same, else this one is flagged
    kept = in_order is None and all(
        cells[f"{table.section}.{key}.{columns[c]}"].value == values[c][0]
        for key, values in (("new", first), ("carried_over", second)) for c in range(len(first)))
    for key, values in (("new", first), ("carried_over", in_order or second)):
        for c, value in enumerate(values):
            grid[key, c] = value
    if misprint is not None:
        grid[misprint[0]] = misprint[1]
    head_rows = (f"{table.section}.new", f"{table.section}.carried_over")
    if len(first) < _WIDTH:  # a table leaving its 总计 blank (_read_blank_total)
        for row in _ROWS_ORDER:
            cells[f"{table.section}.{row}.{columns[-1]}"] = CellValue(None, BLANK)
    for (row, c), (value, at, stop) in grid.items():
        path = f"{table.section}.{row}.{columns[c]}"
        if open_cells and (row, c) in open_cells:
            cells[path] = _OPEN
        elif open_cells is not None and cells[path].span and cells[path].arithmetic == value \
                and cells[path].state in (NUMBER, PLACEHOLDER):
            continue  # the parser read it alike, with the place it printed at (an eaten dash has none)
        elif not (kept and f"{table.section}.{row}" in head_rows):
            printed = text[at:stop] if at >= 0 else "-"
            cells[path] = CellValue(value, NUMBER, printed, (at, stop)) \
                if printed[:1].isdigit() else CellValue(None, PLACEHOLDER, printed, (at, stop) if at >= 0 else None)
    report.flags[:] = [f for f in report.flags
                       if not f.cell.startswith(f"{table.section}.") and f.cell != table.section
                       or kept and f.cell.startswith(head_rows)]
    if in_order is None and not kept:
        report.flags.append(Flag(head_rows[1], "parse", "表三「二、上年结转」行的数值未按列序印出，"
                                                         "已按各列合计关系归位，请对照原文核对"))
    for row in dict.fromkeys(row for row, _ in sorted(open_cells or (), key=lambda cell: _ROWS_ORDER.index(cell[0]))):
        report.flags.append(Flag(f"{table.section}.{row}", "missing",
                                 "表三各列数值分块印出，其中的占位符「-」在转换时被吞掉，本行与同块其他行的数值"
                                 "无法区分，未读取，请对照原文填写"))
    if misprint is not None:
        row = misprint[0][0]
        report.flags.append(Flag(f"{table.section}.{row}", "parse",
                                 f"表三各列数值分块印出，本行「{table.row(row).columns[misprint[0][1]].label}」"
                                 f"一格与表内合计不符（疑为印误），其余各格按合计关系归位，请对照原文核对"))
        if row in ("new", "carried_over") and _rows_interleaved(first, second):
            other = "carried_over" if row == "new" else "new"
            report.flags.append(Flag(f"{table.section}.{other}", "parse",
                                     "表三「一、本年新收」与「二、上年结转」两行的数值交错印出，合计关系对两行"
                                     "一视同仁，哪些数值属于哪一行无法确定，请对照原文核对"))


def _rows_interleaved(first: list[Counted], second: list[Counted]) -> bool:
    """True when 二 prints a count other than 0 before 一's first (or 一 prints none): the printed
    order, the one thing that tells the two rows apart, then says nothing sure (the template's sums
    treat 一 and 二 alike: T3-1 adds them, T3-3 holds for each, so the two rows traded fit every
    equation as well; 0s print alike in either row)."""
    first_count = min((v[1] for v in first if v[0] and v[1] >= 0), default=None)
    return any(v[0] and 0 <= v[1] and (first_count is None or v[1] < first_count) for v in second)


def _in_printed_order(head: list[Counted], first: list[Counted], wanted: list[int]) -> Optional[list[Counted]]:
    """二's values in their printed order among the header's values that are not 一's, else None."""
    taken = {id(v) for v in first}
    out: list[Counted] = []
    for value in head:
        if len(out) < len(wanted) and id(value) not in taken and value[0] == wanted[len(out)]:
            out.append(value)
    return out if len(out) == len(wanted) else None


def _accepted(readings: list[dict], head: list[Counted], legal: Optional[Counted] = None) \
        -> list[tuple[dict, tuple[list[Counted], list[Counted]]]]:
    """The readings for which rows 一 and 二 are found in the header (T3-1), with those rows
    (`legal`: _head_rows)."""
    accepted = []
    at = head.index(legal) if legal is not None and legal in head else None
    for grid in readings:
        sums = [grid["total", c][0] + grid["carried_forward", c][0] for c in range(_WIDTH)]
        split_head = _head_rows(head, sums, at)
        if split_head is not None:
            accepted.append((grid, split_head))
    return accepted


def _suspects(grid: dict[tuple[str, int], Optional[Counted]],
              stray: list[Counted]) -> list[tuple[tuple[str, int], Counted, list[Counted]]]:
    """The cells that may hold the one misprint, each with its printed value and the stray values
    left for the other cells: the cells of the one band row that does not add up; else the band
    cells of rows a band prints only in part, and each stray value in each cell no band holds."""
    whole = [r for r in _ROWS if all(grid[r, c] is not None for c in range(_WIDTH))]
    known = cast("dict[tuple[str, int], Counted]", grid)  # (read in the rows of `whole` alone: every cell known)
    wrong = [r for r in whole if sum(known[r, c][0] for c in range(_WIDTH - 1)) != known[r, _WIDTH - 1][0]]
    if len(wrong) > 1:
        return []
    if wrong:
        return [((wrong[0], c), known[wrong[0], c], stray) for c in range(_WIDTH)]
    partial = [r for r in _ROWS if r not in whole]
    out = [((r, c), printed, stray) for r in partial for c in range(_WIDTH) if (printed := grid[r, c]) is not None]
    for i, value in enumerate(stray):
        if value[0] not in {v[0] for v in stray[:i]}:
            out += [((r, c), value, stray[:i] + stray[i + 1:]) for r in partial for c in range(_WIDTH)
                    if grid[r, c] is None]
    return out


def _spans_product(choices: list[tuple[tuple[int, int], ...]]) -> list[list[tuple[int, int]]]:
    out: list[list[tuple[int, int]]] = [[]]
    for options in choices:
        out = [done + [option] for done in out for option in options]
    return out


def _head_values(text: str, start: int, end: int) -> Optional[list[Counted]]:
    """The counts printed on lines of their own between 一's label and 三's (rows 一 and 二)."""
    first = _HEAD_FIRST.search(text, start, end)
    if first is None:
        return None
    last = _HEAD_END.search(text, first.end(), end)
    if last is None:
        return None
    return _count_lines(text, first.end(), last.start())
