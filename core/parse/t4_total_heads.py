"""表四 as plain pdftotext prints it: each group's 总计 column head just before its total.

pdftotext (no -layout) prints 表四 by text blocks, one cell a line: a group's header words
(结果 / 维持 / …), its results (a blank cell prints nothing), then the next group's heading with
the 总计 head (the head spans the header's two rows, so it forms a block with the value under it),
then that group's total:

    审结 | 0 | 2 | 2 | 0 | 未经复议直接起诉 | 总计 | 4 | 结果 | …

So every 总计 head printed alone on its line, after some value, closes a group: the values after
the previous total are its results, the value right after the head its total. The last group's
总计 block is often printed far away, after section 五's heading, between the paragraphs of
sections 五 and 六 or after the last page's number (t4_last_total_apart puts it back).

Where a group prints fewer than four results, which columns its blank cells are the text does
not say: its results are read from the left and the group is flagged.
"""
from __future__ import annotations

import re
from typing import Optional

from core.model import BLANK, INFERRED, OTHERS_MAY_BE_IN, CellValue, Flag, Report
from core.parse.page_furniture import PAGE_NUMBER
from core.parse.stored_cells import cell_from_token
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token, tokenize
from core.readers.document import Line
from core.template import T4

_SPACES = re.compile(r"\s+")
_GROUPS = len(T4.rows)
_RESULTS = len(T4.rows[0].columns) - 1  # (the four results before each group's 总计)

RESULTS_UNPLACED = ("表四「{}」组的四个结果只印有{}个数值（PDF文字顺序，空白单元格未留痕迹），其中{}个不为0，"
                    "这些数所在的列无法确定，已按印出顺序从左读取，其余各格按0计，请对照原文核对")
ZEROS_UNPLACED_IN = ("表四「{}」组的四个结果只印有0或占位符（PDF文字顺序，空白单元格未留痕迹），"
                     "哪格印0、哪格留空无法确定，均按0计，请对照原文核对")
TOTAL_APART = ("表四「{}」组的总计未紧随“总计”表头印出，印在下一组表头之后（PDF文字顺序），"
               "因恰为本组各项之和，已作为本组总计，请对照原文核对")
GROUP_FAILS = ("表四「{}」组各项之和与总计不符：按PDF文字顺序逐组读取（每组以“总计”表头和其数值结束），"
               "可能混入了别处的数值，请对照原文核对")


# a group as the stream prints it: its results, its total, whether the total printed apart from its head
Group = tuple[list[Token], Optional[Token], bool]


def _is_total_head(token: Token, lines: list[Line]) -> bool:
    """A 总计 head printed alone on its line (the block pdftotext makes of that header cell)."""
    return token.kind == TEXT and "计" in token.text and _SPACES.sub("", token.text) == "总计" and _alone(token, lines)


def _alone(token: Token, lines: list[Line]) -> bool:
    """Whether `token`'s line holds no other cell with text."""
    return sum(1 for cell in lines[token.line].cells if cell.text.strip()) == 1


def t4_groups_by_total_heads(table: list[Token], values: list[Token],
                             lines: list[Line]) -> Optional[list[Group]]:
    """表四's groups read from a one-cell-a-line stream closing each group with its 总计 head
    (see the module's docstring): for each group its results as printed, its total (None when
    its 总计 head is followed by no value and the group prints no result: all blank) and whether
    that total printed apart from its head. None when the stream is not such: not three heads
    alone on their lines, no value before the last head (a header row printing every head before
    the values), a value not alone on its line, a group of more than four results or of results
    without a total, or a value left after the last total."""
    heads = [i for i, t in enumerate(table) if _is_total_head(t, lines)]
    if len(heads) != _GROUPS or not values or any(t.kind not in (NUM, NA) or not _alone(t, lines) for t in values):
        return None
    value_ids = {id(t) for t in values}
    if not any(id(t) in value_ids for t in table[:heads[-1]]):
        return None
    skipped: set[int] = set()  # (totals printed after the next group's header words, read as such)
    groups: list[Group] = []
    results: list[Token] = []
    index = 0
    for n, head in enumerate(heads):
        while index < head:
            if id(table[index]) in value_ids and id(table[index]) not in skipped:
                results.append(table[index])
            index += 1
        after = table[head + 1] if head + 1 < len(table) else None
        total = after if after is not None and id(after) in value_ids else None
        index = head + 2 if total is not None else head + 1
        if results and total is None:
            # the total's block printed apart from its head, under the next group's header words
            # (pages712 r0036: 「3 未经复议直接起诉 总计 结果 … 审结 3 复议后起诉 总计」): the first value
            # after the head, taken only where it is the sum of the results other than 0 (a
            # blank total and the next group's first result would read alike otherwise)
            following = next((i for i in range(head + 1, heads[n + 1] if n + 1 < len(heads) else len(table))
                              if id(table[i]) in value_ids), None)
            parts = sum(t.value or 0 for t in results if t.kind == NUM)
            if following is None or not parts or table[following].kind != NUM or table[following].value != parts:
                return None
            total = table[following]
            skipped.add(id(total))
        if len(results) > _RESULTS:
            return None
        groups.append((results, total, id(total) in skipped))
        results = []
    if any(id(t) in value_ids and id(t) not in skipped for t in table[index:]):
        return None
    return groups


def store_t4_groups(report: Report, groups: list[Group]) -> None:
    """表四's 15 cells from its groups. A group printing all four results stores them as printed.
    One printing fewer (its blank cells left no trace) reads its counts other than 0 from the left,
    its other result cells 0 (a blank, a placeholder and 0 count alike; which cell printed which the
    text does not say), and is flagged; so is a group whose results do not add up to its total (a
    value of elsewhere read in fails it as a misprint would: a doubt). A group printing nothing is
    blank."""
    for row, (results, total, total_apart) in zip(T4.rows, groups):
        paths = [f"section4.{row.key}.{column.key}" for column in row.columns]
        counts = [t for t in results if t.kind == NUM and t.value]
        if not results and total is None:  # (nothing printed in the group: its cells are blank)
            for path in paths:
                report.cells[path] = CellValue(None, BLANK)
            continue
        if len(results) == _RESULTS:
            for path, token in zip(paths, results):
                report.cells[path] = cell_from_token(token, "count", report, path)
        elif not results:
            for path in paths[:_RESULTS]:
                report.cells[path] = CellValue(None, BLANK)
        else:
            for n, path in enumerate(paths[:_RESULTS]):
                report.cells[path] = cell_from_token(counts[n], "count", report, path) if n < len(counts) \
                    else CellValue(0, INFERRED)
            report.flags.append(Flag(f"section4.{row.key}", "inferred",
                                     RESULTS_UNPLACED.format(row.label, len(results), len(counts)) if counts
                                     else ZEROS_UNPLACED_IN.format(row.label)))
        report.cells[paths[-1]] = cell_from_token(total, "count", report, paths[-1])
        if total_apart:
            report.flags.append(Flag(paths[-1], "inferred", TOTAL_APART.format(row.label)))
        if sum(t.value or 0 for t in counts) != (total.value or 0 if total is not None else 0):
            # (its results short of four, placed from the left, may be another group's: p3602 r0017's
            # 「1 3 0」 under 总计 1, a 3 of elsewhere; four of them fail as a misprint does)
            others = (OTHERS_MAY_BE_IN,) if 0 < len(results) < _RESULTS else ()
            report.flags.append(Flag(f"section4.{row.key}", "parse", GROUP_FAILS.format(row.label), others))


def t4_last_total_apart(tokens: dict[int, list[Token]], lines: list[Line],
                        section5: Optional[tuple[int, int]]) -> bool:
    """表四's last 总计 block (the head alone on its line, the next printed line a value alone)
    printed after section 五's heading, put back after section 四's last value, when section 四
    prints the stream's 总计 heads of the other groups only (after some value: not a header row),
    the rest of the document prints exactly one such block, and with it the table reads whole (15
    values, or every group closed by its head and total). Page numbers may stand between the head
    and its value. Whether it was put back."""
    own = tokens.get(4) or []
    if section5 is None or not own:
        return False
    heads = [i for i, t in enumerate(own) if _is_total_head(t, lines)]
    values_at = [i for i, t in enumerate(own) if t.kind in (NUM, NA)]
    if len(heads) != _GROUPS - 1 or not values_at or values_at[0] > heads[-1] or values_at[-1] < heads[-1] + 1:
        return False
    found: list[tuple[Token, Token]] = []
    index = section5[0] + 1
    while index < len(lines):
        cells = [cell.text for cell in lines[index].cells if cell.text.strip()]
        index += 1
        if len(cells) != 1 or _SPACES.sub("", cells[0]) != "总计":
            continue  # (only a head's line tokenized: the prose of sections 五 and 六 is long)
        line_tokens = tokenize(lines, index - 1, index)
        if len(line_tokens) != 1 or not _is_total_head(line_tokens[0], lines):
            continue
        after: list[Token] = []
        while index < len(lines):
            after = tokenize(lines, index, index + 1)
            if after and not (len(after) == 1 and after[0].kind == TEXT and PAGE_NUMBER.fullmatch(after[0].text.strip())):
                break
            index += 1
        if index < len(lines) and len(after) == 1 and after[0].kind in (NUM, NA):
            found.append((line_tokens[0], after[0]))
            index += 1
    if len(found) != 1:
        return False
    head, value = found[0]
    last = values_at[-1]
    with_total = own[:last + 1] + [head, value] + own[last + 1:]
    # (the table from its first header word 行政复议 on: values before it are another table's, 表三's
    # tail printed at the page's top, p2502 r0010)
    start = next((i for i, t in enumerate(with_total) if t.kind == TEXT and _alone(t, lines)
                  and _SPACES.sub("", t.text) == "行政复议"), 0)
    table = with_total[start:]
    values = [t for t in table if t.kind in (NUM, NA)]
    if len(values) != len(T4.paths()) and t4_groups_by_total_heads(table, values, lines) is None:
        # (put back only where it makes the table whole: 15 values, or every group closed by its
        # head and total; pq2504 r0005 prints 行政复议's total under the next group's header words)
        return False
    moved = {head.start, value.start}
    for number in (5, 6):
        if tokens.get(number):
            tokens[number][:] = [t for t in tokens[number] if t.start not in moved or t.kind == EMPTY]
    own[:] = with_total
    return True
