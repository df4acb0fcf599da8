"""The 2021 表三 cell-per-paragraph search as it was before its pruning (core/parse/cell_paragraphs.py
at 2fa8400), kept verbatim as the oracle the pruned search must agree with: same placements, in
the same order (tests/core/parse/test_cell_paragraphs_search.py)."""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from core.parse.cell_paragraphs import _CELLS, _MAX_SPLIT, _ROWS, _WIDTH, Token, _OverBudget

BUDGET = 60_000


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
        self.steps = 0
        # (row, used, per column 一+二 and the sum of the result rows) -> the distinct ways to
        # place the rows from there on (two at most: more tell no more)
        self.memo: dict[tuple, list[list[list[int]]]] = {}
        self.found: list[list[list[int]]] = []

    def run(self) -> None:
        """The placements splitting the fewest rows in two runs (the simplest reading), two at
        most of them (more tell no more), none if none splits at most _MAX_SPLIT rows."""
        zeros = (0,) * _WIDTH
        for split in range(_MAX_SPLIT + 1):
            self.found = self._rows(0, 0, zeros, zeros, split)
            if self.found:
                return

    def _rows(self, row: int, used: int, head: tuple[int, ...], results: tuple[int, ...],
              split: int) -> list[list[list[int]]]:
        """The placements of rows `row`… (two at most) splitting `split` rows at most."""
        values = self.values
        if any(not used >> i & 1 and max(rows) < row for i, rows in self.rows_of.items()):
            return []  # (a count left behind by the rows its label names)
        if row == _ROWS - 2:
            # （七）总计 and 四 are what the column equations make them (T3-2, T3-1): the values
            # left must be theirs (wherever they printed: their narrow columns print apart)
            total = list(results)
            carried = [head[c] - results[c] for c in range(_WIDTH)]
            n = len(self.tokens)
            free = [i for i in range(n) if not used >> i & 1]
            if min(carried) < 0 or sorted([values[i] for i in free] + [0] * self.lost) != sorted(total + carried):
                return []
            placed = []
            for wanted in (total, carried):
                cells = []
                for value in wanted:
                    i = next((i for i in free if values[i] == value), n)  # (n: a 0 lost)
                    if i < n:
                        free.remove(i)
                    cells.append(i)
                placed.append(cells)
            return [placed]
        key = (row, used, head, results, split)
        known = self.memo.get(key)
        if known is not None:
            return known
        out: list[list[list[int]]] = []
        for cells, runs in self._options(row, used, split > 0):
            mask = used
            for i in cells:
                mask |= 1 << i
            row_values = tuple(values[i] for i in cells)
            if row >= 2 and (any(map(int.__gt__, map(int.__add__, results, row_values), head))
                             or sum(results) + sum(row_values) > self.results_sum(head)):
                continue  # (a column's results add up to its 总计, at most 一 + 二: 四 >= 0)
            if row < 2:
                nexts = self._rows(row + 1, mask, tuple(map(int.__add__, head, row_values)), results, split - runs + 1)
            else:
                nexts = self._rows(row + 1, mask, head, tuple(map(int.__add__, results, row_values)), split - runs + 1)
            for rest in nexts:
                out = _add(out, [cells] + rest, values)
            if len(out) > 1:
                break
        self.memo[key] = out
        return out

    def results_sum(self, head: tuple[int, ...]) -> int:
        """What the result rows add up to: the table adds up to 2 (一 + 二) + (一)…(六), as
        （七）总计 is (一)…(六) and 四 is 一 + 二 - （七）总计."""
        return self.table_sum - 2 * sum(head)

    def _options(self, row: int, used: int, may_split: bool):
        anchor = _first_free(used, len(self.tokens))
        if anchor >= len(self.tokens):
            return
        rows_of = self.rows_of
        # the value printed right after the row's label, its 自然人 cell
        own = next((i for i, rows in rows_of.items() if rows == {row} and not used >> i & 1), None)
        seen = set()  # (a row of zeros takes the same values whatever column each one is in)
        for first_column in range(_WIDTH):
            for cells, runs in self._row_options(row, own, anchor, first_column, used, 1 + may_split):
                key = (sum(1 << i for i in cells), tuple(self.values[i] for i in cells))
                if key not in seen:
                    seen.add(key)
                    yield cells, runs

    def _row_options(self, row: int, own: Optional[int], anchor: int, first_column: int, used: int, max_runs: int):
        """The row's cells (token per column) starting at `anchor` in `first_column`; `own`: the
        value its 自然人 cell must take, if its label tells."""
        n = len(self.tokens)
        values = self.values
        same_line = self.same_line
        rows_of = self.rows_of
        picks: list[int] = [anchor]  # in printed order: columns first_column, first_column+1, ... (mod 7)
        if anchor > 0 and same_line[anchor - 1] and not used >> (anchor - 1) & 1:
            return  # (a line's values are neighbouring cells of one row)

        def allowed(i: int, c: int) -> bool:
            if c == 0 and own is not None:
                return i == own
            return i not in rows_of or c == 0 and row in rows_of[i]

        if not allowed(anchor, first_column):
            return

        def column(k: int) -> int:
            return (first_column + k) % _WIDTH

        def walk(runs: int):
            self.steps += 1
            if self.steps > BUDGET:
                raise _OverBudget
            k = len(picks)
            last = picks[-1]
            if k > _WIDTH - 1 - first_column:  # (总计 known: the others cannot exceed it)
                total = values[picks[_WIDTH - 1 - first_column]]
                if sum(values[i] for i in picks) - total > total:
                    return
            if k == _WIDTH:
                if same_line[last] and not used >> (last + 1) & 1:
                    return  # (a line's values are one row's)
                cells = [0] * _WIDTH
                for j, i in enumerate(picks):
                    cells[column(j)] = i
                if sum(values[i] for i in cells[:-1]) == values[cells[-1]]:
                    yield cells, runs
                return
            # a line's next value is the next cell, unless the row wraps round after 总计
            if same_line[last]:
                if column(k - 1) == _WIDTH - 1:
                    return
                nxt = last + 1
                if not used >> nxt & 1 and allowed(nxt, column(k)):
                    picks.append(nxt)
                    yield from walk(runs)
                    picks.pop()
                return
            # the next free value continues the run, or a new run starts at a line's first value
            nxt = last + 1
            while nxt < n and used >> nxt & 1:
                nxt += 1
            if nxt >= n:
                return
            if allowed(nxt, column(k)):
                picks.append(nxt)
                yield from walk(runs)
                picks.pop()
            if runs >= max_runs:
                return
            need = self._needed(picks, column, k)
            # a run starts where the flow comes back from words, or where the row's one missing
            # value prints (only those values are looked at: the others would be skipped)
            starts = self.after_words if need is None else self.at_value.get(need, ())
            zero_line = self.zero_line
            for start in starts[bisect_right(starts, nxt):]:
                if used >> start & 1:
                    continue
                if same_line[start - 1] and not used >> (start - 1) & 1 or not allowed(start, column(k)):
                    continue
                if zero_line[start]:
                    # of a stretch of lines of zeros, alike, only the first starts a run: not one
                    # whose free value before (after the run's next value) is a line of zeros
                    before = start - 1
                    while before > nxt and used >> before & 1:
                        before -= 1
                    if before > nxt and zero_line[before]:
                        continue
                picks.append(start)
                yield from walk(runs + 1)
                picks.pop()

        yield from walk(1)

    def _needed(self, picks: list[int], column, k: int) -> Optional[int]:
        """The value the row's next cell must hold when it is its last unknown one, else None."""
        if k != _WIDTH - 1:
            return None
        values = self.values
        known = {column(j): values[i] for j, i in enumerate(picks)}
        missing = column(k)
        if missing == _WIDTH - 1:
            return sum(known.values())
        rest = known[_WIDTH - 1] - sum(v for c, v in known.items() if c != _WIDTH - 1)
        return rest if rest >= 0 else -1


def _add(found: list[list[list[int]]], placed: list[list[int]], values: list[int]) -> list[list[list[int]]]:
    """`found` with `placed` added unless a placement giving the same values is there."""
    key = [[values[i] for i in cells] for cells in placed]
    if any([[values[i] for i in cells] for cells in other] == key for other in found):
        return found
    return found + [placed]


def _first_free(used: int, n: int) -> int:
    i = 0
    while used >> i & 1:
        i += 1
    return i

