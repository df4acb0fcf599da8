"""The PDF reader's fast paths give pdfplumber's own results: the page objects built by
core.readers.pdf_objects (field for field), the table cells of core.readers.pdf_tables and the
cell, page and line texts of core.readers.pdf_text."""
from __future__ import annotations

import io
from pathlib import Path

import math

import pdfplumber
import pdfplumber.table
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils import extract_text
from pdfplumber.utils.text import chars_to_textmap

from core.readers import pdf_objects, pdf_releases, pdf_tables, pdf_text
from core.readers.pdf import read_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PDFS = sorted(FIXTURES.rglob("*.pdf"))

pytestmark = pytest.mark.skipif(
    not pdf_releases.pdfplumber_checked(),
    reason=f"the fast paths are used only with pdfminer.six {pdf_releases.PDFMINER} and pdfplumber "
           f"{pdf_releases.PDFPLUMBER}; this is {pdfplumber.__version__}")


def _pdf(content: bytes, mediabox: str = "0 0 300 200", resources: str = "", more: tuple = ()) -> bytes:
    """A one-page PDF around a content stream (Helvetica as /F1, Courier as /F2; ``more``: objects
    7, 8, ...)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [{mediabox}] /Contents 4 0 R /Resources << /Font "
        f"<< /F1 5 0 R /F2 6 0 R >> {resources} >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        *more,
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


MADE = {
    "plain": _pdf(b"BT /F1 12 Tf 20 150 Td (Hello, world) Tj ET"),
    # character and word spacing, horizontal scaling, rise, kerning arrays, two fonts
    "spacing": _pdf(b"BT /F1 10 Tf 2 Tc 5 Tw 80 Tz 3 Ts 10 100 Td [(A) -250 (B C) 120 (D)] TJ "
                    b"/F2 9 Tf 0 -20 Td (x y) Tj T* (next) ' ET"),
    # rotated, mirrored and skewed text: not upright, boxes from all four corners
    "rotated": _pdf(b"BT /F1 11 Tf 0 1 -1 0 100 50 Tm (up) Tj -1 0 0 -1 200 150 Tm (flip) Tj "
                    b"1 0.3 0.2 1 30 30 Tm (skew) Tj ET"),
    # a MediaBox that does not start at 0 0: pdfplumber shifts x0/x1 and top/bottom
    "offset box": _pdf(b"BT /F1 12 Tf 40 60 Td (Offset) Tj ET", mediabox="-20 -10 280 190"),
    # colours, marked content with an MCID, paths drawn between two strings of one tag; a path
    # that makes no object (not starting with m) re-tags the character before it
    "tagged": _pdf(b"/P << /MCID 3 >> BDC 0.2 0.4 0.6 rg 1 0 0 RG BT /F1 12 Tf 10 10 Td (Tag) Tj ET "
                   b"/Q << /MCID 4 >> BDC 20 20 l S EMC 0 0 m S 10 10 50 20 re f BT /F1 12 Tf 10 40 Td (ged) Tj ET EMC "
                   b"/Span BMC BT /F1 12 Tf 10 80 Td (span) Tj ET EMC 0.5 g BT /F1 8 Tf 5 5 Td (grey) Tj ET "
                   b"[3 2] 0 d 0 0 m 50 50 l S 10 10 m 20 30 40 50 60 10 c S 0 1 0 0 k 5 5 20 20 re B"),
    # a form XObject: its characters inside a figure
    "form": _pdf(b"q 1 0 0 1 50 50 cm /X1 Do Q BT /F1 10 Tf 5 180 Td (page) Tj ET",
                 resources="/XObject << /X1 7 0 R >>",
                 more=(b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font "
                       b"<< /F1 5 0 R >> >> /Length 34 >>\nstream\nBT /F1 10 Tf 0 0 Td (inner) Tj ET\n"
                       b"endstream",)),
    "empty strings": _pdf(b"BT /F1 12 Tf () Tj [] TJ [(a) 5] TJ ET"),
}


def _objects_both_ways(data: bytes) -> list[tuple]:
    """Each page's objects as pdfplumber builds them and as pdf_objects does (as lists of
    key-value pairs: the order of the fields counts too), or the exception each raised."""
    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf_objects.is_supported(pdf)
        for page in pdf.pages:
            results = []
            for build in (lambda: page.objects, lambda: pdf_objects.page_objects(page)):
                try:
                    objects = build()
                    results.append({kind: [list(obj.items()) for obj in objs] for kind, objs in objects.items()})
                    results.append(list(objects))
                except Exception as exc:
                    results.append(type(exc).__name__)
                page.close()
            found.append(results)
    return found


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fixture_pages_have_pdfplumbers_objects(path):
    for plumber, plumber_kinds, ours, our_kinds in _objects_both_ways(path.read_bytes()):
        assert ours == plumber and our_kinds == plumber_kinds


@pytest.mark.parametrize("name", sorted(MADE))
def test_made_pages_have_pdfplumbers_objects(name):
    pages = _objects_both_ways(MADE[name])
    assert pages and pages[0][0]["char"], "the page shows characters"
    for plumber, plumber_kinds, ours, our_kinds in pages:
        assert ours == plumber and our_kinds == plumber_kinds


def test_made_pages_read_as_text():
    """The made pages are real: the reader finds their words where a user would see them."""
    assert read_pdf("x.pdf", MADE["plain"]).text == "Hello, world\n"
    assert "inner" in read_pdf("x.pdf", MADE["form"]).text


# --- table cells and texts ---------------------------------------------------------------

def _cell_chars(path: Path):
    """Every table cell's characters on every page of a fixture, as the reader gathers them."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            for table in page.find_tables():
                for row in table.rows:
                    for x0, top, x1, bottom in filter(None, row.cells):
                        yield [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1
                               and top <= (c["top"] + c["bottom"]) / 2 < bottom]


@pytest.mark.parametrize("path", [p for p in PDFS if not p.name.startswith("nl2828-")], ids=lambda p: p.name)
def test_fixture_cells_read_as_extract_text_reads_them(path):
    # (nl2828-*: tables drawn without ruling lines, no cells or a header's only)
    cells = list(_cell_chars(path))
    assert len(cells) > 50
    for chars in cells:
        assert pdf_text.cell_lines(chars) == pdf_text.squashed_lines(extract_text(chars))


_COORD = st.sampled_from([0, 1.5, 2, 3, 3.0001, 4.5, 6, 10, 10.2, 13, -1, math.nan])
_CHAR = st.fixed_dictionaries({
    "text": st.sampled_from(["a", "b", "数", "1", " ", "\u3000", "", "ﬁ", "xy", "\t"]),
    "x0": _COORD, "width": st.sampled_from([0, 1, 2.5, 3, 6]),
    "top": _COORD, "height": st.sampled_from([0, 1, 3, 9]),
    "upright": st.booleans() | st.just(True),
})


def _char(fields: dict) -> dict:
    return {**fields, "x1": fields["x0"] + fields["width"], "bottom": fields["top"] + fields["height"],
            "doctop": fields["top"]}


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHAR.map(_char), min_size=1, max_size=12))
def test_any_characters_read_as_extract_text_reads_them(chars):
    """Overlapping, out-of-order, rotated, blank and empty characters, close and far lines."""
    assert pdf_text.cell_lines(chars) == pdf_text.squashed_lines(extract_text(chars))


def _plumber_text_map(chars):
    return chars_to_textmap(chars, presorted=True, layout_bbox=(0, 0, 600, 850), layout_width=600,
                            layout_height=850)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHAR.map(_char), min_size=0, max_size=14))
def test_any_characters_make_pdfplumbers_page_text_and_lines(chars):
    try:
        expected = _plumber_text_map(chars)
        lines = [(line["top"], line["text"]) for line in expected.extract_text_lines(return_chars=False)]
    except Exception as exc:  # the same failure counts as the same result
        with pytest.raises(type(exc)):
            pdf_text.text_lines(chars)
        return
    assert pdf_text.page_text(chars) == expected.as_string
    assert pdf_text.text_lines(chars) == lines


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fixture_pages_have_pdfplumbers_text_and_lines(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            assert pdf_text.page_text(chars) == page.extract_text()
            assert pdf_text.text_lines(chars) == \
                [(line["top"], line["text"]) for line in page.extract_text_lines(return_chars=False)]
            assert pdf_text.page_text(chars[::3]) == page.filter(lambda c: c in chars[::3]).extract_text()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fixture_tables_have_pdfplumbers_cells(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            intersections = page.debug_tablefinder().intersections
            assert pdf_tables.intersections_to_cells(intersections) == \
                pdf_tables._ORIGINAL_INTERSECTIONS_TO_CELLS(intersections)


_LINE = st.tuples(st.sampled_from([0, 10, 20, 30, 30.5, 40]), st.sampled_from([0, 10, 20, 35, 40]),
                  st.sampled_from([0, 5, 10, 20, 40]), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=2, max_size=14))
def test_any_ruling_lines_give_pdfplumbers_cells(lines):
    """Grids with gaps, overlaps, crossing and duplicate lines."""
    edges = []
    for x, y, length, vertical in lines:
        if vertical:
            edges.append({"x0": x, "x1": x, "top": y, "bottom": y + length, "orientation": "v"})
        else:
            edges.append({"x0": x, "x1": x + length, "top": y, "bottom": y, "orientation": "h"})
    intersections = pdfplumber.table.edges_to_intersections(edges, 1, 1)
    assert pdf_tables.intersections_to_cells(intersections) == \
        pdf_tables._ORIGINAL_INTERSECTIONS_TO_CELLS(intersections)


# --- the whole reader, fast paths on and off -----------------------------------------------------

def _document(path: Path):
    document = read_pdf(str(path), path.read_bytes())
    return document.text, [(line.grid, [(c.text, c.start, c.end) for c in line.cells]) for line in document.lines], \
        document.problems


def test_the_reader_without_its_fast_paths_reads_the_same_documents(monkeypatch):
    """What a user sees does not depend on the fast paths: with pdfminer's and pdfplumber's own
    code everywhere (as with other releases of them), every fixture reads the same."""
    import pdfminer.pdffont
    import pdfminer.pdfinterp
    import pdfplumber.pdf

    from core.readers import pdf as pdf_reader
    from core.readers import pdf_content

    fast = {path: _document(path) for path in PDFS}
    monkeypatch.setattr(pdfminer.pdfinterp, "PDFContentParser", pdf_content.FastContentParser.__bases__[-1])
    monkeypatch.setattr(pdfminer.pdffont, "CMapParser", pdf_content.FastCMapParser.__bases__[-1])
    monkeypatch.setattr(pdfplumber.pdf, "PDFParser", pdf_content.FastPDFParser.__bases__[-1])
    monkeypatch.setattr(pdfplumber.table, "intersections_to_cells", pdf_tables._ORIGINAL_INTERSECTIONS_TO_CELLS)
    monkeypatch.setattr(pdf_objects, "is_supported", lambda pdf: False)
    monkeypatch.setattr(pdf_reader, "_FAST_TEXT", False)
    for path in PDFS:
        assert _document(path) == fast[path], path.name
    assert any(lines for _text, lines, _problems in fast.values())
