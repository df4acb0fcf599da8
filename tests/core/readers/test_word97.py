"""Word 97-2003 .doc files read without LibreOffice; what the native reader cannot read goes to
LibreOffice as before, and a damaged file says so in Chinese without crashing or hanging.

Fixtures (made with LibreOffice 7 from the .docx beside them, see tests/fixtures/README.md):
filled-2021.doc is filled-2021.docx saved as .doc; word97-extras.doc is the official template
plus a PAGE field, a table nested in a cell and a character outside the BMP.
"""
from __future__ import annotations

import struct
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.readers import legacy
from core.readers.dispatch import read_document
from core.readers.legacy import DAMAGED_PROBLEM, ENCRYPTED_PROBLEM, NO_OFFICE_PROBLEM, needs_office
from core.readers.word97 import CompoundFile
from tests.core.readers.test_legacy import stand_in_office
from tests.core.test_hostile_properties import through_extract

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FILLED_DOC = FIXTURES / "filled-2021.doc"
EXTRAS_DOC = FIXTURES / "word97-extras.doc"


def cells(doc) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in doc.lines]


def read_offline(path) -> object:
    """read_document with no LibreOffice on the machine."""
    with mock.patch.object(legacy, "find_office", return_value=None):
        return read_document(path)


def write(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def fib_offset(data: bytes) -> int:
    """Where the WordDocument stream (and its FIB) starts in the file: its first sector."""
    compound = CompoundFile(data)
    entry = compound.root_streams()["WordDocument"]
    return 512 + entry[2] * compound.sector_size


def test_the_three_tables_are_read_without_libreoffice():
    doc = read_offline(FILLED_DOC)
    assert doc.problems == [] and doc.format == "doc"
    rows = cells(doc)
    # 表二: the values make_fixtures.py wrote (11/12/13, 21/22/23, 30, 40, 50, 60.25)
    assert ["规章", "11", "12", "13"] in rows and ["行政规范性文件", "21", "22", "23"] in rows
    assert ["行政事业性收费", "60.25"] in rows
    # 表三: row r column c holds 100·r + c; a label merged down (（三）不予公开) appears once
    assert ["（三）不予公开", "1.属于国家秘密", "501", "502", "503", "504", "505", "506", "507"] in rows
    assert ["2.其他法律行政法规禁止公开", "601", "602", "603", "604", "605", "606", "607"] in rows
    assert ["（七）总计", "2401", "2402", "2403", "2404", "2405", "2406", "2407"] in rows
    # 表四: group g column k holds 900 + 10·g + k
    assert [str(900 + 10 * g + k) for g in (1, 2, 3) for k in range(1, 6)] in rows
    assert all(line.grid for line in doc.lines if line.cells[0].text == "（七）总计")
    assert "一、总体情况" in doc.text and "\x07" not in doc.text and "\r" not in doc.text


def test_a_doc_reads_as_the_docx_it_was_saved_from():
    doc, docx = read_offline(FILLED_DOC), read_document(FIXTURES / "filled-2021.docx")
    assert cells(doc) == cells(docx) and doc.text == docx.text


def test_field_results_nested_tables_and_characters_beyond_the_bmp():
    doc = read_offline(EXTRAS_DOC)
    assert doc.problems == []
    rows = cells(doc)
    assert "PAGE" not in doc.text  # the field's code is dropped, its result kept
    assert rows[-3][0] == "页码"
    assert ["外层甲", "内一 内二"] in rows  # a table inside a cell is part of that cell's text
    assert ["外层乙", "😀表情"] in rows
    # the blank template's empty cells stay cells: a cell mark after a cell mark is not a row end
    assert ["（七）总计", "", "", "", "", "", "", ""] in rows and ["行政许可", ""] in rows


def test_native_files_need_no_libreoffice_in_a_folder_batch(tmp_path):
    native = write(tmp_path, "报告.doc", FILLED_DOC.read_bytes())
    old = bytearray(FILLED_DOC.read_bytes())
    struct.pack_into("<H", old, fib_offset(bytes(old)) + 2, 0x65)  # nFib of Word 6/95
    word6 = write(tmp_path, "旧版.wps", bytes(old))
    assert [needs_office(native), needs_office(word6)] == [False, True]


def test_word6_or_encrypted_falls_back_to_libreoffice(tmp_path, monkeypatch):
    data = bytearray(FILLED_DOC.read_bytes())
    at = fib_offset(bytes(data))
    word6 = bytearray(data)
    struct.pack_into("<H", word6, at + 2, 0x65)
    encrypted = bytearray(data)
    encrypted[at + 11] |= 0x01  # fEncrypted (bit 8 of the flags at 0x0A)
    paths = [write(tmp_path, "word6.doc", bytes(word6)), write(tmp_path, "locked.doc", bytes(encrypted))]
    assert [read_offline(p).problems for p in paths] == [[NO_OFFICE_PROBLEM], [ENCRYPTED_PROBLEM]]
    log = stand_in_office(tmp_path, monkeypatch)  # "converts" anything to the filled template
    for path in paths:
        assert read_document(path).problems == []
    assert log.read_text().count("run") == 2


def test_a_truncated_doc_says_it_is_damaged(tmp_path):
    data = FILLED_DOC.read_bytes()
    at = fib_offset(data)
    clipped = bytearray(data)
    struct.pack_into("<I", clipped, at + 0x1A2, 10 ** 6)  # the piece table lies beyond its stream
    doc = read_offline(write(tmp_path, "坏.doc", bytes(clipped)))
    # no LibreOffice here, which may still read it: both said (and the failure not kept)
    assert doc.problems == [DAMAGED_PROBLEM, NO_OFFICE_PROBLEM] and doc.lines == []
    half = read_offline(write(tmp_path, "半.doc", data[:len(data) // 2]))
    assert half.problems == [DAMAGED_PROBLEM, NO_OFFICE_PROBLEM] and half.lines == []


def test_a_sector_chain_that_loops_ends(tmp_path):
    data = bytearray(FILLED_DOC.read_bytes())
    compound = CompoundFile(bytes(data))
    first_fat_sector = struct.unpack_from("<I", data, 76)[0]
    start = compound.root_streams()["WordDocument"][2]
    # the WordDocument chain's first sector points at itself
    struct.pack_into("<I", data, 512 + first_fat_sector * compound.sector_size + 4 * start, start)
    doc = read_offline(write(tmp_path, "环.doc", bytes(data)))
    assert doc.problems == [DAMAGED_PROBLEM, NO_OFFICE_PROBLEM] and doc.lines == []


@settings(max_examples=40, derandomize=True, deadline=timedelta(seconds=20),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.integers(0, 70_000), st.binary(min_size=1, max_size=8),
                          st.sampled_from(["replace", "truncate"])), min_size=1, max_size=6))
def test_mutated_doc_files_never_crash(edits):
    data = bytearray(FILLED_DOC.read_bytes())
    for at, chunk, operation in edits:
        at %= len(data)
        if operation == "truncate":
            del data[max(at, 1):]
        else:
            data[at:at + len(chunk)] = chunk
    with mock.patch.object(legacy, "find_office", return_value=None):
        through_extract("input.doc", bytes(data))


@pytest.mark.skipif(not legacy.find_office(), reason="LibreOffice (soffice) is not installed")
def test_same_cells_as_through_libreoffice(tmp_path):
    """The native Document equals the one the LibreOffice route makes of the same file (not
    word97-extras.doc: LibreOffice reads its nested table back as plain paragraphs)."""
    conversions = legacy.convert_batch([str(FILLED_DOC)], tmp_path / "work")
    through_office = read_document(conversions.converted[str(FILLED_DOC)])
    assert cells(read_offline(FILLED_DOC)) == cells(through_office)


def test_a_field_left_open_loses_one_paragraph_at_most():
    from core.readers.word97 import _Fields, _visible
    fields = _Fields()
    assert _visible("页\x13 PAGE \x143\x15共\x13 NUMPAGES \x145\x15页", fields) == "页3共5页"
    assert _visible("坏\x13 HYPERLINK 后面的字", fields) == "坏"  # code never closed
    assert _visible("下一段 12", fields) == "下一段 12"
    assert _visible("结果跨段\x13 REF a \x14一", fields) == "结果跨段一"  # a result spans paragraphs
    assert _visible("二\x15完", fields) == "二完"


@pytest.mark.skipif(not legacy.find_office(), reason="LibreOffice (soffice) is not installed")
def test_a_damaged_doc_libreoffice_cannot_convert_says_it_is_damaged(tmp_path):
    data = FILLED_DOC.read_bytes()
    path = write(tmp_path, "坏.doc", data[:len(data) // 2])
    assert needs_office(path)  # LibreOffice gets its chance
    doc = read_document(path)
    assert doc.problems == [DAMAGED_PROBLEM] or (doc.problems == [] and doc.lines)


def test_text_deleted_with_change_tracking_is_not_read():
    """word97-revised.doc: filled-2021 plus a paragraph "修订：" with 删掉的字 deleted and 新加的字
    inserted, both tracked (as the docx reader reads the .docx it came from)."""
    doc = read_offline(FIXTURES / "word97-revised.doc")
    assert doc.problems == []
    assert [line.text for line in doc.lines][-1] == "修订：新加的字"
    assert "删掉的字" not in doc.text
    assert ["（七）总计", "2401", "2402", "2403", "2404", "2405", "2406", "2407"] in cells(doc)


def test_compressed_and_unicode_pieces_join_in_order():
    """Word stores runs of cp1252 text one byte a character (a fast save mixes them with UTF-16
    pieces); LibreOffice writes UTF-16 only, so this is built by hand."""
    from core.readers.word97 import _main_text
    word = b"\x00" * 16 + b"Caf\xe9 \x80 " + "报告\r".encode("utf-16-le")
    pieces = [(0, 7, 16, True, 0), (7, 10, 23, False, 0)]
    text, starts = _main_text(word, pieces, 10)
    assert text == "Café € 报告\r" and starts == [0, 7]
