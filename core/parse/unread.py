"""The safety net under every table reader: a cell of a table the parser found that it left
unread is named by a flag.

Each reader flags what it is unsure of, but a path through the readers that forgets to (a row
whose digits a converter glued to its label, a table cut short without a trace) leaves a cell
with no number and nothing saying why: the reviewer takes the table as read, and the blank for
the report's own. A cell may be unread; it may never be unread unsaid.
"""
from __future__ import annotations

from functools import lru_cache

from core.model import MISSING, Flag, Report
from core.template import tables

UNREAD = "missing"  # Flag.kind: the equations treat an unread cell as unknown, never as a reading doubt


def unread_cell_flags(report: Report) -> list[Flag]:
    """A flag for each row of a found table holding cells left unread that no flag names yet
    (a flag on the cell, its row or its section names it)."""
    unread_paths = {path for path, cell in report.cells.items() if cell.value is None and cell.state == MISSING}
    if not unread_paths:
        return []  # (most reports: every cell read, no row to look at)
    flagged = {flag.cell for flag in report.flags}
    out = []
    for section in report.tables:
        if section in flagged:
            continue
        for key, label, columns in _rows_of(report.template, section):
            if key in flagged:
                continue
            unread = [column for path, column in columns if path in unread_paths and path not in flagged]
            if unread:
                out.append(Flag(key, UNREAD, f"「{label}」行的「{'」「'.join(unread)}」未能从原文读出，请对照原文填写"))
    return out


@lru_cache(maxsize=16)
def _rows_of(version: str, section: str) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """(row path, row label, ((cell path, column label), ...)) of each row of a template's table,
    in order: spelt out once (every report asks for every cell)."""
    return tuple((f"{section}.{row.key}", row.label,
                  tuple((f"{section}.{row.key}.{column.key}", column.label) for column in row.columns))
                 for row in tables(version)[section].rows)
