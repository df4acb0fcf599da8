"""A plain Word body is read from the document part's markup (no tree built) exactly as from its
tree; anything the scanner does not read completely is left to the tree, which reads it as before."""
from __future__ import annotations

import random
import zipfile

import pytest

import core.readers.docx as docx_reader
from core.readers.docx_scan import scan_body
from tests.core.readers.test_docx_package import FILLED, _random_body, _with_body, read, rebuilt

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _part(body: str, head: str = _HEAD, root_attributes: str = "") -> bytes:
    return f'{head}<w:document xmlns:w="{_W}"{root_attributes}><w:body>{body}</w:body></w:document>'.encode()


def _scanned(markup: bytes):
    """(text, lines) the scanner reads, or None where it leaves the part to the tree."""
    lines = scan_body(markup, docx_reader.MAX_ELEMENTS)
    if lines is None:
        return None
    builder = docx_reader.TextBuilder()
    docx_reader._add_plain_lines(lines, builder)
    return builder.text, builder.lines


def _from_tree(markup: bytes):
    builder = docx_reader.read_body(docx_reader._body(markup))
    return builder.text, builder.lines


def _cells(scanned) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in scanned[1]]


def test_text_references_line_ends_and_merges_by_hand():
    """References are replaced, CR LF in a text is one line end, white space kept; the cell under a
    vertical merge is left out, a restarting merge and a gridSpan keep theirs."""
    body = ("<w:p><w:r><w:t xml:space='preserve'>A&amp;B &#x4E00;&#20108;&lt;3&gt;&quot;&apos;</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>上\r\n下</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
            "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r/></w:p></w:tc></w:tr></w:tbl>")
    scanned = _scanned(_part(body))
    assert _cells(scanned) == [["A&B 一二<3>\"'"], ["上"], ["下"], ["甲", "1"], ["2", ""]]
    assert scanned == _from_tree(_part(body))


# What mostly goes in each element (else anything, one time in ten).
_USUAL = {"body": ["p", "tbl"], "tbl": ["tr"], "tr": ["tc"], "tc": ["p", "p", "tbl"], "p": ["r", "r", "hyperlink"],
          "hyperlink": ["r"]}


def _runs_body(rng, depth: int = 0, parent: str = "body") -> str:
    """Tables, rows, cells, paragraphs and hyperlinks nested at random, mostly well placed, holding
    runs of text, tabs and breaks (with properties or not), merge marks, empty elements."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(_USUAL[parent]) if rng.random() < 0.9 else \
            rng.choice(["p", "tbl", "tr", "tc", "r", "hyperlink", "empty"])
        if kind == "r":
            content = "".join(rng.choice(["<w:t>甲</w:t>", "<w:t xml:space='preserve'> 1&amp;2 </w:t>", "<w:tab/>",
                                          "<w:br/>", "<w:t/>", "<w:lastRenderedPageBreak/>"])
                              for _ in range(rng.randint(0, 3)))
            props = rng.choice(["", "<w:rPr><w:b/><w:rFonts w:ascii='宋体'/></w:rPr>"])
            parts.append(f"<w:r>{props}{content}</w:r>" if content or props else "<w:r/>")
            continue
        if kind == "empty":
            parts.append(rng.choice(["<w:bookmarkStart w:id='0'/>", "<w:p/>", "<w:tc/>", "<w:tr/>", "<w:tbl/>"]))
            continue
        props = ""
        if kind == "tc" and rng.random() < 0.5:
            mark = rng.choice(["vMerge", "hMerge", "gridSpan"])
            value = rng.choice(["", " w:val='restart'", " w:val='continue'", " w:val='2'"])
            props = f"<w:tcPr><w:tcW w:w='10'/><w:{mark}{value}/></w:tcPr>"
        elif kind == "p" and rng.random() < 0.5:
            props = "<w:pPr><w:tabs><w:tab w:val='left' w:pos='420'/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>"
        inner = _runs_body(rng, depth + 1, kind) if depth < 5 else ""
        parts.append(f"<w:{kind}>{props}{inner}</w:{kind}>")
    return "".join(parts)


@pytest.mark.parametrize("make_body", [_random_body, _runs_body])
def test_random_bodies_read_alike_from_markup_and_tree(make_body):
    """On 600 randomly nested bodies (rows in paragraphs, runs in cells, merge marks, ...) the
    scanner reads what the tree reading reads, or leaves the body to it; both outcomes occur."""
    rng = random.Random(20261202)
    scanned_count = 0
    for _ in range(600):
        markup = _part(make_body(rng))
        scanned = _scanned(markup)
        if scanned is not None:
            scanned_count += 1
            assert scanned == _from_tree(markup), markup.decode()
    assert 50 < scanned_count < 550


# What the scanner leaves to the tree: each is read there as before (or refused as before).
_LEFT_TO_THE_TREE = {
    "comment": "<w:p><w:r><w:t>甲</w:t></w:r><!-- <w:r><w:t>乙</w:t></w:r> --></w:p>",
    "CDATA": "<w:p><w:r><w:t><![CDATA[<甲>]]></w:t></w:r></w:p>",
    "processing instruction": "<w:p><?pi <w:r><w:t>乙</w:t></w:r>?><w:r><w:t>甲</w:t></w:r></w:p>",
    "content control": "<w:sdt><w:sdtContent><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    "custom XML": "<w:customXml><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:customXml>",
    "text box": "<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>"
                "</w:drawing></w:r><w:r><w:t>甲</w:t></w:r></w:p>",
    "alternate content": "<w:p><w:r><mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/"
                         "markup-compatibility/2006'><mc:Fallback><w:r><w:t>副本</w:t></w:r></mc:Fallback>"
                         "</mc:AlternateContent></w:r><w:r><w:t>甲</w:t></w:r></w:p>",
    "field": "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
             "<w:r><w:fldChar w:fldCharType='end'/></w:r><w:fldSimple w:instr='X'><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>",
    "tracked changes": "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins></w:p>",
    "moved text": "<w:p><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:t>甲</w:t></w:r></w:p>",
    "another prefix for w": f"<x:p xmlns:x='{_W}'><x:r><x:t>甲</x:t></x:r></x:p>",
    "another namespace": "<w:p><v:shape xmlns:v='urn:v'><w:r><w:t>甲</w:t></w:r></v:shape></w:p>",
    "undeclared prefix": "<w:p><q:r><w:t>甲</w:t></q:r></w:p>",
    "not well formed": "<w:p><w:r><w:t>甲</w:t></w:r>",
    "undefined entity": "<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>",
    "'>' in an attribute": "<w:p><w:r><w:t w:x='a>b'>甲</w:t></w:r></w:p><w:tbl><w:tr><w:tc w:x='>'/></w:tr></w:tbl>",
    "property with content": "<w:p><w:pPr><w:pPrChange><w:pPr><w:jc w:val='left'/></w:pPr></w:pPrChange></w:pPr>"
                             "<w:r><w:t>甲</w:t></w:r></w:p>",
    "merge mark with a reference": "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val='&#114;estart'/></w:tcPr>"
                                   "<w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "run in a paragraph's properties": "<w:p><w:pPr><w:r><w:br/></w:r></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>",
}


@pytest.mark.parametrize("name", sorted(_LEFT_TO_THE_TREE))
def test_what_the_scanner_does_not_read_is_read_from_the_tree(tmp_path, monkeypatch, name):
    body = _LEFT_TO_THE_TREE[name]
    assert _scanned(_part(body)) is None
    data = rebuilt(_with_body(body))
    document = read(tmp_path, data)
    monkeypatch.setattr(docx_reader, "_SCAN", False)
    assert document == read(tmp_path, data)


@pytest.mark.parametrize("markup", [
    _part(_random_body(random.Random(1)), head='<?xml version="1.0" encoding="GBK"?>'),
    b"\xef\xbb\xbf" + _part("<w:p/>"),  # a byte order mark
    _part("<w:p><w:r><w:t>甲</w:t></w:r></w:p>", root_attributes=" xmlns='urn:x'"),
    _part("<w:p xmlns:v='urn:v'><w:r><w:t>甲</w:t></w:r></w:p>"),
    _HEAD.encode() + f"<!DOCTYPE d [<!ENTITY e 'x'>]><w:document xmlns:w='{_W}'><w:body/></w:document>".encode(),
    _part("<w:p/>").replace(b"</w:body>", b"</w:body><w:body/>"),
])
def test_unusual_parts_are_left_to_the_tree(markup):
    """Another encoding, a byte order mark, a default or nested namespace declaration, a DTD, a
    second body."""
    assert _scanned(markup) is None


def test_the_fixtures_are_read_from_their_markup():
    """The reports' own documents take the scanner (else it would be no faster)."""
    for path in (FILLED, FILLED.with_name("consistent-2021.docx")):
        with zipfile.ZipFile(path) as archive:
            markup = archive.read("word/document.xml")
        assert _scanned(markup) == _from_tree(markup)


def test_a_part_with_more_tags_than_the_element_bound_is_left_to_the_tree():
    """(The tree then counts its elements, as before.)"""
    assert scan_body(_part("<w:p/>" * 20), 10) is None
    assert scan_body(_part("<w:p/>" * 20), 30) is not None
    # Too short to hold more tags than the bound once well formed, so not counted; a "<" too many
    # makes it malformed, and it is left to the tree all the same.
    part = _part("<w:p/>" * 20)
    bound = len(part) // 3
    assert scan_body(part, bound) is not None
    assert scan_body(part.replace(b"<w:p/>", b"<w:p/><", 1), bound) is None


def test_each_thread_checks_with_its_own_parser():
    # the scan reads the checking parser's error log after its parse: a parser shared between
    # threads could hand one document's verdict to another's
    import threading

    from core.readers import docx_scan
    seen = []
    thread = threading.Thread(target=lambda: seen.append(docx_scan._checker()))
    thread.start()
    thread.join()
    assert seen[0] is not docx_scan._checker()
    assert docx_scan._checker() is docx_scan._checker()


@pytest.mark.parametrize("end", ["</w:p >", "</w:p\n>"])
@pytest.mark.parametrize("body, cells", [
    ("<w:p><w:r><w:t>甲</w:t></w:r>{end}<w:hyperlink><w:r><w:t>2</w:t></w:r></w:hyperlink>", [["甲"]]),
    ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r>{end}<w:r><w:t>5</w:t></w:r></w:tc></w:tr></w:tbl>", [["1"]]),
])
def test_runs_after_a_paragraph_end_with_white_space_are_not_the_paragraphs(end, body, cells):
    """A run placed after its paragraph's end tag (in the body, in a cell) is no paragraph's text
    in the tree; an end tag written with white space before its ">" ends the paragraph too (the
    scanner read the body's 甲2 and the cell's 15)."""
    markup = _part(body.format(end=end))
    assert _cells(_from_tree(markup)) == cells
    scanned = _scanned(markup)
    assert scanned is None or _cells(scanned) == cells
