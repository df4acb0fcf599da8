"""表二's values printed inside section 三, before 表三's header.

Plain pdftotext prints the page's columns as blocks in turn, so 表二's last values (its 本年增/减
among them) may come after section 三's heading and the labels of 表三's first rows, before 表三's
header ("申请人情况"...). 表三 counts are never signed, so a signed number there proves that 表二
prints there, and 表三's own values after its header: the values before the header (numbers and
placeholders) are no cells of 表三's. The parser takes them out of its tokens, else read into
「二、上年结转」 with the values of rows 一 and 二 printed after the header, and the sum of its
counts leaves them out.
"""
from __future__ import annotations

from typing import Optional, Sequence

from core.model import MISSING, Flag, Report, known
from core.parse.stored_cells import cell_from_token
from core.parse.pdfblocks import _column_name, column_blocks, later_columns
from core.parse.tokens import NA, NUM, TEXT, Token
from core.template import Table

# 表三's header: the words over its columns (not its note "勾稽关系", printed by its heading)
_HEADER = ("申请人情况", "自然人")


def t2_values(tokens: list[Token]) -> list[Token]:
    """The values (numbers and placeholders) of 表三's tokens printed before its header where one of
    them is signed."""
    header = next((i for i, t in enumerate(tokens) if t.kind == TEXT and any(w in t.text for w in _HEADER)), None)
    if header is None:
        return []
    if not any(t.kind == NUM and t.text[:1] in "+-" for t in tokens[:header]):
        return []
    return [t for t in tokens[:header] if t.kind in (NUM, NA)]


def t2_complete_columns(report: Report, table: Table, tokens: dict[int, list[Token]],
                        section3_text: Optional[str] = None) -> None:
    """表二's later columns printed as blocks after section 三's heading (core.parse.pdfblocks) where
    not every one prints a value for each row of its block (blank cells leave no trace, so
    t2_column_blocks leaves them all). A column printing, right under its header, as many values as
    its block has rows prints one for each row, top row first (a value printed apart, after an empty
    line, is a short column's): those go to their cells (where the row left them unread); so does
    one printing a value for each row that must print one (see _rows_printing), none printed apart.
    The others cannot tell whose their values are, and stay unread. Every value under the headers
    is 表二's (the headers name its columns), so all leave section 三's tokens. `section3_text`: the
    texts of section 三's tokens joined, where the caller has them (else joined here)."""

    columns = later_columns(table)
    if not columns or not tokens.get(3):
        return
    # the blocks start at the first column's name, a text of its own once its white space is
    # taken out: where section 三's texts, so joined, do not hold it, there are none (one scan of
    # them all instead of one a text; str.split() cuts at the very characters _SPACES takes out)
    if section3_text is None:
        section3_text = "".join([t.text for t in tokens[3] if t.kind == TEXT])
    words = "".join(section3_text.split())
    if _column_name(columns[0][1]) not in words:
        return
    found = column_blocks(tokens[3], columns)
    if found is None:
        return
    own, loose, used = found
    placed: dict[str, list[str]] = {}  # row -> the columns read from their blocks
    for values, (column, _, named) in zip(own, columns):
        rows: Sequence[str] = named
        if len(values) < len(rows) and not loose:  # (a value printed apart may be any short column's)
            rows = _rows_printing(report, table, column, named, values)
        if len(values) != len(rows):
            continue
        kind = next(c.kind for c in table.row(rows[0]).columns if c.key == column)
        if kind != "signed" and any(t.value is not None and t.value < 0 for t in values):  # (NUM tokens)
            continue  # a negative count is another column's value (本年增/减): the block is not this column's
        paths = [f"{table.section}.{row}.{column}" for row in rows]
        if any(report.cells[path].state != MISSING for path in paths):
            continue  # read there already: the row's reading stands
        for row, path, token in zip(rows, paths, values):
            report.cells[path] = cell_from_token(token, kind, report, path)
            placed.setdefault(row, []).append(column)
    for row, read in placed.items():
        label = table.row(row).label
        names = "、".join(f"「{c.label}」" for c in table.row(row).columns if c.key in read)
        report.flags.append(Flag(f"{table.section}.{row}", "inferred", f"「{label}」行{names}的数值印在其列名之下"
                                 "（PDF文字顺序），已按行序归位，请对照原文核对"))
    tokens[3][:] = [t for t in tokens[3] if id(t) not in used]


# 2019 第（一）项: what is newly published counts in the total published (对外公开总数量)
_COUNTED_IN = {"total_published": "new_published"}


def _rows_printing(report: Report, table: Table, column: str, rows: tuple[str, ...], values: list[Token]
                   ) -> Sequence[str]:
    """The rows of a column printing fewer values than its block has rows that must print one: a
    row publishing anything new this year has a total published at least as large. When the values
    are exactly as many, each at least its row's new count, they are those rows' (top row first);
    else every row, which no longer match the values' number (nothing is placed)."""
    part = _COUNTED_IN.get(column)
    if part is None:
        return rows
    counts = [report.cells[f"{table.section}.{row}.{part}"].arithmetic for row in rows]
    if not known(counts):
        return rows  # a count unread: whether its row must print a total is unknown
    needing = [(row, count) for row, count in zip(rows, counts) if count > 0]
    if len(needing) != len(values) or any(t.value is None or t.value < count for t, (_, count) in zip(values, needing)):
        return rows  # (a value not NUM's, or below its row's count)
    return [row for row, _ in needing]
