"""表三 rows that a PDF's reading order (pdftotext) printed out of step with their labels.

pdftotext emits a table cell by cell, but a row's values may land under the next row's label,
its 总计 may print before its label, and the last rows' labels may follow all their values. The
template fixes the row order and the width, so a run of consecutive rows that together print
exactly rows × width values is cut into rows of that width in template order; a row's 总计
printed first is put back last. The cut is taken only when every row it makes adds up (总计 =
the sum of the others) — otherwise the rows stay as read and flagged.
"""
from __future__ import annotations

from typing import Optional

from core.parse.tokens import NUM, Token
from core.template import Table

_MAX_RUN = 8  # rows in one run, no more: a longer run is not one misplaced block


def _adds_up(chunk: list[Token]) -> bool:
    if any(t.kind != NUM for t in chunk):
        return False
    return abs(sum(t.value for t in chunk[:-1]) - chunk[-1].value) < 1e-9


def _as_row(chunk: list[Token]) -> Optional[list[Token]]:
    """The chunk as a row that adds up: as printed, or with its 总计 printed first moved last."""
    if _adds_up(chunk):
        return chunk
    rotated = chunk[1:] + chunk[:1]
    return rotated if _adds_up(rotated) else None


def _cut(values: list[Token], width: int) -> Optional[list[list[Token]]]:
    rows = [_as_row(values[n:n + width]) for n in range(0, len(values), width)]
    return None if any(r is None for r in rows) else rows


def recut_runs(table: Table, values_of: dict[str, list[Token]]) -> dict[str, list[Token]]:
    """Rows re-read from runs of consecutive rows that print rows × width values between them but
    not width each (or not adding up), when every row of the cut adds up. Returns the new rows."""
    keys = [row.key for row in table.rows]
    width = len(table.rows[0].columns)

    def off(key: str) -> bool:
        values = values_of[key]
        return len(values) != width or _as_row(values) is not values

    out: dict[str, list[Token]] = {}
    start = 0
    while start < len(keys):
        if keys[start] not in values_of or not off(keys[start]):
            start += 1
            continue
        for end in range(start, min(start + _MAX_RUN, len(keys))):
            run = keys[start:end + 1]
            if run[-1] not in values_of:
                break  # a row the text lacks: the template's order no longer counts the rows
            values = [t for k in run for t in values_of[k]]
            if len(values) != len(run) * width or not off(run[-1]):
                continue
            rows = _cut(values, width)
            if rows is not None:
                out.update(zip(run, rows))
                start = end
                break
        start += 1
    return out
