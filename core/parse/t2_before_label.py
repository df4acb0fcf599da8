"""A 表二 row's values printed right before its label, after column names.

Plain pdftotext prints a PDF's words in reading order: a one-line row's cell drawn a little higher
than its label prints before it, right after the column names over it: 「第二十条第（八）项 / 信息内容 /
本年收费金额（单位：万元） / 0 / 行政事业性收费」, then section 三's heading (p3708 r0022; on a page
repeating 表二's header the names are 第（一）项's: 「现行有效件数 / 0.10 / 行政事业性收费」, p3708 r0021).
Read by the labels, 行政事业性收费 printed nothing, and its value was no row's, or the row's above
when that row's label printed before the block's heading: 「行政强制 / 第二十条第（八）项 / 信息内容 /
本年收费金额（单位：万元） / 0.74 / 行政事业性收费」 (pq3603 r0040: 0.74 read as 行政强制's).

A row printing no value between its label and the next label (or the section's end) takes the
values printed right before its label when they are as many as its columns, numbers or
placeholders, a column name of 表二 right before them, and no cell was read from any of them, or
only the cells of another row none of whose columns bears that name while the name is this row's
own (a value under 本年收费金额 is 行政事业性收费's, not 行政强制's): that row is then unread. Rows
are taken from the last up, so that a row losing its value that way may take those printed before
its own label in turn (pq3404 r0036: 「0 / 行政强制」).
"""
from __future__ import annotations

from core.model import MISSING, Flag, Report
from core.parse.labels import find_labels
from core.parse.pdfblocks import _SPACES, _column_name, _column_names
from core.parse.stored_cells import UNREAD, store_row
from core.parse.tokens import NA, NUM, TEXT, Token
from core.template import Row, Table

VALUES_BEFORE_LABEL = "「{}」行的数值印在本行标签之前、列名之后（PDF文字顺序），本行标签后未印数值，已归入本行，请对照原文核对"
VALUE_OF_ROW_BELOW = "「{}」行标签后的数值印在「{}」行的列名「{}」之下，属该行（PDF文字顺序），本行未印出数值，请对照原文核对"


def t2_values_before_labels(report: Report, table: Table, tokens: list[Token]) -> None:
    """Store each unread 表二 row whose values print right before its label (see the module's
    docstring), its flag saying so in place of the one saying it printed nothing."""
    labels = find_labels(table, tokens)
    bounds = [i for i, _ in labels] + [len(tokens)]
    taken: set[int] = set()  # ids of the tokens a row below took
    for n in range(len(labels) - 1, -1, -1):
        index, key = labels[n]
        if _prints_a_value(tokens, index + 1, bounds[n + 1], taken):
            continue  # (most rows: a value right after the label)
        row = table.row(key)
        if any(report.cells[f"section2.{key}.{c.key}"].state != MISSING for c in row.columns):
            continue
        width = len(row.columns)
        first = index - width
        if first < 1 or (n and first <= labels[n - 1][0]):
            continue
        values = tokens[first:index]
        name = _SPACES.sub("", tokens[first - 1].text)
        if any(t.kind not in (NUM, NA) for t in values) or tokens[first - 1].kind != TEXT \
                or name not in _column_names(table):
            continue
        spans = {(t.start, t.end) for t in values}
        holders = {path.rsplit(".", 1)[0] for path, cell in report.cells.items() if cell.span in spans}
        if holders and not _taken_from_another_block(table, row, name, holders):
            continue
        column = next((c.label for c in row.columns if _column_name(c.label) == name), "")
        for holder in sorted(holders):
            other = table.row(holder.split(".")[1])
            for c in other.columns:
                report.cells[f"{holder}.{c.key}"] = UNREAD
            report.flags = [f for f in report.flags if f.cell != holder]
            report.flags.append(Flag(holder, "parse", VALUE_OF_ROW_BELOW.format(other.label, row.label, column)))
        store_row(report, table, key, values)
        taken.update(map(id, values))
        cell = f"section2.{key}"
        report.flags = [f for f in report.flags if not (f.cell == cell and f.kind == "parse")]
        report.flags.append(Flag(cell, "inferred", VALUES_BEFORE_LABEL.format(row.label)))


def _prints_a_value(tokens: list[Token], start: int, end: int, taken: set[int]) -> bool:
    """Whether tokens[start:end] hold a value (a number or a placeholder) no row below took."""
    for i in range(start, end):
        token = tokens[i]
        if token.kind != TEXT and id(token) not in taken:
            return True
    return False


def _taken_from_another_block(table: Table, row: Row, name: str, holders: set[str]) -> bool:
    """Whether values the rows `holders` ("section2.coercion") read are this row's: printed under
    the name of one of its own columns, which none of those rows has."""
    if name not in {_column_name(c.label) for c in row.columns}:
        return False
    for holder in holders:
        section, key = holder.split(".")
        if section != "section2" or name in {_column_name(c.label) for c in table.row(key).columns}:
            return False
    return True
