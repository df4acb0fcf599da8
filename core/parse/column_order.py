"""Columns printed in another order than the template's, read by the names their header prints.

A table typed again by hand may print 表三's 法人或其他组织 columns (商业企业, 科研机构, 社会公益组织,
法律服务机构, 其他) or 表二's 第二十条第（一）项 columns (本年制发件数, 本年废止件数, 现行有效件数) in
another order: 法律服务机构 first, 现行有效件数 before 本年制发件数. No sum can tell: every 表三 column
adds up whichever name it carries, each row's 总计 is the sum of its parts in any order, and 表二's
block has no equation; 表四 may print 尚未审结 before 其他结果, or 行政诉讼 left of 行政复议, and each
group adds up wherever it prints. Only the header says which column is which, so where it names them,
each once and nothing else between the words before them and the first row's label, in an order
other than the template's, the values read in printed order are moved to the columns it names.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from core.model import Report
from core.parse.columns import T3_HEADER_WORDS, header_centres, width_of
from core.readers.document import Line
from core.parse.tokens import EMPTY, NUM, TEXT, Token
from core.template import Table

# 表三's five columns of 法人或其他组织 in the template's order, each with the names real files print
_T3_PARTS = (("commercial", ("商业企业",)), ("research", ("科研机构",)),
             ("social", ("社会公益组织", "社会组织")), ("legal", ("法律服务机构",)),
             ("other", ("其他", "其它")))
_T3_PART_KEYS = tuple(key for key, _ in _T3_PARTS)
# 表三's header words that name none of the five (总计 may print on their line, 法人或其他组织 above them)
_T3_GROUP_NAMES = ("法人或其他组织", "法人或其它组织", "总计")
# 表二's 第二十条第（一）项 columns (2021, 2019), each with the names real files print
_T2_DOCS = {"2021": (("issued", ("本年制发件数", "本年新制发件数", "本年制发")),
                     ("repealed", ("本年废止件数", "本年废止")),
                     ("in_force", ("现行有效件数", "现行有效"))),
            "2019": (("new_made", ("本年新制作数量", "本年新制作")),
                     ("new_published", ("本年新公开数量", "本年新公开")),
                     ("total_published", ("对外公开总数量", "对外公开总数")))}
_T2_DOC_ROWS = ("rules", "normative_docs")
# 表四's columns, each group's (the template's order: 总计 last) and the names of its groups
_T4_COLUMNS = (("maintained", ("结果维持",)), ("corrected", ("结果纠正",)), ("other", ("其他结果", "其它结果")),
               ("pending", ("尚未审结",)), ("total", ("总计",)))
_T4_GROUP_NAMES = (("g:review", ("行政复议",)), ("g:litigation", ("行政诉讼",)), ("g:direct", ("未经复议直接起诉",)),
                   ("g:after", ("复议后起诉",)))
# the words of 表四's header alone (「结果维持结果纠正…总计」, 「（二）行政诉讼情况」), and a plain text's rule line
T4_HEAD_WORDS = re.compile(r"(?:行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|其它结果|尚未审结|总计|情况"
                           r"|[（(][一二][)）]|[一二]、|\s)+")
RULE_LINE = re.compile(r"[-=─━_+:|\s]+")
_T4_LITIGATION = {"g:direct": "litigation_direct", "g:after": "litigation_after_review"}
_T4_ROWS = ("review", "litigation_direct", "litigation_after_review")
_SKIPPED = frozenset("一、()（）:：.·|")  # a label's numbering, brackets left by a header's cells
_HEADER_MAX = 200  # longer words before a table's first row are no header of names


@lru_cache(maxsize=None)
def _grammar(names: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """A header's words made of `names` and punctuation alone (whole), each name in it (longest
    spelling first), and the key of each spelling."""
    key_of = {spelling: key for key, spellings in names for spelling in spellings}
    alternatives = "|".join(map(re.escape, sorted(key_of, key=len, reverse=True)))
    skipped = re.escape("".join(sorted(_SKIPPED)))
    return re.compile(f"(?:{alternatives}|[{skipped}])*"), re.compile(alternatives), key_of


def _named_order(words: str, names: tuple[tuple[str, tuple[str, ...]], ...], once: bool = True
                 ) -> Optional[tuple[str, ...]]:
    """The keys `words` names, in its order, when it is nothing but the names (each once and all
    of them, with `once`) and punctuation; None otherwise."""
    if len(words) > _HEADER_MAX:
        return None
    whole, each, key_of = _grammar(names)
    if whole.fullmatch(words) is None:
        return None
    order = tuple(map(key_of.__getitem__, each.findall(words)))
    if once and (len(order) != len(names) or len(set(order)) != len(order)):
        return None
    return order


def _texts_before(tokens: list[Token], stops: tuple[str, ...]) -> Optional[str]:
    """The text tokens' words up to the first of `stops` among them, spaces left out; None without one."""
    texts = []
    for token in tokens:
        if token.kind != TEXT:
            continue
        text = token.text
        for stop in stops:
            at = text.find(stop)
            if at >= 0:
                texts.append(text[:at])
                return "".join("".join(texts).split())
        texts.append(text)
    return None


def header_part_order(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """The keys of 表三's five 法人或其他组织 columns in the order its header prints them, or None
    when the header does not name each of them once, with nothing else between 自然人 and the first
    row's label (a header split over lines, or prose, is not read)."""
    header = _texts_before(tokens, ("本年新收", "本年度新收"))
    start = -1 if header is None else header.rfind("自然人")
    if header is None or start < 0:
        return None
    rest = header[start + 3:]
    for name in _T3_GROUP_NAMES:
        rest = rest.replace(name, "")
    return _named_order(rest, _T3_PARTS)


def header_part_order_by_position(text: str, tokens: list[Token], lines: list[Line], pages: tuple[int, ...] = ()
                                  ) -> Optional[tuple[str, ...]]:
    """The keys of 表三's five 法人或其他组织 columns in the order a space-aligned header (a PDF's
    or a terminal's text, its names split over lines: 「法律」 over 「服务」 over 「机构」) prints them
    left to right, or None. Every name of the seven columns must be found on the header's lines
    (from 申请人情况 to the first row), apart, 自然人 left of the five and 总计 right of them, under
    the measure of a CJK character (one column or two) that the table's rows confirm: on each of
    three rows at least printing its seven values on one line on the header's page (pdftotext
    places each page's columns apart), each value nearest the name of its place (under the other
    measure the names fall elsewhere over the values)."""
    header: list[Token] = []
    first_row = None
    for index, token in enumerate(tokens):
        if token.kind != TEXT:
            continue
        if "本年新收" in token.text or "本年度新收" in token.text:
            first_row = index
            break
        if "申请人情况" in token.text:
            header = []  # (prose before the table may name the applicants too)
        header.append(token)
    if first_row is None or not header or "申请人情况" not in header[0].text:
        return None
    width = len(T3_HEADER_WORDS)
    # (most headers print the names' first words in the template's order: no place to measure)
    words = "".join([t.text for t in header]).replace("其他组织", "")
    firsts = [min((at for at in map(words.find, options) if at >= 0), default=-1) for options in T3_HEADER_WORDS]
    if -1 in firsts or firsts == sorted(firsts):
        return None  # (a name wrapped a character a line, as w3m prints a narrow cell: not read here)
    if not any("  " in text[t.start:t.end] for t in header) or _narrow_places_in_order(text, header):
        return None  # (names not padded apart: no places to read; or in order by characters)
    plain = {t.line for t in header if not lines[t.line].grid and len(lines[t.line].cells) == 1}
    # the measures under which the header names every column apart, in another order than the
    # template's (looked for first: most headers name them in order, and the rows need not be read)
    candidates = {}
    for wide in (False, True):
        found = header_centres(text, header, T3_HEADER_WORDS, plain, wide)
        centres = [c for c in found if c is not None]
        places = sorted(centres)
        if len(centres) == width and all(b - a >= 2 for a, b in zip(places, places[1:])) and centres != places:
            candidates[wide] = (places, tuple(sorted(range(width), key=centres.__getitem__)))
    if not candidates:
        return None
    page_end = next((start for start in sorted(pages) if start > header[-1].line), len(lines))
    rows: dict[int, list[Token]] = {}
    for token in tokens[first_row:]:
        if token.kind == NUM and token.line < page_end:
            rows.setdefault(token.line, []).append(token)
    full = [values for line, values in rows.items()
            if len(values) == width and not lines[line].grid and len(lines[line].cells) == 1]
    if len(full) < 3:
        return None
    orders = {ranked for wide, (places, ranked) in candidates.items()
              if all(_nearest_places(text, values, places, wide) == list(range(width)) for values in full)}
    if len(orders) != 1:
        return None
    ranked = orders.pop()
    if ranked[0] != 0 or ranked[-1] != width - 1:
        return None  # 自然人 and 总计 elsewhere: not a layout read here
    keys = [key for key, _ in _T3_PARTS]
    return tuple(keys[n - 1] for n in ranked[1:-1])


def _narrow_places_in_order(text: str, header: list[Token]) -> bool:
    """Whether the names' first words, placed by characters (a CJK character one column, as
    pdftotext pads), lie left to right in the template's order: then no measure is worth taking."""
    places: list[Optional[int]] = [None] * len(T3_HEADER_WORDS)
    for token in header:
        line_start = text.rfind("\n", 0, token.start) + 1
        raw = text[token.start:token.end].replace("其他组织", "    ")
        for n, options in enumerate(T3_HEADER_WORDS):
            if places[n] is None:
                at = next((at for at in map(raw.find, options) if at >= 0), -1)
                if at >= 0:
                    places[n] = token.start - line_start + at
    found = [p for p in places if p is not None]
    return len(found) == len(places) and found == sorted(found)


def _nearest_places(text: str, values: list[Token], places: list[float], wide: bool) -> list[int]:
    """For each value of a line, the index of the header's name nearest its centre."""
    line_start = text.rfind("\n", 0, values[0].start) + 1
    out = []
    for token in values:
        centre = width_of(text[line_start:token.start], wide) + width_of(text[token.start:token.end], wide) / 2
        out.append(min(range(len(places)), key=lambda n: abs(places[n] - centre)))
    return out


def header_doc_order(tokens: list[Token], version: str) -> Optional[tuple[str, ...]]:
    """The keys of 表二's 第二十条第（一）项 columns in the order its header prints them (the words
    after 信息内容, or after the block's heading, up to the row 规章), or None as above."""
    header = _texts_before(tokens, ("规章",))
    if header is None or version not in _T2_DOCS:
        return None
    start = max(header.rfind("信息内容") + 4, header.rfind("项") + 1)
    if start <= 0:
        return None
    return _named_order(header[start:], _T2_DOCS[version])


def _t4_header(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """The names 表四's header prints between the section's heading and the first value, as keys
    (a column's, or a group's: "g:review", "g:litigation", "g:direct", "g:after"), or None when
    anything else prints there."""
    texts = []
    for token in tokens:
        if token.kind == TEXT:
            texts.append(token.text)
        elif token.kind != EMPTY:  # (an empty cell beside the header's words is its layout)
            break
    else:
        return None
    if not texts or "情况" not in texts[0]:
        return None  # no heading of the section before the table: what is before it is not known
    return _named_order(_t4_words(texts[1:]), _T4_COLUMNS + _T4_GROUP_NAMES, once=False)


def _t4_table_groups(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """表四's groups in printed order where it prints as two tables or more (行政诉讼's ten cells
    under their header, then 行政复议's five under theirs, or the other way round), each header
    naming its groups (行政复议, 未经复议直接起诉, 复议后起诉; its columns' words may split over lines)
    and its table printing five values for each; else None."""
    tables: list[tuple[str, int]] = [("", 0)]  # each table's header words, how many values it prints
    for token in tokens:
        words, count = tables[-1]
        if token.kind == TEXT:
            if is_rule_line(token.text):
                continue
            if count:
                if not T4_HEAD_WORDS.fullmatch(token.text):
                    break  # prose after the table
                tables.append(("", 0))  # the next table's header
            tables[-1] = (tables[-1][0] + token.text, tables[-1][1])
        elif token.kind != EMPTY or count:  # (an empty cell beside the header's words is its layout)
            tables[-1] = (words, count + 1)
    if len(tables) < 2 or "情况" not in tables[0][0]:
        return None
    order: list[str] = []
    for n, (words, count) in enumerate(tables):
        if n == 0:
            words = words[words.find("情况") + 2:]  # (the section's heading names both)
        named = [_T4_GROUP_ROW[name] for name in _T4_GROUP_WORDS.findall(words)]
        if not named or count != 5 * len(named):
            return None
        order += named
    return tuple(order) if sorted(order) == sorted(_T4_ROWS) else None


_T4_GROUP_WORDS = re.compile("行政复议|未经复议直接起诉|复议后起诉")
_T4_GROUP_ROW = {"行政复议": "review", "未经复议直接起诉": "litigation_direct", "复议后起诉": "litigation_after_review"}


def _t4_words(texts: list[str]) -> str:
    """表四's header texts as one run of words, a group's caption 「（一）行政复议情况」 read as its name."""
    words = "".join("".join(texts).split())
    return _CAPTION_END.sub(r"\1", words) if "情况" in words else words


def is_rule_line(text: str) -> bool:
    """Whether a text is a plain text's rule line (「------」), not words."""
    return text[:1] in _RULE_STARTS and RULE_LINE.fullmatch(text) is not None


_RULE_STARTS = frozenset("-=─━_+:| \t")


_CAPTION_END = re.compile(r"(行政复议|行政诉讼)情况")


def _t4_columns(names: Optional[tuple[str, ...]]) -> Optional[tuple[str, ...]]:
    """The columns each group prints, from the header's names (_t4_header), when each group's are
    alike (named once for all three, or once a group), 总计 last or first (a group's sum before its
    parts, as some agencies print it); else None."""
    order = tuple(name for name in names if not name.startswith("g:")) if names else ()
    width = len(_T4_COLUMNS)
    if not order or len(order) not in (width, width * len(_T4_ROWS)):
        return None
    group = order[:width]
    if order != group * (len(order) // width) or len(set(group)) != width or "total" not in (group[0], group[-1]):
        return None
    return group


def _t4_groups(names: Optional[tuple[str, ...]]) -> Optional[tuple[str, ...]]:
    """The groups (rows) in the order the header's names (_t4_header) print them: 行政复议 left or
    right of 行政诉讼, 未经复议直接起诉 left or right of 复议后起诉, each named once; else None."""
    groups = [name for name in names if name.startswith("g:")] if names else []
    if sorted(groups) != sorted(name for name, _ in _T4_GROUP_NAMES) or _t4_columns(names) is None:
        return None
    litigation = [_T4_LITIGATION[name] for name in groups if name in _T4_LITIGATION]
    review = ["review"]
    return tuple(review + litigation if groups.index("g:review") < groups.index("g:litigation") else litigation + review)


def header_t4_order(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """The keys of 表四's columns in the order its header prints them, the same for each group,
    总计 last; or None when the words between the section's heading and the first value are not
    only the names of the groups and the columns."""
    return _t4_columns(_t4_header(tokens))


def header_t4_groups(tokens: list[Token]) -> Optional[tuple[str, ...]]:
    """表四's groups in the order its header prints them, or None (see _t4_groups)."""
    return _t4_groups(_t4_header(tokens))


def _move_columns(report: Report, table: Table, rows: tuple[str, ...], printed_order: tuple[str, ...],
                  named_order: tuple[str, ...]) -> None:
    """Each row's cells read in printed order moved to the columns the header names (with their flags)."""
    section = table.section
    _move_cells(report, {f"{section}.{key}.{printed}": f"{section}.{key}.{named}"
                         for key in rows for printed, named in zip(printed_order, named_order)})


def _move_cells(report: Report, moved: dict[str, str]) -> None:
    """Cells read at one path (the template's order) moved to another (the header's), with their flags."""
    cells = report.cells
    taken = {path: cells[path] for path in moved if path in cells}
    for path, cell in taken.items():
        cells[moved[path]] = cell
    report.flags[:] = [replace(f, cell=moved[f.cell]) if f.cell in moved else f for f in report.flags]


_GROUP_SPELLINGS = ("法人或其他组织", "法人或其它组织")


def _columns_of(text: str, token: Token, word: str, wide: bool) -> Optional[tuple[int, int]]:
    """The display columns `word` takes on its token's line (from the line's start), or None."""
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.start)
    at = text.find(word, line_start, len(text) if line_end < 0 else line_end)
    if at < 0:
        return None
    return width_of(text[line_start:at], wide), width_of(text[line_start:at + len(word)], wide)


# what may print before a name standing in its column of a space-aligned header: padding, borders
_PADDING = re.compile(r"[ \t\u3000|+\-\u2500-\u257f]*")


# 法人或其他组织, 自然人 and 总计 one after the other, apart by nothing but line breaks (blank lines,
# and a line's padding around them): no two on one line apart by spaces, as a terminal aligns cells
_CELL_ORDER = re.compile(r"法人或其[他它]组织(?:(?:[ \u3000]*\n)+[ \u3000]*)?自然人(?:(?:[ \u3000]*\n)+[ \u3000]*)?总计")


def _in_cell_order(text: str, start: int, end: int) -> bool:
    """Whether the header prints 法人或其他组织, 自然人, 总计 in a row, each glued to the next or alone
    on its line: a text writing a table's cells in the document's order, row by row, left to right
    (docx2txt: a cell a line, or cells run on). The template's order prints 自然人 first; a page's
    text (pdftotext, its pages apart by form feeds) orders lines by height, and prints a name
    spanning two header rows under the names of the first: not asked of it."""
    return _CELL_ORDER.search(text, start, end) is not None


def _right_of(text: str, left: Token, left_word: str, right: Token) -> bool:
    """Whether 自然人 (on `right`'s line) starts right of where `left_word` ends (on `left`'s), by
    characters and by a terminal's columns alike, in a space-aligned text: 自然人 standing in its
    column, nothing but padding or borders before it on its line (a text running the header's names
    on, as docx2txt does, says no column by where a word falls)."""
    line_start = text.rfind("\n", 0, right.start) + 1
    at = text.find("自然", line_start)
    if at < 0 or _PADDING.fullmatch(text, line_start, at) is None:
        return False
    for wide in (False, True):
        group, natural = _columns_of(text, left, left_word, wide), _columns_of(text, right, "自然", wide)
        if group is None or natural is None or natural[0] < group[1]:
            return False
    return True


def _char_at_column(line: str, column: int, wide: bool) -> str:
    """The character a line prints starting at display column `column` ("" if none starts there)."""
    at = 0
    for character in line:
        if at == column:
            return character
        if at > column:
            return ""
        at += width_of(character, wide)
    return ""


def _stacks(lines: list[str], word: str, wide: bool) -> list[int]:
    """The display columns where `word` prints a character a line, down one column (w3m's narrow
    box cell: 「自」 over 「然」 over 「人」)."""
    columns = []
    for n, line in enumerate(lines[:len(lines) - len(word) + 1]):
        at = line.find(word[0])
        while at >= 0:
            column = width_of(line[:at], wide)
            if all(_char_at_column(lines[n + k], column, wide) == word[k] for k in range(1, len(word))):
                columns.append(column)
            at = line.find(word[0], at + 1)
    return columns


def _stacked_natural_right_of(text: str, header: list[Token], group_word: str) -> bool:
    """Whether a terminal's ruled box (w3m) prints 自然人 a character a line in a column right of the
    box cell naming 法人或其他组织, 总计 right of it (a character a line or whole), under one measure
    of a CJK character that stacks each name in one column; no measure does: the template's order."""
    start = text.rfind("\n", 0, header[0].start) + 1
    end = text.find("\n", header[-1].end)
    lines = text[start:end if end >= 0 else len(text)].split("\n")
    answers = set()
    for wide in (False, True):
        naturals = _stacks(lines, "自然人", wide)
        if len(naturals) != 1:
            continue
        for line in lines:
            at = line.find(group_word)
            border = line.find("│", at + len(group_word)) if at >= 0 else -1
            if border >= 0:
                break
        else:
            return False
        totals = _stacks(lines, "总计", wide) + [width_of(line[:at], wide) for line in lines if (at := line.find("总计")) >= 0]
        answers.add(naturals[0] >= width_of(line[:border], wide) and any(column > naturals[0] for column in totals))
    return answers == {True}


def _t3_header(tokens: list[Token]) -> Optional[list[Token]]:
    """表三's header as text tokens: from the last 「申请人情况」 (prose before the table may name the
    applicants too) to the first row's label 「本年新收」; None where either is missing."""
    header: Optional[list[Token]] = None
    for token in tokens:
        if token.kind != TEXT:
            continue
        if "本年新收" in token.text or "本年度新收" in token.text:
            return header
        if "申请人情况" in token.text:
            header = []
        if header is not None:
            header.append(token)
    return None


def natural_printed_after_parts(tokens: list[Token], text: str = "", lines: Optional[list[Line]] = None,
                                pages: tuple[int, ...] = ()) -> bool:
    """Whether 表三's header prints 自然人 right of 法人或其他组织 (its five columns, then 自然人, then
    总计), each named once in the header (from 申请人情况 to the first row's label), 总计 after 自然人:
    both on one line, 法人或其他组织 first (a line prints left to right); or on two lines of a
    space-aligned text (not a grid's cells), 自然人 starting right of where 法人或其他组织 ends; or
    the three names in a row, nothing but line breaks between them, in a text of no pages
    (_in_cell_order). Across lines the text's order alone tells nothing else (a name spanning two
    header rows prints on either line, as w3m centres it): names on two lines of cells leave the
    template's order."""
    header = _t3_header(tokens)
    if header is None:
        return False
    if not header:
        return False
    groups = [(n, at) for n, t in enumerate(header) for name in _GROUP_SPELLINGS if (at := t.text.find(name)) >= 0]
    # (「自然」: a narrow column breaks 自然人 after it, 「人」 on the line below, as pdftotext prints it)
    naturals = [(n, at) for n, t in enumerate(header) if (at := t.text.find("自然")) >= 0]
    if len(groups) == 1 and not naturals:
        group_token = header[groups[0][0]]
        if "│" in text[group_token.start:text.find("\n", group_token.start)]:  # (a box's line)
            return _stacked_natural_right_of(text, header, next(n for n in _GROUP_SPELLINGS if n in group_token.text))
    if len(groups) != 1 or len(naturals) != 1 or sum(t.text.count("自然") for t in header) != 1:
        return False
    group, natural = groups[0], naturals[0]
    group_token, natural_token = header[group[0]], header[natural[0]]
    if group_token.line == natural_token.line:
        if not group < natural:
            return False
    elif lines is None or any(lines[t.line].grid or len(lines[t.line].cells) != 1 for t in (group_token, natural_token)) \
            or not (_right_of(text, group_token, next(n for n in _GROUP_SPELLINGS if n in group_token.text), natural_token)
                    or (not pages and _in_cell_order(text, header[0].start, header[-1].end))):
        return False
    after = header[natural[0]].text[natural[1]:] + "".join(t.text for t in header[natural[0] + 1:])
    return "总计" in after


def _rows_add_up_total_first(report: Report, table: Table) -> bool:
    """Whether every row of counts read in printed order adds up with its first value as the
    总计 (the other six its parts), and some row fails as printed (its last the 总计): the sums say
    总计 printed first where the header cannot."""
    section, failed = table.section, False
    for row in table.rows:
        printed = [report.value(f"{section}.{row.key}.{column}") for column in ("natural",) + _T3_PART_KEYS + ("total",)]
        values = [v for v in printed if isinstance(v, int)]
        if len(values) != len(printed):
            return False
        if sum(values[1:]) != values[0]:
            return False
        failed = failed or sum(values[:6]) != values[6]
    return failed


_ORDER_DOUBT = "各数值的次序无法确定"  # the parser's flag on a row of values a line whose sum fails as printed


def _drop_order_doubts(report: Report, table: Table) -> None:
    """The flags doubting the order of a row printed a value a line (its sum failed as printed)
    dropped where the row adds up in the header's order: the header settled it."""
    def adds_up(key: str) -> bool:
        values = [report.value(f"{table.section}.{key}.{column}") for column in ("natural",) + _T3_PART_KEYS]
        total = report.value(f"{table.section}.{key}.total")
        return total is not None and all(isinstance(v, int) or v is None for v in values) \
            and sum(v or 0 for v in values) == total
    report.flags[:] = [f for f in report.flags if not (
        f.kind == "parse" and _ORDER_DOUBT in f.message and f.cell.count(".") == 1
        and f.cell.startswith(f"{table.section}.") and adds_up(f.cell.split(".")[1]))]


# 总计, then 自然人, apart by nothing but line breaks (a text in the document's cell order)
_TOTAL_FIRST = re.compile(r"总计(?:(?:[ \u3000]*\n)+[ \u3000]*)?自然人")


def _stacked_total_left_of_natural(text: str, header: list[Token]) -> bool:
    """Whether a terminal's ruled box (w3m) prints 总计 and 自然人 each a character a line, 总计's
    column left of 自然人's, under one measure of a CJK character that stacks both in a column."""
    start = text.rfind("\n", 0, header[0].start) + 1
    end = text.find("\n", header[-1].end)
    lines = text[start:end if end >= 0 else len(text)].split("\n")
    answers = set()
    for wide in (False, True):
        totals, naturals = _stacks(lines, "总计", wide), _stacks(lines, "自然人", wide)
        if len(totals) == 1 and len(naturals) == 1:
            answers.add(totals[0] < naturals[0])
    return answers == {True}


def total_printed_first(tokens: list[Token], text: str, lines: list[Line], pages: tuple[int, ...] = ()) -> Optional[bool]:
    """Whether 表三's header prints 总计 left of 自然人 (总计, 自然人, the five 法人或其他组织), each named
    once in the header (from 申请人情况 to the first row's label): True on one line, 总计 first (a
    grid's row, a terminal's or a PDF's text line). None where the two print one after the other,
    apart by line breaks only, in a text of no pages (written in the document's cell order, as
    docx2txt does): 总计 printed first, or the template's 总计 spanning the header's rows from the
    first, beside 申请人情况 (the next row then opens on 自然人): the header cannot tell. Read in
    printed order, every row's 总计 went to 自然人 and 其他's to 总计: each row's sum fails, a 错误
    where the report is right."""
    header = _t3_header(tokens)
    if header is None:
        return False
    if header and not any("总计" in t.text or "自然" in t.text for t in header) \
            and "│" in text[header[0].start:header[-1].end]:
        return _stacked_total_left_of_natural(text, header)
    if not header or sum(t.text.count("总计") for t in header) != 1 or sum(t.text.count("自然") for t in header) != 1:
        return False  # (「自然」: a narrow column breaks 自然人 after it, as pdftotext -layout prints it)
    total = next((n, t.text.find("总计")) for n, t in enumerate(header) if "总计" in t.text)
    natural = next((n, t.text.find("自然")) for n, t in enumerate(header) if "自然" in t.text)
    if header[total[0]].line == header[natural[0]].line:
        return total < natural
    if pages or any(lines[header[n].line].grid or len(lines[header[n].line].cells) != 1 for n in (total[0], natural[0])) \
            or _TOTAL_FIRST.search(text, header[0].start, header[-1].end) is None:
        return False
    return None


def put_parts_in_header_order(report: Report, table: Table, tokens: list[Token], lines: list[Line],
                              pages: tuple[int, ...] = ()) -> None:
    """表三's five 法人或其他组织 cells of each row moved to the columns the header names, where it
    names them in another order than the template's; and 自然人's, where the header prints it after
    them (read in printed order, its values went to the first of the five and the last's to 自然人:
    every sum holds in any order of the six, so only the header tells)."""
    order = header_part_order(tokens)
    if order is None:
        order = header_part_order_by_position(report.text, tokens, lines, pages)
    template_order = tuple(key for key, _ in _T3_PARTS)
    # (自然人 printed after 法人或其他组织 somewhere in the section, found by str.find: else, as in
    # nearly every report, no header need be read for it)
    start, end = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
    group_at = report.text.find("法人或其", start, end)
    # (自然人 a character a line in w3m's narrow box cell: 「然」 found, on a line of the box)
    natural_at = report.text.rfind("自然", start, end)
    if natural_at < 0 and "│" in report.text[start:end]:
        natural_at = report.text.rfind("然", start, end)
    if 0 <= group_at < natural_at and natural_printed_after_parts(tokens, report.text, lines, pages):
        printed = ("natural",) + template_order
        named = (order or template_order) + ("natural",)
        _move_columns(report, table, tuple(row.key for row in table.rows), printed, named)
    elif (0 <= report.text.find("总计", start, end) < report.text.find("自然", start, end)
          or ("│" in report.text[start:end] and 0 <= report.text.find("总", start, end) < report.text.find("然", start, end))) \
            and (first := total_printed_first(tokens, report.text, lines, pages)) is not False \
            and (first or _rows_add_up_total_first(report, table)):  # (None: the sums tell)
        printed = ("natural",) + template_order + ("total",)
        named = ("total", "natural") + (order or template_order)
        _move_columns(report, table, tuple(row.key for row in table.rows), printed, named)
        _drop_order_doubts(report, table)
    elif order is not None and order != template_order:
        _move_columns(report, table, tuple(row.key for row in table.rows), template_order, order)


def put_docs_in_header_order(report: Report, table: Table, tokens: list[Token]) -> None:
    """表二's 规章 and 规范性文件 cells moved to the columns the block's header names, where it names
    them in another order than the template's."""
    names = _T2_DOCS.get(report.template)
    order = header_doc_order(tokens, report.template)
    if names is None or order is None:
        return
    template_order = tuple(key for key, _ in names)
    if order != template_order:
        _move_columns(report, table, _T2_DOC_ROWS, template_order, order)


_T4_REORDERED = "表四数值的印出顺序与表格不一致"  # the parser's flag on values it arranged by the groups' sums


def _drop_t4_order_doubt(report: Report, table: Table, tokens: list[Token], groups: tuple[str, ...],
                         columns: tuple[str, ...]) -> None:
    """The flag on 表四's values arranged by the groups' sums dropped where the header's order of
    groups and columns reads the 15 printed counts so (总计 printed first in each group: printed
    order fails the sums, the header says why)."""
    values = [t for t in tokens if t.kind != TEXT]
    if len(values) != len(groups) * len(columns) or any(t.kind != NUM for t in values):
        return
    section = table.section
    named = [f"{section}.{group}.{column}" for group in groups for column in columns]
    if all(report.value(path) == token.value for path, token in zip(named, values)):
        report.flags[:] = [f for f in report.flags
                           if not (f.cell == section and f.kind == "inferred" and _T4_REORDERED in f.message)]


def put_t4_columns_in_header_order(report: Report, table: Table, tokens: list[Token]) -> None:
    """表四's cells moved to the groups and columns the header names, where it names them in
    another order than the template's (尚未审结 before 其他结果; 行政诉讼 before 行政复议). Values the
    parser arranged by the groups' sums (a PDF's text order) are not in printed order: left alone."""
    names = _t4_header(tokens)
    columns = _t4_columns(names)
    if any(f.cell == table.section and f.kind == "inferred" for f in report.flags):
        if columns is not None:
            _drop_t4_order_doubt(report, table, tokens, _t4_groups(names) or _T4_ROWS, columns)
        return
    template_columns = tuple(key for key, _ in _T4_COLUMNS)
    # (two tables: each header names its own groups; a header naming all three is one table's)
    apart = None if names is not None and {"g:review", "g:direct", "g:after"} <= set(names) else _t4_table_groups(tokens)
    if columns is None and apart is None:
        return
    columns = columns or template_columns
    groups = apart or _t4_groups(names) or _T4_ROWS
    if columns == template_columns and groups == _T4_ROWS:
        return
    section = table.section
    moved = {f"{section}.{printed_row}.{printed}": f"{section}.{named_row}.{named}"
             for printed_row, named_row in zip(_T4_ROWS, groups)
             for printed, named in zip(template_columns, columns)}
    moved.update((f"{section}.{printed_row}", f"{section}.{named_row}")  # (a flag naming a whole group)
                 for printed_row, named_row in zip(_T4_ROWS, groups) if printed_row != named_row)
    _move_cells(report, moved)
