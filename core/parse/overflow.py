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


def _mark_piece(token: Token) -> bool:
    return token.kind == TEXT and bool(token.text) and not token.text.strip("#＃")


def wrapped_overflow_marks(tokens: dict[int, list[Token]], lines: list[Line], text: str) -> None:
    """A 「###」 wrapped in its narrow cell: a PDF's ruled cell 「## #」 (_join_cell_pieces), and
    pdftotext -layout's pieces of it (「##」 on the line above its row, 「#」 on
    the line below, or its rest below the row printing its start) or printed a line above or below
    its row (the row's other cells centred on the label's wrapped lines): each piece alone on its
    laid-out line, indented to its column. Read as the lines come, the mark was no row's cell, and
    its row printed a value fewer (a blank under 总计 then failing every sum through it). Each mark is
    made one token of its row's line (its pieces' text joined, the first piece's span), put among
    the row's values by its column, where the readers of a row take a mark after a value for a cell
    printing 「###」 (overflow_mark). Changes `tokens` in place; a line printing more than the piece,
    or a piece whose row is not one line of values beside it (two rows of values beside it, none
    leaving its column free), is left as it is."""
    for table in tokens.values():
        _join_cell_pieces(table, text)
        lone = [i for i, t in enumerate(table) if _mark_piece(t) and _alone(table, i)
                and _indented(lines[t.line])]
        if not lone:
            continue
        moves: dict[int, tuple[int, Token]] = {}  # a lone piece's index -> its row's line, the token it becomes
        joined: dict[int, Token] = {}  # a row's own mark (index) -> the mark with its pieces
        taken: set[int] = set()
        for i in lone:
            if i in taken:
                continue
            piece = table[i]
            column = _column(text, piece)
            rows = [n for n in (piece.line - 1, piece.line + 1) if _values_on(table, n)]
            own = [(j, t) for j, t in enumerate(table) if t.line in rows and _mark_piece(t) and j not in lone
                   and abs(_column(text, t) - column) <= 2]
            if own:  # the rest of a mark its row prints: joined to it
                j, mark = own[0]
                mark = joined.get(j, mark)
                first, second = (piece, mark) if piece.start < mark.start else (mark, piece)
                joined[j] = Token(TEXT, first.text + second.text, mark.start, mark.end, mark.line)
                taken.add(i)
                continue
            other = next((k for k in lone if k != i and k not in taken and abs(table[k].line - piece.line) == 2
                          and abs(_column(text, table[k]) - column) <= 2), None)
            if other is not None and _values_on(table, (piece.line + table[other].line) // 2):
                row = (piece.line + table[other].line) // 2
                first, second = sorted((piece, table[other]), key=lambda t: t.start)
                mark = Token(TEXT, first.text + second.text, first.start, first.end, row)
                taken.update((i, other))
            elif len(rows) == 1 and _column_free(table, rows[0], text, piece, column):
                mark = Token(TEXT, piece.text, piece.start, piece.end, rows[0])
                taken.add(i)
            else:
                continue
            moves[i] = (mark.line, mark)
        if not moves and not joined:
            continue
        for j, mark in joined.items():
            table[j] = mark
        kept = [t for i, t in enumerate(table) if i not in taken]
        for _, mark in moves.values():
            # among its row's tokens by its column (after the label and every value left of it)
            at = max(n for n, t in enumerate(kept) if t.line == mark.line)
            while at >= 0 and kept[at].line == mark.line and _column(text, kept[at]) > _column(text, mark):
                at -= 1
            kept.insert(at + 1, mark)
        table[:] = kept


def _join_cell_pieces(table: list[Token], text: str) -> None:
    """A mark's pieces printed in one cell of a line, apart by spaces (a PDF's ruled cell 「## #」,
    the mark wrapped in it; a tab or a line break parts cells): one mark, the pieces' span."""
    index = 0
    while index + 1 < len(table):
        token, after = table[index], table[index + 1]
        if _mark_piece(token) and _mark_piece(after) and token.line == after.line \
                and not text[token.end:after.start].strip(" "):
            table[index] = Token(TEXT, token.text + after.text, token.start, after.end, token.line)
            del table[index + 1]
        else:
            index += 1


def _alone(table: list[Token], index: int) -> bool:
    line = table[index].line
    return (index == 0 or table[index - 1].line != line) and (index + 1 == len(table) or table[index + 1].line != line)


def _indented(line: Line) -> bool:
    """A laid-out line (pdftotext -layout): one cell, no grid, the piece far from the line's start."""
    return len(line.cells) == 1 and not line.grid and line.cells[0].text[:4] == "    "


def _column(text: str, token: Token) -> int:
    return token.start - text.rfind("\n", 0, token.start) - 1


def _values_on(table: list[Token], line: int) -> bool:
    return any(t.line == line and t.kind != TEXT for t in table)


def _column_free(table: list[Token], line: int, text: str, piece: Token, column: int) -> bool:
    """Whether no token of `line` overlaps the piece's columns, a value printed left of them."""
    end = column + (piece.end - piece.start)
    row = [t for t in table if t.line == line]
    if any(_column(text, t) < end and column < _column(text, t) + (t.end - t.start) for t in row):
        return False
    return any(t.kind != TEXT and _column(text, t) < column for t in row)
