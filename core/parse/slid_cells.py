"""A value of a 表三 row placed by position one column off, beside a blank cell of its row.

pdftotext -layout lays each line out by its own measure: a row printing a blank cell can print a
value under its blank neighbour's column (p4302 r0008: 「一、本年新收…  158 6   8   6 0 178」, its 8 right
under 科研机构 though it is 社会公益组织's, 科研机构 blank). Placed there for sure, the row adds up as
before, but two column sums fail, by the value and by minus the value: a misprint changes one cell,
so one column, and cannot break two sums that way. Where moving one value into its blank neighbour
makes two failing sums hold or more and breaks none, and no other such move does as well, the value
is read in that column; its row flagged, the sums having chosen, not the positions. Only a row placed
for sure is moved, and only by sums through rows read for sure: a row placed with a doubt may be
moved by a later reading (s4401 r0014: 一's 1 would follow （七）总计's, misplaced there for a while)."""
from __future__ import annotations

from typing import Optional, Sequence

from core.model import PLACED_BY_POSITION, Flag, Report
from core.parse.columns import token_number
from core.parse.stored_cells import table_equations
from core.parse.tokens import EMPTY, Token
from core.template import Table

SLID_BY_SUMS = ("「{0}」行的数值按版面位置归入各列，「{1}」印在「{2}」列下，但该列与相邻空白的「{3}」列的合计均不成立，"
                "移入「{3}」列后各项合计成立，已按此读取，请对照原文核对")


def slide_values_by_sums(table: Table, report: Report, values_of: dict[str, list[Token]],
                         out: dict[str, Sequence[Optional[Token]]], width: int) -> None:
    """Move into its blank neighbour the one value of a row placed by position (`out`) that the
    table's sums place there (see the module's note); every row of the table must be read."""
    rows: dict[str, Sequence[Optional[Token]]] = {}
    for row in table.rows:
        tokens = out.get(row.key)
        if tokens is None:
            tokens = values_of.get(row.key)
            if tokens is None or len(tokens) != width:
                return  # a row not read: the sums cannot decide
        rows[row.key] = tokens
    columns = [c.key for c in table.rows[0].columns]
    value: dict[str, Optional[float]] = {}
    for key, tokens in rows.items():
        for c, token in enumerate(tokens):
            value[f"{table.section}.{key}.{columns[c]}"] = None if token is None else token_number(token)
    eqs = table_equations(report.template, table.section)
    failing = {eq for eq in eqs if not eq.holds(value.get)}
    if len(failing) < 2:
        return
    # rows placed with a doubt (by position, by order, by a guess): a later reading may move their
    # values, so neither is such a row's value moved nor does a sum through one place another's
    unsure = {f.cell.split(".")[1] for f in report.flags
              if f.kind == "inferred" and f.cell.startswith(f"{table.section}.")}

    def blank(token: Optional[Token]) -> bool:
        return token is None or token.kind == EMPTY

    moves: list[tuple[int, str, int, int]] = []  # (sums mended, row, from column, to column)
    for key, tokens in out.items():
        if key not in rows or key in unsure or len(tokens) != width or not any(map(blank, tokens)):
            continue
        for c in range(width - 1):  # (a part's value, moved among the parts)
            number = token_number(tokens[c]) if not blank(tokens[c]) else None
            if not number:
                continue
            for to in (c - 1, c + 1):
                if not 0 <= to < width - 1 or not blank(tokens[to]):
                    continue
                here, there = f"{table.section}.{key}.{columns[c]}", f"{table.section}.{key}.{columns[to]}"
                moved = {**value, here: None, there: number}
                now = {eq for eq in eqs if not eq.holds(moved.get)}
                if now <= failing and len(failing) - len(now) >= 2 \
                        and not any(p.split(".")[1] in unsure for eq in failing - now for p in eq.cells):
                    moves.append((len(failing) - len(now), key, c, to))
    if not moves:
        return
    moves.sort(reverse=True)
    if len(moves) > 1 and moves[1][0] == moves[0][0]:
        return  # two moves mend as much: the sums do not say which
    _, key, c, to = moves[0]
    tokens = list(rows[key])
    tokens[c], tokens[to] = tokens[to], tokens[c]
    if tokens[c] is None:
        printed = tokens[to]
        assert printed is not None
        tokens[c] = Token(EMPTY, "", printed.end, printed.end, printed.line)
    out[key] = tokens
    row = table.row(key)
    printed_value = tokens[to]
    assert printed_value is not None
    report.flags.append(Flag(f"{table.section}.{key}", "inferred",
                             SLID_BY_SUMS.format(row.label, printed_value.text, row.columns[c].label,
                                                 row.columns[to].label), (PLACED_BY_POSITION,)))
