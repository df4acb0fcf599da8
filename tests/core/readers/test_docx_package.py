"""A Word file is found and read through its package parts, not through fixed member names.

filled-2021.docx is the official template with T3 row r, column c filled with 100·r + c: its
first T3 row reads 101 … 107 (tests/fixtures/README.md).
"""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import core.readers.docx as docx_reader
from core.readers.dispatch import read_document
from core.readers.docx import CORRUPT_PROBLEM

FILLED = Path(__file__).resolve().parents[2] / "fixtures" / "filled-2021.docx"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def rebuilt(edit) -> bytes:
    """The fixture's members, with ``edit(name, data)`` giving each member's new (name, data)."""
    out = io.BytesIO()
    with zipfile.ZipFile(FILLED) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            name, data = edit(item.filename, source.read(item))
            target.writestr(name, data)
    return out.getvalue()


def read(tmp_path: Path, data: bytes):
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    return read_document(path)


FIRST_T3_ROW = ["101", "102", "103", "104", "105", "106", "107"]


def has_first_t3_row(document) -> bool:
    return any(line.grid and [c.text for c in line.cells][-7:] == FIRST_T3_ROW for line in document.lines)


def test_the_fixture_reads_its_first_t3_row():
    assert has_first_t3_row(read_document(FILLED))


def test_a_document_part_under_another_name_is_found_through_the_relationships(tmp_path):
    def rename(name, data):
        if name == "word/document.xml":
            return "word/body-2021.xml", data
        if name in ("_rels/.rels", "[Content_Types].xml"):
            return name, data.replace(b"word/document.xml", b"word/body-2021.xml")
        return name, data

    document = read(tmp_path, rebuilt(rename))
    assert not document.problems
    assert document.text == read_document(FILLED).text
    assert has_first_t3_row(document)


def test_damaged_styles_do_not_stop_the_text_from_being_read(tmp_path):
    document = read(tmp_path, rebuilt(lambda name, data: (name, b"<w:styles" if name == "word/styles.xml" else data)))
    assert not document.problems
    assert has_first_t3_row(document)


def test_a_package_whose_main_part_is_not_a_word_document_is_refused(tmp_path):
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    data = rebuilt(lambda name, data: (name, data.replace(MAIN.encode(), macro)))
    assert read(tmp_path, data).problems == [CORRUPT_PROBLEM]


def test_a_document_without_a_body_is_damaged_not_an_internal_error(tmp_path):
    empty = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             b'</w:document>')
    data = rebuilt(lambda name, data: (name, empty if name == "word/document.xml" else data))
    assert read(tmp_path, data).problems == [CORRUPT_PROBLEM]


def test_a_package_without_its_relationships_is_damaged(tmp_path):
    data = rebuilt(lambda name, data: ("_rels/other.rels" if name == "_rels/.rels" else name, data))
    assert read(tmp_path, data).problems == [CORRUPT_PROBLEM]


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc>{properties}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_merged_cells_are_read_once_where_they_start(tmp_path):
    """A vertical merge continues in a cell whose first w:tcPr's first w:vMerge does not say
    "restart" (no w:val means continue); the old w:hMerge likewise. Only those cells are left out."""
    rows = [
        [_cell("A", "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>"), _cell("B"),
         _cell("C", "<w:tcPr><w:hMerge w:val='restart'/></w:tcPr>"),
         _cell("C-covered", "<w:tcPr><w:hMerge/></w:tcPr>")],
        [_cell("A-covered", "<w:tcPr><w:vMerge/></w:tcPr>"), _cell("b2"),
         _cell("E", "<w:tcPr><w:vMerge w:val='restart'/><w:vMerge/></w:tcPr>"),
         _cell("F", "<w:tcPr><w:shd/></w:tcPr><w:tcPr><w:vMerge w:val='continue'/></w:tcPr>"),
         _cell("G-covered", "<w:tcPr><w:vMerge w:val='continue'/></w:tcPr>")],
    ]
    table = "<w:tbl>" + "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows) + "</w:tbl>"

    def with_table(name, data):
        if name != "word/document.xml":
            return name, data
        start, end = data.index(b"<w:body>") + len(b"<w:body>"), data.index(b"</w:body>")
        return name, data[:start] + table.encode() + data[end:]

    document = read(tmp_path, rebuilt(with_table))
    assert [[c.text for c in line.cells] for line in document.lines if line.grid] == \
        [["A", "B", "C"], ["b2", "E", "F"]]


def _with_body(body: str):
    def edit(name, data):
        if name != "word/document.xml":
            return name, data
        start, end = data.index(b"<w:body>") + len(b"<w:body>"), data.index(b"</w:body>")
        return name, data[:start] + body.encode() + data[end:]
    return edit


# Runs in a hyperlink, a tab stop in the paragraph's properties (not a tab), content controls
# around a paragraph and around a cell, a table nested in a cell.
_PLAIN_BODY = (
    "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='420'/></w:tabs></w:pPr>"
    "<w:r><w:t>一、总体情况</w:t></w:r><w:hyperlink><w:r><w:t>（见链接）</w:t></w:r></w:hyperlink></w:p>"
    "<w:sdt><w:sdtContent><w:p><w:r><w:t>本年新制作</w:t><w:tab/><w:t>12</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p><w:p/></w:tc>"
    "<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>"
    "<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>")
_PLAIN_LINES = [["一、总体情况（见链接）"], ["本年新制作", "12"], ["甲 乙", "3", "内"]]

# A paragraph with a text box (its drawing and the legacy copy in mc:Fallback) between two runs,
# and a cell with text moved away by tracked changes: only 前后 and 新 are the documents' text.
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_BOXED_BODY = (
    f"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent xmlns:mc='{_MC}'><mc:Choice Requires='wps'>"
    "<w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:r><w:t>副本</w:t></w:r></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    "<w:r><w:t>后</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom>"
    "<w:moveTo><w:r><w:t>新</w:t></w:r></w:moveTo></w:p></w:tc></w:tr></w:tbl>")


def test_paragraphs_and_cells_read_alike_with_and_without_text_boxes(tmp_path):
    """A document without text boxes, fallbacks or moved text is read without looking above each
    run; with them (here after the same content), a text box's text is left out of the paragraph it
    is anchored in and read after it as a paragraph of its own (not the fallback's copy, not the
    text moved away), and the rest reads alike."""
    plain = read(tmp_path, rebuilt(_with_body(_PLAIN_BODY)))
    assert [[c.text for c in line.cells] for line in plain.lines] == _PLAIN_LINES
    boxed = read(tmp_path, rebuilt(_with_body(_PLAIN_BODY + _BOXED_BODY)))
    assert [[c.text for c in line.cells] for line in boxed.lines] == _PLAIN_LINES + [["前后"], ["框内"], ["新"]]


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# Bodies the one-pass reading takes (True) or leaves to the general walk (False: damaged ones).
_ONE_PASS_BODIES = [
    (_PLAIN_BODY, False),  # content controls: the general walk looks through them
    (_PLAIN_BODY.replace("<w:sdt><w:sdtContent>", "").replace("</w:sdtContent></w:sdt>", ""), True),
    # A merged cell holding a nested table, a nested table with its own merge, an empty cell,
    # a hyperlink in a cell, text after the table.
    ("<w:tbl><w:tr>" + _cell("A", "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>")
     + "<w:tc><w:tbl><w:tr>" + _cell("x", "<w:tcPr><w:vMerge/></w:tcPr>") + _cell("y") + "</w:tr></w:tbl>"
     + _p("后") + "</w:tc><w:tc/></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:tbl><w:tr>" + _cell("z")
     + "</w:tr></w:tbl></w:tc><w:tc><w:p><w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink></w:p></w:tc>"
     + _cell("C") + "</w:tr></w:tbl>" + _p("表后\t12"), True),
    ("<w:tbl><w:tr><w:tc><w:r><w:t>段外</w:t></w:r>" + _p("甲") + "</w:tc></w:tr></w:tbl>", False),
    ("<w:tbl><w:tr><w:tc>" + _p("甲") + "<w:r><w:t>段后</w:t></w:r></w:tc></w:tr></w:tbl>", False),
    ("<w:p><w:r><w:t>外</w:t></w:r><w:tbl><w:tr>" + _cell("内") + "</w:tr></w:tbl></w:p>", False),
    ("<w:tbl><w:tr>" + _cell("A") + "</w:tr>" + _p("表中段") + "<w:tr>" + _cell("B") + "</w:tr></w:tbl>", False),
    ("<w:r><w:t>正文外</w:t></w:r>" + _p("正文"), False),
    ("<w:tbl><w:tr>" + _cell("A") + "<w:p><w:r><w:t>行中段</w:t></w:r></w:p></w:tr></w:tbl>", False),
    ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:p></w:tc></w:tr></w:tbl>", False),
]


@pytest.mark.parametrize("body, one_pass", _ONE_PASS_BODIES)
def test_one_pass_reading_reads_what_the_general_walk_reads(tmp_path, monkeypatch, body, one_pass):
    """The one pass over a plain body gives the same text and rows as reading table by table,
    cell by cell; where it cannot be sure (damaged structure) it leaves the body to that walk."""
    data = rebuilt(_with_body(body))
    fast = read(tmp_path, data)
    monkeypatch.setattr(docx_reader, "_ONE_PASS", False)
    monkeypatch.setattr(docx_reader, "_SCAN", False)
    general = read(tmp_path, data)
    assert (fast.text, [[(c.text, c.start, c.end) for c in line.cells] for line in fast.lines]) == \
        (general.text, [[(c.text, c.start, c.end) for c in line.cells] for line in general.lines])
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    body_element = root.find(docx_reader.W_BODY)
    taken = docx_reader._plain_lines(body_element, docx_reader._continuations(body_element),
                                     docx_reader._grid_spans(body_element)) is not None
    assert taken == one_pass


def test_one_pass_reading_of_the_merged_table_by_hand(tmp_path):
    """A nested table is flattened into its cell with all its text (its own merges do not drop
    text); the row below leaves out the cell its merge covers, nested table and all."""
    document = read(tmp_path, rebuilt(_with_body(_ONE_PASS_BODIES[2][0])))
    assert [[c.text for c in line.cells] for line in document.lines] == \
        [["A", "x y 后", ""], ["链", "C"], ["表后", "12"]]


@pytest.mark.parametrize("path", [FILLED, FILLED.with_name("consistent-2021.docx")])
def test_one_pass_reading_of_the_fixtures(monkeypatch, path):
    fast = read_document(path)
    monkeypatch.setattr(docx_reader, "_ONE_PASS", False)
    monkeypatch.setattr(docx_reader, "_SCAN", False)
    general = read_document(path)
    assert fast.text == general.text and fast.lines == general.lines and has_first_t3_row(fast) == (path == FILLED)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _random_body(rng, depth: int = 0) -> str:
    """Tables, rows, cells, paragraphs, runs and run content nested at random, well placed or
    not (a row in a paragraph, a run in a cell, a paragraph in a run, ...), with merge marks and
    cells spanning two grid columns (the MergedLines both make compared too)."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["p", "p", "tbl", "tr", "tc", "r", "t", "tab", "br", "hyperlink", "shd"])
        if kind in ("t", "tab", "br", "shd"):
            parts.append(f"<w:t>{rng.choice(['甲', '12', ' ', '乙丙'])}</w:t>" if kind == "t" else f"<w:{kind}/>")
            continue
        props = ""
        if kind == "tc" and rng.random() < 0.4:
            mark = rng.choice(["vMerge", "hMerge", "gridSpan"])
            value = rng.choice(["", " w:val='restart'", " w:val='continue'"]) if mark != "gridSpan" else " w:val='2'"
            props = f"<w:tcPr><w:{mark}{value}/></w:tcPr>"
        inner = _random_body(rng, depth + 1) if depth < 4 else ""
        parts.append(f"<w:{kind}>{props}{inner}</w:{kind}>")
    return "".join(parts)


def test_one_pass_reading_matches_the_general_walk_on_random_structures(monkeypatch):
    """On 600 randomly nested bodies the one pass either reads what the general walk reads or
    leaves the body to it; both outcomes occur."""
    rng = random.Random(20261201)
    taken = 0
    for _ in range(600):
        body = etree.fromstring(f"<w:body xmlns:w='{_W}'>{_random_body(rng)}</w:body>")
        fast = docx_reader.read_body(body)
        taken += docx_reader._plain_lines(body, docx_reader._continuations(body), docx_reader._grid_spans(body)) is not None
        monkeypatch.setattr(docx_reader, "_ONE_PASS", False)
        general = docx_reader.read_body(body)
        monkeypatch.setattr(docx_reader, "_ONE_PASS", True)
        assert (fast.text, fast.lines) == (general.text, general.lines), etree.tostring(body, encoding=str)
    assert 100 < taken < 500


def test_a_body_of_more_than_100000_elements_is_not_read(tmp_path):
    """The element bound, counted only when the markup has more "<" than the bound: 100 001 empty
    paragraphs are refused; 20 000 paragraphs of text (60 000 elements, 120 000 "<") are read."""
    huge = read(tmp_path, rebuilt(_with_body("<w:p/>" * 100_001)))
    assert huge.problems == [docx_reader.TOO_MANY_ELEMENTS] and not huge.lines
    many = read(tmp_path, rebuilt(_with_body(_p("第一段") * 20_000)))
    assert not many.problems and [c.text for c in many.lines[0].cells] == ["第一段"] and len(many.lines) == 20_000


def test_repeated_xml_ids_do_not_make_the_document_damaged(tmp_path):
    """Nothing is looked up by its xml:id, so two paragraphs with the same one (or one that is not
    a name) are read like any other rather than refused as a damaged file."""
    document = read(tmp_path, rebuilt(_with_body(
        "<w:p xml:id='a'><w:r><w:t>第一段</w:t></w:r></w:p><w:p xml:id='a'><w:r><w:t>第二段</w:t></w:r></w:p>"
        "<w:p xml:id='1'><w:r><w:t>第三段</w:t></w:r></w:p>")))
    assert not document.problems
    assert [[c.text for c in line.cells] for line in document.lines] == [["第一段"], ["第二段"], ["第三段"]]


_STRICT = {b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
           b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
               b"http://purl.oclc.org/ooxml/officeDocument/relationships"}


@pytest.mark.parametrize("scan", [True, False])
def test_a_strict_open_xml_document_reads_as_its_transitional_twin(tmp_path, monkeypatch, scan):
    """Word's "Strict Open XML" save: the markup and the relationship types in the purl.oclc.org
    namespaces, the parts and content types alike. It was called damaged (文件已损坏)."""
    def strict(name, data):
        for transitional, purl in _STRICT.items():
            data = data.replace(transitional, purl)
        return name, data

    monkeypatch.setattr(docx_reader, "_SCAN", scan)
    document = read(tmp_path, rebuilt(strict))
    assert not document.problems
    assert has_first_t3_row(document)
    assert (document.text, document.lines) == (read_document(FILLED).text, read_document(FILLED).lines)


def test_word_tag_names_are_python_docx_s():
    """The reader names Word's tags itself (importing python-docx cost every worker process time
    as it started): the names must be the ones python-docx's documents carry."""
    from docx.oxml.ns import qn as python_docx_qn

    from core.readers import docx as reader

    for tag in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdtContent", "w:txbxContent", "w:vMerge", "w:val"):
        assert reader.qn(tag) == python_docx_qn(tag)
    assert reader.W_BODY == python_docx_qn("w:body")
