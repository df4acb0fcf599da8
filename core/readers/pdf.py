"""PDF with a text layer, page by page through pdfplumber.

Tables are read from the page geometry: pdfplumber finds a table's ruling lines and cells, and
each table row becomes one grid Line of its cells, so a blank cell stays a blank, a label wrapped
over two or three lines stays one cell, and text outside the table (a page footer between two
parts of a table) stays outside its rows. A merged cell is taken once, where it starts.
The text around the tables is pdfplumber's lines, in page order with the table rows; a line is
one cell unless the text shows a wider gap (two or more spaces, or a tab). Page numbers printed
in the footer ("- 4 -", "第4页 共6页") would read as table values, so lines that are nothing but a
page marker are dropped. A page whose tables have no ruling lines is read as text lines, but a
row that leaves a cell blank is a grid row, its values placed by where they stand (unruled_items).
"""
from __future__ import annotations

import io
import logging
import math
import re
from bisect import bisect_left
from typing import Literal

import pdfplumber
from pdfplumber.utils import cluster_objects, extract_text

from core.readers import pdf_content, pdf_objects, pdf_tables, pdf_text
from core.readers.document import Document, TextBuilder
from core.readers.encoding import CHINESE

SCANNED_PROBLEM = "扫描件，无文字层，需OCR"
ENCRYPTED_PROBLEM = "PDF文件已加密，无法读取"
CORRUPT_PROBLEM = "PDF文件已损坏或不完整，无法打开"
MIN_TEXT = 20  # non-space characters in the whole file below which it is taken as a scan
# Text drawn in a font that carries no map to Unicode (a subset font without ToUnicode, a CID font
# read through another encoding) reads as other characters: "(cid:123)", control characters,
# Latin-1's symbols and Windows' (€‚ƒ„…†‡•‰), private-use ones, or rare ideographs (Extension A).
UNMAPPED_PROBLEM = "PDF文字无法提取（字体未带文字编码，读出的是乱码），需OCR"
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\x00-\x08\x0e-\x1f\x7f-\xbf\u02c6-\u02dc\u2020-\u2030\u20ac"
                       r"\u3400-\u4dbf\ue000-\uf8ff\ufffd]")

# pdfminer logs a warning for every damaged stream; without a handler Python prints them on
# stderr. A NullHandler keeps the console quiet and still lets an app-wide handler see them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
pdf_content.install()  # content streams tokenized faster, to the same tokens
pdf_tables.install()  # table cells found faster, the same cells
# pdfplumber's texts of a table cell, a page and the lines around the tables (at once where supported)
_FAST_TEXT = pdf_text.is_supported()

_GAP = re.compile(r"\t+| {2,}")
_PAGE_MARKER = re.compile(
    r"""^(?:
        [-—–－~～_]+\s*\d+\s*[-—–－~～_]+          # - 4 -   — 4 —
      | 第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?  # 第 4 页 共 6 页
      | 共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页      # 共 6 页 第 4 页
      | \d+\s*/\s*\d+                               # 4/6
      | page\s*\d+(?:\s*(?:of|/)\s*\d+)?            # Page 4 of 6
    )$""",
    re.I | re.X,
)


def is_page_marker(line: str) -> bool:
    return bool(_PAGE_MARKER.match(line.strip()))


def read_pdf(path: str, data: bytes, fmt: str = "pdf") -> Document:
    problems: list[str] = []
    try:
        pages = _page_texts(data, problems)
    except Exception as exc:  # pdfminer raises many types; a password one means encryption
        problem = ENCRYPTED_PROBLEM if _is_encryption_error(exc) else CORRUPT_PROBLEM
        return Document(path, fmt, problems=[problem])

    builder = TextBuilder()
    for page in pages:
        for item in page:
            if item[0] == "row":
                builder.add_line(item[1], grid=True)
            elif item[1].strip() and not is_page_marker(item[1]):
                builder.add_line([cell for cell in _GAP.split(item[1].strip()) if cell])
    if not pages:
        problems.append("PDF文件中没有可读取的页面")
    elif len("".join(builder.text.split())) < MIN_TEXT:
        problems.append(SCANNED_PROBLEM)
    elif _unmapped(builder.text):  # its lines are no text to parse: the problem says why
        problems.append(UNMAPPED_PROBLEM)
        return Document(path, fmt, None, builder.text, [], problems)
    return Document(path, fmt, None, builder.text, builder.lines, problems)


def _unmapped(text: str) -> bool:
    """Whether the text reads as fonts without a map to Unicode: many of the characters such a
    font reads as, at least half as many as the common Chinese characters (a report prints
    thousands of those and next to none of these)."""
    odd = len(_UNMAPPED.findall(text, 0, 200_000))
    return odd >= MIN_TEXT and 2 * odd >= len(CHINESE.findall(text, 0, 200_000))


def _is_encryption_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect / PDFEncryptionError: look inside."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while isinstance(current, BaseException) and current not in seen:
        seen.append(current)
        name = type(current).__name__.lower()
        if "password" in name or "encrypt" in name:
            return True
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__cause__ or current.__context__
    return False


Item = tuple[Literal["text"], str] | tuple[Literal["row"], list[str]]  # a line, or a row's cells


def _page_texts(data: bytes, problems: list[str]) -> list[list[Item]]:
    """Items of each page; a damaged page is reported and skipped, the others still count."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fast = pdf_objects.is_supported(pdf)
        carried: list = [None]  # a table without ruling lines that a page break cut
        for number, page in enumerate(pdf.pages, 1):
            try:
                if fast:
                    page._objects = pdf_objects.page_objects(page)  # what page.objects would build
                _drop_slanted_chars(page)
                pages.append(_page_items(page, carried))
            except Exception:
                problems.append(f"PDF第{number}页无法读取，已跳过")
            page.close()  # frees the page's cached layout objects: long reports stay small
    return pages


# A character whose baseline runs at a slant (between 15° and 75° from the page's edges) is a
# watermark or a stamp drawn across the page (「XX市人民政府 2022-01-20」 at 45°), never a table's
# text: pdfplumber takes such glyphs for upright ones and puts them into the cells and lines they
# cross (a 「2」 of a date in a count's cell). Text turned a quarter (a landscape page drawn on a
# portrait sheet) and a scan's slightly tilted OCR text are kept.
_SLANT = math.tan(math.radians(15))


def _drop_slanted_chars(page) -> None:
    objects = page.objects
    chars = objects.get("char")
    if not chars:
        return
    kept = [c for c in chars if not _slanted(c["matrix"])]
    if len(kept) != len(chars):
        objects["char"] = kept


def _slanted(matrix) -> bool:
    along, across = abs(matrix[0]), abs(matrix[1])  # the baseline's direction
    return _SLANT * along < across and _SLANT * across < along


def _page_items(page, carried: list | None = None) -> list[Item]:
    """Text lines and table rows of a page, top to bottom. `carried`: the columns of a table
    without ruling lines that ended the page before (unruled_items)."""
    tables = []
    if page.rects or page.lines:  # a table without ruling lines: unruled_items
        for table in page.find_tables():
            rows = table.rows  # a property, computed anew on every use
            if len(rows) >= 2 and len(rows[0].cells) >= 2:
                tables.append((table, rows))
    if not tables:
        if not _FAST_TEXT:
            texts = (page.extract_text() or "").split("\n")
            return unruled_items(texts, _plumber_word_lines(page), carried)
        words = pdf_text.line_words(page.chars)  # (once for the text and its words)
        texts = pdf_text.page_text(page.chars, words).split("\n")
        return unruled_items(texts, pdf_text.word_lines(page.chars, words), carried)
    if carried is not None:
        carried[:] = [None]
    boxes = [table.bbox for table, _ in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, int, Item]] = []
    # (rows drawn without lines under a ruled header: each table's bottom and narrowest columns)
    ruled = [(table.bbox[3], _leaf_columns(rows)) for table, rows in tables]
    if _FAST_TEXT:
        chars_outside = [c for c in page.chars if outside(c)]
        laid_out = pdf_text.line_words(chars_outside)  # (once for the lines and their words)
        lines = pdf_text.text_lines(chars_outside, laid_out)
        words = pdf_text.word_lines(chars_outside, laid_out)
    else:
        around = page.filter(outside)
        lines = [(line["top"], line["text"]) for line in around.extract_text_lines(return_chars=False)]
        words = _plumber_word_lines(around)
    tops = [top for top, _ in lines]
    for (top, _), item in zip(lines, unruled_items([text for _, text in lines], words, ruled=ruled, tops=tops)):
        placed.append((top, 0, item))
    chars = _CharIndex(page.chars)
    for table, rows in tables:
        for row, cells in zip(rows, chars.extract(table, rows)):
            kept = [_cell_text(c) for c in cells if c is not None]  # None: covered by a merged cell
            if any(kept):
                placed.append((row.bbox[1], 1, ("row", kept)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [item for _, _, item in placed]


# A table cell's value as printed: a count, an amount, or a blank's placeholder
_VALUE = re.compile(r"^(?:\d[\d,.]*|[—–/\-－无])$")


def unruled_items(lines: list[str], words: list[list[tuple[float, float, str]]],
                  carried: list[list[list[float]] | None] | None = None,
                  ruled: list[tuple[float, list[list[float]]]] | None = None,
                  tops: list[float] | None = None) -> list[Item]:
    """A page without ruling lines: its text lines, but a table row that leaves a cell blank
    becomes a grid row, each value in the column it stands under and "" for the blank, as the
    ruled path hands it over (read as text, the values after a blank would slide left).
    A table's columns are where the values that end its rows line up: each row's values overlap
    (left to right) distinct columns of the rows before, or those columns all overlap distinct
    values of the row (a fuller row). A line of prose, a section's heading or a line without values
    that prints where the values are (a header row) ends a table; a label's wrapped lines print
    left of its values. `carried` holds the columns of the table that ended the page before (a
    table continued on this page without its header takes them if its rows fit them) and takes
    this page's last table's for the next. `ruled`: the bottom and columns of the page's ruled
    tables (a header drawn in cells, shaded, over rows drawn without lines), `tops` each line's
    top: rows under such a header, the nearest above them, that fit it take its columns, but for
    those over the rows' labels (a ruled table printed below the rows, 表三 on 表二's page, is
    another table: its narrow columns would split the rows' own)."""
    items: list[Item] = [("text", line) for line in lines]
    before = carried[0] if carried else None
    if carried is not None:
        carried[:] = [None]
    if len(words) != len(lines):
        return items
    tables: list[tuple[list[list[float]], list[tuple[int, int]]]] = []  # columns, (line, label words)
    heads: list[list[tuple[float, float, str]]] = []  # the words above each table's first row
    ended = True
    prose = -1  # the last line of prose
    head = 0  # the first line that may be the header of the next table
    for index, line in enumerate(words):
        label = len(line)
        while label and _VALUE.match(line[label - 1][2]):
            label -= 1
        if is_page_marker(lines[index]):
            continue
        if len(line) - label < 2:  # one value: no columns to tell
            if label == len(line) and _ENDS_TABLE.match("".join(lines[index].split())):
                ended, head, prose = True, index + 1, index
                if not tables:  # prose before the page's first table: it starts there
                    before = None
            elif label == len(line) and tables and not ended and any(x1 > tables[-1][0][0][0] for _, x1, _ in line):
                ended, head = True, index  # words where the values are: the next table's header
            continue
        values = line[label:]
        fitted = None if ended else _fitted(tables[-1][0], values)
        if fitted is not None:
            tables[-1][0][:] = fitted
            tables[-1][1].append((index, label))
        else:
            columns = [[x0, x1] for x0, x1, _ in values]
            tables.append((columns, [(index, label)]))
            heads.append([word for above in words[head:index] for word in above])
        ended, head = False, index + 1
    for n, ((columns, rows), above) in enumerate(zip(tables, heads)):
        columns[:] = _with_header_columns(columns, above)
        if n == 0 and before and len(before) > len(columns) and all(
                _inside(before, words[index][label:]) for index, label in rows):
            columns[:] = before  # the table of the page before, its header there
        labels = [(x0 + x1) / 2 for index, label in rows for x0, x1, _ in words[index][:label]]
        over = [(bottom, boxes) for bottom, boxes in ruled or () if tops is None or bottom <= tops[rows[0][0]]]
        for _, boxes in sorted(over, key=lambda table: -table[0])[:1]:  # (the nearest above the rows)
            boxes = [box for box in boxes if not any(box[0] <= middle <= box[1] for middle in labels)]
            if len(boxes) > len(columns) and all(_inside(boxes, words[index][label:]) for index, label in rows):
                columns[:] = boxes
                break
        if carried is not None and n == len(tables) - 1 and prose < rows[-1][0]:
            carried[:] = [columns]
        if len(rows) < 3:
            continue
        for index, label in rows:
            line = words[index]
            cells = [""] * len(columns)
            for x0, x1, text in line[label:]:
                cells[next(i for i, (c0, c1) in enumerate(columns) if x0 <= c1 and c0 <= x1)] = text
            if "" in cells and " ".join(word[2] for word in line) == lines[index]:  # (words as read)
                text = " ".join(word[2] for word in line[:label])
                items[index] = ("row", [text] + cells if text else cells)
    return items


# A line no table row prints: a section's heading, or prose wider than a table's label cell
_ENDS_TABLE = re.compile(r"^(?:[一二三四五六七八九十]、.{6,}|.{31,})$")


def _with_header_columns(columns: list[list[float]], above: list[tuple[float, float, str]]) -> list[list[float]]:
    """The columns and those the header above names where no row printed a value (a column blank
    all down the page): header words narrower than a column, stacked over one another (a wrapped
    or vertical header: one line's words could be a header spread over a merged cell, 分散对齐),
    half a column or more from every column with values, between them or a column beyond them.
    Taken only if the columns then stand about evenly."""
    if len(columns) < 2:
        return columns
    middles = [(c0 + c1) / 2 for c0, c1 in columns]
    pitch = min(b - a for a, b in zip(middles, middles[1:]))
    found: list[float] = []
    for x0, x1, _ in above:
        middle = (x0 + x1) / 2
        if x1 - x0 < 0.9 * pitch and middles[0] - 1.5 * pitch < middle < middles[-1] + 1.5 * pitch \
                and all(abs(middle - m) >= pitch / 2 for m in middles):
            found.append(middle)
    if not found:
        return columns
    stacks: list[list[float]] = []
    for middle in sorted(found):  # a header's words stacked over one column: wrapped or vertical
        if stacks and middle - stacks[-1][-1] <= 3:
            stacks[-1].append(middle)
        else:
            stacks.append([middle])
    new = [[stack[0], stack[-1]] for stack in stacks if len(stack) >= 2]
    if not new:
        return columns
    out = sorted(columns + new)
    middles = [(c0 + c1) / 2 for c0, c1 in out]
    gaps = sorted(b - a for a, b in zip(middles, middles[1:]))
    typical = gaps[len(gaps) // 2]
    if gaps[0] < 0.6 * typical or gaps[-1] > 1.4 * typical or any(a[1] >= b[0] for a, b in zip(out, out[1:])):
        return columns
    return out


def _plumber_word_lines(page) -> list[list[tuple[float, float, str]]]:
    """pdf_text.word_lines with pdfplumber's own words (its other releases): each line's words by
    their tops, left to right (a line that does not read as its text is left as text)."""
    words = sorted(page.extract_words(), key=lambda word: word["top"])
    return [[(word["x0"], word["x1"], word["text"]) for word in sorted(line, key=lambda word: word["x0"])]
            for line in (cluster_objects(words, "top", 3) if words else [])]


def _leaf_columns(rows) -> list[list[float]]:
    """The narrowest columns of a ruled table: its cells' spans across that hold no other's."""
    spans = {(cell[0], cell[2]) for row in rows for cell in row.cells if cell is not None}
    return sorted([x0, x1] for x0, x1 in spans
                  if not any((a, b) != (x0, x1) and x0 <= a and b <= x1 for a, b in spans))


def _inside(columns: list[list[float]], values: list[tuple[float, float, str]]) -> bool:
    """Whether each value overlaps one column, each another, left to right."""
    hits = [_overlaps(columns, x0, x1) for x0, x1, _ in values]
    taken = [h[0] for h in hits if len(h) == 1]
    return len(taken) == len(values) and all(a < b for a, b in zip(taken, taken[1:]))


def _overlaps(columns: list[list[float]], x0: float, x1: float) -> list[int]:
    return [i for i, (c0, c1) in enumerate(columns) if x0 <= c1 and c0 <= x1]


def _fitted(columns: list[list[float]], values: list[tuple[float, float, str]]) -> list[list[float]] | None:
    """A table's columns with a row's values in them, or None if the row does not fit: its
    values overlap distinct columns, left to right, or the columns overlap distinct values (a
    fuller row: the values that overlap none are columns the rows before left blank)."""
    hits = [_overlaps(columns, x0, x1) for x0, x1, _ in values]
    if any(len(h) > 1 for h in hits):
        return None
    taken = [h[0] for h in hits if h]
    if len(set(taken)) != len(taken) or taken != sorted(taken):
        return None
    if len(taken) < len(values) and len(taken) < len(columns):  # neither holds the other
        return None
    out = [list(column) for column in columns]
    for (x0, x1, _), h in zip(values, hits):
        if h:
            out[h[0]][0], out[h[0]][1] = min(out[h[0]][0], x0), max(out[h[0]][1], x1)
        else:
            out.append([x0, x1])
    out.sort()
    if any(a[1] >= b[0] for a, b in zip(out, out[1:])):  # grown into each other: no columns
        return None
    return out


class _CharIndex:
    """A page's characters sorted by their vertical middle, so that a table row finds its
    characters without testing every character of the page (pdfplumber's Table.extract does,
    for every row)."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = chars
        self.h = [(c["x0"] + c["x1"]) / 2 for c in chars]  # as Table.extract computes them
        self.v = [(c["top"] + c["bottom"]) / 2 for c in chars]
        self.ordered = not any(math.isnan(x) for x in self.h + self.v)
        by_v = sorted(range(len(chars)), key=self.v.__getitem__) if self.ordered else []
        self.sorted_v = [self.v[i] for i in by_v]
        self.by_v = by_v

    def extract(self, table, rows) -> list[list[str | None]]:
        """What ``table.extract()`` returns: each row's cell texts, None for a covered cell."""
        if not self.ordered:  # NaN coordinates cannot be sorted: pdfplumber's own scan
            return table.extract()
        h, v, result = self.h, self.v, []
        taken: set[int] = set()  # the characters that stand in a cell
        for row in rows:
            x0, top, x1, bottom = row.bbox
            start, stop = bisect_left(self.sorted_v, top), bisect_left(self.sorted_v, bottom)
            in_row = sorted(i for i in self.by_v[start:stop] if x0 <= h[i] < x1)  # page order
            texts: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    texts.append(None)
                    continue
                x0, top, x1, bottom = cell
                found = [i for i in in_row if x0 <= h[i] < x1 and top <= v[i] < bottom]
                taken.update(found)
                texts.append(_cell_chars_text([self.chars[i] for i in found]) if found else "")
            result.append(texts)
        spread = self._split_enclosing(rows, result)
        self._place_strays(table, rows, result, taken, spread)
        _rejoin_item_numbers(result)
        return result

    def _split_enclosing(self, rows, result: list[list[str | None]]) -> set[tuple[int, int]]:
        """A cell that encloses other cells is no cell: pdfplumber found no border between rows
        whose cells it did find (a label column's lines drawn only partly), and the enclosing cell
        takes the words of all those rows, their labels read twice at its first row. Its words
        outside the enclosed cells go to the row they stand in, at its column. Returns the (row,
        column) of each such cell."""
        tops = [row.bbox[1] for row in rows]
        spread: set[tuple[int, int]] = set()
        cells: list | None = None
        xs: set = set()
        for first, row in enumerate(rows[:-1]):
            next_top = tops[first + 1]
            for column, outer in enumerate(row.cells):
                # (cells of one row, and merged cells of one column, enclose none: tested first)
                if outer is None or outer[3] <= next_top:
                    continue
                if cells is None:
                    cells = [cell for row in rows for cell in row.cells if cell is not None]
                    xs = {cell[0] for cell in cells}
                x0, top, x1, bottom = outer
                if not any(x0 < x < x1 for x in xs):
                    continue
                inner = [c for c in cells if c is not outer and c[0] >= x0 and c[2] <= x1
                         and c[1] >= top and c[3] <= bottom]
                if inner:
                    self._spread(rows, result, first, column, outer, inner, tops)
                    spread.add((first, column))
        return spread

    def _spread(self, rows, result, first: int, column: int, outer, inner, tops) -> None:
        h, v, x0, _, x1, bottom = self.h, self.v, outer[0], outer[1], outer[2], outer[3]
        last = first
        while last + 1 < len(rows) and tops[last + 1] < bottom:
            last += 1
        for index in range(first, last + 1):
            top, below = tops[index], tops[index + 1] if index < last else bottom
            start, stop = bisect_left(self.sorted_v, top), bisect_left(self.sorted_v, below)
            own = [self.chars[i] for i in sorted(self.by_v[start:stop]) if x0 <= h[i] < x1
                   and not any(c[0] <= h[i] < c[2] and c[1] <= v[i] < c[3] for c in inner)]
            if own:
                result[index][column] = _cell_chars_text(own)
            elif index == first:
                result[index][column] = ""

    def _place_strays(self, table, rows, result: list[list[str | None]], taken: set[int],
                      spread: set[tuple[int, int]]) -> None:
        """Words inside a table that stand in no cell go to the row they stand in, at their column,
        as a cell would: a cell's borders drawn only in part (a row drawn in other columns than the
        rows around it, LibreOffice's PDF of a Word table) leave pdfplumber no cell there, and its
        words would be lost, the row's values then read without their label. A cell crossed by a
        row's border (a line from the cells beside it running into it) is no cell either: its words
        are such words (but one enclosing cells, split already: `spread`). Words over lines with no
        border between them, in one column, are one text (a label wrapped inside its cell), taken in
        the row where it starts."""
        h, v = self.h, self.v
        x0, top, x1, bottom = table.bbox
        start, stop = bisect_left(self.sorted_v, top), bisect_left(self.sorted_v, bottom)
        inside = [i for i in self.by_v[start:stop] if x0 <= h[i] < x1]
        tops = [row.bbox[1] for row in rows]
        crossings = None
        for index, row in enumerate(rows[:-1]):
            for column, cell in enumerate(row.cells):
                if cell is None or cell[3] <= tops[index + 1] + pdf_text.TOLERANCE or (index, column) in spread:
                    continue  # (a cell of one row: no row's border to cross it)
                if crossings is None:
                    crossings = [(e["top"], e["x0"], e["x1"]) for e in table.page.horizontal_edges]
                if result[index][column] and _crossed(cell, crossings):
                    taken.difference_update(i for i in inside if cell[0] <= h[i] < cell[2] and cell[1] <= v[i] < cell[3])
                    result[index][column] = None  # (its words, placed below, may start at another column)
        if len(taken) >= len(inside):
            return  # every word in a cell (commonly so)
        strays = [self.chars[i] for i in sorted(inside) if i not in taken and not self.chars[i]["text"].isspace()]
        if not strays:
            return
        if crossings is None:
            crossings = [(e["top"], e["x0"], e["x1"]) for e in table.page.horizontal_edges]
        xs = sorted({cell[0] for cell in table.cells})  # the table's columns, as its rows align their cells
        blocks: list[list] = []  # column, bottom of its last line, its characters
        for _, word in (word for line in pdf_text.line_words(strays) for word in line):
            column = max(bisect_left(xs, (word[0]["x0"] + word[0]["x1"]) / 2 + 1e-9) - 1, 0)
            w0, w1 = min(c["x0"] for c in word), max(c["x1"] for c in word)
            w_top, w_bottom = min(c["top"] for c in word), max(c["bottom"] for c in word)
            block = next((b for b in reversed(blocks) if b[0] == column), None)
            # a label's next line: no further below than a line's height, no border in between
            if block is not None and w_top - block[1] <= w_bottom - w_top and not any(
                    block[1] - 1 <= y <= w_top + 1 and e0 < w1 and w0 < e1 for y, e0, e1 in crossings):
                block[1] = max(block[1], w_bottom)
                block[2].extend(word)
            else:
                blocks.append([column, w_bottom, list(word)])
        for column, _, chars in blocks:
            first = min(chars, key=lambda c: c["top"])
            index = max(bisect_left(tops, (first["top"] + first["bottom"]) / 2 + 1e-9) - 1, 0)
            text = _cell_chars_text(sorted(chars, key=lambda c: (c["top"], c["x0"])))
            here = result[index][column]
            result[index][column] = f"{here} {text}" if here else text


# A label's item number alone in a cell, the rest of the label in the next: 「2」「.重复申请」
_ITEM_NUMBER = re.compile(r"^[0-9\uff10-\uff19]{1,2}$")
_ITEM_REST = re.compile(r"^[.\uff0e\u3001][^\d\s\uff10-\uff19]")


def _rejoin_item_numbers(result: list[list[str | None]]) -> None:
    """A numbered label split by a column's border ("2" | ".重复申请": a label cell laid out wider
    in its row than the column lines the other rows draw) is one label again, in the cell that
    holds its words; its number left alone would read as the row's first value."""
    for texts in result:
        previous = None
        for column, text in enumerate(texts):
            if text is None:
                continue
            if previous is not None and _ITEM_REST.match(text) and _ITEM_NUMBER.match(texts[previous] or ""):
                texts[column] = f"{texts[previous]}{text}"
                texts[previous] = ""
            previous = column


def _crossed(cell, crossings: list[tuple[float, float, float]]) -> bool:
    """Whether a row's border runs into the cell: a horizontal line inside it, across its inside,
    that reaches one of its sides (a line inside a cell that touches neither is no border: an underline)."""
    x0, top, x1, bottom = cell
    tolerance = pdf_text.TOLERANCE
    return any(top + tolerance < y < bottom - tolerance and e0 < x1 - tolerance and x0 + tolerance < e1
               and (e0 <= x0 + tolerance or e1 >= x1 - tolerance) for y, e0, e1 in crossings)


def _cell_chars_text(chars: list[dict]) -> str:
    """A table cell's text from its characters: its lines joined into one label."""
    return joined_lines(pdf_text.cell_lines(chars) if _FAST_TEXT else pdf_text.squashed_lines(extract_text(chars)))


def _cell_text(text: str) -> str:
    """A cell's text as table.extract() gives it (lines broken by "\n") as one label."""
    return joined_lines(pdf_text.squashed_lines(text))


def joined_lines(lines: list[str]) -> str:
    """A cell's lines as one text: a label wrapped inside its cell is one label. Chinese has no
    space between words, so lines broken between two Chinese characters join without one (Word's
    vertical text, 「自」「然」「人」 one a line, is 自然人); elsewhere a space stands for the break.
    A line of single Chinese characters set apart (Word's 分散对齐 spreads a label over its
    cell's width: 「申 请 人 情 况」) is one word."""
    lines = [_undistributed(line) for line in lines]
    if len(lines) < 2:
        return lines[0] if lines else ""
    out = lines[0]
    for line in lines[1:]:
        out += line if _chinese(out[-1]) and _chinese(line[0]) else " " + line
    return out


def _undistributed(line: str) -> str:
    if " " not in line:
        return line
    words = line.split(" ")
    return "".join(words) if all(len(word) == 1 and _chinese(word) for word in words) else line


def _chinese(ch: str) -> bool:
    """An ideograph, or Chinese punctuation (、。「」（），：；“”)."""
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u2018" <= ch <= "\u201d"
