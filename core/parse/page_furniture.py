"""What a printed page adds inside a table: its page number, its running header and the table's repeated header rows.

A Word report printed to PDF breaks 表三 (and sometimes 表四) over two pages. Every text of the PDF
then holds, between two of the table's rows, the footer's page number ("- 3 -", "— 3 —",
"第 3 页 共 8 页", or the number alone) and, where the table's header rows repeat on each page
(Word's 重复标题行), the whole header again. Neither is a row: the page number would read as a
row's value, the header's 总计 as the label of the row 总计. `furniture` finds these lines so
that the parser reads the table without them:

- a line that is nothing but a page number, where other lines show it numbers a page. Where the
  text marks its pages (pdftotext's form feeds), the last lines each page prints: footers in one
  of the forms above on at least two pages, their numbers rising; numbers alone on at least two
  pages (its last line, or one of its last three followed by words only), each its page's number
  (or each the number of the page before: an unnumbered cover), more
  than half of the pages ending on a number alone (plain pdftotext may end a page on a table's
  value, its number printed higher up), or one of them printed right after a sentence's end
  (prose, where no table's value prints: the text numbers its pages alone).
  Where it marks none (pdfplumber's text, our PDF reader's lines), in the sections of 表二, 表三 and
  表四 (where a page ends under a table's row) of a PDF's lines or of a text printing 页 there or 表三's
  header twice: a footer's form whose number's neighbour (n - 1 or n + 1) the text prints alone on
  a line in the same form; numbers alone on a line, where all of them there count upwards by one,
  two at least. A text without either is left as it is (a table's value may stand alone on a line)
  unless its own lines say they are numbered: its last line a number alone, and all its lines
  holding a number alone, through the whole text, counting 1 (or 2), 2, 3, … — then those in the
  tables' sections are page numbers; or its last line a footer's form, and all its lines printing
  a footer's form alone counting alike, three at least — then the footers' forms are looked for.
  A row of 表四 printing "- 3 -" in three cells is three cells, not one text; "- 0 -" numbers no page.
- a line whose one number is a year, the report's title (「北辰市…局 2022 年政府信息公开工作年度报告」) or
  printed again word for word elsewhere (「北辰市…局　2022年度」): a page's running header (页眉), whose year
  would read as a cell (no row's label names a year).
- in 表三's section, a run of lines holding nothing but the words of the table's own header (no
  digit), the whole of it (申请人情况 and three more of its names), where the header was printed
  above it and rows of the table (a digit) since: the first is the table's header, kept for the
  columns it names; a later one after the table's rows repeats it. A line of characters the file
  lost (「�」 alone: a page in two charsets) starting such a run is its first line, the 勾稽关系
  note. (表四 prints one row: its header never repeats after its rows; and its header names its
  columns three times over.)

Each test is a search of the text (str.find, or a pattern opening with a line break), not a loop
over the lines: it runs on every report.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import compress, islice
from operator import attrgetter, not_
from typing import Optional

from core.readers.document import Document, Line
from core.parse.sections import Sections

# a page's number as footers print it: "- 3 -", "—3—", "第 3 页", "第 3 页 共 8 页", "共 8 页 第 3 页"
_S = r"[ \t\u3000]{0,3}"
_FORMS = (rf"[-—–－~～_]{{1,2}}{_S}(\d{{1,3}}){_S}[-—–－~～_]{{1,2}}"
          rf"|第{_S}(\d{{1,3}}){_S}页(?:{_S}[,，/、]?{_S}共{_S}\d{{1,3}}{_S}页)?"
          rf"|共{_S}\d{{1,3}}{_S}页{_S}[,，]?{_S}第{_S}(\d{{1,3}}){_S}页")
PAGE_NUMBER = re.compile(rf"(?:{_FORMS})")  # a footer's page number (pdfblocks skips it among 表二's blocks too)
# a line printing a page number's form or a number alone (group 4), searched for in the text
_PAGE_LINE = re.compile(rf"\n[ \t\u3000]*(?:{_FORMS}|(\d{{1,3}}))[ \t\u3000]*(?=[\n\f]|$)")
# a line printing a number alone, anywhere in a text
_ALONE = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*(\d{1,3})[ \t\u3000]*(?=\n|$)")
_DIGITS = frozenset("0123456789")
_PAGE_STARTS = frozenset("-—–－~～_第共")  # what a footer's form begins with
_FOOTER_OPENINGS = _PAGE_STARTS | {"\\"}  # and Markdown's escape of its leading "-" (page_number_between_rows)
_GRID = attrgetter("grid")
_RULE = re.compile(r"[ \t|]*(?::?-{3,}:?[ \t]*\|?[ \t]*)+")  # a Markdown table's rule: "---", "---|:---:|"
# a line pandoc draws of a table: a grid table's border ("+-----+----+", "+=====+"), a simple
# table's dash rule over its columns ("  -------- ------ ----")
_DRAWN = re.compile(r"[ \t]*(?:\+[-=:]{3,}(?:\+[-=:]{3,})*\+|-{2,}(?:[ \t]+-{2,})+)[ \t]*")

# 表三's header as the template prints it (the names of its columns in the drift real files
# show: 社会组织), and the names a run of its words is counted by.
_T3_HEADER = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
              "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计")
_T3_NAMES = ("申请人情况", "自然", "法人或其他组织", "商业", "科研", "公益", "法律", "服务机构", "勾稽")
_T3_CHARS = frozenset(_T3_HEADER) | frozenset(" \t\u3000|")
_LOST_LINE = frozenset("\ufffd \t\u3000|")  # a line of characters no decoding reads, alone
_DELIMITER_ROW = re.compile(r"[\s|:-]*-{3}[\s|:-]*$")  # |---|:---:|, its cells joined: "--- ---"


def _text(line: Line) -> str:
    cells = line.cells
    return (cells[0].text if len(cells) == 1 else " ".join([c.text for c in cells])).strip()


def furniture(doc: Document, regions: dict[int, tuple[int, int] | None]) -> list[int]:
    """The lines of the tables' sections (regions[n]: first and end line, or None) that are a
    page's number (and the empty lines after it) or a repeated header, in order."""
    lines = doc.lines
    numbers = _page_ends(lines, doc.page_starts) if len(doc.page_starts) >= 2 else \
        set() if doc.page_starts else _page_lines(doc, regions, doc.format == "pdf")
    tables = [span for n in (2, 3, 4) if (span := regions.get(n))]
    if tables:
        end = min(tables[-1][1], len(lines))
        numbers = numbers | _between_rows(doc, tables[0][0], end)
        if not doc.page_starts:  # (a text marking its pages has its page ends told above)
            numbers = numbers | _among_cell_lines(doc, tables[0][0], end)
    out = {i for i in numbers if any(first <= i < end for first, end in tables)}
    for first, end in tables:
        out.update(_running_headers(doc, first, end))
    t3_span = regions.get(3)
    if t3_span and _printed_twice(doc, *t3_span, "申请人情况"):
        out.update(_repeated_header(lines, *t3_span, numbers))
    for i in [i for i in out if i in numbers]:  # a page number's own paragraph break goes with it:
        i += 1  # the table's lines keep the spacing they print (empty lines may stand for blank cells)
        while i < len(lines) and not any(c.text.strip() for c in lines[i].cells):
            out.add(i)
            i += 1
    return sorted(out)


# a page's running header (页眉): a line whose one number is a year (before its 年), printed alone on its line in the tables'
# sections, the report's title (「北辰市…局 2022 年政府信息公开工作年度报告」) or a line the text prints
# again word for word (「北辰市…局　2022年度」 atop every page): its year would read as a cell of the row above
# or of 表四; no row's label names a year
_YEAR = re.compile(r"(?:19|20)\d\d")
_TOP_LINES = 3  # a page's first lines, where its running header prints
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff](?<![年度])")
_RUNNING_TITLE = re.compile(r"[^\d]{0,60}(?:19|20)\d{2}[ \t\u3000]*年[ \t\u3000]*度?[ \t\u3000]*(?:政府)?信息公开(?:工作)?年度报告")


def _running_headers(doc: Document, first: int, end: int) -> set[int]:
    """The lines of lines[first:end] that are a page's running header: a year its one number, four
    Chinese characters at least besides 年 and 度 (an agency's name), the report's title or a line
    printed again elsewhere in the text, one cell; a year with fewer words (「2022 年度」) only among a
    page's first lines, printed again."""
    start, stop = _span(doc, first, end)
    text = doc.text
    offsets, tops = [], []
    at = text.find("年", start, stop)  # (a year is printed before its 年: str.find, not a pattern, walks the text)
    while at >= 0:
        year_end = at  # (where the year's digits end, spaces before 年 aside)
        while year_end > start and text[year_end - 1] in " \t\u3000":
            year_end -= 1
        at = text.find("年", at + 1, stop)
        if year_end < 4 or not _YEAR.fullmatch(text, year_end - 4, year_end) or text[year_end - 5:year_end - 4].isdigit():
            continue
        begin, end = _line_bounds(text, year_end)
        line = text[begin:end].strip()
        if sum(map(str.isdigit, line)) != 4:
            continue  # (the year is not the line's one number)
        opening = text.find(line[0], begin)
        if len(_NAME_CHARS.findall(line)) < 4:
            # (「2023年」 / 「2022年度：」: a row's or a table's year, no agency's name) but for a line
            # printed again atop a page (plain pdftotext cuts 「…局　2022年度」 in two lines)
            if doc.page_starts and _printed_again(text, line):
                tops.append(opening)
        elif _RUNNING_TITLE.fullmatch(line) or _printed_again(text, line):
            offsets.append(opening)
    found = _lines_at(doc.lines, offsets) if offsets else set()
    if tops:
        found.update(i for i in _lines_at(doc.lines, tops)
                     if (page := bisect_right(doc.page_starts, i)) and i - doc.page_starts[page - 1] < _TOP_LINES)
    return found


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    """Where the line holding text[at] begins and ends (a line break or a form feed)."""
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    feed = text.rfind("\f", begin, at)  # (a page's first line follows a form feed: pdftotext)
    begin = begin if feed < 0 else feed + 1
    feed = text.find("\f", at, end)
    return begin, end if feed < 0 else feed


def _printed_again(text: str, line: str) -> bool:
    """Whether the text prints the line twice, alone on a line each time, its characters alike, spaced
    alike or not (pdftotext -layout centres a page's header by other spaces on another page)."""
    words = line.split()
    key = "".join(words)
    seen = 0
    at = text.find(words[0])
    while at >= 0:
        begin, end = _line_bounds(text, at)
        if "".join(text[begin:end].split()) == key:
            seen += 1
            if seen == 2:
                return True
        at = text.find(words[0], max(end, at + 1))
    return False


def _between_rows(doc: Document, first: int, end: int) -> set[int]:
    """The lines of lines[first:end] printing a page's number between two grid rows
    (page_number_between_rows); looked for only where the text there joins cells (a tab, or a
    markdown table's bar: a row of cells is joined so) or draws them (a ruled box's border), and
    then only among the lines that are not rows."""
    text = doc.text
    start, stop = _span(doc, first, end)
    # (a ruled box is drawn from 表二's block on: looked for near the tables' start alone)
    if text.find("\t", start, stop) < 0 and text.find("|", start, stop) < 0 \
            and text.find("│", start, min(stop, start + 3000)) < 0:
        return set()
    lines = doc.lines
    grids = list(map(_GRID, lines[first:end]))
    # (page_number_between_rows asked only of a line of one cell opening on a footer's first character
    # or Markdown's escape of it, as it reads the line: most lines between a table's rows open on neither)
    return {i for i in compress(range(first, end), map(not_, grids))
            if len(cells := lines[i].cells) == 1 and cells[0].text.lstrip()[:1] in _FOOTER_OPENINGS
            and page_number_between_rows(lines, i)}


def _among_cell_lines(doc: Document, first: int, end: int) -> set[int]:
    """The lines of lines[first:end] printing a dashed footer alone ("- 3 -") where the tables print
    one cell a line (a web page's cells each a paragraph: lynx): a dozen values print there and no
    two side by side but in the footers, so a line of three is no row's cells but a page's number
    pasted along with a table a site's editor took page by page from the printed file (w2408
    split-html-lynx r0017: 「- 3 -」 under 规章's blank cells, read as its 本年新公开数量 3). Each
    test a search of the text (str.find for the dashes, most texts printing few there)."""
    text = doc.text
    start, stop = _span(doc, first, end)
    footers = []  # (line start, line end, offset of the digits) of each footer
    for dash in _FOOTER_DASHES:
        at = text.find(dash, start, stop)
        while at >= 0:
            line_start, line_end = text.rfind("\n", 0, at) + 1, _line_end(text, at)
            line = text[line_start:line_end]
            match = PAGE_NUMBER.fullmatch(line.strip(" \t\u3000"))
            if match and int(number := next(filter(None, match.groups()))):  # ("- 0 -" numbers no page)
                footers.append((line_start, line_end, line_start + line.index(number)))
            at = text.find(dash, line_end, stop)
    if not footers or sum(1 for _ in islice(_DIGIT_RUN.finditer(text, start, stop), _CELL_VALUES)) < _CELL_VALUES:
        return set()
    for pair in _SIDE_BY_SIDE.finditer(text, start, stop):
        if not any(a <= pair.start() < b for a, b, _ in footers):
            return set()  # a row's cells printed side by side: "- 3 -" may be three
    lines = doc.lines
    out = set()
    for _, _, at in footers:  # (the line of one cell holding the digits)
        i = bisect_right(lines, at, first, end, key=_first_start) - 1
        if i >= first and len(cells := lines[i].cells) == 1 and cells[0].start <= at < cells[0].end:
            out.add(i)
    return out


def _first_start(line: Line) -> int:
    return line.cells[0].start if line.cells else -1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def page_number_between_rows(lines: list[Line], i: int) -> bool:
    """Whether lines[i] prints a footer's form alone between two rows of a table whose rows are a
    grid (a web page, a Word file): such a table's cells are its own, so a line between two of its
    rows is none of them but a page's number, pasted along with a table a site's editor took page
    by page from the printed file (h27 split-html r0003: 「- 6 -」 between 表四's header and its
    values, read as a value; r0023: 「- 4 -」 between two rows of 表三, read as a value). A number
    alone is not one ("- 0 -" neither): a value printed apart."""
    line = lines[i]
    if line.grid or len(line.cells) != 1:
        return False
    text = line.cells[0].text.strip()
    if text[:2] == "\\-":
        text = text[1:]  # Markdown's escape of a line's leading "-" (html2text: 「\- 5 -」)
    match = PAGE_NUMBER.fullmatch(text) if text[:1] in _PAGE_STARTS else None
    return bool(match and int(next(filter(None, match.groups()))) and _grid_beside(lines, i, -1)
                and _grid_beside(lines, i, 1))


def _grid_beside(lines: list[Line], i: int, step: int) -> bool:
    """Whether the nearest line before (step -1) or after (step 1) line i printing something is a
    grid's row, or a line of a ruled box (w3m: its bottom 「└───┘」 above, the next page's table's
    top 「┌───┐」 below; w1304 split-html-w3m r0014: 「- 6 -」 read as 表三's value), or of a table
    pandoc draws (a grid table's border, a simple table's dash rule; w1704 split-html-pandoc r0015:
    「- 2 -」 read as 行政规范性文件's values), or a Markdown table's first row over its rule, one line
    or two below (html2text wraps a header cell's text onto a line of its own; w3108
    split-html-html2text r0020: 「\\- 6 -」 read as a value of 「4.保护第三方合法权益」): a box draws
    every cell of its table, so a line outside it is none of them."""
    i += step
    while 0 <= i < len(lines):
        cells = lines[i].cells
        if any(c.text.strip(" \t|") for c in cells):  # (a padded table's line of blank cells prints none)
            return lines[i].grid or "\u2500" <= cells[0].text.lstrip()[:1] <= "\u257f" \
                or (len(cells) == 1 and _DRAWN.fullmatch(cells[0].text) is not None) \
                or (step == 1 and any(_under_rule(lines[k]) for k in range(i + 1, min(i + 3, len(lines)))))
        i += step
    return False


def _under_rule(line: Line) -> bool:
    """Whether a line is a Markdown table's rule under its header row ("---", "---|---"): the line
    above it is the next table's first row, printed without a bar where it is one cell wide
    (html2text: a 表二 block's heading 「第二十条第（六）项」 over its split-off table; w2308
    split-html-html2text r0035: 「- 5 -」 after 其他对外管理服务事项's blank cells, read as its value)."""
    cells = line.cells
    return cells[0].text.lstrip(" \t|")[:3] == "---" and _RULE.fullmatch("|".join([c.text for c in cells])) is not None


def _span(doc: Document, first: int, end: int) -> tuple[int, int]:
    """The offsets in the text of lines[first:end]."""
    lines, text = doc.lines, doc.text
    start = lines[first].cells[0].start if first < len(lines) and lines[first].cells else 0
    stop = lines[end].cells[0].start if end < len(lines) and lines[end].cells else len(text)
    return start, stop


def _printed_twice(doc: Document, first: int, end: int, word: str) -> bool:
    """Whether the text of lines[first:end] holds the word twice."""
    start, stop = _span(doc, first, end)
    text = doc.text
    at = text.find(word, start, stop)
    return at >= 0 and text.find(word, at + 1, stop) >= 0


def _repeated_header(lines: list[Line], first: int, end: int, numbers: set[int]) -> list[int]:
    out: list[int] = []
    header_seen = body = False  # the table's header printed; a digit printed since
    run: list[int] = []  # a run of lines of header words
    run_names: set[str] = set()  # the column names they hold
    for i in range(first, min(end, len(lines))):
        if i in numbers:
            continue
        text = _text(lines[i])
        if not text:
            continue
        if not _T3_CHARS.isdisjoint(text) and _T3_CHARS.issuperset(text):
            run.append(i)
            run_names.update(name for name in _T3_NAMES if name in text)
            continue
        if not run and _LOST_LINE.issuperset(text) and "\ufffd" in text:
            # the header's first line (its 勾稽关系 note) printed as characters the file lost (「�」, a
            # page in two charsets): the run's first line, no cell (w3403 r0038 split-html-lynx)
            run.append(i)
            continue
        if run and _DELIMITER_ROW.match(text):  # (a Markdown table's rule under its first row: html2text
            run.append(i)  # starts a table so where a site split it, its header again)
            continue
        if len(run_names) >= 2:
            if header_seen and body and _whole(run_names):
                out.extend(run)
            header_seen, body = True, False
        run, run_names = [], set()
        body = body or header_seen and not _DIGITS.isdisjoint(text)
    if header_seen and body and _whole(run_names):
        out.extend(run)
    return out


def _whole(names: set[str]) -> bool:
    """Whether a run of header words is the whole header again: its first row (申请人情况) and
    more of its names; a header's words printed among its rows (plain pdftotext) are fewer."""
    return "申请人情况" in names and len(names) >= 4


def _page_lines(doc: Document, regions: dict[int, tuple[int, int] | None], pdf: bool) -> set[int]:
    """Page numbers in a text that marks no pages: lines of 表二's, 表三's and 表四's sections, looked
    for where the text is a PDF's (our reader's lines), or 表三's and 表四's print 页 or 表三's header
    twice, or the text's own lines count its pages to its last line (numbers alone, or footers' forms)."""
    spans = [span for n in (3, 4) if (span := regions.get(n))]
    if not spans:
        return set()
    text = doc.text
    start, stop = _span(doc, spans[0][0], spans[-1][1])
    t2_span = regions.get(2)
    if t2_span and t2_span[1] <= spans[0][0]:  # 表二's section too: a page may end under its last row
        start = _span(doc, t2_span[0], spans[-1][1])[0]
    # a text marking no pages there (neither 页 nor 表三's header twice) is left as it is unless its
    # own lines count its pages (pages713-r0028: page 1 ends under 表二, 「第 1 页 共 3 页」 there)
    unmarked = not pdf and text.find("页", start, stop) < 0 \
        and not _printed_twice(doc, *(regions.get(3) or spans[0]), "申请人情况")
    # (a PDF's own lines too: one page breaking 表三 prints one number there, its count the text's)
    numbered = _numbered_to_the_end(text, start, stop) if pdf or unmarked else None
    if unmarked and not numbered and not _footers_to_the_end(text):
        return set()
    footers, alone = [], []
    for match in _PAGE_LINE.finditer(text, max(start - 1, 0), stop):
        if match.group(4) is None:  # a footer's form: its neighbour printed alike elsewhere
            group = next(g for g in (1, 2, 3) if match.group(g))
            number = int(match.group(group))
            line = match.group()
            a, b = match.start(group) - match.start(), match.end(group) - match.start()
            if number and any(_alone_on_line(text, line[:a] + str(n) + line[b:]) for n in (number - 1, number + 1) if n):
                footers.append(match.start(group))
        else:
            alone.append((match.start(4), int(match.group(4))))
    if numbered:
        footers += [at for at, _ in alone if at in numbered]
    elif len(alone) >= 2 and alone[0][1] >= 1 and all(b[1] == a[1] + 1 for a, b in zip(alone, alone[1:])):
        footers += [at for at, _ in alone]
    return _lines_at(doc.lines, footers) if footers else set()


def _numbered_to_the_end(text: str, start: int, stop: int) -> Optional[frozenset[int]]:
    """The offsets of the digits of the text's lines holding a number alone that are its pages'
    numbers, or None: its last line is one, and they count 1 (or 2: an unnumbered cover), 2, 3, …
    upwards by one through the whole text, two at least. A table's value alone on a line breaks the
    count, unless it prints in the tables' sections (text[start:stop]) and the count is sure without
    it: three pages at least, fewer such values than pages, none of them the number of the page it
    prints on (which of the two numbers that page's is would then be unknown). (p3508 r0033,
    pdfplumber: 「（二）部分公开」's 1 wrapped onto a line of its own between the footers 2 and 3.)"""
    end = len(text.rstrip())
    last = text.rfind("\n", 0, end) + 1
    if not 0 < end - last <= 3 + 6 or not text[last:end].strip(" \t\u3000").isdecimal():
        return None  # (most texts: ended by prose or a date)
    found = [(m.start(1), int(m.group(1))) for m in _ALONE.finditer(text)]
    if _count_pages([n for _, n in found], at_least=2):
        return frozenset(at for at, _ in found)
    if not found or found[0][1] not in (1, 2):
        return None
    pages, strays = [found[0]], 0
    for at, number in found[1:]:
        if number == pages[-1][1] + 1:
            pages.append((at, number))
        elif not start <= at < stop or number == pages[-1][1]:
            return None  # (prose prints no table's value; the page's own number printed twice)
        else:
            strays += 1
    if pages[-1] != found[-1] or len(pages) < 3 or strays >= len(pages):
        return None
    return frozenset(at for at, _ in pages)


def _count_pages(numbers: list[int], at_least: int) -> bool:
    """Whether ``numbers`` count 1 (or 2: an unnumbered cover), 2, 3, … upwards by one,
    ``at_least`` of them."""
    return len(numbers) >= at_least and numbers[0] in (1, 2) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


# a line printing a footer's form alone, after a line break (searched for by it)
_FOOTER_LINE = re.compile(rf"\n[ \t\u3000]*(?:{_FORMS})[ \t\u3000]*(?=\n|$)")
# two values side by side (a count, a placeholder; a change's sign), and a run of digits
_SIDE_BY_SIDE = re.compile(r"[\d\-—–－/／无][ \t\u3000]+[-+]?[\d\-—–－/／无]")
_DIGIT_RUN = re.compile(r"\d+")
_FOOTER_DASHES = "-—–－~～_"  # what a footer's form "- 3 -" opens with
_CELL_VALUES = 12  # values printed, at least, by tables one cell a line (表三 alone: dozens)


def _footers_to_the_end(text: str) -> bool:
    """Whether the text's lines printing a footer's form alone ("— 3 —", "第 3 页") are its pages'
    numbers: its last line is one, and all of them, through the whole text, count 1 (or 2: an
    unnumbered cover), 2, 3, … upwards by one, three at least (pages752-r0014, pdfplumber: 「— 3 —」
    under 表三's last row, whose four values it would fill up to seven)."""
    end = len(text.rstrip())
    last = text.rfind("\n", 0, end) + 1
    if not 0 < end - last <= 24 or text[last:end].lstrip(" \t\u3000")[:1] not in _PAGE_STARTS:
        return False  # (most texts: ended by prose or a date)
    matches = list(_FOOTER_LINE.finditer(text))
    if not matches or matches[-1].end() != end:
        return False
    return _count_pages([int(next(filter(None, m.groups()))) for m in matches], at_least=3)


def _alone_on_line(text: str, line: str) -> bool:
    """Whether the text prints this line ("\n" and its text) followed by a line or page break or its end."""
    at = text.find(line)
    while at >= 0:
        after = at + len(line)
        if after == len(text) or text[after] in "\n\f":
            return True
        at = text.find(line, at + 1)
    return False


def _lines_at(lines: list[Line], offsets: list[int]) -> set[int]:
    """The lines of one cell holding these offsets of the text (a page number's digits)."""
    starts = [line.cells[0].start if line.cells else -1 for line in lines]
    out = set()
    for at in offsets:
        i = bisect_right(starts, at) - 1
        if i >= 0 and len(lines[i].cells) == 1 and lines[i].cells[0].start <= at < lines[i].cells[0].end:
            out.add(i)
    return out


# lines (empty ones too) a page's end is searched for a footer's form with words only after it:
# plain pdftotext may print a table's header, a word a line, after the footer (pages711-r0038:
# 「-3-」 then 表四's 11 header words, a blank line between each)
_WORDS_AFTER_FOOTER = 40


def _page_ends(lines: list[Line], page_starts: tuple[int, ...]) -> set[int]:
    """Page numbers in a text that marks its pages: the last lines each page prints (a footer's
    form among its last three, or further up with words only after it: plain pdftotext printing a
    header's words after it; a number alone as its very last, or among its last three with only
    words after it)."""
    footers, bare = [], {}  # (line, number) in a footer's form; page -> line printing a number alone
    for page, start in enumerate(page_starts, 1):
        seen = 0  # lines printing something, from the page's end
        words = True  # those lines print words only (a header's, printed after the footer)
        alone = None  # a number alone among them, words only after it: the footer unless one has its form
        for i in range(min(start, len(lines)) - 1, max(start - _WORDS_AFTER_FOOTER, 0) - 1, -1):
            cells = lines[i].cells
            if len(cells) != 1:
                if cells:
                    break  # a row of cells: the footer is not above it
                continue
            text = cells[0].text.strip()
            if not text:
                continue
            if not seen and text.isdecimal():
                alone = i
                break
            match = PAGE_NUMBER.fullmatch(text) if text[:1] in _PAGE_STARTS else None
            if match:
                footers.append((i, int(next(filter(None, match.groups())))))
                alone = None
                break
            if words and text.isdecimal() and seen < 3:
                alone = i
            seen += 1
            words = words and _DIGITS.isdisjoint(text)
            if seen >= 3 and (alone is not None or not words):
                break  # (words only after it: a footer's form further up still ends the page)
        if alone is not None:
            bare[page] = alone
    out: set[int] = set()
    # pages whose number alone follows a sentence's end: no table's value prints there, so the
    # text prints its pages' numbers alone (the last page, after section 六's prose)
    after_prose = {page for page, i in bare.items() if _after_sentence(lines, i)}
    numbers = [n for _, n in footers]
    if len(footers) >= 2 and numbers[0] >= 1 and all(a < b for a, b in zip(numbers, numbers[1:])):
        out.update(i for i, _ in footers)
    for shift in (0, -1):
        # (a page of plain pdftotext may end on a value of the table, its number printed higher up)
        # (shift -1: an unnumbered cover, page 2 printing 1; the cover's own page prints no number,
        # so a 0 ending it is a value: s3706 r0007 plain pdftotext, 行政事业性收费's 0 ending page 1)
        numbered = {page: i for page, i in bare.items() if int(lines[i].cells[0].text) == page + shift > 0}
        if len(numbered) >= 2 and (2 * len(numbered) > len(bare) or not after_prose.isdisjoint(numbered)):
            out.update(numbered.values())
            for page, start in enumerate(page_starts, 1):
                if page in numbered or page + shift <= 0:
                    continue  # (no page is numbered 0: an unnumbered cover's count, page k printing k − 1)
                # (the whole page looked through only between two numbered pages: the last page, or
                # one after an unnumbered section break, may print no number at all)
                first = page_starts[page - 2] if page - 1 in numbered and page + 1 in numbered else start
                if (above := _number_above_cells(lines, first, start, page + shift)) is not None:
                    out.add(above)
            break
    return out


def _number_above_cells(lines: list[Line], first: int, start: int, number: int) -> Optional[int]:
    """The line printing `number` alone, a paragraph of its own, above the last lines of a page
    that end before line `start`: the first line printing a digit from the page's end up, only
    lines printing no digit after it (a table's header words, its placeholders 「—」), or else the
    only line of lines[first:start] (the whole page, where the pages before and after it are
    numbered: it prints its number somewhere; first == start where not) printing it so. Plain
    pdftotext may print a page's number amid the table's last cells of the page (p3302 r0015: 「2」
    before page 2's 「— — 总计」, read as 二、上年结转's 总计), even before the last row's values
    (p3702 r0040: 「3」 一、本年新收 「2」 「/」… 「3」, the row read 2 … 3: a suggestion on a
    consistent report). Asked only of a text whose other pages end on their number alone
    (_page_ends); a value printing alike on the page too leaves it undecided (None)."""
    start = min(start, len(lines))
    for i in range(start - 1, max(start - _WORDS_AFTER_FOOTER, 0) - 1, -1):
        text = _text(lines[i])
        if _DIGITS.isdisjoint(text):
            continue
        if _alone_as_paragraph(lines, i, number):
            return i
        break
    alone = [i for i in range(max(first, 1), start) if _alone_as_paragraph(lines, i, number)]
    return alone[0] if len(alone) == 1 else None


def _alone_as_paragraph(lines: list[Line], i: int, number: int) -> bool:
    """Whether line i prints `number` alone, an empty line before it."""
    return len(lines[i].cells) == 1 and _text(lines[i]) == str(number) and i > 0 and not _text(lines[i - 1])


def _after_sentence(lines: list[Line], i: int) -> bool:
    """Whether the line printed last before line i (one cell) ends a sentence."""
    for line in reversed(lines[max(i - 4, 0):i]):
        text = _text(line)
        if text:
            return len(line.cells) == 1 and text.endswith("。")
    return False


def without(doc: Document, sections: Sections, dropped: list[int]) -> tuple[Document, Sections]:
    """The document without the lines dropped (its text the same: the cells keep their offsets),
    and its sections' headings where they are then (no heading is dropped)."""
    gone = set(dropped)
    lines = [line for i, line in enumerate(doc.lines) if i not in gone]

    def moved(i: int) -> int:
        return i - bisect_right(dropped, i - 1)
    starts = tuple(map(moved, doc.page_starts))
    headings = {n: moved(i) for n, i in sections.heading_lines.items()}
    # (replace keeps every other field: a pandoc page's rows_cut_to_columns lost here made its cut rows
    # read as the page's own, their 总计 taken from the next cell)
    return replace(doc, lines=lines, page_starts=starts), replace(sections, heading_lines=headings)
