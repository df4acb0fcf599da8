"""表三 printing counts whose sum is odd: a misprint somewhere in the table, however it was read.

Each row's 总计 is the sum of its parts (T3-3), so the cells a row prints sum to twice its 总计 and
the table's to an even number (core.parse.printed_sum). Where the parser could not place every
value (plain pdftotext prints a table of blank or mixed zeros as a stream of values apart from
their labels), no equation through the misprinted cell may fail, yet the odd sum proves the
misprint: the rows not read in full and adding up are named 存疑, those that are cannot hold it.
Where every cell is read and the cells sum to the numbers summed, a row's cells sum to an odd
number, failing its own equation (T3-3), which says it already.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Collection, Optional

from core.model import BLANK, DOUBT, INFERRED, NUMBER, PLACEHOLDER, ZEROS_ANY_READING, Finding, Number, Report, known, strict_sum
from core.template import tables

_READ = (NUMBER, BLANK, PLACEHOLDER)
_READ_SET = frozenset(_READ)


def odd_printed_sum(report: Report, findings: list[Finding], values: dict[str, Optional[Number]],
                    unfilled: Collection[str] = ()) -> list[Finding]:
    """T3-3's odd sum; `values`: each cell's CellValue.arithmetic (rules._arithmetic_values);
    `unfilled`: the tables leaving a column empty as a whole (rules.unfilled_columns)."""
    total = report.t3_printed_sum
    if total is None or total % 2 == 0 or report.template not in ("2019", "2021") or "section3" in unfilled:
        return []  # (a 总计 column, or the parts', left empty: no row prints twice its 总计)
    paths, total_paths = _table3_paths(tuple(report.cells))
    cell_of = report.cells
    totals = [cell_of[path] for path in total_paths]
    if sum(cell.state == BLANK for cell in totals) >= 2 and all(cell.state in (BLANK, INFERRED) for cell in totals):
        return []  # 总计 printed blank, a column the report did not fill: no row prints twice its 总计
    # (a row of 0s, placeholders and blanks whose 0s stand where no reading tells, flagged so and
    # for nothing else: its cells read as 0 print no count, whichever cell printed which)
    zero_rows = {f.cell for f in report.flags if ZEROS_ANY_READING in f.causes}
    if zero_rows:
        zero_rows -= {f.cell for f in report.flags if ZEROS_ANY_READING not in f.causes}
    if all(cell.state in _READ_SET or (cell.state == INFERRED and cell.value == 0 and path.rpartition(".")[0] in zero_rows)
           for path, cell in zip(paths, map(cell_of.__getitem__, paths))) \
            and strict_sum(map(values.__getitem__, paths)) == total:
        return []  # every number summed read into a cell: a row of them sums to an odd number, failing T3-3
    table = tables(report.template)["section3"]
    flagged = {f.cell for f in report.flags} - zero_rows
    sure = set(report.corrected)
    open_rows = []
    for row in table.rows:
        paths = table.row_paths(row.key)
        if not _confirmed(report, row.key, paths, flagged, sure, f"section3.{row.key}" in zero_rows):
            open_rows.append((row, paths))
    if not open_rows:
        return []  # every row read and adding up: the odd sum counted a number that is no cell
    cells = [p for _, paths in open_rows for p in paths]
    named = {p for f in findings for p in f.cells if p.startswith("section3.")}
    if set(cells) <= named:
        return []  # the findings on these rows say it already
    rows = "、".join(f"「{row.label}」" for row, _ in open_rows[:3]) + ("等" if len(open_rows) > 3 else "")
    message = (f"表三印出的全部数字之和为{total}，是奇数：每行的总计等于本行各列之和，一行印出的数字之和是其总计的两倍，"
               f"全表之和应为偶数，故表中必有笔误（或有数字未能读准）。已读出且合计相符的行之外，{rows}共{len(open_rows)}行"
               "都可能有误，请对照原文核对")
    return [Finding("T3-3", DOUBT, cells, message, actual=total)]


@lru_cache(maxsize=8)
def _table3_paths(paths: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """表三's cells among these, in their order, and its 总计 cells: every report of a template has
    the same cells (found once, not at each report whose sum is odd)."""
    table3 = tuple(p for p in paths if p.startswith("section3."))
    return table3, tuple(p for p in table3 if p.endswith(".total"))


def _confirmed(report: Report, key: str, paths: tuple[str, ...], flagged: set[str], sure: set[str],
               zeros: bool = False) -> bool:
    """Every cell of the row read, none flagged, and its 总计 the sum of its parts. A row the
    auditor corrected a cell of was checked against the file: its values and their sum speak for
    it, whatever the parser's flags say of how it was read (as in rules.misprinted_rows). A row of
    `zeros` (flagged only for where its 0s stand) reads its cells inferred 0 as read."""
    checked = not sure.isdisjoint(paths)
    if f"section3.{key}" in flagged and not checked:
        return False
    values = []
    for path in paths:
        cell = report.cells.get(path)
        if not checked and (cell is None or path in flagged or (
                cell.state not in _READ and not (zeros and cell.state == INFERRED and cell.value == 0))):
            return False
        values.append(cell.arithmetic if cell else None)
    if not known(values):
        return False
    return values[-1] == sum(values[:-1])
