"""表三 of the 2021 template printed by plain pdftotext one cell (or a few) per paragraph.

Plain pdftotext (without -layout) breaks the table into the PDF's text blocks: most cells print
as a paragraph of their own, a few side by side on one line, in an order the page's geometry
scrambles (a row's right part before its left part, a 总计 far below its row, rows 一 and 二 among
page 2's header words). When every cell prints (zeros as 0, or as a placeholder mark), the order
still follows these principles, seen in every such output of the converter zoos:

- the rows start printing in the table's order, so each row starts at the first value no row
  above took;
- a row's cells print in column order from some column on, wrapping round to 自然人 after 总计,
  in one run of values no other row took in between, or two: the second starts where the flow
  comes back from words (a label, the header's), or is the row's one missing value; values
  printed on one line are neighbouring cells of one row;
- a value printed right after a row's label alone (in its paragraph, or first in the next one)
  is that row's 自然人 cell, the cell right of the label;
- （七）总计 and 四 are what the column equations make them (T3-2, T3-1): the values left over must
  be theirs, wherever they printed (up to three of their zeros may be lost in conversion: each
  is stored as inferred and flagged).

The placements splitting the fewest rows in two are searched for (the simplest reading), row by
row; a state no placement can come out of is left before its rows are walked (a row's sevens of
free values that cannot add up, its label values out of reach, （七）总计's 总计 not among the free
values, the row after a row splitting with nowhere to go: see _Search._rows, _Sevens, _Drifts,
_NextRow), so the search finds what walking every state finds, in the same order, in a few
thousand steps at most. One is stored only when every equation holds (T3-1, T3-2, T3-3) and no
other placement as simple gives a different table, else the other readers' reading and flags
stand. It is tried only for a 表三 read in part, or not adding up (bar a misprint: one row and
its column), by the other readers.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from operator import add, gt, le, sub
from typing import Callable, Optional

from core.model import INFERRED, NUMBER, PLACEHOLDER, CellValue, Flag, Report
from core.template import Table

_WIDTH = 7  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
_ROWS = 25
_CELLS = _ROWS * _WIDTH
_BUDGET = 6_000  # search steps before giving up (the reading is then left to the other readers): the zoos take 1 968 at most (p7373 r0016, three rows split), and a step of the pruned search costs up to ~0.2 M instructions, so 60 000 could cost seconds on a hostile input
_MAX_LOST = 3  # values lost in conversion (a zero or a mark each, in （七）总计 or 四)
_MAX_SPLIT = 3  # rows printed in two runs, at most, in a table (every placement the zoos hold splits 3 or fewer; each more costs ~7x the steps)

# a cell: a count (with its unit or thousands separators as printed: 「2件」, 「1,234」, never dropped
# for them, which would leave the sums to place the other values where they add up without it) or
# the mark a report prints for "none" ("-", or the word 「无」 standing apart: not 「（四）无法提供」's
# nor 「无正当理由」's), standing apart on its line
_TOKEN = re.compile(r"(?<!\S)(?:(\d{1,3}(?:,\d{3})+|\d+)(?:件|个|项|条|次|宗)?|[-－—–/／无])(?!\S)")
_HEADER = re.compile(r"申请人情况")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f]*\n\s*")
# a page's number among the table's paragraphs (「第2页」, 「- 3 -」): its line holds no cell
_PAGE_NUMBER = re.compile(r"第[ \t]*\d+[ \t]*页|^[ \t\f]*[-－—][ \t]*\d+[ \t]*[-－—][ \t\f]*$", re.M)

_BIT_BYTES = bytes.maketrans(b"01", b"\x00\x01")  # a bit's character to a byte false or true
# the column of a row's k-th value in printed order, by its first value's column (wrapping round
# after 总计)
_COLUMNS = tuple(range(_WIDTH))
_COLUMNS_FROM = tuple(tuple((first + k) % _WIDTH for k in range(_WIDTH)) for first in range(_WIDTH))

Token = tuple[int, int, int, int]  # value, start, end, line number

# words of each row's label (in the table's order) as plain pdftotext prints them, wrapped or not
_LABEL_WORDS = (
    "本年新收", "上年结转", "予以公开", "部分公开", "国家秘密", "法规禁止公开", "三安全一稳定", "第三方合法权益",
    "内部事务", "过程性信息", "执法案卷", "行政查询", "不掌握", "另行制作", "内容仍不明确", "信访举报",
    "重复申请", "公开出版物", "大量反复", "重新出具", "逾期不补正", "收费通知", r"3[.．、]\s*其他",
    "（七）总计", "结转下年度")
# (a position is tried against the words only when it prints one's first character: the named
# groups keep the engine from skipping the others itself, 25 words tried at each of ~1 200
# positions, 1.5 ms a 表三)
_LABELS = re.compile(f"(?=[{''.join(sorted({words[0] for words in _LABEL_WORDS}))}])(?:"
                     + "|".join(f"(?P<r{i}>{words})" for i, words in enumerate(_LABEL_WORDS)) + ")")


def _label_rows(text: str, tokens: list[Token], start: int, end: int) -> dict[int, frozenset[int]]:
    """The row of each value printed right after a row's label: in its paragraph, or first in
    the next one; the label alone (no other label since the value before: labels printed
    together, the group labels' text block, may be followed by any row's stray value). It is
    the row's 自然人 cell: the cell right of the label."""
    out: dict[int, frozenset[int]] = {}
    starts = [t[1] for t in tokens]
    bunch: set[int] = set()
    label_end = 0
    at = 0  # the next token

    def after_label(i: int) -> None:
        if len(bunch) != 1:
            return
        parts = _PARAGRAPH_BREAK.split(text[label_end:starts[i]])
        if len(parts) == 1 or len(parts) == 2 and not parts[1].strip():
            out[i] = frozenset(bunch)

    for m in _LABELS.finditer(text, start, end):
        while at < len(tokens) and starts[at] < m.start():
            after_label(at)
            bunch = set()
            at += 1
        bunch.add(int(str(m.lastgroup)[1:]))  # (the group r<row> that matched)
        label_end = m.end()
    if at < len(tokens):
        after_label(at)
    return out


def _tokens(text: str, start: int, end: int) -> list[Token]:
    """The values standing apart between `start` and `end`, but on a page number's line; each
    with the number of its line (counted from `start`)."""
    # the lines holding a page's number
    pages = [(text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())) for m in _PAGE_NUMBER.finditer(text, start, end)]
    out: list[Token] = []
    line_no = 0
    at = start
    for m in _TOKEN.finditer(text, start, end):
        line_no += text.count("\n", at, m.start())
        at = m.start()
        if pages and any(a <= at < b for a, b in pages):
            continue
        count = m.group(1)
        out.append((int(count.replace(",", "")) if count else 0, at, m.end(), line_no))
    return out


def _bare_page_number(text: str, tokens: list[Token], pages: tuple[int, ...],
                      furniture: frozenset[tuple[int, int]]) -> Optional[int]:
    """The one value that may be the bare number of the page printing it (a footer neither
    _PAGE_NUMBER nor page_furniture knows): alone on its line, equal to that page's number (its
    place among the document's pages), nothing but values (and the page furniture found, such
    as the next page's repeated header) after it up to the next page. None when none or several."""
    found = []
    for n, (value, at, stop, line_no) in enumerate(tokens):
        page = bisect_right(pages, at)  # (pages before the one printing it)
        if page == len(pages) or value != page + 1 or not text[at:stop].isdigit():
            continue
        if n and tokens[n - 1][3] == line_no or n + 1 < len(tokens) and tokens[n + 1][3] == line_no:
            continue  # (not alone on its line)
        after = n + 1
        while after < len(tokens) and tokens[after][1] < pages[page]:
            after += 1
        gaps = zip([t[2] for t in tokens[n:after]], [t[1] for t in tokens[n + 1:after]] + [pages[page]])
        if all(_blank(text, a, b, furniture) for a, b in gaps):
            found.append(n)
    return found[0] if len(found) == 1 else None


def _blank(text: str, start: int, end: int, furniture: frozenset[tuple[int, int]]) -> bool:
    """Whether only whitespace and page furniture print between `start` and `end`."""
    at = start
    for a, b in sorted(span for span in furniture if span[1] > start and span[0] < end):
        if a > at and not text[at:a].isspace():
            return False
        at = max(at, b)
    return at >= end or text[at:end].isspace()


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _after_text(text: str, tokens: list[Token]) -> list[bool]:
    """For each value: words print between it and the value before."""
    return [i == 0 or not text[tokens[i - 1][2]:tokens[i][1]].isspace() for i in range(len(tokens))]


class _OverBudget(Exception):
    pass


class _Search:
    """Place the tokens row by row (see the module's doc); collect the distinct tables found."""

    def __init__(self, tokens: list[Token], rows_of: dict[int, frozenset[int]], after_text: list[bool]):
        self.tokens = tokens
        # the zeros (or marks) lost in conversion: （七）总计 or 四's, as the equations tell
        self.lost = _CELLS - len(tokens)
        self.after_text = after_text  # words (a label, the header's) print right before the value
        self.rows_of = rows_of
        self.values = [t[0] for t in tokens] + [0]  # (and a lost 0's, at len(tokens))
        n = len(tokens)
        # same_line[i]: token i+1 prints on token i's line
        self.same_line = [i + 1 < n and tokens[i][3] == tokens[i + 1][3] for i in range(n)]
        # the values from each one to its line's end (a line of zeros is like any other)
        self.lines: list[tuple[int, ...]] = [()] * n
        for i in range(n - 1, -1, -1):
            self.lines[i] = (self.values[i],) + (self.lines[i + 1] if self.same_line[i] else ())
        self.table_sum = sum(self.values)
        # where a row's second run may start (walk): a line of zeros (no label's value) is one of a
        # stretch of alike lines; the values after words; the values of each size, for a row's
        # one missing value
        self.zero_line = [not any(self.lines[i]) and i not in rows_of for i in range(n)]
        self.after_words = [i for i in range(n) if after_text[i]]
        self.at_value: dict[int, list[int]] = {}
        for i in range(n):
            self.at_value.setdefault(self.values[i], []).append(i)
        # the same as bits (a value's tokens free in a state: one operation, not a scan of them)
        self.value_bits: dict[int, int] = {}
        for i in range(n):
            self.value_bits[self.values[i]] = self.value_bits.get(self.values[i], 0) | 1 << i
        # the values printed right after one row's label (its 自然人 cell), by position: the rows
        # of the search (not （七）总计 and 四, placed from what is left)
        self.owns = sorted((i, min(rows)) for i, rows in rows_of.items() if len(rows) == 1 and min(rows) < _ROWS - 2)
        # the label values whose rows all come before each row (a count left behind by them)
        self.labelled_before = []
        from_row = [0] * (_ROWS + 2)  # (each label value at the first row after all of its rows)
        for i, rows in rows_of.items():
            from_row[min(max(rows) + 1, _ROWS + 1)] |= 1 << i
        before = 0
        for row in range(_ROWS):
            before |= from_row[row]
            self.labelled_before.append(before)
        self.owns_from = [[(i, label_row) for i, label_row in self.owns if label_row >= row] for row in range(_ROWS)]
        self.all_tokens = (1 << n) - 1
        self.bits = [1 << i for i in range(n)]
        # the values printed right after each row's label alone (_options: its 自然人 cell's)
        self.labelled_only: list[list[int]] = [[] for _ in range(_ROWS)]
        for i, rows in rows_of.items():  # (in their order: the first free one is the row's)
            if len(rows) == 1:
                self.labelled_only[min(rows)].append(i)
        self.steps = 0
        # (row, used, per column 一+二 and the sum of the result rows) -> the distinct ways to
        # place the rows from there on (two at most: more tell no more)
        self.memo: dict[tuple, list[list[list[int]]]] = {}
        self.rows_known: dict[tuple, bool] = {}  # (see _Sevens.may_be_row)
        # each row's first label value (its 自然人 cell's: no other row may take it, so it is free
        # in every state before the row), and the answers of _Drifts, shared by the states
        self.first_own: dict[int, int] = {}
        for i, label_row in self.owns:
            self.first_own.setdefault(label_row, i)
        # what the result rows' label values from each row on add up to: each is its row's
        # 自然人 cell, and the result rows' 自然人 cells add up to at most 一 + 二's (四 >= 0)
        self.owns_sum_from = [0] * (_ROWS + 1)
        for label_row in range(_ROWS - 3, 1, -1):
            own = self.first_own.get(label_row)
            self.owns_sum_from[label_row] = self.owns_sum_from[label_row + 1] + (self.values[own] if own is not None else 0)
        self.drifts_known: dict[tuple, bool] = {}
        self.from_rows: dict[tuple, bool] = {}  # (see _Drifts._walk: the walk from a row on)
        self.sevens_known: dict[tuple, bool] = {}
        # _Drifts.clean's and _Sevens.may_be's answers by row and seven (see _Sevens.may_be), the
        # latter by what the columns may still take: the same in every state holding the seven
        self.cleans_known: dict[object, bool] = {}
        self.rows_by_room: dict[Optional[tuple[int, ...]], dict[object, bool]] = {}
        self.acrosses_known: dict[tuple, bool] = {}
        self.found: list[list[list[int]]] = []

    def run(self) -> None:
        """The placements splitting the fewest rows in two runs (the simplest reading), two at
        most of them (more tell no more), none if none splits at most _MAX_SPLIT rows."""
        zeros = (0,) * _WIDTH
        if self.table_sum % 2:
            return  # (none adds up: the table adds up to 2 (一 + 二) + (一)…(六), twice their 总计s)
        if 2 * max(self.values) > self.table_sum:
            # (none adds up: every row, （七）总计 and 四 too, adds up to twice its 总计, the sum of
            # its other cells, so the row holding the largest value adds up to twice it at least)
            return
        for split in range(_MAX_SPLIT + 1):
            self.found = self._rows(0, 0, zeros, zeros, split)
            if self.found:
                return

    def _rows(self, row: int, used: int, head: tuple[int, ...], results: tuple[int, ...],
              split: int, before: Optional[tuple[tuple[list[int], list[int]], list[int]]] = None
              ) -> list[list[list[int]]]:
        """The placements of rows `row`… (two at most) splitting `split` rows at most; `before`:
        the free values of the state before and the row's cells it took (see _free_after)."""
        values = self.values
        if self.labelled_before[row] & ~used:
            return []  # (a count left behind by the rows its label names)
        if row == _ROWS - 2:
            # （七）总计 and 四 are what the column equations make them (T3-2, T3-1): the values
            # left must be theirs (wherever they printed: their narrow columns print apart)
            total = list(results)
            carried = list(map(sub, head, results))
            if min(carried) < 0:
                return []
            n = len(self.tokens)
            free = self._free(used)[0]
            free_values = list(map(values.__getitem__, free))
            if sorted(free_values + [0] * self.lost) != sorted(total + carried):
                return []
            placed = []
            for wanted in (total, carried):
                cells = []
                for value in wanted:
                    if value in free_values:  # (the first free one printing it, else a 0 lost: n)
                        j = free_values.index(value)
                        cells.append(free[j])
                        del free[j], free_values[j]
                    else:
                        cells.append(n)
                placed.append(cells)
            return [placed]
        key = (row, used, head, results, split)
        known = self.memo.get(key)
        if known is not None:
            return known
        if row >= 2:
            if results[0] + self.owns_sum_from[row] > head[0] or not self._total_left(used, head, results):
                self.memo[key] = []
                return []
        elif row == 1 and 1 in self.first_own and self.owns_sum_from[2] > head[0] + values[self.first_own[1]]:
            self.memo[key] = []  # (二's 自然人 cell is its label value: 一 + 二's then cannot hold them)
            return []
        free_now = self._free(used) if before is None else _free_after(*before)
        # when no row may split, or one only, the rows are mostly the next sevens of free values
        # (asked before _splits_needed: most such states fail here, few there)
        fails_from, sevens, split_may, run_check, next_row = -1, None, None, None, None
        if split <= 1:
            sevens = _Sevens(self, row, used, head, results, free_now)
            fails_from = sevens.fails_from(head)
            if fails_from >= 0 and (split == 0 or not sevens.one_split_may_do(fails_from)):
                self.memo[key] = []
                return []
        if self._splits_needed(row, used, free_now[0]) > split:
            self.memo[key] = []
            return []
        if split == 2:
            # (two rows splitting or more: see _Drifts)
            drifts = _Drifts(self, row, used, free_now, sum(head) if row >= 2 else None, split)
            split_may = drifts.may_split
            run_check = drifts.second_run_check()
        elif split > 2:
            # (three rows splitting: see _NextRow)
            next_row = _NextRow(self, row, used, free_now, sum(head) if row >= 2 else None, split)
            run_check = next_row.run_may
        out: list[list[list[int]]] = []
        bits = self.bits
        for cells, runs in self._options(row, used, free_now, split > 0, fails_from, sevens, split_may, run_check):
            mask = used
            for i in cells:  # (a row's cells are distinct values; or-ed in turn: summed big ints cost more)
                mask |= bits[i]
            row_values = tuple(map(values.__getitem__, cells))
            if row >= 2 and (any(map(gt, map(add, results, row_values), head))
                             or sum(results) + sum(row_values) > self.results_sum(head)):
                continue  # (a column's results add up to its 总计, at most 一 + 二: 四 >= 0)
            if runs == 2 and next_row is not None and not next_row.split_may(cells):
                continue  # (the row after it could not be placed: see _NextRow)
            if row < 2:
                nexts = self._rows(row + 1, mask, tuple(map(add, head, row_values)), results, split - runs + 1,
                                   (free_now, cells))
            else:
                nexts = self._rows(row + 1, mask, head, tuple(map(add, results, row_values)), split - runs + 1,
                                   (free_now, cells))
            for rest in nexts:
                out = _add(out, [cells] + rest, values)
            if len(out) > 1:
                break
        self.memo[key] = out
        return out

    def _total_left(self, used: int, head: tuple[int, ...], results: tuple[int, ...]) -> bool:
        """Whether （七）总计's 总计 may still print among the free values, with 四's beside it.
        The rows left add up to twice their 总计s (T3-3), and what is left after them, （七）总计
        and 四, to 一 + 二 (T3-1): so the free values tell what the rows left add to the result
        rows' 总计, and so （七）总计's (T3-2), and 四's is 一 + 二's less it."""
        free_sum = self.table_sum - sum(head) - sum(results)
        rows_left = free_sum - sum(head)  # (what the rows left add up to)
        if rows_left < 0 or rows_left % 2:
            return False
        total = results[-1] + rows_left // 2
        carried = head[-1] - total
        if carried < 0:
            return False
        free_total = (self.value_bits.get(total, 0) & ~used).bit_count()
        if not free_total and not (total == 0 and self.lost):
            return False
        if carried == total:
            return free_total + (self.lost if total == 0 else 0) >= 2
        return bool(self.value_bits.get(carried, 0) & ~used) or carried == 0 and self.lost > 0

    def _splits_needed(self, row: int, used: int, free: list[int]) -> int:
        """The fewest rows printed in two runs that rows `row`… need to reach each label's value
        where it prints. A row's first run takes free values one after another and cannot pass a
        later row's label value (only that row's 自然人 cell may take it); so rows `row`…R-1 take
        the values before R's label value, but for the six at most each row splitting in two
        takes after it; and row R takes six at most before its own, unless it splits (its first
        run takes every free value up to its label value, when that value is in it); `free`: the
        free values."""
        needed = 0
        for own, label_row in self.owns_from[row]:
            if used >> own & 1:
                continue
            before = bisect_left(free, own)  # free values printed before it
            rows_before = _WIDTH * (label_row - row)  # the values rows row…R-1 take
            # (the larger written out: a call of max costs more than the rest of a pass)
            if before < rows_before:
                split = -(-(rows_before - before) // (_WIDTH - 1))
                if split > needed:
                    needed = split
            elif before > rows_before + _WIDTH - 1 and not needed:
                needed = 1
        return needed

    def results_sum(self, head: tuple[int, ...]) -> int:
        """What the result rows add up to: the table adds up to 2 (一 + 二) + (一)…(六), as
        （七）总计 is (一)…(六) and 四 is 一 + 二 - （七）总计."""
        return self.table_sum - 2 * sum(head)

    def _options(self, row: int, used: int, free: tuple[list[int], list[int]], may_split: bool, fails_from: int,
                 sevens: Optional[_Sevens], split_may: Optional[Callable[[int], bool]] = None,
                 run_check: Optional[Callable[[int, int], bool]] = None):
        if not free[0]:
            return
        anchor = free[0][0]
        # the value printed right after the row's label, its 自然人 cell
        own = None
        for i in self.labelled_only[row]:  # (a loop, not next() of a generator: asked each state)
            if not used >> i & 1:
                own = i
                break
        seen = set()  # (a row of zeros takes the same values whatever column each one is in)
        run_starts: dict[tuple[int, Optional[int]], list[tuple[int, int, int]]] = {}  # (see _run_starts)
        values = self.values
        block = None if may_split else free[0][:_WIDTH]  # (its one run's values)
        if block is not None and len(block) == _WIDTH:
            block_cells = tuple(block)  # (in printed order: sorted)
            block_values = list(map(values.__getitem__, block))
        else:
            block = None
        # the first columns the anchor may take: a label value only in its row's 自然人 cell, the
        # row's own label value there; with one run, those making the next seven free values
        # add up
        rows_of = self.rows_of
        if anchor in rows_of:
            first_columns: tuple[int, ...] = (0,) if (anchor == own if own is not None else row in rows_of[anchor]) else ()
        else:
            first_columns = _COLUMNS[1:] if own is not None else _COLUMNS
        if may_split and sevens is not None and first_columns and not sevens.second_run_may_start(row, fails_from):
            # (the last row that may split, and no second run may start: its one-run options, as
            # when it may not split, the first columns whose seven adds up and gives new cells)
            may_split = False
            block = free[0][:_WIDTH]
            if len(block) == _WIDTH:
                block_cells = tuple(block)
                block_values = list(map(values.__getitem__, block))
            else:
                block = None
        if not may_split:
            first_columns = self._adding_up_columns(free, first_columns)
        for first_column in first_columns:
            if block is not None and (block_cells, tuple(block_values[-first_column:] + block_values[:-first_column])) in seen:
                continue  # (the same cells as an earlier column's: one run takes these seven)
            for cells, runs in self._row_options(row, own, anchor, first_column, used, free, 1 + may_split, fails_from,
                                                 sevens, run_starts, split_may, run_check):
                # (the cells sorted, not their bit mask: a sum of big ints costs twice as much)
                key = (tuple(sorted(cells)), tuple(map(values.__getitem__, cells)))
                if key not in seen:
                    seen.add(key)
                    yield cells, runs

    def _adding_up_columns(self, free: tuple[list[int], list[int]], columns: tuple[int, ...]) -> tuple[int, ...]:
        """The first columns (of these) with which the next seven free values, a cell each, add
        up (T3-3): their sum twice the one in 总计's column (the (6 - first column)-th)."""
        free_values, sums = free
        if len(free_values) < _WIDTH:
            return ()
        values = self.values
        seven = sums[_WIDTH] - sums[0]
        return tuple(c for c in columns if seven == 2 * values[free_values[_WIDTH - 1 - c]])

    def _row_options(self, row: int, own: Optional[int], anchor: int, first_column: int, used: int,
                     free: tuple[list[int], list[int]], max_runs: int, fails_from: int, sevens: Optional[_Sevens],
                     run_starts: dict[tuple[int, Optional[int]], list[tuple[int, int, int]]],
                     split_may: Optional[Callable[[int], bool]] = None,
                     run_check: Optional[Callable[[int, int], bool]] = None):
        """The row's cells (token per column) starting at `anchor` in `first_column`; `own`: the
        value its 自然人 cell must take, if its label tells; a second run must end past
        `fails_from` free values, and start before a row after it fails in the gap it leaves,
        when it is the last row that may split (see _Sevens), and pass `run_check` (see
        _Drifts.run_in_rows_may); `free`: the state's free values and their sums
        (see _free); `run_starts`: the state's second runs' starts found so far (_run_starts).

        A run takes free values one after another, so its values are the free values from its
        first one's on (free_values[j], free_values[j + 1], ...): a value's next free one, and
        whether the one after it on its line is free, are read there, not in `used`. (The small
        helpers of the walk are written out where they are used: this is the search's innermost
        loop, and a call each costs as much as the work.)"""
        n = len(self.tokens)
        values = self.values
        same_line = self.same_line
        rows_of = self.rows_of
        free_values, sums = free
        free_count = len(free_values)
        first_sum = sums[0]  # (see _free: sums[k] - first_sum is what the first k add up to)
        # (anchor is the first free value: the value before it, if any, is taken, so a line is
        # not cut before it)
        # the column of each pick, by its place in printed order (wrapping round after 总计)
        columns = _COLUMNS_FROM[first_column]
        total_k = _WIDTH - 1 - first_column  # (the pick in 总计's column)
        # (_options passes only the first columns the anchor may take, and with one run those
        # making the next seven add up)

        def row_adding_up(picks: list[int], picks_sum: int) -> Optional[list[int]]:
            """The seven picks as the row's cells in column order, when they add up to its 总计
            (the k-th pick's column is columns[k]: the picks turned round); `picks_sum`: what
            they add up to (read off the free values' sums)."""
            if picks_sum != 2 * values[picks[total_k]]:
                return None
            return picks[total_k + 1:] + picks[:total_k + 1]

        # the first run, value after value (free_values[0], [1], ...): the row in one run, when
        # it adds up, then the rows whose second run starts after the first run's k values, the
        # most first (the order of a walk trying the run's next value before a second run at
        # each value)
        splits_at: list[tuple[int, int]] = []  # (k, the free value after the first k)
        one_run = None
        k = 1  # (picks: free_values[:k])
        while True:
            self.steps += 1
            if self.steps > _BUDGET:
                raise _OverBudget
            if k > total_k and sums[k] - first_sum > 2 * values[free_values[total_k]]:
                break  # (the picks so far exceed their row's 总计: the others cannot exceed it)
            last = free_values[k - 1]
            nxt = free_values[k] if k < free_count else n
            if k == _WIDTH:
                if not (same_line[last] and nxt == last + 1):  # (a row cuts no line)
                    one_run = row_adding_up(free_values[:_WIDTH], sums[_WIDTH] - first_sum)
                break
            column = columns[k]
            # a line's next value is the next cell, unless the row wraps round after 总计
            if same_line[last]:
                if column == 0 or nxt != last + 1:
                    break
            else:
                # the next free value continues the run, or a second run starts at it
                if nxt >= n:
                    break
                if max_runs > 1:
                    splits_at.append((k, nxt))
            if column == 0 and own is not None:
                if nxt != own:
                    break
            elif nxt in rows_of and not (column == 0 and row in rows_of[nxt]):
                break
            k += 1
        if one_run is not None:
            yield one_run, 1
        if not splits_at:
            return

        for k, nxt in reversed(splits_at):
            if split_may is not None and not split_may(k):
                continue  # (no placement of the rows after it, as _Drifts reads them)
            # the cells with a second run starting after the first k picks (`nxt`: the free
            # value after them): where the row's one missing value prints, when it is its last
            # unknown one, else where the flow comes back from words
            if k == _WIDTH - 1:
                if total_k == k:
                    need = sums[k] - first_sum  # (its 总计)
                else:
                    need = 2 * values[free_values[total_k]] - sums[k] + first_sum
                    if need < 0:
                        need = -1  # (none)
            else:
                need = None
            starts = run_starts.get((k, need))
            if starts is None:
                starts = run_starts[k, need] = self._run_starts(k, nxt, need, used, free, fails_from, sevens, run_starts)
            if not starts:
                continue
            picks = free_values[:k]
            # the row adds up (T3-3) with the run's values: the next free values from its start
            # (the picks' part summed once; a run of the row's one missing value prints `need`,
            # the value making it add up)
            picks_sum = sums[k] - first_sum
            total_at = total_k
            total = values[picks[total_at]] if total_at < k else None
            column = columns[k]
            adds_up = need is not None
            for start, j, run_sum in starts:
                if not adds_up and picks_sum + run_sum != 2 * (
                        total if total is not None else values[free_values[j + total_at - k]]):
                    continue
                if column == 0 and own is not None:
                    if start != own:
                        continue
                elif start in rows_of and not (column == 0 and row in rows_of[start]):
                    continue
                if run_check is not None and not run_check(k, j):
                    continue  # (the rows after it could not be placed with one splitting)
                # the run's last value and on, walked (the cells from the picks on, their last
                # run: no other may start)
                cells = None
                at = j  # (the last pick's place among the free values)
                count = k + 1  # (the picks: free_values[:k] then free_values[j:at + 1])
                while True:
                    self.steps += 1
                    if self.steps > _BUDGET:
                        raise _OverBudget
                    if count > total_k and picks_sum + sums[at + 1] - sums[j] > 2 * values[
                            free_values[total_k] if total_k < k else free_values[j + total_k - k]]:
                        break
                    last_pick = free_values[at]
                    after = free_values[at + 1] if at + 1 < free_count else n
                    if count == _WIDTH:
                        if not (same_line[last_pick] and after == last_pick + 1):
                            cells = row_adding_up(picks + free_values[j:at + 1], picks_sum + sums[at + 1] - sums[j])
                        break
                    next_column = columns[count]
                    # a line's next value is the next cell, unless the row wraps round after 总计
                    if same_line[last_pick]:
                        if next_column == 0 or after != last_pick + 1:
                            break
                    elif after >= n:
                        break
                    if next_column == 0 and own is not None:
                        if after != own:
                            break
                    elif after in rows_of and not (next_column == 0 and row in rows_of[after]):
                        break
                    at += 1
                    count += 1
                if cells is not None:
                    yield cells, 2

    def _run_starts(self, k: int, nxt: int, need: Optional[int], used: int, free: tuple[list[int], list[int]],
                    fails_from: int, sevens: Optional[_Sevens],
                    run_starts: dict[tuple[int, Optional[int]], list[tuple[int, int, int]]]
                    ) -> list[tuple[int, int, int]]:
        """Where a state's row's second run may start after its first k free values (`nxt`: the
        free value after them), whatever the row's first column: each start with its place
        among the free values and the sum of the run's 7 - k values. A run starts where the
        flow comes back from words, or where the row's one missing value (`need`, when it is
        its last unknown one) prints: only those values are looked at (the others would be
        skipped); not inside a line (a line's values are one row's), nor at a line of zeros
        whose free value before (after `nxt`) is one too (of a stretch of lines of zeros, alike,
        only the first starts a run; of free values one after another printing the row's one
        missing value alone on their lines, the first, then only one not after words where the
        one before it is). With the last row that may split (`sevens`): not past where a row
        after it, in the gap its run leaves, fails; and its run ends past the last seven failing
        (`fails_from`). `run_starts`: the state's starts found so far, and under
        (0, None) its values after words that may start a run (_flow_starts)."""
        n = len(self.tokens)
        same_line, zero_line = self.same_line, self.zero_line
        free_values, sums = free
        free_count = len(free_values)
        starts = self.after_words if need is None else self.at_value.get(need, ())
        first, last = -1, n
        if sevens is not None:
            at = sevens.gap_fails_at(k) + _WIDTH  # (in free values)
            last = free_values[at] - 1 if at < free_count else n
            at = fails_from - _WIDTH + k
            first = free_values[at] if at >= 0 else -1
        run_length = _WIDTH - k
        out: list[tuple[int, int, int]] = []
        if sevens is None and need is None:
            # (the values after words that may start a run, looked at once a state: each k it
            # walks to asks of the same ones; with `sevens` its window is narrow, looked at as is)
            flow = run_starts.get((0, None))
            if flow is None:
                flow = run_starts[0, None] = self._flow_starts(used, free_values)
            for j, start, zeros_before in flow[bisect_left(flow, (bisect_right(free_values, nxt),)):]:
                end = j + run_length
                if end > free_count:
                    break  # (too few free values left for the run, from here on)
                if zeros_before >= 0 and zeros_before != nxt:
                    continue  # (a line of zeros after a line of zeros: see below)
                out.append((start, j, sums[end] - sums[j]))
            return out
        alike = -1  # (the last of the values printing alike from the last start taken: see below)
        for start in starts[bisect_right(starts, first if first > nxt else nxt):]:
            if start > last:
                break  # (a row after this one, in the gap its second run leaves, would not add up)
            if used >> start & 1:
                continue
            j = bisect_left(free_values, start)
            end = j + run_length
            if end > free_count:
                break  # (too few free values left for the run, from here on)
            before = free_values[j - 1]  # (the free value before it: nxt or after)
            if same_line[start - 1] and before == start - 1:
                continue
            if zero_line[start] and before != nxt and zero_line[before]:
                continue
            # the row's one missing value (need) alone on its line (no label's), as the free values
            # before it from the last start taken: whichever of them it takes, the rows after read
            # the same values in the same lines, each after words where the one it stands for is or
            # more so, so they find no table the start taken leaves out (searched from first)
            if need is not None and not same_line[start - 1] and not same_line[start] and start not in self.rows_of:
                if before == alike and (self.after_text[start] or not self.after_text[alike]):
                    alike = start
                    continue
                alike = start
            out.append((start, j, sums[end] - sums[j]))
        return out

    def _flow_starts(self, used: int, free_values: list[int]) -> list[tuple[int, int, int]]:
        """_run_starts' starts where the flow comes back from words, whatever k: the free values
        after words past the first, not inside a line, each with its place among the free
        values and, when it and the free value before it are lines of zeros, that value (else
        -1: a run starts there unless that value is not the one after the row's first run)."""
        same_line, zero_line = self.same_line, self.zero_line
        starts = self.after_words
        out = []
        for start in starts[bisect_right(starts, free_values[0]):]:
            if used >> start & 1:
                continue
            j = bisect_left(free_values, start)
            before = free_values[j - 1]
            if same_line[start - 1] and before == start - 1:
                continue
            out.append((j, start, before if zero_line[start] and zero_line[before] else -1))
        return out

    def _free(self, used: int) -> tuple[list[int], list[int]]:
        """The free values (in printed order) and the sums of the first j of them (a state's sums
        may all be more by the same amount, sums[0]: only their differences are read, so
        _free_after re-counts the shorter part of them only)."""
        bits = bin(self.all_tokens & ~used)[:1:-1]  # (the free values' bits, the first first)
        free = list(compress(range(len(bits)), bits.encode().translate(_BIT_BYTES)))  # (half the time of comparing each)
        return free, list(accumulate(map(self.values.__getitem__, free), initial=0))


class _Sevens:
    """A state's free values read as rows of seven in a row, as they are when no row splits in
    two, or one only (a row's run takes the free values one after another, from the first).

    With none splitting, row `row` + m is the m-th seven. A row splitting takes the next k
    (1 to 6) free values, then the values of its second run, further on: the rows after it
    take the next sevens from the k-th free value on (shifted by k) in the gap its second run
    leaves, and past the second run the sevens as they were, none splitting. So its second
    run must end past the last seven failing (`fails_from`) and no seven shifted by k may fail
    in the gap it leaves (`gap_fails_at`)."""

    def __init__(self, search: _Search, row: int, used: int, head: tuple[int, ...], results: tuple[int, ...],
                 free: tuple[list[int], list[int]]):
        self.search = search
        self.row = row
        # what each column may still take (results add up to at most 一 + 二), once 一 + 二 are known
        self.room = tuple(map(sub, head, results)) if row >= 2 else None
        # what （七）总计 and 四, the values left after the rows, add up to (T3-1), once 一 + 二 are known
        self.left_sum = sum(head) if row >= 2 else None
        # the label value each row's 自然人 cell must take (the rows from `row` on: no other row may
        # take their label values, so they are free)
        self.owns = search.first_own
        self.free, self.sums = free  # (the free values, the sums of the first j)
        self.used = used
        self.sevens = search.rows_by_room.setdefault(self.room, {})  # (may_be's by row and seven)
        self.gaps: dict[int, int] = {}  # (gap_fails_at's, by the values taken: each row's first columns ask it again)

    def may_be(self, shift: int, m: int) -> bool:
        """Whether the m-th seven of free values from the `shift`-th may be its row: row + m
        unshifted, row + 1 + m shifted (the rows after one splitting)."""
        # (not kept by the state: it asks each seven about once, 2 % of the asks again)
        at = shift + _WIDTH * m
        sums = self.sums[at + _WIDTH] - self.sums[at]
        if sums % 2:
            return False
        # (may_be_row, written out: each state asks it of most of its sevens)
        row = self.row + m + (shift > 0)
        free = self.free
        first, last = free[at], free[at + _WIDTH - 1]
        # (the row and its seven: the tokens from first to last when none between is taken
        # (tokens < 256: a table has 175 cells), else which are)
        key = row << 8 | first if last - first == _WIDTH - 1 else (
            row, first, last, self.used >> first & (1 << (last - first)) - 1)
        known = self.sevens.get(key)
        if known is None:
            known = self.sevens[key] = _seven_may_be(self.search, row, free[at:at + _WIDTH], sums,
                                                     self.owns.get(row), self.room)
        return known

    def may_be_row(self, row: int, cells: list[int], sums: int) -> bool:
        """Whether these seven values, printed in this order, may be the row: its cells in
        column order from some column on, wrapping round, 总计 half their sum (T3-3), a label
        value in 自然人 only, its own there, and each column within what it may still take;
        `sums`: their sum, even."""
        # (the states share most of their sevens: each is looked at once for its row, its own
        # label value and what the columns may still take)
        own = self.owns.get(row)
        key = (row, tuple(cells), own, self.room)
        known = self.search.rows_known.get(key)
        if known is None:
            known = self.search.rows_known[key] = self._may_be_row(row, cells, sums, own)
        return known

    def _may_be_row(self, row: int, cells: list[int], sums: int, own: Optional[int]) -> bool:
        return _seven_may_be(self.search, row, cells, sums, own, self.room)

    def fails_from(self, head: tuple[int, ...]) -> int:
        """Where the reading splitting no row fails last, in free values from the first (-1: it
        may add up): the last seven failing, or the values left after the rows, （七）总计 and
        四, not adding up to 一 + 二 (T3-1)."""
        row = self.row
        left = _WIDTH * (_ROWS - 2 - row)
        if row >= 2 and self.sums[-1] - self.sums[left] != sum(head):
            return left
        may_be = self.may_be
        for m in range(_ROWS - 3 - row, -1, -1):  # (loops, not next() of a generator: each state asks)
            if not may_be(0, m):
                return _WIDTH * m
        return -1

    def gap_fails_at(self, taken: int) -> int:
        """Where the first seven shifted by `taken` fails, in free values from the first (the
        rows after this one, when it takes the first `taken` and then splits); len(free) if none."""
        known = self.gaps.get(taken)
        if known is None:
            known = self.gaps[taken] = self._gap_fails_at(taken)
        return known

    def _gap_fails_at(self, taken: int) -> int:
        may_be = self.may_be
        for m in range(_ROWS - 3 - self.row):
            if not may_be(taken, m):
                return taken + _WIDTH * m
        return len(self.free)

    def second_run_may_start(self, row: int, fails_from: int) -> bool:
        """Whether the row (the last that may split: `fails_from` and this state's sevens bound its
        second run) may start a second run after its first k free values, for a k its first run
        may end at: at a line's end, short of a line cut mid-way or a later row's label value
        (_Search._row_options' walk, whatever the first column). _Search._run_starts looks for
        its start past the k-th free value and past where the reading splitting no row fails
        last less 7 - k free values, up to the value before where a seven shifted by k fails in
        the gap the run leaves (gap_fails_at) plus 7: with no token in that window, for every
        such k, the row prints in one run."""
        search = self.search
        same_line, rows_of = search.same_line, search.rows_of
        free = self.free
        count = len(free)
        end = len(search.tokens)
        for taken in range(1, _WIDTH):
            if taken >= count:
                break  # (the walk ends: no free value after the first `taken`)
            last, after = free[taken - 1], free[taken]
            if same_line[last]:
                if after != last + 1:
                    break  # (a line is one row's, in one run)
            else:
                at = fails_from - _WIDTH + taken
                if at >= count:
                    return True  # (not told here)
                first = free[at] if at >= 0 and free[at] > after else after
                at = self.gap_fails_at(taken) + _WIDTH
                if first < (free[at] - 1 if at < count else end):
                    return True
            if after in rows_of and row not in rows_of[after]:
                break  # (a later row's label value: its 自然人 cell, in no column of this row)
        return False

    def one_split_may_do(self, fails_from: int) -> bool:
        """Whether one row splitting may mend the reading failing (`fails_from` >= 0).

        The row splitting is row + j, j at most the first seven failing, m0 (those before it are
        rows); it takes the first k values of its seven, then its second run: 7 - k values from
        the q-th free value on. The rows after it take the sevens shifted by k in the gap (j on,
        up to q), then one seven of the gap's last values and the values right after the second
        run (the m-th shifted seven's row), then the sevens as they were. Each must be a row:
        the sevens as they were from m + 2 on (so m + 2 is past the last failing), the one
        across the second run, and the shifted ones j…m-1 (none when j = m, and j = m0 has
        the fewest for m >= m0). Values past the rows (（七）总计's and 四's), which this does
        not follow, count as may; and q may be the m-th seven's first value. The last row is
        one of the rows after it too (in the gap, or across the second run) unless it is the
        row splitting (m0 is the last row): its seven is looked at as the others'."""
        may_be, free, sums = self.may_be, self.free, self.sums
        last_row = _ROWS - 3 - self.row  # (m of the last row unshifted; m + 1 shifted)
        m0 = last_row
        for m in range(last_row + 1):
            if not may_be(0, m):
                m0 = m
                break
        last_failing = fails_from // _WIDTH  # (the values left counting as the seven after the rows)
        for taken in range(1, _WIDTH):
            m = m0 - 1 if m0 else 0
            while True:
                if self.row + 1 + m > _ROWS - 3:
                    # (every row after the splitting one is in the gap: the second run is past them)
                    if self.run_past_rows_may(taken):
                        return True
                    break
                if m + 2 > last_failing:
                    gap_start = _WIDTH * m + taken
                    for q in range(gap_start, gap_start + _WIDTH):
                        after = q + _WIDTH - taken  # (past the second run)
                        end = after + _WIDTH - (q - gap_start)
                        cells_sum = sums[q] - sums[gap_start] + sums[end] - sums[after]
                        if cells_sum % 2 == 0 and self.may_be_row(
                                self.row + 1 + m, free[gap_start:q] + free[after:end], cells_sum):
                            return True
                if m >= m0 and not may_be(taken, m):
                    break  # (the second run would leave this shifted seven in its gap)
                m += 1
        return False

    def run_past_rows_may(self, taken: int) -> bool:
        """Whether a second run of 7 - `taken` values may print past the rows (the row splitting
        took `taken` values, the rows after it the gap): the rows then take the first
        7 (rows) - 7 + taken free values, and the values left but the run's are （七）总计's and
        四's, adding up to 一 + 二 (T3-1); so the run's values are one after another from some
        free value past the rows and add up to what the free values past the rows leave over."""
        if self.left_sum is None:
            return True  # (一 + 二 not known yet)
        sums = self.sums
        start = _WIDTH * (_ROWS - 3 - self.row) + taken  # (the first free value past the rows)
        wanted = sums[-1] - sums[start] - self.left_sum
        length = _WIDTH - taken
        # (some `length` values one after another from the start-th add up to it: their sums' differences)
        return wanted in map(sub, sums[start + length:], sums[start:len(sums) - length])


class _NextRow:
    """A state's row splitting when three rows may still split: a necessary condition for the row
    after it (row + 1, the state after's) to be placed, the same for every second run starting at
    the free value taken + 8 or after (`taken`: the first run's length).

    Such a run prints past the row after's first run (seven values at most from free[taken], and
    the value after the seventh for a line cut), so that row walks its first run as if the run
    did not print: its one-run options are those found with the run still free, and its first
    runs stop at the same lengths k. A placement from the state after either takes such a one-run
    option, or splits the row after after its first k values; then row + 2 starts before the
    row's own second run (at free[taken + k] or before), so rows row + 2… are placed with both
    second runs still to print and one row splitting fewer: _Drifts.may_place(2, (7 - taken,
    7 - k), split - 2) holds for this state (the branch of its may_split(taken) where row + 1
    splits). With no one-run option and no such k, no placement comes out of the state after.

    The check costs about what walking one state after costs, so it is made for a first run's
    length only when a second one of its second runs reaches the state after (most have one)."""

    def __init__(self, search: _Search, row: int, used: int, free: tuple[list[int], list[int]],
                 left_sum: Optional[int], splits: int):
        self.search = search
        self.row = row
        self.used = used
        self.free = free
        self.left_sum = left_sum
        self.splits = splits
        # by first run's length: None once a state after was walked, then whether it may be placed
        self.known: dict[int, Optional[bool]] = {}

    def run_may(self, taken: int, j: int) -> bool:
        """Whether a second run from the j-th free value may be walked: not when the check, made
        already for `taken`, failed (see split_may)."""
        return self.known.get(taken) is not False or not self._past_reach(taken, j)

    def split_may(self, cells: list[int]) -> bool:
        """Whether the state after the row printed as these cells, in two runs, may be placed."""
        free = self.free[0]
        printed = sorted(cells)  # (its first `taken` free values, then the run from the j-th)
        taken = next(t for t in range(1, _WIDTH) if printed[t] != free[t])
        if not self._past_reach(taken, bisect_left(free, printed[taken])):
            return True
        if taken not in self.known:
            self.known[taken] = None
            return True
        known = self.known[taken]
        if known is None:
            known = self.known[taken] = self._next_row_may(taken)
        return known

    def _past_reach(self, taken: int, j: int) -> bool:
        """Whether the run from the j-th free value is past the row after's first run (and rows
        are left after row + 2 for _Drifts to read)."""
        return j >= taken + _WIDTH + 1 and self.row + 3 < _ROWS - 2

    def _next_row_may(self, taken: int) -> bool:
        search = self.search
        drifts = _Drifts(search, self.row, self.used, self.free, self.left_sum, self.splits)
        run = _WIDTH - taken
        splits = self.splits - 2
        split_may = False

        def may_split(k: int) -> bool:  # (the row after splitting after k: noted, not walked)
            nonlocal split_may
            if not split_may and drifts.may_place(2, tuple(sorted((run, _WIDTH - k))), splits, _WIDTH - k):
                split_may = True
            return False

        used = self.used
        for i in self.free[0][:taken]:
            used |= 1 << i
        one_run = next(search._options(self.row + 1, used, search._free(used), True, -1, None, may_split), None)
        return one_run is not None or split_may


class _Drifts:
    """A state's free values read as rows of seven, drifting back where rows split in two: a
    necessary condition for placing the rows with two or more of them splitting.

    Say row + t is a row that neither splits nor has a second run printing among its values
    (a clean row): its values are the next seven after the values of the rows before it that
    print before it, and those are 7t less the values of the second runs still to print (of rows
    before it that split): its drift, a sum of 1…6 a run. The drift grows at a row splitting
    (by its second run's length), and shrinks where a run prints (between rows, or among a row's
    values: that row is not clean). So a placement with at most s rows splitting gives a path of
    drifts: clean rows read as the seven from 7t - drift, each one its row (_Sevens.may_be_row
    without the columns' room, asked of any state); at most s rows splitting; and, when no run
    prints past the rows, the values past them adding up to 一 + 二 (T3-1). With no such path,
    there is no placement. Each answer depends only on the free values from its first seven on,
    so the states share them."""

    def __init__(self, search: _Search, row: int, used: int, free: tuple[list[int], list[int]],
                 left_sum: Optional[int], splits: int):
        self.search = search
        self.row = row
        self.used = used
        self.free, self.sums = free
        self.rows = _ROWS - 2 - row
        self.left_sum = left_sum  # (None while 一 + 二 are not known)
        self.splits = splits
        self.last: Optional[int] = None  # (see last_failing)
        self.reach: Optional[list[int]] = None  # (see reaches_back)
        # (see clean: by t * 64 + drift, drift < 64 (three runs at most) and t <= self.rows; a
        # list, indexed at less cost than a dict is asked)
        self.cleans: list[Optional[bool]] = [None] * ((self.rows + 1) * 64)
        self.last_seven = len(self.free) - _WIDTH  # (where the last seven of free values starts)
        self.split_known: list[Optional[bool]] = [None] * _WIDTH  # (see may_split)
        self.runs_in_rows: dict[tuple[int, int], bool] = {}  # (see run_in_rows_may)

    def may_split(self, taken: int) -> bool:
        """Whether the state's row may split after its first `taken` values: the rows after it
        drift by its run's length, with one row splitting less."""
        known = self.split_known[taken]  # (each first column of the row asks it again)
        if known is None:
            known = self.split_known[taken] = self.may_place(1, (_WIDTH - taken,), self.splits - 1, _WIDTH - taken)
        return known

    def run_in_rows_may(self, taken: int, j: int) -> bool:
        """Whether the state's row may take its first `taken` free values and a second run from
        the j-th (free[j:e], e = j + 7 - taken) with one row splitting after it at most (two
        in all): asked when the values past the rows do not add up to 一 + 二 (T3-1); a
        necessary condition for the state after it (row + 1) to pass one_split_may_do.

        Why: with e <= 7 rows, the state after has the same values past its rows (rows - 1 of
        them): its fails_from is their start, so one_split_may_do(fails_from) is true only when
        for some taken' (1…6) its sevens shifted by taken' are rows from the first unshifted one
        failing (m0) up to its last row, and run_past_rows_may(taken') (m + 2 > last_failing
        only for m past the last row). Its free values are this state's from `taken` to j then
        from e on: a seven of them wholly on one side is this state's seven drifting by
        7 - taken before the run or 0 after it (unshifted), 14 - taken' - taken before or
        7 - taken' after (shifted): clean without the columns' room, a weaker may_be; a seven
        across the run counts as may. So the first failing one read so is m0 or after, and the
        shifted sevens from it on are checked; run_past_rows_may(taken') reads its values from
        7 (rows - 2) + taken' on: this state's from 7 (rows - 1) + taken' on when they are
        past the run, else counted as may."""
        # (each first column of the row asks it again of the same run)
        known = self.runs_in_rows.get((taken, j))
        if known is None:
            known = self.runs_in_rows[taken, j] = self._run_in_rows_may(taken, j)
        return known

    def _run_in_rows_may(self, taken: int, j: int) -> bool:
        left_sum = self.left_sum
        assert left_sum is not None  # (see second_run_check)
        if j + _WIDTH - taken > _WIDTH * self.rows:
            return True
        gap = j - taken  # (where the run was, in the state after's free values)
        clean = self.clean
        # (the state after's seven from `at`, row + t, is this state's drifting by 7t - at - taken
        # before the gap, 7t - at - 7 past it (clean), a seven across the gap counting as may:
        # its m-th seven, row + m + 1, drifts by 7 - taken or 0, and shifted, row + m + 2, by
        # 14 - shift - taken or 7 - shift)
        last_row = self.rows - 2  # (the state after's m of its last row)
        first_failing = last_row
        at = 0
        for m in range(last_row + 1):
            if at + _WIDTH <= gap:
                if not clean(m + 1, _WIDTH - taken):
                    first_failing = m
                    break
            elif at >= gap and not clean(m + 1, 0):
                first_failing = m
                break
            at += _WIDTH
        sums = self.sums
        for shift in range(1, _WIDTH):
            before, past = 2 * _WIDTH - shift - taken, _WIDTH - shift
            at = shift + _WIDTH * first_failing
            for m in range(first_failing, last_row):
                if at + _WIDTH <= gap:
                    if not clean(m + 2, before):
                        break
                elif at >= gap and not clean(m + 2, past):
                    break
                at += _WIDTH
            else:
                start = _WIDTH * (self.rows - 1) + shift
                if start < j + _WIDTH - taken:
                    return True
                length = _WIDTH - shift
                wanted = sums[-1] - sums[start] - left_sum
                if wanted in map(sub, sums[start + length:], sums[start:len(sums) - length]):
                    return True
        return False

    def second_run_check(self) -> Optional[Callable[[int, int], bool]]:
        """run_in_rows_may, when it applies: two rows splitting at most, 一 + 二 known and the
        values past the rows not adding up to them."""
        if self.left_sum is None or self.splits != 2 or self.rows < 2 or self.last_failing() != self.rows:
            return None
        return self.run_in_rows_may

    def may_place(self, t: int, runs: tuple[int, ...], splits: int, fresh: int = 0) -> bool:
        """Whether rows row + t… may be placed with second runs of these lengths (sorted) still to
        print and at most `splits` more rows splitting; `fresh`: the length of the run of the
        row before, which prints after one value at least (0: none)."""
        if not splits and len(runs) <= 1:
            fresh = 0  # (a run printing right after its row's first value is not told apart here)
        at = _WIDTH * t - sum(runs)
        token = self.free[at]
        key = (self.row + t, token, self.used >> token, runs, splits, fresh, self.left_sum)
        known = self.search.drifts_known.get(key)
        if known is None:
            known = self.search.drifts_known[key] = self._may_place(t, runs, splits, fresh)
        return known

    def _may_place(self, t: int, runs: tuple[int, ...], splits: int, fresh: int) -> bool:
        if not splits and len(runs) <= 1:
            return self._settles(t, runs[0] if runs else 0)
        drift = sum(runs)
        if not splits and len(runs) == 2:
            # the rows drift by both runs until one prints (at row p, or before it), then by the
            # other's up to the last row failing as it is, from the row after p on at most (see
            # _settles, reaches_back): so they drift by both up to that row at least
            back = self.reaches_back()
            cleans = self.cleans  # (clean's own answers read first: most are known)
            for b in range(t, min(map(back.__getitem__, runs)) - 1):
                known = cleans[b * 64 + drift]
                if not (self.clean(b, drift) if known is None else known):
                    return False
        walked: list[tuple] = []
        answer = self._walk(t, runs, splits, fresh, drift, walked)
        from_rows = self.search.from_rows
        for key in walked:  # (each row walked past goes on as the walk from it does)
            from_rows[key] = answer
        return answer

    def _walk(self, t: int, runs: tuple[int, ...], splits: int, fresh: int, drift: int, walked: list[tuple]) -> bool:
        """_may_place's walk down the rows from row + t. The walk from a row after the first is the
        same for every call from a row before (no run is fresh there): the rows walked past are
        listed in `walked` (keyed as may_place's asks), their answer kept, and read when met again."""
        fewer = _fewer(runs)
        may_place = self.may_place
        reach = self.reaches_back() if splits == 1 else None
        reach_floor = min(reach[1:]) if reach is not None else 0
        runs_left = (runs, *fewer)  # (all still to print, or fewer)
        from_rows = self.search.from_rows
        free, used, row, left_sum = self.free, self.used, self.row, self.left_sum
        for b in range(t, self.rows):
            if b > t:
                at = _WIDTH * b - drift
                if 0 <= at < len(free):
                    token = free[at]  # (as may_place's key: the free values from the row's seven on)
                    key = (row + b, token, used >> token, runs, splits, left_sum)
                    known = from_rows.get(key)
                    if known is not None:
                        return known
                    walked.append(key)
            # a run printing before row b (not the row before's: it prints after one value at
            # least), or among its values (one only: the row is the values around it), or row b
            # splitting
            for rest in fewer:
                if (b > t or fresh in rest) and may_place(b, rest, splits):
                    return True
                if (len(rest) + 1 < len(runs) or self.across(b, drift, drift - sum(rest))) \
                        and may_place(b + 1, rest, splits):
                    return True
            if splits:
                after = b + 1
                for rest in runs_left:
                    if reach is None or len(rest) > 1:
                        for run, more in _with_run(rest):
                            if may_place(after, more, splits - 1, run):
                                return True
                    elif not rest:
                        if after < reach_floor:
                            continue  # (short of every run length's reach)
                        for run, more in _with_run(rest):
                            # (see _settles: it prints at that row or after)
                            if after >= reach[run] and may_place(after, more, splits - 1, run):
                                return True
                    else:
                        near = after < reach[rest[0]] - 1  # (the bound below, for every run length)
                        for run, more in _with_run(rest):
                            if near and after < reach[run] - 1 and not self.clean(after, drift + run):
                                continue  # (see the bound above)
                            if may_place(after, more, splits - 1, run):
                                return True
            if not self.clean(b, drift):
                return False
        return self.past_rows(runs)

    def _settles(self, t: int, run: int) -> bool:
        """_may_place with no row splitting from row + t on and one run (of `run` values; 0:
        none) still to print: the rows drift by it until it prints, before a row after t or among
        a row's values, then they are the sevens as they were up to the end (past the last one
        failing); or it prints past the rows."""
        last = self.last_failing()
        if not run:
            return t > last
        for b in range(t, self.rows):
            if b > t and b > last or b >= last and self.across(b, run, run):
                return True
            if not self.clean(b, run):
                return False
        return self.past_rows((run,))

    def past_rows(self, runs: tuple[int, ...]) -> bool:
        """Whether the values past the rows may be these runs', （七）总计's and 四's: the last two
        add up to 一 + 二 (T3-1), once known; a run's values are one after another (two runs or
        more: taken as may)."""
        if self.left_sum is None or len(runs) > 1:
            return True
        sums = self.sums
        start = _WIDTH * self.rows - sum(runs)
        wanted = sums[-1] - sums[start] - self.left_sum
        if not runs:
            return wanted == 0
        (run,) = runs
        return wanted in map(sub, sums[start + run:], sums[start:len(sums) - run])

    def reaches_back(self) -> list[int]:
        """For each run length, the first row from which the rows drifting by it are their
        sevens up to the last row failing as it is (last_failing; 0 when none fails): a run of
        this length printing last, with no row splitting after it, prints at it or after."""
        if self.reach is None:
            self.reach = [0] * _WIDTH
            last = self.last_failing()
            for run in range(1, _WIDTH):
                first = last
                while first > 0 and self.clean(first - 1, run):
                    first -= 1
                self.reach[run] = max(first, 0)
        return self.reach

    def last_failing(self) -> int:
        """The last row (t) whose seven as it is (no drift) may not be its row: self.rows when the
        values past the rows do not add up to 一 + 二 (T3-1), -1 when none."""
        if self.last is None:
            if self.left_sum is not None and self.sums[-1] - self.sums[_WIDTH * self.rows] != self.left_sum:
                self.last = self.rows
            else:
                self.last = -1
                for b in range(self.rows - 1, -1, -1):
                    if not self.clean(b, 0):
                        self.last = b
                        break
        return self.last

    def across(self, t: int, drift: int, run: int) -> bool:
        """Whether row + t may be its seven from 7t - drift with a run of `run` values printing
        among them (after its first value)."""
        at = _WIDTH * t - drift
        free = self.free
        row = self.row + t
        key = (row, run, tuple(free[at:at + _WIDTH + run]))
        known = self.search.acrosses_known.get(key)
        if known is None:
            known = self.search.acrosses_known[key] = self._across(at, row, run)
        return known

    def _across(self, at: int, row: int, run: int) -> bool:
        free, sums = self.free, self.sums
        # (its 总计, half its sum, is one of its values: none of them printed from its first value
        # to its last tells at once, before the seven's cells are gathered)
        value_bits = self.search.value_bits if 0 <= at <= len(free) - _WIDTH - run else {}
        first = free[at] if value_bits else 0
        span = (2 << (free[at + _WIDTH + run - 1] - first)) - 1 if value_bits else 0
        seven_and_run = sums[at + _WIDTH + run] - sums[at]  # (less the run's: the seven's sum)
        for j in range(1, _WIDTH):
            total = seven_and_run - sums[at + j + run] + sums[at + j]
            if total % 2:
                continue  # (a row adds up to twice its 总计)
            if value_bits and not value_bits.get(total >> 1, 0) >> first & span:
                continue
            cells = tuple(free[at:at + j] + free[at + j + run:at + _WIDTH + run])
            key = (row, cells)
            known = self.search.sevens_known.get(key)
            if known is None:
                known = self.search.sevens_known[key] = not total % 2 and _seven_may_be(
                    self.search, row, cells, total, self.search.first_own.get(row), None)
            if known:
                return True
        return False

    def clean(self, t: int, drift: int) -> bool:
        """Whether the seven from 7t - drift may be row + t."""
        known = self.cleans[t * 64 + drift]
        if known is None:
            at = _WIDTH * t - drift
            if 0 <= at <= self.last_seven:
                # (a seven of free values: its answer is the same in every state holding it)
                free = self.free
                first, last = free[at], free[at + _WIDTH - 1]
                # (as _Sevens.may_be's key)
                row = self.row + t
                key = row << 8 | first if last - first == _WIDTH - 1 else (
                    row, first, last, self.used >> first & (1 << (last - first)) - 1)
                cleans_known = self.search.cleans_known
                known = cleans_known.get(key)
                if known is None:
                    known = cleans_known[key] = self._clean(t, drift)
            else:
                known = self._clean(t, drift)
            self.cleans[t * 64 + drift] = known
        return known

    def _clean(self, t: int, drift: int) -> bool:
        at = _WIDTH * t - drift
        sums = self.sums[at + _WIDTH] - self.sums[at]
        if sums % 2:
            return False  # (a row adds up to twice its 总计)
        free = self.free
        if 0 <= at <= len(free) - _WIDTH:
            first = free[at]
            if not self.search.value_bits.get(sums >> 1, 0) >> first & (2 << (free[at + _WIDTH - 1] - first)) - 1:
                return False  # (nor is its 总计, half its sum, printed from its first value to its last)
        cells = tuple(free[at:at + _WIDTH])
        row = self.row + t
        key = (row, cells)
        known = self.search.sevens_known.get(key)
        if known is None:
            known = self.search.sevens_known[key] = not sums % 2 and _seven_may_be(
                self.search, row, cells, sums, self.search.first_own.get(row), None)
        return known


def _free_after(free: tuple[list[int], list[int]], cells: list[int]) -> tuple[list[int], list[int]]:
    """_Search._free of the state after a row took these cells from a state's free values
    (`free`: with their sums): its first run the first k free values, its second run, if any,
    the next 7 - k from the j-th; the sums of those left kept, those on the shorter side of the
    run moved by what it adds up to (the sums are read by their differences: see _free)."""
    free_values, sums = free
    taken = sorted(cells)
    k = 0
    while k < _WIDTH and taken[k] == free_values[k]:
        k += 1
    if k == _WIDTH:
        return free_values[_WIDTH:], sums[_WIDTH:]
    j = bisect_left(free_values, taken[k])
    end = j + _WIDTH - k
    run = sums[end] - sums[j]  # (what the run adds up to)
    # (a comprehension: a bound __rsub__ mapped costs ~1.7x as much a value)
    if j - k < len(sums) - end:
        return free_values[k:j] + free_values[end:], [s + run for s in sums[k:j + 1]] + sums[end + 1:]
    return free_values[k:j] + free_values[end:], sums[k:j + 1] + [s - run for s in sums[end + 1:]]


_FEWER: dict[tuple[int, ...], list[tuple[int, ...]]] = {}


def _fewer(runs: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The runs left when one or more of these print (sorted, each once)."""
    known = _FEWER.get(runs)
    if known is None:
        out = set()
        for mask in range(1, 1 << len(runs)):
            out.add(tuple(run for j, run in enumerate(runs) if not mask >> j & 1))
        known = _FEWER[runs] = sorted(out)
    return known


_WITH_RUN: dict[tuple[int, ...], tuple[tuple[int, tuple[int, ...]], ...]] = {}


def _with_run(runs: tuple[int, ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Each run length (1…6) with these runs and it (sorted)."""
    known = _WITH_RUN.get(runs)
    if known is None:
        known = _WITH_RUN[runs] = tuple((run, tuple(sorted(runs + (run,)))) for run in range(1, _WIDTH))
    return known


def _seven_may_be(search: _Search, row: int, cells, sums: int, own: Optional[int],
                  room: Optional[tuple[int, ...]]) -> bool:
    """_Sevens.may_be_row's answer; `room`: what each column may still take (None: any)."""
    values, rows_of = search.values, search.rows_of
    row_values = list(map(values.__getitem__, cells))
    half = sums // 2  # (its 总计)
    if sums % 2 or half not in row_values:
        return False
    # the one label value's place, if any: it must be this row's (most sevens hold none: told
    # apart without a loop of Python steps)
    label_at = -1
    if not rows_of.keys().isdisjoint(cells):
        labels = rows_of.keys() & cells  # (a set made in C, not a loop over the cells)
        if len(labels) > 1:
            return False
        (label,) = labels
        if row not in rows_of[label]:
            return False
        label_at = cells.index(label)
    if own is not None and own not in cells:
        return False
    # (the cell at j is in column j - total_at - 1, mod 7: the 总计 is column 6; a label value
    # in 自然人, column 0, tells it)
    if label_at >= 0:
        total_at = (label_at - 1) % _WIDTH
        return row_values[total_at] == half and (
            room is None or all(map(le, row_values[total_at + 1:] + row_values[:total_at + 1], room)))
    if room is None:
        return True  # (a cell holds its 总计: the seven from there on)
    # (each cell holding its 总计, in turn: found by C's scan, not a loop of Python steps)
    total_at = row_values.index(half)
    while True:
        if all(map(le, row_values[total_at + 1:] + row_values[:total_at + 1], room)):
            return True
        if half not in row_values[total_at + 1:]:
            return False
        total_at = row_values.index(half, total_at + 1)


def _add(found: list[list[list[int]]], placed: list[list[int]], values: list[int]) -> list[list[list[int]]]:
    """`found` with `placed` added unless a placement giving the same values is there."""
    if not found:
        return [placed]
    key = [list(map(values.__getitem__, cells)) for cells in placed]
    if any([list(map(values.__getitem__, cells)) for cells in other] == key for other in found):
        return found
    return found + [placed]


def _failing(grid: list[list]) -> int:
    """How many rows break T3-3, or 2 when a column breaks T3-1 or T3-2 and no row T3-3."""
    new, carried_over, results, total, carried_forward = grid[0], grid[1], grid[2:23], grid[23], grid[24]
    rows = sum(1 for row in grid if sum(row[:-1]) != row[-1])
    columns = any(new[c] + carried_over[c] != total[c] + carried_forward[c] or sum(row[c] for row in results) != total[c]
                  for c in range(_WIDTH))
    return rows if rows or not columns else 2


def _fix_printed(grid: list, spans: list, tokens: list[Token]) -> bool:
    """Whether the value that would make the one row of a reading that does not add up add up,
    in any of its cells, prints among the values the reading left out (a value read in the
    wrong place, not a misprint)."""
    taken = {span for span in spans if span}
    left = {value for value, at, stop, _ in tokens if (at, stop) not in taken}
    for r in range(_ROWS):
        row = grid[r * _WIDTH:(r + 1) * _WIDTH]
        parts, total = sum(row[:-1]), row[-1]
        if parts != total:
            return total - parts + row[0] in left or parts in left or any(
                total - parts + row[c] in left for c in range(1, _WIDTH - 1))
    return False


def read_cell_paragraphs(report: Report, table: Table, pages: tuple[int, ...] = (),
                         furniture: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Read the 2021 表三 printed one cell per paragraph (see the module's doc) when the parser's
    reading of it is in doubt; store it and drop the doubts when certain. True when stored.
    `pages`: where each page but the first starts in the text, `furniture`: the page furniture's
    spans (a bare page number among the values is set aside only when the values are one too
    many with it)."""
    if report.template != "2021" or 3 not in report.section_spans:
        return False
    if len(table.rows) != _ROWS:
        return False
    text = report.text
    start, end = report.section_spans[3]
    header = _HEADER.search(text, start, end)  # (not the counts of a text before the table)
    if header is not None:
        start = header.start()
    if text.count("\n\n", start, end) < _CELLS // 2:
        return False  # (not one cell a paragraph, a blank line between: see below)
    section = table.section
    prefix = section + "."
    paths = table.paths()
    cells = report.cells
    grid = [cells[p].arithmetic for p in paths]
    failing = _failing([grid[r * _WIDTH:(r + 1) * _WIDTH] for r in range(_ROWS)]) if None not in grid else None
    if failing == 0:
        return False  # (read in full already, every equation holding: its flags, if any, stand)
    tokens = _tokens(text, start, end)
    footer = None
    if len(tokens) == _CELLS + 1:
        # one too many: a page's bare number printed among the values (at its page's end) may be
        # set aside, the table then read only when every cell prints and every equation holds
        footer = _bare_page_number(text, tokens, pages, furniture)
        if footer is None:
            return False
        del tokens[footer]
    if not _CELLS - _MAX_LOST <= len(tokens) <= _CELLS:
        return False
    # one cell per paragraph: most values stand apart, a blank line (or words) between them
    if sum(1 for i in range(1, len(tokens)) if tokens[i][3] - tokens[i - 1][3] > 1) < _CELLS // 2:
        return False
    if failing == 1 and not _fix_printed(grid, [cells[p].span for p in paths], tokens):
        return False  # (a misprint: no placement adds up, the check names the cell)
    search = _Search(tokens, _label_rows(text, tokens, start, end), _after_text(text, tokens))
    try:
        search.run()
    except _OverBudget:
        return False
    if len(search.found) != 1:
        return False
    (placed,) = search.found
    if footer is not None and _failing([[search.values[i] for i in row] for row in placed]):
        return False  # (not every equation holding without the page's number)
    lost: list[str] = []
    marks = any(not text[at].isdigit() for _, at, _, _ in tokens)  # (a count starts with a digit)
    for row, row_cells in zip(table.rows, placed):
        for column, i in zip(row.columns, row_cells):
            if i == len(tokens):  # (a mark where the table prints its zeros as marks)
                cells[f"{prefix}{row.key}.{column.key}"] = CellValue(None, PLACEHOLDER) if marks \
                    else CellValue(0, INFERRED)
                lost.append(f"{prefix}{row.key}.{column.key}")
                continue
            value, at, stop, _ = tokens[i]
            printed = text[at:stop]
            cells[f"{prefix}{row.key}.{column.key}"] = CellValue(value, NUMBER, printed, (at, stop)) \
                if printed[0].isdigit() else CellValue(None, PLACEHOLDER, printed, (at, stop))
    report.flags[:] = [f for f in report.flags if not (f.cell == section or f.cell.startswith(prefix))]
    report.flags.extend(Flag(path, "inferred", "表三此格的数值在转换中丢失（未印出），按表内合计关系推定为0，请对照原文核对",
                             value=0) for path in lost)
    return True
