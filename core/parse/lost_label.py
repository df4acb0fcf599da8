"""A 表三 row label the file lost to characters no decoding reads (�, U+FFFD), its values kept.

A page saved in one charset and converted as another (w2803 r0037 split-html-lynx: GBK bytes read
as UTF-8, written back as U+FFFD) can lose a whole label — 「（二）部分公开（…）」 printed as 「�」
lines — while its row's digits, ASCII, survive. The row before it then holds its own values, the
lost label's � (read as placeholders) and the next row's values: 「11 3 0 14 � � 2 2」 for
予以公开 11 3 0 … 14 and 部分公开 2 … 2.

The template's order of rows says whose they are: the row after, whose label the text lacks,
when a run of lone � on lines of their own (a label's wrapped lines) parts the values, and on
each side of it the values add up as a row (blank cells leaving no trace, a placeholder none).
A side printing 0s only adds up whatever its cells, so it is a row only where it prints every cell
of its row: w3503 r0001 split-html-lynx, 「四、结转下年度继续办理」 lost, its seven 0s after 总计's.
The table's first row may lose its label too, its values then printed after the header's words and
a run of lone �, before the first label found: the template's row before that label.
"""
from __future__ import annotations

from core.model import CHECK_ORIGINAL_FILE, Flag, Report
from core.parse.row_sums import adds_up_without_blanks
from core.parse.tokens import NA, NUM, TEXT, Token
from core.template import Table

LOST = "\ufffd"
LOST_LABEL = ("「{0}」行的行标签印为无法识别的字符（�），其数值印在「{1}」行之后：按模板行序读作本行，"
              "本行与「{1}」行各自合计相符，" + CHECK_ORIGINAL_FILE)
LOST_FIRST_LABEL = ("「{0}」行的行标签印为无法识别的字符（�），其数值印在表头之后、「{1}」行之前：按模板行序读作本行，"
                    "本行合计相符，" + CHECK_ORIGINAL_FILE)


def give_values_after_lost_labels(report: Report, table: Table, labels: list[tuple[int, str]],
                                  values_of: dict[str, list[Token]], tokens: list[Token]) -> list[str]:
    """Give the values after a lost label's run of � to the template's next row, whose label the
    text lacks (see above); returns the rows given their values."""
    if LOST not in report.text:
        return []  # (most texts lost no character)
    keys = [row.key for row in table.rows]
    found = {key for _, key in labels}
    given: list[str] = _first_row_after_header(report, table, labels, values_of, tokens, keys, found)
    for _, key in labels:
        at = keys.index(key)
        if at + 1 >= len(keys) or keys[at + 1] in found or keys[at + 1] in values_of:
            continue
        following = keys[at + 1]
        values = values_of.get(key) or []
        width, next_width = len(table.row(key).columns), len(table.row(following).columns)
        if len(values) <= width and adds_up_without_blanks(values):
            continue  # (a row as wide as its columns that adds up whole: its � are its own cells)
        lost = [n for n, t in enumerate(values) if t.kind == NA and t.text == LOST]
        if not lost or lost != list(range(lost[0], lost[-1] + 1)):
            continue  # (no run of them, or more than one)
        counted_lines = {t.line for t in values if t.kind == NUM}
        if any(values[n].line in counted_lines for n in lost) or len({values[n].line for n in lost}) != len(lost):
            continue  # (a lost character among a row's cells: a cell's, not a label's)
        before, after = values[:lost[0]], values[lost[-1] + 1:]
        if not 1 < len(before) <= width or not 1 < len(after) <= next_width:
            continue
        if not all(adds_up_without_blanks(part) and (any(t.kind == NUM and t.value for t in part) or len(part) == size)
                   for part, size in ((before, width), (after, next_width))):
            continue  # (a side of 0s only is a row when it prints every cell of it, none left blank)
        values_of[key], values_of[following] = before, after
        report.flags.append(Flag(f"{table.section}.{following}", "parse",
                                 LOST_LABEL.format(table.row(following).label, table.row(key).label)))
        given.append(following)
    return given


def _first_row_after_header(report: Report, table: Table, labels: list[tuple[int, str]],
                            values_of: dict[str, list[Token]], tokens: list[Token], keys: list[str],
                            found: set[str]) -> list[str]:
    """The table's first row whose label the file lost, printed between the header and the first
    label found: the header's last word, a run of lone � (the label's lines), then values that add
    up as the row the template puts before that label (w3503 r0007 split-html-lynx: 「一、本年新收…」
    lost, 「其他 / � / � / 418 / 121 / 539 / 二、上年结转…」); returns it if given its values."""
    first, key = labels[0]
    at = keys.index(key)
    if at == 0 or keys[at - 1] in found or keys[at - 1] in values_of:
        return []
    before = keys[at - 1]
    start = first
    while start > 0 and tokens[start - 1].kind != TEXT:
        start -= 1
    run = tokens[start:first]
    lost = 0
    while lost < len(run) and run[lost].kind == NA and run[lost].text == LOST:
        lost += 1
    values = run[lost:]
    if not lost or start == 0 or not 1 < len(values) <= len(table.row(before).columns):
        return []
    if len({t.line for t in run[:lost]}) != lost or {t.line for t in run[:lost]} & {t.line for t in values} \
            or tokens[start - 1].line in {t.line for t in run}:
        return []  # (a lost character among cells, or beside the header's words: no label's lines)
    if not (all(t.kind == NUM for t in values) and adds_up_without_blanks(values) and any(t.value for t in values)):
        return []
    values_of[before] = values
    report.flags.append(Flag(f"{table.section}.{before}", "parse",
                             LOST_FIRST_LABEL.format(table.row(before).label, table.row(key).label)))
    return [before]
