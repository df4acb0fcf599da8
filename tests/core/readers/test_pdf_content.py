"""The fast tokenizer gives pdfminer's objects, token for token, on any bytes: in content streams,
in the file's own objects and in ToUnicode maps."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSEOF

from core.readers import pdf_releases
from core.readers.pdf_content import FastCMapParser, FastContentParser, FastPDFParser, \
    is_supported

pytestmark = pytest.mark.skipif(
    not is_supported(),
    reason=f"the fast tokenizer is used only with pdfminer.six {pdf_releases.PDFMINER}; this one keeps pdfminer's own")

ORIGINAL = FastContentParser.__bases__[-1]  # pdfminer's own PDFContentParser


def _plain(obj):
    if isinstance(obj, PDFObjRef):
        return ("ref", obj.objid)
    if isinstance(obj, PDFStream):
        return ("stream", sorted(obj.attrs.items()), obj.rawdata)
    if isinstance(obj, list):
        return [_plain(o) for o in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return (type(obj).__name__, obj)


def objects(parser_class, streams: list[bytes], bufsiz: int) -> list:
    return _next_objects(parser_class([PDFStream({}, data) for data in streams]), bufsiz)


def _next_objects(parser, bufsiz: int) -> list:
    """nextobject()'s results to the end (at most 10 000), a failure as ("raised", its type)."""
    parser.BUFSIZ = bufsiz
    found = []
    for _ in range(10_000):
        try:
            pos, obj = parser.nextobject()
        except PSEOF:
            break
        except Exception as exc:  # the same failure counts as the same result
            found.append(("raised", type(exc).__name__))
            break
        found.append((pos, _plain(obj)))
    return found


def all_objects(streams: list[bytes], bufsiz: int) -> list:
    """FastContentParser.objects(), as ``objects`` lists nextobject()'s results."""
    parser = FastContentParser([PDFStream({}, data) for data in streams])
    parser.BUFSIZ = bufsiz
    found = []
    try:
        for pos, obj in parser.objects():
            found.append((pos, _plain(obj)))
            if len(found) == 10_000:
                break
    except Exception as exc:
        found.append(("raised", type(exc).__name__))
    return found


def same(streams: list[bytes]) -> None:
    for bufsiz in (4096, 7, 2):  # tokens across buffer boundaries, too
        expected = objects(ORIGINAL, streams, bufsiz)
        assert objects(FastContentParser, streams, bufsiz) == expected
        assert all_objects(streams, bufsiz) == expected


@pytest.mark.parametrize("stream", [
    b"BT /F1 9 Tf 20 780 Td 11 TL (Hello) Tj ET",
    b"q 1 0 0 1 72.5 -3.25 cm .5 w -.5 +7 --5 - + . 1.2.3 4. 0 0 m 10 10 l S Q",
    b"[(A) -120 (B) 3.5 <0041 00 42>] TJ <> Tj <4> Tj <12>> <<>> <</A 1 /B [1 2]>> BDC EMC",
    b"(a(b)c) Tj (esc\\)aped \\101\\n) Tj (line\\\r\ncont) Tj",
    b"/Na#20me /F#31 /\xe4\xb8\xad /\xff\xfe Tf % comment\n true false null",
    b"\x00 BT\x00ET ) } { x\x80y 123" + b"9" * 5000 + b" Tj",
    b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x01\x02 EI Q",
])
def test_known_streams_tokenize_alike(stream):
    same([stream])


def test_tokens_split_over_two_streams():
    same([b"BT /F1 1", b"2 Tf (Hel", b"lo) Tj E", b"T"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=60) | st.lists(
    st.sampled_from([b" ", b"\n", b"\r", b"\t", b"\x00", b"(", b")", b"<", b">", b"[", b"]", b"{", b"}",
                     b"/", b"%", b"#", b"\\", b".", b"+", b"-", b"0", b"7", b"12", b"a", b"f", b"Tj", b"true",
                     b"BI", b"ID", b"EI", b"\xe4"]), max_size=40).map(b"".join), min_size=1, max_size=3))
def test_any_bytes_tokenize_alike(streams):
    same(streams)


# --- the same tokens in the file's own parser and in ToUnicode maps ------------------------------

def _file_objects(parser_class, data: bytes, bufsiz: int) -> list:
    return _next_objects(parser_class(io.BytesIO(data)), bufsiz)


def _unicode_map(parser_class, data: bytes):
    cmap = FileUnicodeMap()
    try:
        parser_class(cmap, io.BytesIO(data)).run()
    except Exception as exc:
        return ("raised", type(exc).__name__)
    return sorted(cmap.cid2unichr.items())


def same_file_objects(data: bytes) -> None:
    for bufsiz in (4096, 7, 2):
        assert _file_objects(FastPDFParser, data, bufsiz) == _file_objects(PDFParser, data, bufsiz)


TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry "
              b"(Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 "
              b"def 1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <01> <5357> <02> <4EAC> "
              b"<03> <0020> endbfchar 1 beginbfrange <10> <12> <0041> endbfrange 1 beginbfrange <20> <21> "
              b"[<D83D DE00> <00E9>] endbfrange endcmap CMapName currentdict /CMap defineresource pop end end")


@pytest.mark.parametrize("data", [
    b"1 0 obj << /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /W [1 [500 600] 3 9 1000] >> endobj",
    b"2 0 obj [1 0 R 2.5 (str\\)ing) <48656C6C6F> /Na#6De true false null] endobj 3 0 R",
    b"trailer << /Size 4 /Root 1 0 R /ID [<01AB> <CD02>] >> startxref 123 %%EOF",
])
def test_known_file_objects_parse_alike(data):
    same_file_objects(data)


def test_a_to_unicode_map_reads_alike():
    assert _unicode_map(FastCMapParser, TO_UNICODE) == _unicode_map(CMapParser, TO_UNICODE)
    assert len(_unicode_map(FastCMapParser, TO_UNICODE)) == 8  # 南 京, space, A B C, 😀 é


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b" ", b"\n", b"(", b")", b"<", b">", b"<<", b">>", b"[", b"]", b"/", b"%",
                                 b"#", b"\\", b".", b"-", b"0", b"12", b"7.5", b"R", b"obj", b"endobj", b"a",
                                 b"<4E2D>", b"true", b"null", b"/Length", b"stream\n", b"endstream"]),
                max_size=50).map(b"".join))
def test_any_file_bytes_parse_alike(data):
    same_file_objects(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(TO_UNICODE)), st.binary(max_size=6))
def test_any_damaged_to_unicode_map_reads_alike(at, junk):
    damaged = TO_UNICODE[:at] + junk + TO_UNICODE[at:]
    assert _unicode_map(FastCMapParser, damaged) == _unicode_map(CMapParser, damaged)
