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

from core.equations import involving
from core.model import PLACED_BY_POSITION, Flag, Report
from core.parse.columns import token_number
from core.parse.stored_cells import table_equations
from core.parse.tokens import EMPTY, Token
from core.template import Table

SLID_BY_SUMS = ("「{0}」行的数值按版面位置归入各列，「{1}」印在「{2}」列下，但该列与相邻空白的「{3}」列的合计均不成立，"
                "移入「{3}」列后各项合计成立，已按此读取，请对照原文核对")


def every_row_placed(table: Table, values_of: dict[str, list[Token]], out: dict[str, Sequence[Optional[Token]]],
                     width: int) -> Optional[dict[str, Sequence[Optional[Token]]]]:
    """Each row of `table` as placed by position (`out`) or, where it was not, as read with a value
    a column (`values_of`); None where a row is neither: the sums then cannot decide."""
    rows: dict[str, Sequence[Optional[Token]]] = {}
    for row in table.rows:
        tokens = out.get(row.key)
        if tokens is None:
            tokens = values_of.get(row.key)
            if tokens is None or len(tokens) != width:
                return None
        rows[row.key] = tokens
    return rows


def slide_values_by_sums(table: Table, report: Report, values_of: dict[str, list[Token]],
                         out: dict[str, Sequence[Optional[Token]]], width: int) -> None:
    """Move into its blank neighbour the one value of a row placed by position (`out`) that the
    table's sums place there (see the module's note); every row of the table must be read."""
    # rows placed with a doubt (by position, by order, by a guess): a later reading may move their
    # values, so neither is such a row's value moved nor does a sum through one place another's
    unsure = {f.cell.split(".")[1] for f in report.flags
              if f.kind == "inferred" and f.cell.startswith(f"{table.section}.")}
    # (the rows that may move first, asked of a few rows: most tables placed by position have none)
    movable = [key for key, tokens in out.items()
               if key not in unsure and len(tokens) == width and any(map(_blank, tokens))
               and any(not _blank(t) and token_number(t) for t in tokens[:-1])]
    if not movable:
        return
    rows = every_row_placed(table, values_of, out, width)
    if rows is None:
        return  # a row not read: the sums cannot decide
    value: dict[str, Optional[float]] = {}
    for key, tokens in rows.items():
        value.update(zip(table.row_paths(key), map(token_number, tokens)))
    failing = {eq for eq in table_equations(report.template, table.section) if not eq.holds(value.get)}
    if len(failing) < 2:
        return
    moves: list[tuple[int, str, int, int]] = []  # (sums mended, row, from column, to column)
    for key in movable:
        tokens = out[key]
        paths = table.row_paths(key)
        for c in range(width - 1):  # (a part's value, moved among the parts)
            number = None if _blank(tokens[c]) else token_number(tokens[c])
            if not number:
                continue
            for to in (c - 1, c + 1):
                if not 0 <= to < width - 1 or not _blank(tokens[to]):
                    continue
                here, there = paths[c], paths[to]
                value[here], value[there] = None, number
                # (only the sums through the two cells change: the row's own holds as before)
                sums = set(involving(report.template, here)) | set(involving(report.template, there))
                now = {eq for eq in sums if not eq.holds(value.get)}
                value[here], value[there] = number, token_number(tokens[to])
                mended = (sums & failing) - now
                if now <= failing and len(mended) >= 2 \
                        and not any(p.split(".")[1] in unsure for eq in mended for p in eq.cells):
                    moves.append((len(mended), key, c, to))
    if not moves:
        return
    moves.sort(reverse=True)
    if len(moves) > 1 and moves[1][0] == moves[0][0]:
        return  # two moves mend as much: the sums do not say which
    _, key, c, to = moves[0]
    tokens = list(out[key])
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


def _blank(token: Optional[Token]) -> bool:
    return token is None or token.kind == EMPTY
