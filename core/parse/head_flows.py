"""表三's first rows whose cells plain pdftotext printed among the header's words, before any label.

pdftotext (no -layout) prints a table by text blocks. A wide number comes so close to the cell on
its right that the two join into one line ("3104 106", "2413 0"), and the table's first rows then
break into flows of cells: the cells nearest the labels print beside them (「一、本年新收…」 35280),
the others in a stretch or two of values among the header's words, before the first label
("0 0 0 39618 0 0 0 0 3210 2413 0 0 0 0 21979" after 「社会 法律…」, "4338 0" after 「商业 科研…」).
Each stretch prints its rows' cells row after row, in the template's row order, each row's part
of it the cells of a few columns side by side; a row is its cells beside its label, then its part
of each stretch, the stretches taken in the order of their columns (not always the order they
print in). Values on one line are one row's cells side by side: no row ends between them.

The rows so read must each add up; of the readings that do, one only is taken (the table's
equations telling several apart), its rows flagged as placed. A last row printing all but one of
its cells beside its label is not among them (its 总计 printed apart, further down: blocks.py puts
it back). The stretches may also lack one cell of one other row, a 0 or placeholder printed
further down, among the table's last rows ("1279 无" beside 「二、上年结转」, 无 无 无 1279 in the
stretch, its fourth 无 after 「2.重复申请」): that row is read adding up without it, one cell
short, for blocks.py to put the cell back."""
from __future__ import annotations

from itertools import permutations
from typing import Optional

from core.equations import equations
from core.parse.columns import equation_score, token_number
from core.parse.row_sums import tokens_add_up
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.template import Table

_MAX_FLOWS = 3  # stretches of values before the first label, no more
_MAX_VISITS = 20_000  # partial readings weighed, no more: beyond, too open to say


def _flows(tokens: list[Token]) -> Optional[list[list[Token]]]:
    """The stretches of values among `tokens` (text between them); None where a cell is blank
    (a blank leaves no trace: no stretch is then a count of cells)."""
    flows: list[list[Token]] = []
    before = TEXT
    for token in tokens:
        if token.kind == EMPTY:
            return None
        if token.kind in (NUM, NA):
            if before == TEXT:
                flows.append([])
            flows[-1].append(token)
        before = token.kind
    return flows


def head_rows_from_flows(table: Table, template: str, tokens: list[Token], first_label: int,
                         values_of: dict[str, list[Token]]) -> dict[str, list[Token]]:
    """The table's first rows read from the values beside their labels (`values_of`, fewer than a
    row's) and the stretches of values printed before the first label (`tokens[:first_label]`);
    empty where the values do not print so or more than one reading holds."""
    keys = [row.key for row in table.rows]
    width = len(table.rows[0].columns)
    flows = _flows(tokens[:first_label])
    if not flows or len(flows) > _MAX_FLOWS:
        return {}
    head: list[str] = []
    for key in keys:
        if key not in values_of or len(values_of[key]) >= width:
            break
        head.append(key)
    if not head:
        return {}
    needed = [width - len(values_of[key]) for key in head]
    missing = sum(needed) - sum(map(len, flows))
    if missing in (1, 2) and needed[-1] == 1:
        # (its one cell more printed further down: not here)
        head, needed, missing = head[:-1], needed[:-1], missing - 1
    if not head or missing not in (0, 1):  # (one other row's 0 or placeholder further down, at most)
        return {}
    # where a stretch may end a row's part: not between two values of one line
    ends = [{i for i in range(len(flow) + 1) if i in (0, len(flow)) or flow[i - 1].line != flow[i].line}
            for flow in flows]
    readings: dict[tuple, list[list[Token]]] = {}
    visits = [_MAX_VISITS]

    def parts(total: int, cursors: tuple[int, ...], last: bool):
        """Each stretch's share of a row's `total` cells, from the cursors on."""
        if len(cursors) == 1:
            end = cursors[0] + total
            if end in ends[len(ends) - 1] and (not last or end == len(flows[-1])):
                yield (total,)
            return
        flow = len(flows) - len(cursors)
        for size in range(total + 1):
            end = cursors[0] + size
            if end > len(flows[flow]):
                break
            if end in ends[flow] and (not last or end == len(flows[flow])):
                for rest in parts(total - size, cursors[1:], last):
                    yield (size,) + rest

    def walk(order: tuple[int, ...], row: int, cursors: tuple[int, ...], rows: list[list[Token]], short: int) -> None:
        """`short`: the cells still to leave out (a row read one cell short)."""
        if row == len(head):
            if not short:
                read = tuple(tuple((t.kind, token_number(t)) for t in r) for r in rows)
                readings.setdefault(read, rows)
            return
        last = row == len(head) - 1
        for lack in range(short + 1):
            for sizes in parts(needed[row] - lack, cursors, last):
                visits[0] -= 1
                if visits[0] < 0:
                    return
                pieces = [flows[f][cursors[f]:cursors[f] + sizes[f]] for f in range(len(flows))]
                cells = list(values_of[head[row]])
                for f in order:
                    cells += pieces[f]
                if not tokens_add_up(cells):
                    continue
                walk(order, row + 1, tuple(c + s for c, s in zip(cursors, sizes)), rows + [cells], short - lack)

    for order in permutations(range(len(flows))):
        walk(order, 0, (0,) * len(flows), [], missing)
        if visits[0] < 0:
            return {}
    if not readings:
        return {}
    if len(readings) > 1:
        best = _best_by_sums(table, template, head, list(readings.values()), values_of, width)
        if best is None:
            return {}
        rows = best
    else:
        rows = next(iter(readings.values()))
    return dict(zip(head, rows))


def _best_by_sums(table: Table, template: str, head: list[str], candidates: list[list[list[Token]]],
                  values_of: dict[str, list[Token]], width: int) -> Optional[list[list[Token]]]:
    """The one reading the table's equations rank above every other (the other rows as read,
    where whole), else None."""
    around = {path: token_number(t) for row in table.rows
              if row.key not in head and len(values_of.get(row.key, ())) == width
              for path, t in zip(table.row_paths(row.key), values_of[row.key])}
    eqs = equations(template)
    scored = []
    for rows in candidates:
        values = dict(around)
        for key, cells in zip(head, rows):
            if len(cells) == width:
                values.update((path, token_number(t)) for path, t in zip(table.row_paths(key), cells))
        scored.append(equation_score(eqs, values))
    top = max(scored)
    return candidates[scored.index(top)] if scored.count(top) == 1 else None
