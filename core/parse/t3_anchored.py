"""表三 rows read where their label is followed by exactly one full row that adds up.

Plain pdftotext (without -layout) scatters 表三's body when every cell prints: values come out
pages of text away from their labels, by column runs or row runs in the order of the PDF's text
blocks, and the row parser places them by the template's order, which is wrong for most rows.
Yet many rows still print whole right after their label: the label's text run, then the row's
values and nothing else until the next text. When exactly as many counts as the template has
columns follow a line that ends with the row's full official label, and the parts add up to
the total, those counts are that row as printed, whatever the parser made of the rest. A
placeholder ("-", "/") among them is a printed cell too, counted as 0: a row printing "4 18 - - - -
22" beside its label is that row as printed, and a misprint in it (18 and 4 in each other's
columns) stays where the report put it, for the column sums to name, rather than being placed
again by a reading of the whole table that makes every sum hold.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from core.model import NEIGHBOUR_MAY_HOLD, NUMBER, PLACEHOLDER, SUBTOTAL_UNTOLD, CellValue, Number, Report
from core.parse.memo import document_memo, remember
from core.parse.page_furniture import PAGE_NUMBER
from core.parse.tokens import NA, NUM, TEXT, Token, normalise
from core.template import Table


@lru_cache(maxsize=None)
def _labels(table: Table) -> tuple[tuple[int, ...], dict[str, str]]:
    """The labels' lengths, longest first, and each label's row (the first row of a label
    printed twice): a text ending with a label ends with it at the longest length that matches,
    so "（六）其他处理" is not taken for "3.其他"'s row."""
    rows: dict[str, str] = {}
    for row in table.rows:
        rows.setdefault(normalise(row.label), row.key)
    return tuple(sorted({len(label) for label in rows}, reverse=True)), rows


@lru_cache(maxsize=None)
def _labels_by_last(table: Table) -> dict[str, tuple[tuple[str, str], ...]]:
    """(label, row) of each of _labels' labels by its last character, longest first: the labels a
    text may end with, asked of its last character (no slice of the text made and hashed for
    each of the labels' lengths)."""
    _, rows = _labels(table)
    by_last: dict[str, list[tuple[str, str]]] = {}
    for label, key in sorted(rows.items(), key=lambda item: -len(item[0])):
        by_last.setdefault(label[-1], []).append((label, key))
    return {last: tuple(labels) for last, labels in by_last.items()}


@lru_cache(maxsize=None)
def _width(table: Table) -> int | None:
    """The rows' number of columns when every row has as many, else None."""
    widths = {len(row.columns) for row in table.rows}
    return widths.pop() if len(widths) == 1 else None


# table (by id) -> (the table, text -> _row_labelled of it): the same label runs recur in every
# report of a converter (a dict, not lru_cache, which would call Table.__hash__ on every look-up)
_LABELLED: dict[int, tuple[Table, dict[str, str | None]]] = {}


def _row_labelled(table: Table, text: str) -> str | None:
    """The row whose full label a text ends with (see _labels), or None."""
    known = _LABELLED.get(id(table))
    if known is None or known[0] is not table:
        known = _LABELLED[id(table)] = (table, document_memo())
    labelled = known[1]
    if text in labelled:
        return labelled[text]
    # (the longest label the text ends with: of two labels of one length only one can end it)
    return remember(labelled, text, next((key for label, key in _labels_by_last(table).get(text[-1:], ())
                                          if text.endswith(label)), None))


# (table id, text) -> whether the text holds a row's full label before the label it ends with
# (_labels_before; by table, for the 2019 and 2021 tables label their rows apart)
_LABELS_BEFORE: dict[tuple[int, str], bool] = document_memo()


def _labels_before(table: Table, text: str, key: str) -> bool:
    """Whether a text ending with row `key`'s full label holds another row's full label before it:
    a PDF's line of labels ("3.补正后申请内容仍不明确 1.信访举报投诉类申请 … 5.要求行政机关确认或重新出具已获取信息"),
    the values after it any of those rows' (most likely the first's), not surely the last's."""
    held = _LABELS_BEFORE.get((id(table), text))
    if held is None:
        _, rows = _labels(table)
        own = next(label for label, row in rows.items() if row == key and text.endswith(label))
        head = text[:-len(own)]  # (most texts are the label alone: no head to look in)
        held = remember(_LABELS_BEFORE, (id(table), text), bool(head) and any(label in head for label in rows))
    return held


def _row_after(tokens: list[Token], at: int, width: int) -> list[Token]:
    """The counts (or placeholders, 0) right after tokens[at], when exactly `width` of them follow
    before the next text (or the end); else []."""
    nxt = at + 1 + width
    # the token after the run first: it rules out most texts followed by a count at once
    if nxt > len(tokens) or nxt < len(tokens) and tokens[nxt].kind != TEXT:
        return []
    values = tokens[at + 1:nxt]
    for t in values:
        if t.kind != NA and (t.kind != NUM or not isinstance(t.value, int) or t.unit):
            return []
    return values


def _wrapped_label(table: Table, head: str, tokens: list[Token], after: int) -> str:
    """The label a row's run prints inside of, or "": plain pdftotext prints a wrapped label's first
    line, then the row's values, a line each (the first beside the label's line), then the label's
    last line (「5.要求行政机关确认或重新出具已 1」 - - - - - 1 「获取信息」). `head` is the text before the
    run, tokens[after] the text after it: joined, they end with a full label that each of them
    holds a part of (the text after it no label of its own)."""
    if after >= len(tokens):
        return ""
    tail = tokens[after].text
    joined = head + tail
    key = _row_labelled(table, joined)
    if key is None or _row_labelled(table, tail) is not None:
        return ""
    _, rows = _labels(table)
    own = next(label for label, row in rows.items() if row == key and joined.endswith(label))
    return joined if len(own) > len(tail) else ""


def _a_line_each(values: list[Token]) -> bool:
    """Whether each value prints on a line of its own, the first maybe on its label's (plain
    pdftotext, a cell a text block, the first beside the label's first line): the row's cells in
    order. A line of several values (pdfplumber's 「0 — — — — 0」 after 「…只计这一情 0」, its 总计 on the
    label's line) is the row's in either order, which the text does not tell."""
    return len({t.line for t in values}) == len(values)


def _count(token: Token) -> Number:
    return 0 if token.value is None else token.value  # (a NUM token's value, else 0)


def _adds_up(values: list[Token]) -> bool:
    return sum(_count(t) for t in values[:-1]) == _count(values[-1])


def printed_rows(table: Table, tokens: list[Token]) -> dict[str, list[Token]]:
    """Row key -> its counts, for the rows printed whole right after their full label, adding up
    or not (a row whose label heads two such runs is left out: the text does not say which is its
    own)."""
    found: dict[str, list[Token]] = {}
    twice: set[str] = set()
    # every row of 表三 is as wide: a text token is matched against the labels only when a full
    # row follows it (a few in a report), not for each of its texts
    width = _width(table)
    if width is not None:
        # the texts followed by exactly `width` tokens before the next text (or the end): no other
        # text is followed by a full row, and the rest of the tokens are not looked at one by one
        texts = [at for at, token in enumerate(tokens) if token.kind == TEXT]
        texts.append(len(tokens))
        starts = [at for at, nxt in zip(texts, texts[1:]) if nxt - at - 1 == width]
    else:
        starts = [at for at, (token, after) in enumerate(zip(tokens, tokens[1:]))
                  if token.kind == TEXT and after.kind in (NUM, NA)]
    for at in starts:
        token = tokens[at]
        if width is not None:
            values = _row_after(tokens, at, width)
            if not values:
                continue
        text = token.text
        key = _row_labelled(table, text)
        if key is None and width is not None and _adds_up(values) and _a_line_each(values):
            text = _wrapped_label(table, text, tokens, at + 1 + width)
            key = _row_labelled(table, text) if text else None
        if key is None:
            continue
        if at and tokens[at - 1].kind == TEXT and _row_labelled(table, tokens[at - 1].text) not in (None, key):
            continue  # labels printed one after the other: the run after them may be the first's row
        if _labels_before(table, text, key):
            continue  # labels printed one after the other on one line: likewise
        if width is None:
            values = _row_after(tokens, at, len(table.row(key).columns))
        if values:
            if key in found:
                twice.add(key)
            found[key] = values
    for key in twice:
        del found[key]
    return found


def read_as_anchored(table: Table, tokens: list[Token], labels: list[tuple[int, str]]) -> bool:
    """Whether, in a table read row by row as printed (every row found, `labels`: (token index, row
    key), prints exactly its columns' values and nothing else but text right after its label), the
    rows printed_rows finds can only be rows found, each with the values read beside its label:
    no value prints before the first label (a text there is followed by none), a text after it that
    no label is follows a row's values or text (text follows it, or the end), so only a label is
    followed by a full row, its own values; and the full label each label's text ends with, if any,
    is its own row's. read_anchored_rows then finds every such row read as printed already, as long
    as its cells are as stored from those values."""
    if any(t.kind in (NUM, NA) for t in tokens[:labels[0][0]]):
        return False
    return all(_row_labelled(table, tokens[index].text) in (None, key) for index, key in labels)


def stored_as_printed(report: Report, table: Table, tokens: list[Token], labels: list[tuple[int, str]]) -> bool:
    """Whether, in a table read_as_anchored, each row's cells hold, in order, the values printed
    right after its label, as many as its columns: the only rows printed_rows can find (those of
    them _row_after takes), so read_anchored_rows finds each read as printed already (a row stored
    otherwise, its lines reordered or placed by position, it may read again)."""
    cells = report.cells
    for index, key in labels:
        paths = table.row_paths(key)
        if not _holds_printed(cells, paths, tokens[index + 1:index + 1 + len(paths)]):
            return False
    return True


def _holds_printed(cells: dict[str, CellValue], paths: tuple[str, ...], values: list[Token]) -> bool:
    """Whether a row's cells are its printed values, in order: each count its number, each
    placeholder a placeholder."""
    for cell, token in zip(map(cells.get, paths), values):
        if cell is None:
            return False
        if token.kind == NUM:
            if cell.state != NUMBER or cell.value != token.value:
                return False
        elif token.kind != NA or cell.state != PLACEHOLDER:
            return False
    return True


def anchored_rows(table: Table, tokens: list[Token]) -> dict[str, list[Token]]:
    """The rows printed whole right after their full label whose parts add up to the total."""
    return {key: values for key, values in printed_rows(table, tokens).items() if _adds_up(values)}


def _ends_its_page(tokens: list[Token], last: Token, page_starts: tuple[int, ...]) -> bool:
    """Whether the run ending on token `last` is the last its page prints: the text after it is
    the page's footer (a page number's form) or on a later page (`page_starts`: the lines that
    start pages). Plain pdftotext prints, at a page's end, the text blocks it did not fit into the
    page's flow: a cell of the run may print after the run's other cells, or after the footer."""
    at = next(n for n, t in enumerate(tokens) if t is last)
    if at + 1 == len(tokens):
        return False
    after = tokens[at + 1]
    return PAGE_NUMBER.fullmatch(after.text.strip()) is not None \
        or bisect_right(page_starts, last.line) != bisect_right(page_starts, after.line)


def read_anchored_rows(report: Report, table: Table, tokens: list[Token], page_starts: tuple[int, ...] = ()) -> None:
    """Store the rows printed whole after their label where the parser read something else, and
    drop the parser's doubts about them (the row is read as printed, beside its label). A row so
    printed that does not add up is the report's misprint (a plain pdftotext line prints its values
    left to right): where the parser's reading only moved its printed values within it, so that the
    sums hold (two values printed in each other's columns), it is read as printed too, for the sums
    to name; but not where the row ends its page (_ends_its_page), whose cells' order the text does
    not tell: there the parser's reading stands, when flagged (its findings then 存疑, not 错误).
    A doubt that a neighbouring row holds some of its values (spilled.py) stays with the row."""
    changed: set[str] = set()
    cells = report.cells
    untold: set[str] | None = None  # rows whose reading a subtotal leaves untold, once a row asks
    for key, values in printed_rows(table, tokens).items():
        paths = table.row_paths(key)
        if _holds_printed(cells, paths, values):
            continue  # read as printed already
        if not _adds_up(values) and \
                sorted(cells[p].span or (-1, -1) for p in paths) != sorted((t.start, t.end) for t in values):
            continue  # read otherwise than by moving the row's own values: the parser's reading stands
        row = f"{table.section}.{key}"
        if untold is None:
            untold = {f.cell for f in report.flags if SUBTOTAL_UNTOLD in f.causes}
        if row in untold:
            continue  # its cells as printed, or one to the left (a subtotal after 自然人): its 0s read either way
        if not _adds_up(values) and _ends_its_page(tokens, values[-1], page_starts) \
                and any(f.cell == row or f.cell.startswith(row + ".") for f in report.flags):
            continue  # the parser's reading of the row, flagged, stands
        for path, token in zip(paths, values):
            cells[path] = CellValue(token.value, NUMBER, token.text, (token.start, token.end)) if token.kind == NUM \
                else CellValue(None, PLACEHOLDER, report.text[token.start:token.end], (token.start, token.end))
        changed.add(row)
    if changed:
        # (a doubt that a neighbouring row holds some of the values stays: read as printed, the
        # row's values are still the ones the text lets the neighbour hold)
        report.flags[:] = [f for f in report.flags
                           if f.cell not in changed and f.cell.rsplit(".", 1)[0] not in changed
                           or NEIGHBOUR_MAY_HOLD in f.causes]
