"""A 表三 row's first count printed before its label, alone after the label of the row above.

Plain pdftotext prints a PDF's words in reading order: a row's first cell drawn a little higher
than its label (a label wrapping onto two lines, vertically centred) prints before the label, right
after the row above's label: 「3.其他 / 22 / （七）总计 / 2 / 24」 (s3007 r0031: a table leaving its 0s
blank). Read by the labels, 3.其他 held a lone 22 and （七）总计 2 … 24; the sums then offered
（七）总计's 总计 = 2 on a consistent report.

A lone count other than 0 is no row where the table prints its 总计 (its 总计 would print it too), and
the row below, not adding up, adds up with it first: it is the row below's first value.
"""
from __future__ import annotations

from core.model import CHECK_WITH_SOURCE, Flag, Report
from core.parse.row_sums import adds_up_without_blanks
from core.parse.tokens import NUM, Token
from core.template import Table

COUNT_BEFORE_LABEL = ("「{0}」行的第一个数值（{1}）印在本行标签之前、「{2}」行标签之后（PDF文字顺序）：「{2}」行只有这一个数，"
                      "不成一行，本行连同它才合计相符，已归入本行，" + CHECK_WITH_SOURCE)


def give_lone_counts_down(report: Report, table: Table, tokens: list[Token], labels: list[tuple[int, str]],
                          values_of: dict[str, list[Token]]) -> list[str]:
    """Give a row's lone count, on a line apart from its label, to the row found right after it
    where that row adds up with it as its first value and not without it, in a table whose rows
    print their 总计 (two rows at least adding up so); returns the rows given one."""
    given: list[str] = []
    totalled = None  # (weighed only for a row printing one count: most tables have none)
    for (at, above), (next_at, below) in zip(labels, labels[1:]):
        lone = values_of.get(above)
        if not lone or len(lone) != 1 or lone[0].kind != NUM or not lone[0].value \
                or not tokens[at].line < lone[0].line < tokens[next_at].line:
            continue
        values = values_of.get(below) or []
        if not values:
            continue
        if totalled is None:
            totalled = sum(len(v) > 1 and any(t.kind == NUM and t.value for t in v) and adds_up_without_blanks(v)
                           for v in values_of.values())
        if totalled < 2:
            return given
        if len(values) + 1 > len(table.row(below).columns) or len(table.row(above).columns) != len(table.row(below).columns):
            continue
        if adds_up_without_blanks(values) or not adds_up_without_blanks(lone + values):
            continue
        values_of[above], values_of[below] = [], lone + values
        report.flags.append(Flag(f"{table.section}.{below}", "inferred", COUNT_BEFORE_LABEL.format(
            table.row(below).label, report.text[lone[0].start:lone[0].end], table.row(above).label)))
        given.append(below)
    return given
