"""The lines of a plain Word body read from the document part's markup, without building its tree.

Building lxml's tree of document.xml (every run's and paragraph's properties become elements)
cost more than the rest of the reading, though the reader needs only the paragraphs' run content
and the tables' rows and cells with their merge marks. Here libxml2 checks the markup without
building anything (a parser target with no callbacks: the same parser, so the same verdict on
what is well formed) and one regular expression walks the tags that matter, taking a cell made
of one paragraph of one run, a run, a paragraph's start with its properties, a row's start with
its properties in one match each.

It reads only markup it understands completely and returns None (the caller parses the tree and
reads it as before) on anything else: another encoding than UTF-8, a DTD, comments, CDATA or
processing instructions, namespaces declared below the root or any namespace error, a root other
than w:document whose first child is w:body, more "<" than the element bound, and in the body any
element with content other than tables, rows, cells, paragraphs, hyperlinks, smart tags and runs
of plain run content (so content controls, custom XML, text boxes, drawings, alternate content,
fields, tracked changes and moved text all go to the tree), nested tables, hidden runs
(w:vanish) and superscripts, property blocks with content other than empty elements one level
down, and every placement ``docx._plain_lines`` leaves to the general walk (a paragraph inside another, run content outside the paragraph last started, a
paragraph neither in the body nor in the cell last started).
"""
from __future__ import annotations

import re
import threading
from typing import cast

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _NoTree:
    """A parser target that receives no events: libxml2 parses and reports errors, builds nothing."""

    def close(self) -> None:
        return None


# The reader's parser (docx._PARSER) without the tree, and so without its settings for the tree:
# dropping blank text (a tenth of the checking's cost) and collecting IDs decide nothing about
# what is well formed.
# One per thread: its error_log is read after the parse, and another thread's parse must not
# change it in between (lxml parsers may be shared, but their error log is the parser's).
_checkers = threading.local()


def _checker() -> etree.XMLParser:
    checker = getattr(_checkers, "parser", None)
    if checker is None:
        checker = _checkers.parser = etree.XMLParser(target=_NoTree(), resolve_entities=False)
    return checker

_DECLARATION = re.compile(r"""<\?xml\s[^<>?]*?encoding\s*=\s*["']utf-8["'][^<>?]*\?>\s*""", re.I)
_ROOT = re.compile(r"<w:document((?:\s+[^\s=<>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>\s*<w:body>")
_W_DECLARATION = re.compile(r"""\sxmlns:w\s*=\s*(["'])""" + re.escape(W_NS) + r"\1")
_DEFAULT_NAMESPACE = re.compile(r"\sxmlns\s*=")

# Pieces of the tokenizer. Most tags are matched with "[^<>]*" for their attributes: an attribute
# value holding a ">" then ends the tag early, and what follows (no "<" can be in an attribute
# value) fails the rest of the pattern, or leaves an element open that the stack check at its
# end tag or at the end of the body refuses. Tags whose next text is read are matched exactly.
_EMPTY_END = r"(?:\s[^>]*+|/)(?<=/)>"  # the rest of an empty element's tag
_START_ATTRS = r"(?:\s[^>]*+)?(?<!/)"  # not the "/" of an empty element
_EXACT_ATTRS = r"""(?:\s+[^\s=<>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
_EMPTY = r"<w:[^>]*+(?<=/)>"
# Property children with children of their own: borders, margins, a paragraph mark's run
# properties, tab stops, numbering, a section's columns. Their children are empty elements.
_NESTED = "(?:rPr|tcBorders|tcMar|tblBorders|tblCellMar|pBdr|tabs|numPr|cols)"
_PROPS = rf"(?:{_EMPTY}|<w:{_NESTED}{_START_ATTRS}>(?:{_EMPTY})*+</w:{_NESTED}>)*+"
_PPR = rf"(?:<w:pPr>{_PROPS}</w:pPr>|<w:pPr/>)?"
_RPR = rf"(?:<w:rPr>{_PROPS}</w:rPr>|<w:rPr/>)?"


def _text(group: str) -> str:
    return rf"<w:t{_EXACT_ATTRS}>(?P<{group}>[^<]*)</w:t>"


def _one_text_run(group: str) -> str:
    return rf"<w:r{_START_ATTRS}>{_RPR}{_text(group)}</w:r>"


def _tcpr(group: str) -> str:
    return rf"(?:<w:tcPr>(?P<{group}>{_PROPS})</w:tcPr>|<w:tcPr/>)?"


_BLOCK_PROPS = "(?:pPr|rPr|tblPr|trPr|tblPrEx|tblGrid|sectPr)"
_TOKEN = re.compile("|".join([
    # a cell of one paragraph of at most one run of one text (most cells of a report's tables)
    rf"(?P<cell><w:tc{_START_ATTRS}>{_tcpr('cell_props')}<w:p{_START_ATTRS}>{_PPR}"
    rf"(?:{_one_text_run('cell_text')}|<w:r/>)?</w:p></w:tc>)",
    rf"(?P<run1>{_one_text_run('run1_text')})",
    rf"(?P<run><w:r{_START_ATTRS}>{_RPR}(?P<run_content>(?:<w:t{_EXACT_ATTRS}>[^<]*</w:t>|{_EMPTY})*)</w:r>)",
    rf"(?P<p><w:p{_START_ATTRS}>{_PPR})",
    r"(?P<end></(?P<end_name>w:(?:p|tc|tr|tbl))>)",
    rf"(?P<tc><w:tc{_START_ATTRS}>{_tcpr('tc_props')})",
    rf"(?P<tr><w:tr{_START_ATTRS}>(?:<w:tblPrEx>{_PROPS}</w:tblPrEx>)?(?:<w:trPr>{_PROPS}</w:trPr>)?)",
    rf"(?P<tbl><w:tbl>(?:<w:tblPr>{_PROPS}</w:tblPr>)?(?:<w:tblGrid>{_PROPS}</w:tblGrid>)?)",
    rf"(?P<props><w:{_BLOCK_PROPS}{_START_ATTRS}>{_PROPS}</w:{_BLOCK_PROPS}>)",
    # any other tag, read exactly
    rf"(?P<tag><(?P<close>/?)(?P<name>[^\s<>/=]+){_EXACT_ATTRS}(?P<empty>/?)>)",
]))
_RUN_CONTENT = re.compile(rf"<w:t{_EXACT_ATTRS}>([^<]*)</w:t>|<w:(tab|br|cr){_EMPTY_END}")
_FOR_EMPTY = {"tab": "\t", "br": "\n", "cr": "\n"}
_NESTED_BLOCK = re.compile(rf"<w:{_NESTED}{_START_ATTRS}>(?:{_EMPTY})*</w:{_NESTED}>")
_MERGE = re.compile(rf"<w:(vMerge|hMerge)({_EMPTY_END})")
_VAL = re.compile(r"""(?:^|\s)w:val\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
# Elements with content the body may hold around runs: their runs are the paragraph's.
_TRANSPARENT = frozenset(("w:hyperlink", "w:smartTag"))
_STRUCTURE = frozenset(("w:p", "w:tc", "w:tr", "w:tbl"))


class _Refused(Exception):
    """The markup holds something this scanner does not read: the tree is built instead."""


def scan_body(markup: bytes, most_elements: int) -> list | None:
    """``docx._plain_lines``'s lines of the document part's body, or None (build the tree)."""
    # "!" and "?" are rare in the markup of a report (the text's are full width): their one-byte
    # searches (memchr) spare most documents the slower searches for "<!" and "<?".
    if b"!" in markup and b"<!" in markup:
        return None
    if b"<w:vanish" in markup or b"superscript" in markup:  # hidden runs, notes' marks: the tree drops them (docx._drop_hidden_runs)
        return None
    # Once libxml2 finds the markup well formed (below), without comments, CDATA or processing
    # instructions each "<" starts a tag of at least 3 bytes: markup this short needs no count.
    if len(markup) > 3 * most_elements and markup.count(b"<") > most_elements:
        return None
    declared = markup.startswith(b"<?xml")
    after = markup.find(b"?>") + 2 if declared else 0
    if markup.find(b"?", after) >= 0 and markup.find(b"<?", after) >= 0:
        return None
    checker = _checker()
    try:
        etree.fromstring(markup, checker)
    except etree.XMLSyntaxError:
        return None
    if len(checker.error_log):  # namespace errors, which only a tree-building parse refuses
        return None
    try:
        text = markup.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\r" in text:  # XML line ends
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = 0
    if declared:
        declaration = _DECLARATION.match(text)
        if declaration is None:
            return None
        start = declaration.end()
    root = _ROOT.match(text, start)
    if root is None or text.find("xmlns", root.end()) >= 0 or text.count(W_NS) != 1 \
            or not _W_DECLARATION.search(root.group(1)) or _DEFAULT_NAMESPACE.search(root.group(1)):
        return None
    stop = text.rfind("</w:body>")
    if stop < root.end() or text[stop + 9:].strip() != "</w:document>":
        return None
    try:
        return _lines(text, root.end(), stop)
    except _Refused:
        return None


def _lines(text: str, start: int, stop: int) -> list:
    """What ``_plain_lines`` finds, from the body's content between ``start`` and ``stop``.

    Only the body, tables, rows, cells, paragraphs and hyperlinks are ever open (a run, a cell
    read in one match and a property block are matched whole). Every element is given a serial
    number: the parent of a tag is the last on the stack, and an element is an ancestor of the
    current position while its serial is still at its depth on the stack."""
    lines: list = []
    names = ["w:body"]
    serials = [0]
    serial = 0
    # The body's table last started, its row last started, the row's cell last started: serials,
    # and the cell's depth.
    table = row = cell = -1
    cell_depth = 0
    # (each set anew before use: parts with in_paragraph, cell_paragraphs with cell, row_cells with row)
    parts: list[str] = []
    cell_paragraphs: list[list[str]] = []
    row_cells: list[list[list[str]]] = []
    row_marks: list[tuple[int, int]] = []  # each w:tc of the row: its grid span, how it continues a merge
    in_paragraph = False  # paragraphs never nest here: an open one is the one last started
    for match in _TOKEN.finditer(text, start, stop):
        kind = cast(str, match.lastgroup)  # every alternative of _TOKEN is a named group
        if kind == "cell":
            if in_paragraph:
                raise _Refused
            serial += 1
            cell_text = match.group("cell_text")
            paragraph = [] if cell_text is None else [_decoded(cell_text) if "&" in cell_text else cell_text]
            if serials[-1] == row:
                cell, cell_depth, cell_paragraphs = serial, len(names), [paragraph]
                props = match.group("cell_props")
                merged = merge_state(props) if props and "Merge" in props else 0
                if not merged:
                    row_cells.append(cell_paragraphs)
                row_marks.append((grid_span(props) if props and "gridSpan" in props else 1, merged))
            else:  # a nested table's cell (refused at the table's start): never here
                raise _Refused
        elif kind == "run1":
            if not in_paragraph:
                raise _Refused
            run_text = match.group("run1_text")
            parts.append(_decoded(run_text) if "&" in run_text else run_text)
        elif kind == "end":
            name = match.group("end_name")
            if names.pop() != name:
                raise _Refused
            serials.pop()
            if name == "w:p":
                in_paragraph = False
        elif kind == "run":
            if not in_paragraph:
                raise _Refused
            for run_text, empty in _RUN_CONTENT.findall(match.group("run_content")):
                parts.append(_FOR_EMPTY[empty] if empty else _decoded(run_text))
        elif kind == "props":
            continue
        else:
            empty = False
            if kind == "tag":
                name = match.group("name")
                if match.group("close"):  # an end tag with white space before its ">"
                    if names.pop() != name:
                        raise _Refused
                    serials.pop()
                    if name == "w:p":
                        in_paragraph = False
                    continue
                if name not in _STRUCTURE:
                    if match.group("empty"):
                        continue  # an empty element holds nothing this reading takes
                    if name not in _TRANSPARENT:
                        raise _Refused
                    serial += 1
                    names.append(name)
                    serials.append(serial)
                    continue
                if not match.group("empty"):
                    raise _Refused  # a start tag the patterns above did not take
                kind, empty = name[2:], True
            # The start of a paragraph, cell, row or table (empty: its end too).
            serial += 1
            if kind == "p":
                if in_paragraph:
                    raise _Refused
                parts = []
                if len(names) == 1:
                    table = row = cell = -1
                    lines.append((False, parts))
                elif len(names) > cell_depth and serials[cell_depth] == cell:
                    cell_paragraphs.append(parts)
                else:
                    raise _Refused
                in_paragraph = not empty
            elif kind == "tc":
                if serials[-1] == row:
                    cell, cell_depth, cell_paragraphs = serial, len(names), []
                    props = None if empty else match.group("tc_props")
                    merged = merge_state(props) if props and "Merge" in props else 0
                    if not merged:
                        row_cells.append(cell_paragraphs)
                    row_marks.append((grid_span(props) if props and "gridSpan" in props else 1, merged))
            elif kind == "tr":
                if serials[-1] == table:
                    row, cell, row_cells, row_marks = serial, -1, [], []
                    lines.append((True, row_cells, table, row_marks))
            elif len(names) == 1:  # a table of the body
                table, row, cell = serial, -1, -1
            else:  # a nested table: the tree decides whether its table lays out a page (docx._layout_tables)
                raise _Refused
            if not empty:
                names.append("w:" + kind)
                serials.append(serial)
    if len(names) != 1:
        raise _Refused
    return lines


def _decoded(text: str) -> str:
    """Character and entity references replaced (the markup is known well formed: no others)."""
    return _REFERENCE.sub(_character, text) if "&" in text else text


def _character(match: re.Match) -> str:
    hexadecimal, decimal, name = match.groups()
    if name:
        return _NAMED[name]
    return chr(int(hexadecimal, 16) if hexadecimal else int(decimal))


_GRID_SPAN = re.compile(r"""<w:gridSpan\s+w:val\s*=\s*["'](\d+)["']\s*/>""")
MOST_SPAN = 100  # grid columns: a span past it is no table's


def grid_span(props: str) -> int:
    """The grid columns a cell whose w:tcPr holds this content covers (its w:gridSpan)."""
    found = _GRID_SPAN.search(props)
    return min(int(found.group(1)), MOST_SPAN) or 1 if found else 1


# How a cell continues a merge (docx._continuations): not (0), under a cell merged down from the
# rows above (w:vMerge), beside one merged from the left (the old w:hMerge)
NOT_MERGED, MERGED_DOWN, MERGED_ACROSS = 0, 1, 2


def merge_state(props: str | None) -> int:
    """How a cell whose first child is a w:tcPr with this content continues a merge: its first
    w:vMerge (MERGED_DOWN) or its first w:hMerge (MERGED_ACROSS) without w:val="restart"."""
    if not props or "Merge" not in props:
        return NOT_MERGED
    first: dict[str, str] = {}
    for mark in _MERGE.finditer(_NESTED_BLOCK.sub("", props)):
        first.setdefault(mark.group(1), mark.group(2))
    for name, attributes in first.items():
        val = _VAL.search(attributes)
        value = "" if val is None else val.group(1) if val.group(1) is not None else val.group(2)
        if "&" in value or "\t" in value or "\n" in value:
            raise _Refused  # references or normalised white space: leave the value to the parser
        if val is None or value != "restart":
            return MERGED_DOWN if name == "vMerge" else MERGED_ACROSS
    return NOT_MERGED
