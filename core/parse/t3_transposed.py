"""表三 printed transposed: its rows and columns exchanged, as an agency typing it on a landscape
page lays it out. A line for each applicant column (自然人, 商业企业 … 其他, 总计: its name, then
one value for each of the template's rows), under a header naming the template's rows (一、本年新收
…, 三、本年度办理结果 over its result rows, 四、结转下年度) across the page.

Read only where the geometry leaves nothing to guess: the seven column names each begin a line of
their own, in the template's order, each printing exactly as many values as the table has rows,
and the header names every row, each header line naming its rows in the template's order. The
values then lie in the template's row order, the k-th of a line in the k-th row."""
from __future__ import annotations

import re
from typing import Optional

from core.model import Report
from core.parse.labels import LABEL_NOISE
from core.parse.stored_cells import store_row
from core.parse.tokens import TEXT, Token
from core.template import Table

# each column's names as its line prints it (the 法人或其他组织 group's merged cell may run into
# 商业企业's line); 社会组织 is a common short form of 社会公益组织
_COLUMN_NAMES = (("自然人",), ("商业企业",), ("科研机构",), ("社会公益组织", "社会组织"), ("法律服务机构",),
                 ("其他",), ("总计", "合计"))
_GROUP = "法人或其他组织"
_OTHER = re.compile(r"3\s*[.、．]\s*其[他它]")  # （六）'s last row, 「3.其他」


def _column_of(text: str) -> Optional[int]:
    """The applicant column a line's first run names (its whole text), or None."""
    name = LABEL_NOISE.sub("", text).replace(_GROUP, "")
    for index, names in enumerate(_COLUMN_NAMES):
        if name in names:
            return index
    return None


def _header_rows(table: Table, header: list[Token]) -> Optional[list[str]]:
    """The rows the header names, line by line (a line's cells may run into one run), each
    line's in the template's order; None where a line names one out of order or twice."""
    texts: dict[int, str] = {}
    for token in header:
        if token.kind == TEXT:
            texts[token.line] = texts.get(token.line, "") + token.text
    named: list[str] = []
    for text in texts.values():
        at = []
        for row in table.rows:
            starts = [text.find(keyword) for keyword in row.keywords if keyword in text]
            if row.key == "other_other" and (other := _OTHER.search(text)):
                starts = [other.start()]  # (「3.其他」, the one row no keyword names)
            if starts:
                at.append((min(starts), row.key))
        keys = [key for _, key in sorted(at)]
        if keys != [row.key for row in table.rows if row.key in keys]:
            return None  # (out of the template's order, or a word of one row inside another's label)
        named.extend(keys)
    return named


def read_transposed_t3(report: Report, table: Table, tokens: list[Token]) -> bool:
    """Store 表三 from a transposed table in section 三's tokens; whether it was one."""
    if not any(tokens[i + 1].kind != TEXT and tokens[i + 1].line == tokens[i].line
               for i, t in enumerate(tokens[:-1]) if t.kind == TEXT and _COLUMN_NAMES[0][0] in t.text):
        return False  # (most tables: 自然人 in their header, no value beside it)
    width = len(table.rows)
    lines: dict[int, list[Token]] = {}
    first_at: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.kind != TEXT or token.line in lines or len(token.text) > 20:
            continue
        column = _column_of(token.text)
        if column is None or column in first_at.values():
            continue
        values = []
        for t in tokens[index + 1:]:
            if t.line != token.line:
                break
            values.append(t)
        if len(values) != width or any(t.kind == TEXT for t in values):
            if not first_at:
                return False  # (自然人 first: most tables print it in their header, no values beside it)
            continue
        lines[token.line] = values
        first_at[token.line] = column
    if sorted(first_at.values()) != list(range(len(_COLUMN_NAMES))):
        return False
    ordered = sorted(first_at)  # (the lines in print order: their columns in the template's)
    if [first_at[line] for line in ordered] != list(range(len(_COLUMN_NAMES))):
        return False
    header = [t for t in tokens if t.line < ordered[0]]
    named = _header_rows(table, header)
    if named is None or sorted(named) != sorted(row.key for row in table.rows):
        return False
    for r, row in enumerate(table.rows):
        store_row(report, table, row.key, [lines[line][r] for line in ordered])
    report.tables.append(table.section)
    return True
