"""Section 三 printing two 表三: last year's quoted beside the report year's, or a summary of the
agency's departments (汇总) after its own. Each table's row labels are found whole, one set after
the other; the report year's table is read and a problem says another was left unread.

Which is the report year's is told by the words printed before each table (the text between the
section's heading, or the first table's end, and its first row label): a year (「2022年度：」), words
for last year (「上年度」「上一年度」「去年」) or for a summary (「汇总」「各部门」). Told nothing, the first is
read: an agency prints its own table first, where the template puts it."""
from __future__ import annotations

import re
from typing import Optional

from core.parse.labels import find_labels
from core.parse.tokens import NUM, TEXT, Token
from core.template import Table

# a year as a heading prints it: 「2022年度」, 「2022年」 (not 「2022年1月1日」's start: any year counts)
_YEAR = re.compile(r"(20\d\d)\s*年")
_LAST_YEAR_WORDS = ("上年度", "上一年度", "上一年", "去年", "上年同期")
_SUMMARY_WORDS = ("汇总", "各部门", "各单位", "所属单位")
# the rows a table is taken whole by: its first, its 总计 and its last, and most of the others
_KEY_ROWS = ("new", "total", "carried_forward")
_MOST_ROWS = 15

TWO_TABLES = "第三部分印有两张「收到和处理政府信息公开申请情况」表，读取了{read}，另一张（{other}）未读取，请核对原文件"


def words_before(tokens: list[Token], first_label: int) -> str:
    """The words printed before a table's first row label, after the last count and the last
    sentence before it: a heading's, a note's and the header's, not prose's (「较上年度增加3件。」
    tells nothing of the table)."""
    start = first_label
    while start and tokens[start - 1].kind != NUM:
        start -= 1
    words = "".join(t.text for t in tokens[start:first_label] if t.kind == TEXT)
    return words[words.rfind("。") + 1:]


def whole_table(found: list[tuple[int, str]]) -> bool:
    keys = {key for _, key in found}
    return all(key in keys for key in _KEY_ROWS) and len(keys) >= _MOST_ROWS


def other_than_own(words: str, year: Optional[int]) -> Optional[str]:
    """What the words before a table say makes it no table of the report year's own: the reason
    said, or None."""
    years = {int(y) for y in _YEAR.findall(words)}
    if year is not None and years and year not in years:
        return f"标明{'、'.join(str(y) for y in sorted(years))}年度"
    for word in _LAST_YEAR_WORDS:
        if word in words:
            return f"标明「{word}」"
    for word in _SUMMARY_WORDS:
        if word in words:
            return f"标明「{word}」"
    return None


def one_t3(table: Table, tokens: list[Token], year: Optional[int]) -> tuple[list[Token], Optional[str]]:
    """The tokens of the one 表三 to read, and the problem to say when section 三 printed two
    (else the tokens as they are, and None)."""
    found = find_labels(table, tokens)
    if not whole_table(found):
        return tokens, None
    last_label = next(i for i, key in found if key == "carried_forward")
    # the first table ends where text follows its last row's values
    cut = next((i for i in range(last_label + 1, len(tokens)) if tokens[i].kind == TEXT), None)
    if cut is None:
        return tokens, None
    rest = tokens[cut:]
    if not any("新收" in t.text for t in rest if t.kind == TEXT):
        return tokens, None  # (no first row again: most sections end with their table, or a note)
    again = find_labels(table, rest)
    if not whole_table(again):
        return tokens, None
    first_words = words_before(tokens, found[0][0])
    second_words = words_before(rest, again[0][0])
    first_other = other_than_own(first_words, year)
    second_other = other_than_own(second_words, year)
    def read(which: str, words: str) -> str:
        return f"{which}（标明{year}年度）" if year is not None and f"{year}年" in words else which

    if first_other is not None and second_other is None:
        return rest, TWO_TABLES.format(read=read("第二张", second_words), other=f"第一张，{first_other}")
    if second_other is not None:
        return tokens[:cut], TWO_TABLES.format(read=read("第一张", first_words), other=f"第二张，{second_other}")
    told = read("第一张", first_words)
    if told == "第一张":
        told = "第一张（两张表前均未标明年度或汇总，按排在前面的一张读取）"
    return tokens[:cut], TWO_TABLES.format(read=told, other="第二张")
