"""The sum of every count 表三 prints, whatever the rows and columns they belong to.

Each row of 表三 prints its 总计 beside the parts it adds up (T3-3), so a row's printed cells sum to
twice its 总计 and the whole table's to an even number: an odd sum proves a misprint (or a
misreading) in the table even where no reading places its values in their cells, as plain
pdftotext prints a table of blank or mixed zeros. The sum is taken over the tokens of 表三's body,
from its header on, only where each number there can be nothing but a cell (a plain count: no
unit, sign or decimals, no leading 0; no digits in text other than the labels' numbering; no page
marker), where 表三 was read from those numbers alone, and where no cell of it is printed later:
every number other than 0 printed from section 四's heading on, in its table's text (not in a
line of prose) or alone on a line of the prose after it (pdftotext prints there the last columns of tables it read as blocks of
text), is a cell 表四 was read with, its groups adding up. (0s and placeholders add nothing to the
sum, wherever they are printed.)
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from core.model import GLUED_NO_CUT, GLUED_UNDECIDED, MISSING, SUBTOTAL_LEFT_OUT, TOTAL_CUT_OFF, Number, Report
from core.parse.memo import document_memo, memoised
from core.parse.sections import line_text
from core.parse.tokens import NUM, TEXT, Token
from core.readers.document import Line
from core.template import T4, tables

# where 表三's body starts: its header's first words
_HEADER = ("申请人情况", "勾稽关系", "自然人")
# the numbering of the labels of 表三's rows ("1.属于国家秘密", "4、保护第三方合法权益")
_NUMBERING = re.compile(r"[1-8]\s*[.、．]")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u4e00-\u9fa5]")
# the most Chinese characters a label of 表三 or 表四 holds (「2.申请人逾期未按收费通知要求缴纳费用、
# 行政机关不再处理其政府信息公开申请」: 34); a line with more is prose
_LONGEST_LABEL = max(len(_CJK.findall(row.label)) for version in ("2019", "2021")
                     for table in ("section3", "section4") for row in tables(version)[table].rows)
_LONE_COUNT = re.compile(r"^\s*(\d+)\s*$")
# a page's number printed in the table's text ("- 4 -", "第 4 页", "4/6")
_PAGE = re.compile(r"^[-—–－~～_]+\s*\d+\s*[-—–－~～_]+$|^第\s*\d+\s*页|^\d+\s*/\s*\d+$")
# What a line's text starts with where _PAGE may take it for a page's number; else _PAGE's third
# form and _page_number need a digit first (\d is a decimal, isdigit() takes those and more), the
# third a '/', _page_number digits only. Tested first: a regex call costs more than the test, and
# t3_printed_sum asks of every line of 表三.
_PAGE_STARTS = frozenset("-—–－~～_第")


@memoised(document_memo())  # (the labels of 表三 recur in every report)
def _digits_left(text: str) -> bool:
    """Whether digits are left in a text token's text once the labels' numbering is taken out."""
    return _DIGIT.search(_NUMBERING.sub("", text)) is not None


# a count's text -> _plain of it (the counts of a table recur: "0" most)
_PLAIN: dict[str, bool] = document_memo()


@memoised(_PLAIN)
def _plain(text: str) -> bool:
    """Whether a count's text prints as a plain count: a digit first, no leading 0."""
    return text[:1].isdigit() and not (text[0] == "0" and len(text) > 1)


def t3_printed_sum(tokens: list[Token], t4_tokens: list[Token], lines: list[Line], later: int,
                   t2_values: Sequence[Token] = (), page_starts: tuple[int, ...] = (),
                   ) -> Optional[tuple[int, Counter[Number], dict[tuple[int, int], Number]]]:
    """The sum of the counts printed in 表三's body (`tokens` of its section, from `lines`) and the
    counts other than 0 printed after it (`t4_tokens` of section 四, and those alone on a line from
    lines[later] on) that must all be 表四's cells (see confirmed_sum), or None where a number in
    表三's body might be no cell (or none is printed). Also the value of each number summed, by its
    span (as _cut looks them up)."""
    start = next((i for i, t in enumerate(tokens) if t.kind == TEXT and any(w in t.text for w in _HEADER)), None)
    if start is None:
        return None
    total, page_checked = 0, -1
    spans: dict[tuple[int, int], Number] = {}  # (none: nothing printed)
    body = tokens[start:]
    if t2_values:
        t2 = {id(token) for token in t2_values}
        body = [token for token in body if id(token) not in t2]
    plain_get = _PLAIN.get
    for token in body:
        kind = token.kind
        if kind != NUM:
            if kind == TEXT and _digits_left(token.text):
                return None  # digits glued together or to a label: not counted one by one here
            continue
        plain = plain_get(token.text)  # (_plain, its look-up inline)
        if plain is None:
            plain = _plain(token.text)
        value = token.value
        if token.unit or not plain or not isinstance(value, int):
            return None  # (a sign: 表二's 本年增/减 printed here; a unit: prose; "0000000": cells glued)
        line = token.line
        if line != page_checked:
            page_checked = line
            cells = lines[line].cells  # (line_text, inline: asked of every line of the table)
            text = (cells[0].text if len(cells) == 1 else " ".join([c.text for c in cells])).strip()
            if text.isdecimal():  # (no form of _PAGE is digits alone; without pages, no page's number.
                # isdecimal, not isdigit: a footnote's 「②」 alone on its line is a digit int() refuses)
                if page_starts and _page_number(text, page_checked, lines, page_starts):
                    return None
            elif (text[:1] in _PAGE_STARTS or (text[:1].isdigit() and "/" in text)) and _PAGE.match(text):
                return None  # (see _PAGE_STARTS)
        total += value
        spans[token.start, token.end] = value
    if not spans:
        return None
    prose: dict[int, bool] = {}  # line -> _sentence of it (a line of 表四 prints several counts)
    after: Counter[Number] = Counter()
    for t in t4_tokens:
        if t.kind == NUM and t.value:
            sentence = prose.get(t.line)
            if sentence is None:
                sentence = prose[t.line] = _sentence(line_text(lines[t.line]))
            if not sentence:
                after[t.value] += 1
    for printed in lines[later:]:
        # (_LONE_COUNT's \s and \d are what strip() takes off and what isdecimal() accepts: the
        # regex is asked only of a text that is digits once stripped, most lines of prose are not;
        # line_text inline: a one-cell line's text is its cell's)
        cells = printed.cells
        text = cells[0].text if len(cells) == 1 else " ".join([c.text for c in cells])
        lone = _LONE_COUNT.match(text) if text.strip().isdecimal() else None
        if lone and int(lone.group(1)):
            after[int(lone.group(1))] += 1
    spans.update(((t.start, t.end), t.value) for t in t2_values if t.value is not None)  # (NUM tokens)
    return total, after, spans


def _page_number(text: str, line: int, lines: list[Line], page_starts: tuple[int, ...]) -> bool:
    """Whether a number alone on its line may be its page's number: the last line printed before a
    page break (a footer) or the first after one (a header), and the number of that page (or the one
    before it: a cover page left unnumbered)."""
    if not text.isdecimal() or not 0 < int(text) <= len(page_starts) + 1:
        return False  # (a 0 adds nothing to the sum, and numbers no page; nor does one past the last page)
    # the nearest lines printed before and after it (-1, len(lines): none): only empty lines lie
    # between a page break and the number when the break is after the one and before the other
    before = next((i for i in range(line - 1, -1, -1) if line_text(lines[i]).strip()), -1)
    after = next((i for i in range(line + 1, len(lines)) if line_text(lines[i]).strip()), len(lines))
    for page, start in enumerate(page_starts, 1):  # `start` begins page `page` + 1
        if start > line and min(start, len(lines)) <= after:
            return int(text) in (page, page - 1)  # a footer of page `page`
        if before < start <= line:
            return int(text) in (page + 1, page)  # a header of page `page` + 1
    return False


def _sentence(text: str) -> bool:
    """Whether a line is prose, no cell printed on it (pdftotext may print section 五's heading
    before 表四, its prose then in 表四's text): a full stop, or more Chinese characters than the
    longest label of 表三 or 表四."""
    return "。" in text or len(_CJK.findall(text)) > _LONGEST_LABEL


def confirmed_sum(report: Report, found: Optional[tuple[int, Counter[Number], dict[tuple[int, int], Number]]]
                  ) -> Optional[int]:
    """The sum of t3_printed_sum where 表三 was read from the numbers summed alone (none of them a
    row's digits glued together, cut by the parser or left unread for no cut adding up), and the
    counts printed after 表三 are none, or 表四's cells as read, each group adding up with its unread
    cells as 0 (a count of 表三 that 表四 was read with would fail its group's sum); else None."""
    if found is None:
        return None
    total, after, spans = found
    if _cut(report, spans):
        return None
    # (the state first: few cells are missing, a path's prefix asked of those alone)
    if "##" in report.text and any(cell.state == MISSING and cell.raw and path.startswith("section3.")
                                   for path, cell in report.cells.items()):
        return None  # (a cell printing 「###」, its number not shown: the sum lacks it)
    total -= _subtotals_left_out(report)
    if not after:
        return total  # (no count other than 0 printed after 表三: none of its own)
    read: Counter[Number] = Counter()
    for row in T4.rows:
        values = []
        for path in T4.row_paths(row.key):
            cell = report.cells.get(path)
            values.append(cell.value or 0 if cell else 0)
            if cell and cell.value:
                read[cell.value] += 1
        if values[-1] != sum(values[:-1]):
            return None
    if read != after:
        return None  # (a count printed after 表三 that 表四 was not read with may be 表三's)
    return total


def _subtotals_left_out(report: Report) -> int:
    """The 法人或其他组织 subtotals 表三's rows read from 8 values printed (总计 − 自然人 each): counted
    in the sum, they are no cell, and a row of 8 sums to more than twice its 总计; less 自然人 for each
    row whose 总计 a converter cut off (TOTAL_CUT_OFF), a cell the sum lacks."""
    left_out = 0
    for row in {f.cell for f in report.flags if SUBTOTAL_LEFT_OUT in f.causes}:
        natural, total = report.value(f"{row}.natural"), report.value(f"{row}.total")
        left_out += int((total or 0) - (natural or 0))
    # (a row whose 总计 a converter cut off: its subtotal in the sum, its 总计 not; 总计 less the
    # subtotal, 自然人, is what the sum lacks)
    for row in {f.cell for f in report.flags if TOTAL_CUT_OFF in f.causes}:
        left_out -= int(report.value(f"{row}.natural") or 0)
    return left_out


def _cut(report: Report, spans: dict[tuple[int, int], Number]) -> bool:
    """Whether 表三 was read from numbers other than those summed (`spans`: each one's value by its
    span; a row's digits glued together and cut, numbers printed before its header), or a row of it
    flagged for digits no cut reads."""
    if any(f.cell.startswith("section3") and (GLUED_NO_CUT in f.causes or GLUED_UNDECIDED in f.causes)
           for f in report.flags):
        return True
    get = spans.get
    # (a loop, not any() over a generator: ~170 cells, each looked up by map in C)
    for cell in map(report.cells.get, tables(report.template)["section3"].paths()):
        if cell is not None and cell.value is not None and cell.span is not None and get(cell.span) != cell.value:
            return True
    return False
