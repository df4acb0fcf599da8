"""Section 三 printing two 表三: last year's quoted beside the report year's, or a summary of the
agency's departments (汇总) after its own. Each table's row labels are found whole, one set after
the other; the report year's table is read and a problem says another was left unread.

Two tables whose headers share the columns between them (自然人 and 总计 in the first, the five of
法人或其他组织 in the second: a table too wide for the page printed in two), each row printing one
value under each name its header prints, are one 表三: read as one, each row's values in the columns
their header names (see column_parts).

Which is the report year's is told by the words printed before each table (the text between the
section's heading, or the first table's end, and its first row label): a year (「2022年度：」), words
for last year (「上年度」「上一年度」「去年」) or for a summary (「汇总」「各部门」). Told nothing, the first is
read: an agency prints its own table first, where the template puts it."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from core.parse.labels import find_labels
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.template import T3_COLUMNS, Table

# a year as a heading prints it: 「2022年度」, 「2022年」 (not 「2022年1月1日」's start: any year counts)
_YEAR = re.compile(r"(20\d\d)\s*年")
_LAST_YEAR_WORDS = ("上年度", "上一年度", "上一年", "去年", "上年同期")
_SUMMARY_WORDS = ("汇总", "各部门", "各单位", "所属单位")
# the rows a table is taken whole by: its first, its 总计 and its last, and most of the others
_KEY_ROWS = ("new", "total", "carried_forward")
_MOST_ROWS = 15

# 表三's column names as headers print them (社会组织 for 社会公益组织); 法人或其他组织 is the parts' group
_COLUMN_NAMES = (("natural", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
                 ("social", "社会公益组织|社会组织"), ("legal", "法律服务机构"), ("other", "其他|其它"), ("total", "总计|合计"))
_COLUMN_NAME = re.compile("|".join(f"(?P<{key}>{names})" for key, names in _COLUMN_NAMES))
_PARTS_GROUP = re.compile("法人或其[他它]组织")
_VALUE_KINDS = (NUM, NA, EMPTY)

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
    merged = column_parts(tokens, found, cut, rest, again, first_words, second_words)
    if merged is not None:
        return merged, None
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


def _named_columns(words: str) -> Optional[list[str]]:
    """The 表三 columns a table's header words name, in the order of their columns, each once; None
    if any repeats. A header of two lines prints 法人或其他组织 on the first, between the names
    spanning both (自然人, 总计), and its five parts on the second: the parts stand where it does."""
    group = _PARTS_GROUP.search(words)
    placed = []
    for m in _COLUMN_NAME.finditer(_PARTS_GROUP.sub(lambda g: "　" * len(g.group()), words)):
        part = m.lastgroup not in ("natural", "total")
        placed.append(((group.start(), m.start()) if group and part else (m.start(), 0), str(m.lastgroup)))
    keys = [key for _, key in sorted(placed)]
    return keys if len(set(keys)) == len(keys) else None


def _rows_of(tokens: list[Token], width: int) -> Optional[list[tuple[list[Token], list[Token]]]]:
    """A table's tokens from its first row label cut into rows: each a run of words (its label)
    and the run of values after it; None unless every row prints `width` values."""
    rows: list[tuple[list[Token], list[Token]]] = []
    for token in tokens:
        if token.kind in _VALUE_KINDS:
            if not rows:
                return None
            rows[-1][1].append(token)
        elif not rows or rows[-1][1]:
            rows.append(([token], []))
        else:
            rows[-1][0].append(token)
    if not rows or any(len(values) != width for _, values in rows):
        return None
    return rows


def column_parts(tokens: list[Token], found: list[tuple[int, str]], cut: int, rest: list[Token],
                 again: list[tuple[int, str]], first_words: str, second_words: str) -> Optional[list[Token]]:
    """表三 printed as two tables of the same rows, each under a header naming some of its columns
    (自然人 and 总计, then 商业企业 … 其他), between them each column once: the tokens of one table,
    each row's label and its values in the template's column order; None where the two are no
    such pair (a header naming a column twice or none, a row printing more or fewer values than
    its header names, rows not the same)."""
    first, second = _named_columns(first_words), _named_columns(second_words)
    if not first or not second or sorted(first + second) != sorted(c.key for c in T3_COLUMNS):
        return None
    if [key for _, key in found] != [key for _, key in again]:
        return None
    # each table ends at the first words after its last row's values
    end = next((i for i in range(again[-1][0] + 1, len(rest)) if rest[i].kind == TEXT
                and any(t.kind in _VALUE_KINDS for t in rest[again[-1][0]:i])), len(rest))
    first_rows = _rows_of(tokens[found[0][0]:cut], len(first))
    second_rows = _rows_of(rest[again[0][0]:end], len(second))
    if first_rows is None or second_rows is None or len(first_rows) != len(found) or len(second_rows) != len(found):
        return None
    order = [c.key for c in T3_COLUMNS]
    merged = tokens[:found[0][0]]
    for (label, values), (_, more) in zip(first_rows, second_rows):
        by_column = dict(zip(first, values)) | dict(zip(second, more))
        line = values[0].line  # (the row's values all on its line, as one table prints them)
        merged += label + [by_column[key] if by_column[key].line == line else replace(by_column[key], line=line)
                           for key in order]
    return merged + rest[end:]
