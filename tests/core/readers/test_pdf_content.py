"""The fast content-stream tokenizer gives pdfminer's objects, token for token, on any bytes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from core.readers.pdf_content import TESTED_PDFMINER, FastContentParser, is_supported

pytestmark = pytest.mark.skipif(
    not is_supported(),
    reason=f"the fast tokenizer is used only with pdfminer.six {TESTED_PDFMINER}; this one keeps pdfminer's own")

ORIGINAL = FastContentParser.__bases__[0]  # pdfminer's own PDFContentParser


def _plain(obj):
    if isinstance(obj, PDFStream):
        return ("stream", sorted(obj.attrs.items()), obj.rawdata)
    if isinstance(obj, list):
        return [_plain(o) for o in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return (type(obj).__name__, obj)


def objects(parser_class, streams: list[bytes], bufsiz: int) -> list:
    parser = parser_class([PDFStream({}, data) for data in streams])
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


def same(streams: list[bytes]) -> None:
    for bufsiz in (4096, 7, 2):  # tokens across buffer boundaries, too
        assert objects(FastContentParser, streams, bufsiz) == objects(ORIGINAL, streams, bufsiz)


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
