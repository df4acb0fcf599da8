"""表三 rows read without their 总计, the total printed elsewhere in the table, placed in no cell.

Plain pdftotext (without -layout) prints a table by text blocks: the 总计 column often prints
apart from the rest of its row, a run of totals under the header's 「总计」 or after other rows'
values (「总计 16302 170 0 6386」), and where blank cells leave no trace the readers cannot tell
which row each belongs to: the row is read without it, its 总计 left unread, and the count stays
in no cell. A row's 总计 is the sum of its parts (T3-3): where a row read two counts other than 0
or more among its parts (the others placeholders, 0 or left unread) and its 总计 is unread, a count
the table printed that no cell holds, equal to that sum and to no other such row's, is its 总计
(flagged: the row's unread cells are then blank or 0, which the text does not show). A row of one
count is left: its sum is that count, which the table may print for another cell as readily.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from operator import attrgetter

from core.model import MISSING, NUMBER, CellValue, Flag, Report
from core.parse.tokens import NUM, Token
from core.template import Table

STRAY_TOTAL = "「{}」行的总计未印在本行，表中另有一个未归入任何单元格的{}，恰为本行各项之和，已作为总计，请对照原文核对"


_STATE = attrgetter("state")


@lru_cache(maxsize=4)
def _rows(table: Table) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """Each row's key and cell paths (总计 last), and the 总计 cells' paths."""
    rows = tuple((row.key, table.row_paths(row.key)) for row in table.rows)
    return rows, tuple(paths[-1] for _, paths in rows)


def place_stray_totals(report: Report, table: Table, tokens: list[Token]) -> None:
    """Give each row whose 总计 is unread the table's one unplaced count equal to its parts' sum
    (see the module's doc); a sum two rows share, or one printed twice unplaced, stays unread."""
    cells = report.cells
    rows, totals = _rows(table)
    if MISSING not in map(_STATE, map(cells.__getitem__, totals)):
        return  # (most tables: every 总计 read)
    sums: dict[str, int] = {}  # row -> the sum of its parts read (a count other than 0 among them)
    for key, paths in rows:
        if cells[paths[-1]].state != MISSING:
            continue
        parts = [cells[path] for path in paths[:-1]]
        counts = [cell.value for cell in parts if cell.state == NUMBER]
        whole = [count for count in counts if isinstance(count, int)]
        if len(whole) != len(counts) or sum(map(bool, whole)) < 2:
            continue  # (a row of one count: its 总计 is that count, printed for another cell as readily)
        sums[key] = sum(whole)
    if not sums:
        return
    placed = {cell.span for cell in cells.values() if cell.span is not None}
    unplaced = Counter(t.value for t in tokens if t.kind == NUM and isinstance(t.value, int) and not t.unit
                       and (t.start, t.end) not in placed)
    shared = Counter(sums.values())
    for key, total in sums.items():
        if shared[total] != 1 or unplaced[total] != 1:
            continue
        token = next(t for t in tokens if t.kind == NUM and t.value == total and not t.unit
                     and (t.start, t.end) not in placed)
        path = table.row_paths(key)[-1]
        cells[path] = CellValue(total, NUMBER, token.text, (token.start, token.end))
        report.flags.append(Flag(path, "inferred", STRAY_TOTAL.format(table.row(key).label, total)))
