"""Web pages (.html .htm) and saved web archives (.mht .mhtml).

Paragraph-like elements become lines; every <tr> of a data table becomes one grid Line whose
cells are that row's <td>/<th>. A cell merged by rowspan/colspan is a single <td> in the row it
starts in and is absent from the rows and columns it covers, so taking each row's own cells
gives every merged cell exactly once, at its top-left position, with blanks kept as empty cells.

Government sites often wrap the whole article in a layout table; such a table (one holding a
real nested table or a long text) is rendered as blocks so the report's own tables keep their
rows. A small table nested inside a data cell is flattened into that cell's text.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from itertools import chain, compress, repeat
from operator import is_

from lxml import etree

from core.readers.document import Document, TextBuilder
from core.readers.encoding import decode_with_problems, normalise_newlines

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same characters as bytes. In these encodings such a character can only come from its own
# byte (multibyte sequences decode above U+007F), so bytes without them give text without them:
# deleting bytes (C) is several times faster than searching the text.
# Looked for one by one (memchr, vectorised): cheaper than a pass deleting them all (translate).
_CONTROL_BYTES = [bytes([byte]) for byte in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]]
# Also: in these encodings a "<" only comes from its own byte, so the bytes' "<" bound the text's.
_ASCII_CONTROLS_FROM_BYTES = frozenset(("ascii", "utf-8", "utf-8-sig", "gb18030", "big5", "cp950"))

_GB_LABELS = {"gb2312", "gbk", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "euc-cn", "csgb2312",
              "gb18030", "chinese", "iso-ir-58"}
_BIG5_LABELS = {"big5", "big5-hkscs", "x-x-big5", "cp950", "csbig5", "big5hkscs"}
_MULTIBYTE = {"utf-8", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949", "cp932"}

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "section", "article",
         "header", "footer", "nav", "aside", "main", "blockquote", "form", "fieldset", "address",
         "figure", "figcaption", "hr", "center", "title", "body", "html", "pre"}
SKIP = {"script", "style", "noscript", "template", "select", "button", "input", "textarea",
        "iframe", "object", "embed", "svg", "map"}
LAYOUT_TEXT = 300  # characters: a table cell longer than this holds an article, not a value
# A report is a few thousand elements; walking one costs tens of microseconds. Beyond this bound
# a page (or a Word body) is not read, so that no file takes minutes.
MAX_ELEMENTS = 100_000
TOO_MANY_ELEMENTS = "文件结构过于庞大（超过10万个元素），不像年度报告，未读取"


def too_many_elements(root, most: int | None = None) -> bool:
    """Whether the tree has more than MAX_ELEMENTS elements; ``most``, a bound on their number
    known from the markup, spares counting them (a walk of the whole tree) below that."""
    if most is not None and most <= MAX_ELEMENTS:
        return False
    return root.xpath("count(//*)") > MAX_ELEMENTS


def _most_elements(markup: str, tags: int | None = None) -> int:
    """At most this many elements come from the page: every one starts with a "<", save those the
    HTML parser implies (html, head, body, p), a few per tag or per text between tags. ``tags``:
    a bound on the markup's "<" known beforehand (those of its bytes), spares counting them."""
    return 8 * (markup.count("<") if tags is None else tags) + 16


def read_html(path: str, data: bytes, fmt: str = "html", declared: str | None = None) -> Document:
    """Decode (declared charset checked against the bytes), parse and render a web page."""
    tags = data.count(b"<")
    if tags > 3 * MAX_ELEMENTS:  # start and end tags: counted before parsing
        return Document(path, fmt, problems=[TOO_MANY_ELEMENTS])
    text, encoding, problems = decode_html(data, declared or _meta_charset(data))
    text = _XML_DECLARATION.sub("", text)
    from_bytes = encoding in _ASCII_CONTROLS_FROM_BYTES
    if not from_bytes or any(map(data.__contains__, _CONTROL_BYTES)):
        text = _BAD_CONTROLS.sub("", text)
    if not text.strip():
        return Document(path, fmt, encoding, problems=problems + ["网页内容为空"])
    root = _parse(text)
    if root is None:
        return Document(path, fmt, encoding, problems=problems + ["网页无法解析"])
    if too_many_elements(root, _most_elements(text, tags if from_bytes else None)):
        return Document(path, fmt, encoding, problems=problems + [TOO_MANY_ELEMENTS])
    flow = _render(root)
    if ("\\" in text and _ESCAPED_TABLE.search(text)) or \
            (not any(line.grid for line in flow.builder.lines) and _scripted_table(text)):
        # The report's own page held in a script string ('"<td class=\"x\">…"'): unescape it
        # and read the script's text as part of the page.
        markup = _SCRIPT_TAG.sub(" ", _unescape_script(text))
        unescaped = _parse(markup)
        if unescaped is not None and not too_many_elements(unescaped, _most_elements(markup)):
            flow = _render(unescaped)
    if not flow.builder.lines:
        problems.append("网页中没有找到文字内容")
    return Document(path, fmt, encoding, flow.builder.text, flow.builder.lines, problems)


# Table markup in a JS string; [^<>] keeps the search linear on "<td<td<td…". Every form has a
# backslash: a page without one is not searched.
_ESCAPED_TABLE = re.compile(r'<\\/t[dr]>|\\u003c/?t[dr]\b|<t[dr]\b[^<>]*\\"', re.I)
_SCRIPT_TAG = re.compile(r"</?script\b[^<>]*>", re.I)
_JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\"'/\\nrt])")


def _unescape_script(text: str) -> str:
    """JavaScript string escapes (\\" \\/ \\n \\u003c) undone, so HTML inside a string reads as HTML."""
    simple = {'"': '"', "'": "'", "/": "/", "\\": "\\", "n": "\n", "r": "\n", "t": "\t"}

    def undo(m: re.Match) -> str:
        code = m.group(1)
        return chr(int(code[1:], 16)) if code[0] in "ux" and len(code) > 1 else simple[code]
    return _JS_ESCAPE.sub(undo, text)


def _scripted_table(text: str) -> bool:
    """Whether a <script> element holds table cells ("<td" or "\\u003ctd"); one pass over the page."""
    lower, start = text.lower(), 0
    while (start := lower.find("<script", start)) >= 0:
        end = lower.find("</script>", start)
        body = lower[start:end if end >= 0 else len(lower)]
        if "<td" in body[7:] or "\\u003ctd" in body:
            return True
        if end < 0:
            return False
        start = end
    return False


# lxml.html's parser, without its element classes: they are looked up in Python for every
# element touched, which cost more than the rest of the reading. No query looks elements up by
# id(), so the parser keeps no table of ids (1 % of parsing).
_HTML_PARSER = etree.HTMLParser(collect_ids=False)
_text_content = etree.XPath("string()", smart_strings=False)  # lxml.html's text_content()


def _parse(text: str):
    try:
        return etree.fromstring(text, _HTML_PARSER)  # None: nothing but whitespace or comments
    except (etree.ParserError, ValueError):
        return None


def _render(root) -> "_Flow":
    flow = _Flow()
    flow.walk(root)
    flow.flush()
    return flow


def read_mht(path: str, data: bytes, fmt: str = "mht") -> Document:
    """Take the text/html part out of a MIME web archive and read it as a web page."""
    if data.lstrip()[:1] == b"<":  # some browsers save plain HTML under .mht
        return read_html(path, data, fmt)
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            return read_html(path, payload, fmt, part.get_content_charset() or _meta_charset(payload))
    return Document(path, fmt, problems=["MHT文件中没有找到网页内容"])


def decode_html(data: bytes, declared: str | None) -> tuple[str, str, list[str]]:
    """Use the declared charset only when the bytes agree with it.

    A BOM, a UTF-16 pattern or valid UTF-8 outweighs any label (GBK text is practically never
    valid UTF-8). Otherwise a multibyte label is used if the bytes decode strictly in it; a
    single-byte label (iso-8859-1 decodes anything) never overrides what the bytes say.
    """
    if declared and data.isascii():
        return normalise_newlines(data.decode("ascii")), _codec(declared) or "utf-8", []
    text, encoding, problems = decode_with_problems(data)
    codec = _codec(declared) if declared else None
    if codec is None or codec == encoding or encoding in ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"):
        return text, encoding, problems
    if codec in _MULTIBYTE or problems:
        for attempt in (("big5", "cp950") if codec == "big5" else (codec,)):
            try:
                return normalise_newlines(data.decode(attempt)).lstrip("\ufeff"), attempt, []
            except UnicodeDecodeError:
                continue
    return text, encoding, problems


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    if label in _BIG5_LABELS:
        return "big5"
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it (a damaged MIME part)
        return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:16384])
    return match.group(1).decode("ascii") if match else None


def squash(text: str) -> str:
    """Cell/paragraph text: nbsp, U+3000 and line breaks become one ordinary space."""
    return " ".join(text.replace("\u200b", "").split())


def squash_all(texts: list[str]) -> list[str]:
    """``squash`` of each text, done on them all joined by U+0001 (not white space to split(), so
    it stays between them, with at most one space each side once squashed): a few passes in C
    instead of a call per table cell. A text holding U+0001 itself is squashed one by one."""
    joined = "\x01".join(texts)
    if joined.count("\x01") != len(texts) - 1:
        return list(map(squash, texts))
    joined = " ".join(joined.replace("\u200b", "").split())
    if " \x01" in joined:
        joined = joined.replace(" \x01", "\x01")
    if "\x01 " in joined:
        joined = joined.replace("\x01 ", "\x01")
    return joined.split("\x01")


def _rows(table) -> list:
    """The table's own rows, not those of tables nested in its cells (the parser lowercases tag
    names)."""
    rows = []
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        if child.tag == "tr":
            rows.append(child)
        else:
            rows.extend(child.iterchildren("tr"))
    return rows


def _string(el) -> str:
    """The element's text content, as XPath's string() (``_text_content``) gives it: libxml2's
    content of the node, a few times faster than evaluating the XPath for it."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _is_layout(cells: list, texts: list) -> bool:
    """Whether a table (its own cells and their ``_chain_texts``) holds a real nested table or
    an article-long text. Only a cell without a chain text can hold a table of two rows: along a
    chain every element has one child, so a table on it has at most one row (looking at those
    cells alone spares a walk of the whole table in search of a nested one)."""
    if max(map(len, filter(None, texts)), default=0) > LAYOUT_TEXT:  # a chain cell's whole text, squashed
        return True
    if None not in texts:
        return False
    others = list(compress(cells, map(is_, texts, repeat(None))))
    for cell in others:
        for inner in cell.iter("table"):
            if len(_rows(inner)) >= 2:
                return True
    for cell in others:
        text = _string(cell)
        if len(text) > LAYOUT_TEXT and len(squash(text)) > LAYOUT_TEXT:  # squashing only shortens it
            return True
    return False


def _chain_end(el):
    """Where a cell's text comes from: most cells are a chain of only children down to a text
    (<td><p><span>12</span></p></td>), followed while nothing but whitespace sits beside the
    child (the spaces a block adds around its text vanish at the ends of the squashed text)."""
    while len(el) == 1:
        text, child = el.text, el[0]
        tag, tail = child.tag, child.tail
        if (text and not text.isspace()) or (tail and not tail.isspace()) \
                or not isinstance(tag, str) or tag.lower() in SKIP:
            break
        el = child
    return el


def _chain_texts(cells: list) -> list[str | None]:
    """Each cell's squashed text when its chain (``_chain_end``) ends in an element without
    children (then all its text is that element's), else None. One loop for the table, the texts
    squashed together (``squash_all``): a table's cells are most of a page's elements, and a call
    per cell cost a twentieth of rendering it. (The parser lowercases ASCII letters in tag names;
    no other letter lowercases to an ASCII one in SKIP's names.)"""
    texts: list[str] = []
    append = texts.append
    others: list[int] = []  # the cells whose text is not one element's
    for el in cells:
        while True:
            count = len(el)
            if not count:
                append(el.text or "")
                break
            if count != 1:
                others.append(len(texts))
                append("")
                break
            text, child = el.text, el[0]
            tail, tag = child.tail, child.tag
            if (text and not text.isspace()) or (tail and not tail.isspace()) \
                    or not isinstance(tag, str) or tag in SKIP:
                others.append(len(texts))
                append("")
                break
            el = child
    squashed: list[str | None] = squash_all(texts)
    for index in others:
        squashed[index] = None
    return squashed


def cell_text(el) -> str:
    el = _chain_end(el)
    if not len(el):  # a cell with nothing in it but its text
        return squash(el.text or "")
    parts: list[str] = []
    _gather(el, parts)
    return squash("".join(parts))


_SPACED = frozenset(BLOCK | {"br"})
_OWN_WAY = frozenset(("head", "br", "table", "pre"))  # rendered by _Flow.own_way


def _gather(el, parts: list[str]) -> None:
    """Text of an element; <br>, blocks and nested cells separate words with a space."""
    text = el.text
    if text:
        parts.append(text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str):  # comments and processing instructions: only their tail
            tag = tag.lower()
            spaced = tag in _SPACED
            if spaced or tag not in SKIP:
                if spaced:
                    parts.append(" ")
                if len(child):
                    _gather(child, parts)
                else:  # a leaf: its text, without a call
                    text = child.text
                    if text:
                        parts.append(text)
                if spaced:
                    parts.append(" ")
        tail = child.tail
        if tail:
            parts.append(tail)


class _Flow:
    """Renders the element tree in document order into a TextBuilder."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.buffer: list[str] = []

    def flush(self) -> None:
        buffer = self.buffer
        if not buffer:  # a block right after another: nothing to end
            return
        line = squash("".join(buffer))
        buffer.clear()
        if line:
            self.builder.add_line([line])

    def walk(self, el) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            return
        tag = tag.lower()
        if tag in SKIP:
            return
        if tag in _OWN_WAY:
            self.own_way(el, tag)
            return
        block = tag in BLOCK
        buffer = self.buffer  # the same list all along: flush() clears it
        if block and buffer:
            self.flush()
        text = el.text
        if text:
            buffer.append(text)
        for child in el:
            self.walk(child)
            tail = child.tail
            if tail:
                buffer.append(tail)
        if block and buffer:
            self.flush()

    def own_way(self, el, tag: str) -> None:
        """The elements ``walk`` does not just descend into: the head (its title only), line
        breaks, tables and preformatted text."""
        if tag == "head":
            title = el.find("title")
            if title is not None:
                self.flush()
                self.buffer.append(_text_content(title))
                self.flush()
            return
        self.flush()
        if tag == "table":
            self.table(el)
        elif tag == "pre":
            self.pre(el)

    def table(self, table) -> None:
        rows = [list(tr.iterchildren("td", "th")) for tr in _rows(table)]
        cells = list(chain.from_iterable(rows))
        texts = _chain_texts(cells)
        layout = _is_layout(cells, texts)
        for child in table.iterchildren("caption"):
            self.walk(child)
        if layout:
            for cell in cells:
                self.walk(cell)
            return
        start = 0
        for row in rows:
            if row:
                end = start + len(row)
                row_texts = texts[start:end]
                if None in row_texts:
                    row_texts = [cell_text(cell) if text is None else text for cell, text in zip(row, row_texts)]
                self.builder.add_line(row_texts, grid=True)
                start = end

    def pre(self, el) -> None:
        """Preformatted text keeps its lines and tab-separated fields, like a text file."""
        for line in _text_content(el).replace("\xa0", " ").split("\n"):
            if line.strip():
                self.builder.add_line(line.split("\t"))
