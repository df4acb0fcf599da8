"""The cells the parser stores: a row's tokens made the report's CellValues, at the template's paths.

Every reader of a table ends here (the parser and the readers it calls: stream, pdfblocks,
t2_before_t3), so it lives apart from the parser, which imports those readers.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from core.equations import equations
from core.model import BLANK, MISSING, NUMBER, PLACEHOLDER, SLASH, CellValue, Flag, Number, Report
from core.parse.tokens import EMPTY, NA, NUM, Token
from core.template import Table

# store_row makes the cells it stores bare (object.__new__), every field set (a report's hundreds)
_new = object.__new__
UNREAD = CellValue(None, MISSING)  # a cell no reader found (never changed in place: one for them all)
# a 表二 row's values end at a word of the next header (第二十条, 信息内容, 件数 …)
T2_BREAK = re.compile(r"第二十条|信息内容|件数|数量|金额")

# the units of money other than the template's 万元 a fee is printed in: one of them in 万元, as a
# fraction (numerator, denominator), so that a product and a division keep each exact
TO_WAN_YUAN = {"元": (1, 10000), "千元": (1, 10), "亿元": (10000, 1)}

_ROW_CELLS: dict[int, tuple[Table, dict[str, tuple[tuple[str, str], ...]]]] = {}  # id(table) -> (table, by row key)
_WIDTHS: dict[int, tuple[Table, dict[str, int]]] = {}


def widths_of(table: Table) -> dict[str, int]:
    """How many columns each row of a table has (len(table.row(key).columns)), worked out once a
    table: asked for each row the parser reads. Never changed by its callers."""
    known = _WIDTHS.get(id(table))
    if known is None or known[0] is not table:
        widths: dict[str, int] = {}
        for row in table.rows:  # (the first row of a key, as Table.row takes)
            widths.setdefault(row.key, len(row.columns))
        known = _WIDTHS[id(table)] = (table, widths)
    return known[1]


def row_cells_of(table: Table, key: str) -> tuple[tuple[str, str], ...]:
    """(path, column kind) of each cell of a row, in column order: worked out once per table (every
    cell the parser stores asks)."""
    known = _ROW_CELLS.get(id(table))
    if known is None or known[0] is not table:
        known = _ROW_CELLS[id(table)] = (table, {k: tuple((f"{table.section}.{k}.{c.key}", c.kind) for c in table.row(k).columns)
                                                 for k in dict.fromkeys(row.key for row in table.rows)})
    return known[1][key]


def store_row(report: Report, table: Table, key: str, values: Sequence[Optional[Token]]) -> None:
    """A row's cells from its tokens, as cell_from_token makes them: inline but for a sum in 元
    (every cell the parser stores; the state of a mark is the table's, not worked out from each
    cell's path)."""
    cells, text = report.cells, report.text
    mark = SLASH if table.section == "section2" else PLACEHOLDER
    new = _new
    for (path, kind), token in zip(row_cells_of(table, key), values):
        if token is None:
            cells[path] = UNREAD  # (never changed in place: one for every cell left unread)
            continue
        # CellValue(value, state, raw, span), made bare: no __init__ frame a cell (its fields set
        # two at a time: four at once build a tuple)
        printed = token.kind
        if printed == NUM and (kind != "amount" or token.unit not in TO_WAN_YUAN):  # (most cells: a count)
            cell = cells[path] = new(CellValue)
            cell.value, cell.state = token.value, NUMBER
            cell.raw, cell.span = text[token.start:token.end], (token.start, token.end)
        elif printed == EMPTY:
            cell = cells[path] = new(CellValue)
            cell.value, cell.state = None, BLANK
            cell.raw, cell.span = "", (token.start, token.end)
        elif printed == NA:
            cell = cells[path] = new(CellValue)
            cell.value, cell.state = None, mark
            cell.raw, cell.span = text[token.start:token.end], (token.start, token.end)
        else:  # (a sum in 元, 千元 or 亿元, or a text: as cell_from_token makes it)
            cells[path] = cell_from_token(token, kind, report, path)


def cell_from_token(token: Optional[Token], kind: str, report: Report, path: str) -> CellValue:
    if token is None:
        return CellValue(None, MISSING)
    if token.kind == EMPTY:
        return CellValue(None, BLANK, "", (token.start, token.end))
    raw = report.text[token.start:token.end]
    if token.kind == NA:
        state = SLASH if path.startswith("section2.") else PLACEHOLDER
        return CellValue(None, state, raw, (token.start, token.end))
    value = token.value
    if token.unit in TO_WAN_YUAN and kind == "amount" and value is not None:  # (a unit is a NUM token's: never None)
        value = in_wan_yuan(value, token.unit)
        report.flags.append(Flag(path, "unit", f"金额单位为{token.unit}（{' '.join(raw.split())}），已换算为万元"))
    return CellValue(value, NUMBER, raw, (token.start, token.end))


def in_wan_yuan(value: Number, unit: str) -> Number:
    """A sum printed in `unit` (a key of TO_WAN_YUAN) in 万元, the template's unit of 表二's fee
    (to 6 decimals: 1 元 is 0.0001 万元)."""
    numerator, denominator = TO_WAN_YUAN[unit]
    return round(value * numerator / denominator, 6)


@lru_cache(maxsize=8)
def table_equations(version: str, section: str) -> tuple:
    return tuple(e for e in equations(version) if e.cells[0].startswith(f"{section}."))


@lru_cache(maxsize=8)
def table_cells(version: str, section: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for e in table_equations(version, section) for p in e.cells))


def table_values(report: Report, section: str) -> dict[str, Optional[Number]]:
    """The arithmetic value of each cell of the table's equations (None: unknown or absent)."""
    cells = report.cells
    return {p: cells[p].arithmetic if p in cells else None for p in table_cells(report.template, section)}


def prints_counts(report: Report, table: Table, key: str) -> bool:
    """Whether a row's cells as stored hold a printed count other than 0: only such a row shows
    whether the table fills its 总计 column (a row of 0s or blanks prints alike either way)."""
    cells = report.cells
    return any(p in cells and cells[p].state == NUMBER and cells[p].value for p in table.row_paths(key))
