"""表二's fee in the unit the report printed it in: the template's column is 本年收费金额（单位：万元）,
and a sum read as 万元 that was printed in 元 is 10 000 times too large with nothing to tell
(no equation holds the fee). A unit printed in the cell is the token's (stored_cells converts it);
this reads the two the tokens miss, once the readers of 表二 have stored the cell:
- the unit printed apart from the number, on the next line (a narrow cell wrapped 「1000」/「元」);
- the unit the column's header prints (「本年收费金额（单位：元）」, 「本年收费金额（元）」).
A unit of money other than these (「（单位：美元）」) is flagged, the value left as printed.
"""
from __future__ import annotations

import re
from typing import Optional

from core.model import NUMBER, CellValue, Flag, Report
from core.parse.stored_cells import TO_WAN_YUAN, in_wan_yuan

FEE = "section2.fees.amount"  # (the 2021 template's: the 2019 one's fee row holds counts)

# what may stand between a number and its unit printed apart: white space and table borders
_BETWEEN = r"[\s|\u2500-\u257f]*"
# a unit of money right after the cell, a word of its own (not the head of 「元旦…」)
_UNIT_AFTER = re.compile(_BETWEEN + r"(万元|千元|亿元|元)(?=[\s|\u2500-\u257f]|$)")
# the fee column's header; the unit in the brackets after it, what follows the unit ignored
# (「（单位：万元，保留4位小数）」); white space and borders in between (a header wrapped in its cell)
_HEADER = "收费金额"
_HEADER_UNIT = re.compile(r"[(\[](?:单位[:]?)?([^()\[\],;]{1,6}?)[)\],;]")
_AFTER_REACH = 300  # characters a unit may stand after its number (the rest of a wide grid's line)
_HEADER_REACH = 1500  # characters the header may stand before the cell (a wide grid's lines)
_HEADER_TAIL = 60  # characters after the header its unit is looked for in
_APART = re.compile(r"[\s|\u2500-\u257f]+")
_ASCII = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "【": "[", "】": "]"})


def fee_in_printed_unit(report: Report) -> None:
    """The fee converted to 万元 from the unit printed after it or in its header, and flagged."""
    cell = report.cells.get(FEE)
    if cell is None or cell.state != NUMBER or cell.value is None or not cell.span:
        return
    if cell.value == 0 or "元" in cell.raw or "万" in cell.raw:
        return  # 0 in any unit is 0 万元; or its own unit (a sum in 元 converted already, 万元 the template's)
    text = report.text
    start, end = cell.span
    # (most reports print no 元 right after the fee: the pattern is not tried)
    after = _UNIT_AFTER.match(text, end, end + _AFTER_REACH) if "元" in text[end:end + _AFTER_REACH] else None
    if after:
        unit = after.group(1)
        if unit in TO_WAN_YUAN:
            raw = f"{cell.raw} {unit}"  # (as printed but the line break and the borders between)
            report.cells[FEE] = CellValue(in_wan_yuan(cell.value, unit), NUMBER, raw, (start, after.end()))
            report.flags.append(Flag(FEE, "unit", f"金额单位为{unit}（{raw}，单位印在下一行），已换算为万元"))
        return  # (万元 apart from its number: the template's)
    header = _header_unit(text, report.section_spans.get(2, (0, 0))[0], start)
    if header is None:
        return
    unit, printed = header
    if unit in TO_WAN_YUAN:
        value = in_wan_yuan(cell.value, unit)
        report.cells[FEE] = CellValue(value, NUMBER, cell.raw, cell.span)
        report.flags.append(Flag(FEE, "unit", f"表头金额单位为{unit}（{printed}），"
                                              f"已将{cell.raw}{unit}换算为{_decimal(value)}万元"))
    elif unit.endswith("元") and unit != "万元" and len(unit) <= 3:  # (美元, 港元, 百万元: no rate known)
        report.flags.append(Flag(FEE, "unit", f"表头金额单位为「{unit}」（{printed}），不是模板的万元，"
                                              f"已按印出的{cell.raw}读取，请对照原文核对"))


def _header_unit(text: str, section_start: int, cell_start: int) -> Optional[tuple[str, str]]:
    """(unit, header as printed) of the last fee header before the cell in section 二, or None
    when none prints a unit in brackets right after it."""
    at = text.rfind(_HEADER, max(section_start, cell_start - _HEADER_REACH), cell_start)
    if at < 0:
        return None
    tail = text[at + len(_HEADER):min(cell_start, at + len(_HEADER) + _HEADER_TAIL)]
    if tail.startswith("（单位：万元）") or "元" not in tail:
        return None  # (the template's header, as nearly every report prints it; or no unit of money)
    squeezed = _APART.sub("", tail)
    m = _HEADER_UNIT.match(squeezed.translate(_ASCII))  # (one character for one: offsets kept)
    if not m:
        return None
    head = "本年" if at >= 2 and text.startswith("本年", at - 2) else ""
    return m.group(1), head + _HEADER + squeezed[:m.end()].rstrip(",，;；")


def _decimal(value: float) -> str:
    """A sum in 万元 as a decimal, never in exponent form (1 元 is 0.0001 万元)."""
    return f"{value:.6f}".rstrip("0").rstrip(".")
