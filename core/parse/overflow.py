"""Cells printing 「###」: the mark Excel shows in a cell whose number is too wide for its column,
copied or exported as text. The number is not printed: read as a blank it was a 0, the sums then a
false 错误. The readers of 表二's and 表三's rows (parser.parse_rows) and of 表四 (t4.parse_t4) place
such a cell as a blank holding its place, as parse does with a mark printed a line of its own in
表二 and 表四 (plain pdftotext: lone_overflow_marks); here it is left unread and flagged (the check
offers the value the template's sums fix: rules.overflow_values)."""
from __future__ import annotations

from core.model import BLANK, MISSING, CellValue, Flag, Report
from core.parse.tokens import EMPTY, OVERFLOW_MARKS, TEXT, Token
from core.readers.document import Line
from core.template import Table

_NOT_PRINTED = "（Excel表格列宽不足时显示的符号，数值没有印出），未能读取，"
OVERFLOW_CELL = "「{0}」×「{1}」单元格印为「{2}」" + _NOT_PRINTED + "请对照原文填写"
OVERFLOW_IN_TABLE = "{0}有单元格印为「{1}」" + _NOT_PRINTED + "请对照原文核对"  # (a mark no cell took)


def overflow_cells_unread(report: Report, table: Table, marks: list[Token]) -> None:
    """The cells placed where a 「###」 prints (read as blanks holding its place): unread, each
    flagged; a mark no cell took is said of the table."""
    where = {(t.start, t.end): t for t in marks}
    for row in table.rows:
        for column in row.columns:
            path = f"{table.section}.{row.key}.{column.key}"
            cell = report.cells.get(path)
            if cell is not None and cell.state == BLANK and cell.span in where:
                mark = where.pop(cell.span)
                report.cells[path] = CellValue(None, MISSING, mark.text, cell.span)
                report.flags.append(Flag(path, "parse", OVERFLOW_CELL.format(row.label, column.label, mark.text)))
    for mark in where.values():
        report.flags.append(Flag(table.section, "parse", OVERFLOW_IN_TABLE.format(table.title, mark.text)))


def overflow_mark(tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] is a cell printing 「###」 alone: a mark after another token on its
    line, or before a value on it (a line's 「##」 before text is a Markdown heading's mark)."""
    token = tokens[index]
    if token.kind != TEXT or token.text[:2] != "##" or not OVERFLOW_MARKS.match(token.text):
        return False
    if index and tokens[index - 1].line == token.line:
        return True
    return index + 1 < len(tokens) and tokens[index + 1].line == token.line and tokens[index + 1].kind != TEXT


def lone_overflow_marks(tokens: dict[int, list[Token]], lines: list[Line]) -> dict[int, list[Token]]:
    """The cells printing 「###」 each the one cell of its line, at its start, in the tables' `tokens`
    (plain pdftotext prints a table's cells a paragraph each; pdftotext -layout's line of a mark
    wrapped in its cell, indented to its column, is not such a cell), by table: each replaced in
    `tokens` by a blank holding its place (a TEXT token, the readers of such a text passed it by,
    and the row's values after it moved a cell to the left)."""
    found: dict[int, list[Token]] = {}
    for n, table in tokens.items():
        index = 0
        while index < len(table):
            token = table[index]
            if token.kind == TEXT and token.text[:2] == "##" and OVERFLOW_MARKS.match(token.text) \
                    and len(lines[token.line].cells) == 1 and not lines[token.line].grid \
                    and lines[token.line].cells[0].text[:1] in "#＃" \
                    and not lines[token.line].cells[0].text.strip().strip("#＃"):
                # (the line prints the mark alone, at its start: a laid-out line's place is its
                # column's, a Markdown heading's 「##」 is followed by its words)
                after = table[index + 1] if index + 1 < len(table) else None
                if after is not None and after.kind == TEXT and after.line == token.line + 1 \
                        and not after.text.strip("#＃") and len(lines[after.line].cells) == 1:
                    # (the mark wrapped in its narrow cell, 「##」 then 「#」: one mark)
                    del table[index + 1]
                    token = Token(TEXT, token.text + after.text, token.start, after.end, token.line)
                found.setdefault(n, []).append(token)
                table[index] = Token(EMPTY, "", token.start, token.end, token.line)
            index += 1
    return found
