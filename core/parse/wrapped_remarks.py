"""A count's remark in brackets that its narrow cell wraps over the lines below, in a page's text.

A cell printing 「2（其中网上申请1件）」 in a column too narrow for it wraps as a PDF lays it out:
「2 （ 其」 ends the row's line, 「中网上」, 「申请 1」 and 「件）」 follow under it on lines of their own
(pdftotext -layout, zoo pq4405 r0028). The remark's own numbers are no cells: tokenize reads a
remark whole on one run as no count (tokens._COUNT_REMARK), but the 「1」 of a wrapped one stands
alone on its line, under the count's column, and was read as a value of the row (a cell wrong and a
value offered for it on a right report). Here the numbers between the bracket opened after a count
and the bracket closing it, under the count's column, are found, for the parser to leave out.
"""
from __future__ import annotations

from core.parse.columns import display_width
from core.parse.tokens import NUM, TEXT, Token

_MAX_LINES = 6  # lines a wrapped remark may run over below its count's


def wrapped_remark_numbers(tokens: list[Token], text: str) -> list[Token]:
    """The numbers printed inside a remark in brackets wrapped below the count it follows: after
    a count, on its line and last there, a text opening a bracket it does not close; then, on the
    next lines, under the count's column or right of it, the numbers up to the text closing the
    bracket (each alone there: no other number on its line). Empty unless the bracket closes."""
    found: list[Token] = []
    for at, token in enumerate(tokens):
        if token.kind != TEXT or token.text[:1] != "(" or ")" in token.text or not at \
                or tokens[at - 1].kind != NUM or tokens[at - 1].line != token.line \
                or (at + 1 < len(tokens) and tokens[at + 1].line == token.line):
            continue  # (most tokens: no bracket opened after a count, ending its line)
        count = tokens[at - 1]
        left = _column(text, count) - 1
        inside: list[Token] = []
        for later in tokens[at + 1:]:
            if later.line > token.line + _MAX_LINES:
                break
            if later.kind == NUM:
                if _column(text, later) >= left:
                    inside.append(later)
                continue
            if later.kind == TEXT and later.text.endswith(")") and "(" not in later.text \
                    and _column(text, later) >= left:
                if all(sum(1 for t in tokens if t.line == number.line and t.kind == NUM) == 1 for number in inside):
                    found += inside
                break
    return found


def _column(text: str, token: Token) -> int:
    """The display column the token starts at in its line."""
    return display_width(text[text.rfind("\n", 0, token.start) + 1:token.start])
