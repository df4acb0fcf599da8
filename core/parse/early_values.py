"""Values printed before their own row's label, read into the row above them.

A PDF text extraction that reads the page line by line (pdfplumber) prints a row's values on
the line where they sit on the page, beside its label; when the row's label wraps over two lines the values sit between them, and a tool that
reads the page line by line may print them above the label's first line. The row above then
carries two rows' worth of values and the row itself none: the second run goes down to it.
Where blank cells leave no trace, neither run is a row's worth: the first is still a whole row
when it ends with its 总计 (its last value, the sum of the others), and whatever prints on the
lines after a row's 总计 is not that row's (its 总计 is its last column), when the two runs
together fail the row's sum (else they may be one row broken over lines).
"""
from __future__ import annotations

import re

from core.model import PLACED_BY_ORDER, Flag, Report
from core.parse.columns import token_number
from core.parse.row_sums import tokens_add_up
from core.parse.tokens import EMPTY, TEXT, Token
from core.template import Table

_PRINTED_BEFORE_LABEL = "「{}」行的数值印在行标签之前，已按位置归入该行，请对照原文核对"
# how a row placed by order was placed: by the template's order of rows alone, or with the sums
BY_ROW_ORDER, BY_ROW_ORDER_AND_SUMS = "模板行序", "模板行序和合计关系"
# (a row's or 表四's values placed by where they print, and not surely: what follows 「…」行 or 表四)
BY_POSITION = "的数值按版面位置归入各列，各数所在的列不够确定，请对照原文核对"


def placed_by_order(path: str, kind: str, label: str, how: str) -> Flag:
    """The flag of a row whose values printed apart from its label (a PDF's text order), put back
    by the template's order of rows (how: BY_ROW_ORDER…): one message and cause wherever found."""
    return Flag(path, kind, f"「{label}」行的数值与行标签错位印出（文字顺序错乱），已按{how}归位，请对照原文核对",
                (PLACED_BY_ORDER,))


def beside_labels(keys: list[str], values_of: dict[str, list[Token]], label_line: dict[str, int]) -> bool:
    """Whether most rows printing values print one on their label's line, as a page read line by
    line does (pdfplumber)."""
    printing = [k for k in keys if values_of[k]]
    beside = [k for k in printing if any(t.line == label_line[k] for t in values_of[k])]
    return bool(printing) and 2 * len(beside) > len(printing)


_DIGIT = re.compile(r"\d")


def one_a_paragraph_after_labels(tokens: list[Token], labels: list[tuple[int, str]],
                                 values_of: dict[str, list[Token]]) -> bool:
    """Whether the table prints each row's values as the only numbers after its label's text and
    before the next label, each alone on a line of its own, on the lines right after the label's,
    no empty line between (any text after them on later lines: a group's heading): a document's
    table one cell a paragraph, its blank cells leaving no trace (LibreOffice's plain text of a
    Word table), its rows as surely the table's as rows printed beside their labels."""
    bounds = [index for index, _ in labels] + [len(tokens)]
    printing = 0
    for n, (index, key) in enumerate(labels):
        values = [t for t in values_of.get(key) or () if t.kind != EMPTY]
        span = tokens[index + 1:bounds[n + 1]]
        if any(t.kind == TEXT and _DIGIT.search(t.text) is not None for t in span):
            return False  # (digits left unread between two labels: docx2txt's glued runs 「300/3」, 「1//0/1三、…」)
        cells = [t for t in span if t.kind != TEXT]
        if len(cells) != len(values) or any(a is not b for a, b in zip(cells, values)):
            return False  # (a value given to another row, or one its row left unread)
        if not values:
            continue
        printing += 1
        first, last = index + 1 + span.index(values[0]), index + 1 + span.index(values[-1])
        after = tokens[last + 1:bounds[n + 1] + 1]  # (the next label's first token too)
        if values[0].line != tokens[first - 1].line + 1 or values[-1].line - values[0].line != len(values) - 1 \
                or last - first + 1 != len(values) or any(t.line <= values[-1].line for t in after):
            # (after its values only a group's heading, on lines of its own: 「三、本年度办理结果」;
            # docx2txt's 「20012二、上年结转…」 glues a row's cells to the next label's line; lynx's
            # empty line between cells, or two where a blank cell was, is a trace _place_by_traces reads)
            return False
    return printing > 1


def _ends_a_line_early(values: list[Token]) -> bool:
    """Whether the values on the first line of `values` are a whole row ending with its 总计 (the
    last of them, not 0, the sum of the others), more values following on later lines, and all
    of them together are not (catdoc breaks a row's line at a blank cell: 「1 1」 then 「2」 is
    one row, 1 + 1 = 2, its first line adding up by chance)."""
    first = [t for t in values if t.line == values[0].line] if values else []
    return 1 < len(first) < len(values) and bool(token_number(first[-1])) and tokens_add_up(first) \
        and not tokens_add_up(values)


def give_early_values_down(table: Table, values_of: dict[str, list[Token]], label_line: dict[str, int],
                           report: Report) -> None:
    """Where a row holds more than a row's worth of values, or a whole row on its first line of
    values and more on the lines after it, and the next row found holds none, the values printed
    on the lines after the row's first line of values, above the next row's label, are that
    row's: exactly a row's worth each when the row holds two, else the lines split them (a blank
    cell leaves no trace, so either may be short)."""
    keys = [row.key for row in table.rows if row.key in values_of and row.key in label_line]
    if all(values_of[key] for key in keys[1:]):
        return  # every row below another holds values of its own (commonly so): none to give them
    if not any(len(values_of[key]) > len(table.row(key).columns) or _ends_a_line_early(values_of[key])
               for key in keys[:-1]):
        return  # no row holds more than a row's worth (commonly so): nothing to give down
    if not beside_labels(keys, values_of, label_line):
        return  # values stand apart from their labels (a stream read block by block): not this
    for above, below in zip(keys, keys[1:]):
        values, width = values_of[above], len(table.row(above).columns)
        if values_of[below] or width != len(table.row(below).columns):
            continue
        if len(values) > width:
            kept = values[:width] if len(values) == 2 * width else [t for t in values if t.line == values[0].line]
        elif _ends_a_line_early(values):
            kept = [t for t in values if t.line == values[0].line]  # a whole row: what follows is not its
        else:
            continue
        moved = values[len(kept):]
        if not moved or len(kept) > width or len(moved) > width \
                or not all(max(label_line[above], kept[-1].line) < t.line < label_line[below] for t in moved):
            continue
        values_of[above], values_of[below] = kept, moved
        if not (len(kept) == len(moved) == width and tokens_add_up(kept) and tokens_add_up(moved)):
            report.flags.append(Flag(f"{table.section}.{below}", "inferred",
                                     _PRINTED_BEFORE_LABEL.format(table.row(below).label)))


def give_stray_values_down(table: Table, values_of: dict[str, list[Token]], label_line: dict[str, int],
                           tokens: list[Token], report: Report) -> None:
    """In a table whose rows print their values beside their labels, values standing on lines of
    their own under a row's one-line label, right above a label that wraps onto the next line,
    are the wrapped row's (when it has none of its own): the row above printed nothing."""
    keys = [row.key for row in table.rows if row.key in values_of and row.key in label_line]
    if all(values_of[key] for key in keys[1:]):
        return  # every row below another holds values of its own (commonly so): none to give them
    if not beside_labels(keys, values_of, label_line):
        return  # values do not stand beside their labels: a stream of one cell a line, or of blocks
    label_lines = set(label_line.values())
    by_line: dict[int, list[Token]] = {}
    for token in tokens:
        by_line.setdefault(token.line, []).append(token)
    for above, below in zip(keys, keys[1:]):
        values = values_of[above]
        if not values or values_of[below] or len(table.row(above).columns) != len(table.row(below).columns):
            continue
        if not all(label_line[above] < t.line < label_line[below] for t in values):
            continue
        if any(t.kind == TEXT for line in range(label_line[above] + 1, values[0].line) for t in by_line.get(line, ())):
            continue  # the label above wraps down to its values: they follow its last line, as its own
        wrapped = label_line[below] + 1
        continued = by_line.get(wrapped, [])
        if wrapped in label_lines or not continued or any(t.kind != TEXT for t in continued):
            continue  # the label below does not wrap onto a line of its own
        values_of[above], values_of[below] = [], values
        report.flags.append(Flag(f"{table.section}.{below}", "inferred",
                                 _PRINTED_BEFORE_LABEL.format(table.row(below).label)))
