"""A Word file is found and read through its package parts, not through fixed member names.

filled-2021.docx is the official template with T3 row r, column c filled with 100·r + c: its
first T3 row reads 101 … 107 (tests/fixtures/README.md).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

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
