"""表三 as plain pdftotext (no -layout) prints it: row labels apart from their values.

Without -layout, pdftotext prints a table's text blocks in its own order, not row by row: the
labels of 表三's first rows further down than their values (head_labels_printed_later), several
labels one after another and then one run of all their values (bunched_labels_cut), a group's
row labels printed later with no value, their rows run on after the row above's (rows_run_on),
or each row's first value beside its label and its other columns' values together after the last
row (short_rows_dealt). Each reader puts the values back behind their labels, reordering the tokens
in place before the rows are read, and only where the table's arithmetic allows one way alone:
each row adds up (its parts to its 总计) or prints nothing, and T3-1 in the 总计 column.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Optional, cast

from core.model import Number, known
from core.parse.columns import token_number
from core.parse.labels import LABEL_MAX, MAX_SKIP, find_labels, kept_hits, row_matchers
from core.parse.row_sums import adds_up_without_blanks, parts_add_up
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.template import Table


EITHER_HEAD_ROW = ("表头之后、「（一）予以公开」之前印出的一行数值，其行标签印在表中别处；「{0}」与「{1}」的勾稽关系相同，"
                   "属于哪一行无法确定，已按「{0}」读取，另一行按空白读取，请对照原文核对")


def head_labels_printed_later(table: Table, tokens: list[Token],
                              found: Optional[list[tuple[int, str]]] = None) -> Optional[list[str]]:
    """Move the labels of 表三's first rows (一、本年新收 and 二、上年结转) in front of their values
    where plain pdftotext printed those labels together further down: the values print right after
    the header's words, before the first label found (「三、本年度办理结果（一）予以公开」), and the
    two labels after it, among later rows (a text block of their own). The values before the first
    label found can only be the rows above it; they are split between 一 and 二 where exactly one
    cut makes each of the two a row that adds up (or prints nothing). Rows 一 and 二 must each be
    named by exactly one run of text inside the table's span, and by nothing else.

    A run adding up as one row with the other row printing nothing cuts two ways (all of it 一's,
    or all 二's): T3-1 adds 一 and 二 alike, so no equation tells them apart. It is then read as
    一's, as a value whose column is unknown goes to the leftmost, and the two rows are named in
    the returned keys, to be flagged. Returns None where nothing was moved, else those keys (empty
    when the cut is certain); `tokens` is reordered in place, so that find_labels finds the rows.
    `found`: find_labels(table, tokens) where the caller has it."""
    found = find_labels(table, tokens) if found is None else found
    if not found:
        return None
    rows = table.rows
    first_index, first_key = found[0]
    head = next(r for r, row in enumerate(rows) if row.key == first_key)
    if head not in (1, 2):
        return None
    start = first_index
    while start > 0 and tokens[start - 1].kind in (NUM, NA):
        start -= 1
    run = tokens[start:first_index]
    if not run or start == 0 or tokens[start - 1].kind != TEXT or run[0].line == tokens[start - 1].line:
        return None  # (values on a line of text are that text's: not a run of its own)
    matchers, kept = row_matchers(table)
    named: dict[int, list[int]] = {}
    for index in range(first_index + 1, found[-1][0]):
        token = tokens[index]
        if token.kind != TEXT or len(token.text) > LABEL_MAX:
            continue
        hits = {r for begin in range(0, len(rows), MAX_SKIP + 1)
                for r in kept_hits(matchers, kept, token.text, begin) if rows[r].key != "other_other"}
        if len(hits) == 1 and min(hits) < head:
            named.setdefault(min(hits), []).append(index)
    if sorted(named) != list(range(head)) or any(len(indices) != 1 for indices in named.values()):
        return None
    if head == 1:
        cuts = [len(run)] if adds_up_without_blanks(run) else []
    else:
        cuts = [k for k in range(len(run) + 1) if adds_up_without_blanks(run[:k]) and adds_up_without_blanks(run[k:])]
    if not cuts or (len(cuts) > 1 and cuts != [0, len(run)]):
        return None  # a misprint, or rows that cut several ways: the rows stay unfound (flagged)
    labels = [tokens[named[r][0]] for r in range(head)]
    moved = {id(t) for t in labels}
    pieces = [run[:cuts[-1]], run[cuts[-1]:]] if head == 2 else [run]
    ahead: list[Token] = []
    for label, piece in zip(labels, pieces):
        ahead += [label] + piece
    tokens[:] = tokens[:start] + ahead + [t for t in tokens[first_index:] if id(t) not in moved]
    return [rows[r].key for r in range(head)] if len(cuts) > 1 else []


_CUTS_LISTED = 64  # cuts of a bunch's run listed, no more: beyond, too open to say
_CUT_VISITS = 5000  # pieces weighed while cutting a bunch's run, no more: beyond, too open to say
_DEAL_VISITS = 1000  # stretches weighed while dealing a run to short rows, no more


def _cuts_into_rows(run: list[Token], rows: int) -> Optional[list[list[int]]]:
    """Every cut of `run` into `rows` rows that each add up or print nothing (adds_up_without_blanks),
    as the pieces' lengths; None when there are more than _CUTS_LISTED (or past _CUT_VISITS)."""
    cuts: list[list[int]] = []
    visits = [_CUT_VISITS]
    # adds_up_without_blanks of each piece, with the run's numbers read once, not once a piece
    # (each piece was read anew: a run of 144 values cost ~200 M instructions); in whole numbers
    # a piece's parts add up to the difference of two running sums, exactly
    numbers = [0 if t.kind == NA else token_number(t) for t in run]
    whole = all(type(v) is int for v in numbers if v is not None)
    sums = list(accumulate((v or 0 for v in numbers), initial=0))
    # from each place, the first value that counts nothing (a word): a piece holding it is no
    # row, nor is any longer one
    unread = [len(run)] * (len(run) + 1)
    for k in range(len(run) - 1, -1, -1):
        unread[k] = k if numbers[k] is None else unread[k + 1]

    def adds_up(start: int, end: int) -> bool:
        """adds_up_without_blanks(run[start:end]), for a piece before unread[start]."""
        if start == end:
            return True
        if whole:
            return sums[end - 1] - sums[start] == numbers[end - 1]
        return parts_add_up(cast("list[Number]", numbers[start:end]))  # (before unread[start]: none None)

    # in whole numbers, the ends of the pieces that add up from a place are looked up, not tried
    # end by end: a piece [start, end) adds up when sums[end - 1] - numbers[end - 1] == sums[start]
    # (a mutated run of ~60 values tried ~130 000 ends in its 5 000 visits: 245 M instructions)
    ends_by_sum: dict[Number, list[int]] = {}
    if whole:
        for end in range(1, len(run) + 1):
            if numbers[end - 1] is not None:
                ends_by_sum.setdefault(sums[end - 1] - cast(int, numbers[end - 1]), []).append(end)

    def ends_adding_up(start: int) -> list[int]:
        """The ends, in order, of the pieces from `start` that add up (the empty one first)."""
        if not whole:
            return [end for end in range(start, unread[start] + 1) if adds_up(start, end)]
        ends = ends_by_sum.get(sums[start], [])
        return [start] + ends[bisect_right(ends, start):bisect_right(ends, unread[start])]

    def walk(row: int, start: int, lengths: list[int]) -> bool:
        visits[0] -= 1
        if visits[0] < 0:
            return False
        if row == rows - 1:
            if unread[start] == len(run) and adds_up(start, len(run)):
                cuts.append(lengths + [len(run) - start])
            return len(cuts) <= _CUTS_LISTED
        for end in ends_adding_up(start):
            if not walk(row + 1, end, lengths + [end - start]):
                return False
        return True

    return cuts if walk(0, 0, []) else None


def _row_total(values: list[Token]) -> Optional[Number]:
    """A row's 总计 as printed without its blank cells: its last value (0 when it prints none),
    None unless it adds up."""
    if not adds_up_without_blanks(values):
        return None
    return 0 if not values or values[-1].kind == NA else token_number(values[-1])


def _piece(run: list[Token], lengths: list[int], row: int) -> list[Token]:
    start = sum(lengths[:row])
    return run[start:start + lengths[row]]


def _t3_1_holds(head: Number, run: list[Token], lengths: list[int], keys: list[str]) -> bool:
    """T3-1 in the 总计 column, 一 + 二 (`head`) = （七）总计 + 四, under a cut of `run` into the
    rows `keys` (every piece of a cut adds up: both totals are known)."""
    total = _row_total(_piece(run, lengths, keys.index("total")))
    forward = _row_total(_piece(run, lengths, keys.index("carried_forward")))
    return total is not None and forward is not None and head == total + forward


def _head_total(tokens: list[Token], found: list[tuple[int, str]]) -> Optional[Number]:
    """一's 总计 plus 二's as their rows print beside their labels (each adding up), else None."""
    totals = []
    for n, (index, key) in enumerate(found):
        if key in ("new", "carried_over"):
            end = found[n + 1][0] if n + 1 < len(found) else len(tokens)
            values = [t for t in tokens[index + 1:end] if t.kind != TEXT]
            totals.append(_row_total(values))
    return sum(totals) if len(totals) == 2 and known(totals) else None


def values_printed(tokens: list[Token], found: list[tuple[int, str]]) -> list[int]:
    """How many tokens other than text follow each label found, up to the next (the last: to the end)."""
    kinds = [t.kind for t in tokens]
    ends = [index for index, _ in found[1:]] + [len(tokens)]
    return [end - index - 1 - kinds[index + 1:end].count(TEXT) for (index, _), end in zip(found, ends)]


def bunched_labels_cut(table: Table, tokens: list[Token], found: Optional[list[tuple[int, str]]] = None) -> bool:
    """Give each of a bunch of 表三 labels its own values where plain pdftotext printed the labels
    one after another (their values in a text block of their own) and then one run of values
    (「（七）总计」「四、结转下年度继续办理」, then 355 129 484 17 3 20): the run is cut among the
    bunch's rows, in order, where exactly one cut makes each row add up or print nothing (a row
    with one value other than 0 is none). Several cuts of a bunch holding （七）总计 and 四 are told
    apart by T3-1 in the 总计 column (一 + 二 = （七）总计 + 四, rows 一 and 二 as printed beside
    their labels, each adding up), which a bunch holding either must meet (in a run printed out of
    order, "0 634 0 21 655 0 0", the one cut adding up may not); the cut is taken only when one
    remains. Where the run is one
    row's worth that adds up, any of the bunch may hold it and nothing is moved (the values stay
    the last label's, as before); where it cuts several ways or none (a misprint), neither.
    Reorders `tokens` in place: each label of the bunch then stands before its values. Returns
    whether any bunch was cut. `found`: find_labels(table, tokens) where the caller has it."""
    found = find_labels(table, tokens) if found is None else found
    printed = values_printed(tokens, found)
    groups: list[list[int]] = [[0]]
    for n in range(1, len(found)):
        if not printed[n - 1]:  # only text between this label and the one before
            groups[-1].append(n)
        else:
            groups.append([n])
    head = _head_total(tokens, found)
    moves: list[tuple[int, int, list[Token]]] = []  # (first token, end of the run, new order)
    for group in groups:
        if len(group) < 2:
            continue
        last = found[group[-1]][0]
        end = last + 1
        while end < len(tokens) and tokens[end].kind in (NUM, NA):
            end += 1
        run = tokens[last + 1:end]
        if run and run[0].line == tokens[last].line:
            continue  # values beside the last label are its own: the labels are no bunch apart from them
        keys = [found[n][1] for n in group]
        if adds_up_without_blanks(run) and ("total" not in keys and "carried_forward" not in keys or head == _row_total(run)):
            # one row's worth: any of the bunch holding it all (the others none) is a cut, two at least
            # (（七）总计 holding it and 四 holding it meet T3-1 alike): never the one cut taken below
            continue
        cuts = _cuts_into_rows(run, len(group)) if run else None
        if not cuts:
            continue
        if "total" in keys or "carried_forward" in keys:
            if head is None or "total" not in keys or "carried_forward" not in keys:
                continue
            # T3-1 in the 总计 column: 一 + 二 = （七）总计 + 四
            cuts = [c for c in cuts if _t3_1_holds(head, run, c, keys)]
        if len(cuts) != 1 or cuts[0][-1] == len(run):
            continue
        lengths = cuts[0]
        width = len(table.row(keys[0]).columns)
        if 0 in lengths and width in lengths:
            continue  # a table printing every cell has no row printing nothing: its values are elsewhere
        order: list[Token] = []
        at = 0
        for n, length in zip(group, lengths):
            label_end = found[n + 1][0] if n != group[-1] else last + 1
            order += tokens[found[n][0]:label_end] + run[at:at + length]
            at += length
        moves.append((found[group[0]][0], end, order))
    for first, end, order in reversed(moves):
        tokens[first:end] = order
    return bool(moves)


def rows_run_on(table: Table, tokens: list[Token], found: Optional[list[tuple[int, str]]] = None,
                printed: Optional[list[int]] = None) -> bool:
    """Give the rows whose labels print no value the full rows printed right after the row before
    them, where plain pdftotext printed their labels apart (a group label's block: 「（五）不予处理」
    over 「3.要求提供公开出版物」 and 「4.无正当理由大量反复申请」) and their values on with the row
    above's (「2.重复申请」, then 21 values and more). Only where the table prints every cell: the
    run's first values cut into as many rows of the template's width as there are labels, each of
    them adding up (its parts to its 总计) and one holding a count (zeros add up however a run of
    them is cut, a column's too), the rows next to each other in the template; what the run holds
    after them (cells printed apart from their rows) stays where it was. Reorders `tokens`
    in place; returns whether any row was given its values. `found`: find_labels(table, tokens),
    `printed`: values_printed for them (the last label's left out), where the caller has them."""
    found = find_labels(table, tokens) if found is None else found
    printed = values_printed(tokens, found)[:-1] if printed is None else printed
    width = len(table.rows[0].columns)
    # (the labels printing two rows' worth at least, followed by one printing none: few or none)
    runs = [n for n, count in enumerate(printed[:-1]) if count >= 2 * width and printed[n + 1] == 0]
    if not runs:
        return False
    keys = [row.key for row in table.rows]
    inserts: dict[int, list[Token]] = {}  # a row's first value's token -> its label's tokens to put before it
    taken: set[int] = set()
    for n in runs:
        bare = 0  # the labels after this one printing no value
        while n + 1 + bare < len(found) - 1 and printed[n + 1 + bare] == 0:
            bare += 1
        if not bare or printed[n] < (bare + 1) * width:
            continue
        first = keys.index(found[n][1])
        if [keys.index(key) for _, key in found[n:n + bare + 1]] != list(range(first, first + bare + 1)):
            continue
        values: list[int] = []  # (the first rows' worth only: a run may be the rest of the table)
        j = found[n][0] + 1
        while len(values) < (bare + 1) * width:
            if tokens[j].kind != TEXT:
                values.append(j)
            j += 1
        rows = [values[i * width:(i + 1) * width] for i in range(bare + 1)]
        numbers = [[0 if tokens[j].kind == NA else cast(Number, token_number(tokens[j])) for j in row] for row in rows]
        if not all(all(tokens[j].kind in (NUM, NA) for j in row) for row in rows) \
                or not all(map(parts_add_up, numbers)):
            continue
        if not any(any(row) for row in numbers):
            continue  # (zeros add up however they are cut: a column's run read row by row, too)
        # the bare labels (and the text up to the next label) moved into the run, each before its
        # row's values: the values keep their order, which later readers take as the stream's
        for i, row in enumerate(rows[1:], 1):
            moved = list(range(found[n + i][0], found[n + i + 1][0]))
            inserts[row[0]] = [tokens[j] for j in moved]
            taken.update(moved)
    if not inserts:
        return False
    order: list[Token] = []
    for j, token in enumerate(tokens):
        order += inserts.get(j, [])
        if j not in taken:
            order.append(token)
    tokens[:] = order
    return True


def _deals(own: list[list[Token]], strays: list[Token], width: int, visits: list[int]) -> Optional[list[list[int]]]:
    """Every way of dealing `strays` out to the rows in order, a stretch each (maybe none), so that
    each row, its own values then its stretch, adds up within `width` values; None beyond
    _CUTS_LISTED or once `visits` (a budget shared by the caller's tries) runs out."""
    deals: list[list[int]] = []
    counted = [[0 if t.kind == NA else token_number(t) for t in cells] for cells in own + [strays]]
    if any(None in numbers for numbers in counted):
        return []
    *mine, loose = counted
    room = [width - len(numbers) for numbers in mine]
    room_after = [sum(room[row:]) for row in range(len(room))]  # cells the rows from here on can take

    def adds_up(numbers: list) -> bool:
        return not numbers or abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9

    def walk(row: int, start: int, sizes: list[int]) -> bool:
        visits[0] -= 1
        if visits[0] < 0:
            return False
        if len(loose) - start > room_after[row]:
            return True  # more values left than the rows can hold
        if row == len(own) - 1:
            if adds_up(mine[row] + loose[start:]) and (mine[row] or start < len(loose) or not own[row]):
                deals.append(sizes + [len(loose) - start])
            return len(deals) <= _CUTS_LISTED
        for end in range(start, min(len(loose), start + room[row]) + 1):
            if adds_up(mine[row] + loose[start:end]) and not walk(row + 1, end, sizes + [end - start]):
                return False
        return True

    return deals if walk(0, 0, []) else None


def short_rows_dealt(table: Table, tokens: list[Token], found: Optional[list[tuple[int, str]]] = None) -> bool:
    """表三's rows printing short beside their labels (a value or two that do not add up), their
    other cells printed together after the last of them (plain pdftotext prints the column nearest
    the labels beside them, the other columns' values as text blocks of their own, row after row):
    「一、本年新收」 21, 「二、上年结转」 1, 「（一）予以公开」 10, 「（二）部分公开」 2 3 … 24 1 2 12 2.
    The values after the last row's first are dealt out to the rows in order, a stretch each, so
    that every row adds up; taken only where the ways that do all read the rows alike (the last
    row's own values may be its first one or more). Reorders `tokens` in place (each row's stretch after its own values).
    Returns whether any rows were dealt. `found`: find_labels(table, tokens) where the caller has it."""
    found = find_labels(table, tokens) if found is None else found
    width = len(table.rows[0].columns)
    spans = []
    for n, (index, key) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(tokens)
        span = tokens[index + 1:end]
        if any(t.kind == EMPTY for t in span):
            return False
        spans.append([t for t in span if t.kind != TEXT])
    moves = []
    k = len(found) - 1
    while k > 0:
        last = spans[k]
        if len(last) < 2 or adds_up_without_blanks(last):
            k -= 1
            continue
        i = k
        while i > 0 and len(spans[i - 1]) < width and (not spans[i - 1] or not adds_up_without_blanks(spans[i - 1])):
            i -= 1
        if i == k or not any(spans[n] for n in range(i, k)):
            k -= 1
            continue
        ways: dict[tuple, tuple[int, list[int]]] = {}  # the rows as read -> one way of dealing
        label_lines = {tokens[found[n][0]].line for n in range(i, k + 1)}
        visits = [_DEAL_VISITS]
        for j in range(1, min(len(last), width)):
            if any(t.line in label_lines for t in last[j:]):
                continue  # (a value beside a label is that row's own, not one printed apart)
            own = [spans[n] for n in range(i, k)] + [last[:j]]
            deals = _deals(own, last[j:], width, visits)
            if deals is None:
                ways = {}
                break
            for sizes in deals:
                at, read = 0, []
                for cells, size in zip(own, sizes):
                    read.append(tuple((t.kind, t.text) for t in cells + last[j + at:j + at + size]))
                    at += size
                ways.setdefault(tuple(read), (j, sizes))
        if len(ways) == 1:
            moves.append((i, k, *next(iter(ways.values()))))
        k = i - 1
    for i, k, j, sizes in moves:  # (from the table's end: the indices before stay put)
        strays = spans[k][j:]
        stray_ids = {id(t) for t in strays}
        first, end = found[i][0], (found[k + 1][0] if k + 1 < len(found) else len(tokens))
        order: list[Token] = []
        at = 0
        for n, size in zip(range(i, k + 1), sizes):
            stop = found[n + 1][0] if n < k else end
            order += [t for t in tokens[found[n][0]:stop] if id(t) not in stray_ids] + strays[at:at + size]
            at += size
        tokens[first:end] = order
    return bool(moves)
