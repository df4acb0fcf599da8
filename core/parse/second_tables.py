"""A report printing a second set of 表二 or 表四 in its sections: a bureau's tables, then those of
a unit under it (「（二）市场监管综合行政执法支队」), each under its own name; or the unit's three
tables appended after section 六 (「附件：……执法支队年度报表」). The first set is read (the
template's place for the agency's own), and the report says another is left unread: their numbers
are never mixed, and never dropped without a word. (Section 三's second 表三: second_t3.)

A second 表二 prints its row labels again as cells (「规章」, 「行政许可」, 「行政处罚」: words no prose
cell holds alone); a second 表四 prints its header of 结果维持 … again, with values after it. A
second set printing the very values read (a web page printing its report twice) is a copy: no
other numbers are left unread, nothing is said."""
from __future__ import annotations

from typing import Optional

from core.model import Report
from core.parse.labels import find_labels, t2_label_cells
from core.parse.second_t3 import other_than_own, whole_table, words_before
from core.parse.tokens import NA, NUM, TEXT, Token
from core.template import T4, Table

SECOND_SET = "文件含第二套统计表，未读取：{where}印有第二张表（如另一单位的统计表），只读取了第一张，请核对原文件"
APPENDED_SET = "文件含第二套统计表，未读取：第六部分之后另印有{which}（如另一单位的统计表），只读取了正文第二至四部分的表，请核对原文件"
# words of section 六 saying it may hold a table (the tokens are looked at only then)
SECTION6_TABLE_WORDS = ("结果维持", "新收", "规范性文件", "行政许可", "行政处罚")
_T2_WHERE = "第二部分（主动公开政府信息情况）"
_T4_WHERE = "第四部分（行政复议、行政诉讼情况）"
_T2_NAME = "表二（主动公开政府信息情况）"
_T3_NAME = "表三（收到和处理政府信息公开申请情况）"
_T4_NAME = "表四（行政复议、行政诉讼情况）"
# a second 表二: this many of its rows' labels printed again as cells (a converter never repeats
# one row's label; three rows are a table)
_T2_ROWS_AGAIN = 3
_T2_ROWS_WORDS = ("规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "事业性收费", "对外管理服务", "集中采购")
_T4_HEAD = "结果维持"  # printed once in each of 表四's three groups
_T4_GROUPS = 3
# sections 一 and 五 printed again: the words of a whole report, not of tables appended to one
_WHOLE_REPORT_WORDS = ("总体情况", "存在的主要问题")
_T4_PATHS = tuple(f"section4.{row.key}.{column.key}" for row in T4.rows for column in row.columns)


def _same(token: Optional[Token], value) -> bool:
    """Whether a printed value is the one a cell read (a blank and a placeholder alike)."""
    if token is None:
        return False
    return token.value == value if token.kind == NUM else value is None


def _value_after(tokens: list[Token], index: int) -> Optional[Token]:
    """The first value printed after a label, on its line."""
    for token in tokens[index + 1:index + 4]:
        if token.line != tokens[index].line:
            return None
        if token.kind != TEXT:
            return token
    return None


def _t2_other(report: Report, table: Table, tokens: list[Token], cells: list[tuple[int, str]]) -> bool:
    """Whether the 表二 rows at `cells` print other values than those read (a first column's)."""
    printed = [(key, _value_after(tokens, index)) for index, key in cells]
    printed = [(key, token) for key, token in printed if token is not None]
    return bool(printed) and not all(
        _same(token, report.value(f"section2.{key}.{table.row(key).columns[0].key}")) for key, token in printed)


def _t4_other(report: Report, values: list[Token]) -> bool:
    """Whether a 表四's values (in the template's order) are other than those read."""
    return not all(_same(token, report.value(path)) for token, path in zip(values, _T4_PATHS))


def _t2_again(report: Report, table: Table, tokens: list[Token]) -> bool:
    """Whether 表二's section prints most row labels a second time as cells, other values after them."""
    seen: set[str] = set()
    again: list[tuple[int, str]] = []
    for index, key in t2_label_cells(table, tokens):
        if key in seen:
            again.append((index, key))
        elif again:
            return False  # (a second set begins after the first's last label)
        seen.add(key)
    return len(again) >= _T2_ROWS_AGAIN and _t2_other(report, table, tokens, again)


def _t4_heads(tokens: list[Token]) -> tuple[int, Optional[int]]:
    """How many 结果维持 heads section 四 prints, and where a second header begins, values under
    the first (None: no second header, or no values under the first)."""
    heads = 0
    first: Optional[int] = None
    second: Optional[int] = None
    for index, token in enumerate(tokens):
        if token.kind == TEXT and (count := token.text.count(_T4_HEAD)):
            if heads >= _T4_GROUPS and second is None:
                second = index
            first = index if first is None else first
            heads += count
    if second is not None and not any(t.kind in (NUM, NA) for t in tokens[first:second]):
        return heads, None  # (the header repeated over the values: a table split in two parts, one row)
    return heads, second


def _t4_again(report: Report, tokens: list[Token]) -> bool:
    """Whether section 四 prints 表四's header twice (each group's 结果维持; a run may hold several
    of a line's cells), other values under the second than those read."""
    heads, second = _t4_heads(tokens)
    if second is None or heads < 2 * _T4_GROUPS:
        return False
    values = [t for t in tokens[second:] if t.kind in (NUM, NA)][:len(_T4_PATHS)]
    return bool(values) and _t4_other(report, values)


def second_set_problem(report: Report, t2: Table, t2_tokens: list[Token], t4_tokens: list[Token]) -> Optional[str]:
    """The report's problem when section 二 or 四 prints a second table of other values, else None.
    (Asked once 表四 is read.)"""
    text = report.text
    t2_span = report.section_spans.get(2)
    t4_span = report.section_spans.get(4)
    # (most reports print each table once: a section's text naming its words once is asked nothing more)
    t2_twice = t2_span is None or sum(text.count(word, *t2_span) >= 2 for word in _T2_ROWS_WORDS) >= _T2_ROWS_AGAIN
    t4_twice = t4_span is None or text.count(_T4_HEAD, *t4_span) >= 2 * _T4_GROUPS
    where = [name for name, again in ((_T2_WHERE, t2_twice and _t2_again(report, t2, t2_tokens)),
                                      (_T4_WHERE, t4_twice and _t4_again(report, t4_tokens))) if again]
    return SECOND_SET.format(where="、".join(where)) if where else None


def appended_set_problem(report: Report, t2: Table, t3: Table, tokens: list[Token]) -> Optional[str]:
    """The report's problem when section 六 (to the file's end) prints 表二, 表三 or 表四 again,
    of other values than those read, else None. A lone 表三 said to be last year's (「附：上年同期
    ……」) is a comparison, no second set."""
    text = "".join(t.text for t in tokens if t.kind == TEXT)
    if all(word in text for word in _WHOLE_REPORT_WORDS):
        return None  # (a whole report again, its prose too: a page printing it twice, not tables appended)
    which = []
    cells = t2_label_cells(t2, tokens)
    if len({key for _, key in cells}) >= _T2_ROWS_AGAIN and _t2_other(report, t2, tokens, cells):
        which.append(_T2_NAME)
    found = find_labels(t3, tokens)
    if whole_table(found):
        printed = [(key, _value_after(tokens, index)) for index, key in found]
        if not all(_same(token, report.value(f"section3.{key}.natural")) for key, token in printed if token is not None):
            which.append(_T3_NAME)
    heads = [index for index, token in enumerate(tokens) if token.kind == TEXT and _T4_HEAD in token.text]
    if sum(tokens[i].text.count(_T4_HEAD) for i in heads) >= _T4_GROUPS:
        values = [t for t in tokens[heads[-1]:] if t.kind in (NUM, NA)][:len(_T4_PATHS)]
        if values and _t4_other(report, values):
            which.append(_T4_NAME)
    if not which:
        return None
    if which == [_T3_NAME] and other_than_own(words_before(tokens, found[0][0]), report.year):
        return None
    return APPENDED_SET.format(which="、".join(which))
