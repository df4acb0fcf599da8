"""Word documents (.docx): paragraphs and tables in document order.

The package is opened directly (python-docx's object model cost more than the rest of the
reading): the document part is found through the package relationships as python-docx finds it;
damaged parts the text does not need (styles, pictures) do not stop the reading. Most reports'
document part is read from its markup without building a tree (core/readers/docx_scan.py); any
other is parsed with python-docx's parser settings and walked once. A plain body (no text boxes,
fallbacks, moved text, content controls or custom XML: most reports) is read in one pass over its
tables, rows, cells, paragraphs and run content; any other body table by table, cell by cell. In a table,
a horizontally merged cell is one ``w:tc`` with ``w:gridSpan`` (emitted once), a vertically
merged cell is a ``w:tc`` whose ``w:vMerge`` restarts the merge followed by continuation
``w:tc``s in the rows below (dropped). Empty cells are printed blanks and are kept. A table
whose cell holds a table of two rows or more lays out the page: its cells are read as the body
is. A text box's paragraphs and tables follow the paragraph it is anchored in. Hidden runs
(w:vanish) are not printed and not read, nor a note's mark set in superscript.
"""
from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from core.readers.document import Cell, Document, Merge, MergedLine, TextBuilder
from core.readers.docx_scan import MERGED_ACROSS, MERGED_DOWN, MOST_SPAN, W_NS, scan_body
from core.readers.html import MAX_ELEMENTS, TOO_MANY_ELEMENTS, squash, too_many_elements

CORRUPT_PROBLEM = "文件已损坏或不完整，无法打开（docx）"
BOMB_PROBLEM = "文件解压后过大（疑似压缩炸弹），未读取（docx）"

# A .docx is a zip archive: its members are bounded by their declared inflated size before any
# is read (zipfile never inflates a member past the size it declares). Real documents inflate to
# a few MB of XML (parsed into a tree) plus their pictures (kept as bytes), at ratios well under
# 100:1.
MAX_XML = 8 * 1024 * 1024
MAX_TOTAL = 128 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000

_WORD_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    """The Clark name of a WordprocessingML tag ("w:p"), as python-docx's qn gives it: importing
    python-docx for this cost every process that reads reports ~0.1 s of CPU at its start."""
    prefix, _, name = tag.partition(":")
    if prefix != "w":
        raise ValueError(f"not a w: tag: {tag}")
    return f"{{{_WORD_MAIN}}}{name}"


W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
MC_FALLBACK, W_TXBX = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback", qn("w:txbxContent")
W_ALT_CHUNK = qn("w:altChunk")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Run content in document order: text, tabs and line breaks of the runs of a paragraph, not of
# text boxes anchored in it (they have paragraphs of their own) nor of the legacy VML copy of
# drawings (mc:Fallback duplicates mc:Choice), nor text moved away by tracked changes (w:moveFrom;
# deleted text is w:delText). Runs inside w:ins, w:hyperlink and fields are included.
# (What the XPath ".//w:r/(w:t|w:tab|w:br|w:cr)[not(ancestor::w:txbxContent or ancestor::mc:Fallback
# or ancestor::w:moveFrom)]" selects, found by one filtered iteration instead.)
W_R, W_T, W_TAB, W_BR, W_CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SKIPPED = frozenset((W_TXBX, MC_FALLBACK, qn("w:moveFrom")))
_TEXT_FOR = {W_TAB: "\t", W_BR: "\n", W_CR: "\n"}

# The package parts that lead to the document (Open Packaging Conventions).
_OPC = "http://schemas.openxmlformats.org/package/2006"
RELATIONSHIP, CT_OVERRIDE, CT_DEFAULT = f"{{{_OPC}/relationships}}Relationship", \
    f"{{{_OPC}/content-types}}Override", f"{{{_OPC}/content-types}}Default"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# Word's "Strict Open XML" documents: the same parts and content types, their markup and
# relationship types in other namespaces. The document part is read in the usual namespace.
RT_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
CT_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W_DOCUMENT, W_BODY = qn("w:document"), qn("w:body")
# As python-docx parses: entities are not expanded (no "billion laughs"), blank text is dropped.
# Unlike it, xml:id attributes are not collected into a table (nothing here looks an element up
# by its ID; a part whose xml:id values repeat or are not names is read instead of refused).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, collect_ids=False)


def read_docx(path: str, data: bytes, fmt: str = "docx") -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, a damaged central directory, ...
        return Document(path, fmt, problems=[CORRUPT_PROBLEM])
    problem = _members_problem(archive.infolist())
    if problem:
        return Document(path, fmt, problems=[problem])
    try:
        markup = _main_markup(archive)
    except Exception:  # BadZipFile, KeyError, zlib.error, ...
        return Document(path, fmt, problems=[CORRUPT_PROBLEM])
    chunked = b"altChunk" in markup  # (a body imported whole from another file: read below)
    lines = scan_body(markup, MAX_ELEMENTS) if _SCAN and not chunked else None
    if lines is not None:  # a plain body, read from the markup
        builder = TextBuilder()
        _add_plain_lines(lines, builder)
        return Document(path, fmt, None, builder.text, builder.lines)
    try:
        body = _body(markup)
    except Exception:  # XMLSyntaxError, KeyError, ...
        return Document(path, fmt, problems=[CORRUPT_PROBLEM])
    if too_many_elements(body, markup.count(b"<")):  # every element starts with a "<"
        return Document(path, fmt, problems=[TOO_MANY_ELEMENTS])
    problems: list[str] = []
    chunks = _alt_chunks(archive, body, path, problems) if chunked else {}
    builder = read_body(body, chunks)
    return Document(path, fmt, None, builder.text, builder.lines, problems)


# An altChunk imports another file's content into the body where it stands, as Word shows it: a
# web page (HTML, or MHT) as some sites' "export to Word" makes, the whole report in it (the body
# holding nothing else). Read as that file is, its lines put where it stands.
_CT_HTML = ("text/html", "application/xhtml+xml")
_CT_MHT = ("message/rfc822", "multipart/related", "application/x-mimearchive")
_CT_TEXT = ("text/plain",)
_CT_WORD = (CT_DOCUMENT_MAIN, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ALT_CHUNK_UNREAD = "文档中嵌入的其他格式内容（altChunk，{0}）未能读取，报告可能不完整"  # (problems._STARTS)


def _alt_chunks(archive: zipfile.ZipFile, body, path: str, problems: list[str]) -> dict:
    """w:altChunk element -> the lines of the part it imports (a web page, a web archive, plain
    text or a Word document); a part not found or of another kind is said in `problems`."""
    from core.readers.html import read_html, read_mht  # (as rarely needed as altChunks are)

    found: dict = {}
    elements = list(body.iter(W_ALT_CHUNK))
    if not elements:
        return found
    try:
        content_types = _xml(archive, "[Content_Types].xml")
        rels = _xml(archive, "word/_rels/document.xml.rels")
    except Exception:  # KeyError, XMLSyntaxError, ...
        problems.append(ALT_CHUNK_UNREAD.format("缺少关系部件"))
        return found
    targets = {rel.get("Id"): rel.get("Target") or "" for rel in rels.iterchildren(RELATIONSHIP)}
    for element in elements:
        target = targets.get(element.get(_R_ID))
        kind = "未找到"
        if target is not None:
            partname = posixpath.normpath(posixpath.join("/word", target))
            kind = (_content_type(content_types, partname) or "").lower()
            try:
                data = archive.read(partname[1:])
            except Exception:  # KeyError, zlib.error, ...
                data, kind = None, "未找到"
            if data is not None:
                document = read_html(path, data) if kind in _CT_HTML \
                    else read_mht(path, data) if kind in _CT_MHT \
                    else _text_document(path, data) if kind in _CT_TEXT \
                    else read_docx(path, data) if kind in _CT_WORD and data[:2] == b"PK" else None
                if document is not None and document.lines:
                    found[element] = document.lines
                    continue
        problems.append(ALT_CHUNK_UNREAD.format(kind or "未知类型"))
    return found


def _text_document(path: str, data: bytes) -> Document:
    from core.readers.text import read_text  # (imported when first needed)
    return read_text(path, data)


def read_body(body, chunks: dict | None = None) -> TextBuilder:
    """The lines of a w:body: its paragraphs' and its tables' rows, in document order; `chunks`:
    the lines of each w:altChunk's part (_alt_chunks), put where it stands."""
    builder = TextBuilder()
    _drop_hidden_runs(body)
    continuations, spans = _continuations(body), _grid_spans(body)
    # Most documents have no text box, fallback or moved text (then no run needs its ancestors
    # checked) and no content control or custom XML (then rows and cells are plain children).
    present = {el.tag for el in body.iter(*_SKIPPED, *_CONTAINERS)}
    content = _content if present & _CONTAINERS else _children
    layout = _layout_tables(body, content)
    lines = None if present or layout or chunks or not _ONE_PASS else _plain_lines(body, continuations, spans)
    if lines is not None:
        _add_plain_lines(lines, builder)
        return builder
    text_of = paragraph_text if present & _SKIPPED else _run_text
    _blocks(body, builder, (continuations, spans), text_of, content, layout, W_TXBX in present, chunks or {})
    return builder


def _blocks(parent, builder: TextBuilder, merges: tuple[dict, dict], text_of, content, layout: set, boxes: bool,
            chunks: dict) -> None:
    """The paragraphs and tables of the body, of a layout table's cell or of a text box, in
    document order; ``merges``: the body's cells continuing a merge (_continuations) and those
    covering several grid columns (_grid_spans); ``boxes``: whether the document has text boxes;
    ``chunks``: the lines of its altChunks' parts."""
    for el in content(parent, (W_P, W_TBL, W_ALT_CHUNK) if chunks else (W_P, W_TBL)):
        if el.tag == W_ALT_CHUNK:
            copied: dict[int, Cell] = {}  # (the part's cells as this text holds them: its merges' cells)
            for line in chunks.get(el, ()):
                builder.add_line([cell.text for cell in line.cells], line.grid)
                if line.grid:
                    added = builder.lines[-1]
                    copied.update(zip(map(id, line.cells), added.cells))
                    if type(line) is MergedLine:
                        builder.lines[-1] = MergedLine(added.cells, True, tuple(
                            Merge(m.at, copied.get(id(m.cell), m.cell), m.columns, m.own) for m in line.merges))
        elif el.tag == W_P:
            for line in text_of(el, el).split("\n"):
                if line.strip():
                    builder.add_line(line.split("\t"))
            if boxes:
                for box in _text_boxes(el):
                    _blocks(box, builder, merges, text_of, content, layout, boxes, chunks)
        elif el in layout:  # each cell's content read as the body's is, its tables as tables
            for tr in content(el, (W_TR,)):
                for tc in content(tr, (W_TC,)):
                    if tc not in merges[0]:
                        _blocks(tc, builder, merges, text_of, content, layout, boxes, chunks)
        else:
            _table(el, builder, *merges, text_of, content)


def _text_boxes(p) -> list:
    """The text boxes anchored in a paragraph, after its own text (their paragraphs are no part of
    it): a table placed in a text box (as PDF-to-Word converters place a page's blocks) is read as
    a table. Not the legacy copy of a drawing (mc:Fallback repeats mc:Choice), not moved text, and
    a box inside another box through that box."""
    found = []
    for box in p.iter(W_TXBX):
        above = box.getparent()
        while above is not None and above is not p and above.tag not in _SKIPPED:
            above = above.getparent()
        if above is p:
            found.append(box)
    return found


def _layout_tables(body, content) -> set:
    """Tables that lay out a page rather than hold values: one of their cells holds a table of two
    rows or more (a report copied from a web page into Word keeps the site's layout table around
    the article, the report's tables nested in its cell). As the HTML reader does, such a table's
    cells are read as blocks, so the tables inside keep their rows; a one-row table nested in a
    cell stays that cell's text."""
    layout = set()
    for tbl in body.iter(W_TBL):
        above = tbl.getparent()
        while above is not None and above is not body and above.tag != W_TC:
            above = above.getparent()
        if above is None or above.tag != W_TC or sum(1 for _ in content(tbl, (W_TR,))) < 2:
            continue
        while above is not None and above.tag != W_TBL:
            above = above.getparent()
        if above is not None:
            layout.add(above)
    return layout


# Run properties that take a run out of the text: Word neither shows nor prints hidden text
# (w:vanish), so a figure typed and hidden in a cell beside the printed one is no part of the cell;
# a note's mark set in superscript after a count (「207¹」) is no digit of it (read, 207 became 2071:
# a false 错误), as the HTML reader drops a <sup> of a few characters.
W_RPR, W_VANISH, W_VERT_ALIGN = qn("w:rPr"), qn("w:vanish"), qn("w:vertAlign")
_OFF = frozenset(("0", "false", "off"))
MARK_MOST = 4  # characters of a superscript taken for a note's mark (「1」「*」「[1]」「注1」)


def _drop_hidden_runs(body) -> None:
    """Remove the runs whose own properties hide them (a paragraph mark's w:vanish hides only the
    mark) or set them as a note's mark (superscript, MARK_MOST characters at most)."""
    dropped = []
    for prop in body.iter(W_VANISH, W_VERT_ALIGN):
        props = prop.getparent()
        run = props.getparent() if props is not None and props.tag == W_RPR else None
        if run is None or run.tag != W_R:
            continue
        if prop.tag == W_VANISH:
            if prop.get(W_VAL) not in _OFF:
                dropped.append(run)
        elif prop.get(W_VAL) == "superscript" and len("".join(t.text or "" for t in run.iter(W_T)).strip()) <= MARK_MOST:
            dropped.append(run)
    for run in dropped:
        run.getparent().remove(run)


def _members_problem(members: list[zipfile.ZipInfo]) -> str | None:
    """Why the archive must not be read (inflating beyond the bounds), or None."""
    if len(members) > MAX_MEMBERS:
        return BOMB_PROBLEM
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        xml = member.filename.lower().endswith((".xml", ".rels"))
        if total > MAX_TOTAL or (xml and member.file_size > MAX_XML) \
                or (ratio > MAX_RATIO and member.file_size > 1024 * 1024):
            return BOMB_PROBLEM
    return None


def _main_markup(archive: zipfile.ZipFile) -> bytes:
    """The bytes of the package's main document part, found as python-docx finds it: the one
    officeDocument relationship of the package, whose part's content type must be a Word
    document's. Raises on anything missing or damaged."""
    content_types = _xml(archive, "[Content_Types].xml")
    targets = [rel.get("Target") for rel in _xml(archive, "_rels/.rels").iterchildren(RELATIONSHIP)
               if rel.get("Type") in (RT_OFFICE_DOCUMENT, RT_STRICT_OFFICE_DOCUMENT)]
    if len(targets) != 1 or targets[0] is None:
        raise KeyError("no single officeDocument relationship")
    partname = posixpath.abspath(posixpath.join("/", targets[0]))
    if _content_type(content_types, partname) != CT_DOCUMENT_MAIN:
        raise ValueError("not a Word document")
    markup = archive.read(partname[1:])
    if STRICT_W_NS in markup:
        markup = markup.replace(STRICT_W_NS, W_NS.encode())
    return markup


def _body(markup: bytes):
    """The document part's w:body. Raises on XML that is not well formed or has no body."""
    root = etree.fromstring(markup, _PARSER)
    body = _first_child(root, W_BODY) if root.tag == W_DOCUMENT else None
    if body is None:
        raise KeyError("no w:body")
    return body


def _xml(archive: zipfile.ZipFile, member: str):
    return etree.fromstring(archive.read(member), _PARSER)


def _content_type(types, partname: str) -> str | None:
    """[Content_Types].xml: the part's override, else its extension's default (both matched
    without regard to case)."""
    for override in types.iterchildren(CT_OVERRIDE):
        if (override.get("PartName") or "").lower() == partname.lower():
            return override.get("ContentType")
    extension = posixpath.splitext(partname)[1][1:].lower()
    for default in types.iterchildren(CT_DEFAULT):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None


_CONTAINERS = frozenset((W_SDT, W_SDT_CONTENT, W_CUSTOM_XML))


def _content(parent, tags):
    """Children with the given tags, looking through content controls and custom XML."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _content(child, tags)


def _children(parent, tags):
    """``_content`` for a document without content controls or custom XML."""
    return parent.iterchildren(*tags)


def paragraph_text(p, context=None) -> str:
    """The paragraph's run content. ``context`` is an element around ``p`` known not to be inside
    a text box, fallback or moved text (the body paragraph itself, or the table cell): only the
    elements between a run and it are checked (None: up to the root)."""
    parts = []
    for el in p.iter(W_T, W_TAB, W_BR, W_CR):
        run = el.getparent()
        if run.tag == W_R and not _has_skipped_ancestor(run, context):
            parts.append((el.text or "") if el.tag == W_T else _TEXT_FOR[el.tag])
    return "".join(parts)


def _run_text(p, context=None) -> str:
    """``paragraph_text`` for a document without text boxes, fallbacks or moved text."""
    return "".join([(el.text or "") if el.tag == W_T else _TEXT_FOR[el.tag]
                    for el in p.iter(W_T, W_TAB, W_BR, W_CR) if el.getparent().tag == W_R])


def _has_skipped_ancestor(el, stop) -> bool:
    """Whether ``el`` or an element above it, below ``stop``, is a text box, a fallback or moved text."""
    while el is not None and el is not stop:
        if el.tag in _SKIPPED:
            return True
        el = el.getparent()
    return False


def _table(tbl, builder: TextBuilder, continuations: dict, spans: dict, text_of, content) -> None:
    above: dict = {}
    for tr in content(tbl, (W_TR,)):
        tcs = list(content(tr, (W_TC,)))
        cells = [_cell_text(tc, text_of) for tc in tcs if tc not in continuations]
        if cells:
            _add_row(builder, cells, tbl, [(spans.get(tc, 1), continuations.get(tc, 0)) for tc in tcs], above)


# Grid positions covered by a merge that started above (vMerge) or left (old hMerge): the cell's
# first w:tcPr has a first w:vMerge or w:hMerge that does not restart (no w:val: "continue").
# What ".//w:tc[w:tcPr[1]/w:vMerge[1][not(@w:val='restart')] or w:tcPr[1]/w:hMerge[1][...]]"
# selects, found from the few merge marks (one filtered iteration) instead of testing every cell.
W_TC_PR, W_VMERGE, W_HMERGE, W_VAL = qn("w:tcPr"), qn("w:vMerge"), qn("w:hMerge"), qn("w:val")
W_GRID_SPAN = qn("w:gridSpan")


def _continuations(body) -> dict:
    """Each such cell, and how it continues its merge (docx_scan.merge_state: MERGED_DOWN or
    MERGED_ACROSS; its first w:vMerge first if both continue)."""
    found: dict = {}
    for mark in body.iter(W_VMERGE, W_HMERGE):
        props = mark.getparent()
        if props.tag != W_TC_PR or mark.get(W_VAL) == "restart" or _first_child(props, mark.tag) is not mark:
            continue
        tc = props.getparent()
        if tc is not None and tc.tag == W_TC and _first_child(tc, W_TC_PR) is props:
            state = MERGED_DOWN if mark.tag == W_VMERGE else MERGED_ACROSS
            found[tc] = min(found.get(tc, state), state)
    return found


def _grid_spans(body) -> dict:
    """Each w:tc covering more than one grid column (its first w:tcPr's w:gridSpan): how many."""
    found = {}
    for mark in body.iter(W_GRID_SPAN):
        props = mark.getparent()
        if props.tag != W_TC_PR or _first_child(props, W_GRID_SPAN) is not mark:
            continue
        tc = props.getparent()
        value = mark.get(W_VAL) or ""
        if tc is not None and tc.tag == W_TC and _first_child(tc, W_TC_PR) is props and value.strip().isdigit():
            span = min(int(value), MOST_SPAN)
            if span > 1:
                found[tc] = span
    return found


def _add_row(builder: TextBuilder, cells: list[str], table, marks: list[tuple[int, int]], above: dict) -> None:
    """A table row's line (its cells, the merges' continuations left out), a MergedLine where a
    cell covers more grid columns than one or continues one merged down (`marks`: each w:tc's
    grid span and merge_state, in order; `above`: the table's cells by the grid column they
    start in, and their span, which a cell merged down continues: kept up to date)."""
    if above.get(None) != table:
        above.clear()
        above[None] = table
    builder.add_line(cells, grid=True)
    line = builder.lines[-1]
    merges: list[Merge] = []
    column = kept = 0
    last: Merge | None = None
    for span, merged in marks:
        if merged == MERGED_DOWN:
            origin = above.get(column)
            if origin is not None and origin[1] == span:  # (a grid the rows agree on)
                merges.append(Merge(kept, origin[0], span, False))
        elif merged == MERGED_ACROSS:  # (the old horizontal merge: the cell left of it covers it too)
            if last is not None and last.at == kept - 1:
                merges[-1] = last = Merge(last.at, last.cell, last.columns + span, True)
            elif kept:
                merges.append(last := Merge(kept - 1, line.cells[kept - 1], 1 + span, True))
        else:
            cell = line.cells[kept]
            above[column] = (cell, span)
            if span > 1:
                merges.append(last := Merge(kept, cell, span, True))
            kept += 1
        column += span
    if merges:
        builder.lines[-1] = MergedLine(line.cells, True, tuple(merges))


# Switches for tests: read every document from its tree (_SCAN), through the general walk below
# (_ONE_PASS).
_SCAN = True
_ONE_PASS = True
_RUN_CONTENT = frozenset((W_T, W_TAB, W_BR, W_CR))


def _plain_lines(body, continuations: dict, spans: dict) -> list | None:
    """What the general walk reads from a body without text boxes, fallbacks, moved text, content
    controls or custom XML, found in one pass over its tables, rows, cells, paragraphs and run
    content (a search per cell and per paragraph cost more than the rest of the reading).

    Returns the body's paragraphs (False, [run content]) and its tables' rows (True, [[cell
    paragraph's run content]], the table, [each w:tc's grid span and merge state]) in document
    order, or None where the general walk must decide:
    a paragraph or run content not where this pass expects it (a paragraph inside another, run
    content outside the paragraph last started, a paragraph neither in the body nor in the cell
    last started: only damaged or unusual documents)."""
    lines: list = []
    table = row = cell = paragraph = None
    # (each set anew before use: parts with paragraph, cell_paragraphs with cell, row_cells with row)
    parts: list[str] = []
    cell_paragraphs: list[list[str]] = []
    row_cells: list[list[list[str]]] = []
    row_marks: list[tuple[int, int]] = []
    for el in body.iter(W_TBL, W_TR, W_TC, W_P, W_T, W_TAB, W_BR, W_CR):
        tag = el.tag
        if tag in _RUN_CONTENT:
            run = el.getparent()
            if run.tag != W_R:
                continue
            if paragraph is None:
                return None
            above = run.getparent()
            while above is not paragraph:  # runs in hyperlinks, insertions, fields: look further up
                if above is body:
                    return None
                above = above.getparent()
            parts.append((el.text or "") if tag == W_T else _TEXT_FOR[tag])
        elif tag == W_P:
            parts, paragraph, parent = [], el, el.getparent()
            if parent is body:
                table = row = cell = None
                lines.append((False, parts))
                continue
            above = parent
            while above is not cell:  # a nested table's paragraph: through its cell, row and table
                if above is body or above.tag == W_P:
                    return None
                above = above.getparent()
            cell_paragraphs.append(parts)
        elif tag == W_TC:
            if el.getparent() is row:  # else a nested table's cell, whose paragraphs are checked
                cell, cell_paragraphs = el, []
                merged = continuations.get(el, 0)
                if not merged:
                    row_cells.append(cell_paragraphs)
                row_marks.append((spans.get(el, 1), merged))
        elif tag == W_TR:
            if el.getparent() is table:
                row, cell, row_cells, row_marks = el, None, [], []
                lines.append((True, row_cells, table, row_marks))
        elif el.getparent() is body:  # a table of the body; a nested one is read through its cells
            table, row, cell = el, None, None
    return lines


def _add_plain_lines(lines: list, builder: TextBuilder) -> None:
    above: dict = {}
    for grid, content, *row in lines:
        if grid:
            if content:
                _add_row(builder, list(map(_joined_cell, content)), row[0], row[1], above)
        else:
            for line in "".join(content).split("\n"):
                if line.strip():
                    builder.add_line(line.split("\t"))


def _joined_cell(paragraphs: list) -> str:
    """A cell's paragraphs' run content joined by a space, squashed (most cells: one paragraph of
    one text, taken without joining)."""
    if len(paragraphs) == 1:
        parts = paragraphs[0]
        return squash(parts[0] if len(parts) == 1 else "".join(parts))
    return squash(" ".join(["".join(parts) for parts in paragraphs]))


def _first_child(el, tag):
    """``el.find(tag)`` without lxml's path machinery (a few times faster)."""
    return next(el.iterchildren(tag), None)


def _cell_text(tc, text_of) -> str:
    """The cell's paragraphs (and those of a table nested in it) joined by a space (a paragraph
    inside a text box or a fallback has no text of its own)."""
    return squash(" ".join([text_of(p, tc) for p in tc.iter(W_P)]))
