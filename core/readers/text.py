"""Plain text exports (.txt .text .md .csv): one Line per physical line.

Text exports keep the table as tab-separated fields (or one cell per line); an empty field may
be a merged cell or padding, so lines are never grid lines. The display text is the file's own
text (newlines normalised), so a reviewer sees exactly what was saved.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Callable

from core.readers.document import Document, Line, TextBuilder
from core.readers.encoding import CHINESE, decode_with_problems, looks_binary, normalise_newlines, utf16_without_bom
from core.readers.lossy_gb2312 import read_as_gb2312
from core.readers.lossy_gb2312 import restore as restore_gb2312
from core.readers.lossy_gbk import read_as_utf8
from core.readers.lossy_gbk import restore as restore_gbk
from core.readers.lossy_utf8 import restore

BINARY_PROBLEM = "不是文本文件（疑似二进制内容）"
MOJIBAKE_PROBLEM = "文件中的中文曾被按西文编码（Latin-1）转存而成乱码，已按GB18030还原，个别字符可能缺失"
UTF8_MOJIBAKE_PROBLEM = "文件中的中文曾被按西文编码（Latin-1）转存而成乱码，已按UTF-8还原"
UTF8_READ_AS_LATIN1 = "文件中的中文是UTF-8文字被按西文编码（Latin-1）读出、部分字节已丢失的乱码（如网页声明了错误的字符集）；已按模板的行列名称还原统计表，正文无法还原，请核对原文件"
GBK_READ_AS_UTF8 = "文件中的中文是GBK文字被按UTF-8编码读出、大部分字节已丢失的乱码（如网页声明了错误的字符集）；已按模板的行列名称尽量还原统计表，正文无法还原，请核对原文件"
UTF8_READ_AS_GB2312 = "文件中的中文是UTF-8文字被按GBK（GB2312）编码读出、部分字节已丢失的乱码（如网页声明了错误的字符集）；已按模板的行列名称尽量还原统计表，正文无法还原，请核对原文件"

def read_text(path: str, data: bytes, fmt: str = "txt") -> Document:
    """Decode the bytes and split them into lines of tab-separated cells (csv: comma)."""
    if _is_binary(data):
        return Document(path, fmt, problems=[BINARY_PROBLEM])
    # (a page lynx printed so holds many 「\ufffd」: most files hold none, and are not looked at)
    lynx_text = read_as_utf8(data) if b"\xef\xbf\xbd" in data else None
    # (a page lynx printed so holds many C1 control characters, U+0080–U+009F: 「\xc2」 and a byte)
    # (asked first whether it holds one: `in` finds a byte by memchr, count looks at every byte)
    gb2312_text = read_as_gb2312(data) if lynx_text is None and b"\xc2" in data and data.count(b"\xc2") >= 50 \
        else None
    if lynx_text is not None:
        text, encoding, problems = restore_gbk(normalise_newlines(lynx_text)), "gbk", [GBK_READ_AS_UTF8]
    elif gb2312_text is not None:
        text, encoding, problems = restore_gb2312(normalise_newlines(gb2312_text)), "utf-8", [UTF8_READ_AS_GB2312]
    else:
        text, encoding, problems = decode_with_problems(data)
        repaired, problem = _undo_latin1_mojibake(text)
        if repaired is not None:
            text = repaired
        if problem is not None:
            problems.append(problem)
    if "\u200b" in text:  # a web page's zero-width space (a browser's copy, w3m and lynx keep it):
        text = text.replace("\u200b", "")  # inside "1\u200b10" it would split one count in two
    # pdftotext separates pages with a form feed: a page break is a line break here.
    page_starts = _page_starts(text) if "\f" in text else ()
    text = text.replace("\f", "\n")
    if fmt == "csv" and _plain_csv(text):  # its rows its lines' fields, read as a text's lines
        text, rows = text.replace(",", "\t"), None
    else:
        rows = _csv_rows(text, problems) if fmt == "csv" else None
    builder = TextBuilder()
    pipes = "|" in text
    bare_pipes = pipes and fmt != "csv" and _has_bare_delimiter(text)
    # (no framed table beside html2text's: a row opening with a pipe is its, its first cell blank)
    only_bare = bare_pipes and not _has_framed_delimiter(text)
    # (a table holding no empty cell is read as plain lines: its lines are not looked at one by one)
    html_table = fmt != "csv" and "<table" in text and _HOLDS_EMPTY_HTML_CELL.search(text) is not None
    if not pipes and not html_table:  # most exports: every line as it is, no line looked at twice
        # (its lines made when first asked for: parse tells a text holding no report from its text)
        if rows is None:
            return Document.deferred(path, fmt, encoding, _text_of(builder, text, rows),
                                     _line_maker(text, None), problems, page_starts)
        return Document.deferred(path, fmt, encoding, "\n".join(["\t".join(cells) for cells in rows]) + "\n"
                                 if rows else "", _line_maker(text, rows), problems, page_starts)
    if rows is None and not pipes:  # (pandoc's HTML tables, some cell empty)
        _add_lines_around_empty_cells(builder, text, _physical_lines(text), "\t" in text)
    elif rows is None:
        _add_lines_with_tables(builder, _physical_lines(text), bare_pipes, html_table, only_bare, "\t" in text)
    else:
        for cells in rows:
            if len(cells) == 1 and _is_pipe_row(cells[0]):
                _add_pipe_row(builder, cells[0])
            else:
                builder.add_line(cells)
    return Document(path, fmt, encoding, _text_of(builder, text, rows), builder.lines, problems, page_starts)


def _line_maker(text: str, rows: list[list[str]] | None) -> Callable[[int | None], list[Line]]:
    """What makes a plain text's lines (its first `count`, or all for None) as the builder
    makes them: each physical line's fields between its tabs, or each CSV row's fields (the
    text then their join, tabs between the fields)."""
    tabbed = "\t" in text

    def make(count: int | None) -> list[Line]:
        builder = TextBuilder()
        if rows is None:
            builder.add_tab_lines(_physical_lines(text) if count is None else _first_physical_lines(text, count),
                                  tabbed)
        else:
            for cells in rows[:count]:
                builder.add_line(cells)
        return builder.lines
    return make


def _text_of(builder: TextBuilder, text: str, rows: list[list[str]] | None) -> str:
    """The builder's text: where it holds the text's physical lines (every line added once, in
    order, whole or cut in cells at its own separators) that is the text ending in a newline, not
    joined again from its lines; a CSV's rows are joined anew (with tabs)."""
    if rows is not None:
        return builder.text
    return text if not text or text[-1] == "\n" else text + "\n"


def _add_lines_around_empty_cells(builder: TextBuilder, lines_text: str, lines: list[str], tabbed: bool) -> None:
    """_add_lines_with_tables for a text holding no pipe: its lines (`lines_text` split) as they
    are, but for a line of an empty HTML cell (_EMPTY_HTML_CELL, a line holding no tab), which is
    a blank grid cell. Only the lines holding what every such line holds are looked at."""
    first = 0  # the first line not added yet
    number = counted = 0  # the line holding the offset `counted`
    for match in _HOLDS_EMPTY_HTML_CELL.finditer(lines_text):
        number += lines_text.count("\n", counted, match.start())
        counted = match.start()
        line = lines[number]
        if number >= first and "\t" not in line and _EMPTY_HTML_CELL.match(line):
            builder.add_tab_lines(lines[first:number], tabbed)
            _add_empty_html_cell(builder, line)
            first = number + 1
    builder.add_tab_lines(lines[first:], tabbed)


def _add_lines_with_tables(builder: TextBuilder, lines: list[str], bare_pipes: bool, html_table: bool,
                           only_bare: bool = False, tabbed: bool | None = None) -> None:
    """The lines of a text holding Markdown pipe tables or HTML table cells: a table's rows as
    grid rows, the lines between them as they are (added together). `only_bare`: every pipe
    table is html2text's, without outer pipes; `tabbed`: whether a line holds a tab, if known."""
    plain: list[str] = []  # the lines since the last table row
    open_row = False  # the line before is a bare pipe row broken inside a cell (see _ends_open)
    open_framed = False  # the line before is a framed row ending in a blank cell (see _padded_block)
    known = [0, 0, 0]  # the framed table last looked at by _padded_block: first line, end, ragged
    for number, line in enumerate(lines):
        # (a text holding no tab: its lines not looked through for one)
        if (tabbed is not False and "\t" in line) or ("|" not in line and "<t" not in line):  # no table row (most lines)
            plain.append(line)
            open_row = open_framed = False
            continue
        if "|" not in line and " **" not in line:  # an HTML cell's line (pandoc's): no pipe row, no glued heading
            if html_table and _EMPTY_HTML_CELL.match(line):
                builder.add_tab_lines(plain, tabbed)
                plain = []
                _add_empty_html_cell(builder, line)
            else:
                plain.append(line)
            open_row = open_framed = False
            continue
        if open_framed and _opens_blank(line) and _padded_block(lines, number, known) \
                and not _empty_framed_row_after_whole_one(line, builder.lines):
            first = line.index("|") + 1
            cells = line[first:line.rindex("|")].split("|")
            builder.extend_line(line, cells, first)
            open_framed = not cells[-1].strip()
            continue
        open_framed = False
        if bare_pipes and " **" in line and len(line) > 200 and (cuts := _glued_headings(line)):
            builder.add_tab_lines(plain, tabbed)
            plain = []
            builder.add_pieces(line, cuts, "|")
            open_row = False
            continue
        if open_row and line[0] == "|" and line[-1] != "|" and not _blank_row_after_whole_one(line, builder.lines):
            # (a line closed by a pipe: a framed table's)
            builder.extend_line(line, line.split("|"), 0)
            open_row = _ends_open(line)
            continue
        open_row = False
        if "|" in line and not only_bare and _is_pipe_row(line):  # (pandoc's HTML cells hold none: not asked)
            add_row = _add_pipe_row
        elif bare_pipes and _is_bare_pipe_row(line, only_bare):
            add_row = _add_bare_pipe_row
        elif html_table and _EMPTY_HTML_CELL.match(line):
            add_row = _add_empty_html_cell
        else:
            plain.append(line)
            continue
        builder.add_tab_lines(plain, tabbed)
        plain = []
        add_row(builder, line)
        if add_row is _add_bare_pipe_row:
            open_row = _ends_open(line)
        elif add_row is _add_pipe_row and line[-2:-1] in (" ", "\t", "|"):  # (inline: every framed row asks)
            body = line.rstrip()[:-1].rstrip()
            open_framed = body[-1:] == "|" and len(body) > 1  # its last cell blank ("| 标签C | 9 |    |")
    builder.add_tab_lines(plain, tabbed)


# a bold run opening with a section's ordinal (html2text writes <strong> as **): a heading
_GLUED_HEADING = re.compile(r" \*\*(?=[一二三四五六][、.．])")


def _glued_headings(line: str) -> list[int]:
    """Where headings begin in a line of html2text's holding a cell's paragraphs: a <p> inside a
    table cell breaks no line there, so a site's layout table holding the article writes all of
    it on one line, 「…377万人次。 **二、主动公开政府信息情况** | 第二十条…」, its tables' first
    rows after it (w1304 split-html-html2text r0035, h2t31z cms-html-html2text r0004: 表二 not
    found). The line is read as its paragraphs, cut before each bold heading."""
    return [m.start() + 1 for m in _GLUED_HEADING.finditer(line)]


def _opens_blank(line: str) -> bool:
    """Whether a framed line's first cell is blank, another after it ("|     | 2  |")."""
    body = line.strip()
    return body[:1] == "|" and body[-1:] == "|" and body[1:].lstrip()[:1] == "|" and body.count("|") > 2


_DASH_AFTER = re.compile(r"[ \t]*+[-:]")  # (possessive: a blank row's padding is not backtracked over)


def _padded_block(lines: list[str], number: int, known: list[int]) -> bool:
    """Whether lines[number] stands in a framed table whose rows hold varying numbers of cells:
    html2text's table padded into columns (pad_tables), where each physical line was padded as a
    row of its own, a row broken inside a cell too, so a line going on with the row above opens
    with a blank cell (a blank line is a line of one blank cell). A framed table of pandoc's holds
    a grid: every row as many cells as its delimiter line. Asked only of a line opening with a
    blank cell under a row ending in one; `known`: the last table looked at (its first line, its
    end, 1 if ragged), each table looked at once."""
    if known[0] <= number < known[1]:
        return known[2] == 1
    first = number
    while first and _is_framed(lines[first - 1]):
        first -= 1
    counts: set[int] = set()
    end = first
    while end < len(lines) and _is_framed(line := lines[end]):
        # (the delimiter line, "|---|:--|", runs as many as the first row's cells: not counted)
        if not _DASH_AFTER.match(line, line.find("|") + 1):
            counts.add(line.count("|"))
        end += 1
    known[:] = [first, end, int(len(counts) > 1)]
    return len(counts) > 1


def _is_framed(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|"


def _ends_open(line: str) -> bool:
    """Whether a bare pipe row's line ends in a cell just opened: html2text writes a cell's <br>
    as a line break, so a row holding a blank cell written "<br/>" (as web editors keep one) goes
    on at the next line, which opens with the pipe before the row's next cell ("一、…| 0|" then
    "| —| 0"). A row's first cell is never so continued: a row opening with a blank one follows a
    blank line (its <p>) or opens with its blank (" | 7| 8"). The break follows the spaces html2text
    writes before it ("|  "): a line ending on its pipe is a framed table's (a site's layout table
    padded round the report, w1304 cms-html-html2text r0006)."""
    return line[-1:] == " " and line.rstrip()[-1:] == "|"


def _blank_row_after_whole_one(line: str, lines: list[Line]) -> bool:
    """Whether `line`, opening with a pipe under a row that ends open (_ends_open), is a row of
    empty cells of its own, not that row going on: it holds no text, and the row above already
    holds as many cells as the grid row before it (a row broken inside a cell is short of its
    rest). A spreadsheet's empty rows after 表三's last (w2208 wps-html-html2text r0001, r0015):
    joined, their cells were read as the last row's, and its blank first cell dropped as padding,
    its values a column left."""
    if _HOLDS_TEXT.search(line) or len(lines) < 2 or not lines[-2].grid:  # (see _is_pipe_row)
        return False
    return len(lines[-1].cells) >= len(lines[-2].cells)


def _empty_framed_row_after_whole_one(line: str, lines: list[Line]) -> bool:
    """_blank_row_after_whole_one for a framed line of html2text's padded table (_padded_block),
    whose rows end in a blank cell as a row broken inside one does: a line going on with a row
    holds the rest of its cells, fewer than the row; one of as many empty cells or more is a row
    of its own, a spreadsheet's empty row (w2608 wps-html-html2text r0022: joined to 「四、结转下年度
    继续办理」, its 0 under 其他 was read under 社会公益组织). A table printing blank zeros breaks its
    rows over lines of empty cells, each shorter than the row (w2603 split-html-html2text r0013)."""
    return _blank_row_after_whole_one(line, lines) and line.strip().count("|") - 1 >= len(lines[-1].cells)


def _page_starts(text: str) -> tuple[int, ...]:
    """The lines that follow a form feed (each form feed ending a line, as it will)."""
    starts, line, position = [], 0, 0
    for feed in re.finditer("\f", text):
        line += text.count("\n", position, feed.start()) + 1
        position = feed.end()
        starts.append(line)
    return tuple(starts)


def _is_pipe_row(line: str) -> bool:
    """A row of a Markdown pipe table ("| 一、… | 1 |  | 3 |"), as html2text and pandoc write them."""
    # (a pipe between the outer two, not all of them counted; a character other than pipes, spaces
    # and tabs searched for: strip("| \t") looked each character up in its argument, ~90
    # instructions a character, and scanned a row's blank last cells from the right too)
    stripped = line.strip()
    return len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped.find("|", 1, -1) >= 0 \
        and _HOLDS_TEXT.search(stripped) is not None


_HOLDS_TEXT = re.compile(r"[^| \t]")  # a character other than a pipe row's pipes and padding


# html2text's Markdown tables have no outer pipes ("行政强制|  |  | 68"); under a table's first row
# it writes a delimiter line of dashes, one run per cell ("---|---", "---").
_BARE_DELIMITER = re.compile(r"^-{3,}(?:\|-{3,})*[ \t]*$", re.M)


def _has_bare_delimiter(text: str) -> bool:
    """Whether a line of the text is such a delimiter line. The pattern is tried at the lines
    opening with dashes only: searched for, it was tried at every character of the text."""
    if text.startswith("---") and _BARE_DELIMITER.match(text):
        return True
    at = text.find("\n---")
    while at >= 0:
        if _BARE_DELIMITER.match(text, at + 1):
            return True
        at = text.find("\n---", at + 1)
    return False


# a framed table's delimiter line ("|---|---|", "| :--- |"): pandoc's and mammoth's Markdown
_FRAMED_DELIMITER = re.compile(r"^[ \t]*\|[ \t]*:?-{3,}", re.M)

# _FRAMED_DELIMITER after a newline: a pattern opening with a character is tried only where it stands
_FRAMED_DELIMITER_AFTER_NEWLINE = re.compile(r"\n[ \t]*\|[ \t]*:?-{3}")


def _has_framed_delimiter(text: str) -> bool:
    """Whether _FRAMED_DELIMITER.search(text) finds a line: searched for, the pattern (anchored at
    a line's start) was tried at every character of the text (~85 instructions a character)."""
    return _FRAMED_DELIMITER.match(text) is not None or _FRAMED_DELIMITER_AFTER_NEWLINE.search(text) is not None


# pandoc writes a table with merged cells into Markdown as HTML, one "<td>…</td>" a line.
_EMPTY_HTML_CELL = re.compile(r"^\s*<t[dh](?:\s[^<>]*)?>(?:\s|&nbsp;)*</t[dh]>\s*$")
# what every line _EMPTY_HTML_CELL matches holds: a text holding none has no such line to look for
# (searched once, from each "<t"; a text's lines each matched cost ~2 000 instructions a line)
_HOLDS_EMPTY_HTML_CELL = re.compile(r"<t[dh](?:\s[^<>]*)?>(?:\s|&nbsp;)*</t[dh]>")


def _is_bare_pipe_row(line: str, only_bare: bool = False) -> bool:
    """A row of such a table: pipes between its cells, none before the first (one may end it when
    its last cell is blank). Every cell is kept, an empty one a printed blank. A pipe opens it when
    its first cell is blank ("| 2| 3| | 6| |", " |  | 14|  | 15"): a row printing some value, not
    closed by a pipe as a framed table's row is, or any where the text frames no table."""
    stripped = line.strip()
    if "|" not in stripped or stripped.startswith("---"):
        return False
    if stripped[0] != "|":
        return True
    return _HOLDS_TEXT.search(stripped) is not None and (only_bare or stripped[-1] != "|")  # (see _is_pipe_row)


def _add_pipe_row(builder: TextBuilder, line: str) -> None:
    """The cells between the pipes, as a grid row: an empty cell there is a printed blank."""
    builder.add_line(line.split("|"), grid=True, sep="|", framed=True)


def _add_bare_pipe_row(builder: TextBuilder, line: str) -> None:
    builder.add_line(line.split("|"), grid=True, sep="|")


def _add_empty_html_cell(builder: TextBuilder, line: str) -> None:
    builder.add_line([line], grid=True)  # a blank cell of a table pandoc left as HTML


_BEYOND_LATIN1 = re.compile("[^\x00-\xff]")
_LATIN1_HIGH = re.compile("[\xa1-\xfe]")


def _soft_hyphen_lost(error: UnicodeError) -> tuple[str, int]:
    """GBK's 「－」 (0xA3 0xAD) printed by lynx as Latin-1: 0xAD is the soft hyphen, which lynx
    does not print, and 0xA3 is left alone before a byte no GBK character pairs with it (w4103
    r0021: every placeholder of a report printing 「－」 for 0 so, too many bytes left undecoded
    for the text to be taken back at all, and the report read as none). Any other byte that
    does not decode is marked."""
    assert isinstance(error, UnicodeDecodeError)
    if error.end == error.start + 1 and error.object[error.start] == 0xA3:
        return "－", error.end
    return "\ufffd", error.end


_LOST_SOFT_HYPHEN = "lynx_lost_soft_hyphen"
codecs.register_error(_LOST_SOFT_HYPHEN, _soft_hyphen_lost)


def _undo_latin1_mojibake(text: str) -> tuple[str | None, str | None]:
    """Chinese text that a tool decoded as Latin-1 and saved again ("°²Æ½ÊÐ"): its characters
    are the original bytes. (The text put back, or None; the problem to say, or None.)

    UTF-8 so read ("æ³°å·"): its three-byte characters come back when the bytes are read as
    UTF-8 (GBK's bytes so read make almost none: ~0.4 % of its high characters, UTF-8's ~30 %,
    still ~9 % where lynx dropped the bytes 0x80–0x9F, which Latin-1 holds no printable character
    for): put back whole, or where bytes are lost the template's phrases put back (lossy_utf8.py),
    the rest left garbled and said so. GBK so read: taken back to bytes and decoded as
    GB18030 when that yields Chinese text."""
    sample = text[:20000]
    if CHINESE.search(sample) or _BEYOND_LATIN1.search(text):
        return None, None
    high = len(_LATIN1_HIGH.findall(sample))
    if high < 100:
        return None, None
    data = text.encode("latin-1")
    utf8_chinese = len(CHINESE.findall(sample.encode("latin-1").decode("utf-8", errors="ignore")))
    if utf8_chinese >= 50 and utf8_chinese * 20 >= high:
        try:
            return data.decode("utf-8"), UTF8_MOJIBAKE_PROBLEM
        except UnicodeDecodeError:
            return restore(text), UTF8_READ_AS_LATIN1
    repaired = data.decode("gb18030", errors=_LOST_SOFT_HYPHEN)
    chinese = len(CHINESE.findall(repaired[:20000]))
    if chinese * 2 >= high // 2 and repaired.count("\ufffd") * 4 < chinese:
        return repaired, MOJIBAKE_PROBLEM
    return None, None


def _is_binary(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or utf16_without_bom(data):
        return False
    return looks_binary(data)


def _physical_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line, it does not start a new one
    return lines


def _first_physical_lines(text: str, count: int) -> list[str]:
    """``_physical_lines(text)[:count]``, the text after them not split."""
    cut = text.split("\n", count)
    if len(cut) > count:
        return cut[:count]
    if cut[-1] == "":
        cut.pop()
    return cut


def _plain_csv(text: str) -> bool:
    """Whether the csv module reads each line of ``text`` as its fields between commas, and the
    Document made of them (tabs between the fields) is the text with a tab for each comma, its
    lines those of a text file: no quote (the only character the dialect reads otherwise), no tab
    (one inside a field would cut it), no NUL nor CR (errors), no pipe (a pipe row is read apart),
    no line longer than the module's field limit (an error). A 422 KB export of numbers: the
    module's parse and the rows' join cost 70 M instructions, this and one replace() ~2 M."""
    if any(map(text.__contains__, ('"', "\t", "\0", "\r", "|"))):
        return False
    limit = csv.field_size_limit()
    return len(text) <= limit or max(map(len, text.split("\n"))) <= limit


def _csv_rows(text: str, problems: list[str]) -> list[list[str]] | None:
    """Comma-separated rows via the csv module; None (and a problem) if the file is not CSV."""
    try:
        return [row or [""] for row in csv.reader(io.StringIO(text))]
    except csv.Error:
        problems.append("CSV格式有误，已按普通文本逐行读取")
        return None
