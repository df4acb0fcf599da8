"""Row labels: where a table's tokens name the template's rows.

Every row of a table is anchored on its label (see parser.py). A run of text names a row where it
holds one of the row's keywords, or starts the row's official label (without numbering and
punctuation) as a PDF or a narrow column split it over lines. Labels are found forward only, each
row at most once, a label skipping at most MAX_SKIP rows: a word that also occurs in a later row
cannot pull the table back. What a run matches is kept per table (the parser reads a table's runs
several times, and the template's labels recur in every report).
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import is_
from typing import Callable, Optional

from core.parse.memo import document_memo, remember
from core.parse.tokens import TEXT, Token
from core.template import DENIED, NOT_PROCESSED, OTHER, UNABLE, Table

LABEL_MAX = 70  # longer text runs are prose, not row labels
MAX_SKIP = 5  # a label may skip this many rows (lost or garbled ones), no more: headers say 总计 too
NUMBERING = re.compile(r"^[\s(（]*[0-9一二三四五六七八九十]{1,2}[)）.、,，]?\s*")
_GROUP_NUMBER = re.compile(r"^[\s(（]*[一二三四五六七八九十]{1,2}[)）]")
# the letters of 表三's group label 「（六）其他处理」, which a ruled box (w3m) prints a letter a line
# in its own cell, the run of the row beside it starting with one: 「理│3.其他」 reads 「理3.其他」
_OTHER_GROUP_LETTERS = frozenset("()（）六其他处理")
LABEL_NOISE = re.compile(r"[\s\"“”'‘’:：,，。、()（）]")


_PREFIX_MIN = 5
# a row's own number before a shorter start of its label ("8.属于" / "行政查" / "询事项", "（四 1、本机"
# / "关不掌": a narrow label column wraps after two characters; "四、结", the rest clipped): the
# number names the row among those a run may match (the run's number read where label_forms cuts
# `bare`)
_OWN_NUMBER = re.compile(r"^\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})[.．、]")
# a result row's group number, at the run's start or after a side label's letters (「年度办（二）部」 /
# 「分公开」 as pdfplumber prints a narrow label column); kept bracketed, 「（二）」, so that it never
# names 二、上年结转
_GROUP_OWN_NUMBER = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,2})[）)]")
_GROUP_NUMBER_IN_RUN = re.compile(r"[（(]([一二三四五六七八九十]{1,2})[）)]")
_INNER_OWN_NUMBER = re.compile(r"(?<=[^\s0-9])\s*([0-9]{1,2})[.、．](?=[\u4e00-\u9fa5])")  # _INNER_NUMBER's
_NUMBERED_PREFIX_MIN = 1
_INNER_NUMBER = re.compile(r"(?<=[^\s0-9])\s*[0-9]{1,2}[.、．](?=[\u4e00-\u9fa5])")
# What either of the two above holds past a run's first character: a digit, then its mark (their
# look-behind wants a character before the number). Asked first, from the run's second character:
# their pattern opens on no character the regex engine can skip ahead to, and costs some 8 000
# instructions a run of label length where this one costs 1 700; a run's own number at its start
# (「1.属于国家秘密」) is no such number, and few runs (one in thirty) hold one further on.
_DIGIT_MARK = re.compile(r"[0-9][.、．]")


@lru_cache(maxsize=256)
def _official(label: str) -> str:
    """A row's official label without numbering and punctuation, for prefix matching."""
    return LABEL_NOISE.sub("", NUMBERING.sub("", label))


def _matches(keywords: tuple[str, ...], official: str, text: str, bare: str) -> Optional[int]:
    """Where in the run a row's label starts, or None. `official`: the row's _official label;
    `bare`: the run without numbering.

    A keyword anywhere in the run matches; so does the start of the official label, for labels
    that a PDF or a narrow column split over lines ("…逾期不补" / "正、行政机关…").
    """
    starts = [at for at in map(text.find, keywords) if at >= 0]
    if starts:
        return min(starts)  # the first keyword in the run
    if len(bare) >= _PREFIX_MIN and (official.startswith(bare) or bare.startswith(official[:8])):
        return 0
    return None


@lru_cache(maxsize=4096)  # the same runs (the template's labels) recur in every table and report
def label_forms(text: str) -> tuple[str, str]:
    """A run as label matching reads it: its text without punctuation and spaces, and `bare`, the
    same without its numbering, or from the row's own number on where a space-aligned layout ran
    the side label into it ("）不  2.其他法律…")."""
    inner = _INNER_NUMBER.search(text) if _DIGIT_MARK.search(text, 1) else None
    numbering = inner or NUMBERING.match(text)  # (NUMBERING opens on ^: its sub cuts what match finds)
    flat = LABEL_NOISE.sub("", text)
    if numbering is None:
        return flat, flat
    # LABEL_NOISE takes out one character a match: the rest of the run without it is the end of the
    # run without it, past what is left of the cut head (a run's noise taken out once, not twice)
    return flat, flat[len(LABEL_NOISE.sub("", text[:numbering.end()])):]


def _own_number(text: str) -> str:
    """The number a label or run starts with: "8" of 「8.属于」, 「（二）」 of 「（二）部分公开」; "" if none."""
    if m := _OWN_NUMBER.match(text):
        return m.group(1)
    return f"（{m.group(1)}）" if (m := _GROUP_OWN_NUMBER.match(text)) else ""


own_number = _own_number  # (for the parser's labels found in a ruled box's cell)


# （三）…（六）: the numbers of 表三's group labels; 「（六）其他」 may be 2021's group label as well as
# the start of 2019's row 「（六）其他处理」, so such a number names no row by itself
_GROUP_LABEL_NUMBERS = frozenset(_own_number(label) for label in (DENIED, UNABLE, NOT_PROCESSED, OTHER))


def label_at(row, text: str, bare: str) -> Optional[int]:
    """Where in a run (its label_forms) the row's label starts, or None: see _matches."""
    return _matches(row.keywords, _official(row.label), text, bare)


_MATCHERS: dict[int, tuple[Table, list, dict]] = {}  # id(table) -> (table, its rows' matchers, hits)
_HITS_KEPT = 50_000  # runs whose hits a table keeps (then forgets them all): bounds the memory


# A row as _hits matches runs against it: (keywords, official label, its first _HEAD characters,
# its own number or "", the search of its keywords, the official label's starts a run's `bare` may
# be, its head where it is _HEAD characters long, else None)
_Matcher = tuple[Optional[tuple[str, ...]], str, str, str, Optional[Callable[[str], Optional[re.Match]]],
                 frozenset[str], Optional[str]]
_HEAD = 8  # (a run starting with the official label's first characters names the row)


def row_matchers(table: Table) -> tuple[list[_Matcher], dict]:
    """Each row's matcher (_Matcher) as _matches reads a row, built once per table (keywords None
    for other_other, matched apart); and the table's hits so far.

    The keywords are searched as one pattern of them (a search returns where the first of them
    starts: their first find), and the official label's starts of _PREFIX_MIN characters or more
    are a set: a run's `bare` is one of them where the label starts with it (no call a row)."""
    known = _MATCHERS.get(id(table))
    if known is None or known[0] is not table:
        matchers: list[_Matcher] = []
        for row in table.rows:
            o = _official(row.label)
            keywords = None if row.key == "other_other" else row.keywords
            search = re.compile("|".join(map(re.escape, keywords))).search if keywords else None
            starts = frozenset(o[:n] for n in range(_PREFIX_MIN, len(o) + 1))
            head = o[:_HEAD]
            matchers.append((keywords, o, head, _own_number(row.label), search, starts,
                             head if len(head) == _HEAD else None))
        known = _MATCHERS[id(table)] = (table, matchers, document_memo())
    return known[1], known[2]


def kept_hits(matchers: list, kept: dict, run: str, next_row: int) -> tuple[int, ...]:
    """_hits, kept per table in `kept` (see row_matchers)."""
    hits = kept.get((run, next_row))
    if hits is None:
        hits = remember(kept, (run, next_row), _hits(matchers, run, next_row), _HITS_KEPT)
    return hits


_UNIT_CELLS = ("", "件", "个", "项")  # what a units column (「单位」) prints beside a row's label


def _hits(matchers: list, run: str, next_row: int) -> tuple[int, ...]:
    """The rows from next_row on (within MAX_SKIP) whose label the run matches, by where in the
    run the label starts: a pure function of the run's text and next_row."""
    text, bare = label_forms(run)
    prefix = len(bare) >= _PREFIX_MIN
    numbered = ((_INNER_OWN_NUMBER.search(run) if _DIGIT_MARK.search(run, 1) else None) or _OWN_NUMBER.match(run)) \
        if not prefix and len(bare) >= _NUMBERED_PREFIX_MIN else None
    own_number = numbered.group(1) if numbered else None
    in_group = _GROUP_NUMBER_IN_RUN.search(run) if "）" in run or ")" in run else None
    # (the words after a group number: a start of the row's label, or none where the label's words
    # wrap to the lines after: then the number names the row right after the one found last, if its
    # label is longer than a line of a narrow column holds; 「（七）」 alone is not 「总计」's label, which
    # prints whole on a line of its own, the values of its row maybe between them)
    group_words = LABEL_NOISE.sub("", run[in_group.end():]) if in_group else ""
    bare_head = bare[:_HEAD]
    hits = []
    for r in range(next_row, min(len(matchers), next_row + MAX_SKIP + 1)):
        keywords, official, head, number, search, starts, long_head = matchers[r]
        if keywords is None:  # other_other
            if "其他" not in run and "其它" not in run:
                continue  # (`alone` is a part of the run: never 其他 then)
            alone = NUMBERING.sub("", run).strip(" .、")  # not `bare`: the rows after need it
            if run[:1] in _OTHER_GROUP_LETTERS and run[1:2].isdigit():  # 「理3.其他」: the group's letter
                alone = NUMBERING.sub("", run[1:]).strip(" .、")
            group = _GROUP_NUMBER.match(run)  # "（六）其他" split from "处理": the group's label
            # (「3.其他件」: a units column's 「件」 beside the label)
            if alone[:2] in ("其他", "其它") and alone[2:] in _UNIT_CELLS and next_row >= r - 2 and not group:
                hits.append((len(text), r))
            continue
        # _matches, inlined: this loop runs for every run of every table (the first keyword in the
        # run: their pattern's search; official.startswith(bare): `bare` among its starts;
        # bare.startswith(head): their first _HEAD characters alike, for a head as long)
        first = search(text) if search is not None else None
        if first is not None:
            hits.append((first.start(), r))
        elif prefix and (bare in starts or (bare_head == long_head if long_head is not None else bare.startswith(head))):
            hits.append((0, r))
        elif own_number == number and official.startswith(bare):  # ("8.属于": never a number "")
            hits.append((0, r))
        elif in_group and number == f"（{in_group.group(1)}）" and number not in _GROUP_LABEL_NUMBERS \
                and official.startswith(group_words) \
                and (group_words or r == next_row and len(official) > _PREFIX_MIN):
            hits.append((in_group.start(), r))
    if len(hits) < 2:  # (most runs: no row's label, or one)
        return (hits[0][1],) if hits else ()
    return tuple(r for _, r in sorted(hits))


def find_labels(table: Table, tokens: list[Token]) -> list[tuple[int, str]]:
    """(token index, row key) for every row label found, in order, each row at most once.

    Forward-only: a label is matched against the rows after the last one found, so a word that
    also occurs in a later row cannot pull the table back.

    A run's hits are kept per table (the parser reads a table's runs several times, and the
    template's labels recur in every report).
    """
    last = _LAST_FOUND.get(id(table))
    if last is not None and last[0] is table and len(last[1]) == len(tokens) and all(map(is_, last[1], tokens)):
        return list(last[2])  # the same tokens as the table's last call (the parser asks several times)
    found = _find_labels(table, tokens)
    _LAST_FOUND[id(table)] = (table, list(tokens), found)
    return list(found)


# id(table) -> (table, the tokens of its last find_labels, what it found): the same token objects
# in the same order find the same labels.
_LAST_FOUND: dict[int, tuple[Table, list[Token], list[tuple[int, str]]]] = document_memo()


def _find_labels(table: Table, tokens: list[Token]) -> list[tuple[int, str]]:
    rows = table.rows
    matchers, kept = row_matchers(table)
    found: list[tuple[int, str]] = []
    next_row = 0
    for index, token in enumerate(tokens):
        if token.kind != TEXT or len(token.text) > LABEL_MAX:
            continue
        if next_row >= len(rows):
            break  # every row found: nothing after can match
        hits = kept_hits(matchers, kept, token.text, next_row)
        # (most short runs, a header's 「自然」 or 「总计」, hold no number's mark: no regex call)
        if not hits and len(text := token.text) <= _NUMBER_ALONE_MAX and ("、" in text or "." in text or "．" in text) \
                and (alone := _NUMBER_ALONE.match(text)):
            hits = _number_then_wrapped_label(matchers, tokens, index, next_row, alone.group(1))
        if not hits and len(text) <= _NUMBER_ALONE_MAX and text.endswith((")", "）")) \
                and (group := _GROUP_NUMBER_ENDS.search(text)):
            hits = _group_number_then_wrapped_label(matchers, tokens, index, next_row, f"（{group.group(1)}）")
        for r in hits:
            if r >= next_row:
                if rows[r].key == "total" and _header_total(tokens, index):
                    continue  # (the header repeated on a later page names its 总计 column)
                found.append((index, rows[r].key))
                next_row = r + 1
    if table.section == "section2" and found and len(found) < len(rows):
        found = _t2_rows_in_other_order(table, tokens, found)
    return found


# a run that is a row's own number alone (「四、」): a label column so narrow that the number fills its
# first line, beside the row's values, the words wrapping two characters a line below them
# (「四、 9 — — — — 9」 / 「结转」 / 「下年」 / 「度继」 / 「续办」 / 「理」: pdfplumber, pdftotext -layout)
_NUMBER_ALONE = re.compile(r"^\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})[.．、]\s*$")
_NUMBER_ALONE_MAX = 6


_WRAPPED_LOOKAHEAD = 16  # tokens after the number: the row's values, then the label's lines


def _number_then_wrapped_label(matchers: list, tokens: list[Token], index: int, next_row: int,
                               number: str) -> tuple[int, ...]:
    """The row (from next_row on, within MAX_SKIP) whose own number the run at `index` is alone,
    where the text runs after it (its row's values may print between) spell the start of that
    row's official label, at least _PREFIX_MIN characters of it: its words wrapped onto the lines
    below. A number alone names no row (「三、」 is 表三's group 本年度办理结果; 「四、」 may be the
    next section's number, its heading on the next line): the words must say which."""
    rows = [r for r in range(next_row, min(len(matchers), next_row + MAX_SKIP + 1)) if matchers[r][3] == number]
    if len(rows) != 1:
        return ()
    official = matchers[rows[0]][1]
    spelled = ""
    for token in tokens[index + 1:index + 1 + _WRAPPED_LOOKAHEAD]:
        if token.kind != TEXT:
            continue
        words = LABEL_NOISE.sub("", token.text)
        if not official.startswith(spelled + words):
            break
        spelled += words
        if spelled == official:
            break
    return (rows[0],) if len(spelled) >= _PREFIX_MIN else ()


# a run ending on a group's number (「三、本(一)」: the group column's words, then the row's number
# alone, its label's words wrapping below, the group column's beside them on each line)
_GROUP_NUMBER_ENDS = re.compile(r"[（(]([一二三四五六七八九十]{1,2})[）)]$")


def _group_number_then_wrapped_label(matchers: list, tokens: list[Token], index: int, next_row: int,
                                     number: str) -> tuple[int, ...]:
    """The row right after the one found last, numbered `number` (「（一）」), where the run at `index`
    ends on that number and the text runs after it (its row's values may print between) end on
    pieces spelling the row's whole official label, in order: a label column so narrow that the
    label wraps below its number, the column left of it (the group's label, 「三、本年度办理结果」)
    wrapping beside it on the same lines, a line's two pieces one run (pdfplumber: 「年度办 予以公」 /
    「理结果 开」, q4402 r0027). _hits takes a number alone only for a label longer than a narrow
    column's line (「（七）」 is not 「总计」's label, which prints whole on a line of its own): a
    shorter one is named by its words found so."""
    if next_row >= len(matchers) or matchers[next_row][3] != number or number in _GROUP_LABEL_NUMBERS:
        return ()
    official = matchers[next_row][1]
    spelled = ""
    for token in tokens[index + 1:index + 1 + _WRAPPED_LOOKAHEAD]:
        if token.kind != TEXT:
            continue
        words = LABEL_NOISE.sub("", token.text)
        piece = next((words[at:] for at in range(len(words)) if official.startswith(spelled + words[at:])), "")
        if not piece:
            break
        spelled += piece
        if spelled == official:
            return (next_row,)
    return ()


# a 表二 label cell: the row's label, maybe a character or two more (「规章（件）」), never prose
_T2_LABEL_SLACK = 3


def _t2_rows_in_other_order(table: Table, tokens: list[Token], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the 表二 rows an agency printed in another order than the template's
    (行政规范性文件 above 规章, 行政强制 above 行政处罚), which the forward search skips: each
    such row's label where a run after the first label found prints it alone as a cell (its
    keyword, within a few characters of the official label's length: prose runs on), once in the
    table, matching no other row, a value beside it on its line (a row printed as a row, not a
    PDF stream's labels stacked apart from their values); in the order they print. 表二's labels
    are unique words, so a row named out of order is still that row."""
    have = {key for _, key in found}
    taken = {index for index, _ in found}
    cells = [(index, key) for index, key in t2_label_cells(table, tokens, found[0][0] + 1) if index not in taken]
    # a label found printed again starts a second 表二 (another agency's): none of its rows is this one's
    end = next((index for index, key in cells if key in have), len(tokens))
    added: list[tuple[int, str]] = []
    for row in table.rows:
        if row.key in have:
            continue
        at = [index for index, key in cells if key == row.key and index < end]
        if len(at) == 1 and not (at[0] + 1 < len(tokens) and tokens[at[0] + 1].kind != TEXT
                                 and tokens[at[0] + 1].line == tokens[at[0]].line):
            continue  # (its values not beside it: a PDF's scrambled stream, labels stacked apart)
        if len(at) == 1:
            added.append((at[0], row.key))
    return sorted(found + added) if added else found


@lru_cache(maxsize=4)
def _t2_index(table: Table) -> tuple[re.Pattern, dict[str, str], dict[str, int]]:
    """表二's keywords as one pattern, the row each names, and each row's longest label cell (its
    label and a few characters), built once per table."""
    keywords = [(k, row.key) for row in table.rows for k in row.keywords]
    return (re.compile("|".join(re.escape(k) for k, _ in keywords)), dict(keywords),
            {row.key: len(_official(row.label)) + _T2_LABEL_SLACK for row in table.rows})


def t2_keywords(table: Table) -> re.Pattern:
    """Any 表二 row's keyword: a run holding none is no row's label cell (one search a run)."""
    return _t2_index(table)[0]


def t2_label_cells(table: Table, tokens: list[Token], start: int = 0) -> list[tuple[int, str]]:
    """(index, row key) of every run from tokens[start] on printing a 表二 row's label alone, as a
    cell (t2_label_row), in order."""
    keywords = t2_keywords(table).search
    return [(index, key) for index, token in enumerate(tokens[start:], start)
            if token.kind == TEXT and len(token.text) <= LABEL_MAX and keywords(token.text)
            and (key := t2_label_row(table, token.text)) is not None]


def t2_label_row(table: Table, run: str) -> Optional[str]:
    """The 表二 row a run names as its label cell: the row's keyword, in a run no longer than its
    label and a few characters, naming no other row; else None."""
    pattern, row_of, longest = _t2_index(table)
    bare = label_forms(run)[1]
    named = {row_of[k] for k in pattern.findall(bare)}
    if len(named) != 1:
        return None
    key = named.pop()
    return key if len(bare) <= longest[key] else None


# the names of 表三's columns other than 总计 (split words: 「自然」 / 「人」), as a header prints them
_T3_COLUMN_NAMES = ("申请人情况", "自然", "法人或其他组织", "商业", "科研", "社会", "法律")


def _header_total(tokens: list[Token], index: int) -> bool:
    """Whether the run at `index` names 「总计」 without 「（七）」 among another of 表三's column names,
    in the run or on its line: the table's header, repeated where the table continues (w3m's boxes
    of a web page's table split in parts: 「…等于第三项加第四项之和） │自然 ├──┤总计│」 read as one
    run), not 「（七）总计」's label."""
    token = tokens[index]
    text = LABEL_NOISE.sub("", token.text)
    if "总计" not in text or "七" in text:
        return False
    if any(name in text for name in _T3_COLUMN_NAMES):
        return True
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(tokens) and tokens[at].line == token.line:
            if tokens[at].kind == TEXT and any(name in tokens[at].text for name in _T3_COLUMN_NAMES):
                return True
            at += step
    return False


def labels_behind(table: Table, tokens: list[Token],
                  found: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[str]]:
    """`found` (find_labels) with the labels of 表三 rows it missed because they print behind a
    later row's label (pdftotext reads a row's label and values together, but before the labels
    of blank rows above it), in the order they print.

    A template row's label is unique in the table, so such a run still names its row when it
    matches that row and no other (as strictly as find_labels matches), no other run in the span
    matches that row, and it sits inside the table's span (after its first label found), before
    the label of the row found next after it in the template: prose and other tables lie outside.
    Also the keys of the rows added (their values: see parser.summed_prefix).
    """
    if not found:
        return found, set()
    rows = table.rows
    matchers, kept = row_matchers(table)
    order = {row.key: r for r, row in enumerate(rows)}
    at_row = {order[key]: index for index, key in found}
    missing = [r for r, row in enumerate(rows) if r not in at_row and row.key != "other_other"]
    if not missing:
        return found, set()
    first, last = found[0][0], found[-1][0]
    taken = {index for index, _ in found}
    candidates: dict[int, list[int]] = {}  # missing row -> token indices naming it alone
    for index in range(first + 1, last):
        token = tokens[index]
        if index in taken or token.kind != TEXT or len(token.text) > LABEL_MAX:
            continue
        hits = {r for start in range(0, len(rows), MAX_SKIP + 1)
                for r in kept_hits(matchers, kept, token.text, start) if rows[r].key != "other_other"}
        if len(hits) == 1:
            (r,) = hits
            if r not in at_row:
                candidates.setdefault(r, []).append(index)
    extra = []
    for r in missing:
        indices = candidates.get(r)
        if not indices or len(indices) != 1:
            continue
        successor = next((at_row[s] for s in range(r + 1, len(rows)) if s in at_row), None)
        if successor is not None and indices[0] < successor:
            extra.append((indices[0], rows[r].key))
    if not extra:
        return found, set()
    # (by position alone: one run can name two rows, kept in the order found)
    return sorted(found + extra, key=lambda label: label[0]), {key for _, key in extra}
