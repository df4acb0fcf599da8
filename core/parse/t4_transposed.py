"""表四 printed with rows and columns exchanged, as an agency whose page is too narrow for fifteen
columns prints it: a row for each column of the template (结果维持, 结果纠正, 其他结果, 尚未审结,
总计), each printing one value for each group, under a header naming the groups (行政复议, then
行政诉讼 over 未经复议直接起诉 and 复议后起诉). Read in printed order, 行政复议 took 结果维持's three
values and 结果纠正's first two: three 错误 on a right report.
"""
from __future__ import annotations

from typing import Optional

from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token

_COLUMNS = {"结果维持": 0, "结果纠正": 1, "其他结果": 2, "其它结果": 2, "尚未审结": 3, "总计": 4, "合计": 4}
# each group by a word only its name holds (pdftotext may break 「未经复议直接起诉」 over two lines)
_GROUPS = (("行政复议", 0), ("未经复议", 1), ("复议后", 2))
GROUPS = 3
_FIRST_ROWS = frozenset(name for name in _COLUMNS if _COLUMNS[name] != 4)  # (a row of parts first)


def t4_transposed(table: list[Token]) -> Optional[list[Token]]:
    """表四's 15 values in the template's order (group after group), where its tokens print it
    transposed: after the section's heading, a header naming the three groups (each once), then
    five lines each opening with a column's name (each once) and printing three values, nothing
    else up to the last; None otherwise."""
    first = next((n for n, t in enumerate(table) if t.kind in (NUM, NA)), 0)
    if not first or table[first - 1].kind != TEXT or "".join(table[first - 1].text.split()) not in _FIRST_ROWS:
        return None  # (nearly every 表四: its header's last name, 总计, or all of them, before its first value)
    names = [n for n, t in enumerate(table) if t.kind == TEXT and "".join(t.text.split()) in _COLUMNS]
    if len(names) != len(set(_COLUMNS.values())) or not names or names[0] < 2:
        return None
    header = "".join("".join(t.text.split()) for t in table[1:names[0]] if t.kind == TEXT)
    places = [(header.find(word), group) for word, group in _GROUPS]
    if any(at < 0 or header.count(word) != 1 for (at, _), (word, _) in zip(places, _GROUPS)):
        return None
    group_order = [group for _, group in sorted(places)]
    cells: list[Optional[Token]] = [None] * (GROUPS * len(names))
    seen = set()
    for k, at in enumerate(names):
        end = names[k + 1] if k + 1 < len(names) else _row_end(table, at)
        row = table[at + 1:end]
        if any(t.kind == TEXT for t in row):
            return None
        if len(row) != GROUPS:
            row = [t for t in row if t.kind != EMPTY]
        if len(row) != GROUPS or any(t.kind not in (NUM, NA, EMPTY) for t in row):
            return None
        column = _COLUMNS["".join(table[at].text.split())]
        if column in seen:
            return None
        seen.add(column)
        for group, token in zip(group_order, row):
            cells[group * len(names) + column] = token
    if any(c is None for c in cells):
        return None
    return [c for c in cells if c is not None]


def _row_end(table: list[Token], at: int) -> int:
    """Where the last named row's values end: at the first text after them (prose, a note)."""
    return next((n for n in range(at + 1, len(table)) if table[n].kind == TEXT), len(table))
