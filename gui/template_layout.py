"""Where every label and value cell of the official tables sits on screen.

The printed template is a grid with merged cells: header rows, group labels spanning rows, a
corner note spanning three rows and three columns. A ``Grid`` lists its cells (anchors with
their spans) so that the table model can serve them and the view can ``setSpan`` the merges.
Pure geometry read from ``core.template``; no Qt here.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

from core.template import RESULTS, Table, tables
from gui import strings


@dataclass(frozen=True)
class GridCell:
    row: int
    column: int
    text: str = ""  # label text (empty for value cells)
    path: str = ""  # cell path for value cells, e.g. section3.granted.natural
    row_span: int = 1
    column_span: int = 1
    header: bool = False  # a column heading (centred) rather than a row label

    @property
    def is_value(self) -> bool:
        return bool(self.path)


@dataclass
class Grid:
    rows: int = 0
    columns: int = 0
    cells: list[GridCell] = field(default_factory=list)
    _anchor: dict = field(default_factory=dict, repr=False)  # (row, col) -> GridCell
    _cover: dict = field(default_factory=dict, repr=False)  # (row, col) -> anchor GridCell
    _where: dict = field(default_factory=dict, repr=False)  # path -> GridCell

    def add(self, cell: GridCell) -> None:
        self.cells.append(cell)
        self._anchor[(cell.row, cell.column)] = cell
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.column, cell.column + cell.column_span):
                self._cover[(r, c)] = cell
        if cell.path:
            self._where[cell.path] = cell
        self.rows = max(self.rows, cell.row + cell.row_span)
        self.columns = max(self.columns, cell.column + cell.column_span)

    def anchor(self, row: int, column: int) -> Optional[GridCell]:
        """The cell whose top-left corner is (row, column); None inside a span or off the grid."""
        return self._anchor.get((row, column))

    def covering(self, row: int, column: int) -> Optional[GridCell]:
        return self._cover.get((row, column))

    def cell_of(self, path: str) -> Optional[GridCell]:
        return self._where.get(path)

    def spans(self) -> list[GridCell]:
        return [c for c in self.cells if c.row_span > 1 or c.column_span > 1]

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.cells if c.path]

    def paths_under(self, wanted) -> list[str]:
        """The value cells' paths (in the grid's order) that are one of ``wanted`` or below one
        (a row, a group, a whole section)."""
        exact = set(wanted)
        below = tuple(w + "." for w in exact)
        return [c.path for c in self.cells if c.path and (c.path in exact or c.path.startswith(below))]


@functools.lru_cache(maxsize=None)
def grid_for(version: str, section: str) -> Grid:
    """The layout of a template's table: built once, shared by every model (never changed
    after it is built; opening a report must not lay out its three tables again)."""
    table = tables(version)[section]
    return {"section2": t2_grid, "section3": t3_grid, "section4": t4_grid}[section](table)


# --- T2: blocks of 第二十条, each a heading row, an 信息内容 row and its item rows -----------------

def t2_grid(table: Table) -> Grid:
    grid = Grid()
    width = 1 + max(len(r.columns) for r in table.rows)
    row = 0
    blocks: list[tuple[str, list]] = []
    for r in table.rows:
        if not blocks or blocks[-1][0] != r.block:
            blocks.append((r.block, []))
        blocks[-1][1].append(r)
    for block, rows in blocks:
        grid.add(GridCell(row, 0, block, column_span=width, header=True))
        row += 1
        grid.add(GridCell(row, 0, strings.T2_CONTENT, header=True))
        _t2_line(grid, row, width, [(c.label, "") for c in rows[0].columns], header=True)
        row += 1
        for r in rows:
            grid.add(GridCell(row, 0, r.label))
            _t2_line(grid, row, width, [("", f"{table.section}.{r.key}.{c.key}") for c in r.columns])
            row += 1
    return grid


def _t2_line(grid: Grid, row: int, width: int, items: list[tuple[str, str]], header=False) -> None:
    """Columns 1.. of a T2 line; the last item spans what is left, as the printed form does."""
    for i, (text, path) in enumerate(items):
        span = width - 1 - i if i == len(items) - 1 else 1
        grid.add(GridCell(row, 1 + i, text, path, column_span=span, header=header))


# --- T3: the 3×3 corner note, 申请人情况 over its columns, result groups spanning rows -----------

T3_LABEL_COLUMNS = 3


def t3_grid(table: Table) -> Grid:
    grid = Grid()
    columns = table.rows[0].columns
    first = T3_LABEL_COLUMNS
    grid.add(GridCell(0, 0, strings.T3_CORNER, row_span=3, column_span=first, header=True))
    grid.add(GridCell(0, first, strings.T3_APPLICANTS, column_span=len(columns), header=True))
    natural, *legal_persons, total = columns
    grid.add(GridCell(1, first, natural.label, row_span=2, header=True))
    grid.add(GridCell(1, first + 1, strings.T3_LEGAL_PERSONS, column_span=len(legal_persons), header=True))
    for i, column in enumerate(legal_persons):
        grid.add(GridCell(2, first + 1 + i, balanced(column.label), header=True))
    grid.add(GridCell(1, first + len(columns) - 1, total.label, row_span=2, header=True))

    top = 3
    rows = table.rows
    grouped = [i for i, r in enumerate(rows) if r.group]
    if grouped:  # 三、本年度办理结果 spans every result row, vertically
        grid.add(GridCell(top + grouped[0], 0, RESULTS, row_span=grouped[-1] - grouped[0] + 1))
    i = 0
    while i < len(rows):
        r = rows[i]
        y = top + i
        if not r.group:
            grid.add(GridCell(y, 0, r.label, column_span=first))
        elif r.group == RESULTS:
            grid.add(GridCell(y, 1, r.label, column_span=first - 1))
        else:  # a sub-group such as （三）不予公开 spans its items
            n = 1
            while i + n < len(rows) and rows[i + n].group == r.group:
                n += 1
            grid.add(GridCell(y, 1, r.group, row_span=n))
            for k in range(n):
                grid.add(GridCell(y + k, 2, rows[i + k].label))
                _value_row(grid, table, rows[i + k], y + k, first)
            i += n
            continue
        _value_row(grid, table, r, y, first)
        i += 1
    return grid


def _value_row(grid: Grid, table: Table, row, y: int, first: int) -> None:
    for k, column in enumerate(row.columns):
        grid.add(GridCell(y, first + k, path=f"{table.section}.{row.key}.{column.key}"))


def balanced(label: str, width: int = 4) -> str:
    """A narrow column heading broken after ``width`` characters (社会公益/组织, 结果/维持), as
    the printed form breaks it."""
    if len(label) <= width:
        return label
    return label[:width] + "\n" + label[width:]


# --- T4: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five columns each, one value row -----

def t4_grid(table: Table) -> Grid:
    grid = Grid()
    x = 0
    rows = table.rows
    i = 0
    while i < len(rows):
        r = rows[i]
        width = len(r.columns)
        if not r.group:  # 行政复议: its name over two header rows of column labels
            grid.add(GridCell(0, x, r.label, column_span=width, header=True))
            for k, column in enumerate(r.columns):
                grid.add(GridCell(1, x + k, balanced(column.label, 2), row_span=2, header=True))
            _t4_values(grid, table, r, x)
            x += width
            i += 1
            continue
        members = [m for m in rows[i:] if m.group == r.group]
        total = sum(len(m.columns) for m in members)
        grid.add(GridCell(0, x, r.group, column_span=total, header=True))
        for m in members:
            grid.add(GridCell(1, x, m.label, column_span=len(m.columns), header=True))
            for k, column in enumerate(m.columns):
                grid.add(GridCell(2, x + k, balanced(column.label, 2), header=True))
            _t4_values(grid, table, m, x)
            x += len(m.columns)
        i += len(members)
    return grid


def _t4_values(grid: Grid, table: Table, row, x: int) -> None:
    for k, column in enumerate(row.columns):
        grid.add(GridCell(3, x + k, path=f"{table.section}.{row.key}.{column.key}"))
