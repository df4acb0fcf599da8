"""Text that the converter visibly lost before the file reached us.

Some exports leave a trace where they dropped content: pandoc's plain-text writer prints
"[TABLE]" for a table it cannot lay out, and catdoc prints a run of Western-European letters
("*gÏ~‰î•˜") where it misread a stretch of UTF-16 text as single bytes. A table or heading missing
there is a reading problem, not a report that lacks it: the flag says so, and the missing-part
check treats it as 存疑 instead of 错误.

A table whose header was printed but whose rows are gone (antiword stops a table it cannot
follow after the header) is the same kind of loss.

Some exports drop a blank cell without a trace (mammoth's Markdown, docx2txt, LibreOffice text):
a row that printed only zeros and placeholders is then 0 in every column all the same.
"""
from __future__ import annotations

import re
from typing import Optional

from core.model import INFERRED, ZEROS_ANY_READING, CellValue, Flag, Report
from core.parse.tokens import EMPTY, NA, NUM, TEXT, Token
from core.readers.document import Document, Line
from core.readers.text import MOJIBAKE_PROBLEM
from core.template import WHOLE_DOCUMENT, Table, tables

# (alone on its line, or alone in a cell of a grid table pandoc drew around it, whichever: a page's
# layout table, the article in its second column beside the site's menu)
_TABLE_PLACEHOLDER = re.compile(r"(?:^|\|)[ \t]*\[TABLE\][ \t]*(?:\||$)", re.MULTILINE)
# Accented Latin letters and Windows-1252 symbols: two of them on one line never occur in a
# Chinese report, but are what UTF-16 text read one byte at a time looks like.
_GARBLED_LATIN1 = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"  # (ranges of a regex class)
_GARBLED_BEYOND_LATIN1 = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020\u2021\u2022\u2030\u2039\u203a\u2122"
_GARBLED = re.compile(f"[{_GARBLED_LATIN1}{_GARBLED_BEYOND_LATIN1}]")
# two of them within one line (as str.splitlines() ends lines): one scan of the text finds whether
# any line holds two, instead of a scan of every line wherever a stray one is printed
_GARBLED_PAIR = re.compile(f"{_GARBLED.pattern}[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*{_GARBLED.pattern}")

LOST = "lost"  # Flag.kind: the converter dropped or garbled part of the document


def lost_text_flags(doc: Document) -> list[Flag]:
    flags = []
    if "[TABLE]" in doc.text and _placeholder_alone(doc.text):
        flags.append(Flag(WHOLE_DOCUMENT, LOST, "转换工具把文中的表格印成了“[TABLE]”，该表未能转出，请核对原文件"))
    garbled = next(line for line in doc.text.splitlines() if len(_GARBLED.findall(line)) >= 2) \
        if _may_hold_garbled(doc.text) and _GARBLED_PAIR.search(doc.text) else None
    if garbled is not None and re.search("[\u4e00-\u9fff]", doc.text):
        flags.append(Flag(WHOLE_DOCUMENT, LOST, f"部分文字在转换时成了乱码（“{garbled.strip()[:12]}”），"
                                            "其中的标题或表格无法读取，请核对原文件"))
    return flags


# the bytes of Latin-1 that are no letter of _GARBLED_LATIN1 (all but À–Ö, Ø–ö, ø–ÿ)
_NOT_GARBLED_LATIN1 = bytes(b for b in range(256) if not (0xC0 <= b <= 0xFF and b not in (0xD7, 0xF7)))
# _GARBLED_BEYOND_LATIN1 by the lead byte of their UTF-8: 0xC5, 0xC6 or 0xCB, and 0xE2
_GARBLED_BEFORE_2000 = "".join(ch for ch in _GARBLED_BEYOND_LATIN1 if ch < "\u2000")
_GARBLED_FROM_2000 = "".join(ch for ch in _GARBLED_BEYOND_LATIN1 if ch >= "\u2000")


def _placeholder_alone(text: str) -> bool:
    """Whether _TABLE_PLACEHOLDER finds a match in the text: a "[TABLE]" with only spaces and tabs
    between it and a line's start or a pipe before it, and a line's end or a pipe after it. Each
    "[TABLE]" is found by str.find and looked at around it, where the pattern tries its ^ at every
    character after the first one's line (a 234 KB text naming one: 21.5 M instructions)."""
    at = text.find("[TABLE]")
    while at >= 0:
        before, after = at, at + len("[TABLE]")
        while before and text[before - 1] in " \t":
            before -= 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if (before == 0 or text[before - 1] in "\n|") and (after == len(text) or text[after] in "\n|"):
            return True
        at = text.find("[TABLE]", at + 1)
    return False


def _may_hold_garbled(text: str) -> bool:
    """False only where the text holds no character of _GARBLED (most texts hold none of those
    letters at all), found without the regex, which tries its class at every character of the
    text (~60 instructions a character; 1.6 % of a report met for the first time). The text's
    UTF-8 (~10 instructions a character) shows each group's lead byte by memchr (~0 a character):
    0xC3 starts every character from U+00C0 to U+00FF, 0xC5/0xC6/0xCB those from U+0140 to U+01BF
    and from U+02C0 to U+02FF, 0xE2 those from U+2000 to U+2FFF (a continuation byte is never one
    of these); only a group whose lead byte is there is looked for exactly: its Latin-1 letters
    (encoded to Latin-1, the other characters dropped, then the bytes that are no letter deleted)
    or its characters by `in` (~1.4 a character each). A 2 MB log holding none: 75 → 19 M."""
    data = text.encode("utf-8", "surrogatepass")
    if 0xC3 in data and text.encode("latin-1", "ignore").translate(None, _NOT_GARBLED_LATIN1):
        return True
    if (0xC5 in data or 0xC6 in data or 0xCB in data) and any(ch in text for ch in _GARBLED_BEFORE_2000):
        return True
    return 0xE2 in data and any(ch in text for ch in _GARBLED_FROM_2000)


def lost_character_flags(report: Report) -> list[Flag]:
    """Rows holding a cell of one character the file lost (\ufffd), read as a placeholder (tokens'
    _NA). Where the reader put a Latin-1 copy of GBK text back (MOJIBAKE_PROBLEM, already said), a
    character it lost is one of two bytes, never a digit (ASCII, one byte): nothing more to say.
    Elsewhere (a damaged file, a PDF's unmapped glyph) the lost character may have been a digit."""
    if "\ufffd" not in report.text or MOJIBAKE_PROBLEM in report.problems or not report.template:
        return []
    rows = dict.fromkeys(path.rpartition(".")[0] for path, cell in report.cells.items() if cell.raw == "\ufffd")
    flags = []
    for row in rows:
        section, _, key = row.partition(".")
        label = tables(report.template)[section].row(key).label
        flags.append(Flag(row, "parse", f"「{label}」行有单元格的字符无法识别（\ufffd），已按占位符读取，"
                                        "可能是丢失的数字，请核对原文件"))
    return flags


# 表三's header words, each with white space allowed between its characters (a narrow column
# wraps them anywhere): looked for in the text as it is, not in a copy of it without white space
_T3_HEADER = tuple(re.compile(r"\s*".join(word)) for word in ("申请人情况", "法律服务机构", "勾稽关系"))


def printed_placeholder(tokens: list[Token]) -> bool:
    """Whether pandoc's "[TABLE]" stands alone among these tokens: a table it could not lay out."""
    return any(t.kind == TEXT and t.text == "[TABLE]" for t in tokens)


def headless_table_flags(report: Report) -> list[Flag]:
    """表三's header printed without any of its rows: the converter dropped the body."""
    if "section3" in report.tables:
        return []
    if sum(pattern.search(report.text) is not None for pattern in _T3_HEADER) >= 2:
        return [Flag("section3", LOST, "表三只转出了表头，表格内容在转换时丢失，请核对原文件")]
    return []


# --- rows whose blank cells left no trace -------------------------------------------------------

def only_zeros(tokens: list[Token]) -> bool:
    """Whether printed cells are all zeros or placeholders ("0", "—", "无", a blank): a row
    printing only these is 0 in every column, wherever the cells it does not print stood."""
    return bool(tokens) and all(t.kind in (NA, EMPTY) or (t.kind == NUM and t.value == 0) for t in tokens)


# (rows and 表四 read as 0 throughout, where which printed cell stood where no trace tells)
ZEROS_UNPLACED = "0与占位符各在哪一格无法确定，均按0计，请对照原文核对"
BLANKS_UNTRACED_ZEROS = "空白单元格未留痕迹，" + ZEROS_UNPLACED


def zero_row(report: Report, paths: list[str], flagged: str, what: str) -> None:
    """Every cell of a row that printed only zeros and placeholders, but fewer than its columns
    (a converter dropped its blank cells without a trace), set to 0: each column is 0 whichever
    reading of the printed cells is right; only how each cell was printed is unknown."""
    for path in paths:
        report.cells[path] = CellValue(0, INFERRED)
    report.flags.append(Flag(flagged, "inferred", f"{what}只印有0和占位符，{BLANKS_UNTRACED_ZEROS}", (ZEROS_ANY_READING,)))


def zeros_in_doubt(report: Report, table: Table, key: str, columns: list[int], message: str,
                   causes: tuple[str, ...] = ()) -> None:
    """Read the row's `columns` as 0 (inferred) and flag the row: each of them is 0 or blank, as one
    reading or another of the row has it, and a blank cell counts 0 alike."""
    row = table.row(key)
    paths = list(table.row_paths(key))
    for column in columns:
        report.cells[paths[column]] = CellValue(0, INFERRED)
    names = "、".join(f"「{row.columns[n].label}」" for n in columns)
    report.flags.append(Flag(f"{table.section}.{key}", "inferred", message.format(row.label, names),
                             causes + (ZEROS_ANY_READING,)))


def with_blank_lines(lines: list[Line], label_line: int, values: list[Token], width: int) -> Optional[list[Token]]:
    """A row printed one cell per line with no line between its cells (LibreOffice's text of a
    web page), completed from the empty lines inside it: each stands for a blank cell (an empty
    line, or a no-break space alone) and one empty line ends the row. None unless that gives
    exactly `width` cells, or when no two cells of the row (its label counted) are printed on
    adjacent lines (a paragraph stream, where an empty line follows every cell: paragraph_streams.with_blank_paragraphs)."""
    if not values or len(values) >= width or len({t.line for t in values}) != len(values):
        return None
    if not all(len(lines[t.line].cells) == 1 and not lines[t.line].grid for t in values):
        return None
    printed = [t.line for t in values]
    if not any(b - a == 1 for a, b in zip([label_line] + printed, printed)):
        return None
    end = printed[-1] + 1
    while end < len(lines) and empty_line(lines[end]):
        end += 1
    out: list[Token] = []
    for n, (after, before) in enumerate(zip([label_line] + printed, printed + [end - 1])):
        gap = range(after + 1, before)
        if n < len(values) and not all(empty_line(lines[i]) for i in gap):
            return None  # (the lines after the last value are empty: the loop above passed them)
        if n == len(values) and len(out) == width:
            break  # the row is full: the empty lines after it end it, however many
        if n == len(values) and len(out) + len(gap) != width:
            return None  # nor do the empty lines after it fill the row
        out.extend(Token(EMPTY, "", values[0].start, values[0].start, i) for i in gap)
        if n < len(values):
            out.append(values[n])
    return out if len(out) == width else None


def empty_line(line: Line) -> bool:
    """A line printing nothing (no grid, every cell blank)."""
    if line.grid:
        return False
    for cell in line.cells:  # (a loop, not all() over a generator: asked of lines by the hundred)
        if cell.text.strip():
            return False
    return True


def blank_rows(widths: dict[str, int], values_of: dict[str, list[Token]], paragraph_rows: set[str],
               beside_labels: bool) -> list[str]:
    """Rows printing no value at all in a table whose blank cells leave no trace: rows of blank
    cells. Only where the rows that print values show how a row is printed: each value a paragraph
    right after its label (mammoth's Markdown: `paragraph_rows`), or beside its label on its lines
    (a page read line by line: `beside_labels`), with some row printing fewer values than its
    columns (blank cells dropped). Elsewhere a row without values may have lost them."""
    printing = [key for key, values in values_of.items() if values]
    short = any(len(values_of[key]) < widths[key] for key in printing)
    if not printing or not (paragraph_rows or (beside_labels and short)):
        return []
    return [key for key, values in values_of.items() if not values]
