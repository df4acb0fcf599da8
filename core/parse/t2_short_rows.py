"""表二 rows printing fewer values than columns, their blank cells leaving no trace.

Which column a value printed alone stands in, the text cannot tell: the row's gaps are gone. What
the template says about the columns can, in part, and the rest is a choice the flag owns up to:

- 2021 第（一）项 本年制发件数 · 本年废止件数 · 现行有效件数: T2-2 (本年制发件数 ≤ 现行有效件数 +
  本年废止件数) rules out a count issued with nothing in force nor repealed, and nothing tells
  本年废止件数 from 现行有效件数: a value alone stays out of the cells (本年制发件数 read blank), the flag naming it. Of two
  values, a first one above the second cannot be 本年制发件数 either (T2-2 again): 本年废止件数 ·
  现行有效件数; two counts above 0 otherwise 本年制发件数 · 现行有效件数, what was issued this year
  being in force at its end.
- 2019 第（一）项 本年新制作数量 · 本年新公开数量 · 对外公开总数量: what is newly published counts
  in the total published, so a value alone is read as 对外公开总数量, and two values never leave
  the total blank.
- 2019 上一年项目数量 · 本年增/减 · 处理决定数量: 本年增/减 prints its sign ("+3", "-2"), so a
  value with one is the change; an unsigned value alone is read as 处理决定数量, the one count of
  these rows the 2021 template kept (上一年项目数量 the other reading); two unsigned values are the
  items and the decisions.
- 2019 政府集中采购 采购项目数量 · 采购总金额: an amount is never spent on no purchase, so an
  integer alone is the count; a decimal alone (counts are integers) the amount.
"""
from __future__ import annotations

from typing import Optional

from core.model import Number, known
from core.parse.tokens import EMPTY, NA, NUM, Token

_DOCS_2021 = ("issued", "repealed", "in_force")
_DOCS_2019 = ("new_made", "new_published", "total_published")
_ITEMS_2019 = ("prev_items", "change", "decisions")
_PROCUREMENT = ("count", "amount")


def _signed(token: Token) -> bool:
    return token.kind == NUM and token.text[:1] in "+-"


def _count(token: Token) -> Optional[Number]:
    """What a printed cell counts: its number, 0 for a placeholder; None for text."""
    return token.value if token.kind == NUM else 0 if token.kind in (NA, EMPTY) else None


def place_short_row(row, values: list[Token]) -> tuple[list[Optional[Token]], str]:
    """The row's cells (None: not printed, or unknown) and why they stand there, for the flag ("" when
    read from the first column, as printed: where no principle places them, or the row prints
    nothing above 0, a row of zeros whichever way it is read)."""
    width = len(row.columns)
    keys = tuple(c.key for c in row.columns)
    in_order: list[Optional[Token]] = (values + [None] * width)[:width]
    counts = [_count(t) for t in values]
    if not values or len(values) >= width or not known(counts) or not any(counts):
        return in_order, ""

    def at(*columns: str) -> list[Optional[Token]]:
        placed: list[Optional[Token]] = [None] * width
        for token, column in zip(values, columns):
            placed[keys.index(column)] = token
        return placed

    labels = {c.key: c.label for c in row.columns}
    one = len(values) == 1  # (then a number above 0)
    first = values[0]
    if keys == _DOCS_2021:
        if one:
            # (本年制发件数 is then one of the blank cells: read blank, the row not left unread)
            blank = [Token(EMPTY, "", first.start, first.start, first.line)]
            return blank + [None] * (width - 1), (
                f"本年制发件数不超过现行有效件数与本年废止件数之和，单独一个数（{first.text}）不会是本年制发件数，"
                f"是{labels['repealed']}还是{labels['in_force']}无法确定，两格留空")
        if counts[0] > counts[1]:
            return at("repealed", "in_force"), (f"前一个数大于后一个数，按本年制发件数不超过现行有效件数与本年废止件数"
                                                f"之和，只能是{labels['repealed']}和{labels['in_force']}")
        if not counts[0]:  # (a 0 issued tells nothing of where the other stands)
            return in_order, ""
        return at("issued", "in_force"), (f"已按{labels['issued']}和{labels['in_force']}读取"
                                          f"（本年制发的文件年末一般仍现行有效；也可能是另一种组合）")
    if keys == _DOCS_2019:
        if one:
            return at("total_published"), (f"本年新公开的也计入对外公开总数量，单独一个数已按{labels['total_published']}"
                                           f"读取（也可能是{labels['new_made']}）")
        return at("new_made", "total_published"), (f"本年新公开的也计入对外公开总数量，两个数中后一个按"
                                                   f"{labels['total_published']}读取，前一个按{labels['new_made']}读取"
                                                   f"（也可能是{labels['new_published']}）")
    if keys[:2] == _ITEMS_2019[:2]:
        if one and _signed(first):
            return at("change"), f"带正负号的数是{labels['change']}"
        if one and width == 3:
            return at("decisions"), (f"不带正负号的单独一个数已按{labels['decisions']}读取（2021年版模板此类事项只保留"
                                     f"处理决定数量一列；也可能是{labels['prev_items']}）")
        if one:
            return at("prev_items"), f"不带正负号的数不是{labels['change']}，已按{labels['prev_items']}读取"
        if width == 3 and _signed(first):
            return at("change", "decisions"), f"带正负号的数是{labels['change']}，其后的数按{labels['decisions']}读取"
        if width == 3 and values[1].kind == NUM and not _signed(values[1]):
            return at("prev_items", "decisions"), (f"不带正负号的第二个数不是{labels['change']}，"
                                                   f"已按{labels['prev_items']}和{labels['decisions']}读取")
        return in_order, ""
    if keys == _PROCUREMENT and one:
        if "." in first.text:
            return at("amount"), f"带小数的数不是项目数量，已按{labels['amount']}读取"
        return at("count"), f"有采购金额必有采购项目，单独一个整数已按{labels['count']}读取"
    return in_order, ""
