"""The safety net under every table reader: a cell of a table the parser found that it left
unread is named by a flag.

Each reader flags what it is unsure of, but a path through the readers that forgets to (a row
whose digits a converter glued to its label, a table cut short without a trace) leaves a cell
with no number and nothing saying why: the reviewer takes the table as read, and the blank for
the report's own. A cell may be unread; it may never be unread unsaid.
"""
from __future__ import annotations

from core.model import MISSING, Flag, Report
from core.template import tables

UNREAD = "missing"  # Flag.kind: the equations treat an unread cell as unknown, never as a reading doubt


def unread_cell_flags(report: Report) -> list[Flag]:
    """A flag for each row of a found table holding cells left unread that no flag names yet
    (a flag on the cell, its row or its section names it)."""
    flagged = {flag.cell for flag in report.flags}
    out = []
    templ = tables(report.template)
    for section in report.tables:
        if section in flagged:
            continue
        table = templ[section]
        for row in table.rows:
            key = f"{section}.{row.key}"
            if key in flagged:
                continue
            unread = [column.label for column in row.columns
                      if f"{key}.{column.key}" not in flagged
                      and (cell := report.cells.get(f"{key}.{column.key}")) is not None
                      and cell.value is None and cell.state == MISSING]
            if unread:
                out.append(Flag(key, UNREAD, f"「{row.label}」行的「{'」「'.join(unread)}」未能从原文读出，请核对原文"))
    return out
