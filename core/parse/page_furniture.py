"""What a printed page adds inside a table: its page number and the table's repeated header rows.

A Word report printed to PDF breaks 表三 (and sometimes 表四) over two pages. Every text of the PDF
then holds, between two of the table's rows, the footer's page number ("- 3 -", "— 3 —",
"第 3 页 共 8 页", or the number alone by a form feed) and, where the table's header rows repeat
on each page (Word's 重复标题行), the whole header again. Neither is a row: the page number would
read as a row's value, the header's 总计 as the label of the row 总计. `furniture` finds these
lines so that the parser reads the table without them:

- a line that is nothing but a page number, inside the tables' sections, where the document's
  lines of its form count its pages: "- 3 -" and its kin where those of the document number
  pages upwards from 1 (a row of 表四 printing "- 3 -" in three cells is three cells, not one line
  of text; "- 0 -" numbers no page); a number alone where those alone count the pages;
- in 表三's section, a run of lines holding nothing but the words of the table's own header (no
  digit), the whole of it (申请人情况 and three more of its names), where the header was printed
  above it and rows of the table (a digit) since: the first is the table's header, kept for the
  columns it names; a later one after the table's rows repeats it. (表四 prints one row: its
  header never repeats after its rows; and its header names its columns three times over.)
"""
from __future__ import annotations

import re

from core.readers.document import Document, Line

# a page's number as footers print it: "- 3 -", "—3—", "第 3 页", "第 3 页 共 8 页", "共 8 页 第 3 页", "3/8"
_PAGE = re.compile(r"^(?:[-—–－~～_]{1,2}\s{0,3}(\d{1,3})\s{0,3}[-—–－~～_]{1,2}"
                   r"|第\s{0,3}(\d{1,3})\s{0,3}页(?:\s{0,3}[,，/、]?\s{0,3}共\s{0,3}\d{1,3}\s{0,3}页)?"
                   r"|共\s{0,3}\d{1,3}\s{0,3}页\s{0,3}[,，]?\s{0,3}第\s{0,3}(\d{1,3})\s{0,3}页"
                   r"|(\d{1,3})\s{0,3}/\s{0,3}\d{1,3})$")
_PAGE_STARTS = frozenset("-—–－~～_第共")

# 表三's header as the template prints it (the names of its columns in the drift real files
# show: 社会组织), and the names a run of its words is counted by.
_T3_HEADER = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
              "申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计")
_T3_NAMES = ("申请人情况", "自然", "法人或其他组织", "商业", "科研", "公益", "法律", "服务机构", "勾稽")
_T3_CHARS = frozenset(_T3_HEADER) | frozenset(" \t\u3000|")


def _text(line: Line) -> str:
    cells = line.cells
    return (cells[0].text if len(cells) == 1 else " ".join([c.text for c in cells])).strip()


def furniture(doc: Document, regions: dict) -> list[int]:
    """The lines of the tables' sections (regions[n]: first and end line, or None) that are a
    page's number or a repeated header, in order."""
    lines, out = doc.lines, []
    numbers = _page_numbers(lines) | _bare_page_numbers(lines, doc.page_starts)
    for n in (2, 3, 4):
        if not regions.get(n):
            continue
        first, end = regions[n]
        header_seen = body = False  # the table's header printed; a digit printed since
        run, run_names = [], set()  # a run of lines of header words, and the column names they hold
        for i in range(first, min(end, len(lines))):
            if i in numbers:
                out.append(i)
                continue
            if n != 3:
                continue
            text = _text(lines[i])
            if not text:
                continue
            if not _T3_CHARS.isdisjoint(text) and _T3_CHARS.issuperset(text):
                run.append(i)
                run_names.update(name for name in _T3_NAMES if name in text)
                continue
            if len(run_names) >= 2:
                if header_seen and body and _whole(run_names):
                    out.extend(run)
                header_seen, body = True, False
            run, run_names = [], set()
            body = body or header_seen and any(map(str.isdigit, text))
        if header_seen and body and _whole(run_names):
            out.extend(run)
    return sorted(out)


def _whole(names: set[str]) -> bool:
    """Whether a run of header words is the whole header again: its first row (申请人情况) and
    more of its names; a header's words printed among its rows (plain pdftotext) are fewer."""
    return "申请人情况" in names and len(names) >= 4


def _page_numbers(lines: list[Line]) -> set[int]:
    """The lines that print one text, a page's number in a footer's form ("- 3 -", "第 3 页 共 8 页"),
    where at least two do and their numbers rise from 1 or more."""
    found = []
    for i, line in enumerate(lines):
        if len(line.cells) != 1:
            continue
        text = line.cells[0].text.strip()
        if text[:1] in _PAGE_STARTS or text[:1].isdigit() and "/" in text:
            match = _PAGE.match(text)
            if match:
                found.append((i, int(next(filter(None, match.groups())))))
    numbers = [n for _, n in found]
    if len(found) >= 2 and numbers[0] >= 1 and all(a < b for a, b in zip(numbers, numbers[1:])):
        return {i for i, _ in found}
    return set()


def _bare_page_numbers(lines: list[Line], page_starts: tuple[int, ...]) -> set[int]:
    """The lines printing a number alone as the footer of their page.

    Where a text marks pages (form feeds): at least two pages end on a number alone and every page
    that does ends on its own number (or every one on the number of the page before: an
    unnumbered cover). A single number by a page break may as well be the table's last value on
    that page: it stays. Where it marks none (pdfplumber's text, our PDF reader's lines): the
    numbers alone on a line are at least three and count the pages, 1 (or 2) upwards, one each."""
    if not page_starts:
        alone = [i for i, line in enumerate(lines) if len(line.cells) == 1 and line.cells[0].text.strip().isdecimal()]
        if len(alone) < 3 or len(alone) > 999:
            return set()
        numbers = [int(lines[i].cells[0].text) for i in alone]
        return set(alone) if numbers[0] in (1, 2) and numbers == list(range(numbers[0], numbers[0] + len(alone))) \
            else set()
    if len(page_starts) < 2:
        return set()
    ends = {}  # page -> its last line printed, where that is a number alone
    for page, start in enumerate(page_starts, 1):
        last = next((i for i in range(min(start, len(lines)) - 1, -1, -1) if _text(lines[i])), None)
        if last is not None and _text(lines[last]).isdecimal():
            ends[page] = last
    for shift in (0, -1):
        if len(ends) >= 2 and all(int(_text(lines[i])) == page + shift for page, i in ends.items()):
            return set(ends.values())
    return set()


def without(doc: Document, dropped: list[int]) -> Document:
    """The document without the lines dropped (its text the same: the cells keep their offsets)."""
    gone = set(dropped)
    lines = [line for i, line in enumerate(doc.lines) if i not in gone]
    starts = tuple(start - sum(1 for d in dropped if d < start) for start in doc.page_starts)
    return Document(doc.path, doc.format, doc.encoding, doc.text, lines, doc.problems, starts)
