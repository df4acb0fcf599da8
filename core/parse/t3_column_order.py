"""表三's 法人或其他组织 columns printed in another order than the template's.

A table typed again by hand may print 商业企业, 科研机构, 社会公益组织, 法律服务机构 and 其他 in
another order (法律服务机构 first, 其他 before 科研机构). No sum can tell: every column adds up
whichever name it carries, and every row's 总计 is the sum of its parts in any order. Only the header
says which column is which, so where it names the five columns, each once and nothing else between
自然人 and the first row's label, in an order other than the template's, the values read in printed
order are moved to the columns the header names.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from core.model import Report
from core.parse.tokens import TEXT, Token
from core.template import Table

# the five columns of 法人或其他组织 in the template's order, each with the names real files print
_PARTS = (("commercial", ("商业企业",)), ("research", ("科研机构",)),
          ("social", ("社会公益组织", "社会组织")), ("legal", ("法律服务机构",)),
          ("other", ("其他", "其它")))
# header words that name no column of the five (总计 may print on their line, 法人或其他组织 above them)
_GROUP_NAMES = ("法人或其他组织", "法人或其它组织", "总计")
_FIRST_ROW = "本年新收"


def header_part_order(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """The keys of the five 法人或其他组织 columns in the order 表三's header prints them, or None
    when the header does not name each of them once, with nothing else between 自然人 and the first
    row's label (a header split over lines, or prose, is not read)."""
    texts = []
    for token in tokens:
        if token.kind != TEXT:
            continue
        at = token.text.find(_FIRST_ROW)
        if at >= 0:
            texts.append(token.text[:at])
            break
        texts.append(token.text)
    else:
        return None
    header = "".join("".join(texts).split())
    start = header.rfind("自然人")
    if start < 0:
        return None
    rest = header[start + 3:]
    # the label's numbering (一、) stays before the first row's words: left out with the punctuation
    for name in _GROUP_NAMES:
        rest = rest.replace(name, "")
    order: list[str] = []
    while rest:
        for key, names in _PARTS:
            name = next((n for n in names if rest.startswith(n)), None)
            if name is not None:
                if key in order:
                    return None
                order.append(key)
                rest = rest[len(name):]
                break
        else:
            if rest[0] in "一、()（）:：.·|":
                rest = rest[1:]
                continue
            return None
    return tuple(order) if len(order) == len(_PARTS) else None


def put_parts_in_header_order(report: Report, table: Table, tokens: list[Token]) -> None:
    """Move each row's five 法人或其他组织 cells, read in printed order, to the columns the header
    names (with their flags), where it names them in another order than the template's."""
    order = header_part_order(tokens)
    template_order = tuple(key for key, _ in _PARTS)
    if order is None or order == template_order:
        return
    section = table.section
    moved: dict[str, str] = {}  # path read in printed order -> the path its header names
    for row in table.rows:
        for printed, named in zip(template_order, order):
            moved[f"{section}.{row.key}.{printed}"] = f"{section}.{row.key}.{named}"
    cells = report.cells
    taken = {path: cells[path] for path in moved if path in cells}
    for path, cell in taken.items():
        cells[moved[path]] = cell
    report.flags[:] = [replace(f, cell=moved[f.cell]) if f.cell in moved else f for f in report.flags]
