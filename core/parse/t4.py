"""表四 (section 四's table): found among its tokens, read by its header's positions, its groups'
totals, a pipe grid, cell marks or paragraphs as printed, and stored (parse_t4); its groups flagged
where nothing confirms them."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import combinations, permutations
from typing import Optional, Sequence

from core.model import (GLUED_NO_CUT, INFERRED, MISSING, OTHERS_MAY_BE_IN, PLACED_BY_POSITION, READING_UNDECIDED, CellValue, Flag, Number,
                        Report, known)
from core.parse.blocks import PLACE_UNKNOWN
from core.parse.column_order import T4_HEAD_WORDS, is_rule_line
from core.parse.columns import SURE_MARGIN, positions, repeated_header_names, token_number, value_distance, width_of
from core.parse.early_values import BY_POSITION
from core.parse.glued import LEFT_OPEN
from core.parse.glued_tables import NO_CUT_ADDS_UP
from core.parse.lost import BLANKS_UNTRACED_ZEROS, LOST, only_zeros, printed_placeholder, zero_row
from core.parse.lost_label import LOST as LOST_CHARACTER
from core.parse.open_zeros import read_open_zeros
from core.parse.overflow import overflow_cells_unread, overflow_mark
from core.parse.paragraph_streams import t4_paragraph_groups, t4_with_blank_paragraphs
from core.parse.prose_counts import flat_prose, stated_t4
from core.parse.reconcile import unglue_t4
from core.parse.row_sums import parts_add_up
from core.parse.ruled import ruled_row
from core.parse.stored_cells import cell_from_token
from core.parse.t4_total_heads import store_t4_groups, t4_groups_by_total_heads
from core.parse.t4_transposed import t4_transposed
from core.parse.tab_breaks import t4_by_cell_marks, t4_by_pipe_fields
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.readers.document import Line
from core.template import T4

_HAS_VALUE = re.compile(r"[0-9无—/－]")  # a text run holding glued values, not only header words
_T4_HEADER = re.compile(r"复议|诉讼|维持|纠正|结果|审结|总计|起诉")
_T4_COLUMN_HEADS = re.compile(r"[维纠审]")  # 结果维持, 结果纠正, 尚未审结, even a character a line (a PDF's vertical heads)


def _is_year(token: Token, following: list[Token]) -> bool:
    """Whether a number is a year: four digits, 19xx or 20xx, followed on its line by text starting
    with 年."""
    return len(token.text) == 4 and token.text[:2] in ("19", "20") and bool(following) and following[0].kind == TEXT \
        and following[0].line == token.line and following[0].text.startswith("年")


def _lost_header_word(table: list[Token], i: int, values: list[Token]) -> bool:
    """The lost character at `i` (「�」) is a header word the file lost to characters no decoding
    reads (a page in two charsets: w3503 r0001 split-html-lynx's 「其他结果」), no cell: a lost
    character before any count, the header's column heads (结果维持, 结果纠正, 尚未审结) after it."""
    if any(t.kind == NUM for t in values):
        return False
    following = next((t for t in table[i + 1:] if not (t.kind == NA and t.text == LOST_CHARACTER)), None)
    return following is not None and following.kind == TEXT and bool(_T4_COLUMN_HEADS.search(following.text))


def _is_caption_number(table: list[Token], i: int) -> bool:
    """Whether the number at table[i] numbers a table's caption: after 「表」 (「表3」, 「附表 3」, as
    pdftotext spaces them), text after it on its line (「政府信息公开行政复议、行政诉讼情况」)."""
    token = table[i]
    before, after = table[i - 1] if i else None, table[i + 1] if i + 1 < len(table) else None
    return before is not None and after is not None and before.kind == TEXT and after.kind == TEXT \
        and before.line == token.line == after.line and before.text.endswith("表")


def _t4_not_found(report: Report) -> None:
    report.problems.append("未找到第四部分统计表（行政复议、行政诉讼情况）")
    report.flags.append(Flag("section4", "missing", f"未找到统计表：{T4.title}"))


def parse_t4(tokens: list[Token], report: Report, lines: Optional[list[Line]] = None,
             pages: tuple[int, ...] = ()) -> None:
    """表四 into the report; `pages`: the lines beginning its pages when the text marks them (a PDF's
    text, pdftotext's form feeds). A cell printing 「###」 holds its place, read as a blank, then
    left unread and flagged (overflow.py)."""
    marks: list[Token] = []
    _parse_t4(tokens, report, lines, pages, marks)
    if marks:
        overflow_cells_unread(report, T4, marks)


def _parse_t4(tokens: list[Token], report: Report, lines: Optional[list[Line]], pages: tuple[int, ...],
              marks: list[Token]) -> None:
    width = len(T4.rows) * len(T4_COLUMNS_KEYS)
    table = t4_table_tokens(tokens, pages)
    if table is None:
        _t4_not_found(report)
        return
    values: list[Token] = []
    header_lines = {t.line for t in table if t.kind == TEXT}
    for i, token in enumerate(table):
        if token.kind == TEXT:
            if token.text[:2] == "##" and overflow_mark(table, i):  # a cell printing 「###」: its place kept
                marks.append(token)
                values.append(Token(EMPTY, "", token.start, token.end, token.line))
                continue
            if len(token.text) > 20 and values and not (len(values) < width and _t4_continues(table, i)):
                break  # prose after the table
            continue
        if values and token.kind == NUM and _is_year(token, table[i + 1:i + 2]):
            break  # prose after the table, begun by a year: "2020 年，我单位…"
        if not values and token.kind == NUM and _is_caption_number(table, i):
            continue  # the table's caption: 「表 3 政府信息公开行政复议、行政诉讼情况」
        if token.kind == EMPTY and token.line in header_lines:
            continue  # an empty cell beside header words: layout of the merged header, not a value
        if token.kind == NA and token.text == LOST_CHARACTER and _lost_header_word(table, i, values):
            continue  # (a character the file lost: most texts lost none, one compare)
        values.append(token)
    if len(values) > width and report.year is not None:
        values = _own_year_row(table, values, width, report.year) or values
    transposed = t4_transposed(table) if len(values) <= width else None
    if transposed is not None:
        values = transposed  # (a row for each column, a value for each group: group after group)
    if lines and len(values) > width:
        values = _without_empty_rows(values, lines, width)
    if lines and pages and len(values) == width + 1:
        values = _without_page_number(values, lines, pages)
    if not values and any(_HAS_VALUE.search(t.text) for t in table):
        report.problems.append("第四部分统计表没有可读的数值")
        report.flags.append(Flag("section4", "missing", "表四没有可读的数值，请对照原文填写"))
        return
    if not values and not any(t.kind == TEXT and _T4_COLUMN_HEADS.search(t.text) for t in table):
        # only the section's heading (复议, 诉讼), no header of columns: the table is not in the text
        # (a picture of it, a converter's dropped table), not a table printed blank
        _t4_not_found(report)
        return
    if not values and printed_placeholder(table):
        # its header printed, its body as pandoc's "[TABLE]": the rows are lost, not printed blank
        report.problems.append("第四部分统计表只转出了表头，表格内容在转换时丢失")
        report.flags.append(Flag("section4", LOST, "表四只转出了表头，表格内容在转换时印成了“[TABLE]”，未能读出，请核对原文件"))
        return
    report.tables.append("section4")
    if lines and len(values) < width:
        groups = t4_groups_by_total_heads(table, values, lines)
        if groups is not None:  # (plain pdftotext's stream: each group closed by its 总计 head)
            store_t4_groups(report, groups)
            return
    if lines:
        values = t4_with_blank_paragraphs(table, values, width, lines, pages)
    if not values:  # the header and nothing at all under it: every cell printed blank
        values = [Token(EMPTY, "", table[0].end, table[0].end, table[0].line)] * width
    if len(values) < width:
        values = t4_by_cell_marks(report.text, table, values, width) \
            or t4_by_pipe_fields(report.text, table, values, width) or values
    if len(values) < width and lines:
        ruled = ruled_row(report.text, table, values, width)
        if ruled is not None:
            values = ruled  # a drawn grid places every value: no guess (a typo is the checker's)
    if len(values) < width and lines:
        placed = _t4_by_position(table, values, report, lines)
        if placed:
            values, sure = placed
            if not sure:
                report.flags.append(Flag("section4", "inferred", "表四" + BY_POSITION, (PLACED_BY_POSITION,)))
    # cells of a drawn grid (a web page's or a Word document's table) come in the table's order: a
    # group that fails there is a misprint to name, not a PDF's reading order to undo
    if len(values) == width and not all(_t4_group_ok(values[g * 5:g * 5 + 5]) for g in range(3)) \
            and not (lines and all(lines[t.line].grid for t in values)):
        reordered = _t4_reordered(values)
        if reordered:
            values = reordered
            report.flags.append(Flag("section4", "inferred", "表四数值的印出顺序与表格不一致（PDF文字顺序），已按各组合计关系排列，请对照原文核对"))
    if pages and len(values) == width:
        _flag_placeholders_first(report, values)
        if lines and not all(lines[t.line].grid for t in values):  # (pages mark lines: lines are given)
            _flag_t4_parts_printed_apart(report, values, lines)
    if len(values) != width:
        split = unglue_t4(values, len(T4.rows), len(T4_COLUMNS_KEYS))
        if split:
            report.flags.append(Flag("section4", "parse", f"表四的数字粘连在一起（{values[0].text}），已按勾稽关系拆分"
                                     + ("，请对照原文核对" if all(split) else "，" + LEFT_OPEN)))
            store_t4(report, split)
            return
        else:
            count_flag = len(report.flags)
            # (more values than cells: others' values are among them, and which is which is a guess)
            over = (OTHERS_MAY_BE_IN,) if len(values) > width else ()
            report.flags.append(Flag("section4", "parse", f"表四印有{len(values)}个数值，模板为{width}个，请对照原文核对", over))
            if len(values) < width and only_zeros(values):
                zero_row(report, T4.paths(), "section4", "表四")
                return
            grouped = t4_paragraph_groups(table, values, width, lines) if lines else None
            if grouped is None and _t4_misprinted(values, width):
                store_t4(report, values + [None] * (width - len(values)))
                _t4_blanks_with_a_misprint(report, len(values))
                return
            stated = stated_t4(flat_prose(report)) if grouped is None and len(values) < width else (None, None)
            cells, by_prose = (grouped, False) if grouped is not None else assign_t4(values, width, stated)
            if by_prose:
                said = "、".join(f"{name}{number}件" for name, number in zip(("行政复议", "行政诉讼"), stated)
                                 if number is not None)
                report.flags[count_flag] = Flag("section4", "parse",
                                                f"表四印有{len(values)}个数值，模板为{width}个，按正文所称{said}放置，请对照原文核对", over)
            store_t4(report, cells)
            if all(t is None or t.kind in (NUM, NA, EMPTY) for t in cells) \
                    and all(_t4_group_placed_ok(cells[g * 5:g * 5 + 5]) for g in range(3)) \
                    and read_open_zeros(report, list(T4.paths())):  # (every group adds up, its blanks 0)
                report.flags.append(Flag("section4", "inferred", "表四" + BLANKS_UNTRACED_ZEROS))
            return
    store_t4(report, values)


# a row label naming the report's own year (「本年度」, 「2023年」 checked apart) or another (「上年度」)
_OWN_YEAR_WORDS = re.compile("本年|本期|今年|当年")
_OTHER_YEAR_WORDS = re.compile("上年|上一年|去年|前年|上期|同期")
_ROW_YEARS = re.compile(r"(?:19|20)\d\d")


def _own_year_row(table: list[Token], values: list[Token], width: int, year: int) -> Optional[list[Token]]:
    """表四 printed with a row for the report's year and one for another (「2023年」 and 「2022年」,
    「本年度」 and 「上年度」, either first), each a label and then its `width` values: the row whose
    label names the report's year, when exactly one does and every other names another year;
    else None. (Read in printed order, last year's row first put its counts in this year's cells,
    flagged as printing 30 of 15 values.)"""
    if len(values) % width:
        return None
    at = {id(t): i for i, t in enumerate(table)}
    own, others = [], 0
    for start in range(0, len(values), width):
        row = values[start:start + width]
        first, last = at[id(row[0])], at[id(row[-1])]
        if last - first != width - 1 or not first or table[first - 1].kind != TEXT:
            return None  # words between its values, or no label before them: not a labelled row
        label = table[first - 1].text
        years = {int(y) for y in _ROW_YEARS.findall(label)}
        if len(label) > 12:
            return None
        if years == {year} or (not years and _OWN_YEAR_WORDS.search(label) and not _OTHER_YEAR_WORDS.search(label)):
            own.append(row)
        elif (years and year not in years) or (not years and _OTHER_YEAR_WORDS.search(label)):
            others += 1
        else:
            return None
    return own[0] if len(own) == 1 and others == len(values) // width - 1 else None


def _t4_continues(table: list[Token], i: int) -> bool:
    """Whether the text at table[i], after some of 表四's values, goes on with 表四 rather than
    ending it: the next text not a rule line is header words alone. An agency printing 表四 as two
    tables (行政复议's five cells, then 行政诉讼's ten under their own header) has its second header
    there, not prose (a pandoc or w3m text, a web page's cells joined on a line: the ten counts were
    left unread)."""
    for token in table[i:]:
        if token.kind != TEXT:
            return False
        if not is_rule_line(token.text):
            return bool(T4_HEAD_WORDS.fullmatch(token.text))
    return False


def t4_table_tokens(tokens: list[Token], pages: tuple[int, ...] = ()) -> Optional[list[Token]]:
    """Section 四's tokens that parse_t4 reads as 表四: from its heading on, less those a page before
    the one printing its column heads prints (_from_head_page). None without a heading."""
    start = next((i for i, t in enumerate(tokens) if t.kind == TEXT and _T4_HEADER.search(t.text)), None)
    if start is None:
        return None
    return _from_head_page(tokens[start:], pages) if pages else tokens[start:]


def _without_empty_rows(values: list[Token], lines: list[Line], width: int) -> list[Token]:
    """表四's values without a grid's rows printing nothing at all, when what is left is one row of
    the table's width: a row of empty cells beside a row of 15 values is a spreadsheet's empty row
    (WPS's and Excel's web pages print one under the table; h27 wps-html r0004: 15 values, then 15
    empty cells, read as 30 values), not a second row of 表四. Of rows all empty, the first stays."""
    empty = {t.line for t in values if t.kind == EMPTY and lines[t.line].grid
             and not any(c.text.strip() for c in lines[t.line].cells)}
    if not empty:
        return values
    kept = [t for t in values if t.line not in empty]
    if not kept:
        first = min(empty)
        kept = [t for t in values if t.line == first]
    return kept if len(kept) == width else values


def _without_page_number(values: list[Token], lines: list[Line], pages: tuple[int, ...]) -> list[Token]:
    """表四's values, one more than its cells, without the one that is the number of the page
    printing it, alone on its line, where the other 15 then add up in each group as printed. Plain
    pdftotext may print a page's footer amid the table's last values, not at the page's end where
    page_furniture looks for it (p2702 r0017: 「3」 after 未经复议直接起诉's four 0s, read as its
    总计: a T4-2 finding suggesting 0 on a consistent report)."""
    candidates = [n for n, t in enumerate(values)
                  if t.kind == NUM and t.text == str(bisect_right(pages, t.line) + 1)
                  and len(lines[t.line].cells) == 1 and lines[t.line].cells[0].text.strip() == t.text]
    if len(candidates) != 1:
        return values
    kept = values[:candidates[0]] + values[candidates[0] + 1:]
    return kept if all(_t4_group_ok(kept[g * 5:g * 5 + 5]) for g in range(3)) else values


def _from_head_page(tokens: list[Token], pages: tuple[int, ...]) -> list[Token]:
    """表四's tokens (its heading first) without those printed on a page before the one printing its
    first column head (结果维持…): the table's cells lie under its heads, and a text marking its pages
    prints page after page, so what an earlier page prints after the heading is not the table's
    (pages732-r0016: the heading, then the page's number 「3」, 表四 on the next page; r0024: 表三's
    46 printed after 表四's heading — read as 行政复议's 结果维持, a T4-1 错误 on a consistent report)."""
    head = next((t.line for t in tokens if t.kind == TEXT and _T4_COLUMN_HEADS.search(t.text)), None)
    if head is None:
        return tokens
    page = bisect_right(pages, head)
    return tokens[:1] + [t for t in tokens[1:] if bisect_right(pages, t.line) >= page]


def _flag_placeholders_first(report: Report, values: list[Token]) -> None:
    """Flag 表四 groups that a PDF's text prints a value a line, every placeholder (无, —) before two
    numbers or more, one of them other than the 总计 not 0: pdftotext may print a row's words of one
    font before those of another (pages713-r0025: 无 1 无 无 1 printed 无 无 无 1 1), so which of the
    four columns holds that number the text cannot tell, and any of them adds up alike."""
    for g, row in enumerate(T4.rows):
        group = values[g * 5:g * 5 + 5]
        kinds = [t.kind for t in group]
        first = kinds.index(NUM) if NUM in kinds else len(kinds)
        if 0 < first <= 3 and all(k == NA for k in kinds[:first]) and all(k == NUM for k in kinds[first:]) \
                and any(t.value for t in group[first:-1]) and len({t.line for t in group}) == len(group):
            report.flags.append(Flag(f"section4.{row.key}", "parse", f"表四「{row.label}」组的占位符都印在数字之前（PDF文字顺序"
                                     "可能按字体分开印出），数字所在的列无法确定，请对照原文核对"))


def _t4_misprinted(values: list[Token], width: int) -> bool:
    """表四 printing fewer counts than cells, blank cells leaving no trace, that no placement in
    printed order makes add up group by group (_t4_placed_by_groups): a misprint among them. Not
    a lone run of digits: it may be several cells run together (docx2txt's 「819」: 8, 1 and 9)."""
    if len(values) == 1 and sum(c.isdigit() for c in values[0].text) > 1:
        return False
    return 0 < len(values) < width and all(t.kind in (NUM, EMPTY, NA) for t in values) \
        and any(t.kind == NUM and t.value for t in values) and _t4_placed_by_groups(values, width) is None


def _t4_blanks_with_a_misprint(report: Report, printed: int) -> None:
    """表四 stored in printed order (_t4_misprinted), its cells left unprinted blank (0): each
    printed count may sit in any of several cells, and whichever cells they are, a group fails.
    Left unread, the unprinted cells let no sum fail and the misprint went unnamed; read as
    blank, the failing group names its cells, and every cell is flagged (READING_UNDECIDED) so that the
    finding names them all, the misprinted one among them."""
    for path in T4.paths():
        if report.cells[path].state == MISSING:
            report.cells[path] = CellValue(0, INFERRED)
    for row in T4.rows:
        for column in row.columns:
            report.flags.append(Flag(f"section4.{row.key}.{column.key}", "inferred",
                                     f"表四只印有{printed}个数值，空白单元格未留痕迹，"
                                     f"{NO_CUT_ADDS_UP}；{PLACE_UNKNOWN}，已按印出顺序读取，未印出的格按空白（0）读取，请对照原文核对",
                                     (GLUED_NO_CUT, READING_UNDECIDED)))


def store_t4(report: Report, values: Sequence[Optional[Token]]) -> None:
    for path, token in zip(T4.paths(), values):  # (row after row, as the values are read)
        report.cells[path] = cell_from_token(token, "count", report, path)


T4_COLUMNS_KEYS = tuple(c.key for c in T4.rows[0].columns)
T4_HEADER_WORDS = ("维持", "纠正", "其他", "尚未", "总计")


def _t4_by_position(tokens: list[Token], values: list[Token], report: Report,
                    lines: list[Line]) -> Optional[tuple[list[Token], bool]]:
    """表四 printed as one space-aligned line with blank cells left as gaps: the values go to the
    columns named in the header (维持 纠正 其他 尚未 总计, three times) in the nearest way under
    which every group adds up. Sure only when the next such way is clearly farther, the values lie
    near their columns (pdftotext spaces a header line and a value line differently) and, where the
    header fits measured both with a character one column and with a CJK character two, both place
    them alike. None without such a header, or when no way adds up."""
    if len({t.line for t in values}) != 1 or lines[values[0].line].grid or len(lines[values[0].line].cells) != 1:
        return None
    plain = {t.line for t in tokens if not lines[t.line].grid and len(lines[t.line].cells) == 1}
    header = [t for t in tokens if t.kind == TEXT and t.line < values[0].line]
    fits, tables = [], []
    vertical = False  # (names read down their columns: never sure, see _vertical_header_names)
    # (values all 0 or placeholders add up in any columns: a header spaced otherwise than they are
    # says nothing of theirs, read as a row of 0s below)
    zeros_only = only_zeros(values)
    for wide in (False, True):
        names = repeated_header_names(report.text, header, T4_HEADER_WORDS, len(T4.rows), plain, wide)
        if names is None and not zeros_only:
            names = _vertical_header_names(report.text, header, T4_HEADER_WORDS, len(T4.rows), plain, wide)
            vertical = vertical or names is not None
        if names is None:
            continue
        where = positions(report.text, values, plain, wide)
        intervals = [where[id(t)] for t in values]
        anchors = [(centre - half, centre + half) for centre, half in names]
        # the header and the value line are spaced differently anyway: no offset is tried
        distance = [[value_distance(interval, anchor) for anchor in anchors] for interval in intervals]
        tables.append((wide, distance))
        ways = _t4_nearest_ways(values, distance)
        if ways:
            fits.append((ways[0][0], wide, ways))
    misprinted = not fits
    if misprinted:  # no way adds up in every group: one group may hold a misprint, placed by position alone
        for wide, distance in tables:
            ways = _t4_nearest_ways(values, distance, misprint=True)
            if ways and ways[0][0] <= len(values):  # (only a measure under which the values lie near columns)
                fits.append((ways[0][0], wide, ways))
    if not fits:
        return None
    ways = min(fits, key=lambda fit: fit[:2])[2]
    cost, columns = ways[0]
    row = [Token(EMPTY, "", values[0].start, values[0].start, values[0].line)] * (len(T4.rows) * 5)
    for token, column in zip(values, columns):
        row[column] = token
    # (where both measures of the text's width fit, they must place the values alike: pages714-r0039's
    # header and value line, spaced differently, put a 0 under review's 总计 by one, under 未经复议's
    # 结果维持 by the other)
    sure = (len(ways) == 1 or ways[1][0] - cost >= SURE_MARGIN) and cost <= len(values) \
        and all(fit[2][0][1] == columns for fit in fits) and not vertical
    if misprinted and not sure:
        return None  # (a misprint placed by a doubtful position would hide which cell it is)
    return row, sure


def _vertical_header_names(text: str, header: list[Token], words: tuple[str, ...], groups: int,
                           plain_lines: set[int], wide: bool) -> Optional[list[tuple[float, float]]]:
    """表四's column names printed a character a line in their narrow cells (pdftotext -layout:
    「结/果/维/持」 down one column, 「总/计」 down another): (centre, half width) of each name, read
    down the columns its characters share on consecutive lines, left to right; None unless they
    name the five columns, `groups` times over, in order. pdftotext spaces such a header's lines
    otherwise than the values' line: what is placed by them is never sure."""
    down: dict[int, list[tuple[int, str]]] = {}  # display column -> (line, character), down the header
    for token in header:
        if token.kind != TEXT or token.line not in plain_lines:
            continue
        line_start = text.rfind("\n", 0, token.start) + 1
        column = width_of(text[line_start:token.start], wide)
        for character in text[token.start:token.end]:
            down.setdefault(column, []).append((token.line, character))
            column += width_of(character, wide)
    found: list[tuple[float, int]] = []
    for column, characters in down.items():
        read, last = "", None
        for line, character in sorted(characters):
            read += ("" if last is None or line == last + 1 else "|") + character
            last = line
        centre = column + width_of(characters[0][1], wide) / 2
        found += [(centre, n) for n, word in enumerate(words) if word in read]
    found.sort()
    if [n for _, n in found] != list(range(len(words))) * groups:
        return None
    return [(centre, _VERTICAL_HALF) for centre, _ in found]


_VERTICAL_HALF = 1.5  # a column named down the header spans this far either side of its centre (columns._HALF_NAME)


def _t4_nearest_ways(values: list[Token], distance: list[list[float]],
                     misprint: bool = False) -> list[tuple[float, tuple[int, ...]]]:
    """The two nearest ways (cost, columns) to put 表四's values, in order, in its 15 columns so
    that each group adds up; `distance[n][c]` is how far value n lies from column c. `misprint`:
    so that every group but one adds up, that one's values in any of its columns (a typo there)."""
    count, found = len(values), []
    for first in range(min(5, count) + 1):
        for second in range(first, min(first + 5, count) + 1):
            if count - second > 5:
                continue
            for loose in ((None,) if not misprint else range(3)):
                best = []
                for group, (low, high) in enumerate(((0, first), (first, second), (second, count))):
                    group_ways = _t4_group_ways(values[low:high]) if group != loose \
                        else list(combinations(range(5), high - low))
                    ways = sorted((sum([distance[low + n][group * 5 + c] for n, c in enumerate(way)]),
                                   tuple(group * 5 + c for c in way)) for way in group_ways)
                    if not ways:
                        break
                    best.append(ways[:2])
                else:  # the nearest way of each group, and each group's next nearest in turn
                    for swap in (None, 0, 1, 2):
                        if swap is not None and len(best[swap]) < 2:
                            continue
                        chosen = [ways[1] if g == swap else ways[0] for g, ways in enumerate(best)]
                        found.append((sum(c for c, _ in chosen), sum((w for _, w in chosen), ())))
    return sorted(set(found))[:2]


def _t4_group_ways(values: list[Token]) -> list[tuple[int, ...]]:
    """The columns (0-4) a group's values can take so that the group adds up: its 总计 is the
    last value and the sum of the others, or it is blank and every value is 0."""
    numbers = [token_number(t) for t in values]
    if not known(numbers):
        return []
    ways: list[tuple[int, ...]] = []
    if numbers and abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9:
        ways += [chosen + (4,) for chosen in combinations(range(4), len(values) - 1)]
    if len(values) <= 4 and not any(numbers):
        ways += list(combinations(range(4), len(values)))
    return ways


def assign_t4(values: list[Token], width: int, stated: tuple[Optional[int], Optional[int]] = (None, None)
              ) -> tuple[Sequence[Optional[Token]], bool]:
    """Too many values: the first run of 15 whose groups add up; too few: placed so that each
    group adds up, as the prose `stated` where it settles a tie (_t4_placement), else padded
    (flagged); and whether the prose chose the placement."""
    if len(values) > width:
        for offset in range(len(values) - width + 1):
            window = values[offset:offset + width]
            if all(_t4_group_ok(window[g * 5:g * 5 + 5]) for g in range(3)):
                return window, False
        return values[:width], False
    placed, by_prose = _t4_placement(values, width, stated)
    return (placed, by_prose) if placed is not None else (values + [None] * (width - len(values)), False)


def _t4_placed_by_groups(values: list[Token], width: int,
                         stated: tuple[Optional[int], Optional[int]] = (None, None)) -> Optional[list[Optional[Token]]]:
    """Too few values (blank cells that left no trace): the leftmost placement, in printed order,
    where every group adds up and a group printing a count other than 0 prints its 总计 (a blank
    total would hide it). None when no placement does (a typo: left to the checker as padded).
    `stated`: the numbers of 行政复议 and of 行政诉讼 the prose states (prose_counts.stated_t4):
    placements that add up tie, and the leftmost may put a count in the wrong group (「3 3」 read
    as 行政复议 where the prose says 行政诉讼3件): then the leftmost whose 总计 agree with the
    prose is taken, where one does."""
    return _t4_placement(values, width, stated)[0]


def _t4_placement(values: list[Token], width: int, stated: tuple[Optional[int], Optional[int]]
                  ) -> tuple[Optional[list[Optional[Token]]], bool]:
    """_t4_placed_by_groups' placement, and whether the prose chose it over the leftmost."""
    if not values or len(values) > width or any(t.kind not in (NUM, EMPTY, NA) for t in values):
        return None, False
    leftmost = _t4_leftmost_placement(values, width)
    if leftmost is None or _t4_agrees(leftmost, *stated):
        return leftmost, False
    agreeing = _t4_leftmost_placement(values, width, *stated)
    return (agreeing, True) if agreeing is not None else (leftmost, False)


def _t4_agrees(cells: Sequence[Optional[Token]], review: Optional[int], litigation: Optional[int]) -> bool:
    """Whether 表四's cells give the prose's numbers of 行政复议 and 行政诉讼 (None: not stated)."""
    def total(group: int) -> Number:
        token = cells[group * 5 + 4]
        return 0 if token is None or token.value is None else token.value
    return (review is None or total(0) == review) and (litigation is None or total(1) + total(2) == litigation)


def _t4_leftmost_placement(values: list[Token], width: int, review: Optional[int] = None,
                           litigation: Optional[int] = None) -> Optional[list[Optional[Token]]]:
    """The first of the placements in the order of combinations(range(width), len(values)) whose
    groups all add up, 行政复议's 总计 `review` and the two 行政诉讼 groups' together `litigation`
    where given (None: any); None if no placement does."""
    # A group is judged by its own cells alone, so the search goes group by group: the values a
    # group takes (in its cells' order, _T4_CELL_CHOICES) and, memoised, whether the values after
    # them can fill the groups after it (a walk value by value weighed up to C(15, 8) placements
    # where none held); with `litigation`, what the groups left must still total is part of the key.
    groups, count = width // 5, len(values)
    rest_of: dict[tuple[int, int, Number], Optional[list[tuple[int, Token]]]] = {}

    def fill(group: int, first: int, owed: Number) -> Optional[list[tuple[int, Token]]]:
        """values[first:] placed in the groups from `group` on, as (column, value), the 行政诉讼
        groups among them totalling `owed` (with `litigation`); None if no way."""
        if group == groups:
            return [] if first == count and (litigation is None or owed == 0) else None
        if (group, first, owed) not in rest_of:
            rest_of[group, first, owed] = None
            for cells in _T4_CELL_CHOICES:
                taken = first + len(cells)
                if taken > count or count - taken > 5 * (groups - group - 1):
                    continue
                row: list[Optional[Token]] = [None] * 5
                for cell, token in zip(cells, values[first:taken]):
                    row[cell] = token
                if not _t4_group_placed_ok(row):
                    continue
                total = 0 if row[4] is None or row[4].value is None else row[4].value
                if group == 0 and review is not None and total != review:
                    continue
                left = owed - total if group > 0 and litigation is not None else owed
                if (rest := fill(group + 1, taken, left)) is not None:
                    rest_of[group, first, owed] = [(group * 5 + cell, token)
                                                   for cell, token in zip(cells, values[first:taken])] + rest
                    break
        return rest_of[group, first, owed]

    found = fill(0, 0, litigation or 0)
    if found is None:
        return None
    placed: list[Optional[Token]] = [None] * width
    for column, token in found:
        placed[column] = token
    return placed


# The cells of one 表四 group (0-3 results, 4 总计) a run of values can take, in the order of the
# leftmost placement overall: compared cell by cell, a value not taken here goes to a later group
# (beyond every cell of this one), so (0, 1, 2) comes before (0, 1) and (0, 1) before (0, 2).
_T4_CELL_CHOICES = sorted((cells for k in range(6) for cells in combinations(range(5), k)),
                          key=lambda cells: cells + (5,))


def _t4_group_placed_ok(group: Sequence[Optional[Token]]) -> bool:
    nums = [0 if t is None or t.value is None else t.value for t in group]  # (a NUM token's value, else 0)
    if any(nums[:4]) and group[4] is None:
        return False
    return sum(nums[:4]) == nums[4]


def _t4_reordered(values: list[Token]) -> Optional[list[Token]]:
    """PDF reading order can print a group's 总计 away from its four results ("72 64 178 37 | 12 1
    1 6 | 351 | 13 4 8 1 26 | 20"). Three runs of four consecutive values whose sums are the three
    remaining values rebuild the groups, ordered as their totals are printed; None if none do."""
    # _t4_group_ok of four consecutive values and a total, from each run's sum worked out once
    nums = [0 if t.value is None else t.value for t in values]  # (a NUM token's value, else 0)
    # the three runs add up to the three totals, so all the values to twice the totals: an odd
    # sum of whole numbers proves no grouping (commonly a misprint in a group printed in order)
    if sum(nums) % 2 and all(type(n) is int for n in nums):
        return None
    run_sums = [sum(nums[a:a + 4]) for a in range(len(values) - 3)]
    for starts in combinations(range(len(values) - 3), 3):
        if any(b - a < 4 for a, b in zip(starts, starts[1:])):
            continue
        inside = {i for a in starts for i in range(a, a + 4)}
        totals = [i for i in range(len(values)) if i not in inside]
        for order in permutations(range(3)):
            if all(run_sums[starts[g]] == nums[totals[k]] for k, g in enumerate(order)):
                groups = [values[a:a + 4] for a in starts]
                return [t for k, g in enumerate(order) for t in groups[g] + [values[totals[k]]]]
    return None


def flag_unconfirmed_t4_groups(report: Report, elsewhere: str = "") -> None:
    """表四 put together from pieces printed among other sections' text (t4_stray_values), read in
    printed order: where a group fails to add up, that order is off somewhere, and a group printing
    only zeros and placeholders adds up in any order, so nothing confirms which of its cells
    printed 0 and which a placeholder or blank. Such groups are flagged, and so is the failing
    group: a value of another table's printed among the pieces (表三's, in pdftotext's order of a
    2019 report) fails it as a misprint would, so its finding is a doubt, not an error. With
    `elsewhere`, section 四's own values were read while pieces of 表四 holding counts printed under
    section 五's heading (t4_partly_under_section5): the same doubt, for which `elsewhere` says why,
    and groups adding up vouch for nothing then (those pieces were not put in the table): a group
    read as only zeros and blanks is flagged all the same, its counts may be those pieces'."""
    numbers = {row.key: [report.cells[f"section4.{row.key}.{column}"].arithmetic for column in T4_COLUMNS_KEYS]
               for row in T4.rows}
    every_group_adds_up = all(known(n) and parts_add_up(n) for n in numbers.values())
    if every_group_adds_up and not elsewhere:
        return
    for row in T4.rows:
        n = numbers[row.key]
        if elsewhere and every_group_adds_up and all(v == 0 for v in n):
            report.flags.append(Flag(f"section4.{row.key}", "parse",
                                     f"表四「{row.label}」组：{elsewhere}（PDF文字顺序），本组只读到0或空白，"
                                     "那些片段中的数值可能属于本组，请对照原文核对"))
        elif elsewhere and (all(v == 0 for v in n) or not known(n) or not parts_add_up(n)):
            report.flags.append(Flag(f"section4.{row.key}", "parse",
                                     f"表四「{row.label}」组：{elsewhere}（PDF文字顺序），表四各组之和与总计不符，"
                                     "本组数值可能不全或混入了别处的数值，请对照原文核对", (OTHERS_MAY_BE_IN,)))
        elif all(v == 0 for v in n):
            report.flags.append(Flag(f"section4.{row.key}", "inferred",
                                     f"表四「{row.label}」组的数值印在第四部分之外（PDF文字顺序），只有0和占位符，"
                                     "哪格印0、哪格留空无法确定，请对照原文核对"))
        elif not known(n) or not parts_add_up(n):
            report.flags.append(Flag(f"section4.{row.key}", "parse",
                                     f"表四「{row.label}」组的数值由印在各处的片段拼合（PDF文字顺序），"
                                     "各项之和与总计不符，可能拼入了别处的数值，请对照原文核对"))


def _flag_t4_parts_printed_apart(report: Report, values: Sequence[Token], lines: Sequence[Line]) -> None:
    """表四 read in a page's text order (plain pdftotext): a group whose four parts print some side
    by side on a line (left to right) and the others each on a line apart came in the text's
    blocks, and pdftotext orders those lone blocks by its own reading, not always left to right
    (「14 2」, then 「0」, then 「2」 for 14, 2, 2, 0). So does a group whose parts each print as a
    paragraph of their own, a blank line between every two (「0」「0」「0」「1」 for 0, 1, 0, 0),
    under heads whose columns' characters interleave in one paragraph (_heads_interleaved): each
    is a block, and pdftotext's blocks there are not in the columns' order; unlike a part a line in
    one paragraph (the header's order) or blocks under heads printed a block each, left to right,
    as the values under them. The parts' sum is
    the same in any order, so the sums cannot tell which column each lone count is in: where they
    differ, the group is read in printed order and flagged (READING_UNDECIDED)."""
    for g, row in enumerate(T4.rows):
        parts = values[g * 5:g * 5 + 4]
        on_line: dict[int, list[Token]] = {}
        for token in parts:
            on_line.setdefault(token.line, []).append(token)
        if len(on_line) < 2:
            continue  # one line (left to right)
        apart = max(map(len, on_line.values())) < 2
        if apart and not (_each_a_paragraph(parts, lines)
                          and _heads_interleaved(lines, values[g * 5 - 1].line if g else -1, parts[0].line)):
            continue  # a part a line in one paragraph (the header's order), or blocks in the heads' order
        if apart and any(f.cell == f"section4.{row.key}" for f in report.flags):
            continue  # flagged already (its placeholders printed first)
        lone = {tokens[0].value if tokens[0].kind == NUM else 0 for tokens in on_line.values() if len(tokens) == 1}
        if len(lone) < 2:
            continue  # the lone counts alike: any order reads the same
        message = _PARTS_EACH_APART if apart else _PARTS_PARTLY_APART
        report.flags.append(Flag(f"section4.{row.key}", "parse", message.format(row.label), (READING_UNDECIDED,)))


_IN_ANY_ORDER = "（PDF文字顺序），各项之和在任何顺序下都与总计相符，"
_PARTS_EACH_APART = "表四「{}」组的数值各自成段印出" + _IN_ANY_ORDER + "各数属于哪一列无法确定，已按印出顺序读取，请对照原文核对"
_PARTS_PARTLY_APART = ("表四「{}」组的数值有的并排、有的各占一行印出" + _IN_ANY_ORDER
                       + "各占一行的数属于哪一列无法确定，已按印出顺序读取，请对照原文核对")


_T4_HEADS = frozenset(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "维持", "纠正"))


def _heads_interleaved(lines: Sequence[Line], after: int, before: int) -> bool:
    """Whether the header above a group's values (the lines between `after` and `before`, no
    further than a value) prints heads a character a line with two or more columns' characters
    interleaved in one paragraph (「结 结 果 果 维 纠 持 正」 for 结果维持 and 结果纠正): pdftotext took
    those columns for one block, so its blocks there are not in the columns' order, and neither
    need the values' be. Heads printed each as a block of its own (「结果」「结果」「其他」…) come left
    to right, and so do the values under them."""
    paragraphs, run = [], ""
    for i in range(before - 1, max(after, before - 60), -1):
        text = "".join(lines[i].text.split())
        if len(text) == 1 and not text.isdigit():
            run = text + run
            continue
        paragraphs.append(run)
        run = ""
        if text and any(ch.isdigit() for ch in text):
            break  # a value: the group before
    paragraphs.append(run)
    return any(len(s) >= 4 and any(len(s) % k == 0 and all(s[i::k] in _T4_HEADS for i in range(k)) for k in (2, 3, 4, 5))
               for s in paragraphs)


def _each_a_paragraph(parts: Sequence[Token], lines: Sequence[Line]) -> bool:
    """Whether parts printed a line each come each in a paragraph of its own: a blank line between
    every two of them."""
    return all(b.line > a.line and any(not lines[i].text.strip() for i in range(a.line + 1, b.line))
               for a, b in zip(parts, parts[1:]))


def _t4_group_ok(group: list[Token]) -> bool:
    nums = [0 if t.value is None else t.value for t in group]  # (a NUM token's value, else 0)
    return sum(nums[:4]) == nums[4]
