"""Web pages (.html .htm) and saved web archives (.mht .mhtml).

Paragraph-like elements become lines; every <tr> of a data table becomes one grid Line whose
cells are that row's <td>/<th>. A cell merged by rowspan/colspan is a single <td> in the row it
starts in and is absent from the rows and columns it covers, so taking each row's own cells
gives every merged cell exactly once, at its top-left position, with blanks kept as empty cells.

Government sites often wrap the whole article in a layout table; such a table (one holding a
real nested table or a long text) is rendered as blocks so the report's own tables keep their
rows. A small table nested inside a data cell is flattened into that cell's text.

libxml2 parses the page and an XSLT stylesheet (libxslt) renders the tree into one string with
marks between lines and cells: Python never touches an element, which cost several lxml objects
each.
"""
from __future__ import annotations

import codecs
import functools
import re
from itertools import filterfalse, islice

from lxml import etree

from core.readers.document import Document, Merge, MergedLine, TextBuilder
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
    return _COUNT_ELEMENTS(root) > MAX_ELEMENTS


# (compiled once: root.xpath() compiled the expression and made an evaluator at each call, more
# than half of the count's instructions on a page of 12 000 elements)
_COUNT_ELEMENTS = etree.XPath("count(//*)")


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
    builder = _render(root, text)
    if builder is None:
        return Document(path, fmt, encoding, problems=problems + ["网页无法解析"])
    if ("\\" in text and _ESCAPED_TABLE.search(text)) or \
            (not any(line.grid for line in builder.lines) and _scripted_table(text)):
        # The report's own page held in a script string ('"<td class=\"x\">…"'): unescape it
        # and read the script's text as part of the page.
        markup = _SCRIPT_TAG.sub(" ", _unescape_script(text))
        unescaped = _parse(markup)
        if unescaped is not None and not too_many_elements(unescaped, _most_elements(markup)):
            builder = _render(unescaped, markup) or builder
    if not builder.lines:
        problems.append("网页中没有找到文字内容")
    return Document(path, fmt, encoding, builder.text, builder.lines, problems,
                    rows_cut_to_columns='<tr class="' in text and _PANDOC_ROWS.search(text) is not None)


# pandoc's web page: its table rows striped odd and even, or its generator named. pandoc cuts each
# row of a Word table to the table's columns, a row printing 8 cells to 7 (its last lost), and
# writes the cut rows so (a page of its own prints what the page's author typed in every row).
_PANDOC_ROWS = re.compile(r'<tr class="(?:odd|even)">|<meta name="generator" content="pandoc')


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


def _parse(text: str):
    try:
        return etree.fromstring(text, _HTML_PARSER)  # None: nothing but whitespace or comments
    except (etree.ParserError, ValueError):
        return None


def read_mht(path: str, data: bytes, fmt: str = "mht") -> Document:
    """Take the text/html part out of a MIME web archive and read it as a web page."""
    if data.lstrip()[:1] == b"<":  # some browsers save plain HTML under .mht
        return read_html(path, data, fmt)
    # Imported here: the email package (with socket, random, calendar) cost a process its first
    # web page's reading, which needs none of it.
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # None (its stub allows a Message too): nothing decoded
                payload = b""
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


_ROWS = "tr|thead/tr|tbody/tr|tfoot/tr"  # a table's own rows
# Tables that may be layout: a cell longer than LAYOUT_TEXT before squashing (squashing only
# shortens it), or holding a nested table of two rows or more. Evaluated only on a page where the
# rendering found a hint of one (``_render``): the query costs more than the rendering.
_LAYOUT_CANDIDATES = etree.XPath(
    f"//table[({_ROWS})/*[self::td or self::th][string-length() > {LAYOUT_TEXT} or .//table[count({_ROWS}) > 1]]]")
_OWN_CELLS = etree.XPath(f"({_ROWS})/*[self::td or self::th]")
_NESTED_TABLE = etree.XPath(f"boolean(({_ROWS})/*[self::td or self::th]//table[count({_ROWS}) > 1])")
_LAYOUT_NS = "urn:x-gongkai-shenhe:html"
_LAYOUT = f"{{{_LAYOUT_NS}}}layout"  # no attribute the HTML parser makes has a namespace


def _string(el) -> str:
    """The element's text content, as XPath's string() gives it."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _mark_layout_tables(root) -> None:
    """Mark the tables that hold a real nested table or an article-long text, for the stylesheet
    to render as blocks."""
    for table in _LAYOUT_CANDIDATES(root):
        if _NESTED_TABLE(table) or any(len(squash(_string(cell))) > LAYOUT_TEXT for cell in _OWN_CELLS(table)):
            table.set(_LAYOUT, "")


_SKIP = "|".join(sorted(SKIP))
# Tag names are lowercased ASCII; of other letters only the Kelvin sign lowercases to an ASCII
# one in these names (Python's lower() made "blocKquote" a blockquote).
_BLOCKS = "|".join(sorted(BLOCK - {"table", "pre"}) + ["bloc\u212aquote"])
_SPACED = "|".join(sorted(BLOCK - {"table"} | {"br"}) + ["bloc\u212aquote"])

# The page rendered by libxslt into one string, instead of several Python calls for each element
# (lxml makes an object for every element, tag, text and child list Python touches). Marks:
#   BREAK   ends a line: a block's start or end, a <br>;
#   CELL    starts a table cell: a line starting with one is a table row;
#   PRE     starts preformatted text, kept line by line;
#   HINT    in a cell: a nested table or a skipped element, whose text string() counts, so the
#           cell may make its table layout (``_lines``);
#   MERGE   in a cell merged over more than one grid position: its colspan and rowspan follow,
#           each ended by one (``_merged_cells``).
# Only the root element is rendered, as lxml's fromstring() gives it. Text is squashed later. The
# head gives its title only; script, style and form controls are skipped. A table gives its
# captions, then each own row's own cells as one grid line, a cell's text with a space where a
# block or <br> starts or ends inside it (mode "cell"); a table marked layout instead renders
# its own cells as blocks. Anything else in a table (text beside the rows) is not shown.
_STYLESHEET = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="{ns}" exclude-result-prefixes="m">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/"><xsl:apply-templates select="*[1]"/></xsl:template>
<xsl:template match="{skip}"/>{hidden}
<xsl:template match="{mark}"/>
<xsl:template match="{blocks}">{br}<xsl:apply-templates/>{br}</xsl:template>
<xsl:template match="br">{br}</xsl:template>
<xsl:template match="head"><xsl:if test="title">{br}<xsl:value-of select="title"/>{br}</xsl:if></xsl:template>
<xsl:template match="pre">{br}{pre}<xsl:value-of select="."/>{br}</xsl:template>
<xsl:template match="table">{br}<xsl:apply-templates select="caption"/><xsl:choose>
  <xsl:when test="@m:layout"><xsl:apply-templates select="tr|thead|tbody|tfoot" mode="layout"/></xsl:when>
  <xsl:otherwise><xsl:apply-templates select="tr|thead|tbody|tfoot" mode="rows"/></xsl:otherwise>
</xsl:choose>{br}</xsl:template>

<xsl:template match="thead|tbody|tfoot" mode="rows"><xsl:apply-templates select="tr" mode="rows"/></xsl:template>
<xsl:template match="tr" mode="rows"><xsl:apply-templates select="td|th" mode="row"/>{br}</xsl:template>
<xsl:template match="td|th" mode="row">{cell}<xsl:if test="@colspan &gt; 1 or @rowspan &gt; 1">{merge}<xsl:value-of select="@colspan"/>{merge}<xsl:value-of select="@rowspan"/>{merge}</xsl:if><xsl:apply-templates mode="cell"/></xsl:template>
<xsl:template match="{skip}" mode="cell">{hint}</xsl:template>
<xsl:template match="{mark}" mode="cell"/>
<xsl:template match="{spaced}" mode="cell"><xsl:text> </xsl:text><xsl:apply-templates mode="cell"/><xsl:text> </xsl:text></xsl:template>
<xsl:template match="table" mode="cell">{hint}<xsl:text> </xsl:text><xsl:apply-templates mode="cell"/><xsl:text> </xsl:text></xsl:template>

<xsl:template match="thead|tbody|tfoot" mode="layout"><xsl:apply-templates select="tr" mode="layout"/></xsl:template>
<xsl:template match="tr" mode="layout"><xsl:apply-templates select="td|th"/></xsl:template>
</xsl:stylesheet>"""


# A note's mark set in superscript after a count (「207<sup>1</sup>」, 「56<sup>*</sup>」, 「<sup>[1]</sup>」):
# no digit of the count. Read as text it made 207 2071, a false 错误 on its row and column. A
# superscript of a few characters is such a mark (a longer one is text set small, kept).
_MARK = "sup[string-length(normalize-space()) &lt; 5]"

# An element a browser does not show (style="display:none"): the hidden rows of a spreadsheet's
# web export (WPS, Excel: <tr style="display:none"> of empty cells under each table), Word's hidden
# spans, text hidden against copying. Such an element is marked (``_mark_hidden``) and skipped in
# every mode; a pattern with a predicate outranks the stylesheet's plain name tests. Only a page
# that hides one gets these templates: testing every element costs the others for nothing.
_HIDDEN_TEMPLATES = "".join(f'\n<xsl:template match="*[@m:hidden]"{mode}/>'
                            for mode in ("", ' mode="rows"', ' mode="row"', ' mode="cell"', ' mode="layout"'))
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_MARK = f"{{{_LAYOUT_NS}}}hidden"
# A style hides its element when, case-blind and its white space dropped, it holds "display:none"
# (a browser reads "display:<tab>none" or a line break there as it reads a space).
_STYLE_FOLD = str.maketrans("DISPLAYNOE", "displaynoe", " \t\n\r\f")
_STYLES = etree.XPath("//@style", smart_strings=False)
_STYLED_AS = etree.XPath("//*[@style = $style]")


def _may_hide(markup: str) -> bool:
    """Whether the page may hide an element by its style (lowercase "none" or uppercase "NONE"
    looked for first: a search in C, where the case-blind pattern would walk the page)."""
    return ("none" in markup or "NONE" in markup) and _HIDDEN.search(markup) is not None


def _mark_hidden(root) -> bool:
    """Mark the elements whose style hides them; whether there was one. Decided here, once a
    distinct style (a few dozen on a Word page) and looked for again only if it hides: in the
    stylesheet, XPath's translate() on the style of each element met cost more than the rest of
    a Word page's reading (Word styles nearly every element), and so did an lxml object for each
    styled element."""
    distinct = set(_STYLES(root))  # r0009 of h2205, a Word page: 973 styles, 37 distinct
    hiding = [style for style in distinct if "display:none" in style.translate(_STYLE_FOLD)]
    for style in hiding:
        for element in _STYLED_AS(root, style=style):
            element.set(_HIDDEN_MARK, "")
    return bool(hiding)


@functools.lru_cache(maxsize=4)
def _stylesheet(marks: str, hidden: bool = False) -> etree.XSLT:
    br, cell, pre, hint, merge = tuple(marks)  # five characters
    return etree.XSLT(etree.XML(_STYLESHEET.format(
        ns=_LAYOUT_NS, skip=_SKIP, mark=_MARK, blocks=_BLOCKS, spaced=_SPACED, br=br, cell=cell, pre=pre, hint=hint,
        merge=merge,
        hidden=_HIDDEN_TEMPLATES if hidden else "")))


# The marks are noncharacters, which no page means as text. A page may still hold one, as itself
# or as a character reference (&#xFDD0; &#64976;); such a page gets marks it does not hold.
_MARKS = "\ufdd0\ufdd1\ufdd2\ufdd3\ufdd4"
_MARK_REFERENCE = re.compile(r"&#(?:[xX]0*[fF][dD][dD][0-4](?![0-9a-fA-F])|0*64(?:97[6-9]|980)(?![0-9]))")
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F])|0*([0-9]{1,7})(?![0-9]))")


def _marks_for(markup: str) -> str | None:
    """Five characters that no text of the page holds; None if none are left (a page of a
    hundred thousand distinct characters, made to exhaust them)."""
    if not any(map(markup.__contains__, _MARKS)) and not ("&" in markup and _MARK_REFERENCE.search(markup)):
        return _MARKS
    used = set(markup)
    for hexadecimal, decimal in _CHARACTER_REFERENCE.findall(markup):
        used.add(chr(min(int(hexadecimal, 16) if hexadecimal else int(decimal), 0x10FFFF)))
    free = "".join(islice(filterfalse(used.__contains__, map(chr, range(0xF0000, 0x10FFFE))), 5))  # private use
    return free if len(free) == 5 else None


def _render(root, markup: str) -> TextBuilder | None:
    """The lines of the page ``root``, parsed from ``markup``; None if it cannot be rendered."""
    marks = _marks_for(markup)
    if marks is None:
        return None
    stylesheet = _stylesheet(marks, _may_hide(markup) and _mark_hidden(root))
    builder = _lines(str(stylesheet(root)), marks, exact=False)
    if builder is None:  # a table may be layout: decide on each one, and render them so
        _mark_layout_tables(root)
        builder = _lines(str(stylesheet(root)), marks, exact=True)
    return builder


def _lines(stream: str, marks: str, exact: bool) -> TextBuilder | None:
    """The stylesheet's ``stream`` cut into lines. Unless ``exact`` (the layout tables marked),
    None if a table may be layout: a cell with a hint, or one longer than a layout cell's text
    once squashed (a space between blocks only lengthens it)."""
    br, cell, pre, hint = marks[0], marks[1], marks[2], marks[3]
    if hint in stream:
        if not exact:
            return None
        stream = stream.replace(hint, "")
    builder = TextBuilder()
    # Preformatted text keeps its lines and tab-separated fields, like a text file; the rest is
    # squashed, all at once.
    first, *preformatted = stream.split(br + pre)
    if not _add_squashed(builder, first, marks, exact):
        return None
    for piece in preformatted:
        text, _, rest = piece.partition(br)
        for line in text.replace("\xa0", " ").split("\n"):
            if line.strip():
                builder.add_line(line.split("\t"))
        if not _add_squashed(builder, rest, marks, exact):
            return None
    return builder


def _add_squashed(builder: TextBuilder, stream: str, marks: str, exact: bool) -> bool:
    """Add the lines and table rows of ``stream`` (no preformatted text in it), each squashed:
    a few passes in C over the whole page (``squash`` on each line cost more than the rest of
    the rendering). A mark is not white space to split(), so it stays, with at most one space
    each side."""
    br, cell, merge = marks[0], marks[1], marks[4]
    text = " ".join(stream.replace("\u200b", "").split())
    for mark in (br, cell, merge):
        if " " + mark in text:
            text = text.replace(" " + mark, mark)
        if mark + " " in text:
            text = text.replace(mark + " ", mark)
    merged = merge in text  # (a page merging no cell: no row looked at for it)
    below: list[list] = []  # a table's cells merged down into rows to come (_place_merges)
    # Cut where each grid row starts: every piece but the first is a row's cells, then the lines
    # of one cell each (paragraphs) up to the next row, added all at once (add_tab_lines: a Line
    # and its Cell made bare for each; a portal page's thousands of links, one Line each, cost
    # more than libxslt's rendering when each was added alone). (A leading mark: a stream
    # starting with a row is cut there too.)
    first, *rows = (br + text).split(br + cell)
    paragraphs = list(filter(None, first.split(br)))
    if paragraphs:
        builder.add_tab_lines(paragraphs, tabbed=False)
    for piece in rows:
        segment, *after = piece.split(br)
        cells = segment.split(cell)
        if not exact and len(segment) >= LAYOUT_TEXT and max(map(len, cells)) > LAYOUT_TEXT:
            return False
        if merged and (below or merge in segment):
            spans = _merged_cells(cells, merge)
            builder.add_line(cells, grid=True)
            _place_merges(builder, spans, below)
        else:
            builder.add_line(cells, grid=True)
        if after:  # (an empty one: a table's end, or a row of no cells; what merged down ends there)
            below = []
            paragraphs = list(filter(None, after))
            if paragraphs:
                builder.add_tab_lines(paragraphs, tabbed=False)
    return True


_MOST_SPAN = 100  # grid positions: a colspan or rowspan past it is no table's (a browser caps them too)


def _span(text: str) -> int:
    return min(int(text), _MOST_SPAN) if text.isdigit() else 1


def _merged_cells(cells: list[str], merge: str) -> dict[int, tuple[int, int]]:
    """The row's cells merged over more than one grid position, by index: their colspan and
    rowspan (their marks taken out of `cells`)."""
    spans: dict[int, tuple[int, int]] = {}
    for index, text in enumerate(cells):
        if text[:1] == merge:
            columns, rows, rest = text[1:].split(merge, 2)
            cells[index] = rest
            spans[index] = (_span(columns), _span(rows))
    return spans


def _place_merges(builder: TextBuilder, spans: dict[int, tuple[int, int]], below: list[list]) -> None:
    """The row last added with its merges (a MergedLine): its own cells merged over more than
    one column, and the cells of rows above merged down into it, each at the grid column it
    starts in (`below`: [column, rows still covered, cell, columns] of each, brought up to date
    for the rows after this one)."""
    line = builder.lines[-1]
    cells = line.cells
    above = {entry[0]: entry for entry in below}
    merges: list[Merge] = []
    later: list[list] = []
    column = 0
    for index, cell in enumerate(cells):
        while column in above:
            entry = above.pop(column)
            merges.append(Merge(index, entry[2], entry[3], False))
            if entry[1] > 1:
                later.append([entry[0], entry[1] - 1, entry[2], entry[3]])
            column += entry[3]
        columns, rows = spans.get(index, (1, 1))
        if columns > 1:
            merges.append(Merge(index, cell, columns, True))
        if rows > 1:
            later.append([column, rows - 1, cell, columns])
        column += columns
    for entry in sorted(above.values(), key=lambda e: e[0]):  # (past the row's own cells)
        merges.append(Merge(len(cells), entry[2], entry[3], False))
        if entry[1] > 1:
            later.append([entry[0], entry[1] - 1, entry[2], entry[3]])
    below[:] = later
    if merges:
        builder.lines[-1] = MergedLine(cells, line.grid, tuple(merges))
